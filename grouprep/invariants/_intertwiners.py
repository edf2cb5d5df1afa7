"""Equivariant linear maps: bases of Hom_G(V, W) (private)."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._components import orbit_labels
from grouprep.errors import GroupRepValueError
from grouprep.invariants._molien import check_rep, permutation_of
from grouprep.invariants._poly import Echelon
from grouprep.numbers import Cyclotomic
from grouprep.reps import Representation

__all__ = ["intertwiner_basis", "intertwiner_matrices", "permutation_labels"]

_ZERO = Cyclotomic(0)
_ONE = Cyclotomic(1)

Matrix = tuple[tuple[Cyclotomic, ...], ...]


def check_same_group(a: Representation, b: Representation, where: str) -> None:
    if a.group != b.group:
        raise GroupRepValueError(
            f"{where}: 'rep_in' and 'rep_out' must be representations of the same group, "
            f"got {a.group!r} and {b.group!r}"
        )


def permutation_labels(
    rep_in: Representation, rep_out: Representation
) -> tuple[npt.NDArray[np.intp], int] | None:
    """For two permutation representations, ``(labels, K)``: the basis matrix
    :math:`B_k` of :func:`intertwiner_basis` is the indicator of ``labels == k`` (shape
    ``(dim_out, dim_in)``), the orbits of G on the entries in order of their least
    point; None for other representations."""
    gens = rep_in.group.generators
    p_in = [permutation_of(rep_in, s) for s in gens]
    p_out = [permutation_of(rep_out, s) for s in gens]
    if any(p is None for p in p_in) or any(q is None for q in p_out):
        return None
    n_in, n_out = rep_in.dim, rep_out.dim
    # the entry (y, x) is the point x * n_out + y; g moves it to (q(y), p(x))
    idx = np.arange(n_in * n_out)
    x, y = np.divmod(idx, n_out)
    perms = [
        np.asarray(p, dtype=np.intp)[x] * n_out + np.asarray(q, dtype=np.intp)[y]
        for p, q in zip(p_in, p_out, strict=True)
    ]
    raw = orbit_labels(perms, n_in * n_out)
    _, compact = np.unique(raw, return_inverse=True)  # least point first
    labels = compact.reshape(n_in, n_out).T.astype(np.intp).copy()
    return labels, int(compact.max()) + 1 if compact.size else 0


def _indicator_matrices(labels: npt.NDArray[np.intp], k: int) -> list[Matrix]:
    out = []
    for label in range(k):
        mask = (labels == label).tolist()
        out.append(tuple(tuple(_ONE if v else _ZERO for v in row) for row in mask))
    return out


def _sympy_indicator(mask: npt.NDArray[np.bool_]) -> Any:
    """A 0/1 matrix as a ``sympy.ImmutableMatrix``, built on sympy's sparse domain matrix
    (the public constructor sympifies every entry, ten times slower)."""
    import sympy

    n, m = mask.shape
    try:
        from sympy.polys.matrices import DomainMatrix
        from sympy.polys.matrices.sdm import SDM

        one = sympy.S.One
        rows: dict[int, dict[int, Any]] = {}
        for r, c in zip(*np.nonzero(mask), strict=True):
            rows.setdefault(int(r), {})[int(c)] = one
        rep = DomainMatrix.from_rep(SDM(rows, (n, m), sympy.EXRAW))
        return sympy.ImmutableDenseMatrix._fromrep(rep)
    except (ImportError, AttributeError, TypeError):  # pragma: no cover - other sympy
        return sympy.ImmutableMatrix(mask.astype(int).tolist())


def _nullspace_basis(rep_in: Representation, rep_out: Representation) -> list[Matrix]:
    n_in, n_out = rep_in.dim, rep_out.dim
    # unknowns A[r][c] keyed (c, r) so that the pivot (largest key) is a late column
    equations = Echelon()
    for s in rep_in.group.generators:
        P, Q = rep_in._exact(s), rep_out._exact(s)
        for r in range(n_out):
            for c in range(n_in):
                # (Q A)[r][c] - (A P)[r][c] = sum_k Q[r][k] A[k][c] - sum_k A[r][k] P[k][c]
                eq: dict[tuple[int, ...], Cyclotomic] = {}
                for k in range(n_out):
                    if Q[r][k]:
                        eq[(c, k)] = eq.get((c, k), _ZERO) + Q[r][k]
                for k in range(n_in):
                    if P[k][c]:
                        eq[(k, r)] = eq.get((k, r), _ZERO) - P[k][c]
                eq = {key: v for key, v in eq.items() if v}
                if eq:
                    equations.add(eq)
    pivots = equations.rows
    basis = []
    for c in range(n_in):
        for r in range(n_out):
            free = (c, r)
            if free in pivots:
                continue
            A = [[_ZERO] * n_in for _ in range(n_out)]
            A[r][c] = _ONE
            for (pc, pr), row in pivots.items():
                v = row.get(free)
                if v:
                    A[pr][pc] = -v
            basis.append(tuple(tuple(row) for row in A))
    return basis


def intertwiner_matrices(rep_in: Representation, rep_out: Representation) -> list[Matrix]:
    """The basis of :func:`intertwiner_basis` as tuples of rows of Cyclotomic numbers."""
    found = permutation_labels(rep_in, rep_out)
    if found is not None:
        return _indicator_matrices(*found)
    return _nullspace_basis(rep_in, rep_out)


def intertwiner_basis(rep_in: Representation, rep_out: Representation) -> list[Any]:
    """A basis of the equivariant linear maps from one representation to another.

    .. math:: \\mathrm{Hom}_G(V, W) = \\{ A : \\rho_W(g)\\, A = A\\, \\rho_V(g)
              \\ \\forall g \\in G \\},
              \\qquad \\dim = \\langle \\chi_V, \\chi_W \\rangle

    For two permutation representations the basis is indexed by the orbits of G on the
    index pairs (row, column): each basis matrix is the 0/1 indicator of one orbit (no
    linear algebra). For the regular representation of :math:`Z_n` those are the n
    circulant matrices, the convolutions; the m-th maps :math:`e_0` to :math:`e_m`.
    Otherwise the law on the generators (which suffices) is solved exactly for the
    entries of A and the basis read off the reduced row echelon form.

    Parameters
    ----------
    rep_in, rep_out : Representation
        Representations of the same group, on V and W.

    Returns
    -------
    list of sympy.ImmutableMatrix
        Exact matrices of shape ``(rep_out.dim, rep_in.dim)``; as many as the inner
        product of the characters.

    Raises
    ------
    GroupRepValueError
        If the representations belong to different groups.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.invariants import intertwiner_basis
    >>> from grouprep.reps import permutation_representation
    >>> S3 = permutation_representation(grouprep.permutation_action(grouprep.symmetric(3)))
    >>> for A in intertwiner_basis(S3, S3):  # the identity and the all-ones off-diagonal
    ...     print(A.tolist())
    [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    [[0, 1, 1], [1, 0, 1], [1, 1, 0]]
    """
    rep_in = check_rep(rep_in, "intertwiner_basis", "rep_in")
    rep_out = check_rep(rep_out, "intertwiner_basis", "rep_out")
    check_same_group(rep_in, rep_out, "intertwiner_basis")
    found = permutation_labels(rep_in, rep_out)
    if found is not None:
        labels, k = found
        return [_sympy_indicator(labels == label) for label in range(k)]
    return [_sympy_matrix(A) for A in intertwiner_matrices(rep_in, rep_out)]


def _sympy_matrix(A: Any) -> Any:
    """An exact matrix as a ``sympy.ImmutableMatrix``: rational ones through sympy's
    DomainMatrix over ZZ or QQ (no sympification entry by entry)."""
    import sympy
    from sympy.polys.matrices import DomainMatrix

    from grouprep.numbers._sympy_bridge import cyclotomic_to_sympy

    shape = (len(A), len(A[0]) if A else 0)
    if all(v._n == 1 for row in A for v in row):
        if all(v._den == 1 for row in A for v in row):
            ints = [[sympy.ZZ(v._nums[0]) for v in row] for row in A]
            return DomainMatrix(ints, shape, sympy.ZZ).to_Matrix().as_immutable()
        fracs = [[sympy.QQ(v._nums[0], v._den) for v in row] for row in A]
        return DomainMatrix(fracs, shape, sympy.QQ).to_Matrix().as_immutable()
    return sympy.ImmutableMatrix([[cyclotomic_to_sympy(v) for v in row] for row in A])
