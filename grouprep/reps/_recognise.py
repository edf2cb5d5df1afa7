"""Groups given by generators that are cyclic or dihedral get the closed forms (private).

A group of another construction (a permutation group, a subgroup) that is isomorphic to
:math:`\\mathbb{Z}_n` or :math:`D_m` is recognised by an explicit isomorphism, and the
closed-form character table and irreps of the family are carried over along it: the
classes, class representatives and matrices stay those of the group the user gave.
(A permutation group of order n! on n points is all of :math:`S_n` and needs no
isomorphism: it lists the cycle types as classes, see ``PermutationGroup``.)
"""

from __future__ import annotations

import functools
import math
from typing import Any

from grouprep.groups import (
    CyclicGroup,
    DihedralGroup,
    DirectProduct,
    FiniteGroup,
    cyclic,
    dihedral,
)

__all__ = ["recognised", "transported_rows"]

MAX_RECOGNITION_ORDER = 10**6
"""The largest group searched for an isomorphism (the search lists the group)."""


def _prime_powers(n: int) -> list[int]:
    """The prime-power factors :math:`p^e \\| n`."""
    out, p = [], 2
    while p * p <= n:
        if n % p == 0:
            q = 1
            while n % p == 0:
                n //= p
                q *= p
            out.append(q)
        p += 1
    if n > 1:
        out.append(n)
    return out


def _element_of_exponent_order(group: FiniteGroup[Any]) -> tuple[Any, int]:
    """An element of an abelian group whose order is the exponent, built from the
    generators: for commuting a, b of orders m, n and a coprime split
    :math:`\\operatorname{lcm}(m, n) = m_1 n_1` with :math:`m_1 | m`, :math:`n_1 | n`, the
    element :math:`a^{m/m_1} b^{n/n_1}` has order :math:`m_1 n_1`."""
    g, m = group.identity, 1
    for s in group.generators:
        n = group._element_order(s)
        m1 = n1 = 1
        for q in _prime_powers(math.lcm(m, n)):
            if m % q == 0:
                m1 *= q
            else:
                n1 *= q
        g = group._compose(group.power(g, m // m1), group.power(s, n // n1))
        m = m1 * n1
    return g, m


def _as_cyclic(group: FiniteGroup[Any]) -> tuple[FiniteGroup[Any], dict[Any, Any]] | None:
    """``(cyclic(n), {g^k: k})`` when the abelian group is cyclic, g its generator of
    least index (so equal groups, however generated, get the same isomorphism; a
    fraction :math:`\\varphi(n)/n` of the elements generate, so the scan stops early)."""
    _, m = _element_of_exponent_order(group)
    if m != group.order:
        return None
    g = next(x for x in group if group._element_order(x) == m)
    psi, h = {}, group.identity
    for k in range(m):
        psi[h] = k
        h = group._compose(g, h)
    return cyclic(m), psi


def _as_dihedral(group: FiniteGroup[Any]) -> tuple[FiniteGroup[Any], dict[Any, Any]] | None:
    """``(dihedral(m), {r^a s^b: (a, b)})`` when the group of order 2m (m >= 3) has an
    element r of order m and an involution s outside :math:`\\langle r \\rangle` with
    :math:`s r s^{-1} = r^{-1}`; these relations and the order make the map an
    isomorphism (:math:`D_m = \\langle r, s \\mid r^m = s^2 = e, srs^{-1} = r^{-1}\\rangle`).
    In :math:`D_m` (m >= 3) every element of order m is a rotation and every element
    outside the rotations is such an involution, so the first choices found suffice."""
    m = group.order // 2
    if group.order % 2 or m < 3:
        return None
    elements = group.elements()
    r = next((g for g in elements if group._element_order(g) == m), None)
    if r is None:
        return None
    rotations, h = [], group.identity
    for _ in range(m):
        rotations.append(h)
        h = group._compose(r, h)
    inside = set(rotations)
    s = next(g for g in elements if g not in inside)
    e = group.identity
    if group._compose(s, s) != e:
        return None
    if group._compose(group._compose(s, r), s) != group._inverse(r):  # s = s^-1
        return None
    psi: dict[Any, Any] = {}
    for a, ra in enumerate(rotations):
        psi[ra] = (a, 0)
        psi[group._compose(ra, s)] = (a, 1)  # (a, 1) = r^a s in dihedral(m)
    return dihedral(m), psi


def recognised(group: FiniteGroup[Any]) -> tuple[FiniteGroup[Any], dict[Any, Any]] | None:
    """``(F, psi)`` with F = ``cyclic(n)`` or ``dihedral(m)`` and ``psi`` an isomorphism
    from the group onto F (a dict from each element to its image), or None.

    Groups of the families themselves, direct products (which use their factors'
    tables), groups with an equal group of a family, and groups above
    :data:`MAX_RECOGNITION_ORDER` are not searched. The answer is cached on the group.
    """
    if isinstance(group, CyclicGroup | DihedralGroup | DirectProduct):
        return None
    if group._canonical() is not group or group.order > MAX_RECOGNITION_ORDER:
        return None
    if "recognised" not in group._cache:
        found = _as_cyclic(group) if group.is_abelian else _as_dihedral(group)
        group._cache["recognised"] = found
    return group._cache["recognised"]  # type: ignore[no-any-return]


def transported_rows(
    group: FiniteGroup[Any],
    family: FiniteGroup[Any],
    psi: dict[Any, Any],
    rows: tuple[tuple[Any, ...], ...],
) -> list[tuple[Any, ...]]:
    """The rows of the family's table on the group's own classes:
    :math:`\\chi(C) = \\chi_F(\\psi(g_C))`, a class of the group going to the class of F
    holding the image of its representative (an isomorphism maps classes onto classes)."""
    where = [family._class_index(psi[c.representative]) for c in group.conjugacy_classes()]
    return [tuple(row[j] for j in where) for row in rows]


def transported_matrix(rep: Any, psi: dict[Any, Any], g: Any) -> Any:
    """:math:`\\rho(\\psi(g))`: a representation of the family read on the group."""
    return rep._exact(psi[g])


def transported_irreps(
    group: FiniteGroup[Any], family: FiniteGroup[Any], psi: dict[Any, Any]
) -> list[Any]:
    """The family's irreps composed with the isomorphism, as representations of the group."""
    from grouprep.reps._irreps import irreps
    from grouprep.reps._representation import Representation

    return [
        Representation.from_closed_form(
            group, functools.partial(transported_matrix, rho, psi), rho.dim, rho.name
        )
        for rho in irreps(family)
    ]
