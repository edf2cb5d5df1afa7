"""Actions: the laws, the conventions of the seed, batching, and bad input."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import grouprep
from grouprep import GroupRepTypeError, GroupRepValueError, NotAnElementError

FINITE_ACTIONS = [
    grouprep.permutation_action(grouprep.symmetric(4)),
    grouprep.permutation_action(grouprep.dihedral(5)),
    grouprep.permutation_action(grouprep.abelian(2, 3)),
    grouprep.regular_action(grouprep.dihedral(3)),
    grouprep.regular_action(grouprep.abelian(2, 2)),
    grouprep.shift_action(6, alphabet=2),
    grouprep.shift_action(4, alphabet=3),
    grouprep.dihedral_action(5, alphabet=2),
    grouprep.translation_action((2, 3), alphabet=2),
    grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(3)), alphabet=3),
]


@pytest.mark.parametrize("action", FINITE_ACTIONS, ids=repr)
def test_finite_actions_satisfy_the_axioms(action):
    report = grouprep.check_action(action)
    assert report.holds, str(report)


@pytest.mark.parametrize("action", FINITE_ACTIONS, ids=repr)
def test_points_are_permuted(action):
    pts = action.points()
    assert len(pts) == action.num_points == len(set(pts))
    for g in action.group.generators:
        perm = action.permutation(g)
        assert sorted(perm) == list(range(len(pts)))
        assert all(action.act(g, p) == pts[perm[i]] for i, p in enumerate(pts))


def test_shift_is_numpy_roll_as_in_the_seed():
    # (phi_n . x)(m) = x(m - n)
    a = grouprep.shift_action(7)
    x = np.arange(7.0)
    for g in range(7):
        y = a.act(g, x)
        assert all(y[m] == x[(m - g) % 7] for m in range(7))
        np.testing.assert_array_equal(y, np.roll(x, g))


def test_seed_class_of_101():
    # the seed: for N = 3, [101] = {101, 011, 110}
    a = grouprep.shift_action(3, alphabet=2)
    orbit = {a.act(g, (1, 0, 1)) for g in a.group}
    assert orbit == {(1, 0, 1), (0, 1, 1), (1, 1, 0)}


@settings(max_examples=50, deadline=None)
@given(
    n=st.integers(1, 12),
    lead=st.lists(st.integers(1, 3), max_size=2),
    data=st.data(),
)
def test_batched_shift_matches_row_by_row(n, lead, data):
    a = grouprep.shift_action(n)
    X = data.draw(hnp.arrays(np.float64, (*lead, n), elements=st.floats(-1e6, 1e6)))
    g = data.draw(st.integers(0, n - 1))
    Y = a.act(g, X)
    assert Y.shape == X.shape
    np.testing.assert_array_equal(Y, np.roll(X, g, axis=-1))
    for idx in itertools.product(*(range(k) for k in lead)):
        np.testing.assert_array_equal(Y[idx], np.roll(X[idx], g))


@settings(max_examples=40, deadline=None)
@given(h=st.integers(1, 5), w=st.integers(1, 5), data=st.data())
def test_translation_is_a_two_dimensional_roll(h, w, data):
    a = grouprep.translation_action((h, w))
    X = data.draw(hnp.arrays(np.int64, (3, h, w), elements=st.integers(-9, 9)))
    g = (data.draw(st.integers(0, h - 1)), data.draw(st.integers(0, w - 1)))
    np.testing.assert_array_equal(a.act(g, X), np.roll(X, g, axis=(-2, -1)))
    report = grouprep.check_action(a, samples=X.astype(float))
    assert report.holds


def test_dihedral_action_reflects():
    a = grouprep.dihedral_action(5)
    x = np.array([10, 11, 12, 13, 14])
    # (r, s) . x [m] = x[(-1)^s (m - r)]
    for r, s in itertools.product(range(5), range(2)):
        y = a.act((r, s), x)
        assert all(y[m] == x[((-1) ** s * (m - r)) % 5] for m in range(5))
    assert grouprep.check_action(a).holds


def test_act_each_applies_one_element_per_row():
    a = grouprep.dihedral_action(4)
    X = np.arange(12).reshape(3, 4)
    gs = [(1, 0), (0, 1), (3, 1)]
    Y = a.act_each(gs, X)
    for row, g in enumerate(gs):
        np.testing.assert_array_equal(Y[row], a.act(g, X[row]))
    with pytest.raises(GroupRepValueError, match="pair one element with one signal"):
        a.act_each(gs[:2], X)


def test_gather_table_rows_follow_the_group_numbering():
    a = grouprep.translation_action((2, 3))
    T = a.gather_table()
    X = np.arange(6).reshape(2, 3)
    for i, g in enumerate(a.group):
        np.testing.assert_array_equal(X.ravel()[T[i]], a.act(g, X).ravel())


def test_points_array_and_point_index():
    a = grouprep.shift_action(3, alphabet=2)
    P = a.points_array()
    assert P.tolist() == [list(p) for p in itertools.product(range(2), repeat=3)]
    assert [a.point_index(p) for p in a.points()] == list(range(8))
    t = grouprep.translation_action((2, 2), alphabet=3)
    assert t.points()[5] == ((0, 0), (1, 2))
    assert t.point_index(((0, 0), (1, 2))) == 5
    with pytest.raises(GroupRepValueError, match=r"symbols in 0\.\.2"):
        t.point_index(((0, 0), (1, 3)))


def test_tuple_in_tuple_out():
    a = grouprep.translation_action((2, 2), alphabet=2)
    y = a.act((1, 0), ((1, 0), (0, 0)))
    assert y == ((0, 0), (1, 0))
    assert hash(y) is not None


def test_permutation_and_regular_actions():
    a = grouprep.permutation_action(grouprep.cyclic(5))
    assert a.act(2, 4) == 1
    np.testing.assert_array_equal(a.act(1, np.array([[0, 4], [2, 3]])), [[1, 0], [3, 4]])
    r = grouprep.regular_action(grouprep.symmetric(3))
    g, h = (1, 2, 0), (1, 0, 2)
    assert r.act(g, h) == grouprep.symmetric(3).compose(g, h)
    assert r.points() == grouprep.symmetric(3).elements()


def test_signal_action_lifts_a_site_action():
    sites = grouprep.permutation_action(grouprep.symmetric(3))
    a = grouprep.signal_action(sites, alphabet=2)
    # (g . x)[i] = x[g^-1 . i]
    g = (1, 2, 0)
    ginv = grouprep.symmetric(3).inverse(g)
    x = (1, 0, 0)
    assert a.act(g, x) == tuple(x[ginv[i]] for i in range(3))
    # the lifted action of the cyclic shift on sites is the shift action
    lifted = grouprep.signal_action(grouprep.permutation_action(grouprep.cyclic(5)), alphabet=2)
    shift = grouprep.shift_action(5, alphabet=2)
    for g in range(5):
        np.testing.assert_array_equal(lifted.gather_index(g), shift.gather_index(g))


def test_actions_are_values():
    assert grouprep.shift_action(4) == grouprep.shift_action(4)
    assert grouprep.shift_action(4) != grouprep.shift_action(4, alphabet=2)
    assert len({grouprep.dihedral_action(3), grouprep.dihedral_action(3)}) == 1
    assert repr(grouprep.shift_action(4, alphabet=2)) == "shift_action(4, alphabet=2)"


def test_actions_satisfy_the_protocols():
    assert isinstance(grouprep.shift_action(3), grouprep.Action)
    assert isinstance(grouprep.shift_action(3, alphabet=2), grouprep.FiniteAction)
    assert isinstance(grouprep.regular_action(grouprep.cyclic(3)), grouprep.FiniteAction)


def test_bad_input_to_actions():
    a = grouprep.shift_action(4)
    with pytest.raises(GroupRepValueError, match=r"trailing shape \(4,\), got an array of shape"):
        a.act(1, np.zeros((2, 5)))
    with pytest.raises(NotAnElementError, match="argument 'g'"):
        a.act(4, np.zeros(4))
    with pytest.raises(GroupRepTypeError, match="ragged"):
        a.act(1, np.array([[1, 2, 3, 4], [1, 2]], dtype=object))
    with pytest.raises(GroupRepValueError, match="ragged sequence"):
        a.act(1, [[1, 2, 3, 4], [1, 2]])
    with pytest.raises(GroupRepValueError, match="give an alphabet"):
        a.points()
    with pytest.raises(GroupRepValueError, match="'n' must be an int >= 1"):
        grouprep.shift_action(0)
    with pytest.raises(GroupRepValueError, match="'alphabet' must be an int >= 1"):
        grouprep.shift_action(3, alphabet=0)
    with pytest.raises(GroupRepTypeError, match="'alphabet' must be an int"):
        grouprep.dihedral_action(3, alphabet=2.5)
    with pytest.raises(GroupRepValueError, match="'shape' must be a pair"):
        grouprep.translation_action(4)
    with pytest.raises(GroupRepValueError, match=r"'shape\[1\]' must be an int >= 1"):
        grouprep.translation_action((2, 0))
    with pytest.raises(GroupRepTypeError, match="'group' must be a grouprep FiniteGroup"):
        grouprep.permutation_action("S3")
    with pytest.raises(GroupRepTypeError, match="'site_action' must be a finite"):
        grouprep.signal_action(grouprep.shift_action(3))
    with pytest.raises(GroupRepTypeError, match="'fn' must be callable"):
        grouprep.action_from_function(grouprep.cyclic(2), 3)
    p = grouprep.permutation_action(grouprep.cyclic(3))
    with pytest.raises(GroupRepValueError, match=r"point in 0\.\.2"):
        p.act(1, 3)
    with pytest.raises(GroupRepValueError, match=r"point in 0\.\.2"):
        p.act(1, np.array([0.5]))
    with pytest.raises(GroupRepValueError, match="more than the 2000000"):
        grouprep.shift_action(24, alphabet=2).points()
