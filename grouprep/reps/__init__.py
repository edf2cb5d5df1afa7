"""Representations of finite groups with exact matrices, and their characters."""

from grouprep.reps._characters import inner_product
from grouprep.reps._constructions import (
    direct_sum,
    dual,
    permutation_representation,
    regular_representation,
    restrict,
    tensor_product,
)
from grouprep.reps._irreps import irreps
from grouprep.reps._representation import ExactMatrix, Representation
from grouprep.reps._table import CharacterTable, character_table

__all__ = [
    "CharacterTable",
    "ExactMatrix",
    "Representation",
    "character_table",
    "direct_sum",
    "dual",
    "inner_product",
    "irreps",
    "permutation_representation",
    "regular_representation",
    "restrict",
    "tensor_product",
]
