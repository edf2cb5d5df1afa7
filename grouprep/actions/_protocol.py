"""The action protocols and the shared base class (private)."""

from __future__ import annotations

import pickle
from abc import ABC, abstractmethod
from collections.abc import Hashable, Sequence
from typing import Any, Protocol, TypeVar, runtime_checkable

from grouprep.errors import GroupRepTypeError, GroupRepValueError, NotFiniteError
from grouprep.groups import FiniteGroup

__all__ = ["Action", "BaseAction", "FiniteAction", "check_picklable"]

G = TypeVar("G")
P = TypeVar("P")

_MAX_POINTS = 2_000_000


@runtime_checkable
class Action(Protocol):
    """A left action of a finite group on a set: ``act(g, x)`` is :math:`g \\cdot x`.

    The laws it must satisfy (checked by :func:`grouprep.check_action`):

    .. math:: e \\cdot x = x, \\qquad (g h) \\cdot x = g \\cdot (h \\cdot x).
    """

    @property
    def group(self) -> FiniteGroup[Any]:
        """The acting group."""
        ...

    def act(self, g: Any, x: Any) -> Any:
        """The image :math:`g \\cdot x`."""
        ...


@runtime_checkable
class FiniteAction(Action, Protocol):
    """An action on a finite set whose points can be listed."""

    @property
    def num_points(self) -> int:
        """The number of points."""
        ...

    def points(self) -> Sequence[Hashable]:
        """All points, in a fixed order."""
        ...


def check_picklable(fn: Any, what: str, owner: str) -> None:
    """Refuse, with a clear error, to pickle an action holding a function pickle cannot save.

    The standard :mod:`pickle` saves a function by its module and qualified name, so a
    lambda or a function defined inside another function cannot be saved; the raw
    ``PicklingError`` would not say which action holds it.
    """
    try:
        pickle.dumps(fn, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError) as err:
        name = getattr(fn, "__qualname__", None) or type(fn).__name__
        raise GroupRepTypeError(
            f"{owner} cannot be pickled: its {what} {name!r} cannot be pickled ({err}); a lambda "
            "or a function defined inside another function cannot be saved by pickle, so "
            "define the function at module level (or pickle the arguments that build the "
            "action)"
        ) from None


class BaseAction(ABC):
    """Shared machinery of grouprep's actions: value semantics and point numbering.

    Actions are immutable values: ``copy.copy`` and ``copy.deepcopy`` return the action
    itself (so :func:`sklearn.base.clone` of an estimator holding one keeps it), and
    grouprep's actions pickle as the public constructor call that built them, never
    their caches.
    """

    __slots__ = ("_cache",)

    def __init__(self) -> None:
        self._cache: dict[str, Any] = {}

    @property
    @abstractmethod
    def group(self) -> FiniteGroup[Any]: ...

    @abstractmethod
    def act(self, g: Any, x: Any) -> Any: ...

    @abstractmethod
    def _key(self) -> tuple[Any, ...]: ...

    @property
    def is_finite(self) -> bool:
        """Whether the points can be listed (:meth:`~grouprep.actions.BaseAction.points` works)."""
        return True

    @property
    @abstractmethod
    def num_points(self) -> int: ...

    @abstractmethod
    def _points(self) -> tuple[Any, ...]: ...

    def points(self) -> tuple[Any, ...]:
        """All points, in a fixed order (cached).

        Raises
        ------
        GroupRepValueError
            If the action has no finite point set, or more than two million points.
        """
        if "points" not in self._cache:
            if not self.is_finite:
                raise NotFiniteError(
                    f"{self!r}.points: this action has no finite set of points; give an "
                    "alphabet (e.g. alphabet=2) to act on k-ary signals"
                )
            if self.num_points > _MAX_POINTS:
                raise GroupRepValueError(
                    f"{self!r}.points: {self.num_points} points, more than the "
                    f"{_MAX_POINTS} grouprep lists one by one"
                )
            self._cache["points"] = self._points()
        return self._cache["points"]  # type: ignore[no-any-return]

    def point_index(self, x: Any) -> int:
        """The position of the point ``x`` in :meth:`~grouprep.actions.BaseAction.points`."""
        if "point_index" not in self._cache:
            self._cache["point_index"] = {p: i for i, p in enumerate(self.points())}
        try:
            return self._cache["point_index"][x]  # type: ignore[no-any-return]
        except (KeyError, TypeError):
            raise GroupRepValueError(
                f"{self!r}.point_index: argument 'x' must be one of the action's points, got {x!r}"
            ) from None

    def permutation(self, g: Any) -> tuple[int, ...]:
        """How ``g`` permutes the point indices: entry i is ``point_index(g·points()[i])``."""
        pts = self.points()
        return tuple(self.point_index(self.act(g, p)) for p in pts)

    def __copy__(self) -> BaseAction:
        return self

    def __deepcopy__(self, memo: Any) -> BaseAction:
        return self

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BaseAction):
            return NotImplemented
        return type(self) is type(other) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._key()))
