"""The experiment on a user's data: honest held-out accuracy, disjoint rows, skips."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

import grouprep

pytest.importorskip("sklearn")
pytest.importorskip("matplotlib")
from sklearn.neighbors import KNeighborsClassifier

from grouprep.strategies import run_experiment, split_rows


def binomial_tolerance(p, trials, z=4.5):
    """z standard deviations of a binomial proportion: P(|acc - p| > tol) < 7e-6 at z=4.5."""
    return z * math.sqrt(p * (1 - p) / trials)


def test_noise_labels_score_one_half_on_held_out_rows():
    # labels independent of the inputs: no model can beat chance on unseen rows. With the
    # test rows drawn from the training pool a memorizing forest scored 0.93 here.
    rng = np.random.default_rng(0)
    m, test_size = 1600, 1000
    X = rng.integers(0, 2, size=(m, 12))
    y = rng.integers(0, 2, size=m)
    res = run_experiment(
        data=(X, y),
        action=grouprep.shift_action(12, alphabet=2),
        sizes=[64, 600],
        seeds=2,
        test_size=test_size,
        strategies=["baseline", "quotient", "augmentation", "canonicalization"],
    )
    tol = binomial_tolerance(0.5, test_size)
    assert 0.06 < tol < 0.08
    accs = [r["accuracy"] for r in res.records]
    assert len(accs) == 4 * 2 * 2
    assert all(abs(a - 0.5) < tol for a in accs), accs


def test_noise_labels_on_images_and_dihedral_strings_score_one_half():
    rng = np.random.default_rng(1)
    cases = [
        (grouprep.translation_action((3, 4)), rng.standard_normal((900, 3, 4))),
        (grouprep.dihedral_action(7), rng.standard_normal((900, 7))),
    ]
    for action, X in cases:
        y = rng.integers(0, 2, size=len(X))
        res = run_experiment(
            data=(X, y),
            action=action,
            sizes=[400],
            seeds=1,
            strategies=["baseline", "invariant_features", "equivariant"],
        )
        test_size = 900 - 400  # the default: every row the training set leaves
        assert all(
            abs(r["accuracy"] - 0.5) < binomial_tolerance(0.5, test_size) for r in res.records
        )


@pytest.mark.filterwarnings("ignore:The number of unique classes")
def test_no_model_is_scored_on_a_row_it_was_trained_on():
    # every row has its own label; a 1-nearest-neighbour model answers a training row's
    # label exactly, so any test row that was also a training row would be counted right
    rng = np.random.default_rng(2)
    X = rng.standard_normal((300, 6))
    y = np.arange(300)
    res = run_experiment(
        data=(X, y),
        action=grouprep.shift_action(6),
        sizes=[50, 150],
        seeds=3,
        test_size=150,
        strategies=["baseline", "canonicalization"],
        estimator=KNeighborsClassifier(n_neighbors=1),
    )
    assert [r["accuracy"] for r in res.records] == [0.0] * 12
    # ... while the same model scores every row it was trained on
    model = KNeighborsClassifier(n_neighbors=1).fit(X, y)
    assert model.score(X, y) == 1.0


def test_split_rows_are_disjoint_and_without_repeats():
    rng = np.random.default_rng(3)
    for m, test_size, sizes in ((10, 4, [2, 6]), (1000, 300, [16, 64, 700])):
        test, trains = split_rows(m, test_size, sizes, rng)
        assert len(test) == test_size == len(set(test.tolist()))
        for size, rows in zip(sizes, trains, strict=True):
            assert len(rows) == size == len(set(rows.tolist()))
            assert not set(rows.tolist()) & set(test.tolist())
            assert rows.min() >= 0 and rows.max() < m


def test_the_rows_must_suffice_for_disjoint_sets():
    X = np.random.default_rng(0).standard_normal((40, 5))
    y = np.arange(40) % 2
    action = grouprep.shift_action(5)
    with pytest.raises(grouprep.GroupRepValueError, match=r"need 50 disjoint rows.*has 40"):
        run_experiment(data=(X, y), action=action, sizes=[30], test_size=20)
    with pytest.raises(grouprep.GroupRepValueError, match="leaves no row"):
        run_experiment(data=(X, y), action=action, sizes=[40])
    res = run_experiment(data=(X, y), action=action, sizes=[30], seeds=1, strategies=["baseline"])
    assert len(res.records) == 1  # the default test set: the 10 rows left


def test_the_default_list_skips_what_does_not_apply_and_says_why(tmp_path):
    rng = np.random.default_rng(4)
    X = rng.standard_normal((60, 6))
    y = rng.integers(0, 2, size=60)
    res = run_experiment(
        data=(X, y), action=grouprep.dihedral_action(6), sizes=[20], seeds=1, out=tmp_path
    )
    assert [s["strategy"] for s in res.summary] == [
        "baseline",
        "augmentation",
        "invariant_features",
        "equivariant",
        "canonicalization",
    ]
    assert list(res.skipped) == ["quotient"]
    assert "needs a finite alphabet" in res.skipped["quotient"]
    assert "skipped quotient: the 'quotient' strategy needs a finite alphabet" in res.table()
    meta = json.loads((tmp_path / "results.json").read_text())["meta"]
    assert meta["skipped"] == res.skipped
    # named explicitly, a strategy that does not apply is refused before any work
    with pytest.raises(
        grouprep.GroupRepValueError, match=r"does not apply to dihedral_action\(6\)"
    ):
        run_experiment(
            data=(X, y), action=grouprep.dihedral_action(6), sizes=[20], strategies=["quotient"]
        )


def test_covariant_user_data_compares_the_covariant_strategies():
    rng = np.random.default_rng(5)
    action = grouprep.dihedral_action(8)
    X = rng.standard_normal((260, 8))
    y = X.argmax(axis=1)  # a site that moves with the input
    res = run_experiment(data=(X, y), action=action, covariant=True, sizes=[60], seeds=1)
    names = [s["strategy"] for s in res.summary]
    assert names == ["baseline", "augmentation", "equivariant", "canonicalization"]
    laws = {s["strategy"]: s["invariant"] for s in res.summary}
    assert laws["equivariant"] is True and laws["canonicalization"] is True
    assert "cov" in res.table().splitlines()[0]
    with pytest.raises(
        grouprep.GroupRepValueError, match=r"labels must be sites of dihedral_action\(8\)"
    ):
        run_experiment(data=(X, y + 8), action=action, covariant=True, sizes=[60])
    with pytest.raises(grouprep.GroupRepValueError, match="'covariant' goes with 'data'"):
        run_experiment("necklace-labels", 6, covariant=True, sizes=[8])


BAD_SPLITS = [
    ((10, 4, [7]), grouprep.GroupRepValueError, "need 11 disjoint rows, more than m = 10"),
    ((10, 0, [2]), grouprep.GroupRepValueError, "'test_size' must be an int >= 1"),
    ((10.0, 4, [2]), grouprep.GroupRepTypeError, "'m' must be an int"),
    ((10, 4, "2"), grouprep.GroupRepTypeError, "'sizes' must be a sequence of ints"),
    ((10, 4, [2.5]), grouprep.GroupRepTypeError, "'sizes' must be an int >= 1"),
]


@pytest.mark.parametrize(("args", "error", "message"), BAD_SPLITS, ids=lambda v: str(v)[:30])
def test_split_rows_refuses_bad_arguments(args, error, message):
    with pytest.raises(error, match=message):
        split_rows(*args, rng=0)


def test_site_labels_take_a_signal_action():
    from grouprep.strategies import SiteLabels

    with pytest.raises(grouprep.GroupRepTypeError, match="'action' must be a grouprep signal"):
        SiteLabels(grouprep.permutation_action(grouprep.symmetric(3)))
