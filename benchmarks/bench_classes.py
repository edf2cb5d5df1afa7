"""Conjugacy classes of a freshly built group (caches cold).

grouprep's ``G.conjugacy_classes()`` against sympy's ``G.conjugacy_classes()``. The two
results differ in shape: sympy returns every class as a set of Permutations, grouprep
returns the classes with representatives and sizes and lists a class's elements only when
asked. The check, outside the timed region, compares the sorted class sizes and then the
full partitions of the group into classes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sympy.combinatorics import PermutationGroup
from sympy.combinatorics.named_groups import AlternatingGroup, SymmetricGroup

import grouprep
from benchmarks._groups import M11, M12, PSL_2_7, GeneratedGroup, Perm, sympy_group
from benchmarks._harness import Case

OPERATION = "conjugacy classes"

Partition = tuple[tuple[int, ...], frozenset[frozenset[Perm]]]
"""Sorted class sizes, then the set of classes (each a set of image tuples)."""


def grouprep_partition(classes: tuple[grouprep.ConjugacyClass[Perm], ...]) -> Partition:
    sizes = tuple(sorted(c.size for c in classes))
    return sizes, frozenset(frozenset(c.elements()) for c in classes)


def sympy_partition(classes: list[set[Any]]) -> Partition:
    sizes = tuple(sorted(len(c) for c in classes))
    return sizes, frozenset(frozenset(tuple(p.array_form) for p in c) for c in classes)


def classes_case(
    name: str,
    build_grouprep: Callable[[], grouprep.PermutationGroup],
    build_sympy: Callable[[], PermutationGroup],
) -> Case:
    def ours() -> tuple[grouprep.ConjugacyClass[Perm], ...]:
        return build_grouprep().conjugacy_classes()

    def theirs() -> list[set[Any]]:
        return list(build_sympy().conjugacy_classes())

    return Case(
        operation=OPERATION,
        case=name,
        caches="cold",
        grouprep=ours,
        baseline=theirs,
        grouprep_answer=grouprep_partition,
        baseline_answer=sympy_partition,
    )


def symmetric_case(n: int) -> Case:
    return classes_case(f"S_{n}", lambda: grouprep.symmetric(n), lambda: SymmetricGroup(n))


def alternating_case(n: int) -> Case:
    return classes_case(f"A_{n}", lambda: grouprep.alternating(n), lambda: AlternatingGroup(n))


def generated_case(group: GeneratedGroup) -> Case:
    return classes_case(
        f"{group.name} (order {group.order})",
        lambda: grouprep.permutation_group(group.generators),
        lambda: sympy_group(group.generators),
    )


def cases(quick: bool) -> list[Case]:
    """The cases of this entry; ``quick`` keeps the small ones."""
    if quick:
        return [symmetric_case(5), generated_case(PSL_2_7)]
    return [
        symmetric_case(5),
        symmetric_case(6),
        alternating_case(6),
        generated_case(PSL_2_7),
        generated_case(M11),
        generated_case(M12),
    ]
