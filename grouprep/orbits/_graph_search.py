"""The least relabelling of a square array under all vertex permutations (private, Numba).

For an ``(m, m)`` array A (a graph's adjacency matrix, directed or weighted, any
diagonal) and the symmetric group acting by :math:`(\\sigma \\cdot A)[i, j] =
A[\\sigma^{-1} i, \\sigma^{-1} j]`, the images are :math:`B_\\pi = A[\\pi][:, \\pi]`,
:math:`B_\\pi[i, j] = A[\\pi_i, \\pi_j]`, over all orderings π of the vertices, and the
canonical form is the least :math:`B_\\pi` in row-major lexicographic order.

The search fixes one row at a time by individualisation and refinement. A state is a
prefix :math:`\\pi_0 .. \\pi_{r-1}` and an ordered partition of the other vertices into
cells: the orderings it stands for place the cells one after the other, each in any
order. Row r of :math:`B_\\pi` is :math:`A[\\pi_r, \\pi_j]`, j = 0 .. m-1, with
:math:`\\pi_r` taken from the cell at position r (individualised); the least row r over
the orderings of a state with a given :math:`\\pi_r` sorts every cell by
:math:`A[\\pi_r, \\cdot]`, and the orderings reaching it are those that keep each run of
equal values free: the cells are refined by that row. Every state and choice whose row r
is least over all of them is kept, so after m rows the states are exactly the orderings
reaching the least array. Two states whose arrays (in their current order) and cells are
equal stand for the same set of images, so they are merged and their multiplicities
added; the total multiplicity is the number of orderings reaching the least array, the
order of the automorphism group of A.
"""

from __future__ import annotations

from typing import Any

import numba
import numpy as np
import numpy.typing as npt

__all__ = ["graph_all_orderings", "graph_least_images"]


@numba.njit(cache=True)
def _row_compare(row: Any, best: Any) -> int:
    for j in range(row.shape[0]):
        if row[j] < best[j]:
            return -1
        if row[j] > best[j]:
            return 1
    return 0


@numba.njit(cache=True)
def _state_hash(A: Any, order: Any, cells: Any) -> np.uint64:
    m = order.shape[0]
    h = np.uint64(1469598103934665603)
    prime = np.uint64(1099511628211)
    for i in range(m):
        h = (h ^ np.uint64(cells[i])) * prime
        for j in range(m):
            h = (h ^ np.uint64(A[order[i], order[j]] + 1)) * prime
    return h


@numba.njit(cache=True)
def _same_state(A: Any, o1: Any, c1: Any, o2: Any, c2: Any) -> bool:
    m = o1.shape[0]
    for i in range(m):
        if c1[i] != c2[i]:
            return False
    for i in range(m):
        for j in range(m):
            if A[o1[i], o1[j]] != A[o2[i], o2[j]]:
                return False
    return True


