"""Clebsch–Gordan decompositions of tensor products.

Every decomposition is checked by applying the group's own matrices: with
:math:`V(g) = \\rho(g) \\otimes \\sigma(g)` formed here (Kronecker order) and the block
diagonal :math:`D(g)` of the irreps formed here from ``irreps(G)`` and the multiplicities,
:math:`V(g)\\, C = C\\, D(g)` exactly for every element g, and :math:`C \\cdot C^{-1} = I`
exactly, with products computed in this file. The multiplicities must equal the character
inner products :math:`\\frac{1}{|G|}\\sum_g \\chi_\\rho(g)\\chi_\\sigma(g)
\\overline{\\chi_\\pi(g)}` summed over the elements, and the published product rules:

* cyclic groups: the characters multiply, :math:`\\chi_a \\chi_b = \\chi_{a+b}`;
* dihedral groups :math:`D_n` (Serre, *Linear Representations of Finite Groups*, 1977,
  §5.3, characters :math:`\\chi_h(r^k) = 2\\cos(2\\pi hk/n)`, :math:`\\chi_h(r^k s) = 0`):
  :math:`\\rho_h \\otimes \\rho_k = \\rho_{h+k} \\oplus \\rho_{h-k}`, where
  :math:`\\rho_0 = A_1 \\oplus A_2`, :math:`\\rho_{n/2} = B_1 \\oplus B_2` and
  :math:`\\rho_{-h} = \\rho_{n-h} = \\rho_h`, from :math:`2\\cos x \\cdot 2\\cos y =
  2\\cos(x+y) + 2\\cos(x-y)`;
* :math:`S_3`: :math:`V \\otimes V = U \\oplus U' \\oplus V`, and :math:`S_4`:
  :math:`V \\otimes V = U \\oplus V \\oplus V' \\oplus W` for the standard representation V
  (Fulton and Harris, *Representation Theory: A First Course*, 1991, §1.3 and §2.3:
  :math:`\\Lambda^2 V = V'`, :math:`\\operatorname{Sym}^2 V = U \\oplus V \\oplus W`);
* :math:`A_4`: :math:`3 \\otimes 3 = 1 \\oplus 1' \\oplus 1'' \\oplus 3 \\oplus 3`;
  :math:`A_5` (the icosahedral group): :math:`3 \\otimes 3 = 1 \\oplus 3 \\oplus 5`,
  :math:`3 \\otimes 3' = 4 \\oplus 5`, :math:`5 \\otimes 5 = 1 \\oplus 3 \\oplus 3' \\oplus
  4 \\oplus 4 \\oplus 5 \\oplus 5`; :math:`T' = SL(2,3)`: :math:`2 \\otimes 2 = 1 \\oplus
  3`, :math:`2 \\otimes 3 = 2 \\oplus 2' \\oplus 2''`, :math:`3 \\otimes 3` as for
  :math:`A_4`; :math:`Q_8`: :math:`2 \\otimes 2 = 1 \\oplus 1' \\oplus 1'' \\oplus 1'''`;
  :math:`\\Sigma(168) = PSL(2,7)`: :math:`3 \\otimes \\bar 3 = 1 \\oplus 8`,
  :math:`3 \\otimes 3 = \\bar 3 \\oplus 6` (Ishimori, Kobayashi, Ohki, Shimizu, Okada and
  Tanimoto, "Non-Abelian Discrete Symmetries in Particle Physics", Prog. Theor. Phys.
  Suppl. 183 (2010) 1, the tensor products of §4, §5, §7, §10 and §11).

Irreps are named here by their characters, computed from the elements (fixed points and
signs of permutations, :math:`2\\cos` of rotations, ...), never by grouprep's labels.
"""

from __future__ import annotations

import itertools
import pickle
from fractions import Fraction

import numpy as np
import pytest

import grouprep
from grouprep.errors import GroupRepTypeError, GroupRepValueError, SizeLimitError
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.reps import (
    ClebschGordan,
    Representation,
    clebsch_gordan,
    irreps,
    regular_representation,
    unitary_matrices,
)

ZERO, ONE = Cyclotomic(0), Cyclotomic(1)


