"""Canonical forms under permutation groups too large to loop over: graphs and sets.

Four comparisons, each side given the same input:

* ``canonical form (brute force)``, graphs on 8 vertices under S_8 acting by
  ``(g.A)[i, j] = A[g^-1 i, g^-1 j]``: ``grouprep.canonical_form`` against the loop over
  all 40,320 elements written here in plain NumPy (every image formed with one gather
  table, then the least found column by column), the method grouprep used before its
  search.
* the same for S_8 on sets (signals of length 8 permuted by S_8) and for A_8 on sets,
  which grouprep searches along a stabilizer chain.
* ``isomorphism classes (networkx)``: the partition of 10^4 random graphs on 8 vertices
  into isomorphism classes, from grouprep's canonical forms (packed into bytes, one
  ``np.unique``) against
  networkx: buckets by Weisfeiler–Lehman hash, then ``nx.is_isomorphic`` against one
  member of each class already found in the bucket.

The brute-force baseline enumerates the group with ``itertools.permutations`` in
lexicographic order, which is grouprep's element numbering of ``symmetric(8)`` and
``alternating(8)``, so both sides must return the same canonical arrays, element indices
and stabilizer orders. Its gather table is built once, outside the timed region (warm).
"""

from __future__ import annotations

import functools
import itertools
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt

import grouprep
from benchmarks._harness import Case

SEED = 2025

Ints = npt.NDArray[np.int64]


class Same:
    """An array answer, equal to another exactly when the arrays are equal."""

    __slots__ = ("array",)

    def __init__(self, array: npt.NDArray[Any]) -> None:
        self.array = np.asarray(array)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and np.array_equal(self.array, other.array)

    def __repr__(self) -> str:
        body = np.array2string(self.array, threshold=12, edgeitems=3)
        return f"array of shape {self.array.shape}: {body}"


# ------------------------------------------------------------------ actions and inputs
def graph_action(n: int) -> grouprep.SignalAction:
    def pairs(g: Any) -> Any:
        p = np.asarray(g)
        return (p[:, None] * n + p[None, :]).ravel()

    return grouprep.SignalAction(grouprep.symmetric(n), (n, n), pairs, 2, f"graphs({n})")


def sets_action(group: Any) -> grouprep.SignalAction:
    return grouprep.signal_action(grouprep.permutation_action(group))


@functools.cache
def random_graphs(count: int, n: int) -> npt.NDArray[np.uint8]:
    rng = np.random.default_rng([SEED, count, n])
    A = np.triu(rng.integers(0, 2, (count, n, n), dtype=np.uint8), 1)
    return A | A.transpose(0, 2, 1)


@functools.cache
def random_sets(count: int, n: int, k: int) -> npt.NDArray[np.int64]:
    return np.random.default_rng([SEED, count, n, k]).integers(0, k, (count, n))


# --------------------------------------------------------- the brute-force baseline
@functools.cache
def permutations(n: int, even_only: bool) -> npt.NDArray[np.intp]:
    """All permutations of 0..n-1 (the even ones only, if asked) in lexicographic order."""
    rows = np.array(list(itertools.permutations(range(n))), dtype=np.intp)
    if even_only:
        inversions = (rows[:, :, None] > rows[:, None, :]) & np.triu(np.ones((n, n), bool), 1)
        rows = rows[inversions.sum(axis=(1, 2)) % 2 == 0]
    return rows


@functools.cache
def gather_table(n: int, kind: str) -> npt.NDArray[np.intp]:
    """Row g: the gather index of the g-th element, ``(g.x).ravel() = x.ravel()[row]``."""
    perms = permutations(n, kind == "alternating")
    inverse = np.argsort(perms, axis=1)  # (g.x)[i] = x[g^-1 i]
    if kind == "graphs":
        return (inverse[:, :, None] * n + inverse[:, None, :]).reshape(len(perms), n * n)
    return inverse


