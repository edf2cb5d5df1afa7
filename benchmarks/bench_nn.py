"""Trainable equivariant layers: EquivariantLinear against a dense torch.nn.Linear.

``EquivariantLinear forward+backward (torch.nn.Linear)``: one training step's worth of
work on a batch, ``layer(x).sum().backward()``, for an :class:`grouprep.nn.EquivariantLinear`
(its weight matrix assembled from the basis coefficients on every call, then one matrix
product) against a ``torch.nn.Linear`` of the same shape
``(channels * dim) -> (channels * dim)``. The goal is a ratio of at least 1/1.5: the
equivariant layer costs at most 1.5 times the dense one. The dense layer is given the
equivariant layer's own matrix and bias, so both sides must return the same outputs
(float64, to 1e-9 relative). Both run on one thread (the layers are small; threads only
add contention on a shared machine).

Without PyTorch (the optional extra ``torch``) this entry has no cases.
"""

from __future__ import annotations

import importlib.util
from typing import Any

import numpy as np

import grouprep
from benchmarks._harness import Case

SEED = 2024


class Close:
    """Outputs compared to 1e-9 relative to their largest entry."""

    __slots__ = ("array",)

    def __init__(self, array: Any) -> None:
        self.array = np.asarray(array, dtype=np.float64)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Close) or other.array.shape != self.array.shape:
            return NotImplemented
        scale = max(float(np.abs(self.array).max(initial=0.0)), 1e-300)
        return bool(np.abs(self.array - other.array).max(initial=0.0) <= 1e-9 * scale)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Close(shape={self.array.shape})"


def linear_case(name: str, action: Any, channels: int, batch: int) -> Case:
    import torch

    from grouprep.nn import EquivariantLinear

    torch.manual_seed(SEED)
    layer = EquivariantLinear(action, action, channels, channels).double()
    n = action.num_sites
    dense = torch.nn.Linear(channels * n, channels * n).double()
    with torch.no_grad():
        dense.weight.copy_(layer.matrix().reshape(channels * n, channels * n))
        bias = layer.bias_vector()
        assert bias is not None
        dense.bias.copy_(bias.reshape(-1))
    x = torch.randn(batch, channels, n, dtype=torch.float64)
    flat = x.reshape(batch, -1)

    def ours() -> Any:
        torch.set_num_threads(1)
        layer.zero_grad()
        y = layer(x)
        y.sum().backward()
        return y.detach().reshape(batch, -1).numpy()

    def theirs() -> Any:
        torch.set_num_threads(1)
        dense.zero_grad()
        y = dense(flat)
        y.sum().backward()
        return y.detach().numpy()

    k = layer.weight.shape[0]
    return Case(
        "EquivariantLinear forward+backward (torch.nn.Linear)",
        f"{name}, {channels} channels, batch {batch}, basis {k}",
        "warm",
        ours,
        theirs,
        Close,
        Close,
        number=20,
    )


def cases(quick: bool) -> list[Case]:
    """The cases of this entry; ``quick`` uses a batch of 16."""
    if importlib.util.find_spec("torch") is None:
        return []
    batch = 16 if quick else 256
    return [
        linear_case("S_8 on a set (DeepSets)", grouprep.set_action(8, 1), 32, batch),
        linear_case("Z_16 shifts", grouprep.shift_action(16), 16, batch),
        linear_case("D_8 on 8 beads", grouprep.dihedral_action(8), 16, batch),
        linear_case("S_5 on graphs", grouprep.graph_action(5), 8, batch),
    ]
