"""Generated standalone modules reproduce the featurizers; no user text leaks into them."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import numpy as np
import pytest

import grouprep


def _load(path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# the reversal i -> -i of 9 points alone: its orbit sums are not shift invariant (gather path)
REVERSAL = grouprep.reps.permutation_representation(
    grouprep.permutation_action(grouprep.permutation_group([[(-i) % 9 for i in range(9)]]))
)

CASES = [
    grouprep.PowerSpectrum(),
    grouprep.Bispectrum(),
    grouprep.Bispectrum(selective=False),
    grouprep.InvariantPolynomials(degree=3),
    grouprep.InvariantPolynomials(rep=grouprep.dihedral_action(9), degree=2),
    grouprep.InvariantPolynomials(rep=REVERSAL, degree=3),
    grouprep.CanonicalForm(),
    grouprep.GroupConvolution(n_filters=3, nonlinearity="abs"),
    grouprep.InvariantPooling(n=3, pool="meanmax"),
    grouprep.OrbitAugmenter(),
]


@pytest.mark.parametrize("feat", CASES, ids=repr)
def test_round_trip_through_a_file(feat, tmp_path):
    rng = np.random.default_rng(0)
    X = rng.integers(0, 3, size=(40, 9)).astype(float) + (
        0 if isinstance(feat, grouprep.CanonicalForm) else rng.standard_normal((40, 9))
    )
    feat.fit(X)
    path = tmp_path / "generated_featurizer.py"
    path.write_text(grouprep.to_source(feat))
    module = _load(path)
    np.testing.assert_allclose(module.transform(X), feat.transform(X), rtol=1e-10, atol=1e-10)
    assert feat.transform(X).shape[1] == module.N_FEATURES_OUT
    with pytest.raises(ValueError, match="expected an array of shape"):
        module.transform(X[:, :4])


def test_generated_module_imports_numpy_only(tmp_path):
    feat = grouprep.InvariantPolynomials(degree=2).fit(np.ones((2, 6)))
    path = tmp_path / "gen.py"
    path.write_text(grouprep.to_source(feat))
    code = (
        f"import sys; sys.path.insert(0, {str(tmp_path)!r}); import gen; "
        "print(sorted(m for m in ('grouprep', 'sympy', 'numba') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_no_user_text_in_generated_code():
    # a hostile parameter value is rejected before any code is written
    evil = grouprep.GroupConvolution(nonlinearity="relu\nimport os")
    with pytest.raises(grouprep.GroupRepValueError):
        evil.fit(np.zeros((2, 4)))
    feat = grouprep.PowerSpectrum().fit(np.zeros((2, 4)))
    src = grouprep.to_source(feat)
    assert "import os" not in src and src.count("\nimport ") == 1


def test_unsupported_and_unfitted():
    with pytest.raises(grouprep.GroupRepValueError, match="OrbitIndex cannot be written"):
        grouprep.to_source(grouprep.OrbitIndex().fit(np.zeros((2, 4), dtype=int)))
    with pytest.raises(grouprep.errors.NotFittedError):
        grouprep.to_source(grouprep.PowerSpectrum())
    with pytest.raises(grouprep.GroupRepTypeError, match="featurizer"):
        grouprep.to_source("PowerSpectrum")


def test_round_trip_of_the_triple_correlation_path(tmp_path, monkeypatch):
    from grouprep.features import _compile

    monkeypatch.setattr(_compile, "_TRIPLE_FFT_MIN_N", 3)
    X = np.random.default_rng(1).standard_normal((20, 7))
    feat = grouprep.InvariantPolynomials(degree=3).fit(X)
    assert feat._compiled.paths["fft"] > 0
    path = tmp_path / "triple.py"
    path.write_text(grouprep.to_source(feat))
    np.testing.assert_allclose(_load(path).transform(X), feat.transform(X), atol=1e-10)


def test_the_reversal_case_exercises_the_gather_path():
    feat = grouprep.InvariantPolynomials(rep=REVERSAL, degree=3).fit(np.ones((2, 9)))
    assert set(feat._compiled.paths) == {"gather"}
