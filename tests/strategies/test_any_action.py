"""Every strategy for every signal action: invariance and covariance by construction.

The group elements are applied by this file's own index formulas (the definitions of
the actions: rotations and reflections of an n-gon, periodic translations, permutations
of positions, even permutations, left multiplication in S_3), never by the strategy;
each family's formulas are first checked to give exactly the action's permutations.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

import grouprep

pytest.importorskip("sklearn")
from sklearn.ensemble import RandomForestClassifier

from grouprep.strategies import (
    COVARIANT_STRATEGIES,
    STRATEGIES,
    FourierInvariants,
    OrbitalConvolution,
    OrbitPooling,
    OrbitSumPolynomials,
    SiteLabels,
    applicability,
    make_strategy,
)


def small_forest():
    return RandomForestClassifier(n_estimators=8, random_state=0, n_jobs=1)


# ----------------------------------------------------------- the groups, applied by hand
def dihedral_gathers(n):
    """((r, s) . x)[m] = x[(-1)^s (m - r) mod n]."""
    m = np.arange(n)
    return [((-1) ** s * (m - r)) % n for r in range(n) for s in (0, 1)]


def translation_gathers(h, w):
    """((a, b) . x)[i, j] = x[(i - a) mod h, (j - b) mod w], on flat sites i w + j."""
    i, j = np.divmod(np.arange(h * w), w)
    return [((i - a) % h) * w + (j - b) % w for a in range(h) for b in range(w)]


def all_permutations(n):
    return [np.array(p) for p in itertools.permutations(range(n))]


def even_permutations(n):
    def parity(p):
        return sum(p[i] > p[j] for i in range(n) for j in range(i + 1, n)) % 2

    return [np.array(p) for p in itertools.permutations(range(n)) if parity(p) == 0]


def left_multiplications(points):
    """x -> (j -> x[index(k * points[j])]) for every k, under both composition rules."""
    index = {p: i for i, p in enumerate(points)}
    rules = (
        lambda a, b: tuple(a[b[i]] for i in range(len(a))),
        lambda a, b: tuple(b[a[i]] for i in range(len(a))),
    )
    return [[np.array([index[rule(k, p)] for p in points]) for k in points] for rule in rules]


def a4():
    return grouprep.permutation_group([(1, 2, 0, 3), (0, 2, 3, 1)])  # two 3-cycles


def families(alphabet):
    """name -> (action, the gather indices of its elements computed here)."""
    S3_regular = grouprep.regular_action(grouprep.symmetric(3))
    out = {
        "dihedral D6 on strings": (grouprep.dihedral_action(6, alphabet), dihedral_gathers(6)),
        "translations of 3x4 images": (
            grouprep.translation_action((3, 4), alphabet),
            translation_gathers(3, 4),
        ),
        "S5 permuting positions": (
            grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(5)), alphabet),
            all_permutations(5),
        ),
        "A4 on 4 points": (
            grouprep.signal_action(grouprep.permutation_action(a4()), alphabet),
            even_permutations(4),
        ),
        "regular S3": (grouprep.signal_action(S3_regular, alphabet), None),
        "regular C8": (
            grouprep.signal_action(grouprep.regular_action(grouprep.cyclic(8)), alphabet),
            [np.roll(np.arange(8), g) for g in range(8)],
        ),
    }
    action = out["regular S3"][0]
    mine = {frozenset(map(tuple, c)) for c in left_multiplications(list(S3_regular.points()))}
    theirs = frozenset(tuple(action.gather_index(g)) for g in action.group.elements())
    assert theirs in mine  # the action is left multiplication under one of the two rules
    out["regular S3"] = (action, [np.array(t) for t in theirs])
    return out


FAMILIES = list(families(2))


def test_the_hand_made_elements_are_the_actions_permutations():
    assert len(even_permutations(4)) == 12 == a4().order  # A_4 from two 3-cycles
    for alphabet in (None, 2):
        for name, (action, gathers) in families(alphabet).items():
            theirs = {tuple(action.gather_index(g)) for g in action.group.elements()}
            assert theirs == {tuple(int(v) for v in g) for g in gathers}, name
            assert len(theirs) == action.group.order, name  # a faithful action


def move(X, gathers, rng):
    """Each row moved by a random element (chosen here), and the elements' gathers."""
    flat = X.reshape(len(X), -1)
    picks = rng.integers(0, len(gathers), size=len(X))
    idx = np.stack([gathers[p] for p in picks])
    return np.take_along_axis(flat, idx, axis=1).reshape(X.shape), idx


