"""Regenerate ``groups.json.gz``, GAP's reference data for ``tests/test_gap_reference.py``.

Usage, from the repository root (GAP 4 with the SmallGroups library on PATH as ``gap``)::

    python tests/reference/gap/generate.py [--gap PATH] [--timeout SECONDS]

GAP computes, for every SmallGroup of order <= 48 and a list of named groups, a faithful
permutation representation on few points (``IsomorphismPermGroup``, then
``SmallerDegreePermutationRepresentation``), its conjugacy classes with a representative
of each, the character table with exact cyclotomic values, the Frobenius-Schur indicators
and the 2nd and 3rd power maps; ``reference.g`` beside this file writes them, one JSON
object per group. The SmallGroups run in one GAP process, every named group in its own
with a time limit; a named group that exceeds it is listed under ``"skipped"``.

Encoding (all indices 0-based):

* ``generators``, ``class_representatives``: permutations of ``0 .. degree-1`` as image
  lists, ``p[i]`` the image of ``i`` (GAP's moved points relabelled in increasing order).
* ``characters``: one row per irreducible character (GAP's ``Irr`` order), one value per
  class (GAP's class order); a value z is the list of pairs ``[k, c]`` with
  ``z = sum c * E(N)^k``, N the group's ``conductor`` and c the nonzero coefficients of
  ``CoeffsCyc(z, N)`` (ints, or strings ``"p/q"`` for non-integral rationals).
* ``power_map_2``, ``power_map_3``: entry i is the class of the k-th power of class i.
* ``id``: ``IdGroup``, or null where GAP's library cannot identify groups of that order.

The output is deterministic (gzip without a time stamp), so regenerating with the same
GAP version gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
GAP_CODE = HERE / "reference.g"
OUTPUT = HERE / "groups.json.gz"
MAX_ORDER = 48

NAMED_GROUPS: tuple[tuple[str, str], ...] = (
    ("SL(2,3)", "SL(2, 3)"),
    ("GL(2,3)", "GL(2, 3)"),
    ("SL(2,5)", "SL(2, 5)"),
    ("PSL(2,7)", "PSL(2, 7)"),
    ("PSL(2,8)", "PSL(2, 8)"),
    ("PSL(2,11)", "PSL(2, 11)"),
    ("A_6", "AlternatingGroup(6)"),
    ("A_7", "AlternatingGroup(7)"),
    ("M_11", "MathieuGroup(11)"),
    ("S_5", "SymmetricGroup(5)"),
    ("S_6", "SymmetricGroup(6)"),
    ("A_5 x C_2", "DirectProduct(AlternatingGroup(5), CyclicGroup(IsPermGroup, 2))"),
    ("PSL(2,7) x C_6", "DirectProduct(PSL(2, 7), CyclicGroup(IsPermGroup, 6))"),
)
"""(name in the data, GAP expression); each becomes ``SmallPermGroup(expression)``."""


def gap_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def run_gap(gap: str, body: str, timeout: float) -> list[dict[str, Any]]:
    """Run ``body`` after reading reference.g, with ``out`` an open output stream."""
    with tempfile.TemporaryDirectory() as tmp:
        out_path = Path(tmp) / "out.jsonl"
        program = Path(tmp) / "program.g"
        program.write_text(
            f"Read({gap_string(str(GAP_CODE))});\n"
            f"out := OutputTextFile({gap_string(str(out_path))}, false);\n"
            "SetPrintFormattingStatus(out, false);\n"
            f"{body}\n"
            "CloseStream(out);\n"
            "QUIT;\n",
            encoding="utf-8",
        )
        subprocess.run(
            [gap, "-q", "--quitonbreak", str(program)],
            stdin=subprocess.DEVNULL,
            check=True,
            timeout=timeout,
        )
        lines = out_path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def gap_version(gap: str) -> str:
    result = subprocess.run(
        [gap, "-q", "--quitonbreak"],
        input='Print(GAPInfo.Version, "\\n");\nQUIT;\n',
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def small_groups(gap: str, timeout: float) -> list[dict[str, Any]]:
    body = (
        f"for n in [1 .. {MAX_ORDER}] do\n"
        "  for i in [1 .. NumberSmallGroups(n)] do\n"
        '    WriteGroupRecord(out, Concatenation("SmallGroup(", String(n), ",", '
        'String(i), ")"), SmallPermGroup(SmallGroup(n, i)));\n'
        "  od;\n"
        "od;"
    )
    return run_gap(gap, body, timeout)


def named_group(gap: str, name: str, expression: str, timeout: float) -> dict[str, Any]:
    body = f"WriteGroupRecord(out, {gap_string(name)}, SmallPermGroup({expression}));"
    (record,) = run_gap(gap, body, timeout)
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gap", default="gap", help="the GAP executable (default: gap)")
    parser.add_argument(
        "--timeout", type=float, default=600.0, help="seconds allowed per named group"
    )
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    gap = shutil.which(args.gap)
    if gap is None:
        print(f"generate.py: GAP executable {args.gap!r} not found", file=sys.stderr)
        return 2
    groups = small_groups(gap, timeout=10 * args.timeout)
    skipped = []
    for name, expression in NAMED_GROUPS:
        print(f"GAP: {name}", file=sys.stderr, flush=True)
        try:
            groups.append(named_group(gap, name, expression, args.timeout))
        except subprocess.TimeoutExpired:
            skipped.append({"name": name, "reason": f"GAP took more than {args.timeout} s"})
    for record in groups:
        record.pop("gap_seconds", None)
    data = {
        "gap_version": gap_version(gap),
        "generated_by": "tests/reference/gap/generate.py",
        "max_small_order": MAX_ORDER,
        "groups": groups,
        "skipped": skipped,
    }
    text = json.dumps(data, separators=(",", ":"), sort_keys=False) + "\n"
    with (
        open(args.output, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as stream,
    ):
        stream.write(text.encode("utf-8"))
    print(f"wrote {len(groups)} groups ({len(skipped)} skipped) to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
