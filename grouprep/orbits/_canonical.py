"""Least images of signals under a permutation group of the sites, without listing G (private).

The canonical form of a signal x under a signal action is its lexicographically least
image (the positions compared in the order ``0, 1, ..., n-1`` of the flattened signal),

.. math:: \\operatorname{can}(x) = \\min_{\\text{lex}} \\{ x \\circ \\tau : \\tau \\in H \\},
          \\qquad H = \\{ \\gamma_g : g \\in G \\},

where :math:`\\gamma_g` is the gather index of g, :math:`(g \\cdot x)[i] = x[\\gamma_g[i]]`.
The gather indices form a permutation group H of the sites (the image of G, anti-
isomorphic to :math:`G / K` for the kernel K of the action).

Three searches find it, each giving exactly that least image:

* **Stabilizer chain** (any H). The minimal-image search of Jefferson, Jonauskyte,
  Pfeiffer & Waldecker, "Minimal and canonical images", J. Algebra 521 (2019): along the
  base ``0, 1, ..., n-1`` of H (sympy's Schreier–Sims), with :math:`H^{(i)}` the pointwise
  stabilizer of ``0 .. i-1``, :math:`\\Delta_i = i^{H^{(i)}}` and transversal elements
  :math:`u_\\delta \\in H^{(i)}` with :math:`u_\\delta(i) = \\delta`, every
  :math:`\\tau \\in H` is one product :math:`u_0 u_1 \\cdots u_{n-1}`. Position i of the
  image of a partial product p is :math:`x[p(\\delta)]`, :math:`\\delta \\in \\Delta_i`, so
  level by level only the partial images whose entry i is least over all of them are
  kept. Two partial images y = x∘p and y' = x∘p' that are equal have equal subtrees
  (:math:`y \\circ v = y' \\circ v`), so they are merged and their multiplicities added:
  the number of leaves reaching the least image is :math:`|H_x|`, and
  :math:`|G_x| = |K|\\,|H_x|`.
* **All permutations of the sites** (H the full symmetric group, e.g. :math:`S_n` on
  sets): the least image is the sorted signal, :math:`|H_x| = \\prod_v m_v!` over the
  multiplicities :math:`m_v` of the values.
* **All relabellings of graph vertices** (H = :math:`S_m` acting on an ``(m, m)`` array
  by :math:`(\\sigma \\cdot A)[i, j] = A[\\sigma^{-1} i, \\sigma^{-1} j]`): the rows are
  fixed one at a time by individualisation and refinement; see :mod:`._graph_search`.

The group element reaching the least image is found by sifting its gather index through
a stabilizer chain of G acting on the sites and on its own points together, which lifts a
site permutation to G. Where several elements reach it (a coset of :math:`G_x`), the
elements of the coset are listed from the leaves of the search without merging and the
least index is taken, as the definition asks.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep.actions import SignalAction
from grouprep.errors import SizeLimitError
from grouprep.groups import PermutationGroup, permutation_group

__all__ = ["least_images"]

Array = npt.NDArray[Any]

_CHUNK = 1 << 17
"""Rows times sites searched at once (the states of a chunk stay a few MB)."""

_MAX_STATE_ENTRIES = 1 << 25
"""The most partial-image entries the chain search holds at once (64 MB of int16)."""


def _inverse_rows(P: npt.NDArray[np.intp]) -> npt.NDArray[np.intp]:
    """Each row's inverse permutation."""
    inv = np.empty_like(P)
    rows = np.arange(P.shape[0])[:, None]
    inv[rows, P] = np.arange(P.shape[1], dtype=P.dtype)[None, :]
    return inv


def _orbit_transversal(
    point: int, gens: list[npt.NDArray[np.intp]], degree: int
) -> dict[int, npt.NDArray[np.intp]]:
    """Breadth-first orbit of ``point`` with u(point) = delta for each delta (arrays)."""
    trans = {point: np.arange(degree, dtype=np.intp)}
    frontier = [point]
    while frontier:
        nxt = []
        for p in frontier:
            u = trans[p]
            for s in gens:
                q = int(s[p])
                if q not in trans:
                    trans[q] = s[u]  # (s ∘ u)(point) = s(p) = q
                    nxt.append(q)
        frontier = nxt
    return trans


