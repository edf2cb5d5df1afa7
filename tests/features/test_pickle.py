"""Every featurizer, fitted or not, round-trips through pickle and joblib."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

import grouprep
from grouprep.reps import real_irreps, regular_representation

joblib = pytest.importorskip("joblib")

RNG = np.random.default_rng(0)
REAL = RNG.standard_normal((6, 6))
SYMBOLS = RNG.integers(0, 2, (6, 6))
IMAGES = RNG.standard_normal((6, 3, 4))

CASES = [
    (grouprep.PowerSpectrum(), REAL),
    (grouprep.PowerSpectrum(), IMAGES),
    (grouprep.Bispectrum(), REAL),
    (grouprep.Bispectrum(selective=False), REAL),
    (grouprep.InvariantPolynomials(degree=3), REAL),
    (grouprep.InvariantPolynomials(grouprep.dihedral_action(6)), REAL),
    (grouprep.InvariantPolynomials(real_irreps(grouprep.dihedral(3))[-1], degree=3), REAL[:, :2]),
    (grouprep.InvariantPolynomials(regular_representation(grouprep.cyclic(6))), REAL),
    (grouprep.CanonicalForm(), SYMBOLS),
    (grouprep.CanonicalForm(grouprep.shift_action(6, 2), return_element=True), SYMBOLS),
    (grouprep.CanonicalForm(), IMAGES),
    (grouprep.OrbitIndex(), SYMBOLS),
    (grouprep.OrbitIndex(encoding="onehot"), SYMBOLS),
    (grouprep.OrbitAugmenter(mode="random", n_draws=2), REAL),
    (grouprep.GroupConvolution(n_filters=2), REAL),
    (grouprep.GroupConvolution(n_filters=2), IMAGES),
    (grouprep.InvariantPooling(3, pool="meanmax"), REAL),
]


def _pickle(obj, tmp_path):
    return pickle.loads(pickle.dumps(obj))


def _joblib(obj, tmp_path):
    path = tmp_path / "featurizer.joblib"
    joblib.dump(obj, path)
    return joblib.load(path)


@pytest.mark.parametrize("dump_load", [_pickle, _joblib], ids=["pickle", "joblib"])
@pytest.mark.parametrize(
    ("feat", "X"), CASES, ids=lambda v: repr(v) if not hasattr(v, "shape") else f"{v.shape}"
)
def test_round_trip(feat, X, dump_load, tmp_path):
    from sklearn.base import clone

    want = clone(feat).fit(X).transform(X)
    # unfitted: the same parameters, and fitting the copy gives the same features
    loaded = dump_load(clone(feat), tmp_path)
    assert repr(loaded) == repr(feat)
    np.testing.assert_array_equal(loaded.fit(X).transform(X), want)
    # fitted: transform and check work on the loaded copy, with identical output
    fitted = dump_load(clone(feat).fit(X), tmp_path)
    got = fitted.transform(X)
    assert got.dtype == want.dtype
    np.testing.assert_array_equal(got, want)
    assert fitted.check(X).holds
