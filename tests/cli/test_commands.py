"""The sub-commands of grouprep/cli/_commands.py: necklaces, character-table, molien,
invariants and featurize, checked against facts computed independently of grouprep."""

from __future__ import annotations

import importlib.util
import itertools
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import sympy

import grouprep
from grouprep.cli import main


def run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def field(out, name):
    """The first word after ``name`` on the line starting with it."""
    for line in out.splitlines():
        if line.startswith(name):
            return line[len(name) :].split()[0]
    raise AssertionError(f"no line {name!r} in\n{out}")


def listed(out):
    """The rows (rank, necklace, class size) of a --list table."""
    lines = out.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("rank  necklace"))) + 2
    rows = []
    for line in lines[start:]:
        parts = line.split()
        if len(parts) != 3 or not parts[0].isdigit():
            break
        rows.append((int(parts[0]), parts[1], int(parts[2])))
    return rows


def least_rotation_brute(s):
    return min(s[i:] + s[:i] for i in range(len(s)))


def molien_brute(perms, degree):
    """Coefficients of (1/|G|) sum_g prod_cycles 1/(1 - t^len): cycle index, pure Python."""
    total = [0] * (degree + 1)
    for p in perms:
        seen, lengths = set(), []
        for start in range(len(p)):
            if start in seen:
                continue
            length, i = 0, start
            while i not in seen:
                seen.add(i)
                i = p[i]
                length += 1
            lengths.append(length)
        series = [1] + [0] * degree
        for length in lengths:  # multiply by 1/(1 - t^length)
            for d in range(length, degree + 1):
                series[d] += series[d - length]
        total = [a + b for a, b in zip(total, series, strict=True)]
    assert all(c % len(perms) == 0 for c in total)
    return [c // len(perms) for c in total]


def coefficients(out):
    line = next(line for line in out.splitlines() if line.startswith("dimensions of"))
    return [int(c) for c in line.split(":")[1].split(",")]


# ------------------------------------------------------------------- necklaces
def test_necklaces_counts_match_oeis(capsys):
    code, out, _ = run(capsys, "necklaces", "8")
    assert code == 0
    assert field(out, "necklaces") == "36"  # OEIS A000031
    assert field(out, "Lyndon words") == "30"  # OEIS A001037
    assert field(out, "bracelets") == "30"  # OEIS A000029
    code, out, _ = run(capsys, "necklaces", "6", "--k", "3")
    assert field(out, "necklaces") == "130"  # OEIS A001867: ternary necklaces
    assert field(out, "Lyndon words") == "116"  # OEIS A027376: ternary Lyndon words
    assert field(out, "bracelets") == "92"  # OEIS A027671: ternary bracelets


def test_necklaces_rank_is_consistent_with_the_list(capsys):
    code, out, _ = run(capsys, "necklaces", "8", "--list")
    assert code == 0
    rows = listed(out)
    # independently: the binary strings of length 8 that are least among their rotations
    brute = sorted(
        {least_rotation_brute("".join(bits)) for bits in itertools.product("01", repeat=8)}
    )
    assert [r[1] for r in rows] == brute
    assert [r[0] for r in rows] == list(range(36))
    assert all(size == 8 // sum(s == s[i:] + s[:i] for i in range(8)) for _, s, size in rows)
    assert "the first" not in out  # 36 rows < --limit 64: nothing left out
    rank_of = {s: r for r, s, _ in rows}
    for string in ("00010011", "10011000", "00110001"):
        code, out, _ = run(capsys, "necklaces", "8", "--rank", string)
        assert code == 0
        assert field(out, "least rotation") == least_rotation_brute(string) == "00010011"
        assert field(out, "rank") == str(rank_of["00010011"])
        shift = int(out.split("shifted by g = ")[1].split(")")[0])
        assert "".join(np.roll(list(string), shift)) == "00010011"
        assert field(out, "stabilizer") == "1"
    code, out, _ = run(capsys, "necklaces", "6", "--rank", "101010")
    assert field(out, "least rotation") == "010101"
    assert field(out, "stabilizer") == "3"
    assert "a class of 2 strings" in out


def test_necklaces_list_is_truncated_and_walks_past_the_enumeration_limit(capsys):
    code, out, _ = run(capsys, "necklaces", "8", "--list", "--limit", "5")
    assert code == 0
    assert [r[1] for r in listed(out)] == [
        "00000000",
        "00000001",
        "00000011",
        "00000101",
        "00000111",
    ]
    assert "the first 5 of 36 necklaces" in out
    # 99880 binary necklaces of length 21: more than are enumerated at once, so the CLI
    # walks the FKM order itself; compare with the compiled enumeration and brute force
    code, out, _ = run(capsys, "necklaces", "21", "--list", "--limit", "40")
    rows = listed(out)
    expected = ["".join(map(str, r)) for r in grouprep.necklaces(21)[:40]]
    assert [r[1] for r in rows] == expected
    assert [r[0] for r in rows] == list(range(40))
    brute = [s for s in (format(i, "021b") for i in range(2**12)) if least_rotation_brute(s) == s]
    assert expected == brute[:40]
    code, out, _ = run(capsys, "necklaces", "100", "--list", "--limit", "3")
    assert [r[0] for r in listed(out)] == [0, 1, 2]
    assert listed(out)[2][1] == "0" * 98 + "11"
    # ranks of listed rows agree with necklace_rank, far from the start too
    code, out, _ = run(capsys, "necklaces", "30", "--list", "--limit", "300")
    rows = listed(out)
    words = np.array([[int(c) for c in s] for _, s, _ in rows])
    assert grouprep.necklace_rank(words).tolist() == [r for r, _, _ in rows]
    assert all(least_rotation_brute(s) == s for _, s, _ in rows)
    assert [s for _, s, _ in rows] == sorted(s for _, s, _ in rows)


def test_necklaces_large_alphabet_uses_commas(capsys):
    code, out, _ = run(capsys, "necklaces", "3", "--k", "12", "--rank", "11,0,3", "--list")
    assert code == 0
    assert field(out, "least rotation") == "0,3,11"
    assert field(out, "necklaces") == str((12**3 + 2 * 12) // 3)  # Burnside for Z3
    assert listed(out)[:2] == [(0, "0,0,0", 1), (1, "0,0,1", 3)]
    classes = sorted({least_rotation_brute(w) for w in itertools.product(range(12), repeat=3)})
    assert field(out, "rank") == str(classes.index((0, 3, 11)))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["8", "--rank", "0001001"], "must have length N = 8"),
        (["8", "--rank", "00010012"], "symbols 0 .. 1"),
        (["8", "--rank", "0001001x"], "must be a string of symbols 0 .. 1"),
        (["8", "--rank", ""], "must be a string of symbols"),
        (["3", "--k", "12", "--rank", "1,,2"], "numbers separated by commas"),
        (["3", "--k", "12", "--rank", "1,2,12"], "symbol 12"),
        (["0"], "argument 'N' must be >= 1"),
        (["8", "--k", "0"], "argument '--k' must be >= 1"),
        (["8", "--list", "--limit", "0"], "argument '--limit' must be >= 1"),
        (["5000", "--rank", "0" * 5000], "--rank takes N <= 1024"),
        (["3000", "--list", "--limit", "4000"], "more than 10000000 symbols"),
        (["4", "--k", str(2**31 + 1), "--rank", "0123"], "--rank takes k <= 2**31"),
        (["20000"], "k**N of at most 4000 digits (k counted as 2 or more), so N <= 13287"),
    ],
)
def test_necklaces_bad_input(capsys, args, message):
    code, out, err = run(capsys, "necklaces", *args)
    assert code == 2
    assert err.startswith("grouprep necklaces: error: ")
    assert message in err
    assert out == ""  # refused before printing anything


