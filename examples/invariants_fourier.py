"""
Invariants of Z_8 shifting real signals
=======================================

Derive the invariants of Z_8 shifting real signals of length 8, and prove them.

Counts the invariant polynomials of each degree (Molien), lists the degree-2 ones (the
autocorrelations), builds the power spectrum, proves it invariant exactly, shows a pair
of signals it cannot tell apart and the bispectrum that can, and ends with the
equivariant linear maps (the circular convolutions).

Run: python examples/invariants_fourier.py
"""

import numpy as np
import sympy

import grouprep
from grouprep.reps import regular_representation

n = 8
rho = regular_representation(grouprep.cyclic(n))  # rho(g) x = np.roll(x, g)
x = sympy.symbols(f"x0:{n}")

# How many invariant polynomials of each degree: the Molien coefficients.
print(f"Z_{n} shifting R^{n}: invariants of degrees 0..6:", grouprep.molien_coefficients(rho, 6))

# Degree 2: the orbit sums of the shift are the autocorrelations A_m = sum_j x_j x_{j+m}
# (A_m = A_{n-m}; the orbit sum for m = n/2 is half of A_{n/2}, each product counted once).
autocorrelations = [sum(x[j] * x[(j + m) % n] for j in range(n)) for m in range(n)]
basis = grouprep.invariant_basis(rho, 2)
print(f"degree 2: {len(basis)} orbit sums")
for m, b in enumerate(basis):
    scale = sympy.Rational(1, 2) if 2 * m == n else 1
    assert sympy.expand(b - scale * autocorrelations[m]) == 0
    print(f"  A_{m} = {b}" if scale == 1 else f"  A_{m} / 2 = {b}")

# The power spectrum P_k = |X_k|^2 = sum_m cos(2 pi k m / n) A_m (Wiener-Khinchin),
# as exact polynomials, proved invariant by checking the generator of Z_n.
P = grouprep.power_spectrum_invariants(n)
for k, p in enumerate(P):
    wk = sum(sympy.cos(2 * sympy.pi * k * m / n) * autocorrelations[m] for m in range(n))
    assert sympy.expand(p - wk) == 0
proofs = [grouprep.prove_invariant(p, rho) for p in P]
print(f"power spectrum: {len(P)} polynomials, all proved invariant:", all(r.holds for r in proofs))
print("  certificate of P_1:", proofs[1].certificate[0])

# The power spectrum forgets the phases, so it is not complete: a real signal and its
# reversal have the same power spectrum but are not shifts of each other.
power = sympy.lambdify(x, P)
a = np.array([1.0, 2.0, 4.0, 0.0, 1.0, 0.0, 0.0, 0.0])
b = np.roll(a[::-1], 1)  # b[j] = a[-j]
print("a =", a)
print("b =", b)
print("  same power spectrum:", np.allclose(power(*a), power(*b)))
print("  b is a shift of a:", any(np.array_equal(np.roll(a, s), b) for s in range(n)))

# The selective bispectrum (Mataigne et al. 2024): n pairs of frequencies, complete for
# real signals whose Fourier coefficients do not vanish. It tells a from b, and not a from
# its shifts.
B = grouprep.bispectrum_invariants(n)
print(f"selective bispectrum: pairs {grouprep.bispectrum_pairs(n)}")
print(
    f"  {len(B)} cubic polynomials, all proved invariant:",
    all(grouprep.prove_invariant(f, rho).holds for f in B),
)
bispectrum = sympy.lambdify(x, B)
print("  nonvanishing Fourier coefficients of a:", bool(np.abs(np.fft.fft(a)).min() > 1e-9))
print("  same bispectrum for a and b:", np.allclose(bispectrum(*a), bispectrum(*b)))
print(
    "  same bispectrum for a and a shift of a:",
    np.allclose(bispectrum(*a), bispectrum(*np.roll(a, 3))),
)

# Equivariant linear maps: the n circulant matrices (the shifts); their combinations are
# the circular convolutions. Their number is the inner product of the characters.
circulants = grouprep.intertwiner_basis(rho, rho)
print(
    f"equivariant linear maps: {len(circulants)} circulants,",
    f"<chi, chi> = {grouprep.inner_product(rho, rho)}",
)
print("  the second one:", circulants[1].tolist()[:3], "...")
kernel = (1, -2, 1)  # a discrete second derivative
conv = [sum(c * x[(i - j) % n] for j, c in enumerate(kernel)) for i in range(n)]
report = grouprep.prove_equivariant(conv, rho, rho)
print("  convolution with", kernel, "proved equivariant:", report.holds)
print("  certificate:", report.certificate[0])
matrix = sum((c * circulants[j] for j, c in enumerate(kernel)), sympy.zeros(n, n))
print(
    "  it is a combination of the circulants:",
    all(sympy.expand(matrix[i, :].dot(x) - conv[i]) == 0 for i in range(n)),
)
