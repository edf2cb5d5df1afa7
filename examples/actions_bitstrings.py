"""
Cyclic shifts of bit strings and translations of images
=======================================================

Z_N acting on bit strings by cyclic shifts, and Z_h x Z_w translating periodic images.

The seed's idealized example: (phi_n . x)(m) = x(m - n), translation with periodic boundary.
Run: python examples/actions_bitstrings.py
"""

import numpy as np

import grouprep

N = 6
shift = grouprep.shift_action(N, alphabet=2)

# The class [x] of a string: all its shifts (a necklace).
x = (1, 1, 0, 1, 0, 0)
orbit = sorted({shift.act(g, x) for g in shift.group})
print(f"[{''.join(map(str, x))}] =", ["".join(map(str, y)) for y in orbit])

# One call shifts a whole batch: every one of the 2^N strings at once.
X = shift.points_array()  # shape (64, 6)
Y = shift.act(2, X)
assert np.array_equal(Y, np.roll(X, 2, axis=-1))
print("batch:", X.shape, "->", Y.shape)

# Count the classes by brute force from the action: the binary necklaces of length N.
seen, classes = set(), 0
for p in shift.points():
    if p not in seen:
        classes += 1
        seen.update(shift.act(g, p) for g in shift.group)
print(f"{classes} classes of {N}-bit strings under cyclic shift")

# Reflections too: the dihedral group's classes are the bracelets.
flip = grouprep.dihedral_action(N, alphabet=2)
print("a reflection of", x, "is", flip.act((0, 1), x))

# Periodic images: Z_3 x Z_4 translating 3 x 4 images, a batch of 1000 at once.
images = np.random.default_rng(0).random((1000, 3, 4))
torus = grouprep.translation_action((3, 4))
moved = torus.act((1, 2), images)
assert np.array_equal(moved, np.roll(images, (1, 2), axis=(-2, -1)))
print("translated", moved.shape, "images")

# A different group element for each row (e.g. random augmentation).
rng = np.random.default_rng(1)
gs = [torus.group.random_element(rng) for _ in range(len(images))]
augmented = torus.act_each(gs, images)
print("augmented", augmented.shape, "images, first element used:", gs[0])
