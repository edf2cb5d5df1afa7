"""Featurizers for the five ways of using a symmetry (private)."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt

from grouprep._parallel import parallel_loops
from grouprep._random import as_generator
from grouprep._validation import describe
from grouprep.actions import SignalAction, shift_action, translation_action
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.features._base import Featurizer
from grouprep.features._compile import CompiledPolynomials, compile_polynomials
from grouprep.invariants import bispectrum_pairs, invariant_basis
from grouprep.orbits import Quotient, canonical_form, least_rotation

__all__ = [
    "Bispectrum",
    "CanonicalForm",
    "GroupConvolution",
    "InvariantPolynomials",
    "InvariantPooling",
    "OrbitAugmenter",
    "OrbitIndex",
    "PowerSpectrum",
]

_CHUNK_ROWS = 16384


def _check_n(n: Any, width: int, where: str) -> int:
    if n is None:
        return width
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
        raise GroupRepValueError(f"{where}: parameter 'n' must be None or an int >= 1, got {n!r}")
    if int(n) != width:
        raise GroupRepValueError(
            f"{where}: parameter 'n' is {n} but X has {width} columns (one per position)"
        )
    return int(n)


def _check_action(
    action: Any,
    shape: int | tuple[int, ...],
    where: str,
    alphabet: int | None = None,
    name: str = "action",
) -> Any:
    """The action on samples of this shape: by default the cyclic shift of the columns,
    or the translations of periodic h x w images."""
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    if action is None:
        if len(shape) == 2:
            return translation_action((shape[0], shape[1]), alphabet)
        return shift_action(shape[0], alphabet)
    if not isinstance(action, SignalAction):
        raise GroupRepTypeError(
            f"{where}: parameter '{name}' must be a grouprep signal action (e.g. "
            f"grouprep.shift_action(n)), got {describe(action)}"
        )
    if tuple(action.shape) != shape:
        raise GroupRepValueError(
            f"{where}: parameter '{name}' acts on signals of shape {tuple(action.shape)} "
            f"({action.num_sites} entries), but the samples of X have shape {shape}"
        )
    return action


class _ShiftInvariant(Featurizer):
    """Shared by the Fourier featurizers: n columns, invariant under the shift."""

    n: Any

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        if X.ndim == 3:
            if self.n is not None:
                raise GroupRepValueError(
                    f"{where}: parameter 'n' must be None for images (the shape comes from X)"
                )
            self.n_: int | None = None
            return
        self.n_ = _check_n(self.n, X.shape[1], where)

    def _action_in(self) -> Any:
        if self.n_ is None:
            h, w = self.input_shape_
            return translation_action((h, w))
        return shift_action(self.n_)


class PowerSpectrum(_ShiftInvariant):
    """The power spectrum of real periodic signals: Fourier invariants of degree 2.

    .. math:: P_k(x) = |X_k|^2, \\quad X_k = \\sum_j x_j e^{-2\\pi i jk/n}, \\quad
              k = 0, \\dots, \\lfloor n/2 \\rfloor

    Invariant under the cyclic shift (:func:`grouprep.shift_action`), but not complete:
    it forgets the phases (see the invariants guide). Output columns ``P0 .. P{n//2}``,
    float64; the same numbers as :func:`grouprep.power_spectrum_invariants`. Batches of
    periodic images ``(n_samples, h, w)`` give :math:`|\\hat x_{a,b}|^2` (``rfft2``),
    columns ``P{a}_{b}``, invariant under :func:`grouprep.translation_action`.

    Parameters
    ----------
    n : int, optional
        Signal length; by default the width of the data seen by ``fit``.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> X = np.random.default_rng(0).standard_normal((5, 8))
    >>> ps = grouprep.PowerSpectrum().fit(X)
    >>> ps.transform(X).shape, list(ps.get_feature_names_out()[:3])
    ((5, 5), ['P0', 'P1', 'P2'])
    >>> ps.check(X).holds
    True
    """

    _allow_images = True

    def __init__(self, n: int | None = None) -> None:
        self.n = n

    _finite_from_output = True

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        if X.ndim == 3:
            F = np.fft.rfft2(X, axes=(1, 2)).reshape(len(X), -1)
            return np.square(np.abs(F))
        out = np.empty((len(X), X.shape[1] // 2 + 1))
        for lo in range(0, len(X), 4096):  # chunks stay in cache between the passes
            block = out[lo : lo + 4096]
            np.abs(np.fft.rfft(X[lo : lo + 4096]), out=block)
            np.square(block, out=block)
        return out

    def _feature_names(self) -> list[str]:
        if self.n_ is None:
            h, w = self.input_shape_
            return [f"P{a}_{b}" for a in range(h) for b in range(w // 2 + 1)]
        return [f"P{k}" for k in range(self.n_ // 2 + 1)]


def _bispectrum_layout(
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


class Bispectrum(_ShiftInvariant):
    """Bispectrum invariants of real periodic signals: complete where the power spectrum
    is not.

    .. math:: B_{k_1,k_2}(x) = X_{k_1} X_{k_2} \\overline{X_{k_1+k_2}}

    Columns: for each pair of :func:`grouprep.bispectrum_pairs` in order, ``ReB{k1}_{k2}``
    and then ``ImB{k1}_{k2}`` unless the imaginary part vanishes identically on real
    signals; the same numbers, in the same order, as
    :func:`grouprep.bispectrum_invariants`. ``selective=True`` (default) gives the n
    pairs of Mataigne et al. (2024), complete for signals whose Fourier coefficients do
    not vanish; ``selective=False`` all pairs :math:`k_1 \\le k_2`, computed in chunks of
    rows by a compiled loop so memory stays at the output plus one chunk.

    Parameters
    ----------
    n : int, optional
        Signal length; by default the width of the data seen by ``fit``.
    selective : bool, optional

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> X = np.random.default_rng(0).standard_normal((4, 6))
    >>> b = grouprep.Bispectrum().fit(X)
    >>> print(*b.get_feature_names_out())
    ReB0_0 ReB0_1 ReB1_1 ImB1_1 ReB1_2 ImB1_2 ReB1_3 ImB1_3 ReB1_4 ImB1_4
    >>> b.check(X).holds
    True
    """

    def __init__(self, n: int | None = None, selective: bool = True) -> None:
        self.n = n
        self.selective = selective

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        super()._fit(X, where)
        if not isinstance(self.selective, bool | np.bool_):
            raise GroupRepTypeError(
                f"{where}: parameter 'selective' must be a bool, got {self.selective!r}"
            )
        n = self.n_
        assert n is not None  # Bispectrum takes no images
        pairs, re_col, im_col, names = _bispectrum_layout(n, bool(self.selective))
        k = np.array(pairs, dtype=np.intp).reshape(-1, 2)
        self._k1, self._k2 = k[:, 0].copy(), k[:, 1].copy()
        self._k3 = (k[:, 0] + k[:, 1]) % n
        self._re_col, self._im_col, self._names = re_col, im_col, names

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        from grouprep.features import _kernels

        out = np.empty((len(X), len(self._names)))
        for lo in range(0, len(X), _CHUNK_ROWS):
            F = np.fft.fft(X[lo : lo + _CHUNK_ROWS], axis=1)
            with parallel_loops(len(F) * (1 + len(self._k1) // 64)):
                _kernels.bispectrum_fill(
                    F, self._k1, self._k2, self._k3, self._re_col, self._im_col, out, lo
                )
        return out

    def _feature_names(self) -> list[str]:
        return list(self._names)


class InvariantPolynomials(Featurizer):
    """Invariant polynomials of a symmetry, up to a degree, compiled to NumPy.

    .. math:: f(\\rho(g)\\, x) = f(x), \\qquad 1 \\le \\deg f \\le d

    The basis of :func:`grouprep.invariant_basis` for every degree from 1 to ``degree``:
    for a permutation of the columns (a signal action, or the default cyclic shift) the
    orbit sums of monomials, for any real representation the reduced Reynolds images.
    Lowered by :func:`grouprep.compile_polynomials` (FFT for cyclic quadratic forms,
    gather-multiply-sum otherwise). Columns ``d{degree}_{i}``; the exact polynomials are
    in ``polynomials_``.

    Parameters
    ----------
    rep : Representation or SignalAction, optional
        How the group acts on the columns: a real representation (x -> rho(g) x), or a
        signal action permuting them; by default the cyclic shift of all columns.
    degree : int, optional
        Highest degree (default 2).

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> X = np.random.default_rng(0).standard_normal((3, 4))
    >>> f = grouprep.InvariantPolynomials(degree=2).fit(X)
    >>> for p in f.polynomials_:
    ...     print(p)
    x0 + x1 + x2 + x3
    x0**2 + x1**2 + x2**2 + x3**2
    x0*x1 + x0*x3 + x1*x2 + x2*x3
    x0*x2 + x1*x3
    >>> f.check(X).holds
    True
    >>> rotation = grouprep.reps.real_irreps(grouprep.dihedral(3))[-1]  # D_3 on the plane
    >>> g = grouprep.InvariantPolynomials(rotation, degree=3).fit(X[:, :2])
    >>> [str(p) for p in g.polynomials_]
    ['x0**2 + x1**2', 'x0**3 - 3*x0*x1**2']
    """

    def __init__(self, rep: Any = None, degree: int = 2) -> None:
        self.rep = rep
        self.degree = degree

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        import sympy

        from grouprep.reps import Representation, permutation_representation

        if isinstance(self.degree, bool) or not isinstance(self.degree, int) or self.degree < 1:
            raise GroupRepValueError(
                f"{where}: parameter 'degree' must be an int >= 1, got {self.degree!r}"
            )
        if isinstance(self.rep, Representation):
            rep = self.rep
            if rep.dim != X.shape[1]:
                raise GroupRepValueError(
                    f"{where}: parameter 'rep' has dimension {rep.dim}, but X has "
                    f"{X.shape[1]} columns"
                )
            if any(np.iscomplexobj(rep.numeric(g)) for g in rep.group.generators):
                raise GroupRepValueError(
                    f"{where}: parameter 'rep' must be a real representation (real matrices) "
                    "to act on real data; use real_irreps or a permutation representation"
                )
            self.action_: Any = _LinearAction(rep)
        else:
            if self.rep is not None and not isinstance(self.rep, SignalAction):
                raise GroupRepTypeError(
                    f"{where}: parameter 'rep' must be a Representation, a signal action or "
                    f"None, got {describe(self.rep)}"
                )
            self.action_ = _check_action(self.rep, X.shape[1], where, name="rep")
            rep = permutation_representation(_site_action(self.action_))
        polys, names = [], []
        for d in range(1, self.degree + 1):
            basis = invariant_basis(rep, d)
            polys += basis
            names += [f"d{d}_{i}" for i in range(len(basis))]
        self.polynomials_ = polys
        self._names = names
        self._compiled: CompiledPolynomials = compile_polynomials(
            polys, sympy.symbols(f"x0:{X.shape[1]}")
        )

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        return self._compiled(X)

    def _feature_names(self) -> list[str]:
        return list(self._names)

    def _action_in(self) -> Any:
        return self.action_


class _LinearAction:
    """A real representation acting on batches of vectors: x -> rho(g) x (for the laws)."""

    def __init__(self, rep: Any) -> None:
        self.rep = rep
        self.group = rep.group

    def act(self, g: Any, X: Any) -> npt.NDArray[Any]:
        out: npt.NDArray[Any] = np.asarray(X) @ np.asarray(self.rep.numeric(g)).T
        return out

    def __repr__(self) -> str:
        return f"linear action of {self.rep!r}"


def _site_action(action: SignalAction) -> Any:
    """The permutation action of the signal action's group on the sites."""
    from grouprep.actions import action_from_function

    n = action.num_sites
    gather = {g: action.gather_index(g) for g in action.group.generators}

    def move(g: Any, i: int) -> int:
        # (g.x)[j] = x[gather[j]]: site gather[j] moves to j
        idx = gather.get(g)
        if idx is None:
            idx = action.gather_index(g)
        return int(np.flatnonzero(idx == i)[0])

    return action_from_function(action.group, move, list(range(n)))


class CanonicalForm(Featurizer):
    """Strategy 5, gauge fixing: replace each signal by the canonical element of its orbit.

    .. math:: \\operatorname{can}(x) = \\min_{\\text{lex}} \\{ g \\cdot x : g \\in G \\}

    For the cyclic shift of integer strings this is :func:`grouprep.least_rotation`
    (compiled); otherwise :func:`grouprep.canonical_form`. With ``return_element=True``
    two columns are appended: the index of the group element reaching the canonical
    form and the stabilizer order (> 1 where the choice is ambiguous); ``check`` then
    tests the invariance of every column but the element's.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> X = np.array([[0, 1, 1, 0], [1, 0, 0, 1]])
    >>> grouprep.CanonicalForm().fit_transform(X)  # periodic images (m, h, w) work too
    array([[0, 0, 1, 1],
           [0, 0, 1, 1]])
    """

    _allow_images = True

    def __init__(self, action: SignalAction | None = None, return_element: bool = False) -> None:
        self.action = action
        self.return_element = return_element

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        self.action_ = _check_action(self.action, X.shape[1:], where)
        recipe = self.action_._recipe
        self._shift = recipe is not None and recipe[0] is shift_action

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        if self._shift and (X.dtype.kind == "u" or (X.dtype.kind == "i" and X.min() >= 0)):
            res = least_rotation(X)
            canonical, element, stab = res.canonical, res.shift, res.stabilizer_order
        else:
            forms = canonical_form(self.action_, X)
            canonical, element, stab = forms.canonical, forms.element, forms.stabilizer_order
        flat = np.asarray(canonical).reshape(len(X), -1)
        if not self.return_element:
            return flat
        dtype = np.result_type(flat.dtype, np.int64)  # no wrap-around of large orders
        extra = np.stack([element, stab], axis=1).astype(dtype)
        return np.concatenate([flat.astype(dtype), extra], axis=1)

    def _law_function(self) -> Any:
        if not self.return_element:
            return self.transform
        n = int(np.prod(self.input_shape_))
        # the element reaching the canonical form moves with x; the rest is invariant
        return lambda X: np.delete(self.transform(X), n, axis=1)

    def _feature_names(self) -> list[str]:
        names = [f"can{i}" for i in range(int(np.prod(self.input_shape_)))]
        return names + (["element", "stabilizer_order"] if self.return_element else [])

    def _action_in(self) -> Any:
        return self.action_


class OrbitIndex(Featurizer):
    """Strategy 1, the quotient: the class of each string as a feature.

    ``encoding="ordinal"``: one column, the class id in ``[0, num_classes)`` (for the
    shift of k-ary strings the necklace rank, computed without enumerating); ``"onehot"``:
    ``num_classes`` indicator columns, allowed up to ``max_onehot`` classes.

    Parameters
    ----------
    action : SignalAction, optional
        By default the cyclic shift on strings over ``alphabet`` symbols.
    alphabet : int, optional
        Number of symbols k (default 2); used when ``action`` is None.
    encoding : {"ordinal", "onehot"}
    max_onehot : int, optional
        Largest quotient one-hot encoded (default 4096).
    method : {"auto", "rank", "table", "canonical"}, optional
        How the classes are numbered (see :class:`grouprep.Quotient`): by default necklace
        ranks for the shift, else a table over all points; ``"canonical"`` keys the
        classes by canonical form and learns them in ``fit``, for actions with too many
        points to list (graphs on 7 vertices, 24-bit strings under :math:`D_{24}`).
    unseen : {"error", "reserve"}, optional
        With ``method="canonical"``, what ``transform`` does with a class not seen in
        ``fit``: raise, or give it the reserved id ``num_classes_ - 1`` (one more
        one-hot column).

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> X = np.array([[0, 0, 1, 1], [1, 0, 0, 1], [0, 1, 0, 1]])
    >>> grouprep.OrbitIndex().fit_transform(X).ravel().tolist()  # 0011 and 0101 of 0000..1111
    [2, 2, 3]
    """

    _integer_input = True
    _allow_images = True

    def __init__(
        self,
        action: SignalAction | None = None,
        alphabet: int = 2,
        encoding: str = "ordinal",
        max_onehot: int = 4096,
        method: str = "auto",
        unseen: str = "error",
    ) -> None:
        self.action = action
        self.alphabet = alphabet
        self.encoding = encoding
        self.max_onehot = max_onehot
        self.method = method
        self.unseen = unseen

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        if self.encoding not in ("ordinal", "onehot"):
            raise GroupRepValueError(
                f"{where}: parameter 'encoding' must be 'ordinal' or 'onehot', "
                f"got {self.encoding!r}"
            )
        self.action_ = _check_action(self.action, X.shape[1:], where, self.alphabet)
        if self.action_.alphabet is None:
            raise GroupRepValueError(
                f"{where}: parameter 'action' must have an alphabet (a finite set of strings)"
            )
        quotient = Quotient(self.action_, self.method, self.unseen)  # type: ignore[arg-type]
        self.quotient_ = quotient.fit(X)
        self.num_classes_ = int(self.quotient_.num_classes) + (
            self.quotient_.unseen_index is not None
        )
        if self.encoding == "onehot" and self.num_classes_ > self.max_onehot:
            raise GroupRepValueError(
                f"{where}: the quotient has {self.num_classes_} classes, more than "
                f"max_onehot={self.max_onehot}; use encoding='ordinal'"
            )

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        ids = np.asarray(self.quotient_.index(X))
        if self.encoding == "ordinal":
            return ids.reshape(-1, 1)
        out = np.zeros((len(X), self.num_classes_))
        out[np.arange(len(X)), ids.astype(np.intp)] = 1.0
        return out

    def _feature_names(self) -> list[str]:
        if self.encoding == "ordinal":
            return ["orbit"]
        return [f"orbit_{i}" for i in range(self.num_classes_)]

    def _action_in(self) -> Any:
        return self.action_


class OrbitAugmenter(Featurizer):
    """Strategy 2, augmentation: add moved copies of the training samples.

    ``fit_resample(X, y)`` (the imbalanced-learn convention: a transformer may not change
    the number of rows) returns ``(X_aug, y_aug)``: with ``mode="full"`` every sample
    moved by every group element (``|G|`` times as many rows, the original first), with
    ``mode="random"`` the originals plus ``n_draws`` copies moved by random elements.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> X, y = np.array([[1, 0, 0]]), np.array([7])
    >>> Xa, ya = grouprep.OrbitAugmenter().fit_resample(X, y)
    >>> Xa.tolist(), ya.tolist()
    ([[1, 0, 0], [0, 1, 0], [0, 0, 1]], [7, 7, 7])
    """

    _law = "equivariant"  # transform is the identity; the augmentation is fit_resample

    _allow_images = True

    def __init__(
        self,
        action: SignalAction | None = None,
        mode: str = "full",
        n_draws: int = 1,
        random_state: Any = 0,
    ) -> None:
        self.action = action
        self.mode = mode
        self.n_draws = n_draws
        self.random_state = random_state

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        if self.mode not in ("full", "random"):
            raise GroupRepValueError(
                f"{where}: parameter 'mode' must be 'full' or 'random', got {self.mode!r}"
            )
        if isinstance(self.n_draws, bool) or not isinstance(self.n_draws, int) or self.n_draws < 1:
            raise GroupRepValueError(
                f"{where}: parameter 'n_draws' must be an int >= 1, got {self.n_draws!r}"
            )
        self.action_ = _check_action(self.action, X.shape[1:], where)

    def fit_resample(self, X: Any, y: Any) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        """The augmented samples and their labels."""
        where = "OrbitAugmenter.fit_resample"
        self.fit(X)
        arr = self._validate(X, reset=False, where=where)
        labels = np.asarray(y)
        if labels.shape[:1] != (len(arr),):
            raise GroupRepValueError(
                f"{where}: argument 'y' must have one label per row of X ({len(arr)}), "
                f"got shape {labels.shape}"
            )
        G = self.action_.group
        if self.mode == "full":
            moved = [self.action_.act(g, arr) for g in G.elements()]
            return np.concatenate(moved), np.concatenate([labels] * len(moved))
        gen = as_generator(self.random_state, where)
        draws = [arr]
        for _ in range(self.n_draws):
            gs = [G.random_element(gen) for _ in range(len(arr))]
            draws.append(self.action_.act_each(gs, arr))
        return np.concatenate(draws), np.concatenate([labels] * len(draws))

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        return X.reshape(len(X), -1)

    def _law_function(self) -> Any:
        return lambda X: self._validate(X, reset=False, where="OrbitAugmenter.check")

    def _feature_names(self) -> list[str]:
        return [f"x{i}" for i in range(int(np.prod(self.input_shape_)))]

    def _action_in(self) -> Any:
        return self.action_

    def _action_out(self) -> Any:
        return self.action_


class GroupConvolution(Featurizer):
    """Strategy 4, an equivariant layer: circular convolutions and a nonlinearity.

    .. math:: h_{f}(x)_t = \\sigma\\Big( \\sum_{s} w_{f,s}\\, x_{t-s} \\Big),
              \\qquad f = 1, \\dots, F

    Each filter is an element of the intertwiner space of the regular representation of
    :math:`Z_n` (the circulants, :func:`grouprep.intertwiner_basis`), applied by FFT;
    filters are drawn once at ``fit`` (random features, seeded), so the layer is
    equivariant: shifting x shifts every output channel. Output: ``(n_samples,
    n_filters * n)``, channel-major (columns ``c{f}_{t}``). Periodic images ``(n_samples,
    h, w)`` are convolved in 2-D (``rfft2``) and are equivariant under the translations
    :math:`Z_h \\times Z_w`; columns ``c{f}_{i}_{j}``.

    Parameters
    ----------
    n_filters : int
    nonlinearity : {"relu", "abs", "square", "identity"}
    random_state : int or numpy Generator

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> X = np.random.default_rng(0).standard_normal((4, 6))
    >>> conv = grouprep.GroupConvolution(n_filters=2).fit(X)
    >>> conv.transform(X).shape, conv.check(X).holds
    ((4, 12), True)
    """

    _law = "equivariant"
    _allow_images = True
    _NONLINEAR: ClassVar[tuple[str, ...]] = ("relu", "abs", "square", "identity")

    def __init__(self, n_filters: int = 4, nonlinearity: str = "relu", random_state: Any = 0):
        self.n_filters = n_filters
        self.nonlinearity = nonlinearity
        self.random_state = random_state

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        nf = self.n_filters
        if isinstance(nf, bool) or not isinstance(nf, int) or nf < 1:
            raise GroupRepValueError(
                f"{where}: parameter 'n_filters' must be an int >= 1, got {nf!r}"
            )
        if self.nonlinearity not in self._NONLINEAR:
            raise GroupRepValueError(
                f"{where}: parameter 'nonlinearity' must be one of {list(self._NONLINEAR)}, "
                f"got {self.nonlinearity!r}"
            )
        shape = X.shape[1:]
        gen = as_generator(self.random_state, where)
        size = int(np.prod(shape))
        self.filters_ = gen.standard_normal((nf, *shape)) / np.sqrt(size)
        axes = tuple(range(1, 1 + len(shape)))
        self._filters_hat = np.fft.rfftn(self.filters_, axes=axes)

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        shape = X.shape[1:]
        F = np.fft.rfftn(X, axes=tuple(range(1, 1 + len(shape))))
        out_axes = tuple(range(2, 2 + len(shape)))  # after the channel axis
        conv = np.fft.irfftn(F[:, None] * self._filters_hat[None], s=shape, axes=out_axes)
        if self.nonlinearity == "relu":
            np.maximum(conv, 0.0, out=conv)
        elif self.nonlinearity == "abs":
            np.abs(conv, out=conv)
        elif self.nonlinearity == "square":
            np.square(conv, out=conv)
        return conv.reshape(len(X), -1)

    def _feature_names(self) -> list[str]:
        if len(self.input_shape_) == 2:
            h, w = self.input_shape_
            return [
                f"c{f}_{i}_{j}" for f in range(self.n_filters) for i in range(h) for j in range(w)
            ]
        n = self.n_features_in_
        return [f"c{f}_{t}" for f in range(self.n_filters) for t in range(n)]

    def _action_in(self) -> Any:
        return _check_action(None, self.input_shape_, "GroupConvolution.check")

    def _action_out(self) -> Any:
        action = self._action_in()
        nf, size = self.n_filters, action.num_sites

        def sites(g: Any) -> npt.NDArray[np.intp]:  # the same translation of every channel
            moved = np.argsort(action.gather_index(g).ravel())  # site i goes to moved[i]
            out: npt.NDArray[np.intp] = (np.arange(nf)[:, None] * size + moved[None]).ravel()
            return out

        return SignalAction(
            action.group, (nf * size,), sites, None, f"channels({nf}) of {action!r}"
        )


class InvariantPooling(Featurizer):
    """Invariant pooling over the group axis of equivariant channels.

    .. math:: y_f = \\operatorname{pool}_{t} h_{f,t}

    Input ``(n_samples, n_channels * n)`` channel-major (as :class:`GroupConvolution`
    produces); output ``(n_samples, n_channels)``: the mean, max or both of each channel.
    Invariant under shifting all channels together.

    Parameters
    ----------
    n : int, optional
        The group axis length (positions per channel); by default the whole row is one
        channel.
    pool : {"mean", "max", "meanmax"}

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> H = np.arange(8.0).reshape(1, 8)
    >>> grouprep.InvariantPooling(n=4, pool="max").fit_transform(H)
    array([[3., 7.]])
    """

    def __init__(self, n: int | None = None, pool: str = "mean") -> None:
        self.n = n
        self.pool = pool

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        n = X.shape[1] if self.n is None else self.n
        if isinstance(n, bool) or not isinstance(n, int) or n < 1 or X.shape[1] % n:
            raise GroupRepValueError(
                f"{where}: parameter 'n' must be an int >= 1 dividing the {X.shape[1]} columns, "
                f"got {self.n!r}"
            )
        if self.pool not in ("mean", "max", "meanmax"):
            raise GroupRepValueError(
                f"{where}: parameter 'pool' must be 'mean', 'max' or 'meanmax', got {self.pool!r}"
            )
        self.n_ = n
        self.n_channels_ = X.shape[1] // n

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        H = X.reshape(len(X), self.n_channels_, self.n_).astype(np.float64)
        mean: npt.NDArray[np.float64] = H.mean(axis=2)
        top: npt.NDArray[np.float64] = H.max(axis=2)
        if self.pool == "mean":
            return mean
        if self.pool == "max":
            return top
        return np.concatenate([mean, top], axis=1)

    def _feature_names(self) -> list[str]:
        kinds = ["mean", "max"] if self.pool == "meanmax" else [self.pool]
        return [f"{k}{c}" for k in kinds for c in range(self.n_channels_)]

    def _action_in(self) -> Any:
        from grouprep.groups import cyclic

        n, nc = self.n_, self.n_channels_

        def sites(g: Any) -> npt.NDArray[np.intp]:
            out: npt.NDArray[np.intp] = (
                np.arange(nc)[:, None] * n + (np.arange(n) + g) % n
            ).ravel()
            return out

        return SignalAction(cyclic(n), (nc * n,), sites, None, f"channel_shift({nc}, {n})")
