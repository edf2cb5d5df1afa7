"""Compiled featurizers: invariants and equivariant maps as fast NumPy transformers.

Every featurizer is a scikit-learn transformer (it inherits ``BaseEstimator`` and
``TransformerMixin``: ``fit`` / ``transform`` / ``fit_transform`` /
``get_feature_names_out`` / ``get_params`` / ``set_params`` / ``set_output``, tags, the
HTML repr, pickling), accepts dask arrays chunked along samples, and has ``check(X)``,
which runs the law it promises on data. Every featurizer is built from the action (or
representation) it is invariant or equivariant for, states it as ``action_`` once
fitted, and ``check`` verifies exactly that action.
"""

from grouprep.features._base import Featurizer
from grouprep.features._codegen import to_source
from grouprep.features._compile import CompiledPolynomials, compile_polynomials
from grouprep.features._convolution import (
    EquivariantLinear,
    GroupConvolution,
    InvariantPooling,
    OrbitalConvolution,
    OrbitPooling,
)
from grouprep.features._featurizers import (
    CanonicalForm,
    InvariantPolynomials,
    OrbitAugmenter,
    OrbitIndex,
    OrbitSumPolynomials,
)
from grouprep.features._irreps import selective_pairs
from grouprep.features._spectral import Bispectrum, FourierInvariants, PowerSpectrum

__all__ = [
    "Bispectrum",
    "CanonicalForm",
    "CompiledPolynomials",
    "EquivariantLinear",
    "Featurizer",
    "FourierInvariants",
    "GroupConvolution",
    "InvariantPolynomials",
    "InvariantPooling",
    "OrbitAugmenter",
    "OrbitIndex",
    "OrbitPooling",
    "OrbitSumPolynomials",
    "OrbitalConvolution",
    "PowerSpectrum",
    "compile_polynomials",
    "selective_pairs",
    "to_source",
]
