"""The featurizer protocol: scikit-learn estimators (private)."""

from __future__ import annotations

import inspect
import numbers
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt
from sklearn.base import BaseEstimator, TransformerMixin

from grouprep._validation import describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError, NotFittedError
from grouprep.laws import LawReport, check_equivariant, check_invariant

__all__ = ["Featurizer", "is_dask_array"]


def is_dask_array(X: Any) -> bool:
    """Whether X is a dask array (without importing dask when it is not)."""
    return type(X).__module__.startswith("dask.") and hasattr(X, "map_blocks")


class Featurizer(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Base class of grouprep's featurizers: scikit-learn transformers.

    Every featurizer inherits :class:`sklearn.base.BaseEstimator` and
    :class:`sklearn.base.TransformerMixin` (``set_output``, the HTML repr, tags, ``clone``
    and pickling work). Parameters are the keyword arguments of ``__init__``, stored
    unchanged as attributes; everything learned by ``fit`` ends with an underscore.
    ``transform`` accepts NumPy arrays and dask arrays chunked along samples (then it
    returns a lazy dask array). ``check(X)`` runs the law the featurizer promises
    (invariance or equivariance) on data and returns the report.

    Input is refused with a clear error, never coerced: ragged nested lists, text, None
    (missing values), complex numbers, NaN or infinity, and, for an action over an alphabet
    of k symbols, values outside ``0..k-1``. The output is checked too: features that
    overflow float64 (finite X whose scale is too large, e.g. :math:`|x| \\approx 10^{150}` for
    degree-3 features) raise :class:`~grouprep.GroupRepValueError`; nothing returns inf
    silently.
    """

    _law: ClassVar[str] = "invariant"
    _integer_input: ClassVar[bool] = False
    _allow_images: ClassVar[bool] = False
    _finite_from_output: ClassVar[bool] = False  # NaN/inf in X show in the output

    # ------------------------------------------------------------ parameters
    @classmethod
    def _param_names(cls) -> list[str]:
        sig = inspect.signature(cls.__init__)
        return [p for p in sig.parameters if p != "self"]

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor parameters, by name."""
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self, **params: Any) -> Featurizer:
        """Set constructor parameters; unknown names raise an error."""
        valid = self._param_names()
        for name, value in params.items():
            if name not in valid:
                raise GroupRepValueError(
                    f"{type(self).__name__}.set_params: unknown parameter {name!r}; "
                    f"valid parameters are {valid}"
                )
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        defaults = {
            name: p.default
            for name, p in inspect.signature(type(self).__init__).parameters.items()
        }
        parts = []
        for name, value in self.get_params().items():
            default = defaults.get(name, inspect.Parameter.empty)
            same = value is default or (
                isinstance(value, int | float | str | bool | type(None)) and value == default
            )
            if not same:
                parts.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def __sklearn_is_fitted__(self) -> bool:
        return hasattr(self, "n_features_in_")

    def __sklearn_tags__(self) -> Any:  # called by scikit-learn only
        tags = super().__sklearn_tags__()
        tags.target_tags.required = False
        tags.transformer_tags.preserves_dtype = ["float64"]
        tags.input_tags.allow_nan = False
        return tags

    # ------------------------------------------------------------ validation
    def _validate(self, X: Any, *, reset: bool, where: str) -> npt.NDArray[Any]:
        if isinstance(X, str) or X is None:
            raise GroupRepTypeError(f"{where}: argument 'X' must be an array, got {describe(X)}")
        if type(X).__module__.startswith("scipy.sparse"):
            raise GroupRepTypeError(
                f"{where}: sparse input is not supported (Sparse data was passed for X, but "
                "dense data is required); convert it with X.toarray()"
            )
        try:
            arr = np.asarray(X)
        except ValueError as exc:
            raise GroupRepValueError(
                f"{where}: argument 'X' must be a rectangular array (every row of the same "
                f"length), got a ragged nested sequence ({exc})"
            ) from exc
        if arr.dtype == object:
            arr = _object_to_float(arr, where)
        if arr.dtype.kind == "c":
            raise GroupRepValueError(
                f"{where}: argument 'X' must be real: Complex data not supported"
            )
        if arr.dtype.kind not in "biuf":
            raise GroupRepValueError(
                f"{where}: argument 'X' must hold numbers, got dtype {arr.dtype}"
            )
        if arr.ndim != 2 and not (arr.ndim == 3 and self._allow_images):
            images = " or 3D (n_samples, h, w)" if self._allow_images else ""
            raise GroupRepValueError(
                f"{where}: expected a 2D array of shape (n_samples, n_features){images}, got "
                f"{arr.ndim}D array instead. Reshape your data with X.reshape(-1, 1) for a "
                "single feature or X.reshape(1, -1) for a single sample"
            )
        if arr.shape[0] == 0:
            raise GroupRepValueError(
                f"{where}: argument 'X' has 0 sample(s) (shape={arr.shape}) while a minimum "
                "of 1 is required."
            )
        if 0 in arr.shape[1:]:
            raise GroupRepValueError(
                f"{where}: argument 'X' has 0 feature(s) (shape={arr.shape}) while a minimum "
                "of 1 is required."
            )
        if (
            arr.dtype.kind == "f"
            and not self._integer_input
            and not (self._finite_from_output and not reset)
            and not _all_finite(arr)
        ):
            raise GroupRepValueError(f"{where}: argument 'X' contains NaN or infinity")
        if self._integer_input:
            arr = self._check_symbols(arr, where)
        if reset:
            self.n_features_in_ = arr.shape[1]
            self.input_shape_ = tuple(arr.shape[1:])
        else:
            self._check_alphabet(arr, where)
            n = self.n_features_in_
            if arr.shape[1] != n:
                raise GroupRepValueError(
                    f"X has {arr.shape[1]} features, but {type(self).__name__} is expecting "
                    f"{n} features as input"
                )
            if tuple(arr.shape[1:]) != self.input_shape_:
                raise GroupRepValueError(
                    f"{where}: argument 'X' has samples of shape {tuple(arr.shape[1:])}, but "
                    f"{type(self).__name__} was fitted on samples of shape {self.input_shape_}"
                )
        return arr

    def _check_symbols(self, arr: npt.NDArray[Any], where: str) -> npt.NDArray[Any]:
        if arr.dtype.kind == "f":
            if not _all_finite(arr):
                raise GroupRepValueError(f"{where}: argument 'X' contains NaN or infinity")
            if not np.array_equal(arr, np.round(arr)):
                raise GroupRepValueError(
                    f"{where}: argument 'X' must hold integer symbols 0..k-1 (an alphabet); "
                    "got non-integer values"
                )
            arr = arr.astype(np.int64)
        return arr

    def _check_alphabet(self, arr: npt.NDArray[Any], where: str) -> None:
        """Refuse values outside ``0..k-1`` when the featurizer's action has an alphabet of
        k symbols (the one point where every featurizer checks its symbols)."""
        k = getattr(getattr(self, "action_", None), "alphabet", None)
        if k is None or not arr.size:
            return
        if arr.dtype.kind == "f" and not np.array_equal(arr, np.round(arr)):
            raise GroupRepValueError(
                f"{where}: argument 'X' must hold integer symbols 0..{k - 1} (the alphabet "
                "of the action); got non-integer values"
            )
        lo, hi = arr.min(), arr.max()
        if lo < 0 or hi > k - 1:
            raise GroupRepValueError(
                f"{where}: argument 'X' must hold symbols 0..{k - 1} (the alphabet of the "
                f"action), got values from {lo} to {hi}"
            )

    def _require_fitted(self, where: str) -> None:
        if not hasattr(self, "n_features_in_"):
            raise NotFittedError(
                f"{where}: this {type(self).__name__} is not fitted yet; call fit first"
            )

    # ------------------------------------------------------------ API
    def fit(self, X: Any, y: Any = None) -> Featurizer:
        """Validate X and learn its width (and whatever the featurizer needs).

        Returns
        -------
        self
        """
        where = f"{type(self).__name__}.fit"
        arr = self._validate(X, reset=True, where=where)
        self._fit(arr, where)
        self._check_alphabet(arr, where)
        return self

    def _fit(self, X: npt.NDArray[Any], where: str) -> None:
        pass

    def transform(self, X: Any) -> Any:
        """The features of each row of X (a NumPy array, or a lazy dask array)."""
        where = f"{type(self).__name__}.transform"
        self._require_fitted(where)
        if is_dask_array(X):
            return self._transform_dask(X, where)
        return self._checked_transform(self._validate(X, reset=False, where=where), where)

    def _checked_transform(self, X: npt.NDArray[Any], where: str) -> npt.NDArray[Any]:
        with np.errstate(over="ignore", invalid="ignore"):  # refused below, not warned
            out = self._transform(X)
        # one reduction over the output; featurizers whose output carries NaN/inf from the
        # input skipped the input scan, so the input is scanned only when the output is
        # not finite
        if out.dtype.kind in "fc" and not _all_finite(out):
            if X.dtype.kind == "f" and not _all_finite(X):
                raise GroupRepValueError(f"{where}: argument 'X' contains NaN or infinity")
            raise _overflow(type(self).__name__, X, where)
        return out

    def _transform(self, X: npt.NDArray[Any]) -> npt.NDArray[Any]:  # pragma: no cover
        raise NotImplementedError

    def _transform_block(self, block: npt.NDArray[Any]) -> npt.NDArray[Any]:
        where = f"{type(self).__name__}.transform"
        return self._checked_transform(self._validate(block, reset=False, where=where), where)

    def _transform_dask(self, X: Any, where: str) -> Any:
        if tuple(X.shape[1:]) != self.input_shape_:
            if X.ndim == 2 and len(self.input_shape_) == 1:
                raise GroupRepValueError(
                    f"X has {X.shape[1]} features, but {type(self).__name__} is expecting "
                    f"{self.n_features_in_} features as input"
                )
            raise GroupRepValueError(
                f"{where}: the dask array has samples of shape {tuple(X.shape[1:])}, but "
                f"{type(self).__name__} was fitted on samples of shape {self.input_shape_}"
            )
        X = X.rechunk(dict.fromkeys(range(1, X.ndim), -1))
        probe = self._transform_block(np.zeros((1, *X.shape[1:]), dtype=X.dtype))
        extra = {"drop_axis": list(range(2, X.ndim))} if X.ndim > 2 else {}
        return X.map_blocks(
            self._transform_block,
            dtype=probe.dtype,
            chunks=(X.chunks[0], (probe.shape[1],)),
            **extra,
        )

    def fit_transform(self, X: Any, y: Any = None) -> Any:
        """``fit(X).transform(X)``."""
        return self.fit(X, y).transform(X)

    def get_feature_names_out(self, input_features: Any = None) -> npt.NDArray[np.object_]:
        """The names of the output columns, documented per featurizer."""
        self._require_fitted(f"{type(self).__name__}.get_feature_names_out")
        return np.asarray(self._feature_names(), dtype=object)

    def _feature_names(self) -> list[str]:  # pragma: no cover
        raise NotImplementedError

    # ------------------------------------------------------------ laws
    def _action_in(self) -> Any:  # pragma: no cover
        raise NotImplementedError

    def _action_out(self) -> Any:  # pragma: no cover
        raise NotImplementedError

    def check(self, X: Any, rtol: float = 1e-9) -> LawReport:
        """Run the law this featurizer promises on the samples X.

        Invariance :math:`f(g \\cdot x) = f(x)` for invariant featurizers, equivariance
        :math:`f(g \\cdot x) = g \\cdot f(x)` for equivariant ones; see
        :func:`grouprep.check_invariant` and :func:`grouprep.check_equivariant`.
        """
        where = f"{type(self).__name__}.check"
        self._require_fitted(where)
        arr = self._validate(X, reset=False, where=where)
        self._checked_transform(arr, where)  # features that overflow are refused here
        law_function = self._law_function()
        name = type(self).__name__

        def f(samples: Any) -> Any:
            # the law is only checked on finite features: inf - inf would pass or fail
            # for the wrong reason
            out = law_function(samples)
            values = np.asarray(out)
            if values.dtype.kind in "fc" and not _all_finite(values):
                raise _overflow(name, np.asarray(samples), where)
            return out

        if self._law == "equivariant":
            return check_equivariant(f, self._action_in(), self._action_out(), arr, rtol)
        return check_invariant(f, self._action_in(), arr, rtol)

    def _law_function(self) -> Any:
        """The part of ``transform`` the law is about (all of it by default)."""
        return self.transform


