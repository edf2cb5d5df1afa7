"""Orbits, stabilizers, Burnside counting, the cycle index, canonical forms (private)."""

from __future__ import annotations

import math
from collections.abc import Hashable
from fractions import Fraction
from typing import Any, Literal, NamedTuple

import numpy as np
import numpy.typing as npt

from grouprep._components import orbit_labels
from grouprep._validation import describe
from grouprep.actions import BaseAction, PermutationAction, RegularAction, SignalAction
from grouprep.errors import GroupRepTypeError, GroupRepValueError, NotFiniteError, SizeLimitError
from grouprep.groups import FiniteGroup
from grouprep.groups._base import _MAX_ENUMERATION
from grouprep.orbits._canonical import least_images
from grouprep.orbits._necklaces import _divisors, _phi

__all__ = [
    "CanonicalForms",
    "canonical_form",
    "count_orbits",
    "cycle_index",
    "orbit",
    "orbits",
    "stabilizer",
]


def _check_action(action: Any, where: str, finite: bool = False) -> BaseAction:
    """``action`` as a grouprep action (TypeError), finite when asked (NotFiniteError)."""
    if not isinstance(action, BaseAction):
        raise GroupRepTypeError(
            f"{where}: argument 'action' must be a grouprep action (e.g. shift_action(8, "
            f"alphabet=2)), got {describe(action)} of type {type(action).__name__}"
        )
    if finite and not action.is_finite:
        raise NotFiniteError(
            f"{where}: argument 'action' must act on a finite set of points, got {action!r}; "
            "give the signal action an alphabet, e.g. shift_action(n, alphabet=2)"
        )
    return action


def _as_point(action: BaseAction, x: Any, where: str) -> Hashable:
    if isinstance(action, SignalAction):
        arr = action._check_signal(x, where, exact=True)
        if arr.shape != action.shape:
            raise GroupRepValueError(
                f"{action!r}: argument 'x' must be one signal of shape {action.shape}, "
                f"got an array of shape {arr.shape}"
            )
        return action._to_point(arr)  # type: ignore[no-any-return]
    try:
        hash(x)
    except TypeError:
        raise GroupRepTypeError(
            f"argument 'x' must be a hashable point of {action!r}, got {describe(x)}"
        ) from None
    return x  # type: ignore[no-any-return]


def _transversal(action: BaseAction, x: Hashable, where: str) -> dict[Hashable, Any]:
    """Breadth-first search from x: every point of the orbit with an element reaching it.

    An orbit has at most :math:`|G|` points; the search stops with an error beyond that
    (an action breaking its laws, or points not equal to themselves) or beyond the
    listing limit.
    """
    G = action.group
    bound = min(G.order, _MAX_ENUMERATION)
    trans: dict[Hashable, Any] = {x: G.identity}
    frontier = [x]
    while frontier:
        nxt = []
        for p in frontier:
            u = trans[p]
            for s in G.generators:
                q = action.act(s, p)
                if q not in trans:
                    trans[q] = G._compose(s, u)
                    nxt.append(q)
                    if len(trans) > bound:
                        _orbit_too_large(action, where, G.order)
        frontier = nxt
    return trans


def _orbit_too_large(action: BaseAction, where: str, order: int) -> None:
    if order > _MAX_ENUMERATION:
        raise SizeLimitError(
            f"{where}: the orbit under {action!r} has more than {_MAX_ENUMERATION} points, the "
            "limit grouprep lists one by one"
        )
    raise GroupRepValueError(
        f"{where}: the search found more than |G| = {order} points in one orbit of "
        f"{action!r}, which a group action cannot have: 'act' breaks the action laws or "
        "returns points not equal to themselves (such as NaN); see check_action"
    )


def orbit(action: BaseAction, x: Any) -> tuple[Any, ...]:
    """The orbit :math:`G \\cdot x = \\{g \\cdot x : g \\in G\\}` of one point.

    Found by breadth-first search along the generators, :math:`O(|G x| \\cdot |S|)` actions.

    Parameters
    ----------
    action : action
        A grouprep action.
    x : point
        A point (for a signal action, one signal: array or tuple).

    Returns
    -------
    tuple
        The points of the orbit, sorted (signals as tuples).

    Examples
    --------
    >>> import grouprep
    >>> grouprep.orbit(grouprep.shift_action(3, alphabet=2), (1, 0, 1))
    ((0, 1, 1), (1, 0, 1), (1, 1, 0))
    """
    action = _check_action(action, "orbit")
    pts = _transversal(action, _as_point(action, x, "orbit"), "orbit")
    try:
        return tuple(sorted(pts))
    except TypeError:  # points without an order keep the search order
        return tuple(pts)


