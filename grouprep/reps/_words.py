"""Matrices of group elements from the images of the generators (private).

A representation given by the images :math:`\\rho(s)` of the generators determines
:math:`\\rho(g) = \\rho(x_1) \\cdots \\rho(x_k)` for any expression
:math:`g = x_1 \\cdots x_k` in the generators and their inverses. Two such expressions:

* **a shortest word**, from a breadth-first spanning tree of the Cayley graph. The tree
  holds one entry per element, so it serves groups of order up to :data:`TREE_LIMIT`.
* **a stabilizer chain** of the natural permutation action (any order). sympy's
  Schreier-Sims (``schreier_sims_incremental(slp_dict=True)``) gives a base
  :math:`b_1, \\dots, b_m` and strong generators, each with a straight-line program: a
  product of earlier strong generators and their inverses, the first ones being the
  generators themselves. The Schreier tree of each basic orbit
  :math:`\\Delta_i = b_i^{G^{(i)}}` gives coset representatives :math:`u_\\delta`
  (:math:`u_\\delta(b_i) = \\delta`) as products of strong generators, and sifting
  writes :math:`g = u_{\\delta_1} \\cdots u_{\\delta_m}` with
  :math:`\\delta_i = h_i(b_i)`, :math:`h_1 = g`,
  :math:`h_{i+1} = u_{\\delta_i}^{-1} h_i`. So
  :math:`\\rho(g) = R_1(\\delta_1) \\cdots R_m(\\delta_m)` with the
  :math:`\\sum_i |\\Delta_i|` matrices :math:`R_i(\\delta) = \\rho(u_\\delta)`, computed
  once per representation: m matrix products per element, where the tree needs a word
  of the length of g. It needs the natural action to be faithful (every family but
  ``dihedral(1)`` and ``dihedral(2)``, which are small).

The matrices live in an :class:`Algebra`: exact cyclotomic matrices, or residues modulo a
prime (``grouprep.reps._modular``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from grouprep.errors import SizeLimitError
from grouprep.groups._chain import check_chain_size, compose_perm, invert_perm, orbit_size
from grouprep.groups._permutation import cycle_type

__all__ = ["TREE_LIMIT", "Algebra", "element_matrix", "word"]

M = TypeVar("M")
Perm = tuple[int, ...]

TREE_LIMIT = 1 << 16
"""Groups of at most this order get shortest words from a spanning tree of the Cayley
graph; larger ones the stabilizer chain (no limit on the order)."""

MAX_CHAIN_DEGREE = 1 << 12
"""The largest degree of a natural action whose stabilizer chain is built (its
transversals are further bounded by ``MAX_CHAIN_ENTRIES`` of ``grouprep.groups._chain``);
checked before Schreier-Sims runs. Larger groups that can be listed use the word tree."""

MAX_TRANSVERSAL_ENTRIES = 1 << 25
"""The most matrix entries (sum of the basic orbit sizes times d^2) the coset
representatives of one representation may hold."""


class Algebra(Generic[M]):
    """Matrices with a product, an identity, the matrices of the generators, and a key
    under which a representation caches what is built from them."""

    def __init__(self, key: Any, one: M, mul: Callable[[M, M], M], generators: list[M]) -> None:
        self.key = key
        self.one = one
        self.mul = mul
        self.generators = generators

    def power(self, a: M, e: int) -> M:
        """:math:`a^e` by repeated squaring."""
        out, base = self.one, a
        while e:
            if e & 1:
                out = self.mul(out, base)
            base = self.mul(base, base)
            e >>= 1
        return out


# ------------------------------------------------------------------ words (small groups)
def _word_tree(group: Any) -> dict[Any, tuple[int, Any]]:
    """``g -> (i, h)`` with ``g = generators[i] * h`` along a breadth-first search from
    the identity (mapped to ``(-1, None)``); cached on the group."""
    tree: dict[Any, tuple[int, Any]] | None = group._cache.get("word_tree")
    if tree is None:
        tree = {group.identity: (-1, None)}
        frontier = [group.identity]
        generators = group.generators
        while frontier:
            nxt = []
            for h in frontier:
                for i, s in enumerate(generators):
                    sh = group._compose(s, h)
                    if sh not in tree:
                        tree[sh] = (i, h)
                        nxt.append(sh)
            frontier = nxt
        group._cache["word_tree"] = tree
    return tree


def word(group: Any, g: Any) -> list[int]:
    """Indices ``i_1, ..., i_k`` into ``group.generators`` with
    :math:`g = s_{i_1} s_{i_2} \\cdots s_{i_k}`, a shortest such word (the tree lists the
    group: refused beyond the enumeration limit)."""
    from grouprep.groups._base import check_listing

    check_listing(group.order, f"the words in the generators of {group!r}", "word")
    tree = _word_tree(group)
    out = []
    i, h = tree[g]
    while i >= 0:
        out.append(i)
        i, h = tree[h]
    return out


# ------------------------------------------------------------------ the stabilizer chain
class _Chain:
    """Base, strong generators with straight-line programs, and Schreier trees."""

    def __init__(self, group: Any) -> None:
        from sympy.combinatorics import Permutation as SymPerm
        from sympy.combinatorics import PermutationGroup as SymGroup

        n = group.degree
        where = f"the stabilizer chain of {group!r}"
        if n > MAX_CHAIN_DEGREE:
            raise SizeLimitError(
                f"{where}: the natural action has degree {n}, beyond the {MAX_CHAIN_DEGREE} "
                "points a chain of words is built on"
            )
        gens = [tuple(group._as_permutation(s)) for s in group.generators]
        ident = tuple(range(n))
        moving = [p for p in gens if p != ident]
        first: dict[Perm, int] = {}
        for i, p in enumerate(gens):
            first.setdefault(p, i)
        if not moving:
            base: list[int] = []
            strong: list[Perm] = []
            slps: dict[Perm, list[Perm]] = {}
        else:
            sym = SymGroup([SymPerm(list(p), size=n) for p in moving])
            base, sym_strong, sym_slps = sym.schreier_sims_incremental(slp_dict=True)
            strong = [tuple(int(v) for v in s.array_form) for s in sym_strong]
            slps = {
                tuple(int(v) for v in k.array_form): [
                    tuple(int(v) for v in x.array_form) for x in entries
                ]
                for k, entries in sym_slps.items()
            }
        index = {p: k for k, p in enumerate(strong)}
        # program[k]: the generator's index, or the (strong index, inverse?) factors
        # x_1, ..., x_m with s_k = x_1 x_2 ... x_m (x_m applied first; sympy's product
        # x_m * ... * x_1), checked on the permutations below
        self.programs: list[int | list[tuple[int, bool]]] = []
        for k, s in enumerate(strong):
            entries = slps.get(s, [s])
            if entries == [s]:
                if s not in first:  # pragma: no cover - sympy's contract
                    raise RuntimeError(f"strong generator {s} has no program")
                self.programs.append(first[s])
                continue
            factors = []
            acc = ident
            for x in entries:
                j, inverse = index.get(x), False
                if j is None or j >= k:
                    j, inverse = index.get(invert_perm(x)), True
                if j is None or j >= k:  # pragma: no cover - sympy's contract
                    raise RuntimeError(f"strong generator {s}: factor {x} is not earlier")
                factors.append((j, inverse))
                acc = compose_perm(acc, x)
            if acc != s:  # pragma: no cover - sympy's contract
                raise RuntimeError(f"strong generator {s}: its program gives {acc}")
            self.programs.append(factors)
        self.orders = [math.lcm(*cycle_type(s)) for s in strong]
        self.base = tuple(int(b) for b in base)
        # Schreier trees: level i maps delta -> (k, parent) with u_delta = s_k u_parent
        levels = [
            [k for k, s in enumerate(strong) if all(s[c] == c for c in self.base[:i])]
            for i in range(len(self.base))
        ]
        total = sum(
            orbit_size(b, [strong[k] for k in level])
            for b, level in zip(self.base, levels, strict=True)
        )
        check_chain_size(n, total, where)
        self.trees: list[dict[int, tuple[int, int]]] = []
        self.inverses: list[dict[int, Perm]] = []  # u_delta^-1 as permutations
        for b, level in zip(self.base, levels, strict=True):
            tree: dict[int, tuple[int, int]] = {b: (-1, b)}
            perms: dict[int, Perm] = {b: ident}
            frontier = [b]
            while frontier:
                nxt = []
                for delta in frontier:
                    for k in level:
                        image = strong[k][delta]
                        if image not in tree:
                            tree[image] = (k, delta)
                            perms[image] = compose_perm(strong[k], perms[delta])
                            nxt.append(image)
                frontier = nxt
            self.trees.append(tree)
            self.inverses.append({d: invert_perm(u) for d, u in perms.items()})
        self.order = math.prod(len(t) for t in self.trees)

    def sift(self, p: Perm) -> list[int]:
        """The points :math:`\\delta_i` with :math:`p = u_{\\delta_1} \\cdots u_{\\delta_m}`."""
        out = []
        for b, inverses in zip(self.base, self.inverses, strict=True):
            delta = p[b]
            out.append(delta)
            p = compose_perm(inverses[delta], p)
        if any(v != i for i, v in enumerate(p)):  # pragma: no cover - p is in the group
            raise RuntimeError("sift: the permutation is not in the group")
        return out


def _chain(group: Any) -> _Chain | SizeLimitError | None:
    """The chain of the natural action, cached on the group; None if the action is not
    faithful, the SizeLimitError if the chain is too large to build (also cached)."""
    if "word_chain" not in group._cache:
        chain: _Chain | SizeLimitError | None
        try:
            chain = _Chain(group)
        except SizeLimitError as exc:
            chain = exc
        if isinstance(chain, _Chain) and chain.order != group.order:  # not faithful
            chain = None
        group._cache["word_chain"] = chain
    return group._cache["word_chain"]  # type: ignore[no-any-return]


def _transversals(rep: Any, chain: _Chain, algebra: Algebra[M]) -> list[dict[int, M]]:
    """:math:`R_i(\\delta) = \\rho(u_\\delta)` for every level, cached on ``rep``."""
    cache = rep._cache.setdefault("chain_transversals", {})
    if algebra.key not in cache:
        total = sum(len(tree) for tree in chain.trees)
        if total * rep.dim**2 > MAX_TRANSVERSAL_ENTRIES:
            raise SizeLimitError(
                f"the coset representatives of {rep!r} along the stabilizer chain would be "
                f"{total} matrices of dimension {rep.dim} ({total * rep.dim**2} entries), "
                f"beyond the limit {MAX_TRANSVERSAL_ENTRIES}"
            )
        strong: list[M] = []
        for program in chain.programs:
            if isinstance(program, int):
                strong.append(algebra.generators[program])
                continue
            acc = algebra.one
            for j, inverse in program:
                x = algebra.power(strong[j], chain.orders[j] - 1) if inverse else strong[j]
                acc = algebra.mul(acc, x)
            strong.append(acc)
        levels: list[dict[int, M]] = []
        for tree in chain.trees:
            mats: dict[int, M] = {}
            for delta, (k, parent) in tree.items():  # parents come first (BFS order)
                mats[delta] = algebra.one if k < 0 else algebra.mul(strong[k], mats[parent])
            levels.append(mats)
        cache[algebra.key] = levels
    return cache[algebra.key]  # type: ignore[no-any-return]


def element_matrix(rep: Any, g: Any, algebra: Algebra[M]) -> M:
    """:math:`\\rho(g)` in ``algebra``: along a shortest word in small groups, along the
    stabilizer chain in large ones."""
    from grouprep.groups._base import _MAX_ENUMERATION

    G = rep.group
    chain = _chain(G) if G.order > TREE_LIMIT else None
    if isinstance(chain, SizeLimitError):
        if G.order > _MAX_ENUMERATION:
            raise chain
        chain = None  # too large a chain, but the group can be listed: the word tree
    if chain is None:
        out = algebra.one
        for i in word(G, g):
            out = algebra.mul(out, algebra.generators[i])
        return out
    levels = _transversals(rep, chain, algebra)
    out = algebra.one
    for mats, delta in zip(levels, chain.sift(tuple(G._as_permutation(g))), strict=True):
        out = algebra.mul(out, mats[delta])
    return out
