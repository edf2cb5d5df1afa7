"""necklace_rank keeps its exact values: brute force for small n, recorded for long ones."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

import grouprep

# ranks computed by the implementation of 2026-12-01 (commit 395cb38) for the strings below
RANKS_64 = [
    109334409047851262,
    113552713075932498,
    40501547751642194,
    42079528974314797,
    74336512084772416,
    143750104639246019,
    77818521911276091,
    258747406071129672,
    200223186170516099,
    223503494476302056,
    241552434541379204,
    205403511796127948,
    277655284022980265,
    112042357355038557,
    137146468959659454,
    23993297893910431,
    32715691420078042,
    35853424083508214,
    274048508636373794,
    212904562863043553,
    54147247520979641,
    137861143405223631,
    237612990829620878,
    218835645920950138,
    281432598343263362,
    257882383484450566,
    86427748103279607,
    42927331568846060,
    276105868483639653,
    170032105780317604,
    265777714919574064,
    193984870677862091,
    207041997639889904,
    36753034277078549,
    106626212403287033,
    12042204273907060,
    119691056815720528,
    115731739136560044,
    284294744849545596,
    218312551029228163,
]
RANKS_50_K3 = [
    4943122325019510111197,
    9858889708374659632012,
    10050086953317372011747,
    2158641240020326126396,
    5512983355569964838260,
    8838528538274296462433,
    12888265593535919587626,
    6853703501610719672942,
    1552582930750165861649,
    9649909772317486625287,
    8244753935520063764144,
    14259395908285149263293,
]
RANKS_100 = [
    2561124811998673218709906391,
    2937065226711792805541430017,
    6480674040746249761616796907,
    8504169230460378264142894946,
    7291929588198049688677901243,
    7238261635145208428597302408,
    3865556005743674092156419113,
    11657580629836934932089492658,
]


def _strings() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20261202)
    X = rng.integers(0, 2, size=(40, 64), dtype=np.uint8)
    Y = rng.integers(0, 3, size=(12, 50), dtype=np.uint8)
    Z = rng.integers(0, 2, size=(8, 100), dtype=np.uint8)
    return X, Y, Z


def test_recorded_ranks_of_long_strings() -> None:
    X, Y, Z = _strings()
    assert [int(v) for v in grouprep.necklace_rank(X)] == RANKS_64
    assert [int(v) for v in grouprep.necklace_rank(Y, 3)] == RANKS_50_K3
    assert [int(v) for v in grouprep.necklace_rank(Z)] == RANKS_100


@pytest.mark.parametrize(("n", "k"), [(1, 2), (5, 2), (6, 3), (9, 2), (12, 2), (4, 5)])
def test_ranks_equal_brute_force(n: int, k: int) -> None:
    words = list(itertools.product(range(k), repeat=n))
    classes = sorted({min(w[i:] + w[:i] for i in range(n)) for w in words})
    rank_of = {c: r for r, c in enumerate(classes)}
    expected = [rank_of[min(w[i:] + w[:i] for i in range(n))] for w in words]
    assert grouprep.necklace_rank(np.array(words), k).tolist() == expected


def test_counting_path_equals_the_numpy_reference() -> None:
    from benchmarks import _rank_reference

    rng = np.random.default_rng(7)
    for n, k in [(64, 2), (30, 3), (24, 2)]:  # k**n > 2**22: the counting path, no table
        X = rng.integers(0, k, size=(200, n))
        canonical = grouprep.least_rotation(X).canonical
        expected = _rank_reference.necklace_rank(canonical, k)
        assert np.array_equal(np.asarray(grouprep.necklace_rank(X, k), dtype=np.int64), expected)


def _brute_force_counts(n: int, k: int) -> tuple[np.ndarray, list[int]]:
    """Every string of length n and #(necklaces <= its least rotation), by listing."""
    words = list(itertools.product(range(k), repeat=n))
    necklaces = sorted({min(w[i:] + w[:i] for i in range(n)) for w in words})
    least = [min(w[i:] + w[:i] for i in range(n)) for w in words]
    return np.array(least, dtype=np.int64), [necklaces.index(c) + 1 for c in least]


@pytest.mark.parametrize(("n", "k"), [(1, 2), (2, 2), (6, 2), (9, 2), (12, 2), (5, 3), (7, 3)])
def test_both_counting_lanes_equal_brute_force(n: int, k: int) -> None:
    """The counting kernels themselves (not the table used for short strings)."""
    from grouprep.orbits import _necklaces

    canonical, expected = _brute_force_counts(n, k)
    plan = _necklaces._RankPlan(n, k)
    assert plan.wide
    assert np.asarray(plan._count_wide(canonical)).tolist() == expected
    assert np.asarray(plan._count_primes(canonical)).tolist() == expected


@pytest.mark.parametrize(
    ("n", "k"), [(64, 2), (63, 2), (70, 2), (74, 2), (40, 3), (32, 4), (17, 13)]
)
def test_wide_lanes_equal_the_primes(n: int, k: int) -> None:
    """Counts modulo 2**64 with a float64 lane agree with the Chinese remainder path.

    The largest and smallest necklaces are included: for n = 64, k = 2 the sum n * count
    wraps past 2**64 near the top, which the float lane must resolve.
    """
    from grouprep.orbits import _necklaces

    rng = np.random.default_rng(n * 100 + k)
    X = rng.integers(0, k, size=(300, n))
    X[0], X[1] = k - 1, 0
    X[2] = np.where(np.arange(n) < n // 2, 0, k - 1)
    canonical = np.ascontiguousarray(grouprep.least_rotation(X).canonical, dtype=np.int64)
    plan = _necklaces._RankPlan(n, k)
    assert plan.wide
    wide = [int(v) for v in plan._count_wide(canonical)]
    assert wide == [int(v) for v in plan._count_primes(canonical)]
    assert wide[0] == grouprep.count_necklaces(n, k)
    assert wide[1] == 1


def test_long_strings_take_the_prime_path() -> None:
    from grouprep.orbits import _necklaces

    assert not _necklaces._RankPlan(100, 2).wide  # 100 bits: beyond the float lane's bound
