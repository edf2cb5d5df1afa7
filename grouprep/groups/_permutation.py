"""Permutation groups: symmetric, alternating, and groups given by generators (private)."""

from __future__ import annotations

import functools
import math
import numbers
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import check_int, describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError, SizeLimitError
from grouprep.groups._base import ConjugacyClass, FiniteGroup
from grouprep.groups._chain import (
    MAX_CHAIN_ENTRIES,
    Chain,
    Perm,
    chain_alternating,
    chain_from_strong_generators,
    chain_symmetric,
    check_chain_size,
    compose_perm,
    invert_perm,
    orbit_size,
)

__all__ = [
    "Permutation",
    "PermutationGroup",
    "alternating",
    "cycle_type",
    "from_sympy",
    "permutation_group",
    "symmetric",
]

Permutation = tuple[int, ...]
"""A permutation of ``0 .. n-1`` as its image tuple: ``p[i]`` is the image of ``i``."""


MAX_DEGREE = 100_000
"""The largest degree of a permutation group: its permutations are tuples of this length."""


def check_degree(degree: int, name: str, where: str) -> int:
    """``degree`` if it is at most :data:`MAX_DEGREE`, else a :class:`SizeLimitError`."""
    if degree > MAX_DEGREE:
        raise SizeLimitError(
            f"{where}: argument {name!r} is {degree}, more than the {MAX_DEGREE} points a "
            "permutation group of grouprep acts on (its permutations are tuples of that length)"
        )
    return degree


def cycle_type(p: Sequence[int]) -> tuple[int, ...]:
    """The cycle lengths of a permutation, in decreasing order (fixed points included).

    Examples
    --------
    >>> from grouprep.groups import cycle_type
    >>> cycle_type((1, 2, 0, 4, 3, 5))
    (3, 2, 1)
    """
    seen = [False] * len(p)
    lengths = []
    for start in range(len(p)):
        if seen[start]:
            continue
        k, j = 0, start
        while not seen[j]:
            seen[j] = True
            j = p[j]
            k += 1
        lengths.append(k)
    return tuple(sorted(lengths, reverse=True))


def _lexmin_of_type(partition: Sequence[int], n: int) -> Perm:
    """The lexicographically least permutation with the given cycle type.

    Greedy: shortest cycles first, each on a block of consecutive points. At each step the
    least admissible image closes the current cycle when a cycle of that length remains.
    """
    p = list(range(n))
    start = 0
    for length in sorted(partition):
        for j in range(length):
            p[start + j] = start + (j + 1) % length
        start += length
    return tuple(p)


def _partitions(n: int) -> list[tuple[int, ...]]:
    out: list[tuple[int, ...]] = []

    def rec(remaining: int, largest: int, prefix: tuple[int, ...]) -> None:
        if remaining == 0:
            out.append(prefix)
            return
        for part in range(min(remaining, largest), 0, -1):
            rec(remaining - part, part, (*prefix, part))

    rec(n, n, ())
    return out


def partition_count(n: int) -> int:
    """The number p(n) of partitions of n (the classes of :math:`S_n`), by Euler's recurrence."""
    p = [1] + [0] * n
    for m in range(1, n + 1):
        total, k = 0, 1
        while True:
            g1 = k * (3 * k - 1) // 2
            if g1 > m:
                break
            sign = 1 if k % 2 else -1
            total += sign * p[m - g1]
            g2 = k * (3 * k + 1) // 2
            if g2 <= m:
                total += sign * p[m - g2]
            k += 1
        p[m] = total
    return p[n]


def _centralizer_order(partition: Sequence[int]) -> int:
    """:math:`z_\\lambda = \\prod_i i^{m_i} m_i!`."""
    z = 1
    for length in set(partition):
        m = partition.count(length)
        z *= length**m * math.factorial(m)
    return z