# ------------------------------------------------------------- character-table
def degrees_of(out):
    return [int(line.split()[1]) for line in out.splitlines() if line.lstrip().startswith("X.")]


def test_character_table_s3(capsys):
    code, out, _ = run(capsys, "character-table", "S3")
    assert code == 0
    assert "3 classes" in out
    assert degrees_of(out) == [1, 1, 2]
    assert str(grouprep.character_table(grouprep.symmetric(3))) in out
    assert "E(m)" not in out  # rational table: no root of unity to explain


def test_character_table_a5_and_products(capsys):
    code, out, _ = run(capsys, "character-table", "A5")
    assert code == 0
    assert degrees_of(out) == [1, 3, 3, 4, 5]
    assert "sum of squares 60 = |G|" in out
    assert "E(m) = exp(2 pi i / m)" in out  # the golden-ratio values need E(5)
    code, out, _ = run(capsys, "character-table", "Z2xZ4")
    assert degrees_of(out) == [1] * 8


@pytest.mark.parametrize(
    ("spec", "message"),
    [("Q8", "parse_group: cannot read 'Q8'"), ("Z1000", "1000 conjugacy classes")],
)
def test_character_table_bad_input(capsys, spec, message):
    code, _, err = run(capsys, "character-table", spec)
    assert code == 2
    assert message in err


