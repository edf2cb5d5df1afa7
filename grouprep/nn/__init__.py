"""Trainable equivariant layers in PyTorch (the optional extra ``torch``).

Every layer takes the representations (or the action) it is equivariant for and builds
its weights from them: :class:`EquivariantLinear` on the exact intertwiner basis of
:func:`grouprep.intertwiner_basis`, :class:`LiftingConv` and :class:`GroupConv` for
group convolution, :class:`NormNonlinearity` and :class:`GatedNonlinearity` on
feature fields of real irreps (:class:`FieldType`), :class:`InvariantPooling` or the
complete invariant :class:`BispectrumPooling` at the end; :func:`check_equivariant`
verifies a module (or a whole network) by applying the group to its inputs and outputs.
Tensors have shape ``(batch, channels, dim)``; the group acts on the last axis.
:class:`ImageLiftingConv` and :class:`ImageGroupConv` are the local-filter convolutions of
the wallpaper groups p4 and p4m on periodic images, ``(batch, channels, h, h)`` to
``(batch, channels, |H|, h, h)``; :class:`BispectrumPooling` is a complete invariant head.

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

from grouprep.nn._bispectrum import BispectrumPooling
from grouprep.nn._check import assert_equivariant, check_equivariant
from grouprep.nn._conv import GroupConv, InvariantPooling, LiftingConv
from grouprep.nn._image import ImageGroupConv, ImageLiftingConv, image_group_elements
from grouprep.nn._linear import EquivariantLinear
from grouprep.nn._nonlinear import FieldType, GatedNonlinearity, NormNonlinearity
from grouprep.nn._reps import site_representation

__all__ = [
    "BispectrumPooling",
    "EquivariantLinear",
    "FieldType",
    "GatedNonlinearity",
    "GroupConv",
    "ImageGroupConv",
    "ImageLiftingConv",
    "InvariantPooling",
    "LiftingConv",
    "NormNonlinearity",
    "assert_equivariant",
    "check_equivariant",
    "image_group_elements",
    "site_representation",
]
