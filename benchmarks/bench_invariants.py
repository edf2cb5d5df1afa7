"""Invariants: bases of invariants, Molien series, intertwiners, exact invariance proofs.

Four comparisons against plain sympy code written here, which calls none of grouprep's
invariant functions:

* ``invariants: basis (sympy Reynolds)``: ``invariant_basis`` of the regular
  representation of Z_n in degree 3 against the Reynolds average of every degree-3
  monomial over the n shifts (``xreplace``), keeping the distinct results. The answers are
  compared as sets of polynomials, each made monic (grouprep returns orbit sums, the
  baseline averages).
* ``invariants: Molien series (sympy det)``: ``molien_series`` of S_k permuting k
  coordinates against the sum over the conjugacy classes of sympy's ``SymmetricGroup(k)``
  of |C| / det(I - t P_C), computed with ``Matrix.det`` and reduced by ``sympy.cancel``.
  Both answers must also equal the published 1 / ((1 - t)(1 - t^2) ... (1 - t^k)).
* ``invariants: intertwiners (sympy nullspace)``: ``intertwiner_basis`` of S_k permuting
  k points (to itself) against ``Matrix.nullspace`` of the linear equations
  P_s A - A P_s = 0 for the generators s of sympy's ``SymmetricGroup(k)``. The spans are
  compared by their reduced row echelon forms; both must be the span of the identity and
  the all-ones matrix (S_k is 2-transitive, so the dimension is 2).
* ``invariants: invariance proof (sympy expand)``: ``prove_invariant`` of every
  power-spectrum polynomial of length n under the regular representation of Z_n against
  ``expand(f.xreplace(shift) - f) == 0`` for the shift generator. Both sides get the same
  polynomials, built once by ``power_spectrum_invariants`` before timing; all must be
  proved invariant.

Both sides work with sympy expressions and sympy caches the results of its expression
operations, so every timed call on either side starts with
``sympy.core.cache.clear_cache()``. Checks run outside the timed region.
"""

from __future__ import annotations

import functools
import itertools
from typing import Any

import sympy
from sympy.combinatorics import SymmetricGroup
from sympy.core.cache import clear_cache

import grouprep
from benchmarks._harness import Case
from grouprep.invariants import (
    intertwiner_basis,
    invariant_basis,
    molien_series,
    power_spectrum_invariants,
)
from grouprep.reps import permutation_representation, regular_representation

T = sympy.Symbol("t")


@functools.cache
def variables(n: int) -> tuple[Any, ...]:
    return tuple(sympy.symbols(f"x0:{n}"))


def permutation_matrix(image: list[int]) -> Any:
    """The matrix P with P e_j = e_{image[j]}."""
    k = len(image)
    return sympy.Matrix(k, k, lambda i, j: 1 if image[j] == i else 0)


# ------------------------------------------------------------------ invariant basis
def monic_set(n: int, polys: list[Any]) -> frozenset[frozenset[tuple[Any, Any]]]:
    """The polynomials as a set, each scaled to leading coefficient 1 (lex order)."""
    xs = variables(n)
    return frozenset(frozenset(sympy.Poly(p, *xs).monic().as_dict().items()) for p in polys)


def reynolds_baseline(n: int, degree: int) -> list[Any]:
    """The distinct averages of the degree-d monomials over the n cyclic shifts."""
    clear_cache()
    xs = variables(n)
    shifts = [{xs[i]: xs[(i + g) % n] for i in range(n)} for g in range(n)]
    averages = set()
    for combo in itertools.combinations_with_replacement(xs, degree):
        monomial = sympy.Mul(*combo)
        averages.add(sympy.Add(*(monomial.xreplace(s) for s in shifts)) / n)
    return list(averages)


def basis_case(n: int, degree: int) -> Case:
    def ours() -> list[Any]:
        clear_cache()
        return invariant_basis(regular_representation(grouprep.cyclic(n)), degree)

    return Case(
        operation="invariants: basis (sympy Reynolds)",
        case=f"regular rep of Z_{n}, degree {degree}",
        caches="cold",
        grouprep=ours,
        baseline=lambda: reynolds_baseline(n, degree),
        grouprep_answer=lambda polys: monic_set(n, polys),
        baseline_answer=lambda polys: monic_set(n, polys),
    )


# ------------------------------------------------------------------- Molien series
def normalized(expr: Any) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """Numerator and denominator coefficients of a reduced fraction, denominator monic."""
    num, den = sympy.fraction(sympy.cancel(sympy.together(expr)))
    p, q = sympy.Poly(num, T), sympy.Poly(den, T)
    lead = q.LC()
    return tuple(c / lead for c in p.all_coeffs()), tuple(c / lead for c in q.all_coeffs())


