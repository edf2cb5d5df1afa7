"""The trained networks in float32 and float64, on a chosen device, and on p4 / p4m images.

The group is applied to the inputs by the action's own ``act`` (with its generators and with
``image_symmetry`` elements) or by hand with numpy (``rot90``, ``flip``, ``roll``), never
through the network's index arrays; the labels of the image task are computed here with
numpy (a 2 x 2 block of ones anywhere on the periodic image, which every rotation, mirror
and translation keeps).
"""

import pickle

import numpy as np
import pytest

torch = pytest.importorskip("torch")

import grouprep  # noqa: E402
from grouprep.errors import GroupRepTypeError, GroupRepValueError  # noqa: E402
from grouprep.nn import GroupConv, ImageGroupConv, ImageLiftingConv, LiftingConv  # noqa: E402
from grouprep.strategies import (  # noqa: E402
    EquivariantNetworkClassifier,
    MLPNetworkClassifier,
    make_strategy,
)

torch.set_num_threads(1)  # small networks: one thread avoids contention on a shared machine

A4 = grouprep.permutation_group([(1, 2, 0, 3), (0, 2, 3, 1)])

FAMILIES = {
    "D6 on bit strings": (
        grouprep.dihedral_action(6, alphabet=2),
        lambda r: r.integers(0, 2, size=(40, 6)),
    ),
    "D5 on real signals": (grouprep.dihedral_action(5), lambda r: r.standard_normal((40, 5))),
    "A4 by generators": (
        grouprep.signal_action(grouprep.permutation_action(A4), alphabet=2),
        lambda r: r.integers(0, 2, size=(40, 4)),
    ),
    "p4m on 6x6 real images": (grouprep.p4m_action(6), lambda r: r.standard_normal((40, 6, 6))),
    "p4 on 5x5 bit images": (
        grouprep.p4_action(5, alphabet=2),
        lambda r: r.integers(0, 2, size=(40, 5, 5)),
    ),
}

IMAGE_BUILDS = [grouprep.p4_action, grouprep.p4m_action]


def _fit(action, X, y, dtype, **options):
    return make_strategy(
        "equivariant", action, model="network", hidden=4, epochs=15, random_state=1,
        dtype=dtype, **options,
    ).fit(X, y)  # fmt: skip


def _layer_types(model):
    return [type(layer) for layer in model.net_.body if not isinstance(layer, torch.nn.ReLU)]


def _block_labels(X):
    """1 where the periodic bit image has a 2 x 2 block of ones somewhere (by numpy)."""
    block = X & np.roll(X, 1, axis=1) & np.roll(X, 1, axis=2) & np.roll(X, (1, 1), axis=(1, 2))
    return block.any(axis=(1, 2)).astype(int)


# ---------------------------------------------------------------------------- dtypes


@pytest.mark.parametrize("family", list(FAMILIES))
def test_float32_fits_predicts_and_is_invariant_to_float32_rounding(family):
    action, draw = FAMILIES[family]
    rng = np.random.default_rng(0)
    X = draw(rng)
    y = rng.integers(0, 3, size=len(X))
    single = _fit(action, X, y, "float32")
    double = _fit(action, X, y, "float64")
    assert {p.dtype for p in single.net_.parameters()} == {torch.float32}
    assert {p.dtype for p in double.net_.parameters()} == {torch.float64}
    P32, P64 = single.predict_proba(X), double.predict_proba(X)
    for P in (P32, P64):
        assert P.dtype == np.float64 and P.shape == (len(X), 3)
        assert P.std(axis=0).max() > 1e-4  # not a constant model
    assert single.decision_function(X).dtype == np.float64
    assert single.predict(X).shape == (len(X),)
    # one seed, one initialization: the first loss (before any step) agrees to float32
    assert single.loss_curve_[0] == pytest.approx(double.loss_curve_[0], rel=1e-5)
    for g in action.group.generators:
        Xg = action.act(g, X)
        np.testing.assert_allclose(single.predict_proba(Xg), P32, rtol=1e-5, atol=0)
        np.testing.assert_allclose(double.predict_proba(Xg), P64, rtol=0, atol=1e-12)


