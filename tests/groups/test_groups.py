"""The group protocol, checked on every factory against brute force and first principles."""

from __future__ import annotations

import itertools
import math
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import grouprep
from grouprep import (
    GroupRepError,
    GroupRepTypeError,
    GroupRepValueError,
    NotAnElementError,
    SpecError,
)

SMALL_GROUPS = [
    grouprep.cyclic(1),
    grouprep.cyclic(2),
    grouprep.cyclic(7),
    grouprep.cyclic(12),
    grouprep.dihedral(1),
    grouprep.dihedral(2),
    grouprep.dihedral(5),
    grouprep.dihedral(6),
    grouprep.symmetric(1),
    grouprep.symmetric(2),
    grouprep.symmetric(3),
    grouprep.symmetric(4),
    grouprep.alternating(3),
    grouprep.alternating(4),
    grouprep.alternating(5),
    grouprep.abelian(2, 4),
    grouprep.abelian(3, 3, 2),
    grouprep.direct_product(grouprep.symmetric(3), grouprep.cyclic(2)),
    grouprep.direct_product(grouprep.dihedral(4), grouprep.alternating(4)),
    grouprep.permutation_group([(1, 0, 2, 3, 4, 5), (0, 1, 3, 4, 5, 2)]),
    grouprep.permutation_group([], degree=3),
    grouprep.cyclic(12).subgroup([3]),
    grouprep.dihedral(6).subgroup([(2, 0), (0, 1)]),
]
IDS = [repr(G) for G in SMALL_GROUPS]