class _Level:
    """One level of the chain: base point i, its basic orbit and coset representatives."""

    __slots__ = ("delta", "position", "u_group", "u_inverse", "u_sites")

    def __init__(self, i: int, trans: dict[int, npt.NDArray[np.intp]], n: int, total: int) -> None:
        self.delta = np.array(sorted(trans), dtype=np.intp)
        U = np.stack([trans[int(d)] for d in self.delta])
        self.u_sites = np.ascontiguousarray(U[:, :n])
        self.u_group = np.ascontiguousarray(U[:, n:] - n)
        self.u_inverse = _inverse_rows(self.u_sites)
        self.position = np.full(n, -1, dtype=np.intp)
        self.position[self.delta] = np.arange(len(self.delta))


class MinimalImageChain:
    """A stabilizer chain of G acting on the sites and on its own points at once.

    The element g is the permutation :math:`\\gamma_g \\sqcup \\pi_g^{-1}` of the
    ``n + d`` points (sites, then G's d points shifted by n), where :math:`\\pi_g` is
    ``G.as_permutation(g)``; both parts reverse products, so these permutations form a
    group isomorphic to G. Its chain along the base ``0 .. n-1`` is the chain of H on the
    sites with every coset representative carrying an element of G; the points after the
    sites give the kernel K of the action.
    """

    def __init__(self, action: SignalAction) -> None:
        G = action.group
        n, d = action.num_sites, G.degree
        self.n, self.d, self.group = n, d, G
        gens = []
        for s in G.generators:
            pi = np.asarray(G._as_permutation(s), dtype=np.intp)
            inv = np.empty(d, dtype=np.intp)
            inv[pi] = np.arange(d, dtype=np.intp)
            gens.append(np.concatenate([action._gather(s).astype(np.intp), n + inv]))
        strong = _strong_generators(gens, n + d, n)
        self.levels: list[_Level | None] = []
        site_order = 1
        for i in range(n):
            fixing = [s for s in strong if np.array_equal(s[:i], np.arange(i))]
            trans = _orbit_transversal(i, fixing, n + d)
            site_order *= len(trans)
            self.levels.append(_Level(i, trans, n, n + d) if len(trans) > 1 else None)
        self.site_order = site_order
        self.kernel_order = G.order // site_order
        self.kernel_gens = [
            s[n:] - n for s in strong if np.array_equal(s[:n], np.arange(n)) and s.any()
        ]
        self.last = max((i for i, lv in enumerate(self.levels) if lv is not None), default=-1)
        self._kernel: npt.NDArray[np.intp] | None = None
        self._index_of: dict[tuple[int, ...], int] | None = None

    # ------------------------------------------------------------- group elements
    def kernel_elements(self) -> npt.NDArray[np.intp]:
        """The kernel K as rows of G-parts (closure of its strong generators)."""
        if self._kernel is None:
            seen = {tuple(range(self.d)): np.arange(self.d, dtype=np.intp)}
            frontier = list(seen.values())
            while frontier:
                nxt = []
                for k in frontier:
                    for s in self.kernel_gens:
                        q = s[k]
                        key = tuple(q.tolist())
                        if key not in seen:
                            seen[key] = q
                            nxt.append(q)
                frontier = nxt
            self._kernel = np.stack(list(seen.values()))
        return self._kernel

    def sift(self, tau: npt.NDArray[np.intp]) -> npt.NDArray[np.intp]:
        """G-parts of elements whose gather indices are the rows of ``tau`` (all in H)."""
        residual = tau.astype(np.intp, copy=True)
        part = np.broadcast_to(np.arange(self.d, dtype=np.intp), (len(tau), self.d)).copy()
        for i, level in enumerate(self.levels):
            if level is None:
                continue
            k = level.position[residual[:, i]]
            residual = np.take_along_axis(level.u_inverse[k], residual, axis=1)
            part = np.take_along_axis(part, level.u_group[k], axis=1)
        return part

    def indices(self, parts: npt.NDArray[np.intp]) -> Array:
        """``G.index`` of the elements g with G-part ``parts`` (the inverse of pi_g)."""
        G = self.group
        perms = _inverse_rows(parts) if len(parts) else parts
        if isinstance(G, PermutationGroup):
            return G.index_array(perms)
        if self._index_of is None:
            self._index_of = {tuple(G._as_permutation(g)): G._index(g) for g in G.elements()}
        table = self._index_of
        return np.array([table[tuple(row)] for row in perms.tolist()], dtype=np.int64)


