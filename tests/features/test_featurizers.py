"""Featurizers: agreement with exact formulas, the laws on random data, sklearn conventions."""

from __future__ import annotations

import itertools
import pickle

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import grouprep
from grouprep.features import Featurizer

ALL = [
    grouprep.PowerSpectrum(),
    grouprep.Bispectrum(),
    grouprep.Bispectrum(selective=False),
    grouprep.InvariantPolynomials(degree=3),
    grouprep.CanonicalForm(),
    grouprep.GroupConvolution(n_filters=3),
    grouprep.InvariantPooling(),
    grouprep.OrbitAugmenter(),
]


def _exact_values(polys, x):
    xs = sympy.symbols(f"x0:{len(x)}")
    sub = {v: sympy.Rational(float(a)) for v, a in zip(xs, x, strict=True)}
    return np.array([complex(sympy.N(p.xreplace(sub), 30)) for p in polys])


@pytest.mark.parametrize("n", [1, 2, 5, 8])
def test_power_spectrum_and_bispectrum_equal_the_exact_polynomials(n):
    X = np.random.default_rng(n).standard_normal((3, n))
    ps = grouprep.PowerSpectrum().fit(X)
    for row, got in zip(X, ps.transform(X), strict=True):
        want = _exact_values(grouprep.power_spectrum_invariants(n), row)
        np.testing.assert_allclose(got, want.real, rtol=1e-10, atol=1e-10)
    for selective in (True, False):
        bs = grouprep.Bispectrum(selective=selective).fit(X)
        polys = grouprep.bispectrum_invariants(n, selective)
        assert len(bs.get_feature_names_out()) == len(polys)
        got = bs.transform(X[:1])[0]
        want = _exact_values(polys, X[0]).real
        np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-9 * np.abs(want).max())


@pytest.mark.parametrize("fft_from", [None, 2])
def test_compile_polynomials_paths_agree_with_exact_evaluation(fft_from, monkeypatch):
    from grouprep.features import _compile

    if fft_from is not None:  # quadratic forms by FFT from this length on
        monkeypatch.setattr(_compile, "_CIRCULANT_FFT_MIN_N", fft_from)
    n = 6
    xs = sympy.symbols(f"x0:{n}")
    exprs = (
        grouprep.power_spectrum_invariants(n)  # shift invariant: cyclic (or fft) path
        + grouprep.bispectrum_invariants(n)  # shift invariant: cyclic path
        + [sympy.Rational(1, 3), xs[0] * sympy.sqrt(2) - xs[5] ** 3]  # constants, radicals
        + [sympy.sqrt(xs[0] ** 2 + 1)]  # not a polynomial: lambdify
    )
    f = grouprep.compile_polynomials(exprs, xs)
    paths = {"cyclic", "gather", "lambdify"} | ({"fft"} if fft_from else set())
    assert set(f.paths) == paths
    X = np.random.default_rng(0).standard_normal((4, n))
    out = f(X)
    for row, got in zip(X, out, strict=True):
        want = _exact_values(exprs, row).real
        np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-9)


def test_compile_polynomials_complex_coefficients_and_renamed_variables():
    a, b = sympy.symbols("a b")
    f = grouprep.compile_polynomials([a + sympy.I * b, a * b], [a, b])
    out = f(np.array([[1.0, 2.0]]))
    assert out.dtype == np.complex128
    np.testing.assert_allclose(out, [[1 + 2j, 2]])
    with pytest.raises(grouprep.GroupRepValueError, match="not among the variables"):
        grouprep.compile_polynomials([a * sympy.Symbol("c")], [a])
    with pytest.raises(grouprep.GroupRepValueError, match=r"shape \(n_samples, 2\)"):
        f(np.ones((3, 3)))


@settings(max_examples=25, deadline=None)
@given(arrays(np.float64, (6, 7), elements=st.floats(-100, 100)))
def test_invariant_featurizers_pass_their_laws_on_random_data(X):
    for feat in (
        grouprep.PowerSpectrum(),
        grouprep.Bispectrum(),
        grouprep.InvariantPolynomials(degree=3),
        grouprep.CanonicalForm(),
    ):
        report = feat.fit(X).check(X, rtol=1e-8)
        assert report.holds, report


