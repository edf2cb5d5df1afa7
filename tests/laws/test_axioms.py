"""The law checkers must pass lawful structures and catch broken ones."""

from __future__ import annotations

import numpy as np
import pytest

import grouprep
from grouprep import GroupRepTypeError, GroupRepValueError, LawViolation
from grouprep.groups import CyclicGroup


class SubtractionMod(CyclicGroup):
    """Z_n with a - b in place of a + b: not associative, no two-sided identity."""

    def _compose(self, a: int, b: int) -> int:
        return (a - b) % self.n


class WrongInverse(CyclicGroup):
    def _inverse(self, a: int) -> int:
        return a


def test_check_group_axioms_catches_non_associativity():
    report = grouprep.check_group_axioms(SubtractionMod(5))
    assert not report.holds
    assert report.counterexample["axiom"] == "associativity"
    a, b, c = (report.counterexample[k] for k in "abc")
    assert ((a - b) - c) % 5 != (a - (b - c)) % 5


def test_check_group_axioms_catches_a_wrong_inverse():
    report = grouprep.check_group_axioms(WrongInverse(4))
    assert not report.holds
    assert report.counterexample == {"axiom": "inverse", "a": 1, "inverse": 1}


def test_sampled_checks_are_seeded():
    G = grouprep.symmetric(7)
    first = grouprep.check_group_axioms(G, samples=50, rng=3)
    second = grouprep.check_group_axioms(G, samples=50, rng=3)
    assert first == second
    assert first.holds and not first.exhaustive and first.checked == 50
    broken = grouprep.check_group_axioms(SubtractionMod(101), samples=200)
    assert not broken.holds and not broken.exhaustive


def test_assert_group_axioms_raises_with_the_counterexample():
    with pytest.raises(LawViolation, match="associativity") as info:
        grouprep.assert_group_axioms(SubtractionMod(3))
    assert isinstance(info.value, AssertionError)
    assert info.value.report.holds is False
    report = grouprep.assert_group_axioms(grouprep.cyclic(3))
    assert report.holds


def test_check_action_catches_a_broken_identity():
    action = grouprep.action_from_function(
        grouprep.cyclic(3), lambda g, x: (x + 1) % 3, points=range(3)
    )
    report = grouprep.check_action(action)
    assert not report.holds
    assert report.counterexample["axiom"] == "identity"


def test_check_action_catches_broken_compatibility():
    # g . x = x + g^2 fixes the identity but (g + h)^2 != g^2 + h^2 mod 4
    action = grouprep.action_from_function(
        grouprep.cyclic(4), lambda g, x: (x + g * g) % 4, points=range(4)
    )
    report = grouprep.check_action(action)
    assert not report.holds
    ce = report.counterexample
    assert ce["axiom"] == "compatibility"
    g, h, x = ce["g"], ce["h"], ce["x"]
    assert (x + (g + h) % 4 * ((g + h) % 4)) % 4 != (x + h * h + g * g) % 4
    with pytest.raises(LawViolation, match="compatibility"):
        grouprep.assert_action(action)


def test_check_action_catches_points_leaving_the_set():
    action = grouprep.action_from_function(grouprep.cyclic(3), lambda g, x: x + g, points=range(3))
    report = grouprep.check_action(action)
    assert not report.holds
    assert report.counterexample["axiom"] == "closure"


def test_check_action_on_numeric_samples_reports_the_error():
    c = 1.0 + 1e-6

    def drifting(g, x):
        return np.roll(x, g, axis=-1) * c**g

    action = grouprep.action_from_function(grouprep.cyclic(4), drifting)
    X = np.random.default_rng(0).standard_normal((5, 4))
    report = grouprep.check_action(action, samples=[X])
    assert not report.holds
    assert report.counterexample["axiom"] == "compatibility"
    assert report.max_error > 1e-7

    lawful = grouprep.action_from_function(grouprep.cyclic(4), lambda g, x: np.roll(x, g, axis=-1))
    good = grouprep.check_action(lawful, samples=[X])
    assert good.holds and good.max_error == 0.0


def test_check_action_default_samples_for_real_signals():
    report = grouprep.check_action(grouprep.dihedral_action(6))
    assert report.holds and report.exhaustive
    assert report.checked == (1 + 12 * 12) * 16  # identity + all pairs, on 16 signals


def test_report_is_printable():
    text = str(grouprep.check_action(grouprep.shift_action(3, alphabet=2)))
    assert text.startswith("action axioms of shift_action(3, alphabet=2): holds")
    bad = grouprep.check_group_axioms(WrongInverse(4))
    assert "FAILS" in str(bad) and "counterexample: axiom='inverse'" in str(bad)


def test_bad_input_to_checkers():
    with pytest.raises(GroupRepTypeError, match="'G' must be a grouprep FiniteGroup"):
        grouprep.check_group_axioms("Z3")
    with pytest.raises(GroupRepValueError, match="'samples' must be an int >= 1"):
        grouprep.check_group_axioms(grouprep.cyclic(3), samples=0)
    with pytest.raises(GroupRepTypeError, match="'action' must have a 'group'"):
        grouprep.check_action(object())
    infinite = grouprep.action_from_function(grouprep.cyclic(2), lambda g, x: x)
    with pytest.raises(GroupRepValueError, match="'samples' is required"):
        grouprep.check_action(infinite)


def _square_shift(g: int) -> list[int]:
    """Sites moved by g^2 instead of g: a permutation for each g, not an action of Z_4."""
    return [(i - g * g) % 4 for i in range(4)]


def test_check_action_on_all_points_of_a_signal_action_catches_broken_compatibility():
    """The default samples of a finite signal action (every point, as one batch)."""
    from grouprep.actions import SignalAction

    broken = SignalAction(grouprep.cyclic(4), (4,), _square_shift, alphabet=2, name="square")
    report = grouprep.check_action(broken)
    assert not report.holds
    ce = report.counterexample
    assert ce["axiom"] == "compatibility"
    g, h = ce["g"], ce["h"]
    assert ((g + h) % 4) ** 2 % 4 != (g * g + h * h) % 4
    lawful = grouprep.check_action(grouprep.dihedral_action(6, alphabet=3))
    assert lawful.holds and lawful.exhaustive
    assert lawful.checked == (1 + 12**2) * 3**6  # identity, then every pair, on every point
