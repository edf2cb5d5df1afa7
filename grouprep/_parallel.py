"""Running numba's parallel loops (private; imports no layer).

Every call into a ``parallel=True`` kernel of grouprep goes through :func:`parallel_loops`:

* small batches run on one thread, since waking a second core for a few thousand rows
  costs more than it saves;
* the threading layer is fork-safe: a process that has run grouprep's parallel loops can
  still fork workers (``multiprocessing``'s default start method on Linux, joblib, dask).
  Numba picks its layer on the first parallel call, by default TBB, then OpenMP, then its
  own ``workqueue``; GNU OpenMP kills any child forked after it started ("fork() called
  from a process already using GNU OpenMP"). Unless the user chose a layer (the
  environment variable ``NUMBA_THREADING_LAYER`` or ``numba.config.THREADING_LAYER``),
  grouprep asks numba for its ``forksafe`` selection before the first parallel call: TBB
  where it is installed, Intel's OpenMP, or ``workqueue``. A layer chosen by other code
  before grouprep's first parallel call stays as it is;
* calls from several Python threads at once are serialized when the threading layer
  cannot run them concurrently: the workqueue layer aborts the process on concurrent
  entry, so with it, or before the layer is known, one call runs at a time.
"""

from __future__ import annotations

import contextlib
import os
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


def _choose_forksafe_layer(layer: str | None) -> None:
    """Before numba's first parallel call, ask for a fork-safe layer unless one was chosen."""
    if layer is not None or "NUMBA_THREADING_LAYER" in os.environ:
        return
    import numba

    config: Any = numba.config
    if config.THREADING_LAYER == "default":
        config.THREADING_LAYER = "forksafe"


@contextlib.contextmanager
def parallel_loops(rows: int) -> Iterator[None]:
    """Context for calling compiled parallel loops on a batch of ``rows`` units of work."""
    import numba

    with contextlib.ExitStack() as stack:
        layer = _layer()
        _choose_forksafe_layer(layer)
        if layer not in _CONCURRENT_LAYERS:
            stack.enter_context(_LOCK)
        if rows < PARALLEL_ROWS:
            before = numba.get_num_threads()
            numba.set_num_threads(1)
            stack.callback(numba.set_num_threads, before)
        yield
