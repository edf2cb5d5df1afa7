"""
Checking group axioms and action axioms
=======================================

Check the laws before relying on a symmetry: group axioms and action axioms.

Run: python examples/laws_checks.py
"""

import numpy as np

import grouprep

# Lawful structures pass; the report says how much was checked.
print(grouprep.check_group_axioms(grouprep.dihedral(6)))
print(grouprep.check_group_axioms(grouprep.symmetric(8)))  # sampled: the group is large
print(grouprep.check_action(grouprep.shift_action(8, alphabet=2)))
print(grouprep.check_action(grouprep.translation_action((4, 4))))  # on random real images

# A "symmetry" that is not an action: shifting by g^2 breaks (g h)·x = g·(h·x).
G = grouprep.cyclic(6)
not_an_action = grouprep.action_from_function(G, lambda g, x: np.roll(x, g * g, axis=-1))
samples = [np.arange(6.0)]
report = grouprep.check_action(not_an_action, samples=samples)
print(report)

# In a pytest suite, use the assert_ twins: they raise LawViolation (an AssertionError).
try:
    grouprep.assert_action(not_an_action, samples=samples)
except grouprep.LawViolation as err:
    print("LawViolation raised:", str(err).splitlines()[0])
