"""Bases of equivariant linear maps against emlp, the library of equivariant multilayer
perceptrons (Finzi, Welling and Wilson, "A Practical Method for Constructing Equivariant
Multilayer Perceptrons for Arbitrary Matrix Groups", ICML 2021), run in its own interpreter.

emlp is not a dependency of grouprep and is usually installed in a virtualenv of its own
(it pulls JAX, objax and optax). The entry runs it in a subprocess of the interpreter named
by the environment variable ``GROUPREP_EMLP_PYTHON``, for example::

    GROUPREP_EMLP_PYTHON=/path/to/emlp-venv/bin/python python -m benchmarks --only emlp

or, when that variable is unset, of the running interpreter if it can import emlp. Without
either the entry has no cases and says so on stderr. As in ``bench_escnn.py``, the
subprocess times itself: a warm-up call, then up to the suite's number of timed runs
(stopping early once they have taken the suite's budget), with ``time.perf_counter``
around the operation alone, so the start-up and the import of emlp and JAX (a few
seconds) are not counted. The subprocess runs with ``JAX_PLATFORMS=cpu``.

Both sides are cold: emlp keeps every solved basis in the class-level dict
``Rep.solcache`` (keyed by the canonical representation, hence by the group) and the
block permutations of product representations in ``rep_permutation``'s cache; the
subprocess clears both before every call and builds the group and the representation
afresh. grouprep builds a fresh group in every call. Module-level state survives the
warm-up on both sides, as everywhere in the suite; for emlp that includes the XLA
programs that JAX compiles for each new shape (the singular value decomposition of the
constraint matrix among them), so the warm-up call of emlp, which the entry reports on
stderr as its first call, is much slower than the timed ones.

* **D_8 regular, Hom(V, V).** The dihedral group of order 16, ``grouprep.dihedral(8)``,
  on V = R^16 by its left regular representation, e_h -> e_(gh). grouprep:
  ``intertwiner_basis(rep, rep)`` with ``rep = regular_representation(dihedral(8))``, 16
  exact 0/1 matrices (the orbits of G on pairs). emlp: a ``Group`` whose
  ``discrete_generators`` are the permutation matrices of r and s in the regular
  representation (``LazyPerm``, as emlp's own ``S(n)`` and ``Z(n)``), the group law
  r^k s^f r^k' s^f' = r^(k + (-1)^f k') s^(f + f') written out in the subprocess, and
  ``(V(G) >> V(G)).equivariant_basis()``. The subprocess returns its elements (k, f) in its
  order and the dense matrices of its two generators; the check relabels emlp's basis by
  ``dihedral(8).index((k, f))`` and requires the relabelled generators to be grouprep's
  matrices of the same elements, so the two sides work on the same representation.
* **S_5, Hom(V (x) V, V).** The symmetric group on V = R^5 by permutation matrices.
  grouprep: ``intertwiner_basis(tensor_product(V, V), V)`` with ``V`` the permutation
  representation of ``permutation_action(symmetric(5))``. emlp: ``(V(S(5)) * V(S(5)) >>
  V(S(5))).equivariant_basis()``. Both lay a map A: V (x) V -> V out as a 5 x 25 matrix
  (output index first, the input index i * 5 + j for e_i (x) e_j) flattened row by row.

The dimension must be the known one: dim Hom_G(C[G], C[G]) = |G| = 16, and for S_n with
n >= 3 the number of orbits on triples of points, the Bell number B_3 = 5 (one orbit per
partition of the three positions by equal entries). The check compares the spans: the
orthogonal projector onto the flattened basis of each side, in float64, must agree to
1e-3 entry by entry; the maximum deviation is printed on stderr. emlp solves in float32
(a dense singular value decomposition of the stacked constraints rho(h) - I for these
sizes), which is why the tolerance is loose.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import subprocess
import sys
from typing import Any

import numpy as np

import grouprep
from benchmarks._harness import BenchmarkMismatch, Case, Timing
from grouprep.invariants import intertwiner_basis
from grouprep.reps import permutation_representation, regular_representation, tensor_product

__all__ = ["cases"]

ENVIRONMENT_VARIABLE = "GROUPREP_EMLP_PYTHON"

# The suite's settings (run.FULL and run.QUICK), applied by the subprocess to itself.
REPEATS = {False: 7, True: 2}
BUDGET = {False: 10.0, True: 1.0}

TOLERANCE = 1e-3
"""Largest entry of the difference of the two projectors; emlp's basis is float32."""

DIHEDRAL_N = 8  # dihedral(8): order 16
SYMMETRIC_N = 5

