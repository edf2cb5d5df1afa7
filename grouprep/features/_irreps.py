"""Numeric unitary irreps, the lift of a signal to the group, Clebsch-Gordan isometries
and selective bispectrum pairs (private).

Conventions: the group Fourier transform of f on G is
:math:`\\hat f(\\rho) = \\sum_g f(g)\\, \\rho(g)^{-1}` (:func:`grouprep.reps.fourier_transform`;
for ``cyclic(n)`` it is ``numpy.fft.fft``). A signal on the sites of a transitive action
is lifted to the group by :math:`f^\\uparrow(g) = f(g \\cdot x_0)`, :math:`x_0` the least
site of the orbit; moving f by h moves the lift by the left regular action, and
:math:`\\hat f(\\rho) \\mapsto \\hat f(\\rho)\\, \\rho(h)^{-1}`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep.actions import SignalAction
from grouprep.errors import GroupRepValueError
from grouprep.features._structure import site_moves

__all__ = [
    "NumericIrreps",
    "clebsch_gordan",
    "lift_matrix",
    "numeric_irreps",
    "selective_pairs",
]


@dataclass(frozen=True)
class NumericIrreps:
    """Unitary matrices of every irrep on every element (in ``group.index`` order)."""

    mats: tuple[npt.NDArray[Any], ...]  # (|G|, d, d) each
    real: bool  # every matrix is real (orthogonal)
    characters: npt.NDArray[np.complex128]  # (n_irreps, |G|)
    inverse: npt.NDArray[np.intp]  # index of g^-1

    @property
    def dims(self) -> list[int]:
        return [m.shape[1] for m in self.mats]

    def multiplicity(self, i: int, j: int, k: int) -> int:
        """How often irrep k occurs in irrep i (x) irrep j (by characters)."""
        chi = self.characters
        value = np.mean(chi[i] * chi[j] * np.conj(chi[k]))
        return round(float(value.real))

    def conjugate_of(self, i: int) -> int:
        """The irrep whose character is the complex conjugate of irrep i's."""
        chi = self.characters
        target = np.conj(chi[i])
        return int(np.argmin(np.abs(chi - target[None]).sum(axis=1)))


def numeric_irreps(group: Any, where: str, owner: str) -> NumericIrreps:
    """The irreps of a group as unitary NumPy matrices on all elements.

    The irreps of :func:`grouprep.reps.irreps` (real orthogonal ones from
    :func:`grouprep.reps.real_irreps` where these are as many, i.e. all irreps are of real
    type) are made unitary by Weyl's trick: with :math:`H = \\frac{1}{|G|} \\sum_g
    \\rho(g)^H \\rho(g) = L L^H` (Cholesky), :math:`L^H \\rho(g) L^{-H}` is unitary (Young's
    seminormal irreps of :math:`S_n` are real but not orthogonal).

    Raises
    ------
    GroupRepValueError
        If grouprep has no explicit irreps of the group; the message names the group, the
        featurizer and what is available.
    """
    from grouprep.reps import irreps, real_irreps

    try:
        reps = irreps(group)
    except GroupRepValueError as exc:
        raise GroupRepValueError(
            f"{where}: {owner} needs the irreducible representations of {group!r}, which are "
            f"not available ({exc}); for this group use InvariantPolynomials, or "
            "GroupConvolution followed by InvariantPooling"
        ) from exc
    try:
        real = real_irreps(group)
        if len(real) == len(reps):
            reps = real
    except GroupRepValueError:
        pass
    elements = group.elements()
    mats = []
    for rho in reps:
        m = np.array([np.asarray(rho.numeric(g), dtype=np.complex128) for g in elements])
        H = np.einsum("gji,gjk->ik", np.conj(m), m) / len(elements)
        L = np.linalg.cholesky(H)
        m = np.einsum("ji,gjk,kl->gil", np.conj(L), m, np.linalg.inv(np.conj(L).T))
        mats.append(m)
    real_type = all(np.abs(m.imag).max() < 1e-10 for m in mats)
    if real_type:
        mats = [np.ascontiguousarray(m.real) for m in mats]
    characters = np.array([np.trace(m, axis1=1, axis2=2) for m in mats], dtype=np.complex128)
    inverse = np.array([group.index(group.inverse(g)) for g in elements], dtype=np.intp)
    return NumericIrreps(tuple(mats), real_type, characters, inverse)


def lift_matrix(
    action: SignalAction, irr: NumericIrreps, orbit_sites: npt.NDArray[np.intp]
) -> npt.NDArray[Any]:
    """The matrix taking a signal on one orbit to the Fourier coefficients of its lift.

    .. math:: \\hat{f^\\uparrow}(\\rho) = \\sum_g f(g x_0)\\, \\rho(g)^{-1}
              = \\sum_x f(x) \\sum_{g:\\, g x_0 = x} \\rho(g)^{H}

    Returns an ``(num_sites, sum_rho d_rho^2)`` matrix M (rows of other orbits zero):
    ``X_flat @ M`` holds every :math:`\\hat f(\\rho)` flattened row-major, irrep after
    irrep.
    """
    moves = site_moves(action)  # (|G|, n): g . x
    x0 = int(orbit_sites.min())
    target = moves[:, x0]
    n = action.num_sites
    blocks = []
    for m in irr.mats:
        d = m.shape[1]
        adj = np.conj(np.transpose(m, (0, 2, 1))).reshape(len(m), d * d)  # rho(g)^H
        M = np.zeros((n, d * d), dtype=adj.dtype)
        np.add.at(M, target, adj)
        blocks.append(M)
    return np.concatenate(blocks, axis=1)


