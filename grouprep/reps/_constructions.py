"""Building representations: regular, permutation, sums, products, duals, restrictions."""

from __future__ import annotations

import functools
from typing import Any

from grouprep._validation import describe
from grouprep.actions import BaseAction
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.groups import FiniteGroup
from grouprep.numbers import Cyclotomic
from grouprep.reps._representation import (
    CHARACTER_RULES,
    ExactMatrix,
    Representation,
    check_dim,
)

__all__ = [
    "direct_sum",
    "dual",
    "permutation_representation",
    "regular_representation",
    "restrict",
    "tensor_product",
]

_ZERO = Cyclotomic(0)
_ONE = Cyclotomic(1)


def _check_rep(rep: Any, name: str, where: str) -> Representation:
    if not isinstance(rep, Representation):
        raise GroupRepTypeError(
            f"{where}: argument {name!r} must be a Representation, got {describe(rep)}"
        )
    return rep


def regular_representation(group: FiniteGroup[Any]) -> Representation:
    """The left regular representation on :math:`\\mathbb{C}[G]`: :math:`\\rho(g) e_h = e_{gh}`.

    Its character is :math:`|G|` at the identity and 0 elsewhere; it contains every
    irreducible representation as often as its dimension.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import regular_representation
    >>> reg = regular_representation(grouprep.cyclic(4))
    >>> reg.dim, [reg.character(g) for g in range(4)]
    (4, [4, 0, 0, 0])
    """
    if not isinstance(group, FiniteGroup):
        raise GroupRepTypeError(
            f"regular_representation: argument 'group' must be a grouprep FiniteGroup, "
            f"got {describe(group)}"
        )
    check_dim(group.order, "regular_representation", f"argument 'group' of order {group.order}")
    perm = functools.partial(_regular_permutation, group)
    return Representation._from_permutations(group, perm, group.order, "regular")


def _regular_permutation(group: FiniteGroup[Any], g: Any) -> tuple[int, ...]:
    # e_h -> e_{gh}: |G| products for this g alone, not the whole Cayley table
    # (|G|^2 products) when only the generators are asked for
    if "cayley" in group._cache:
        return tuple(int(v) for v in group.cayley_table()[group._index(g)])
    return tuple(group._index(group._compose(g, h)) for h in group.elements())


def permutation_representation(action: BaseAction) -> Representation:
    """The permutation representation of a finite action on :math:`\\mathbb{C}^X`.

    .. math:: \\rho(g)\\, e_x = e_{g \\cdot x}

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import permutation_representation
    >>> rho = permutation_representation(grouprep.permutation_action(grouprep.symmetric(3)))
    >>> rho.character_values()  # fixed points per class
    (3, 1, 0)
    """
    if not isinstance(action, BaseAction) or not action.is_finite:
        raise GroupRepTypeError(
            "permutation_representation: argument 'action' must be a finite grouprep action, "
            f"got {describe(action)}"
        )
    G = action.group
    n = action.num_points
    check_dim(n, "permutation_representation", f"argument 'action' on {n} points")
    perm = functools.partial(_action_permutation, action)
    return Representation._from_permutations(G, perm, n, f"permutation({action!r})")


def _action_permutation(action: BaseAction, g: Any) -> tuple[int, ...]:
    return tuple(int(v) for v in action.permutation(g))


def direct_sum(*reps: Representation) -> Representation:
    """The direct sum :math:`\\rho_1 \\oplus \\dots \\oplus \\rho_k` (block-diagonal matrices).

    Its character is the sum of the characters.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import direct_sum, irreps
    >>> a, b = irreps(grouprep.cyclic(4))[1:3]
    >>> s = direct_sum(a, b)
    >>> s.dim, s.character(1) == a.character(1) + b.character(1)
    (2, True)
    """
    if not reps:
        raise GroupRepValueError("direct_sum: at least one representation is required")
    for i, r in enumerate(reps):
        _check_rep(r, f"reps[{i}]", "direct_sum")
    G = reps[0].group
    if any(r.group != G for r in reps):
        raise GroupRepValueError("direct_sum: all representations must be of the same group")
    dim = sum(r.dim for r in reps)
    check_dim(dim, "direct_sum", f"argument 'reps' of dimensions {[r.dim for r in reps]}")
    if all(r._perm is not None for r in reps):  # a permutation representation again
        perm = functools.partial(_direct_sum_permutation, tuple(reps))
        return Representation._from_permutations(G, perm, dim, "direct sum")
    closed = functools.partial(_direct_sum_matrix, tuple(reps), dim)
    return Representation.from_closed_form(G, closed, dim, "direct sum")


def _permutation_of(rep: Representation, g: Any) -> tuple[int, ...]:
    p = rep._permutation(g)
    if p is None:  # pragma: no cover - only permutation representations get here
        raise TypeError(f"{rep!r} is not a permutation representation")
    return p


