"""Necklaces, Lyndon words and bracelets: counting, generation, canonical forms, ranks.

A k-ary *necklace* of length n is the class of a string under rotation, represented by its
lexicographically least rotation; a *Lyndon word* is an aperiodic necklace; a *bracelet*
is a class under rotation and reversal. They are the orbits of ``shift_action(n,
alphabet=k)`` and ``dihedral_action(n, alphabet=k)``.
"""

from __future__ import annotations

import functools
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from grouprep._parallel import parallel_loops
from grouprep._validation import check_int
from grouprep.errors import GroupRepTypeError, GroupRepValueError, SizeLimitError
from grouprep.numbers._cyclotomic import _is_prime

__all__ = [
    "LeastRotation",
    "bracelets",
    "count_bracelets",
    "count_lyndon_words",
    "count_necklaces",
    "iter_necklaces",
    "least_rotation",
    "lyndon_words",
    "necklace_rank",
    "necklace_unrank",
    "necklaces",
]

_MAX_ROWS = 50_000_000
MAX_COUNT_BITS = 2**22
"""The counts are exact ints of about n log2(k) bits; beyond this many they are refused."""
MAX_RANK_LENGTH = 4096
"""Ranking costs O(n^2) operations per residue and O(n) residues per string."""
MAX_UNRANK_LENGTH = 512
"""Unranking makes O(n log k) counts, each of the cost of a rank."""


