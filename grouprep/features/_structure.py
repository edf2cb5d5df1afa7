"""What an action is, read from its group and its site permutations (private).

The strategies choose their path from these facts, never from an action's name: whether
the group is abelian and acts regularly on the sites (then the sites carry the group's
coordinates and the FFT applies), the orbits of the group on the sites and on pairs of
sites (the orbitals, which index the equivariant linear maps), and where each element
sends each site (the action on positions, for covariant labels).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep.actions import SignalAction
from grouprep.errors import GroupRepValueError, SizeLimitError

__all__ = [
    "MAX_PAIR_WORK",
    "abelian_layout",
    "as_signals",
    "commuting_layout",
    "orbitals",
    "site_moves",
    "site_orbits",
    "site_step",
]

MAX_PAIR_WORK = 2**26
"""The most (group element, site pair) steps the orbital computation takes."""


def site_moves(action: SignalAction) -> npt.NDArray[np.intp]:
    """Where each element sends each site: ``moves[e, i] = g_e . i`` for ``g_e =
    group.element(e)``.

    With ``(g . x)[j] = x[gather_g[j]]`` the value at site ``gather_g[j]`` moves to j, so
    ``moves[e]`` is the inverse permutation of ``gather_index(g_e)``.
    """
    table = action.gather_table()
    moves = np.empty_like(table)
    rows = np.arange(table.shape[0])[:, None]
    moves[rows, table] = np.arange(table.shape[1])[None, :]
    return moves


def site_orbits(moves: npt.NDArray[np.intp]) -> npt.NDArray[np.intp]:
    """The orbit of each site, numbered 0, 1, ... in the order of their least sites."""
    least = moves.min(axis=0)  # the least site of each orbit: min over the group
    _, labels = np.unique(least, return_inverse=True)
    return labels.astype(np.intp)


def orbitals(action: SignalAction, moves: npt.NDArray[np.intp]) -> npt.NDArray[np.intp]:
    """The orbit of every ordered pair of sites: ``labels[i, j]`` in ``0 .. q-1``.

    .. math:: (i, j) \\sim (g \\cdot i, g \\cdot j)

    Orbits are numbered in the order of their least pair ``i * n + j``; for the cyclic
    shift the orbit of ``(t, t + d)`` is number d. A matrix W is G-equivariant
    (:math:`W_{g i, g j} = W_{i j}`) exactly when it is constant on each orbit.

    Raises
    ------
    SizeLimitError
        If :math:`|G| n^2` exceeds :data:`MAX_PAIR_WORK`.
    """
    order, n = moves.shape
    if order * n * n > MAX_PAIR_WORK:
        raise SizeLimitError(
            f"the orbits of {action!r} on pairs of sites take |G| n^2 = {order} * {n}^2 "
            f"steps, more than the {MAX_PAIR_WORK} allowed"
        )
    codes = np.arange(n * n, dtype=np.int64).reshape(n, n)
    least = codes.copy()
    for row in moves:
        np.minimum(least, row[:, None].astype(np.int64) * n + row[None, :], out=least)
    # least[i, j] is the least code of the orbit of (g^-1 i, g^-1 j) over g: the orbit's
    # least pair, the same for every pair of the orbit
    _, labels = np.unique(least, return_inverse=True)
    return labels.reshape(n, n).astype(np.intp)


def abelian_layout(action: SignalAction) -> tuple[tuple[int, ...], npt.NDArray[np.intp]] | str:
    """The sites in the coordinates of an abelian group acting regularly, or why not.

    When G is abelian, :math:`G = \\langle g_1 \\rangle \\times \\dots \\times \\langle
    g_r \\rangle` (the generators, when the product of their orders is :math:`|G|`, or
    one element of order :math:`|G|`), and G acts regularly on the sites (transitively,
    with :math:`|G|` sites), site :math:`g_1^{a_1} \\cdots g_r^{a_r} \\cdot s_0` gets the
    coordinates :math:`(a_1, \\dots, a_r)`. In them the action is the translation
    :math:`f(a) \\mapsto f(a - b)`, so the FFT over the coordinates is the group's
    Fourier transform.

    Returns
    -------
    (orders, sites) or str
        ``orders`` the cyclic factors' orders, ``sites`` an index array of that shape with
        the site at each coordinate; or the reason the action has no such layout.
    """
    G = action.group
    n = action.num_sites
    if not G.is_abelian:
        return f"the group of {action!r} is not abelian"
    if G.order != n:
        return (
            f"{action!r} does not act regularly on its sites: the group has order {G.order} "
            f"and there are {n} sites"
        )
    layout = commuting_layout([site_step(action, g) for g in G.generators], n)
    if isinstance(layout, str):
        return f"{action!r}: {layout}"
    orders, sites = layout
    if sites.shape[0] != 1:
        return f"{action!r} does not act transitively on its sites"
    return orders, sites[0]


def site_step(action: SignalAction, g: Any) -> npt.NDArray[np.intp]:
    """Where g sends each site: ``step[i] = g . i`` (the inverse of the gather index)."""
    return np.argsort(action.gather_index(g).ravel()).astype(np.intp)


def _closure(perms: list[npt.NDArray[np.intp]], limit: int) -> list[npt.NDArray[np.intp]] | None:
    """The permutations generated by ``perms`` (None when there are more than ``limit``)."""
    n = len(perms[0])
    identity = np.arange(n, dtype=np.intp)
    seen = {identity.tobytes(): identity}
    frontier = [identity]
    while frontier:
        nxt = []
        for q in frontier:
            for p in perms:
                r = p[q]
                key = r.tobytes()
                if key not in seen:
                    seen[key] = r
                    nxt.append(r)
                    if len(seen) > limit:
                        return None
        frontier = nxt
    return list(seen.values())


def _perm_order(p: npt.NDArray[np.intp]) -> int:
    order, q = 1, p.copy()
    identity = np.arange(len(p))
    while not np.array_equal(q, identity):
        q = p[q]
        order += 1
    return order


def commuting_layout(
    perms: list[npt.NDArray[np.intp]], n: int
) -> tuple[tuple[int, ...], npt.NDArray[np.intp]] | str:
    """Coordinates for an abelian group of permutations acting freely on n points.

    The permutations ``perms`` must commute and generate a group T whose non-identity
    elements move every point (a free action; regular when there is one orbit). With T
    written :math:`\\langle t_1 \\rangle \\times \\dots \\times \\langle t_r \\rangle`
    (the given permutations when the product of their orders is :math:`|T|`, else one
    element of order :math:`|T|`), point :math:`t_1^{a_1} \\cdots t_r^{a_r}(x_j)` has the
    coordinates :math:`(j, a_1, \\dots, a_r)`, :math:`x_j` the least point of the j-th
    orbit of T.

    Returns
    -------
    (orders, sites) or str
        ``orders`` the cyclic factors' orders and ``sites`` of shape ``(q, *orders)``, the
        point at each coordinate (q orbits); or the reason there is no such layout.
    """
    gens = [np.asarray(p, dtype=np.intp) for p in perms]
    gens = [p for p in gens if not np.array_equal(p, np.arange(n))]
    if not gens:
        return (1,), np.arange(n, dtype=np.intp).reshape(n, 1)
    for i, p in enumerate(gens):
        for q in gens[:i]:
            if not np.array_equal(p[q], q[p]):
                return "the permutations do not commute"
    elements = _closure(gens, n)
    if elements is None or any(
        bool((r == np.arange(n)).any()) for r in elements if not np.array_equal(r, np.arange(n))
    ):
        return "the group does not act freely (an element other than the identity fixes a point)"
    size = len(elements)
    orders = [_perm_order(p) for p in gens]
    if math.prod(orders) != size:
        full = next((r for r in elements if _perm_order(r) == size), None)
        if full is None:
            return (
                f"the generators are not independent (the product of their orders {orders} "
                f"is not the order {size}) and the group is not cyclic"
            )
        gens, orders = [full], [size]
    from grouprep._components import orbit_labels

    labels = orbit_labels(gens, n)
    sites = np.unique(labels).astype(np.intp)  # the least point of each orbit
    for p, o in zip(gens, orders, strict=True):
        layers = [sites]
        for _ in range(o - 1):
            layers.append(p[layers[-1]])
        sites = np.stack(layers, axis=-1)
    return tuple(orders), sites


def as_signals(action: SignalAction, X: Any, where: str) -> npt.NDArray[Any]:
    """X as a batch of signals of shape ``(m, *action.shape)``; flattened rows
    ``(m, num_sites)`` of images are accepted and reshaped, anything else refused."""
    arr = np.asarray(X)
    shape = tuple(action.shape)
    if arr.ndim >= 1 and tuple(arr.shape[1:]) == shape:
        return arr
    if arr.ndim == 2 and arr.shape[1] == action.num_sites:
        return arr.reshape((len(arr), *shape))
    raise GroupRepValueError(
        f"{where}: argument 'X' must hold samples of shape {shape} for {action!r} (or "
        f"flattened rows of {action.num_sites} values), got an array of shape {arr.shape}"
    )