def perm_compose(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(a[i] for i in b)


@pytest.mark.parametrize("G", SMALL_GROUPS, ids=IDS)
def test_numbering_is_a_bijection_with_identity_first(G):
    elems = list(G)
    assert len(elems) == G.order
    assert len(set(elems)) == G.order
    assert elems[0] == G.identity
    assert [G.index(g) for g in elems] == list(range(G.order))
    assert all(G.element(i) == g for i, g in enumerate(elems))
    assert G.elements() == tuple(elems)


@pytest.mark.parametrize("G", SMALL_GROUPS, ids=IDS)
def test_group_axioms_hold_exhaustively(G):
    report = grouprep.check_group_axioms(G)
    assert report.holds, str(report)
    assert report.exhaustive == (G.order**3 <= 250_000)
    assert report.checked == (G.order**3 if report.exhaustive else 2000)


@pytest.mark.parametrize("G", SMALL_GROUPS, ids=IDS)
def test_natural_permutations_form_a_homomorphism(G):
    for a in G:
        pa = G.as_permutation(a)
        assert sorted(pa) == list(range(G.degree))
        for b in G:
            assert G.as_permutation(G.compose(a, b)) == perm_compose(pa, G.as_permutation(b))
    assert G.permutation_array().shape == (G.order, G.degree)


@pytest.mark.parametrize("G", SMALL_GROUPS, ids=IDS)
def test_conjugacy_classes_against_brute_force(G):
    elems = list(G)
    brute = {frozenset(G.compose(G.compose(h, g), G.inverse(h)) for h in elems) for g in elems}
    classes = G.conjugacy_classes()
    assert {frozenset(c) for c in classes} == brute
    assert classes[0].representative == G.identity
    assert sum(c.size for c in classes) == G.order
    for k, c in enumerate(classes):
        assert c.size == len(c.elements()) == len(c)
        assert G.order % c.size == 0
        assert c.representative in c
        # the representative is the member with the smallest index
        assert G.index(c.representative) == min(G.index(g) for g in c)
        assert all(G.element_order(g) == c.element_order for g in c)
        assert all(G.class_index(g) == k for g in c)


@pytest.mark.parametrize("G", SMALL_GROUPS, ids=IDS)
def test_element_orders_and_exponent_by_brute_force(G):
    orders = []
    for g in G:
        k, h = 1, g
        while h != G.identity:
            h, k = G.compose(g, h), k + 1
        assert G.element_order(g) == k
        orders.append(k)
    assert G.exponent == math.lcm(*orders)


@pytest.mark.parametrize("G", SMALL_GROUPS, ids=IDS)
def test_is_abelian_by_brute_force(G):
    commute = all(G.compose(a, b) == G.compose(b, a) for a in G for b in G)
    assert G.is_abelian == commute


@pytest.mark.parametrize("G", SMALL_GROUPS, ids=IDS)
def test_cayley_table_is_the_multiplication_on_indices(G):
    T = G.cayley_table()
    elems = G.elements()
    for i, a in enumerate(elems):
        assert sorted(T[i]) == list(range(G.order))  # a Latin square
        for j, b in enumerate(elems):
            assert T[i, j] == G.index(G.compose(a, b))


@pytest.mark.parametrize("G", SMALL_GROUPS, ids=IDS)
def test_generators_generate_the_group(G):
    found = {G.identity}
    frontier = [G.identity]
    while frontier:
        frontier = [
            h for g in frontier for s in G.generators if (h := G.compose(s, g)) not in found
        ]
        found.update(frontier)
    assert found == set(G)


@pytest.mark.parametrize("G", SMALL_GROUPS, ids=IDS)
def test_power_by_repeated_composition(G):
    for g in G:
        h = G.identity
        for k in range(5):
            assert G.power(g, k) == h
            assert G.power(g, -k) == G.inverse(h)
            h = G.compose(g, h)


@pytest.mark.parametrize("G", SMALL_GROUPS, ids=IDS)
def test_groups_are_values(G):
    namespace = {name: getattr(grouprep, name) for name in grouprep.__all__}
    if "subgroup" not in repr(G):
        assert eval(repr(G), namespace) == G  # the repr round-trips
    assert hash(G) == hash(G)
    assert {G: 1}[G] == 1
    with pytest.raises(AttributeError):
        G.order = 3


def test_equal_arguments_give_equal_groups():
    assert grouprep.cyclic(8) == grouprep.cyclic(8)
    assert grouprep.cyclic(8) != grouprep.cyclic(9)
    assert grouprep.dihedral(4) != grouprep.cyclic(8)
    assert grouprep.abelian(2, 4) == grouprep.direct_product(
        grouprep.cyclic(2), grouprep.cyclic(4)
    )
    assert grouprep.abelian(2, 4) != grouprep.abelian(4, 2)
    assert len({grouprep.symmetric(4), grouprep.symmetric(4), grouprep.alternating(4)}) == 2


def test_permutation_groups_are_equal_when_their_elements_are():
    s4 = grouprep.symmetric(4)
    other = grouprep.permutation_group([(0, 1, 3, 2), (1, 2, 3, 0), (2, 1, 0, 3)])
    assert other == s4
    assert hash(other) == hash(s4)
    assert other.elements() == s4.elements()
    assert grouprep.permutation_group([(1, 2, 0, 3)]) != s4
    assert grouprep.permutation_group([(1, 2, 3, 0)]) != grouprep.permutation_group(
        [(1, 0, 3, 2), (2, 3, 0, 1)]
    )


def test_composition_follows_functions_for_permutations():
    S = grouprep.symmetric(4)
    a, b = (1, 2, 3, 0), (1, 0, 2, 3)
    ab = S.compose(a, b)
    assert ab == tuple(a[b[i]] for i in range(4))
    assert ab == (2, 1, 3, 0)


def test_dihedral_relations():
    for n in range(1, 9):
        D = grouprep.dihedral(n)
        r, s = (1 % n, 0), (0, 1)
        assert D.power(r, n) == D.identity
        assert D.compose(s, s) == D.identity
        assert D.compose(D.compose(s, r), s) == D.inverse(r)  # s r s = r^-1
        assert D.as_permutation((1 % n, 1)) == tuple((1 - i) % n for i in range(n))


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6])
def test_symmetric_numbering_is_lexicographic(n):
    S = grouprep.symmetric(n)
    assert S.elements() == tuple(itertools.permutations(range(n)))


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6])
def test_alternating_numbering_is_lexicographic_among_even_permutations(n):
    def even(p):
        inv = sum(1 for i in range(n) for j in range(i + 1, n) if p[i] > p[j])
        return inv % 2 == 0

    A = grouprep.alternating(n)
    assert A.elements() == tuple(p for p in itertools.permutations(range(n)) if even(p))


def test_permutation_group_numbering_is_lexicographic():
    G = grouprep.permutation_group([(1, 2, 3, 4, 5, 0), (5, 4, 3, 2, 1, 0)])  # D_6 on 6 points
    elems = G.elements()
    assert list(elems) == sorted(elems)
    assert G.order == 12


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=math.factorial(25) - 1))
def test_large_symmetric_group_rank_unrank_roundtrip(i):
    S = grouprep.symmetric(25)  # order beyond 2**63
    g = S.element(i)
    assert sorted(g) == list(range(25))
    assert S.index(g) == i


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_axioms_on_random_elements_of_large_groups(data):
    G = data.draw(
        st.sampled_from(
            [
                grouprep.symmetric(9),
                grouprep.alternating(10),
                grouprep.dihedral(97),
                grouprep.abelian(12, 35, 8),
                grouprep.direct_product(grouprep.symmetric(6), grouprep.dihedral(10)),
            ]
        )
    )
    idx = st.integers(min_value=0, max_value=G.order - 1)
    a, b, c = (G.element(data.draw(idx)) for _ in range(3))
    assert G.compose(G.compose(a, b), c) == G.compose(a, G.compose(b, c))
    assert G.compose(a, G.inverse(a)) == G.identity
    assert G.compose(b, G.identity) == b
    assert G.compose(a, b) in G
    assert G.element(G.index(a)) == a