INVARIANT_CASES = [
    ("quotient", {}, 2),  # the quotient takes strings
    *[
        (name, options, alphabet)
        for name, options in [
            ("invariant_features", {}),
            ("invariant_features", {"features": "polynomials", "degree": 2}),
            ("equivariant", {"n_filters": 3}),
            ("canonicalization", {}),
        ]
        for alphabet in (2, None)
    ],
]


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize(("name", "options", "alphabet"), INVARIANT_CASES, ids=lambda v: str(v))
def test_invariant_strategies_are_invariant_by_construction(family, name, options, alphabet):
    action, gathers = families(alphabet)[family]
    rng = np.random.default_rng(11)
    shape = (80, *action.shape)
    X = rng.integers(0, 2, size=shape) if alphabet else rng.standard_normal(shape)
    y = rng.integers(0, 3, size=len(X))  # arbitrary labels: invariance is not learned
    model = make_strategy(name, action, small_forest(), **options).fit(X, y)
    before = model.predict(X)
    for _ in range(3):
        moved, _ = move(X, gathers, rng)
        assert np.array_equal(model.predict(moved), before), (family, name)


@pytest.mark.parametrize("family", FAMILIES)
def test_covariant_strategies_move_the_predicted_site_with_the_input(family):
    action, gathers = families(None)[family]
    rng = np.random.default_rng(5)
    X = rng.standard_normal((150, *action.shape))
    y = X.reshape(len(X), -1).argmax(axis=1)  # the site of the largest value moves with x
    for name in ("equivariant", "canonicalization"):
        model = make_strategy(name, action, small_forest(), covariant=True).fit(X, y)
        pred = model.predict(X)
        moved, idx = move(X, gathers, rng)
        # the value at site idx[j] moves to j: site s goes to the j with idx[j] == s
        where_to = np.argsort(idx, axis=1)
        expected = where_to[np.arange(len(X)), pred]
        assert np.array_equal(model.predict(moved), expected), (family, name)
    equivariant = make_strategy("equivariant", action, covariant=True).fit(X[:100], y[:100])
    assert equivariant.score(X[100:], y[100:]) > 0.8  # the largest value is easy to find


def test_site_labels_are_the_hand_made_site_maps():
    for name, (action, gathers) in families(None).items():
        labels = SiteLabels(action)
        theirs = {
            tuple(labels.act(g, np.arange(action.num_sites))) for g in action.group.elements()
        }
        mine = {tuple(int(v) for v in np.argsort(g)) for g in gathers}
        assert theirs == mine, name
    assert SiteLabels(grouprep.shift_action(7)).act(3, np.array([5])).tolist() == [1]


def test_covariant_baseline_and_augmentation_run_on_images_and_strings():
    action = grouprep.translation_action((3, 4))
    rng = np.random.default_rng(0)
    X = rng.standard_normal((40, 3, 4))
    y = X.reshape(40, -1).argmax(axis=1)
    for name in COVARIANT_STRATEGIES:
        model = make_strategy(name, action, small_forest(), covariant=True).fit(X, y)
        assert set(model.predict(X.reshape(40, 12))) <= set(range(12))
    with pytest.raises(grouprep.GroupRepValueError, match=r"site of translation_action.*0\.\.11"):
        make_strategy("canonicalization", action, covariant=True).fit(X, y + 12)
    with pytest.raises(grouprep.GroupRepValueError, match="a covariant label must be a site"):
        make_strategy("augmentation", action, covariant=True).fit(X, y.astype(float))


