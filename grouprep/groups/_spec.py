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
        If the string does not follow the grammar, or a number is absurdly large.

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
        kind, n = m.group(1), int(m.group(2))
        if n > _LIMIT:
            raise SpecError(f"parse_group: {part!r} in spec {spec!r} is larger than {_LIMIT}")
        if kind in "ZC":
            groups.append(cyclic(n))
        elif kind == "D":
            groups.append(dihedral(n))
        elif kind == "S":
            groups.append(symmetric(n))
        else:
            groups.append(alternating(n))
    return groups[0] if len(groups) == 1 else direct_product(*groups)
