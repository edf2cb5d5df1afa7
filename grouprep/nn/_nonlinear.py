"""Feature fields of real irreducible representations and their equivariant nonlinearities
(private)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import torch

from grouprep._validation import check_int, describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError, SizeLimitError
from grouprep.groups import FiniteGroup
from grouprep.numbers import Cyclotomic
from grouprep.reps import Representation, direct_sum, real_irreps, unitary_matrices

__all__ = ["FieldType", "GatedNonlinearity", "NormNonlinearity"]

MAX_FIELD_ENTRIES = 5 * 10**7
"""The most float entries (:math:`|G| \\sum_b d_b^2`) a :class:`FieldType` stores."""

_ONE = Cyclotomic(1)
_ZERO = Cyclotomic(0)


def _exactly_orthogonal(rho: Representation) -> bool:
    """Whether rho(s)^T rho(s) = I exactly (Cyclotomic arithmetic) on every generator;
    then every rho(g), a product of generators, is orthogonal."""
    d = rho.dim
    for s in rho.group.generators:
        m = rho._exact(s)
        for i in range(d):
            for j in range(i, d):
                v = sum((m[k][i] * m[k][j] for k in range(d)), _ZERO)
                if v != (_ONE if i == j else _ZERO):
                    return False
    return True


def _is_trivial(rho: Representation) -> bool:
    return rho.dim == 1 and all(rho._exact(s)[0][0] == _ONE for s in rho.group.generators)


def _read_only(a: npt.NDArray[Any]) -> npt.NDArray[Any]:
    a.setflags(write=False)
    return a


class FieldType:
    """A feature space :math:`V = \\bigoplus_b V_{i_b}`: copies of the real irreducible
    representations of a finite group, each acting by real orthogonal float64 matrices.

    Block b (a *field*) is the real irrep ``real_irreps(group)[fields[b]]``,
    :math:`\\rho_{i_b}`, with exact real matrices, in coordinates
    ``blocks[b] = (start, stop)`` of the last tensor axis. A norm :math:`|x_b|` is
    invariant only under orthogonal matrices, so the field acts by

    .. math:: U(g) = T^{-1} \\rho(g)\\, T, \\qquad U(g)^{T} U(g) = I, \\qquad
              \\rho = \\bigoplus_b \\rho_{i_b},

    with a block-diagonal change of basis :math:`T = \\bigoplus_b T_b`
    (:attr:`change_of_basis`). Where the exact matrices of an irrep are orthogonal already
    (checked exactly on the generators: the rotations and reflections of cyclic and
    dihedral groups, the signed permutation matrices of :math:`A_4`'s 3-dimensional irrep,
    every 1-dimensional irrep) :math:`T_b = I` and :math:`U = \\rho` up to the rounding of
    ``numeric``. Otherwise (Young's seminormal form of :math:`S_n`, the induced forms of
    :math:`A_5`) exact orthogonal matrices need not exist over the cyclotomic numbers
    (Gram-Schmidt takes square roots), and :math:`T_b` is Weyl's numeric orthogonalization
    :func:`~grouprep.reps.unitary_matrices` (``return_basis=True``): orthogonal to
    float64 rounding.

    So the exact representation :attr:`representation` lives in the basis of
    :math:`\\rho`, the nonlinearities in that of :math:`U`. A :class:`FieldType` passed as
    ``rep_in`` or ``rep_out`` of :class:`~grouprep.nn.EquivariantLinear` gives the layer
    the exact intertwiner basis of :attr:`representation` moved to the orthogonal basis,
    :math:`B_k \\mapsto T_{\\text{out}}^{-1} B_k T_{\\text{in}}` (rounded once in float64),
    and :func:`~grouprep.nn.check_equivariant` acts on it by :math:`U(g)`: so
    ``EquivariantLinear(rep, field)`` followed by :class:`NormNonlinearity` ``(field)`` is
    equivariant. (Passing ``field.representation`` instead would put the output in the
    exact basis, where the norms are not invariant when :math:`T \\neq I`.)

    Parameters
    ----------
    group : FiniteGroup
        A group whose :func:`~grouprep.reps.real_irreps` grouprep builds.
    fields : sequence of int
        One entry per block: the index of its irrep in ``real_irreps(group)`` (0 is the
        trivial representation). Blocks are laid out in this order.

    Attributes
    ----------
    group : FiniteGroup
    fields : tuple of int
    irreps : tuple of Representation
        ``real_irreps(group)``.
    dim : int
        :math:`\\sum_b \\dim \\rho_{i_b}`.
    blocks : tuple of (int, int)
        The coordinates ``start:stop`` of every block on the last axis.
    trivial : tuple of bool
        Whether each block is the trivial representation.
    representation : Representation
        :math:`\\rho`, exact, in the basis before :math:`T`.
    change_of_basis : numpy.ndarray
        T, shape ``(dim, dim)``, float64, block-diagonal, read-only.

    Raises
    ------
    GroupRepTypeError
        If ``group`` is not a FiniteGroup or ``fields`` not a sequence of ints.
    GroupRepValueError
        If ``fields`` is empty or an index is out of range; if grouprep has no real
        irreps of the group (the message of :func:`~grouprep.reps.real_irreps`).
    SizeLimitError
        If the matrices would hold more than 5 * 10^7 numbers (:math:`|G| \\sum_b d_b^2`).

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.nn import FieldType
    >>> S4 = grouprep.symmetric(4)
    >>> [r.dim for r in grouprep.reps.real_irreps(S4)]
    [1, 1, 2, 3, 3]
    >>> field = FieldType(S4, [0, 3, 3, 2])  # a scalar, two 3-dim fields, a 2-dim field
    >>> field.dim, field.blocks
    (9, ((0, 1), (1, 4), (4, 7), (7, 9)))
    >>> U = field.matrices()                 # one per element of S4.elements()
    >>> bool(np.allclose(U @ U.transpose(0, 2, 1), np.eye(9), rtol=0, atol=1e-13))
    True
    >>> g, h = S4.elements()[5], S4.elements()[17]
    >>> gh = field.numeric(S4.compose(g, h))
    >>> bool(np.allclose(gh, field.numeric(g) @ field.numeric(h), rtol=0, atol=1e-13))
    True
    """

    def __init__(self, group: FiniteGroup[Any], fields: Sequence[int]) -> None:
        where = "FieldType"
        if not isinstance(group, FiniteGroup):
            raise GroupRepTypeError(
                f"{where}: argument 'group' must be a grouprep FiniteGroup, got {describe(group)}"
            )
        if isinstance(fields, (str, bytes)) or not isinstance(fields, Sequence):
            raise GroupRepTypeError(
                f"{where}: argument 'fields' must be a sequence of irrep indices (ints), got "
                f"{describe(fields)}"
            )
        irr = real_irreps(group)
        idx = tuple(check_int(f, f"fields[{b}]", where, minimum=0) for b, f in enumerate(fields))
        if not idx:
            raise GroupRepValueError(
                f"{where}: argument 'fields' must name at least one irrep, got an empty sequence"
            )
        for b, i in enumerate(idx):
            if i >= len(irr):
                raise GroupRepValueError(
                    f"{where}: argument 'fields[{b}]' must index real_irreps({group!r}), which "
                    f"has {len(irr)} irreps (0 .. {len(irr) - 1}), got {i}"
                )
        dims = [irr[i].dim for i in idx]
        entries = group.order * sum(d * d for d in dims)
        if entries > MAX_FIELD_ENTRIES:
            raise SizeLimitError(
                f"{where}: the orthogonal matrices of {len(idx)} fields of dimensions {dims} "
                f"over {group.order} elements have {entries} numbers, beyond the limit "
                f"{MAX_FIELD_ENTRIES}"
            )
        self.group = group
        self.fields = idx
        self.irreps = irr
        self.dim = sum(dims)
        starts = np.cumsum([0, *dims]).tolist()
        self.blocks = tuple((int(a), int(b)) for a, b in itertools.pairwise(starts))
        self.trivial = tuple(_is_trivial(irr[i]) for i in idx)
        self.representation = direct_sum(*(irr[i] for i in idx))
        # one orthogonal form per distinct irrep, placed on every block of that irrep
        forms: dict[int, tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]] = {}
        elements = group.elements()
        for i in sorted(set(idx)):
            rho = irr[i]
            if _exactly_orthogonal(rho):
                U = np.array([np.asarray(rho.numeric(g), dtype=np.float64) for g in elements])
                forms[i] = (U, np.eye(rho.dim))
            else:
                Ui, Ti = unitary_matrices(rho, return_basis=True)
                forms[i] = (np.asarray(Ui, dtype=np.float64), np.asarray(Ti, dtype=np.float64))
        mats = np.zeros((group.order, self.dim, self.dim))
        T = np.zeros((self.dim, self.dim))
        T_inv = np.zeros((self.dim, self.dim))
        for (a, b), i in zip(self.blocks, idx, strict=True):
            mats[:, a:b, a:b] = forms[i][0]
            T[a:b, a:b] = forms[i][1]
            T_inv[a:b, a:b] = np.linalg.inv(forms[i][1])
        self._mats = _read_only(mats)
        self.change_of_basis = _read_only(T)
        self._inverse_basis = _read_only(T_inv)
        self._index = {g: n for n, g in enumerate(elements)}

    @classmethod
    def from_multiplicities(
        cls, group: FiniteGroup[Any], multiplicities: Sequence[int]
    ) -> FieldType:
        """The field type with ``multiplicities[i]`` copies of ``real_irreps(group)[i]``,
        irrep after irrep.

        Examples
        --------
        >>> import grouprep
        >>> from grouprep.nn import FieldType
        >>> FieldType.from_multiplicities(grouprep.dihedral(5), [2, 0, 1, 1]).fields
        (0, 0, 2, 3)
        """
        where = "FieldType.from_multiplicities"
        if isinstance(multiplicities, (str, bytes)) or not isinstance(multiplicities, Sequence):
            raise GroupRepTypeError(
                f"{where}: argument 'multiplicities' must be a sequence of ints, got "
                f"{describe(multiplicities)}"
            )
        count = len(real_irreps(group)) if isinstance(group, FiniteGroup) else None
        if count is not None and len(multiplicities) != count:
            raise GroupRepValueError(
                f"{where}: argument 'multiplicities' must have one entry per real irrep of "
                f"{group!r} ({count}), got {len(multiplicities)}"
            )
        fields: list[int] = []
        for i, m in enumerate(multiplicities):
            fields.extend([i] * check_int(m, f"multiplicities[{i}]", where, minimum=0))
        return cls(group, fields)

    def numeric(self, g: Any) -> npt.NDArray[np.float64]:
        """The orthogonal matrix :math:`U(g)`, shape ``(dim, dim)``, float64, read-only."""
        try:
            n = self._index[g]
        except (KeyError, TypeError):
            raise GroupRepValueError(
                f"FieldType.numeric: argument 'g' must be an element of {self.group!r}, got "
                f"{describe(g)}"
            ) from None
        return self._mats[n]  # type: ignore[no-any-return]

    def matrices(self) -> npt.NDArray[np.float64]:
        """All :math:`U(g)`, shape ``(order, dim, dim)`` in the order of ``group.elements()``
        (read-only)."""
        return self._mats

    def to_orthogonal(self, exact_basis: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
        """Vectors (last axis) or matrix rows given in the basis of :attr:`representation`,
        moved to the orthogonal basis: :math:`T^{-1} v`."""
        return np.asarray(np.asarray(exact_basis) @ self._inverse_basis.T, dtype=np.float64)

    @property
    def num_fields(self) -> int:
        """The number of blocks."""
        return len(self.fields)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FieldType):
            return NotImplemented
        return self.group == other.group and self.fields == other.fields

    def __hash__(self) -> int:
        return hash((self.group, self.fields))

    def __repr__(self) -> str:
        return f"FieldType({self.group!r}, {list(self.fields)})"


def as_field_type(value: Any, name: str, where: str) -> FieldType:
    if not isinstance(value, FieldType):
        raise GroupRepTypeError(
            f"{where}: argument {name!r} must be a FieldType (grouprep.nn.FieldType(group, "
            f"irrep indices)), got {describe(value)}"
        )
    return value


_FUNCTIONS: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "relu": torch.relu,
    "sigmoid": torch.sigmoid,
    "softplus": torch.nn.functional.softplus,
    "tanh": torch.tanh,
    "identity": lambda t: t,
}


def _function(
    value: Any, name: str, where: str, allow_none: bool = False
) -> Callable[[torch.Tensor], torch.Tensor] | None:
    if value is None and allow_none:
        return None
    if isinstance(value, str):
        if value not in _FUNCTIONS:
            raise GroupRepValueError(
                f"{where}: argument {name!r} must be one of {sorted(_FUNCTIONS)} or a callable, "
                f"got {value!r}"
            )
        return _FUNCTIONS[value]
    if callable(value):
        return value  # type: ignore[no-any-return]
    raise GroupRepTypeError(
        f"{where}: argument {name!r} must be a name in {sorted(_FUNCTIONS)} or a callable"
        f"{' or None' if allow_none else ''}, got {describe(value)}"
    )


def _check_tensor(
    x: Any, channels: int, dim: int, where: str, what: str, dtype: torch.dtype | None
) -> torch.Tensor:
    if not isinstance(x, torch.Tensor):
        raise GroupRepTypeError(
            f"{where}: argument 'x' must be a torch.Tensor, got {type(x).__name__}"
        )
    if x.ndim != 3 or x.shape[1] != channels or x.shape[2] != dim:
        raise GroupRepValueError(
            f"{where}: argument 'x' must have shape (batch, {channels}, {dim}) (batch, "
            f"channels, {what}), got {tuple(x.shape)}"
        )
    if not x.is_floating_point():
        raise GroupRepTypeError(
            f"{where}: argument 'x' must be a floating point tensor, got dtype {x.dtype}"
        )
    if dtype is not None and x.dtype != dtype:
        raise GroupRepTypeError(
            f"{where}: argument 'x' has dtype {x.dtype} but the layer's parameters are "
            f"{dtype}; convert one of them (module.to(dtype) or x.to(dtype))"
        )
    return x


def _indicator(field: FieldType, blocks: Sequence[int]) -> torch.Tensor:
    """The 0/1 matrix (dim, len(blocks)): coordinate j lies in the k-th listed block."""
    M = torch.zeros(field.dim, len(blocks), dtype=torch.float64)
    for k, b in enumerate(blocks):
        a, c = field.blocks[b]
        M[a:c, k] = 1.0
    return M


def _scaled(
    x: torch.Tensor, M: torch.Tensor, value: Callable[[torch.Tensor], torch.Tensor]
) -> torch.Tensor:
    """x_b * value(|x_b|) / |x_b| on every block of M, 0 where |x_b| = 0."""
    sq = (x * x) @ M
    pos = sq > 0
    norm = torch.sqrt(torch.where(pos, sq, torch.ones_like(sq)))
    scale = torch.where(pos, value(norm) / norm, torch.zeros_like(sq))
    return x * (scale @ M.T)


class NormNonlinearity(torch.nn.Module):
    """The norm nonlinearity: every field is rescaled by a function of its own norm.

    .. math:: x_b \\;\\mapsto\\; x_b\\, \\frac{\\sigma(|x_b| + \\beta_{c b})}{|x_b|},
              \\qquad |x_b| = \\Bigl(\\sum_{j \\in b} x_j^2\\Bigr)^{1/2},

    for each block b of a :class:`FieldType` and each channel c, with a learnable bias
    :math:`\\beta_{cb}` (0 where :math:`|x_b| = 0`; the gradient there is 0). Since
    :math:`U(g)` is block-diagonal and orthogonal, :math:`|U_b(g) x_b| = |x_b|` and the map
    commutes with the group (Worrall et al. 2017, Weiler & Cesa 2019). Trivial blocks
    (a scalar, on which G acts as the identity) may instead get any pointwise function
    ``trivial``.

    Parameters
    ----------
    fields : FieldType
        The representation on the last axis, in and out.
    channels : int, default 1
        Every channel is a copy of ``fields``; tensors are ``(batch, channels,
        fields.dim)``.
    function : {'relu', 'softplus', 'sigmoid', 'tanh', 'identity'} or callable,
        default 'relu'
        :math:`\\sigma`, applied elementwise to a tensor of norms plus biases.
    bias : bool, default True
        Learn :math:`\\beta` (initialised to 0, so that with ReLU the layer starts as the
        identity and learns its thresholds); without it :math:`\\beta = 0`.
    trivial : str, callable or None, default None
        None: trivial blocks are treated like the others (for one coordinate,
        :math:`x \\mapsto \\operatorname{sign}(x)\\, \\sigma(|x| + \\beta)`); otherwise the
        pointwise function applied to them (``'relu'``, a callable, ...), with no bias.
    dtype, device : optional
        Of the bias.

    Attributes
    ----------
    bias : torch.nn.Parameter or None
        Shape ``(channels, number of normed blocks)``, in block order.

    Raises
    ------
    GroupRepTypeError
        If ``fields`` is not a FieldType or a function is neither a name nor a callable;
        from ``forward``, if the input is not a floating point tensor of the bias dtype.
    GroupRepValueError
        If ``channels`` is below 1 or a function name is unknown; from ``forward``, if the
        input is not of shape ``(batch, channels, fields.dim)``.

    Examples
    --------
    >>> import torch, grouprep
    >>> from grouprep.nn import FieldType, NormNonlinearity
    >>> field = FieldType(grouprep.cyclic(6), [0, 2, 2])  # Z_6: a scalar, two rotations
    >>> act = NormNonlinearity(field, channels=2).double()
    >>> x = torch.tensor([[[-1.0, 3.0, 4.0, 0.0, 0.0]] * 2], dtype=torch.float64)
    >>> with torch.no_grad():
    ...     act.bias[:] = torch.tensor([0.0, -1.0, 2.0])
    >>> act(x)[0, 0].round(decimals=12).tolist()  # sign(-1) relu(1), (3, 4) relu(5 - 1) / 5
    [-1.0, 2.4, 3.2, 0.0, 0.0]
    >>> U = torch.from_numpy(field.numeric(1).copy())   # the rotation by 2 pi / 6
    >>> torch.allclose(act(x @ U.T), act(x) @ U.T, rtol=0, atol=1e-12)
    True
    """

    indicator: torch.Tensor
    pointwise_mask: torch.Tensor

    def __init__(
        self,
        fields: FieldType,
        channels: int = 1,
        function: str | Callable[[torch.Tensor], torch.Tensor] = "relu",
        bias: bool = True,
        trivial: str | Callable[[torch.Tensor], torch.Tensor] | None = None,
        *,
        dtype: torch.dtype | None = None,
        device: torch.device | str | None = None,
    ) -> None:
        super().__init__()
        where = "NormNonlinearity"
        self.fields = as_field_type(fields, "fields", where)
        self.channels = check_int(channels, "channels", where, minimum=1)
        self.function = _function(function, "function", where)
        self.pointwise = _function(trivial, "trivial", where, allow_none=True)
        if not isinstance(bias, bool):
            raise GroupRepTypeError(f"{where}: argument 'bias' must be a bool, got {bias!r}")
        self.rep_in = self.rep_out = self.fields
        f = self.fields
        if self.pointwise is None:
            self.normed = tuple(range(f.num_fields))
        else:
            self.normed = tuple(b for b in range(f.num_fields) if not f.trivial[b])
        self.register_buffer("indicator", _indicator(f, self.normed), persistent=False)
        mask = torch.zeros(f.dim, dtype=torch.bool)
        if self.pointwise is not None:
            for b in range(f.num_fields):
                if f.trivial[b]:
                    mask[f.blocks[b][0] : f.blocks[b][1]] = True
        self.register_buffer("pointwise_mask", mask, persistent=False)
        self.bias: torch.nn.Parameter | None = None
        if bias:
            self.bias = torch.nn.Parameter(
                torch.zeros(self.channels, len(self.normed), dtype=dtype, device=device)
            )

    def reset_parameters(self) -> None:
        """Set the bias to 0."""
        if self.bias is not None:
            with torch.no_grad():
                self.bias.zero_()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Apply the nonlinearity to ``x`` of shape ``(batch, channels, fields.dim)``."""
        dtype = None if self.bias is None else self.bias.dtype
        x = _check_tensor(
            x, self.channels, self.fields.dim, "NormNonlinearity", "fields.dim", dtype
        )
        M = self.indicator.to(device=x.device, dtype=x.dtype)
        sigma = self.function
        assert sigma is not None
        beta = self.bias

        def value(norm: torch.Tensor) -> torch.Tensor:
            return sigma(norm if beta is None else norm + beta)

        out = _scaled(x, M, value)
        if self.pointwise is not None:
            mask = self.pointwise_mask.to(x.device)
            out = torch.where(mask, self.pointwise(x), out)
        return out

    def extra_repr(self) -> str:
        return (
            f"fields={self.fields!r}, channels={self.channels}, "
            f"normed_blocks={len(self.normed)}, bias={self.bias is not None}"
        )


