"""Group convolutions, invariant pooling and equivariant linear maps for many groups.

The expected values are computed by moving filters and signals ourselves (np.rot90,
np.flip, np.roll, row permutations, the multiplication of the group), never from the
featurizers' own output.
"""

import numpy as np
import pytest

import grouprep
from grouprep.actions import action_from_function
from grouprep.features import EquivariantLinear, GroupConvolution, InvariantPooling

RNG = np.random.default_rng(20260)


def _d4_move(g, x):
    """rho^r sigma^s of dihedral(4) on square images: mirror first, then r quarter turns."""
    r, s = g
    return np.rot90(np.flip(x, axis=-1) if s else x, r, axes=(-2, -1))


def _p4m_move(h):
    def move(key, x):
        (a, b), k, s = key
        y = np.rot90(np.flip(x, axis=-1) if s else x, k, axes=(-2, -1))
        return np.roll(y, (a, b), axis=(-2, -1))

    keys = [((a, b), k, s) for a in range(h) for b in range(h) for k in range(4) for s in (0, 1)]
    return move, keys


def _element_moves():
    """(action, [(element, function moving a signal by it)]) with independent moves."""
    cases = []
    d4 = grouprep.d4_action(5)
    cases.append((d4, [(g, lambda x, g=g: _d4_move(g, x)) for g in d4.group.elements()]))
    move, keys = _p4m_move(4)
    p4m = grouprep.p4m_action(4)
    cases.append(
        (
            p4m,
            [
                (
                    grouprep.image_symmetry(4, shift=k[0], rotation=k[1], mirror=bool(k[2])),
                    lambda x, k=k: move(k, x),
                )
                for k in keys
            ],
        )
    )
    n = 7
    dn = grouprep.dihedral_action(n)

    def dihedral_move(g, x):  # i -> r + (-1)^s i moves the value at i there
        r, s = g
        i = np.arange(n)
        out = np.empty_like(x)
        out[..., (r + (-1) ** s * i) % n] = x[..., i]
        return out

    cases.append((dn, [(g, lambda x, g=g: dihedral_move(g, x)) for g in dn.group.elements()]))
    sets = grouprep.set_action(4, 2)

    def rows(p, x):  # point i moves to row p[i]
        out = np.empty_like(x)
        out[..., list(p), :] = x
        return out

    cases.append((sets, [(p, lambda x, p=p: rows(p, x)) for p in sets.group.elements()]))
    A4 = grouprep.permutation_group([(1, 2, 0, 3), (0, 2, 3, 1)])
    assert A4.order == 12
    a4 = grouprep.signal_action(grouprep.permutation_action(A4))

    def points(p, x):
        out = np.empty_like(x)
        out[..., list(p)] = x
        return out

    cases.append((a4, [(p, lambda x, p=p: points(p, x)) for p in A4.elements()]))
    S3 = grouprep.symmetric(3)
    reg = grouprep.signal_action(grouprep.regular_action(S3))

    def left(g, x):  # the value at h moves to g h
        out = np.empty_like(x)
        for h in S3.elements():
            out[..., S3.index(S3.compose(g, h))] = x[..., S3.index(h)]
        return out

    cases.append((reg, [(g, lambda x, g=g: left(g, x)) for g in S3.elements()]))
    tr = grouprep.translation_action((4, 6))
    cases.append(
        (tr, [(g, lambda x, g=g: np.roll(x, g, axis=(-2, -1))) for g in tr.group.elements()])
    )
    return cases


CASES = _element_moves()
IDS = [repr(a) for a, _ in CASES]


@pytest.mark.parametrize(("action", "moves"), CASES, ids=IDS)
def test_lifting_convolution_is_the_inner_product_with_every_moved_filter(action, moves):
    X = RNG.standard_normal((3, *action.shape))
    conv = GroupConvolution(action, n_filters=2, nonlinearity="identity", random_state=1)
    H = conv.fit(X).transform(X).reshape(3, 2, -1)
    G = action.group
    assert H.shape[2] == G.order
    for f in range(2):
        psi = conv.filters_[f, 0].reshape(action.shape)
        for g, move in moves:
            expected = (X * move(psi)[None]).reshape(3, -1).sum(axis=1)
            np.testing.assert_allclose(H[:, f, G.index(g)], expected, atol=1e-10)


@pytest.mark.parametrize(("action", "moves"), CASES, ids=IDS)
def test_moving_the_input_moves_the_output_by_the_left_regular_action(action, moves):
    X = RNG.standard_normal((2, *action.shape))
    conv = GroupConvolution(action, n_filters=3, random_state=2).fit(X)
    H = conv.transform(X).reshape(2, 3, -1)
    G = action.group
    sample = moves if len(moves) <= 16 else [moves[i] for i in RNG.choice(len(moves), 16)]
    for g, move in sample:
        moved = conv.transform(move(X)).reshape(2, 3, -1)
        # (g . H)(u) = H(g^-1 u)
        gather = [G.index(G.compose(G.inverse(g), G.element(u))) for u in range(G.order)]
        np.testing.assert_allclose(moved, H[:, :, gather], atol=1e-10)
    assert conv.check(X).holds


