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
    grouprep.InvariantPooling(3, pool="meanmax"),
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


def _generated(feat, tmp_path):
    path = tmp_path / f"gen_{type(feat).__name__.lower()}.py"
    path.write_text(grouprep.to_source(feat))
    return _load(path)


@pytest.mark.parametrize(
    "feat",
    [
        grouprep.PowerSpectrum(),
        grouprep.GroupConvolution(n_filters=2, nonlinearity="relu"),
        grouprep.OrbitAugmenter(),
    ],
    ids=repr,
)
def test_a_featurizer_fitted_on_images_writes_a_module_for_images(feat, tmp_path):
    images = np.random.default_rng(2).standard_normal((6, 4, 5))
    feat.fit(images)
    module = _generated(feat, tmp_path)
    np.testing.assert_allclose(
        module.transform(images), feat.transform(images), rtol=1e-12, atol=1e-12
    )
    assert module.transform(images).shape == (6, module.N_FEATURES_OUT)
    # the flattened rows are refused by both, as are images of another shape
    for other in (images.reshape(6, -1), images[:, :, :4]):
        with pytest.raises(ValueError, match=r"shape|features"):
            feat.transform(other)
        with pytest.raises(ValueError, match="expected an array of shape"):
            module.transform(other)


def test_canonical_form_keeps_int64_exact_near_2_to_the_60(tmp_path):
    rng = np.random.default_rng(3)
    X = (2**60 + rng.integers(0, 4, size=(30, 7))).astype(np.int64)
    X[:, 3] += 1  # 2**60 + 1 and 2**60 + 2 differ by less than a float64 step there
    feat = grouprep.CanonicalForm().fit(X)
    module = _generated(feat, tmp_path)
    got = module.transform(X)
    assert got.dtype == np.int64
    np.testing.assert_array_equal(got, feat.transform(X))
    rows = [min(tuple(np.roll(r, g)) for g in range(7)) for r in X.tolist()]
    np.testing.assert_array_equal(got, np.array(rows, dtype=np.int64))


def test_generated_modules_refuse_complex_text_and_object_input(tmp_path):
    X = np.random.default_rng(4).standard_normal((3, 6))
    feats = (grouprep.PowerSpectrum(), grouprep.InvariantPolynomials(), grouprep.CanonicalForm())
    for feat in feats:
        module = _generated(feat.fit(X), tmp_path)
        for bad in (X + 1j, X.astype(str), X.astype(object)):
            with pytest.raises(TypeError, match="real numbers"):
                module.transform(bad)


def test_generated_canonical_form_checks_the_alphabet(tmp_path):
    X = np.random.default_rng(5).integers(0, 2, (4, 6))
    feat = grouprep.CanonicalForm(grouprep.shift_action(6, 2)).fit(X)
    module = _generated(feat, tmp_path)
    np.testing.assert_array_equal(module.transform(X), feat.transform(X))
    bad = X.copy()
    bad[0, 0] = 2
    with pytest.raises(ValueError, match=r"symbols 0\.\.1"):
        module.transform(bad)


def test_generated_modules_refuse_overflowed_features(tmp_path):
    X = np.random.default_rng(6).standard_normal((3, 6))
    module = _generated(grouprep.Bispectrum().fit(X), tmp_path)
    with pytest.raises(ValueError, match="overflowed float64"):
        module.transform(X * 1e150)


def test_compiled_polynomials_refuse_complex_text_and_object_input():
    import sympy

    x = sympy.symbols("x0:3")
    f = grouprep.compile_polynomials([x[0] * x[1] + x[2], x[0] ** 2 + x[1] ** 2 + x[2] ** 2], x)
    X = np.array([[1.0, 2.0, 3.0]])
    np.testing.assert_allclose(f(X), [[5.0, 14.0]])
    with pytest.raises(grouprep.GroupRepValueError, match="'X' must be real"):
        f(X + 1j)
    with pytest.raises(grouprep.GroupRepTypeError, match="real numbers"):
        f(X.astype(str))
    with pytest.raises(grouprep.GroupRepTypeError, match="real numbers"):
        f(np.array([[1.0, "2", 3.0]], dtype=object))
    with pytest.raises(grouprep.GroupRepValueError, match="ragged"):
        f([[1.0, 2.0, 3.0], [1.0]])


