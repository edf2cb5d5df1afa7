"""
Training an S_n-invariant DeepSets model
========================================

Learn the spread of a set of numbers (max minus min, which no order of the set changes)
with a small network made of :class:`grouprep.nn.EquivariantLinear` layers on the exact
basis of the maps that commute with :math:`S_8` (two of them: DeepSets), then invariant
pooling. The network is invariant for every weight, before and after training; a plain
multilayer perceptron on the same inputs is not. Runs in a few seconds on a CPU.

Run: python examples/nn_deepsets.py
"""

import numpy as np
import torch

import grouprep
from grouprep.nn import EquivariantLinear, InvariantPooling, check_equivariant

torch.manual_seed(0)
torch.set_num_threads(1)  # a model this small runs fastest on one thread
n = 8
points = grouprep.set_action(n, 1)  # S_8 permuting 8 numbers

model = torch.nn.Sequential(
    EquivariantLinear(points, points, 1, 32),
    torch.nn.ReLU(),
    EquivariantLinear(points, points, 32, 16),
    torch.nn.ReLU(),
    InvariantPooling("max"),
    torch.nn.Linear(16, 1),
)
print(model[0])
print("parameters of the first layer:", sum(p.numel() for p in model[0].parameters()))


def batch(m: int) -> tuple[torch.Tensor, torch.Tensor]:
    x = torch.rand(m, 1, n)
    return x, (x.amax(dim=-1) - x.amin(dim=-1))


x_test, y_test = batch(512)
opt = torch.optim.Adam(model.parameters(), lr=3e-3)
for step in range(201):
    x, y = batch(64)
    opt.zero_grad()
    loss = torch.nn.functional.mse_loss(model(x), y)
    loss.backward()
    opt.step()
    if step % 50 == 0:
        with torch.no_grad():
            test = torch.nn.functional.mse_loss(model(x_test), y_test).item()
        print(f"step {step:3d}: train loss {loss.item():.5f}, test loss {test:.5f}")

# The law holds for the trained weights: every permutation of S_8 (40,320 of them is more
# than the checker enumerates, so it takes the generators and 256 random permutations).
print(check_equivariant(model, points, None, channels_in=1))

# A plain MLP on the flattened set is not invariant.
mlp = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(n, 16), torch.nn.ReLU())
report = check_equivariant(mlp, points, None, channels_in=1)
print("plain MLP invariant:", report.holds, "- max error", f"{report.max_error:.3g}")
print("a permuted test set gives the same predictions:", end=" ")
perm = np.random.default_rng(0).permutation(n)
with torch.no_grad():
    print(torch.allclose(model(x_test[:, :, perm]), model(x_test), atol=1e-5))
