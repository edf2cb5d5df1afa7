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
from grouprep.laws._numeric import Tolerance, compare
from grouprep.laws._report import LawReport, raise_if_failed

__all__ = ["assert_action", "assert_group_axioms", "check_action", "check_group_axioms"]

_BUDGET = 250_000
_DEFAULT_SAMPLES = 2_000


def _triples(
    G: FiniteGroup[Any], samples: int | None, gen: np.random.Generator
) -> tuple[Iterator[tuple[Any, Any, Any]], bool]:
    if samples is None and G.order**3 <= _BUDGET:
        elems = G.elements()
        return itertools.product(elems, repeat=3), True
    count = _DEFAULT_SAMPLES if samples is None else samples
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
    gen = as_generator(rng, "check_group_axioms")
    law = f"group axioms of {G!r}"
    e = G.identity
    triples, exhaustive = _triples(G, samples, gen)

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


def _same(a: Any, b: Any, tol: Tolerance, batch: bool) -> tuple[bool, float | None, str]:
    """Exact comparison for discrete values; floating arrays by the criterion of
    :func:`~grouprep.laws.check_invariant`, each row of a batch (or a whole single
    point) on its own scale, a non-finite value failing. Returns (same, error, reason)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        x, y = np.asarray(a), np.asarray(b)
        if x.shape != y.shape:
            return False, None, f"shapes {x.shape} and {y.shape} differ"
        if (x.dtype.kind in "fc" or y.dtype.kind in "fc") and (
            x.dtype.kind in "biufc" and y.dtype.kind in "biufc"
        ):
            rows = batch and x.ndim > 0 and len(x) > 0
            c = compare(x if rows else x[None], y if rows else y[None], tol, "check_action")
            if not c.bad.any():
                return True, c.max_error, ""
            if not c.finite.all():
                return False, c.max_error, "a value is not finite (NaN or inf)"
            return False, c.max_error, "the two sides differ beyond the tolerance"
        return bool(np.array_equal(x, y)), None, ""
    try:
        return bool(a == b), None, ""
    except (TypeError, ValueError):
        return False, None, ""


def _refuse_non_finite(x: Any, what: str) -> None:
    """Refuse a sample point with a NaN or inf (those break ``==`` and every law)."""
    try:
        arr = np.asarray(x)
    except (ValueError, TypeError):  # ragged or exotic points: compared as they are
        return
    if arr.dtype.kind in "fc" and not np.isfinite(arr).all():
        raise GroupRepValueError(
            f"check_action: argument 'samples' contains NaN or inf ({what}); samples must "
            "be finite"
        )


def _given_samples(action: Any, samples: Any) -> tuple[Any, bool]:
    """The user's samples as one batch array (vectorized) or a list of points."""
    if isinstance(samples, (str, bytes)) or not hasattr(samples, "__iter__"):
        raise GroupRepTypeError(
            "check_action: argument 'samples' must be an array of shape (m, *shape) or a "
            f"sequence of points, got {describe(samples)} of type {type(samples).__name__}"
        )
    if isinstance(action, SignalAction) and isinstance(samples, np.ndarray):
        if samples.ndim == 0 or len(samples) == 0:
            raise GroupRepValueError(
                "check_action: argument 'samples' must be a non-empty batch, got an array "
                f"of shape {samples.shape}"
            )
        _refuse_non_finite(samples, "in the batch")
        return samples, True
    points = list(samples)
    if not points:
        raise GroupRepValueError(
            "check_action: argument 'samples' must hold at least one point, "
            f"got {describe(samples)}"
        )
    for i, x in enumerate(points):
        _refuse_non_finite(x, f"point {i}")
    return points, False


