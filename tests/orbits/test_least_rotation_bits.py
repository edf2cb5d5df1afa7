"""least_rotation on bit strings (uint8 0/1) against a brute force over every rotation.

The brute force reads each of the n rotations ``numpy.roll(x, g)`` as an integer (symbol 0
most significant, so integer order is lexicographic order) and takes the least value, the
first g reaching it and how many g reach it. It shares no code with grouprep. Batches are
large enough to use the compiled kernels' parallel loops, and their lengths are not
multiples of the rows processed together, so partial groups are covered too.
"""

from __future__ import annotations

import numpy as np
import pytest

import grouprep

LENGTHS = [1, 2, 3, 7, 8, 31, 32, 33, 63, 64]


def brute_force(X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(canonical rows, least g with roll(x, g) canonical, number of such g)."""
    m, n = X.shape
    weights = np.array([1 << (n - 1 - i) for i in range(n)], dtype=np.uint64)
    codes = np.stack(
        [(np.roll(X, g, axis=1).astype(np.uint64) * weights).sum(axis=1) for g in range(n)],
        axis=1,
    )  # (m, n): code of roll(x, g); the sum of distinct powers of two cannot overflow
    first = codes.argmin(axis=1)  # argmin returns the first minimum
    hits = (codes == codes[np.arange(m), first][:, None]).sum(axis=1)
    canonical = np.stack([np.roll(row, g) for row, g in zip(X, first, strict=True)])
    return canonical.reshape(m, n), first, hits


def special_rows(n: int, rng: np.random.Generator) -> np.ndarray:
    """All zeros, all ones, a single one or zero, and periodic rows for every period."""
    rows = [np.zeros(n), np.ones(n), np.eye(1, n, n - 1)[0], 1 - np.eye(1, n, 0)[0]]
    for p in range(1, n + 1):
        if n % p == 0:
            for _ in range(3):
                rows.append(np.tile(rng.integers(0, 2, p), n // p))
    return np.array(rows, dtype=np.uint8).reshape(-1, n)


def batch(n: int, m: int, seed: int) -> np.ndarray:
    """m random rows (some sparse, some dense) between two copies of the special rows."""
    rng = np.random.default_rng(seed)
    X = rng.integers(0, 2, size=(m, n), dtype=np.uint8)
    X[m // 3 : m // 2] = rng.random((m // 2 - m // 3, n)) < 0.1  # long runs of zeros, ties
    X[m // 2 : (2 * m) // 3] = rng.random(((2 * m) // 3 - m // 2, n)) < 0.9  # runs of ones
    special = special_rows(n, rng)
    return np.concatenate([special[::-1], X, special])


def check(X: np.ndarray) -> None:
    result = grouprep.least_rotation(X)
    canonical, first, hits = brute_force(X)
    assert result.canonical.dtype == np.uint8
    np.testing.assert_array_equal(result.canonical, canonical)
    np.testing.assert_array_equal(result.shift, first)
    np.testing.assert_array_equal(result.stabilizer_order, hits)


@pytest.mark.parametrize("n", LENGTHS)
@pytest.mark.parametrize("m", [1, 17, 1003, 25_013])
def test_bit_strings_against_every_rotation(n: int, m: int) -> None:
    if m == 1:
        X = np.zeros((1, n), dtype=np.uint8)
        check(X)
        check(X + 1)
        X[0, -1] = 1
        check(X)
        return
    check(batch(n, m, seed=1000 * n + m))


@pytest.mark.parametrize("n", [32, 64])
def test_bit_strings_in_a_misaligned_buffer_and_with_leading_axes(n: int) -> None:
    X = batch(n, 1003, seed=n)
    buffer = np.zeros(X.size + 5, dtype=np.uint8)[5:]
    Y = buffer.reshape(X.shape)
    Y[:] = X
    check(Y)
    result = grouprep.least_rotation(X[:1000].reshape(10, 100, n))
    canonical, first, hits = brute_force(X[:1000])
    np.testing.assert_array_equal(result.canonical.reshape(1000, n), canonical)
    np.testing.assert_array_equal(result.shift.reshape(-1), first)
    np.testing.assert_array_equal(result.stabilizer_order.reshape(-1), hits)


@pytest.mark.parametrize("n", [32, 64])
@pytest.mark.parametrize("m", [5, 1003, 25_013])
def test_bytes_above_one_leave_the_bit_string_path(n: int, m: int) -> None:
    # uint8 symbols above 1 are valid symbols: the answer must be the general one
    X = batch(n, m, seed=n + m)
    m = len(X)
    X[m // 2, n // 3] = 2
    X[-1, 0] = 255
    fast = grouprep.least_rotation(X)
    general = grouprep.least_rotation(X.astype(np.int64))
    assert fast.canonical.dtype == np.uint8
    np.testing.assert_array_equal(fast.canonical, general.canonical)
    np.testing.assert_array_equal(fast.shift, general.shift)
    np.testing.assert_array_equal(fast.stabilizer_order, general.stabilizer_order)
    rows = [m // 2, m - 1]
    for r in rows:
        np.testing.assert_array_equal(np.roll(X[r], fast.shift[r]), fast.canonical[r])
