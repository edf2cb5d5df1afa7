"""Exact proofs of invariance and equivariance for polynomials (private).

A polynomial map is invariant (equivariant) under the whole group as soon as the law
holds for the generators: the maps :math:`g \\mapsto (f \\mapsto f \\circ \\rho(g))` compose,
so the law passes from generators to their products. Each generator's case is decided by
exact polynomial arithmetic over cyclotomic numbers (no floating point, no simplification
heuristics).
"""

from __future__ import annotations

from typing import Any

from grouprep._validation import describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.invariants._poly import Poly, Substitution, add_into, poly_from_sympy, poly_to_sympy
from grouprep.laws._report import LawReport
from grouprep.numbers import Cyclotomic
from grouprep.reps import Representation

__all__ = ["prove_equivariant", "prove_invariant"]

_MINUS_ONE = Cyclotomic(-1)


def _check_rep(rep: Any, where: str, name: str) -> Representation:
    if not isinstance(rep, Representation):
        raise GroupRepTypeError(
            f"{where}: argument '{name}' must be a Representation, got {describe(rep)}"
        )
    return rep


def _difference(a: Poly, b: Poly) -> Poly:
    out = dict(a)
    add_into(out, b, _MINUS_ONE)
    return out


def prove_invariant(f: Any, rep: Representation) -> LawReport:
    """Prove or refute exactly that a polynomial is invariant.

    .. math:: f(\\rho(s)\\, x) = f(x) \\quad \\text{for every generator } s

    which implies the law for every group element. Both sides are expanded exactly
    (coefficients in cyclotomic fields) and compared term by term.

    Parameters
    ----------
    f : sympy expression
        A polynomial in ``x0 .. x{dim-1}`` (a sympy expression, a ``sympy.Poly`` or a
        number; strings are refused, never parsed).
    rep : Representation
        How the group acts on the variables.

    Returns
    -------
    LawReport
        ``holds``; ``certificate`` lists what was verified per generator; on failure
        the counterexample names the generator and the nonzero difference.

    Raises
    ------
    GroupRepTypeError
        If f is a string, None or not a sympy expression or number.
    GroupRepValueError
        If f is not a polynomial in the representation's variables.

    Examples
    --------
    >>> import grouprep, sympy
    >>> from grouprep.reps import regular_representation
    >>> x0, x1, x2 = sympy.symbols("x0:3")
    >>> rho = regular_representation(grouprep.cyclic(3))
    >>> report = grouprep.prove_invariant(x0 * x1 + x1 * x2 + x2 * x0, rho)
    >>> report.holds
    True
    >>> print(report.certificate[0])
    generator 1: f(rho(g) x) - f(x) = 0 exactly (3 terms of f, 3 of f(rho(g) x))
    >>> grouprep.prove_invariant(x0**2 + x1, rho).holds
    False
    """
    rep = _check_rep(rep, "prove_invariant", "rep")
    p = poly_from_sympy(f, rep.dim, "prove_invariant")
    law = f"invariance of f under {rep!r}"
    lines: list[str] = []
    gens = rep.group.generators
    for s in gens:
        moved = Substitution(rep._exact(s))(p)
        diff = _difference(moved, p)
        if diff:
            info = {"generator": s, "f(rho(g) x) - f(x)": poly_to_sympy(diff, rep.dim)}
            return LawReport(law, False, len(lines) + 1, True, info, certificate=tuple(lines))
        lines.append(
            f"generator {s!r}: f(rho(g) x) - f(x) = 0 exactly "
            f"({len(p)} terms of f, {len(moved)} of f(rho(g) x))"
        )
    return LawReport(law, True, len(gens), True, certificate=tuple(lines))