class PermutationGroup(FiniteGroup[Permutation]):
    """A group of permutations of ``0 .. degree-1``, elements as image tuples.

    Build it with :func:`permutation_group`, :func:`symmetric`, :func:`alternating` or
    :func:`from_sympy`. Elements are numbered in lexicographic order of their image
    tuples, which depends on the set of elements alone; two permutation groups are equal
    when they have the same degree and the same elements, however they were generated.
    Order, membership and the numbering come from a stabilizer chain along the base
    ``0, 1, ..., degree-1`` (sympy's Schreier–Sims for groups given by generators; written
    down directly for the symmetric and alternating groups).
    """

    __slots__ = ("_chain_obj", "_degree", "_family", "_gens", "_points")

    def __init__(
        self,
        degree: int,
        generators: Iterable[Sequence[int]],
        family: tuple[str, int] | None = None,
    ) -> None:
        """Validate and store; see the class docstring.

        Parameters
        ----------
        degree : int
            The number of points, ``>= 0``.
        generators : iterable of permutations
            Image tuples of length ``degree``.
        family : ("symmetric", n) or ("alternating", n), optional
            A claim that the generators generate :math:`S_n` or :math:`A_n`, with ``n``
            the degree; it is verified (the standard generators of :func:`symmetric` and
            :func:`alternating` at once, others by the order from Schreier–Sims and, for
            :math:`A_n`, the parity of the generators) and refused when false.

        Raises
        ------
        GroupRepTypeError, GroupRepValueError
            If an argument is malformed or the family claim is false.
        """
        super().__init__()
        where = "PermutationGroup"
        degree = check_degree(check_int(degree, "degree", where, minimum=0), "degree", where)
        if isinstance(generators, str | bytes) or not isinstance(generators, Iterable):
            raise GroupRepTypeError(
                f"{where}: argument 'generators' must be an iterable of permutations, "
                f"got {describe(generators)} of type {type(generators).__name__}"
            )
        gens = tuple(
            _check_permutation(g, f"generators[{i}]", where, degree)
            for i, g in enumerate(generators)
        )
        self._degree = degree
        self._gens = gens
        self._family = None
        self._chain_obj: Chain | None = None
        self._points = list(range(degree))
        if family is not None:
            self._family = _check_family(family, degree, gens, self)

    # ----------------------------------------------------------- chain and basics
    @property
    def _chain(self) -> Chain:
        if self._chain_obj is None:
            if self._family is not None and self._family[0] == "symmetric":
                self._chain_obj = chain_symmetric(self._degree)
            elif self._family is not None and self._family[0] == "alternating":
                self._chain_obj = chain_alternating(self._degree)
            elif not self._gens:
                self._chain_obj = chain_from_strong_generators(
                    self._degree, (), "PermutationGroup"
                )
            else:
                # the first basic orbit alone may hold degree**2 entries: check before
                # running Schreier-Sims on a base of every point
                check_chain_size(self._degree, orbit_size(0, self._gens), "PermutationGroup")
                self._chain_obj = chain_from_strong_generators(
                    self._degree, _strong_generators(self._degree, self._gens), "PermutationGroup"
                )
        return self._chain_obj

    @property
    def order(self) -> int:
        if self._family is not None:
            f = math.factorial(self._degree)
            return f if self._family[0] == "symmetric" else max(1, f // 2)
        if self._chain_obj is None and len(self._gens) == 1:  # cyclic: the generator's order
            return self._element_order(self._gens[0])
        if self._chain_obj is None and self._degree**2 > MAX_CHAIN_ENTRIES:
            if "order" not in self._cache:  # sympy's Schreier-Sims on a base of its choice
                self._cache["order"] = _sympy_group(self._degree, self._gens).order()
            return int(self._cache["order"])
        return self._chain.order

    @property
    def identity(self) -> Perm:
        return tuple(range(self._degree))

    @property
    def generators(self) -> tuple[Perm, ...]:
        return self._gens

    @property
    def degree(self) -> int:
        return self._degree

    def _is_element(self, x: object) -> bool:
        if isinstance(x, tuple) and all(type(v) is int for v in x):
            perm: tuple[int, ...] = x  # the common case, checked cheaply
        elif (isinstance(x, list | np.ndarray) and np.ndim(x) == 1) or isinstance(x, tuple):
            if any(isinstance(v, bool) or not isinstance(v, numbers.Integral) for v in x):
                return False
            perm = tuple(int(v) for v in x)
        else:
            return False
        if len(perm) != self._degree or sorted(perm) != self._points:
            return False
        if self._family is not None:
            return self._family[0] == "symmetric" or _parity(perm) == 0
        return self._chain.contains(perm)

    def _normalize(self, x: Any) -> Perm:
        return tuple(int(v) for v in x)

    def _compose(self, a: Perm, b: Perm) -> Perm:
        return compose_perm(a, b)

    def _inverse(self, a: Perm) -> Perm:
        return invert_perm(a)

    def _index(self, g: Perm) -> int:
        return self._chain.rank(g)

    def _element(self, i: int) -> Perm:
        return self._chain.unrank(i)

    def _element_order(self, g: Perm) -> int:
        return math.lcm(*cycle_type(g)) if g else 1

    def _as_permutation(self, g: Perm) -> Perm:
        return g

    def _key(self) -> tuple[Any, ...]:
        return (self._degree, self.order)

    def _ambient(self) -> tuple[Any, ...]:
        return ("permutation", self._degree)

    def as_permutation_group(self) -> PermutationGroup:
        return self

    # -------------------------------------------------------------- bulk numbering
    def permutation_array(self) -> npt.NDArray[np.intp]:
        """All elements as rows of an ``(order, degree)`` array, in index (lex) order."""
        if "perm_array" not in self._cache:
            self._check_enumerable("permutation_array")
            arr = np.ascontiguousarray(self._chain.enumerate())
            arr.setflags(write=False)
            self._cache["perm_array"] = arr
        return self._cache["perm_array"]  # type: ignore[no-any-return]

    def elements(self) -> tuple[Perm, ...]:
        if "elements" not in self._cache:
            self._cache["elements"] = tuple(map(tuple, self.permutation_array().tolist()))
        return self._cache["elements"]  # type: ignore[no-any-return]

    def index_array(self, X: npt.ArrayLike) -> npt.NDArray[Any]:
        """Indices of a batch of elements given as the rows of an ``(m, degree)`` array.

        The rows are trusted to be elements (use ``in`` to test membership). The result
        has dtype int64, or dtype object (Python ints) when the order reaches 2**62.
        """
        arr = np.asarray(X, dtype=np.intp).reshape(-1, self._degree)
        if self._chain.order < 2**62:
            return self._chain.rank_array(arr)
        return np.array([self._chain.rank(tuple(row)) for row in arr.tolist()], dtype=object)

    # --------------------------------------------------------- conjugacy classes
    def _class_sort_key(self, rep_index: int, size: int) -> tuple[Any, ...]:
        rep = self._element(rep_index)
        return (self._element_order(rep), size, cycle_type(rep), rep_index)

    def _conjugation_maps(self) -> list[list[int]]:
        E = self.permutation_array()
        maps = []
        for s in self._gens:
            s_arr = np.array(s, dtype=np.intp)
            s_inv = np.array(invert_perm(s), dtype=np.intp)
            conj = s_arr[E[:, s_inv]]  # (s g s^-1)[i] = s[g[s^-1[i]]]
            maps.append(self.index_array(conj).tolist())
        return maps

    def _is_symmetric(self) -> bool:
        """Whether this is all of :math:`S_n`, n the degree (built as ``symmetric(n)`` or
        by generators of order n!): then its classes are the cycle types, in closed form."""
        if self._family is not None:
            return self._family[0] == "symmetric"
        return self.order == math.factorial(self._degree)

    def _conjugacy_classes(self) -> tuple[ConjugacyClass[Perm], ...]:
        if not self._is_symmetric():
            return super()._conjugacy_classes()
        n = self._degree
        classes = []
        for lam in _partitions(n) if n else [()]:
            rep = _lexmin_of_type(lam, n)
            size = math.factorial(n) // _centralizer_order(lam)
            classes.append(
                (
                    self._class_sort_key(self._index(rep), size),
                    ConjugacyClass(
                        rep,
                        size,
                        self._element_order(rep),
                        functools.partial(self._type_members, tuple(sorted(lam, reverse=True))),
                    ),
                )
            )
        classes.sort(key=lambda kc: kc[0])
        return tuple(c for _, c in classes)

    def _class_count_bound(self) -> int:
        if self._is_symmetric():
            return partition_count(self._degree)
        return self.order

    def _type_members(self, lam: tuple[int, ...]) -> tuple[Perm, ...]:
        if "by_type" not in self._cache:  # one pass over the group for all classes
            by_type: dict[tuple[int, ...], list[Perm]] = {}
            for g in self.elements():
                by_type.setdefault(cycle_type(g), []).append(g)
            self._cache["by_type"] = {t: tuple(m) for t, m in by_type.items()}
        return self._cache["by_type"][lam]  # type: ignore[no-any-return]

    def _class_index(self, g: Perm) -> int:
        if self._is_symmetric():
            if "type_index" not in self._cache:
                self._cache["type_index"] = {
                    cycle_type(c.representative): k for k, c in enumerate(self.conjugacy_classes())
                }
            return self._cache["type_index"][cycle_type(g)]  # type: ignore[no-any-return]
        return super()._class_index(g)

    # ------------------------------------------------------------------ other
    def _subgroup(self, gens: tuple[Perm, ...]) -> PermutationGroup:
        return PermutationGroup(self._degree, gens)

    @property
    def is_abelian(self) -> bool:
        if self._family is not None:
            return self._degree <= (2 if self._family[0] == "symmetric" else 3)
        return super().is_abelian

    def to_sympy(self) -> Any:
        """The same group as a :class:`sympy.combinatorics.perm_groups.PermutationGroup`."""
        from sympy.combinatorics import Permutation as SymPerm
        from sympy.combinatorics import PermutationGroup as SymGroup

        gens = self._gens or (self.identity,)
        return SymGroup([SymPerm(list(g), size=self._degree) for g in gens])

    def __repr__(self) -> str:
        if self._family is not None:
            return f"{self._family[0]}({self._family[1]})"
        gens = ", ".join(repr(g) for g in self._gens)
        return f"permutation_group([{gens}], degree={self._degree})"


def _standard_generators(kind: str, n: int) -> tuple[Perm, ...]:
    """The generators :func:`symmetric` and :func:`alternating` use."""
    if kind == "symmetric":
        if n == 1:
            return ()
        if n == 2:
            return ((1, 0),)
        return ((1, 0, *range(2, n)), (*range(1, n), 0))
    if n < 3:
        return ()
    c3 = (1, 2, 0, *range(3, n))
    other = (*range(1, n), 0) if n % 2 else (0, *range(2, n), 1)
    return (c3,) if other == c3 else (c3, other)


def _check_family(
    family: Any, degree: int, gens: tuple[Perm, ...], group: PermutationGroup
) -> tuple[str, int]:
    """The family claim, verified against the generators; refused when it is false."""
    where = "PermutationGroup"
    if (
        not isinstance(family, tuple)
        or len(family) != 2
        or family[0] not in ("symmetric", "alternating")
    ):
        raise GroupRepValueError(
            f"{where}: argument 'family' must be None, ('symmetric', n) or ('alternating', n), "
            f"got {describe(family)}"
        )
    kind = family[0]
    n = check_int(family[1], "family[1]", where, minimum=1)
    if n != degree:
        raise GroupRepValueError(
            f"{where}: argument 'family' claims {kind}({n}) on {degree} points; its degree "
            f"must equal the argument 'degree' = {degree}"
        )
    if gens == _standard_generators(kind, n):
        return (kind, n)
    claimed = math.factorial(n) if kind == "symmetric" else max(1, math.factorial(n) // 2)
    if kind == "alternating" and any(_parity(g) for g in gens):
        raise GroupRepValueError(
            f"{where}: argument 'family' claims alternating({n}), but a generator is an odd "
            "permutation"
        )
    actual = group._chain.order  # Schreier–Sims on the generators (family not yet set)
    if actual != claimed:
        raise GroupRepValueError(
            f"{where}: argument 'family' claims {kind}({n}) of order {claimed}, but the "
            f"generators generate a group of order {actual}"
        )
    return (kind, n)


def _parity(p: Sequence[int]) -> int:
    return (len(p) - len(cycle_type(p))) % 2 if p else 0


def _sympy_group(degree: int, gens: tuple[Perm, ...]) -> Any:
    from sympy.combinatorics import Permutation as SymPerm
    from sympy.combinatorics import PermutationGroup as SymGroup

    return SymGroup([SymPerm(list(g), size=degree) for g in gens])


def _strong_generators(degree: int, gens: tuple[Perm, ...]) -> list[Perm]:
    """A strong generating set for the base 0..degree-1, by sympy's Schreier–Sims."""
    group = _sympy_group(degree, gens)
    _, strong = group.schreier_sims_incremental(base=list(range(degree)))
    return [tuple(int(v) for v in s.array_form) for s in strong]


def _check_permutation(p: Any, name: str, where: str, degree: int | None) -> Perm:
    if isinstance(p, str | bytes) or not isinstance(p, Sequence | np.ndarray):
        raise GroupRepTypeError(
            f"{where}: argument {name!r} must be a permutation given as a sequence of ints "
            f"(p[i] is the image of i), got {describe(p)} of type {type(p).__name__}"
        )
    values = list(p)
    if any(isinstance(v, bool) or not isinstance(v, numbers.Integral) for v in values):
        raise GroupRepTypeError(
            f"{where}: argument {name!r} must contain ints only, got {describe(p)}"
        )
    perm = tuple(int(v) for v in values)
    if sorted(perm) != list(range(len(perm))):
        raise GroupRepValueError(
            f"{where}: argument {name!r} must be a permutation of 0..{len(perm) - 1} "
            f"(each value exactly once), got {describe(p)}"
        )
    if degree is not None and len(perm) != degree:
        raise GroupRepValueError(
            f"{where}: argument {name!r} must have length {degree} (the degree), "
            f"got length {len(perm)}"
        )
    return perm


def permutation_group(
    generators: Iterable[Sequence[int]], degree: int | None = None
) -> PermutationGroup:
    """The group generated by permutations of ``0 .. n-1``, given as image tuples.

    .. math:: G = \\langle p_1, \\dots, p_k \\rangle \\le S_n,
              \\qquad (p \\cdot q)(i) = p(q(i)).

    Parameters
    ----------
    generators : iterable of sequences of int
        Each a permutation as its image tuple: ``p[i]`` is the image of point ``i``.
        All must have the same length.
    degree : int, optional
        The number of points; required when ``generators`` is empty, otherwise it must
        match their length.

    Returns
    -------
    PermutationGroup
        Elements are tuples; ``compose(a, b)[i] == a[b[i]]``. Order and membership come
        from a stabilizer chain built by sympy's Schreier–Sims (imported on first use).

    Raises
    ------
    GroupRepTypeError
        If a generator is not a sequence of ints.
    GroupRepValueError
        If a generator is not a permutation, or the lengths differ.

    See Also
    --------
    from_sympy, symmetric, alternating

    Examples
    --------
    >>> import grouprep
    >>> G = grouprep.permutation_group([(1, 2, 3, 4, 0), (4, 3, 2, 1, 0)])  # D_5 on 5 points
    >>> G.order, len(G.conjugacy_classes())
    (10, 4)
    >>> (0, 4, 3, 2, 1) in G, (1, 0, 2, 3, 4) in G
    (True, False)
    """
    if isinstance(generators, str | bytes) or not isinstance(generators, Iterable):
        raise GroupRepTypeError(
            "permutation_group: argument 'generators' must be an iterable of permutations, "
            f"got {describe(generators)} of type {type(generators).__name__}"
        )
    gens_in = list(generators)
    if degree is not None:
        degree = check_int(degree, "degree", "permutation_group", minimum=0)
        check_degree(degree, "degree", "permutation_group")
    elif not gens_in:
        raise GroupRepValueError(
            "permutation_group: argument 'degree' is required when 'generators' is empty"
        )
    gens: list[Perm] = []
    for i, g in enumerate(gens_in):
        p = _check_permutation(g, f"generators[{i}]", "permutation_group", degree)
        if degree is None:
            degree = len(p)
        gens.append(p)
    return PermutationGroup(len(gens[0]) if degree is None else degree, tuple(gens))


def symmetric(n: int) -> PermutationGroup:
    """The symmetric group :math:`S_n` of all n! permutations of ``0 .. n-1``.

    Parameters
    ----------
    n : int
        The degree, ``n >= 1``.

    Returns
    -------
    PermutationGroup
        Generated by the transposition (0 1) and the n-cycle (0 1 ... n-1). Indices are
        the lexicographic ranks (Lehmer codes), computed without enumeration; the classes
        are the cycle types, with sizes :math:`n!/z_\\lambda`, computed in closed form.

    Examples
    --------
    >>> import grouprep
    >>> S5 = grouprep.symmetric(5)
    >>> S5.order, len(S5.conjugacy_classes()), S5.exponent
    (120, 7, 60)
    >>> S5.index((4, 3, 2, 1, 0))
    119
    """
    n = check_degree(check_int(n, "n", "symmetric", minimum=1), "n", "symmetric")
    return PermutationGroup(n, _standard_generators("symmetric", n), family=("symmetric", n))


def alternating(n: int) -> PermutationGroup:
    """The alternating group :math:`A_n` of the n!/2 even permutations of ``0 .. n-1``.

    Parameters
    ----------
    n : int
        The degree, ``n >= 1`` (``A_1`` and ``A_2`` are trivial).

    Returns
    -------
    PermutationGroup
        Generated by (0 1 2) and (0 1 ... n-1) for odd n, (0 1 2) and (1 2 ... n-1) for
        even n. Index of g is its lexicographic rank among the even permutations.

    Examples
    --------
    >>> import grouprep
    >>> A4 = grouprep.alternating(4)
    >>> A4.order, [c.size for c in A4.conjugacy_classes()]
    (12, [1, 3, 4, 4])
    """
    n = check_degree(check_int(n, "n", "alternating", minimum=1), "n", "alternating")
    return PermutationGroup(n, _standard_generators("alternating", n), family=("alternating", n))


def from_sympy(group: Any) -> PermutationGroup:
    """Convert a sympy permutation group (or a list of sympy Permutations) to grouprep.

    Parameters
    ----------
    group : sympy.combinatorics.perm_groups.PermutationGroup or list of Permutation

    Returns
    -------
    PermutationGroup
        The same group, elements as 0-based image tuples (sympy's ``array_form``).

    Examples
    --------
    >>> from sympy.combinatorics.named_groups import SymmetricGroup
    >>> import grouprep
    >>> grouprep.from_sympy(SymmetricGroup(4)) == grouprep.symmetric(4)
    True
    """
    from sympy.combinatorics import Permutation as SymPerm
    from sympy.combinatorics import PermutationGroup as SymGroup

    if isinstance(group, SymGroup):
        return permutation_group([g.array_form for g in group.generators], degree=group.degree)
    if isinstance(group, Iterable) and not isinstance(group, str | bytes):
        items = list(group)
        if items and all(isinstance(p, SymPerm) for p in items):
            size = max(p.size for p in items)
            return permutation_group(
                [SymPerm(p.array_form, size=size).array_form for p in items], degree=size
            )
    raise GroupRepTypeError(
        "from_sympy: argument 'group' must be a sympy PermutationGroup or a non-empty list "
        f"of sympy Permutations, got {describe(group)} of type {type(group).__name__}"
    )
