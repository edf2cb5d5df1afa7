"""Invariant and equivariant featurizers for any signal action (private).

Each takes the action as its parameter and derives what it computes from the action's
structure (:mod:`grouprep.strategies._structure`): the FFT where the group is abelian and
acts regularly on the sites, the orbits of the group on sites and pairs of sites
otherwise. Batches are ``(m, *action.shape)``; flattened images ``(m, h * w)`` are
accepted too.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.base import BaseEstimator, TransformerMixin

from grouprep._random import as_generator
from grouprep._validation import describe
from grouprep.actions import SignalAction
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.features import (
    Bispectrum,
    CompiledPolynomials,
    Featurizer,
    PowerSpectrum,
    compile_polynomials,
)
from grouprep.strategies._structure import (
    abelian_layout,
    as_signals,
    orbitals,
    site_moves,
    site_orbits,
)

_CHUNK_ROWS = 4096

__all__ = [
    "Flatten",
    "FourierInvariants",
    "OrbitPooling",
    "OrbitSumPolynomials",
    "OrbitalConvolution",
    "SignalShape",
    "SiteLabels",
]


def _signal_action(action: Any, where: str) -> SignalAction:
    if not isinstance(action, SignalAction):
        raise GroupRepTypeError(
            f"{where}: parameter 'action' must be a grouprep signal action (e.g. "
            f"grouprep.dihedral_action(6)), got {describe(action)}"
        )
    return action


def _channels_action(action: SignalAction, channels: int) -> SignalAction:
    """The action moving ``channels`` signals of the action's sites together (for laws)."""
    n = action.num_sites
    moves = site_moves(action)
    group = action.group

    def sites(g: Any) -> npt.NDArray[np.intp]:
        out: npt.NDArray[np.intp] = (
            np.arange(channels)[:, None] * n + moves[group.index(g)][None, :]
        ).ravel()
        return out

    return SignalAction(group, (channels * n,), sites, None, f"{channels} channels of {action!r}")