class GatedNonlinearity(torch.nn.Module):
    """The gated nonlinearity: every non-trivial field is multiplied by the sigmoid of its
    own scalar gate, and the gates are consumed.

    .. math:: x_b \\;\\mapsto\\; \\operatorname{sigmoid}(s_b)\\, x_b
              \\quad (\\rho_{i_b} \\text{ non-trivial}), \\qquad
              x_b \\;\\mapsto\\; \\phi(x_b) \\quad (\\rho_{i_b} \\text{ trivial}),

    (Weiler et al. 2018, 3D steerable CNNs). A gate :math:`s_b` is a trivial field,
    invariant, so :math:`\\operatorname{sigmoid}(s_b)\\, U_b(g) x_b = U_b(g)
    (\\operatorname{sigmoid}(s_b)\\, x_b)`; this holds in any basis, orthogonal or not.

    Shape convention: the input has ``fields.dim + g`` coordinates on the last axis,
    ``g`` the number of non-trivial blocks of ``fields``; the first ``fields.dim`` are the
    fields, the last ``g`` the gates, the k-th gating the k-th non-trivial block (in block
    order). The input field type is :attr:`rep_in`, ``fields`` followed by ``g`` copies of
    the trivial irrep, so ``EquivariantLinear(rep, gate.rep_in)`` produces both; the
    output, of shape ``(batch, channels, fields.dim)``, is ``fields`` (:attr:`rep_out`).
    Each channel has its own gates.

    Parameters
    ----------
    fields : FieldType
        The output fields; its trivial blocks (if any) are not gated.
    channels : int, default 1
    trivial : str, callable or None, default 'relu'
        The pointwise function :math:`\\phi` of the trivial blocks of ``fields`` (None:
        the identity).

    Attributes
    ----------
    rep_in, rep_out : FieldType

    Raises
    ------
    GroupRepTypeError
        If ``fields`` is not a FieldType or ``trivial`` neither a name nor a callable;
        from ``forward``, if the input is not a floating point tensor.
    GroupRepValueError
        If ``channels`` is below 1, or ``fields`` has no non-trivial block (nothing to
        gate: use a pointwise function); from ``forward``, if the input is not of shape
        ``(batch, channels, fields.dim + number of gates)``.

    Examples
    --------
    >>> import torch, grouprep
    >>> from grouprep.nn import FieldType, GatedNonlinearity
    >>> D4 = grouprep.dihedral(4)                       # real irreps: dims 1, 1, 1, 1, 2
    >>> gate = GatedNonlinearity(FieldType(D4, [4, 0, 4]))
    >>> gate.rep_in                                     # two gates appended
    FieldType(dihedral(4), [4, 0, 4, 0, 0])
    >>> x = torch.tensor([[[1.0, 2.0, -3.0, 4.0, 5.0, 0.0, 100.0]]])
    >>> gate(x)[0, 0].tolist()                          # sigmoid(0) = 1/2, relu(-3) = 0
    [0.5, 1.0, 0.0, 4.0, 5.0]
    """

    gate_index: torch.Tensor
    trivial_mask: torch.Tensor

    def __init__(
        self,
        fields: FieldType,
        channels: int = 1,
        trivial: str | Callable[[torch.Tensor], torch.Tensor] | None = "relu",
    ) -> None:
        super().__init__()
        where = "GatedNonlinearity"
        f = as_field_type(fields, "fields", where)
        self.channels = check_int(channels, "channels", where, minimum=1)
        self.pointwise = _function(trivial, "trivial", where, allow_none=True)
        self.gated = tuple(b for b in range(f.num_fields) if not f.trivial[b])
        if not self.gated:
            raise GroupRepValueError(
                f"{where}: argument 'fields' {f!r} has only trivial blocks, nothing to gate; "
                "apply a pointwise function instead"
            )
        self.fields = self.rep_out = f
        self.rep_in = FieldType(f.group, [*f.fields, *([0] * len(self.gated))])
        if not self.rep_in.trivial[-1]:  # real_irreps puts the trivial irrep first
            raise GroupRepValueError(  # pragma: no cover - guarded by real_irreps
                f"{where}: real_irreps({f.group!r})[0] is not the trivial representation"
            )
        index = torch.full((f.dim,), -1, dtype=torch.long)
        for k, b in enumerate(self.gated):
            a, c = f.blocks[b]
            index[a:c] = k
        self.register_buffer("gate_index", index, persistent=False)
        mask = torch.tensor(
            [
                f.trivial[b]
                for b in range(f.num_fields)
                for _ in range(f.blocks[b][1] - f.blocks[b][0])
            ],
            dtype=torch.bool,
        )
        self.register_buffer("trivial_mask", mask, persistent=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Gate ``x`` of shape ``(batch, channels, fields.dim + number of gates)``."""
        n, gates = self.fields.dim, len(self.gated)
        x = _check_tensor(
            x,
            self.channels,
            n + gates,
            "GatedNonlinearity",
            f"fields.dim + number of gates = {n} + {gates}",
            None,
        )
        values, s = x[..., :n], torch.sigmoid(x[..., n:])
        index = self.gate_index.to(x.device).clamp(min=0)
        out = values * s[..., index]
        mask = self.trivial_mask.to(x.device)
        phi = self.pointwise
        return torch.where(mask, values if phi is None else phi(values), out)

    def extra_repr(self) -> str:
        return f"fields={self.fields!r}, channels={self.channels}, gates={len(self.gated)}"
