"""Irreducible representations of the symmetric groups: Young's seminormal form (private)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from grouprep.errors import GroupRepValueError
from grouprep.groups import PermutationGroup
from grouprep.groups._permutation import _partitions
from grouprep.numbers import Cyclotomic
from grouprep.reps._representation import (
    WORDS_BUDGET,
    ExactMatrix,
    Representation,
    mat_mul,
)

__all__ = ["standard_tableaux", "symmetric_irreps"]

_ZERO = Cyclotomic(0)
_ONE = Cyclotomic(1)

Tableau = tuple[tuple[int, int], ...]
"""A standard Young tableau as the (row, column) cell of each entry 0, 1, ..., n-1."""


def standard_tableaux(shape: tuple[int, ...]) -> list[Tableau]:
    """The standard Young tableaux of a shape, entries placed in increasing order."""
    n = sum(shape)
    out: list[Tableau] = []

    def rec(filled: list[int], cells: list[tuple[int, int]]) -> None:
        if len(cells) == n:
            out.append(tuple(cells))
            return
        for row, length in enumerate(shape):
            col = filled[row]
            if col < length and (row == 0 or filled[row - 1] > col):
                filled[row] += 1
                cells.append((row, col))
                rec(filled, cells)
                cells.pop()
                filled[row] -= 1

    rec([0] * len(shape), [])
    return out


def _adjacent_matrix(tableaux: list[Tableau], k: int) -> ExactMatrix:
    """Young's seminormal matrix of the transposition (k, k+1).

    With a = 1 / (c(k+1) - c(k)), c the content col - row in tableau t: if k and k+1
    share a row the matrix is +1 on e_t, if they share a column -1; otherwise, for the
    pair t and u = (k, k+1) t with k+1 in a lower row of t than k,
    e_t -> a e_t + e_u and e_u -> (1 - a^2) e_t - a e_u.
    """
    index = {t: i for i, t in enumerate(tableaux)}
    d = len(tableaux)
    rows = [[_ZERO] * d for _ in range(d)]
    for t in tableaux:
        i = index[t]
        (r1, c1), (r2, c2) = t[k], t[k + 1]
        if r1 == r2:
            rows[i][i] = _ONE
            continue
        if c1 == c2:
            rows[i][i] = -_ONE
            continue
        a = Cyclotomic(Fraction(1, (c2 - r2) - (c1 - r1)))
        u = list(t)
        u[k], u[k + 1] = u[k + 1], u[k]
        j = index[tuple(u)]
        if r2 > r1:  # t is the first of the pair
            rows[i][i] = a  # column i: image of e_t
            rows[j][i] = _ONE
        else:  # t is the second: e_t -> (1 - b^2) e_u - b e_t, b the first's coefficient
            b = -a
            rows[j][i] = _ONE - b * b
            rows[i][i] = -b
    return tuple(tuple(r) for r in rows)


def symmetric_irreps(group: PermutationGroup, n: int) -> list[Representation]:
    """One irreducible representation per partition of n (largest parts first)."""
    reps = []
    gens = group.generators
    for shape in _partitions(n):
        tableaux = standard_tableaux(shape)
        d = len(tableaux)
        adjacent = [_adjacent_matrix(tableaux, k) for k in range(n - 1)]
        _check_coxeter(adjacent, shape)
        images = []
        for g in gens:
            images.append(_word_matrix(g, adjacent, d))
        # a closed form along reduced words, so that one element costs at most its number
        # of inversions in products (the class representatives: a few), not a search
        # through the group; where |G| d^2 entries would not fit, nothing is memoized
        closed = _SeminormalForm(tuple(adjacent), d, group.order * d * d <= WORDS_BUDGET)
        reps.append(
            Representation(
                group,
                images,
                f"Specht{shape}",
                dim=d,
                check=False,  # the Coxeter relations above imply the law
                closed_form=closed,
            )
        )
    return reps


def _check_coxeter(adjacent: list[ExactMatrix], shape: tuple[int, ...]) -> None:
    """Check the Coxeter relations of :math:`S_n` on the images of the adjacent
    transpositions :math:`s_k = (k\\ k{+}1)`, exactly:

    .. math:: s_k^2 = 1, \\qquad (s_k s_{k+1})^3 = 1, \\qquad (s_j s_k)^2 = 1 \\ (|j - k| \\ge 2).

    They present :math:`S_n`, so matrices that satisfy them define a homomorphism on all
    of :math:`S_n`: this replaces checking :math:`\\rho(s g) = \\rho(s)\\rho(g)` on every
    element (n! products) by :math:`O(n^2)` products.
    """
    if not adjacent:
        return
    d = len(adjacent[0])
    # at most two nonzero entries per row: products of sparse rows, O(d) each
    sparse = [[{j: v for j, v in enumerate(row) if v} for row in m] for m in adjacent]
    identity = [{i: _ONE} for i in range(d)]

    def mul(
        a: list[dict[int, Cyclotomic]], b: list[dict[int, Cyclotomic]]
    ) -> list[dict[int, Cyclotomic]]:
        out = []
        for row in a:
            acc: dict[int, Cyclotomic] = {}
            for k, v in row.items():
                for j, w in b[k].items():
                    acc[j] = acc.get(j, _ZERO) + v * w
            out.append({j: v for j, v in acc.items() if v})
        return out

    for k, a in enumerate(sparse):
        relations = [("s_k^2", mul(a, a))]
        if k + 1 < len(sparse):
            ab = mul(a, sparse[k + 1])
            relations.append(("(s_k s_k+1)^3", mul(ab, mul(ab, ab))))
        for j in range(k + 2, len(sparse)):
            aj = mul(a, sparse[j])
            relations.append((f"(s_k s_{j})^2", mul(aj, aj)))
        for name, m in relations:
            if m != identity:
                raise GroupRepValueError(
                    f"symmetric_irreps: the seminormal matrices of shape {shape} break the "
                    f"Coxeter relation {name} at k = {k}"
                )


class _SeminormalForm:
    """rho(g) along a reduced word: with p the first descent of g (``g[p] > g[p+1]``),
    :math:`g = g' s_p` for :math:`g' = g s_p`, which has one inversion fewer, and
    :math:`\\rho(g) = \\rho(g')\\, \\rho(s_p)`. The matrices met on the way are memoized
    (when ``memoize``), so listing the whole group costs one product per element and a
    single element at most its number of inversions. Pickles without the memo."""

    __slots__ = ("_adjacent", "_d", "_memo", "_memoize")

    def __init__(self, adjacent: tuple[ExactMatrix, ...], d: int, memoize: bool) -> None:
        self._adjacent = adjacent
        self._d = d
        self._memoize = memoize
        identity = tuple(tuple(_ONE if i == j else _ZERO for j in range(d)) for i in range(d))
        self._memo: dict[tuple[int, ...], ExactMatrix] = {
            tuple(range(len(adjacent) + 1)): identity
        }

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (_SeminormalForm, (self._adjacent, self._d, self._memoize))

    def __call__(self, g: tuple[int, ...]) -> ExactMatrix:
        if not self._memoize:
            return _word_matrix(g, list(self._adjacent), self._d)
        chain: list[tuple[tuple[int, ...], int]] = []  # (element, descent) down to a known one
        h = g
        while h not in self._memo:
            p = next(i for i in range(len(h) - 1) if h[i] > h[i + 1])
            chain.append((h, p))
            h = (*h[:p], h[p + 1], h[p], *h[p + 2 :])
        m = self._memo[h]
        for element, p in reversed(chain):
            m = mat_mul(m, self._adjacent[p])
            self._memo[element] = m
        return m


def _word_matrix(g: tuple[int, ...], adjacent: list[ExactMatrix], d: int) -> ExactMatrix:
    """rho(g) for a permutation g, from a word in adjacent transpositions.

    Bubble sort on positions: swapping positions p, p+1 of the image tuple is g -> g∘s_p,
    so after the swaps p_1, ..., p_m the identity is reached and
    g = s_{p_m} ∘ ... ∘ s_{p_1}; rho(g) is the product of the matrices in that order.
    """
    word: list[int] = []
    current = list(g)
    changed = True
    while changed:
        changed = False
        for pos in range(len(current) - 1):
            if current[pos] > current[pos + 1]:
                current[pos], current[pos + 1] = current[pos + 1], current[pos]
                word.append(pos)
                changed = True
    m: ExactMatrix = tuple(tuple(_ONE if i == j else _ZERO for j in range(d)) for i in range(d))
    for pos in reversed(word):
        m = mat_mul(m, adjacent[pos])
    return m


def _beta_set(shape: tuple[int, ...]) -> tuple[int, ...]:
    """The first-column hook lengths :math:`\\lambda_i + k - i` (i = 1 .. k), decreasing,
    of the nonzero parts."""
    parts = [part for part in shape if part]
    k = len(parts)
    return tuple(part + k - 1 - i for i, part in enumerate(parts))


def murnaghan_nakayama(
    shape: tuple[int, ...],
    cycle_type: tuple[int, ...],
    memo: dict[tuple[tuple[int, ...], tuple[int, ...]], int] | None = None,
) -> int:
    """The value :math:`\\chi^\\lambda(\\mu)` of the irreducible character of :math:`S_n`.

    Murnaghan–Nakayama rule: remove a rim hook (border strip) of length :math:`\\mu_1`
    from :math:`\\lambda` in every possible way,

    .. math:: \\chi^\\lambda(\\mu) = \\sum_{\\xi} (-1)^{\\operatorname{ht}(\\xi)}\\,
              \\chi^{\\lambda \\setminus \\xi}(\\mu_2, \\mu_3, \\dots),

    with :math:`\\chi^{\\varnothing}(\\varnothing) = 1`. On the beta-set (first-column hook
    lengths) removing a rim hook of length r moves one bead b to b - r (onto an empty
    place) and its height is the number of beads jumped over. ``cycle_type`` is sorted
    in decreasing order (the longest cycle removed first keeps the recursion small);
    ``memo`` shares the values of smaller shapes between calls (one table's worth).
    """
    if memo is None:
        memo = {}
    return _mn_beads(_beta_set(shape), cycle_type, memo)


def _mn_beads(
    beta: tuple[int, ...],
    cycle_type: tuple[int, ...],
    memo: dict[tuple[tuple[int, ...], tuple[int, ...]], int],
) -> int:
    """Murnaghan–Nakayama on a decreasing beta-set with no bead at 0 (a bead at 0 with
    every bead shifted down by one is the same partition)."""
    if not cycle_type:
        return 1 if not beta else 0
    key = (beta, cycle_type)
    hit = memo.get(key)
    if hit is not None:
        return hit
    r, rest = cycle_type[0], cycle_type[1:]
    total = 0
    for i, b in enumerate(beta):
        target = b - r
        if target < 0 or target in beta:
            continue
        # beads strictly between target and b: those after position i and above target
        j = i + 1
        while j < len(beta) and beta[j] > target:
            j += 1
        jumped = j - i - 1
        moved = (*beta[:i], *beta[i + 1 : j], target, *beta[j:])
        while moved and moved[-1] == 0:
            moved = tuple(c - 1 for c in moved[:-1])
        value = _mn_beads(moved, rest, memo)
        total += -value if jumped % 2 else value
    memo[key] = total
    return total


def symmetric_character_rows(group: PermutationGroup, n: int) -> list[tuple[Cyclotomic, ...]]:
    """The character table of :math:`S_n` by Murnaghan–Nakayama: one row per partition
    (largest parts first, the order of :func:`symmetric_irreps`), values on the group's
    classes by their cycle types."""
    from grouprep.groups import cycle_type

    types = [cycle_type(c.representative) for c in group.conjugacy_classes()]
    # cycle_type lists fixed points as 1-cycles; the rule is the same with them
    memo: dict[tuple[tuple[int, ...], tuple[int, ...]], int] = {}
    numbers: dict[int, Cyclotomic] = {}
    rows = []
    for shape in _partitions(n) if n else [()]:
        row = []
        beta = _beta_set(shape)
        for mu in types:
            v = _mn_beads(beta, mu, memo)
            if v not in numbers:
                numbers[v] = Cyclotomic(v)
            row.append(numbers[v])
        rows.append(tuple(row))
    return rows
