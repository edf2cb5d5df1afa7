"""Invariant theory: Molien series and bases of invariant polynomials."""

from grouprep.invariants._molien import invariant_basis, molien_coefficients, molien_series

__all__ = ["invariant_basis", "molien_coefficients", "molien_series"]
