"""Featurizers: compiled invariants against the NumPy and sympy code a user would write.

Seven comparisons, each side given the same input (seeded; built once, by the first call
that needs it); every featurizer is fitted once, by the warm-up call, so the timed calls
measure ``transform`` only:

* ``features: power spectrum (NumPy rfft)``: ``PowerSpectrum().transform(X)`` against
  ``np.abs(np.fft.rfft(X, axis=1)) ** 2``, the same numbers up to rounding.
* ``features: selective bispectrum (NumPy gather)``: ``Bispectrum().transform(X)``
  against ``F[:, k1] * F[:, k2] * np.conj(F[:, k1 + k2])`` for the selective pairs, split
  into real and imaginary parts: the same features.
* ``features: selective bispectrum (NumPy full)``: the same featurizer against the full
  bispectrum by broadcasting, ``F[:, :, None] * F[:, None, :] * np.conj(F[:, (k1 + k2) %
  n])``, the code a user would write without knowing which pairs suffice. The answers
  differ in content, so the selective features are picked out of the full result outside
  the timed region and compared.
* ``features: full bispectrum (NumPy broadcast)``: ``Bispectrum(selective=False)``, all
  pairs k1 <= k2, against the same broadcasting, compared on those pairs. After the check
  the entry measures, with :mod:`tracemalloc`, the peak memory of one more call of each
  side divided by the size of its own output, and prints both to stderr: the featurizer
  fills its output in chunks of rows, the broadcasting builds n x n complex arrays.
* ``features: invariant polynomials (sympy lambdify)``: ``InvariantPolynomials(degree=3)``
  of the shift of 32 coordinates (205 orbit sums of degrees 1 to 3) against
  ``sympy.lambdify`` of the same polynomials (``polynomials_``), called on the columns of
  the batch and stacked. Building the lambdified function, like fitting, is not timed.
  These are shift invariant, so grouprep evaluates them as cyclic correlations.
* ``features: invariant polynomials, no shift (sympy lambdify)``: the same for the
  reversal ``x_i -> x_{-i}`` of 32 coordinates alone (290 orbit sums of degrees 1 and 2),
  polynomials that grouprep evaluates on its general gather-multiply-sum path.
* ``features: canonical form (least_rotation)``: ``CanonicalForm().transform(B)`` on
  binary uint8 strings against ``grouprep.least_rotation(B).canonical``: the cost of the
  featurizer's validation and dispatch around the same kernel.

* ``features: D4 group convolution (NumPy rot90 + FFT)``: ``GroupConvolution`` of the
  wallpaper group p4m (translations, quarter turns and mirrors of periodic 32 x 32
  images, ``p4m_action(32)``, 8192 elements) with 8 filters on 10^3 images, against the
  plain NumPy layer: the 8 filters turned and mirrored with ``np.rot90`` / ``np.flip``
  (64 filters), correlated with the images by ``rfft2``. The baseline's output
  (filter, rotation and mirror, translation) is put in the group's element order outside
  the timed region and compared.
* ``features: selective G-bispectrum D_16 (NumPy einsum)``: ``Bispectrum(dihedral(16))``
  on 10^5 regular signals (32 values) against the same blocks written with ``np.einsum``:
  the Fourier matrices F(rho) = sum_g f(g) rho(g)^-1, then (F(rho_i) (x) F(rho_j)) C
  F(rho_k)^T for the
  selective pairs; the irreps and Clebsch-Gordan matrices are the featurizer's (fitted,
  not timed). The speed goal is a ratio of at least 5.

The baselines call no grouprep code except ``least_rotation`` in the last case (and the
fitted irreps, isometries and the element order in the two group cases); the real
feature layout of the bispectrum (real part, then imaginary part unless it vanishes
identically on real signals) is rebuilt here independently. Float answers are compared
with a tolerance of 1e-9 relative to the largest value, canonical forms exactly. Checks
run outside the timed region.
"""

from __future__ import annotations