# --------------------------------------------------------------- exact arithmetic here
def dot(xs, ys):
    """Exact sum of products, skipping zeros."""
    total = ZERO
    for x, y in zip(xs, ys, strict=True):
        if x and y:
            total = total + x * y
    return total


def matmul(A, B):
    """Exact product of matrices given as sequences of rows."""
    columns = list(zip(*B, strict=True)) if B else []
    return [[dot(row, col) for col in columns] for row in A]


def tensor_apply(a, b, column):
    """:math:`(a \\otimes b)\\, x` in Kronecker order, without forming the product: with
    X the :math:`d_a \\times d_b` matrix of x, the result is :math:`a X b^T`."""
    da, db = len(a), len(b)
    X = [column[i * db : (i + 1) * db] for i in range(da)]
    XbT = [[dot(X[j], b[k]) for k in range(db)] for j in range(da)]
    return [dot(a[i], [XbT[j][k] for j in range(da)]) for i in range(da) for k in range(db)]


def kron(a, b):
    return [[x * y for x in ra for y in rb] for ra in a for rb in b]


def trace(m):
    return sum((m[i][i] for i in range(len(m))), ZERO)


def brute_force_multiplicities(rho, sigma, reps):
    """:math:`\\frac{1}{|G|}\\sum_g \\chi_\\rho(g)\\chi_\\sigma(g)\\overline{\\chi_\\pi(g)}`
    over the elements, with traces of the exact matrices."""
    G = rho.group
    out = []
    for pi in reps:
        total = ZERO
        for g in G.elements():
            total = (
                total
                + trace(rho.exact(g)) * trace(sigma.exact(g)) * trace(pi.exact(g)).conjugate()
            )
        m = total * Cyclotomic(Fraction(1, G.order))
        assert m.is_rational()
        out.append(int(m.as_fraction()))
    return tuple(out)


def check(cg, rho, sigma, elements=None):
    """The decomposition is exact for every element, and its multiplicities are the
    character inner products."""
    G = rho.group
    reps = irreps(G)
    assert cg.rho is rho and cg.sigma is sigma
    assert cg.irreps == reps
    assert cg.multiplicities == brute_force_multiplicities(rho, sigma, reps)
    n = rho.dim * sigma.dim
    C, Cinv = cg.matrix, cg.inverse
    assert len(C) == n and all(len(row) == n for row in C)
    identity = [[ONE if i == j else ZERO for j in range(n)] for i in range(n)]
    assert matmul(C, Cinv) == identity
    columns = [[C[i][j] for i in range(n)] for j in range(n)]
    blocks = [pi for pi, m in zip(reps, cg.multiplicities, strict=True) for _ in range(m)]
    for g in G.elements() if elements is None else elements:
        a, b = rho.exact(g), sigma.exact(g)
        left = [tensor_apply(a, b, col) for col in columns]  # columns of V(g) C
        offset = 0
        for pi in blocks:  # columns of C D(g): block by block
            m = pi.exact(g)
            d = len(m)
            for t in range(d):
                expected = [
                    sum((columns[offset + s][i] * m[s][t] for s in range(d)), ZERO)
                    for i in range(n)
                ]
                assert left[offset + t] == expected, (g, offset + t)
            offset += d
        assert offset == n


def index_by_character(G, character):
    """The index in irreps(G) of the irrep whose trace is ``character(g)`` on every g."""
    found = [
        i
        for i, pi in enumerate(irreps(G))
        if all(trace(pi.exact(g)) == character(g) for g in G.elements())
    ]
    assert len(found) == 1, found
    return found[0]


def expected_vector(G, indices):
    out = [0] * len(irreps(G))
    for i in indices:
        out[i] += 1
    return tuple(out)


# ------------------------------------------------------------------ permutation facts
def fixed_points(p):
    return sum(1 for i, x in enumerate(p) if i == x)


def sign(p):
    seen, s = set(), 1
    for i in range(len(p)):
        if i in seen:
            continue
        j, length = i, 0
        while j not in seen:
            seen.add(j)
            j = p[j]
            length += 1
        s *= -1 if length % 2 == 0 else 1
    return s


