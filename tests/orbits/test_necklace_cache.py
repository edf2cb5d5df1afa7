"""The tables behind necklace_rank are cached within fixed bounds (entries and bytes)."""

from __future__ import annotations

import gc
import tracemalloc

import numpy as np

import grouprep
from grouprep.orbits import _necklaces


def _brute_rank(word: list[int], k: int) -> int:
    n = len(word)
    least = min(tuple(word[i:] + word[:i]) for i in range(n))
    return sum(1 for row in grouprep.necklaces(n, k).tolist() if tuple(row) < least)


def test_ranking_over_many_alphabets_keeps_the_cache_bounded() -> None:
    _necklaces._CODES_CACHE.clear()
    gc.collect()
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        for k in range(2, 461):  # unbounded, the tables of k = 2..460 hold about 130 MB
            ranks = grouprep.necklace_rank(np.array([[0, 1], [k - 1, 0]]), k)
            assert ranks.tolist() == [1, k - 1]
        gc.collect()
        after, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    cache = _necklaces._CODES_CACHE
    assert len(cache) <= cache.max_entries == 16
    assert cache.nbytes <= cache.max_bytes == 64 * 2**20
    assert after - before < 80 * 2**20
    assert len(_necklaces._PLAN_CACHE) <= _necklaces._PLAN_CACHE.max_entries


def test_cache_is_least_recently_used_and_answers_stay_right() -> None:
    cache = _necklaces._LRUCache(max_entries=2, max_bytes=100)
    made: list[str] = []

    def value(name: str, size: int) -> tuple[str, int]:
        def make() -> tuple[str, int]:
            made.append(name)
            return (name, size)

        return cache.get(name, make, lambda v: v[1])

    value("a", 10), value("b", 10), value("a", 10), value("c", 10)  # b is least recent
    assert made == ["a", "b", "c"] and len(cache) == 2
    value("a", 10)
    assert made == ["a", "b", "c"]
    value("d", 95)  # too many bytes: all older entries go, the new one stays
    assert len(cache) == 1 and cache.nbytes == 95
    for k, word in [(3, [2, 0, 1, 1]), (5, [4, 4, 0, 1]), (2, [1, 1, 0, 1, 0, 0])]:
        assert int(grouprep.necklace_rank(word, k)) == _brute_rank(word, k)
