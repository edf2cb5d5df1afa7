"""Featurizers on dask arrays: lazy results, computed on a local cluster of processes."""

from __future__ import annotations

import numpy as np
import pytest

import grouprep

da = pytest.importorskip("dask.array")
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_transforms_are_lazy_and_match_numpy_on_a_process_cluster(client):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((3000, 12))
    B = rng.integers(0, 2, size=(3000, 12))
    cases = [
        (grouprep.PowerSpectrum(), X),
        (grouprep.Bispectrum(), X),
        (grouprep.Bispectrum(selective=False), X),
        (grouprep.InvariantPolynomials(degree=3), X),
        (grouprep.GroupConvolution(n_filters=2), X),
        (grouprep.CanonicalForm(), B),
        (grouprep.OrbitIndex(), B),
    ]
    for feat, data in cases:
        feat.fit(data[:100])
        lazy = feat.transform(da.from_array(data, chunks=(700, 12)))
        assert isinstance(lazy, da.Array)
        assert lazy.chunks[0] == (700, 700, 700, 700, 200)
        got = client.compute(lazy).result()
        np.testing.assert_allclose(got, feat.transform(data), rtol=1e-12, atol=1e-12)


def test_dask_errors_are_raised_before_computing():
    feat = grouprep.PowerSpectrum().fit(np.zeros((2, 8)))
    with pytest.raises(ValueError, match="X has 9 features"):
        feat.transform(da.zeros((10, 9), chunks=5))
    with pytest.raises(grouprep.errors.NotFittedError):
        grouprep.PowerSpectrum().transform(da.zeros((10, 8), chunks=5))
