"""The sample-complexity experiment: learning curves of the five strategies (private)."""

from __future__ import annotations

import csv
import json
import math
import numbers
import os
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from grouprep._validation import check_int, describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.laws import check_equivariant, check_invariant
from grouprep.strategies._data import data_task, split_rows
from grouprep.strategies._layers import SiteLabels
from grouprep.strategies._strategies import (
    _EQUIVARIANT_NETWORK_ONLY,
    COVARIANT_STRATEGIES,
    NETWORK_OPTIONS,
    NETWORK_STRATEGIES,
    STRATEGIES,
    applicability,
    make_strategy,
)
from grouprep.strategies._tasks import Task, make_task

__all__ = ["ExperimentResult", "run_experiment"]

#: the files run_experiment writes to its output directory
OUTPUT_FILES = {"json": "results.json", "csv": "results.csv", "png": "learning_curves.png"}

_WHERE = "run_experiment"


@dataclass
class ExperimentResult:
    """Every run of :func:`run_experiment` and its summary.

    Attributes
    ----------
    records : list of dict
        One per (strategy, train size, seed): ``accuracy``, ``fit_seconds``.
    summary : list of dict
        One per strategy: mean and standard deviation of the accuracy per train size,
        ``samples_to_target`` (the least train size whose mean accuracy reaches the
        target, None if none does), ``ratio_to_baseline`` (baseline's samples / this
        strategy's, or ``baseline_network``'s when the trained networks run without
        ``baseline``; None when either never reaches the target) and ``invariant`` (whether
        the fitted model passed ``check_invariant`` on held-out data).
    files : dict
        Paths of the JSON, CSV and PNG files written, if an output directory was given.
    skipped : dict
        The strategies of the default list that do not apply to the action, each with
        the reason (:func:`~grouprep.strategies.applicability`).
    """

    task: str
    description: str
    n: int
    sizes: list[int]
    seeds: int
    target: float
    records: list[dict[str, Any]]
    summary: list[dict[str, Any]]
    files: dict[str, str] = field(default_factory=dict)
    covariant: bool = False
    skipped: dict[str, str] = field(default_factory=dict)

    def table(self) -> str:
        """The summary as a text table: mean accuracy per size, samples to target, ratio."""
        law = "cov" if self.covariant else "inv"
        head = ["strategy", *[str(s) for s in self.sizes], f"n@{self.target:g}", "ratio", law]
        rows = []
        for s in self.summary:
            cells = [s["strategy"]]
            cells += [f"{m:.3f}" for m in s["mean"]]
            reach = s["samples_to_target"]
            cells.append("-" if reach is None else f"{reach:.0f}")
            r, low = s["ratio_to_baseline"], s["ratio_at_least"]
            cells.append(f"{r:.1f}x" if r is not None else (f">{low:.1f}x" if low else "-"))
            cells.append({True: "yes", False: "no", None: "-"}[s["invariant"]])
            rows.append(cells)
        widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
        lines = [
            "  ".join(
                c.rjust(w) if i else c.ljust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
            for r in [head, *rows]
        ]
        lines.insert(1, "  ".join("-" * w for w in widths))
        lines += [f"skipped {name}: {why}" for name, why in self.skipped.items()]
        return "\n".join(lines)

    def plot(self, ax: Any = None) -> Any:
        """Draw the learning curves: mean accuracy against train size, one line per strategy.

        A band of one standard deviation over the seeds surrounds each line; a dotted line
        marks the target. Needs matplotlib (the ``ml`` extra).

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Where to draw; a new figure's axes by default.

        Returns
        -------
        matplotlib Axes

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from grouprep.strategies import run_experiment
        >>> res = run_experiment("necklace-labels", 6, sizes=[16, 48], seeds=1,
        ...                      strategies=["baseline", "quotient"], test_size=200)
        >>> ax = res.plot()
        >>> [line.get_label() for line in ax.get_lines()[:2]]
        ['baseline', 'quotient']
        """
        if ax is None:
            import matplotlib.pyplot as plt

            _, ax = plt.subplots(figsize=(7, 4.5))
        for s in self.summary:
            mean, std = np.array(s["mean"]), np.array(s["std"])
            ax.plot(self.sizes, mean, marker="o", label=s["strategy"])
            ax.fill_between(self.sizes, mean - std, mean + std, alpha=0.15)
        ax.axhline(self.target, color="gray", linestyle=":", linewidth=1)
        ax.set_xscale("log", base=2)
        ax.set_xlabel("training samples")
        ax.set_ylabel("test accuracy")
        ax.set_title(f"{self.task}, n = {self.n}")
        ax.legend(fontsize=8)
        return ax


def _check_sizes(sizes: Any, task: Task) -> list[int]:
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, (Sequence, np.ndarray)):
        raise GroupRepTypeError(
            f"{_WHERE}: argument 'sizes' must be a sequence of ints such as [16, 32, 64], "
            f"got {describe(sizes)} of type {type(sizes).__name__}"
        )
    values = [check_int(s, "sizes", _WHERE, minimum=2) for s in sizes]
    if not values:
        raise GroupRepValueError(f"{_WHERE}: argument 'sizes' must hold at least one size")
    if len(set(values)) != len(values):
        raise GroupRepValueError(
            f"{_WHERE}: argument 'sizes' must hold distinct sizes, got {describe(sizes)}"
        )
    out = sorted(values)
    if task.domain_size is not None and out[-1] > task.domain_size:
        raise GroupRepValueError(
            f"{_WHERE}: train size {out[-1]} is larger than the task's domain "
            f"({task.domain_size} distinct inputs)"
        )
    return out


