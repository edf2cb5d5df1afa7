"""Group convolutions with local filters on periodic images: p4 and p4m (private).

The group :math:`G = \\mathbb{Z}_h^2 \\rtimes H` of :func:`grouprep.p4_action` or
:func:`grouprep.p4m_action` (H = C_4 or D_4, quarter turns and mirrors about the centre of
the image) has the elements :math:`t_b\\, x_e`, :math:`x_e` =
``image_symmetry(h, rotation=k, mirror=s)`` and :math:`t_b` the periodic translation by
:math:`b = (a, c)`. A signal on G is stored as an array ``(..., |H|, h, h)`` whose entry
``[e, a, c]`` is its value at :math:`t_{(a, c)} x_e`, with e running over
``(k, s)`` for k = 0..3 and s = 0 (p4) or s = 0, 1 (p4m), mirror fastest.

Write :math:`x_e(y) = L_e y + \\tau_e` (the linear part :math:`L_e` about the pixel 0, and
the translation :math:`\\tau_e` that moves the centre back). Then, for filters supported on
the window :math:`[-r, r]^2` around the origin (``kernel_size = 2r + 1``),

* lifting: :math:`(f \\star \\psi)(t_b x_e) = \\sum_y f(y)\\, \\psi(x_e^{-1} t_b^{-1} y)
  = \\sum_v f(b + \\tau_e + v)\\, \\psi(L_e^{-1} v)`, a circular cross-correlation with the
  filter moved by :math:`L_e`, read at :math:`b + \\tau_e`;
* group to group: :math:`(F \\star \\psi)(t_b x_e) = \\sum_{e'} \\sum_v F(t_{b+v} x_{e'})\\,
  \\psi(t_{L_e^{-1} v}\\, x_e^{-1} x_{e'})`, since
  :math:`x_e^{-1} t_w = t_{L_e^{-1} w} x_e^{-1}`: a circular cross-correlation of every
  input slice e' with the filter slice :math:`x_e^{-1} x_{e'}` moved by :math:`L_e`.

Both are one ``conv2d`` with circular padding on filters expanded from the learnable ones
by index arrays (computed once from the group), the layout of escnn's and of the G-CNN
of Cohen & Welling (2016), so the cost is that of an ordinary convolution with
:math:`|H|` times the channels.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import torch
from torch.nn import functional

from grouprep._validation import check_int, describe
from grouprep.actions import SignalAction, image_symmetry, p4_action, p4m_action
from grouprep.errors import GroupRepTypeError, GroupRepValueError

__all__ = ["ImageGroupConv", "ImageLiftingConv", "image_group_elements"]


def _point_group(action: Any, where: str) -> tuple[int, bool]:
    """(h, mirrors) when ``action`` is p4_action(h) or p4m_action(h), else a clear error."""
    if isinstance(action, SignalAction) and len(action.shape) == 2:
        h = action.shape[0]
        if action.shape[1] == h:
            for mirrors, build in ((False, p4_action), (True, p4m_action)):
                if action == build(h, action.alphabet):
                    return h, mirrors
    raise GroupRepValueError(
        f"{where}: argument 'action' must be p4_action(h) or p4m_action(h) (translations, "
        f"quarter turns and mirrors of periodic h x h images), got {describe(action)}"
    )


def image_group_elements(action: SignalAction) -> np.ndarray[Any, Any]:
    """The index in ``action.group.elements()`` of :math:`t_{(a, c)} x_e` at ``[e, a, c]``.

    The layout of the signals on the group of :class:`ImageLiftingConv` and
    :class:`ImageGroupConv`: e runs over ``(k, s)``, ``k = 0..3`` quarter turns and
    ``s`` = 0 (p4) or 0, 1 (p4m) mirrors, mirror fastest; :math:`x_e` is
    ``image_symmetry(h, rotation=k, mirror=s)`` and :math:`t_{(a, c)}` the translation.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.nn import image_group_elements
    >>> idx = image_group_elements(grouprep.p4_action(3))
    >>> idx.shape, sorted(idx.ravel().tolist()) == list(range(36))
    ((4, 3, 3), True)
    """
    h, mirrors = _point_group(action, "image_group_elements")
    G = action.group
    points = _points(h, mirrors)
    out = np.empty((len(points), h, h), dtype=np.int64)
    for e, x in enumerate(points):
        for a in range(h):
            for c in range(h):
                out[e, a, c] = G.index(G.compose(image_symmetry(h, shift=(a, c)), x))
    return out


def _points(h: int, mirrors: bool) -> list[Any]:
    return [
        image_symmetry(h, rotation=k, mirror=bool(s))
        for k in range(4)
        for s in ((0, 1) if mirrors else (0,))
    ]


def _move(x: np.ndarray[Any, Any], k: int, s: int) -> np.ndarray[Any, Any]:
    """The image formula of the action: rot90(flip^s(x), k) on the last two axes."""
    return np.rot90(np.flip(x, axis=-1) if s else x, k, axes=(-2, -1))


class _Geometry:
    """Index arrays of the point group H on a ``kernel_size`` window and on h x h images."""

    def __init__(self, h: int, mirrors: bool, kernel_size: int) -> None:
        self.h = h
        keys = [(k, s) for k in range(4) for s in ((0, 1) if mirrors else (0,))]
        self.E = len(keys)
        K = kernel_size
        # the window moved by L_e: kernel index of each position of the moved window
        window = np.arange(K * K).reshape(K, K)
        self.window = np.stack([_move(window, k, s).ravel() for k, s in keys])  # (E, K*K)
        # tau_e = x_e(0): where the pixel 0 of an h x h image goes
        tau = []
        for k, s in keys:
            delta = np.zeros((h, h), dtype=np.int64)
            delta[0, 0] = 1
            a, c = np.argwhere(_move(delta, k, s))[0]
            tau.append((int(a), int(c)))
        self.tau = tau
        # x_e^{-1} x_e' as an index e'' (the point group's own composition on images)
        probe = np.arange(h * h).reshape(h, h)
        moved = [_move(probe, k, s) for k, s in keys]
        position = {m.tobytes(): i for i, m in enumerate(moved)}
        table = np.empty((self.E, self.E), dtype=np.int64)
        for e, (k, s) in enumerate(keys):
            for f in range(self.E):
                # x_e^{-1} x_f: undo x_e on the image moved by x_f
                undone = _unmove(moved[f], k, s)
                table[e, f] = position[np.ascontiguousarray(undone).tobytes()]
        self.table = table


def _unmove(x: np.ndarray[Any, Any], k: int, s: int) -> np.ndarray[Any, Any]:
    y = np.rot90(x, -k, axes=(-2, -1))
    return np.flip(y, axis=-1) if s else y


def _check_kernel(kernel_size: Any, h: int, where: str) -> int:
    K = check_int(kernel_size, "kernel_size", where, minimum=1)
    if K % 2 == 0 or h < K:
        raise GroupRepValueError(
            f"{where}: argument 'kernel_size' must be odd (a window centred on the origin) and "
            f"at most the image side {h}, got {K}"
        )
    return K


def _check_images(
    x: Any, shape: tuple[int, ...], names: str, where: str, dtype: torch.dtype
) -> torch.Tensor:
    if not isinstance(x, torch.Tensor):
        raise GroupRepTypeError(
            f"{where}: the input must be a torch.Tensor, got {type(x).__name__}"
        )
    if x.ndim != 1 + len(shape) or tuple(x.shape[1:]) != shape:
        raise GroupRepValueError(
            f"{where}: the input must have shape (batch, {', '.join(map(str, shape))}) "
            f"({names}), got {tuple(x.shape)}"
        )
    if x.dtype != dtype:
        raise GroupRepTypeError(
            f"{where}: the input has dtype {x.dtype} but the layer's parameters are {dtype}; "
            "convert one of them (module.to(dtype) or x.to(dtype))"
        )
    return x


class _ImageConv(torch.nn.Module):
    """Shared by the two image layers: the geometry, the parameters, the padding."""

    weight: torch.nn.Parameter
    window: torch.Tensor

    def __init__(
        self,
        action: SignalAction,
        channels_in: int,
        channels_out: int,
        kernel_size: int,
        bias: bool,
        group_in: bool,
        where: str,
        dtype: torch.dtype | None,
        device: torch.device | str | None,
    ) -> None:
        super().__init__()
        h, mirrors = _point_group(action, where)
        self.action = action
        self._where = where
        self.channels_in = check_int(channels_in, "channels_in", where, minimum=1)
        self.channels_out = check_int(channels_out, "channels_out", where, minimum=1)
        self.kernel_size = _check_kernel(kernel_size, h, where)
        if not isinstance(bias, bool):
            raise GroupRepTypeError(f"{where}: argument 'bias' must be a bool, got {bias!r}")
        geo = _Geometry(h, mirrors, self.kernel_size)
        self.h, self.E, self._tau = h, geo.E, geo.tau
        self.register_buffer("window", torch.from_numpy(geo.window).to(device))
        self.register_buffer("table", torch.from_numpy(geo.table).to(device))
        factory: dict[str, Any] = {"dtype": dtype, "device": device}
        K = self.kernel_size
        shape = (self.channels_out, self.channels_in, *((geo.E,) if group_in else ()), K * K)
        self.weight = torch.nn.Parameter(torch.empty(shape, **factory))
        self.bias: torch.nn.Parameter | None = (
            torch.nn.Parameter(torch.empty(self.channels_out, **factory)) if bias else None
        )
        self._fan_in = self.channels_in * (geo.E if group_in else 1) * K * K
        self.reset_parameters()

    def reset_parameters(self) -> None:
        """Draw the filters and the bias uniformly from :math:`\\pm 1/\\sqrt{\\text{fan-in}}`."""
        bound = 1.0 / math.sqrt(self._fan_in)
        with torch.no_grad():
            self.weight.uniform_(-bound, bound)
            if self.bias is not None:
                self.bias.uniform_(-bound, bound)

    def _correlate(self, x: torch.Tensor, kernel: torch.Tensor) -> torch.Tensor:
        """One conv2d with circular padding; the bias (constant on the group) is added in it."""
        r = self.kernel_size // 2
        padded = functional.pad(x, (r, r, r, r), mode="circular") if r else x
        bias = None if self.bias is None else self.bias.repeat_interleave(self.E)
        return functional.conv2d(padded, kernel, bias)

    def extra_repr(self) -> str:
        return (
            f"{self.action!r}, channels_in={self.channels_in}, channels_out={self.channels_out}, "
            f"kernel_size={self.kernel_size}, bias={self.bias is not None}"
        )


class ImageLiftingConv(_ImageConv):
    """Lift periodic images to signals on p4 or p4m, with local learnable filters.

    .. math:: F_o(t_b x_e) = \\sum_i \\sum_y f_i(y)\\, \\psi_{oi}\\big((t_b x_e)^{-1} y\\big)
              + \\beta_o

    for filters :math:`\\psi_{oi}` on the ``kernel_size x kernel_size`` window centred on
    the pixel 0 of the periodic image (zero elsewhere), so that moving the input by any
    g of the group (``action.act``) moves the output by the left regular action,
    :math:`F \\mapsto F(g^{-1} \\cdot)`. Computed as one ``conv2d`` with circular padding
    on the :math:`|H|` moved copies of each filter (see :func:`image_group_elements` for
    the layout of the output).

    Parameters
    ----------
    action : SignalAction
        ``p4_action(h)`` or ``p4m_action(h)``; inputs are ``(batch, channels_in, h, h)``.
    channels_in, channels_out : int, default 1
    kernel_size : int, default 3
        Odd, at most h.
    bias : bool, default True
        One bias per output channel (constant over the group: the invariant part).
    dtype, device : optional

    Attributes
    ----------
    weight : torch.nn.Parameter
        Shape ``(channels_out, channels_in, kernel_size**2)``, row-major windows.

    Examples
    --------
    >>> import torch, grouprep
    >>> from grouprep.nn import ImageLiftingConv
    >>> lift = ImageLiftingConv(grouprep.p4m_action(8), channels_in=3, channels_out=4)
    >>> lift(torch.randn(2, 3, 8, 8)).shape  # (batch, channels, |D_4|, h, h)
    torch.Size([2, 4, 8, 8, 8])
    """

    def __init__(
        self,
        action: SignalAction,
        channels_in: int = 1,
        channels_out: int = 1,
        kernel_size: int = 3,
        bias: bool = True,
        *,
        dtype: torch.dtype | None = None,
        device: torch.device | str | None = None,
    ) -> None:
        super().__init__(
            action, channels_in, channels_out, kernel_size, bias, False, "ImageLiftingConv",
            dtype, device,
        )  # fmt: skip

    def kernel(self) -> torch.Tensor:
        """The expanded filters ``(channels_out * |H|, channels_in, K, K)``, output channel
        ``o * |H| + e`` holding :math:`\\psi_{oi}` moved by :math:`L_e`."""
        K = self.kernel_size
        moved = self.weight[:, :, self.window]  # (O, I, E, K*K)
        return moved.permute(0, 2, 1, 3).reshape(self.channels_out * self.E, -1, K, K)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``(batch, channels_in, h, h)`` to ``(batch, channels_out, |H|, h, h)``."""
        h = self.h
        x = _check_images(
            x, (self.channels_in, h, h), "batch, channels_in, h, h", self._where, self.weight.dtype
        )
        y = self._correlate(x, self.kernel()).reshape(len(x), self.channels_out, self.E, h, h)
        # read the correlation with the filter moved by L_e at b + tau_e
        slices = [
            torch.roll(y[:, :, e], shifts=(-a, -c), dims=(-2, -1))
            for e, (a, c) in enumerate(self._tau)
        ]
        return torch.stack(slices, dim=2)


