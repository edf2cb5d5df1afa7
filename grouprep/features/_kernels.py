"""Compiled loops of the featurizers (private; numba, imported when first used)."""

import numba
import numpy as np


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


@numba.njit(cache=True, parallel=True, fastmath=True)
def polynomials_fill_blocked(Xt, mono, term_mono, term_coef, starts, out):
    """out[i, e] = sum_{t in e} term_coef[t] * prod_c Xt[mono[term_mono[t], c], i].

    ``Xt`` is the transposed batch (n + 1, m) with a row of ones at n (padding for lower
    degrees). Rows are processed in blocks; the innermost loop runs over the rows of a
    block, contiguous in ``Xt``, so it vectorizes.
    """
    m = Xt.shape[1]
    d = mono.shape[1]
    E = starts.shape[0] - 1
    block = 256
    nblocks = (m + block - 1) // block
    for bi in numba.prange(nblocks):
        lo = bi * block
        hi = min(m, lo + block)
        acc = np.empty(hi - lo)
        for e in range(E):
            acc[:] = 0.0
            for t in range(starts[e], starts[e + 1]):
                mt = term_mono[t]
                c = term_coef[t]
                # slices of the block: indices start at 0, so no wraparound checks and
                # the loops vectorize
                if d == 0:
                    for r in range(hi - lo):
                        acc[r] += c
                elif d == 1:
                    a = Xt[mono[mt, 0], lo:hi]
                    for r in range(hi - lo):
                        acc[r] += c * a[r]
                elif d == 2:
                    a = Xt[mono[mt, 0], lo:hi]
                    b = Xt[mono[mt, 1], lo:hi]
                    for r in range(hi - lo):
                        acc[r] += c * a[r] * b[r]
                elif d == 3:
                    a = Xt[mono[mt, 0], lo:hi]
                    b = Xt[mono[mt, 1], lo:hi]
                    z = Xt[mono[mt, 2], lo:hi]
                    for r in range(hi - lo):
                        acc[r] += c * a[r] * b[r] * z[r]
                else:
                    for r in range(hi - lo):
                        v = c
                        for k in range(d):
                            v *= Xt[mono[mt, k], lo + r]
                        acc[r] += v
            for r in range(hi - lo):
                out[lo + r, e] = acc[r]
    return 0
