"""Inner products of characters (private)."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from grouprep._validation import describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.groups import FiniteGroup
from grouprep.numbers import Cyclotomic, as_cyclotomic
from grouprep.reps._representation import Representation

__all__ = ["inner_product"]


def _values(chi: Any, group: FiniteGroup[Any] | None, name: str) -> tuple[Any, ...]:
    if isinstance(chi, Representation):
        return (chi.group, chi.character_values())
    if isinstance(chi, Sequence) and not isinstance(chi, str):
        if group is None:
            raise GroupRepValueError(
                f"inner_product: argument 'group' is required when {name!r} is a sequence of "
                "class values"
            )
        values = tuple(as_cyclotomic(v) for v in chi)
        if len(values) != len(group.conjugacy_classes()):
            raise GroupRepValueError(
                f"inner_product: argument {name!r} must have one value per conjugacy class "
                f"({len(group.conjugacy_classes())}), got {len(values)}"
            )
        return (group, values)
    raise GroupRepTypeError(
        f"inner_product: argument {name!r} must be a Representation or a sequence of class "
        f"values, got {describe(chi)}"
    )


def inner_product(chi: Any, psi: Any, group: FiniteGroup[Any] | None = None) -> Cyclotomic:
    """The inner product of class functions, summed per conjugacy class.

    .. math:: \\langle \\chi, \\psi \\rangle = \\frac{1}{|G|} \\sum_{g \\in G}
              \\chi(g) \\overline{\\psi(g)} = \\frac{1}{|G|} \\sum_C |C|\\,
              \\chi(g_C) \\overline{\\psi(g_C)}

    For characters of representations it is the dimension of
    :math:`\\operatorname{Hom}_G(\\rho_\\psi, \\rho_\\chi)`, an integer.

    Parameters
    ----------
    chi, psi : Representation or sequence
        Representations, or values on the classes of ``group`` in its class order.
    group : FiniteGroup, optional
        Required when a sequence is given.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import inner_product, regular_representation
    >>> reg = regular_representation(grouprep.symmetric(3))
    >>> inner_product(reg, reg)  # the sum of the squared degrees 1 + 1 + 2^2
    6
    """
    g1, a = _values(chi, group, "chi")
    g2, b = _values(psi, group, "psi")
    if g1 != g2:
        raise GroupRepValueError("inner_product: the class functions belong to different groups")
    G: FiniteGroup[Any] = g1
    total = Cyclotomic(0)
    for c, x, y in zip(G.conjugacy_classes(), a, b, strict=True):
        if x and y:
            total = total + c.size * x * y.conjugate()
    return total * Cyclotomic(Fraction(1, G.order))
