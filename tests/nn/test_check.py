"""check_equivariant on modules: holds for the layers, catches broken ones."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

torch = pytest.importorskip("torch")

import grouprep  # noqa: E402
from grouprep.errors import GroupRepTypeError, GroupRepValueError, LawViolation  # noqa: E402
from grouprep.nn import (  # noqa: E402
    EquivariantLinear,
    GroupConv,
    InvariantPooling,
    LiftingConv,
    assert_equivariant,
    check_equivariant,
)


class _Broken(EquivariantLinear):
    """An equivariant layer plus a small map that is not: one fixed entry of the matrix."""

    def matrix(self):
        W = super().matrix().clone()
        W[0, 0, 0, 1] = W[0, 0, 0, 1] + 0.1
        return W


@pytest.mark.parametrize(
    "action",
    [grouprep.shift_action(6), grouprep.dihedral_action(5), grouprep.graph_action(3)],
    ids=repr,
)
def test_holds_and_catches_a_broken_layer(action):
    good = EquivariantLinear(action, action, 2, 2).double()
    report = check_equivariant(good, action, action)
    assert report.holds and report.exhaustive
    assert report.checked == action.group.order * 8
    assert report.max_error < 1e-12
    bad = _Broken(action, action, 2, 2).double()
    report = check_equivariant(bad, action, action)
    assert not report.holds
    assert report.max_error > 1e-3
    ce = report.counterexample
    assert ce["g"] in action.group.elements() and ce["g"] != action.group.identity
    # the counterexample is a real one: apply its element by hand
    x = torch.as_tensor(np.asarray(ce["x"])[None])
    g_x = torch.as_tensor(np.asarray(action.act(ce["g"], ce["x"].reshape(2, *action.shape))))
    with torch.no_grad():
        left = bad(g_x.reshape(1, 2, -1))
        right = torch.as_tensor(
            np.asarray(action.act(ce["g"], bad(x).numpy().reshape(2, *action.shape)))
        ).reshape(1, 2, -1)
    assert (left - right).abs().max().item() > 1e-3
    with pytest.raises(LawViolation, match="counterexample"):
        assert_equivariant(bad, action, action)


def test_float32_default_tolerance_and_invariance():
    a = grouprep.set_action(5, 1, group=grouprep.alternating(5))
    net = torch.nn.Sequential(
        LiftingConv(a, 1, 3), torch.nn.ReLU(), GroupConv(a.group, 3, 3), InvariantPooling("max")
    )
    assert check_equivariant(net, a, None, channels_in=1).holds
    assert check_equivariant(net[0], a, net[0].rep_out).holds
    not_invariant = torch.nn.Sequential(LiftingConv(a, 1, 2), torch.nn.Flatten())
    assert not check_equivariant(not_invariant, a, None, channels_in=1).holds


def test_samples_given_and_bad_arguments():
    a, b = grouprep.shift_action(4), grouprep.dihedral_action(4)
    layer = EquivariantLinear(a, a).double()
    X = np.random.default_rng(0).standard_normal((3, 1, 4))
    assert check_equivariant(layer, a, a, X).checked == 12
    with pytest.raises(GroupRepTypeError, match=r"torch\.nn\.Module"):
        check_equivariant(lambda x: x, a, a)
    with pytest.raises(GroupRepValueError, match="same group"):
        check_equivariant(layer, a, b)
    with pytest.raises(GroupRepValueError, match="samples"):
        check_equivariant(layer, a, a, np.zeros((3, 4)))


def test_import_grouprep_does_not_import_torch():
    code = "import sys, grouprep; assert 'torch' not in sys.modules, 'torch imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_grouprep_nn_without_torch_names_the_extra():
    code = (
        "import sys; sys.modules['torch'] = None\n"
        "try:\n    import grouprep.nn\nexcept ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "grouprep[torch]" in out.stdout
