"""Checkers for the laws: group and action axioms, homomorphisms, invariance, equivariance.

Each ``check_*`` returns a :class:`LawReport` (``holds``, ``counterexample``, ``checked``,
``exhaustive``, ``max_error``); each ``assert_*`` twin raises
:class:`~grouprep.LawViolation` with the counterexample in its message, for use in a
user's own pytest suite. ``prove_*`` decide invariance and equivariance of polynomials
exactly, on the generators.

The numeric checks compare each sample, entry by entry, on its own scale
(:math:`|L - R| \\le \\mathrm{atol} + \\mathrm{rtol} \\max(|L|, |R|, 10^{-3} s)`, with
:math:`s` the largest value of that sample); a NaN or inf in a computed value fails the
law, a NaN or inf in the given samples is refused.
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
