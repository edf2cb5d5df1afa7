"""Strategy 4 and the baseline as trained networks (make_strategy(..., model="network")).

The group is applied to the inputs by the action's own ``act`` (or by hand with numpy),
never through the network's tables; the labels of the bracelet task come from a brute-force
canonical form (the least of the 2n rotations and reflections, by numpy), not from grouprep.
"""

import pickle
import subprocess
import sys

import numpy as np
import pytest

torch = pytest.importorskip("torch")

import grouprep  # noqa: E402
from grouprep.errors import (  # noqa: E402
    GroupRepTypeError,
    GroupRepValueError,
    NotFittedError,
    SizeLimitError,
)
from grouprep.strategies import (  # noqa: E402
    NETWORK_STRATEGIES,
    EquivariantNetworkClassifier,
    MLPNetworkClassifier,
    make_strategy,
    make_task,
    run_experiment,
)

torch.set_num_threads(1)  # small networks: one thread avoids contention on a shared machine

A4 = grouprep.permutation_group([(1, 2, 0, 3), (0, 2, 3, 1)])

# (name, action, random inputs); every group given by its generators
FAMILIES = {
    "Z7 on 3-ary strings": (
        grouprep.shift_action(7, alphabet=3),
        lambda r: r.integers(0, 3, size=(40, 7)),
    ),
    "D6 on bit strings": (
        grouprep.dihedral_action(6, alphabet=2),
        lambda r: r.integers(0, 2, size=(40, 6)),
    ),
    "D5 on real signals": (grouprep.dihedral_action(5), lambda r: r.standard_normal((40, 5))),
    "S5 on a set of 5 points in R^1": (
        grouprep.set_action(5, 1),
        lambda r: r.standard_normal((40, 5, 1)),
    ),
    "S4 on graphs": (
        grouprep.graph_action(4, alphabet=2),
        lambda r: _graphs(r, 40, 4),
    ),
    "p4m on 4x4 bit images": (
        grouprep.p4m_action(4, alphabet=2),
        lambda r: r.integers(0, 2, size=(40, 4, 4)),
    ),
    "A4 by generators": (
        grouprep.signal_action(grouprep.permutation_action(A4), alphabet=2),
        lambda r: r.integers(0, 2, size=(40, 4)),
    ),
}


def _graphs(rng, m, n):
    upper = np.triu(rng.integers(0, 2, size=(m, n, n)), 1)
    return upper + upper.transpose(0, 2, 1)


@pytest.mark.parametrize("family", list(FAMILIES))
def test_equivariant_network_is_invariant_for_every_generator(family):
    action, draw = FAMILIES[family]
    rng = np.random.default_rng(0)
    X = draw(rng)
    y = rng.integers(0, 3, size=len(X))
    model = make_strategy(
        "equivariant", action, model="network", hidden=4, layers=1, epochs=15, random_state=1
    ).fit(X, y)
    P = model.predict_proba(X)
    assert P.shape == (len(X), 3)
    assert P.std(axis=0).max() > 1e-4  # not a constant model
    for g in action.group.generators:
        Pg = model.predict_proba(action.act(g, X))
        np.testing.assert_allclose(Pg, P, rtol=0, atol=1e-12)
        assert (model.predict(action.act(g, X)) == model.predict(X)).all()
    # and the unconstrained network, fitted the same way, is not invariant
    mlp = make_strategy("baseline", action, model="network", hidden=8, epochs=15).fit(X, y)
    Pm = mlp.predict_proba(X)
    worst = max(
        np.abs(mlp.predict_proba(action.act(g, X)) - Pm).max() for g in action.group.generators
    )
    assert worst > 1e-4


def test_invariance_by_hand_on_necklaces_and_flattened_images():
    # the shift applied with numpy.roll, the quarter turn with numpy.rot90
    action = grouprep.shift_action(8, alphabet=2)
    X = np.random.default_rng(2).integers(0, 2, size=(30, 8))
    y = X[:, 0] ^ X[:, 3]
    model = EquivariantNetworkClassifier(action, hidden=6, layers=2, epochs=10).fit(X, y)
    P = model.predict_proba(X)
    for g in range(8):
        np.testing.assert_allclose(model.predict_proba(np.roll(X, g, axis=1)), P, atol=1e-12)
    images = grouprep.p4m_action(4, alphabet=2)
    Xi = np.random.default_rng(3).integers(0, 2, size=(30, 4, 4))
    yi = Xi[:, 0, 0]
    net = EquivariantNetworkClassifier(images, hidden=4, pool="max", epochs=10).fit(Xi, yi)
    Pi = net.predict_proba(Xi)
    np.testing.assert_array_equal(net.predict_proba(Xi.reshape(30, 16)), Pi)
    turned = np.rot90(Xi, 1, axes=(1, 2))
    mirrored = np.flip(Xi, axis=2)
    moved = np.roll(Xi, (1, 3), axis=(1, 2))
    for Z in (turned, mirrored, moved):
        np.testing.assert_allclose(net.predict_proba(Z), Pi, atol=1e-12)


