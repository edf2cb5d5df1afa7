"""Group equality: the same elements under the same law, however the group was built.

Each group below is labelled with the universe its elements live in (worked out here from
the construction, not asked of grouprep); equality must hold exactly for the pairs with
the same universe and the same set of elements, the set computed by listing the
elements. Equal groups must then be interchangeable: the same numbering, the same
classes in the same order, equal hashes, and (for the laws) the same products.
"""

from __future__ import annotations

import itertools
import pickle

import pytest

import grouprep
from grouprep.groups import Subgroup
from grouprep.reps import character_table, irreps


def cycle(n: int) -> tuple[int, ...]:
    return tuple((i + 1) % n for i in range(n))


C12 = grouprep.cyclic(12)
C2 = grouprep.cyclic(2)
C12xC2 = grouprep.direct_product(C12, C2)
D5 = grouprep.dihedral(5)
S4 = grouprep.symmetric(4)

# (label, universe, group): the universe names the ambient law as the construction gives it
GROUPS = [
    ("cyclic(12)", "Z12", C12),
    ("C12 by 5", "Z12", C12.subgroup([5])),
    ("C12 by 4", "Z12", C12.subgroup([4])),
    ("C12 by 8", "Z12", C12.subgroup([8])),
    ("C12 by 4 inside C12 by 2", "Z12", C12.subgroup([2]).subgroup([4])),
    ("cyclic(3)", "Z3", grouprep.cyclic(3)),
    ("cyclic(8)", "Z8", grouprep.cyclic(8)),
    ("8-cycle", "perm8", grouprep.permutation_group([cycle(8)])),
    ("cyclic(8) image", "perm8", grouprep.cyclic(8).as_permutation_group()),
    (
        "3rd power of the 8-cycle",
        "perm8",
        grouprep.permutation_group([cycle(8)[3:] + cycle(8)[:3]]),
    ),
    ("dihedral(5)", "D5", D5),
    ("D5 by other generators", "D5", D5.subgroup([(2, 1), (3, 0)])),
    ("D5 rotations", "D5", D5.subgroup([(1, 0)])),
    ("D5 rotations by r^2", "D5", D5.subgroup([(2, 0)])),
    ("D5 on the pentagon", "perm5", grouprep.permutation_group([cycle(5), (0, 4, 3, 2, 1)])),
    ("dihedral(5) image", "perm5", D5.as_permutation_group()),
    ("symmetric(4)", "perm4", S4),
    ("S4 by (0 1 2 3), (0 1)", "perm4", grouprep.permutation_group([(1, 2, 3, 0), (1, 0, 2, 3)])),
    (
        "S4 by (0 1), (1 2), (2 3)",
        "perm4",
        grouprep.permutation_group([(1, 0, 2, 3), (0, 2, 1, 3), (0, 1, 3, 2)]),
    ),
    ("alternating(4)", "perm4", grouprep.alternating(4)),
    ("A4 by generators", "perm4", grouprep.permutation_group([(1, 2, 0, 3), (0, 2, 3, 1)])),
    ("A4 inside S4", "perm4", S4.subgroup([(1, 2, 0, 3), (1, 0, 3, 2)])),
    ("A4 as a Subgroup of S4", "perm4", Subgroup(S4, [(1, 2, 0, 3), (1, 0, 3, 2)])),
    ("D4 in S4", "perm4", grouprep.permutation_group([(1, 2, 3, 0), (3, 2, 1, 0)])),
    ("S3 fixing 3", "perm4", grouprep.permutation_group([(1, 0, 2, 3), (1, 2, 0, 3)])),
    ("symmetric(3)", "perm3", grouprep.symmetric(3)),
    ("C12 x C2", "Z12xZ2", C12xC2),
    ("C12 x C2 by other generators", "Z12xZ2", C12xC2.subgroup([(1, 1), (0, 1)])),
    ("<4> x C2 as a subgroup", "Z12xZ2", C12xC2.subgroup([(4, 0), (0, 1)])),
    ("<4> x C2 by (8, 1), (0, 1)", "Z12xZ2", C12xC2.subgroup([(8, 1), (0, 1)])),
    ("<4> x C2 as a product", "Z12xZ2", grouprep.direct_product(C12.subgroup([4]), C2)),
    (
        "<4> x C2 as a product of others",
        "Z12xZ2",
        grouprep.direct_product(C12.subgroup([8]), C2.subgroup([1])),
    ),
    ("diagonal (6, 1)", "Z12xZ2", C12xC2.subgroup([(6, 1)])),
    ("abelian(12, 2)", "Z12xZ2", grouprep.abelian(12, 2)),
    ("abelian(2, 2)", "Z2xZ2", grouprep.abelian(2, 2)),
    ("dihedral(2)", "D2", grouprep.dihedral(2)),
    ("C5", "Z5", grouprep.cyclic(5)),
    ("C5 as a product of one factor", "(Z5)", grouprep.direct_product(grouprep.cyclic(5))),
    ("C2 x S3", "Z2xperm3", grouprep.direct_product(C2, grouprep.symmetric(3))),
    (
        "C2 x S3 by generators of S3",
        "Z2xperm3",
        grouprep.direct_product(C2, grouprep.permutation_group([(1, 2, 0), (0, 2, 1)])),
    ),
    (
        "C2 x A3 inside C2 x S3",
        "Z2xperm3",
        grouprep.direct_product(C2, grouprep.symmetric(3)).subgroup(
            [(1, (0, 1, 2)), (0, (1, 2, 0))]
        ),
    ),
    ("C2 x A3 as a product", "Z2xperm3", grouprep.direct_product(C2, grouprep.alternating(3))),
]

