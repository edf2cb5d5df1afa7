"""The report every law checker returns (private)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from grouprep.errors import LawViolation

__all__ = ["LawReport", "raise_if_failed"]


@dataclass(frozen=True)
class LawReport:
    """The outcome of checking a law.

    Attributes
    ----------
    law : str
        Which law was checked, e.g. ``"group axioms of cyclic(8)"``.
    holds : bool
        True when no instance failed.
    checked : int
        How many instances (tuples of elements and points) were checked.
    exhaustive : bool
        True when every instance was checked, False when they were sampled.
    counterexample : dict or None
        The first failing instance: which part of the law failed and the values involved.
    max_error : float or None
        For numeric comparisons, the largest absolute deviation seen between the two
        sides of the law; ``inf`` when a compared value was NaN or inf (never negative,
        never NaN). A law holds only when every entry is within its own tolerance, so a
        large ``max_error`` on a large sample can go with ``holds=True``.
    certificate : tuple of str
        For exact proofs: one line per generator stating what was verified, so a user
        can print the proof (empty for numeric checks).
    """

    law: str
    holds: bool
    checked: int
    exhaustive: bool
    counterexample: dict[str, Any] | None = None
    max_error: float | None = field(default=None)
    certificate: tuple[str, ...] = field(default=(), repr=False)

    def __str__(self) -> str:
        how = "all" if self.exhaustive else "sampled"
        status = "holds" if self.holds else "FAILS"
        if self.certificate or (
            self.exhaustive
            and self.max_error is None
            and "generator" in (self.counterexample or {})
        ):
            text = f"{self.law}: {status} (decided exactly on {self.checked} generator(s)"
        else:
            text = f"{self.law}: {status} ({self.checked} {how} instances checked"
        if self.max_error is not None:
            text += f", max error {self.max_error:.3g}"
        text += ")"
        if self.counterexample is not None:
            parts = ", ".join(f"{k}={v!r}" for k, v in self.counterexample.items())
            text += f"\n  counterexample: {parts}"
        return text


def raise_if_failed(report: LawReport) -> LawReport:
    """Raise :class:`LawViolation` with the report in the message when the law fails."""
    __tracebackhide__ = True
    if not report.holds:
        raise LawViolation(str(report), report)
    return report
