"""Exact linear algebra over a cyclotomic field against independent computations."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
import sympy

import grouprep
from grouprep.errors import GroupRepValueError
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.reps._linalg import exact_inverse, exact_nullspace, exact_rank, exact_solve
from grouprep.reps._representation import identity_matrix

ROUTES = [400, 0]  # the multimodular route, and exact elimination only


def rational(rng: random.Random, n: int, m: int, size: int = 9) -> list[list[Fraction]]:
    return [
        [Fraction(rng.randint(-size, size), rng.randint(1, 4)) for _ in range(m)] for _ in range(n)
    ]


def cyclo(rng: random.Random, N: int, n: int, m: int, size: int = 5) -> list[list[Cyclotomic]]:
    z = root_of_unity(N)
    return [
        [sum((rng.randint(-size, size) * z**k for k in range(N)), Cyclotomic(0)) for _ in range(m)]
        for _ in range(n)
    ]


def to_sympy(m: list[list[Fraction]]) -> sympy.Matrix:
    return sympy.Matrix([[sympy.Rational(v.numerator, v.denominator) for v in r] for r in m])


def fr(x: Cyclotomic) -> Fraction:
    return x.as_fraction()


def product(a, b):  # exact rectangular product by sums, independent of mat_mul
    return [
        [sum((a[i][k] * b[k][j] for k in range(len(b))), Cyclotomic(0)) for j in range(len(b[0]))]
        for i in range(len(a))
    ]


@pytest.mark.parametrize("max_primes", ROUTES)
@pytest.mark.parametrize("seed", range(4))
def test_rational_against_sympy(seed: int, max_primes: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(2, 7)
    m = rational(rng, n, n)
    S = to_sympy(m)
    if S.det() != 0:
        inv = exact_inverse(m, max_primes=max_primes)
        assert [[fr(v) for v in r] for r in inv] == [
            [Fraction(int(v.p), int(v.q)) for v in S.inv().row(i)] for i in range(n)
        ]
    # a rank-deficient rectangular matrix: the product of n x k and k x (n+2) factors
    k = rng.randint(1, n - 1)
    A = to_sympy(rational(rng, n, k)) * to_sympy(rational(rng, k, n + 2))
    mm = [[Fraction(int(v.p), int(v.q)) for v in A.row(i)] for i in range(n)]
    assert exact_rank(mm, max_primes=max_primes) == A.rank()
    ours = [[fr(v) for v in x] for x in exact_nullspace(mm, max_primes=max_primes)]
    theirs = [[Fraction(int(v.p), int(v.q)) for v in x] for x in A.nullspace()]
    assert ours == theirs


@pytest.mark.parametrize("max_primes", ROUTES)
@pytest.mark.parametrize("N", [5, 8, 12])
def test_cyclotomic_inverse_and_solve(N: int, max_primes: int) -> None:
    rng = random.Random(N)
    n = 6
    m = cyclo(rng, N, n, n)
    inv = exact_inverse(m, max_primes=max_primes)
    assert product(m, inv) == [list(r) for r in identity_matrix(n)]
    b = [row[0] for row in cyclo(rng, N, n, 1)]
    x = exact_solve(m, b, max_primes=max_primes)
    assert [r[0] for r in product(m, [[v] for v in x])] == b


@pytest.mark.parametrize("max_primes", ROUTES)
@pytest.mark.parametrize("N", [5, 8, 12])
def test_rank_by_construction(N: int, max_primes: int) -> None:
    rng = random.Random(100 + N)
    for k in (1, 2, 3):
        m = product(cyclo(rng, N, 5, k), cyclo(rng, N, k, 6))
        assert exact_rank(m, max_primes=max_primes) == k
        basis = exact_nullspace(m, max_primes=max_primes)
        assert len(basis) == 6 - k
        for x in basis:
            assert all(not v for v in (r[0] for r in product(m, [[v] for v in x])))


def test_large_heights() -> None:
    rng = random.Random(7)
    z = root_of_unity(5)
    m = [
        [rng.randint(10**29, 10**30) + rng.randint(1, 10**30) * z for _ in range(4)]
        for _ in range(4)
    ]
    inv = exact_inverse(m)
    assert product(m, inv) == [list(r) for r in identity_matrix(4)]
    big = [
        [Fraction(rng.randint(-(10**30), 10**30), rng.randint(1, 10**6)) for _ in range(4)]
        for _ in range(4)
    ]
    assert [[fr(v) for v in r] for r in exact_inverse(big)] == [
        [Fraction(int(v.p), int(v.q)) for v in to_sympy(big).inv().row(i)] for i in range(4)
    ]


def test_a5_irreps_inverses() -> None:
    G = grouprep.groups.alternating(5)
    for rho in grouprep.irreps(G):
        for g in list(G.elements())[:12]:
            assert exact_inverse(rho.exact(g)) == rho.exact(G.inverse(g))


def test_errors() -> None:
    with pytest.raises(GroupRepValueError, match=r"shape \(2, 3\)"):
        exact_inverse([[1, 2, 3], [4, 5, 6]])
    with pytest.raises(GroupRepValueError, match=r"'m'.*rank 1"):
        exact_inverse([[1, 2], [2, 4]])
    with pytest.raises(GroupRepValueError, match=r"'a'.*rank 2"):
        exact_solve([[1, 0, 1], [0, 1, 1], [1, 1, 2]], [1, 2, 3])
    with pytest.raises(GroupRepValueError, match="'b'"):
        exact_solve([[1, 0], [0, 1]], [1, 2, 3])
    with pytest.raises(GroupRepValueError, match="rows must have equal lengths"):
        exact_rank([[1, 2], [3]])


def test_modular_route_without_elimination(monkeypatch: pytest.MonkeyPatch) -> None:
    """Large heights need many primes; the multimodular route alone must answer."""
    import grouprep.reps._general as general
    import grouprep.reps._real as real

    def refuse(*args: object) -> None:
        raise AssertionError("exact elimination used")

    monkeypatch.setattr(general, "_solve", refuse)
    monkeypatch.setattr(real, "_greedy_exact", refuse)
    rng = random.Random(11)
    z = root_of_unity(8)
    m = [
        [rng.randint(1, 10**30) + rng.randint(1, 10**30) * z**3 for _ in range(5)]
        for _ in range(5)
    ]
    inv = exact_inverse(m)
    assert product(m, inv) == [list(r) for r in identity_matrix(5)]
    k = product(cyclo(rng, 8, 4, 2, size=10**30), cyclo(rng, 8, 2, 5))
    assert exact_rank(k) == 2


def test_unlucky_prime_in_pivot_pattern() -> None:
    """An entry divisible by the first prime moves the pivots modulo that prime only."""
    from grouprep.reps._modular import _primes

    p = _primes(1, 1)[0]
    m = [[p, 1], [0, 0]]
    (x,) = exact_nullspace(m)
    assert (
        [fr(v) for v in x]
        == [Fraction(-1, p), Fraction(1)]
        == [
            Fraction(int(v.p), int(v.q))
            for v in to_sympy(
                [[Fraction(p), Fraction(1)], [Fraction(0), Fraction(0)]]
            ).nullspace()[0]
        ]
    )
    assert exact_rank([[p, 1, 0], [2 * p, 2, p]]) == 2


def test_a_prime_dividing_a_denominator_is_skipped():
    from fractions import Fraction

    from grouprep.reps._modular import _primes

    p = _primes(1, 1)[0]  # the first prime the rational route tries
    inv = exact_inverse([[Fraction(1, p)]])
    assert inv[0][0] == p
    assert exact_rank([[Fraction(1, p)]]) == 1
    basis = exact_nullspace([[Fraction(1, p), 1], [2, 2 * p]])
    assert len(basis) == 1
    x, y = basis[0]
    assert x * Fraction(1, p) + y == 0 and 2 * x + 2 * p * y == 0


@pytest.mark.parametrize("bad", ["a", None, 2.5, True])
def test_max_primes_is_checked(bad):
    with pytest.raises(grouprep.GroupRepTypeError, match="max_primes"):
        exact_rank([[1]], max_primes=bad)
