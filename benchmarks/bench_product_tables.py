"""Character tables of direct products: the Kronecker path against the general algorithm.

* ``character table (product vs general)``: ``grouprep.reps.character_table`` of
  :math:`S_n \\times \\mathbb{Z}_m`, which forms the Kronecker product of the factors'
  tables (classes the pairs of classes), against grouprep's own general path on the same
  product group: the Dixon–Schneider search over the product's classes
  (``grouprep.reps._table._dixon_schneider``), which is what ``character_table`` did for
  such products before. Both sides build their group afresh in every call (cold caches).
  The answers compared are the rows, exactly, as a sorted list (the two paths may list
  rows of equal degree in different orders); the sum of the squared degrees must also be
  the group order.

The full run includes :math:`S_7 \\times \\mathbb{Z}_7` (order 35,280, 105 classes), whose
general path takes about a minute: one warm-up and one timed run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import grouprep
from benchmarks._harness import BenchmarkMismatch, Case
from grouprep.numbers import Cyclotomic
from grouprep.reps import character_table
from grouprep.reps._table import _dixon_schneider, _ordered

Rows = tuple[tuple[Cyclotomic, ...], ...]


def _product(n: int, m: int) -> Callable[[], grouprep.FiniteGroup[Any]]:
    def build() -> grouprep.FiniteGroup[Any]:
        return grouprep.direct_product(grouprep.symmetric(n), grouprep.cyclic(m))

    return build


def _kronecker_path(build: Callable[[], grouprep.FiniteGroup[Any]]) -> Rows:
    return character_table(build()).characters


def _general_path(build: Callable[[], grouprep.FiniteGroup[Any]]) -> Rows:
    G = build()
    return _ordered(_dixon_schneider(G, G.conjugacy_classes()))


def _answer(order: int) -> Callable[[Rows], tuple[str, ...]]:
    def answer(rows: Rows) -> tuple[str, ...]:
        if sum(int(r[0].as_fraction()) ** 2 for r in rows) != order:
            raise BenchmarkMismatch(f"the squared degrees do not add up to {order}")
        return tuple(sorted(" ".join(map(repr, r)) for r in rows))

    return answer


def product_case(n: int, m: int) -> Case:
    build = _product(n, m)
    G = build()
    label = f"S_{n} x Z_{m} (order {G.order}, {len(G.conjugacy_classes())} classes)"
    return Case(
        operation="character table (product vs general)",
        case=label,
        caches="cold",
        grouprep=lambda: _kronecker_path(build),
        baseline=lambda: _general_path(build),
        grouprep_answer=_answer(G.order),
        baseline_answer=_answer(G.order),
    )


def cases(quick: bool) -> list[Case]:
    """The cases of this entry; ``quick`` keeps the small ones."""
    if quick:
        return [product_case(4, 4)]
    return [product_case(4, 4), product_case(5, 5), product_case(6, 3), product_case(7, 7)]
