"""The five ways of exploiting a symmetry, and the sample-complexity experiment.

Needs scikit-learn and matplotlib (the ``ml`` extra). Not imported by ``import grouprep``.
"""

from grouprep.strategies._experiment import ExperimentResult, run_experiment
from grouprep.strategies._strategies import (
    COVARIANT_STRATEGIES,
    STRATEGIES,
    AugmentedClassifier,
    CanonicalFrameClassifier,
    EquivariantPositionClassifier,
    RoundFeatures,
    ShiftLabels,
    default_estimator,
    make_strategy,
)
from grouprep.strategies._tasks import TASKS, Task, make_task

__all__ = [
    "COVARIANT_STRATEGIES",
    "STRATEGIES",
    "TASKS",
    "AugmentedClassifier",
    "CanonicalFrameClassifier",
    "EquivariantPositionClassifier",
    "ExperimentResult",
    "RoundFeatures",
    "ShiftLabels",
    "Task",
    "default_estimator",
    "make_strategy",
    "make_task",
    "run_experiment",
]
