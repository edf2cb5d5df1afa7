"""Representations: the Fourier modes of Z_n, dihedral irreps, constructions and their laws."""

from __future__ import annotations

import cmath
import itertools
import math

import numpy as np
import pytest

import grouprep
from grouprep import GroupRepTypeError, GroupRepValueError, LawViolation
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.reps import (
    Representation,
    direct_sum,
    dual,
    inner_product,
    irreps,
    permutation_representation,
    regular_representation,
    restrict,
    tensor_product,
)

GROUPS = [
    grouprep.cyclic(1),
    grouprep.cyclic(5),
    grouprep.cyclic(12),
    grouprep.dihedral(1),
    grouprep.dihedral(2),
    grouprep.dihedral(5),
    grouprep.dihedral(6),
    grouprep.abelian(2, 4),
    grouprep.direct_product(grouprep.dihedral(3), grouprep.cyclic(2)),
]


def test_irreps_of_cyclic_groups_are_the_fourier_modes():
    for n in (1, 2, 7, 12):
        G = grouprep.cyclic(n)
        for k, rho in enumerate(irreps(G)):
            for g in G:
                assert rho.exact(g) == ((root_of_unity(n, k * g),),)
                value = rho.numeric(g)
                assert value.shape == (1, 1)
                assert abs(value[0, 0] - cmath.exp(2j * math.pi * k * g / n)) < 1e-12


@pytest.mark.parametrize("G", GROUPS, ids=repr)
def test_irreps_are_irreducible_homomorphisms_with_orthogonal_characters(G):
    reps = irreps(G)
    # as many irreps as classes, degrees squared sum to |G| (Burnside)
    assert len(reps) == len(G.conjugacy_classes())
    assert sum(r.dim**2 for r in reps) == G.order
    for rho in reps:
        assert grouprep.check_homomorphism(rho).holds
        assert rho.is_irreducible()
    for a, b in itertools.combinations_with_replacement(reps, 2):
        assert inner_product(a, b) == (1 if a is b else 0)


