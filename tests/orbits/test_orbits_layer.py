"""The orbits layer: laws, agreement between independent algorithms, and bad input."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import grouprep
from grouprep import GroupRepTypeError, GroupRepValueError

FINITE_ACTIONS = [
    grouprep.shift_action(6, alphabet=2),
    grouprep.shift_action(4, alphabet=3),
    grouprep.dihedral_action(5, alphabet=2),
    grouprep.translation_action((2, 3), alphabet=2),
    grouprep.permutation_action(grouprep.dihedral(6)),
    grouprep.permutation_action(grouprep.abelian(2, 3)),
    grouprep.regular_action(grouprep.symmetric(3)),
    grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(4)), alphabet=2),
    grouprep.action_from_function(
        grouprep.cyclic(2), lambda g, x: -x if g else x, points=[-2, -1, 0, 1, 2]
    ),
]


def brute_orbits(action):
    seen, out = set(), []
    for p in action.points():
        if p in seen:
            continue
        orb = {action.act(g, p) for g in action.group}
        seen |= orb
        out.append(orb)
    return out


@pytest.mark.parametrize("action", FINITE_ACTIONS, ids=repr)
def test_orbits_partition_the_points_like_brute_force(action):
    found = grouprep.orbits(action)
    assert sorted(map(frozenset, found), key=sorted) == sorted(
        map(frozenset, brute_orbits(action)), key=sorted
    )
    index = {p: i for i, p in enumerate(action.points())}
    firsts = [min(index[p] for p in orb) for orb in found]
    assert firsts == sorted(firsts)  # ordered by their first point
    assert grouprep.count_orbits(action) == len(found)


@pytest.mark.parametrize("action", FINITE_ACTIONS, ids=repr)
def test_orbit_stabilizer_theorem(action):
    G = action.group
    for x in action.points()[:40]:
        orb = grouprep.orbit(action, x)
        H = grouprep.stabilizer(action, x)
        assert len(orb) * H.order == G.order
        assert set(H) == {g for g in G if action.act(g, x) == x}
        assert H.is_subgroup_of(G)
        assert set(orb) == {action.act(g, x) for g in G}


def test_stabilizer_of_permutation_groups_uses_schreier_generators():
    S5 = grouprep.symmetric(5)
    H = grouprep.stabilizer(grouprep.permutation_action(S5), 2)
    assert isinstance(H, grouprep.PermutationGroup)
    assert H.order == 24
    assert all(h[2] == 2 for h in H)


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 12, 30, 64, 97, 200])
@pytest.mark.parametrize("k", [1, 2, 3, 5])
def test_burnside_by_cycles_agrees_with_the_closed_formulas(n, k):
    assert grouprep.count_orbits(grouprep.shift_action(n, alphabet=k)) == (
        grouprep.count_necklaces(n, k)
    )
    assert grouprep.count_orbits(grouprep.dihedral_action(n, alphabet=k)) == (
        grouprep.count_bracelets(n, k)
    )


def test_lyndon_count_identity_for_large_n():
    # sum_{d | n} d L_k(d) = k^n (every word is a power of a unique Lyndon word's rotation)
    for n, k in [(1000, 2), (360, 3), (97, 10)]:
        total = sum(d * grouprep.count_lyndon_words(d, k) for d in range(1, n + 1) if n % d == 0)
        assert total == k**n


def test_cycle_index_textbook_examples():
    a1, a2, a3, a4 = sympy.symbols("a1 a2 a3 a4")
    assert (
        sympy.simplify(
            grouprep.cycle_index(grouprep.symmetric(3)) - (a1**3 + 3 * a1 * a2 + 2 * a3) / 6
        )
        == 0
    )
    expected_c4 = (a1**4 + a2**2 + 2 * a4) / 4
    assert sympy.expand(grouprep.cycle_index(grouprep.cyclic(4)) - expected_c4) == 0
    expected_d4 = (a1**4 + 2 * a1**2 * a2 + 3 * a2**2 + 2 * a4) / 8
    assert sympy.expand(grouprep.cycle_index(grouprep.dihedral(4)) - expected_d4) == 0


@pytest.mark.parametrize(
    "group",
    [
        grouprep.cyclic(6),
        grouprep.dihedral(5),
        grouprep.symmetric(4),
        grouprep.alternating(4),
        grouprep.abelian(2, 2),
    ],
    ids=repr,
)
@pytest.mark.parametrize("k", [2, 3])
def test_cycle_index_counts_colourings(group, k):
    Z = grouprep.cycle_index(group)
    colourings = Z.subs(dict.fromkeys(Z.free_symbols, k))
    lifted = grouprep.signal_action(grouprep.permutation_action(group), alphabet=k)
    assert colourings == len(brute_orbits(lifted))


def test_cycle_index_of_an_action_uses_its_points():
    Z = grouprep.cycle_index(grouprep.regular_action(grouprep.cyclic(4)))
    a1, a2, a4 = sympy.symbols("a1 a2 a4")
    assert sympy.expand(Z - (a1**4 + a2**2 + 2 * a4) / 4) == 0


SIGNAL_ACTIONS = [
    grouprep.shift_action(7),
    grouprep.dihedral_action(6),
    grouprep.translation_action((3, 4)),
    grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(4))),
]


@pytest.mark.parametrize("action", SIGNAL_ACTIONS, ids=repr)
def test_canonical_form_against_brute_force(action):
    rng = np.random.default_rng(1)
    X = rng.integers(0, 3, (40, *action.shape))
    X[0] = 0  # fixed by everything
    out = grouprep.canonical_form(action, X)
    G = action.group
    for i, x in enumerate(X):
        images = [(tuple(action.act(g, x).ravel()), G.index(g)) for g in G]
        best = min(images)[0]
        assert tuple(out.canonical[i].ravel()) == best
        reaching = [j for img, j in images if img == best]
        assert out.element[i] == min(reaching)
        assert out.stabilizer_order[i] == len(reaching)
        np.testing.assert_array_equal(
            action.act(G.element(int(out.element[i])), x), out.canonical[i]
        )


def test_canonical_form_is_invariant_and_works_on_real_signals():
    action = grouprep.dihedral_action(8)
    rng = np.random.default_rng(2)
    X = rng.standard_normal((10, 8))
    base = grouprep.canonical_form(action, X).canonical
    for g in action.group:
        np.testing.assert_array_equal(
            grouprep.canonical_form(action, action.act(g, X)).canonical, base
        )
    with pytest.raises(GroupRepValueError, match="NaN"):
        grouprep.canonical_form(action, np.full((1, 8), np.nan))
    with pytest.raises(GroupRepTypeError, match="signal action"):
        grouprep.canonical_form(grouprep.permutation_action(grouprep.cyclic(3)), [[0, 1, 2]])


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 70), k=st.integers(2, 6), data=st.data())
def test_least_rotation_equals_canonical_form_of_the_shift(n, k, data):
    seed = data.draw(st.integers(0, 2**32 - 1))
    X = np.random.default_rng(seed).integers(0, k, (5, n))
    lr = grouprep.least_rotation(X)
    cf = grouprep.canonical_form(grouprep.shift_action(n), X)
    np.testing.assert_array_equal(lr.canonical, cf.canonical)
    np.testing.assert_array_equal(lr.shift, cf.element)
    np.testing.assert_array_equal(lr.stabilizer_order, cf.stabilizer_order)


@pytest.mark.parametrize("n", [8, 16, 24, 32, 40, 48, 56, 64])
def test_binary_fast_path_agrees_with_the_general_scan(n):
    rng = np.random.default_rng(n)
    X = rng.integers(0, 2, (3000, n), dtype=np.uint8)
    X[:200] = rng.random((200, n)) < 0.05  # long runs of zeros
    X[200:300] = np.tile(rng.integers(0, 2, (100, 4)), n // 4)  # periodic
    X[300], X[301] = 0, 1
    fast = grouprep.least_rotation(X)
    general = grouprep.least_rotation(X.astype(np.int64))
    for a, b in zip(fast, general, strict=True):
        np.testing.assert_array_equal(a, b)
    assert fast.canonical.dtype == np.uint8
    for i in range(0, 3000, 37):
        np.testing.assert_array_equal(np.roll(X[i], fast.shift[i]), fast.canonical[i])


def test_least_rotation_keeps_shapes_and_handles_long_strings():
    rng = np.random.default_rng(3)
    X = rng.integers(0, 4, (2, 3, 100))
    out = grouprep.least_rotation(X)
    assert out.canonical.shape == X.shape
    assert out.shift.shape == out.stabilizer_order.shape == (2, 3)
    flat = X.reshape(-1, 100)
    for x, c, s in zip(flat, out.canonical.reshape(-1, 100), out.shift.ravel(), strict=True):
        rolls = [tuple(np.roll(x, g)) for g in range(100)]
        assert tuple(c) == min(rolls)
        assert s == rolls.index(min(rolls))
    empty = grouprep.least_rotation(np.zeros((0, 5), dtype=np.int64))
    assert empty.canonical.shape == (0, 5)


def test_quotient_by_ranks_agrees_with_quotient_by_table():
    for n, k in [(6, 2), (5, 3), (8, 2)]:
        ranked = grouprep.Quotient(grouprep.shift_action(n, alphabet=k))
        lifted = grouprep.signal_action(
            grouprep.permutation_action(grouprep.cyclic(n)), alphabet=k
        )
        tabled = grouprep.Quotient(lifted)
        X = lifted.points_array()
        np.testing.assert_array_equal(ranked.index(X), tabled.index(X))
        assert ranked.num_classes == tabled.num_classes
        for i in range(ranked.num_classes):
            np.testing.assert_array_equal(ranked.representative(i), tabled.representative(i))
            assert ranked.class_size(i) == tabled.class_size(i)
        assert sum(ranked.class_size(i) for i in range(ranked.num_classes)) == k**n


def test_quotient_for_long_strings_and_for_set_actions():
    Q = grouprep.Quotient(grouprep.shift_action(64, alphabet=2))
    rng = np.random.default_rng(4)
    X = rng.integers(0, 2, (20, 64))
    ids = Q.index(X)
    np.testing.assert_array_equal(ids, grouprep.necklace_rank(X))
    for i, x in zip(ids.tolist(), X, strict=True):
        rep = Q.representative(i)
        np.testing.assert_array_equal(rep, grouprep.least_rotation(x).canonical)
    assert Q.class_size(0) == 1 and Q.class_size(1) == 64
    P = grouprep.Quotient(grouprep.permutation_action(grouprep.abelian(2, 3)))
    assert P.num_classes == 2
    assert P.index(0) == 0 and P.index(4) == 1
    assert P.index([1, 2, 3]).tolist() == [0, 1, 1]
    assert P.representative(1) == 2 and P.class_size(1) == 3
    with pytest.raises(GroupRepValueError, match="'i' must be < num_classes = 2"):
        P.representative(2)
    with pytest.raises(grouprep.NotFiniteError, match="finite set of points"):
        grouprep.Quotient(grouprep.shift_action(5))
    with pytest.raises(GroupRepValueError, match=r"symbols in 0\.\.1"):
        grouprep.Quotient(grouprep.dihedral_action(4, alphabet=2)).index([[0, 1, 2, 0]])


def test_schreier_graph_components_are_the_orbits():
    for action in FINITE_ACTIONS[:6]:
        g = grouprep.schreier_graph(action)
        assert g.number_of_nodes() == action.num_points
        assert g.number_of_edges() == action.num_points * len(action.group.generators)
        comps = {frozenset(c) for c in nx.weakly_connected_components(g)}
        assert comps == {frozenset(o) for o in grouprep.orbits(action)}
        for p, q, data in itertools.islice(g.edges(data=True), 50):
            assert action.act(data["generator"], p) == q


def test_schreier_graph_from_given_points_and_cayley_graph():
    a = grouprep.shift_action(5)
    g = grouprep.schreier_graph(a, points=[(1.0, 0.0, 0.0, 0.0, 0.0)])
    assert g.number_of_edges() == 1
    assert ((1.0, 0.0, 0.0, 0.0, 0.0), (0.0, 1.0, 0.0, 0.0, 0.0)) in {(u, v) for u, v in g.edges()}
    G = grouprep.symmetric(4)
    cg = grouprep.cayley_graph(G)
    assert all(d == len(G.generators) for _, d in cg.out_degree())
    assert nx.is_strongly_connected(cg)
    partial = grouprep.cayley_graph(G, generators=[(1, 0, 2, 3)])
    assert nx.number_weakly_connected_components(partial) == 12
    with pytest.raises(grouprep.NotAnElementError, match=r"generators\[0\]"):
        grouprep.cayley_graph(G, generators=[(0, 0, 1, 2)])
    with pytest.raises(GroupRepValueError, match="pass 'points'"):
        grouprep.schreier_graph(grouprep.shift_action(3))


def test_quotient_graph_counts_moves_between_classes():
    n = 6
    action = grouprep.shift_action(n, alphabet=2)
    flips = [lambda X, i=i: X ^ (np.arange(n) == i) for i in range(n)]
    g = grouprep.quotient_graph(action, flips, batched=True)
    assert g.number_of_nodes() == grouprep.count_necklaces(n)
    assert sum(w for _, _, w in g.edges(data="weight")) == 2**n * n
    # flipping one bit changes the number of ones by one: the graph is graded by weight
    for u, v in g.edges():
        assert abs(sum(u) - sum(v)) == 1
    sizes = nx.get_node_attributes(g, "size")
    assert sum(sizes.values()) == 2**n
    pointwise = [lambda x, i=i: tuple(v ^ (j == i) for j, v in enumerate(x)) for i in range(n)]
    g2 = grouprep.quotient_graph(action, pointwise)
    assert {(u, v, w) for u, v, w in g.edges(data="weight")} == {
        (u, v, w) for u, v, w in g2.edges(data="weight")
    }
    with pytest.raises(GroupRepValueError, match="batched move must return"):
        grouprep.quotient_graph(action, [lambda X: X[:, :2]], batched=True)
    with pytest.raises(GroupRepTypeError, match=r"moves\[0\] must be callable"):
        grouprep.quotient_graph(action, [3])


def test_count_orbits_and_orbits_reject_infinite_actions():
    with pytest.raises(GroupRepValueError, match="finite set of points"):
        grouprep.count_orbits(grouprep.shift_action(4))
    with pytest.raises(GroupRepTypeError, match="'action' must be a grouprep action"):
        grouprep.orbits("Z4")
    with pytest.raises(GroupRepTypeError, match="'group' must be a grouprep FiniteGroup"):
        grouprep.cycle_index(4)
    with pytest.raises(GroupRepValueError, match="one signal of shape"):
        grouprep.orbit(grouprep.shift_action(3, alphabet=2), [[0, 1, 0], [1, 1, 0]])


def test_count_orbits_is_fast_for_long_strings():
    n = 1000
    assert grouprep.count_orbits(grouprep.shift_action(n, alphabet=2)) == (
        sum(grouprep.count_lyndon_words(d) for d in range(1, n + 1) if n % d == 0)
    )
    assert math.gcd(grouprep.count_necklaces(n), 1) == 1


@pytest.mark.parametrize(
    "build",
    [
        lambda: grouprep.schreier_graph(grouprep.dihedral_action(5, alphabet=2)),
        lambda: grouprep.schreier_graph(grouprep.permutation_action(grouprep.symmetric(4))),
        lambda: grouprep.cayley_graph(grouprep.cyclic(4), generators=[1, 3, 2, 1]),
        lambda: grouprep.schreier_graph(grouprep.shift_action(4), points=[(1.0, 2.0, 1.0, 2.0)]),
    ],
)
def test_bulk_graphs_equal_the_graphs_networkx_builds_edge_by_edge(build):
    fast = build()
    slow = nx.MultiDiGraph()
    slow.add_nodes_from(fast.nodes)
    slow.add_edges_from((u, v, dict(d)) for u, v, d in fast.edges(data=True))
    assert nx.utils.graphs_equal(fast, slow)
    assert sorted(fast.edges(keys=True)) == sorted(slow.edges(keys=True))
    assert dict(fast.in_degree()) == dict(slow.in_degree())
    # the graph stays a normal networkx graph: it can be edited and copied
    u, v = next(iter(fast.edges()))
    fast.add_edge(u, v, generator="extra")
    assert fast.number_of_edges(u, v) == slow.number_of_edges(u, v) + 1
    assert fast.copy().number_of_edges() == slow.number_of_edges() + 1
    fast.remove_node(u)
    assert u not in fast and all(u not in fast.pred[w] for w in fast)
