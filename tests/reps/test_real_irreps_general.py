"""Real irreducible representations of every finite group with irreps.

Against GAP's reference tables (tests/reference/gap): the characters of the real irreps
are GAP's rows by the Frobenius-Schur rule, with GAP's own indicators,

    nu = 1: chi,   nu = 0: chi + conj(chi) (one per pair),   nu = -1: 2 chi,

(dimensions d, 2d, 2d), every entry is real, the law holds (exactly up to order 200, and
modulo a 25-bit prime on all), and the real irreps are irreducible over R and pairwise
inequivalent: <chi_R, chi_R> = 1, 2, 4 (the dimension of the division algebra
End_{RG} = R, C, H) and <chi_R, chi_R'> = 0. The list is complete: R[G] is the sum of
matrix algebras M_{n}(D) with n = dim / dim D, so sum dim^2 / <chi_R, chi_R> = |G|.

Named groups are checked by brute force over their elements: commutant dimensions
(the real solutions X of X rho(s) = rho(s) X, by a numerical rank), characters from
permutation actions, and the real regular character
sum (dim / <chi_R, chi_R>) chi_R = |G| delta_e.
"""

from __future__ import annotations

import math
from collections import Counter
from fractions import Fraction
from typing import Any

import numpy as np
import pytest

import grouprep
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.reps import (
    Representation,
    character_table,
    irreps,
    real_irreps,
    unitary_matrices,
)
from grouprep.reps._modular import modular_law_violation
from tests.test_gap_reference import (
    IRREP_SKIP,
    SLOW,
    build,
    constant,
    gap_table,
    hermitian_products,
    records,
    reduce_mod_phi,
)

EPS = np.finfo(np.float64).eps


# GAP's slow set, and S_6, whose time goes to its exact matrices on all 720 elements (the
# real irreps are its Young forms); they run with the slow tests
REAL_SLOW = SLOW | {"S_6"}


def gap_params() -> list[Any]:
    out = []
    for name in records():
        marks: list[Any] = [pytest.mark.slow] if name in REAL_SLOW else []
        if name in IRREP_SKIP:
            marks.append(pytest.mark.skip(reason=IRREP_SKIP[name]))
        out.append(pytest.param(name, marks=marks, id=name.replace(" ", "")))
    return out


def conj(row: tuple[Cyclotomic, ...]) -> tuple[Cyclotomic, ...]:
    return tuple(v.conjugate() for v in row)


def expected_real_characters(
    rows: list[tuple[Cyclotomic, ...]], indicators: list[int]
) -> dict[tuple[Cyclotomic, ...], tuple[int, int]]:
    """The real irreducible characters by the rule, each with (indicator, complex degree)."""
    out: dict[tuple[Cyclotomic, ...], tuple[int, int]] = {}
    for row, nu in zip(rows, indicators, strict=True):
        d = int(row[0].as_fraction())
        if nu == 1:
            out[row] = (1, d)
        elif nu == -1:
            out[tuple(2 * v for v in row)] = (-1, d)
        else:
            out[tuple(a + b for a, b in zip(row, conj(row), strict=True))] = (0, d)
    return out


def all_entries_real(rho: Representation) -> bool:
    return all(v.is_real() for m in rho._images() for row in m for v in row)


# ------------------------------------------------------------------ GAP's reference groups
def coefficient_rows(chars: list[tuple[Cyclotomic, ...]], n: int) -> np.ndarray:
    """V[a, i, k]: character a at class i is sum_k V * E(n)^k (integers: the values are
    algebraic integers, and the power basis of Q(E(n)) is an integral basis)."""
    V = np.zeros((len(chars), len(chars[0]), n), dtype=np.int64)
    for a, row in enumerate(chars):
        for i, v in enumerate(row):
            for k, c in enumerate(v.coefficients(n)):
                assert c.denominator == 1
                V[a, i, k] = int(c)
    return V


