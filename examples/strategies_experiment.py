"""
A small sample-complexity experiment
====================================

Learning curves of the baseline and the five strategies on random labels on the necklaces
of 8-bit strings, with ``run_experiment``: two seeds, training sizes 16 to 128. The
function writes ``results.json``, ``results.csv`` and ``learning_curves.png`` to a
temporary directory and returns the summary, which is printed as a table and drawn below.
``grouprep experiment`` runs the same from the command line; docs/part2.rst reads larger
runs.

Run: python examples/strategies_experiment.py
"""

import tempfile
import time

import matplotlib.pyplot as plt

from grouprep.strategies import run_experiment

out = tempfile.mkdtemp(prefix="grouprep-strategies-")
start = time.perf_counter()
result = run_experiment(
    "necklace-labels",
    8,
    sizes=[16, 32, 64, 128],
    seeds=2,
    target=0.8,
    test_size=1000,
    out=out,
)
print(f"task: {result.description}")
print(f"{result.seeds} seeds per size, {time.perf_counter() - start:.1f} s\n")
print(result.table())
print()
for kind, path in result.files.items():
    print(f"{kind}: {path}")

# %%
# The learning curves
# -------------------
# The mean test accuracy over the seeds against the training size (``result.plot``),
# with a band of one standard deviation; the dotted line is the 80% target. The baseline
# has to see each string, the strategies only one string of each class.

fig, ax = plt.subplots(figsize=(7, 4.5))
result.plot(ax)
fig.tight_layout()
