"""Exact cyclotomic numbers (private).

An element of the cyclotomic field :math:`\\mathbb{Q}(\\zeta_N)`, :math:`\\zeta_N =
e^{2\\pi i/N}`, is stored as its coordinates on the power basis
:math:`1, \\zeta_N, \\dots, \\zeta_N^{\\varphi(N)-1}`, i.e. as the remainder of a polynomial in
:math:`\\zeta_N` modulo the cyclotomic polynomial :math:`\\Phi_N`: integer numerators with
one positive common denominator, in lowest terms. That form is unique for a given N, so
equality inside one field is a comparison of integer tuples, and the arithmetic is
integer polynomial arithmetic (no floating point, no simplification heuristics).

Numbers of different fields meet in :math:`\\mathbb{Q}(\\zeta_{\\mathrm{lcm}})`, where
equality is decided by comparing integer coordinates. For hashing and printing a number
is moved, once and on demand, to the smallest field :math:`\\mathbb{Q}(\\zeta_M)` that
contains it (its conductor, M never 2 mod 4): that form is unique, so ``hash`` agrees
with ``==`` across fields while arithmetic never pays for the search.
"""

from __future__ import annotations

import cmath
import functools
import math
import numbers
from fractions import Fraction
from typing import Any

from grouprep._validation import check_int, describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError, SizeLimitError

__all__ = ["MAX_FIELD_ORDER", "Cyclotomic", "as_cyclotomic", "check_field_order", "root_of_unity"]


# ------------------------------------------------------------------ polynomials
MAX_FIELD_ORDER = 65_536
"""The largest N for which grouprep computes in :math:`\\mathbb{Q}(\\zeta_N)`.

Numbers of :math:`\\mathbb{Q}(\\zeta_N)` are stored on :math:`\\varphi(N)` integer
coordinates and reduced by polynomials of degree up to N; beyond this order a single
product would take minutes and the coordinates gigabytes, so such a field is refused
with :class:`~grouprep.errors.SizeLimitError` before anything is allocated.
"""


def check_field_order(n: int, where: str, what: str) -> int:
    """Return n if :math:`\\mathbb{Q}(\\zeta_n)` is within :data:`MAX_FIELD_ORDER`.

    ``what`` describes where n came from in the caller's terms (an argument name, the
    operands of an operation); the message gives n and the limit.
    """
    if n > MAX_FIELD_ORDER:
        raise SizeLimitError(
            f"{where}: {what} needs the cyclotomic field Q(zeta_N) with N = {n}, beyond the "
            f"limit N <= {MAX_FIELD_ORDER}"
        )
    return n


@functools.lru_cache(maxsize=256)
def _cyclotomic_poly(n: int) -> tuple[int, ...]:
    """Coefficients of Φ_n, lowest degree first.

    :math:`\\Phi_n(x) = \\Phi_r(x^{n/r})` with r the product of the primes dividing n, and
    :math:`\\Phi_r(x) = \\prod_{d | r} (x^d - 1)^{\\mu(r/d)}`: one pass over the
    coefficients per divisor (multiplications first, then exact divisions).
    """
    primes = _prime_factors(n) if n > 1 else ()
    r = math.prod(primes)
    ups: list[int] = []
    downs: list[int] = []
    for mask in range(1 << len(primes)):
        d = math.prod(p for i, p in enumerate(primes) if mask >> i & 1)
        # mu(r/d) = (-1)^(number of primes not in d); Phi_1 = x - 1 has mu(1) = 1
        (ups if (len(primes) - bin(mask).count("1")) % 2 == 0 else downs).append(d)
    poly = [1]
    for d in ups:  # times (x^d - 1)
        out = [0] * (len(poly) + d)
        for i, v in enumerate(poly):
            if v:
                out[i + d] += v
                out[i] -= v
        poly = out
    for d in downs:  # exactly divided by (x^d - 1): q[i] = q[i - d] - p[i]
        q = [0] * (len(poly) - d)
        for i in range(len(q)):
            q[i] = (q[i - d] if i >= d else 0) - poly[i]
        poly = q
    step = n // r
    if step == 1:
        return tuple(poly)
    spread = [0] * ((len(poly) - 1) * step + 1)
    for i, v in enumerate(poly):
        spread[i * step] = v
    return tuple(spread)


