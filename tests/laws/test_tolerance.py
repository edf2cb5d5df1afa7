"""The numeric checkers never say "holds" wrongly: tolerances per sample and per entry,
non-finite values fail, every argument is validated."""

from __future__ import annotations

import numpy as np
import pytest

import grouprep
from grouprep import GroupRepTypeError, GroupRepValueError, LawViolation
from grouprep.actions import SignalAction
from grouprep.reps import irreps

RNG = np.random.default_rng(7)


def _groups():
    """Signal actions of several groups: cyclic shift, dihedral, S_4 on a set."""
    return [
        grouprep.shift_action(8),
        grouprep.dihedral_action(6),
        grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(4))),
    ]


GROUPS = _groups()
IDS = ["shift", "dihedral", "symmetric"]


def first_entry(X):
    return X[:, :1]


@pytest.mark.parametrize("action", GROUPS, ids=IDS)
def test_one_large_sample_does_not_hide_a_failing_small_one(action):
    n = action.shape[0]
    small = RNG.standard_normal((6, n))
    assert not grouprep.check_invariant(first_entry, action, small).holds
    # a constant sample is invariant under any permutation of sites; at scale 1e10 it
    # used to set the tolerance of the whole batch to 10, so the batch passed
    X = np.concatenate([small, np.full((1, n), 1e10)])
    report = grouprep.check_invariant(first_entry, action, X)
    assert not report.holds
    assert report.counterexample["index"] < 6
    assert 0 < report.max_error < 10
    assert "above its tolerance" in report.counterexample["reason"]
    with pytest.raises(LawViolation):
        grouprep.assert_invariant(first_entry, action, X)
    eq = grouprep.check_equivariant(lambda X: X + X[:, :1], action, action, X)
    assert not eq.holds and eq.counterexample["index"] < 6


@pytest.mark.parametrize("action", GROUPS, ids=IDS)
def test_one_large_output_entry_does_not_hide_a_failing_small_one(action):
    X = RNG.standard_normal((6, action.shape[0]))

    def mixed(X):  # entry 0 is not invariant, entry 1 is invariant and huge
        return np.stack([X[:, 0], 1e10 * (1 + X.sum(axis=1) ** 2)], axis=1)

    report = grouprep.check_invariant(mixed, action, X)
    assert not report.holds
    assert report.counterexample["entry"] == (0,)


@pytest.mark.parametrize("action", GROUPS, ids=IDS)
def test_lawful_functions_still_pass_on_samples_of_very_different_scales(action):
    n = action.shape[0]
    X = RNG.standard_normal((5, n)) * np.array([[1e-6], [1.0], [1e3], [1e8], [1e12]])

    def sort_and_square(X):  # invariant under any permutation of the sites
        s = np.sort(X, axis=1)
        return np.concatenate([s, s**2, s.sum(axis=1, keepdims=True)], axis=1)

    report = grouprep.check_invariant(sort_and_square, action, X)
    assert report.holds, str(report)
    assert grouprep.check_equivariant(lambda X: X**3 - X, action, action, X).holds


def test_integer_outputs_are_compared_exactly():
    shift = grouprep.shift_action(6)
    X = RNG.integers(0, 2, size=(8, 6))

    def off_by_one(X):  # a count near 1e15, plus one where the first site is set
        return X.sum(axis=1) + 10**15 + X[:, 0]

    report = grouprep.check_invariant(off_by_one, shift, X)
    assert not report.holds
    assert "exactly" in report.counterexample["reason"]
    assert grouprep.check_invariant(lambda X: X.sum(axis=1) + 10**15, shift, X).holds


@pytest.mark.parametrize("action", GROUPS, ids=IDS)
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_outputs_fail(action, bad):
    X = RNG.standard_normal((4, action.shape[0]))

    def everywhere(X):
        return np.full((len(X), 3), bad)

    report = grouprep.check_invariant(everywhere, action, X)
    assert not report.holds
    assert report.max_error == np.inf
    assert "not finite" in report.counterexample["reason"]
    assert "not finite" in str(report)

    key = np.sort(X[2])

    def in_sample_two(B):  # invariant, except for a non-finite value in sample 2
        out = np.sort(B, axis=1)
        out[np.isclose(out, key).all(axis=1), 1] = bad
        return out

    report = grouprep.check_invariant(in_sample_two, action, X)
    assert not report.holds and report.counterexample["index"] == 2
    assert report.max_error == np.inf

    eq = grouprep.check_equivariant(lambda X: np.full_like(X, bad), action, action, X)
    assert not eq.holds and eq.max_error == np.inf
    assert "not finite" in eq.counterexample["reason"]
    with pytest.raises(LawViolation, match="not finite"):
        grouprep.assert_equivariant(lambda X: np.full_like(X, bad), action, action, X)


