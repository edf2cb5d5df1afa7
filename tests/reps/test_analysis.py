"""Decomposition, projectors, induction, Frobenius-Schur indicators and Fourier transforms."""

from __future__ import annotations

import numpy as np
import pytest

import grouprep
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.reps import (
    Representation,
    character_table,
    decompose,
    fourier_matrix,
    fourier_transform,
    frobenius_schur,
    induce,
    inner_product,
    inverse_fourier_transform,
    irreps,
    isotypic_projector,
    permutation_representation,
    regular_representation,
)
from grouprep.reps._representation import mat_mul

IMAG = root_of_unity(4)


def quaternion_rep():
    # Q8 by left multiplication on 1, -1, i, -i, j, -j, k, -k;
    # i -> diag(i, -i), j -> [[0, 1], [-1, 0]]
    Q8 = grouprep.permutation_group([(2, 3, 1, 0, 6, 7, 5, 4), (4, 5, 7, 6, 1, 0, 2, 3)])
    return Representation(Q8, [[[IMAG, 0], [0, -IMAG]], [[0, 1], [-1, 0]]])


def test_regular_representation_decomposes_with_multiplicity_the_degree():
    for G in (grouprep.symmetric(4), grouprep.dihedral(5), grouprep.alternating(4)):
        reg = regular_representation(G)
        assert decompose(reg) == character_table(G).degrees


@pytest.mark.parametrize("cayley_first", [False, True])
def test_regular_representation_is_left_multiplication(cayley_first):
    # rho(g) e_h = e_{gh}, whether or not the group has built its Cayley table already
    G = grouprep.symmetric(4)
    if cayley_first:
        G.cayley_table()
    reg = regular_representation(G)
    assert grouprep.laws.check_homomorphism(reg).holds
    elements = G.elements()
    for g in elements[::5]:
        M = reg.matrix(g)
        for j, h in enumerate(elements):
            i = G.index(G.compose(g, h))
            assert M[i, j] == 1 and sum(M.col(j)) == 1
    assert [reg.character(g) for g in elements] == [24] + [0] * 23


def test_permutation_representation_of_s4_is_trivial_plus_standard():
    rho = permutation_representation(grouprep.permutation_action(grouprep.symmetric(4)))
    table = character_table(grouprep.symmetric(4))
    mult = decompose(rho)
    assert sum(mult) == 2 and mult[0] == 1
    (k,) = [i for i, m in enumerate(mult) if m and i]
    assert table.degrees[k] == 3


@pytest.mark.parametrize("G", [grouprep.cyclic(4), grouprep.dihedral(3)], ids=repr)
def test_isotypic_projectors_are_complementary_idempotents_that_commute(G):
    rho = regular_representation(G)
    d = rho.dim
    total = [[Cyclotomic(0)] * d for _ in range(d)]
    for chi in irreps(G):
        P = isotypic_projector(rho, chi)
        assert mat_mul(P, P) == P
        for s in G.generators:
            assert mat_mul(P, rho.exact(s)) == mat_mul(rho.exact(s), P)
        trace = sum((P[i][i] for i in range(d)), Cyclotomic(0))
        assert trace == chi.dim * chi.dim  # multiplicity dim, each copy of dimension dim
        total = [[a + b for a, b in zip(r, q, strict=True)] for r, q in zip(total, P, strict=True)]
    assert total == [[Cyclotomic(int(i == j)) for j in range(d)] for i in range(d)]


def test_frobenius_reciprocity():
    G = grouprep.symmetric(3)
    H = G.subgroup([(1, 2, 0)])  # A_3, cyclic of order 3
    w = root_of_unity(3)
    for chi in (Representation(H, [[[1]]]), Representation(H, [[[w]]])):
        ind = induce(chi, G)
        assert grouprep.check_homomorphism(ind).holds
        for psi in character_table(G).characters:
            lhs = inner_product(ind, list(psi), group=G)
            psi_on_h = [psi[G.class_index(c.representative)] for c in H.conjugacy_classes()]
            rhs = inner_product(chi, psi_on_h, group=H)
            assert lhs == rhs
    D4 = grouprep.dihedral(4)
    C4 = D4.subgroup([(1, 0)])
    sign = Representation(C4, [[[IMAG]]])
    ind = induce(sign, D4)
    assert ind.dim == 2 and ind.is_irreducible()


