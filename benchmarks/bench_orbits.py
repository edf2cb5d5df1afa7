"""Necklaces of the cyclic shift: generation, least rotations, ranks, the Schreier graph.

Five comparisons on binary strings (k = 2), each side given the same input:

* ``necklaces``, ``bracelets``: ``grouprep.necklaces(n)`` and ``grouprep.bracelets(n)``
  against sympy's generators ``necklaces(n, 2)`` and ``bracelets(n, 2)`` materialized as
  lists of tuples.
* ``least rotation (NumPy)``: ``grouprep.least_rotation`` against plain NumPy code (below)
  that packs each row into one word, takes the minimum over all rotations, finds the
  least shift reaching it and unpacks.
* ``least rotation (sympy)``: the same on a smaller batch against sympy's
  ``least_rotation`` called once per string (Python lists).
* ``necklace rank``, ``necklace unrank``: grouprep's counting formula against the table a
  user would otherwise build: enumerate ``grouprep.necklaces(n)``, then look the least
  rotation of each string up in a dict or by binary search on the packed codes. Tables
  only exist for small n, so these cases use n = 20.
* ``necklace rank (NumPy counting)``: the counting formula at n = 64 (no table exists),
  grouprep's compiled loops against the same algorithm in plain NumPy, vectorized over
  the rows (``_rank_reference.py``), on 10^5 random strings.
* ``Schreier graph``: ``grouprep.schreier_graph`` of the shift action on all 2^n strings
  against a Python loop adding the same edges to a ``networkx.MultiDiGraph`` one by one.

Every check runs outside the timed region. Generated classes are compared as sets after
mapping every row to the least element of its class with the NumPy code of this module,
so neither side's choice of representative matters; the class counts must also match the
published values (OEIS A000031, A000029).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt
from sympy.utilities.iterables import bracelets as sympy_bracelets
from sympy.utilities.iterables import least_rotation as sympy_least_rotation
from sympy.utilities.iterables import necklaces as sympy_necklaces

import grouprep
from benchmarks import _rank_reference
from benchmarks._harness import BenchmarkMismatch, Case

SEED = 2024

NECKLACE_COUNTS = {12: 352, 16: 4116, 20: 52488, 24: 699252}
"""Binary necklaces of length n, OEIS A000031."""

BRACELET_COUNTS = {16: 2250, 20: 27012}
"""Binary bracelets of length n, OEIS A000029."""

Bits = npt.NDArray[np.uint8]
Words = npt.NDArray[np.uint64]
Ints = npt.NDArray[np.int64]


class Same:
    """An array answer, equal to another exactly when the arrays are equal."""

    __slots__ = ("array",)

    def __init__(self, array: npt.NDArray[Any]) -> None:
        self.array = array

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and np.array_equal(self.array, other.array)

    def __repr__(self) -> str:
        body = np.array2string(self.array, threshold=12, edgeitems=3)
        return f"array of shape {self.array.shape}: {body}"


# ----------------------------------------------------------------- inputs
@functools.cache
def random_strings(count: int, n: int) -> Bits:
    """``count`` uniformly random binary strings of length n (seeded, built once)."""
    rng = np.random.default_rng([SEED, count, n])
    return rng.integers(0, 2, size=(count, n), dtype=np.uint8)


@functools.cache
def random_ranks(count: int, n: int) -> Ints:
    """``count`` uniformly random necklace ranks for length n (seeded, built once)."""
    rng = np.random.default_rng([SEED, count, n, 1])
    return rng.integers(0, NECKLACE_COUNTS[n], size=count, dtype=np.int64)


# ------------------------------------------------------- plain NumPy least rotation
CHUNK = 1 << 15
"""Rows per block of the NumPy code, so that its word arrays stay in cache."""


def pack_rows(rows: Bits) -> Words:
    """Each binary row as one uint64, first symbol most significant (integer order is
    lexicographic order); rows of length n <= 64."""
    count, n = rows.shape
    padded = np.zeros((count, 64), dtype=np.uint8)
    padded[:, 64 - n :] = rows
    return np.packbits(padded, axis=1).view(">u8").reshape(count).astype(np.uint64)


def unpack_rows(words: Words, n: int) -> Bits:
    """The inverse of :func:`pack_rows`."""
    octets = words.astype(">u8").view(np.uint8).reshape(len(words), 8)
    return np.unpackbits(octets, axis=1)[:, 64 - n :]


class Rotations:
    """Writes ``numpy.roll(x, g)`` of packed rows x into a buffer, for any g in 1 .. n-1.

    Rolling right by g moves the low g bits to the top. For n <= 32 the word is doubled
    once (``x << n | x``) so that every rotation is one shift and one mask.
    """

    def __init__(self, words: Words, n: int) -> None:
        self.words, self.n = words, n
        self.mask = np.uint64((1 << n) - 1) if n < 64 else None
        self.doubled = (words << np.uint64(n)) | words if n <= 32 else None
        self.low = np.empty_like(words)

    def into(self, g: int, out: Words) -> Words:
        if self.doubled is not None:
            np.right_shift(self.doubled, np.uint64(g), out=out)
        else:
            np.right_shift(self.words, np.uint64(g), out=out)
            np.left_shift(self.words, np.uint64(self.n - g), out=self.low)
            np.bitwise_or(out, self.low, out=out)
        if self.mask is not None:
            np.bitwise_and(out, self.mask, out=out)
        return out


def least_rotation_words(words: Words, n: int) -> tuple[Words, Ints]:
    """The least rotation of packed rows and the least g with ``roll(x, g)`` equal to it."""
    rotations = Rotations(words, n)
    best = words.copy()
    current = np.empty_like(words)
    for g in range(1, n):
        np.minimum(best, rotations.into(g, current), out=best)
    shift = np.zeros(len(words), dtype=np.int64)
    hit = np.empty(len(words), dtype=bool)
    for g in range(n - 1, 0, -1):  # downwards, so the least g is written last
        np.equal(rotations.into(g, current), best, out=hit)
        np.putmask(shift, hit, g)
    np.putmask(shift, words == best, 0)
    return best, shift


def numpy_least_rotation(strings: Bits) -> tuple[Bits, Ints]:
    """Canonical rows and shifts as ``grouprep.least_rotation`` gives them, in NumPy."""
    count, n = strings.shape
    canonical = np.empty_like(strings)
    shift = np.empty(count, dtype=np.int64)
    for start in range(0, count, CHUNK):
        best, block_shift = least_rotation_words(pack_rows(strings[start : start + CHUNK]), n)
        canonical[start : start + CHUNK] = unpack_rows(best, n)
        shift[start : start + CHUNK] = block_shift
    return canonical, shift


# ------------------------------------------------------------------ checks
def necklace_codes(rows: Bits) -> Words:
    """The packed least rotation of every row."""
    return least_rotation_words(pack_rows(rows), rows.shape[1])[0]


def bracelet_codes(rows: Bits) -> Words:
    """The packed least element of every row's class under rotation and reversal."""
    return np.minimum(necklace_codes(rows), necklace_codes(rows[:, ::-1]))


