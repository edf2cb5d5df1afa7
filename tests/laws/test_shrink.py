"""Numeric law checks report a shrunk counterexample: a generator and a simpler input."""

from __future__ import annotations

import numpy as np
import pytest

import grouprep


def test_broken_invariant_on_real_signals_shrinks_to_a_unit_vector():
    X = np.random.default_rng(0).standard_normal((30, 6))
    action = grouprep.shift_action(6)
    report = grouprep.check_invariant(lambda X: X[:, :2].sum(axis=1), action, X)
    assert not report.holds
    shrunk = report.counterexample["shrunk"]
    assert shrunk["g"] in action.group.generators
    x = shrunk["x"]
    assert np.count_nonzero(x) == 1 and set(np.abs(x[x != 0])) == {1.0}
    # the shrunk instance really fails
    f = lambda X: X[:, :2].sum(axis=1)  # noqa: E731
    moved = f(action.act(shrunk["g"], x[None]))[0]
    assert moved != f(x[None])[0]


def test_broken_invariant_on_bit_strings_shrinks():
    X = np.random.default_rng(1).integers(0, 2, size=(50, 8))
    action = grouprep.shift_action(8)

    def weighted(X):  # depends on positions: not invariant
        return X @ np.arange(8)

    report = grouprep.check_invariant(weighted, action, X)
    assert not report.holds
    x = report.counterexample["shrunk"]["x"]
    assert np.count_nonzero(x) == 1


def test_broken_equivariance_shrinks_and_correct_laws_report_no_shrink():
    action = grouprep.shift_action(5)
    X = np.random.default_rng(2).standard_normal((10, 5))
    bad = grouprep.check_equivariant(lambda X: X**2 + X[:, :1], action, action, X)
    assert not bad.holds
    shrunk = bad.counterexample["shrunk"]
    assert np.count_nonzero(shrunk["x"]) <= 1
    good = grouprep.check_equivariant(lambda X: X**3, action, action, X)
    assert good.holds and good.counterexample is None


def test_failure_only_at_large_inputs_keeps_a_failing_instance():
    # breaks only where |x_0| > 1.5: zeroing or signs would hide it, so x stays failing
    X = np.random.default_rng(3).standard_normal((40, 4)) * 3
    action = grouprep.shift_action(4)
    f = lambda X: np.sort(X, axis=1).sum(axis=1) + (np.abs(X[:, 0]) > 1.5)  # noqa: E731
    report = grouprep.check_invariant(f, action, X)
    assert not report.holds
    shrunk = report.counterexample["shrunk"]
    x, g = shrunk["x"], shrunk["g"]
    assert f(action.act(g, x[None]))[0] != f(x[None])[0]


class Counting:
    """A non-invariant image feature that counts the rows it is evaluated on."""

    def __init__(self):
        self.rows = 0

    def __call__(self, X):
        self.rows += len(X)
        X = np.asarray(X)
        return X.reshape(len(X), -1)[:, :4].sum(axis=1)  # the top-left corner: not invariant


IMAGE_ACTIONS = {
    "translations of 32x32": grouprep.translation_action((32, 32)),
    "shifts of 1024": grouprep.shift_action(1024),
    "dihedral of 1024": grouprep.dihedral_action(1024),
}


@pytest.mark.parametrize("name", IMAGE_ACTIONS)
def test_shrinking_is_bounded_by_the_number_of_evaluations(name):
    action = IMAGE_ACTIONS[name]
    X = np.random.default_rng(0).standard_normal((8, *action.shape))
    off = Counting()
    report = grouprep.check_invariant(off, action, X, shrink=False)
    assert not report.holds and "shrunk" not in report.counterexample
    base = off.rows  # the check itself: f on X and on g . X for every element
    for shrink, bound in [(0, 0), (1, 1), (25, 25), (True, 200)]:
        f = Counting()
        report = grouprep.check_invariant(f, action, X, shrink=shrink)
        assert not report.holds
        assert f.rows - base <= 2 * bound  # each candidate: f on x and on g . x
    # with the default budget the corner is found: a failing instance with few entries
    shrunk = report.counterexample["shrunk"]
    x, g = shrunk["x"], shrunk["g"]
    assert np.count_nonzero(x) <= 4
    assert Counting()(action.act(g, x[None]))[0] != Counting()(x[None])[0]


def test_shrinking_of_equivariance_is_bounded_too():
    action = grouprep.translation_action((32, 32))
    X = np.random.default_rng(1).standard_normal((4, 32, 32))
    calls = []

    def f(X):
        calls.append(len(X))
        return X + X[:, :1, :1]  # adds the corner pixel everywhere: not equivariant

    report = grouprep.check_equivariant(f, action, action, X, shrink=False)
    base = sum(calls)
    calls.clear()
    report = grouprep.check_equivariant(f, action, action, X, shrink=10)
    assert not report.holds and sum(calls) - base <= 2 * 10


def test_an_f_that_rejects_single_samples_does_not_break_the_check():
    action = grouprep.shift_action(6)
    X = np.random.default_rng(2).standard_normal((5, 6))

    def batch_only(X):
        if len(X) < 5:
            raise ValueError("needs a batch of 5")
        return X[:, :2].sum(axis=1)

    report = grouprep.check_invariant(batch_only, action, X)
    assert not report.holds and "shrunk" not in report.counterexample
