"""Built-in learning tasks with an exact cyclic symmetry (private)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep.actions import SignalAction, shift_action
from grouprep.errors import GroupRepValueError
from grouprep.orbits import count_necklaces, necklace_rank

__all__ = ["TASKS", "Task", "make_task"]


@dataclass
class Task:
    """A labelled data source invariant under a group action.

    ``sample(m, rng)`` draws m labelled examples; ``domain_size`` is the number of
    distinct inputs (None for real-valued signals); ``classes`` the number of labels;
    ``covariant`` says that the label moves with the input (``g . y = y + g``) instead
    of staying fixed.
    """

    name: str
    action: SignalAction
    sample: Callable[[int, np.random.Generator], tuple[npt.NDArray[Any], npt.NDArray[Any]]]
    description: str
    domain_size: int | None = None
    classes: int = 2
    info: dict[str, Any] = field(default_factory=dict)
    covariant: bool = False


def _necklace_labels(n: int, k: int, seed: int) -> Task:
    """Random labels on the necklace classes: a pure quotient task."""
    count = count_necklaces(n, k)
    labels = np.random.default_rng(seed).integers(0, 2, size=count)
    action = shift_action(n, k)

    def sample(m: int, rng: np.random.Generator) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        X = rng.integers(0, k, size=(m, n), dtype=np.uint8)
        return X, labels[np.asarray(necklace_rank(X, k), dtype=np.int64)]

    return Task(
        "necklace-labels",
        action,
        sample,
        f"a random label (0 or 1) on each of the {count} necklace classes of {k}-ary strings "
        f"of length {n}; inputs uniform",
        domain_size=k**n,
        info={"classes_of_inputs": count},
    )


def _longest_cyclic_run(X: npt.NDArray[Any]) -> npt.NDArray[np.int64]:
    n = X.shape[1]
    doubled = np.concatenate([X, X], axis=1).astype(bool)
    run = np.zeros(len(X), dtype=np.int64)
    best = np.zeros(len(X), dtype=np.int64)
    for j in range(2 * n):
        run = np.where(doubled[:, j], run + 1, 0)
        best = np.maximum(best, run)
    return np.minimum(best, n)


def _run_of_ones(n: int, k: int, seed: int) -> Task:
    """Label 1 when the string contains a cyclic run of r ones, r chosen for balance."""
    del seed
    probe = np.random.default_rng(12345).integers(0, 2, size=(20000, n))
    runs = _longest_cyclic_run(probe)
    r = min(range(1, n + 1), key=lambda r: abs(float(np.mean(runs >= r)) - 0.5))
    action = shift_action(n, 2)

    def sample(m: int, rng: np.random.Generator) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        X = rng.integers(0, 2, size=(m, n), dtype=np.uint8)
        return X, (_longest_cyclic_run(X) >= r).astype(np.int64)

    return Task(
        "run-of-ones",
        action,
        sample,
        f"1 when a bit string of length {n} has a cyclic run of at least {r} ones",
        domain_size=2**n,
        info={"r": r},
    )


def _templates(n: int, k: int, seed: int) -> Task:
    """Noisy real periodic signals from class templates at random cyclic shifts."""
    rng0 = np.random.default_rng(seed)
    classes = 3
    templates = rng0.standard_normal((classes, n))
    templates[2] = templates[1][::-1]  # a mirror image: same power spectrum as class 1
    noise = 0.3
    action = shift_action(n)

    def sample(m: int, rng: np.random.Generator) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        y = rng.integers(0, classes, size=m)
        shifts = rng.integers(0, n, size=m)
        idx = (np.arange(n)[None, :] - shifts[:, None]) % n
        X = templates[y[:, None], idx] + noise * rng.standard_normal((m, n))
        return X, y

    return Task(
        "templates",
        action,
        sample,
        f"{classes} random templates of length {n} (one the mirror image of another) at "
        f"random cyclic shifts, Gaussian noise {noise}",
        classes=classes,
    )


def _pattern_position(n: int, k: int, seed: int) -> Task:
    """Where is the pattern? A covariant task: shifting x shifts the answer."""
    del k
    rng0 = np.random.default_rng(seed)
    width = max(2, n // 4)
    pattern = 1.0 + rng0.random(width)
    noise = 0.6
    action = shift_action(n)

    def sample(m: int, rng: np.random.Generator) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        y = rng.integers(0, n, size=m)
        X = noise * rng.standard_normal((m, n))
        for j in range(width):
            X[np.arange(m), (y + j) % n] += pattern[j]
        return X, y

    return Task(
        "pattern-position",
        action,
        sample,
        f"the position of a pattern of width {width} in a noisy periodic signal of length "
        f"{n} (covariant: shifting the signal shifts the answer)",
        classes=n,
        covariant=True,
    )


TASKS: dict[str, Callable[[int, int, int], Task]] = {
    "necklace-labels": _necklace_labels,
    "run-of-ones": _run_of_ones,
    "templates": _templates,
    "pattern-position": _pattern_position,
}
"""The built-in tasks by name; each is exactly invariant (or, for ``pattern-position``,
covariant) under the cyclic shift."""


def make_task(name: str, n: int, k: int = 2, seed: int = 0) -> Task:
    """A built-in task on strings or signals of length n (``k`` symbols where it applies).

    Examples
    --------
    >>> import numpy as np
    >>> from grouprep.strategies import make_task
    >>> task = make_task("necklace-labels", 8)
    >>> X, y = task.sample(5, np.random.default_rng(0))
    >>> X.shape, task.domain_size, task.info["classes_of_inputs"]
    ((5, 8), 256, 36)
    """
    if name not in TASKS:
        raise GroupRepValueError(
            f"make_task: unknown task {name!r}; built-in tasks are {sorted(TASKS)}"
        )
    if isinstance(n, bool) or not isinstance(n, int) or not 2 <= n <= 64:
        raise GroupRepValueError(f"make_task: argument 'n' must be an int in 2..64, got {n!r}")
    if isinstance(k, bool) or not isinstance(k, int) or k < 2:
        raise GroupRepValueError(f"make_task: argument 'k' must be an int >= 2, got {k!r}")
    if name == "necklace-labels" and math.log2(k) * n > 62:
        raise GroupRepValueError("make_task: k**n must stay below 2**62 for necklace-labels")
    return TASKS[name](n, k, seed)
