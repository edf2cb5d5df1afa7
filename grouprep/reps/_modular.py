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
        out = total * pow(den % p, -1, p) % p
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


def modular_characters(rep: Any, field: int = 1, which: int = 0) -> tuple[int, list[int]]:
    """(p, traces modulo p of rho at the class representatives), from the generator images,
    in :math:`\\mathbb{F}_p` for Q(zeta_N), N the lcm of ``field`` and the images' field."""
    p, mats, _ = _modular_matrices(rep, field, which)
    G = rep.group
    return p, [int(np.trace(mats[c.representative]) % p) for c in G.conjugacy_classes()]