@pytest.mark.parametrize("name", gap_params())
def test_real_irreps_against_gaps_tables(name: str) -> None:
    record = records()[name]
    G = build(record)
    real = real_irreps(G)
    gap_rows = gap_table(record)
    sizes = record["class_sizes"]
    order = record["order"]
    assert order == G.order
    expected = expected_real_characters(gap_rows, record["indicators"])
    assert len(real) == len(expected)
    ours = [G.class_index(tuple(r)) for r in record["class_representatives"]]  # GAP -> ours

    for rho in real:
        assert all_entries_real(rho), rho
        if order <= 200:
            assert grouprep.check_homomorphism(rho).holds, rho
        else:
            assert modular_law_violation(rho) is None, rho

    found = [tuple(rho.character_values()[c] for c in ours) for rho in real]
    assert Counter(found) == Counter(list(expected))
    kinds = [expected[chi] for chi in found]
    assert [rho.dim for rho in real] == [d if nu == 1 else 2 * d for nu, d in kinds]
    # <chi_R, chi_R'> = delta * (1, 2, 4): irreducible over R and pairwise inequivalent,
    # in exact integer arithmetic modulo the cyclotomic polynomial
    n = record["conductor"]
    gram = reduce_mod_phi(
        hermitian_products(coefficient_rows(found, n), np.array(sizes, dtype=np.int64)), n
    )
    ends = [{1: 1, 0: 2, -1: 4}[nu] for nu, _ in kinds]
    assert (gram == constant(order * np.diag(ends).astype(np.int64), n)).all()
    # dim R[G] = sum of dim M_k(D), k = dim / dim D: sum dim^2 / dim D = |G|
    assert sum(Fraction(rho.dim**2, e) for rho, e in zip(real, ends, strict=True)) == order
    # the order: the rows of grouprep's table, with GAP's indicators (rows matched)
    gap_nu = dict(zip(gap_rows, record["indicators"], strict=True))
    predicted, paired = [], set()
    for row in character_table(G).characters:
        mine = tuple(row[c] for c in ours)
        if mine in paired:
            continue
        nu = gap_nu[mine]
        if nu == 0:
            paired.add(conj(mine))
            predicted.append(tuple(a + b for a, b in zip(mine, conj(mine), strict=True)))
        else:
            predicted.append(tuple(v * (1 if nu == 1 else 2) for v in mine))
    assert found == predicted


# ------------------------------------------------------------------ named groups, by brute force
def commutant_dimension(rho: Representation) -> int:
    """dim of {X real : X rho(s) = rho(s) X for all generators s}, by a numerical rank."""
    d = rho.dim
    eye = np.eye(d)
    blocks = [
        np.kron(eye, rho.numeric(s)) - np.kron(rho.numeric(s).T, eye) for s in rho.group.generators
    ]
    A = np.vstack(blocks)  # acting on vec(X), column-major
    sv = np.linalg.svd(A, compute_uv=False)
    tol = 100 * A.shape[0] * EPS * max(1.0, float(sv.max(initial=0.0)))
    return d * d - int((sv > tol).sum())


def check_real_irreps(G: Any, real: tuple[Representation, ...]) -> list[int]:
    """Brute-force checks over the elements; returns the commutant dimensions."""
    elements = G.elements()
    e = [commutant_dimension(rho) for rho in real]
    assert all(k in (1, 2, 4) for k in e)
    assert sum(Fraction(rho.dim**2, k) for rho, k in zip(real, e, strict=True)) == G.order
    for rho in real:
        assert grouprep.check_homomorphism(rho).holds
        for g in elements:
            assert all(v.is_real() for row in rho.exact(g) for v in row)
    # the real regular character: sum (dim / dim End) chi_R = |G| at e, 0 elsewhere
    weights = [Cyclotomic(Fraction(rho.dim, k)) for rho, k in zip(real, e, strict=True)]
    for g in elements:
        total = sum(
            (w * rho.character(g) for rho, w in zip(real, weights, strict=True)), Cyclotomic(0)
        )
        assert total == (G.order if g == G.identity else 0)
    chars = [tuple(rho.character(g) for g in elements) for rho in real]
    assert len(set(chars)) == len(chars)  # pairwise inequivalent
    return e


QUATERNION = [(2, 3, 1, 0, 6, 7, 5, 4), (4, 5, 7, 6, 1, 0, 2, 3)]  # left mult. by i, j on
# the list 1, -1, i, -i, j, -j, k, -k


def test_quaternion_group_has_a_quaternionic_real_irrep_of_dimension_4() -> None:
    Q8 = grouprep.permutation_group(QUATERNION)
    real = real_irreps(Q8)
    assert sorted(rho.dim for rho in real) == [1, 1, 1, 1, 4]
    e = check_real_irreps(Q8, real)
    four = real[[rho.dim for rho in real].index(4)]
    assert e[real.index(four)] == 4  # End = the quaternions
    minus_one = (1, 0, 3, 2, 5, 4, 7, 6)  # -1 swaps x and -x
    for g in Q8.elements():
        expected = 4 if g == Q8.identity else -4 if g == minus_one else 0
        assert four.character(g) == expected
    assert four.exact(minus_one) == tuple(
        tuple(Cyclotomic(-1 if i == j else 0) for j in range(4)) for i in range(4)
    )