class ImageGroupConv(_ImageConv):
    """Group convolution of signals on p4 or p4m, with local learnable filters.

    .. math:: F'_o(g) = \\sum_i \\sum_{g'} F_i(g')\\, \\psi_{oi}(g^{-1} g') + \\beta_o

    for filters :math:`\\psi_{oi}` on the group supported on :math:`t_u x_{e}` with u in
    the ``kernel_size x kernel_size`` window around 0 and any point element e. It commutes
    with the left regular action, :math:`F \\mapsto F(g^{-1} \\cdot)`. Computed as one
    ``conv2d`` with circular padding: input channel ``(i, e')`` meets output channel
    ``(o, e)`` through the filter slice :math:`x_e^{-1} x_{e'}` moved by :math:`L_e`.
    Signals are laid out as in :func:`image_group_elements`.

    Parameters
    ----------
    action : SignalAction
        ``p4_action(h)`` or ``p4m_action(h)``; inputs are ``(batch, channels_in, |H|, h, h)``.
    channels_in, channels_out : int, default 1
    kernel_size : int, default 3
        Odd, at most h.
    bias : bool, default True
    dtype, device : optional

    Attributes
    ----------
    weight : torch.nn.Parameter
        Shape ``(channels_out, channels_in, |H|, kernel_size**2)``.

    Examples
    --------
    >>> import torch, grouprep
    >>> from grouprep.nn import ImageGroupConv
    >>> conv = ImageGroupConv(grouprep.p4_action(8), channels_in=4, channels_out=2)
    >>> conv(torch.randn(2, 4, 4, 8, 8)).shape  # |C_4| = 4
    torch.Size([2, 2, 4, 8, 8])
    """

    table: torch.Tensor

    def __init__(
        self,
        action: SignalAction,
        channels_in: int = 1,
        channels_out: int = 1,
        kernel_size: int = 3,
        bias: bool = True,
        *,
        dtype: torch.dtype | None = None,
        device: torch.device | str | None = None,
    ) -> None:
        super().__init__(
            action, channels_in, channels_out, kernel_size, bias, True, "ImageGroupConv",
            dtype, device,
        )  # fmt: skip

    def kernel(self) -> torch.Tensor:
        """The expanded filters ``(channels_out * |H|, channels_in * |H|, K, K)``."""
        n_out, n_in, E, K = self.channels_out, self.channels_in, self.E, self.kernel_size
        # [o, i, e, e', :] = psi_oi[x_e^-1 x_e'] moved by L_e
        slices = self.weight[:, :, self.table]  # (out, in, E, E', K*K)
        window = self.window[:, None, :].expand(E, E, K * K)
        moved = torch.gather(slices, 4, window.expand(n_out, n_in, E, E, K * K))
        return moved.permute(0, 2, 1, 3, 4).reshape(n_out * E, n_in * E, K, K)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``(batch, channels_in, |H|, h, h)`` to ``(batch, channels_out, |H|, h, h)``."""
        h, E = self.h, self.E
        x = _check_images(
            x,
            (self.channels_in, E, h, h),
            "batch, channels_in, |H|, h, h",
            self._where,
            self.weight.dtype,
        )
        flat = x.reshape(len(x), self.channels_in * E, h, h)
        return self._correlate(flat, self.kernel()).reshape(len(x), self.channels_out, E, h, h)
