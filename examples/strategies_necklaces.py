"""
Five strategies on necklace labels
==================================

Random labels on the necklace classes of 8-bit strings: the label depends only on the class
of a string under cyclic shifts, and on nothing else. Every strategy of
``grouprep.strategies`` (and the baseline, which ignores the symmetry) is fitted on the same
64 training strings, with the same random-forest classifier at the end, and scored on 1000
held-out strings. ``check_invariant`` then shifts each of 200 held-out strings by every
element of Z_8 and says whether the fitted model's predictions stay the same.

Run: python examples/strategies_necklaces.py
"""

import numpy as np

import grouprep
from grouprep.strategies import STRATEGIES, make_strategy, make_task

task = make_task("necklace-labels", 8)
print(f"task: {task.description}")

rng = np.random.default_rng(0)
X_train, y_train = task.sample(64, rng)
X_test, y_test = task.sample(1000, rng)
seen = np.isin(grouprep.necklace_rank(X_test), grouprep.necklace_rank(X_train))
classes = len(np.unique(grouprep.necklace_rank(X_train)))
print(f"64 training strings cover {classes} of the {grouprep.count_necklaces(8)} classes;")
print(f"{seen.mean():.0%} of the test strings lie in a class seen in training\n")

# %%
# Fit, score, and check invariance on held-out strings
# ----------------------------------------------------
# Strategies 1, 3, 4 and 5 (quotient, invariant features, equivariant layers with
# pooling, canonical forms) are invariant by construction. Augmentation learns the
# invariance from the shifted copies of the training strings, so it holds where the
# training set covered the class; the baseline has no reason to be invariant.

print(f"{'strategy':<20}{'test accuracy':>14}{'invariant':>11}")
for name in STRATEGIES:
    model = make_strategy(name, task.action).fit(X_train, y_train)
    accuracy = model.score(X_test, y_test)
    report = grouprep.check_invariant(model.predict, task.action, X_test[:200])
    print(f"{name:<20}{accuracy:>14.3f}{'yes' if report.holds else 'no':>11}")

print(f"\n(each check: {report.checked} shifted strings; see docs/guide/strategies.rst)")
