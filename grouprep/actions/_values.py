"""Groups acting on the values of signals, alone and with a group acting on the sites (private).

A group H acting on the k symbols ``0 .. k-1`` (a bit flip, a permutation of colours)
acts on k-ary signals entry by entry, and commutes with any action of a group G on the
sites; together they are an action of the direct product :math:`G \\times H`:

.. math:: ((g, h) \\cdot x)[i] = h \\cdot x[g^{-1} \\cdot i].
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import check_int, describe
from grouprep.actions._protocol import BaseAction
from grouprep.actions._set_actions import PermutationAction, permutation_action
from grouprep.actions._signals import SignalAction
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.groups import DirectProduct, cyclic, direct_product, symmetric

__all__ = [
    "SiteValueAction",
    "bit_flip_action",
    "colour_permutation_action",
    "site_value_action",
]


def bit_flip_action() -> PermutationAction:
    """:math:`\\mathbb{Z}_2` flipping the bits of binary signals, :math:`1 \\cdot b = 1 - b`.

    It is ``permutation_action(cyclic(2))``: on an int array it flips every bit. Combine
    it with an action on sites by :func:`site_value_action`.

    Examples
    --------
    >>> import grouprep
    >>> flip = grouprep.bit_flip_action()
    >>> flip.act(1, [0, 1, 1]).tolist(), flip.act(0, 1)
    ([1, 0, 0], 1)
    """
    return permutation_action(cyclic(2))


def colour_permutation_action(k: int) -> PermutationAction:
    """:math:`S_k` permuting k colours, :math:`\\pi \\cdot c = \\pi(c)` for ``c`` in ``0 .. k-1``.

    It is ``permutation_action(symmetric(k))``; for a subgroup (say the cyclic shifts of
    the colours) use ``permutation_action`` of that group.

    Examples
    --------
    >>> import grouprep
    >>> a = grouprep.colour_permutation_action(3)
    >>> a.act((1, 2, 0), [0, 0, 2]).tolist()
    [1, 1, 0]
    """
    return permutation_action(symmetric(check_int(k, "k", "colour_permutation_action", minimum=1)))


class SiteValueAction(BaseAction):
    """A direct product :math:`G \\times H` acting on k-ary signals: G on sites, H on symbols.

    .. math:: ((g, h) \\cdot x)[i] = h \\cdot x[g^{-1} \\cdot i]

    Built by :func:`site_value_action`. Elements are pairs ``(g, h)`` of
    ``direct_product(G, H)``. Signals have the shape of the site action, and the points
    (all :math:`k^n` signals as tuples, lexicographic) are those of the site action with
    alphabet k. It is not a :class:`SignalAction` (the values move too), so code for
    site permutations does not apply; :meth:`fixed_point_count` gives Burnside's counts.
    """

    __slots__ = ("_group", "_sites", "_values")

    def __init__(self, sites: SignalAction, values: PermutationAction) -> None:
        super().__init__()
        where = "SiteValueAction"
        if not isinstance(sites, SignalAction):
            raise GroupRepTypeError(
                f"{where}: argument 'sites' must be a SignalAction (e.g. shift_action(8)), got "
                f"{describe(sites)} of type {type(sites).__name__}"
            )
        if not isinstance(values, PermutationAction):
            raise GroupRepTypeError(
                f"{where}: argument 'values' must be a PermutationAction on the symbols "
                f"0..k-1 (e.g. bit_flip_action()), got {describe(values)} of type "
                f"{type(values).__name__}"
            )
        k = values.num_points
        if sites.alphabet != k:
            raise GroupRepValueError(
                f"{where}: argument 'sites' must act on signals over the {k} symbols that "
                f"argument 'values' permutes (build it with alphabet={k}), got {sites!r} "
                f"(alphabet {sites.alphabet}) and {values!r}"
            )
        self._sites = sites
        self._values = values
        self._group: DirectProduct = direct_product(sites.group, values.group)

    # ------------------------------------------------------------------ basics
    @property
    def group(self) -> DirectProduct:
        return self._group

    @property
    def sites(self) -> SignalAction:
        """The action on sites (alphabet k)."""
        return self._sites

    @property
    def values(self) -> PermutationAction:
        """The action on the k symbols."""
        return self._values

    @property
    def shape(self) -> tuple[int, ...]:
        """The shape of one signal."""
        return self._sites.shape

    @property
    def num_sites(self) -> int:
        """The number of sites of one signal."""
        return self._sites.num_sites

    @property
    def alphabet(self) -> int:
        """The number k of symbols."""
        return self._values.num_points

    @property
    def num_points(self) -> int:
        return self._sites.num_points

    def _points(self) -> tuple[Any, ...]:
        return self._sites.points()

    def points_array(self) -> npt.NDArray[np.intp]:
        """All :math:`k^n` signals, shape ``(k**n, *shape)``, in the order of ``points()``."""
        return self._sites.points_array()

    def point_index(self, x: Any) -> int:
        """The lexicographic position of a signal: its symbols read in base k."""
        return self._sites.point_index(x)

    # ---------------------------------------------------------------- acting
    def _symbols(self, h: Any) -> npt.NDArray[np.intp]:
        cache = self._cache.setdefault("symbols", {})
        if h not in cache:
            cache[h] = np.asarray(self._values.group._as_permutation(h), dtype=np.intp)
        return cache[h]  # type: ignore[no-any-return]

    def act(self, g: Any, x: Any) -> Any:
        """Move a signal, or a batch of shape ``(..., *shape)``, by ``g = (site, value)``.

        A tuple in gives a tuple out (one point).
        """
        gs, h = self._group._check(g, "g", "act")
        moved = self._sites.act(gs, np.asarray(x) if isinstance(x, tuple) else x)
        out = self._relabel(self._symbols(h), moved)
        return self._sites._to_point(out) if isinstance(x, tuple) else out

    @staticmethod
    def _relabel(table: npt.NDArray[np.intp], moved: npt.NDArray[Any]) -> npt.NDArray[Any]:
        """``table[moved]`` in the dtype of the input (symbols may come as floats or bools)."""
        out: npt.NDArray[Any] = table[moved.astype(np.intp, copy=False)]
        return out.astype(moved.dtype, copy=False)

    def act_each(self, gs: Sequence[Any], X: npt.ArrayLike) -> npt.NDArray[Any]:
        """Apply ``gs[j]`` to the signal ``X[j]``, for a batch of shape ``(m, *shape)``."""
        checked = [self._group._check(g, f"gs[{j}]", "act_each") for j, g in enumerate(gs)]
        moved = self._sites.act_each([g for g, _ in checked], X)
        table = np.stack([self._symbols(h) for _, h in checked]) if checked else None
        if table is None:
            return moved
        rows = np.arange(len(checked)).reshape((-1,) + (1,) * len(self.shape))
        out: npt.NDArray[Any] = table[rows, moved.astype(np.intp, copy=False)]
        return out.astype(moved.dtype, copy=False)

    def permutation(self, g: Any) -> tuple[int, ...]:
        """How ``g`` permutes the point indices (one NumPy pass over all points)."""
        gs, h = self._group._check(g, "g", "permutation")
        P = self.points_array().reshape(self.num_points, self.num_sites)
        k, n = self.alphabet, self.num_sites
        weights = k ** np.arange(n - 1, -1, -1, dtype=np.int64)
        images = self._symbols(h)[P[:, self._sites._gather(gs)]]
        return tuple((images @ weights).tolist())

    def fixed_point_count(self, g: Any) -> int:
        """The number of signals fixed by ``g = (site, value)`` (de Bruijn's power groups).

        .. math:: |X^{(g, h)}| = \\prod_{\\text{cycles } C \\text{ of } g \\text{ on the sites}}
                  \\#\\{c : h^{|C|} c = c\\},

        since a fixed signal is determined by one symbol per site cycle, which the value
        permutation raised to the cycle's length must fix.

        Examples
        --------
        >>> import grouprep
        >>> bits = grouprep.shift_action(4, alphabet=2)
        >>> a = grouprep.site_value_action(bits, grouprep.bit_flip_action())
        >>> a.fixed_point_count((1, 1))  # 0101 and 1010: the shift complements them
        2
        """
        gs, h = self._group._check(g, "g", "fixed_point_count")
        sigma = self._symbols(h)
        total = 1
        for length in _cycle_lengths(self._sites._gather(gs)):
            power = np.arange(len(sigma))
            for _ in range(length):
                power = sigma[power]
            total *= int(np.count_nonzero(power == np.arange(len(sigma))))
        return total

    # ----------------------------------------------------------- value semantics
    def _key(self) -> tuple[Any, ...]:
        return (self._sites, self._values)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (site_value_action, (self._sites, self._values))

    def __repr__(self) -> str:
        return f"site_value_action({self._sites!r}, {self._values!r})"


def _cycle_lengths(perm: npt.NDArray[np.intp]) -> list[int]:
    seen = np.zeros(len(perm), dtype=bool)
    lengths = []
    for start in range(len(perm)):
        if seen[start]:
            continue
        length, j = 0, start
        while not seen[j]:
            seen[j] = True
            j = int(perm[j])
            length += 1
        lengths.append(length)
    return lengths


def site_value_action(sites: SignalAction, values: PermutationAction) -> SiteValueAction:
    """Combine an action on sites with an action on the k symbols: :math:`G \\times H`.

    .. math:: ((g, h) \\cdot x)[i] = h \\cdot x[g^{-1} \\cdot i]

    The two commute (one moves positions, the other relabels values), so this is an
    action of ``direct_product(sites.group, values.group)`` on the k-ary signals. Binary
    necklaces up to complement are the orbits of Z_n shifts times the bit flip.

    Parameters
    ----------
    sites : SignalAction
        Any signal action with alphabet k (``shift_action(n, alphabet=2)``,
        ``d4_action(h, alphabet=2)``, ``graph_action(n, alphabet=2)``...).
    values : PermutationAction
        A group on the symbols ``0 .. k-1``, such as :func:`bit_flip_action` or
        :func:`colour_permutation_action`.

    Returns
    -------
    SiteValueAction

    Raises
    ------
    GroupRepTypeError
        If ``sites`` is not a SignalAction or ``values`` not a PermutationAction.
    GroupRepValueError
        If the site action's alphabet is not the k symbols of ``values``.

    Examples
    --------
    >>> import grouprep
    >>> bits = grouprep.shift_action(4, alphabet=2)
    >>> a = grouprep.site_value_action(bits, grouprep.bit_flip_action())
    >>> a.group
    abelian(4, 2)
    >>> a.act((1, 1), (1, 1, 0, 0))  # shift by one, then flip every bit
    (1, 0, 0, 1)
    >>> flip = grouprep.bit_flip_action()
    >>> [grouprep.count_orbits(grouprep.site_value_action(grouprep.shift_action(n, 2), flip))
    ...  for n in range(1, 9)]  # OEIS A000013
    [1, 2, 2, 4, 4, 8, 10, 20]
    """
    return SiteValueAction(sites, values)