def clebsch_gordan(irr: NumericIrreps, i: int, j: int, k: int) -> list[npt.NDArray[Any]]:
    """Orthonormal isometries :math:`C: V_k \\to V_i \\otimes V_j` intertwining the irreps.

    .. math:: (\\rho_i \\otimes \\rho_j)(g)\\, C = C\\, \\rho_k(g), \\qquad C^H C = I

    One per copy of :math:`\\rho_k` in :math:`\\rho_i \\otimes \\rho_j`, computed
    numerically: the nullspace (SVD) of the intertwining equations on all elements, then
    orthonormalized for the inner product :math:`\\operatorname{tr}(C_a^H C_b) / d_k`
    (Schur: :math:`C_a^H C_b` is a scalar). The phase is fixed by making the largest entry
    of each C real and positive.
    """
    A, B, R = irr.mats[i], irr.mats[j], irr.mats[k]
    di, dj, dk = A.shape[1], B.shape[1], R.shape[1]
    T = np.einsum("gab,gcd->gacbd", A, B).reshape(len(A), di * dj, di * dj)
    # T(g) C - C R(g) = 0, with vec(C) row-major: (T (x) I - I (x) R^T) vec(C)
    eye_k, eye_t = np.eye(dk), np.eye(di * dj)
    eqs = np.concatenate(
        [np.kron(T[g], eye_k) - np.kron(eye_t, R[g].T) for g in range(len(A))], axis=0
    )
    _, s, vh = np.linalg.svd(eqs, full_matrices=False)  # rows >= columns: vh is square
    tol = 1e-8 * max(1.0, float(s[0]) if len(s) else 1.0)
    rank = int((s > tol).sum())
    null = np.conj(vh[rank:])  # rows: vec(C) of the solutions
    if len(null) == 0:
        return []
    Cs = [v.reshape(di * dj, dk) for v in null]
    gram = np.array([[np.trace(np.conj(a).T @ b) / dk for b in Cs] for a in Cs])
    w, U = np.linalg.eigh(gram)
    W = U / np.sqrt(w)[None, :]
    out = []
    for col in range(len(Cs)):
        C = sum(W[r, col] * Cs[r] for r in range(len(Cs)))
        big = np.unravel_index(np.argmax(np.abs(C)), C.shape)
        C = C * (np.abs(C[big]) / C[big])
        out.append(C.real.copy() if irr.real else C)
    return out


def _trivial(irr: NumericIrreps) -> int:
    chi = irr.characters
    return int(np.argmin(np.abs(chi - 1.0).sum(axis=1)))


def selective_pairs(irr: NumericIrreps) -> list[tuple[int, int]]:
    """The pairs of irreps of the selective G-bispectrum (Mataigne et al., NeurIPS 2024).

    Start from the trivial irrep :math:`\\rho_0` and the pair :math:`(\\rho_0, \\rho_0)`;
    take a step irrep s (the one whose tensor products with the irreps found reach the
    most irreps), add :math:`(\\rho_0, s)`, and for every irrep :math:`\\rho` found, in the
    order found, add :math:`(s, \\rho)` whenever :math:`s \\otimes \\rho` contains an irrep
    not found yet; if some irreps stay unreached (no faithful irrep, e.g. a product of two
    groups of order 2), add another step. At most one pair per irrep plus one per step:
    for :math:`Z_n` the n pairs :math:`(0, 0), (0, 1), (1, 1), \\dots, (1, n-2)` of
    :func:`grouprep.bispectrum_pairs`.
    """
    count = len(irr.mats)
    t = _trivial(irr)
    table = [
        [[k for k in range(count) if irr.multiplicity(a, b, k)] for b in range(count)]
        for a in range(count)
    ]

    def grow(steps: list[int]) -> tuple[list[int], list[tuple[int, int]]]:
        found = [t]
        pairs = [(t, t)]
        for s in steps:
            if s not in found:
                found.append(s)
                pairs.append((min(t, s), max(t, s)))
        changed = True
        while changed:
            changed = False
            for s in steps:
                pos = 0
                while pos < len(found):
                    rho = found[pos]
                    new = [k for k in table[s][rho] if k not in found]
                    if new:
                        pairs.append((min(s, rho), max(s, rho)))
                        found.extend(new)
                        changed = True
                    pos += 1
        return found, pairs

    steps: list[int] = []
    while True:
        found, pairs = grow(steps)
        if len(found) == count:
            return pairs
        best = max(
            (c for c in range(count) if c not in found),
            key=lambda c: (len(grow([*steps, c])[0]), -c),
        )
        steps.append(best)
