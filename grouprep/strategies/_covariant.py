"""Strategies for a covariant label, a site that moves with the input (private).

The label y of a signal x is a site (a position); moving x by g moves the answer to
``g . y`` (:class:`~grouprep.strategies.SiteLabels`). Every class here takes the signal
action and derives the action on labels from it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.ensemble import RandomForestClassifier

from grouprep._validation import describe
from grouprep.errors import GroupRepValueError
from grouprep.features import CanonicalForm
from grouprep.strategies._structure import as_signals, orbitals, site_moves, site_orbits

__all__ = [
    "CanonicalFrameClassifier",
    "CovariantAugmented",
    "EquivariantPositionClassifier",
    "default_estimator",
]


def default_estimator(random_state: int = 0) -> Any:
    """The downstream model shared by every strategy: a random forest.

    A forest needs no tuning and no scaling, takes binary strings, class ids and real
    invariants alike, and can represent a lookup table, which a task with arbitrary
    labels on orbits needs; so differences between strategies come from the features.

    Examples
    --------
    >>> from grouprep.strategies import default_estimator
    >>> default_estimator(3).get_params()["random_state"]
    3
    """
    return RandomForestClassifier(n_estimators=100, random_state=random_state, n_jobs=1)


def _model(estimator: Any) -> Any:
    return clone(estimator) if estimator is not None else default_estimator()


def _site_labels(y: Any, n: int, action: Any, where: str) -> npt.NDArray[np.intp]:
    labels = np.asarray(y)
    if (
        labels.ndim != 1
        or labels.dtype.kind not in "iu"
        or (labels.size and (labels.min() < 0 or labels.max() >= n))
    ):
        raise GroupRepValueError(
            f"{where}: a covariant label must be a site of {action!r}, an int in 0..{n - 1} "
            f"(one per row), got {describe(y)}"
        )
    return labels.astype(np.intp)


class CanonicalFrameClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Strategy 5 for a covariant label: learn in the canonical frame, map back.

    With :math:`\\operatorname{can}(x) = g_x \\cdot x` (:class:`~grouprep.CanonicalForm`),
    the model learns :math:`g_x \\cdot y` from :math:`\\operatorname{can}(x)`; the
    prediction is moved back by :math:`g_x^{-1}`. Since :math:`g_{g x} = g_x g^{-1}`
    whenever the canonical element is unique,

    .. math:: \\hat y(g \\cdot x) = g \\cdot \\hat y(x).

    Any signal action; labels are sites (:class:`~grouprep.strategies.SiteLabels`).

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.strategies import CanonicalFrameClassifier, SiteLabels
    >>> action = grouprep.dihedral_action(6)
    >>> X = np.random.default_rng(0).standard_normal((60, 6))
    >>> y = X.argmax(axis=1)  # the position of the largest value moves with x
    >>> model = CanonicalFrameClassifier(action).fit(X, y)
    >>> grouprep.check_equivariant(model.predict, action, SiteLabels(action), X).holds
    True
    """

    def __init__(self, action: Any = None, estimator: Any = None) -> None:
        self.action = action
        self.estimator = estimator

    def _frame(self, X: Any) -> tuple[npt.NDArray[Any], npt.NDArray[np.intp]]:
        Z = self.canon_.transform(as_signals(self.action, X, "CanonicalFrameClassifier"))
        n = self.n_
        return Z[:, :n], Z[:, n].astype(np.intp)

    def fit(self, X: Any, y: Any) -> CanonicalFrameClassifier:
        self.n_ = self.action.num_sites
        labels = _site_labels(y, self.n_, self.action, "CanonicalFrameClassifier.fit")
        self.moves_ = site_moves(self.action)
        self.back_ = np.argsort(self.moves_, axis=1)  # the inverse of each element
        self.canon_ = CanonicalForm(self.action, return_element=True)
        self.canon_.fit(as_signals(self.action, X, "CanonicalFrameClassifier.fit"))
        can, g = self._frame(X)
        self.estimator_ = _model(self.estimator).fit(can, self.moves_[g, labels])
        self.classes_ = np.arange(self.n_)
        return self

    def predict(self, X: Any) -> npt.NDArray[Any]:
        can, g = self._frame(X)
        out: npt.NDArray[Any] = self.back_[g, self.estimator_.predict(can).astype(np.intp)]
        return out


class EquivariantPositionClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Strategy 4 for a covariant label: equivariant features, one score per site.

    The features of site t are, for each orbital o (an orbit of G on pairs of sites),
    the mean, minimum and maximum of :math:`x_j` over the sites j with
    :math:`(t, j) \\in o`, and the orbit of t:

    .. math:: h_t(x) = \\big(\\operatorname{agg}\\{x_j : (t, j) \\in o\\}\\big)_{o},
              \\qquad h_{g t}(g \\cdot x) = h_t(x),

    since :math:`(g t, g j)` lies in the same orbital as :math:`(t, j)`. For the cyclic
    shift each orbital holds one j per t, and :math:`h_t = (x_t, x_{t+1}, \\dots,
    x_{t+n-1})` lifts x to the group (a full group convolution). One classifier, shared
    by all sites, scores "the label is t" from :math:`h_t`; the prediction is the best
    site, ties broken by the (equivariant) signal value there. Hence
    :math:`\\hat y(g \\cdot x) = g \\cdot \\hat y(x)`.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.strategies import EquivariantPositionClassifier, SiteLabels
    >>> action = grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(5)))
    >>> X = np.random.default_rng(0).standard_normal((80, 5))
    >>> model = EquivariantPositionClassifier(action).fit(X, X.argmax(axis=1))
    >>> bool(model.score(X, X.argmax(axis=1)) > 0.9)
    True
    >>> grouprep.check_equivariant(model.predict, action, SiteLabels(action), X).holds
    True
    """

    def __init__(self, action: Any = None, estimator: Any = None) -> None:
        self.action = action
        self.estimator = estimator

    def _plan(self) -> None:
        n = self.action.num_sites
        moves = site_moves(self.action)
        labels = orbitals(self.action, moves)
        self.site_orbit_ = site_orbits(moves)
        blocks = []
        for o in range(int(labels.max()) + 1):
            members = labels == o  # members[t, j]: (t, j) in o
            rows = np.flatnonzero(members.any(axis=1))
            idx = np.stack([np.flatnonzero(members[t]) for t in rows])  # equal sizes
            blocks.append((rows, idx))
        self._blocks = blocks
        self.n_ = n

    def _columns(self, X: Any) -> npt.NDArray[np.float64]:
        arr = np.asarray(as_signals(self.action, X, "EquivariantPositionClassifier"))
        flat = arr.reshape(len(arr), -1).astype(np.float64)
        m, n = flat.shape
        cols = []
        for rows, idx in self._blocks:
            vals = flat[:, idx]  # (m, len(rows), size)
            stats = [vals.mean(axis=2)] if idx.shape[1] == 1 else [
                vals.mean(axis=2), vals.min(axis=2), vals.max(axis=2)
            ]  # fmt: skip
            for s in stats:
                col = np.zeros((m, n))
                col[:, rows] = s
                cols.append(col)
        cols.append(np.broadcast_to(self.site_orbit_.astype(np.float64), (m, n)))
        return np.stack(cols, axis=2).reshape(m * n, len(cols))

    def fit(self, X: Any, y: Any) -> EquivariantPositionClassifier:
        self._plan()
        labels = _site_labels(y, self.n_, self.action, "EquivariantPositionClassifier.fit")
        target = np.zeros((len(labels), self.n_), dtype=np.int64)
        target[np.arange(len(labels)), labels] = 1
        self.estimator_ = _model(self.estimator).fit(self._columns(X), target.ravel())
        self.classes_ = np.arange(self.n_)
        return self

    def predict(self, X: Any) -> npt.NDArray[Any]:
        arr = np.asarray(as_signals(self.action, X, "EquivariantPositionClassifier"))
        flat = arr.reshape(len(arr), -1).astype(np.float64)
        proba = self.estimator_.predict_proba(self._columns(X))
        col = list(self.estimator_.classes_).index(1) if 1 in self.estimator_.classes_ else 0
        scale = 1e-6 / (1.0 + float(np.abs(flat).max(initial=0.0)))
        scores = proba[:, col].reshape(len(flat), self.n_) + scale * flat
        out: npt.NDArray[Any] = scores.argmax(axis=1)
        return out


class CovariantAugmented(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Strategy 2 for a covariant label: every moved copy of x, with its label moved along.

    .. math:: \\{(g \\cdot x, g \\cdot y) : g \\in G\\}

    Equivariant only approximately, where the training data taught it.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.strategies import CovariantAugmented
    >>> action = grouprep.dihedral_action(5)
    >>> X = np.random.default_rng(0).standard_normal((30, 5))
    >>> model = CovariantAugmented(action).fit(X, X.argmax(axis=1))
    >>> model.estimator_.n_features_in_, len(model.classes_)
    (5, 5)
    """

    def __init__(self, action: Any = None, estimator: Any = None) -> None:
        self.action = action
        self.estimator = estimator

    def fit(self, X: Any, y: Any) -> CovariantAugmented:
        action = self.action
        arr = np.asarray(as_signals(action, X, "CovariantAugmented.fit"))
        labels = _site_labels(y, action.num_sites, action, "CovariantAugmented.fit")
        moves = site_moves(action)
        G = action.group
        Xa = np.concatenate([action.act(g, arr) for g in G.elements()])
        ya = np.concatenate([moves[G.index(g)][labels] for g in G.elements()])
        self.estimator_ = _model(self.estimator).fit(Xa.reshape(len(Xa), -1), ya)
        self.classes_ = self.estimator_.classes_
        return self

    def predict(self, X: Any) -> npt.NDArray[Any]:
        arr = np.asarray(as_signals(self.action, X, "CovariantAugmented.predict"))
        out: npt.NDArray[Any] = self.estimator_.predict(arr.reshape(len(arr), -1))
        return out
