"""EquivariantLinear: equivariance applied by hand, basis sizes from the literature."""

from __future__ import annotations

import io

import numpy as np
import pytest

torch = pytest.importorskip("torch")

import grouprep  # noqa: E402
from grouprep.errors import GroupRepTypeError, GroupRepValueError, SizeLimitError  # noqa: E402
from grouprep.nn import EquivariantLinear, FieldType, site_representation  # noqa: E402
from grouprep.reps import (  # noqa: E402
    direct_sum,
    irreps,
    permutation_representation,
    real_irreps,
    regular_representation,
)
from tests.nn._helpers import (  # noqa: E402
    act_rep,
    act_sites,
    burnside_dim,
    relative_error,
    run,
)

A4 = grouprep.permutation_group([(1, 2, 0, 3), (1, 0, 3, 2)])  # A_4 by two generators

SITE_ACTIONS = {
    "Z7": grouprep.shift_action(7),
    "D6": grouprep.dihedral_action(6),
    "S4-set": grouprep.set_action(4, 1),
    "S3-graph": grouprep.graph_action(3),
    "S4-graph": grouprep.graph_action(4),
    "A4-set": grouprep.set_action(4, 1, group=A4),
    "C4-image": grouprep.c4_action(3),
}


def _site_perms(action):
    # the site j goes to g . j: read off by moving the indicator e_j with action.act
    n = action.num_sites
    perms = []
    for g in action.group.elements():
        eye = np.eye(n).reshape(n, *action.shape)
        moved = np.asarray(action.act(g, eye)).reshape(n, n)
        perms.append(tuple(int(i) for i in moved.argmax(axis=1)))
    return perms


def _check_sites(layer, a_in, a_out, X):
    Y = run(layer, X)
    for g in a_in.group.elements():
        left = run(layer, act_sites(a_in, g, X))
        right = act_sites(a_out, g, Y)
        assert relative_error(left, right) <= 1e-12, g


@pytest.mark.parametrize("name", list(SITE_ACTIONS))
def test_equivariant_on_sites(name):
    a = SITE_ACTIONS[name]
    layer = EquivariantLinear(a, a, channels_in=2, channels_out=3).double()
    X = np.random.default_rng(0).standard_normal((5, 2, a.num_sites))
    _check_sites(layer, a, a, X)
    perms = _site_perms(a)
    assert layer.weight.shape == (burnside_dim(perms, perms), 3, 2)
    # the bias is invariant: one value per orbit of the output sites
    assert layer.bias.shape[0] == burnside_dim(perms, [tuple(range(1))] * len(perms))


@pytest.mark.parametrize("n", [2, 3, 5, 6])
def test_deepsets_has_two_maps(n):
    a = grouprep.set_action(n, 1)
    layer = EquivariantLinear(a, a)
    assert layer.weight.shape[0] == 2  # Zaheer et al. 2017: lambda I + gamma 11^T
    assert layer.bias.shape[0] == 1


def test_deepsets_is_lambda_identity_plus_gamma_ones():
    n = 5
    layer = EquivariantLinear(grouprep.set_action(n, 1), grouprep.set_action(n, 1)).double()
    W = layer.matrix().detach().numpy()[0, :, 0, :]
    lam, gam = W[0, 0] - W[0, 1], W[0, 1]
    assert np.array_equal(W, lam * np.eye(n) + gam * np.ones((n, n)))


def test_graph_maps_bell_numbers():
    # Maron et al. 2019: dim Hom(R^{n^2}, R^{n^2}) = bell(4) = 15 for n >= 4,
    # the partitions of 4 labels into at most n blocks for smaller n: 14 for n = 3
    for n in (4, 5):
        graphs = grouprep.graph_action(n)
        assert EquivariantLinear(graphs, graphs).weight.shape[0] == 15
    assert (
        EquivariantLinear(grouprep.graph_action(3), grouprep.graph_action(3)).weight.shape[0] == 14
    )
    # graphs to node features: bell(3) = 5; the invariants of graphs: bell(2) = 2
    g5, s5 = grouprep.graph_action(5), grouprep.set_action(5, 1)
    assert EquivariantLinear(g5, s5).weight.shape[0] == 5
    assert EquivariantLinear(g5, g5).bias.shape[0] == 2


def test_graph_to_nodes_equivariant():
    g4, s4 = grouprep.graph_action(4), grouprep.set_action(4, 1)
    layer = EquivariantLinear(g4, s4, 2, 2).double()
    X = np.random.default_rng(1).standard_normal((3, 2, 16))
    _check_sites(layer, g4, s4, X)


def _check_reps(layer, r_in, r_out, X):
    Y = run(layer, X)
    for g in r_in.group.elements():
        left = run(layer, act_rep(r_in, g, X))
        assert relative_error(left, act_rep(r_out, g, Y)) <= 1e-12, g


