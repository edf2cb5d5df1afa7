"""The finite-group protocol and the algorithms every group gets for free (private).

Conventions, stated once and used everywhere in grouprep:

* Composition follows functions: ``compose(a, b)`` is "first ``b``, then ``a``". For
  permutations given as image tuples, ``compose(a, b)[i] == a[b[i]]``. Actions are left
  actions, ``(a·b)·x == a·(b·x)``.
* Every group numbers its elements ``0 .. order-1`` (``index`` / ``element``); the identity
  has index 0. Array algorithms use these indices.
* Groups are immutable values: equal groups compare equal and hash equal; caches are
  private and never change what a group answers.
"""

from __future__ import annotations

import functools
import math
from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar

import numpy as np
import numpy.typing as npt

from grouprep._components import orbit_labels
from grouprep._random import RandomLike, as_generator, random_below
from grouprep._validation import check_int, describe
from grouprep.errors import (
    GroupRepTypeError,
    GroupRepValueError,
    NotAnElementError,
    SizeLimitError,
)

E = TypeVar("E", bound=Hashable)

__all__ = ["ConjugacyClass", "FiniteGroup"]

_MAX_ENUMERATION = 2_000_000
"""The most elements (or conjugacy classes, or points) grouprep lists one by one."""

_MAX_TABLE = 50_000_000
"""The most entries of a table grouprep builds over pairs of elements (the Cayley table)."""


def check_listing(count: int, what: str, where: str, limit: int = _MAX_ENUMERATION) -> None:
    """Raise :class:`SizeLimitError` before listing ``count`` items beyond ``limit``."""
    if count > limit:
        raise SizeLimitError(
            f"{where}: listing {what} would produce {count} items, more than the limit of "
            f"{limit} grouprep lists one by one"
        )


class ConjugacyClass(Generic[E]):
    """One conjugacy class :math:`g^G = \\{h g h^{-1} : h \\in G\\}` of a finite group.

    Attributes
    ----------
    representative : element
        The element of the class with the smallest index in its group.
    size : int
        The number of elements, :math:`|G| / |C_G(g)|`.
    element_order : int
        The order shared by all elements of the class.

    Examples
    --------
    >>> import grouprep
    >>> c = grouprep.symmetric(3).conjugacy_classes()[1]
    >>> c.representative, c.size, c.element_order
    ((0, 2, 1), 3, 2)
    >>> sorted(c)
    [(0, 2, 1), (1, 0, 2), (2, 1, 0)]
    """

    __slots__ = (
        "_elements",
        "_enumerate",
        "_normalize",
        "element_order",
        "representative",
        "size",
    )

    def __init__(
        self,
        representative: E,
        size: int,
        element_order: int,
        enumerate_elements: Callable[[], tuple[E, ...]],
        normalize: Callable[[Any], Any] | None = None,
    ) -> None:
        where = "ConjugacyClass"
        self.size = check_int(size, "size", where, minimum=1)
        self.element_order = check_int(element_order, "element_order", where, minimum=1)
        if not callable(enumerate_elements):
            raise GroupRepTypeError(
                f"{where}: argument 'enumerate_elements' must be callable (returning the "
                f"elements), got {describe(enumerate_elements)} of type "
                f"{type(enumerate_elements).__name__}"
            )
        if normalize is not None and not callable(normalize):
            raise GroupRepTypeError(
                f"{where}: argument 'normalize' must be callable or None, got "
                f"{describe(normalize)} of type {type(normalize).__name__}"
            )
        try:
            hash(representative)
        except TypeError:
            raise GroupRepTypeError(
                f"{where}: argument 'representative' must be a hashable group element, got "
                f"{describe(representative)} of type {type(representative).__name__}"
            ) from None
        self.representative = representative
        self._enumerate = enumerate_elements
        self._normalize = normalize
        self._elements: tuple[E, ...] | None = None

    def elements(self) -> tuple[E, ...]:
        """All elements of the class (computed on first use).

        Raises
        ------
        SizeLimitError
            If the class has more than two million elements.
        GroupRepValueError
            If the elements found disagree with ``size`` or do not contain
            ``representative`` (a class built with inconsistent arguments).
        """
        if self._elements is None:
            check_listing(
                self.size, "the elements of a conjugacy class", "ConjugacyClass.elements"
            )
            found = tuple(self._enumerate())
            if len(found) != self.size or len(set(found)) != self.size:
                raise GroupRepValueError(
                    f"ConjugacyClass.elements: the class was given size={self.size}, but its "
                    f"'enumerate_elements' returned {len(found)} values "
                    f"({len(set(found))} distinct)"
                )
            if self.representative not in found:
                raise GroupRepValueError(
                    "ConjugacyClass.elements: argument 'representative' "
                    f"{describe(self.representative)} is not among the class's elements"
                )
            self._elements = found
        return self._elements

    def __iter__(self) -> Iterator[E]:
        return iter(self.elements())

    def __len__(self) -> int:
        return self.size

    def __contains__(self, x: object) -> bool:
        if self._normalize is not None:
            try:
                x = self._normalize(x)
            except (TypeError, ValueError):
                return False
        return x in self.elements()

    def __repr__(self) -> str:
        return (
            f"ConjugacyClass(representative={self.representative!r}, size={self.size}, "
            f"element_order={self.element_order})"
        )


