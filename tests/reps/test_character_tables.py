"""Character tables against published tables (ATLAS / GAP) and the orthogonality relations."""

from __future__ import annotations

import pytest

import grouprep
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.reps import character_table


def E(n, k=1):
    return root_of_unity(n, k)


def psl27():
    # PSL(2,7) on the projective line over F_7 (7 stands for infinity): x -> x+1, x -> -1/x
    inf = 7

    def mobius(f):
        return tuple(f(x) for x in range(8))

    return grouprep.permutation_group(
        [
            mobius(lambda x: inf if x == inf else (x + 1) % 7),
            mobius(lambda x: 0 if x == inf else inf if x == 0 else (-pow(x, -1, 7)) % 7),
        ]
    )


def quaternion():
    # Q8 by left multiplication on 1, -1, i, -i, j, -j, k, -k
    return grouprep.permutation_group([(2, 3, 1, 0, 6, 7, 5, 4), (4, 5, 7, 6, 1, 0, 2, 3)])


GOLDEN = 1 + E(5) + E(5, 4)  # (1 + sqrt 5)/2
B7 = E(7) + E(7, 2) + E(7, 4)  # (-1 + i sqrt 7)/2

# (group, degrees, sorted class sizes) from the ATLAS of Finite Groups / GAP's tables
PUBLISHED = [
    (grouprep.cyclic(6), [1] * 6, [1] * 6),
    (grouprep.abelian(2, 2), [1, 1, 1, 1], [1, 1, 1, 1]),
    (grouprep.symmetric(3), [1, 1, 2], [1, 2, 3]),
    (grouprep.dihedral(4), [1, 1, 1, 1, 2], [1, 1, 2, 2, 2]),
    (quaternion(), [1, 1, 1, 1, 2], [1, 1, 2, 2, 2]),
    (grouprep.dihedral(5), [1, 1, 2, 2], [1, 2, 2, 5]),
    (grouprep.alternating(4), [1, 1, 1, 3], [1, 3, 4, 4]),
    (grouprep.symmetric(4), [1, 1, 2, 3, 3], [1, 3, 6, 6, 8]),
    (grouprep.alternating(5), [1, 3, 3, 4, 5], [1, 12, 12, 15, 20]),
    (grouprep.symmetric(5), [1, 1, 4, 4, 5, 5, 6], [1, 10, 15, 20, 20, 24, 30]),
    (psl27(), [1, 3, 3, 6, 7, 8], [1, 21, 24, 24, 42, 56]),
]


@pytest.mark.parametrize(("G", "degrees", "sizes"), PUBLISHED, ids=lambda x: repr(x)[:30])
def test_degrees_class_sizes_and_orthogonality(G, degrees, sizes):
    T = character_table(G)
    assert sorted(T.degrees) == degrees
    assert sorted(c.size for c in T.classes) == sizes
    assert all(v == 1 for v in T.characters[0])  # trivial character first
    order = G.order
    # row orthogonality: (1/|G|) sum_C |C| chi(C) conj(psi(C)) = delta
    for a in T.characters:
        for b in T.characters:
            s = sum(
                (c.size * x * y.conjugate() for c, x, y in zip(T.classes, a, b, strict=True)),
                Cyclotomic(0),
            )
            assert s == (order if a is b else 0)
    # column orthogonality: sum_chi chi(g_i) conj(chi(g_j)) = delta |C_G(g_i)|
    for i, ci in enumerate(T.classes):
        for j in range(len(T.classes)):
            s = sum((row[i] * row[j].conjugate() for row in T.characters), Cyclotomic(0))
            assert s == (order // ci.size if i == j else 0)


def test_irrational_values_a5_and_psl27():
    T = character_table(grouprep.alternating(5))
    values = {v for row in T.characters for v in row}
    assert GOLDEN in values and 1 - GOLDEN in values  # (1 +- sqrt 5)/2
    assert GOLDEN * GOLDEN == GOLDEN + 1
    T = character_table(psl27())
    values = {v for row in T.characters for v in row}
    assert B7 in values and B7.conjugate() in values  # (-1 +- i sqrt 7)/2
    assert B7 * B7 + B7 + 2 == 0


def test_quaternion_and_dihedral_tables_differ_only_in_schur_indicator_data():
    # D4 and Q8 have the same character table (a classical fact)
    d4 = sorted(
        tuple(sorted(map(repr, row))) for row in character_table(grouprep.dihedral(4)).characters
    )
    q8 = sorted(tuple(sorted(map(repr, row))) for row in character_table(quaternion()).characters)
    assert d4 == q8


def test_cyclic_table_is_the_fourier_matrix():
    n = 8
    T = character_table(grouprep.cyclic(n))
    assert [list(row) for row in T.characters] == [
        [E(n, k * g) for g in range(n)] for k in range(n)
    ]


def test_general_algorithm_agrees_with_closed_forms():
    # D_5 and Z_6 given only by generators as permutation groups
    d5 = grouprep.permutation_group([(1, 2, 3, 4, 0), (0, 4, 3, 2, 1)])
    z6 = grouprep.permutation_group([(1, 2, 0, 4, 3)])
    for perm_group, closed in ((d5, grouprep.dihedral(5)), (z6, grouprep.cyclic(6))):
        a = sorted(sorted(map(repr, r)) for r in character_table(perm_group).characters)
        b = sorted(sorted(map(repr, r)) for r in character_table(closed).characters)
        assert a == b


def test_printing_and_bad_input():
    text = str(character_table(grouprep.symmetric(3)))
    assert text.splitlines()[0].split() == ["1a", "2a", "3a"]
    names = character_table(grouprep.alternating(5)).class_names
    assert names == ("1a", "2a", "3a", "5a", "5b")  # as in the ATLAS
    assert text.splitlines()[-1].split() == ["X.3", "2", "0", "-1"]
    with pytest.raises(grouprep.GroupRepTypeError, match="FiniteGroup"):
        character_table("S3")
