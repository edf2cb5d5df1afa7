"""Representations of finite groups with exact matrices (private)."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import check_int, describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError, SizeLimitError
from grouprep.groups import FiniteGroup
from grouprep.numbers import Cyclotomic, as_cyclotomic

__all__ = [
    "CHARACTER_RULES",
    "MAX_DIM",
    "WORDS_BUDGET",
    "ExactMatrix",
    "Representation",
    "check_dim",
    "first_violation",
    "identity_matrix",
    "mat_mul",
]

_CHECK_BUDGET = 20_000

MAX_DIM = 5040
"""The largest dimension of a representation with exact matrices.

A matrix of dimension d holds :math:`d^2` exact entries (about 200 MB at d = 5040, the
regular representation of :math:`S_7`); larger ones are refused with
:class:`~grouprep.errors.SizeLimitError` before anything is allocated.
"""


WORDS_BUDGET = 2 * 10**7
"""The most exact entries (:math:`|G| d^2`) the word search of a representation without a
closed form keeps (every matrix it meets); beyond it ``exact`` multiplies along a stabilizer
chain of the group's natural action instead, one product per base point."""


CHARACTER_RULES: dict[Callable[..., ExactMatrix], Callable[..., Cyclotomic]] = {}
"""Characters of constructions from the characters of their parts, keyed by the function of
a closed form ``functools.partial(f, *args)``: ``CHARACTER_RULES[f](*args, g)`` is
:math:`\\operatorname{tr} f(*args, g)` (the sum for direct sums, the product for tensor
products, the conjugate for duals), so that no exact matrix is formed for it."""


def check_dim(dim: int, where: str, what: str) -> int:
    """Return ``dim`` if exact matrices of that dimension are within :data:`MAX_DIM`.

    ``what`` says, in the caller's terms, where the dimension comes from (for example
    "argument 'group' of order 40320"); the message gives the dimension and the limit.
    """
    if dim > MAX_DIM:
        raise SizeLimitError(
            f"{where}: {what} gives exact matrices of dimension {dim}, beyond the limit "
            f"{MAX_DIM} (dim <= {MAX_DIM}, {MAX_DIM**2:,} entries per matrix)"
        )
    return dim


ExactMatrix = tuple[tuple[Cyclotomic, ...], ...]
"""A square matrix of exact cyclotomic numbers, as a tuple of rows."""

_ZERO = Cyclotomic(0)
_ONE = Cyclotomic(1)


def identity_matrix(d: int) -> ExactMatrix:
    return tuple(tuple(_ONE if i == j else _ZERO for j in range(d)) for i in range(d))


def mat_mul(a: ExactMatrix, b: ExactMatrix) -> ExactMatrix:
    """Exact product of two square matrices, skipping zero entries.

    From size 8 on, the product is formed on integer coordinates in one cyclotomic field:
    :math:`C(\\zeta) = \\sum_{u, v} (A_u B_v)\\, \\zeta^{u+v}` with NumPy integer matrix
    products per pair of powers, then one reduction modulo :math:`\\Phi_N` per entry.
    """
    if len(a) >= 8:
        fast = _mat_mul_coordinates(a, b)
        if fast is not None:
            return fast
    d = len(a)
    cols = list(zip(*b, strict=True)) if d else []
    out = []
    for row in a:
        nz = [(k, v) for k, v in enumerate(row) if v]
        entries = []
        for col in cols:
            total = _ZERO
            for k, v in nz:
                c = col[k]
                if c:
                    total = total + v * c
            entries.append(total)
        out.append(tuple(entries))
    return tuple(out)


def _coordinates(m: ExactMatrix, n: int) -> tuple[npt.NDArray[np.int64], int] | None:
    """Integer coordinates (rows, cols, phi(n)) of a matrix over one common denominator."""
    from grouprep.numbers._cyclotomic import _lift

    den = 1
    for row in m:
        for v in row:
            den = den * v._den // math.gcd(den, v._den)
    phi = len(_lift(Cyclotomic(1), n))
    out = np.zeros((len(m), len(m), phi), dtype=np.int64)
    for i, row in enumerate(m):
        for j, v in enumerate(row):
            if v:
                coords = _lift(v, n)
                scale = den // v._den
                if max(abs(c) for c in coords) * scale >= 2**20:
                    return None
                out[i, j] = [c * scale for c in coords]
    return out, den


