"""Dihedral groups D_n of order 2n (private)."""

from __future__ import annotations

import functools
import math
import numbers
from typing import Any

from grouprep._validation import check_int
from grouprep.groups._base import ConjugacyClass, FiniteGroup

__all__ = ["DihedralElement", "DihedralGroup", "dihedral"]

DihedralElement = tuple[int, int]
"""An element ``(r, s)`` of D_n: the map :math:`i \\mapsto r + (-1)^s i \\pmod n`."""


class DihedralGroup(FiniteGroup[DihedralElement]):
    """The dihedral group :math:`D_n` of order 2n, the symmetries of the regular n-gon.

    Build it with :func:`dihedral`. The element ``(r, s)`` (``0 <= r < n``, ``s`` in
    ``{0, 1}``) is the symmetry :math:`i \\mapsto r + (-1)^s i \\bmod n` of the vertices
    ``0 .. n-1``: a rotation by r when ``s == 0``, a reflection when ``s == 1``.
    """

    __slots__ = ("_n",)

    def __init__(self, n: int) -> None:
        super().__init__()
        self._n = check_int(n, "n", "dihedral", minimum=1)

    @property
    def n(self) -> int:
        """The number of vertices of the polygon."""
        return self._n

    @property
    def order(self) -> int:
        return 2 * self._n

    @property
    def identity(self) -> DihedralElement:
        return (0, 0)

    @property
    def generators(self) -> tuple[DihedralElement, ...]:
        return ((1, 0), (0, 1)) if self._n > 1 else ((0, 1),)

    @property
    def degree(self) -> int:
        return self._n

    def _is_element(self, x: object) -> bool:
        return (
            isinstance(x, tuple)
            and len(x) == 2
            and all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in x)
            and 0 <= int(x[0]) < self._n
            and int(x[1]) in (0, 1)
        )

    def _normalize(self, x: Any) -> DihedralElement:
        return (int(x[0]), int(x[1]))

    def _compose(self, a: DihedralElement, b: DihedralElement) -> DihedralElement:
        r1, s1 = a
        r2, s2 = b
        return ((r1 + (-r2 if s1 else r2)) % self._n, s1 ^ s2)

    def _inverse(self, a: DihedralElement) -> DihedralElement:
        r, s = a
        return (r, 1) if s else ((-r) % self._n, 0)

    def _index(self, g: DihedralElement) -> int:
        return g[1] * self._n + g[0]

    def _element(self, i: int) -> DihedralElement:
        return (i % self._n, i // self._n)

    def _element_order(self, g: DihedralElement) -> int:
        r, s = g
        return 2 if s else self._n // math.gcd(r, self._n)

    def _key(self) -> tuple[Any, ...]:
        return (self._n,)

    def _ambient(self) -> tuple[Any, ...]:
        return ("dihedral", self._n)

    def _as_permutation(self, g: DihedralElement) -> tuple[int, ...]:
        r, s = g
        n = self._n
        return tuple((r - i if s else r + i) % n for i in range(n))

    @property
    def is_abelian(self) -> bool:
        return self._n <= 2

    def _conjugacy_classes(self) -> tuple[ConjugacyClass[DihedralElement], ...]:
        n = self._n
        classes: list[ConjugacyClass[DihedralElement]] = []

        def add(elements: tuple[DihedralElement, ...]) -> None:
            rep = min(elements, key=self._index)
            classes.append(
                ConjugacyClass(
                    rep,
                    len(elements),
                    self._element_order(rep),
                    functools.partial(tuple, elements),
                )
            )

        add(((0, 0),))
        for k in range(1, n // 2 + 1):  # rotations r^k and r^-k are conjugate
            add(tuple(sorted({(k, 0), ((-k) % n, 0)}, key=self._index)))
        if n % 2:
            add(tuple((r, 1) for r in range(n)))
        else:  # two classes of reflections: through vertices and through edges
            add(tuple((r, 1) for r in range(0, n, 2)))
            add(tuple((r, 1) for r in range(1, n, 2)))
        return tuple(classes)

    def _class_count_bound(self) -> int:
        return self._n // 2 + (2 if self._n % 2 == 0 else 1) + 1

    def _class_index(self, g: DihedralElement) -> int:
        r, s = g
        n = self._n
        if not s:
            return min(r, n - r) if r else 0
        return n // 2 + 1 + (r % 2 if n % 2 == 0 else 0)

    def __repr__(self) -> str:
        return f"dihedral({self._n})"


def dihedral(n: int) -> DihedralGroup:
    """The dihedral group :math:`D_n` of order 2n: rotations and reflections of the n-gon.

    .. math:: D_n = \\langle r, s \\mid r^n = s^2 = e,\\ s r s = r^{-1} \\rangle,
              \\qquad (r, s) : i \\mapsto r + (-1)^s i \\bmod n.

    Parameters
    ----------
    n : int
        The number of vertices, ``n >= 1`` (``D_1`` has order 2, ``D_2`` is the Klein
        four-group).

    Returns
    -------
    DihedralGroup
        Elements are pairs ``(r, s)``; ``(1, 0)`` is the rotation by one step and ``(0, 1)``
        the reflection :math:`i \\mapsto -i`. Index of ``(r, s)`` is ``s*n + r``. Classes, in
        order: the identity; the rotation pairs :math:`\\{r^k, r^{-k}\\}` for
        ``k = 1 .. n//2``; the reflections (one class for odd n; for even n those with even
        r, then those with odd r).

    Raises
    ------
    GroupRepTypeError
        If ``n`` is not an int.
    GroupRepValueError
        If ``n < 1``.

    Examples
    --------
    >>> import grouprep
    >>> D5 = grouprep.dihedral(5)
    >>> D5.order, len(D5.conjugacy_classes())
    (10, 4)
    >>> D5.compose((0, 1), (1, 0))  # s r = r^-1 s
    (4, 1)
    """
    return DihedralGroup(n)
