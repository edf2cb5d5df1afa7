"""Featurizers refuse what they cannot featurize honestly, with clear errors: ragged or
text input, missing values, symbols outside the alphabet, and features that overflow."""

from __future__ import annotations

import decimal
import warnings

import numpy as np
import pytest

import grouprep

RNG = np.random.default_rng(0)
X6 = RNG.standard_normal((4, 6))


@pytest.mark.parametrize(
    ("feat", "scale"),
    [
        (grouprep.PowerSpectrum(), 1e160),
        (grouprep.Bispectrum(), 1e150),
        (grouprep.Bispectrum(selective=False), 1e150),
        (grouprep.InvariantPolynomials(degree=3), 1e150),
        (grouprep.GroupConvolution(nonlinearity="square"), 1e160),
        (grouprep.InvariantPooling(), 1.7e308),
    ],
    ids=repr,
)
def test_finite_input_whose_features_overflow_is_refused(feat, scale):
    data = np.abs(X6) + 1.0
    feat.fit(data)
    big = data / data.max() * scale
    assert np.isfinite(big).all()
    name = type(feat).__name__
    with pytest.raises(grouprep.GroupRepValueError, match=rf"{name}.transform: .*overflowed"):
        feat.transform(big)
    # check() refuses too: it never reports on features that are inf
    with pytest.raises(grouprep.GroupRepValueError, match=rf"{name}.check: .*overflowed"):
        feat.check(big)


def test_overflow_on_images_and_with_dask():
    dask_array = pytest.importorskip("dask.array")
    images = RNG.standard_normal((3, 4, 4))
    ps = grouprep.PowerSpectrum().fit(images)
    with pytest.raises(grouprep.GroupRepValueError, match="overflowed"):
        ps.transform(images * 1e160)
    lazy = grouprep.Bispectrum().fit(X6).transform(dask_array.from_array(X6 * 1e150, chunks=2))
    with pytest.raises(grouprep.GroupRepValueError, match="overflowed"):
        lazy.compute()


def test_nan_input_still_reported_as_nan():
    bad = X6.copy()
    bad[1, 2] = np.inf
    for feat in (grouprep.PowerSpectrum(), grouprep.Bispectrum()):
        feat.fit(X6)
        with pytest.raises(grouprep.GroupRepValueError, match="contains NaN or infinity"):
            feat.transform(bad)


def test_check_itself_refuses_non_finite_features():
    # the law function is replaced by one returning inf: check must not say "holds"
    feat = grouprep.PowerSpectrum().fit(X6)
    feat._law_function = lambda: lambda X: np.full((len(X), 4), np.inf)
    with pytest.raises(grouprep.GroupRepValueError, match=r"PowerSpectrum.check: .*overflowed"):
        feat.check(X6)


@pytest.mark.parametrize(
    "feat",
    [
        grouprep.CanonicalForm(grouprep.shift_action(8, 2)),
        grouprep.CanonicalForm(grouprep.shift_action(8, 2), return_element=True),
        grouprep.OrbitIndex(grouprep.shift_action(8, 2)),
        grouprep.OrbitAugmenter(grouprep.shift_action(8, 2)),
        grouprep.InvariantPolynomials(grouprep.shift_action(8, 2)),
    ],
    ids=repr,
)
def test_symbols_outside_the_alphabet_are_refused(feat):
    good = RNG.integers(0, 2, (5, 8))
    two, minus = good.copy(), good.copy()
    two[1, 3], minus[0, 0] = 2, -1
    where = type(feat).__name__
    for bad in (two, minus):
        with pytest.raises(grouprep.GroupRepValueError, match=rf"{where}.fit: .*symbols 0\.\.1"):
            feat.fit(bad)
    feat.fit(good)
    with pytest.raises(grouprep.GroupRepValueError, match=rf"{where}.transform: .*from 0 to 2"):
        feat.transform(two)
    with pytest.raises(grouprep.GroupRepValueError, match=rf"{where}.check: .*symbols 0\.\.1"):
        feat.check(minus)
    with pytest.raises(grouprep.GroupRepValueError, match=r"must hold integer symbols 0\.\."):
        feat.transform(good + 0.5)


def test_images_over_an_alphabet_are_checked_too():
    action = grouprep.translation_action((2, 3), 3)
    feat = grouprep.CanonicalForm(action).fit(RNG.integers(0, 3, (4, 2, 3)))
    with pytest.raises(grouprep.GroupRepValueError, match=r"symbols 0\.\.2.*from 3 to 3"):
        feat.transform(np.full((1, 2, 3), 3))


@pytest.mark.parametrize("method", ["fit", "transform"])
def test_ragged_lists_get_a_clear_error(method):
    feat = grouprep.PowerSpectrum().fit(X6[:, :3])
    with pytest.raises(grouprep.GroupRepValueError, match=rf"PowerSpectrum.{method}: .*ragged"):
        getattr(feat, method)([[1.0, 2.0, 3.0], [1.0, 2.0]])


def test_none_in_an_object_array_is_called_a_missing_value_not_nan():
    X = np.array([[1.0, None, 2.0], [0.0, 1.0, 2.0]], dtype=object)
    with pytest.raises(grouprep.GroupRepValueError, match=r"holds None.*index \(0, 1\)") as err:
        grouprep.PowerSpectrum().fit(X)
    assert "NaN" not in str(err.value)


def test_text_in_an_object_array_is_refused_not_parsed():
    X = np.array([[1.0, "2.5", 2.0]], dtype=object)
    with pytest.raises(grouprep.GroupRepTypeError, match=r"PowerSpectrum.fit: .*'2.5'.*str"):
        grouprep.PowerSpectrum().fit(X)
    with pytest.raises(grouprep.GroupRepValueError, match="must be real"):
        grouprep.PowerSpectrum().fit(np.array([[1.0, 2j, 2.0]], dtype=object))


def test_object_arrays_of_numbers_still_work():
    X = np.array([[1, 2.5, decimal.Decimal("0.25"), True]], dtype=object)
    out = grouprep.PowerSpectrum().fit_transform(X)
    np.testing.assert_allclose(out, np.abs(np.fft.rfft([[1.0, 2.5, 0.25, 1.0]])) ** 2)


ALL = [
    grouprep.PowerSpectrum(),
    grouprep.Bispectrum(),
    grouprep.InvariantPolynomials(),
    grouprep.CanonicalForm(),
    grouprep.OrbitIndex(),
    grouprep.OrbitAugmenter(),
    grouprep.GroupConvolution(),
    grouprep.InvariantPooling(),
]


@pytest.mark.parametrize("feat", ALL, ids=repr)
def test_every_featurizer_is_a_full_scikit_learn_transformer(feat):
    from sklearn.base import BaseEstimator, TransformerMixin, clone
    from sklearn.utils import get_tags

    assert isinstance(feat, BaseEstimator) and isinstance(feat, TransformerMixin)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. "does not inherit from BaseEstimator"
        tags = get_tags(feat)
        html = feat._repr_html_()
        assert feat.set_output(transform="default") is feat
        clone(feat)
    assert tags.transformer_tags is not None and not tags.target_tags.required
    assert not tags.input_tags.allow_nan
    assert type(feat).__name__ in html
    assert "transform" in feat._sklearn_auto_wrap_output_keys