def test_non_finite_through_a_representation_fails():
    G = grouprep.cyclic(4)
    rho = grouprep.reps.regular_representation(G)
    X = RNG.standard_normal((3, 4))
    report = grouprep.check_equivariant(
        lambda X: np.full_like(X, np.inf), grouprep.shift_action(4), rho, X
    )
    assert not report.holds and report.max_error == np.inf


@pytest.mark.parametrize(
    "G", [grouprep.cyclic(4), grouprep.dihedral(3), grouprep.symmetric(3)], ids=str
)
@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_check_functor_with_non_finite_matrices_fails(G, bad):
    everywhere = grouprep.check_functor(lambda g: np.full((2, 2), bad), G)
    assert not everywhere.holds and everywhere.max_error == np.inf
    assert "not finite" in everywhere.counterexample["reason"]

    rho = irreps(G)[0]  # the trivial representation, with one element poisoned
    poisoned = G.element(1)

    def almost(g):
        M = rho.numeric(g)
        return np.full_like(M, bad) if g == poisoned else M

    report = grouprep.check_functor(almost, G)
    assert not report.holds and report.max_error == np.inf
    assert report.counterexample["law"] == "G(ab) = G(a) G(b)"
    assert "not finite" in report.counterexample["reason"]
    with pytest.raises(LawViolation, match="not finite"):
        grouprep.assert_functor(almost, G)


class Drifting(SignalAction):
    """A shift that also adds 1e-6 g: an additive drift breaks (gh).x = g.(h.x)."""

    def act(self, g, x):
        return super().act(g, x) + 1e-6 * g


def test_check_action_compares_each_row_of_a_batch_on_its_own_scale():
    drift = Drifting(
        grouprep.cyclic(4), (4,), lambda g: [(i - g) % 4 for i in range(4)], None, "d"
    )
    small = RNG.standard_normal((5, 4))
    assert not grouprep.check_action(drift, samples=small).holds
    # a constant row at 1e10 used to set the tolerance of the whole batch to 0.08
    X = np.concatenate([small, np.full((1, 4), 1e10)])
    report = grouprep.check_action(drift, samples=X)
    assert not report.holds and report.counterexample["axiom"] == "compatibility"


def test_check_action_with_a_non_finite_image_fails():
    def poison(g, x):
        return np.roll(x, g) * (np.nan if g == 3 else 1.0)

    action = grouprep.action_from_function(grouprep.cyclic(4), poison)
    report = grouprep.check_action(action, samples=[np.ones(4)])
    assert not report.holds and "not finite" in report.counterexample["reason"]


# ------------------------------------------------------------------ argument checks

CHECKERS = {
    "check_invariant": lambda **kw: grouprep.check_invariant(
        lambda X: X.sum(axis=1), grouprep.shift_action(4), np.ones((2, 4)), **kw
    ),
    "check_equivariant": lambda **kw: grouprep.check_equivariant(
        lambda X: X, grouprep.shift_action(4), grouprep.shift_action(4), np.ones((2, 4)), **kw
    ),
    "check_functor": lambda **kw: grouprep.check_functor(
        lambda g: np.eye(2), grouprep.cyclic(3), **kw
    ),
    "check_action": lambda **kw: grouprep.check_action(grouprep.shift_action(4), **kw),
}


@pytest.mark.parametrize("name", CHECKERS)
@pytest.mark.parametrize(
    ("arg", "value", "error"),
    [
        ("rtol", -1e-9, GroupRepValueError),
        ("rtol", float("nan"), GroupRepValueError),
        ("rtol", float("inf"), GroupRepValueError),
        ("rtol", 1.0, GroupRepValueError),
        ("rtol", "1e-9", GroupRepTypeError),
        ("rtol", True, GroupRepTypeError),
        ("rtol", 1e-9j, GroupRepTypeError),
        ("rtol", None, GroupRepTypeError),
        ("atol", -1.0, GroupRepValueError),
        ("atol", float("nan"), GroupRepValueError),
        ("atol", "0", GroupRepTypeError),
        ("rng", "seed", GroupRepTypeError),
        ("rng", 1.5, GroupRepTypeError),
    ],
)
def test_bad_tolerances_and_rng_raise_clear_errors(name, arg, value, error):
    with pytest.raises(error, match=rf"^{name}: argument '{arg}' must be") as info:
        CHECKERS[name](**{arg: value})
    assert not isinstance(info.value, AssertionError)


@pytest.mark.parametrize("name", CHECKERS)
def test_valid_tolerances_are_accepted(name):
    assert CHECKERS[name](rtol=0, atol=0).holds
    assert CHECKERS[name](rtol=np.float32(1e-6), atol=np.int64(1)).holds


