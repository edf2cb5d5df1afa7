"""The non-abelian Fourier transform on many groups, against brute-force sums over the group.

Convention (the docstring of ``fourier_transform``):

.. math:: \\hat f(\\rho) = \\sum_{g} f(g)\\, \\rho(g^{-1}), \\qquad
          f(g) = \\frac{1}{|G|} \\sum_\\rho d_\\rho \\operatorname{tr}(\\hat f(\\rho)\\, \\rho(g)).

The irreps of ``irreps(G)`` need not be unitary (Young's seminormal form of S_n is not, nor
are some of the induced-and-projected bases of A_5, PSL(2,7) and SL(2,3)), so every identity
below is the one that holds for any basis. They follow from the orthogonality of the characters
alone, :math:`\\sum_\\rho d_\\rho \\chi_\\rho(g) = |G|\\, [g = e]`:

* inversion: :math:`\\frac{1}{|G|}\\sum_\\rho d_\\rho \\operatorname{tr}(\\hat f(\\rho)\\rho(x))
  = \\frac{1}{|G|}\\sum_g f(g) \\sum_\\rho d_\\rho \\chi_\\rho(g^{-1}x) = f(x)`;
* convolution, :math:`(f * h)(x) = \\sum_y f(y)\\, h(y^{-1}x)`: with :math:`x = yz`,
  :math:`\\rho(x^{-1}) = \\rho(z^{-1})\\rho(y^{-1})`, so
  :math:`\\widehat{f * h}(\\rho) = \\hat h(\\rho)\\, \\hat f(\\rho)` (this order);
* inner products (Parseval for any basis): with :math:`h^*(g) = \\overline{h(g^{-1})}`,
  :math:`\\sum_g f(g)\\overline{h(g)} = (f * h^*)(e)
  = \\frac{1}{|G|}\\sum_\\rho d_\\rho \\operatorname{tr}(\\widehat{h^*}(\\rho)\\, \\hat f(\\rho))`,
  where :math:`\\widehat{h^*}(\\rho) = \\sum_g \\overline{h(g)}\\, \\rho(g)`.
  Only for unitary :math:`\\rho` is :math:`\\widehat{h^*}(\\rho) = \\hat h(\\rho)^H`, which gives
  the Hilbert–Schmidt form :math:`\\sum_g |f(g)|^2 = \\frac{1}{|G|}\\sum_\\rho d_\\rho
  \\|\\hat f(\\rho)\\|_{HS}^2`; that form is tested after changing to the unitary bases of
  ``unitary_matrices`` (:math:`U(g) = T^{-1}\\rho(g)T`, so :math:`\\hat f_U = T^{-1}\\hat f T`).

Everything on the right-hand sides is computed here from ``rho.numeric(g)`` and the group's own
multiplication (inverses by inverting matrices and by searching the Cayley table), never from
the transform under test. Orders (published): |PSL(2,7)| = 168 with irreducible degrees
1, 3, 3, 6, 7, 8 (ATLAS), |SL(2,3)| = 24, |Q_8| = 8.
"""

from __future__ import annotations

import functools
import itertools
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

import grouprep
from grouprep.reps import (
    fourier_matrix,
    fourier_transform,
    inverse_fourier_transform,
    irreps,
    unitary_matrices,
)

RTOL = 1e-11


# --------------------------------------------------------------- groups built here
def _cycles(n: int, *cycles: tuple[int, ...]) -> tuple[int, ...]:
    """The permutation of 0..n-1 with the given cycles, as its image tuple."""
    image = list(range(n))
    for c in cycles:
        for i, a in enumerate(c):
            image[a] = c[(i + 1) % len(c)]
    return tuple(image)


def psl_2_7() -> grouprep.PermutationGroup:
    """PSL(2,7) = PSL(3,2) on the 7 points of the Fano plane: (0 1 2 3 4 5 6), (1 2)(3 6).

    (The 7-cycle with (1 2 4)(3 6 5), i.e. x -> x + 1 and x -> 2x on F_7, generates only the
    Frobenius group of order 21.)
    """
    return grouprep.permutation_group(
        [_cycles(7, (0, 1, 2, 3, 4, 5, 6)), _cycles(7, (1, 2), (3, 6))]
    )


