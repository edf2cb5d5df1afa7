"""Command-line entry point (private). Built on argparse: no dependency, and the
sub-command structure (``grouprep info``, ``grouprep tour``, ...) needs nothing more."""

from __future__ import annotations

import argparse
import errno
import math
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO, cast

import numpy as np

from grouprep._validation import describe
from grouprep.actions import shift_action
from grouprep.errors import GroupRepError, GroupRepValueError, SizeLimitError
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

#: info, character-table, molien, invariants: largest group order (info prints one row
#: per conjugacy class, an abelian group of order m has m of them)
MAX_ORDER = 50_000
#: experiment: most seeds, and most rows of one training or test set
MAX_EXPERIMENT_SEEDS = 100
MAX_EXPERIMENT_ROWS = 100_000


def _number(value: int) -> str:
    """An integer for a message: in full up to 30 digits, else its size (``about 10^4820``;
    ``str`` refuses ints of more than 4300 digits)."""
    if value < 10**30:
        return str(value)
    return f"about 10^{int(value.bit_length() * math.log10(2))}"


def _group(command: str, spec: str) -> FiniteGroup[Any]:
    """The group of SPEC, refused at once (from its order) beyond :data:`MAX_ORDER`."""
    G = parse_group(spec)
    if G.order > MAX_ORDER:
        raise SizeLimitError(
            f"{command}: {_short(spec)} = {describe(G)} has order {_number(G.order)}; the "
            f"command takes groups of order at most {MAX_ORDER} (use the Python API for "
            "larger ones)"
        )
    return G


def _short(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:37]}..."


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
    G = _group("info", args.spec)
    print(describe_group(G, args.spec))
    return 0


def _bits(x: Any) -> str:
    return "".join(str(int(v)) for v in np.asarray(x).ravel())


