"""Featurizers for the five ways of using a symmetry (private)."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt

from grouprep._random import as_generator
from grouprep._validation import describe
from grouprep.actions import SignalAction, shift_action
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.features._base import Featurizer
from grouprep.features._compile import CompiledPolynomials, compile_polynomials
from grouprep.features._sites import LinearAction, resolve_action, unflatten
from grouprep.features._structure import site_moves
from grouprep.invariants import invariant_basis
from grouprep.orbits import Quotient, canonical_form, least_rotation

__all__ = [
    "CanonicalForm",
    "InvariantPolynomials",
    "OrbitAugmenter",
    "OrbitIndex",
    "OrbitSumPolynomials",
]

_CHUNK_ROWS = 16384


def _check_action(
    action: Any,
    shape: int | tuple[int, ...],
    where: str,
    alphabet: int | None = None,
    name: str = "action",
) -> Any:
    """The action on samples of this shape (see :func:`resolve_action`)."""
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    return resolve_action(action, shape, where, alphabet, name)


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

    _allow_images = True

    def __init__(self, rep: Any = None, degree: int = 2) -> None:
        self.rep = rep
        self.degree = degree

    _source_name: ClassVar[str] = "rep"  # the parameter holding the rep or action

    def _source(self) -> Any:
        return getattr(self, self._source_name)

    def _validate(self, X: Any, *, reset: bool, where: str) -> npt.NDArray[Any]:
        return super()._validate(unflatten(self._source(), X), reset=reset, where=where)

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        import sympy

        from grouprep.reps import Representation, permutation_representation

        degree = self.degree
        if isinstance(degree, bool) or not isinstance(degree, int | np.integer) or degree < 1:
            raise GroupRepValueError(
                f"{where}: parameter 'degree' must be an int >= 1, got {describe(degree)}"
            )
        source = self._source()
        name = self._source_name
        n = int(np.prod(X.shape[1:]))
        if isinstance(source, Representation):
            rep = source
            if X.ndim != 2 or rep.dim != n:
                raise GroupRepValueError(
                    f"{where}: parameter '{name}' has dimension {rep.dim}, but X has "
                    f"samples of shape {X.shape[1:]}"
                )
            if any(np.iscomplexobj(rep.numeric(g)) for g in rep.group.generators):
                raise GroupRepValueError(
                    f"{where}: parameter '{name}' must be a real representation (real matrices) "
                    "to act on real data; use real_irreps or a permutation representation"
                )
            self.action_: Any = LinearAction(rep)
        else:
            if source is not None and not isinstance(source, SignalAction):
                raise GroupRepTypeError(
                    f"{where}: parameter '{name}' must be a Representation, a signal action or "
                    f"None, got {describe(source)}"
                )
            self.action_ = _check_action(source, X.shape[1:], where, name=name)
            rep = permutation_representation(_site_action(self.action_))
        polys, names = [], []
        for d in range(1, int(degree) + 1):
            basis = invariant_basis(rep, d)
            polys += basis
            names += [f"d{d}_{i}" for i in range(len(basis))]
        self.polynomials_ = polys
        self._names = names
        self._compiled: CompiledPolynomials = compile_polynomials(polys, sympy.symbols(f"x0:{n}"))

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:
        return self._compiled(np.asarray(X).reshape(len(X), -1))

    def _feature_names(self) -> list[str]:
        return list(self._names)

    def _action_in(self) -> Any:
        return self.action_


class OrbitSumPolynomials(InvariantPolynomials):
    """The orbit sums of monomials up to a degree for any signal action:
    :class:`InvariantPolynomials` of the permutation of the sites.

    .. math:: p_{a}(x) = \\sum_{m \\in G \\cdot x^{a}} m, \\qquad 1 \\le |a| \\le d

    Images and other multi-axis signals are read as their flattened sites
    ``x0 .. x{n-1}``. Columns ``d{degree}_{i}``; the polynomials are in ``polynomials_``.

    Parameters
    ----------
    action : SignalAction
    degree : int
        Highest degree, >= 1 (default 2).

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> from grouprep.features import OrbitSumPolynomials
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

    _source_name = "action"


def _site_action(action: SignalAction) -> Any:
    """The permutation action of the signal action's group on the sites."""
    from grouprep.actions import action_from_function

    moves, group = site_moves(action), action.group

    def move(g: Any, i: int) -> int:
        # (g.x)[j] = x[gather[j]]: site gather[j] moves to j
        return int(moves[group.index(g), i])

    return action_from_function(group, move, list(range(action.num_sites)))


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
