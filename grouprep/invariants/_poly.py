"""Sparse exact polynomials for invariant theory (private).

A polynomial in ``x0 .. x{n-1}`` is a dict from exponent tuples to nonzero
:class:`~grouprep.numbers.Cyclotomic` coefficients. Substituting :math:`x \\mapsto Mx`
costs one pass over the terms when M is monomial (one nonzero entry per row, e.g. a
permutation or a diagonal matrix of roots of unity) and an expansion of products of
linear forms otherwise. :class:`Echelon` keeps a reduced row echelon basis of a span of
polynomials (exact linear algebra, pivots at the largest monomial).
"""

from __future__ import annotations

import functools
import itertools
import numbers
from collections.abc import Iterator, Sequence
from typing import Any

from grouprep._validation import describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.numbers import Cyclotomic, as_cyclotomic

__all__ = [
    "Echelon",
    "Poly",
    "Substitution",
    "as_expression",
    "monomials",
    "poly_from_sympy",
    "poly_mul",
    "poly_to_sympy",
    "variables",
]

Exps = tuple[int, ...]
Poly = dict[Exps, Cyclotomic]
Matrix = Sequence[Sequence[Cyclotomic]]

_ZERO = Cyclotomic(0)
_ONE = Cyclotomic(1)


@functools.cache
def variables(n: int) -> tuple[Any, ...]:
    """The sympy symbols ``x0 .. x{n-1}``."""
    import sympy

    return tuple(sympy.Symbol(f"x{i}") for i in range(n))


def monomials(n: int, degree: int) -> Iterator[Exps]:
    """All exponent tuples of total degree ``degree``, largest (lexicographically) first."""
    for combo in itertools.combinations_with_replacement(range(n), degree):
        exps = [0] * n
        for i in combo:
            exps[i] += 1
        yield tuple(exps)


@functools.lru_cache(maxsize=4096)
def _coefficient(expr: Any) -> Cyclotomic:
    return as_cyclotomic(expr)


def _read_coefficient(expr: Any, where: str, name: str) -> Cyclotomic:
    try:
        return _coefficient(expr)
    except (GroupRepValueError, GroupRepTypeError) as exc:
        raise GroupRepValueError(
            f"{where}: argument '{name}' must have exact coefficients (rationals, roots of "
            f"unity, cyclotomic radicals; floats are not exact), got the coefficient {expr}: "
            f"{exc}"
        ) from exc


def as_expression(value: Any, where: str, name: str) -> Any:
    """A user value as a sympy expression, without ever parsing or evaluating text.

    The one point where every public function taking polynomials or expressions
    (``compile_polynomials``, ``reynolds``, ``prove_invariant``, ``prove_equivariant``)
    reads them. Accepted: a sympy expression (:class:`sympy.Expr`), a :class:`sympy.Poly`
    (read as its expression) and a number (int, Fraction, float, complex, NumPy scalar).
    Strings and bytes are refused: ``sympy.sympify`` would evaluate them as Python code.

    Raises
    ------
    GroupRepTypeError
        For a string, bytes, None or any other object.
    """
    import sympy

    if isinstance(value, str | bytes | bytearray):
        raise GroupRepTypeError(
            f"{where}: argument '{name}' must be a sympy expression, got the "
            f"{type(value).__name__} {describe(value)}; text is never parsed (sympify would "
            "run it as Python code): build the expression with sympy, e.g. "
            "x = sympy.symbols('x0:3'); x[0] * x[1]"
        )
    if isinstance(value, sympy.Poly):
        return value.as_expr()
    if isinstance(value, sympy.Expr):
        return value
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        try:
            return sympy.sympify(value, strict=True)
        except sympy.SympifyError:
            pass
    raise GroupRepTypeError(
        f"{where}: argument '{name}' must be a sympy expression, a sympy Poly or a number, "
        f"got {describe(value)} of type {type(value).__name__}"
    )


def poly_from_sympy(expr: Any, n: int, where: str, name: str = "f") -> Poly:
    """Read a sympy polynomial in ``x0 .. x{n-1}`` with cyclotomic coefficients."""
    import sympy

    e = as_expression(expr, where, name)
    xs = variables(n)
    foreign = e.free_symbols - set(xs)
    if foreign:
        raise GroupRepValueError(
            f"{where}: argument '{name}' must be a polynomial in x0..x{n - 1} (the coordinates "
            f"of a representation of dimension {n}), got the foreign symbols "
            f"{sorted(map(str, foreign))}"
        )
    index = {x: i for i, x in enumerate(xs)}
    for attempt in range(2):
        out = _read_terms(e, index, n, where, name)
        if out is not None:
            return out
        if attempt == 0:
            e = sympy.expand(e)
    raise GroupRepValueError(
        f"{where}: argument '{name}' must be a polynomial in x0..x{n - 1}, got {expr}"
    )