@pytest.mark.parametrize(
    "action",
    [
        grouprep.d4_action(3),
        grouprep.p4m_action(4),
        grouprep.dihedral_action(6),
        grouprep.signal_action(grouprep.regular_action(grouprep.symmetric(3))),
    ],
    ids=repr,
)
def test_group_to_group_convolution_by_brute_force(action):
    G = action.group
    X = RNG.standard_normal((2, *action.shape))
    H = GroupConvolution(action, n_filters=2, random_state=3).fit_transform(X)
    g2g = GroupConvolution(
        action, n_filters=2, in_channels=2, domain="group", nonlinearity="identity"
    ).fit(H)
    out = g2g.transform(H).reshape(2, 2, G.order)
    Hc = H.reshape(2, 2, G.order)
    psi = g2g.filters_  # (F, c, |G|)
    inv = {u: G.index(G.inverse(G.element(u))) for u in range(G.order)}
    for g in [0, 1, G.order // 2, G.order - 1]:
        # (F * Psi)(g) = sum_c sum_u F_c(u) Psi_c(g^-1 u)
        idx = [G.index(G.compose(G.element(inv[g]), G.element(u))) for u in range(G.order)]
        expected = np.einsum("mcu,fcu->mf", Hc, psi[:, :, idx])
        np.testing.assert_allclose(out[:, :, g], expected, atol=1e-10)
    assert g2g.check(H).holds


@pytest.mark.parametrize(
    ("action", "path"),
    [
        (grouprep.p4m_action(4), "fft"),
        (grouprep.p4_action(3), "fft"),
        (grouprep.dihedral_action(7), "fft"),
        (grouprep.translation_action((3, 4)), "fft"),
        (grouprep.d4_action(4), "dense"),
        (grouprep.set_action(3, 2), "dense"),
    ],
    ids=repr,
)
def test_the_fft_path_is_the_dense_kernel(action, path):
    X = RNG.standard_normal((4, *action.shape))
    for domain in ("sites", "group"):
        data = X
        if domain == "group":
            data = GroupConvolution(action, n_filters=2).fit_transform(X)
        conv = GroupConvolution(
            action,
            n_filters=2,
            in_channels=1 if domain == "sites" else 2,
            domain=domain,
            random_state=4,
        ).fit(data)
        assert conv.path_ == path
        fast = conv.transform(data)
        conv._fit_dense(domain == "group")
        conv.path_ = "dense"
        np.testing.assert_allclose(conv.transform(data), fast, atol=1e-10)


def test_pooling_over_the_group_axis_is_invariant_under_image_rotations():
    X = RNG.standard_normal((5, 6, 6))
    action = grouprep.p4m_action(6)
    conv = GroupConvolution(action, n_filters=4).fit(X)
    assert conv.path_ == "fft"
    pool = InvariantPooling(action.group, pool="meanmax").fit(conv.transform(X))
    y = pool.transform(conv.transform(X))
    moved = np.roll(np.rot90(np.flip(X, axis=-1), 1, axes=(1, 2)), (2, 3), axis=(1, 2))
    np.testing.assert_allclose(pool.transform(conv.transform(moved)), y, atol=1e-10)
    assert pool.check(conv.transform(X)).holds
    assert y.shape == (5, 8)


def test_pooling_over_orbits_of_sites():
    # S_3 on the rows of (3, 2) sets: two orbits of sites per channel (the two columns)
    action = grouprep.set_action(3, 2)
    H = RNG.standard_normal((4, 2 * 6))
    pool = InvariantPooling(action, pool="max").fit(H)
    cells = H.reshape(4, 2, 3, 2)
    np.testing.assert_allclose(pool.transform(H), cells.max(axis=2).reshape(4, -1))
    assert pool.check(H).holds


def test_a_convolution_states_and_checks_its_own_action():
    # the translations' convolution is no D4 layer: its check holds for the translations
    # it was built from, and the law under D4 (moving by np.rot90) fails
    X = RNG.standard_normal((3, 5, 5))
    conv = GroupConvolution(n_filters=2).fit(X)
    assert conv.action_ == grouprep.translation_action((5, 5))
    assert conv.check(X).holds
    rotated = conv.transform(np.rot90(X, 1, axes=(1, 2)))
    G = conv.action_.group
    best = min(
        np.abs(rotated - conv.transform(X).reshape(3, 2, -1)[:, :, perm].reshape(3, -1)).max()
        for perm in [
            [G.index(G.compose(g, G.element(u))) for u in range(G.order)] for g in G.elements()
        ]
    )
    assert best > 1e-3


def test_bad_input_names_the_argument_the_expectation_and_what_came():
    with pytest.raises(grouprep.GroupRepValueError, match=r"'action' is d4_action\(5\).*\(6, 6\)"):
        GroupConvolution(grouprep.d4_action(5)).fit(np.zeros((2, 6, 6)))
    with pytest.raises(grouprep.GroupRepValueError, match=r"in_channels \* \|G\| = 2 \* 8"):
        GroupConvolution(grouprep.d4_action(5), in_channels=2, domain="group").fit(
            np.zeros((2, 12))
        )
    with pytest.raises(grouprep.GroupRepValueError, match="'domain' must be"):
        GroupConvolution(domain="torus").fit(np.zeros((2, 4)))
    with pytest.raises(grouprep.GroupRepTypeError, match="'action' must be a grouprep signal"):
        GroupConvolution("D4").fit(np.zeros((2, 4)))
    with pytest.raises(grouprep.SizeLimitError, match="stacked kernel"):
        GroupConvolution(grouprep.graph_action(7), n_filters=256).fit(np.zeros((1, 7, 7)))


# ------------------------------------------------------------------ equivariant linear maps
def _trivial(group):
    return grouprep.signal_action(action_from_function(group, lambda g, i: i, [0]))


@pytest.mark.parametrize("n", [2, 3, 4, 5, 6])
def test_deepsets_two_maps_for_sets(n):
    # Zaheer et al. 2017: the identity and the all-ones matrix span the S_n-maps on R^n
    layer = EquivariantLinear(grouprep.set_action(n, 1)).fit(np.zeros((1, n, 1)))
    assert layer.n_basis_ == 2
    if n == 2:  # S_2 acts regularly on 2 points: the circulants, applied by FFT
        assert layer.basis_ is None
        return
    span = np.linalg.matrix_rank(
        np.stack([*layer.basis_.reshape(2, -1), np.eye(n).ravel(), np.ones((n, n)).ravel()])
    )
    assert span == 2


@pytest.mark.parametrize(
    ("n", "k", "order_out", "bell"),
    [
        (4, 2, 2, 15),
        (5, 2, 2, 15),
        (4, 1, 2, 5),
        (4, 2, 1, 5),
        (3, 2, 0, 2),
        (5, 2, 0, 2),
        (4, 1, 1, 2),
    ],
)
def test_maron_counts_bell_numbers(n, k, order_out, bell):
    # Maron et al. 2019: maps from order-k to order-l tensors of S_n: Bell(k + l), n >= k + l
    G = grouprep.symmetric(n)
    actions = {
        0: _trivial(G),
        1: grouprep.set_action(n, 1, group=G),
        2: grouprep.graph_action(n, group=G),
    }
    a_in, a_out = actions[k], actions[order_out]
    X = RNG.standard_normal((3, *a_in.shape))
    layer = EquivariantLinear(a_in, action_out=a_out, n_filters=2, nonlinearity="identity")
    layer.fit(X)
    assert layer.n_basis_ == bell
    # brute force: permute the vertices with NumPy and compare
    out = layer.transform(X).reshape(3, 2, *a_out.shape)
    for _ in range(4):
        p = RNG.permutation(n)

        def move(x, order, p=p):  # vertex i goes to p[i]
            y = x
            for axis in range(order):
                moved = np.empty_like(y)
                index = [slice(None)] * y.ndim
                index[y.ndim - order + axis] = p
                moved[tuple(index)] = y
                y = moved
            return y

        Xm = move(X.reshape(3, *([n] * k)) if k else X, k).reshape(X.shape)
        expected = move(out.reshape(3, 2, *([n] * order_out)), order_out) if order_out else out
        got = layer.transform(Xm).reshape(expected.shape)
        np.testing.assert_allclose(got, expected, atol=1e-10)
    assert layer.check(X).holds


def test_linear_maps_between_representations_use_the_exact_intertwiners():
    rot = grouprep.reps.real_irreps(grouprep.dihedral(5))[2]  # D_5 on the plane, irreducible
    X = RNG.standard_normal((6, 2))
    layer = EquivariantLinear(rot, n_filters=3, nonlinearity="identity").fit(X)
    assert layer.n_basis_ == 1  # Schur: the scalars
    for c in range(3):
        W = layer.basis_[0] * layer.weights_[c, 0]
        np.testing.assert_allclose(W, W[0, 0] * np.eye(2), atol=1e-12)
    assert layer.check(X).holds


def test_orbital_convolution_is_the_same_class():
    from grouprep.strategies import OrbitalConvolution

    assert OrbitalConvolution is EquivariantLinear
    with pytest.raises(grouprep.GroupRepValueError, match="same group"):
        EquivariantLinear(grouprep.set_action(3, 1), action_out=grouprep.set_action(4, 1)).fit(
            np.zeros((1, 3, 1))
        )
