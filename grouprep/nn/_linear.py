"""Linear layers on the exact basis of the equivariant maps (private)."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import Any, Self

import numpy as np
import torch

from grouprep._validation import check_int
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.nn._nonlinear import FieldType
from grouprep.nn._reps import (
    as_representation,
    check_same_group,
    real_basis,
    trivial_representation,
)
from grouprep.reps import Representation

__all__ = ["EquivariantLinear", "check_input"]


def check_input(
    x: Any, channels: int, dim: int, where: str, dtype: torch.dtype | None
) -> torch.Tensor:
    """``x`` as a tensor of shape ``(batch, channels, dim)`` (and of ``dtype``)."""
    if not isinstance(x, torch.Tensor):
        raise GroupRepTypeError(
            f"{where}: the input must be a torch.Tensor, got {type(x).__name__}"
        )
    if x.ndim != 3 or x.shape[1] != channels or x.shape[2] != dim:
        raise GroupRepValueError(
            f"{where}: the input must have shape (batch, {channels}, {dim}) "
            f"(batch, channels_in, dimension of the input representation), got "
            f"{tuple(x.shape)}"
        )
    if dtype is not None and x.dtype != dtype:
        raise GroupRepTypeError(
            f"{where}: the input has dtype {x.dtype} but the layer's parameters are {dtype}; "
            "convert one of them (module.to(dtype) or x.to(dtype))"
        )
    return x


def _drop(
    names: tuple[str, ...], module: Any, state_dict: dict[str, Any], prefix: str, *args: Any
) -> None:
    for name in names:
        state_dict.pop(prefix + name, None)


def drop_derived(names: tuple[str, ...]) -> Callable[..., None]:
    """A load_state_dict pre-hook removing the buffers ``names`` (derived from the
    group, not learned) from a checkpoint; a partial of a module-level function, so the
    layer still pickles."""
    return functools.partial(_drop, names)


def _basis_tensor(a: np.ndarray[Any, Any]) -> torch.Tensor:
    return torch.from_numpy(np.ascontiguousarray(a)).to(torch.get_default_dtype())


class EquivariantLinear(torch.nn.Module):
    """A linear layer that commutes with the group: weights on the exact intertwiner basis.

    .. math:: y_{o} = \\sum_{i} \\Bigl(\\sum_{k} w_{k o i}\\, B_k\\Bigr) x_{i}
              + \\sum_{l} b_{l o}\\, u_l,
              \\qquad \\rho_{\\text{out}}(g)\\, B_k = B_k\\, \\rho_{\\text{in}}(g),
              \\qquad \\rho_{\\text{out}}(g)\\, u_l = u_l

    for input channels :math:`x_i \\in V` and output channels :math:`y_o \\in W`, where
    :math:`B_1, \\dots, B_K` is the basis of :math:`\\mathrm{Hom}_G(V, W)` of
    :func:`grouprep.intertwiner_basis` (computed exactly, once) and
    :math:`u_1, \\dots, u_L` the basis of the invariant vectors of W (the trivial
    isotypic component). So :math:`f(\\rho_{\\text{in}}(g) x) = \\rho_{\\text{out}}(g) f(x)`
    for every weight. For two permutation representations :math:`B_k` is the indicator
    of the k-th orbit of G on the pairs (output point, input point), and the bias has one
    value per orbit of the output points. For :math:`S_n` on a set (DeepSets) K = 2, on
    graphs K = 15.

    Parameters
    ----------
    rep_in, rep_out : Representation, FieldType, SignalAction or finite action
        Real representations of one group. A :class:`~grouprep.SignalAction` stands for
        its sites (:func:`site_representation`), a finite action for its points. A
        :class:`FieldType` stands for its orthogonal matrices :math:`U(g) = T^{-1}
        \\rho(g) T`: the exact basis of its ``representation`` is moved to that basis,
        :math:`T_{\\text{out}}^{-1} B_k T_{\\text{in}}` (and the bias vectors
        :math:`T_{\\text{out}}^{-1} u_l`), in float64.
    channels_in, channels_out : int, default 1
        Numbers of channels, ``>= 1``.
    bias : bool, default True
        Learn a bias on the invariant part of ``rep_out`` (none if it has no invariant).
    dtype, device : optional
        Of the parameters and buffers, as for ``torch.nn.Linear``.

    Attributes
    ----------
    weight : torch.nn.Parameter
        Shape ``(K, channels_out, channels_in)``: the coefficients on the basis.
    bias : torch.nn.Parameter or None
        Shape ``(L, channels_out)``.
    labels : torch.Tensor or None
        For two permutation representations (given as such, not as field types): the
        buffer ``(rep_out.dim, rep_in.dim)`` of int64 orbit indices, :math:`B_k` being the
        indicator of ``labels == k``; the weight matrix is the gather ``weight[labels]``
        (memory and time of one matrix, whatever K). None otherwise.
    basis : torch.Tensor or None
        Otherwise the dense buffer of shape ``(K, rep_out.dim, rep_in.dim)``; None when
        ``labels`` holds the basis.

    Raises
    ------
    GroupRepTypeError
        If a representation or a channel count has the wrong type.
    GroupRepValueError
        If the representations are of different groups, are not real, or a channel
        count is below 1; from ``forward``, if the input is not of shape
        ``(batch, channels_in, rep_in.dim)``.
    SizeLimitError
        If the weight matrix (``rep_out.dim * rep_in.dim``) or a dense basis would have
        more than :math:`2^{25}` entries.

    Examples
    --------
    >>> import torch, grouprep
    >>> from grouprep.nn import EquivariantLinear
    >>> sites = grouprep.set_action(5, 1)  # 5 points on a line, permuted by S_5
    >>> layer = EquivariantLinear(sites, sites, channels_in=2, channels_out=3)
    >>> layer.weight.shape  # DeepSets: the identity and the all-ones matrix
    torch.Size([2, 3, 2])
    >>> x = torch.randn(4, 2, 5)
    >>> p = [1, 2, 0, 4, 3]
    >>> torch.allclose(layer(x[:, :, p]), layer(x)[:, :, p], atol=1e-6)
    True
    """

    basis: torch.Tensor
    bias_basis: torch.Tensor | None

    def __init__(
        self,
        rep_in: Representation | Any,
        rep_out: Representation | Any,
        channels_in: int = 1,
        channels_out: int = 1,
        bias: bool = True,
        *,
        dtype: torch.dtype | None = None,
        device: torch.device | str | None = None,
    ) -> None:
        super().__init__()
        where = "EquivariantLinear"
        f_in = rep_in if isinstance(rep_in, FieldType) else None
        f_out = rep_out if isinstance(rep_out, FieldType) else None
        r_in = f_in.representation if f_in else as_representation(rep_in, "rep_in", where)
        r_out = f_out.representation if f_out else as_representation(rep_out, "rep_out", where)
        check_same_group(r_in, r_out, "'rep_in' and 'rep_out'", where)
        self.channels_in = check_int(channels_in, "channels_in", where, minimum=1)
        self.channels_out = check_int(channels_out, "channels_out", where, minimum=1)
        if not isinstance(bias, bool):
            raise GroupRepTypeError(f"{where}: argument 'bias' must be a bool, got {bias!r}")
        self.rep_in: Representation | FieldType = r_in if f_in is None else f_in
        self.rep_out: Representation | FieldType = r_out if f_out is None else f_out
        self.dim_in, self.dim_out = r_in.dim, r_out.dim
        factory: dict[str, Any] = {"dtype": dtype, "device": device}
        B = real_basis(r_in, r_out, where)
        self.basis: torch.Tensor | None
        self.labels: torch.Tensor | None
        self._exact_basis: np.ndarray[Any, Any] | None = None
        if B.labels is not None and f_in is None and f_out is None:
            # orbit indicators: the weight matrix is the gather w[labels], no dense basis
            self.register_buffer("basis", None, persistent=False)
            self.register_buffer(
                "labels",
                torch.from_numpy(B.labels.astype(np.int64)).to(device=device),
                persistent=False,
            )
            fan = float(self.channels_in * self.dim_in)  # one basis entry per matrix entry
        else:
            dense = B.dense(where)
            if f_in is not None or f_out is not None:
                # the exact basis moved to the orthogonal bases: B_k -> T_out^-1 B_k T_in
                if f_in is not None:
                    dense = dense @ f_in.change_of_basis
                if f_out is not None:
                    dense = f_out.to_orthogonal(dense.transpose(0, 2, 1)).transpose(0, 2, 1)
                dense = np.ascontiguousarray(dense)
            # float64 master: the buffer is the exact basis rounded once to the current
            # dtype (also after module.double() on a float32 layer), see _apply
            self._exact_basis = dense
            self.register_buffer("labels", None, persistent=False)
            self.register_buffer("basis", _basis_tensor(dense).to(**factory), persistent=False)
            # the fan-in of one output entry: sum over basis and inputs of squared entries
            fan = self.channels_in * float(np.max((dense**2).sum(axis=(0, 2)), initial=0.0))
        self.weight = torch.nn.Parameter(
            torch.empty(B.size, self.channels_out, self.channels_in, **factory)
        )
        self._bound = 1.0 / math.sqrt(fan) if fan > 0 else 0.0
        self._exact_bias_basis: np.ndarray[Any, Any] | None = None
        self.bias: torch.nn.Parameter | None = None
        self.register_buffer("bias_basis", None, persistent=False)
        # the bases follow from the representations: not saved, and dropped from
        # checkpoints that hold them
        hook = drop_derived(("basis", "labels", "bias_basis"))
        self.register_load_state_dict_pre_hook(hook)  # type: ignore[no-untyped-call]
        if bias:
            U = real_basis(trivial_representation(r_out), r_out, where)
            if U.size:
                u = U.dense(where)[:, :, 0]
                self._exact_bias_basis = u.copy() if f_out is None else f_out.to_orthogonal(u)
                self.bias_basis = _basis_tensor(self._exact_bias_basis).to(**factory)
                self.bias = torch.nn.Parameter(torch.empty(U.size, self.channels_out, **factory))
        self.reset_parameters()

    def _apply(self, fn: Callable[[torch.Tensor], torch.Tensor], recurse: bool = True) -> Self:
        super()._apply(fn, recurse)  # type: ignore[no-untyped-call]
        like = self.weight
        if self.basis is not None and self._exact_basis is not None:
            self.basis = torch.from_numpy(self._exact_basis).to(like.device, self.basis.dtype)
        if self.bias_basis is not None and self._exact_bias_basis is not None:
            self.bias_basis = torch.from_numpy(self._exact_bias_basis).to(
                like.device, self.bias_basis.dtype
            )
        return self

    def reset_parameters(self) -> None:
        """Draw the weights and the bias uniformly from :math:`\\pm 1/\\sqrt{\\text{fan-in}}`."""
        with torch.no_grad():
            self.weight.uniform_(-self._bound, self._bound)
            if self.bias is not None:
                self.bias.uniform_(-self._bound, self._bound)

    def matrix(self) -> torch.Tensor:
        """The weight matrix of shape ``(channels_out, dim_out, channels_in, dim_in)``."""
        if self.labels is not None:  # W[o, y, i, x] = w[labels[y, x], o, i]
            return self.weight[self.labels].permute(2, 0, 3, 1)
        assert self.basis is not None
        k = self.weight.shape[0]
        # sum_k w[k, o, i] B[k, y, x] as one matrix product over k
        pairs = self.channels_out * self.channels_in
        W = self.weight.reshape(k, pairs).T @ self.basis.reshape(k, self.dim_out * self.dim_in)
        return W.view(self.channels_out, self.channels_in, self.dim_out, self.dim_in).permute(
            0, 2, 1, 3
        )

    def bias_vector(self) -> torch.Tensor | None:
        """The bias of shape ``(channels_out, dim_out)``, invariant under the group."""
        if self.bias is None or self.bias_basis is None:
            return None
        return self.bias.T @ self.bias_basis

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Apply the layer to ``x`` of shape ``(batch, channels_in, dim_in)``."""
        x = check_input(x, self.channels_in, self.dim_in, "EquivariantLinear", self.weight.dtype)
        W = self.matrix().reshape(self.channels_out * self.dim_out, self.channels_in * self.dim_in)
        b = self.bias_vector()
        y = torch.nn.functional.linear(
            x.reshape(x.shape[0], self.channels_in * self.dim_in),
            W,
            None if b is None else b.reshape(-1),
        )
        return y.reshape(x.shape[0], self.channels_out, self.dim_out)

    def extra_repr(self) -> str:
        return (
            f"rep_in={self.rep_in!r}, rep_out={self.rep_out!r}, "
            f"channels_in={self.channels_in}, channels_out={self.channels_out}, "
            f"basis={self.weight.shape[0]}, bias={self.bias is not None}"
        )
