"""grouprep's classes, character tables, indicators and power maps against GAP's.

The data in ``tests/reference/gap/groups.json.gz`` was computed by GAP (its version is in
the file) with ``tests/reference/gap/generate.py``: every SmallGroup of order <= 48 and a
list of named groups, each as a permutation group on few points. GAP is not needed to run
these tests. Every group is rebuilt with :func:`grouprep.permutation_group` from GAP's
generators and compared exactly:

* the order and the class sizes;
* the classes themselves: each GAP class representative is looked up in grouprep's
  classes (``G.class_index``), which must give a bijection of classes preserving sizes and
  element orders; all columns are matched through it, by elements, not by labels;
* the character table, up to the order of the rows, with values compared as exact
  cyclotomic numbers built from GAP's coefficients on powers of ``E(N)``;
* the Frobenius-Schur indicators, row by row (rows matched by their values);
* the 2nd and 3rd power maps, through the class bijection.

A second set of tests checks the data file on its own (orthogonality of GAP's table in
exact arithmetic, the degrees, the class equation, the orders of the representatives, the
indicators recomputed from the power map, and the number of SmallGroups of each order,
OEIS A000001), so that a damaged
file fails rather than passing or failing everything against grouprep.
"""

from __future__ import annotations

import copy
import functools
import gzip
import json
import math
from collections import Counter
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

import grouprep
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.reps import character_table

DATA_FILE = Path(__file__).resolve().parent / "reference" / "gap" / "groups.json.gz"

# OEIS A000001: the number of groups of order n, n = 1 .. 48.
A000001 = (
    1, 1, 1, 2, 1, 2, 1, 5, 2, 2, 1, 5, 1, 2, 1, 14, 1, 5, 1, 5, 2, 2, 1, 15,
    2, 2, 5, 4, 1, 4, 1, 51, 1, 2, 1, 14, 1, 2, 2, 14, 1, 6, 1, 4, 2, 2, 1, 52,
)  # fmt: skip

NAMED = (
    "SL(2,3)",
    "GL(2,3)",
    "SL(2,5)",
    "PSL(2,7)",
    "PSL(2,8)",
    "PSL(2,11)",
    "A_6",
    "A_7",
    "M_11",
    "S_5",
    "S_6",
    "A_5 x C_2",
    "PSL(2,7) x C_6",
)

# The named groups of order above 1000, marked slow.
SLOW = {"A_7", "M_11", "PSL(2,7) x C_6"}


@functools.cache
def load() -> dict[str, Any]:
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as stream:
        data: dict[str, Any] = json.load(stream)
    return data


def records() -> dict[str, dict[str, Any]]:
    return {record["name"]: record for record in load()["groups"]}


def params() -> list[Any]:
    out = []
    for name in records():
        marks = [pytest.mark.slow] if name in SLOW else []
        out.append(pytest.param(name, marks=marks, id=name.replace(" ", "")))
    return out


def coefficient(c: int | str) -> Fraction:
    return Fraction(c)


def value(pairs: list[list[Any]], conductor: int) -> Cyclotomic:
    """The cyclotomic number sum c * E(N)^k of GAP's pairs [k, c]."""
    total = Cyclotomic(0)
    for k, c in pairs:
        total = total + coefficient(c) * root_of_unity(conductor, k)
    return total


def gap_table(record: dict[str, Any]) -> list[tuple[Cyclotomic, ...]]:
    n = record["conductor"]
    return [tuple(value(v, n) for v in row) for row in record["characters"]]


def build(record: dict[str, Any]) -> grouprep.PermutationGroup:
    return grouprep.permutation_group(
        [tuple(g) for g in record["generators"]], degree=record["degree"]
    )


# ------------------------------------------------------------------ the data file alone
def test_data_file_header() -> None:
    data = load()
    assert data["gap_version"].startswith("4.")
    assert data["max_small_order"] == 48
    names = [record["name"] for record in data["groups"]]
    assert len(names) == len(set(names))
    assert set(NAMED) <= set(names)
    assert data["skipped"] == []


def test_data_file_has_every_small_group() -> None:
    ids: Counter[int] = Counter()
    for record in load()["groups"]:
        if record["name"].startswith("SmallGroup("):
            n, i = record["id"]
            assert record["name"] == f"SmallGroup({n},{i})"
            assert record["order"] == n
            ids[n] += 1
    assert tuple(ids[n] for n in range(1, 49)) == A000001
    assert sum(A000001) == len(load()["groups"]) - len(NAMED)


def cyclotomic_polynomial(n: int) -> list[int]:
    """Coefficients (constant term first) of Phi_n = (x^n - 1) / prod_{d | n, d < n} Phi_d."""
    poly = [-1] + [0] * (n - 1) + [1]
    for d in range(1, n):
        if n % d == 0:
            divisor = cyclotomic_polynomial(d)
            quotient = [0] * (len(poly) - len(divisor) + 1)
            for k in range(len(quotient) - 1, -1, -1):
                quotient[k] = poly[k + len(divisor) - 1]  # divisor is monic
                for m, c in enumerate(divisor):
                    poly[k + m] -= quotient[k] * c
            assert not any(poly[: len(divisor) - 1]), "inexact division"
            poly = quotient
    return poly


