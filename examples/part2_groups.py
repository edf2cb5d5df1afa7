"""
The cost of ignoring a symmetry, across groups
==============================================

Part I says that a model that ignores an exact symmetry pays for it in samples, by a
factor that grows with the group. This script measures that factor for four groups of
different orders on the purest quotient tasks (a random label on each orbit, inputs
uniform, so nothing can be learned but the label of each class seen):

* :math:`\\mathbb{Z}_n` shifting bit strings (``necklace-labels``),
* :math:`D_n` rotating and reflecting them (``bracelet-labels``),
* :math:`S_n` relabelling the vertices of graphs (``graph-labels``),
* p4m moving periodic square images (``image-labels``).

For each row it reports :math:`|G|`, the number of inputs and of classes, the mean orbit
size :math:`|X| / |X/G|`, the mean orbit size seen by a uniform input
:math:`E_x |G x| = \\sum_O |O|^2 / |X|`, and the training-set size that the baseline and
the best symmetric strategy need to reach the target accuracy, with their ratio. A
coupon-collector model (a learner right on the classes it has seen, at chance
elsewhere) predicts the same sizes from the orbit sizes alone. Each row is one
``grouprep experiment`` command, printed with the row; the same seed gives the same
numbers.

By default a quick run (small groups, one seed: well under a minute). The documentation's
table and figures (docs/part2.rst) come from the full run, a few minutes on two cores::

    python examples/part2_groups.py --full --out docs/_static

Run: python examples/part2_groups.py
"""

import argparse
import json
import os
import tempfile
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from grouprep.orbits import canonical_form
from grouprep.strategies import make_task, run_experiment

parser = argparse.ArgumentParser(description="sample-complexity saving across groups")
parser.add_argument("--full", action="store_true", help="the documentation's run")
parser.add_argument("--out", default=None, help="directory for the table and figures")
args, _ = parser.parse_known_args()

# (group option, task, n): n is the string length, the number of vertices or the side
if args.full:
    ROWS = [
        (["--group", "Z12"], "necklace-labels", 12),
        (["--group", "D12"], "bracelet-labels", 12),
        (["--group", "S5"], "graph-labels", 5),
        (["--group", "S6"], "graph-labels", 6),
        (["--group", "p4m", "--side", "3"], "image-labels", 3),
        (["--group", "p4m", "--side", "4"], "image-labels", 4),
    ]
    SEEDS, TEST, TARGET = 3, 2000, 0.75
    STRATEGIES = ["baseline", "quotient", "canonicalization"]
    FIRST, STEP = 2, 2  # training sizes 2, 4, 8, ... up to |X|
else:
    ROWS = [
        (["--group", "Z8"], "necklace-labels", 8),
        (["--group", "D8"], "bracelet-labels", 8),
        (["--group", "S5"], "graph-labels", 5),
        (["--group", "p4m", "--side", "3"], "image-labels", 3),
    ]
    SEEDS, TEST, TARGET = 1, 500, 0.75
    STRATEGIES = ["baseline", "quotient"]
    FIRST, STEP = 8, 4  # training sizes 8, 32, 128, ... and |X|
out = args.out or tempfile.mkdtemp(prefix="grouprep-part2-groups-")
os.makedirs(out, exist_ok=True)
runs = tempfile.mkdtemp(prefix="grouprep-part2-runs-")  # each row's results.json, .csv, .png


