"""FieldType, NormNonlinearity, GatedNonlinearity: the group applied by its own orthogonal
matrices, checked by hand to be orthogonal and a homomorphism on every pair of elements."""

from __future__ import annotations

import io
import itertools

import numpy as np
import pytest

torch = pytest.importorskip("torch")

import grouprep  # noqa: E402
from grouprep.errors import GroupRepTypeError, GroupRepValueError  # noqa: E402
from grouprep.nn import (  # noqa: E402
    EquivariantLinear,
    FieldType,
    GatedNonlinearity,
    NormNonlinearity,
    check_equivariant,
)
from grouprep.reps import real_irreps, regular_representation  # noqa: E402
from tests.nn._helpers import act_rep, act_sites, relative_error, run  # noqa: E402


def _sl23():
    # SL(2, 3) on the 8 non-zero vectors of F_3^2, by the matrices [[1, 1], [0, 1]] and
    # [[0, -1], [1, 0]] (order 24, a quaternionic irrep of degree 2)
    vecs = [(a, b) for a in range(3) for b in range(3) if (a, b) != (0, 0)]

    def perm(m):
        return tuple(
            vecs.index(((m[0][0] * a + m[0][1] * b) % 3, (m[1][0] * a + m[1][1] * b) % 3))
            for a, b in vecs
        )

    return grouprep.permutation_group([perm([[1, 1], [0, 1]]), perm([[0, 2], [1, 0]])])


GROUPS = {
    "Z4": grouprep.cyclic(4),
    "Z5": grouprep.cyclic(5),
    "D4": grouprep.dihedral(4),
    "D5": grouprep.dihedral(5),
    "S4": grouprep.symmetric(4),
    "A4": grouprep.permutation_group([(1, 2, 0, 3), (1, 0, 3, 2)]),
    "A5": grouprep.alternating(5),
    "Z2xS3": grouprep.direct_product(grouprep.cyclic(2), grouprep.symmetric(3)),
    "SL23": _sl23(),
}
ORDERS = {"Z4": 4, "Z5": 5, "D4": 8, "D5": 10, "S4": 24, "A4": 12, "A5": 60, "Z2xS3": 12}
ORDERS["SL23"] = 24


def _field(G, copies=2):
    """Every real irrep, the non-trivial ones ``copies`` times, interleaved."""
    n = len(real_irreps(G))
    return FieldType(G, [0, *list(range(1, n)) * copies, 0])


@pytest.fixture(scope="module", params=list(GROUPS))
def case(request):
    G = GROUPS[request.param]
    return request.param, G, _field(G)


def _run(module, X):
    """A module without parameters on float64 inputs."""
    with torch.no_grad():
        return module(torch.as_tensor(X, dtype=torch.float64)).numpy()


def _rng(seed=0):
    return np.random.default_rng(seed)


def _block_norm_reference(X, field, bias, sigma):
    """x_b sigma(|x_b| + beta_b) / |x_b| block by block, in NumPy."""
    out = np.zeros_like(X)
    for b, (a, c) in enumerate(field.blocks):
        xb = X[:, :, a:c]
        n = np.sqrt((xb**2).sum(axis=-1, keepdims=True))
        s = sigma(n + bias[None, :, b, None])
        out[:, :, a:c] = np.where(n > 0, xb * s / np.where(n > 0, n, 1.0), 0.0)
    return out


# -- the matrices themselves, checked by hand ----------------------------------------------


