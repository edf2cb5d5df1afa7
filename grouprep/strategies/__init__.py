"""The five ways of exploiting a symmetry, and the sample-complexity experiment.

Needs scikit-learn and matplotlib (the ``ml`` extra). Not imported by ``import grouprep``.
"""

from grouprep.strategies._experiment import ExperimentResult, run_experiment
from grouprep.strategies._strategies import (
    STRATEGIES,
    AugmentedClassifier,
    default_estimator,
    make_strategy,
)
from grouprep.strategies._tasks import TASKS, Task, make_task

__all__ = [
    "STRATEGIES",
    "TASKS",
    "AugmentedClassifier",
    "ExperimentResult",
    "Task",
    "default_estimator",
    "make_strategy",
    "make_task",
    "run_experiment",
]
