"""
Strategy 4 trained: an equivariant network against an MLP
=========================================================

The learning curves of two trained PyTorch networks with the same width, depth and
training loop (Adam on the cross-entropy, 200 full-batch epochs): the equivariant network
of ``make_strategy("equivariant", action, model="network")`` (a symbol embedding, a
lifting correlation to the group, one group convolution, mean and max pooled over the
group, a linear head) and the unconstrained MLP of ``make_strategy("baseline", action,
model="network")``. Two tasks whose labels are random on the classes, so that the
symmetry is all there is to learn: necklaces (:math:`\\mathbb{Z}_8` shifting 8-bit
strings, the built-in task ``necklace-labels``) and bracelets (the dihedral group
:math:`D_8`, rotations and reflections, labels computed here by brute force). Each row is
the mean test accuracy over 5 seeds, on 2000 test strings per seed; ``ratio`` is the
MLP's training size to reach 80% divided by the equivariant network's. Runs in about a
minute and a half on two cores with ``--full`` (the figures of Part II); without it, 2
seeds and training sizes up to 128, in about 20 seconds.

Run: python examples/nn_trained_networks.py [--full]
"""

import sys

import numpy as np
import torch

import grouprep
from grouprep.strategies import NETWORK_STRATEGIES, run_experiment

torch.set_num_threads(1)  # networks this small run fastest on one thread
full = "--full" in sys.argv[1:]
n, target = 8, 0.8
sizes, seeds = ([8, 16, 32, 64, 128, 256], 5) if full else ([8, 16, 32, 64, 128], 2)

# Z_8: the built-in task, a random label on each of the 36 necklaces
necklaces = run_experiment(
    "necklace-labels", n, sizes=sizes, seeds=seeds, target=target,
    strategies=list(NETWORK_STRATEGIES),
)  # fmt: skip
print(f"Z_{n} necklaces, {necklaces.description}")
print(necklaces.table(), end="\n\n")

# D_8: a random label on each bracelet, the class of a string under rotations and
# reflections (the least of its 2n images as a binary number, by numpy)
strings = (np.arange(2**n)[:, None] >> np.arange(n)[::-1]) & 1
images = [np.roll(strings, r, axis=1) for r in range(n)]
images += [np.roll(strings[:, ::-1], r, axis=1) for r in range(n)]
codes = np.stack([im @ (1 << np.arange(n)[::-1]) for im in images]).min(axis=0)
classes, index = np.unique(codes, return_inverse=True)
labels = np.random.default_rng(0).integers(0, 2, size=len(classes))[index]
rows = np.random.default_rng(1).integers(0, 2**n, size=max(sizes) + 2000)  # uniform strings
bracelets = run_experiment(
    data=(strings[rows], labels[rows]), action=grouprep.dihedral_action(n, alphabet=2),
    sizes=sizes, seeds=seeds, target=target, strategies=list(NETWORK_STRATEGIES),
)  # fmt: skip
print(f"D_{n} bracelets, a random label (0 or 1) on each of the {len(classes)} bracelets")
print(bracelets.table())