def _phi(n: int) -> int:
    return len(_cyclotomic_poly(n)) - 1


def _reduce(coeffs: list[int], n: int) -> list[int]:
    """Remainder of a polynomial in ζ_n (any degree) modulo Φ_n: length φ(n)."""
    cyc = _cyclotomic_poly(n)
    deg = len(cyc) - 1
    c = coeffs[:]
    # first fold exponents >= n using ζ^n = 1
    if len(c) > n:
        folded = [0] * n
        for i, v in enumerate(c):
            folded[i % n] += v
        c = folded
    for i in range(len(c) - 1, deg - 1, -1):
        v = c[i]
        if v:
            c[i] = 0
            base = i - deg
            for j in range(deg):  # Φ monic: x^deg = -(lower terms)
                if cyc[j]:
                    c[base + j] -= v * cyc[j]
    out = c[:deg]
    out += [0] * (deg - len(out))
    return out


def _normalize(nums: list[int], den: int) -> tuple[tuple[int, ...], int]:
    g = den
    for v in nums:
        if v:
            g = math.gcd(g, v)
            if g == 1:
                break
    if den < 0:
        g = -g
    return tuple(v // g for v in nums), den // g


# ------------------------------------------------------------------ the number
class Cyclotomic:
    """An exact element of a cyclotomic field :math:`\\mathbb{Q}(\\zeta_N)`.

    Build one with :func:`root_of_unity`, from ints and fractions (``Cyclotomic(3)``,
    ``Cyclotomic(Fraction(1, 2))``), or by arithmetic. Values are immutable and hashable;
    ``==`` is exact, also between numbers built in different fields.

    .. math:: x = \\frac{1}{d} \\sum_{j=0}^{\\varphi(N)-1} a_j \\zeta_N^j,
              \\qquad a_j \\in \\mathbb{Z},\\ d \\ge 1,

    with N the conductor of x (the least field containing it, N not 2 mod 4).

    Examples
    --------
    >>> from grouprep.numbers import root_of_unity
    >>> w = root_of_unity(3)
    >>> w**3 == 1, 1 + w + w**2 == 0
    (True, True)
    >>> i = root_of_unity(4)
    >>> i * i
    -1
    >>> (root_of_unity(8) + root_of_unity(8, 7))**2  # (√2)² = 2
    2
    >>> complex(root_of_unity(6)).imag == 3**0.5 / 2
    True
    >>> import sympy
    >>> sympy.sympify(root_of_unity(3))
    exp(2*I*pi/3)
    """

    __slots__ = ("_canon", "_den", "_hash", "_n", "_nums")
    _n: int
    _nums: tuple[int, ...]
    _den: int

    def __init__(self, value: Any = 0) -> None:
        if isinstance(value, Cyclotomic):
            self._n, self._nums, self._den = value._n, value._nums, value._den
        else:
            q = _as_fraction(value, "Cyclotomic")
            self._n, self._nums, self._den = 1, (q.numerator,), q.denominator
        self._hash: int | None = None
        self._canon: tuple[int, tuple[int, ...], int] | None = None

    @classmethod
    def _make(cls, n: int, nums: list[int], den: int) -> Cyclotomic:
        """A number from power-basis coordinates in Q(ζ_n) (rationals detected at once)."""
        tup, den = _normalize(nums, den)
        if n > 1 and not any(tup[1:]):
            n, tup = 1, (tup[0],)
        obj = cls.__new__(cls)
        obj._n, obj._nums, obj._den, obj._hash, obj._canon = n, tup, den, None, None
        return obj

    def __reduce__(self) -> tuple[Any, tuple[int, tuple[int, ...], int]]:
        # pickled as its coordinates (the cached hash and conductor are recomputed)
        return (_from_coordinates, (self._n, self._nums, self._den))

    def __copy__(self) -> Cyclotomic:
        return self

    def __deepcopy__(self, memo: Any) -> Cyclotomic:
        return self

    def _canonical(self) -> tuple[int, tuple[int, ...], int]:
        """(conductor, numerators, denominator): the unique stored form of the value."""
        if self._canon is None:
            n, nums = _shrink(self._n, self._nums)
            self._canon = (n, nums, self._den)
        return self._canon

    # ------------------------------------------------------------ inspection
    @property
    def conductor(self) -> int:
        """The least N (not 2 mod 4) with the number in :math:`\\mathbb{Q}(\\zeta_N)`."""
        return self._canonical()[0]

    def coefficients(self, n: int | None = None) -> tuple[Fraction, ...]:
        """Coordinates on the power basis of :math:`\\mathbb{Q}(\\zeta_n)` (default: conductor).

        Raises
        ------
        GroupRepValueError
            If n is not a multiple of the conductor.
        """
        cond, cnums, den = self._canonical()
        m = cond if n is None else check_int(n, "n", "Cyclotomic.coefficients", minimum=1)
        check_field_order(m, "Cyclotomic.coefficients", f"argument 'n' = {m}")
        if m % cond:
            raise GroupRepValueError(
                f"Cyclotomic.coefficients: argument 'n' must be a multiple of the conductor "
                f"{cond}, got {m}"
            )
        nums = _lift_coords(cond, cnums, m)
        return tuple(Fraction(v, den) for v in nums)

    def is_rational(self) -> bool:
        """Whether the number is rational."""
        return self._n == 1

    def is_real(self) -> bool:
        """Whether the number equals its complex conjugate."""
        return bool(self == self.conjugate())

    def as_fraction(self) -> Fraction:
        """The value as a Fraction.

        Raises
        ------
        GroupRepValueError
            If the number is not rational.
        """
        if self._n != 1:
            raise GroupRepValueError(f"Cyclotomic.as_fraction: {self!r} is not rational")
        return Fraction(self._nums[0], self._den)

    # ------------------------------------------------------------ arithmetic
    def _binary(self, other: Any) -> tuple[int, list[int], int, list[int], int] | None:
        if not isinstance(other, Cyclotomic):
            try:
                other = Cyclotomic(other)
            except GroupRepTypeError:
                return None
        n = math.lcm(self._n, other._n)
        if n > MAX_FIELD_ORDER:
            check_field_order(
                n,
                "Cyclotomic arithmetic",
                f"combining numbers of Q(zeta_{self._n}) and Q(zeta_{other._n})",
            )
        return n, _lift(self, n), self._den, _lift(other, n), other._den

    def __add__(self, other: Any) -> Cyclotomic:
        parts = self._binary(other)
        if parts is None:
            return NotImplemented
        n, a, da, b, db = parts
        return Cyclotomic._make(n, [x * db + y * da for x, y in zip(a, b, strict=True)], da * db)

    __radd__ = __add__

    def __neg__(self) -> Cyclotomic:
        return Cyclotomic._make(self._n, [-v for v in self._nums], self._den)

    def __pos__(self) -> Cyclotomic:
        return self

    def __sub__(self, other: Any) -> Cyclotomic:
        parts = self._binary(other)
        if parts is None:
            return NotImplemented
        n, a, da, b, db = parts
        return Cyclotomic._make(n, [x * db - y * da for x, y in zip(a, b, strict=True)], da * db)

    def __rsub__(self, other: Any) -> Cyclotomic:
        return (-self).__add__(other)

    def __mul__(self, other: Any) -> Cyclotomic:
        parts = self._binary(other)
        if parts is None:
            return NotImplemented
        n, a, da, b, db = parts
        if len(a) == 1:  # a rational factor
            return Cyclotomic._make(n, [a[0] * y for y in b], da * db)
        if len(b) == 1:
            return Cyclotomic._make(n, [x * b[0] for x in a], da * db)
        prod = [0] * (len(a) + len(b) - 1)
        for i, x in enumerate(a):
            if x:
                for j, y in enumerate(b):
                    if y:
                        prod[i + j] += x * y
        return Cyclotomic._make(n, _reduce(prod, n), da * db)

    __rmul__ = __mul__

    def inverse(self) -> Cyclotomic:
        """The multiplicative inverse, by relative norms down a tower of subfields.

        With N the conductor, :math:`q = p^k` the part of N of its largest prime p and
        :math:`H = \\operatorname{Gal}(\\mathbb{Q}(\\zeta_N)/\\mathbb{Q}(\\zeta_{N/q}))`
        (the :math:`\\sigma_a`, :math:`a \\equiv 1 \\bmod N/q`), the relative norm
        :math:`\\nu = \\prod_{\\sigma \\in H} \\sigma(x)` lies in the smaller field and
        :math:`x^{-1} = \\prod_{\\sigma \\in H, \\sigma \\ne 1} \\sigma(x) \\cdot \\nu^{-1}`,
        with :math:`\\nu^{-1}` found the same way: :math:`\\sum_q \\varphi(q)` products
        instead of :math:`\\varphi(N)`.

        Raises
        ------
        ZeroDivisionError
            For zero.
        """
        if not any(self._nums):
            raise ZeroDivisionError("Cyclotomic.inverse: division by zero")
        if self._n == 1:
            return Cyclotomic(Fraction(self._den, self._nums[0]))
        n = self.conductor
        p = _prime_factors(n)[-1]
        q = p
        while n % (q * p) == 0:
            q *= p
        m = n // q
        others = Cyclotomic(1)
        for a in range(1 + m, n, m):  # a = 1 mod m, a != 1, a a unit mod q
            if a % p:
                others = others * self.galois(a)
        return others * (others * self).inverse()

    def __truediv__(self, other: Any) -> Cyclotomic:
        try:
            divisor = other if isinstance(other, Cyclotomic) else Cyclotomic(other)
        except GroupRepTypeError:
            return NotImplemented
        return self * divisor.inverse()

    def __rtruediv__(self, other: Any) -> Cyclotomic:
        return Cyclotomic(other) * self.inverse()

    def __pow__(self, k: int) -> Cyclotomic:
        if isinstance(k, bool) or not isinstance(k, numbers.Integral):
            return NotImplemented
        k = int(k)
        base = self if k >= 0 else self.inverse()
        result, k = Cyclotomic(1), abs(k)
        while k:
            if k & 1:
                result = result * base
            base = base * base
            k >>= 1
        return result

    def galois(self, a: int) -> Cyclotomic:
        """The Galois conjugate :math:`\\sigma_a : \\zeta_N \\mapsto \\zeta_N^a`, gcd(a, N) = 1."""
        a = check_int(a, "a", "Cyclotomic.galois")
        n, nums, den = self._canonical()
        if math.gcd(a, n) != 1:
            raise GroupRepValueError(
                f"Cyclotomic.galois: argument 'a' must be coprime to the conductor {n}, got {a}"
            )
        if n == 1:
            return self
        poly = [0] * n
        for j, v in enumerate(nums):
            if v:
                poly[(a * j) % n] += v
        return Cyclotomic._make(n, _reduce(poly, n), den)

    def conjugate(self) -> Cyclotomic:
        """The complex conjugate, :math:`\\zeta_N \\mapsto \\zeta_N^{-1}`."""
        n = self._n
        if n <= 2:
            return self
        poly = [0] * n
        for j, v in enumerate(self._nums):
            if v:
                poly[(-j) % n] += v
        return Cyclotomic._make(n, _reduce(poly, n), self._den)

    # ------------------------------------------------------------ comparison
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Cyclotomic):
            try:
                other = Cyclotomic(other)
            except GroupRepTypeError:
                return NotImplemented
        if self._n == other._n:  # one field: the normalized coordinates are unique
            return self._nums == other._nums and self._den == other._den
        n = math.lcm(self._n, other._n)
        if n > MAX_FIELD_ORDER:  # too large a common field: compare the unique stored forms
            return self._canonical() == other._canonical()
        a, b = _lift(self, n), _lift(other, n)
        return all(x * other._den == y * self._den for x, y in zip(a, b, strict=True))

    def __hash__(self) -> int:
        if self._hash is None:
            n, nums, den = self._canonical()
            self._hash = hash(Fraction(nums[0], den)) if n == 1 else hash((n, nums, den))
        return self._hash

    def __bool__(self) -> bool:
        return any(self._nums)

    # ------------------------------------------------------------ conversion
    def __complex__(self) -> complex:
        n = self._n
        total = sum(
            (v * cmath.exp(2j * math.pi * j / n) for j, v in enumerate(self._nums) if v),
            0j,
        )
        return total / self._den

    def __float__(self) -> float:
        z = complex(self)
        if not self.is_real():
            raise GroupRepValueError(f"float: {self!r} is not real")
        return z.real

    def _sympy_(self) -> Any:
        import sympy

        n = self._n
        terms = [
            sympy.Rational(v, self._den) * sympy.exp(2 * sympy.pi * sympy.I * sympy.Rational(j, n))
            for j, v in enumerate(self._nums)
            if v
        ]
        return sympy.Add(*terms) if terms else sympy.Integer(0)

    def __repr__(self) -> str:
        n, nums, den = self._canonical()
        if n == 1:
            return str(Fraction(nums[0], den))
        parts = []
        for j, v in enumerate(nums):
            if not v:
                continue
            coeff = Fraction(v, den)
            if j == 0:
                parts.append(str(coeff))
                continue
            mono = f"E({n})" + (f"^{j}" if j > 1 else "")
            if coeff == 1:
                parts.append(mono)
            elif coeff == -1:
                parts.append("-" + mono)
            else:
                parts.append(f"{coeff}*{mono}")
        text = " + ".join(parts)
        return text.replace("+ -", "- ")