def _hom_dim(r_in, r_out):
    G = r_in.group
    total = sum(np.trace(r_in.numeric(g)) * np.trace(r_out.numeric(g)) for g in G.elements())
    return round(float(np.real(total)) / G.order)


@pytest.mark.parametrize(
    "group", [grouprep.cyclic(6), grouprep.dihedral(4), A4, grouprep.symmetric(3)], ids=str
)
def test_regular_and_direct_sums(group):
    reg = regular_representation(group)
    if isinstance(group, grouprep.PermutationGroup):  # with its action on points
        mixed = direct_sum(reg, permutation_representation(grouprep.permutation_action(group)))
    else:  # with a real irrep of dimension 2 (rotation matrices, not permutations)
        mixed = direct_sum(reg, real_irreps(group)[-1])
    for r_in, r_out in [(reg, reg), (mixed, reg), (reg, mixed), (mixed, mixed)]:
        layer = EquivariantLinear(r_in, r_out, 2, 1).double()
        assert layer.weight.shape[0] == _hom_dim(r_in, r_out)
        X = np.random.default_rng(2).standard_normal((4, 2, r_in.dim))
        _check_reps(layer, r_in, r_out, X)


def test_real_irreps_of_d5_use_the_general_basis():
    triv, sign, rho1, rho2 = real_irreps(grouprep.dihedral(5))
    r_in = direct_sum(rho1, rho1, sign, rho2)
    r_out = direct_sum(rho1, triv, rho2, rho2)
    layer = EquivariantLinear(r_in, r_out, 3, 2).double()
    # Schur: 2 * 1 (rho1) + 1 * 2 (rho2), real type irreps; the sign has nowhere to go
    assert layer.weight.shape[0] == 4
    assert layer.bias.shape[0] == 1  # the trivial summand of r_out
    X = np.random.default_rng(3).standard_normal((6, 3, r_in.dim))
    _check_reps(layer, r_in, r_out, X)


def test_no_equivariant_map_gives_the_bias_alone():
    triv, sign, _, _ = real_irreps(grouprep.dihedral(6))[:4]
    layer = EquivariantLinear(sign, triv, 2, 3).double()  # Hom(sign, trivial) = 0
    assert layer.weight.shape == (0, 3, 2)
    x = torch.randn(4, 2, 1, dtype=torch.float64)
    assert torch.equal(layer(x), layer.bias.T.expand(4, 3, 1))
    none = EquivariantLinear(triv, sign).double()  # no map and no invariant to bias
    assert none.bias is None
    assert torch.equal(none(torch.randn(2, 1, 1, dtype=torch.float64)), torch.zeros(2, 1, 1))


def test_float32_and_device():
    a = grouprep.dihedral_action(5)
    layer = EquivariantLinear(a, a, 2, 2, dtype=torch.float32)
    x = torch.randn(3, 2, 5)
    y = layer(x)
    assert y.dtype == torch.float32
    assert y.device == x.device
    X = x.numpy().astype(np.float64)
    for g in a.group.elements():
        left = run(layer, act_sites(a, g, X))
        assert relative_error(left, act_sites(a, g, y.detach().numpy())) <= 1e-5
    assert layer.double()(x.double()).dtype == torch.float64


def test_state_dict_round_trip():
    a = grouprep.graph_action(3)
    layer = EquivariantLinear(a, a, 2, 3).double()
    buffer = io.BytesIO()
    torch.save(layer.state_dict(), buffer)
    buffer.seek(0)
    fresh = EquivariantLinear(a, a, 2, 3).double()
    x = torch.randn(4, 2, 9, dtype=torch.float64)
    assert not torch.equal(fresh(x), layer(x))
    fresh.load_state_dict(torch.load(buffer))
    assert torch.equal(fresh(x), layer(x))


def test_training_step_reduces_loss():
    torch.manual_seed(0)
    a = grouprep.set_action(6, 1)
    model = torch.nn.Sequential(
        EquivariantLinear(a, a, 1, 8), torch.nn.ReLU(), EquivariantLinear(a, a, 8, 1)
    ).double()
    x = torch.randn(64, 1, 6, dtype=torch.float64)
    target = x - x.mean(dim=-1, keepdim=True)  # an equivariant target
    opt = torch.optim.Adam(model.parameters(), lr=0.02)
    losses = []
    for _ in range(30):
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), target)
        loss.backward()
        assert all(p.grad is not None and torch.isfinite(p.grad).all() for p in model.parameters())
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < 0.5 * losses[0]