def coefficient_array(record: dict[str, Any]) -> npt.NDArray[np.int64]:
    """GAP's table as integers V[chi, class, k], the value being sum_k V * E(N)^k.

    Character values are algebraic integers and GAP's basis of Q(E(N)) is an integral
    basis, so every coefficient must be an int.
    """
    n = record["conductor"]
    chars = record["characters"]
    V = np.zeros((len(chars), len(chars[0]), n), dtype=np.int64)
    for a, row in enumerate(chars):
        for i, pairs in enumerate(row):
            for k, c in pairs:
                assert isinstance(c, int) and c != 0 and 0 <= k < n
                V[a, i, k] += c
    return V


def reduce_mod_phi(P: npt.NDArray[np.int64], n: int) -> npt.NDArray[np.int64]:
    """Remainders modulo Phi_n of polynomials in x = E(n) (last axis, degree < n)."""
    phi = np.array(cyclotomic_polynomial(n), dtype=np.int64)
    deg = len(phi) - 1
    P = P.copy()
    for top in range(P.shape[-1] - 1, deg - 1, -1):
        lead = P[..., top].copy()
        P[..., top - deg : top + 1] -= lead[..., None] * phi
    return P[..., :deg]


def hermitian_products(
    V: npt.NDArray[np.int64], weights: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """P[a, b] = sum_i w_i V[a, i] conj(V[b, i]) in Z[x]/(x^n - 1), x = E(n)."""
    n = V.shape[-1]
    conj = np.roll(V[..., ::-1], 1, axis=-1)  # coefficient of x^k becomes that of x^-k
    P = np.zeros((V.shape[0], V.shape[0], n), dtype=np.int64)
    for k in range(n):
        part = V[:, :, k] * weights  # (a, i)
        if part.any():
            P += np.roll(np.einsum("ai,bic->abc", part, conj), k, axis=-1)
    return P


def constant(values: npt.NDArray[np.int64], n: int) -> npt.NDArray[np.int64]:
    """The rationals (here integers) ``values`` as remainders modulo Phi_n."""
    out = np.zeros((*values.shape, len(cyclotomic_polynomial(n)) - 1), dtype=np.int64)
    out[..., 0] = values
    return out


def permutation_order(p: list[int]) -> int:
    """The order of a permutation (image list): the lcm of its cycle lengths."""
    seen = [False] * len(p)
    order = 1
    for start in range(len(p)):
        length = 0
        i = start
        while not seen[i]:
            seen[i] = True
            i = p[i]
            length += 1
        if length:
            order = math.lcm(order, length)
    return order


def check_record(record: dict[str, Any]) -> None:
    """Raise AssertionError unless one group's record is consistent in itself."""
    order = record["order"]
    sizes = record["class_sizes"]
    n = record["conductor"]
    r = len(sizes)
    V = coefficient_array(record)
    assert V.shape[:2] == (r, r)
    assert len(record["class_representatives"]) == r == len(record["element_orders"])
    assert sum(sizes) == order and all(order % s == 0 for s in sizes)
    assert record["class_representatives"][0] == list(range(record["degree"]))
    assert sizes[0] == 1 and record["element_orders"][0] == 1
    points = list(range(record["degree"]))
    for p in record["generators"] + record["class_representatives"]:
        assert sorted(p) == points
    for p, o in zip(record["class_representatives"], record["element_orders"], strict=True):
        assert permutation_order(p) == o
    if record["id"] is not None:
        assert record["id"][0] == order
    reduced = reduce_mod_phi(V, n)  # canonical form of each value
    assert not reduced[:, 0, 1:].any()  # degrees are rational
    degrees = reduced[:, 0, 0]
    assert int((degrees**2).sum()) == order and (degrees > 0).all()
    assert (reduced == constant(np.ones((r, r), dtype=np.int64), n)).all(axis=(1, 2)).any()
    # row orthogonality: sum_C |C| chi(g_C) conj(psi(g_C)) = delta |G|
    rows = reduce_mod_phi(hermitian_products(V, np.array(sizes, dtype=np.int64)), n)
    assert (rows == constant(order * np.eye(r, dtype=np.int64), n)).all()
    # column orthogonality: sum_chi chi(g_i) conj(chi(g_j)) = delta_ij |G| / |C_i|
    columns = reduce_mod_phi(hermitian_products(V.transpose(1, 0, 2), np.ones(r, np.int64)), n)
    centralizers = np.diag([order // s for s in sizes]).astype(np.int64)
    assert (columns == constant(centralizers, n)).all()
    # power maps: the identity goes to itself; the order of a power is o / gcd(o, k)
    orders = record["element_orders"]
    for k in (2, 3):
        pm = record[f"power_map_{k}"]
        assert len(pm) == r and pm[0] == 0
        for i, j in enumerate(pm):
            assert orders[j] == orders[i] // math.gcd(orders[i], k)
    # Frobenius-Schur: nu(chi) |G| = sum_C |C| chi(g_C^2), from GAP's own power map
    square = np.array(record["power_map_2"])
    sums = reduce_mod_phi(np.einsum("i,aic->ac", np.array(sizes), V[:, square, :]), n)
    nu = np.array(record["indicators"], dtype=np.int64)
    assert np.isin(nu, (-1, 0, 1)).all()
    assert (sums == constant(nu * order, n)).all()


@pytest.mark.parametrize("name", params())
def test_data_file_is_consistent(name: str) -> None:
    check_record(records()[name])


def corrupted(record: dict[str, Any], what: str) -> dict[str, Any]:
    bad: dict[str, Any] = copy.deepcopy(record)
    if what == "value":  # one character value multiplied by -1
        bad["characters"][2][1] = [[k, -c] for k, c in bad["characters"][2][1]]
    elif what == "sizes":  # two class sizes exchanged
        bad["class_sizes"][1], bad["class_sizes"][3] = bad["class_sizes"][3], bad["class_sizes"][1]
    elif what == "indicator":
        bad["indicators"][3] = -bad["indicators"][3] or 1
    else:
        bad["power_map_2"][4] = 0
    return bad


@pytest.mark.parametrize("what", ["value", "sizes", "indicator", "power map"])
def test_data_check_catches_corruption(what: str) -> None:
    record = records()["SL(2,3)"]  # 7 classes, sizes 1 4 4 1 4 4 6
    check_record(record)
    with pytest.raises(AssertionError):
        check_record(corrupted(record, what))


# ------------------------------------------------------------------ grouprep against GAP
@pytest.mark.parametrize("name", params())
def test_grouprep_matches_gap(name: str) -> None:
    record = records()[name]
    G = build(record)
    assert G.order == record["order"]
    classes = G.conjugacy_classes()
    assert sorted(c.size for c in classes) == sorted(record["class_sizes"])

    # GAP's class i is grouprep's class match[i], found from GAP's representative
    match = [G.class_index(tuple(rep)) for rep in record["class_representatives"]]
    assert sorted(match) == list(range(len(classes)))
    for i, j in enumerate(match):
        assert classes[j].size == record["class_sizes"][i]
        assert classes[j].element_order == record["element_orders"][i]

    T = character_table(G)
    ours = [tuple(row[j] for j in match) for row in T.characters]  # in GAP's column order
    theirs = gap_table(record)
    assert Counter(ours) == Counter(theirs)

    position = {row: k for k, row in enumerate(ours)}
    indicators = T.indicators
    for row, nu in zip(theirs, record["indicators"], strict=True):
        assert indicators[position[row]] == nu

    for k in (2, 3):
        pm = T.power_map(k)
        assert [pm[j] for j in match] == [match[i] for i in record[f"power_map_{k}"]]


# ------------------------------------------------------------------ explicit irreps
# Irreps of every group of the data: one per row of GAP's table, with GAP's character
# (columns matched by elements as above), lawful. The law is checked exactly on the
# smaller groups and modulo a 25-bit prime p = 1 (mod N) on all of them (every product
# rho(s) rho(g) against the matrix of s g, from the generator images alone). The characters
# are exact for every group: Representation.character reads the eigenvalue multiplicities
# of rho(g) from traces modulo a prime, without the exact matrix of g.
IRREP_SKIP: dict[str, str] = {}  # name -> reason; every group of the data is covered


def irrep_params() -> list[Any]:
    out = []
    for name in records():
        marks = [pytest.mark.slow] if name in SLOW else []
        if name in IRREP_SKIP:
            marks.append(pytest.mark.skip(reason=IRREP_SKIP[name]))
        out.append(pytest.param(name, marks=marks, id=name.replace(" ", "")))
    return out


@pytest.mark.parametrize("name", irrep_params())
def test_irreps_have_gaps_characters_and_are_lawful(name: str) -> None:
    from grouprep.reps import irreps
    from grouprep.reps._modular import modular_law_violation

    record = records()[name]
    G = build(record)
    reps = irreps(G)
    ours = [G.class_index(tuple(r)) for r in record["class_representatives"]]
    gap_rows = gap_table(record)
    assert len(reps) == len(gap_rows)
    assert sum(r.dim**2 for r in reps) == record["order"]
    table = character_table(G)
    for rho in reps:
        assert modular_law_violation(rho) is None
        if G.order <= 200:
            assert grouprep.check_homomorphism(rho).holds
    # exact characters for every group (M_11's 16- to 55-dimensional irreps included),
    # matched with GAP's rows through the element-matched classes
    found = Counter(tuple(rho.character_values()[c] for c in ours) for rho in reps)
    assert found == Counter(gap_rows)
    assert [rho.character_values() for rho in reps] == list(table.characters)
