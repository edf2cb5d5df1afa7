"""Permutations of the points of sets and of the vertices of graphs (private).

A set of n points in :math:`\\mathbb{R}^d` is an array of shape ``(n, d)``, one point a row;
a graph on n vertices is its adjacency matrix, of shape ``(n, n)``, or its edge vector,
of length :math:`n(n-1)/2` in the order of ``numpy.triu_indices(n, 1)``. A permutation
:math:`\\pi` (an image tuple, ``p[i]`` the image of i) moves row i to row :math:`\\pi(i)`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import check_int, describe
from grouprep.actions._signals import SignalAction, _alphabet, _check_sites
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.groups import FiniteGroup, symmetric

__all__ = ["edge_action", "graph_action", "set_action"]


def _vertex_group(group: Any, n: int, where: str) -> FiniteGroup[Any]:
    if group is None:
        return symmetric(n)
    if not isinstance(group, FiniteGroup):
        raise GroupRepTypeError(
            f"{where}: argument 'group' must be None (the symmetric group) or a grouprep "
            f"FiniteGroup of degree {n}, got {describe(group)} of type {type(group).__name__}"
        )
    if group.degree != n:
        raise GroupRepValueError(
            f"{where}: argument 'group' must act on the n = {n} points (degree {n}), got "
            f"{group!r} of degree {group.degree}"
        )
    return group


def _name(ctor: str, args: str, alphabet: int | None, group: FiniteGroup[Any], n: int) -> str:
    parts = [args]
    if alphabet is not None:
        parts.append(f"alphabet={alphabet}")
    if group != symmetric(n):
        parts.append(f"group={group!r}")
    return f"{ctor}({', '.join(parts)})"


def _perm(group: FiniteGroup[Any], g: Any) -> npt.NDArray[np.intp]:
    return np.asarray(group._as_permutation(g), dtype=np.intp)


def set_action(
    n: int, d: int, alphabet: int | None = None, group: FiniteGroup[Any] | None = None
) -> SignalAction:
    """:math:`S_n` permuting the n points (rows) of a set, signals of shape ``(n, d)``.

    .. math:: (\\pi \\cdot X)[i, c] = X[\\pi^{-1}(i), c],

    so ``act(p, X)[p[i]] == X[i]``, that is ``act(inverse(p), X) == X[p]``: a point cloud,
    a bag of feature vectors, the input of DeepSets. Each row moves as a whole.

    Parameters
    ----------
    n : int
        The number of points, ``n >= 1``.
    d : int
        The dimension of each point (the number of columns), ``d >= 1``.
    alphabet : int, optional
        Number of symbols k; makes the action finite on the :math:`k^{nd}` arrays.
    group : FiniteGroup, optional
        A group acting on the n rows by its permutations (``as_permutation``), for
        example ``alternating(n)`` or ``cyclic(n)``; by default ``symmetric(n)``.

    Returns
    -------
    SignalAction

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> a = grouprep.set_action(3, 2)
    >>> X = np.array([[0., 1.], [2., 3.], [4., 5.]])
    >>> a.act((1, 2, 0), X)  # row 0 goes to row 1, 1 to 2, 2 to 0
    array([[4., 5.],
           [0., 1.],
           [2., 3.]])
    >>> grouprep.count_orbits(grouprep.set_action(3, 2, alphabet=2))  # multisets: C(4+3-1, 3)
    20
    """
    where = "set_action"
    n = check_int(n, "n", where, minimum=1)
    d = check_int(d, "d", where, minimum=1)
    _check_sites(n * d, "n * d", where)
    alphabet = _alphabet(alphabet, where)
    G = _vertex_group(group, n, where)
    rows, cols = np.divmod(np.arange(n * d, dtype=np.intp), d)

    def sites(g: Any) -> npt.NDArray[np.intp]:  # (i, c) -> (p[i], c)
        out: npt.NDArray[np.intp] = _perm(G, g)[rows] * d + cols
        return out

    action = SignalAction(G, (n, d), sites, alphabet, _name(where, f"{n}, {d}", alphabet, G, n))
    action._recipe = (set_action, (n, d, alphabet, G))
    return action


def graph_action(
    n: int, alphabet: int | None = None, group: FiniteGroup[Any] | None = None
) -> SignalAction:
    """:math:`S_n` relabelling the vertices of graphs given by adjacency matrices ``(n, n)``.

    .. math:: (\\pi \\cdot A)[i, j] = A[\\pi^{-1}(i), \\pi^{-1}(j)],

    so ``act(inverse(p), A) == A[p][:, p]`` (:math:`P A P^T` for the permutation matrix
    of :math:`\\pi`). Any square array works: weighted, directed, with loops, or a stack
    of them of shape ``(..., n, n)``.

    Parameters
    ----------
    n : int
        The number of vertices, ``n >= 1``.
    alphabet : int, optional
        Number of symbols k; makes the action finite on all :math:`k^{n^2}` matrices
        (with ``alphabet=2``, the relations on n points: directed graphs with loops).
    group : FiniteGroup, optional
        A group acting on the vertices by its permutations; by default ``symmetric(n)``.

    Returns
    -------
    SignalAction

    See Also
    --------
    edge_action : the same group on simple graphs given by their edges.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> a = grouprep.graph_action(3)
    >>> A = np.array([[0, 1, 0], [1, 0, 0], [0, 0, 0]])  # the edge {0, 1}
    >>> a.act((1, 2, 0), A)  # relabel 0 -> 1, 1 -> 2, 2 -> 0: the edge {1, 2}
    array([[0, 0, 0],
           [0, 0, 1],
           [0, 1, 0]])
    >>> grouprep.count_orbits(grouprep.graph_action(3, alphabet=2))  # OEIS A000595
    104
    """
    where = "graph_action"
    n = check_int(n, "n", where, minimum=1)
    _check_sites(n * n, "n * n", where)
    alphabet = _alphabet(alphabet, where)
    G = _vertex_group(group, n, where)
    rows, cols = np.divmod(np.arange(n * n, dtype=np.intp), n)

    def sites(g: Any) -> npt.NDArray[np.intp]:  # (i, j) -> (p[i], p[j])
        p = _perm(G, g)
        out: npt.NDArray[np.intp] = p[rows] * n + p[cols]
        return out

    action = SignalAction(G, (n, n), sites, alphabet, _name(where, str(n), alphabet, G, n))
    action._recipe = (graph_action, (n, alphabet, G))
    return action


def edge_action(
    n: int, alphabet: int | None = None, group: FiniteGroup[Any] | None = None
) -> SignalAction:
    """:math:`S_n` on simple graphs given by their edge vectors of length :math:`n(n-1)/2`.

    .. math:: (\\pi \\cdot x)[\\{i, j\\}] = x[\\{\\pi^{-1}(i), \\pi^{-1}(j)\\}],

    with the pairs :math:`i < j` in the order of ``numpy.triu_indices(n, 1)``: ``x`` is
    ``A[numpy.triu_indices(n, 1)]`` for a symmetric adjacency matrix ``A`` without loops.
    With ``alphabet=2`` the orbits are the graphs on n unlabelled vertices.

    Parameters
    ----------
    n : int
        The number of vertices, ``n >= 2``.
    alphabet : int, optional
        Number of symbols k (edge colours; 2 for simple graphs).
    group : FiniteGroup, optional
        A group acting on the vertices by its permutations; by default ``symmetric(n)``.

    Returns
    -------
    SignalAction

    See Also
    --------
    graph_action : the same group on adjacency matrices.

    Examples
    --------
    >>> import grouprep
    >>> a = grouprep.edge_action(3, alphabet=2)  # pairs 01, 02, 12
    >>> a.act((1, 2, 0), (1, 0, 0))  # the edge 01 becomes 12
    (0, 0, 1)
    >>> [grouprep.count_orbits(grouprep.edge_action(n, 2)) for n in range(2, 7)]  # A000088
    [2, 4, 11, 34, 156]
    """
    where = "edge_action"
    n = check_int(n, "n", where, minimum=2)
    m = n * (n - 1) // 2
    _check_sites(m, "n", where)
    alphabet = _alphabet(alphabet, where)
    G = _vertex_group(group, n, where)
    first, second = np.triu_indices(n, 1)
    pair = np.zeros((n, n), dtype=np.intp)
    pair[first, second] = np.arange(m, dtype=np.intp)
    pair[second, first] = pair[first, second]

    def sites(g: Any) -> npt.NDArray[np.intp]:  # {i, j} -> {p[i], p[j]}
        p = _perm(G, g)
        out: npt.NDArray[np.intp] = pair[p[first], p[second]]
        return out

    action = SignalAction(G, (m,), sites, alphabet, _name(where, str(n), alphabet, G, n))
    action._recipe = (edge_action, (n, alphabet, G))
    return action
