"""The five ways of exploiting a symmetry, and the sample-complexity experiment.

Needs scikit-learn and matplotlib (the ``ml`` extra). Not imported by ``import grouprep``.
The tasks (:func:`make_task`, :data:`TASKS`) load without them; the strategies and the
experiment load scikit-learn on first use, so that ``grouprep --help`` and the commands
that do not learn start at once. The trained networks (:class:`EquivariantNetworkClassifier`,
:class:`MLPNetworkClassifier`, ``make_strategy(..., model="network")``) need the extra
``torch`` and import it on first use only.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from grouprep.strategies._tasks import TASKS, Task, make_task

if TYPE_CHECKING:
    from grouprep.strategies._covariant import (
        CanonicalFrameClassifier,
        CovariantAugmented,
        EquivariantPositionClassifier,
        default_estimator,
    )
    from grouprep.strategies._data import split_rows
    from grouprep.strategies._experiment import (
        ExperimentResult,
        run_experiment,
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
    from grouprep.strategies._network import (
        EquivariantNetworkClassifier,
        MLPNetworkClassifier,
    )
    from grouprep.strategies._strategies import (
        COVARIANT_STRATEGIES,
        NETWORK_STRATEGIES,
        STRATEGIES,
        AugmentedClassifier,
        RoundFeatures,
        ShiftLabels,
        applicability,
        make_strategy,
    )

__all__ = [
    "COVARIANT_STRATEGIES",
    "NETWORK_STRATEGIES",
    "STRATEGIES",
    "TASKS",
    "AugmentedClassifier",
    "CanonicalFrameClassifier",
    "CovariantAugmented",
    "EquivariantNetworkClassifier",
    "EquivariantPositionClassifier",
    "ExperimentResult",
    "Flatten",
    "FourierInvariants",
    "MLPNetworkClassifier",
    "OrbitPooling",
    "OrbitSumPolynomials",
    "OrbitalConvolution",
    "RoundFeatures",
    "ShiftLabels",
    "SignalShape",
    "SiteLabels",
    "Task",
    "applicability",
    "default_estimator",
    "make_strategy",
    "make_task",
    "run_experiment",
    "split_rows",
]

_LAZY = {
    "ExperimentResult": "_experiment",
    "run_experiment": "_experiment",
    "split_rows": "_data",
    "COVARIANT_STRATEGIES": "_strategies",
    "STRATEGIES": "_strategies",
    "NETWORK_STRATEGIES": "_strategies",
    "EquivariantNetworkClassifier": "_network",
    "MLPNetworkClassifier": "_network",
    "AugmentedClassifier": "_strategies",
    "RoundFeatures": "_strategies",
    "ShiftLabels": "_strategies",
    "applicability": "_strategies",
    "make_strategy": "_strategies",
    "CanonicalFrameClassifier": "_covariant",
    "CovariantAugmented": "_covariant",
    "EquivariantPositionClassifier": "_covariant",
    "default_estimator": "_covariant",
    "Flatten": "_layers",
    "FourierInvariants": "_layers",
    "OrbitPooling": "_layers",
    "OrbitSumPolynomials": "_layers",
    "OrbitalConvolution": "_layers",
    "SignalShape": "_layers",
    "SiteLabels": "_layers",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'grouprep.strategies' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"grouprep.strategies.{_LAZY[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
