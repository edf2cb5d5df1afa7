"""Cycle indices: published values, Burnside counts by brute force, and large S_n quickly."""

from __future__ import annotations

import itertools
import math
import time
from typing import Any

import pytest
import sympy

import grouprep
from grouprep.orbits._generic import _as_polynomial, _class_cycle_types

a1, a2, a3, a4, a5 = sympy.symbols("a1:6")


def at(Z: Any, k: int) -> int:
    value = Z.xreplace({s: sympy.Integer(k) for s in Z.free_symbols})
    assert value.is_Integer
    return int(value)


def test_symmetric_4_and_5_match_the_textbook() -> None:
    # e.g. Harary & Palmer, Graphical Enumeration (1973), section 2.2
    Z4 = (a1**4 + 6 * a1**2 * a2 + 3 * a2**2 + 8 * a1 * a3 + 6 * a4) / 24
    Z5 = (
        a1**5
        + 10 * a1**3 * a2
        + 15 * a1 * a2**2
        + 20 * a1**2 * a3
        + 20 * a2 * a3
        + 30 * a1 * a4
        + 24 * a5
    ) / 120
    assert sympy.expand(grouprep.cycle_index(grouprep.symmetric(4)) - Z4) == 0
    assert sympy.expand(grouprep.cycle_index(grouprep.symmetric(5)) - Z5) == 0
    assert sympy.expand(grouprep.cycle_index(grouprep.alternating(4))) == sympy.expand(
        (a1**4 + 3 * a2**2 + 8 * a1 * a3) / 12
    )


def _pairs_group(n: int) -> grouprep.PermutationGroup:
    """S_n acting on the C(n, 2) unordered pairs of vertices (the possible edges)."""
    pairs = list(itertools.combinations(range(n), 2))
    where = {p: i for i, p in enumerate(pairs)}
    gens = []
    for g in grouprep.symmetric(n).generators:
        gens.append(tuple(where[tuple(sorted((g[i], g[j])))] for i, j in pairs))
    return grouprep.permutation_group(gens, degree=len(pairs))


@pytest.mark.parametrize(("n", "graphs"), [(2, 2), (3, 4), (4, 11), (5, 34), (6, 156), (7, 1044)])
def test_polya_counts_graphs_oeis_a000088(n: int, graphs: int) -> None:
    assert at(grouprep.cycle_index(_pairs_group(n)), 2) == graphs


def _brute_force_orbits(G: grouprep.FiniteGroup, k: int) -> int:
    perms = [G.as_permutation(g) for g in G.elements()]
    seen: set[tuple[int, ...]] = set()
    count = 0
    for colouring in itertools.product(range(k), repeat=G.degree):
        if colouring in seen:
            continue
        count += 1
        for p in perms:  # colour of point p[i] is the colour of i
            image = [0] * len(p)
            for i, v in enumerate(p):
                image[v] = colouring[i]
            seen.add(tuple(image))
    return count


GROUPS = [
    grouprep.cyclic(1),
    grouprep.cyclic(6),
    grouprep.cyclic(7),
    grouprep.dihedral(1),
    grouprep.dihedral(2),
    grouprep.dihedral(5),
    grouprep.dihedral(6),
    grouprep.symmetric(1),
    grouprep.symmetric(5),
    grouprep.alternating(1),
    grouprep.alternating(2),
    grouprep.alternating(5),
    grouprep.permutation_group([(1, 2, 0, 4, 5, 3), (3, 4, 5, 0, 1, 2)]),  # Z_3 wr Z_2
    grouprep.direct_product(grouprep.cyclic(3), grouprep.dihedral(3)),
    grouprep.abelian(2, 4),
    grouprep.cyclic(12).subgroup([4]),
]


@pytest.mark.parametrize("G", GROUPS, ids=repr)
@pytest.mark.parametrize("k", [2, 3])
def test_cycle_index_counts_colourings_like_brute_force(G: grouprep.FiniteGroup, k: int) -> None:
    if k**G.degree > 50_000:
        pytest.skip("too many colourings to list")
    assert at(grouprep.cycle_index(G), k) == _brute_force_orbits(G, k)


@pytest.mark.parametrize("G", GROUPS, ids=repr)
def test_closed_forms_equal_the_sum_over_classes(G: grouprep.FiniteGroup) -> None:
    by_classes = _as_polynomial(_class_cycle_types(G, G._as_permutation))
    assert sympy.expand(grouprep.cycle_index(G) - by_classes) == 0
    action = grouprep.permutation_action(G)
    assert sympy.expand(grouprep.cycle_index(action) - by_classes) == 0


@pytest.mark.parametrize("G", GROUPS[:8], ids=repr)
def test_regular_action_cycle_index(G: grouprep.FiniteGroup) -> None:
    action = grouprep.regular_action(G)
    by_classes = _as_polynomial(_class_cycle_types(G, action.permutation))
    assert sympy.expand(grouprep.cycle_index(action) - by_classes) == 0


def test_symmetric_30_in_seconds() -> None:
    start = time.perf_counter()
    Z = grouprep.cycle_index(grouprep.symmetric(30))
    assert time.perf_counter() - start < 20  # was more than 145 s
    assert len(Z.args) == 5604  # p(30), one term per cycle type
    for k in (2, 3):  # colourings up to all permutations: multisets of size n
        assert at(Z, k) == math.comb(30 + k - 1, 30)


def test_cyclic_without_listing() -> None:
    Zc = grouprep.cycle_index(grouprep.cyclic(10**12))
    assert at(Zc, 1) == 1


def test_cycle_index_of_a_huge_symmetric_group_is_refused() -> None:
    with pytest.raises(grouprep.errors.SizeLimitError, match="cycle_index"):
        grouprep.cycle_index(grouprep.symmetric(100))