def _point_permutations(action: BaseAction) -> list[npt.NDArray[np.intp]]:
    """How each generator permutes the point indices, vectorized where possible."""
    G = action.group
    if isinstance(action, SignalAction):
        P = action.points_array().reshape(action.num_points, action.num_sites)
        k = action.alphabet or 1
        weights = k ** np.arange(action.num_sites - 1, -1, -1, dtype=np.int64)
        return [(P[:, action._gather(s)] @ weights).astype(np.intp) for s in G.generators]
    if isinstance(action, PermutationAction):
        return [np.array(G._as_permutation(s), dtype=np.intp) for s in G.generators]
    return [np.array(action.permutation(s), dtype=np.intp) for s in G.generators]


def orbit_labels_of(action: BaseAction) -> npt.NDArray[np.intp]:
    """For each point index, the index of the least point of its orbit."""
    return orbit_labels(_point_permutations(action), action.num_points)


def orbits(action: BaseAction) -> tuple[tuple[Any, ...], ...]:
    """The orbits of a finite action: the partition of ``action.points()``.

    Computed on point indices: each generator becomes an index permutation (one NumPy
    gather for signal actions), then orbit labels by min-label propagation.

    Returns
    -------
    tuple of tuples
        One tuple per orbit, its points in the order of ``points()``; orbits ordered by
        their first point.

    Raises
    ------
    GroupRepValueError
        If the action has no finite set of points.

    Examples
    --------
    >>> import grouprep
    >>> [o[0] for o in grouprep.orbits(grouprep.shift_action(4, alphabet=2))]
    [(0, 0, 0, 0), (0, 0, 0, 1), (0, 0, 1, 1), (0, 1, 0, 1), (0, 1, 1, 1), (1, 1, 1, 1)]
    """
    action = _check_action(action, "orbits", finite=True)
    pts = action.points()
    labels = orbit_labels_of(action)
    order = np.argsort(labels, kind="stable")
    cuts = np.flatnonzero(np.diff(labels[order])) + 1
    groups = np.split(order, cuts)
    return tuple(tuple(pts[i] for i in grp) for grp in groups)


def stabilizer(action: BaseAction, x: Any) -> FiniteGroup[Any]:
    """The stabilizer :math:`G_x = \\{g \\in G : g \\cdot x = x\\}`, a subgroup.

    Generated by Schreier's generators :math:`u_{s p}^{-1}\\, s\\, u_p` over the orbit
    points p and generators s, where :math:`u_p \\cdot x = p`; no enumeration of G.
    By the orbit–stabilizer theorem :math:`|G \\cdot x| \\cdot |G_x| = |G|`.

    Examples
    --------
    >>> import grouprep
    >>> H = grouprep.stabilizer(grouprep.shift_action(6, alphabet=2), (1, 0, 1, 0, 1, 0))
    >>> sorted(H)
    [0, 2, 4]
    """
    action = _check_action(action, "stabilizer")
    G = action.group
    x = _as_point(action, x, "stabilizer")
    trans = _transversal(action, x, "stabilizer")
    gens: dict[Any, None] = {}
    for p, u in trans.items():
        for s in G.generators:
            q = action.act(s, p)
            schreier = G._compose(G._inverse(trans[q]), G._compose(s, u))
            if schreier != G.identity:
                gens[schreier] = None
    return G._subgroup(tuple(gens))


def _cycle_count(perm: npt.NDArray[np.intp] | tuple[int, ...]) -> int:
    """Number of cycles of a permutation, by pointer doubling in NumPy.

    After step k, ``low[i]`` is the least point among the first 2**k points of the cycle
    of i; once 2**k reaches the length n, each cycle's least point is its own ``low``.
    """
    step = np.asarray(perm, dtype=np.intp)
    n = len(step)
    low = np.arange(n, dtype=np.intp)
    reach = 1
    while reach < n:
        low = np.minimum(low, low[step])
        step = step[step]
        reach *= 2
    return int(np.count_nonzero(low == np.arange(n)))


