"""The built-in tasks beyond Z_n: bracelets (D_n), graphs (S_n) and images (p4m).

Each task is checked against the group applied here by hand (numpy.roll, flips, rot90,
relabelled adjacency matrices) and against independent computations of the orbits
(brute-force least images, networkx.is_isomorphic); counts of classes come from OEIS.
"""

from __future__ import annotations

import itertools
import pickle

import networkx as nx
import numpy as np
import pytest

import grouprep
from grouprep.strategies import TASKS, make_strategy, make_task, run_experiment


# ----------------------------------------------------------------------- helpers
def _brute_bracelet(x):
    """The least of the 2n rotations and reflections of a string, as a tuple."""
    n = len(x)
    images = [np.roll(x, r) for r in range(n)] + [np.roll(x[::-1], r) for r in range(n)]
    return min(tuple(int(v) for v in im) for im in images)


def _brute_p4m(img):
    """The least of the 8 h^2 images under translations, quarter turns and mirrors."""
    h = img.shape[0]
    out = None
    for flip in (False, True):
        base = np.flip(img, axis=1) if flip else img
        for k in range(4):
            turned = np.rot90(base, k)
            for a in range(h):
                for b in range(h):
                    key = tuple(np.roll(turned, (a, b), axis=(0, 1)).ravel().tolist())
                    out = key if out is None or key < out else out
    return out


def _adjacency(edges, n):
    A = np.zeros((n, n), dtype=np.uint8)
    i, j = np.triu_indices(n, 1)
    A[i, j] = edges
    A[j, i] = edges
    return A


def _relabel(X, p):
    """Edge vectors of the graphs with vertex v renamed p[v], through adjacency matrices."""
    n = len(p)
    i, j = np.triu_indices(n, 1)
    out = []
    for edges in X:
        A = _adjacency(edges, n)
        B = np.zeros_like(A)
        B[np.ix_(p, p)] = A  # B[p[a], p[b]] = A[a, b]
        out.append(B[i, j])
    return np.array(out, dtype=np.uint8)


def _nx_graph(edges, n):
    return nx.from_numpy_array(_adjacency(edges, n))


# ------------------------------------------------------------------ bracelets (D_n)
@pytest.mark.parametrize(("n", "k"), [(8, 2), (11, 2), (6, 3)])
def test_bracelet_labels_are_invariant_under_the_generators_of_dn(n, k):
    task = make_task("bracelet-labels", n, k=k, seed=3)
    assert task.action == grouprep.dihedral_action(n, k)
    X, y = task.sample(400, np.random.default_rng(0))
    assert np.array_equal(task.labels(X), y)
    for moved in (np.roll(X, 1, axis=1), X[:, ::-1], np.roll(X[:, ::-1], 3, axis=1)):
        assert np.array_equal(task.labels(moved), y)


def test_bracelet_labels_are_a_function_of_the_brute_force_class():
    n = 8
    task = make_task("bracelet-labels", n, seed=5)
    X = np.array(list(itertools.product((0, 1), repeat=n)), dtype=np.uint8)
    y = task.labels(X)
    keys = [_brute_bracelet(x) for x in X]
    assert len(set(keys)) == 30 == task.info["classes_of_inputs"]  # OEIS A000029
    by_class = {}
    for key, label in zip(keys, y.tolist(), strict=True):
        by_class.setdefault(key, set()).add(label)
    assert all(len(v) == 1 for v in by_class.values())
    # the labels are not constant: both occur among the classes
    assert {next(iter(v)) for v in by_class.values()} == {0, 1}
    # a string and its mirror image that are not rotations of each other share a label
    x = np.array([0, 0, 1, 0, 1, 1, 1, 0], dtype=np.uint8)
    assert grouprep.necklace_rank(x) != grouprep.necklace_rank(x[::-1])
    assert task.labels(x[None]) == task.labels(x[::-1][None])


