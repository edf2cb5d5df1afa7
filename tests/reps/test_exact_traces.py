"""Exact character values without exact matrices: words in the generators, and the
eigenvalue multiplicities of rho(g) read from traces modulo a prime.

Every value is compared with the trace of the exact matrix built along the breadth-first
search of the exact route (``Representation._by_words``), or with published character
values (the Frobenius group of order 21)."""

from __future__ import annotations

import functools
from fractions import Fraction

import pytest

import grouprep
from grouprep.errors import GroupRepValueError
from grouprep.numbers import Cyclotomic, root_of_unity
from grouprep.reps import Representation, _modular, _words, direct_sum, irreps, tensor_product
from grouprep.reps._modular import _primes, exact_trace
from grouprep.reps._words import word


def psl27() -> grouprep.PermutationGroup:
    # PSL(2,7) on the projective line over F_7 (infinity = 7): x + 1, 2x and -1/x
    inv = {0: 7, 7: 0, **{x: (-pow(x, -1, 7)) % 7 for x in range(1, 7)}}
    G = grouprep.permutation_group(
        [(1, 2, 3, 4, 5, 6, 0, 7), (0, 2, 4, 6, 1, 3, 5, 7), tuple(inv[x] for x in range(8))]
    )
    assert G.order == 168
    return G


def frobenius21() -> grouprep.PermutationGroup:
    # x -> x + 1 and x -> 2x on Z/7: the Frobenius group C_7 : C_3 of order 21
    return grouprep.permutation_group(
        [tuple((x + 1) % 7 for x in range(7)), tuple(2 * x % 7 for x in range(7))]
    )


def sl23() -> grouprep.PermutationGroup:
    # SL(2,3) acting on the 8 non-zero vectors of F_3^2
    vectors = [(a, b) for a in range(3) for b in range(3) if (a, b) != (0, 0)]

    def perm(m: tuple[int, int, int, int]) -> tuple[int, ...]:
        a, b, c, d = m
        return tuple(vectors.index(((a * x + b * y) % 3, (c * x + d * y) % 3)) for x, y in vectors)

    return grouprep.permutation_group([perm((1, 1, 0, 1)), perm((0, 2, 1, 0))])


GROUPS = {
    "A_5": lambda: grouprep.alternating(5),
    "PSL(2,7)": psl27,
    "F_21": frobenius21,
    "SL(2,3)": sl23,
    "A_4 x C_3": lambda: grouprep.direct_product(grouprep.alternating(4), grouprep.cyclic(3)),
    "D_5": lambda: grouprep.dihedral(5),
}


def exact_word_trace(rho: Representation, g: object) -> Cyclotomic:
    m = rho._by_words(g)  # the exact route: exact products along a breadth-first search
    return functools.reduce(lambda s, i: s + m[i][i], range(rho.dim), Cyclotomic(0))


@pytest.mark.parametrize("name", list(GROUPS))
def test_words_multiply_to_the_element(name):
    G = GROUPS[name]()
    gens = G.generators
    for g in G.elements():
        w = word(G, g)
        assert functools.reduce(G.compose, [gens[i] for i in w], G.identity) == g
        if g in gens:
            assert len(w) == 1
    assert word(G, G.identity) == []


def test_equal_groups_with_other_generators_get_their_own_words():
    a = grouprep.permutation_group([(1, 2, 0), (1, 0, 2)])
    b = grouprep.permutation_group([(1, 0, 2), (0, 2, 1)])
    assert a == b and a.generators != b.generators
    for G in (a, b):
        for g in G.elements():
            assert (
                functools.reduce(G.compose, [G.generators[i] for i in word(G, g)], G.identity) == g
            )


@pytest.mark.parametrize("name", list(GROUPS))
def test_traces_equal_the_exact_route(name):
    G = GROUPS[name]()
    reps = list(irreps(G))
    # reducible ones too: a tensor square and a direct sum of the two largest irreps
    big = sorted(reps, key=lambda r: r.dim)[-2:]
    reps += [tensor_product(big[-1], big[-1]), direct_sum(*big)]
    for rho in reps:
        if rho.dim == 1:
            continue
        for c in G.conjugacy_classes():
            g = c.representative
            assert exact_trace(rho, g) == exact_word_trace(rho, g), (rho, g)


def test_frobenius_group_of_order_21_against_its_published_table():
    # the two 3-dimensional irreps of C_7 : C_3 take b7 = z + z^2 + z^4 and its conjugate
    # on the elements of order 7 (z = zeta_7), 0 on those of order 3, 3 at the identity
    G = frobenius21()
    z = functools.partial(root_of_unity, 7)
    b7 = z(1) + z(2) + z(4)
    b7bar = z(3) + z(5) + z(6)
    threes = [rho for rho in irreps(G) if rho.dim == 3]
    assert len(threes) == 2
    for rho in threes:
        values = {}
        for c in G.conjugacy_classes():
            values.setdefault(c.element_order, set()).add(rho.character(c.representative))
        assert values[1] == {Cyclotomic(3)}
        assert values[3] == {Cyclotomic(0)}
        assert values[7] == {b7, b7bar}
    assert {b7 * b7bar, b7 + b7bar} == {Cyclotomic(2), Cyclotomic(-1)}


