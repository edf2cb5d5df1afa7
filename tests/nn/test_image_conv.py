"""Local-filter group convolutions on periodic images (p4, p4m), against brute force.

Every expected value is computed here from the definitions, with the group's own
elements: images are moved by ``action.act`` and signals on the group by the group's
multiplication (its Cayley table and inverses), never by the layers' index arrays.
"""

from __future__ import annotations

import numpy as np
import pytest

import grouprep

torch = pytest.importorskip("torch")
from grouprep.nn import (  # noqa: E402
    ImageGroupConv,
    ImageLiftingConv,
    InvariantPooling,
    image_group_elements,
)

CASES = [
    (grouprep.p4_action, 5, 3),
    (grouprep.p4_action, 6, 5),
    (grouprep.p4m_action, 5, 3),
    (grouprep.p4m_action, 6, 5),
]
IDS = [f"{b.__name__[:-7]}-h{h}-k{k}" for b, h, k in CASES]


def embedded(w, h):
    """Filters (..., K, K) on the window around the pixel 0 of h x h periodic images."""
    K = w.shape[-1]
    r = K // 2
    out = np.zeros((*w.shape[:-2], h, h))
    for u in range(K):
        for v in range(K):
            out[..., (u - r) % h, (v - r) % h] = w[..., u, v]
    return out


def on_group(signal, idx, order):
    """A signal laid out (..., E, h, h) as a dense array (..., |G|) by group index."""
    out = np.zeros((*signal.shape[:-3], order))
    out[..., idx.ravel()] = signal.reshape(*signal.shape[:-3], -1)
    return out


def test_the_layout_lists_every_element_once_as_translation_times_point_element():
    for build in (grouprep.p4_action, grouprep.p4m_action):
        action = build(4)
        G = action.group
        idx = image_group_elements(action)
        assert sorted(idx.ravel().tolist()) == list(range(G.order))
        elems = G.elements()
        x = np.random.default_rng(0).standard_normal((4, 4))
        # [e, a, c] acts as roll(rot90(flip^s(x), k), (a, c)), e = (k, s) mirror fastest
        keys = [(k, s) for k in range(4) for s in ((0, 1) if idx.shape[0] == 8 else (0,))]
        for e, (k, s) in enumerate(keys):
            for a in range(4):
                for c in range(4):
                    moved = np.roll(np.rot90(np.flip(x, -1) if s else x, k), (a, c), (0, 1))
                    np.testing.assert_array_equal(action.act(elems[idx[e, a, c]], x), moved)


