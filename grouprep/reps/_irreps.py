"""Irreducible representations in closed form (private)."""

from __future__ import annotations

import functools
import itertools
import math
from typing import Any

from grouprep._validation import describe
from grouprep.errors import GroupRepTypeError, SizeLimitError
from grouprep.groups import (
    CyclicGroup,
    DihedralGroup,
    DirectProduct,
    FiniteGroup,
    PermutationGroup,
    symmetric,
)
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.numbers._cyclotomic import check_field_order
from grouprep.reps._recognise import recognised, transported_irreps
from grouprep.reps._representation import CHARACTER_RULES, ExactMatrix, Representation

__all__ = ["irreps"]


_ZERO = Cyclotomic(0)
_ONE = Cyclotomic(1)
_MINUS = Cyclotomic(-1)


def _cyclic_character(n: int, k: int, g: int) -> ExactMatrix:
    return ((root_of_unity(n, k * g),),)


def _cyclic_irreps(G: CyclicGroup) -> list[Representation]:
    n = G.n
    return [
        Representation.from_closed_form(
            G, functools.partial(_cyclic_character, n, k), 1, f"chi_{k}"
        )
        for k in range(n)
    ]


def _dihedral_linear(kind: str, g: tuple[int, int]) -> ExactMatrix:
    """The 1-dimensional characters of a dihedral group: -1 where the parity says so."""
    r, s = g
    odd = {"trivial": 0, "sign": s, "rotation parity": r, "product": r + s}[kind]
    return ((_MINUS if odd % 2 else _ONE,),)


def _dihedral_rho(n: int, j: int, g: tuple[int, int]) -> ExactMatrix:
    # rho_j(r, s) = diag(z^{jr}, z^{-jr}) S^s with S the swap: S D(r) S = D(-r)
    r, s = g
    a, b = root_of_unity(n, j * r), root_of_unity(n, -j * r)
    if s:
        return ((_ZERO, a), (b, _ZERO))
    return ((a, _ZERO), (_ZERO, b))


