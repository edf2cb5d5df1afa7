"""Frobenius-Schur indicators from character tables and the squaring power map.

Expected values are published facts (every irrep of S_n is realizable over Q; Q_8 and
SL(2,3) = 2.A_4 have quaternionic 2-dimensional irreps, ATLAS / GAP's ``Indicator``), laws
checked by applying the groups here (the number of solutions of g^2 = e, counted by brute
force) and the characterization nu != 0 iff chi is real-valued.
"""

from __future__ import annotations

import itertools

import pytest

import grouprep
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.reps import (
    Representation,
    character_table,
    frobenius_schur,
    irreps,
    regular_representation,
)


# --------------------------------------------------------------- groups built here
def quaternion_group() -> grouprep.PermutationGroup:
    """Q_8 by left multiplication on its 8 elements, computed from the quaternion units."""
    units = [(s, u) for u in "1ijk" for s in (1, -1)]  # (sign, unit)
    table = {  # products of the units: x * y = (sign, unit)
        ("1", "1"): (1, "1"),
        ("i", "i"): (-1, "1"),
        ("j", "j"): (-1, "1"),
        ("k", "k"): (-1, "1"),
        ("i", "j"): (1, "k"),
        ("j", "k"): (1, "i"),
        ("k", "i"): (1, "j"),
        ("j", "i"): (-1, "k"),
        ("k", "j"): (-1, "i"),
        ("i", "k"): (-1, "j"),
    }
    for u in "ijk":
        table[("1", u)] = (1, u)
        table[(u, "1")] = (1, u)

    def mul(a: tuple[int, str], b: tuple[int, str]) -> tuple[int, str]:
        s, u = table[(a[1], b[1])]
        return (a[0] * b[0] * s, u)

    def left(x: tuple[int, str]) -> tuple[int, ...]:
        return tuple(units.index(mul(x, y)) for y in units)

    return grouprep.permutation_group([left((1, "i")), left((1, "j"))])


def sl_2_3() -> grouprep.PermutationGroup:
    """SL(2, 3) acting on the 8 nonzero vectors of F_3^2 (faithfully), by generators."""
    vectors = [v for v in itertools.product(range(3), repeat=2) if v != (0, 0)]

    def perm(m: tuple[tuple[int, int], tuple[int, int]]) -> tuple[int, ...]:
        (a, b), (c, d) = m
        return tuple(vectors.index(((a * x + b * y) % 3, (c * x + d * y) % 3)) for x, y in vectors)

    return grouprep.permutation_group([perm(((1, 1), (0, 1))), perm(((1, 0), (1, 1)))])


def a4_by_generators() -> grouprep.PermutationGroup:
    return grouprep.permutation_group([(1, 2, 0, 3), (1, 0, 3, 2)])


def a5_by_generators() -> grouprep.PermutationGroup:
    return grouprep.permutation_group([(1, 2, 0, 3, 4), (1, 2, 3, 4, 0)])


def involutions_and_identity(G: grouprep.FiniteGroup) -> int:
    """The number of elements with g^2 = e, counted over the group."""
    return sum(1 for g in G if G.compose(g, g) == G.identity)


def is_real_valued(row) -> bool:
    return all(v == v.conjugate() for v in row)


# ------------------------------------------------------------------- published facts
@pytest.mark.parametrize("n", range(1, 9))
def test_every_irrep_of_a_symmetric_group_is_real(n):
    table = character_table(grouprep.symmetric(n))
    assert table.indicators == (1,) * len(table.characters)


def test_symmetric_group_given_by_other_generators_is_real_too():
    G = grouprep.permutation_group([(1, 2, 3, 4, 5, 0), (1, 0, 2, 3, 4, 5)])
    assert G.order == 720
    assert set(character_table(G).indicators) == {1}


def test_quaternion_group_has_one_quaternionic_irrep_of_degree_two():
    table = character_table(quaternion_group())
    assert table.group.order == 8
    pairs = sorted(zip(table.degrees, table.indicators, strict=True))
    assert pairs == [(1, 1), (1, 1), (1, 1), (1, 1), (2, -1)]


