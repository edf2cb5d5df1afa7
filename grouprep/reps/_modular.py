"""Exact matrices reduced modulo a prime that splits the cyclotomic field (private).

For a prime :math:`p \\equiv 1 \\pmod N` the field :math:`\\mathbb{F}_p` holds a primitive
N-th root of unity w, and :math:`\\zeta_N \\mapsto w` extends to a ring homomorphism from
the cyclotomic integers (with denominators prime to p) onto :math:`\\mathbb{F}_p`. Matrix
products, traces and ranks then cost integer array operations instead of exact cyclotomic
arithmetic: an identity that holds exactly holds modulo p, and one that fails exactly
fails modulo all but finitely many such primes. Products are formed on int64 arrays with
p < 2^25, so a sum of up to 2^13 products of residues never overflows.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep.numbers import Cyclotomic
from grouprep.numbers._cyclotomic import _is_prime, _prime_factors

__all__ = ["ModularField", "modular_law_violation"]

_LOW = 1 << 24
_HIGH = 1 << 25


@functools.lru_cache(maxsize=64)
def _primes(N: int, count: int) -> tuple[int, ...]:
    """The ``count`` smallest primes p = 1 (mod N) with p > 2^24 (and p < 2^25)."""
    out: list[int] = []
    p = _LOW + 1 + (-_LOW - 1 + 1) % N  # the first p > 2^24 with p = 1 mod N
    while len(out) < count:
        if p >= _HIGH:
            raise ValueError(f"no prime p = 1 mod {N} below 2^25")
        if _is_prime(p):
            out.append(p)
        p += N
    return tuple(out)


class ModularField:
    """:math:`\\mathbb{Q}(\\zeta_N) \\to \\mathbb{F}_p`, :math:`\\zeta_N \\mapsto w`."""

    def __init__(self, N: int, which: int = 0) -> None:
        self.N = N
        self.p = p = _primes(N, which + 1)[which]
        factors = _prime_factors(p - 1)
        g = next(
            a for a in range(2, p) if all(pow(a, (p - 1) // q, p) != 1 for q in factors)
        )  # a primitive root
        self.w = pow(g, (p - 1) // N, p)
        self._cache: dict[Cyclotomic, int] = {}

    def __call__(self, x: Cyclotomic) -> int:
        """The residue of an exact number (raises ZeroDivisionError if p divides its
        denominator)."""
        hit = self._cache.get(x)
        if hit is not None:
            return hit
        n, nums, den = x._n, x._nums, x._den
        if self.N % n:
            raise ValueError(f"{x!r} lies in Q(zeta_{n}), not in Q(zeta_{self.N})")
        p = self.p
        w = pow(self.w, self.N // n, p)
        total, power = 0, 1
        for c in nums:
            if c:
                total = (total + c * power) % p
            power = power * w % p
        if den % p == 0:
            raise ZeroDivisionError(f"p = {p} divides the denominator of {x!r}")
        out = total * pow(den, -1, p) % p
        self._cache[x] = out
        return out

    def matrix(self, m: Sequence[Sequence[Cyclotomic]]) -> npt.NDArray[np.int64]:
        return np.array([[self(v) for v in row] for row in m], dtype=np.int64).reshape(
            len(m), len(m)
        )

    def mul(self, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        return (a @ b) % self.p


def field_of(values: Any) -> int:
    """The least common order N of the cyclotomic fields of some exact numbers."""
    import math

    N = 1
    for v in values:
        N = math.lcm(N, v._n)
    return N


def _modular_matrices(
    rep: Any, field: int, which: int
) -> tuple[int, dict[Any, npt.NDArray[np.int64]], tuple[Any, Any] | None]:
    """(p, the matrices of all elements modulo p, the first law violation or None).

    The matrices are built from the generator images along a breadth-first search (the
    first word reaching an element defines its matrix); every other product
    :math:`\\rho(s)\\rho(g)` is compared with it. Works in :math:`\\mathbb{F}_p` for
    Q(zeta_N), N the lcm of ``field`` and the images' field."""
    import math

    G = rep.group
    images = [rep._gen_images[s] for s in G.generators]
    N = math.lcm(field, field_of(v for m in images for row in m for v in row))
    F = ModularField(N, which)
    gens = [F.matrix(m) for m in images]
    mats: dict[Any, npt.NDArray[np.int64]] = {G.identity: np.eye(rep.dim, dtype=np.int64)}
    frontier = [G.identity]
    violation = None
    while frontier:
        nxt = []
        for h in frontier:
            for s, ms in zip(G.generators, gens, strict=True):
                sh = G._compose(s, h)
                prod = F.mul(ms, mats[h])
                if sh not in mats:
                    mats[sh] = prod
                    nxt.append(sh)
                elif violation is None and not np.array_equal(mats[sh], prod):
                    violation = (s, h)
        frontier = nxt
    return F.p, mats, violation


def modular_law_violation(rep: Any, which: int = 0) -> tuple[Any, Any] | None:
    """The first (s, g) with :math:`\\rho(s g) \\ne \\rho(s)\\rho(g)` modulo p, or None.

    With the character values this decides, modulo p, that the generator images define a
    homomorphism."""
    return _modular_matrices(rep, 1, which)[2]


DFT_LIMIT = 4096
"""The largest element order whose character value is read from traces modulo a prime
(o matrix products and an o x o transform); beyond it, or when no prime p = 1 (mod o)
lies in (2^24, 2^25), :func:`exact_trace` raises :class:`NoModularRoute` and the caller
takes the trace of the exact matrix."""


