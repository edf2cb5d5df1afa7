"""Molien series and orbit-sum invariants (private)."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from grouprep._validation import check_int, describe
from grouprep.errors import GroupRepTypeError
from grouprep.numbers import Cyclotomic
from grouprep.reps import Representation

__all__ = ["check_rep", "molien_coefficients", "molien_series", "permutation_of"]


def check_rep(rep: Any, where: str, name: str = "rep") -> Representation:
    if not isinstance(rep, Representation):
        raise GroupRepTypeError(
            f"{where}: argument '{name}' must be a Representation, got {describe(rep)}"
        )
    return rep


def permutation_of(rep: Representation, g: Any) -> tuple[int, ...] | None:
    """The permutation p with rho(g) e_i = e_{p(i)}, if rho(g) is a permutation matrix."""
    known = rep._permutation(g)
    if known is not None:
        return known
    m = rep._exact(g)
    perm = []
    for j in range(rep.dim):
        col = [m[i][j] for i in range(rep.dim)]
        ones = [i for i, v in enumerate(col) if v]
        if len(ones) != 1 or col[ones[0]] != 1:
            return None
        perm.append(ones[0])
    return tuple(perm)


def _class_series(rep: Representation, g: Any, degree: int) -> list[Cyclotomic]:
    """Coefficients of 1 / det(I - t rho(g)) up to t^degree (Newton's identities).

    With power sums p_i = tr rho(g)^i = chi(g^i), the complete homogeneous symmetric
    functions of the eigenvalues satisfy d h_d = sum_{i=1}^{d} p_i h_{d-i}.
    """
    G = rep.group
    order = G.element_order(g)
    powers = []
    h_ = G.identity
    for _ in range(order):
        powers.append(rep.character(h_))
        h_ = G._compose(g, h_)
    h = [Cyclotomic(1)]
    for d in range(1, degree + 1):
        total = Cyclotomic(0)
        for i in range(1, d + 1):
            p = powers[i % order]
            if p and h[d - i]:
                total = total + p * h[d - i]
        h.append(total * Cyclotomic(Fraction(1, d)))
    return h


def molien_coefficients(rep: Representation, degree: int) -> list[int]:
    """The dimensions of the invariant polynomials of degrees 0 .. ``degree``.

    .. math:: \\dim \\mathbb{C}[V]^G_d = [t^d]\\ \\frac{1}{|G|} \\sum_{C} \\frac{|C|}
              {\\det(I - t\\, \\rho(g_C))}

    For permutation matrices :math:`1/\\det(I - tP)` is the product of
    :math:`1/(1 - t^{\\ell})` over the cycles of P (integer arithmetic); otherwise the
    series comes from the characters of powers by Newton's identities.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.invariants import molien_coefficients
    >>> from grouprep.reps import permutation_representation
    >>> S3 = permutation_representation(grouprep.permutation_action(grouprep.symmetric(3)))
    >>> molien_coefficients(S3, 8)  # partitions into parts of size at most 3
    [1, 1, 2, 3, 4, 5, 7, 8, 10]
    """
    rep = check_rep(rep, "molien_coefficients")
    degree = check_int(degree, "degree", "molien_coefficients", minimum=0)
    G = rep.group
    totals = [Fraction(0)] * (degree + 1)
    exact = [Cyclotomic(0)] * (degree + 1)
    for c in G.conjugacy_classes():
        perm = permutation_of(rep, c.representative)
        if perm is not None:
            series = [1] + [0] * degree
            seen = [False] * rep.dim
            for start in range(rep.dim):
                if seen[start]:
                    continue
                length, j = 0, start
                while not seen[j]:
                    seen[j] = True
                    j = perm[j]
                    length += 1
                for d in range(length, degree + 1):  # multiply by 1 / (1 - t^length)
                    series[d] += series[d - length]
            for d in range(degree + 1):
                totals[d] += c.size * series[d]
        else:
            for d, v in enumerate(_class_series(rep, c.representative, degree)):
                exact[d] = exact[d] + c.size * v
    out = []
    for d in range(degree + 1):
        value = (exact[d] + Cyclotomic(totals[d])) * Cyclotomic(Fraction(1, G.order))
        out.append(int(value.as_fraction()))
    return out


def molien_series(rep: Representation) -> Any:
    """The Molien series as an exact sympy rational function of ``t``.

    .. math:: M(t) = \\frac{1}{|G|} \\sum_{C} \\frac{|C|}{\\det(I - t\\, \\rho(g_C))}

    Every :math:`\\det(I - t\\rho(g))` divides :math:`(1 - t^e)^{\\dim}` (e the exponent),
    so :math:`M(t)(1 - t^e)^{\\dim}` is a polynomial of degree below :math:`e \\dim`, read off
    the exact series (:func:`molien_coefficients`) and reduced by ``sympy.cancel``.

    Examples
    --------
    >>> import grouprep, sympy
    >>> from grouprep.invariants import molien_series
    >>> from grouprep.reps import permutation_representation
    >>> S3 = permutation_representation(grouprep.permutation_action(grouprep.symmetric(3)))
    >>> t = sympy.Symbol("t")
    >>> sympy.simplify(molien_series(S3) - 1 / ((1 - t) * (1 - t**2) * (1 - t**3)))
    0
    """
    import sympy

    rep = check_rep(rep, "molien_series")
    t = sympy.Symbol("t")
    e = rep.group.exponent
    n = rep.dim
    top = e * n
    coeffs = molien_coefficients(rep, top)
    denominator = [0] * (top + 1)  # (1 - t^e)^n
    for k in range(n + 1):
        denominator[k * e] = (-1) ** k * math.comb(n, k)
    numerator = [sum(coeffs[i] * denominator[d - i] for i in range(d + 1)) for d in range(top)]
    num = sum((c * t**d for d, c in enumerate(numerator) if c), sympy.Integer(0))
    den = (1 - t**e) ** n
    return sympy.cancel(num / den)
