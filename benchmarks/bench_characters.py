"""Character tables and the exact DFT, against plain NumPy numerics.

No library at hand computes exact character tables or decides equality in cyclotomic
fields reliably (sympy's ``simplify`` cannot prove the 12-point DFT unitary), so the
baselines here are the floating-point computations a user would otherwise write:

* character table: Burnside's method in NumPy. The class multiplication coefficients
  :math:`a_{ijk}` give matrices whose common eigenvectors are the central characters;
  ``numpy.linalg.eig`` of a random combination of them, normalized, yields the degrees
  from :math:`\\sum_i \\omega_i \\omega_{i^*}/|C_i| = |G|/\\chi(1)^2`. The answers compared
  are the sorted degrees. Both sides start from a fresh group (caches cold).
* DFT unitarity: ``numpy.allclose(F @ F.conj().T, n * I)`` in float64 (numeric, not a
  proof) against grouprep's exact product of the Fourier matrix with its conjugate
  transpose, compared with :math:`nI` exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

import grouprep
from benchmarks._groups import PSL_2_7
from benchmarks._harness import Case
from grouprep.numbers import Cyclotomic
from grouprep.reps import character_table, fourier_matrix
from grouprep.reps._representation import mat_mul


def numeric_degrees(group: grouprep.FiniteGroup[Any]) -> tuple[int, ...]:
    """Degrees of the irreducible characters by Burnside's method in float64."""
    classes = group.conjugacy_classes()
    r = len(classes)
    order = group.order
    elements = group.elements()
    label = np.empty(order, dtype=np.intp)
    for k, c in enumerate(classes):
        for g in c:
            label[group.index(g)] = k
    inverse = [group.index(group.inverse(g)) for g in elements]
    a = np.zeros((r, r, r))
    for k, c in enumerate(classes):
        z = c.representative
        for x, xi in zip(elements, inverse, strict=True):
            y = group.compose(group.element(xi), z)
            a[label[group.index(x)], label[group.index(y)], k] += 1
    rng = np.random.default_rng(0)
    combo = np.einsum("ijk,j->ik", a, rng.standard_normal(r))
    _, vectors = np.linalg.eig(combo)
    sizes = np.array([c.size for c in classes], dtype=float)
    inv_class = [label[group.index(group.inverse(c.representative))] for c in classes]
    degrees = []
    for v in vectors.T:
        w = v / v[0]
        total = np.sum(w * w[inv_class] / sizes)
        degrees.append(round(float(np.sqrt(order / total.real))))
    return tuple(sorted(degrees))


def table_case(name: str, build: Callable[[], grouprep.FiniteGroup[Any]]) -> Case:
    return Case(
        operation="character table",
        case=name,
        caches="cold",
        grouprep=lambda: character_table(build()),
        baseline=lambda: numeric_degrees(build()),
        grouprep_answer=lambda t: tuple(sorted(t.degrees)),
        baseline_answer=lambda d: d,
    )


def psl27_times_c6() -> grouprep.PermutationGroup:
    shift, invert = PSL_2_7.generators
    fixed = tuple(range(8, 14))
    six_cycle = (*range(8), 9, 10, 11, 12, 13, 8)
    return grouprep.permutation_group([tuple(shift) + fixed, tuple(invert) + fixed, six_cycle])


def dft_case(n: int) -> Case:
    def exact() -> bool:
        F = fourier_matrix(n)
        Fh = tuple(tuple(F[j][i].conjugate() for j in range(n)) for i in range(n))
        identity = tuple(tuple(Cyclotomic(n if i == j else 0) for j in range(n)) for i in range(n))
        return mat_mul(F, Fh) == identity

    def numeric() -> bool:
        k = np.arange(n)
        F = np.exp(-2j * np.pi * np.outer(k, k) / n)
        return bool(np.allclose(F @ F.conj().T, n * np.eye(n)))

    return Case(
        operation="DFT unitarity (exact vs float)",
        case=f"n={n}",
        caches="cold",
        grouprep=exact,
        baseline=numeric,
        grouprep_answer=lambda ok: ok,
        baseline_answer=lambda ok: ok,
        expected=True,
    )


def cases(quick: bool) -> list[Case]:
    """The cases of this entry; ``quick`` keeps the small ones."""
    if quick:
        return [table_case("S_5", lambda: grouprep.symmetric(5)), dft_case(12)]
    return [
        table_case("C_128", lambda: grouprep.cyclic(128)),
        table_case("D_64", lambda: grouprep.dihedral(64)),
        table_case("S_6", lambda: grouprep.symmetric(6)),
        table_case("S_8", lambda: grouprep.symmetric(8)),
        table_case(
            "S_6 from 2 generators",
            lambda: grouprep.permutation_group([(1, 0, 2, 3, 4, 5), (1, 2, 3, 4, 5, 0)]),
        ),
        table_case("PSL(2,7) x C_6 (order 1008)", psl27_times_c6),
        dft_case(12),
        dft_case(64),
    ]