# ------------------------------------------------------------ graphs (S_n on edges)
@pytest.mark.parametrize("n", [5, 6])
def test_graph_labels_are_invariant_under_relabelling_the_vertices(n):
    task = make_task("graph-labels", n, seed=1)
    assert task.action == grouprep.edge_action(n, 2)
    X, y = task.sample(300, np.random.default_rng(2))
    assert X.shape == (300, n * (n - 1) // 2)
    swap = list(range(n))
    swap[0], swap[1] = 1, 0
    cycle = [(v + 1) % n for v in range(n)]
    for p in (swap, cycle, list(np.random.default_rng(3).permutation(n))):
        assert np.array_equal(task.labels(_relabel(X, p)), y)


@pytest.mark.parametrize(("n", "count"), [(5, 34), (6, 156)])  # OEIS A000088
def test_graph_classes_agree_with_networkx_isomorphism(n, count):
    from grouprep.strategies._tasks import _graph_classes

    task = make_task("graph-labels", n)
    assert task.info["classes_of_inputs"] == count
    table = _graph_classes(n)
    assert len(np.unique(table)) == count
    rng = np.random.default_rng(4)
    X, y = task.sample(120, rng)
    codes = (X.astype(np.int64) << np.arange(X.shape[1] - 1, -1, -1)).sum(axis=1)
    graphs = [_nx_graph(x, n) for x in X]
    same_label_when_isomorphic = 0
    for a, b in itertools.combinations(range(len(X)), 2):
        iso = nx.is_isomorphic(graphs[a], graphs[b])
        assert iso == (table[codes[a]] == table[codes[b]])
        if iso:
            assert y[a] == y[b]
            same_label_when_isomorphic += 1
    assert same_label_when_isomorphic > 0


# ------------------------------------------------------------------- images (p4m)
@pytest.mark.parametrize(("h", "k"), [(3, 2), (4, 2), (3, 3)])
def test_image_labels_are_invariant_under_p4m(h, k):
    task = make_task("image-labels", h, k=k, seed=7)
    assert task.action == grouprep.p4m_action(h, k)
    assert task.info["group_order"] == 8 * h * h
    X, y = task.sample(300, np.random.default_rng(5))
    assert X.shape == (300, h, h)
    moves = (
        lambda Z: np.roll(Z, 1, axis=1),  # one row down
        lambda Z: np.roll(Z, 1, axis=2),  # one column right
        lambda Z: np.rot90(Z, 1, axes=(1, 2)),  # a quarter turn
        lambda Z: np.flip(Z, axis=2),  # the mirror
    )
    for move in moves:
        assert np.array_equal(task.labels(move(X)), y)


def test_image_labels_are_a_function_of_the_brute_force_class():
    task = make_task("image-labels", 3, seed=2)
    X = np.array(list(itertools.product((0, 1), repeat=9)), dtype=np.uint8).reshape(-1, 3, 3)
    y = task.labels(X)
    keys = [_brute_p4m(img) for img in X]
    assert len(set(keys)) == task.info["classes_of_inputs"]
    by_class = {}
    for key, label in zip(keys, y.tolist(), strict=True):
        by_class.setdefault(key, set()).add(label)
    assert all(len(v) == 1 for v in by_class.values())
    assert {next(iter(v)) for v in by_class.values()} == {0, 1}


# ------------------------------------------------------------- common properties
NEW = [("bracelet-labels", 10), ("graph-labels", 5), ("image-labels", 3)]


@pytest.mark.parametrize(("name", "n"), NEW)
def test_labels_are_seeded_and_balanced(name, n):
    a = make_task(name, n, seed=0)
    X, y = a.sample(2000, np.random.default_rng(0))
    X2, y2 = make_task(name, n, seed=0).sample(2000, np.random.default_rng(0))
    assert np.array_equal(X, X2) and np.array_equal(y, y2)
    other = make_task(name, n, seed=1).labels(X)
    assert not np.array_equal(other, y)  # another seed labels the classes anew
    assert 0.2 < y.mean() < 0.8
    assert a.domain_size == a.info["mean_orbit_size"] * a.info["classes_of_inputs"]


@pytest.mark.parametrize(("name", "n"), NEW)
def test_every_strategy_fits_and_the_invariant_ones_are_invariant(name, n):
    task = make_task(name, n, seed=0)
    X, y = task.sample(120, np.random.default_rng(1))
    X_test, _ = task.sample(60, np.random.default_rng(2))
    G = task.action.group
    gens = list(G.generators)
    for strategy in ("quotient", "invariant_features", "equivariant", "canonicalization"):
        model = make_strategy(strategy, task.action).fit(X, y)
        pred = model.predict(X_test)
        for g in gens:
            assert np.array_equal(model.predict(task.action.act(g, X_test)), pred), strategy
        again = pickle.loads(pickle.dumps(model))
        assert np.array_equal(again.predict(X_test), pred)
    make_strategy("augmentation", task.action).fit(X[:20], y[:20])


@pytest.mark.parametrize(("name", "n"), NEW)
def test_run_experiment_takes_the_action_from_the_task(name, n):
    res = run_experiment(
        name, n, sizes=[8, 32], seeds=1, test_size=100, strategies=["baseline", "quotient"]
    )
    assert res.task == name
    quotient = next(s for s in res.summary if s["strategy"] == "quotient")
    assert quotient["invariant"] is True


def test_tasks_lists_the_new_tasks():
    assert {"bracelet-labels", "graph-labels", "image-labels"} <= set(TASKS)


BAD = [
    (
        ("graph-labels", 7),
        grouprep.GroupRepValueError,
        r"in 3\.\.6 \(the number of vertices for 'graph-labels'\), got 7",
    ),
    (("graph-labels", 5, 3), grouprep.GroupRepValueError, "'graph-labels' is on simple graphs"),
    (
        ("image-labels", 8),
        grouprep.GroupRepValueError,
        r"in 2\.\.7 \(the side of the images for 'image-labels'\), got 8",
    ),
    (("image-labels", 7, 3), grouprep.SizeLimitError, r"k\*\*\(n\*n\) = 3\*\*49"),
    (("bracelet-labels", 40, 5), grouprep.SizeLimitError, r"k\*\*n = 5\*\*40"),
    (("bracelet-labels", 65), grouprep.GroupRepValueError, r"in 2\.\.64, got 65"),
    (("image-labels", 3.0), grouprep.GroupRepTypeError, "argument 'n' must be an int"),
]


@pytest.mark.parametrize(("args", "error", "message"), BAD, ids=[str(a) for a, *_ in BAD])
def test_make_task_refuses_bad_sizes(args, error, message):
    with pytest.raises(error, match=message) as info:
        make_task(*args)
    assert str(info.value).startswith("make_task: ")


def test_graph_labels_refuse_inputs_of_another_shape():
    task = make_task("graph-labels", 5)
    with pytest.raises(grouprep.GroupRepValueError, match=r"trailing shape \(10,\)"):
        task.labels(np.zeros((3, 5, 5), dtype=np.uint8))
    with pytest.raises(grouprep.GroupRepValueError, match="symbols"):
        task.labels(np.full((3, 10), 2, dtype=np.uint8))
