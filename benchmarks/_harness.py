"""Timing and answer checking shared by all benchmark entries.

A :class:`Case` holds two zero-argument callables, one for grouprep and one for its
baseline, that perform the same operation on the same input. :func:`run_case` times both
with :func:`time.perf_counter`, keeps the best of several repeats, and checks that the two
answers agree. Absolute times are reported, never asserted.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["BenchmarkMismatch", "Case", "Result", "Settings", "Timing", "run_case"]

Caches = Literal["cold", "warm"]
"""``cold``: every timed call builds its group afresh, so no group-level cache survives.
``warm``: the group is built once and a warm-up call fills its caches before timing."""


class BenchmarkMismatch(AssertionError):
    """grouprep and its baseline (or a published value) disagree on a benchmark input."""


@dataclass(frozen=True)
class Case:
    """One operation on one input, for grouprep and for a baseline.

    Attributes
    ----------
    operation, case : str
        What is timed and on which input; shown in the table.
    caches : {"cold", "warm"}
        Whether each timed call starts from a fresh group.
    grouprep, baseline : callable
        Zero-argument functions doing the work; their return values are checked.
    grouprep_answer, baseline_answer : callable
        Turn a return value into a comparable answer (run outside the timed region).
    expected : object, optional
        A published answer that both sides must also match.
    number : int
        Calls per timed run, for operations too fast to time one call at a time.
    baseline_timing : callable, optional
        For a baseline that times itself (an external program, timed inside that
        program so that its start-up is left out): ``baseline`` is then called once,
        with no warm-up call of the harness, and this function reads the
        :class:`Timing` off its return value.
    """

    operation: str
    case: str
    caches: Caches
    grouprep: Callable[[], Any]
    baseline: Callable[[], Any]
    grouprep_answer: Callable[[Any], object]
    baseline_answer: Callable[[Any], object]
    expected: object = None
    number: int = 1
    baseline_timing: Callable[[Any], Timing] | None = None

    @property
    def label(self) -> str:
        return f"{self.operation}: {self.case}"


@dataclass(frozen=True)
class Settings:
    """How long to measure: at most ``repeats`` timed runs per side, fewer once the runs
    of that side have taken ``budget`` seconds in total (at least one run always)."""

    repeats: int
    budget: float


@dataclass(frozen=True)
class Timing:
    """The best time of one call, in seconds, and the number of timed runs behind it."""

    best: float
    runs: int


@dataclass(frozen=True)
class Result:
    """The timings of one case; ``ratio > 1`` means grouprep is faster."""

    case: Case
    grouprep: Timing
    baseline: Timing

    @property
    def ratio(self) -> float:
        return self.baseline.best / self.grouprep.best


def time_calls(function: Callable[[], Any], number: int, settings: Settings) -> tuple[Timing, Any]:
    """Time ``function`` after one untimed warm-up call; return the timing and its result.

    The warm-up call loads lazily imported modules and, for warm cases, fills the caches
    of the group the function closes over.
    """
    result = function()
    best = math.inf
    spent = 0.0
    runs = 0
    while runs < settings.repeats and (runs == 0 or spent < settings.budget):
        start = time.perf_counter()
        for _ in range(number):
            result = function()
        elapsed = time.perf_counter() - start
        best = min(best, elapsed / number)
        spent += elapsed
        runs += 1
    return Timing(best, runs), result


def check_answers(case: Case, grouprep_result: Any, baseline_result: Any) -> None:
    """Raise :class:`BenchmarkMismatch` unless both answers agree (and match ``expected``)."""
    ours = case.grouprep_answer(grouprep_result)
    theirs = case.baseline_answer(baseline_result)
    if ours != theirs:
        raise BenchmarkMismatch(
            f"{case.label}: grouprep answered {_abbreviate(ours)}, "
            f"the baseline answered {_abbreviate(theirs)}"
        )
    if case.expected is not None and ours != case.expected:
        raise BenchmarkMismatch(
            f"{case.label}: both answered {_abbreviate(ours)}, "
            f"the published value is {_abbreviate(case.expected)}"
        )


def run_case(case: Case, settings: Settings) -> Result:
    """Time both sides of ``case`` and check their answers."""
    grouprep_timing, grouprep_result = time_calls(case.grouprep, case.number, settings)
    if case.baseline_timing is None:
        baseline_timing, baseline_result = time_calls(case.baseline, case.number, settings)
    else:
        baseline_result = case.baseline()
        baseline_timing = case.baseline_timing(baseline_result)
    check_answers(case, grouprep_result, baseline_result)
    return Result(case, grouprep_timing, baseline_timing)


def _abbreviate(value: object, limit: int = 300) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
