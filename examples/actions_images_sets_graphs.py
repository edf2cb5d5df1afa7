"""
Rotations of images, permutations of sets and graphs, flips of values
=====================================================================

The symmetries machine learning meets most, as grouprep actions: D4 and p4m on square
images, S_n on point sets and on adjacency matrices, and a bit flip combined with cyclic
shifts. Each action is checked against the NumPy move it stands for, its classes are
counted, and it survives pickling.

Run: python examples/actions_images_sets_graphs.py
"""

import pickle

import numpy as np

import grouprep

rng = np.random.default_rng(0)

# %%
# Square images: D4 turns and mirrors, element (r, s) = rot90^r after flip^s.
d4 = grouprep.d4_action(5)
images = rng.standard_normal((64, 3, 5, 5))  # a batch of 3-channel images
for r in range(4):
    for s in (0, 1):
        want = np.rot90(np.flip(images, -1) if s else images, r, axes=(-2, -1))
        assert np.array_equal(d4.act((r, s), images), want)
print("D4 on", images.shape, "images: every element is rot90 after flip")
print("binary 3x3 images up to D4:", grouprep.count_orbits(grouprep.d4_action(3, alphabet=2)))

# %%
# Periodic images: p4m, translations with turns and mirrors, order 8 h^2.
h = 8
p4m = grouprep.p4m_action(h)
print(f"p4m on {h}x{h} periodic images: |G| = {p4m.group.order} = 8 * {h}^2")
g = grouprep.image_symmetry(h, shift=(2, 5), rotation=3, mirror=True)
x = rng.standard_normal((h, h))
assert np.array_equal(p4m.act(g, x), np.roll(np.rot90(np.flip(x, -1), 3), (2, 5), axis=(0, 1)))
assert grouprep.check_action(p4m, rng.standard_normal((8, h, h))).holds
counts = [grouprep.count_orbits(grouprep.p4m_action(n, alphabet=2)) for n in range(1, 6)]
print("binary periodic images up to p4m (OEIS A255016):", counts)

# Random augmentation: a different symmetry for every image of a batch.
gs = [p4m.group.random_element(rng) for _ in range(16)]
augmented = p4m.act_each(gs, rng.standard_normal((16, h, h)))
print("augmented", augmented.shape)

# %%
# Sets: S_n moves the rows of an (n, d) array; acting by p^-1 is X[p].
cloud = grouprep.set_action(6, 3)
X = rng.standard_normal((6, 3))
p = cloud.group.random_element(rng)
assert np.array_equal(cloud.act(cloud.group.inverse(p), X), X[list(p)])
mean = X.mean(axis=0)  # an invariant of the set: unchanged by every relabelling
assert grouprep.check_invariant(lambda Y: Y.mean(axis=-2), cloud, X[None]).holds
print("the mean of a point cloud is S_6-invariant:", np.round(mean, 3))

# %%
# Graphs: S_n relabels vertices, (p.A)[i, j] = A[p^-1 i, p^-1 j].
n = 5
graphs = grouprep.graph_action(n)
M = rng.integers(0, 2, (n, n))
A = np.triu(M, 1) + np.triu(M, 1).T
q = graphs.group.random_element(rng)
assert np.array_equal(graphs.act(graphs.group.inverse(q), A), A[list(q)][:, list(q)])
degrees = np.sort(A.sum(axis=1))  # the sorted degree sequence is invariant
print("sorted degrees", degrees, "=", np.sort(graphs.act(q, A).sum(axis=1)))
print(
    "graphs on 1..7 vertices (OEIS A000088):",
    [1] + [grouprep.count_orbits(grouprep.edge_action(k, alphabet=2)) for k in range(2, 8)],
)

# %%
# Values: Z_n shifts times a Z_2 bit flip on binary strings.
flip = grouprep.bit_flip_action()
necklaces = grouprep.site_value_action(grouprep.shift_action(8, alphabet=2), flip)
print("group", necklaces.group, "acts:", necklaces.act((1, 1), (1, 1, 1, 0, 0, 0, 0, 0)))
print(
    "binary necklaces up to complement (OEIS A000013):",
    [
        grouprep.count_orbits(grouprep.site_value_action(grouprep.shift_action(k, 2), flip))
        for k in range(1, 9)
    ],
)

# %%
# Actions are values: they pickle as their constructor call, whatever caches they hold.
p4m.gather_table()
data = pickle.dumps(p4m)
restored = pickle.loads(data)
assert restored == p4m and np.array_equal(restored.act(g, x), p4m.act(g, x))
print(f"p4m_action({h}) pickles in {len(data)} bytes")
