"""Sub-commands of ``grouprep`` for the derived objects (private): ``necklaces``,
``character-table``, ``molien``, ``invariants`` and ``featurize``.

Each ``_cmd_*`` function takes the parsed arguments and returns the exit status; bad input
raises a :class:`~grouprep.errors.GroupRepError`, which :func:`grouprep.cli.main` prints as
``grouprep COMMAND: error: ...`` with status 2. The size limits below are checked from
the arguments before any work; they bound memory and output, and keep most commands
within seconds (docs/guide/cli.rst lists them, and the exceptions). The Python API has no
such limits.
"""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep.actions import permutation_action
from grouprep.cli._main import _group, _number, _table
from grouprep.errors import GroupRepValueError, SizeLimitError
from grouprep.features import (
    Bispectrum,
    Featurizer,
    InvariantPolynomials,
    PowerSpectrum,
    to_source,
)
from grouprep.groups import CyclicGroup, FiniteGroup, parse_group
from grouprep.invariants import (
    invariant_basis,
    invariant_generators,
    molien_coefficients,
    molien_series,
)
from grouprep.orbits import (
    count_bracelets,
    count_lyndon_words,
    count_necklaces,
    iter_necklaces,
    least_rotation,
    necklace_rank,
)
from grouprep.reps import (
    Representation,
    character_table,
    permutation_representation,
    regular_representation,
)

__all__ = ["add_commands"]

#: necklaces: the counts are printed in full; k**n has at most this many digits
MAX_COUNT_DIGITS = 4000
#: necklaces --rank: longest strings (ranking costs O(n^2) per string)
MAX_RANK_LENGTH = 1024
MAX_RANK_ALPHABET = 2**31
#: necklaces --list: most symbols listed, --limit * N
MAX_LIST_SYMBOLS = 10**7
#: character-table: most conjugacy classes (the table has classes**2 entries)
MAX_CLASSES = 200
#: molien, invariants: largest dimension of the representation
MAX_DIM = 200
#: molien: highest degree of the coefficients
MAX_MOLIEN_DEGREE = 1000
#: molien: the closed form needs exponent * dim coefficients and a sympy cancel
MAX_SERIES_WORK = 500
#: invariants: most monomials of the requested degree, C(dim + D - 1, D)
MAX_MONOMIALS = 50_000
#: invariants --generators: most invariants in one degree (row reduction of products)
MAX_GENERATOR_BASIS = 100
#: featurize: longest signals (bispectrum-full has about n**2 / 4 features)
MAX_SIGNAL = 65_536
MAX_SIGNAL_FULL_BISPECTRUM = 1024
#: featurize --features polynomials: highest degree, and most monomials of all the
#: degrees 1 .. D together, C(n + D, D) - 1 (the module computes one orbit sum per class)
MAX_FEATURE_DEGREE = 100
MAX_FEATURE_MONOMIALS = 10_000


def _fail(command: str, message: str) -> GroupRepValueError:
    return GroupRepValueError(f"{command}: {message}")


def _positive(command: str, option: str, value: int, minimum: int = 1) -> int:
    if value < minimum:
        raise _fail(command, f"argument '{option}' must be >= {minimum}, got {value}")
    return value


def _word(row: Sequence[int] | npt.NDArray[Any], k: int) -> str:
    """A string of symbols: digits for k <= 10, comma-separated numbers otherwise."""
    symbols = [str(int(v)) for v in row]
    return "".join(symbols) if k <= 10 else ",".join(symbols)


# ----------------------------------------------------------------- necklaces
def _parse_string(text: str, n: int, k: int) -> list[int]:
    """The symbols of ``--rank STRING``: digits, or numbers separated by commas."""
    where = "necklaces"
    parts = [p.strip() for p in text.split(",")] if "," in text else list(text.strip())
    if not parts or any(not p.isdigit() or not p.isascii() for p in parts):
        form = "digits such as 00010011" if k <= 10 else "numbers separated by commas"
        raise _fail(
            where,
            f"argument '--rank' must be a string of symbols 0 .. {k - 1} ({form}), got {text!r}",
        )
    symbols = [int(p) for p in parts]
    if len(symbols) != n:
        raise _fail(
            where,
            f"argument '--rank' must have length N = {n}, got {text!r} of length {len(symbols)}",
        )
    bad = [s for s in symbols if s >= k]
    if bad:
        raise _fail(
            where,
            f"argument '--rank' must hold symbols 0 .. {k - 1} (k = {k}), got {text!r} "
            f"with symbol {bad[0]}",
        )
    return symbols