@pytest.mark.parametrize("n", [3, 4, 5, 6, 7, 8])
def test_dihedral_degrees_match_the_textbook(n):
    # D_n has 2 (n odd) or 4 (n even) linear characters and (n-1)//2 or n/2 - 1 of degree 2
    degrees = sorted(r.dim for r in irreps(grouprep.dihedral(n)))
    ones = 2 if n % 2 else 4
    assert degrees == [1] * ones + [2] * ((n - 1) // 2 if n % 2 else n // 2 - 1)


@pytest.mark.parametrize("G", GROUPS[:7], ids=repr)
def test_regular_representation_contains_each_irrep_dim_times(G):
    reg = regular_representation(G)
    assert grouprep.check_homomorphism(reg).holds
    for rho in irreps(G):
        assert inner_product(reg, rho) == rho.dim
    values = reg.character_values()
    assert values[0] == G.order and all(v == 0 for v in values[1:])


def test_permutation_representation_of_a_doubly_transitive_action():
    # a 2-transitive action has <chi, chi> = 2 (trivial plus one irreducible)
    for G in (grouprep.symmetric(4), grouprep.alternating(5)):
        rho = permutation_representation(grouprep.permutation_action(G))
        assert inner_product(rho, rho) == 2
        assert grouprep.check_homomorphism(rho).holds
    # the number of orbits is <chi, 1>
    action = grouprep.shift_action(6, alphabet=2)
    rho = permutation_representation(action)
    trivial = irreps(grouprep.cyclic(6))[0]
    assert inner_product(rho, trivial) == grouprep.count_orbits(action)


def test_constructions_act_on_characters_as_they_should():
    G = grouprep.dihedral(5)
    a, b = irreps(G)[1], irreps(G)[3]
    s = direct_sum(a, b)
    t = tensor_product(b, b)
    d = dual(b)
    for x, y, z, u, w in zip(
        s.character_values(),
        a.character_values(),
        b.character_values(),
        t.character_values(),
        d.character_values(),
        strict=True,
    ):
        assert x == y + z
        assert u == z * z
        assert w == z.conjugate()
    for rep in (s, t, d):
        assert grouprep.check_homomorphism(rep).holds
    # rho_2 (x) rho_2 = 1 + sign + rho_1 for D_5 (degrees 1 + 1 + 2)
    assert [inner_product(t, r) for r in irreps(G)] == [1, 1, 1, 0]


def test_restriction_to_a_subgroup():
    G = grouprep.dihedral(4)
    H = G.subgroup([(1, 0)])  # the rotations, cyclic of order 4
    rho = irreps(G)[-1]
    res = restrict(rho, H)
    assert res.dim == 2
    assert grouprep.check_homomorphism(res).holds
    assert not res.is_irreducible()  # a 2-dim rep of an abelian group splits
    with pytest.raises(GroupRepValueError, match="subgroup"):
        restrict(rho, grouprep.cyclic(4))


def test_matrices_as_sympy_and_numpy():
    rho = irreps(grouprep.dihedral(4))[-1]
    m = rho.matrix((1, 0))
    import sympy

    assert m == sympy.Matrix([[sympy.I, 0], [0, -sympy.I]])
    assert rho.numeric((1, 0)).dtype == np.complex128
    assert irreps(grouprep.dihedral(4))[1].numeric((0, 1)).dtype == np.float64


def test_user_representations_are_checked():
    G = grouprep.cyclic(3)
    w = root_of_unity(3)
    good = Representation(G, [[[w]]])
    assert good.character(2) == w * w
    with pytest.raises(GroupRepValueError, match="break the homomorphism law"):
        Representation(G, [[[root_of_unity(4)]]])  # i has order 4, the generator order 3
    unchecked = Representation(G, [[[root_of_unity(4)]]], check=False)
    report = grouprep.check_homomorphism(unchecked)
    assert not report.holds
    assert report.counterexample["law"] == "rho(s g) = rho(s) rho(g)"
    with pytest.raises(LawViolation, match="homomorphism law"):
        grouprep.assert_homomorphism(unchecked)


def test_bad_input():
    G = grouprep.cyclic(2)
    with pytest.raises(GroupRepValueError, match="one matrix per generator"):
        Representation(G, [])
    with pytest.raises(GroupRepValueError, match="square"):
        Representation(G, [[[1, 0]]])
    with pytest.raises(GroupRepTypeError, match="exact"):
        Representation(G, [[[0.5]]])
    with pytest.raises(GroupRepTypeError, match="FiniteGroup"):
        Representation("C2", [[[1]]])
    with pytest.raises(grouprep.NotAnElementError, match="argument 'g'"):
        irreps(G)[0].exact(2)
    with pytest.raises(GroupRepValueError, match="different groups"):
        inner_product(irreps(G)[0], irreps(grouprep.cyclic(3))[0])
    with pytest.raises(GroupRepValueError, match="'group' is required"):
        inner_product([1, 1], [1, -1])
    assert inner_product([1, 1], [1, -1], group=G) == 0
    with pytest.raises(GroupRepTypeError, match="Representation"):
        grouprep.check_homomorphism("rho")
    assert Cyclotomic(1) == inner_product(irreps(G)[1], irreps(G)[1])


def hook_length_dimension(shape):
    n = sum(shape)
    conj = [sum(1 for r in shape if r > c) for c in range(shape[0])]
    hooks = 1
    for i, r in enumerate(shape):
        for j in range(r):
            hooks *= (r - j - 1) + (conj[j] - i - 1) + 1
    return math.factorial(n) // hooks


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_symmetric_group_irreps_young_seminormal_form(n):
    from grouprep.groups._permutation import _partitions
    from grouprep.reps import character_table

    S = grouprep.symmetric(n)
    reps = irreps(S)
    shapes = _partitions(n)
    # one per partition, listed as the table's rows: the trivial one (shape (n)) first,
    # then by degree, partitions in order (largest parts first) among equal degrees
    dims = [hook_length_dimension(s) for s in shapes]
    assert [r.dim for r in reps] == dims[:1] + sorted(dims[1:])
    assert [r.character_values() for r in reps] == list(character_table(S).characters)
    for rho in reps:
        assert grouprep.check_homomorphism(rho).holds
        assert rho.is_irreducible()
    for a, b in itertools.combinations(reps, 2):
        assert inner_product(a, b) == 0
    assert {r.character_values() for r in reps} == set(character_table(S).characters)
    # a permutation group equal to S_n gets the same construction
    other = grouprep.permutation_group(
        [(1, 0, *range(2, n)), (*range(1, n), 0)] if n > 2 else [(1, 0)] if n == 2 else [],
        degree=n,
    )
    assert [r.dim for r in irreps(other)] == [r.dim for r in reps]