@numba.njit(cache=True)
def _search(A: Any, merge: bool) -> tuple[Any, Any]:
    """All final states (orderings) and their multiplicities for one array A."""
    m = A.shape[0]
    cap = 16
    orders = np.empty((cap, m), dtype=np.int64)
    cells = np.zeros((cap, m), dtype=np.uint8)
    mult = np.ones(cap, dtype=np.int64)
    for j in range(m):
        orders[0, j] = j
    cells[0, 0] = 1
    count = 1
    row = np.empty(m, dtype=np.int64)
    best = np.empty(m, dtype=np.int64)
    new = np.empty(m, dtype=np.int64)
    newc = np.empty(m, dtype=np.uint8)
    key = np.empty(m, dtype=np.int64)
    for r in range(m):
        ccap = max(16, count)
        corders = np.empty((ccap, m), dtype=np.int64)
        ccells = np.empty((ccap, m), dtype=np.uint8)
        cmult = np.empty(ccap, dtype=np.int64)
        c = 0
        have = False
        for s in range(count):
            e = r + 1
            while e < m and cells[s, e] == 0:
                e += 1
            for q in range(r, e):
                v = orders[s, q]
                # the fixed part of row r first: reject early
                if have:
                    decided = 0
                    for j in range(r):
                        a = A[v, orders[s, j]]
                        if a != best[j]:
                            decided = 1 if a > best[j] else -1
                            break
                    if decided == 0 and A[v, v] > best[r]:
                        decided = 1
                    if decided > 0:
                        continue
                # v moves to position r, the rest of its cell keeps its order
                for j in range(m):
                    new[j] = orders[s, j]
                    newc[j] = cells[s, j]
                for t in range(q, r, -1):
                    new[t] = new[t - 1]
                new[r] = v
                newc[r] = 1
                if r + 1 < m:
                    newc[r + 1] = 1
                # refine every later cell by A[v, .]: stable insertion sort, split runs
                a0 = r + 1
                while a0 < m:
                    b0 = a0 + 1
                    while b0 < m and newc[b0] == 0:
                        b0 += 1
                    for t in range(a0, b0):
                        key[t] = A[v, new[t]]
                    for t in range(a0 + 1, b0):
                        kv, vv = key[t], new[t]
                        u = t - 1
                        while u >= a0 and key[u] > kv:
                            key[u + 1] = key[u]
                            new[u + 1] = new[u]
                            u -= 1
                        key[u + 1] = kv
                        new[u + 1] = vv
                    for t in range(a0 + 1, b0):
                        if key[t] != key[t - 1]:
                            newc[t] = 1
                    a0 = b0
                for j in range(m):
                    row[j] = A[v, new[j]]
                cmp = _row_compare(row, best) if have else -1
                if cmp > 0:
                    continue
                if cmp < 0:
                    for j in range(m):
                        best[j] = row[j]
                    have = True
                    c = 0
                if c == ccap:
                    ccap *= 2
                    o2 = np.empty((ccap, m), dtype=np.int64)
                    c2 = np.empty((ccap, m), dtype=np.uint8)
                    m2 = np.empty(ccap, dtype=np.int64)
                    o2[:c] = corders[:c]
                    c2[:c] = ccells[:c]
                    m2[:c] = cmult[:c]
                    corders, ccells, cmult = o2, c2, m2
                corders[c] = new
                ccells[c] = newc
                cmult[c] = mult[s]
                c += 1
        if merge and c > 1:
            hashes = np.empty(c, dtype=np.uint64)
            for t in range(c):
                hashes[t] = _state_hash(A, corders[t], ccells[t])
            perm = np.argsort(hashes)
            keep = np.ones(c, dtype=np.bool_)
            t = 0
            while t < c:
                u = t + 1
                while u < c and hashes[perm[u]] == hashes[perm[t]]:
                    u += 1
                for x in range(t, u):
                    px = perm[x]
                    if not keep[px]:
                        continue
                    for y in range(x + 1, u):
                        py = perm[y]
                        if keep[py] and _same_state(
                            A, corders[px], ccells[px], corders[py], ccells[py]
                        ):
                            cmult[px] += cmult[py]
                            keep[py] = False
                t = u
            k = 0
            for t in range(c):
                if keep[t]:
                    corders[k] = corders[t]
                    ccells[k] = ccells[t]
                    cmult[k] = cmult[t]
                    k += 1
            c = k
        orders, cells, mult, count = corders, ccells, cmult, c
    return orders[:count].copy(), mult[:count].copy()


@numba.njit(cache=True)
def _least_batch(A: Any, canon: Any, stab: Any, best_order: Any) -> None:
    m = A.shape[1]
    for g in range(A.shape[0]):
        orders, mult = _search(A[g], True)
        total = 0
        for t in range(mult.shape[0]):
            total += mult[t]
        stab[g] = total
        for i in range(m):
            best_order[g, i] = orders[0, i]
            for j in range(m):
                canon[g, i, j] = A[g, orders[0, i], orders[0, j]]


def graph_least_images(
    A: npt.NDArray[Any],
) -> tuple[npt.NDArray[Any], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """For each array of the batch ``A`` (shape (k, m, m)): the least relabelling, the
    number of orderings reaching it, and one such ordering π (canonical = A[π][:, π])."""
    k, m, _ = A.shape
    canon = np.empty_like(A)
    stab = np.empty(k, dtype=np.int64)
    order = np.empty((k, m), dtype=np.int64)
    _least_batch(np.ascontiguousarray(A), canon, stab, order)
    return canon, stab, order


@numba.njit(cache=True)
def _all_batch(A: Any) -> tuple[Any, Any]:
    m = A.shape[1]
    cap = max(16, A.shape[0])
    owners = np.empty(cap, dtype=np.int64)
    out = np.empty((cap, m), dtype=np.int64)
    count = 0
    for g in range(A.shape[0]):
        found, _ = _search(A[g], False)
        k = found.shape[0]
        if count + k > cap:
            cap = max(2 * cap, count + k)
            o2 = np.empty(cap, dtype=np.int64)
            x2 = np.empty((cap, m), dtype=np.int64)
            o2[:count] = owners[:count]
            x2[:count] = out[:count]
            owners, out = o2, x2
        owners[count : count + k] = g
        out[count : count + k] = found
        count += k
    return owners[:count].copy(), out[:count].copy()


def graph_all_orderings(
    A: npt.NDArray[Any],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Every ordering reaching the least relabelling, with the row of the batch it is for."""
    owners, orders = _all_batch(np.ascontiguousarray(A))
    return owners, orders
