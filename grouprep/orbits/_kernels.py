"""Compiled loops for necklaces: generation, least rotation (private).

These are loops NumPy cannot vectorize (sequential generation, data-dependent scans);
they are compiled with Numba on first use and cached on disk.
"""

from __future__ import annotations

from typing import Any

import numba
import numpy as np
from llvmlite import ir  # type: ignore[import-untyped]
from numba import types
from numba.core import cgutils
from numba.extending import intrinsic

__all__ = [
    "bracelets_fill",
    "count_leq_batch",
    "count_leq_wide",
    "fkm_fill",
    "fkm_resume",
    "least_rotation_binary",
    "least_rotation_bits",
    "least_rotation_long",
    "least_rotation_packed",
]

_BLOCK = 512


@numba.njit(cache=True)
def fkm_fill(n, k, lyndon_only, out):
    """Fill ``out`` with the k-ary necklaces (or Lyndon words) of length n, in lex order.

    Knuth's Algorithm F (TAOCP 7.2.1.1), the iterative form of the FKM algorithm of
    Fredricksen, Kessler and Maiorana as analysed by Ruskey, Savage and Wang (1992):
    prenecklaces are visited in lexicographic order, each in constant amortized time, and
    the visited prefix a_1..a_n with longest Lyndon prefix of length j is a necklace when
    j divides n and a Lyndon word when j == n. Returns the number of rows written.
    """
    a = np.zeros(n + 1, dtype=np.int64)
    a[0] = -1
    state = np.array([1, 0], dtype=np.int64)
    return fkm_resume(n, k, lyndon_only, a, state, out)


@numba.njit(cache=True)
def fkm_resume(n, k, lyndon_only, a, state, out):
    """Continue Algorithm F (see :func:`fkm_fill`) for up to ``len(out)`` rows.

    ``a[1..n]`` is the next prenecklace to visit and ``state[0]`` the length of its
    longest Lyndon prefix; both are advanced in place, and ``state[1]`` is set to 1 once
    every prenecklace has been visited. Returns the number of rows written.
    """
    row = 0
    j = state[0]
    while row < out.shape[0]:
        if (lyndon_only and j == n) or (not lyndon_only and n % j == 0):
            for i in range(n):
                out[row, i] = a[i + 1]
            row += 1
        j = n
        while a[j] == k - 1:
            j -= 1
        if j == 0:
            state[1] = 1
            break
        a[j] += 1
        for i in range(j + 1, n + 1):
            a[i] = a[i - j]
    state[0] = j
    return row


@numba.njit(cache=True, parallel=True)
def least_rotation_packed(X, bits, canonical, shift, stab):
    """Least rotation of rows whose n symbols fit in one 64-bit word (n * bits <= 64).

    Each row is packed with symbol 0 in the most significant place, so integer order is
    lexicographic order and g·x (``numpy.roll(x, g)``) is the word rotated right by g
    symbols. Per block of rows: (1) the minimum over all n rotations, in a branch-free
    loop across the block that the compiler turns into SIMD code; (2) per row, the first
    g whose rotation reaches it, and the period p of the minimum (the least divisor d of
    n with rot^d = identity on it), so the stabilizer order is n / p; (3) the canonical
    row copied from the input rolled by g. Returns -1 when every symbol is in
    ``[0, 2**bits)``, else the flat index of a bad value.
    """
    m, n = X.shape
    width = n * bits
    if width == 64:
        full = np.uint64(0xFFFFFFFFFFFFFFFF)
    else:
        full = (np.uint64(1) << np.uint64(width)) - np.uint64(1)
    limit = 1 << bits
    nblocks = (m + _BLOCK - 1) // _BLOCK
    bad = np.full(nblocks, -1, dtype=np.int64)
    b = np.uint64(bits)
    back = np.uint64(width - bits)
    divisors = np.array([d for d in range(1, n + 1) if n % d == 0], dtype=np.int64)
    for blk in numba.prange(nblocks):
        lo = blk * _BLOCK
        hi = min(m, lo + _BLOCK)
        cnt = hi - lo
        words = np.empty(cnt, dtype=np.uint64)
        cur = np.empty(cnt, dtype=np.uint64)
        best = np.empty(cnt, dtype=np.uint64)
        for r in range(cnt):
            w = np.uint64(0)
            for i in range(n):
                v = X[lo + r, i]
                if v < 0 or v >= limit:
                    bad[blk] = (lo + r) * n + i
                w = (w << b) | np.uint64(v)
            words[r] = w
            cur[r] = w
            best[r] = w
        for _ in range(1, n):
            for r in range(cnt):
                w = cur[r]
                w = ((w >> b) | (w << back)) & full
                cur[r] = w
                best[r] = min(best[r], w)
        for r in range(cnt):
            target = best[r]
            w = words[r]
            g = 0
            while w != target:
                w = ((w >> b) | (w << back)) & full
                g += 1
            period = n
            for d in divisors[:-1]:
                s = np.uint64(d * bits)
                w = ((target >> s) | (target << (np.uint64(width) - s))) & full
                if w == target:
                    period = d
                    break
            shift[lo + r] = g
            stab[lo + r] = n // period
            for i in range(n - g):
                canonical[lo + r, g + i] = X[lo + r, i]
            for i in range(g):
                canonical[lo + r, i] = X[lo + r, n - g + i]
    for blk in range(nblocks):
        if bad[blk] >= 0:
            return bad[blk]
    return -1