# --------------------------------------------------------------- images, flat or not
@pytest.mark.parametrize("name", STRATEGIES)
def test_images_go_through_every_strategy_flat_or_not(name):
    action = grouprep.translation_action((3, 5), alphabet=2)
    rng = np.random.default_rng(1)
    X = rng.integers(0, 2, size=(60, 3, 5))
    y = rng.integers(0, 2, size=60)
    model = make_strategy(name, action, small_forest()).fit(X, y)
    flat = X.reshape(60, 15)
    assert np.array_equal(model.predict(flat), model.predict(X))
    again = make_strategy(name, action, small_forest()).fit(flat, y)
    assert np.array_equal(again.predict(X), model.predict(X))
    with pytest.raises(grouprep.GroupRepValueError, match=r"shape \(3, 5\)"):
        model.predict(X[:, :, :4])


# ----------------------------------------------------------------- the featurizers
def test_fourier_invariants_are_numpys_power_spectrum_and_separate_mirror_images():
    rng = np.random.default_rng(2)
    x = rng.standard_normal((1, 9))
    f = FourierInvariants(grouprep.shift_action(9)).fit(x)
    np.testing.assert_allclose(f.transform(x)[0, :5], np.abs(np.fft.rfft(x[0])) ** 2, rtol=1e-12)
    mirror = x[:, ::-1]
    both = f.transform(np.concatenate([x, mirror]))
    # same power spectrum (|X_k| = |X_-k|), different bispectrum: it is not a shift
    np.testing.assert_allclose(both[0, :5], both[1, :5], rtol=1e-9)
    assert np.abs(both[0, 5:] - both[1, 5:]).max() > 1e-3 * np.abs(both[0, 5:]).max()
    images = rng.standard_normal((3, 4, 6))
    g = FourierInvariants(grouprep.translation_action((4, 6))).fit(images)
    power = np.abs(np.fft.rfft2(images)) ** 2
    np.testing.assert_allclose(g.transform(images)[:, :16], power.reshape(3, -1), rtol=1e-12)
    # C_5 on the vertices of the pentagon is regular: its Fourier features apply
    pentagon = grouprep.signal_action(grouprep.permutation_action(grouprep.cyclic(5)))
    assert applicability("invariant_features", pentagon, features="fourier") is None
    h = FourierInvariants(pentagon).fit(x[:, :5])
    spectrum = np.abs(np.fft.fft(x[0, :5])) ** 2  # |X_k| = |X_-k|: k = 0, 1, 2 say it all
    np.testing.assert_allclose(np.sort(h.transform(x[:, :5])[0, :3]), np.sort(spectrum[:3]))


@pytest.mark.parametrize(
    "action",
    [
        grouprep.dihedral_action(5),
        grouprep.signal_action(grouprep.regular_action(grouprep.symmetric(3))),
        grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(4))),
        # abelian of order 4 on 4 points, but with two orbits: not regular
        grouprep.signal_action(
            grouprep.permutation_action(grouprep.permutation_group([(1, 0, 2, 3), (0, 1, 3, 2)]))
        ),
    ],
    ids=repr,
)
def test_fourier_features_are_refused_where_they_cannot_apply(action):
    with pytest.raises(grouprep.GroupRepValueError) as info:
        make_strategy("invariant_features", action, features="fourier")
    message = str(info.value)
    assert repr(action) in message and "abelian group acting regularly" in message
    assert "features='polynomials'" in message
    assert applicability("invariant_features", action, features="fourier") in message
    assert applicability("invariant_features", action) is None  # 'auto' takes polynomials


