"""The featurizer protocol: scikit-learn conventions without importing scikit-learn (private)."""

from __future__ import annotations

import inspect
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt

from grouprep._validation import describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError, NotFittedError
from grouprep.laws import LawReport, check_equivariant, check_invariant

__all__ = ["Featurizer", "is_dask_array"]


def is_dask_array(X: Any) -> bool:
    """Whether X is a dask array (without importing dask when it is not)."""
    return type(X).__module__.startswith("dask.") and hasattr(X, "map_blocks")


class Featurizer:
    """Base class of grouprep's featurizers, following scikit-learn's conventions.

    Parameters are the keyword arguments of ``__init__``, stored unchanged as attributes
    (``get_params`` / ``set_params`` / ``clone`` work); everything learned by ``fit``
    ends with an underscore. ``transform`` accepts NumPy arrays and dask arrays chunked
    along samples (then it returns a lazy dask array). ``check(X)`` runs the law the
    featurizer promises (invariance or equivariance) on data and returns the report.
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
        from sklearn.utils import InputTags, Tags, TargetTags, TransformerTags

        return Tags(
            estimator_type=None,
            target_tags=TargetTags(required=False),
            transformer_tags=TransformerTags(preserves_dtype=["float64"]),
            input_tags=InputTags(allow_nan=False),
        )

    # ------------------------------------------------------------ validation
    def _validate(self, X: Any, *, reset: bool, where: str) -> npt.NDArray[Any]:
        if isinstance(X, str) or X is None:
            raise GroupRepTypeError(f"{where}: argument 'X' must be an array, got {describe(X)}")
        if type(X).__module__.startswith("scipy.sparse"):
            raise GroupRepTypeError(
                f"{where}: sparse input is not supported (Sparse data was passed for X, but "
                "dense data is required); convert it with X.toarray()"
            )
        arr = np.asarray(X)
        if arr.dtype == object:
            try:
                arr = arr.astype(np.float64)
            except TypeError as exc:
                raise GroupRepTypeError(
                    f"{where}: argument 'X' must hold numbers, got an object array ({exc})"
                ) from exc
            except ValueError as exc:
                raise GroupRepValueError(
                    f"{where}: argument 'X' must hold numbers, got an object array ({exc})"
                ) from exc
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
        out = self._transform(X)
        # featurizers whose output carries NaN/inf from the input check the (smaller)
        # output first and scan the input only when the output is not finite
        if (
            self._finite_from_output
            and X.dtype.kind == "f"
            and not _all_finite(out)
            and not _all_finite(X)
        ):
            raise GroupRepValueError(f"{where}: argument 'X' contains NaN or infinity")
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
        f = self._law_function()
        if self._law == "equivariant":
            return check_equivariant(f, self._action_in(), self._action_out(), arr, rtol)
        return check_invariant(f, self._action_in(), arr, rtol)

    def _law_function(self) -> Any:
        """The part of ``transform`` the law is about (all of it by default)."""
        return self.transform


def _all_finite(arr: npt.NDArray[Any]) -> bool:
    # one reduction; the exact check only when the sum is not finite (NaN, inf or overflow)
    with np.errstate(over="ignore", invalid="ignore"):
        total = arr.sum()
    return bool(np.isfinite(total)) or bool(np.isfinite(arr).all())
