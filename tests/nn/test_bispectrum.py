"""The G-bispectrum pooling layer: invariance under the regular action applied by hand, the
block formula and the cyclic formula by brute force, agreement with the NumPy featurizer,
completeness evidence, gradients, dtypes, devices and bad input."""

from __future__ import annotations

import functools
import itertools

import numpy as np
import pytest

torch = pytest.importorskip("torch")

import grouprep  # noqa: E402
from grouprep.errors import GroupRepTypeError, GroupRepValueError, SizeLimitError  # noqa: E402
from grouprep.features._irreps import clebsch_gordan, numeric_irreps  # noqa: E402
from grouprep.nn import BispectrumPooling, GroupConv  # noqa: E402
from grouprep.nn._bispectrum import MAX_ORDER  # noqa: E402
from tests.nn._helpers import act_regular, relative_error  # noqa: E402


def _sl23():
    # SL(2, 3) acting on the 8 nonzero vectors of F_3^2, by two generating matrices
    vecs = [v for v in itertools.product(range(3), repeat=2) if v != (0, 0)]

    def perm(M):
        return tuple(
            vecs.index(((M[0][0] * x + M[0][1] * y) % 3, (M[1][0] * x + M[1][1] * y) % 3))
            for x, y in vecs
        )

    return grouprep.permutation_group([perm([[1, 1], [0, 1]]), perm([[0, 2], [1, 0]])])


GROUPS = {
    "Z5": grouprep.cyclic(5),
    "Z8": grouprep.cyclic(8),
    "D4": grouprep.dihedral(4),
    "D6": grouprep.dihedral(6),
    "S3": grouprep.symmetric(3),
    "S4": grouprep.symmetric(4),
    "A4": grouprep.alternating(4),
    "A4-perm": grouprep.permutation_group([(1, 2, 0, 3), (1, 0, 3, 2)]),
    "A5": grouprep.alternating(5),
    "S3xZ2": grouprep.direct_product(grouprep.symmetric(3), grouprep.cyclic(2)),
    "Z4xZ2": grouprep.direct_product(grouprep.cyclic(4), grouprep.cyclic(2)),
    "SL(2,3)": _sl23(),
}
# the full bispectrum of A_5 takes seconds to set up (Clebsch-Gordan of 5 x 5): selective only
CASES = [(n, s) for n in GROUPS for s in (True, False) if not (n == "A5" and not s)]
NONABELIAN = ["D4", "D6", "S3", "S4", "A4", "A4-perm", "A5", "S3xZ2", "SL(2,3)"]


@functools.cache
def pool_of(name, selective=True, channels=2):
    return BispectrumPooling(GROUPS[name], channels, selective)


def features(pool, f):
    with torch.no_grad():
        return pool(torch.as_tensor(f, dtype=torch.float64)).numpy()


def translates(G, f):
    """Every h f, (h f)(g) = f(h^-1 g), by the group's own composition: (|G|, *f.shape)."""
    return np.stack([act_regular(G, h, f) for h in G.elements()])


def distance_to_orbit(G, f1, f2):
    return min(float(np.abs(m - f2).max()) for m in translates(G, f1))


@pytest.mark.parametrize(("name", "selective"), CASES)
def test_invariant_under_the_regular_action(name, selective):
    G = GROUPS[name]
    pool = pool_of(name, selective)
    f = np.random.default_rng(0).standard_normal((3, 2, G.order))
    base = features(pool, f)
    moved = translates(G, f)  # (|G|, 3, 2, |G|)
    out = features(pool, moved.reshape(-1, 2, G.order)).reshape(G.order, *base.shape)
    assert base.shape == (3, 2, pool.n_features)
    assert relative_error(out, np.broadcast_to(base, out.shape)) <= 1e-12