@pytest.mark.parametrize(
    "G", [grouprep.dihedral(4), grouprep.permutation_group([(1, 2, 3, 0), (3, 2, 1, 0)])]
)
def test_dihedral_group_of_order_8_is_real(G):
    assert character_table(G).indicators == (1, 1, 1, 1, 1)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6, 9, 12])
def test_cyclic_group_indicators(n):
    # chi_k(g) = zeta^(kg) is real only for k = 0 and k = n/2; nu(chi_k) = [2k = 0 mod n]
    table = character_table(grouprep.cyclic(n))
    expected = tuple(1 if (2 * k) % n == 0 else 0 for k in range(n))
    # the rows of cyclic(n) are chi_0, ..., chi_{n-1}: check that before relying on it
    if n > 1:
        generator = table.group.class_index(1)
        assert [row[generator] for row in table.characters] == [
            grouprep.numbers.root_of_unity(n, k) for k in range(n)
        ]
    assert table.indicators == expected
    assert sum(table.indicators) == (2 if n % 2 == 0 else 1)


@pytest.mark.parametrize("G", [grouprep.alternating(4), a4_by_generators()])
def test_a4_indicators(G):
    assert sorted(character_table(G).indicators) == [0, 0, 1, 1]


@pytest.mark.parametrize("G", [grouprep.alternating(5), a5_by_generators()])
def test_a5_is_real(G):
    # A_5's degree-3 characters have the irrational values (1 +- sqrt 5)/2, yet all are real
    assert character_table(G).indicators == (1, 1, 1, 1, 1)


def test_binary_tetrahedral_group():
    # SL(2,3) = 2.A_4: the A_4 characters (1, 1', 1'', 3) and three faithful of degree 2;
    # indicators + o o + for A_4's, - o o for the faithful ones (GAP, CharacterTable("2.A4"))
    G = sl_2_3()
    assert G.order == 24
    table = character_table(G)
    pairs = sorted(zip(table.degrees, table.indicators, strict=True))
    assert pairs == [(1, 0), (1, 0), (1, 1), (2, -1), (2, 0), (2, 0), (3, 1)]


# ----------------------------------------------------------------------------- laws
GROUPS = [
    pytest.param(grouprep.symmetric(4), id="S4"),
    pytest.param(grouprep.symmetric(5), id="S5"),
    pytest.param(grouprep.dihedral(5), id="D5"),
    pytest.param(grouprep.dihedral(6), id="D6"),
    pytest.param(grouprep.cyclic(10), id="C10"),
    pytest.param(grouprep.abelian(2, 4), id="C2xC4"),
    pytest.param(quaternion_group(), id="Q8"),
    pytest.param(sl_2_3(), id="SL(2,3)"),
    pytest.param(a5_by_generators(), id="A5 by generators"),
    pytest.param(grouprep.direct_product(grouprep.cyclic(6), grouprep.symmetric(3)), id="C6xS3"),
    pytest.param(grouprep.direct_product(quaternion_group(), grouprep.cyclic(3)), id="Q8xC3"),
]


@pytest.mark.parametrize("G", GROUPS)
def test_indicators_count_the_square_roots_of_the_identity(G):
    # sum_chi nu(chi) chi(1) = #{g : g^2 = e}, counted over the elements
    table = character_table(G)
    total = sum(nu * d for nu, d in zip(table.indicators, table.degrees, strict=True))
    assert total == involutions_and_identity(G)


@pytest.mark.parametrize("G", GROUPS)
def test_indicators_count_square_roots_of_every_element(G):
    # sum_chi nu(chi) chi(h) = #{g : g^2 = h} for every h (Frobenius-Schur)
    table = character_table(G)
    roots = dict.fromkeys(range(len(table.classes)), 0)
    squares = [G.compose(g, g) for g in G]
    for k, c in enumerate(table.classes):
        roots[k] = sum(1 for s in squares if s == c.representative)
    for k in range(len(table.classes)):
        value = sum(
            nu * row[k] for nu, row in zip(table.indicators, table.characters, strict=True)
        )
        assert value == roots[k]


