"""Real irreducible representations and isotypic bases."""

from __future__ import annotations

import numpy as np
import pytest

import grouprep
from grouprep.numbers import Cyclotomic
from grouprep.reps import (
    direct_sum,
    inner_product,
    irreps,
    isotypic_basis,
    permutation_representation,
    real_irreps,
    regular_representation,
    tensor_product,
)
from grouprep.reps._representation import mat_mul


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 8, 12])
def test_real_irreps_of_cyclic_groups(n):
    G = grouprep.cyclic(n)
    reps = real_irreps(G)
    assert len(reps) == 1 + (n % 2 == 0) + (n - 1) // 2
    assert sum(r.dim for r in reps) == n  # the regular representation over R
    for rho in reps:
        assert grouprep.check_homomorphism(rho).holds
        for g in G:
            assert all(v.is_real() for row in rho.exact(g) for v in row)
            assert rho.numeric(g).dtype == np.float64
        mult = [inner_product(rho, chi) for chi in irreps(G)]
        # a rotation block is chi_k + chi_{-k}; the 1-dim ones are themselves
        assert sum(mult) == rho.dim
    block = reps[-1] if n > 2 else None
    if block is not None and block.dim == 2:
        theta = 2 * np.pi * ((n - 1) // 2) / n
        expected = [[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]]
        np.testing.assert_allclose(block.numeric(1), expected, atol=1e-12)


def test_real_irreps_of_s3_are_young_forms_with_the_complex_characters():
    # no longer refused: indicator 1 everywhere, and Young's forms are rational
    S3 = grouprep.symmetric(3)
    real = real_irreps(S3)
    assert [r.dim for r in real] == [1, 1, 2]
    for rho in real:
        assert grouprep.check_homomorphism(rho).holds
        assert rho.is_irreducible()
        assert all(v.is_real() for g in S3 for row in rho.exact(g) for v in row)
    # the 2-dimensional one: trace 0 on transpositions, -1 on 3-cycles (the standard rep)
    assert [real[2].character(g) for g in [(0, 1, 2), (1, 0, 2), (1, 2, 0)]] == [2, 0, -1]


@pytest.mark.parametrize("n", [3, 4, 5, 6])
def test_real_irreps_of_dihedral_groups_have_the_complex_characters(n):
    G = grouprep.dihedral(n)
    real = real_irreps(G)
    for rho in real:
        assert grouprep.check_homomorphism(rho).holds
        assert rho.is_irreducible()
        assert all(v.is_real() for g in G for row in rho.exact(g) for v in row)
    assert {r.character_values() for r in real} == {r.character_values() for r in irreps(G)}


def block_diagonal(blocks):
    n = sum(len(b) for b in blocks)
    rows = [[Cyclotomic(0)] * n for _ in range(n)]
    offset = 0
    for b in blocks:
        for i, row in enumerate(b):
            for j, v in enumerate(row):
                rows[offset + i][offset + j] = v
        offset += len(b)
    return tuple(tuple(r) for r in rows)


@pytest.mark.parametrize(
    "rep",
    [
        regular_representation(grouprep.cyclic(5)),
        regular_representation(grouprep.dihedral(3)),
        permutation_representation(grouprep.dihedral_action(4, alphabet=2)),
        permutation_representation(grouprep.permutation_action(grouprep.symmetric(3))),
        direct_sum(irreps(grouprep.dihedral(4))[-1], irreps(grouprep.dihedral(4))[1]),
        tensor_product(irreps(grouprep.dihedral(5))[-1], irreps(grouprep.dihedral(5))[-1]),
    ],
    ids=repr,
)
def test_isotypic_basis_block_diagonalizes(rep):
    G = rep.group
    B = isotypic_basis(rep)
    mults = [int(inner_product(rep, chi).as_fraction()) for chi in irreps(G)]
    for g in G.generators:
        blocks = [chi.exact(g) for chi, m in zip(irreps(G), mults, strict=True) for _ in range(m)]
        assert mat_mul(rep.exact(g), B) == mat_mul(B, block_diagonal(blocks))
    numeric = np.array([[complex(v) for v in row] for row in B])
    assert abs(np.linalg.det(numeric)) > 1e-9


def test_bad_input():
    with pytest.raises(grouprep.GroupRepTypeError, match="real_irreps: argument 'group'"):
        real_irreps("S3")
    with pytest.raises(grouprep.GroupRepTypeError, match="FiniteGroup, got"):
        real_irreps(grouprep.symmetric(3).elements())
    with pytest.raises(grouprep.GroupRepTypeError, match="Representation"):
        isotypic_basis("rho")


def test_isotypic_basis_of_the_regular_representation_of_zn_is_the_dft():
    from grouprep.reps import fourier_matrix

    n = 6
    B = isotypic_basis(regular_representation(grouprep.cyclic(n)))
    F = fourier_matrix(n)
    assert tuple(tuple(v * n for v in row) for row in B) == F