# -------------------------------------------------------------------- groups built here
def quaternion_group():
    """Q_8 by left multiplication on 1, -1, i, -i, j, -j, k, -k, by generators i and j."""
    return grouprep.permutation_group([(2, 3, 1, 0, 6, 7, 5, 4), (4, 5, 7, 6, 1, 0, 2, 3)])


def sl_2_3():
    """SL(2, 3) acting on the 8 nonzero vectors of F_3^2, by generators."""
    vectors = [v for v in itertools.product(range(3), repeat=2) if v != (0, 0)]

    def perm(m):
        (a, b), (c, d) = m
        return tuple(vectors.index(((a * x + b * y) % 3, (c * x + d * y) % 3)) for x, y in vectors)

    return grouprep.permutation_group([perm(((1, 1), (0, 1))), perm(((1, 0), (1, 1)))])


def psl_2_7():
    """PSL(2, 7) on the projective line over F_7 (infinity is point 7): x + 1 and -1/x."""
    return grouprep.permutation_group([(1, 2, 3, 4, 5, 6, 0, 7), (7, 6, 3, 2, 5, 4, 1, 0)])


# ------------------------------------------------------------------------------ cyclic
@pytest.mark.parametrize("n", [5, 6])
def test_cyclic_characters_multiply(n):
    G = grouprep.cyclic(n)
    reps = irreps(G)
    z = root_of_unity(n)
    index = {k: index_by_character(G, lambda g, k=k: z ** (k * g)) for k in range(n)}
    for a, b in itertools.product(range(n), repeat=2):
        cg = clebsch_gordan(reps[index[a]], reps[index[b]])
        check(cg, reps[index[a]], reps[index[b]])
        assert cg.multiplicities == expected_vector(G, [index[(a + b) % n]])
        assert cg.unitary_available


