"""Cyclic groups Z_n (private)."""

from __future__ import annotations

import functools
import math
import numbers
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import check_int
from grouprep.groups._base import ConjugacyClass, FiniteGroup

__all__ = ["CyclicGroup", "cyclic"]


class CyclicGroup(FiniteGroup[int]):
    """The cyclic group :math:`\\mathbb{Z}_n = \\{0, 1, \\dots, n-1\\}` under addition mod n.

    Build it with :func:`cyclic`. Element ``g`` acts on the n-gon as the rotation
    :math:`i \\mapsto i + g \\bmod n`.
    """

    __slots__ = ("_n",)

    def __init__(self, n: int) -> None:
        super().__init__()
        self._n = check_int(n, "n", "cyclic", minimum=1)

    @property
    def n(self) -> int:
        """The modulus n."""
        return self._n

    @property
    def order(self) -> int:
        return self._n

    @property
    def identity(self) -> int:
        return 0

    @property
    def generators(self) -> tuple[int, ...]:
        return (1,) if self._n > 1 else ()

    @property
    def degree(self) -> int:
        return self._n

    def _is_element(self, x: object) -> bool:
        return (
            isinstance(x, numbers.Integral) and not isinstance(x, bool) and 0 <= int(x) < self._n
        )

    def _normalize(self, x: Any) -> int:
        return int(x)

    def _compose(self, a: int, b: int) -> int:
        return (a + b) % self._n

    def _inverse(self, a: int) -> int:
        return (-a) % self._n

    def _index(self, g: int) -> int:
        return g

    def _element(self, i: int) -> int:
        return i

    def _element_order(self, g: int) -> int:
        return self._n // math.gcd(g, self._n)

    def _key(self) -> tuple[Any, ...]:
        return (self._n,)

    def _ambient(self) -> tuple[Any, ...]:
        return ("cyclic", self._n)

    def _as_permutation(self, g: int) -> tuple[int, ...]:
        n = self._n
        return tuple((i + g) % n for i in range(n))

    @property
    def is_abelian(self) -> bool:
        return True

    @property
    def exponent(self) -> int:
        return self._n

    def _conjugacy_classes(self) -> tuple[ConjugacyClass[int], ...]:
        # abelian: every element is its own class, in element order
        return tuple(
            ConjugacyClass(g, 1, self._element_order(g), functools.partial(tuple, (g,)))
            for g in range(self._n)
        )

    def _class_index(self, g: int) -> int:
        return g

    def _class_count_bound(self) -> int:
        return self._n

    def cayley_table(self) -> npt.NDArray[np.intp]:
        self._check_table("cayley_table")
        r = np.arange(self._n, dtype=np.intp)
        table = np.add.outer(r, r) % self._n
        table.setflags(write=False)
        return table

    def permutation_array(self) -> npt.NDArray[np.intp]:
        self._check_enumerable("permutation_array")
        return self.cayley_table()

    def __repr__(self) -> str:
        return f"cyclic({self._n})"


def cyclic(n: int) -> CyclicGroup:
    """The cyclic group :math:`\\mathbb{Z}_n` of order n.

    .. math:: \\mathbb{Z}_n = \\{0, \\dots, n-1\\}, \\qquad a \\cdot b = (a + b) \\bmod n.

    Parameters
    ----------
    n : int
        The order, ``n >= 1``.

    Returns
    -------
    CyclicGroup
        Elements are the Python ints ``0 .. n-1``; ``index(g) == g``. Its classes are the
        singletons ``{0}, {1}, ..., {n-1}`` in that order.

    Raises
    ------
    GroupRepTypeError
        If ``n`` is not an int (``2.5`` and ``2.0`` included).
    GroupRepValueError
        If ``n < 1``.

    See Also
    --------
    abelian, dihedral

    Examples
    --------
    >>> import grouprep
    >>> G = grouprep.cyclic(8)
    >>> G.order, G.generators, G.compose(5, 6), G.inverse(3)
    (8, (1,), 3, 5)
    >>> G == grouprep.cyclic(8)
    True
    """
    return CyclicGroup(n)