@settings(max_examples=25, deadline=None)
@given(arrays(np.int64, (5, 9), elements=st.integers(0, 2)))
def test_discrete_featurizers_pass_their_laws(X):
    assert grouprep.OrbitIndex(alphabet=3).fit(X).check(X).holds
    assert grouprep.CanonicalForm(return_element=True).fit(X).check(X).holds
    conv = grouprep.GroupConvolution(n_filters=2).fit(X)
    assert conv.check(X.astype(float)).holds
    pool = grouprep.InvariantPooling(9).fit(conv.transform(X))
    assert pool.check(conv.transform(X)).holds


def test_broken_featurizer_is_caught():
    X = np.random.default_rng(0).standard_normal((10, 6))
    feat = grouprep.PowerSpectrum().fit(X)
    feat._transform = lambda X: X[:, :3]  # position-dependent: not invariant
    assert not feat.check(X).holds


def test_orbit_index_matches_quotient_and_onehot():
    X = grouprep.shift_action(6, 2).points_array()
    ids = grouprep.OrbitIndex().fit_transform(X).ravel()
    assert sorted(set(ids.tolist())) == list(range(grouprep.count_necklaces(6)))
    onehot = grouprep.OrbitIndex(encoding="onehot").fit_transform(X)
    assert onehot.shape == (64, 14) and (onehot.argmax(axis=1) == ids).all()
    with pytest.raises(grouprep.GroupRepValueError, match="max_onehot"):
        grouprep.OrbitIndex(encoding="onehot", max_onehot=10).fit(X)
    with pytest.raises(grouprep.GroupRepValueError, match="integer symbols"):
        grouprep.OrbitIndex().fit(X + 0.5)
    with pytest.raises(grouprep.GroupRepValueError, match=r"symbols 0\.\.1"):
        grouprep.OrbitIndex().fit(X + 1)


def test_canonical_form_agrees_with_brute_force_and_reports_elements():
    X = np.random.default_rng(1).integers(0, 2, size=(200, 10))
    out = grouprep.CanonicalForm(return_element=True).fit_transform(X)
    can, shift, stab = out[:, :10], out[:, 10], out[:, 11]
    for x, c, s, k in zip(X, can, shift, stab, strict=True):
        rots = [np.roll(x, g) for g in range(10)]
        best = min(rots, key=lambda r: r.tolist())
        assert c.tolist() == best.tolist()
        assert np.roll(x, s).tolist() == c.tolist()
        assert k == sum(r.tolist() == best.tolist() for r in rots)
    D = grouprep.CanonicalForm(action=grouprep.dihedral_action(10)).fit_transform(X)
    assert all(D[i].tolist() <= can[i].tolist() for i in range(len(X)))


def test_orbit_augmenter_full_and_random():
    X = np.arange(8).reshape(2, 4)
    y = np.array([0, 1])
    Xa, ya = grouprep.OrbitAugmenter().fit_resample(X, y)
    assert Xa.shape == (8, 4) and ya.tolist() == [0, 1] * 4
    assert {tuple(r) for r in Xa[ya == 0]} == {tuple(np.roll(X[0], g)) for g in range(4)}
    Xr, yr = grouprep.OrbitAugmenter(mode="random", n_draws=3, random_state=1).fit_resample(X, y)
    assert Xr.shape == (8, 4) and (Xr[:2] == X).all()
    for row, label in zip(Xr, yr, strict=True):
        assert any((np.roll(X[label], g) == row).all() for g in range(4))
    with pytest.raises(grouprep.GroupRepValueError, match="one label per row"):
        grouprep.OrbitAugmenter().fit_resample(X, y[:1])


