"""Fourier invariants of the cyclic shift on real signals (private).

With :math:`X_k = \\sum_j x_j \\omega^{-jk}`, :math:`\\omega = e^{2\\pi i/n}` (numpy's
``fft`` convention), the shift :math:`x_j \\mapsto x_{j-s}` multiplies :math:`X_k` by
:math:`\\omega^{-ks}`. Products whose frequencies add up to 0 mod n are invariant: the
power spectrum :math:`|X_k|^2` and the bispectrum
:math:`B_{k_1,k_2} = X_{k_1} X_{k_2} \\overline{X_{k_1+k_2}}`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from grouprep._validation import check_int
from grouprep.invariants._poly import variables
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.numbers._sympy_bridge import _cos_term

__all__ = ["bispectrum_invariants", "bispectrum_pairs", "power_spectrum_invariants"]


def power_spectrum_invariants(n: int) -> list[Any]:
    """The power spectrum of a real signal of length n, as exact polynomials.

    .. math:: P_k = |X_k|^2 = \\sum_{j,l} \\cos\\!\\Big(\\frac{2\\pi k (j-l)}{n}\\Big)\\,
              x_j x_l = \\sum_{m=0}^{n-1} \\cos\\!\\Big(\\frac{2\\pi k m}{n}\\Big)\\, A_m,
              \\qquad A_m = \\sum_j x_j x_{j+m}

    for :math:`k = 0, \\dots, \\lfloor n/2 \\rfloor` (for real signals
    :math:`P_{n-k} = P_k`). The :math:`A_m` are the autocorrelations, the degree-2 orbit
    sums of the shift (Wiener–Khinchin). The power spectrum is invariant but not
    complete: it forgets every phase, so signals that are not shifts of each other can
    share it (see the invariants guide).

    Parameters
    ----------
    n : int
        ``n >= 1``.

    Returns
    -------
    list of sympy expressions
        Polynomials in ``x0 .. x{n-1}`` with exact real coefficients.

    Examples
    --------
    >>> from grouprep.invariants import power_spectrum_invariants
    >>> for p in power_spectrum_invariants(3):
    ...     print(p)
    x0**2 + 2*x0*x1 + 2*x0*x2 + x1**2 + 2*x1*x2 + x2**2
    x0**2 - x0*x1 - x0*x2 + x1**2 - x1*x2 + x2**2
    """
    import sympy

    n = check_int(n, "n", "power_spectrum_invariants", minimum=1)
    xs = variables(n)
    squares = [x**2 for x in xs]
    products = [[xs[j] * xs[j + m] for j in range(n - m)] for m in range(n)]
    out = []
    for k in range(n // 2 + 1):
        terms = list(squares)
        for m in range(1, n):
            c = 2 * _cos_term(k * m % n, n)
            if c == 2:
                terms += [2 * p for p in products[m]]
            elif c != 0:
                terms += [sympy.Mul(c, p) for p in products[m]]
        out.append(sympy.Add(*terms))
    return out


def bispectrum_pairs(n: int, selective: bool = True) -> list[tuple[int, int]]:
    """The frequency pairs :math:`(k_1, k_2)` of :func:`bispectrum_invariants`.

    Selective (Mataigne et al. 2024): :math:`(0,0), (0,1), (1,1), (1,2), \\dots,
    (1, n-2)`, n pairs. Full: every :math:`0 \\le k_1 \\le k_2 < n`.

    Examples
    --------
    >>> from grouprep.invariants import bispectrum_pairs
    >>> bispectrum_pairs(5)
    [(0, 0), (0, 1), (1, 1), (1, 2), (1, 3)]
    """
    n = check_int(n, "n", "bispectrum_pairs", minimum=1)
    if not isinstance(selective, bool):
        from grouprep.errors import GroupRepTypeError

        raise GroupRepTypeError(
            f"bispectrum_pairs: argument 'selective' must be a bool, got {selective!r}"
        )
    if not selective:
        return [(a, b) for a in range(n) for b in range(a, n)]
    pairs = [(0, 0)]
    if n > 1:
        pairs.append((0, 1))
    pairs += [(1, k) for k in range(1, n - 1)]
    return pairs


def _monomial_index(n: int) -> tuple[Any, Any, Any, Any]:
    grids = np.meshgrid(np.arange(n), np.arange(n), np.arange(n), indexing="ij")
    a, b, c = (v.ravel() for v in grids)
    s = np.sort(np.stack([a, b, c], axis=1), axis=1)
    key = (s[:, 0] * n + s[:, 1]) * n + s[:, 2]
    uniq, inverse = np.unique(key, return_inverse=True)
    return a, b, c, (uniq, inverse.ravel())


def bispectrum_invariants(n: int, selective: bool = True) -> list[Any]:
    """Bispectrum invariants of a real signal of length n, as exact real polynomials.

    .. math:: B_{k_1,k_2} = X_{k_1} X_{k_2} \\overline{X_{k_1+k_2}}
              = \\sum_{a,b,c} \\omega^{-(a k_1 + b k_2 - c(k_1+k_2))}\\, x_a x_b x_c

    For each pair of :func:`bispectrum_pairs` in order, the real part
    :math:`\\mathrm{Re}\\,B` and then the imaginary part :math:`\\mathrm{Im}\\,B` (omitted
    when it vanishes identically, e.g. :math:`B_{0,k} = X_0 |X_k|^2`). The selective set
    (Mataigne et al. 2024) has n pairs and is complete for real signals whose Fourier
    coefficients do not vanish: :math:`X_0` from :math:`B_{0,0} = X_0^3`,
    :math:`|X_1|` from :math:`B_{0,1}`, the phase of :math:`X_1` is the shift (fixed up to
    the n-th roots of unity by reality), and :math:`X_{k+1}` from :math:`B_{1,k}`.

    Parameters
    ----------
    n : int
        ``n >= 1``. The polynomials have :math:`\\binom{n+2}{3}` monomials; use the
        compiled featurizers for large n.
    selective : bool, optional
        The O(n) selective set (default) or all pairs :math:`k_1 \\le k_2`.

    Returns
    -------
    list of sympy expressions
        Cubic polynomials in ``x0 .. x{n-1}`` with exact real coefficients.

    Examples
    --------
    >>> from grouprep.invariants import bispectrum_invariants
    >>> bispectrum_invariants(2)  # X0**3 and X0*X1**2 with X0 = x0 + x1, X1 = x0 - x1
    [x0**3 + 3*x0**2*x1 + 3*x0*x1**2 + x1**3, x0**3 - x0**2*x1 - x0*x1**2 + x1**3]
    """
    import sympy

    from grouprep.numbers._sympy_bridge import cyclotomic_to_sympy

    n = check_int(n, "n", "bispectrum_invariants", minimum=1)
    pairs = bispectrum_pairs(n, selective)
    xs = variables(n)
    a, b, c, (keys, inverse) = _monomial_index(n)
    monos = []
    for key in keys.tolist():
        i, rest = divmod(key, n * n)
        j, k = divmod(rest, n)
        monos.append(xs[i] * xs[j] * xs[k])
    roots = [root_of_unity(n, e) for e in range(n)]
    half = Cyclotomic(1) / 2
    minus_half_i = root_of_unity(4, 3) * half
    parts_cache: dict[tuple[int, ...], tuple[Any, Any]] = {}

    def parts(counts: tuple[int, ...]) -> tuple[Any, Any]:
        got = parts_cache.get(counts)
        if got is None:
            z = Cyclotomic(0)
            for e, cnt in enumerate(counts):
                if cnt:
                    z = z + roots[e] * cnt
            zc = z.conjugate()
            re, im = (z + zc) * half, (z - zc) * minus_half_i
            got = (cyclotomic_to_sympy(re), cyclotomic_to_sympy(im))
            parts_cache[counts] = got
        return got

    out = []
    for k1, k2 in pairs:
        e = (-(a * k1 + b * k2 - c * (k1 + k2))) % n
        counts = np.zeros((len(keys), n), dtype=np.int64)
        np.add.at(counts, (inverse, e), 1)
        re_terms, im_terms = [], []
        for m, row in enumerate(map(tuple, counts.tolist())):
            re, im = parts(row)
            if re != 0:
                re_terms.append(re * monos[m])
            if im != 0:
                im_terms.append(im * monos[m])
        out.append(sympy.Add(*re_terms))
        if im_terms:
            out.append(sympy.Add(*im_terms))
    return out
