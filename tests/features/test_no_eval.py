"""Expressions given to compile_polynomials are never evaluated or printed into run code."""

from __future__ import annotations

import numpy as np
import pytest
import sympy

import grouprep

X3 = sympy.symbols("x0:3")


def _touch(path):
    return f"__import__('os').system('touch {path}')"


@pytest.mark.parametrize("wrap", [list, tuple], ids=["list", "tuple"])
def test_a_string_is_refused_and_never_run(tmp_path, wrap):
    mark = tmp_path / "MARK"
    with pytest.raises(grouprep.GroupRepTypeError, match=r"compile_polynomials.*'exprs\[1\]'"):
        grouprep.compile_polynomials(wrap([X3[0], _touch(mark)]), X3)
    assert not mark.exists()


def test_bytes_and_none_are_refused(tmp_path):
    mark = tmp_path / "MARK"
    with pytest.raises(grouprep.GroupRepTypeError, match=r"'exprs\[0\]'.*bytes"):
        grouprep.compile_polynomials([_touch(mark).encode()], X3)
    with pytest.raises(grouprep.GroupRepTypeError, match=r"'exprs\[0\]'.*NoneType"):
        grouprep.compile_polynomials([None], X3)
    with pytest.raises(grouprep.GroupRepTypeError, match="'exprs'"):
        grouprep.compile_polynomials(np.array([_touch(mark)]), X3)
    assert not mark.exists()


def test_an_undefined_function_named_with_code_is_refused(tmp_path):
    mark = tmp_path / "MARK"
    evil = sympy.Function(f"(lambda *a: {_touch(mark)})")
    with pytest.raises(grouprep.GroupRepValueError, match="undefined function"):
        grouprep.compile_polynomials([evil(X3[0]) + X3[1]], X3)
    assert not mark.exists()


def test_a_bound_symbol_named_with_code_is_refused(tmp_path):
    # lambdify prints the index of a Sum into the code it runs
    mark = tmp_path / "MARK"
    k = sympy.Symbol(f"x0[{_touch(mark)}]")
    with pytest.raises(grouprep.GroupRepValueError, match=r"'exprs\[0\]' uses a symbol"):
        grouprep.compile_polynomials([sympy.Sum(X3[0] * k, (k, 0, 2))], X3)
    assert not mark.exists()


def test_variables_named_with_code_are_renamed_never_printed(tmp_path):
    mark = tmp_path / "MARK"
    bad = sympy.Symbol(_touch(mark))
    a, b = sympy.symbols("a b")
    f = grouprep.compile_polynomials([sympy.sin(bad) + a, bad * b], [bad, a, b])
    assert f.paths == {"lambdify": 1, "gather": 1}
    out = f(np.array([[1.0, 2.0, 3.0]]))
    np.testing.assert_allclose(out, [[np.sin(1.0) + 2.0, 3.0]])
    assert not mark.exists()


def test_sympy_functions_numbers_and_polys_still_compile():
    x = X3
    f = grouprep.compile_polynomials(
        [sympy.exp(x[0]) * sympy.sqrt(x[1]) + sympy.pi, sympy.Poly(x[0] * x[2], *x), 3], x
    )
    out = f(np.array([[0.5, 4.0, 2.0]]))
    np.testing.assert_allclose(out, [[np.exp(0.5) * 2.0 + np.pi, 1.0, 3.0]])


def test_a_foreign_sympy_subclass_is_refused():
    class Sneaky(sympy.Function):  # its printer would be user code
        pass

    with pytest.raises(grouprep.GroupRepValueError, match="Sneaky"):
        grouprep.compile_polynomials([Sneaky(X3[0])], X3)


def test_triple_fft_must_be_a_bool_or_none():
    with pytest.raises(grouprep.GroupRepTypeError, match="'triple_fft' must be True, False"):
        grouprep.compile_polynomials([X3[0] * X3[1] * X3[2]], X3, triple_fft="no")
