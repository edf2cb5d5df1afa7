"""The five ways of using a symmetry, as scikit-learn pipelines (private)."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin, clone
from sklearn.ensemble import RandomForestClassifier
from sklearn.pipeline import Pipeline, make_union

from grouprep._validation import check_int, describe
from grouprep.actions import SignalAction, shift_action
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.features import (
    Bispectrum,
    CanonicalForm,
    GroupConvolution,
    InvariantPolynomials,
    InvariantPooling,
    OrbitAugmenter,
    OrbitIndex,
    PowerSpectrum,
)

__all__ = [
    "COVARIANT_STRATEGIES",
    "STRATEGIES",
    "AugmentedClassifier",
    "CanonicalFrameClassifier",
    "EquivariantPositionClassifier",
    "RoundFeatures",
    "ShiftLabels",
    "default_estimator",
    "make_strategy",
]

STRATEGIES = (
    "baseline",
    "quotient",
    "augmentation",
    "invariant_features",
    "equivariant",
    "canonicalization",
)
"""The strategy names, in the order of the seed (baseline first)."""


COVARIANT_STRATEGIES = ("baseline", "augmentation", "equivariant", "canonicalization")
"""The strategies that can predict a label that moves with the input (a position)."""


class ShiftLabels:
    """Z_n acting on position labels: ``g . y = (y + g) mod n`` (for covariance checks)."""

    def __init__(self, action: SignalAction) -> None:
        self.action = action
        self.group = action.group
        self.n = action.num_sites

    def act(self, g: Any, y: Any) -> npt.NDArray[Any]:
        out: npt.NDArray[Any] = (np.asarray(y) + int(g)) % self.n
        return out

    def __repr__(self) -> str:
        return f"Z_{self.n} on positions"


def _shift_of(action: SignalAction) -> int:
    recipe = action._recipe
    if recipe is None or recipe[0].__name__ != "shift_action":
        raise GroupRepValueError(
            f"make_strategy: covariant strategies are built for the cyclic shift; got {action!r}"
        )
    return action.num_sites


class CanonicalFrameClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Strategy 5 for a covariant label: learn in the canonical frame, map back.

    With ``can(x) = g_x . x`` (:class:`~grouprep.CanonicalForm`), the model learns
    ``g_x . y`` from ``can(x)``; the prediction is moved back by :math:`g_x^{-1}`, so
    ``predict(g . x) = g . predict(x)`` whenever the canonical element is unique.
    """

    def __init__(self, action: Any = None, estimator: Any = None) -> None:
        self.action = action
        self.estimator = estimator

    def fit(self, X: Any, y: Any) -> CanonicalFrameClassifier:
        self.n_ = _shift_of(self.action)
        self.canon_ = CanonicalForm(self.action, return_element=True).fit(X)
        Z = self.canon_.transform(X)
        can, g = Z[:, : self.n_], Z[:, self.n_].astype(np.int64)
        model = clone(self.estimator) if self.estimator is not None else default_estimator()
        self.estimator_ = model.fit(can, (np.asarray(y) + g) % self.n_)
        self.classes_ = np.arange(self.n_)
        return self

    def predict(self, X: Any) -> npt.NDArray[Any]:
        Z = self.canon_.transform(X)
        can, g = Z[:, : self.n_], Z[:, self.n_].astype(np.int64)
        out: npt.NDArray[Any] = (self.estimator_.predict(can).astype(np.int64) - g) % self.n_
        return out


class EquivariantPositionClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Strategy 4 for a covariant label: equivariant features, one score per position.

    The lifting of x to the group, :math:`h_t = (x_{t}, x_{t+1}, \\dots, x_{t+n-1})`,
    applies every circulant of the intertwiner basis at once (a full group convolution):
    shifting x by g moves :math:`h_t` to :math:`h_{t+g}`. One classifier, shared by all
    positions, scores "the label is t" from :math:`h_t`; the prediction is the best
    position, ties broken by the (equivariant) signal value there. Hence
    ``predict(g . x) = g . predict(x)``.
    """

    def __init__(self, estimator: Any = None) -> None:
        self.estimator = estimator

    def _columns(self, arr: npt.NDArray[Any]) -> npt.NDArray[Any]:
        n = self.n_
        idx = (np.arange(n)[:, None] + np.arange(n)[None, :]) % n  # idx[t, j] = t + j
        out: npt.NDArray[Any] = arr[:, idx].reshape(-1, n)
        return out

    def fit(self, X: Any, y: Any) -> EquivariantPositionClassifier:
        arr = np.asarray(X, dtype=np.float64)
        self.n_ = _shift_of(shift_action(arr.shape[1]))
        target = np.zeros((len(arr), self.n_), dtype=np.int64)
        target[np.arange(len(arr)), np.asarray(y, dtype=np.int64)] = 1
        model = clone(self.estimator) if self.estimator is not None else default_estimator()
        self.estimator_ = model.fit(self._columns(arr), target.ravel())
        self.classes_ = np.arange(self.n_)
        return self

    def predict(self, X: Any) -> npt.NDArray[Any]:
        arr = np.asarray(X, dtype=np.float64)
        proba = self.estimator_.predict_proba(self._columns(arr))
        col = list(self.estimator_.classes_).index(1) if 1 in self.estimator_.classes_ else 0
        scale = 1e-6 / (1.0 + float(np.abs(arr).max(initial=0.0)))
        scores = proba[:, col].reshape(len(arr), self.n_) + scale * arr
        out: npt.NDArray[Any] = scores.argmax(axis=1)
        return out


class _CovariantAugmented(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Strategy 2 for a covariant label: every shift of x, with the label shifted along."""

    def __init__(self, action: Any = None, estimator: Any = None) -> None:
        self.action = action
        self.estimator = estimator

    def fit(self, X: Any, y: Any) -> _CovariantAugmented:
        n = _shift_of(self.action)
        arr, labels = np.asarray(X), np.asarray(y, dtype=np.int64)
        Xa = np.concatenate([self.action.act(g, arr) for g in range(n)])
        ya = np.concatenate([(labels + g) % n for g in range(n)])
        model = clone(self.estimator) if self.estimator is not None else default_estimator()
        self.estimator_ = model.fit(Xa, ya)
        self.classes_ = self.estimator_.classes_
        return self

    def predict(self, X: Any) -> npt.NDArray[Any]:
        out: npt.NDArray[Any] = self.estimator_.predict(np.asarray(X))
        return out


def _make_covariant(name: str, action: SignalAction, model: Any, n_filters: int, seed: int) -> Any:
    if name not in COVARIANT_STRATEGIES:
        raise GroupRepValueError(
            f"make_strategy: the {name!r} strategy is invariant by construction and cannot "
            f"predict a label that moves with the input; covariant strategies are "
            f"{list(COVARIANT_STRATEGIES)}"
        )
    _shift_of(action)
    if name == "baseline":
        return Pipeline([("model", model)])
    if name == "augmentation":
        return _CovariantAugmented(action, model)
    if name == "canonicalization":
        return CanonicalFrameClassifier(action, model)
    del n_filters, seed
    return EquivariantPositionClassifier(model)


