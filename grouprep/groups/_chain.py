"""Stabilizer chains along the base 0, 1, ..., n-1 (private).

For a permutation group G on ``n`` points, let :math:`G^{(i)}` be the pointwise stabilizer
of ``0 .. i-1`` and :math:`\\Delta_i = i^{G^{(i)}}` the basic orbit of ``i``. Then
:math:`|G| = \\prod_i |\\Delta_i|`, and every element is a product of coset representatives
:math:`u_{\\delta} \\in G^{(i)}` with :math:`u_{\\delta}(i) = \\delta`.

With the base in the natural order this chain also ranks elements in lexicographic order of
their image tuples: the elements agreeing with g on ``0 .. i-1`` send ``i`` exactly to the
points :math:`g(\\Delta_i)`, each :math:`|G^{(i+1)}|` times, so

.. math:: \\operatorname{rank}(g) = \\sum_i
          \\#\\{\\delta \\in \\Delta_i : g(\\delta) < g(i)\\} \\cdot |G^{(i+1)}|.

That numbering depends on the group alone, not on its generators. The strong generating
set comes from sympy's Schreier–Sims (``PermutationGroup.schreier_sims_incremental``);
the closed-form families (symmetric, alternating) write their chains down directly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from grouprep.errors import SizeLimitError

Perm = tuple[int, ...]

__all__ = [
    "MAX_CHAIN_ENTRIES",
    "Chain",
    "chain_alternating",
    "chain_from_strong_generators",
    "chain_symmetric",
    "check_chain_size",
    "orbit_size",
]


def compose_perm(a: Perm, b: Perm) -> Perm:
    """``a∘b``: first b, then a."""
    return tuple(a[i] for i in b)


def invert_perm(a: Perm) -> Perm:
    inv = [0] * len(a)
    for i, v in enumerate(a):
        inv[v] = i
    return tuple(inv)


class Chain:
    """A stabilizer chain for the base ``0 .. n-1`` with explicit transversals."""

    __slots__ = (
        "_orbit_arrays",
        "_u_arrays",
        "degree",
        "inverse_transversals",
        "levels",
        "orbits",
        "order",
        "transversals",
        "weights",
    )

    def __init__(self, degree: int, transversals: Sequence[dict[int, Perm]]) -> None:
        self.degree = degree
        self.transversals = list(transversals)
        self.inverse_transversals = [
            {d: invert_perm(u) for d, u in t.items()} for t in self.transversals
        ]
        self.orbits = [tuple(sorted(t)) for t in self.transversals]
        sizes = [len(o) for o in self.orbits]
        self.order = math.prod(sizes)
        weights = []
        w = 1
        for s in reversed(sizes):
            weights.append(w)
            w *= s
        self.weights = list(reversed(weights))
        self.levels = [i for i in range(degree) if sizes[i] > 1]
        self._orbit_arrays = {i: np.array(self.orbits[i], dtype=np.intp) for i in self.levels}
        self._u_arrays = {
            i: np.array([self.transversals[i][d] for d in self.orbits[i]], dtype=np.intp)
            for i in self.levels
        }

    def contains(self, g: Perm) -> bool:
        """Sift ``g`` through the chain."""
        h = g
        for i in range(self.degree):
            d = h[i]
            if d == i:
                continue
            inv = self.inverse_transversals[i].get(d)
            if inv is None:
                return False
            h = compose_perm(inv, h)
        return True

    def rank(self, g: Perm) -> int:
        r = 0
        for i in self.levels:
            gi = g[i]
            r += sum(1 for d in self.orbits[i] if g[d] < gi) * self.weights[i]
        return r

    def rank_array(self, X: npt.NDArray[np.intp]) -> npt.NDArray[np.int64]:
        """Ranks of a batch of elements (rows); requires order < 2**62."""
        r = np.zeros(X.shape[0], dtype=np.int64)
        for i in self.levels:
            below = (X[:, self._orbit_arrays[i]] < X[:, i : i + 1]).sum(axis=1)
            r += below.astype(np.int64) * self.weights[i]
        return r

    def unrank(self, r: int) -> Perm:
        h = tuple(range(self.degree))
        for i in self.levels:
            d, r = divmod(r, self.weights[i])
            target = sorted(self.orbits[i], key=lambda p: h[p])[d]
            h = compose_perm(h, self.transversals[i][target])
        return h

    def enumerate(self) -> npt.NDArray[np.intp]:
        """All elements as rows, in lexicographic order."""
        H = np.arange(self.degree, dtype=np.intp)[None, :]
        for i in self.levels:
            U = self._u_arrays[i]  # (|Δ|, n), rows u_δ
            cand = H[:, U]  # cand[a, b] = h_a ∘ u_b
            key = H[:, self._orbit_arrays[i]]  # h_a(δ_b)
            order = np.argsort(key, axis=1, kind="stable")
            cand = np.take_along_axis(cand, order[:, :, None], axis=1)
            H = cand.reshape(-1, self.degree)
        return H


def _orbit_transversal(point: int, gens: Sequence[Perm], degree: int) -> dict[int, Perm]:
    ident = tuple(range(degree))
    trans = {point: ident}
    frontier = [point]
    while frontier:
        nxt = []
        for p in frontier:
            u = trans[p]
            for s in gens:
                q = s[p]
                if q not in trans:
                    trans[q] = compose_perm(s, u)
                    nxt.append(q)
        frontier = nxt
    return trans


MAX_CHAIN_ENTRIES = 2**25
"""The most permutation entries the explicit transversals of one chain may hold.

