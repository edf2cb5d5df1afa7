"""A unitary (or real orthogonal) numeric form of a representation: Weyl's trick (private)."""

from __future__ import annotations

from typing import Any, Literal, overload

import numpy as np
import numpy.typing as npt

from grouprep.errors import GroupRepValueError, SizeLimitError
from grouprep.reps._constructions import _check_rep
from grouprep.reps._representation import Representation

__all__ = ["unitary_matrices"]

MAX_UNITARY_ENTRIES = 5 * 10**7
"""The most float entries (:math:`|G| d^2`) :func:`unitary_matrices` returns."""


@overload
def unitary_matrices(
    rep: Representation, *, return_basis: Literal[False] = ...
) -> npt.NDArray[Any]: ...


@overload
def unitary_matrices(
    rep: Representation, *, return_basis: Literal[True]
) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]: ...


def unitary_matrices(
    rep: Representation, *, return_basis: bool = False
) -> npt.NDArray[Any] | tuple[npt.NDArray[Any], npt.NDArray[Any]]:
    """The matrices of a representation in an orthonormal basis: unitary, or real
    orthogonal when the representation is real, as float64 / complex128 arrays.

    Weyl's unitary trick. The averaged Hermitian form

    .. math:: P = \\frac{1}{|G|} \\sum_{g \\in G} \\rho(g)^{H} \\rho(g)

    is positive definite and invariant, :math:`\\rho(h)^H P \\rho(h) = P`. With its
    Cholesky factor :math:`P = L L^{H}` and :math:`T = L^{-H}`,

    .. math:: U(g) = T^{-1} \\rho(g)\\, T = L^{H} \\rho(g) L^{-H}, \\qquad
              U(g)^{H} U(g) = L^{-1} \\rho(g)^H P \\rho(g) L^{-H} = I,

    and :math:`U(gh) = U(g) U(h)`: an equivalent representation by unitary matrices
    (real orthogonal ones when every :math:`\\rho(g)` is real, since P and L are then
    real). Representations that are unitary already (the cyclic and dihedral irreps)
    come back unchanged up to rounding. :math:`\\rho(g)` is taken from the exact
    matrices, so the only rounding is that of P, its Cholesky factor and the products.

    Parameters
    ----------
    rep : Representation
        Any representation with exact matrices, for example one of :func:`irreps` (for
        :math:`S_n`, Young's seminormal form, which is not orthogonal).
    return_basis : bool, optional
        Also return the change of basis T, with :math:`U(g) = T^{-1}\\rho(g) T`.

    Returns
    -------
    numpy.ndarray
        Shape ``(order, d, d)``: ``U[i]`` is the matrix of ``group.element(i)``;
        float64 when the representation is real, complex128 otherwise.
    numpy.ndarray, optional
        T, shape ``(d, d)``, when ``return_basis`` is true.

    Raises
    ------
    GroupRepTypeError
        If ``rep`` is not a Representation.
    SizeLimitError
        If the result would hold more than 5 * 10^7 numbers (:math:`|G| d^2`), before any
        matrix is built.
    GroupRepValueError
        If the averaged form is not positive definite in floating point (the matrices do
        not form a representation, or are too ill-conditioned for float64).

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.reps import irreps, unitary_matrices
    >>> S3 = grouprep.symmetric(3)
    >>> rho = irreps(S3)[2]  # the 2-dimensional irrep, Young's seminormal form
    >>> rho.numeric((1, 0, 2)).tolist()
    [[1.0, 0.0], [0.0, -1.0]]
    >>> rho.numeric((0, 2, 1)).tolist()  # not orthogonal
    [[-0.5, 0.75], [1.0, 0.5]]
    >>> U = unitary_matrices(rho)
    >>> U.dtype, U.shape
    (dtype('float64'), (6, 2, 2))
    >>> bool(np.allclose(U @ U.transpose(0, 2, 1), np.eye(2)))
    True
    """
    rep = _check_rep(rep, "rep", "unitary_matrices")
    G, d = rep.group, rep.dim
    if G.order * d * d > MAX_UNITARY_ENTRIES:
        raise SizeLimitError(
            f"unitary_matrices: argument 'rep' {rep!r} would give {G.order} matrices of "
            f"dimension {d} ({G.order * d * d} numbers), beyond the limit {MAX_UNITARY_ENTRIES}"
        )
    elements = G.elements()
    exact = [rep._exact(g) for g in elements]
    real = all(v.is_real() for m in exact for row in m for v in row)
    dtype = np.float64 if real else np.complex128
    values = np.array(
        [[[complex(v) for v in row] for row in m] for m in exact], dtype=np.complex128
    ).reshape(G.order, d, d)
    rho: npt.NDArray[Any] = values.real.copy() if real else values
    if d == 0:
        empty = np.zeros((G.order, 0, 0), dtype=dtype)
        return (empty, np.zeros((0, 0), dtype=dtype)) if return_basis else empty
    P: npt.NDArray[Any] = np.einsum("gki,gkj->ij", rho.conj(), rho) / G.order
    P = (P + P.conj().T) / 2  # Hermitian up to rounding; make it exactly so
    try:
        L = np.linalg.cholesky(P)
    except np.linalg.LinAlgError:
        raise GroupRepValueError(
            f"unitary_matrices: the averaged form sum rho(g)^H rho(g) / |G| of {rep!r} is not "
            "positive definite in float64"
        ) from None
    T = np.linalg.inv(L.conj().T)  # T = L^-H
    U: npt.NDArray[Any] = np.einsum("ij,gjk,kl->gil", L.conj().T, rho, T).astype(dtype, copy=False)
    U.setflags(write=False)
    if return_basis:
        T = T.astype(dtype, copy=False)
        T.setflags(write=False)
        return U, T
    return U
