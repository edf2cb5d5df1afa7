"""Building a group and asking for its order.

Every timed call builds a fresh group (caches cold): grouprep's factories against sympy's
named groups for the symmetric groups, and ``grouprep.permutation_group(gens).order``
against ``PermutationGroup(gens).order()`` for groups known only by generators, where
both libraries run a Schreier–Sims algorithm.
"""

from __future__ import annotations

import math

from sympy.combinatorics.named_groups import SymmetricGroup

import grouprep
from benchmarks._groups import (
    CUBE_2,
    CUBE_3,
    M11,
    M12,
    PSL_2_7,
    S6_WR_S2,
    GeneratedGroup,
    sympy_group,
)
from benchmarks._harness import Case

OPERATION = "build + order"


def symmetric_case(n: int) -> Case:
    def ours() -> int:
        return grouprep.symmetric(n).order

    def theirs() -> object:
        return SymmetricGroup(n).order()

    return Case(
        operation=OPERATION,
        case=f"S_{n}",
        caches="cold",
        grouprep=ours,
        baseline=theirs,
        grouprep_answer=int,
        baseline_answer=int,
        expected=math.factorial(n),
        number=200,
    )


def generated_case(group: GeneratedGroup, number: int = 1) -> Case:
    def ours() -> int:
        return grouprep.permutation_group(group.generators).order

    def theirs() -> object:
        return sympy_group(group.generators).order()

    return Case(
        operation=OPERATION,
        case=f"{group.name} (degree {group.degree})",
        caches="cold",
        grouprep=ours,
        baseline=theirs,
        grouprep_answer=int,
        baseline_answer=int,
        expected=group.order,
        number=number,
    )


def cases(quick: bool) -> list[Case]:
    """The cases of this entry; ``quick`` keeps the small ones."""
    if quick:
        return [symmetric_case(8), generated_case(PSL_2_7, 10), generated_case(M11, 5)]
    return [
        symmetric_case(8),
        symmetric_case(100),
        generated_case(PSL_2_7, 20),
        generated_case(M11, 10),
        generated_case(M12, 10),
        generated_case(S6_WR_S2, 10),
        generated_case(CUBE_2, 5),
        generated_case(CUBE_3),
    ]
