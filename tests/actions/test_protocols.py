"""Runtime protocol checks must answer, not raise, for actions without finite points."""

import grouprep


def test_infinite_actions_are_not_finite_actions():
    assert not isinstance(grouprep.shift_action(5), grouprep.FiniteAction)
    assert isinstance(grouprep.shift_action(5), grouprep.Action)
    f = grouprep.action_from_function(grouprep.cyclic(2), lambda g, x: x)
    assert not isinstance(f, grouprep.FiniteAction)
    g = grouprep.action_from_function(grouprep.cyclic(2), lambda g, x: x, points=[0])
    assert isinstance(g, grouprep.FiniteAction)
