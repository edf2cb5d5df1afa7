"""The five strategies and the sample-complexity experiment."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest

import grouprep

pytest.importorskip("sklearn")
pytest.importorskip("matplotlib")

from grouprep.strategies import (
    STRATEGIES,
    make_strategy,
    make_task,
    run_experiment,
)

INVARIANT = ("quotient", "invariant_features", "equivariant", "canonicalization")


@pytest.fixture(scope="module")
def necklace_data():
    task = make_task("necklace-labels", 7, seed=1)
    rng = np.random.default_rng(0)
    return task, task.sample(60, rng), task.sample(300, rng)


@pytest.mark.parametrize("name", STRATEGIES)
def test_every_strategy_fits_and_predicts(name, necklace_data):
    task, (X, y), (Xt, yt) = necklace_data
    model = make_strategy(name, task.action).fit(X, y)
    pred = model.predict(Xt)
    assert pred.shape == yt.shape and set(np.unique(pred)) <= {0, 1}
    assert 0.0 <= model.score(Xt, yt) <= 1.0
    report = grouprep.check_invariant(model.predict, task.action, Xt[:100])
    if name in INVARIANT:
        assert report.holds, report
    if name == "baseline":
        assert not report.holds  # a raw-input forest visibly breaks the symmetry


def test_invariant_strategies_learn_the_quotient_task_faster_than_the_baseline(necklace_data):
    task, _, (Xt, yt) = necklace_data
    X, y = task.sample(120, np.random.default_rng(5))
    acc = {
        name: make_strategy(name, task.action).fit(X, y).score(Xt, yt)
        for name in ("baseline", "quotient", "canonicalization")
    }
    assert acc["quotient"] > acc["baseline"] + 0.1
    assert acc["canonicalization"] > acc["baseline"] + 0.1


def test_fourier_invariants_separate_mirror_templates():
    task = make_task("templates", 16, seed=2)
    rng = np.random.default_rng(3)
    X, y = task.sample(300, rng)
    Xt, yt = task.sample(600, rng)
    inv = make_strategy("invariant_features", task.action).fit(X, y).score(Xt, yt)
    base = make_strategy("baseline", task.action).fit(X, y).score(Xt, yt)
    assert inv > 0.9 and inv >= base
    poly = make_strategy("invariant_features", task.action, features="polynomials", degree=2)
    # degree-2 orbit sums are autocorrelations: blind to the mirror image (class 1 vs 2)
    assert poly.fit(X, y).score(Xt, yt) < inv


def test_run_of_ones_task_is_balanced_and_invariant():
    task = make_task("run-of-ones", 10)
    X, y = task.sample(2000, np.random.default_rng(0))
    assert 0.3 < y.mean() < 0.7
    shifted = np.roll(X, 3, axis=1)
    # the label is a function of the necklace class
    _, y2 = task.sample(0, np.random.default_rng(0))
    ranks = grouprep.necklace_rank(X)
    assert all(len(set(y[ranks == r])) == 1 for r in np.unique(ranks))
    assert shifted.shape == X.shape and y2.shape == (0,)


def test_experiment_outputs_and_reproducibility(tmp_path):
    kw = {"sizes": [16, 64], "seeds": 2, "strategies": ["baseline", "quotient"], "test_size": 300}
    res = run_experiment("necklace-labels", 6, out=tmp_path, **kw)
    again = run_experiment("necklace-labels", 6, **kw)
    assert [r["accuracy"] for r in res.records] == [r["accuracy"] for r in again.records]
    assert len(res.records) == 2 * 2 * 2
    data = json.loads((tmp_path / "results.json").read_text())
    assert data["meta"]["n"] == 6 and len(data["records"]) == 8
    with open(tmp_path / "results.csv") as fh:
        assert len(list(csv.DictReader(fh))) == 8
    assert (tmp_path / "learning_curves.png").stat().st_size > 1000
    text = res.table()
    assert "quotient" in text and "baseline" in text
    quotient = next(s for s in res.summary if s["strategy"] == "quotient")
    assert quotient["invariant"] is True and len(quotient["mean"]) == 2


def test_user_data_hook():
    action = grouprep.shift_action(5, alphabet=2)
    X = grouprep.shift_action(5, 2).points_array()
    y = (X.sum(axis=1) >= 3).astype(int)
    res = run_experiment(
        data=(X, y),
        action=action,
        sizes=[8, 16],
        seeds=1,
        test_size=32,
        strategies=["baseline", "canonicalization"],
    )
    assert res.task == "user data" and len(res.records) == 4


def test_bad_input(tmp_path):
    task = make_task("templates", 8)
    with pytest.raises(grouprep.GroupRepValueError, match="needs a finite alphabet"):
        make_strategy("quotient", task.action)
    with pytest.raises(grouprep.GroupRepValueError, match="'name' must be one of"):
        make_strategy("magic", task.action)
    with pytest.raises(grouprep.GroupRepValueError, match="unknown task"):
        run_experiment("parity", 8)
    with pytest.raises(grouprep.GroupRepValueError, match="larger than the task's domain"):
        run_experiment("necklace-labels", 4, sizes=[8, 32])
    with pytest.raises(grouprep.GroupRepValueError, match="unknown strategy"):
        run_experiment("necklace-labels", 6, sizes=[8], strategies=["nope"])
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(grouprep.GroupRepValueError, match="cannot write"):
        run_experiment("necklace-labels", 6, sizes=[8], seeds=1, out=blocker / "sub")
    with pytest.raises(grouprep.GroupRepValueError, match="built for the cyclic shift"):
        make_strategy("equivariant", grouprep.dihedral_action(6, 2))


def test_covariant_task_and_strategies():
    task = make_task("pattern-position", 12, seed=4)
    assert task.covariant
    rng = np.random.default_rng(7)
    X, y = task.sample(200, rng)
    Xt, _ = task.sample(150, rng)
    labels = grouprep.strategies.ShiftLabels(task.action)
    for name in ("equivariant", "canonicalization"):
        model = make_strategy(name, task.action, covariant=True).fit(X, y)
        report = grouprep.check_equivariant(model.predict, task.action, labels, Xt)
        assert report.holds, (name, report)
    base = make_strategy("baseline", task.action, covariant=True).fit(X, y)
    assert not grouprep.check_equivariant(base.predict, task.action, labels, Xt).holds
    with pytest.raises(grouprep.GroupRepValueError, match="invariant by construction"):
        make_strategy("quotient", task.action, covariant=True)
    res = run_experiment("pattern-position", 12, sizes=[24, 96], seeds=1, test_size=200)
    assert [s["strategy"] for s in res.summary] == [
        "baseline",
        "augmentation",
        "equivariant",
        "canonicalization",
    ]
    assert "cov" in res.table().splitlines()[0]
    eq = next(s for s in res.summary if s["strategy"] == "equivariant")
    base_row = next(s for s in res.summary if s["strategy"] == "baseline")
    assert eq["invariant"] is True and eq["mean"][0] > base_row["mean"][0]


def test_plot_draws_one_curve_per_strategy_and_the_target():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    res = run_experiment(
        "necklace-labels", 6, sizes=[16, 32], seeds=2, strategies=["baseline", "quotient"],
        test_size=100,
    )  # fmt: skip
    fig, ax = plt.subplots()
    assert res.plot(ax) is ax
    lines = ax.get_lines()
    assert [line.get_label() for line in lines[:2]] == ["baseline", "quotient"]
    for line, s in zip(lines[:2], res.summary, strict=True):
        assert list(line.get_xdata()) == res.sizes
        np.testing.assert_allclose(line.get_ydata(), s["mean"])
    assert list(lines[2].get_ydata()) == [res.target, res.target]  # the dotted target
    plt.close(fig)