def test_orthogonal_homomorphism_and_characters(case):
    name, G, field = case
    elems = G.elements()
    assert len(elems) == ORDERS[name]
    U = field.matrices()
    eye = np.eye(field.dim)
    for g, Ug in zip(elems, U, strict=True):
        assert np.abs(Ug @ Ug.T - eye).max() <= 1e-13
        assert np.array_equal(field.numeric(g), Ug)
        # block-diagonal on field.blocks
        mask = np.zeros((field.dim, field.dim), dtype=bool)
        for a, c in field.blocks:
            mask[a:c, a:c] = True
        assert np.all(Ug[~mask] == 0)
    # the homomorphism law on every pair, by composing the group's own elements
    index = {g: i for i, g in enumerate(elems)}
    for g, h in itertools.product(elems, repeat=2):
        gh = U[index[G.compose(g, h)]]
        assert np.abs(gh - U[index[g]] @ U[index[h]]).max() <= 1e-12
    # each block is the real irrep it names: U_b(g) = T_b^-1 rho(g) T_b, same character
    T = field.change_of_basis
    for (a, c), i in zip(field.blocks, field.fields, strict=True):
        rho = real_irreps(G)[i]
        Tb = T[a:c, a:c]
        for g in elems:
            R = np.asarray(rho.numeric(g), dtype=np.float64)
            assert np.abs(Tb @ U[index[g]][a:c, a:c] - R @ Tb).max() <= 1e-12
            assert abs(np.trace(U[index[g]][a:c, a:c]) - complex(rho.character(g))) <= 1e-12


def test_non_orthogonal_forms_exist_and_trivial_blocks():
    # Young's seminormal 2-dim irrep of S_4 is not orthogonal: T is not the identity there
    S4 = GROUPS["S4"]
    dims = [r.dim for r in real_irreps(S4)]
    field = FieldType(S4, [dims.index(2)])
    s = S4.generators
    assert any(
        np.abs(
            real_irreps(S4)[dims.index(2)].numeric(g) @ real_irreps(S4)[dims.index(2)].numeric(g).T
            - np.eye(2)
        ).max()
        > 0.1
        for g in s
    )
    assert np.abs(field.change_of_basis - np.eye(2)).max() > 1e-3
    # the rotation blocks of Z_5 are orthogonal as they come: T = I exactly
    assert np.array_equal(FieldType(GROUPS["Z5"], [1, 2]).change_of_basis, np.eye(4))
    # a trivial block is 1 on every element
    f = _field(GROUPS["A4"])
    for b, (a, c) in enumerate(f.blocks):
        ones = bool(np.all(f.matrices()[:, a:c, a:c] == 1.0)) and c - a == 1
        assert f.trivial[b] == ones


# -- NormNonlinearity ----------------------------------------------------------------------


def _random_bias(module, seed=1):
    with torch.no_grad():
        g = torch.Generator().manual_seed(seed)
        module.bias.copy_(torch.randn(module.bias.shape, generator=g, dtype=module.bias.dtype))


def test_norm_equivariant_by_hand(case):
    name, G, field = case
    act = NormNonlinearity(field, channels=3).double()
    _random_bias(act)
    X = _rng().standard_normal((5, 3, field.dim))
    Y = run(act, X)
    # the formula, block by block
    ref = _block_norm_reference(X, field, act.bias.detach().numpy(), lambda t: np.maximum(t, 0))
    assert relative_error(Y, ref) <= 1e-14
    assert np.abs(Y).max() > 0 and np.abs(Y - X).max() > 0.1  # not the identity
    for g in G.elements():
        Ug = field.numeric(g)
        assert relative_error(run(act, X @ Ug.T), Y @ Ug.T) <= 1e-12, (name, g)


@pytest.mark.parametrize("function", ["softplus", "sigmoid", "tanh", torch.nn.functional.gelu])
def test_norm_other_functions_and_pointwise_trivial(function):
    G = GROUPS["D5"]
    field = _field(G)
    act = NormNonlinearity(field, 2, function=function, trivial="relu").double()
    _random_bias(act)
    X = _rng(3).standard_normal((4, 2, field.dim))
    Y = run(act, X)
    for b, (a, c) in enumerate(field.blocks):
        if field.trivial[b]:
            assert np.array_equal(Y[:, :, a:c], np.maximum(X[:, :, a:c], 0))
    assert act.bias.shape == (2, sum(not t for t in field.trivial))
    for g in G.elements():
        Ug = field.numeric(g)
        assert relative_error(run(act, X @ Ug.T), Y @ Ug.T) <= 1e-12


def test_norm_zero_block_and_gradient():
    field = _field(GROUPS["S4"])
    act = NormNonlinearity(field, 1).double()
    _random_bias(act)
    x = torch.zeros(2, 1, field.dim, dtype=torch.float64, requires_grad=True)
    with torch.no_grad():
        x[1] = 1.0
    y = act(x)
    assert torch.all(y[0] == 0)
    y.sum().backward()
    assert torch.isfinite(x.grad).all() and torch.isfinite(act.bias.grad).all()
    assert torch.all(x.grad[0] == 0)


