"""Necklace functions: conventions, exactness beyond int64, and clear errors."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import grouprep
from grouprep import GroupRepTypeError, GroupRepValueError


def brute_necklaces(n, k):
    return sorted(
        {min(w[i:] + w[:i] for i in range(n)) for w in itertools.product(range(k), repeat=n)}
    )


@pytest.mark.parametrize(("n", "k"), [(1, 1), (1, 2), (4, 1), (6, 2), (5, 3), (4, 4), (10, 2)])
def test_generation_rank_and_unrank_agree_with_brute_force(n, k):
    expected = brute_necklaces(n, k)
    rows = [tuple(r) for r in grouprep.necklaces(n, k).tolist()]
    assert rows == expected
    assert grouprep.necklace_rank(grouprep.necklaces(n, k), k).tolist() == list(range(len(rows)))
    unranked = grouprep.necklace_unrank(np.arange(len(rows)), n, k)
    assert [tuple(r) for r in unranked.tolist()] == expected


@settings(max_examples=25, deadline=None)
@given(n=st.sampled_from([64, 65, 100]), k=st.sampled_from([2, 3]), data=st.data())
def test_rank_unrank_roundtrip_on_long_strings(n, k, data):
    total = grouprep.count_necklaces(n, k)
    r = data.draw(st.integers(0, total - 1))
    rep = grouprep.necklace_unrank(r, n, k)
    assert rep.shape == (n,)
    assert int(grouprep.necklace_rank(rep, k)) == r
    g = data.draw(st.integers(0, n - 1))
    assert int(grouprep.necklace_rank(np.roll(rep, g), k)) == r
    np.testing.assert_array_equal(grouprep.least_rotation(rep).canonical, rep)


def test_ranks_beyond_int64_are_exact_python_ints():
    n = 100
    total = grouprep.count_necklaces(n)
    assert total > 2**63
    ranks = grouprep.necklace_rank(np.array([[1] * n, [0] * (n - 1) + [1]]))
    assert ranks.dtype == object
    assert ranks.tolist() == [total - 1, 1]
    assert type(ranks[0]) is int


def test_rank_orders_classes_lexicographically():
    rng = np.random.default_rng(5)
    X = rng.integers(0, 2, (300, 64))
    canon = [tuple(r) for r in grouprep.least_rotation(X).canonical.tolist()]
    ranks = grouprep.necklace_rank(X).tolist()
    for (ca, ra), (cb, rb) in itertools.combinations(zip(canon, ranks, strict=True), 2):
        assert (ca < cb) == (ra < rb)
        assert (ca == cb) == (ra == rb)


def test_counts_are_exact_for_n_1000():
    n = 1000
    total = grouprep.count_necklaces(n)
    assert isinstance(total, int)
    assert total > 2**990
    assert grouprep.count_bracelets(n) < total
    assert grouprep.count_lyndon_words(n) < total


def test_dtypes_of_generated_arrays():
    assert grouprep.necklaces(5).dtype == np.uint8
    assert grouprep.necklaces(2, 300).dtype == np.uint16
    assert grouprep.bracelets(1, 70000).dtype == np.int64
    assert grouprep.lyndon_words(1, 3).tolist() == [[0], [1], [2]]
    assert grouprep.lyndon_words(4, 1).shape == (0, 4)


@pytest.mark.parametrize(
    "func",
    [
        grouprep.necklaces,
        grouprep.lyndon_words,
        grouprep.bracelets,
        grouprep.count_necklaces,
        grouprep.count_lyndon_words,
        grouprep.count_bracelets,
    ],
)
def test_bad_sizes(func):
    with pytest.raises(GroupRepValueError, match="'n' must be an int >= 1, got 0"):
        func(0)
    with pytest.raises(GroupRepValueError, match="'k' must be an int >= 1, got 0"):
        func(3, 0)
    with pytest.raises(GroupRepTypeError, match="'n' must be an int"):
        func(2.5)


def test_generation_refuses_astronomical_outputs():
    with pytest.raises(GroupRepValueError, match="necklace_unrank for single classes"):
        grouprep.necklaces(64)


def test_bad_strings():
    with pytest.raises(GroupRepValueError, match=r"symbols in 0 \.\. 1 \(k=2\), found 2"):
        grouprep.necklace_rank([[0, 1, 2]])
    with pytest.raises(GroupRepValueError, match="found -1"):
        grouprep.least_rotation([[0, -1, 1]])
    with pytest.raises(GroupRepTypeError, match="integer symbols, got dtype float64"):
        grouprep.least_rotation([[0.0, 1.0]])
    with pytest.raises(GroupRepTypeError, match="integer symbols, got dtype bool"):
        grouprep.least_rotation(np.array([[True, False]]))
    with pytest.raises(GroupRepValueError, match="ragged"):
        grouprep.necklace_rank([[0, 1], [1]])
    with pytest.raises(GroupRepValueError, match=r"shape \(\.\.\., n\) with n >= 1"):
        grouprep.least_rotation(np.zeros((3, 0), dtype=int))
    with pytest.raises(GroupRepValueError, match="'k' must be an int >= 1"):
        grouprep.necklace_rank([[0, 1]], k=0)


def test_bad_ranks():
    with pytest.raises(GroupRepValueError, match=r"'r' must be < count_necklaces\(6, 2\) = 14"):
        grouprep.necklace_unrank(14, 6)
    with pytest.raises(GroupRepValueError, match="'r' must be an int >= 0"):
        grouprep.necklace_unrank(-1, 6)
    with pytest.raises(GroupRepTypeError, match=r"'r\[1\]' must be an int"):
        grouprep.necklace_unrank([0, 1.5], 6)
    with pytest.raises(GroupRepValueError, match="'n' must be an int >= 1"):
        grouprep.necklace_unrank(0, 0)


@pytest.mark.parametrize(("n", "k"), [(6, 2), (5, 3), (10, 2), (4, 4)])
def test_counting_ranks_agree_with_the_table_for_short_strings(monkeypatch, n, k):
    from grouprep.orbits import _necklaces

    words = np.array(list(itertools.product(range(k), repeat=n)))
    by_table = grouprep.necklace_rank(words, k)
    monkeypatch.setattr(_necklaces, "_TABLE_WORDS", 0)  # force the counting algorithm
    by_counting = grouprep.necklace_rank(words, k)
    np.testing.assert_array_equal(by_table, by_counting)
    assert by_counting.max() == grouprep.count_necklaces(n, k) - 1


@pytest.mark.parametrize(("n", "k"), [(1, 1), (1, 3), (5, 1), (6, 2), (5, 3), (4, 4), (10, 2)])
@pytest.mark.parametrize("batch", [1, 3, 7, 10_000])
def test_iter_necklaces_walks_the_brute_force_list_from_any_rank(n, k, batch):
    expected = brute_necklaces(n, k)
    for start in sorted({0, 1, len(expected) // 3, len(expected) - 1, len(expected)}):
        batches = list(grouprep.iter_necklaces(n, k, start=start, batch=batch))
        rows = [tuple(r) for b in batches for r in b.tolist()]
        assert rows == expected[start:]
        assert all(len(b) == batch for b in batches[:-1])
        assert all(1 <= len(b) <= batch and b.shape[1] == n for b in batches)


def test_iter_necklaces_beyond_what_can_be_listed():
    # 2^64 / 64 classes: only the batches exist; each row is a necklace and its rank is
    # its position (necklace_rank counts by Sawada-Williams, independently of the walk)
    n = 64
    total = grouprep.count_necklaces(n)
    assert total > 2**57
    for start in (0, total // 2 + 12345, total - 5):
        first = next(grouprep.iter_necklaces(n, start=start, batch=200))
        assert first.dtype == np.uint8
        assert len(first) == min(200, total - start)
        np.testing.assert_array_equal(grouprep.least_rotation(first).canonical, first)
        assert grouprep.necklace_rank(first).tolist() == list(range(start, start + len(first)))
    tail = list(grouprep.iter_necklaces(n, start=total - 5, batch=200))
    assert len(tail) == 1 and tail[0][-1].tolist() == [1] * n


def test_iter_necklaces_bad_arguments():
    with pytest.raises(GroupRepValueError, match="'start' must be <= count_necklaces"):
        grouprep.iter_necklaces(4, start=7)
    with pytest.raises(GroupRepValueError, match="start"):
        grouprep.iter_necklaces(4, start=-1)
    with pytest.raises(GroupRepValueError, match="batch"):
        grouprep.iter_necklaces(4, batch=0)
    with pytest.raises(GroupRepTypeError, match="batch"):
        grouprep.iter_necklaces(4, batch=2.5)
    with pytest.raises(GroupRepValueError, match="'n'"):
        grouprep.iter_necklaces(0)


def test_iter_necklaces_allocates_only_what_remains_and_checks_k_up_front():
    (only,) = list(grouprep.iter_necklaces(3, batch=10**12))  # 4 necklaces, not 10^12 rows
    assert only.shape == (4, 3) and only.base is None  # the array itself, not a slice
    big = next(grouprep.iter_necklaces(2, 2**40, batch=3))
    assert big.dtype == np.int64 and big.tolist() == [[0, 0], [0, 1], [0, 2]]
    with pytest.raises(GroupRepValueError, match=r"'k' must be <= 2\*\*31 with a start rank"):
        grouprep.iter_necklaces(3, 2**32, start=5)
    with pytest.raises(GroupRepValueError, match=r"'k' must be <= 2\*\*63 - 1"):
        grouprep.iter_necklaces(2, 2**63)


@pytest.mark.parametrize(
    "call",
    [
        lambda: grouprep.count_necklaces(10**12, 2),
        lambda: grouprep.count_bracelets(10**6, 10**6),
        lambda: grouprep.count_lyndon_words(2**63, 3),
    ],
)
def test_counts_beyond_the_exact_size_limit_are_refused_at_once(call):
    # the exact count has about n log2(k) bits: 10**12 bits used to run without end
    with pytest.raises(grouprep.SizeLimitError, match="bits, more than"):
        call()


def test_counts_at_the_size_limit_are_exact():
    # 2**22 bits: N(2, n) = (1/n) sum_{d | n} phi(d) 2^(n/d), and n = 2^22 is a power of 2
    n = 2**22
    expected = (2**n + sum(2 ** (i - 1) * 2 ** (n >> i) for i in range(1, 23))) // n
    assert grouprep.count_necklaces(n, 2) == expected


def test_ranks_and_unranks_of_very_long_strings_are_refused_at_once():
    with pytest.raises(grouprep.SizeLimitError, match="n=5000 are longer than the 4096"):
        grouprep.necklace_rank(np.zeros(5000, dtype=np.uint8))
    with pytest.raises(grouprep.SizeLimitError, match="n=10000000 are longer than the 512"):
        grouprep.necklace_unrank(0, 10**7)