class FiniteGroup(ABC, Generic[E]):
    """A finite group as an immutable value.

    Subclasses implement the private primitives (``_compose``, ``_inverse``,
    ``_is_element``, ``_index``, ``_element``, ``_key``); the public methods validate
    their arguments and then call them.

    The group law is written :math:`ab` = ``compose(a, b)``, "first b, then a".
    """

    __slots__ = ("__weakref__", "_cache")

    def __init__(self) -> None:
        self._cache: dict[str, Any] = {}

    # ----------------------------------------------------------------- primitives
    @property
    @abstractmethod
    def order(self) -> int:
        """The number of elements :math:`|G|`."""

    @property
    @abstractmethod
    def identity(self) -> E:
        """The neutral element :math:`e`."""

    @property
    @abstractmethod
    def generators(self) -> tuple[E, ...]:
        """A generating set (empty for the trivial group)."""

    @property
    @abstractmethod
    def degree(self) -> int:
        """The number of points of the group's natural permutation action."""

    @abstractmethod
    def _compose(self, a: E, b: E) -> E: ...

    @abstractmethod
    def _inverse(self, a: E) -> E: ...

    @abstractmethod
    def _is_element(self, x: object) -> bool: ...

    @abstractmethod
    def _index(self, g: E) -> int: ...

    @abstractmethod
    def _element(self, i: int) -> E: ...

    @abstractmethod
    def _key(self) -> tuple[Any, ...]: ...

    @abstractmethod
    def _as_permutation(self, g: E) -> tuple[int, ...]: ...

    def _element_order(self, g: E) -> int:
        k, h = 1, g
        e = self.identity
        while h != e:
            h = self._compose(g, h)
            k += 1
        return k

    # ------------------------------------------------------------ value semantics
    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, FiniteGroup):
            return NotImplemented
        return type(self) is type(other) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._key()))

    def __getstate__(self) -> tuple[None, dict[str, Any]]:
        """Pickle (and deep-copy) the defining slots only; the caches are rebuilt on use."""
        state: dict[str, Any] = {}
        for cls in type(self).__mro__:
            for name in getattr(cls, "__slots__", ()):
                if name not in ("__weakref__", "_cache") and hasattr(self, name):
                    state[name] = getattr(self, name)
        return (None, state)

    def __setstate__(self, state: tuple[None, dict[str, Any]]) -> None:
        object.__setattr__(self, "_cache", {})
        for name, value in state[1].items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        if name != "_cache" and not name.startswith("_"):
            raise AttributeError(f"{type(self).__name__} is immutable")
        object.__setattr__(self, name, value)

    # ------------------------------------------------------------- validation
    def _check(self, x: Any, name: str, where: str) -> E:
        if not self._is_element(x):
            raise NotAnElementError(
                f"{type(self).__name__}.{where}: argument {name!r} must be an element of "
                f"{self!r}, got {describe(x)}"
            )
        return self._normalize(x)

    def _as_element(self, x: Any) -> E:
        return self._check(x, "x", "__contains__")

    def _normalize(self, x: Any) -> E:
        """Return the canonical Python value of an element (e.g. numpy ints to int)."""
        return x  # type: ignore[no-any-return]

    # ---------------------------------------------------------------- public API
    def compose(self, a: E, b: E) -> E:
        """The product :math:`ab`: first apply ``b``, then ``a``.

        Parameters
        ----------
        a, b : element
            Elements of the group.

        Returns
        -------
        element
            ``a·b``. For permutations ``compose(a, b)[i] == a[b[i]]``.

        Raises
        ------
        NotAnElementError
            If ``a`` or ``b`` is not an element of the group.

        Examples
        --------
        >>> import grouprep
        >>> grouprep.cyclic(5).compose(3, 4)
        2
        >>> grouprep.symmetric(3).compose((1, 2, 0), (1, 0, 2))
        (2, 1, 0)
        """
        return self._compose(self._check(a, "a", "compose"), self._check(b, "b", "compose"))

    def inverse(self, a: E) -> E:
        """The inverse :math:`a^{-1}`, with :math:`a a^{-1} = a^{-1} a = e`.

        Examples
        --------
        >>> import grouprep
        >>> grouprep.cyclic(5).inverse(2)
        3
        """
        return self._inverse(self._check(a, "a", "inverse"))

    def power(self, a: E, k: int) -> E:
        """The power :math:`a^k` for any integer ``k`` (negative powers use the inverse).

        Examples
        --------
        >>> import grouprep
        >>> grouprep.dihedral(5).power((1, 0), 7)
        (2, 0)
        """
        a = self._check(a, "a", "power")
        k = check_int(k, "k", f"{type(self).__name__}.power")
        if k < 0:
            a, k = self._inverse(a), -k
        result, base = self.identity, a
        while k:  # square and multiply
            if k & 1:
                result = self._compose(base, result)
            base = self._compose(base, base)
            k >>= 1
        return result

    def __contains__(self, x: object) -> bool:
        try:
            return self._is_element(x)
        except TypeError:  # unhashable or incomparable values are not elements
            return False

    def __iter__(self) -> Iterator[E]:
        """Iterate over the elements in index order (identity first)."""
        for i in range(self.order):
            yield self._element(i)

    def elements(self) -> tuple[E, ...]:
        """All elements, in index order.

        Raises
        ------
        SizeLimitError
            If the group has more than two million elements.
        """
        if "elements" not in self._cache:
            self._check_enumerable("elements")
            self._cache["elements"] = tuple(self)
        return self._cache["elements"]  # type: ignore[no-any-return]

    def _check_enumerable(self, where: str) -> None:
        if self.order > _MAX_ENUMERATION:
            raise SizeLimitError(
                f"{type(self).__name__}.{where}: the group has {self.order} elements, "
                f"more than the limit of {_MAX_ENUMERATION} grouprep lists one by one"
            )

    def _class_count_bound(self) -> int:
        """An upper bound on the number of conjugacy classes, known without listing them."""
        return self.order

    def _check_table(self, where: str) -> None:
        if self.order**2 > _MAX_TABLE:
            raise SizeLimitError(
                f"{type(self).__name__}.{where}: the table of the {self.order} elements has "
                f"{self.order**2} entries, more than the limit of {_MAX_TABLE}"
            )

    def index(self, g: E) -> int:
        """The position of ``g`` in the group's fixed numbering ``0 .. order-1``.

        The identity has index 0 and ``element(index(g)) == g``.

        Examples
        --------
        >>> import grouprep
        >>> S3 = grouprep.symmetric(3)
        >>> [S3.index(g) for g in S3]
        [0, 1, 2, 3, 4, 5]
        >>> S3.index((2, 1, 0))
        5
        """
        return self._index(self._check(g, "g", "index"))

    def element(self, i: int) -> E:
        """The element with index ``i``; the inverse of :meth:`index`.

        Raises
        ------
        GroupRepValueError
            If ``i`` is not an int in ``[0, order)``.
        """
        i = check_int(i, "i", f"{type(self).__name__}.element", minimum=0)
        if i >= self.order:
            raise GroupRepValueError(
                f"{type(self).__name__}.element: argument 'i' must be < order = {self.order}, "
                f"got {i}"
            )
        return self._element(i)

    def element_order(self, g: E) -> int:
        """The order of ``g``: the least :math:`k \\ge 1` with :math:`g^k = e`.

        Examples
        --------
        >>> import grouprep
        >>> grouprep.cyclic(12).element_order(8)
        3
        """
        return self._element_order(self._check(g, "g", "element_order"))

    def as_permutation(self, g: E) -> tuple[int, ...]:
        """The permutation of ``0 .. degree-1`` by which ``g`` acts naturally.

        Cyclic and dihedral groups act on the vertices of the n-gon, permutation groups on
        their points, direct products on the disjoint union of their factors' points.
        It is a homomorphism:
        ``as_permutation(compose(a, b))[i] == as_permutation(a)[as_permutation(b)[i]]``.

        Examples
        --------
        >>> import grouprep
        >>> grouprep.cyclic(4).as_permutation(1)
        (1, 2, 3, 0)
        """
        g = self._check(g, "g", "as_permutation")
        check_listing(
            self.degree, "the images of the points", f"{type(self).__name__}.as_permutation"
        )
        return self._as_permutation(g)

    def permutation_array(self) -> npt.NDArray[np.intp]:
        """All elements as permutations: row ``i`` is ``as_permutation(element(i))``.

        Returns
        -------
        numpy.ndarray
            Shape ``(order, degree)``, read-only.
        """
        if "perm_array" not in self._cache:
            self._check_enumerable("permutation_array")
            rows = [self._as_permutation(g) for g in self.elements()]
            arr = np.array(rows, dtype=np.intp).reshape(self.order, self.degree)
            arr.setflags(write=False)
            self._cache["perm_array"] = arr
        return self._cache["perm_array"]  # type: ignore[no-any-return]

    @property
    def is_abelian(self) -> bool:
        """Whether :math:`ab = ba` for all elements (checked on the generators)."""
        if "abelian" not in self._cache:
            gens = self.generators
            self._cache["abelian"] = all(
                self._compose(a, b) == self._compose(b, a)
                for i, a in enumerate(gens)
                for b in gens[i + 1 :]
            )
        return self._cache["abelian"]  # type: ignore[no-any-return]

    @property
    def exponent(self) -> int:
        """The least :math:`m \\ge 1` with :math:`g^m = e` for every g (the lcm of the orders).

        Examples
        --------
        >>> import grouprep
        >>> grouprep.symmetric(4).exponent
        12
        """
        return math.lcm(*(c.element_order for c in self.conjugacy_classes()))

    def conjugacy_classes(self) -> tuple[ConjugacyClass[E], ...]:
        """The conjugacy classes, identity class first.

        Families with a closed form (cyclic, dihedral, symmetric, direct products) list
        their classes in a documented natural order; other groups are computed by a search
        on element indices and sorted by element order, then size, then index of the
        representative.

        Raises
        ------
        SizeLimitError
            If there could be more than two million classes (an upper bound known without
            listing: the order, or for the families the number of classes itself), or the
            search needs more than two million elements listed.

        Examples
        --------
        >>> import grouprep
        >>> [c.size for c in grouprep.alternating(5).conjugacy_classes()]
        [1, 15, 20, 12, 12]
        """
        if "classes" not in self._cache:
            bound = self._class_count_bound()
            if bound > _MAX_ENUMERATION:
                raise SizeLimitError(
                    f"{type(self).__name__}.conjugacy_classes: {self!r} may have up to {bound} "
                    f"conjugacy classes, more than the limit of {_MAX_ENUMERATION} grouprep "
                    "lists one by one"
                )
            classes = self._conjugacy_classes()
            for c in classes:  # membership accepts what the group accepts
                c._normalize = self._as_element
            self._cache["classes"] = classes
        return self._cache["classes"]  # type: ignore[no-any-return]

    def class_index(self, g: E) -> int:
        """The position in :meth:`conjugacy_classes` of the class containing ``g``."""
        return self._class_index(self._check(g, "g", "class_index"))

    def _class_index(self, g: E) -> int:
        if "class_of" not in self._cache:
            table: dict[Any, int] = {}
            for k, cls in enumerate(self.conjugacy_classes()):
                for h in cls:
                    table[h] = k
            self._cache["class_of"] = table
        return self._cache["class_of"][g]  # type: ignore[no-any-return]

    def _conjugacy_classes(self) -> tuple[ConjugacyClass[E], ...]:
        """Generic algorithm: connected components of conjugation by the generators."""
        conj = self._conjugation_maps()
        labels = orbit_labels(conj, self.order)
        return self._classes_from_labels(labels)

    def _conjugation_maps(self) -> list[list[int]]:
        """For each generator s, the map ``index(g) -> index(s g s^-1)``."""
        elems = self.elements()
        maps = []
        for s in self.generators:
            s_inv = self._inverse(s)
            maps.append([self._index(self._compose(self._compose(s, g), s_inv)) for g in elems])
        return maps

    def _class_sort_key(self, rep_index: int, size: int) -> tuple[Any, ...]:
        return (self._element_order(self._element(rep_index)), size, rep_index)

    def _classes_from_labels(self, labels: npt.NDArray[np.intp]) -> tuple[ConjugacyClass[E], ...]:
        order = np.argsort(labels, kind="stable")
        sorted_labels = labels[order]
        starts = np.flatnonzero(np.r_[True, sorted_labels[1:] != sorted_labels[:-1]])
        ends = np.r_[starts[1:], len(labels)]
        members = [order[s:t] for s, t in zip(starts, ends, strict=True)]
        members.sort(key=lambda m: self._class_sort_key(int(m.min()), len(m)))
        # the identity (index 0) has order 1 and size 1 and so sorts first
        out = []
        for m in members:
            idx = np.sort(m)
            rep = self._element(int(idx[0]))
            out.append(
                ConjugacyClass(
                    rep,
                    len(idx),
                    self._element_order(rep),
                    _lazy_elements(self, tuple(int(i) for i in idx)),
                )
            )
        return tuple(out)

    def subgroup(self, generators: Iterable[E]) -> FiniteGroup[E]:
        """The subgroup generated by ``generators``.

        Its elements are elements of this group (same values, same law); it has its own
        numbering ``0 .. order-1``, in the order of this group's indices.

        Raises
        ------
        NotAnElementError
            If a generator is not an element of this group.

        Examples
        --------
        >>> import grouprep
        >>> H = grouprep.cyclic(12).subgroup([8])
        >>> H.order, sorted(H)
        (3, [0, 4, 8])
        """
        gens = tuple(
            self._check(g, f"generators[{i}]", "subgroup") for i, g in enumerate(generators)
        )
        return self._subgroup(gens)

    def _subgroup(self, gens: tuple[E, ...]) -> FiniteGroup[E]:
        from grouprep.groups._subgroup import Subgroup

        return Subgroup(self, gens)

    def is_subgroup_of(self, other: FiniteGroup[Any]) -> bool:
        """Whether this group is a subgroup of ``other``: its elements lie in ``other`` and
        its law is the restriction of ``other``'s.

        Membership is checked on the generators; the laws are compared on the products
        :math:`s h` of generators s with all elements h (permutation groups share one law,
        composition, so there membership suffices).

        Examples
        --------
        >>> import grouprep
        >>> grouprep.cyclic(12).subgroup([4]).is_subgroup_of(grouprep.cyclic(12))
        True
        >>> grouprep.cyclic(2).is_subgroup_of(grouprep.cyclic(4))  # 1 + 1 differs
        False
        """
        if not isinstance(other, FiniteGroup) or self.identity not in other:
            return False
        if not all(g in other for g in self.generators):
            return False
        if other.identity != self.identity:
            return False
        from grouprep.groups._permutation import PermutationGroup

        if isinstance(self, PermutationGroup) and isinstance(other, PermutationGroup):
            return True
        return all(
            other._compose(s, h) == self._compose(s, h)
            for s in self.generators
            for h in self.elements()
        )

    def random_element(self, rng: RandomLike = None) -> E:
        """A uniformly random element (``rng``: Generator, seed or None)."""
        gen = as_generator(rng, f"{type(self).__name__}.random_element")
        return self._element(random_below(gen, self.order))

    def cayley_table(self) -> npt.NDArray[np.intp]:
        """The multiplication table on indices: ``T[i, j] == index(element(i)·element(j))``.

        Raises
        ------
        SizeLimitError
            If the table would have more than 50 million entries (order above 7071).

        Examples
        --------
        >>> import grouprep
        >>> grouprep.cyclic(3).cayley_table()
        array([[0, 1, 2],
               [1, 2, 0],
               [2, 0, 1]])
        """
        if "cayley" not in self._cache:
            self._check_table("cayley_table")
            elems = self.elements()
            table = np.array(
                [[self._index(self._compose(a, b)) for b in elems] for a in elems],
                dtype=np.intp,
            ).reshape(self.order, self.order)
            table.setflags(write=False)
            self._cache["cayley"] = table
        return self._cache["cayley"]  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of order {self.order}>"


def _elements_at(group: FiniteGroup[E], indices: Sequence[int]) -> tuple[E, ...]:
    return tuple(group._element(i) for i in indices)


def _lazy_elements(group: FiniteGroup[E], indices: Sequence[int]) -> Callable[[], tuple[E, ...]]:
    # a partial of a module-level function, so a group's cached classes pickle with it
    return functools.partial(_elements_at, group, indices)
