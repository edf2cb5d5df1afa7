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
from grouprep.nn import GroupConv, InvariantPooling, LiftingConv

__all__ = ["MAX_GROUP_LAYER_ENTRIES", "EquivariantNetworkClassifier", "MLPNetworkClassifier"]

MAX_GROUP_LAYER_ENTRIES = 2**24
"""The largest weight matrix of a group layer, ``(hidden |G|)^2`` entries (128 MiB)."""

_POOLS = ("mean", "max", "meanmax")


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
    def __init__(
        self,
        action: SignalAction,
        classes: int,
        hidden: int,
        layers: int,
        embedding: int,
        pool: str,
    ) -> None:
        super().__init__()
        self.inputs = _SymbolInput(action.alphabet, embedding)
        blocks: list[torch.nn.Module] = [
            LiftingConv(action, self.inputs.channels, hidden),
            torch.nn.ReLU(),
        ]
        for _ in range(layers):
            blocks += [GroupConv(action.group, hidden, hidden), torch.nn.ReLU()]
        self.body = torch.nn.Sequential(*blocks)
        self.pools = torch.nn.ModuleList([InvariantPooling("mean"), InvariantPooling("max")])
        self.pool = pool
        width = 2 * hidden if pool == "meanmax" else hidden
        self.head = torch.nn.Linear(width, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.body(self.inputs(x))  # (m, hidden, |G|)
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
            x = x.to(torch.float64)
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
        return out

    def _build(self, params: dict[str, Any], classes: int) -> torch.nn.Module:
        raise NotImplementedError

    # ------------------------------------------------------------------ inputs
    def _inputs(self, X: Any, action: SignalAction, where: str) -> torch.Tensor:
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
        ``batch_size`` (the whole set when None), in float64.
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
        inputs = self._inputs(arr, action, where)
        targets = torch.from_numpy(codes.reshape(-1).astype(np.int64))
        seed = params["random_state"]
        with torch.random.fork_rng(devices=[]):  # the caller's random state is left alone
            torch.manual_seed(seed)
            net = self._build(params, max(len(self.classes_), 1)).to(torch.float64)
        order = torch.Generator().manual_seed(seed)
        opt = torch.optim.Adam(
            net.parameters(), lr=params["lr"], weight_decay=params["weight_decay"]
        )
        m = len(inputs)
        batch = m if params["batch_size"] is None else min(params["batch_size"], m)
        losses: list[float] = []
        net.train()
        for _ in range(params["epochs"]):
            perm = torch.randperm(m, generator=order) if batch < m else torch.arange(m)
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

    def decision_function(self, X: Any) -> npt.NDArray[np.float64]:
        """The logits, ``(m, n_classes)``."""
        where = f"{type(self).__name__}.decision_function"
        self._check_fitted(where)
        inputs = self._inputs(X, self.action, where)
        with torch.no_grad():
            out: npt.NDArray[np.float64] = self.net_(inputs).numpy()
        return out

    def predict_proba(self, X: Any) -> npt.NDArray[np.float64]:
        """Class probabilities, the softmax of the logits, ``(m, n_classes)``."""
        where = f"{type(self).__name__}.predict_proba"
        self._check_fitted(where)
        inputs = self._inputs(X, self.action, where)
        with torch.no_grad():
            out: npt.NDArray[np.float64] = torch.softmax(self.net_(inputs), dim=1).numpy()
        return out

    def predict(self, X: Any) -> npt.NDArray[Any]:
        """The most probable class of each sample."""
        self._check_fitted(f"{type(self).__name__}.predict")
        out: npt.NDArray[Any] = self.classes_[np.argmax(self.predict_proba(X), axis=1)]
        return out


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
    are invariant by construction (in float64, to rounding), trained or not. Trained with
    Adam on the cross-entropy for ``epochs`` passes.

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
    epochs : int, default 200
    lr : float, default 0.01
    batch_size : int or None, default None
        Minibatches of this size, reshuffled each epoch; None trains on the full batch.
    weight_decay : float, default 0.0
    random_state : int, default 0
        Seeds the initialization and the shuffling; the same seed gives the same model
        (the global torch random state is left unchanged).

    Attributes
    ----------
    net_ : torch.nn.Module
        The trained network, float64.
    classes_ : numpy.ndarray
    loss_curve_ : list of float
        The mean training loss per epoch.

    Raises
    ------
    GroupRepTypeError, GroupRepValueError
        From ``fit``, for a parameter of the wrong type or range, or inputs of the wrong
        shape or symbols; ``SizeLimitError`` if a group layer's weight matrix would have
        more than :math:`2^{24}` entries (fewer ``hidden`` or ``layers=0``).

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
        order = out["action"].group.order
        entries = (out["hidden"] * order) ** 2
        if out["layers"] and entries > MAX_GROUP_LAYER_ENTRIES:
            raise SizeLimitError(
                f"{where}: a group layer for {out['action']!r} (|G| = {order}) with hidden="
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
        )


class MLPNetworkClassifier(_NetworkClassifier):
    """The baseline trained: a multilayer perceptron on the raw inputs, no symmetry.

    .. math:: f(x) = A_{L+1}\\, \\sigma(A_L \\cdots \\sigma(A_0\\, v(x) + a_0) \\cdots
              + a_L) + a_{L+1}

    with :math:`v(x)` the one-hot symbols of all sites, flattened (the real values,
    standardized, for a real signal), ``hidden`` units in each of the ``layers + 1``
    hidden layers and the ReLU :math:`\\sigma`: the same depth as
    :class:`EquivariantNetworkClassifier` with the same parameters, the same training
    loop (Adam on the cross-entropy, ``epochs`` passes, seeded), and no constraint, so it
    must learn the symmetry from the data.

    Parameters
    ----------
    action : SignalAction
        Only for the shape of the inputs and the alphabet.
    hidden : int, default 64
    layers : int, default 1
    epochs, lr, batch_size, weight_decay, random_state
        As for :class:`EquivariantNetworkClassifier`.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.strategies import MLPNetworkClassifier
    >>> action = grouprep.shift_action(6, alphabet=2)
    >>> X = np.random.default_rng(0).integers(0, 2, size=(64, 6))
    >>> y = (X.sum(axis=1) >= 3).astype(int)
    >>> model = MLPNetworkClassifier(action, epochs=60).fit(X, y)
    >>> model.predict_proba(X).shape
    (64, 2)
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
    ) -> None:
        self.action = action
        self.hidden = hidden
        self.layers = layers
        self.epochs = epochs
        self.lr = lr
        self.batch_size = batch_size
        self.weight_decay = weight_decay
        self.random_state = random_state

    def _build(self, params: dict[str, Any], classes: int) -> torch.nn.Module:
        return _Dense(params["action"], classes, params["hidden"], params["layers"])
