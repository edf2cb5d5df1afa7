"""Group axioms and action axioms, checked exhaustively or on seeded samples (private)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import numpy as np

from grouprep._random import RandomLike, as_generator
from grouprep._validation import check_int, describe
from grouprep.actions import BaseAction, SignalAction
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.groups import FiniteGroup
from grouprep.laws._report import LawReport, raise_if_failed

__all__ = ["assert_action", "assert_group_axioms", "check_action", "check_group_axioms"]

_BUDGET = 250_000
_DEFAULT_SAMPLES = 2_000


def _triples(
    G: FiniteGroup[Any], samples: int | None, rng: RandomLike
) -> tuple[Iterator[tuple[Any, Any, Any]], bool]:
    if samples is None and G.order**3 <= _BUDGET:
        elems = G.elements()
        return itertools.product(elems, repeat=3), True
    count = _DEFAULT_SAMPLES if samples is None else samples
    gen = as_generator(rng, "check_group_axioms")
    draws = (
        (G.random_element(gen), G.random_element(gen), G.random_element(gen)) for _ in range(count)
    )
    return draws, False


def check_group_axioms(
    G: FiniteGroup[Any], samples: int | None = None, rng: RandomLike = 0
) -> LawReport:
    """Check that a group's operations satisfy the group axioms.

    .. math:: (ab)c = a(bc), \\quad ea = ae = a, \\quad a a^{-1} = a^{-1} a = e,
              \\quad ab \\in G,

    and that the numbering is a bijection: ``element(index(a)) == a``, ``index(e) == 0``.

    Parameters
    ----------
    G : FiniteGroup
    samples : int, optional
        Number of random triples to check. By default every triple is checked when
        :math:`|G|^3 \\le 250\\,000`, and 2000 seeded random triples otherwise.
    rng : Generator, int or None
        Randomness for sampling (seed 0 by default, so runs repeat).

    Returns
    -------
    LawReport

    Examples
    --------
    >>> import grouprep
    >>> report = grouprep.check_group_axioms(grouprep.dihedral(4))
    >>> report.holds, report.checked, report.exhaustive
    (True, 512, True)
    """
    if not isinstance(G, FiniteGroup):
        raise GroupRepTypeError(
            "check_group_axioms: argument 'G' must be a grouprep FiniteGroup, "
            f"got {describe(G)} of type {type(G).__name__}"
        )
    if samples is not None:
        samples = check_int(samples, "samples", "check_group_axioms", minimum=1)
    law = f"group axioms of {G!r}"
    e = G.identity
    triples, exhaustive = _triples(G, samples, rng)

    def fail(count: int, **info: Any) -> LawReport:
        return LawReport(law, False, count, exhaustive, info)

    if G.index(e) != 0:
        return fail(0, axiom="identity has index 0", index=G.index(e))
    count = 0
    seen: set[Any] = set()
    for a, b, c in triples:
        count += 1
        ab = G._compose(a, b)
        if not G._is_element(ab):
            return fail(count, axiom="closure", a=a, b=b, ab=ab)
        if G._compose(ab, c) != G._compose(a, G._compose(b, c)):
            return fail(count, axiom="associativity", a=a, b=b, c=c)
        if a in seen:
            continue
        seen.add(a)
        if G._compose(e, a) != a or G._compose(a, e) != a:
            return fail(count, axiom="identity", a=a)
        inv = G._inverse(a)
        if G._compose(a, inv) != e or G._compose(inv, a) != e:
            return fail(count, axiom="inverse", a=a, inverse=inv)
        if G._element(G._index(a)) != a:
            return fail(count, axiom="numbering", a=a, index=G._index(a))
    return LawReport(law, True, count, exhaustive)


def assert_group_axioms(
    G: FiniteGroup[Any], samples: int | None = None, rng: RandomLike = 0
) -> LawReport:
    """Like :func:`check_group_axioms`, but raise :class:`~grouprep.LawViolation` on failure.

    Examples
    --------
    >>> import grouprep
    >>> _ = grouprep.assert_group_axioms(grouprep.symmetric(3))
    """
    __tracebackhide__ = True
    return raise_if_failed(check_group_axioms(G, samples, rng))


def _same(a: Any, b: Any) -> tuple[bool, float | None]:
    """Exact comparison for discrete values, relative tolerance for floating arrays."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        x, y = np.asarray(a), np.asarray(b)
        if x.shape != y.shape:
            return False, None
        if x.dtype.kind in "fc" or y.dtype.kind in "fc":
            err = float(np.max(np.abs(x - y), initial=0.0))
            scale = float(max(np.max(np.abs(x), initial=0.0), np.max(np.abs(y), initial=0.0)))
            return err <= 1e-12 * max(scale, 1.0) * 8, err
        return bool(np.array_equal(x, y)), None
    try:
        return bool(a == b), None
    except (TypeError, ValueError):
        return False, None


