"""Orbits and necklaces against published facts and independent computations.

Every expected value below is either a term of a cited OEIS sequence, a consequence of a
cited theorem, or recomputed here from first principles (brute force over all k^n strings,
``numpy.roll`` over every shift, union-find over every group element, sympy for divisor
sums and partitions). None is taken from grouprep's own output.

Sources
-------
* OEIS A000031 (binary necklaces), A001037 (binary Lyndon words), A000029 (binary
  bracelets), A104137 (binary bracelets of odd prime length), A027376 (ternary Lyndon
  words), A027671 (ternary bracelets), A278639 (chiral pairs of ternary bracelets; its entry
  states A278639 = A001867 - A027671, which gives the ternary necklaces A001867),
  A027377 (4-ary Lyndon words), A032275 (4-ary bracelets). The terms were read from the
  OEIS entries (oeis.org and the oeis-frontend mirror) and cross-checked against the
  formulas printed in those entries.
* The seed text ``seeds/000_07004b73427329d9.txt`` ("Symmetries in Machine Learning I"):
  its lists of necklace representatives for N = 1..6.
* M. Lothaire, *Combinatorics on Words*, Addison-Wesley 1983, ch. 5: every necklace is
  the d-th power of a unique Lyndon word of length n/d, so N_k(n) = sum_{d|n} L_k(d), and
  counting words by their primitive root gives Witt's identity sum_{d|n} d L_k(d) = k^n.
* Burnside's lemma (W. Burnside, *Theory of Groups of Finite Order*, 1897/1911): the
  number of orbits is the average number of fixed points; a rotation by i of an n-cycle
  has gcd(i, n) cycles, so N_k(n) = (1/n) sum_{i=0}^{n-1} k^gcd(i, n).
* G. Pólya (1937); F. Harary and E. M. Palmer, *Graphical Enumeration*, Academic Press
  1973, ch. 2: the cycle indices Z(C_n) = (1/n) sum_{d|n} phi(d) a_d^{n/d},
  Z(D_n) = Z(C_n)/2 + a_1 a_2^{(n-1)/2}/2 (n odd) or (a_2^{n/2} + a_1^2 a_2^{n/2-1})/4
  (n even), and Z(S_n) = sum over partitions of n of prod_i a_i^{m_i} / (i^{m_i} m_i!)
  (Cauchy's class-size formula).
* F. Ruskey, C. Savage and T. M. Y. Wang, "Generating necklaces", J. Algorithms 13
  (1992), and D. E. Knuth, TAOCP vol. 4A, §7.2.1.1, Algorithm F: the prenecklaces in
  lexicographic order, from which the next necklace after a given one is found.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Hashable, Iterable
from fractions import Fraction
from typing import Any

import networkx as nx
import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy.utilities.iterables import partitions

import grouprep
from grouprep import (
    Quotient,
    abelian,
    alternating,
    bracelets,
    canonical_form,
    cayley_graph,
    count_bracelets,
    count_lyndon_words,
    count_necklaces,
    count_orbits,
    cycle_index,
    cyclic,
    dihedral,
    dihedral_action,
    least_rotation,
    lyndon_words,
    necklace_rank,
    necklace_unrank,
    necklaces,
    orbit,
    orbits,
    permutation_action,
    regular_action,
    schreier_graph,
    shift_action,
    signal_action,
    stabilizer,
    symmetric,
    translation_action,
)

# ---------------------------------------------------------------------------- published data

# OEIS A000031, binary necklaces of length n, n = 0..35.
A000031 = [1, 2, 3, 4, 6, 8, 14, 20, 36, 60, 108, 188, 352, 632, 1182, 2192, 4116, 7712, 14602,
           27596, 52488, 99880, 190746, 364724, 699252, 1342184, 2581428, 4971068, 9587580,
           18512792, 35792568, 69273668, 134219796, 260301176, 505294128,
           981706832]  # fmt: skip

# OEIS A001037, binary Lyndon words of length n, n = 0..40.
A001037 = [1, 2, 1, 2, 3, 6, 9, 18, 30, 56, 99, 186, 335, 630, 1161, 2182, 4080, 7710, 14532,
           27594, 52377, 99858, 190557, 364722, 698870, 1342176, 2580795, 4971008, 9586395,
           18512790, 35790267, 69273666, 134215680, 260300986, 505286415, 981706806,
           1908866960, 3714566310, 7233615333, 14096302710, 27487764474]  # fmt: skip

# OEIS A000029, binary bracelets of length n, n = 0..35.
A000029 = [1, 2, 3, 4, 6, 8, 13, 18, 30, 46, 78, 126, 224, 380, 687, 1224, 2250, 4112, 7685,
           14310, 27012, 50964, 96909, 184410, 352698, 675188, 1296858, 2493726, 4806078,
           9272780, 17920860, 34669602, 67159050, 130216124, 252745368,
           490984488]  # fmt: skip

# OEIS A104137, binary bracelets of length p for the odd primes p = 3, 5, ..., 71.
A104137 = [4, 8, 18, 126, 380, 4112, 14310, 184410, 9272780, 34669602, 1857545300,
           26818405352, 102282248574, 1497215711538, 84973644983780, 4885261149611790,
           18900353608280300, 1101298162244236182, 16628051030379615882]  # fmt: skip
ODD_PRIMES_TO_71 = [3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71]

# OEIS A027376, ternary Lyndon words of length n, n = 0..32.
A027376 = [1, 3, 3, 8, 18, 48, 116, 312, 810, 2184, 5880, 16104, 44220, 122640, 341484, 956576,
           2690010, 7596480, 21522228, 61171656, 174336264, 498111952, 1426403748, 4093181688,
           11767874940, 33891544368, 97764009000, 282429535752, 817028131140, 2366564736720,
           6863037256208, 19924948267224, 57906879556410]  # fmt: skip

# OEIS A027671, ternary bracelets of length n, n = 0..29.
A027671 = [1, 3, 6, 10, 21, 39, 92, 198, 498, 1219, 3210, 8418, 22913, 62415, 173088, 481598,
           1351983, 3808083, 10781954, 30615354, 87230157, 249144711, 713387076, 2046856566,
           5884491500, 16946569371, 48883660146, 141217160458, 408519019449,
           1183289542815]  # fmt: skip

# OEIS A278639, chiral pairs of ternary bracelets, n = 0..30; its entry: "Equals A001867 -
# A027671", so the ternary necklaces are A001867(n) = A027671(n) + A278639(n).
A278639 = [0, 0, 0, 1, 3, 12, 38, 117, 336, 976, 2724, 7689, 21455, 60228, 168714, 475037,
           1338861, 3788400, 10742588, 30556305, 87112059, 248967564, 713032782, 2046325125,
           5883428618, 16944975048, 48880471500, 141212377489, 408509453511, 1183275193908,
           3431504760514]  # fmt: skip
A001867 = [a + b for a, b in zip(A027671, A278639[: len(A027671)], strict=True)]

# OEIS A027377, 4-ary Lyndon words of length n, n = 0..23.
A027377 = [1, 4, 6, 20, 60, 204, 670, 2340, 8160, 29120, 104754, 381300, 1397740, 5162220,
           19172790, 71582716, 268431360, 1010580540, 3817733920, 14467258260, 54975528948,
           209430785460, 799644629550, 3059510616420]  # fmt: skip

# OEIS A032275, 4-ary bracelets of length n, n = 1..23 (offset 1).
A032275 = dict(enumerate(
    [4, 10, 20, 55, 136, 430, 1300, 4435, 15084, 53764, 192700, 704370, 2589304, 9608050,
     35824240, 134301715, 505421344, 1909209550, 7234153420, 27489127708, 104717491064,
     399827748310, 1529763696820], start=1))  # fmt: skip

# The seed's necklace representatives, N = 1..6, exactly as printed (not least rotations).
SEED_REPRESENTATIVES = {
    1: "0,1",
    2: "00,10,11",
    3: "000,100,110,111",
    4: "0000,1000,1100,1010,1110,1111",
    5: "00000,10000,11000,10100,11100,10110,11110,11111",
    6: "000000,100000,110000,101000,100100,111000,110100,110010,111111,011111,001111,"
    "111010,011011,101010",
}


# ------------------------------------------------------------------ independent computations
def burnside_necklaces(n: int, k: int) -> int:
    """N_k(n) = (1/n) sum_i k^gcd(i, n): Burnside over the n rotations."""
    total = sum(k ** math.gcd(i, n) for i in range(n))
    assert total % n == 0
    return total // n


def oeis_bracelets(n: int, k: int) -> int:
    """OEIS A000029/A027671/A032275 (Russell, Ollerton): the bracelet count for any k."""
    value = Fraction(k ** ((n + 1) // 2) + k ** (n // 2 + 1), 4) + Fraction(
        sum(k ** math.gcd(n, i) for i in range(1, n + 1)), 2 * n
    )
    assert value.denominator == 1
    return int(value)


def as_point(value: Any) -> Any:
    """Nested lists to nested tuples, the form of a signal action's points."""
    return tuple(as_point(v) for v in value) if isinstance(value, list) else value


