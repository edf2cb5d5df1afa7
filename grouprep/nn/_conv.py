"""Group convolutions for permutation actions, and invariant pooling (private)."""

from __future__ import annotations

import math
from typing import Any, Literal

import numpy as np
import torch

from grouprep._validation import check_int, describe
from grouprep.actions import SignalAction
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.groups import FiniteGroup
from grouprep.nn._linear import check_input
from grouprep.nn._reps import site_representation
from grouprep.reps import Representation, regular_representation

__all__ = ["GroupConv", "InvariantPooling", "LiftingConv"]


class _TableConv(torch.nn.Module):
    """out[b, o, g] = sum_{i, x} f[b, i, x] psi[o, i, T[g, x]] + bias[o]."""

    table: torch.Tensor

    def __init__(
        self,
        table: np.ndarray[Any, Any],
        channels_in: int,
        channels_out: int,
        bias: bool,
        where: str,
        dtype: torch.dtype | None,
        device: torch.device | str | None,
    ) -> None:
        super().__init__()
        self.channels_in = check_int(channels_in, "channels_in", where, minimum=1)
        self.channels_out = check_int(channels_out, "channels_out", where, minimum=1)
        if not isinstance(bias, bool):
            raise GroupRepTypeError(f"{where}: argument 'bias' must be a bool, got {bias!r}")
        self._where = where
        self.dim_out, self.dim_in = table.shape
        self.register_buffer("table", torch.from_numpy(np.array(table, dtype=np.int64)).to(device))
        factory: dict[str, Any] = {"dtype": dtype, "device": device}
        self.weight = torch.nn.Parameter(
            torch.empty(self.channels_out, self.channels_in, self.dim_in, **factory)
        )
        self.bias: torch.nn.Parameter | None = (
            torch.nn.Parameter(torch.empty(self.channels_out, **factory)) if bias else None
        )
        self.reset_parameters()

    def reset_parameters(self) -> None:
        """Draw the filters and the bias uniformly from :math:`\\pm 1/\\sqrt{\\text{fan-in}}`."""
        bound = 1.0 / math.sqrt(self.channels_in * self.dim_in)
        with torch.no_grad():
            self.weight.uniform_(-bound, bound)
            if self.bias is not None:
                self.bias.uniform_(-bound, bound)

    def matrix(self) -> torch.Tensor:
        """The weight matrix of shape ``(channels_out, dim_out, channels_in, dim_in)``."""
        return self.weight[:, :, self.table].permute(0, 2, 1, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Apply the convolution to ``x`` of shape ``(batch, channels_in, dim_in)``."""
        x = check_input(x, self.channels_in, self.dim_in, self._where, self.weight.dtype)
        W = self.matrix().reshape(self.channels_out * self.dim_out, -1)
        flat = x.reshape(x.shape[0], -1)
        if self.bias is None:
            y = flat @ W.T
        else:
            b = self.bias[:, None].expand(self.channels_out, self.dim_out).reshape(-1)
            y = torch.addmm(b, flat, W.T)
        return y.reshape(x.shape[0], self.channels_out, self.dim_out)

    def extra_repr(self) -> str:
        return (
            f"channels_in={self.channels_in}, channels_out={self.channels_out}, "
            f"sites={self.dim_in}, group_order={self.dim_out}, bias={self.bias is not None}"
        )


class LiftingConv(_TableConv):
    """Lift a signal on the sites of an action to a signal on the group by correlation.

    .. math:: (f \\star \\psi)_o(g) = \\sum_{i} \\sum_{x} f_i(x)\\,
              \\psi_{o i}(g^{-1} \\cdot x) + b_o

    with a learnable filter :math:`\\psi_{oi}` on the sites per pair of channels. It is
    equivariant from the sites (:func:`site_representation`, :math:`(h f)(x) =
    f(h^{-1} x)`) to the left regular representation
    (:math:`(h F)(g) = F(h^{-1} g)`), the order of ``group.elements()`` on the output
    axis. The index :math:`g^{-1} \\cdot x` is the action's own gather table.

    Parameters
    ----------
    action : SignalAction
        The group and how it moves the sites; inputs have ``action.num_sites`` entries
        (the signal flattened in C order).
    channels_in, channels_out : int, default 1
    bias : bool, default True
        One bias per output channel (the invariant part of the regular representation).
    dtype, device : optional

    Attributes
    ----------
    weight : torch.nn.Parameter
        The filters, shape ``(channels_out, channels_in, num_sites)``.
    rep_in, rep_out : Representation
        The site representation and the regular representation.

    Examples
    --------
    >>> import torch, grouprep
    >>> from grouprep.nn import LiftingConv
    >>> lift = LiftingConv(grouprep.dihedral_action(5), channels_in=1, channels_out=4)
    >>> lift(torch.randn(8, 1, 5)).shape  # |D_5| = 10
    torch.Size([8, 4, 10])
    """

    def __init__(
        self,
        action: SignalAction,
        channels_in: int = 1,
        channels_out: int = 1,
        bias: bool = True,
        *,
        dtype: torch.dtype | None = None,
        device: torch.device | str | None = None,
    ) -> None:
        where = "LiftingConv"
        if not isinstance(action, SignalAction):
            raise GroupRepTypeError(
                f"{where}: argument 'action' must be a SignalAction, got {describe(action)}"
            )
        table = np.asarray(action.gather_table())  # row g: x -> g^-1 . x
        super().__init__(table, channels_in, channels_out, bias, where, dtype, device)
        self.action = action
        self.rep_in: Representation = site_representation(action)
        self.rep_out: Representation = regular_representation(action.group)


class GroupConv(_TableConv):
    """Convolution of signals on a finite group, equivariant for the regular representation.

    .. math:: (f \\star \\psi)_o(g) = \\sum_{i} \\sum_{h \\in G} f_i(h)\\,
              \\psi_{o i}(g^{-1} h) + b_o

    with a learnable filter :math:`\\psi_{oi}` on the group per pair of channels; with
    :math:`(k f)(h) = f(k^{-1} h)` on both sides (the left regular representation, the
    order of ``group.elements()``). Every linear equivariant map of the regular
    representation is of this form (:math:`|G|` coefficients per pair of channels).

    Parameters
    ----------
    group : FiniteGroup
    channels_in, channels_out : int, default 1
    bias : bool, default True
        One bias per output channel.
    dtype, device : optional

    Examples
    --------
    >>> import torch, grouprep
    >>> from grouprep.nn import GroupConv
    >>> conv = GroupConv(grouprep.alternating(4), channels_in=3, channels_out=2)
    >>> conv(torch.randn(5, 3, 12)).shape
    torch.Size([5, 2, 12])
    """

    def __init__(
        self,
        group: FiniteGroup[Any],
        channels_in: int = 1,
        channels_out: int = 1,
        bias: bool = True,
        *,
        dtype: torch.dtype | None = None,
        device: torch.device | str | None = None,
    ) -> None:
        where = "GroupConv"
        if not isinstance(group, FiniteGroup):
            raise GroupRepTypeError(
                f"{where}: argument 'group' must be a grouprep FiniteGroup, got {describe(group)}"
            )
        cayley = np.asarray(group.cayley_table())  # [a, b] -> index of ab
        inv = np.array([group.index(group.inverse(g)) for g in group.elements()])
        table = cayley[inv]  # [g, h] -> index of g^-1 h
        super().__init__(table, channels_in, channels_out, bias, where, dtype, device)
        self.group = group
        self.rep_in: Representation = regular_representation(group)
        self.rep_out: Representation = self.rep_in


class InvariantPooling(torch.nn.Module):
    """Pool the group (or site) axis: mean or max, invariant under any permutation of it.

    .. math:: y_{c} = \\frac{1}{n} \\sum_{j} x_{c j}
              \\quad\\text{or}\\quad y_c = \\max_j x_{c j}

    over the last axis of ``(batch, channels, n)``, giving ``(batch, channels)``. Both
    are invariant under every permutation representation of the last axis (the regular
    one after :class:`GroupConv`, the sites after :class:`EquivariantLinear`).

    Parameters
    ----------
    mode : {"mean", "max"}, default "mean"

    Examples
    --------
    >>> import torch
    >>> from grouprep.nn import InvariantPooling
    >>> InvariantPooling("max")(torch.tensor([[[1.0, 3.0, 2.0]]]))
    tensor([[3.]])
    """

    def __init__(self, mode: Literal["mean", "max"] = "mean") -> None:
        super().__init__()
        if mode not in ("mean", "max"):
            raise GroupRepValueError(
                f"InvariantPooling: argument 'mode' must be 'mean' or 'max', got {mode!r}"
            )
        self.mode = mode

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Pool ``x`` of shape ``(batch, channels, n)`` to ``(batch, channels)``."""
        if not isinstance(x, torch.Tensor) or x.ndim != 3:
            raise GroupRepValueError(
                "InvariantPooling: the input must be a torch.Tensor of shape "
                f"(batch, channels, n), got {getattr(x, 'shape', type(x).__name__)}"
            )
        if self.mode == "mean":
            return x.mean(dim=-1)
        return x.amax(dim=-1)

    def extra_repr(self) -> str:
        return f"mode={self.mode!r}"