import functools
import sys
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt
import sympy

import grouprep
from benchmarks._harness import Case

SEED = 2024

Floats = npt.NDArray[np.float64]
Complexes = npt.NDArray[np.complex128]
Bits = npt.NDArray[np.uint8]


class Close:
    """A float answer, equal to another of the same shape when they agree to 1e-9
    relative to the largest absolute value."""

    __slots__ = ("array",)

    def __init__(self, array: npt.NDArray[Any]) -> None:
        self.array = np.asarray(array, dtype=np.float64)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Close) or self.array.shape != other.array.shape:
            return False
        scale = float(np.abs(self.array).max(initial=0.0))
        return bool(np.allclose(self.array, other.array, rtol=1e-9, atol=1e-9 * scale))

    def __repr__(self) -> str:
        body = np.array2string(self.array, threshold=12, edgeitems=2, precision=6)
        return f"array of shape {self.array.shape}: {body}"


class Same:
    """An array answer, equal to another exactly when the arrays are equal."""

    __slots__ = ("array",)

    def __init__(self, array: npt.NDArray[Any]) -> None:
        self.array = array

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Same)
            and self.array.dtype == other.array.dtype
            and np.array_equal(self.array, other.array)
        )

    def __repr__(self) -> str:
        body = np.array2string(self.array, threshold=12, edgeitems=3)
        return f"{self.array.dtype} array of shape {self.array.shape}: {body}"


def power_of_ten(count: int) -> str:
    """``'10^5'`` for 100,000; other counts with thousands separators."""
    exponent = len(str(count)) - 1
    return f"10^{exponent}" if count == 10**exponent and exponent >= 3 else f"{count:,}"


# ----------------------------------------------------------------- inputs
@functools.lru_cache(maxsize=2)
def signals(count: int, n: int) -> Floats:
    """``count`` standard normal real signals of length n (seeded, built once)."""
    return np.random.default_rng([SEED, count, n]).standard_normal((count, n))


@functools.lru_cache(maxsize=1)
def columns(count: int, n: int) -> Floats:
    """The same signals column by column (contiguous), as ``lambdify`` takes them."""
    return np.ascontiguousarray(signals(count, n).T)


@functools.lru_cache(maxsize=1)
def strings(count: int, n: int) -> Bits:
    """``count`` uniformly random binary strings of length n, uint8 (seeded, built once)."""
    rng = np.random.default_rng([SEED, count, n, 1])
    return rng.integers(0, 2, size=(count, n), dtype=np.uint8)


@functools.cache
def fitted(kind: str, n: int) -> Any:
    """A featurizer fitted to signals (or strings) of length n; built by the warm-up call."""
    if kind == "power":
        return grouprep.PowerSpectrum().fit(signals(8, n))
    if kind == "selective":
        return grouprep.Bispectrum().fit(signals(8, n))
    if kind == "full":
        return grouprep.Bispectrum(selective=False).fit(signals(8, n))
    if kind == "polynomials":
        return grouprep.InvariantPolynomials(degree=3).fit(signals(8, n))
    if kind == "reversal":
        flip = grouprep.permutation_group([[(-i) % n for i in range(n)]])
        rho = grouprep.reps.permutation_representation(grouprep.permutation_action(flip))
        return grouprep.InvariantPolynomials(rep=rho, degree=2).fit(signals(8, n))
    if kind == "canonical":
        return grouprep.CanonicalForm().fit(strings(8, n))
    raise ValueError(kind)


# ------------------------------------------------------- bispectrum by NumPy
Pairs = list[tuple[int, int]]


def selective_pairs(n: int) -> Pairs:
    """(0, 0), (0, 1), (1, 1), (1, 2), ..., (1, n - 2): the n pairs of Mataigne et al.
    (2024), written out here (n >= 3)."""
    return [(0, 0), (0, 1), *((1, k) for k in range(1, n - 1))]