# ---------------------------------------------------------------------- molien
def test_molien_s3_counts_partitions(capsys):
    code, out, _ = run(capsys, "molien", "S3", "--degree", "6")
    assert code == 0
    # partitions of d into at most 3 parts (the power sums p1, p2, p3 generate)
    parts = [
        sum(1 for a in range(d + 1) for b in range(a + 1) if d - a - b >= 0 and d - a - b <= b)
        for d in range(7)
    ]
    assert parts == [1, 1, 2, 3, 4, 5, 7]
    assert coefficients(out) == parts
    t = sympy.Symbol("t")
    series = sympy.sympify(out.split("M(t) = ")[1].splitlines()[0], locals={"t": t})
    assert sympy.simplify(series - 1 / ((1 - t) * (1 - t**2) * (1 - t**3))) == 0
    assert "M(t) = 1/((1 - t)**3*(t + 1)*(t**2 + t + 1))" in out


@pytest.mark.parametrize(
    ("spec", "action"), [("D5", "perm"), ("A5", "perm"), ("Z2xZ4", "regular")]
)
def test_molien_prints_the_series_of_the_library(capsys, spec, action):
    code, out, _ = run(capsys, "molien", spec, "--action", action)
    assert code == 0
    t = sympy.Symbol("t")
    printed = sympy.sympify(out.split("M(t) = ")[1].splitlines()[0], locals={"t": t})
    G = grouprep.parse_group(spec)
    if action == "perm":
        rep = grouprep.permutation_representation(grouprep.permutation_action(G))
    else:
        rep = grouprep.regular_representation(G)
    assert sympy.cancel(printed - grouprep.molien_series(rep)) == 0
    assert "(t - 1)" not in out  # written with (1 - t)
    # the power series of num/den by long division, with den(0) made 1
    num, den = (sympy.Poly(p, t).all_coeffs()[::-1] for p in sympy.fraction(sympy.cancel(printed)))
    assert den[0] in (1, -1)
    num, den = [c * den[0] for c in num], [c * den[0] for c in den]
    series = []
    for d in range(11):
        c = (num[d] if d < len(num) else 0) - sum(
            den[j] * series[d - j] for j in range(1, min(d, len(den) - 1) + 1)
        )
        series.append(c)
    assert series == coefficients(out)


def test_molien_z4_is_oeis_a008610(capsys):
    code, out, _ = run(capsys, "molien", "Z4", "--degree", "6")
    assert code == 0
    assert coefficients(out) == [1, 1, 3, 5, 10, 14, 22]
    rotations = [tuple((i + g) % 4 for i in range(4)) for g in range(4)]
    assert molien_brute(rotations, 6) == [1, 1, 3, 5, 10, 14, 22]
    code, out, _ = run(capsys, "molien", "Z4", "--degree", "6", "--action", "regular")
    assert coefficients(out) == [1, 1, 3, 5, 10, 14, 22]  # Z4 on itself: the same action


def test_molien_regular_representation_of_s3(capsys):
    code, out, _ = run(capsys, "molien", "S3", "--action", "regular")
    assert code == 0
    assert "regular representation (dim 6)" in out
    perms = list(itertools.permutations(range(3)))

    def compose(p, q):
        return tuple(p[q[i]] for i in range(3))

    left = [tuple(perms.index(compose(g, h)) for h in perms) for g in perms]
    assert coefficients(out) == molien_brute(left, 10)


def test_molien_skips_the_closed_form_when_it_is_expensive(capsys):
    code, out, _ = run(capsys, "molien", "Z30", "--degree", "3")
    assert code == 0
    assert "closed form not computed" in out
    rotations = [tuple((i + g) % 30 for i in range(30)) for g in range(30)]
    assert coefficients(out) == molien_brute(rotations, 3)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Q8"], "parse_group: cannot read 'Q8'"),
        (["S3", "--degree", "-1"], "'--degree' must be between 0 and 1000"),
        (["S9"], "order 362880"),
        (["S6", "--action", "regular"], "dimension |G| = 720"),
        (["Z500"], "permutes 500 points"),
    ],
)
def test_molien_bad_input(capsys, args, message):
    code, _, err = run(capsys, "molien", *args)
    assert code == 2
    assert message in err