def test_the_baseline_network_in_float32():
    action = grouprep.shift_action(6, alphabet=2)
    X = np.random.default_rng(1).integers(0, 2, size=(48, 6))
    y = (X.sum(axis=1) >= 3).astype(int)
    mlp = make_strategy("baseline", action, model="network", epochs=80, dtype="float32")
    mlp.fit(X, y)
    assert {p.dtype for p in mlp.net_.parameters()} == {torch.float32}
    assert mlp.predict_proba(X).dtype == np.float64
    assert mlp.loss_curve_[-1] < 0.5 * mlp.loss_curve_[0]
    real = MLPNetworkClassifier(grouprep.shift_action(6), epochs=5, dtype="float32")
    assert real.fit(np.random.default_rng(2).standard_normal((8, 6)), [0, 1] * 4).score(
        np.zeros((2, 6)), [0, 1]
    ) in (0.0, 0.5, 1.0)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_reproducible_from_random_state_in_both_dtypes(dtype):
    images = grouprep.p4_action(4, alphabet=2)
    cases = [
        (grouprep.dihedral_action(6, alphabet=2), (50, 6)),
        (images, (50, 4, 4)),
    ]
    for action, shape in cases:
        X = np.random.default_rng(4).integers(0, 2, size=shape)
        y = X.reshape(50, -1).sum(axis=1) % 3
        for cls in (EquivariantNetworkClassifier, MLPNetworkClassifier):
            torch.manual_seed(123)
            before = torch.get_rng_state()
            fits = [
                cls(action, epochs=12, batch_size=8, random_state=seed, dtype=dtype).fit(X, y)
                for seed in (5, 5, 6)
            ]
            assert torch.equal(torch.get_rng_state(), before)
            a, b, c = (model.predict_proba(X) for model in fits)
            np.testing.assert_array_equal(a, b)
            assert fits[0].loss_curve_ == fits[1].loss_curve_
            assert not np.allclose(a, c)


def test_bad_dtype_is_refused_with_the_choices():
    action = grouprep.shift_action(6, alphabet=2)
    for name in ("equivariant", "baseline"):
        with pytest.raises(GroupRepValueError, match=r"'dtype' must be one of \['float64', "):
            make_strategy(name, action, model="network", dtype="float16")
        with pytest.raises(GroupRepValueError, match="'dtype'"):
            make_strategy(name, action, model="network", dtype=torch.float32)


# ---------------------------------------------------------------------------- devices


def test_a_device_torch_cannot_use_is_refused_naming_the_argument():
    action = grouprep.shift_action(6, alphabet=2)
    X, y = np.eye(6, dtype=int), [0, 1] * 3
    if not torch.cuda.is_available():
        for name in ("equivariant", "baseline"):
            with pytest.raises(GroupRepValueError, match=r"'device' is 'cuda'.*cannot use"):
                make_strategy(name, action, model="network", device="cuda")
        with pytest.raises(GroupRepValueError, match=r"torch\.cuda\.is_available\(\) is False"):
            EquivariantNetworkClassifier(action, device="cuda:0").fit(X, y)
        with pytest.raises(GroupRepValueError, match="'device'"):
            MLPNetworkClassifier(action, device=torch.device("cuda")).fit(X, y)
    with pytest.raises(GroupRepValueError, match=r"'device' must name a torch device.*'gpu0'"):
        make_strategy("equivariant", action, model="network", device="gpu0")
    with pytest.raises(GroupRepValueError, match="'device' must be a device that holds data"):
        make_strategy("equivariant", action, model="network", device="meta")
    with pytest.raises(GroupRepTypeError, match=r"'device' must be a str or a torch\.device"):
        make_strategy("baseline", action, model="network", device=0)


def test_the_cpu_given_as_a_string_or_a_torch_device():
    action = grouprep.dihedral_action(5, alphabet=2)
    X = np.random.default_rng(6).integers(0, 2, size=(30, 5))
    y = X.sum(axis=1) % 2
    fits = [
        EquivariantNetworkClassifier(action, epochs=10, device=device).fit(X, y)
        for device in ("cpu", torch.device("cpu"), "cpu:0")
    ]
    for model in fits:
        assert {p.device.type for p in model.net_.parameters()} == {"cpu"}
    np.testing.assert_array_equal(fits[0].predict_proba(X), fits[1].predict_proba(X))
    np.testing.assert_array_equal(fits[0].predict_proba(X), fits[2].predict_proba(X))


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
def test_on_cuda_the_predictions_are_those_of_the_cpu_to_rounding():  # pragma: no cover
    action = grouprep.p4m_action(6)
    X = np.random.default_rng(7).standard_normal((32, 6, 6))
    y = (X[:, 0, 0] > 0).astype(int)
    cpu = EquivariantNetworkClassifier(action, hidden=4, epochs=5).fit(X, y)
    gpu = EquivariantNetworkClassifier(action, hidden=4, epochs=5, device="cuda").fit(X, y)
    assert {p.device.type for p in gpu.net_.parameters()} == {"cuda"}
    np.testing.assert_allclose(gpu.predict_proba(X), cpu.predict_proba(X), atol=1e-8)


