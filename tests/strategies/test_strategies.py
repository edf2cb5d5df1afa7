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
        test_size=16,
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
    with pytest.raises(
        grouprep.GroupRepValueError, match=r"dihedral_action\(6, alphabet=2\).*not abelian"
    ):
        make_strategy("invariant_features", grouprep.dihedral_action(6, 2), features="fourier")


def test_covariant_task_and_strategies():
    task = make_task("pattern-position", 12, seed=4)
    assert task.covariant
    rng = np.random.default_rng(7)
    X, y = task.sample(200, rng)
    Xt, _ = task.sample(150, rng)
    labels = grouprep.strategies.SiteLabels(task.action)
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


# ------------------------------------------------------------- every argument checked
BAD_RUNS = [
    ({"sizes": [16.7]}, grouprep.GroupRepTypeError, "'sizes' must be an int >= 2, got 16.7"),
    ({"sizes": [16.0]}, grouprep.GroupRepTypeError, "'sizes' must be an int >= 2, got 16.0"),
    ({"sizes": "16"}, grouprep.GroupRepTypeError, "'sizes' must be a sequence of ints"),
    ({"sizes": 16}, grouprep.GroupRepTypeError, "'sizes' must be a sequence of ints"),
    ({"sizes": []}, grouprep.GroupRepValueError, "'sizes' must hold at least one size"),
    ({"sizes": [16, 16]}, grouprep.GroupRepValueError, "'sizes' must hold distinct sizes"),
    ({"sizes": [1]}, grouprep.GroupRepValueError, "'sizes' must be an int >= 2, got 1"),
    ({"strategies": "baseline"}, grouprep.GroupRepTypeError, r"write \['baseline'\]"),
    ({"strategies": []}, grouprep.GroupRepValueError, "must name one strategy or more"),
    ({"strategies": ["baseline", "baseline"]}, grouprep.GroupRepValueError, "once"),
    ({"strategies": [3]}, grouprep.GroupRepValueError, r"unknown strategy 3.*'canonicalization'"),
    ({"strategies": {"baseline"}}, grouprep.GroupRepTypeError, "list of strategy names"),
    ({"seeds": 0}, grouprep.GroupRepValueError, "'seeds' must be an int >= 1, got 0"),
    ({"seeds": 2.0}, grouprep.GroupRepTypeError, "'seeds' must be an int >= 1, got 2.0"),
    ({"test_size": 0}, grouprep.GroupRepValueError, "'test_size' must be an int >= 1, got 0"),
    ({"test_size": 99.5}, grouprep.GroupRepTypeError, "'test_size' must be an int"),
    ({"seed": -1}, grouprep.GroupRepValueError, "'seed' must be an int >= 0, got -1"),
    ({"seed": "0"}, grouprep.GroupRepTypeError, "'seed' must be an int"),
    ({"target": "0.9"}, grouprep.GroupRepTypeError, "'target' must be a number in"),
    ({"target": 1.5}, grouprep.GroupRepValueError, r"'target' must be in \(0, 1\], got 1.5"),
    ({"target": float("nan")}, grouprep.GroupRepValueError, "'target' must be in"),
    ({"target": True}, grouprep.GroupRepTypeError, "'target' must be a number"),
    ({"estimator": object()}, grouprep.GroupRepTypeError, "'estimator' must be a scikit-learn"),
    ({"out": 5}, grouprep.GroupRepTypeError, "'out' must be a directory path"),
    ({"progress": "yes"}, grouprep.GroupRepTypeError, "'progress' must be True or False"),
    ({"overwrite": 1}, grouprep.GroupRepTypeError, "'overwrite' must be True or False"),
    ({"task": 5}, grouprep.GroupRepTypeError, "'task' must be the name of a built-in task"),
    ({"task": "parity"}, grouprep.GroupRepValueError, "unknown task 'parity'; built-in tasks"),
    ({"n": 6.0}, grouprep.GroupRepTypeError, "make_task: argument 'n' must be an int"),
    ({"n": 65}, grouprep.GroupRepValueError, "'n' must be an int in 2..64, got 65"),
    ({"k": 2.0}, grouprep.GroupRepTypeError, "make_task: argument 'k' must be an int"),
    ({"action": grouprep.shift_action(6)}, grouprep.GroupRepValueError, "goes with 'data'"),
]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"), BAD_RUNS, ids=[str(k)[:40] for k, *_ in BAD_RUNS]
)
def test_run_experiment_refuses_bad_arguments_before_any_work(tmp_path, kwargs, error, message):
    call = {"task": "necklace-labels", "n": 6, "sizes": [16], "seeds": 1, "test_size": 20}
    call.update(kwargs, out=kwargs.get("out", tmp_path / "out"))
    with pytest.raises(error, match=message) as info:
        run_experiment(**call)
    assert str(info.value).startswith(("run_experiment: ", "make_task: ", "make_strategy: "))
    assert not (tmp_path / "out").exists()


