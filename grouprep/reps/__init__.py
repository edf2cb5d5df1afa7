"""Representations of finite groups with exact matrices, and their characters."""

from grouprep.reps._analysis import (
    decompose,
    fourier_matrix,
    fourier_transform,
    frobenius_schur,
    induce,
    inverse_fourier_transform,
    isotypic_projector,
)
from grouprep.reps._characters import inner_product
from grouprep.reps._clebsch import (
    MAX_CLEBSCH_GORDAN_DIM,
    MAX_CLEBSCH_GORDAN_ENTRIES,
    ClebschGordan,
    clebsch_gordan,
)
from grouprep.reps._constructions import (
    direct_sum,
    dual,
    permutation_representation,
    regular_representation,
    restrict,
    tensor_product,
)
from grouprep.reps._irreps import irreps
from grouprep.reps._linalg import exact_inverse, exact_nullspace, exact_rank, exact_solve
from grouprep.reps._real import isotypic_basis, real_irreps
from grouprep.reps._representation import MAX_DIM, ExactMatrix, Representation
from grouprep.reps._table import CharacterTable, character_table
from grouprep.reps._unitary import unitary_matrices

__all__ = [
    "MAX_CLEBSCH_GORDAN_DIM",
    "MAX_CLEBSCH_GORDAN_ENTRIES",
    "MAX_DIM",
    "CharacterTable",
    "ClebschGordan",
    "ExactMatrix",
    "Representation",
    "character_table",
    "clebsch_gordan",
    "decompose",
    "direct_sum",
    "dual",
    "exact_inverse",
    "exact_nullspace",
    "exact_rank",
    "exact_solve",
    "fourier_matrix",
    "fourier_transform",
    "frobenius_schur",
    "induce",
    "inner_product",
    "inverse_fourier_transform",
    "irreps",
    "isotypic_basis",
    "isotypic_projector",
    "permutation_representation",
    "real_irreps",
    "regular_representation",
    "restrict",
    "tensor_product",
    "unitary_matrices",
]
