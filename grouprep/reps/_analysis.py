"""Decomposition, isotypic projectors, induction, Frobenius–Schur, the DFT (private)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import check_int, describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.groups import FiniteGroup
from grouprep.numbers import Cyclotomic, as_cyclotomic, root_of_unity
from grouprep.reps._characters import inner_product
from grouprep.reps._constructions import _check_rep
from grouprep.reps._representation import ExactMatrix, Representation, check_dim
from grouprep.reps._table import _indicator, character_table

__all__ = [
    "decompose",
    "fourier_matrix",
    "fourier_transform",
    "frobenius_schur",
    "induce",
    "inverse_fourier_transform",
    "isotypic_projector",
]

_ZERO = Cyclotomic(0)


def decompose(rep: Representation) -> tuple[int, ...]:
    """The multiplicity of each irreducible character in a representation.

    .. math:: m_\\chi = \\langle \\chi_\\rho, \\chi \\rangle

    Returns
    -------
    tuple of int
        One multiplicity per row of ``character_table(rep.group).characters``, in order.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import decompose, permutation_representation
    >>> decompose(permutation_representation(grouprep.permutation_action(grouprep.symmetric(3))))
    (1, 0, 1)
    """
    rep = _check_rep(rep, "rep", "decompose")
    table = character_table(rep.group)
    out = []
    for row in table.characters:
        m = inner_product(rep, list(row), group=rep.group)
        out.append(int(m.as_fraction()))
    return tuple(out)


def _class_function(chi: Any, group: FiniteGroup[Any], where: str) -> tuple[Cyclotomic, ...]:
    if isinstance(chi, Representation):
        if chi.group != group:
            raise GroupRepValueError(
                f"{where}: argument 'chi' is a representation of another group"
            )
        return chi.character_values()
    if isinstance(chi, Sequence) and not isinstance(chi, str):
        values = tuple(as_cyclotomic(v) for v in chi)
        if len(values) != len(group.conjugacy_classes()):
            raise GroupRepValueError(
                f"{where}: argument 'chi' must have one value per class "
                f"({len(group.conjugacy_classes())}), got {len(values)}"
            )
        return values
    raise GroupRepTypeError(
        f"{where}: argument 'chi' must be an irreducible Representation or a row of a "
        f"character table, got {describe(chi)}"
    )


def isotypic_projector(rep: Representation, chi: Any) -> ExactMatrix:
    """The projection onto the isotypic component of an irreducible character.

    .. math:: P_\\chi = \\frac{\\chi(1)}{|G|} \\sum_{g \\in G} \\overline{\\chi(g)}\\, \\rho(g)

    Parameters
    ----------
    rep : Representation
    chi : Representation or sequence
        An irreducible representation of the same group, or a row of its character table.

    Returns
    -------
    tuple of tuples of Cyclotomic
        An exact idempotent matrix commuting with every :math:`\\rho(g)`.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import irreps, isotypic_projector, regular_representation
    >>> G = grouprep.cyclic(3)
    >>> P = isotypic_projector(regular_representation(G), irreps(G)[0])
    >>> [[str(v) for v in row] for row in P]
    [['1/3', '1/3', '1/3'], ['1/3', '1/3', '1/3'], ['1/3', '1/3', '1/3']]
    """
    rep = _check_rep(rep, "rep", "isotypic_projector")
    G = rep.group
    values = _class_function(chi, G, "isotypic_projector")
    d = rep.dim
    acc = [[_ZERO] * d for _ in range(d)]
    for c, value in zip(G.conjugacy_classes(), values, strict=True):
        if not value:
            continue
        weight = value.conjugate()
        for g in c:
            m = rep._exact(g)
            for i in range(d):
                row = m[i]
                for j in range(d):
                    if row[j]:
                        acc[i][j] = acc[i][j] + weight * row[j]
    scale = values[0] * Cyclotomic(Fraction(1, G.order))
    return tuple(tuple(v * scale for v in row) for row in acc)


def frobenius_schur(chi: Any, group: FiniteGroup[Any] | None = None) -> int:
    """The Frobenius–Schur indicator of an irreducible character or representation.

    .. math:: \\nu(\\chi) = \\frac{1}{|G|} \\sum_{g \\in G} \\chi(g^2)
              = \\frac{1}{|G|} \\sum_{C} |C|\\, \\chi\\bigl(g_C^2\\bigr) \\in \\{1, 0, -1\\}

    1: real type (realizable over the reals), 0: complex type (:math:`\\chi` not
    real-valued), -1: quaternionic type (:math:`\\chi` real, no real form). The sum runs
    over the conjugacy classes with the squaring power map (the class of
    :math:`g_C^2`), in exact arithmetic; only the character values on the classes are
    needed, so a row of :func:`character_table` works without explicit matrices (for
    example for :math:`S_8` or an alternating group). All indicators of a table at once:
    :attr:`CharacterTable.indicators`.

    Parameters
    ----------
    chi : Representation or sequence
        An irreducible representation, or an irreducible character given as its values
        on the classes of ``group`` (a row of ``character_table(group).characters``).
    group : FiniteGroup, optional
        Required when ``chi`` is a sequence of class values.

    Returns
    -------
    int
        1, 0 or -1.

    Raises
    ------
    GroupRepValueError
        If the representation is not irreducible, the values are not a row of the
        group's character table, ``group`` is missing for a sequence, or a representation
        of another group is given with ``group``.
    GroupRepTypeError
        If ``chi`` is neither a representation nor a sequence of numbers.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import character_table, frobenius_schur, irreps
    >>> [frobenius_schur(r) for r in irreps(grouprep.cyclic(4))]
    [1, 0, 1, 0]
    >>> A4 = grouprep.alternating(4)
    >>> [frobenius_schur(row, A4) for row in character_table(A4).characters]
    [1, 0, 0, 1]
    """
    where = "frobenius_schur"
    if isinstance(chi, Representation):
        rep = _check_rep(chi, "chi", where)
        if group is not None and group != rep.group:
            raise GroupRepValueError(
                f"{where}: argument 'chi' is a representation of {rep.group!r}, but argument "
                f"'group' is {describe(group)}"
            )
        if not rep.is_irreducible():
            raise GroupRepValueError(f"{where}: argument 'chi' must be irreducible, got {rep!r}")
        G = rep.group
        classes = G.conjugacy_classes()
        square = tuple(
            G._class_index(G._compose(c.representative, c.representative)) for c in classes
        )
        return _indicator(G, classes, rep.character_values(), square)
    if group is None:
        if isinstance(chi, Sequence) and not isinstance(chi, str | bytes):
            raise GroupRepValueError(
                f"{where}: argument 'group' is required when 'chi' is a sequence of class values"
            )
        raise GroupRepTypeError(
            f"{where}: argument 'chi' must be an irreducible Representation or a row of a "
            f"character table, got {describe(chi)} of type {type(chi).__name__}"
        )
    _check_group(group, where)
    values = _class_function(chi, group, where)
    table = character_table(group)
    try:
        position = table.characters.index(values)
    except ValueError:
        raise GroupRepValueError(
            f"{where}: argument 'chi' must be an irreducible character of {group!r} (a row of "
            f"character_table(group).characters), got {describe(chi)}"
        ) from None
    return table.indicators[position]


def induce(rep: Representation, group: FiniteGroup[Any]) -> Representation:
    """The induced representation :math:`\\operatorname{Ind}_H^G \\rho` of a subgroup's rep.

    With left coset representatives :math:`t_1, \\dots, t_m` of H in G, block (i, j) of
    :math:`\\operatorname{Ind}\\rho(g)` is :math:`\\rho(t_i^{-1} g t_j)` when that element lies
    in H and zero otherwise. Frobenius reciprocity holds:
    :math:`\\langle \\operatorname{Ind}\\chi, \\psi \\rangle_G =
    \\langle \\chi, \\operatorname{Res}\\psi \\rangle_H`.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import Representation, induce
    >>> G = grouprep.symmetric(3)
    >>> H = G.subgroup([(1, 2, 0)])
    >>> trivial = Representation(H, [[[1]]])
    >>> induce(trivial, G).dim
    2
    """
    rep = _check_rep(rep, "rep", "induce")
    H = rep.group
    if not isinstance(group, FiniteGroup) or not H.is_subgroup_of(group):
        raise GroupRepValueError(
            f"induce: the representation's group {H!r} must be a subgroup of argument 'group', "
            f"got {describe(group)}"
        )
    G = group
    check_dim(
        G.order // H.order * rep.dim,
        "induce",
        f"argument 'group' of index {G.order // H.order} over a representation of "
        f"dimension {rep.dim}",
    )
    reps_of_cosets: list[Any] = []
    seen: set[Any] = set()
    for t in G.elements():
        if t in seen:
            continue
        reps_of_cosets.append(t)
        seen.update(G._compose(t, h) for h in H.elements())
    inverses = tuple(G._inverse(t) for t in reps_of_cosets)
    closed = functools.partial(_induced_matrix, rep, G, tuple(reps_of_cosets), inverses)
    return Representation.from_closed_form(G, closed, len(reps_of_cosets) * rep.dim, "induced")


def _induced_matrix(
    rep: Representation,
    G: FiniteGroup[Any],
    cosets: tuple[Any, ...],
    inverses: tuple[Any, ...],
    g: Any,
) -> ExactMatrix:
    H, m, d = rep.group, len(cosets), rep.dim
    rows = [[_ZERO] * (m * d) for _ in range(m * d)]
    for i, ti_inv in enumerate(inverses):
        left = G._compose(ti_inv, g)
        for j, tj in enumerate(cosets):
            h = G._compose(left, tj)
            if h in H:
                block = rep._exact(h)
                for a in range(d):
                    rows[i * d + a][j * d : j * d + d] = block[a]
    return tuple(tuple(r) for r in rows)


def fourier_matrix(n: int) -> ExactMatrix:
    """The exact discrete Fourier matrix :math:`F_{jk} = \\zeta_n^{-jk}`,
    :math:`\\zeta_n = e^{2\\pi i/n}`, and its inverse.

    .. math:: \\hat x_j = \\sum_{k=0}^{n-1} \\zeta_n^{-jk} x_k, \\qquad
              x_k = \\frac{1}{n} \\sum_{j=0}^{n-1} \\zeta_n^{jk} \\hat x_j,
              \\qquad F^{-1} = \\tfrac{1}{n} \\bar F^{T}

    ``numpy.fft.fft(x) == F @ x`` numerically (and ``numpy.fft.ifft`` is
    :math:`F^{-1}`); :math:`F \\bar F^{T} = n I`. The rows of F are the characters of
    :math:`\\mathbb{Z}_n` conjugated, so this is :func:`fourier_transform` of
    ``cyclic(n)`` (:math:`\\rho_j(k^{-1}) = \\zeta_n^{-jk}`), and F diagonalizes the
    regular representation of the cyclic group.

    Examples
    --------
    >>> from grouprep.reps import fourier_matrix
    >>> F = fourier_matrix(4)
    >>> [" ".join(str(v) for v in row) for row in F]
    ['1 1 1 1', '1 -E(4) -1 E(4)', '1 -1 1 -1', '1 E(4) -1 -E(4)']
    """
    n = check_int(n, "n", "fourier_matrix", minimum=1)
    check_dim(n, "fourier_matrix", f"argument 'n' = {n}")
    return tuple(tuple(root_of_unity(n, -j * k) for k in range(n)) for j in range(n))


def fourier_transform(group: FiniteGroup[Any], f: npt.ArrayLike) -> list[npt.NDArray[Any]]:
    """The group Fourier transform, one matrix per irreducible representation.

    .. math:: \\hat f(\\rho) = \\sum_{g} f(g)\\, \\rho(g^{-1}), \\qquad
              f(g) = \\frac{1}{|G|} \\sum_\\rho d_\\rho
              \\operatorname{tr}\\bigl(\\hat f(\\rho)\\, \\rho(g)\\bigr)

    over the irreps :math:`\\rho` of :func:`irreps` (dimension :math:`d_\\rho`); the
    second formula is :func:`inverse_fourier_transform`. Both hold in any basis of the
    irreps, unitary or not: this is :math:`\\sum_g f(g)\\, \\rho(g)^{H}` only for
    unitary irreps (cyclic, dihedral), while Young's seminormal form of :math:`S_n` and
    some of the bases of other groups (A_5, SL(2,3), ...) are not unitary. With
    :math:`(f * h)(x) = \\sum_y f(y)\\, h(y^{-1}x)`,

    .. math:: \\widehat{f * h}(\\rho) = \\hat h(\\rho)\\, \\hat f(\\rho), \\qquad
              \\sum_g f(g)\\, \\overline{h(g)} = \\frac{1}{|G|} \\sum_\\rho d_\\rho
              \\operatorname{tr}\\Bigl(\\bigl(\\textstyle\\sum_g \\overline{h(g)}\\,
              \\rho(g)\\bigr)\\, \\hat f(\\rho)\\Bigr);

    for unitary irreps the last bracket is :math:`\\hat h(\\rho)^{H}`, giving Plancherel's
    :math:`\\sum_g |f(g)|^2 = \\frac{1}{|G|} \\sum_\\rho d_\\rho
    \\|\\hat f(\\rho)\\|_{HS}^2` (use :func:`unitary_matrices` for unitary forms). For
    ``cyclic(n)`` it is ``numpy.fft.fft``:
    ``fourier_transform(cyclic(n), f)[k][0, 0] == numpy.fft.fft(f)[k]``.

    Parameters
    ----------
    group : FiniteGroup
        A group with explicit irreps (see :func:`irreps`).
    f : array_like, shape ``(order,)``
        Values in the group's element order.

    Returns
    -------
    list of numpy.ndarray
        One ``(d, d)`` complex matrix per irreducible representation.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.reps import fourier_transform
    >>> f = np.array([1.0, 2.0, 0.0, -1.0])
    >>> np.allclose([m[0, 0] for m in fourier_transform(grouprep.cyclic(4), f)], np.fft.fft(f))
    True
    """
    from grouprep.reps._irreps import irreps

    _check_group(group, "fourier_transform")
    values = _numeric_array(f, "fourier_transform", "argument 'f'")
    if values.shape != (group.order,):
        raise GroupRepValueError(
            f"fourier_transform: argument 'f' must have shape ({group.order},), got {values.shape}"
        )
    out = []
    elements = group.elements()
    for rho in irreps(group):
        acc = np.zeros((rho.dim, rho.dim), dtype=np.complex128)
        for g, v in zip(elements, values, strict=True):
            acc += v * rho.numeric(group._inverse(g))
        out.append(acc)
    return out


def inverse_fourier_transform(
    group: FiniteGroup[Any], coefficients: Sequence[npt.ArrayLike]
) -> npt.NDArray[np.complex128]:
    """The inverse group Fourier transform.

    .. math:: f(g) = \\frac{1}{|G|} \\sum_\\rho d_\\rho
              \\operatorname{tr}(\\hat f(\\rho)\\, \\rho(g))

    over the irreps :math:`\\rho` of :func:`irreps`, in their own (not necessarily unitary)
    basis. It inverts :func:`fourier_transform`,
    :math:`\\hat f(\\rho) = \\sum_g f(g)\\, \\rho(g^{-1})`, since
    :math:`\\sum_\\rho d_\\rho \\operatorname{tr}\\rho(x) = |G|` for :math:`x = e` and 0
    otherwise; any blocks are accepted (the transform is a bijection between functions on
    G and tuples of :math:`d_\\rho \\times d_\\rho` matrices).

    Parameters
    ----------
    group : FiniteGroup
        A group with explicit irreps (see :func:`irreps`).
    coefficients : sequence of array_like
        One ``(d, d)`` matrix per irreducible representation, in the order of
        ``irreps(group)`` (as :func:`fourier_transform` returns them).

    Returns
    -------
    numpy.ndarray
        The ``(order,)`` complex values in the group's element order.

    Raises
    ------
    GroupRepValueError
        If the number of matrices differs from the number of irreps, or a matrix is not
        ``(d, d)`` for its irrep; the message names the index, the expected and the given
        shape.
    GroupRepTypeError
        If a matrix does not hold numbers.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.reps import fourier_transform, inverse_fourier_transform
    >>> G = grouprep.dihedral(3)
    >>> f = np.arange(6.0)
    >>> np.allclose(inverse_fourier_transform(G, fourier_transform(G, f)), f)
    True
    """
    from grouprep.reps._irreps import irreps

    _check_group(group, "inverse_fourier_transform")
    reps = irreps(group)
    blocks = _irrep_blocks(reps, coefficients, "inverse_fourier_transform", "coefficients")
    out = np.zeros(group.order, dtype=np.complex128)
    for i, g in enumerate(group.elements()):
        total = 0j
        for rho, fhat in zip(reps, blocks, strict=True):
            total += rho.dim * np.trace(fhat @ rho.numeric(g))
        out[i] = total / group.order
    return out


def _check_group(group: Any, where: str) -> None:
    if not isinstance(group, FiniteGroup):
        raise GroupRepTypeError(
            f"{where}: argument 'group' must be a grouprep FiniteGroup, got {describe(group)}"
        )


def _numeric_array(value: Any, where: str, what: str) -> npt.NDArray[Any]:
    """``value`` as a NumPy array of numbers (bool, int, float or complex), else a clear error."""
    try:
        arr = np.asarray(value)
    except (ValueError, TypeError):  # ragged nesting
        raise GroupRepValueError(
            f"{where}: {what} must be a rectangular array of numbers, got a ragged "
            f"{type(value).__name__} {describe(value)}"
        ) from None
    if arr.dtype.kind not in "biufc":
        raise GroupRepTypeError(
            f"{where}: {what} must hold numbers (int, float or complex), got dtype "
            f"{arr.dtype} from {describe(value)}"
        )
    return arr


def _irrep_blocks(
    reps: Sequence[Representation], blocks: Any, where: str, name: str
) -> list[npt.NDArray[Any]]:
    """One validated ``(d_i, d_i)`` numeric array per irrep, in the order of ``reps``."""
    if isinstance(blocks, str | bytes) or not isinstance(blocks, Sequence | np.ndarray):
        raise GroupRepTypeError(
            f"{where}: argument {name!r} must be a sequence of one matrix per irreducible "
            f"representation ({len(reps)}), got {describe(blocks)}"
        )
    if len(blocks) != len(reps):
        raise GroupRepValueError(
            f"{where}: argument {name!r} must have one matrix per irreducible representation "
            f"({len(reps)}), got {len(blocks)}"
        )
    out = []
    for i, (rho, block) in enumerate(zip(reps, blocks, strict=True)):
        what = f"{name}[{i}] (for irreps[{i}], {rho.name or 'unnamed'})"
        arr = _numeric_array(block, where, what)
        if arr.shape != (rho.dim, rho.dim):
            raise GroupRepValueError(
                f"{where}: {what} must have shape ({rho.dim}, {rho.dim}), got shape {arr.shape}"
            )
        out.append(arr)
    return out
