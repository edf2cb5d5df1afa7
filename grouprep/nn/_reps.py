"""Representations the layers act on, and real bases of their intertwiners (private)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import describe
from grouprep.actions import BaseAction, SignalAction
from grouprep.errors import GroupRepTypeError, GroupRepValueError, SizeLimitError
from grouprep.invariants._intertwiners import intertwiner_matrices, permutation_labels
from grouprep.numbers import Cyclotomic
from grouprep.reps import ExactMatrix, Representation, permutation_representation

__all__ = [
    "MAX_BASIS_ENTRIES",
    "IntertwinerBasis",
    "as_representation",
    "real_basis",
    "site_representation",
]

MAX_BASIS_ENTRIES = 2**25
"""The largest dense basis a layer builds: K * dim_out * dim_in entries (256 MiB in float64);
also the largest weight matrix (dim_out * dim_in entries) of a basis held as orbit labels."""


def check_basis_size(k: int, n_out: int, n_in: int, where: str) -> None:
    if k * n_out * n_in > MAX_BASIS_ENTRIES:
        raise SizeLimitError(
            f"{where}: the basis of the equivariant maps has {k} matrices of shape "
            f"({n_out}, {n_in}), {k * n_out * n_in} entries, above the limit of "
            f"{MAX_BASIS_ENTRIES}; use smaller representations (a group convolution for a "
            "large regular representation)"
        )


_ZERO = Cyclotomic(0)
_ONE = Cyclotomic(1)


def _site_matrix(action: SignalAction, g: Any) -> ExactMatrix:
    # (g.x)[i] = x[g^-1 . i]: the site j moves to g . j, so P e_j = e_{g . j}
    gather = action.gather_index(g)
    d = len(gather)
    rows = [[_ZERO] * d for _ in range(d)]
    for i, j in enumerate(gather.tolist()):  # x[j] lands on site i
        rows[i][j] = _ONE
    return tuple(tuple(r) for r in rows)


def site_representation(action: SignalAction) -> Representation:
    """The permutation representation of a signal action on its sites.

    .. math:: \\rho(g)\\, e_i = e_{g \\cdot i}, \\qquad
              (\\rho(g)\\, x)[i] = x[g^{-1} \\cdot i],

    so that ``rho.numeric(g) @ x.ravel()`` equals ``action.act(g, x).ravel()``: the
    representation on :math:`\\mathbb{R}^{\\text{sites}}` in which the layers of
    :mod:`grouprep.nn` see a signal of ``action.shape`` (flattened in C order).

    Parameters
    ----------
    action : SignalAction
        An action moving the sites of signals (:func:`~grouprep.shift_action`,
        :func:`~grouprep.graph_action`, :func:`~grouprep.set_action`, ...).

    Returns
    -------
    Representation
        Of dimension ``action.num_sites``, with permutation matrices.

    Raises
    ------
    GroupRepTypeError
        If ``action`` is not a :class:`~grouprep.SignalAction`.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.nn import site_representation
    >>> a = grouprep.shift_action(4)
    >>> rho = site_representation(a)
    >>> x = np.array([1.0, 2.0, 3.0, 4.0])
    >>> (rho.numeric(1) @ x).tolist(), a.act(1, x).tolist()
    ([4.0, 1.0, 2.0, 3.0], [4.0, 1.0, 2.0, 3.0])
    """
    if not isinstance(action, SignalAction):
        raise GroupRepTypeError(
            f"site_representation: argument 'action' must be a SignalAction, got "
            f"{describe(action)}"
        )
    closed = functools.partial(_site_matrix, action)
    return Representation.from_closed_form(
        action.group, closed, action.num_sites, f"sites({action!r})"
    )


def as_representation(value: Any, name: str, where: str) -> Representation:
    """A real Representation as given, the sites of a SignalAction, or the points of a
    finite action (its permutation representation)."""
    if isinstance(value, Representation):
        for s in value.group.generators:
            if not all(v.is_real() for row in value._exact(s) for v in row):
                raise GroupRepValueError(
                    f"{where}: argument {name!r} must be a real representation (torch layers "
                    f"act on real tensors), got {value!r}, not real at the generator {s!r}; "
                    "use grouprep.reps.real_irreps or permutation and regular representations"
                )
        return value
    if isinstance(value, SignalAction):
        return site_representation(value)
    if isinstance(value, BaseAction) and value.is_finite:
        return permutation_representation(value)
    raise GroupRepTypeError(
        f"{where}: argument {name!r} must be a Representation, a SignalAction (acting on "
        f"the sites of signals) or a finite action (acting on its points), got "
        f"{describe(value)}"
    )


def check_same_group(a: Representation, b: Representation, names: str, where: str) -> None:
    if a.group != b.group:
        raise GroupRepValueError(
            f"{where}: {names} must be representations of the same group, got "
            f"{a.group!r} and {b.group!r}"
        )


def trivial_representation(rep: Representation) -> Representation:
    gens = rep.group.generators
    return Representation(rep.group, [[[1]]] * len(gens), "trivial", dim=1, check=False)


def _to_real(mats: list[Any], shape: tuple[int, int], where: str) -> npt.NDArray[np.float64]:
    arr = np.array(
        [[[complex(v) for v in row] for row in m] for m in mats], dtype=np.complex128
    ).reshape((len(mats), *shape))
    if not all(v.is_real() for m in mats for row in m for v in row):
        raise GroupRepValueError(
            f"{where}: the equivariant maps between these representations have non-real "
            "entries; the layers need real representations (use real_irreps or "
            "permutation, regular and site representations)"
        )
    return arr.real.copy()


@dataclass(frozen=True)
class IntertwinerBasis:
    """A real basis of Hom_G(V, W): ``size`` matrices of shape ``(dim_out, dim_in)``.

    Held either as ``labels`` (for two permutation representations: the basis is the
    orbit indicators, entry (y, x) of matrix k is 1 exactly when ``labels[y, x] == k``,
    so a weighted sum of the basis is the gather ``w[labels]``) or as ``values``,
    dense ``(size, dim_out, dim_in)``."""

    size: int
    shape: tuple[int, int]
    labels: npt.NDArray[np.intp] | None = None
    values: npt.NDArray[np.float64] | None = None

    def dense(self, where: str) -> npt.NDArray[np.float64]:
        """The matrices as one array ``(size, dim_out, dim_in)``."""
        if self.values is not None:
            return self.values
        assert self.labels is not None
        n_out, n_in = self.shape
        check_basis_size(self.size, n_out, n_in, where)
        out = np.zeros((self.size, n_out, n_in))
        rows, cols = np.indices((n_out, n_in))
        out[self.labels, rows, cols] = 1.0
        return out


def real_basis(rep_in: Representation, rep_out: Representation, where: str) -> IntertwinerBasis:
    """The basis of :func:`grouprep.intertwiner_basis` as floats (same order)."""
    n_in, n_out = rep_in.dim, rep_out.dim
    if n_in * n_out > MAX_BASIS_ENTRIES:
        raise SizeLimitError(
            f"{where}: the equivariant maps are matrices of shape ({n_out}, {n_in}), "
            f"{n_in * n_out} entries, above the limit of {MAX_BASIS_ENTRIES}"
        )
    found = permutation_labels(rep_in, rep_out)
    if found is not None:  # orbit indicators, exactly the basis of intertwiner_basis
        labels, k = found
        return IntertwinerBasis(k, (n_out, n_in), labels=labels)
    mats = intertwiner_matrices(rep_in, rep_out)
    check_basis_size(len(mats), n_out, n_in, where)
    return IntertwinerBasis(len(mats), (n_out, n_in), values=_to_real(mats, (n_out, n_in), where))