def all_pairs(n: int) -> Pairs:
    """All pairs k1 <= k2 below n, k1 first."""
    return [(k1, k2) for k1 in range(n) for k2 in range(k1, n)]


def imaginary_vanishes(n: int, k1: int, k2: int) -> bool:
    """Whether Im B_{k1,k2} is 0 for every real signal: X_{-k} = conj(X_k) turns
    B_{k1,k2} into its conjugate exactly when {k1, k2, -k1-k2} is its own negative."""
    triple = sorted((k1 % n, k2 % n, (-k1 - k2) % n))
    return triple == sorted((-k1 % n, -k2 % n, (k1 + k2) % n))


def real_layout(B: Complexes, n: int, pairs: Pairs) -> Floats:
    """The real features of the pairs from B of shape (m, P): Re, then Im unless it
    vanishes identically."""
    out = []
    for p, (k1, k2) in enumerate(pairs):
        out.append(B[:, p].real)
        if not imaginary_vanishes(n, k1, k2):
            out.append(B[:, p].imag)
    return np.stack(out, axis=1)


def numpy_selective(X: Floats) -> Floats:
    """The selective bispectrum by gathering the pairs' Fourier coefficients."""
    n = X.shape[1]
    k1, k2 = np.array(selective_pairs(n)).T
    F = np.fft.fft(X, axis=1)
    B = F[:, k1] * F[:, k2] * np.conj(F[:, (k1 + k2) % n])
    return real_layout(B, n, selective_pairs(n))


@functools.cache
def sum_index(n: int) -> npt.NDArray[np.intp]:
    k = np.arange(n)
    return (k[:, None] + k[None, :]) % n


def numpy_full(X: Floats) -> Complexes:
    """The full bispectrum by broadcasting: B[i, k1, k2], shape (m, n, n), complex."""
    F = np.fft.fft(X, axis=1)
    B: Complexes = F[:, :, None] * F[:, None, :] * np.conj(F[:, sum_index(X.shape[1])])
    return B


def pick(B: Complexes, pairs: Pairs) -> Floats:
    """The real layout of the given pairs, taken from a full bispectrum."""
    k1, k2 = np.array(pairs).T
    return real_layout(B[:, k1, k2], B.shape[1], pairs)


# ------------------------------------------------------------------ memory
def peak_per_output(function: Callable[[], npt.NDArray[Any]]) -> float:
    """Peak memory traced during one call (NumPy registers its buffers with
    tracemalloc), divided by the size of the array the call returns."""
    tracemalloc.start()
    try:
        result = function()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / result.nbytes


def report_memory(label: str, ours: Callable[[], Any], theirs: Callable[[], Any]) -> None:
    print(
        f"  {label}: peak memory / output size: grouprep {peak_per_output(ours):.2f}, "
        f"NumPy broadcasting {peak_per_output(theirs):.2f}",
        file=sys.stderr,
        flush=True,
    )


# ------------------------------------------------------------------- cases
def power_case(count: int, n: int) -> Case:
    return Case(
        operation="features: power spectrum (NumPy rfft)",
        case=f"{power_of_ten(count)} x {n} float64",
        caches="warm",
        grouprep=lambda: fitted("power", n).transform(signals(count, n)),
        baseline=lambda: np.abs(np.fft.rfft(signals(count, n), axis=1)) ** 2,
        grouprep_answer=Close,
        baseline_answer=Close,
    )


def selective_gather_case(count: int, n: int) -> Case:
    return Case(
        operation="features: selective bispectrum (NumPy gather)",
        case=f"{power_of_ten(count)} x {n}, {2 * n - 2} features",
        caches="warm",
        grouprep=lambda: fitted("selective", n).transform(signals(count, n)),
        baseline=lambda: numpy_selective(signals(count, n)),
        grouprep_answer=Close,
        baseline_answer=Close,
    )


