"""Compiled parallel loops called from several Python threads at once."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import threading

    import numba
    import numpy as np

    import grouprep

    X = np.random.default_rng(0).standard_normal((25_000, 16))
    B = (X > 0).astype(np.uint8)
    poly = grouprep.InvariantPolynomials(degree=3).fit(X[:8])
    full = grouprep.Bispectrum(selective=False).fit(X[:8])

    def features():
        return poly.transform(X), full.transform(X), grouprep.least_rotation(B).canonical

    want = features()
    bad = []

    def work():
        for _ in range(3):
            got = features()
            bad.extend(i for i in range(3) if not np.array_equal(got[i], want[i]))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(numba.threading_layer(), len(bad))
    """
)


def test_concurrent_calls_under_numbas_workqueue_layer():
    # numba's own threading layer aborts the process when two threads enter parallel
    # loops at once; grouprep serializes its calls under that layer
    env = dict(os.environ, NUMBA_THREADING_LAYER="workqueue")
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["workqueue", "0"]
