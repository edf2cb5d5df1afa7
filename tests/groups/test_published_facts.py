"""Groups against published facts and independent computations.

Every expected value below comes from a cited source (OEIS, the ATLAS of Finite Groups,
textbook formulas) or is recomputed here from first principles or with
``sympy.combinatorics``; none is taken from grouprep's own output.

Sources
-------
* OEIS A000041 (partitions of n), A000702 (classes of A_n), A003418 (lcm(1..n)).
* J. H. Conway, R. T. Curtis, S. P. Norton, R. A. Parker, R. A. Wilson, *ATLAS of Finite
  Groups*, Oxford 1985: centralizer orders of A5 (p. 2), L2(7) (p. 3), A6 (p. 4), M11 (p. 18).
* GAP library: ``MathieuGroup(11) = Group((1,2,3,4,5,6,7,8,9,10,11), (3,7,11,8)(4,10,5,6))``.
* Textbook facts (e.g. Dummit & Foote, *Abstract Algebra*, 3rd ed., §3.5, §4.3, §4.6; James
  & Kerber, *The Representation Theory of the Symmetric Group*, §1.2): conjugacy classes of
  S_n are the cycle types, of size n!/z_λ with z_λ = Π i^{m_i} m_i!; a permutation is even
  iff n minus its number of cycles is even; its order is the lcm of its cycle lengths; the
  classes of D_n (Dummit & Foote §4.3 exercises) and of a direct product (products of classes).
"""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from functools import cache
from typing import Any

import numpy as np
import pytest
from sympy.combinatorics import Permutation as SymPerm
from sympy.combinatorics import PermutationGroup as SymGroup
from sympy.combinatorics.named_groups import (
    AbelianGroup,
    AlternatingGroup,
    CyclicGroup,
    DihedralGroup,
    RubikGroup,
    SymmetricGroup,
)

import grouprep
from grouprep import (
    abelian,
    alternating,
    cyclic,
    dihedral,
    direct_product,
    from_sympy,
    parse_group,
    permutation_group,
    symmetric,
)

# ---------------------------------------------------------------------------- published data

# OEIS A000041, number of partitions of n, n = 0..25.
A000041 = [1, 1, 2, 3, 5, 7, 11, 15, 22, 30, 42, 56, 77, 101, 135, 176, 231, 297, 385, 490,
           627, 792, 1002, 1255, 1575, 1958]  # fmt: skip

# OEIS A000702, number of conjugacy classes of A_n, offset 1 (a(1) = 1 prepended in 2020;
# older versions of the entry start at n = 2): n = 1..9.
A000702 = {1: 1, 2: 1, 3: 3, 4: 4, 5: 5, 6: 7, 7: 9, 8: 14, 9: 18}

# OEIS A003418, lcm(1, ..., n) = exponent of S_n, n = 0..25.
A003418 = [1, 1, 2, 6, 12, 60, 60, 420, 840, 2520, 2520, 27720, 27720, 360360, 360360,
           360360, 720720, 12252240, 12252240, 232792560, 232792560, 232792560, 232792560,
           5354228880, 5354228880, 26771144400]  # fmt: skip

# ATLAS centralizer orders |C(g)| per class; class size = |G| / |C(g)|.
ATLAS_A5 = {"order": 60, "classes": {"1A": 60, "2A": 4, "3A": 3, "5A": 5, "5B": 5}}
ATLAS_A6 = {
    "order": 360,
    "classes": {"1A": 360, "2A": 8, "3A": 9, "3B": 9, "4A": 4, "5A": 5, "5B": 5},
}
ATLAS_L27 = {
    "order": 168,
    "classes": {"1A": 168, "2A": 8, "3A": 3, "4A": 4, "7A": 7, "7B": 7},
}
ATLAS_M11 = {
    "order": 7920,
    "classes": {
        "1A": 7920, "2A": 48, "3A": 18, "4A": 8, "5A": 5, "6A": 6, "8A": 8, "8B": 8,
        "11A": 11, "11B": 11,
    },
}  # fmt: skip

# The Rubik's cube group (sympy.combinatorics.named_groups.RubikGroup(3), on 48 facets) has
# order 2^27 3^14 5^3 7^2 11 = 43,252,003,274,489,856,000 (D. Joyner, "Adventures in Group
# Theory", 2nd ed., ch. 13; D. Singmaster, "Notes on Rubik's Magic Cube", 1981).
RUBIK_ORDER = 2**27 * 3**14 * 5**3 * 7**2 * 11