def a4_by_generators() -> grouprep.PermutationGroup:
    """A_4 from (0 1 2) and (0 1)(2 3)."""
    return grouprep.permutation_group([_cycles(4, (0, 1, 2)), _cycles(4, (0, 1), (2, 3))])


def sl_2_3() -> grouprep.PermutationGroup:
    """SL(2, 3) acting on the 8 nonzero vectors of F_3^2 (faithfully), by generators."""
    vectors = [v for v in itertools.product(range(3), repeat=2) if v != (0, 0)]

    def perm(m: tuple[tuple[int, int], tuple[int, int]]) -> tuple[int, ...]:
        (a, b), (c, d) = m
        return tuple(vectors.index(((a * x + b * y) % 3, (c * x + d * y) % 3)) for x, y in vectors)

    return grouprep.permutation_group([perm(((1, 1), (0, 1))), perm(((1, 0), (1, 1)))])


def quaternion_group() -> grouprep.PermutationGroup:
    """Q_8 by left multiplication on its 8 elements, from the rules i^2 = j^2 = k^2 = ijk = -1."""
    units = [(s, u) for u in "1ijk" for s in (1, -1)]
    rule = {"ij": (1, "k"), "jk": (1, "i"), "ki": (1, "j")}

    def mul(a: tuple[int, str], b: tuple[int, str]) -> tuple[int, str]:
        x, y = a[1], b[1]
        if x == "1" or y == "1":
            s, u = 1, (y if x == "1" else x)
        elif x == y:
            s, u = -1, "1"
        elif x + y in rule:
            s, u = rule[x + y]
        else:
            s, u = rule[y + x]
            s = -s
        return (a[0] * b[0] * s, u)

    def left(x: tuple[int, str]) -> tuple[int, ...]:
        return tuple(units.index(mul(x, y)) for y in units)

    return grouprep.permutation_group([left((1, "i")), left((1, "j"))])


GROUPS: dict[str, Any] = {
    "S3": lambda: grouprep.symmetric(3),
    "S4": lambda: grouprep.symmetric(4),
    "A4": lambda: grouprep.alternating(4),
    "A4-gens": a4_by_generators,
    "A5": lambda: grouprep.alternating(5),
    "PSL(2,7)": psl_2_7,
    "D8": lambda: grouprep.dihedral(4),  # order 8
    "D16": lambda: grouprep.dihedral(8),  # order 16
    "Z4xZ2": lambda: grouprep.direct_product(grouprep.cyclic(4), grouprep.cyclic(2)),
    "SL(2,3)": sl_2_3,
    "Q8": quaternion_group,
}
ORDERS = {
    "S3": 6,
    "S4": 24,
    "A4": 12,
    "A4-gens": 12,
    "A5": 60,
    "PSL(2,7)": 168,
    "D8": 8,
    "D16": 16,
    "Z4xZ2": 8,
    "SL(2,3)": 24,
    "Q8": 8,
}
NAMES = list(GROUPS)


class Data:
    """A group with its Cayley table, inverses and the numeric matrices of every irrep."""

    def __init__(self, name: str) -> None:
        G = GROUPS[name]()
        self.name = name
        self.G = G
        self.elements = list(G.elements())
        n = len(self.elements)
        self.n = n
        index = {g: i for i, g in enumerate(self.elements)}
        self.table = np.array(
            [[index[G.compose(a, b)] for b in self.elements] for a in self.elements]
        )
        self.identity = index[G.identity]
        # the inverse of element i: the j with i * j = e, found in the table
        self.inverse = np.array(
            [int(np.flatnonzero(row == self.identity)[0]) for row in self.table]
        )
        self.reps = irreps(G)
        self.mats = [np.array([r.numeric(g) for g in self.elements]) for r in self.reps]
        self.dims = [r.dim for r in self.reps]


