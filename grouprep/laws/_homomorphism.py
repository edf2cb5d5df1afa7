"""The functor law for representations, checked exactly (private)."""

from __future__ import annotations

from typing import Any

from grouprep._random import RandomLike, as_generator
from grouprep._validation import describe
from grouprep.errors import GroupRepTypeError
from grouprep.laws._report import LawReport, raise_if_failed
from grouprep.reps import Representation
from grouprep.reps._representation import first_violation, identity_matrix

__all__ = ["assert_homomorphism", "check_homomorphism"]

_BUDGET = 20_000


def check_homomorphism(rep: Representation, rng: RandomLike = 0) -> LawReport:
    """Check the functor law of a representation exactly.

    .. math:: \\rho(e) = I, \\qquad \\rho(s g) = \\rho(s)\\, \\rho(g)

    for every generator s and every element g (which implies
    :math:`\\rho(ab) = \\rho(a)\\rho(b)` for all a, b by induction on word length), in
    exact cyclotomic arithmetic. Groups with more than 20,000 (generator, element)
    pairs are checked on a seeded sample of elements. Nothing is compared in floating
    point, so no tolerance applies.

    Raises
    ------
    GroupRepTypeError
        If ``rep`` is not a Representation or ``rng`` is not a Generator, an int or None.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import irreps
    >>> grouprep.check_homomorphism(irreps(grouprep.dihedral(6))[-1]).holds
    True
    """
    if not isinstance(rep, Representation):
        raise GroupRepTypeError(
            f"check_homomorphism: argument 'rep' must be a Representation, got {describe(rep)}"
        )
    gen = as_generator(rng, "check_homomorphism")
    G = rep.group
    law = f"homomorphism law of {rep!r}"
    if rep._exact(G.identity) != identity_matrix(rep.dim):
        return LawReport(law, False, 1, True, {"law": "rho(e) = I", "g": G.identity})
    gens = G.generators
    exhaustive = G.order * max(1, len(gens)) <= _BUDGET
    if exhaustive:
        elements: Any = G.elements()
    else:
        elements = [G.random_element(gen) for _ in range(_BUDGET // max(1, len(gens)))]
    bad = first_violation(rep, elements)
    checked = 1 + len(elements) * len(gens)
    if bad is not None:
        info = {"law": "rho(s g) = rho(s) rho(g)", "s": bad[0], "g": bad[1]}
        return LawReport(law, False, checked, exhaustive, info)
    return LawReport(law, True, checked, exhaustive)


def assert_homomorphism(rep: Representation, rng: RandomLike = 0) -> LawReport:
    """Like :func:`check_homomorphism`, but raise :class:`~grouprep.LawViolation` on failure.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import regular_representation
    >>> _ = grouprep.assert_homomorphism(regular_representation(grouprep.symmetric(3)))
    """
    __tracebackhide__ = True
    return raise_if_failed(check_homomorphism(rep, rng))
