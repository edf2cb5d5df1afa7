"""Built-in learning tasks with an exact cyclic symmetry (private)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import check_int, describe
from grouprep.actions import SignalAction, shift_action
from grouprep.errors import GroupRepTypeError, GroupRepValueError, SizeLimitError
from grouprep.orbits import count_necklaces, necklace_rank

__all__ = ["TASKS", "Task", "make_task"]


@dataclass
class Task:
    """A labelled data source invariant under a group action.

    ``sample(m, rng)`` draws m labelled examples; ``domain_size`` is the number of
    distinct inputs (None for real-valued signals); ``classes`` the number of labels;
    ``covariant`` says that the label is a site that moves with the input
    (:class:`~grouprep.strategies.SiteLabels`; ``g . y = y + g`` for the shift) instead
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


def class_labels(ranks: npt.ArrayLike, seed: int) -> npt.NDArray[np.int64]:
    """The random label (0 or 1) of each necklace class, from its rank.

    The label of class r is bit 31 of the r-th 32-bit word of the stream of
    ``numpy.random.PCG64(seed)`` (the low half of each 64-bit output first), which is
    ``numpy.random.default_rng(seed).integers(0, 2, size=count)[r]``. It is read by
    jumping the generator to the words needed (``PCG64.advance``), so memory and time
    follow the number of distinct ranks asked for, not the number of classes.
    """
    r = np.asarray(ranks, dtype=np.int64)
    words, where = np.unique(r // 2, return_inverse=True)
    bits = np.empty(len(words), dtype=np.uint64)
    generator = np.random.PCG64(seed)
    position = 0
    for i, w in enumerate(words.tolist()):
        if w > position:
            generator.advance(w - position)
        bits[i] = generator.random_raw()
        position = w + 1
    shift = (31 + 32 * (r % 2)).astype(np.uint64)
    labels: npt.NDArray[np.int64] = (
        (bits[where.reshape(r.shape)] >> shift) & np.uint64(1)
    ).astype(np.int64)
    return labels


def _symbol_dtype(k: int) -> type[np.unsignedinteger[Any]]:
    """The smallest unsigned dtype that holds the symbols 0 .. k-1."""
    for dtype in (np.uint8, np.uint16, np.uint32):
        if k - 1 <= np.iinfo(dtype).max:
            return dtype
    return np.uint64


def _necklace_labels(n: int, k: int, seed: int) -> Task:
    """Random labels on the necklace classes: a pure quotient task.

    Inputs are drawn directly (uniform strings), and labels are read from the ranks of
    their classes (:func:`class_labels`): nothing is listed, so any n and k with
    k**n < 2**62 take memory in proportion to the rows drawn.
    """
    count = count_necklaces(n, k)
    action = shift_action(n, k)
    dtype = _symbol_dtype(k)

    def sample(m: int, rng: np.random.Generator) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        X = rng.integers(0, k, size=(m, n), dtype=dtype)
        return X, class_labels(necklace_rank(X, k), seed)

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


#: the tasks on binary strings (k = 2) and on real signals (no alphabet)
_BINARY = ("run-of-ones",)
_REAL = ("templates", "pattern-position")


def make_task(name: str, n: int, k: int = 2, seed: int = 0) -> Task:
    """A built-in task on strings or signals of length n (``k`` symbols where it applies).

    Parameters
    ----------
    name : str
        One of :data:`TASKS`.
    n : int
        The length of the strings or signals, 2 .. 64.
    k : int
        The alphabet size, >= 2, for ``"necklace-labels"`` (with :math:`k^n < 2^{62}`,
        so that a class's rank is an int64); the other tasks take k = 2 only
        (``"run-of-ones"`` is on bit strings, the others on real signals).
    seed : int
        >= 0: the labels of the classes, the templates or the pattern.

    Raises
    ------
    GroupRepTypeError
        If an argument has the wrong type.
    GroupRepValueError
        If the task is unknown (the message lists the known ones) or a number is out of
        range; :class:`~grouprep.errors.SizeLimitError` if :math:`k^n \\ge 2^{62}`.

    Examples
    --------
    >>> import numpy as np
    >>> from grouprep.strategies import make_task
    >>> task = make_task("necklace-labels", 8)
    >>> X, y = task.sample(5, np.random.default_rng(0))
    >>> X.shape, task.domain_size, task.info["classes_of_inputs"]
    ((5, 8), 256, 36)
    """
    where = "make_task"
    if not isinstance(name, str):
        raise GroupRepTypeError(
            f"{where}: argument 'name' must be the name of a built-in task, got "
            f"{describe(name)} of type {type(name).__name__}"
        )
    if name not in TASKS:
        raise GroupRepValueError(
            f"{where}: unknown task {name!r}; built-in tasks are {sorted(TASKS)}"
        )
    n = check_int(n, "n", where, minimum=2)
    if n > 64:
        raise GroupRepValueError(f"{where}: argument 'n' must be an int in 2..64, got {n}")
    k = check_int(k, "k", where, minimum=2)
    seed = check_int(seed, "seed", where, minimum=0)
    if name != "necklace-labels" and k != 2:
        kind = "bit strings" if name in _BINARY else "real signals"
        raise GroupRepValueError(
            f"{where}: argument 'k' applies to 'necklace-labels' only; {name!r} is on {kind}, "
            f"so k must be 2, got {k}"
        )
    if name == "necklace-labels" and k**n >= 2**62:
        raise SizeLimitError(
            f"{where}: 'necklace-labels' takes k**n < 2**62 (class ranks are int64), got "
            f"k**n = {k}**{n}, about 2**{n * math.log2(k):.1f}"
        )
    return TASKS[name](n, k, seed)
