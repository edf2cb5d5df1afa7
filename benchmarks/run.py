"""Run the benchmark suite and print one table of grouprep against its baselines.

Usage, from the repository root::

    python -m benchmarks [--quick] [--only SUBSTRING] [--json PATH]
    python benchmarks/run.py [--quick] [--only SUBSTRING] [--json PATH]

The ratio column is baseline time / grouprep time: above 1 grouprep is faster. Times
depend on the machine; compare ratios measured in one run, never absolute times.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from collections.abc import Sequence
from pathlib import Path

if not __package__:  # run as a script: make the package ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
import sympy

import grouprep
from benchmarks import (
    bench_canonical,
    bench_classes,
    bench_elements,
    bench_emlp,
    bench_escnn,
    bench_features,
    bench_gap,
    bench_invariants,
    bench_membership,
    bench_nn,
    bench_orbits,
    bench_order,
    bench_reps,
)
from benchmarks._harness import Case, Result, Settings, run_case

ENTRIES = (
    bench_order,
    bench_membership,
    bench_classes,
    bench_elements,
    bench_orbits,
    bench_canonical,
    bench_reps,
    bench_gap,
    bench_escnn,
    bench_emlp,
    bench_invariants,
    bench_features,
    bench_nn,
)
"""The entry modules, in table order; each has ``cases(quick: bool) -> list[Case]``."""

FULL = Settings(repeats=7, budget=10.0)
QUICK = Settings(repeats=2, budget=1.0)

HEADER = ("operation", "case", "caches", "grouprep", "baseline", "ratio")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Time grouprep against its baselines, side by side in one process.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="small inputs and few repeats (checks that the runner works)",
    )
    parser.add_argument(
        "--only",
        metavar="SUBSTRING",
        help="run only the cases whose 'operation: case' label contains SUBSTRING "
        "(case-insensitive)",
    )
    parser.add_argument("--json", metavar="PATH", type=Path, help="also write results here")
    return parser.parse_args(argv)


def collect_cases(quick: bool, only: str | None) -> list[Case]:
    cases = [case for entry in ENTRIES for case in entry.cases(quick)]
    if only is None:
        return cases
    return [case for case in cases if only.lower() in case.label.lower()]


def format_seconds(seconds: float) -> str:
    """A duration with three significant digits and a unit, e.g. ``'12.3 ms'``."""
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def format_time(seconds: float, runs: int) -> str:
    """A best time, marked with ``*`` when it comes from a single timed run."""
    return format_seconds(seconds) + ("*" if runs == 1 else "")


def table_rows(results: Sequence[Result]) -> list[tuple[str, ...]]:
    return [
        (
            r.case.operation,
            r.case.case,
            r.case.caches,
            format_time(r.grouprep.best, r.grouprep.runs),
            format_time(r.baseline.best, r.baseline.runs),
            f"{r.ratio:.2f}",
        )
        for r in results
    ]


def format_table(rows: Sequence[tuple[str, ...]]) -> str:
    """Left-aligned text columns, right-aligned numeric columns."""
    widths = [max(len(row[k]) for row in [HEADER, *rows]) for k in range(len(HEADER))]

    def line(row: tuple[str, ...]) -> str:
        cells = [
            cell.ljust(width) if k < 3 else cell.rjust(width)
            for k, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(HEADER), rule, *(line(row) for row in rows)])


def machine() -> dict[str, str | int | None]:
    return {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "sympy": sympy.__version__,
        "grouprep": grouprep.__version__,
    }


def footer(info: dict[str, str | int | None], single_runs: bool) -> str:
    lines = [
        "ratio = baseline time / grouprep time (> 1: grouprep is faster); "
        "best of repeated runs after one warm-up call.",
        "caches: cold = a fresh group in every timed call; "
        "warm = one group, caches filled by the warm-up call.",
    ]
    if single_runs:
        lines.append("* timed once: a single call used up the time budget of that side.")
    lines.append(
        f"machine: {info['platform']} ({info['machine']}), {info['cpu_count']} CPUs, "
        f"Python {info['python']}, numpy {info['numpy']}, sympy {info['sympy']}, "
        f"grouprep {info['grouprep']}"
    )
    return "\n".join(lines)


def results_json(results: Sequence[Result], info: dict[str, str | int | None], quick: bool) -> str:
    records = [
        {
            "operation": r.case.operation,
            "case": r.case.case,
            "caches": r.case.caches,
            "grouprep_seconds": r.grouprep.best,
            "grouprep_runs": r.grouprep.runs,
            "baseline_seconds": r.baseline.best,
            "baseline_runs": r.baseline.runs,
            "calls_per_run": r.case.number,
            "ratio": r.ratio,
        }
        for r in results
    ]
    return json.dumps({"quick": quick, "machine": info, "results": records}, indent=2)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    cases = collect_cases(args.quick, args.only)
    if not cases:
        print(f"no benchmark case matches --only {args.only!r}", file=sys.stderr)
        return 2
    settings = QUICK if args.quick else FULL
    results = []
    for k, case in enumerate(cases, start=1):
        print(f"[{k}/{len(cases)}] {case.label}", file=sys.stderr, flush=True)
        results.append(run_case(case, settings))
    info = machine()
    single_runs = any(r.grouprep.runs == 1 or r.baseline.runs == 1 for r in results)
    print(format_table(table_rows(results)))
    print()
    print(footer(info, single_runs))
    if args.json is not None:
        args.json.write_text(results_json(results, info, args.quick) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
