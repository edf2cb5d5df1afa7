"""Irreducible representations in closed form (private)."""

from __future__ import annotations

import itertools
import weakref
from typing import Any

from grouprep._validation import describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.groups import (
    CyclicGroup,
    DihedralGroup,
    DirectProduct,
    FiniteGroup,
    PermutationGroup,
    symmetric,
)
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.reps._representation import ExactMatrix, Representation

__all__ = ["irreps"]

_IRREPS: weakref.WeakKeyDictionary[FiniteGroup[Any], dict[str, Any]] = weakref.WeakKeyDictionary()

_ZERO = Cyclotomic(0)
_ONE = Cyclotomic(1)


def _cyclic_irreps(G: CyclicGroup) -> list[Representation]:
    n = G.n
    reps = []
    for k in range(n):

        def closed(g: int, k: int = k) -> ExactMatrix:
            return ((root_of_unity(n, k * g),),)

        reps.append(Representation.from_closed_form(G, closed, 1, f"chi_{k}"))
    return reps


def _dihedral_irreps(G: DihedralGroup) -> list[Representation]:
    n = G.n
    minus = Cyclotomic(-1)
    one_dim: list[tuple[str, Any]] = [
        ("trivial", lambda r, s: _ONE),
        ("sign", lambda r, s: minus if s else _ONE),
    ]
    if n % 2 == 0:
        one_dim += [
            ("rotation parity", lambda r, s: minus if r % 2 else _ONE),
            ("product", lambda r, s: minus if (r + s) % 2 else _ONE),
        ]
    reps = []
    for name, f in one_dim:

        def closed1(g: tuple[int, int], f: Any = f) -> ExactMatrix:
            return ((f(*g),),)

        reps.append(Representation.from_closed_form(G, closed1, 1, name))
    for j in range(1, (n - 1) // 2 + 1):
        # rho_j(r, s) = diag(z^{jr}, z^{-jr}) S^s with S the swap: S D(r) S = D(-r)

        def closed2(g: tuple[int, int], j: int = j) -> ExactMatrix:
            r, s = g
            a, b = root_of_unity(n, j * r), root_of_unity(n, -j * r)
            if s:
                return ((_ZERO, a), (b, _ZERO))
            return ((a, _ZERO), (_ZERO, b))

        reps.append(Representation.from_closed_form(G, closed2, 2, f"rho_{j}"))
    return reps


def _kron(a: ExactMatrix, b: ExactMatrix) -> ExactMatrix:
    return tuple(tuple(x * y for x in ra for y in rb) for ra in a for rb in b)


def _product_irreps(G: DirectProduct) -> list[Representation]:
    per_factor = [irreps(f) for f in G.factors]
    reps = []
    for combo in itertools.product(*per_factor):
        dim = 1
        for r in combo:
            dim *= r.dim

        def closed(g: tuple[Any, ...], combo: tuple[Representation, ...] = combo) -> ExactMatrix:
            m: ExactMatrix = ((_ONE,),)
            for r, x in zip(combo, g, strict=True):
                m = _kron(m, r._exact(x))
            return m

        name = " x ".join(r.name or "?" for r in combo)
        reps.append(Representation.from_closed_form(G, closed, dim, name))
    return reps


def irreps(group: FiniteGroup[Any]) -> tuple[Representation, ...]:
    """All irreducible representations of a group, up to isomorphism, with exact matrices.

    * ``cyclic(n)``: the Fourier modes :math:`\\chi_k(g) = \\zeta_n^{kg}`, k = 0 .. n-1
      (``irreps(G)[k]``);
    * ``dihedral(n)``: the trivial and sign characters (and, for even n, the two
      characters :math:`(-1)^r` and :math:`(-1)^{r+s}`), then for j = 1 .. (n-1)//2 the
      2-dimensional :math:`\\rho_j(r, s) = \\operatorname{diag}(\\zeta_n^{jr},
      \\zeta_n^{-jr})\\, S^s` with S the swap;
    * ``symmetric(n)`` (or any permutation group equal to it): Young's seminormal form,
      one representation per partition of n (largest parts first) on the standard Young
      tableaux of that shape, with rational matrices;
    * direct products (so also ``abelian(...)``) of such groups: the tensor products of
      the factors' irreps, first factor varying slowest.

    Raises
    ------
    GroupRepValueError
        For groups outside these families (alternating and general permutation groups
        have exact character tables, see :func:`character_table`, but no explicit irreps
        yet).

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import irreps
    >>> [rho.matrix(1)[0, 0] for rho in irreps(grouprep.cyclic(4))]
    [1, I, -1, -I]
    >>> [rho.dim for rho in irreps(grouprep.dihedral(5))]
    [1, 1, 2, 2]
    """
    if not isinstance(group, FiniteGroup):
        raise GroupRepTypeError(
            f"irreps: argument 'group' must be a grouprep FiniteGroup, got {describe(group)}"
        )
    cache = _IRREPS.setdefault(group, {})
    if "irreps" not in cache:
        if isinstance(group, CyclicGroup):
            found = _cyclic_irreps(group)
        elif isinstance(group, DihedralGroup):
            found = _dihedral_irreps(group)
        elif isinstance(group, DirectProduct):
            found = _product_irreps(group)
        elif isinstance(group, PermutationGroup) and group == symmetric(group.degree):
            from grouprep.reps._symmetric import symmetric_irreps

            found = symmetric_irreps(group, group.degree)
        else:
            raise GroupRepValueError(
                "irreps: explicit irreducible representations are available for cyclic, "
                f"dihedral and symmetric groups and direct products of them, got {group!r}"
            )
        cache["irreps"] = tuple(found)
    return cache["irreps"]  # type: ignore[no-any-return]
