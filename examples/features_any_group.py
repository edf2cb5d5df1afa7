"""
Featurizers built from the action: rotations of images, sets, dihedral signals
==============================================================================

Every featurizer takes the action it is invariant or equivariant for, and ``check``
verifies that action. This script builds a task on 9 x 9 images whose label does not
change when the image is turned by quarter turns or mirrored (the group D4 of
``grouprep.d4_action``): three random templates, each sample a template turned and
mirrored at random plus noise. Three pipelines are trained on the same samples:

* logistic regression on the raw pixels (no symmetry used);
* a group convolution of D4 (lifting to the 8 elements of the group) followed by max
  pooling over the group axis, the invariant layer of a G-CNN;
* the G-power spectrum and G-bispectrum of D4 (each orbit of pixels lifted to the group,
  its Fourier coefficients on the irreps of D4).

Then the law each featurizer promises is checked on the data for D4, and the number of
equivariant linear maps for sets and graphs is compared with the published counts.

Run: python examples/features_any_group.py
"""

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline, make_union
from sklearn.preprocessing import StandardScaler

import grouprep

rng = np.random.default_rng(0)
h = 9
templates = rng.standard_normal((3, h, h))


def sample(count: int) -> tuple[np.ndarray, np.ndarray]:
    labels = rng.integers(0, 3, size=count)
    images = np.empty((count, h, h))
    for i, label in enumerate(labels):
        image = templates[label]
        if rng.integers(2):
            image = np.flip(image, axis=1)
        image = np.rot90(image, rng.integers(4))
        images[i] = image + 0.3 * rng.standard_normal((h, h))
    return images, labels


X_train, y_train = sample(60)
X_test, y_test = sample(400)
D4 = grouprep.d4_action(h)


def classifier() -> LogisticRegression:
    return LogisticRegression(max_iter=2000)


conv = grouprep.GroupConvolution(D4, n_filters=16, nonlinearity="abs", random_state=0)
pipelines = {
    "raw pixels": make_pipeline(StandardScaler(), classifier()),
    "D4 convolution + pooling": make_pipeline(
        conv, grouprep.InvariantPooling(D4.group, pool="max"), StandardScaler(), classifier()
    ),
    "D4 power spectrum + bispectrum": make_pipeline(
        make_union(grouprep.PowerSpectrum(D4), grouprep.Bispectrum(D4)),
        StandardScaler(),
        classifier(),
    ),
}
flat_train, flat_test = X_train.reshape(len(X_train), -1), X_test.reshape(len(X_test), -1)
for name, model in pipelines.items():
    train, test = (flat_train, flat_test) if name == "raw pixels" else (X_train, X_test)
    model.fit(train, y_train)
    print(f"{name:32s} test accuracy {model.score(test, y_test):.3f}")

# the laws, for the action each featurizer was built from
lift = conv.fit(X_test)
print("GroupConvolution(D4) equivariant:", lift.check(X_test).holds)
bs = grouprep.Bispectrum(D4).fit(X_test)
print("Bispectrum(D4) invariant:", bs.check(X_test).holds, f"({len(bs.pairs_)} pairs of irreps)")
turned = np.rot90(np.flip(X_test, axis=2), 1, axes=(1, 2))
print("unchanged by np.rot90 / np.flip:", np.allclose(bs.transform(turned), bs.transform(X_test)))
# a layer built from the translations states and checks the translations
shift = grouprep.GroupConvolution(n_filters=4).fit(X_test)
print("translations' layer, its own check:", shift.check(X_test).holds)

# equivariant linear maps: DeepSets (2) and Maron et al. (Bell numbers 15 and 5)
sets, graphs = grouprep.set_action(6, 1), grouprep.graph_action(6)
for a, b, published in [(sets, sets, 2), (graphs, graphs, 15), (sets, graphs, 5)]:
    layer = grouprep.EquivariantLinear(a, action_out=b).fit(np.zeros((1, *a.shape)))
    print(f"maps {a!r} -> {b!r}: {layer.n_basis_} (published {published})")