def test_identity_of_basis_against_intertwiner_basis():
    # the buffer holds the exact basis of grouprep.intertwiner_basis, in its order
    rep = site_representation(grouprep.dihedral_action(4))
    layer = EquivariantLinear(rep, rep)
    exact = [np.array(B.tolist(), dtype=float) for B in grouprep.intertwiner_basis(rep, rep)]
    assert layer.basis is None  # permutation representations: the basis is orbit labels
    labels = layer.labels.numpy()
    assert np.array_equal(np.stack([labels == k for k in range(len(exact))]), np.stack(exact))
    # a field type is not a permutation representation: a dense basis
    field = FieldType(rep.group, [0, 1, 2])
    dense = EquivariantLinear(rep, field)
    assert dense.labels is None and dense.basis.shape[1:] == (field.dim, rep.dim)


def test_a_regular_representation_of_a_large_group_is_a_gather():
    # Hom_G(R, R) of the regular representation of S_6 has 720 maps of 720 x 720: a dense
    # basis would hold 373 million entries, the labels hold one matrix. The layer is the
    # right convolution on the group: checked by moving the input by left translations
    G = grouprep.symmetric(6)
    R = regular_representation(G)
    layer = EquivariantLinear(R, R, 2, 1).double()
    assert layer.weight.shape == (720, 1, 2) and layer.basis is None
    x = torch.randn(3, 2, 720, dtype=torch.float64)
    y = layer(x)
    rng = np.random.default_rng(0)
    for _ in range(3):
        g = G.element(int(rng.integers(720)))
        P = torch.from_numpy(R.numeric(g))
        moved = layer(torch.einsum("yx,bcx->bcy", P, x))
        expected = torch.einsum("yx,bcx->bcy", P, y)
        assert torch.allclose(moved, expected, rtol=0, atol=1e-12 * float(y.detach().abs().max()))


def test_a_dense_basis_beyond_the_limit_is_refused(monkeypatch):
    import grouprep.nn._reps as reps

    field = FieldType(grouprep.dihedral(4), [0, 0, 1, 2, 4, 4])  # K = 4 + 1 + 1 + 4 = 10
    assert EquivariantLinear(field, field).weight.shape[0] == 10
    monkeypatch.setattr(reps, "MAX_BASIS_ENTRIES", 10 * field.dim**2 - 1)
    with pytest.raises(SizeLimitError, match="10 matrices"):
        EquivariantLinear(field, field)
    # orbit labels: the limit is on the one weight matrix
    sites = grouprep.shift_action(8)
    monkeypatch.setattr(reps, "MAX_BASIS_ENTRIES", 63)
    with pytest.raises(SizeLimitError, match=r"shape \(8, 8\), 64 entries"):
        EquivariantLinear(sites, sites)


def test_bad_input():
    a, b = grouprep.shift_action(5), grouprep.dihedral_action(5)
    with pytest.raises(GroupRepValueError, match="same group"):
        EquivariantLinear(a, b)
    with pytest.raises(GroupRepTypeError, match="rep_in"):
        EquivariantLinear("Z5", a)
    with pytest.raises(GroupRepValueError, match="channels_in"):
        EquivariantLinear(a, a, channels_in=0)
    with pytest.raises(GroupRepTypeError, match="channels_out"):
        EquivariantLinear(a, a, channels_out=2.5)
    with pytest.raises(GroupRepTypeError, match="bias"):
        EquivariantLinear(a, a, bias="yes")
    layer = EquivariantLinear(a, a, 2, 1)
    with pytest.raises(GroupRepValueError, match=r"\(batch, 2, 5\)"):
        layer(torch.randn(3, 2, 6))
    with pytest.raises(GroupRepValueError, match=r"\(batch, 2, 5\)"):
        layer(torch.randn(2, 5))
    with pytest.raises(GroupRepTypeError, match="dtype"):
        layer(torch.randn(3, 2, 5, dtype=torch.float64))
    with pytest.raises(GroupRepTypeError, match=r"torch\.Tensor"):
        layer(np.zeros((3, 2, 5)))

    complex_irrep = irreps(grouprep.cyclic(3))[1]
    with pytest.raises(GroupRepValueError, match="real"):
        EquivariantLinear(complex_irrep, complex_irrep)


def test_state_dicts_hold_the_weights_only():
    # the bases follow from the representations: not saved; a checkpoint that holds a
    # dense basis (as older layers saved one) still loads strictly
    rep = site_representation(grouprep.dihedral_action(5))
    layer = EquivariantLinear(rep, rep, 2, 3)
    assert set(layer.state_dict()) == {"weight", "bias"}
    other = EquivariantLinear(rep, rep, 2, 3)
    legacy = dict(layer.state_dict(), basis=torch.zeros(1), bias_basis=torch.zeros(1))
    other.load_state_dict(legacy)
    x = torch.randn(4, 2, 5)
    assert torch.equal(other(x), layer(x))
