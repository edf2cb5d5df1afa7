"""What an action is, read from its group and its site permutations (private).

The helpers live in :mod:`grouprep.features._structure`, next to the featurizers that
use them; the strategies read them from there.
"""

from grouprep.features._structure import (
    MAX_PAIR_WORK,
    abelian_layout,
    as_signals,
    orbitals,
    site_moves,
    site_orbits,
)

__all__ = [
    "MAX_PAIR_WORK",
    "abelian_layout",
    "as_signals",
    "orbitals",
    "site_moves",
    "site_orbits",
]
