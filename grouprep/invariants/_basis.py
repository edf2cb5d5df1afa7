"""The Reynolds operator, bases of invariants, generators of the invariant ring (private)."""

from __future__ import annotations

from typing import Any

from grouprep._validation import check_int
from grouprep.invariants._molien import check_rep, molien_coefficients, permutation_of
from grouprep.invariants._poly import (
    Echelon,
    Exps,
    Poly,
    Substitution,
    add_into,
    monomials,
    poly_from_sympy,
    poly_mul,
    poly_to_sympy,
)
from grouprep.numbers import Cyclotomic
from grouprep.reps import Representation

__all__ = ["invariant_basis", "invariant_basis_polys", "invariant_generators", "reynolds"]


def _group_substitutions(rep: Representation) -> list[Substitution]:
    return [Substitution(rep._exact(g)) for g in rep.group.elements()]


def _reynolds(p: Poly, subs: list[Substitution]) -> Poly:
    acc: Poly = {}
    for sub in subs:
        add_into(acc, sub(p))
    scale = Cyclotomic(1) / len(subs)
    return {k: v * scale for k, v in acc.items()}


def reynolds(rep: Representation, f: Any) -> Any:
    """The group average of a polynomial: the Reynolds operator, exactly.

    .. math:: R(f)(x) = \\frac{1}{|G|} \\sum_{g \\in G} f(\\rho(g)\\, x)

    R is a projection onto the invariant polynomials: R(f) is invariant, and R(f) = f
    exactly when f is invariant.

    Parameters
    ----------
    rep : Representation
        The representation :math:`\\rho`; polynomials are in the sympy symbols
        ``x0 .. x{dim-1}``.
    f : sympy expression
        A polynomial in those symbols with exact (cyclotomic) coefficients (a sympy
        expression, a ``sympy.Poly`` or a number; strings are refused, never parsed).

    Returns
    -------
    sympy expression

    Raises
    ------
    GroupRepTypeError
        If rep is not a Representation, or f is a string, None or not a sympy expression.
    GroupRepValueError
        If f contains other symbols or is not a polynomial.

    Examples
    --------
    >>> import grouprep, sympy
    >>> from grouprep.invariants import reynolds
    >>> from grouprep.reps import regular_representation
    >>> x0, x1, x2 = sympy.symbols("x0:3")
    >>> reynolds(regular_representation(grouprep.cyclic(3)), x0**2 * x1)
    x0**2*x1/3 + x0*x2**2/3 + x1**2*x2/3
    """
    rep = check_rep(rep, "reynolds")
    p = poly_from_sympy(f, rep.dim, "reynolds")
    return poly_to_sympy(_reynolds(p, _group_substitutions(rep)), rep.dim)


def _permutations(rep: Representation) -> list[tuple[int, ...]] | None:
    perms = []
    for s in rep.group.generators:
        p = permutation_of(rep, s)
        if p is None:
            return None
        perms.append(p)
    return perms


def _orbit_sums(perms: list[tuple[int, ...]], n: int, degree: int) -> list[Poly]:
    one = Cyclotomic(1)
    seen: set[Exps] = set()
    out = []
    for start in monomials(n, degree):
        if start in seen:
            continue
        orbit = {start}
        frontier = [start]
        while frontier:
            nxt = []
            for a in frontier:
                for p in perms:  # rho(g) e_i = e_{p(i)} moves exponent i to p(i)
                    b = [0] * n
                    for i, v in enumerate(a):
                        b[p[i]] = v
                    tb = tuple(b)
                    if tb not in orbit:
                        orbit.add(tb)
                        nxt.append(tb)
            frontier = nxt
        seen |= orbit
        out.append(dict.fromkeys(orbit, one))
    return out


