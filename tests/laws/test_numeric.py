"""Numeric law checks: lawful functions pass, deliberately broken ones are caught."""

from __future__ import annotations

import numpy as np
import pytest

import grouprep
from grouprep import GroupRepTypeError, GroupRepValueError, LawViolation
from grouprep.reps import irreps, real_irreps

RNG = np.random.default_rng(0)
X8 = RNG.standard_normal((12, 8))


def power_spectrum(X):
    return np.abs(np.fft.fft(X, axis=-1)) ** 2


def test_power_spectrum_is_shift_invariant_and_a_window_is_not():
    shift = grouprep.shift_action(8)
    report = grouprep.check_invariant(power_spectrum, shift, X8)
    assert report.holds and report.exhaustive and report.checked == 8 * 12
    assert report.max_error < 1e-9 * np.abs(power_spectrum(X8)).max()
    broken = grouprep.check_invariant(lambda X: X[:, :3].sum(axis=1), shift, X8)
    assert not broken.holds
    ce = broken.counterexample
    assert ce["g"] != 0 and 0 <= ce["index"] < 12
    with pytest.raises(LawViolation, match="invariance"):
        grouprep.assert_invariant(lambda X: X[:, 0], shift, X8)


def test_tiny_perturbations_are_caught_relative_to_the_data():
    shift = grouprep.shift_action(8)
    big = X8 * 1e6

    def almost(X):  # invariant up to a relative error of 1e-6
        return power_spectrum(X) * (1 + 1e-6 * X[:, :1])

    assert grouprep.check_invariant(power_spectrum, shift, big).holds
    assert not grouprep.check_invariant(almost, shift, X8).holds


def test_circular_convolution_is_equivariant_and_a_nonlinear_map_too():
    shift = grouprep.shift_action(8)
    kernel = RNG.standard_normal(8)

    def conv(X):
        return np.real(np.fft.ifft(np.fft.fft(X, axis=-1) * np.fft.fft(kernel), axis=-1))

    assert grouprep.check_equivariant(conv, shift, shift, X8).holds
    assert grouprep.check_equivariant(lambda X: np.maximum(X, 0), shift, shift, X8).holds
    broken = grouprep.check_equivariant(lambda X: np.cumsum(X, axis=-1), shift, shift, X8)
    assert not broken.holds


def test_covariance_of_the_first_fourier_phase_through_a_representation():
    # the first Fourier coefficient picks up chi_1(g)^-1 under a shift: f(g.x) = rho(g) f(x)
    # with rho the real 2x2 rotation by -2 pi g / 8, written as a representation of Z_8
    n = 8
    G = grouprep.cyclic(n)
    rho = real_irreps(G)[-1 if n % 2 else 2]  # the rotation block for k = 1
    assert rho.dim == 2

    def first_mode(X):
        c = np.fft.fft(X, axis=-1)[:, 1]
        return np.stack([c.real, -c.imag], axis=1)  # the conjugate: rotates by +2 pi g / n

    report = grouprep.check_equivariant(first_mode, grouprep.shift_action(n), rho, X8)
    assert report.holds, str(report)


def test_bounding_box_position_is_covariant():
    # the seed's bounding-box covariance in 1-D: the position of a pattern moves with the shift
    n = 10
    X = np.zeros((n, n))
    for i in range(n):
        X[i, i] = 1.0  # a single bright pixel at position i
    position = grouprep.permutation_action(grouprep.cyclic(n))

    def locate(X):
        return np.argmax(X, axis=-1)

    report = grouprep.check_equivariant(locate, grouprep.shift_action(n), position, X)
    assert report.holds


def test_functor_law():
    G = grouprep.dihedral(5)
    good = irreps(G)[-1]
    assert grouprep.check_functor(good.numeric, G).holds
    report = grouprep.check_functor(lambda g: good.numeric(g).T, G)  # transpose breaks it
    assert not report.holds
    assert report.counterexample["law"] == "G(ab) = G(a) G(b)"
    not_identity = grouprep.check_functor(lambda g: 2 * good.numeric(g), G)
    assert not not_identity.holds and not_identity.counterexample["law"] == "G(e) = I"
    with pytest.raises(LawViolation, match="functor law"):
        grouprep.assert_functor(lambda g: good.numeric(g).T, G)


