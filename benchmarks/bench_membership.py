"""Membership tests ``g in G`` on a batch of permutations, about half of them in G.

The group is built once per library (caches warm): the untimed warm-up call builds
grouprep's stabilizer chain and runs sympy's Schreier–Sims, so the timed runs measure
sifting alone. The members are uniformly random group elements (sympy's ``coset_unrank``
of a random rank, which is what ``PermutationGroup.random`` does), the others uniformly
random permutations of the same degree; a seeded generator makes the batch reproducible.

Two variants share the grouprep side, which takes image tuples:

* ``membership (tuples)``: the baseline gets the same tuples and converts each one,
  ``G.contains(Permutation(g))``, as a caller holding tuples would;
* ``membership (native)``: the baseline gets sympy Permutations built before timing.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from sympy.combinatorics import Permutation, PermutationGroup

import grouprep
from benchmarks._groups import CUBE_2, CUBE_3, M11, M12, PSL_2_7, GeneratedGroup, Perm, sympy_group
from benchmarks._harness import BenchmarkMismatch, Case

SEED = 2024


def membership_inputs(
    group: GeneratedGroup, sympy_version: PermutationGroup, size: int, seed: int
) -> tuple[list[Perm], list[int]]:
    """A shuffled batch of ``size // 2`` random group elements and random permutations.

    Returns the batch and the positions of the group elements in it.
    """
    rng = random.Random(seed)
    order = sympy_version.order()
    members = [
        tuple(sympy_version.coset_unrank(rng.randrange(order), af=True)) for _ in range(size // 2)
    ]
    others = []
    for _ in range(size - len(members)):
        points = list(range(group.degree))
        rng.shuffle(points)
        others.append(tuple(points))
    labelled = [(g, True) for g in members] + [(g, False) for g in others]
    rng.shuffle(labelled)
    batch = [g for g, _ in labelled]
    member_positions = [i for i, (_, is_member) in enumerate(labelled) if is_member]
    return batch, member_positions


def answers_checker(
    label: str, member_positions: list[int]
) -> Callable[[list[bool]], tuple[bool, ...]]:
    """An answer function that also insists the known group elements were accepted."""

    def answers(result: list[bool]) -> tuple[bool, ...]:
        rejected = [i for i in member_positions if not result[i]]
        if rejected:
            raise BenchmarkMismatch(
                f"{label}: {len(rejected)} group elements answered False, e.g. position "
                f"{rejected[0]}"
            )
        return tuple(result)

    return answers


def membership_cases(group: GeneratedGroup, size: int) -> list[Case]:
    """The tuple and native variants for one group and batch size."""
    ours_group = grouprep.permutation_group(group.generators)
    theirs_group = sympy_group(group.generators)
    batch, member_positions = membership_inputs(group, theirs_group, size, SEED)
    sympy_batch = [Permutation(list(g)) for g in batch]

    def ours() -> list[bool]:
        return [g in ours_group for g in batch]

    def theirs_from_tuples() -> list[bool]:
        return [theirs_group.contains(Permutation(list(g))) for g in batch]

    def theirs_native() -> list[bool]:
        return [theirs_group.contains(p) for p in sympy_batch]

    label = f"{group.name}, {size} perms"
    answers = answers_checker(label, member_positions)
    return [
        Case(
            operation="membership (tuples)",
            case=label,
            caches="warm",
            grouprep=ours,
            baseline=theirs_from_tuples,
            grouprep_answer=answers,
            baseline_answer=answers,
        ),
        Case(
            operation="membership (native)",
            case=label,
            caches="warm",
            grouprep=ours,
            baseline=theirs_native,
            grouprep_answer=answers,
            baseline_answer=answers,
        ),
    ]


def cases(quick: bool) -> list[Case]:
    """The cases of this entry; ``quick`` keeps the small ones."""
    if quick:
        groups, size = [PSL_2_7, M11], 200
    else:
        groups, size = [M11, M12, CUBE_2, CUBE_3], 2000
    return [case for group in groups for case in membership_cases(group, size)]