def _mat_mul_coordinates(a: ExactMatrix, b: ExactMatrix) -> ExactMatrix | None:
    from grouprep.numbers._cyclotomic import _cyclotomic_poly

    n = 1
    for m in (a, b):
        for row in m:
            for v in row:
                n = n * v._n // math.gcd(n, v._n)
    ca, cb = _coordinates(a, n), _coordinates(b, n)
    if ca is None or cb is None:
        return None
    (A, da), (B, db) = ca, cb
    d, phi = A.shape[0], A.shape[2]
    C = np.zeros((d, d, 2 * phi - 1), dtype=np.int64)
    bound = int(np.abs(A).max(initial=0)) * int(np.abs(B).max(initial=0)) * d * phi
    exact_in_float = bound < 2**52  # every partial sum is an integer float64 holds exactly
    B_all = B.reshape(d, d * phi)
    B_float = B_all.astype(np.float64) if exact_in_float else None
    for u in range(phi):
        Au = A[:, :, u]
        if not Au.any():
            continue
        if B_float is not None:  # BLAS: one (d x d) @ (d x d*phi) product per power u
            prod = np.rint(Au.astype(np.float64) @ B_float).astype(np.int64)
        else:
            prod = Au @ B_all
        C[:, :, u : u + phi] += prod.reshape(d, d, phi)
    cyc = _cyclotomic_poly(n)
    deg = len(cyc) - 1
    for top in range(2 * phi - 2, deg - 1, -1):  # x^deg = -(lower terms of Phi_n)
        lead = C[:, :, top].copy()
        if lead.any():
            for j in range(deg):
                if cyc[j]:
                    C[:, :, top - deg + j] -= lead * cyc[j]
    den = da * db
    return tuple(
        tuple(Cyclotomic._make(n, C[i, j, :deg].tolist(), den) for j in range(d)) for i in range(d)
    )


def _as_matrix(m: Any, dim: int | None, where: str) -> ExactMatrix:
    shape = getattr(m, "shape", None)
    if isinstance(shape, tuple) and shape and isinstance(shape[0], int):
        check_dim(shape[0], where, f"a matrix of shape {shape}")  # before listing it
    try:
        rows = [list(r) for r in (m.tolist() if hasattr(m, "tolist") else m)]
    except TypeError:
        raise GroupRepTypeError(
            f"{where}: a matrix must be a square nested sequence, got {describe(m)}"
        ) from None
    d = len(rows)
    if any(len(r) != d for r in rows) or (dim is not None and d != dim):
        raise GroupRepValueError(
            f"{where}: matrices must be square of size {dim if dim is not None else d}, "
            f"got shape {(d, len(rows[0]) if rows else 0)}"
        )
    check_dim(d, where, f"a matrix of size {d}")
    return tuple(tuple(as_cyclotomic(_exact_entry(v, where)) for v in r) for r in rows)


def _exact_entry(v: Any, where: str) -> Any:
    if isinstance(v, Cyclotomic | Fraction) or (
        isinstance(v, int | np.integer) and not isinstance(v, bool)
    ):
        return Fraction(int(v)) if isinstance(v, np.integer) else v
    try:
        import sympy

        if isinstance(v, sympy.Rational):
            return Fraction(int(v.p), int(v.q))
    except ImportError:  # pragma: no cover
        pass
    raise GroupRepTypeError(
        f"{where}: matrix entries must be exact (int, Fraction, Cyclotomic), got "
        f"{describe(v)} of type {type(v).__name__}"
    )