def classes_answer(
    label: str, published: int, codes: Callable[[Bits], Words]
) -> Callable[[Bits], tuple[int, Same]]:
    """An answer function for generated classes: their number (which must be the
    published count) and the sorted set of their canonical codes."""

    def answer(rows: Bits) -> tuple[int, Same]:
        if len(rows) != published:
            raise BenchmarkMismatch(f"{label}: {len(rows)} classes, published {published}")
        return len(rows), Same(np.unique(codes(rows)))

    return answer


def as_bits(tuples: list[tuple[int, ...]]) -> Bits:
    return np.array(tuples, dtype=np.uint8)


def least_rotation_answer(result: grouprep.LeastRotation) -> tuple[Same, Same]:
    return Same(result.canonical), Same(result.shift)


def numpy_answer(result: tuple[Bits, Ints]) -> tuple[Same, Same]:
    return Same(result[0]), Same(result[1])


def sympy_rotation_answer(strings: Bits) -> Callable[[list[int]], tuple[Same, Same]]:
    """sympy gives some k with ``roll(x, -k)`` least; the least g with ``roll(x, g)``
    least is then ``-k`` modulo the period of the least rotation."""

    def answer(lefts: list[int]) -> tuple[Same, Same]:
        count, n = strings.shape
        k = np.array(lefts, dtype=np.int64)
        columns = (np.arange(n) + k[:, None]) % n
        canonical = np.take_along_axis(strings, columns, axis=1)
        period = np.full(count, n, dtype=np.int64)
        for d in range(n - 1, 0, -1):  # downwards, so the least period is written last
            if n % d == 0:
                np.putmask(period, (np.roll(canonical, d, axis=1) == canonical).all(axis=1), d)
        return Same(canonical), Same(-k % period)

    return answer


