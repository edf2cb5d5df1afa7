"""Canonical forms without listing the group, and the quotient keyed by them.

Every search result is compared with a brute-force loop written here (all group
elements, every image formed with ``action.act``), and counts with published values:
graphs on n vertices up to isomorphism (OEIS A000088), bracelets (OEIS A000029).
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx
import numpy as np
import pytest

import grouprep
from grouprep import GroupRepTypeError, GroupRepValueError, SignalAction, SizeLimitError

GRAPHS = {1: 1, 2: 2, 3: 4, 4: 11, 5: 34, 6: 156, 7: 1044}
"""Graphs on n unlabelled vertices, OEIS A000088."""


def graph_action(n: int, alphabet: int | None = None) -> SignalAction:
    """S_n relabelling the vertices of (n, n) arrays: (g.A)[i, j] = A[g^-1 i, g^-1 j]."""

    def pairs(g: Any) -> Any:  # site (i, j) moves to (g i, g j)
        p = np.asarray(g)
        return (p[:, None] * n + p[None, :]).ravel()

    return SignalAction(grouprep.symmetric(n), (n, n), pairs, alphabet, f"graphs({n})")


def sets_action(G: Any) -> SignalAction:
    return grouprep.signal_action(grouprep.permutation_action(G))


A4 = grouprep.permutation_group([(1, 2, 0, 3), (1, 0, 3, 2)])
A5 = grouprep.permutation_group([(1, 2, 3, 4, 0), (1, 2, 0, 3, 4)])


def relabelled_symmetric(n: int) -> SignalAction:
    """S_n on n sites named in another order: not its natural action on its points."""
    rel = np.roll(np.arange(n), 2)[::-1]
    back = np.argsort(rel)
    return SignalAction(
        grouprep.symmetric(n), (n,), lambda g: rel[np.asarray(g)[back]], None, "relabelled"
    )


def klein_quotient_action() -> SignalAction:
    """S_4 on its 3 pairings of 4 points: not faithful (the Klein four-group acts trivially)."""
    pairings = [((0, 1), (2, 3)), ((0, 2), (1, 3)), ((0, 3), (1, 2))]

    def norm(p: Any) -> Any:
        return tuple(sorted(tuple(sorted(b)) for b in p))

    keys = [norm(p) for p in pairings]

    def sites(g: Any) -> list[int]:
        return [keys.index(norm([(g[a], g[b]) for a, b in p])) for p in keys]

    return SignalAction(grouprep.symmetric(4), (3,), sites, None, "S4 on pairings")


def relabelled_graphs(n: int) -> SignalAction:
    """S_n relabelling graph vertices named in another order (not its natural action)."""
    rel = np.roll(np.arange(n), 1)[::-1]
    back = np.argsort(rel)

    def pairs(g: Any) -> Any:
        p = rel[np.asarray(g)[back]]
        return (p[:, None] * n + p[None, :]).ravel()

    return SignalAction(grouprep.symmetric(n), (n, n), pairs, None, "relabelled graphs")


def graphs_of_a_product(n: int) -> SignalAction:
    """S_n x Z_2 relabelling graph vertices by its S_n factor: kernel Z_2."""
    G = grouprep.direct_product(grouprep.symmetric(n), grouprep.cyclic(2))

    def pairs(g: Any) -> Any:
        p = np.asarray(g[0])
        return (p[:, None] * n + p[None, :]).ravel()

    return SignalAction(G, (n, n), pairs, None, "graphs of S_n x Z_2")


def z3_of_a_product() -> SignalAction:
    """Z_2 x Z_3 rotating 3 sites by its Z_3 factor: kernel Z_2, a group not on points."""
    G = grouprep.abelian(2, 3)
    return SignalAction(G, (3,), lambda g: [(i + g[1]) % 3 for i in range(3)], None, "Z3 of Z2xZ3")


def brute(action: SignalAction, x: Any) -> tuple[tuple[Any, ...], int, int]:
    """The least image over every element, the least index reaching it, how many do."""
    G = action.group
    images = [(tuple(np.asarray(action.act(g, x)).ravel().tolist()), G.index(g)) for g in G]
    best = min(images)[0]
    hits = [i for img, i in images if img == best]
    return best, min(hits), len(hits)


def symmetric_graphs(rng: Any, count: int, n: int, p: float = 0.5) -> Any:
    A = (rng.random((count, n, n)) < p).astype(np.int8)
    A = np.triu(A, 1)
    return A + A.transpose(0, 2, 1)


def all_graphs(n: int) -> Any:
    """Every simple graph on n labelled vertices, as 0/1 adjacency matrices."""
    iu = np.triu_indices(n, 1)
    E = len(iu[0])
    bits = (np.arange(2**E)[:, None] >> np.arange(E)) & 1
    A = np.zeros((2**E, n, n), dtype=np.uint8)
    A[:, iu[0], iu[1]] = bits
    return A | A.transpose(0, 2, 1)


CASES = [
    ("S5 sets", sets_action(grouprep.symmetric(5)), (5,), 3),
    ("S6 sets", sets_action(grouprep.symmetric(6)), (6,), 2),
    ("S5 relabelled", relabelled_symmetric(5), (5,), 3),
    ("S4 graphs 0/1", graph_action(4), (4, 4), 2),
    ("S5 graphs 3 values", graph_action(5), (5, 5), 3),
    ("D7", grouprep.dihedral_action(7), (7,), 2),
    ("D8", grouprep.dihedral_action(8), (8,), 3),
    ("A4", sets_action(A4), (4,), 2),
    ("A5", sets_action(A5), (5,), 3),
    ("Z3xZ4", grouprep.translation_action((3, 4)), (3, 4), 2),
    ("Z4xZ4", grouprep.translation_action((4, 4)), (4, 4), 2),
    ("Z9", grouprep.shift_action(9), (9,), 3),
    ("S4 on pairings", klein_quotient_action(), (3,), 2),
    ("Z2xZ3 by its Z3", z3_of_a_product(), (3,), 3),
    ("D3 = all of S3", grouprep.dihedral_action(3), (3,), 3),
    ("S5 graphs relabelled", relabelled_graphs(5), (5, 5), 2),
    ("S4xZ2 graphs by its S4", graphs_of_a_product(4), (4, 4), 2),
]


@pytest.mark.parametrize(("name", "action", "shape", "k"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("method", ["search", "all"])
def test_every_method_gives_the_least_image_element_and_stabilizer(
    name: str, action: SignalAction, shape: tuple[int, ...], k: int, method: str
) -> None:
    rng = np.random.default_rng(len(name))
    X = rng.integers(0, k, (40, *shape))
    X[0] = 0  # fixed by every element
    X[1] = np.arange(math.prod(shape)).reshape(shape) % k
    out = grouprep.canonical_form(action, X, method=method)
    G = action.group
    for i, x in enumerate(X):
        best, least, count = brute(action, x)
        assert tuple(out.canonical[i].ravel().tolist()) == best
        assert int(out.element[i]) == least
        assert int(out.stabilizer_order[i]) == count
        np.testing.assert_array_equal(
            action.act(G.element(int(out.element[i])), x), out.canonical[i]
        )


@pytest.mark.parametrize("n", [4, 5, 6])
def test_graphs_with_many_automorphisms_agree_with_brute_force(n: int) -> None:
    action = graph_action(n)
    cycle = nx.to_numpy_array(nx.cycle_graph(n), dtype=int)
    star = nx.to_numpy_array(nx.star_graph(n - 1), dtype=int)
    complete = 1 - np.eye(n, dtype=int)
    matching = np.zeros((n, n), dtype=int)
    for i in range(0, n - 1, 2):
        matching[i, i + 1] = matching[i + 1, i] = 1
    X = np.stack([np.zeros((n, n), dtype=int), complete, cycle, star, matching, 1 - cycle])
    X = np.concatenate([X, symmetric_graphs(np.random.default_rng(n), 20, n)])
    out = grouprep.canonical_form(action, X, method="search")
    for i, x in enumerate(X):
        best, least, count = brute(action, x)
        assert tuple(out.canonical[i].ravel().tolist()) == best
        assert (int(out.element[i]), int(out.stabilizer_order[i])) == (least, count)


def test_rows_with_large_stabilizers_merge_partial_images() -> None:
    # constant and two-valued rows of A_7 on sets: thousands of partial images per row,
    # merged during the search; the result must still be the brute-force one
    action = sets_action(grouprep.alternating(7))
    rng = np.random.default_rng(12)
    X = np.concatenate([np.zeros((6, 7), dtype=int), (rng.random((6, 7)) < 0.15).astype(int)])
    X[0, 0] = 1
    out = grouprep.canonical_form(action, X, method="search")
    for i, x in enumerate(X):
        best, least, count = brute(action, x)
        assert tuple(out.canonical[i].tolist()) == best
        assert (int(out.element[i]), int(out.stabilizer_order[i])) == (least, count)


def test_groups_beyond_int64_give_python_int_orders() -> None:
    n = 25  # 25! > 2^62
    action = sets_action(grouprep.symmetric(n))
    x = np.arange(n) % 3
    out = grouprep.canonical_form(action, x[None])
    assert out.stabilizer_order.dtype == object
    assert out.stabilizer_order[0] == math.factorial(9) * math.factorial(8) ** 2
    g = action.group.element(int(out.element[0]))
    np.testing.assert_array_equal(action.act(g, x), np.sort(x))


def test_real_valued_signals_and_negative_values() -> None:
    rng = np.random.default_rng(3)
    for action, shape in [
        (sets_action(A5), (5,)),
        (graph_action(4), (4, 4)),
        (grouprep.translation_action((3, 3)), (3, 3)),
    ]:
        X = rng.integers(-2, 2, (25, *shape)) + 0.5 * rng.integers(0, 2, (25, *shape))
        out = grouprep.canonical_form(action, X, method="search")
        assert out.canonical.dtype == X.dtype
        for i, x in enumerate(X):
            best, least, count = brute(action, x)
            assert tuple(out.canonical[i].ravel().tolist()) == best
            assert (int(out.element[i]), int(out.stabilizer_order[i])) == (least, count)


@pytest.mark.parametrize(
    ("action", "shape", "k"),
    [
        (graph_action(8), (8, 8), 2),
        (sets_action(grouprep.symmetric(8)), (8,), 4),
        (sets_action(grouprep.alternating(7)), (7,), 3),
        (sets_action(A5), (5,), 3),
        (grouprep.dihedral_action(24), (24,), 2),
        (grouprep.translation_action((5, 5)), (5, 5), 2),
    ],
    ids=repr,
)
def test_canonical_forms_are_constant_on_orbits(action: SignalAction, shape: Any, k: int) -> None:
    rng = np.random.default_rng(11)
    X = rng.integers(0, k, (200, *shape))
    if len(shape) == 2 and shape[0] == shape[1]:
        X = symmetric_graphs(rng, 200, shape[0])
    base = grouprep.canonical_form(action, X, method="search")
    G = action.group
    for _ in range(3):
        gs = [G.random_element(rng) for _ in range(len(X))]
        moved = action.act_each(gs, X)
        again = grouprep.canonical_form(action, moved, method="search")
        np.testing.assert_array_equal(again.canonical, base.canonical)
        np.testing.assert_array_equal(again.stabilizer_order, base.stabilizer_order)
        # the reported element reaches the canonical form from the moved signal
        reached = action.act_each([G.element(int(e)) for e in again.element], moved)
        np.testing.assert_array_equal(reached, again.canonical)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6])
def test_distinct_canonical_forms_count_graphs_oeis_a000088(n: int) -> None:
    A = all_graphs(n)
    forms = grouprep.canonical_form(graph_action(n, alphabet=2), A).canonical
    assert len(np.unique(forms.reshape(len(A), -1), axis=0)) == GRAPHS[n]


def test_graphs_on_7_vertices_from_one_more_vertex_count_1044() -> None:
    # every graph on 7 vertices is a graph on 6 (up to relabelling) plus a vertex joined
    # to some subset: the 156 classes on 6 vertices times the 64 subsets reach every class
    forms6 = grouprep.canonical_form(graph_action(6), all_graphs(6)).canonical
    reps = np.unique(forms6.reshape(-1, 36), axis=0).reshape(-1, 6, 6)
    A = np.zeros((len(reps) * 64, 7, 7), dtype=np.uint8)
    A[:, :6, :6] = np.repeat(reps, 64, axis=0)
    subsets = (np.arange(64)[:, None] >> np.arange(6)) & 1
    A[:, 6, :6] = np.tile(subsets, (len(reps), 1))
    A[:, :6, 6] = A[:, 6, :6]
    forms = grouprep.canonical_form(graph_action(7), A).canonical.reshape(len(A), -1)
    assert len(np.unique(forms, axis=0)) == GRAPHS[7]


def test_equal_canonical_forms_exactly_for_isomorphic_graphs() -> None:
    rng = np.random.default_rng(5)
    A = symmetric_graphs(rng, 120, 7, p=0.4)
    B = A.copy()
    for i in range(0, 120, 2):  # half the pairs isomorphic by construction
        perm = rng.permutation(7)
        B[i] = A[i][np.ix_(perm, perm)]
    cA = grouprep.canonical_form(graph_action(7), A).canonical
    cB = grouprep.canonical_form(graph_action(7), B).canonical
    for a, b, ca, cb in zip(A, B, cA, cB, strict=True):
        iso = nx.is_isomorphic(nx.from_numpy_array(a), nx.from_numpy_array(b))
        assert iso == bool(np.array_equal(ca, cb))


def test_automorphism_counts_agree_with_networkx() -> None:
    rng = np.random.default_rng(8)
    A = symmetric_graphs(rng, 30, 8, p=0.3)
    out = grouprep.canonical_form(graph_action(8), A)
    for a, s in zip(A, out.stabilizer_order, strict=True):
        g = nx.from_numpy_array(a)
        autos = sum(1 for _ in nx.algorithms.isomorphism.GraphMatcher(g, g).isomorphisms_iter())
        assert int(s) == autos


def test_symmetric_group_on_sets_sorts_without_listing_the_group() -> None:
    n = 20
    action = sets_action(grouprep.symmetric(n))
    rng = np.random.default_rng(2)
    X = rng.integers(0, 4, (50, n))
    out = grouprep.canonical_form(action, X)
    np.testing.assert_array_equal(out.canonical, np.sort(X, axis=1))
    G = action.group
    for x, c, e, s in zip(X, out.canonical, out.element, out.stabilizer_order, strict=True):
        np.testing.assert_array_equal(action.act(G.element(int(e)), x), c)
        counts = np.bincount(x)
        assert int(s) == math.prod(math.factorial(int(m)) for m in counts)
        # the least image tuple among the sorting permutations: the stable sort
        g = np.empty(n, dtype=int)
        g[np.argsort(x, kind="stable")] = np.arange(n)
        assert int(e) == G.index(tuple(g.tolist()))


def young_subgroup(n: int) -> grouprep.PermutationGroup:
    """S_n x S_n on 2n points, the two halves permuted independently."""
    fixed = tuple(range(n, 2 * n))
    first = [(*range(1, n), 0, *fixed), (1, 0, *range(2, 2 * n))]
    second = [
        tuple(range(n)) + tuple(n + (i + 1) % n for i in range(n)),
        (*range(n), n + 1, n, *range(n + 2, 2 * n)),
    ]
    return grouprep.permutation_group(first + second)


def test_a_search_that_cannot_merge_enough_is_refused_clearly() -> None:
    # S_12 x S_12 on 24 sites, with repeated values: no closed form, and the elements
    # reaching the least image are too many to list
    action = sets_action(young_subgroup(12))
    assert action.group.order == math.factorial(12) ** 2
    X = np.random.default_rng(0).integers(0, 4, (60, 24))
    with pytest.raises(SizeLimitError, match=r"partial images .* cannot merge"):
        grouprep.canonical_form(action, X)


def even(perm: Any) -> bool:
    inversions = sum(1 for i in range(len(perm)) for j in range(i) if perm[j] > perm[i])
    return inversions % 2 == 0


@pytest.mark.parametrize("n", [3, 4, 5])
@pytest.mark.parametrize("d", [1, 2, 3])
def test_alternating_and_symmetric_groups_on_sets_against_brute_force(n: int, d: int) -> None:
    # A_n and S_n moving the rows of (n, d) sets, and A_n on n sites: the least image, the
    # least index reaching it and the stabilizer order, from every element by hand
    rng = np.random.default_rng(10 * n + d)
    cases = [
        grouprep.set_action(n, d, group=G)
        for G in (A4 if n == 4 else grouprep.alternating(n), grouprep.symmetric(n))
    ]
    if d == 1:
        cases.append(sets_action(grouprep.alternating(n)))
    for action in cases:
        shape = action.shape
        X = np.concatenate(
            [
                rng.integers(0, 2, (40, *shape)),  # many repeated rows
                np.stack([rng.permutation(n * d).reshape(shape) for _ in range(20)]),  # distinct
            ]
        )
        out = grouprep.canonical_form(action, X, method="search")
        for x, c, e, s in zip(X, out.canonical, out.element, out.stabilizer_order, strict=True):
            best, least, hits = brute(action, x)
            assert tuple(np.asarray(c).ravel().tolist()) == best
            assert int(e) == least
            assert int(s) == hits


def test_alternating_groups_on_large_sets_with_repeated_rows() -> None:
    # A_30 on 30 sites and A_12 on (12, 2) sets: the sorted signal (rows) when a value
    # repeats, else the sorted one with its last two entries exchanged if the sorting
    # permutation is odd; stabilizer prod m_v! / 2 (1 for distinct values); the element
    # reaching it is even and is checked by acting with it
    rng = np.random.default_rng(4)
    sites = sets_action(grouprep.alternating(30))
    X = np.concatenate(
        [rng.integers(0, 4, (30, 30)), np.stack([rng.permutation(30) for _ in range(30)])]
    )
    out = grouprep.canonical_form(sites, X)
    G = sites.group
    for x, c, e, s in zip(X, out.canonical, out.element, out.stabilizer_order, strict=True):
        g = G.element(int(e))
        assert even(g)
        np.testing.assert_array_equal(sites.act(g, x), c)
        counts = np.bincount(x)
        expected = np.sort(x)
        if counts.max() == 1 and not even(np.argsort(x, kind="stable")):
            expected[[-2, -1]] = expected[[-1, -2]]
        np.testing.assert_array_equal(c, expected)
        full = math.prod(math.factorial(int(m)) for m in counts)
        assert int(s) == (full // 2 if counts.max() > 1 else 1)
    sets = grouprep.set_action(12, 2, group=grouprep.alternating(12))
    Y = rng.integers(0, 2, (100, 12, 2))
    out = grouprep.canonical_form(sets, Y)
    H = sets.group
    for y, c, e, s in zip(Y, out.canonical, out.element, out.stabilizer_order, strict=True):
        np.testing.assert_array_equal(sets.act(H.element(int(e)), y), c)
        assert sorted(map(tuple, y.tolist())) == list(map(tuple, c.tolist()))
        _, counts = np.unique(y, axis=0, return_counts=True)
        assert int(s) == math.prod(math.factorial(int(m)) for m in counts) // 2


def test_canonical_form_refuses_an_unknown_method() -> None:
    with pytest.raises(GroupRepValueError, match="'method' must be"):
        grouprep.canonical_form(grouprep.shift_action(4), [[0, 1, 0, 1]], method="fast")


# -------------------------------------------------------------- the quotient by canonical form
def test_quotient_of_graphs_on_7_vertices_without_listing() -> None:
    action = graph_action(7, alphabet=2)
    with pytest.raises(SizeLimitError, match="method='canonical'"):
        grouprep.Quotient(action)
    rng = np.random.default_rng(4)
    X = symmetric_graphs(rng, 400, 7)
    Q = grouprep.Quotient(action, method="canonical").fit(X)
    ids = Q.index(X)
    assert ids.shape == (400,) and ids.max() == Q.num_classes - 1
    G = action.group
    moved = action.act_each([G.random_element(rng) for _ in range(len(X))], X)
    np.testing.assert_array_equal(Q.index(moved), ids)
    for i in range(0, 400, 37):  # equal ids exactly for isomorphic graphs
        for j in range(i + 1, 400, 53):
            iso = nx.is_isomorphic(nx.from_numpy_array(X[i]), nx.from_numpy_array(X[j]))
            assert iso == (ids[i] == ids[j])
    for c in range(Q.num_classes):  # numbered in the lexicographic order of the forms
        rep = Q.representative(c)
        np.testing.assert_array_equal(grouprep.canonical_form(action, rep).canonical, rep)
        if c:
            assert Q.representative(c - 1).ravel().tolist() < rep.ravel().tolist()


def test_class_sizes_of_all_graph_classes_on_7_vertices_sum_to_2_to_the_21() -> None:
    forms6 = grouprep.canonical_form(graph_action(6), all_graphs(6)).canonical
    reps = np.unique(forms6.reshape(-1, 36), axis=0).reshape(-1, 6, 6)
    A = np.zeros((len(reps) * 64, 7, 7), dtype=np.uint8)
    A[:, :6, :6] = np.repeat(reps, 64, axis=0)
    A[:, 6, :6] = np.tile((np.arange(64)[:, None] >> np.arange(6)) & 1, (len(reps), 1))
    A[:, :6, 6] = A[:, 6, :6]
    Q = grouprep.Quotient(graph_action(7, alphabet=2), method="canonical").fit(A)
    assert Q.num_classes == GRAPHS[7]
    # the classes partition the 2^21 labelled graphs: orbit sizes 7!/|Aut| add up
    assert sum(Q.class_size(c) for c in range(Q.num_classes)) == 2**21


def brute_bracelet(x: Any) -> tuple[int, ...]:
    n = len(x)
    images = [tuple(np.roll(x, r).tolist()) for r in range(n)]
    images += [tuple(np.roll(x[::-1], r).tolist()) for r in range(n)]
    return min(images)


def test_quotient_of_d24_on_binary_strings_of_length_24() -> None:
    action = grouprep.dihedral_action(24, alphabet=2)
    rng = np.random.default_rng(6)
    X = rng.integers(0, 2, (300, 24))
    X[:100] = X[100:200][:, ::-1]  # reversed copies: the same bracelets
    Q = grouprep.Quotient(action, method="canonical").fit(X)
    assert Q.num_orbits == 352698  # OEIS A000029(24)
    ids = Q.index(X)
    np.testing.assert_array_equal(ids[:100], ids[100:200])
    truth = [brute_bracelet(x) for x in X]
    assert Q.num_classes == len(set(truth))
    order = sorted(set(truth))
    assert ids.tolist() == [order.index(t) for t in truth]
    G = action.group
    moved = action.act_each([G.random_element(rng) for _ in range(len(X))], X)
    np.testing.assert_array_equal(Q.index(moved), ids)
    for c in range(0, Q.num_classes, 17):
        rep = Q.representative(c)
        orbit = {tuple(action.act(g, rep).tolist()) for g in G}
        assert Q.class_size(c) == len(orbit)


def test_canonical_numbering_equals_the_table_on_all_strings() -> None:
    action = grouprep.dihedral_action(12, alphabet=2)
    every = action.points_array()
    table = grouprep.Quotient(action, method="table")
    learned = grouprep.Quotient(action, method="canonical").fit(every)
    assert learned.num_classes == table.num_classes == 224  # OEIS A000029(12)
    np.testing.assert_array_equal(learned.index(every), table.index(every))
    sizes = [learned.class_size(c) for c in range(224)]
    assert sizes == [table.class_size(c) for c in range(224)]


def test_unseen_classes_raise_or_take_the_reserved_index() -> None:
    action = grouprep.dihedral_action(24, alphabet=2)
    X = np.zeros((2, 24), dtype=int)
    X[1, :3] = 1
    new = np.zeros((1, 24), dtype=int)
    new[0, ::2] = 1
    Q = grouprep.Quotient(action, method="canonical").fit(X)
    with pytest.raises(GroupRepValueError, match=r"row 0 .* not learned by fit"):
        Q.index(new)
    R = grouprep.Quotient(action, method="canonical", unseen="reserve").fit(X)
    assert R.unseen_index == R.num_classes == 2
    assert R.index(np.concatenate([X, new])).tolist() == [0, 1, 2]
    assert repr(R) == (
        "Quotient(dihedral_action(24, alphabet=2), method='canonical', unseen='reserve')"
    )


def test_canonical_quotient_of_real_signals() -> None:
    action = grouprep.translation_action((3, 3))
    rng = np.random.default_rng(9)
    X = rng.standard_normal((20, 3, 3))
    Q = grouprep.Quotient(action, method="canonical").fit(X)
    assert Q.num_classes == 20 and Q.num_orbits is None
    G = action.group
    moved = action.act_each([G.random_element(rng) for _ in range(20)], X)
    np.testing.assert_array_equal(Q.index(moved), Q.index(X))
    assert all(Q.class_size(c) == 9 for c in range(20))  # generic images: free orbits


def test_quotient_refuses_bad_arguments() -> None:
    action = grouprep.dihedral_action(6, alphabet=2)
    with pytest.raises(GroupRepValueError, match="'method' must be"):
        grouprep.Quotient(action, method="learned")  # type: ignore[arg-type]
    with pytest.raises(GroupRepValueError, match="'unseen' must be"):
        grouprep.Quotient(action, method="canonical", unseen="skip")  # type: ignore[arg-type]
    with pytest.raises(GroupRepValueError, match="method='rank' ranks necklaces"):
        grouprep.Quotient(action, method="rank")
    with pytest.raises(GroupRepTypeError, match="needs a signal action"):
        grouprep.Quotient(grouprep.permutation_action(A5), method="canonical")
    with pytest.raises(grouprep.NotFiniteError, match="method='canonical'"):
        grouprep.Quotient(grouprep.dihedral_action(6))
    Q = grouprep.Quotient(action, method="canonical")
    with pytest.raises(GroupRepValueError, match="call fit first"):
        Q.index([[0] * 6])
    with pytest.raises(GroupRepValueError, match="call fit first"):
        Q.representative(0)
    Q.fit([[0] * 6])
    with pytest.raises(GroupRepValueError, match="'i' must be < num_classes = 1"):
        Q.class_size(1)
    with pytest.raises(GroupRepValueError, match=r"symbols in 0\.\.1"):
        Q.index([[0, 2, 0, 0, 0, 0]])


def test_rank_and_table_quotients_keep_their_numbering() -> None:
    shift = grouprep.Quotient(grouprep.shift_action(10, alphabet=2))
    assert shift.method == "rank" and shift.fit([[0] * 10]) is shift
    X = np.random.default_rng(1).integers(0, 2, (50, 10))
    learned = grouprep.Quotient(grouprep.shift_action(10, alphabet=2), method="canonical")
    learned.fit(grouprep.shift_action(10, alphabet=2).points_array())
    np.testing.assert_array_equal(learned.index(X), shift.index(X))  # both: necklace ranks


def test_orbit_index_featurizer_with_canonical_classes() -> None:
    action = grouprep.dihedral_action(24, alphabet=2)
    X = np.random.default_rng(2).integers(0, 2, (60, 24))
    est = grouprep.OrbitIndex(action, method="canonical").fit(X)
    ids = est.transform(X).ravel()
    assert est.num_classes_ == len({brute_bracelet(x) for x in X})
    assert est.check(X).holds
    onehot = grouprep.OrbitIndex(action, encoding="onehot", method="canonical", unseen="reserve")
    out = onehot.fit(X[:30]).transform(X)
    assert out.shape[1] == onehot.num_classes_  # the last column: classes not seen
    seen = {brute_bracelet(x) for x in X[:30]}
    unseen_rows = [i for i, x in enumerate(X) if brute_bracelet(x) not in seen]
    assert out[unseen_rows, -1].tolist() == [1.0] * len(unseen_rows)
    ordinal = grouprep.OrbitIndex(action, method="canonical").fit(X[:30]).transform(X[:30])
    np.testing.assert_array_equal(out[:30].argmax(axis=1), ordinal.ravel())
    assert (out.sum(axis=1) == 1).all()
    # rows of one bracelet share their column, rows of different ones do not
    truth = [brute_bracelet(x) for x in X]
    for i in range(0, 60, 7):
        for j in range(60):
            assert (ids[i] == ids[j]) == (truth[i] == truth[j])
