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


FORK_SCRIPT = textwrap.dedent(
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import numpy as np

    import grouprep

    B = np.random.default_rng(0).integers(0, 2, (40_000, 64)).astype(np.uint8)
    X = np.random.default_rng(1).standard_normal((25_000, 16))
    poly = grouprep.InvariantPolynomials(degree=3).fit(X[:8])
    want_rot = grouprep.least_rotation(B).canonical  # parallel loops have run here
    want_poly = poly.transform(X)

    def work(i):
        rows = slice(i * 10_000, (i + 1) * 10_000 + 20_000)
        rot = grouprep.least_rotation(B[rows]).canonical  # parallel again, in the child
        return i, bool(np.array_equal(rot, want_rot[rows])), float(poly.transform(X[:50]).sum())

    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        got = pool.map(work, range(2))
    with ProcessPoolExecutor(2, mp_context=ctx) as ex:
        got += list(ex.map(work, range(2)))
    ok = all(same for _, same, _ in got)
    sums = {round(s, 6) for _, _, s in got} == {round(float(want_poly[:50].sum()), 6)}
    print(ok, sums)
    """
)


def test_fork_after_parallel_loops_keeps_workers_alive():
    # GNU OpenMP kills children forked after it started; grouprep selects a fork-safe
    # threading layer unless the user chose one
    env = {k: v for k, v in os.environ.items() if k != "NUMBA_THREADING_LAYER"}
    run = subprocess.run(
        [sys.executable, "-c", FORK_SCRIPT], env=env, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["True", "True"]
    assert "fork() called" not in run.stderr


def test_a_layer_chosen_by_the_user_is_kept():
    script = (
        "import numpy as np, numba, grouprep\n"
        "grouprep.least_rotation(np.zeros((30_000, 64), np.uint8))\n"
        "print(numba.threading_layer())\n"
    )
    env = dict(os.environ, NUMBA_THREADING_LAYER="omp")
    run = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["omp"]
