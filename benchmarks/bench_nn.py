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

``GroupConv / LiftingConv forward+backward (gather table)``: the convolutions of an abelian
group by FFT (``method="fft"``: ``torch.fft.rfftn`` over the grid Z_n1 x ... x Z_nk, the
product F(k) conj(Psi(k)) per frequency, the inverse transform) against the same layer by
its gather table (``method="table"``: the weight matrix ``weight[:, :, T]``, one matrix
product), same weights: periodic 32 x 32 images under their 1024 translations and
Z_256, float32, 8 channels. Both must give the same outputs (to 1e-4 relative in float32).

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


class Close32(Close):
    """Outputs compared to 1e-4 relative (float32 products in a different order)."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Close) or other.array.shape != self.array.shape:
            return NotImplemented
        scale = max(float(np.abs(self.array).max(initial=0.0)), 1e-300)
        return bool(np.abs(self.array - other.array).max(initial=0.0) <= 1e-4 * scale)

    __hash__ = None  # type: ignore[assignment]


def conv_case(name: str, layer: str, action: Any, channels: int, batch: int) -> Case:
    import torch

    from grouprep.nn import GroupConv, LiftingConv

    torch.manual_seed(SEED)
    if layer == "lifting":
        fft = LiftingConv(action, 1, channels, method="fft")
        table = LiftingConv(action, 1, channels, method="table")
        x = torch.randn(batch, 1, action.num_sites)
    else:
        fft = GroupConv(action.group, channels, channels, method="fft")
        table = GroupConv(action.group, channels, channels, method="table")
        x = torch.randn(batch, channels, action.group.order)
    with torch.no_grad():
        table.weight.copy_(fft.weight)
        assert table.bias is not None
        assert fft.bias is not None
        table.bias.copy_(fft.bias)

    def step(module: Any) -> Any:
        torch.set_num_threads(1)
        module.zero_grad()
        y = module(x)
        y.sum().backward()
        return y.detach().reshape(batch, -1).numpy()

    return Case(
        "GroupConv / LiftingConv forward+backward (gather table)",
        f"{name}, {layer}, {channels} channels, batch {batch}, |G| = {action.group.order}",
        "warm",
        lambda: step(fft),
        lambda: step(table),
        Close32,
        Close32,
        number=5,
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
        conv_case("Z_256 shifts", "group", grouprep.shift_action(256), 8, 64),
        *(
            []
            if quick
            else [
                conv_case(
                    "32x32 translations", "lifting", grouprep.translation_action((32, 32)), 8, 32
                ),
                conv_case(
                    "32x32 translations", "group", grouprep.translation_action((32, 32)), 8, 8
                ),
            ]
        ),
    ]
