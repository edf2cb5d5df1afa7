"""Lowering sympy polynomials to batched NumPy code (private)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.invariants._poly import Poly, poly_from_sympy

__all__ = ["CompiledPolynomials", "compile_polynomials"]

_CHUNK_ROWS = 8192


@dataclass
class _Circulant:
    """Quadratic forms whose coefficients depend only on (j - i) mod n: FFT path."""

    columns: list[int]
    weights: npt.NDArray[Any]  # (n//2 + 1, len(columns))


@dataclass
class _TripleCorrelation:
    """Cubic forms invariant under the cyclic shift: triple correlations by FFT.

    ``T[a, b] = sum_j x_j x_{j+a} x_{j+b}`` is the inverse 2-D DFT of the bispectrum
    :math:`X_{k_1} X_{k_2} \\overline{X_{k_1+k_2}}`; ``index`` picks the needed entries of
    the flattened ``T`` and ``weights`` combines them.
    """

    columns: list[int]
    index: npt.NDArray[np.intp]
    weights: npt.NDArray[Any]  # (len(index), len(columns))


@dataclass
class _Gather:
    """Weighted sums of shared monomials: gather-multiply-sum path."""

    columns: list[int]
    mono: npt.NDArray[np.intp]  # (T, d) indices into X with a ones column at n
    term_mono: npt.NDArray[np.intp]
    term_coef: npt.NDArray[Any]
    starts: npt.NDArray[np.intp]


@dataclass
class _Generic:
    """Anything else: sympy.lambdify with common subexpression elimination."""

    columns: list[int]
    exprs: list[Any]
    func: Any = field(repr=False)


@dataclass
class CompiledPolynomials:
    """A vectorized callable ``(n_samples, n_vars) -> (n_samples, n_exprs)``.

    Built by :func:`compile_polynomials`; ``paths`` says how each group of expressions is
    evaluated (``"fft"``, ``"gather"`` or ``"lambdify"``).
    """

    n_vars: int
    n_exprs: int
    dtype: Any
    parts: list[Any] = field(repr=False)

    @property
    def paths(self) -> dict[str, int]:
        """How many expressions each lowering path evaluates."""
        names = {
            _Circulant: "fft",
            _TripleCorrelation: "fft",
            _Gather: "gather",
            _Generic: "lambdify",
        }
        out: dict[str, int] = {}
        for part in self.parts:
            out[names[type(part)]] = out.get(names[type(part)], 0) + len(part.columns)
        return out

    def __call__(self, X: Any) -> npt.NDArray[Any]:
        arr = np.asarray(X)
        if arr.ndim != 2 or arr.shape[1] != self.n_vars:
            raise GroupRepValueError(
                f"compiled polynomials: expected an array of shape (n_samples, {self.n_vars}), "
                f"got shape {arr.shape}"
            )
        arr = np.ascontiguousarray(arr, dtype=np.float64)
        out = np.empty((arr.shape[0], self.n_exprs), dtype=self.dtype)
        for part in self.parts:
            if isinstance(part, _Circulant):
                n = self.n_vars
                for lo in range(0, len(arr), _CHUNK_ROWS):
                    F = np.fft.rfft(arr[lo : lo + _CHUNK_ROWS], axis=1)
                    power = F.real**2 + F.imag**2
                    auto = np.fft.irfft(power, n=n, axis=1)[:, : n // 2 + 1]
                    out[lo : lo + _CHUNK_ROWS, part.columns] = auto @ part.weights
            elif isinstance(part, _TripleCorrelation):
                out[:, part.columns] = _triple_eval(arr, part)
            elif isinstance(part, _Gather):
                out[:, part.columns] = _gather_eval(arr, part)
            else:
                vals = part.func(*arr.T)
                for j, col in enumerate(part.columns):
                    out[:, col] = np.broadcast_to(np.asarray(vals[j]), (len(arr),))
        return out


def triple_correlations(X: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """``T[:, a, b] = sum_j x_j x_{j+a} x_{j+b}`` for every row, by FFT (O(n^2 log n))."""
    n = X.shape[1]
    F = np.fft.fft(X, axis=1)
    k = np.arange(n)
    B = F[:, :, None] * F[:, None, :] * np.conj(F[:, (k[:, None] + k[None, :]) % n])
    # sum_j x_j x_{j+a} x_{j+b} = (1/n^2) sum_{k,l} B[k,l] w^{k a + l b}, w = e^{2 pi i/n}
    return np.fft.ifft2(B, axes=(1, 2)).real


def _triple_eval(X: npt.NDArray[np.float64], part: _TripleCorrelation) -> npt.NDArray[Any]:
    n = X.shape[1]
    rows = max(1, (1 << 21) // (n * n))  # bounded temporaries
    out = np.empty((len(X), len(part.columns)), dtype=part.weights.dtype)
    for lo in range(0, len(X), rows):
        T = triple_correlations(X[lo : lo + rows]).reshape(-1, n * n)
        out[lo : lo + rows] = T[:, part.index] @ part.weights
    return out


def _triple_weights(p: Poly, n: int) -> dict[int, complex] | None:
    """Coefficients on the flattened triple correlations, if p is a cyclic-invariant cubic.

    An orbit O of monomials under the shift, with representative x_0 x_a x_b, has orbit sum
    S_O = (|O| / n) T[a, b] (each monomial is met n / |O| times in T[a, b]).
    """
    seen: set[tuple[int, ...]] = set()
    weights: dict[int, complex] = {}
    for exps, c in p.items():
        if exps in seen:
            continue
        idx = sorted(i for i, k in enumerate(exps) for _ in range(k))
        orbit = set()
        for s in range(n):
            moved = [0] * n
            for i in idx:
                moved[(i + s) % n] += 1
            orbit.add(tuple(moved))
        if any(p.get(m) != c for m in orbit):
            return None
        seen |= orbit
        i0 = idx[0]
        a, b = (idx[1] - i0) % n, (idx[2] - i0) % n
        key = a * n + b
        weights[key] = weights.get(key, 0) + complex(c) * len(orbit) / n
    if len(seen) != len(p):  # pragma: no cover - every monomial was visited
        return None
    return weights


_TRIPLE_FFT_MIN_N = 512
"""From this length on, cyclic cubic forms go through the FFT by default. The FFT computes
all n^2 triple correlations in O(n^2 log n) per row against the n^3 / 6 monomials of the
gather path, but it fills n x n complex arrays; measured on 2 * 10^4 rows of the degree-3
orbit sums of Z_n: n = 32: FFT 1.08 s, gather 0.07 s; n = 48: 1.64 s vs 0.15 s; n = 64:
3.7 s vs 0.44 s, so the crossover lies near n = 512 by that scaling."""


def _gather_eval(X: npt.NDArray[np.float64], part: _Gather) -> npt.NDArray[Any]:
    from grouprep.features import _kernels

    Xt = np.empty((X.shape[1] + 1, len(X)))
    Xt[:-1] = X.T
    Xt[-1] = 1.0
    E = len(part.starts) - 1
    coef = part.term_coef

    def fill(c: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        out = np.empty((len(X), E))
        _kernels.polynomials_fill_blocked(
            Xt, part.mono, part.term_mono, np.ascontiguousarray(c), part.starts, out
        )
        return out

    if coef.dtype.kind == "c":
        return fill(coef.real) + 1j * fill(coef.imag)
    return fill(coef)


def _circulant_weights(p: Poly, n: int) -> npt.NDArray[np.complex128] | None:
    """w_m with p = sum_m w_m * (orbit sum of x_0 x_m), if p is a circulant quadratic form."""
    w = np.zeros(n // 2 + 1, dtype=np.complex128)
    seen = 0
    for m in range(n // 2 + 1):
        first = None
        for j in range(n):
            exps = [0] * n
            exps[j] += 1
            exps[(j + m) % n] += 1
            c = p.get(tuple(exps))
            if first is None:
                first = c
            elif c != first:
                return None
        if first is not None:
            # the orbit sum of x_0 x_m is A_m, or A_m / 2 when m = n/2 (pairs met twice)
            w[m] = complex(first) / (2 if (2 * m == n and m > 0) else 1)
            # monomials of the orbit sum of x_0 x_m: n of them, n/2 when m = n/2
            seen += n // 2 if (2 * m == n and m > 0) else n
    if seen != len(p):
        return None
    return w


def compile_polynomials(
    exprs: Sequence[Any], variables: Sequence[Any], triple_fft: bool | None = None
) -> CompiledPolynomials:
    """Compile sympy expressions into one vectorized NumPy callable.

    .. math:: F(X)_{i,e} = f_e(X_{i,0}, \\dots, X_{i,n-1})

    Lowered by structure, not only by ``lambdify``:

    * quadratic forms invariant under the cyclic shift of the variables (their
      coefficients depend only on :math:`(j - i) \\bmod n`, e.g. the power spectrum and
      the autocorrelations) become one FFT: the autocorrelations
      :math:`A_m = \\mathrm{irfft}(|\\mathrm{rfft}(x)|^2)_m` times a weight matrix;
    * cubic forms invariant under the cyclic shift (triple correlations, the cubic orbit
      sums, the bispectrum) can become an FFT: the triple correlations
      :math:`T_{a,b} = \\sum_j x_j x_{j+a} x_{j+b}` are the inverse 2-D DFT of the
      bispectrum, :math:`O(n^2 \\log n)` per row against :math:`n^3/6` monomials. It
      fills n x n arrays, so by measurement it pays only from about n = 512 on, where it is
      chosen by default (``triple_fft=None``); ``True`` or ``False`` force the choice;
    * other polynomials (orbit sums, any exact coefficients) become gather-multiply-sum
      over index arrays, each distinct monomial computed once per row (compiled loop);
    * anything that is not a polynomial in the variables goes through
      ``sympy.lambdify`` with common subexpression elimination.

    Exact coefficients are rounded to float64 once; results agree with exact evaluation
    to rounding.

    Parameters
    ----------
    exprs : sequence of sympy expressions
    variables : sequence of sympy symbols
        The columns of the input, in order.
    triple_fft : bool, optional
        Lower shift-invariant cubic forms by FFT (True), by gather (False), or by the
        measured crossover (None, default).

    Returns
    -------
    CompiledPolynomials
        Callable on arrays of shape ``(n_samples, len(variables))``; real output when every
        coefficient is real, complex otherwise.

    Examples
    --------
    >>> import numpy as np, sympy, grouprep
    >>> x = sympy.symbols("x0:4")
    >>> f = grouprep.compile_polynomials(grouprep.power_spectrum_invariants(4), x)
    >>> f.paths
    {'fft': 3}
    >>> X = np.array([[1.0, 2.0, 0.0, -1.0]])
    >>> bool(np.allclose(f(X), np.abs(np.fft.rfft(X)) ** 2))
    True
    """
    import sympy

    if isinstance(exprs, str) or not isinstance(exprs, Sequence):
        raise GroupRepTypeError(
            f"compile_polynomials: argument 'exprs' must be a sequence of sympy expressions, "
            f"got {describe(exprs)}"
        )
    variables = list(variables)
    if not all(isinstance(v, sympy.Symbol) for v in variables) or len(set(variables)) != len(
        variables
    ):
        raise GroupRepTypeError(
            "compile_polynomials: argument 'variables' must be distinct sympy Symbols, got "
            f"{variables!r}"
        )
    n = len(variables)
    canonical = sympy.symbols(f"x0:{n}") if n else ()
    rename = dict(zip(variables, canonical, strict=True))
    polys: list[Poly | None] = []
    for e in exprs:
        expr = sympy.sympify(e).xreplace(rename)
        foreign = expr.free_symbols - set(canonical)
        if foreign:
            raise GroupRepValueError(
                "compile_polynomials: argument 'exprs' uses symbols that are not among the "
                f"variables: {sorted(map(str, foreign))}"
            )
        try:
            polys.append(poly_from_sympy(expr, n, "compile_polynomials", "exprs"))
        except GroupRepValueError:
            polys.append(None)
    use_triple = n >= _TRIPLE_FFT_MIN_N if triple_fft is None else bool(triple_fft)
    is_complex = False
    circ_cols, circ_w, gather_cols, generic_cols = [], [], [], []
    triple_cols: list[int] = []
    triple_w: list[dict[int, complex]] = []
    for i, p in enumerate(polys):
        if p is None:
            generic_cols.append(i)
            continue
        if any(not c.is_real() for c in p.values()):
            is_complex = True
        w = _circulant_weights(p, n) if n >= 2 and p and all(sum(k) == 2 for k in p) else None
        t = (
            _triple_weights(p, n)
            if use_triple and n >= 3 and p and all(sum(k) == 3 for k in p)
            else None
        )
        if w is not None:
            circ_cols.append(i)
            circ_w.append(w)
        elif t is not None:
            triple_cols.append(i)
            triple_w.append(t)
        else:
            gather_cols.append(i)
    parts: list[Any] = []
    if circ_cols:
        W = np.stack(circ_w, axis=1)
        parts.append(_Circulant(circ_cols, W if is_complex else W.real.copy()))
    if triple_cols:
        keys = sorted({k for tw in triple_w for k in tw})
        pos = {k: j for j, k in enumerate(keys)}
        Wt = np.zeros((len(keys), len(triple_cols)), dtype=np.complex128)
        for col, tw in enumerate(triple_w):
            for k, v in tw.items():
                Wt[pos[k], col] = v
        index = np.array(keys, dtype=np.intp)
        parts.append(_TripleCorrelation(triple_cols, index, Wt if is_complex else Wt.real.copy()))
    if gather_cols:
        parts.append(_gather_part(gather_cols, [polys[i] for i in gather_cols], n))  # type: ignore[misc]
    if generic_cols:
        chosen = [sympy.sympify(exprs[i]).xreplace(rename) for i in generic_cols]
        func = sympy.lambdify(canonical, chosen, modules="numpy", cse=True)
        parts.append(_Generic(generic_cols, chosen, func))
        is_complex = is_complex or any(not e.is_real for e in chosen if e.is_real is not None)
    dtype = np.complex128 if is_complex else np.float64
    return CompiledPolynomials(n, len(polys), dtype, parts)


def _gather_part(columns: list[int], polys: list[Poly], n: int) -> _Gather:
    mono_index: dict[tuple[int, ...], int] = {}
    term_mono, term_coef, starts = [], [], [0]
    degree = max((sum(k) for p in polys for k in p), default=0)
    for p in polys:
        for exps, c in p.items():
            idx = [i for i, k in enumerate(exps) for _ in range(k)]
            idx += [n] * (degree - len(idx))  # pad with the ones column
            key = tuple(idx)
            t = mono_index.setdefault(key, len(mono_index))
            term_mono.append(t)
            term_coef.append(complex(c))
        starts.append(len(term_mono))
    mono = np.array(list(mono_index), dtype=np.intp).reshape(len(mono_index), max(degree, 0))
    coef: npt.NDArray[Any] = np.array(term_coef, dtype=np.complex128)
    if all(c.is_real() for p in polys for c in p.values()):  # exact test, not by rounding
        coef = coef.real.copy()
    return _Gather(
        columns,
        mono,
        np.array(term_mono, dtype=np.intp),
        coef,
        np.array(starts, dtype=np.intp),
    )
