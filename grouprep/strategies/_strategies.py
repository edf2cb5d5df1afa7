"""The five ways of using a symmetry, as scikit-learn pipelines (private).

Every strategy takes the signal action and is built from what the action is: its group,
how the group moves the sites, and the shape of the signals. Nothing depends on the
action's name; where the group is abelian and acts regularly on the sites (the cyclic
shift, translations of periodic images) the FFT is used, and every other finite group
takes the general path (orbit sums, orbitals, canonical forms by search).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin, clone
from sklearn.pipeline import Pipeline

from grouprep._validation import check_int, describe
from grouprep.actions import SignalAction
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.features import CanonicalForm, OrbitAugmenter, OrbitIndex
from grouprep.strategies._covariant import (
    CanonicalFrameClassifier,
    CovariantAugmented,
    EquivariantPositionClassifier,
    default_estimator,
)
from grouprep.strategies._layers import (
    Flatten,
    FourierInvariants,
    OrbitalConvolution,
    OrbitPooling,
    OrbitSumPolynomials,
    SignalShape,
    SiteLabels,
)
from grouprep.strategies._structure import MAX_PAIR_WORK, abelian_layout, as_signals

__all__ = [
    "COVARIANT_STRATEGIES",
    "NETWORK_STRATEGIES",
    "STRATEGIES",
    "AugmentedClassifier",
    "RoundFeatures",
    "ShiftLabels",
    "applicability",
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
"""The strategies that can predict a label that moves with the input (a site)."""

ShiftLabels = SiteLabels
"""The former name of :class:`SiteLabels` (on the cyclic shift, ``g . y = y + g``)."""


class RoundFeatures(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Round features to ``decimals`` places.

    Invariant features computed in floating point agree on an orbit only up to rounding
    (1e-15 relative); a tree threshold that falls between two such values would break
    the invariance of the model. Rounding makes equal-up-to-rounding features equal.

    .. math:: r(x) = 10^{-d} \\operatorname{round}(10^{d} x)

    Examples
    --------
    >>> import numpy as np
    >>> from grouprep.strategies import RoundFeatures
    >>> RoundFeatures(decimals=2).fit_transform(np.array([[0.1 + 0.2, 1 / 3]])).tolist()
    [[0.3, 0.33]]
    """

    def __init__(self, decimals: int = 8) -> None:
        self.decimals = decimals

    def fit(self, X: Any, y: Any = None) -> RoundFeatures:
        self.n_features_in_ = np.asarray(X).shape[1]
        return self

    def transform(self, X: Any) -> npt.NDArray[Any]:
        out: npt.NDArray[Any] = np.round(np.asarray(X, dtype=np.float64), self.decimals)
        return out


class AugmentedClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Strategy 2: fit a classifier on the training set augmented by the group.

    ``fit(X, y)`` trains ``estimator`` on ``augmenter.fit_resample(X, y)``; ``predict``
    applies the fitted model to the raw inputs (flattened, so images work too).

    .. math:: \\{(g \\cdot x, y) : g \\in G, (x, y) \\in \\text{training set}\\}

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.strategies import AugmentedClassifier
    >>> action = grouprep.dihedral_action(5, alphabet=2)
    >>> augmenter = grouprep.OrbitAugmenter(action)
    >>> X = np.random.default_rng(0).integers(0, 2, size=(20, 5))
    >>> model = AugmentedClassifier(augmenter).fit(X, X.sum(axis=1) % 2)
    >>> model.score(X, X.sum(axis=1) % 2)
    1.0
    """

    def __init__(self, augmenter: Any = None, estimator: Any = None) -> None:
        self.augmenter = augmenter
        self.estimator = estimator

    def fit(self, X: Any, y: Any) -> AugmentedClassifier:
        # a fresh augmenter with the same parameters; the action is shared, not copied
        augmenter: Any = (
            type(self.augmenter)(**self.augmenter.get_params(deep=False))
            if self.augmenter is not None
            else OrbitAugmenter()
        )
        if isinstance(augmenter.action, SignalAction):
            X = as_signals(augmenter.action, X, "AugmentedClassifier.fit")
        Xa, ya = augmenter.fit_resample(X, y)
        model = clone(self.estimator) if self.estimator is not None else default_estimator()
        self.estimator_ = model.fit(Xa.reshape(len(Xa), -1), ya)
        self.classes_ = self.estimator_.classes_
        self.n_features_in_ = augmenter.n_features_in_
        return self

    def _rows(self, X: Any, where: str) -> npt.NDArray[Any]:
        action = getattr(self.augmenter, "action", None)
        arr = as_signals(action, X, where) if isinstance(action, SignalAction) else np.asarray(X)
        return arr.reshape(len(arr), -1)

    def predict(self, X: Any) -> npt.NDArray[Any]:
        out: npt.NDArray[Any] = self.estimator_.predict(
            self._rows(X, "AugmentedClassifier.predict")
        )
        return out

    def predict_proba(self, X: Any) -> npt.NDArray[Any]:
        out: npt.NDArray[Any] = self.estimator_.predict_proba(
            self._rows(X, "AugmentedClassifier.predict_proba")
        )
        return out


_OPTIONS = ("random_state", "features", "degree", "n_filters", "covariant", "model")
_FEATURES = ("auto", "fourier", "polynomials")
_MODELS = ("pipeline", "network")
#: the options of model="network" (beside random_state), and the strategies that have it
NETWORK_OPTIONS = (
    "hidden",
    "layers",
    "embedding",
    "pool",
    "epochs",
    "lr",
    "batch_size",
    "weight_decay",
    "kernel_size",
    "dtype",
    "device",
)
NETWORK_MODELS = ("baseline", "equivariant")
#: the options of the equivariant network that the baseline network does not have
_EQUIVARIANT_NETWORK_ONLY = ("embedding", "pool", "kernel_size")

NETWORK_STRATEGIES = ("baseline_network", "equivariant_network")
"""The trained networks by name in :func:`run_experiment`: ``make_strategy("baseline", ...,
model="network")`` and ``make_strategy("equivariant", ..., model="network")``."""


def _check_name_and_action(name: Any, action: Any, where: str) -> None:
    if not isinstance(name, str) or name not in STRATEGIES:
        raise GroupRepValueError(
            f"{where}: argument 'name' must be one of {list(STRATEGIES)}, got {describe(name)}"
        )
    if not isinstance(action, SignalAction):
        raise GroupRepTypeError(
            f"{where}: argument 'action' must be a grouprep signal action (e.g. "
            f"grouprep.shift_action(n, alphabet=2)), got {describe(action)}"
        )


def _pair_work(action: SignalAction) -> str | None:
    work = action.group.order * action.num_sites**2
    if work > MAX_PAIR_WORK:
        return (
            f"its equivariant maps are indexed by the orbits of the group on pairs of sites, "
            f"|G| n^2 = {action.group.order} * {action.num_sites}^2 steps to find, more than "
            f"the {MAX_PAIR_WORK} allowed (the FFT path needs an abelian group acting "
            "regularly on the sites)"
        )
    return None


def _reason(name: str, action: SignalAction, features: str, covariant: bool) -> str | None:
    if covariant:
        if name not in COVARIANT_STRATEGIES:
            return (
                f"the {name!r} strategy is invariant by construction and cannot predict a "
                "label that moves with the input; covariant strategies are "
                f"{list(COVARIANT_STRATEGIES)}"
            )
        return _pair_work(action) if name == "equivariant" else None
    if name == "quotient" and action.alphabet is None:
        return (
            "the 'quotient' strategy needs a finite alphabet (the classes of strings); "
            f"{action!r} acts on real-valued signals"
        )
    if name == "invariant_features" and features == "fourier":
        layout = abelian_layout(action)
        if isinstance(layout, str):
            return (
                f"features='fourier' needs an abelian group acting regularly on the sites "
                f"(a cyclic shift, translations of images): {layout}; use "
                "features='polynomials' (or 'auto')"
            )
    if name == "equivariant" and isinstance(abelian_layout(action), str):
        return _pair_work(action)
    return None


def _listable(action: SignalAction) -> bool:
    """Whether the quotient can number the classes by a table over all points (the
    necklace ranks need no table)."""
    from grouprep.actions import shift_action
    from grouprep.groups._base import _MAX_ENUMERATION

    n = action.shape[0]
    if len(action.shape) == 1 and action == shift_action(n, alphabet=action.alphabet):
        return True
    return bool(action.num_points <= _MAX_ENUMERATION)


def applicability(name: str, action: SignalAction, **options: Any) -> str | None:
    """Why a strategy does not apply to an action, or None when it does.

    The answer is read from what the action is: ``"quotient"`` needs a finite alphabet;
    ``features="fourier"`` needs an abelian group acting regularly on the sites;
    ``"equivariant"`` outside that case needs the orbits of the group on pairs of sites,
    :math:`|G| n^2` steps, at most :math:`2^{26}`;
    with ``covariant=True`` only :data:`COVARIANT_STRATEGIES` apply.

    Parameters
    ----------
    name : str
        One of :data:`STRATEGIES`.
    action : SignalAction
    **options
        ``features`` and ``covariant`` as for :func:`make_strategy` (others ignored).

    Returns
    -------
    str or None
        The reason, or None.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.strategies import applicability
    >>> print(applicability("invariant_features", grouprep.dihedral_action(6)))
    None
    >>> why = applicability("invariant_features", grouprep.dihedral_action(6), features="fourier")
    >>> print(why)  # doctest: +ELLIPSIS
    features='fourier' needs an abelian group ...: the group of dihedral_action(6) is not ...
    """
    _check_name_and_action(name, action, "applicability")
    features = options.get("features", "auto")
    covariant = bool(options.get("covariant", False))
    return _reason(name, action, features if features in _FEATURES else "auto", covariant)


def _network_strategy(
    name: str, action: SignalAction, estimator: Any, options: dict[str, Any]
) -> Any:
    """``make_strategy(name, action, model="network", **options)``: torch is imported here."""
    where = "make_strategy"
    if name not in NETWORK_MODELS:
        raise GroupRepValueError(
            f"{where}: model='network' is available for the strategies {list(NETWORK_MODELS)}, "
            f"got {name!r}"
        )
    if estimator is not None:
        raise GroupRepValueError(
            f"{where}: argument 'estimator' does not go with model='network' (the network is "
            f"the model), got {describe(estimator)}"
        )
    covariant = options.pop("covariant", False)
    if not isinstance(covariant, (bool, np.bool_)) or covariant:
        raise GroupRepValueError(
            f"{where}: model='network' is invariant by construction and takes no "
            f"covariant=True (labels that move with the input), got covariant={covariant!r}"
        )
    allowed = ("random_state", *NETWORK_OPTIONS)
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        raise GroupRepValueError(
            f"{where}: unknown options {unknown} for model='network'; the options are "
            f"{', '.join(allowed)}"
        )
    try:
        from grouprep.strategies import _network
    except ImportError as err:
        raise ImportError(
            f"{where}: model='network' needs PyTorch, which is not installed: install the "
            "extra with pip install 'grouprep[torch]'"
        ) from err
    kind: type[_network.EquivariantNetworkClassifier | _network.MLPNetworkClassifier]
    kind = _network.EquivariantNetworkClassifier
    if name == "baseline":
        own = [key for key in _EQUIVARIANT_NETWORK_ONLY if key in options]
        if own:
            raise GroupRepValueError(
                f"{where}: options {own} belong to the equivariant network; the baseline "
                f"network has none of {', '.join(_EQUIVARIANT_NETWORK_ONLY)}"
            )
        kind = _network.MLPNetworkClassifier
    model = kind(action, **options)
    model._check_params()  # every parameter checked now, not at the first fit
    return model


def _input_steps(action: SignalAction) -> list[tuple[str, Any]]:
    """Images may come flattened; the grouprep steps take them as ``(m, h, w)``."""
    return [("signals", SignalShape(action))] if len(action.shape) > 1 else []


def make_strategy(name: str, action: SignalAction, estimator: Any = None, **options: Any) -> Any:
    """A scikit-learn model that exploits the symmetry in one of the five ways.

    ``"baseline"``: raw inputs (images flattened for the model). ``"quotient"``
    (strategy 1): the class of each input (:class:`~grouprep.OrbitIndex`, finite
    alphabets only; where the points are too many to list, the classes are keyed by
    canonical form and learned in ``fit``, and a class not seen there goes to one
    reserved index). ``"augmentation"`` (2): every training sample moved by every group
    element (:class:`~grouprep.OrbitAugmenter`). ``"invariant_features"`` (3): with
    ``features="fourier"`` the power spectrum and bispectrum over the group
    (:class:`FourierInvariants`, for an abelian group acting regularly on the sites),
    with ``features="polynomials"`` the orbit sums of monomials up to ``degree``
    (default 3; :class:`OrbitSumPolynomials`, any action); ``features="auto"`` (default)
    takes the first where it applies and the second otherwise. ``"equivariant"`` (4):
    ``n_filters`` (default 8) random equivariant linear maps with ReLU
    (:class:`OrbitalConvolution`: FFT convolutions over an abelian group acting
    regularly, orbital matrices otherwise), mean and max pooled over each orbit of sites
    (:class:`OrbitPooling`). ``"canonicalization"`` (5): :class:`~grouprep.CanonicalForm`
    then the raw-input model. Every strategy ends in a clone of the same ``estimator``
    (default :func:`default_estimator`), so the comparison is about the features.

    With ``model="network"`` (default ``"pipeline"``, the above) ``"equivariant"`` and
    ``"baseline"`` are trained PyTorch networks instead (the extra ``torch``, imported
    only then): an :class:`EquivariantNetworkClassifier` (symbol embedding, lifting to
    the group, group convolutions, invariant pooling, linear head; any finite group) and
    an unconstrained :class:`MLPNetworkClassifier`, with the same training loop. They
    take no ``estimator``, and the options ``hidden``, ``layers``, ``embedding``, ``pool``
    and ``kernel_size`` (equivariant only; ``kernel_size`` for p4 and p4m images, whose
    network is built from local-filter image convolutions), ``epochs``, ``lr``,
    ``batch_size``, ``weight_decay``, ``random_state`` (the seed of the initialization
    and of the shuffling), ``dtype`` (``"float64"`` or ``"float32"``) and ``device``
    (``"cpu"``, ``"cuda"``, ...; refused at once if torch cannot use it).

    Strategies 1, 3, 4 and 5 are invariant by construction, for any action:

    .. math:: f(g \\cdot x) = f(x) \\quad \\text{for all } g \\in G \\text{ and all } x,

    (real-valued invariant features are rounded to 8 decimals first, so that float
    rounding cannot move them across a split of the model); augmentation only
    approximately. Inputs are ``(m, *action.shape)``; images may also come flattened,
    ``(m, h * w)``.

    Parameters
    ----------
    name : str
        One of :data:`STRATEGIES`.
    action : SignalAction
        The symmetry: ``grouprep.shift_action(n, alphabet=2)``,
        ``grouprep.dihedral_action(n)``, ``grouprep.translation_action((h, w))``,
        ``grouprep.signal_action(site_action)`` for any finite action on the sites, ...
    estimator : scikit-learn classifier, optional
    **options
        ``features``, ``degree``, ``n_filters``, ``random_state`` as above;
        ``covariant=True`` for a label that is a site and moves with the input,
        :math:`y(g \\cdot x) = g \\cdot y(x)` (:class:`SiteLabels`; a position in
        :math:`\\mathbb{Z}_n` for the shift): then ``"augmentation"`` moves the labels
        with the inputs, ``"canonicalization"`` learns in the canonical frame and maps
        the prediction back, ``"equivariant"`` scores every site from equivariant
        features, and the invariant strategies are refused.
        ``model``: ``"pipeline"`` (default) or ``"network"`` (see above), with its options.

    Returns
    -------
    sklearn.pipeline.Pipeline or a classifier of this module

    Raises
    ------
    ImportError
        For ``model="network"`` without PyTorch (the message names the extra).
    GroupRepTypeError
        If ``action`` is not a signal action, ``estimator`` not a scikit-learn classifier
        (``fit``, ``predict``, ``get_params``), or an option has the wrong type
        (``random_state`` an int >= 0, ``degree`` and ``n_filters`` ints >= 1,
        ``covariant`` a bool; floats are refused, not truncated).
    GroupRepValueError
        If the name is unknown (the message lists :data:`STRATEGIES`), an option unknown or
        out of range, or the strategy does not apply to the action (the message names the
        action and says what is needed; :func:`applicability` gives the same reason).

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.strategies import make_strategy
    >>> action = grouprep.dihedral_action(6, alphabet=2)
    >>> X = np.random.default_rng(0).integers(0, 2, size=(200, 6))
    >>> y = (X.sum(axis=1) > 3).astype(int)  # invariant under D_6
    >>> model = make_strategy("invariant_features", action).fit(X, y)
    >>> [step for step, _ in model.steps]
    ['invariants', 'round', 'model']
    >>> bool(model.score(X, y) > 0.9)
    True
    >>> grouprep.check_invariant(model.predict, action, X).holds
    True
    >>> net = make_strategy("equivariant", action, model="network", hidden=8, epochs=50)
    >>> type(net).__name__, bool(net.fit(X, y).score(X, y) > 0.9)
    ('EquivariantNetworkClassifier', True)
    """
    where = "make_strategy"
    _check_name_and_action(name, action, where)
    model_kind = options.pop("model", "pipeline")
    if not isinstance(model_kind, str) or model_kind not in _MODELS:
        raise GroupRepValueError(
            f"{where}: option 'model' must be 'pipeline' (the featurizers and a classifier) "
            f"or 'network' (a trained PyTorch network), got {describe(model_kind)}"
        )
    if model_kind == "network":
        return _network_strategy(name, action, estimator, options)
    if estimator is not None and not all(
        callable(getattr(estimator, method, None)) for method in ("fit", "predict", "get_params")
    ):
        raise GroupRepTypeError(
            f"{where}: argument 'estimator' must be a scikit-learn classifier (with fit, "
            f"predict and get_params), got {describe(estimator)} of type "
            f"{type(estimator).__name__}"
        )
    unknown = sorted(set(options) - set(_OPTIONS))
    if unknown:
        raise GroupRepValueError(
            f"{where}: unknown options {unknown}; the options are random_state, features, "
            "degree, n_filters, covariant and model (with model='network': "
            f"{', '.join(NETWORK_OPTIONS)})"
        )
    seed = check_int(options.get("random_state", 0), "random_state", where, minimum=0)
    features = options.get("features", "auto")
    if not isinstance(features, str) or features not in _FEATURES:
        raise GroupRepValueError(
            f"{where}: option 'features' must be 'auto', 'fourier' or 'polynomials', "
            f"got {describe(features)}"
        )
    degree = check_int(options.get("degree", 3), "degree", where, minimum=1)
    n_filters = check_int(options.get("n_filters", 8), "n_filters", where, minimum=1)
    covariant = options.get("covariant", False)
    if not isinstance(covariant, (bool, np.bool_)):
        raise GroupRepTypeError(
            f"{where}: option 'covariant' must be True or False, got {describe(covariant)}"
        )
    reason = _reason(name, action, features, bool(covariant))
    if reason is not None:
        raise GroupRepValueError(
            f"{where}: the {name!r} strategy does not apply to {action!r}: {reason}"
        )
    model = clone(estimator) if estimator is not None else default_estimator(seed)
    images = len(action.shape) > 1
    flat_model = [("flatten", Flatten()), ("model", model)] if images else [("model", model)]
    if name == "baseline":
        return Pipeline(_input_steps(action) + flat_model)
    if covariant:
        if name == "augmentation":
            return CovariantAugmented(action, model)
        if name == "canonicalization":
            return CanonicalFrameClassifier(action, model)
        return EquivariantPositionClassifier(action, model)
    if name == "quotient":
        if _listable(action):
            orbit = OrbitIndex(action, alphabet=action.alphabet or 2)
        else:  # too many points for a table: classes keyed by canonical form, learned in fit
            orbit = OrbitIndex(
                action, alphabet=action.alphabet or 2, method="canonical", unseen="reserve"
            )
        return Pipeline([*_input_steps(action), ("orbit", orbit), ("model", model)])
    if name == "augmentation":
        return AugmentedClassifier(OrbitAugmenter(action), model)
    if name == "invariant_features":
        fourier = features == "fourier" or (
            features == "auto" and not isinstance(abelian_layout(action), str)
        )
        invariants = (
            FourierInvariants(action) if fourier else OrbitSumPolynomials(action, degree=degree)
        )
        return Pipeline([("invariants", invariants), ("round", RoundFeatures()), ("model", model)])
    if name == "equivariant":
        return Pipeline(
            [
                ("conv", OrbitalConvolution(action, n_filters=n_filters, random_state=seed)),
                ("pool", OrbitPooling(action, pool="meanmax")),
                ("round", RoundFeatures()),
                ("model", model),
            ]
        )
    return Pipeline(
        [*_input_steps(action), ("canonical", CanonicalForm(action)), ("model", model)]
    )