@numba.njit(cache=True, parallel=True)
def least_rotation_long(X, canonical, shift, stab):
    """Least rotation of arbitrary-length rows: the two-pointer minimum-rotation scan.

    For each row, indices i < j of candidate starts advance past mismatches (O(n)); the
    least rotation starts at s = min(i, j). Its period p comes from the failure function
    of the canonical word (p = n - fail[n] when that divides n, else n), the stabilizer
    order is n / p and the least group element reaching it is (-s) mod p.
    Returns -1 if all symbols are >= 0, else the flat index of a negative value.
    """
    m, n = X.shape
    badness = np.full(m, -1, dtype=np.int64)
    for r in numba.prange(m):
        row = X[r]
        for t in range(n):
            if row[t] < 0:
                badness[r] = r * n + t
        i, j, k = 0, 1, 0
        while i < n and j < n and k < n:
            a = row[(i + k) % n]
            c = row[(j + k) % n]
            if a == c:
                k += 1
            else:
                if a > c:
                    i = i + k + 1
                else:
                    j = j + k + 1
                if i == j:
                    j += 1
                k = 0
        s = min(i, j)
        for t in range(n):
            canonical[r, t] = row[(s + t) % n]
        fail = np.zeros(n + 1, dtype=np.int64)
        fail[0] = -1
        q = -1
        for t in range(n):
            while q >= 0 and canonical[r, q] != canonical[r, t]:
                q = fail[q]
            q += 1
            fail[t + 1] = q
        p = n - fail[n]
        if n % p != 0:
            p = n
        shift[r] = (-s) % p
        stab[r] = n // p
    for r in range(m):
        if badness[r] >= 0:
            return badness[r]
    return -1


