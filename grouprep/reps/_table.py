"""Character tables: closed forms from explicit irreps, Dixon–Schneider otherwise (private)."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from grouprep._validation import check_int, describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError, SizeLimitError
from grouprep.groups import (
    ConjugacyClass,
    CyclicGroup,
    DihedralGroup,
    DirectProduct,
    FiniteGroup,
    PermutationGroup,
)
from grouprep.groups._permutation import partition_count
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.numbers._cyclotomic import _is_prime
from grouprep.reps._recognise import recognised, transported_rows

__all__ = ["MAX_CLASSES", "MAX_SEARCH_ORDER", "CharacterTable", "character_table"]


@dataclass(frozen=True, eq=False)
class CharacterTable:
    """The character table of a finite group.

    An immutable value: two tables are equal when they are of equal groups with the same
    rows (the classes are the group's own, in its order). It pickles (also with joblib)
    as its group and its rows; the classes are the loaded group's
    ``conjugacy_classes()``. ``copy.copy`` and ``copy.deepcopy`` return the table itself.

    Attributes
    ----------
    group : FiniteGroup
    classes : tuple of ConjugacyClass
        In the group's class order (identity first); each has ``representative``,
        ``size`` and ``element_order``.
    characters : tuple of tuple of Cyclotomic
        One row per irreducible character, values on the classes in order; the trivial
        character first, then by degree.
    """

    group: FiniteGroup[Any]
    classes: tuple[ConjugacyClass[Any], ...]
    characters: tuple[tuple[Cyclotomic, ...], ...]
    _cache: dict[str, Any] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, CharacterTable):
            return NotImplemented
        return self.group == other.group and self.characters == other.characters

    def __hash__(self) -> int:
        return hash((self.group, self.characters))

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (_restore_table, (self.group, self.characters))

    def __copy__(self) -> CharacterTable:
        return self

    def __deepcopy__(self, memo: Any) -> CharacterTable:
        return self

    @property
    def class_names(self) -> tuple[str, ...]:
        """ATLAS-style class names: the element order and a letter counting the classes of
        that order (``1a 2a 3a 5a 5b`` for A5)."""
        seen: dict[int, int] = {}
        names = []
        for c in self.classes:
            k = seen.get(c.element_order, 0)
            seen[c.element_order] = k + 1
            names.append(f"{c.element_order}{_letter(k)}")
        return tuple(names)

    @property
    def degrees(self) -> tuple[int, ...]:
        """The degrees :math:`\\chi(1)` of the irreducible characters."""
        return tuple(int(row[0].as_fraction()) for row in self.characters)

    def power_map(self, k: int) -> tuple[int, ...]:
        """The k-th power map on classes: entry i is the position of the class of
        :math:`g_i^k`, :math:`g_i` the representative of class i.

        .. math:: p_k(i) = j \\iff g_i^k \\in C_j

        It is well defined (conjugate elements have conjugate powers) and computed from
        the class representatives alone: one power and one class look-up per class.

        Parameters
        ----------
        k : int
            Any integer (negative powers use inverses; ``k = -1`` maps each class to the
            class of inverses).

        Returns
        -------
        tuple of int
            One class position per class, in the table's class order.

        Examples
        --------
        >>> import grouprep
        >>> from grouprep.reps import character_table
        >>> T = character_table(grouprep.symmetric(4))
        >>> T.class_names, T.power_map(2)
        (('1a', '2a', '2b', '3a', '4a'), (0, 0, 0, 3, 1))
        """
        k = check_int(k, "k", "CharacterTable.power_map")
        cache = self._cache.setdefault("power_maps", {})
        if k not in cache:
            G = self.group
            cache[k] = tuple(G._class_index(G.power(c.representative, k)) for c in self.classes)
        return cache[k]  # type: ignore[no-any-return]

    @property
    def indicators(self) -> tuple[int, ...]:
        """The Frobenius–Schur indicators of the rows, in row order.

        .. math:: \\nu(\\chi) = \\frac{1}{|G|} \\sum_{g \\in G} \\chi(g^2)
                  = \\frac{1}{|G|} \\sum_{C} |C|\\, \\chi\\bigl(g_C^2\\bigr)
                  \\in \\{1, 0, -1\\}

        summed per class with the squaring :meth:`power_map`, in exact arithmetic.
        :math:`\\nu = 1`: the irrep is realizable over the reals; :math:`\\nu = 0`:
        :math:`\\chi` is not real-valued; :math:`\\nu = -1`: :math:`\\chi` is real but
        the irrep is quaternionic. No explicit representation is built. The number of
        square roots of each element is :math:`\\sum_\\chi \\nu(\\chi)\\chi(g)`
        (Frobenius–Schur count), so :math:`\\sum_\\chi \\nu(\\chi)\\chi(1)` is the number
        of elements with :math:`g^2 = e`.

        Examples
        --------
        >>> import grouprep
        >>> from grouprep.reps import character_table
        >>> character_table(grouprep.cyclic(4)).indicators
        (1, 0, 1, 0)
        >>> character_table(grouprep.alternating(4)).indicators
        (1, 0, 0, 1)
        """
        if "indicators" not in self._cache:
            square = self.power_map(2)
            self._cache["indicators"] = tuple(
                _indicator(self.group, self.classes, row, square) for row in self.characters
            )
        return self._cache["indicators"]  # type: ignore[no-any-return]

    def __str__(self) -> str:
        header = ["", *self.class_names]
        sizes = ["size", *(str(c.size) for c in self.classes)]
        rows = [[f"X.{k + 1}", *(repr(v) for v in row)] for k, row in enumerate(self.characters)]
        table = [header, sizes, *rows]
        widths = [max(len(r[i]) for r in table) for i in range(len(header))]
        return "\n".join(
            "  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in table
        )


def _indicator(
    group: FiniteGroup[Any],
    classes: Sequence[ConjugacyClass[Any]],
    values: Sequence[Cyclotomic],
    square: Sequence[int],
) -> int:
    """:math:`\\frac{1}{|G|}\\sum_C |C| \\chi(g_C^2)` from class values and the squaring map,
    exactly; an irreducible character gives 1, 0 or -1, anything else is refused."""
    weights: dict[int, int] = {}
    for c, target in zip(classes, square, strict=True):
        weights[target] = weights.get(target, 0) + c.size
    total = Cyclotomic(0)
    for target, weight in weights.items():
        if values[target]:
            total = total + weight * values[target]
    nu = total * Cyclotomic(Fraction(1, group.order))
    if not nu.is_rational() or nu.as_fraction() not in (-1, 0, 1):
        raise GroupRepValueError(
            f"frobenius_schur: the class function is not an irreducible character of "
            f"{group!r}: its Frobenius-Schur sum is {nu!r}, not 1, 0 or -1"
        )
    return int(nu.as_fraction())


def _restore_table(
    group: FiniteGroup[Any], characters: tuple[tuple[Cyclotomic, ...], ...]
) -> CharacterTable:
    """Unpickle a table: the classes are the group's own."""
    classes = group.conjugacy_classes()
    if len(characters) != len(classes) or any(len(row) != len(classes) for row in characters):
        raise GroupRepValueError(
            f"CharacterTable: pickled rows do not fit the {len(classes)} classes of {group!r}"
        )
    return CharacterTable(group, classes, characters)


def _letter(i: int) -> str:
    return "abcdefghijklmnopqrstuvwxyz"[i % 26] if i < 26 else f"_{i}"


def character_table(group: FiniteGroup[Any]) -> CharacterTable:
    """The character table of a finite group, with exact cyclotomic values.

    Cyclic and dihedral groups use their explicit irreducible representations (closed
    forms, no search). A direct product :math:`G_1 \\times \\dots \\times G_k` is the
    Kronecker product of its factors' tables: row :math:`\\chi_1 \\otimes \\dots \\otimes
    \\chi_k`, value :math:`\\chi_1(g_1) \\cdots \\chi_k(g_k)` on the class of
    :math:`(g_1, \\dots, g_k)`, with the classes in the product's order (tuples of the
    factors' classes, first factor varying slowest) and the rows in the same order
    before the final sort (so :math:`S_7 \\times \\mathbb{Z}_7` takes well under a second
    where the search below took a minute). :math:`S_n` (``symmetric(n)``, or any
    permutation group of order n! on n points) uses the Murnaghan–Nakayama rule
    (removing rim hooks, :math:`\\chi^\\lambda(\\mu) = \\sum_\\xi (-1)^{\\operatorname{ht}\\xi}
    \\chi^{\\lambda \\setminus \\xi}(\\mu \\setminus \\mu_1)`), with no listing of elements, one
    row per partition (largest parts first). A group given another way that is cyclic
    (abelian, with an element of order :math:`|G|`), abelian (a basis of each Sylow
    subgroup, found greedily as in the proof of the basis theorem) or dihedral (order 2m,
    m >= 3, with an element r of order m and an involution s outside
    :math:`\\langle r \\rangle` with :math:`srs^{-1} = r^{-1}`) is recognised by an
    explicit isomorphism :math:`\\psi` onto ``cyclic(n)``, ``abelian(n_1, ..., n_r)``
    or ``dihedral(m)``, and gets that closed-form table
    read on its own classes, :math:`\\chi(C) = \\chi_F(\\psi(g_C))`: the classes and
    representatives stay its own. Every other group, for example an alternating group
    or any other ``permutation_group(...)``, uses the Dixon–Schneider algorithm: the
    class multiplication coefficients
    :math:`a_{ijk} = \\#\\{(x, y) \\in C_i \\times C_j : xy = z_k\\}` define commuting
    matrices whose common eigenvectors over a prime field :math:`\\mathbb{F}_p`,
    :math:`p \\equiv 1 \\pmod{e}` (e the exponent), are the central characters
    :math:`\\omega_\\chi(C_i) = |C_i| \\chi(g_i)/\\chi(1)`; the degrees follow from
    :math:`\\sum_i \\omega(C_i)\\omega(C_{i^*})/|C_i| = |G|/\\chi(1)^2`, and each value is
    recovered exactly from the eigenvalue multiplicities
    :math:`m_k = \\frac{1}{o}\\sum_l \\chi(g^l)\\,\\zeta^{-kl}` as
    :math:`\\chi(g) = \\sum_k m_k \\zeta_o^k` (Dixon 1967; Schneider 1990).

    Raises
    ------
    SizeLimitError
        Before any work, for a group with more than :data:`MAX_CLASSES` (3000) classes
        (:math:`S_{27}` and beyond), or one of order above :data:`MAX_SEARCH_ORDER` (10^6)
        that needs the general algorithm (a direct product needs it only for its
        factors).

    The rows are ordered with the trivial character first, then by degree; the order of
    rows of equal degree is the one described above (irreps order, partitions, Kronecker
    order of the factors' rows, or the search's), and another method may list them
    differently. The rows are computed once per group (and kept with it).

    A subgroup equal to a group of a family (all of its parent, or a product of
    subgroups of a product's factors) gets that group's table.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import character_table
    >>> print(character_table(grouprep.symmetric(3)))
          1a  2a  3a
    size   1   3   2
     X.1   1   1   1
     X.2   1  -1   1
     X.3   2   0  -1
    """
    if not isinstance(group, FiniteGroup):
        raise GroupRepTypeError(
            f"character_table: argument 'group' must be a grouprep FiniteGroup, "
            f"got {describe(group)}"
        )
    cached = group._cache.get("character_table_rows")
    if cached is None:
        target = group._canonical()  # an equal group of a family, listing the same classes
        _check_table_size(target)
        classes = group.conjugacy_classes()
        if target is not group:
            rows = list(character_table(target).characters)
        elif isinstance(group, DirectProduct):
            rows = _product_rows([character_table(f) for f in group.factors])
        elif _has_closed_form(group):
            from grouprep.reps._irreps import irreps

            rows = [rho.character_values() for rho in irreps(group)]
        elif isinstance(group, PermutationGroup) and group._is_symmetric():
            from grouprep.reps._symmetric import symmetric_character_rows

            rows = symmetric_character_rows(group, group.degree)
        elif (found := recognised(group)) is not None:
            family, psi = found
            rows = transported_rows(group, family, psi, character_table(family).characters)
        else:
            rows = _dixon_schneider(group, classes)
        cached = _ordered(rows)
        group._cache["character_table_rows"] = cached  # private, dies with the group
    return CharacterTable(group, group.conjugacy_classes(), cached)


MAX_CLASSES = 3000
"""The most conjugacy classes a character table is built for (r classes: r^2 exact values)."""

MAX_SEARCH_ORDER = 10**6
"""The largest group whose table the general algorithm computes (it enumerates the group)."""


def _class_count(group: FiniteGroup[Any], what: str = "argument 'group'") -> int:
    """The number of classes, without listing them for cyclic, dihedral and product groups;
    other groups larger than :data:`MAX_SEARCH_ORDER` are refused before listing."""
    if isinstance(group, CyclicGroup):
        return group.n
    if isinstance(group, DihedralGroup):
        n = group.n
        return n // 2 + 3 if n % 2 == 0 else (n + 3) // 2
    if isinstance(group, PermutationGroup) and group._is_symmetric():
        return partition_count(group.degree)
    if isinstance(group, DirectProduct):
        return math.prod(
            _class_count(f, f"{what} {group!r}, its factor {i}")
            for i, f in enumerate(group.factors)
        )
    if group.order > MAX_SEARCH_ORDER:
        raise SizeLimitError(
            f"character_table: {what} {group!r} has order {group.order}, beyond the "
            f"limit {MAX_SEARCH_ORDER} of the general algorithm (which enumerates the group)"
        )
    return len(group.conjugacy_classes())


def _check_table_size(group: FiniteGroup[Any]) -> None:
    r = _class_count(group)
    if r > MAX_CLASSES:
        raise SizeLimitError(
            f"character_table: argument 'group' {group!r} has {r} conjugacy classes, beyond "
            f"the limit {MAX_CLASSES} (a table of {r}^2 exact values)"
        )


def _ordered(rows: Sequence[Sequence[Cyclotomic]]) -> tuple[tuple[Cyclotomic, ...], ...]:
    """The trivial character first, then by degree (a stable sort)."""
    trivial = [r for r in rows if all(v == 1 for v in r)]
    others = [r for r in rows if not all(v == 1 for v in r)]
    others.sort(key=lambda r: int(r[0].as_fraction()))
    return tuple(tuple(r) for r in trivial + others)


def _product_rows(tables: Sequence[CharacterTable]) -> list[tuple[Cyclotomic, ...]]:
    """The Kronecker product of the factors' tables.

    The irreducible characters of :math:`G_1 \\times \\dots \\times G_k` are the
    :math:`\\chi_1 \\otimes \\dots \\otimes \\chi_k`, with
    :math:`(\\chi_1 \\otimes \\chi_2)(g_1, g_2) = \\chi_1(g_1)\\,\\chi_2(g_2)`; the classes are
    the tuples of classes, first factor varying slowest (``DirectProduct``'s order), and so
    are the rows here before sorting.
    """
    rows: list[tuple[Cyclotomic, ...]] = [(Cyclotomic(1),)]
    for table in tables:
        rows = [
            tuple(x * y for x in row for y in factor_row)
            for row in rows
            for factor_row in table.characters
        ]
    return rows


def _has_closed_form(group: FiniteGroup[Any]) -> bool:
    return isinstance(group, CyclicGroup | DihedralGroup)


# --------------------------------------------------------------- Dixon–Schneider
def _class_labels(group: FiniteGroup[Any], classes: Sequence[ConjugacyClass[Any]]) -> np.ndarray:
    """The class of every element, in index order: from the element indices the classes
    were built from where they keep them, else element by element."""
    from grouprep.groups._base import _elements_at

    labels = np.full(group.order, -1, dtype=np.intp)
    for k, c in enumerate(classes):
        f = c._enumerate
        if not (
            isinstance(f, functools.partial) and f.func is _elements_at and f.args[0] is group
        ):
            break
        labels[np.asarray(f.args[1], dtype=np.intp)] = k
    else:
        if (labels >= 0).all():
            return labels
    for i, g in enumerate(group.elements()):
        labels[i] = group._class_index(g)
    return labels


def _structure_constants(
    group: FiniteGroup[Any], classes: Sequence[ConjugacyClass[Any]], labels: np.ndarray
) -> np.ndarray:
    """a[i, j, k] = #{x in C_i : x^-1 z_k in C_j} for the representative z_k of C_k."""
    r = len(classes)
    a = np.zeros((r, r, r), dtype=np.int64)
    for k, c in enumerate(classes):
        y = _left_divisions(group, c.representative)  # index of x^-1 z for every x
        np.add.at(a[:, :, k], (labels, labels[y]), 1)
    return a


def _left_divisions(group: FiniteGroup[Any], z: Any) -> np.ndarray:
    """Indices of :math:`x^{-1} z` for all elements x, in index order."""
    if isinstance(group, PermutationGroup):
        elements = group.permutation_array()
        inverses = np.argsort(elements, axis=1)  # row i: the inverse permutation
        return np.asarray(group.index_array(inverses[:, np.asarray(z, dtype=np.intp)]))
    return np.array(
        [group._index(group._compose(group._inverse(x), z)) for x in group.elements()],
        dtype=np.intp,
    )


def _primitive_root(p: int) -> int:
    factors = [q for q in range(2, p) if (p - 1) % q == 0 and _is_prime(q)]
    for g in range(2, p):
        if all(pow(g, (p - 1) // q, p) != 1 for q in factors):
            return g
    return 1


def _mod_dtype(p: int, r: int) -> Any:
    """int64 while sums of r products of residues fit (p < 2^25, r < 2^12), else Python
    ints in object arrays (the same code, exact either way)."""
    return np.int64 if p < (1 << 25) and r < (1 << 12) else object


def _nullspace_mod(m: np.ndarray, p: int) -> np.ndarray:
    """A basis (rows) of {v : M v = 0} over F_p, by Gauss-Jordan elimination."""
    rows = m % p
    nrows, ncols = rows.shape
    pivots: list[int] = []
    rank = 0
    for col in range(ncols):
        if rank == nrows:
            break
        nonzero = np.flatnonzero(rows[rank:, col])
        if nonzero.size == 0:
            continue
        piv = rank + int(nonzero[0])
        if piv != rank:
            rows[[rank, piv]] = rows[[piv, rank]]
        rows[rank] = rows[rank] * pow(int(rows[rank, col]), -1, p) % p
        factors = rows[:, col].copy()
        factors[rank] = 0
        rows = (rows - np.outer(factors, rows[rank])) % p
        pivots.append(col)
        rank += 1
    pivot_set = set(pivots)
    free = [c for c in range(ncols) if c not in pivot_set]
    basis = np.zeros((len(free), ncols), dtype=rows.dtype)
    for j, f in enumerate(free):
        basis[j, f] = 1
        basis[j, pivots] = (-rows[:rank, f]) % p
    return basis


def _roots_mod(poly: list[int], p: int) -> list[int]:
    """The roots in F_p of a polynomial (coefficients lowest degree first), in increasing
    order: Horner's rule on all field elements at once, in chunks."""
    out: list[int] = []
    chunk = 1 << 20
    dtype = _mod_dtype(p, 1)
    for start in range(0, p, chunk):
        x = np.arange(start, min(p, start + chunk), dtype=np.int64).astype(dtype)
        acc = np.zeros_like(x)
        for c in reversed(poly):
            acc = (acc * x + c) % p
        out.extend(int(v) for v in x[acc == 0])
    return out


def _split(space: np.ndarray, mat: np.ndarray, p: int, rng: np.random.Generator) -> list[Any]:
    """Split an invariant subspace (basis rows) into the eigenspaces of ``mat`` on it.

    The eigenvalues are the roots in F_p of the minimal polynomial of a random vector of
    the space (Krylov sequence), found by evaluating it at every field element; each
    eigenspace is then a null space.
    """
    d, r = space.shape
    if d == 1:
        return [space]
    M = mat.astype(space.dtype) % p
    v = np.zeros(r, dtype=space.dtype)
    while not v.any():  # a random nonzero vector of the space
        coeffs = rng.integers(0, p, size=d).astype(np.int64).astype(space.dtype)
        v = coeffs @ space % p
    krylov = [v]
    while True:  # until the next vector depends on the previous ones
        w = M @ krylov[-1] % p
        system = np.stack([*krylov, w], axis=1)
        null = _nullspace_mod(system, p)
        if len(null):
            rel = [int(x) for x in null[0]]  # sum rel[c] A^c v + rel[-1] A^m v = 0
            lead = pow(rel[-1], -1, p)
            poly = [x * lead % p for x in rel]  # monic, lowest degree first
            break
        krylov.append(w)
    pieces = []
    eye = np.eye(r, dtype=space.dtype)
    for lam in _roots_mod(poly, p):
        shifted = (M - lam * eye) % p
        coords = _nullspace_mod(shifted @ space.T % p, p)
        pieces.append(coords @ space % p)
    if sum(len(piece) for piece in pieces) != d:  # an unlucky vector: try another
        return _split(space, mat, p, rng)
    return pieces


def _dixon_schneider(
    group: FiniteGroup[Any], classes: Sequence[ConjugacyClass[Any]]
) -> list[tuple[Cyclotomic, ...]]:
    r = len(classes)
    order = group.order
    e = group.exponent
    labels = _class_labels(group, classes)
    a = _structure_constants(group, classes, labels)
    # a prime p = 1 mod e, above 2 sqrt(|G|) so degrees and multiplicities are recoverable
    p = e + 1
    while not (_is_prime(p) and p > 2 * math.isqrt(order) + 2):
        p += e
    z = pow(_primitive_root(p), (p - 1) // e, p)  # an element of order e in F_p
    sizes = [c.size for c in classes]
    inverse_class = [labels[group._index(group._inverse(c.representative))] for c in classes]
    # common eigenvectors of the matrices A_j[i, k] = a[i, j, k]
    rng = np.random.default_rng(0)
    dtype = _mod_dtype(p, max(r, max(c.element_order for c in classes)))
    spaces = [np.eye(r, dtype=np.int64).astype(dtype)]
    for j in range(1, r):
        if all(len(s) == 1 for s in spaces):
            break
        mat = a[:, j, :]
        spaces = [piece for s in spaces for piece in _split(s, mat, p, rng)]
    omegas = []
    for s in spaces:
        (v,) = [[int(x) for x in row] for row in s.tolist()]
        scale = pow(v[0], -1, p)  # omega(identity class) = 1
        omegas.append([x * scale % p for x in v])
    # power maps: class of g^l for each class representative
    power: list[list[int]] = []
    for c in classes:
        g = c.representative
        powers_of_g, h = [], group.identity
        for _ in range(c.element_order):
            powers_of_g.append(int(labels[group._index(h)]))
            h = group._compose(g, h)
        power.append(powers_of_g)
    # the values modulo p of every row: chi(g_i) = omega_i * degree / |C_i|
    values = []
    for w in omegas:
        total = sum(w[i] * w[inverse_class[i]] * pow(sizes[i], -1, p) for i in range(r)) % p
        d2 = order * pow(total, -1, p) % p
        degree = next(d for d in range(1, math.isqrt(order) + 1) if d * d % p == d2)
        values.append([w[i] * degree * pow(sizes[i], -1, p) % p for i in range(r)])
    V = np.array(values, dtype=np.int64).astype(dtype).reshape(len(values), r)
    # eigenvalue multiplicities m_k = (1/o) sum_t chi(g^t) zeta_o^(-k t), all rows at once
    columns: list[list[Cyclotomic]] = []
    transforms: dict[int, np.ndarray] = {}  # one per element order
    for i, c in enumerate(classes):
        o = c.element_order
        if o not in transforms:
            zo = pow(z, e // o, p)  # order o
            table = np.array([pow(zo, -t, p) for t in range(o)], dtype=np.int64).astype(dtype)
            t = np.arange(o)
            transforms[o] = table[np.outer(t, t) % o]  # Z[t, k] = zo^(-k t)
        Z = transforms[o]
        mult = (V[:, power[i]] @ Z) % p * pow(o, -1, p) % p
        column = []
        for row in mult:
            value = Cyclotomic(0)
            for k, m in enumerate(int(x) for x in row):
                if m > p // 2:
                    m -= p
                if m:
                    value = value + m * root_of_unity(o, k)
            column.append(value)
        columns.append(column)
    return [tuple(col[n] for col in columns) for n in range(len(values))]