def test_molien_rejects_an_unknown_action():
    with pytest.raises(SystemExit):
        main(["molien", "S3", "--action", "trivial"])


# ------------------------------------------------------------------ invariants
def polynomials_of(out, header):
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if header in line) + 1
    polys = []
    for line in lines[start:]:
        if not line.startswith("  ") or line.startswith("  ..."):
            break
        polys.append(line.split(": ")[-1].strip())
    return polys


def test_invariants_s3_degree_2(capsys):
    code, out, _ = run(capsys, "invariants", "S3", "--degree", "2")
    assert code == 0
    assert "2 polynomials" in out
    assert "Molien coefficient 2" in out
    polys = polynomials_of(out, "polynomials:")
    assert len(polys) == 2
    x = sympy.symbols("x0:3")
    for text in polys:
        p = sympy.sympify(text, locals={f"x{i}": x[i] for i in range(3)})
        assert sympy.Poly(p, *x).is_homogeneous and sympy.total_degree(p) == 2
        for perm in itertools.permutations(x):
            assert (
                sympy.expand(p.subs(dict(zip(x, perm, strict=True)), simultaneous=True) - p) == 0
            )


def test_invariants_generators_are_the_power_sums(capsys):
    code, out, _ = run(capsys, "invariants", "S3", "--degree", "3", "--generators")
    assert code == 0
    gens = polynomials_of(out, "generators of the invariant ring")
    assert gens == ["x0 + x1 + x2", "x0**2 + x1**2 + x2**2", "x0**3 + x1**3 + x2**3"]
    assert "degree 3: x0**3 + x1**3 + x2**3" in out


def test_invariants_count_equals_orbits_of_monomials(capsys):
    code, out, _ = run(capsys, "invariants", "D4", "--degree", "3", "--limit", "2")
    assert code == 0
    # orbits of the D4 symmetries of the square on exponent vectors of degree 3
    square = [tuple((s * i + g) % 4 for i in range(4)) for g in range(4) for s in (1, -1)]
    exps = [e for e in itertools.product(range(4), repeat=4) if sum(e) == 3]
    orbits = {min(tuple(e[p.index(i)] for i in range(4)) for p in square) for e in exps}
    assert f"{len(orbits)} polynomials" in out
    assert f"the first 2 of {len(orbits)}" in out
    assert len(polynomials_of(out, "polynomials:")) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Q8", "--degree", "2"], "parse_group: cannot read 'Q8'"),
        (["S3", "--degree", "-2"], "'--degree' must be between 0 and 1000, got -2"),
        (["Z20", "--degree", "8"], "monomials of degree 8 in 20 variables"),
        (["Z8", "--degree", "6", "--generators"], "--generators reduces products"),
        (["S3", "--degree", "2", "--limit", "0"], "'--limit' must be >= 1"),
    ],
)
def test_invariants_bad_input(capsys, args, message):
    code, _, err = run(capsys, "invariants", *args)
    assert code == 2
    assert message in err


def test_invariants_needs_a_degree():
    with pytest.raises(SystemExit):
        main(["invariants", "S3"])


# ------------------------------------------------------------------- featurize
def load(path):
    spec = importlib.util.spec_from_file_location(f"featurizer_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("features", "extra", "reference"),
    [
        ("bispectrum", [], lambda: grouprep.Bispectrum()),
        ("bispectrum-full", [], lambda: grouprep.Bispectrum(selective=False)),
        ("power-spectrum", [], lambda: grouprep.PowerSpectrum()),
        ("polynomials", ["--degree", "3"], lambda: grouprep.InvariantPolynomials(degree=3)),
    ],
)
def test_featurize_writes_a_module_that_matches_the_featurizer(
    capsys, tmp_path, features, extra, reference
):
    path = tmp_path / "feat.py"
    code, out, _ = run(capsys, "featurize", "Z8", "--features", features, *extra, "-o", str(path))
    assert code == 0
    assert f"wrote {path}" in out
    X = np.random.default_rng(1).standard_normal((20, 8))
    expected = reference().fit(X).transform(X)
    module = load(path)
    got = module.transform(X)
    assert got.shape == expected.shape
    assert f"features    {expected.shape[1]}:" in out
    np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-10)
    # invariant under the cyclic shift, as the module stands alone
    np.testing.assert_allclose(module.transform(np.roll(X, 3, axis=1)), got, atol=1e-9)


