"""Representations, character tables and cyclotomic numbers round-trip through pickle,
copy and joblib: equal to the original, with the same matrices, and still immutable."""

from __future__ import annotations

import copy
import functools
import pickle
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import joblib
import pytest

import grouprep
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.reps import (
    CharacterTable,
    Representation,
    character_table,
    direct_sum,
    dual,
    induce,
    irreps,
    permutation_representation,
    real_irreps,
    regular_representation,
    restrict,
    tensor_product,
)


def _perm_group() -> grouprep.FiniteGroup[Any]:
    # the alternating group A4 from generators (not a family: classes by search)
    return grouprep.permutation_group([(1, 2, 0, 3), (1, 0, 3, 2)])


GROUPS: dict[str, Callable[[], grouprep.FiniteGroup[Any]]] = {
    "Z5": lambda: grouprep.cyclic(5),
    "D4": lambda: grouprep.dihedral(4),
    "S3": lambda: grouprep.symmetric(3),
    "Z2xS3": lambda: grouprep.direct_product(grouprep.cyclic(2), grouprep.symmetric(3)),
    "Z2xZ3": lambda: grouprep.abelian(2, 3),
    "A4 by generators": _perm_group,
}


def _constructions(G: grouprep.FiniteGroup[Any]) -> dict[str, Representation]:
    reg = regular_representation(G)
    perm = permutation_representation(grouprep.permutation_action(G))
    out = {
        "regular": reg,
        "permutation": perm,
        "tensor": tensor_product(perm, perm),
        "direct sum": direct_sum(perm, reg),
        "dual": dual(perm),
        "restrict": restrict(perm, G.subgroup(G.generators[:1])),
        "induce": induce(restrict(perm, G.subgroup(G.generators[:1])), G),
        "generator images": Representation(G, [[[1]] for _ in G.generators], dim=1),
    }
    try:
        for i, rho in enumerate(irreps(G)):
            out[f"irreps[{i}]"] = rho
    except grouprep.GroupRepValueError:  # no explicit irreps (A4)
        pass
    try:
        for i, rho in enumerate(real_irreps(G)):
            out[f"real_irreps[{i}]"] = rho
    except grouprep.GroupRepValueError:
        pass
    return out


def _pickle(x: Any) -> Any:
    return pickle.loads(pickle.dumps(x))


def _joblib(x: Any, path: Path) -> Any:
    joblib.dump(x, path / "value.joblib")
    return joblib.load(path / "value.joblib")


def _same_rep(a: Representation, b: Representation) -> None:
    assert a == b and hash(a) == hash(b)
    assert (a.dim, a.name, a.group) == (b.dim, b.name, b.group)
    for g in a.group.elements():
        assert a.exact(g) == b.exact(g)
    with pytest.raises(AttributeError, match="immutable"):
        b.dim = a.dim + 1  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable"):
        b.name = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("group", GROUPS, ids=str)
def test_every_construction_round_trips_through_pickle_copy_and_joblib(
    group: str, tmp_path: Path
) -> None:
    G = GROUPS[group]()
    reps = _constructions(G)
    assert len(reps) >= 8
    for name, rho in reps.items():
        again = _pickle(rho)
        assert again is not rho, name
        _same_rep(rho, again)
        _same_rep(rho, copy.copy(rho))
        _same_rep(rho, copy.deepcopy(rho))
        _same_rep(rho, _joblib(rho, tmp_path))
    # all at once, sharing their group in one pickle
    loaded = _pickle(list(reps.values()))
    assert loaded == list(reps.values())


@pytest.mark.parametrize("group", ["Z5", "D4", "S3", "Z2xS3", "Z2xZ3"])
def test_reps_round_trip_after_their_characters_were_computed(group: str, tmp_path: Path) -> None:
    G = GROUPS[group]()
    for name, rho in _constructions(G).items():
        if name == "restrict":  # a subgroup: see the expected failure below
            continue
        values = rho.character_values()  # fills the caches of the rep and of the group
        again = _joblib(rho, tmp_path)
        _same_rep(rho, again)
        assert again.character_values() == values


