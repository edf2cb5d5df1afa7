"""sympy numbers read exactly as cyclotomic numbers, and written back."""

from __future__ import annotations

import pytest
import sympy

import grouprep
from grouprep.numbers import as_cyclotomic, root_of_unity
from grouprep.numbers._sympy_bridge import cyclotomic_to_sympy


def _cos(n, k=1):
    return (root_of_unity(n, k) + root_of_unity(n, -k)) / 2


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 16, 20, 24, 32, 40, 48, 64])
def test_cosines_sines_and_exponentials_in_every_form_sympy_writes(n):
    c = sympy.cos(2 * sympy.pi / n)  # sympy may rewrite it as (nested) radicals
    s = sympy.sin(2 * sympy.pi / n)
    e = sympy.exp(2 * sympy.pi * sympy.I / n)
    assert as_cyclotomic(c) == _cos(n)
    assert as_cyclotomic(e) == root_of_unity(n)
    assert as_cyclotomic(s) * 2 * root_of_unity(4) == root_of_unity(n) - root_of_unity(n, -1)
    for z in (root_of_unity(n), _cos(n), root_of_unity(n) * 3 - 1):
        assert as_cyclotomic(cyclotomic_to_sympy(z)) == z


def test_square_roots_by_gauss_sums():
    for q in (2, 3, 5, 6, 7, 11, 12, 13, sympy.Rational(3, 4), sympy.Rational(2, 9)):
        r = as_cyclotomic(sympy.sqrt(q))
        assert r * r == as_cyclotomic(q)
        assert abs(complex(r) - float(sympy.sqrt(q))) < 1e-12
    assert as_cyclotomic(sympy.sqrt(-3)) == 1 + 2 * root_of_unity(3)
    golden = as_cyclotomic((1 + sympy.sqrt(5)) / 2)
    assert golden * golden == golden + 1


def test_real_numbers_print_without_i():
    assert cyclotomic_to_sympy(_cos(7)) == sympy.cos(2 * sympy.pi / 7)
    assert cyclotomic_to_sympy(_cos(8)) == sympy.sqrt(2) / 2
    assert cyclotomic_to_sympy(root_of_unity(4)) == sympy.I


def test_numbers_outside_cyclotomic_fields_are_refused():
    for bad in (sympy.pi, sympy.sqrt(sympy.sqrt(2)), sympy.cbrt(2), sympy.E, sympy.cos(1)):
        with pytest.raises(grouprep.GroupRepValueError, match="not a cyclotomic number"):
            as_cyclotomic(bad)
    with pytest.raises(grouprep.GroupRepTypeError, match="symbols"):
        as_cyclotomic(sympy.Symbol("a") + 1)