def test_large_groups_are_sampled_with_a_seed():
    a = grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(6)))
    X = RNG.standard_normal((4, 6))
    r1 = grouprep.check_invariant(lambda X: np.sort(X, axis=-1), a, X, rng=1)
    r2 = grouprep.check_invariant(lambda X: np.sort(X, axis=-1), a, X, rng=1)
    assert r1.holds and not r1.exhaustive and r1 == r2


def test_bad_input():
    shift = grouprep.shift_action(8)
    with pytest.raises(GroupRepValueError, match="one row per input"):
        grouprep.check_invariant(lambda X: X.sum(), shift, X8)
    with pytest.raises(GroupRepValueError, match="NaN or inf"):
        grouprep.check_invariant(power_spectrum, shift, np.full((2, 8), np.nan))
    with pytest.raises(GroupRepValueError, match="non-empty"):
        grouprep.check_invariant(power_spectrum, shift, np.zeros((0, 8)))
    with pytest.raises(GroupRepTypeError, match="callable"):
        grouprep.check_invariant(3, shift, X8)
    with pytest.raises(GroupRepTypeError, match="grouprep action"):
        grouprep.check_invariant(power_spectrum, "shift", X8)
    with pytest.raises(GroupRepValueError, match="same group"):
        grouprep.check_equivariant(power_spectrum, shift, grouprep.shift_action(4), X8)
    with pytest.raises(GroupRepValueError, match="square matrices"):
        grouprep.check_functor(lambda g: np.zeros(3), grouprep.cyclic(2))


# --------------------------------------------- moved batches stacked into few calls of f
def counting(f):
    calls = []

    def wrapped(X):
        calls.append(len(X))
        return f(X)

    return wrapped, calls


def test_moved_batches_of_all_elements_go_through_one_call():
    # S_4 permuting 4 sites: 24 elements, one call for f(X) and one for all g.X stacked
    action = grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(4)))
    X = np.random.default_rng(1).standard_normal((5, 4))
    f, calls = counting(lambda X: np.sort(X, axis=1))
    assert grouprep.check_invariant(f, action, X).holds
    assert calls == [5, 24 * 5]
    g, calls = counting(lambda X: X.copy())
    assert grouprep.check_equivariant(g, action, action, X).holds
    assert calls == [5, 24 * 5]


def test_stacked_and_chunked_calls_report_what_one_call_per_element_reports(monkeypatch):
    # a function that is not invariant: the worst counterexample and max_error do not
    # depend on how the moved batches are grouped into calls
    import grouprep.laws._numeric as numeric

    action = grouprep.dihedral_action(6)
    X = np.random.default_rng(2).standard_normal((7, 6))
    weights = np.arange(1.0, 7.0)

    def f(X):
        return X @ weights

    expected_error, expected_g = 0.0, None
    worst_ratio = -1.0
    for h in action.group.elements():  # one call per element, by hand
        moved = f(action.act(h, X))
        err = np.abs(moved - f(X))
        expected_error = max(expected_error, float(err.max()))
        ratio = float((err / np.maximum(np.abs(moved), np.abs(f(X)))).max())
        if ratio > worst_ratio and err.max() > 0:
            worst_ratio, expected_g = ratio, h
    reports = []
    for entries in (1 << 22, 13, 1):  # one stacked call; chunks of 2 elements; 1 element
        monkeypatch.setattr(numeric, "_STACK_ENTRIES", entries)
        reports.append(grouprep.check_invariant(f, action, X, shrink=False))
    for report in reports:
        assert not report.holds
        assert report.max_error == pytest.approx(expected_error, rel=1e-12)
        assert report.counterexample["g"] == reports[0].counterexample["g"]
        assert report.counterexample["index"] == reports[0].counterexample["index"]
    assert expected_g is not None


# ------------------- functions that are not row-wise: the verdict of one call per element
def by_hand(f, action, X, action_out=None):
    """max |f(g.X) - R| over all elements, f called on one moved batch at a time, with
    R = f(X) (invariance) or g.f(X) (equivariance)."""
    base = f(X)
    worst = 0.0
    for g in action.group.elements():
        right = base if action_out is None else action_out.act(g, base)
        worst = max(worst, float(np.abs(f(action.act(g, X)) - right).max()))
    return worst


def centred_power(X):  # batch statistics: centred by the mean sample of the batch
    return power_spectrum(X - X.mean(axis=0))