@pytest.mark.parametrize("which", ["generated group", "subgroup"])
def test_reps_of_groups_with_searched_classes_after_their_characters(which: str) -> None:
    if which == "subgroup":
        S3 = grouprep.symmetric(3)
        G = S3.subgroup([(1, 2, 0)])
    else:
        G = _perm_group()
    rho = regular_representation(G)
    rho.character_values()
    _same_rep(rho, _pickle(rho))
    table = character_table(G)
    assert _pickle(table) == table


@pytest.mark.parametrize("group", ["Z5", "D4", "S3", "Z2xS3", "Z2xZ3"])
def test_character_table_round_trips(group: str, tmp_path: Path) -> None:
    table = character_table(GROUPS[group]())
    for again in (
        _pickle(table),
        _joblib(table, tmp_path),
        copy.copy(table),
        copy.deepcopy(table),
    ):
        assert isinstance(again, CharacterTable)
        assert again == table and hash(again) == hash(table)
        assert again.characters == table.characters
        assert [c.representative for c in again.classes] == [
            c.representative for c in table.classes
        ]
        assert [c.size for c in again.classes] == [c.size for c in table.classes]
        assert str(again) == str(table)
        with pytest.raises(AttributeError):
            again.characters = ()  # type: ignore[misc]


def test_character_tables_of_different_groups_differ() -> None:
    assert character_table(grouprep.cyclic(3)) != character_table(grouprep.cyclic(4))
    assert character_table(grouprep.cyclic(3)) == character_table(grouprep.cyclic(3))


@pytest.mark.parametrize(
    "x",
    [
        Cyclotomic(0),
        Cyclotomic(Fraction(-7, 3)),
        root_of_unity(12, 5),
        root_of_unity(8) + root_of_unity(8, 7),
        root_of_unity(15) * Cyclotomic(Fraction(2, 9)) - root_of_unity(5, 2),
    ],
    ids=repr,
)
def test_cyclotomic_round_trips(x: Cyclotomic, tmp_path: Path) -> None:
    for again in (_pickle(x), _joblib(x, tmp_path), copy.copy(x), copy.deepcopy(x)):
        assert again == x and hash(again) == hash(x) and repr(again) == repr(x)
        assert again.conductor == x.conductor
        assert again + 1 == x + 1 and again * again == x * x


def test_pickled_cyclotomic_coordinates_are_checked() -> None:
    from grouprep.numbers._cyclotomic import _from_coordinates

    with pytest.raises(grouprep.GroupRepValueError, match="pickled coordinates"):
        _from_coordinates(5, (1, 2), 1)  # Q(zeta_5) has 4 coordinates
    with pytest.raises(grouprep.GroupRepValueError, match="pickled coordinates"):
        _from_coordinates(5, (1, 2, 3, 4), 0)


def test_distinct_representations_are_unequal() -> None:
    G = grouprep.cyclic(4)
    chis = irreps(G)
    assert len(set(chis)) == 4
    assert chis[1] != chis[3]
    assert chis[1] == _pickle(chis[1])
    # the same homomorphism built two ways is equal (names are labels)
    reg = regular_representation(G)
    perm = permutation_representation(grouprep.permutation_action(G))
    assert (reg == perm) == all(reg.exact(g) == perm.exact(g) for g in G.generators)


def _mod_matrix(g: int) -> tuple[tuple[Cyclotomic, ...], ...]:
    return ((root_of_unity(6, g),),)


def test_a_user_closed_form_pickles_when_it_is_picklable() -> None:
    G = grouprep.cyclic(6)
    rho = Representation.from_closed_form(G, _mod_matrix, dim=1, name="mine")
    _same_rep(rho, _pickle(rho))
    part = Representation.from_closed_form(G, functools.partial(_mod_matrix), dim=1)
    _same_rep(part, _pickle(part))