class _SiteFeaturizer(Featurizer):
    """A featurizer of the signals of one action: input ``(m, *shape)`` or flattened."""

    action: Any
    _allow_images = True

    def _validate(self, X: Any, *, reset: bool, where: str) -> npt.NDArray[Any]:
        action = _signal_action(self.action, where)
        if not isinstance(X, str) and X is not None and hasattr(X, "__len__"):
            arr = np.asarray(X)
            if arr.dtype != object and arr.ndim == 2 and len(action.shape) == 2:
                X = as_signals(action, arr, where)
        arr = super()._validate(X, reset=reset, where=where)
        if tuple(arr.shape[1:]) != tuple(action.shape):
            raise GroupRepValueError(
                f"{where}: argument 'X' must hold samples of shape {tuple(action.shape)} for "
                f"{action!r}, got an array of shape {arr.shape}"
            )
        return arr

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        self.action_ = self.action

    def _flat(self, X: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
        return np.asarray(X, dtype=np.float64).reshape(len(X), -1)

    def _action_in(self) -> Any:
        return self.action_


class FourierInvariants(_SiteFeaturizer):
    """Power spectrum and bispectrum of an abelian group acting regularly on the sites.

    With the sites in the coordinates :math:`a \\in \\mathbb{Z}_{n_1} \\times \\dots
    \\times \\mathbb{Z}_{n_r}` of the group (see Notes) and :math:`\\hat f(k) = \\sum_a
    f(a) e^{-2\\pi i \\sum_j a_j k_j / n_j}`, the features are

    .. math:: P_k = |\\hat f(k)|^2, \\qquad
              B_{k,j} = \\hat f(k)\\, \\hat f(e_j)\\, \\overline{\\hat f(k + e_j)},

    for every frequency k and every unit vector :math:`e_j`. Moving f by the group
    multiplies :math:`\\hat f(k)` by a character value, and these products cancel, so the
    features are invariant; where the Fourier coefficients do not vanish they determine
    f up to the group (the phases of :math:`\\hat f(e_j)` are the only freedom, and the
    :math:`B_{k,j}` carry every other phase along the edges :math:`k \\to k + e_j`;
    Kakarala 1992). For a cyclic group (r = 1) the features are those of
    :class:`~grouprep.PowerSpectrum` and :class:`~grouprep.Bispectrum` (the selective
    bispectrum of Mataigne et al. 2024) on the signal in the group's coordinates.

    Columns: ``P{k}`` for the real FFT's frequencies (``numpy.fft.rfftn``), then ``ReB{k}_{j}``
    and ``ImB{k}_{j}``; k is the flat index of the frequency (for r = 1 the columns of
    ``PowerSpectrum`` and ``Bispectrum``).

    Parameters
    ----------
    action : SignalAction
        An abelian group acting regularly on the sites: the cyclic shift, translations of
        periodic images, the signal action of the regular action of an abelian group.

    Notes
    -----
    When the group's generators :math:`g_1, \\dots, g_r` are independent (the product of
    their orders is :math:`|G|`), or the group is cyclic with generator :math:`g_1`,
    site :math:`g_1^{a_1} \\cdots g_r^{a_r} \\cdot 0` has the coordinates a; in them the
    action is a translation, so the FFT over the coordinates is the group's Fourier
    transform. Other actions (non-abelian groups, or an action that is not regular on the
    sites, such as :math:`D_n` on an n-gon) are refused at ``fit`` with the reason.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.strategies import FourierInvariants
    >>> action = grouprep.translation_action((4, 6))
    >>> X = np.random.default_rng(0).standard_normal((3, 4, 6))
    >>> f = FourierInvariants(action).fit(X)
    >>> f.transform(X).shape, f.orders_  # 4 * 4 powers, 2 * 2 * 24 bispectrum parts
    ((3, 112), (4, 6))
    >>> f.check(X).holds
    True
    >>> FourierInvariants(grouprep.dihedral_action(5)).fit(np.zeros((2, 5)))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    grouprep.errors.GroupRepValueError: FourierInvariants.fit: the group of dihedral_action(5) ...
    """

    def __init__(self, action: SignalAction | None = None) -> None:
        self.action = action

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        super()._fit(X, where)
        layout = abelian_layout(self.action_)
        if isinstance(layout, str):
            raise GroupRepValueError(
                f"{where}: {layout}; the Fourier invariants need an abelian group acting "
                "regularly on the sites (a cyclic shift, translations of periodic images, "
                "the regular action of an abelian group); use invariant polynomials "
                "(OrbitSumPolynomials, or make_strategy(..., features='polynomials')) for "
                f"{self.action_!r}"
            )
        self.orders_, self.sites_ = layout
        if len(self.orders_) == 1:  # a cyclic group: the published selective bispectrum
            zero = np.zeros((1, self.orders_[0]))
            self.power_ = PowerSpectrum().fit(zero)
            self.bispectrum_ = Bispectrum().fit(zero)

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        m, orders = len(X), self.orders_
        if len(orders) == 1:
            f = self._flat(X)[:, self.sites_.ravel()]
            return np.concatenate([self.power_.transform(f), self.bispectrum_.transform(f)], 1)
        r, size = len(orders), int(np.prod(orders))
        half = orders[-1] // 2 + 1
        n_power = size // orders[-1] * half
        out = np.empty((m, n_power + 2 * r * size))
        flat = self._flat(X)
        sites = self.sites_.ravel()
        identity = bool(np.array_equal(sites, np.arange(size)))
        axes = tuple(range(1, 1 + r))
        for lo in range(0, m, _CHUNK_ROWS):  # blocks that stay in cache between passes
            block = flat[lo : lo + _CHUNK_ROWS]
            rows = len(block)
            f = (block if identity else block[:, sites]).reshape((rows, *orders))
            F = np.fft.fftn(f, axes=axes)  # one transform: rfftn is its first half
            dest = out[lo : lo + rows]
            power = np.abs(F[..., :half]).reshape(rows, -1)
            np.square(power, out=dest[:, :n_power])
            col = n_power
            for j in range(r):
                unit: list[Any] = [slice(None)] + [0] * r
                unit[1 + j] = 1 % orders[j]
                Fe = F[tuple(unit)].reshape((rows,) + (1,) * r)
                B = np.roll(F, -1, axis=1 + j)
                np.conjugate(B, out=B)
                B *= F
                B *= Fe
                B = B.reshape(rows, size)
                dest[:, col : col + size] = B.real
                dest[:, col + size : col + 2 * size] = B.imag
                col += 2 * size
        return out

    def _feature_names(self) -> list[str]:
        orders = self.orders_
        if len(orders) == 1:
            parts = (self.power_, self.bispectrum_)
            return [str(v) for part in parts for v in part.get_feature_names_out()]
        half = (*orders[:-1], orders[-1] // 2 + 1)
        names = [f"P{k}" for k in range(int(np.prod(half)))]
        size = int(np.prod(orders))
        for j in range(len(orders)):
            names += [f"ReB{k}_{j}" for k in range(size)] + [f"ImB{k}_{j}" for k in range(size)]
        return names


class OrbitSumPolynomials(_SiteFeaturizer):
    """The orbit sums of monomials up to a degree: a basis of the invariant polynomials.

    .. math:: p_{a}(x) = \\sum_{m \\in G \\cdot x^{a}} m, \\qquad
              1 \\le |a| \\le d,

    for the permutation of the sites by any signal action (1-D signals or images, which
    are read as their flattened sites ``x0 .. x{n-1}``). The polynomials are those of
    :func:`grouprep.invariant_basis` for the permutation representation on the sites,
    compiled by :func:`grouprep.compile_polynomials`; they are in ``polynomials_``.
    Columns ``d{degree}_{i}``.

    Parameters
    ----------
    action : SignalAction
    degree : int
        Highest degree, >= 1 (default 2).

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.strategies import OrbitSumPolynomials
    >>> S3 = grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(3)))
    >>> f = OrbitSumPolynomials(S3, degree=2).fit(np.zeros((1, 3)))
    >>> [str(p) for p in f.polynomials_]
    ['x0 + x1 + x2', 'x0**2 + x1**2 + x2**2', 'x0*x1 + x0*x2 + x1*x2']
    >>> f.transform(np.array([[1.0, 2.0, 3.0]])).tolist()
    [[6.0, 14.0, 11.0]]
    """

    def __init__(self, action: SignalAction | None = None, degree: int = 2) -> None:
        self.action = action
        self.degree = degree

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        import sympy

        from grouprep.actions import action_from_function
        from grouprep.invariants import invariant_basis
        from grouprep.reps import permutation_representation

        super()._fit(X, where)
        degree = self.degree
        if isinstance(degree, bool) or not isinstance(degree, int | np.integer) or degree < 1:
            raise GroupRepValueError(
                f"{where}: parameter 'degree' must be an int >= 1, got {describe(degree)}"
            )
        action = self.action_
        moves, group = site_moves(action), action.group
        n = action.num_sites

        def move(g: Any, i: int) -> int:
            return int(moves[group.index(g), i])

        sites = action_from_function(group, move, list(range(n)))
        rep = permutation_representation(sites)
        polys: list[Any] = []
        names: list[str] = []
        for d in range(1, int(degree) + 1):
            basis = invariant_basis(rep, d)
            polys += basis
            names += [f"d{d}_{i}" for i in range(len(basis))]
        self.polynomials_ = polys
        self._names = names
        self.compiled_: CompiledPolynomials = compile_polynomials(polys, sympy.symbols(f"x0:{n}"))

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        out: npt.NDArray[Any] = self.compiled_(self._flat(X))
        return out

    def _feature_names(self) -> list[str]:
        return list(self._names)


class OrbitalConvolution(_SiteFeaturizer):
    """An equivariant layer for any signal action: random G-equivariant linear maps, ReLU.

    .. math:: h_c(x) = \\sigma(W_c\\, x), \\qquad (W_c)_{ij} = w_c[o(i, j)],

    where :math:`o(i, j)` is the orbit of the pair of sites :math:`(i, j)` under G (an
    orbital) and :math:`w_c` holds one random weight per orbital, drawn once at ``fit``.
    Such W are exactly the matrices commuting with the permutation of the sites (the
    intertwiners of the permutation representation have a basis indexed by the
    orbitals), so :math:`h_c(g \\cdot x) = g \\cdot h_c(x)`: moving x moves every output
    channel by the same permutation of the sites. For the cyclic shift the orbitals are
    the differences :math:`j - i`, and :math:`W_c` is a circulant (a circular convolution);
    for :math:`S_n` on n points they are the diagonal and the rest (the DeepSets layer,
    Zaheer et al. 2017).

    Where the group is abelian and acts regularly on the sites, the orbital of
    :math:`(i, j)` is the difference of their coordinates, and the layer is a convolution
    over the group computed by FFT (Cohen & Welling 2016); otherwise the dense matrices
    are applied. Output ``(m, n_filters * n)``, channel-major in the order of the sites,
    columns ``c{c}_{i}``.

    Parameters
    ----------
    action : SignalAction
    n_filters : int
        Output channels, >= 1 (default 8).
    random_state : int or numpy Generator

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.strategies import OrbitalConvolution
    >>> S4 = grouprep.signal_action(grouprep.permutation_action(grouprep.symmetric(4)))
    >>> X = np.random.default_rng(0).standard_normal((5, 4))
    >>> conv = OrbitalConvolution(S4, n_filters=3).fit(X)
    >>> conv.transform(X).shape, conv.n_orbitals_, conv.check(X).holds
    ((5, 12), 2, True)
    """

    _law = "equivariant"

    def __init__(
        self, action: SignalAction | None = None, n_filters: int = 8, random_state: Any = 0
    ) -> None:
        self.action = action
        self.n_filters = n_filters
        self.random_state = random_state

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        super()._fit(X, where)
        nf = self.n_filters
        if isinstance(nf, bool) or not isinstance(nf, int | np.integer) or nf < 1:
            raise GroupRepValueError(
                f"{where}: parameter 'n_filters' must be an int >= 1, got {describe(nf)}"
            )
        gen = as_generator(self.random_state, where)
        action = self.action_
        n = action.num_sites
        layout = abelian_layout(action)
        if isinstance(layout, tuple):
            self.orders_: tuple[int, ...] | None = layout[0]
            self.sites_ = layout[1]
            self.n_orbitals_ = n
            self.weights_ = gen.standard_normal((int(nf), *layout[0])) / np.sqrt(n)
            axes = tuple(range(1, 1 + len(layout[0])))
            self._weights_hat = np.fft.rfftn(self.weights_, axes=axes)
        else:
            self.orders_ = None
            self.orbitals_ = orbitals(action, site_moves(action))
            self.n_orbitals_ = int(self.orbitals_.max()) + 1
            self.weights_ = gen.standard_normal((int(nf), self.n_orbitals_)) / np.sqrt(n)

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        flat = self._flat(X)
        m, nf, n = len(flat), int(self.n_filters), flat.shape[1]
        out = np.empty((m, nf, n))
        if self.orders_ is not None:
            orders = self.orders_
            sites = self.sites_.ravel()
            identity = bool(np.array_equal(sites, np.arange(n)))
            axes = tuple(range(1, 1 + len(orders)))
            for lo in range(0, m, _CHUNK_ROWS):
                block = flat[lo : lo + _CHUNK_ROWS]
                rows = len(block)
                f = (block if identity else block[:, sites]).reshape((rows, *orders))
                F = np.fft.rfftn(f, axes=axes)[:, None] * self._weights_hat[None]
                conv = np.fft.irfftn(F, s=orders, axes=tuple(a + 1 for a in axes))
                conv = conv.reshape(rows, nf, n)
                if identity:
                    out[lo : lo + rows] = conv
                else:
                    out[lo : lo + rows, :, sites] = conv
        else:
            for c in range(nf):
                out[:, c, :] = flat @ self.weights_[c][self.orbitals_].T
        np.maximum(out, 0.0, out=out)
        return out.reshape(m, nf * n)

    def _feature_names(self) -> list[str]:
        n = self.action_.num_sites
        return [f"c{c}_{i}" for c in range(int(self.n_filters)) for i in range(n)]

    def _action_out(self) -> Any:
        return _channels_action(self.action_, int(self.n_filters))


class OrbitPooling(Featurizer):
    """Invariant pooling of equivariant channels over the orbits of the sites.

    .. math:: y_{c, O} = \\operatorname{pool}_{i \\in O}\\, h_{c, i}

    for each channel c and each orbit O of G on the sites (one orbit for a transitive
    action). G permutes the sites of each orbit, so the result is invariant under moving
    all channels together. Input ``(m, n_channels * n)`` channel-major (as
    :class:`OrbitalConvolution` gives); output the mean, max or both of each channel on
    each orbit, columns ``mean{c}_{O}``, ``max{c}_{O}``.

    Parameters
    ----------
    action : SignalAction
        The action on the sites of each channel.
    pool : {"mean", "max", "meanmax"}

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.strategies import OrbitPooling
    >>> Z2 = grouprep.signal_action(grouprep.permutation_action(
    ...     grouprep.permutation_group([(1, 0, 2)])))  # sites {0, 1} and {2}
    >>> OrbitPooling(Z2, pool="max").fit_transform(np.array([[1.0, 5.0, 2.0]]))
    array([[5., 2.]])
    """

    def __init__(self, action: SignalAction | None = None, pool: str = "meanmax") -> None:
        self.action = action
        self.pool = pool

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        action = _signal_action(self.action, where)
        n = action.num_sites
        if X.shape[1] % n:
            raise GroupRepValueError(
                f"{where}: argument 'X' must have a multiple of the {n} sites of {action!r} "
                f"as columns (channels of signals), got {X.shape[1]} columns"
            )
        if self.pool not in ("mean", "max", "meanmax"):
            raise GroupRepValueError(
                f"{where}: parameter 'pool' must be 'mean', 'max' or 'meanmax', got "
                f"{describe(self.pool)}"
            )
        self.n_channels_ = X.shape[1] // n
        labels = site_orbits(site_moves(action))
        self.n_orbits_ = int(labels.max()) + 1
        self.orbit_of_site_ = labels
        self._sites = action

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        m, c = len(X), self.n_channels_
        H = np.asarray(X, dtype=np.float64).reshape(m, c, -1)
        means, tops = [], []
        for o in range(self.n_orbits_):
            part = H[:, :, self.orbit_of_site_ == o]
            means.append(part.mean(axis=2))
            tops.append(part.max(axis=2))
        mean = np.stack(means, axis=2).reshape(m, -1)
        top = np.stack(tops, axis=2).reshape(m, -1)
        if self.pool == "mean":
            return mean
        if self.pool == "max":
            return top
        return np.concatenate([mean, top], axis=1)

    def _feature_names(self) -> list[str]:
        kinds = ["mean", "max"] if self.pool == "meanmax" else [self.pool]
        return [
            f"{k}{c}_{o}"
            for k in kinds
            for c in range(self.n_channels_)
            for o in range(self.n_orbits_)
        ]

    def _action_in(self) -> Any:
        return _channels_action(self._sites, self.n_channels_)


class SiteLabels:
    """A signal action's group acting on positions: a label that is a site moves with it.

    .. math:: g \\cdot y = g \\cdot_{\\text{sites}} y

    the site to which g sends site y (with :math:`(g \\cdot x)[g \\cdot i] = x[i]`). For the
    cyclic shift this is :math:`y + g \\bmod n`; for images, sites are flat indices
    :math:`i w + j`. Use it with :func:`grouprep.check_equivariant` for a model that
    predicts a position.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.strategies import SiteLabels
    >>> SiteLabels(grouprep.shift_action(6)).act(2, np.array([0, 5])).tolist()
    [2, 1]
    >>> SiteLabels(grouprep.dihedral_action(6)).act((0, 1), np.array([1, 2])).tolist()
    [5, 4]
    """

    def __init__(self, action: SignalAction) -> None:
        self.action = _signal_action(action, "SiteLabels")
        self.group = self.action.group
        self.n = self.action.num_sites
        self.moves = site_moves(self.action)

    def act(self, g: Any, y: Any) -> npt.NDArray[np.intp]:
        labels = np.asarray(y)
        if labels.dtype.kind not in "iu" or (
            labels.size and (labels.min() < 0 or labels.max() >= self.n)
        ):
            raise GroupRepValueError(
                f"SiteLabels.act: argument 'y' must hold sites 0..{self.n - 1} of "
                f"{self.action!r}, got {describe(y)}"
            )
        out: npt.NDArray[np.intp] = self.moves[self.group.index(g)][labels]
        return out

    def __repr__(self) -> str:
        return f"SiteLabels({self.action!r})"


class SignalShape(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Give rows the shape of the action's signals: flattened images become ``(m, h, w)``.

    .. math:: (m, h w) \\to (m, h, w)

    Batches already of shape ``(m, *action.shape)`` pass unchanged; any other shape is
    refused with an error that names the action's shape.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.strategies import SignalShape
    >>> step = SignalShape(grouprep.translation_action((2, 3)))
    >>> step.fit_transform(np.arange(12).reshape(2, 6)).shape
    (2, 2, 3)
    """

    def __init__(self, action: SignalAction | None = None) -> None:
        self.action = action

    def fit(self, X: Any, y: Any = None) -> SignalShape:
        self.n_features_in_ = int(np.prod(np.shape(X)[1:]))
        self.transform(X)
        return self

    def transform(self, X: Any) -> npt.NDArray[Any]:
        action = _signal_action(self.action, "SignalShape")
        return as_signals(action, X, "SignalShape.transform")


class Flatten(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Flatten each sample to one row, for a downstream model that takes vectors.

    .. math:: (m, h, w) \\to (m, h w)

    Examples
    --------
    >>> import numpy as np
    >>> from grouprep.strategies import Flatten
    >>> Flatten().fit_transform(np.zeros((4, 2, 3))).shape
    (4, 6)
    """

    def fit(self, X: Any, y: Any = None) -> Flatten:
        self.n_features_in_ = int(np.prod(np.shape(X)[1:]))
        return self

    def transform(self, X: Any) -> npt.NDArray[Any]:
        arr = np.asarray(X)
        return arr.reshape(len(arr), -1)
