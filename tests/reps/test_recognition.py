"""Groups given by generators that are abelian, dihedral or symmetric get closed-form tables.

The tables are checked against facts computed here: both orthogonality relations, the
general algorithm (Dixon-Schneider) run on the same group as an independent computation,
the homomorphism law of linear characters over all pairs of elements, and for S_n the
hook length formula, p(n) classes (OEIS A000041) and the sign character.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

import grouprep
from grouprep.laws import check_homomorphism
from grouprep.numbers import Cyclotomic
from grouprep.reps import character_table, inner_product, irreps
from grouprep.reps._recognise import recognised
from grouprep.reps._table import _dixon_schneider


def cycle(n: int, offset: int = 0, degree: int | None = None) -> tuple[int, ...]:
    degree = n + offset if degree is None else degree
    p = list(range(degree))
    for i in range(n):
        p[offset + i] = offset + (i + 1) % n
    return tuple(p)


def reflection(n: int) -> tuple[int, ...]:
    return tuple(-i % n for i in range(n))


CYCLIC = [
    pytest.param(grouprep.permutation_group([cycle(8)]), 8, id="8-cycle"),
    pytest.param(grouprep.permutation_group([cycle(9)]), 9, id="9-cycle"),
    # a 3-cycle and a 4-cycle on disjoint points generate C_12 (no generator of order 12)
    pytest.param(grouprep.permutation_group([cycle(3, 0, 7), cycle(4, 3)]), 12, id="3+4"),
    pytest.param(grouprep.permutation_group([cycle(2, 0, 5), cycle(3, 2)]), 6, id="2+3"),
    pytest.param(grouprep.dihedral(10).subgroup([(2, 0)]), 5, id="rotations of D10"),
    pytest.param(grouprep.symmetric(5).subgroup([(1, 2, 0, 4, 3)]), 6, id="in S5"),
]
DIHEDRAL = [
    pytest.param(grouprep.permutation_group([cycle(5), reflection(5)]), 5, id="pentagon"),
    pytest.param(grouprep.permutation_group([cycle(6), reflection(6)]), 6, id="hexagon"),
    pytest.param(grouprep.permutation_group([cycle(4), reflection(4)]), 4, id="square"),
    pytest.param(grouprep.dihedral(12).subgroup([(2, 0), (0, 1)]), 6, id="D6 inside D12"),
    pytest.param(grouprep.permutation_group([(1, 2, 0), (0, 2, 1)]), 3, id="S3 = D3"),
]


def torus_translations(m: int) -> grouprep.PermutationGroup:
    """The translations of a periodic m x m image, as permutations of its m^2 pixels."""
    right = tuple((i // m) * m + (i % m + 1) % m for i in range(m * m))
    down = tuple(((i // m + 1) % m) * m + i % m for i in range(m * m))
    return grouprep.permutation_group([right, down])


ABELIAN = [  # abelian, not cyclic: a basis gives an isomorphism onto abelian(n_1, ...)
    pytest.param(grouprep.permutation_group([cycle(2, 0, 6), cycle(4, 2)]), (4, 2), id="C2xC4"),
    pytest.param(grouprep.permutation_group([cycle(2, 0, 4), cycle(2, 2)]), (2, 2), id="Klein"),
    pytest.param(torus_translations(4), (4, 4), id="4x4 image translations"),
    pytest.param(torus_translations(6), (2, 2, 3, 3), id="6x6 image translations"),
    pytest.param(
        grouprep.permutation_group([cycle(2, 0, 9), cycle(4, 2, 9), cycle(3, 6)]),
        (4, 2, 3),
        id="C2xC4xC3",
    ),
]
OTHERS = [  # not abelian, not dihedral: the general algorithm
    pytest.param(
        grouprep.permutation_group([(2, 3, 1, 0, 6, 7, 5, 4), (4, 5, 7, 6, 1, 0, 2, 3)]),
        id="Q8",
    ),
    pytest.param(grouprep.alternating(4), id="A4"),
    # S_3 x C_3 on 6 points: order 18 like D_9, but no element of order 9
    pytest.param(
        grouprep.permutation_group([(1, 2, 0, 3, 4, 5), (1, 0, 2, 3, 4, 5), (0, 1, 2, 4, 5, 3)]),
        id="S3xC3",
    ),
]


def orthogonal(table) -> None:
    G, classes, rows = table.group, table.classes, table.characters
    order = Cyclotomic(Fraction(1, G.order))
    for i, a in enumerate(rows):  # rows: <chi_i, chi_j> = [i == j]
        for j, b in enumerate(rows):
            total = Cyclotomic(0)
            for c, x, y in zip(classes, a, b, strict=True):
                total = total + c.size * x * y.conjugate()
            assert total * order == (1 if i == j else 0)
    for k, ck in enumerate(
        classes
    ):  # columns: sum_chi chi(g_k) conj chi(g_l) = |C_G(g_k)| [k == l]
        for m in range(len(classes)):
            total = Cyclotomic(0)
            for row in rows:
                total = total + row[k] * row[m].conjugate()
            assert total == (G.order // ck.size if k == m else 0)


def same_rows_as_general_algorithm(G, table) -> None:
    general = _dixon_schneider(G, G.conjugacy_classes())
    assert sorted(map(repr, general)) == sorted(map(repr, table.characters))


def linear_characters_are_homomorphisms(table) -> None:
    G = table.group
    for row in table.characters:
        if row[0] != 1:
            continue
        value = {g: row[G.class_index(g)] for g in G}
        for a in G:
            for b in G:
                assert value[G.compose(a, b)] == value[a] * value[b]


@pytest.mark.parametrize(("G", "n"), CYCLIC)
def test_cyclic_groups_by_generators_are_recognised(G, n):
    found = recognised(G)
    assert found is not None and found[0] == grouprep.cyclic(n)
    table = character_table(G)
    assert all(c.representative in G for c in table.classes)  # the user's own elements
    assert [c.representative for c in table.classes] == [
        c.representative for c in G.conjugacy_classes()
    ]
    assert table.degrees == (1,) * n
    orthogonal(table)
    same_rows_as_general_algorithm(G, table)
    linear_characters_are_homomorphisms(table)


@pytest.mark.parametrize(("G", "m"), DIHEDRAL)
def test_dihedral_groups_by_generators_are_recognised(G, m):
    found = recognised(G)
    assert found is not None and found[0] == grouprep.dihedral(m)
    psi = found[1]
    # psi is an isomorphism: a bijection onto D_m respecting the law
    D = found[0]
    assert sorted(psi.values(), key=D.index) == list(D.elements())
    assert all(psi[G.compose(a, b)] == D.compose(psi[a], psi[b]) for a in G for b in G)
    table = character_table(G)
    assert all(c.representative in G for c in table.classes)
    orthogonal(table)
    same_rows_as_general_algorithm(G, table)
    linear_characters_are_homomorphisms(table)
    linear = 4 if m % 2 == 0 else 2
    assert sorted(table.degrees) == [1] * linear + [2] * ((2 * m - linear) // 4)


@pytest.mark.parametrize(("G", "orders"), ABELIAN)
def test_abelian_groups_by_generators_are_recognised(G, orders):
    found = recognised(G)
    assert found is not None
    family, psi = found
    assert family == grouprep.abelian(*orders)
    # psi is an isomorphism onto the product of cyclic groups
    assert len(set(psi.values())) == G.order
    elements = G.elements()
    for a in elements[:: max(1, G.order // 12)]:
        for b in elements:
            assert psi[G.compose(a, b)] == family.compose(psi[a], psi[b])
    table = character_table(G)
    assert all(c.representative in G for c in table.classes)
    assert table.degrees == (1,) * G.order
    orthogonal(table)
    if G.order <= 36:
        same_rows_as_general_algorithm(G, table)
        linear_characters_are_homomorphisms(table)


@pytest.mark.parametrize("G", OTHERS)
def test_other_groups_are_not_recognised(G):
    assert recognised(G) is None
    table = character_table(G)
    orthogonal(table)


@pytest.mark.parametrize(("G", "n"), CYCLIC[:3] + DIHEDRAL[:2] + ABELIAN[:3])
def test_recognised_groups_have_irreps_on_their_own_elements(G, n):
    reps = irreps(G)
    table = character_table(G)
    assert sorted(map(repr, (r.character_values() for r in reps))) == sorted(
        map(repr, table.characters)
    )
    for rho in reps:
        assert rho.group is G
        assert check_homomorphism(rho).holds
        assert inner_product(rho, rho) == 1


def test_equal_groups_by_other_generators_get_the_same_table():
    c = cycle(12)
    cubed = tuple(c[c[c[i]]] for i in range(12))
    fifth = tuple(c[c[c[c[c[i]]]]] for i in range(12))
    A = grouprep.permutation_group([c])
    B = grouprep.permutation_group([fifth])
    C = grouprep.permutation_group([cubed, fifth])
    assert A == B == C
    assert character_table(A) == character_table(B) == character_table(C)
    hexagon = [cycle(6), reflection(6)]
    other = [tuple(cycle(6)[cycle(6)[i]] for i in range(6)), (1, 0, 5, 4, 3, 2), reflection(6)]
    D, E = grouprep.permutation_group(hexagon), grouprep.permutation_group(other)
    assert D == E and character_table(D) == character_table(E)


def test_the_brief_example_c64_as_a_permutation_group():
    G = grouprep.permutation_group([cycle(64)])
    table = character_table(G)
    assert table.degrees == (1,) * 64
    # the rows are the characters g -> zeta^(k log g) for a generator of the group
    g = next(c.representative for c in table.classes if c.element_order == 64)
    for row in table.characters:
        value = row[G.class_index(g)]
        assert value**64 == 1
        h = g
        for k in range(2, 7):
            h = G.compose(g, h)  # g^k
            assert row[G.class_index(h)] == value**k


# -------------------------------------------------------------------- symmetric
def hook_length_degree(shape):
    columns = [sum(1 for row in shape if row > j) for j in range(shape[0])]
    hooks = 1
    for i, row in enumerate(shape):
        for j in range(row):
            hooks *= (row - j - 1) + (columns[j] - i - 1) + 1
    return math.factorial(sum(shape)) // hooks


def partitions(n, largest=None):
    largest = n if largest is None else largest
    if n == 0:
        yield ()
        return
    for part in range(min(n, largest), 0, -1):
        for rest in partitions(n - part, part):
            yield (part, *rest)


PARTITION_COUNTS = [1, 1, 2, 3, 5, 7, 11, 15, 22, 30, 42]  # OEIS A000041


@pytest.mark.parametrize("n", range(1, 11))
def test_symmetric_tables_by_murnaghan_nakayama(n):
    G = grouprep.symmetric(n)
    table = character_table(G)
    assert len(table.classes) == PARTITION_COUNTS[n]
    assert sorted(table.degrees) == sorted(hook_length_degree(s) for s in partitions(n))
    sign = tuple(
        Cyclotomic((-1) ** (n - len(grouprep.groups.cycle_type(c.representative))))
        for c in table.classes
    )
    assert sign in table.characters
    if n <= 8:
        orthogonal(table)


@pytest.mark.parametrize("n", range(1, 7))
def test_symmetric_tables_agree_with_the_general_algorithm(n):
    G = grouprep.symmetric(n)
    same_rows_as_general_algorithm(G, character_table(G))


def test_symmetric_group_by_generators_lists_cycle_types_without_listing_elements():
    G = grouprep.permutation_group([(1, 0, 2, 3, 4, 5, 6, 7, 8, 9), cycle(10)])
    classes = G.conjugacy_classes()
    assert "elements" not in G._cache  # the classes came in closed form
    assert len(classes) == 42
    assert [(c.representative, c.size) for c in classes] == [
        (c.representative, c.size) for c in grouprep.symmetric(10).conjugacy_classes()
    ]
    assert character_table(G).characters == character_table(grouprep.symmetric(10)).characters


def test_symmetric_group_table_beyond_the_search_limit():
    # S_12 has order 479001600, beyond the general algorithm; Murnaghan-Nakayama needs no
    # listing. The standard character (n-1, 1) is (fixed points - 1).
    G = grouprep.symmetric(12)
    table = character_table(G)
    assert len(table.characters) == 77
    standard = tuple(
        Cyclotomic(sum(1 for i, x in enumerate(c.representative) if i == x) - 1)
        for c in table.classes
    )
    assert standard in table.characters
