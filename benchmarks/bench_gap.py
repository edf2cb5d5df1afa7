"""Conjugacy classes, character tables and irreps against GAP, where ``gap`` is on PATH.

GAP runs as one process per case and times itself: a warm-up call, then up to the
suite's number of timed runs (stopping early once they have taken the suite's budget),
each on a freshly built group, timed with ``NanosecondsSinceEpoch()`` around the
operation alone. GAP's start-up, its reading of the library and the building of the group
are not counted. grouprep is timed by the harness on a fresh group in every call.

The groups: S_8 (``symmetric(8)`` and GAP's ``SymmetricGroup(8)``, each library's own
constructor), and M_11, SL(2,5) and PSL(2,7) x C_6 on the generators that GAP chose for
the reference data (``tests/reference/gap/groups.json.gz``), the same permutations on
both sides. Both sides must give the same sorted class sizes, and the same sorted element
orders of the classes or sorted degrees of the characters. Without GAP the entry has no
cases and says so on stderr.
"""

from __future__ import annotations

import functools
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import grouprep
from benchmarks._harness import Case, Timing
from grouprep.reps import character_table, irreps

__all__ = ["cases"]

DATA_FILE = Path(__file__).resolve().parent.parent / "tests/reference/gap/groups.json.gz"

# The suite's settings (run.FULL and run.QUICK), applied by GAP to itself.
REPEATS = {False: 7, True: 2}
BUDGET = {False: 10.0, True: 1.0}

GAP_OPERATIONS = {
    "classes": (
        "function(G) local c; c := ConjugacyClasses(G); "
        "return [List(c, Size), List(c, x -> Order(Representative(x)))]; end"
    ),
    "table": (
        "function(G) local t; t := CharacterTable(G); "
        "return [SizesConjugacyClasses(t), List(Irr(t), x -> x[1])]; end"
    ),
    "irreps": (
        "function(G) local r; r := IrreducibleRepresentations(G); "
        "return [List(ConjugacyClasses(G), Size), List(r, x -> Length(One(G) ^ x))]; end"
    ),
}

GAP_PROGRAM = """
SetPrintFormattingStatus("*stdout*", false);
make := {make};
op := {operation};
result := op(make());
best := infinity; spent := 0; runs := 0;
while runs < {repeats} and (runs = 0 or spent < {budget}) do
  G := make();
  start := NanosecondsSinceEpoch();
  result := op(G);
  elapsed := NanosecondsSinceEpoch() - start;
  best := Minimum(best, elapsed); spent := spent + elapsed; runs := runs + 1;
od;
Print("[", best, ",", runs, ",", SortedList(result[1]), ",", SortedList(result[2]), "]\\n");
QUIT;
"""


@functools.cache
def reference_generators() -> dict[str, tuple[int, tuple[tuple[int, ...], ...]]]:
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as stream:
        data = json.load(stream)
    return {
        r["name"]: (r["degree"], tuple(tuple(g) for g in r["generators"])) for r in data["groups"]
    }


def gap_group(name: str) -> str:
    """A GAP function of no arguments that builds the group afresh."""
    if name == "S_8":
        return "function() return SymmetricGroup(8); end"
    _, generators = reference_generators()[name]
    perms = ", ".join(f"PermList({[x + 1 for x in g]})" for g in generators)
    return f"function() return Group([{perms}]); end"


def grouprep_group(name: str) -> Callable[[], Any]:
    if name == "S_8":
        return lambda: grouprep.symmetric(8)
    degree, generators = reference_generators()[name]
    return lambda: grouprep.permutation_group(generators, degree=degree)


def run_gap(gap: str, name: str, operation: str, quick: bool) -> list[Any]:
    """[best nanoseconds, runs, sorted class sizes, sorted orders or degrees] from GAP."""
    program = GAP_PROGRAM.format(
        make=gap_group(name),
        operation=GAP_OPERATIONS[operation],
        repeats=REPEATS[quick],
        budget=int(BUDGET[quick] * 1e9),
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "case.g"
        path.write_text(program, encoding="utf-8")
        result = subprocess.run(
            [gap, "-q", "--quitonbreak", str(path)],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        )
    answer: list[Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return answer


def gap_timing(answer: list[Any]) -> Timing:
    return Timing(answer[0] / 1e9, answer[1])


def classes_case(gap: str, name: str, quick: bool) -> Case:
    make = grouprep_group(name)
    return Case(
        operation="GAP conjugacy classes",
        case=name,
        caches="cold",
        grouprep=lambda: make().conjugacy_classes(),
        baseline=lambda: run_gap(gap, name, "classes", quick),
        grouprep_answer=lambda classes: (
            sorted(c.size for c in classes),
            sorted(c.element_order for c in classes),
        ),
        baseline_answer=lambda answer: (answer[2], answer[3]),
        baseline_timing=gap_timing,
    )


def table_case(gap: str, name: str, quick: bool) -> Case:
    make = grouprep_group(name)
    return Case(
        operation="GAP character table",
        case=name,
        caches="cold",
        grouprep=lambda: character_table(make()),
        baseline=lambda: run_gap(gap, name, "table", quick),
        grouprep_answer=lambda T: (sorted(c.size for c in T.classes), sorted(T.degrees)),
        baseline_answer=lambda answer: (answer[2], answer[3]),
        baseline_timing=gap_timing,
    )


def irreps_case(gap: str, name: str, quick: bool) -> Case:
    make = grouprep_group(name)

    def ours() -> tuple[Any, tuple[Any, ...]]:
        G = make()
        return G, irreps(G)

    return Case(
        operation="GAP irreps",
        case=name,
        caches="cold",
        grouprep=ours,
        baseline=lambda: run_gap(gap, name, "irreps", quick),
        grouprep_answer=lambda found: (
            sorted(c.size for c in found[0].conjugacy_classes()),
            sorted(rho.dim for rho in found[1]),
        ),
        baseline_answer=lambda answer: (answer[2], answer[3]),
        baseline_timing=gap_timing,
    )


def cases(quick: bool) -> list[Case]:
    """The cases of this entry; none when GAP is not installed."""
    gap = shutil.which("gap")
    if gap is None:
        print(
            "GAP character tables: 'gap' is not on PATH, the GAP cases are skipped",
            file=sys.stderr,
        )
        return []
    names = ("S_8", "SL(2,5)") if quick else ("S_8", "M_11", "PSL(2,7) x C_6", "SL(2,5)")
    out = [
        case
        for name in names
        for case in (classes_case(gap, name, quick), table_case(gap, name, quick))
    ]
    # GAP's IrreducibleRepresentations on S_8 and M_11 did not finish within 400 s here
    # (Dixon's method computes the subgroup lattice first), so they are not timed
    out += [irreps_case(gap, name, quick) for name in IRREP_GROUPS[quick]]
    return out


IRREP_GROUPS = {True: ("SL(2,5)",), False: ("SL(2,5)", "PSL(2,7) x C_6")}