def test_frobenius_schur_indicators():
    # quaternion 2-dim irrep: quaternionic; dihedral 2-dim: real; Z_n non-real characters: complex
    assert frobenius_schur(quaternion_rep()) == -1
    assert frobenius_schur(irreps(grouprep.dihedral(4))[-1]) == 1
    assert [frobenius_schur(r) for r in irreps(grouprep.cyclic(6))] == [1, 0, 0, 1, 0, 0]
    with pytest.raises(grouprep.GroupRepValueError, match="must be irreducible"):
        frobenius_schur(regular_representation(grouprep.cyclic(3)))


def test_fourier_matrix_is_exactly_unitary_and_matches_numpy():
    for n in (1, 4, 12, 16):
        F = fourier_matrix(n)
        Fh = tuple(tuple(F[j][i].conjugate() for j in range(n)) for i in range(n))
        prod = mat_mul(F, Fh)
        assert prod == tuple(
            tuple(Cyclotomic(n if i == j else 0) for j in range(n)) for i in range(n)
        )
        numeric = np.array([[complex(v) for v in row] for row in F])
        x = np.random.default_rng(n).standard_normal(n)
        np.testing.assert_allclose(numeric @ x, np.fft.fft(x), atol=1e-9)


def test_dft_diagonalizes_the_regular_representation_of_zn():
    n = 6
    F = fourier_matrix(n)
    Finv = tuple(
        tuple(F[j][i].conjugate() * Cyclotomic(1) / n for j in range(n)) for i in range(n)
    )
    reg = regular_representation(grouprep.cyclic(n))
    D = mat_mul(mat_mul(F, reg.exact(1)), Finv)
    for i in range(n):
        for j in range(n):
            if i != j:
                assert D[i][j] == 0
    assert {D[i][i] for i in range(n)} == {root_of_unity(n, k) for k in range(n)}


@pytest.mark.parametrize(
    "G", [grouprep.cyclic(8), grouprep.dihedral(5), grouprep.abelian(2, 3)], ids=repr
)
def test_group_fourier_transform_round_trip(G):
    f = np.random.default_rng(0).standard_normal(G.order)
    coeffs = fourier_transform(G, f)
    np.testing.assert_allclose(inverse_fourier_transform(G, coeffs), f, atol=1e-10)
    # Plancherel: sum |f|^2 = (1/|G|) sum_rho d_rho ||f^(rho)||_F^2
    energy = sum(r.dim * np.sum(np.abs(c) ** 2) for r, c in zip(irreps(G), coeffs, strict=True))
    assert np.isclose(energy / G.order, np.sum(f**2))


def test_fourier_transform_of_zn_is_numpy_fft():
    f = np.random.default_rng(1).standard_normal(10)
    ours = np.array([c[0, 0] for c in fourier_transform(grouprep.cyclic(10), f)])
    np.testing.assert_allclose(ours, np.fft.fft(f), atol=1e-10)


def test_bad_input():
    G = grouprep.cyclic(3)
    with pytest.raises(grouprep.GroupRepValueError, match="shape"):
        fourier_transform(G, np.zeros(4))
    with pytest.raises(grouprep.GroupRepValueError, match="one matrix per"):
        inverse_fourier_transform(G, [])
    with pytest.raises(grouprep.GroupRepValueError, match="one value per class"):
        isotypic_projector(regular_representation(G), [1, 1])
    with pytest.raises(grouprep.GroupRepValueError, match="subgroup"):
        induce(irreps(G)[0], grouprep.cyclic(4))
    with pytest.raises(grouprep.GroupRepTypeError, match="Representation"):
        decompose("rho")
    with pytest.raises(grouprep.GroupRepValueError, match="'n' must be an int >= 1"):
        fourier_matrix(0)


def test_matrix_product_on_coordinates_equals_the_naive_product():
    from fractions import Fraction

    rng = np.random.default_rng(7)
    fields = [1, 3, 4, 5, 12]

    def entry():
        n = int(rng.choice(fields))
        value = Cyclotomic(Fraction(int(rng.integers(-3, 4)), int(rng.integers(1, 4))))
        for _ in range(2):
            value = value + int(rng.integers(-2, 3)) * root_of_unity(n, int(rng.integers(n)))
        return value if rng.random() < 0.7 else Cyclotomic(0)

    for d in (8, 11):
        a = tuple(tuple(entry() for _ in range(d)) for _ in range(d))
        b = tuple(tuple(entry() for _ in range(d)) for _ in range(d))
        naive = tuple(
            tuple(sum((a[i][k] * b[k][j] for k in range(d)), Cyclotomic(0)) for j in range(d))
            for i in range(d)
        )
        assert mat_mul(a, b) == naive