def _user_data(X, y=None):
    if y is None:
        y = np.zeros(len(X), dtype=int)
    action = grouprep.shift_action(5)
    return run_experiment(data=(X, y), action=action, sizes=[4], seeds=1, test_size=4)


def test_run_experiment_checks_user_data():
    good = np.random.default_rng(0).standard_normal((10, 5))
    shape = r"X of shape \(n_samples, 5\).*\(10, 4\)"
    with pytest.raises(grouprep.GroupRepValueError, match=shape):
        _user_data(good[:, :4])
    with pytest.raises(grouprep.GroupRepValueError, match="one label per row"):
        _user_data(good, np.zeros(9, dtype=int))
    with pytest.raises(grouprep.GroupRepValueError, match="one label per row"):
        _user_data(good, np.zeros((10, 2), dtype=int))
    bad = good.copy()
    bad[3, 1] = np.nan
    with pytest.raises(grouprep.GroupRepValueError, match="NaN or infinite"):
        _user_data(bad)
    with pytest.raises(grouprep.GroupRepTypeError, match="real array X"):
        _user_data(good.astype(object))
    with pytest.raises(grouprep.GroupRepTypeError, match=r"'data' must be a pair \(X, y\)"):
        run_experiment(data=(good,), action=grouprep.shift_action(5), sizes=[4])
    with pytest.raises(grouprep.GroupRepTypeError, match="'action' must be the grouprep signal"):
        run_experiment(data=(good, np.zeros(10)), action="shift", sizes=[4])


BAD_OPTIONS = [
    ({"random_state": 1.5}, grouprep.GroupRepTypeError, "'random_state' must be an int >= 0"),
    ({"random_state": -2}, grouprep.GroupRepValueError, "'random_state' must be an int >= 0"),
    ({"degree": 0}, grouprep.GroupRepValueError, "'degree' must be an int >= 1, got 0"),
    ({"degree": 2.5}, grouprep.GroupRepTypeError, "'degree' must be an int >= 1, got 2.5"),
    ({"n_filters": 2.5}, grouprep.GroupRepTypeError, "'n_filters' must be an int >= 1"),
    (
        {"features": "wavelets"},
        grouprep.GroupRepValueError,
        "'features' must be 'auto', 'fourier'",
    ),
    ({"covariant": "yes"}, grouprep.GroupRepTypeError, "'covariant' must be True or False"),
    ({"colour": 3}, grouprep.GroupRepValueError, r"unknown options \['colour'\]"),
    ({"estimator": "forest"}, grouprep.GroupRepTypeError, "'estimator' must be a scikit-learn"),
]


@pytest.mark.parametrize(
    ("options", "error", "message"), BAD_OPTIONS, ids=[str(o) for o, *_ in BAD_OPTIONS]
)
def test_make_strategy_refuses_bad_options(options, error, message):
    with pytest.raises(error, match=message) as info:
        make_strategy("invariant_features", grouprep.shift_action(6), **options)
    assert str(info.value).startswith("make_strategy: ")