@numba.njit(cache=True)
def bracelets_fill(n, k, out):
    """Fill ``out`` with the k-ary bracelets of length n; returns the number of rows.

    Sawada's algorithm (SIAM J. Comput. 31, 2001), a constant-amortized-time extension of
    the FKM recursion for prenecklaces ``a[1..t-1]`` (period p) with the bookkeeping that
    decides whether the necklace is no larger than its reversal: u is the length of the
    leading run of ``a[1]`` (-1 while that run lasts), v the length of the trailing run,
    r the position after which the reversal is compared incrementally, and rs whether the
    reversal compares smaller. The recursion runs on an explicit stack (one frame per
    position t), so the compiled code can be cached. Bracelets come out in lexicographic
    order.
    """
    a = np.zeros(n + 2, dtype=np.int64)
    P = np.zeros(n + 2, dtype=np.int64)
    R = np.zeros(n + 2, dtype=np.int64)
    U = np.zeros(n + 2, dtype=np.int64)
    Vv = np.zeros(n + 2, dtype=np.int64)
    RS = np.zeros(n + 2, dtype=np.bool_)
    J = np.zeros(n + 2, dtype=np.int64)  # next symbol to try at t; -1: frame not entered
    row = 0
    t = 1
    P[1], R[1], U[1], Vv[1], RS[1], J[1] = 1, 1, -1, 0, False, -1
    while t >= 1:
        p, r, u, v, rs = P[t], R[t], U[t], Vv[t], RS[t]
        if J[t] == -1:  # entering the frame
            if t - 1 > (n - r) // 2 + r:
                x = n - t + 2 + r
                if a[t - 1] > a[x]:
                    rs = False
                elif a[t - 1] < a[x]:
                    rs = True
            if t > n:
                if not rs and n % p == 0:
                    for i in range(n):
                        out[row, i] = a[i + 1]
                    row += 1
                t -= 1
                continue
            a[t] = a[t - p]
            v = v + 1 if a[t] == a[1] else 0
            if u == -1 and a[t - 1] != a[1]:
                u = t - 2
                r = t - 2
            R[t], U[t], Vv[t], RS[t] = r, u, v, rs
            J[t] = a[t - p] + 1
            child = 0  # 0: none, 1: (r, rs), 2: (t, False)
            if u != -1 and t == n and a[n] == a[1]:
                child = 0
            elif u == v:
                rev = 1
                for jj in range(u + 1, (t + 1) // 2 + 1):
                    y = t - jj + 1
                    if a[jj] < a[y]:
                        rev = 0
                        break
                    if a[jj] > a[y]:
                        rev = -1
                        break
                if rev == 0:
                    child = 1
                elif rev == 1:
                    child = 2
            else:
                child = 1
            if child:
                P[t + 1] = p
                R[t + 1] = r if child == 1 else t
                U[t + 1] = u
                Vv[t + 1] = v
                RS[t + 1] = rs if child == 1 else False
                J[t + 1] = -1
                t += 1
            continue
        j = J[t]  # the remaining symbols at position t
        if j < k:
            a[t] = j
            J[t] = j + 1
            P[t + 1] = t
            R[t + 1] = r
            U[t + 1] = u
            Vv[t + 1] = 0
            RS[t + 1] = rs
            J[t + 1] = -1
            t += 1
        else:
            t -= 1
    return row


# --------------------------------------------------------------------------- ranking
# Sawada & Williams, "Practical algorithms to rank necklaces, Lyndon words, and de Bruijn
# sequences", J. Discrete Algorithms 43 (2017). All counts are computed modulo primes
# q < 2**31 (products of two residues fit in int64) and combined by the Chinese remainder
# theorem outside, so any n is exact.


@numba.njit(cache=True)
def _prenecklace_scan(b, m):
    """Scan b[0:m]: +p if it is a prenecklace with longest Lyndon prefix p, else -p."""
    p = 1
    for i in range(1, m):
        if b[i] < b[i - p]:
            return -p
        if b[i] > b[i - p]:
            p = i + 1
    return p


@numba.njit(cache=True)
def _largest_necklace_leq(b, m, k):
    """Replace b[0:m] by the largest necklace <= it; return its period."""
    while True:
        r = _prenecklace_scan(b, m)
        if r > 0 and m % r == 0:
            return r
        p = -r if r < 0 else r
        b[p - 1] -= 1
        for i in range(p, m):
            b[i] = k - 1


@numba.njit(cache=True)
def _column_cap(A, m, Z):
    """The widest column of B the main sum reads: 1 + the longest suffix-prefix overlap.

    It is bounded by the longest prefix of α = A[1..m] occurring again in α, found with
    the Z-function in linear time (Z is scratch space).
    """
    jcap = 1
    left, right = 0, 0  # Z-box [left, right) on the 0-based word A[1..m]
    for i in range(1, m):
        z = 0
        if i < right:
            z = min(right - i, Z[i - left])
        while i + z < m and A[1 + z] == A[1 + i + z]:
            z += 1
        Z[i] = z
        if i + z > right:
            left, right = i, i + z
        if z + 1 > jcap:
            jcap = z + 1
    return jcap


@numba.njit(cache=True)
def _add_t_mod(A, m, k, primes, period, weight, B0, Bc, V, Z, RUN, SUF, CON, acc):
    """acc[c] += weight * T(α) mod primes[c], for the necklace α = A[1..m].

    T(α) counts the k-ary words of length m whose necklace is <= α. A word with a
    rotation below α splits uniquely at its first such rotation t, which leaves α after j
    matching symbols, either before wrapping around (counted with V[i] = α[1..i] read in
    base k) or after wrapping, where s, the longest suffix of α[m-t+2..j] that is a
    prefix of α, decides the count. B[t, j] counts the words of length t that start with
    α[1..j] and whose every non-empty suffix u exceeds α[1..|u|]:

        B[t, j] = B[t, j+1] + (k - 1 - α[j+1]) B[t-j-1, 0],   B[0, 0] = 1, B[t, t] = 0,

    so B[t, 0] is a convolution and B[t, j] = B[t, 0] - Σ_{i<j} (k-1-α[i+1]) B[t-1-i, 0];
    only the columns j <= 1 + max s are formed. All primes are handled in one pass; sums
    are reduced lazily when m * k is small enough to keep them below 2**62.
    """
    L = primes.shape[0]
    lazy = m * k < 2**29
    jcap = _column_cap(A, m, Z)
    for c in range(L):
        q = primes[c]
        B0[0, c] = 1
        for t in range(1, m):
            total = 0
            for i in range(t):
                total += (k - 1 - A[i + 1]) * B0[t - 1 - i, c]
                if not lazy:
                    total %= q
            B0[t, c] = total % q
        for t in range(m):
            partial = 0
            for j in range(1, jcap + 1):
                if j > t:
                    Bc[t, j, c] = 0
                    continue
                partial += (k - 1 - A[j]) * B0[t - j, c]
                if lazy:  # may be negative; only ever added, reduced at the end
                    Bc[t, j, c] = B0[t, c] - partial
                else:
                    partial %= q
                    Bc[t, j, c] = (B0[t, c] - partial) % q
        V[0, c] = 0
        for i in range(1, m + 1):
            V[i, c] = (V[i - 1, c] * k + A[i]) % q
    # Main sum. For each start i (t = m - i + 2) the overlap s(i, j) follows a chain
    # run_i(j) that only depends on (run, j), and the term added at (i, j) only depends
    # on (j, s). So once chain i agrees with chain i + 1 at some j, the rest of its terms
    # are the tail sum already known from chain i + 1: each chain is walked only until it
    # merges (a few symbols on typical data) instead of to the end.
    tot = np.empty(L, dtype=np.int64)
    for c in range(L):
        tot[c] = period % primes[c]
    for j in range(m + 1):
        RUN[j] = -1
        for c in range(L):
            SUF[j, c] = 0
    for i in range(m, 1, -1):  # i = m - t + 2 for t = 2 .. m
        t = m - i + 2
        for c in range(L):
            tot[c] = (tot[c] + B0[t - 1, c] * V[i - 1, c]) % primes[c]
        j = i - 1  # the term with no overlap, s = 0
        if A[j + 1] > A[1]:
            coef = A[j + 1] - A[1] - 1
            for c in range(L):
                tot[c] += Bc[m - j, 1, c] + coef * B0[m - j - 1, c]
        run = i
        stop = m  # first j whose chain state equals chain i + 1's
        for j in range(i, m):
            if A[j] > A[j - run + 1]:
                run = j + 1
            if RUN[j] == run:
                stop = j
                break
            RUN[j] = run
            s = j - run + 1
            for c in range(L):
                CON[j, c] = 0
            if A[j + 1] > A[s + 1]:
                coef = A[j + 1] - A[s + 1] - 1
                for c in range(L):
                    CON[j, c] = Bc[m - j + s, s + 1, c] + coef * B0[m - j - 1, c]
        for j in range(stop - 1, i - 1, -1):  # tail sums of chain i
            for c in range(L):
                v = CON[j, c] + SUF[j + 1, c]
                SUF[j, c] = v if lazy else v % primes[c]
        if i < m:
            for c in range(L):
                v = tot[c] + SUF[i, c]
                tot[c] = v % primes[c]
        else:
            for c in range(L):
                tot[c] %= primes[c]
    for c in range(L):  # t = 1 (i = m + 1): only the term B[0, 0] V[m]
        tot[c] = (tot[c] + B0[0, c] * V[m, c]) % primes[c]
    for c in range(L):
        acc[c] = (acc[c] + weight * tot[c]) % primes[c]


@numba.njit(cache=True)
def _divisor_necklace(a, d, k, pre, A):
    """A[1..d] = LN(a[0:d]), the largest necklace at most that prefix; return its period."""
    for i in range(d):
        pre[i] = a[i]
    period = _largest_necklace_leq(pre, d, k)
    for i in range(d):
        A[i + 1] = pre[i]
    return period


@numba.njit(cache=True)
def _count_leq_row(
    w, k, primes, divisors, phis, ninv, out, a, pre, A, B0, Bc, V, Z, RUN, SUF, CON
):
    """Residues of #(necklaces <= w) modulo each prime, written to ``out``.

    #(necklaces <= α) = (1/n) Σ_{d | n} φ(n/d) T(LN(α[1..d])) with α = LN(w), LN the
    largest necklace at most a word. The remaining arguments are scratch space.
    """
    n = w.shape[0]
    L = primes.shape[0]
    for i in range(n):
        a[i] = w[i]
    _largest_necklace_leq(a, n, k)
    for c in range(L):
        out[c] = 0
    for di in range(divisors.shape[0]):
        d = divisors[di]
        period = _divisor_necklace(a, d, k, pre, A)
        _add_t_mod(A, d, k, primes, period, phis[di], B0, Bc, V, Z, RUN, SUF, CON, out)
    for c in range(L):
        out[c] = out[c] * ninv[c] % primes[c]


@numba.njit(cache=True, parallel=True)
def count_leq_batch(W, k, primes, divisors, phis, ninv):
    """Residues of #(necklaces <= W[r]) for every row r, shape (rows, len(primes))."""
    m, n = W.shape
    L = primes.shape[0]
    out = np.zeros((m, L), dtype=np.int64)
    chunks = min(m, 64)
    for ch in numba.prange(chunks):
        a = np.empty(n, dtype=np.int64)
        pre = np.empty(n, dtype=np.int64)
        A = np.zeros(n + 2, dtype=np.int64)
        B0 = np.empty((n, L), dtype=np.int64)
        Bc = np.empty((n, n + 1, L), dtype=np.int64)
        V = np.empty((n + 1, L), dtype=np.int64)
        Z = np.empty(n + 1, dtype=np.int64)
        RUN = np.empty(n + 1, dtype=np.int64)
        SUF = np.empty((n + 1, L), dtype=np.int64)
        CON = np.empty((n + 1, L), dtype=np.int64)
        for r in range(ch * m // chunks, (ch + 1) * m // chunks):
            _count_leq_row(
                W[r],
                k,
                primes,
                divisors,
                phis,
                ninv,
                out[r],
                a,
                pre,
                A,
                B0,
                Bc,
                V,
                Z,
                RUN,
                SUF,
                CON,
            )
    return out


# Two lanes instead of primes, when the counts are small enough (n * log2 k up to about
# 75 bits): an exact lane in int64 arithmetic that wraps modulo 2**64 (LLVM integer
# add and mul wrap; numba sets no overflow flags) and a float64 lane that approximates
# the same sum. Every term of the sum is non-negative and at most k**(m+1), there are at
# most m**2 of them, and each float carries a relative error below m**2 * 2**-53, so when
# n**4 * k**(n+1) < 2**100 the float lane is within 2**62 of the true sum S and
# S = lo + 2**64 * round((hi - lo) / 2**64) is exact. No division is needed anywhere.


@numba.njit(cache=True, fastmath={"reassoc", "contract"})
def _add_t_wide(A, m, k, period, B0, F0, G, GI, Bc, Fc, V, FV, Z, RUN, SUF, FSUF, CON, FCON):
    """T(α) modulo 2**64 and in float64, for the necklace α = A[1..m].

    The same sum as :func:`_add_t_mod`, with the two lanes above in place of primes;
    here the columns of B are the rows of ``Bc`` (``Bc[j, t]`` is B[t, j]).
    """
    jcap = _column_cap(A, m, Z)
    # B[t, 0] = Σ_{i<t} c_i B[t-1-i, 0] with c_i = k - 1 - α[i+1], read forwards through
    # G[p] = c_{m-1-p} so that the loops vectorize. Rows with k**t < 2**53 are exact in
    # float64 (all partial sums are integers below 2**53), so only the rows above need
    # the integer lane as well.
    tlim = 0
    power = 1
    while tlim < m and power <= (2**53 - 1) // k:
        power *= k
        tlim += 1
    for i in range(m):
        G[m - 1 - i] = k - 1 - A[i + 1]
        GI[m - 1 - i] = k - 1 - A[i + 1]
    B0[0] = 1
    F0[0] = 1.0
    for t in range(1, m):
        off = np.uint64(m - t)  # unsigned indices: no negative-index wrap-around to test
        ftotal = 0.0
        for q in range(np.uint64(t)):
            ftotal += G[off + q] * F0[q]
        F0[t] = ftotal
        if t <= tlim:
            B0[t] = np.int64(ftotal)
        else:
            total = 0
            for q in range(np.uint64(t)):
                total += GI[off + q] * B0[q]
            B0[t] = total
    for t in range(m):
        partial = 0
        fpartial = 0.0
        top = min(jcap, t)
        for j in range(1, top + 1):
            c = k - 1 - A[j]
            partial += c * B0[t - j]
            fpartial += c * F0[t - j]
            Bc[j, t] = B0[t] - partial
            Fc[j, t] = F0[t] - fpartial
        for j in range(top + 1, jcap + 1):  # B[t, j] = 0 for j > t
            Bc[j, t] = 0
            Fc[j, t] = 0.0
    V[0] = 0
    FV[0] = 0.0
    for i in range(1, m + 1):
        V[i] = V[i - 1] * k + A[i]
        FV[i] = FV[i - 1] * k + A[i]
    tot = period
    ftot = float(period)
    for j in range(m + 1):
        RUN[j] = -1
        SUF[j] = 0
        FSUF[j] = 0.0
    for i in range(m, 1, -1):  # i = m - t + 2 for t = 2 .. m
        t = m - i + 2
        tot += B0[t - 1] * V[i - 1]
        ftot += F0[t - 1] * FV[i - 1]
        # the terms below are selected without branches (the indices are valid either way)
        j = i - 1  # the term with no overlap, s = 0
        on = A[j + 1] > A[1]
        coef = A[j + 1] - A[1] - 1
        tot += on * (Bc[1, m - j] + coef * B0[m - j - 1])
        ftot += on * (Fc[1, m - j] + coef * F0[m - j - 1])
        run = i
        stop = m
        for j in range(i, m):  # indices are cast to unsigned: no wrap-around tests
            uj = np.uint64(j)
            run = j + 1 if A[uj] > A[np.uint64(j - run + 1)] else run
            if RUN[uj] == run:
                stop = j
                break
            RUN[uj] = run
            s = j - run + 1
            nxt = A[uj + np.uint64(1)]
            on = nxt > A[np.uint64(s + 1)]
            coef = nxt - A[np.uint64(s + 1)] - 1
            col = np.uint64(m - j - 1)
            row = np.uint64(s + 1)
            CON[uj] = on * (Bc[row, col + row] + coef * B0[col])
            FCON[uj] = on * (Fc[row, col + row] + coef * F0[col])
        for j in range(stop - 1, i - 1, -1):  # tail sums of chain i
            uj = np.uint64(j)
            SUF[uj] = CON[uj] + SUF[uj + np.uint64(1)]
            FSUF[uj] = FCON[uj] + FSUF[uj + np.uint64(1)]
        if i < m:
            tot += SUF[i]
            ftot += FSUF[i]
    tot += V[m]  # t = 1 (i = m + 1): only the term B[0, 0] V[m], B[0, 0] = 1
    ftot += FV[m]
    return tot, ftot


@numba.njit(cache=True, parallel=True)
def count_leq_wide(W, k, divisors, phis):
    """n * #(necklaces <= W[r]) for every row r: modulo 2**64 (lo) and in float64 (hi)."""
    m, n = W.shape
    lo = np.zeros(m, dtype=np.int64)
    hi = np.zeros(m, dtype=np.float64)
    chunks = min(m, 64)
    for ch in numba.prange(chunks):
        a = np.empty(n, dtype=np.int64)
        pre = np.empty(n, dtype=np.int64)
        A = np.zeros(n + 2, dtype=np.int64)
        B0 = np.empty(n, dtype=np.int64)
        F0 = np.empty(n, dtype=np.float64)
        G = np.empty(n, dtype=np.float64)
        GI = np.empty(n, dtype=np.int64)
        Bc = np.empty((n + 1, n), dtype=np.int64)
        Fc = np.empty((n + 1, n), dtype=np.float64)
        V = np.empty(n + 1, dtype=np.int64)
        FV = np.empty(n + 1, dtype=np.float64)
        Z = np.empty(n + 1, dtype=np.int64)
        RUN = np.empty(n + 1, dtype=np.int64)
        SUF = np.empty(n + 1, dtype=np.int64)
        FSUF = np.empty(n + 1, dtype=np.float64)
        CON = np.empty(n + 1, dtype=np.int64)
        FCON = np.empty(n + 1, dtype=np.float64)
        for r in range(ch * m // chunks, (ch + 1) * m // chunks):
            for i in range(n):
                a[i] = W[r, i]
            _largest_necklace_leq(a, n, k)
            acc = 0
            facc = 0.0
            for di in range(divisors.shape[0]):
                d = divisors[di]
                period = _divisor_necklace(a, d, k, pre, A)
                t, ft = _add_t_wide(
                    A, d, k, period, B0, F0, G, GI, Bc, Fc, V, FV, Z, RUN, SUF, FSUF, CON, FCON
                )
                acc += phis[di] * t
                facc += phis[di] * ft
            lo[r] = acc
            hi[r] = facc
    return lo, hi


_PACK = np.uint64(0x8040201008040201)
_SPREAD = np.uint64(0x0101010101010101)
_BITMASK = np.uint64(0x0102040810204080)
_LOW7 = np.uint64(0x7F7F7F7F7F7F7F7F)
_HIGH = np.uint64(0x8080808080808080)
_NOT01 = np.uint64(0xFEFEFEFEFEFEFEFE)


_DEBRUIJN = np.uint64(0x03F79D71B4CB0A89)
_DEBRUIJN_INDEX = np.zeros(64, dtype=np.int64)
for _i in range(64):
    _DEBRUIJN_INDEX[((1 << _i) * 0x03F79D71B4CB0A89 % 2**64) >> 58] = _i


@numba.njit(cache=True, inline="always")
def _rotl(w, s, n, full):
    """Rotate the low n bits of w left by s (0 <= s < n), without a branch."""
    back = n - s if s else 0
    return ((w << np.uint64(s)) | (w >> np.uint64(back))) & full


@numba.njit(cache=True, parallel=True)
def least_rotation_binary(X, n, canonical, shift, stab):
    """Least rotation of bit strings (bytes 0/1, n % 8 == 0, n <= 64), viewed as uint64.

    X and canonical are (rows, n // 8) uint64 views of the byte arrays. A row is packed
    into one word (8 bytes at a time by one multiplication: byte i of a chunk lands on bit
    7 - i), symbol 0 in the most significant place. The least rotation must start a
    longest cyclic run of zeros, so only those starts are compared: the runs of length
    L are found by AND-ing the zero mask with its rotations until one more would empty
    it, usually a handful of word operations. Ties among the starts give the stabilizer
    order. Returns -1, or the row of a byte that is not 0 or 1.
    """
    m = X.shape[0]
    chunks = n // 8
    full = (
        np.uint64(0xFFFFFFFFFFFFFFFF) if n == 64 else (np.uint64(1) << np.uint64(n)) - np.uint64(1)
    )
    bad = np.full(m, -1, dtype=np.int64)
    for r in numba.prange(m):
        w = np.uint64(0)
        for c in range(chunks):
            x = X[r, c]
            if x & _NOT01:
                bad[r] = r
            w = (w << np.uint64(8)) | ((x * _PACK) >> np.uint64(56))
        zeros = ~w & full
        if zeros == 0 or zeros == full:
            best = w
            g = 0
            ties = n
        else:
            # z_e marks the starts of 2**e consecutive zeros (cyclically); a binary search
            # over the run length then keeps the starts of the longest runs, in a fixed
            # number of word operations without data-dependent branches
            z0 = zeros
            z1 = z0 & _rotl(z0, 1, n, full)
            z2 = z1 & _rotl(z1, 2, n, full)
            z3 = z2 & _rotl(z2, 4, n, full)
            z4 = z3 & _rotl(z3, 8 % n, n, full)
            z5 = z4 & _rotl(z4, 16 % n, n, full)
            cand = full
            length = 0
            for e in range(5, -1, -1):
                if (1 << e) >= n:
                    continue
                z = (
                    z5
                    if e == 5
                    else z4
                    if e == 4
                    else z3
                    if e == 3
                    else z2
                    if e == 2
                    else z1
                    if e == 1
                    else z0
                )
                trial = cand & _rotl(z, length, n, full)
                take = trial != 0
                cand = trial if take else cand
                length += (1 << e) if take else 0
            best = full
            g = 0
            ties = 0
            while cand:
                low = cand & (~cand + np.uint64(1))
                cand ^= low
                bit = _DEBRUIJN_INDEX[(low * _DEBRUIJN) >> np.uint64(58)]
                s = n - 1 - bit  # string index of the run's start
                v = _rotl(w, s, n, full)
                gs = (n - s) % n
                if v < best:
                    best = v
                    g = gs
                    ties = 1
                elif v == best:
                    ties += 1
                    if gs < g:
                        g = gs
        shift[r] = g
        stab[r] = ties
        for c in range(chunks):
            v = (best >> np.uint64(8 * (chunks - 1 - c))) & np.uint64(0xFF)
            z = (v * _SPREAD) & _BITMASK
            canonical[r, c] = ((z + _LOW7) & _HIGH) >> np.uint64(7)
    for r in range(m):
        if bad[r] >= 0:
            return bad[r]
    return -1


# ------------------------------------------------- bit strings of 32 or 64 bytes: SIMD select
# A group of rows is processed as one vector of words (8 rows of 64 bits, or 16 of 32 bits:
# one 512-bit register), written directly in LLVM IR so the whole group stays in registers.
# The IR is target-independent (vector compares, shuffles and bitcasts of <n x i1>); on
# AVX-512 it becomes vptestmb / vpermb / vpmovm2b for packing and unpacking, and about two
# instructions (vprolq, vpminuq) per rotation for the minimum. Per row this is several
# times faster than least_rotation_binary; at n = 64 the run time is then mostly memory
# traffic and the page faults of the fresh output array.

_SHIFT_BLOCK = {32: 4, 64: 8}  # shifts per block in the select (fastest when measured)

_item_pointer: Any = cgutils.get_item_pointer
_declare: Any = cgutils.get_or_insert_function


def _bit_group_codegen(n: int, lanes: int, context: Any, builder: Any, sig: Any, args: Any) -> Any:
    word = ir.IntType(n)
    vec = ir.VectorType(word, lanes)
    row_bytes = ir.VectorType(ir.IntType(8), n)
    i32, i64 = ir.IntType(32), ir.IntType(64)
    reverse = ir.Constant(ir.VectorType(i32, n), list(range(n - 1, -1, -1)))

    def splat(c: int) -> Any:
        return ir.Constant(vec, [c] * lanes)

    def rotr(v: Any, s: int) -> Any:
        return builder.or_(builder.lshr(v, splat(s)), builder.shl(v, splat(n - s)))

    xty, cty, shty, stty = sig.args[:4]
    x, c, sh, st, row0 = args[:5]
    xa = context.make_array(xty)(context, builder, x)
    ca = context.make_array(cty)(context, builder, c)
    zero = ir.Constant(i64, 0)

    # pack: byte 0 of a row becomes the most significant bit, so integer order is
    # lexicographic order; bytes above 1 are reported (the caller then takes another path)
    w = ir.Constant(vec, [0] * lanes)
    above = ir.Constant(row_bytes, [0] * n)
    for j in range(lanes):
        r = builder.add(row0, ir.Constant(i64, j))
        p = _item_pointer(context, builder, xty, xa, [r, zero])
        b = builder.load(builder.bitcast(p, row_bytes.as_pointer()), align=1)
        above = builder.or_(above, b)
        b = builder.shuffle_vector(b, b, reverse)
        bits = builder.bitcast(
            builder.icmp_unsigned("!=", b, ir.Constant(row_bytes, [0] * n)), word
        )
        w = builder.insert_element(w, bits, ir.Constant(i32, j))
    bad = builder.icmp_unsigned(">", above, ir.Constant(row_bytes, [1] * n))
    bad = builder.icmp_unsigned("!=", builder.bitcast(bad, word), ir.Constant(word, 0))

    # select: numpy.roll(x, g) is the word rotated right by g. The shifts are cut into
    # blocks of K; the minimum of each block is a tree of unsigned min (no shift tracked),
    # the first block reaching the overall minimum is kept (strict <), and the first g in
    # it whose rotation equals the minimum is found with K variable rotations
    def least(values: list[Any]) -> Any:
        while len(values) > 1:
            pairs = [
                builder.select(
                    builder.icmp_unsigned("<", values[i + 1], values[i]), values[i + 1], values[i]
                )
                for i in range(0, len(values) - 1, 2)
            ]
            values = pairs + values[len(values) - len(values) % 2 :]
        return values[0]

    K = _SHIFT_BLOCK[n]
    low = least([w] + [rotr(w, g) for g in range(1, K)])
    start = splat(0)
    for blk in range(K, n, K):
        block_min = least([rotr(w, g) for g in range(blk, blk + K)])
        less = builder.icmp_unsigned("<", block_min, low)
        low = builder.select(less, block_min, low)
        start = builder.select(less, splat(blk), start)
    fshr = _declare(
        builder.module, ir.FunctionType(vec, [vec, vec, vec]), f"llvm.fshr.v{lanes}i{n}"
    )
    arg = builder.add(start, splat(K - 1))
    for j in range(K - 2, -1, -1):
        g = builder.add(start, splat(j))
        hit = builder.icmp_unsigned("==", builder.call(fshr, [w, w, g]), low)
        arg = builder.select(hit, g, arg)

    # stabilizer order n / p, p the least divisor d of n with rot^d fixing the minimum
    order = splat(1)
    for d in reversed([d for d in range(1, n) if n % d == 0]):
        fixed = builder.icmp_unsigned("==", rotr(low, d), low)
        order = builder.select(fixed, splat(n // d), order)

    wide = ir.VectorType(i64, lanes)
    for arr, ty, val in ((sh, shty, arg), (st, stty, order)):
        val = builder.zext(val, wide) if n < 64 else val
        aa = context.make_array(ty)(context, builder, arr)
        p = _item_pointer(context, builder, ty, aa, [row0])
        builder.store(val, builder.bitcast(p, wide.as_pointer()), align=8)
    # unpack: bit i of the word back to byte n - 1 - i
    for j in range(lanes):
        r = builder.add(row0, ir.Constant(i64, j))
        bits = builder.extract_element(low, ir.Constant(i32, j))
        b = builder.zext(builder.bitcast(bits, ir.VectorType(ir.IntType(1), n)), row_bytes)
        b = builder.shuffle_vector(b, b, reverse)
        p = _item_pointer(context, builder, cty, ca, [r, zero])
        builder.store(b, builder.bitcast(p, row_bytes.as_pointer()), align=1)
    return bad


@intrinsic
def _bit_group(typingctx, X, canonical, shift, stab, row0, word):
    """Least rotations of rows row0 .. row0 + 512 / n - 1 of X (n = 32 or 64 bytes, the
    bit width of ``word``), written to canonical, shift and stab; true if a byte is > 1."""
    n = word.bitwidth
    lanes = 512 // n

    def codegen(context: Any, builder: Any, sig: Any, args: Any) -> Any:
        return _bit_group_codegen(n, lanes, context, builder, sig, args)

    return types.boolean(X, canonical, shift, stab, row0, word), codegen


@numba.njit(cache=True, parallel=True)
def least_rotation_bits(X, canonical, shift, stab, word):
    """Least rotation of bit strings of n = 32 or 64 bytes 0/1 (n = the bit width of word).

    Groups of 512 / n rows are packed into one vector of n-bit words (byte 0 most
    significant, so integer order is lexicographic order) and all n rotations are compared
    lane by lane, keeping the minimum and the first shift reaching it; the stabilizer
    order is n over the least divisor d of n with the minimum fixed by rotation by d. A
    last partial group goes through a zero-padded copy. Returns -1, or 0 if a byte is
    not 0 or 1 (the results are then meaningless).
    """
    m, n = X.shape
    lanes = 512 // n
    groups = m // lanes
    chunks = min(groups, 256)
    bad = np.zeros(max(chunks, 1), dtype=np.bool_)
    for ch in numba.prange(chunks):
        found = False
        for q in range(ch * groups // chunks, (ch + 1) * groups // chunks):
            found |= _bit_group(X, canonical, shift, stab, q * lanes, word)  # type: ignore[call-arg]
        bad[ch] = found
    done = groups * lanes
    if done < m:
        Xt = np.zeros((lanes, n), dtype=np.uint8)
        Xt[: m - done] = X[done:]
        Ct = np.empty_like(Xt)
        sh = np.empty(lanes, dtype=np.int64)
        st = np.empty(lanes, dtype=np.int64)
        bad[0] |= _bit_group(Xt, Ct, sh, st, 0, word)  # type: ignore[call-arg]
        canonical[done:] = Ct[: m - done]
        shift[done:] = sh[: m - done]
        stab[done:] = st[: m - done]
    return 0 if bad.any() else -1
