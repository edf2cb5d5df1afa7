"""The groups of ``grouprep experiment`` and the built-in task each one acts on (private).

``--group`` names the symmetry and its size, ``--task`` the labels: Zn shifts strings of
length n (``necklace-labels`` and the other cyclic tasks), Dn rotates and reflects them
(``bracelet-labels``), Sn relabels the vertices of graphs on n vertices
(``graph-labels``), and ``p4m`` moves periodic ``--side`` x ``--side`` images
(``image-labels``). A task without ``--task`` is the group's first; a task of another
group is refused with the group it needs.
"""

from __future__ import annotations

import re

from grouprep._validation import describe
from grouprep.errors import GroupRepValueError
from grouprep.groups import CyclicGroup, DihedralGroup, parse_group
from grouprep.strategies._tasks import TASK_GROUPS

__all__ = ["DEFAULT_SIDE", "FAMILIES", "experiment_task"]

#: the side of the images of --group p4m when --side is not given
DEFAULT_SIDE = 4

#: what each family of groups acts on, and the range of its size
FAMILIES: dict[str, tuple[str, int, int]] = {
    "Z": ("Zn: cyclic shifts of strings of length n", 2, 64),
    "D": ("Dn: rotations and reflections of strings of length n", 2, 64),
    "S": ("Sn: relabelling the vertices of graphs on n vertices", 3, 6),
    "p4m": ("p4m: translations, quarter turns and mirrors of periodic images", 2, 7),
}

_GROUPS = "Zn or Dn (strings of length n), Sn (graphs on n vertices) or p4m (images, --side H)"


def _short(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:37]}..."


def _family(where: str, spec: str) -> tuple[str, int]:
    """The family of ``--group`` and its n (0 for p4m, whose size is ``--side``)."""
    if spec.strip().lower() == "p4m":
        return "p4m", 0
    G = parse_group(spec)
    if isinstance(G, CyclicGroup):
        return "Z", G.order
    if isinstance(G, DihedralGroup):
        return "D", G.n
    symmetric = re.fullmatch(r"\s*S(\d+)\s*", spec)
    if symmetric is not None:
        return "S", int(symmetric.group(1))
    raise GroupRepValueError(
        f"{where}: argument '--group' must be {_GROUPS}, got {_short(spec)} = {describe(G)}"
    )


def experiment_task(where: str, group: str, task: str | None, side: int | None) -> tuple[str, int]:
    """The task name and its n (string length, vertices, or image side) for the options.

    Raises
    ------
    GroupRepValueError
        If ``--group`` is not one of the families, its size is out of range, ``--task``
        belongs to another family, or ``--side`` is given with a group other than p4m.
    """
    family, n = _family(where, group)
    text, low, high = FAMILIES[family]
    if family == "p4m":
        n = DEFAULT_SIDE if side is None else side
        if not low <= n <= high:
            raise GroupRepValueError(
                f"{where}: argument '--side' must be between {low} and {high} (p4m on "
                f"side x side images), got {n}"
            )
    else:
        if side is not None:
            raise GroupRepValueError(
                f"{where}: argument '--side' applies to --group p4m only (the side of the "
                f"images), got --group {_short(group)}"
            )
        if not low <= n <= high:
            symbol = "Zn" if family == "Z" else f"{family}n"
            raise GroupRepValueError(
                f"{where}: argument '--group' must be {symbol} with {low} <= n <= {high} "
                f"({text}), got {_short(group)}"
            )
    tasks = [name for name, fam in TASK_GROUPS.items() if fam == family]
    if task is None:
        return tasks[0], n
    if TASK_GROUPS.get(task) != family:
        need = TASK_GROUPS[task]
        example = "p4m" if need == "p4m" else f"{need}{n}"
        raise GroupRepValueError(
            f"{where}: the task {task!r} is invariant under {FAMILIES[need][0]}, not under "
            f"--group {_short(group)}; use --group {example}, or with this group one of "
            f"{tasks}"
        )
    return task, n
