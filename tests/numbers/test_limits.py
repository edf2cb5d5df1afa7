"""Cyclotomic fields beyond the stated limit are refused at once, clearly."""

from __future__ import annotations

import time

import pytest
import sympy

from grouprep.errors import SizeLimitError
from grouprep.numbers import MAX_FIELD_ORDER, Cyclotomic, as_cyclotomic, root_of_unity
from grouprep.numbers._cyclotomic import _cyclotomic_poly, _phi


def _fast(call: object) -> SizeLimitError:
    start = time.perf_counter()
    with pytest.raises(SizeLimitError) as info:
        call()  # type: ignore[operator]
    assert time.perf_counter() - start < 1.0
    return info.value


@pytest.mark.parametrize("n", [10**9, 10**30, MAX_FIELD_ORDER + 1])
def test_root_of_unity_of_a_huge_order_is_refused(n: int) -> None:
    err = _fast(lambda: root_of_unity(n))
    text = str(err)
    assert text.startswith("root_of_unity: argument 'n'")
    assert str(n) in text and str(MAX_FIELD_ORDER) in text
    assert isinstance(err, ValueError)


def test_the_limit_itself_is_accepted() -> None:
    z = root_of_unity(MAX_FIELD_ORDER, 3)
    assert z.conductor == MAX_FIELD_ORDER
    assert z ** (MAX_FIELD_ORDER // 3 + 1) != 1


def test_arithmetic_meeting_in_a_huge_field_is_refused() -> None:
    a, b = root_of_unity(1000), root_of_unity(999)
    for op in (lambda: a * b, lambda: a + b, lambda: a - b):
        text = str(_fast(op))
        assert "Q(zeta_1000)" in text and "Q(zeta_999)" in text and "999000" in text
    # equality needs no common field: the stored forms are unique
    assert a != b
    assert root_of_unity(1000, 250) == root_of_unity(999 * 4, 999)


def test_coefficients_in_a_huge_field_are_refused() -> None:
    text = str(_fast(lambda: root_of_unity(4).coefficients(4 * 10**8)))
    assert "Cyclotomic.coefficients: argument 'n'" in text and "400000000" in text


def test_sympy_numbers_of_huge_fields_are_refused() -> None:
    text = str(_fast(lambda: as_cyclotomic(sympy.exp(2 * sympy.pi * sympy.I / 10**9))))
    assert text.startswith("as_cyclotomic: the angle") and "1000000000" in text
    text = str(_fast(lambda: as_cyclotomic(sympy.sqrt(10**9 + 7))))
    assert text.startswith("as_cyclotomic: sqrt(1000000007)")
    assert as_cyclotomic(sympy.sqrt(12)) * as_cyclotomic(sympy.sqrt(3)) == 6


def test_cyclotomic_polynomials_of_highly_composite_orders_are_fast() -> None:
    # the old recursive division took 3 s at 5040 and 18 s at 20160
    start = time.perf_counter()
    for n in (5040, 20160, 55440, 60060):
        poly = _cyclotomic_poly(n)
        assert len(poly) - 1 == _phi(n) and poly[-1] == 1
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize("n", [*range(1, 80), 105, 210, 385, 1155])
def test_cyclotomic_polynomials_agree_with_sympy(n: int) -> None:
    poly = _cyclotomic_poly(n)
    x = sympy.Symbol("x")
    expected = sympy.Poly(sympy.cyclotomic_poly(n, x), x).all_coeffs()[::-1]
    assert list(poly) == [int(c) for c in expected]


def test_a_root_of_unity_is_a_root_of_its_polynomial() -> None:
    n = 360
    z = root_of_unity(n)
    total = Cyclotomic(0)
    for k, c in enumerate(_cyclotomic_poly(n)):
        if c:
            total = total + c * z**k
    assert total == 0