@pytest.mark.parametrize(
    ("samples", "error", "match"),
    [
        (-1, GroupRepTypeError, "must be an array of shape"),
        (0, GroupRepTypeError, "must be an array of shape"),
        (2.5, GroupRepTypeError, "must be an array of shape"),
        ("abcd", GroupRepTypeError, "must be an array of shape"),
        ([], GroupRepValueError, "at least one point"),
        (np.zeros((0, 4)), GroupRepValueError, "non-empty batch"),
        (np.array(2.0), GroupRepValueError, "non-empty batch"),
        (np.full((2, 4), np.nan), GroupRepValueError, "NaN or inf"),
        ([np.ones(4), np.array([1.0, np.inf, 0, 0])], GroupRepValueError, "NaN or inf"),
    ],
)
def test_check_action_validates_samples(samples, error, match):
    with pytest.raises(error, match=rf"^check_action: argument 'samples' .*{match}"):
        grouprep.check_action(grouprep.shift_action(4), samples=samples)


@pytest.mark.parametrize(
    ("samples", "error"),
    [
        ([[1.0, 2.0, 3.0, 4.0], [1.0]], GroupRepValueError),  # ragged
        (np.array([["a"] * 4]), GroupRepTypeError),
        (np.array([[None] * 4]), GroupRepTypeError),
        (np.ones((0, 4)), GroupRepValueError),
    ],
)
@pytest.mark.parametrize("name", ["check_invariant", "check_equivariant"])
def test_numeric_checkers_validate_samples(name, samples, error):
    shift = grouprep.shift_action(4)
    args = (shift, samples) if name == "check_invariant" else (shift, shift, samples)
    with pytest.raises(error, match=rf"^{name}: argument 'samples'"):
        getattr(grouprep, name)(lambda X: X, *args)


def test_outputs_that_are_not_numbers_are_refused():
    shift = grouprep.shift_action(4)
    with pytest.raises(GroupRepTypeError, match=r"check_invariant: f\(g.x\) must be numbers"):
        grouprep.check_invariant(lambda X: np.array([["a"]] * len(X)), shift, np.ones((2, 4)))
    with pytest.raises(GroupRepValueError, match="check_invariant: the output of argument 'f'"):
        grouprep.check_invariant(lambda X: [[1.0], [1.0, 2.0]], shift, np.ones((2, 4)))
    with pytest.raises(GroupRepTypeError, match=r"check_functor: G\(0\) must be numbers"):
        grouprep.check_functor(lambda g: np.array([["a"]]), grouprep.cyclic(2))
    with pytest.raises(GroupRepValueError, match="'G_map' must return matrices of one shape"):
        grouprep.check_functor(lambda g: np.eye(2 + g), grouprep.cyclic(2))


def test_other_checkers_validate_rng_even_when_exhaustive():
    with pytest.raises(GroupRepTypeError, match="check_group_axioms: argument 'rng'"):
        grouprep.check_group_axioms(grouprep.cyclic(3), rng="seed")
    with pytest.raises(GroupRepTypeError, match="check_homomorphism: argument 'rng'"):
        grouprep.check_homomorphism(irreps(grouprep.cyclic(3))[0], rng="seed")


@pytest.mark.parametrize(
    ("value", "error"),
    [(-1, GroupRepValueError), (2.5, GroupRepTypeError), ("yes", GroupRepTypeError)],
)
@pytest.mark.parametrize("name", ["check_invariant", "check_equivariant"])
def test_bad_shrink_raises_a_clear_error(name, value, error):
    shift = grouprep.shift_action(4)
    args = (
        (shift, np.ones((2, 4))) if name == "check_invariant" else (shift, shift, np.ones((2, 4)))
    )
    with pytest.raises(error, match=rf"^{name}: argument 'shrink'"):
        getattr(grouprep, name)(lambda X: X, *args, shrink=value)


def test_a_featurizer_whose_features_overflow_does_not_hold():
    # finite input at 1e150: the bispectrum (a cubic) overflows to inf; the check used
    # to say "holds" with max_error -1. The featurizer refuses overflowed features before
    # any law is compared, and the law checker fails on them on its own
    X = np.random.default_rng(0).standard_normal((6, 8)) * 1e150
    featurizer = grouprep.Bispectrum().fit(X[:1])
    with pytest.raises(GroupRepValueError, match="overflowed float64"):
        featurizer.check(X)
    with np.errstate(over="ignore", invalid="ignore"):
        report = grouprep.check_invariant(
            lambda B: np.asarray(B, dtype=float) ** 3, grouprep.shift_action(8), X
        )
    assert not report.holds and report.max_error == np.inf
    assert "not finite" in report.counterexample["reason"]