def selective_full_case(count: int, n: int) -> Case:
    return Case(
        operation="features: selective bispectrum (NumPy full)",
        case=f"{power_of_ten(count)} x {n}, {2 * n - 2} of {n * n} coefficients",
        caches="warm",
        grouprep=lambda: fitted("selective", n).transform(signals(count, n)),
        baseline=lambda: numpy_full(signals(count, n)),
        grouprep_answer=Close,
        baseline_answer=lambda B: Close(pick(B, selective_pairs(n))),
    )


def full_case(count: int, n: int) -> Case:
    label = f"{power_of_ten(count)} x {n}"

    def ours_answer(features: Floats) -> Close:
        # outside the timed region, after both sides ran: one traced call of each
        report_memory(
            f"full bispectrum, {label}",
            lambda: fitted("full", n).transform(signals(count, n)),
            lambda: numpy_full(signals(count, n)),
        )
        return Close(features)

    return Case(
        operation="features: full bispectrum (NumPy broadcast)",
        case=f"{label}, {n * (n + 1) // 2} pairs",
        caches="warm",
        grouprep=lambda: fitted("full", n).transform(signals(count, n)),
        baseline=lambda: numpy_full(signals(count, n)),
        grouprep_answer=ours_answer,
        baseline_answer=lambda B: Close(pick(B, all_pairs(n))),
    )


@functools.cache
def lambdified(kind: str, n: int) -> Callable[..., list[Floats]]:
    """``sympy.lambdify`` of the featurizer's exact polynomials (built by the warm-up)."""
    polys = fitted(kind, n).polynomials_
    function: Callable[..., list[Floats]] = sympy.lambdify(
        sympy.symbols(f"x0:{n}"), polys, modules="numpy"
    )
    return function


def polynomials_case(count: int, n: int, kind: str = "polynomials") -> Case:
    def theirs() -> Floats:
        return np.stack(lambdified(kind, n)(*columns(count, n)), axis=1)

    if kind == "polynomials":
        operation = "features: invariant polynomials (sympy lambdify)"
        what = f"Z_{n}, degrees 1-3" + (", 205 polynomials" if n == 32 else "")
    else:
        operation = "features: invariant polynomials, no shift (sympy lambdify)"
        what = f"reversal of {n}, degrees 1-2" + (", 290 polynomials" if n == 32 else "")
    return Case(
        operation=operation,
        case=f"{what}, {power_of_ten(count)} rows",
        caches="warm",
        grouprep=lambda: fitted(kind, n).transform(signals(count, n)),
        baseline=theirs,
        grouprep_answer=Close,
        baseline_answer=Close,
    )


def canonical_case(count: int, n: int) -> Case:
    return Case(
        operation="features: canonical form (least_rotation)",
        case=f"{power_of_ten(count)} x {n} bits, uint8",
        caches="warm",
        grouprep=lambda: fitted("canonical", n).transform(strings(count, n)),
        baseline=lambda: grouprep.least_rotation(strings(count, n)).canonical,
        grouprep_answer=Same,
        baseline_answer=Same,
    )


# -------------------------------------------------------------- group layers
@functools.cache
def p4m_convolution(h: int) -> Any:
    images = signals(2, h * h).reshape(2, h, h)
    return grouprep.GroupConvolution(
        grouprep.p4m_action(h), n_filters=8, nonlinearity="identity"
    ).fit(images)


@functools.cache
def p4m_order(h: int) -> npt.NDArray[np.intp]:
    """Where the baseline's (rotation k, mirror s, shift a, b) output goes in the group's
    element order (t_(a,b) r^k m^s)."""
    G = p4m_convolution(h).action_.group
    order = np.empty(8 * h * h, dtype=np.intp)
    pos = 0
    for k in range(4):
        for s in (0, 1):
            for a in range(h):
                for b in range(h):
                    g = grouprep.image_symmetry(h, shift=(a, b), rotation=k, mirror=bool(s))
                    order[G.index(g)] = pos
                    pos += 1
    return order