def test_training_reduces_the_loss_and_fits():
    task = make_task("necklace-labels", 6)
    X, y = task.sample(64, np.random.default_rng(0))
    model = EquivariantNetworkClassifier(task.action, epochs=150).fit(X, y)
    assert model.loss_curve_[-1] < 0.5 * model.loss_curve_[0]
    assert len(model.loss_curve_) == 150
    assert model.score(X, y) == 1.0
    mlp = MLPNetworkClassifier(task.action, epochs=150, batch_size=16).fit(X, y)
    assert mlp.loss_curve_[-1] < 0.5 * mlp.loss_curve_[0]


def test_seeded_and_reproducible_without_touching_torch_random_state():
    action = grouprep.dihedral_action(6, alphabet=2)
    X = np.random.default_rng(4).integers(0, 2, size=(50, 6))
    y = X.sum(axis=1) % 3
    for cls in (EquivariantNetworkClassifier, MLPNetworkClassifier):
        torch.manual_seed(123)
        before = torch.get_rng_state()
        a = cls(action, epochs=20, batch_size=8, random_state=5).fit(X, y).predict_proba(X)
        assert torch.equal(torch.get_rng_state(), before)
        torch.manual_seed(999)  # another global state: no effect on the fit
        b = cls(action, epochs=20, batch_size=8, random_state=5).fit(X, y).predict_proba(X)
        c = cls(action, epochs=20, batch_size=8, random_state=6).fit(X, y).predict_proba(X)
        np.testing.assert_array_equal(a, b)
        assert not np.allclose(a, c)


def test_estimator_api_clone_params_pickle():
    from sklearn.base import clone, is_classifier

    action = grouprep.shift_action(6, alphabet=2)
    X = np.random.default_rng(5).integers(0, 2, size=(40, 6))
    y = np.where(X.sum(axis=1) > 2, "many", "few")
    model = make_strategy("equivariant", action, model="network", hidden=5, epochs=30)
    assert is_classifier(model)
    params = model.get_params()
    assert params["hidden"] == 5 and params["action"] == action and params["pool"] == "meanmax"
    twin = clone(model)
    assert twin.get_params() == params
    with pytest.raises(NotFittedError, match="fit"):
        twin.predict(X)
    model.fit(X, y)
    assert set(model.classes_) == {"few", "many"}
    assert model.predict(X).dtype == model.classes_.dtype
    np.testing.assert_allclose(model.predict_proba(X).sum(axis=1), 1.0)
    assert 0.0 <= model.score(X, y) <= 1.0
    again = pickle.loads(pickle.dumps(model))
    np.testing.assert_array_equal(again.predict_proba(X), model.predict_proba(X))
    np.testing.assert_array_equal(clone(model).fit(X, y).predict_proba(X), model.predict_proba(X))
    model.set_params(hidden=3, epochs=5)
    assert model.fit(X, y).net_.head.in_features == 2 * 3
    mlp = make_strategy("baseline", action, model="network")
    assert isinstance(mlp, MLPNetworkClassifier) and "pool" not in mlp.get_params()


def test_default_model_is_unchanged():
    from sklearn.pipeline import Pipeline

    action = grouprep.shift_action(8, alphabet=2)
    for name in ("equivariant", "baseline"):
        assert isinstance(make_strategy(name, action), Pipeline)
        assert isinstance(make_strategy(name, action, model="pipeline"), Pipeline)
    assert NETWORK_STRATEGIES == ("baseline_network", "equivariant_network")


