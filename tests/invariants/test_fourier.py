"""Power spectrum and bispectrum invariants against numpy's FFT and the Wiener–Khinchin law."""

from __future__ import annotations

import numpy as np
import pytest
import sympy

import grouprep
from grouprep.invariants import (
    bispectrum_invariants,
    bispectrum_pairs,
    invariant_basis,
    power_spectrum_invariants,
)
from grouprep.reps import regular_representation


def _evaluate(polys, x):
    xs = sympy.symbols(f"x0:{len(x)}")
    return np.array([float(sympy.lambdify(xs, p, "math")(*x)) for p in polys])


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 9])
def test_power_spectrum_matches_fft(n):
    x = np.random.default_rng(n).standard_normal(n)
    want = np.abs(np.fft.rfft(x)) ** 2
    got = _evaluate(power_spectrum_invariants(n), x)
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12 * np.abs(x).sum() ** 2)


@pytest.mark.parametrize("n", [4, 6, 7])
def test_wiener_khinchin_power_spectrum_is_cosine_transform_of_autocorrelations(n):
    xs = sympy.symbols(f"x0:{n}")
    A = [sum(xs[j] * xs[(j + m) % n] for j in range(n)) for m in range(n)]
    for k, P in enumerate(power_spectrum_invariants(n)):
        # angles reduced mod 2 pi so that sympy writes equal cosines identically
        wk = sum(sympy.cos(2 * sympy.pi * sympy.Rational(k * m % n, n)) * A[m] for m in range(n))
        assert sympy.expand(P - wk) == 0


@pytest.mark.parametrize("n", [4, 5, 6, 7])
def test_degree_two_orbit_sums_are_the_autocorrelations(n):
    xs = sympy.symbols(f"x0:{n}")
    A = [sympy.expand(sum(xs[j] * xs[(j + m) % n] for j in range(n))) for m in range(n)]
    basis = invariant_basis(regular_representation(grouprep.cyclic(n)), 2)
    assert len(basis) == n // 2 + 1
    # A_m for 0 < m < n/2 has n distinct products; A_0 the squares; A_{n/2} each product twice
    want = [A[m] if 2 * m != n else A[m] / 2 for m in range(n // 2 + 1)]
    assert {sympy.expand(b) for b in basis} == set(want)


@pytest.mark.parametrize("n", [2, 5, 6, 12])
def test_fourier_invariants_are_proved_invariant(n):
    rho = regular_representation(grouprep.cyclic(n))
    for p in power_spectrum_invariants(n) + bispectrum_invariants(n):
        assert grouprep.prove_invariant(p, rho).holds


@pytest.mark.parametrize("n", [1, 2, 3, 6, 7])
@pytest.mark.parametrize("selective", [True, False])
def test_bispectrum_matches_fft(n, selective):
    rng = np.random.default_rng(10 + n)
    signals = rng.standard_normal((3, n))
    pairs = bispectrum_pairs(n, selective)
    B = []
    for x in signals:
        X = np.fft.fft(x)
        B.append([X[a] * X[b] * np.conj(X[(a + b) % n]) for a, b in pairs])
    B = np.array(B)
    scale = np.abs(signals).sum(axis=1).max() ** 3
    # an imaginary part is listed unless it vanishes on every random signal
    keep_im = np.abs(B.imag).max(axis=0) > 1e-9 * scale
    want = []
    for j in range(len(pairs)):
        want.append(B[0, j].real)
        if keep_im[j]:
            want.append(B[0, j].imag)
    got = _evaluate(bispectrum_invariants(n, selective), signals[0])
    assert len(got) == len(want)
    np.testing.assert_allclose(got, want, atol=1e-9 * scale)


def test_selective_pairs_and_sizes():
    assert bispectrum_pairs(1) == [(0, 0)]
    assert bispectrum_pairs(2) == [(0, 0), (0, 1)]
    assert bispectrum_pairs(6) == [(0, 0), (0, 1), (1, 1), (1, 2), (1, 3), (1, 4)]
    assert len(bispectrum_pairs(10, selective=False)) == 55
    for n in range(1, 40):
        assert len(bispectrum_pairs(n)) == n


def _equal_power_spectra_pair(n, seed=3):
    """x and y: same power spectrum, y = x with the phase of X_2 changed (not a shift)."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(n)
    X = np.fft.fft(x)
    Y = X.copy()
    Y[2] *= np.exp(1j * 0.9)
    Y[n - 2] = np.conj(Y[2])
    return x, np.fft.ifft(Y).real


def test_power_spectrum_is_not_complete_but_selective_bispectrum_separates():
    n = 7
    x, y = _equal_power_spectra_pair(n)
    assert not any(np.allclose(np.roll(x, s), y) for s in range(n))
    ps = power_spectrum_invariants(n)
    np.testing.assert_allclose(_evaluate(ps, x), _evaluate(ps, y), rtol=1e-10)
    bs = bispectrum_invariants(n)
    assert np.abs(_evaluate(bs, x) - _evaluate(bs, y)).max() > 1e-3


def test_selective_bispectrum_determines_real_signal_up_to_shift():
    # reconstruct X from the selective coefficients (Mataigne et al. 2024) and compare
    n = 8
    x = np.random.default_rng(5).standard_normal(n)
    X = np.fft.fft(x)
    B = {p: X[p[0]] * X[p[1]] * np.conj(X[sum(p) % n]) for p in bispectrum_pairs(n)}
    X0 = np.cbrt(B[(0, 0)].real)
    X1 = np.sqrt(B[(0, 1)].real / X0)  # phase of X_1 set to 0
    R = [X0, X1]
    for k in range(1, n - 1):
        R.append(np.conj(B[(1, k)] / (R[1] * R[k])))
    R = np.array(R)
    # with the phase t of X_1 restored, X_k = R_k e^{i t k}: the selective coefficients
    # determined everything else
    t = np.angle(X[1])
    rebuilt = np.fft.ifft(R * np.exp(1j * t * np.arange(n))).real
    np.testing.assert_allclose(rebuilt, x, atol=1e-9)


def test_bad_input():
    with pytest.raises(grouprep.GroupRepValueError, match="'n' must be an int >= 1"):
        power_spectrum_invariants(0)
    with pytest.raises(grouprep.GroupRepTypeError, match="'selective' must be a bool"):
        bispectrum_invariants(4, selective="yes")