A chain on the base 0..n-1 stores one permutation of n points per point of each basic
orbit, n * (sum of the basic orbit sizes) entries; about 32 million of them take a few
GiB as Python tuples (and the inverses and index arrays beside them).
"""


def check_chain_size(degree: int, orbit_total: int, where: str) -> None:
    """Refuse a chain whose explicit transversals would exceed MAX_CHAIN_ENTRIES."""
    entries = degree * orbit_total
    if entries > MAX_CHAIN_ENTRIES:
        raise SizeLimitError(
            f"{where}: a stabilizer chain of this group of degree {degree} would store "
            f"{entries} permutation entries in its explicit transversals, more than the "
            f"{MAX_CHAIN_ENTRIES} grouprep builds; the group's order is known without it, "
            "but membership, element numbering and listing need the chain"
        )


def _levels(degree: int, strong_gens: Sequence[Perm]) -> list[list[Perm]]:
    """The strong generators fixing 0..i-1 pointwise, for each level i."""
    first_moved = [next((j for j in range(degree) if s[j] != j), degree) for s in strong_gens]
    pairs = list(zip(strong_gens, first_moved, strict=True))
    return [[s for s, f in pairs if f >= i] for i in range(degree)]


def orbit_size(point: int, gens: Sequence[Perm]) -> int:
    seen = {point}
    frontier = [point]
    while frontier:
        nxt = []
        for p in frontier:
            for s in gens:
                if s[p] not in seen:
                    seen.add(s[p])
                    nxt.append(s[p])
        frontier = nxt
    return len(seen)


def chain_from_strong_generators(
    degree: int, strong_gens: Sequence[Perm], where: str = "PermutationGroup"
) -> Chain:
    """Chain from a strong generating set relative to the base ``0 .. degree-1``."""
    levels = _levels(degree, strong_gens)
    total = sum(orbit_size(i, gens) if gens else 1 for i, gens in enumerate(levels))
    check_chain_size(degree, total, where)
    transversals = [_orbit_transversal(i, gens, degree) for i, gens in enumerate(levels)]
    return Chain(degree, transversals)


def chain_symmetric(n: int) -> Chain:
    check_chain_size(n, n * (n + 1) // 2, f"symmetric({n})")
    ident = list(range(n))
    transversals = []
    for i in range(n):
        t = {}
        for d in range(i, n):
            u = ident.copy()
            u[i], u[d] = d, i
            t[d] = tuple(u)
        transversals.append(t)
    return Chain(n, transversals)


def chain_alternating(n: int) -> Chain:
    check_chain_size(n, n * (n + 1) // 2, f"alternating({n})")
    ident = tuple(range(n))
    transversals = []
    for i in range(n):
        t: dict[int, Perm] = {i: ident}
        if n - i >= 3:
            for d in range(i + 1, n):
                x = n - 1 if d != n - 1 else n - 2  # a third point >= i, distinct from i, d
                u = list(ident)
                u[i], u[d], u[x] = d, x, i  # the 3-cycle i -> d -> x -> i
                t[d] = tuple(u)
        transversals.append(t)
    return Chain(n, transversals)