def invariant_basis_polys(rep: Representation, degree: int) -> list[Poly]:
    """The basis of :func:`invariant_basis` as sparse polynomials."""
    n = rep.dim
    perms = _permutations(rep)
    if perms is not None:
        return _orbit_sums(perms, n, degree)
    target = molien_coefficients(rep, degree)[degree]
    subs = _group_substitutions(rep)
    span = Echelon()
    basis: list[Poly] = []
    for mono in monomials(n, degree):
        if len(basis) == target:
            break
        r = _reynolds({mono: Cyclotomic(1)}, subs)
        if span.add(r):
            inv = r[max(r)].inverse()
            basis.append({k: v * inv for k, v in r.items()})
    return basis


def invariant_basis(rep: Representation, degree: int) -> list[Any]:
    """A basis of the invariant polynomials of one degree.

    .. math:: \\mathbb{C}[x]^G_d = \\{ f \\text{ homogeneous of degree } d :
              f(\\rho(g)x) = f(x)\\ \\forall g \\}

    For a permutation representation the orbit sums of monomials
    :math:`\\sum_{m \\in G \\cdot x^a} m` (no linear algebra). Otherwise the Reynolds images
    of the monomials, largest first, kept when they are independent of the ones before
    (exact row reduction), until there are as many as the Molien coefficient; each is
    scaled so its leading coefficient is 1. The length always equals
    ``molien_coefficients(rep, degree)[degree]``.

    Parameters
    ----------
    rep : Representation
    degree : int
        ``degree >= 0``.

    Returns
    -------
    list of sympy expressions
        Polynomials in ``x0 .. x{dim-1}``.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.invariants import invariant_basis
    >>> from grouprep.reps import permutation_representation, real_irreps
    >>> rho = permutation_representation(grouprep.permutation_action(grouprep.cyclic(3)))
    >>> invariant_basis(rho, 2)
    [x0**2 + x1**2 + x2**2, x0*x1 + x0*x2 + x1*x2]
    >>> rotation = real_irreps(grouprep.cyclic(4))[-1]  # quarter turns of the plane
    >>> invariant_basis(rotation, 2)
    [x0**2 + x1**2]
    """
    rep = check_rep(rep, "invariant_basis")
    degree = check_int(degree, "degree", "invariant_basis", minimum=0)
    return [poly_to_sympy(p, rep.dim) for p in invariant_basis_polys(rep, degree)]


def invariant_generators(rep: Representation, max_degree: int) -> list[Any]:
    """A minimal set of homogeneous generators of the invariant ring, up to a degree.

    Degree by degree, the products of the generators found so far span part of the
    invariants of degree d; the basis elements of :func:`invariant_basis` that are not in
    that span (exact row reduction) become new generators. The result generates every
    invariant of degree at most ``max_degree`` as a polynomial in the generators, and
    none of them is a polynomial in the others. By Noether's bound (characteristic 0),
    ``max_degree = |G|`` gives generators of the whole ring.

    Parameters
    ----------
    rep : Representation
    max_degree : int
        ``max_degree >= 0``.

    Returns
    -------
    list of sympy expressions
        Sorted by degree.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.invariants import invariant_generators
    >>> from grouprep.reps import permutation_representation
    >>> S3 = permutation_representation(grouprep.permutation_action(grouprep.symmetric(3)))
    >>> invariant_generators(S3, 6)  # the power sums of degrees 1, 2, 3
    [x0 + x1 + x2, x0**2 + x1**2 + x2**2, x0**3 + x1**3 + x2**3]
    """
    rep = check_rep(rep, "invariant_generators")
    max_degree = check_int(max_degree, "max_degree", "invariant_generators", minimum=0)
    gens: list[tuple[int, Poly]] = []
    bases: dict[int, list[Poly]] = {}
    for d in range(1, max_degree + 1):
        basis = bases[d] = invariant_basis_polys(rep, d)
        span = Echelon()
        # invariants of lower degree are polynomials in the generators found so far, so
        # the products g * b (g a generator of degree e, b in a basis of degree d - e)
        # span the decomposable invariants of degree d
        for e, g in gens:
            for b in bases[d - e]:
                if len(span) == len(basis):
                    break
                span.add(poly_mul(g, b))
        for b in basis:
            if len(span) == len(basis):
                break
            if span.add(b):
                gens.append((d, b))
    return [poly_to_sympy(p, rep.dim) for _, p in gens]