def test_large_groups_report_order_without_enumerating():
    assert grouprep.symmetric(30).order == math.factorial(30)
    assert grouprep.alternating(30).order == math.factorial(30) // 2
    assert len(grouprep.symmetric(12).conjugacy_classes()) == 77  # p(12)
    with pytest.raises(GroupRepValueError, match="elements"):
        grouprep.symmetric(12).elements()


def test_symmetric_closed_form_classes_match_generic_algorithm():
    closed = grouprep.symmetric(5).conjugacy_classes()
    generic = grouprep.permutation_group([(1, 0, 2, 3, 4), (1, 2, 3, 4, 0)]).conjugacy_classes()
    assert [(c.representative, c.size) for c in closed] == [
        (c.representative, c.size) for c in generic
    ]


def test_subgroups():
    H = grouprep.cyclic(12).subgroup([8])
    assert sorted(H) == [0, 4, 8]
    assert H.order == 3
    assert 4 in H and 2 not in H
    assert H.is_subgroup_of(grouprep.cyclic(12))
    K = grouprep.symmetric(4).subgroup([(1, 0, 2, 3), (0, 1, 3, 2)])
    assert isinstance(K, grouprep.PermutationGroup)
    assert K.order == 4
    assert K.is_subgroup_of(grouprep.symmetric(4))
    assert not grouprep.symmetric(4).is_subgroup_of(K)
    with pytest.raises(NotAnElementError, match=r"generators\[0\]"):
        grouprep.cyclic(12).subgroup([12])
    with pytest.raises(NotAnElementError, match=r"generators\[1\]"):
        grouprep.alternating(4).subgroup([(1, 2, 0, 3), (1, 0, 2, 3)])


def test_random_element_is_reproducible_and_covers_the_group():
    G = grouprep.dihedral(3)
    draws_a = [G.random_element(np.random.default_rng(5)) for _ in range(3)]
    draws_b = [G.random_element(np.random.default_rng(5)) for _ in range(3)]
    assert draws_a == draws_b
    rng = np.random.default_rng(0)
    assert {G.random_element(rng) for _ in range(300)} == set(G)
    with pytest.raises(GroupRepTypeError, match="rng"):
        G.random_element("seed")


def test_numpy_integers_are_accepted_and_normalized():
    G = grouprep.cyclic(5)
    result = G.compose(np.int64(3), np.int32(4))
    assert result == 2 and type(result) is int
    S = grouprep.symmetric(3)
    assert S.compose(np.array([1, 0, 2]), [0, 2, 1]) == (1, 2, 0)


def test_parse_group_specs():
    assert grouprep.parse_group("Z8") == grouprep.cyclic(8)
    assert grouprep.parse_group("C8") == grouprep.cyclic(8)
    assert grouprep.parse_group("D5") == grouprep.dihedral(5)
    assert grouprep.parse_group("S4") == grouprep.symmetric(4)
    assert grouprep.parse_group("A5") == grouprep.alternating(5)
    assert grouprep.parse_group("Z2xZ4") == grouprep.abelian(2, 4)
    assert grouprep.parse_group(" S3 × Z2 ") == grouprep.direct_product(
        grouprep.symmetric(3), grouprep.cyclic(2)
    )


@pytest.mark.parametrize("spec", ["", "Z", "Z0", "Q8", "Z2x", "x", "z8", "Z-3", "Z2.5", "S4xx"])
def test_parse_group_rejects_bad_specs(spec):
    with pytest.raises(SpecError, match="spec"):
        grouprep.parse_group(spec)


def test_parse_group_rejects_non_strings():
    with pytest.raises(GroupRepTypeError, match="'spec' must be a str"):
        grouprep.parse_group(8)


@pytest.mark.parametrize(
    "factory",
    [
        grouprep.cyclic,
        grouprep.dihedral,
        grouprep.symmetric,
        grouprep.alternating,
        grouprep.abelian,
    ],
)
@pytest.mark.parametrize(
    ("bad", "error", "text"),
    [
        (0, GroupRepValueError, "got 0"),
        (-3, GroupRepValueError, "got -3"),
        (2.5, GroupRepTypeError, "got 2.5 of type float"),
        (2.0, GroupRepTypeError, "got 2.0 of type float"),
        (True, GroupRepTypeError, "got True of type bool"),
        ("3", GroupRepTypeError, "of type str"),
    ],
)
def test_factories_reject_bad_sizes(factory, bad, error, text):
    with pytest.raises(error, match=text) as info:
        factory(bad)
    assert "must be an int >= 1" in str(info.value)
    assert isinstance(info.value, GroupRepError)


