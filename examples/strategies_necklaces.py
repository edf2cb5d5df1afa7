"""
Five strategies on necklace labels
==================================

Random labels on the necklace classes of 8-bit strings: the label depends only on the class
of a string under cyclic shifts, and on nothing else. Every strategy of
``grouprep.strategies`` (and the baseline, which ignores the symmetry) is fitted on the same
64 training strings, with the same random-forest classifier at the end, and scored on 1000
held-out strings. ``check_invariant`` then shifts each of 200 held-out strings by every
element of Z_8 and says whether the fitted model's predictions stay the same. The last
part runs the same strategies on bracelets (the dihedral group D_8) and on periodic 3x3
images (translations), where each strategy builds its features from the action.

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

# %%
# Any group: random labels on bracelets, and on periodic images
# -------------------------------------------------------------
# The strategies take any signal action. Under the dihedral group D_8 (rotations and
# reflections) the classes of 8-bit strings are the bracelets; a random label on each
# bracelet is a pure quotient task for D_8. Each strategy derives its features from the
# action: for D_8 (not abelian) the invariant features are orbit-sum polynomials and the
# equivariant layer has one weight per orbit of pairs of sites; for the translations of
# 3x3 periodic images (abelian, acting regularly) they are Fourier features and FFT
# convolutions. The same loop as above runs unchanged for both.

from grouprep.strategies import applicability  # noqa: E402


def canonical_labels(action, X, seed):
    """A random label (0 or 1) on each orbit, read from the orbit's canonical form."""
    canon = grouprep.CanonicalForm(action).fit_transform(X)
    codes = canon @ (2 ** np.arange(canon.shape[1]))  # the canonical string as a number
    return np.random.default_rng(seed).integers(0, 2, size=2 ** canon.shape[1])[codes]


for action in (
    grouprep.dihedral_action(8, alphabet=2),
    grouprep.translation_action((3, 3), alphabet=2),
):
    Xa = rng.integers(0, 2, size=(1128, *action.shape))
    ya = canonical_labels(action, Xa, seed=3)
    print(f"\n{action!r}: random labels on the orbits, 128 training samples")
    print(f"{'strategy':<20}{'features':<22}{'test accuracy':>14}{'invariant':>11}")
    for name in STRATEGIES:
        reason = applicability(name, action)
        if reason is not None:
            print(f"{name:<20}skipped: {reason}")
            continue
        model = make_strategy(name, action).fit(Xa[:128], ya[:128])
        steps = getattr(model, "named_steps", {})
        layer = steps.get("invariants", steps.get("conv"))
        kind = type(layer).__name__ if layer is not None else "-"
        accuracy = model.score(Xa[128:], ya[128:])
        report = grouprep.check_invariant(model.predict, action, Xa[128:328])
        print(f"{name:<20}{kind:<22}{accuracy:>14.3f}{'yes' if report.holds else 'no':>11}")