def molien_baseline(k: int) -> Any:
    """(1/|G|) sum over classes of |C| / det(I - t P) for S_k on k coordinates."""
    clear_cache()
    G = SymmetricGroup(k)
    total = sympy.Integer(0)
    for cls in G.conjugacy_classes():
        P = permutation_matrix(next(iter(cls)).array_form)
        total += sympy.Integer(len(cls)) / (sympy.eye(k) - T * P).det()
    return sympy.cancel(total / G.order())


def molien_case(k: int) -> Case:
    def ours() -> Any:
        clear_cache()
        points = grouprep.permutation_action(grouprep.symmetric(k))
        return molien_series(permutation_representation(points))

    published = 1 / sympy.Mul(*(1 - T**i for i in range(1, k + 1)))
    return Case(
        operation="invariants: Molien series (sympy det)",
        case=f"S_{k} on C^{k}",
        caches="cold",
        grouprep=ours,
        baseline=lambda: molien_baseline(k),
        grouprep_answer=normalized,
        baseline_answer=normalized,
        expected=normalized(published),
    )


# --------------------------------------------------------------- intertwiner basis
def span(k: int, vectors: list[list[Any]]) -> tuple[int, tuple[Any, ...]]:
    """The dimension and the reduced row echelon form of the span of flattened matrices."""
    rref, pivots = sympy.Matrix(vectors).rref()
    return len(pivots), tuple(rref[: len(pivots), :])


def nullspace_baseline(k: int) -> list[Any]:
    """The solutions A of P_s A = A P_s for the generators of SymmetricGroup(k)."""
    clear_cache()
    unknowns = sympy.symbols(f"a0:{k * k}")
    A = sympy.Matrix(k, k, unknowns)
    equations = []
    for s in SymmetricGroup(k).generators:
        P = permutation_matrix(s.array_form)
        equations.extend(P * A - A * P)
    M, _ = sympy.linear_eq_to_matrix(equations, unknowns)
    return list(M.nullspace())


def intertwiner_case(k: int) -> Case:
    def ours() -> list[Any]:
        clear_cache()
        rep = permutation_representation(grouprep.permutation_action(grouprep.symmetric(k)))
        return intertwiner_basis(rep, rep)

    identity = [1 if i == j else 0 for i in range(k) for j in range(k)]
    return Case(
        operation="invariants: intertwiners (sympy nullspace)",
        case=f"S_{k} on {k} points",
        caches="cold",
        grouprep=ours,
        baseline=lambda: nullspace_baseline(k),
        grouprep_answer=lambda basis: span(k, [list(M) for M in basis]),
        baseline_answer=lambda basis: span(k, [list(v) for v in basis]),
        expected=span(k, [identity, [1] * (k * k)]),
        number=10,
    )


# --------------------------------------------------------------- invariance proofs
@functools.cache
def power_spectrum(n: int) -> tuple[Any, ...]:
    """The input of both sides, built once (by the warm-up call)."""
    return tuple(power_spectrum_invariants(n))


def expand_baseline(n: int) -> tuple[bool, ...]:
    """Whether f(shifted x) - f(x) expands to 0, for every power-spectrum polynomial."""
    polys = power_spectrum(n)
    clear_cache()
    xs = variables(n)
    shift = {xs[i]: xs[(i - 1) % n] for i in range(n)}
    return tuple(sympy.expand(f.xreplace(shift) - f) == 0 for f in polys)


def proof_case(n: int) -> Case:
    def ours() -> tuple[bool, ...]:
        polys = power_spectrum(n)
        clear_cache()
        rep = regular_representation(grouprep.cyclic(n))
        return tuple(grouprep.prove_invariant(f, rep).holds for f in polys)

    return Case(
        operation="invariants: invariance proof (sympy expand)",
        case=f"power spectrum, n={n} ({n // 2 + 1} polynomials)",
        caches="cold",
        grouprep=ours,
        baseline=lambda: expand_baseline(n),
        grouprep_answer=tuple,
        baseline_answer=tuple,
        expected=(True,) * (n // 2 + 1),
    )


# -------------------------------------------------------------------- cases
def cases(quick: bool) -> list[Case]:
    """The cases of this entry; ``quick`` keeps small inputs."""
    if quick:
        return [basis_case(8, 3), molien_case(4), intertwiner_case(5), proof_case(16)]
    return [basis_case(16, 3), molien_case(6), intertwiner_case(5), proof_case(64)]