def divisors(n: int) -> list[int]:
    return [int(d) for d in sympy.divisors(n)]


def all_strings(n: int, k: int) -> np.ndarray:
    """All k^n strings of length n as rows, in lexicographic order."""
    return np.array(list(itertools.product(range(k), repeat=n)), dtype=np.int64).reshape(-1, n)


def codes_of(X: np.ndarray, k: int) -> np.ndarray:
    """Read each row in base k: for equal lengths, numeric order is lexicographic order."""
    n = X.shape[-1]
    weights = np.array([k ** (n - 1 - i) for i in range(n)], dtype=np.int64)
    return X.astype(np.int64) @ weights


def brute_least_rotation(row: Iterable[int]) -> tuple[tuple[int, ...], int, int]:
    """(least rotation, least g with roll(x, g) equal to it, how many g reach it)."""
    x = np.array([int(v) for v in row], dtype=object)  # exact Python ints, any size
    images = [tuple(np.roll(x, g).tolist()) for g in range(len(x))]
    best = min(images)
    hits = [g for g, image in enumerate(images) if image == best]
    return best, hits[0], len(hits)


def brute_period(row: Iterable[int]) -> int:
    x = list(row)
    n = len(x)
    return next(p for p in range(1, n + 1) if n % p == 0 and x[p:] + x[:p] == x)


def is_necklace(word: list[int]) -> bool:
    return all(word <= word[i:] + word[:i] for i in range(len(word)))


def next_necklace(word: list[int], k: int) -> list[int] | None:
    """The next k-ary necklace after ``word`` in lexicographic order (None after the last).

    Walks the prenecklaces in lexicographic order (Knuth's Algorithm F: increase the last
    symbol below k-1, then extend periodically), each tested as a necklace by brute force.
    """
    a = list(word)
    n = len(a)
    while True:
        j = n - 1
        while j >= 0 and a[j] == k - 1:
            j -= 1
        if j < 0:
            return None
        a[j] += 1
        for i in range(j + 1, n):
            a[i] = a[i - j - 1]
        if is_necklace(a):
            return a


class UnionFind:
    def __init__(self, items: Iterable[Hashable]) -> None:
        self.parent = {x: x for x in items}

    def find(self, x: Hashable) -> Hashable:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Hashable, b: Hashable) -> None:
        self.parent[self.find(a)] = self.find(b)

    def classes(self) -> set[frozenset[Hashable]]:
        groups: dict[Hashable, set[Hashable]] = {}
        for x in self.parent:
            groups.setdefault(self.find(x), set()).add(x)
        return {frozenset(g) for g in groups.values()}


def brute_orbits(action: Any) -> set[frozenset[Hashable]]:
    """Orbits by union-find over every point and every group element."""
    points = action.points()
    uf = UnionFind(points)
    for g in action.group.elements():
        for p in points:
            uf.union(p, action.act(g, p))
    return uf.classes()


def brute_colourings(group: Any, k: int) -> int:
    """Colourings of the group's points with k colours, up to the group, by enumeration."""
    perms = [group.as_permutation(g) for g in group.elements()]
    seen = set()
    for colouring in itertools.product(range(k), repeat=group.degree):
        seen.add(min(tuple(colouring[p[i]] for i in range(group.degree)) for p in perms))
    return len(seen)


# ------------------------------------------------------------------ counts against the OEIS
def _terms(seq: list[int]) -> list[tuple[int, int]]:
    return [(n, v) for n, v in enumerate(seq) if n >= 1]


