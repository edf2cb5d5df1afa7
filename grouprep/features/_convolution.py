"""Equivariant layers built from an action: group convolutions, equivariant linear maps,
invariant pooling (private)."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt

from grouprep._random import as_generator
from grouprep._validation import describe
from grouprep.actions import SignalAction, regular_action, signal_action
from grouprep.errors import GroupRepTypeError, GroupRepValueError, SizeLimitError
from grouprep.features._base import Featurizer
from grouprep.features._sites import (
    LinearAction,
    as_action,
    channels_action,
    resolve_action,
    site_orbit_labels,
    unflatten,
)
from grouprep.features._structure import (
    abelian_layout,
    commuting_layout,
    site_moves,
    site_step,
)

__all__ = [
    "MAX_DENSE_ENTRIES",
    "EquivariantLinear",
    "GroupConvolution",
    "InvariantPooling",
    "OrbitPooling",
    "OrbitalConvolution",
]

MAX_DENSE_ENTRIES = 2**25
"""The largest stacked kernel (entries) a layer applies as a dense matrix."""

_CHUNK_ROWS = 256
_CHUNK_BYTES = 1 << 21
_NONLINEAR: tuple[str, ...] = ("relu", "abs", "square", "identity")


def _check_count(value: Any, name: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
        raise GroupRepValueError(
            f"{where}: parameter '{name}' must be an int >= 1, got {describe(value)}"
        )
    return int(value)


def _check_nonlinearity(value: Any, where: str) -> str:
    if not isinstance(value, str) or value not in _NONLINEAR:
        raise GroupRepValueError(
            f"{where}: parameter 'nonlinearity' must be one of {list(_NONLINEAR)}, "
            f"got {describe(value)}"
        )
    return value


def _apply_nonlinearity(out: npt.NDArray[np.float64], kind: str) -> None:
    if kind == "relu":
        np.maximum(out, 0.0, out=out)
    elif kind == "abs":
        np.abs(out, out=out)
    elif kind == "square":
        np.square(out, out=out)


def _fixed_point_free(step: npt.NDArray[np.intp]) -> bool:
    return not bool((step == np.arange(len(step))).any())


class GroupConvolution(Featurizer):
    """A group convolution (G-CNN layer) for any finite group acting on the sites.

    Lifting (``domain="sites"``): a signal f on the sites of the action and a filter
    :math:`\\psi` on the sites give a signal on the group,

    .. math:: (f \\star \\psi)(g) = \\sum_{x} f(x)\\, \\psi(g^{-1} x)
              = \\langle f,\\ g \\cdot \\psi \\rangle ,

    and group to group (``domain="group"``, the input on the elements of G, as this layer
    outputs it) :math:`(F \\star \\Psi)(g) = \\sum_{u \\in G} F(u)\\, \\Psi(g^{-1} u)`; with
    several input channels the sum runs over them too (Cohen & Welling, "Group equivariant
    convolutional networks", ICML 2016). Both are equivariant: moving f by h moves the
    output by the left regular action, :math:`(h \\cdot f) \\star \\psi = h \\cdot (f \\star
    \\psi)`, :math:`(h \\cdot F)(g) = F(h^{-1} g)`, and ``check`` tests exactly that for the
    action given. The filters are drawn once at ``fit`` (seeded), and a nonlinearity is
    applied pointwise (which keeps the equivariance).

    The path follows the action's structure, never its name: when generators of G that
    move every site generate an abelian subgroup T acting regularly on the sites
    (translations of periodic images, rotations of a polygon), every element is
    :math:`g = t\\, \\eta` with :math:`t \\in T` and :math:`\\eta` fixing a base site
    (``domain="group"``: :math:`\\eta` one of the :math:`|G|/|T|` coset representatives),
    and :math:`(f \\star \\psi)(t \\eta)` is the cross-correlation over T of f with the
    transformed filter :math:`\\eta \\cdot \\psi`, computed by FFT for all t at once; for
    p4m that is the 8 rotated and mirrored filters correlated by ``rfft2``. Otherwise the
    stacked kernel :math:`K_{g} = g \\cdot \\psi` is applied as one matrix (refused with
    :class:`~grouprep.SizeLimitError` beyond :data:`MAX_DENSE_ENTRIES` entries).

    Output ``(n_samples, n_filters * |G|)``, channel-major, the group axis in the order
    of ``group.index``; columns ``c{f}_{g}``.

    Parameters
    ----------
    action : SignalAction, FiniteGroup, int or None
        The action on the sites (an int n: the cyclic shift of n sites; a group: its
        regular action; None: the cyclic shift of the columns, or the translations of
        periodic images, of the data seen by ``fit``). Fitted as ``action_``.
    n_filters : int
        Output channels (default 4).
    nonlinearity : {"relu", "abs", "square", "identity"}
    random_state : int or numpy Generator
    in_channels : int
        Input channels (default 1); with more than one, rows are ``(n_samples,
        in_channels * N)`` channel-major, N the sites (or ``|G|`` for ``domain="group"``).
    domain : {"sites", "group"}
        Where the input lives: on the action's sites (lifting) or on the group.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> D4 = grouprep.d4_action(5)                          # rotations and mirrors of 5 x 5 images
    >>> X = np.random.default_rng(0).standard_normal((3, 5, 5))
    >>> lift = grouprep.GroupConvolution(D4, n_filters=2).fit(X)
    >>> H = lift.transform(X)
    >>> H.shape, lift.check(X).holds                         # 2 filters x 8 elements
    ((3, 16), True)
    >>> g2g = grouprep.GroupConvolution(D4, n_filters=3, in_channels=2, domain="group").fit(H)
    >>> g2g.transform(H).shape, g2g.check(H).holds
    ((3, 24), True)
    >>> grouprep.GroupConvolution(grouprep.p4m_action(4)).fit(np.zeros((1, 4, 4))).path_
    'fft'
    """

    _law = "equivariant"
    _allow_images = True
    _NONLINEAR: ClassVar[tuple[str, ...]] = _NONLINEAR

    def __init__(
        self,
        action: Any = None,
        n_filters: int = 4,
        nonlinearity: str = "relu",
        random_state: Any = 0,
        in_channels: int = 1,
        domain: str = "sites",
    ) -> None:
        self.action = action
        self.n_filters = n_filters
        self.nonlinearity = nonlinearity
        self.random_state = random_state
        self.in_channels = in_channels
        self.domain = domain

    # ------------------------------------------------------------ input
    def _channel_rows(self) -> bool:
        return self.domain == "group" or (
            isinstance(self.in_channels, int | np.integer) and self.in_channels != 1
        )

    def _validate(self, X: Any, *, reset: bool, where: str) -> npt.NDArray[Any]:
        if not self._channel_rows():
            X = unflatten(self.action, X)
        return super()._validate(X, reset=reset, where=where)

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        nf = _check_count(self.n_filters, "n_filters", where)
        c = _check_count(self.in_channels, "in_channels", where)
        _check_nonlinearity(self.nonlinearity, where)
        if self.domain not in ("sites", "group"):
            raise GroupRepValueError(
                f"{where}: parameter 'domain' must be 'sites' or 'group', got "
                f"{describe(self.domain)}"
            )
        if self._channel_rows():
            if X.ndim != 2:
                raise GroupRepValueError(
                    f"{where}: with in_channels={c} or domain='group' argument 'X' must be rows "
                    f"(n_samples, in_channels * N) channel-major, got shape {X.shape}"
                )
            if X.shape[1] % c:
                raise GroupRepValueError(
                    f"{where}: argument 'X' has {X.shape[1]} columns, not a multiple of "
                    f"in_channels={c}"
                )
            width = X.shape[1] // c
            if self.domain == "group":
                if self.action is None:
                    raise GroupRepValueError(
                        f"{where}: parameter 'action' must be given for domain='group' (the "
                        "group is not read from the data)"
                    )
                action = as_action(self.action, where)
                order = action.group.order
                if width != order:
                    raise GroupRepValueError(
                        f"{where}: domain='group' expects rows of in_channels * |G| = {c} * "
                        f"{order} values for {action!r} (group {action.group!r}), got "
                        f"{X.shape[1]} columns"
                    )
                self.action_ = action
            else:
                given = self.action
                shape = (
                    tuple(given.shape)
                    if isinstance(given, SignalAction) and given.num_sites == width
                    else (width,)
                )
                self.action_ = resolve_action(given, shape, where)
        else:
            self.action_ = resolve_action(self.action, X.shape[1:], where)
        G = self.action_.group
        group_domain = self.domain == "group"
        N = G.order if group_domain else self.action_.num_sites
        gen = as_generator(self.random_state, where)
        self.filters_ = gen.standard_normal((nf, c, N)) / np.sqrt(c * N)
        self.order_ = G.order
        layout = self._translations(group_domain)
        if layout is not None:
            self.path_ = "fft"
            self._fit_fft(*layout)
        else:
            self.path_ = "dense"
            self._fit_dense(group_domain)

    # ------------------------------------------------------------ structure
    def _left_steps(self, gs: list[Any]) -> list[npt.NDArray[np.intp]]:
        """Where left multiplication by each g sends each element index."""
        G = self.action_.group
        elements = G.elements()
        return [np.array([G.index(G.compose(g, u)) for u in elements], dtype=np.intp) for g in gs]

    def _translations(self, group_domain: bool) -> tuple[Any, ...] | None:
        """The coordinates of an abelian subgroup T acting regularly on the sites, generated
        by some of the group's generators (the largest such set), or None."""
        from itertools import combinations

        action = self.action_
        G = action.group
        steps = {g: site_step(action, g) for g in G.generators}
        gens = [g for g in G.generators if _fixed_point_free(steps[g])]
        for size in range(len(gens), 0, -1):
            for subset in combinations(gens, size):
                layout = commuting_layout([steps[g] for g in subset], action.num_sites)
                if isinstance(layout, str) or layout[1].shape[0] != 1:
                    continue  # T does not act regularly on the sites
                if len(layout[0]) == 1 and size > 1:
                    continue  # T is cyclic by an element that is not a generator
                if not group_domain:
                    return layout
                group_layout = commuting_layout(self._left_steps(list(subset)), G.order)
                if not isinstance(group_layout, str) and group_layout[0] == layout[0]:
                    return group_layout
        return None

    def _fit_fft(self, orders: tuple[int, ...], sites: npt.NDArray[np.intp]) -> None:
        G = self.action_.group
        group_domain = self.domain == "group"
        q, size = sites.shape[0], int(np.prod(orders))
        flat_sites = sites.reshape(q, size)
        N = q * size
        coord = np.empty(N, dtype=np.intp)  # flat coordinate (orbit, a) of each point
        coord[flat_sites.ravel()] = np.arange(N)
        r = len(orders)
        if group_domain:
            # g = t^b x_j: the coset representative x_j and the translation b
            b = coord[np.arange(G.order)] % size
            e_idx = coord[np.arange(G.order)] // size
            reps = [G.element(int(i)) for i in flat_sites[:, 0]]
            gathers = self._left_steps([G.inverse(x) for x in reps])
        else:
            moves = site_moves(self.action_)  # (|G|, n): g . x
            x1 = int(flat_sites[0, 0])
            b = coord[moves[:, x1]]
            multi = np.stack(np.unravel_index(np.arange(size), orders), axis=1)  # (size, r)
            B = multi[b]  # (|G|, r)
            etas = np.empty_like(moves)
            for lo in range(0, len(moves), 512):  # eta = t_b^-1 o g, which fixes x1
                m = moves[lo : lo + 512]
                a = multi[coord[m]] - B[lo : lo + 512, None, :]
                etas[lo : lo + 512] = flat_sites[0][
                    np.ravel_multi_index(tuple(np.moveaxis(a, -1, 0)), orders, mode="wrap")
                ]
            uniq, e_idx = np.unique(etas, axis=0, return_inverse=True)
            e_idx = e_idx.ravel()
            # (eta . psi)[y] = psi[eta^-1 y]
            gathers = [np.argsort(row).astype(np.intp) for row in uniq]
        psi = self.filters_  # (F, c, N)
        transformed = np.stack([psi[:, :, gth] for gth in gathers], axis=1)  # (F, E, c, N)
        F, E, c = psi.shape[0], len(gathers), psi.shape[1]
        phi = transformed[..., flat_sites.ravel()].reshape((F, E, c, q, *orders))
        axes = tuple(range(4, 4 + r))
        phi_hat = np.conj(np.fft.rfftn(phi, axes=axes))
        self._phi_hat = phi_hat.reshape(F, E, c * q, -1)
        self._orders = orders
        self._sites_flat = flat_sites.ravel()
        self._out_index = (e_idx * size + b).astype(np.intp)
        self.n_transformed_filters_ = E

    def _fit_dense(self, group_domain: bool) -> None:
        G = self.action_.group
        F, c, N = self.filters_.shape
        entries = F * G.order * c * N
        if entries > MAX_DENSE_ENTRIES:
            raise SizeLimitError(
                f"GroupConvolution.fit: the stacked kernel of {self.action_!r} has n_filters * "
                f"|G| * in_channels * N = {F} * {G.order} * {c} * {N} = {entries} entries, more "
                f"than the {MAX_DENSE_ENTRIES} allowed (no abelian subgroup of G acts regularly "
                "on the sites, so the FFT path does not apply)"
            )
        if group_domain:
            table = np.asarray(G.cayley_table(), dtype=np.intp)
            inverse = np.array([G.index(G.inverse(g)) for g in G.elements()], dtype=np.intp)
            gathers = table[inverse]  # row g: u -> g^-1 u
        else:
            gathers = self.action_.gather_table().reshape(G.order, -1)
        K = self.filters_[:, :, gathers]  # (F, c, |G|, N): (g . psi)[x] = psi[g^-1 x]
        self._kernel = np.ascontiguousarray(K.transpose(0, 2, 1, 3).reshape(F * G.order, c * N).T)

    # ------------------------------------------------------------ transform
    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        m = len(X)
        flat = np.asarray(X, dtype=np.float64).reshape(m, -1)
        F, c, N = self.filters_.shape
        order = self.order_
        out: npt.NDArray[np.float64]
        if self.path_ == "dense":
            out = flat @ self._kernel
        else:
            out = np.empty((m, F * order))
            orders = self._orders
            r = len(orders)
            E = self._phi_hat.shape[1]
            # rows per block: the correlations of one block (rows * F * |G| floats) stay
            # within about 2 MiB, so the inverse FFT and the reordering work in cache
            step = max(1, min(_CHUNK_ROWS, _CHUNK_BYTES // (8 * F * order)))
            for lo in range(0, m, step):
                block = flat[lo : lo + step].reshape(-1, c, N)[:, :, self._sites_flat]
                rows = len(block)
                f = block.reshape((rows, -1, *orders))
                f_hat = np.fft.rfftn(f, axes=tuple(range(2, 2 + r))).reshape(rows, f.shape[1], -1)
                prod = np.einsum("mck,feck->mfek", f_hat, self._phi_hat, optimize=True)
                half = (*orders[:-1], orders[-1] // 2 + 1)
                corr = np.fft.irfftn(
                    prod.reshape((rows, F, E, *half)), s=orders, axes=tuple(range(3, 3 + r))
                ).reshape(rows, F, -1)
                np.take(corr, self._out_index, axis=2, out=out[lo : lo + rows].reshape(corr.shape))
        _apply_nonlinearity(out, self.nonlinearity)
        return out

    def _check_alphabet(self, arr: npt.NDArray[Any], where: str) -> None:
        if self.domain == "sites":  # on the group the channels hold values, not symbols
            super()._check_alphabet(arr, where)

    def _feature_names(self) -> list[str]:
        return [f"c{f}_{g}" for f in range(int(self.n_filters)) for g in range(self.order_)]

    def group_action(self) -> SignalAction:
        """The regular action of the fitted group on its elements (the output's group
        axis): :math:`(h \\cdot F)(g) = F(h^{-1} g)`."""
        self._require_fitted("GroupConvolution.group_action")
        return signal_action(regular_action(self.action_.group))

    def _action_in(self) -> Any:
        c = int(self.in_channels)
        if self.domain == "group":
            return channels_action(self.group_action(), c)
        if c == 1:
            return self.action_
        return channels_action(self.action_, c)

    def _action_out(self) -> Any:
        return channels_action(self.group_action(), int(self.n_filters))


class InvariantPooling(Featurizer):
    """Invariant pooling of equivariant channels over the orbits of the sites.

    .. math:: y_{c, O} = \\operatorname{pool}_{i \\in O}\\, h_{c, i}

    for each channel c and each orbit O of G on the sites of ``action`` (one orbit for a
    transitive action, such as the group axis of :class:`GroupConvolution`). G permutes
    the sites of each orbit, so the result is invariant under moving all channels
    together. Input ``(n_samples, n_channels * n)`` channel-major; output the mean, max or
    both of each channel on each orbit: columns ``mean{c}`` / ``max{c}`` for a transitive
    action, ``mean{c}_{O}`` / ``max{c}_{O}`` otherwise.

    Parameters
    ----------
    action : SignalAction, FiniteGroup, int or None
        The action on the sites of one channel: a group pools over its elements (the
        output of :class:`GroupConvolution`), an int n is the cyclic shift of n sites,
        None the cyclic shift of the whole row (one channel).
    pool : {"mean", "max", "meanmax"}

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> grouprep.InvariantPooling(4, pool="max").fit_transform(np.arange(8.0).reshape(1, 8))
    array([[3., 7.]])
    >>> D4 = grouprep.d4_action(4)
    >>> X = np.random.default_rng(0).standard_normal((2, 4, 4))
    >>> H = grouprep.GroupConvolution(D4, n_filters=3).fit_transform(X)
    >>> pool = grouprep.InvariantPooling(D4.group).fit(H)    # over the 8 elements of D4
    >>> pool.transform(H).shape, pool.check(H).holds
    ((2, 3), True)
    """

    def __init__(self, action: Any = None, pool: str = "mean") -> None:
        self.action = action
        self.pool = pool

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        if self.pool not in ("mean", "max", "meanmax"):
            raise GroupRepValueError(
                f"{where}: parameter 'pool' must be 'mean', 'max' or 'meanmax', got "
                f"{describe(self.pool)}"
            )
        if self.action is None:
            action = as_action(X.shape[1], where)
        else:
            action = as_action(self.action, where)
        n = action.num_sites
        if X.shape[1] % n:
            raise GroupRepValueError(
                f"{where}: argument 'X' must have a multiple of the {n} sites of {action!r} "
                f"as columns (channels of signals, n dividing the columns), got {X.shape[1]} "
                "columns"
            )
        self.action_ = action
        self.n_ = n
        self.n_channels_ = X.shape[1] // n
        self.orbit_of_site_ = site_orbit_labels(action)
        self.n_orbits_ = int(self.orbit_of_site_.max()) + 1
        self._members = [np.flatnonzero(self.orbit_of_site_ == o) for o in range(self.n_orbits_)]

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        m, c = len(X), self.n_channels_
        H = np.asarray(X, dtype=np.float64).reshape(m, c, self.n_)
        parts = [H] if self.n_orbits_ == 1 else [H[:, :, idx] for idx in self._members]
        mean = np.stack([p.mean(axis=2) for p in parts], axis=2).reshape(m, -1)
        top = np.stack([p.max(axis=2) for p in parts], axis=2).reshape(m, -1)
        if self.pool == "mean":
            return mean
        if self.pool == "max":
            return top
        return np.concatenate([mean, top], axis=1)

    def _check_alphabet(self, arr: npt.NDArray[Any], where: str) -> None:
        pass  # the channels hold values, not the symbols of the action's alphabet

    def _feature_names(self) -> list[str]:
        kinds = ["mean", "max"] if self.pool == "meanmax" else [self.pool]
        if self.n_orbits_ == 1:
            return [f"{k}{c}" for k in kinds for c in range(self.n_channels_)]
        return [
            f"{k}{c}_{o}"
            for k in kinds
            for c in range(self.n_channels_)
            for o in range(self.n_orbits_)
        ]

    def _action_in(self) -> Any:
        return channels_action(self.action_, self.n_channels_)


class OrbitPooling(InvariantPooling):
    """:class:`InvariantPooling` with ``pool="meanmax"`` by default (the strategies' name).

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.features import OrbitPooling
    >>> Z2 = grouprep.signal_action(grouprep.permutation_action(
    ...     grouprep.permutation_group([(1, 0, 2)])))  # sites {0, 1} and {2}
    >>> OrbitPooling(Z2, pool="max").fit_transform(np.array([[1.0, 5.0, 2.0]]))
    array([[5., 2.]])
    """

    def __init__(self, action: Any = None, pool: str = "meanmax") -> None:
        super().__init__(action, pool)


# ------------------------------------------------------------------ equivariant linear maps
def _pair_orbits(
    steps_out: list[npt.NDArray[np.intp]], steps_in: list[npt.NDArray[np.intp]]
) -> npt.NDArray[np.intp]:
    """The orbit of every pair (i, j), i an output site and j an input site: labels in
    ``0 .. q-1`` numbered by their least pair ``i * n_in + j``."""
    from grouprep._components import orbit_labels

    n_out, n_in = len(steps_out[0]), len(steps_in[0])
    i, j = np.divmod(np.arange(n_out * n_in), n_in)
    perms = [p[i] * n_in + q[j] for p, q in zip(steps_out, steps_in, strict=True)]
    _, labels = np.unique(orbit_labels(perms, n_out * n_in), return_inverse=True)
    return labels.reshape(n_out, n_in).astype(np.intp)


class EquivariantLinear(Featurizer):
    """Random equivariant linear maps between two actions or representations, seeded.

    .. math:: h_c(x) = \\sigma(W_c\\, x), \\qquad W_c = \\sum_b w_{c,b} A_b, \\qquad
              \\rho_{out}(g)\\, A_b = A_b\\, \\rho_{in}(g) \\ \\forall g,

    where :math:`A_1, \\dots, A_B` is the basis of :math:`\\mathrm{Hom}_G(V_{in},
    V_{out})` of :func:`grouprep.intertwiner_basis` and :math:`w_c` holds seeded standard
    normal weights, drawn once at ``fit``. For two permutation actions (signal actions)
    the basis is indexed by the orbits of G on pairs (output site, input site) (the
    orbitals), :math:`(A_b)_{ij} = [o(i, j) = b]`; that is what is computed, from the
    generators, without building the matrices symbolically. For :math:`S_n` on sets that
    gives the two maps of DeepSets (the identity and the all-ones matrix; Zaheer et al.
    2017), for :math:`S_n` on adjacency matrices the 15 maps of Maron et al. (ICLR 2019),
    for the cyclic shift the circulants, applied by FFT where the same abelian group acts
    regularly on both sides. A :class:`~grouprep.reps.Representation` on either side
    (real matrices) goes through :func:`grouprep.intertwiner_basis` exactly. Moving x by g
    moves every output channel by g: ``check`` tests
    :math:`h_c(g \\cdot x) = g \\cdot h_c(x)` for the actions given.

    Output ``(n_samples, n_filters * dim V_out)`` channel-major, columns ``c{c}_{i}``;
    ``n_basis_`` is B, ``basis_`` the numeric matrices (None on the FFT path).

    Parameters
    ----------
    action : SignalAction, Representation, FiniteGroup or int
        The input action (or real representation).
    n_filters : int
        Output channels (default 8).
    random_state : int or numpy Generator
    action_out : SignalAction or Representation, optional
        The output action, of the same group; by default ``action``.
    nonlinearity : {"relu", "abs", "square", "identity"}

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> sets = grouprep.set_action(5, 1)                      # S_5 permuting 5 points
    >>> X = np.random.default_rng(0).standard_normal((4, 5, 1))
    >>> layer = grouprep.EquivariantLinear(sets, n_filters=3).fit(X)
    >>> layer.n_basis_, layer.transform(X).shape, layer.check(X).holds
    (2, (4, 15), True)
    >>> graphs = grouprep.graph_action(4)
    >>> grouprep.EquivariantLinear(graphs).fit(np.zeros((1, 4, 4))).n_basis_   # Maron et al.
    15
    """

    _law = "equivariant"
    _allow_images = True

    def __init__(
        self,
        action: Any = None,
        n_filters: int = 8,
        random_state: Any = 0,
        action_out: Any = None,
        nonlinearity: str = "relu",
    ) -> None:
        self.action = action
        self.n_filters = n_filters
        self.random_state = random_state
        self.action_out = action_out
        self.nonlinearity = nonlinearity

    def _validate(self, X: Any, *, reset: bool, where: str) -> npt.NDArray[Any]:
        return super()._validate(unflatten(self.action, X), reset=reset, where=where)

    def _side(self, value: Any, shape: tuple[int, ...], name: str, where: str) -> Any:
        from grouprep.reps import Representation

        if isinstance(value, Representation):
            if any(np.iscomplexobj(value.numeric(g)) for g in value.group.generators):
                raise GroupRepValueError(
                    f"{where}: parameter '{name}' must be a real representation (real "
                    f"matrices) to act on real data, got {value!r}"
                )
            if shape and shape != (value.dim,):
                raise GroupRepValueError(
                    f"{where}: parameter '{name}' has dimension {value.dim}, but the samples "
                    f"of X have shape {shape}"
                )
            return value
        if not shape:
            return as_action(value, where, name)
        return resolve_action(value, shape, where, name=name)

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        from grouprep.reps import Representation

        nf = _check_count(self.n_filters, "n_filters", where)
        _check_nonlinearity(self.nonlinearity, where)
        if self.action is None:
            raise GroupRepTypeError(
                f"{where}: parameter 'action' must be given (a signal action or a real "
                "representation), got None"
            )
        a_in = self._side(self.action, tuple(X.shape[1:]), "action", where)
        a_out = (
            a_in
            if self.action_out is None
            else self._side(self.action_out, (), "action_out", where)
        )
        if a_in.group != a_out.group:
            raise GroupRepValueError(
                f"{where}: parameters 'action' and 'action_out' must be of the same group, got "
                f"{a_in.group!r} and {a_out.group!r}"
            )
        self.action_, self.action_out_ = a_in, a_out
        gen = as_generator(self.random_state, where)
        n_in = a_in.dim if isinstance(a_in, Representation) else a_in.num_sites
        n_out = a_out.dim if isinstance(a_out, Representation) else a_out.num_sites
        self.n_out_ = n_out
        layout = abelian_layout(a_in) if a_out is a_in and isinstance(a_in, SignalAction) else None
        if isinstance(layout, tuple):
            self.orders_: tuple[int, ...] | None = layout[0]
            self.sites_ = layout[1]
            self.n_basis_ = n_in
            self.basis_ = None
            self.weights_ = gen.standard_normal((nf, *layout[0])) / np.sqrt(n_in)
            axes = tuple(range(1, 1 + len(layout[0])))
            self._weights_hat = np.fft.rfftn(self.weights_, axes=axes)
        else:
            self.orders_ = None
            if isinstance(a_in, SignalAction) and isinstance(a_out, SignalAction):
                G = a_in.group
                labels = _pair_orbits(
                    [site_step(a_out, g) for g in G.generators],
                    [site_step(a_in, g) for g in G.generators],
                )
                self.n_basis_ = int(labels.max()) + 1
                basis = np.zeros((self.n_basis_, n_out, n_in))
                basis[labels, np.arange(n_out)[:, None], np.arange(n_in)[None, :]] = 1.0
            else:
                basis = self._exact_basis(a_in, a_out)
                self.n_basis_ = len(basis)
            self.basis_ = basis
            self.weights_ = gen.standard_normal((nf, self.n_basis_)) / np.sqrt(n_in)
            W = (
                np.einsum("cb,bij->cij", self.weights_, basis)
                if len(basis)
                else (np.zeros((nf, n_out, n_in)))
            )
            self._matrix = np.ascontiguousarray(W.reshape(nf * n_out, n_in).T)
        self.n_orbitals_ = self.n_basis_

    @staticmethod
    def _exact_basis(a_in: Any, a_out: Any) -> npt.NDArray[np.float64]:
        from grouprep.invariants import intertwiner_basis
        from grouprep.reps import Representation

        def rep(a: Any) -> Representation:
            if isinstance(a, Representation):
                return a
            from grouprep.actions import action_from_function
            from grouprep.reps import permutation_representation

            steps = {g: site_step(a, g) for g in a.group.elements()}
            sites = action_from_function(
                a.group, lambda g, i: int(steps[g][i]), list(range(a.num_sites))
            )
            return permutation_representation(sites)

        r_in, r_out = rep(a_in), rep(a_out)
        mats = intertwiner_basis(r_in, r_out)
        return np.array(
            [np.array(A.evalf(), dtype=np.complex128).real for A in mats], dtype=np.float64
        ).reshape(len(mats), r_out.dim, r_in.dim)

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        flat = np.asarray(X, dtype=np.float64).reshape(len(X), -1)
        m, nf = len(flat), int(self.n_filters)
        out: npt.NDArray[np.float64]
        if self.orders_ is None:
            out = flat @ self._matrix
        else:
            n = flat.shape[1]
            orders = self.orders_
            sites = self.sites_.ravel()
            identity = bool(np.array_equal(sites, np.arange(n)))
            axes = tuple(range(1, 1 + len(orders)))
            res = np.empty((m, nf, n))
            for lo in range(0, m, 4096):
                block = flat[lo : lo + 4096]
                rows = len(block)
                f = (block if identity else block[:, sites]).reshape((rows, *orders))
                F = np.fft.rfftn(f, axes=axes)[:, None] * self._weights_hat[None]
                conv = np.fft.irfftn(F, s=orders, axes=tuple(a + 1 for a in axes))
                conv = conv.reshape(rows, nf, n)
                if identity:
                    res[lo : lo + rows] = conv
                else:
                    res[lo : lo + rows, :, sites] = conv
            out = res.reshape(m, nf * n)
        _apply_nonlinearity(out, self.nonlinearity)
        return out

    def _feature_names(self) -> list[str]:
        return [f"c{c}_{i}" for c in range(int(self.n_filters)) for i in range(self.n_out_)]

    def _action_in(self) -> Any:
        from grouprep.reps import Representation

        a = self.action_
        return LinearAction(a) if isinstance(a, Representation) else a

    def _action_out(self) -> Any:
        from grouprep.reps import Representation

        a, nf = self.action_out_, int(self.n_filters)
        if isinstance(a, Representation):
            from grouprep.reps import direct_sum

            return LinearAction(direct_sum(*([a] * nf)) if nf > 1 else a)
        return channels_action(a, nf)


OrbitalConvolution = EquivariantLinear
"""The strategies' name of :class:`EquivariantLinear` (the same class)."""
