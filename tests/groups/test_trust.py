"""Constructors refuse inconsistent arguments; listings refuse sizes beyond the stated limit."""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Iterator

import pytest

import grouprep
from grouprep import GroupRepTypeError, GroupRepValueError
from grouprep.errors import SizeLimitError
from grouprep.groups import ConjugacyClass, PermutationGroup, Subgroup


@contextlib.contextmanager
def within(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging) when the block runs longer than ``seconds``."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# ------------------------------------------------------------ PermutationGroup
def test_false_symmetric_claim_on_cyclic_generators_is_refused() -> None:
    with pytest.raises(GroupRepValueError, match=r"'family'.*symmetric\(3\).*order 3"):
        PermutationGroup(3, ((1, 2, 0),), family=("symmetric", 3))


def test_false_alternating_claims_are_refused() -> None:
    with pytest.raises(GroupRepValueError, match=r"'family'.*odd permutation"):
        PermutationGroup(3, ((1, 0, 2), (1, 2, 0)), family=("alternating", 3))
    with pytest.raises(GroupRepValueError, match=r"'family'.*order 12.*order 3"):
        PermutationGroup(4, ((1, 2, 0, 3),), family=("alternating", 4))


@pytest.mark.parametrize(
    ("family", "pattern"),
    [
        (("symmetric", 4), r"'family'.*degree"),
        (("cyclic", 3), r"'family'"),
        ("symmetric", r"'family'"),
        (("symmetric", 2.5), r"'family\[1\]'"),
    ],
)
def test_malformed_family_is_refused(family: object, pattern: str) -> None:
    with pytest.raises(GroupRepValueError if "[" not in pattern else GroupRepTypeError) as err:
        PermutationGroup(3, ((1, 0, 2), (1, 2, 0)), family=family)  # type: ignore[arg-type]
    assert err.match(pattern)


def test_true_family_claims_on_other_generators_are_accepted() -> None:
    S3 = PermutationGroup(3, ((1, 0, 2), (0, 2, 1)), family=("symmetric", 3))
    assert S3.order == 6
    assert grouprep.symmetric(3) == S3
    A4 = PermutationGroup(4, ((1, 2, 0, 3), (0, 2, 3, 1)), family=("alternating", 4))
    assert A4.order == 12
    assert grouprep.alternating(4) == A4
    assert (1, 0, 2, 3) not in A4


@pytest.mark.parametrize(
    ("args", "error", "name"),
    [
        (("3", ((1, 2, 0),)), GroupRepTypeError, "degree"),
        ((-1, ()), GroupRepValueError, "degree"),
        ((3, ((0, 1),)), GroupRepValueError, r"generators\[0\]"),
        ((3, ((0, 0, 1),)), GroupRepValueError, r"generators\[0\]"),
        ((3, ((0.0, 1, 2),)), GroupRepTypeError, r"generators\[0\]"),
        ((3, 5), GroupRepTypeError, "generators"),
    ],
)
def test_permutation_group_constructor_validates(
    args: tuple[object, object], error: type[Exception], name: str
) -> None:
    with pytest.raises(error, match=rf"PermutationGroup: argument '{name}'"):
        PermutationGroup(*args)  # type: ignore[arg-type]


# ------------------------------------------------------------- ConjugacyClass
@pytest.mark.parametrize(
    ("kwargs", "error", "name"),
    [
        ({"size": 0}, GroupRepValueError, "size"),
        ({"size": 1.0}, GroupRepTypeError, "size"),
        ({"element_order": 0}, GroupRepValueError, "element_order"),
        ({"enumerate_elements": (0,)}, GroupRepTypeError, "enumerate_elements"),
        ({"normalize": 3}, GroupRepTypeError, "normalize"),
        ({"representative": [0]}, GroupRepTypeError, "representative"),
    ],
)
def test_conjugacy_class_constructor_validates(
    kwargs: dict[str, object], error: type[Exception], name: str
) -> None:
    args: dict[str, object] = {
        "representative": 0,
        "size": 1,
        "element_order": 1,
        "enumerate_elements": lambda: (0,),
    }
    args.update(kwargs)
    with pytest.raises(error, match=rf"ConjugacyClass: argument '{name}'"):
        ConjugacyClass(**args)  # type: ignore[arg-type]


def test_conjugacy_class_refuses_elements_inconsistent_with_its_arguments() -> None:
    wrong_size = ConjugacyClass(0, 2, 1, lambda: (0,))
    with pytest.raises(GroupRepValueError, match=r"size=2"):
        wrong_size.elements()
    wrong_rep = ConjugacyClass(5, 2, 2, lambda: (1, 2))
    with pytest.raises(GroupRepValueError, match=r"'representative'"):
        list(wrong_rep)
    assert sorted(ConjugacyClass(1, 2, 3, lambda: (1, 2))) == [1, 2]


