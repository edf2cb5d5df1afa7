"""Actions are values: they pickle (also with joblib), copy, deep-copy and clone.

After each round trip the action must compare equal and act the same: ``act(g, X)`` is
compared on a random batch for every element g of the group, and finite actions list the
same points in the same order. The round trip goes through the constructor call, so the
pickle is small and holds no cache.
"""

from __future__ import annotations

import copy
import pickle
from typing import Any

import numpy as np
import pytest
from sklearn.base import BaseEstimator, clone

import grouprep
from grouprep import GroupRepTypeError
from grouprep.actions import BaseAction, SignalAction

joblib = pytest.importorskip("joblib")


def _negate(g: int, x: int) -> int:  # a module-level function pickles by reference
    return -x if g else x


def _rotate4(g: int) -> list[int]:
    return [(i + g) % 4 for i in range(4)]


def _three_cycle(g: Any, x: Any) -> Any:
    return np.asarray(grouprep.cyclic(3)._as_permutation(g))[np.asarray(x)]


S3, D4, Z6 = grouprep.symmetric(3), grouprep.dihedral(4), grouprep.cyclic(6)
PRODUCT = grouprep.direct_product(grouprep.cyclic(2), grouprep.symmetric(3))

ACTIONS = [
    grouprep.shift_action(6),
    grouprep.shift_action(5, alphabet=3),
    grouprep.dihedral_action(5, alphabet=2),
    grouprep.translation_action((3, 4)),
    grouprep.permutation_action(S3),
    grouprep.permutation_action(PRODUCT),
    grouprep.permutation_action(grouprep.alternating(4)),
    grouprep.regular_action(D4),
    grouprep.regular_action(PRODUCT),
    grouprep.signal_action(grouprep.permutation_action(S3)),
    grouprep.signal_action(grouprep.permutation_action(D4), alphabet=2),
    grouprep.signal_action(grouprep.regular_action(Z6), alphabet=2),
    grouprep.signal_action(grouprep.regular_action(D4)),
    grouprep.signal_action(grouprep.permutation_action(PRODUCT), alphabet=2),
    grouprep.signal_action(grouprep.permutation_action(grouprep.abelian(2, 3))),
    grouprep.c4_action(3),
    grouprep.d4_action(4, alphabet=2),
    grouprep.p4_action(3),
    grouprep.p4m_action(2, alphabet=2),
    grouprep.set_action(4, 2),
    grouprep.set_action(3, 1, alphabet=2, group=grouprep.cyclic(3)),
    grouprep.graph_action(4),
    grouprep.graph_action(3, alphabet=2, group=grouprep.alternating(3)),
    grouprep.edge_action(4, alphabet=2),
    grouprep.bit_flip_action(),
    grouprep.colour_permutation_action(3),
    grouprep.site_value_action(grouprep.shift_action(5, alphabet=2), grouprep.bit_flip_action()),
    grouprep.site_value_action(
        grouprep.d4_action(2, alphabet=3), grouprep.colour_permutation_action(3)
    ),
    grouprep.action_from_function(grouprep.cyclic(2), _negate, points=[-1, 1]),
    grouprep.signal_action(
        grouprep.action_from_function(grouprep.cyclic(3), _three_cycle, points=[0, 1, 2])
    ),
    SignalAction(grouprep.cyclic(4), (4,), _rotate4, 2, "rot4"),
]


def _batch(action: Any, rng: np.random.Generator) -> Any:
    """A batch of inputs the action accepts, drawn at random."""
    if hasattr(action, "shape"):
        k = getattr(action, "alphabet", None)
        shape = (5, *action.shape)
        return rng.integers(0, k, shape) if k else rng.standard_normal(shape)
    pts = action.points()
    return [pts[i] for i in rng.integers(0, len(pts), 5)]


def _same_behaviour(a: Any, b: Any) -> None:
    assert type(a) is type(b)
    assert a == b and hash(a) == hash(b) and repr(a) == repr(b)
    assert a.group == b.group
    rng = np.random.default_rng(7)
    X = _batch(a, rng)
    for g in a.group.elements():
        if isinstance(X, list):
            assert [a.act(g, x) for x in X] == [b.act(g, x) for x in X]
        else:
            np.testing.assert_array_equal(a.act(g, X), b.act(g, X))
    if a.is_finite:
        assert a.points() == b.points()


def _pickle(a: Any, tmp_path: Any) -> Any:
    return pickle.loads(pickle.dumps(a))


def _joblib(a: Any, tmp_path: Any) -> Any:
    path = tmp_path / "action.joblib"
    joblib.dump(a, path)
    return joblib.load(path)


def _deepcopy(a: Any, tmp_path: Any) -> Any:
    return copy.deepcopy(a)


def _copy(a: Any, tmp_path: Any) -> Any:
    return copy.copy(a)