PAIRS = [pytest.param(a, b, id=f"{a[0]} | {b[0]}") for a, b in itertools.combinations(GROUPS, 2)]


def listed(G):
    return frozenset(G.elements())


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_equal_exactly_when_same_universe_and_same_elements(a, b):
    (_, ua, A), (_, ub, B) = a, b
    same = ua == ub and listed(A) == listed(B)
    assert (A == B) is same
    assert (B == A) is same
    assert (A != B) is (not same)
    if same:
        assert hash(A) == hash(B)


def interchangeable(A, B):
    assert A.order == B.order and A.identity == B.identity
    assert A.elements() == B.elements()  # the same numbering
    assert all(A.index(g) == B.index(g) for g in A)
    ca, cb = A.conjugacy_classes(), B.conjugacy_classes()
    assert [c.representative for c in ca] == [c.representative for c in cb]
    assert [frozenset(c) for c in ca] == [frozenset(c) for c in cb]
    assert all(A.class_index(g) == B.class_index(g) for g in A)
    for x, y in itertools.product(A.elements()[:12], repeat=2):
        assert A.compose(x, y) == B.compose(x, y)


@pytest.mark.parametrize(("a", "b"), [p for p in PAIRS if p.values[0][2] == p.values[1][2]])
def test_equal_groups_are_interchangeable(a, b):
    interchangeable(a[2], b[2])


def test_the_brief_examples():
    # isomorphic, but ints mod 8 against image tuples
    P = grouprep.permutation_group([cycle(8)])
    assert grouprep.cyclic(8) != P
    assert 3 in grouprep.cyclic(8) and 3 not in P
    assert grouprep.cyclic(8).as_permutation_group() == P
    for n in range(1, 7):
        gens = [cycle(n), (1, 0, *range(2, n))] if n > 1 else [(0,)]
        assert grouprep.permutation_group(gens) == grouprep.symmetric(n)


def test_a_subgroup_that_is_a_product_of_subgroups_equals_that_product():
    A = C12xC2.subgroup([(4, 0), (0, 1)])
    B = grouprep.direct_product(C12.subgroup([4]), C2)
    # the classes of a product list the factors' classes, first factor slowest
    assert [c.representative for c in A.conjugacy_classes()] == [
        (a, b) for a in (0, 4, 8) for b in (0, 1)
    ]
    assert character_table(A) == character_table(B)


def test_as_permutation_group_of_the_families():
    for G in (grouprep.cyclic(6), grouprep.dihedral(5), C12xC2, grouprep.abelian(2, 3)):
        P = G.as_permutation_group()
        assert P.order == G.order  # faithful natural actions
        assert {G.as_permutation(g) for g in G} == set(P.elements())
    assert grouprep.dihedral(2).as_permutation_group().order == 2  # reflections act trivially
    assert S4.as_permutation_group() is S4


def test_equal_groups_share_representations():
    G = C12.subgroup([5])
    assert [r.character_values() for r in irreps(G)] == [r.character_values() for r in irreps(C12)]
    assert irreps(G) == irreps(C12)
    # representations of equal groups given by different generators compare by matrices
    S4b = grouprep.permutation_group([(1, 0, 2, 3), (0, 2, 1, 3), (0, 1, 3, 2)])
    assert irreps(S4b) == irreps(S4)
    assert {hash(r) for r in irreps(S4b)} == {hash(r) for r in irreps(S4)}


def test_equality_survives_pickling():
    for _, _, G in GROUPS:
        H = pickle.loads(pickle.dumps(G))
        assert H == G and hash(H) == hash(G)
        assert H.elements() == G.elements()
