"""Built-in learning tasks with an exact symmetry (private).

The cyclic shift of strings and signals (necklaces, runs, templates, positions), and three
tasks beyond :math:`\\mathbb{Z}_n`: bracelets (:math:`D_n` on strings), isomorphism
classes of graphs (:math:`S_n` on edge vectors) and periodic images under p4m. Each task
holds the action its labels are invariant under; the strategies and the experiment take
that action from the task.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import check_int, describe
from grouprep.actions import (
    SignalAction,
    dihedral_action,
    edge_action,
    p4m_action,
    shift_action,
)
from grouprep.errors import GroupRepTypeError, GroupRepValueError, SizeLimitError
from grouprep.orbits import (
    canonical_form,
    count_bracelets,
    count_necklaces,
    count_orbits,
    necklace_rank,
)

__all__ = ["TASKS", "Task", "make_task"]


@dataclass
class Task:
    """A labelled data source invariant under a group action.

    ``sample(m, rng)`` draws m labelled examples; ``domain_size`` is the number of
    distinct inputs (None for real-valued signals); ``classes`` the number of labels;
    ``covariant`` says that the label is a site that moves with the input
    (:class:`~grouprep.strategies.SiteLabels`; ``g . y = y + g`` for the shift) instead
    of staying fixed. ``labels(X)``, where the label is a function of the input (the
    tasks with labels on orbits), gives the labels of any inputs of the action's shape,
    for example transformed ones: ``labels(action.act(g, X)) == labels(X)``.
    """

    name: str
    action: SignalAction
    sample: Callable[[int, np.random.Generator], tuple[npt.NDArray[Any], npt.NDArray[Any]]]
    description: str
    domain_size: int | None = None
    classes: int = 2
    info: dict[str, Any] = field(default_factory=dict)
    covariant: bool = False
    labels: Callable[[npt.NDArray[Any]], npt.NDArray[np.int64]] | None = None


def class_labels(ranks: npt.ArrayLike, seed: int) -> npt.NDArray[np.int64]:
    """The random label (0 or 1) of each necklace class, from its rank.

    The label of class r is bit 31 of the r-th 32-bit word of the stream of
    ``numpy.random.PCG64(seed)`` (the low half of each 64-bit output first), which is
    ``numpy.random.default_rng(seed).integers(0, 2, size=count)[r]``. It is read by
    jumping the generator to the words needed (``PCG64.advance``), so memory and time
    follow the number of distinct ranks asked for, not the number of classes.
    """
    r = np.asarray(ranks, dtype=np.int64)
    words, where = np.unique(r // 2, return_inverse=True)
    bits = np.empty(len(words), dtype=np.uint64)
    generator = np.random.PCG64(seed)
    position = 0
    for i, w in enumerate(words.tolist()):
        if w > position:
            generator.advance(w - position)
        bits[i] = generator.random_raw()
        position = w + 1
    shift = (31 + 32 * (r % 2)).astype(np.uint64)
    labels: npt.NDArray[np.int64] = (
        (bits[where.reshape(r.shape)] >> shift) & np.uint64(1)
    ).astype(np.int64)
    return labels


def _symbol_dtype(k: int) -> type[np.unsignedinteger[Any]]:
    """The smallest unsigned dtype that holds the symbols 0 .. k-1."""
    for dtype in (np.uint8, np.uint16, np.uint32):
        if k - 1 <= np.iinfo(dtype).max:
            return dtype
    return np.uint64


def _necklace_labels(n: int, k: int, seed: int) -> Task:
    """Random labels on the necklace classes: a pure quotient task.

    Inputs are drawn directly (uniform strings), and labels are read from the ranks of
    their classes (:func:`class_labels`): nothing is listed, so any n and k with
    k**n < 2**62 take memory in proportion to the rows drawn.
    """
    count = count_necklaces(n, k)
    action = shift_action(n, k)
    dtype = _symbol_dtype(k)

    def labels(X: npt.NDArray[Any]) -> npt.NDArray[np.int64]:
        return class_labels(necklace_rank(X, k), seed)

    def sample(m: int, rng: np.random.Generator) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        X = rng.integers(0, k, size=(m, n), dtype=dtype)
        return X, labels(X)

    return Task(
        "necklace-labels",
        action,
        sample,
        f"a random label (0 or 1) on each of the {count} necklace classes of {k}-ary strings "
        f"of length {n}; inputs uniform",
        domain_size=k**n,
        info=_orbit_info(action, k**n, count),
        labels=labels,
    )


def _longest_cyclic_run(X: npt.NDArray[Any]) -> npt.NDArray[np.int64]:
    n = X.shape[1]
    doubled = np.concatenate([X, X], axis=1).astype(bool)
    run = np.zeros(len(X), dtype=np.int64)
    best = np.zeros(len(X), dtype=np.int64)
    for j in range(2 * n):
        run = np.where(doubled[:, j], run + 1, 0)
        best = np.maximum(best, run)
    return np.minimum(best, n)


def _run_of_ones(n: int, k: int, seed: int) -> Task:
    """Label 1 when the string contains a cyclic run of r ones, r chosen for balance."""
    del seed
    probe = np.random.default_rng(12345).integers(0, 2, size=(20000, n))
    runs = _longest_cyclic_run(probe)
    r = min(range(1, n + 1), key=lambda r: abs(float(np.mean(runs >= r)) - 0.5))
    action = shift_action(n, 2)

    def sample(m: int, rng: np.random.Generator) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        X = rng.integers(0, 2, size=(m, n), dtype=np.uint8)
        return X, (_longest_cyclic_run(X) >= r).astype(np.int64)

    return Task(
        "run-of-ones",
        action,
        sample,
        f"1 when a bit string of length {n} has a cyclic run of at least {r} ones",
        domain_size=2**n,
        info={"r": r},
    )


def _templates(n: int, k: int, seed: int) -> Task:
    """Noisy real periodic signals from class templates at random cyclic shifts."""
    rng0 = np.random.default_rng(seed)
    classes = 3
    templates = rng0.standard_normal((classes, n))
    templates[2] = templates[1][::-1]  # a mirror image: same power spectrum as class 1
    noise = 0.3
    action = shift_action(n)

    def sample(m: int, rng: np.random.Generator) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        y = rng.integers(0, classes, size=m)
        shifts = rng.integers(0, n, size=m)
        idx = (np.arange(n)[None, :] - shifts[:, None]) % n
        X = templates[y[:, None], idx] + noise * rng.standard_normal((m, n))
        return X, y

    return Task(
        "templates",
        action,
        sample,
        f"{classes} random templates of length {n} (one the mirror image of another) at "
        f"random cyclic shifts, Gaussian noise {noise}",
        classes=classes,
    )


def _pattern_position(n: int, k: int, seed: int) -> Task:
    """Where is the pattern? A covariant task: shifting x shifts the answer."""
    del k
    rng0 = np.random.default_rng(seed)
    width = max(2, n // 4)
    pattern = 1.0 + rng0.random(width)
    noise = 0.6
    action = shift_action(n)

    def sample(m: int, rng: np.random.Generator) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        y = rng.integers(0, n, size=m)
        X = noise * rng.standard_normal((m, n))
        for j in range(width):
            X[np.arange(m), (y + j) % n] += pattern[j]
        return X, y

    return Task(
        "pattern-position",
        action,
        sample,
        f"the position of a pattern of width {width} in a noisy periodic signal of length "
        f"{n} (covariant: shifting the signal shifts the answer)",
        classes=n,
        covariant=True,
    )


# ------------------------------------------------------- tasks beyond the cyclic shift
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def _splitmix(z: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """The finalizer of SplitMix64 (Steele, Lea & Flood 2014), a bijection of 64-bit words."""
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    out: npt.NDArray[np.uint64] = z ^ (z >> np.uint64(31))
    return out


def orbit_code_labels(codes: npt.ArrayLike, seed: int) -> npt.NDArray[np.int64]:
    """The random label (0 or 1) of each orbit, from the code of its canonical form.

    .. math:: y(c) = \\operatorname{top bit of} \\operatorname{mix}(c + \\operatorname{mix}(
              s \\varphi)\\,\\varphi), \\qquad \\varphi = \\lfloor 2^{64} / \\phi \\rfloor,

    with mix the SplitMix64 finalizer: a seeded hash, so the labels of the orbits are
    independent fair bits for a fixed seed, and nothing is listed.
    """
    c = np.asarray(codes, dtype=np.uint64)
    key = _splitmix(np.array([seed], dtype=np.uint64) * _GOLDEN)[0]
    labels: npt.NDArray[np.int64] = (_splitmix((c + key) * _GOLDEN) >> np.uint64(63)).astype(
        np.int64
    )
    return labels


def _codes(flat: npt.NDArray[Any], k: int) -> npt.NDArray[np.uint64]:
    """The number :math:`\\sum_j x_j k^{L-1-j}` of each row (k**L < 2**62)."""
    code = np.zeros(len(flat), dtype=np.uint64)
    base = np.uint64(k)
    for j in range(flat.shape[1]):
        code = code * base + flat[:, j].astype(np.uint64)
    return code


def _canonical_codes(action: SignalAction, X: npt.NDArray[Any], k: int) -> npt.NDArray[np.uint64]:
    """The code of the lexicographically least image of each signal (its orbit's name)."""
    canonical = canonical_form(action, X).canonical
    lead = canonical.shape[: canonical.ndim - len(action.shape)]
    return _codes(canonical.reshape(-1, action.num_sites), k).reshape(lead)


def _orbit_info(action: SignalAction, domain: int, count: int) -> dict[str, Any]:
    return {
        "classes_of_inputs": count,
        "group_order": action.group.order,
        "mean_orbit_size": domain / count,
    }


def _bracelet_labels(n: int, k: int, seed: int) -> Task:
    """Random labels on the bracelets: classes of strings under rotations and reflections."""
    count = count_bracelets(n, k)
    action = dihedral_action(n, k)
    dtype = _symbol_dtype(k)

    def labels(X: npt.NDArray[Any]) -> npt.NDArray[np.int64]:
        return orbit_code_labels(_canonical_codes(action, np.asarray(X), k), seed)

    def sample(m: int, rng: np.random.Generator) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        X = rng.integers(0, k, size=(m, n), dtype=dtype)
        return X, labels(X)

    return Task(
        "bracelet-labels",
        action,
        sample,
        f"a random label (0 or 1) on each of the {count} bracelet classes of {k}-ary strings "
        f"of length {n} (rotations and reflections, D_{n}); inputs uniform",
        domain_size=k**n,
        info=_orbit_info(action, k**n, count),
        labels=labels,
    )


@lru_cache(maxsize=8)
def _graph_classes(n: int) -> npt.NDArray[np.uint64]:
    """The code of the canonical form of every labelled graph on n vertices, by its code."""
    edges = n * (n - 1) // 2
    codes = np.arange(2**edges, dtype=np.int64)
    shifts = np.arange(edges - 1, -1, -1, dtype=np.int64)
    X = ((codes[:, None] >> shifts[None, :]) & 1).astype(np.uint8)
    table = _canonical_codes(edge_action(n, 2), X, 2)
    table.setflags(write=False)
    return table


def _graph_labels(n: int, k: int, seed: int) -> Task:
    """Random labels on the isomorphism classes of graphs on n vertices (G(n, 1/2) inputs)."""
    del k
    action = edge_action(n, 2)
    edges = n * (n - 1) // 2
    count = count_orbits(action)
    shifts = np.arange(edges - 1, -1, -1, dtype=np.int64)

    def labels(X: npt.NDArray[Any]) -> npt.NDArray[np.int64]:
        rows = action._check_signal(X, "labels", "X")
        codes = _codes(rows.reshape(-1, edges), 2).astype(np.int64)
        return orbit_code_labels(_graph_classes(n)[codes], seed).reshape(rows.shape[:-1])

    def sample(m: int, rng: np.random.Generator) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        codes = rng.integers(0, 2**edges, size=m, dtype=np.int64)
        X = ((codes[:, None] >> shifts[None, :]) & 1).astype(np.uint8)
        return X, orbit_code_labels(_graph_classes(n)[codes], seed)

    return Task(
        "graph-labels",
        action,
        sample,
        f"a random label (0 or 1) on each of the {count} isomorphism classes of graphs on {n} "
        f"vertices (S_{n} relabelling the vertices); inputs uniform (each of the {edges} "
        "edges present with probability 1/2), as edge vectors A[numpy.triu_indices(n, 1)]",
        domain_size=2**edges,
        info=_orbit_info(action, 2**edges, count),
        labels=labels,
    )


def _image_labels(h: int, k: int, seed: int) -> Task:
    """Random labels on the p4m classes of periodic h x h images with k colours."""
    action = p4m_action(h, k)
    count = count_orbits(action)
    dtype = _symbol_dtype(k)

    def labels(X: npt.NDArray[Any]) -> npt.NDArray[np.int64]:
        return orbit_code_labels(_canonical_codes(action, np.asarray(X), k), seed)

    def sample(m: int, rng: np.random.Generator) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        X = rng.integers(0, k, size=(m, h, h), dtype=dtype)
        return X, labels(X)

    return Task(
        "image-labels",
        action,
        sample,
        f"a random label (0 or 1) on each of the {count} classes of periodic {h}x{h} images "
        f"with {k} colours under p4m (translations, quarter turns and mirrors, order "
        f"{action.group.order}); pixels uniform",
        domain_size=k ** (h * h),
        info=_orbit_info(action, k ** (h * h), count),
        labels=labels,
    )


TASKS: dict[str, Callable[[int, int, int], Task]] = {
    "necklace-labels": _necklace_labels,
    "run-of-ones": _run_of_ones,
    "templates": _templates,
    "pattern-position": _pattern_position,
    "bracelet-labels": _bracelet_labels,
    "graph-labels": _graph_labels,
    "image-labels": _image_labels,
}
"""The built-in tasks by name; each is exactly invariant (or, for ``pattern-position``,
covariant) under its action: the cyclic shift for the first four, the dihedral group
:math:`D_n` for ``bracelet-labels``, :math:`S_n` on edge vectors for ``graph-labels``,
p4m on periodic square images for ``image-labels``."""


#: the tasks on bits (k = 2), and what they are; the tasks on real signals (no alphabet)
_BINARY = {"run-of-ones": "bit strings", "graph-labels": "simple graphs (a bit per edge)"}
_REAL = ("templates", "pattern-position")
#: the tasks that take an alphabet of k symbols (labels on the classes of k-ary inputs)
_ALPHABET = ("necklace-labels", "bracelet-labels", "image-labels")
#: what n is, and its range, per task (the cyclic tasks: 2 .. 64)
_RANGE: dict[str, tuple[str, int, int]] = {
    "graph-labels": ("the number of vertices", 3, 6),
    "image-labels": ("the side of the images", 2, 7),
}
TASK_GROUPS: dict[str, str] = {
    "necklace-labels": "Z",
    "run-of-ones": "Z",
    "templates": "Z",
    "pattern-position": "Z",
    "bracelet-labels": "D",
    "graph-labels": "S",
    "image-labels": "p4m",
}
"""The family of each task's group: Z (Z_n shifting strings of length n), D (D_n on
strings of length n), S (S_n on graphs with n vertices), p4m (on h x h images)."""


def make_task(name: str, n: int, k: int = 2, seed: int = 0) -> Task:
    """A built-in task: strings, signals, graphs or images, and the action of its symmetry.

    The labels of ``necklace-labels``, ``bracelet-labels``, ``graph-labels`` and
    ``image-labels`` are a seeded random function of the orbit, so each task is exactly
    invariant under its action :math:`G`:

    .. math:: y(g \\cdot x) = y(x) \\quad \\text{for all } g \\in G,

    with :math:`G = \\mathbb{Z}_n` (:func:`~grouprep.shift_action`), :math:`D_n`
    (:func:`~grouprep.dihedral_action`: rotations and reflections of the string),
    :math:`S_n` (:func:`~grouprep.edge_action`: relabelling the vertices of a graph given
    by its edge vector ``A[numpy.triu_indices(n, 1)]``) and p4m
    (:func:`~grouprep.p4m_action`: periodic translations, quarter turns and mirrors of
    an ``n x n`` image), and inputs uniform. ``task.action`` is that action; ``task.info``
    holds the number of classes, :math:`|G|` and the mean orbit size
    :math:`|X| / |X/G|`.

    Parameters
    ----------
    name : str
        One of :data:`TASKS`.
    n : int
        The length of the strings or signals, 2 .. 64; for ``"graph-labels"`` the number
        of vertices, 3 .. 6; for ``"image-labels"`` the side of the images, 2 .. 7.
    k : int
        The alphabet size, >= 2, for ``"necklace-labels"``, ``"bracelet-labels"`` and
        ``"image-labels"`` (with :math:`k^n < 2^{62}`, :math:`k^{n^2}` for images, so that
        a class's code is a 64-bit integer); the other tasks take k = 2 only
        (``"run-of-ones"`` and ``"graph-labels"`` are on bits, the others on real signals).
    seed : int
        >= 0: the labels of the classes, the templates or the pattern.

    Returns
    -------
    Task

    Raises
    ------
    GroupRepTypeError
        If an argument has the wrong type.
    GroupRepValueError
        If the task is unknown (the message lists the known ones) or a number is out of
        range; :class:`~grouprep.errors.SizeLimitError` if :math:`k^n \\ge 2^{62}`.

    Examples
    --------
    >>> import numpy as np
    >>> from grouprep.strategies import make_task
    >>> task = make_task("necklace-labels", 8)
    >>> X, y = task.sample(5, np.random.default_rng(0))
    >>> X.shape, task.domain_size, task.info["classes_of_inputs"]
    ((5, 8), 256, 36)

    The 156 graphs on 6 vertices (OEIS A000088), and a relabelled graph keeps its label:

    >>> import grouprep
    >>> task = make_task("graph-labels", 6)
    >>> task.action, task.info["classes_of_inputs"], task.info["group_order"]
    (edge_action(6, alphabet=2), 156, 720)
    >>> X, y = task.sample(100, np.random.default_rng(0))
    >>> moved = task.action.act((1, 2, 0, 4, 5, 3), X)
    >>> bool(np.array_equal(task.labels(moved), y))
    True
    """
    where = "make_task"
    if not isinstance(name, str):
        raise GroupRepTypeError(
            f"{where}: argument 'name' must be the name of a built-in task, got "
            f"{describe(name)} of type {type(name).__name__}"
        )
    if name not in TASKS:
        raise GroupRepValueError(
            f"{where}: unknown task {name!r}; built-in tasks are {sorted(TASKS)}"
        )
    n = check_int(n, "n", where, minimum=2)
    what, low, high = _RANGE.get(name, ("", 2, 64))
    detail = f" ({what} for {name!r})" if what else ""
    if not low <= n <= high:
        raise GroupRepValueError(
            f"{where}: argument 'n' must be an int in {low}..{high}{detail}, got {n}"
        )
    k = check_int(k, "k", where, minimum=2)
    seed = check_int(seed, "seed", where, minimum=0)
    if name not in _ALPHABET and k != 2:
        kind = _BINARY.get(name, "real signals")
        raise GroupRepValueError(
            f"{where}: argument 'k' applies to {', '.join(map(repr, _ALPHABET))} only; "
            f"{name!r} is on {kind}, so k must be 2, got {k}"
        )
    sites = n * n if name == "image-labels" else n
    if name in _ALPHABET and k**sites >= 2**62:
        power = f"k**(n*n) = {k}**{sites}" if name == "image-labels" else f"k**n = {k}**{n}"
        raise SizeLimitError(
            f"{where}: {name!r} takes k**{'(n*n)' if name == 'image-labels' else 'n'} < 2**62 "
            f"(class codes are 64-bit), got {power}, about 2**{sites * math.log2(k):.1f}"
        )
    return TASKS[name](n, k, seed)