def test_classes_of_every_kind_of_group_stay_consistent() -> None:
    groups = [
        grouprep.cyclic(6),
        grouprep.dihedral(6),
        grouprep.symmetric(4),
        grouprep.permutation_group([(1, 2, 3, 4, 0), (4, 3, 2, 1, 0)]),
        grouprep.direct_product(grouprep.cyclic(2), grouprep.symmetric(3)),
        grouprep.cyclic(12).subgroup([4]),
    ]
    for G in groups:
        classes = G.conjugacy_classes()
        assert sum(c.size for c in classes) == G.order
        assert sorted(map(G.index, (g for c in classes for g in c))) == list(range(G.order))


def test_subgroup_constructor_validates() -> None:
    with pytest.raises(GroupRepTypeError, match=r"Subgroup: argument 'parent'"):
        Subgroup(5, (1,))  # type: ignore[arg-type]
    with pytest.raises(grouprep.NotAnElementError, match=r"'generators\[0\]'"):
        Subgroup(grouprep.cyclic(4), (7,))


# -------------------------------------------------------------- size limits
HUGE = [
    grouprep.cyclic(10**12),
    grouprep.dihedral(10**7),
    grouprep.symmetric(100),
    grouprep.abelian(10**6, 10**6),
    grouprep.direct_product(grouprep.cyclic(3), grouprep.symmetric(60)),
    # A_13 by generators (S_13 by generators is recognised: its classes are cycle types)
    grouprep.permutation_group([(1, 2, 0, *range(3, 13)), (*range(1, 13), 0)]),
]


@pytest.mark.parametrize("G", HUGE, ids=repr)
def test_listing_classes_beyond_the_limit_raises_at_once(G: grouprep.FiniteGroup) -> None:
    start = time.perf_counter()
    with within(20), pytest.raises(SizeLimitError, match=r"conjugacy_classes.*2000000") as err:
        G.conjugacy_classes()
    assert time.perf_counter() - start < 5
    assert "limit" in str(err.value)


@pytest.mark.parametrize("G", HUGE, ids=repr)
def test_listing_elements_beyond_the_limit_raises(G: grouprep.FiniteGroup) -> None:
    with within(20), pytest.raises(SizeLimitError, match=rf"{G.order} elements.*2000000"):
        G.elements()
    with within(20), pytest.raises(SizeLimitError):
        G.cayley_table()


def test_class_elements_beyond_the_limit_raise_size_limit() -> None:
    S11 = grouprep.symmetric(11)
    big = max(S11.conjugacy_classes(), key=len)
    with within(20), pytest.raises(SizeLimitError, match=rf"{big.size} items"):
        big.elements()


def test_cayley_table_and_permutations_of_huge_degree_are_refused() -> None:
    with within(20), pytest.raises(SizeLimitError, match=r"100000 elements"):
        grouprep.cyclic(10**5).cayley_table()
    with within(20), pytest.raises(SizeLimitError, match=r"as_permutation"):
        grouprep.cyclic(10**12).as_permutation(1)


def test_subgroup_closure_beyond_the_limit_raises() -> None:
    with within(60), pytest.raises(SizeLimitError, match=r"Subgroup.*2000000"):
        grouprep.cyclic(2_100_000).subgroup([1])


def test_size_limit_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="10000000 elements"):
        grouprep.cyclic(10**7).elements()


@pytest.mark.parametrize("factory", [grouprep.symmetric, grouprep.alternating])
def test_permutation_groups_beyond_the_degree_limit_are_refused_at_once(factory):
    # the standard generators are tuples of length n: 10**9 used to exhaust memory
    with pytest.raises(grouprep.SizeLimitError, match=r"argument 'n' is 1000000000, more than"):
        factory(10**9)
    with pytest.raises(grouprep.SizeLimitError, match="argument 'degree'"):
        grouprep.permutation_group([], degree=10**12)


def test_order_of_one_long_cycle_is_its_length_without_a_chain() -> None:
    """A cyclic group of degree 70000 given by its generator: |<c>| = n for an n-cycle."""
    n = 70_000
    G = grouprep.permutation_group([(*range(1, n), 0)])
    assert G.order == n
    # a 3-cycle and a disjoint 5-cycle in one generator: order lcm(3, 5)
    g = (1, 2, 0, 4, 5, 6, 7, 3)
    assert grouprep.permutation_group([g]).order == 15


def test_a_chain_too_large_to_store_is_refused_at_once() -> None:
    """Membership in <8000-cycle> needs a chain of 8000 * 8000 transversal entries."""
    n = 8000
    G = grouprep.permutation_group([(*range(1, n), 0)])
    with pytest.raises(SizeLimitError, match="degree 8000 would store 64000000"):
        _ = tuple(range(n)) in G
