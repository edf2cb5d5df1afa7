"""grouprep: exact finite-group representation theory for machine learning.

The most used names of every layer are re-exported here; each layer lives in its own
subpackage (:mod:`grouprep.groups`, :mod:`grouprep.actions`, :mod:`grouprep.laws`).

>>> import grouprep
>>> G = grouprep.cyclic(8)
>>> action = grouprep.shift_action(8)
>>> action.act(3, (1, 1, 0, 0, 0, 0, 0, 0))
(0, 0, 0, 1, 1, 0, 0, 0)
"""

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
from grouprep.laws import (
    LawReport,
    assert_action,
    assert_group_axioms,
    check_action,
    check_group_axioms,
)

__version__ = "0.1.0"

__all__ = [
    "Action",
    "ConjugacyClass",
    "FiniteAction",
    "FiniteGroup",
    "GroupRepError",
    "GroupRepTypeError",
    "GroupRepValueError",
    "LawReport",
    "LawViolation",
    "NotAnElementError",
    "NotFiniteError",
    "PermutationAction",
    "PermutationGroup",
    "RegularAction",
    "SignalAction",
    "SpecError",
    "__version__",
    "abelian",
    "action_from_function",
    "alternating",
    "assert_action",
    "assert_group_axioms",
    "check_action",
    "check_group_axioms",
    "cyclic",
    "dihedral",
    "dihedral_action",
    "direct_product",
    "from_sympy",
    "parse_group",
    "permutation_action",
    "permutation_group",
    "regular_action",
    "shift_action",
    "signal_action",
    "symmetric",
    "translation_action",
]