@pytest.mark.parametrize(("name", "selective"), CASES)
def test_agrees_with_the_numpy_bispectrum(name, selective):
    G = GROUPS[name]
    pool = pool_of(name, selective)
    f = np.random.default_rng(1).standard_normal((4, 2, G.order))
    ref = grouprep.Bispectrum(G, selective=selective).fit(f.reshape(8, -1))
    assert pool.feature_names == list(ref.get_feature_names_out())
    want = ref.transform(f.reshape(8, -1)).reshape(4, 2, -1)
    assert relative_error(features(pool, f), want) <= 1e-12


@pytest.mark.parametrize("n", [5, 8, 12])
@pytest.mark.parametrize("selective", [True, False])
def test_cyclic_matches_the_fft_formula(n, selective):
    # B(k1, k2) = X(k1) X(k2) conj(X(k1 + k2)), X = numpy.fft.fft of the signal
    pool = BispectrumPooling(grouprep.cyclic(n), 1, selective)
    f = np.random.default_rng(n).standard_normal((6, 1, n))
    out = features(pool, f)[:, 0]
    X = np.fft.fft(f[:, 0], axis=1)
    if selective:  # Mataigne et al. 2024: (0, 0), (0, 1) and (1, k) for k = 1 .. n - 2
        assert pool.pairs == [(0, 0), (0, 1)] + [(1, k) for k in range(1, n - 1)]
    else:
        assert len(set(pool.pairs)) == len(pool.pairs) > n
    names = pool.feature_names
    scale = np.abs(X).max() ** 3
    for k1, k2 in pool.pairs:
        B = X[:, k1] * X[:, k2] * np.conj(X[:, (k1 + k2) % n])
        re = out[:, names.index(f"ReB{k1}_{k2}")]
        assert np.abs(re - B.real).max() <= 1e-12 * scale
        if f"ImB{k1}_{k2}" in names:
            assert np.abs(out[:, names.index(f"ImB{k1}_{k2}")] - B.imag).max() <= 1e-12 * scale
        else:  # left out only where it vanishes on every real signal
            assert np.abs(B.imag).max() <= 1e-12 * scale
    assert pool.n_features == len(pool.pairs) + sum(n.startswith("Im") for n in names)


@pytest.mark.parametrize("name", ["S3", "D4", "A4", "SL(2,3)", "S3xZ2"])
def test_blocks_match_the_formula_by_brute_force(name):
    # (F_i (x) F_j) C_k F_k^H, F(rho) = sum_g f(g) rho(g)^-1 by matrix inversion, with the
    # isometries checked to intertwine here
    G = GROUPS[name]
    pool = pool_of(name, True, 1)
    irr = numeric_irreps(G, "test", "test")
    elems = G.elements()
    f = np.random.default_rng(2).standard_normal((3, 1, G.order))
    hats = [
        np.einsum("bg,gpq->bpq", f[:, 0], np.linalg.inv(m).astype(np.complex128)) for m in irr.mats
    ]
    blocks = []
    for i, j in pool.pairs:
        for k in range(len(irr.mats)):
            for C in clebsch_gordan(irr, i, j, k):
                for g in range(len(elems)):
                    lhs = np.kron(irr.mats[i][g], irr.mats[j][g]) @ C
                    assert np.allclose(lhs, C @ irr.mats[k][g], atol=1e-10)
                assert np.allclose(np.conj(C).T @ C, np.eye(C.shape[1]), atol=1e-10)
                kron = np.einsum("bpq,brs->bprqs", hats[i], hats[j]).reshape(
                    3, C.shape[0], C.shape[0]
                )
                blocks.append((kron @ C @ np.conj(hats[k]).transpose(0, 2, 1)).reshape(3, -1))
    B = np.concatenate(blocks, axis=1)
    want = B.real if irr.real else np.concatenate([B.real, B.imag], axis=1)
    assert relative_error(features(pool, f)[:, 0], want) <= 1e-12