def test_cyclic_error_messages_name_the_argument():
    with pytest.raises(GroupRepValueError, match=r"^cyclic: argument 'n' must be an int >= 1"):
        grouprep.cyclic(-3)


def test_compose_rejects_non_elements_naming_the_argument():
    G = grouprep.cyclic(5)
    with pytest.raises(NotAnElementError, match="argument 'b' must be an element of cyclic"):
        G.compose(1, 5)
    with pytest.raises(NotAnElementError, match="argument 'a'"):
        G.compose(True, 1)
    with pytest.raises(NotAnElementError, match="argument 'a'"):
        grouprep.symmetric(3).compose((0, 1), (0, 1, 2))
    with pytest.raises(NotAnElementError, match="argument 'a'"):
        grouprep.alternating(3).compose((1, 0, 2), (0, 1, 2))
    with pytest.raises(NotAnElementError, match="argument 'g'"):
        grouprep.dihedral(3).index((3, 0))
    with pytest.raises(NotAnElementError, match="argument 'a'"):
        grouprep.abelian(2, 2).inverse((1, 2))
    assert "x" not in grouprep.cyclic(3)
    assert [1, 2] not in grouprep.cyclic(3)


def test_element_rejects_out_of_range_indices():
    with pytest.raises(GroupRepValueError, match="'i' must be < order = 6"):
        grouprep.symmetric(3).element(6)
    with pytest.raises(GroupRepValueError, match="'i' must be an int >= 0"):
        grouprep.symmetric(3).element(-1)
    with pytest.raises(GroupRepTypeError, match="'i' must be an int"):
        grouprep.symmetric(3).element(1.0)


@pytest.mark.parametrize(
    ("generators", "kwargs", "error", "text"),
    [
        ([(0, 0, 1)], {}, GroupRepValueError, r"generators\[0\]' must be a permutation of 0..2"),
        ([(1, 2, 3)], {}, GroupRepValueError, r"generators\[0\]' must be a permutation"),
        ([(1, 0), (1, 2, 0)], {}, GroupRepValueError, r"generators\[1\]' must have length 2"),
        ([(1, 0, 2)], {"degree": 4}, GroupRepValueError, "must have length 4"),
        ([(1.0, 0.0)], {}, GroupRepTypeError, "must contain ints only"),
        ([(True, False)], {}, GroupRepTypeError, "must contain ints only"),
        (["10"], {}, GroupRepTypeError, "must be a permutation given as a sequence"),
        ([5], {}, GroupRepTypeError, "must be a permutation given as a sequence"),
        ([], {}, GroupRepValueError, "'degree' is required"),
        (7, {}, GroupRepTypeError, "'generators' must be an iterable"),
    ],
)
def test_permutation_group_rejects_bad_generators(generators, kwargs, error, text):
    with pytest.raises(error, match=text):
        grouprep.permutation_group(generators, **kwargs)


def test_direct_product_and_abelian_reject_bad_factors():
    with pytest.raises(GroupRepValueError, match="at least one group"):
        grouprep.direct_product()
    with pytest.raises(GroupRepTypeError, match=r"groups\[1\]"):
        grouprep.direct_product(grouprep.cyclic(2), 3)
    with pytest.raises(GroupRepValueError, match="at least one order"):
        grouprep.abelian()
    with pytest.raises(GroupRepValueError, match=r"'ns\[1\]'"):
        grouprep.abelian(2, 0)


def test_from_sympy():
    from sympy.combinatorics import Permutation
    from sympy.combinatorics.named_groups import AlternatingGroup, DihedralGroup

    assert grouprep.from_sympy(AlternatingGroup(5)) == grouprep.alternating(5)
    D = grouprep.from_sympy(DihedralGroup(6))
    assert D.order == 12 and D.degree == 6
    G = grouprep.from_sympy([Permutation([1, 0, 2]), Permutation([0, 2, 1])])
    assert grouprep.symmetric(3) == G
    back = G.to_sympy()
    assert back.order() == 6
    with pytest.raises(GroupRepTypeError, match="'group' must be a sympy PermutationGroup"):
        grouprep.from_sympy("S3")


def test_importing_grouprep_does_not_import_sympy_or_networkx():
    code = (
        "import sys, grouprep; G = grouprep.symmetric(5); G.conjugacy_classes(); "
        "grouprep.check_action(grouprep.shift_action(4, alphabet=2)); "
        "print('sympy' in sys.modules, 'networkx' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
