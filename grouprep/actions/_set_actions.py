"""Actions on finite sets: points of a permutation group, the group itself (private)."""

from __future__ import annotations

import numbers
from collections.abc import Callable, Hashable, Iterable
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import describe
from grouprep.actions._protocol import BaseAction, check_picklable
from grouprep.errors import GroupRepTypeError, GroupRepValueError, NotFiniteError
from grouprep.groups import FiniteGroup
from grouprep.groups._base import check_listing

__all__ = [
    "FunctionAction",
    "PermutationAction",
    "RegularAction",
    "action_from_function",
    "permutation_action",
    "regular_action",
]


def _check_group(group: Any, where: str) -> FiniteGroup[Any]:
    if not isinstance(group, FiniteGroup):
        raise GroupRepTypeError(
            f"{where}: argument 'group' must be a grouprep FiniteGroup, "
            f"got {describe(group)} of type {type(group).__name__}"
        )
    return group


class PermutationAction(BaseAction):
    """A group acting on the points ``0 .. degree-1`` by its natural permutations.

    ``act(g, i) == G.as_permutation(g)[i]``; ``act(g, X)`` on an integer array maps every
    entry at once.
    """

    __slots__ = ("_group",)

    def __init__(self, group: FiniteGroup[Any]) -> None:
        super().__init__()
        self._group = _check_group(group, "PermutationAction")

    @property
    def group(self) -> FiniteGroup[Any]:
        return self._group

    @property
    def num_points(self) -> int:
        return self._group.degree

    def _points(self) -> tuple[int, ...]:
        return tuple(range(self._group.degree))

    def point_index(self, x: Any) -> int:
        if self._valid_point(x):
            return int(x)
        raise GroupRepValueError(
            f"{self!r}.point_index: argument 'x' must be a point in 0..{self.num_points - 1}, "
            f"got {describe(x)}"
        )

    def _valid_point(self, x: Any) -> bool:
        return (
            isinstance(x, numbers.Integral)
            and not isinstance(x, bool)
            and 0 <= int(x) < self._group.degree
        )

    def _perm(self, g: Any) -> npt.NDArray[np.intp]:
        cache = self._cache.setdefault("perms", {})
        if g not in cache:
            check_listing(self.num_points, "the points", f"{self!r}.act")
            cache[g] = np.array(self._group._as_permutation(g), dtype=np.intp)
        return cache[g]  # type: ignore[no-any-return]

    def act(self, g: Any, x: Any) -> Any:
        """The image of a point (or of every entry of an int array) under ``g``."""
        g = self._group._check(g, "g", "act")
        if self._valid_point(x):
            return int(self._perm(g)[int(x)])
        arr = np.asarray(x)
        if arr.dtype.kind not in "iu" or (
            arr.size and (arr.min() < 0 or arr.max() >= self.num_points)
        ):
            raise GroupRepValueError(
                f"PermutationAction.act: argument 'x' must be a point in 0..{self.num_points - 1} "
                f"or an int array of such points, got {describe(x)}"
            )
        return self._perm(g)[arr]

    def permutation(self, g: Any) -> tuple[int, ...]:
        return self._group.as_permutation(g)

    def _key(self) -> tuple[Any, ...]:
        return (self._group,)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (permutation_action, (self._group,))

    def __repr__(self) -> str:
        return f"permutation_action({self._group!r})"


class RegularAction(BaseAction):
    """A group acting on itself by left multiplication, :math:`g \\cdot h = gh`."""

    __slots__ = ("_group",)

    def __init__(self, group: FiniteGroup[Any]) -> None:
        super().__init__()
        self._group = _check_group(group, "RegularAction")

    @property
    def group(self) -> FiniteGroup[Any]:
        return self._group

    @property
    def num_points(self) -> int:
        return self._group.order

    def _points(self) -> tuple[Any, ...]:
        return self._group.elements()

    def point_index(self, x: Any) -> int:
        if x in self._group:
            return self._group.index(x)
        raise GroupRepValueError(
            f"{self!r}.point_index: argument 'x' must be an element of {self._group!r}, "
            f"got {describe(x)}"
        )

    def act(self, g: Any, x: Any) -> Any:
        """The product ``g·x``."""
        g = self._group._check(g, "g", "act")
        return self._group._compose(g, self._group._check(x, "x", "act"))

    def permutation(self, g: Any) -> tuple[int, ...]:
        g = self._group._check(g, "g", "permutation")
        return tuple(int(v) for v in self._group.cayley_table()[self._group._index(g)])

    def _key(self) -> tuple[Any, ...]:
        return (self._group,)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (regular_action, (self._group,))

    def __repr__(self) -> str:
        return f"regular_action({self._group!r})"


