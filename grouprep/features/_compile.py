"""Lowering sympy polynomials to batched NumPy code (private)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._parallel import parallel_loops
from grouprep._validation import describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.invariants._poly import Poly, as_expression, poly_from_sympy

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
class _Correlation:
    """Polynomials invariant under the cyclic shift: weighted sums of orbit sums.

    The orbit sum of key ``o = keys[q]`` is ``S[q] = sum_{j < periods[q]} prod_k
    x_{j + o_k}`` (indices mod n): the monomials of one orbit of the shift, each once.
    Column c is ``const[c] + sum_q weights[q, c] S[q]``. Evaluated by a compiled loop that
    computes the orbit sums sharing a prefix of offsets together.
    """

    columns: list[int]
    keys: list[tuple[int, ...]]
    periods: list[int]
    weights: npt.NDArray[Any]  # (len(keys), len(columns))
    const: npt.NDArray[Any]  # (len(columns),)
    plan: tuple[Any, ...] = field(default=(), repr=False)

    @functools.cached_property
    def real(self) -> npt.NDArray[np.bool_]:
        """Per expression: every weight and the constant real."""
        return (self.weights.imag == 0).all(axis=0) & (self.const.imag == 0)  # type: ignore[no-any-return]

    @functools.cached_property
    def terms(self) -> int:
        """Multiply-adds per row."""
        return sum(len(k) * p for k, p in zip(self.keys, self.periods, strict=True))


@dataclass
class _Gather:
    """Weighted sums of shared monomials: gather-multiply-sum path.

    Each monomial is split into a prefix, the product of the variables ``pre[p]``
    (variable n is the constant 1), and one last variable. Expression e is
    ``sum_q (run_re[q] + 1j run_im[q]) sum_t prefix(t) * x[last(t)]`` over its runs
    ``expr_runs[e] <= q < expr_runs[e + 1]`` (terms of equal exact coefficient) and their
    terms ``run_starts[q] <= t < run_starts[q + 1]``; the offsets of term t are
    ``pre_at[t] = LANES * p`` and ``last_at[t] = LANES * last(t)``, as the compiled loop
    :func:`grouprep.features._kernels.polynomials_fill` reads them.
    """

    columns: list[int]
    pre: npt.NDArray[np.int64]  # (P, D - 1)
    pre_at: npt.NDArray[np.int64]
    last_at: npt.NDArray[np.int64]
    run_re: npt.NDArray[np.float64]
    run_im: npt.NDArray[np.float64]
    run_starts: npt.NDArray[np.int64]
    expr_runs: npt.NDArray[np.int64]
    real: npt.NDArray[np.bool_]  # per expression: every coefficient exactly real


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
    evaluated (``"cyclic"``, ``"fft"``, ``"gather"`` or ``"lambdify"``).
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
            _Correlation: "cyclic",
            _Gather: "gather",
            _Generic: "lambdify",
        }
        out: dict[str, int] = {}
        for part in self.parts:
            out[names[type(part)]] = out.get(names[type(part)], 0) + len(part.columns)
        return out

    def __call__(self, X: Any) -> npt.NDArray[Any]:
        """Evaluate every expression on each row of X (real numbers: bool, int or float).

        Complex input is refused (the compiled paths evaluate real polynomials and would
        drop the imaginary part), and so are text and object arrays (never parsed).
        """
        where = "compiled polynomials"
        try:
            arr = np.asarray(X)
        except ValueError as exc:
            raise GroupRepValueError(
                f"{where}: argument 'X' must be a rectangular array, got a ragged nested "
                f"sequence ({exc})"
            ) from exc
        if arr.dtype.kind == "c":
            raise GroupRepValueError(
                f"{where}: argument 'X' must be real (the variables are real), got complex "
                f"dtype {arr.dtype}"
            )
        if arr.dtype.kind not in "biuf":
            raise GroupRepTypeError(
                f"{where}: argument 'X' must hold real numbers (bool, int or float), got "
                f"dtype {arr.dtype} (text and objects are never parsed)"
            )
        if arr.ndim != 2 or arr.shape[1] != self.n_vars:
            raise GroupRepValueError(
                f"compiled polynomials: expected an array of shape (n_samples, {self.n_vars}), "
                f"got shape {arr.shape}"
            )
        arr = np.ascontiguousarray(arr, dtype=np.float64)
        if not arr.flags.writeable:  # one compiled loop serves both (never written to)
            arr = arr.copy()
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
                _gather_fill(arr, part, out)
            elif isinstance(part, _Correlation):
                _correlation_fill(arr, part, out)
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


_TRIPLE_FFT_MIN_N: int | None = None
"""Length from which shift-invariant cubic forms go through the FFT by default; None: never.
The FFT computes all n^2 triple correlations in O(n^2 log n) per row, the correlation loop
the needed ones in O(n) each, but the FFT fills n x n complex arrays. Measured on 2 * 10^4
rows and 4n cubic orbit sums of Z_n: n = 64: loop 0.04 s, FFT 4.6 s; n = 128: loop
0.09 s, FFT 16 s. The loop wins by a factor that grows with n, so the FFT is used only
when asked for (``triple_fft=True``)."""


def _output_columns(
    columns: list[int], out: npt.NDArray[Any], real: npt.NDArray[np.bool_]
) -> tuple[npt.NDArray[Any], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """A float64 view of ``out`` and the columns of the real and imaginary parts in it.

    Expressions with ``real`` true get no imaginary column (-1): in a complex output their
    imaginary part is set to exactly 0 here, not computed as 0 * x (NaN for infinite x).
    """
    cols = np.asarray(columns, dtype=np.int64)
    if out.dtype.kind != "c":
        return out, cols, np.full(len(cols), -1, dtype=np.int64)
    flat = out.view(np.float64)
    flat[:, 2 * cols[real] + 1] = 0.0
    return flat, 2 * cols, np.where(real, -1, 2 * cols + 1)


def _number(c: Any) -> complex:
    """An exact cyclotomic coefficient as a complex float whose real or imaginary part is
    exactly 0 when that part of c is exactly 0 (not a rounding residue such as 6e-17)."""
    z = complex(c)
    if c.is_real():
        return complex(z.real, 0.0)
    if not c + c.conjugate():
        return complex(0.0, z.imag)
    return z


_Orbits = dict[tuple[int, ...], tuple[complex, int]]


def _cyclic_orbits(p: Poly, n: int) -> tuple[_Orbits, complex] | None:
    """p as orbit sums and a constant, if p is invariant under the cyclic shift.

    Returns ``{key: (coefficient, orbit size)}``: the key o of an orbit O of monomials is
    the least of their offset tuples (sorted, first offset 0), and the orbit sum is
    ``sum_{j < |O|} prod_k x_{j + o_k}``.
    """
    terms = {tuple(i for i, k in enumerate(exps) for _ in range(k)): c for exps, c in p.items()}
    seen: set[tuple[int, ...]] = set()
    orbits: _Orbits = {}
    const = 0j
    for idx, c in terms.items():
        if idx in seen:
            continue
        if not idx:
            const += _number(c)
            continue
        orbit = {tuple(sorted((i + s) % n for i in idx)) for s in range(n)}
        if any(terms.get(mono) != c for mono in orbit):
            return None
        seen |= orbit
        key = min(tuple(sorted((i - e) % n for i in idx)) for e in set(idx))
        orbits[key] = (_number(c), len(orbit))
    return orbits, const


def _correlation_part(
    columns: list[int], decomposed: list[tuple[_Orbits, complex]], n: int
) -> _Correlation:
    periods = {k: size for orbits, _ in decomposed for k, (_, size) in orbits.items()}
    # orbit sums sharing a prefix and a period sit together: the compiled loop computes
    # them in one pass
    keys = sorted(periods, key=lambda k: (len(k), k[:-1], periods[k], k[-1]))
    pos = {k: q for q, k in enumerate(keys)}
    W = np.zeros((len(keys), len(columns)), dtype=np.complex128)
    for col, (orbits, _) in enumerate(decomposed):
        for k, (c, _) in orbits.items():
            W[pos[k], col] = c
    const = np.array([c for _, c in decomposed], dtype=np.complex128)
    part = _Correlation(columns, keys, [periods[k] for k in keys], W, const)
    part.plan = _correlation_plan(part, n)
    return part


def _correlation_fill(
    X: npt.NDArray[np.float64], part: _Correlation, out: npt.NDArray[Any]
) -> None:
    """Write the expressions of ``part`` into their columns of ``out`` (compiled loop)."""
    from grouprep.features import _kernels

    flat, re_col, im_col = _output_columns(part.columns, out, part.real)
    # expressions e .. e + 7 with real values in 8 adjacent columns are stored row-wise
    adjacent = np.zeros(len(re_col), dtype=np.bool_)
    if len(re_col) >= 8:
        steps = np.lib.stride_tricks.sliding_window_view(np.diff(re_col), 7)
        real8 = np.lib.stride_tricks.sliding_window_view(im_col < 0, 8)
        adjacent[: len(re_col) - 7] = (steps == 1).all(axis=1) & real8.all(axis=1)
    fill: Any = _kernels.correlations_fill
    with parallel_loops(len(X) * (1 + part.terms // 64)):  # a row costs ~ terms / 64 rotations
        fill(X, *part.plan, re_col, im_col, adjacent, flat)


def _correlation_plan(part: _Correlation, n: int) -> tuple[Any, ...]:
    from grouprep.features._kernels import CORRELATE_WIDTH

    pre: list[int] = []
    chunk_pre, chunk_key, chunk_width, chunk_period = [0], [], [], []
    q = 0
    keys, periods = part.keys, part.periods
    while q < len(keys):
        end = q
        while end < len(keys) and (keys[end][:-1], periods[end]) == (keys[q][:-1], periods[q]):
            end += 1
        # split the keys of one prefix and period into near-equal chunks of at most
        # CORRELATE_WIDTH
        count = -(-(end - q) // CORRELATE_WIDTH)
        for c in range(count):
            lo, hi = q + (end - q) * c // count, q + (end - q) * (c + 1) // count
            prefix = list(keys[q][:-1])
            # short prefixes are padded to two offsets with the ones (offsets 2n .. 3n - 1)
            pre += prefix + [2 * n] * (2 - len(prefix))
            chunk_pre.append(len(pre))
            chunk_key.append(lo)
            chunk_width.append(hi - lo)
            chunk_period.append(periods[q])
        q = end
    last = [k[-1] for k in keys]
    nz = [np.flatnonzero(part.weights[:, c]) for c in range(len(part.columns))]
    col_start = np.cumsum([0] + [len(z) for z in nz])
    entry_key = np.concatenate(nz) if nz else np.zeros(0, dtype=np.int64)
    w = np.concatenate([part.weights[z, c] for c, z in enumerate(nz)]) if nz else np.zeros(0)

    def int64(values: Any) -> npt.NDArray[np.int64]:
        return np.asarray(values, dtype=np.int64).reshape(-1)

    return (
        int64(pre),
        int64(chunk_pre),
        int64(chunk_key),
        int64(chunk_width),
        int64(chunk_period),
        int64(last),
        len(keys),
        int64(col_start),
        int64(entry_key),
        np.ascontiguousarray(np.real(w), dtype=np.float64),
        np.ascontiguousarray(np.imag(w), dtype=np.float64),
        np.ascontiguousarray(part.const.real),
        np.ascontiguousarray(part.const.imag),
    )


_CIRCULANT_FFT_MIN_N = 1200
"""From this length on, shift-invariant quadratic forms go through the FFT (the
autocorrelations as irfft(|rfft(x)|^2)). Measured on 2 * 10^4 rows and all n/2 + 1
autocorrelations: n = 256: correlation loop 0.040 s, FFT 0.144 s; n = 512: 0.083 s vs
0.151 s; n = 1024: 0.32 s vs 0.36 s. The loop grows as n^2 and the FFT as n log n, so the
crossover lies near n = 1200."""


def _gather_fill(X: npt.NDArray[np.float64], part: _Gather, out: npt.NDArray[Any]) -> None:
    """Write the expressions of ``part`` into their columns of ``out`` (compiled loop)."""
    from grouprep.features import _kernels

    flat, re_col, im_col = _output_columns(part.columns, out, part.real)
    with parallel_loops(len(X) * (1 + len(part.pre_at) // 64)):
        _kernels.polynomials_fill(
            X,
            part.pre,
            part.pre_at,
            part.last_at,
            part.run_re,
            part.run_im,
            part.run_starts,
            part.expr_runs,
            re_col,
            im_col,
            flat,
        )


def compile_polynomials(
    exprs: Sequence[Any], variables: Sequence[Any], triple_fft: bool | None = None
) -> CompiledPolynomials:
    """Compile sympy expressions into one vectorized NumPy callable.

    .. math:: F(X)_{i,e} = f_e(X_{i,0}, \\dots, X_{i,n-1})

    Lowered by structure, not only by ``lambdify``:

    * polynomials invariant under the cyclic shift of the variables (the orbit sums of
      :math:`Z_n`, autocorrelations, triple correlations, the power spectrum and the
      bispectrum) become weighted sums of cyclic correlations
      :math:`C_o = \\sum_j \\prod_k x_{j+o_k}`, one per orbit of monomials, computed by a
      compiled loop that holds 8 rows in one vector register per variable and evaluates up
      to 8 correlations sharing a prefix of offsets in one pass (path ``"cyclic"``);
    * for long signals the quadratic ones become one FFT, the autocorrelations
      :math:`A_m = \\mathrm{irfft}(|\\mathrm{rfft}(x)|^2)_m` times a weight matrix, and the
      cubic ones can become the triple correlations
      :math:`T_{a,b} = \\sum_j x_j x_{j+a} x_{j+b}` as the inverse 2-D DFT of the bispectrum,
      :math:`O(n^2 \\log n)` per row against :math:`n^3/6` monomials (path ``"fft"``). The
      quadratic FFT is used from the length where it was measured to pay; the cubic one
      was slower than the loop at every length measured, so it is used only when
      ``triple_fft=True``;
    * other polynomials (orbit sums of other groups, any exact coefficients) become
      gather-multiply-sum over index arrays in a compiled loop, each monomial split into a
      prefix product, computed once per row and shared, and one last variable (path
      ``"gather"``);
    * anything that is not a polynomial in the variables goes through
      ``sympy.lambdify`` with common subexpression elimination (path ``"lambdify"``).

    Exact coefficients are rounded to float64 once; results agree with exact evaluation
    to rounding.

    Parameters
    ----------
    exprs : sequence of sympy expressions
        sympy expressions, ``sympy.Poly`` objects or numbers. Strings are refused, never
        parsed (``sympify`` would run them as Python). Expressions that are not polynomials
        go through ``sympy.lambdify``, which prints them as Python code; so they may use
        only the variables, numbers and sympy's own functions: other symbols (also bound
        ones, as in ``Sum``), undefined functions (``sympy.Function("f")``) and classes
        defined outside sympy are refused.
    variables : sequence of sympy symbols
        The columns of the input, in order (renamed internally; their names never reach
        generated code).
    triple_fft : bool, optional
        Lower shift-invariant cubic forms by FFT (True) or by the correlation loop (False;
        None, the default, also picks the loop, measured faster at every length).

    Returns
    -------
    CompiledPolynomials
        Callable on arrays of shape ``(n_samples, len(variables))``; real output when every
        coefficient is real, complex otherwise.

    Raises
    ------
    GroupRepTypeError
        If an expression is a string, bytes or not a sympy expression or number.
    GroupRepValueError
        If an expression uses symbols other than the variables, or (lambdify path) an
        undefined function or a class foreign to sympy.

    Examples
    --------
    >>> import numpy as np, sympy, grouprep
    >>> x = sympy.symbols("x0:4")
    >>> f = grouprep.compile_polynomials(grouprep.power_spectrum_invariants(4), x)
    >>> f.paths
    {'cyclic': 3}
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
    read: list[Any] = []
    for i, e in enumerate(exprs):
        expr = as_expression(e, "compile_polynomials", f"exprs[{i}]").xreplace(rename)
        foreign = expr.free_symbols - set(canonical)
        if foreign:
            raise GroupRepValueError(
                "compile_polynomials: argument 'exprs' uses symbols that are not among the "
                f"variables: {sorted(map(str, foreign))}"
            )
        read.append(expr)
        try:
            polys.append(poly_from_sympy(expr, n, "compile_polynomials", "exprs"))
        except GroupRepValueError:
            polys.append(None)
    if triple_fft is None:
        use_triple = _TRIPLE_FFT_MIN_N is not None and n >= _TRIPLE_FFT_MIN_N
    elif isinstance(triple_fft, bool | np.bool_):
        use_triple = bool(triple_fft)
    else:
        raise GroupRepTypeError(
            "compile_polynomials: argument 'triple_fft' must be True, False or None, got "
            f"{describe(triple_fft)} of type {type(triple_fft).__name__}"
        )
    is_complex = False
    circ_cols, circ_w, gather_cols, generic_cols = [], [], [], []
    triple_cols: list[int] = []
    triple_w: list[dict[int, complex]] = []
    cyclic_cols: list[int] = []
    cyclic_w: list[tuple[_Orbits, complex]] = []
    for i, p in enumerate(polys):
        if p is None:
            generic_cols.append(i)
            continue
        if any(not c.is_real() for c in p.values()):
            is_complex = True
        cyclic = _cyclic_orbits(p, n) if n >= 1 and p else None
        if cyclic is None:
            gather_cols.append(i)
            continue
        orbits, const = cyclic
        lengths = {len(k) for k in orbits}
        # the FFT paths: the correlation C(o) = sum_{j < n} prod_k x_{j + o_k} is the orbit
        # sum times n / |O|; C(0, m) is the autocorrelation A_m (m <= n/2 for a least key),
        # C(0, a, b) the triple correlation T[a, b]
        weights = {k: c * size / n for k, (c, size) in orbits.items()}
        if const == 0 and lengths == {2} and n >= _CIRCULANT_FFT_MIN_N:
            w = np.zeros(n // 2 + 1, dtype=np.complex128)
            for (_, m), v in weights.items():
                w[m] += v
            circ_cols.append(i)
            circ_w.append(w)
        elif const == 0 and lengths == {3} and use_triple:
            triple_cols.append(i)
            triple_w.append({a * n + b: v for (_, a, b), v in weights.items()})
        else:
            cyclic_cols.append(i)
            cyclic_w.append(cyclic)
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
    if cyclic_cols:
        parts.append(_correlation_part(cyclic_cols, cyclic_w, n))
    if gather_cols:
        parts.append(_gather_part(gather_cols, [polys[i] for i in gather_cols], n))  # type: ignore[misc]
    if generic_cols:
        chosen = [read[i] for i in generic_cols]
        for i, expr in zip(generic_cols, chosen, strict=True):
            _check_printable(expr, set(canonical), f"exprs[{i}]")
        func = sympy.lambdify(canonical, chosen, modules="numpy", cse=True)
        parts.append(_Generic(generic_cols, chosen, func))
        is_complex = is_complex or any(not e.is_real for e in chosen if e.is_real is not None)
    dtype = np.complex128 if is_complex else np.float64
    return CompiledPolynomials(n, len(polys), dtype, parts)


def _check_printable(expr: Any, allowed: set[Any], name: str) -> None:
    """Refuse what would put user text into the code ``sympy.lambdify`` writes and runs.

    lambdify prints every symbol and function name into Python source. The variables are
    renamed to ``x0 .. x{n-1}`` before; any other symbol (a bound one, as in ``Sum``), an
    undefined function (``sympy.Function(name)``), a string atom, or a node whose class
    does not come from sympy (its printer is user code) is refused.
    """
    import sympy
    from sympy.core.function import AppliedUndef

    where = "compile_polynomials"
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, sympy.Symbol):
            if node not in allowed:
                raise GroupRepValueError(
                    f"{where}: argument '{name}' uses a symbol {describe(str(node))} that is "
                    "not among the variables (bound symbols included)"
                )
            continue
        if isinstance(node, AppliedUndef):
            raise GroupRepValueError(
                f"{where}: argument '{name}' applies an undefined function "
                f"{describe(type(node).__name__)}; only sympy's own functions (sin, exp, "
                "sqrt, ...) can be compiled"
            )
        module = getattr(type(node), "__module__", None) or ""
        if not module.startswith("sympy.") or isinstance(node, sympy.core.symbol.Str):
            raise GroupRepValueError(
                f"{where}: argument '{name}' contains a {type(node).__name__} node, which "
                "cannot be compiled (only sympy's numbers, the variables and sympy's own "
                "functions are accepted)"
            )


