"""Numeric law checks on data: invariance, equivariance, the functor law (private)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._random import RandomLike, as_generator
from grouprep._validation import describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.groups import FiniteGroup
from grouprep.laws._report import LawReport, raise_if_failed
from grouprep.reps import Representation

__all__ = [
    "assert_equivariant",
    "assert_functor",
    "assert_invariant",
    "check_equivariant",
    "check_functor",
    "check_invariant",
]

_MAX_ELEMENTS = 256


def _elements(group: FiniteGroup[Any], rng: RandomLike, where: str) -> tuple[list[Any], bool]:
    if group.order <= _MAX_ELEMENTS:
        return list(group.elements()), True
    gen = as_generator(rng, where)
    chosen = list(group.generators) + [group.random_element(gen) for _ in range(_MAX_ELEMENTS)]
    return chosen, False


def _call(f: Callable[[Any], Any], X: Any, where: str, expected_rows: int) -> npt.NDArray[Any]:
    out = np.asarray(f(X))
    if out.ndim == 0 or out.shape[0] != expected_rows:
        raise GroupRepValueError(
            f"{where}: argument 'f' must map a batch of {expected_rows} inputs to an array with "
            f"one row per input, got shape {out.shape}"
        )
    return out


def _act_out(action_out: Any, g: Any, Y: npt.NDArray[Any]) -> npt.NDArray[Any]:
    if isinstance(action_out, Representation):
        M = action_out.numeric(g)
        flat = Y.reshape(Y.shape[0], -1)
        if flat.shape[1] != action_out.dim:
            raise GroupRepValueError(
                f"check_equivariant: outputs of size {flat.shape[1]} cannot be acted on by a "
                f"representation of dimension {action_out.dim}"
            )
        return np.asarray(flat @ M.T).reshape(Y.shape)
    return np.asarray(action_out.act(g, Y))


def _deviation(
    a: npt.NDArray[Any], b: npt.NDArray[Any], rtol: float
) -> tuple[npt.NDArray[np.float64], float]:
    diff = np.abs(a.astype(np.complex128) - b).reshape(a.shape[0], -1).max(axis=1, initial=0.0)
    scale = max(float(np.abs(a).max(initial=0.0)), float(np.abs(b).max(initial=0.0)), 1.0)
    return diff, rtol * scale


Pair = tuple[npt.NDArray[Any], npt.NDArray[Any]]
Sides = Callable[[Any, npt.NDArray[Any], npt.NDArray[Any]], Pair]

_SHRINK_ROUNDS = 64


def _worst_case(
    law: str,
    elements: list[Any],
    generators: tuple[Any, ...],
    exhaustive: bool,
    X: npt.NDArray[Any],
    values: Callable[[npt.NDArray[Any]], npt.NDArray[Any]],
    sides: Sides,
    names: tuple[str, str],
    rtol: float,
) -> LawReport:
    """Compare the two sides of a law for every element; report the worst sample.

    ``values(X)`` is f on a batch, ``sides(g, X, f(X))`` the two sides of the law. On
    failure the counterexample also carries a shrunk one (see :func:`_shrink`).
    """
    base = values(X)
    worst, info, tol_used = -1.0, None, 0.0
    for g in elements:
        left, right = sides(g, X, base)
        dev, tol = _deviation(left, right, rtol)
        i = int(dev.argmax())
        if dev[i] > worst:
            worst, tol_used = float(dev[i]), tol
            info = {"g": g, "index": i, "x": X[i], names[0]: left[i], names[1]: right[i]}
    holds = worst <= tol_used
    if not holds and info is not None:
        shrunk = _shrink(info["g"], info["x"], generators, values, sides, names, rtol)
        if shrunk is not None:
            info["shrunk"] = shrunk
    return LawReport(
        law, holds, len(elements) * len(X), exhaustive, None if holds else info, worst
    )


def _failing(
    g: Any,
    batch: npt.NDArray[Any],
    values: Callable[[npt.NDArray[Any]], npt.NDArray[Any]],
    sides: Sides,
    rtol: float,
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[Any], npt.NDArray[Any]]:
    """Which rows of the batch break the law for g, each with its own tolerance."""
    left, right = sides(g, batch, values(batch))
    a = np.abs(left.astype(np.complex128) - right).reshape(len(batch), -1)
    scale = np.maximum(
        np.abs(left).reshape(len(batch), -1).max(axis=1, initial=0.0),
        np.abs(right).reshape(len(batch), -1).max(axis=1, initial=0.0),
    )
    bad = a.max(axis=1, initial=0.0) > rtol * np.maximum(scale, 1.0)
    return bad, left, right


def _shrink(
    g: Any,
    x: npt.NDArray[Any],
    generators: tuple[Any, ...],
    values: Callable[[npt.NDArray[Any]], npt.NDArray[Any]],
    sides: Sides,
    names: tuple[str, str],
    rtol: float,
) -> dict[str, Any] | None:
    """A simpler failing instance: a generator instead of g, then x with fewer, rounder
    entries (greedy: zero one entry, round all entries, replace all by their signs; keep
    the first candidate that still fails, until none does)."""
    x = np.asarray(x)
    batch = x[None]
    for s in generators:  # a generator that already fails on x
        if _failing(s, batch, values, sides, rtol)[0][0]:
            g = s
            break
    if not _failing(g, batch, values, sides, rtol)[0][0]:
        return None
    flat = x.reshape(-1)
    for _ in range(_SHRINK_ROUNDS):
        candidates = []
        for i in np.flatnonzero(flat):
            c = flat.copy()
            c[i] = 0
            candidates.append(c)
        if flat.dtype.kind in "fc":
            for c in (np.round(flat), np.sign(flat)):
                if not np.array_equal(c, flat):
                    candidates.append(c.astype(flat.dtype))
        if not candidates:
            break
        trial = np.stack(candidates).reshape((len(candidates), *x.shape))
        try:
            bad = _failing(g, trial, values, sides, rtol)[0]
        except (ValueError, TypeError, ArithmeticError):  # f rejects the candidates
            break
        hits = np.flatnonzero(bad)
        if not len(hits):
            break
        flat = trial[hits[0]].reshape(-1)
    best = flat.reshape(x.shape)
    _, left, right = _failing(g, best[None], values, sides, rtol)
    return {"g": g, "x": best, names[0]: left[0], names[1]: right[0]}


def _check_samples(action: Any, samples: Any, where: str) -> npt.NDArray[Any]:
    if not (hasattr(action, "group") and callable(getattr(action, "act", None))):
        raise GroupRepTypeError(
            f"{where}: argument 'action' must be a grouprep action, got {describe(action)}"
        )
    X = np.asarray(samples)
    if X.ndim == 0 or X.shape[0] == 0:
        raise GroupRepValueError(f"{where}: argument 'samples' must be a non-empty batch")
    if X.dtype.kind in "fc" and not np.isfinite(X).all():
        raise GroupRepValueError(f"{where}: argument 'samples' contains NaN or inf")
    return X


def check_invariant(
    f: Callable[[Any], Any],
    action: Any,
    samples: Any,
    rtol: float = 1e-9,
    rng: RandomLike = 0,
) -> LawReport:
    """Check numerically that a batched function is invariant under an action.

    .. math:: f(g \\cdot x) = f(x) \\quad \\text{for all } g \\in G,\\ x \\in \\text{samples}

    up to ``rtol`` times the magnitude of the values. All group elements are tried for
    groups of order up to 256, otherwise the generators and 256 seeded random elements.

    Parameters
    ----------
    f : callable
        Maps a batch ``(m, ...)`` to an array with one row per input.
    action : action
        How the group acts on the inputs (``act(g, X)`` on a batch).
    samples : array_like
        A batch of inputs.

    Returns
    -------
    LawReport
        The counterexample names the worst group element and sample index and, under
        ``"shrunk"``, a simpler failing instance when one exists: a generator in place
        of the element, an input with fewer and rounder entries.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> power = lambda X: np.abs(np.fft.fft(X, axis=-1)) ** 2
    >>> X = np.random.default_rng(0).standard_normal((10, 8))
    >>> grouprep.check_invariant(power, grouprep.shift_action(8), X).holds
    True
    >>> grouprep.check_invariant(lambda X: X[:, :2], grouprep.shift_action(8), X).holds
    False
    """
    X = _check_samples(action, samples, "check_invariant")
    if not callable(f):
        raise GroupRepTypeError(
            f"check_invariant: argument 'f' must be callable, got {describe(f)}"
        )
    elements, exhaustive = _elements(action.group, rng, "check_invariant")

    def values(B: npt.NDArray[Any]) -> npt.NDArray[Any]:
        return _call(f, B, "check_invariant", len(B))

    def sides(
        g: Any, B: npt.NDArray[Any], base: npt.NDArray[Any]
    ) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        moved = _call(f, action.act(g, B), "check_invariant", len(B))
        if moved.shape != base.shape:
            raise GroupRepValueError(
                "check_invariant: f changed its output shape under the action"
            )
        return moved, base

    return _worst_case(
        f"invariance under {action!r}",
        elements,
        action.group.generators,
        exhaustive,
        X,
        values,
        sides,
        ("f(g.x)", "f(x)"),
        rtol,
    )


def check_equivariant(
    f: Callable[[Any], Any],
    action_in: Any,
    action_out: Any,
    samples: Any,
    rtol: float = 1e-9,
    rng: RandomLike = 0,
) -> LawReport:
    """Check numerically that a batched function is equivariant (covariant).

    .. math:: f(g \\cdot x) = g \\cdot f(x)

    where the group acts on outputs through ``action_out``: an action, or a
    :class:`~grouprep.reps.Representation` acting on flattened outputs by its matrices.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> kernel = np.array([1.0, -2.0, 0.5, 0.0, 0.0, 0.0])
    >>> conv = lambda X: np.real(np.fft.ifft(np.fft.fft(X, axis=-1) * np.fft.fft(kernel)))
    >>> X = np.random.default_rng(0).standard_normal((5, 6))
    >>> shift = grouprep.shift_action(6)
    >>> grouprep.check_equivariant(conv, shift, shift, X).holds
    True
    """
    X = _check_samples(action_in, samples, "check_equivariant")
    if not callable(f):
        raise GroupRepTypeError(
            f"check_equivariant: argument 'f' must be callable, got {describe(f)}"
        )
    group = action_in.group
    out_group = action_out.group if hasattr(action_out, "group") else None
    if out_group != group:
        raise GroupRepValueError(
            "check_equivariant: 'action_in' and 'action_out' must be of the same group, "
            f"got {group!r} and {out_group!r}"
        )
    elements, exhaustive = _elements(group, rng, "check_equivariant")

    def values(B: npt.NDArray[Any]) -> npt.NDArray[Any]:
        return _call(f, B, "check_equivariant", len(B))

    def sides(
        g: Any, B: npt.NDArray[Any], base: npt.NDArray[Any]
    ) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        left = _call(f, action_in.act(g, B), "check_equivariant", len(B))
        return left, _act_out(action_out, g, base)

    law = f"equivariance from {action_in!r} to {action_out!r}"
    return _worst_case(
        law,
        elements,
        group.generators,
        exhaustive,
        X,
        values,
        sides,
        ("f(g.x)", "g.f(x)"),
        rtol,
    )


def check_functor(
    G_map: Callable[[Any], Any], group: FiniteGroup[Any], rtol: float = 1e-9, rng: RandomLike = 0
) -> LawReport:
    """Check numerically that a map from group elements to matrices is a homomorphism.

    .. math:: G(e) = I, \\qquad G(ab) = G(a)\\, G(b)

    on all pairs for groups of order up to 256 (otherwise sampled pairs).

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> rotate = lambda g: np.roll(np.eye(4), g, axis=0)  # the shift as a matrix
    >>> grouprep.check_functor(rotate, grouprep.cyclic(4)).holds
    True
    >>> grouprep.check_functor(lambda g: np.eye(4) * (g + 1), grouprep.cyclic(4)).holds
    False
    """
    if not isinstance(group, FiniteGroup):
        raise GroupRepTypeError(
            "check_functor: argument 'group' must be a grouprep FiniteGroup, "
            f"got {describe(group)}"
        )
    if not callable(G_map):
        raise GroupRepTypeError(
            f"check_functor: argument 'G_map' must be callable, got {describe(G_map)}"
        )
    elements, exhaustive = _elements(group, rng, "check_functor")
    mats = {g: np.asarray(G_map(g)) for g in elements}
    shape = mats[elements[0]].shape
    if len(shape) != 2 or shape[0] != shape[1]:
        raise GroupRepValueError(
            f"check_functor: argument 'G_map' must return square matrices, got shape {shape}"
        )
    law = f"functor law for {group!r}"
    e = np.asarray(G_map(group.identity))
    dev_e, tol_e = _deviation(e[None], np.eye(shape[0])[None], rtol)
    if dev_e[0] > tol_e:
        return LawReport(
            law, False, 1, exhaustive, {"law": "G(e) = I", "G(e)": e}, float(dev_e[0])
        )
    worst, info, count = 0.0, None, 1
    for a in elements:
        for b in elements:
            count += 1
            ab = group._compose(a, b)
            lhs = mats[ab] if ab in mats else np.asarray(G_map(ab))
            rhs = mats[a] @ mats[b]
            dev, tol = _deviation(lhs[None], rhs[None], rtol)
            if dev[0] > worst:
                worst = float(dev[0])
                if dev[0] > tol:
                    info = {"law": "G(ab) = G(a) G(b)", "a": a, "b": b}
    return LawReport(law, info is None, count, exhaustive, info, worst)


def assert_invariant(f: Callable[[Any], Any], action: Any, samples: Any, **kw: Any) -> LawReport:
    """Like :func:`check_invariant`, but raise :class:`~grouprep.LawViolation` on failure.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> X = np.random.default_rng(1).standard_normal((4, 5))
    >>> _ = grouprep.assert_invariant(lambda X: X.sum(axis=1), grouprep.shift_action(5), X)
    """
    __tracebackhide__ = True
    return raise_if_failed(check_invariant(f, action, samples, **kw))


def assert_equivariant(
    f: Callable[[Any], Any], action_in: Any, action_out: Any, samples: Any, **kw: Any
) -> LawReport:
    """Like :func:`check_equivariant`, but raise :class:`~grouprep.LawViolation` on failure.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> X = np.random.default_rng(1).standard_normal((4, 5))
    >>> shift = grouprep.shift_action(5)
    >>> _ = grouprep.assert_equivariant(lambda X: 2 * X, shift, shift, X)
    """
    __tracebackhide__ = True
    return raise_if_failed(check_equivariant(f, action_in, action_out, samples, **kw))


def assert_functor(G_map: Callable[[Any], Any], group: FiniteGroup[Any], **kw: Any) -> LawReport:
    """Like :func:`check_functor`, but raise :class:`~grouprep.LawViolation` on failure.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> _ = grouprep.assert_functor(lambda g: np.roll(np.eye(3), g, axis=0), grouprep.cyclic(3))
    """
    __tracebackhide__ = True
    return raise_if_failed(check_functor(G_map, group, **kw))