class Representation:
    """A representation :math:`\\rho : G \\to GL_d(\\mathbb{Q}(\\zeta))` with exact matrices.

    It is given by the images of the group's generators (or by a closed form for every
    element); the matrix of any element is the product along a word in the generators,
    computed once and cached. Values are immutable; two are equal when they are of the
    same group with the same generator images (the name is a label only). They pickle
    (also with joblib) as their group, generator images or closed form, name and
    dimension, never their caches; ``copy.copy`` and ``copy.deepcopy`` return the value
    itself. A ``closed_form`` given by the user pickles if it is picklable (a module-level
    function or a ``functools.partial`` of one).

    Parameters
    ----------
    group : FiniteGroup
    generator_images : sequence of matrices
        One square matrix per element of ``group.generators``, with exact entries.
    name : str, optional
        A label used in ``repr``.
    closed_form : callable, optional
        ``closed_form(g)`` returns the matrix of any element directly (used instead of
        products along words).
    dim : int, optional
        The dimension; required when the group has no generators.
    check : bool, optional
        Verify the homomorphism law :math:`\\rho(s g) = \\rho(s)\\rho(g)` exactly on
        construction (default True, for groups with up to 20,000 generator-element pairs);
        matrices that break it raise instead of giving wrong characters later.
        :func:`grouprep.laws.check_homomorphism` reports on any representation.

    Raises
    ------
    SizeLimitError
        If the dimension exceeds :data:`MAX_DIM` (5040), before any matrix is built.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import Representation
    >>> rho = Representation(grouprep.cyclic(2), [[[0, 1], [1, 0]]], name="swap")
    >>> rho.dim, rho.character(1), rho.numeric(1).tolist()
    (2, 0, [[0.0, 1.0], [1.0, 0.0]])
    """

    __slots__ = ("_cache", "_closed", "_images_", "_perm", "dim", "group", "name")
    group: FiniteGroup[Any]
    dim: int
    name: str | None
    _images_: dict[Any, ExactMatrix] | None
    _closed: Callable[[Any], ExactMatrix] | None
    _perm: Callable[[Any], tuple[int, ...]] | None
    _cache: dict[Any, Any]

    def __init__(
        self,
        group: FiniteGroup[Any],
        generator_images: Sequence[Any],
        name: str | None = None,
        *,
        closed_form: Callable[[Any], ExactMatrix] | None = None,
        dim: int | None = None,
        check: bool = True,
    ) -> None:
        if not isinstance(group, FiniteGroup):
            raise GroupRepTypeError(
                f"Representation: argument 'group' must be a grouprep FiniteGroup, "
                f"got {describe(group)}"
            )
        if dim is not None:
            dim = check_int(dim, "dim", "Representation", minimum=0)
            check_dim(dim, "Representation", f"argument 'dim' = {dim}")
        images = list(generator_images)
        if len(images) != len(group.generators):
            raise GroupRepValueError(
                f"Representation: argument 'generator_images' must give one matrix per "
                f"generator ({len(group.generators)}), got {len(images)}"
            )
        mats = tuple(_as_matrix(m, dim, "Representation") for m in images)
        if dim is None:
            if not mats:
                raise GroupRepValueError(
                    "Representation: argument 'dim' is required for a group without generators"
                )
            dim = len(mats[0])
        for i, m in enumerate(mats):
            if len(m) != dim:
                raise GroupRepValueError(
                    f"Representation: generator_images[{i}] has size {len(m)}, expected {dim}"
                )
        object.__setattr__(self, "group", group)
        object.__setattr__(self, "dim", dim)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "_images_", dict(zip(group.generators, mats, strict=True)))
        object.__setattr__(self, "_closed", closed_form)
        object.__setattr__(self, "_perm", None)
        object.__setattr__(self, "_cache", {})
        if check and group.order * max(1, len(group.generators)) <= _CHECK_BUDGET:
            bad = first_violation(self, group.elements())
            if bad is not None:
                raise GroupRepValueError(
                    "Representation: the generator images break the homomorphism law "
                    f"rho(s g) = rho(s) rho(g) at s = {bad[0]!r}, g = {bad[1]!r}"
                )

    @classmethod
    def from_closed_form(
        cls,
        group: FiniteGroup[Any],
        closed_form: Callable[[Any], ExactMatrix],
        dim: int,
        name: str | None = None,
    ) -> Representation:
        """A representation given by a formula for every element, trusted to be lawful.

        Used by grouprep's own constructions, which are homomorphisms by construction;
        :func:`grouprep.laws.check_homomorphism` checks one exactly.

        Examples
        --------
        >>> import grouprep
        >>> from grouprep.numbers import root_of_unity
        >>> from grouprep.reps import Representation
        >>> chi = Representation.from_closed_form(
        ...     grouprep.cyclic(6), lambda g: ((root_of_unity(6, g),),), dim=1
        ... )
        >>> chi.character(3)
        -1
        """
        dim = check_int(dim, "dim", "Representation.from_closed_form", minimum=0)
        check_dim(dim, "Representation.from_closed_form", f"argument 'dim' = {dim}")
        images = [closed_form(s) for s in group.generators]
        return cls(group, images, name, closed_form=closed_form, dim=dim, check=False)

    @classmethod
    def _from_permutations(
        cls,
        group: FiniteGroup[Any],
        permutation_of: Callable[[Any], tuple[int, ...]],
        dim: int,
        name: str | None = None,
    ) -> Representation:
        """A permutation representation, :math:`\\rho(g) e_i = e_{p_g(i)}` with
        ``p_g = permutation_of(g)`` a tuple of the images of 0 .. dim-1, trusted to be a
        homomorphism (grouprep's own constructions).

        Characters (fixed points) and float matrices come from the permutations
        directly; exact matrices (:math:`d^2` entries each) are built only when asked
        for, so that large permutation representations (the regular representation of
        :math:`S_7`, dimension 5040) cost :math:`O(d)` per element.
        """
        self = cls.__new__(cls)
        object.__setattr__(self, "group", group)
        object.__setattr__(self, "dim", dim)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "_images_", None)
        closed = functools.partial(_matrix_of_permutation, permutation_of)
        object.__setattr__(self, "_closed", closed)
        object.__setattr__(self, "_perm", permutation_of)
        object.__setattr__(self, "_cache", {})
        return self

    @property
    def _gen_images(self) -> dict[Any, ExactMatrix]:
        """The exact matrices of the generators (built on first use for a permutation
        representation)."""
        if self._images_ is None:
            images = {s: self._exact(s) for s in self.group.generators}
            object.__setattr__(self, "_images_", images)
            return images
        return self._images_

    def _permutation(self, g: Any) -> tuple[int, ...] | None:
        """The permutation :math:`p_g` of a permutation representation, else None."""
        if self._perm is None:
            return None
        cache = self._cache.setdefault("perm", {})
        if g not in cache:
            cache[g] = self._perm(g)
        return cache[g]  # type: ignore[no-any-return]

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Representation is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Representation is immutable")

    # ---------------------------------------------------------- value semantics
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # a closed form is pickled as itself (its images are recomputed on loading);
        # otherwise the generator images; caches are never pickled
        if self._perm is not None:
            return (_restore_permutations, (self.group, self._perm, self.name, self.dim))
        images = None if self._closed is not None else tuple(self._gen_images.values())
        return (_restore, (self.group, images, self.name, self._closed, self.dim))

    def __copy__(self) -> Representation:
        return self

    def __deepcopy__(self, memo: Any) -> Representation:
        return self

    def _images(self) -> tuple[ExactMatrix, ...]:
        return tuple(self._gen_images[s] for s in self.group.generators)

    def __eq__(self, other: object) -> bool:
        """Equal when of equal groups and the same dimension with the same matrices on the
        generators of ``self.group`` (then :math:`\\rho(g) = \\sigma(g)` for every g, also
        when the equal groups were given by different generators); the name is a label."""
        if self is other:
            return True
        if not isinstance(other, Representation):
            return NotImplemented
        if self.dim != other.dim or self.group != other.group:
            return False
        if self._perm is not None and other._perm is not None:
            return all(
                self._permutation(s) == other._permutation(s) for s in self.group.generators
            )
        if self.group.generators == other.group.generators:
            return self._images() == other._images()
        return all(self._exact(s) == other._exact(s) for s in self.group.generators)

    def __hash__(self) -> int:
        # the group and the dimension only: equal representations of groups given by
        # different generators have different generator images
        return hash((self.group, self.dim))

    def __repr__(self) -> str:
        label = f" {self.name}" if self.name else ""
        return f"<Representation{label} of {self.group!r}, dim {self.dim}>"

    # --------------------------------------------------------------- matrices
    def exact(self, g: Any) -> ExactMatrix:
        """The matrix :math:`\\rho(g)` as a tuple of rows of :class:`Cyclotomic` numbers."""
        g = self.group._check(g, "g", "Representation.exact")
        return self._exact(g)

    def _exact(self, g: Any) -> ExactMatrix:
        cache = self._cache.setdefault("exact", {})
        if g in cache:
            return cache[g]  # type: ignore[no-any-return]
        m = self._closed(g) if self._closed is not None else self._by_words(g)
        cache[g] = m
        return m

    def _by_words(self, g: Any) -> ExactMatrix:
        """Exact products of the generator images: along a breadth-first search from the
        identity (rho(s h) = rho(s) rho(h), every matrix kept) while
        :math:`|G| d^2` is within :data:`WORDS_BUDGET`, along the stabilizer chain of the
        natural action (one product per base point) beyond."""
        G = self.group
        if "words" not in self._cache and G.order * self.dim**2 > WORDS_BUDGET:
            from grouprep.reps._words import Algebra, element_matrix

            gens = [self._gen_images[s] for s in G.generators]
            algebra = Algebra("exact", identity_matrix(self.dim), mat_mul, gens)
            try:
                return element_matrix(self, g, algebra)
            except SizeLimitError as exc:
                raise SizeLimitError(
                    f"Representation.exact: {self!r} has no closed form; the search along "
                    f"words in the generators would keep up to |G| = {G.order} matrices of "
                    f"dimension {self.dim} ({G.order * self.dim**2} exact entries), beyond "
                    f"the limit {WORDS_BUDGET}, and {exc}; give the matrices by "
                    "Representation.from_closed_form"
                ) from None
        words = self._cache.setdefault("words", {G.identity: identity_matrix(self.dim)})
        frontier = self._cache.setdefault("frontier", [G.identity])
        while g not in words:  # the search resumes where the last call stopped
            nxt = []
            for h in frontier:
                for s, ms in self._gen_images.items():
                    sh = G._compose(s, h)
                    if sh not in words:
                        words[sh] = mat_mul(ms, words[h])
                        nxt.append(sh)
            frontier[:] = nxt
        return words[g]  # type: ignore[no-any-return]

    def matrix(self, g: Any) -> Any:
        """The matrix :math:`\\rho(g)` as an exact ``sympy.ImmutableMatrix``."""
        import sympy

        return sympy.ImmutableMatrix([[sympy.sympify(v) for v in row] for row in self.exact(g)])

    def numeric(self, g: Any) -> npt.NDArray[Any]:
        """The matrix :math:`\\rho(g)` as a NumPy array (float64 if real, else complex128)."""
        perm = self._permutation(self.group._check(g, "g", "Representation.numeric"))
        if perm is not None:
            out = np.zeros((self.dim, self.dim))
            out[np.asarray(perm, dtype=np.intp), np.arange(self.dim)] = 1.0
            return out
        m = self.exact(g)
        arr = np.array([[complex(v) for v in row] for row in m], dtype=np.complex128)
        arr = arr.reshape(self.dim, self.dim)
        if all(v.is_real() for row in m for v in row):
            return arr.real.copy()
        return arr

    def character(self, g: Any) -> Cyclotomic:
        """The character value :math:`\\chi(g) = \\operatorname{tr} \\rho(g)`, exactly.

        Without a closed form it needs no exact matrix: the eigenvalue multiplicities
        :math:`m_k` of :math:`\\rho(g)` (of order o) are read from traces modulo a prime
        p = 1 (mod o), and :math:`\\chi(g) = \\sum_k m_k \\zeta_o^k` (as
        :math:`0 \\le m_k \\le d < p`, the residues are the multiplicities themselves).
        The matrix of g modulo p is the product of the generator images along a shortest
        word (groups of order up to 65,536) or along a stabilizer chain of the natural
        action (larger groups: one product per base point, no limit on the order).
        Elements of order above 4096 take the trace of the exact matrix instead.
        """
        g = self.group._check(g, "g", "Representation.character")
        perm = self._permutation(g)
        if perm is not None:  # the fixed points
            return Cyclotomic(sum(1 for i, j in enumerate(perm) if i == j))
        closed = self._closed
        if isinstance(closed, functools.partial) and closed.func in CHARACTER_RULES:
            return CHARACTER_RULES[closed.func](*closed.args, g)
        if self._closed is None and self.dim > 1 and g not in self._cache.get("exact", {}):
            # exact without the exact matrix: eigenvalue multiplicities modulo a prime
            from grouprep.reps._modular import NoModularRoute, exact_trace

            try:
                return exact_trace(self, g)
            except NoModularRoute:  # an element of large order: the exact matrix
                pass
        m = self.exact(g)
        if self.dim == 1:
            return m[0][0]
        return functools.reduce(lambda s, i: s + m[i][i], range(self.dim), _ZERO)

    def character_values(self) -> tuple[Cyclotomic, ...]:
        """:math:`\\chi` on the representatives of ``group.conjugacy_classes()``, in order."""
        if "chars" not in self._cache:
            self._cache["chars"] = tuple(
                self.character(c.representative) for c in self.group.conjugacy_classes()
            )
        return self._cache["chars"]  # type: ignore[no-any-return]

    def is_irreducible(self) -> bool:
        """Whether :math:`\\langle \\chi, \\chi \\rangle = 1` (exact, over the classes)."""
        from grouprep.reps._characters import inner_product

        return inner_product(self, self) == 1


