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
from grouprep.nn._linear import check_input, drop_derived
from grouprep.nn._reps import site_representation
from grouprep.reps import Representation, regular_representation

__all__ = ["GroupConv", "InvariantPooling", "LiftingConv"]

FFT_MIN_ORDER = 32
"""With ``method="auto"``, abelian groups of at least this order convolve by FFT."""

_METHODS = ("auto", "fft", "table")


def abelian_grid(group: FiniteGroup[Any]) -> tuple[tuple[int, ...], np.ndarray[Any, Any]] | None:
    """``(orders, position)`` for an abelian group: an isomorphism onto
    :math:`\\mathbb{Z}_{n_1} \\times \\dots \\times \\mathbb{Z}_{n_k}` (addition of
    coordinates), the element of index i sitting at the C-order position ``position[i]``
    of the grid of shape ``orders``. Cyclic groups, direct products of groups with a grid
    (nested too) and groups recognised as cyclic or abelian get one; None otherwise."""
    from grouprep.groups import CyclicGroup, DirectProduct
    from grouprep.reps._recognise import recognised

    if isinstance(group, CyclicGroup):
        return (group.order,), np.arange(group.order)
    if isinstance(group, DirectProduct):
        parts = [abelian_grid(f) for f in group.factors]
        if any(p is None for p in parts):
            return None
        # element index = mixed radix of the factor indices (first factor most significant)
        indices = np.unravel_index(np.arange(group.order), [f.order for f in group.factors])
        coords: list[np.ndarray[Any, Any]] = []
        orders: tuple[int, ...] = ()
        for part, index in zip(parts, indices, strict=True):
            assert part is not None
            f_orders, f_position = part
            coords.extend(np.unravel_index(f_position[index], f_orders))
            orders += f_orders
        if not orders:
            return (1,), np.zeros(group.order, dtype=np.int64)
        return orders, np.asarray(np.ravel_multi_index(tuple(coords), orders))
    found = recognised(group)
    if found is None:
        return None
    F, psi = found
    grid = abelian_grid(F)
    if grid is None:  # dihedral
        return None
    image = np.array([F._index(psi[g]) for g in group.elements()], dtype=np.int64)
    return grid[0], grid[1][image]


def _regular_grid(
    action: SignalAction, orders: tuple[int, ...], position: np.ndarray[Any, Any]
) -> np.ndarray[Any, Any] | None:
    r"""The grid position of every site when the abelian group acts on the sites
    regularly, by translation of grid coordinates (site 0 at the origin:
    :math:`c(g \\cdot x) = c(x) + c(g)`); None otherwise."""
    G = action.group
    n = action.num_sites
    if n != G.order:
        return None
    radix = np.array(orders, dtype=np.int64)
    coords = np.stack(np.unravel_index(position, orders), axis=1)  # element -> coordinates
    steps = []
    for s in G.generators:  # s . x = gather(s^-1)[x], and the coordinates of s
        steps.append((action._gather(G._inverse(s)), coords[G._index(s)]))
    site = np.full((n, len(orders)), -1, dtype=np.int64)
    site[0] = 0
    frontier = np.array([0])
    while frontier.size:
        nxt = []
        for moved, c in steps:
            targets = moved[frontier]
            fresh = site[targets, 0] < 0
            site[targets[fresh]] = (site[frontier[fresh]] + c) % radix
            nxt.append(np.unique(targets[fresh]))
        frontier = np.unique(np.concatenate(nxt)) if nxt else np.array([], dtype=np.int64)
    if (site < 0).any():
        return None
    for moved, c in steps:  # c(s . x) = c(x) + c(s) for every site: a homomorphism check
        if not np.array_equal(site[moved], (site + c) % radix):
            return None
    flat: np.ndarray[Any, Any] = np.asarray(np.ravel_multi_index(tuple(site.T), orders))
    if len(np.unique(flat)) != n:
        return None
    return flat


def _check_method(method: Any, where: str) -> str:
    if method not in _METHODS:
        raise GroupRepValueError(
            f"{where}: argument 'method' must be one of {list(_METHODS)}, got {describe(method)}"
        )
    return str(method)


