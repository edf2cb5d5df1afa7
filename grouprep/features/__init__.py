"""Compiled featurizers: invariants and equivariant maps as fast NumPy transformers.

Every featurizer is a scikit-learn transformer (it inherits ``BaseEstimator`` and
``TransformerMixin``: ``fit`` / ``transform`` / ``fit_transform`` /
``get_feature_names_out`` / ``get_params`` / ``set_params`` / ``set_output``, tags, the
HTML repr, pickling), accepts dask arrays chunked along samples, and has ``check(X)``,
which runs the law it promises on data.
"""

from grouprep.features._base import Featurizer
from grouprep.features._codegen import to_source
from grouprep.features._compile import CompiledPolynomials, compile_polynomials
from grouprep.features._featurizers import (
    Bispectrum,
    CanonicalForm,
    GroupConvolution,
    InvariantPolynomials,
    InvariantPooling,
    OrbitAugmenter,
    OrbitIndex,
    PowerSpectrum,
)

__all__ = [
    "Bispectrum",
    "CanonicalForm",
    "CompiledPolynomials",
    "Featurizer",
    "GroupConvolution",
    "InvariantPolynomials",
    "InvariantPooling",
    "OrbitAugmenter",
    "OrbitIndex",
    "PowerSpectrum",
    "compile_polynomials",
    "to_source",
]