def test_make_strategy_names_the_known_strategies():
    with pytest.raises(grouprep.GroupRepValueError, match="'canonicalization'") as info:
        make_strategy("baselin", grouprep.shift_action(6, 2))
    assert "got 'baselin'" in str(info.value)


def test_make_task_refuses_an_alphabet_it_would_ignore():
    with pytest.raises(grouprep.GroupRepValueError, match="'run-of-ones' is on bit strings"):
        make_task("run-of-ones", 8, k=3)
    with pytest.raises(grouprep.GroupRepValueError, match="'templates' is on real signals"):
        make_task("templates", 8, k=5)
    with pytest.raises(grouprep.SizeLimitError, match=r"k\*\*n = 300\*\*8, about 2\*\*65.8"):
        make_task("necklace-labels", 8, k=300)


# --------------------------------------------- necklace labels without listing anything
def test_class_labels_are_the_listed_labels_read_one_by_one():
    from grouprep.strategies._tasks import class_labels

    for n, seed in ((8, 0), (10, 3), (14, 11)):
        count = grouprep.count_necklaces(n)
        listed = np.random.default_rng(seed).integers(0, 2, size=count)
        assert np.array_equal(class_labels(np.arange(count), seed), listed)
        ranks = np.random.default_rng(1).integers(0, count, size=(40, 3))
        assert np.array_equal(class_labels(ranks, seed), listed[ranks])


def test_necklace_labels_at_z36_take_memory_in_proportion_to_the_rows():
    import tracemalloc

    tracemalloc.start()
    try:
        task = make_task("necklace-labels", 36, seed=2)
        X, y = task.sample(500, np.random.default_rng(0))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # the old table of labels alone took 15 GiB; compiling the rank kernel takes a few MiB
    assert peak < 200 * 2**20, f"{peak / 2**20:.0f} MiB"
    assert X.shape == (500, 36) and set(np.unique(y)) == {0, 1}
    ranks = grouprep.necklace_rank(X)  # the label is a function of the class
    for r in np.unique(ranks):
        assert len(set(y[ranks == r])) == 1


def test_necklace_labels_with_more_than_256_symbols():
    task = make_task("necklace-labels", 4, k=300)
    X, y = task.sample(400, np.random.default_rng(0))
    assert X.max() > 255 and X.dtype == np.uint16  # the symbols are not wrapped
    moved = np.roll(X, 1, axis=1)
    _, y_again = make_task("necklace-labels", 4, k=300).sample(400, np.random.default_rng(0))
    assert np.array_equal(y, y_again)
    assert np.array_equal(grouprep.necklace_rank(X, 300), grouprep.necklace_rank(moved, 300))


# ----------------------------------------------------------------- no result is lost
def test_experiment_refuses_to_overwrite_results(tmp_path):
    kw = {"sizes": [16], "seeds": 1, "strategies": ["baseline"], "test_size": 30}
    run_experiment("necklace-labels", 6, out=tmp_path, **kw)
    (tmp_path / "results.csv").write_text("my own analysis")
    names = ("results.json", "results.csv", "learning_curves.png")
    before = {name: (tmp_path / name).read_bytes() for name in names}
    with pytest.raises(
        grouprep.GroupRepValueError,
        match=r"results\.csv, .*learning_curves\.png exist .*overwrite=True",
    ):
        run_experiment("necklace-labels", 6, out=tmp_path, **kw)
    assert {name: (tmp_path / name).read_bytes() for name in names} == before
    res = run_experiment("necklace-labels", 6, out=tmp_path, overwrite=True, **kw)
    assert (tmp_path / "results.csv").read_text() != "my own analysis"
    assert res.files["csv"] == str(tmp_path / "results.csv")


def test_the_write_test_never_removes_a_users_file(tmp_path):
    mine = tmp_path / ".grouprep-write-test"
    mine.write_text("mine")
    run_experiment(
        "necklace-labels", 6, sizes=[16], seeds=1, strategies=["baseline"], test_size=30,
        out=tmp_path,
    )  # fmt: skip
    assert mine.read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".grouprep-write-test", "learning_curves.png", "results.csv", "results.json",
    ]  # fmt: skip
