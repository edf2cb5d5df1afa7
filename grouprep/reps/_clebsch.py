"""Clebsch–Gordan decompositions of tensor products, exactly (private)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import check_int, describe
from grouprep.errors import GroupRepError, GroupRepValueError, SizeLimitError
from grouprep.numbers import Cyclotomic
from grouprep.reps._representation import (
    ExactMatrix,
    Representation,
    identity_matrix,
    mat_mul,
)

__all__ = [
    "MAX_CLEBSCH_GORDAN_DIM",
    "MAX_CLEBSCH_GORDAN_ENTRIES",
    "ClebschGordan",
    "clebsch_gordan",
]

MAX_CLEBSCH_GORDAN_DIM = 512
"""The largest tensor product (:math:`\\dim\\rho \\cdot \\dim\\sigma`) that
:func:`clebsch_gordan` decomposes: its change of basis and inverse hold :math:`2n^2` exact
numbers."""

MAX_CLEBSCH_GORDAN_ENTRIES = 2 * 10**7
"""The most exact entries (:math:`|G|\\, n^2`) of the tensor product's matrices over the
whole group that :func:`clebsch_gordan` sums (the budget of a representation's search
along words)."""

_ZERO = Cyclotomic(0)


def _is_unitary(rep: Representation) -> bool:
    """Whether :math:`\\rho(s)^H \\rho(s) = I` exactly for every generator s (then for
    every element, as products of unitary matrices)."""
    d = rep.dim
    eye = identity_matrix(d)
    for s in rep.group.generators:
        m = rep._exact(s)
        adjoint = tuple(tuple(m[j][i].conjugate() for j in range(d)) for i in range(d))
        if mat_mul(adjoint, m) != eye:
            return False
    return True


def _label(rep: Representation) -> str:
    return rep.name or f"dim {rep.dim}"


@dataclass(frozen=True)
class ClebschGordan:
    """The decomposition of a tensor product :math:`\\rho \\otimes \\sigma` into irreps.

    Returned by :func:`clebsch_gordan`, which documents the construction. An immutable
    value; ``n = rho.dim * sigma.dim``.

    Attributes
    ----------
    rho, sigma : Representation
        The factors, of the same group; the tensor product is
        ``tensor_product(rho, sigma)`` (Kronecker order: basis vector
        :math:`e_i \\otimes f_k` is number ``i * sigma.dim + k``).
    irreps : tuple of Representation
        ``irreps(group)``, in the order of the rows of ``character_table(group)``.
    multiplicities : tuple of int
        :math:`m_i = \\langle \\chi_\\rho \\chi_\\sigma, \\chi_i \\rangle`, one per irrep
        (zeros included), as :func:`~grouprep.reps.decompose` gives them.
    matrix : tuple of tuples of Cyclotomic
        The change of basis C (n x n, rows first). Its columns are the basis vectors of
        the copies: irreps in the order of ``irreps``, each one's :math:`m_i` copies one
        after the other, each copy's :math:`d_i` vectors in order, so that
        :math:`C^{-1} (\\rho(g) \\otimes \\sigma(g))\\, C =
        \\bigoplus_i \\pi_i(g)^{\\oplus m_i}` exactly, for every g.
    inverse : tuple of tuples of Cyclotomic
        :math:`C^{-1}`, exactly.
    unitary_available : bool
        Whether rho, sigma and every irrep that occurs have unitary matrices (checked
        exactly on the generators), as the irreps of cyclic and dihedral groups do. Then
        C can be chosen unitary (with numbers that are not always cyclotomic), and
        :meth:`unitary` returns such a C numerically, for the original matrices.
    """

    rho: Representation
    sigma: Representation
    irreps: tuple[Representation, ...]
    multiplicities: tuple[int, ...]
    matrix: ExactMatrix
    inverse: ExactMatrix
    unitary_available: bool

    # ----------------------------------------------------------------- structure
    @property
    def group(self) -> Any:
        """The group of the representations."""
        return self.rho.group

    @property
    def dim(self) -> int:
        """n, the dimension of the tensor product."""
        return len(self.matrix)

    @property
    def blocks(self) -> tuple[int, ...]:
        """The index in ``irreps`` of each diagonal block, in order (each irrep repeated by
        its multiplicity)."""
        return tuple(i for i, m in enumerate(self.multiplicities) for _ in range(m))

    def columns(self, i: int, k: int = 0) -> range:
        """The columns of C spanning copy k of ``irreps[i]`` (a range of length
        :math:`d_i`).

        Raises
        ------
        GroupRepTypeError
            If i or k is not an int.
        GroupRepValueError
            If i is not an index of ``irreps``, or k not below the multiplicity of
            ``irreps[i]``.
        """
        where = "ClebschGordan.columns"
        i, k = check_int(i, "i", where), check_int(k, "k", where)
        if not 0 <= i < len(self.irreps):
            raise GroupRepValueError(
                f"{where}: argument 'i' must be an index of irreps (0 .. "
                f"{len(self.irreps) - 1}), got {describe(i)}"
            )
        m = self.multiplicities[i]
        if not 0 <= k < m:
            raise GroupRepValueError(
                f"{where}: argument 'k' must be a copy of irreps[{i}] "
                f"(multiplicity {m}), got {describe(k)}"
            )
        start = sum(
            r.dim * mult for r, mult in zip(self.irreps[:i], self.multiplicities[:i], strict=True)
        )
        d = self.irreps[i].dim
        return range(start + k * d, start + (k + 1) * d)

    def block_diagonal(self, g: Any) -> ExactMatrix:
        """:math:`\\bigoplus_i \\pi_i(g)^{\\oplus m_i}`, exactly: the matrix that C
        conjugates the tensor product's into."""
        g = self.group._check(g, "g", "ClebschGordan.block_diagonal")
        n = self.dim
        rows: list[tuple[Cyclotomic, ...]] = []
        offset = 0
        for i in self.blocks:
            m = self.irreps[i]._exact(g)
            d = len(m)
            for row in m:
                rows.append((_ZERO,) * offset + tuple(row) + (_ZERO,) * (n - offset - d))
            offset += d
        return tuple(rows)

    def transformed(self, g: Any) -> ExactMatrix:
        """:math:`C^{-1} (\\rho(g) \\otimes \\sigma(g))\\, C`, by exact products (equal to
        :meth:`block_diagonal`)."""
        g = self.group._check(g, "g", "ClebschGordan.transformed")
        a, b = self.rho._exact(g), self.sigma._exact(g)
        V = tuple(tuple(x * y for x in ra for y in rb) for ra in a for rb in b)
        return mat_mul(self.inverse, mat_mul(V, self.matrix)) if self.dim else ()

    # ------------------------------------------------------------------- numeric
    def numeric(self, inverse: bool = False) -> npt.NDArray[Any]:
        """C (or :math:`C^{-1}` with ``inverse=True``) as a NumPy array: float64 when every
        entry is real, complex128 otherwise."""
        m = self.inverse if inverse else self.matrix
        n = self.dim
        arr = np.array([[complex(v) for v in row] for row in m], dtype=np.complex128)
        arr = arr.reshape(n, n)
        if all(v.is_real() for row in m for v in row):
            return arr.real.copy()
        return arr

    def unitary(self) -> npt.NDArray[Any]:
        """A unitary (real orthogonal when all is real) Clebsch–Gordan matrix, numerically.

        With ``unitary_available``, the matrices are the original ones, and

        .. math:: \\rho(g) \\otimes \\sigma(g) = U \\Big(\\bigoplus_i
                  \\pi_i(g)^{\\oplus m_i}\\Big) U^{H}.

        Otherwise they are the unitary forms of :func:`~grouprep.reps.unitary_matrices`,
        :math:`U_\\rho(g) = T_\\rho^{-1}\\rho(g) T_\\rho` (and so on for sigma and each
        irrep), and :math:`U_\\rho(g) \\otimes U_\\sigma(g) = U (\\bigoplus_i
        U_{\\pi_i}(g)^{\\oplus m_i}) U^H`. U is :math:`(T_\\rho \\otimes T_\\sigma)^{-1}
        C\\, (\\bigoplus T_{\\pi_i})` with the copies of each irrep orthonormalized: their
        Gram matrix :math:`M_{kl} = \\frac{1}{d}\\operatorname{tr} W_k^H W_l` (an
        intertwiner between unitary irreps is a scalar multiple of an isometry, by
        Schur's lemma) with :math:`M = L L^H` gives the copies
        :math:`W'_k = \\sum_l W_l (L^{-H})_{lk}`.

        Returns
        -------
        numpy.ndarray
            U, shape (n, n), read-only: float64 when C and the bases T are real,
            complex128 otherwise.
        """
        from grouprep.reps._unitary import unitary_matrices

        n = self.dim
        exact = self.numeric()
        real = exact.dtype == np.float64
        C: npt.NDArray[Any] = exact.astype(np.complex128)
        if not self.unitary_available and n:
            _, t_rho = unitary_matrices(self.rho, return_basis=True)
            _, t_sigma = unitary_matrices(self.sigma, return_basis=True)
            real = real and t_rho.dtype == np.float64 and t_sigma.dtype == np.float64
            C = np.linalg.solve(np.kron(t_rho, t_sigma), C)
            right = np.zeros((n, n), dtype=np.complex128)
            offset = 0
            for i in self.blocks:
                _, t_pi = unitary_matrices(self.irreps[i], return_basis=True)
                real = real and t_pi.dtype == np.float64
                d = self.irreps[i].dim
                right[offset : offset + d, offset : offset + d] = t_pi
                offset += d
            C = C @ right
        for i, (pi, m) in enumerate(zip(self.irreps, self.multiplicities, strict=True)):
            if not m:
                continue
            d = pi.dim
            cols = self.columns(i, 0).start
            block = C[:, cols : cols + m * d]
            W = block.reshape(n, m, d)
            gram = np.einsum("ika,ila->kl", W.conj(), W) / d
            gram = (gram + gram.conj().T) / 2
            lower = np.linalg.cholesky(gram)
            mix = np.linalg.inv(lower).conj().T
            C[:, cols : cols + m * d] = block @ np.kron(mix, np.eye(d))
        out = C.real.copy() if real else C
        out.setflags(write=False)
        return out

    def __repr__(self) -> str:
        parts = []
        for pi, m in zip(self.irreps, self.multiplicities, strict=True):
            if m:
                parts.append(f"{m} {_label(pi)}" if m > 1 else _label(pi))
        return (
            f"<ClebschGordan of {self.group!r}: {_label(self.rho)} (x) {_label(self.sigma)} "
            f"= {' + '.join(parts) or '0'}>"
        )


