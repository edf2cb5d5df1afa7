"""Exact conversion between sympy numbers and cyclotomic numbers (private).

sympy writes the values of roots of unity in several ways: ``exp(2*I*pi/5)``, ``I``,
``cos(pi/16)``, radicals such as ``sqrt(3)/2`` and nested radicals such as
``sqrt(sqrt(2)/4 + 1/2)`` (its value of ``cos(pi/8)``). :func:`cyclotomic_from_sympy`
reads all of these into a :class:`~grouprep.numbers.Cyclotomic`:

* rationals, ``I``, ``exp(I*pi*r)``, ``cos(pi*r)``, ``sin(pi*r)`` (r rational) directly;
* sums, products and integer powers by exact arithmetic;
* square roots of rationals by Gauss sums (:math:`\\sqrt{p} = \\sum_a (a/p)\\zeta_p^a`
  for :math:`p \\equiv 1 \\bmod 4`, times :math:`-i` for :math:`p \\equiv 3 \\bmod 4`,
  :math:`\\sqrt 2 = \\zeta_8 + \\zeta_8^{-1}`);
* square roots of other cyclotomic numbers a by a search in the fields
  :math:`\\mathbb{Q}(\\zeta_{cm})` (c the conductor of a, m = 1, 2, 4, 8): integer
  relations found numerically (PSLQ, mpmath), each candidate b then *proved* by the exact
  test :math:`b^2 = a` and the sign of its numeric value. A number that is not cyclotomic
  raises an error; nothing is approximated.

:func:`cyclotomic_to_sympy` writes a cyclotomic number as ``Re + I*Im`` with real parts
:math:`\\sum_j c_j \\cos(2\\pi j/N)` (sympy evaluates the cosines it knows), so real numbers
print without ``I``.
"""

from __future__ import annotations

import functools
import math
from fractions import Fraction
from typing import Any

from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.numbers._cyclotomic import (
    Cyclotomic,
    _left_inverse,
    _prime_factors,
    check_field_order,
    root_of_unity,
)

__all__ = ["cyclotomic_from_sympy", "cyclotomic_to_sympy"]


def _fail(expr: Any, why: str) -> GroupRepValueError:
    return GroupRepValueError(f"as_cyclotomic: {expr} is not a cyclotomic number ({why})")


def _pi_multiple(arg: Any, expr: Any) -> Fraction:
    """r with arg == r*pi, for r rational."""
    import sympy

    r = sympy.sympify(arg) / sympy.pi
    if not r.is_Rational:
        raise _fail(expr, f"the angle {arg} is not a rational multiple of pi")
    return Fraction(int(r.p), int(r.q))


def _root_at(r: Fraction) -> Cyclotomic:
    """exp(i*pi*r)."""
    check_field_order(2 * r.denominator, "as_cyclotomic", f"the angle {r}*pi")
    return root_of_unity(2 * r.denominator, r.numerator)