def count_orbits_of_multisets(gathers, n, d):
    """Orbits of the group on degree-d monomials (multisets of sites), by brute force."""
    seen, orbits = set(), 0
    for m in itertools.combinations_with_replacement(range(n), d):
        if m in seen:
            continue
        orbits += 1
        for g in gathers:
            seen.add(tuple(sorted(int(np.argsort(g)[i]) for i in m)))
    return orbits


@pytest.mark.parametrize("family", FAMILIES)
def test_orbit_sum_polynomials_count_the_orbits_of_monomials(family):
    action, gathers = families(None)[family]
    X = np.random.default_rng(3).standard_normal((5, *action.shape))
    f = OrbitSumPolynomials(action, degree=3).fit(X)
    names = list(f.get_feature_names_out())
    for d in (1, 2, 3):
        count = sum(name.startswith(f"d{d}_") for name in names)
        assert count == count_orbits_of_multisets(gathers, action.num_sites, d), (family, d)
    moved, _ = move(X, gathers, np.random.default_rng(4))
    np.testing.assert_allclose(f.transform(moved), f.transform(X), rtol=1e-10)


def test_symmetric_group_invariants_are_counted_by_partitions():
    # invariants of S_5 of degree d: partitions of d into at most 5 parts (1, 2, 3, 5)
    action = grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(5)))
    f = OrbitSumPolynomials(action, degree=4).fit(np.zeros((1, 5)))
    counts = [sum(n.startswith(f"d{d}_") for n in f.get_feature_names_out()) for d in (1, 2, 3, 4)]
    assert counts == [1, 2, 3, 5]


@pytest.mark.parametrize("family", FAMILIES)
def test_orbital_convolution_is_equivariant_and_pooling_invariant(family):
    action, gathers = families(None)[family]
    rng = np.random.default_rng(6)
    X = rng.standard_normal((20, *action.shape))
    conv = OrbitalConvolution(action, n_filters=3, random_state=1).fit(X)
    H = conv.transform(X).reshape(20, 3, -1)
    moved, idx = move(X, gathers, rng)
    H_moved = conv.transform(moved).reshape(20, 3, -1)
    expected = np.take_along_axis(H, np.repeat(idx[:, None, :], 3, axis=1), axis=2)
    np.testing.assert_allclose(H_moved, expected, rtol=1e-9, atol=1e-12)
    pool = OrbitPooling(action).fit(H.reshape(20, -1))
    np.testing.assert_allclose(
        pool.transform(H_moved.reshape(20, -1)), pool.transform(H.reshape(20, -1)), rtol=1e-12
    )
    assert conv.check(X).holds and pool.check(H.reshape(20, -1)).holds


def test_orbitals_are_the_published_counts():
    # S_n and A_4 are 2-transitive: 2 orbitals (identity and the rest; DeepSets' 2 maps);
    # D_n on the n-gon: the distances 0 .. n // 2; a regular action of G: |G| orbitals
    cases = [
        (grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(6))), 2),
        (grouprep.signal_action(grouprep.permutation_action(a4())), 2),
        (grouprep.dihedral_action(7), 4),
        (grouprep.dihedral_action(8), 5),
        (grouprep.signal_action(grouprep.regular_action(grouprep.symmetric(3))), 6),
        (grouprep.signal_action(grouprep.regular_action(grouprep.dihedral(4))), 8),
    ]
    for action, expected in cases:
        conv = OrbitalConvolution(action, n_filters=1).fit(np.zeros((1, *action.shape)))
        assert conv.n_orbitals_ == expected, action


def test_the_fft_and_the_orbital_matrices_are_the_same_layer_for_the_shift():
    # a circulant applied by FFT equals the dense matrix W[i, j] = w[(i - j) mod n]
    n = 7
    x = np.random.default_rng(8).standard_normal((4, n))
    conv = OrbitalConvolution(grouprep.shift_action(n), n_filters=1, random_state=3).fit(x)
    w = conv.weights_[0]  # over the group coordinates: the layer is x -> w * x
    dense = np.array([[w[(i - j) % n] for j in range(n)] for i in range(n)])
    np.testing.assert_allclose(conv.transform(x), np.maximum(x @ dense.T, 0), atol=1e-12)