def atlas_profile(data: dict[str, Any]) -> Counter[tuple[int, int]]:
    """Multiset of (element order, class size) from ATLAS class names and centralizers."""
    order = data["order"]
    return Counter(
        (int(name.rstrip("ABCDEFGH")), order // cent) for name, cent in data["classes"].items()
    )


# ------------------------------------------------------------- first-principles helpers


def from_cycles(n: int, *cycles: Sequence[int]) -> tuple[int, ...]:
    """Image tuple on 0..n-1 of a permutation written in 1-based cycle notation (GAP/ATLAS)."""
    p = list(range(n))
    for c in cycles:
        for a, b in zip(c, [*c[1:], c[0]], strict=True):
            p[a - 1] = b - 1
    return tuple(p)


def perm_mul(a: Sequence[int], b: Sequence[int]) -> tuple[int, ...]:
    """First b, then a: (ab)(i) = a(b(i))."""
    return tuple(a[i] for i in b)


def perm_inv(a: Sequence[int]) -> tuple[int, ...]:
    inv = [0] * len(a)
    for i, v in enumerate(a):
        inv[v] = i
    return tuple(inv)


def cycle_lengths(p: Sequence[int]) -> tuple[int, ...]:
    """Cycle lengths of a permutation (fixed points included), decreasing."""
    seen, out = set(), []
    for s in range(len(p)):
        if s in seen:
            continue
        k, j = 0, s
        while j not in seen:
            seen.add(j)
            j = p[j]
            k += 1
        out.append(k)
    return tuple(sorted(out, reverse=True))


def partitions(n: int, largest: int | None = None) -> Iterable[tuple[int, ...]]:
    """All partitions of n as decreasing tuples."""
    largest = n if largest is None else largest
    if n == 0:
        yield ()
        return
    for part in range(min(n, largest), 0, -1):
        for rest in partitions(n - part, part):
            yield (part, *rest)


def z_lambda(lam: Sequence[int]) -> int:
    """Order of the centralizer of a permutation of cycle type λ: Π i^{m_i} m_i!."""
    return math.prod(i ** lam.count(i) * math.factorial(lam.count(i)) for i in set(lam))


def closure(gens: Sequence[tuple[int, ...]], n: int) -> set[tuple[int, ...]]:
    """All products of the generators (the group they generate), by breadth-first search."""
    found = {tuple(range(n))}
    frontier = list(found)
    while frontier:
        nxt = []
        for h in frontier:
            for s in gens:
                g = perm_mul(s, h)
                if g not in found:
                    found.add(g)
                    nxt.append(g)
        frontier = nxt
    return found


def brute_classes(
    elements: Iterable[Hashable],
    gens: Sequence[Hashable],
    mul: Callable[[Any, Any], Any],
    inv: Callable[[Any], Any],
) -> set[frozenset[Any]]:
    """Conjugacy classes: orbits of conjugation by the generators, found by search."""
    remaining = set(elements)
    out = set()
    while remaining:
        start = remaining.pop()
        orbit, frontier = {start}, [start]
        while frontier:
            x = frontier.pop()
            for s in gens:
                y = mul(mul(s, x), inv(s))
                if y not in orbit:
                    orbit.add(y)
                    frontier.append(y)
        remaining -= orbit
        out.add(frozenset(orbit))
    return out


def dihedral_mul(n: int) -> Callable[[tuple[int, int], tuple[int, int]], tuple[int, int]]:
    """Law of D_n from the maps (r, s): i -> r + (-1)^s i mod n, composed "first b, then a".

    a(b(i)) = r1 + (-1)^s1 (r2 + (-1)^s2 i) = (r1 + (-1)^s1 r2) + (-1)^(s1+s2) i.
    """

    def mul(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
        (r1, s1), (r2, s2) = a, b
        return ((r1 + (-r2 if s1 else r2)) % n, (s1 + s2) % 2)

    return mul


def dihedral_inv(n: int) -> Callable[[tuple[int, int]], tuple[int, int]]:
    def inv(a: tuple[int, int]) -> tuple[int, int]:
        r, s = a
        return (r, 1) if s else ((-r) % n, 0)

    return inv


def group_classes(G: grouprep.FiniteGroup[Any]) -> set[frozenset[Any]]:
    return {frozenset(c.elements()) for c in G.conjugacy_classes()}


def sympy_group(G: grouprep.PermutationGroup) -> SymGroup:
    gens = G.generators or (tuple(range(G.degree)),)
    return SymGroup([SymPerm(list(g), size=G.degree) for g in gens])


@cache
def cached_symmetric(n: int) -> grouprep.PermutationGroup:
    """One instance per n, so that class computations are shared between tests."""
    return symmetric(n)


@cache
def cached_alternating(n: int) -> grouprep.PermutationGroup:
    """One instance per n, so that heavy class computations are shared between tests."""
    return alternating(n)


# PSL(2,7) acting on the projective line P^1(F_7) = {0, ..., 6, ∞ = 7} by Möbius maps:
# t(x) = x + 1 and s(x) = -1/x generate PSL(2, Z) and hence its image PSL(2, 7).
def _moebius(f: Callable[[int], int]) -> tuple[int, ...]:
    return tuple(f(x) for x in range(8))


PSL27_ON_8 = (
    _moebius(lambda x: 7 if x == 7 else (x + 1) % 7),
    _moebius(lambda x: 0 if x == 7 else 7 if x == 0 else (-pow(x, -1, 7)) % 7),
)


def fano_automorphisms() -> list[tuple[int, ...]]:
    """Collineations of the Fano plane with points Z_7 and lines {i+1, i+2, i+4} (brute force).

    Its automorphism group is GL(3, 2) ≅ PSL(2, 7), of order 168.
    """
    lines = {frozenset(((i + 1) % 7, (i + 2) % 7, (i + 4) % 7)) for i in range(7)}
    return [
        p
        for p in itertools.permutations(range(7))
        if all(frozenset(p[x] for x in line) in lines for line in lines)
    ]


M11_GENS = (
    from_cycles(11, (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)),
    from_cycles(11, (3, 7, 11, 8), (4, 10, 5, 6)),
)


# ----------------------------------------------------------------------- symmetric groups


@pytest.mark.parametrize("n", range(1, 11))
def test_symmetric_order_is_factorial(n: int) -> None:
    assert symmetric(n).order == math.factorial(n)
    assert symmetric(n).order == SymmetricGroup(n).order()


@pytest.mark.parametrize("n", range(1, 26))
def test_symmetric_class_count_is_partition_number_A000041(n: int) -> None:
    assert len(cached_symmetric(n).conjugacy_classes()) == A000041[n]


@pytest.mark.parametrize("n", range(1, 26))
def test_symmetric_classes_are_cycle_types_with_sizes_n_factorial_over_z(n: int) -> None:
    classes = cached_symmetric(n).conjugacy_classes()
    types = [cycle_lengths(c.representative) for c in classes]
    assert sorted(types) == sorted(partitions(n))
    for c, lam in zip(classes, types, strict=True):
        assert c.size == math.factorial(n) // z_lambda(lam)
    # class equation: the classes partition the group
    assert sum(c.size for c in classes) == math.factorial(n)


@pytest.mark.parametrize("n", range(1, 7))
def test_symmetric_class_elements_match_brute_force(n: int) -> None:
    S = symmetric(n)
    elements = list(itertools.permutations(range(n)))
    # the adjacent transpositions (i i+1) generate S_n
    coxeter = [from_cycles(n, (i, i + 1)) for i in range(1, n)]
    expected = brute_classes(elements, coxeter, perm_mul, perm_inv)
    assert group_classes(S) == expected
    for c in S.conjugacy_classes():
        assert len(c.elements()) == c.size
        assert c.representative == min(c.elements())  # smallest index = lexicographic least


def test_symmetric_4_class_sizes() -> None:
    # e, (12)(34), (12), (1234), (123)
    assert sorted(c.size for c in symmetric(4).conjugacy_classes()) == sorted([1, 3, 6, 6, 8])


def test_symmetric_5_class_sizes() -> None:
    # e, (12), (12)(34), (123), (123)(45), (1234), (12345)
    expected = [1, 10, 15, 20, 20, 30, 24]
    assert sorted(c.size for c in symmetric(5).conjugacy_classes()) == sorted(expected)


@pytest.mark.parametrize("n", range(1, 26))
def test_symmetric_exponent_is_lcm_A003418(n: int) -> None:
    assert cached_symmetric(n).exponent == A003418[n]
    assert A003418[n] == math.lcm(*range(1, n + 1))


@pytest.mark.parametrize("n", range(1, 11))
def test_symmetric_class_element_orders_agree_with_sympy(n: int) -> None:
    for c in symmetric(n).conjugacy_classes():
        assert c.element_order == SymPerm(list(c.representative)).order()
        assert c.element_order == math.lcm(*cycle_lengths(c.representative))


# --------------------------------------------------------------------- alternating groups


def alternating_class_count(n: int) -> int:
    """Independent count: an even S_n class splits in A_n iff its parts are distinct and odd.

    Valid for n >= 2 (Dénes–Erdős–Turán, quoted in OEIS A000702; James & Kerber §1.2).
    For n = 1 the index [S_1 : A_1] is 1, nothing splits, and A_1 has one class
    (OEIS A000702, a(1) = 1).
    """
    if n == 1:
        return 1
    count = 0
    for lam in partitions(n):
        if (n - len(lam)) % 2:
            continue
        splits = len(set(lam)) == len(lam) and all(part % 2 for part in lam)
        count += 2 if splits else 1
    return count


@pytest.mark.parametrize(
    "n", [*range(1, 9), pytest.param(9, marks=pytest.mark.slow)], ids=lambda n: f"A{n}"
)
def test_alternating_class_count_A000702(n: int) -> None:
    A = cached_alternating(n)
    assert A.order == max(1, math.factorial(n) // 2)
    if n >= 3:
        assert A.order == AlternatingGroup(n).order()
    assert len(A.conjugacy_classes()) == A000702[n]
    assert A000702[n] == alternating_class_count(n)


def test_alternating_small_degrees_are_trivial_or_cyclic() -> None:
    # A_1 and A_2 are trivial; A_3 is cyclic of order 3, so it has 3 classes.
    assert alternating(1).order == 1
    assert alternating(2).order == 1
    assert alternating(3).order == 3
    assert len(alternating(3).conjugacy_classes()) == 3
    assert alternating(3).is_abelian
    assert not alternating(4).is_abelian


def test_alternating_4_class_sizes() -> None:
    # e, (12)(34), (123), (132): the 3-cycles split into two classes of 4
    assert sorted(c.size for c in alternating(4).conjugacy_classes()) == [1, 3, 4, 4]


@pytest.mark.parametrize(
    ("n", "atlas"), [(5, ATLAS_A5), (6, ATLAS_A6)], ids=["A5-ATLAS", "A6-ATLAS"]
)
def test_alternating_classes_match_atlas(n: int, atlas: dict[str, Any]) -> None:
    A = cached_alternating(n)
    assert A.order == atlas["order"]
    profile = Counter((c.element_order, c.size) for c in A.conjugacy_classes())
    assert profile == atlas_profile(atlas)


def test_alternating_5_class_sizes_literal() -> None:
    # ATLAS p. 2: 1A 2A 3A 5A 5B with centralizers 60, 4, 3, 5, 5
    sizes = sorted(c.size for c in cached_alternating(5).conjugacy_classes())
    assert sizes == sorted([1, 15, 20, 12, 12])


@pytest.mark.parametrize("n", range(1, 7))
def test_alternating_class_elements_match_brute_force(n: int) -> None:
    A = cached_alternating(n)
    evens = [p for p in itertools.permutations(range(n)) if (n - len(cycle_lengths(p))) % 2 == 0]
    assert sorted(A.elements()) == sorted(evens)
    # the 3-cycles generate A_n; conjugating by all of them gives the A_n-classes
    three_cycles = [p for p in evens if sorted(cycle_lengths(p)) == [1] * (n - 3) + [3]]
    assert group_classes(A) == brute_classes(evens, three_cycles, perm_mul, perm_inv)
    for c in A.conjugacy_classes():
        assert c.representative == min(c.elements())
        assert {SymPerm(list(g)).order() for g in c} == {c.element_order}


def alternating_exponent(n: int) -> int:
    """Exponent of A_n from first principles: lcm of lcm(λ) over even cycle types λ.

    Closed form (derived from it): with 2^a the largest power of 2 <= n, the exponent is
    lcm(1..n) when n >= 2^a + 2 (a 2^a-cycle times a transposition is even) and
    lcm(1..n) / 2 otherwise (every even permutation has 2-part of its order < 2^a).
    """
    return math.lcm(*(math.lcm(*lam) for lam in partitions(n) if (n - len(lam)) % 2 == 0))


def alternating_exponent_closed_form(n: int) -> int:
    if n <= 2:
        return 1
    top = 1 << (n.bit_length() - 1)
    return A003418[n] if n >= top + 2 else A003418[n] // 2


@pytest.mark.parametrize(
    ("n", "expected"),
    # exponents of A_1 .. A_9 by the closed form above: 1, 1, 3, 6, 30, 60, 420, 420, 1260
    [(1, 1), (2, 1), (3, 3), (4, 6), (5, 30), (6, 60), (7, 420), (8, 420),
     pytest.param(9, 1260, marks=pytest.mark.slow)],
)  # fmt: skip
def test_alternating_exponent(n: int, expected: int) -> None:
    assert expected == alternating_exponent(n) == alternating_exponent_closed_form(n)
    assert cached_alternating(n).exponent == expected


# ----------------------------------------------------------------------- dihedral groups


def dihedral_class_count(n: int) -> int:
    """(n + 3) / 2 classes for odd n, n / 2 + 3 for even n (Dummit & Foote §4.3)."""
    return (n + 3) // 2 if n % 2 else n // 2 + 3


@pytest.mark.parametrize("n", range(1, 21))
def test_dihedral_order_and_class_count(n: int) -> None:
    D = dihedral(n)
    assert D.order == 2 * n
    assert len(D.conjugacy_classes()) == dihedral_class_count(n)


@pytest.mark.parametrize("n", range(1, 21))
def test_dihedral_classes_match_brute_force(n: int) -> None:
    D = dihedral(n)
    elements = [(r, s) for s in (0, 1) for r in range(n)]
    expected = brute_classes(elements, elements, dihedral_mul(n), dihedral_inv(n))
    assert group_classes(D) == expected
    # class sizes: odd n: 1, 2 x (n-1)/2, n; even n: 1, 1, 2 x (n/2 - 1), n/2, n/2
    if n % 2:
        sizes = [1] + [2] * ((n - 1) // 2) + [n]
    else:
        sizes = [1, 1] + [2] * (n // 2 - 1) + [n // 2, n // 2]
    assert sorted(c.size for c in D.conjugacy_classes()) == sorted(sizes)


@pytest.mark.parametrize("n", [1, 2])
def test_small_dihedral_groups_are_abelian(n: int) -> None:
    # D_1 ≅ Z_2 and D_2 ≅ Z_2 x Z_2: every element is its own class
    D = dihedral(n)
    mul = dihedral_mul(n)
    elements = [(r, s) for s in (0, 1) for r in range(n)]
    assert all(mul(a, b) == mul(b, a) for a in elements for b in elements)
    assert D.is_abelian
    assert len(D.conjugacy_classes()) == D.order
    # every non-identity element has order 2 (exponent 2)
    assert D.exponent == 2


@pytest.mark.parametrize("n", range(1, 21))
def test_dihedral_element_orders_and_exponent(n: int) -> None:
    D = dihedral(n)
    mul = dihedral_mul(n)
    for c in D.conjugacy_classes():
        g, k, h = c.representative, 1, c.representative
        while h != (0, 0):
            h, k = mul(g, h), k + 1
        assert c.element_order == k
    # rotations of order n, reflections of order 2
    assert D.exponent == math.lcm(n, 2)


@pytest.mark.parametrize("n", range(1, 9))
def test_dihedral_composition_convention(n: int) -> None:
    # (r, s) acts as i -> r + (-1)^s i; compose(a, b) applies b first
    D = dihedral(n)

    def as_map(g: tuple[int, int]) -> tuple[int, ...]:
        r, s = g
        return tuple((r + (-i if s else i)) % n for i in range(n))

    elements = [(r, s) for s in (0, 1) for r in range(n)]
    for a in elements:
        assert D.as_permutation(a) == as_map(a)
        for b in elements:
            assert as_map(D.compose(a, b)) == perm_mul(as_map(a), as_map(b))


# ---------------------------------------------------------- cyclic, abelian and products


@pytest.mark.parametrize("n", [1, 2, 3, 4, 6, 12, 30])
def test_cyclic_classes_and_exponent(n: int) -> None:
    G = cyclic(n)
    assert G.order == n
    assert len(G.conjugacy_classes()) == n  # abelian: classes = order
    assert G.exponent == n
    for c in G.conjugacy_classes():
        g = c.representative
        assert c.element_order == n // math.gcd(g, n)


@pytest.mark.parametrize("ns", [(1,), (2, 2), (2, 4), (3, 3), (2, 3, 4), (4, 6), (2, 2, 2, 2)])
def test_abelian_classes_and_exponent(ns: tuple[int, ...]) -> None:
    G = abelian(*ns)
    assert G.order == math.prod(ns)
    assert len(G.conjugacy_classes()) == math.prod(ns)
    assert G.exponent == math.lcm(*ns)
    for c in G.conjugacy_classes():
        assert c.element_order == math.lcm(
            *(n // math.gcd(g, n) for g, n in zip(c.representative, ns, strict=True))
        )


PRODUCTS = {
    # factors, and their class counts from the published data above
    "S3xD4": ((symmetric(3), dihedral(4)), (A000041[3], dihedral_class_count(4))),
    "Z5xS4": ((cyclic(5), symmetric(4)), (5, A000041[4])),
    "A4xD5": ((alternating(4), dihedral(5)), (A000702[4], dihedral_class_count(5))),
    "D3xD3xZ2": ((dihedral(3), dihedral(3), cyclic(2)), (3, 3, 2)),
    "S1xZ1": ((symmetric(1), cyclic(1)), (1, 1)),
}


@pytest.mark.parametrize(("factors", "counts"), PRODUCTS.values(), ids=PRODUCTS.keys())
def test_direct_product_class_count_multiplies(
    factors: tuple[grouprep.FiniteGroup[Any], ...], counts: tuple[int, ...]
) -> None:
    P = direct_product(*factors)
    assert P.order == math.prod(f.order for f in factors)
    assert len(P.conjugacy_classes()) == math.prod(counts)
    assert sum(c.size for c in P.conjugacy_classes()) == P.order


def test_direct_product_classes_match_brute_force() -> None:
    # S_3 x D_4 with the componentwise law built from first principles
    mul_d = dihedral_mul(4)
    inv_d = dihedral_inv(4)

    def mul(a: Any, b: Any) -> Any:
        return (perm_mul(a[0], b[0]), mul_d(a[1], b[1]))

    def inv(a: Any) -> Any:
        return (perm_inv(a[0]), inv_d(a[1]))

    s3 = list(itertools.permutations(range(3)))
    d4 = [(r, s) for s in (0, 1) for r in range(4)]
    elements = list(itertools.product(s3, d4))
    P = direct_product(symmetric(3), dihedral(4))
    assert group_classes(P) == brute_classes(elements, elements, mul, inv)
    assert P.exponent == math.lcm(2, 3, 4)


# ------------------------------------------------------------------- PSL(2,7) and M11


def test_psl27_on_projective_line_matches_atlas() -> None:
    G = permutation_group(PSL27_ON_8)
    assert G.order == ATLAS_L27["order"] == len(closure(PSL27_ON_8, 8))
    profile = Counter((c.element_order, c.size) for c in G.conjugacy_classes())
    assert profile == atlas_profile(ATLAS_L27)
    assert sorted(c.size for c in G.conjugacy_classes()) == sorted([1, 21, 56, 42, 24, 24])


def test_psl27_as_fano_collineations_matches_atlas() -> None:
    autos = fano_automorphisms()
    assert len(autos) == 168
    G = permutation_group(autos)
    assert G.order == 168
    assert set(G.elements()) == set(autos)
    profile = Counter((c.element_order, c.size) for c in G.conjugacy_classes())
    assert profile == atlas_profile(ATLAS_L27)
    assert group_classes(G) == brute_classes(autos, autos, perm_mul, perm_inv)


def test_mathieu_11_matches_atlas() -> None:
    M = permutation_group(M11_GENS)
    assert M.order == ATLAS_M11["order"] == sympy_group(M).order()
    classes = M.conjugacy_classes()
    assert len(classes) == 10
    assert Counter((c.element_order, c.size) for c in classes) == atlas_profile(ATLAS_M11)
    for c in classes:
        assert c.element_order == SymPerm(list(c.representative)).order()


@pytest.mark.slow
def test_mathieu_11_classes_match_brute_force() -> None:
    M = permutation_group(M11_GENS)
    elements = closure(M11_GENS, 11)
    assert len(elements) == 7920
    assert set(M.elements()) == elements
    assert group_classes(M) == brute_classes(elements, M11_GENS, perm_mul, perm_inv)


# ------------------------------------------- permutation groups against sympy.combinatorics


def _random_generators(seed: int) -> list[tuple[int, ...]]:
    rnd = random.Random(seed)
    n = rnd.randint(2, 8)
    gens = []
    for _ in range(rnd.randint(1, 3)):
        p = list(range(n))
        moved = rnd.sample(range(n), rnd.randint(2, n))
        images = moved[:]
        rnd.shuffle(images)
        for a, b in zip(moved, images, strict=True):
            p[a] = b
        gens.append(tuple(p))
    return gens


GENERATOR_SETS = {
    "S4-coxeter": [(1, 0, 2, 3), (0, 2, 1, 3), (0, 1, 3, 2)],
    "D5-on-5": [(1, 2, 3, 4, 0), (0, 4, 3, 2, 1)],
    "A5-3cycles": [(1, 2, 0, 3, 4), (0, 1, 3, 4, 2)],
    "Z2xZ2xZ2": [(1, 0, 2, 3, 4, 5), (0, 1, 3, 2, 4, 5), (0, 1, 2, 3, 5, 4)],
    "identity-only": [(0, 1, 2, 3)],
    "PSL27-on-8": list(PSL27_ON_8),
    "M11": list(M11_GENS),
    **{f"random-{seed}": _random_generators(seed) for seed in range(12)},
}


@pytest.mark.parametrize("gens", GENERATOR_SETS.values(), ids=GENERATOR_SETS.keys())
def test_permutation_group_order_and_numbering_agree_with_sympy(
    gens: list[tuple[int, ...]],
) -> None:
    n = len(gens[0])
    S = SymGroup([SymPerm(list(g), size=n) for g in gens])
    G = permutation_group(gens)
    assert G.order == S.order()
    # numbering = lexicographic order of image tuples
    expected = sorted(tuple(p.array_form) for p in S.generate())
    assert list(G.elements()) == expected
    for i in sorted({0, len(expected) // 3, len(expected) // 2, len(expected) - 1}):
        assert G.element(i) == expected[i]
        assert G.index(expected[i]) == i
    assert G.identity == expected[0] == tuple(range(n))


@pytest.mark.parametrize("gens", GENERATOR_SETS.values(), ids=GENERATOR_SETS.keys())
def test_permutation_group_membership_agrees_with_sympy(gens: list[tuple[int, ...]]) -> None:
    n = len(gens[0])
    S = SymGroup([SymPerm(list(g), size=n) for g in gens])
    G = permutation_group(gens)
    rnd = random.Random(2024)
    candidates = []
    for _ in range(100):
        p = list(range(n))
        rnd.shuffle(p)
        candidates.append(p)
    # members drawn by sympy (its random() needs a nontrivial group)
    if S.order() > 1:
        candidates += [S.random().array_form for _ in range(50)]
    candidates.append(list(range(n)))
    for p in candidates:
        assert (tuple(p) in G) == S.contains(SymPerm(p)), p
        assert (list(p) in G) == S.contains(SymPerm(p)), p


NAMED_SYMPY_GROUPS = {
    "SymmetricGroup(5)": SymmetricGroup(5),
    "AlternatingGroup(5)": AlternatingGroup(5),
    "DihedralGroup(1)": DihedralGroup(1),
    "DihedralGroup(2)": DihedralGroup(2),
    "DihedralGroup(6)": DihedralGroup(6),
    "CyclicGroup(7)": CyclicGroup(7),
    "AbelianGroup(2,4)": AbelianGroup(2, 4),
    "SymmetricGroup(1)": SymmetricGroup(1),
}


@pytest.mark.parametrize("S", NAMED_SYMPY_GROUPS.values(), ids=NAMED_SYMPY_GROUPS.keys())
def test_from_sympy_agrees_with_sympy(S: SymGroup) -> None:
    G = from_sympy(S)
    assert G.degree == S.degree
    assert G.order == S.order()
    assert list(G.elements()) == sorted(tuple(p.array_form) for p in S.generate())
    assert len(G.conjugacy_classes()) == len(S.conjugacy_classes())
    rnd = random.Random(7)
    for _ in range(50):
        p = list(range(S.degree))
        rnd.shuffle(p)
        assert (tuple(p) in G) == S.contains(SymPerm(p))
    assert from_sympy(list(S.generators)) == G


@pytest.mark.parametrize(
    ("G", "S"),
    [
        (symmetric(5), SymmetricGroup(5)),
        (alternating(5), AlternatingGroup(5)),
        (alternating(6), AlternatingGroup(6)),
        (symmetric(1), SymmetricGroup(1)),
    ],
    ids=["S5", "A5", "A6", "S1"],
)
def test_family_numbering_is_lexicographic(G: grouprep.PermutationGroup, S: SymGroup) -> None:
    expected = sorted(tuple(p.array_form) for p in S.generate())
    assert list(G.elements()) == expected
    assert [G.index(g) for g in expected] == list(range(len(expected)))
    assert from_sympy(S) == G


def test_symmetric_4_equals_groups_generated_differently() -> None:
    S4 = symmetric(4)
    coxeter = permutation_group([(1, 0, 2, 3), (0, 2, 1, 3), (0, 1, 3, 2)])
    cycles = permutation_group([(1, 2, 3, 0), (1, 2, 0, 3)])  # a 4-cycle and a 3-cycle
    assert SymGroup([SymPerm([1, 2, 3, 0]), SymPerm([1, 2, 0, 3])]).order() == 24
    for H in (coxeter, cycles, from_sympy(SymmetricGroup(4))):
        assert H == S4
        assert S4 == H
        assert hash(H) == hash(S4)
    assert len({S4, coxeter, cycles}) == 1


def test_alternating_5_equals_group_of_two_3_cycles() -> None:
    # (1 2 3) and (3 4 5) generate A_5
    H = permutation_group([from_cycles(5, (1, 2, 3)), from_cycles(5, (3, 4, 5))])
    assert alternating(5) == H
    assert hash(H) == hash(alternating(5))


def test_distinct_subgroups_of_equal_order_are_not_equal() -> None:
    # two different dihedral subgroups of order 8 in S_4 (Sylow 2-subgroups)
    P1 = permutation_group([from_cycles(4, (1, 2, 3, 4)), from_cycles(4, (1, 3))])
    P2 = permutation_group([from_cycles(4, (1, 3, 2, 4)), from_cycles(4, (1, 2))])
    assert P1.order == P2.order == 8
    assert closure(P1.generators, 4) != closure(P2.generators, 4)
    assert P1 != P2
    assert alternating(4) != symmetric(4)


# ------------------------------------------------------------------- orders beyond 2**63


def test_symmetric_25_index_round_trip_beyond_int64() -> None:
    S = symmetric(25)
    top = math.factorial(25) - 1
    assert top > 2**63
    assert S.order == math.factorial(25)
    assert S.element(0) == tuple(range(25))
    assert S.element(top) == tuple(range(24, -1, -1))  # lexicographically last
    assert S.index(tuple(range(24, -1, -1))) == top
    rnd = random.Random(25)
    for _ in range(20):
        i = rnd.randrange(S.order - 1)
        g, h = S.element(i), S.element(i + 1)
        assert S.index(g) == i
        assert g < h  # consecutive indices are consecutive in lexicographic order
        # the Lehmer code of g read in the factorial number system is its lex rank
        lehmer = [sum(1 for j in range(k + 1, 25) if g[j] < g[k]) for k in range(25)]
        assert sum(d * math.factorial(24 - k) for k, d in enumerate(lehmer)) == i


def test_alternating_25_index_round_trip_beyond_int64() -> None:
    A = alternating(25)
    assert A.order == math.factorial(25) // 2
    rnd = random.Random(26)
    for i in [0, A.order - 1, *(rnd.randrange(A.order - 1) for _ in range(10))]:
        g = A.element(i)
        assert (25 - len(cycle_lengths(g))) % 2 == 0
        assert A.index(g) == i
        if i + 1 < A.order:
            assert g < A.element(i + 1)
    # the last even permutation in lexicographic order: reversal of 25 points is even
    # (12 transpositions), so it is the last element
    assert A.element(A.order - 1) == tuple(range(24, -1, -1))


@pytest.mark.slow
def test_rubik_group_order_and_numbering() -> None:
    G = from_sympy(RubikGroup(3))
    assert G.order == RUBIK_ORDER
    rnd = random.Random(3)
    for _ in range(5):
        i = rnd.randrange(G.order - 1)
        g, h = G.element(i), G.element(i + 1)
        assert G.index(g) == i
        assert g < h
        assert RubikGroup(3).contains(SymPerm(list(g)))


def test_symmetric_index_accepts_numpy_and_lists() -> None:
    S = symmetric(4)
    g = (2, 0, 3, 1)
    i = S.index(g)
    assert S.index(np.array(g)) == i
    assert S.index(list(g)) == i
    assert S.index(np.array(g, dtype=np.int8)) == i
    assert S.element(np.int64(i)) == g
    assert cyclic(5).index(np.int64(3)) == 3


# ----------------------------------------------------------------------------- known bugs


@pytest.mark.parametrize(
    ("G", "expected"),
    [
        # the reversal of 0..20 is the lexicographically last permutation; it is a product
        # of 10 transpositions, so also the last even one
        (symmetric(21), math.factorial(21) - 1),
        (alternating(21), math.factorial(21) // 2 - 1),
    ],
    ids=["S21", "A21"],
)
def test_index_array_beyond_int64_is_exact_or_refused(
    G: grouprep.PermutationGroup, expected: int
) -> None:
    g = tuple(range(20, -1, -1))
    try:
        out = G.index_array(np.array([g]))
    except grouprep.GroupRepError:
        return  # a clear refusal is acceptable
    assert int(out[0]) == expected


SUBGROUP_IMPOSTORS = {
    # (H, G): H's generators lie in G, but H's law differs from G's on H's elements
    "Z2-in-Z4": (cyclic(2), cyclic(4)),
    "Z3-in-Z5": (cyclic(3), cyclic(5)),
    "D3-in-D6": (dihedral(3), dihedral(6)),
    "Z2xZ2-in-Z4xZ4": (abelian(2, 2), abelian(4, 4)),
}


@pytest.mark.parametrize(("H", "G"), SUBGROUP_IMPOSTORS.values(), ids=SUBGROUP_IMPOSTORS.keys())
def test_subgroup_impostors_have_a_different_law(
    H: grouprep.FiniteGroup[Any], G: grouprep.FiniteGroup[Any]
) -> None:
    assert all(g in G for g in H.generators)
    assert any(G.compose(a, b) != H.compose(a, b) for a in H for b in H)


@pytest.mark.parametrize(("H", "G"), SUBGROUP_IMPOSTORS.values(), ids=SUBGROUP_IMPOSTORS.keys())
def test_is_subgroup_of_respects_the_law(
    H: grouprep.FiniteGroup[Any], G: grouprep.FiniteGroup[Any]
) -> None:
    assert not H.is_subgroup_of(G)


def test_parse_group_rejects_non_string_with_type_error() -> None:
    with pytest.raises(TypeError):
        parse_group(5)  # type: ignore[arg-type]


def test_conjugacy_class_membership_accepts_what_the_group_accepts() -> None:
    S3 = symmetric(3)
    g = [0, 2, 1]
    assert g in S3
    assert g in S3.conjugacy_classes()[S3.class_index(g)]


def test_index_of_zero_dimensional_array_raises_not_an_element() -> None:
    with pytest.raises(grouprep.NotAnElementError):
        symmetric(3).index(np.array(5))