# ---------------------------------------------------------------------------- dihedral
def dihedral_characters(n):
    """Serre's characters of D_n on the elements (r, s): the linear ones and rho_h."""
    z = root_of_unity(n)
    linear = {
        "A1": lambda g: ONE,
        "A2": lambda g: Cyclotomic((-1) ** g[1]),
    }
    if n % 2 == 0:
        linear["B1"] = lambda g: Cyclotomic((-1) ** g[0])
        linear["B2"] = lambda g: Cyclotomic((-1) ** (g[0] + g[1]))

    def rho(h):
        return lambda g: ZERO if g[1] else z ** (h * g[0]) + z ** (-h * g[0])

    return linear, {h: rho(h) for h in range(1, (n - 1) // 2 + 1)}


def dihedral_rule(n, h, k):
    """The constituents of rho_h (x) rho_k by name: rho_{h+k} + rho_{h-k} folded."""
    out = []
    for j in (h + k, h - k):
        j %= n
        j = min(j, n - j)
        if j == 0:
            out += ["A1", "A2"]
        elif 2 * j == n:
            out += ["B1", "B2"]
        else:
            out.append(j)
    return out


@pytest.mark.parametrize("n", [4, 5, 6])
def test_dihedral_product_rule(n):
    G = grouprep.dihedral(n)
    reps = irreps(G)
    linear, two = dihedral_characters(n)
    index = {name: index_by_character(G, chi) for name, chi in {**linear, **two}.items()}
    for h, k in itertools.combinations_with_replacement(sorted(two), 2):
        rho, sigma = reps[index[h]], reps[index[k]]
        cg = clebsch_gordan(rho, sigma)
        check(cg, rho, sigma)
        assert cg.multiplicities == expected_vector(G, [index[c] for c in dihedral_rule(n, h, k)])
        assert cg.unitary_available


def test_dihedral_two_times_linear():
    # rho_h (x) A2 = rho_h, rho_h (x) B1 = rho_{n/2 - h} (the character times (-1)^r)
    n = 6
    G = grouprep.dihedral(n)
    reps = irreps(G)
    linear, two = dihedral_characters(n)
    index = {name: index_by_character(G, chi) for name, chi in {**linear, **two}.items()}
    for h in two:
        for name, image in (("A2", h), ("B1", n // 2 - h)):
            rho, sigma = reps[index[h]], reps[index[name]]
            cg = clebsch_gordan(rho, sigma)
            check(cg, rho, sigma)
            assert cg.multiplicities == expected_vector(G, [index[image]])


# ---------------------------------------------------------------------------- symmetric
def test_s3_standard_squared():
    G = grouprep.symmetric(3)
    U = index_by_character(G, lambda g: ONE)
    U1 = index_by_character(G, lambda g: Cyclotomic(sign(g)))
    V = index_by_character(G, lambda g: Cyclotomic(fixed_points(g) - 1))
    rho = irreps(G)[V]
    cg = clebsch_gordan(rho, rho)
    check(cg, rho, rho)
    assert cg.multiplicities == expected_vector(G, [U, U1, V])


def test_s4_standard_products():
    G = grouprep.symmetric(4)
    U = index_by_character(G, lambda g: ONE)
    U1 = index_by_character(G, lambda g: Cyclotomic(sign(g)))
    V = index_by_character(G, lambda g: Cyclotomic(fixed_points(g) - 1))
    V1 = index_by_character(G, lambda g: Cyclotomic((fixed_points(g) - 1) * sign(g)))
    W = next(i for i, pi in enumerate(irreps(G)) if pi.dim == 2)
    reps = irreps(G)
    cg = clebsch_gordan(reps[V], reps[V])
    check(cg, reps[V], reps[V])
    assert cg.multiplicities == expected_vector(G, [U, V, V1, W])
    assert not cg.unitary_available  # Young's seminormal form is not orthogonal
    cg = clebsch_gordan(reps[V], reps[V1])  # the same times the sign
    check(cg, reps[V], reps[V1])
    assert cg.multiplicities == expected_vector(G, [U1, V1, V, W])


# ------------------------------------------------------------- A_4, A_5, SL(2,3), Q_8
def by_degree(G):
    out = {}
    for i, pi in enumerate(irreps(G)):
        out.setdefault(pi.dim, []).append(i)
    return out


def test_a4_three_times_three_has_three_twice():
    G = grouprep.alternating(4)
    degrees = by_degree(G)
    assert len(degrees[1]) == 3 and len(degrees[3]) == 1
    three = irreps(G)[degrees[3][0]]
    cg = clebsch_gordan(three, three)
    check(cg, three, three)
    assert cg.multiplicities == expected_vector(G, degrees[1] + degrees[3] * 2)
    assert cg.blocks[-2:] == (degrees[3][0],) * 2
    first, second = cg.columns(degrees[3][0], 0), cg.columns(degrees[3][0], 1)
    assert len(first) == len(second) == 3 and first.stop == second.start == 6


def test_a5_icosahedral_products():
    G = grouprep.alternating(5)
    degrees = by_degree(G)
    (X, Y), (four,), (five,) = degrees[3], degrees[4], degrees[5]
    reps = irreps(G)
    for a, b in ((X, Y), (Y, X)):
        cg = clebsch_gordan(reps[a], reps[a])  # 3 x 3 = 1 + 3 + 5
        check(cg, reps[a], reps[a])
        assert cg.multiplicities == expected_vector(G, [0, a, five])
        cg = clebsch_gordan(reps[a], reps[b])  # 3 x 3' = 4 + 5
        check(cg, reps[a], reps[b])
        assert cg.multiplicities == expected_vector(G, [four, five])


@pytest.mark.slow
def test_a5_five_times_five_multiplicity_two():
    G = grouprep.alternating(5)
    degrees = by_degree(G)
    (X, Y), (four,), (five,) = degrees[3], degrees[4], degrees[5]
    rho = irreps(G)[five]
    cg = clebsch_gordan(rho, rho)
    check(cg, rho, rho)
    assert cg.multiplicities == expected_vector(G, [0, X, Y, four, four, five, five])


def test_sl_2_3_binary_tetrahedral_products():
    G = sl_2_3()
    assert G.order == 24
    degrees = by_degree(G)
    reps = irreps(G)
    rational = [i for i in degrees[2] if all(trace(reps[i].exact(g)).is_rational() for g in G)]
    assert len(degrees[2]) == 3 and len(rational) == 1 and len(degrees[3]) == 1
    two, three = reps[rational[0]], reps[degrees[3][0]]
    cg = clebsch_gordan(two, two)  # 2 x 2 = 1 + 3 (det = 1, Sym^2 = 3)
    check(cg, two, two)
    assert cg.multiplicities == expected_vector(G, [0, degrees[3][0]])
    cg = clebsch_gordan(two, three)  # 2 x 3 = 2 + 2' + 2''
    check(cg, two, three)
    assert cg.multiplicities == expected_vector(G, degrees[2])
    cg = clebsch_gordan(three, three)  # as for A_4: the 3 twice
    check(cg, three, three)
    assert cg.multiplicities == expected_vector(G, degrees[1] + degrees[3] * 2)


def test_q8_two_times_two_is_all_linear_characters():
    G = quaternion_group()
    assert G.order == 8
    degrees = by_degree(G)
    two = irreps(G)[degrees[2][0]]
    cg = clebsch_gordan(two, two)
    check(cg, two, two)
    assert cg.multiplicities == expected_vector(G, degrees[1])
    assert len(degrees[1]) == 4


@pytest.mark.slow
def test_psl_2_7_by_generators():
    G = psl_2_7()
    assert G.order == 168
    degrees = by_degree(G)
    reps = irreps(G)
    a, b = degrees[3]
    (eight,) = degrees[8]
    (six,) = degrees[6]
    cg = clebsch_gordan(reps[a], reps[b])  # 3 x 3bar = 1 + 8
    check(cg, reps[a], reps[b])
    assert cg.multiplicities == expected_vector(G, [0, eight])
    cg = clebsch_gordan(reps[a], reps[a])  # 3 x 3 = 3bar + 6
    check(cg, reps[a], reps[a])
    assert cg.multiplicities == expected_vector(G, [b, six])
    # the 3bar is the complex conjugate of the 3: its character is conjugated
    assert all(trace(reps[b].exact(g)) == trace(reps[a].exact(g)).conjugate() for g in G)


# -------------------------------------------------------------------------- products
def test_product_of_s3_and_z3():
    S3, Z3 = grouprep.symmetric(3), grouprep.cyclic(3)
    G = grouprep.direct_product(S3, Z3)
    z = root_of_unity(3)
    characters = {
        "1": lambda p: ONE,
        "sgn": lambda p: Cyclotomic(sign(p)),
        "2": lambda p: Cyclotomic(fixed_points(p) - 1),
    }
    index = {
        (name, k): index_by_character(G, lambda g, chi=chi, k=k: chi(g[0]) * z ** (k * g[1]))
        for name, chi in characters.items()
        for k in range(3)
    }
    reps = irreps(G)
    rho = reps[index[("2", 1)]]
    cg = clebsch_gordan(rho, rho)  # (2 x chi_1)^2 = (1 + sgn + 2) x chi_2
    check(cg, rho, rho)
    assert cg.multiplicities == expected_vector(G, [index[(x, 2)] for x in ("1", "sgn", "2")])
    sigma = reps[index[("sgn", 2)]]
    cg = clebsch_gordan(rho, sigma)  # (2 x chi_1)(sgn x chi_2) = 2 x chi_0
    check(cg, rho, sigma)
    assert cg.multiplicities == expected_vector(G, [index[("2", 0)]])


def test_abelian_product_characters_add():
    G = grouprep.abelian(2, 4)
    i = root_of_unity(4)
    index = {
        (a, b): index_by_character(
            G, lambda g, a=a, b=b: Cyclotomic((-1) ** (a * g[0])) * i ** (b * g[1])
        )
        for a in range(2)
        for b in range(4)
    }
    reps = irreps(G)
    for (a1, b1), (a2, b2) in itertools.product(index, repeat=2):
        rho, sigma = reps[index[(a1, b1)]], reps[index[(a2, b2)]]
        cg = clebsch_gordan(rho, sigma)
        assert cg.multiplicities == expected_vector(G, [index[((a1 + a2) % 2, (b1 + b2) % 4)]])
    check(cg, rho, sigma)


# ----------------------------------------------------- reducible factors, other forms
def test_reducible_factor_regular_times_irrep():
    # reg (x) pi = reg^(dim pi): each irrep tau occurs dim(pi) dim(tau) times
    G = grouprep.dihedral(3)
    reps = irreps(G)
    reg, two = regular_representation(G), reps[-1]
    cg = clebsch_gordan(reg, two)
    check(cg, reg, two, elements=[*G.generators, G.identity])
    assert cg.multiplicities == tuple(2 * pi.dim for pi in reps)


def test_user_matrices_by_generators():
    # the rotation of the plane by 90 degrees, as a user gives it: chi_1 + chi_3 of Z_4
    G = grouprep.cyclic(4)
    rot = Representation(G, [[[0, -1], [1, 0]]], name="rot")
    cg = clebsch_gordan(rot, rot)
    check(cg, rot, rot)
    i = root_of_unity(4)
    index = {k: index_by_character(G, lambda g, k=k: i ** (k * g)) for k in range(4)}
    # (chi_1 + chi_3)^2 = chi_2 + chi_0 + chi_0 + chi_2
    assert cg.multiplicities == expected_vector(G, [index[0], index[0], index[2], index[2]])
    assert cg.unitary_available


def test_exact_pivot_fallback(monkeypatch):
    # the columns chosen exactly when no prime is found good: the same decomposition holds
    import grouprep.reps._real as real

    monkeypatch.setattr(real, "_greedy_modulo", lambda M, m, p: None)
    G = grouprep.alternating(4)
    three = irreps(G)[by_degree(G)[3][0]]
    cg = clebsch_gordan(three, three)
    check(cg, three, three)


# -------------------------------------------------------------------------- numeric
def is_unitary_exactly(rep):
    d = rep.dim
    eye = [[ONE if i == j else ZERO for j in range(d)] for i in range(d)]
    for g in rep.group.elements():
        m = rep.exact(g)
        adjoint = [[m[j][i].conjugate() for j in range(d)] for i in range(d)]
        if matmul(adjoint, m) != eye:
            return False
    return True


def numeric_block_diagonal(blocks, g):
    n = sum(pi.dim for pi in blocks)
    D = np.zeros((n, n), dtype=np.complex128)
    offset = 0
    for pi in blocks:
        D[offset : offset + pi.dim, offset : offset + pi.dim] = pi.numeric(g)
        offset += pi.dim
    return D


@pytest.mark.parametrize(
    ("group", "pair"),
    [
        (grouprep.dihedral(5), (2, 3)),
        (grouprep.dihedral(6), (4, 5)),
        (grouprep.cyclic(7), (3, 5)),
        (grouprep.symmetric(4), (3, 3)),
        (grouprep.symmetric(4), (2, 4)),
        (grouprep.alternating(5), (1, 2)),
    ],
    ids=lambda v: repr(v),
)
def test_numeric_and_unitary(group, pair):
    reps = irreps(group)
    rho, sigma = reps[pair[0]], reps[pair[1]]
    cg = clebsch_gordan(rho, sigma)
    blocks = [reps[i] for i in cg.blocks]
    occurring = set(cg.blocks)
    expected = all(is_unitary_exactly(r) for r in [rho, sigma, *(reps[i] for i in occurring)])
    assert cg.unitary_available == expected
    C, Cinv = cg.numeric(), cg.numeric(inverse=True)
    exact_real = all(v == v.conjugate() for row in cg.matrix for v in row)
    assert C.dtype == (np.float64 if exact_real else np.complex128)
    n = cg.dim
    np.testing.assert_allclose(C @ Cinv, np.eye(n), atol=1e-10)
    U = cg.unitary()
    np.testing.assert_allclose(U.conj().T @ U, np.eye(n), atol=1e-10)
    if cg.unitary_available:
        for g in group.elements():
            V = np.kron(rho.numeric(g), sigma.numeric(g))
            np.testing.assert_allclose(Cinv @ V @ C, numeric_block_diagonal(blocks, g), atol=1e-10)
            np.testing.assert_allclose(
                U @ numeric_block_diagonal(blocks, g) @ U.conj().T, V, atol=1e-10
            )
    else:  # relates the unitary forms
        Ur, Us = unitary_matrices(rho), unitary_matrices(sigma)
        forms = {i: unitary_matrices(reps[i]) for i in occurring}
        for k, g in enumerate(group.elements()):
            assert group.index(g) == k
            D = np.zeros((n, n), dtype=np.complex128)
            offset = 0
            for i in cg.blocks:
                d = reps[i].dim
                D[offset : offset + d, offset : offset + d] = forms[i][k]
                offset += d
            np.testing.assert_allclose(U @ D @ U.conj().T, np.kron(Ur[k], Us[k]), atol=1e-10)
    real_forms = all(
        v == v.conjugate()
        for r in [rho, sigma, *blocks]
        for g in group.generators
        for row in r.exact(g)
        for v in row
    )
    real = exact_real and (cg.unitary_available or real_forms)
    assert U.dtype == (np.float64 if real else np.complex128)


def test_transformed_and_block_diagonal_against_products_here():
    G = grouprep.symmetric(3)
    rho = irreps(G)[2]
    cg = clebsch_gordan(rho, rho)
    for g in G:
        here = matmul(cg.inverse, matmul(kron(rho.exact(g), rho.exact(g)), cg.matrix))
        assert [list(r) for r in cg.transformed(g)] == here
        assert [list(r) for r in cg.block_diagonal(g)] == here


def test_value_semantics_and_repr():
    G = grouprep.dihedral(5)
    rho = irreps(G)[2]
    cg = clebsch_gordan(rho, rho)
    assert isinstance(cg, ClebschGordan)
    again = pickle.loads(pickle.dumps(cg))
    assert again == cg and again is not cg
    with pytest.raises(AttributeError):
        cg.matrix = ()
    assert repr(cg) == "<ClebschGordan of dihedral(5): rho_1 (x) rho_1 = trivial + sign + rho_2>"
    assert cg.group == G and cg.dim == 4


# ----------------------------------------------------------------------------- errors
def test_arguments_must_be_representations():
    rho = irreps(grouprep.cyclic(3))[1]
    with pytest.raises(
        GroupRepTypeError, match="argument 'rho' must be a Representation, got 'x'"
    ):
        clebsch_gordan("x", rho)
    with pytest.raises(
        GroupRepTypeError, match="argument 'sigma' must be a Representation, got 3"
    ):
        clebsch_gordan(rho, 3)


def test_representations_of_different_groups():
    a, b = irreps(grouprep.cyclic(3))[1], irreps(grouprep.cyclic(4))[1]
    with pytest.raises(GroupRepValueError, match=r"same group, got .*cyclic\(3\).*cyclic\(4\)"):
        clebsch_gordan(a, b)


def test_size_limits():
    S4 = grouprep.symmetric(4)
    reg = regular_representation(S4)
    with pytest.raises(
        SizeLimitError, match="dimensions 24 and 24 give a tensor product of dimension 576"
    ):
        clebsch_gordan(reg, reg)
    Z = grouprep.cyclic(300)
    with pytest.raises(SizeLimitError, match="27,000,000 exact entries"):
        clebsch_gordan(regular_representation(Z), irreps(Z)[0])


def test_group_without_irreps():
    A9 = grouprep.alternating(9)
    trivial = Representation(A9, [[[1]]] * len(A9.generators))
    with pytest.raises(
        SizeLimitError, match=r"clebsch_gordan: alternating\(9\) has no explicit irreps"
    ):
        clebsch_gordan(trivial, trivial)


def test_broken_matrices_are_refused():
    # not a homomorphism (check=False skips the law): the projections have wrong ranks
    G = grouprep.cyclic(3)
    bad = Representation(G, [[[2]]], check=False)
    with pytest.raises(GroupRepValueError, match="not a representation"):
        clebsch_gordan(bad, bad)


def test_columns_arguments():
    G = grouprep.alternating(4)
    three = by_degree(G)[3][0]
    cg = clebsch_gordan(irreps(G)[three], irreps(G)[three])
    with pytest.raises(GroupRepValueError, match="argument 'i'"):
        cg.columns(7)
    with pytest.raises(GroupRepValueError, match="argument 'k'"):
        cg.columns(three, 2)
    with pytest.raises(GroupRepTypeError, match="argument 'i'"):
        cg.columns(1.5)
    assert cg.columns(np.int64(three), 1) == range(6, 9)
    with pytest.raises(GroupRepValueError):
        cg.block_diagonal("not an element")