def test_quaternionic_realification_is_re_im_of_the_complex_irrep() -> None:
    Q8 = grouprep.permutation_group(QUATERNION)
    table = character_table(Q8)
    row = table.indicators.index(-1)
    rho = irreps(Q8)[row]
    four = real_irreps(Q8)[-1]
    for g in Q8.elements():
        m = rho.numeric(g).astype(np.complex128)
        block = np.block([[m.real, -m.imag], [m.imag, m.real]])
        np.testing.assert_allclose(four.numeric(g), block, atol=1e-12)


@pytest.mark.parametrize("n", [3, 5, 6])
def test_cyclic_group_by_generators_gets_rotation_blocks(n: int) -> None:
    # Z_n as the permutation group of an n-cycle: indicator 0 except the real characters
    shift = tuple((i + 1) % n for i in range(n))
    G = grouprep.permutation_group([shift])
    real = real_irreps(G)
    assert [rho.dim for rho in real].count(2) == (n - 1) // 2
    e = check_real_irreps(G, real)
    assert e == [1 if rho.dim == 1 else 2 for rho in real]
    angles = set()
    for rho in real:
        if rho.dim == 2:  # a rotation by 2 pi k / n, k in 1 .. (n-1)//2
            m = rho.numeric(shift)
            assert np.allclose(m @ m.T, np.eye(2))  # orthogonal already
            k = round(abs(math.atan2(m[1, 0], m[0, 0])) * n / (2 * math.pi))
            assert np.allclose(
                m,
                [
                    [math.cos(2 * math.pi * k / n), -math.sin(2 * math.pi * k / n)],
                    [math.sin(2 * math.pi * k / n), math.cos(2 * math.pi * k / n)],
                ],
            )
            angles.add(k)
    assert angles == set(range(1, (n - 1) // 2 + 1))


def fixed_points(g: tuple[int, ...]) -> int:
    return sum(1 for i, x in enumerate(g) if i == x)


def test_a4() -> None:
    A4 = grouprep.alternating(4)
    real = real_irreps(A4)
    assert [rho.dim for rho in real] == [1, 2, 3]
    assert check_real_irreps(A4, real) == [1, 2, 1]
    for g in A4.elements():  # the 3-dim: points of the tetrahedron, fix(g) - 1
        assert real[2].character(g) == fixed_points(g) - 1
        three_cycle = fixed_points(g) == 1
        assert real[1].character(g) == (-1 if three_cycle else 2)  # 2 cos(2 pi / 3)


def test_a5_all_real_with_golden_ratios() -> None:
    A5 = grouprep.alternating(5)
    real = real_irreps(A5)
    assert [rho.dim for rho in real] == [1, 3, 3, 4, 5]
    assert check_real_irreps(A5, real) == [1] * 5
    z = root_of_unity(5)
    golden = {1 + z + z**4, 1 + z**2 + z**3}  # (1 + sqrt 5)/2 and (1 - sqrt 5)/2
    five_cycle = (1, 2, 3, 4, 0)
    assert {real[1].character(five_cycle), real[2].character(five_cycle)} == golden
    for g in A5.elements():
        assert real[3].character(g) == fixed_points(g) - 1


def test_s4_real_irreps_are_its_young_forms() -> None:
    S4 = grouprep.symmetric(4)
    real = real_irreps(S4)
    assert real == irreps(S4)  # rational matrices already
    assert check_real_irreps(S4, real) == [1] * 5


def sl23() -> Any:
    """SL(2,3) acting on the 8 nonzero vectors of F_3^2 (by its two generators)."""
    vectors = [(a, b) for a in range(3) for b in range(3) if (a, b) != (0, 0)]

    def perm(m: tuple[tuple[int, int], tuple[int, int]]) -> tuple[int, ...]:
        return tuple(
            vectors.index(((m[0][0] * a + m[0][1] * b) % 3, (m[1][0] * a + m[1][1] * b) % 3))
            for a, b in vectors
        )

    return grouprep.permutation_group([perm(((1, 1), (0, 1))), perm(((0, 2), (1, 0)))]), perm(
        ((2, 0), (0, 2))
    )


def test_sl23() -> None:
    G, minus_identity = sl23()
    assert G.order == 24
    real = real_irreps(G)
    assert sorted(rho.dim for rho in real) == [1, 2, 3, 4, 4]
    e = check_real_irreps(G, real)
    assert sorted(zip((rho.dim for rho in real), e, strict=True)) == [
        (1, 1),
        (2, 2),
        (3, 1),
        (4, 2),
        (4, 4),
    ]
    for rho in real:  # -I is central of order 2: it acts by -1 exactly on the faithful ones
        m = rho.exact(minus_identity)
        sign = -1 if rho.dim == 4 else 1
        assert m == tuple(
            tuple(Cyclotomic(sign if i == j else 0) for j in range(rho.dim))
            for i in range(rho.dim)
        )


@pytest.mark.parametrize(
    "gens",
    [
        pytest.param([(1, 2, 3, 4, 0), (0, 2, 4, 1, 3)], id="F20"),  # x -> x+1, x -> 2x mod 5
        pytest.param([(1, 2, 3, 4, 5, 6, 0), (0, 2, 4, 6, 1, 3, 5)], id="F21"),  # x -> 2x mod 7
        pytest.param([(1, 2, 0, 3, 4, 5, 6), (0, 1, 2, 4, 5, 6, 3)], id="C3xC4"),
    ],
)
def test_groups_by_generators(gens: list[tuple[int, ...]]) -> None:
    G = grouprep.permutation_group(gens)
    check_real_irreps(G, real_irreps(G))


@pytest.mark.parametrize(
    "G",
    [
        pytest.param(
            grouprep.direct_product(grouprep.dihedral(5), grouprep.cyclic(3)), id="D5xZ3"
        ),
        pytest.param(grouprep.direct_product(grouprep.cyclic(4), grouprep.cyclic(2)), id="Z4xZ2"),
        pytest.param(
            grouprep.direct_product(grouprep.dihedral(5), grouprep.dihedral(3)), id="D5xD3"
        ),
        pytest.param(
            grouprep.direct_product(grouprep.alternating(4), grouprep.cyclic(2)), id="A4xZ2"
        ),
        pytest.param(grouprep.alternating(4).subgroup([(1, 0, 3, 2), (2, 3, 0, 1)]), id="V4"),
    ],
)
def test_products_and_subgroups(G: Any) -> None:
    check_real_irreps(G, real_irreps(G))


def test_psl27_rows_of_real_type_without_real_matrices() -> None:
    # GAP's PSL(2,7) on 8 points: its irreps of degree 6 and 8 are not real as built
    record = records()["PSL(2,7)"]
    G = build(record)
    real = real_irreps(G)
    table = character_table(G)
    assert table.degrees == (1, 3, 3, 6, 7, 8)
    assert table.indicators == (1, 0, 0, 1, 1, 1)  # the ATLAS: only the 3s are not real
    assert not all_entries_real(irreps(G)[3]) and not all_entries_real(irreps(G)[5])
    assert [rho.dim for rho in real] == [1, 6, 6, 7, 8]
    for rho in real:
        assert all_entries_real(rho)
        assert grouprep.check_homomorphism(rho).holds
    assert real[1].character_values() == tuple(  # the realified pair 3 + 3bar
        a + b for a, b in zip(table.characters[1], table.characters[2], strict=True)
    )
    assert [rho.character_values() for rho in real[2:]] == list(table.characters[3:])


# ------------------------------------------------------------------ the cyclic and dihedral forms
@pytest.mark.parametrize("n", [2, 5, 6, 8])
def test_cyclic_closed_forms_unchanged(n: int) -> None:
    real = real_irreps(grouprep.cyclic(n))
    names = (
        ["trivial"]
        + (["sign"] if n % 2 == 0 else [])
        + [f"rotation_{k}" for k in range(1, (n - 1) // 2 + 1)]
    )
    assert [rho.name for rho in real] == names
    for rho in real:
        if rho.name.startswith("rotation_"):
            k = int(rho.name.split("_")[1])
            for g in range(n):
                t = 2 * math.pi * k * g / n
                np.testing.assert_allclose(
                    rho.numeric(g),
                    [[math.cos(t), -math.sin(t)], [math.sin(t), math.cos(t)]],
                    atol=1e-12,
                )
    # a subgroup that is all of cyclic(n) gets the same closed forms
    assert real_irreps(grouprep.cyclic(n).subgroup([1])) == real


@pytest.mark.parametrize("n", [3, 4, 6])
def test_dihedral_closed_forms_unchanged(n: int) -> None:
    D = grouprep.dihedral(n)
    real = real_irreps(D)
    linear = 4 if n % 2 == 0 else 2
    assert [rho.name for rho in real[linear:]] == [
        f"rho_{j} (real)" for j in range(1, (n - 1) // 2 + 1)
    ]
    for rho in real[linear:]:
        j = int(rho.name.split("_")[1].split()[0])
        for r in range(n):
            for s in range(2):
                t = 2 * math.pi * j * r / n
                rot = np.array([[math.cos(t), -math.sin(t)], [math.sin(t), math.cos(t)]])
                np.testing.assert_allclose(
                    rho.numeric((r, s)),
                    rot @ np.linalg.matrix_power(np.diag([1.0, -1.0]), s),
                    atol=1e-12,
                )


def test_dihedral_group_by_generators_gets_real_rotations() -> None:
    hexagon = grouprep.permutation_group([(1, 2, 3, 4, 5, 0), (0, 5, 4, 3, 2, 1)])  # D_6
    real = real_irreps(hexagon)
    assert [rho.dim for rho in real] == [1, 1, 1, 1, 2, 2]
    check_real_irreps(hexagon, real)


# ------------------------------------------------------------------ orthogonal float forms
@pytest.mark.parametrize(
    "G",
    [
        pytest.param(grouprep.alternating(4), id="A4"),
        pytest.param(grouprep.permutation_group(QUATERNION), id="Q8"),
        pytest.param(
            grouprep.permutation_group([(1, 2, 3, 4, 5, 6, 0), (0, 2, 4, 6, 1, 3, 5)]), id="F21"
        ),
        pytest.param(grouprep.alternating(5), id="A5"),
    ],
)
def test_unitary_matrices_of_real_irreps_are_real_orthogonal(G: Any) -> None:
    elements = G.elements()
    for rho in real_irreps(G):
        U = unitary_matrices(rho)
        assert U.dtype == np.float64
        d = rho.dim
        scale = 100 * d * EPS * max(1.0, float(np.abs(U).max()))
        for i in range(G.order):
            assert np.abs(U[i] @ U[i].T - np.eye(d)).max() <= scale
        for i, a in enumerate(elements[:12]):
            for j, b in enumerate(elements):
                k = G.index(G.compose(a, b))
                assert np.abs(U[k] - U[i] @ U[j]).max() <= scale
        traces = np.array([float(rho.character(g)) for g in elements])
        np.testing.assert_allclose(np.trace(U, axis1=1, axis2=2), traces, atol=scale * d)


# ------------------------------------------------------------------ the intertwiner and refusals
def test_real_form_by_intertwiner() -> None:
    from grouprep.reps._real_general import real_form_by_intertwiner

    G = build(records()["PSL(2,7)"])
    table = character_table(G)
    cases = [(grouprep.dihedral(5), 2), (grouprep.dihedral(7), 4), (G, 3), (G, 5)]
    for H, row in cases:
        rho = irreps(H)[row]
        assert not all_entries_real(rho)
        chi = character_table(H).characters[row]
        form = real_form_by_intertwiner(rho, chi, "form")
        assert form is not None
        assert all_entries_real(form)
        assert grouprep.check_homomorphism(form).holds
        assert form.character_values() == chi
    assert table.characters[3][0] == 6  # the one where S conj(S) = c I with c irrational


def test_refusal_names_the_group_and_the_row(monkeypatch: pytest.MonkeyPatch) -> None:
    # PSL(2,11)'s two characters of degree 10 need an A_5 from the subgroup search: without
    # it, no real induced representation contains them once, and c has no cyclotomic root
    import grouprep.reps._real_general as module

    monkeypatch.setattr(module, "_two_generated", lambda rc: [])
    G = build(records()["PSL(2,11)"])
    with pytest.raises(grouprep.GroupRepValueError, match=r"row 3 \(degree 10, indicator 1\)"):
        real_irreps(G)


def test_real_form_of_a_row_without_one_is_refused() -> None:
    from grouprep.reps._real_general import real_form

    with pytest.raises(grouprep.GroupRepValueError, match="indicator 0"):
        real_form(grouprep.alternating(4), 1)
