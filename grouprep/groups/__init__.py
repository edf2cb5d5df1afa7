"""Finite groups as immutable values.

Factories: :func:`cyclic`, :func:`dihedral`, :func:`symmetric`, :func:`alternating`,
:func:`abelian`, :func:`direct_product`, :func:`permutation_group`, :func:`from_sympy`,
and :func:`parse_group` for specification strings. Every group follows the
:class:`FiniteGroup` protocol.
"""

from grouprep.groups._base import ConjugacyClass, FiniteGroup
from grouprep.groups._cyclic import CyclicGroup, cyclic
from grouprep.groups._dihedral import DihedralElement, DihedralGroup, dihedral
from grouprep.groups._permutation import (
    Permutation,
    PermutationGroup,
    alternating,
    cycle_type,
    from_sympy,
    permutation_group,
    symmetric,
)
from grouprep.groups._product import DirectProduct, abelian, direct_product
from grouprep.groups._spec import parse_group
from grouprep.groups._subgroup import Subgroup

__all__ = [
    "ConjugacyClass",
    "CyclicGroup",
    "DihedralElement",
    "DihedralGroup",
    "DirectProduct",
    "FiniteGroup",
    "Permutation",
    "PermutationGroup",
    "Subgroup",
    "abelian",
    "alternating",
    "cycle_type",
    "cyclic",
    "dihedral",
    "direct_product",
    "from_sympy",
    "parse_group",
    "permutation_group",
    "symmetric",
]
