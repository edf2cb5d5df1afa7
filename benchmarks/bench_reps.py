"""Representations: exact DFT unitarity, character tables, cyclotomic arithmetic.

Three comparisons, each side given the same input:

* ``DFT unitarity (sympy)``: build the Fourier matrix F of size N, form F F^* and decide
  whether it equals N I. grouprep uses ``fourier_matrix(N)``, exact conjugates and
  ``mat_mul``; sympy builds ``Matrix`` entries ``exp(-2 pi I j k / N)``, multiplies by
  ``F.H`` and runs ``sympy.simplify`` on every entry. sympy's simplify does not always
  prove the identity: the case name says whether it does, and the check verifies that
  claim instead of failing. ``DFT unitarity (NumPy float64)`` compares the exact proof
  with a numeric check in float64 (``np.allclose``), which proves nothing.
* ``character table (NumPy degrees)``: ``grouprep.reps.character_table`` against the
  numeric Burnside method in plain NumPy (below), started from permutation generators of
  the same group: enumerate the group, find the classes, count the class multiplication
  coefficients, take the eigenvectors of a random combination of the class matrices with
  ``numpy.linalg.eig`` (the central characters) and read the degrees off
  :math:`\\sum_i \\omega_i \\omega_{i^*} / |C_i| = |G| / \\chi(1)^2`. Only the multiset of
  degrees is compared; it must also equal the published one.
* ``cyclotomic product / sum / equality``: random elements of Q(zeta_60), each a sum of
  four terms c zeta^k. grouprep's ``Cyclotomic`` against sympy's exact algebraic field
  ``QQ.algebraic_field(exp(2 pi I / 60))`` on 10^4 pairs, and against sympy expressions
  (sums of ``exp(2 pi I k / 60)``, products by ``sympy.expand``, equality decided by
  rewriting in radicals) on 100 pairs. Equality compares each product with its value in
  reduced form, computed independently here by integer arithmetic modulo Phi_60.
* ``character table (recognised vs general)``: a permutation group that is cyclic or
  dihedral (the n-cycle; the rotation and reflection of the n-gon) is recognised by an
  isomorphism onto ``cyclic(n)`` or ``dihedral(n)`` and gets that closed-form table on its
  own classes, against the general algorithm (Dixon-Schneider) on the same group.
* ``Frobenius-Schur indicators (explicit irreps)``: the indicators of all irreps of S_n,
  from the character table with the squaring power map (``CharacterTable.indicators``)
  against the sum of traces of the exact matrices of Young's seminormal form over the
  squared class representatives. Both must give 1 for every irrep (all irreps of S_n
  are real).
* ``Clebsch-Gordan (exact loops)``: ``grouprep.reps.clebsch_gordan`` of two irreps (A_5's
  3 x 3 and S_4's standard 3 x 3) against the textbook construction in plain loops over
  exact numbers: the projections :math:`P_{a1} = \\frac{d}{|G|}\\sum_g \\pi(g^{-1})_{1a}
  V(g)` summed entry by entry, the first independent columns of :math:`P_{11}` by exact
  elimination. Both must give the same multiplicities and the same exact change of basis,
  and the constituents' degrees must be the published rule. Warm: the group, its irreps
  and their matrices on all elements are built once.
* ``exact inverse (exact Gauss-Jordan)``: ``grouprep.reps._linalg.exact_inverse`` of a random
  n x n matrix over Q(zeta_8) (coordinates in [-5, 5]) by the multimodular route (images
  modulo primes p = 1 mod 8 under all embeddings, CRT, rational reconstruction, exact check
  m m^{-1} = I), against plain exact Gauss-Jordan elimination on the same matrix
  (``grouprep.reps._general._solve`` with the identity as right-hand side). Both inverses
  must be equal.

Checks run outside the timed region. sympy caches the results of its expression
operations, and the timed runs repeat the same expressions, so every baseline call that
works on sympy expressions starts with ``sympy.core.cache.clear_cache()``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import sympy
from sympy.core.cache import clear_cache

import grouprep
from benchmarks import bench_product_tables
from benchmarks._groups import PSL_2_7, Perm
from benchmarks._harness import BenchmarkMismatch, Case
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.reps import character_table, fourier_matrix
from grouprep.reps._representation import ExactMatrix, mat_mul

SEED = 2024

Rows = npt.NDArray[np.uint8]
Keys = npt.NDArray[np.void]
Indices = npt.NDArray[np.intp]
Entry = int | complex
"""A matrix entry as compared: an int when it is one up to 1e-9, else the complex value."""


class Close:
    """A numeric answer, equal to another when the complex arrays agree to 1e-9."""

    __slots__ = ("array",)

    def __init__(self, values: Iterable[complex]) -> None:
        self.array = np.array(list(values), dtype=np.complex128)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Close)
            and self.array.shape == other.array.shape
            and bool(np.allclose(self.array, other.array, rtol=1e-9, atol=1e-9))
        )

    def __repr__(self) -> str:
        body = np.array2string(self.array, threshold=6, edgeitems=2, precision=6)
        return f"{len(self.array)} complex values: {body}"


def power_of_ten(count: int) -> str:
    """``'10^4'`` for 10,000; small or other counts as they are."""
    exponent = len(str(count)) - 1
    return f"10^{exponent}" if count == 10**exponent and exponent >= 3 else f"{count:,}"


# ------------------------------------------------------------------ DFT unitarity
def grouprep_dft(n: int) -> tuple[bool, ExactMatrix]:
    """F F^* for F = ``fourier_matrix(n)``, and whether it equals n I exactly."""
    F = fourier_matrix(n)
    F_star = tuple(tuple(F[k][j].conjugate() for k in range(n)) for j in range(n))
    product = mat_mul(F, F_star)
    target = tuple(tuple(Cyclotomic(n if i == j else 0) for j in range(n)) for i in range(n))
    return product == target, product


def sympy_dft(n: int) -> tuple[int, Any]:
    """F F^H with sympy, every entry simplified; the number of entries shown equal to n I."""
    clear_cache()
    F = sympy.Matrix(n, n, lambda j, k: sympy.exp(-2 * sympy.pi * sympy.I * j * k / n))
    simplified = (F * F.H).applyfunc(sympy.simplify)
    proven = sum(simplified[i, j] == (n if i == j else 0) for i in range(n) for j in range(n))
    return proven, simplified


def numpy_dft(n: int) -> bool:
    """Whether F F^H is close to n I in float64 (a numeric check, not a proof)."""
    k = np.arange(n)
    F = np.exp(-2j * np.pi * np.outer(k, k) / n)
    return bool(np.allclose(F @ F.conj().T, n * np.eye(n)))


def rounded(z: complex) -> Entry:
    r = round(z.real)
    return r if abs(z - r) < 1e-9 else z


def scaled_identity(n: int) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(n if i == j else 0 for j in range(n)) for i in range(n))


def proven_by_grouprep(label: str, n: int) -> Callable[[tuple[bool, ExactMatrix]], bool]:
    def answer(result: tuple[bool, ExactMatrix]) -> bool:
        if not result[0]:
            raise BenchmarkMismatch(f"{label}: grouprep's exact F F^* is not {n} I")
        return True

    return answer


def sympy_dft_case(n: int, sympy_proves: bool) -> Case:
    """grouprep against sympy's simplify; ``sympy_proves`` is the claim of the case name,
    verified by the check (a wrong claim raises, sympy failing to prove does not)."""
    verdict = "proves it" if sympy_proves else "fails"
    label = f"DFT unitarity (sympy): N={n}"
    proven = proven_by_grouprep(label, n)

    def ours(result: tuple[bool, ExactMatrix]) -> tuple[tuple[Entry, ...], ...]:
        proven(result)
        return tuple(tuple(rounded(complex(v)) for v in row) for row in result[1])

    def theirs(result: tuple[int, Any]) -> tuple[tuple[Entry, ...], ...]:
        count, simplified = result
        if (count == n * n) != sympy_proves:
            raise BenchmarkMismatch(
                f"{label}: sympy's simplify shows {count} of {n * n} entries equal to "
                f"{n} I, but the case name says it {verdict}: update the claim"
            )
        return tuple(
            tuple(rounded(complex(sympy.N(simplified[i, j]))) for j in range(n)) for i in range(n)
        )

    return Case(
        operation="DFT unitarity (sympy)",
        case=f"N={n}, sympy simplify {verdict}",
        caches="cold",
        grouprep=lambda: grouprep_dft(n),
        baseline=lambda: sympy_dft(n),
        grouprep_answer=ours,
        baseline_answer=theirs,
        expected=scaled_identity(n),
    )


def numpy_dft_case(n: int) -> Case:
    return Case(
        operation="DFT unitarity (NumPy float64)",
        case=f"N={n}, numeric baseline, no proof",
        caches="cold",
        grouprep=lambda: grouprep_dft(n),
        baseline=lambda: numpy_dft(n),
        grouprep_answer=proven_by_grouprep(f"DFT unitarity (NumPy float64): N={n}", n),
        baseline_answer=bool,
        expected=True,
    )


# ---------------------------------------------- character degrees: Burnside in NumPy
def as_keys(rows: Rows) -> Keys:
    """Each row of images as one byte string: comparing keys compares rows
    lexicographically, and sorted keys can be searched with ``np.searchsorted``."""
    rows = np.ascontiguousarray(rows)
    return rows.view(np.dtype((np.void, rows.shape[1]))).ravel()


def enumerate_group(generators: Sequence[Perm]) -> Rows:
    """All elements of the group generated, sorted, by breadth-first closure (x -> g x)."""
    degree = len(generators[0])
    if degree > 256:
        raise ValueError(f"enumerate_group: degree {degree} does not fit uint8 images")
    gens = np.array(generators, dtype=np.uint8)
    frontier = np.arange(degree, dtype=np.uint8)[None, :]
    known = as_keys(frontier)
    while len(frontier):
        candidates = np.concatenate([g[frontier] for g in gens])  # rows g[x[i]]
        keys, first = np.unique(as_keys(candidates), return_index=True)
        new = ~np.isin(keys, known)
        frontier = candidates[first[new]]
        known = np.union1d(known, keys[new])
    return np.frombuffer(known.tobytes(), dtype=np.uint8).reshape(len(known), degree)


def class_labels(elements: Rows, keys: Keys, generators: Sequence[Perm]) -> Indices:
    """For every element, the least index in its conjugacy class: labels are spread along
    conjugation by each generator both ways, with pointer jumping, until they settle."""
    labels = np.arange(len(elements))
    maps = []
    for s in generators:
        s_row = np.array(s, dtype=np.uint8)
        s_inv = np.argsort(s_row)
        maps.append(np.searchsorted(keys, as_keys(s_row[elements[:, s_inv]])))  # s x s^-1
    while True:
        new = labels.copy()
        for image in maps:
            np.minimum(new, new[image], out=new)
            new[image] = np.minimum(new[image], new)
        new = new[new]
        if np.array_equal(new, labels):
            return labels
        labels = new


def numpy_character_degrees(generators: Sequence[Perm], seed: int = SEED) -> npt.NDArray[Any]:
    """The degrees of the irreducible characters, numerically, by Burnside's method.

    With the class sums K_i, K_i K_j = sum_k a[i, j, k] K_k where a[i, j, k] counts the
    pairs (x, y) in C_i x C_j with x y = z_k, z_k a fixed element of C_k. A central
    character omega satisfies omega_i omega_j = sum_k a[i, j, k] omega_k: it is a common
    eigenvector of the matrices a[i], normalized by omega(identity) = 1. The eigenvectors
    of one random combination of the a[i] (distinct eigenvalues almost surely) are all of
    them, and sum_i omega_i omega_{i*} / |C_i| = |G| / chi(1)^2 gives the degree.
    """
    elements = enumerate_group(generators)
    keys = as_keys(elements)  # sorted: element i has key keys[i]
    order = len(elements)
    labels = class_labels(elements, keys, generators)
    representatives, class_of, sizes = np.unique(labels, return_inverse=True, return_counts=True)
    r = len(representatives)  # class 0 is the identity's: its row sorts first
    inverses = np.argsort(elements, axis=1).astype(np.uint8)
    inverse_class = class_of[np.searchsorted(keys, as_keys(inverses[representatives]))]
    a = np.empty((r, r, r), dtype=np.float64)
    for k, z in enumerate(representatives):
        y = class_of[np.searchsorted(keys, as_keys(inverses[:, elements[z]]))]  # x^-1 z
        a[:, :, k] = np.bincount(class_of * r + y, minlength=r * r).reshape(r, r)
    rng = np.random.default_rng(seed)
    combination = np.tensordot(rng.standard_normal(r), a, axes=(0, 0))
    _, vectors = np.linalg.eig(combination)
    omega = vectors / vectors[0]
    total = (omega * omega[inverse_class] / sizes[:, None]).sum(axis=0).real
    return np.sort(np.sqrt(order / total))


def integer_degrees(degrees: npt.NDArray[Any]) -> tuple[int | float, ...]:
    """Degrees as ints when within 1e-6 of one (else the float, which fails the check)."""
    out: list[int | float] = []
    for d in degrees.tolist():
        n = round(d)
        out.append(n if abs(d - n) < 1e-6 else d)
    return tuple(out)


def grouprep_degrees(characters: tuple[tuple[Cyclotomic, ...], ...]) -> tuple[int, ...]:
    return tuple(sorted(int(row[0].as_fraction()) for row in characters))


# -- groups, their permutation generators and published degrees
def cycle(n: int) -> Perm:
    return tuple((i + 1) % n for i in range(n))


def reflection(n: int) -> Perm:
    return tuple(-i % n for i in range(n))


def transposition(n: int) -> Perm:
    return (1, 0, *range(2, n))


def partitions(n: int, largest: int | None = None) -> Iterable[tuple[int, ...]]:
    largest = n if largest is None else largest
    if n == 0:
        yield ()
        return
    for part in range(min(n, largest), 0, -1):
        for rest in partitions(n - part, part):
            yield (part, *rest)


def hook_length_degree(shape: tuple[int, ...]) -> int:
    """f^lambda = n! / prod of the hook lengths (Frame, Robinson and Thrall 1954)."""
    columns = [sum(1 for row in shape if row > j) for j in range(shape[0])]
    hooks = 1
    for i, row in enumerate(shape):
        for j in range(row):
            hooks *= (row - j - 1) + (columns[j] - i - 1) + 1
    return math.factorial(sum(shape)) // hooks


def symmetric_degrees(n: int) -> tuple[int, ...]:
    return tuple(sorted(hook_length_degree(shape) for shape in partitions(n)))


PSL_2_7_DEGREES = (1, 3, 3, 6, 7, 8)
"""The degrees of PSL(2,7) = GL(3,2), ATLAS of Finite Groups (1985), p. 3."""


@dataclass(frozen=True)
class TableGroup:
    """A group for the character table cases: how grouprep builds it, the same group by
    permutation generators for the baseline, and its published degrees (sorted)."""

    name: str
    build: Callable[[], grouprep.FiniteGroup[Any]]
    generators: tuple[Perm, ...]
    degrees: tuple[int, ...]


def cyclic_group(n: int) -> TableGroup:
    return TableGroup(f"C_{n}", lambda: grouprep.cyclic(n), (cycle(n),), (1,) * n)


def dihedral_group(n: int) -> TableGroup:
    """grouprep's D_n, of order 2n; the baseline gets it on the n vertices of the n-gon."""
    linear, planar = (4, n // 2 - 1) if n % 2 == 0 else (2, (n - 1) // 2)
    return TableGroup(
        f"D_{n} (order {2 * n})",
        lambda: grouprep.dihedral(n),
        (cycle(n), reflection(n)),
        (1,) * linear + (2,) * planar,
    )


def symmetric_group(n: int) -> TableGroup:
    return TableGroup(
        f"S_{n}", lambda: grouprep.symmetric(n), (transposition(n), cycle(n)), symmetric_degrees(n)
    )


def symmetric_by_generators(n: int) -> TableGroup:
    generators = (transposition(n), cycle(n))
    return TableGroup(
        f"S_{n} by 2 generators",
        lambda: grouprep.permutation_group(generators),
        generators,
        symmetric_degrees(n),
    )


def psl_2_7_times_c6() -> TableGroup:
    """PSL(2,7) on the projective line over F_7 (points 0-7, 7 is infinity: x -> x + 1
    and x -> -1/x) times a 6-cycle on the points 8-13; order 168 * 6 = 1008."""
    fixed = tuple(range(8, 14))
    generators = (*(g + fixed for g in PSL_2_7.generators), (*range(8), *fixed[1:], fixed[0]))
    return TableGroup(
        "PSL(2,7) x C_6 (order 1008)",
        lambda: grouprep.permutation_group(generators),
        generators,
        tuple(sorted(PSL_2_7_DEGREES * 6)),
    )


def table_case(group: TableGroup) -> Case:
    def ours() -> tuple[tuple[Cyclotomic, ...], ...]:
        # only the values are returned: a table would keep its group alive into the next
        # timed call, whose fresh but equal group would then find grouprep's cached irreps
        return character_table(group.build()).characters

    return Case(
        operation="character table (NumPy degrees)",
        case=group.name,
        caches="cold",
        grouprep=ours,
        baseline=lambda: numpy_character_degrees(group.generators),
        grouprep_answer=grouprep_degrees,
        baseline_answer=integer_degrees,
        expected=group.degrees,
    )


# -------------------------------------------- recognised cyclic and dihedral groups
def general_rows(generators: tuple[Perm, ...]) -> tuple[tuple[Cyclotomic, ...], ...]:
    """The general algorithm (Burnside-Dixon-Schneider) on a fresh permutation group."""
    from grouprep.reps._table import _dixon_schneider

    G = grouprep.permutation_group(generators)
    return tuple(_dixon_schneider(G, G.conjugacy_classes()))


def recognised_case(group: TableGroup) -> Case:
    """``character_table`` of a permutation group that is cyclic or dihedral (recognised,
    closed-form table read on its own classes) against the general algorithm on the same
    group; the rows must agree as sets and the degrees with the published ones."""

    def ours() -> tuple[tuple[Cyclotomic, ...], ...]:
        return character_table(grouprep.permutation_group(group.generators)).characters

    def rows_and_degrees(rows: tuple[tuple[Cyclotomic, ...], ...]) -> object:
        return (sorted(map(repr, rows)), grouprep_degrees(rows))

    return Case(
        operation="character table (recognised vs general)",
        case=f"{group.name} by permutation generators",
        caches="cold",
        grouprep=ours,
        baseline=lambda: general_rows(group.generators),
        grouprep_answer=rows_and_degrees,
        baseline_answer=rows_and_degrees,
    )


# --------------------------------------------------------- Frobenius-Schur indicators
def indicators_from_table(n: int) -> list[tuple[int, int]]:
    """(degree, indicator) of every row of the table of a fresh S_n: the class sums with
    the squaring power map, no explicit matrices."""
    table = character_table(grouprep.symmetric(n))
    return list(zip(table.degrees, table.indicators, strict=True))


def indicators_from_irreps(n: int) -> list[tuple[int, int]]:
    """(degree, indicator) of the explicit irreps of a fresh S_n (Young's seminormal
    form): :math:`\\frac{1}{|G|}\\sum_C |C| \\operatorname{tr} \\rho(g_C^2)`, the trace of
    the exact matrix of each squared class representative."""
    G = grouprep.symmetric(n)
    out = []
    for rho in grouprep.irreps(G):
        total = Cyclotomic(0)
        for c in G.conjugacy_classes():
            g = c.representative
            total = total + c.size * rho.character(G.compose(g, g))
        out.append((rho.dim, int((total * Cyclotomic(Fraction(1, G.order))).as_fraction())))
    return out


def indicator_case(n: int) -> Case:
    """Every irrep of S_n is of real type (they are realized over Q, by Young's
    orthogonal form): the expected answer is indicator 1 for each hook-length degree."""
    return Case(
        operation="Frobenius-Schur indicators (explicit irreps)",
        case=f"all irreps of S_{n}",
        caches="cold",
        grouprep=lambda: indicators_from_table(n),
        baseline=lambda: indicators_from_irreps(n),
        grouprep_answer=sorted,
        baseline_answer=sorted,
        expected=sorted((d, 1) for d in symmetric_degrees(n)),
    )


# ------------------------------------------------------------ Clebsch-Gordan
CGAnswer = tuple[tuple[int, ...], ExactMatrix]
"""The multiplicities (one per irrep) and the change of basis C."""


def loop_clebsch_gordan(rho: Any, sigma: Any) -> CGAnswer:
    """The textbook construction in plain loops over exact numbers: V(g) as Kronecker
    products, :math:`P_{a1} = \\frac{d}{|G|}\\sum_g \\pi(g^{-1})_{1a} V(g)` summed entry
    by entry, the first independent columns :math:`e_j` of :math:`P_{11}` (exact
    elimination) and the copies :math:`P_{a1} e_j`, irrep by irrep."""
    G = rho.group
    elements = G.elements()
    n = rho.dim * sigma.dim
    zero = Cyclotomic(0)
    V = {}
    for g in elements:
        a, b = rho.exact(g), sigma.exact(g)
        V[g] = [[x * y for x in ra for y in rb] for ra in a for rb in b]
    multiplicities: list[int] = []
    columns: list[list[Cyclotomic]] = []
    for pi in grouprep.irreps(G):
        d = pi.dim
        scale = Cyclotomic(Fraction(d, G.order))

        def projector(a: int, pi: Any = pi, scale: Cyclotomic = scale) -> list[list[Any]]:
            acc = [[zero] * n for _ in range(n)]
            for g in elements:
                c = pi.exact(G.inverse(g))[0][a]
                if c:
                    m = V[g]
                    for i in range(n):
                        for j in range(n):
                            if m[i][j]:
                                acc[i][j] = acc[i][j] + c * m[i][j]
            return [[v * scale for v in row] for row in acc]

        p11 = projector(0)
        chosen: list[int] = []
        reduced: list[tuple[int, list[Cyclotomic]]] = []
        for j in range(n):
            v = [p11[i][j] for i in range(n)]
            for at, w in reduced:
                if v[at]:
                    f = v[at] / w[at]
                    v = [x - f * y for x, y in zip(v, w, strict=True)]
            lead = next((i for i, x in enumerate(v) if x), None)
            if lead is not None:
                reduced.append((lead, v))
                chosen.append(j)
        multiplicities.append(len(chosen))
        if not chosen:
            continue
        ps = [p11] + [projector(a) for a in range(1, d)]
        for j in chosen:
            for pa in ps:
                columns.append([pa[i][j] for i in range(n)])
    matrix = tuple(tuple(columns[j][i] for j in range(n)) for i in range(n))
    return tuple(multiplicities), matrix


def clebsch_gordan_case(
    name: str, build: Callable[[], Any], pair: tuple[int, int], rule: str
) -> Case:
    """``clebsch_gordan`` of two irreps against the plain loops, on one group built once
    (warm: the irreps and their matrices on all elements are cached by the warm-up call).
    Both must give the same multiplicities and the same exact C, and the constituents'
    degrees must be the published rule."""
    label = f"Clebsch-Gordan (exact loops): {name}"

    @functools.cache
    def factors() -> tuple[Any, Any, tuple[Any, ...]]:
        reps = grouprep.irreps(build())
        return reps[pair[0]], reps[pair[1]], reps

    def ours() -> CGAnswer:
        rho, sigma, _ = factors()
        cg = grouprep.reps.clebsch_gordan(rho, sigma)
        return cg.multiplicities, cg.matrix

    def theirs() -> CGAnswer:
        rho, sigma, _ = factors()
        return loop_clebsch_gordan(rho, sigma)

    def checked(result: CGAnswer) -> CGAnswer:
        multiplicities, _ = result
        degrees = [
            pi.dim for pi, m in zip(factors()[2], multiplicities, strict=True) for _ in range(m)
        ]
        found = " + ".join(map(str, degrees))
        if found != rule:
            raise BenchmarkMismatch(f"{label}: constituents {found}, published {rule}")
        return result

    return Case(
        operation="Clebsch-Gordan (exact loops)",
        case=f"{name} = {rule}",
        caches="warm",
        grouprep=ours,
        baseline=theirs,
        grouprep_answer=checked,
        baseline_answer=checked,
    )


def clebsch_gordan_cases() -> list[Case]:
    """A_5 (the icosahedral 3 x 3, Ishimori et al. 2010) and S_4 (the standard 3 x 3,
    Fulton and Harris 1991, section 2.3)."""
    return [
        clebsch_gordan_case("A_5 3 x 3", lambda: grouprep.alternating(5), (1, 1), "1 + 3 + 5"),
        clebsch_gordan_case("S_4 3 x 3", lambda: grouprep.symmetric(4), (3, 3), "1 + 2 + 3 + 3"),
    ]


# ------------------------------------------------------------- cyclotomic arithmetic
FIELD = 60
TERMS = 4

Terms = tuple[tuple[int, int], ...]
"""A number of Q(zeta_60) as (exponent, coefficient) pairs: sum of c zeta_60^k."""


@functools.cache
def random_pairs(count: int) -> tuple[tuple[Terms, Terms], ...]:
    """``count`` pairs of random numbers, each four terms c zeta^k with c in +-{1, 2, 3}."""
    rng = np.random.default_rng([SEED, count])
    exponents = rng.integers(0, FIELD, size=(count, 2, TERMS)).tolist()
    coefficients = (
        rng.integers(1, 4, size=(count, 2, TERMS)) * rng.choice([-1, 1], size=(count, 2, TERMS))
    ).tolist()
    pairs = []
    for ks, cs in zip(exponents, coefficients, strict=True):
        a, b = (tuple(zip(k, c, strict=True)) for k, c in zip(ks, cs, strict=True))
        pairs.append((a, b))
    return tuple(pairs)


@functools.cache
def cyclotomic_polynomial() -> tuple[int, ...]:
    """Phi_60, lowest degree first (sympy's ``cyclotomic_poly``)."""
    x = sympy.Symbol("x")
    coefficients = sympy.Poly(sympy.cyclotomic_poly(FIELD, x), x).all_coeffs()
    return tuple(int(c) for c in reversed(coefficients))


def reduced(power_sums: Iterable[tuple[int, int]]) -> tuple[int, ...]:
    """Coordinates on 1, zeta, ..., zeta^15 of sum c zeta^k: zeta^60 = 1, then long
    division by the monic Phi_60 (integer arithmetic)."""
    poly = [0] * FIELD
    for k, c in power_sums:
        poly[k % FIELD] += c
    phi = cyclotomic_polynomial()
    degree = len(phi) - 1
    for top in range(FIELD - 1, degree - 1, -1):
        lead = poly[top]
        if lead:
            for j, p in enumerate(phi):
                poly[top - degree + j] -= lead * p
    return tuple(poly[:degree])


def reference_product(a: Terms, b: Terms) -> tuple[int, ...]:
    return reduced((j + k, c * d) for j, c in a for k, d in b)


def reference_sum(a: Terms, b: Terms) -> tuple[int, ...]:
    return reduced((*a, *b))


def from_coordinates(coordinates: Sequence[int]) -> Terms:
    return tuple((j, c) for j, c in enumerate(coordinates) if c)


@functools.cache
def grouprep_term(k: int, c: int) -> Cyclotomic:
    return c * root_of_unity(FIELD, k)


def as_grouprep(terms: Terms) -> Cyclotomic:
    total = Cyclotomic(0)
    for k, c in terms:
        total = total + grouprep_term(k, c)
    return total


def as_expression(terms: Terms) -> Any:
    return sympy.Add(
        *(c * sympy.exp(2 * sympy.pi * sympy.I * sympy.Rational(k, FIELD)) for k, c in terms)
    )


@functools.cache
def algebraic_field() -> tuple[Any, Any]:
    """sympy's Q(zeta_60) as ``QQ.algebraic_field`` and its generator zeta_60."""
    field = sympy.QQ.algebraic_field(sympy.exp(2 * sympy.pi * sympy.I / FIELD))
    zeta = field.from_sympy(sympy.exp(2 * sympy.pi * sympy.I / FIELD))
    modulus = tuple(int(c) for c in reversed(field.mod.to_list()))
    if modulus != cyclotomic_polynomial() or [int(c) for c in zeta.to_list()] != [1, 0]:
        raise BenchmarkMismatch("sympy's Q(zeta_60) is not Q[x] / Phi_60 with x = zeta_60")
    return field, zeta


def as_field_element(terms: Terms) -> Any:
    """The element with the reduced coordinates of the terms (highest power first)."""
    field, _ = algebraic_field()
    return field([sympy.QQ(c) for c in reversed(reduced(terms))])


Library = Literal["grouprep", "field", "expr"]
"""grouprep's ``Cyclotomic``, sympy's algebraic field, or sympy expressions."""

CONVERT: dict[Library, Callable[[Terms], Any]] = {
    "grouprep": as_grouprep,
    "field": as_field_element,
    "expr": as_expression,
}


@functools.cache
def operands(library: Library, count: int) -> tuple[tuple[Any, Any], ...]:
    """The random pairs in one library's type (built once, on the first call)."""
    convert = CONVERT[library]
    return tuple((convert(a), convert(b)) for a, b in random_pairs(count))


@functools.cache
def references(library: Library, count: int) -> tuple[Any, ...]:
    """The products of the pairs in reduced form, in one library's type."""
    convert = CONVERT[library]
    return tuple(
        convert(from_coordinates(reference_product(a, b))) for a, b in random_pairs(count)
    )


def multiply(library: Library, a: Any, b: Any) -> Any:
    """A product as the library computes it; sympy expressions are expanded."""
    return sympy.expand(a * b) if library == "expr" else a * b


def add(library: Library, a: Any, b: Any) -> Any:
    return a + b


@functools.cache
def products(library: Library, count: int) -> tuple[Any, ...]:
    """The products of the pairs, computed by the library (built once)."""
    return tuple(multiply(library, a, b) for a, b in operands(library, count))


def expression_is_zero(expression: Any) -> bool:
    """Whether sympy shows an expression in roots of unity to be 0: cos and sin of
    multiples of pi/30 rewritten in radicals, then expanded (sound, not complete)."""
    radicals = sympy.expand_complex(expression).rewrite(sympy.sqrt)
    return bool(sympy.expand(radicals) == 0)


def is_equal(library: Library, a: Any, b: Any) -> bool:
    """An equality decided by the library (by radicals for sympy expressions)."""
    return expression_is_zero(a - b) if library == "expr" else bool(a == b)


def field_coordinates(element: Any) -> tuple[Fraction, ...]:
    """Coordinates of an element of sympy's Q(zeta_60) on 1, zeta, ..., zeta^15."""
    low_first = [Fraction(int(c.numerator), int(c.denominator)) for c in element.to_list()[::-1]]
    return tuple(low_first + [Fraction(0)] * (len(cyclotomic_polynomial()) - 1 - len(low_first)))


def grouprep_coordinates(value: Cyclotomic) -> tuple[Fraction, ...]:
    return value.coefficients(FIELD)


def coordinates_answer(
    coordinates: Callable[[Any], tuple[Fraction, ...]],
) -> Callable[[Sequence[Any]], tuple[tuple[Fraction, ...], ...]]:
    return lambda values: tuple(coordinates(v) for v in values)


def numeric_answer(to_complex: Callable[[Any], complex]) -> Callable[[Sequence[Any]], Close]:
    return lambda values: Close(to_complex(v) for v in values)


def sympy_complex(expression: Any) -> complex:
    return complex(sympy.N(expression))


BASELINE_NAMES: dict[Library, str] = {"field": "sympy field", "expr": "sympy exp"}


def batch(library: Library, count: int, operation: Callable[[Library, Any, Any], Any]) -> Any:
    """A zero-argument call applying ``operation`` to every pair of one library; calls
    on sympy expressions start from an empty sympy cache."""

    def run() -> list[Any]:
        if library == "expr":
            clear_cache()
        return [operation(library, a, b) for a, b in operands(library, count)]

    return run


def arithmetic_case(operation: Literal["product", "sum"], baseline: Library, count: int) -> Case:
    """``a * b`` or ``a + b`` on every pair. Against the field both answers are exact
    coordinates and must equal the reference; against expressions they are compared as
    complex numbers."""
    combine = multiply if operation == "product" else add
    answers: tuple[Callable[[Any], object], Callable[[Any], object]]
    if baseline == "field":
        reference = reference_product if operation == "product" else reference_sum
        answers = (coordinates_answer(grouprep_coordinates), coordinates_answer(field_coordinates))
        expected: object = tuple(
            tuple(Fraction(c) for c in reference(a, b)) for a, b in random_pairs(count)
        )
    else:
        answers = (numeric_answer(complex), numeric_answer(sympy_complex))
        expected = None
    return Case(
        operation=f"cyclotomic {operation} ({BASELINE_NAMES[baseline]})",
        case=f"Q(zeta_{FIELD}), {power_of_ten(count)} pairs",
        caches="cold",
        grouprep=batch("grouprep", count, combine),
        baseline=batch(baseline, count, combine),
        grouprep_answer=answers[0],
        baseline_answer=answers[1],
        expected=expected,
    )


def equality_case(baseline: Library, count: int) -> Case:
    """Each product (as the library computed it) against its reduced form."""

    def compare(library: Library) -> Callable[[], list[bool]]:
        def run() -> list[bool]:
            if library == "expr":
                clear_cache()
            pairs = zip(products(library, count), references(library, count), strict=True)
            return [is_equal(library, p, r) for p, r in pairs]

        return run

    return Case(
        operation=f"cyclotomic equality ({BASELINE_NAMES[baseline]})",
        case=f"Q(zeta_{FIELD}), {power_of_ten(count)} pairs",
        caches="cold",
        grouprep=compare("grouprep"),
        baseline=compare(baseline),
        grouprep_answer=tuple,
        baseline_answer=tuple,
        expected=(True,) * count,
    )


def cyclotomic_cases(baseline: Library, count: int) -> list[Case]:
    return [
        arithmetic_case("product", baseline, count),
        arithmetic_case("sum", baseline, count),
        equality_case(baseline, count),
    ]


# ------------------------------------------------------------- exact inverse
def random_cyclotomic_matrix(n: int, N: int = 8) -> list[list[Cyclotomic]]:
    import random

    rng = random.Random(SEED + n)
    z = root_of_unity(N)
    return [
        [sum((rng.randint(-5, 5) * z**k for k in range(N // 2)), Cyclotomic(0)) for _ in range(n)]
        for _ in range(n)
    ]


def inverse_case(n: int) -> Case:
    """exact_inverse (multimodular) against exact Gauss-Jordan elimination."""
    from grouprep.reps._general import _solve
    from grouprep.reps._linalg import exact_inverse

    m = random_cyclotomic_matrix(n)
    identity = [[Cyclotomic(int(i == j)) for j in range(n)] for i in range(n)]

    def elimination() -> list[list[Cyclotomic]]:
        return _solve([list(r) for r in m], [list(r) for r in identity])

    return Case(
        operation="exact inverse (exact Gauss-Jordan)",
        case=f"random {n}x{n} over Q(zeta_8)",
        caches="cold",
        grouprep=lambda: exact_inverse(m),
        baseline=elimination,
        grouprep_answer=lambda x: tuple(tuple(r) for r in x),
        baseline_answer=lambda x: tuple(tuple(r) for r in x),
    )


# ------------------------------------------------ characters without exact matrices
def character_values_case(name: str, group: Callable[[], Any], dim: int) -> Case:
    """Characters of a general irrep: eigenvalue multiplicities read from residues modulo
    a prime (``Representation.character``) against the trace of the exact matrix from the
    exact search along words. Each call starts from a fresh representation with the same
    generator images (no cached matrices)."""
    from grouprep.reps import Representation, irreps

    G = group()
    rho = next(r for r in irreps(G) if r.dim == dim)
    images = rho._images()
    reps = [c.representative for c in G.conjugacy_classes()]

    def fresh() -> Representation:
        return Representation(G, images, check=False)

    def by_words() -> tuple[Cyclotomic, ...]:
        sigma = fresh()
        return tuple(
            functools.reduce(lambda t, i: t + m[i][i], range(dim), Cyclotomic(0))
            for m in (sigma._by_words(g) for g in reps)
        )

    return Case(
        operation="characters (exact search along words)",
        case=f"{name}, irrep of dimension {dim}",
        caches="warm",
        grouprep=lambda: fresh().character_values(),
        baseline=by_words,
        grouprep_answer=tuple,
        baseline_answer=tuple,
    )


# ------------------------------------------------------- python-flint, where installed
def flint_cases(dims: Sequence[int], embeddings: int = 4) -> list[Case]:
    """The two kernels of the modular routes against python-flint's ``nmod_mat`` (FLINT),
    on the same residues modulo one 25-bit prime: a solve A X = B for ``embeddings``
    systems at once (``_solve_batched``, int64 NumPy elimination over the stack) against
    one ``nmod_mat.solve`` per system; and a product of two d x d matrices modulo p
    (int64 ``@`` then ``%``) against ``nmod_mat`` multiplication. The conversion of the
    arrays to and from FLINT's matrices is timed with FLINT, as the routes would pay it.
    Without python-flint there are no cases (it is not a dependency of grouprep)."""
    try:
        import flint
    except ImportError:
        import sys

        print("python-flint is not installed: no flint cases", file=sys.stderr)
        return []
    from grouprep.reps._modular import _primes
    from grouprep.reps._multimodular import _solve_batched

    p = _primes(8, 1)[0]
    out = []
    for d in dims:
        rng = np.random.default_rng(SEED + d)
        A = rng.integers(0, p, size=(embeddings, d, d), dtype=np.int64)
        B = rng.integers(0, p, size=(embeddings, d, d), dtype=np.int64)

        def ours(A: Any = A, B: Any = B) -> Any:
            return _solve_batched(A, B, p)

        def theirs(A: Any = A, B: Any = B) -> Any:
            return np.array(
                [
                    np.array(
                        flint.nmod_mat(a.tolist(), p)
                        .solve(flint.nmod_mat(b.tolist(), p))
                        .tolist(),
                        dtype=np.int64,
                    )
                    for a, b in zip(A, B, strict=True)
                ]
            )

        out.append(
            Case(
                operation="solve modulo p (python-flint nmod_mat)",
                case=f"{embeddings} systems {d}x{d}, {d} right-hand sides",
                caches="warm",
                grouprep=ours,
                baseline=theirs,
                grouprep_answer=lambda x: x.tolist(),
                baseline_answer=lambda x: x.tolist(),
            )
        )
        a, b = A[0], B[0]
        out.append(
            Case(
                operation="product modulo p (python-flint nmod_mat)",
                case=f"{d}x{d}",
                caches="warm",
                grouprep=lambda a=a, b=b: (a @ b) % p,
                baseline=lambda a=a, b=b: np.array(
                    (flint.nmod_mat(a.tolist(), p) * flint.nmod_mat(b.tolist(), p)).tolist(),
                    dtype=np.int64,
                ),
                grouprep_answer=lambda x: x.tolist(),
                baseline_answer=lambda x: x.tolist(),
                number=20,
            )
        )
    return out


# -------------------------------------------------------------------- cases
def cases(quick: bool) -> list[Case]:
    """The cases of this entry; ``quick`` keeps the small ones."""
    if quick:
        return [
            sympy_dft_case(8, sympy_proves=True),
            numpy_dft_case(16),
            table_case(cyclic_group(128)),
            table_case(dihedral_group(64)),
            table_case(symmetric_group(6)),
            table_case(symmetric_by_generators(6)),
            indicator_case(5),
            recognised_case(cyclic_group(32)),
            *clebsch_gordan_cases(),
            *cyclotomic_cases("field", 200),
            *cyclotomic_cases("expr", 10),
            *bench_product_tables.cases(quick),
            inverse_case(12),
            character_values_case("A_5", lambda: grouprep.alternating(5), 5),
            *flint_cases([16]),
        ]
    return [
        sympy_dft_case(8, sympy_proves=True),
        sympy_dft_case(12, sympy_proves=False),
        numpy_dft_case(64),
        table_case(cyclic_group(128)),
        table_case(dihedral_group(64)),
        table_case(symmetric_group(6)),
        table_case(symmetric_group(7)),
        table_case(symmetric_group(8)),
        table_case(psl_2_7_times_c6()),
        table_case(symmetric_by_generators(6)),
        indicator_case(6),
        recognised_case(cyclic_group(64)),
        recognised_case(dihedral_group(32)),
        *clebsch_gordan_cases(),
        *cyclotomic_cases("field", 10**4),
        *cyclotomic_cases("expr", 100),
        *bench_product_tables.cases(quick),
        inverse_case(30),
        character_values_case("A_7", lambda: grouprep.alternating(7), 10),
        character_values_case(
            "PSL(2,7)", lambda: grouprep.permutation_group(PSL_2_7.generators), 8
        ),
        *flint_cases([16, 55, 120]),
    ]
