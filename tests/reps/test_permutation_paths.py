"""Permutation representations kept as permutations, the Coxeter check of Young's
seminormal form, and the isotypic basis of the regular representation from the matrix
coefficients: each checked against the dense exact matrices and the group's own law."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

import grouprep
from grouprep.numbers import Cyclotomic
from grouprep.reps import (
    Representation,
    decompose,
    inner_product,
    irreps,
    isotypic_basis,
    permutation_representation,
    regular_representation,
)
from grouprep.reps._representation import mat_mul
from grouprep.reps._symmetric import _adjacent_matrix, _check_coxeter, standard_tableaux

A4_BY_GENERATORS = grouprep.permutation_group([(1, 2, 0, 3), (0, 2, 3, 1)])
GROUPS = [
    grouprep.cyclic(6),
    grouprep.dihedral(5),
    grouprep.symmetric(4),
    grouprep.alternating(4),
    A4_BY_GENERATORS,
    grouprep.direct_product(grouprep.cyclic(2), grouprep.symmetric(3)),
]


def dense(rep: Representation) -> Representation:
    """The same representation by its exact generator matrices only (no permutations)."""
    return Representation(rep.group, [rep.exact(s) for s in rep.group.generators])


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


@pytest.mark.parametrize("G", GROUPS, ids=repr)
def test_regular_representation_is_left_multiplication(G):
    R = regular_representation(G)
    elements = G.elements()
    index = {h: i for i, h in enumerate(elements)}
    for g in elements:
        m = R.numeric(g)
        expected = np.zeros((G.order, G.order))
        for j, h in enumerate(elements):
            expected[index[G.compose(g, h)], j] = 1.0
        assert np.array_equal(m, expected)
        exact = R.exact(g)
        assert all(
            exact[i][j] == int(expected[i, j]) for i in range(G.order) for j in range(G.order)
        )
        # the character from the fixed points equals the trace of the exact matrix
        assert R.character(g) == sum((exact[i][i] for i in range(G.order)), Cyclotomic(0))
    assert R.character(G.identity) == G.order
    assert all(R.character(g) == 0 for g in elements if g != G.identity)
    assert grouprep.check_homomorphism(R).holds


@pytest.mark.parametrize("G", GROUPS, ids=repr)
def test_permutation_representation_values(G):
    R = regular_representation(G)
    D = dense(R)
    assert R == D and D == R and hash(R) == hash(D)
    assert R.character_values() == D.character_values()
    assert decompose(R) == tuple(chi.dim for chi in irreps(G))  # each irrep d times
    back = pickle.loads(pickle.dumps(R))
    assert back == R and back._perm is not None
    assert [back.character(g) for g in G] == [R.character(g) for g in G]


def test_permutation_representation_of_an_action():
    action = grouprep.dihedral_action(5, alphabet=2)
    rho = permutation_representation(action)
    points = action.points()
    for g in action.group.generators:
        m = rho.numeric(g)
        for j, x in enumerate(points):
            image = action.act(g, x)
            i = next(k for k, y in enumerate(points) if np.array_equal(y, image))
            assert m[i, j] == 1.0 and m[:, j].sum() == 1.0
    # fixed points of each class, by brute force, against the character
    for c in action.group.conjugacy_classes():
        g = c.representative
        fixed = sum(1 for x in points if np.array_equal(action.act(g, x), x))
        assert rho.character(g) == fixed
    assert rho == dense(rho)


def test_regular_representation_of_s7_by_permutations():
    R = regular_representation(grouprep.symmetric(7))
    # S_7's irreps have degrees 1, 1, 6, 6, 14, 14, 14, 14, 15, 15, 20, 21, 21, 35, 35
    # (hook length formula); the regular representation holds each d times
    assert sorted(decompose(R)) == [1, 1, 6, 6, 14, 14, 14, 14, 15, 15, 20, 21, 21, 35, 35]


@pytest.mark.parametrize("G", [*GROUPS, grouprep.symmetric(3)], ids=repr)
def test_regular_isotypic_basis_block_diagonalizes(G):
    R = regular_representation(G)
    B = isotypic_basis(R)
    blocks = [chi for chi in irreps(G) for _ in range(chi.dim)]
    for g in G.generators:
        assert mat_mul(R.exact(g), B) == mat_mul(B, block_diagonal([c.exact(g) for c in blocks]))
    numeric = np.array([[complex(v) for v in row] for row in B])
    assert np.linalg.matrix_rank(numeric) == G.order
    # the same columns span the same isotypic components as the projector construction
    # on the dense matrices: compare the projectors onto each component
    Bd = np.array([[complex(v) for v in row] for row in isotypic_basis(dense(R))])
    start = 0
    for chi in irreps(G):
        width = chi.dim * chi.dim
        for basis in (numeric, Bd):
            inv = np.linalg.inv(basis)
            proj = basis[:, start : start + width] @ inv[start : start + width]
            if basis is numeric:
                first = proj
            else:
                np.testing.assert_allclose(proj, first, atol=1e-9)
        start += width
    assert inner_product(R, R) == G.order


def test_the_coxeter_check_rejects_wrong_matrices():
    shape = (2, 1)
    tableaux = standard_tableaux(shape)
    adjacent = [_adjacent_matrix(tableaux, k) for k in range(2)]
    _check_coxeter(adjacent, shape)  # Young's matrices pass
    one, zero = Cyclotomic(1), Cyclotomic(0)
    swap = ((zero, one), (one, zero))
    # two involutions whose product is the rotation by 90 degrees: (s_0 s_1)^3 != 1
    diag = ((one, zero), (zero, -one))
    with pytest.raises(grouprep.GroupRepValueError, match="Coxeter relation"):
        _check_coxeter([swap, diag], shape)
    with pytest.raises(grouprep.GroupRepValueError, match="s_k\\^2"):
        _check_coxeter([((one + one, zero), (zero, one)), diag], shape)


@pytest.mark.parametrize("n", [3, 4, 5])
def test_young_forms_satisfy_the_law_on_every_element(n):
    G = grouprep.symmetric(n)
    for rho in irreps(G):
        assert grouprep.check_homomorphism(rho).holds


@pytest.mark.parametrize("G", GROUPS, ids=repr)
def test_tensor_products_and_sums_of_permutation_representations_stay_permutations(G):
    # the Kronecker product and the block diagonal sum of permutation matrices, computed
    # here with NumPy, are permutation matrices: the constructions keep the permutations
    from grouprep.reps import direct_sum, tensor_product

    P = Representation._from_permutations(G, G.as_permutation, G.degree, "natural")
    R = regular_representation(G)
    t, s = tensor_product(P, R), direct_sum(R, P, P)
    assert t._permutation(G.identity) is not None and s._permutation(G.identity) is not None
    for g in list(G.elements())[:: max(1, G.order // 12)]:
        a, b = P.numeric(g), R.numeric(g)
        assert np.array_equal(t.numeric(g), np.kron(a, b))
        k = np.zeros((s.dim, s.dim))
        k[: R.dim, : R.dim] = b
        k[R.dim : R.dim + P.dim, R.dim : R.dim + P.dim] = a
        k[R.dim + P.dim :, R.dim + P.dim :] = a
        assert np.array_equal(s.numeric(g), k)
        assert t.character(g) == int(np.trace(a)) * int(np.trace(b))
        assert [list(r) for r in t.exact(g)] == np.kron(a, b).astype(int).tolist()
    # Hom_G(P (x) P, P) from the permutations equals the nullspace of the law on the
    # dense Kronecker matrices
    from grouprep import intertwiner_basis

    fast = intertwiner_basis(tensor_product(P, P), P)
    slow = intertwiner_basis(dense(tensor_product(P, P)), P)
    assert len(fast) == len(slow)
    import sympy

    stacked = sympy.Matrix([list(A) for A in fast])
    assert stacked.rank() == sympy.Matrix([list(A) for A in fast + slow]).rank() == len(fast)