def _from_coordinates(n: int, nums: tuple[int, ...], den: int) -> Cyclotomic:
    """Unpickle a number from its stored coordinates, checking their shape."""
    if (
        not isinstance(n, int)
        or not 1 <= n <= MAX_FIELD_ORDER
        or not isinstance(den, int)
        or den < 1
        or not isinstance(nums, tuple)
        or len(nums) != _phi(n)
        or not all(isinstance(v, int) for v in nums)
    ):
        raise GroupRepValueError(
            f"Cyclotomic: pickled coordinates are not a number of Q(zeta_n), got "
            f"n = {describe(n)}, {len(nums) if isinstance(nums, tuple) else describe(nums)} "
            f"numerators, denominator {describe(den)}"
        )
    return Cyclotomic._make(n, list(nums), den)


def _as_fraction(value: Any, where: str) -> Fraction:
    if isinstance(value, bool):
        raise GroupRepTypeError(f"{where}: expected a number, got bool {value!r}")
    if isinstance(value, numbers.Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    if isinstance(value, float | complex):
        raise GroupRepTypeError(
            f"{where}: expected an int, Fraction or Cyclotomic (floats are not exact), "
            f"got {describe(value)} of type {type(value).__name__}"
        )
    try:
        import sympy
    except ImportError:  # pragma: no cover
        sympy = None
    if sympy is not None and isinstance(value, sympy.Rational):
        return Fraction(int(value.p), int(value.q))
    raise GroupRepTypeError(
        f"{where}: expected an int, Fraction or Cyclotomic (floats are not exact), "
        f"got {describe(value)} of type {type(value).__name__}"
    )


def _lift(x: Cyclotomic, n: int) -> list[int]:
    """Numerators of x on the power basis of Q(ζ_n), n a multiple of its field's index."""
    return _lift_coords(x._n, x._nums, n)


def _lift_coords(m: int, nums: tuple[int, ...], n: int) -> list[int]:
    if m == n:
        return list(nums)
    step = n // m
    poly = [0] * n
    for j, v in enumerate(nums):
        if v:
            poly[j * step] += v
    return _reduce(poly, n)


def _shrink(n: int, nums: tuple[int, ...]) -> tuple[int, tuple[int, ...]]:
    """Move a reduced element of Q(ζ_n) to its conductor."""
    while n > 1:
        if n % 4 == 2:  # Q(ζ_n) = Q(ζ_{n/2}): ζ_n = -ζ_{n/2}^{(n/2+1)/2}
            half = n // 2
            poly = [0] * half
            for j, v in enumerate(nums):
                if v:
                    # ζ_n^j = (-1)^j ζ_{n/2}^{j (half+1)/2}
                    poly[(j * ((half + 1) // 2)) % half] += -v if j % 2 else v
            n, nums = half, tuple(_reduce(poly, half))
            continue
        for p in _prime_factors(n):
            smaller = _descend(n, nums, p)
            if smaller is not None:
                n, nums = n // p, smaller
                break
        else:
            break
    if n == 1:
        return 1, (nums[0],)
    return n, nums


def _is_prime(n: int) -> bool:
    """Primality, deterministic below :math:`3.4 \\cdot 10^{14}` (Miller-Rabin with the
    bases 2, 3, 5, 7, 11, 13, 17, Jaeschke 1993); trial division beyond."""
    if n < 2:
        return False
    for q in (2, 3, 5, 7, 11, 13, 17):
        if n % q == 0:
            return n == q
    if n >= 341_550_071_728_321:
        return all(n % d for d in range(19, math.isqrt(n) + 1, 2))
    d, r = n - 1, 0
    while d % 2 == 0:
        d //= 2
        r += 1
    for a in (2, 3, 5, 7, 11, 13, 17):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


@functools.cache
def _prime_factors(n: int) -> tuple[int, ...]:
    out, m, p = [], n, 2
    while p * p <= m:
        if m % p == 0:
            out.append(p)
            while m % p == 0:
                m //= p
        p += 1
    if m > 1:
        out.append(m)
    return tuple(out)


def _descend(n: int, nums: tuple[int, ...], p: int) -> tuple[int, ...] | None:
    """The coordinates in Q(ζ_{n/p}) if the element lies there, else None.

    For p^2 | n the powers of ζ_{n/p} are basis vectors of Q(ζ_n); otherwise the
    candidate is the relative trace divided by p - 1 (:func:`_descend_by_trace`).
    """
    m = n // p
    if m % p == 0:  # p^2 | n: ζ_m^j = ζ_n^{jp} is itself a basis vector of Q(ζ_n)
        if any(v for j, v in enumerate(nums) if j % p):
            return None
        return nums[::p][: _phi(m)]
    return _descend_by_trace(n, nums, p)


def _descend_by_trace(n: int, nums: tuple[int, ...], p: int) -> tuple[int, ...] | None:
    """The same for p exactly dividing n, by the relative trace, in O(n) steps.

    With m = n/p coprime to p, :math:`\\zeta_n^j = \\zeta_m^{A} \\zeta_p^{B}`,
    A = j p^{-1} mod m, B = j m^{-1} mod p; the trace to :math:`\\mathbb{Q}(\\zeta_m)` sends
    :math:`\\zeta_p^B` to p - 1 if B = 0 and to -1 otherwise. An x of the subfield is its
    trace divided by p - 1, with integer coordinates (:math:`\\mathbb{Z}[\\zeta_n] \\cap
    \\mathbb{Q}(\\zeta_m) = \\mathbb{Z}[\\zeta_m]`); the candidate is then lifted back and
    compared, so a number outside the subfield is never moved.
    """
    m = n // p
    inv_p, inv_m = pow(p, -1, m) if m > 1 else 0, pow(m, -1, p)
    trace = [0] * m
    for j, v in enumerate(nums):
        if v:
            trace[j * inv_p % m] += v * (p - 1 if j * inv_m % p == 0 else -1)
    reduced = _reduce(trace, m)
    if any(t % (p - 1) for t in reduced):
        return None
    y = tuple(t // (p - 1) for t in reduced)
    if _lift_coords(m, y, n) != list(nums):
        return None
    return y


@functools.cache
def _left_inverse(
    rows: tuple[tuple[int, ...], ...],
) -> tuple[tuple[int, ...], tuple[tuple[int, ...], ...], int]:
    """Pivot columns C of the rows and the inverse of rows[:, C], as integers over one den."""
    r = len(rows)
    ncols = len(rows[0])
    # Gaussian elimination on the transpose finds r independent columns
    work = [[Fraction(rows[j][c]) for j in range(r)] for c in range(ncols)]  # columns
    basis: list[list[Fraction]] = []
    pivot_pos: list[int] = []
    cols: list[int] = []
    for c in range(ncols):
        v = work[c][:]
        for b, pos in zip(basis, pivot_pos, strict=True):
            if v[pos]:
                f = v[pos] / b[pos]
                v = [x - f * y for x, y in zip(v, b, strict=True)]
        nz = next((i for i, x in enumerate(v) if x), None)
        if nz is not None:
            basis.append(v)
            pivot_pos.append(nz)
            cols.append(c)
            if len(cols) == r:
                break
    # invert the square block S[j][i] = rows[j][cols[i]], so that y S = target[C]
    S = [[Fraction(rows[j][c]) for c in cols] for j in range(r)]
    aug = [row + [Fraction(int(i == k)) for k in range(r)] for i, row in enumerate(S)]
    for col in range(r):
        piv = next(i for i in range(col, r) if aug[i][col])
        aug[col], aug[piv] = aug[piv], aug[col]
        f = aug[col][col]
        aug[col] = [x / f for x in aug[col]]
        for i in range(r):
            if i != col and aug[i][col]:
                g = aug[i][col]
                aug[i] = [x - g * y for x, y in zip(aug[i], aug[col], strict=True)]
    inv = [row[r:] for row in aug]  # S^-1: y = target[C] @ S^-1
    den = 1
    for row in inv:
        for x in row:
            den = math.lcm(den, x.denominator)
    return (
        tuple(cols),
        tuple(tuple(int(x * den) for x in row) for row in inv),
        den,
    )


def root_of_unity(n: int, k: int = 1) -> Cyclotomic:
    """The root of unity :math:`\\zeta_n^k = e^{2\\pi i k/n}`, exactly.

    Parameters
    ----------
    n : int
        ``n >= 1``.
    k : int, optional
        Any integer exponent (default 1), taken mod n.

    Raises
    ------
    SizeLimitError
        If ``n`` exceeds :data:`MAX_FIELD_ORDER` (65,536), before anything is allocated;
        arithmetic whose operands only meet in such a field raises it too.

    Examples
    --------
    >>> from grouprep.numbers import root_of_unity
    >>> root_of_unity(4), root_of_unity(4, 2), root_of_unity(12, 3) == root_of_unity(4)
    (E(4), -1, True)
    """
    n = check_int(n, "n", "root_of_unity", minimum=1)
    check_field_order(n, "root_of_unity", f"argument 'n' = {n}")
    k = check_int(k, "k", "root_of_unity") % n
    return _root(n, k)


@functools.lru_cache(maxsize=65536)
def _root(n: int, k: int) -> Cyclotomic:
    poly = [0] * n
    poly[k] = 1
    return Cyclotomic._make(n, _reduce(poly, n), 1)


def as_cyclotomic(value: Any) -> Cyclotomic:
    """Convert an int, a Fraction, a Cyclotomic or a sympy number to a Cyclotomic, exactly.

    sympy numbers may be written with ``I``, ``exp(I*pi*r)``, ``cos(pi*r)``, ``sin(pi*r)``
    (r rational), square roots (also nested, as sympy writes ``cos(pi/8)``), sums,
    products and integer powers. Square roots other than of rationals are found by an
    integer-relation search and then proved by exact squaring; a number outside every
    cyclotomic field raises :class:`~grouprep.errors.GroupRepValueError`.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import sympy
    >>> from grouprep.numbers import as_cyclotomic, root_of_unity
    >>> as_cyclotomic(Fraction(3, 4)) + 1
    7/4
    >>> as_cyclotomic(sympy.cos(sympy.pi / 8)) == (root_of_unity(16) + root_of_unity(16, 15)) / 2
    True
    >>> as_cyclotomic(sympy.sqrt(-3)) == 1 + 2 * root_of_unity(3)
    True
    """
    if isinstance(value, Cyclotomic):
        return value
    if type(value).__module__.startswith("sympy") and not getattr(value, "is_Rational", False):
        from grouprep.numbers._sympy_bridge import cyclotomic_from_sympy

        return cyclotomic_from_sympy(value)
    return Cyclotomic(value)
