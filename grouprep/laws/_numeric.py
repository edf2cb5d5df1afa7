"""Numeric law checks on data: invariance, equivariance, the functor law (private).

Every numeric comparison goes through :func:`compare`, one criterion for all checkers:
entry ``j`` of sample ``i`` passes when both sides are finite and

.. math:: |L_{ij} - R_{ij}| \\le \\mathrm{atol} + \\mathrm{rtol} \\cdot
          \\max\\bigl(|L_{ij}|,\\ |R_{ij}|,\\ 10^{-3} \\max_k \\max(|L_{ik}|, |R_{ik}|)\\bigr),

integer and boolean outputs on both sides are compared exactly, and a non-finite value
on either side fails.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._random import RandomLike, as_generator
from grouprep._validation import check_int, describe
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
SAMPLE_FLOOR = 1e-3
"""Entries smaller than this fraction of their sample's largest value are compared at
that fraction (a floor for the round-off of values that cancel to nearly zero)."""
DEFAULT_SHRINK = 200
"""How many candidate instances ``shrink=True`` evaluates at most."""
_NUMERIC = "biufc"


def check_tolerance(value: Any, name: str, where: str, below_one: bool = False) -> float:
    """``value`` as a float if it is a finite real number >= 0 (and < 1 if asked)."""
    bound = "in [0, 1)" if below_one else ">= 0"
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise GroupRepTypeError(
            f"{where}: argument {name!r} must be a finite real number {bound}, "
            f"got {describe(value)} of type {type(value).__name__}"
        )
    result = float(value)
    if not math.isfinite(result) or result < 0 or (below_one and result >= 1):
        raise GroupRepValueError(
            f"{where}: argument {name!r} must be a finite real number {bound}, "
            f"got {describe(value)}"
        )
    return result


def check_shrink(value: Any, where: str) -> int:
    """The number of candidate instances the shrinker may evaluate (0: no shrinking)."""
    if isinstance(value, bool):
        return DEFAULT_SHRINK if value else 0
    if not isinstance(value, numbers.Integral):
        raise GroupRepTypeError(
            f"{where}: argument 'shrink' must be True, False or an int >= 0 (a bound on the "
            f"instances evaluated), got {describe(value)} of type {type(value).__name__}"
        )
    return check_int(value, "shrink", where, minimum=0)


@dataclass(frozen=True)
class Tolerance:
    """The tolerances of one check, validated."""

    rtol: float
    atol: float

    @classmethod
    def of(cls, rtol: Any, atol: Any, where: str) -> Tolerance:
        return cls(
            check_tolerance(rtol, "rtol", where, below_one=True),
            check_tolerance(atol, "atol", where),
        )


@dataclass(frozen=True)
class Comparison:
    """The two sides of a law compared on a batch, row by row (one row per sample).

    Per row: ``bad`` (some entry fails), ``error`` (the largest ``|L - R|``, inf when a
    value is not finite), and for the entry that fails worst (relative to its
    tolerance): ``entry`` (flat index), ``deviation``, ``tolerance`` and ``finite`` (per
    side, shape ``(m, 2)``). ``exact``: both sides were integers, compared exactly.
    """

    bad: npt.NDArray[np.bool_]
    error: npt.NDArray[np.float64]
    ratio: npt.NDArray[np.float64]
    entry: npt.NDArray[np.intp]
    deviation: npt.NDArray[np.float64]
    tolerance: npt.NDArray[np.float64]
    finite: npt.NDArray[np.bool_]
    exact: bool

    @property
    def max_error(self) -> float:
        return float(self.error.max(initial=0.0))


def _numeric(a: npt.NDArray[Any], name: str, where: str) -> npt.NDArray[Any]:
    if a.dtype.kind not in _NUMERIC:
        raise GroupRepTypeError(
            f"{where}: {name} must be numbers (bool, int, float or complex), "
            f"got an array of dtype {a.dtype}"
        )
    return a.astype(np.int8) if a.dtype.kind == "b" else a


def compare(
    left: npt.NDArray[Any],
    right: npt.NDArray[Any],
    tol: Tolerance,
    where: str,
    names: tuple[str, str] = ("left side", "right side"),
) -> Comparison:
    """Compare two batches of the same shape entry by entry, each row on its own scale.

    See the module docstring for the criterion.
    """
    if left.shape != right.shape:
        raise GroupRepValueError(
            f"{where}: {names[0]} has shape {left.shape} but {names[1]} has shape "
            f"{right.shape}; they must match"
        )
    m = left.shape[0]
    a = _numeric(np.asarray(left), names[0], where).reshape(m, -1)
    b = _numeric(np.asarray(right), names[1], where).reshape(m, -1)
    exact = a.dtype.kind in "iu" and b.dtype.kind in "iu"
    with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
        if exact:
            fa = fb = np.ones(a.shape, dtype=bool)
            diff = np.abs(a.astype(np.float64) - b.astype(np.float64))
            bad_entry = a != b
            tolerance = np.zeros(a.shape)
        else:
            kind = np.complex128 if "c" in (a.dtype.kind, b.dtype.kind) else np.float64
            a, b = a.astype(kind), b.astype(kind)
            fa, fb = np.isfinite(a), np.isfinite(b)
            diff = np.abs(a - b)
            mag = np.where(fa & fb, np.maximum(np.abs(a), np.abs(b)), 0.0)
            scale = mag.max(axis=1, initial=0.0)
            tolerance = tol.atol + tol.rtol * np.maximum(mag, SAMPLE_FLOOR * scale[:, None])
            bad_entry = ~(fa & fb) | ~(diff <= tolerance) | ~np.isfinite(diff)
        finite = fa & fb
        diff = np.where(finite, diff, np.inf)
        # how far past its tolerance each entry is: inf for a non-finite value, 1e300 for
        # a difference where no difference is allowed
        ratio = np.where(tolerance > 0, diff / np.where(tolerance > 0, tolerance, 1.0), 0.0)
        ratio = np.where((tolerance == 0) & bad_entry, 1e300, ratio)
        ratio = np.where(finite, ratio, np.inf)
    if a.shape[1]:
        entry = ratio.argmax(axis=1)
    else:
        entry = np.zeros(m, dtype=np.intp)
        ratio = diff = tolerance = np.zeros((m, 1))
        fa = fb = np.ones((m, 1), dtype=bool)
    pick = (np.arange(m), entry)
    return Comparison(
        bad=bad_entry.any(axis=1),
        error=diff.max(axis=1, initial=0.0),
        ratio=ratio[pick],
        entry=entry,
        deviation=diff[pick],
        tolerance=tolerance[pick],
        finite=np.stack([fa[pick], fb[pick]], axis=1),
        exact=exact,
    )


def reason(
    c: Comparison,
    i: int,
    row_shape: tuple[int, ...],
    names: tuple[str, str],
) -> tuple[tuple[int, ...], str]:
    """Where row ``i`` fails and why, in words: the entry and a one-line reason."""
    entry = tuple(int(k) for k in np.unravel_index(int(c.entry[i]), row_shape))
    at = f" at entry {entry}" if row_shape else ""
    for side, ok in zip(names, c.finite[i], strict=True):
        if not ok:
            return entry, f"{side} is not finite (NaN or inf){at}"
    if c.exact:
        return entry, f"{names[0]} != {names[1]}{at} (integers are compared exactly)"
    return entry, (
        f"|{names[0]} - {names[1]}| = {float(c.deviation[i]):.3g}{at}, "
        f"above its tolerance {float(c.tolerance[i]):.3g}"
    )


def _elements(group: FiniteGroup[Any], gen: np.random.Generator) -> tuple[list[Any], bool]:
    if group.order <= _MAX_ELEMENTS:
        return list(group.elements()), True
    chosen = list(group.generators) + [group.random_element(gen) for _ in range(_MAX_ELEMENTS)]
    return chosen, False


def _array(value: Any, what: str, where: str) -> npt.NDArray[Any]:
    try:
        return np.asarray(value)
    except (ValueError, TypeError) as err:  # ragged nested lists
        raise GroupRepValueError(
            f"{where}: {what} must be a rectangular array, got {describe(value)} ({err})"
        ) from None


def _call(f: Callable[[Any], Any], X: Any, where: str, expected_rows: int) -> npt.NDArray[Any]:
    out = _array(f(X), "the output of argument 'f'", where)
    if out.ndim == 0 or out.shape[0] != expected_rows:
        raise GroupRepValueError(
            f"{where}: argument 'f' must map a batch of {expected_rows} inputs to an array with "
            f"one row per input, got shape {out.shape}"
        )
    return out


def _act_out(action_out: Any, g: Any, Y: npt.NDArray[Any]) -> npt.NDArray[Any]:
    if isinstance(action_out, Representation):
        M = action_out.numeric(g)
        flat = _numeric(Y, "the output of argument 'f'", "check_equivariant")
        flat = flat.reshape(Y.shape[0], -1)
        if flat.shape[1] != action_out.dim:
            raise GroupRepValueError(
                f"check_equivariant: outputs of size {flat.shape[1]} cannot be acted on by a "
                f"representation of dimension {action_out.dim}"
            )
        with np.errstate(invalid="ignore", over="ignore"):
            return np.asarray(flat @ M.T).reshape(Y.shape)
    return _array(action_out.act(g, Y), "the output of 'action_out.act'", "check_equivariant")


Pair = tuple[npt.NDArray[Any], npt.NDArray[Any]]
Sides = Callable[[Any, npt.NDArray[Any], npt.NDArray[Any], "npt.NDArray[Any] | None"], Pair]
"""``sides(g, X, f(X), moved)``: the two sides of the law at g; ``moved`` is
:math:`f(g \\cdot X)` when it was already evaluated in a stacked call, else None."""
Many = Callable[
    [list[Any], npt.NDArray[Any], npt.NDArray[Any], bool], "list[npt.NDArray[Any]] | None"
]
"""``many(gs, X, f(X), probe)``: :math:`f(g \\cdot X)` for each g in gs from one stacked
call, or None when that call does not stand for the separate ones."""

_STACK_ENTRIES = 1 << 22
"""The most input entries stacked into one call of f (32 MiB of float64): the moved
batches of several elements go through one call, since a batched model's cost is often
dominated by its per-call overhead (a forest's predict, a pipeline)."""


def _stacked_calls(
    f: Callable[[Any], Any],
    act: Callable[[Any, npt.NDArray[Any]], Any],
    tol: Tolerance,
    where: str,
) -> Many:
    """``many(gs, X, base, probe)``: :math:`[f(g \\cdot X) \\text{ for } g \\in gs]` from
    one call of f on the stacked inputs, split back by rows.

    None when the stacked call is not what one call per element gives: f raised, returned
    another number of rows, or blocks of another shape than ``base = f(X)``; or, with
    ``probe``, its rows for the unmoved samples differ from ``base`` (beyond the law's
    tolerance). The probe is the block of an element fixing X (the identity), else X
    itself appended; it goes last in the stack, so that a function of the batch's size,
    statistics (a mean, a normalization) or row positions shows there. The caller then
    calls f once per moved batch.
    """

    def many(
        gs: list[Any], X: npt.NDArray[Any], base: npt.NDArray[Any], probe: bool
    ) -> list[npt.NDArray[Any]] | None:
        try:
            moved = [np.asarray(act(g, X)) for g in gs]
            order = list(range(len(gs)))
            blocks = moved
            if probe:
                fixed = [i for i, Y in enumerate(moved) if Y.shape == X.shape]
                fixed = [i for i in fixed if np.array_equal(moved[i], X)][:1]
                order = [i for i in order if i not in fixed] + fixed
                blocks = [moved[i] for i in order] + ([] if fixed else [X])
            out = _call(f, np.concatenate(blocks), where, len(blocks) * len(X))
            parts = np.split(out, len(blocks))
            if any(part.shape != base.shape for part in parts):
                return None
            if probe and not (
                np.array_equal(parts[-1], base, equal_nan=True)
                or not compare(parts[-1], base, tol, where).bad.any()
            ):
                return None
        except Exception:  # f refuses the stacked batch: the caller calls it per element
            return None
        values: list[npt.NDArray[Any]] = [base] * len(gs)
        for i, part in zip(order, parts, strict=False):  # an appended probe is dropped
            values[i] = part
        return values

    return many


def _chunks(elements: list[Any], X: npt.NDArray[Any]) -> Iterator[list[Any]]:
    """The elements in runs whose stacked moved batches stay within :data:`_STACK_ENTRIES`."""
    size = max(1, _STACK_ENTRIES // max(1, X.size))
    for start in range(0, len(elements), size):
        yield elements[start : start + size]


def _moved_values(
    elements: list[Any], X: npt.NDArray[Any], base: npt.NDArray[Any], spec: _Law
) -> Iterator[tuple[Any, npt.NDArray[Any] | None]]:
    """Each element with :math:`f(g \\cdot X)` from a stacked call, or with None (then
    ``spec.sides`` calls f on :math:`g \\cdot X` alone): stacked runs while f accepts
    them (the first run probed, see :func:`_stacked_calls`), one call per element from
    the first run it does not."""
    done = 0
    if spec.many is not None and len(elements) >= 2:
        for gs in _chunks(elements, X):
            values = spec.many(gs, X, base, done == 0)
            if values is None:
                break
            yield from zip(gs, values, strict=True)
            done += len(gs)
    for g in elements[done:]:
        yield g, None


_SHRINK_ROUNDS = 64


@dataclass(frozen=True)
class _Law:
    """What the numeric checkers share: the two sides of a law on a batch, and how to
    compare them."""

    where: str
    values: Callable[[npt.NDArray[Any]], npt.NDArray[Any]]
    sides: Sides
    names: tuple[str, str]
    tol: Tolerance
    many: Many | None = None

    def compare(
        self,
        g: Any,
        X: npt.NDArray[Any],
        base: npt.NDArray[Any],
        moved: npt.NDArray[Any] | None = None,
    ) -> tuple[Comparison, npt.NDArray[Any], npt.NDArray[Any]]:
        left, right = self.sides(g, X, base, moved)
        return compare(left, right, self.tol, self.where, self.names), left, right

    def instance(
        self, g: Any, x: Any, c: Comparison, i: int, left: Any, right: Any, **where: Any
    ) -> dict[str, Any]:
        """The failing instance in row ``i``: element, sample, both sides, why."""
        shape = tuple(left.shape[1:])
        entry, why = reason(c, i, shape, self.names)
        info = {"g": g, **where, "x": x, self.names[0]: left[i], self.names[1]: right[i]}
        if shape:
            info["entry"] = entry
        info["reason"] = why
        return info


def _worst_case(
    law: str,
    elements: list[Any],
    generators: tuple[Any, ...],
    exhaustive: bool,
    X: npt.NDArray[Any],
    spec: _Law,
    budget: int,
) -> LawReport:
    """Compare the two sides of a law for every element; report the worst failing sample.

    ``spec.values(X)`` is f on a batch, ``spec.sides(g, X, f(X))`` the two sides of the
    law. Each sample is compared on its own scale (:func:`compare`); the counterexample
    is the failing instance furthest past its tolerance (a non-finite value first). On
    failure the counterexample also carries a shrunk one (see :func:`_shrink`).
    """
    base = spec.values(X)
    worst, info, ratio = 0.0, None, -1.0
    for g, moved in _moved_values(elements, X, base, spec):
        c, left, right = spec.compare(g, X, base, moved)
        worst = max(worst, c.max_error)
        if c.bad.any():
            i = int(np.where(c.bad, c.ratio, -1.0).argmax())
            if c.ratio[i] > ratio:
                ratio = float(c.ratio[i])
                info = spec.instance(g, X[i], c, i, left, right, index=i)
    holds = info is None
    if info is not None and budget > 0:
        shrunk = _shrink(info["g"], info["x"], generators, spec, budget)
        if shrunk is not None:
            info["shrunk"] = shrunk
    return LawReport(law, holds, len(elements) * len(X), exhaustive, info, worst)


def _candidates(flat: npt.NDArray[Any]) -> Iterator[list[npt.NDArray[Any]]]:
    """Simpler versions of ``flat``, in groups to try one after the other: the nonzero
    entries zeroed in halves, quarters, ... (for large inputs), then one at a time,
    then all entries rounded and replaced by their signs."""
    nonzero = np.flatnonzero(flat)
    size = len(nonzero) // 2
    while size >= 2:
        group = []
        for start in range(0, len(nonzero), size):
            c = flat.copy()
            c[nonzero[start : start + size]] = 0
            group.append(c)
        yield group
        size //= 2
    singles = []
    for i in nonzero:
        c = flat.copy()
        c[i] = 0
        singles.append(c)
    yield singles
    if flat.dtype.kind in "fc":
        yield [
            c.astype(flat.dtype)
            for c in (np.round(flat), np.sign(flat))
            if not np.array_equal(c, flat)
        ]


def _shrink(
    g: Any,
    x: npt.NDArray[Any],
    generators: tuple[Any, ...],
    spec: _Law,
    budget: int,
) -> dict[str, Any] | None:
    """A simpler failing instance: a generator instead of g, then x with fewer, rounder
    entries (greedy: zero blocks of entries, then one entry, round all entries, replace
    all by their signs; keep the first candidate that still fails, until none does).

    At most ``budget`` instances are evaluated, each by f on ``x`` and on ``g . x``.
    Shrinking is best effort: if f raises on a candidate, it stops there.
    """
    x = np.asarray(x)
    spent = 0
    found: dict[str, Any] | None = None

    def failing(h: Any, batch: npt.NDArray[Any]) -> npt.NDArray[np.intp]:
        """Rows of the batch that break the law for h (and remember the first)."""
        nonlocal spent, found
        spent += len(batch)
        c, left, right = spec.compare(h, batch, spec.values(batch))
        hits = np.flatnonzero(c.bad)
        if len(hits):
            i = int(hits[0])
            found = spec.instance(h, batch[i], c, i, left, right)
        return hits

    try:
        for s in generators:  # a generator that already fails on x
            if spent >= budget:
                break
            if len(failing(s, x[None])):
                g = s
                break
        if found is None and (spent >= budget or not len(failing(g, x[None]))):
            return None
    except Exception:  # f (or the action) rejects a single sample: no shrinking
        return None
    flat = x.reshape(-1)
    for _ in range(_SHRINK_ROUNDS):
        moved = False
        for group in _candidates(flat):
            group = group[: budget - spent]
            if not group:
                return found
            trial = np.stack(group).reshape((len(group), *x.shape))
            try:
                hits = failing(g, trial)
            except Exception:  # f rejects the candidates: keep the last failing one
                return found
            if len(hits):
                flat, moved = trial[hits[0]].reshape(-1), True
                break
        if not moved:
            break
    return found


def _check_samples(action: Any, samples: Any, where: str) -> npt.NDArray[Any]:
    if not (hasattr(action, "group") and callable(getattr(action, "act", None))):
        raise GroupRepTypeError(
            f"{where}: argument 'action' must be a grouprep action, got {describe(action)}"
        )
    X = _array(samples, "argument 'samples'", where)
    if X.ndim == 0 or X.shape[0] == 0:
        raise GroupRepValueError(
            f"{where}: argument 'samples' must be a non-empty batch (an array with one row "
            f"per sample), got {describe(samples)}"
        )
    if X.dtype.kind not in _NUMERIC:
        raise GroupRepTypeError(
            f"{where}: argument 'samples' must be numbers (bool, int, float or complex), "
            f"got an array of dtype {X.dtype}"
        )
    if X.dtype.kind in "fc" and not np.isfinite(X).all():
        raise GroupRepValueError(
            f"{where}: argument 'samples' contains NaN or inf; samples must be finite"
        )
    return X


def _check_callable(f: Any, name: str, where: str) -> None:
    if not callable(f):
        raise GroupRepTypeError(f"{where}: argument {name!r} must be callable, got {describe(f)}")


def check_invariant(
    f: Callable[[Any], Any],
    action: Any,
    samples: Any,
    rtol: float = 1e-9,
    rng: RandomLike = 0,
    *,
    atol: float = 1e-12,
    shrink: bool | int = True,
) -> LawReport:
    """Check numerically that a batched function is invariant under an action.

    .. math:: f(g \\cdot x) = f(x) \\quad \\text{for all } g \\in G,\\ x \\in \\text{samples}

    All group elements are tried for groups of order up to 256, otherwise the
    generators and 256 seeded random elements.

    Each sample is compared on its own scale, entry by entry: entry :math:`j` of
    sample :math:`i`, with :math:`L = f(g \\cdot x_i)` and :math:`R = f(x_i)`, passes
    when both values are finite and

    .. math:: |L_j - R_j| \\le \\mathrm{atol} + \\mathrm{rtol} \\cdot
              \\max\\bigl(|L_j|,\\ |R_j|,\\ 10^{-3} s\\bigr),
              \\qquad s = \\max_k \\max(|L_k|, |R_k|),

    so a large sample never loosens the test of a small one, and an entry far below
    the largest value of its sample is held to a thousandth of that scale (for the
    round-off of values that cancel). Integer and boolean outputs are compared
    exactly. A NaN or inf output fails: ``holds`` is False, the counterexample is that
    instance, its ``reason`` says which side was not finite, and ``max_error`` is inf.

    Parameters
    ----------
    f : callable
        Maps a batch ``(m, ...)`` to a numeric array with one row per input.
    action : action
        How the group acts on the inputs (``act(g, X)`` on a batch).
    samples : array_like
        A non-empty numeric batch of inputs, all finite.
    rtol : float, default 1e-9
        Relative tolerance, in ``[0, 1)``.
    rng : Generator, int or None
        Randomness for sampling elements of a large group (seed 0 by default).
    atol : float, default 1e-12
        Absolute tolerance, ``>= 0``: the floor for values near zero.
    shrink : bool or int, default True
        Look for a simpler failing instance when the law fails: False (or 0) does not,
        True evaluates at most 200 candidate instances, an int ``n`` at most ``n`` (each
        candidate costs one row of ``f`` on ``x`` and one on ``g . x``).

    Returns
    -------
    LawReport
        ``max_error`` is the largest ``|L_j - R_j|`` seen (inf if a value was not
        finite). The counterexample names the failing instance furthest past its
        tolerance: the element ``g``, the sample ``index`` and ``x``, both sides, the
        ``entry`` of the output and a ``reason``; under ``"shrunk"``, a simpler failing
        instance when one was found: a generator in place of the element, an input with
        fewer and rounder entries.

    Raises
    ------
    GroupRepTypeError
        If ``f`` is not callable, ``action`` is not an action, ``samples`` or the outputs
        of ``f`` are not numeric, or a tolerance, ``rng`` or ``shrink`` has the wrong type.
    GroupRepValueError
        If ``samples`` is empty or not finite, ``f`` does not return one row per input,
        or a tolerance or ``shrink`` is out of range.

    Notes
    -----
    For speed, ``f`` is called on stacked batches: the moved batches
    :math:`g \\cdot X` of many elements are concatenated along the first axis and go
    through one call of ``f`` (up to :math:`2^{22}` input entries per call), whose output
    is split back into one block per element. This equals one call per element when
    ``f`` is row-wise: row i of its output depends on row i of its input only, for any
    number of rows. The check falls back to calling ``f`` once per moved batch, and so
    gives the verdict of the per-element check, when the stacked call

    * raises, or returns another number of rows than it was given;
    * returns blocks of another shape than ``f(samples)`` (a Gram matrix ``X @ X.T``);
    * (the first stacked call only) returns rows for the unmoved samples, placed last in
      the stack, that differ from ``f(samples)`` beyond the tolerance: a function of the
      batch's statistics (``X - X.mean(axis=0)``), size or row positions.

    The last test looks at the unmoved samples only, so a function whose dependence on
    the batch shows on moved batches alone could still be misjudged.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> power = lambda X: np.abs(np.fft.fft(X, axis=-1)) ** 2
    >>> X = np.random.default_rng(0).standard_normal((10, 8))
    >>> grouprep.check_invariant(power, grouprep.shift_action(8), X).holds
    True
    >>> grouprep.check_invariant(lambda X: X[:, :2], grouprep.shift_action(8), X).holds
    False
    >>> gram = lambda X: X @ X.T  # not row-wise: f is called once per moved batch
    >>> grouprep.check_invariant(gram, grouprep.shift_action(8), X).holds
    True
    >>> not_a_number = lambda X: np.full(len(X), np.nan)
    >>> nan = grouprep.check_invariant(not_a_number, grouprep.shift_action(8), X)
    >>> nan.holds, nan.max_error, nan.counterexample["reason"]
    (False, inf, 'f(g.x) is not finite (NaN or inf)')
    """
    where = "check_invariant"
    X = _check_samples(action, samples, where)
    _check_callable(f, "f", where)
    tol = Tolerance.of(rtol, atol, where)
    budget = check_shrink(shrink, where)
    elements, exhaustive = _elements(action.group, as_generator(rng, where))

    def values(B: npt.NDArray[Any]) -> npt.NDArray[Any]:
        return _call(f, B, where, len(B))

    def sides(
        g: Any, B: npt.NDArray[Any], base: npt.NDArray[Any], moved: npt.NDArray[Any] | None
    ) -> Pair:
        if moved is None:
            moved = _call(f, action.act(g, B), where, len(B))
        if moved.shape != base.shape:
            raise GroupRepValueError(
                f"{where}: f changed its output shape under the action, from "
                f"{base.shape} to {moved.shape}"
            )
        return moved, base

    many = _stacked_calls(f, action.act, tol, where)
    spec = _Law(where, values, sides, ("f(g.x)", "f(x)"), tol, many)
    return _worst_case(
        f"invariance under {action!r}",
        elements,
        action.group.generators,
        exhaustive,
        X,
        spec,
        budget,
    )


def check_equivariant(
    f: Callable[[Any], Any],
    action_in: Any,
    action_out: Any,
    samples: Any,
    rtol: float = 1e-9,
    rng: RandomLike = 0,
    *,
    atol: float = 1e-12,
    shrink: bool | int = True,
) -> LawReport:
    """Check numerically that a batched function is equivariant (covariant).

    .. math:: f(g \\cdot x) = g \\cdot f(x)

    where the group acts on outputs through ``action_out``: an action, or a
    :class:`~grouprep.reps.Representation` acting on flattened outputs by its matrices.
    Each sample is compared on its own scale, entry by entry, with
    :math:`L = f(g \\cdot x_i)` and :math:`R = g \\cdot f(x_i)`, by the criterion of
    :func:`check_invariant`:

    .. math:: |L_j - R_j| \\le \\mathrm{atol} + \\mathrm{rtol} \\cdot
              \\max\\bigl(|L_j|,\\ |R_j|,\\ 10^{-3} \\max_k \\max(|L_k|, |R_k|)\\bigr),

    both values finite (a NaN or inf on either side fails, with ``max_error`` inf).

    Parameters
    ----------
    f : callable
        Maps a batch ``(m, ...)`` to a numeric array with one row per input.
    action_in, action_out : action, or Representation for ``action_out``
        How the group acts on inputs and on outputs (the same group).
    samples : array_like
        A non-empty numeric batch of inputs, all finite.
    rtol, rng, atol, shrink
        As in :func:`check_invariant`.

    Returns
    -------
    LawReport
        As in :func:`check_invariant`, with sides ``"f(g.x)"`` and ``"g.f(x)"``.

    Raises
    ------
    GroupRepTypeError, GroupRepValueError
        As in :func:`check_invariant`; also if the two actions are of different groups.

    Notes
    -----
    ``f`` is called on stacked batches and must be row-wise for them to stand for one
    call per element; otherwise the check falls back to one call per moved batch, as
    described in :func:`check_invariant`. A function centring its batch,
    ``lambda X: X - X.mean(axis=0)``, is equivariant per batch and is judged so.

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
    where = "check_equivariant"
    X = _check_samples(action_in, samples, where)
    _check_callable(f, "f", where)
    group = action_in.group
    out_group = action_out.group if hasattr(action_out, "group") else None
    if out_group != group:
        raise GroupRepValueError(
            f"{where}: 'action_in' and 'action_out' must be of the same group, "
            f"got {group!r} and {out_group!r}"
        )
    tol = Tolerance.of(rtol, atol, where)
    budget = check_shrink(shrink, where)
    elements, exhaustive = _elements(group, as_generator(rng, where))

    def values(B: npt.NDArray[Any]) -> npt.NDArray[Any]:
        return _call(f, B, where, len(B))

    def sides(
        g: Any, B: npt.NDArray[Any], base: npt.NDArray[Any], moved: npt.NDArray[Any] | None
    ) -> Pair:
        left = _call(f, action_in.act(g, B), where, len(B)) if moved is None else moved
        return left, _act_out(action_out, g, base)

    many = _stacked_calls(f, action_in.act, tol, where)
    spec = _Law(where, values, sides, ("f(g.x)", "g.f(x)"), tol, many)
    law = f"equivariance from {action_in!r} to {action_out!r}"
    return _worst_case(law, elements, group.generators, exhaustive, X, spec, budget)


def _matrix(G_map: Callable[[Any], Any], g: Any, shape: tuple[int, ...] | None) -> Any:
    where = "check_functor"
    M = _array(G_map(g), "the output of argument 'G_map'", where)
    _numeric(M, f"G({g!r})", where)
    if M.ndim != 2 or M.shape[0] != M.shape[1] or (shape is not None and M.shape != shape):
        want = "square matrices" if shape is None else f"matrices of one shape {shape}"
        raise GroupRepValueError(
            f"{where}: argument 'G_map' must return {want}, got shape {M.shape} for {g!r}"
        )
    return M


def check_functor(
    G_map: Callable[[Any], Any],
    group: FiniteGroup[Any],
    rtol: float = 1e-9,
    rng: RandomLike = 0,
    *,
    atol: float = 1e-12,
) -> LawReport:
    """Check numerically that a map from group elements to matrices is a homomorphism.

    .. math:: G(e) = I, \\qquad G(ab) = G(a)\\, G(b)

    on all pairs for groups of order up to 256 (otherwise on the pairs of the generators
    and 256 seeded random elements). Each pair is compared on its own scale, entry by
    entry, by the criterion of :func:`check_invariant` with :math:`L = G(ab)` and
    :math:`R = G(a) G(b)`:

    .. math:: |L_{jk} - R_{jk}| \\le \\mathrm{atol} + \\mathrm{rtol} \\cdot
              \\max\\bigl(|L_{jk}|,\\ |R_{jk}|,\\ 10^{-3} \\max_{j'k'} \\max(|L_{j'k'}|,
              |R_{j'k'}|)\\bigr).

    A matrix with a NaN or inf entry (or a product that overflows) fails the law, with
    ``max_error`` inf and a ``reason`` in the counterexample.

    Parameters
    ----------
    G_map : callable
        Maps a group element to a square numeric matrix, the same shape for all.
    group : FiniteGroup
    rtol, rng, atol
        As in :func:`check_invariant`.

    Returns
    -------
    LawReport
        The counterexample names the part of the law (``"law"``), the elements, the
        ``entry`` and a ``reason``.

    Raises
    ------
    GroupRepTypeError
        If ``group`` is not a group, ``G_map`` is not callable or returns non-numbers,
        or a tolerance or ``rng`` has the wrong type.
    GroupRepValueError
        If the matrices are not square or not all of one shape, or a tolerance is out
        of range.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> rotate = lambda g: np.roll(np.eye(4), g, axis=0)  # the shift as a matrix
    >>> grouprep.check_functor(rotate, grouprep.cyclic(4)).holds
    True
    >>> grouprep.check_functor(lambda g: np.eye(4) * (g + 1), grouprep.cyclic(4)).holds
    False
    """
    where = "check_functor"
    if not isinstance(group, FiniteGroup):
        raise GroupRepTypeError(
            f"{where}: argument 'group' must be a grouprep FiniteGroup, got {describe(group)}"
        )
    _check_callable(G_map, "G_map", where)
    tol = Tolerance.of(rtol, atol, where)
    elements, exhaustive = _elements(group, as_generator(rng, where))
    law = f"functor law for {group!r}"
    e = _matrix(G_map, group.identity, None)
    shape = e.shape
    mats = {g: _matrix(G_map, g, shape) for g in elements}
    c = compare(e[None], np.eye(shape[0])[None], tol, where, ("G(e)", "I"))
    if c.bad[0]:
        entry, why = reason(c, 0, shape, ("G(e)", "I"))
        failed = {"law": "G(e) = I", "G(e)": e, "entry": entry, "reason": why}
        return LawReport(law, False, 1, exhaustive, failed, c.max_error)
    worst, info, ratio, count = c.max_error, None, -1.0, 1
    stack = np.stack([mats[b] for b in elements])
    for a in elements:
        products = [group._compose(a, b) for b in elements]
        for ab in products:
            if ab not in mats:
                mats[ab] = _matrix(G_map, ab, shape)
        lhs = np.stack([mats[ab] for ab in products])
        with np.errstate(invalid="ignore", over="ignore"):
            rhs = mats[a] @ stack
        c = compare(lhs, rhs, tol, where, ("G(ab)", "G(a) G(b)"))
        count += len(elements)
        worst = max(worst, c.max_error)
        if c.bad.any():
            j = int(np.where(c.bad, c.ratio, -1.0).argmax())
            if c.ratio[j] > ratio:
                ratio = float(c.ratio[j])
                entry, why = reason(c, j, shape, ("G(ab)", "G(a) G(b)"))
                info = {
                    "law": "G(ab) = G(a) G(b)",
                    "a": a,
                    "b": elements[j],
                    "entry": entry,
                    "reason": why,
                }
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
