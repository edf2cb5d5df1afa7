"""
Finite groups as values
=======================

Finite groups as values: build them, compose elements, list conjugacy classes.

Run: python examples/groups_basics.py
"""

import grouprep

# The factories return immutable groups; equal arguments give equal groups.
Z8 = grouprep.cyclic(8)
D5 = grouprep.dihedral(5)
S4 = grouprep.symmetric(4)
V = grouprep.abelian(2, 2)
print(Z8, D5, S4, V, sep="\n")

# Composition follows functions: compose(a, b) applies b first, then a.
print("3 + 7 mod 8 =", Z8.compose(3, 7))
r, s = (1, 0), (0, 1)  # rotation by one step and the reflection i -> -i of the pentagon
print("s r s =", D5.compose(D5.compose(s, r), s), "= r^-1 =", D5.inverse(r))
a, b = (1, 2, 3, 0), (1, 0, 2, 3)
print("a∘b =", S4.compose(a, b), "(a∘b)[i] == a[b[i]]")

# Every group numbers its elements 0..order-1; permutation groups in lexicographic order.
print("S4 element 23 =", S4.element(23), "and back:", S4.index(S4.element(23)))


# A group given only by generators: PSL(2,7) acting on the 8 points of the projective line
# over F_7 (x -> x + 1 and x -> -1/x, with 7 standing for infinity).
def mobius(f):
    return tuple(f(x) for x in range(8))


inf = 7
shift = mobius(lambda x: inf if x == inf else (x + 1) % 7)
invert = mobius(lambda x: 0 if x == inf else inf if x == 0 else (-pow(x, -1, 7)) % 7)
PSL27 = grouprep.permutation_group([shift, invert])
print("PSL(2,7): order", PSL27.order)

for G in (S4, grouprep.alternating(5), PSL27):
    print(f"\n{G!r}: {len(G.conjugacy_classes())} classes, exponent {G.exponent}")
    for c in G.conjugacy_classes():
        print(f"  size {c.size:3d}  order {c.element_order:2d}  representative {c.representative}")

# Groups built by sympy convert directly.
from sympy.combinatorics.named_groups import AlternatingGroup  # noqa: E402

print(
    "\nfrom_sympy(AlternatingGroup(5)) == alternating(5):",
    grouprep.from_sympy(AlternatingGroup(5)) == grouprep.alternating(5),
)