def test_bad_options_are_refused_at_construction():
    action = grouprep.shift_action(6, alphabet=2)
    with pytest.raises(GroupRepValueError, match=r"'model' must be 'pipeline'.*'network'"):
        make_strategy("equivariant", action, model="torch")
    with pytest.raises(GroupRepValueError, match="available for the strategies"):
        make_strategy("quotient", action, model="network")
    with pytest.raises(GroupRepValueError, match="'estimator' does not go with"):
        make_strategy(
            "equivariant", action, grouprep.strategies.default_estimator(), model="network"
        )
    with pytest.raises(GroupRepValueError, match=r"unknown options \['n_filters'\]"):
        make_strategy("equivariant", action, model="network", n_filters=3)
    with pytest.raises(GroupRepValueError, match="covariant"):
        make_strategy("equivariant", action, model="network", covariant=True)
    with pytest.raises(GroupRepValueError, match=r"\['pool'\] belong to the equivariant"):
        make_strategy("baseline", action, model="network", pool="max")
    with pytest.raises(GroupRepTypeError, match=r"'hidden' must be an int >= 1, got 2\.5"):
        make_strategy("equivariant", action, model="network", hidden=2.5)
    with pytest.raises(GroupRepValueError, match="'lr' must be a positive number"):
        make_strategy("baseline", action, model="network", lr=0.0)
    with pytest.raises(GroupRepValueError, match="'pool' must be one of"):
        make_strategy("equivariant", action, model="network", pool="sum")
    with pytest.raises(GroupRepValueError, match="'batch_size' must be an int >= 1"):
        make_strategy("equivariant", action, model="network", batch_size=0)
    # |D_300| = 600: (16 * 600)^2 entries; p4m images take the local-filter layers instead
    with pytest.raises(SizeLimitError, match="smaller 'hidden' or layers=0"):
        make_strategy("equivariant", grouprep.dihedral_action(300), model="network", hidden=16)
    make_strategy("equivariant", grouprep.dihedral_action(300), model="network", layers=0)
    with pytest.raises(GroupRepTypeError, match="signal action"):
        EquivariantNetworkClassifier(None).fit(np.zeros((2, 3)), [0, 1])


def test_bad_inputs_are_refused_with_the_argument_named():
    action = grouprep.shift_action(5, alphabet=2)
    model = EquivariantNetworkClassifier(action, epochs=2)
    with pytest.raises(GroupRepValueError, match=r"symbols 0\.\.1"):
        model.fit(np.full((4, 5), 2), [0, 1, 0, 1])
    with pytest.raises(GroupRepValueError, match="shape"):
        model.fit(np.zeros((4, 6), dtype=int), [0, 1, 0, 1])
    with pytest.raises(GroupRepValueError, match="one label per sample"):
        model.fit(np.zeros((4, 5), dtype=int), [0, 1])
    model.fit(np.eye(5, dtype=int)[:4], [0, 1, 0, 1])
    with pytest.raises(GroupRepValueError, match=r"symbols 0\.\.1"):
        model.predict(np.full((1, 5), 0.5))
    real = EquivariantNetworkClassifier(grouprep.shift_action(5), epochs=2)
    with pytest.raises(GroupRepValueError, match="NaN"):
        real.fit(np.full((2, 5), np.nan), [0, 1])