def test_wrong_block_partition_is_caught():
    # the norm over a wrong partition: a 3-dim field of S_4 cut into 2 + 1 coordinates
    S4 = GROUPS["S4"]
    dims = [r.dim for r in real_irreps(S4)]
    field = FieldType(S4, [0, dims.index(3)])
    good = NormNonlinearity(field).double()
    _random_bias(good)
    assert check_equivariant(good, field, field).holds
    bad = NormNonlinearity(field).double()
    _random_bias(bad)
    wrong = torch.zeros(4, 3, dtype=torch.float64)
    wrong[0, 0] = wrong[1, 1] = wrong[2, 1] = wrong[3, 2] = 1.0
    bad.indicator = wrong
    bad.bias = torch.nn.Parameter(torch.tensor([[0.3, -0.2, 0.5]], dtype=torch.float64))
    report = check_equivariant(bad, field, field)
    assert not report.holds and report.max_error > 1e-3


def test_norm_in_the_non_orthogonal_basis_is_caught():
    # the same layers with the output left in Young's (not orthogonal) basis
    S4 = GROUPS["S4"]
    field = _field(S4, copies=1)
    rep = regular_representation(S4)
    right = torch.nn.Sequential(EquivariantLinear(rep, field), NormNonlinearity(field)).double()
    _random_bias(right[1])
    assert check_equivariant(right, rep, field).holds
    wrong = torch.nn.Sequential(
        EquivariantLinear(rep, field.representation), NormNonlinearity(field)
    ).double()
    _random_bias(wrong[1])
    assert not check_equivariant(wrong, rep, field.representation).holds


# -- GatedNonlinearity ---------------------------------------------------------------------


def test_gated_equivariant_by_hand(case):
    name, G, field = case
    gate = GatedNonlinearity(field, channels=2)
    n_gated = sum(not t for t in field.trivial)
    assert gate.rep_in.dim == field.dim + n_gated and gate.rep_out == field
    X = _rng(5).standard_normal((4, 2, gate.rep_in.dim))
    Y = _run(gate, X)
    assert Y.shape == (4, 2, field.dim)
    # the formula: the k-th gate scales the k-th non-trivial block; scalars through relu
    k = 0
    for b, (a, c) in enumerate(field.blocks):
        if field.trivial[b]:
            assert np.array_equal(Y[:, :, a:c], np.maximum(X[:, :, a:c], 0))
        else:
            s = 1 / (1 + np.exp(-X[:, :, field.dim + k]))
            assert np.abs(Y[:, :, a:c] - X[:, :, a:c] * s[:, :, None]).max() <= 1e-15
            k += 1
    for g in G.elements():
        Y_g = _run(gate, X @ gate.rep_in.numeric(g).T)
        assert relative_error(Y_g, Y @ field.numeric(g).T) <= 1e-12, (name, g)


# -- composition with EquivariantLinear ----------------------------------------------------

SITES = {
    "Z5": grouprep.shift_action(5),
    "D4": grouprep.dihedral_action(4),
    "S4": grouprep.set_action(4, 1),
    "A4": grouprep.set_action(4, 1, group=GROUPS["A4"]),
    "A5": grouprep.set_action(5, 1, group=GROUPS["A5"]),
}


@pytest.mark.parametrize("name", list(SITES))
def test_linear_norm_linear_on_sites(name):
    action = SITES[name]
    G = action.group
    field = _field(G)
    gate = GatedNonlinearity(field, 2)
    net = torch.nn.Sequential(
        EquivariantLinear(action, field, 2, 3),
        NormNonlinearity(field, 3),
        EquivariantLinear(field, gate.rep_in, 3, 2),
        gate,
        EquivariantLinear(field, action, 2, 1),
    ).double()
    _random_bias(net[1])
    X = _rng(7).standard_normal((4, 2, action.num_sites))
    Y = run(net, X)
    assert np.abs(Y).max() > 0
    for g in G.elements():
        assert relative_error(run(net, act_sites(action, g, X)), act_sites(action, g, Y)) <= 1e-12