def _cycle_type_counts(perm: tuple[int, ...] | list[int]) -> dict[int, int]:
    seen = [False] * len(perm)
    counts: dict[int, int] = {}
    for i in range(len(perm)):
        if not seen[i]:
            length, j = 0, i
            while not seen[j]:
                seen[j] = True
                j = perm[j]
                length += 1
            counts[length] = counts.get(length, 0) + 1
    return counts


def _fixed_points(action: BaseAction, g: Any) -> int:
    G = action.group
    if isinstance(action, SignalAction):
        # a signal is fixed iff it is constant on every cycle of the site permutation
        return int((action.alphabet or 0) ** _cycle_count(action._gather(g)))
    if isinstance(action, PermutationAction):
        return sum(1 for i, v in enumerate(G._as_permutation(g)) if i == v)
    if isinstance(action, RegularAction):
        return G.order if g == G.identity else 0
    return sum(1 for p in action.points() if action.act(g, p) == p)


def count_orbits(action: BaseAction) -> int:
    """The number of orbits, by Burnside's lemma, without listing them.

    .. math:: |X / G| = \\frac{1}{|G|} \\sum_{g \\in G} |X^g|
              = \\frac{1}{|G|} \\sum_{C} |C|\\, |X^{g_C}|,

    summed over conjugacy classes C with representatives :math:`g_C`. For a signal action
    on k symbols :math:`|X^g| = k^{c(g)}` with c(g) the number of cycles of g on the
    sites, so no signal is listed: ``count_orbits(shift_action(1000, alphabet=2))`` takes
    a fraction of a second.

    Examples
    --------
    >>> import grouprep
    >>> grouprep.count_orbits(grouprep.shift_action(6, alphabet=2))  # OEIS A000031
    14
    >>> grouprep.count_orbits(grouprep.dihedral_action(6, alphabet=2))  # OEIS A000029
    13
    """
    action = _check_action(action, "count_orbits", finite=True)
    G = action.group
    total = sum(c.size * _fixed_points(action, c.representative) for c in G.conjugacy_classes())
    count, rem = divmod(total, G.order)
    if rem:  # impossible for a lawful action
        raise GroupRepValueError(
            f"count_orbits: Burnside's sum for {action!r} is not divisible by |G|; "
            "the action breaks the action axioms (see check_action)"
        )
    return count


CycleTypes = dict[tuple[tuple[int, int], ...], Fraction]
"""Cycle types (sorted ``(length, count)`` pairs) and the fraction of the group having each."""


def cycle_index(group: FiniteGroup[Any] | BaseAction) -> Any:
    """The Pólya cycle index of a group's permutation action, as a sympy expression.

    .. math:: Z(G) = \\frac{1}{|G|} \\sum_{g \\in G} \\prod_i a_i^{c_i(g)},

    where :math:`c_i(g)` counts the cycles of length i of g. Substituting k for every
    :math:`a_i` counts k-colourings up to G.

    No group is listed. Families use their closed forms: for :math:`S_n` the sum over the
    partitions :math:`\\lambda = 1^{m_1} 2^{m_2} \\cdots` of n,

    .. math:: Z(S_n) = \\sum_{\\lambda \\vdash n} \\prod_k
              \\frac{a_k^{m_k}}{k^{m_k}\\, m_k!},

    for :math:`A_n` twice the even part of that sum, for :math:`\\mathbb{Z}_n`
    :math:`\\frac1n \\sum_{d \\mid n} \\varphi(d)\\, a_d^{n/d}`, for :math:`D_n` that plus
    the reflections, and for a direct product (acting on the disjoint union of its factors'
    points) the product of the factors' cycle indices. Other groups and actions are summed
    over conjugacy classes, one cycle type per class.

    Parameters
    ----------
    group : FiniteGroup or finite action
        A group (its natural action on ``0 .. degree-1``) or a finite action (on its points).

    Returns
    -------
    sympy.Expr
        A polynomial in the symbols ``a1, a2, ...`` with rational coefficients.

    Raises
    ------
    SizeLimitError
        If the sum would need more than two million terms or conjugacy classes.

    Examples
    --------
    >>> import grouprep
    >>> Z = grouprep.cycle_index(grouprep.cyclic(4))
    >>> Z
    a1**4/4 + a2**2/4 + a4/2
    >>> Z.subs({s: 2 for s in Z.free_symbols})  # binary necklaces of length 4
    6
    >>> grouprep.cycle_index(grouprep.symmetric(3))
    a1**3/6 + a1*a2/2 + a3/3
    """
    if isinstance(group, FiniteGroup):
        terms = _group_cycle_types(group)
    elif isinstance(group, BaseAction):
        action = _check_action(group, "cycle_index", finite=True)
        if isinstance(action, PermutationAction):
            terms = _group_cycle_types(action.group)
        elif isinstance(action, RegularAction):
            terms = _regular_cycle_types(action.group)
        else:
            terms = _class_cycle_types(action.group, action.permutation)
    else:
        raise GroupRepTypeError(
            "cycle_index: argument 'group' must be a grouprep FiniteGroup or finite action, "
            f"got {describe(group)} of type {type(group).__name__}"
        )
    return _as_polynomial(terms)


