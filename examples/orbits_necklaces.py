"""
Necklaces: the quotient of bit strings by cyclic shifts
=======================================================

The quotient of bit strings by cyclic shifts: necklaces, gauge fixing, coordinates.

The seed's example: Z_N shifting N-bit strings, whose classes are the necklaces. This
script lists them, fixes the gauge of a random batch (strategy 5: a canonical
representative per class), uses necklace ranks as coordinates on the quotient for 64-bit
strings (strategy 1), and looks at the quotient's geometry under single bit flips.
Run: python examples/orbits_necklaces.py
"""

import networkx as nx
import numpy as np

import grouprep


def words(rows):
    """Rows of symbols as strings, e.g. [[0, 0, 1]] -> ['001']."""
    return ["".join(map(str, row)) for row in rows]


# The seed's necklaces for N = 1..6. The seed writes 1000 where grouprep lists the least
# rotation 0001; mapping each of the seed's strings to its least rotation gives exactly
# grouprep's list.
seed = {
    1: "0 1",
    2: "00 10 11",
    3: "000 100 110 111",
    4: "0000 1000 1100 1010 1110 1111",
    5: "00000 10000 11000 10100 11100 10110 11110 11111",
    6: "000000 100000 110000 101000 100100 111000 110100 110010 "
    "111111 011111 001111 111010 011011 101010",
}
for n, text in seed.items():
    listed = words(grouprep.necklaces(n))
    seed_strings = np.array([[int(b) for b in w] for w in text.split()])
    least = words(grouprep.least_rotation(seed_strings).canonical)
    assert sorted(least) == listed
    assert (
        len(listed)
        == grouprep.count_necklaces(n)
        == grouprep.count_orbits(grouprep.shift_action(n, alphabet=2))
    )
    print(f"N={n}: {len(listed):2d} necklaces", " ".join(listed))

# Gauge fixing (strategy 5): the least rotation of every string of a random batch, the
# shift that reaches it, and how many shifts do (more than 1 is the seed's Gribov
# ambiguity, which happens exactly for periodic strings).
rng = np.random.default_rng(0)
X = rng.integers(0, 2, size=(200_000, 16))
r = grouprep.least_rotation(X)
assert np.array_equal(grouprep.shift_action(16).act(int(r.shift[0]), X[0]), r.canonical[0])
assert np.array_equal(grouprep.least_rotation(np.roll(X, 5, axis=1)).canonical, r.canonical)
ties = np.bincount(r.stabilizer_order, minlength=17)
print(f"\nleast rotation of {len(X)} random 16-bit strings:")
print(f"  {words(X[:1])[0]} -> shift by {r.shift[0]} -> {words(r.canonical[:1])[0]}")
print(
    "  strings with a tie (period < 16):",
    int(ties[2:].sum()),
    "ties by size:",
    {k: int(c) for k, c in enumerate(ties) if k > 1 and c},
)

# Coordinates on the quotient (strategy 1) for n = 64: the rank of each class, computed
# without listing the 288,230,376,218,822,676 necklaces, and unrank as its inverse.
Q = grouprep.Quotient(grouprep.shift_action(64, alphabet=2))
X64 = rng.integers(0, 2, size=(1000, 64))
ids = Q.index(X64)
assert np.array_equal(Q.index(np.roll(X64, 11, axis=1)), ids)  # invariant
assert np.array_equal(
    grouprep.necklace_unrank(ids[:5], 64), grouprep.least_rotation(X64[:5]).canonical
)
print(f"\n{Q}: {Q.num_classes} classes")
print("  class ids of the first 3 strings:", ids[:3].tolist())
first = int(ids[0])
print("  the first string:       ", words(X64[:1])[0])
print("  its class, unranked:    ", words([Q.representative(first)])[0])
print("  its class has", Q.class_size(first), "members; ids run from 0 to", Q.num_classes - 1)

# Beyond 2**62 classes the ranks are exact Python ints.
long = rng.integers(0, 2, size=(2, 100))
print("  ranks of two 100-bit strings:", grouprep.necklace_rank(long).tolist())

# Walking the quotient lazily: all 2,581,428 necklaces of length 26 in batches of
# consecutive ranks (only one batch exists at a time), counting the aperiodic ones (the
# Lyndon words, stabilizer 1) against the closed formula; then one batch from the middle
# of the 2^64 / 64 necklaces of length 64, starting at a rank.
lyndon = 0
for batch in grouprep.iter_necklaces(26, batch=1 << 18):
    lyndon += int((grouprep.least_rotation(batch).stabilizer_order == 1).sum())
print(f"\nLyndon words of length 26, counted while walking: {lyndon:,}")
assert lyndon == grouprep.count_lyndon_words(26)
middle = Q.num_classes // 2
rows = next(grouprep.iter_necklaces(64, start=middle, batch=3))
assert grouprep.necklace_rank(rows).tolist() == [middle, middle + 1, middle + 2]
print(f"  the necklace of rank {middle:,}:", words(rows[:1])[0])

# Another action: the bracelets (rotations and reflections) of length 6, from a table.
B = grouprep.Quotient(grouprep.dihedral_action(6, alphabet=2))
print(f"\n{B}: {B.num_classes} classes, sizes", [B.class_size(i) for i in range(B.num_classes)])

# The geometry of the quotient: join two necklaces of length 6 when flipping one bit
# moves a member of one to a member of the other.
N = 6
flips = [lambda P, i=i: P ^ (np.arange(N) == i) for i in range(N)]
F = grouprep.quotient_graph(grouprep.shift_action(N, alphabet=2), flips, batched=True)
G = nx.Graph(F)
G.remove_edges_from(nx.selfloop_edges(G))
print(f"\nquotient graph of {N}-bit necklaces under single bit flips:")
print(f"  {G.number_of_nodes()} classes, {G.number_of_edges()} edges")
for node in [(0,) * N, (0, 0, 0, 1, 1, 1), (0, 1, 0, 1, 0, 1)]:
    neighbours = words(sorted(G[node]))
    print(f"  {words([node])[0]} (size {F.nodes[node]['size']}) - {' '.join(neighbours)}")
print("  flips from 000000 to 111111:", nx.shortest_path_length(G, (0,) * N, (1,) * N))