def _gather_part(columns: list[int], polys: list[Poly], n: int) -> _Gather:
    from grouprep.features._kernels import LANES

    width = max((sum(k) for p in polys for k in p), default=1) or 1
    prefix_index: dict[tuple[int, ...], int] = {}
    pre_at: list[int] = []
    last_at: list[int] = []
    run_coef: list[complex] = []
    run_starts, expr_runs = [0], [0]
    for p in polys:
        # runs of equal exact coefficient; in a run, terms sharing a prefix sit together
        by_coef: dict[Any, list[list[int]]] = {}
        for exps, c in p.items():
            idx = [i for i, k in enumerate(exps) for _ in range(k)]
            by_coef.setdefault(c, []).append([n] * (width - len(idx)) + idx)  # 1 = x_n
        for c, monos in by_coef.items():
            for m in sorted(monos):
                pre_at.append(LANES * prefix_index.setdefault(tuple(m[:-1]), len(prefix_index)))
                last_at.append(LANES * m[-1])
            run_coef.append(_number(c))
            run_starts.append(len(pre_at))
        expr_runs.append(len(run_coef))
    if not prefix_index:
        prefix_index[(n,) * (width - 1)] = 0

    def int64(values: Any) -> npt.NDArray[np.int64]:
        return np.array(values, dtype=np.int64)

    return _Gather(
        columns,
        int64(list(prefix_index)).reshape(len(prefix_index), width - 1),
        int64(pre_at),
        int64(last_at),
        np.array([z.real for z in run_coef], dtype=np.float64),
        np.array([z.imag for z in run_coef], dtype=np.float64),
        int64(run_starts),
        int64(expr_runs),
        np.array([all(c.is_real() for c in p.values()) for p in polys], dtype=np.bool_),
    )