# ------------------------------------------------- canonical forms of any action, written out
def canonical_cases():
    graphs = grouprep.graph_action(4, alphabet=2)
    return [
        ("D_6 strings", grouprep.dihedral_action(6, alphabet=3), (6,)),
        ("S_4 sets", grouprep.set_action(4, 2), (4, 2)),
        (
            "A_4 on 4 sites",
            grouprep.signal_action(grouprep.permutation_action(grouprep.alternating(4))),
            (4,),
        ),
        ("p4m 4x4", grouprep.p4m_action(4, alphabet=2), (4, 4)),
        ("Z_6 shift", grouprep.shift_action(6, alphabet=2), (6,)),
        ("S_4 graphs", graphs, tuple(graphs.shape)),
    ]


@pytest.mark.parametrize("return_element", [False, True])
@pytest.mark.parametrize("case", canonical_cases(), ids=lambda c: c[0])
def test_canonical_form_of_any_action_round_trips(case, return_element, tmp_path):
    _, action, shape = case
    rng = np.random.default_rng(3)
    X = rng.integers(0, 2, size=(30, *shape))
    if action.alphabet is None:
        X = X * 1.5 - 0.25  # real values too
    feat = grouprep.CanonicalForm(action, return_element=return_element).fit(X)
    path = tmp_path / "canonical.py"
    path.write_text(grouprep.to_source(feat))
    got = _load(path).transform(X)
    want = feat.transform(X)
    assert got.dtype == want.dtype
    np.testing.assert_array_equal(got, want)
    # independently: every row is the least image over all elements, applied here
    G = action.group
    for x, row in zip(X, got, strict=True):
        images = [np.asarray(action.act(g, x)).ravel().tolist() for g in G.elements()]
        least = min(images)
        n = len(least)
        assert row[:n].tolist() == least
        if return_element:
            assert int(row[n]) == images.index(least)
            assert int(row[n + 1]) == images.count(least)


def test_canonical_form_with_a_gather_table_too_large_is_refused():
    action = grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(9)))
    X = np.random.default_rng(0).standard_normal((3, 9))
    feat = grouprep.CanonicalForm(action).fit(X)
    with pytest.raises(grouprep.GroupRepValueError, match="gather table"):
        grouprep.to_source(feat)


@pytest.mark.parametrize(
    "action",
    [
        grouprep.dihedral(5),  # the regular action of D_5
        grouprep.symmetric(3),
        grouprep.dihedral_action(6),  # D_6 on the 6 sites: one orbit, lifted
        grouprep.signal_action(grouprep.permutation_action(grouprep.alternating(4))),
        grouprep.translation_action((3, 4)),  # abelian, on its coordinates
        # Z_6 by the 6-cycle 0 -> 2 -> 4 -> 1 -> 3 -> 5 -> 0: cyclic, sites out of order
        grouprep.signal_action(
            grouprep.permutation_action(grouprep.permutation_group([(2, 3, 4, 5, 1, 0)]))
        ),
        # Z_2 x Z_3 on 6 sites given by permutations: abelian, sites out of order
        grouprep.signal_action(
            grouprep.permutation_action(
                grouprep.permutation_group([(3, 4, 5, 0, 1, 2), (1, 2, 0, 4, 5, 3)])
            )
        ),
    ],
    ids=repr,
)
def test_power_spectrum_of_any_group_round_trips(action, tmp_path):
    rng = np.random.default_rng(7)
    shape = (action.order,) if isinstance(action, grouprep.FiniteGroup) else action.shape
    X = rng.standard_normal((25, *shape))
    feat = grouprep.PowerSpectrum(action).fit(X)
    path = tmp_path / "power.py"
    path.write_text(grouprep.to_source(feat))
    module = _load(path)
    got = module.transform(X)
    np.testing.assert_allclose(got, feat.transform(X), rtol=1e-12, atol=1e-12)
    # invariance of the written module, the group applied by the action itself
    act = feat.action_
    for g in list(act.group.elements())[:24]:
        moved = act.act(g, X)
        scale = np.abs(got).max()
        np.testing.assert_allclose(module.transform(moved), got, atol=1e-9 * scale)


# ------------------------- Fourier featurizers whose input shape is not the group's orders
def _shift_12(g):
    """Z_12 moving the 12 sites of a 3 x 4 array along their row-major order."""
    return (np.arange(12) + g) % 12