def test_torch_only_on_demand_and_a_clear_error_without_it():
    code = (
        "import sys, numpy as np, grouprep\n"
        "from grouprep.strategies import make_strategy, run_experiment\n"
        "a = grouprep.shift_action(6, alphabet=2)\n"
        "make_strategy('equivariant', a).fit(np.eye(6, dtype=int), [0, 1] * 3)\n"
        "assert 'torch' not in sys.modules, 'torch imported'\n"
        "sys.modules['torch'] = None\n"
        "try:\n    make_strategy('equivariant', a, model='network')\n"
        "except ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "model='network' needs PyTorch" in out.stdout and "grouprep[torch]" in out.stdout


def _bracelet_task(n, seed):
    """Uniform bit strings, a random label on each bracelet (D_n class), by brute force."""
    strings = (np.arange(2**n)[:, None] >> np.arange(n)[::-1]) & 1
    images = [np.roll(strings, r, axis=1) for r in range(n)]
    images += [np.roll(strings[:, ::-1], r, axis=1) for r in range(n)]
    codes = np.stack([im @ (1 << np.arange(n)[::-1]) for im in images]).min(axis=0)
    classes, index = np.unique(codes, return_inverse=True)
    labels = np.random.default_rng(seed).integers(0, 2, size=len(classes))[index]
    return strings, labels, len(classes)


def test_bracelet_task_by_brute_force_has_the_published_count():
    _, _, count = _bracelet_task(8, 0)
    assert count == 30  # bracelets of 8 beads in 2 colours, OEIS A000029


@pytest.mark.parametrize("family", ["Z8 necklaces", "D8 bracelets"])
def test_the_equivariant_network_beats_the_mlp_at_a_small_training_size(family):
    nets = {"epochs": 120}
    if family == "Z8 necklaces":
        res = run_experiment(
            "necklace-labels", 8, sizes=[32], seeds=3, test_size=1000,
            strategies=list(NETWORK_STRATEGIES), network=nets,
        )  # fmt: skip
    else:
        strings, labels, _ = _bracelet_task(8, 0)
        rows = np.random.default_rng(1).integers(0, len(strings), size=1032)
        res = run_experiment(
            data=(strings[rows], labels[rows]), action=grouprep.dihedral_action(8, alphabet=2),
            sizes=[32], seeds=3, strategies=list(NETWORK_STRATEGIES), network=nets,
        )  # fmt: skip
    mean = {s["strategy"]: s["mean"][0] for s in res.summary}
    inv = {s["strategy"]: s["invariant"] for s in res.summary}
    # measured: 0.84 against 0.53 (Z8) and 0.89 against 0.59 (D8), no seed closer than 0.2
    assert mean["equivariant_network"] > mean["baseline_network"] + 0.15, mean
    assert mean["equivariant_network"] > 0.7, mean
    assert inv == {"equivariant_network": True, "baseline_network": False}


def test_run_experiment_checks_the_network_arguments():
    with pytest.raises(GroupRepValueError, match=r"unknown options \['width'\]"):
        run_experiment("necklace-labels", 6, sizes=[8], strategies=["equivariant_network"],
                       network={"width": 3})  # fmt: skip
    with pytest.raises(GroupRepTypeError, match="'network' must be a dict"):
        run_experiment("necklace-labels", 6, sizes=[8], strategies=["equivariant_network"],
                       network=[("epochs", 3)])  # fmt: skip
    with pytest.raises(GroupRepValueError, match="cannot predict the covariant labels"):
        run_experiment("pattern-position", 8, sizes=[8], strategies=["equivariant_network"])
    with pytest.raises(GroupRepValueError, match="trained networks"):
        run_experiment("necklace-labels", 6, sizes=[8], strategies=["mlp"])


def test_run_experiment_rows_and_ratio_to_the_baseline_network():
    res = run_experiment(
        "necklace-labels", 6, sizes=[8, 16], seeds=1, test_size=200, target=0.6,
        strategies=["baseline", "baseline_network", "equivariant_network"],
        network={"epochs": 40, "hidden": 8, "embedding": 2},
    )  # fmt: skip
    names = [r["strategy"] for r in res.records]
    assert names == ["baseline", "baseline_network", "equivariant_network"] * 2
    table = res.table()
    assert "equivariant_network" in table and "baseline_network" in table
    # without "baseline" the ratio is to the baseline network (a target every model reaches
    # at the first size: both ratios 8 / 8); with no reference at all it would be None
    only = run_experiment(
        "necklace-labels", 6, sizes=[8, 16], seeds=1, test_size=200, target=0.2,
        strategies=["baseline_network", "equivariant_network"], network={"epochs": 40},
    )  # fmt: skip
    assert [s["ratio_to_baseline"] for s in only.summary] == [1.0, 1.0]
    alone = run_experiment(
        "necklace-labels", 6, sizes=[8, 16], seeds=1, test_size=200, target=0.2,
        strategies=["equivariant_network"], network={"epochs": 40},
    )  # fmt: skip
    assert alone.summary[0]["ratio_to_baseline"] is None


def test_run_experiment_passes_the_image_options_to_the_equivariant_network_only():
    # p4m on 6x6 bit images; the label is whether the image has a lit pixel with a lit right
    # neighbour (cyclically), which no rotation, mirror or translation changes
    rng = np.random.default_rng(0)
    images = (rng.random((120, 6, 6)) < 0.15).astype(np.int64)
    pairs = images & np.roll(images, -1, axis=2)
    verticals = images & np.roll(images, -1, axis=1)
    labels = ((pairs.sum(axis=(1, 2)) + verticals.sum(axis=(1, 2))) > 0).astype(np.int64)
    res = run_experiment(
        data=(images.reshape(120, -1), labels), action=grouprep.p4m_action(6, alphabet=2),
        sizes=[16], seeds=1, test_size=40, strategies=list(NETWORK_STRATEGIES),
        network={"epochs": 5, "hidden": 4, "kernel_size": 3},
    )  # fmt: skip
    names = sorted(r["strategy"] for r in res.records)
    assert names == ["baseline_network", "equivariant_network"]
    inv = {s["strategy"]: s["invariant"] for s in res.summary}
    assert inv["equivariant_network"] is True
