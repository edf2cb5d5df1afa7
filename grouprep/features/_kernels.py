"""Compiled loops of the featurizers (private; numba, imported when first used)."""

from __future__ import annotations

from typing import Any

import numba
import numpy as np
from llvmlite import ir  # type: ignore[import-untyped]
from numba import types
from numba.core import cgutils as _numba_cgutils
from numba.extending import intrinsic

cgutils: Any = _numba_cgutils  # untyped helpers of numba for writing LLVM IR

__all__ = [
    "CORRELATE_WIDTH",
    "LANES",
    "bispectrum_fill",
    "correlations_fill",
    "polynomials_fill",
    "trilinear_complex",
    "trilinear_real",
]


@numba.njit(cache=True, parallel=True)
def bispectrum_fill(F, k1, k2, k3, re_col, im_col, out, row0):
    """out[row0 + i, re_col[p]] + 1j * out[row0 + i, im_col[p]] = F[i,k1] F[i,k2] conj(F[i,k3]).

    ``im_col[p] < 0`` drops the imaginary part (identically zero for real signals).
    """
    m = F.shape[0]
    npairs = k1.shape[0]
    for i in numba.prange(m):
        for p in range(npairs):
            a = F[i, k1[p]] * F[i, k2[p]]
            c = F[i, k3[p]]
            re = a.real * c.real + a.imag * c.imag
            out[row0 + i, re_col[p]] = re
            if im_col[p] >= 0:
                out[row0 + i, im_col[p]] = a.imag * c.real - a.real * c.imag
    return 0


# ------------------------------------------------------- polynomials: rows in vector lanes
# A block of LANES rows is held transposed, one vector of LANES float64 per variable, so a
# product or a multiply-add of two variables is one vector instruction for the whole block.
# The two inner loops are written directly in LLVM IR: numba does not vectorize straight-line
# code (its SLP vectorizer is off), and an accumulator kept in an array would make a memory
# round trip per term. With the accumulators in registers, a term costs two vector loads and
# one fused multiply-add for LANES rows.

LANES = 8
"""Rows per block: one 512-bit vector of float64 (two 256-bit ones on AVX2 targets)."""

_UNROLL = 4  # independent accumulators, to cover the latency of the multiply-add


def _vector_pointer(builder: Any, data: Any, offset: Any) -> Any:
    vec = ir.VectorType(ir.DoubleType(), LANES)
    return builder.bitcast(builder.gep(data, [offset]), vec.as_pointer())


def _prefix_products_codegen(context: Any, builder: Any, sig: Any, args: Any) -> Any:
    """T[p] = prod_c Xb[pre[p, c]], vectors of LANES (offsets in Xb and T are in vectors)."""
    xa, pa, ta = (
        context.make_array(t)(context, builder, a) for t, a in zip(sig.args, args, strict=True)
    )
    i64 = ir.IntType(64)
    vec = ir.VectorType(ir.DoubleType(), LANES)
    lanes = ir.Constant(i64, LANES)
    n_prefixes, width = cgutils.unpack_tuple(builder, pa.shape, 2)
    acc = cgutils.alloca_once_value(builder, ir.Constant(vec, [1.0] * LANES))
    with cgutils.for_range(builder, n_prefixes) as outer:
        builder.store(ir.Constant(vec, [1.0] * LANES), acc)
        row = builder.mul(outer.index, width)
        with cgutils.for_range(builder, width) as inner:
            v = builder.load(builder.gep(pa.data, [builder.add(row, inner.index)]))
            x = builder.load(_vector_pointer(builder, xa.data, builder.mul(v, lanes)), align=8)
            builder.store(builder.fmul(builder.load(acc), x), acc)
        dst = _vector_pointer(builder, ta.data, builder.mul(outer.index, lanes))
        builder.store(builder.load(acc), dst, align=8)
    return context.get_dummy_value()


@intrinsic
def _prefix_products(typingctx, Xb, pre, T):
    """Fill T (n_prefixes * LANES) with the prefix products of one block."""
    return types.void(Xb, pre, T), _prefix_products_codegen


def _store_lanes(
    context: Any, builder: Any, aty: Any, arr: Any, total: Any, lo: Any, col: Any
) -> None:
    """out[lo + r, col] = total[r] for r < LANES (one column of a block of rows)."""
    i32, i64 = ir.IntType(32), ir.IntType(64)
    for r in range(LANES):
        row = builder.add(lo, ir.Constant(i64, r))
        ptr = cgutils.get_item_pointer(context, builder, aty, arr, [row, col])
        builder.store(builder.extract_element(total, ir.Constant(i32, r)), ptr)