def test_a_prime_dividing_a_denominator_is_skipped():
    # rho(s) = [[0, p], [1/p, 0]] for the first prime p = 1 (mod 2): an involution, trace 0
    p = _primes(2, 1)[0]
    s = ((Cyclotomic(0), Cyclotomic(p)), (Cyclotomic(Fraction(1, p)), Cyclotomic(0)))
    rho = Representation(grouprep.cyclic(2), [s])
    assert exact_trace(rho, 1) == 0
    assert exact_trace(rho, 0) == 2
    F, _ = rho._cache["modular_images"][2]  # the residues for elements of order 2
    assert F.p > p


def test_matrices_breaking_the_law_are_refused():
    # a swap is not of order 3: no homomorphism from C_3 sends the generator to it
    swap = [[0, 1], [1, 0]]
    rho = Representation(grouprep.cyclic(3), [swap], check=False)
    with pytest.raises(GroupRepValueError, match="homomorphism law"):
        rho.character(1)


def test_a7_degree_ten_pair_against_the_atlas():
    # ATLAS: the irreps 10a, 10b of A_7 take b7 = (-1 + sqrt(-7))/2 and its conjugate on the
    # two classes of 7-cycles; 6a (the deleted permutation character) takes -1 there
    from grouprep.reps import inner_product

    G = grouprep.alternating(7)
    z = functools.partial(root_of_unity, 7)
    b7, b7bar = z(1) + z(2) + z(4), z(3) + z(5) + z(6)
    sevens = [c.representative for c in G.conjugacy_classes() if c.element_order == 7]
    assert len(sevens) == 2
    by_dim: dict[int, list[Representation]] = {}
    for rho in irreps(G):
        by_dim.setdefault(rho.dim, []).append(rho)
    assert sorted(by_dim) == [1, 6, 10, 14, 15, 21, 35]
    assert [rho.character(g) for g in sevens for rho in by_dim[6]] == [-1, -1]
    tens = by_dim[10]
    assert len(tens) == 2
    for rho in tens:
        assert {rho.character(g) for g in sevens} == {b7, b7bar}
        assert rho.character(G.identity) == 10
        assert inner_product(rho, rho) == 1
    assert tens[0].character(sevens[0]) != tens[1].character(sevens[0])


@pytest.mark.parametrize("name", ["A_5", "PSL(2,7)", "F_21", "A_4 x C_3"])
def test_characters_of_constructions_follow_their_parts(name):
    # sums, tensor products, duals, restrictions and realifications take their characters
    # from their parts; each value equals the trace of the construction's exact matrix
    from grouprep.reps import dual, restrict
    from grouprep.reps._real_general import realification

    G = GROUPS[name]()
    reps = sorted(irreps(G), key=lambda r: r.dim)
    a, b = reps[-1], reps[-2]
    H = G.subgroup([G.generators[0]])
    built = [
        tensor_product(a, b),
        direct_sum(a, b, a),
        dual(a),
        restrict(a, H),
        realification(a, "realified"),
    ]
    for rho in built:
        for c in rho.group.conjugacy_classes():
            g = c.representative
            m = rho._closed(g)
            trace = functools.reduce(lambda s, i: s + m[i][i], range(rho.dim), Cyclotomic(0))
            assert rho.character(g) == trace, (rho, g)


def permutation_matrices(G: grouprep.FiniteGroup) -> Representation:
    # the natural permutation matrices, given as plain matrices: no closed form, no
    # permutation shortcut, so character and exact go through the generator images
    n = G.degree
    images = []
    for s in G.generators:
        p = G.as_permutation(s)
        images.append([[int(p[j] == i) for j in range(n)] for i in range(n)])
    return Representation(G, images, check=False)


def fixed_points(G: grouprep.FiniteGroup, g: object) -> int:
    return sum(1 for i, v in enumerate(G.as_permutation(g)) if i == v)