def _strong_generators(
    gens: list[npt.NDArray[np.intp]], degree: int, base_length: int
) -> list[npt.NDArray[np.intp]]:
    """A strong generating set for a base starting ``0 .. base_length-1`` (sympy)."""
    if not gens:
        return []
    from sympy.combinatorics import Permutation as SymPerm
    from sympy.combinatorics import PermutationGroup as SymGroup

    group = SymGroup([SymPerm(g.tolist(), size=degree) for g in gens])
    _, strong = group.schreier_sims_incremental(base=list(range(base_length)))
    return [np.array(s.array_form, dtype=np.intp) for s in strong]


# ---------------------------------------------------------------- the structure of H
def _structure(action: SignalAction) -> dict[str, Any]:
    """What H is: the whole symmetric group of the sites, vertex relabellings, or other."""
    cache: dict[str, Any] = action._cache.setdefault("least_image", {})
    if "kind" in cache:
        return cache
    G = action.group
    n = action.num_sites
    gathers = [action._gather(s) for s in G.generators]
    kind = "chain"
    site_order = _order(G, gathers, n) if n > 2 and math.factorial(n) // 2 <= G.order else 0
    if (
        n > 1
        and math.factorial(n) <= G.order
        and (site_order or _order(G, gathers, n)) == (math.factorial(n))
    ):
        kind = "symmetric"
    elif site_order == math.factorial(n) // 2:  # A_n, the only subgroup of index 2 in S_n
        kind = "alternating"
    elif len(action.shape) == 2 and action.shape[0] == action.shape[1] and action.shape[0] > 1:
        m = action.shape[0]
        sigmas = []
        for gam in gathers:
            sigma = gam[:: m + 1] // (m + 1)
            if not np.array_equal(gam, (sigma[:, None] * m + sigma[None, :]).ravel()):
                break
            sigmas.append(sigma)
        else:
            # the compiled search counts orderings in int64: m! < 2**63 up to m = 20
            full = math.factorial(m)
            if m <= _MAX_VERTICES and full <= G.order and _order(G, sigmas, m) == full:
                kind = "graph"
                cache["vertices"] = m
    if kind == "chain" and len(action.shape) == 2 and action.shape[0] > 2:
        kind = _rows_kind(G, gathers, action.shape[0], action.shape[1], cache)
    cache["kind"] = kind
    return cache