EMLP_PROGRAM = r"""
import json, sys, time, warnings
warnings.simplefilter("ignore")
import numpy as np
from emlp.groups import Group, S
from emlp.reps import V
from emlp.reps.representation import Rep
from emlp.reps.product_sum_reps import rep_permutation
from emlp.reps.linear_operators import LazyPerm

operation, n, repeats, budget = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])

def dihedral_elements(n):
    return [(k, f) for f in range(2) for k in range(n)]  # r^k s^f

def dihedral_compose(n, a, b):
    (k1, f1), (k2, f2) = a, b
    return ((k1 + (-1) ** f1 * k2) % n, (f1 + f2) % 2)

class RegularDihedral(Group):
    # the dihedral group of order 2n by its left regular representation e_h -> e_(gh)
    def __init__(self, n):
        elements = dihedral_elements(n)
        index = {g: i for i, g in enumerate(elements)}
        self.generator_elements = [(1, 0), (0, 1)]  # r, s
        perms = []
        for g in self.generator_elements:
            g_inv = next(h for h in elements if dihedral_compose(n, g, h) == (0, 0))
            # LazyPerm(p) v = v[p]: (rho(g) v)_(gh) = v_h, so p[i] = index of g^-1 h_i
            perms.append(np.array([index[dihedral_compose(n, g_inv, h)] for h in elements]))
        self.discrete_generators = [LazyPerm(p) for p in perms]
        super().__init__(n)

def regular_hom():
    Rep.solcache.clear()
    rep_permutation.cache_clear()
    G = RegularDihedral(n)
    return G, np.asarray((V(G) >> V(G)).equivariant_basis())

def tensor_hom():
    Rep.solcache.clear()
    rep_permutation.cache_clear()
    G = S(n)
    return G, np.asarray((V(G) * V(G) >> V(G)).equivariant_basis())

op = {"regular": regular_hom, "tensor": tensor_hom}[operation]
start = time.perf_counter()
result = op()
first = time.perf_counter() - start
best, spent, runs = float("inf"), 0.0, 0
while runs < repeats and (runs == 0 or spent < budget):
    start = time.perf_counter()
    result = op()
    elapsed = time.perf_counter() - start
    best, spent, runs = min(best, elapsed), spent + elapsed, runs + 1

G, Q = result
answer = {"basis": Q.astype(np.float64).tolist(), "dtype": str(Q.dtype)}
if operation == "regular":
    eye = np.eye(2 * n)
    answer["elements"] = [list(g) for g in dihedral_elements(n)]
    answer["generators"] = [
        [list(g), np.asarray(h @ eye).tolist()]
        for g, h in zip(G.generator_elements, G.discrete_generators)
    ]
import emlp, jax
versions = {"emlp": getattr(emlp, "__version__", "?"), "jax": jax.__version__}
print(json.dumps({"best": best, "runs": runs, "first": first, "versions": versions,
                  "answer": answer}))
"""


# --------------------------------------------------------------- spans compared to 1e-3
class Span:
    """The span of the columns of a real matrix, by its dimension and orthogonal projector.

    Two spans are equal when they have the same dimension and their projectors agree to
    ``TOLERANCE`` entry by entry; the comparison prints the largest deviation on stderr.
    A span equals an integer when its dimension is that integer (the known dimension,
    given to the harness as ``expected``).
    """

    __slots__ = ("dim", "label", "projector")

    def __init__(self, columns: Any, label: str) -> None:
        C = np.asarray(columns, dtype=np.float64)
        U, s, _ = np.linalg.svd(C, full_matrices=False)
        rank = int((s > 1e-6 * max(float(s.max(initial=0.0)), 1.0)).sum())
        self.dim = rank
        self.projector = U[:, :rank] @ U[:, :rank].T
        self.label = label

    def __eq__(self, other: object) -> bool:
        if isinstance(other, int):
            return self.dim == other
        if not isinstance(other, Span):
            return NotImplemented
        if self.projector.shape != other.projector.shape or self.dim != other.dim:
            return False
        deviation = float(np.abs(self.projector - other.projector).max(initial=0.0))
        print(
            f"{self.label}: spans of dimension {self.dim} in R^{len(self.projector)}, "
            f"projectors differ by at most {deviation:.1e} (tolerance {TOLERANCE:.0e})",
            file=sys.stderr,
        )
        return deviation <= TOLERANCE

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Span(dim={self.dim} in R^{len(self.projector)})"


def flattened(matrices: list[Any]) -> Any:
    """The exact basis matrices, each flattened row by row, as the columns of one array."""
    return np.array([[float(v) for v in M] for M in matrices]).T


# --------------------------------------------------------------- the emlp interpreter
def emlp_python() -> str | None:
    """The interpreter that runs emlp, or None (with the reason on stderr)."""
    given = os.environ.get(ENVIRONMENT_VARIABLE)
    if given:
        try:
            probe = subprocess.run(
                [given, "-c", "import emlp.reps, emlp.groups"],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=600,
                env=emlp_environment(),
            )
        except OSError as error:
            last = f"{type(error).__name__}: {error}"
        else:
            if probe.returncode == 0:
                return given
            last = (probe.stderr.strip().splitlines() or ["(no message)"])[-1]
        print(
            f"emlp: {ENVIRONMENT_VARIABLE}={given} cannot import emlp ({last}); "
            "the emlp cases are skipped",
            file=sys.stderr,
        )
        return None
    if importlib.util.find_spec("emlp") is not None:
        return sys.executable
    print(
        f"emlp: not importable here and {ENVIRONMENT_VARIABLE} is not set (point it at a "
        "Python with emlp installed, e.g. a virtualenv's bin/python); the emlp cases are "
        "skipped",
        file=sys.stderr,
    )
    return None