def _as_polynomial(terms: CycleTypes) -> Any:
    import sympy

    symbols: dict[int, Any] = {}
    parts = []
    for key, coeff in terms.items():
        factors = []
        for length, count in key:
            if length not in symbols:
                symbols[length] = sympy.Symbol(f"a{length}")
            factors.append(sympy.Pow(symbols[length], count))
        parts.append(sympy.Mul(sympy.Rational(coeff.numerator, coeff.denominator), *factors))
    return sympy.Add(*parts)  # one call: adding term by term is quadratic in sympy


def _key(counts: dict[int, int]) -> tuple[tuple[int, int], ...]:
    return tuple(sorted((k, m) for k, m in counts.items() if m))


def _group_cycle_types(G: FiniteGroup[Any]) -> CycleTypes:
    """Cycle types of the natural action on ``0 .. degree-1``, in closed form where known."""
    from grouprep.groups import CyclicGroup, DihedralGroup, DirectProduct, PermutationGroup

    if isinstance(G, PermutationGroup) and G._family is not None:
        return _symmetric_cycle_types(G.degree, even_only=G._family[0] == "alternating")
    if isinstance(G, CyclicGroup):
        return _cyclic_cycle_types(G.n)
    if isinstance(G, DihedralGroup):
        return _dihedral_cycle_types(G.n)
    if isinstance(G, DirectProduct):
        total: CycleTypes = {(): Fraction(1)}
        for f in G.factors:  # the points of the factors are disjoint: types add up
            part = _group_cycle_types(f)
            _check_terms(len(total) * len(part))
            product: CycleTypes = {}
            for k1, c1 in total.items():
                for k2, c2 in part.items():
                    counts = dict(k1)
                    for length, m in k2:
                        counts[length] = counts.get(length, 0) + m
                    key = _key(counts)
                    product[key] = product.get(key, Fraction(0)) + c1 * c2
            total = product
        return total
    return _class_cycle_types(G, G._as_permutation)


def _check_terms(count: int) -> None:
    if count > _MAX_ENUMERATION:
        raise SizeLimitError(
            f"cycle_index: the sum has {count} terms, more than the limit of "
            f"{_MAX_ENUMERATION} grouprep lists one by one"
        )


def _class_cycle_types(G: FiniteGroup[Any], perm_of: Any) -> CycleTypes:
    """One cycle type per conjugacy class, weighted by the class size."""
    terms: CycleTypes = {}
    for c in G.conjugacy_classes():
        key = _key(_cycle_type_counts(list(perm_of(c.representative))))
        terms[key] = terms.get(key, Fraction(0)) + Fraction(c.size, G.order)
    return terms


