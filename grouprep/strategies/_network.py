"""Strategy 4 and the baseline as trained PyTorch networks (private; needs the extra ``torch``).

Imported only when ``make_strategy(..., model="network")`` or one of the classes below is
asked for: ``import grouprep.strategies`` does not import torch.
"""

from __future__ import annotations

import math
import numbers
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import torch
from sklearn.base import BaseEstimator, ClassifierMixin

from grouprep._validation import check_int, describe
from grouprep.actions import SignalAction
from grouprep.errors import GroupRepTypeError, GroupRepValueError, NotFittedError, SizeLimitError
from grouprep.features._structure import as_signals
from grouprep.nn import (
    GroupConv,
    ImageGroupConv,
    ImageLiftingConv,
    InvariantPooling,
    LiftingConv,
)
from grouprep.nn._image import _check_kernel, _point_group

__all__ = ["MAX_GROUP_LAYER_ENTRIES", "EquivariantNetworkClassifier", "MLPNetworkClassifier"]

MAX_GROUP_LAYER_ENTRIES = 2**24
"""The largest weight matrix of a group layer, ``(hidden |G|)^2`` entries (128 MiB)."""

_POOLS = ("mean", "max", "meanmax")
_DTYPES = {"float64": torch.float64, "float32": torch.float32}


def _check_dtype(value: Any, where: str) -> torch.dtype:
    if not isinstance(value, str) or value not in _DTYPES:
        raise GroupRepValueError(
            f"{where}: parameter 'dtype' must be one of {list(_DTYPES)}, got {describe(value)}"
        )
    return _DTYPES[value]


def _check_device(value: Any, where: str) -> torch.device:
    """The device, if torch can allocate a tensor on it here (not only parse its name)."""
    if not isinstance(value, (str, torch.device)):
        raise GroupRepTypeError(
            f"{where}: parameter 'device' must be a str or a torch.device (such as 'cpu' or "
            f"'cuda'), got {describe(value)} of type {type(value).__name__}"
        )
    try:
        device = torch.device(value)
    except (RuntimeError, ValueError) as err:
        raise GroupRepValueError(
            f"{where}: parameter 'device' must name a torch device (such as 'cpu', 'cuda' or "
            f"'cuda:0'), got {describe(value)}: {str(err).splitlines()[0]}"
        ) from err
    if device.type == "meta":
        raise GroupRepValueError(
            f"{where}: parameter 'device' must be a device that holds data, got {describe(value)}"
            " (meta tensors have shapes only)"
        )
    try:
        torch.empty(1, device=device)
    except (AssertionError, RuntimeError, NotImplementedError, ValueError) as err:
        hint = (
            f" (torch.cuda.is_available() is {torch.cuda.is_available()}, "
            f"{torch.cuda.device_count()} device(s))"
            if device.type == "cuda"
            else ""
        )
        raise GroupRepValueError(
            f"{where}: parameter 'device' is {describe(value)}, which this torch cannot use"
            f"{hint}: {str(err).splitlines()[0]}"
        ) from err
    return device


def _check_action(action: Any, where: str) -> SignalAction:
    if not isinstance(action, SignalAction):
        raise GroupRepTypeError(
            f"{where}: parameter 'action' must be a grouprep signal action (e.g. "
            f"grouprep.shift_action(8, alphabet=2)), got {describe(action)}"
        )
    return action