def _direct_sum_permutation(reps: tuple[Representation, ...], g: Any) -> tuple[int, ...]:
    out: list[int] = []
    for r in reps:
        offset = len(out)
        out.extend(offset + i for i in _permutation_of(r, g))
    return tuple(out)


def _direct_sum_matrix(reps: tuple[Representation, ...], dim: int, g: Any) -> ExactMatrix:
    rows: list[tuple[Cyclotomic, ...]] = []
    offset = 0
    for r in reps:
        m = r._exact(g)
        for row in m:
            rows.append((_ZERO,) * offset + row + (_ZERO,) * (dim - offset - r.dim))
        offset += r.dim
    return tuple(rows)


def tensor_product(a: Representation, b: Representation) -> Representation:
    """The tensor product :math:`\\rho_a \\otimes \\rho_b` (Kronecker products).

    Its character is the product of the characters.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import irreps, tensor_product
    >>> rho = irreps(grouprep.dihedral(5))[-1]
    >>> t = tensor_product(rho, rho)
    >>> t.dim, t.character((1, 0)) == rho.character((1, 0)) ** 2
    (4, True)
    """
    _check_rep(a, "a", "tensor_product")
    _check_rep(b, "b", "tensor_product")
    if a.group != b.group:
        raise GroupRepValueError("tensor_product: both representations must be of the same group")
    G = a.group
    dim = a.dim * b.dim
    check_dim(dim, "tensor_product", f"arguments 'a' and 'b' of dimensions {a.dim} and {b.dim}")
    if a._perm is not None and b._perm is not None:
        # (P_a (x) P_b) e_(i db + j) = e_(p_a(i) db + p_b(j)): a permutation representation
        perm = functools.partial(_tensor_permutation, a, b)
        return Representation._from_permutations(G, perm, dim, "tensor product")
    closed = functools.partial(_tensor_matrix, a, b)
    return Representation.from_closed_form(G, closed, dim, "tensor product")


def _tensor_permutation(a: Representation, b: Representation, g: Any) -> tuple[int, ...]:
    pa, pb = _permutation_of(a, g), _permutation_of(b, g)
    db = b.dim
    return tuple(i * db + j for i in pa for j in pb)


def _tensor_matrix(a: Representation, b: Representation, g: Any) -> ExactMatrix:
    ma, mb = a._exact(g), b._exact(g)
    return tuple(tuple(x * y for x in ra for y in rb) for ra in ma for rb in mb)


def _direct_sum_character(reps: tuple[Representation, ...], dim: int, g: Any) -> Cyclotomic:
    total = _ZERO
    for r in reps:
        total = total + r.character(g)
    return total


def _tensor_character(a: Representation, b: Representation, g: Any) -> Cyclotomic:
    return a.character(g) * b.character(g)


def _dual_character(rep: Representation, g: Any) -> Cyclotomic:
    return rep.character(g).conjugate()


def _restricted_character(rep: Representation, h: Any) -> Cyclotomic:
    return rep.character(h)


def dual(rep: Representation) -> Representation:
    """The dual (contragredient) representation :math:`\\rho^*(g) = \\rho(g^{-1})^{T}`.

    Its character is the complex conjugate of the character.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import dual, irreps
    >>> chi = irreps(grouprep.cyclic(3))[1]
    >>> dual(chi).character(1) == chi.character(1).conjugate()
    True
    """
    _check_rep(rep, "rep", "dual")
    closed = functools.partial(_dual_matrix, rep)
    return Representation.from_closed_form(rep.group, closed, rep.dim, "dual")


def _dual_matrix(rep: Representation, g: Any) -> ExactMatrix:
    m = rep._exact(rep.group._inverse(g))
    return tuple(zip(*m, strict=True)) if m else ()


def restrict(rep: Representation, subgroup: FiniteGroup[Any]) -> Representation:
    """The restriction of a representation to a subgroup H: :math:`\\rho|_H(h) = \\rho(h)`.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import irreps, restrict
    >>> D4 = grouprep.dihedral(4)
    >>> rotations = D4.subgroup([(1, 0)])
    >>> restrict(irreps(D4)[-1], rotations).is_irreducible()  # splits on the rotations
    False
    """
    _check_rep(rep, "rep", "restrict")
    if not isinstance(subgroup, FiniteGroup) or not subgroup.is_subgroup_of(rep.group):
        raise GroupRepValueError(
            f"restrict: argument 'subgroup' must be a subgroup of {rep.group!r}, "
            f"got {describe(subgroup)}"
        )
    closed = functools.partial(_restricted_matrix, rep)
    return Representation.from_closed_form(subgroup, closed, rep.dim, "restriction")


def _restricted_matrix(rep: Representation, h: Any) -> ExactMatrix:
    return rep._exact(h)


CHARACTER_RULES[_direct_sum_matrix] = _direct_sum_character
CHARACTER_RULES[_tensor_matrix] = _tensor_character
CHARACTER_RULES[_dual_matrix] = _dual_character
CHARACTER_RULES[_restricted_matrix] = _restricted_character