def test_group_convolution_is_a_combination_of_circulants():
    n = 5
    X = np.random.default_rng(2).standard_normal((3, n))
    conv = grouprep.GroupConvolution(n_filters=2, nonlinearity="identity").fit(X)
    rho = grouprep.reps.regular_representation(grouprep.cyclic(n))
    circulants = [np.array(A.tolist(), dtype=float) for A in grouprep.intertwiner_basis(rho, rho)]
    # output g is <x, g . psi> = sum_x x[x] psi[x - g]: the circulant with weight psi[-m]
    # on the m-th basis matrix (which maps e_0 to e_m)
    for f, psi in enumerate(conv.filters_[:, 0]):
        w = psi[(-np.arange(n)) % n]
        M = sum(c * C for c, C in zip(w, circulants, strict=True))
        np.testing.assert_allclose(conv.transform(X)[:, f * n : (f + 1) * n], X @ M.T, atol=1e-12)


@pytest.mark.parametrize("feat", ALL, ids=repr)
def test_sklearn_api_contract(feat):
    X = np.random.default_rng(3).integers(0, 2, size=(6, 8)).astype(float)
    params = feat.get_params()
    clone = type(feat)(**params)
    assert clone.get_params() == params
    with pytest.raises(grouprep.errors.NotFittedError):
        clone.transform(X)
    out = clone.fit_transform(X)
    assert out.shape[0] == X.shape[0]
    assert len(clone.get_feature_names_out()) == out.shape[1]
    again = pickle.loads(pickle.dumps(clone))
    np.testing.assert_array_equal(again.transform(X), out)
    with pytest.raises(ValueError, match="X has 7 features"):
        clone.transform(X[:, :7])
    with pytest.raises(ValueError, match="NaN"):
        clone.transform(np.where(X > 0, np.nan, X))
    assert isinstance(clone, Featurizer)
    with pytest.raises(grouprep.GroupRepValueError, match="unknown parameter"):
        clone.set_params(bogus=1)


def test_bad_parameters():
    X = np.zeros((2, 4))
    with pytest.raises(grouprep.GroupRepValueError, match=r"acts on signals of shape \(5,\)"):
        grouprep.PowerSpectrum(5).fit(X)
    with pytest.raises(grouprep.GroupRepValueError, match="'degree' must be an int >= 1"):
        grouprep.InvariantPolynomials(degree=0).fit(X)
    with pytest.raises(grouprep.GroupRepValueError, match="'mode'"):
        grouprep.OrbitAugmenter(mode="half").fit(X)
    with pytest.raises(grouprep.GroupRepValueError, match="'nonlinearity'"):
        grouprep.GroupConvolution(nonlinearity="tanh").fit(X)
    with pytest.raises(grouprep.GroupRepValueError, match="dividing"):
        grouprep.InvariantPooling(3).fit(X)
    with pytest.raises(grouprep.GroupRepValueError, match=r"acts on signals of shape \(5,\)"):
        grouprep.CanonicalForm(action=grouprep.shift_action(5)).fit(X)
    with pytest.raises(grouprep.GroupRepValueError, match="2D array"):
        grouprep.PowerSpectrum().fit(np.zeros(4))


def test_invariant_polynomials_of_real_representations():
    reps = grouprep.reps
    rot = reps.real_irreps(grouprep.dihedral(5))[2]
    X = np.random.default_rng(4).standard_normal((50, 2))
    f = grouprep.InvariantPolynomials(rot, degree=5).fit(X)
    assert len(f.polynomials_) == sum(grouprep.molien_coefficients(rot, 5)[d] for d in range(1, 6))
    assert f.check(X).holds
    both = reps.direct_sum(rot, reps.real_irreps(grouprep.dihedral(5))[1])
    g = grouprep.InvariantPolynomials(both, degree=2).fit(np.ones((2, 3)))
    assert g.check(np.random.default_rng(5).standard_normal((20, 3))).holds
    with pytest.raises(grouprep.GroupRepValueError, match="real representation"):
        grouprep.InvariantPolynomials(reps.irreps(grouprep.cyclic(3))[1]).fit(np.ones((2, 1)))
    with pytest.raises(grouprep.GroupRepValueError, match="dimension 2"):
        grouprep.InvariantPolynomials(rot).fit(np.ones((2, 3)))
    with pytest.raises(grouprep.GroupRepTypeError, match="'rep' must be a Representation"):
        grouprep.InvariantPolynomials("Z5").fit(np.ones((2, 3)))


