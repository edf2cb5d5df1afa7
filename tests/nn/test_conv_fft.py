"""Convolutions of abelian groups by FFT: the same layer as the gather table, equivariant
under the group applied by hand, for cyclic groups, products of cyclic groups, images
translated periodically and abelian groups given by permutations."""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch")

import grouprep  # noqa: E402
from grouprep.errors import GroupRepValueError  # noqa: E402
from grouprep.nn import GroupConv, LiftingConv  # noqa: E402
from tests.nn._helpers import act_regular, act_sites, relative_error, run  # noqa: E402

# Z_2 x Z_4 by permutations of 6 points: recognised as abelian(2, 4) by its elements
Z2xZ4 = grouprep.permutation_group([(1, 0, 2, 3, 4, 5), (0, 1, 3, 4, 5, 2)])

GROUPS = {
    "Z40": grouprep.cyclic(40),
    "Z4xZ6": grouprep.abelian(4, 6),
    "Z2xZ4 perms": Z2xZ4,
    "Z3xZ2xZ5": grouprep.abelian(3, 2, 5),
}
ACTIONS = {
    "shift 40": grouprep.shift_action(40),
    "shift 9": grouprep.shift_action(9),
    "images 6x8": grouprep.translation_action((6, 8)),
    "images 5x5": grouprep.translation_action((5, 5)),
}


def twin(layer_cls, arg, method):
    """The layer with method="fft" and a copy with method="table" holding its weights."""
    a = layer_cls(arg, 2, 3, method=method).double()
    b = layer_cls(arg, 2, 3, method="table").double()
    with torch.no_grad():
        b.weight.copy_(a.weight)
        b.bias.copy_(a.bias)
    return a, b


@pytest.mark.parametrize("name", list(GROUPS))
def test_group_conv_by_fft_equals_the_table(name):
    G = GROUPS[name]
    fft, table = twin(GroupConv, G, "fft")
    assert fft.method == "fft" and table.method == "table"
    X = np.random.default_rng(0).standard_normal((4, 2, G.order))
    Y = run(fft, X)
    assert relative_error(Y, run(table, X)) <= 1e-12
    assert torch.equal(fft.matrix(), table.matrix())
    for h in list(G.elements())[:: max(1, G.order // 8)]:
        assert relative_error(run(fft, act_regular(G, h, X)), act_regular(G, h, Y)) <= 1e-12


@pytest.mark.parametrize("name", list(ACTIONS))
def test_lifting_by_fft_equals_the_table(name):
    a = ACTIONS[name]
    fft, table = twin(LiftingConv, a, "fft")
    assert fft.method == "fft"
    X = np.random.default_rng(1).standard_normal((3, 2, a.num_sites))
    Y = run(fft, X)
    assert relative_error(Y, run(table, X)) <= 1e-12
    assert torch.equal(fft.matrix(), table.matrix())
    G = a.group
    for h in list(G.elements())[:: max(1, G.order // 8)]:
        assert relative_error(run(fft, act_sites(a, h, X)), act_regular(G, h, Y)) <= 1e-12


def test_auto_picks_fft_for_large_abelian_groups_only():
    assert GroupConv(grouprep.cyclic(64)).method == "fft"
    assert GroupConv(grouprep.cyclic(8)).method == "table"
    assert GroupConv(grouprep.dihedral(20)).method == "table"
    assert LiftingConv(grouprep.translation_action((8, 8))).method == "fft"
    assert LiftingConv(grouprep.dihedral_action(20)).method == "table"


def test_float32_training_step_by_fft():
    a = grouprep.translation_action((8, 8))
    net = torch.nn.Sequential(
        LiftingConv(a, 1, 4), torch.nn.ReLU(), GroupConv(a.group, 4, 1), torch.nn.Flatten()
    )
    x = torch.randn(16, 1, 64)
    target = torch.randn(16, 64)
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    losses = []
    for _ in range(20):
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(net(x), target)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert net[0].method == net[2].method == "fft"
    assert losses[-1] < losses[0]


def test_fft_needs_an_abelian_group_acting_by_translations():
    with pytest.raises(GroupRepValueError, match="abelian"):
        GroupConv(grouprep.symmetric(3), method="fft")
    with pytest.raises(GroupRepValueError, match="translations"):
        LiftingConv(grouprep.dihedral_action(5), method="fft")
    with pytest.raises(GroupRepValueError, match="translations"):  # 8 elements, 6 sites
        LiftingConv(grouprep.set_action(6, 1, group=Z2xZ4), method="fft")
    with pytest.raises(GroupRepValueError, match="'method'"):
        GroupConv(grouprep.cyclic(4), method="FFT")


def test_state_dicts_load_across_methods_and_without_index_buffers():
    # the index buffers follow from the group: only weight and bias are saved, and a
    # checkpoint holding a table (as older layers saved one) still loads
    G = grouprep.cyclic(36)
    fft, table = GroupConv(G, 2, 3), GroupConv(G, 2, 3, method="table")
    assert fft.method == "fft" and set(fft.state_dict()) == {"weight", "bias"}
    table.load_state_dict(fft.state_dict())
    X = np.random.default_rng(5).standard_normal((2, 2, 36))
    assert relative_error(run(table.double(), X), run(fft.double(), X)) <= 1e-12
    legacy = dict(table.state_dict(), table=table._table())
    fft.load_state_dict(legacy)  # strict: the extra key is dropped, not an error


def test_nested_products_of_cyclic_groups_convolve_by_fft():
    G = grouprep.direct_product(
        grouprep.direct_product(grouprep.cyclic(2), grouprep.cyclic(3)), grouprep.cyclic(6)
    )
    fft, table = twin(GroupConv, G, "fft")
    X = np.random.default_rng(6).standard_normal((2, 2, G.order))
    assert relative_error(run(fft, X), run(table, X)) <= 1e-12
    Y = run(fft, X)
    for h in list(G.elements())[::5]:
        assert relative_error(run(fft, act_regular(G, h, X)), act_regular(G, h, Y)) <= 1e-12


@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.float16])
def test_half_precision_layers_transform_in_float32(dtype):
    conv = GroupConv(grouprep.cyclic(36), 2, 3).requires_grad_(False)
    reference = conv(torch.randn(1, 2, 36)).dtype  # float32
    x = torch.randn(4, 2, 36)
    want = conv(x)
    half = conv.to(dtype)
    out = half(x.to(dtype))
    assert reference == torch.float32 and out.dtype == dtype
    assert float((out.float() - want).abs().max()) <= 0.05 * float(want.abs().max())


def test_layers_pickle_and_keep_their_outputs():
    import pickle

    from grouprep.nn import EquivariantLinear

    x = torch.randn(3, 2, 36)
    for layer in (
        GroupConv(grouprep.cyclic(36), 2, 2),
        GroupConv(grouprep.cyclic(36), 2, 2, method="table"),
        EquivariantLinear(grouprep.shift_action(36), grouprep.shift_action(36), 2, 2),
    ):
        again = pickle.loads(pickle.dumps(layer))
        assert torch.equal(again(x), layer(x))
        again.load_state_dict(layer.state_dict())