@pytest.mark.parametrize(("build", "h", "k"), CASES, ids=IDS)
def test_lifting_is_the_inner_product_with_every_moved_filter(build, h, k):
    action = build(h)
    G = action.group
    idx = image_group_elements(action)
    torch.manual_seed(0)
    lift = ImageLiftingConv(action, 2, 3, k, bias=True, dtype=torch.float64)
    f = torch.randn(4, 2, h, h, dtype=torch.float64)
    out = lift(f).detach().numpy()
    Psi = embedded(lift.weight.detach().numpy().reshape(3, 2, k, k), h)
    beta = lift.bias.detach().numpy()
    elems = G.elements()
    for e in range(idx.shape[0]):
        for a in range(h):
            for c in range(0, h, 2):
                g = elems[idx[e, a, c]]
                moved = np.stack([[action.act(g, Psi[o, i]) for i in range(2)] for o in range(3)])
                want = np.einsum("nihw,oihw->no", f.numpy(), moved) + beta
                np.testing.assert_allclose(out[:, :, e, a, c], want, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(("build", "h", "k"), CASES, ids=IDS)
def test_group_convolution_is_the_correlation_on_the_group(build, h, k):
    action = build(h)
    G = action.group
    idx = image_group_elements(action)
    E = idx.shape[0]
    torch.manual_seed(1)
    conv = ImageGroupConv(action, 3, 2, k, bias=False, dtype=torch.float64)
    F = torch.randn(2, 3, E, h, h, dtype=torch.float64)
    y = conv(F).detach().numpy()
    W = conv.weight.detach().numpy().reshape(2, 3, E, k, k)
    # psi(t_u x_e) = W[..., e, u + r] for u in the window, as a dense signal on G
    psi = on_group(embedded(W, h), idx, G.order)
    Fg = on_group(F.numpy(), idx, G.order)
    table = np.asarray(G.cayley_table())
    elems = G.elements()
    for e in range(E):
        for a in range(0, h, 2):
            for c in range(h):
                g = elems[idx[e, a, c]]
                ginv = G.index(G.inverse(g))
                assert G.compose(G.inverse(g), elems[5]) == elems[table[ginv, 5]]
                want = np.einsum("nig,oig->no", Fg, psi[:, :, table[ginv]])
                np.testing.assert_allclose(y[:, :, e, a, c], want, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("build", [grouprep.p4_action, grouprep.p4m_action])
def test_a_network_is_equivariant_then_invariant_under_the_whole_group(build):
    h = 6
    action = build(h)
    G = action.group
    idx = image_group_elements(action)
    torch.manual_seed(2)
    lift = ImageLiftingConv(action, 1, 4, 3, dtype=torch.float64)
    conv = ImageGroupConv(action, 4, 3, 3, dtype=torch.float64)
    x = np.random.default_rng(3).standard_normal((3, 1, h, h))
    elems = G.elements()

    def net(images):
        with torch.no_grad():
            return conv(torch.relu(lift(torch.from_numpy(images)))).numpy()

    base = on_group(net(x), idx, G.order)
    pool = InvariantPooling("max")
    pooled = pool(torch.from_numpy(base)).numpy()
    scale = np.abs(base).max()
    for g in elems[:: max(1, G.order // 40)]:
        moved = np.stack([[action.act(g, x[n, 0])] for n in range(len(x))])
        out = on_group(net(moved), idx, G.order)
        # (g F)(g') = F(g^-1 g'), by the group's multiplication
        ginv = G.inverse(g)
        want = base[..., [G.index(G.compose(ginv, q)) for q in elems]]
        assert np.abs(out - want).max() <= 1e-12 * scale
        np.testing.assert_allclose(pool(torch.from_numpy(out)).numpy(), pooled, atol=1e-12 * scale)


def test_training_step_float32_state_dict_and_devices():
    action = grouprep.p4m_action(8)
    torch.manual_seed(4)
    lift = ImageLiftingConv(action, 1, 4, 3)
    conv = ImageGroupConv(action, 4, 2, 3)
    assert lift.weight.dtype == torch.float32
    x = torch.randn(8, 1, 8, 8)
    target = torch.randn(8, 2)
    params = [*lift.parameters(), *conv.parameters()]
    opt = torch.optim.SGD(params, lr=0.05)

    def loss():
        y = conv(torch.relu(lift(x))).mean(dim=(2, 3, 4))
        return ((y - target) ** 2).mean()

    before = loss()
    before.backward()
    assert all(p.grad is not None and p.grad.abs().sum() > 0 for p in params)
    opt.step()
    assert loss().item() < before.item()
    again = ImageGroupConv(action, 4, 2, 3)
    again.load_state_dict(conv.state_dict())
    z = torch.randn(2, 4, 8, 8, 8)
    assert torch.equal(again(z), conv(z))
    meta = ImageGroupConv(action, 4, 2, 3, device="meta")
    assert meta(torch.empty(2, 4, 8, 8, 8, device="meta")).device.type == "meta"


def test_bad_input_is_refused_clearly():
    action = grouprep.p4_action(6)
    with pytest.raises(grouprep.GroupRepValueError, match="p4_action"):
        ImageLiftingConv(grouprep.d4_action(6))
    with pytest.raises(grouprep.GroupRepValueError, match="kernel_size"):
        ImageLiftingConv(action, kernel_size=4)
    with pytest.raises(grouprep.GroupRepValueError, match="kernel_size"):
        ImageGroupConv(action, kernel_size=7)
    lift = ImageLiftingConv(action, 2, 1)
    with pytest.raises(grouprep.GroupRepValueError, match=r"\(batch, 2, 6, 6\)"):
        lift(torch.randn(3, 1, 6, 6))
    conv = ImageGroupConv(action, 2, 1)
    with pytest.raises(grouprep.GroupRepValueError, match=r"\(batch, 2, 4, 6, 6\)"):
        conv(torch.randn(3, 2, 8, 6, 6))
    with pytest.raises(grouprep.GroupRepTypeError, match="dtype"):
        conv(torch.randn(3, 2, 4, 6, 6, dtype=torch.float64))
    with pytest.raises(grouprep.GroupRepTypeError, match=r"torch\.Tensor"):
        conv(np.zeros((3, 2, 4, 6, 6)))
