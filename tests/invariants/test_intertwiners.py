"""Equivariant linear maps: dimensions by characters, proofs of equivariance, circulants."""

from __future__ import annotations

import pytest
import sympy

import grouprep
from grouprep.invariants import intertwiner_basis
from grouprep.reps import (
    direct_sum,
    inner_product,
    irreps,
    permutation_representation,
    real_irreps,
    regular_representation,
)


def _pairs():
    S4 = grouprep.symmetric(4)
    perm4 = permutation_representation(grouprep.permutation_action(S4))
    yield perm4, perm4
    yield perm4, regular_representation(S4)
    D4 = grouprep.dihedral(4)
    for a in irreps(D4):
        for b in irreps(D4):
            yield a, b
    D5 = grouprep.dihedral(5)
    r = real_irreps(D5)
    yield direct_sum(r[2], r[2]), r[2]
    yield direct_sum(r[2], r[1]), direct_sum(r[1], r[3])
    C6 = grouprep.cyclic(6)
    yield regular_representation(C6), direct_sum(*irreps(C6)[:3])
    yield irreps(grouprep.symmetric(3))[2], irreps(grouprep.symmetric(3))[2]


@pytest.mark.parametrize("pair", list(_pairs()), ids=lambda p: f"{p[0]!r}->{p[1]!r}")
def test_dimension_is_character_inner_product_and_each_map_is_proved(pair):
    rep_in, rep_out = pair
    basis = intertwiner_basis(rep_in, rep_out)
    want = inner_product(rep_in.character_values(), rep_out.character_values(), rep_in.group)
    assert len(basis) == int(want.as_fraction())
    for A in basis:
        assert A.shape == (rep_out.dim, rep_in.dim)
        assert grouprep.prove_equivariant(A, rep_in, rep_out).holds
    if basis:  # linearly independent
        M = sympy.Matrix([list(A) for A in basis])
        assert M.rank(simplify=True) == len(basis)


def test_schur_lemma_on_irreps():
    ir = irreps(grouprep.dihedral(5))
    for i, a in enumerate(ir):
        for j, b in enumerate(ir):
            assert len(intertwiner_basis(a, b)) == (i == j)


@pytest.mark.parametrize("n", [1, 2, 5, 8])
def test_regular_cyclic_gives_the_circulants(n):
    rho = regular_representation(grouprep.cyclic(n))
    basis = intertwiner_basis(rho, rho)
    assert len(basis) == n
    for m, A in enumerate(basis):
        want = sympy.Matrix(n, n, lambda i, j, m=m: 1 if (i - j) % n == m else 0)
        assert want == A


def test_orbits_on_pairs_for_permutation_representations():
    # S_n on n points: 2 orbits on pairs (diagonal, off-diagonal); A_4 on 4 points too;
    # the cyclic group C_5 on 5 points: 5 orbits
    for G, count in (
        (grouprep.symmetric(5), 2),
        (grouprep.alternating(4), 2),
        (grouprep.cyclic(5), 5),
    ):
        rho = permutation_representation(grouprep.permutation_action(G))
        basis = intertwiner_basis(rho, rho)
        assert len(basis) == count
        assert sum(basis, sympy.zeros(rho.dim, rho.dim)) == sympy.ones(rho.dim, rho.dim)


def test_different_groups_rejected():
    a = regular_representation(grouprep.cyclic(3))
    b = regular_representation(grouprep.cyclic(4))
    with pytest.raises(grouprep.GroupRepValueError, match="same group"):
        intertwiner_basis(a, b)
    with pytest.raises(grouprep.GroupRepTypeError, match="'rep_out' must be a Representation"):
        intertwiner_basis(a, "b")