def _dihedral_irreps(G: DihedralGroup) -> list[Representation]:
    n = G.n
    kinds = ["trivial", "sign"] + (["rotation parity", "product"] if n % 2 == 0 else [])
    reps = [
        Representation.from_closed_form(G, functools.partial(_dihedral_linear, kind), 1, kind)
        for kind in kinds
    ]
    for j in range(1, (n - 1) // 2 + 1):
        closed = functools.partial(_dihedral_rho, n, j)
        reps.append(Representation.from_closed_form(G, closed, 2, f"rho_{j}"))
    return reps


def _kron(a: ExactMatrix, b: ExactMatrix) -> ExactMatrix:
    return tuple(tuple(x * y for x in ra for y in rb) for ra in a for rb in b)


def _product_matrix(combo: tuple[Representation, ...], g: tuple[Any, ...]) -> ExactMatrix:
    m: ExactMatrix = ((_ONE,),)
    for r, x in zip(combo, g, strict=True):
        m = _kron(m, r._exact(x))
    return m


def _product_character(combo: tuple[Representation, ...], g: tuple[Any, ...]) -> Cyclotomic:
    value = _ONE
    for r, x in zip(combo, g, strict=True):
        value = value * r.character(x)
    return value


CHARACTER_RULES[_product_matrix] = _product_character


def _product_irreps(G: DirectProduct) -> list[Representation]:
    per_factor = [irreps(f) for f in G.factors]
    reps = []
    for combo in itertools.product(*per_factor):
        dim = 1
        for r in combo:
            dim *= r.dim
        name = " x ".join(r.name or "?" for r in combo)
        closed = functools.partial(_product_matrix, combo)
        reps.append(Representation.from_closed_form(G, closed, dim, name))
    return reps


_MAX_IRREPS = 100_000


def _field_and_count(group: FiniteGroup[Any]) -> tuple[int, int] | None:
    """(N, k): the irreps have entries in Q(zeta_N) and there are k of them; None if the
    group has no closed-form irreps."""
    if isinstance(group, CyclicGroup):
        return group.n, group.n
    if isinstance(group, DihedralGroup):
        n = group.n
        return n, (4 if n % 2 == 0 else 2) + (n - 1) // 2
    if isinstance(group, DirectProduct):
        parts = [_field_and_count(f) for f in group.factors]
        if any(p is None for p in parts):
            return None
        known = [p for p in parts if p is not None]
        return math.lcm(*(p[0] for p in known)), math.prod(p[1] for p in known)
    return None


_MAX_SYMMETRIC_ENTRIES = 10**6


def _check_size(group: FiniteGroup[Any]) -> None:
    """Refuse, before building any, irreps needing too large a field or too many of them,
    or (for S_n) too many exact entries: the squared degrees add up to n!."""
    if (
        isinstance(group, PermutationGroup)
        and group.order > _MAX_SYMMETRIC_ENTRIES
        and group == symmetric(group.degree)
    ):
        raise SizeLimitError(
            f"irreps: argument 'group' {group!r} of order {group.order}: its irreps would hold "
            f"{group.order} exact entries per generator (the sum of the squared degrees), "
            f"beyond the limit {_MAX_SYMMETRIC_ENTRIES}"
        )
    found = _field_and_count(group)
    if found is None:
        return
    field, count = found
    check_field_order(field, "irreps", f"argument 'group' {group!r}")
    if count > _MAX_IRREPS:
        raise SizeLimitError(
            f"irreps: argument 'group' {group!r} has {count} irreducible representations, "
            f"beyond the limit {_MAX_IRREPS}"
        )


def _is_trivial(rho: Representation) -> bool:
    return rho.dim == 1 and all(m[0][0] == 1 for m in rho._images())


def _table_order(found: list[Representation]) -> tuple[Representation, ...]:
    """The order of :func:`character_table`'s rows: the trivial representation first, then
    by degree, stably. Every construction lists its irreps in the order of the rows it
    gives the table before that sort (the same partitions, the same Kronecker order), so
    the same stable sort puts them in the table's order."""
    trivial = [r for r in found if _is_trivial(r)]
    others = [r for r in found if not _is_trivial(r)]
    others.sort(key=lambda r: r.dim)
    return tuple(trivial + others)


def irreps(group: FiniteGroup[Any]) -> tuple[Representation, ...]:
    """All irreducible representations of a group, up to isomorphism, with exact matrices.

    One per row of :func:`character_table` and in the order of its rows (the trivial one
    first, then by degree): ``irreps(G)[i].character_values() ==
    character_table(G).characters[i]``.

    * ``cyclic(n)``: the Fourier modes :math:`\\chi_k(g) = \\zeta_n^{kg}`, k = 0 .. n-1
      (``irreps(G)[k]``);
    * ``dihedral(n)``: the trivial and sign characters (and, for even n, the two
      characters :math:`(-1)^r` and :math:`(-1)^{r+s}`), then for j = 1 .. (n-1)//2 the
      2-dimensional :math:`\\rho_j(r, s) = \\operatorname{diag}(\\zeta_n^{jr},
      \\zeta_n^{-jr})\\, S^s` with S the swap;
    * ``symmetric(n)`` (or any permutation group equal to it): Young's seminormal form,
      one representation per partition of n on the standard Young tableaux of that
      shape, with rational matrices (among equal degrees, partitions with the largest
      parts first);
    * direct products (so also ``abelian(...)``) of such groups: the tensor products of
      the factors' irreps;
    * any other group that is abelian or dihedral (a permutation group by generators, a
      subgroup), recognised by an isomorphism :math:`\\psi` onto ``cyclic(n)``,
      ``abelian(n_1, ..., n_r)`` or ``dihedral(m)`` (see :func:`character_table`): the
      family's irreps composed with it, :math:`\\rho(g) = \\rho_F(\\psi(g))`;
    * every other finite group (alternating groups, :math:`SL(2, q)`, Mathieu groups,
      any permutation group by generators): induction and exact projection. For each
      irreducible character :math:`\\chi` a subgroup H and an irrep :math:`\\psi` of H
      with :math:`\\langle \\chi, \\operatorname{Ind}_H^G \\psi \\rangle = 1`
      (Frobenius reciprocity) are chosen: the kernel of a linear character of prime
      order (then every restriction is multiplicity free, Clifford), else a cyclic
      subgroup with a linear character or a point stabilizer. The image of
      :math:`P_\\chi = \\frac{\\chi(1)}{|G|}\\sum_g \\overline{\\chi(g)}
      \\operatorname{Ind}\\psi(g)` is then irreducible with character :math:`\\chi`; one
      of its vectors is spun under the generators, and the generators' matrices in the
      spun basis are solved exactly (Dixon 1993). The spin is first run modulo a prime
      :math:`p \\equiv 1 \\pmod N` that splits the field, to choose the basis and an
      invertible minor, so that the exact work is one linear solve. The matrices have
      entries in the cyclotomic field of the character values and of the subgroups'
      irreps.

    Raises
    ------
    SizeLimitError
        If the irreps would need a cyclotomic field beyond
        :data:`grouprep.numbers.MAX_FIELD_ORDER`, number more than 100,000, or (for a
        permutation group, of order above 10^6) hold more than 10^6 exact entries per
        generator (before any is built); for the induction, a group of order above
        10^5 or an induced representation of dimension above 2000.
    GroupRepValueError
        If no subgroup with a multiplicity-one induced representation is found among the
        kernels of linear characters, the cyclic subgroups and the point stabilizers (the
        message names the character's degree).

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import irreps
    >>> [rho.matrix(1)[0, 0] for rho in irreps(grouprep.cyclic(4))]
    [1, I, -1, -I]
    >>> [rho.dim for rho in irreps(grouprep.dihedral(5))]
    [1, 1, 2, 2]
    >>> A5 = grouprep.alternating(5)
    >>> [rho.dim for rho in irreps(A5)]
    [1, 3, 3, 4, 5]
    >>> table = grouprep.character_table(A5)
    >>> [rho.character_values() for rho in irreps(A5)] == list(table.characters)
    True
    """
    if not isinstance(group, FiniteGroup):
        raise GroupRepTypeError(
            f"irreps: argument 'group' must be a grouprep FiniteGroup, got {describe(group)}"
        )
    # kept in the group's private cache: the representations refer to their group, so a
    # table keyed by the group would keep every group alive for ever
    cache = group._cache
    target = group._canonical()  # an equal group of a family (a subgroup that is all of it)
    if target is not group and "irreps" not in cache:
        cache["irreps"] = irreps(target)
    if "irreps" not in cache:
        _check_size(group)
        if isinstance(group, CyclicGroup):
            found = _cyclic_irreps(group)
        elif isinstance(group, DihedralGroup):
            found = _dihedral_irreps(group)
        elif isinstance(group, DirectProduct):
            found = _product_irreps(group)
        elif isinstance(group, PermutationGroup) and group == symmetric(group.degree):
            from grouprep.reps._symmetric import symmetric_irreps

            found = symmetric_irreps(group, group.degree)
        elif group.is_abelian and group.order > _MAX_IRREPS:
            raise SizeLimitError(
                f"irreps: argument 'group' {group!r} is abelian of order {group.order}: it has "
                f"{group.order} irreducible representations, beyond the limit {_MAX_IRREPS}"
            )
        elif (recognition := recognised(group)) is not None:
            family, psi = recognition
            _check_size(family)  # the field and the number of irreps, before building any
            found = transported_irreps(group, family, psi)
        else:
            from grouprep.reps._general import general_irreps

            found = general_irreps(group)
        cache["irreps"] = _table_order(found)
    return cache["irreps"]  # type: ignore[no-any-return]
