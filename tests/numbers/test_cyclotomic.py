"""Exact cyclotomic numbers against identities and independent numerics."""

from __future__ import annotations

import cmath
import itertools
import math
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from grouprep import GroupRepTypeError, GroupRepValueError
from grouprep.numbers import Cyclotomic, root_of_unity


def E(n, k=1):
    return root_of_unity(n, k)


def numeric(n, terms):
    return sum(c * cmath.exp(2j * math.pi * j / n) for c, j in terms)


@st.composite
def elements(draw):
    n = draw(st.integers(1, 40))
    terms = draw(
        st.lists(st.tuples(st.integers(-4, 4), st.integers(0, n - 1)), min_size=0, max_size=4)
    )
    value = sum((c * E(n, j) for c, j in terms), Cyclotomic(0))
    return value, numeric(n, terms)


@settings(max_examples=200, deadline=None)
@given(elements(), elements())
def test_field_operations_match_complex_arithmetic(xa, yb):
    (x, cx), (y, cy) = xa, yb
    tol = 1e-9 * (1 + abs(cx) + abs(cy)) ** 2
    assert abs(complex(x + y) - (cx + cy)) < tol
    assert abs(complex(x - y) - (cx - cy)) < tol
    assert abs(complex(x * y) - cx * cy) < tol
    assert abs(complex(x.conjugate()) - cx.conjugate()) < tol
    if y:
        assert x / y * y == x
    assert (x + y) - y == x
    assert x * (y + 1) == x * y + x


@settings(max_examples=200, deadline=None)
@given(elements(), elements())
def test_equality_and_hash_agree_across_fields(xa, yb):
    (x, _), (y, _) = xa, yb
    if x == y:
        assert hash(x) == hash(y)
    # the same value built in a larger field is equal and hashes equally
    n = x.conductor
    big = 3 * n
    lifted = sum((c * E(big, 3 * j) for j, c in enumerate(x.coefficients(n)) if c), Cyclotomic(0))
    assert lifted == x
    assert hash(lifted) == hash(x)
    assert lifted.conductor == x.conductor


def test_roots_of_unity_relations():
    for n in range(1, 30):
        assert E(n) ** n == 1
        assert sum((E(n, k) for k in range(n)), Cyclotomic(0)) == (1 if n == 1 else 0)
        for k in range(n):
            assert E(n, k) * E(n, -k) == 1
            assert E(n, k).conjugate() == E(n, -k)
            g = math.gcd(n, k)
            assert E(n, k) == E(n // g, k // g)


@pytest.mark.parametrize(
    ("value", "conductor"),
    [
        (E(6), 3),
        (E(10), 5),
        (E(12, 3), 4),
        (E(8) + E(8, 7), 8),
        (E(5) + E(5, 4), 5),
        (E(15, 5), 3),
        (E(2), 1),
        (E(20, 5) * E(20, 5), 1),
    ],
)
def test_conductors(value, conductor):
    assert value.conductor == conductor


def test_classical_irrationalities():
    # golden ratio: (1 + sqrt 5)/2 = 1 + E(5) + E(5)^4 (A5 character values)
    phi = 1 + E(5) + E(5, 4)
    assert phi * phi == phi + 1
    # (-1 + i sqrt 7)/2 = E(7) + E(7)^2 + E(7)^4 (PSL(2,7) character values)
    b7 = E(7) + E(7, 2) + E(7, 4)
    assert b7 * b7 + b7 + 2 == 0
    assert abs(complex(b7) - (-1 + 1j * math.sqrt(7)) / 2) < 1e-12
    # sqrt 2 = E(8) + E(8)^7, i = E(4)
    assert (E(8) + E(8, 7)) ** 2 == 2
    assert E(4) ** 2 == -1
    assert (E(3) - E(3, 2)) ** 2 == -3


def test_exact_dft_unitarity_n12():
    n = 12
    for j, m in itertools.product(range(n), repeat=2):
        s = sum((E(n, j * k) * E(n, -m * k) for k in range(n)), Cyclotomic(0))
        assert s == (n if j == m else 0)


def test_rationals_and_conversions():
    x = Cyclotomic(Fraction(3, 4))
    assert x == Fraction(3, 4) and x.is_rational() and x.as_fraction() == Fraction(3, 4)
    assert hash(x) == hash(Fraction(3, 4))
    assert Cyclotomic(2) == 2 and Cyclotomic(2) == 2
    assert Cyclotomic(sympy.Rational(1, 3)) == Fraction(1, 3)
    assert float(E(8) + E(8, 7)) == pytest.approx(math.sqrt(2))
    assert (E(3) + E(3, 2)).is_real() and not E(3).is_real()
    expr = sympy.sympify(E(12) + E(12, 11))  # exact: exponentials of rational multiples of pi
    assert not expr.has(sympy.Float)
    assert abs(sympy.N(expr - sympy.sqrt(3), 60)) < sympy.Float("1e-50")
    assert sympy.sympify(Cyclotomic(5)) == 5
    assert repr(E(5)) == "E(5)" and repr(-E(4)) == "-E(4)" and repr(Cyclotomic(0)) == "0"
    assert E(12).coefficients(24) == tuple(Fraction(v) for v in E(24, 2).coefficients(24))


def test_galois_conjugates_and_inverse():
    x = 2 + E(7) - 3 * E(7, 3)
    for a in (1, 2, 3, 4, 5, 6):
        assert abs(complex(x.galois(a)) - complex(2 + E(7, a) - 3 * E(7, 3 * a))) < 1e-12
    assert x * x.inverse() == 1
    assert (x**-2) * x**2 == 1


def test_bad_input():
    with pytest.raises(GroupRepTypeError, match="floats are not exact"):
        Cyclotomic(0.5)
    with pytest.raises(GroupRepTypeError, match="bool"):
        Cyclotomic(True)
    with pytest.raises(GroupRepValueError, match="'n' must be an int >= 1"):
        root_of_unity(0)
    with pytest.raises(ZeroDivisionError):
        Cyclotomic(0).inverse()
    with pytest.raises(GroupRepValueError, match="not rational"):
        E(3).as_fraction()
    with pytest.raises(GroupRepValueError, match="coprime"):
        E(5).galois(5)
    with pytest.raises(GroupRepValueError, match="multiple of the conductor 5"):
        E(5).coefficients(7)
    with pytest.raises(GroupRepValueError, match="not real"):
        float(E(3))
    assert (E(3) == "x") is False