class NoModularRoute(Exception):
    """The value of this element is not read modulo a prime (see :data:`DFT_LIMIT`)."""


def _modular_images(rep: Any, M: int) -> tuple[ModularField, list[npt.NDArray[np.int64]]]:
    """The generator images of ``rep`` modulo the first prime p = 1 (mod M) that divides
    no denominator, under :math:`\\zeta_M \\mapsto w` (cached on the representation)."""
    cache = rep._cache.setdefault("modular_images", {})
    if M not in cache:
        images = [rep._gen_images[s] for s in rep.group.generators]
        for which in range(64):
            try:
                F = ModularField(M, which)
            except ValueError as exc:  # no (further) prime p = 1 mod M below 2^25
                raise NoModularRoute(str(exc)) from None
            try:
                cache[M] = (F, [F.matrix(m) for m in images])
                break
            except ZeroDivisionError:  # p divides a denominator: the next prime
                continue
        else:  # pragma: no cover - 64 primes dividing the denominators
            raise NoModularRoute(f"no prime p = 1 mod {M} below 2^25 prime to the denominators")
    return cache[M]  # type: ignore[no-any-return]


def exact_trace(rep: Any, g: Any) -> Cyclotomic:
    """The character value :math:`\\chi(g) = \\operatorname{tr}\\rho(g)` exactly, from
    residues modulo one prime, without the exact matrix of g.

    Let o be the order of g. Since :math:`\\rho(g)^o = 1`, its eigenvalues are o-th roots
    of unity, :math:`\\chi(g) = \\sum_k m_k \\zeta_o^k` with multiplicities
    :math:`0 \\le m_k \\le d`, and

    .. math:: m_k = \\frac{1}{o} \\sum_{j=0}^{o-1} \\chi(g^j)\\, \\zeta_o^{-jk}.

    A ring homomorphism onto :math:`\\mathbb{F}_p` (p = 1 mod lcm(N, o), N the field of
    the matrices) maps :math:`\\chi(g^j)` to the trace of :math:`A^j`, A the product of
    the reduced generator images along a word for g, and :math:`\\zeta_o` to
    :math:`\\omega`. So :math:`m_k \\bmod p` is the same sum in :math:`\\mathbb{F}_p`, and
    as :math:`0 \\le m_k \\le d < p` it is :math:`m_k` itself: the value is exact, not a
    reconstruction that could be wrong. Matrices that break the homomorphism law are
    refused when they show it (:math:`A^o \\ne 1`, or multiplicities that are not
    residues of integers in ``0 .. d`` summing to d).
    """
    import math

    from grouprep.errors import GroupRepValueError
    from grouprep.numbers import root_of_unity
    from grouprep.reps._words import Algebra, element_matrix

    G, d = rep.group, rep.dim
    o = G._element_order(g)
    if o > DFT_LIMIT:
        raise NoModularRoute(f"the element has order {o} > {DFT_LIMIT}")
    if "images_field" not in rep._cache:  # the field of the generator images, once
        images = [rep._gen_images[s] for s in G.generators]
        rep._cache["images_field"] = field_of(v for m in images for row in m for v in row)
    M = math.lcm(o, rep._cache["images_field"])
    F, gens = _modular_images(rep, M)
    p = F.p
    one = np.eye(d, dtype=np.int64)
    algebra = Algebra(("modular", p, M), one, F.mul, gens)
    A = element_matrix(rep, g, algebra)
    traces = np.empty(o, dtype=np.int64)
    power = one
    for j in range(o):
        traces[j] = int(np.trace(power)) % p
        power = F.mul(power, A)
    if not np.array_equal(power, one):
        raise GroupRepValueError(
            f"{rep!r}: the generator images break the homomorphism law: rho(g)^{o} is not "
            f"the identity for g = {g!r} of order {o}"
        )
    # A^o = 1 with o | p - 1: A is diagonalizable over F_p with eigenvalues in mu_o, so the
    # inverse transform below gives residues of true multiplicities
    mult = _inverse_dft(traces, pow(F.w, M // o, p), p)
    if sum(mult) != d or any(m > d for m in mult):
        raise GroupRepValueError(
            f"{rep!r}: the generator images break the homomorphism law: the eigenvalue "
            f"multiplicities of rho(g) for g = {g!r} are not integers 0..{d} summing to {d}"
        )
    total_value = Cyclotomic(0)
    for k, m in enumerate(mult):
        if m:
            total_value = total_value + m * root_of_unity(o, k)
    return total_value


def _inverse_dft(traces: npt.NDArray[np.int64], omega: int, p: int) -> list[int]:
    """:math:`m_k = o^{-1} \\sum_j t_j \\omega^{-jk}` in :math:`\\mathbb{F}_p`, for an
    element omega of order o = len(traces) (vectorized: rows of k at a time)."""
    o = len(traces)
    omega_inv = pow(omega, -1, p)
    table = np.empty(o, dtype=np.int64)  # omega^-e for e = 0 .. o-1
    w = 1
    for e in range(o):
        table[e] = w
        w = w * omega_inv % p
    j = np.arange(o, dtype=np.int64)
    inv_o = pow(o, -1, p)
    out: list[int] = []
    rows = max(1, (1 << 20) // o)
    for start in range(0, o, rows):
        k = np.arange(start, min(o, start + rows), dtype=np.int64)
        terms = table[np.outer(k, j) % o] * traces[None, :] % p  # each < 2^25
        sums = terms.sum(axis=1) % p  # o < 2^13 terms of < 2^25
        out.extend(int(v) * inv_o % p for v in sums)
    return out
