"""
Clebsch–Gordan decompositions
=============================

A tensor product of irreducible representations splits into irreducible ones; the exact
change of basis that does it is the matrix of Clebsch–Gordan coefficients. For D_5, S_4,
A_4 and A_5 this script decomposes products of irreps with ``clebsch_gordan``, checks
:math:`C^{-1} (\\rho(g) \\otimes \\sigma(g))\\, C = \\bigoplus_\\pi \\pi(g)^{m_\\pi}`
exactly on every element, compares the constituents with the published product rules,
and turns one decomposition into a unitary C for numeric work. With ``--full`` it adds
A_5's 5 x 5 and PSL(2, 7) given only by two permutations.

Run: python examples/reps_clebsch_gordan.py [--full]
"""

import sys
import time

import numpy as np

import grouprep
from grouprep import Cyclotomic
from grouprep.reps import clebsch_gordan

full = "--full" in sys.argv[1:]


def matmul(A, B):
    """Exact product of two matrices given as tuples of rows of Cyclotomic numbers."""
    columns = list(zip(*B, strict=True))
    return [
        [sum((a * b for a, b in zip(row, col, strict=True)), Cyclotomic(0)) for col in columns]
        for row in A
    ]


def degrees(cg):
    """The constituents' degrees, e.g. '1 + 3 + 5'."""
    return " + ".join(str(cg.irreps[i].dim) for i in cg.blocks)


def decompose_and_check(name, group, i, j, published):
    """Decompose irreps[i] (x) irreps[j]; check it on every element and against the
    published rule (given by degrees). The time of the first product on a group includes
    the exact matrices of all its elements."""
    reps = grouprep.irreps(group)
    start = time.perf_counter()
    cg = clebsch_gordan(reps[i], reps[j])
    seconds = time.perf_counter() - start
    exact = all(cg.transformed(g) == cg.block_diagonal(g) for g in group)
    assert exact, f"{name}: the change of basis does not block-diagonalize"
    assert degrees(cg) == published, (name, degrees(cg), published)
    checked = f"exact on all {group.order:3d} elements"
    print(f"{name:22s} {degrees(cg):28s} {checked}  {seconds * 1e3:7.1f} ms")
    return cg


# 1. Published rules (Serre 1977 for D_n; Fulton and Harris 1991 for S_4; Ishimori et al.,
# Prog. Theor. Phys. Suppl. 183 (2010), for A_4, A_5 and PSL(2, 7)), by degrees.
print("tensor product          constituents (degrees)\n")
D5, S4, A4, A5 = (
    grouprep.dihedral(5),
    grouprep.symmetric(4),
    grouprep.alternating(4),
    grouprep.alternating(5),
)
decompose_and_check("D_5: rho_1 x rho_1", D5, 2, 2, "1 + 1 + 2")
decompose_and_check("D_5: rho_1 x rho_2", D5, 2, 3, "2 + 2")
decompose_and_check("S_4: 3 x 3", S4, 3, 3, "1 + 2 + 3 + 3")
decompose_and_check("A_4: 3 x 3", A4, 3, 3, "1 + 1 + 1 + 3 + 3")
cg = decompose_and_check("A_5: 3 x 3", A5, 1, 1, "1 + 3 + 5")
decompose_and_check("A_5: 3 x 3'", A5, 1, 2, "4 + 5")
if full:
    decompose_and_check("A_5: 5 x 5", A5, 4, 4, "1 + 3 + 3 + 4 + 4 + 5 + 5")
    psl27 = grouprep.permutation_group([(1, 2, 3, 4, 5, 6, 0, 7), (7, 6, 3, 2, 5, 4, 1, 0)])
    decompose_and_check("PSL(2,7): 3 x 3bar", psl27, 1, 2, "1 + 8")
    decompose_and_check("PSL(2,7): 3 x 3", psl27, 1, 1, "3 + 6")

# 2. The multiplicities are the character inner products, and A_5's 3 x 3 holds the same
# 3 again (not the other 3-dimensional irrep, whose character differs on 5-cycles).
print(f"\n{cg}")
assert cg.multiplicities == grouprep.decompose(grouprep.tensor_product(cg.rho, cg.sigma))
print(f"  multiplicities {cg.multiplicities} (= decompose of the tensor product)")
print(f"  C[0][0] = {cg.matrix[0][0]}")
identity = [[int(i == j) for j in range(cg.dim)] for i in range(cg.dim)]
print(f"  C^-1 C = I exactly: {matmul(cg.inverse, cg.matrix) == identity}")

# 3. Unitary C. The dihedral irreps are unitary, so C can be unitary: the copies are
# orthonormalized numerically (their entries need square roots, here 1/sqrt 2).
rho1 = grouprep.irreps(D5)[2]
cg5 = clebsch_gordan(rho1, rho1)
U = cg5.unitary()
worst = max(
    np.abs(
        U @ np.array([[complex(v) for v in row] for row in cg5.block_diagonal(g)]) @ U.conj().T
        - np.kron(rho1.numeric(g), rho1.numeric(g))
    ).max()
    for g in D5
)
print(f"\n{cg5}: unitary_available = {cg5.unitary_available}")
print("  unitary C:\n", np.round(U, 4))
print(f"  |U D(g) U^H - V(g)| at most {worst:.1e} over the 10 elements")
assert worst < 1e-12