def clebsch_gordan(rho: Representation, sigma: Representation) -> ClebschGordan:
    """The Clebsch–Gordan decomposition of :math:`\\rho \\otimes \\sigma`, exactly.

    With :math:`V(g) = \\rho(g) \\otimes \\sigma(g)` (Kronecker order, as
    :func:`~grouprep.reps.tensor_product`) of dimension n, and for each irreducible
    :math:`\\pi` of ``irreps(G)`` (dimension d), the operators

    .. math:: P^\\pi_{ab} = \\frac{d}{|G|} \\sum_{g \\in G} \\pi(g^{-1})_{ba}\\, V(g)

    satisfy :math:`P_{ab} P_{cd} = \\delta_{bc} P_{ad}` and
    :math:`V(g) P_{a1} = \\sum_c \\pi(g)_{ca} P_{c1}`. :math:`P_{11}` is a projection of
    rank m, the multiplicity :math:`\\langle \\chi_\\rho \\chi_\\sigma, \\chi_\\pi
    \\rangle` (its trace); the first m independent columns :math:`v_k = P_{11} e_{j_k}`
    span its image, and copy k is :math:`(P_{11} v_k, \\dots, P_{d1} v_k)`, on which V
    acts by :math:`\\pi`: the columns of C. Then, exactly for every g,

    .. math:: C^{-1} \\big(\\rho(g) \\otimes \\sigma(g)\\big)\\, C =
              \\bigoplus_\\pi \\pi(g)^{\\oplus m_\\pi}.

    :math:`C^{-1}` comes from the same sums: with rows :math:`i_1 .. i_m` at which the
    :math:`v_k` form an invertible minor M, the row of copy k, vector b is
    :math:`\\sum_r (M^{-1})_{kr}\\, e_{i_r}^T P_{1b}`. The sums over the group are
    integer matrix products on the coordinates of the matrices in one cyclotomic field;
    the independent columns are found modulo a prime that splits that field (then they
    are independent exactly), else exactly. For a single representation,
    :func:`~grouprep.reps.isotypic_basis` gives the same construction (its C only).

    Parameters
    ----------
    rho, sigma : Representation
        Representations of the same group, one with irreps (:func:`irreps`: every group
        grouprep builds, within its size limits).

    Returns
    -------
    ClebschGordan
        The irreps, the multiplicities, C and :math:`C^{-1}` exactly;
        ``numeric()`` gives C as an array, ``unitary()`` a unitary C (for the original
        matrices when ``unitary_available``, else for the unitary forms of
        :func:`~grouprep.reps.unitary_matrices`).

    Raises
    ------
    GroupRepTypeError
        If rho or sigma is not a Representation.
    GroupRepValueError
        If they are of different groups, or the matrices are not representations (a
        projection of the wrong rank).
    SizeLimitError
        If n exceeds :data:`MAX_CLEBSCH_GORDAN_DIM` (512), or :math:`|G|\\, n^2` exceeds
        :data:`MAX_CLEBSCH_GORDAN_ENTRIES` (:math:`2 \\cdot 10^7`), before any sum; or if
        the group has no irreps within the limits of :func:`irreps`.

    Examples
    --------
    The 2-dimensional irrep of :math:`S_3` (Young's seminormal form):
    :math:`2 \\otimes 2 = 1 + \\mathrm{sgn} + 2`.

    >>> import grouprep
    >>> from grouprep.reps import clebsch_gordan, irreps
    >>> S3 = grouprep.symmetric(3)
    >>> two = irreps(S3)[2]
    >>> cg = clebsch_gordan(two, two)
    >>> cg.multiplicities, cg.blocks
    ((1, 1, 1), (0, 1, 2))
    >>> [cg.irreps[i].name for i in cg.blocks]
    ['Specht(3,)', 'Specht(1, 1, 1)', 'Specht(2, 1)']
    >>> all(cg.transformed(g) == cg.block_diagonal(g) for g in S3)
    True
    >>> for row in cg.matrix:
    ...     print([str(v) for v in row])
    ['1/2', '0', '1/2', '0']
    ['0', '1/2', '0', '-1/2']
    ['0', '-1/2', '0', '-1/2']
    ['2/3', '0', '-2/3', '0']

    The rotations of the pentagon, :math:`D_5` with unitary irreps:
    :math:`\\rho_1 \\otimes \\rho_2 = \\rho_1 \\oplus \\rho_2`, and a unitary C.

    >>> import numpy as np
    >>> D5 = grouprep.dihedral(5)
    >>> rho1, rho2 = irreps(D5)[2:]
    >>> cg = clebsch_gordan(rho1, rho2)
    >>> cg
    <ClebschGordan of dihedral(5): rho_1 (x) rho_2 = rho_1 + rho_2>
    >>> cg.multiplicities, cg.unitary_available
    ((0, 0, 1, 1), True)
    >>> U = cg.unitary()
    >>> g = (1, 1)
    >>> V = np.kron(rho1.numeric(g), rho2.numeric(g))
    >>> bool(np.allclose(U.conj().T @ U, np.eye(4)))
    True
    >>> D = [[complex(v) for v in row] for row in cg.block_diagonal(g)]
    >>> bool(np.allclose(U.conj().T @ V @ U, D))
    True
    """
    from grouprep.reps._constructions import _check_rep
    from grouprep.reps._irreps import irreps
    from grouprep.reps._real import _isotypic

    where = "clebsch_gordan"
    rho = _check_rep(rho, "rho", where)
    sigma = _check_rep(sigma, "sigma", where)
    if rho.group != sigma.group:
        raise GroupRepValueError(
            f"{where}: arguments 'rho' and 'sigma' must be representations of the same "
            f"group, got {rho!r} and {sigma!r}"
        )
    G = rho.group
    n = rho.dim * sigma.dim
    if n > MAX_CLEBSCH_GORDAN_DIM:
        raise SizeLimitError(
            f"{where}: arguments 'rho' and 'sigma' of dimensions {rho.dim} and {sigma.dim} "
            f"give a tensor product of dimension {n}, beyond the limit "
            f"{MAX_CLEBSCH_GORDAN_DIM}"
        )
    if G.order * n * n > MAX_CLEBSCH_GORDAN_ENTRIES:
        raise SizeLimitError(
            f"{where}: the tensor product of dimension {n} over the {G.order} elements of "
            f"{G!r} has {G.order * n * n:,} exact entries (|G| n^2), beyond the limit "
            f"{MAX_CLEBSCH_GORDAN_ENTRIES:,}"
        )
    try:
        reps = irreps(G)
    except GroupRepError as exc:
        raise type(exc)(f"{where}: {G!r} has no explicit irreps here: {exc}") from exc
    found = _isotypic([rho, sigma], reps, where, inverse=True)
    rows = found.rows if found.rows is not None else []
    matrix = tuple(tuple(found.columns[j][i] for j in range(n)) for i in range(n))
    occurring = [pi for pi, m in zip(reps, found.multiplicities, strict=True) if m]
    unitary = _is_unitary(rho) and _is_unitary(sigma) and all(map(_is_unitary, occurring))
    return ClebschGordan(
        rho=rho,
        sigma=sigma,
        irreps=tuple(reps),
        multiplicities=found.multiplicities,
        matrix=matrix,
        inverse=tuple(tuple(row) for row in rows),
        unitary_available=unitary,
    )
