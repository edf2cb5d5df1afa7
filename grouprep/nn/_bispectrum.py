"""The G-bispectrum of signals on a finite group as a differentiable pooling layer
(private)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Self

import numpy as np
import numpy.typing as npt
import torch

from grouprep._validation import check_int, describe
from grouprep.actions import regular_action, signal_action
from grouprep.errors import GroupRepTypeError, GroupRepValueError, SizeLimitError
from grouprep.features._irreps import (
    NumericIrreps,
    clebsch_gordan,
    lift_matrix,
    numeric_irreps,
    selective_pairs,
)
from grouprep.features._spectral import _cyclic_layout
from grouprep.features._structure import abelian_layout
from grouprep.groups import FiniteGroup

__all__ = ["MAX_FEATURES", "MAX_IRREP_ORDER", "MAX_ORDER", "BispectrumPooling"]

MAX_ORDER = 4096
"""The largest group order :class:`BispectrumPooling` accepts (abelian groups, by FFT)."""

MAX_IRREP_ORDER = 256
"""The largest order of a non-abelian group (or with ``selective=False``, any group that is
not cyclic): the irreps and the Clebsch-Gordan isometries are computed numerically from all
elements, which takes seconds at order 120 and grows quickly."""

MAX_FEATURES = 2**16
"""The most features per channel :class:`BispectrumPooling` returns."""

_WHERE = "BispectrumPooling"


@dataclass(frozen=True)
class _Block:
    """One pair (i, j): the columns of every (k, copy) in its concatenated isometries."""

    i: int
    j: int
    cg_start: int  # where the (d_i d_j, width) matrix starts in the flat buffer
    width: int  # sum of d_k over the blocks (k, copy)
    parts: tuple[tuple[int, int], ...]  # (k, first column) per block (k, copy)


class BispectrumPooling(torch.nn.Module):
    """The (selective) G-bispectrum of signals on a finite group: a complete invariant head.

    For a signal :math:`f` on G (the last axis of ``(batch, channels, |G|)``, indexed by
    ``group.elements()``, as :class:`GroupConv` returns it), the Fourier coefficient at a
    unitary irrep :math:`\\rho` is (the convention of :func:`grouprep.fourier_transform`)

    .. math:: \\hat f(\\rho) = \\sum_{g \\in G} f(g)\\, \\rho(g)^{-1}
              = \\sum_{g} f(g)\\, \\rho(g)^{H},

    and for a pair :math:`(\\rho_i, \\rho_j)` with :math:`\\rho_i \\otimes \\rho_j \\cong
    \\bigoplus_k \\rho_k` by the Clebsch-Gordan isometries :math:`C_k : V_k \\to V_i
    \\otimes V_j` the bispectrum blocks are

    .. math:: B_{i,j,k} = \\big(\\hat f(\\rho_i) \\otimes \\hat f(\\rho_j)\\big)\\, C_k\\,
              \\hat f(\\rho_k)^{H}

    (Kakarala 1992; Kondor 2007). The left regular action :math:`(h f)(g) = f(h^{-1} g)`
    turns :math:`\\hat f(\\rho)` into :math:`\\hat f(\\rho)\\, \\rho(h)^{-1}`, and since
    :math:`(\\rho_i \\otimes \\rho_j)(h)^{-1} C_k = C_k\\, \\rho_k(h)^{-1}` the factors
    cancel: every entry is invariant. The output holds the real parts of all entries, then
    (for a group with an irrep of complex type) the imaginary parts, per channel. With
    ``selective=True`` only :math:`O(|\\mathrm{Irr}(G)|)` pairs are kept (the selective
    G-bispectrum, Mataigne et al., NeurIPS 2024), enough to determine f up to the group
    where the Fourier coefficients are invertible; ``selective=False`` takes all pairs
    :math:`i \\le j` (Sanborn et al., NeurIPS 2023, use the full one).

    The features are those of :class:`grouprep.Bispectrum` on the regular action of the
    group, column for column: for a cyclic group :math:`B_{k_1,k_2} = X_{k_1} X_{k_2}
    \\overline{X_{k_1+k_2}}` with X the FFT in the group's coordinates (the pairs of
    :func:`grouprep.bispectrum_pairs`, imaginary parts that vanish identically left out);
    for another abelian group with ``selective=True``, :math:`\\hat f(k)\\, \\hat f(e_j)\\,
    \\overline{\\hat f(k + e_j)}` for every frequency k and unit vector :math:`e_j` (by
    ``fftn``); otherwise the blocks above, from the unitary irreps and the numeric
    Clebsch-Gordan isometries of the featurizer. The constants are computed once in
    NumPy; the layer has no parameters, only buffers (kept in float64 and rounded to the
    input's dtype in ``forward``). The features are cubic in f: differentiable
    everywhere, and scaled by :math:`t^3` when f is scaled by t.

    Parameters
    ----------
    group : FiniteGroup
        Of order at most :data:`MAX_ORDER` (:data:`MAX_IRREP_ORDER` where the irreps are
        needed), with explicit irreps (:func:`grouprep.irreps`) unless it is abelian.
    channels : int, default 1
        The number of input channels, ``>= 1``; each is pooled on its own.
    selective : bool, default True
    device : optional
        Of the buffers (``module.to(device)`` moves them).

    Attributes
    ----------
    n_features : int
        Features per channel; the output has shape ``(batch, channels, n_features)``.
    feature_names : list of str
        The column names of :class:`grouprep.Bispectrum` on the regular action.
    path : {"cyclic", "abelian", "group"}
    pairs : list of (int, int) or None
        The pairs of irreps (of frequencies, for a cyclic group); None on the abelian path.

    Raises
    ------
    GroupRepTypeError
        If ``group`` is not a FiniteGroup, ``channels`` not an int or ``selective`` not a
        bool; from ``forward``, if the input is not a float32 or float64 tensor.
    GroupRepValueError
        If the group has no explicit irreps (and is not abelian), ``channels < 1``; from
        ``forward``, if the input is not of shape ``(batch, channels, |G|)`` or on another
        device.
    SizeLimitError
        Beyond :data:`MAX_ORDER`, :data:`MAX_IRREP_ORDER` or :data:`MAX_FEATURES`.

    Examples
    --------
    >>> import torch, grouprep
    >>> from grouprep.nn import BispectrumPooling
    >>> G = grouprep.dihedral(4)                      # |D_4| = 8
    >>> pool = BispectrumPooling(G, channels=2)
    >>> pool.path, pool.pairs, pool.n_features
    ('group', [(0, 0), (0, 4), (4, 4)], 21)
    >>> f = torch.randn(3, 2, 8, dtype=torch.float64)
    >>> pool(f).shape
    torch.Size([3, 2, 21])
    >>> h = G.elements()[5]                           # (h f)(g) = f(h^-1 g)
    >>> moved = [G.index(G.compose(G.inverse(h), g)) for g in G.elements()]
    >>> torch.allclose(pool(f[:, :, moved]), pool(f), rtol=1e-10, atol=1e-12)
    True
    >>> BispectrumPooling(grouprep.cyclic(5)).feature_names[:4]
    ['ReB0_0', 'ReB0_1', 'ReB1_1', 'ImB1_1']
    """

    sites: torch.Tensor
    k1: torch.Tensor
    k2: torch.Tensor
    k3: torch.Tensor
    columns: torch.Tensor
    lift_re: torch.Tensor
    lift_im: torch.Tensor
    cg_re: torch.Tensor
    cg_im: torch.Tensor

    def __init__(
        self,
        group: FiniteGroup[Any],
        channels: int = 1,
        selective: bool = True,
        *,
        device: torch.device | str | None = None,
    ) -> None:
        super().__init__()
        if not isinstance(group, FiniteGroup):
            raise GroupRepTypeError(
                f"{_WHERE}: argument 'group' must be a grouprep FiniteGroup, got {describe(group)}"
            )
        self.channels = check_int(channels, "channels", _WHERE, minimum=1)
        if not isinstance(selective, bool):
            raise GroupRepTypeError(
                f"{_WHERE}: argument 'selective' must be a bool, got {selective!r}"
            )
        order = group.order
        if order > MAX_ORDER:
            raise SizeLimitError(
                f"{_WHERE}: argument 'group' has order {order}, above the limit of "
                f"{MAX_ORDER} (MAX_ORDER); pool a quotient or a subgroup instead"
            )
        self.group = group
        self.order = order
        self.selective = selective
        action = signal_action(regular_action(group))  # sites in the order of elements()
        layout = abelian_layout(action)
        path = "group"
        if isinstance(layout, tuple):
            path = "cyclic" if len(layout[0]) == 1 else "abelian"
            if path == "abelian" and not selective:
                path = "group"
        self.path = path
        self._masters: dict[str, npt.NDArray[np.float64]] = {}
        self.pairs: list[tuple[int, int]] | None = None
        if path == "group":
            names = self._init_group(action, order, selective)
        else:
            assert isinstance(layout, tuple)
            orders, sites = layout
            self.orders = orders
            self._register("sites", np.asarray(sites, dtype=np.int64).ravel(), device)
            if path == "cyclic":
                names = self._init_cyclic(orders[0], selective, device)
            else:
                names = []
                size = int(np.prod(orders))
                for j in range(len(orders)):
                    names += [f"ReB{k}_{j}" for k in range(size)]
                    names += [f"ImB{k}_{j}" for k in range(size)]
        if len(names) > MAX_FEATURES:
            raise SizeLimitError(
                f"{_WHERE}: the bispectrum of {group!r} with selective={selective} has "
                f"{len(names)} features per channel, above the limit of {MAX_FEATURES} "
                "(MAX_FEATURES); use selective=True"
            )
        self.feature_names: list[str] = names
        self.n_features = len(names)
        if path == "group":
            self._register_group(device)

    # ------------------------------------------------------------------ construction

    def _register(self, name: str, value: npt.NDArray[Any], device: Any) -> None:
        if value.dtype == np.float64:
            self._masters[name] = value
        self.register_buffer(name, torch.from_numpy(np.ascontiguousarray(value)).to(device))

    def _init_cyclic(self, n: int, selective: bool, device: Any) -> list[str]:
        pairs, re_col, im_col, names = _cyclic_layout(n, selective)
        self.pairs = pairs
        k = np.array(pairs, dtype=np.int64).reshape(-1, 2)
        self._register("k1", k[:, 0].copy(), device)
        self._register("k2", k[:, 1].copy(), device)
        self._register("k3", (k[:, 0] + k[:, 1]) % n, device)
        # output column c takes entry columns[c] of [Re B_0 .. Re B_{P-1}, Im B_0 ..]
        columns = np.empty(len(names), dtype=np.int64)
        p_count = len(pairs)
        columns[re_col] = np.arange(p_count)
        has_im = im_col >= 0
        columns[im_col[has_im]] = p_count + np.flatnonzero(has_im)
        self._register("columns", columns, device)
        return names

    def _init_group(self, action: Any, order: int, selective: bool) -> list[str]:
        if order > MAX_IRREP_ORDER:
            kind = "is not abelian" if not self.group.is_abelian else "has selective=False"
            raise SizeLimitError(
                f"{_WHERE}: argument 'group' has order {order} and {kind}, so its irreps and "
                f"Clebsch-Gordan isometries are needed; the limit is {MAX_IRREP_ORDER} "
                "(MAX_IRREP_ORDER)"
            )
        try:
            irr = numeric_irreps(self.group, _WHERE, "the G-bispectrum")
        except GroupRepValueError as exc:
            raise GroupRepValueError(
                f"{_WHERE}: argument 'group' ({self.group!r}) has no explicit irreducible "
                "representations, which the G-bispectrum needs; use InvariantPooling for "
                f"this group ({exc})"
            ) from exc
        self._irr: NumericIrreps = irr
        count = len(irr.mats)
        pairs = (
            selective_pairs(irr)
            if selective
            else [(i, j) for i in range(count) for j in range(i, count)]
        )
        self.pairs = pairs
        dims = irr.dims
        self._dims = dims
        self._offsets = [int(v) for v in np.concatenate([[0], np.cumsum([d * d for d in dims])])]
        # one orbit, x_0 the site of elements()[0]: (|G|, sum d^2)
        self._lift = lift_matrix(action, irr, np.arange(order, dtype=np.intp))
        names: list[str] = []
        blocks: list[_Block] = []
        cgs: list[npt.NDArray[Any]] = []
        start = 0
        for i, j in pairs:
            di, dj = dims[i], dims[j]
            parts: list[tuple[int, int]] = []
            mats: list[npt.NDArray[Any]] = []
            col = 0
            for k in range(count):
                if not irr.multiplicity(i, j, k):
                    continue
                dk = dims[k]
                for copy, C in enumerate(clebsch_gordan(irr, i, j, k)):
                    parts.append((k, col))
                    mats.append(C)
                    col += dk
                    names += [
                        f"B{i},{j}>{k}.{copy}[{p},{r}]" for p in range(di * dj) for r in range(dk)
                    ]
            full = np.concatenate(mats, axis=1)  # (d_i d_j, width)
            blocks.append(_Block(i, j, start, col, tuple(parts)))
            cgs.append(full.ravel())
            start += full.size
        self._blocks = blocks
        self._cg = np.concatenate(cgs)
        out = [f"Re{s}" for s in names]
        if not irr.real:
            out += [f"Im{s}" for s in names]
        return out

    def _register_group(self, device: Any) -> None:
        lift, cg = self._lift, self._cg
        self._register("sites", np.arange(self.order, dtype=np.int64), device)
        self._register("lift_re", np.ascontiguousarray(lift.real, dtype=np.float64), device)
        self._register("cg_re", np.ascontiguousarray(cg.real, dtype=np.float64), device)
        if not self._irr.real:
            self._register("lift_im", np.ascontiguousarray(lift.imag, dtype=np.float64), device)
            self._register("cg_im", np.ascontiguousarray(cg.imag, dtype=np.float64), device)
        del self._lift, self._cg

    def _apply(self, fn: Callable[[torch.Tensor], torch.Tensor], recurse: bool = True) -> Self:
        # buffers follow the device only: the constants stay float64 masters (an input in
        # float32 rounds them once per call), also after module.float() or module.half()
        super()._apply(fn, recurse)  # type: ignore[no-untyped-call]
        device = self.sites.device
        for name, value in self._masters.items():
            setattr(self, name, torch.from_numpy(value).to(device))
        return self

    # ----------------------------------------------------------------------- forward

    def _check(self, x: Any) -> torch.Tensor:
        if not isinstance(x, torch.Tensor):
            raise GroupRepTypeError(
                f"{_WHERE}: argument 'x' must be a torch.Tensor of shape (batch, "
                f"{self.channels}, {self.order}), got {describe(x)}"
            )
        if x.ndim != 3:
            raise GroupRepValueError(
                f"{_WHERE}: argument 'x' must have shape (batch, channels={self.channels}, "
                f"|G|={self.order}), got {x.ndim} axes, shape {tuple(x.shape)}"
            )
        if x.shape[1] != self.channels:
            raise GroupRepValueError(
                f"{_WHERE}: argument 'x' must have {self.channels} channels (axis 1; the layer "
                f"was built with channels={self.channels}), got shape {tuple(x.shape)}"
            )
        if x.shape[2] != self.order:
            raise GroupRepValueError(
                f"{_WHERE}: argument 'x' must have |G| = {self.order} entries on its last axis "
                f"(a signal on {self.group!r}), got shape {tuple(x.shape)}"
            )
        if x.dtype not in (torch.float32, torch.float64):
            raise GroupRepTypeError(
                f"{_WHERE}: argument 'x' must be float32 or float64, got {x.dtype}"
            )
        if x.device != self.sites.device:
            raise GroupRepValueError(
                f"{_WHERE}: argument 'x' is on {x.device} but the layer's buffers are on "
                f"{self.sites.device}; move one of them (module.to(device) or x.to(device))"
            )
        return x

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """The features of ``x`` of shape ``(batch, channels, |G|)``: shape ``(batch,
        channels, n_features)``, in the dtype and on the device of ``x``."""
        x = self._check(x)
        batch = x.shape[0]
        rows = x.reshape(batch * self.channels, self.order)
        if self.path == "cyclic":
            out = self._cyclic(rows)
        elif self.path == "abelian":
            out = self._abelian(rows)
        else:
            out = self._group_path(rows)
        return out.reshape(batch, self.channels, self.n_features)

    def _cyclic(self, rows: torch.Tensor) -> torch.Tensor:
        F = torch.fft.fft(rows.index_select(1, self.sites), dim=1)
        B = F[:, self.k1] * F[:, self.k2] * F[:, self.k3].conj()
        return torch.cat([B.real, B.imag], dim=1).index_select(1, self.columns)

    def _abelian(self, rows: torch.Tensor) -> torch.Tensor:
        orders = self.orders
        r, m = len(orders), rows.shape[0]
        f = rows.index_select(1, self.sites).reshape(m, *orders)
        axes = tuple(range(1, 1 + r))
        F = torch.fft.fftn(f, dim=axes)
        parts = []
        for j in range(r):
            unit: list[Any] = [slice(None)] + [0] * r
            unit[1 + j] = 1 % orders[j]
            Fe = F[tuple(unit)].reshape((m,) + (1,) * r)
            B = (F * Fe * torch.roll(F, -1, dims=1 + j).conj()).reshape(m, -1)
            parts += [B.real, B.imag]
        return torch.cat(parts, dim=1)

    def _group_path(self, rows: torch.Tensor) -> torch.Tensor:
        dtype = rows.dtype
        complex_type = hasattr(self, "lift_im")
        lift_re = self.lift_re.to(dtype)
        cg: torch.Tensor = self.cg_re.to(dtype)
        if complex_type:
            F = torch.complex(rows @ lift_re, rows @ self.lift_im.to(dtype))
            cg = torch.complex(cg, self.cg_im.to(dtype))
        else:
            F = rows @ lift_re
        m = rows.shape[0]
        dims, off = self._dims, self._offsets
        hats = [F[:, off[k] : off[k + 1]].reshape(m, d, d) for k, d in enumerate(dims)]
        adjoints = [h.conj().transpose(1, 2) if complex_type else h.transpose(1, 2) for h in hats]
        out = []
        for blk in self._blocks:
            di, dj, w = dims[blk.i], dims[blk.j], blk.width
            C = cg[blk.cg_start : blk.cg_start + di * dj * w].reshape(di, dj * w)
            # (F_i (x) F_j) C without the Kronecker product: sum_q F_i[p, q] C[(q, s), c],
            # then sum_s F_j[r, s] T[p, s, c]; the row (p, r) is p d_j + r
            T = (hats[blk.i] @ C).reshape(m, di, dj, w)
            U = (hats[blk.j].unsqueeze(1) @ T).reshape(m, di * dj, w)
            for k, c0 in blk.parts:
                dk = dims[k]
                out.append((U[:, :, c0 : c0 + dk] @ adjoints[k]).reshape(m, di * dj * dk))
        B = torch.cat(out, dim=1)
        if complex_type:
            return torch.cat([B.real, B.imag], dim=1)
        return B

    def extra_repr(self) -> str:
        return (
            f"group={self.group!r}, channels={self.channels}, selective={self.selective}, "
            f"path={self.path!r}, n_features={self.n_features}"
        )