class Holder(BaseEstimator):  # type: ignore[misc]
    """The smallest estimator with an action among its parameters."""

    def __init__(self, action: Any = None, scale: float = 1.0) -> None:
        self.action = action
        self.scale = scale


def _clone(a: Any, tmp_path: Any) -> Any:
    return clone(Holder(action=a, scale=2.0)).get_params()["action"]


@pytest.mark.parametrize(
    "round_trip", [_pickle, _joblib, _copy, _deepcopy, _clone], ids=lambda f: f.__name__[1:]
)
@pytest.mark.parametrize("action", ACTIONS, ids=repr)
def test_round_trip_keeps_the_action(action: Any, round_trip: Any, tmp_path: Any) -> None:
    _same_behaviour(action, round_trip(action, tmp_path))


@pytest.mark.parametrize("action", ACTIONS, ids=repr)
def test_pickle_is_the_constructor_call_without_caches(action: Any) -> None:
    before = len(pickle.dumps(action))
    # fill the caches: gather tables, point lists, element lists, conjugacy classes
    action.group.elements()
    action.group.conjugacy_classes()
    if action.is_finite and action.num_points <= 4096:
        action.points()
        for g in action.group.generators:
            action.permutation(g)
    if isinstance(action, SignalAction):
        action.gather_table()
    assert len(pickle.dumps(action)) == before
    ctor, args = action.__reduce__()[:2]
    assert ctor(*args) == action


def test_pickled_action_rebuilds_a_large_group_from_its_generators() -> None:
    # p4m on 16 x 16 images: 2048 elements of degree 260; the pickle is the call p4m_action(16)
    a = grouprep.p4m_action(16)
    a.gather_table()
    data = pickle.dumps(a)
    assert len(data) < 200
    b = pickle.loads(data)
    assert b.group.order == 8 * 16**2
    X = np.random.default_rng(0).standard_normal((3, 16, 16))
    g = grouprep.image_symmetry(16, shift=(3, 5), rotation=1, mirror=True)
    np.testing.assert_array_equal(
        b.act(g, X), np.roll(np.rot90(np.flip(X, -1), 1, (1, 2)), (3, 5), (1, 2))
    )


def test_signal_action_of_different_functions_are_different_values() -> None:
    # the repr of both is the same; equality must not go by the repr
    G = grouprep.cyclic(3)
    pts = [0, 1, 2]
    a = grouprep.signal_action(grouprep.action_from_function(G, _three_cycle, pts))
    b = grouprep.signal_action(
        grouprep.action_from_function(G, lambda g, x: (x + 2 * g) % 3, pts)  # the inverse
    )
    assert repr(a).split("(")[0] == repr(b).split("(")[0]
    assert a != b
    assert not np.array_equal(a.act(1, np.arange(3)), b.act(1, np.arange(3)))


def test_lambda_action_refuses_pickle_with_a_clear_error() -> None:
    a = grouprep.action_from_function(grouprep.cyclic(2), lambda g, x: -x if g else x, [-1, 1])
    with pytest.raises(GroupRepTypeError, match=r"cannot be pickled: its function '\S*<lambda>'"):
        pickle.dumps(a)
    with pytest.raises(GroupRepTypeError, match="define the function at module level"):
        joblib.dump(a, "/dev/null")
    # copying needs no pickling: the deep copy and the clone are the action itself
    assert copy.deepcopy(a) is a
    assert clone(Holder(action=a)).action is a


def test_nested_function_signal_action_refuses_pickle() -> None:
    def local_rotate(g: int) -> list[int]:
        return [(i + g) % 4 for i in range(4)]

    a = SignalAction(grouprep.cyclic(4), (4,), local_rotate, None, "local")
    with pytest.raises(GroupRepTypeError, match="site_permutation 'test_nested"):
        pickle.dumps(a)
    lifted = grouprep.signal_action(
        grouprep.action_from_function(grouprep.cyclic(2), lambda g, x: x, [0, 1])
    )
    with pytest.raises(GroupRepTypeError, match="cannot be pickled"):
        pickle.dumps(lifted)


def test_unpickled_action_still_validates() -> None:
    b = pickle.loads(pickle.dumps(grouprep.p4_action(3, alphabet=2)))
    with pytest.raises(grouprep.NotAnElementError):
        b.act(grouprep.image_symmetry(3, mirror=True), np.zeros((3, 3), dtype=int))
    with pytest.raises(grouprep.GroupRepValueError, match=r"symbols in 0\.\.1"):
        b.act(b.group.identity, np.full((3, 3), 2))


def test_all_grouprep_action_classes_are_covered() -> None:
    classes = {type(a) for a in ACTIONS}
    assert classes >= {
        cls
        for cls in vars(grouprep.actions).values()
        if isinstance(cls, type) and issubclass(cls, BaseAction) and cls is not BaseAction
    }
