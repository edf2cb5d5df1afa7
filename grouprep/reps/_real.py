"""Real irreducible representations and isotypic bases (private)."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt

from grouprep._validation import describe
from grouprep.errors import GroupRepValueError
from grouprep.groups import CyclicGroup, DihedralGroup, FiniteGroup
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.numbers._cyclotomic import _lift, _phi, _reduce
from grouprep.reps._constructions import _check_rep
from grouprep.reps._representation import ExactMatrix, Representation

__all__ = ["isotypic_basis", "real_irreps"]

_ZERO = Cyclotomic(0)
_ONE = Cyclotomic(1)
_HALF = Cyclotomic(Fraction(1, 2))


def _cos_sin(n: int, k: int) -> tuple[Cyclotomic, Cyclotomic]:
    """Exact cos(2πk/n) and sin(2πk/n) as (real) cyclotomic numbers."""
    z, zi = root_of_unity(n, k), root_of_unity(n, -k)
    i = root_of_unity(4)
    return (z + zi) * _HALF, (z - zi) * _HALF * (-i)


def _rotation(n: int, k: int) -> ExactMatrix:
    return _rotation_of_angle(n, k % n)


@functools.lru_cache(maxsize=4096)
def _rotation_of_angle(n: int, k: int) -> ExactMatrix:
    """R(2 pi k / n), 0 <= k < n: computed once per angle (the values are immutable)."""
    c, s = _cos_sin(n, k)
    return ((c, -s), (s, c))


def _cyclic_rotation(n: int, k: int, g: int) -> ExactMatrix:
    return _rotation(n, k * g)


_FLIP = ((_ONE, _ZERO), (_ZERO, -_ONE))


def _dihedral_rotation(n: int, j: int, g: tuple[int, int]) -> ExactMatrix:
    """R(2 pi j r / n) F^s, F = diag(1, -1)."""
    r, s = g
    m = _rotation(n, j * r)
    if not s:
        return m
    return tuple(tuple(m[a][b] * _FLIP[b][b] for b in range(2)) for a in range(2))


def real_irreps(group: FiniteGroup[Any]) -> tuple[Representation, ...]:
    """The real irreducible representations of a finite group, with exact real matrices.

    Every real irreducible representation comes from a complex irreducible
    :math:`\\rho` of :func:`irreps` (dimension d, character :math:`\\chi`), by its
    Frobenius–Schur indicator :math:`\\nu(\\chi) = \\frac{1}{|G|}\\sum_g \\chi(g^2)`
    (:attr:`CharacterTable.indicators`):

    * :math:`\\nu = 1`: a *real form* of :math:`\\rho`, dimension d, character
      :math:`\\chi`;
    * :math:`\\nu = 0` (:math:`\\chi` not real): one real irrep per pair
      :math:`\\{\\chi, \\overline{\\chi}\\}`, the realification of :math:`\\rho`,
      dimension 2d, character :math:`\\chi + \\overline{\\chi}`;
    * :math:`\\nu = -1` (quaternionic): the realification of :math:`\\rho`, dimension
      2d, character :math:`2\\chi`;

    with the realification

    .. math:: \\rho_{\\mathbb{R}}(g) = \\begin{pmatrix} \\operatorname{Re}\\rho(g) &
              -\\operatorname{Im}\\rho(g) \\\\ \\operatorname{Im}\\rho(g) &
              \\operatorname{Re}\\rho(g) \\end{pmatrix}, \\qquad
              \\operatorname{Re} z = \\frac{z + \\bar z}{2}, \\quad
              \\operatorname{Im} z = \\frac{z - \\bar z}{2i}.

    The list is complete: :math:`\\langle \\chi_{\\mathbb{R}}, \\chi_{\\mathbb{R}} \\rangle
    = 1, 2, 4` for :math:`\\nu = 1, 0, -1` (the dimension of the division algebra
    :math:`\\operatorname{End}_{\\mathbb{R}G} = \\mathbb{R}, \\mathbb{C}, \\mathbb{H}`), and
    :math:`\\sum \\dim^2 / \\langle \\chi_{\\mathbb{R}}, \\chi_{\\mathbb{R}} \\rangle = |G|`,
    the dimension of :math:`\\mathbb{R}[G]`. Entries are exact real cyclotomic numbers
    (:meth:`~grouprep.numbers.Cyclotomic.is_real`); ``numeric`` gives float64 arrays, and
    :func:`unitary_matrices` real orthogonal ones.

    Order: the rows of :func:`character_table` (the trivial representation first, then
    by degree), one entry per row of indicator 1 or -1 and one per pair of complex
    conjugate rows, at the first row of the pair. Two families keep their closed forms,
    in the order they have always had:

    * ``cyclic(n)``: the trivial character, the sign :math:`(-1)^g` for even n, and the
      rotation blocks :math:`g \\mapsto R(2\\pi k g/n)` for k = 1 .. (n-1)//2, with
      :math:`R(\\theta) = \\begin{pmatrix} \\cos\\theta & -\\sin\\theta \\\\ \\sin\\theta &
      \\cos\\theta \\end{pmatrix}` (the realification of :math:`\\zeta_n^{kg}`); the sign
      comes second, not at its row n/2;
    * ``dihedral(n)``: the real characters and :math:`(r, s) \\mapsto R(2\\pi j r/n) F^s`
      with :math:`F = \\operatorname{diag}(1, -1)` (the table's order).

    A real form (:math:`\\nu = 1`) is :math:`\\rho` itself when its matrices are real
    (Young's forms of :math:`S_n`, for example). Otherwise a *real* :math:`\\psi` (a
    linear character with values :math:`\\pm 1`, or the real form of an irrep of
    indicator 1) of a subgroup H with
    :math:`\\langle \\operatorname{Res}_H\\chi, \\psi \\rangle = 1` is induced and
    projected as in :func:`irreps`, which keeps everything real; H is the kernel of a
    linear character of prime order, a cyclic subgroup, a point stabilizer or a
    subgroup generated by two elements. Failing that, an intertwiner S with
    :math:`\\overline{\\rho(g)} = S\\rho(g)S^{-1}` gives :math:`S\\overline{S} = cI`,
    c > 0, and the vectors :math:`v + \\overline{S}\\,\\overline{v}/\\sqrt{c}` span a real
    invariant subspace (when :math:`\\sqrt{c}` is cyclotomic). The result is kept with
    the group.

    Raises
    ------
    GroupRepTypeError
        If ``group`` is not a grouprep FiniteGroup.
    GroupRepValueError
        If for some row of indicator 1 none of these methods finds an exact real form
        (the message names the group and the row); no group of the GAP reference data
        meets it.
    SizeLimitError
        As :func:`irreps`, and for a real form by induction in a group of order above
        10^5.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import real_irreps
    >>> rho = real_irreps(grouprep.cyclic(8))[-1]
    >>> rho.numeric(1).round(4).tolist()
    [[-0.7071, -0.7071], [0.7071, -0.7071]]

    :math:`A_4`: its characters of degree 1 with values :math:`\\zeta_3^{\\pm 1}` on the
    3-cycles form one pair, realified to rotations by :math:`\\pm 2\\pi/3`; its
    3-dimensional irrep is real:

    >>> A4 = grouprep.alternating(4)
    >>> [(rho.name, rho.dim) for rho in real_irreps(A4)]
    [('X.1', 1), ('X.2 + X.3 (realified)', 2), ('X.4', 3)]
    >>> [rho.character_values() for rho in real_irreps(A4)]
    [(1, 1, 1, 1), (2, 2, -1, -1), (3, -1, 0, 0)]
    >>> real_irreps(A4)[1].numeric((1, 2, 0, 3)).round(4).tolist()
    [[-0.5, -0.866], [0.866, -0.5]]
    """
    from grouprep.errors import GroupRepTypeError

    if not isinstance(group, FiniteGroup):
        raise GroupRepTypeError(
            f"real_irreps: argument 'group' must be a grouprep FiniteGroup, got {describe(group)}"
        )
    target = group._canonical()  # an equal group of a family (a subgroup that is all of it)
    if isinstance(target, CyclicGroup):
        n = target.n
        reps = [
            Representation(
                target, [[[1]] for _ in target.generators], "trivial", dim=1, check=False
            )
        ]
        if n % 2 == 0:
            reps.append(Representation(target, [[[-1]]], "sign", check=False))
        for k in range(1, (n - 1) // 2 + 1):
            closed = functools.partial(_cyclic_rotation, n, k)
            reps.append(Representation.from_closed_form(target, closed, 2, f"rotation_{k}"))
        return tuple(reps)
    if isinstance(target, DihedralGroup):
        from grouprep.reps._irreps import irreps

        n = target.n
        linear = [r for r in irreps(target) if r.dim == 1]  # already real (+-1)
        reps = list(linear)
        for j in range(1, (n - 1) // 2 + 1):
            closed2 = functools.partial(_dihedral_rotation, n, j)
            reps.append(Representation.from_closed_form(target, closed2, 2, f"rho_{j} (real)"))
        return tuple(reps)
    from grouprep.reps._real_general import general_real_irreps

    return general_real_irreps(group)


# ----------------------------------------- isotypic decomposition on integer coordinates
# The exact matrices of every element are moved once onto integer coordinates in one
# cyclotomic field Q(zeta_N) (a polynomial in zeta_N over one denominator); the sums over
# the group are then integer matrix products, and only the entries that are kept become
# Cyclotomic numbers again.

_INT64 = 2**62  # below this bound, sums and products of integers stay within int64
_FLOAT = 2**53  # below this bound, float64 products and sums of integers are exact


@dataclass(frozen=True)
class _Stack:
    """Exact matrices on coordinates: entry ``[g, i, j]`` is
    :math:`\\frac{1}{den}\\sum_u values[g, i, j, u]\\, \\zeta_N^u` (a polynomial in
    :math:`\\zeta_N`, not reduced modulo :math:`\\Phi_N`). ``values`` is int64 when its
    entries are below 2^62, else an object array of Python ints."""

    values: npt.NDArray[Any]
    den: int
    N: int


@dataclass(frozen=True)
class _Isotypic:
    """The isotypic decomposition of a representation V of dimension n.

    ``columns``: the n basis vectors, irrep by irrep (in the order given), copy by copy,
    vector :math:`P_{a1} v_k` for a = 1 .. d; ``rows``: the rows of the inverse change of
    basis in the same order (None when not asked for)."""

    multiplicities: tuple[int, ...]
    columns: list[list[Cyclotomic]]
    rows: list[list[Cyclotomic]] | None


def _largest(values: npt.NDArray[Any]) -> int:
    """The largest absolute value of an integer array (0 if empty)."""
    if not values.size:
        return 0
    if values.dtype == object:
        return int(np.abs(values).max())
    return max(int(values.max()), -int(values.min()))


class _Operand:
    """The right-hand side of :func:`_contract`, shape (|G|, j, L), with its bound and,
    once asked for, its float64 copy: kept for the products with every irrep."""

    __slots__ = ("_float", "bound", "values")

    def __init__(self, values: npt.NDArray[Any]) -> None:
        self.values = values
        self.bound = _largest(values)
        self._float: npt.NDArray[np.float64] | None = None

    def as_float(self) -> npt.NDArray[np.float64]:
        if self._float is None:
            self._float = self.values.astype(np.float64)
        return self._float


def _distinct(
    matrices: Sequence[Sequence[Sequence[Cyclotomic]]], shape: tuple[int, int]
) -> tuple[npt.NDArray[np.intp], list[Cyclotomic]]:
    """The distinct entries of some matrices, and for every entry its index among them."""
    table: dict[tuple[int, tuple[int, ...], int], int] = {}
    values: list[Cyclotomic] = []
    flat: list[int] = []
    for m in matrices:
        for row in m:
            for v in row:
                key = (v._n, v._nums, v._den)
                j = table.get(key)
                if j is None:
                    j = table[key] = len(values)
                    values.append(v)
                flat.append(j)
    return np.array(flat, dtype=np.intp).reshape(len(matrices), *shape), values


def _lifted(index: npt.NDArray[np.intp], values: list[Cyclotomic], N: int) -> _Stack:
    """The matrices of :func:`_distinct` on the power basis of Q(zeta_N), one denominator."""
    den = math.lcm(1, *(v._den for v in values))
    coords = [[c * (den // v._den) for c in _lift(v, N)] for v in values]
    big = max((abs(c) for row in coords for c in row), default=0)
    table = np.array(coords, dtype=np.int64 if big < _INT64 else object)
    return _Stack(table.reshape(len(values), _phi(N))[index], den, N)


def _kron(a: _Stack, b: _Stack) -> _Stack:
    """The Kronecker products :math:`a(g) \\otimes b(g)`, rows (i, k) -> i * rows_b + k."""
    A, B = a.values, b.values
    g, ra, ca, la = A.shape
    _, rb, cb, lb = B.shape
    exact64 = A.dtype != object and B.dtype != object
    dtype = np.int64 if exact64 and _largest(A) * _largest(B) * min(la, lb) < _INT64 else object
    A, B = A.astype(dtype), B.astype(dtype)
    out = np.zeros((g, ra, rb, ca, cb, la + lb - 1), dtype=dtype)
    right = B[:, None, :, None, :, :]
    for u in range(la):
        left = A[:, :, None, :, None, u, None]
        if left.any():
            out[..., u : u + lb] += left * right
    return _Stack(out.reshape(g, ra * rb, ca * cb, la + lb - 1), a.den * b.den, a.N)


def _contract(x: npt.NDArray[Any], y: npt.NDArray[Any] | _Operand) -> npt.NDArray[Any]:
    """:math:`\\sum_g x_{g k}\\, y_{g j}` for polynomial coordinates ``x`` of shape
    (|G|, k, Lx) and ``y`` of shape (|G|, j, Ly): shape (k, j, Lx + Ly - 1), exactly.

    One integer matrix product over the group: in float64 (BLAS) when every partial sum
    is an integer below 2^53, else in int64 or in Python ints."""
    right = y if isinstance(y, _Operand) else _Operand(y)
    values = right.values
    g, k, lx = x.shape
    _, j, ly = values.shape
    bound = _largest(x) * right.bound * g
    ints = x.dtype != object and values.dtype != object
    X = x.reshape(g, k * lx).T
    if ints and bound < _FLOAT:
        Y = right.as_float().reshape(g, j * ly)
        Z = np.rint(X.astype(np.float64) @ Y).astype(np.int64)
    elif ints and bound < _INT64:
        Z = X @ values.reshape(g, j * ly)
    else:
        Z = X.astype(object) @ values.reshape(g, j * ly).astype(object)
    if Z.dtype != object and bound * min(lx, ly) >= _INT64:
        Z = Z.astype(object)
    Z = Z.reshape(k, lx, j, ly)
    if lx == 1:
        return Z[:, 0]
    out = np.zeros((k, j, lx + ly - 1), dtype=Z.dtype)
    for u in range(lx):
        out[:, :, u : u + ly] += Z[:, u]
    return out


@functools.lru_cache(maxsize=64)
def _reduction(N: int, length: int) -> npt.NDArray[np.int64]:
    """The integer matrix taking coordinates on :math:`1, \\zeta_N, \\dots,
    \\zeta_N^{length-1}` to the power basis of Q(zeta_N) (reduction modulo
    :math:`\\Phi_N` is linear)."""
    return np.array([_reduce([0] * u + [1], N) for u in range(length)], dtype=np.int64).reshape(
        length, _phi(N)
    )


def _reduced(values: npt.NDArray[Any], N: int) -> npt.NDArray[Any]:
    """Polynomial coordinates (last axis) reduced modulo :math:`\\Phi_N`, exactly."""
    length = values.shape[-1]
    R = _reduction(N, length)
    if length == R.shape[1] and not np.any(R - np.eye(length, dtype=np.int64)):
        return values
    if values.dtype != object and _largest(values) * _largest(R) * length < _INT64:
        return values @ R  # int64 products: no rounding, and fast for a short last axis
    return values.astype(object) @ R.astype(object)  # type: ignore[no-any-return]


def _exact_entries(coords: npt.NDArray[Any], scale: Fraction, N: int) -> list[Cyclotomic]:
    """The numbers :math:`scale \\cdot \\sum_u c_u \\zeta_N^u`, one per row of ``coords``."""
    out = []
    num, den = scale.numerator, scale.denominator
    for c in _reduced(coords.reshape(-1, coords.shape[-1]), N).tolist():
        if any(c):
            out.append(Cyclotomic._make(N, [v * num for v in c], den))
        else:
            out.append(_ZERO)
    return out


def _greedy_modulo(M: npt.NDArray[np.int64], m: int, p: int) -> tuple[list[int], list[int]] | None:
    """The first m columns of M independent modulo p (in order), and m rows at which they
    form an invertible minor (the pivots of their reduced echelon form); None if the
    columns have rank below m modulo p."""
    n = M.shape[0]
    basis = np.zeros((0, n), dtype=np.int64)
    pivots: list[int] = []
    chosen: list[int] = []
    for j in range(M.shape[1]):
        if len(chosen) == m:
            break
        w = M[:, j] % p
        if pivots:  # residues below 2^25: sums of m products stay within int64
            w = (w - w[pivots] @ basis) % p
        nz = np.flatnonzero(w)
        if not len(nz):
            continue
        piv = int(nz[0])
        w = w * pow(int(w[piv]), -1, p) % p
        basis = np.vstack([(basis - np.outer(basis[:, piv], w)) % p, w])
        pivots.append(piv)
        chosen.append(j)
    return (chosen, pivots) if len(chosen) == m else None


def _greedy_exact(columns: list[list[Cyclotomic]], m: int) -> tuple[list[int], list[int]]:
    """As :func:`_greedy_modulo`, exactly: each new column reduced against the earlier
    ones at their leading positions; the leads give a triangular, invertible minor."""
    reduced: list[tuple[int, list[Cyclotomic]]] = []
    chosen: list[int] = []
    for j, col in enumerate(columns):
        if len(chosen) == m:
            break
        v = list(col)
        for at, w in reduced:
            if v[at]:
                f = v[at] / w[at]
                v = [a - f * b for a, b in zip(v, w, strict=True)]
        lead = next((i for i, x in enumerate(v) if x), None)
        if lead is not None:
            reduced.append((lead, v))
            chosen.append(j)
    return chosen, [lead for lead, _ in reduced]


def _pivots(
    P: npt.NDArray[Any], m: int, scale: Fraction, N: int
) -> tuple[list[int], list[int]] | None:
    """m independent columns of the matrix with coordinates P (n, n, L) and m rows giving
    an invertible minor: chosen modulo a prime that splits Q(zeta_N) (independent there,
    so independent exactly), else exactly; None if the rank is below m."""
    from grouprep.reps._modular import ModularField

    n, _, length = P.shape
    for which in range(3):
        try:
            F = ModularField(N, which)
        except ValueError:  # pragma: no cover - no splitting prime below 2^25
            break
        p = F.p
        residues = (P % p).astype(np.int64)
        M = np.zeros((n, n), dtype=np.int64)
        power = 1
        for u in range(length):
            M = (M + residues[:, :, u] * power) % p
            power = power * F.w % p
        found = _greedy_modulo(M, m, p)
        if found is not None:
            return found
    exact = _exact_entries(P, scale, N)
    chosen, leads = _greedy_exact([[exact[i * n + j] for i in range(n)] for j in range(n)], m)
    return (chosen, leads) if len(chosen) == m else None


def _isotypic(
    factors: Sequence[Representation],
    reps: Sequence[Representation],
    where: str,
    *,
    inverse: bool,
) -> _Isotypic:
    """The isotypic decomposition of :math:`V = \\bigotimes_i factors_i` (Kronecker order)
    under the irreducible representations ``reps``: for each :math:`\\pi` of dimension d,
    :math:`P_{ab} = \\frac{d}{|G|}\\sum_g \\pi(g^{-1})_{ba} V(g)`; a basis
    :math:`v_k = P_{11} e_{j_k}` of the image of :math:`P_{11}` (its rank m is its trace)
    gives the copies :math:`P_{a1} v_k = P_{a1} e_{j_k}` (since :math:`P_{a1} P_{11} =
    P_{a1}`). The rows of the inverse: with rows :math:`i_1 .. i_m` where the
    :math:`v_k` form an invertible minor M, the row of (k, b) is
    :math:`\\sum_r (M^{-1})_{kr}\\, e_{i_r}^T P_{1b}`, since
    :math:`P_{1b} P_{a1} = \\delta_{ab} P_{11}` and :math:`P_{1b}` kills the other
    isotypic components."""
    from grouprep.reps._general import _solve

    G = factors[0].group
    elements = G.elements()
    order = len(elements)
    inverses = [G._inverse(g) for g in elements]
    found = [_distinct([r._exact(g) for g in elements], (r.dim, r.dim)) for r in factors]
    first_rows = []
    first_cols = []
    for pi in reps:
        mats = [pi._exact(h) for h in inverses]
        first_rows.append(_distinct([(m[0],) for m in mats], (1, pi.dim)))
        if inverse:
            first_cols.append(
                _distinct([(tuple(row[0] for row in m),) for m in mats], (1, pi.dim))
            )
    N = 1
    for _, values in [*found, *first_rows, *first_cols]:
        N = math.lcm(N, *(v._n for v in values))
    stack = _lifted(*found[0], N)
    for f in found[1:]:
        stack = _kron(stack, _lifted(*f, N))
    V = _reduced(stack.values, N)
    n, length = V.shape[1], V.shape[3]
    flat = _Operand(V.reshape(order, n * n, length))
    multiplicities: list[int] = []
    columns: list[list[Cyclotomic]] = []
    rows: list[list[Cyclotomic]] = []
    for r, pi in enumerate(reps):
        d = pi.dim
        x = _lifted(*first_rows[r], N)  # x[g, 0, a] = pi(g^-1)[0][a]
        scale = Fraction(d, order * x.den * stack.den)
        X = x.values.reshape(order, d, -1)
        P11 = _contract(X[:, :1], flat).reshape(n, n, -1)
        trace = _exact_entries(
            P11[np.arange(n), np.arange(n)].astype(object).sum(axis=0), scale, N
        )[0]
        if (
            not trace.is_rational()
            or trace.as_fraction().denominator != 1
            or not 0 <= trace.as_fraction() <= n
        ):
            raise GroupRepValueError(
                f"{where}: the projection onto {pi!r} has trace {trace}, not a multiplicity: "
                "the matrices are not a representation and an irreducible one"
            )
        m = int(trace.as_fraction())
        multiplicities.append(m)
        if not m:
            continue
        pivots = _pivots(P11, m, scale, N)
        if pivots is None:
            raise GroupRepValueError(
                f"{where}: the projection onto {pi!r} has rank below its trace {m}: the "
                "matrices are not a representation and an irreducible one"
            )
        chosen, leads = pivots
        picked = V[:, :, chosen, :].reshape(order, n * m, length)
        cols = _exact_entries(_contract(X, picked), scale, N)  # [a, i, k]
        for k in range(m):
            for a in range(d):
                columns.append([cols[(a * n + i) * m + k] for i in range(n)])
        if not inverse:
            continue
        y = _lifted(*first_cols[r], N)  # y[g, 0, b] = pi(g^-1)[b][0]
        scale_y = Fraction(d, order * y.den * stack.den)
        Y = y.values.reshape(order, d, -1)
        lead_rows = V[:, leads, :, :].reshape(order, m * n, length)
        funcs = _exact_entries(_contract(Y, lead_rows), scale_y, N)  # [b, r, j]
        minor = [[cols[lead * m + k] for k in range(m)] for lead in leads]  # a = 0
        identity = [[_ONE if i == j else _ZERO for j in range(m)] for i in range(m)]
        A = _solve(minor, identity)
        for k in range(m):
            for b in range(d):
                row = [_ZERO] * n
                for t in range(m):
                    c = A[k][t]
                    if c:
                        base = (b * m + t) * n
                        row = [v + c * funcs[base + j] for j, v in enumerate(row)]
                rows.append(row)
    if len(columns) != n:
        raise GroupRepValueError(f"{where}: found {len(columns)} basis vectors for dimension {n}")
    return _Isotypic(tuple(multiplicities), columns, rows if inverse else None)


def isotypic_basis(rep: Representation) -> ExactMatrix:
    """An exact change of basis B that block-diagonalizes a representation.

    For each irreducible :math:`\\rho_i` (of ``irreps(G)``, dimension d) with multiplicity
    m, the operators :math:`P^i_{a1} = \\frac{d}{|G|} \\sum_g \\rho_i(g^{-1})_{1a}\\, \\rho(g)`
    map a basis :math:`v_1 .. v_m` of the image of :math:`P^i_{11}` to copies
    :math:`(P^i_{11} v_k, \\dots, P^i_{d1} v_k)` on which :math:`\\rho` acts by
    :math:`\\rho_i`; the columns of B are these vectors, irreps in the order of
    ``irreps(G)``. Then :math:`B^{-1} \\rho(g) B = \\bigoplus_i \\rho_i(g)^{\\oplus m_i}`.
    For the regular representation of :math:`\\mathbb{Z}_N` the columns are the Fourier
    modes (B is the inverse DFT up to scaling). The :math:`v_k` are the first columns of
    :math:`P^i_{11}` that are independent; the sums over the group are formed on integer
    coordinates in one cyclotomic field. For the regular representation the columns are
    the matrix coefficients themselves, :math:`B_{g,(i,a,b)} = \\frac{d_i}{|G|}
    \\rho_i(g^{-1})_{ab}` (a copy of :math:`\\rho_i` for each row a: Peter–Weyl), with no
    projection at all. For a tensor product,
    :func:`~grouprep.reps.clebsch_gordan` gives the same decomposition with its inverse.

    Returns
    -------
    tuple of tuples of Cyclotomic
        The square matrix B, rows first.

    Examples
    --------
    >>> import grouprep
    >>> from grouprep.reps import isotypic_basis, regular_representation
    >>> B = isotypic_basis(regular_representation(grouprep.cyclic(3)))
    >>> for row in B:
    ...     print([str(v) for v in row])
    ['1/3', '1/3', '1/3']
    ['1/3', '-1/3 - 1/3*E(3)', '1/3*E(3)']
    ['1/3', '1/3*E(3)', '-1/3 - 1/3*E(3)']
    """
    from grouprep.reps._irreps import irreps

    rep = _check_rep(rep, "rep", "isotypic_basis")
    if _is_regular(rep):  # Peter-Weyl: the matrix coefficients, no projections
        return _regular_isotypic_basis(rep.group)
    columns = _isotypic([rep], irreps(rep.group), "isotypic_basis", inverse=False).columns
    n = rep.dim
    return tuple(tuple(columns[j][i] for j in range(n)) for i in range(n))


def _is_regular(rep: Representation) -> bool:
    """Whether ``rep`` permutes the basis :math:`e_h` (h in ``group.elements()`` order) as
    the left regular representation, :math:`e_h \\mapsto e_{sh}`, on every generator s."""
    G = rep.group
    if rep._perm is None or rep.dim != G.order:
        return False
    elements = G.elements()
    for s in G.generators:
        perm = rep._permutation(s)
        if perm is None or any(
            perm[i] != G._index(G._compose(s, h)) for i, h in enumerate(elements)
        ):
            return False
    return True


def _regular_isotypic_basis(G: FiniteGroup[Any]) -> ExactMatrix:
    """The isotypic basis of the regular representation from the matrix coefficients.

    For an irrep :math:`\\rho` of dimension d and a row a, the vectors
    :math:`w_b = \\frac{d}{|G|} \\sum_g \\rho(g^{-1})_{ab}\\, e_g` (b = 1 .. d) satisfy
    :math:`L(h) w_b = \\sum_c \\rho(h)_{cb}\\, w_c`, since
    :math:`\\rho((h^{-1}g)^{-1})_{ab} = \\sum_c \\rho(g^{-1})_{ac} \\rho(h)_{cb}`: a copy
    of :math:`\\rho` for each row a. By Schur orthogonality the
    :math:`\\sum_\\rho d_\\rho^2 = |G|` columns are a basis, with the scaling of the
    projector construction (:math:`P_{b1}` applied to the copy's first vector):
    no projector sums and no elimination (Peter–Weyl).
    """
    from grouprep.reps._irreps import irreps

    elements = G.elements()
    inverses = [G._inverse(g) for g in elements]
    columns: list[list[Cyclotomic]] = []
    for rho in irreps(G):
        d = rho.dim
        factor = Cyclotomic(Fraction(d, G.order))
        mats = [rho._exact(h) for h in inverses]
        for a in range(d):
            for b in range(d):
                columns.append([m[a][b] * factor for m in mats])
    n = G.order
    return tuple(tuple(columns[j][i] for j in range(n)) for i in range(n))
