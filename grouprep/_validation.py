"""Argument checks shared by every layer (private)."""

from __future__ import annotations

import numbers
from typing import Any

from grouprep.errors import GroupRepTypeError, GroupRepValueError


def describe(value: Any) -> str:
    """Short description of a value for error messages: its repr, or its type if long."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return text


def check_int(value: Any, name: str, where: str, minimum: int | None = None) -> int:
    """Return ``value`` as a Python int if it is an integer (not a bool) >= ``minimum``.

    Raises :class:`GroupRepTypeError` for non-integers (floats such as 2.5 or 2.0 included)
    and :class:`GroupRepValueError` for integers below ``minimum``.
    """
    bound = "" if minimum is None else f" >= {minimum}"
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise GroupRepTypeError(
            f"{where}: argument {name!r} must be an int{bound}, "
            f"got {describe(value)} of type {type(value).__name__}"
        )
    result = int(value)
    if minimum is not None and result < minimum:
        raise GroupRepValueError(f"{where}: argument {name!r} must be an int{bound}, got {result}")
    return result
