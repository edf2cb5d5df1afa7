"""Group actions on finite sets and on signals, applied to whole NumPy batches.

The protocol is :class:`Action` (``group``, ``act(g, x)``) and, for actions on a set
whose points can be listed, :class:`FiniteAction` (``points()``, ``num_points``). All
actions are left actions: ``act(compose(g, h), x) == act(g, act(h, x))``.
"""

from grouprep.actions._protocol import Action, BaseAction, FiniteAction
from grouprep.actions._set_actions import (
    FunctionAction,
    PermutationAction,
    RegularAction,
    action_from_function,
    permutation_action,
    regular_action,
)
from grouprep.actions._signals import (
    SignalAction,
    dihedral_action,
    shift_action,
    signal_action,
    translation_action,
)

__all__ = [
    "Action",
    "BaseAction",
    "FiniteAction",
    "FunctionAction",
    "PermutationAction",
    "RegularAction",
    "SignalAction",
    "action_from_function",
    "dihedral_action",
    "permutation_action",
    "regular_action",
    "shift_action",
    "signal_action",
    "translation_action",
]
