"""Orbit graphs with networkx: Schreier, Cayley, and the quotient graph (private).

networkx is imported here only, and only when a graph is asked for.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

from grouprep._validation import describe
from grouprep.actions import BaseAction, SignalAction
from grouprep.errors import GroupRepTypeError, GroupRepValueError, NotFiniteError
from grouprep.groups import FiniteGroup
from grouprep.orbits._generic import _point_permutations, orbit_labels_of

__all__ = ["cayley_graph", "quotient_graph", "schreier_graph"]


def _bulk_multidigraph(
    nodes: Sequence[Any], edge_groups: Iterable[tuple[Sequence[Any], Sequence[Any], Any]]
) -> Any:
    """A MultiDiGraph with an edge u -> v (attribute ``generator``) for each (u, v) pair.

    networkx stores a MultiDiGraph as dicts: ``_node[u]`` (node data), ``_succ[u][v]`` and
    ``_pred[v][u]`` (one shared dict of edge keys 0, 1, ... to edge data), with ``_adj``
    the same object as ``_succ``. Filling those dicts directly, with the cyclic garbage
    collector paused, is several times faster than ``add_edges_from`` for a graph on
    every point of an action; the test suite checks the result against ``add_edges_from``.
    """
    import networkx as nx

    graph = nx.MultiDiGraph()
    enabled = gc.isenabled()
    gc.disable()  # millions of small dicts: no cycles to find while building them
    try:
        node: dict[Any, dict[str, Any]] = {p: {} for p in nodes}
        succ: dict[Any, dict[Any, dict[int, dict[str, Any]]]] = {p: {} for p in nodes}
        pred: dict[Any, dict[Any, dict[int, dict[str, Any]]]] = {p: {} for p in nodes}
        for sources, targets, generator in edge_groups:
            for u, v in zip(sources, targets, strict=True):
                nbrs = succ[u]
                keydict = nbrs.get(v)
                if keydict is None:
                    keydict = {}
                    nbrs[v] = keydict
                    pred[v][u] = keydict
                keydict[len(keydict)] = {"generator": generator}
    finally:
        if enabled:
            gc.enable()
    graph._node = node
    graph._succ = graph._adj = succ
    graph._pred = pred
    return graph


def schreier_graph(action: BaseAction, points: Iterable[Any] | None = None) -> Any:
    """The Schreier graph of an action: an edge :math:`p \\to s \\cdot p` per generator s.

    Its weakly connected components are the orbits. For a finite action every
    generator's image of every point is computed at once (one NumPy gather per generator
    for signal actions) and the edges are handed to networkx in one call.

    Parameters
    ----------
    action : action
        A grouprep action.
    points : iterable, optional
        The points to start edges from (default: all points of a finite action); their
        images are added as nodes too.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are points (signals as tuples); each edge has the attribute ``generator``.

    Examples
    --------
    >>> import networkx as nx, grouprep
    >>> g = grouprep.schreier_graph(grouprep.shift_action(4, alphabet=2))
    >>> g.number_of_nodes(), g.number_of_edges(), nx.number_weakly_connected_components(g)
    (16, 16, 6)
    """
    if not isinstance(action, BaseAction):
        raise GroupRepTypeError(
            f"schreier_graph: argument 'action' must be a grouprep action, got {describe(action)}"
        )
    gens = action.group.generators
    if points is None:
        if not action.is_finite:
            raise GroupRepValueError(
                f"schreier_graph: {action!r} has no finite set of points; pass 'points'"
            )
        pts = action.points()
        perms = _point_permutations(action)
        groups = [
            (pts, [pts[j] for j in perm.tolist()], s) for s, perm in zip(gens, perms, strict=True)
        ]
        return _bulk_multidigraph(pts, groups)
    start = list(points)
    if not start:
        return _bulk_multidigraph([], [])
    if isinstance(action, SignalAction):
        batch = np.array(start)
        images = [action.act(s, batch) for s in gens]
        start = [action._to_point(row) for row in batch]
        targets = [[action._to_point(row) for row in img] for img in images]
    else:
        targets = [[action.act(s, p) for p in start] for s in gens]
    nodes = list(dict.fromkeys([*start, *(q for tgt in targets for q in tgt)]))
    return _bulk_multidigraph(
        nodes, [(start, tgt, s) for s, tgt in zip(gens, targets, strict=True)]
    )


def cayley_graph(group: FiniteGroup[Any], generators: Iterable[Any] | None = None) -> Any:
    """The Cayley graph of a group: an edge :math:`g \\to s g` for each generator s.

    It is the Schreier graph of the regular action; by default the group's own
    generators are used.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are the elements; each edge has the attribute ``generator``.

    Examples
    --------
    >>> import grouprep
    >>> g = grouprep.cayley_graph(grouprep.dihedral(4))
    >>> g.number_of_nodes(), g.number_of_edges()
    (8, 16)
    """
    if not isinstance(group, FiniteGroup):
        raise GroupRepTypeError(
            f"cayley_graph: argument 'group' must be a grouprep FiniteGroup, got {describe(group)}"
        )
    gens = (
        group.generators
        if generators is None
        else tuple(
            group._check(g, f"generators[{i}]", "cayley_graph") for i, g in enumerate(generators)
        )
    )
    elems = group.elements()
    table = group.cayley_table()
    groups = [(elems, [elems[j] for j in table[group._index(s)].tolist()], s) for s in gens]
    return _bulk_multidigraph(elems, groups)


def quotient_graph(
    action: BaseAction, moves: Sequence[Callable[[Any], Any]], batched: bool = False
) -> Any:
    """The geometry of the quotient: classes joined when a move connects their members.

    For every point p and move f, the class of p is joined to the class of f(p); the
    edge weight counts such pairs (p, f).

    Parameters
    ----------
    action : finite action
    moves : sequence of callables
        Functions on points, e.g. flipping one bit of a string.
    batched : bool, optional
        For a signal action: each move takes the whole ``(N, *shape)`` array of points
        and returns the moved array (one vectorized call per move). By default moves
        take one point (a tuple) at a time.

    Returns
    -------
    networkx.DiGraph
        Nodes are the classes' least elements (tuples), with attributes ``index`` (the
        class id of :class:`Quotient`) and ``size``; edges carry ``weight``. Self-loops
        record moves that stay inside a class.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> flips = [lambda X, i=i: X ^ (np.arange(4) == i) for i in range(4)]  # one bit each
    >>> g = grouprep.quotient_graph(grouprep.shift_action(4, alphabet=2), flips, batched=True)
    >>> g.number_of_nodes(), g[(0, 0, 0, 0)][(0, 0, 0, 1)]["weight"]
    (6, 4)
    """
    import networkx as nx

    if not isinstance(action, BaseAction):
        raise GroupRepTypeError(
            f"quotient_graph: argument 'action' must be a grouprep action, got {describe(action)}"
        )
    if not action.is_finite:
        raise NotFiniteError(
            f"quotient_graph: argument 'action' must act on a finite set of points, got {action!r}"
        )
    pts = action.points()
    labels = orbit_labels_of(action)
    roots, class_of = np.unique(labels, return_inverse=True)
    sizes = np.bincount(class_of)
    graph = nx.DiGraph()
    for c, root in enumerate(roots.tolist()):
        graph.add_node(pts[root], index=c, size=int(sizes[c]))
    for mi, move in enumerate(moves):
        if not callable(move):
            raise GroupRepTypeError(f"quotient_graph: moves[{mi}] must be callable, got {move!r}")
        targets = _apply_move(action, move, pts, batched)
        pairs = np.stack([class_of, class_of[targets]], axis=1)
        uniq, counts = np.unique(pairs, axis=0, return_counts=True)
        for (a, b), w in zip(uniq.tolist(), counts.tolist(), strict=True):
            u, v = pts[roots[a]], pts[roots[b]]
            if graph.has_edge(u, v):
                graph[u][v]["weight"] += w
            else:
                graph.add_edge(u, v, weight=w)
    return graph


def _apply_move(
    action: BaseAction, move: Callable[[Any], Any], pts: Sequence[Any], batched: bool
) -> Any:
    """Point indices of f(p) for every point p."""
    if not batched:
        return np.array([action.point_index(move(p)) for p in pts], dtype=np.int64)
    if not isinstance(action, SignalAction):
        raise GroupRepValueError("quotient_graph: batched=True needs a signal action")
    P = action.points_array()
    out = np.asarray(move(P))
    k = action.alphabet or 1
    if out.shape != P.shape or out.dtype.kind not in "biu":
        raise GroupRepValueError(
            f"quotient_graph: a batched move must return an integer array of shape {P.shape}, "
            f"got {out.dtype} of shape {out.shape}"
        )
    flat = out.reshape(len(P), -1).astype(np.int64)
    if flat.min() < 0 or flat.max() >= k:
        raise GroupRepValueError(f"quotient_graph: a move produced symbols outside 0..{k - 1}")
    weights = k ** np.arange(flat.shape[1] - 1, -1, -1, dtype=np.int64)
    return flat @ weights