def test_periodic_images_under_translations():
    rng = np.random.default_rng(6)
    real = rng.standard_normal((20, 4, 6))
    bits = rng.integers(0, 2, size=(20, 3, 3))
    ps = grouprep.PowerSpectrum().fit(real)
    np.testing.assert_allclose(
        ps.transform(real), (np.abs(np.fft.rfft2(real)) ** 2).reshape(20, -1), rtol=1e-12
    )
    assert ps.get_feature_names_out()[:2].tolist() == ["P0_0", "P0_1"]
    for feat, data in (
        (ps, real),
        (grouprep.GroupConvolution(n_filters=2), real),
        (grouprep.CanonicalForm(return_element=True), bits),
        (grouprep.OrbitIndex(), bits),
        (grouprep.OrbitAugmenter(), bits),
    ):
        feat.fit(data)
        assert feat.check(data).holds, feat
        assert feat.transform(data).ndim == 2
    # orbits of Z_3 x Z_3 on 3x3 bit images: 64 classes (Burnside, A184271 for 3x3)
    assert grouprep.OrbitIndex().fit(bits).num_classes_ == grouprep.count_orbits(
        grouprep.translation_action((3, 3), alphabet=2)
    )
    Xa, _ = grouprep.OrbitAugmenter().fit_resample(bits, np.zeros(20))
    assert Xa.shape == (180, 3, 3)
    with pytest.raises(grouprep.GroupRepValueError, match="samples of shape"):
        ps.transform(real[:, :, :5])
    # the bispectrum of the translations: B_{k,j} = F(k) F(e_j) conj(F(k + e_j))
    bs = grouprep.Bispectrum().fit(real)
    assert bs.check(real).holds
    F = np.fft.fft2(real)
    B = F * F[:, 1:2, 0:1] * np.conj(np.roll(F, -1, axis=1))
    np.testing.assert_allclose(bs.transform(real)[:, :24], B.real.reshape(20, -1), rtol=1e-9)


def test_canonical_form_element_columns_do_not_wrap():
    X = np.zeros((2, 300), dtype=np.uint8)
    out = grouprep.CanonicalForm(return_element=True).fit_transform(X)
    assert out[0, -1] == 300 and out.dtype == np.int64
    B = np.array([[True, False, False, False, False, True]])
    out = grouprep.CanonicalForm(return_element=True).fit_transform(B)
    assert out[0, -2] == 5 and out[0, -1] == 1  # np.roll(x, 5) = 000011 is least


@pytest.mark.parametrize("n", [3, 4, 7, 8])
def test_triple_correlation_fft_path_matches_exact_values(n):
    rho = grouprep.reps.regular_representation(grouprep.cyclic(n))
    xs = sympy.symbols(f"x0:{n}")
    polys = grouprep.invariant_basis(rho, 3) + grouprep.bispectrum_invariants(n)
    fft = grouprep.compile_polynomials(polys, xs, triple_fft=True)
    direct = grouprep.compile_polynomials(polys, xs, triple_fft=False)
    assert fft.paths == {"fft": len(polys)} and direct.paths == {"cyclic": len(polys)}
    X = np.random.default_rng(n).standard_normal((5, n))
    want = np.array([_exact_values(polys, row).real for row in X])
    scale = np.abs(want).max()
    np.testing.assert_allclose(fft(X), want, atol=1e-10 * scale)
    np.testing.assert_allclose(direct(X), want, atol=1e-10 * scale)
    # a cubic form that is not shift invariant stays on the gather path
    mixed = grouprep.compile_polynomials([xs[0] ** 3], xs, triple_fft=True)
    assert mixed.paths == {"gather": 1}


