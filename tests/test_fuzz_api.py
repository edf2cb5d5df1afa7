"""Fuzzing the public API: bad types, NaN and inf, huge sizes, odd dtypes, ragged input.

Every call below either returns or raises an error of grouprep's own hierarchy
(:class:`grouprep.GroupRepError`), with a message; a raw ``IndexError`` from numpy, a
``SympifyError``, a ``MemoryError`` or a call that runs on past a time limit is a defect.
The examples are derandomized, so the suite is the same on every run, and each call has a
time limit, so a missing size guard fails the test instead of hanging it.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pytest
import sympy
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import grouprep
from grouprep import GroupRepError

SECONDS = 20  # one call; a guard answers at once, a legal small call within a second
FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


class _TimeLimit(Exception):
    pass


@contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    def handler(signum: int, frame: Any) -> None:
        raise _TimeLimit(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def outcome(call: Callable[[], Any]) -> Any:
    """Run ``call``; pass if it returns or raises a GroupRepError with a message."""
    try:
        with _time_limit(SECONDS):
            return call()
    except GroupRepError as err:
        message = str(err).strip()
        kind = type(err).__name__
    except _TimeLimit as err:  # pragma: no cover - reported as the failure
        pytest.fail(f"no answer within {SECONDS} s: {err}")
    assert message, f"{kind} without a message"
    return None


# ---------------------------------------------------------------- values to throw at the API

huge_ints = st.sampled_from([10**6, 10**9, 10**12, 2**63, 10**40, -(10**12)])
ints = st.one_of(st.integers(-3, 12), huge_ints)
floats = st.one_of(
    st.sampled_from([float("nan"), float("inf"), -float("inf"), 0.5, 2.0, -1.5, 1e308]),
    st.floats(allow_nan=True, allow_infinity=True),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    ints,
    floats,
    st.complex_numbers(max_magnitude=1e3),
    st.text(max_size=6),
    st.sampled_from(["8", "__import__('os').getcwd()", "x0 + 1", b"\x00\x01", np.int64(4)]),
)
dtypes = st.sampled_from(
    [
        np.uint8,
        np.int8,
        np.int64,
        np.uint64,
        np.float16,
        np.float32,
        np.float64,
        np.complex128,
        np.bool_,
        object,
        "U3",
    ]
)
special = st.sampled_from([0, 1, 2, 5, -1, 255, 10**6, float("nan"), float("inf"), 0.5])


@st.composite
def arrays(draw: st.DrawFn, columns: int | None = None) -> Any:
    rows = draw(st.integers(0, 4))
    cols = columns if columns is not None else draw(st.integers(0, 9))
    shape = draw(st.sampled_from([(rows, cols), (cols,), (rows, cols, 1), (rows, 2, cols)]))
    dtype = draw(dtypes)
    values = draw(st.lists(special, min_size=int(np.prod(shape)), max_size=int(np.prod(shape))))
    if dtype == "U3":
        return np.array([str(v) for v in values], dtype="U3").reshape(shape)
    if dtype is object:
        objects = np.array(values, dtype=object)
        if objects.size and draw(st.booleans()):
            objects[draw(st.integers(0, objects.size - 1))] = None
        return objects.reshape(shape)
    with np.errstate(all="ignore"):
        try:
            return np.array(values, dtype=np.float64).astype(dtype).reshape(shape)
        except (OverflowError, ValueError):
            return np.zeros(shape, dtype=dtype)


ragged = st.sampled_from([[[0, 1], [1]], [[0, 1, 0], [1, 0]], [[], [1]], [[[0]], [1]]])
data = st.one_of(arrays(), arrays(columns=8), ragged, scalars, st.lists(special, max_size=9))
junk = st.one_of(scalars, data)


# ---------------------------------------------------------------- groups, numbers, counting


@pytest.mark.parametrize(
    "factory",
    [grouprep.cyclic, grouprep.dihedral, grouprep.symmetric, grouprep.alternating],
    ids=lambda f: f.__name__,
)
@FUZZ
@given(n=st.one_of(ints, scalars))
def test_group_factories(factory: Callable[[Any], Any], n: Any) -> None:
    G = outcome(lambda: factory(n))
    if G is not None:
        order = outcome(lambda: G.order)
        # small groups list their classes; huge ones must refuse at once (in between,
        # listing a million classes is legal, only slow)
        if order is not None and (order <= 10**4 or order > 10**7):
            outcome(lambda: len(G.conjugacy_classes()))


@FUZZ
@given(args=st.lists(st.one_of(ints, scalars), max_size=3))
def test_abelian(args: list[Any]) -> None:
    outcome(lambda: grouprep.abelian(*args))


@FUZZ
@given(
    spec=st.one_of(
        st.text(max_size=12),
        st.sampled_from(["Z" + "9" * 5000, "S100", "Z1000000xZ1000000", "A1", "D0", "Z2xZ"]),
    )
)
def test_parse_group(spec: str) -> None:
    G = outcome(lambda: grouprep.parse_group(spec))
    if G is not None:
        outcome(lambda: G.order)


@FUZZ
@given(gens=st.one_of(junk, st.lists(st.lists(st.integers(-1, 5), max_size=5), max_size=3)))
def test_permutation_group(gens: Any) -> None:
    outcome(lambda: grouprep.permutation_group(gens))


@FUZZ
@given(n=st.one_of(ints, scalars))
def test_root_of_unity(n: Any) -> None:
    outcome(lambda: grouprep.root_of_unity(n))


@pytest.mark.parametrize(
    "count",
    [grouprep.count_necklaces, grouprep.count_bracelets, grouprep.count_lyndon_words],
    ids=lambda f: f.__name__,
)
@FUZZ
@given(n=st.one_of(ints, scalars), k=st.one_of(ints, scalars))
def test_counts(count: Callable[..., Any], n: Any, k: Any) -> None:
    outcome(lambda: count(n, k))


@FUZZ
@given(x=data, k=st.one_of(st.just(2), ints, scalars))
def test_necklace_rank(x: Any, k: Any) -> None:
    outcome(lambda: grouprep.necklace_rank(x, k=k))


@FUZZ
@given(r=st.one_of(ints, scalars, data), n=st.one_of(ints, scalars), k=st.one_of(ints, scalars))
def test_necklace_unrank(r: Any, n: Any, k: Any) -> None:
    outcome(lambda: grouprep.necklace_unrank(r, n, k))


@FUZZ
@given(X=data)
def test_least_rotation(X: Any) -> None:
    outcome(lambda: grouprep.least_rotation(X))


# ---------------------------------------------------------------- actions and orbits

ACTIONS = {
    "shift": lambda: grouprep.shift_action(8, alphabet=2),
    "dihedral": lambda: grouprep.dihedral_action(6, alphabet=3),
    "shift-real": lambda: grouprep.shift_action(8),
}


@FUZZ
@given(n=st.one_of(ints, scalars), alphabet=st.one_of(st.none(), ints, scalars))
def test_shift_action(n: Any, alphabet: Any) -> None:
    outcome(lambda: grouprep.shift_action(n, alphabet=alphabet))


@pytest.mark.parametrize("name", sorted(ACTIONS))
@FUZZ
@given(x=data, g=st.one_of(st.just(1), ints, scalars))
def test_act_orbit_stabilizer(name: str, x: Any, g: Any) -> None:
    action = ACTIONS[name]()
    outcome(lambda: action.act(g, x))
    outcome(lambda: grouprep.orbit(action, x))
    outcome(lambda: grouprep.stabilizer(action, x))


@pytest.mark.parametrize("name", ["shift", "dihedral"])
@FUZZ
@given(X=data)
def test_act_batch_and_canonical_form(name: str, X: Any) -> None:
    action = ACTIONS[name]()
    outcome(lambda: action.act(1, X))  # a batch of signals
    outcome(lambda: grouprep.canonical_form(action, X))


# ---------------------------------------------------------------- representations

GROUPS = {
    "Z4": lambda: grouprep.cyclic(4),
    "D3": lambda: grouprep.dihedral(3),
    "S3": lambda: grouprep.symmetric(3),
}


@FUZZ
@given(G=st.one_of(junk, st.sampled_from([grouprep.symmetric(8), grouprep.cyclic(10**7)])))
def test_regular_representation(G: Any) -> None:
    outcome(lambda: grouprep.regular_representation(G))


@pytest.mark.parametrize("name", sorted(GROUPS))
@FUZZ
@given(blocks=st.one_of(junk, st.lists(data, max_size=4)))
def test_inverse_fourier_transform(name: str, blocks: Any) -> None:
    G = GROUPS[name]()
    outcome(lambda: grouprep.inverse_fourier_transform(G, blocks))


@pytest.mark.parametrize("name", sorted(GROUPS))
@FUZZ
@given(f=data)
def test_fourier_transform(name: str, f: Any) -> None:
    G = GROUPS[name]()
    outcome(lambda: grouprep.fourier_transform(G, f))


@FUZZ
@given(G=junk)
def test_character_table(G: Any) -> None:
    outcome(lambda: grouprep.character_table(G))


# ---------------------------------------------------------------- laws


def _total(X: Any) -> Any:
    return np.asarray(X, dtype=float).sum(axis=-1)


@pytest.mark.parametrize("name", sorted(ACTIONS))
@FUZZ
@given(samples=data, rtol=st.one_of(st.just(1e-9), floats, scalars))
def test_check_invariant(name: str, samples: Any, rtol: Any) -> None:
    action = ACTIONS[name]()
    outcome(lambda: grouprep.check_invariant(_total, action, samples, rtol=rtol))


@pytest.mark.parametrize("name", sorted(ACTIONS))
@FUZZ
@given(samples=st.one_of(ints, scalars, data))
def test_check_action(name: str, samples: Any) -> None:
    action = ACTIONS[name]()
    outcome(lambda: grouprep.check_action(action, samples=samples))


# ---------------------------------------------------------------- symbolic input

x = sympy.symbols("x0:3")


@FUZZ
@given(
    polys=st.one_of(
        junk,
        st.lists(st.one_of(st.sampled_from([x[0] * x[1], x[0] + 2, sympy.Integer(3)]), scalars)),
    )
)
def test_compile_polynomials(polys: Any) -> None:
    outcome(lambda: grouprep.compile_polynomials(polys, x))


@FUZZ
@given(f=st.one_of(junk, st.sampled_from([x[0] + x[1] + x[2], x[0]])))
def test_prove_invariant(f: Any) -> None:
    rho = grouprep.permutation_representation(grouprep.regular_action(grouprep.cyclic(3)))
    outcome(lambda: grouprep.prove_invariant(f, rho))
    outcome(lambda: grouprep.reynolds(rho, f))


# ---------------------------------------------------------------- featurizers

FEATURIZERS = {
    "PowerSpectrum": lambda: grouprep.PowerSpectrum(),
    "Bispectrum": lambda: grouprep.Bispectrum(),
    "InvariantPolynomials": lambda: grouprep.InvariantPolynomials(degree=2),
    "CanonicalForm": lambda: grouprep.CanonicalForm(grouprep.shift_action(8, alphabet=2)),
    "OrbitIndex": lambda: grouprep.OrbitIndex(grouprep.shift_action(8, alphabet=2)),
}


@pytest.mark.parametrize("name", sorted(FEATURIZERS))
@FUZZ
@given(X=data, Y=data)
def test_featurizers(name: str, X: Any, Y: Any) -> None:
    featurizer = FEATURIZERS[name]()
    fitted = outcome(lambda: featurizer.fit(X))
    if fitted is not None:
        outcome(lambda: fitted.transform(Y))
        outcome(lambda: fitted.check(Y))
