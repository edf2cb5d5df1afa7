"""Necklace ranks in plain NumPy: the counting formula of Sawada & Williams, over rows.

The same algorithm as grouprep's compiled ``count_leq_batch``, written independently with
NumPy arrays whose rows are the strings: for each string w (its least rotation),

    #(necklaces <= w) = (1/n) * sum over d | n of phi(n/d) * T(LN(w[:d])),

with LN the largest necklace at most a word and T(a) the number of words of length m
whose necklace is at most a. Every step that the compiled code does for one string runs
here for a block of strings at once; the chains of overlaps of all starting points are
advanced together. Counts are kept modulo two primes below 2**31 and recombined by the
Chinese remainder theorem, so the reference is exact while there are fewer than about
2**61 necklaces (for bits, n <= 64).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]

PRIMES = (2147483647, 2147483629)
BLOCK = 2048


def _phi(n: int) -> int:
    return sum(1 for i in range(1, n + 1) if math.gcd(i, n) == 1)


def largest_necklaces(words: Ints, k: int) -> tuple[Ints, Ints]:
    """The largest necklace at most each row, and its period (rows of length m)."""
    B = words.copy()
    R, m = B.shape
    period = np.zeros(R, dtype=np.int64)
    todo = np.arange(R)
    while todo.size:
        b = B[todo]
        rows = np.arange(len(todo))
        p = np.ones(len(todo), dtype=np.int64)  # longest Lyndon prefix so far
        below = np.zeros(len(todo), dtype=bool)  # not a prenecklace: stop at -p
        for i in range(1, m):
            prev = b[rows, i - p]
            below |= ~below & (b[:, i] < prev)
            p = np.where(~below & (b[:, i] > prev), i + 1, p)
        done = ~below & (m % p == 0)
        period[todo[done]] = p[done]
        todo, p = todo[~done], p[~done]
        sub = B[todo]
        sub[np.arange(len(todo)), p - 1] -= 1
        sub[np.arange(m)[None, :] >= p[:, None]] = k - 1
        B[todo] = sub
    return B, period


def t_mod(alpha: Ints, period: Ints, k: int, q: int) -> Ints:
    """T(alpha) mod q for each row alpha (a necklace of length m)."""
    R, m = alpha.shape
    A = np.zeros((R, m + 2), dtype=np.int64)
    A[:, 1 : m + 1] = alpha
    coef = k - 1 - A[:, 1 : m + 1]  # coef[:, i] = k - 1 - A[i + 1]
    B0 = np.zeros((R, m), dtype=np.int64)
    B0[:, 0] = 1
    for t in range(1, m):
        B0[:, t] = (coef[:, :t] * B0[:, t - 1 :: -1]).sum(axis=1) % q
    # Bc[:, t, j] = B[t, j]: words of length t starting with alpha[1..j], suffixes above alpha
    Bc = np.zeros((R, m, m + 1), dtype=np.int64)
    Bc[:, :, 0] = B0
    partial = np.zeros((R, m), dtype=np.int64)
    for j in range(1, m):
        partial[:, j:] = (partial[:, j:] + coef[:, j - 1 : j] * B0[:, : m - j]) % q
        Bc[:, j:, j] = (B0[:, j:] - partial[:, j:]) % q
    V = np.zeros((R, m + 1), dtype=np.int64)  # V[i] = alpha[1..i] read in base k
    for i in range(1, m + 1):
        V[:, i] = (V[:, i - 1] * k + A[:, i]) % q
    rows = np.arange(R)[:, None]
    tot = period % q
    starts = np.arange(2, m + 1)  # i = m - t + 2 for t = 2 .. m
    for i in starts:
        t = m - i + 2
        tot = (tot + B0[:, t - 1] * V[:, i - 1]) % q
        j = i - 1  # no overlap, s = 0
        hit = A[:, j + 1] > A[:, 1]
        term = Bc[:, m - j, 1] + (A[:, j + 1] - A[:, 1] - 1) * B0[:, m - j - 1]
        tot = (tot + np.where(hit, term, 0)) % q
    # the chains of overlaps of all starts i advance together, j = i .. m-1
    run = np.broadcast_to(starts, (R, len(starts))).copy()
    for j in range(2, m):
        live = starts[None, :] <= j
        up = live & (A[:, j : j + 1] > A[rows, j - run + 1])
        run = np.where(up, j + 1, run)
        s = np.where(live, j - run + 1, 0)
        hit = live & (A[:, j + 1 : j + 2] > A[rows, s + 1])
        term = (
            Bc[rows, m - j + s, s + 1]
            + (A[:, j + 1 : j + 2] - A[rows, s + 1] - 1) * B0[:, m - j - 1 : m - j]
        )
        tot = (tot + (np.where(hit, term % q, 0)).sum(axis=1)) % q
    return (tot + B0[:, 0] * V[:, m]) % q


def count_leq(words: Ints, k: int) -> list[int]:
    """#(necklaces <= w) for each row w, a necklace (rows of symbols in 0 .. k-1)."""
    R, n = words.shape
    divisors = [d for d in range(1, n + 1) if n % d == 0]
    residues = []
    for q in PRIMES:
        acc = np.zeros(R, dtype=np.int64)
        for d in divisors:
            alpha, period = largest_necklaces(words[:, :d], k)
            acc = (acc + _phi(n // d) * t_mod(alpha, period, k, q)) % q
        residues.append(acc * pow(n, -1, q) % q)
    p0, p1 = PRIMES
    inv = pow(p0, -1, p1)
    r0, r1 = residues
    t = (r1 - r0) % p1 * inv % p1
    return [int(a) + p0 * int(b) for a, b in zip(r0.tolist(), t.tolist(), strict=True)]


def necklace_rank(canonical: npt.NDArray[np.integer[Any]], k: int = 2) -> Ints:
    """Ranks of strings given by their least rotations, block by block."""
    out = []
    for start in range(0, len(canonical), BLOCK):
        out.extend(count_leq(canonical[start : start + BLOCK].astype(np.int64), k))
    return np.array(out, dtype=np.int64) - 1
