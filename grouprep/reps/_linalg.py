"""Exact linear algebra over one cyclotomic field by the multimodular route (private).

For a matrix over :math:`\\mathbb{Q}(\\zeta_N)` the inverse, the solution of a square
system and the reduced echelon basis of the null space are unique, so they can be computed
as :mod:`grouprep.reps._multimodular` computes irreps: modulo primes
:math:`p \\equiv 1 \\pmod N` under all :math:`\\varphi(N)` embeddings
:math:`\\zeta_N \\mapsto w^u` at once (int64 arrays), power-basis coordinates recovered by
the inverse Vandermonde matrix, combined over primes by the Chinese remainder theorem and
turned into rationals by rational reconstruction. A candidate is returned only after an
exact check:

* inverse: :math:`m \\cdot m^{-1} = I` exactly (on integer coordinates, Python integers);
* solve: :math:`a x = b` exactly;
* null space: :math:`m x_j = 0` exactly for every basis vector. The vectors are built with
  1 at their own free column, 0 at the other free columns and 0 at pivot columns after it,
  and the modular rank r is a lower bound of the exact rank (an r x r minor nonzero modulo
  p is nonzero), so the exact check proves both the dimension and the echelon form.

A prime dividing a denominator, or at which the embeddings disagree on the pivot columns,
is skipped; a prime with a better pivot pattern (higher rank, or the same rank with
lexicographically earlier pivots: the exact pattern is the best one) restarts the
accumulation. When no candidate passes within a budget of primes, plain exact
Gauss-Jordan elimination is used (:func:`grouprep.reps._general._solve` and
:func:`grouprep.reps._real._greedy_exact`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import check_int, describe
from grouprep.errors import GroupRepTypeError, GroupRepValueError
from grouprep.numbers import Cyclotomic, as_cyclotomic
from grouprep.numbers._cyclotomic import _lift
from grouprep.reps._modular import _primes, field_of
from grouprep.reps._multimodular import (
    _agrees,
    _crt,
    _Embeddings,
    _reconstruct,
    _solve_batched,
)
from grouprep.reps._representation import (
    ExactMatrix,
    _exact_entry,
    identity_matrix,
)

__all__ = ["LINALG_MAX_PRIMES", "exact_inverse", "exact_nullspace", "exact_rank", "exact_solve"]

LINALG_MAX_PRIMES = 400
"""The most primes tried before the exact elimination is used instead."""

IntArray = npt.NDArray[np.int64]
Rows = tuple[tuple[Cyclotomic, ...], ...]

_ZERO = Cyclotomic(0)
_ONE = Cyclotomic(1)


# ----------------------------------------------------------------- input checks
def _rows(m: Any, where: str) -> Rows:
    """The entries of a non-empty rectangular matrix as exact numbers."""
    try:
        rows = [list(r) for r in (m.tolist() if hasattr(m, "tolist") else m)]
    except TypeError:
        raise GroupRepTypeError(
            f"{where}: expected a matrix as a nested sequence of exact numbers, got {describe(m)}"
        ) from None
    if not rows or not rows[0]:
        raise GroupRepValueError(
            f"{where}: expected a non-empty matrix, got shape "
            f"({len(rows)}, {len(rows[0]) if rows else 0})"
        )
    width = len(rows[0])
    if any(len(r) != width for r in rows):
        raise GroupRepValueError(
            f"{where}: rows must have equal lengths, got lengths {[len(r) for r in rows]}"
        )
    return tuple(tuple(as_cyclotomic(_exact_entry(v, where)) for v in r) for r in rows)


def _square(m: Any, where: str) -> Rows:
    rows = _rows(m, where)
    if len(rows) != len(rows[0]):
        raise GroupRepValueError(
            f"{where}: expected a square matrix, got shape ({len(rows)}, {len(rows[0])})"
        )
    return rows


# ------------------------------------------------------------ modular helpers
class _Coordinates:
    """Integer power-basis coordinates of a matrix over Q(zeta_N), reduced per prime."""

    def __init__(self, rows: Rows, N: int) -> None:
        self.shape = (len(rows), len(rows[0]))
        phi = len(_lift(_ONE, N))
        self.nums = np.zeros((*self.shape, phi), dtype=object)
        self.dens = np.ones(self.shape, dtype=object)
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                if v:
                    self.nums[i, j] = _lift(v, N)
                    self.dens[i, j] = v._den

    def residues(self, emb: _Embeddings) -> IntArray:
        """(E, rows, cols) images modulo p under every embedding (ZeroDivisionError when p
        divides a denominator)."""
        p, phi = emb.p, self.nums.shape[2]
        A = (self.nums % p).astype(np.int64).reshape(-1, phi)
        sums = (A @ emb.W[:, :phi].T) % p  # products < 2^50, phi of them: no overflow
        dens = (self.dens % p).astype(np.int64).reshape(-1)
        if not dens.all():
            raise ZeroDivisionError(f"{p} divides a denominator")
        inverses = {int(d): pow(int(d), -1, p) for d in set(dens.tolist())}
        dinv = np.array([inverses[int(d)] for d in dens], dtype=np.int64)
        out = sums * dinv[:, None] % p
        return np.ascontiguousarray(out.T.reshape(emb.count, *self.shape))


def _rref_batched(A: IntArray, p: int) -> tuple[IntArray, list[int]] | None:
    """The reduced row echelon forms of A[e] modulo p (their nonzero rows) and the pivot
    columns, or None if the embeddings disagree on the pivot columns."""
    E, r, c = A.shape
    M = A % p
    ar = np.arange(E)
    row = 0
    pivots: list[int] = []
    for col in range(c):
        if row == r:
            break
        nonzero = M[:, row:, col] != 0
        has = nonzero.any(axis=1)
        if not has.any():
            continue
        if not has.all():
            return None
        piv = row + np.argmax(nonzero, axis=1)
        top = M[ar, piv].copy()
        M[ar, piv] = M[:, row]
        inv = np.array([pow(int(v), -1, p) for v in top[:, col]], dtype=np.int64)
        top = top * inv[:, None] % p
        M[:, row] = top
        factors = M[:, :, col].copy()
        factors[:, row] = 0
        M = (M - factors[:, :, None] * top[:, None, :] % p) % p
        pivots.append(col)
        row += 1
    return M[:, :row], pivots


def _entries(candidate: tuple[Any, Any], N: int) -> list[list[Cyclotomic]]:
    """The exact numbers of reconstructed coordinates (phi, a, b), as a x b rows."""
    nums, dens = candidate
    _, a, b = nums.shape
    out = []
    for i in range(a):
        row = []
        for j in range(b):
            ns, ds = nums[:, i, j], dens[:, i, j]
            den = math.lcm(*(int(v) for v in ds))
            row.append(
                Cyclotomic._make(
                    N, [int(n) * (den // int(q)) for n, q in zip(ns, ds, strict=True)], den
                )
            )
        out.append(row)
    return out


def _integral(rows: Sequence[Sequence[Cyclotomic]], N: int) -> tuple[Any, int]:
    """(integer coordinates (rows, cols, phi) as an object array, their common denominator)."""
    c = _Coordinates(tuple(tuple(r) for r in rows), N)
    den = math.lcm(*(int(d) for d in c.dens.reshape(-1)))
    scale = np.vectorize(lambda d: den // int(d), otypes=[object])(c.dens)
    return c.nums * scale[:, :, None], den


def _product_equals(
    a: Rows, x: Sequence[Sequence[Cyclotomic]], b: Sequence[Sequence[Cyclotomic]], N: int
) -> bool:
    """Whether a x = b exactly, on integer coordinates: with a = A / da, x = X / dx,
    b = B / db, :math:`db \\sum_{u,v} A_u X_v \\zeta^{u+v} = da\\, dx\\, B` modulo
    :math:`\\Phi_N` (Python integers in object arrays: no overflow)."""
    from grouprep.reps._real import _reduced

    A, da = _integral(a, N)
    X, dx = _integral(x, N)
    B, db = _integral(b, N)
    phi = A.shape[2]
    C = np.zeros((A.shape[0], X.shape[1], 2 * phi - 1), dtype=object)
    for u in range(phi):
        Au = A[:, :, u]
        if not Au.any():
            continue
        for v in range(phi):
            C[:, :, u + v] += Au @ X[:, :, v]
    return bool(np.array_equal(_reduced(C, N) * db, B * (da * dx)))


def _attempt(acc: Any, modulus: int) -> tuple[Any, Any] | None:
    """Rational reconstruction of every value, tried only once a few sampled values (the
    last one, and others spread over the array) reconstruct: most attempts fail early.
    The values are first multiplied by the lcm L of the sample's denominators (usually the
    common denominator, so most scaled values are integers found without a Euclidean
    division chain), then divided by L again."""
    flat = acc.reshape(-1)
    probe = _reconstruct(np.append(flat[:: max(1, len(flat) // 8)], flat[-1:]), modulus)
    if probe is None:
        return None
    L = math.lcm(*(int(d) for d in probe[1]))
    found = _reconstruct(acc * L % modulus, modulus)
    if found is None:  # the scaled numerators too large: reconstruct the values themselves
        return _reconstruct(acc, modulus)
    nums, dens = found
    dens = dens * L
    g = np.vectorize(math.gcd, otypes=[object])(nums, dens)
    return nums // g, dens // g


def _field(*matrices: Rows) -> int:
    return field_of(v for m in matrices for row in m for v in row if v)


def _prime_list(N: int, max_primes: int) -> tuple[int, ...]:
    if max_primes <= 0:
        return ()
    try:
        return _primes(N, max_primes)
    except ValueError:  # pragma: no cover - fewer splitting primes below 2^25
        return ()


# --------------------------------------------------------------- the routes
def _modular_solve(a: Rows, b: Rows, max_primes: int) -> list[list[Cyclotomic]] | None:
    """X with a X = b exactly, or None (a singular modulo several primes, or no candidate
    passed the exact check within the budget)."""
    N = _field(a, b)
    ca, cb = _Coordinates(a, N), _Coordinates(b, N)
    acc: Any = None
    modulus = 1
    candidate: Any = None
    singular = 0
    for p in _prime_list(N, max_primes):
        emb = _Embeddings(N, p)
        try:
            A, B = ca.residues(emb), cb.residues(emb)
        except ZeroDivisionError:
            continue
        X = _solve_batched(A, B, p)
        if X is None:
            singular += 1
            if singular >= 3:
                return None
            continue
        coords = np.einsum("ie,eab->iab", emb.Vinv, X) % p
        if candidate is not None and _agrees(candidate, coords, p):
            x = _entries(candidate, N)
            if _product_equals(a, x, b, N):
                return x
        acc = coords.astype(object) if acc is None else _crt(acc, modulus, coords, p)
        modulus *= p
        candidate = _attempt(acc, modulus)
    return None


def _better(new: list[int], old: list[int] | None) -> bool:
    """Whether pivot columns ``new`` beat ``old``: more of them, or earlier ones."""
    if old is None:
        return True
    return len(new) > len(old) or (len(new) == len(old) and new < old)


def _basis(rows_count: int, cols: int, pivots: list[int], coeffs: Any) -> list[list[Any]]:
    """The null space vectors from the pivot columns and the echelon entries R[i, f]:
    x_f = e_f - sum_i R[i, f] e_(pivot i)."""
    free = [j for j in range(cols) if j not in pivots]
    out = []
    for k, f in enumerate(free):
        x: list[Any] = [_ZERO] * cols
        x[f] = _ONE
        for i, c in enumerate(pivots):
            x[c] = -coeffs[i][k]
        out.append(x)
    return out


def _modular_nullspace(m: Rows, max_primes: int) -> list[list[Cyclotomic]] | None:
    N = _field(m)
    cm = _Coordinates(m, N)
    cols = len(m[0])
    best: list[int] | None = None
    acc: Any = None
    modulus = 1
    candidate: Any = None
    for p in _prime_list(N, max_primes):
        emb = _Embeddings(N, p)
        try:
            A = cm.residues(emb)
        except ZeroDivisionError:
            continue
        found = _rref_batched(A, p)
        if found is None:
            continue
        R, pivots = found
        if len(pivots) == cols:  # full column rank modulo p, so exactly
            return []
        if _better(pivots, best):
            best, acc, modulus, candidate = pivots, None, 1, None
        elif pivots != best:
            continue
        free = [j for j in range(cols) if j not in pivots]
        coords = np.einsum("ie,erf->irf", emb.Vinv, R[:, :, free]) % p
        if candidate is not None and _agrees(candidate, coords, p):
            basis = _basis(len(m), cols, pivots, _entries(candidate, N))
            columns = [list(v) for v in zip(*basis, strict=True)]
            zero = [[_ZERO] * len(columns[0]) for _ in m]
            if _product_equals(m, columns, zero, N):
                return basis
        acc = coords.astype(object) if acc is None else _crt(acc, modulus, coords, p)
        modulus *= p
        candidate = _attempt(acc, modulus)
    return None


def _exact_pivots(m: Rows) -> tuple[list[int], list[int]]:
    """The pivot columns of m's reduced echelon form and rows at which they form an
    invertible minor, by exact elimination."""
    from grouprep.reps._real import _greedy_exact

    columns = [list(c) for c in zip(*m, strict=True)]
    return _greedy_exact(columns, len(columns))


def _exact_nullspace_by_elimination(m: Rows) -> list[list[Cyclotomic]]:
    from grouprep.reps._general import _solve

    chosen, leads = _exact_pivots(m)
    cols = len(m[0])
    free = [j for j in range(cols) if j not in chosen]
    if not free:
        return []
    if not chosen:
        return _basis(len(m), cols, [], [])
    A = [[m[i][c] for c in chosen] for i in leads]
    B = [[m[i][f] for f in free] for i in leads]
    return _basis(len(m), cols, chosen, _solve(A, B))


def _nullspace(m: Rows, max_primes: int) -> list[list[Cyclotomic]]:
    found = _modular_nullspace(m, max_primes)
    return found if found is not None else _exact_nullspace_by_elimination(m)


def _singular(where: str, m: Rows, max_primes: int) -> GroupRepValueError:
    rank = len(m[0]) - len(_nullspace(m, max_primes))
    return GroupRepValueError(
        f"{where}: expected an invertible matrix, got a singular {len(m)}x{len(m)} matrix "
        f"of rank {rank}"
    )


def _solve_rows(a: Rows, b: Rows, where: str, max_primes: int) -> list[list[Cyclotomic]]:
    from grouprep.reps._general import _solve

    found = _modular_solve(a, b, max_primes)
    if found is not None:
        return found
    try:
        return _solve([list(r) for r in a], [list(r) for r in b])
    except (StopIteration, ZeroDivisionError):
        raise _singular(where, a, max_primes) from None


# ------------------------------------------------------------------ public
def exact_inverse(m: Any, *, max_primes: int = LINALG_MAX_PRIMES) -> ExactMatrix:
    """The exact inverse :math:`m^{-1}` of a square matrix over one cyclotomic field.

    Computed modulo primes :math:`p \\equiv 1 \\pmod N` under every embedding of
    :math:`\\mathbb{Q}(\\zeta_N)`, recovered by CRT and rational reconstruction, and
    returned only once :math:`m \\cdot m^{-1} = I` holds exactly; exact Gauss-Jordan
    elimination otherwise.

    Parameters
    ----------
    m : nested sequence of exact numbers (int, Fraction, Cyclotomic)
        A square invertible matrix.
    max_primes : int
        The most primes tried before the exact elimination (0: elimination only).

    Returns
    -------
    ExactMatrix
        The inverse, a tuple of rows.

    Raises
    ------
    GroupRepValueError
        If m is not square (the shape is given) or singular (the rank is given).

    Examples
    --------
    >>> from grouprep.numbers import root_of_unity
    >>> from grouprep.reps import exact_inverse
    >>> z = root_of_unity(8)
    >>> inv = exact_inverse([[1, z], [0, 2]])
    >>> inv[0][1] == -z / 2
    True
    """
    max_primes = check_int(max_primes, "max_primes", "exact_inverse", minimum=0)
    rows = _square(m, "exact_inverse: argument 'm'")
    x = _solve_rows(rows, identity_matrix(len(rows)), "exact_inverse: argument 'm'", max_primes)
    return tuple(tuple(r) for r in x)


def exact_solve(a: Any, b: Any, *, max_primes: int = LINALG_MAX_PRIMES) -> Any:
    """The exact solution x of :math:`a x = b` for a square invertible matrix a.

    Parameters
    ----------
    a : nested sequence of exact numbers
        A square invertible n x n matrix.
    b : sequence or nested sequence of exact numbers
        A vector of length n, or an n x k matrix.
    max_primes : int
        The most primes tried before the exact elimination (0: elimination only).

    Returns
    -------
    tuple
        x as a tuple of n numbers if b is a vector, else as a tuple of n rows.

    Raises
    ------
    GroupRepValueError
        If a is not square or singular (the rank is given), or b has the wrong length.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from grouprep.reps import exact_solve
    >>> exact_solve([[2, 1], [1, 3]], [3, 5]) == (Fraction(4, 5), Fraction(7, 5))
    True
    """
    max_primes = check_int(max_primes, "max_primes", "exact_solve", minimum=0)
    rows = _square(a, "exact_solve: argument 'a'")
    n = len(rows)
    try:
        items = list(b)
    except TypeError:
        raise GroupRepTypeError(
            f"exact_solve: argument 'b' must be a vector or a matrix, got {describe(b)}"
        ) from None
    vector = bool(items) and not all(hasattr(v, "__len__") for v in items)
    brows = _rows([[v] for v in items] if vector else items, "exact_solve: argument 'b'")
    if len(brows) != n:
        raise GroupRepValueError(
            f"exact_solve: argument 'b' must have {n} rows (the size of 'a'), got shape "
            f"({len(brows)}, {len(brows[0])})"
        )
    x = _solve_rows(rows, brows, "exact_solve: argument 'a'", max_primes)
    if vector:
        return tuple(r[0] for r in x)
    return tuple(tuple(r) for r in x)


def exact_nullspace(
    m: Any, *, max_primes: int = LINALG_MAX_PRIMES
) -> list[tuple[Cyclotomic, ...]]:
    """A basis of the null space :math:`\\{x : m x = 0\\}` in reduced echelon form.

    For each free (non-pivot) column f of the reduced row echelon form R of m (pivot
    columns :math:`c_1 < \\dots < c_r`), the vector
    :math:`x_f = e_f - \\sum_i R_{i f}\\, e_{c_i}`: 1 at f, 0 at the other free columns
    (the basis sympy's ``Matrix.nullspace`` gives). As columns, read from the bottom, the
    vectors form the reduced column echelon form of the null space.

    Parameters
    ----------
    m : nested sequence of exact numbers
        A (rows x cols) matrix over one cyclotomic field.
    max_primes : int
        The most primes tried before the exact elimination (0: elimination only).

    Returns
    -------
    list of tuple of Cyclotomic
        The basis vectors (length cols), by increasing free column; [] if m has full
        column rank.

    Examples
    --------
    >>> from grouprep.reps import exact_nullspace
    >>> [[int(v.as_fraction()) for v in x] for x in exact_nullspace([[1, 2, 3], [2, 4, 6]])]
    [[-2, 1, 0], [-3, 0, 1]]
    """
    max_primes = check_int(max_primes, "max_primes", "exact_nullspace", minimum=0)
    rows = _rows(m, "exact_nullspace: argument 'm'")
    return [tuple(v) for v in _nullspace(rows, max_primes)]


def exact_rank(m: Any, *, max_primes: int = LINALG_MAX_PRIMES) -> int:
    """The exact rank of a matrix: the number of columns minus the dimension of the
    verified null space (:func:`exact_nullspace`).

    Examples
    --------
    >>> from grouprep.numbers import root_of_unity
    >>> from grouprep.reps import exact_rank
    >>> z = root_of_unity(5)
    >>> exact_rank([[1, z], [z, z**2]]), exact_rank([[1, z], [z, 1]])
    (1, 2)
    """
    max_primes = check_int(max_primes, "max_primes", "exact_rank", minimum=0)
    rows = _rows(m, "exact_rank: argument 'm'")
    return len(rows[0]) - len(_nullspace(rows, max_primes))
