"""The action a featurizer is built from, and batches of its signals (private).

Every featurizer takes the action it is invariant or equivariant for: a
:class:`~grouprep.actions.SignalAction` (any finite group moving the sites of 1-D signals,
images, sets or graphs), a :class:`~grouprep.groups.FiniteGroup` (its regular action on
its own elements, the signals on the group that a group convolution outputs), or an int
n (the shorthand for :func:`~grouprep.shift_action`). ``None`` is the shorthand for the
cyclic shift of the columns (or the translations of periodic images) of the data seen by
``fit``; the action used is always the fitted attribute ``action_``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import describe
from grouprep.actions import (
    SignalAction,
    regular_action,
    shift_action,
    signal_action,
    translation_action,
)
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.features._base import Featurizer
from grouprep.features._structure import site_step
from grouprep.groups import FiniteGroup

__all__ = [
    "LinearAction",
    "SiteFeaturizer",
    "as_action",
    "channels_action",
    "resolve_action",
    "site_orbit_labels",
    "unflatten",
]


def as_action(
    action: Any, where: str, name: str = "action", alphabet: int | None = None
) -> SignalAction:
    """The signal action a featurizer parameter stands for (None is refused here)."""
    if isinstance(action, bool) or not isinstance(
        action, int | np.integer | SignalAction | FiniteGroup
    ):
        raise GroupRepTypeError(
            f"{where}: parameter '{name}' must be a grouprep signal action (e.g. "
            "grouprep.dihedral_action(6)), a finite group (its regular action on itself) or an "
            f"int n (the cyclic shift of n sites), got {describe(action)}"
        )
    if isinstance(action, int | np.integer):
        if action < 1:
            raise GroupRepValueError(
                f"{where}: parameter '{name}' as an int is the length n >= 1 of the shifted "
                f"signals, got {action}"
            )
        return shift_action(int(action), alphabet)
    if isinstance(action, FiniteGroup):
        return signal_action(regular_action(action), alphabet)
    return action


def resolve_action(
    action: Any,
    shape: tuple[int, ...],
    where: str,
    alphabet: int | None = None,
    name: str = "action",
) -> SignalAction:
    """The signal action a featurizer parameter stands for, on samples of this shape."""
    shape = tuple(int(s) for s in shape)
    if action is None:
        if len(shape) == 2:
            return translation_action((shape[0], shape[1]), alphabet)
        if len(shape) != 1:
            raise GroupRepValueError(
                f"{where}: parameter '{name}' is None, the cyclic shift of 1-D signals or the "
                f"translations of images, but the samples of X have shape {shape}; pass the "
                "action"
            )
        return shift_action(shape[0], alphabet)
    action = as_action(action, where, name, alphabet)
    if tuple(action.shape) != shape:
        raise GroupRepValueError(
            f"{where}: parameter '{name}' is {action!r}, which acts on signals of shape "
            f"{tuple(action.shape)} (samples of shape {tuple(action.shape)}: "
            f"{action.num_sites} sites, group {action.group!r}), but the samples of X have "
            f"shape {shape}"
        )
    resolved: SignalAction = action
    return resolved


def site_orbit_labels(action: SignalAction) -> npt.NDArray[np.intp]:
    """The orbit of each site, numbered 0, 1, ... in the order of their least sites
    (from the generators' site permutations only)."""
    from grouprep._components import orbit_labels

    steps = [site_step(action, g) for g in action.group.generators]
    least = orbit_labels(steps, action.num_sites)
    _, labels = np.unique(least, return_inverse=True)
    return labels.astype(np.intp)


def unflatten(action: Any, X: Any) -> Any:
    """Flattened rows ``(m, num_sites)`` of a multi-axis action as ``(m, *action.shape)``;
    anything else unchanged (the validation that follows refuses what does not fit)."""
    if not isinstance(action, SignalAction) or len(action.shape) < 2:
        return X
    if isinstance(X, str) or X is None or not hasattr(X, "__len__"):
        return X
    arr = np.asarray(X)
    if arr.dtype != object and arr.ndim == 2 and arr.shape[1] == action.num_sites:
        return arr.reshape((len(arr), *action.shape))
    return X


class LinearAction:
    """A real representation acting on batches of vectors: x -> rho(g) x (for the laws)."""

    def __init__(self, rep: Any) -> None:
        self.rep = rep
        self.group = rep.group

    def act(self, g: Any, X: Any) -> npt.NDArray[Any]:
        out: npt.NDArray[Any] = np.asarray(X) @ np.asarray(self.rep.numeric(g)).real.T
        return out

    def __repr__(self) -> str:
        return f"linear action of {self.rep!r}"


class _ChannelSites:
    """The site permutation of ``channels`` copies of an action's sites (picklable)."""

    def __init__(self, action: SignalAction, channels: int) -> None:
        self.action, self.channels = action, channels

    def __call__(self, g: Any) -> npt.NDArray[np.intp]:
        n = self.action.num_sites
        step = site_step(self.action, g)
        out: npt.NDArray[np.intp] = (np.arange(self.channels)[:, None] * n + step[None]).ravel()
        return out


def channels_action(action: SignalAction, channels: int) -> SignalAction:
    """The action moving ``channels`` signals of the action's sites together, rows
    ``(m, channels * n)`` channel-major (the input and output of equivariant layers)."""
    if channels == 1 and len(action.shape) == 1:
        return action
    return SignalAction(
        action.group,
        (channels * action.num_sites,),
        _ChannelSites(action, channels),
        None,
        f"{channels} channels of {action!r}",
    )


class SiteFeaturizer(Featurizer):
    """A featurizer of the signals of one action: ``(m, *action.shape)`` or flattened
    rows ``(m, num_sites)``."""

    action: Any
    _allow_images = True

    def _given_action(self, where: str) -> SignalAction | None:
        if isinstance(self.action, SignalAction):
            return self.action
        if isinstance(self.action, FiniteGroup):
            return resolve_action(self.action, (self.action.order,), where)
        return None

    def _validate(self, X: Any, *, reset: bool, where: str) -> npt.NDArray[Any]:
        X = unflatten(self._given_action(where), X)
        return super()._validate(X, reset=reset, where=where)

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        self.action_ = resolve_action(self.action, X.shape[1:], where)

    def _flat(self, X: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
        return np.asarray(X, dtype=np.float64).reshape(len(X), -1)

    def _action_in(self) -> Any:
        return self.action_