def _read_terms(e: Any, index: dict[Any, int], n: int, where: str, name: str) -> Poly | None:
    """The terms of an expanded polynomial, or None if e is not one."""
    import sympy

    out: Poly = {}
    for term in sympy.Add.make_args(e):
        exps = [0] * n
        coeff = []
        for factor in sympy.Mul.make_args(term):
            i = index.get(factor)
            if i is not None:
                exps[i] += 1
                continue
            if factor.is_Pow:
                base, k = factor.args
                i = index.get(base)
                if i is not None:
                    if not (k.is_Integer and k >= 0):
                        return None
                    exps[i] += int(k)
                    continue
            if factor.free_symbols:
                return None
            coeff.append(factor)
        c = _read_coefficient(
            sympy.Mul(*coeff) if len(coeff) > 1 else (coeff[0] if coeff else 1), where, name
        )
        key = tuple(exps)
        old = out.get(key)
        value = c if old is None else old + c
        if value:
            out[key] = value
        else:
            out.pop(key, None)
    return out


def poly_to_sympy(p: Poly, n: int) -> Any:
    """The sympy expression of a polynomial (coefficients as cosines, see numbers)."""
    import sympy

    from grouprep.numbers._sympy_bridge import cyclotomic_to_sympy

    xs = variables(n)
    terms = []
    for exps, c in sorted(p.items(), reverse=True):
        mono = sympy.Mul(*(x**k for x, k in zip(xs, exps, strict=True) if k))
        terms.append(cyclotomic_to_sympy(c) * mono)
    return sympy.Add(*terms)


def add_into(acc: Poly, p: Poly, scale: Cyclotomic = _ONE) -> None:
    """``acc += scale * p`` in place, dropping cancelled terms."""
    for k, v in p.items():
        value = acc.get(k, _ZERO) + (v if scale == _ONE else v * scale)
        if value:
            acc[k] = value
        else:
            acc.pop(k, None)


def poly_mul(a: Poly, b: Poly) -> Poly:
    """The product of two polynomials."""
    out: Poly = {}
    for ka, va in a.items():
        for kb, vb in b.items():
            key = tuple(x + y for x, y in zip(ka, kb, strict=True))
            value = out.get(key, _ZERO) + va * vb
            if value:
                out[key] = value
            else:
                out.pop(key, None)
    return out


def _monomial_pattern(M: Matrix) -> list[tuple[int, Cyclotomic]] | None:
    """(column, entry) of the single nonzero entry of each row, if M is monomial."""
    out = []
    for row in M:
        nz = [(j, v) for j, v in enumerate(row) if v]
        if len(nz) != 1:
            return None
        out.append(nz[0])
    return out


class Substitution:
    """The linear substitution :math:`x \\mapsto Mx` on polynomials, with memoized images.

    Monomial matrices (one nonzero entry per row) move each monomial to one monomial. For
    other matrices the image of a monomial :math:`x^a` is built from the image of
    :math:`x^{a - e_i}` times the linear form of :math:`x_i` and remembered, so the images
    of all monomials up to a degree cost one product each.
    """

    def __init__(self, M: Matrix) -> None:
        n = len(M)
        self.n = n
        self.pattern = _monomial_pattern(M)
        self.linear: list[Poly] = []
        for i in range(n):
            form: Poly = {}
            for j, v in enumerate(M[i]):
                if v:
                    form[tuple(int(t == j) for t in range(n))] = v
            self.linear.append(form)
        self.images: dict[Exps, Poly] = {tuple([0] * n): {tuple([0] * n): _ONE}}

    def image(self, exps: Exps) -> Poly:
        """The polynomial :math:`(Mx)^a`."""
        got = self.images.get(exps)
        if got is None:
            i = max(j for j, k in enumerate(exps) if k)
            smaller = list(exps)
            smaller[i] -= 1
            got = poly_mul(self.image(tuple(smaller)), self.linear[i])
            self.images[exps] = got
        return got

    def __call__(self, p: Poly) -> Poly:
        out: Poly = {}
        pattern = self.pattern
        if pattern is not None:
            for exps, c in p.items():
                new = [0] * self.n
                coeff = c
                for i, k in enumerate(exps):
                    if k:
                        j, v = pattern[i]
                        new[j] += k
                        if v != _ONE:
                            coeff = coeff * v**k
                key = tuple(new)
                value = out.get(key, _ZERO) + coeff
                if value:
                    out[key] = value
                else:
                    out.pop(key, None)
            return out
        for exps, c in p.items():
            add_into(out, self.image(exps), c)
        return out


class Echelon:
    """A reduced row echelon basis of a span of polynomials, over exact numbers.

    Each stored row has coefficient 1 at its pivot (its largest monomial) and 0 at every
    other row's pivot, so reducing a vector is one pass over the pivots it contains.
    """

    def __init__(self) -> None:
        self.rows: dict[Exps, Poly] = {}

    def __len__(self) -> int:
        return len(self.rows)

    def reduce(self, v: Poly) -> Poly:
        """The remainder of v modulo the span (zero dict when v is in the span)."""
        r = dict(v)
        for key in [k for k in r if k in self.rows]:
            c = r.get(key)
            if c:
                add_into(r, self.rows[key], -c)
        return r

    def add(self, v: Poly) -> bool:
        """Add v to the span; return whether the span grew."""
        r = self.reduce(v)
        if not r:
            return False
        pivot = max(r)
        inv = r[pivot].inverse()
        r = {k: c * inv for k, c in r.items()}
        for row in self.rows.values():
            c = row.get(pivot)
            if c:
                add_into(row, r, -c)
        self.rows[pivot] = r
        return True
