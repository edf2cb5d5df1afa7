"""grouprep: exact finite-group representation theory for machine learning.

The most used names of every layer are re-exported here; each layer lives in its own
subpackage (:mod:`grouprep.groups`, :mod:`grouprep.actions`, :mod:`grouprep.laws`).

>>> import grouprep
>>> G = grouprep.cyclic(8)
>>> action = grouprep.shift_action(8)
>>> action.act(3, (1, 1, 0, 0, 0, 0, 0, 0))
(0, 0, 0, 1, 1, 0, 0, 0)
"""

from typing import TYPE_CHECKING, Any

from grouprep.actions import (
    Action,
    FiniteAction,
    PermutationAction,
    RegularAction,
    SignalAction,
    action_from_function,
    dihedral_action,
    permutation_action,
    regular_action,
    shift_action,
    signal_action,
    translation_action,
)
from grouprep.errors import (
    GroupRepError,
    GroupRepTypeError,
    GroupRepValueError,
    LawViolation,
    NotAnElementError,
    NotFiniteError,
    SizeLimitError,
    SpecError,
)
from grouprep.groups import (
    ConjugacyClass,
    FiniteGroup,
    PermutationGroup,
    abelian,
    alternating,
    cyclic,
    dihedral,
    direct_product,
    from_sympy,
    parse_group,
    permutation_group,
    symmetric,
)
from grouprep.invariants import (
    bispectrum_invariants,
    bispectrum_pairs,
    intertwiner_basis,
    invariant_basis,
    invariant_generators,
    molien_coefficients,
    molien_series,
    power_spectrum_invariants,
    reynolds,
)
from grouprep.laws import (
    LawReport,
    assert_action,
    assert_equivariant,
    assert_functor,
    assert_group_axioms,
    assert_homomorphism,
    assert_invariant,
    check_action,
    check_equivariant,
    check_functor,
    check_group_axioms,
    check_homomorphism,
    check_invariant,
    prove_equivariant,
    prove_invariant,
)
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.orbits import (
    CanonicalForms,
    LeastRotation,
    Quotient,
    bracelets,
    canonical_form,
    cayley_graph,
    count_bracelets,
    count_lyndon_words,
    count_necklaces,
    count_orbits,
    cycle_index,
    iter_necklaces,
    least_rotation,
    lyndon_words,
    necklace_rank,
    necklace_unrank,
    necklaces,
    orbit,
    orbits,
    quotient_graph,
    schreier_graph,
    stabilizer,
)
from grouprep.reps import (
    CharacterTable,
    Representation,
    character_table,
    decompose,
    direct_sum,
    dual,
    fourier_matrix,
    fourier_transform,
    frobenius_schur,
    induce,
    inner_product,
    inverse_fourier_transform,
    irreps,
    isotypic_basis,
    isotypic_projector,
    permutation_representation,
    real_irreps,
    regular_representation,
    restrict,
    tensor_product,
    unitary_matrices,
)

if TYPE_CHECKING:
    from grouprep.features import (
        Bispectrum,
        CanonicalForm,
        GroupConvolution,
        InvariantPolynomials,
        InvariantPooling,
        OrbitAugmenter,
        OrbitIndex,
        PowerSpectrum,
        compile_polynomials,
        to_source,
    )

_FEATURES = frozenset(
    {
        "Bispectrum",
        "CanonicalForm",
        "GroupConvolution",
        "InvariantPolynomials",
        "InvariantPooling",
        "OrbitAugmenter",
        "OrbitIndex",
        "PowerSpectrum",
        "compile_polynomials",
        "to_source",
    }
)


def __getattr__(name: str) -> Any:
    # the featurizers are scikit-learn estimators: importing them imports scikit-learn,
    # which ``import grouprep`` leaves until a featurizer is first used
    if name in _FEATURES:
        from grouprep import features

        value = getattr(features, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'grouprep' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _FEATURES)


__version__ = "0.1.0"

__all__ = [
    "Action",
    "Bispectrum",
    "CanonicalForm",
    "CanonicalForms",
    "CharacterTable",
    "ConjugacyClass",
    "Cyclotomic",
    "FiniteAction",
    "FiniteGroup",
    "GroupConvolution",
    "GroupRepError",
    "GroupRepTypeError",
    "GroupRepValueError",
    "InvariantPolynomials",
    "InvariantPooling",
    "LawReport",
    "LawViolation",
    "LeastRotation",
    "NotAnElementError",
    "NotFiniteError",
    "OrbitAugmenter",
    "OrbitIndex",
    "PermutationAction",
    "PermutationGroup",
    "PowerSpectrum",
    "Quotient",
    "RegularAction",
    "Representation",
    "SignalAction",
    "SizeLimitError",
    "SpecError",
    "__version__",
    "abelian",
    "action_from_function",
    "alternating",
    "assert_action",
    "assert_equivariant",
    "assert_functor",
    "assert_group_axioms",
    "assert_homomorphism",
    "assert_invariant",
    "bispectrum_invariants",
    "bispectrum_pairs",
    "bracelets",
    "canonical_form",
    "cayley_graph",
    "character_table",
    "check_action",
    "check_equivariant",
    "check_functor",
    "check_group_axioms",
    "check_homomorphism",
    "check_invariant",
    "compile_polynomials",
    "count_bracelets",
    "count_lyndon_words",
    "count_necklaces",
    "count_orbits",
    "cycle_index",
    "cyclic",
    "decompose",
    "dihedral",
    "dihedral_action",
    "direct_product",
    "direct_sum",
    "dual",
    "fourier_matrix",
    "fourier_transform",
    "frobenius_schur",
    "from_sympy",
    "induce",
    "inner_product",
    "intertwiner_basis",
    "invariant_basis",
    "invariant_generators",
    "inverse_fourier_transform",
    "irreps",
    "isotypic_basis",
    "isotypic_projector",
    "iter_necklaces",
    "least_rotation",
    "lyndon_words",
    "molien_coefficients",
    "molien_series",
    "necklace_rank",
    "necklace_unrank",
    "necklaces",
    "orbit",
    "orbits",
    "parse_group",
    "permutation_action",
    "permutation_group",
    "permutation_representation",
    "power_spectrum_invariants",
    "prove_equivariant",
    "prove_invariant",
    "quotient_graph",
    "real_irreps",
    "regular_action",
    "regular_representation",
    "restrict",
    "reynolds",
    "root_of_unity",
    "schreier_graph",
    "shift_action",
    "signal_action",
    "stabilizer",
    "symmetric",
    "tensor_product",
    "to_source",
    "translation_action",
    "unitary_matrices",
]
