"""Unitary (real orthogonal) numeric forms of representations by Weyl's trick.

Checked numerically with tolerances relative to the data: U(g) U(g)^H = I, the
homomorphism law U(gh) = U(g) U(h) over all pairs (the products formed here by the
groups' own law), the characters (traces) equal to the exact ones, and U(g) = T^-1 rho(g) T
for the returned change of basis.
"""

from __future__ import annotations

import numpy as np
import pytest

import grouprep
from grouprep.errors import GroupRepTypeError, GroupRepValueError, SizeLimitError
from grouprep.numbers import Cyclotomic
from grouprep.reps import (
    Representation,
    irreps,
    permutation_representation,
    unitary_matrices,
)

EPS = np.finfo(np.float64).eps

GROUPS = [
    pytest.param(grouprep.symmetric(4), id="S4"),
    pytest.param(grouprep.dihedral(5), id="D5"),
    pytest.param(grouprep.cyclic(6), id="Z6"),
    pytest.param(grouprep.direct_product(grouprep.symmetric(3), grouprep.cyclic(2)), id="S3xZ2"),
    pytest.param(
        grouprep.permutation_group([(1, 2, 3, 4, 5, 0), (0, 5, 4, 3, 2, 1)]), id="hexagon"
    ),
]


def tolerance(*arrays: np.ndarray) -> float:
    """A bound relative to the size of the data: 100 d eps times the largest entry."""
    scale = max(1.0, *(float(np.abs(a).max(initial=0.0)) for a in arrays))
    d = max(a.shape[-1] for a in arrays)
    return 100 * d * EPS * scale


def check_unitary_form(rep: Representation) -> None:
    G = rep.group
    U, T = unitary_matrices(rep, return_basis=True)
    d = rep.dim
    assert U.shape == (G.order, d, d)
    real = all(v.is_real() for g in G for row in rep.exact(g) for v in row)
    assert U.dtype == (np.float64 if real else np.complex128)
    eye = np.eye(d)
    for i in range(G.order):
        assert np.abs(U[i] @ U[i].conj().T - eye).max() <= tolerance(U[i])
        assert np.abs(U[i].conj().T @ U[i] - eye).max() <= tolerance(U[i])
    elements = G.elements()
    for i, a in enumerate(elements):
        for j, b in enumerate(elements):
            k = G.index(G.compose(a, b))
            assert np.abs(U[k] - U[i] @ U[j]).max() <= tolerance(U[i], U[j])
    # equivalent to rho: the same characters, and U(g) = T^-1 rho(g) T
    T_inv = np.linalg.inv(T)
    for i, g in enumerate(elements):
        rho = rep.numeric(g)
        assert abs(np.trace(U[i]) - complex(rep.character(g))) <= tolerance(U[i])
        assert np.abs(T_inv @ rho @ T - U[i]).max() <= tolerance(rho, T, T_inv) * np.linalg.cond(T)


@pytest.mark.parametrize("G", GROUPS)
def test_every_irrep_gets_a_unitary_form(G):
    for rho in irreps(G):
        check_unitary_form(rho)


def test_young_seminormal_form_is_not_orthogonal_but_its_unitary_form_is():
    rho = next(r for r in irreps(grouprep.symmetric(4)) if r.dim == 3)
    raw = np.array([rho.numeric(g) for g in grouprep.symmetric(4)])
    assert max(np.abs(m @ m.T - np.eye(3)).max() for m in raw) > 0.1
    U = unitary_matrices(rho)
    assert U.dtype == np.float64  # real orthogonal: the irreps of S_n are real
    assert max(np.abs(m @ m.T - np.eye(3)).max() for m in U) <= tolerance(U)


def test_unitary_irreps_stay_as_they_are():
    for rho in irreps(grouprep.dihedral(5)):
        raw = np.array([rho.numeric(g) for g in grouprep.dihedral(5)])
        U = unitary_matrices(rho)
        # the Cholesky factor of P = I is I: U equals rho
        assert np.abs(U - raw).max() <= tolerance(raw)


def test_reducible_and_permutation_representations():
    G = grouprep.alternating(4)
    check_unitary_form(permutation_representation(grouprep.permutation_action(G)))
    # a non-unitary representation of Z_3: conjugate a rotation by a shear
    w = grouprep.numbers.root_of_unity(3)
    rho = Representation(grouprep.cyclic(3), [[[w, 5], [0, w * w]]])
    assert np.abs(rho.numeric(1) @ rho.numeric(1).conj().T - np.eye(2)).max() > 1
    check_unitary_form(rho)


def test_unitary_matrices_errors():
    with pytest.raises(GroupRepTypeError, match="'rep'"):
        unitary_matrices(grouprep.cyclic(3))  # type: ignore[arg-type]
    huge = Representation(grouprep.cyclic(10**8), [[[1]]])  # 10^8 matrices
    with pytest.raises(SizeLimitError, match="unitary_matrices: argument 'rep'"):
        unitary_matrices(huge)
    # a map that is no representation: everything to the zero matrix (trusted closed form)
    zero = Representation.from_closed_form(grouprep.cyclic(2), zero_matrix, dim=1)
    with pytest.raises(GroupRepValueError, match="positive definite"):
        unitary_matrices(zero)


def zero_matrix(g):
    return ((Cyclotomic(0),),)