# -------------------------------------------------------------------------- errors
def test_bad_arguments_of_the_new_featurizers():
    action = grouprep.dihedral_action(5)
    X = np.zeros((2, 5))
    with pytest.raises(grouprep.GroupRepTypeError, match="'action' must be a grouprep signal"):
        OrbitalConvolution("D5").fit(X)
    with pytest.raises(grouprep.GroupRepValueError, match="'n_filters' must be an int >= 1"):
        OrbitalConvolution(action, n_filters=0).fit(X)
    with pytest.raises(grouprep.GroupRepValueError, match="'degree' must be an int >= 1"):
        OrbitSumPolynomials(action, degree=1.5).fit(X)
    with pytest.raises(grouprep.GroupRepValueError, match=r"samples of shape \(5,\)"):
        OrbitSumPolynomials(action).fit(np.zeros((2, 6)))
    with pytest.raises(grouprep.GroupRepValueError, match="multiple of the 5 sites"):
        OrbitPooling(action).fit(np.zeros((2, 7)))
    with pytest.raises(grouprep.GroupRepValueError, match="'pool' must be"):
        OrbitPooling(action, pool="sum").fit(np.zeros((2, 10)))
    with pytest.raises(grouprep.GroupRepValueError, match=r"sites 0\.\.4 of dihedral_action"):
        SiteLabels(action).act((1, 0), np.array([5]))
    big = grouprep.signal_action(grouprep.regular_action(grouprep.symmetric(6)))
    why = applicability("equivariant", big)
    assert why is not None and "720 * 720^2" in why
    assert applicability("canonicalization", big) is None
    assert "invariant by construction" in applicability("quotient", action, covariant=True)
    with pytest.raises(grouprep.GroupRepValueError, match="'name' must be one of"):
        applicability("magic", action)


# ------------------------------------------- the quotient on more points than a table holds
def test_quotient_strategy_on_a_domain_too_large_to_list():
    # D_24 on bit strings: 2^24 points, beyond the table's limit of 2 * 10^6; the classes
    # are keyed by canonical form (learned in fit), an unseen class goes to one index
    from grouprep.strategies import make_strategy

    action = grouprep.dihedral_action(24, alphabet=2)
    assert action.num_points > 2 * 10**6
    rng = np.random.default_rng(5)
    X = rng.integers(0, 2, size=(60, 24))
    # a label that is a function of the class: the number of ones
    y = (X.sum(axis=1) > 12).astype(int)
    model = make_strategy("quotient", action).fit(X, y)
    assert (model.predict(X) == y).all()  # every training class is learned
    fresh = rng.integers(0, 2, size=(40, 24))
    base = model.predict(fresh)  # unseen classes: no error
    for g in action.group.elements():  # the group applied here, element by element
        assert (model.predict(action.act(g, fresh)) == base).all()
        assert (model.predict(action.act(g, X)) == y).all()


def test_default_strategies_run_on_a_domain_too_large_to_list():
    from grouprep.strategies import run_experiment

    action = grouprep.dihedral_action(24, alphabet=2)
    rng = np.random.default_rng(6)
    X = rng.integers(0, 2, size=(240, 24))
    y = (X.sum(axis=1) % 2).astype(int)
    result = run_experiment(data=(X, y), action=action, sizes=(16, 32), seeds=1, test_size=64)
    ran = {row["strategy"] for row in result.summary}
    assert ran == {
        "baseline",
        "quotient",
        "augmentation",
        "invariant_features",
        "equivariant",
        "canonicalization",
    }
    assert result.skipped == {}
    by_name = {row["strategy"]: row for row in result.summary}
    assert by_name["quotient"]["invariant"]
