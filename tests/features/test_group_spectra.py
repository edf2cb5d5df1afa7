"""The G-power spectrum and G-bispectrum for non-abelian groups, checked by moving the
signals ourselves; for Z_n the general path agrees with the FFT formulas."""

import numpy as np
import pytest

import grouprep
from grouprep.features import Bispectrum, PowerSpectrum, _spectral, selective_pairs
from grouprep.features._irreps import clebsch_gordan, numeric_irreps

RNG = np.random.default_rng(777)


def _left_regular(G, g, f):
    """(g . f)(h) = f(g^-1 h), by the group's multiplication."""
    out = np.empty_like(f)
    for h in G.elements():
        out[..., G.index(G.compose(g, h))] = f[..., G.index(h)]
    return out


GROUPS = [
    grouprep.dihedral(4),
    grouprep.dihedral(5),
    grouprep.dihedral(16),
    grouprep.symmetric(3),
    grouprep.symmetric(4),
    grouprep.direct_product(grouprep.cyclic(3), grouprep.symmetric(3)),
]


@pytest.mark.parametrize("G", GROUPS, ids=repr)
@pytest.mark.parametrize("selective", [True, False])
def test_regular_signals_invariant_by_brute_force(G, selective):
    X = RNG.standard_normal((6, G.order))
    feats = [Bispectrum(G, selective=selective).fit(X), PowerSpectrum(G).fit(X)]
    for feat in feats:
        assert feat.path_ == "group"
        y = feat.transform(X)
        scale = np.abs(y).max()
        for g in G.elements():
            moved = feat.transform(_left_regular(G, g, X))
            np.testing.assert_allclose(moved, y, atol=1e-9 * scale)


@pytest.mark.parametrize("G", GROUPS, ids=repr)
def test_clebsch_gordan_isometries_intertwine(G):
    irr = numeric_irreps(G, "test", "test")
    count = len(irr.mats)
    for i in range(count):
        for j in range(i, count):
            total = 0
            for k in range(count):
                Cs = clebsch_gordan(irr, i, j, k)
                assert len(Cs) == irr.multiplicity(i, j, k)
                for C in Cs:
                    dk = irr.dims[k]
                    np.testing.assert_allclose(np.conj(C).T @ C, np.eye(dk), atol=1e-9)
                    for g in range(G.order):
                        T = np.kron(irr.mats[i][g], irr.mats[j][g])
                        np.testing.assert_allclose(T @ C, C @ irr.mats[k][g], atol=1e-9)
                total += len(Cs) * irr.dims[k]
            assert total == irr.dims[i] * irr.dims[j]


def test_irreps_are_unitary_even_for_young_seminormal_forms():
    irr = numeric_irreps(grouprep.symmetric(4), "test", "test")
    assert irr.real
    for m in irr.mats:
        eye = np.eye(m.shape[1])
        for g in m:
            np.testing.assert_allclose(g @ g.T, eye, atol=1e-10)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("n", [5, 6, 8])
def test_the_general_path_agrees_with_the_cyclic_fft(monkeypatch, n, selective):
    X = RNG.standard_normal((7, n))
    fast_b = Bispectrum(n, selective=selective).fit(X)
    fast_p = PowerSpectrum(n).fit(X)
    assert fast_b.path_ == "cyclic"
    # the same group through the irreps: the abelian layout switched off
    monkeypatch.setattr(_spectral, "abelian_layout", lambda action: "forced general path")
    gen_b = Bispectrum(n, selective=selective).fit(X)
    gen_p = PowerSpectrum(n).fit(X)
    assert gen_b.path_ == "group"
    assert gen_b.pairs_ == fast_b.pairs_ == grouprep.bispectrum_pairs(n, selective)
    np.testing.assert_allclose(gen_p.transform(X), fast_p.transform(X), rtol=1e-9)
    # the fast columns, completed with the imaginary parts that vanish identically
    F = np.fft.fft(X)
    expected = np.array(
        [F[:, a] * F[:, b] * np.conj(F[:, (a + b) % n]) for a, b in fast_b.pairs_]
    ).T
    got = gen_b.transform(X)
    count = len(fast_b.pairs_)
    np.testing.assert_allclose(
        got[:, :count] + 1j * got[:, count:], expected, atol=1e-9 * np.abs(expected).max()
    )


def test_selective_pairs_are_few():
    for G in GROUPS:
        irr = numeric_irreps(G, "test", "test")
        pairs = selective_pairs(irr)
        assert len(pairs) <= len(irr.mats) + 1, G
        assert pairs[0] == (0, 0) or irr.characters[pairs[0][0]][0] == 1


@pytest.mark.parametrize(
    "action",
    [
        grouprep.dihedral_action(7),
        grouprep.dihedral_action(8),
        grouprep.set_action(4, 2),
        grouprep.graph_action(4),
    ],
    ids=repr,
)
def test_signals_of_other_actions_are_lifted_orbit_by_orbit(action):
    X = RNG.standard_normal((4, *action.shape))
    for feat in (Bispectrum(action).fit(X), PowerSpectrum(action).fit(X)):
        assert feat.path_ == "group"
        y = feat.transform(X)
        for g in action.group.elements()[:24]:
            np.testing.assert_allclose(
                feat.transform(action.act(g, X)), y, atol=1e-9 * np.abs(y).max()
            )
    orbits = {"dihedral_action(7)": 1, "dihedral_action(8)": 1, "set_action(4, 2)": 2}
    if repr(action) in orbits:
        assert feat.n_orbits_ == orbits[repr(action)]


