"""Checkers for the laws: group and action axioms, homomorphisms, invariance, equivariance.

Each ``check_*`` returns a :class:`LawReport` (``holds``, ``counterexample``, ``checked``,
``exhaustive``, ``max_error``); each ``assert_*`` twin raises
:class:`~grouprep.LawViolation` with the counterexample in its message, for use in a
user's own pytest suite. ``prove_*`` decide invariance and equivariance of polynomials
exactly, on the generators.
"""

from grouprep.laws._axioms import (
    assert_action,
    assert_group_axioms,
    check_action,
    check_group_axioms,
)
from grouprep.laws._exact import prove_equivariant, prove_invariant
from grouprep.laws._homomorphism import assert_homomorphism, check_homomorphism
from grouprep.laws._numeric import (
    assert_equivariant,
    assert_functor,
    assert_invariant,
    check_equivariant,
    check_functor,
    check_invariant,
)
from grouprep.laws._report import LawReport

__all__ = [
    "LawReport",
    "assert_action",
    "assert_equivariant",
    "assert_functor",
    "assert_group_axioms",
    "assert_homomorphism",
    "assert_invariant",
    "check_action",
    "check_equivariant",
    "check_functor",
    "check_group_axioms",
    "check_homomorphism",
    "check_invariant",
    "prove_equivariant",
    "prove_invariant",
]