def _check_strategies(strategies: Any, task: Task) -> tuple[list[str], dict[str, str]]:
    """The strategy names (a list of known, distinct names, never a bare string) and,
    for the default list, the strategies skipped because they do not apply, with why."""
    if strategies is None:
        names, skipped = [], {}
        for name in COVARIANT_STRATEGIES if task.covariant else STRATEGIES:
            why = applicability(name, task.action, covariant=task.covariant)
            if why is None:
                names.append(name)
            else:
                skipped[name] = why
        return names, skipped
    if isinstance(strategies, str):
        raise GroupRepTypeError(
            f"{_WHERE}: argument 'strategies' must be a list of strategy names, got the "
            f"string {describe(strategies)}; write [{strategies!r}] for one strategy"
        )
    if not isinstance(strategies, (Sequence, np.ndarray)):
        raise GroupRepTypeError(
            f"{_WHERE}: argument 'strategies' must be a list of strategy names, got "
            f"{describe(strategies)} of type {type(strategies).__name__}"
        )
    names = list(strategies)
    if not names:
        raise GroupRepValueError(f"{_WHERE}: argument 'strategies' must name one strategy or more")
    for s in names:
        if not isinstance(s, str) or s not in (*STRATEGIES, *NETWORK_STRATEGIES):
            raise GroupRepValueError(
                f"{_WHERE}: unknown strategy {describe(s)} in argument 'strategies'; "
                f"strategies are {list(STRATEGIES)}, and the trained networks "
                f"{list(NETWORK_STRATEGIES)}"
            )
        if s in NETWORK_STRATEGIES and task.covariant:
            raise GroupRepValueError(
                f"{_WHERE}: the strategy {s!r} is invariant by construction and cannot predict "
                "the covariant labels of this task; covariant strategies are "
                f"{list(COVARIANT_STRATEGIES)}"
            )
    if len(set(names)) != len(names):
        raise GroupRepValueError(
            f"{_WHERE}: argument 'strategies' must name each strategy once, got {names}"
        )
    return names, {}


def _check_network(network: Any) -> dict[str, Any]:
    if network is None:
        return {}
    if not isinstance(network, Mapping):
        raise GroupRepTypeError(
            f"{_WHERE}: argument 'network' must be a dict of options of the trained networks "
            f"(such as {{'epochs': 100}}), got {describe(network)} of type "
            f"{type(network).__name__}"
        )
    unknown = sorted(str(key) for key in set(network) - set(NETWORK_OPTIONS))
    if unknown:
        raise GroupRepValueError(
            f"{_WHERE}: unknown options {unknown} in argument 'network'; the options are "
            f"{', '.join(NETWORK_OPTIONS)} (the seed of each fit is the experiment's)"
        )
    return dict(network)


