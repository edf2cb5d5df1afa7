"""Exact matrices beyond the stated dimension are refused at once, before allocating."""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pytest

import grouprep
from grouprep.errors import SizeLimitError
from grouprep.reps import (
    MAX_DIM,
    Representation,
    direct_sum,
    fourier_matrix,
    induce,
    irreps,
    permutation_representation,
    regular_representation,
    tensor_product,
)


def _refused(call: Any, *needles: str) -> str:
    start = time.perf_counter()
    with pytest.raises(SizeLimitError) as info:
        call()
    assert time.perf_counter() - start < 1.0  # refused before building anything
    text = str(info.value)
    for needle in (*needles, str(MAX_DIM)):
        assert needle in text, (needle, text)
    return text


@pytest.mark.parametrize(
    ("group", "order"),
    [
        (lambda: grouprep.symmetric(8), 40320),
        (lambda: grouprep.symmetric(100), None),
        (lambda: grouprep.cyclic(10**12), 10**12),
        (lambda: grouprep.abelian(100, 100), 10000),
    ],
)
def test_regular_representation_of_a_large_group_is_refused(group: Any, order: Any) -> None:
    G = group()
    text = _refused(
        lambda: regular_representation(G), "regular_representation: argument 'group'", str(G.order)
    )
    assert "dimension" in text


def test_regular_representation_at_a_moderate_size_still_works() -> None:
    reg = regular_representation(grouprep.cyclic(600))
    assert reg.dim == 600 and reg.character(0) == 600 and reg.character(1) == 0


def test_permutation_representation_on_many_points_is_refused() -> None:
    action = grouprep.permutation_action(grouprep.symmetric(6000))
    _refused(
        lambda: permutation_representation(action),
        "permutation_representation: argument 'action'",
        "6000",
    )


def test_products_sums_and_inductions_beyond_the_limit_are_refused() -> None:
    G = grouprep.cyclic(100)
    reg = regular_representation(G)
    _refused(lambda: tensor_product(reg, reg), "tensor_product: arguments 'a' and 'b'", "10000")
    _refused(lambda: direct_sum(*[reg] * 51), "direct_sum: argument 'reps'", "5100")
    H = grouprep.cyclic(12000).subgroup([6000])
    trivial = Representation(H, [[[1]]])
    _refused(lambda: induce(trivial, grouprep.cyclic(12000)), "induce: argument 'group'", "6000")


def test_fourier_matrix_beyond_the_limit_is_refused() -> None:
    _refused(lambda: fourier_matrix(10**6), "fourier_matrix: argument 'n'", "1000000")


def test_representation_with_a_huge_dim_is_refused() -> None:
    G = grouprep.cyclic(2)
    _refused(
        lambda: Representation.from_closed_form(G, lambda g: ((),), dim=10**9),
        "Representation.from_closed_form: argument 'dim'",
        "1000000000",
    )
    big = np.zeros((MAX_DIM + 1, MAX_DIM + 1), dtype=np.int8)
    _refused(lambda: Representation(G, [big]), "Representation:", str(MAX_DIM + 1))


def test_irreps_of_a_cyclic_group_beyond_the_field_limit_are_refused() -> None:
    with pytest.raises(SizeLimitError, match="irreps: argument 'group'"):
        irreps(grouprep.cyclic(10**9))


@pytest.mark.parametrize(
    ("group", "needle"),
    [
        (lambda: grouprep.cyclic(5000), "5000 conjugacy classes"),
        (lambda: grouprep.dihedral(10**6), "500003 conjugacy classes"),
        (lambda: grouprep.abelian(1000, 1000), "1000000 conjugacy classes"),
        (lambda: grouprep.symmetric(27), "3010 conjugacy classes"),  # p(27), OEIS A000041
        (lambda: grouprep.alternating(12), "order 239500800"),
        (
            lambda: grouprep.direct_product(grouprep.cyclic(2), grouprep.alternating(12)),
            "its factor 1 alternating(12) has order 239500800",
        ),
    ],
)
def test_character_table_beyond_the_limits_is_refused_at_once(group: Any, needle: str) -> None:
    from grouprep.reps import character_table
    from grouprep.reps._table import MAX_CLASSES, MAX_SEARCH_ORDER

    G = group()
    start = time.perf_counter()
    with pytest.raises(SizeLimitError) as info:
        character_table(G)
    assert time.perf_counter() - start < 1.0
    text = str(info.value)
    assert text.startswith("character_table: argument 'group'") and needle in text
    assert str(MAX_CLASSES) in text or str(MAX_SEARCH_ORDER) in text


