"""Wrongly shaped or typed Fourier blocks get errors naming the irrep, the expected and the
given shape, not raw NumPy messages."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import grouprep
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.reps import fourier_transform, inverse_fourier_transform, irreps

GROUPS = [
    grouprep.cyclic(4),
    grouprep.dihedral(5),
    grouprep.symmetric(3),
    grouprep.direct_product(grouprep.cyclic(2), grouprep.dihedral(3)),
]


@pytest.mark.parametrize("G", GROUPS, ids=repr)
def test_round_trip_holds_for_every_group(G: Any) -> None:
    # S_3: the seminormal irreps are not unitary; the transform uses rho(g^-1), not rho(g)^*
    f = np.arange(G.order, dtype=float) - 1.5
    blocks = fourier_transform(G, f)
    assert np.allclose(inverse_fourier_transform(G, blocks), f)
    # lists of lists and integer blocks are accepted too
    as_lists = [b.tolist() for b in blocks]
    assert np.allclose(inverse_fourier_transform(G, as_lists), f)


@pytest.mark.parametrize("G", GROUPS, ids=repr)
def test_a_block_of_the_wrong_shape_names_the_irrep_and_both_shapes(G: Any) -> None:
    reps = irreps(G)
    blocks = fourier_transform(G, np.ones(G.order))
    i = max(range(len(reps)), key=lambda k: reps[k].dim)  # the largest irrep
    d = reps[i].dim
    for bad in (np.zeros((d + 1, d + 1)), np.zeros(d), np.zeros((d, d, 1)), 3.0):
        wrong = list(blocks)
        wrong[i] = bad
        with pytest.raises(GroupRepValueError) as info:
            inverse_fourier_transform(G, wrong)
        text = str(info.value)
        assert text.startswith(f"inverse_fourier_transform: coefficients[{i}] (for irreps[{i}]")
        assert f"must have shape ({d}, {d}), got shape {np.shape(bad)}" in text


def test_ragged_and_non_numeric_blocks_are_refused_clearly() -> None:
    G = grouprep.dihedral(3)
    blocks: list[Any] = list(fourier_transform(G, np.ones(6)))
    blocks[2] = [[1, 2], [3]]
    with pytest.raises(GroupRepValueError, match=r"coefficients\[2\] .* ragged"):
        inverse_fourier_transform(G, blocks)
    blocks[2] = np.array([["a", "b"], ["c", "d"]])
    with pytest.raises(GroupRepTypeError, match=r"coefficients\[2\] .* numbers"):
        inverse_fourier_transform(G, blocks)
    blocks[2] = [[None, 1], [1, 1]]
    with pytest.raises(GroupRepTypeError, match=r"coefficients\[2\] .* dtype object"):
        inverse_fourier_transform(G, blocks)


def test_wrong_count_and_wrong_container_are_refused() -> None:
    G = grouprep.cyclic(3)
    with pytest.raises(GroupRepValueError, match="one matrix per irreducible representation"):
        inverse_fourier_transform(G, [np.ones((1, 1))] * 2)
    with pytest.raises(GroupRepTypeError, match="argument 'coefficients' must be a sequence"):
        inverse_fourier_transform(G, 5)  # type: ignore[arg-type]
    with pytest.raises(GroupRepTypeError, match="argument 'group'"):
        inverse_fourier_transform("Z3", [])  # type: ignore[arg-type]


def test_fourier_transform_refuses_non_numeric_or_ragged_values() -> None:
    G = grouprep.cyclic(3)
    with pytest.raises(GroupRepTypeError, match="fourier_transform: argument 'f' must hold"):
        fourier_transform(G, ["a", "b", "c"])
    with pytest.raises(GroupRepValueError, match=r"fourier_transform: argument 'f' .* ragged"):
        fourier_transform(G, [1, [2, 3], 4])
    with pytest.raises(GroupRepTypeError, match="fourier_transform: argument 'group'"):
        fourier_transform(None, [1, 2, 3])  # type: ignore[arg-type]