@pytest.mark.parametrize("name", list(GROUPS))
def test_the_stabilizer_chain_route_equals_the_word_route(name, monkeypatch):
    # the same groups with the chain forced (every group counts as large), for the
    # residues of exact_trace and for the exact matrices
    import grouprep.reps._representation as representation

    G = GROUPS[name]()
    reps = [r for r in irreps(G) if r.dim > 1]
    traces = {
        (i, c.representative): exact_word_trace(rho, c.representative)
        for i, rho in enumerate(reps)
        for c in G.conjugacy_classes()
    }
    some = list(G.elements())[:: max(1, G.order // 30)]
    matrices = {(i, g): rho._by_words(g) for i, rho in enumerate(reps) for g in some}
    monkeypatch.setattr(_words, "TREE_LIMIT", 0)
    monkeypatch.setattr(representation, "WORDS_BUDGET", 0)
    H = GROUPS[name]()  # a fresh group: nothing cached
    for i, rho in enumerate(reps):
        fresh = Representation(H, rho._images(), check=False)
        for c in H.conjugacy_classes():
            g = c.representative
            assert exact_trace(fresh, g) == traces[(i, g)], (rho, g)
        for g in some:
            assert fresh._by_words(g) == matrices[(i, g)], (rho, g)
        assert "words" not in fresh._cache  # the chain, not the search, gave them


def test_a_group_beyond_the_enumeration_limit_has_characters():
    # S_10 (order 3,628,800) by its permutation matrices: chi(g) = the fixed points of g
    G = grouprep.permutation_group([(*range(1, 10), 0), (1, 0, *range(2, 10))])
    assert G.order == 3628800
    rho = permutation_matrices(G)
    classes = G.conjugacy_classes()
    assert len(classes) == 42  # the partitions of 10
    for c in classes:
        assert rho.character(c.representative) == fixed_points(G, c.representative)


def test_exact_matrices_of_a_large_group_along_the_chain():
    # S_12 (order 479,001,600) with |G| d^2 far beyond the word budget: rho(g) is the
    # permutation matrix of g, so row i has its 1 in the column of the preimage of i
    G = grouprep.symmetric(12)
    H = grouprep.permutation_group(list(G.generators))
    rho = permutation_matrices(H)
    rng = __import__("random").Random(3)
    for _ in range(5):
        g = tuple(rng.sample(range(12), 12))
        m = rho.exact(g)
        assert all(m[g[j]][j] == 1 for j in range(12))
        assert sum(v == 1 for row in m for v in row) == 12


def test_elements_of_large_order_take_the_exact_matrix():
    # C_5000: rho(s^k) = diag(z^k, z^-k), z = zeta_5000, chi = z^k + z^-k; the order is
    # beyond the transform's limit, so the value is the trace of the exact matrix
    n = 5000
    assert n > _modular.DFT_LIMIT
    z = root_of_unity(n, 1)
    rho = Representation(grouprep.cyclic(n), [[[z, 0], [0, z.conjugate()]]], check=False)
    for k in (1, 2, 3, 7):
        assert rho.character(k) == root_of_unity(n, k) + root_of_unity(n, -k)
    with pytest.raises(_modular.NoModularRoute):
        exact_trace(rho, 1)


def test_without_a_prime_the_exact_matrix_is_used(monkeypatch):
    # no prime p = 1 (mod M) in range: the value comes from the exact matrix
    G = frobenius21()
    rho = next(r for r in irreps(G) if r.dim == 3)
    expected = {
        c.representative: exact_word_trace(rho, c.representative) for c in G.conjugacy_classes()
    }

    def no_prime(N: int, which: int = 0) -> None:
        raise ValueError(f"no prime p = 1 mod {N} below 2^25")

    monkeypatch.setattr(_modular, "ModularField", no_prime)
    fresh = Representation(G, rho._images(), check=False)
    for g, value in expected.items():
        assert fresh.character(g) == value


def test_listable_groups_with_too_large_a_chain_use_the_word_tree():
    # C_65540 (natural degree 65540) and D_40000 (40000 points): no stabilizer chain is
    # built on so many points, but both groups can be listed, so the words give the value
    n = 65540
    rho = Representation(grouprep.cyclic(n), [[[0, -1], [1, 0]]], check=False)
    assert rho.character(16385) == 0  # a quarter turn to an odd power: trace 0
    assert rho.character(2) == -2
    G = grouprep.dihedral(40000)
    rho = Representation(G, [[[0, -1], [1, 0]], [[1, 0], [0, -1]]], check=False)
    assert rho.character((10000, 0)) == 2  # rotation r^10000 -> (quarter turn)^10000 = 1
    assert rho.character((1, 1)) == 0  # a reflection times a quarter turn: trace 0


def test_coset_representatives_beyond_the_budget_are_refused(monkeypatch):
    from grouprep.errors import SizeLimitError

    G = grouprep.permutation_group([(*range(1, 10), 0), (1, 0, *range(2, 10))])  # S_10
    rho = permutation_matrices(G)
    monkeypatch.setattr(_words, "MAX_TRANSVERSAL_ENTRIES", 100)
    with pytest.raises(SizeLimitError, match="coset representatives"):
        rho.character(G.generators[0])