def brute_force(X: npt.NDArray[Any], table: npt.NDArray[np.intp]) -> tuple[Any, Ints, Ints]:
    """The least image of each row over every element, the first element reaching it and
    how many do, in chunks of rows."""
    flat = X.reshape(len(X), -1)
    m, n = flat.shape
    canonical = np.empty_like(flat)
    element = np.empty(m, dtype=np.int64)
    stab = np.empty(m, dtype=np.int64)
    step = max(1, (1 << 22) // (len(table) * n))
    for start in range(0, m, step):
        images = flat[start : start + step][:, table]
        mask = np.ones(images.shape[:2], dtype=bool)
        for j in range(n):
            col = images[:, :, j]
            best = np.where(mask, col, col.max(initial=0)).min(axis=1, keepdims=True)
            mask &= col == best
        first = mask.argmax(axis=1)
        element[start : start + step] = first
        stab[start : start + step] = mask.sum(axis=1)
        canonical[start : start + step] = images[np.arange(len(first)), first]
    return canonical.reshape(X.shape), element, stab


def forms_answer(result: Any) -> tuple[Same, Same, Same]:
    canonical, element, stab = result
    return Same(canonical), Same(element), Same(stab)


def brute_case(label: str, action: Any, X: npt.NDArray[Any], table: Any, what: str) -> Case:
    return Case(
        operation="canonical form (brute force)",
        case=f"{label}, {len(X):,} {what}",
        caches="warm",
        grouprep=lambda: grouprep.canonical_form(action, X),
        baseline=lambda: brute_force(X, table),
        grouprep_answer=forms_answer,
        baseline_answer=forms_answer,
    )


# ------------------------------------------------------------ the networkx baseline
def first_occurrence(labels: npt.NDArray[Any]) -> Same:
    """Class labels renumbered by first occurrence: equal exactly for equal partitions."""
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first)] = np.arange(len(first))
    return Same(rank[inverse.ravel()])


def grouprep_classes(action: Any, A: npt.NDArray[np.uint8]) -> npt.NDArray[np.int64]:
    """Canonical forms, each packed into one integer (64 bits for 8 vertices), then
    ``np.unique``."""
    forms = grouprep.canonical_form(action, A).canonical.reshape(len(A), -1)
    words = np.packbits(forms, axis=1)
    codes = words.view(np.dtype((np.void, words.shape[1]))).ravel()
    _, inverse = np.unique(codes, return_inverse=True)
    return inverse.ravel().astype(np.int64)


def networkx_classes(A: npt.NDArray[np.uint8]) -> npt.NDArray[np.int64]:
    labels = np.empty(len(A), dtype=np.int64)
    buckets: dict[str, list[tuple[Any, int]]] = {}
    count = 0
    for i, a in enumerate(A):
        g = nx.from_numpy_array(a)
        bucket = buckets.setdefault(nx.weisfeiler_lehman_graph_hash(g), [])
        for h, label in bucket:
            if nx.is_isomorphic(g, h):
                labels[i] = label
                break
        else:
            bucket.append((g, count))
            labels[i] = count
            count += 1
    return labels


def classes_case(count: int, n: int) -> Case:
    A = random_graphs(count, n)
    action = graph_action(n)
    return Case(
        operation="isomorphism classes (networkx)",
        case=f"graphs on {n} vertices, {count:,} graphs",
        caches="warm",
        grouprep=lambda: grouprep_classes(action, A),
        baseline=lambda: networkx_classes(A),
        grouprep_answer=first_occurrence,
        baseline_answer=first_occurrence,
    )


def cases(quick: bool) -> list[Case]:
    """The cases of this entry; ``quick`` keeps the small ones."""
    graphs, sets = (10, 100) if quick else (100, 1000)
    return [
        brute_case(
            "S_8 on graphs on 8 vertices",
            graph_action(8),
            random_graphs(graphs, 8),
            gather_table(8, "graphs"),
            "graphs",
        ),
        brute_case(
            "S_8 on sets of 8",
            sets_action(grouprep.symmetric(8)),
            random_sets(sets, 8, 4),
            gather_table(8, "sets"),
            "rows",
        ),
        brute_case(
            "A_8 on sets of 8",
            sets_action(grouprep.alternating(8)),
            random_sets(sets, 8, 4),
            gather_table(8, "alternating"),
            "rows",
        ),
        classes_case(10**3 if quick else 10**4, 8),
    ]