def _splat(builder: Any, x: Any) -> Any:
    """A vector of LANES copies of the float64 x."""
    i32 = ir.IntType(32)
    vec = ir.VectorType(ir.DoubleType(), LANES)
    undef = ir.Constant(vec, ir.Undefined)
    v = builder.insert_element(undef, x, ir.Constant(i32, 0))
    return builder.shuffle_vector(v, undef, ir.Constant(ir.VectorType(i32, LANES), [0] * LANES))


def _fma(builder: Any) -> Any:
    vec = ir.VectorType(ir.DoubleType(), LANES)
    return cgutils.get_or_insert_function(
        builder.module, ir.FunctionType(vec, [vec, vec, vec]), f"llvm.fma.v{LANES}f64"
    )


def _expression_codegen(context: Any, builder: Any, sig: Any, args: Any) -> Any:
    """out[lo + r, col] = sum_{q0 <= q < q1} coef[q] sum_{t in run q} T[pre_at[t] + r]
    * Xb[last_at[t] + r] for r < LANES."""
    ta, xa, pa, la, ra, ca, oa = (
        context.make_array(sig.args[i])(context, builder, args[i]) for i in (0, 1, 2, 3, 4, 5, 8)
    )
    q0, q1, lo, col = args[6], args[7], args[9], args[10]
    i64 = ir.IntType(64)
    vec = ir.VectorType(ir.DoubleType(), LANES)
    fma = _fma(builder)
    zero = ir.Constant(vec, [0.0] * LANES)
    total = cgutils.alloca_once_value(builder, zero)
    builder.store(zero, total)
    accs = [cgutils.alloca_once_value(builder, zero) for _ in range(_UNROLL)]

    def term(t: Any, acc: Any) -> None:
        p = builder.load(builder.gep(pa.data, [t]))
        q = builder.load(builder.gep(la.data, [t]))
        a = builder.load(_vector_pointer(builder, ta.data, p), align=8)
        b = builder.load(_vector_pointer(builder, xa.data, q), align=8)
        builder.store(builder.call(fma, [a, b, builder.load(acc)]), acc)

    unroll = ir.Constant(i64, _UNROLL)
    with cgutils.for_range(builder, builder.sub(q1, q0)) as runs:
        q = builder.add(q0, runs.index)
        t0 = builder.load(builder.gep(ra.data, [q]))
        t1 = builder.load(builder.gep(ra.data, [builder.add(q, ir.Constant(i64, 1))]))
        for acc in accs:
            builder.store(zero, acc)
        groups = builder.udiv(builder.sub(t1, t0), unroll)
        with cgutils.for_range(builder, groups) as loop:
            base = builder.add(t0, builder.mul(loop.index, unroll))
            for u, acc in enumerate(accs):
                term(builder.add(base, ir.Constant(i64, u)), acc)
        done = builder.add(t0, builder.mul(groups, unroll))
        with cgutils.for_range(builder, builder.sub(t1, done)) as loop:
            term(builder.add(done, loop.index), accs[0])
        s = builder.load(accs[0])
        for acc in accs[1:]:
            s = builder.fadd(s, builder.load(acc))
        c = _splat(builder, builder.load(builder.gep(ca.data, [q])))
        builder.store(builder.call(fma, [c, s, builder.load(total)]), total)
    _store_lanes(context, builder, sig.args[8], oa, builder.load(total), lo, col)
    return context.get_dummy_value()


@intrinsic
def _expression(typingctx, T, Xb, pre_at, last_at, run_starts, coef, q0, q1, out, lo, col):
    """Write one expression (runs q0 .. q1 - 1) to LANES rows of one column of out."""
    i64 = types.int64
    sig = types.void(T, Xb, pre_at, last_at, run_starts, coef, i64, i64, out, i64, i64)
    return sig, _expression_codegen