class FunctionAction(BaseAction):
    """An action given by a user's function ``fn(g, x)``, optionally on a finite point set.

    It pickles when ``fn`` does (a function defined at module level, not a lambda or a
    nested function); otherwise pickling raises
    :class:`~grouprep.errors.GroupRepTypeError` naming the function.
    """

    __slots__ = ("_fn", "_group", "_pts")

    def __init__(
        self,
        group: FiniteGroup[Any],
        fn: Callable[[Any, Any], Any],
        points: Iterable[Hashable] | None,
    ) -> None:
        super().__init__()
        self._group = _check_group(group, "FunctionAction")
        if not callable(fn):
            raise GroupRepTypeError(
                f"FunctionAction: argument 'fn' must be callable, got {type(fn).__name__}"
            )
        if points is not None:
            if isinstance(points, str | bytes) or not isinstance(points, Iterable):
                raise GroupRepTypeError(
                    "FunctionAction: argument 'points' must be None or an iterable of hashable "
                    f"points, got {describe(points)} of type {type(points).__name__}"
                )
            points = tuple(points)
            for i, p in enumerate(points):
                try:
                    hash(p)
                except TypeError:
                    raise GroupRepTypeError(
                        f"FunctionAction: argument 'points' must hold hashable points; "
                        f"points[{i}] is {describe(p)} of type {type(p).__name__}"
                    ) from None
        self._fn = fn
        self._pts = points

    @property
    def group(self) -> FiniteGroup[Any]:
        return self._group

    @property
    def is_finite(self) -> bool:
        return self._pts is not None

    @property
    def num_points(self) -> int:
        if self._pts is None:
            raise NotFiniteError(f"{self!r}: no points were given, so there is no count")
        return len(self._pts)

    def _points(self) -> tuple[Any, ...]:
        return () if self._pts is None else self._pts

    def act(self, g: Any, x: Any) -> Any:
        """``fn(g, x)`` for an element ``g`` of the group."""
        return self._fn(self._group._check(g, "g", "act"), x)

    def _key(self) -> tuple[Any, ...]:
        return (self._group, self._fn, self._pts)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle as ``action_from_function(group, fn, points)``: ``fn`` must pickle."""
        check_picklable(self._fn, "function", repr(self))
        return (action_from_function, (self._group, self._fn, self._pts))

    def __repr__(self) -> str:
        name = getattr(self._fn, "__name__", repr(self._fn))
        return f"action_from_function({self._group!r}, {name})"


def permutation_action(group: FiniteGroup[Any]) -> PermutationAction:
    """The natural action of a group on the points ``0 .. degree-1``.

    .. math:: g \\cdot i = \\pi_g(i), \\qquad \\pi_g = \\texttt{G.as\\_permutation(g)}.

    Permutation groups act on their points, cyclic and dihedral groups on the vertices of
    the n-gon, direct products on the disjoint union of their factors' points.

    Examples
    --------
    >>> import grouprep
    >>> a = grouprep.permutation_action(grouprep.dihedral(4))
    >>> a.points(), a.act((1, 1), 0), a.act((1, 0), [0, 1, 2, 3]).tolist()
    ((0, 1, 2, 3), 1, [1, 2, 3, 0])
    """
    return PermutationAction(_check_group(group, "permutation_action"))


def regular_action(group: FiniteGroup[Any]) -> RegularAction:
    """A group acting on its own elements by left multiplication, :math:`g \\cdot h = gh`.

    Examples
    --------
    >>> import grouprep
    >>> a = grouprep.regular_action(grouprep.cyclic(5))
    >>> a.act(2, 4), a.permutation(1)
    (1, (1, 2, 3, 4, 0))
    """
    return RegularAction(_check_group(group, "regular_action"))


def action_from_function(
    group: FiniteGroup[Any],
    fn: Callable[[Any, Any], Any],
    points: Iterable[Hashable] | None = None,
) -> FunctionAction:
    """Wrap a function ``fn(g, x)`` as an action of ``group`` (laws not assumed: check them).

    Parameters
    ----------
    group : FiniteGroup
    fn : callable
        ``fn(g, x)`` returns :math:`g \\cdot x`.
    points : iterable of hashable, optional
        The finite set acted on, if there is one.

    Returns
    -------
    FunctionAction
        Pickles when ``fn`` pickles (defined at module level); pickling an action built
        from a lambda raises :class:`~grouprep.errors.GroupRepTypeError`. ``copy.copy``
        and ``copy.deepcopy`` return the action itself, lambda or not.

    Examples
    --------
    >>> import pickle
    >>> import grouprep
    >>> G = grouprep.cyclic(2)
    >>> flip = grouprep.action_from_function(G, lambda g, x: -x if g else x, points=[-1, 1])
    >>> grouprep.check_action(flip).holds
    True
    >>> try:
    ...     pickle.dumps(flip)
    ... except grouprep.GroupRepTypeError as err:
    ...     print(str(err).split(" cannot be pickled (")[0], "...")
    action_from_function(cyclic(2), <lambda>) cannot be pickled: its function '<lambda>' ...
    """
    group = _check_group(group, "action_from_function")
    if not callable(fn):
        raise GroupRepTypeError(
            f"action_from_function: argument 'fn' must be callable, got {type(fn).__name__}"
        )
    return FunctionAction(group, fn, points)