@pytest.mark.parametrize("name", ["D5", "Z2xS3", "SL23"])
def test_linear_gated_linear_on_regular(name):
    G = GROUPS[name]
    reg = regular_representation(G)
    field = _field(G)
    gate = GatedNonlinearity(field, 2)
    net = torch.nn.Sequential(
        EquivariantLinear(reg, gate.rep_in, 1, 2),
        gate,
        EquivariantLinear(field, field, 2, 2),
        NormNonlinearity(field, 2),
        EquivariantLinear(field, reg, 2, 1),
    ).double()
    _random_bias(net[3])
    X = _rng(11).standard_normal((3, 1, G.order))
    Y = run(net, X)
    for g in G.elements():
        assert relative_error(run(net, act_rep(reg, g, X)), act_rep(reg, g, Y)) <= 1e-12
    assert check_equivariant(net, reg, reg).holds


def test_linear_between_field_types_counts_schur():
    # dim Hom_G(V, W) = sum_i m_i(V) m_i(W) <chi_i, chi_i>, the characters by brute force
    for name in ["D4", "A4", "SL23", "Z5"]:
        G = GROUPS[name]
        n = len(real_irreps(G))
        f1 = FieldType(G, [*range(n), 1])
        f2 = FieldType(G, [*range(n), *range(n)])
        layer = EquivariantLinear(f1, f2)
        expected = 0
        for i in range(n):
            chi = np.array([np.trace(FieldType(G, [i]).numeric(g)) for g in G.elements()])
            norm = round(float(chi @ chi) / G.order)
            expected += f1.fields.count(i) * f2.fields.count(i) * norm
        assert layer.weight.shape[0] == expected, name
        # the bias lives on the trivial blocks only: 2 of them in f2
        assert layer.bias.shape[0] == 2


# -- training, dtypes, devices, state_dict -------------------------------------------------


def test_one_optimizer_step_lowers_the_loss():
    torch.manual_seed(0)
    action = SITES["S4"]
    field = _field(action.group)
    net = torch.nn.Sequential(
        EquivariantLinear(action, field, 1, 4),
        NormNonlinearity(field, 4),
        EquivariantLinear(field, action, 4, 1),
    ).double()
    X = torch.randn(16, 1, 4, dtype=torch.float64)
    target = torch.randn(16, 1, 4, dtype=torch.float64)
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    loss0 = torch.nn.functional.mse_loss(net(X), target)
    opt.zero_grad()
    loss0.backward()
    assert net[1].bias.grad is not None and net[1].bias.grad.abs().max() > 0
    opt.step()
    loss1 = torch.nn.functional.mse_loss(net(X), target)
    assert loss1.item() < loss0.item()


def test_float32_and_input_device():
    G = GROUPS["A5"]
    field = _field(G, copies=1)
    act = NormNonlinearity(field, 2)
    assert act.bias.dtype == torch.float32
    _random_bias(act)
    X = _rng(2).standard_normal((3, 2, field.dim)).astype(np.float32)
    Y = run(act, X)
    assert Y.dtype == np.float64  # run casts back
    for g in G.elements()[:10]:
        Ug = field.numeric(g).astype(np.float32)
        assert relative_error(run(act, X @ Ug.T), Y @ Ug.T) <= 1e-5
    # no parameters: the input's dtype decides
    plain = NormNonlinearity(field, 2, bias=False)
    for dt in (torch.float32, torch.float64):
        assert plain(torch.ones(1, 2, field.dim, dtype=dt)).dtype == dt
    gate = GatedNonlinearity(field, 2)
    assert gate(torch.ones(1, 2, gate.rep_in.dim, dtype=torch.float64)).dtype == torch.float64
    devices = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])
    for dev in devices:
        a = NormNonlinearity(field, 2, device=dev)
        out = a(torch.ones(1, 2, field.dim, device=dev))
        assert out.device.type == dev
        assert gate.to(dev)(torch.ones(1, 2, gate.rep_in.dim, device=dev)).device.type == dev