@numba.njit(cache=True, parallel=True)
def polynomials_fill(
    X, pre, pre_at, last_at, run_re, run_im, run_starts, expr_runs, re_col, im_col, out
):
    """Weighted sums of monomials, LANES rows at a time.

    Expression e is ``sum_q (run_re[q] + 1j run_im[q]) sum_{t in run q} T[t] x[t]``: the
    runs of e are ``expr_runs[e] .. expr_runs[e + 1] - 1``, the terms of run q are
    ``run_starts[q] .. run_starts[q + 1] - 1``, and a term is the product of the prefix
    ``T = prod_c x[pre[p, c]]`` (offset ``pre_at[t] = LANES * p``) with one variable
    (offset ``last_at[t] = LANES * v``; variable ``n`` is the constant 1). The real part goes
    to ``out[:, re_col[e]]`` and the imaginary part to ``out[:, im_col[e]]`` (dropped when
    ``im_col[e] < 0``).
    """
    m, n = X.shape
    E = expr_runs.shape[0] - 1
    blocks = (m + LANES - 1) // LANES
    chunks = min(blocks, 1024)
    for ch in numba.prange(chunks):
        Xb = np.empty((n + 1) * LANES)
        T = np.empty(pre.shape[0] * LANES)
        tail = np.empty((LANES, out.shape[1]))
        for b in range(ch * blocks // chunks, (ch + 1) * blocks // chunks):
            lo = b * LANES
            rows = min(LANES, m - lo)
            _load_block(X, lo, rows, Xb, 1)
            for r in range(LANES):
                Xb[n * LANES + r] = 1.0
            _prefix_products(Xb, pre, T)  # type: ignore[call-arg]
            # a last, partial block is written to a scratch block first
            dst = out if rows == LANES else tail
            at = lo if rows == LANES else 0
            for e in range(E):
                q0 = expr_runs[e]
                q1 = expr_runs[e + 1]
                _expression(T, Xb, pre_at, last_at, run_starts, run_re, q0, q1, dst, at, re_col[e])
                if im_col[e] >= 0:
                    _expression(
                        T, Xb, pre_at, last_at, run_starts, run_im, q0, q1, dst, at, im_col[e]
                    )
            if rows < LANES:
                _copy_rows(tail, rows, re_col, im_col, out, lo)
    return 0


@numba.njit(cache=True)
def _load_block(X, lo, rows, Xb, copies):
    """Xb[(c n + v) LANES + r] = X[lo + r, v] for each copy c; rows past the data are 0."""
    n = X.shape[1]
    for r in range(rows):
        for v in range(n):
            for c in range(copies):
                Xb[(c * n + v) * LANES + r] = X[lo + r, v]
    for r in range(rows, LANES):
        for v in range(copies * n):
            Xb[v * LANES + r] = 0.0


@numba.njit(cache=True)
def _copy_rows(tail, rows, re_col, im_col, out, lo):
    """Copy the first rows of the scratch block to out, in the columns of the part."""
    for e in range(re_col.shape[0]):
        for r in range(rows):
            out[lo + r, re_col[e]] = tail[r, re_col[e]]
            if im_col[e] >= 0:
                out[lo + r, im_col[e]] = tail[r, im_col[e]]


# ------------------------------------------- shift-invariant forms: correlations, rows in lanes
CORRELATE_WIDTH = 8
"""Most correlations computed together (one accumulator register each)."""

# S(o) = sum_{j < p} prod_k x_{j + o_k} (indices mod n) for offset tuples o = (prefix..., b):
# with p the size of the orbit of the monomial under the shift, the orbit sum, each monomial
# once. A block of LANES rows is held as 3n vectors: the signal twice, so x_{j+o} needs no
# wraparound, then n vectors of ones, which pad prefixes shorter than two offsets.
# Orbit sums that share a prefix and p are computed together, up to 8 at a time: per j the
# prefix product is formed once and then one multiply-add per sum, so a term costs little
# more than one vector load and one multiply-add, with no index loads.


def _correlate_codegen(
    width: int, fixed: bool, context: Any, builder: Any, sig: Any, args: Any
) -> None:
    """C[s0 + g] = sum_{j < p} prefix_j * x_{j + last[s0 + g]} for g < width, prefix_j the
    product of x_{j + o} over the offsets o = pre[p0:p1] (exactly two of them when
    ``fixed``); p is the argument n."""
    xa, pa, ba, ca = (
        context.make_array(sig.args[i])(context, builder, args[i]) for i in (0, 2, 5, 7)
    )
    n, p0, p1, s0 = args[1], args[3], args[4], args[6]
    i64 = ir.IntType(64)
    vec = ir.VectorType(ir.DoubleType(), LANES)
    lanes = ir.Constant(i64, LANES)
    fma = cgutils.get_or_insert_function(
        builder.module, ir.FunctionType(vec, [vec, vec, vec]), f"llvm.fma.v{LANES}f64"
    )
    ones = ir.Constant(vec, [1.0] * LANES)
    zero = ir.Constant(vec, [0.0] * LANES)

    def column(offsets: Any, at: Any) -> Any:
        o = builder.load(builder.gep(offsets, [at]))
        return builder.gep(xa.data, [builder.mul(o, lanes)])

    bases = [column(ba.data, builder.add(s0, ir.Constant(i64, g))) for g in range(width)]
    if fixed:
        firsts = [column(pa.data, builder.add(p0, ir.Constant(i64, c))) for c in range(2)]
    accs = [cgutils.alloca_once_value(builder, zero) for _ in range(width)]
    for acc in accs:
        builder.store(zero, acc)
    prefix = cgutils.alloca_once_value(builder, ones)
    with cgutils.for_range(builder, n) as loop:
        j = builder.mul(loop.index, lanes)
        if fixed:
            a, b = (builder.load(_vector_pointer(builder, f, j), align=8) for f in firsts)
            t = builder.fmul(a, b)
        else:
            builder.store(ones, prefix)
            with cgutils.for_range(builder, builder.sub(p1, p0)) as inner:
                base = column(pa.data, builder.add(p0, inner.index))
                x = builder.load(_vector_pointer(builder, base, j), align=8)
                builder.store(builder.fmul(builder.load(prefix), x), prefix)
            t = builder.load(prefix)
        for base, acc in zip(bases, accs, strict=True):
            x = builder.load(_vector_pointer(builder, base, j), align=8)
            builder.store(builder.call(fma, [t, x, builder.load(acc)]), acc)
    for g, acc in enumerate(accs):
        slot = builder.mul(builder.add(s0, ir.Constant(i64, g)), lanes)
        builder.store(builder.load(acc), _vector_pointer(builder, ca.data, slot), align=8)


def _correlate_switch_codegen(context: Any, builder: Any, sig: Any, args: Any) -> Any:
    """One specialized body per (number of correlations, two-offset prefix or not)."""
    i64 = ir.IntType(64)
    p0, p1, width = args[3], args[4], args[8]
    fixed = builder.icmp_signed("==", builder.sub(p1, p0), ir.Constant(i64, 2))
    which = builder.add(width, builder.select(fixed, ir.Constant(i64, 8), ir.Constant(i64, 0)))
    done = builder.append_basic_block("correlate.done")
    cases = []
    for fixed_prefix in (False, True):
        for w in range(1, CORRELATE_WIDTH + 1):
            cases.append((w + 8 * fixed_prefix, w, fixed_prefix))
    blocks = {key: builder.append_basic_block(f"correlate.{key}") for key, _, _ in cases}
    switch = builder.switch(which, done)
    for key, w, fixed_prefix in cases:
        switch.add_case(ir.Constant(i64, key), blocks[key])
        builder.position_at_end(blocks[key])
        _correlate_codegen(w, fixed_prefix, context, builder, sig, args)
        builder.branch(done)
    builder.position_at_end(done)
    return context.get_dummy_value()


@intrinsic
def _correlate(typingctx, Xb2, n, pre, p0, p1, last, s0, C, width):
    """The correlations with keys s0 .. s0 + width - 1 of one block (width <= 8)."""
    i64 = types.int64
    sig = types.void(Xb2, i64, pre, i64, i64, last, i64, C, i64)
    return sig, _correlate_switch_codegen


def _weighted_sum(builder: Any, ca: Any, ka: Any, wa: Any, t0: Any, t1: Any, start: Any) -> Any:
    """start + sum_{t0 <= t < t1} w[t] C[key[t] * LANES : + LANES], a vector."""
    lanes = ir.Constant(ir.IntType(64), LANES)
    fma = _fma(builder)
    acc = cgutils.alloca_once_value(builder, start)
    builder.store(start, acc)
    with cgutils.for_range(builder, builder.sub(t1, t0)) as loop:
        t = builder.add(t0, loop.index)
        k = builder.load(builder.gep(ka.data, [t]))
        w = _splat(builder, builder.load(builder.gep(wa.data, [t])))
        x = builder.load(_vector_pointer(builder, ca.data, builder.mul(k, lanes)), align=8)
        builder.store(builder.call(fma, [w, x, builder.load(acc)]), acc)
    return builder.load(acc)


def _combine_codegen(context: Any, builder: Any, sig: Any, args: Any) -> Any:
    """out[lo + r, col] = c0 + sum_t w[t] C[key[t] * LANES + r] for r < LANES (t0 <= t < t1)."""
    ca, ka, wa, oa = (
        context.make_array(sig.args[i])(context, builder, args[i]) for i in (0, 1, 2, 6)
    )
    t0, t1, c0, lo, col = args[3], args[4], args[5], args[7], args[8]
    total = _weighted_sum(builder, ca, ka, wa, t0, t1, _splat(builder, c0))
    _store_lanes(context, builder, sig.args[6], oa, total, lo, col)
    return context.get_dummy_value()


@intrinsic
def _combine(typingctx, C, key, w, t0, t1, c0, out, lo, col):
    """Write one weighted sum of correlations to LANES rows of one column of out."""
    i64 = types.int64
    sig = types.void(C, key, w, i64, i64, types.float64, out, i64, i64)
    return sig, _combine_codegen


def _combine8_codegen(context: Any, builder: Any, sig: Any, args: Any) -> Any:
    """Eight consecutive columns at once: out[lo + r, col0 + i] = c0[e0 + i] + sum_t w[t]
    C[key[t] * LANES + r] over the entries t of expression e0 + i, stored row by row."""
    ca, ka, wa, sa, za, oa = (
        context.make_array(sig.args[i])(context, builder, args[i]) for i in (0, 1, 2, 3, 4, 6)
    )
    e0, lo, col0 = args[5], args[7], args[8]
    i32, i64 = ir.IntType(32), ir.IntType(64)
    vec = ir.VectorType(ir.DoubleType(), LANES)
    columns = []
    for i in range(8):
        e = builder.add(e0, ir.Constant(i64, i))
        t0 = builder.load(builder.gep(sa.data, [e]))
        t1 = builder.load(builder.gep(sa.data, [builder.add(e, ir.Constant(i64, 1))]))
        start = _splat(builder, builder.load(builder.gep(za.data, [e])))
        columns.append(_weighted_sum(builder, ca, ka, wa, t0, t1, start))
    undef = ir.Constant(vec, ir.Undefined)
    for r in range(LANES):
        row = undef
        for i, v in enumerate(columns):
            x = builder.extract_element(v, ir.Constant(i32, r))
            row = builder.insert_element(row, x, ir.Constant(i32, i))
        at = builder.add(lo, ir.Constant(i64, r))
        ptr = cgutils.get_item_pointer(context, builder, sig.args[6], oa, [at, col0])
        builder.store(row, builder.bitcast(ptr, vec.as_pointer()), align=8)
    return context.get_dummy_value()


@intrinsic
def _combine8(typingctx, C, key, w, col_start, c0, e0, out, lo, col0):
    """Write eight consecutive real columns to LANES rows of out (row-wise stores)."""
    i64 = types.int64
    sig = types.void(C, key, w, col_start, c0, i64, out, i64, i64)
    return sig, _combine8_codegen


@numba.njit(cache=True, parallel=True)
def correlations_fill(
    X, pre, chunk_pre, chunk_key, chunk_width, chunk_period, last, n_keys, col_start, entry_key,
    w_re, w_im, c_re, c_im, re_col, im_col, row8, out,
):  # fmt: skip
    """Weighted sums of orbit sums of the shift, LANES rows at a time.

    Chunk q computes the orbit sums with keys ``chunk_key[q] .. + chunk_width[q] - 1``:
    prefix offsets ``pre[chunk_pre[q] : chunk_pre[q + 1]]``, last offsets ``last[key]``,
    summed over j < ``chunk_period[q]``.
    Expression e is ``c_re[e] + 1j c_im[e] + sum_t (w_re[t] + 1j w_im[t]) C[entry_key[t]]``
    over ``col_start[e] <= t < col_start[e + 1]``, written to ``out[:, re_col[e]]`` and, if
    ``im_col[e] >= 0``, ``out[:, im_col[e]]``.
    """
    m, n = X.shape
    E = col_start.shape[0] - 1
    blocks = (m + LANES - 1) // LANES
    chunks = min(blocks, 1024)
    for ch in numba.prange(chunks):
        Xb2 = np.ones(3 * n * LANES)
        C = np.empty(max(n_keys, 1) * LANES)
        tail = np.empty((LANES, out.shape[1]))
        for b in range(ch * blocks // chunks, (ch + 1) * blocks // chunks):
            lo = b * LANES
            rows = min(LANES, m - lo)
            _load_block(X, lo, rows, Xb2, 2)
            for q in range(chunk_width.shape[0]):
                w = chunk_width[q]
                p0 = chunk_pre[q]
                p1 = chunk_pre[q + 1]
                k = chunk_key[q]
                _correlate(Xb2, chunk_period[q], pre, p0, p1, last, k, C, w)  # type: ignore[call-arg]
            # a last, partial block is written to a scratch block first
            dst = out if rows == LANES else tail
            at = lo if rows == LANES else 0
            e = 0
            while e < E:
                if e + 8 <= E and row8[e]:
                    _combine8(C, entry_key, w_re, col_start, c_re, e, dst, at, re_col[e])  # type: ignore[call-arg]
                    e += 8
                    continue
                t0 = col_start[e]
                t1 = col_start[e + 1]
                _combine(C, entry_key, w_re, t0, t1, c_re[e], dst, at, re_col[e])  # type: ignore[call-arg]
                if im_col[e] >= 0:
                    _combine(C, entry_key, w_im, t0, t1, c_im[e], dst, at, im_col[e])
                e += 1
            if rows < LANES:
                _copy_rows(tail, rows, re_col, im_col, out, lo)
    return 0


_TRI_BLOCK = 64  # rows per block: the inner loop runs over the rows of a block


@numba.njit(cache=True)
def _transpose_rows(F, lo, rows, FT):
    """FT[d, i] = F[lo + i, d] for the rows of one block."""
    for i in range(rows):
        for d in range(F.shape[1]):
            FT[d, i] = F[lo + i, d]


@numba.njit(cache=True, parallel=True)
def trilinear_real(F, a, b, c, coef, starts, out, col0):
    """out[i, col0 + o] = sum_t coef[t] F[i, a[t]] F[i, b[t]] F[i, c[t]] over the terms
    t = starts[o] .. starts[o + 1] - 1 of output o.

    Rows are taken in blocks of 64, transposed into a local (D, 64) array, so that the
    loop over a block's rows is contiguous and vectorized for every term.
    """
    m, D = F.shape
    n_out = starts.shape[0] - 1
    n_blocks = (m + _TRI_BLOCK - 1) // _TRI_BLOCK
    for blk in numba.prange(n_blocks):
        lo = blk * _TRI_BLOCK
        rows = min(_TRI_BLOCK, m - lo)
        FT = np.zeros((D, _TRI_BLOCK))
        _transpose_rows(F, lo, rows, FT)
        acc = np.empty(_TRI_BLOCK)
        for o in range(n_out):
            acc[:] = 0.0
            for t in range(starts[o], starts[o + 1]):
                w = coef[t]
                fa = FT[a[t]]
                fb = FT[b[t]]
                fc = FT[c[t]]
                for i in range(_TRI_BLOCK):
                    acc[i] += w * fa[i] * fb[i] * fc[i]
            for i in range(rows):
                out[lo + i, col0 + o] = acc[i]
    return 0


@numba.njit(cache=True, parallel=True)
def trilinear_complex(F, a, b, c, coef, starts, out, col0, n_im):
    """The complex sum of coef[t] F[i, a] F[i, b] conj(F[i, c]): its real part in column
    col0 + o and its imaginary part in column col0 + n_im + o (blocks of rows as in
    :func:`trilinear_real`)."""
    m, D = F.shape
    n_out = starts.shape[0] - 1
    n_blocks = (m + _TRI_BLOCK - 1) // _TRI_BLOCK
    for blk in numba.prange(n_blocks):
        lo = blk * _TRI_BLOCK
        rows = min(_TRI_BLOCK, m - lo)
        FT = np.zeros((D, _TRI_BLOCK), dtype=np.complex128)
        _transpose_rows(F, lo, rows, FT)
        acc = np.empty(_TRI_BLOCK, dtype=np.complex128)
        for o in range(n_out):
            acc[:] = 0.0
            for t in range(starts[o], starts[o + 1]):
                w = coef[t]
                fa = FT[a[t]]
                fb = FT[b[t]]
                fc = FT[c[t]]
                for i in range(_TRI_BLOCK):
                    acc[i] += w * fa[i] * fb[i] * np.conj(fc[i])
            for i in range(rows):
                out[lo + i, col0 + o] = acc[i].real
                out[lo + i, col0 + n_im + o] = acc[i].imag
    return 0
