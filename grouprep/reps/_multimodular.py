"""The induced-and-projected irreps of ``_general`` computed modulo primes (private).

The construction in :mod:`grouprep.reps._general` is determined by combinatorial choices
alone: the column a of the projection, the spin's steps (parent vector, generator) and the
pivot rows. With those fixed, the generator images are the unique solution of one linear
system over :math:`\\mathbb{Q}(\\zeta_N)`, so they can be computed in any ring the data maps
to and recovered from enough images:

* for a prime :math:`p \\equiv 1 \\pmod N` with a primitive N-th root of unity w in
  :math:`\\mathbb{F}_p`, each of the :math:`\\varphi(N)` embeddings
  :math:`\\sigma_u : \\zeta_N \\mapsto w^u` (u prime to N) gives the images
  :math:`\\sigma_u(M) \\bmod p`; with :math:`x = \\sum_{i < \\varphi(N)} c_i \\zeta_N^i`,
  :math:`\\sigma_u(x) = \\sum_i c_i w^{u i}` is a Vandermonde system whose inverse gives the
  coordinates :math:`c_i \\bmod p`;
* the coordinates modulo :math:`p_1 p_2 \\cdots p_r` by the Chinese remainder theorem, then
  rational numbers by rational reconstruction (Wang's bound
  :math:`|n|, d \\le \\sqrt{M/2}`);
* the candidate is accepted once it agrees with the images modulo one more prime that it
  was not built from, then checked as the exact construction is: the traces of the
  generators against the character, exactly.

All arithmetic is on int64 arrays with p < 2^25, for every embedding at once; no exact
cyclotomic product is formed until the final numbers (Monagan, "Maximal quotient rational
reconstruction", ISSAC 2004; von zur Gathen and Gerhard, "Modern Computer Algebra", 5.10).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep.numbers import Cyclotomic
from grouprep.numbers._cyclotomic import _cyclotomic_poly, _prime_factors
from grouprep.reps._modular import _primes, field_of
from grouprep.reps._representation import ExactMatrix

__all__ = ["MAX_PRIMES", "multimodular_images"]

MAX_PRIMES = 48
"""The most primes tried before giving up on the modular route (the exact one is used)."""

IntArray = npt.NDArray[np.int64]


class _Embeddings:
    """The :math:`\\varphi(N)` embeddings :math:`\\mathbb{Q}(\\zeta_N) \\to \\mathbb{F}_p`."""

    def __init__(self, N: int, p: int) -> None:
        self.N, self.p = N, p
        factors = _prime_factors(p - 1)
        g = next(a for a in range(2, p) if all(pow(a, (p - 1) // q, p) != 1 for q in factors))
        w = pow(g, (p - 1) // N, p)
        self.units = [u for u in range(N) if math.gcd(u, N) == 1]
        self.phi = len(_cyclotomic_poly(N)) - 1
        # W[e, k] = w^(u_e k) for k in 0 .. N-1
        powers = [1] * N
        for k in range(1, N):
            powers[k] = powers[k - 1] * w % p
        self.W = np.array([[powers[u * k % N] for k in range(N)] for u in self.units], np.int64)
        vander = self.W[None, :, : self.phi]
        inverse = _solve_batched(vander, np.eye(self.phi, dtype=np.int64)[None], p)
        if inverse is None:  # pragma: no cover - distinct nodes w^u: a Vandermonde matrix
            raise AssertionError("the Vandermonde matrix of the embeddings is singular")
        self.Vinv = inverse[0]
        self._cache: dict[Cyclotomic, IntArray] = {}

    @property
    def count(self) -> int:
        return len(self.units)

    def residues(self, x: Cyclotomic) -> IntArray:
        """:math:`\\sigma_u(x) \\bmod p` for every embedding (ZeroDivisionError when p
        divides the denominator)."""
        hit = self._cache.get(x)
        if hit is not None:
            return hit
        p, N = self.p, self.N
        step = N // x._n
        total = np.zeros(self.count, dtype=np.int64)
        for j, c in enumerate(x._nums):
            if c:
                total = (total + (c % p) * self.W[:, (j * step) % N]) % p
        if x._den % p == 0:
            raise ZeroDivisionError(f"{p} divides the denominator of {x!r}")
        out = total * pow(x._den % p, -1, p) % p
        self._cache[x] = out
        return out

    def matrix(self, m: Sequence[Sequence[Cyclotomic]]) -> IntArray:
        """(embeddings, d, d) residues of an exact matrix."""
        d = len(m)
        out = np.zeros((self.count, d, d), dtype=np.int64)
        for i, row in enumerate(m):
            for j, v in enumerate(row):
                if v:
                    out[:, i, j] = self.residues(v)
        return out


def _solve_batched(A: IntArray, B: IntArray, p: int) -> IntArray | None:
    """X with A[e] X[e] = B[e] mod p for every e, or None if some A[e] is singular."""
    E, d, _ = A.shape
    M = np.concatenate([A, B], axis=2) % p
    ar = np.arange(E)
    for col in range(d):
        nonzero = M[:, col:, col] != 0
        if not nonzero.any(axis=1).all():
            return None
        piv = col + np.argmax(nonzero, axis=1)
        top = M[ar, piv].copy()
        M[ar, piv] = M[:, col]
        inv = np.array([pow(int(v), -1, p) for v in top[:, col]], dtype=np.int64)
        top = top * inv[:, None] % p
        M[:, col] = top
        factors = M[:, :, col].copy()
        factors[:, col] = 0
        M = (M - factors[:, :, None] * top[:, None, :] % p) % p
    return M[:, :, d:]


def _crt(acc: Any, modulus: int, residues: IntArray, p: int) -> Any:
    """Combine ``acc`` (mod ``modulus``, an object array) with ``residues`` (mod p)."""
    r = residues.astype(object)
    step = ((r - acc % p) * pow(modulus % p, -1, p)) % p
    return acc + modulus * step


def _reconstruct(values: Any, modulus: int) -> tuple[Any, Any] | None:
    """(numerators, denominators) with n/d = value mod M and |n|, d <= sqrt(M/2), as
    object arrays, or None if some value has no such fraction."""
    bound = math.isqrt(modulus // 2)
    flat = values.reshape(-1)
    nums = np.empty(len(flat), dtype=object)
    dens = np.empty(len(flat), dtype=object)
    for i, v in enumerate(flat):
        v = int(v)
        if v <= bound:
            nums[i], dens[i] = v, 1
            continue
        if modulus - v <= bound:
            nums[i], dens[i] = v - modulus, 1
            continue
        r0, r1, t0, t1 = modulus, v, 0, 1
        while r1 > bound:
            q = r0 // r1
            r0, r1 = r1, r0 - q * r1
            t0, t1 = t1, t0 - q * t1
        if t1 == 0 or abs(t1) > bound or math.gcd(r1, abs(t1)) != 1 or math.gcd(t1, modulus) != 1:
            return None
        if t1 < 0:
            r1, t1 = -r1, -t1
        nums[i], dens[i] = r1, t1
    return nums.reshape(values.shape), dens.reshape(values.shape)


def multimodular_images(
    ind: Any, chi: Sequence[Cyclotomic], d: int, extra: Sequence[Cyclotomic]
) -> list[ExactMatrix] | None:
    """The generator images of the irrep in the image of the chi-projection of ``ind``'s
    induced representation, by the modular route, or None (then the exact route is used).

    ``extra`` lists exact numbers the data depends on beyond chi and psi's generator
    images (the roots of unity of a cyclic subgroup's character)."""
    ctx = ind.ctx
    G = ctx.group
    gens = G.generators
    source = ind.modular_source
    values = [v for v in chi if v] + [v for v in extra if v]
    if source[0] == "rep":
        rho = source[1]
        values += [v for s in rho.group.generators for row in rho._exact(s) for v in row if v]
    N = field_of(values)
    primes = _primes(N, MAX_PRIMES + 8)
    choice: tuple[int, list[tuple[int, int]], list[int]] | None = None
    acc: Any = None
    modulus = 1
    candidate: Any = None
    used = 0
    for p in primes:
        if used >= MAX_PRIMES:
            return None
        try:
            emb = _Embeddings(N, p)
            images, choice = _images_modulo(ind, chi, d, emb, choice)
        except ZeroDivisionError:
            continue
        if images is None:
            continue
        used += 1
        # coordinates c_i = sum_e Vinv[i, e] sigma_e(x), for every entry
        coords = np.einsum("ie,egab->igab", emb.Vinv, images) % p
        if candidate is not None and _agrees(candidate, coords, p):
            return _to_exact(candidate, N, len(gens), d)
        acc = coords.astype(object) if acc is None else _crt(acc, modulus, coords, p)
        modulus *= p
        candidate = _reconstruct(acc, modulus)
    return None


def _agrees(candidate: tuple[Any, Any], coords: IntArray, p: int) -> bool:
    nums, dens = candidate
    try:
        residue = (nums % p) * np.vectorize(lambda v: pow(int(v) % p, -1, p), otypes=[object])(
            dens
        )
    except ValueError:  # p divides a denominator
        return False
    return bool(np.array_equal((residue % p).astype(np.int64), coords))


def _to_exact(candidate: tuple[Any, Any], N: int, count: int, d: int) -> list[ExactMatrix]:
    nums, dens = candidate
    out = []
    for g in range(count):
        rows = []
        for a in range(d):
            row = []
            for b in range(d):
                ns, ds = nums[:, g, a, b], dens[:, g, a, b]
                den = math.lcm(*(int(v) for v in ds))
                coords = [int(n) * (den // int(q)) for n, q in zip(ns, ds, strict=True)]
                row.append(Cyclotomic._make(N, coords, den))
            rows.append(tuple(row))
        out.append(tuple(rows))
    return out


def _psi_all(ind: Any, emb: _Embeddings) -> tuple[IntArray, dict[int, int]]:
    """psi(h) modulo p for every h in H and embedding: (E, |H|, m, m), and the position of
    each H element (by its index in G)."""
    ctx = ind.ctx
    G = ctx.group
    p = emb.p
    m = ind.degree
    source = ind.modular_source
    pos = {h: k for k, h in enumerate(ind.h_elements)}
    E = emb.count
    out = np.zeros((E, len(ind.h_elements), m, m), dtype=np.int64)
    if source[0] == "cyclic":
        _, o, k, exps = source
        for h, j in exps.items():
            out[:, pos[h], 0, 0] = emb.residues(_root(o, k * j))
        return out, pos
    rho = source[1]
    H = rho.group
    hgens = [ctx.idx(s) for s in H.generators]
    mats = [emb.matrix(rho._exact(s)) for s in H.generators]
    elems = ctx.elements
    identity = ctx.idx(G.identity)
    out[:, pos[identity]] = np.eye(m, dtype=np.int64)
    seen = np.zeros(len(ind.h_elements), dtype=bool)
    seen[pos[identity]] = True
    frontier = [identity]
    while frontier:
        nxt: list[int] = []
        for si, S in zip(hgens, mats, strict=True):
            s = elems[si]
            targets, parents = [], []
            for h in frontier:
                t = pos[ctx.idx(G._compose(s, elems[h]))]
                if not seen[t]:
                    seen[t] = True
                    targets.append(t)
                    parents.append(pos[h])
                    nxt.append(ind.h_elements[t])
            if targets:
                out[:, targets] = np.matmul(S[:, None], out[:, parents]) % p
        frontier = nxt
    return out, pos


def _root(o: int, k: int) -> Cyclotomic:
    from grouprep.numbers import root_of_unity

    return root_of_unity(o, k)


def _images_modulo(
    ind: Any,
    chi: Sequence[Cyclotomic],
    d: int,
    emb: _Embeddings,
    choice: tuple[int, list[tuple[int, int]], list[int]] | None,
) -> tuple[IntArray | None, tuple[int, list[tuple[int, int]], list[int]] | None]:
    """The generator images modulo p under every embedding, (E, gens, d, d), with the
    choices (column, steps, pivots) made at the first prime and kept after; None for a
    prime at which the fixed choices break down."""
    from grouprep.reps._general import _spin_modulo

    ctx = ind.ctx
    G = ctx.group
    p, E, n, m = emb.p, emb.count, ind.n, ind.degree
    psi, pos = _psi_all(ind, emb)
    part_pos = np.array([pos[int(h)] for h in ind.part], dtype=np.intp)
    conj = np.stack([emb.residues(v.conjugate()) for v in chi], axis=1)  # (E, classes)
    weights = conj[:, ctx.labels]  # (E, |G|)
    actions = []
    for s in G.generators:
        targets, parts = [], []
        for ti in ind.transversal:
            k = ctx.index[G._compose(s, ctx.elements[ti])]
            targets.append(int(ind.coset[k]))
            parts.append(int(part_pos[k]))
        actions.append((np.array(targets, dtype=np.intp), psi[:, parts]))  # (E, n, m, m)

    # the elements coset by coset: every coset holds |H| of them
    by_coset = np.argsort(ind.coset, kind="stable")
    coset_parts = part_pos[by_coset]
    coset_weights = weights[:, by_coset]

    def column(a: int) -> IntArray:
        blocks = psi[..., a][:, coset_parts] * coset_weights[:, :, None] % p  # (E, |G|, m)
        out: IntArray = blocks.reshape(E, n, -1, m).sum(axis=2) % p
        return out.reshape(E, n * m)

    def apply(gi: int, v: IntArray) -> IntArray:
        t, mats = actions[gi]
        out = np.zeros((E, n, m), dtype=np.int64)
        out[:, t] = np.einsum("eiab,eib->eia", mats, v.reshape(E, n, m)) % p
        return out.reshape(E, n * m)

    if choice is None:
        for a in range(m):
            v0 = column(a)
            if v0[0].any():
                break
        else:
            return None, None
        mods = [(t, mats[0]) for t, mats in actions]
        found = _spin_modulo(n, m, v0[0], mods, d, p)
        if found is None:
            return None, None
        steps, pivots = found
        choice = (a, steps, pivots)
    a, steps, pivots = choice
    vectors = [column(a)]
    made: dict[tuple[int, int], int] = {}
    for parent, gi in steps:
        made[(parent, gi)] = len(vectors)
        vectors.append(apply(gi, vectors[parent]))
    V = np.stack(vectors, axis=2)  # (E, nm, d)
    basis = V[:, pivots, :]  # (E, d, d)
    unknown = [(k, gi) for gi in range(len(actions)) for k in range(d) if (k, gi) not in made]
    images = np.zeros((E, len(actions), d, d), dtype=np.int64)
    if unknown:
        rhs = np.stack([apply(gi, vectors[k])[:, pivots] for k, gi in unknown], axis=2)
        solved = _solve_batched(basis, rhs, p)
        if solved is None:
            return None, choice
        for c, (k, gi) in enumerate(unknown):
            images[:, gi, :, k] = solved[:, :, c]
    for (k, gi), j in made.items():
        images[:, gi, j, k] = 1
    return images, choice