def orbit_sizes(task):
    """The size of every orbit, from the canonical forms of all the inputs."""
    k = task.action.alphabet
    sites = task.action.num_sites
    codes = np.arange(task.domain_size, dtype=np.int64)
    shifts = np.arange(sites - 1, -1, -1, dtype=np.int64)
    digits = (codes[:, None] // k ** shifts[None, :]) % k
    X = digits.astype(np.uint8).reshape(-1, *task.action.shape)
    canonical = canonical_form(task.action, X).canonical.reshape(len(X), -1)
    return np.unique(canonical, axis=0, return_counts=True)[1]


def model_samples(sizes, target):
    """The least m at which a coupon-collector learner reaches the target: right on the
    classes it has seen, right half the time elsewhere; classes of probability p."""
    p = sizes / sizes.sum()
    m = np.unique(np.geomspace(1, 8 * sizes.sum(), 4000).astype(np.int64))
    seen = (p[:, None] * -np.expm1(m[None, :] * np.log1p(-p[:, None]))).sum(axis=0)
    return int(m[np.argmax(0.5 + seen / 2 >= target)])


rows, results = [], []
start = time.perf_counter()
for group, name, n in ROWS:
    task = make_task(name, n)
    domain = task.domain_size
    grid = [s for s in (FIRST * STEP**i for i in range(40)) if s < domain] + [domain]
    sizes_grid = f"{FIRST}:{domain}" if STEP == 2 else ",".join(map(str, grid))
    command = ["grouprep", "experiment", *group, "--sizes", sizes_grid, "--seeds", str(SEEDS)]
    command += ["--target", f"{TARGET:g}", "--test-size", str(TEST)]
    command += ["--strategies", ",".join(STRATEGIES), "--quiet", "--out", "DIR"]
    res = run_experiment(
        name,
        n,
        sizes=grid,
        seeds=SEEDS,
        strategies=STRATEGIES,
        target=TARGET,
        test_size=TEST,
        out=os.path.join(runs, f"{name}_{n}"),
        overwrite=True,
    )
    orbits = orbit_sizes(task)
    by = {s["strategy"]: s for s in res.summary}
    best = min(
        (s for s in res.summary if s["strategy"] != "baseline"),
        key=lambda s: s["samples_to_target"] or float("inf"),
    )
    base, sym = by["baseline"]["samples_to_target"], best["samples_to_target"]
    point_model = model_samples(np.ones(domain), TARGET)
    orbit_model = model_samples(orbits.astype(float), TARGET)
    row = {
        "group": " ".join(group[1:]),
        "task": name,
        "n": n,
        "order": task.info["group_order"],
        "inputs": domain,
        "classes": task.info["classes_of_inputs"],
        "mean_orbit": domain / len(orbits),
        "weighted_orbit": float((orbits.astype(float) ** 2).sum() / domain),
        "baseline": base,
        "best": best["strategy"],
        "symmetric": sym,
        "ratio": base / sym if base and sym else None,
        "symmetric_at_first_size": sym is not None and sym <= grid[0],
        "model_baseline": point_model,
        "model_symmetric": orbit_model,
        "model_ratio": point_model / orbit_model,
        "command": " ".join(command),
    }
    if len(orbits) != row["classes"]:  # the canonical forms must agree with Burnside
        raise RuntimeError(f"{name}: {len(orbits)} orbits listed, {row['classes']} counted")
    rows.append(row)
    results.append(res)
    print(f"{row['command']}   ({time.perf_counter() - start:.0f} s)")

head = ["group", "|G|", "|X|", "|X/G|", "mean", "E|Gx|", "baseline", "best", "ratio", "model"]
lines = [head]
for r in rows:
    bound = "<=" if r["symmetric_at_first_size"] else ""  # reached at the smallest size
    lines.append(
        [
            r["group"],
            str(r["order"]),
            str(r["inputs"]),
            str(r["classes"]),
            f"{r['mean_orbit']:.1f}",
            f"{r['weighted_orbit']:.1f}",
            "-" if r["baseline"] is None else f"{r['baseline']:.0f}",
            "-" if r["symmetric"] is None else f"{bound}{r['symmetric']:.0f} ({r['best']})",
            "-" if r["ratio"] is None else f"{'>=' if bound else ''}{r['ratio']:.1f}x",
            f"{r['model_ratio']:.1f}x",
        ]
    )
widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
table = "\n".join(
    "  ".join(
        c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(line, widths, strict=True))
    )
    for line in lines
)
print(f"\ntraining samples to reach {TARGET:.0%} test accuracy ({SEEDS} seed(s) per size):\n")
print(table)
with open(os.path.join(out, "part2_groups.json"), "w") as fh:
    json.dump({"target": TARGET, "seeds": SEEDS, "rows": rows}, fh, indent=1)

# %%
# Learning curves, one panel per group
# ------------------------------------
# The baseline and the symmetric strategies, mean test accuracy over the seeds; the
# dotted line is the target.

fig, axes = plt.subplots(2, (len(rows) + 1) // 2, figsize=(3.2 * ((len(rows) + 1) // 2), 5.6))
for ax, res, r in zip(axes.ravel(), results, rows, strict=False):
    for s in res.summary:
        ax.plot(res.sizes, s["mean"], marker=".", label=s["strategy"])
    ax.axhline(TARGET, color="gray", linestyle=":", linewidth=1)
    ax.set_xscale("log", base=2)
    ax.set_title(f"{r['group']}: |G| = {r['order']}, |X| = {r['inputs']}", fontsize=8)
    ax.tick_params(labelsize=7)
axes.ravel()[0].legend(fontsize=6)
for ax in axes.ravel()[len(rows) :]:
    ax.axis("off")
fig.supxlabel("training samples", fontsize=8)
fig.supylabel("test accuracy", fontsize=8)
fig.tight_layout()
fig.savefig(os.path.join(out, "part2_groups_curves.png"), dpi=90)

# %%
# Which size does the ratio follow?
# ---------------------------------
# The measured ratio (baseline's samples over the best symmetric strategy's) against
# three candidates: the order of the group, the mean orbit size, and the mean orbit size
# weighted by the orbit's probability under uniform inputs. On the diagonal the ratio
# equals the candidate.

fig, ax = plt.subplots(figsize=(5.5, 4.2))
measured = [r for r in rows if r["ratio"] is not None]
for key, label, marker in (
    ("order", "|G|", "s"),
    ("mean_orbit", "|X| / |X/G|", "o"),
    ("weighted_orbit", "E|Gx|", "^"),
):
    ax.scatter(
        [r[key] for r in measured], [r["ratio"] for r in measured], marker=marker, label=label
    )
for r in measured:
    ax.annotate(
        r["group"],
        (r["weighted_orbit"], r["ratio"]),
        fontsize=7,
        textcoords="offset points",
        xytext=(4, -3),
    )
span = [1, max(r["order"] for r in rows) * 1.5]
ax.plot(span, span, color="gray", linewidth=1, linestyle="--")
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("candidate size")
ax.set_ylabel(f"measured ratio of samples at {TARGET:.0%}")
ax.legend(fontsize=8)
fig.tight_layout()
fig.savefig(os.path.join(out, "part2_groups_ratio.png"), dpi=90)
print(f"\ntable and figures in {out}, each row's files in {runs}")
print(f"{time.perf_counter() - start:.0f} s")
