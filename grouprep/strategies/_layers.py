"""The steps of the strategies' pipelines around the featurizers (private).

The featurizers built from an action (:class:`~grouprep.features.FourierInvariants`,
:class:`~grouprep.features.OrbitSumPolynomials`,
:class:`~grouprep.features.OrbitalConvolution`, :class:`~grouprep.features.OrbitPooling`)
live in :mod:`grouprep.features` and are re-exported here under the names the strategies
use; this module adds the label action and the shape steps.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.base import BaseEstimator, TransformerMixin

from grouprep._validation import describe
from grouprep.actions import SignalAction
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.features import (
    FourierInvariants,
    OrbitalConvolution,
    OrbitPooling,
    OrbitSumPolynomials,
)
from grouprep.features._structure import as_signals, site_moves

__all__ = [
    "Flatten",
    "FourierInvariants",
    "OrbitPooling",
    "OrbitSumPolynomials",
    "OrbitalConvolution",
    "SignalShape",
    "SiteLabels",
]


def _signal_action(action: Any, where: str) -> SignalAction:
    if not isinstance(action, SignalAction):
        raise GroupRepTypeError(
            f"{where}: parameter 'action' must be a grouprep signal action (e.g. "
            f"grouprep.dihedral_action(6)), got {describe(action)}"
        )
    return action


class SiteLabels:
    """A signal action's group acting on positions: a label that is a site moves with it.

    .. math:: g \\cdot y = g \\cdot_{\\text{sites}} y

    the site to which g sends site y (with :math:`(g \\cdot x)[g \\cdot i] = x[i]`). For the
    cyclic shift this is :math:`y + g \\bmod n`; for images, sites are flat indices
    :math:`i w + j`. Use it with :func:`grouprep.check_equivariant` for a model that
    predicts a position.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.strategies import SiteLabels
    >>> SiteLabels(grouprep.shift_action(6)).act(2, np.array([0, 5])).tolist()
    [2, 1]
    >>> SiteLabels(grouprep.dihedral_action(6)).act((0, 1), np.array([1, 2])).tolist()
    [5, 4]
    """

    def __init__(self, action: SignalAction) -> None:
        self.action = _signal_action(action, "SiteLabels")
        self.group = self.action.group
        self.n = self.action.num_sites
        self.moves = site_moves(self.action)

    def act(self, g: Any, y: Any) -> npt.NDArray[np.intp]:
        labels = np.asarray(y)
        if labels.dtype.kind not in "iu" or (
            labels.size and (labels.min() < 0 or labels.max() >= self.n)
        ):
            raise GroupRepValueError(
                f"SiteLabels.act: argument 'y' must hold sites 0..{self.n - 1} of "
                f"{self.action!r}, got {describe(y)}"
            )
        out: npt.NDArray[np.intp] = self.moves[self.group.index(g)][labels]
        return out

    def __repr__(self) -> str:
        return f"SiteLabels({self.action!r})"


class SignalShape(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Give rows the shape of the action's signals: flattened images become ``(m, h, w)``.

    .. math:: (m, h w) \\to (m, h, w)

    Batches already of shape ``(m, *action.shape)`` pass unchanged; any other shape is
    refused with an error that names the action's shape.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.strategies import SignalShape
    >>> step = SignalShape(grouprep.translation_action((2, 3)))
    >>> step.fit_transform(np.arange(12).reshape(2, 6)).shape
    (2, 2, 3)
    """

    def __init__(self, action: SignalAction | None = None) -> None:
        self.action = action

    def fit(self, X: Any, y: Any = None) -> SignalShape:
        self.n_features_in_ = int(np.prod(np.shape(X)[1:]))
        self.transform(X)
        return self

    def transform(self, X: Any) -> npt.NDArray[Any]:
        action = _signal_action(self.action, "SignalShape")
        return as_signals(action, X, "SignalShape.transform")


class Flatten(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Flatten each sample to one row, for a downstream model that takes vectors.

    .. math:: (m, h, w) \\to (m, h w)

    Examples
    --------
    >>> import numpy as np
    >>> from grouprep.strategies import Flatten
    >>> Flatten().fit_transform(np.zeros((4, 2, 3))).shape
    (4, 6)
    """

    def fit(self, X: Any, y: Any = None) -> Flatten:
        self.n_features_in_ = int(np.prod(np.shape(X)[1:]))
        return self

    def transform(self, X: Any) -> npt.NDArray[Any]:
        arr = np.asarray(X)
        return arr.reshape(len(arr), -1)