def numpy_d4_layer(images: Floats, filters: Floats) -> Floats:
    """<x, t r^k m^s psi> for every filter, rotation, mirror and shift t by rfft2."""
    moved = np.stack(
        [
            np.rot90(np.flip(filters, axis=2) if s else filters, k, axes=(1, 2))
            for k in range(4)
            for s in (0, 1)
        ],
        axis=1,
    )  # (F, 8, h, w)
    X = np.fft.rfft2(images)[:, None, None]
    corr: Floats = np.fft.irfft2(X * np.conj(np.fft.rfft2(moved))[None], s=images.shape[1:])
    return corr


def convolution_case(count: int, h: int) -> Case:
    def images() -> Floats:
        return signals(count, h * h).reshape(count, h, h)

    def theirs() -> Floats:
        filters = p4m_convolution(h).filters_[:, 0].reshape(8, h, h)
        return numpy_d4_layer(images(), filters)

    return Case(
        operation="features: D4 group convolution (NumPy rot90 + FFT)",
        case=f"p4m, {power_of_ten(count)} periodic {h}x{h} images, 8 filters",
        caches="warm",
        grouprep=lambda: p4m_convolution(h).transform(images()),
        baseline=theirs,
        grouprep_answer=Close,
        baseline_answer=lambda out: Close(
            out.reshape(count, 8, -1)[:, :, p4m_order(h)].reshape(count, -1)
        ),
    )


@functools.cache
def dihedral_bispectrum(n: int) -> Any:
    return grouprep.Bispectrum(grouprep.dihedral(n)).fit(signals(2, 2 * n))


@functools.cache
def einsum_plan(n: int) -> list[Any]:
    """Per selective pair: the irreps' matrices rho(g)^-1 and each isometry C (fitted)."""
    from grouprep.features._irreps import clebsch_gordan

    feat = dihedral_bispectrum(n)
    irr = feat.irreps_
    inverse = [m[irr.inverse] for m in irr.mats]
    plan = []
    for i, j in feat.pairs_:
        blocks = [
            (k, C)
            for k in range(len(irr.mats))
            if irr.multiplicity(i, j, k)
            for C in clebsch_gordan(irr, i, j, k)
        ]
        plan.append((i, j, blocks))
    return [inverse, plan]


def numpy_g_bispectrum(X: Floats, n: int) -> Floats:
    inverse, plan = einsum_plan(n)
    F = [np.einsum("mg,gab->mab", X, rho) for rho in inverse]
    out = []
    for i, j, blocks in plan:
        di, dj = F[i].shape[1], F[j].shape[1]
        K = np.einsum("mab,mcd->macbd", F[i], F[j]).reshape(len(X), di * dj, di * dj)
        for k, C in blocks:
            out.append(np.einsum("mpq,qs,mrs->mpr", K, C, F[k]).reshape(len(X), -1))
    return np.concatenate(out, axis=1)


def g_bispectrum_case(count: int, n: int) -> Case:
    return Case(
        operation="features: selective G-bispectrum D_16 (NumPy einsum)",
        case=f"dihedral({n}) regular, {power_of_ten(count)} x {2 * n}",
        caches="warm",
        grouprep=lambda: dihedral_bispectrum(n).transform(signals(count, 2 * n)),
        baseline=lambda: numpy_g_bispectrum(signals(count, 2 * n), n),
        grouprep_answer=Close,
        baseline_answer=Close,
    )


def cases(quick: bool) -> list[Case]:
    """The cases of this entry; ``quick`` uses 10^4 rows everywhere."""
    large, medium = (10**4, 10**4) if quick else (10**6, 10**5)
    return [
        power_case(large, 64),
        selective_gather_case(medium, 32),
        selective_full_case(medium, 32),
        full_case(medium, 32),
        polynomials_case(medium, 32),
        polynomials_case(medium, 32, "reversal"),
        canonical_case(large, 64),
        convolution_case(10**2 if quick else 10**3, 32),
        g_bispectrum_case(medium, 16),
    ]
