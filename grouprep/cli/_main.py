"""Command-line entry point (private). Built on argparse: no dependency, and the
sub-command structure (``grouprep info``, ``grouprep tour``, ...) needs nothing more."""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from typing import Any

import numpy as np

from grouprep.actions import shift_action
from grouprep.errors import GroupRepError
from grouprep.groups import FiniteGroup, cyclic, parse_group
from grouprep.laws import check_action, check_group_axioms, check_homomorphism
from grouprep.orbits import (
    Quotient,
    count_necklaces,
    count_orbits,
    least_rotation,
    necklace_rank,
    necklaces,
    stabilizer,
)
from grouprep.reps import character_table, inner_product, irreps

__all__ = ["main"]


def _table(rows: Sequence[Sequence[Any]], header: Sequence[str]) -> str:
    cells = [[str(c) for c in header]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def describe_group(G: FiniteGroup[Any], spec: str | None = None) -> str:
    """A printable summary of a group: order, generators, exponent, classes."""
    classes = G.conjugacy_classes()
    gens = ", ".join(str(g) for g in G.generators) or "(none: trivial group)"
    head = [
        f"group       {spec + '  ' if spec else ''}= {G!r}",
        f"order       {G.order}",
        f"generators  {gens}",
        f"exponent    {G.exponent}",
        f"abelian     {'yes' if G.is_abelian else 'no'}",
        f"classes     {len(classes)}",
        "",
    ]
    rows = [(i, c.representative, c.size, c.element_order) for i, c in enumerate(classes)]
    return "\n".join(head) + _table(rows, ("class", "representative", "size", "element order"))


def _cmd_info(args: argparse.Namespace) -> int:
    G = parse_group(args.spec)
    print(describe_group(G, args.spec))
    return 0


def _bits(x: Any) -> str:
    return "".join(str(int(v)) for v in np.asarray(x).ravel())


def _cmd_tour(args: argparse.Namespace) -> int:
    n = args.n
    if n < 1 or n > 16:
        raise GroupRepError(f"tour: argument '--n' must be between 1 and 16, got {n}")
    G = cyclic(n)
    action = shift_action(n, alphabet=2)
    say = print
    say(f"grouprep tour: the cyclic group Z_{n} acting on {n}-bit strings by cyclic shifts")
    say("=" * 72)
    say("\n1. The group (grouprep.groups)\n")
    say(describe_group(G, f"Z{n}"))
    say(f"\n   {check_group_axioms(G)}")
    say("\n2. The action (grouprep.actions): (g·x)[m] = x[(m - g) mod n], i.e. numpy.roll\n")
    x = np.zeros(n, dtype=np.int64)
    x[: (n + 1) // 2] = 1
    if n > 2:
        x[1] = 0
    say(f"   x = {_bits(x)}; its images under every g in Z_{n}:")
    images = {_bits(action.act(g, x)) for g in G}
    for g in G:
        say(f"     g = {g:2d}:  {_bits(action.act(g, x))}")
    say(f"   {len(images)} distinct images: the class [x] of the seed, a necklace.")
    say(f"\n   {check_action(action)}")
    pts = action.points_array()
    batch = action.act(1, pts)
    say(
        f"\n   One vectorized call shifts all {len(pts)} strings at once: "
        f"act(1, X) with X of shape {pts.shape} -> {batch.shape}."
    )
    say("\n3. The quotient (grouprep.orbits): the classes are the necklaces\n")
    reps = necklaces(n)
    say(
        f"   {len(reps)} classes of {n}-bit strings under Z_{n} "
        f"(closed formula: {count_necklaces(n)}; Burnside: {count_orbits(action)})."
    )
    shown = ", ".join(_bits(r) for r in reps[:12])
    say(
        f"   In lexicographic order, with their ranks 0, 1, 2, ...: {shown}"
        + (", ..." if len(reps) > 12 else "")
    )
    lr = least_rotation(x)
    say(
        f"\n   Gauge fixing (strategy 5): the least rotation of x = {_bits(x)} is "
        f"{_bits(lr.canonical)}, reached by g = {int(lr.shift)};"
    )
    period = next((d for d in range(2, n) if n % d == 0), 1)  # least proper period
    periodic = np.tile([0] * (period - 1) + [1], n // period)
    lp = least_rotation(periodic)
    say(
        f"   for {_bits(periodic)} it is reached by {int(lp.stabilizer_order)} shifts "
        f"(|stabilizer| = {stabilizer(action, tuple(int(v) for v in periodic)).order}): "
        "the tie the seed calls a Gribov ambiguity."
    )
    Q = Quotient(action)
    rank = int(necklace_rank(x))
    say(
        f"\n   Coordinates on the quotient (strategy 1): rank of [x] = {rank} of "
        f"{Q.num_classes}; its class has {Q.class_size(rank)} members."
    )
    big = Quotient(shift_action(64, alphabet=2))
    y = np.random.default_rng(0).integers(0, 2, 64)
    say(f"   The same works without enumeration for 64-bit strings: {big.num_classes} classes;")
    say(f"   a random string has rank {int(big.index(y))}.")
    say("\n4. Representations (grouprep.reps): the irreps of Z_n are its Fourier modes\n")
    modes = irreps(G)
    say(f"   chi_k(g) = E({n})^(k g), k = 0 .. {n - 1}: {len(modes)} irreducible characters;")
    lawful = all(check_homomorphism(rho).holds for rho in modes)
    say(f"   each passes the homomorphism law exactly: {lawful}.")
    table = character_table(G)
    if n <= 8:
        say("   The character table of Z_n is the (conjugated) DFT matrix:\n")
        for line in str(table).splitlines():
            say("     " + line)
    fixed = [action.num_points if g == 0 else 2 ** math.gcd(g, n) for g in G]
    mults = [int(inner_product(fixed, rho, group=G).as_fraction()) for rho in modes]
    say(f"\n   The {2**n} strings span a representation with fixed points 2^gcd(g, n); it")
    say(f"   contains Fourier mode k with multiplicity {mults}: the trivial mode")
    say(f"   {mults[0]} times, once per necklace (Burnside, seen from the characters).")
    say("\n5. What comes next")
    say("   Invariants, compiled featurizers and the five strategies grow on these layers.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``grouprep`` command."""
    from grouprep import __version__

    parser = argparse.ArgumentParser(
        prog="grouprep",
        description="Exact finite-group representation theory for machine learning.",
        epilog="Group specs: Z8 or C8 (cyclic), D5 (dihedral of order 10), S4, A5, Z2xZ4.",
    )
    parser.add_argument("--version", action="version", version=f"grouprep {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    info = sub.add_parser("info", help="order, generators, exponent and classes of a group")
    info.add_argument("spec", metavar="SPEC", help="a group spec such as Z8, D5, S4, A5, Z2xZ4")
    info.set_defaults(func=_cmd_info)
    tour = sub.add_parser("tour", help="walk through grouprep on Z_n acting on n-bit strings")
    tour.add_argument("--n", type=int, default=8, help="string length n (default 8, at most 16)")
    tour.set_defaults(func=_cmd_tour)
    from grouprep.cli._commands import add_commands

    add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 on success, 2 on bad input)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return int(args.func(args))
    except GroupRepError as err:
        print(f"grouprep {args.command}: error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