def _orbit_sums(n, degree):
    """Orbit sums of the monomials of one degree under the cyclic shift (built by brute force)."""
    xs = sympy.symbols(f"x0:{n}")
    seen, sums = set(), []
    for idx in itertools.combinations_with_replacement(range(n), degree):
        if idx in seen:
            continue
        orbit = {tuple(sorted((i + s) % n for i in idx)) for s in range(n)}
        seen |= orbit
        sums.append(sympy.Add(*[sympy.Mul(*[xs[i] for i in o]) for o in sorted(orbit)]))
    return sums


@pytest.mark.parametrize(
    ("n", "degrees"), [(1, (1, 2, 3)), (2, (1, 2, 3, 4)), (3, (2, 3, 4)), (5, (1, 3, 4)),
                       (8, (2, 3, 4)), (13, (1, 2, 3)), (32, (3,))],
)  # fmt: skip
@pytest.mark.parametrize("rows", [1, 7, 8, 9, 67])
def test_cyclic_path_matches_lambdify(n, degrees, rows):
    # the compiled correlation loop (blocks of 8 rows, chunks of up to 8 correlations that
    # share a prefix, prefixes of any length) against sympy's own evaluation of the sums
    xs = sympy.symbols(f"x0:{n}")
    polys = [p for d in degrees for p in _orbit_sums(n, d)]
    polys.append(2 * polys[0] - sympy.Rational(3, 7) * polys[-1] + 5)  # a combination
    f = grouprep.compile_polynomials(polys, xs)
    assert f.paths == {"cyclic": len(polys)}
    X = np.random.default_rng([n, rows]).standard_normal((rows, n))
    want = np.stack([np.broadcast_to(v, rows) for v in sympy.lambdify(xs, polys)(*X.T)], axis=1)
    got = f(X)
    assert got.shape == (rows, len(polys)) and got.dtype == np.float64
    np.testing.assert_allclose(got, want, rtol=1e-11, atol=1e-11 * np.abs(want).max())


def test_cyclic_path_complex_coefficients_and_constants():
    n = 5
    xs = sympy.symbols(f"x0:{n}")
    auto1 = sum(xs[j] * xs[(j + 1) % n] for j in range(n))
    cubes = sum(x**3 for x in xs)
    polys = [(1 + 2 * sympy.I) * auto1 + 3, sympy.I * cubes - sympy.Rational(1, 2), auto1 + cubes]
    f = grouprep.compile_polynomials(polys, xs)
    assert f.paths == {"cyclic": 3}
    X = np.random.default_rng(5).standard_normal((11, n))
    got = f(X)
    assert got.dtype == np.complex128
    want = np.array([_exact_values(polys, row) for row in X])
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("rows", [1, 8, 13, 100])
def test_gather_path_matches_lambdify_on_arbitrary_polynomials(rows):
    # random sparse polynomials (not shift invariant) with repeated monomials across
    # expressions, mixed degrees 0-4 and complex coefficients: the compiled prefix loop
    # against sympy's own evaluation
    rng = np.random.default_rng(rows)
    n = 7
    xs = sympy.symbols(f"x0:{n}")
    pool = [
        sympy.Mul(*[xs[i] for i in rng.integers(0, n, size=d)]) for d in rng.integers(0, 5, 40)
    ]
    polys = []
    for _ in range(12):
        picks = rng.choice(len(pool), size=rng.integers(1, 15), replace=False)
        coefs = [sympy.Rational(int(a), int(b)) for a, b in rng.integers(1, 9, (len(picks), 2))]
        polys.append(sum(c * pool[i] for c, i in zip(coefs, picks, strict=True)))
    polys.append(sympy.I * polys[0] - (2 + sympy.I) * polys[1])
    f = grouprep.compile_polynomials(polys, xs)
    assert f.paths == {"gather": len(polys)}
    X = rng.standard_normal((rows, n))
    vals = sympy.lambdify(xs, polys)(*X.T)
    want = np.stack([np.broadcast_to(np.asarray(v, dtype=complex), rows) for v in vals], axis=1)
    np.testing.assert_allclose(f(X), want, rtol=1e-11, atol=1e-11 * np.abs(want).max())


