"""The G-power spectrum and the G-bispectrum of any finite group with explicit irreps
(private)."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._parallel import parallel_loops
from grouprep.actions import SignalAction
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.features._irreps import (
    NumericIrreps,
    clebsch_gordan,
    lift_matrix,
    numeric_irreps,
    selective_pairs,
)
from grouprep.features._sites import SiteFeaturizer, site_orbit_labels
from grouprep.features._structure import abelian_layout
from grouprep.invariants import bispectrum_pairs

__all__ = ["Bispectrum", "FourierInvariants", "PowerSpectrum"]

_CHUNK_ROWS = 16384


class _Spectral(SiteFeaturizer):
    """Shared by the Fourier featurizers: the path is chosen from the action's structure."""

    _finite_from_output = True

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        super()._fit(X, where)
        layout = abelian_layout(self.action_)
        if isinstance(layout, tuple):
            self.orders_: tuple[int, ...] = layout[0]
            self._sites = layout[1].ravel()
            self._identity = bool(np.array_equal(self._sites, np.arange(len(self._sites))))
            self.path_ = "cyclic" if len(layout[0]) == 1 else "abelian"
        else:
            self.path_ = "group"
            self.orders_ = ()

    def _fit_group(self, where: str) -> None:
        action = self.action_
        self.irreps_ = numeric_irreps(action.group, where, f"{type(self).__name__}")
        labels = site_orbit_labels(action)
        self.n_orbits_ = int(labels.max()) + 1
        self._phi = np.concatenate(
            [
                lift_matrix(action, self.irreps_, np.flatnonzero(labels == o))
                for o in range(self.n_orbits_)
            ],
            axis=1,
        )
        dims = self.irreps_.dims
        self._offsets = np.concatenate([[0], np.cumsum([d * d for d in dims])]).astype(int)

    def _coordinates(self, block: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
        flat = np.asarray(block, dtype=np.float64).reshape(len(block), -1)
        f = flat if self._identity else flat[:, self._sites]
        return f.reshape((len(block), *self.orders_))

    def _lift(self, block: npt.NDArray[Any]) -> npt.NDArray[Any]:
        flat = np.asarray(block, dtype=np.float64).reshape(len(block), -1)
        out: npt.NDArray[Any] = np.ascontiguousarray(flat @ self._phi)
        return out

    def _orbit_prefix(self, o: int) -> str:
        return f"o{o}:" if self.n_orbits_ > 1 else ""


class PowerSpectrum(_Spectral):
    """The power spectrum of the signals of any action: Fourier invariants of degree 2.

    For a finite group G acting on the sites, each orbit of sites is lifted to the group,
    :math:`f^\\uparrow(g) = f(g \\cdot x_0)` (:math:`x_0` the least site of the orbit), and
    for every irrep :math:`\\rho` (unitary, :func:`grouprep.reps.irreps`)

    .. math:: \\hat f(\\rho) = \\sum_{g} f^\\uparrow(g)\\, \\rho(g)^{-1}, \\qquad
              P_\\rho(f) = \\hat f(\\rho)\\, \\hat f(\\rho)^{H}

    Moving f by h gives :math:`\\hat f(\\rho)\\, \\rho(h)^{-1}`, so :math:`P_\\rho` is
    invariant (the G-power spectrum; Kakarala 1992); it forgets the phases and is not
    complete. Columns: the upper triangle of each :math:`P_\\rho` (``P{i}_{a}_{b}``; for a
    complex irrep also ``ImP{i}_{a}_{b}`` above the diagonal, and one irrep of each
    complex-conjugate pair, whose spectra agree on real signals), orbit after orbit
    (prefix ``o{O}:``).

    Where G is abelian and acts regularly on the sites the same numbers come from the FFT
    over the group's coordinates (the path is read from the action's structure):
    :math:`P_k = |X_k|^2` for :math:`k = 0, \\dots, \\lfloor n/2 \\rfloor` for the cyclic
    shift (columns ``P{k}``, the numbers of :func:`grouprep.power_spectrum_invariants`),
    ``rfftn`` over the coordinates otherwise (columns ``P{a}_{b}`` for translations of
    periodic images).

    Parameters
    ----------
    action : SignalAction, FiniteGroup, int or None
        The action the features are invariant for (an int n: the cyclic shift of n sites;
        a group: its regular action; None: the cyclic shift of the columns, or the
        translations of periodic images, of the data seen by ``fit``). Fitted as
        ``action_``.

    Raises
    ------
    GroupRepValueError
        At ``fit``, if the action's group has no explicit irreps (the message names the
        group) or the samples do not have the action's shape.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> X = np.random.default_rng(0).standard_normal((5, 8))
    >>> ps = grouprep.PowerSpectrum().fit(X)                     # the cyclic shift of 8 sites
    >>> ps.transform(X).shape, list(ps.get_feature_names_out()[:3]), ps.action_
    ((5, 5), ['P0', 'P1', 'P2'], shift_action(8))
    >>> ps.check(X).holds
    True
    >>> D5 = grouprep.PowerSpectrum(grouprep.dihedral(5)).fit(np.zeros((1, 10)))  # regular D5
    >>> D5.path_, list(D5.get_feature_names_out())
    ('group', ['P0_0_0', 'P1_0_0', 'P2_0_0', 'P2_0_1', 'P2_1_1', 'P3_0_0', 'P3_0_1', 'P3_1_1'])
    """

    def __init__(self, action: Any = None) -> None:
        self.action = action

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        super()._fit(X, where)
        if self.path_ == "group":
            self._fit_group(where)
            irr = self.irreps_
            keep = []
            for i in range(len(irr.mats)):
                j = irr.conjugate_of(i)
                if irr.real or j >= i:
                    keep.append(i)
            self._keep = keep

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        if self.path_ == "cyclic":
            out = np.empty((len(X), self.orders_[0] // 2 + 1))
            for lo in range(0, len(X), 4096):  # chunks stay in cache between the passes
                block = out[lo : lo + 4096]
                np.abs(np.fft.rfft(self._coordinates(X[lo : lo + 4096]), axis=1), out=block)
                np.square(block, out=block)
            return out
        if self.path_ == "abelian":
            axes = tuple(range(1, 1 + len(self.orders_)))
            F = np.fft.rfftn(self._coordinates(X), axes=axes).reshape(len(X), -1)
            return np.square(np.abs(F))
        F = self._lift(X)
        parts = []
        D = int(self._offsets[-1])
        for o in range(self.n_orbits_):
            for i in self._keep:
                d = self.irreps_.dims[i]
                lo = o * D + int(self._offsets[i])
                Fi = F[:, lo : lo + d * d].reshape(len(X), d, d)
                P = np.einsum("mab,mcb->mac", Fi, np.conj(Fi))
                iu = np.triu_indices(d)
                parts.append(P[:, iu[0], iu[1]].real)
                if not self.irreps_.real:
                    strict = np.triu_indices(d, 1)
                    parts.append(P[:, strict[0], strict[1]].imag)
        return np.concatenate(parts, axis=1)

    def _feature_names(self) -> list[str]:
        if self.path_ == "cyclic":
            return [f"P{k}" for k in range(self.orders_[0] // 2 + 1)]
        if self.path_ == "abelian":
            half = (*self.orders_[:-1], self.orders_[-1] // 2 + 1)
            if len(half) == 2:
                return [f"P{a}_{b}" for a in range(half[0]) for b in range(half[1])]
            return [f"P{k}" for k in range(int(np.prod(half)))]
        names = []
        for o in range(self.n_orbits_):
            pre = self._orbit_prefix(o)
            for i in self._keep:
                d = self.irreps_.dims[i]
                names += [f"{pre}P{i}_{a}_{b}" for a, b in zip(*np.triu_indices(d), strict=True)]
                if not self.irreps_.real:
                    strict = zip(*np.triu_indices(d, 1), strict=True)
                    names += [f"{pre}ImP{i}_{a}_{b}" for a, b in strict]
        return names


def _cyclic_layout(
    n: int, selective: bool
) -> tuple[list[tuple[int, int]], npt.NDArray[np.intp], npt.NDArray[np.intp], list[str]]:
    """Pairs, real and imaginary output columns (-1: omitted) and feature names.

    The imaginary part of :math:`B_{k_1,k_2}` vanishes identically on real signals exactly
    when :math:`\\{k_1, k_2, -k_1-k_2\\}` and its negative are equal multisets mod n.
    """
    pairs = bispectrum_pairs(n, selective)
    re_col: list[int] = []
    im_col: list[int] = []
    names: list[str] = []
    for k1, k2 in pairs:
        re_col.append(len(names))
        names.append(f"ReB{k1}_{k2}")
        triple = sorted((k1 % n, k2 % n, (-k1 - k2) % n))
        negated = sorted((-k1 % n, -k2 % n, (k1 + k2) % n))
        if triple == negated:
            im_col.append(-1)
        else:
            im_col.append(len(names))
            names.append(f"ImB{k1}_{k2}")
    return pairs, np.array(re_col, dtype=np.intp), np.array(im_col, dtype=np.intp), names


def bispectrum_terms(
    irr: NumericIrreps, pairs: list[tuple[int, int]]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp], npt.NDArray[np.intp], Any, Any, list[str]]:
    """The G-bispectrum blocks of ``pairs`` as a sparse trilinear form.

    Block :math:`(\\rho_i, \\rho_j, \\rho_k, c)`, for each copy c of :math:`\\rho_k` in
    :math:`\\rho_i \\otimes \\rho_j` with isometry :math:`C` (:func:`clebsch_gordan`):

    .. math:: B = (\\hat f(\\rho_i) \\otimes \\hat f(\\rho_j))\\, C\\, \\hat f(\\rho_k)^{H},
              \\quad B_{(p_1 p_2), r} = \\sum_{q_1, q_2, s} C_{(q_1 q_2), s}\\,
              \\hat f_i[p_1, q_1]\\, \\hat f_j[p_2, q_2]\\, \\overline{\\hat f_k[r, s]}

    Returns the term lists (a, b, c, coefficient) with the start of each output entry and
    the entries' names; indices are into the flattened coefficients of one orbit.
    """
    dims = irr.dims
    off = np.concatenate([[0], np.cumsum([d * d for d in dims])]).astype(int)
    a_idx: list[int] = []
    b_idx: list[int] = []
    c_idx: list[int] = []
    coef: list[complex] = []
    starts = [0]
    names: list[str] = []
    for i, j in pairs:
        di, dj = dims[i], dims[j]
        for k in range(len(dims)):
            dk = dims[k]
            if not irr.multiplicity(i, j, k):
                continue
            for copy, C in enumerate(clebsch_gordan(irr, i, j, k)):
                for p1 in range(di):
                    for p2 in range(dj):
                        for r in range(dk):
                            for q1 in range(di):
                                for q2 in range(dj):
                                    for s in range(dk):
                                        v = C[q1 * dj + q2, s]
                                        if abs(v) < 1e-13:
                                            continue
                                        a_idx.append(off[i] + p1 * di + q1)
                                        b_idx.append(off[j] + p2 * dj + q2)
                                        c_idx.append(off[k] + r * dk + s)
                                        coef.append(complex(v))
                            starts.append(len(coef))
                            names.append(f"B{i},{j}>{k}.{copy}[{p1 * dj + p2},{r}]")
    dtype = np.float64 if irr.real else np.complex128
    values = np.array(coef, dtype=np.complex128)
    return (
        np.array(a_idx, dtype=np.intp),
        np.array(b_idx, dtype=np.intp),
        np.array(c_idx, dtype=np.intp),
        values.real.copy() if dtype is np.float64 else values,
        np.array(starts, dtype=np.intp),
        names,
    )


class Bispectrum(_Spectral):
    """The bispectrum of the signals of any action: complete where the power spectrum is
    not.

    For a finite group G (each orbit of sites lifted to the group as in
    :class:`PowerSpectrum`), with :math:`\\hat f(\\rho) = \\sum_g f^\\uparrow(g)\\,
    \\rho(g)^{-1}` and the decomposition :math:`\\rho_i \\otimes \\rho_j \\cong
    \\bigoplus_k \\rho_k` by isometries :math:`C_k` (Clebsch–Gordan),

    .. math:: B_{\\rho_i, \\rho_j, \\rho_k} =
              \\big(\\hat f(\\rho_i) \\otimes \\hat f(\\rho_j)\\big)\\, C_k\\,
              \\hat f(\\rho_k)^{H}

    the blocks of the G-bispectrum :math:`(\\hat f(\\rho_i) \\otimes \\hat f(\\rho_j))\\,
    C\\, [\\bigoplus_k \\hat f(\\rho_k)]^H C^H` (Kakarala 1992; Kondor 2007). Moving f by h
    multiplies :math:`\\hat f(\\rho)` by :math:`\\rho(h)^{-1}` on the right and the factors
    cancel, so every block is invariant. ``selective=True`` (default) keeps
    :math:`O(|\\mathrm{Irr}(G)|)` pairs :math:`(\\rho_i, \\rho_j)`, enough for completeness
    on signals whose Fourier coefficients are invertible (the selective G-bispectrum,
    Mataigne et al., NeurIPS 2024; see :func:`selective_pairs`); ``selective=False`` all
    pairs :math:`i \\le j`. The :math:`C_k` are computed numerically (the nullspace of the
    intertwining equations on all elements, orthonormalized), and the blocks are evaluated
    as one sparse trilinear form of the Fourier coefficients by a compiled loop. Columns:
    every entry of every block (``ReB{i},{j}>{k}.{copy}[p,r]``, and ``ImB...`` for complex
    irreps), orbit after orbit (prefix ``o{O}:``).

    Where G is cyclic and acts regularly (the shift), the columns are those of
    :func:`grouprep.bispectrum_invariants`, :math:`B_{k_1,k_2} = X_{k_1} X_{k_2}
    \\overline{X_{k_1+k_2}}` (``ReB{k1}_{k2}``, ``ImB{k1}_{k2}`` unless it vanishes
    identically), computed by FFT; for another abelian group acting regularly (the
    translations of periodic images), ``selective=True`` gives :math:`B_{k,j} = \\hat
    f(k)\\, \\hat f(e_j)\\, \\overline{\\hat f(k + e_j)}` for every frequency k and unit
    vector :math:`e_j` (``ReB{k}_{j}``, ``ImB{k}_{j}``) by ``fftn``.

    Parameters
    ----------
    action : SignalAction, FiniteGroup, int or None
        The action the features are invariant for (see :class:`PowerSpectrum`).
    selective : bool, optional

    Raises
    ------
    GroupRepValueError
        At ``fit``, if the action's group has no explicit irreps (the message names the
        group), or the samples do not have the action's shape.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> X = np.random.default_rng(0).standard_normal((4, 6))
    >>> b = grouprep.Bispectrum().fit(X)
    >>> print(*b.get_feature_names_out())
    ReB0_0 ReB0_1 ReB1_1 ImB1_1 ReB1_2 ImB1_2 ReB1_3 ImB1_3 ReB1_4 ImB1_4
    >>> b.check(X).holds
    True
    >>> S3 = grouprep.Bispectrum(grouprep.symmetric(3)).fit(X)       # the regular action of S_3
    >>> S3.pairs_, S3.transform(X).shape, S3.check(X).holds
    ([(0, 0), (0, 2), (2, 2)], (4, 21), True)
    """

    def __init__(self, action: Any = None, selective: bool = True) -> None:
        self.action = action
        self.selective = selective

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        if not isinstance(self.selective, bool | np.bool_):
            raise GroupRepTypeError(
                f"{where}: parameter 'selective' must be a bool, got {self.selective!r}"
            )
        super()._fit(X, where)
        selective = bool(self.selective)
        if self.path_ == "cyclic":
            n = self.orders_[0]
            pairs, re_col, im_col, names = _cyclic_layout(n, selective)
            k = np.array(pairs, dtype=np.intp).reshape(-1, 2)
            self._k1, self._k2 = k[:, 0].copy(), k[:, 1].copy()
            self._k3 = (k[:, 0] + k[:, 1]) % n
            self._re_col, self._im_col, self._names = re_col, im_col, names
            self.pairs_: list[tuple[int, int]] | None = pairs
            return
        if self.path_ == "abelian" and selective:
            size, r = int(np.prod(self.orders_)), len(self.orders_)
            self._names = []
            for j in range(r):
                self._names += [f"ReB{k}_{j}" for k in range(size)]
                self._names += [f"ImB{k}_{j}" for k in range(size)]
            self.pairs_ = None
            return
        self.path_ = "group"
        self._fit_group(where)
        irr = self.irreps_
        pairs = (
            selective_pairs(irr)
            if selective
            else [(i, j) for i in range(len(irr.mats)) for j in range(i, len(irr.mats))]
        )
        self.pairs_ = pairs
        a, b, c, coef, starts, names = bispectrum_terms(irr, pairs)
        self._terms = (a, b, c, coef, starts)
        n_out = len(names)
        D = int(self._offsets[-1])
        self._names = []
        for o in range(self.n_orbits_):
            pre = self._orbit_prefix(o)
            self._names += [f"{pre}Re{s}" for s in names]
            if not irr.real:
                self._names += [f"{pre}Im{s}" for s in names]
        self._per_orbit = n_out * (1 if irr.real else 2)
        self._D = D

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        from grouprep.features import _kernels

        out = np.empty((len(X), len(self._names)))
        if self.path_ == "cyclic":
            for lo in range(0, len(X), _CHUNK_ROWS):
                F = np.fft.fft(self._coordinates(X[lo : lo + _CHUNK_ROWS]), axis=1)
                with parallel_loops(len(F) * (1 + len(self._k1) // 64)):
                    _kernels.bispectrum_fill(
                        F, self._k1, self._k2, self._k3, self._re_col, self._im_col, out, lo
                    )
            return out
        if self.path_ == "abelian":
            return self._abelian(X, out)
        a, b, c, coef, starts = self._terms
        D = self._D
        chunk = 4 * _CHUNK_ROWS
        for lo in range(0, len(X), chunk):
            F = self._lift(X[lo : lo + chunk])
            dest = out[lo : lo + chunk]
            with parallel_loops(len(F)):
                for o in range(self.n_orbits_):
                    Fo = np.ascontiguousarray(F[:, o * D : (o + 1) * D])
                    col0 = o * self._per_orbit
                    if self.irreps_.real:
                        _kernels.trilinear_real(Fo, a, b, c, coef, starts, dest, col0)
                    else:
                        n_im = len(starts) - 1
                        _kernels.trilinear_complex(Fo, a, b, c, coef, starts, dest, col0, n_im)
        return out

    def inverse_transform(self, B: Any) -> npt.NDArray[np.float64]:
        """Signals with the given selective bispectrum of the cyclic shift: the inverse up
        to a cyclic shift.

        From :math:`B_{0,0} = X_0^3`, :math:`B_{0,1} = X_0 |X_1|^2` and
        :math:`B_{1,k} = X_1 X_k \\overline{X_{k+1}}` (k = 1 .. n-2) the Fourier
        coefficients follow one after the other once the phase :math:`\\theta` of
        :math:`X_1` is chosen; a shift by s turns it into :math:`\\theta - 2\\pi s/n`, and
        the real-signal condition :math:`X_{n-1} = \\overline{X_1}` fixes
        :math:`e^{in\\theta}`, so the n admissible phases give exactly the n shifts of the
        signal (Mataigne et al., NeurIPS 2024). The one returned has the least
        :math:`\\theta \\ge 0`.

        Parameters
        ----------
        B : array_like
            Rows as ``transform`` returns them (``selective=True``, cyclic shift, n >= 3),
            of shape ``(n_samples, n_features)``.

        Returns
        -------
        numpy.ndarray of shape (n_samples, n)

        Raises
        ------
        GroupRepValueError
            For a featurizer that is not the selective bispectrum of a cyclic shift, a
            wrong width, or a row whose Fourier coefficients vanish (:math:`X_0` or some
            :math:`X_k`, k >= 1, below 1e-9 of the largest): such a signal is not
            determined by these features.

        Examples
        --------
        >>> import numpy as np, grouprep
        >>> x = np.random.default_rng(1).standard_normal((2, 7))
        >>> b = grouprep.Bispectrum().fit(x)
        >>> y = b.inverse_transform(b.transform(x))
        >>> [any(np.allclose(np.roll(x[i], s), y[i]) for s in range(7)) for i in range(2)]
        [True, True]
        """
        where = "Bispectrum.inverse_transform"
        self._require_fitted(where)
        if self.path_ != "cyclic" or not self.selective or self.orders_[0] < 3:
            raise GroupRepValueError(
                f"{where}: the inverse is implemented for the selective bispectrum of a "
                f"cyclic shift of n >= 3 sites, not for {self.action_!r} with "
                f"selective={self.selective!r}"
            )
        arr = np.asarray(B, dtype=np.float64)
        if arr.ndim != 2 or arr.shape[1] != len(self._names):
            raise GroupRepValueError(
                f"{where}: argument 'B' must have shape (n_samples, {len(self._names)}), got "
                f"{arr.shape}"
            )
        n = self.orders_[0]
        im = np.where(self._im_col >= 0, arr[:, np.maximum(self._im_col, 0)], 0.0)
        Bc = arr[:, self._re_col] + 1j * (im * (self._im_col >= 0))  # one column a pair
        m = len(arr)
        X = np.zeros((m, n), dtype=np.complex128)
        X[:, 0] = np.cbrt(Bc[:, 0].real)
        X1_abs = np.sqrt(np.abs(Bc[:, 1].real / np.where(X[:, 0] == 0, 1, X[:, 0].real)))
        X[:, 1] = X1_abs
        with np.errstate(divide="ignore", invalid="ignore"):  # refused below
            for k in range(1, n - 1):  # pair (1, k) is column k + 1
                X[:, k + 1] = np.conj(Bc[:, k + 1] / (X[:, 1] * X[:, k]))
        scale = np.abs(X).max(axis=1)
        tiny = (np.abs(X) <= 1e-9 * scale[:, None]).any(axis=1)
        if tiny.any() or not np.isfinite(X).all():
            row = int(np.flatnonzero(tiny | ~np.isfinite(X).all(axis=1))[0])
            raise GroupRepValueError(
                f"{where}: row {row} of argument 'B' has a vanishing Fourier coefficient; "
                "the bispectrum determines a signal up to shifts only where none vanishes"
            )
        # X_k = c_k e^{ik theta}: X_{n-1} = conj(X_1) gives e^{-i n theta} = c_{n-1} / |X_1|
        theta = np.mod(-np.angle(X[:, n - 1] / X1_abs), 2 * np.pi) / n
        X = X * np.exp(1j * np.arange(n)[None, :] * theta[:, None])
        out: npt.NDArray[np.float64] = np.fft.ifft(X, axis=1).real
        return out

    def _abelian(self, X: npt.NDArray[Any], out: npt.NDArray[np.float64]) -> npt.NDArray[Any]:
        orders = self.orders_
        r, size = len(orders), int(np.prod(orders))
        axes = tuple(range(1, 1 + r))
        for lo in range(0, len(X), 4096):  # blocks that stay in cache between passes
            f = self._coordinates(X[lo : lo + 4096])
            rows = len(f)
            F = np.fft.fftn(f, axes=axes)
            dest = out[lo : lo + rows]
            col = 0
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
        return list(self._names)


class FourierInvariants(SiteFeaturizer):
    """Power spectrum and selective bispectrum of an abelian group acting regularly on the
    sites: :class:`PowerSpectrum` and :class:`Bispectrum` of the action, side by side.

    With the sites in the coordinates :math:`a \\in \\mathbb{Z}_{n_1} \\times \\dots
    \\times \\mathbb{Z}_{n_r}` of the group and :math:`\\hat f(k) = \\sum_a f(a)
    e^{-2\\pi i \\sum_j a_j k_j / n_j}`,

    .. math:: P_k = |\\hat f(k)|^2, \\qquad
              B_{k,j} = \\hat f(k)\\, \\hat f(e_j)\\, \\overline{\\hat f(k + e_j)},

    for every frequency k and unit vector :math:`e_j`; where the Fourier coefficients do
    not vanish they determine f up to the group (Kakarala 1992). For a cyclic group the
    columns are those of the shift's power spectrum and selective bispectrum (Mataigne et
    al. 2024). Other actions (non-abelian groups, or actions that are not regular on the
    sites, such as :math:`D_n` on an n-gon) are refused at ``fit`` with the reason: use
    ``PowerSpectrum(action)`` and ``Bispectrum(action)`` (any group with irreps) or
    invariant polynomials for them.

    Parameters
    ----------
    action : SignalAction
        An abelian group acting regularly on the sites.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.features import FourierInvariants
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
                "the regular action of an abelian group); use PowerSpectrum(action) and "
                "Bispectrum(action) (any group with irreps) or invariant polynomials "
                f"(OrbitSumPolynomials) for {self.action_!r}"
            )
        self.orders_, self.sites_ = layout
        zero = np.zeros((1, *self.action_.shape))
        self.power_ = PowerSpectrum(self.action_).fit(zero)
        self.bispectrum_ = Bispectrum(self.action_).fit(zero)

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        return np.concatenate([self.power_._transform(X), self.bispectrum_._transform(X)], 1)

    def _feature_names(self) -> list[str]:
        parts = (self.power_, self.bispectrum_)
        return [str(v) for part in parts for v in part.get_feature_names_out()]
