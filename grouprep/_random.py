"""The one helper through which grouprep takes randomness (private)."""

from __future__ import annotations

import numbers

import numpy as np

from grouprep.errors import GroupRepTypeError

RandomLike = np.random.Generator | int | None
"""What every ``rng`` argument accepts: a Generator, a seed, or None for fresh entropy."""


def as_generator(rng: RandomLike, where: str = "rng") -> np.random.Generator:
    """Turn ``rng`` into a :class:`numpy.random.Generator`.

    A Generator is used as it is (so a caller's stream advances), an int seeds a new one,
    ``None`` draws fresh entropy.
    """
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None or (isinstance(rng, numbers.Integral) and not isinstance(rng, bool)):
        return np.random.default_rng(None if rng is None else int(rng))
    raise GroupRepTypeError(
        f"{where}: argument 'rng' must be a numpy.random.Generator, an int seed or None, "
        f"got {type(rng).__name__}"
    )


def random_below(rng: np.random.Generator, n: int) -> int:
    """A uniform random Python int in ``[0, n)``; exact for n beyond 2**63."""
    if n <= 0:
        raise ValueError("random_below: n must be positive")
    if n <= 2**62:
        return int(rng.integers(n))
    bits = n.bit_length()
    nbytes = (bits + 7) // 8
    excess = nbytes * 8 - bits
    while True:  # rejection sampling on whole bytes
        value = int.from_bytes(rng.bytes(nbytes), "little") >> excess
        if value < n:
            return value