def _cmd_tour(args: argparse.Namespace) -> int:
    n = args.n
    if n < 1 or n > 16:
        raise GroupRepValueError(f"tour: argument '--n' must be between 1 and 16, got {n}")
    if not args.no_experiment and _tour_sizes(n):
        _check_out("tour", args.out, args.force)
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
    batch = action.act(1 % n, pts)
    say(
        f"\n   One vectorized call shifts all {len(pts)} strings at once: "
        f"act({1 % n}, X) with X of shape {pts.shape} -> {batch.shape}."
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
    _tour_invariants(n, say)
    _tour_features(n, say)
    if not args.no_experiment:
        _tour_experiment(n, args, say)
    return 0


def _tour_invariants(n: int, say: Any) -> None:
    import sympy

    from grouprep.invariants import (
        invariant_basis,
        molien_coefficients,
        molien_series,
        power_spectrum_invariants,
    )
    from grouprep.laws import prove_invariant
    from grouprep.reps import regular_representation

    say("\n5. Invariants (grouprep.invariants): what Z_n leaves unchanged, exactly\n")
    rho = regular_representation(cyclic(n))
    coeffs = molien_coefficients(rho, 6)
    say(f"   Z_{n} permutes the coordinates x0..x{n - 1} of a real signal (regular rep).")
    if n <= 8:
        say(f"   Molien series: {sympy.factor(molien_series(rho))}")
    say(f"   invariant polynomials of degree 0..6: {coeffs} (Molien coefficients)")
    deg2 = invariant_basis(rho, 2)
    say(f"   degree 2: {len(deg2)} orbit sums, the autocorrelations, e.g. {deg2[-1]}")
    ps = power_spectrum_invariants(n)
    proofs = [prove_invariant(p, rho) for p in ps]
    say(
        f"   the power spectrum |X_k|^2, k = 0..{n // 2}: {len(ps)} polynomials, each "
        f"proved invariant on the generator: {all(r.holds for r in proofs)}"
    )
    if proofs[-1].certificate:
        say(f"     {proofs[-1].certificate[0]}")


def _tour_features(n: int, say: Any) -> None:
    from grouprep.features import Bispectrum, PowerSpectrum, to_source

    say("\n6. Compiled featurizers (grouprep.features): invariants as fast NumPy code\n")
    X = np.random.default_rng(1).standard_normal((1000, n))
    for feat in (PowerSpectrum(), Bispectrum()):
        feat.fit(X)
        report = feat.check(X[:50])
        say(
            f"   {feat!r}: {feat.transform(X).shape[1]} features per signal; "
            f"invariance on data holds: {report.holds}"
        )
    src = to_source(Bispectrum().fit(X))
    say(f"   to_source writes a standalone NumPy module ({len(src.splitlines())} lines).")


def _tour_experiment(n: int, args: argparse.Namespace, say: Any) -> None:
    try:
        from grouprep.strategies import run_experiment
    except ImportError:  # pragma: no cover - without the ml extra
        say("\n7. The experiment needs scikit-learn and matplotlib: pip install 'grouprep[ml]'")
        return
    say("\n7. Sample complexity (grouprep.strategies): the five strategies on a quotient task")
    sizes = _tour_sizes(n)
    if not sizes:
        say(f"   skipped: {n}-bit strings are too few ({2**n}) for a learning curve; try --n 8")
        return
    say(f"   task: random labels on the necklaces of {n}-bit strings; sizes {sizes}, 2 seeds\n")
    res = run_experiment(
        "necklace-labels",
        n,
        sizes=sizes,
        seeds=2,
        target=0.8,
        test_size=1000,
        out=args.out,
        overwrite=args.force,
    )
    for line in res.table().splitlines():
        say("   " + line)
    say(
        "\n   n@0.8: training samples needed for 80% test accuracy (interpolated); ratio: "
        "baseline's / this strategy's; inv: the fitted model passes check_invariant."
    )
    if res.files:
        say(f"   files: {res.files['json']}, {res.files['csv']}, {res.files['png']}")


def _tour_sizes(n: int) -> list[int]:
    """The train sizes of the tour's experiment; none when 2**n strings are too few."""
    sizes = [s for s in (16, 32, 64, 128, 256, 512) if s <= 2**n]
    return sizes if len(sizes) >= 2 else []


def _check_out(command: str, out: str, force: bool) -> None:
    """Refuse, before any work, an output directory that holds the result files of an
    earlier run, unless ``--force`` (``run_experiment`` refuses them too, with its own
    argument's name)."""
    if force:
        return
    try:
        from grouprep.strategies._experiment import existing_outputs
    except ImportError:  # pragma: no cover - without the ml extra nothing is written
        return
    found = existing_outputs(out)
    if found:
        raise GroupRepValueError(
            f"{command}: {', '.join(found)} exist{'s' if len(found) == 1 else ''} (results of "
            "an earlier run); pass --force to overwrite, or choose another --out"
        )


def _sizes(text: str) -> list[int]:
    """'16:4096' -> powers of two from 16 to 4096; '10,20,50' -> those sizes."""
    try:
        if ":" in text:
            lo, hi = (int(v) for v in text.split(":"))
            if lo < 2 or hi < lo:
                raise ValueError
            out, s = [], lo
            while s <= hi:
                out.append(s)
                s *= 2
            return out
        return [int(v) for v in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"sizes must look like 16:4096 (a doubling grid) or 10,20,50; got {text!r}"
        ) from None


def _cmd_experiment(args: argparse.Namespace) -> int:
    where = "experiment"
    try:
        from grouprep.strategies import run_experiment
    except ImportError as exc:  # pragma: no cover - without the ml extra
        raise GroupRepError(
            "experiment: needs scikit-learn and matplotlib: pip install 'grouprep[ml]'"
        ) from exc
    from grouprep.cli._groups import experiment_task

    task, n = experiment_task(where, args.group, args.task, args.side)
    if not 1 <= args.seeds <= MAX_EXPERIMENT_SEEDS:
        raise SizeLimitError(
            f"{where}: argument '--seeds' must be between 1 and {MAX_EXPERIMENT_SEEDS}, "
            f"got {_number(args.seeds)}"
        )
    for option, rows in (("--sizes", max(args.sizes)), ("--test-size", args.test_size)):
        if rows > MAX_EXPERIMENT_ROWS:
            raise SizeLimitError(
                f"{where}: argument {option!r} asks for {_number(rows)} samples; the command "
                f"takes at "
                f"most {MAX_EXPERIMENT_ROWS} per training or test set (use "
                "grouprep.strategies.run_experiment for more)"
            )
    _check_out(where, args.out, args.force)
    strategies = args.strategies.split(",") if args.strategies else None
    res = run_experiment(
        task,
        n,
        k=args.k,
        sizes=args.sizes,
        seeds=args.seeds,
        strategies=strategies,
        target=args.target,
        test_size=args.test_size,
        out=args.out,
        overwrite=args.force,
        progress=not args.quiet,
        seed=args.seed,
    )
    print(f"task: {res.description}")
    print(f"{res.seeds} seed(s) per size; test accuracy (mean over seeds):\n")
    print(res.table())
    print(
        f"\nn@{res.target:g}: training samples to reach that accuracy (interpolated in log size); "
        "ratio: baseline's / this strategy's (> when the baseline never got there); "
        "inv: passes check_invariant on held-out data."
    )
    for kind, path in res.files.items():
        print(f"{kind}: {path}")
    return 0


def _add_experiment(sub: Any) -> None:
    from grouprep.strategies._tasks import TASKS

    exp = sub.add_parser(
        "experiment",
        help="learning curves of the five strategies on a task with an exact symmetry",
        description=(
            "Fit every strategy (baseline, quotient, augmentation, invariant features, "
            "equivariant layers, canonicalization) with the same random-forest model on "
            "growing training sets, and report the test accuracy and the samples each "
            "needs to reach a target accuracy. Writes results.json, results.csv and "
            "learning_curves.png to --out. The group names the symmetry: Zn (cyclic "
            "shifts of strings of length n; tasks necklace-labels, run-of-ones, templates, "
            "pattern-position), Dn (rotations and reflections of strings of length n; "
            "bracelet-labels), Sn (relabelling the vertices of graphs on n = 3..6 vertices; "
            "graph-labels), p4m (translations, quarter turns and mirrors of periodic "
            "--side x --side images; image-labels)."
        ),
    )
    exp.add_argument(
        "--group", default="Z8", help="Zn, Dn, Sn or p4m (default Z8); see the description"
    )
    exp.add_argument(
        "--task",
        default=None,
        choices=sorted(TASKS),
        help="the built-in task (default: the group's first: necklace-labels for Zn, "
        "bracelet-labels for Dn, graph-labels for Sn, image-labels for p4m)",
    )
    exp.add_argument(
        "--side",
        type=int,
        default=None,
        help="with --group p4m: the side of the images, 2..7 (default 4)",
    )
    exp.add_argument(
        "--sizes", type=_sizes, default=_sizes("16:256"), help="train sizes: 16:4096 or 10,20,50"
    )
    exp.add_argument("--seeds", type=int, default=3, help="repetitions per size (default 3)")
    exp.add_argument(
        "--k", type=int, default=2, help="alphabet size (colours) for strings and images"
    )
    exp.add_argument("--target", type=float, default=0.9, help="target accuracy (default 0.9)")
    exp.add_argument("--test-size", type=int, default=2000, help="test samples per seed")
    exp.add_argument("--strategies", default=None, help="comma-separated subset of strategies")
    exp.add_argument("--seed", type=int, default=0, help="master seed (default 0)")
    exp.add_argument(
        "--out",
        default="grouprep-experiment",
        help="output directory; result files of an earlier run are kept unless --force",
    )
    exp.add_argument("--force", action="store_true", help="overwrite the result files in --out")
    exp.add_argument("--quiet", action="store_true", help="no progress lines")
    exp.set_defaults(func=_cmd_experiment)


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
    tour.add_argument(
        "--out",
        default="grouprep-tour",
        help="directory for the experiment's files; existing ones are kept unless --force",
    )
    tour.add_argument("--force", action="store_true", help="overwrite the files in --out")
    tour.add_argument(
        "--no-experiment", action="store_true", help="skip the sample-complexity experiment"
    )
    tour.set_defaults(func=_cmd_tour)
    _add_experiment(sub)
    from grouprep.cli._commands import add_commands

    add_commands(sub)
    return parser


class _OutputError(Exception):
    """Writing the command's standard output failed (a full disk, a closed pipe)."""

    def __init__(self, err: OSError) -> None:
        super().__init__(err)
        self.err = err


class _Output:
    """Standard output, with a failed write or flush raised as :class:`_OutputError`, so
    that it is told apart from the command's own file errors."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as err:
            raise _OutputError(err) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as err:
            raise _OutputError(err) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _discard_stdout() -> None:
    """Point file descriptor 1 at the null device, so that the interpreter's last flush
    of the unwritable output neither fails nor prints."""
    try:
        fd = sys.__stdout__.fileno() if sys.__stdout__ is not None else 1
    except (OSError, ValueError):  # pragma: no cover - no real standard output
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _error(text: str) -> None:
    print(" ".join(text.split("\n")), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    0 on success; 2 on bad input, with one line ``grouprep COMMAND: error: ...`` on
    standard error (also when the standard output cannot be written, for example a full
    disk; a closed pipe, as in ``grouprep ... | head``, ends the command quietly with 0);
    130 when interrupted (Ctrl-C), with one line; 1, with one line, for an error that is
    a bug of grouprep. No traceback is printed.
    """
    command = "grouprep"
    stdout = sys.stdout
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 0
        command = f"grouprep {args.command}"
        sys.stdout = cast(TextIO, _Output(stdout))
        status = int(args.func(args))
        sys.stdout.flush()
        return status
    except GroupRepError as err:
        _error(f"{command}: error: {err}")
        return 2
    except (_OutputError, BrokenPipeError) as exc:
        failure = exc.err if isinstance(exc, _OutputError) else exc
        sys.stdout = stdout
        if stdout is sys.__stdout__:
            _discard_stdout()
        if failure.errno == errno.EPIPE:  # e.g. `grouprep necklaces 20 --list | head`
            return 0
        _error(f"{command}: error: cannot write the output: {failure.strerror or failure}")
        return 2
    except KeyboardInterrupt:
        _error(f"{command}: interrupted")
        return 130
    except MemoryError as err:
        _error(f"{command}: error: out of memory{f' ({err})' if str(err) else ''}")
        return 2
    except Exception as err:  # a bug: one line rather than a traceback
        _error(f"{command}: internal error: {type(err).__name__}: {err} (please report it)")
        return 1
    finally:
        sys.stdout = stdout


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