def _overflow(name: str, X: npt.NDArray[Any], where: str) -> GroupRepValueError:
    """The error for features that are not finite although X is."""
    with np.errstate(all="ignore"):
        scale = float(np.abs(X).max()) if X.size and X.dtype.kind in "biuf" else float("nan")
    return GroupRepValueError(
        f"{where}: the features of {name} overflowed float64 (inf or NaN) although X is "
        f"finite: the scale of X (largest |x| = {scale:.3g}) is too large for these "
        "features; rescale X (for example divide it by its largest absolute value)"
    )


def _object_to_float(arr: npt.NDArray[Any], where: str) -> npt.NDArray[Any]:
    """An object array of real numbers as float64; None, text, complex numbers and other
    objects are refused (NumPy would read None as NaN and parse strings)."""
    for kind in {type(v) for v in arr.flat}:
        if issubclass(kind, bool | np.bool_ | numbers.Real) or (
            issubclass(kind, numbers.Number) and not issubclass(kind, numbers.Complex)
        ):
            continue  # Decimal is a Number but not Complex
        index = next(i for i, v in np.ndenumerate(arr) if type(v) is kind)
        value = arr[index]
        if value is None:
            raise GroupRepValueError(
                f"{where}: argument 'X' holds None (a missing value) at index {index}; "
                "featurizers take numbers only and do not impute missing values"
            )
        if isinstance(value, complex | np.complexfloating):
            raise GroupRepValueError(
                f"{where}: argument 'X' must be real: Complex data not supported (the "
                f"complex {describe(value)} at index {index})"
            )
        raise GroupRepTypeError(
            f"{where}: argument 'X' must hold real numbers, got {describe(value)} of type "
            f"{kind.__name__} at index {index} (a float() argument must be a real number: "
            "a string is never parsed as a number)"
        )
    return arr.astype(np.float64)


def _all_finite(arr: npt.NDArray[Any]) -> bool:
    # one reduction; the exact check only when the sum is not finite (NaN, inf or overflow)
    with np.errstate(over="ignore", invalid="ignore"):
        total = arr.sum()
    return bool(np.isfinite(total)) or bool(np.isfinite(arr).all())