def check_action(
    action: Any,
    samples: Any = None,
    rng: RandomLike = 0,
) -> LawReport:
    """Check the axioms of a left action.

    .. math:: e \\cdot x = x, \\qquad (gh) \\cdot x = g \\cdot (h \\cdot x)

    and, for a finite action, that :math:`g \\cdot x` is again one of its points.

    Parameters
    ----------
    action : Action
        Any object with ``group`` and ``act(g, x)``.
    samples : array_like or sequence of points, optional
        The points to check. By default: every point of a finite action when
        :math:`|G|^2 \\cdot |X| \\le 250\\,000` (otherwise 200 sampled points and
        sampled pairs), and 16 standard-normal signals for a real-valued signal action.
        For a signal action an array of shape ``(m, *shape)`` is checked as one batch.
    rng : Generator, int or None
        Randomness for sampling (seed 0 by default).

    Returns
    -------
    LawReport

    Raises
    ------
    GroupRepTypeError
        If ``action`` has no ``group``/``act``.
    GroupRepValueError
        If no samples are given for an action without a finite point set.

    Examples
    --------
    >>> import grouprep
    >>> grouprep.check_action(grouprep.shift_action(6, alphabet=2)).holds
    True
    >>> bad = grouprep.action_from_function(grouprep.cyclic(3), lambda g, x: (x + 1) % 3,
    ...                                     points=[0, 1, 2])
    >>> report = grouprep.check_action(bad)
    >>> report.holds, report.counterexample["axiom"]
    (False, 'identity')
    """
    if not (hasattr(action, "group") and callable(getattr(action, "act", None))):
        raise GroupRepTypeError(
            "check_action: argument 'action' must have a 'group' and an 'act(g, x)' method, "
            f"got {describe(action)} of type {type(action).__name__}"
        )
    G: FiniteGroup[Any] = action.group
    gen = as_generator(rng, "check_action")
    law = f"action axioms of {action!r}"
    finite = isinstance(action, BaseAction) and action.is_finite
    point_set: set[Any] | None = None

    if samples is None:
        if finite:
            pts = list(action.points())
            point_set = set(pts)
            exhaustive = G.order**2 * len(pts) <= _BUDGET
            if not exhaustive and len(pts) > 200:
                pts = [pts[i] for i in gen.choice(len(pts), size=200, replace=False)]
            batch: Any = pts
        elif isinstance(action, SignalAction):
            batch = gen.standard_normal((16, *action.shape))
            exhaustive = G.order**2 <= _BUDGET
        else:
            raise GroupRepValueError(
                f"check_action: {action!r} has no finite set of points, so argument "
                "'samples' is required"
            )
    else:
        batch = samples
        exhaustive = G.order**2 <= _BUDGET
    vectorized = isinstance(action, SignalAction) and isinstance(batch, np.ndarray)
    if vectorized:
        batch = np.asarray(batch)
    items: list[Any] = [batch] if vectorized else list(batch)
    if exhaustive:
        elems = G.elements()
        pairs: Any = itertools.product(elems, repeat=2)
    else:
        pairs = [(G.random_element(gen), G.random_element(gen)) for _ in range(500)]

    def fail(count: int, err: float | None, **info: Any) -> LawReport:
        return LawReport(law, False, count, exhaustive, info, err)

    count, worst = 0, None
    e = G.identity
    for x in items:
        ok, err = _same(action.act(e, x), x)
        count += 1
        if not ok:
            return fail(count, err, axiom="identity", x=x, image=action.act(e, x))
    for g, h in pairs:
        gh = G._compose(g, h)
        for x in items:
            count += 1
            left = action.act(gh, x)
            right = action.act(g, action.act(h, x))
            ok, err = _same(left, right)
            if err is not None:
                worst = err if worst is None else max(worst, err)
            if not ok:
                return fail(count, err, axiom="compatibility", g=g, h=h, x=x)
            if point_set is not None and left not in point_set:
                return fail(count, err, axiom="closure", g=gh, x=x, image=left)
    return LawReport(law, True, count * (len(batch) if vectorized else 1), exhaustive, None, worst)


def assert_action(action: Any, samples: Any = None, rng: RandomLike = 0) -> LawReport:
    """Like :func:`check_action`, but raise :class:`~grouprep.LawViolation` on failure.

    Examples
    --------
    >>> import grouprep
    >>> _ = grouprep.assert_action(grouprep.dihedral_action(5, alphabet=2))
    """
    __tracebackhide__ = True
    return raise_if_failed(check_action(action, samples, rng))
