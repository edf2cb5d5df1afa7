"""
Character tables and the Fourier modes of Z_N
=============================================

Exact representation theory: character tables, the Fourier modes of Z_N, a decomposition.

Character tables of S4 and A5, and of PSL(2, 7) given only by two generators; the Fourier
modes of Z_N derived and checked exactly (they are the irreducible representations, the
character table is the DFT matrix, the DFT diagonalizes the shift), with the power spectrum
as a shift-invariant feature; and the permutation representation of the hexagon's
symmetries split into isotypic parts.
Run: python examples/reps_characters.py
"""

import numpy as np

import grouprep
from grouprep import Cyclotomic, root_of_unity


def matmul(A, B):
    """Exact product of two matrices given as tuples of rows of Cyclotomic numbers."""
    columns = list(zip(*B, strict=True))
    return tuple(
        tuple(
            sum((a * b for a, b in zip(row, col, strict=True)), Cyclotomic(0)) for col in columns
        )
        for row in A
    )


def identity(n, scale=1):
    return tuple(tuple(scale * int(i == j) for j in range(n)) for i in range(n))


def orthogonality_holds(table):
    """Row and column orthogonality of a character table, checked exactly."""
    G, rows, r = table.group, table.characters, len(table.classes)
    rows_ok = all(
        grouprep.inner_product(a, b, group=G) == int(i == j)
        for i, a in enumerate(rows)
        for j, b in enumerate(rows)
    )
    cols_ok = all(
        sum((row[a] * row[b].conjugate() for row in rows), Cyclotomic(0))
        == (G.order // table.classes[a].size if a == b else 0)
        for a in range(r)
        for b in range(r)
    )
    return rows_ok and cols_ok


# 1. Character tables, exact. S4 and A5 by name; PSL(2, 7) only by generators: x -> x + 1
# and x -> -1/x on the projective line {0, ..., 6, oo} over F_7 (oo is point 7).
psl27 = grouprep.permutation_group([(1, 2, 3, 4, 5, 6, 0, 7), (7, 6, 3, 2, 5, 4, 1, 0)])
groups = {"S4": grouprep.symmetric(4), "A5": grouprep.alternating(5), "PSL(2,7)": psl27}
for name, G in groups.items():
    table = grouprep.character_table(G)
    print(f"character table of {name} (order {G.order}):")
    print(table)
    print("  degrees", table.degrees, "orthogonality:", orthogonality_holds(table), "\n")

z5, z7 = root_of_unity(5), root_of_unity(7)
golden = 1 + z5 + z5**4  # (1 + sqrt 5)/2
assert golden * golden == golden + 1
assert grouprep.character_table(grouprep.alternating(5)).characters[1][3] == golden
heptagonal = z7 + z7**2 + z7**4  # (-1 + i sqrt 7)/2
assert heptagonal * heptagonal + heptagonal + 2 == 0
assert grouprep.character_table(psl27).characters[1][4] == heptagonal
print(f"A5 takes the golden ratio {golden} = {float(golden):.6f}")
print(f"PSL(2,7) takes {heptagonal} = {complex(heptagonal):.6f}\n")

# 2. The Fourier modes of Z_N: chi_k(g) = zeta^(k g), the irreducible representations.
N = 12
ZN = grouprep.cyclic(N)
chis = grouprep.irreps(ZN)
assert all(chis[k].character(g) == root_of_unity(N, k * g) for k in range(N) for g in ZN)
assert all(grouprep.check_homomorphism(chi).holds for chi in chis)
gram = [[grouprep.inner_product(a, b) for b in chis] for a in chis]
assert gram == [[int(j == k) for k in range(N)] for j in range(N)]
F = grouprep.fourier_matrix(N)
F_adjoint = tuple(tuple(F[k][j].conjugate() for k in range(N)) for j in range(N))
assert grouprep.character_table(ZN).characters == F_adjoint  # table = conjugate DFT matrix
assert matmul(F, F_adjoint) == identity(N, N)  # exactly unitary up to N
shift = grouprep.regular_representation(ZN).exact(1)  # the matrix of numpy.roll by one step
conjugated = matmul(matmul(F, shift), tuple(tuple(v / N for v in row) for row in F_adjoint))
phases = [chi.character(1).conjugate() for chi in chis]  # zeta^(-k)
assert conjugated == tuple(tuple(phases[k] if j == k else 0 for k in range(N)) for j in range(N))
print(f"Z_{N}: {len(chis)} Fourier modes, orthonormal; the DFT diagonalizes the shift exactly:")
print("  diag(F S F^-1) =", [conjugated[k][k] for k in range(N)])

rng = np.random.default_rng(0)
f = rng.standard_normal(N)
fhat = np.array([m[0, 0] for m in grouprep.fourier_transform(ZN, f)])
assert np.allclose(fhat, np.fft.fft(f))
assert np.allclose(grouprep.inverse_fourier_transform(ZN, grouprep.fourier_transform(ZN, f)), f)
# A shift multiplies each Fourier coordinate by a phase; the power spectrum is invariant.
X = rng.standard_normal((1000, N))
power = np.abs(np.fft.fft(X, axis=1)) ** 2
changes = [np.abs(np.fft.fft(np.roll(X, g, axis=1), axis=1)) ** 2 - power for g in ZN]
print("  fourier_transform == numpy.fft.fft")
print(f"  power spectra of 1000 random signals under all {N} shifts: largest change", end=" ")
print(f"{max(np.abs(c).max() for c in changes):.1e}\n")

# 3. Decomposition. D6 permuting the 6 vertices of a hexagon acts on signals on the
# vertices; split that representation into isotypic parts.
D6 = grouprep.dihedral(6)
perm = grouprep.permutation_representation(grouprep.permutation_action(D6))
irreps = grouprep.irreps(D6)
print(f"D6 on the 6 vertices of a hexagon: {perm}")
signal = rng.standard_normal(6)
parts = []
for chi in irreps:
    m = int(grouprep.inner_product(perm, chi).as_fraction())
    if m == 0:
        continue
    P = grouprep.isotypic_projector(perm, chi)
    assert matmul(P, P) == P
    assert all(matmul(P, perm.exact(s)) == matmul(perm.exact(s), P) for s in D6.generators)
    part = np.array([[float(v) for v in row] for row in P]) @ signal  # float(): real entries
    parts.append(part)
    print(f"  {chi.name:16s} dim {chi.dim} multiplicity {m}: part of a signal {np.round(part, 3)}")
assert np.allclose(sum(parts), signal)
print("  the parts add up to the signal")

# Z_6 shifting 6-bit strings: the trivial representation occurs once per necklace.
bits = grouprep.permutation_representation(grouprep.shift_action(6, alphabet=2))
multiplicities = grouprep.decompose(bits)
assert multiplicities[0] == grouprep.count_necklaces(6)
print(f"\nZ_6 on functions of 6-bit strings (dim {bits.dim}): multiplicities {multiplicities}")
print(f"  invariant functions: {multiplicities[0]} dimensions, one per necklace")