def test_the_bispectrum_tells_apart_what_the_power_spectrum_does_not():
    # D_5 regular signals: f and f o inverse have the same G-power spectrum up to the
    # transposition of each block; a random other signal differs in both
    G = grouprep.dihedral(5)
    x = RNG.standard_normal((1, G.order))
    # change the phases of the Fourier coefficients of Z_5 inside: for Z_n the power
    # spectrum misses them and the bispectrum sees them
    n = 9
    z = RNG.standard_normal((1, n))
    Z = np.fft.rfft(z)
    Z[:, 1:] *= np.exp(1j * RNG.uniform(0, 2 * np.pi, Z.shape[1] - 1))
    w = np.fft.irfft(Z, n)
    ps, bs = PowerSpectrum(n).fit(z), Bispectrum(n).fit(z)
    np.testing.assert_allclose(ps.transform(w), ps.transform(z), rtol=1e-9)
    assert np.abs(bs.transform(w) - bs.transform(z)).max() > 1e-3
    b = Bispectrum(G).fit(x)
    y = RNG.standard_normal((1, G.order))
    assert np.abs(b.transform(y) - b.transform(x)).max() > 1e-3


def test_alternating_group_spectra_are_invariant():
    # A_4 (irreps by induction): the regular action, applied here by relabelling the
    # elements, f'(x) = f(g^-1 x), leaves both spectra unchanged
    A4 = grouprep.alternating(4)
    X = RNG.standard_normal((3, 12))
    elements = A4.elements()
    for g in A4.generators:
        gi = A4.inverse(g)
        moved = X[:, [A4.index(A4.compose(gi, x)) for x in elements]]
        for cls in (Bispectrum, PowerSpectrum):
            f = cls(A4).fit(X)
            assert np.allclose(f.transform(moved), f.transform(X), atol=1e-9)
    b = Bispectrum(A4).fit(X)
    assert np.abs(b.transform(RNG.standard_normal((3, 12))) - b.transform(X)).max() > 1e-3


def test_data_of_another_group_is_refused():
    with pytest.raises(grouprep.GroupRepValueError, match=r"'action'.*shape \(8,\).*shape \(6,\)"):
        Bispectrum(grouprep.dihedral(4)).fit(np.zeros((2, 6)))
    with pytest.raises(grouprep.GroupRepValueError, match=r"d4_action\(4\).*\(4, 4\).*\(5, 5\)"):
        PowerSpectrum(grouprep.d4_action(4)).fit(np.zeros((2, 5, 5)))
    with pytest.raises(grouprep.GroupRepTypeError, match="'action' must be a grouprep signal"):
        Bispectrum("D4").fit(np.zeros((2, 8)))
    with pytest.raises(grouprep.GroupRepTypeError, match="'selective' must be a bool"):
        Bispectrum(selective="yes").fit(np.zeros((2, 8)))


def test_image_rotations_d4():
    # D4 on square images (not regular): invariant to np.rot90 and np.flip
    X = RNG.standard_normal((3, 4, 4))
    feat = Bispectrum(grouprep.d4_action(4)).fit(X)
    y = feat.transform(X)
    for k in range(4):
        for s in (0, 1):
            moved = np.rot90(np.flip(X, axis=2) if s else X, k, axes=(1, 2))
            np.testing.assert_allclose(feat.transform(moved), y, atol=1e-9 * np.abs(y).max())
    assert feat.check(X).holds


@pytest.mark.parametrize("n", [3, 4, 7, 8, 16])
def test_bispectrum_inversion_lands_in_the_orbit(n):
    x = RNG.standard_normal((20, n))
    b = Bispectrum(n).fit(x)
    y = b.inverse_transform(b.transform(x))
    for xi, yi in zip(x, y, strict=True):
        errors = [np.abs(np.roll(xi, s) - yi).max() for s in range(n)]
        assert min(errors) < 1e-8 * np.abs(xi).max()
    # shifting the input does not change the answer: the features are invariant
    np.testing.assert_allclose(
        b.inverse_transform(b.transform(np.roll(x, 3, axis=1))), y, atol=1e-8
    )


def test_bispectrum_inversion_refuses_what_it_cannot_invert():
    x = np.array([[1.0, 1.0, 1.0, 1.0, 1.0]])  # X_1 = 0
    b = Bispectrum(5).fit(x)
    with pytest.raises(grouprep.GroupRepValueError, match="vanishing Fourier coefficient"):
        b.inverse_transform(b.transform(x))
    with pytest.raises(grouprep.GroupRepValueError, match="selective bispectrum of a cyclic"):
        Bispectrum(grouprep.dihedral(3)).fit(np.zeros((1, 6))).inverse_transform(np.zeros((1, 3)))
    with pytest.raises(grouprep.GroupRepValueError, match=r"shape \(n_samples, 8\)"):
        b.inverse_transform(np.zeros((1, 3)))
