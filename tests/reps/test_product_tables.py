"""The character table of a direct product is the Kronecker product of the factors' tables,
equal to the general algorithm's table (up to the order of rows of equal degree)."""

from __future__ import annotations

import itertools
import math
import time
from fractions import Fraction
from typing import Any

import pytest

import grouprep
from grouprep.numbers import Cyclotomic
from grouprep.reps import character_table, irreps
from grouprep.reps._table import _dixon_schneider, _ordered


def _a4() -> Any:
    return grouprep.permutation_group([(1, 2, 0, 3), (1, 0, 3, 2)])


PRODUCTS = {
    "Z2 x S3": lambda: grouprep.direct_product(grouprep.cyclic(2), grouprep.symmetric(3)),
    "S3 x Z2": lambda: grouprep.direct_product(grouprep.symmetric(3), grouprep.cyclic(2)),
    "S3 x S3": lambda: grouprep.direct_product(grouprep.symmetric(3), grouprep.symmetric(3)),
    "D4 x Z3": lambda: grouprep.direct_product(grouprep.dihedral(4), grouprep.cyclic(3)),
    "S4 x Z2": lambda: grouprep.direct_product(grouprep.symmetric(4), grouprep.cyclic(2)),
    "A4 x Z3": lambda: grouprep.direct_product(_a4(), grouprep.cyclic(3)),
    "Z2 x Z2 x S3": lambda: grouprep.direct_product(
        grouprep.cyclic(2), grouprep.cyclic(2), grouprep.symmetric(3)
    ),
    "(Z2 x D3) x A4": lambda: grouprep.direct_product(
        grouprep.direct_product(grouprep.cyclic(2), grouprep.dihedral(3)), _a4()
    ),
    "Z4 x Z6": lambda: grouprep.abelian(4, 6),
}


@pytest.mark.parametrize("name", PRODUCTS)
def test_product_table_equals_the_general_algorithm(name: str) -> None:
    G = PRODUCTS[name]()
    table = character_table(G)
    assert table.classes == G.conjugacy_classes()
    general = _ordered(_dixon_schneider(G, G.conjugacy_classes()))
    # the same rows, exactly; the same degree sequence (trivial first, then by degree)
    assert sorted(table.characters, key=repr) == sorted(general, key=repr)
    assert table.degrees == tuple(int(r[0].as_fraction()) for r in general)
    assert len(set(table.characters)) == len(table.characters) == len(G.conjugacy_classes())


@pytest.mark.parametrize("name", PRODUCTS)
def test_product_table_is_the_kronecker_product_in_class_order(name: str) -> None:
    G = PRODUCTS[name]()
    table = character_table(G)
    factors = [character_table(f) for f in G.factors]
    expected = set()
    for rows in itertools.product(*(t.characters for t in factors)):
        expected.add(
            tuple(math.prod(vals, start=Cyclotomic(1)) for vals in itertools.product(*rows))
        )
    assert set(table.characters) == expected
    # class (c_1, ..., c_k) of the product is the tuple of factor classes, first slowest
    for cls, combo in zip(
        table.classes, itertools.product(*(t.classes for t in factors)), strict=True
    ):
        assert cls.representative == tuple(c.representative for c in combo)


@pytest.mark.parametrize("name", PRODUCTS)
def test_orthogonality_relations(name: str) -> None:
    G = PRODUCTS[name]()
    table = character_table(G)
    sizes = [c.size for c in table.classes]
    chars = table.characters
    for a, b in itertools.combinations_with_replacement(range(len(chars)), 2):
        total = sum(
            (s * x * y.conjugate() for s, x, y in zip(sizes, chars[a], chars[b], strict=True)),
            Cyclotomic(0),
        )
        assert total == (G.order if a == b else 0)
    for i, j in itertools.combinations_with_replacement(range(len(sizes)), 2):
        total = sum((row[i] * row[j].conjugate() for row in chars), Cyclotomic(0))
        assert total == (Cyclotomic(Fraction(G.order, sizes[i])) if i == j else 0)


def test_closed_form_products_keep_their_row_order() -> None:
    # cyclic and dihedral products: the rows are the irreps' characters, in irreps order
    for G in (
        grouprep.abelian(2, 3),
        grouprep.direct_product(grouprep.dihedral(4), grouprep.cyclic(3)),
    ):
        rows = _ordered([rho.character_values() for rho in irreps(G)])
        assert character_table(G).characters == rows


def test_s7_times_z7_is_fast() -> None:
    # the general algorithm took 58 s on this product of order 35280 with 105 classes
    G = grouprep.direct_product(grouprep.symmetric(7), grouprep.cyclic(7))
    start = time.perf_counter()
    table = character_table(G)
    assert time.perf_counter() - start < 10.0
    assert len(table.characters) == 105
    assert sum(d * d for d in table.degrees) == G.order
    assert sorted(table.degrees) == sorted(
        d for d in character_table(grouprep.symmetric(7)).degrees for _ in range(7)
    )
