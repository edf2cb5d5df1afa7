"""Actions refuse points outside their set and constructors refuse inconsistent arguments."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

import grouprep
from grouprep import GroupRepTypeError, GroupRepValueError
from grouprep.actions import FunctionAction, PermutationAction, RegularAction, SignalAction
from grouprep.errors import SizeLimitError

FINITE_ACTIONS = [
    grouprep.shift_action(8, alphabet=2),
    grouprep.dihedral_action(8, alphabet=2),
    grouprep.translation_action((2, 4), alphabet=2),
    grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(8)), alphabet=2),
    grouprep.signal_action(
        grouprep.permutation_action(grouprep.permutation_group([(*range(1, 8), 0)])), alphabet=2
    ),
    grouprep.signal_action(
        grouprep.permutation_action(
            grouprep.direct_product(grouprep.cyclic(4), grouprep.dihedral(4))
        ),
        alphabet=2,
    ),
]


def _with(action: SignalAction, value: Any) -> Any:
    x = np.zeros(action.shape, dtype=object)
    x.flat[2] = value
    return np.array(x.tolist())


@pytest.mark.parametrize("action", FINITE_ACTIONS, ids=repr)
@pytest.mark.parametrize("value", [5, 2, -1, 0.5, math.nan, math.inf])
@pytest.mark.parametrize("operation", ["act", "orbit", "stabilizer", "act_each", "canonical"])
def test_symbols_outside_the_alphabet_are_refused(
    action: SignalAction, value: float, operation: str
) -> None:
    x = _with(action, value)
    g = action.group.generators[0]
    calls = {
        "act": lambda: action.act(g, x),
        "orbit": lambda: grouprep.orbit(action, x),
        "stabilizer": lambda: grouprep.stabilizer(action, x),
        "act_each": lambda: action.act_each([g], x[None]),
        "canonical": lambda: grouprep.canonical_form(action, x[None]),
    }
    with pytest.raises(GroupRepValueError, match=r"argument '(x|X)' must hold symbols in 0\.\.1"):
        calls[operation]()


@pytest.mark.parametrize("action", FINITE_ACTIONS, ids=repr)
def test_tuples_outside_the_alphabet_are_refused(action: SignalAction) -> None:
    x = _with(action, 7)
    point = tuple(x.tolist()) if x.ndim == 1 else tuple(map(tuple, x.tolist()))
    with pytest.raises(GroupRepValueError, match="found 7"):
        action.act(action.group.identity, point)
    with pytest.raises(GroupRepTypeError, match="dtype <U"):
        action.act(action.group.identity, np.full(action.shape, "a"))


@pytest.mark.parametrize("action", FINITE_ACTIONS, ids=repr)
def test_symbols_inside_the_alphabet_still_work(action: SignalAction) -> None:
    x = _with(action, 1)
    orbit = grouprep.orbit(action, x)
    H = grouprep.stabilizer(action, x)
    assert len(orbit) * H.order == action.group.order
    assert action.act(action.group.identity, x.astype(float)).tolist() == x.tolist()


@pytest.mark.parametrize(
    "action",
    [
        grouprep.shift_action(6),
        grouprep.dihedral_action(6),
        grouprep.translation_action((2, 3)),
        grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(6))),
    ],
    ids=repr,
)
@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, complex(math.nan, 0)])
def test_orbit_of_a_non_finite_signal_is_refused(action: SignalAction, value: complex) -> None:
    x = np.arange(6.0).reshape(action.shape).astype(type(value))
    x.flat[1] = value
    for fn in (grouprep.orbit, grouprep.stabilizer):
        with pytest.raises(GroupRepValueError, match=r"'x' must hold finite values"):
            fn(action, x)
    assert action.act(action.group.identity, x).shape == action.shape  # act still moves it


def test_orbit_search_is_bounded_by_the_group_order() -> None:
    def drift(g: int, x: float) -> float:
        return x + g  # not an action of Z_5: orbits never close

    action = grouprep.action_from_function(grouprep.cyclic(5), drift)
    with pytest.raises(GroupRepValueError, match=r"more than \|G\| = 5 points"):
        grouprep.orbit(action, 0.0)
    with pytest.raises(GroupRepValueError, match=r"more than \|G\| = 5 points"):
        grouprep.stabilizer(action, 0.0)

    def nan_maker(g: Any, x: Any) -> float:
        return float("nan")  # a new NaN object each call, never equal to the last

    bad = grouprep.action_from_function(grouprep.dihedral(4), nan_maker)
    with pytest.raises(GroupRepValueError, match=r"more than \|G\| = 8 points"):
        grouprep.orbit(bad, 1.0)


def test_orbit_beyond_the_listing_limit_raises_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from grouprep.orbits import _generic

    monkeypatch.setattr(_generic, "_MAX_ENUMERATION", 1000)  # S_7 has 5040 elements
    action = grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(7)))
    with pytest.raises(SizeLimitError, match="more than 1000 points"):
        grouprep.orbit(action, np.arange(7.0))
    assert len(grouprep.orbit(action, np.array([0.0, 0, 0, 0, 0, 1, 1]))) == 21


# --------------------------------------------------------------- constructors
def _rotate(g: int) -> Any:
    return (np.arange(4) + g) % 4


@pytest.mark.parametrize(
    ("args", "error", "name"),
    [
        ((5, (4,), _rotate, None, "s"), GroupRepTypeError, "group"),
        ((grouprep.cyclic(4), 4, _rotate, None, "s"), GroupRepTypeError, "shape"),
        ((grouprep.cyclic(4), (0,), _rotate, None, "s"), GroupRepValueError, r"shape\[0\]"),
        ((grouprep.cyclic(4), (4,), None, None, "s"), GroupRepTypeError, "site_permutation"),
        ((grouprep.cyclic(4), (4,), _rotate, 0, "s"), GroupRepValueError, "alphabet"),
        ((grouprep.cyclic(4), (4,), _rotate, 2.0, "s"), GroupRepTypeError, "alphabet"),
        ((grouprep.cyclic(4), (4,), _rotate, None, 3), GroupRepTypeError, "name"),
        # site permutations that do not fit the sites
        ((grouprep.cyclic(4), (5,), _rotate, None, "s"), GroupRepValueError, "site_permutation"),
        (
            (grouprep.cyclic(4), (4,), lambda g: [0, 0, 1, 2], None, "s"),
            GroupRepValueError,
            "site_permutation",
        ),
        (
            (grouprep.cyclic(4), (4,), lambda g: (np.arange(4) + 1) % 4, None, "s"),
            GroupRepValueError,
            "site_permutation",
        ),
        (
            (grouprep.cyclic(4), (4,), lambda g: np.arange(4.0), None, "s"),
            GroupRepValueError,
            "site_permutation",
        ),
    ],
)
def test_signal_action_constructor_validates(
    args: tuple[Any, ...], error: type[Exception], name: str
) -> None:
    with pytest.raises(error, match=rf"SignalAction: argument '{name}'"):
        SignalAction(*args)


def test_signal_action_constructor_accepts_a_consistent_action() -> None:
    a = SignalAction(grouprep.cyclic(4), (4,), _rotate, 2, "rot4")
    assert a.act(1, (1, 0, 0, 0)) == (0, 1, 0, 0)
    assert grouprep.check_action(a).holds


@pytest.mark.parametrize("cls", [PermutationAction, RegularAction])
def test_set_action_constructors_validate_the_group(cls: type) -> None:
    with pytest.raises(GroupRepTypeError, match=rf"{cls.__name__}: argument 'group'"):
        cls(grouprep.cyclic)


def test_function_action_constructor_validates() -> None:
    G = grouprep.cyclic(2)
    with pytest.raises(GroupRepTypeError, match="FunctionAction: argument 'group'"):
        FunctionAction(None, lambda g, x: x, None)  # type: ignore[arg-type]
    with pytest.raises(GroupRepTypeError, match="FunctionAction: argument 'fn'"):
        FunctionAction(G, 3, None)  # type: ignore[arg-type]
    with pytest.raises(GroupRepTypeError, match="FunctionAction: argument 'points'"):
        FunctionAction(G, lambda g, x: x, "ab")
    with pytest.raises(GroupRepTypeError, match=r"points\[1\]"):
        FunctionAction(G, lambda g, x: x, [1, [2]])


def test_permutation_action_of_huge_degree_is_refused() -> None:
    a = grouprep.permutation_action(grouprep.cyclic(10**12))
    with pytest.raises(SizeLimitError, match="1000000000000 items"):
        a.act(1, 5)


@pytest.mark.parametrize(
    "build",
    [
        lambda: grouprep.shift_action(10**9),
        lambda: grouprep.dihedral_action(10**9, alphabet=2),
        lambda: grouprep.translation_action((10**5, 10**5)),
    ],
)
def test_signal_actions_beyond_the_site_limit_are_refused_at_once(build):
    # each element's site permutation is an index array: 10**9 sites asked for 7.45 GiB
    with pytest.raises(grouprep.SizeLimitError, match="sites, more than the"):
        build()