def test_irreps_of_a_large_symmetric_group_are_refused_at_once() -> None:
    start = time.perf_counter()
    with pytest.raises(SizeLimitError) as info:
        irreps(grouprep.symmetric(11))
    assert time.perf_counter() - start < 1.0
    text = str(info.value)
    assert text.startswith("irreps: argument 'group' symmetric(11) of order 39916800")
    assert "1000000" in text


def test_irreps_of_products_beyond_the_limits_are_refused() -> None:
    with pytest.raises(SizeLimitError, match=r"Q\(zeta_N\) with N = 999000"):
        irreps(grouprep.abelian(1000, 999))
    with pytest.raises(SizeLimitError, match="1000000 irreducible representations"):
        irreps(grouprep.abelian(1000, 1000))


def test_the_word_search_of_a_rep_without_closed_form_is_bounded() -> None:
    from grouprep.reps._representation import WORDS_BUDGET

    # a 1-dimensional rep of a group of order 3 * 10^7 (given by its generator image)
    G = grouprep.cyclic(3 * 10**7)
    rho = Representation(G, [[[1]]], check=False)
    start = time.perf_counter()
    with pytest.raises(SizeLimitError) as info:
        rho.exact(12345)
    assert time.perf_counter() - start < 1.0
    text = str(info.value)
    assert text.startswith("Representation.exact:") and str(WORDS_BUDGET) in text
    assert "30000000" in text and "from_closed_form" in text


def test_large_symmetric_irreps_use_a_closed_form_and_stay_lawful() -> None:
    from grouprep.reps._representation import WORDS_BUDGET

    S8 = grouprep.symmetric(8)
    reps = irreps(S8)
    big = [r for r in reps if S8.order * r.dim**2 > WORDS_BUDGET]
    assert big and all(r._closed is not None for r in big)
    rho = min(big, key=lambda r: r.dim)
    g, h = (1, 2, 3, 4, 5, 6, 7, 0), (1, 0, 2, 3, 4, 5, 6, 7)
    gh = S8.compose(g, h)
    from grouprep.reps._representation import mat_mul

    assert rho.exact(gh) == mat_mul(rho.exact(g), rho.exact(h))
    assert "words" not in rho._cache  # no search over the group


def test_irreps_of_a_group_beyond_the_general_limit_are_refused_at_once() -> None:
    from grouprep.reps._general import MAX_GENERAL_ORDER

    A9 = grouprep.alternating(9)  # order 181440, beyond the induction limit
    assert A9.order > MAX_GENERAL_ORDER
    start = time.perf_counter()
    with pytest.raises(grouprep.SizeLimitError) as info:
        irreps(A9)
    assert time.perf_counter() - start < 30.0  # the character table, not an hour of work
    text = str(info.value)
    assert "181440" in text and str(MAX_GENERAL_ORDER) in text and "'group'" in text


def test_induced_dimension_limit_names_the_degree(monkeypatch: pytest.MonkeyPatch) -> None:
    import grouprep.reps._general as general

    monkeypatch.setattr(general, "MAX_INDUCED_DIM", 4)
    A5 = grouprep.alternating(5)  # its 5-dimensional irrep needs an induced rep of dim >= 5
    with pytest.raises(grouprep.SizeLimitError, match="beyond the limit 4") as info:
        general.general_irreps(A5)
    assert "degree" in str(info.value)