def _make(
    name: str,
    task: Task,
    estimator: Any,
    network: dict[str, Any],
    random_state: int | None = None,
) -> Any:
    """The model of one strategy name: a pipeline of make_strategy, or a trained network
    (``"equivariant_network"`` is ``make_strategy("equivariant", model="network")``)."""
    seed = {} if random_state is None else {"random_state": random_state}
    if name in NETWORK_STRATEGIES:
        options = dict(network)
        if name == "baseline_network":  # the options of the equivariant network only
            for key in _EQUIVARIANT_NETWORK_ONLY:
                options.pop(key, None)
        base = name.removesuffix("_network")
        return make_strategy(base, task.action, model="network", **options, **seed)
    return make_strategy(name, task.action, estimator, covariant=task.covariant, **seed)


def _check_target(target: Any) -> float:
    if isinstance(target, bool) or not isinstance(target, numbers.Real):
        raise GroupRepTypeError(
            f"{_WHERE}: argument 'target' must be a number in (0, 1], got "
            f"{describe(target)} of type {type(target).__name__}"
        )
    value = float(target)
    if not (math.isfinite(value) and 0 < value <= 1):
        raise GroupRepValueError(
            f"{_WHERE}: argument 'target' must be in (0, 1], got {describe(target)}"
        )
    return value