def test_state_dict_round_trip():
    field = _field(GROUPS["D4"])
    act = NormNonlinearity(field, 3).double()
    _random_bias(act, seed=4)
    buf = io.BytesIO()
    torch.save(act.state_dict(), buf)
    buf.seek(0)
    other = NormNonlinearity(field, 3).double()
    assert list(act.state_dict()) == ["bias"]
    other.load_state_dict(torch.load(buf))
    X = _rng(9).standard_normal((2, 3, field.dim))
    assert np.array_equal(run(act, X), run(other, X))
    gate = GatedNonlinearity(field)
    assert gate.state_dict() == {}


# -- bad input -----------------------------------------------------------------------------


def test_field_type_errors():
    G = GROUPS["D4"]
    with pytest.raises(GroupRepTypeError, match="argument 'group' must be a grouprep"):
        FieldType("D4", [0])
    with pytest.raises(GroupRepTypeError, match="argument 'fields' must be a sequence"):
        FieldType(G, 3)
    with pytest.raises(GroupRepValueError, match="at least one irrep"):
        FieldType(G, [])
    with pytest.raises(GroupRepValueError, match=r"'fields\[1\]'.*5 irreps.*got 7"):
        FieldType(G, [0, 7])
    with pytest.raises(GroupRepTypeError, match=r"'fields\[0\]' must be an int"):
        FieldType(G, [1.0])
    with pytest.raises(GroupRepValueError, match=r"one entry per real irrep.*got 2"):
        FieldType.from_multiplicities(G, [1, 1])
    with pytest.raises(GroupRepValueError, match="argument 'g' must be an element"):
        FieldType(G, [0]).numeric("x")
    assert FieldType.from_multiplicities(G, [1, 0, 0, 0, 2]).fields == (0, 4, 4)


def test_layer_errors():
    G = GROUPS["S4"]
    field = _field(G)
    with pytest.raises(GroupRepTypeError, match="argument 'fields' must be a FieldType"):
        NormNonlinearity(field.representation)
    with pytest.raises(GroupRepValueError, match="argument 'channels' must be an int >= 1"):
        NormNonlinearity(field, 0)
    with pytest.raises(GroupRepValueError, match="argument 'function' must be one of"):
        NormNonlinearity(field, function="elu")
    with pytest.raises(GroupRepTypeError, match="argument 'trivial' must be a name"):
        NormNonlinearity(field, trivial=3)
    with pytest.raises(GroupRepTypeError, match="argument 'bias' must be a bool"):
        NormNonlinearity(field, bias=1)
    with pytest.raises(GroupRepValueError, match="only trivial blocks"):
        GatedNonlinearity(FieldType(G, [0, 0]))
    act = NormNonlinearity(field, 2)
    with pytest.raises(
        GroupRepValueError, match=rf"shape \(batch, 2, {field.dim}\).*got \(3, 2, 5\)"
    ):
        act(torch.zeros(3, 2, 5))
    with pytest.raises(GroupRepValueError, match=r"got \(2, 1\)"):
        act(torch.zeros(2, 1))
    with pytest.raises(
        GroupRepTypeError, match=r"dtype torch\.float64 but the layer's parameters"
    ):
        act(torch.zeros(1, 2, field.dim, dtype=torch.float64))
    with pytest.raises(GroupRepTypeError, match="must be a floating point tensor"):
        NormNonlinearity(field, 2, bias=False)(torch.zeros(1, 2, field.dim, dtype=torch.int64))
    with pytest.raises(GroupRepTypeError, match=r"must be a torch\.Tensor, got ndarray"):
        act(np.zeros((1, 2, field.dim)))
    gate = GatedNonlinearity(field, 1)
    g = gate.rep_in.dim - field.dim
    with pytest.raises(
        GroupRepValueError, match=rf"shape \(batch, 1, {field.dim + g}\).*{field.dim} \+ {g}.*got"
    ):
        gate(torch.zeros(2, 1, field.dim))
    other = _field(GROUPS["A4"])
    with pytest.raises(GroupRepValueError, match="same group"):
        EquivariantLinear(field, other)
    with pytest.raises(GroupRepValueError, match="same group"):
        check_equivariant(act, field, other)