@functools.cache
def data(name: str) -> Data:
    return Data(name)


def rng_for(name: str) -> np.random.Generator:
    return np.random.default_rng([ord(c) for c in name])


def random_function(name: str, n: int, kind: str, seed: int = 0) -> npt.NDArray[Any]:
    rng = np.random.default_rng([seed, *(ord(c) for c in name)])
    f = rng.standard_normal(n)
    if kind == "complex":
        f = f + 1j * rng.standard_normal(n)
    return f


def assert_close(a: Any, b: Any, scale: float, what: str) -> None:
    err = float(np.max(np.abs(np.asarray(a) - np.asarray(b)))) if np.size(a) else 0.0
    assert err <= RTOL * scale, f"{what}: error {err:.3e} against scale {scale:.3e}"


def brute_transform(D: Data, f: npt.NDArray[Any]) -> list[npt.NDArray[Any]]:
    """sum_g f(g) rho(g)^{-1}, the inverse matrix taken numerically, not from the group."""
    return [np.einsum("g,gij->ij", f, np.linalg.inv(m)) for m in D.mats]


def brute_convolution(D: Data, f: npt.NDArray[Any], h: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """(f * h)(x) = sum_y f(y) h(y^{-1} x), summed over the elements."""
    out = np.zeros(D.n, dtype=np.result_type(f, h))
    for x in range(D.n):
        for y in range(D.n):
            out[x] += f[y] * h[D.table[D.inverse[y], x]]
    return out


def transform_scale(D: Data, f: npt.NDArray[Any]) -> float:
    """sum_g |f(g)| * max_g ||rho(g)^{-1}||: bounds every entry of every transform."""
    biggest = max(float(np.max(np.abs(np.linalg.inv(m)))) for m in D.mats)
    return float(np.sum(np.abs(f))) * max(biggest, 1.0) * max(D.dims)


# --------------------------------------------------------------- the groups themselves
@pytest.mark.parametrize("name", NAMES)
def test_groups_have_the_published_orders_and_irreps_are_homomorphisms(name: str) -> None:
    D = data(name)
    assert D.n == ORDERS[name]
    # sum d_rho^2 = |G| (Burnside), and the irreps respect the group law used below
    assert sum(d * d for d in D.dims) == D.n
    rng = rng_for(name)
    pairs = rng.integers(0, D.n, size=(40, 2))
    for m in D.mats:
        for a, b in pairs:
            assert_close(m[D.table[a, b]], m[a] @ m[b], float(np.max(np.abs(m))) ** 2, name)


def test_psl_2_7_has_the_atlas_degrees() -> None:
    assert sorted(data("PSL(2,7)").dims) == [1, 3, 3, 6, 7, 8]


# --------------------------------------------------------------- the transform itself
@pytest.mark.parametrize("kind", ["real", "complex"])
@pytest.mark.parametrize("name", NAMES)
def test_transform_is_the_brute_force_sum_with_inverse_matrices(name: str, kind: str) -> None:
    D = data(name)
    f = random_function(name, D.n, kind)
    ours = fourier_transform(D.G, f)
    theirs = brute_transform(D, f)
    assert len(ours) == len(theirs)
    scale = transform_scale(D, f)
    for i, (a, b) in enumerate(zip(ours, theirs, strict=True)):
        assert a.shape == (D.dims[i], D.dims[i])
        assert_close(a, b, scale, f"{name} irrep {i}")


@pytest.mark.parametrize("kind", ["real", "complex"])
@pytest.mark.parametrize("name", NAMES)
def test_round_trip(name: str, kind: str) -> None:
    D = data(name)
    f = random_function(name, D.n, kind)
    back = inverse_fourier_transform(D.G, fourier_transform(D.G, f))
    assert back.shape == (D.n,)
    assert_close(back, f, float(np.max(np.abs(f))), f"{name} round trip")
    # the inversion formula evaluated here from the matrices, on the brute-force transform
    blocks = brute_transform(D, f)
    by_hand = np.array(
        [
            sum(d * np.trace(b @ m[x]) for d, b, m in zip(D.dims, blocks, D.mats, strict=True))
            / D.n
            for x in range(D.n)
        ]
    )
    assert_close(by_hand, f, float(np.max(np.abs(f))), f"{name} inversion formula")


@pytest.mark.parametrize("name", ["S3", "A5", "PSL(2,7)", "SL(2,3)"])
def test_inverse_of_arbitrary_blocks_is_the_formula(name: str) -> None:
    # blocks that are not the transform of anything chosen in advance: random matrices
    D = data(name)
    rng = rng_for(name)
    blocks = [rng.standard_normal((d, d)) + 1j * rng.standard_normal((d, d)) for d in D.dims]
    ours = inverse_fourier_transform(D.G, blocks)
    expected = np.array(
        [
            sum(d * np.trace(b @ m[x]) for d, b, m in zip(D.dims, blocks, D.mats, strict=True))
            / D.n
            for x in range(D.n)
        ]
    )
    scale = max(float(np.max(np.abs(m))) for m in D.mats) * max(D.dims) ** 2
    assert_close(ours, expected, scale, name)
    # and transforming it back gives the blocks (the transform is a bijection)
    for a, b in zip(fourier_transform(D.G, ours), blocks, strict=True):
        assert_close(a, b, scale * D.n, name)


# --------------------------------------------------------------- Plancherel
@pytest.mark.parametrize("name", NAMES)
def test_inner_products_for_any_basis(name: str) -> None:
    # sum_g f(g) conj(h(g)) = (1/|G|) sum_rho d_rho tr(H'(rho) F(rho)),
    # H'(rho) = sum_g conj(h(g)) rho(g) = transform of h*(g) = conj(h(g^{-1}))
    D = data(name)
    f = random_function(name, D.n, "complex", seed=1)
    h = random_function(name, D.n, "complex", seed=2)
    F = fourier_transform(D.G, f)
    h_star = np.conj(h[D.inverse])
    H_star = fourier_transform(D.G, h_star)
    H_direct = [np.einsum("g,gij->ij", np.conj(h), m) for m in D.mats]
    for a, b in zip(H_star, H_direct, strict=True):
        assert_close(a, b, transform_scale(D, h), f"{name} transform of h*")
    left = np.sum(f * np.conj(h))
    right = sum(d * np.trace(Hs @ Fr) for d, Hs, Fr in zip(D.dims, H_direct, F, strict=True)) / D.n
    scale = float(np.linalg.norm(f) * np.linalg.norm(h))
    assert abs(left - right) <= 1e3 * RTOL * scale
    # f = h: the energy
    F_star = [np.einsum("g,gij->ij", np.conj(f), m) for m in D.mats]
    energy = sum(d * np.trace(Fs @ Fr) for d, Fs, Fr in zip(D.dims, F_star, F, strict=True))
    assert abs(energy / D.n - np.sum(np.abs(f) ** 2)) <= 1e3 * RTOL * float(np.sum(np.abs(f) ** 2))


@pytest.mark.parametrize("kind", ["real", "complex"])
@pytest.mark.parametrize("name", NAMES)
def test_plancherel_in_unitary_bases(name: str, kind: str) -> None:
    # U(g) = T^{-1} rho(g) T unitary: F_U = T^{-1} F T = sum_g f(g) U(g)^H, and
    # sum_g |f(g)|^2 = (1/|G|) sum_rho d_rho ||F_U(rho)||_HS^2
    D = data(name)
    f = random_function(name, D.n, kind, seed=3)
    F = fourier_transform(D.G, f)
    energy = 0.0
    for rho, Fr, d in zip(D.reps, F, D.dims, strict=True):
        U, T = unitary_matrices(rho, return_basis=True)
        assert_close(
            np.einsum("gij,gkj->gik", U, U.conj()), np.broadcast_to(np.eye(d), U.shape), 1.0, name
        )
        FU = np.linalg.solve(T, Fr @ T)
        direct = np.einsum("g,gji->ij", f, U.conj())
        assert_close(FU, direct, float(np.sum(np.abs(f))) * d, f"{name} unitary transform")
        energy += d * float(np.sum(np.abs(FU) ** 2))
    total = float(np.sum(np.abs(f) ** 2))
    assert abs(energy / D.n - total) <= 1e3 * RTOL * total


# --------------------------------------------------------------- convolution
@pytest.mark.parametrize("kind", ["real", "complex"])
@pytest.mark.parametrize("name", NAMES)
def test_convolution_theorem(name: str, kind: str) -> None:
    # (f * h)^(rho) = h^(rho) f^(rho), the brute-force convolution transformed
    D = data(name)
    f = random_function(name, D.n, kind, seed=4)
    h = random_function(name, D.n, kind, seed=5)
    conv = brute_convolution(D, f, h)
    F, H, C = (fourier_transform(D.G, v) for v in (f, h, conv))
    scale = transform_scale(D, f) * transform_scale(D, h)
    for i, (Fr, Hr, Cr) in enumerate(zip(F, H, C, strict=True)):
        assert_close(Cr, Hr @ Fr, scale, f"{name} irrep {i}")
    # and the inverse transform of the products is the brute-force convolution
    back = inverse_fourier_transform(D.G, [Hr @ Fr for Fr, Hr in zip(F, H, strict=True)])
    assert_close(back, conv, float(np.sum(np.abs(f)) * np.sum(np.abs(h))), f"{name} inverse")


def test_the_order_of_the_product_matters_on_a_non_abelian_group() -> None:
    # so the convolution test above can fail: F H differs from H F on S_4's 3-dim irreps
    D = data("S4")
    f = random_function("S4", D.n, "real", seed=4)
    h = random_function("S4", D.n, "real", seed=5)
    F, H = fourier_transform(D.G, f), fourier_transform(D.G, h)
    i = D.dims.index(3)
    assert np.max(np.abs(F[i] @ H[i] - H[i] @ F[i])) > 1e-3 * np.max(np.abs(H[i] @ F[i]))


def test_the_hilbert_schmidt_form_needs_a_unitary_basis() -> None:
    # S_3's 2-dim irrep in Young's seminormal form is not orthogonal (rho((0 2 1)) has rows
    # (-1/2, 3/4), (1, 1/2)); with it the Hilbert-Schmidt form of Plancherel is off, while the
    # general inner-product form above holds: the tests use the identity valid in any basis
    D = data("S3")
    i = D.dims.index(2)
    m = D.mats[i]
    assert np.max(np.abs(np.einsum("gij,gkj->gik", m, m) - np.eye(2))) > 0.1
    f = np.zeros(D.n)
    f[D.elements.index((0, 2, 1))] = 1.0
    F = fourier_transform(D.G, f)
    hs = sum(d * float(np.sum(np.abs(Fr) ** 2)) for d, Fr in zip(D.dims, F, strict=True)) / D.n
    # (1 + 1 + 2 * (1/4 + 9/16 + 1 + 1/4)) / 6 = 49/48 instead of sum |f|^2 = 1
    assert abs(hs - 1.0) > 0.01


@pytest.mark.parametrize("n", [1, 5, 12])
def test_fourier_matrix_is_the_transform_of_the_cyclic_group_and_its_inverse(n: int) -> None:
    # F_jk = exp(-2 pi i jk / n), F^{-1} = conj(F)^T / n, as numbers computed here
    F = np.array([[complex(v) for v in row] for row in fourier_matrix(n)])
    jk = np.outer(np.arange(n), np.arange(n))
    assert_close(F, np.exp(-2j * np.pi * jk / n), 1.0, "entries")
    assert_close(F @ F.conj().T / n, np.eye(n), 1.0, "inverse")
    f = random_function(f"Z{n}", n, "complex")
    blocks = fourier_transform(grouprep.cyclic(n), f)
    assert_close([b[0, 0] for b in blocks], F @ f, float(np.sum(np.abs(f))), "transform")
    assert_close(np.fft.ifft(F @ f), f, float(np.max(np.abs(f))), "numpy's inverse")