class _TableConv(torch.nn.Module):
    """out[b, o, g] = sum_{i, x} f[b, i, x] psi[o, i, T[g, x]] + bias[o]."""

    table: torch.Tensor | None
    out_position: torch.Tensor
    in_grid: torch.Tensor

    def __init__(
        self,
        table: np.ndarray[Any, Any] | None,
        channels_in: int,
        channels_out: int,
        bias: bool,
        where: str,
        dtype: torch.dtype | None,
        device: torch.device | str | None,
        fft: tuple[tuple[int, ...], np.ndarray[Any, Any], np.ndarray[Any, Any]] | None = None,
    ) -> None:
        super().__init__()
        self.channels_in = check_int(channels_in, "channels_in", where, minimum=1)
        self.channels_out = check_int(channels_out, "channels_out", where, minimum=1)
        if not isinstance(bias, bool):
            raise GroupRepTypeError(f"{where}: argument 'bias' must be a bool, got {bias!r}")
        self._where = where
        # with fft = (orders, output positions, input positions) the layer is a circular
        # cross-correlation on the grid of shape orders, computed by FFT; the table is
        # then formed only when matrix() asks for it
        self._fft = fft
        if fft is not None:
            _, out_pos, in_pos = fft
            self.dim_out, self.dim_in = len(out_pos), len(in_pos)
            self.register_buffer("table", None, persistent=False)
            grid_in = np.empty_like(in_pos)
            grid_in[in_pos] = np.arange(len(in_pos))  # grid position -> input index
            self.register_buffer(
                "out_position",
                torch.from_numpy(out_pos.astype(np.int64)).to(device),
                persistent=False,
            )
            self.register_buffer(
                "in_grid", torch.from_numpy(grid_in.astype(np.int64)).to(device), persistent=False
            )
        else:
            assert table is not None
            self.dim_out, self.dim_in = table.shape
            self.register_buffer(
                "table",
                torch.from_numpy(np.array(table, dtype=np.int64)).to(device),
                persistent=False,
            )
        # the index buffers follow from the group: not saved, and dropped from checkpoints
        # that hold them, so a state_dict loads across methods and versions
        hook = drop_derived(("table", "out_position", "in_grid"))
        self.register_load_state_dict_pre_hook(hook)  # type: ignore[no-untyped-call]
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

    @property
    def method(self) -> str:
        """``"fft"`` or ``"table"``: how :meth:`forward` computes the convolution."""
        return "fft" if self._fft is not None else "table"

    def _table(self) -> torch.Tensor:
        if self.table is not None:
            table: torch.Tensor = self.table
            return table
        assert self._fft is not None
        orders, out_pos, in_pos = self._fft
        # T[g, x] = the input index at grid coordinates c(x) - c(g)
        radix = np.array(orders)
        c_out = np.stack(np.unravel_index(out_pos, orders), axis=1)
        c_in = np.stack(np.unravel_index(in_pos, orders), axis=1)
        diff = (c_in[None, :, :] - c_out[:, None, :]) % radix
        flat = np.ravel_multi_index(tuple(np.moveaxis(diff, -1, 0)), orders)
        grid_in = np.empty_like(in_pos)
        grid_in[in_pos] = np.arange(len(in_pos))
        return torch.from_numpy(grid_in[flat].astype(np.int64)).to(self.weight.device)

    def matrix(self) -> torch.Tensor:
        """The weight matrix of shape ``(channels_out, dim_out, channels_in, dim_in)``."""
        return self.weight[:, :, self._table()].permute(0, 2, 1, 3)

    def _forward_fft(self, x: torch.Tensor) -> torch.Tensor:
        assert self._fft is not None
        orders = self._fft[0]
        axes = tuple(range(2, 2 + len(orders)))
        b, c_in, c_out = x.shape[0], self.channels_in, self.channels_out
        dtype = x.dtype
        work = dtype if dtype in (torch.float32, torch.float64) else torch.float32
        X = x[:, :, self.in_grid].reshape(b, c_in, *orders).to(work)
        W = self.weight[:, :, self.in_grid].reshape(c_out, c_in, *orders).to(work)
        Xf = torch.fft.rfftn(X, dim=axes)
        Wf = torch.fft.rfftn(W, dim=axes)
        # out(a) = sum_u f(u) psi(u - a): the transform is F(k) conj(Psi(k))
        Yf = torch.einsum("bi...,oi...->bo...", Xf, Wf.conj())
        Y: torch.Tensor = torch.fft.irfftn(Yf, s=orders, dim=axes).reshape(b, c_out, -1)
        y = Y[:, :, self.out_position].to(dtype)  # half precision is transformed in float32
        if self.bias is not None:
            y = y + self.bias[None, :, None]
        return y

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Apply the convolution to ``x`` of shape ``(batch, channels_in, dim_in)``."""
        x = check_input(x, self.channels_in, self.dim_in, self._where, self.weight.dtype)
        if self._fft is not None:
            return self._forward_fft(x)
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
            f"sites={self.dim_in}, group_order={self.dim_out}, bias={self.bias is not None}, "
            f"method={self.method!r}"
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
    method : {"auto", "fft", "table"}, default "auto"
        ``"table"``: the weight matrix gathered from the filters by the gather table, one
        matrix product (:math:`|G| \\cdot` sites entries per pair of channels).
        ``"fft"``: for an abelian group acting on the sites by translations of a grid
        :math:`\\mathbb{Z}_{n_1} \\times \\dots \\times \\mathbb{Z}_{n_k}` (regularly:
        :func:`~grouprep.shift_action`, :func:`~grouprep.translation_action`, ...), the
        correlation :math:`\\sum_u f(u)\\, \\psi(u - a)` is
        :math:`F(k)\\, \\overline{\\Psi(k)}` in Fourier space, by ``torch.fft.rfftn``:
        :math:`O(|G| \\log |G|)` per pair of channels, no table. ``"auto"`` takes the FFT
        for such actions with :math:`|G| \\ge 32`; ``"fft"`` on any other action raises.
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
        method: Literal["auto", "fft", "table"] = "auto",
        dtype: torch.dtype | None = None,
        device: torch.device | str | None = None,
    ) -> None:
        where = "LiftingConv"
        if not isinstance(action, SignalAction):
            raise GroupRepTypeError(
                f"{where}: argument 'action' must be a SignalAction, got {describe(action)}"
            )
        how = _check_method(method, where)
        fft = None
        if how != "table":
            grid = abelian_grid(action.group)
            sites = None if grid is None else _regular_grid(action, *grid)
            if grid is not None and sites is not None:
                if how == "fft" or action.group.order >= FFT_MIN_ORDER:
                    fft = (grid[0], grid[1], sites)
            elif how == "fft":
                raise GroupRepValueError(
                    f"{where}: method='fft' needs an abelian group acting on the sites by "
                    f"translations of a grid (regularly), got {action!r}"
                )
        table = None if fft else np.asarray(action.gather_table())  # row g: x -> g^-1 . x
        super().__init__(table, channels_in, channels_out, bias, where, dtype, device, fft)
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
    method : {"auto", "fft", "table"}, default "auto"
        ``"table"``: the weight matrix ``weight[:, :, T]``, :math:`T[g, h]` the index of
        :math:`g^{-1} h`, then one matrix product (:math:`|G|^2` entries per pair of
        channels). ``"fft"``: for an abelian group (a cyclic group, a product of cyclic
        groups, or a group recognised as one), identified with
        :math:`\\mathbb{Z}_{n_1} \\times \\dots \\times \\mathbb{Z}_{n_k}`, the convolution
        is :math:`F(k)\\, \\overline{\\Psi(k)}` in Fourier space (``torch.fft.rfftn``),
        :math:`O(|G| \\log |G|)` per pair of channels. ``"auto"``: the FFT for abelian
        groups of order at least 32, else the table; ``"fft"`` on a non-abelian group
        raises.
    dtype, device : optional

    Examples
    --------
    >>> import torch, grouprep
    >>> from grouprep.nn import GroupConv
    >>> conv = GroupConv(grouprep.alternating(4), channels_in=3, channels_out=2)
    >>> conv(torch.randn(5, 3, 12)).shape
    torch.Size([5, 2, 12])
    >>> images = grouprep.translation_action((32, 32))  # Z_32 x Z_32, 1024 elements
    >>> GroupConv(images.group, 4, 4).method
    'fft'
    """

    def __init__(
        self,
        group: FiniteGroup[Any],
        channels_in: int = 1,
        channels_out: int = 1,
        bias: bool = True,
        *,
        method: Literal["auto", "fft", "table"] = "auto",
        dtype: torch.dtype | None = None,
        device: torch.device | str | None = None,
    ) -> None:
        where = "GroupConv"
        if not isinstance(group, FiniteGroup):
            raise GroupRepTypeError(
                f"{where}: argument 'group' must be a grouprep FiniteGroup, got {describe(group)}"
            )
        how = _check_method(method, where)
        fft = None
        if how != "table":
            grid = abelian_grid(group)
            if grid is not None and (how == "fft" or group.order >= FFT_MIN_ORDER):
                fft = (grid[0], grid[1], grid[1])
            elif grid is None and how == "fft":
                raise GroupRepValueError(
                    f"{where}: method='fft' needs an abelian group identified with a product "
                    f"of cyclic groups (cyclic groups, their direct products, or groups "
                    f"recognised as cyclic or abelian), got {group!r}"
                )
        table = None
        if fft is None:
            cayley = np.asarray(group.cayley_table())  # [a, b] -> index of ab
            inv = np.array([group.index(group.inverse(g)) for g in group.elements()])
            table = cayley[inv]  # [g, h] -> index of g^-1 h
        super().__init__(table, channels_in, channels_out, bias, where, dtype, device, fft)
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