def _regular_cycle_types(G: FiniteGroup[Any]) -> CycleTypes:
    """Left multiplication by g: |G|/ord(g) cycles of length ord(g)."""
    terms: CycleTypes = {}
    for c in G.conjugacy_classes():
        key = ((c.element_order, G.order // c.element_order),)
        terms[key] = terms.get(key, Fraction(0)) + Fraction(c.size, G.order)
    return terms


def _symmetric_cycle_types(n: int, even_only: bool) -> CycleTypes:
    """:math:`1/z_\\lambda` for every partition λ of n (twice, over even λ, for A_n)."""
    from grouprep.groups._permutation import partition_count

    _check_terms(partition_count(n))
    terms: CycleTypes = {}
    factor = 2 if even_only and n >= 2 else 1
    counts: dict[int, int] = {}

    def rec(remaining: int, largest: int, parts: int, z: int) -> None:
        if remaining == 0:
            if not even_only or (n - parts) % 2 == 0:
                terms[_key(counts)] = Fraction(factor, z)
            return
        for k in range(min(remaining, largest), 0, -1):
            m = counts.get(k, 0) + 1
            counts[k] = m
            rec(remaining - k, k, parts + 1, z * k * m)  # z_λ = Π k^{m_k} m_k!
            counts[k] = m - 1

    rec(n, n, 0, 1)
    return terms


def _cyclic_cycle_types(n: int) -> CycleTypes:
    """Rotation by g has gcd(g, n) cycles of length n/gcd: φ(d) rotations of order d."""
    return {((d, n // d),): Fraction(_phi(d), n) for d in _divisors(n)}


def _dihedral_cycle_types(n: int) -> CycleTypes:
    terms = {key: c / 2 for key, c in _cyclic_cycle_types(n).items()}
    if n % 2:  # every reflection fixes one vertex
        reflections = {_key({1: 1, 2: (n - 1) // 2}): Fraction(1, 2)}
    else:  # through two vertices, or through two edge midpoints
        reflections = {_key({1: 2, 2: (n - 2) // 2}): Fraction(1, 4)}
        key = _key({2: n // 2})
        reflections[key] = reflections.get(key, Fraction(0)) + Fraction(1, 4)
    for key, c in reflections.items():
        terms[key] = terms.get(key, Fraction(0)) + c
    return terms


class CanonicalForms(NamedTuple):
    """The result of :func:`canonical_form`.

    Attributes
    ----------
    canonical : numpy.ndarray
        The lexicographically least element of each orbit, same shape as the input.
    element : numpy.ndarray of int
        The index (``G.index``) of the group element reaching it; the smallest such index
        when several do.
    stabilizer_order : numpy.ndarray of int
        How many group elements reach it: :math:`|G_x|`. Greater than 1 exactly when the
        canonical element is reached ambiguously (the seed's Gribov ambiguity).
    """

    canonical: npt.NDArray[Any]
    element: npt.NDArray[np.int64]
    stabilizer_order: npt.NDArray[np.int64]


_CHUNK = 1 << 22

CanonicalMethod = Literal["auto", "search", "all"]
"""How :func:`canonical_form` finds the least image (the result is the same)."""


def canonical_form(
    action: SignalAction, X: npt.ArrayLike, method: CanonicalMethod = "auto"
) -> CanonicalForms:
    """The lexicographically least element of the orbit of each signal in a batch.

    .. math:: \\operatorname{can}(x) = \\min_{\\text{lex}} \\{ g \\cdot x : g \\in G \\}

    the entries of the flattened signal compared in the order ``0, 1, ..., n-1``. Every
    method gives exactly this least image, the same element and the same stabilizer
    order; they differ in speed only.

    * ``"search"``: the minimal-image search of Jefferson, Jonauskyte, Pfeiffer &
      Waldecker ("Minimal and canonical images", J. Algebra 521, 2019) along a
      stabilizer chain of the group's site permutations (base ``0 .. n-1``, from sympy's
      Schreier–Sims): level by level only the partial images whose next entry is least
      are kept, and equal partial images are merged, so G is never listed. Where the
      group permutes the sites in every possible way (:math:`S_n` on sets) the least
      image is the sorted signal; where it permutes them as :math:`A_n`, the sorted
      signal too unless the values are distinct and the sorting permutation is odd
      (then the last two entries are exchanged); where :math:`S_n` or :math:`A_n` moves
      the rows of ``(n, d)`` sets (:func:`set_action`), the same for the rows in
      lexicographic order; where it relabels the vertices of ``(m, m)`` arrays
      in every possible way (:math:`S_m` on graphs,
      :math:`(\\sigma \\cdot A)[i, j] = A[\\sigma^{-1} i, \\sigma^{-1} j]`) the rows are
      fixed one at a time by individualisation and refinement, compiled with Numba.
    * ``"all"``: every image is formed with the action's gather table and the least is
      found column by column (needs G listed; fast for small groups).
    * ``"auto"`` (default): ``"all"`` when :math:`|G| \\cdot n \\le 512`, else ``"search"``.

    For the shift action :func:`least_rotation` is faster still.

    Parameters
    ----------
    action : SignalAction
        Any signal action (shifts, dihedral, translations, lifted site actions).
    X : array_like of shape ``(..., *action.shape)``
        Real numbers or ints (no NaN).
    method : {"auto", "search", "all"}, optional

    Returns
    -------
    CanonicalForms
        ``(canonical, element, stabilizer_order)``, with
        ``canonical[i] == action.act(G.element(element[i]), X[i])``.

    Raises
    ------
    GroupRepTypeError
        If ``action`` is not a signal action or ``X`` is not real.
    GroupRepValueError
        If ``X`` has the wrong trailing shape, contains NaN, or ``method`` is unknown.
    SizeLimitError
        If the search would hold more than :math:`2^{25}` entries of partial images at
        once (signals fixed by very many elements the search cannot merge, such as
        :math:`S_{12} \\times S_{12}` on 24 sites with repeated values), or ``"all"`` is
        asked for a group too large to list.

    Examples
    --------
    >>> import grouprep
    >>> a = grouprep.dihedral_action(4)
    >>> c = grouprep.canonical_form(a, [[3, 1, 2, 0], [1, 0, 1, 0]])
    >>> c.canonical.tolist(), c.element.tolist(), c.stabilizer_order.tolist()
    ([[0, 2, 1, 3], [0, 1, 0, 1]], [7, 1], [1, 4])

    :math:`S_{20}` on sets (:math:`20!` elements) sorts, and one graph on 8 vertices
    under :math:`S_8` (a path 0-1-2, the rest isolated) gets its least adjacency matrix:

    >>> sets = grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(20)))
    >>> grouprep.canonical_form(sets, [list(range(20, 0, -1))]).canonical[0, :4].tolist()
    [1, 2, 3, 4]
    >>> import numpy as np
    >>> S8 = grouprep.symmetric(8)
    >>> pairs = lambda g: (np.asarray(g)[:, None] * 8 + np.asarray(g)[None, :]).ravel()
    >>> graphs = grouprep.SignalAction(S8, (8, 8), pairs, 2, "graphs(8)")
    >>> A = np.zeros((8, 8), dtype=int); A[0, 1] = A[1, 0] = A[1, 2] = A[2, 1] = 1
    >>> c = grouprep.canonical_form(graphs, A)
    >>> c.canonical[-3:].tolist(), int(c.stabilizer_order)  # |Aut| = 2 * 5!
    ([[0, 0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 1, 1, 0]], 240)
    """
    if method not in ("auto", "search", "all"):
        raise GroupRepValueError(
            "canonical_form: argument 'method' must be 'auto', 'search' or 'all', "
            f"got {describe(method)}"
        )
    if not isinstance(action, SignalAction):
        raise GroupRepTypeError(
            "canonical_form: argument 'action' must be a signal action (shift_action, "
            f"dihedral_action, translation_action, signal_action), got {describe(action)}"
        )
    arr = action._check_signal(X, "canonical_form", "X")
    if arr.dtype.kind not in "biuf":
        raise GroupRepTypeError(
            f"canonical_form: argument 'X' must hold real numbers or ints, got dtype {arr.dtype}"
        )
    lead = arr.shape[: arr.ndim - len(action.shape)]
    m, n = math.prod(lead), action.num_sites
    flat = arr.reshape(m, n)
    if np.issubdtype(flat.dtype, np.floating) and np.isnan(flat).any():
        raise GroupRepValueError("canonical_form: argument 'X' contains NaN, which has no order")
    if method == "auto":
        method = "all" if action.group.order * n <= _BRUTE_COST else "search"
    if method == "all":
        canonical, element, stab = _brute_least_images(action, flat)
    else:
        canonical, element, stab = least_images(action, flat)
    return CanonicalForms(canonical.reshape(arr.shape), element.reshape(lead), stab.reshape(lead))


_BRUTE_COST = 512
"""Up to this |G| times the number of sites, trying every element is as fast as a search."""


def _brute_least_images(
    action: SignalAction, flat: npt.NDArray[Any]
) -> tuple[npt.NDArray[Any], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Every image of every row, then the least column by column (small groups)."""
    m, n = flat.shape
    table = action.gather_table()
    order = table.shape[0]
    canonical = np.empty_like(flat)
    element = np.empty(m, dtype=np.int64)
    stab = np.empty(m, dtype=np.int64)
    step = max(1, _CHUNK // max(1, order * n))
    for start in range(0, m, step):
        rows = flat[start : start + step]
        images = rows[:, table]  # (rows, |G|, n)
        mask = np.ones(images.shape[:2], dtype=bool)
        for j in range(n):
            col = images[:, :, j]
            best = np.where(mask, col, col.max(initial=0)).min(axis=1, keepdims=True)
            mask &= col == best
        first = mask.argmax(axis=1)
        element[start : start + step] = first
        stab[start : start + step] = mask.sum(axis=1)
        canonical[start : start + step] = images[np.arange(len(rows)), first]
    return canonical, element, stab