def check_action(
    action: Any,
    samples: Any = None,
    rng: RandomLike = 0,
    *,
    rtol: float = 1e-11,
    atol: float = 1e-12,
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
    rtol : float, default 1e-11
        Relative tolerance for floating-point images, in ``[0, 1)``.
    atol : float, default 1e-12
        Absolute tolerance, ``>= 0``: the floor for values near zero.

    Returns
    -------
    LawReport
        Discrete points are compared exactly. Floating-point images are compared by the
        criterion of :func:`check_invariant`: every entry within
        :math:`\\mathrm{atol} + \\mathrm{rtol} \\max(|L|, |R|, 10^{-3} s)`, with
        :math:`s` the largest value of that signal (each row of a batch on its own
        scale), and a NaN or inf image fails (``max_error`` inf, the counterexample's
        ``reason`` says so).

    Raises
    ------
    GroupRepTypeError
        If ``action`` has no ``group``/``act``, ``samples`` is not an array or a
        sequence of points, or a tolerance or ``rng`` has the wrong type.
    GroupRepValueError
        If no samples are given for an action without a finite point set, ``samples``
        is empty or contains NaN or inf, or a tolerance is out of range.

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
    tol = Tolerance.of(rtol, atol, "check_action")
    law = f"action axioms of {action!r}"
    finite = isinstance(action, BaseAction) and action.is_finite
    point_set: set[Any] | None = None

    if samples is None:
        if finite:
            pts = list(action.points())
            exhaustive = G.order**2 * len(pts) <= _BUDGET
            if not exhaustive and len(pts) > 200:
                pts = [pts[i] for i in gen.choice(len(pts), size=200, replace=False)]
            batch: Any = pts
            if isinstance(action, SignalAction):  # one batch; its points are all signals
                batch = np.array(pts, dtype=np.int64).reshape(len(pts), *action.shape)
            else:
                point_set = set(action.points())
        elif isinstance(action, SignalAction):
            batch = gen.standard_normal((16, *action.shape))
            exhaustive = G.order**2 <= _BUDGET
        else:
            raise GroupRepValueError(
                f"check_action: {action!r} has no finite set of points, so argument "
                "'samples' is required"
            )
    else:
        batch, _ = _given_samples(action, samples)
        exhaustive = G.order**2 <= _BUDGET
    vectorized = isinstance(action, SignalAction) and isinstance(batch, np.ndarray)
    items: list[Any] = [batch] if vectorized else list(batch)
    if exhaustive:
        elems = G.elements()
        pairs: Any = itertools.product(elems, repeat=2)
    else:
        pairs = [(G.random_element(gen), G.random_element(gen)) for _ in range(500)]

    def fail(count: int, err: float | None, why: str, **info: Any) -> LawReport:
        if why:
            info["reason"] = why
        return LawReport(law, False, count, exhaustive, info, err)

    count, worst = 0, None
    e = G.identity
    for x in items:
        image = action.act(e, x)
        ok, err, why = _same(image, x, tol, vectorized)
        count += 1
        if not ok:
            return fail(count, err, why, axiom="identity", x=x, image=image)
    for g, h in pairs:
        gh = G._compose(g, h)
        for x in items:
            count += 1
            left = action.act(gh, x)
            right = action.act(g, action.act(h, x))
            ok, err, why = _same(left, right, tol, vectorized)
            if err is not None:
                worst = err if worst is None else max(worst, err)
            if not ok:
                return fail(count, err, why, axiom="compatibility", g=g, h=h, x=x)
            if point_set is not None and left not in point_set:
                return fail(count, err, "", axiom="closure", g=gh, x=x, image=left)
            if finite and vectorized and not _in_alphabet(left, action.alphabet):
                return fail(count, err, "", axiom="closure", g=gh, x=x, image=left)
    return LawReport(law, True, count * (len(batch) if vectorized else 1), exhaustive, None, worst)


def _in_alphabet(images: Any, alphabet: int) -> bool:
    """Whether a batch of images are signals over ``0 .. alphabet-1`` (the points)."""
    arr = np.asarray(images)
    if arr.dtype.kind not in "iub" and (
        arr.dtype.kind != "f" or not np.all(np.isfinite(arr)) or np.any(arr != np.round(arr))
    ):
        return False
    return bool(arr.size == 0 or (arr.min() >= 0 and arr.max() < alphabet))


def assert_action(action: Any, samples: Any = None, rng: RandomLike = 0, **kw: Any) -> LawReport:
    """Like :func:`check_action`, but raise :class:`~grouprep.LawViolation` on failure.

    Examples
    --------
    >>> import grouprep
    >>> _ = grouprep.assert_action(grouprep.dihedral_action(5, alphabet=2))
    """
    __tracebackhide__ = True
    return raise_if_failed(check_action(action, samples, rng, **kw))
