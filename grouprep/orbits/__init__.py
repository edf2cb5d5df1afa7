"""Orbits, the quotient, and necklaces.

Orbits of any finite action (:func:`orbit`, :func:`orbits`, :func:`stabilizer`), counting
by Burnside's lemma and Pólya's cycle index, canonical forms; for the cyclic shift on
k-ary strings, the necklaces: generation, counts, least rotations, and ranks as
coordinates on the quotient.
"""

from grouprep.orbits._generic import (
    CanonicalForms,
    canonical_form,
    count_orbits,
    cycle_index,
    orbit,
    orbits,
    stabilizer,
)
from grouprep.orbits._graphs import cayley_graph, quotient_graph, schreier_graph
from grouprep.orbits._necklaces import (
    LeastRotation,
    bracelets,
    count_bracelets,
    count_lyndon_words,
    count_necklaces,
    iter_necklaces,
    least_rotation,
    lyndon_words,
    necklace_rank,
    necklace_unrank,
    necklaces,
)
from grouprep.orbits._quotient import Quotient

__all__ = [
    "CanonicalForms",
    "LeastRotation",
    "Quotient",
    "bracelets",
    "canonical_form",
    "cayley_graph",
    "count_bracelets",
    "count_lyndon_words",
    "count_necklaces",
    "count_orbits",
    "cycle_index",
    "iter_necklaces",
    "least_rotation",
    "lyndon_words",
    "necklace_rank",
    "necklace_unrank",
    "necklaces",
    "orbit",
    "orbits",
    "quotient_graph",
    "schreier_graph",
    "stabilizer",
]