def _restore(
    group: FiniteGroup[Any],
    images: tuple[ExactMatrix, ...] | None,
    name: str | None,
    closed: Callable[[Any], ExactMatrix] | None,
    dim: int,
) -> Representation:
    """Unpickle a representation (the constructor validates the pickled values again)."""
    if closed is not None and images is None:
        return Representation.from_closed_form(group, closed, dim, name)
    return Representation(
        group, images if images is not None else (), name, closed_form=closed, dim=dim, check=False
    )


def _restore_permutations(
    group: FiniteGroup[Any],
    permutation_of: Callable[[Any], tuple[int, ...]],
    name: str | None,
    dim: int,
) -> Representation:
    """Unpickle a permutation representation."""
    return Representation._from_permutations(group, permutation_of, dim, name)


def _matrix_of_permutation(
    permutation_of: Callable[[Any], tuple[int, ...]], g: Any
) -> ExactMatrix:
    """The exact matrix P with :math:`P e_i = e_{p_g(i)}`."""
    perm = permutation_of(g)
    d = len(perm)
    rows = [[_ZERO] * d for _ in range(d)]
    for i, j in enumerate(perm):
        rows[j][i] = _ONE
    return tuple(tuple(r) for r in rows)


def first_violation(rep: Representation, elements: Any) -> tuple[Any, Any] | None:
    """The first (s, g), s a generator, with rho(s g) != rho(s) rho(g); None if there is none.

    Also reports (identity, identity) when rho(e) is not the identity matrix.
    """
    G = rep.group
    if rep._exact(G.identity) != identity_matrix(rep.dim):
        return (G.identity, G.identity)
    for g in elements:
        for s in G.generators:
            if mat_mul(rep._exact(s), rep._exact(g)) != rep._exact(G._compose(s, g)):
                return (s, g)
    return None
