"""The quotient map X -> X/G as an object with coordinates (private)."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from grouprep._validation import check_int, describe
from grouprep.actions import BaseAction, SignalAction, shift_action
from grouprep.errors import GroupRepTypeError, GroupRepValueError, NotFiniteError, SizeLimitError
from grouprep.groups._base import _MAX_ENUMERATION
from grouprep.orbits._generic import canonical_form, count_orbits, orbit_labels_of
from grouprep.orbits._necklaces import (
    count_necklaces,
    least_rotation,
    necklace_rank,
    necklace_unrank,
)

__all__ = ["Quotient"]


QuotientMethod = Literal["auto", "rank", "table", "canonical"]
"""How :class:`Quotient` numbers the classes."""

UnseenPolicy = Literal["error", "reserve"]
"""What ``Quotient(method="canonical").index`` does with a class not learned in ``fit``."""


class Quotient:
    """The quotient map :math:`\\pi : X \\to X/G`, with the classes numbered ``0 .. N-1``.

    Classes are numbered in the lexicographic order of their least elements (their
    canonical forms, :func:`canonical_form`). Three ways to number them:

    * ``method="rank"`` (for ``shift_action(n, alphabet=k)``): nothing is enumerated;
      ``index`` is :func:`necklace_rank`, ``representative`` is :func:`necklace_unrank`,
      so the quotient works for n = 64 and beyond.
    * ``method="table"`` (any finite action): the orbits are labelled once, a table over
      all points built with NumPy (at most two million points); ``index`` looks classes
      up by point index.
    * ``method="canonical"`` (any signal action, finite or not, of any size): keyed by
      canonical form, without listing the points. :meth:`fit` learns a vocabulary, the
      classes of the signals it is given, numbered ``0 .. N-1`` in the lexicographic
      order of their canonical forms (so the numbering depends on the classes seen, not
      on the order of the rows). ``index`` maps a signal to its class by its canonical
      form. A class not seen in ``fit`` is handled by the policy ``unseen``:
      ``"error"`` (default) raises :class:`~grouprep.errors.GroupRepValueError` naming
      the first such row; ``"reserve"`` maps it to the reserved index
      ``unseen_index == num_classes``, one past the learned classes.
    * ``method="auto"`` (default): ``"rank"`` for the shift action on k-ary strings,
      else ``"table"``.

    Parameters
    ----------
    action : action
        A grouprep action: finite for ``"rank"`` and ``"table"``, a signal action for
        ``"canonical"``.
    method : {"auto", "rank", "table", "canonical"}, optional
    unseen : {"error", "reserve"}, optional
        The policy for classes not learned (``method="canonical"`` only).

    Attributes
    ----------
    action : action
        The action whose orbits are the classes.
    method : str
        The method in use (``"auto"`` resolved).
    num_classes : int
        The number of class ids: :math:`|X / G|` (an exact Python int, it may exceed
        2**63), or with ``"canonical"`` the number of classes learned (0 before ``fit``).
    num_orbits : int or None
        :math:`|X / G|` by Burnside's lemma (:func:`count_orbits`), None for an action
        on real signals.
    unseen_index : int or None
        With ``unseen="reserve"``, the id given to classes not learned.

    Raises
    ------
    GroupRepTypeError
        If ``action`` is not a grouprep action (a signal action for ``"canonical"``).
    GroupRepValueError
        If ``method`` or ``unseen`` is unknown, or ``"rank"`` is asked for another action.
    NotFiniteError
        If ``"rank"`` or ``"table"`` is asked for an action on real signals.
    SizeLimitError
        If ``"table"`` would list more than two million points.

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

    Binary strings of length 24 under :math:`D_{24}` (:math:`2^{24}` points, not listed):

    >>> D = grouprep.Quotient(grouprep.dihedral_action(24, alphabet=2), method="canonical")
    >>> X = [[1] * 3 + [0] * 21, [0] * 24, [0] * 21 + [1] * 3]
    >>> D.fit(X).num_classes, D.index(X).tolist(), D.num_orbits  # OEIS A000029
    (2, [1, 0, 1], 352698)
    >>> D.class_size(1), D.representative(1)[-4:].tolist()
    (24, [0, 1, 1, 1])
    >>> R = grouprep.Quotient(D.action, method="canonical", unseen="reserve").fit(X)
    >>> R.index([[1, 0] * 12]).tolist(), R.unseen_index
    ([2], 2)
    """

    def __init__(
        self, action: BaseAction, method: QuotientMethod = "auto", unseen: UnseenPolicy = "error"
    ) -> None:
        if not isinstance(action, BaseAction):
            raise GroupRepTypeError(
                "Quotient: argument 'action' must be a grouprep action on a finite set of "
                f"points (e.g. shift_action(8, alphabet=2)), got {describe(action)}"
            )
        if method not in ("auto", "rank", "table", "canonical"):
            raise GroupRepValueError(
                "Quotient: argument 'method' must be 'auto', 'rank', 'table' or 'canonical', "
                f"got {describe(method)}"
            )
        if unseen not in ("error", "reserve"):
            raise GroupRepValueError(
                f"Quotient: argument 'unseen' must be 'error' or 'reserve', got {describe(unseen)}"
            )
        self.action = action
        self.unseen = unseen
        if method == "canonical":
            if not isinstance(action, SignalAction):
                raise GroupRepTypeError(
                    "Quotient: method='canonical' needs a signal action (shift_action, "
                    f"dihedral_action, translation_action, signal_action), got {action!r}"
                )
        elif not action.is_finite:
            raise NotFiniteError(
                f"Quotient: argument 'action' must act on a finite set of points, got "
                f"{action!r}; give the signal action an alphabet, e.g. shift_action(n, "
                "alphabet=2), or key the classes by canonical form with method='canonical'"
            )
        necklace = (
            isinstance(action, SignalAction)
            and action.alphabet is not None
            and len(action.shape) == 1
            and action == shift_action(action.shape[0], alphabet=action.alphabet)
        )
        if method == "auto":
            method = "rank" if necklace else "table"
        if method == "rank" and not necklace:
            raise GroupRepValueError(
                "Quotient: method='rank' ranks necklaces, the classes of "
                f"shift_action(n, alphabet=k); got {action!r}; use method='table' or "
                "method='canonical'"
            )
        self.method: str = method
        self._necklace = method == "rank"
        self.unseen_index: int | None = None
        if self._necklace:
            self._n: int = action.shape[0]  # type: ignore[attr-defined]
            self._k: int = int(action.alphabet or 0)  # type: ignore[attr-defined]
            self.num_classes: int = count_necklaces(self._n, self._k)
        elif method == "table":
            if action.num_points > _MAX_ENUMERATION:
                raise SizeLimitError(
                    f"Quotient: method='table' lists every point, and {action!r} has "
                    f"{action.num_points} points, more than the limit of {_MAX_ENUMERATION}; "
                    "use method='canonical' (classes keyed by canonical form, learned by fit)"
                )
            labels = orbit_labels_of(action)
            roots, class_of = np.unique(labels, return_inverse=True)
            self._roots = roots  # index of the least point of each class
            self._class_of = class_of.astype(np.int64)
            self._sizes = np.bincount(self._class_of)
            self.num_classes = len(roots)
        else:
            self.num_classes = 0
            self._fitted = False

    def __repr__(self) -> str:
        extra = "" if self.method in ("rank", "table") else f", method='{self.method}'"
        if self.unseen != "error":
            extra += f", unseen='{self.unseen}'"
        return f"Quotient({self.action!r}{extra})"

    @property
    def num_orbits(self) -> int | None:
        """:math:`|X / G|` by Burnside's lemma, None for real signals."""
        if not self.action.is_finite:
            return None
        if self.method != "canonical":
            return int(self.num_classes)
        return count_orbits(self.action)

    # ------------------------------------------------------------------ learning
    def fit(self, X: Any, y: Any = None) -> Quotient:
        """Learn the classes of the signals ``X`` (``method="canonical"``); returns self.

        The vocabulary is replaced by the distinct canonical forms of the rows of X, in
        lexicographic order. For ``"rank"`` and ``"table"`` the classes are known
        already and ``fit`` only returns self.
        """
        if self.method != "canonical":
            return self
        action = self.action
        assert isinstance(action, SignalAction)  # checked in __init__
        forms = canonical_form(action, X)
        nd = len(action.shape)
        flat = forms.canonical.reshape(-1, action.num_sites)
        stab = np.asarray(forms.stabilizer_order).reshape(-1)
        self._dtype = np.dtype(np.int64) if flat.dtype.kind in "biu" else np.dtype(np.float64)
        rows = _normal(flat.astype(self._dtype))
        classes, first = np.unique(rows, axis=0, return_index=True)
        self.classes_ = classes.reshape((len(classes), *action.shape[:nd]))
        self._stab = stab[first]
        self._keys = _void(classes)
        self._key_order = np.argsort(self._keys)
        self._sorted_keys = self._keys[self._key_order]
        self.num_classes = len(classes)
        self.unseen_index = self.num_classes if self.unseen == "reserve" else None
        self._fitted = True
        return self

    def _check_fitted(self, where: str) -> None:
        if self.method == "canonical" and not self._fitted:
            raise GroupRepValueError(
                f"Quotient.{where}: the classes of method='canonical' are learned by fit(X); "
                "call fit first"
            )

    def _check_class(self, i: Any, where: str) -> int:
        self._check_fitted(where)
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

        Raises
        ------
        GroupRepValueError
            With ``method="canonical"``: before ``fit``, or for a class not learned
            when ``unseen="error"``.
        """
        action = self.action
        if self.method == "canonical":
            self._check_fitted("index")
            return self._index_canonical(X)
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

    def _index_canonical(self, X: Any) -> npt.NDArray[Any]:
        action = self.action
        assert isinstance(action, SignalAction)
        forms = canonical_form(action, X)
        lead = np.shape(forms.element)
        flat = forms.canonical.reshape(-1, action.num_sites)
        rows = flat.astype(self._dtype)
        exact = (rows == flat).all(axis=1)  # a value the vocabulary's dtype cannot hold
        keys = _void(_normal(rows))
        if len(self._sorted_keys):
            pos = np.minimum(np.searchsorted(self._sorted_keys, keys), len(self._sorted_keys) - 1)
            found = exact & (self._sorted_keys[pos] == keys)
            ids = np.where(found, self._key_order[pos], -1)
        else:  # fitted on no rows: nothing is known
            found = np.zeros(len(keys), dtype=bool)
            ids = np.full(len(keys), -1)
        if not found.all():
            if self.unseen == "error":
                bad = int(np.flatnonzero(~found)[0])
                raise GroupRepValueError(
                    f"Quotient.index: row {bad} of argument 'X' (canonical form "
                    f"{describe(flat[bad].tolist())}) is in a class not learned by fit "
                    f"({np.count_nonzero(~found)} such rows); fit on data covering it, or "
                    "use unseen='reserve' to map such rows to the reserved index num_classes"
                )
            ids = np.where(found, ids, self.num_classes)
        return ids.astype(np.int64).reshape(lead)

    def representative(self, i: int) -> Any:
        """The least element of class ``i`` (an array row for signals)."""
        i = self._check_class(i, "representative")
        if self._necklace:
            return necklace_unrank(i, self._n, self._k)
        if self.method == "canonical":
            return self.classes_[i].copy()
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
        if self.method == "canonical":
            return int(self.action.group.order) // int(self._stab[i])
        return int(self._sizes[i])


def _normal(rows: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """Rows with -0.0 written as 0.0, so that equal values have equal bytes."""
    if rows.dtype.kind == "f":
        rows = rows + 0.0
    return np.ascontiguousarray(rows)


def _void(rows: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """Each row as one opaque value (its bytes), for sorting and lookup."""
    rows = np.ascontiguousarray(rows)
    return rows.view(np.dtype((np.void, rows.dtype.itemsize * rows.shape[1]))).ravel()


def _is_point(action: BaseAction, x: Any) -> bool:
    try:
        action.point_index(x)
    except (GroupRepValueError, GroupRepTypeError):
        return False
    return True