def sorted_column_sums(X):  # one invariant row, repeated for every sample of the batch
    return np.tile(np.sort(X.sum(axis=0)), (len(X), 1))


def sorted_over_batch_size(X):  # depends on the number of samples in the call
    return np.sort(X, axis=1) / len(X)


@pytest.mark.parametrize("f", [centred_power, sorted_column_sums, sorted_over_batch_size])
def test_an_invariant_function_using_batch_statistics_holds(f):
    shift = grouprep.shift_action(8)
    assert by_hand(f, shift, X8) < 1e-12 * np.abs(f(X8)).max()  # invariant per batch
    report = grouprep.check_invariant(f, shift, X8)
    assert report.holds and report.exhaustive and report.checked == 8 * 12
    assert report.max_error <= 1e-12 * np.abs(f(X8)).max()


def test_an_equivariant_function_using_batch_statistics_holds():
    def centre(X):
        return X - X.mean(axis=0)

    for action in (grouprep.shift_action(8), grouprep.dihedral_action(8)):
        assert by_hand(centre, action, X8, action) < 1e-13
        report = grouprep.check_equivariant(centre, action, action, X8)
        assert report.holds and report.checked == action.group.order * 12


def test_a_function_using_batch_statistics_that_is_not_invariant_is_caught():
    shift = grouprep.shift_action(8)

    def centre(X):
        return X - X.mean(axis=0)

    for f in (centre, lambda X: np.tile(X.sum(axis=0), (len(X), 1))):
        expected = by_hand(f, shift, X8)
        assert expected > 0.1
        report = grouprep.check_invariant(f, shift, X8, shrink=False)
        assert not report.holds
        assert report.max_error == pytest.approx(expected, rel=1e-12)
        assert report.counterexample["g"] != 0
        assert "above its tolerance" in report.counterexample["reason"]


def test_a_gram_matrix_gets_a_verdict_not_a_shape_error():
    # f(X) = X X^T has one row per sample but m columns: a stacked call of k batches
    # would return (k m, k m)
    def gram(X):
        return X @ X.T

    for action in (grouprep.shift_action(8), grouprep.dihedral_action(8)):
        report = grouprep.check_invariant(gram, action, X8)
        assert report.holds and report.exhaustive
        assert report.checked == action.group.order * 12
    weights = np.diag(np.arange(1.0, 9.0))  # X W X^T: W is not circulant, not invariant

    def weighted(X):
        return X @ weights @ X.T

    shift = grouprep.shift_action(8)
    expected = by_hand(weighted, shift, X8)
    report = grouprep.check_invariant(weighted, shift, X8, shrink=False)
    assert not report.holds
    assert report.max_error == pytest.approx(expected, rel=1e-12)
    assert report.counterexample["g"] != 0
    assert report.counterexample["f(g.x)"].shape == (12,)
    assert "above its tolerance" in report.counterexample["reason"]


def test_a_function_taking_one_batch_size_only_is_called_once_per_element():
    shift = grouprep.shift_action(8)

    def fixed_batch(X):
        if len(X) != 12:
            raise ValueError(f"this model takes batches of 12 samples, got {len(X)}")
        return power_spectrum(X)

    f, calls = counting(fixed_batch)
    report = grouprep.check_invariant(f, shift, X8)
    assert report.holds and report.checked == 8 * 12
    assert calls == [12, 8 * 12] + [12] * 8  # f(X), the refused stacked call, each g.X

    def window(X):  # not invariant: still caught
        fixed_batch(X)
        return X[:, :3]

    report = grouprep.check_invariant(window, shift, X8, shrink=False)
    assert not report.holds and report.counterexample["g"] != 0
    assert report.max_error == pytest.approx(by_hand(window, shift, X8), rel=1e-12)


def test_a_row_wise_function_keeps_one_stacked_call_when_the_group_is_sampled():
    # S_6 on 6 sites: 720 elements, so the generators and 256 random ones; the samples
    # unmoved join the stacked call unless an element fixes them
    action = grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(6)))
    X = np.random.default_rng(3).standard_normal((5, 6))
    f, calls = counting(lambda X: np.sort(X, axis=1))
    report = grouprep.check_invariant(f, action, X)
    assert report.holds and not report.exhaustive
    n = report.checked // 5
    assert len(calls) == 2 and calls[0] == 5 and calls[1] in (n * 5, (n + 1) * 5)