@pytest.mark.parametrize("name", [*GROUPS])
def test_distinguishes_signals_that_are_not_translates(name):
    G = GROUPS[name]
    pool = pool_of(name, True, 1)
    rng = np.random.default_rng(3)
    f1, f2 = rng.standard_normal((2, 1, 1, G.order))
    assert distance_to_orbit(G, f1, f2) > 0.1
    b1, b2 = features(pool, f1), features(pool, f2)
    assert np.abs(b1 - b2).max() > 1e-2 * np.abs(b1).max()
    h = G.elements()[G.order // 2]
    assert relative_error(features(pool, act_regular(G, h, f1)), b1) <= 1e-12


@pytest.mark.parametrize("n", [7, 8])
def test_separates_signals_with_the_same_power_spectrum_on_z_n(n):
    # random phases with phi(-k) = -phi(k) keep |X(k)| and a real signal, not a shift
    rng = np.random.default_rng(4)
    f1 = rng.standard_normal(n)
    phi = rng.uniform(0, 2 * np.pi, n)
    phi = phi - phi[(-np.arange(n)) % n]
    phi[0] = 0.0
    if n % 2 == 0:
        phi[n // 2] = 0.0
    f2 = np.fft.ifft(np.fft.fft(f1) * np.exp(1j * phi)).real
    assert np.allclose(np.abs(np.fft.fft(f2)), np.abs(np.fft.fft(f1)))
    G = grouprep.cyclic(n)
    assert distance_to_orbit(G, f1[None, None], f2[None, None]) > 0.1
    pool = BispectrumPooling(G)
    b1, b2 = features(pool, f1[None, None]), features(pool, f2[None, None])
    assert np.abs(b1 - b2).max() > 1e-2 * np.abs(b1).max()


@pytest.mark.parametrize("name", ["S4", "D6"])
def test_separates_signals_with_the_same_power_spectrum(name):
    # F2(rho) = F1(rho) Q_rho, Q_rho random orthogonal: the same F F^T for every irrep;
    # f2(g) = (1 / |G|) sum_rho d_rho tr(rho(g) F2(rho)) (Fourier inversion)
    G = GROUPS[name]
    irr = numeric_irreps(G, "test", "test")
    assert irr.real
    rng = np.random.default_rng(5)
    f1 = rng.standard_normal(G.order)
    f2 = np.zeros(G.order)
    for m in irr.mats:
        d = m.shape[1]
        F1 = np.einsum("g,gpq->pq", f1, np.linalg.inv(m))
        Q = np.linalg.qr(rng.standard_normal((d, d)))[0] if d > 1 else -np.eye(1)
        if np.allclose(m, 1.0):  # the trivial irrep: keep the mean
            Q = np.eye(1)
        f2 += d * np.einsum("gpq,qp->g", m, F1 @ Q) / G.order
    assert distance_to_orbit(G, f1[None, None], f2[None, None]) > 0.1
    pool = pool_of(name, True, 1)
    b1, b2 = features(pool, f1[None, None]), features(pool, f2[None, None])
    assert np.abs(b1 - b2).max() > 1e-2 * np.abs(b1).max()


@pytest.mark.parametrize("name", ["Z5", "Z4xZ2", "D4", "A4"])
def test_gradient_is_the_derivative(name):
    pool = pool_of(name, True, 2)
    x = torch.randn(2, 2, GROUPS[name].order, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(pool, (x,))


@pytest.mark.parametrize("name", ["D4", "A4", "Z8"])
def test_an_optimizer_step_through_group_conv_lowers_the_loss(name):
    G = GROUPS[name]
    torch.manual_seed(0)
    pool = pool_of(name, True, 4)
    net = torch.nn.Sequential(
        GroupConv(G, 1, 4),
        pool,
        torch.nn.Flatten(),
        torch.nn.Linear(4 * pool.n_features, 1),
    ).double()
    x = torch.randn(16, 1, G.order, dtype=torch.float64)
    y = torch.randn(16, 1, dtype=torch.float64)
    loss = torch.nn.functional.mse_loss(net(x), y)
    loss.backward()
    grads = [p.grad for p in net.parameters()]
    assert float(net[0].weight.grad.abs().max()) > 0  # through the pooling into the conv
    # a step predicted (to first order) to lower the loss by 1%: the features are cubic,
    # so the step is scaled to the gradient
    squared = float(sum((g**2).sum() for g in grads))
    opt = torch.optim.SGD(net.parameters(), lr=0.01 * loss.item() / squared)
    opt.step()
    with torch.no_grad():
        after = torch.nn.functional.mse_loss(net(x), y).item()
    assert after < loss.item()


@pytest.mark.parametrize("name", ["Z8", "Z4xZ2", "S4", "A4", "A5", "SL(2,3)"])
def test_float32(name):
    pool = pool_of(name, True, 2)
    x = torch.randn(5, 2, GROUPS[name].order, dtype=torch.float64)
    with torch.no_grad():
        y64, y32 = pool(x), pool(x.float())
    assert y32.dtype == torch.float32 and y64.dtype == torch.float64
    assert relative_error(y32.double().numpy(), y64.numpy()) <= 1e-5


@pytest.mark.parametrize("name", ["Z5", "Z4xZ2", "D4", "A4"])
def test_state_dict_round_trip_and_dtype_changes(name):
    pool = BispectrumPooling(GROUPS[name], 2)
    assert list(pool.parameters()) == []
    x = torch.randn(3, 2, GROUPS[name].order, dtype=torch.float64)
    want = pool(x)
    fresh = BispectrumPooling(GROUPS[name], 2)
    fresh.load_state_dict(pool.state_dict())
    assert torch.equal(fresh(x), want)
    fresh.float()  # the constants stay float64: a float64 input keeps its precision
    assert all(v.dtype in (torch.float64, torch.int64) for v in fresh.state_dict().values())
    assert torch.equal(fresh(x), want)


def test_follows_the_device_of_its_buffers():
    # the meta device stands for another device: module.to moves the buffers, a mismatch
    # is named
    for pool in (
        BispectrumPooling(GROUPS["A4"], 2, device="meta"),
        BispectrumPooling(GROUPS["A4"], 2).to("meta"),
    ):
        assert all(v.device.type == "meta" for v in pool.state_dict().values())
        assert pool(torch.empty(3, 2, 12, device="meta")).device.type == "meta"
        with pytest.raises(GroupRepValueError, match="argument 'x' is on cpu"):
            pool(torch.zeros(3, 2, 12))


@pytest.mark.parametrize(
    ("x", "error", "message"),
    [
        ([[0.0] * 8], GroupRepTypeError, "argument 'x' must be a torch.Tensor"),
        (torch.zeros(2, 8), GroupRepValueError, "got 2 axes"),
        (torch.zeros(2, 3, 8), GroupRepValueError, "must have 2 channels"),
        (torch.zeros(2, 2, 6), GroupRepValueError, r"\|G\| = 8 entries"),
        (torch.zeros(2, 2, 8, dtype=torch.int64), GroupRepTypeError, "float32 or float64"),
    ],
)
def test_bad_input(x, error, message):
    with pytest.raises(error, match=message):
        pool_of("D4", True, 2)(x)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"group": 8}, GroupRepTypeError, "argument 'group' must be a grouprep FiniteGroup"),
        ({"channels": 0}, GroupRepValueError, "channels"),
        ({"channels": 2.0}, GroupRepTypeError, "channels"),
        ({"selective": "yes"}, GroupRepTypeError, "argument 'selective' must be a bool"),
        ({"group": grouprep.cyclic(MAX_ORDER + 1)}, SizeLimitError, "MAX_ORDER"),
        ({"group": grouprep.symmetric(6)}, SizeLimitError, "MAX_IRREP_ORDER"),
        (
            {"group": grouprep.cyclic(1000), "selective": False},
            SizeLimitError,
            "MAX_FEATURES",
        ),
    ],
)
def test_bad_arguments(kwargs, error, message):
    args = {"group": GROUPS["D4"], "channels": 1, "selective": True, **kwargs}
    with pytest.raises(error, match=message):
        BispectrumPooling(**args)
