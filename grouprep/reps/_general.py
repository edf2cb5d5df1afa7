"""Irreducible representations of any finite group, by induction and exact projection (private).

For an irreducible character :math:`\\chi` of G, take a subgroup H and an irreducible
representation :math:`\\psi` of H (explicit, from H's own irreps) with

.. math:: \\langle \\operatorname{Res}_H \\chi, \\psi \\rangle_H
          = \\langle \\chi, \\operatorname{Ind}_H^G \\psi \\rangle_G = 1

(Frobenius reciprocity). Then :math:`\\chi` occurs exactly once in the induced
representation, whose matrices are block monomial on the cosets
:math:`t_1 H, \\dots, t_n H`: :math:`g t_i = t_j h` sends block i to block j through
:math:`\\psi(h)`. The :math:`\\chi`-isotypic projection

.. math:: P_\\chi = \\frac{\\chi(1)}{|G|} \\sum_{g \\in G} \\overline{\\chi(g)}\\,
          \\operatorname{Ind}\\psi(g)

has as image an irreducible G-module of character :math:`\\chi`. One nonzero column of
:math:`P_\\chi` (a sum over the group), spun under the generators, gives a basis of that
image in reduced echelon form; the matrix of a generator in that basis is read off at the
pivot positions. Everything is exact over the cyclotomic numbers (Dixon, "Constructing
representations of finite groups", DIMACS 1993).

The pair (H, psi) is searched in this order of preference:

* H the kernel of a linear character of prime order p (a normal subgroup with cyclic
  quotient): by Clifford theory the restriction of every irreducible character is then
  multiplicity free, so any constituent serves; the induced representation has dimension
  :math:`p\\,\\psi(1) \\le p\\,\\chi(1)`. Solvable groups always have one, so the
  recursion runs down a composition series (as in Baum and Clausen's algorithm);
* cyclic subgroups :math:`\\langle x \\rangle` with a linear character :math:`\\lambda_k`
  (multiplicities from the power maps alone,
  :math:`\\frac{1}{o}\\sum_j \\chi(x^j)\\zeta_o^{-kj}`), and point stabilizers of a
  permutation group with any of their irreducibles; the one of least
  :math:`[G:H]\\,\\psi(1)` is used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np

from grouprep.errors import GroupRepValueError, SizeLimitError
from grouprep.groups import FiniteGroup, PermutationGroup
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.reps._modular import ModularField, field_of, modular_law_violation
from grouprep.reps._representation import ExactMatrix, Representation

__all__ = ["MAX_GENERAL_ORDER", "general_irreps"]

MAX_GENERAL_ORDER = 10**5
"""The largest group whose irreps are built by induction and projection (each projection
is a sum over the group)."""

MAX_INDUCED_DIM = 2000
"""The largest induced representation (coset count times the subgroup irrep's degree) a
projection works in."""

_ZERO = Cyclotomic(0)
_ONE = Cyclotomic(1)

_LAW_PRIME = 64
"""Which prime p = 1 (mod N) checks the law of a multimodular result (beyond the
``MAX_PRIMES + 8`` primes its reconstruction may use)."""

_MODULAR = True
"""Build the generator images by the multimodular route first (the exact one is the
fallback, and the reference the tests compare it with)."""

Vector = list[Cyclotomic]


class _Context:
    """The group listed once: indices of its elements, class labels, generators' indices."""

    def __init__(self, group: FiniteGroup[Any]) -> None:
        from grouprep.reps._table import character_table

        self.group = group
        self.elements = group.elements()
        self.index = {g: i for i, g in enumerate(self.elements)}
        self.table = character_table(group)
        self.labels = np.array([group._class_index(g) for g in self.elements], dtype=np.intp)
        self.order = len(self.elements)
        self.stabilizers: list[FiniteGroup[Any]] | None = None

    def idx(self, g: Any) -> int:
        return self.index[g]


# ------------------------------------------------------------------ candidates
class _Inducing:
    """A subgroup H (its elements' indices in G) and an irreducible psi of H, as matrices."""

    def __init__(
        self,
        ctx: _Context,
        h_elements: Sequence[int],
        psi: Callable[[int], ExactMatrix],
        degree: int,
        label: str,
        modular_source: tuple[Any, ...],
    ) -> None:
        self.ctx = ctx
        # ("rep", irrep of H) or ("cyclic", o, k, {index: exponent}): psi for the modular route
        self.modular_source = modular_source
        self.h_elements = list(h_elements)
        self.psi = psi  # index in G of an element of H -> psi(h)
        self.degree = degree
        self.label = label
        self._cosets()

    def _cosets(self) -> None:
        """Left cosets g H: ``coset[i]`` and ``part[i]`` with element i = t_coset * part."""
        ctx = self.ctx
        G, elems = ctx.group, ctx.elements
        n_total = ctx.order
        coset = np.full(n_total, -1, dtype=np.intp)
        part = np.full(n_total, -1, dtype=np.intp)
        transversal: list[int] = []
        h_elems = [elems[i] for i in self.h_elements]
        for i in range(n_total):
            if coset[i] >= 0:
                continue
            j = len(transversal)
            transversal.append(i)
            t = elems[i]
            for hi, h in zip(self.h_elements, h_elems, strict=True):
                k = ctx.index[G._compose(t, h)]
                coset[k] = j
                part[k] = hi
        self.coset, self.part, self.transversal = coset, part, transversal
        self.n = len(transversal)

    def action(self, g: Any) -> tuple[list[int], list[ExactMatrix]]:
        """For each coset i: the coset j and psi(h) with g t_i = t_j h."""
        ctx = self.ctx
        G, elems = ctx.group, ctx.elements
        targets, mats = [], []
        for ti in self.transversal:
            k = ctx.index[G._compose(g, elems[ti])]
            targets.append(int(self.coset[k]))
            mats.append(self.psi(int(self.part[k])))
        return targets, mats


def _multiplicity(values: Sequence[Cyclotomic], weights: Sequence[int], order: int) -> Any:
    total = _ZERO
    for v, w in zip(values, weights, strict=True):
        if v:
            total = total + v * w
    return total / order


def _linear_order(row: Sequence[Cyclotomic], exponent: int) -> int:
    """The order of a linear character (its values are roots of unity)."""
    for k in sorted(d for d in range(1, exponent + 1) if exponent % d == 0):
        if all(v**k == 1 for v in row):
            return k
    return exponent  # pragma: no cover - a linear character's order divides the exponent


def _smallest_prime(n: int) -> int:
    p = 2
    while n % p:
        p += 1
    return p


def _kernel_subgroup(ctx: _Context) -> FiniteGroup[Any] | None:
    """A normal subgroup of prime index (the kernel of a linear character of prime order),
    or None for a perfect group."""
    G, table = ctx.group, ctx.table
    best: tuple[int, tuple[Cyclotomic, ...]] | None = None
    exponent = G.exponent
    for row in table.characters:
        if row[0] != 1 or all(v == 1 for v in row):
            continue
        o = _linear_order(row, exponent)
        p = _smallest_prime(o)
        lam = tuple(v ** (o // p) for v in row)  # a character of prime order p
        if best is None or p < best[0]:
            best = (p, lam)
    if best is None:
        return None
    p, lam = best
    in_kernel = [c for c, v in enumerate(lam) if v == 1]
    members = np.flatnonzero(np.isin(ctx.labels, in_kernel))
    target = ctx.order // p
    rng = np.random.default_rng(0)  # a fixed order: the same subgroup every time
    gens: list[Any] = []
    H = G.subgroup([])
    for i in rng.permutation(members):
        g = ctx.elements[int(i)]
        if g in H:
            continue
        gens.append(g)
        H = G.subgroup(gens)
        if H.order == target:
            return H
    raise AssertionError("the kernel of a linear character is a subgroup")  # pragma: no cover


def _subgroup_fusion(ctx: _Context, H: FiniteGroup[Any]) -> tuple[list[int], list[int]]:
    """For each class of H: its size and the class of G it lies in."""
    sizes, fused = [], []
    for c in H.conjugacy_classes():
        sizes.append(c.size)
        fused.append(ctx.group._class_index(c.representative))
    return sizes, fused


def _indicators(group: FiniteGroup[Any]) -> tuple[int, ...]:
    """The Frobenius-Schur indicators of the rows of ``character_table(group)``, kept with
    the group (each table value computes them anew)."""
    from grouprep.reps._table import character_table

    cache = group._cache
    if "fs_indicators" not in cache:
        cache["fs_indicators"] = character_table(group).indicators
    return cache["fs_indicators"]  # type: ignore[no-any-return]


def _constituent(
    ctx: _Context, H: FiniteGroup[Any], chi: Sequence[Cyclotomic], real: bool = False
) -> list[tuple[int, int]]:
    """(row, degree) of the irreducible characters of H occurring once in Res chi (with
    ``real``, only those of Frobenius-Schur indicator 1, which have real forms)."""
    from grouprep.reps._table import character_table

    sizes, fused = _subgroup_fusion(ctx, H)
    res = [chi[c] for c in fused]
    table = character_table(H)
    out = []
    for r, row in enumerate(table.characters):
        if real and _indicators(H)[r] != 1:
            continue
        m = _multiplicity(
            [a * b.conjugate() for a, b in zip(res, row, strict=True)], sizes, H.order
        )
        if m == 1:
            out.append((r, int(row[0].as_fraction())))
    return out


def _psi_of_subgroup(
    ctx: _Context, H: FiniteGroup[Any], row: int, real: bool = False
) -> tuple[Callable[[int], ExactMatrix], Representation]:
    """The irrep of H with the character of ``character_table(H)`` row ``row`` (irreps are
    listed in the order of the table's rows), as a function of G's element indices, and
    the irrep itself; with ``real``, its real form (the row's indicator is 1)."""
    from grouprep.reps._irreps import irreps

    if real:
        from grouprep.reps._real_general import real_form

        rho = real_form(H, row)
    else:
        rho = irreps(H)[row]
    elems = ctx.elements
    return (lambda i: rho._exact(elems[i])), rho


def _cyclic_candidate(
    ctx: _Context, chi: Sequence[Cyclotomic], real: bool = False
) -> tuple[int, Any, int, int] | None:
    """The cyclic subgroup <x> of largest order with a linear character of multiplicity one
    in Res chi: (cost |G|/o, x, o, k); with ``real``, only the real characters (k = 0 and
    k = o/2, values +-1)."""
    G, table = ctx.group, ctx.table
    best = None
    seen: set[int] = set()
    for c in sorted(
        range(len(table.classes)),
        key=lambda c: -G._element_order(table.classes[c].representative),
    ):
        x = table.classes[c].representative
        o = G._element_order(x)
        if o in seen and best is not None:
            continue
        if best is not None and ctx.order // o >= best[0]:
            break
        powers = [G._class_index(G.power(x, j)) for j in range(o)]
        vals = [chi[p] for p in powers]
        for k in ((0, o // 2) if o % 2 == 0 else (0,)) if real else range(o):
            m = _ZERO
            for j, v in enumerate(vals):
                if v:
                    m = m + v * root_of_unity(o, -k * j)
            if m / o == 1:
                best = (ctx.order // o, x, o, k)
                break
        seen.add(o)
    return best


def _stabilizers(group: FiniteGroup[Any]) -> list[FiniteGroup[Any]]:
    """Point stabilizers of a permutation group, one per orbit of length > 1."""
    if not isinstance(group, PermutationGroup) or not group.generators:
        return []
    sym = group.to_sympy()
    out = []
    for orbit in sym.orbits():
        if len(orbit) < 2:
            continue
        stab = sym.stabilizer(min(orbit))
        gens = [tuple(p.array_form) for p in stab.generators if not p.is_Identity]
        out.append(group.subgroup(gens))
    return out


def _choose(
    ctx: _Context,
    chi: Sequence[Cyclotomic],
    kernel: FiniteGroup[Any] | None,
    real: bool = False,
    subgroups: Sequence[FiniteGroup[Any]] = (),
) -> _Inducing:
    """The pair (H, psi) to induce from; with ``real``, only real psi (linear characters
    with values +-1, or real forms of irreps of indicator 1), so that the induced
    representation and its projection are real. ``subgroups`` are searched with the
    point stabilizers."""
    G = ctx.group
    d = int(chi[0].as_fraction())
    if kernel is not None:
        found = _constituent(ctx, kernel, chi, real)
        if found:
            row, deg = min(found, key=lambda t: t[1])
            psi, rho = _psi_of_subgroup(ctx, kernel, row, real)
            h = [ctx.idx(g) for g in kernel.elements()]
            return _Inducing(
                ctx,
                h,
                psi,
                deg,
                f"normal subgroup of index {G.order // kernel.order}",
                ("rep", rho),
            )
    options: list[tuple[int, Callable[[], _Inducing]]] = []
    cyc = _cyclic_candidate(ctx, chi, real)
    if cyc is not None:
        cost, x, o, k = cyc

        def make_cyclic(x: Any = x, o: int = o, k: int = k) -> _Inducing:
            powers = [ctx.idx(G.power(x, j)) for j in range(o)]
            exps = {i: j for j, i in enumerate(powers)}
            return _Inducing(
                ctx,
                powers,
                lambda i: ((root_of_unity(o, k * exps[i]),),),
                1,
                f"cyclic of order {o}",
                ("cyclic", o, k, exps),
            )

        options.append((cost, make_cyclic))
    if ctx.stabilizers is None:
        ctx.stabilizers = _stabilizers(G)
    searched = [(H, "stabilizer") for H in ctx.stabilizers]
    searched += [(H, "subgroup") for H in subgroups]
    for H, kind in searched:
        index = G.order // H.order
        found = _constituent(ctx, H, chi, real)
        if found:
            row, deg = min(found, key=lambda t: t[1])

            def make_stab(
                H: FiniteGroup[Any] = H,
                row: int = row,
                deg: int = deg,
                label: str = f"{kind} of index {index}",
            ) -> _Inducing:
                h = [ctx.idx(g) for g in H.elements()]
                psi, rho = _psi_of_subgroup(ctx, H, row, real)
                return _Inducing(ctx, h, psi, deg, label, ("rep", rho))

            options.append((index * deg, make_stab))
    if not options:
        what = "real representation" if real else "representation"
        raise GroupRepValueError(
            f"irreps: for {G!r} no subgroup was found whose induced {what} contains "
            f"the irreducible character of degree {d} exactly once (cyclic subgroups and "
            "point stabilizers were searched)"
        )
    cost, make = min(options, key=lambda t: t[0])
    if cost > MAX_INDUCED_DIM:
        raise SizeLimitError(
            f"irreps: argument 'group' {G!r}: the smallest induced representation containing "
            f"its irreducible character of degree {d} once has dimension {cost}, beyond the "
            f"limit {MAX_INDUCED_DIM}"
        )
    return make()


# ------------------------------------------------------------------ exact linear algebra
class _Blocks(Protocol):
    """The shape of a block monomial representation: n blocks of size ``degree``."""

    @property
    def n(self) -> int: ...

    @property
    def degree(self) -> int: ...


def _apply(ind: _Blocks, targets: list[int], mats: list[ExactMatrix], v: Vector) -> Vector:
    """Ind psi(g) v, with (targets, mats) from ``ind.action(g)``."""
    m = ind.degree
    out = [_ZERO] * (ind.n * m)
    for i, (j, M) in enumerate(zip(targets, mats, strict=True)):
        block = v[i * m : (i + 1) * m]
        nz = [(b, x) for b, x in enumerate(block) if x]
        if not nz:
            continue
        for a in range(m):
            row = M[a]
            total = _ZERO
            for b, x in nz:
                y = row[b]
                if y:
                    total = total + y * x
            if total:
                out[j * m + a] = total
    return out


def _solve(A: list[list[Cyclotomic]], B: list[list[Cyclotomic]]) -> list[list[Cyclotomic]]:
    """X with A X = B, exactly, for an invertible square A (Gauss-Jordan elimination)."""
    d = len(A)
    rows = [list(A[i]) + list(B[i]) for i in range(d)]
    width = len(rows[0]) if rows else 0
    for col in range(d):
        piv = next(r for r in range(col, d) if rows[r][col])
        rows[col], rows[piv] = rows[piv], rows[col]
        inv = rows[col][col].inverse()
        top = [x * inv if x else _ZERO for x in rows[col]]
        rows[col] = top
        nz = [j for j in range(col, width) if top[j]]
        for r in range(d):
            c = rows[r][col]
            if r != col and c:
                row = rows[r]
                for j in nz:
                    row[j] = row[j] - c * top[j]
    return [row[d:] for row in rows]


def _projected_column(ind: _Inducing, chi: Sequence[Cyclotomic], a: int) -> Vector:
    """Column (1, a) of the projection, up to the factor chi(1)/|G|:
    block j is the sum over h in H of conj(chi(t_j h)) psi(h)[:, a]."""
    ctx = ind.ctx
    m = ind.degree
    conj = [v.conjugate() for v in chi]
    out = [_ZERO] * (ind.n * m)
    for g in range(ctx.order):
        c = conj[ctx.labels[g]]
        if not c:
            continue
        j = int(ind.coset[g])
        M = ind.psi(int(ind.part[g]))
        for b in range(m):
            y = M[b][a]
            if y:
                out[j * m + b] = out[j * m + b] + c * y
    return out


def _modular_spin(
    ind: _Blocks, v0: Vector, actions: list[tuple[list[int], list[ExactMatrix]]], d: int
) -> tuple[list[tuple[int, int]], list[int]] | None:
    """Spin v0 under the generators modulo a prime that splits the field of the data.

    Returns the spin's steps (parent vector, generator) of the d vectors found independent
    after the first, and d pivot positions at which those vectors' matrix is invertible
    (so it is invertible exactly too), or None if this prime is a bad one."""
    values = [x for x in v0 if x]
    for _, mats in actions:
        values.extend(x for M in mats for row in M for x in row if x)
    N = field_of(values)
    for which in range(3):
        F = ModularField(N, which)
        p = F.p
        try:
            start = np.array([F(x) if x else 0 for x in v0], dtype=np.int64)
            mods = [
                (
                    np.asarray(t, dtype=np.intp),
                    np.array([F.matrix(M) for M in mats], dtype=np.int64),
                )
                for t, mats in actions
            ]
        except ZeroDivisionError:  # p divides a denominator
            continue
        found = _spin_modulo(ind.n, ind.degree, start, mods, d, p)
        if found is not None:
            return found
    return None


def _spin_modulo(
    n: int, m: int, start: Any, mods: list[tuple[Any, Any]], d: int, p: int
) -> tuple[list[tuple[int, int]], list[int]] | None:
    """The spin of ``start`` under the generators ``mods`` (coset targets, blocks) in
    F_p^(n m), in reduced echelon form: its steps and pivots if it reaches dimension d."""

    def apply(t: Any, mats: Any, v: Any) -> Any:
        out = np.zeros((n, m), dtype=np.int64)
        out[t] = np.einsum("iab,ib->ia", mats, v.reshape(n, m)) % p
        return out.reshape(-1)

    basis = np.zeros((0, n * m), dtype=np.int64)
    pivots: list[int] = []
    raw: list[Any] = []
    steps: list[tuple[int, int]] = []

    def add(w: Any) -> bool:
        nonlocal basis
        if pivots:
            w = (w - w[pivots] @ basis) % p
        nz = np.flatnonzero(w)
        if not len(nz):
            return False
        piv = int(nz[0])
        w = w * pow(int(w[piv]), -1, p) % p
        basis = (basis - np.outer(basis[:, piv], w)) % p
        basis = np.vstack([basis, w])
        pivots.append(piv)
        return True

    if not add(start):
        return None
    raw.append(start)
    k = 0
    while k < len(raw) and len(raw) < d:
        for gi, (t, mats) in enumerate(mods):
            w = apply(t, mats, raw[k])
            if add(w):
                raw.append(w)
                steps.append((k, gi))
                if len(raw) == d:
                    break
        k += 1
    return (steps, pivots) if len(raw) == d else None


def _spun_matrices(
    ind: _Blocks, v0: Vector, actions: list[tuple[list[int], list[ExactMatrix]]], d: int
) -> tuple[list[tuple[int, int]], list[ExactMatrix]]:
    """Spin v0 under the generators (``actions``) to a basis of the d-dimensional
    invariant subspace it generates, and the generators' matrices in that basis.

    Returns the spin's steps (vector k+1 is generator ``steps[k][1]`` applied to vector
    ``steps[k][0]``, vector 0 being v0) and one matrix per generator."""
    found = _modular_spin(ind, v0, actions, d)
    if found is None:  # pragma: no cover - three primes of 25 bits all bad
        raise AssertionError("no good prime for the spin")
    steps, pivots = found
    # the same spin, exactly: vector k+1 is generator steps[k][1] applied to vector steps[k][0]
    vectors = [v0]
    made: dict[tuple[int, int], int] = {}
    for parent, gi in steps:
        targets, mats = actions[gi]
        made[(parent, gi)] = len(vectors)
        vectors.append(_apply(ind, targets, mats, vectors[parent]))
    basis_rows = [[v[p] for v in vectors] for p in pivots]  # B restricted to the pivots
    unknown = [(k, gi) for gi in range(len(actions)) for k in range(d) if (k, gi) not in made]
    rhs: list[list[Cyclotomic]] = [[] for _ in pivots]
    for k, gi in unknown:
        targets, mats = actions[gi]
        w = _apply(ind, targets, mats, vectors[k])
        for r, p in enumerate(pivots):
            rhs[r].append(w[p])
    solved = _solve(basis_rows, rhs) if unknown else [[] for _ in pivots]
    columns: dict[tuple[int, int], list[Cyclotomic]] = {}
    for (k, gi), j in made.items():
        columns[(k, gi)] = [_ONE if r == j else _ZERO for r in range(d)]
    for c, key in enumerate(unknown):
        columns[key] = [solved[r][c] for r in range(d)]
    images = [
        tuple(tuple(columns[(k, gi)][r] for k in range(d)) for r in range(d))
        for gi in range(len(actions))
    ]
    return steps, images


def _construct(
    ctx: _Context, chi: Sequence[Cyclotomic], ind: _Inducing, name: str
) -> Representation:
    G = ctx.group
    d = int(chi[0].as_fraction())
    if _MODULAR:
        from grouprep.reps._multimodular import multimodular_images

        extra = []
        if ind.modular_source[0] == "cyclic":
            o = ind.modular_source[1]
            extra = [root_of_unity(o, 1)]
        found_images = multimodular_images(ind, chi, d, extra)
        if found_images is not None:
            rep = _checked(ctx, chi, found_images, name)
            # the law modulo a prime the reconstruction never used: a wrong candidate
            # agrees with the true images modulo the primes it was built from only
            if modular_law_violation(rep, _LAW_PRIME) is None:
                return rep
    actions = [ind.action(s) for s in G.generators]
    v0 = next(v for a in range(ind.degree) if any(v := _projected_column(ind, chi, a)))
    _, images = _spun_matrices(ind, v0, actions, d)
    return _checked(ctx, chi, images, name)


def _checked(
    ctx: _Context, chi: Sequence[Cyclotomic], images: list[ExactMatrix], name: str
) -> Representation:
    """The representation of the generator images, after checking their traces."""
    G = ctx.group
    d = int(chi[0].as_fraction())
    for s, M in zip(G.generators, images, strict=True):
        trace = sum((M[i][i] for i in range(d)), _ZERO)
        if trace != chi[ctx.labels[ctx.idx(s)]]:  # pragma: no cover - a cheap self-check
            raise AssertionError(f"the generator {s!r} has trace {trace}, expected its character")
    return Representation(G, images, name, dim=d, check=False)


def general_irreps(group: FiniteGroup[Any]) -> list[Representation]:
    """The irreps of any enumerable group, one per row of its character table, in row order."""
    if group.order > MAX_GENERAL_ORDER:
        raise SizeLimitError(
            f"irreps: argument 'group' {group!r} has order {group.order}: irreps by induction "
            f"sum over the group, beyond the limit {MAX_GENERAL_ORDER}"
        )
    ctx = _Context(group)
    kernel = _kernel_subgroup(ctx)
    out = []
    for r, chi in enumerate(ctx.table.characters):
        name = f"X.{r + 1}"
        if chi[0] == 1:
            images = [((chi[ctx.labels[ctx.idx(s)]],),) for s in group.generators]
            out.append(Representation(group, images, name, dim=1, check=False))
            continue
        out.append(_construct(ctx, chi, _choose(ctx, chi, kernel), name))
    return out
