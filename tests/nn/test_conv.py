"""Lifting and group convolutions, pooling: formulas and equivariance applied by hand."""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch")

import grouprep  # noqa: E402
from grouprep.errors import GroupRepTypeError, GroupRepValueError  # noqa: E402
from grouprep.nn import GroupConv, InvariantPooling, LiftingConv  # noqa: E402
from tests.nn._helpers import act_regular, act_sites, relative_error, run  # noqa: E402

A4 = grouprep.permutation_group([(1, 2, 0, 3), (1, 0, 3, 2)])

ACTIONS = {
    "Z6": grouprep.shift_action(6),
    "D5": grouprep.dihedral_action(5),
    "S4-set": grouprep.set_action(4, 1),
    "S3-graph": grouprep.graph_action(3),
    "A4-set": grouprep.set_action(4, 1, group=A4),
    "D4-image": grouprep.d4_action(3),
}


def test_lifting_formula_on_z_n():
    # (f * psi)(g) = sum_x f(x) psi(g^-1 x), with g^-1 x = x - g on Z_n
    n = 7
    lift = LiftingConv(grouprep.shift_action(n), 2, 3).double()
    f = np.random.default_rng(0).standard_normal((4, 2, n))
    psi = lift.weight.detach().numpy()
    b = lift.bias.detach().numpy()
    want = np.zeros((4, 3, n))
    for g in range(n):
        for x in range(n):
            want[:, :, g] += np.einsum("bi,oi->bo", f[:, :, x], psi[:, :, (x - g) % n])
    want += b[None, :, None]
    assert relative_error(run(lift, f), want) <= 1e-12


def test_group_conv_formula_on_s3():
    # (f * psi)(g) = sum_h f(h) psi(g^-1 h), the elements in the order of elements()
    G = grouprep.symmetric(3)
    elems = G.elements()
    conv = GroupConv(G, 1, 1, bias=False).double()
    f = np.random.default_rng(1).standard_normal((2, 1, 6))
    psi = conv.weight.detach().numpy()[0, 0]
    want = np.zeros((2, 1, 6))
    for gi, g in enumerate(elems):
        for hi, h in enumerate(elems):
            want[:, 0, gi] += f[:, 0, hi] * psi[elems.index(G.compose(G.inverse(g), h))]
    assert relative_error(run(conv, f), want) <= 1e-12


@pytest.mark.parametrize("name", list(ACTIONS))
def test_lifting_is_equivariant(name):
    a = ACTIONS[name]
    lift = LiftingConv(a, 2, 3).double()
    X = np.random.default_rng(2).standard_normal((3, 2, a.num_sites))
    Y = run(lift, X)
    assert Y.shape == (3, 3, a.group.order)
    for h in a.group.elements():
        left = run(lift, act_sites(a, h, X))
        assert relative_error(left, act_regular(a.group, h, Y)) <= 1e-12, h


@pytest.mark.parametrize(
    "group", [grouprep.cyclic(5), grouprep.dihedral(4), A4, grouprep.symmetric(4)], ids=str
)
def test_group_conv_is_equivariant(group):
    conv = GroupConv(group, 2, 2).double()
    X = np.random.default_rng(3).standard_normal((3, 2, group.order))
    Y = run(conv, X)
    for h in group.elements():
        left = run(conv, act_regular(group, h, X))
        assert relative_error(left, act_regular(group, h, Y)) <= 1e-12, h


@pytest.mark.parametrize("mode", ["mean", "max"])
def test_network_is_invariant(mode):
    a = grouprep.dihedral_action(6)
    net = torch.nn.Sequential(
        LiftingConv(a, 1, 4),
        torch.nn.ReLU(),
        GroupConv(a.group, 4, 4),
        torch.nn.Tanh(),
        InvariantPooling(mode),
        torch.nn.Linear(4, 1),
    ).double()
    X = np.random.default_rng(4).standard_normal((5, 1, 6))
    Y = run(net, X)
    for g in a.group.elements():
        assert relative_error(run(net, act_sites(a, g, X)), Y) <= 1e-12


def test_pooling_values():
    x = torch.tensor([[[1.0, -3.0, 2.0], [0.0, 0.0, 6.0]]])
    assert InvariantPooling("mean")(x).tolist() == [[0.0, 2.0]]
    assert InvariantPooling("max")(x).tolist() == [[2.0, 6.0]]


def test_float32_state_dict_and_training():
    torch.manual_seed(0)
    a = grouprep.shift_action(8)
    net = torch.nn.Sequential(
        LiftingConv(a, 1, 4), torch.nn.ReLU(), InvariantPooling(), torch.nn.Linear(4, 1)
    )
    x = torch.randn(32, 1, 8)
    assert net(x).dtype == torch.float32
    target = (x**2).sum(dim=-1)  # an invariant target
    opt = torch.optim.Adam(net.parameters(), lr=0.05)
    first = None
    for _ in range(40):
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(net(x), target)
        loss.backward()
        opt.step()
        first = loss.item() if first is None else first
    assert loss.item() < 0.5 * first
    fresh = torch.nn.Sequential(
        LiftingConv(a, 1, 4), torch.nn.ReLU(), InvariantPooling(), torch.nn.Linear(4, 1)
    )
    fresh.load_state_dict(net.state_dict())
    assert torch.equal(fresh(x), net(x))


def test_bad_input():
    with pytest.raises(GroupRepTypeError, match="SignalAction"):
        LiftingConv(grouprep.cyclic(4))
    with pytest.raises(GroupRepTypeError, match="FiniteGroup"):
        GroupConv(grouprep.shift_action(4))
    with pytest.raises(GroupRepValueError, match="channels_out"):
        GroupConv(grouprep.cyclic(4), 1, 0)
    with pytest.raises(GroupRepValueError, match=r"\(batch, 1, 4\)"):
        LiftingConv(grouprep.shift_action(4))(torch.randn(2, 1, 5))
    with pytest.raises(GroupRepValueError, match="'mean' or 'max'"):
        InvariantPooling("sum")
    with pytest.raises(GroupRepValueError, match="batch, channels, n"):
        InvariantPooling()(torch.randn(3, 4))