def test_cyclic_and_gather_columns_interleaved():
    # shift-invariant expressions in every other column (no 8 adjacent columns), then 9
    # adjacent ones, with rows that do not fill the last block of 8
    n = 6
    xs = sympy.symbols(f"x0:{n}")
    sums = _orbit_sums(n, 2) + _orbit_sums(n, 3)
    other = [xs[i % n] ** (1 + i % 3) - i for i in range(len(sums))]
    polys = [p for pair in zip(sums, other, strict=True) for p in pair] + sums[:9]
    f = grouprep.compile_polynomials(polys, xs)
    assert f.paths == {"cyclic": len(sums) + 9, "gather": len(other)}
    X = np.random.default_rng(6).standard_normal((21, n))
    want = np.stack([np.broadcast_to(v, len(X)) for v in sympy.lambdify(xs, polys)(*X.T)], axis=1)
    np.testing.assert_allclose(f(X), want, rtol=1e-11, atol=1e-11 * np.abs(want).max())


def test_compiled_polynomials_at_the_edges_of_float64():
    xs = sympy.symbols("x0:4")
    # in a complex output, an expression with real coefficients has imaginary part 0, also
    # where its value is infinite (not 0 * inf = NaN); on both compiled paths
    polys = [sum(xs), sympy.I * xs[0] * xs[1], xs[0] ** 2 + xs[1]]
    f = grouprep.compile_polynomials(polys, xs)
    assert f.paths == {"cyclic": 1, "gather": 2}
    out = f(np.array([[np.inf, 1.0, 2.0, 3.0]]))
    assert out[0, 0] == complex(np.inf, 0) and out[0, 2] == complex(np.inf, 0)
    # an orbit of one monomial (x0 x1 x2 x3 is fixed by the shift) is summed once, so a
    # value near the largest float64 does not overflow
    big = grouprep.compile_polynomials([xs[0] * xs[1] * xs[2] * xs[3]], xs)
    np.testing.assert_allclose(big(np.full((1, 4), 1e77)), [[1e308]], rtol=1e-12)


def test_compiled_polynomials_take_read_only_and_empty_batches():
    xs = sympy.symbols("x0:5")
    f = grouprep.compile_polynomials([*_orbit_sums(5, 2), xs[0] ** 3], xs)
    X = np.random.default_rng(2).standard_normal((10, 5))
    frozen = X.copy()
    frozen.flags.writeable = False
    np.testing.assert_array_equal(f(frozen), f(X))
    assert f(np.zeros((0, 5))).shape == (0, 4)


def test_compiled_polynomials_zero_expressions_and_exact_real_coefficients():
    xs = sympy.symbols("x0:3")
    f = grouprep.compile_polynomials([xs[0] * xs[1], 0, sympy.Integer(0) * xs[2]], xs)
    np.testing.assert_array_equal(f(np.full((5, 3), 2.0)), [[4.0, 0.0, 0.0]] * 5)
    # sqrt(2) and the golden ratio are real cyclotomic numbers: in a complex output their
    # expressions get an imaginary part of exactly 0; i x0 gets a real part of exactly 0
    golden = (1 + sympy.sqrt(5)) / 2
    polys = [sympy.sqrt(2) * xs[0] + golden, sympy.I * xs[0], sympy.sqrt(2) * sum(xs)]
    g = grouprep.compile_polynomials(polys, xs)
    assert g.paths == {"cyclic": 1, "gather": 2}
    out = g(np.array([[np.inf, 1.0, 1.0], [1.0, 2.0, 3.0]]))
    assert out[0, 0].imag == 0 and out[0, 2].imag == 0 and out[1, 1].real == 0
    np.testing.assert_allclose(out[1].real, [np.sqrt(2) + (1 + np.sqrt(5)) / 2, 0, 6 * np.sqrt(2)])
