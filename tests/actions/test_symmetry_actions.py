"""The actions of square images, sets, graphs and values, checked by applying the groups here.

Every action is compared, element by element on random batches, with the same move written
independently in NumPy (``np.rot90``, ``np.flip``, ``np.roll``, ``X[p]``, ``A[p][:, p]``), and
must satisfy the action axioms. Orbit counts are compared with published values and with a
brute-force count written in this file (every point mapped by every group element, written
out as NumPy moves, the least code per orbit kept).

Sources
-------
* OEIS A047937: n x n binary matrices up to rotation (C_4): 1, 2, 6, 140, 16456, 8390720.
* OEIS A054247: n x n binary matrices up to D_4: 1, 2, 6, 102, 8548, 4211744.
* OEIS A179043: n x n toroidal binary arrays up to translation: 1, 2, 7, 64, 4156, 1342208.
* OEIS A255016: n x n toroidal binary arrays up to translations, row/column reflections and
  transposition (the group p4m): 1, 2, 6, 26, 805, 172112.
* OEIS A000088: graphs on n unlabelled vertices: 1, 1, 2, 4, 11, 34, 156, 1044.
* OEIS A000595: binary relations on n unlabelled points: 1, 2, 10, 104, 3044.
* OEIS A000013: binary necklaces up to complement: 1, 2, 2, 4, 4, 8, 10, 20 (n = 1..8).
* OEIS A000011: binary bracelets up to complement: 1, 2, 2, 4, 4, 8, 9, 18 (n = 1..8).
* OEIS A002076: ternary necklaces up to permutations of the symbols: 1, 2, 3, 6, 9, 26, 53.
* Multisets ("stars and bars"): a set of n points, each one of m types, up to S_n:
  C(m + n - 1, n).
* |p4| = 4 h^2 and |p4m| = 8 h^2 for the quotient by the h-periodic translations
  ((Z_h x Z_h) semidirect C_4 and D_4).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pytest

import grouprep
from grouprep import GroupRepTypeError, GroupRepValueError, SizeLimitError
from grouprep.laws import check_action

RNG = np.random.default_rng(2026)
Move = Callable[[np.ndarray], np.ndarray]


# ------------------------------------------------------------------ brute force
def _all_arrays(k: int, shape: tuple[int, ...]) -> np.ndarray:
    n = math.prod(shape)
    return np.array(list(itertools.product(range(k), repeat=n)), dtype=np.int64).reshape(
        (-1, *shape)
    )


def _brute_orbit_count(k: int, shape: tuple[int, ...], moves: Iterable[Move]) -> int:
    """Orbits of a group given as the full list of its moves: the least code per point."""
    X = _all_arrays(k, shape)
    weights = k ** np.arange(X[0].size, dtype=np.int64)
    least = None
    for move in moves:
        codes = move(X).reshape(len(X), -1) @ weights
        least = codes if least is None else np.minimum(least, codes)
    assert least is not None
    return len(np.unique(least))


def _rot(X: np.ndarray, k: int) -> np.ndarray:
    return np.rot90(X, k, axes=(-2, -1))


def _square_move(k: int, s: int, shift: tuple[int, int] = (0, 0)) -> Move:
    def move(X: np.ndarray) -> np.ndarray:
        Y = _rot(np.flip(X, -1) if s else X, k)
        return np.roll(Y, shift, axis=(-2, -1))

    return move


def _c4_moves(h: int) -> list[Move]:
    return [_square_move(k, 0) for k in range(4)]


def _d4_moves(h: int) -> list[Move]:
    return [_square_move(k, s) for k in range(4) for s in (0, 1)]


def _wallpaper_moves(h: int, mirrors: bool) -> list[Move]:
    return [
        _square_move(k, s, (a, b))
        for k in range(4)
        for s in ((0, 1) if mirrors else (0,))
        for a in range(h)
        for b in range(h)
    ]


# -------------------------------------------------------- images: the moves themselves
@pytest.mark.parametrize("h", [1, 2, 3, 5])
def test_c4_is_rot90(h: int) -> None:
    a = grouprep.c4_action(h)
    assert a.group == grouprep.cyclic(4) and a.shape == (h, h)
    X = RNG.standard_normal((3, 2, h, h))
    for k in range(4):
        np.testing.assert_array_equal(a.act(k, X), np.rot90(X, k, axes=(-2, -1)))
    # one quarter turn: (r.x)[i, j] = x[j, h-1-i]
    x = X[0, 0]
    y = a.act(1, x)
    assert all(y[i, j] == x[j, h - 1 - i] for i in range(h) for j in range(h))


@pytest.mark.parametrize("h", [1, 2, 3, 4])
def test_d4_is_rot90_after_a_left_right_flip(h: int) -> None:
    a = grouprep.d4_action(h)
    assert a.group == grouprep.dihedral(4)
    X = RNG.integers(0, 9, (4, h, h))
    for r, s in itertools.product(range(4), (0, 1)):
        want = np.rot90(np.flip(X, -1) if s else X, r, axes=(-2, -1))
        np.testing.assert_array_equal(a.act((r, s), X), want)
    x = X[0]
    y = a.act((0, 1), x)
    assert all(y[i, j] == x[i, h - 1 - j] for i in range(h) for j in range(h))


@pytest.mark.parametrize(
    ("ctor", "mirrors"), [(grouprep.p4_action, False), (grouprep.p4m_action, True)]
)
@pytest.mark.parametrize("h", [1, 2, 3, 4])
def test_wallpaper_groups_are_roll_rot90_flip(ctor: Any, mirrors: bool, h: int) -> None:
    a = ctor(h)
    G = a.group
    assert isinstance(G, grouprep.PermutationGroup)
    assert G.order == (8 if mirrors else 4) * h * h
    X = RNG.standard_normal((3, h, h))
    named = set()
    for k, s, i, j in itertools.product(range(4), (0, 1) if mirrors else (0,), range(h), range(h)):
        g = grouprep.image_symmetry(h, shift=(i, j), rotation=k, mirror=bool(s))
        assert g in G
        named.add(g)
        np.testing.assert_array_equal(a.act(g, X), _square_move(k, s, (i, j))(X))
    # image_symmetry names every element exactly once
    assert named == set(G.elements())
    # the gather table, built for all elements at once, holds the same moves
    table = a.gather_table()
    x = X[0]
    for g in G.elements():
        np.testing.assert_array_equal(x.ravel()[table[G.index(g)]].reshape(h, h), a.act(g, x))
    # p4 is a subgroup of p4m; the rotation about the centre and the unit translations
    if not mirrors:
        assert G.is_subgroup_of(grouprep.p4m_action(h).group)


@pytest.mark.parametrize("h", [3, 4, 5])
def test_wallpaper_order_equals_the_number_of_distinct_moves(h: int) -> None:
    # for h >= 3 the moves of p4m are distinct maps of the sites: count them by applying them
    x = np.arange(h * h).reshape(h, h)
    images = {
        _square_move(k, s, (i, j))(x).tobytes()
        for k, s, i, j in itertools.product(range(4), (0, 1), range(h), range(h))
    }
    assert len(images) == grouprep.p4m_action(h).group.order == 8 * h * h
    rot_images = {
        _square_move(k, 0, (i, j))(x).tobytes()
        for k, i, j in itertools.product(range(4), range(h), range(h))
    }
    assert len(rot_images) == grouprep.p4_action(h).group.order == 4 * h * h


def test_image_symmetry_composes_like_the_moves() -> None:
    h = 5
    a = grouprep.p4m_action(h)
    G = a.group
    X = RNG.standard_normal((2, h, h))
    params = [((1, 3), 1, False), ((4, 0), 2, True), ((2, 2), 3, True), ((0, 1), 0, False)]
    for p, q in itertools.product(params, repeat=2):
        g, f = grouprep.image_symmetry(h, *p), grouprep.image_symmetry(h, *q)
        want = _square_move(p[1], int(p[2]), p[0])(_square_move(q[1], int(q[2]), q[0])(X))
        np.testing.assert_array_equal(a.act(G.compose(g, f), X), want)


SQUARE_ACTIONS = [
    grouprep.c4_action(3, alphabet=2),
    grouprep.d4_action(2, alphabet=3),
    grouprep.p4_action(3, alphabet=2),
    grouprep.p4m_action(2, alphabet=2),
    grouprep.p4m_action(3, alphabet=2),
]


@pytest.mark.parametrize("action", SQUARE_ACTIONS, ids=repr)
def test_square_actions_satisfy_the_axioms(action: Any) -> None:
    k, shape = action.alphabet, action.shape
    samples = RNG.integers(0, k, (16, *shape)) if action.group.order > 8 else None
    report = check_action(action, samples)
    assert report.holds, str(report)
    real = grouprep.p4m_action(action.shape[0]) if "p4" in repr(action) else None
    if real is not None:
        report = check_action(real, RNG.standard_normal((20, *action.shape)))
        assert report.holds, str(report)


# ------------------------------------------------------------------- images: counts
@pytest.mark.parametrize(("h", "want"), [(1, 2), (2, 6), (3, 140), (4, 16456), (5, 8390720)])
def test_c4_counts_a047937(h: int, want: int) -> None:
    assert grouprep.count_orbits(grouprep.c4_action(h, alphabet=2)) == want
    if h <= 4:
        assert _brute_orbit_count(2, (h, h), _c4_moves(h)) == want


@pytest.mark.parametrize(("h", "want"), [(1, 2), (2, 6), (3, 102), (4, 8548), (5, 4211744)])
def test_d4_counts_a054247(h: int, want: int) -> None:
    assert grouprep.count_orbits(grouprep.d4_action(h, alphabet=2)) == want
    if h <= 4:
        assert _brute_orbit_count(2, (h, h), _d4_moves(h)) == want


@pytest.mark.parametrize(("h", "want"), [(1, 2), (2, 6), (3, 26), (4, 805), (5, 172112)])
def test_p4m_counts_a255016(h: int, want: int) -> None:
    assert grouprep.count_orbits(grouprep.p4m_action(h, alphabet=2)) == want
    if h <= 4:
        assert _brute_orbit_count(2, (h, h), _wallpaper_moves(h, True)) == want


@pytest.mark.parametrize("h", [1, 2, 3, 4])
def test_p4_counts_by_brute_force(h: int) -> None:
    want = _brute_orbit_count(2, (h, h), _wallpaper_moves(h, False))
    assert grouprep.count_orbits(grouprep.p4_action(h, alphabet=2)) == want
    # between the translations alone (A179043: 2, 7, 64, 4156) and p4m (A255016)
    assert [2, 6, 26, 805][h - 1] <= want <= [2, 7, 64, 4156][h - 1]


def test_image_orbits_partition_the_points() -> None:
    for action, want in [
        (grouprep.d4_action(3, alphabet=2), 102),
        (grouprep.p4_action(3, 2), None),
    ]:
        orbs = grouprep.orbits(action)
        assert sorted(p for o in orbs for p in o) == sorted(action.points())
        assert len(orbs) == grouprep.count_orbits(action)
        if want is not None:
            assert len(orbs) == want
        # orbit-stabilizer: |G x| |G_x| = |G|
        for o in orbs[::17]:
            assert len(o) * grouprep.stabilizer(action, o[0]).order == action.group.order


def test_three_colourings_of_the_2x2_square_under_d4() -> None:
    # Burnside written out: (3^4 + 2*3 + 3^2 + 2*3^2 + 2*3^3) / 8 = 21
    assert grouprep.count_orbits(grouprep.d4_action(2, alphabet=3)) == 21
    assert _brute_orbit_count(3, (2, 2), _d4_moves(2)) == 21


# -------------------------------------------------------------------------- sets
@pytest.mark.parametrize(
    "group", [None, grouprep.alternating(4), grouprep.cyclic(4), grouprep.dihedral(4)], ids=repr
)
def test_set_action_moves_rows(group: Any) -> None:
    a = grouprep.set_action(4, 3, group=group)
    G = a.group
    X = RNG.standard_normal((5, 4, 3))
    for g in G.elements():
        p = list(G.as_permutation(g))
        Y = a.act(g, X)
        np.testing.assert_array_equal(Y[:, p], X)  # row i went to row p[i]
        np.testing.assert_array_equal(a.act(G.inverse(g), X), X[:, p])
    assert check_action(a, X).holds


@pytest.mark.parametrize(("n", "d"), [(1, 1), (3, 1), (3, 2), (4, 2), (2, 3)])
def test_set_orbits_are_multisets(n: int, d: int) -> None:
    # each point one of 2^d binary vectors; a set of n of them up to order is a multiset
    want = math.comb(2**d + n - 1, n)
    assert grouprep.count_orbits(grouprep.set_action(n, d, alphabet=2)) == want


def test_set_of_points_under_cyclic_rows_counts_necklaces() -> None:
    # rows shifted cyclically: necklaces of length n over m = 2^d beads, (1/n) sum phi(e) m^(n/e)
    n, d = 6, 2
    m = 2**d
    want = sum(_phi(e) * m ** (n // e) for e in range(1, n + 1) if n % e == 0)
    a = grouprep.set_action(n, d, alphabet=2, group=grouprep.cyclic(n))
    assert grouprep.count_orbits(a) == want // n


def _phi(e: int) -> int:
    return sum(1 for i in range(1, e + 1) if math.gcd(i, e) == 1)


# ------------------------------------------------------------------------ graphs
@pytest.mark.parametrize("n", [1, 2, 4, 5])
def test_graph_action_is_a_p_p(n: int) -> None:
    a = grouprep.graph_action(n)
    G = a.group
    A = RNG.standard_normal((3, n, n))
    elements = G.elements() if G.order <= 24 else [G.random_element(RNG) for _ in range(30)]
    for g in elements:
        p = np.array(G.as_permutation(g))
        np.testing.assert_array_equal(a.act(G.inverse(g), A), A[:, p][:, :, p])
        B = a.act(g, A)
        assert all(
            B[0, p[i], p[j]] == A[0, i, j] for i in range(n) for j in range(n)
        )  # (g.A)[g i, g j] = A[i, j]
        P = np.eye(n)[:, p]  # P e_i = e_{p[i]}
        np.testing.assert_allclose(B, P @ A @ P.T, rtol=0, atol=1e-12)


@pytest.mark.parametrize("n", [2, 3, 4])
def test_edge_action_agrees_with_the_adjacency_matrix(n: int) -> None:
    e, a = grouprep.edge_action(n), grouprep.graph_action(n)
    upper = np.triu_indices(n, 1)
    M = RNG.standard_normal((4, n, n))
    A = M + np.swapaxes(M, -1, -2)
    for g in e.group.elements():
        np.testing.assert_array_equal(
            e.act(g, A[:, upper[0], upper[1]]), a.act(g, A)[:, upper[0], upper[1]]
        )
    assert check_action(e, A[:, upper[0], upper[1]]).holds


def _brute_graph_count(n: int) -> int:
    """Graphs on n vertices: every adjacency matrix, relabelled by every permutation."""
    pairs = list(itertools.combinations(range(n), 2))
    seen = set()
    for bits in itertools.product((0, 1), repeat=len(pairs)):
        A = np.zeros((n, n), dtype=np.int8)
        for (i, j), b in zip(pairs, bits, strict=True):
            A[i, j] = A[j, i] = b
        seen.add(min(A[list(p)][:, list(p)].tobytes() for p in itertools.permutations(range(n))))
    return len(seen)


@pytest.mark.parametrize(("n", "want"), [(2, 2), (3, 4), (4, 11), (5, 34), (6, 156), (7, 1044)])
def test_graphs_count_a000088(n: int, want: int) -> None:
    assert grouprep.count_orbits(grouprep.edge_action(n, alphabet=2)) == want
    if n <= 5:
        assert _brute_graph_count(n) == want


@pytest.mark.parametrize(("n", "want"), [(1, 2), (2, 10), (3, 104), (4, 3044)])
def test_relations_count_a000595(n: int, want: int) -> None:
    a = grouprep.graph_action(n, alphabet=2)
    assert grouprep.count_orbits(a) == want
    if n <= 3:
        moves = [
            (lambda X, p=list(p): X[..., p, :][..., :, p])
            for p in itertools.permutations(range(n))
        ]
        assert _brute_orbit_count(2, (n, n), moves) == want
        assert len(grouprep.orbits(a)) == want


def test_graph_orbits_by_grouprep_are_isomorphism_classes() -> None:
    a = grouprep.edge_action(4, alphabet=2)
    orbs = grouprep.orbits(a)
    assert len(orbs) == 11
    sizes = sorted(len(o) for o in orbs)
    # orbit sizes 4!/|Aut|: empty, K4 (1 each); one edge, its complement (6); ...
    assert sum(sizes) == 2**6
    assert all(24 % s == 0 for s in sizes)


# ------------------------------------------------------------------------ values
def test_bit_flip_and_colour_permutations() -> None:
    flip = grouprep.bit_flip_action()
    X = RNG.integers(0, 2, (3, 5))
    np.testing.assert_array_equal(flip.act(1, X), 1 - X)
    np.testing.assert_array_equal(flip.act(0, X), X)
    colours = grouprep.colour_permutation_action(4)
    Y = RNG.integers(0, 4, (6, 3))
    for p in colours.group.elements():
        np.testing.assert_array_equal(colours.act(p, Y), np.array(p)[Y])
    assert check_action(flip).holds and check_action(colours).holds


SITE_VALUE = [
    (grouprep.shift_action(5, alphabet=2), grouprep.bit_flip_action()),
    (grouprep.dihedral_action(4, alphabet=3), grouprep.colour_permutation_action(3)),
    (grouprep.d4_action(2, alphabet=2), grouprep.bit_flip_action()),
    (grouprep.edge_action(4, alphabet=2), grouprep.bit_flip_action()),
    (
        grouprep.set_action(3, 2, alphabet=3),
        grouprep.permutation_action(grouprep.cyclic(3)),
    ),
]


@pytest.mark.parametrize(("sites", "values"), SITE_VALUE, ids=repr)
def test_site_value_action_moves_sites_then_relabels(sites: Any, values: Any) -> None:
    a = grouprep.site_value_action(sites, values)
    G = a.group
    assert grouprep.direct_product(sites.group, values.group) == G
    k = values.num_points
    X = RNG.integers(0, k, (4, *sites.shape))
    for g, h in G.elements():
        sigma = np.array(values.group.as_permutation(h))
        want = sigma[sites.act(g, X)]
        np.testing.assert_array_equal(a.act((g, h), X), want)
        # the two parts commute
        np.testing.assert_array_equal(sites.act(g, sigma[X]), want)
        # Burnside's fixed points, counted over all points
        P = a.points_array()
        fixed = np.all(a.act((g, h), P) == P, axis=tuple(range(1, P.ndim)))
        assert a.fixed_point_count((g, h)) == int(fixed.sum())
    pts = a.points()
    report = check_action(a, [pts[i] for i in RNG.integers(0, len(pts), 5)])
    assert report.holds, str(report)
    gs = [G.random_element(RNG) for _ in range(len(X))]
    np.testing.assert_array_equal(
        a.act_each(gs, X), np.stack([a.act(g, x) for g, x in zip(gs, X, strict=True)])
    )
    np.testing.assert_array_equal(
        a.act((G.identity[0], values.group.identity), X.astype(float)), X
    )


def _complement_moves(moves: list[Move]) -> list[Move]:
    return moves + [(lambda X, m=m: 1 - m(X)) for m in moves]


@pytest.mark.parametrize(("n", "want"), list(enumerate([1, 2, 2, 4, 4, 8, 10, 20], start=1)))
def test_necklaces_up_to_complement_a000013(n: int, want: int) -> None:
    a = grouprep.site_value_action(
        grouprep.shift_action(n, alphabet=2), grouprep.bit_flip_action()
    )
    assert grouprep.count_orbits(a) == want
    assert len(grouprep.orbits(a)) == want
    shifts = [(lambda X, s=s: np.roll(X, s, axis=-1)) for s in range(n)]
    assert _brute_orbit_count(2, (n,), _complement_moves(shifts)) == want


@pytest.mark.parametrize(("n", "want"), list(enumerate([1, 2, 2, 4, 4, 8, 9, 18], start=1)))
def test_bracelets_up_to_complement_a000011(n: int, want: int) -> None:
    a = grouprep.site_value_action(
        grouprep.dihedral_action(n, alphabet=2), grouprep.bit_flip_action()
    )
    assert grouprep.count_orbits(a) == want
    moves = [(lambda X, s=s: np.roll(X, s, axis=-1)) for s in range(n)]
    moves += [(lambda X, s=s: np.roll(np.flip(X, -1), s, axis=-1)) for s in range(n)]
    assert _brute_orbit_count(2, (n,), _complement_moves(moves)) == want


@pytest.mark.parametrize(("n", "want"), list(enumerate([1, 2, 3, 6, 9, 26, 53], start=1)))
def test_ternary_necklaces_up_to_colour_permutation_a002076(n: int, want: int) -> None:
    a = grouprep.site_value_action(
        grouprep.shift_action(n, alphabet=3), grouprep.colour_permutation_action(3)
    )
    assert grouprep.count_orbits(a) == want
    assert sum(a.fixed_point_count(g) for g in a.group) == want * a.group.order
    perms = [np.array(p) for p in itertools.permutations(range(3))]
    moves = [(lambda X, s=s, p=p: p[np.roll(X, s, axis=-1)]) for s in range(n) for p in perms]
    assert _brute_orbit_count(3, (n,), moves) == want


def test_images_up_to_d4_and_complement() -> None:
    a = grouprep.site_value_action(grouprep.d4_action(3, alphabet=2), grouprep.bit_flip_action())
    want = _brute_orbit_count(2, (3, 3), _complement_moves(_d4_moves(3)))
    assert grouprep.count_orbits(a) == want == len(grouprep.orbits(a))
    # complementing pairs up most D4 classes of 3x3 images (102 of them), none is self-paired
    # since 9 sites is odd: a fixed image would need as many 0s as 1s
    assert want == 102 // 2


# ------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("build", "error", "match"),
    [
        (
            lambda: grouprep.c4_action(0),
            GroupRepValueError,
            r"c4_action: argument 'h' must be an int >= 1",
        ),
        (
            lambda: grouprep.d4_action(2.0),
            GroupRepTypeError,
            r"d4_action: argument 'h' must be an int",
        ),
        (
            lambda: grouprep.p4_action(3, alphabet=0),
            GroupRepValueError,
            r"p4_action: argument 'alphabet'",
        ),
        (lambda: grouprep.p4m_action(10**4), SizeLimitError, r"p4m_action: argument 'h'"),
        (
            lambda: grouprep.image_symmetry(3, shift=1),
            GroupRepTypeError,
            r"argument 'shift' must be a pair",
        ),
        (
            lambda: grouprep.image_symmetry(3, shift=(0, 0.5)),
            GroupRepTypeError,
            r"argument 'shift\[1\]'",
        ),
        (
            lambda: grouprep.image_symmetry(3, rotation=1.0),
            GroupRepTypeError,
            r"argument 'rotation'",
        ),
        (
            lambda: grouprep.image_symmetry(3, mirror=1),
            GroupRepTypeError,
            r"argument 'mirror' must be True or False",
        ),
        (lambda: grouprep.set_action(0, 2), GroupRepValueError, r"set_action: argument 'n'"),
        (lambda: grouprep.set_action(3, 0), GroupRepValueError, r"set_action: argument 'd'"),
        (
            lambda: grouprep.set_action(3, 2, group=grouprep.cyclic(4)),
            GroupRepValueError,
            r"argument 'group' must act on the n = 3 points",
        ),
        (
            lambda: grouprep.set_action(3, 2, group="S3"),
            GroupRepTypeError,
            r"set_action: argument 'group'",
        ),
        (lambda: grouprep.graph_action(-1), GroupRepValueError, r"graph_action: argument 'n'"),
        (
            lambda: grouprep.graph_action(4, group=grouprep.symmetric(3)),
            GroupRepValueError,
            r"degree 3",
        ),
        (
            lambda: grouprep.edge_action(1),
            GroupRepValueError,
            r"edge_action: argument 'n' must be an int >= 2",
        ),
        (
            lambda: grouprep.colour_permutation_action(0),
            GroupRepValueError,
            r"colour_permutation_action: argument 'k'",
        ),
        (
            lambda: grouprep.site_value_action(
                grouprep.shift_action(4), grouprep.bit_flip_action()
            ),
            GroupRepValueError,
            r"argument 'sites' must act on signals over the 2 symbols",
        ),
        (
            lambda: grouprep.site_value_action(
                grouprep.shift_action(4, 3), grouprep.bit_flip_action()
            ),
            GroupRepValueError,
            r"alphabet=2",
        ),
        (
            lambda: grouprep.site_value_action(
                grouprep.permutation_action(grouprep.cyclic(4)), grouprep.bit_flip_action()
            ),
            GroupRepTypeError,
            r"argument 'sites' must be a SignalAction",
        ),
        (
            lambda: grouprep.site_value_action(grouprep.shift_action(4, 2), grouprep.cyclic(2)),
            GroupRepTypeError,
            r"argument 'values' must be a PermutationAction",
        ),
    ],
)
def test_constructors_refuse_bad_arguments(build: Any, error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        build()


def test_site_value_action_refuses_bad_signals_and_elements() -> None:
    a = grouprep.site_value_action(
        grouprep.shift_action(4, alphabet=2), grouprep.bit_flip_action()
    )
    with pytest.raises(GroupRepValueError, match=r"symbols in 0\.\.1"):
        a.act((1, 1), np.array([0, 1, 2, 0]))
    with pytest.raises(GroupRepValueError, match="trailing shape"):
        a.act((1, 1), np.zeros(5, dtype=int))
    with pytest.raises(grouprep.NotAnElementError):
        a.act(1, (0, 0, 0, 0))
    with pytest.raises(GroupRepValueError, match="pair one element with one signal"):
        a.act_each([(0, 0)], np.zeros((2, 4), dtype=int))


def test_image_actions_refuse_wrong_shapes() -> None:
    with pytest.raises(GroupRepValueError, match=r"trailing shape \(3, 3\)"):
        grouprep.d4_action(3).act((1, 0), np.zeros((3, 4)))
    with pytest.raises(grouprep.NotAnElementError):
        grouprep.p4_action(3).act(grouprep.image_symmetry(3, mirror=True), np.zeros((3, 3)))
    with pytest.raises(grouprep.NotAnElementError):
        grouprep.p4_action(3).act(grouprep.image_symmetry(4), np.zeros((3, 3)))
