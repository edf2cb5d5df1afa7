"""Exact proofs of invariance and equivariance of polynomials."""

from __future__ import annotations

import pytest
import sympy

import grouprep
from grouprep.reps import irreps, real_irreps, regular_representation


def test_invariant_polynomials_are_proved_and_others_refuted_with_the_generator():
    n = 5
    rho = regular_representation(grouprep.cyclic(n))
    x = sympy.symbols(f"x0:{n}")
    proved = grouprep.prove_invariant(sum(xi**3 for xi in x) + x[0] * x[1] * x[2] * 0, rho)
    assert proved.holds and proved.exhaustive
    assert len(proved.certificate) == len(rho.group.generators)
    assert "= 0 exactly" in proved.certificate[0]
    broken = grouprep.prove_invariant(x[0] ** 2 + x[1] ** 2, rho)
    assert not broken.holds
    diff = broken.counterexample["f(rho(g) x) - f(x)"]
    assert diff != 0 and broken.counterexample["generator"] in rho.group.generators
    assert "FAILS" in str(broken)


def test_rotation_invariants_with_irrational_coefficients():
    # the rotation by 2 pi / 5: |z|^2 and Re z^5 are invariant, Re z^2 is not
    rot = real_irreps(grouprep.cyclic(5))[-2]
    x, y = sympy.symbols("x0:2")
    assert grouprep.prove_invariant(x**2 + y**2, rot).holds
    re_z5 = x**5 - 10 * x**3 * y**2 + 5 * x * y**4
    im_z5 = 5 * x**4 * y - 10 * x**2 * y**3 + y**5
    assert grouprep.prove_invariant(re_z5, rot).holds
    assert grouprep.prove_invariant(im_z5, rot).holds
    assert not grouprep.prove_invariant(x**2 - y**2, rot).holds


def test_complex_characters_coefficients_in_cyclotomic_fields():
    chi = irreps(grouprep.cyclic(3))[1]  # x -> w x
    x0 = sympy.Symbol("x0")
    assert grouprep.prove_invariant(x0**3, chi).holds
    assert not grouprep.prove_invariant(x0**2, chi).holds
    # coefficients written with exp, cos and nested radicals are read exactly
    w = sympy.exp(2 * sympy.pi * sympy.I / 3)
    assert grouprep.prove_invariant((1 + w + w**2) * x0, chi).holds  # the zero polynomial
    assert grouprep.prove_invariant(sympy.cos(sympy.pi / 8) * x0**6, chi).holds


def test_equivariance_of_convolution_vectors_and_matrices():
    n = 6
    rho = regular_representation(grouprep.cyclic(n))
    x = sympy.symbols(f"x0:{n}")
    conv = [2 * x[i] - x[i - 1] + sympy.Rational(1, 3) * x[i - 2] for i in range(n)]
    assert grouprep.prove_equivariant(conv, rho, rho).holds
    squares = [x[i] ** 2 * x[i - 1] for i in range(n)]  # pointwise nonlinear, still covariant
    assert grouprep.prove_equivariant(squares, rho, rho).holds
    report = grouprep.prove_equivariant([x[0]] * n, rho, rho)
    assert not report.holds and report.counterexample["component"] >= 0
    shift = sympy.Matrix(n, n, lambda i, j: 1 if (i - j) % n == 1 else 0)
    assert grouprep.prove_equivariant(shift, rho, rho).holds
    assert not grouprep.prove_equivariant(sympy.diag(*range(n)), rho, rho).holds
    # covariance to a different representation: the sum of coordinates goes to trivial
    triv = irreps(grouprep.cyclic(n))[0]
    assert grouprep.prove_equivariant([sum(x)], rho, triv).holds
    # the first Fourier coefficient is covariant with the character chi_{-1}
    w = sympy.exp(-2 * sympy.pi * sympy.I / n)
    X1 = sum(w ** (j) * x[j] for j in range(n))
    chi = irreps(grouprep.cyclic(n))
    assert any(grouprep.prove_equivariant([X1], rho, c).holds for c in chi)
    assert sum(grouprep.prove_equivariant([X1], rho, c).holds for c in chi) == 1


def test_bad_input():
    rho = regular_representation(grouprep.cyclic(3))
    other = regular_representation(grouprep.cyclic(4))
    x = sympy.symbols("x0:3")
    with pytest.raises(grouprep.GroupRepValueError, match="foreign symbols"):
        grouprep.prove_invariant(x[0] * sympy.Symbol("y"), rho)
    with pytest.raises(grouprep.GroupRepValueError, match="same group"):
        grouprep.prove_equivariant(list(x), rho, other)
    with pytest.raises(grouprep.GroupRepValueError, match="3 components"):
        grouprep.prove_equivariant([x[0]], rho, rho)
    with pytest.raises(grouprep.GroupRepValueError, match="shape"):
        grouprep.prove_equivariant(sympy.ones(2, 2), rho, rho)
    with pytest.raises(grouprep.GroupRepTypeError, match="'F' must be a matrix or a list"):
        grouprep.prove_equivariant(x[0], rho, rho)
    with pytest.raises(grouprep.GroupRepTypeError, match="'rep' must be a Representation"):
        grouprep.prove_invariant(x[0], "rho")
    with pytest.raises(grouprep.GroupRepValueError, match="not a cyclotomic number"):
        grouprep.prove_invariant(sympy.pi * x[0], rho)


def test_strings_are_refused_and_never_run(tmp_path):
    mark = tmp_path / "MARK"
    payload = f"__import__('os').system('touch {mark}')"
    rho = regular_representation(grouprep.cyclic(3))
    x = sympy.symbols("x0:3")
    with pytest.raises(grouprep.GroupRepTypeError, match="prove_invariant: argument 'f'"):
        grouprep.prove_invariant(payload, rho)
    with pytest.raises(grouprep.GroupRepTypeError, match="prove_equivariant: argument 'F'"):
        grouprep.prove_equivariant([x[0], payload, x[2]], rho, rho)
    with pytest.raises(grouprep.GroupRepTypeError, match="prove_invariant: argument 'f'"):
        grouprep.prove_invariant(None, rho)
    assert not mark.exists()
    # sympy Poly and plain numbers are read, not parsed
    assert grouprep.prove_invariant(sympy.Poly(x[0] + x[1] + x[2], *x), rho).holds
    assert grouprep.prove_invariant(7, rho).holds