def test_featurize_accepts_cn(capsys, tmp_path):
    code, out, _ = run(
        capsys, "featurize", "C5", "--features", "power-spectrum", "-o", str(tmp_path / "p.py")
    )
    assert code == 0
    assert "features    3: P0 P1 P2" in out


def test_featurize_keeps_an_existing_file_unless_forced(capsys, tmp_path):
    path = tmp_path / "feat.py"
    path.write_text("# mine\n")
    code, _, err = run(capsys, "featurize", "Z8", "--features", "bispectrum", "-o", str(path))
    assert code == 2
    assert "exists; pass --force" in err
    assert path.read_text() == "# mine\n"
    code, _, err = run(
        capsys, "featurize", "Z8", "--features", "bispectrum", "-o", str(path), "--force"
    )
    assert code == 0
    assert "def transform" in path.read_text()


@pytest.mark.parametrize(
    ("spec", "extra", "message"),
    [
        ("Q8", [], "parse_group: cannot read 'Q8'"),
        ("D4", [], "must be a cyclic group Zn (or Cn), got D4 = dihedral(4)"),
        ("Z2xZ4", [], "must be a cyclic group Zn (or Cn)"),
        ("Z8", ["--degree", "3"], "'--degree' applies to --features polynomials only"),
        ("Z2000", ["--features", "bispectrum-full"], "at most 1024"),
    ],
)
def test_featurize_bad_input(capsys, tmp_path, spec, extra, message):
    args = ["featurize", spec, "-o", str(tmp_path / "f.py")]
    args += extra if "--features" in extra else ["--features", "bispectrum", *extra]
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err
    assert not (tmp_path / "f.py").exists()


def test_featurize_reports_unwritable_paths(capsys, tmp_path):
    missing = tmp_path / "no" / "such" / "dir" / "f.py"
    code, _, err = run(capsys, "featurize", "Z8", "--features", "bispectrum", "-o", str(missing))
    assert code == 2
    assert f"cannot write {missing}: No such file or directory" in err
    code, _, err = run(capsys, "featurize", "Z8", "--features", "bispectrum", "-o", str(tmp_path))
    assert code == 2
    assert "it is a directory" in err


def test_featurize_polynomial_degree_checks(capsys, tmp_path):
    path = str(tmp_path / "f.py")
    code, _, err = run(
        capsys, "featurize", "Z8", "--features", "polynomials", "--degree", "0", "-o", path
    )
    assert code == 2 and "'--degree' must be between 1 and 100" in err
    code, _, err = run(
        capsys, "featurize", "Z64", "--features", "polynomials", "--degree", "4", "-o", path
    )
    assert code == 2 and "monomials of degrees 1 .. 4 in 64 variables" in err


# ----------------------------------------------------------------- entry points
def test_commands_through_python_dash_m(tmp_path):
    ok = subprocess.run(
        [sys.executable, "-m", "grouprep", "necklaces", "8"], capture_output=True, text=True
    )
    assert ok.returncode == 0
    assert "necklaces     36" in ok.stdout
    args = ["featurize", "S3", "--features", "bispectrum", "-o", str(tmp_path / "f.py")]
    bad = subprocess.run(
        [sys.executable, "-m", "grouprep", *args],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2
    assert "cyclic group" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_console_script():
    script = Path(sys.executable).parent / "grouprep"
    if not script.exists():
        pytest.skip("no grouprep console script next to the interpreter")
    out = subprocess.run(
        [str(script), "molien", "S3", "--degree", "4"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert "degree 0 .. 4: 1, 1, 2, 3, 4" in out.stdout
    bad = subprocess.run(
        [str(script), "necklaces", "4", "--rank", "0120"], capture_output=True, text=True
    )
    assert bad.returncode == 2
    assert "symbols 0 .. 1" in bad.stderr and "Traceback" not in bad.stderr


def test_every_command_documents_its_options(capsys):
    for command in ("necklaces", "character-table", "molien", "invariants", "featurize"):
        with pytest.raises(SystemExit) as exit_info:
            main([command, "--help"])
        assert exit_info.value.code == 0
        out = capsys.readouterr().out
        assert f"usage: grouprep {command}" in out
    with pytest.raises(SystemExit):
        main(["--help"])
    top = capsys.readouterr().out
    for command in ("necklaces", "character-table", "molien", "invariants", "featurize"):
        assert command in top