def _cmd_necklaces(args: argparse.Namespace) -> int:
    where = "necklaces"
    n = _positive(where, "N", args.n)
    k = _positive(where, "--k", args.k)
    limit = _positive(where, "--limit", args.limit)
    longest = int(MAX_COUNT_DIGITS / math.log10(max(k, 2)))  # compared as ints: n may be huge
    if n > longest:
        raise SizeLimitError(
            f"{where}: N = {_number(n)} is too long for k = {_number(k)}: the command takes "
            f"k**N of at most {MAX_COUNT_DIGITS} digits (k counted as 2 or more), so N <= "
            f"{longest}; use the Python functions grouprep.count_necklaces and friends for "
            "such sizes"
        )
    if args.rank is not None and n > MAX_RANK_LENGTH:
        raise _fail(
            where,
            f"--rank takes N <= {MAX_RANK_LENGTH} (ranking costs O(N^2) operations), got N = {n}",
        )
    if args.rank is not None and k > MAX_RANK_ALPHABET:
        raise _fail(where, f"--rank takes k <= 2**31, got k = {k}")
    if args.list and k > 2**63 - 1:
        raise _fail(where, f"--list takes k <= 2**63 - 1 (symbols are int64), got k = {k}")
    if args.list and min(limit, count_necklaces(n, k)) * n > MAX_LIST_SYMBOLS:
        raise _fail(
            where,
            f"--list would print more than {MAX_LIST_SYMBOLS} symbols (rows times N); "
            "lower --limit",
        )
    x = None if args.rank is None else np.array(_parse_string(args.rank, n, k), dtype=np.int64)
    total = count_necklaces(n, k)
    print(f"strings of length {n} over {k} symbol{'s' if k > 1 else ''}, up to rotation")
    print(f"necklaces     {total}  (classes under rotation)")
    print(f"Lyndon words  {count_lyndon_words(n, k)}  (aperiodic necklaces)")
    print(f"bracelets     {count_bracelets(n, k)}  (classes under rotation and reflection)")
    if x is not None:
        lr = least_rotation(x)
        stab = int(lr.stabilizer_order)
        print()
        print(f"string          {_word(x, k)}")
        canonical, shift = _word(lr.canonical, k), int(lr.shift)
        print(f"least rotation  {canonical}  (the string shifted by g = {shift})")
        size = n // stab
        print(f"stabilizer      {stab}  (a class of {size} string{'s' if size > 1 else ''})")
        print(f"rank            {int(necklace_rank(x, k))} of {total}")
    if args.list:
        shown = min(limit, total)
        rows = next(iter_necklaces(n, k, batch=shown)).astype(np.int64)
        # the necklaces come in lexicographic order, so the rank of a row is its position
        sizes = (n // np.asarray(least_rotation(rows).stabilizer_order)).tolist()
        table = [(r, _word(row, k), s) for r, (row, s) in enumerate(zip(rows, sizes, strict=True))]
        print()
        print(_table(table, ("rank", "necklace", "class size")))
        if shown < total:
            print(f"... the first {shown} of {total} necklaces (--limit L shows more)")
    return 0


# ------------------------------------------------------------- group commands
def _cmd_character_table(args: argparse.Namespace) -> int:
    where = "character-table"
    G = _group(where, args.spec)
    classes = G.conjugacy_classes()
    if len(classes) > MAX_CLASSES:
        raise _fail(
            where,
            f"{args.spec} = {G!r} has {len(classes)} conjugacy classes; the command prints "
            f"tables of at most {MAX_CLASSES} (use grouprep.character_table in Python)",
        )
    table = character_table(G)
    degrees = [int(d) for d in table.degrees]
    print(f"character table of {args.spec} = {G!r}: order {G.order}, {len(classes)} classes")
    print(
        f"degrees {', '.join(map(str, degrees))} "
        f"(sum of squares {sum(d * d for d in degrees)} = |G|)"
    )
    print()
    text = str(table)
    print(text)
    if "E(" in text:
        print("\nE(m) = exp(2 pi i / m), a primitive m-th root of unity")
    return 0


def _representation(command: str, G: FiniteGroup[Any], spec: str, action: str) -> Representation:
    if action == "regular":
        if G.order > MAX_DIM:
            raise _fail(
                command,
                f"the regular representation of {spec} has dimension |G| = {G.order}; the "
                f"command takes dimension at most {MAX_DIM}",
            )
        return regular_representation(G)
    rep = permutation_representation(permutation_action(G))
    if rep.dim > MAX_DIM:
        raise _fail(
            command,
            f"{spec} permutes {rep.dim} points; the command takes dimension at most {MAX_DIM}",
        )
    return rep


def _describe(spec: str, G: FiniteGroup[Any], action: str, rep: Representation) -> str:
    if action == "regular":
        return f"{spec} = {G!r} on its regular representation (dim {rep.dim})"
    points = f"{rep.dim} point{'s' if rep.dim > 1 else ''}"
    return f"{spec} = {G!r} permuting {points} (permutation representation, dim {rep.dim})"


def _series_text(rep: Representation, G: FiniteGroup[Any]) -> str:
    work = G.exponent * rep.dim
    if work > MAX_SERIES_WORK:
        return (
            f"(closed form not computed: it needs exponent * dim = {work} > "
            f"{MAX_SERIES_WORK} coefficients; use grouprep.molien_series in Python)"
        )
    return str(_factored(molien_series(rep)))


def _factored(series: Any) -> Any:
    """A rational function of t, factored, with (1 - t)**k for (t - 1)**k (sign folded in)."""
    import sympy

    if len(series.free_symbols) != 1:
        return sympy.factor(series)
    (t,) = series.free_symbols
    sign = 1
    parts = []
    for poly in sympy.fraction(sympy.factor(series)):
        coeff, factors = sympy.factor_list(poly)
        powers = []
        for f, k in factors:
            if sympy.expand(f - (t - 1)) == 0:
                f, sign = 1 - t, sign * (-1) ** k
            powers.append(f**k)
        parts.append((coeff, powers))
    (num_coeff, num), (den_coeff, den) = parts
    return sympy.Mul(sign * num_coeff / den_coeff, *num) / sympy.Mul(*den)


def _cmd_molien(args: argparse.Namespace) -> int:
    where = "molien"
    degree = args.degree
    if not 0 <= degree <= MAX_MOLIEN_DEGREE:
        raise _fail(
            where,
            f"argument '--degree' must be between 0 and {MAX_MOLIEN_DEGREE}, "
            f"got {_number(degree)}",
        )
    G = _group(where, args.spec)
    rep = _representation(where, G, args.spec, args.action)
    coefficients = molien_coefficients(rep, degree)
    print(f"Molien series of {_describe(args.spec, G, args.action, rep)}")
    print(f"M(t) = {_series_text(rep, G)}")
    print(
        f"dimensions of the invariants of degree 0 .. {degree}: "
        + ", ".join(map(str, coefficients))
    )
    return 0


def _cmd_invariants(args: argparse.Namespace) -> int:
    where = "invariants"
    degree = args.degree
    if not 0 <= degree <= MAX_MOLIEN_DEGREE:  # the Molien coefficients up to D are needed
        raise _fail(
            where,
            f"argument '--degree' must be between 0 and {MAX_MOLIEN_DEGREE}, "
            f"got {_number(degree)}",
        )
    limit = _positive(where, "--limit", args.limit)
    G = _group(where, args.spec)
    rep = _representation(where, G, args.spec, args.action)
    monomials = math.comb(rep.dim + degree - 1, degree)
    if monomials > MAX_MONOMIALS:
        raise _fail(
            where,
            f"there are {_number(monomials)} monomials of degree {degree} in {rep.dim} "
            "variables, more "
            f"than the {MAX_MONOMIALS} the command takes; lower --degree",
        )
    coefficients = molien_coefficients(rep, degree)
    if args.generators and max(coefficients) > MAX_GENERATOR_BASIS:
        raise _fail(
            where,
            f"--generators reduces products against up to {max(coefficients)} invariants of "
            f"one degree, more than the {MAX_GENERATOR_BASIS} the command takes; lower --degree",
        )
    basis = invariant_basis(rep, degree)
    variables = "x0" if rep.dim == 1 else f"x0 .. x{rep.dim - 1}"
    print(f"invariants of degree {degree} of {_describe(args.spec, G, args.action, rep)}")
    print(f"variables {variables}; Molien coefficient {coefficients[degree]}")
    print(f"{len(basis)} polynomial{'s' if len(basis) != 1 else ''}:")
    for p in basis[:limit]:
        print(f"  {p}")
    if len(basis) > limit:
        print(f"  ... the first {limit} of {len(basis)} (--limit L shows more)")
    if args.generators:
        import sympy

        generators = invariant_generators(rep, degree)
        noun = "generator" if len(generators) == 1 else "generators"
        print(f"\n{len(generators)} {noun} of the invariant ring up to degree {degree}:")
        for p in generators:
            print(f"  degree {sympy.total_degree(p)}: {p}")
    return 0


# ----------------------------------------------------------------- featurize
_FEATURES = ("power-spectrum", "bispectrum", "bispectrum-full", "polynomials")


def _featurizer(where: str, features: str, n: int, degree: int | None) -> Featurizer:
    if features != "polynomials":
        if degree is not None:
            raise _fail(where, "argument '--degree' applies to --features polynomials only")
        big = MAX_SIGNAL_FULL_BISPECTRUM if features == "bispectrum-full" else MAX_SIGNAL
        if n > big:
            raise _fail(
                where, f"--features {features} takes signals of length at most {big}, got {n}"
            )
        if features == "power-spectrum":
            return PowerSpectrum(n)
        return Bispectrum(n, selective=features == "bispectrum")
    degree = 2 if degree is None else degree
    if not 1 <= degree <= MAX_FEATURE_DEGREE:
        raise _fail(
            where,
            f"argument '--degree' must be between 1 and {MAX_FEATURE_DEGREE}, "
            f"got {_number(degree)}",
        )
    monomials = math.comb(n + degree, degree) - 1
    if monomials > MAX_FEATURE_MONOMIALS:
        raise SizeLimitError(
            f"{where}: there are {_number(monomials)} monomials of degrees 1 .. {degree} in "
            f"{n} variables, more than the {MAX_FEATURE_MONOMIALS} the command takes; lower "
            "--degree"
        )
    return InvariantPolynomials(degree=degree)


def _cmd_featurize(args: argparse.Namespace) -> int:
    where = "featurize"
    G = parse_group(args.spec)
    if not isinstance(G, CyclicGroup):
        raise _fail(
            where,
            f"the featurizers act on signals of length n by cyclic shifts, so SPEC must be a "
            f"cyclic group Zn (or Cn), got {args.spec} = {G!r}",
        )
    n = G.order
    feat = _featurizer(where, args.features, n, args.degree)
    feat.fit(np.zeros((1, n)))
    source = to_source(feat)
    path = args.output
    if os.path.isdir(path):
        raise _fail(where, f"cannot write {path}: it is a directory; give a file name")
    try:
        with open(path, "w" if args.force else "x", encoding="utf-8") as fh:
            fh.write(source)
    except FileExistsError:
        raise _fail(where, f"{path} exists; pass --force to overwrite it") from None
    except OSError as err:
        raise _fail(where, f"cannot write {path}: {err.strerror or err}") from None
    names = [str(s) for s in feat.get_feature_names_out()]
    shown = " ".join(names) if len(names) <= 8 else " ".join([*names[:6], "...", names[-1]])
    size = os.path.getsize(path)
    print(f"wrote {path} ({size} bytes): a NumPy-only module with transform(X)")
    print(f"featurizer  {feat!r}, fitted on signals of length {n}")
    print(f"features    {len(names)}: {shown}")
    print(f"input       X of shape (n_samples, {n}); output (n_samples, {len(names)})")
    return 0


# -------------------------------------------------------------- registration
_SPEC_HELP = "a group spec such as Z8, D5, S4, A5, Z2xZ4"
_ACTION_HELP = (
    "the representation: 'perm' (default) permutes the points the group acts on "
    "(n-gon vertices for Zn and Dn, 1..n for Sn and An), 'regular' permutes the group"
)


def add_commands(sub: Any) -> None:
    """Register the sub-commands on the sub-parser collection of the main parser."""
    p = sub.add_parser(
        "necklaces",
        help="count necklaces, Lyndon words and bracelets; rank or list necklaces",
        description="Counts of the k-ary strings of length N up to rotation (necklaces), "
        "the aperiodic ones (Lyndon words) and up to rotation and reflection (bracelets); "
        "optionally the class of one string (--rank) and the necklaces in order (--list).",
    )
    p.add_argument("n", metavar="N", type=int, help="string length, N >= 1")
    p.add_argument("--k", type=int, default=2, help="alphabet size, symbols 0 .. k-1 (default 2)")
    p.add_argument(
        "--rank",
        metavar="STRING",
        help="a string of N symbols, digits such as 00010011 (or numbers separated by commas "
        "for k > 10): print its least rotation, shift, stabilizer order and rank",
    )
    p.add_argument(
        "--list",
        action="store_true",
        help="list the necklaces in lexicographic order with their ranks and class sizes",
    )
    p.add_argument(
        "--limit", type=int, default=64, help="at most this many rows with --list (default 64)"
    )
    p.set_defaults(func=_cmd_necklaces)

    p = sub.add_parser(
        "character-table",
        help="the character table of a group, with exact cyclotomic values",
        description="The character table of a group: one column per conjugacy class (its "
        "element order and a letter), one row per irreducible character; values are exact, "
        "E(m) is exp(2 pi i / m).",
    )
    p.add_argument("spec", metavar="SPEC", help=_SPEC_HELP)
    p.set_defaults(func=_cmd_character_table)

    p = sub.add_parser(
        "molien",
        help="the Molien series: dimensions of the invariant polynomials by degree",
        description="The Molien series M(t) = sum_d dim C[V]^G_d t^d of a permutation "
        "representation of a group, as a factored rational function, and its first "
        "coefficients.",
    )
    p.add_argument("spec", metavar="SPEC", help=_SPEC_HELP)
    p.add_argument(
        "--degree",
        metavar="D",
        type=int,
        default=10,
        help="print the coefficients of degrees 0 .. D (default 10)",
    )
    p.add_argument("--action", choices=("perm", "regular"), default="perm", help=_ACTION_HELP)
    p.set_defaults(func=_cmd_molien)

    p = sub.add_parser(
        "invariants",
        help="a basis of the invariant polynomials of one degree (and ring generators)",
        description="A basis of the homogeneous invariant polynomials of degree D in the "
        "variables x0, x1, ... of a permutation representation of a group (orbit sums of "
        "monomials); optionally a minimal set of generators of the invariant ring up to "
        "degree D.",
    )
    p.add_argument("spec", metavar="SPEC", help=_SPEC_HELP)
    p.add_argument(
        "--degree", metavar="D", type=int, required=True, help="the degree D >= 0 (required)"
    )
    p.add_argument("--action", choices=("perm", "regular"), default="perm", help=_ACTION_HELP)
    p.add_argument(
        "--generators",
        action="store_true",
        help="also print minimal generators of the invariant ring of degree at most D",
    )
    p.add_argument(
        "--limit",
        type=int,
        default=64,
        help="print at most this many basis polynomials (default 64)",
    )
    p.set_defaults(func=_cmd_invariants)

    p = sub.add_parser(
        "featurize",
        help="write a fitted shift-invariant featurizer as a standalone NumPy module",
        description="Fit a featurizer invariant under cyclic shifts of signals of length n "
        "(SPEC = Zn or Cn) and write it, with grouprep.to_source, as a Python module that "
        "imports NumPy only and defines transform(X).",
    )
    p.add_argument("spec", metavar="SPEC", help="a cyclic group Zn or Cn: the signal length n")
    p.add_argument(
        "--features",
        required=True,
        choices=_FEATURES,
        help="power-spectrum (|X_k|^2), bispectrum (the n selective bispectrum pairs, "
        "complete for generic signals), bispectrum-full (all pairs k1 <= k2) or polynomials "
        "(invariant polynomials of degrees 1 .. D)",
    )
    p.add_argument(
        "--degree",
        metavar="D",
        type=int,
        help="highest degree for --features polynomials (default 2)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE.py",
        required=True,
        help="the module to write; an existing file is kept unless --force",
    )
    p.add_argument("--force", action="store_true", help="overwrite FILE.py if it exists")
    p.set_defaults(func=_cmd_featurize)
