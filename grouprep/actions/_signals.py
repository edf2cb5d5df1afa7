"""Actions on signals and periodic images, applied to whole batches (private).

A group acting on sites acts on functions sites -> values by

.. math:: (g \\cdot x)[i] = x[g^{-1} \\cdot i].

Each group element is compiled once into a gather index ``idx_g`` with
``(g·x).flat[..., i] == x.flat[..., idx_g[i]]``, so ``act(g, X)`` is one NumPy
fancy-indexing call for a whole batch, whatever its leading shape.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import check_int, describe
from grouprep.actions._protocol import BaseAction, check_picklable
from grouprep.errors import GroupRepTypeError, GroupRepValueError, NotFiniteError, SizeLimitError
from grouprep.groups import FiniteGroup, PermutationGroup, abelian, cyclic, dihedral

__all__ = [
    "SignalAction",
    "dihedral_action",
    "shift_action",
    "signal_action",
    "translation_action",
]


MAX_SITES = 10_000_000
"""The most sites a signal action permutes (each site permutation is an index array)."""


def _check_sites(count: int, name: str, where: str) -> None:
    if count > MAX_SITES:
        raise SizeLimitError(
            f"{where}: argument {name!r} asks for {count} sites, more than the {MAX_SITES} a "
            "signal action of grouprep permutes (each element's site permutation is an index "
            "array of that length)"
        )


def _inverse_perm(p: Sequence[int] | npt.NDArray[np.intp]) -> npt.NDArray[np.intp]:
    inv = np.empty(len(p), dtype=np.intp)
    inv[np.asarray(p, dtype=np.intp)] = np.arange(len(p), dtype=np.intp)
    return inv


class SitesOfPermutation:
    """The site permutation of an element of a permutation group whose first ``num_sites``
    points are the sites (the rest an invariant block): its first ``num_sites`` images.

    A class rather than a closure, so that it pickles and so that
    :meth:`SignalAction.gather_table` can read all elements at once.
    """

    __slots__ = ("num_sites",)

    def __init__(self, num_sites: int) -> None:
        self.num_sites = num_sites

    def __call__(self, g: tuple[int, ...]) -> npt.NDArray[np.intp]:
        return np.asarray(g[: self.num_sites], dtype=np.intp)


class SignalAction(BaseAction):
    """A group acting on signals (arrays over a fixed set of sites) by moving the sites.

    Attributes
    ----------
    group : FiniteGroup
        The acting group.
    shape : tuple of int
        The shape of one signal: ``(n,)`` for 1-D signals, ``(h, w)`` for images.
    alphabet : int or None
        With an alphabet k the action is finite: its points are all :math:`k^n` signals
        with values in ``0 .. k-1`` (as tuples, in lexicographic order). Without one,
        ``act`` still transforms any real or complex array.

    Notes
    -----
    ``act(g, X)`` accepts an array whose trailing dimensions equal ``shape`` and acts on
    every leading index at once; a tuple in gives a tuple out (points are hashable).

    Every method taking signals checks them in one place: with an alphabet k only the
    symbols ``0 .. k-1`` are accepted (ints, or floats equal to one), so a value outside
    the alphabet, NaN or infinity raises :class:`~grouprep.errors.GroupRepValueError`;
    orbits and stabilizers of real signals refuse NaN and infinities.

    The constructor ``SignalAction(group, shape, site_permutation, alphabet, name)``
    validates its arguments and checks that ``site_permutation`` gives a permutation of the
    sites for the identity (the identity permutation) and for each generator; every other
    element is checked the first time it is used.
    """

    __slots__ = ("_alphabet", "_group", "_name", "_recipe", "_shape", "_site_perm")

    def __init__(
        self,
        group: FiniteGroup[Any],
        shape: tuple[int, ...],
        site_permutation: Callable[[Any], Sequence[int] | npt.NDArray[np.intp]],
        alphabet: int | None,
        name: str,
    ) -> None:
        super().__init__()
        where = "SignalAction"
        if not isinstance(group, FiniteGroup):
            raise GroupRepTypeError(
                f"{where}: argument 'group' must be a grouprep FiniteGroup, got "
                f"{describe(group)} of type {type(group).__name__}"
            )
        if not isinstance(shape, tuple) or not shape:
            raise GroupRepTypeError(
                f"{where}: argument 'shape' must be a non-empty tuple of ints, got "
                f"{describe(shape)} of type {type(shape).__name__}"
            )
        shape = tuple(check_int(v, f"shape[{i}]", where, minimum=1) for i, v in enumerate(shape))
        _check_sites(math.prod(shape), "shape", where)
        if not callable(site_permutation):
            raise GroupRepTypeError(
                f"{where}: argument 'site_permutation' must be callable (an element to the "
                f"permutation of the sites), got {type(site_permutation).__name__}"
            )
        if not isinstance(name, str):
            raise GroupRepTypeError(
                f"{where}: argument 'name' must be a str, got {type(name).__name__}"
            )
        self._group = group
        self._shape = shape
        self._site_perm = site_permutation
        self._alphabet = _alphabet(alphabet, where)
        self._name = name
        self._recipe: tuple[Any, tuple[Any, ...]] | None = None
        # the site permutations of the identity and the generators, checked now
        if not np.array_equal(self._gather(group.identity), np.arange(self.num_sites)):
            raise GroupRepValueError(
                f"{where}: argument 'site_permutation' must send the identity of {group!r} to "
                "the identity permutation of the sites, got "
                f"{describe(self._gather(group.identity).tolist())}"
            )
        for s in group.generators:
            self._gather(s)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle by the public constructor that built the action (its arguments only).

        An action built by the class itself pickles as that call, which needs a picklable
        ``site_permutation`` (a function defined at module level).
        """
        if self._recipe is None:
            check_picklable(self._site_perm, "site_permutation", repr(self))
            return (
                SignalAction,
                (self._group, self._shape, self._site_perm, self._alphabet, self._name),
            )
        return self._recipe

    # ------------------------------------------------------------------ basics
    @property
    def group(self) -> FiniteGroup[Any]:
        return self._group

    @property
    def shape(self) -> tuple[int, ...]:
        """The shape of one signal."""
        return self._shape

    @property
    def num_sites(self) -> int:
        """The number of sites (entries of one signal)."""
        return math.prod(self._shape)

    @property
    def alphabet(self) -> int | None:
        """The number of symbols k, or None for real-valued signals."""
        return self._alphabet

    @property
    def is_finite(self) -> bool:
        return self._alphabet is not None

    @property
    def num_points(self) -> int:
        if self._alphabet is None:
            raise NotFiniteError(
                f"{self!r}.num_points: real-valued signals are not a finite set; give an alphabet"
            )
        return int(self._alphabet**self.num_sites)

    def _points(self) -> tuple[Any, ...]:
        return tuple(
            self._to_point(np.array(p).reshape(self._shape))
            for p in itertools.product(range(self._alphabet or 0), repeat=self.num_sites)
        )

    def points_array(self) -> npt.NDArray[np.intp]:
        """All :math:`k^n` signals as an array of shape ``(k**n, *shape)``, lexicographic."""
        self.points()  # validates finiteness and size
        k, n = self._alphabet or 0, self.num_sites
        codes = np.arange(k**n, dtype=np.int64)
        digits = (codes[:, None] // (k ** np.arange(n - 1, -1, -1, dtype=np.int64))) % k
        return digits.astype(np.intp).reshape((k**n, *self._shape))

    def point_index(self, x: Any) -> int:
        """The lexicographic position of a k-ary signal: its digits read in base k."""
        if self._alphabet is None:
            return super().point_index(x)
        arr = self._check_signal(x, "point_index")
        flat = arr.reshape(-1)
        if (
            arr.ndim != len(self._shape)
            or flat.dtype.kind not in "iu"
            or (flat.size and (flat.min() < 0 or flat.max() >= self._alphabet))
        ):
            raise GroupRepValueError(
                f"{self!r}.point_index: argument 'x' must be one signal with values in "
                f"0..{self._alphabet - 1}, got {describe(x)}"
            )
        value: int = 0
        for v in flat.tolist():
            value = value * self._alphabet + v
        return value

    # ---------------------------------------------------------------- acting
    def gather_index(self, g: Any) -> npt.NDArray[np.intp]:
        """The gather index of ``g``: ``(g·x).ravel() == x.ravel()[gather_index(g)]``.

        Examples
        --------
        >>> import grouprep
        >>> grouprep.shift_action(5).gather_index(2).tolist()
        [3, 4, 0, 1, 2]
        """
        g = self._group._check(g, "g", "gather_index")
        return self._gather(g)

    def _gather(self, g: Any) -> npt.NDArray[np.intp]:
        cache = self._cache.setdefault("gather", {})
        if g not in cache:
            sites = self._site_perm(g)
            try:
                perm = np.asarray(sites)
            except ValueError:
                perm = np.asarray(())
            n = self.num_sites
            if (
                perm.shape != (n,)
                or perm.dtype.kind not in "iu"
                or not np.array_equal(np.sort(perm), np.arange(n))
            ):
                raise GroupRepValueError(
                    f"SignalAction: argument 'site_permutation' must return a permutation of the "
                    f"{n} sites 0..{n - 1} (ints, each once), got {describe(sites)} for the "
                    f"element {describe(g)}"
                )
            idx = _inverse_perm(perm)  # x[g^-1 · i]
            idx.setflags(write=False)
            cache[g] = idx
        return cache[g]  # type: ignore[no-any-return]

    def gather_table(self) -> npt.NDArray[np.intp]:
        """Gather indices of every element, row ``i`` for ``group.element(i)``.

        Shape ``(order, num_sites)``; with it, ``X.reshape(m, -1)[rows, table[gidx]]``
        applies a different group element to each row.
        """
        if "table" not in self._cache:
            if isinstance(self._site_perm, SitesOfPermutation) and isinstance(
                self._group, PermutationGroup
            ):  # all at once: the inverses of the site parts of the group's permutations
                images = self._group.permutation_array()[:, : self._site_perm.num_sites]
                table = np.empty_like(images)
                rows = np.arange(len(images))[:, None]
                table[rows, images] = np.arange(images.shape[1], dtype=images.dtype)
            else:
                table = np.stack([self._gather(g) for g in self._group.elements()])
            table.setflags(write=False)
            self._cache["table"] = table
        return self._cache["table"]  # type: ignore[no-any-return]

    def _check_signal(
        self, x: Any, where: str, name: str = "x", exact: bool = False
    ) -> npt.NDArray[Any]:
        """``x`` as an array of signals of trailing shape ``shape``: the one check of input.

        With an alphabet k every entry must be one of the symbols ``0 .. k-1`` (an int, or
        a float equal to one). With ``exact`` (orbits, stabilizers: values compared for
        equality) NaN and infinities are refused as well.
        """
        try:
            arr = np.asarray(x)
        except ValueError:  # numpy refuses ragged nested sequences
            raise GroupRepValueError(
                f"{self!r}.{where}: argument {name!r} must be a rectangular array of signals of "
                f"shape {self._shape}, got a ragged sequence"
            ) from None
        if arr.dtype == object:
            raise GroupRepTypeError(
                f"{self!r}.{where}: argument {name!r} must be a numeric array, got dtype object "
                "(ragged input?)"
            )
        nd = len(self._shape)
        if arr.ndim < nd or tuple(arr.shape[arr.ndim - nd :]) != self._shape:
            raise GroupRepValueError(
                f"{self!r}.{where}: argument {name!r} must have trailing shape {self._shape}, "
                f"got an array of shape {arr.shape}"
            )
        if self._alphabet is not None:
            self._check_symbols(arr, where, name)
        elif exact and arr.dtype.kind in "fc" and not np.isfinite(arr).all():
            raise GroupRepValueError(
                f"{self!r}.{where}: argument {name!r} must hold finite values (no NaN, which is "
                f"not equal to itself, and no infinity), got {describe(x)}"
            )
        return arr

    def _check_symbols(self, arr: npt.NDArray[Any], where: str, name: str) -> None:
        k = self._alphabet or 0
        expected = f"symbols in 0..{k - 1} (alphabet={k})"
        kind = arr.dtype.kind
        if kind not in "biuf":
            raise GroupRepTypeError(
                f"{self!r}.{where}: argument {name!r} must hold {expected}, got dtype {arr.dtype}"
            )
        if not arr.size:
            return
        if kind == "f":
            bad = ~np.isfinite(arr)
            if not bad.any():
                bad = arr != np.floor(arr)
            if bad.any():
                value = arr[bad].flat[0].item()
                raise GroupRepValueError(
                    f"{self!r}.{where}: argument {name!r} must hold {expected}, found {value!r}"
                )
        low, high = arr.min(), arr.max()
        if low < 0 or high >= k:
            value = low if low < 0 else high
            raise GroupRepValueError(
                f"{self!r}.{where}: argument {name!r} must hold {expected}, found {value.item()!r}"
            )

    def act(self, g: Any, x: Any) -> Any:
        """Move a signal, or a batch of signals, by ``g``.

        .. math:: (g \\cdot x)[i] = x[g^{-1} \\cdot i]

        Parameters
        ----------
        g : element of the group
        x : array_like of shape ``(..., *shape)``, or a tuple (one point)

        Returns
        -------
        numpy.ndarray of the same shape, or a tuple when ``x`` is a tuple.
        """
        g = self._group._check(g, "g", "act")
        arr = self._check_signal(x, "act")
        lead = arr.shape[: arr.ndim - len(self._shape)]
        flat = arr.reshape((*lead, self.num_sites))
        out = np.take(flat, self._gather(g), axis=-1).reshape(arr.shape)  # faster than [..., idx]
        return self._to_point(out) if isinstance(x, tuple) else out

    def act_each(self, gs: Sequence[Any], X: npt.ArrayLike) -> npt.NDArray[Any]:
        """Apply ``gs[j]`` to the signal ``X[j]``, for a batch of shape ``(m, *shape)``."""
        arr = self._check_signal(X, "act_each")
        if arr.ndim != len(self._shape) + 1 or len(gs) != arr.shape[0]:
            raise GroupRepValueError(
                f"{self!r}.act_each: arguments 'gs' and 'X' must pair one element with one "
                f"signal; got {len(gs)} elements and X of shape {arr.shape}"
            )
        idx = (
            np.stack(
                [
                    self._gather(self._group._check(g, f"gs[{j}]", "act_each"))
                    for j, g in enumerate(gs)
                ]
            )
            if len(gs)
            else np.zeros((0, self.num_sites), dtype=np.intp)
        )
        flat = arr.reshape(arr.shape[0], self.num_sites)
        return np.take_along_axis(flat, idx, axis=1).reshape(arr.shape)

    def _to_point(self, arr: npt.NDArray[Any]) -> Any:
        def conv(a: Any) -> Any:
            return tuple(conv(v) for v in a) if isinstance(a, list) else a

        return conv(arr.tolist())

    def _key(self) -> tuple[Any, ...]:
        if self._recipe is not None:  # the constructor call, e.g. (shift_action, (8, 2))
            return (self._recipe[0].__name__, self._recipe[1])
        return (self._name, self._group, self._shape, self._alphabet)

    def __repr__(self) -> str:
        return self._name


def _alphabet(alphabet: int | None, where: str) -> int | None:
    return None if alphabet is None else check_int(alphabet, "alphabet", where, minimum=1)


def _fmt(name: str, arg: str, alphabet: int | None) -> str:
    return f"{name}({arg})" if alphabet is None else f"{name}({arg}, alphabet={alphabet})"


def shift_action(n: int, alphabet: int | None = None) -> SignalAction:
    """The cyclic group :math:`\\mathbb{Z}_n` translating length-n periodic signals.

    .. math:: (g \\cdot x)[m] = x[(m - g) \\bmod n],

    that is ``numpy.roll(x, g)``.

    This is the seed's translation with periodic boundary; on bit strings
    (``alphabet=2``) its orbits are the binary necklaces.

    Parameters
    ----------
    n : int
        Signal length, ``n >= 1``.
    alphabet : int, optional
        Number of symbols k; makes the action finite on the :math:`k^n` strings.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> a = grouprep.shift_action(4)
    >>> X = np.array([[1., 2., 3., 4.], [0., 0., 1., 0.]])
    >>> a.act(1, X)
    array([[4., 1., 2., 3.],
           [0., 0., 0., 1.]])
    >>> bool(np.array_equal(a.act(1, X), np.roll(X, 1, axis=-1)))
    True
    """
    n = check_int(n, "n", "shift_action", minimum=1)
    _check_sites(n, "n", "shift_action")
    alphabet = _alphabet(alphabet, "shift_action")
    G = cyclic(n)
    sites = np.arange(n, dtype=np.intp)

    def rotate(g: int) -> npt.NDArray[np.intp]:  # i -> i + g
        return (sites + g) % n

    action = SignalAction(G, (n,), rotate, alphabet, _fmt("shift_action", str(n), alphabet))
    action._recipe = (shift_action, (n, alphabet))
    return action


def dihedral_action(n: int, alphabet: int | None = None) -> SignalAction:
    """The dihedral group :math:`D_n` rotating and reflecting length-n periodic signals.

    .. math:: ((r, s) \\cdot x)[m] = x[(-1)^s (m - r) \\bmod n].

    On bit strings its orbits are the bracelets (turnover necklaces).

    Examples
    --------
    >>> import grouprep
    >>> a = grouprep.dihedral_action(4)
    >>> a.act((0, 1), (1, 2, 3, 4)), a.act((1, 0), (1, 2, 3, 4))
    ((1, 4, 3, 2), (4, 1, 2, 3))
    """
    n = check_int(n, "n", "dihedral_action", minimum=1)
    _check_sites(n, "n", "dihedral_action")
    alphabet = _alphabet(alphabet, "dihedral_action")
    G = dihedral(n)
    sites = np.arange(n, dtype=np.intp)

    def move(g: tuple[int, int]) -> npt.NDArray[np.intp]:  # i -> r + (-1)^s i
        r, s = g
        return (r - sites if s else r + sites) % n

    action = SignalAction(G, (n,), move, alphabet, _fmt("dihedral_action", str(n), alphabet))
    action._recipe = (dihedral_action, (n, alphabet))
    return action


def translation_action(shape: tuple[int, int], alphabet: int | None = None) -> SignalAction:
    """:math:`\\mathbb{Z}_h \\times \\mathbb{Z}_w` translating periodic ``h x w`` images.

    .. math:: ((a, b) \\cdot x)[i, j] = x[(i - a) \\bmod h, (j - b) \\bmod w],

    that is ``numpy.roll(x, (a, b), axis=(-2, -1))``: the seed's idealized images.

    Examples
    --------
    >>> import numpy as np, grouprep
    >>> a = grouprep.translation_action((2, 3))
    >>> X = np.arange(6).reshape(2, 3)
    >>> a.act((1, 1), X)
    array([[5, 3, 4],
           [2, 0, 1]])
    """
    if not isinstance(shape, tuple | list) or len(shape) != 2:
        raise GroupRepValueError(
            f"translation_action: argument 'shape' must be a pair (h, w), got {describe(shape)}"
        )
    h = check_int(shape[0], "shape[0]", "translation_action", minimum=1)
    w = check_int(shape[1], "shape[1]", "translation_action", minimum=1)
    _check_sites(h * w, "shape", "translation_action")
    alphabet = _alphabet(alphabet, "translation_action")
    G = abelian(h, w)

    rows, cols = np.divmod(np.arange(h * w, dtype=np.intp), w)

    def sites(g: tuple[int, int]) -> npt.NDArray[np.intp]:  # (i, j) -> (i + a, j + b)
        a, b = g
        out: npt.NDArray[np.intp] = ((rows + a) % h) * w + (cols + b) % w
        return out

    action = SignalAction(
        G, (h, w), sites, alphabet, _fmt("translation_action", f"({h}, {w})", alphabet)
    )
    action._recipe = (translation_action, ((h, w), alphabet))
    return action


def signal_action(site_action: Any, alphabet: int | None = None) -> SignalAction:
    """Lift an action on sites to functions from sites to symbols.

    .. math:: (g \\cdot x)[i] = x[g^{-1} \\cdot i]

    Parameters
    ----------
    site_action : FiniteAction
        A finite action (for example :func:`permutation_action`); its points are the sites,
        in the order of ``site_action.points()``.
    alphabet : int, optional
        Number of symbols k. With it, ``points()`` lists all :math:`k^n` signals.

    Examples
    --------
    >>> import grouprep
    >>> sites = grouprep.permutation_action(grouprep.symmetric(3))
    >>> a = grouprep.signal_action(sites, alphabet=2)
    >>> a.num_points, a.act((1, 2, 0), (1, 0, 0))
    (8, (0, 1, 0))
    """
    if not isinstance(site_action, BaseAction) or not site_action.is_finite:
        raise GroupRepTypeError(
            "signal_action: argument 'site_action' must be a finite grouprep action "
            f"(e.g. permutation_action(G)), got {describe(site_action)}"
        )
    alphabet = _alphabet(alphabet, "signal_action")
    pts = site_action.points()

    def sites(g: Any) -> tuple[int, ...]:
        return tuple(site_action.point_index(site_action.act(g, p)) for p in pts)

    action = SignalAction(
        site_action.group,
        (len(pts),),
        sites,
        alphabet,
        _fmt("signal_action", repr(site_action), alphabet),
    )
    action._recipe = (signal_action, (site_action, alphabet))
    return action
