"""The permutation groups the benchmarks use, given by generators only.

Generators are image tuples on ``0 .. degree-1`` (``p[i]`` is the image of ``i``), the
element format of grouprep; the baseline side converts them to sympy Permutations. Each
group carries its order as published, and the benchmarks check both libraries against it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy.combinatorics import Permutation, PermutationGroup
from sympy.combinatorics.generators import rubik

Perm = tuple[int, ...]

__all__ = [
    "CUBE_2",
    "CUBE_3",
    "M11",
    "M12",
    "PSL_2_7",
    "S6_WR_S2",
    "GeneratedGroup",
    "from_cycles",
    "sympy_group",
]


@dataclass(frozen=True)
class GeneratedGroup:
    """A permutation group given by generators, with its published order."""

    name: str
    degree: int
    generators: tuple[Perm, ...]
    order: int


def from_cycles(degree: int, *cycles: tuple[int, ...]) -> Perm:
    """The permutation of ``0 .. degree-1`` with the given cycles, written 1-based as in GAP.

    >>> from_cycles(4, (1, 2, 3))
    (1, 2, 0, 3)
    """
    images = list(range(degree))
    for cycle in cycles:
        for a, b in zip(cycle, cycle[1:] + cycle[:1], strict=True):
            images[a - 1] = b - 1
    return tuple(images)


def sympy_group(generators: tuple[Perm, ...]) -> PermutationGroup:
    """A fresh sympy group on the same generators (nothing computed yet)."""
    return PermutationGroup([Permutation(list(g)) for g in generators])


# PSL(2, 7) acting on the projective line {0, ..., 6, oo} over F_7, with oo as point 7:
# x -> x + 1 and x -> -1/x generate PSL(2, p). Order (7^3 - 7) / 2 = 168.
PSL_2_7 = GeneratedGroup(
    name="PSL(2,7)",
    degree=8,
    generators=(
        (1, 2, 3, 4, 5, 6, 0, 7),
        (7, 6, 3, 2, 5, 4, 1, 0),
    ),
    order=168,
)

# The Mathieu groups with the generators of GAP's MathieuGroup(11) and MathieuGroup(12).
M11 = GeneratedGroup(
    name="M11",
    degree=11,
    generators=(
        from_cycles(11, (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)),
        from_cycles(11, (3, 7, 11, 8), (4, 10, 5, 6)),
    ),
    order=7920,
)

M12 = GeneratedGroup(
    name="M12",
    degree=12,
    generators=(
        from_cycles(12, (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)),
        from_cycles(12, (3, 7, 11, 8), (4, 10, 5, 6)),
        from_cycles(12, (1, 12), (2, 11), (3, 6), (4, 8), (5, 9), (7, 10)),
    ),
    order=95040,
)

# The wreath product S_6 wr S_2 on 12 points: S_6 on the first block {1..6} and the
# involution swapping the two blocks. Order 2 * (6!)^2.
S6_WR_S2 = GeneratedGroup(
    name="S6 wr S2",
    degree=12,
    generators=(
        from_cycles(12, (1, 2)),
        from_cycles(12, (1, 2, 3, 4, 5, 6)),
        from_cycles(12, (1, 7), (2, 8), (3, 9), (4, 10), (5, 11), (6, 12)),
    ),
    order=1_036_800,
)


def _cube_group(name: str, n: int, order: int) -> GeneratedGroup:
    """The n x n x n Rubik's cube group on its 6 n^2 facelets (sympy's face turns)."""
    generators = tuple(tuple(int(v) for v in p.array_form) for p in rubik(n))
    return GeneratedGroup(name, 6 * n * n, generators, order)


# The 2x2x2 cube with one corner held fixed: 7! * 3^6 = 3,674,160.
CUBE_2 = _cube_group("2x2x2 cube", 2, 3_674_160)
# The 3x3x3 cube: 8! * 3^7 * 12! * 2^11 / 2 = 43,252,003,274,489,856,000.
CUBE_3 = _cube_group("3x3x3 cube", 3, 43_252_003_274_489_856_000)