# ---------------------------------------------------------------------------- estimator API


def test_clone_get_set_params_and_pickle_with_the_new_parameters():
    from sklearn.base import clone

    action = grouprep.p4m_action(4, alphabet=2)
    X = np.random.default_rng(8).integers(0, 2, size=(30, 4, 4))
    y = X[:, 0, 0]
    model = make_strategy(
        "equivariant", action, model="network", hidden=3, epochs=8, dtype="float32",
        device="cpu", kernel_size=3,
    )  # fmt: skip
    params = model.get_params()
    assert (params["dtype"], params["device"], params["kernel_size"]) == ("float32", "cpu", 3)
    twin = clone(model)
    assert twin.get_params() == params and twin is not model
    twin.fit(X, y)
    np.testing.assert_array_equal(twin.predict_proba(X), model.fit(X, y).predict_proba(X))
    again = pickle.loads(pickle.dumps(model))
    np.testing.assert_array_equal(again.predict_proba(X), model.predict_proba(X))
    model.set_params(dtype="float64", kernel_size=1)
    assert clone(model).get_params()["dtype"] == "float64"
    model.fit(X, y)
    assert model.net_.body[0].weight.dtype == torch.float64
    assert model.net_.body[0].kernel_size == 1
    mlp = make_strategy("baseline", action, model="network", dtype="float32")
    assert clone(mlp).get_params()["dtype"] == "float32" and "kernel_size" not in mlp.get_params()
    defaults = EquivariantNetworkClassifier(action).get_params()
    assert (defaults["dtype"], defaults["device"], defaults["kernel_size"]) == (
        "float64",
        "cpu",
        None,
    )


# ---------------------------------------------------------------------------- images


@pytest.mark.parametrize("build", IMAGE_BUILDS, ids=["p4", "p4m"])
def test_image_actions_take_the_local_filter_layers(build):
    images = EquivariantNetworkClassifier(build(8), hidden=4, layers=2, epochs=1)
    X = np.random.default_rng(9).standard_normal((6, 8, 8))
    images.fit(X, [0, 1] * 3)
    assert _layer_types(images) == [ImageLiftingConv, ImageGroupConv, ImageGroupConv]
    assert images.net_.body[0].kernel_size == 3
    # a group of the same order given another way takes the generic layers on its elements
    other = EquivariantNetworkClassifier(grouprep.dihedral_action(5), hidden=2, epochs=1)
    other.fit(np.random.default_rng(9).standard_normal((6, 5)), [0, 1] * 3)
    assert _layer_types(other) == [LiftingConv, GroupConv]
    # hidden=16 on p4m_action(8) would be a (16 * 512)^2 matrix on the generic path
    make_strategy("equivariant", grouprep.p4m_action(8), model="network", hidden=16)


