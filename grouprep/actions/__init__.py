"""Group actions on finite sets and on signals, applied to whole NumPy batches.

The protocol is :class:`Action` (``group``, ``act(g, x)``) and, for actions on a set
whose points can be listed, :class:`FiniteAction` (``points()``, ``num_points``). All
actions are left actions: ``act(compose(g, h), x) == act(g, act(h, x))``.

Shape conventions (one for every action on signals):

* a signal is an array whose trailing axes have the action's ``shape``; any leading axes
  (batch, channels) are carried along, so ``act(g, X)`` moves a whole batch at once;
* a group moving sites moves values with them, :math:`(g \\cdot x)[i] = x[g^{-1} \\cdot i]`;
* 1-D signals have shape ``(n,)`` (:func:`shift_action`, :func:`dihedral_action`);
* images have shape ``(h, w)``, axis -2 the rows (top to bottom), axis -1 the columns:
  :func:`translation_action` rolls them, and the square ``(h, h)`` images of
  :func:`c4_action`, :func:`d4_action`, :func:`p4_action`, :func:`p4m_action` turn as
  ``numpy.rot90(x, k, axes=(-2, -1))`` (counterclockwise) and mirror as
  ``numpy.flip(x, axis=-1)``;
* a set of n points in d dimensions has shape ``(n, d)``, one point a row
  (:func:`set_action`); a graph on n vertices is its adjacency matrix ``(n, n)``
  (:func:`graph_action`) or its edge vector of length n(n-1)/2 in the order of
  ``numpy.triu_indices(n, 1)`` (:func:`edge_action`);
* with ``alphabet=k`` the values are the symbols ``0 .. k-1`` and the action is finite;
  a group permuting the symbols (:func:`bit_flip_action`,
  :func:`colour_permutation_action`) combines with one moving the sites through
  :func:`site_value_action`, :math:`((g, h) \\cdot x)[i] = h \\cdot x[g^{-1} \\cdot i]`.

Actions are values: equal arguments give equal actions, ``copy`` and ``deepcopy`` return
the action itself, and every action grouprep builds pickles as its constructor call.
"""

from grouprep.actions._images import c4_action, d4_action, image_symmetry, p4_action, p4m_action
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
from grouprep.actions._structures import edge_action, graph_action, set_action
from grouprep.actions._values import (
    SiteValueAction,
    bit_flip_action,
    colour_permutation_action,
    site_value_action,
)

__all__ = [
    "Action",
    "BaseAction",
    "FiniteAction",
    "FunctionAction",
    "PermutationAction",
    "RegularAction",
    "SignalAction",
    "SiteValueAction",
    "action_from_function",
    "bit_flip_action",
    "c4_action",
    "colour_permutation_action",
    "d4_action",
    "dihedral_action",
    "edge_action",
    "graph_action",
    "image_symmetry",
    "p4_action",
    "p4m_action",
    "permutation_action",
    "regular_action",
    "set_action",
    "shift_action",
    "signal_action",
    "site_value_action",
    "translation_action",
]
