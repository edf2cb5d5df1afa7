"""Direct products and finite abelian groups (private)."""

from __future__ import annotations

import functools
import itertools
import math
from typing import Any

from grouprep._validation import check_int, describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.groups._base import ConjugacyClass, FiniteGroup
from grouprep.groups._cyclic import cyclic

__all__ = ["DirectProduct", "abelian", "direct_product"]


class DirectProduct(FiniteGroup[tuple[Any, ...]]):
    """The direct product :math:`G_1 \\times \\dots \\times G_k`, componentwise law.

    Build it with :func:`direct_product` or :func:`abelian`. Elements are tuples
    ``(g1, ..., gk)``. The numbering is mixed-radix with the first factor most
    significant, so element indices follow the lexicographic order of factor indices.
    """

    __slots__ = ("_factors", "_strides")

    def __init__(self, factors: tuple[FiniteGroup[Any], ...]) -> None:
        super().__init__()
        self._factors = factors
        strides = []
        s = 1
        for f in reversed(factors):
            strides.append(s)
            s *= f.order
        self._strides = tuple(reversed(strides))

    @property
    def factors(self) -> tuple[FiniteGroup[Any], ...]:
        """The factor groups, in order."""
        return self._factors

    @property
    def order(self) -> int:
        return math.prod(f.order for f in self._factors)

    @property
    def identity(self) -> tuple[Any, ...]:
        return tuple(f.identity for f in self._factors)

    @property
    def generators(self) -> tuple[tuple[Any, ...], ...]:
        e = self.identity
        gens = []
        for i, f in enumerate(self._factors):
            for g in f.generators:
                gens.append((*e[:i], g, *e[i + 1 :]))
        return tuple(gens)

    @property
    def degree(self) -> int:
        return sum(f.degree for f in self._factors)

    def _is_element(self, x: object) -> bool:
        return (
            isinstance(x, tuple)
            and len(x) == len(self._factors)
            and all(g in f for f, g in zip(self._factors, x, strict=True))
        )

    def _normalize(self, x: Any) -> tuple[Any, ...]:
        return tuple(f._normalize(g) for f, g in zip(self._factors, x, strict=True))

    def _compose(self, a: tuple[Any, ...], b: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(f._compose(x, y) for f, x, y in zip(self._factors, a, b, strict=True))

    def _inverse(self, a: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(f._inverse(x) for f, x in zip(self._factors, a, strict=True))

    def _index(self, g: tuple[Any, ...]) -> int:
        return sum(
            f._index(x) * s for f, x, s in zip(self._factors, g, self._strides, strict=True)
        )

    def _element(self, i: int) -> tuple[Any, ...]:
        return tuple(
            f._element((i // s) % f.order)
            for f, s in zip(self._factors, self._strides, strict=True)
        )

    def _element_order(self, g: tuple[Any, ...]) -> int:
        return math.lcm(*(f._element_order(x) for f, x in zip(self._factors, g, strict=True)))

    def _key(self) -> tuple[Any, ...]:
        return self._factors

    def _ambient(self) -> tuple[Any, ...]:
        return ("product", tuple(f._ambient() for f in self._factors))

    def _as_permutation(self, g: tuple[Any, ...]) -> tuple[int, ...]:
        out: list[int] = []
        offset = 0
        for f, x in zip(self._factors, g, strict=True):
            out.extend(offset + p for p in f._as_permutation(x))
            offset += f.degree
        return tuple(out)

    @property
    def is_abelian(self) -> bool:
        return all(f.is_abelian for f in self._factors)

    def _conjugacy_classes(self) -> tuple[ConjugacyClass[tuple[Any, ...]], ...]:
        # the classes of a product are the products of the factors' classes
        per_factor = [f.conjugacy_classes() for f in self._factors]
        out = []
        for combo in itertools.product(*per_factor):
            rep = tuple(c.representative for c in combo)
            out.append(
                ConjugacyClass(
                    rep,
                    math.prod(c.size for c in combo),
                    math.lcm(*(c.element_order for c in combo)),
                    functools.partial(_product_elements, combo),
                )
            )
        return tuple(out)

    def _class_count_bound(self) -> int:
        return math.prod(f._class_count_bound() for f in self._factors)

    def _class_index(self, g: tuple[Any, ...]) -> int:
        idx = 0
        for f, x in zip(self._factors, g, strict=True):
            idx = idx * len(f.conjugacy_classes()) + f._class_index(x)
        return idx

    def __repr__(self) -> str:
        if all(type(f).__name__ == "CyclicGroup" for f in self._factors):
            return "abelian(" + ", ".join(str(f.order) for f in self._factors) + ")"
        return "direct_product(" + ", ".join(repr(f) for f in self._factors) + ")"


def _product_elements(classes: tuple[ConjugacyClass[Any], ...]) -> tuple[tuple[Any, ...], ...]:
    return tuple(itertools.product(*(c.elements() for c in classes)))


def direct_product(*groups: FiniteGroup[Any]) -> DirectProduct:
    """The direct product of finite groups, with the componentwise law.

    .. math:: (g_1, \\dots, g_k) \\cdot (h_1, \\dots, h_k) = (g_1 h_1, \\dots, g_k h_k).

    Parameters
    ----------
    *groups : FiniteGroup
        One or more factors.

    Returns
    -------
    DirectProduct
        Elements are tuples; its conjugacy classes are the products of the factors'
        classes (first factor varying slowest), and it acts naturally on the disjoint
        union of the factors' points.

    Raises
    ------
    GroupRepTypeError
        If a factor is not a grouprep group.
    GroupRepValueError
        If no factor is given.

    Examples
    --------
    >>> import grouprep
    >>> G = grouprep.direct_product(grouprep.cyclic(2), grouprep.symmetric(3))
    >>> G.order, len(G.conjugacy_classes()), G.compose((1, (1, 0, 2)), (1, (1, 0, 2)))
    (12, 6, (0, (0, 1, 2)))
    """
    if not groups:
        raise GroupRepValueError("direct_product: at least one group is required, got none")
    for i, g in enumerate(groups):
        if not isinstance(g, FiniteGroup):
            raise GroupRepTypeError(
                f"direct_product: argument groups[{i}] must be a grouprep FiniteGroup, "
                f"got {describe(g)} of type {type(g).__name__}"
            )
    return DirectProduct(tuple(groups))


def abelian(*ns: int) -> DirectProduct:
    """The finite abelian group :math:`\\mathbb{Z}_{n_1} \\times \\dots \\times \\mathbb{Z}_{n_k}`.

    Equal to ``direct_product(cyclic(n1), ..., cyclic(nk))``.

    Parameters
    ----------
    *ns : int
        One or more orders, each ``>= 1``.

    Returns
    -------
    DirectProduct
        Elements are tuples of ints ``(a1, ..., ak)`` with ``0 <= ai < ni``, added
        componentwise.

    Examples
    --------
    >>> import grouprep
    >>> V = grouprep.abelian(2, 2)
    >>> V.order, V.exponent, V.compose((1, 0), (1, 1))
    (4, 2, (0, 1))
    >>> grouprep.abelian(2, 4) == grouprep.direct_product(grouprep.cyclic(2), grouprep.cyclic(4))
    True
    """
    if not ns:
        raise GroupRepValueError("abelian: at least one order is required, got none")
    return DirectProduct(
        tuple(cyclic(check_int(n, f"ns[{i}]", "abelian", minimum=1)) for i, n in enumerate(ns))
    )
