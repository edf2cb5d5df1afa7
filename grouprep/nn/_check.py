"""The equivariance law for torch modules, by the numeric checkers of grouprep.laws (private)."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import torch

from grouprep._random import RandomLike, as_generator
from grouprep._validation import check_int, describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.groups import FiniteGroup
from grouprep.laws import LawReport
from grouprep.laws import check_equivariant as _law_equivariant
from grouprep.laws import check_invariant as _law_invariant
from grouprep.laws._report import raise_if_failed
from grouprep.nn._nonlinear import FieldType
from grouprep.nn._reps import as_representation
from grouprep.reps import Representation

__all__ = ["assert_equivariant", "check_equivariant"]


class _OnLastAxis:
    """A representation acting on the last axis of ``(batch, channels, dim)`` arrays."""

    def __init__(self, rep: Representation | FieldType) -> None:
        self.rep = rep
        self.group: FiniteGroup[Any] = rep.group
        self._mats: dict[Any, npt.NDArray[np.float64]] = {}

    def act(self, g: Any, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        if g not in self._mats:
            M = self.rep.numeric(g)
            if np.iscomplexobj(M):
                raise GroupRepValueError(
                    f"check_equivariant: {self.rep!r} is not real at {g!r}; torch modules "
                    "act on real representations"
                )
            self._mats[g] = M
        if X.shape[-1] != self.rep.dim:
            raise GroupRepValueError(
                f"check_equivariant: the last axis has size {X.shape[-1]} but the "
                f"representation {self.rep!r} has dimension {self.rep.dim}"
            )
        return np.asarray(X @ self._mats[g].T)

    def __repr__(self) -> str:
        return repr(self.rep)


def _as_acting(value: Any, name: str, where: str) -> Representation | FieldType:
    if isinstance(value, FieldType):
        return value  # acts by its orthogonal matrices
    return as_representation(value, name, where)


def _dtype_of(module: torch.nn.Module) -> torch.dtype:
    for p in module.parameters():
        return p.dtype
    return torch.get_default_dtype()


def _device_of(module: torch.nn.Module) -> torch.device:
    for p in module.parameters():
        return p.device
    return torch.device("cpu")


def check_equivariant(
    module: Any,
    rep_in: Any,
    rep_out: Any,
    samples: Any = None,
    *,
    channels_in: int | None = None,
    batch: int = 8,
    rtol: float | None = None,
    atol: float | None = None,
    rng: RandomLike = 0,
    shrink: bool | int = True,
) -> LawReport:
    """Check numerically that a torch module is equivariant, applying the group yourself.

    .. math:: f(\\rho_{\\text{in}}(g)\\, x) = \\rho_{\\text{out}}(g)\\, f(x)
              \\quad \\text{for every } g \\text{ and sample } x,

    with the representations acting on the last axis of ``(batch, channels, dim)``
    tensors by their matrices (``rep_out=None``: invariance, :math:`f(\\rho(g) x) =
    f(x)`, for outputs of any shape). The module runs in the dtype and on the device of
    its parameters, without gradients. This is :func:`grouprep.laws.check_equivariant`
    (or :func:`~grouprep.laws.check_invariant`) on the module: every element for groups
    of order up to 256, the same per-sample criterion, the same report (``max_error``,
    a counterexample with a shrunk one).

    Parameters
    ----------
    module : torch.nn.Module
        Maps ``(batch, channels_in, rep_in.dim)`` to ``(batch, channels_out,
        rep_out.dim)``.
    rep_in, rep_out : Representation, FieldType, SignalAction or finite action
        As for :class:`EquivariantLinear` (a :class:`FieldType` acts by its orthogonal
        matrices); ``rep_out`` may be None for an invariant module.
    samples : array_like, optional
        Inputs ``(m, channels_in, rep_in.dim)``; by default ``batch`` standard normal
        samples drawn from ``rng``.
    channels_in : int, optional
        For the default samples; by default ``module.channels_in`` or 1.
    batch : int, default 8
    rtol, atol : float, optional
        By default ``1e-9`` and ``1e-12`` in float64, ``1e-4`` and ``1e-6`` in float32.
    rng : Generator, int or None, default 0
    shrink : bool or int, default True
        As in :func:`grouprep.laws.check_invariant`.

    Returns
    -------
    LawReport

    Raises
    ------
    GroupRepTypeError
        If ``module`` is not a torch module or a representation has the wrong type.
    GroupRepValueError
        If the representations are of different groups or the samples do not fit.

    Examples
    --------
    >>> import torch, grouprep
    >>> from grouprep.nn import EquivariantLinear, check_equivariant
    >>> a = grouprep.shift_action(6)
    >>> layer = EquivariantLinear(a, a, 2, 2).double()
    >>> check_equivariant(layer, a, a).holds
    True
    >>> dense = torch.nn.Linear(6, 6).double()  # a general linear map of one channel
    >>> report = check_equivariant(dense, a, a)
    >>> report.holds, report.counterexample["reason"].startswith("|f(g.x) - g.f(x)|")
    (False, True)
    """
    where = "check_equivariant"
    if not isinstance(module, torch.nn.Module):
        raise GroupRepTypeError(
            f"{where}: argument 'module' must be a torch.nn.Module, got {describe(module)}"
        )
    r_in = _as_acting(rep_in, "rep_in", where)
    r_out = None if rep_out is None else _as_acting(rep_out, "rep_out", where)
    if r_out is not None and r_in.group != r_out.group:
        raise GroupRepValueError(
            f"{where}: 'rep_in' and 'rep_out' must be representations of the same group, "
            f"got {r_in.group!r} and {r_out.group!r}"
        )
    dtype, device = _dtype_of(module), _device_of(module)
    single = dtype in (torch.float32, torch.float16, torch.bfloat16)
    rtol = (1e-4 if single else 1e-9) if rtol is None else rtol
    atol = (1e-6 if single else 1e-12) if atol is None else atol
    if samples is None:
        c = channels_in if channels_in is not None else getattr(module, "channels_in", 1)
        c = check_int(c, "channels_in", where, minimum=1)
        m = check_int(batch, "batch", where, minimum=1)
        samples = as_generator(rng, where).standard_normal((m, c, r_in.dim))
    X = np.asarray(samples)
    if X.ndim != 3 or X.shape[-1] != r_in.dim:
        raise GroupRepValueError(
            f"{where}: argument 'samples' must have shape (batch, channels_in, {r_in.dim}), "
            f"got {X.shape}"
        )

    def f(B: npt.NDArray[Any]) -> npt.NDArray[Any]:
        with torch.no_grad():
            t = torch.as_tensor(np.ascontiguousarray(B), dtype=dtype, device=device)
            out = module(t)
        return np.asarray(out.detach().to("cpu", torch.float64).numpy())

    act_in = _OnLastAxis(r_in)
    if r_out is None:
        return _law_invariant(f, act_in, X, rtol, rng, atol=atol, shrink=shrink)
    return _law_equivariant(f, act_in, _OnLastAxis(r_out), X, rtol, rng, atol=atol, shrink=shrink)


def assert_equivariant(module: Any, rep_in: Any, rep_out: Any, **kw: Any) -> LawReport:
    """Like :func:`check_equivariant`, but raise :class:`~grouprep.LawViolation` on failure.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.nn import GroupConv, assert_equivariant
    >>> conv = GroupConv(grouprep.dihedral(4), 2, 3).double()
    >>> _ = assert_equivariant(conv, conv.rep_in, conv.rep_out)
    """
    __tracebackhide__ = True
    return raise_if_failed(check_equivariant(module, rep_in, rep_out, **kw))