@functools.cache
def _sqrt_prime(p: int) -> Cyclotomic:
    """The positive square root of a prime p."""
    if p == 2:
        return root_of_unity(8) + root_of_unity(8, 7)
    g = Cyclotomic(0)
    for a in range(1, p):
        legendre = pow(a, (p - 1) // 2, p)
        g = g + root_of_unity(p, a) if legendre == 1 else g - root_of_unity(p, a)
    return g if p % 4 == 1 else -root_of_unity(4) * g


def _sqrt_rational(q: Fraction) -> Cyclotomic:
    """The principal square root of a rational number."""
    if q == 0:
        return Cyclotomic(0)
    sign = root_of_unity(4) if q < 0 else Cyclotomic(1)
    q = abs(q)
    m = q.numerator * q.denominator  # sqrt(a/b) = sqrt(a b) / b
    outside, root = 1, Cyclotomic(1)
    for p in _prime_factors(m):
        e, rest = 0, m
        while rest % p == 0:
            rest //= p
            e += 1
        outside *= p ** (e // 2)
        if e % 2:
            check_field_order(p if p % 4 == 1 else 4 * p, "as_cyclotomic", f"sqrt({p})")
            root = root * _sqrt_prime(p)
    return sign * root * Cyclotomic(Fraction(outside, q.denominator))


def _sqrt_cyclotomic(a: Cyclotomic, expr: Any) -> Cyclotomic:
    """The principal square root of a cyclotomic number, proved exactly, or an error."""
    if a.is_rational():
        return _sqrt_rational(a.as_fraction())
    import mpmath

    cond = a.conductor
    with mpmath.workdps(50):
        root = mpmath.sqrt(_mp_value(a))  # the principal branch, as sympy's sqrt
        for m in (1, 2, 4, 8):
            n = math.lcm(cond * m, 4)
            re = _real_in_field(mpmath.re(root), n)
            im = _real_in_field(mpmath.im(root), n)
            if re is None or im is None:
                continue
            b = re + root_of_unity(4) * im
            if b * b == a:
                return b
    raise _fail(expr, "no square root of it was found in the cyclotomic fields searched")


def _mp_value(a: Cyclotomic) -> Any:
    import mpmath

    n = a.conductor
    total = mpmath.mpc(0)
    for j, c in enumerate(a.coefficients(n)):
        if c:
            total += mpmath.mpf(c.numerator) / c.denominator * mpmath.expjpi(mpmath.mpf(2 * j) / n)
    return total


def _real_in_field(value: Any, n: int) -> Cyclotomic | None:
    """A candidate in the real subfield of Q(zeta_n) with this value, by an integer relation.

    The cosines :math:`\\cos(2\\pi j/n)`, :math:`0 \\le j < \\varphi(n)/2`, are a basis of
    that subfield, so a relation found by PSLQ must involve the value itself.
    """
    import mpmath

    if abs(value) < mpmath.mpf(10) ** (-40):
        return Cyclotomic(0)
    half = max(1, len(root_of_unity(n).coefficients(n)) // 2)
    vec = [value] + [mpmath.cos(2 * mpmath.pi * j / n) for j in range(half)]
    try:
        rel = mpmath.pslq(vec, maxcoeff=10**8, maxsteps=50000)
    except (ValueError, ZeroDivisionError):  # pragma: no cover - degenerate input
        return None
    if rel is None or rel[0] == 0:
        return None
    out = Cyclotomic(0)
    for j, c in enumerate(rel[1:]):
        if c:
            cosine = (root_of_unity(n, j) + root_of_unity(n, -j)) * Cyclotomic(Fraction(1, 2))
            out = out + Cyclotomic(Fraction(-c, rel[0])) * cosine
    return out


def cyclotomic_from_sympy(expr: Any) -> Cyclotomic:
    """Read a sympy number that lies in a cyclotomic field, exactly (see the module)."""
    import sympy

    expr = sympy.sympify(expr)
    return _convert(expr, expr)


def _convert(e: Any, whole: Any) -> Cyclotomic:
    import sympy

    if e.free_symbols:
        raise GroupRepTypeError(
            f"as_cyclotomic: expected a number, got {whole} with symbols "
            f"{sorted(map(str, e.free_symbols))}"
        )
    if e.is_Rational:
        return Cyclotomic(Fraction(int(e.p), int(e.q)))
    if e is sympy.I:
        return root_of_unity(4)
    if e.is_Add:
        total = Cyclotomic(0)
        for a in e.args:
            total = total + _convert(a, whole)
        return total
    if e.is_Mul:
        prod = Cyclotomic(1)
        for a in e.args:
            prod = prod * _convert(a, whole)
        return prod
    if e.is_Pow:
        base, ex = e.args
        if ex.is_Integer:
            b = _convert(base, whole)
            k = int(ex)
            return b**k if k >= 0 else (b ** (-k)).inverse()
        if ex.is_Rational and ex.q == 2:
            root = _sqrt_cyclotomic(_convert(base, whole), whole)
            k = int(ex.p)
            return root**k if k >= 0 else (root ** (-k)).inverse()
        if base is sympy.E:
            return _root_at(_pi_multiple(ex / sympy.I, whole))
        raise _fail(whole, f"the power {e} is not supported")
    if isinstance(e, sympy.exp):
        return _root_at(_pi_multiple(e.args[0] / sympy.I, whole))
    if isinstance(e, sympy.cos | sympy.sin):
        z = _root_at(_pi_multiple(e.args[0], whole))
        if isinstance(e, sympy.cos):
            return (z + z.conjugate()) * Cyclotomic(Fraction(1, 2))
        return (z - z.conjugate()) * (root_of_unity(4, 3) * Cyclotomic(Fraction(1, 2)))
    if isinstance(e, Cyclotomic):  # pragma: no cover - sympify turns it into exp terms
        return e
    raise _fail(whole, f"{type(e).__name__} terms are not supported")


@functools.lru_cache(maxsize=65536)
def _cos_term(j: int, n: int) -> Any:
    import sympy

    return sympy.cos(2 * sympy.pi * sympy.Rational(j, n))


@functools.cache
def _cosine_rows(n: int) -> tuple[tuple[int, ...], ...]:
    """Power-basis coordinates of 2 cos(2 pi j / n), 0 <= j < phi(n)/2: integer rows whose
    rational span is the real subfield of Q(zeta_n)."""
    half = max(1, len(root_of_unity(n).coefficients(n)) // 2)
    rows = []
    for j in range(half):
        coords = (root_of_unity(n, j) + root_of_unity(n, -j)).coefficients(n)
        rows.append(tuple(int(c) for c in coords))
    return tuple(rows)


def _real_to_sympy(x: Cyclotomic) -> Any:
    """A real cyclotomic number as a rational combination of cos(2 pi j / N)."""
    import sympy

    n = x.conductor
    if n == 1:
        q = x.as_fraction()
        return sympy.Rational(q.numerator, q.denominator)
    # x = sum_j y_j cos(2 pi j/n) = sum_j (y_j / 2) rows[j]: solve on a block of columns
    rows = _cosine_rows(n)
    cols, inv, den = _left_inverse(rows)
    coeffs = x.coefficients(n)
    ys = [
        2 * sum((coeffs[c] * inv[i][j] for i, c in enumerate(cols)), Fraction(0)) / den
        for j in range(len(rows))
    ]
    terms = [
        sympy.Rational(y.numerator, y.denominator) * _cos_term(j, n) for j, y in enumerate(ys) if y
    ]
    return sympy.Add(*terms)


@functools.lru_cache(maxsize=65536)
def cyclotomic_to_sympy(x: Cyclotomic) -> Any:
    """``Re(x) + I*Im(x)`` as sympy, each part a rational combination of cosines.

    The cosines :math:`\\cos(2\\pi j/N)`, :math:`0 \\le j < \\varphi(N)/2`, are a basis of the
    real subfield of :math:`\\mathbb{Q}(\\zeta_N)`; sympy evaluates those it knows in
    radicals. Real numbers print without ``I``.
    """
    import sympy

    half = Cyclotomic(Fraction(1, 2))
    re = (x + x.conjugate()) * half
    im = (x - x.conjugate()) * (root_of_unity(4, 3) * half)
    out = _real_to_sympy(re)
    if im:
        out = out + sympy.I * _real_to_sympy(im)
    return out