@pytest.mark.parametrize(
    ("count", "k", "terms", "source"),
    [
        (count_necklaces, 2, _terms(A000031), "A000031"),
        (count_lyndon_words, 2, _terms(A001037), "A001037"),
        (count_bracelets, 2, _terms(A000029), "A000029"),
        (count_necklaces, 3, _terms(A001867), "A001867 = A027671 + A278639"),
        (count_lyndon_words, 3, _terms(A027376), "A027376"),
        (count_bracelets, 3, _terms(A027671), "A027671"),
        (count_lyndon_words, 4, _terms(A027377), "A027377"),
        (count_bracelets, 4, sorted(A032275.items()), "A032275"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_counts_match_oeis(count: Callable[..., int], k: int, terms: list, source: str) -> None:
    got = [(n, count(n, k)) for n, _ in terms]
    assert got == terms, source
    assert all(type(v) is int for _, v in got)


def test_quaternary_necklaces_are_sums_of_oeis_lyndon_counts() -> None:
    # N_4(n) = sum_{d | n} A027377(d) (Lothaire ch. 5: a necklace is a power of a Lyndon word)
    for n in range(1, len(A027377)):
        expected = sum(A027377[d] for d in divisors(n))
        assert count_necklaces(n, 4) == expected == burnside_necklaces(n, 4)


@pytest.mark.parametrize(("p", "expected"), list(zip(ODD_PRIMES_TO_71, A104137, strict=True)))
def test_binary_bracelets_of_prime_length_match_a104137(p: int, expected: int) -> None:
    assert count_bracelets(p, 2) == expected
    # the entry's formula: (2^(p-1) - 1)/p + 2^((p-1)/2) + 1
    assert expected == (2 ** (p - 1) - 1) // p + 2 ** ((p - 1) // 2) + 1


# ------------------------------------------------------------- exact counts for huge lengths
HUGE = [(1000, 2), (1024, 2), (997, 2), (2310, 3), (4096, 2), (720, 5), (360, 10**6), (64, 2**64)]


@pytest.mark.parametrize(("n", "k"), HUGE)
def test_witt_identity_sum_of_d_times_lyndon_is_k_to_the_n(n: int, k: int) -> None:
    # Lothaire ch. 5: sum_{d | n} d L_k(d) = k^n, exactly, as Python ints
    values = {d: count_lyndon_words(d, k) for d in divisors(n)}
    assert all(type(v) is int for v in values.values())
    assert sum(d * v for d, v in values.items()) == k**n


@pytest.mark.parametrize(("n", "k"), HUGE)
def test_necklaces_are_burnside_counts_and_sums_of_lyndon_counts(n: int, k: int) -> None:
    got = count_necklaces(n, k)
    assert type(got) is int
    assert got == burnside_necklaces(n, k)
    assert got == sum(count_lyndon_words(d, k) for d in divisors(n))


@pytest.mark.parametrize(("n", "k"), HUGE)
def test_bracelets_match_the_oeis_gcd_formula(n: int, k: int) -> None:
    got = count_bracelets(n, k)
    assert type(got) is int
    assert got == oeis_bracelets(n, k)


@pytest.mark.parametrize("p", [2, 3, 101, 997, 7919])
@pytest.mark.parametrize("k", [2, 3, 7, 10**9])
def test_prime_lengths_follow_fermat(p: int, k: int) -> None:
    # a word of prime length is constant or primitive: L_k(p) = (k^p - k)/p, N_k(p) = L_k(p) + k
    assert (k**p - k) % p == 0
    assert count_lyndon_words(p, k) == (k**p - k) // p
    assert count_necklaces(p, k) == (k**p - k) // p + k


@pytest.mark.parametrize("n", [1, 2, 3, 6, 64, 1000])
def test_one_symbol_gives_exactly_one_class(n: int) -> None:
    assert count_necklaces(n, 1) == 1
    assert count_bracelets(n, 1) == 1
    assert count_lyndon_words(n, 1) == (1 if n == 1 else 0)


# ---------------------------------------------------------- generation against brute force
# (2, 257) and (1, 70000) reach the uint16 and int64 output paths, each compiled on first use
GENERATION_CASES = [
    (n, k) for k in range(1, 8) for n in range(1, 18) if k**n <= 200_000 and (k > 1 or n <= 12)
] + [
    (2, 256),
    pytest.param(2, 257, marks=pytest.mark.slow),
    pytest.param(1, 70_000, marks=pytest.mark.slow),
]


def _brute_classes(n: int, k: int) -> dict[str, list[int]]:
    """Least codes of necklaces, Lyndon words and bracelets, from all k^n strings."""
    X = all_strings(n, k)
    own = codes_of(X, k)
    rotations = np.stack([codes_of(np.roll(X, g, axis=1), k) for g in range(n)], axis=1)
    reflections = np.stack([codes_of(np.roll(X[:, ::-1], g, axis=1), k) for g in range(n)], axis=1)
    neck_min = rotations.min(axis=1)
    brace_min = np.minimum(neck_min, reflections.min(axis=1))
    # Lyndon: strictly below each of its other rotations (aperiodic and least)
    lyndon = own[(rotations[:, 1:] > own[:, None]).all(axis=1)]
    return {
        "necklaces": sorted(set(neck_min.tolist())),
        "lyndon_words": sorted(set(lyndon.tolist())),
        "bracelets": sorted(set(brace_min.tolist())),
        "neck_min": neck_min,
        "brace_min": brace_min,
    }


@pytest.mark.parametrize(("n", "k"), GENERATION_CASES)
def test_generation_matches_brute_force(n: int, k: int) -> None:
    expected = _brute_classes(n, k)
    for name, generate in (
        ("necklaces", necklaces),
        ("lyndon_words", lyndon_words),
        ("bracelets", bracelets),
    ):
        rows = generate(n, k)
        assert rows.shape == (len(expected[name]), n), name
        assert rows.dtype.kind in "iu", name
        if rows.size:
            assert int(rows.min()) >= 0 and int(rows.max()) < k, name
        codes = codes_of(rows, k).tolist()
        assert set(codes) == set(expected[name]), name  # the same classes
        assert codes == sorted(codes) and len(set(codes)) == len(codes), name  # lex order
        assert codes == expected[name], name
    # each row the least element of its class
    X = all_strings(n, k)
    least_of = dict(zip(codes_of(X, k).tolist(), expected["neck_min"].tolist(), strict=True))
    assert all(least_of[c] == c for c in codes_of(necklaces(n, k), k).tolist())
    least_of_b = dict(zip(codes_of(X, k).tolist(), expected["brace_min"].tolist(), strict=True))
    assert all(least_of_b[c] == c for c in codes_of(bracelets(n, k), k).tolist())


def test_generated_counts_match_oeis_where_brute_force_is_too_big() -> None:
    # n = 20 binary and n = 12 ternary: the row counts against the OEIS terms
    assert len(necklaces(20)) == A000031[20]
    assert len(lyndon_words(20)) == A001037[20]
    assert len(bracelets(20)) == A000029[20]
    assert len(necklaces(12, 3)) == A001867[12]
    assert len(lyndon_words(12, 3)) == A027376[12]
    assert len(bracelets(12, 3)) == A027671[12]


# ------------------------------------------------------------------------- the seed's lists
@pytest.mark.parametrize("N", sorted(SEED_REPRESENTATIVES))
def test_seed_representatives_are_one_per_class(N: int) -> None:
    reps = [[int(c) for c in word] for word in SEED_REPRESENTATIVES[N].split(",")]
    assert all(len(r) == N for r in reps)
    X = np.array(reps)
    # brute force: the seed's words lie in distinct classes, and there is one per class
    classes = {brute_least_rotation(r)[0] for r in reps}
    all_classes = {brute_least_rotation(r)[0] for r in itertools.product(range(2), repeat=N)}
    assert len(classes) == len(reps) == len(all_classes) == A000031[N]
    # grouprep agrees: distinct canonical forms, ranks a permutation of 0..count-1
    canon = {tuple(r) for r in least_rotation(X).canonical.tolist()}
    assert canon == classes
    assert sorted(necklace_rank(X).tolist()) == list(range(count_necklaces(N)))
    Q = Quotient(shift_action(N, alphabet=2))
    assert sorted(Q.index(X).tolist()) == list(range(Q.num_classes))
    assert count_orbits(shift_action(N, alphabet=2)) == len(reps)
    assert len(orbits(shift_action(N, alphabet=2))) == len(reps)


# ------------------------------------------------------------ least rotation vs brute force
def _check_least_rotation(X: np.ndarray) -> None:
    result = least_rotation(X)
    assert result.canonical.shape == X.shape
    assert result.canonical.dtype == X.dtype
    assert result.shift.shape == X.shape[:-1]
    assert result.stabilizer_order.shape == X.shape[:-1]
    n = X.shape[-1]
    rows = X.reshape(-1, n)
    canon = result.canonical.reshape(-1, n)
    shifts = np.asarray(result.shift).reshape(-1)
    stabs = np.asarray(result.stabilizer_order).reshape(-1)
    for row, c, g, s in zip(rows, canon, shifts, stabs, strict=True):
        best, first, hits = brute_least_rotation(row.tolist())
        assert tuple(c.tolist()) == best, row
        assert int(g) == first, row
        assert int(s) == hits == n // brute_period(row.tolist()), row
        np.testing.assert_array_equal(np.roll(row, int(g)), c)


@pytest.mark.parametrize("dtype", [np.uint8, np.int32, np.int64])
def test_least_rotation_random_batches_all_lengths(dtype: type) -> None:
    rng = np.random.default_rng(20260101)
    for n in range(1, 131):
        k = 2 + n % 4
        X = rng.integers(0, k, size=(6, n)).astype(dtype)
        period = int(rng.integers(1, n + 1))
        X[0] = np.resize(rng.integers(0, k, period), n)  # often periodic
        X[1] = 0
        X[2] = k - 1
        _check_least_rotation(X)


@pytest.mark.parametrize("dtype", [np.uint8, np.int32, np.int64])
@pytest.mark.parametrize("lead", [(), (5,), (2, 3)])
@pytest.mark.parametrize(("n", "k"), [(7, 2), (21, 3), (32, 4), (33, 5), (64, 3), (70, 2)])
def test_least_rotation_leading_shapes(dtype: type, lead: tuple[int, ...], n: int, k: int) -> None:
    rng = np.random.default_rng(n * 10 + k)
    _check_least_rotation(rng.integers(0, k, size=(*lead, n)).astype(dtype))


def _edge_strings(n: int, k: int) -> list[list[int]]:
    rows = [[0] * n, [k - 1] * n, [0] * (n - 1) + [1], [1] + [0] * (n - 1)]
    rows.append([0] * (n // 2) + [1] * (n - n // 2))
    for p in divisors(n):  # periodic words with every period dividing n
        rows.append(([0] * (p - 1) + [1]) * (n // p))
        rows.append(([1] + [0] * (p - 1)) * (n // p))
    # long zero runs, ties between equally long runs
    rows.append(([0] * max(1, n // 3) + [1] + [0] * n)[:n])
    half = n // 2
    if half >= 2:
        rows.append([0] * (half - 1) + [1] + [0] * (half - 1) + [1] + [0] * (n - 2 * half))
    return rows


@pytest.mark.parametrize("n", [1, 2, 3, 8, 16, 24, 32, 40, 48, 56, 63, 64, 65, 96, 128])
@pytest.mark.parametrize("dtype", [np.uint8, np.int32, np.int64])
def test_least_rotation_edge_cases(n: int, dtype: type) -> None:
    X = np.array(_edge_strings(n, 2), dtype=dtype)
    _check_least_rotation(X)
    # stabilizer order n / period for each periodic word (the seed's Gribov ambiguity)
    for p in divisors(n):
        word = np.array(([0] * (p - 1) + [1]) * (n // p), dtype=dtype)
        assert int(least_rotation(word).stabilizer_order) == n // p


@pytest.mark.parametrize("n", [8, 16, 24, 40, 48, 56, 64])
def test_least_rotation_binary_bytes_lengths_multiple_of_eight(n: int) -> None:
    rng = np.random.default_rng(n)
    X = rng.integers(0, 2, size=(300, n), dtype=np.uint8)
    # sparse rows: long zero runs and many ties among equally long runs
    X[100:200] = (rng.random((100, n)) < 0.08).astype(np.uint8)
    X[200:250] = np.tile(rng.integers(0, 2, (50, 8), dtype=np.uint8), n // 8)
    _check_least_rotation(X)


@pytest.mark.parametrize(
    ("n", "k", "dtype"),
    [(8, 2, np.uint8), (16, 2, np.uint8), (12, 2, np.int32), (7, 3, np.int64), (5, 5, np.uint8)],
)
def test_least_rotation_exhaustive(n: int, k: int, dtype: type) -> None:
    # every string: the least rotation is the least base-k code over all shifts, the shift
    # the first g reaching it (argmin), the stabilizer order how many g reach it
    X = all_strings(n, k)
    rotations = np.stack([codes_of(np.roll(X, g, axis=1), k) for g in range(n)], axis=1)
    least = rotations.min(axis=1)
    result = least_rotation(X.astype(dtype))
    assert result.canonical.dtype == dtype
    np.testing.assert_array_equal(codes_of(result.canonical, k), least)
    np.testing.assert_array_equal(result.shift, rotations.argmin(axis=1))
    np.testing.assert_array_equal(result.stabilizer_order, (rotations == least[:, None]).sum(1))


@pytest.mark.parametrize("n", [8, 24, 64, 65])
def test_least_rotation_of_a_misaligned_buffer(n: int) -> None:
    rng = np.random.default_rng(n)
    buffer = np.zeros(40 * n + 3, dtype=np.uint8)[3:]  # rows start off any 8-byte boundary
    X = buffer.reshape(40, n)
    X[:] = rng.integers(0, 2, size=(40, n))
    _check_least_rotation(X)


@pytest.mark.parametrize(
    "dtype",
    [np.uint8, np.int32, np.int64, np.uint64]
    + [pytest.param(t, marks=pytest.mark.slow) for t in (np.int8, np.uint16, np.int16, np.uint32)],
)
@pytest.mark.parametrize("n", [1, 2, 3, 5, 9])
def test_least_rotation_with_symbols_up_to_the_dtype_maximum(
    request: pytest.FixtureRequest, dtype: type, n: int
) -> None:
    top = np.iinfo(dtype).max
    rng = np.random.default_rng(n)
    X = rng.integers(0, 3, size=(12, n)).astype(dtype)
    X[::3, 0] = top
    X[1::4, -1] = top - 1
    _check_least_rotation(X)


@pytest.mark.parametrize(
    "X",
    [np.array([[2**62], [5]], dtype=np.int64), np.array([[2**63]], dtype=np.uint64)],
    ids=["int64", "uint64"],
)
def test_least_rotation_of_length_one_with_a_huge_symbol(X: np.ndarray) -> None:
    result = least_rotation(X)
    np.testing.assert_array_equal(result.canonical, X)
    assert result.shift.tolist() == [0] * len(X)
    assert result.stabilizer_order.tolist() == [1] * len(X)


# ----------------------------------------------------------------- necklace rank and unrank
RANK_CASES = [(n, 2) for n in range(1, 13)] + [(n, 3) for n in range(1, 8)]
RANK_CASES += [(n, 4) for n in range(1, 6)] + [(n, 5) for n in range(1, 5)]
RANK_CASES += [(n, 1) for n in (1, 2, 5)] + [(2, 11), (3, 9)]


@pytest.mark.parametrize(("n", "k"), RANK_CASES)
def test_rank_and_unrank_exhaustive(n: int, k: int) -> None:
    X = all_strings(n, k)
    rotations = np.stack([codes_of(np.roll(X, g, axis=1), k) for g in range(n)], axis=1)
    least = rotations.min(axis=1)
    classes = sorted(set(least.tolist()))
    position = {c: i for i, c in enumerate(classes)}
    expected = np.array([position[c] for c in least.tolist()])
    np.testing.assert_array_equal(necklace_rank(X, k), expected)
    # unrank every rank of the small cases, 48 spread-out ranks (ends included) otherwise
    ranks = np.unique(np.linspace(0, len(classes) - 1, num=min(len(classes), 48)).astype(int))
    unranked = necklace_unrank(ranks, n, k)
    assert unranked.shape == (len(ranks), n)
    assert codes_of(unranked, k).tolist() == [classes[r] for r in ranks]
    assert int(necklace_rank(np.zeros(n, dtype=int), k)) == 0
    assert int(necklace_rank(np.full(n, k - 1), k)) == len(classes) - 1


@pytest.mark.parametrize("k", [2**31, 2**31 - 1, 10**9, 70_000, 3])
def test_rank_of_pairs_has_a_closed_form(k: int) -> None:
    # length 2: the necklaces are (a, b) with a <= b; lexicographically, rank(a, b) =
    # sum_{i < a} (k - i) + (b - a)
    rng = np.random.default_rng(k % 1000)
    a, b = rng.integers(0, k, 40), rng.integers(0, k, 40)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    expected = [
        int(x) * k - int(x) * (int(x) - 1) // 2 + int(y - x) for x, y in zip(lo, hi, strict=True)
    ]
    got = necklace_rank(np.stack([hi, lo], axis=1), k)
    assert [int(v) for v in got] == expected
    back = necklace_unrank(expected[:8], 2, k)
    assert back.tolist() == [[int(x), int(y)] for x, y in zip(lo[:8], hi[:8], strict=True)]


def _draw_string(data: st.DataObject, n: int, k: int) -> list[int]:
    return data.draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n))


LONG = st.sampled_from([(64, 2), (64, 3), (100, 2), (100, 3)])


@settings(max_examples=20, deadline=None)
@given(case=LONG, data=st.data())
def test_rank_unrank_roundtrip_long(case: tuple[int, int], data: st.DataObject) -> None:
    n, k = case
    total = burnside_necklaces(n, k)
    r = data.draw(st.integers(0, total - 1))
    rep = necklace_unrank(r, n, k)
    assert rep.shape == (n,)
    assert is_necklace(rep.tolist())
    rank = necklace_rank(rep, k)
    assert int(rank) == r
    if total >= 2**63:  # ranks beyond int64 are exact Python ints
        assert type(rank.item()) is int


@settings(max_examples=40, deadline=None)
@given(case=LONG, data=st.data())
def test_rank_is_rotation_invariant_and_orders_classes(
    case: tuple[int, int], data: st.DataObject
) -> None:
    n, k = case
    x, y = _draw_string(data, n, k), _draw_string(data, n, k)
    g = data.draw(st.integers(0, n - 1))
    rx, ry, rxg = (int(v) for v in necklace_rank(np.array([x, y, np.roll(x, g)]), k))
    assert rx == rxg
    cx, cy = brute_least_rotation(x)[0], brute_least_rotation(y)[0]
    assert (cx < cy) == (rx < ry)
    assert (cx == cy) == (rx == ry)


@settings(max_examples=30, deadline=None)
@given(case=LONG, data=st.data())
def test_rank_of_the_next_necklace_is_one_more(case: tuple[int, int], data: st.DataObject) -> None:
    n, k = case
    x = _draw_string(data, n, k)
    # bias towards the ends of the order (long runs of 0 or k-1)
    cut = data.draw(st.integers(0, n))
    fill = data.draw(st.sampled_from([0, k - 1]))
    x = [fill] * cut + x[cut:]
    c = list(brute_least_rotation(x)[0])
    nxt = next_necklace(c, k)
    if nxt is None:
        assert c == [k - 1] * n
        assert int(necklace_rank(np.array(c), k)) == burnside_necklaces(n, k) - 1
        return
    r0, r1 = (int(v) for v in necklace_rank(np.array([c, nxt]), k))
    assert r1 == r0 + 1


@pytest.mark.parametrize(("n", "k"), [(64, 2), (64, 3), (100, 2), (100, 3), (130, 2)])
def test_rank_of_extreme_necklaces(n: int, k: int) -> None:
    total = burnside_necklaces(n, k)
    zeros = [0] * (n - 2)
    words = np.array(
        [[*zeros, 0, 0], [*zeros, 0, 1], [*zeros, 0, k - 1], [*zeros, 1, 1], [k - 1] * n]
    )
    ranks = [int(v) for v in necklace_rank(words, k)]
    # the least necklaces are 0^n < 0^(n-1)c for c = 1..k-1 < 0^(n-2)11; (k-1)^n is the last
    assert ranks == [0, 1, k - 1, k, total - 1]
    assert necklace_unrank(total - 1, n, k).tolist() == [k - 1] * n
    assert necklace_unrank(0, n, k).tolist() == [0] * n


def leading_run_rank(k: int, a: int, u: list[int], b: int) -> int:
    """Rank of the necklace 0^(n-m) a u b (a, b nonzero, m = len(u) + 2, n > 2m).

    Its longest zero run leads, so the necklaces below it are 0^n, the k - 1 words
    0^(n-1)c, the (k-1)^2 k^(j-2) necklaces 0^(n-j) a' u' b' for 2 <= j < m, and those
    with j = m and (a', u', b') lexicographically smaller.
    """
    m = len(u) + 2
    value_u = sum(d * k ** (len(u) - 1 - i) for i, d in enumerate(u))
    below = k + (k - 1) * (k ** (m - 2) - 1)
    return below + (a - 1) * (k - 1) * k ** (m - 2) + value_u * (k - 1) + (b - 1)


@pytest.mark.parametrize(("n", "k"), [(40, 2), (64, 3), (100, 2), (300, 2), (301, 5)])
def test_rank_of_necklaces_with_a_long_leading_zero_run(n: int, k: int) -> None:
    rng = np.random.default_rng(n + k)
    words, expected = [], []
    for m in [2, 3, 4, 7, 12, 17]:
        if n <= 2 * m:
            continue
        a, b = (int(v) for v in rng.integers(1, k, 2))
        u = [int(v) for v in rng.integers(0, k, m - 2)]
        word = [0] * (n - m) + [a, *u, b]
        assert is_necklace(word)
        words.append(np.roll(word, int(rng.integers(0, n))))  # any rotation of it
        expected.append(leading_run_rank(k, a, u, b))
    assert [int(v) for v in necklace_rank(np.array(words), k)] == expected


@pytest.mark.slow
@pytest.mark.parametrize("n", [1000, 1500])
def test_rank_of_necklaces_with_a_long_leading_zero_run_very_long(n: int) -> None:
    words = [[0] * (n - 5) + [1, 0, 1, 1, 1], [0] * (n - 12) + [1] * 12]
    expected = [leading_run_rank(2, 1, [0, 1, 1], 1), leading_run_rank(2, 1, [1] * 10, 1)]
    assert [int(v) for v in necklace_rank(np.array(words))] == expected


@pytest.mark.parametrize("n", [1, 2, 17, 30, 35])
def test_rank_of_the_last_binary_necklace_is_the_oeis_count_minus_one(n: int) -> None:
    assert int(necklace_rank(np.ones(n, dtype=np.uint8))) == A000031[n] - 1
    assert necklace_unrank(A000031[n] - 1, n).tolist() == [1] * n


@pytest.mark.slow
def test_rank_unrank_roundtrip_very_long_binary() -> None:
    n = 257
    total = burnside_necklaces(n, 2)
    rng = np.random.default_rng(n)
    for r in [1, total - 2, int(rng.integers(0, 2**62)) * total // 2**62]:
        rep = necklace_unrank(r, n)
        assert is_necklace(rep.tolist())
        assert int(necklace_rank(rep)) == r
        nxt = next_necklace(rep.tolist(), 2)
        assert nxt is not None
        assert int(necklace_rank(np.array(nxt))) == r + 1


# -------------------------------------------------------------- Burnside and Pólya counting
def _finite_actions() -> list[Any]:
    return [
        permutation_action(symmetric(4)),
        permutation_action(dihedral(6)),
        permutation_action(cyclic(5)),
        permutation_action(alternating(4)),
        regular_action(dihedral(4)),
        regular_action(symmetric(3)),
        shift_action(7, alphabet=2),
        shift_action(4, alphabet=3),
        dihedral_action(5, alphabet=2),
        dihedral_action(6, alphabet=2),
        dihedral_action(4, alphabet=3),
        translation_action((2, 3), alphabet=2),
        translation_action((2, 2), alphabet=3),
        signal_action(permutation_action(symmetric(3)), alphabet=2),
        signal_action(permutation_action(symmetric(3)), alphabet=3),
        signal_action(permutation_action(dihedral(4)), alphabet=2),
        signal_action(permutation_action(dihedral(5)), alphabet=3),
    ]


@pytest.mark.parametrize("action", _finite_actions(), ids=repr)
def test_count_orbits_matches_union_find(action: Any) -> None:
    expected = brute_orbits(action)
    assert count_orbits(action) == len(expected)
    found = orbits(action)
    assert {frozenset(o) for o in found} == expected
    # documented order: points as in points(), orbits by their first point
    where = {p: i for i, p in enumerate(action.points())}
    firsts = [where[o[0]] for o in found]
    assert firsts == sorted(firsts)
    assert all([where[p] for p in o] == sorted(where[p] for p in o) for o in found)


@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_colourings_of_three_points_under_s3_are_multisets(k: int) -> None:
    # 3 points up to all permutations: multisets of size 3 from k colours, C(k + 2, 3)
    action = signal_action(permutation_action(symmetric(3)), alphabet=k)
    assert count_orbits(action) == math.comb(k + 2, 3)


@pytest.mark.parametrize(("n", "k"), [(12, 2), (100, 3), (1000, 2), (360, 7)])
def test_count_orbits_of_long_signals_by_burnside(n: int, k: int) -> None:
    assert count_orbits(shift_action(n, alphabet=k)) == burnside_necklaces(n, k)
    assert count_orbits(dihedral_action(n, alphabet=k)) == oeis_bracelets(n, k)


@pytest.mark.parametrize(("h", "w", "k"), [(2, 3, 2), (4, 6, 2), (5, 5, 3), (8, 12, 2)])
def test_count_orbits_of_periodic_images(h: int, w: int, k: int) -> None:
    # the translation (a, b) of the h x w torus has order lcm(h/gcd(a,h), w/gcd(b,w)), so
    # its cycles number h w / that order (Burnside over Z_h x Z_w)
    total = 0
    for a in range(h):
        for b in range(w):
            order = math.lcm(h // math.gcd(a, h), w // math.gcd(b, w))
            total += k ** (h * w // order)
    assert total % (h * w) == 0
    assert count_orbits(translation_action((h, w), alphabet=k)) == total // (h * w)


def _a(i: int) -> sympy.Symbol:
    return sympy.Symbol(f"a{i}")


def textbook_cyclic(n: int) -> sympy.Expr:
    return sympy.Rational(1, n) * sum(
        sympy.totient(d) * _a(d) ** (n // d) for d in sympy.divisors(n)
    )


def textbook_dihedral(n: int) -> sympy.Expr:
    if n % 2:
        reflections = sympy.Rational(1, 2) * _a(1) * _a(2) ** ((n - 1) // 2)
    else:
        reflections = sympy.Rational(1, 4) * (
            _a(2) ** (n // 2) + _a(1) ** 2 * _a(2) ** (n // 2 - 1)
        )
    return sympy.Rational(1, 2) * textbook_cyclic(n) + reflections


def textbook_symmetric(n: int) -> sympy.Expr:
    total = sympy.Integer(0)
    for part in partitions(n):
        term = sympy.Integer(1)
        for i, m in part.items():
            term *= _a(i) ** m / (sympy.Integer(i) ** m * sympy.factorial(m))
        total += term
    return total


CYCLE_INDEX_CASES = (
    [(cyclic(n), textbook_cyclic(n)) for n in range(1, 13)]
    + [(dihedral(n), textbook_dihedral(n)) for n in range(1, 11)]
    + [(symmetric(n), textbook_symmetric(n)) for n in (3, 4, 5)]
)


@pytest.mark.parametrize(("group", "expected"), CYCLE_INDEX_CASES, ids=lambda v: repr(v)[:24])
def test_cycle_index_matches_textbook_formula(group: Any, expected: sympy.Expr) -> None:
    got = cycle_index(group)
    assert sympy.expand(got - expected) == 0


@pytest.mark.parametrize(
    ("factors", "expected_factors"),
    [
        ((cyclic(2), cyclic(4)), (textbook_cyclic(2), textbook_cyclic(4))),
        ((cyclic(3), cyclic(4)), (textbook_cyclic(3), textbook_cyclic(4))),
        ((symmetric(3), dihedral(4)), (textbook_symmetric(3), textbook_dihedral(4))),
    ],
    ids=repr,
)
def test_cycle_index_of_a_direct_product_is_the_product(
    factors: tuple[Any, Any], expected_factors: tuple[sympy.Expr, sympy.Expr]
) -> None:
    # acting on the disjoint union of the factors' points: Z(A + B) = Z(A) Z(B)
    # (Harary & Palmer, Graphical Enumeration, ch. 2: the cycle index of a sum of groups)
    group = grouprep.direct_product(*factors)
    assert group.degree == sum(f.degree for f in factors)
    expected = expected_factors[0] * expected_factors[1]
    assert sympy.expand(cycle_index(group) - expected) == 0


@pytest.mark.parametrize(
    ("group", "k"),
    [
        (cyclic(6), 2),
        (cyclic(5), 3),
        (dihedral(6), 2),
        (dihedral(5), 3),
        (dihedral(4), 4),
        (symmetric(3), 3),
        (symmetric(4), 2),
        (symmetric(4), 3),
    ],
    ids=repr,
)
def test_cycle_index_at_k_counts_colourings(group: Any, k: int) -> None:
    Z = cycle_index(group)
    value = Z.subs(dict.fromkeys(Z.free_symbols, k))
    assert value == brute_colourings(group, k)


@pytest.mark.parametrize("action", _finite_actions()[:10], ids=repr)
def test_cycle_index_of_a_point_action_counts_its_orbits(action: Any) -> None:
    # Burnside: the orbit count is the mean number of fixed points, dZ/da1 at a_i = 1
    Z = cycle_index(action)
    assert Z.subs(dict.fromkeys(Z.free_symbols, 1)) == 1
    mean_fixed = sympy.diff(Z, _a(1)).subs(dict.fromkeys(Z.free_symbols, 1))
    assert mean_fixed == len(brute_orbits(action))


@pytest.mark.parametrize(
    "group", [cyclic(8), dihedral(3), dihedral(4), symmetric(3), abelian(2, 4)], ids=repr
)
def test_cycle_index_of_the_regular_action(group: Any) -> None:
    # left multiplication by g of order d splits G into |G|/d cycles of length d
    def order(g: Any) -> int:
        d, x = 1, g
        while x != group.identity:
            x, d = group.compose(g, x), d + 1
        return d

    expected = sympy.Rational(1, group.order) * sum(
        _a(order(g)) ** (group.order // order(g)) for g in group.elements()
    )
    assert sympy.expand(cycle_index(regular_action(group)) - expected) == 0


# ----------------------------------------------------------------------- orbit–stabilizer
@pytest.mark.parametrize("action", _finite_actions()[:12], ids=repr)
def test_orbit_stabilizer_on_every_point(action: Any) -> None:
    G = action.group
    elements = G.elements()
    for p in action.points():
        orb = orbit(action, p)
        H = stabilizer(action, p)
        assert len(orb) * H.order == G.order
        assert set(orb) == {action.act(g, p) for g in elements}
        assert list(orb) == sorted(orb)
        fixing = {G.index(g) for g in elements if action.act(g, p) == p}
        assert {G.index(h) for h in H.elements()} == fixing


# ---------------------------------------------------------------------------------- Quotient
@pytest.mark.parametrize(("n", "k"), [(1, 2), (4, 2), (6, 2), (8, 2), (5, 3), (3, 4), (3, 1)])
def test_quotient_of_shifts_matches_brute_force(n: int, k: int) -> None:
    Q = Quotient(shift_action(n, alphabet=k))
    X = all_strings(n, k)
    least = [brute_least_rotation(row)[0] for row in X.tolist()]
    classes = sorted(set(least))
    assert Q.num_classes == len(classes)
    position = {c: i for i, c in enumerate(classes)}
    np.testing.assert_array_equal(Q.index(X), [position[c] for c in least])
    sizes = {c: least.count(c) for c in classes}
    for i, c in enumerate(classes):
        assert tuple(np.asarray(Q.representative(i)).tolist()) == c
        assert Q.class_size(i) == sizes[c]


def test_quotient_of_shifts_at_length_64() -> None:
    n = 64
    Q = Quotient(shift_action(n, alphabet=2))
    assert Q.num_classes == burnside_necklaces(n, 2)
    rng = np.random.default_rng(64)
    X = rng.integers(0, 2, size=(8, n))
    X[0] = np.tile([0, 1, 1, 0], 16)
    X[1] = np.tile([0] * 31 + [1], 2)
    X[2] = 1
    index = Q.index(X)
    np.testing.assert_array_equal(index, necklace_rank(X))
    for row, i in zip(X.tolist(), index.tolist(), strict=True):
        assert tuple(np.asarray(Q.representative(i)).tolist()) == brute_least_rotation(row)[0]
        assert Q.class_size(i) == brute_period(row)  # the orbit has one string per shift


@pytest.mark.parametrize(
    "action",
    [
        dihedral_action(5, alphabet=2),
        dihedral_action(6, alphabet=2),
        dihedral_action(4, alphabet=3),
        translation_action((2, 3), alphabet=2),
        translation_action((3, 3), alphabet=2),
        translation_action((2, 2), alphabet=3),
    ],
    ids=repr,
)
def test_quotient_of_table_actions_matches_brute_force(action: Any) -> None:
    classes = sorted((min(c), c) for c in brute_orbits(action))  # by least element
    Q = Quotient(action)
    assert Q.num_classes == len(classes)
    position = {p: i for i, (_, c) in enumerate(classes) for p in c}
    points = action.points()
    P = np.array(points)
    np.testing.assert_array_equal(Q.index(P), [position[p] for p in points])
    for i, (least, members) in enumerate(classes):
        assert as_point(np.asarray(Q.representative(i)).tolist()) == least
        assert Q.class_size(i) == len(members)


# -------------------------------------------------------------------------------- graphs
@pytest.mark.parametrize("action", _finite_actions(), ids=repr)
def test_schreier_graph_components_are_orbits(action: Any) -> None:
    graph = schreier_graph(action)
    assert graph.number_of_nodes() == len(action.points())
    assert graph.number_of_edges() == len(action.points()) * len(action.group.generators)
    components = {frozenset(c) for c in nx.weakly_connected_components(graph)}
    assert components == brute_orbits(action)
    for u, v, s in graph.edges(data="generator"):
        assert action.act(s, u) == v


def _edge_list(graph: Any) -> list[tuple[str, str, int, str]]:
    return sorted(
        (repr(u), repr(v), key, repr(s))
        for u, v, key, s in graph.edges(keys=True, data="generator")
    )


@pytest.mark.parametrize("action", _finite_actions()[:9], ids=repr)
def test_schreier_graph_equals_one_built_with_the_networkx_api(action: Any) -> None:
    # reference: nx.MultiDiGraph filled by add_edges_from with p -> s.p for every point
    reference = nx.MultiDiGraph()
    reference.add_nodes_from(action.points())
    reference.add_edges_from(
        (p, action.act(s, p), {"generator": s})
        for s in action.group.generators
        for p in action.points()
    )
    graph = schreier_graph(action)
    assert set(graph.nodes) == set(reference.nodes)
    assert _edge_list(graph) == _edge_list(reference)
    assert dict(graph.in_degree()) == dict(reference.in_degree())
    for v in list(reference.nodes)[:20]:
        assert sorted(map(repr, graph.predecessors(v))) == sorted(
            map(repr, reference.predecessors(v))
        )
    copy = graph.copy()
    copy.remove_node(next(iter(reference.nodes)))
    assert copy.number_of_nodes() == graph.number_of_nodes() - 1
    assert nx.utils.graphs_equal(nx.MultiDiGraph(graph), reference)


def test_schreier_graph_from_given_points_of_an_unbounded_action() -> None:
    # real-valued signals: no finite point set, so the graph grows from the given points
    action = shift_action(5)
    x = (0.5, 0.0, 0.0, 2.0, 0.0)
    start = [tuple(np.roll(x, g).tolist()) for g in range(5)]
    graph = schreier_graph(action, points=start)
    assert set(graph.nodes) == set(start)
    assert graph.number_of_edges() == 5 * len(action.group.generators)
    assert nx.number_weakly_connected_components(graph) == 1
    for u, v, s in graph.edges(data="generator"):
        assert tuple(np.roll(u, s).tolist()) == v


@pytest.mark.parametrize(
    "group",
    [
        cyclic(1),
        cyclic(6),
        dihedral(3),
        dihedral(4),
        dihedral(5),
        symmetric(3),
        symmetric(4),
        alternating(4),
        abelian(2, 4),
    ],
    ids=repr,
)
def test_cayley_graph_is_regular_and_strongly_connected(group: Any) -> None:
    graph = cayley_graph(group)
    gens = group.generators
    assert graph.number_of_nodes() == group.order
    assert all(graph.out_degree(g) == len(gens) for g in group.elements())
    assert all(graph.in_degree(g) == len(gens) for g in group.elements())
    assert nx.is_strongly_connected(graph)
    for u, v, s in graph.edges(data="generator"):
        assert v == group.compose(s, u)


# ----------------------------------------------------------------- canonical forms (gauge)
@pytest.mark.parametrize(
    ("action", "shape", "k"),
    [
        (dihedral_action(5), (30, 5), 3),
        (dihedral_action(6), (4, 5, 6), 2),
        (shift_action(9), (40, 9), 2),
        (translation_action((3, 4)), (20, 3, 4), 2),
    ],
    ids=repr,
)
@pytest.mark.parametrize("kind", ["int", "float"])
def test_canonical_form_is_the_least_image(action: Any, shape: tuple, k: int, kind: str) -> None:
    rng = np.random.default_rng(7)
    X = rng.integers(0, k, size=shape)
    if kind == "float":
        X = X - 0.5 * rng.integers(0, 2, size=shape)
    result = canonical_form(action, X)
    G = action.group
    sites = int(np.prod(action.shape))
    flat = X.reshape(-1, *action.shape)
    canon = result.canonical.reshape(-1, *action.shape)
    elem = np.asarray(result.element).reshape(-1)
    stab = np.asarray(result.stabilizer_order).reshape(-1)
    for x, c, e, s in zip(flat, canon, elem, stab, strict=True):
        images = [
            tuple(action.act(G.element(i), x).reshape(sites).tolist()) for i in range(G.order)
        ]
        best = min(images)
        hits = [i for i, image in enumerate(images) if image == best]
        assert tuple(c.reshape(sites).tolist()) == best
        assert int(e) == hits[0]
        assert int(s) == len(hits)


# ------------------------------------------------------------------------------ known bugs
@pytest.mark.parametrize("dtype", [">i2", ">u4", ">i8", "<i4"])
def test_non_native_byte_order_gives_the_same_answers(dtype: str) -> None:
    X = np.array([[1, 0, 1, 1, 0, 0], [1, 1, 0, 1, 0, 0], [0, 1, 0, 1, 0, 1]], dtype=dtype)
    result = least_rotation(X)
    assert result.canonical.tolist() == [list(brute_least_rotation(r)[0]) for r in X.tolist()]
    assert result.shift.tolist() == [brute_least_rotation(r)[1] for r in X.tolist()]
    native = X.astype(X.dtype.newbyteorder("="))
    assert necklace_rank(X).tolist() == necklace_rank(native).tolist()


@pytest.mark.parametrize("wrong", [[[1, 0, 1]], [[1, 0, 1, 0, 0, 0, 0, 0]]])
def test_quotient_of_shifts_rejects_strings_of_the_wrong_length(wrong: list) -> None:
    Q = Quotient(shift_action(6, alphabet=2))
    with pytest.raises(grouprep.GroupRepValueError, match=r"'x'|'X'"):
        Q.index(wrong)


def test_stabilizer_error_names_stabilizer() -> None:
    with pytest.raises(grouprep.GroupRepValueError, match="stabilizer"):
        stabilizer(shift_action(4, alphabet=2), [1, 0])


def test_quotient_of_an_infinite_action_raises_value_error() -> None:
    with pytest.raises(grouprep.GroupRepValueError):
        count_orbits(shift_action(4))
    with pytest.raises(grouprep.GroupRepValueError):
        Quotient(shift_action(4))


@pytest.mark.parametrize("action", [shift_action(4), shift_action(4, alphabet=2)], ids=repr)
def test_schreier_graph_of_no_points_is_empty(action: Any) -> None:
    graph = schreier_graph(action, points=[])
    assert graph.number_of_nodes() == 0
    assert graph.number_of_edges() == 0
