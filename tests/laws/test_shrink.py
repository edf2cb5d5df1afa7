"""Numeric law checks report a shrunk counterexample: a generator and a simpler input."""

from __future__ import annotations

import numpy as np

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
