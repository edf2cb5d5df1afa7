"""Real irreducible representations and isotypic bases (private)."""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import Any

from grouprep._validation import describe
from grouprep.errors import GroupRepValueError
from grouprep.groups import CyclicGroup, DihedralGroup, FiniteGroup
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.reps._constructions import _check_rep
from grouprep.reps._representation import ExactMatrix, Representation

__all__ = ["isotypic_basis", "real_irreps"]

_ZERO = Cyclotomic(0)
_ONE = Cyclotomic(1)
_HALF = Cyclotomic(Fraction(1, 2))


def _cos_sin(n: int, k: int) -> tuple[Cyclotomic, Cyclotomic]:
    """Exact cos(2πk/n) and sin(2πk/n) as (real) cyclotomic numbers."""
    z, zi = root_of_unity(n, k), root_of_unity(n, -k)
    i = root_of_unity(4)
    return (z + zi) * _HALF, (z - zi) * _HALF * (-i)


def _rotation(n: int, k: int) -> ExactMatrix:
    c, s = _cos_sin(n, k)
    return ((c, -s), (s, c))


def _cyclic_rotation(n: int, k: int, g: int) -> ExactMatrix:
    return _rotation(n, k * g)


_FLIP = ((_ONE, _ZERO), (_ZERO, -_ONE))


def _dihedral_rotation(n: int, j: int, g: tuple[int, int]) -> ExactMatrix:
    """R(2 pi j r / n) F^s, F = diag(1, -1)."""
    r, s = g
    m = _rotation(n, j * r)
    if not s:
        return m
    return tuple(tuple(m[a][b] * _FLIP[b][b] for b in range(2)) for a in range(2))