@pytest.mark.parametrize("build", IMAGE_BUILDS, ids=["p4", "p4m"])
@pytest.mark.parametrize("alphabet", [None, 2], ids=["real", "bits"])
def test_image_predictions_are_invariant_under_every_generator(build, alphabet):
    action = build(8, alphabet)
    rng = np.random.default_rng(10)
    X = rng.standard_normal((24, 8, 8)) if alphabet is None else rng.integers(0, 2, (24, 8, 8))
    y = rng.integers(0, 3, size=len(X))
    model = make_strategy(
        "equivariant", action, model="network", hidden=4, layers=1, epochs=10, random_state=2
    ).fit(X, y)
    P = model.predict_proba(X)
    assert P.std(axis=0).max() > 1e-4
    # the generators of the group, applied by the action itself
    gens = action.group.generators
    assert len(gens) == (4 if build is grouprep.p4m_action else 3)
    for g in gens:
        np.testing.assert_allclose(model.predict_proba(action.act(g, X)), P, rtol=0, atol=1e-12)
    # the named elements: a quarter turn, the mirror, translations along each axis
    named = [
        grouprep.image_symmetry(8, rotation=1),
        grouprep.image_symmetry(8, shift=(1, 0)),
        grouprep.image_symmetry(8, shift=(0, 1)),
        grouprep.image_symmetry(8, shift=(3, 5), rotation=3),
    ]
    if build is grouprep.p4m_action:
        named.append(grouprep.image_symmetry(8, mirror=True))
        named.append(grouprep.image_symmetry(8, shift=(2, 7), rotation=1, mirror=True))
    for g in named:
        np.testing.assert_allclose(model.predict_proba(action.act(g, X)), P, rtol=0, atol=1e-12)
    # and by hand with numpy
    by_hand = [np.rot90(X, 1, axes=(1, 2)), np.roll(X, (1, 3), axis=(1, 2))]
    if build is grouprep.p4m_action:
        by_hand.append(np.flip(X, axis=2))
    for Z in by_hand:
        np.testing.assert_allclose(model.predict_proba(Z), P, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(model.predict_proba(X.reshape(24, 64)), P)


@pytest.mark.parametrize("build", IMAGE_BUILDS, ids=["p4", "p4m"])
def test_image_network_learns_a_block_detector(build):
    action = build(8, 2)
    X = (np.random.default_rng(11).random((96, 8, 8)) < 0.3).astype(int)
    y = _block_labels(X)
    assert 0.25 < y.mean() < 0.75  # both classes well represented
    for g in action.group.generators:  # the labels are invariant (checked with the action)
        np.testing.assert_array_equal(_block_labels(action.act(g, X)), y)
    model = EquivariantNetworkClassifier(action, hidden=8, pool="max", epochs=60, lr=0.02)
    model.fit(X, y)
    curve = np.array(model.loss_curve_)
    assert len(curve) == 60
    assert curve[-1] < 0.5 * curve[0], curve
    # decreasing overall: each fifth of the training ends lower than the one before
    fifths = curve.reshape(5, 12).mean(axis=1)
    assert (np.diff(fifths) < 0).all(), fifths
    assert model.score(X, y) > 0.9


def test_image_network_in_float32_is_invariant_to_float32_rounding():
    action = grouprep.p4m_action(8)
    X = np.random.default_rng(12).standard_normal((24, 8, 8))
    y = np.random.default_rng(13).integers(0, 2, size=24)
    model = EquivariantNetworkClassifier(action, hidden=4, epochs=10, dtype="float32").fit(X, y)
    assert {p.dtype for p in model.net_.parameters()} == {torch.float32}
    P = model.predict_proba(X)
    for g in action.group.generators:
        np.testing.assert_allclose(model.predict_proba(action.act(g, X)), P, rtol=1e-5, atol=0)


def test_kernel_size_is_checked_and_only_for_image_actions():
    p4m = grouprep.p4m_action(8)
    model = make_strategy("equivariant", p4m, model="network", kernel_size=5, hidden=2, epochs=1)
    model.fit(np.random.default_rng(14).standard_normal((4, 8, 8)), [0, 1, 0, 1])
    assert model.net_.body[0].weight.shape[-1] == 25
    with pytest.raises(GroupRepValueError, match=r"'kernel_size' must be odd.*side 8, got 4"):
        make_strategy("equivariant", p4m, model="network", kernel_size=4)
    with pytest.raises(GroupRepValueError, match=r"'kernel_size' must be odd.*got 9"):
        make_strategy("equivariant", p4m, model="network", kernel_size=9)
    with pytest.raises(GroupRepTypeError, match=r"'kernel_size' must be an int >= 1, got 3\.0"):
        make_strategy("equivariant", p4m, model="network", kernel_size=3.0)
    shift = grouprep.shift_action(8, alphabet=2)
    with pytest.raises(GroupRepValueError, match=r"'kernel_size' is the filter window.*None"):
        make_strategy("equivariant", shift, model="network", kernel_size=3)
    with pytest.raises(GroupRepValueError, match=r"'kernel_size' is the filter window"):
        EquivariantNetworkClassifier(grouprep.d4_action(8), kernel_size=3).fit(
            np.zeros((2, 8, 8)), [0, 1]
        )
    with pytest.raises(GroupRepValueError, match=r"\['kernel_size'\] belong to the equivariant"):
        make_strategy("baseline", p4m, model="network", kernel_size=3)
    # images smaller than the default window take a 1 x 1 window
    tiny = EquivariantNetworkClassifier(grouprep.p4_action(2), hidden=2, epochs=1)
    tiny.fit(np.random.default_rng(15).standard_normal((4, 2, 2)), [0, 1, 0, 1])
    assert tiny.net_.body[0].kernel_size == 1
