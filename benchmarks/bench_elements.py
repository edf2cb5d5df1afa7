"""Listing all elements of a freshly built group (caches cold).

grouprep's ``G.elements()`` (image tuples, numbered in lexicographic order) against
``list(G.generate())`` in sympy (Permutations, in sympy's own order). The check, outside
the timed region, compares the two lists as sorted lists of image tuples.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sympy.combinatorics import PermutationGroup
from sympy.combinatorics.named_groups import SymmetricGroup

import grouprep
from benchmarks._groups import M11, M12, PSL_2_7, GeneratedGroup, Perm, sympy_group
from benchmarks._harness import Case

OPERATION = "all elements"


def grouprep_answer(elements: tuple[Perm, ...]) -> list[Perm]:
    return sorted(elements)


def sympy_answer(elements: list[Any]) -> list[Perm]:
    return sorted(tuple(p.array_form) for p in elements)


def elements_case(
    name: str,
    build_grouprep: Callable[[], grouprep.PermutationGroup],
    build_sympy: Callable[[], PermutationGroup],
) -> Case:
    def ours() -> tuple[Perm, ...]:
        return build_grouprep().elements()

    def theirs() -> list[Any]:
        return list(build_sympy().generate())

    return Case(
        operation=OPERATION,
        case=name,
        caches="cold",
        grouprep=ours,
        baseline=theirs,
        grouprep_answer=grouprep_answer,
        baseline_answer=sympy_answer,
    )


def symmetric_case(n: int) -> Case:
    return elements_case(f"S_{n}", lambda: grouprep.symmetric(n), lambda: SymmetricGroup(n))


def generated_case(group: GeneratedGroup) -> Case:
    return elements_case(
        f"{group.name} (order {group.order})",
        lambda: grouprep.permutation_group(group.generators),
        lambda: sympy_group(group.generators),
    )


def cases(quick: bool) -> list[Case]:
    """The cases of this entry; ``quick`` keeps the small ones."""
    if quick:
        return [symmetric_case(6), generated_case(PSL_2_7)]
    return [symmetric_case(8), generated_case(M11), generated_case(M12)]