def _vector(F: Any, n_in: int, n_out: int, where: str) -> list[Poly]:
    import sympy

    if isinstance(F, sympy.MatrixBase) and F.shape == (n_out, n_in) and not F.free_symbols:
        xs = sympy.symbols(f"x0:{n_in}")
        F = [sum((F[i, j] * xs[j] for j in range(n_in)), sympy.Integer(0)) for i in range(n_out)]
    elif isinstance(F, sympy.MatrixBase):
        if 1 not in F.shape:
            raise GroupRepValueError(
                f"{where}: argument 'F' must be a ({n_out}, {n_in}) matrix of numbers or a "
                f"vector of {n_out} polynomials, got a matrix of shape {F.shape}"
            )
        F = list(F)
    if not isinstance(F, list | tuple):
        raise GroupRepTypeError(
            f"{where}: argument 'F' must be a matrix or a list of polynomials, got {describe(F)}"
        )
    if len(F) != n_out:
        raise GroupRepValueError(
            f"{where}: argument 'F' must have {n_out} components (the dimension of 'rep_out'), "
            f"got {len(F)}"
        )
    return [poly_from_sympy(c, n_in, where, "F") for c in F]


def prove_equivariant(F: Any, rep_in: Representation, rep_out: Representation) -> LawReport:
    """Prove or refute exactly that a polynomial map is equivariant.

    .. math:: F(\\rho_{in}(s)\\, x) = \\rho_{out}(s)\\, F(x) \\quad
              \\text{for every generator } s

    F is a vector of polynomials (one per output coordinate) or a matrix A, read as the
    linear map :math:`x \\mapsto Ax` (then the law is
    :math:`\\rho_{out}(s) A = A \\rho_{in}(s)`).

    Parameters
    ----------
    F : list of sympy expressions or sympy.Matrix
        Polynomials in ``x0 .. x{rep_in.dim - 1}``, or a ``(rep_out.dim, rep_in.dim)``
        matrix of numbers. Components that are strings are refused, never parsed.
    rep_in, rep_out : Representation
        Representations of the same group.

    Returns
    -------
    LawReport
        On failure the counterexample names the generator, the output coordinate and
        the nonzero difference.

    Examples
    --------
    >>> import grouprep, sympy
    >>> from grouprep.reps import regular_representation
    >>> rho = regular_representation(grouprep.cyclic(4))
    >>> x = sympy.symbols("x0:4")
    >>> blur = [x[i] + x[i - 1] for i in range(4)]  # a circular convolution
    >>> grouprep.prove_equivariant(blur, rho, rho).holds
    True
    >>> grouprep.prove_equivariant([x[i] * x[0] for i in range(4)], rho, rho).holds
    False
    """
    rep_in = _check_rep(rep_in, "prove_equivariant", "rep_in")
    rep_out = _check_rep(rep_out, "prove_equivariant", "rep_out")
    if rep_in.group != rep_out.group:
        raise GroupRepValueError(
            "prove_equivariant: 'rep_in' and 'rep_out' must be representations of the same "
            f"group, got {rep_in.group!r} and {rep_out.group!r}"
        )
    comps = _vector(F, rep_in.dim, rep_out.dim, "prove_equivariant")
    law = f"equivariance from {rep_in!r} to {rep_out!r}"
    lines: list[str] = []
    gens = rep_in.group.generators
    for s in gens:
        sub = Substitution(rep_in._exact(s))
        Q = rep_out._exact(s)
        for i, comp in enumerate(comps):
            left = sub(comp)
            right: Poly = {}
            for k, v in enumerate(Q[i]):
                if v:
                    add_into(right, comps[k], v)
            diff = _difference(left, right)
            if diff:
                info = {
                    "generator": s,
                    "component": i,
                    "F(rho_in(g) x) - rho_out(g) F(x)": poly_to_sympy(diff, rep_in.dim),
                }
                return LawReport(law, False, len(lines) + 1, True, info, certificate=tuple(lines))
        lines.append(
            f"generator {s!r}: F(rho_in(g) x) - rho_out(g) F(x) = 0 exactly "
            f"({len(comps)} components)"
        )
    return LawReport(law, True, len(gens), True, certificate=tuple(lines))
