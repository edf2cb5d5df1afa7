"""Trainable equivariant layers in PyTorch (the optional extra ``torch``).

Every layer takes the representations (or the action) it is equivariant for and builds
its weights from them: :class:`EquivariantLinear` on the exact intertwiner basis of
:func:`grouprep.intertwiner_basis`, :class:`LiftingConv` and :class:`GroupConv` for
group convolution, :class:`NormNonlinearity` and :class:`GatedNonlinearity` on
feature fields of real irreps (:class:`FieldType`), :class:`InvariantPooling` at the
end; :func:`check_equivariant` verifies a module (or a whole network) by applying the
group to its inputs and outputs.
Tensors have shape ``(batch, channels, dim)``; the group acts on the last axis.

``import grouprep`` never imports torch; this subpackage needs it
(``pip install 'grouprep[torch]'``).
"""

try:
    import torch as _torch  # noqa: F401
except ImportError as err:  # pragma: no cover - exercised in a subprocess without torch
    raise ImportError(
        "grouprep.nn needs PyTorch, which is not installed: install the extra with "
        "pip install 'grouprep[torch]'"
    ) from err

from grouprep.nn._check import assert_equivariant, check_equivariant
from grouprep.nn._conv import GroupConv, InvariantPooling, LiftingConv
from grouprep.nn._linear import EquivariantLinear
from grouprep.nn._nonlinear import FieldType, GatedNonlinearity, NormNonlinearity
from grouprep.nn._reps import site_representation

__all__ = [
    "EquivariantLinear",
    "FieldType",
    "GatedNonlinearity",
    "GroupConv",
    "InvariantPooling",
    "LiftingConv",
    "NormNonlinearity",
    "assert_equivariant",
    "check_equivariant",
    "site_representation",
]