def _check_flag(value: Any, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise GroupRepTypeError(
            f"{_WHERE}: argument {name!r} must be True or False, got {describe(value)} of "
            f"type {type(value).__name__}"
        )
    return bool(value)


def existing_outputs(out: str | os.PathLike[str]) -> list[str]:
    """The result files of an earlier run that already exist in the directory ``out``."""
    return [
        path
        for path in (os.path.join(os.fspath(out), name) for name in OUTPUT_FILES.values())
        if os.path.lexists(path)
    ]


def _prepare_output(out: Any, overwrite: bool) -> str | None:
    """Check the output directory before any work: it can be created and written, and
    it holds no result files of an earlier run (unless ``overwrite``)."""
    if out is None:
        return None
    if not isinstance(out, (str, os.PathLike)):
        raise GroupRepTypeError(
            f"{_WHERE}: argument 'out' must be a directory path (str or os.PathLike), got "
            f"{describe(out)} of type {type(out).__name__}"
        )
    out_dir = os.fspath(out)
    if not isinstance(out_dir, str) or not out_dir:
        raise GroupRepValueError(f"{_WHERE}: argument 'out' must be a non-empty path, got {out!r}")
    found = existing_outputs(out_dir)
    if found and not overwrite:
        raise GroupRepValueError(
            f"{_WHERE}: {', '.join(found)} exist{'s' if len(found) == 1 else ''} (results of "
            "an earlier run); pass overwrite=True to replace them, or choose another 'out'"
        )
    try:
        os.makedirs(out_dir, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".grouprep-write-test-", dir=out_dir)
        os.close(fd)
        os.remove(probe)
    except OSError as exc:
        raise GroupRepValueError(
            f"{_WHERE}: cannot write to the output directory {out_dir!r}: {exc.strerror or exc}"
        ) from None
    return out_dir


def run_experiment(
    task: str = "necklace-labels",
    n: int = 8,
    *,
    k: int = 2,
    sizes: Sequence[int] = (16, 32, 64, 128, 256, 512),
    seeds: int = 3,
    strategies: Sequence[str] | None = None,
    estimator: Any = None,
    target: float = 0.9,
    test_size: int | None = None,
    out: str | os.PathLike[str] | None = None,
    overwrite: bool = False,
    progress: bool = False,
    data: Any = None,
    action: Any = None,
    covariant: bool = False,
    seed: int = 0,
    network: Mapping[str, Any] | None = None,
) -> ExperimentResult:
    """Learning curves of the strategies on a task with an exact symmetry.

    For each seed, a test set of ``test_size`` samples and, for each train size, a fresh
    training set are drawn (from the task's distribution for a built-in task; from
    disjoint rows of the user's data, see ``data``); every strategy
    (:func:`make_strategy`, same downstream estimator) is fitted and scored on the test
    set. The summary gives, per strategy, the mean and spread of the accuracy per size,
    the least train size whose mean accuracy reaches ``target``, and how many times
    more samples the baseline needed. Whether each fitted model is invariant (or, for a
    covariant task, equivariant) is checked on held-out data with
    :func:`grouprep.check_invariant`. Everything is reproducible from ``seed``.

    Parameters
    ----------
    task : str
        A built-in task (``"necklace-labels"``, ``"run-of-ones"``, ``"templates"``, the
        covariant ``"pattern-position"``, or beyond the cyclic shift
        ``"bracelet-labels"``, ``"graph-labels"``, ``"image-labels"``); its action is the
        one every strategy takes.
    n, k : int
        Length of the strings or signals (vertices of the graphs, side of the images) and
        alphabet size (see :func:`make_task`).
    sizes : sequence of int
        Distinct train sizes, each an int >= 2 (a log grid is customary); they are
        reported in increasing order. Floats such as 16.7 are refused, not truncated.
    seeds : int
        Repetitions per size, >= 1.
    strategies : sequence of str, optional
        Names from :data:`STRATEGIES`, each at most once; a bare string is refused (write
        ``["baseline"]``). The trained networks are named by :data:`NETWORK_STRATEGIES`:
        ``"equivariant_network"`` is ``make_strategy("equivariant", action,
        model="network")``, ``"baseline_network"`` its unconstrained MLP; they are not in
        the default list, and take no ``estimator``. Default: every strategy that applies
        to the task's action
        (:func:`applicability`: the quotient needs strings, ...; a covariant task takes
        :data:`COVARIANT_STRATEGIES`); the others are skipped and listed, with the
        reason, in ``skipped`` of the result. A strategy named here that does not apply
        is refused before any work.
    estimator : scikit-learn classifier, optional
        The shared downstream model; default :func:`default_estimator`.
    target : float
        The accuracy whose sample cost is reported, in (0, 1].
    test_size : int, optional
        Test samples per seed, >= 1. Default: 2000 for a built-in task; for ``data``, every
        row that the largest training set leaves (``m - max(sizes)``).
    out : path, optional
        Directory for ``results.json``, ``results.csv`` and ``learning_curves.png``,
        created if needed.
    overwrite : bool
        Replace those files if they exist. By default an existing one is refused before
        any work, and the files are created anew, so earlier results are never lost.
    progress : bool
        Print one line per fit to stderr.
    data, action : optional
        A user's own ``(X, y)`` (X a finite real array of shape ``(m, *action.shape)``,
        images also flattened, y one integer or string label per row, m >= 4) and the
        signal action the labels are invariant under, instead of a built-in task;
        ``action`` is refused without ``data``. For each seed the rows are split: the
        test rows are drawn first, and every training set is drawn from the other rows
        (:func:`split_rows`), so no model is scored on a row it was trained on; hence
        ``max(sizes) + test_size <= m``.
    covariant : bool
        With ``data``: the labels are sites of the action that move with the input
        (:class:`SiteLabels`), and the covariant strategies are compared.
    seed : int
        Master seed, >= 0: the labels of the built-in task and every draw.
    network : dict, optional
        Options of the trained networks, as for ``make_strategy(..., model="network")``
        (``hidden``, ``layers``, ``epochs``, ``lr``, ``batch_size``, ``weight_decay``,
        ``dtype``, ``device``; ``embedding``, ``pool`` and ``kernel_size`` go to the
        equivariant one only). Each fit is seeded by
        its seed index, as the other strategies are.

    Returns
    -------
    ExperimentResult

    Raises
    ------
    GroupRepTypeError
        If an argument has the wrong type (a float size, a bare string of strategies, an
        estimator without ``fit``/``predict``/``get_params``, ...).
    GroupRepValueError
        If a value is out of range, a strategy unknown (the message lists the known
        ones) or not applicable to the action, a train size larger than the task's
        domain, more training and test rows than the user's data holds, or a result file exists in
        ``out`` without ``overwrite``. Every argument is checked before any work.

    Examples
    --------
    >>> from grouprep.strategies import run_experiment
    >>> res = run_experiment("necklace-labels", 6, sizes=[16, 48], seeds=1,
    ...                      strategies=["baseline", "quotient"], test_size=200)
    >>> [s["strategy"] for s in res.summary]
    ['baseline', 'quotient']
    >>> run_experiment("necklace-labels", 6, sizes=[16.7])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    grouprep.errors.GroupRepTypeError: run_experiment: argument 'sizes' must be an int >= 2, ...
    """
    seed = check_int(seed, "seed", _WHERE, minimum=0)
    covariant = _check_flag(covariant, "covariant")
    pool: tuple[Any, Any] | None = None
    if data is not None:
        the_task, pool = data_task(data, action, covariant)
        n = the_task.action.num_sites
    elif action is not None:
        raise GroupRepValueError(
            f"{_WHERE}: argument 'action' goes with 'data' (the action of a user's own data); "
            "the built-in tasks define their own"
        )
    elif covariant:
        raise GroupRepValueError(
            f"{_WHERE}: argument 'covariant' goes with 'data'; the built-in tasks say "
            "whether they are covariant"
        )
    else:
        if not isinstance(task, str):
            raise GroupRepTypeError(
                f"{_WHERE}: argument 'task' must be the name of a built-in task, got "
                f"{describe(task)} of type {type(task).__name__}"
            )
        the_task = make_task(task, n, k, seed)
    grid = _check_sizes(sizes, the_task)
    seeds = check_int(seeds, "seeds", _WHERE, minimum=1)
    if test_size is None:
        test_size = 2000 if pool is None else len(pool[0]) - grid[-1]
        if test_size < 1:
            raise GroupRepValueError(
                f"{_WHERE}: the largest train size {grid[-1]} leaves no row of the "
                f"{len(pool[0]) if pool is not None else 0} rows of 'data' for testing; "
                "use smaller sizes"
            )
    test_size = check_int(test_size, "test_size", _WHERE, minimum=1)
    if pool is not None and grid[-1] + test_size > len(pool[0]):
        raise GroupRepValueError(
            f"{_WHERE}: the largest train size {grid[-1]} and test_size {test_size} need "
            f"{grid[-1] + test_size} disjoint rows, but 'data' has {len(pool[0])}; use "
            "smaller sizes or a smaller test_size"
        )
    target = _check_target(target)
    names, skipped = _check_strategies(strategies, the_task)
    net_options = _check_network(network)
    for name in names:  # the strategy, the estimator and the action, checked before any work
        _make(name, the_task, estimator, net_options)
    progress = _check_flag(progress, "progress")
    overwrite = _check_flag(overwrite, "overwrite")
    out_dir = _prepare_output(out, overwrite)
    records: list[dict[str, Any]] = []
    invariant: dict[str, bool | None] = {}
    total = seeds * len(grid) * len(names)
    done = 0
    for s_i in range(seeds):
        rng = np.random.default_rng([seed, s_i])
        if pool is None:
            X_test, y_test = the_task.sample(test_size, rng)
            draws = [the_task.sample(size, rng) for size in grid]
        else:
            test_rows, train_rows = split_rows(len(pool[0]), test_size, grid, rng)
            X_test, y_test = pool[0][test_rows], pool[1][test_rows]
            draws = [(pool[0][rows], pool[1][rows]) for rows in train_rows]
        for size, (X_train, y_train) in zip(grid, draws, strict=True):
            for name in names:
                model = _make(name, the_task, estimator, net_options, random_state=s_i)
                t0 = time.perf_counter()
                model.fit(X_train, y_train)
                fit_s = time.perf_counter() - t0
                acc = float(np.mean(model.predict(X_test) == y_test))
                records.append(
                    {
                        "task": the_task.name,
                        "n": n,
                        "strategy": name,
                        "size": size,
                        "seed": s_i,
                        "accuracy": acc,
                        "fit_seconds": fit_s,
                    }
                )
                if s_i == 0:  # the law on held-out data, at every size
                    held_out = X_test[: min(200, len(X_test))]
                    if the_task.covariant:
                        labels = SiteLabels(the_task.action)
                        report = check_equivariant(
                            model.predict, the_task.action, labels, held_out
                        )
                    else:
                        report = check_invariant(model.predict, the_task.action, held_out)
                    invariant[name] = invariant.get(name, True) and report.holds
                    records[-1]["law_holds"] = report.holds
                done += 1
                if progress:
                    print(
                        f"[{done}/{total}] {name:<18} size {size:>6}  seed {s_i}  "
                        f"accuracy {acc:.3f}",
                        file=sys.stderr,
                        flush=True,
                    )
    summary = _summarize(records, names, grid, target, invariant)
    result = ExperimentResult(
        the_task.name,
        the_task.description,
        n,
        grid,
        seeds,
        target,
        records,
        summary,
        covariant=the_task.covariant,
        skipped=skipped,
    )
    if out_dir is not None:
        result.files = _write(result, out_dir, overwrite)
    return result


def _summarize(
    records: list[dict[str, Any]],
    names: list[str],
    grid: list[int],
    target: float,
    invariant: dict[str, bool | None],
) -> list[dict[str, Any]]:
    summary: list[dict[str, Any]] = []
    for name in names:
        means: list[float] = []
        stds: list[float] = []
        for size in grid:
            accs = [r["accuracy"] for r in records if r["strategy"] == name and r["size"] == size]
            means.append(float(np.mean(accs)))
            stds.append(float(np.std(accs)))
        reach = _crossing(grid, means, target)
        summary.append(
            {
                "strategy": name,
                "sizes": grid,
                "mean": means,
                "std": stds,
                "samples_to_target": reach,
                "invariant": invariant.get(name),
            }
        )
    # the ratio is to the baseline, or to the baseline network when only the networks run
    ref = "baseline" if "baseline" in names or "baseline_network" not in names else None
    ref = ref or "baseline_network"
    base = next((s["samples_to_target"] for s in summary if s["strategy"] == ref), None)
    has_baseline = any(s["strategy"] == ref for s in summary)
    for s in summary:
        mine = s["samples_to_target"]
        s["ratio_to_baseline"] = base / mine if base is not None and mine is not None else None
        # the baseline did not reach the target on the grid: it needs more than the largest
        # size, so the ratio is at least largest / mine
        s["ratio_at_least"] = (
            grid[-1] / mine if has_baseline and base is None and mine is not None else None
        )
    return summary


def _crossing(grid: list[int], means: list[float], target: float) -> float | None:
    """The train size where the mean accuracy first reaches the target, interpolated
    linearly in log(size) between the two grid sizes around the crossing."""
    for i, (size, m) in enumerate(zip(grid, means, strict=True)):
        if m >= target:
            if i == 0:
                return float(size)
            lo, hi = grid[i - 1], size
            m0 = means[i - 1]
            frac = (target - m0) / (m - m0) if m > m0 else 1.0
            return float(np.exp(np.log(lo) + frac * (np.log(hi) - np.log(lo))))
    return None


def _write(result: ExperimentResult, out_dir: str, overwrite: bool) -> dict[str, str]:
    """Write the result files; without ``overwrite`` each is created anew ("x" mode), so a
    file made meanwhile by someone else is refused rather than replaced."""
    files = {kind: os.path.join(out_dir, name) for kind, name in OUTPUT_FILES.items()}
    mode = "w" if overwrite else "x"
    try:
        _write_files(result, files, mode)
    except FileExistsError as exc:
        raise GroupRepValueError(
            f"{_WHERE}: {exc.filename} was created by someone else during the run; it is kept"
        ) from None
    except OSError as exc:
        raise GroupRepValueError(
            f"{_WHERE}: cannot write {exc.filename or out_dir}: {exc.strerror or exc}"
        ) from None
    return files


def _write_files(result: ExperimentResult, files: dict[str, str], mode: str) -> None:
    meta = {
        "task": result.task,
        "description": result.description,
        "n": result.n,
        "sizes": result.sizes,
        "seeds": result.seeds,
        "target": result.target,
        "skipped": result.skipped,
    }
    with open(files["json"], mode) as fh:
        json.dump(
            {"meta": meta, "summary": result.summary, "records": result.records}, fh, indent=1
        )
    with open(files["csv"], mode, newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(result.records[0]))
        writer.writeheader()
        writer.writerows(result.records)
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5))
    result.plot(ax)
    fig.tight_layout()
    try:
        with open(files["png"], mode + "b") as fh:
            fig.savefig(fh, format="png", dpi=120)
    finally:
        plt.close(fig)
