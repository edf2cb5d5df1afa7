"""Running numba's parallel loops (private; imports no layer).

Every call into a ``parallel=True`` kernel of grouprep goes through :func:`parallel_loops`:

* small batches run on one thread, since waking a second core for a few thousand rows
  costs more than it saves;
* calls from several Python threads at once are serialized when numba's threading layer
  cannot run them concurrently. Numba picks the layer on first use (TBB, then OpenMP,
  then its own ``workqueue``); the workqueue layer aborts the process on concurrent
  entry, so with it, or before the layer is known, one call runs at a time.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

__all__ = ["PARALLEL_ROWS", "parallel_loops"]

PARALLEL_ROWS = 20_000
"""Batches smaller than this run on one thread."""

_LOCK = threading.RLock()  # reentrant: a guarded call may nest another
_CONCURRENT_LAYERS = frozenset({"tbb", "omp"})


def _layer() -> str | None:
    import numba

    package: Any = numba
    try:
        return str(package.threading_layer())
    except ValueError:  # no parallel loop has run yet
        return None


@contextlib.contextmanager
def parallel_loops(rows: int) -> Iterator[None]:
    """Context for calling compiled parallel loops on a batch of ``rows`` units of work."""
    import numba

    with contextlib.ExitStack() as stack:
        if _layer() not in _CONCURRENT_LAYERS:
            stack.enter_context(_LOCK)
        if rows < PARALLEL_ROWS:
            before = numba.get_num_threads()
            numba.set_num_threads(1)
            stack.callback(numba.set_num_threads, before)
        yield