def _step_5_of_12(g):
    """Z_12 moving the 12 sites of a 3 x 4 array by 5 steps per generator power."""
    return (np.arange(12) + 5 * g) % 12


def _rfft_power(X):
    """The power spectrum of Z_n on the row-major sites, by NumPy alone (sites in order)."""
    return np.abs(np.fft.rfft(X.reshape(len(X), -1), axis=1)) ** 2


def _rfft2_power(X):
    """The power spectrum of Z_h x Z_w on h x w images, by NumPy alone."""
    return np.abs(np.fft.rfft2(X, axes=(1, 2)).reshape(len(X), -1)) ** 2


FOURIER_SHAPE_CASES = [
    # 2-D translations, samples of the group's orders: rfft2 of the image
    ("translations 3x4", grouprep.translation_action((3, 4)), _rfft2_power),
    ("translations 5x4", grouprep.translation_action((5, 4)), _rfft2_power),
    # Z_12 x Z_1 is cyclic: the orders are (12,), the samples (12, 1)
    ("translations 12x1", grouprep.translation_action((12, 1)), _rfft_power),
    ("translations 1x12", grouprep.translation_action((1, 12)), _rfft_power),
    # Z_12 on 3 x 4 arrays, sites in row-major order
    (
        "Z_12 on 3x4",
        grouprep.SignalAction(grouprep.cyclic(12), (3, 4), _shift_12, None, "Z_12 on 3x4"),
        _rfft_power,
    ),
    # Z_12 on 3 x 4 arrays, sites out of order (the gathered coordinates)
    (
        "Z_12 by 5 on 3x4",
        grouprep.SignalAction(grouprep.cyclic(12), (3, 4), _step_5_of_12, None, "Z_12 by 5"),
        None,
    ),
    ("shift 12", grouprep.shift_action(12), _rfft_power),
    ("shift 9", grouprep.shift_action(9), _rfft_power),
]


def _assert_relative(got, want, scale):
    assert got.shape == want.shape
    assert got.dtype == np.float64
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-12 * scale)


@pytest.mark.parametrize("case", FOURIER_SHAPE_CASES, ids=lambda c: c[0])
def test_power_spectrum_module_matches_transform_for_any_input_shape(case, tmp_path):
    _, action, independent = case
    feat = grouprep.PowerSpectrum(action).fit(np.zeros((1, *action.shape)))
    module = _generated(feat, tmp_path)
    assert tuple(action.shape) == module.SAMPLE_SHAPE
    rng = np.random.default_rng(11)
    for size in (1e-3, 1.0, 1e3):
        X = size * rng.standard_normal((17, *action.shape))
        want = feat.transform(X)
        scale = float(np.square(X).sum(axis=tuple(range(1, X.ndim))).max())  # >= every P_k
        _assert_relative(module.transform(X), want, scale)
        if independent is not None:
            _assert_relative(want, independent(X), scale)


@pytest.mark.parametrize(
    "case", [c for c in FOURIER_SHAPE_CASES if c[2] is not _rfft2_power], ids=lambda c: c[0]
)
def test_cyclic_bispectrum_module_matches_transform_for_any_input_shape(case, tmp_path):
    _, action, _ = case
    feat = grouprep.Bispectrum(action).fit(np.zeros((1, *action.shape)))
    assert feat.path_ == "cyclic"  # a cyclic group acting regularly, whatever the shape
    if not feat._identity:  # written for the sites in order only
        with pytest.raises(grouprep.GroupRepValueError, match="cyclic shift"):
            grouprep.to_source(feat)
        return
    module = _generated(feat, tmp_path)
    rng = np.random.default_rng(12)
    for size in (1e-3, 1.0, 1e3):
        X = size * rng.standard_normal((17, *action.shape))
        want = feat.transform(X)
        # |B_{k1,k2}| <= |X_k1| |X_k2| |X_k1+k2| <= (sum |x_i|)^3
        scale = float(np.abs(X).sum(axis=tuple(range(1, X.ndim))).max() ** 3)
        _assert_relative(module.transform(X), want, scale)
        F = np.fft.fft(X.reshape(len(X), -1), axis=1)
        B = F[:, feat._k1] * F[:, feat._k2] * np.conj(F[:, feat._k3])
        _assert_relative(want[:, feat._re_col], B.real, scale)