class RoundFeatures(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Round features to ``decimals`` places.

    Invariant features computed in floating point agree on an orbit only up to rounding
    (1e-15 relative); a tree threshold that falls between two such values would break
    the invariance of the model. Rounding makes equal-up-to-rounding features equal.
    """

    def __init__(self, decimals: int = 8) -> None:
        self.decimals = decimals

    def fit(self, X: Any, y: Any = None) -> RoundFeatures:
        self.n_features_in_ = np.asarray(X).shape[1]
        return self

    def transform(self, X: Any) -> npt.NDArray[Any]:
        out: npt.NDArray[Any] = np.round(np.asarray(X, dtype=np.float64), self.decimals)
        return out


def default_estimator(random_state: int = 0) -> Any:
    """The downstream model shared by every strategy: a random forest.

    A forest needs no tuning and no scaling, takes binary strings, class ids and real
    invariants alike, and can represent a lookup table, which a task with arbitrary
    labels on orbits needs; so differences between strategies come from the features.
    """
    return RandomForestClassifier(n_estimators=100, random_state=random_state, n_jobs=1)


class AugmentedClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Strategy 2: fit a classifier on the training set augmented by the group.

    ``fit(X, y)`` trains ``estimator`` on ``augmenter.fit_resample(X, y)``; ``predict``
    applies the fitted model to the raw inputs.
    """

    def __init__(self, augmenter: Any = None, estimator: Any = None) -> None:
        self.augmenter = augmenter
        self.estimator = estimator

    def fit(self, X: Any, y: Any) -> AugmentedClassifier:
        augmenter = clone(self.augmenter) if self.augmenter is not None else OrbitAugmenter()
        Xa, ya = augmenter.fit_resample(X, y)
        model = clone(self.estimator) if self.estimator is not None else default_estimator()
        self.estimator_ = model.fit(Xa.reshape(len(Xa), -1), ya)
        self.classes_ = self.estimator_.classes_
        self.n_features_in_ = augmenter.n_features_in_
        return self

    def predict(self, X: Any) -> npt.NDArray[Any]:
        arr = np.asarray(X)
        out: npt.NDArray[Any] = self.estimator_.predict(arr.reshape(len(arr), -1))
        return out

    def predict_proba(self, X: Any) -> npt.NDArray[Any]:
        arr = np.asarray(X)
        out: npt.NDArray[Any] = self.estimator_.predict_proba(arr.reshape(len(arr), -1))
        return out


def make_strategy(name: str, action: SignalAction, estimator: Any = None, **options: Any) -> Any:
    """A scikit-learn pipeline that exploits the symmetry in one of the five ways.

    ``"baseline"``: raw inputs. ``"quotient"`` (strategy 1): the class of each input
    (:class:`~grouprep.OrbitIndex`, finite alphabets only). ``"augmentation"`` (2): every
    training sample moved by every group element (:class:`~grouprep.OrbitAugmenter`).
    ``"invariant_features"`` (3): power spectrum and selective bispectrum (``features=
    "fourier"``, default) or orbit-sum polynomials (``features="polynomials"``,
    ``degree=3``). ``"equivariant"`` (4): random group convolutions, ReLU and invariant
    mean/max pooling (``n_filters=8``). ``"canonicalization"`` (5):
    :class:`~grouprep.CanonicalForm` then the raw-input model. Every strategy ends in a
    clone of the same ``estimator`` (default :func:`default_estimator`), so the
    comparison is about the features. Strategies 1, 3, 4 and 5 are invariant by
    construction (real-valued invariant features are rounded to 8 decimals first, so that
    float rounding cannot move them across a split of the model); augmentation only
    approximately.

    Parameters
    ----------
    name : str
        One of :data:`STRATEGIES`.
    action : SignalAction
        The symmetry, e.g. ``grouprep.shift_action(n, alphabet=2)``; strategies 3 and 4 are
        for the cyclic shift.
    estimator : scikit-learn classifier, optional
    **options
        ``features``, ``degree``, ``n_filters``, ``random_state`` as above;
        ``covariant=True`` for a label that moves with the input (a position in Z_n,
        ``g . y = y + g``): then ``"augmentation"`` shifts the labels with the inputs,
        ``"canonicalization"`` learns in the canonical frame and maps the prediction
        back, ``"equivariant"`` scores every position from equivariant features, and the
        invariant strategies are refused.

    Returns
    -------
    sklearn.pipeline.Pipeline or AugmentedClassifier

    Raises
    ------
    GroupRepTypeError
        If ``action`` is not a signal action, ``estimator`` not a scikit-learn classifier
        (``fit``, ``predict``, ``get_params``), or an option has the wrong type
        (``random_state`` an int >= 0, ``degree`` and ``n_filters`` ints >= 1,
        ``covariant`` a bool; floats are refused, not truncated).
    GroupRepValueError
        If the name is unknown (the message lists :data:`STRATEGIES`), an option unknown or
        out of range, or the strategy does not apply to the action.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.strategies import make_strategy
    >>> action = grouprep.shift_action(6, alphabet=2)
    >>> X = np.random.default_rng(0).integers(0, 2, size=(200, 6))
    >>> y = (X.sum(axis=1) > 3).astype(int)  # shift invariant
    >>> model = make_strategy("canonicalization", action).fit(X, y)
    >>> bool(model.score(X, y) > 0.9)
    True
    """
    where = "make_strategy"
    if not isinstance(name, str) or name not in STRATEGIES:
        raise GroupRepValueError(
            f"{where}: argument 'name' must be one of {list(STRATEGIES)}, got {describe(name)}"
        )
    if not isinstance(action, SignalAction):
        raise GroupRepTypeError(
            f"{where}: argument 'action' must be a grouprep signal action (e.g. "
            f"grouprep.shift_action(n, alphabet=2)), got {describe(action)}"
        )
    if estimator is not None and not all(
        callable(getattr(estimator, method, None)) for method in ("fit", "predict", "get_params")
    ):
        raise GroupRepTypeError(
            f"{where}: argument 'estimator' must be a scikit-learn classifier (with fit, "
            f"predict and get_params), got {describe(estimator)} of type "
            f"{type(estimator).__name__}"
        )
    known = {"random_state", "features", "degree", "n_filters", "covariant"}
    unknown = sorted(set(options) - known)
    if unknown:
        raise GroupRepValueError(
            f"{where}: unknown options {unknown}; the options are random_state, features, "
            "degree, n_filters and covariant"
        )
    seed = check_int(options.get("random_state", 0), "random_state", where, minimum=0)
    features = options.get("features", "fourier")
    if features not in ("fourier", "polynomials"):
        raise GroupRepValueError(
            f"{where}: option 'features' must be 'fourier' or 'polynomials', "
            f"got {describe(features)}"
        )
    degree = check_int(options.get("degree", 3), "degree", where, minimum=1)
    n_filters = check_int(options.get("n_filters", 8), "n_filters", where, minimum=1)
    covariant = options.get("covariant", False)
    if not isinstance(covariant, (bool, np.bool_)):
        raise GroupRepTypeError(
            f"{where}: option 'covariant' must be True or False, got {describe(covariant)}"
        )
    model = clone(estimator) if estimator is not None else default_estimator(seed)
    if covariant:
        return _make_covariant(name, action, model, n_filters, seed)
    cyclic_shift = action._recipe is not None and action._recipe[0].__name__ == "shift_action"
    if name in ("invariant_features", "equivariant") and not cyclic_shift:
        raise GroupRepValueError(
            f"make_strategy: the {name!r} strategy is built for the cyclic shift "
            f"(grouprep.shift_action); got {action!r}"
        )
    if name == "baseline":
        return Pipeline([("model", model)])
    if name == "quotient":
        if action.alphabet is None:
            raise GroupRepValueError(
                "make_strategy: the 'quotient' strategy needs a finite alphabet (the classes "
                f"of strings); {action!r} acts on real-valued signals"
            )
        return Pipeline(
            [("orbit", OrbitIndex(action, alphabet=action.alphabet)), ("model", model)]
        )
    if name == "augmentation":
        return AugmentedClassifier(OrbitAugmenter(action), model)
    if name == "invariant_features":
        if features == "fourier":
            union = make_union(PowerSpectrum(), Bispectrum())
            return Pipeline([("invariants", union), ("round", RoundFeatures()), ("model", model)])
        poly = InvariantPolynomials(degree=degree)
        return Pipeline([("invariants", poly), ("round", RoundFeatures()), ("model", model)])
    if name == "equivariant":
        n = action.num_sites
        return Pipeline(
            [
                ("conv", GroupConvolution(n_filters=n_filters, random_state=seed)),
                ("pool", InvariantPooling(n=n, pool="meanmax")),
                ("round", RoundFeatures()),
                ("model", model),
            ]
        )
    return Pipeline([("canonical", CanonicalForm(action)), ("model", model)])