def emlp_environment() -> dict[str, str]:
    """The environment of the subprocess: this one, with JAX kept on the CPU."""
    return {**os.environ, "JAX_PLATFORMS": "cpu"}


def run_emlp(python: str, operation: str, n: int, quick: bool) -> dict[str, Any]:
    """{"best": seconds, "runs": count, "first": seconds, "answer": ...} from emlp."""
    result = subprocess.run(
        [python, "-c", EMLP_PROGRAM, operation, str(n), str(REPEATS[quick]), str(BUDGET[quick])],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=True,
        timeout=1200,
        env=emlp_environment(),
    )
    answer: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return answer


def emlp_timing(output: dict[str, Any]) -> Timing:
    return Timing(float(output["best"]), int(output["runs"]))


def emlp_basis(output: dict[str, Any], label: str) -> Any:
    """emlp's basis as float64 columns, after reporting its first call and dtype."""
    versions = output.get("versions", {})
    print(
        f"{label}: emlp {versions.get('emlp', '?')} (jax {versions.get('jax', '?')}), basis "
        f"{output['answer']['dtype']}, first call {output['first']:.3g} s (with JAX's "
        f"compilation), best timed call {output['best'] * 1e3:.3g} ms",
        file=sys.stderr,
    )
    return np.asarray(output["answer"]["basis"], dtype=np.float64)


# --------------------------------------------------------------- (a) D_8 regular
def grouprep_regular_hom(n: int) -> list[Any]:
    rep = regular_representation(grouprep.dihedral(n))
    return intertwiner_basis(rep, rep)


def emlp_regular_span(n: int, label: str, output: dict[str, Any]) -> Span:
    answer = output["answer"]
    G = grouprep.dihedral(n)
    rep = regular_representation(G)
    order = G.order
    position = [G.index(tuple(g)) for g in answer["elements"]]
    if sorted(position) != list(range(order)):
        raise BenchmarkMismatch(f"{label}: emlp's elements {answer['elements']} are not D_{n}'s")
    R = np.zeros((order, order))
    R[position, np.arange(order)] = 1.0  # emlp's e_i -> grouprep's e_position[i]
    for element, matrix in answer["generators"]:
        theirs = R @ np.asarray(matrix, dtype=np.float64) @ R.T
        if not np.array_equal(theirs, rep.numeric(tuple(element))):
            raise BenchmarkMismatch(
                f"{label}: emlp's generator {tuple(element)}, relabelled, is not grouprep's "
                "regular representation of that element"
            )
    Q = emlp_basis(output, label)
    # the 16 x 16 matrix A of a column moves to R A R^T; flattened, that is kron(R, R)
    return Span(np.kron(R, R) @ Q, label)


def regular_case(python: str, n: int, quick: bool) -> Case:
    label = f"emlp D_{n} regular"
    return Case(
        operation="emlp: equivariant basis Hom(V, V)",
        case=f"D_{n} (order {2 * n}), regular, V = R^{2 * n}",
        caches="cold",
        grouprep=functools.partial(grouprep_regular_hom, n),
        baseline=lambda: run_emlp(python, "regular", n, quick),
        grouprep_answer=lambda basis: Span(flattened(basis), label),
        baseline_answer=functools.partial(emlp_regular_span, n, label),
        expected=2 * n,  # dim End_G(C[G]) = |G|
        baseline_timing=emlp_timing,
    )


# --------------------------------------------------------------- (b) S_5 Hom(V (x) V, V)
def grouprep_tensor_hom(n: int) -> list[Any]:
    V = permutation_representation(grouprep.permutation_action(grouprep.symmetric(n)))
    return intertwiner_basis(tensor_product(V, V), V)


def tensor_case(python: str, n: int, quick: bool) -> Case:
    label = f"emlp S_{n} Hom(V (x) V, V)"
    return Case(
        operation="emlp: equivariant basis Hom(V (x) V, V)",
        case=f"S_{n} permuting V = R^{n}",
        caches="cold",
        grouprep=functools.partial(grouprep_tensor_hom, n),
        baseline=lambda: run_emlp(python, "tensor", n, quick),
        grouprep_answer=lambda basis: Span(flattened(basis), label),
        baseline_answer=lambda output: Span(emlp_basis(output, label), label),
        expected=5,  # orbits of S_n (n >= 3) on triples: the Bell number B_3
        baseline_timing=emlp_timing,
    )


def cases(quick: bool) -> list[Case]:
    """The cases of this entry; none when no interpreter with emlp is available.

    Both inputs are small, so ``quick`` keeps them and changes only the repeats and the
    time budget of the subprocess (those of the suite).
    """
    python = emlp_python()
    if python is None:
        return []
    return [regular_case(python, DIHEDRAL_N, quick), tensor_case(python, SYMMETRIC_N, quick)]