def ranks_answer(ranks: npt.NDArray[Any]) -> Same:
    return Same(np.asarray(ranks, dtype=np.int64))


# -------------------------------------------------------------------- cases
def necklaces_case(n: int) -> Case:
    published = NECKLACE_COUNTS[n]
    answer = classes_answer(f"necklaces n={n}", published, necklace_codes)
    return Case(
        operation="necklaces",
        case=f"n={n}, {published:,} classes",
        caches="cold",
        grouprep=lambda: grouprep.necklaces(n, 2),
        baseline=lambda: list(sympy_necklaces(n, 2)),
        grouprep_answer=answer,
        baseline_answer=lambda tuples: answer(as_bits(tuples)),
    )


def bracelets_case(n: int) -> Case:
    published = BRACELET_COUNTS[n]
    answer = classes_answer(f"bracelets n={n}", published, bracelet_codes)
    return Case(
        operation="bracelets",
        case=f"n={n}, {published:,} classes",
        caches="cold",
        grouprep=lambda: grouprep.bracelets(n, 2),
        baseline=lambda: list(sympy_bracelets(n, 2)),
        grouprep_answer=answer,
        baseline_answer=lambda tuples: answer(as_bits(tuples)),
    )


def power_of_ten(count: int) -> str:
    exponent = len(str(count)) - 1
    return f"10^{exponent}" if count == 10**exponent else f"{count:,}"


def numpy_rotation_case(n: int, count: int) -> Case:
    strings = random_strings(count, n)  # drawn once: the timings are the rotations alone
    return Case(
        operation="least rotation (NumPy)",
        case=f"n={n}, {power_of_ten(count)} strings",
        caches="cold",
        grouprep=lambda: grouprep.least_rotation(strings),
        baseline=lambda: numpy_least_rotation(strings),
        grouprep_answer=least_rotation_answer,
        baseline_answer=numpy_answer,
    )


def sympy_rotation_case(n: int, count: int) -> Case:
    strings = random_strings(count, n)
    lists = strings.tolist()

    def theirs() -> list[int]:
        return [sympy_least_rotation(x, key=int) for x in lists]

    return Case(
        operation="least rotation (sympy)",
        case=f"n={n}, {power_of_ten(count)} strings",
        caches="cold",
        grouprep=lambda: grouprep.least_rotation(strings),
        baseline=theirs,
        grouprep_answer=least_rotation_answer,
        baseline_answer=sympy_rotation_answer(strings),
    )


def dict_table_ranks(strings: Bits) -> Ints:
    """Ranks by enumeration: a dict from packed necklace to position, then lookups."""
    n = strings.shape[1]
    table = dict(
        zip(pack_rows(grouprep.necklaces(n)).tolist(), range(NECKLACE_COUNTS[n]), strict=True)
    )
    keys = pack_rows(grouprep.least_rotation(strings).canonical).tolist()
    return np.fromiter(map(table.__getitem__, keys), dtype=np.int64, count=len(keys))


def sorted_table_ranks(strings: Bits) -> Ints:
    """Ranks by enumeration: binary search among the packed necklaces (sorted already)."""
    codes = pack_rows(grouprep.necklaces(strings.shape[1]))
    keys = pack_rows(grouprep.least_rotation(strings).canonical)
    return np.searchsorted(codes, keys).astype(np.int64)


