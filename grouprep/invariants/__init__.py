"""Invariant theory: Molien series, the Reynolds operator, invariants, equivariant maps."""

from grouprep.invariants._basis import invariant_basis, invariant_generators, reynolds
from grouprep.invariants._fourier import (
    bispectrum_invariants,
    bispectrum_pairs,
    power_spectrum_invariants,
)
from grouprep.invariants._intertwiners import intertwiner_basis
from grouprep.invariants._molien import molien_coefficients, molien_series

__all__ = [
    "bispectrum_invariants",
    "bispectrum_pairs",
    "intertwiner_basis",
    "invariant_basis",
    "invariant_generators",
    "molien_coefficients",
    "molien_series",
    "power_spectrum_invariants",
    "reynolds",
]