@pytest.mark.parametrize("G", GROUPS)
def test_indicator_is_zero_exactly_for_the_characters_that_are_not_real(G):
    table = character_table(G)
    for row, nu in zip(table.characters, table.indicators, strict=True):
        assert (nu == 0) == (not is_real_valued(row))


@pytest.mark.parametrize("G", GROUPS)
def test_power_map_sends_each_class_to_the_class_of_the_squares(G):
    table = character_table(G)
    for k in (2, 3, -1):
        image = table.power_map(k)
        for c, target in zip(table.classes, image, strict=True):
            for g in list(c)[:5]:
                assert G.power(g, k) in table.classes[target]


# --------------------------------------------------------------- frobenius_schur
@pytest.mark.parametrize(
    "G", [grouprep.dihedral(5), grouprep.symmetric(4), grouprep.cyclic(6), grouprep.dihedral(4)]
)
def test_rows_and_explicit_irreps_give_the_same_indicator(G):
    table = character_table(G)
    for rho in irreps(G):
        values = rho.character_values()
        by_row = frobenius_schur(values, G)
        assert by_row == frobenius_schur(rho)
        assert by_row == table.indicators[table.characters.index(values)]
        # the definition, summed over every element with the explicit matrices
        direct = sum(rho.character(G.compose(g, g)) for g in G)
        assert direct == by_row * G.order


def test_frobenius_schur_of_rows_without_explicit_irreps():
    for G, expected in [(sl_2_3(), {-1, 0, 1}), (grouprep.alternating(5), {1})]:
        rows = character_table(G).characters
        assert {frobenius_schur(row, G) for row in rows} == expected


def test_frobenius_schur_of_a_representation_given_by_matrices():
    from tests.reps.test_analysis import quaternion_rep

    assert frobenius_schur(quaternion_rep()) == -1


def test_s7_rows_need_no_explicit_irreps():
    G = grouprep.symmetric(7)
    table = character_table(G)
    assert [frobenius_schur(row, G) for row in table.characters] == [1] * 15


def test_indicators_survive_pickling():
    import pickle

    table = character_table(sl_2_3())
    loaded = pickle.loads(pickle.dumps(table))
    assert loaded.indicators == table.indicators


# ------------------------------------------------------------------------ errors
def test_frobenius_schur_errors():
    G = grouprep.symmetric(3)
    with pytest.raises(GroupRepValueError, match="'group' is required"):
        frobenius_schur([1, 1, 1])
    with pytest.raises(GroupRepValueError, match="one value per class"):
        frobenius_schur([1, 1], G)
    with pytest.raises(GroupRepValueError, match="row of"):
        frobenius_schur([2, 0, -1 + 0], grouprep.cyclic(3))  # not a character of C_3
    with pytest.raises(GroupRepValueError, match="irreducible character"):
        frobenius_schur([-1, -1, -1], G)  # norm 1, but not a character
    with pytest.raises(GroupRepValueError, match="irreducible"):
        frobenius_schur(regular_representation(grouprep.cyclic(3)))
    with pytest.raises(GroupRepTypeError, match="'chi'"):
        frobenius_schur("abc", G)
    with pytest.raises(GroupRepTypeError, match="'chi'"):
        frobenius_schur(3)
    rho = Representation(grouprep.cyclic(2), [[[-1]]])
    with pytest.raises(GroupRepValueError, match="'group'"):
        frobenius_schur(rho, G)


def test_power_map_errors():
    table = character_table(grouprep.cyclic(3))
    with pytest.raises(GroupRepTypeError, match="'k'"):
        table.power_map(2.0)


def test_explicit_degree_35_irreps_of_s7():
    # S_7 has two irreps of degree 35 (hook length formula): the partitions (4, 2, 1) and its
    # conjugate (3, 2, 1, 1); their characters need only the class representatives' matrices
    # (along reduced words), not all 5040 matrices
    G = grouprep.symmetric(7)
    big = [rho for rho in irreps(G) if rho.dim == 35]
    assert sorted(rho.name for rho in big) == ["Specht(3, 2, 1, 1)", "Specht(4, 2, 1)"]
    assert [frobenius_schur(rho) for rho in big] == [1, 1]
    table = character_table(G)
    assert all(rho.character_values() in table.characters for rho in big)