def real_irreps(group: FiniteGroup[Any]) -> tuple[Representation, ...]:
    """The real irreducible representations of a cyclic or dihedral group, exactly.

    ``cyclic(n)``: the trivial character, the sign :math:`(-1)^g` for even n, and the
    rotation blocks :math:`g \\mapsto R(2\\pi k g/n)` for k = 1 .. (n-1)//2, with
    :math:`R(\\theta) = \\begin{pmatrix} \\cos\\theta & -\\sin\\theta \\\\ \\sin\\theta &
    \\cos\\theta \\end{pmatrix}`. ``dihedral(n)``: the real characters and
    :math:`(r, s) \\mapsto R(2\\pi j r/n) F^s` with :math:`F = \\operatorname{diag}(1, -1)`.
    Entries are exact real cyclotomic numbers; ``numeric`` gives float64 arrays.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import real_irreps
    >>> rho = real_irreps(grouprep.cyclic(8))[-1]
    >>> rho.numeric(1).round(4).tolist()
    [[-0.7071, -0.7071], [0.7071, -0.7071]]
    """
    if isinstance(group, CyclicGroup):
        n = group.n
        reps = [
            Representation(group, [[[1]] for _ in group.generators], "trivial", dim=1, check=False)
        ]
        if n % 2 == 0:
            reps.append(Representation(group, [[[-1]]], "sign", check=False))
        for k in range(1, (n - 1) // 2 + 1):
            closed = functools.partial(_cyclic_rotation, n, k)
            reps.append(Representation.from_closed_form(group, closed, 2, f"rotation_{k}"))
        return tuple(reps)
    if isinstance(group, DihedralGroup):
        from grouprep.reps._irreps import irreps

        n = group.n
        linear = [r for r in irreps(group) if r.dim == 1]  # already real (+-1)
        reps = list(linear)
        for j in range(1, (n - 1) // 2 + 1):
            closed2 = functools.partial(_dihedral_rotation, n, j)
            reps.append(Representation.from_closed_form(group, closed2, 2, f"rho_{j} (real)"))
        return tuple(reps)
    raise GroupRepValueError(
        f"real_irreps: available for cyclic and dihedral groups, got {describe(group)}"
    )


def _column_basis(columns: list[list[Cyclotomic]]) -> list[list[Cyclotomic]]:
    """A maximal linearly independent subset of the given vectors (exact elimination)."""
    chosen: list[list[Cyclotomic]] = []
    reduced: list[tuple[int, list[Cyclotomic]]] = []  # (pivot, reduced vector)
    for col in columns:
        v = list(col)
        for at, w in reduced:
            if v[at]:
                f = v[at] / w[at]
                v = [a - f * b for a, b in zip(v, w, strict=True)]
        lead = next((i for i, x in enumerate(v) if x), None)
        if lead is not None:
            reduced.append((lead, v))
            chosen.append(list(col))
    return chosen


def isotypic_basis(rep: Representation) -> ExactMatrix:
    """An exact change of basis B that block-diagonalizes a representation.

    For each irreducible :math:`\\rho_i` (of ``irreps(G)``, dimension d) with multiplicity
    m, the operators :math:`P^i_{a1} = \\frac{d}{|G|} \\sum_g \\rho_i(g^{-1})_{1a}\\, \\rho(g)`
    map a basis :math:`v_1 .. v_m` of the image of :math:`P^i_{11}` to copies
    :math:`(P^i_{11} v_k, \\dots, P^i_{d1} v_k)` on which :math:`\\rho` acts by
    :math:`\\rho_i`; the columns of B are these vectors, irreps in the order of
    ``irreps(G)``. Then :math:`B^{-1} \\rho(g) B = \\bigoplus_i \\rho_i(g)^{\\oplus m_i}`.
    For the regular representation of :math:`\\mathbb{Z}_N` the columns are the Fourier
    modes (B is the inverse DFT up to scaling).

    Returns
    -------
    tuple of tuples of Cyclotomic
        The square matrix B, rows first.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import isotypic_basis, regular_representation
    >>> B = isotypic_basis(regular_representation(grouprep.cyclic(3)))
    >>> for row in B:
    ...     print([str(v) for v in row])
    ['1/3', '1/3', '1/3']
    ['1/3', '-1/3 - 1/3*E(3)', '1/3*E(3)']
    ['1/3', '1/3*E(3)', '-1/3 - 1/3*E(3)']
    """
    from grouprep.reps._irreps import irreps

    rep = _check_rep(rep, "rep", "isotypic_basis")
    if _is_regular(rep):
        return _regular_isotypic_basis(rep.group)
    G = rep.group
    n = rep.dim
    columns: list[list[Cyclotomic]] = []
    elements = G.elements()
    scale_g = Cyclotomic(Fraction(1, G.order))
    for rho in irreps(G):
        d = rho.dim

        def projector(a: int, rho: Representation = rho, d: int = d) -> list[list[Cyclotomic]]:
            acc = [[_ZERO] * n for _ in range(n)]
            for g in elements:
                coeff = rho._exact(G._inverse(g))[0][a]
                if not coeff:
                    continue
                m = rep._exact(g)
                for i in range(n):
                    for j in range(n):
                        if m[i][j]:
                            acc[i][j] = acc[i][j] + coeff * m[i][j]
            factor = scale_g * d
            return [[v * factor for v in row] for row in acc]

        p11 = projector(0)
        image = _column_basis([[p11[i][j] for i in range(n)] for j in range(n)])
        if not image:
            continue
        others = [p11] + [projector(a) for a in range(1, d)]
        for v in image:
            for pa in others:
                columns.append([sum((pa[i][j] * v[j] for j in range(n)), _ZERO) for i in range(n)])
    if len(columns) != n:
        raise GroupRepValueError(
            f"isotypic_basis: found {len(columns)} basis vectors for dimension {n}"
        )
    return tuple(tuple(columns[j][i] for j in range(n)) for i in range(n))


def _is_regular(rep: Representation) -> bool:
    """Whether ``rep`` permutes the basis :math:`e_h` (h in ``group.elements()`` order) as
    the left regular representation, :math:`e_h \\mapsto e_{sh}`, on every generator s."""
    G = rep.group
    if rep._perm is None or rep.dim != G.order:
        return False
    elements = G.elements()
    for s in G.generators:
        perm = rep._permutation(s)
        if perm is None or any(
            perm[i] != G._index(G._compose(s, h)) for i, h in enumerate(elements)
        ):
            return False
    return True


def _regular_isotypic_basis(G: FiniteGroup[Any]) -> ExactMatrix:
    """The isotypic basis of the regular representation from the matrix coefficients.

    For an irrep :math:`\\rho` of dimension d and a row a, the vectors
    :math:`w_b = \\frac{d}{|G|} \\sum_g \\rho(g^{-1})_{ab}\\, e_g` (b = 1 .. d) satisfy
    :math:`L(h) w_b = \\sum_c \\rho(h)_{cb}\\, w_c`, since
    :math:`\\rho((h^{-1}g)^{-1})_{ab} = \\sum_c \\rho(g^{-1})_{ac} \\rho(h)_{cb}`: a copy
    of :math:`\\rho` for each row a. By Schur orthogonality the
    :math:`\\sum_\\rho d_\\rho^2 = |G|` columns are a basis, with the scaling of the
    projector construction (:math:`P_{b1}` applied to the copy's first vector):
    no projector sums and no elimination (Peter–Weyl).
    """
    from grouprep.reps._irreps import irreps

    elements = G.elements()
    inverses = [G._inverse(g) for g in elements]
    columns: list[list[Cyclotomic]] = []
    for rho in irreps(G):
        d = rho.dim
        factor = Cyclotomic(Fraction(d, G.order))
        mats = [rho._exact(h) for h in inverses]
        for a in range(d):
            for b in range(d):
                columns.append([m[a][b] * factor for m in mats])
    n = G.order
    return tuple(tuple(columns[j][i] for j in range(n)) for i in range(n))
