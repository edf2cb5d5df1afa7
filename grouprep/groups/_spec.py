"""Group specifications such as ``"Z8"``, ``"D5"``, ``"S4"``, ``"Z2xZ4"`` (private)."""

from __future__ import annotations

import re
from typing import Any

from grouprep._validation import describe
from grouprep.errors import GroupRepTypeError, SpecError
from grouprep.groups._base import FiniteGroup
from grouprep.groups._cyclic import cyclic
from grouprep.groups._dihedral import dihedral
from grouprep.groups._permutation import alternating, symmetric
from grouprep.groups._product import direct_product

__all__ = ["parse_group"]

_FACTOR = re.compile(r"^(Z|C|D|S|A)([1-9][0-9]*)$")
_LIMIT = 10**6


def parse_group(spec: str) -> FiniteGroup[Any]:
    """Build a group from a short specification string.

    Grammar: factors joined by ``x`` (or ``×``), each factor one of ``Zn`` or ``Cn``
    (cyclic of order n), ``Dn`` (dihedral of order 2n), ``Sn`` (symmetric), ``An``
    (alternating). A product of cyclic groups is the same value as :func:`abelian`.

    Parameters
    ----------
    spec : str
        For example ``"Z8"``, ``"C8"``, ``"D5"``, ``"S4"``, ``"A5"``, ``"Z2xZ4"``.

    Returns
    -------
    FiniteGroup

    Raises
    ------
    GroupRepTypeError
        If ``spec`` is not a string.
    SpecError
        If the string does not follow the grammar, or a factor's number is larger than
        10**6 (checked on the digits, so a number of any length is refused at once).

    Examples
    --------
    >>> from grouprep import parse_group
    >>> parse_group("D5")
    dihedral(5)
    >>> parse_group("Z2xZ4")
    abelian(2, 4)
    >>> parse_group("S3 x Z2").order
    12
    """
    if not isinstance(spec, str):
        raise GroupRepTypeError(
            f"parse_group: argument 'spec' must be a str such as 'Z8' or 'Z2xZ4', "
            f"got {describe(spec)} of type {type(spec).__name__}"
        )
    parts = [p.strip() for p in re.split(r"[x×]", spec.strip())]
    groups: list[FiniteGroup[Any]] = []
    for part in parts:
        m = _FACTOR.match(part)
        if m is None:
            raise SpecError(
                f"parse_group: cannot read {part!r} in spec {spec!r}; expected factors like "
                "Z8, C8 (cyclic), D5 (dihedral of order 10), S4 (symmetric), A5 "
                "(alternating), joined by 'x' as in Z2xZ4"
            )
        kind, digits = m.group(1), m.group(2)
        # compare the digits before converting: a number of thousands of digits is refused
        # at once, without int() (which refuses beyond 4300 digits with a raw ValueError)
        if len(digits) > len(str(_LIMIT)) or int(digits) > _LIMIT:
            shown = digits if len(digits) <= 20 else f"{digits[:8]}...({len(digits)} digits)"
            raise SpecError(
                f"parse_group: the number {kind}{shown} in spec {describe(spec)} is larger "
                f"than {_LIMIT}, the largest a factor takes"
            )
        n = int(digits)
        if kind in "ZC":
            groups.append(cyclic(n))
        elif kind == "D":
            groups.append(dihedral(n))
        elif kind == "S":
            groups.append(symmetric(n))
        else:
            groups.append(alternating(n))
    return groups[0] if len(groups) == 1 else direct_product(*groups)