def _rows_kind(
    G: Any, gathers: list[npt.NDArray[np.intp]], n: int, d: int, cache: dict[str, Any]
) -> str:
    """``"rows"`` when G moves the n rows of ``(n, d)`` signals as wholes, as :math:`S_n` or
    :math:`A_n` (sets of points, ``set_action``); else ``"chain"``."""
    sigmas = []
    for gam in gathers:
        sigma = gam[::d] // d
        if not np.array_equal(gam, (sigma[:, None] * d + np.arange(d)[None, :]).ravel()):
            return "chain"
        sigmas.append(sigma)
    full = math.factorial(n)
    if full // 2 > G.order:
        return "chain"
    order = _order(G, sigmas, n)
    if order not in (full, full // 2):
        return "chain"
    cache["rows"] = (n, d, order == full // 2)
    return "rows"


_MAX_VERTICES = 20
"""The most vertices the compiled relabelling search takes; larger arrays use the chain."""


def _order(G: Any, perms: list[npt.NDArray[np.intp]], degree: int) -> int:
    """The order of the group generated by ``perms`` (inverse images of G's generators).

    When they are the inverses of G's own permutations of its points, it is G's order;
    otherwise sympy's Schreier–Sims finds it.
    """
    if not perms:
        return 1
    if G.degree == degree and all(
        np.array_equal(p, np.argsort(np.asarray(G._as_permutation(s))))
        for p, s in zip(perms, G.generators, strict=True)
    ):
        return int(G.order)
    return permutation_group([tuple(p.tolist()) for p in perms], degree=degree).order


def _chain(action: SignalAction) -> MinimalImageChain:
    cache = _structure(action)
    if "chain" not in cache:
        cache["chain"] = MinimalImageChain(action)
    return cache["chain"]  # type: ignore[no-any-return]


# ---------------------------------------------------------------- the chain search
_WEIGHTS = np.random.default_rng(0x5EED).integers(1, 2**63, size=4096, dtype=np.uint64) | 1


def _row_hashes(rows: Array) -> npt.NDArray[np.uint64]:
    n = rows.shape[1]
    w = _WEIGHTS[np.arange(n) % len(_WEIGHTS)] ^ np.uint64(n)
    with np.errstate(over="ignore"):
        out: npt.NDArray[np.uint64] = (rows.astype(np.uint64) * w).sum(axis=1, dtype=np.uint64)
    return out


def _merge(owner: Array, states: Array, mult: Array, parts: Array) -> tuple[Array, ...]:
    """Merge equal states of the same row, adding multiplicities (one part kept)."""
    if len(owner) < 2:
        return owner, states, mult, parts
    with np.errstate(over="ignore"):
        h = _row_hashes(states) ^ (owner.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15))
    order = np.argsort(h)
    o, hs, st = owner[order], h[order], states[order]
    same = (hs[1:] == hs[:-1]) & (o[1:] == o[:-1])
    if same.any() and not (st[1:][same] == st[:-1][same]).all():
        # a hash collision: merge by the exact rows instead
        keys = np.concatenate([o[:, None].astype(np.int64), st.astype(np.int64)], axis=1)
        _, first, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
        total = np.zeros(len(first), dtype=mult.dtype)
        np.add.at(total, inverse.ravel(), mult[order])
        o, st, total, pt = o[first], st[first], total, parts[order][first]
    else:
        starts = np.flatnonzero(np.concatenate([[True], ~same]))
        total = np.add.reduceat(mult[order], starts)
        o, st, pt = o[starts], st[starts], parts[order][starts]
    back = np.argsort(o, kind="stable")  # rows in order again
    return o[back], st[back], total[back], pt[back]


def _least(vals: Array, owner: Array) -> Array:
    """For each entry, the least of ``vals`` over its row (``owner`` sorted)."""
    if len(owner) == 0:
        return vals
    starts = np.flatnonzero(np.concatenate([[True], owner[1:] != owner[:-1]]))
    mins = np.minimum.reduceat(vals, starts)
    return np.repeat(mins, np.diff(np.append(starts, len(owner))))


def _chain_search(
    chain: MinimalImageChain, codes: Array, merge: bool
) -> tuple[Array, Array, Array, Array]:
    """The least images of the rows of ``codes`` (small non-negative ints).

    Returns ``(canonical, owner, multiplicity, parts)`` over the surviving states: with
    ``merge`` one state per row; without, every leaf (element of H) reaching the least
    image, with its G-part.

    A child y∘u of a state y is formed only once its entries up to the next branching
    level are known to be least: until then it is the pair (state, u), and entry j is
    read as ``y[u[j]]``.
    """
    m, n = codes.shape
    big = chain.group.order >= 2**62
    states = codes
    owner = np.arange(m)
    mult = np.ones(m, dtype=object if big else np.int64)
    parts = np.broadcast_to(np.arange(chain.d, dtype=np.intp), (m, chain.d))
    nontrivial = [i for i, lv in enumerate(chain.levels) if lv is not None]
    # entries before the first branching level are fixed by every element
    first = nontrivial[0] if nontrivial else n
    for j in range(first):
        vals = states[:, j]
        keep = vals == _least(vals, owner)
        if not keep.all():
            states, owner, mult, parts = states[keep], owner[keep], mult[keep], parts[keep]
    for t, i in enumerate(nontrivial):
        level = chain.levels[i]
        assert level is not None
        vals = states[:, level.delta]
        si, di = np.nonzero(vals == _least(vals.min(axis=1), owner)[:, None])
        if len(si) * n > _MAX_STATE_ENTRIES:
            raise SizeLimitError(
                f"canonical_form: the minimal-image search along the stabilizer chain of "
                f"{chain.group!r} keeps {len(si)} partial images for {m} signals at base "
                f"point {i}, more than it holds ({_MAX_STATE_ENTRIES} entries): these signals "
                "are fixed by too many elements that the search cannot merge; "
                + (
                    "without merging, it lists every element reaching the least image, to "
                    "find the least index"
                    if not merge
                    else "method='all' lists the group instead, if it can be listed"
                )
            )
        stop = nontrivial[t + 1] if t + 1 < len(nontrivial) else n
        for j in range(i + 1, stop):  # fixed entries up to the next level, read lazily
            vals = states[si, level.u_sites[di, j]]
            keep = vals == _least(vals, owner[si])
            if not keep.all():
                si, di = si[keep], di[keep]
        states = np.take_along_axis(states[si], level.u_sites[di], axis=1)
        parts = np.take_along_axis(parts[si], level.u_group[di], axis=1)
        owner, mult = owner[si], mult[si]
        if merge and len(owner) > 16 * m + 4096:  # merging pays once the states pile up
            owner, states, mult, parts = _merge(owner, states, mult, parts)
    # every state is now a whole image, all equal to the least one of its row
    order = np.argsort(owner, kind="stable")
    owner, states, mult, parts = owner[order], states[order], mult[order], parts[order]
    if merge:
        starts = np.flatnonzero(np.concatenate([[True], owner[1:] != owner[:-1]]))
        mult = np.add.reduceat(mult, starts) if len(starts) else mult
        owner, states, parts = owner[starts], states[starts], parts[starts]
    return states, owner, mult, parts


# ------------------------------------------------------------------- entry point
def least_images(action: SignalAction, flat: Array) -> tuple[Array, Array, Array]:
    """``(canonical, element, stabilizer_order)`` of the rows of ``flat`` (shape (m, n)).

    The same values as taking the least image over every group element, found without
    listing G.
    """
    m, n = flat.shape
    G = action.group
    big = G.order >= 2**62
    idx_dtype: Any = object if big else np.int64
    if m == 0:
        return flat.copy(), np.zeros(0, dtype=idx_dtype), np.zeros(0, dtype=idx_dtype)
    codes, values = _dense_codes(flat)
    structure = _structure(action)
    kind = structure["kind"]
    parts: Array | None = None
    gathers: Array | None = None
    if kind == "symmetric":
        canon = np.sort(codes, axis=1)
        site_stab = _multiplicity_factorials(_value_counts(codes, len(values)), idx_dtype)
        kernel_order = G.order // math.factorial(n)
    elif kind == "alternating":
        canon, site_stab, gathers = _alternating_least_images(codes, len(values), idx_dtype)
        kernel_order = G.order // (math.factorial(n) // 2)
    elif kind == "rows":  # S_n or A_n on the rows: sort the rows, lexicographically
        r, d, even = structure["rows"]
        blocks = codes.reshape(m, r, d)
        _, inverse = np.unique(blocks.reshape(m * r, d), axis=0, return_inverse=True)
        row_codes = inverse.reshape(m, r).astype(np.int64)
        k = int(row_codes.max()) + 1
        if even:
            _, site_stab, row_tau = _alternating_least_images(row_codes, k, idx_dtype)
        else:
            row_tau = np.argsort(row_codes, axis=1, kind="stable").astype(np.intp)
            site_stab = _multiplicity_factorials(_value_counts(row_codes, k), idx_dtype)
        gathers = (row_tau[:, :, None] * d + np.arange(d)[None, None, :]).reshape(m, n)
        canon = np.take_along_axis(codes, gathers, axis=1)
        kernel_order = G.order // (math.factorial(r) // (2 if even else 1))
    elif kind == "graph":
        from grouprep.orbits._graph_search import graph_least_images

        v = structure["vertices"]
        canon3, site_stab, order = graph_least_images(codes.reshape(m, v, v))
        canon = canon3.reshape(m, n)
        gathers = (order[:, :, None] * v + order[:, None, :]).reshape(m, n).astype(np.intp)
        site_stab = site_stab.astype(idx_dtype)
        kernel_order = G.order // math.factorial(v)
    else:
        chain = _chain(action)
        step = max(64, _CHUNK // n)
        pieces = [_chain_search(chain, codes[a : a + step], True) for a in range(0, m, step)]
        canon = np.concatenate([p[0] for p in pieces])
        site_stab = np.concatenate([p[2] for p in pieces])
        parts = np.concatenate([p[3] for p in pieces])
        kernel_order = chain.kernel_order
    stab = (site_stab * kernel_order).astype(idx_dtype)
    element = np.zeros(m, dtype=idx_dtype)
    if _natural(action):
        # G permutes its own points and moves the sites (vertices) the same way: g is
        # read off the ordering of the vertices directly
        if kind == "symmetric":
            # the element with the least image tuple sends each entry to the first
            # free slot of its value in the sorted signal: the stable sort
            tau = np.argsort(codes, axis=1, kind="stable").astype(np.intp)
            element[:] = G.index_array(_inverse_rows(tau))  # type: ignore[attr-defined]
        elif kind == "alternating":
            assert gathers is not None
            element[:] = G.index_array(_inverse_rows(gathers))  # type: ignore[attr-defined]
        elif kind == "rows":
            d = structure["rows"][1]
            assert gathers is not None
            rows_gather = (gathers[:, ::d] // d).astype(np.intp)
            element[:] = G.index_array(_inverse_rows(rows_gather))  # type: ignore[attr-defined]
        else:
            element[:] = G.index_array(_inverse_rows(order))  # type: ignore[attr-defined]
            several = np.flatnonzero((stab > 1) & (stab != G.order))
            if len(several):
                from grouprep.orbits._graph_search import graph_all_orderings

                v = structure["vertices"]
                owner, orders = graph_all_orderings(codes[several].reshape(-1, v, v))
                idx = G.index_array(_inverse_rows(orders))  # type: ignore[attr-defined]
                best = np.full(len(several), G.order, dtype=idx_dtype)
                np.minimum.at(best, owner, idx)
                element[several] = best
    else:
        unique = stab == 1
        if unique.any():
            chain = _chain(action)
            if parts is None:
                if gathers is None:  # the sort of a signal with distinct values
                    gathers = np.argsort(codes, axis=1, kind="stable").astype(np.intp)
                p = chain.sift(gathers[unique])
            else:
                p = parts[unique]
            element[unique] = chain.indices(p)
        several = np.flatnonzero(~unique & (stab != G.order))
        if len(several):
            element[several] = _least_reaching(action, _chain(action), codes[several], kind)
    canonical = values[canon]
    return canonical.astype(flat.dtype, copy=False), element, stab


def _multiplicity_factorials(counts: Array, idx_dtype: Any) -> Array:
    """:math:`\\prod_v m_v!` per row of value counts: the order of the stabilizer of a
    row in :math:`S_n`."""
    stab = np.ones(counts.shape[0], dtype=idx_dtype)
    for c in np.unique(counts).tolist():
        if c > 1:
            stab = stab * math.factorial(c) ** (counts == c).sum(axis=1).astype(idx_dtype)
    return stab


def _parity(perms: npt.NDArray[np.intp]) -> Array:
    """The sign of each row as a permutation: its number of inversions modulo 2."""
    m, n = perms.shape
    inversions = np.zeros(m, dtype=np.int64)
    for a in range(n - 1):
        inversions += (perms[:, a : a + 1] > perms[:, a + 1 :]).sum(axis=1)
    return inversions % 2


def _alternating_least_images(codes: Array, k: int, idx_dtype: Any) -> tuple[Array, Array, Array]:
    """Least images under :math:`A_n` permuting the sites: ``(canonical, stabilizer order in
    A_n, gather index of the least element reaching it)``, in closed form.

    Let :math:`\\tau` be the stable sort of the row (the least element of :math:`S_n`
    reaching the sorted row, :math:`x[\\tau]` sorted). If :math:`\\tau` is even it is also
    the least even one. If a value repeats, an odd :math:`\\tau` is corrected by
    exchanging the slots of two equal entries, which leaves the sorted row as the least
    image; the least such exchange changes the image tuple of :math:`\\tau^{-1}` as late
    as possible: the last two occurrences of the value whose second-to-last occurrence
    comes last. If the values are distinct and :math:`\\tau` is odd, the even
    arrangements of the row are the odd ones of the sorted row, of which the least is the
    sorted row with its last two entries exchanged. The stabilizer in :math:`S_n` has
    order :math:`\\prod_v m_v!` (:math:`m_v` the multiplicities), half of it even when a
    value repeats, and 1 otherwise.
    """
    tau = np.argsort(codes, axis=1, kind="stable").astype(np.intp)
    canon = np.take_along_axis(codes, tau, axis=1)
    counts = _value_counts(codes, k)
    stab = _multiplicity_factorials(counts, idx_dtype)
    repeated = (counts > 1).any(axis=1)
    stab[repeated] //= 2
    odd = _parity(tau) == 1
    fix = np.flatnonzero(odd & repeated)
    if len(fix):
        equal = canon[fix, :-1] == canon[fix, 1:]  # consecutive occurrences of one value
        s = np.where(equal, tau[fix, :-1], -1).argmax(axis=1)
        a, b = tau[fix, s].copy(), tau[fix, s + 1].copy()
        tau[fix, s], tau[fix, s + 1] = b, a
    swap = np.flatnonzero(odd & ~repeated)
    if len(swap):
        last = tau[swap, -1].copy()
        tau[swap, -1] = tau[swap, -2]
        tau[swap, -2] = last
        canon[swap] = np.take_along_axis(codes[swap], tau[swap], axis=1)
    return canon, stab, tau


def _dense_codes(flat: Array) -> tuple[Array, Array]:
    """Small non-negative ints in the order of the values, and the values they stand for."""
    if flat.dtype.kind in "biu" and flat.size:
        low, high = int(flat.min()), int(flat.max())
        if high - low < 32767:
            codes = (flat.astype(np.int64) - low).astype(np.int16)
            return codes, np.arange(low, high + 1).astype(flat.dtype)
    values, inverse = np.unique(flat, return_inverse=True)
    dtype = np.int32 if len(values) > 32767 else np.int16
    return inverse.reshape(flat.shape).astype(dtype), values


def _value_counts(codes: Array, k: int) -> Array:
    m = codes.shape[0]
    counts = np.zeros((m, k), dtype=np.int64)
    np.add.at(counts, (np.repeat(np.arange(m), codes.shape[1]), codes.ravel()), 1)
    return counts


def _least_reaching(
    action: SignalAction, chain: MinimalImageChain, codes: Array, kind: str
) -> Array:
    """The least index of an element reaching the least image, for rows it is not unique.

    The elements reaching it form a coset of the stabilizer; its members are the leaves
    of the search without merging (an element of H each), times the kernel.
    """
    G = action.group
    if kind == "graph":
        from grouprep.orbits._graph_search import graph_all_orderings

        v = action.shape[0]
        owner, orders = graph_all_orderings(codes.reshape(len(codes), v, v))
        tau = (orders[:, :, None] * v + orders[:, None, :]).reshape(len(orders), -1)
        parts = chain.sift(tau.astype(np.intp))
    else:
        step = max(16, _CHUNK // (16 * codes.shape[1]))
        owners, all_parts = [], []
        for a in range(0, len(codes), step):
            _, o, _, p = _chain_search(chain, codes[a : a + step], False)
            owners.append(o + a)
            all_parts.append(p)
        owner, parts = np.concatenate(owners), np.concatenate(all_parts)
    kernel = chain.kernel_elements()
    if len(kernel) > 1:  # every element of the coset of K: the G-part p∘k
        parts = parts[:, kernel].reshape(-1, chain.d)
        owner = np.repeat(owner, len(kernel))
    idx = chain.indices(parts)
    best = np.full(len(codes), G.order, dtype=object if G.order >= 2**62 else np.int64)
    np.minimum.at(best, owner, idx)
    return best


def _natural(action: SignalAction) -> bool:
    """G is a permutation group on the vertices and moves them as it moves its points.

    For sets the sites are G's points (gather index :math:`\\pi_g^{-1}`); for graphs the
    pairs of them (gather index :math:`\\pi_g^{-1} \\otimes \\pi_g^{-1}`).
    """
    G = action.group
    cache = _structure(action)
    kind = cache["kind"]
    if "natural" not in cache:
        natural = isinstance(G, PermutationGroup) and kind in (
            "symmetric",
            "alternating",
            "graph",
            "rows",
        )
        if natural:
            v = cache.get("vertices", action.num_sites)
            if kind == "rows":
                v = cache["rows"][0]
            natural = G.degree == v
            for s in G.generators if natural else ():
                gam = action._gather(s)
                if kind == "graph":
                    sigma = gam[:: v + 1] // (v + 1)
                elif kind == "rows":
                    sigma = gam[:: cache["rows"][1]] // cache["rows"][1]
                else:
                    sigma = gam
                natural = natural and bool(np.array_equal(sigma, np.argsort(np.asarray(s))))
        cache["natural"] = natural
    return bool(cache["natural"])
