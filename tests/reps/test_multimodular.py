"""The multimodular route to the irreps of a general group, piece by piece and against the
exact route: residues under every embedding, the Vandermonde recovery of coordinates,
rational reconstruction, batched solves modulo p, and whole irreps."""

from __future__ import annotations

import math
import random
from fractions import Fraction

import numpy as np
import pytest

import grouprep
import grouprep.reps._general as general
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.numbers._cyclotomic import _lift
from grouprep.reps import character_table, irreps
from grouprep.reps._modular import _primes, modular_law_violation
from grouprep.reps._multimodular import (
    _crt,
    _Embeddings,
    _reconstruct,
    _solve_batched,
    _to_exact,
)


def random_cyclotomic(rng: random.Random, N: int) -> Cyclotomic:
    x = Cyclotomic(0)
    for _ in range(4):
        x = x + Cyclotomic(Fraction(rng.randint(-50, 50), rng.randint(1, 9))) * root_of_unity(
            N, rng.randrange(N)
        )
    return x


@pytest.mark.parametrize("N", [1, 3, 4, 5, 8, 12, 15])
def test_embeddings_are_ring_maps_and_recover_coordinates(N):
    p = _primes(N, 1)[0]
    emb = _Embeddings(N, p)
    assert emb.count == sum(1 for u in range(N) if math.gcd(u, N) == 1)
    rng = random.Random(N)
    for _ in range(10):
        x, y = random_cyclotomic(rng, N), random_cyclotomic(rng, N)
        # a ring homomorphism under every embedding
        assert np.array_equal(emb.residues(x + y), (emb.residues(x) + emb.residues(y)) % p)
        assert np.array_equal(emb.residues(x * y), emb.residues(x) * emb.residues(y) % p)
        # the embeddings' values determine the coordinates modulo p
        coords = emb.Vinv @ emb.residues(x) % p
        den = x._den
        expected = [c * pow(den, -1, p) % p for c in _lift(x, N)]
        assert coords.tolist() == expected
    # w is a primitive N-th root: zeta_N maps to distinct values under the embeddings
    values = emb.residues(root_of_unity(N, 1)) if N > 1 else emb.residues(Cyclotomic(1))
    assert len(set(values.tolist())) == emb.count


def test_rational_reconstruction_and_crt():
    rng = random.Random(3)
    fractions = [Fraction(rng.randint(-(10**6), 10**6), rng.randint(1, 10**6)) for _ in range(50)]
    primes = _primes(7, 4)
    acc, modulus = None, 1
    for p in primes:
        res = np.array([f.numerator * pow(f.denominator, -1, p) % p for f in fractions])
        acc = res.astype(object) if acc is None else _crt(acc, modulus, res, p)
        modulus *= p
    assert all(
        int(a) % p == f.numerator * pow(f.denominator, -1, p) % p
        for a, f in zip(acc, fractions, strict=True)
        for p in primes
    )
    nums, dens = _reconstruct(acc, modulus)
    assert [Fraction(int(n), int(d)) for n, d in zip(nums, dens, strict=True)] == fractions
    # one prime is not enough for numbers of this height: no fraction within the bound
    one = np.array(
        [f.numerator * pow(f.denominator, -1, primes[0]) % primes[0] for f in fractions]
    ).astype(object)
    assert _reconstruct(one, primes[0]) is None


def test_batched_solve_modulo_p():
    p = _primes(1, 1)[0]
    rng = np.random.default_rng(0)
    A = rng.integers(0, p, size=(5, 6, 6))
    X = rng.integers(0, p, size=(5, 6, 3))
    B = np.einsum("eab,ebc->eac", A.astype(object), X.astype(object)) % p
    got = _solve_batched(A, B.astype(np.int64), p)
    assert got is not None and np.array_equal(got, X)
    A[2, :, 0] = A[2, :, 1]  # singular in one batch
    assert _solve_batched(A, B.astype(np.int64), p) is None


def test_to_exact_builds_the_numbers():
    N = 5
    x = root_of_unity(5, 1) * Fraction(2, 3) - Fraction(1, 7)
    coords = _lift(x, N)
    nums = np.array([[[[c]]] for c in coords], dtype=object)  # (phi, gens, d, d)
    dens = np.array([[[[x._den]]] for _ in coords], dtype=object)
    assert _to_exact((nums, dens), N, 1, 1) == [((x,),)]


def psl27():
    return grouprep.permutation_group([(1, 2, 3, 4, 5, 6, 0), (0, 2, 1, 6, 4, 5, 3)])


GROUPS = {
    "A_5": lambda: grouprep.alternating(5),
    "A_6": lambda: grouprep.alternating(6),
    "PSL(2,7)": psl27,
    "A_4 x C_3": lambda: grouprep.direct_product(grouprep.alternating(4), grouprep.cyclic(3)),
    "C_7 : C_3": lambda: grouprep.permutation_group(
        [(1, 2, 3, 4, 5, 6, 0), (0, 2, 4, 6, 1, 3, 5)]
    ),
}


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_modular_route_equals_the_exact_route(name, monkeypatch):
    G = GROUPS[name]()
    modular = irreps(G)
    rows = character_table(G).characters
    assert [rho.character_values() for rho in modular] == list(rows)
    for rho in modular:
        assert modular_law_violation(rho, 2) is None
    if G.order <= 200:
        for rho in modular:
            assert grouprep.check_homomorphism(rho).holds
    monkeypatch.setattr(general, "_MODULAR", False)
    G2 = GROUPS[name]()
    exact = irreps(G2)
    assert [rho.character_values() for rho in exact] == list(rows)
    # the same choices of column, spin and pivots give the same unique solution
    for a, b in zip(modular, exact, strict=True):
        assert [a.exact(s) for s in G.generators] == [b.exact(s) for s in G2.generators]
