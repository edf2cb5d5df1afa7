"""Actions against published counts and independent computations.

Orbits are found here by brute force from ``act`` alone (union-find over all points, with
the points and their numbering built in this file), and compared with published counts or
with Burnside's lemma evaluated independently. No expected value is grouprep's own output.

Sources
-------
* OEIS A000031 (binary necklaces), A001867 (ternary necklaces), A000029 (binary bracelets),
  A027671 (ternary bracelets).
* Burnside's lemma, |X/G| = (1/|G|) Σ_g |Fix(g)|, and for colourings of sites
  |Fix(g)| = k^{c(g)} with c(g) the number of cycles of g on the sites (Pólya); the necklace
  formula N(k, n) = (1/n) Σ_{d|n} φ(d) k^{n/d} (e.g. Stanley, *Enumerative Combinatorics*
  vol. 1, §7; Ruskey, Savage & Wang 1992).
* Multisets: the orbits of S_n on k-ary strings of length n are the multisets of size n from
  k symbols, C(n + k - 1, k - 1) of them ("stars and bars", Feller vol. 1, §II.5).
* The seed text (``seeds/000_07004b73427329d9.txt``) lists necklace representatives for
  N = 1..6.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

import grouprep
from grouprep import (
    abelian,
    action_from_function,
    cyclic,
    dihedral,
    dihedral_action,
    permutation_action,
    regular_action,
    shift_action,
    signal_action,
    symmetric,
    translation_action,
)

# ---------------------------------------------------------------------------- published data

# OEIS A000031, binary necklaces of length n (turning over not allowed), n = 0..12.
A000031 = [1, 2, 3, 4, 6, 8, 14, 20, 36, 60, 108, 188, 352]
# OEIS A001867, ternary necklaces of length n, n = 0..8.
A001867 = [1, 3, 6, 11, 24, 51, 130, 315, 834]
# OEIS A000029, binary bracelets (turning over allowed), n = 0..12.
A000029 = [1, 2, 3, 4, 6, 8, 13, 18, 30, 46, 78, 126, 224]
# OEIS A027671, ternary bracelets, n = 0..7.
A027671 = [1, 3, 6, 10, 21, 39, 92, 198]

# The seed's representatives of the classes of bit strings under cyclic shift.
SEED_NECKLACES = {
    1: ["0", "1"],
    2: ["00", "10", "11"],
    3: ["000", "100", "110", "111"],
    4: ["0000", "1000", "1100", "1010", "1110", "1111"],
    5: ["00000", "10000", "11000", "10100", "11100", "10110", "11110", "11111"],
    6: ["000000", "100000", "110000", "101000", "100100", "111000", "110100", "110010",
        "111111", "011111", "001111", "111010", "011011", "101010"],
}  # fmt: skip


# --------------------------------------------------------------- independent computations


def all_strings(n_sites: int, k: int) -> np.ndarray:
    """All k-ary strings of length n_sites in lexicographic order, as rows."""
    return np.array(list(itertools.product(range(k), repeat=n_sites)), dtype=np.int64).reshape(
        k**n_sites, n_sites
    )


def codes(rows: np.ndarray, k: int) -> np.ndarray:
    """The number whose base-k digits are the row (most significant first)."""
    weights = k ** np.arange(rows.shape[1] - 1, -1, -1, dtype=np.int64)
    return rows @ weights


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, a: int) -> int:
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def labels(self) -> list[int]:
        return [self.find(a) for a in range(len(self.parent))]


def signal_orbits(action: Any, shape: Sequence[int], k: int) -> list[int]:
    """Orbit label of every k-ary signal, from ``act`` applied to the whole batch."""
    n_sites = math.prod(shape)
    X = all_strings(n_sites, k)
    uf = UnionFind(len(X))
    for g in action.group.elements():
        images = np.asarray(action.act(g, X.reshape(-1, *shape))).reshape(len(X), n_sites)
        for a, b in zip(range(len(X)), codes(images, k).tolist(), strict=True):
            uf.union(a, b)
    return uf.labels()


def count_orbits(action: Any, shape: Sequence[int], k: int) -> int:
    return len(set(signal_orbits(action, shape, k)))


def point_orbits(action: Any, points: Sequence[Any]) -> set[frozenset[Any]]:
    """Orbits of a finite action on the given points, one ``act`` call per pair (g, x)."""
    index = {p: i for i, p in enumerate(points)}
    uf = UnionFind(len(points))
    for g in action.group.elements():
        for i, x in enumerate(points):
            uf.union(i, index[action.act(g, x)])
    groups: dict[int, set[Any]] = {}
    for p, label in zip(points, uf.labels(), strict=True):
        groups.setdefault(label, set()).add(p)
    return {frozenset(v) for v in groups.values()}


def euler_phi(n: int) -> int:
    return sum(1 for j in range(1, n + 1) if math.gcd(j, n) == 1)


def necklace_count(n: int, k: int) -> int:
    """N(k, n) = (1/n) Σ_{d|n} φ(d) k^{n/d}."""
    total = sum(euler_phi(d) * k ** (n // d) for d in range(1, n + 1) if n % d == 0)
    assert total % n == 0
    return total // n


def bracelet_count(n: int, k: int) -> int:
    """Burnside for D_n: necklace sum plus the n reflections' fixed colourings, over 2n."""
    rotations = sum(euler_phi(d) * k ** (n // d) for d in range(1, n + 1) if n % d == 0)
    if n % 2:
        reflections = n * k ** ((n + 1) // 2)
    else:
        reflections = (n // 2) * (k ** (n // 2 + 1) + k ** (n // 2))
    return (rotations + reflections) // (2 * n)


def torus_count(h: int, w: int, k: int) -> int:
    """Burnside for Z_h x Z_w translating an h x w torus: (1/hw) Σ k^{hw / ord(a, b)}."""
    total = 0
    for a in range(h):
        for b in range(w):
            order = math.lcm(h // math.gcd(a, h), w // math.gcd(b, w))
            total += k ** (h * w // order)
    assert total % (h * w) == 0
    return total // (h * w)


# ----------------------------------------------------------------------------- necklaces


@pytest.mark.parametrize("n", range(1, 13))
def test_binary_necklaces_A000031(n: int) -> None:
    assert A000031[n] == necklace_count(n, 2)
    assert count_orbits(shift_action(n, alphabet=2), (n,), 2) == A000031[n]


@pytest.mark.parametrize("n", range(1, 9))
def test_ternary_necklaces_A001867(n: int) -> None:
    assert A001867[n] == necklace_count(n, 3)
    assert count_orbits(shift_action(n, alphabet=3), (n,), 3) == A001867[n]


@pytest.mark.parametrize("n", range(1, 13))
def test_binary_bracelets_A000029(n: int) -> None:
    assert A000029[n] == bracelet_count(n, 2)
    assert count_orbits(dihedral_action(n, alphabet=2), (n,), 2) == A000029[n]


@pytest.mark.parametrize("n", range(1, 8))
def test_ternary_bracelets_A027671(n: int) -> None:
    assert A027671[n] == bracelet_count(n, 3)
    assert count_orbits(dihedral_action(n, alphabet=3), (n,), 3) == A027671[n]


@pytest.mark.parametrize("n", range(1, 8))
def test_necklace_orbits_through_the_tuple_interface(n: int) -> None:
    # the same count with points given one by one as tuples, as the action lists them
    action = shift_action(n, alphabet=2)
    points = list(itertools.product((0, 1), repeat=n))
    assert list(action.points()) == points
    assert len(point_orbits(action, points)) == A000031[n]


@pytest.mark.parametrize("n", range(1, 7))
def test_seed_necklace_representatives(n: int) -> None:
    reps = [tuple(int(c) for c in word) for word in SEED_NECKLACES[n]]
    orbits = point_orbits(shift_action(n, alphabet=2), list(itertools.product((0, 1), repeat=n)))
    assert len(reps) == len(orbits) == A000031[n]
    for orbit in orbits:
        assert sum(rep in orbit for rep in reps) == 1, sorted(orbit)


@pytest.mark.parametrize("n", range(1, 7))
def test_necklace_orbits_are_rotation_classes(n: int) -> None:
    # the orbit of x is the set of its cyclic rotations, x[m:] + x[:m]
    orbits = point_orbits(shift_action(n, alphabet=2), list(itertools.product((0, 1), repeat=n)))
    for orbit in orbits:
        x = min(orbit)
        assert orbit == {x[m:] + x[:m] for m in range(n)}


# ----------------------------------------------------------------------- periodic images


@pytest.mark.parametrize(
    ("shape", "k", "published"),
    [
        ((1, 1), 2, 2),
        ((2, 2), 2, 7),  # (16 + 4 + 4 + 4) / 4
        ((2, 3), 2, 14),  # (64 + 8 + 4 + 4 + 2 + 2) / 6
        ((3, 3), 2, None),
        ((2, 4), 2, None),
        ((3, 4), 2, None),
        ((2, 2), 3, None),
        ((2, 3), 3, None),
    ],
)
def test_torus_colourings_up_to_translation_burnside(
    shape: tuple[int, int], k: int, published: int | None
) -> None:
    h, w = shape
    expected = torus_count(h, w, k)
    if published is not None:
        assert expected == published
    assert count_orbits(translation_action(shape, alphabet=k), shape, k) == expected


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 12])
def test_torus_with_one_row_is_a_necklace(n: int) -> None:
    assert count_orbits(translation_action((1, n), alphabet=2), (1, n), 2) == A000031[n]


# ------------------------------------------------------- actions on points and on the group


@pytest.mark.parametrize("n", range(1, 7))
def test_symmetric_group_orbits_on_strings_are_multisets(n: int) -> None:
    for k in (2, 3):
        action = signal_action(permutation_action(symmetric(n)), alphabet=k)
        assert count_orbits(action, (n,), k) == math.comb(n + k - 1, k - 1)


@pytest.mark.parametrize("n", range(1, 9))
def test_lifted_cyclic_action_counts_necklaces(n: int) -> None:
    action = signal_action(permutation_action(cyclic(n)), alphabet=2)
    assert count_orbits(action, (n,), 2) == A000031[n]


@pytest.mark.parametrize("n", range(1, 9))
def test_lifted_dihedral_action_counts_bracelets(n: int) -> None:
    action = signal_action(permutation_action(dihedral(n)), alphabet=2)
    assert count_orbits(action, (n,), 2) == A000029[n]


@pytest.mark.parametrize(
    "G", [cyclic(1), cyclic(7), dihedral(1), dihedral(2), dihedral(6), symmetric(4)]
)
def test_natural_actions_are_transitive(G: grouprep.FiniteGroup[Any]) -> None:
    action = permutation_action(G)
    assert len(point_orbits(action, list(range(G.degree)))) == 1


@pytest.mark.parametrize(
    "G", [cyclic(6), dihedral(5), symmetric(3), abelian(2, 3), symmetric(1)], ids=repr
)
def test_regular_action_is_free_and_transitive(G: grouprep.FiniteGroup[Any]) -> None:
    action = regular_action(G)
    elements = list(G.elements())
    assert len(point_orbits(action, elements)) == 1
    for x in elements:
        images = [action.act(g, x) for g in elements]
        assert len(set(images)) == G.order  # stabilizers are trivial


def test_action_from_function_orbits_of_rotations_on_pairs() -> None:
    # Z_n acting diagonally on Z_n x Z_n is free, so it has n^2 / n = n orbits,
    # one for each difference j - i
    n = 5

    def rotate(g: int, x: tuple[int, int]) -> tuple[int, int]:
        return ((x[0] + g) % n, (x[1] + g) % n)

    points = list(itertools.product(range(n), repeat=2))
    action = action_from_function(cyclic(n), rotate, points=points)
    orbits = point_orbits(action, points)
    assert len(orbits) == n
    assert {frozenset((j - i) % n for i, j in orbit) for orbit in orbits} == {
        frozenset({d}) for d in range(n)
    }


@pytest.mark.parametrize("n", range(1, 9))
def test_burnside_from_fixed_points_of_act(n: int) -> None:
    # |X/G| = (1/|G|) Σ_g |Fix(g)|, with fixed points found by applying act
    action = dihedral_action(n, alphabet=2)
    X = all_strings(n, 2)
    fixed = sum(int((action.act(g, X) == X).all(axis=1).sum()) for g in action.group.elements())
    assert fixed == A000029[n] * action.group.order


# --------------------------------------------------- act against first-principles formulas


@pytest.mark.parametrize("n", [1, 2, 3, 7, 12])
def test_shift_is_numpy_roll(n: int) -> None:
    rng = np.random.default_rng(n)
    X = rng.standard_normal((4, 3, n))
    action = shift_action(n)
    for g in range(n):
        np.testing.assert_array_equal(action.act(g, X), np.roll(X, g, axis=-1))


@pytest.mark.parametrize("n", [1, 2, 3, 4, 7])
def test_dihedral_action_formula(n: int) -> None:
    # ((r, s)·x)[m] = x[(-1)^s (m - r) mod n], i.e. x[g^-1 m] with g: i -> r + (-1)^s i
    rng = np.random.default_rng(100 + n)
    x = rng.integers(0, 10, size=n)
    action = dihedral_action(n)
    for s in (0, 1):
        for r in range(n):
            expected = [x[((-1) ** s * (m - r)) % n] for m in range(n)]
            assert action.act((r, s), x).tolist() == expected
            assert action.act((r, s), tuple(x.tolist())) == tuple(expected)


@pytest.mark.parametrize("shape", [(1, 1), (2, 3), (3, 2), (4, 4)])
def test_translation_is_numpy_roll_2d(shape: tuple[int, int]) -> None:
    rng = np.random.default_rng(sum(shape))
    X = rng.standard_normal((2, *shape))
    action = translation_action(shape)
    h, w = shape
    for a in range(h):
        for b in range(w):
            np.testing.assert_array_equal(action.act((a, b), X), np.roll(X, (a, b), axis=(-2, -1)))


@pytest.mark.parametrize("n", [2, 3, 5])
def test_signal_actions_are_left_actions(n: int) -> None:
    # act(compose(g, h), x) == act(g, act(h, x)), with compose defined in the brief:
    # (r1, s1)(r2, s2) = (r1 + (-1)^s1 r2, s1 + s2)
    action = dihedral_action(n)
    x = np.arange(n) * 10 + 1
    elements = [(r, s) for s in (0, 1) for r in range(n)]
    for r1, s1 in elements:
        for r2, s2 in elements:
            product = ((r1 + (-r2 if s1 else r2)) % n, (s1 + s2) % 2)
            np.testing.assert_array_equal(
                action.act(product, x), action.act((r1, s1), action.act((r2, s2), x))
            )


def test_point_numbering_is_base_k() -> None:
    action = shift_action(4, alphabet=3)
    for i, p in enumerate(itertools.product(range(3), repeat=4)):
        assert action.point_index(p) == i
        assert action.point_index(list(p)) == sum(d * 3 ** (3 - j) for j, d in enumerate(p))
    assert shift_action(64, alphabet=2).point_index((1,) * 64) == 2**64 - 1


# ----------------------------------------------------------------------------- known bugs


POINT_ACTIONS = {
    "permutation_action": permutation_action(symmetric(3)),
    "regular_action": regular_action(cyclic(3)),
}


@pytest.mark.parametrize("action", POINT_ACTIONS.values(), ids=POINT_ACTIONS.keys())
@pytest.mark.parametrize("x", [True, 1.0], ids=["bool", "float"])
def test_act_rejects_bool_and_float_points(action: Any, x: Any) -> None:
    with pytest.raises(grouprep.GroupRepError):
        action.act(action.group.identity, x)


@pytest.mark.parametrize("action", POINT_ACTIONS.values(), ids=POINT_ACTIONS.keys())
@pytest.mark.parametrize("x", [True, 1.0], ids=["bool", "float"])
def test_point_index_rejects_bool_and_float(action: Any, x: Any) -> None:
    with pytest.raises(grouprep.GroupRepError):
        action.point_index(x)