def rank_case(table: str, lookup: Callable[[Bits], Ints], n: int, count: int) -> Case:
    return Case(
        operation=f"necklace rank ({table} table)",
        case=f"n={n}, {power_of_ten(count)} strings",
        caches="cold",
        grouprep=lambda: grouprep.necklace_rank(random_strings(count, n)),
        baseline=lambda: lookup(random_strings(count, n)),
        grouprep_answer=ranks_answer,
        baseline_answer=ranks_answer,
    )


def counting_rank_case(n: int, count: int) -> Case:
    """The counting formula itself: compiled (grouprep) against plain NumPy over rows.

    Both sides rank the same random strings without any table; the NumPy reference in
    ``_rank_reference.py`` is the same algorithm (Sawada & Williams), vectorized over rows.
    """

    def theirs() -> Ints:
        canonical = numpy_least_rotation(random_strings(count, n))[0]
        return _rank_reference.necklace_rank(canonical)

    return Case(
        operation="necklace rank (NumPy counting)",
        case=f"n={n}, {power_of_ten(count)} strings",
        caches="warm",
        grouprep=lambda: grouprep.necklace_rank(random_strings(count, n)),
        baseline=theirs,
        grouprep_answer=ranks_answer,
        baseline_answer=ranks_answer,
    )


def unrank_case(n: int, count: int) -> Case:
    def theirs() -> Bits:
        return grouprep.necklaces(n)[random_ranks(count, n)]

    return Case(
        operation="necklace unrank (table)",
        case=f"n={n}, {count} ranks",
        caches="cold",
        grouprep=lambda: grouprep.necklace_unrank(random_ranks(count, n), n),
        baseline=theirs,
        grouprep_answer=Same,
        baseline_answer=Same,
    )


GraphAnswer = tuple[int, int, int, frozenset[tuple[Any, Any, Any]]]


def schreier_case(n: int) -> Case:
    action = grouprep.shift_action(n, alphabet=2)
    published = NECKLACE_COUNTS[n]

    def theirs() -> Any:
        graph = nx.MultiDiGraph()
        for p in action.points():
            for g in action.group.generators:
                graph.add_edge(p, action.act(g, p), generator=g)
        return graph

    def answer(graph: Any) -> GraphAnswer:
        orbits = nx.number_weakly_connected_components(graph)
        if orbits != published:
            raise BenchmarkMismatch(
                f"Schreier graph n={n}: {orbits} orbits, published {published}"
            )
        edges = frozenset(graph.edges(data="generator"))
        return graph.number_of_nodes(), graph.number_of_edges(), orbits, edges

    return Case(
        operation="Schreier graph",
        case=f"Z_{n} on 2^{n} strings",
        caches="warm",
        grouprep=lambda: grouprep.schreier_graph(action),
        baseline=theirs,
        grouprep_answer=answer,
        baseline_answer=answer,
    )


def cases(quick: bool) -> list[Case]:
    """The cases of this entry; ``quick`` keeps the small ones."""
    if quick:
        return [
            necklaces_case(16),
            bracelets_case(16),
            numpy_rotation_case(64, 10**5),
            numpy_rotation_case(32, 10**5),
            sympy_rotation_case(64, 10**3),
            sympy_rotation_case(32, 10**3),
            rank_case("dict", dict_table_ranks, 16, 10**4),
            rank_case("sorted", sorted_table_ranks, 16, 10**4),
            unrank_case(16, 20),
            counting_rank_case(64, 10**3),
            schreier_case(12),
        ]
    return [
        necklaces_case(24),
        bracelets_case(20),
        numpy_rotation_case(64, 10**6),
        numpy_rotation_case(32, 10**6),
        sympy_rotation_case(64, 10**4),
        sympy_rotation_case(32, 10**4),
        rank_case("dict", dict_table_ranks, 20, 10**5),
        rank_case("sorted", sorted_table_ranks, 20, 10**5),
        unrank_case(20, 100),
        counting_rank_case(64, 10**5),
        schreier_case(16),
    ]
