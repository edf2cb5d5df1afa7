"""A user's own data in the experiment: checked, and split into disjoint rows (private)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._random import RandomLike, as_generator
from grouprep._validation import check_int, describe
from grouprep.actions import SignalAction
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.strategies._tasks import Task

__all__ = ["data_task", "split_rows"]

_WHERE = "run_experiment"


def data_task(data: Any, action: Any, covariant: bool) -> tuple[Task, tuple[Any, Any]]:
    """The user's data as a task, and the rows: ``(X, y)`` with X of shape
    ``(m, *action.shape)`` (flattened images are reshaped)."""
    if not isinstance(action, SignalAction):
        raise GroupRepTypeError(
            f"{_WHERE}: with 'data', argument 'action' must be the grouprep signal action the "
            f"labels are invariant under (e.g. grouprep.shift_action(n)), got {describe(action)}"
        )
    if not isinstance(data, (tuple, list)) or len(data) != 2:
        raise GroupRepTypeError(
            f"{_WHERE}: argument 'data' must be a pair (X, y), got {describe(data)} of type "
            f"{type(data).__name__}"
        )
    X, y = (np.asarray(a) for a in data)
    if X.dtype.kind not in "biuf" or y.dtype.kind not in "biuU":
        raise GroupRepTypeError(
            f"{_WHERE}: argument 'data' must hold a real array X and integer or string labels "
            f"y, got dtypes {X.dtype} and {y.dtype}"
        )
    shape = action.shape
    if len(shape) > 1 and X.ndim == 2 and X.shape[1] == action.num_sites:
        X = X.reshape((len(X), *shape))  # flattened images
    if X.ndim != 1 + len(shape) or X.shape[1:] != shape:
        raise GroupRepValueError(
            f"{_WHERE}: argument 'data' must hold X of shape (n_samples, "
            f"{', '.join(map(str, shape))}) for {action!r}, got X of shape {X.shape}"
        )
    if X.dtype.kind == "f" and not np.isfinite(X).all():
        raise GroupRepValueError(f"{_WHERE}: argument 'data' holds NaN or infinite values in X")
    if y.ndim != 1 or len(y) != len(X) or len(X) < 4:
        raise GroupRepValueError(
            f"{_WHERE}: argument 'data' must be (X, y) with one label per row and at least 4 "
            f"rows, got X of shape {X.shape} and y of shape {y.shape}"
        )
    if covariant and (y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= action.num_sites):
        raise GroupRepValueError(
            f"{_WHERE}: with covariant=True the labels must be sites of {action!r}, ints in "
            f"0..{action.num_sites - 1}, got {describe(y)}"
        )

    def sample(m: int, rng: np.random.Generator) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        raise GroupRepValueError(  # pragma: no cover - the experiment splits the rows
            f"{_WHERE}: user data is split into disjoint rows, not sampled"
        )

    task = Task(
        "user data",
        action,
        sample,
        f"{len(X)} user samples",
        domain_size=None,
        classes=len(np.unique(y)),
        covariant=covariant,
    )
    return task, (X, y)


def split_rows(
    m: int, test_size: int, sizes: Sequence[int], rng: RandomLike = None
) -> tuple[npt.NDArray[np.intp], list[npt.NDArray[np.intp]]]:
    """Disjoint test and training rows of a pool of m rows, for one seed.

    .. math:: T \\cap S_k = \\emptyset, \\quad |T| = \text{test\\_size}, \\quad
              |S_k| = \text{sizes}[k], \\quad T, S_k \\subseteq \\{0, \\dots, m - 1\\}

    The test rows T are drawn without replacement; each training set :math:`S_k` is
    drawn without replacement from the other rows, afresh for each size. So no test row
    is ever a training row, and the test accuracy estimates the accuracy on unseen rows
    (drawing both from the whole pool would let a model that memorizes score on rows it
    was trained on).

    Parameters
    ----------
    m : int
        The number of rows, >= 2.
    test_size : int
        >= 1.
    sizes : sequence of int
        Training set sizes, each >= 1, with ``max(sizes) + test_size <= m``.
    rng : numpy Generator, int or None

    Returns
    -------
    test : numpy.ndarray
        The sorted test rows.
    trains : list of numpy.ndarray
        The sorted training rows, one array per size.

    Raises
    ------
    GroupRepTypeError, GroupRepValueError
        If an argument is not an int in range, or the rows do not suffice.

    Examples
    --------
    >>> from grouprep.strategies import split_rows
    >>> test, (train,) = split_rows(10, 4, [6], rng=0)
    >>> sorted(test.tolist() + train.tolist()) == list(range(10))
    True
    """
    where = "split_rows"
    m = check_int(m, "m", where, minimum=2)
    test_size = check_int(test_size, "test_size", where, minimum=1)
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, (Sequence, np.ndarray)):
        raise GroupRepTypeError(
            f"{where}: argument 'sizes' must be a sequence of ints, got {describe(sizes)}"
        )
    sizes = [check_int(v, "sizes", where, minimum=1) for v in sizes]
    if sizes and max(sizes) + test_size > m:
        raise GroupRepValueError(
            f"{where}: the largest size {max(sizes)} and test_size {test_size} need "
            f"{max(sizes) + test_size} disjoint rows, more than m = {m}"
        )
    gen = as_generator(rng, where)
    order = gen.permutation(m).astype(np.intp)
    test, rest = order[:test_size], order[test_size:]
    trains = [np.sort(gen.choice(rest, size=size, replace=False)) for size in sizes]
    return np.sort(test), trains
