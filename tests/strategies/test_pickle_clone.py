"""Fitted strategies pickle and clone, and predict the same afterwards.

The actions built by ``shift_action``, ``dihedral_action`` and ``translation_action``
pickle by their constructor arguments. Actions built by ``signal_action`` do not pickle
yet; their cases below are skipped until they do, and then run unchanged.
"""

from __future__ import annotations

import pickle

import numpy as np
import pytest

import grouprep

pytest.importorskip("sklearn")
from sklearn.base import clone
from sklearn.ensemble import RandomForestClassifier

from grouprep.strategies import COVARIANT_STRATEGIES, STRATEGIES, SiteLabels, make_strategy

ACTIONS = {
    "shift Z8": lambda: grouprep.shift_action(8, alphabet=2),
    "dihedral D6": lambda: grouprep.dihedral_action(6, alphabet=2),
    "translations 3x4": lambda: grouprep.translation_action((3, 4), alphabet=2),
    # the next ones pickle once signal actions pickle by their arguments
    "S4 on positions": lambda: grouprep.signal_action(
        grouprep.permutation_action(grouprep.symmetric(4)), alphabet=2
    ),
    "regular S3": lambda: grouprep.signal_action(
        grouprep.regular_action(grouprep.symmetric(3)), alphabet=2
    ),
}


def picklable(action):
    try:
        pickle.dumps(action)
    except TypeError as exc:
        pytest.skip(f"{action!r} does not pickle yet: {exc}")


def forest():
    return RandomForestClassifier(n_estimators=10, random_state=0, n_jobs=1)


def data(action, covariant, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.integers(0, 2, size=(70, *action.shape))
    if covariant:
        noise = rng.random(X.shape)  # a unique site: the largest value among the ones
        y = (X + noise).reshape(len(X), -1).argmax(axis=1)
    else:
        y = rng.integers(0, 2, size=len(X))
    return X, y


CASES = [(name, False) for name in STRATEGIES] + [(name, True) for name in COVARIANT_STRATEGIES]


@pytest.mark.parametrize("family", list(ACTIONS))
@pytest.mark.parametrize(("name", "covariant"), CASES, ids=lambda v: str(v))
def test_a_fitted_strategy_pickles_and_predicts_the_same(family, name, covariant):
    action = ACTIONS[family]()
    picklable(action)
    X, y = data(action, covariant)
    model = make_strategy(name, action, forest(), covariant=covariant).fit(X, y)
    again = pickle.loads(pickle.dumps(model))
    X_new, _ = data(action, covariant, seed=1)
    assert np.array_equal(again.predict(X_new), model.predict(X_new))


@pytest.mark.parametrize("family", list(ACTIONS))
@pytest.mark.parametrize(("name", "covariant"), CASES, ids=lambda v: str(v))
def test_a_strategy_clones_and_refits_to_the_same_model(family, name, covariant):
    action = ACTIONS[family]()
    picklable(action)
    X, y = data(action, covariant)
    model = make_strategy(name, action, forest(), covariant=covariant).fit(X, y)
    twin = clone(model)
    assert sorted(twin.get_params(deep=False)) == sorted(model.get_params(deep=False))
    X_new, _ = data(action, covariant, seed=2)
    assert np.array_equal(twin.fit(X, y).predict(X_new), model.predict(X_new))


def test_site_labels_pickle_with_their_action():
    labels = SiteLabels(grouprep.dihedral_action(5))
    again = pickle.loads(pickle.dumps(labels))
    assert again.act((2, 1), np.arange(5)).tolist() == labels.act((2, 1), np.arange(5)).tolist()