def _check_positive(value: Any, name: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise GroupRepTypeError(
            f"{where}: parameter {name!r} must be a positive number, got {describe(value)} of "
            f"type {type(value).__name__}"
        )
    out = float(value)
    if not (math.isfinite(out) and out > 0):
        raise GroupRepValueError(
            f"{where}: parameter {name!r} must be a positive number, got {describe(value)}"
        )
    return out


def _check_nonnegative(value: Any, name: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise GroupRepTypeError(
            f"{where}: parameter {name!r} must be a number >= 0, got {describe(value)} of "
            f"type {type(value).__name__}"
        )
    out = float(value)
    if not (math.isfinite(out) and out >= 0):
        raise GroupRepValueError(
            f"{where}: parameter {name!r} must be a number >= 0, got {describe(value)}"
        )
    return out


class _SymbolInput(torch.nn.Module):
    """Symbols 0..k-1 at each site to ``embedding`` channels per site (one table for all
    sites, so it commutes with every permutation of them); real values to one channel."""

    def __init__(self, alphabet: int | None, embedding: int) -> None:
        super().__init__()
        self.alphabet = alphabet
        self.channels = 1 if alphabet is None else embedding
        self.table = None if alphabet is None else torch.nn.Embedding(alphabet, embedding)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.table is None:
            return x[:, None, :]  # (m, 1, sites)
        out: torch.Tensor = self.table(x).permute(0, 2, 1)  # (m, sites, e) -> (m, e, sites)
        return out


class _Equivariant(torch.nn.Module):
    """Embedding, lifting, group convolutions, pooling over the group, linear head.

    With ``kernel_size`` (p4 and p4m actions only) the layers are the local-filter image
    convolutions, signals on the group ``(m, hidden, |H|, h, h)``; without, the generic
    ones on the elements of the group, ``(m, hidden, |G|)``.
    """

    def __init__(
        self,
        action: SignalAction,
        classes: int,
        hidden: int,
        layers: int,
        embedding: int,
        pool: str,
        kernel_size: int | None = None,
    ) -> None:
        super().__init__()
        self.inputs = _SymbolInput(action.alphabet, embedding)
        channels = self.inputs.channels
        blocks: list[torch.nn.Module]
        self.image_shape: tuple[int, ...] | None = None
        if kernel_size is None:
            blocks = [LiftingConv(action, channels, hidden), torch.nn.ReLU()]
            for _ in range(layers):
                blocks += [GroupConv(action.group, hidden, hidden), torch.nn.ReLU()]
        else:
            self.image_shape = (channels, *action.shape)
            blocks = [ImageLiftingConv(action, channels, hidden, kernel_size), torch.nn.ReLU()]
            for _ in range(layers):
                blocks += [ImageGroupConv(action, hidden, hidden, kernel_size), torch.nn.ReLU()]
        self.body = torch.nn.Sequential(*blocks)
        self.pools = torch.nn.ModuleList([InvariantPooling("mean"), InvariantPooling("max")])
        self.pool = pool
        width = 2 * hidden if pool == "meanmax" else hidden
        self.head = torch.nn.Linear(width, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        f = self.inputs(x)  # (m, channels, sites)
        if self.image_shape is not None:  # (m, channels, h, h) to (m, hidden, |H|, h, h)
            f = f.reshape(len(f), *self.image_shape)
        h = self.body(f).flatten(2)  # (m, hidden, |G|)
        if self.pool == "mean":
            z = self.pools[0](h)
        elif self.pool == "max":
            z = self.pools[1](h)
        else:
            z = torch.cat([self.pools[0](h), self.pools[1](h)], dim=1)
        out: torch.Tensor = self.head(z)
        return out


class _Dense(torch.nn.Module):
    def __init__(self, action: SignalAction, classes: int, hidden: int, layers: int) -> None:
        super().__init__()
        self.alphabet = action.alphabet
        width_in = action.num_sites * (1 if action.alphabet is None else action.alphabet)
        blocks: list[torch.nn.Module] = [torch.nn.Linear(width_in, hidden), torch.nn.ReLU()]
        for _ in range(layers):
            blocks += [torch.nn.Linear(hidden, hidden), torch.nn.ReLU()]
        blocks.append(torch.nn.Linear(hidden, classes))
        self.body = torch.nn.Sequential(*blocks)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.alphabet is not None:  # one-hot symbols, flattened: (m, sites * k)
            x = torch.nn.functional.one_hot(x, self.alphabet).reshape(len(x), -1)
            x = x.to(next(self.parameters()).dtype)
        out: torch.Tensor = self.body(x)
        return out


class _NetworkClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """The training loop and the estimator API shared by both networks."""

    _where = "NetworkClassifier"

    # the parameters, set by the subclasses' __init__
    action: Any
    hidden: Any
    layers: Any
    epochs: Any
    lr: Any
    batch_size: Any
    weight_decay: Any
    random_state: Any
    dtype: Any
    device: Any

    def _check_params(self) -> dict[str, Any]:
        """The parameters, validated (called by ``fit`` and by ``make_strategy``)."""
        where = self._where
        out: dict[str, Any] = {"action": _check_action(self.action, where)}
        out["hidden"] = check_int(self.hidden, "hidden", where, minimum=1)
        out["layers"] = check_int(self.layers, "layers", where, minimum=0)
        out["epochs"] = check_int(self.epochs, "epochs", where, minimum=1)
        out["lr"] = _check_positive(self.lr, "lr", where)
        out["batch_size"] = (
            None
            if self.batch_size is None
            else check_int(self.batch_size, "batch_size", where, minimum=1)
        )
        out["weight_decay"] = _check_nonnegative(self.weight_decay, "weight_decay", where)
        out["random_state"] = check_int(self.random_state, "random_state", where, minimum=0)
        out["dtype"] = _check_dtype(self.dtype, where)
        out["device"] = _check_device(self.device, where)
        return out

    def _build(self, params: dict[str, Any], classes: int) -> torch.nn.Module:
        raise NotImplementedError

    # ------------------------------------------------------------------ inputs
    def _inputs(self, X: Any, action: SignalAction, where: str) -> torch.Tensor:
        """The inputs as a tensor on the network's device: symbols as int64, real values
        standardized in the network's dtype."""
        tensor = self._host_inputs(X, action, where)
        net = getattr(self, "net_", None)
        if net is None:
            return tensor
        weight = next(net.parameters())
        dtype = weight.dtype if tensor.is_floating_point() else tensor.dtype
        return tensor.to(device=weight.device, dtype=dtype)

    def _host_inputs(self, X: Any, action: SignalAction, where: str) -> torch.Tensor:
        arr = as_signals(action, X, where)
        if arr.dtype.kind not in "biuf":
            raise GroupRepTypeError(
                f"{where}: argument 'X' must hold numbers, got dtype {arr.dtype}"
            )
        flat = arr.reshape(len(arr), action.num_sites)
        k = action.alphabet
        if k is None:
            values = flat.astype(np.float64)
            if not np.isfinite(values).all():
                raise GroupRepValueError(f"{where}: argument 'X' holds NaN or infinite values")
            scale = getattr(self, "scale_", (0.0, 1.0))
            return torch.from_numpy((values - scale[0]) / scale[1])
        symbols = np.rint(flat) if flat.dtype.kind == "f" else flat
        if flat.size and (
            (flat.dtype.kind == "f" and not np.array_equal(symbols, flat))
            or symbols.min() < 0
            or symbols.max() >= k
        ):
            raise GroupRepValueError(
                f"{where}: argument 'X' must hold the symbols 0..{k - 1} of {action!r}, got "
                f"values from {flat.min()!r} to {flat.max()!r}"
            )
        return torch.from_numpy(symbols.astype(np.int64))

    # ------------------------------------------------------------------ training
    def fit(self, X: Any, y: Any) -> Any:
        """Train the network from a fresh initialization drawn from ``random_state``.

        Adam on the mean cross-entropy, ``epochs`` passes over the data in batches of
        ``batch_size`` (the whole set when None), in ``dtype`` on ``device``. The
        initial weights are drawn in float64 on the CPU and then converted, so one seed
        gives the same starting point in either dtype and on any device.
        """
        where = f"{type(self).__name__}.fit"
        params = self._check_params()
        action: SignalAction = params["action"]
        labels = np.asarray(y)
        arr = as_signals(action, X, where)
        if labels.ndim != 1 or len(labels) != len(arr) or len(arr) < 1:
            raise GroupRepValueError(
                f"{where}: arguments 'X' and 'y' must hold one label per sample (at least one), "
                f"got X of shape {np.asarray(X).shape} and y of shape {labels.shape}"
            )
        self.classes_, codes = np.unique(labels, return_inverse=True)
        self.n_features_in_ = action.num_sites
        if action.alphabet is None:
            values = arr.astype(np.float64)
            sd = float(values.std())
            self.scale_ = (float(values.mean()), sd if sd > 0 else 1.0)
        dtype, device = params["dtype"], params["device"]
        inputs = self._host_inputs(arr, action, where)
        if inputs.is_floating_point():
            inputs = inputs.to(dtype)
        inputs = inputs.to(device)
        targets = torch.from_numpy(codes.reshape(-1).astype(np.int64)).to(device)
        seed = params["random_state"]
        with torch.random.fork_rng(devices=[]):  # the caller's random state is left alone
            torch.manual_seed(seed)
            net = self._build(params, max(len(self.classes_), 1)).to(torch.float64)
        net = net.to(device=device, dtype=dtype)
        order = torch.Generator().manual_seed(seed)  # on the CPU: the same order everywhere
        opt = torch.optim.Adam(
            net.parameters(), lr=params["lr"], weight_decay=params["weight_decay"]
        )
        m = len(inputs)
        batch = m if params["batch_size"] is None else min(params["batch_size"], m)
        losses: list[float] = []
        net.train()
        for _ in range(params["epochs"]):
            perm = torch.randperm(m, generator=order) if batch < m else torch.arange(m)
            perm = perm.to(device)
            total = 0.0
            for start in range(0, m, batch):
                rows = perm[start : start + batch]
                opt.zero_grad()
                loss = torch.nn.functional.cross_entropy(net(inputs[rows]), targets[rows])
                loss.backward()  # type: ignore[no-untyped-call]
                opt.step()
                total += float(loss.detach()) * len(rows)
            losses.append(total / m)
        net.eval()
        self.net_ = net
        self.loss_curve_ = losses
        return self

    def _check_fitted(self, where: str) -> None:
        if not hasattr(self, "net_"):
            raise NotFittedError(
                f"{where}: this {type(self).__name__} is not fitted yet; call fit(X, y) first"
            )

    def _logits(self, X: Any, where: str) -> torch.Tensor:
        """The network's logits, computed in its dtype on its device, as float64 on the CPU."""
        self._check_fitted(where)
        inputs = self._inputs(X, self.action, where)
        with torch.no_grad():
            out: torch.Tensor = self.net_(inputs).to(device="cpu", dtype=torch.float64)
        return out

    def decision_function(self, X: Any) -> npt.NDArray[np.float64]:
        """The logits, ``(m, n_classes)``, as float64 (whatever ``dtype`` computed them)."""
        logits = self._logits(X, f"{type(self).__name__}.decision_function")
        out: npt.NDArray[np.float64] = logits.numpy()
        return out

    def predict_proba(self, X: Any) -> npt.NDArray[np.float64]:
        """Class probabilities, the softmax of the logits, ``(m, n_classes)``, float64."""
        logits = self._logits(X, f"{type(self).__name__}.predict_proba")
        out: npt.NDArray[np.float64] = torch.softmax(logits, dim=1).numpy()
        return out

    def predict(self, X: Any) -> npt.NDArray[Any]:
        """The most probable class of each sample."""
        self._check_fitted(f"{type(self).__name__}.predict")
        out: npt.NDArray[Any] = self.classes_[np.argmax(self.predict_proba(X), axis=1)]
        return out


def _image_group(action: SignalAction) -> tuple[int, bool] | None:
    """(h, mirrors) when the action is ``p4_action(h)`` or ``p4m_action(h)``, else None."""
    try:
        return _point_group(action, "")
    except GroupRepValueError:
        return None


class EquivariantNetworkClassifier(_NetworkClassifier):
    """Strategy 4 trained: a group convolutional network for any finite group, pooled.

    .. math:: f(x) = A\\, P\\bigl(\\sigma(\\Psi_L \\star \\cdots
              \\sigma(\\Psi_1 \\star \\sigma(\\Psi_0 \\star E(x))))\\bigr) + a

    where :math:`E` embeds the symbol at each site (one learnable table of ``embedding``
    values per symbol, the same at every site; a real signal is one channel, standardized
    by one mean and one spread), :math:`\\Psi_0 \\star` is the lifting correlation
    :math:`(f \\star \\psi)(g) = \\sum_x f(x)\\, \\psi(g^{-1} \\cdot x)` to ``hidden``
    channels on the group (:class:`grouprep.nn.LiftingConv`), :math:`\\Psi_1, \\dots,
    \\Psi_L` are ``layers`` group convolutions :math:`(F \\star \\psi)(g) = \\sum_h F(h)\\,
    \\psi(g^{-1} h)` (:class:`grouprep.nn.GroupConv`), :math:`\\sigma` is the ReLU,
    :math:`P` pools the group axis (:class:`grouprep.nn.InvariantPooling`: mean, max or
    both) and :math:`A, a` is a linear head. Each stage commutes with the group, and the
    pooling forgets it, so :math:`f(g \\cdot x) = f(x)` for every weight: the predictions
    are invariant by construction (to rounding: about :math:`10^{-15}` in float64,
    :math:`10^{-7}` in float32), trained or not. Trained with Adam on the cross-entropy
    for ``epochs`` passes, in ``dtype`` on ``device``.

    The generic layers hold a filter on every element of the group, a weight matrix of
    :math:`(\\text{hidden}\\,|G|)^2` entries per group convolution. When the action is
    ``p4_action(h)`` or ``p4m_action(h)`` (periodic images, :math:`G = \\mathbb{Z}_h^2
    \\rtimes H` with :math:`H = C_4` or :math:`D_4`, :math:`|G| = 4h^2` or :math:`8h^2`)
    the filters are local instead: :math:`\\Psi_0 \\star` is
    :class:`grouprep.nn.ImageLiftingConv` and :math:`\\Psi_1, \\dots, \\Psi_L` are
    :class:`grouprep.nn.ImageGroupConv`, filters on a ``kernel_size x kernel_size`` window
    of translations (times all of :math:`H`), each layer one ``conv2d`` with circular
    padding on :math:`\\text{hidden}\\,|H|` channels, the cost of an ordinary convolution
    rather than of a matrix quadratic in :math:`|G|`. The signals on the group are
    ``(hidden, |H|, h, h)`` and :math:`P` pools over all of them, the :math:`|H|` point
    elements and the :math:`h^2` positions, which is again the whole group. The path is
    chosen by what the action is (equal to ``p4_action(h, alphabet)`` or
    ``p4m_action(h, alphabet)``), not by the shape of the inputs.

    Parameters
    ----------
    action : SignalAction
        The group and how it moves the sites (any finite group: shifts, dihedral groups,
        :math:`S_n` on sets and graphs, p4m on images, permutation groups by generators).
        With an alphabet, inputs are symbols ``0 .. k-1``; without, real values.
    hidden : int, default 16
        Channels on the group.
    layers : int, default 1
        Group convolutions after the lifting, ``>= 0``.
    embedding : int, default 4
        Values per symbol (ignored for real signals).
    pool : {"mean", "max", "meanmax"}, default "meanmax"
        Pooling over the group (for images: over the point elements and the positions);
        ``"meanmax"`` concatenates both, ``2 * hidden`` features for the head.
    epochs : int, default 200
    lr : float, default 0.01
    batch_size : int or None, default None
        Minibatches of this size, reshuffled each epoch; None trains on the full batch.
    weight_decay : float, default 0.0
    random_state : int, default 0
        Seeds the initialization and the shuffling; the same seed gives the same model
        (the global torch random state is left unchanged). The initial weights are drawn
        in float64 on the CPU and then converted to ``dtype`` and moved to ``device``.
    kernel_size : int or None, default None
        The side of the filter window of the image layers, odd and at most ``h``; None
        means 3 (1 on images of side 1 or 2). Only for ``p4_action(h)`` and
        ``p4m_action(h)``: the generic layers have no window, so with any other action an
        int is refused.
    dtype : {"float64", "float32"}, default "float64"
        The floating type of the weights, of training and of prediction. The outputs of
        ``predict_proba`` and ``decision_function`` are float64 NumPy arrays either way
        (the logits converted, the softmax taken in float64).
    device : str or torch.device, default "cpu"
        Where the network trains and predicts: ``"cpu"``, ``"cuda"``, ``"cuda:1"``, ...
        anything :class:`torch.device` accepts and this torch can allocate on (checked by
        ``make_strategy`` and by ``fit``). Inputs are NumPy arrays and are moved there.

    Attributes
    ----------
    net_ : torch.nn.Module
        The trained network, in ``dtype`` on ``device``.
    classes_ : numpy.ndarray
    loss_curve_ : list of float
        The mean training loss per epoch.

    Raises
    ------
    GroupRepTypeError, GroupRepValueError
        From ``fit``, for a parameter of the wrong type or range (a ``device`` torch
        cannot use here, such as ``"cuda"`` without a GPU; ``kernel_size`` with an action
        that is not p4 or p4m, even, or wider than the image), or inputs of the wrong
        shape or symbols; ``SizeLimitError`` if a generic group layer's weight matrix
        would have more than :math:`2^{24}` entries (fewer ``hidden`` or ``layers=0``).

    See Also
    --------
    MLPNetworkClassifier : the unconstrained network with the same training loop.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.strategies import EquivariantNetworkClassifier
    >>> action = grouprep.dihedral_action(6, alphabet=2)
    >>> X = np.random.default_rng(0).integers(0, 2, size=(64, 6))
    >>> y = (X.sum(axis=1) >= 3).astype(int)
    >>> model = EquivariantNetworkClassifier(action, hidden=8, epochs=60).fit(X, y)
    >>> bool(model.score(X, y) > 0.9)
    True
    >>> Xg = action.act((2, 1), X)  # rotate by 2 and reflect
    >>> bool(np.allclose(model.predict_proba(Xg), model.predict_proba(X), atol=1e-12))
    True

    On images of p4m the layers are the local-filter ones; here in float32:

    >>> images = grouprep.p4m_action(6)
    >>> Xi = np.random.default_rng(1).standard_normal((32, 6, 6))
    >>> yi = (np.abs(Xi).max(axis=(1, 2)) > 2.2).astype(int)
    >>> net = EquivariantNetworkClassifier(images, hidden=4, epochs=20, dtype="float32")
    >>> [type(layer).__name__ for layer in net.fit(Xi, yi).net_.body]
    ['ImageLiftingConv', 'ReLU', 'ImageGroupConv', 'ReLU']
    >>> P = net.predict_proba(Xi)
    >>> turn = grouprep.image_symmetry(6, rotation=1, mirror=True)
    >>> P.dtype, bool(np.allclose(net.predict_proba(images.act(turn, Xi)), P, rtol=1e-5))
    (dtype('float64'), True)
    """

    _where = "EquivariantNetworkClassifier"

    def __init__(
        self,
        action: Any = None,
        hidden: int = 16,
        layers: int = 1,
        embedding: int = 4,
        pool: Literal["mean", "max", "meanmax"] = "meanmax",
        epochs: int = 200,
        lr: float = 0.01,
        batch_size: int | None = None,
        weight_decay: float = 0.0,
        random_state: int = 0,
        kernel_size: int | None = None,
        dtype: Literal["float64", "float32"] = "float64",
        device: str | torch.device = "cpu",
    ) -> None:
        self.action = action
        self.hidden = hidden
        self.layers = layers
        self.embedding = embedding
        self.pool = pool
        self.epochs = epochs
        self.lr = lr
        self.batch_size = batch_size
        self.weight_decay = weight_decay
        self.random_state = random_state
        self.kernel_size = kernel_size
        self.dtype = dtype
        self.device = device

    def _check_params(self) -> dict[str, Any]:
        out = super()._check_params()
        where = self._where
        out["embedding"] = check_int(self.embedding, "embedding", where, minimum=1)
        if not isinstance(self.pool, str) or self.pool not in _POOLS:
            raise GroupRepValueError(
                f"{where}: parameter 'pool' must be one of {list(_POOLS)}, got "
                f"{describe(self.pool)}"
            )
        out["pool"] = self.pool
        action: SignalAction = out["action"]
        image = _image_group(action)
        if image is not None:
            out["kernel_size"] = _check_kernel_size(self.kernel_size, image[0], where)
            return out
        order = action.group.order
        if self.kernel_size is not None:
            raise GroupRepValueError(
                f"{where}: parameter 'kernel_size' is the filter window of the image layers "
                f"of p4_action(h) and p4m_action(h); {action!r} takes the group convolution "
                f"on all |G| = {order} elements, which has none: leave kernel_size=None, got "
                f"{describe(self.kernel_size)}"
            )
        out["kernel_size"] = None
        entries = (out["hidden"] * order) ** 2
        if out["layers"] and entries > MAX_GROUP_LAYER_ENTRIES:
            raise SizeLimitError(
                f"{where}: a group layer for {action!r} (|G| = {order}) with hidden="
                f"{out['hidden']} has a weight matrix of ({out['hidden']} * {order})^2 = "
                f"{entries} entries, above the limit of {MAX_GROUP_LAYER_ENTRIES}; use a "
                "smaller 'hidden' or layers=0"
            )
        return out

    def _build(self, params: dict[str, Any], classes: int) -> torch.nn.Module:
        return _Equivariant(
            params["action"],
            classes,
            params["hidden"],
            params["layers"],
            params["embedding"],
            params["pool"],
            params["kernel_size"],
        )


def _check_kernel_size(value: Any, h: int, where: str) -> int:
    """The image layers' check, with the default 3 (1 on images of side 1 or 2)."""
    if value is None:
        value = 3 if h >= 3 else 1
    return _check_kernel(value, h, where)


class MLPNetworkClassifier(_NetworkClassifier):
    """The baseline trained: a multilayer perceptron on the raw inputs, no symmetry.

    .. math:: f(x) = A_{L+1}\\, \\sigma(A_L \\cdots \\sigma(A_0\\, v(x) + a_0) \\cdots
              + a_L) + a_{L+1}

    with :math:`v(x)` the one-hot symbols of all sites, flattened (the real values,
    standardized, for a real signal), ``hidden`` units in each of the ``layers + 1``
    hidden layers and the ReLU :math:`\\sigma`: the same depth as
    :class:`EquivariantNetworkClassifier` with the same parameters, the same training
    loop (Adam on the cross-entropy, ``epochs`` passes, seeded, in ``dtype`` on
    ``device``), and no constraint, so it must learn the symmetry from the data.

    Parameters
    ----------
    action : SignalAction
        Only for the shape of the inputs and the alphabet.
    hidden : int, default 64
        Units per hidden layer (the equivariant network's default is 16 channels on the
        group, that is ``16 |G|`` activations per layer).
    layers : int, default 1
    epochs, lr, batch_size, weight_decay, random_state, dtype, device
        As for :class:`EquivariantNetworkClassifier`.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.strategies import MLPNetworkClassifier
    >>> action = grouprep.shift_action(6, alphabet=2)
    >>> X = np.random.default_rng(0).integers(0, 2, size=(64, 6))
    >>> y = (X.sum(axis=1) >= 3).astype(int)
    >>> model = MLPNetworkClassifier(action, epochs=60, dtype="float32").fit(X, y)
    >>> model.net_.body[0].weight.dtype, model.predict_proba(X).dtype
    (torch.float32, dtype('float64'))
    """

    _where = "MLPNetworkClassifier"

    def __init__(
        self,
        action: Any = None,
        hidden: int = 64,
        layers: int = 1,
        epochs: int = 200,
        lr: float = 0.01,
        batch_size: int | None = None,
        weight_decay: float = 0.0,
        random_state: int = 0,
        dtype: Literal["float64", "float32"] = "float64",
        device: str | torch.device = "cpu",
    ) -> None:
        self.action = action
        self.hidden = hidden
        self.layers = layers
        self.epochs = epochs
        self.lr = lr
        self.batch_size = batch_size
        self.weight_decay = weight_decay
        self.random_state = random_state
        self.dtype = dtype
        self.device = device

    def _build(self, params: dict[str, Any], classes: int) -> torch.nn.Module:
        return _Dense(params["action"], classes, params["hidden"], params["layers"])
