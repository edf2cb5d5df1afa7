"""The quotient map X -> X/G as an object with coordinates (private)."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import check_int, describe
from grouprep.actions import BaseAction, SignalAction, shift_action
from grouprep.errors import GroupRepTypeError, GroupRepValueError, NotFiniteError
from grouprep.orbits._generic import orbit_labels_of
from grouprep.orbits._necklaces import (
    count_necklaces,
    least_rotation,
    necklace_rank,
    necklace_unrank,
)

__all__ = ["Quotient"]


class Quotient:
    """The quotient map :math:`\\pi : X \\to X/G`, with the classes numbered ``0 .. N-1``.

    Classes are numbered in the lexicographic order of their least elements (for the
    shift action on k-ary strings: the necklaces in lexicographic order, so the class id
    is the necklace rank).

    * For ``shift_action(n, alphabet=k)`` nothing is enumerated: ``index`` is
      :func:`necklace_rank`, ``representative`` is :func:`necklace_unrank`, so the quotient
      works for n = 64 and beyond.
    * For any other finite action the orbits are labelled once (a table over all
      points, built with NumPy); ``index`` then looks classes up by point index.

    Parameters
    ----------
    action : finite action
        A grouprep action with a finite set of points.

    Attributes
    ----------
    action : action
        The action whose orbits are the classes.
    num_classes : int
        :math:`|X / G|`, an exact Python int (it may exceed 2**63).

    Examples
    --------
    >>> import grouprep
    >>> Q = grouprep.Quotient(grouprep.shift_action(6, alphabet=2))
    >>> Q.num_classes, Q.index([[1, 0, 1, 0, 0, 0], [0, 0, 0, 1, 0, 1]]).tolist()
    (14, [3, 3])
    >>> Q.representative(3).tolist(), Q.class_size(3), Q.class_size(5)
    ([0, 0, 0, 1, 0, 1], 6, 3)
    >>> big = grouprep.Quotient(grouprep.shift_action(64, alphabet=2))
    >>> big.num_classes
    288230376218822676
    """

    def __init__(self, action: BaseAction) -> None:
        if not isinstance(action, BaseAction):
            raise GroupRepTypeError(
                "Quotient: argument 'action' must be a grouprep action on a finite set of "
                f"points (e.g. shift_action(8, alphabet=2)), got {describe(action)}"
            )
        if not action.is_finite:
            raise NotFiniteError(
                f"Quotient: argument 'action' must act on a finite set of points, got "
                f"{action!r}; give the signal action an alphabet, e.g. shift_action(n, alphabet=2)"
            )
        self.action = action
        self._necklace = (
            isinstance(action, SignalAction)
            and action.alphabet is not None
            and len(action.shape) == 1
            and action == shift_action(action.shape[0], alphabet=action.alphabet)
        )
        if self._necklace:
            self._n: int = action.shape[0]  # type: ignore[attr-defined]
            self._k: int = int(action.alphabet or 0)  # type: ignore[attr-defined]
            self.num_classes = count_necklaces(self._n, self._k)
        else:
            labels = orbit_labels_of(action)
            roots, class_of = np.unique(labels, return_inverse=True)
            self._roots = roots  # index of the least point of each class
            self._class_of = class_of.astype(np.int64)
            self._sizes = np.bincount(self._class_of)
            self.num_classes = len(roots)

    def __repr__(self) -> str:
        return f"Quotient({self.action!r})"

    def _check_class(self, i: Any, where: str) -> int:
        i = check_int(i, "i", f"Quotient.{where}", minimum=0)
        if i >= self.num_classes:
            raise GroupRepValueError(
                f"Quotient.{where}: argument 'i' must be < num_classes = {self.num_classes}, "
                f"got {i}"
            )
        return int(i)

    def index(self, X: Any) -> npt.NDArray[Any]:
        """The class id of each point (for signals: of each row of a batch).

        Returns
        -------
        numpy.ndarray
            Shape ``X.shape[:-len(shape)]`` for signal actions; int64 (object for more
            than 2**62 classes).
        """
        action = self.action
        if self._necklace:
            assert isinstance(action, SignalAction)  # set in __init__
            return necklace_rank(action._check_signal(X, "Quotient.index", "X"), self._k)
        if isinstance(action, SignalAction):
            arr = action._check_signal(X, "Quotient.index", "X")
            k = action.alphabet or 1
            flat = arr.reshape(-1, action.num_sites)
            if flat.dtype.kind not in "iu" or (flat.size and (flat.min() < 0 or flat.max() >= k)):
                raise GroupRepValueError(
                    f"Quotient.index: argument 'X' must hold symbols in 0..{k - 1}, "
                    f"got {describe(X)}"
                )
            weights = k ** np.arange(action.num_sites - 1, -1, -1, dtype=np.int64)
            codes = flat.astype(np.int64) @ weights
            lead = arr.shape[: arr.ndim - len(action.shape)]
            result: npt.NDArray[Any] = self._class_of[codes].reshape(lead)
            return result
        if _is_point(action, X):  # one point
            return self._class_of[action.point_index(X)]  # type: ignore[no-any-return]
        return np.array([self._class_of[action.point_index(p)] for p in X], dtype=np.int64)

    def representative(self, i: int) -> Any:
        """The least element of class ``i`` (an array row for signals)."""
        i = self._check_class(i, "representative")
        if self._necklace:
            return necklace_unrank(i, self._n, self._k)
        point = self.action.points()[int(self._roots[i])]
        if isinstance(self.action, SignalAction):
            return np.array(point)
        return point

    def class_size(self, i: int) -> int:
        """The number of points in class ``i``: :math:`|G| / |G_x|`."""
        i = self._check_class(i, "class_size")
        if self._necklace:
            rep = necklace_unrank(i, self._n, self._k)
            stab = int(least_rotation(rep[None, :]).stabilizer_order[0])
            return int(self._n) // stab
        return int(self._sizes[i])


def _is_point(action: BaseAction, x: Any) -> bool:
    try:
        action.point_index(x)
    except (GroupRepValueError, GroupRepTypeError):
        return False
    return True