# ----------------------------------------------------------------- number theory
def _divisors(n: int) -> list[int]:
    small = [d for d in range(1, math.isqrt(n) + 1) if n % d == 0]
    return sorted(set(small + [n // d for d in small]))


def _phi(n: int) -> int:
    result, m, p = n, n, 2
    while p * p <= m:
        if m % p == 0:
            while m % p == 0:
                m //= p
            result -= result // p
        p += 1
    if m > 1:
        result -= result // m
    return result


def _mobius(n: int) -> int:
    m, p, sign = n, 2, 1
    while p * p <= m:
        if m % p == 0:
            m //= p
            if m % p == 0:
                return 0
            sign = -sign
        p += 1
    return -sign if m > 1 else sign


@functools.lru_cache(maxsize=8)
def _primes_below_2_31(count: int) -> tuple[int, ...]:
    out: list[int] = []
    q = 2**31 - 1
    while len(out) < count:
        if _is_prime(q):
            out.append(q)
        q -= 2
    return tuple(out)


# ------------------------------------------------------------------- counting
def _check_nk(n: Any, k: Any, where: str) -> tuple[int, int]:
    return check_int(n, "n", where, minimum=1), check_int(k, "k", where, minimum=1)


def _check_count_size(n: int, k: int, where: str) -> None:
    """Refuse a count whose exact value would have more than MAX_COUNT_BITS bits."""
    if k > 1 and n * math.log2(k) > MAX_COUNT_BITS:
        raise SizeLimitError(
            f"{where}: the count for n={n}, k={k} has about {n * math.log2(k):.3g} bits, more "
            f"than the {MAX_COUNT_BITS} bits grouprep computes exactly"
        )


def _check_length(n: int, limit: int, where: str) -> None:
    if n > limit:
        raise SizeLimitError(
            f"{where}: strings of length n={n} are longer than the {limit} grouprep ranks "
            "(the exact counting behind ranks grows as n^3)"
        )


def count_necklaces(n: int, k: int = 2) -> int:
    """The number of k-ary necklaces of length n (OEIS A000031 for k = 2).

    .. math:: N_k(n) = \\frac{1}{n} \\sum_{d \\mid n} \\varphi(d)\\, k^{n/d}

    Exact Python int for any n (Burnside's lemma for the rotations).

    Examples
    --------
    >>> import grouprep
    >>> [grouprep.count_necklaces(n) for n in range(1, 9)]
    [2, 3, 4, 6, 8, 14, 20, 36]
    """
    n, k = _check_nk(n, k, "count_necklaces")
    _check_count_size(n, k, "count_necklaces")
    return sum(_phi(d) * int(k ** (n // d)) for d in _divisors(n)) // n


def count_lyndon_words(n: int, k: int = 2) -> int:
    """The number of k-ary Lyndon words (aperiodic necklaces) of length n (OEIS A001037).

    .. math:: L_k(n) = \\frac{1}{n} \\sum_{d \\mid n} \\mu(d)\\, k^{n/d}

    Examples
    --------
    >>> import grouprep
    >>> [grouprep.count_lyndon_words(n) for n in range(1, 9)]
    [2, 1, 2, 3, 6, 9, 18, 30]
    """
    n, k = _check_nk(n, k, "count_lyndon_words")
    _check_count_size(n, k, "count_lyndon_words")
    return sum(_mobius(d) * int(k ** (n // d)) for d in _divisors(n)) // n


def count_bracelets(n: int, k: int = 2) -> int:
    """The number of k-ary bracelets (necklaces up to reversal) of length n (OEIS A000029).

    .. math:: B_k(n) = \\tfrac12 N_k(n) + \\begin{cases}
              \\tfrac14 (k+1)\\, k^{n/2} & n \\text{ even} \\\\
              \\tfrac12 k^{(n+1)/2} & n \\text{ odd} \\end{cases}

    Examples
    --------
    >>> import grouprep
    >>> [grouprep.count_bracelets(n) for n in range(1, 9)]
    [2, 3, 4, 6, 8, 13, 18, 30]
    """
    n, k = _check_nk(n, k, "count_bracelets")
    _check_count_size(n, k, "count_bracelets")
    necks = count_necklaces(n, k)
    if n % 2:
        return (necks + int(k ** ((n + 1) // 2))) // 2
    return (2 * necks + (k + 1) * int(k ** (n // 2))) // 4


# ------------------------------------------------------------------ generation
def _symbol_dtype(k: int) -> type[np.integer[Any]]:
    if k <= 256:
        return np.uint8
    if k <= 65536:
        return np.uint16
    return np.int64


def _generate(n: int, k: int, count: int, kind: str) -> npt.NDArray[Any]:
    if count > _MAX_ROWS:
        raise GroupRepValueError(
            f"{kind}: there are {count} classes for n={n}, k={k}, more than the "
            f"{_MAX_ROWS} rows grouprep generates at once; use the count_* functions, or "
            "necklace_unrank for single classes"
        )
    from grouprep.orbits import _kernels

    out = np.empty((count, n), dtype=_symbol_dtype(k))
    if kind == "bracelets":
        rows = _kernels.bracelets_fill(n, k, out)
    else:
        rows = _kernels.fkm_fill(n, k, kind == "lyndon_words", out)
    if rows != count:  # the closed formula and the generator must agree
        raise RuntimeError(f"{kind}: generated {rows} rows, expected {count}")
    return out


def necklaces(n: int, k: int = 2) -> npt.NDArray[Any]:
    """All k-ary necklaces of length n, one row per class, in lexicographic order.

    Each row is the lexicographically least rotation of its class. Generated by the
    FKM algorithm (Fredricksen–Kessler–Maiorana; Ruskey, Savage & Wang 1992) in
    constant amortized time per necklace, compiled.

    Parameters
    ----------
    n : int
        Length, ``n >= 1``.
    k : int, optional
        Alphabet size, ``k >= 1`` (default 2).

    Returns
    -------
    numpy.ndarray
        Shape ``(count_necklaces(n, k), n)``; dtype uint8 for k <= 256 (uint16, int64 for
        larger alphabets).

    Examples
    --------
    >>> import grouprep
    >>> ["".join(map(str, row)) for row in grouprep.necklaces(4)]
    ['0000', '0001', '0011', '0101', '0111', '1111']
    """
    n, k = _check_nk(n, k, "necklaces")
    return _generate(n, k, count_necklaces(n, k), "necklaces")


def iter_necklaces(
    n: int, k: int = 2, *, start: int = 0, batch: int = 65536
) -> Iterator[npt.NDArray[Any]]:
    """The k-ary necklaces of length n, lazily, in batches of consecutive ranks.

    The same rows as :func:`necklaces`, in the same lexicographic order, so the necklace
    of rank r is row r of the concatenated batches; but only ``batch`` rows exist at a
    time, so the enumeration works however many necklaces there are. The compiled FKM
    walk (constant amortized time per necklace) is suspended between batches; with
    ``start`` it begins at the necklace of that rank (by :func:`necklace_unrank`), which
    splits an enumeration into independent ranges.

    Parameters
    ----------
    n : int
        Length, ``n >= 1``.
    k : int, optional
        Alphabet size, ``k >= 1`` (default 2).
    start : int, optional
        Rank of the first necklace, ``0 <= start <= count_necklaces(n, k)`` (default 0).
    batch : int, optional
        Most rows per yielded array (default 65536); every batch but the last is full.

    Yields
    ------
    numpy.ndarray
        Arrays of shape ``(rows, n)``, ``1 <= rows <= batch``, with the dtype of
        :func:`necklaces`.

    Examples
    --------
    >>> import grouprep
    >>> [b.shape for b in grouprep.iter_necklaces(6, batch=5)]
    [(5, 6), (5, 6), (4, 6)]
    >>> next(grouprep.iter_necklaces(6, start=10, batch=2)).tolist()
    [[0, 1, 0, 1, 1, 1], [0, 1, 1, 0, 1, 1]]
    >>> first = next(grouprep.iter_necklaces(64, batch=3))  # of about 2.9e17
    >>> ["".join(map(str, row[-4:])) for row in first]
    ['0000', '0001', '0011']
    """
    n, k = _check_nk(n, k, "iter_necklaces")
    start = check_int(start, "start", "iter_necklaces", minimum=0)
    batch = check_int(batch, "batch", "iter_necklaces", minimum=1)
    limit = 2**31 if start else 2**63 - 1  # unranking the start; int64 symbols
    if k > limit:
        raise GroupRepValueError(
            f"iter_necklaces: argument 'k' must be <= {'2**31' if start else '2**63 - 1'}"
            f"{' with a start rank' if start else ''}, got {k}"
        )
    total = count_necklaces(n, k)
    if start > total:
        raise GroupRepValueError(
            f"iter_necklaces: argument 'start' must be <= count_necklaces({n}, {k}) = {total}, "
            f"got {start}"
        )
    return _walk_necklaces(n, k, start, total, batch)


def _walk_necklaces(
    n: int, k: int, start: int, total: int, batch: int
) -> Iterator[npt.NDArray[Any]]:
    from grouprep.orbits import _kernels

    if start == total:
        return
    a = np.zeros(n + 1, dtype=np.int64)
    a[0] = -1
    state = np.array([1, 0], dtype=np.int64)  # longest Lyndon prefix; exhausted
    if start:
        word = necklace_unrank(start, n, k)
        a[1:] = word
        # a necklace is its least period's Lyndon word repeated: its longest Lyndon prefix
        state[0] = n // int(least_rotation(word).stabilizer_order)
    position = start
    while not state[1]:
        out = np.empty((min(batch, total - position), n), dtype=_symbol_dtype(k))
        rows = _kernels.fkm_resume(n, k, False, a, state, out)
        position += rows
        if rows:
            yield out[:rows] if rows < len(out) else out


def lyndon_words(n: int, k: int = 2) -> npt.NDArray[Any]:
    """All k-ary Lyndon words of length n (aperiodic necklaces), in lexicographic order.

    Same algorithm and output conventions as :func:`necklaces`.

    Examples
    --------
    >>> import grouprep
    >>> ["".join(map(str, row)) for row in grouprep.lyndon_words(5)]
    ['00001', '00011', '00101', '00111', '01011', '01111']
    """
    n, k = _check_nk(n, k, "lyndon_words")
    return _generate(n, k, count_lyndon_words(n, k), "lyndon_words")


def bracelets(n: int, k: int = 2) -> npt.NDArray[Any]:
    """All k-ary bracelets of length n (classes under rotation and reversal).

    Each row is the lexicographically least element of its class; rows in lexicographic
    order. Generated by Sawada's algorithm ("Generating bracelets in constant amortized
    time", SIAM J. Comput. 31, 2001), compiled.

    Examples
    --------
    >>> import grouprep
    >>> ["".join(map(str, row)) for row in grouprep.bracelets(6) if row.sum() == 3]
    ['000111', '001011', '010101']
    """
    n, k = _check_nk(n, k, "bracelets")
    return _generate(n, k, count_bracelets(n, k), "bracelets")


# -------------------------------------------------------------- least rotation
class LeastRotation(NamedTuple):
    """Result of :func:`least_rotation`.

    Attributes
    ----------
    canonical : numpy.ndarray
        The lexicographically least rotation of each row (same shape and dtype as X).
    shift : numpy.ndarray of int64
        The least g in :math:`\\mathbb{Z}_n` with ``numpy.roll(x, g) == canonical``.
    stabilizer_order : numpy.ndarray of int64
        ``n / period``: how many shifts reach the canonical row. Greater than 1 exactly
        when the least rotation is reached ambiguously (the seed's Gribov ambiguity).
    """

    canonical: npt.NDArray[Any]
    shift: npt.NDArray[np.int64]
    stabilizer_order: npt.NDArray[np.int64]


def _check_strings(
    X: Any, where: str, k: int | None = None, scan: bool = True
) -> npt.NDArray[Any]:
    """X as a native-order integer array of shape (..., n), symbols checked when ``scan``."""
    try:
        arr = np.asarray(X)
    except ValueError:
        raise GroupRepValueError(
            f"{where}: argument 'X' must be a rectangular array of strings, got a ragged sequence"
        ) from None
    if arr.ndim < 1 or arr.shape[-1] < 1:
        raise GroupRepValueError(
            f"{where}: argument 'X' must have shape (..., n) with n >= 1, got shape {arr.shape}"
        )
    if arr.dtype.kind not in "iu":
        raise GroupRepTypeError(
            f"{where}: argument 'X' must hold integer symbols, got dtype {arr.dtype} "
            "(convert explicitly, e.g. X.astype(np.uint8))"
        )
    if not arr.dtype.isnative:  # same values, the machine's byte order for the kernels
        arr = arr.astype(arr.dtype.newbyteorder("="))
    if arr.ndim < 1 or arr.shape[-1] < 1:
        raise GroupRepValueError(
            f"{where}: argument 'X' must have shape (..., n) with n >= 1, got shape {arr.shape}"
        )
    if scan and arr.size:
        low, high = int(arr.min()), int(arr.max())
        if low < 0 or (k is not None and high >= k):
            _bad_symbol(where, low if low < 0 else high, k)
    return arr


def _bad_symbol(where: str, value: int, k: int | None) -> None:
    bound = "non-negative symbols" if k is None else f"symbols in 0 .. {k - 1} (k={k})"
    raise GroupRepValueError(f"{where}: argument 'X' must hold {bound}, found {value}")


def least_rotation(X: npt.ArrayLike) -> LeastRotation:
    """The lexicographically least rotation of each string in a batch.

    .. math:: \\operatorname{can}(x) = \\min_{\\text{lex}} \\{\\, \\texttt{roll}(x, g)
              : g \\in \\mathbb{Z}_n \\}

    Strings whose symbols fit in one 64-bit word (n times the bit width of the largest
    symbol <= 64) are packed so that integer order is lexicographic order and rotations
    are bit rotations; the minimum is taken branch-free across blocks of rows (SIMD),
    on all cores (bit strings held as uint8 of length 32 or 64: 512 bits of rows at a
    time, in vector registers). Longer strings use the linear two-pointer
    minimum-rotation scan (Booth 1980 gives the same bound). Both are compiled.

    Parameters
    ----------
    X : array_like of int, shape ``(..., n)``
        Strings of non-negative integer symbols.

    Returns
    -------
    LeastRotation
        ``(canonical, shift, stabilizer_order)`` with
        ``canonical == shift_action(n).act(shift, X)`` row by row.

    Raises
    ------
    GroupRepTypeError
        If X does not hold integers.
    GroupRepValueError
        If a symbol is negative or X is ragged or empty along its last axis.

    Examples
    --------
    >>> import grouprep
    >>> r = grouprep.least_rotation([[1, 0, 1, 1, 0, 0], [1, 0, 1, 0, 1, 0]])
    >>> r.canonical.tolist(), r.shift.tolist(), r.stabilizer_order.tolist()
    ([[0, 0, 1, 0, 1, 1], [0, 1, 0, 1, 0, 1]], [2, 1], [1, 3])
    """
    # the compiled loops check the symbols themselves: no separate pass over X
    arr = _check_strings(X, "least_rotation", scan=False)
    n = arr.shape[-1]
    lead = arr.shape[:-1]
    flat = np.ascontiguousarray(arr.reshape(-1, n))
    m = flat.shape[0]
    canonical = np.empty_like(flat)
    shift = np.empty(m, dtype=np.int64)
    stab = np.empty(m, dtype=np.int64)
    if m:
        from grouprep.orbits import _kernels

        with parallel_loops(m):
            bad = -1
            bytewise = flat.dtype == np.uint8 and n % 8 == 0 and n <= 64
            if bytewise and n in (32, 64):  # bit strings, 512 bits of rows at a time
                word = np.uint32(0) if n == 32 else np.uint64(0)
                bad = _kernels.least_rotation_bits(flat, canonical, shift, stab, word)
            elif bytewise:  # bit strings, 8 at a time
                bad = _kernels.least_rotation_binary(
                    flat.view(np.uint64), n, canonical.view(np.uint64), shift, stab
                )
            if bad != -1 or not bytewise:
                high = int(flat.max())
                bits = max(1, high.bit_length())
                if n * bits <= 64 and bits <= 62:  # 1 << bits must fit in int64
                    bad = _kernels.least_rotation_packed(flat, bits, canonical, shift, stab)
                else:
                    bad = _kernels.least_rotation_long(flat, canonical, shift, stab)
                if bad != -1:  # a negative symbol
                    _bad_symbol("least_rotation", int(flat.reshape(-1)[bad]), None)
    return LeastRotation(canonical.reshape(arr.shape), shift.reshape(lead), stab.reshape(lead))


# ---------------------------------------------------------------- rank / unrank
class _RankPlan:
    """Primes and divisor tables for counting necklaces of length n over k symbols."""

    def __init__(self, n: int, k: int) -> None:
        self.n, self.k = n, k
        self.total = count_necklaces(n, k)
        primes: list[int] = []
        product = 1
        for q in _primes_below_2_31(64):
            if product > self.total:
                break
            primes.append(q)
            product *= q
        while product <= self.total:  # beyond 64 primes (n * log2 k > ~1980 bits)
            q = _primes_below_2_31(len(primes) + 1)[-1]
            primes.append(q)
            product *= q
        self.primes = np.array(primes, dtype=np.int64)
        divs = _divisors(n)
        self.divisors = np.array(divs, dtype=np.int64)
        self.phis = np.array([_phi(n // d) for d in divs], dtype=np.int64)
        self.ninv = np.array([pow(n, -1, q) for q in primes], dtype=np.int64)
        self.fits = self.total < 2**62
        # an exact lane modulo 2**64 and a float64 lane (see _kernels.count_leq_wide)
        self.wide = n**4 * k ** (n + 1) < 2**100

    def count_leq(self, W: npt.NDArray[Any]) -> list[int] | npt.NDArray[np.int64]:
        """#(necklaces <= w) for each row w of W (rows of symbols in [0, k))."""
        words = np.ascontiguousarray(W, dtype=np.int64)
        if self.wide:
            return self._count_wide(words)
        return self._count_primes(words)

    def _count_wide(self, words: npt.NDArray[np.int64]) -> list[int] | npt.NDArray[np.int64]:
        """Counts from the lanes modulo 2**64 and in float64: n * count = lo + 2**64 j."""
        from grouprep.orbits import _kernels

        with parallel_loops(50 * len(words)):  # a row costs about as much as 50 rotations
            lo_signed, hi = _kernels.count_leq_wide(words, self.k, self.divisors, self.phis)
        lo = lo_signed.view(np.uint64)
        wraps = np.rint((hi - lo.astype(np.float64)) / 2.0**64)
        n = np.uint64(self.n)
        if self.fits:  # every count and every wrap count is below 2**62
            quotient, rest = lo // n, lo % n
            if wraps.any():  # n * count = lo + j * 2**64 with 2**64 = n * q + r (then n > 1)
                j = wraps.astype(np.uint64)
                q, r = divmod(2**64, self.n)
                rest = rest + j * np.uint64(r)
                quotient = quotient + j * np.uint64(q) + rest // n
                rest %= n
            if rest.any():  # impossible by the error bound: never return such a count
                raise ArithmeticError("necklace_rank: a count is not a multiple of n")
            counts: npt.NDArray[np.int64] = quotient.astype(np.int64)
            return counts
        out: list[int] = []
        for low, wrap in zip(lo.tolist(), wraps.tolist(), strict=True):
            total, rem = divmod(int(low) + (int(wrap) << 64), self.n)
            if rem:
                raise ArithmeticError("necklace_rank: a count is not a multiple of n")
            out.append(total)
        return out

    def _count_primes(self, words: npt.NDArray[np.int64]) -> list[int] | npt.NDArray[np.int64]:
        """Counts modulo primes below 2**31, recombined by the Chinese remainder theorem."""
        from grouprep.orbits import _kernels

        # scratch is n * (n + 1) words per prime and thread: handle the primes in groups
        group = max(1, min(len(self.primes), 2**22 // (self.n * (self.n + 1))))
        parts = []
        with parallel_loops(50 * len(words)):  # a row costs about as much as 50 rotations
            for start in range(0, len(self.primes), group):
                sl = slice(start, start + group)
                parts.append(
                    _kernels.count_leq_batch(
                        words, self.k, self.primes[sl], self.divisors, self.phis, self.ninv[sl]
                    )
                )
        return self._combine(np.concatenate(parts, axis=1))

    def _combine(self, res: npt.NDArray[np.int64]) -> list[int] | npt.NDArray[np.int64]:
        """Chinese remaindering (Garner); vectorized when two primes suffice."""
        p = [int(q) for q in self.primes]
        if len(p) == 1:
            return res[:, 0].copy()
        if len(p) == 2 and self.fits:
            inv = pow(p[0], -1, p[1])
            t = (res[:, 1] - res[:, 0]) % p[1] * inv % p[1]
            return res[:, 0] + p[0] * t
        out = []
        for row in res.tolist():
            x, mod = row[0], p[0]
            for r, q in zip(row[1:], p[1:], strict=True):
                x += mod * ((r - x) * pow(mod, -1, q) % q)
                mod *= q
            out.append(x)
        return out


_TABLE_WORDS = 2**22


class _LRUCache:
    """A least-recently-used cache bounded by its number of entries and by its bytes.

    The value just computed is always kept (it is in use), so a single value larger than
    ``max_bytes`` evicts everything else.
    """

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._data: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self.nbytes = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: Hashable, make: Callable[[], Any], size: Callable[[Any], int]) -> Any:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key][0]
        value = make()
        nbytes = size(value)
        with self._lock:
            if key not in self._data:
                self._data[key] = (value, nbytes)
                self.nbytes += nbytes
            self._data.move_to_end(key)
            while len(self._data) > 1 and (
                len(self._data) > self.max_entries or self.nbytes > self.max_bytes
            ):
                _, (_, dropped) = self._data.popitem(last=False)
                self.nbytes -= dropped
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self.nbytes = 0


_CODES_CACHE = _LRUCache(max_entries=16, max_bytes=64 * 2**20)
"""Necklace tables for ranking short strings: at most 16 tables and 64 MiB."""

_PLAN_CACHE = _LRUCache(max_entries=64, max_bytes=2**20)
"""Primes and divisor tables per (n, k): at most 64 plans and 1 MiB."""


def _plan_bytes(plan: _RankPlan) -> int:
    return int(plan.primes.nbytes + plan.divisors.nbytes + plan.phis.nbytes + plan.ninv.nbytes)


def _necklace_codes(n: int, k: int) -> npt.NDArray[np.int64]:
    """The necklaces of length n read as base-k numbers: sorted, as lex order is numeric."""

    def make() -> npt.NDArray[np.int64]:
        weights = k ** np.arange(n - 1, -1, -1, dtype=np.int64)
        codes: npt.NDArray[np.int64] = necklaces(n, k).astype(np.int64) @ weights
        codes.setflags(write=False)
        return codes

    result: npt.NDArray[np.int64] = _CODES_CACHE.get((n, k), make, lambda a: int(a.nbytes))
    return result


def _plan(n: int, k: int) -> _RankPlan:
    result: _RankPlan = _PLAN_CACHE.get((n, k), lambda: _RankPlan(n, k), _plan_bytes)
    return result


def necklace_rank(X: npt.ArrayLike, k: int = 2) -> npt.NDArray[Any]:
    """The 0-based lexicographic rank of the necklace class of each string.

    The rank of x is the number of k-ary necklaces of length n that are smaller than
    the least rotation of x, so it is a coordinate on the quotient by rotations. It is
    computed without enumeration in :math:`O(n^2)` operations per string with the
    counting formula of Sawada & Williams (J. Discrete Algorithms 43, 2017):

    .. math:: \\#\\{\\beta \\le \\alpha\\} = \\frac1n \\sum_{d \\mid n} \\varphi(n/d)\\,
              T(\\mathrm{LN}(\\alpha_1 \\cdots \\alpha_d)),

    where T(α) counts the strings whose necklace is at most α and LN is the largest
    necklace at most a string. While :math:`n^4 k^{n+1} < 2^{100}` (bit strings up to
    n = 74) the sum is kept modulo :math:`2^{64}` in wrapping integer arithmetic beside a
    float64 copy whose error bound (below :math:`2^{62}`) fixes the multiple of
    :math:`2^{64}`; beyond that, modulo word-size primes recombined by the Chinese
    remainder theorem. Either way ranks are exact for any n. When there are at most
    2**22 strings, the necklaces are listed once (cached) and ranks are found by binary
    search in that table, which is faster for short strings.

    Parameters
    ----------
    X : array_like of int, shape ``(..., n)``
        Strings with symbols in ``0 .. k-1``; they need not be canonical.
    k : int, optional
        Alphabet size (default 2), at most 2**31.

    Returns
    -------
    numpy.ndarray, shape ``X.shape[:-1]``
        dtype int64 when there are fewer than 2**62 necklaces, otherwise dtype object
        holding exact Python ints.

    Examples
    --------
    >>> import grouprep
    >>> grouprep.necklace_rank([[0, 1, 0, 1, 1, 1], [1, 1, 1, 0, 1, 0]]).tolist()
    [10, 10]
    >>> int(grouprep.necklace_rank([1] * 64)) == grouprep.count_necklaces(64) - 1
    True
    """
    k = check_int(k, "k", "necklace_rank", minimum=1)
    if k > 2**31:
        raise GroupRepValueError(f"necklace_rank: argument 'k' must be <= 2**31, got {k}")
    arr = _check_strings(X, "necklace_rank", k)
    n = arr.shape[-1]
    _check_length(n, MAX_RANK_LENGTH, "necklace_rank")
    lead = arr.shape[:-1]
    canonical = least_rotation(arr.reshape(-1, n)).canonical
    if k**n <= _TABLE_WORDS:  # few necklaces: look the canonical words up in a table
        weights = k ** np.arange(n - 1, -1, -1, dtype=np.int64)
        codes = canonical.astype(np.int64).reshape(-1, n) @ weights
        found: npt.NDArray[np.int64] = np.searchsorted(_necklace_codes(n, k), codes)
        return found.reshape(lead)
    counts = _plan(n, k).count_leq(canonical)
    if isinstance(counts, np.ndarray):
        return (counts - 1).reshape(lead)
    ranks = np.empty(len(counts), dtype=object)
    ranks[:] = [c - 1 for c in counts]
    return ranks.reshape(lead)


def necklace_unrank(r: Any, n: int, k: int = 2) -> npt.NDArray[Any]:
    """The canonical representative (least rotation) of the necklace of rank ``r``.

    The inverse of :func:`necklace_rank`: the answer is built symbol by symbol, each
    symbol the least c for which more than r necklaces are at most
    ``prefix + c + (k-1)...``; that is :math:`O(n \\log k)` counts of :math:`O(n^2)`.

    Parameters
    ----------
    r : int or array_like of int
        Ranks in ``[0, count_necklaces(n, k))``.
    n : int
        Length.
    k : int, optional
        Alphabet size (default 2).

    Returns
    -------
    numpy.ndarray
        Shape ``(n,)`` for a single rank, ``(*shape(r), n)`` for an array of ranks.

    Examples
    --------
    >>> import grouprep
    >>> grouprep.necklace_unrank(10, 6).tolist()
    [0, 1, 0, 1, 1, 1]
    >>> grouprep.necklace_unrank([0, 1, 13], 6).tolist()
    [[0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 1], [1, 1, 1, 1, 1, 1]]
    """
    n, k = _check_nk(n, k, "necklace_unrank")
    _check_length(n, MAX_UNRANK_LENGTH, "necklace_unrank")
    if k > 2**31:
        raise GroupRepValueError(f"necklace_unrank: argument 'k' must be <= 2**31, got {k}")
    plan = _plan(n, k)
    scalar = np.ndim(r) == 0
    ranks_in = np.asarray(r, dtype=object).reshape(-1)
    ranks: list[int] = []
    for i, value in enumerate(ranks_in.tolist()):
        label = "r" if scalar else f"r[{i}]"
        value = check_int(value, label, "necklace_unrank", minimum=0)
        if value >= plan.total:
            raise GroupRepValueError(
                f"necklace_unrank: argument {label!r} must be < count_necklaces({n}, {k}) = "
                f"{plan.total}, got {value}"
            )
        ranks.append(value)
    target = np.array(ranks, dtype=np.int64 if plan.fits else object)
    words = np.full((len(ranks), n), k - 1, dtype=np.int64)
    for i in range(n):  # all ranks at once: one batched count per bisection step
        lo = np.zeros(len(ranks), dtype=np.int64)
        hi = np.full(len(ranks), k - 1, dtype=np.int64)
        while True:
            active = np.flatnonzero(lo < hi)
            if not len(active):
                break
            mid = (lo[active] + hi[active]) // 2
            probes = words[active].copy()
            probes[:, i] = mid  # prefix, mid, then (k-1)... : the largest word with it
            counts = np.asarray(plan.count_leq(probes), dtype=target.dtype)
            above = counts > target[active]
            hi[active[above]] = mid[above]
            lo[active[~above]] = mid[~above] + 1
        words[:, i] = lo
    out = words.astype(_symbol_dtype(k))
    shape = np.shape(r)
    return out[0] if scalar else out.reshape((*shape, n))
