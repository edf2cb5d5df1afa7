"""The grouprep command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from grouprep.cli import main


def test_info_prints_the_class_table(capsys):
    assert main(["info", "A5"]) == 0
    out = capsys.readouterr().out
    assert "order       60" in out
    assert "exponent    30" in out
    assert "abelian     no" in out
    assert "classes     5" in out
    sizes = [line.split()[-2] for line in out.splitlines()[-5:]]
    assert sizes == ["1", "15", "20", "12", "12"]


@pytest.mark.parametrize(
    ("spec", "order", "classes"),
    [("Z8", 8, 8), ("C8", 8, 8), ("D5", 10, 4), ("S4", 24, 5), ("Z2xZ4", 8, 8)],
)
def test_info_specs(capsys, spec, order, classes):
    assert main(["info", spec]) == 0
    out = capsys.readouterr().out
    assert f"order       {order}\n" in out
    assert f"classes     {classes}\n" in out


def test_info_rejects_a_bad_spec_without_a_traceback(capsys):
    assert main(["info", "Q8"]) == 2
    captured = capsys.readouterr()
    assert "grouprep info: error: parse_group: cannot read 'Q8'" in captured.err
    assert "Traceback" not in captured.err


def test_tour_walks_through_z8(capsys, tmp_path):
    assert main(["tour", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Z_8 acting on 8-bit strings" in out
    assert "group axioms of cyclic(8): holds" in out
    assert "action axioms of shift_action(8, alphabet=2): holds" in out
    assert "act(1, X) with X of shape (256, 8)" in out
    assert "36 classes of 8-bit strings" in out  # OEIS A000031: a(8) = 36
    assert "each passes the homomorphism law exactly: True" in out
    # multiplicity of Fourier mode k: (1/8) sum_g 2^gcd(g, 8) E(8)^(-k g), computed here
    import cmath
    import math

    mults = [
        round(
            (
                sum(2 ** math.gcd(g, 8) * cmath.exp(-2j * math.pi * k * g / 8) for g in range(8))
                / 8
            ).real
        )
        for k in range(8)
    ]
    assert f"multiplicity {mults}" in out
    # Burnside for Z_64: (1/64) sum over d | 64 of phi(d) 2^(64/d), phi(2^j) = 2^(j-1)
    n64 = (2**64 + sum(2 ** (j - 1) * 2 ** (64 >> j) for j in range(1, 7))) // 64
    assert f"{n64} classes" in out
    # invariants: Molien coefficients of the regular representation of Z_8 count the
    # orbits of Z_8 on monomials (Burnside: fixed monomials of g have cycle type of g)
    burnside = []
    for d in range(7):
        total = 0
        for g in range(8):
            c = math.gcd(g, 8)  # c cycles of length 8 / c
            length = 8 // c
            total += math.comb(d // length + c - 1, c - 1) if d % length == 0 else 0
        burnside.append(total // 8)
    assert f"degree 0..6: {burnside}" in out
    assert "proved invariant on the generator: True" in out
    assert "Bispectrum(): 14 features per signal; invariance on data holds: True" in out
    # the experiment: every strategy row, invariance of the invariant ones, files
    for name in ("baseline", "quotient", "augmentation", "invariant_features"):
        assert name in out
    assert (tmp_path / "learning_curves.png").exists()
    assert (tmp_path / "results.json").exists()


def test_experiment_command(capsys, tmp_path):
    args = ["experiment", "--group", "Z6", "--sizes", "16:32", "--seeds", "1", "--quiet"]
    args += ["--strategies", "baseline,quotient", "--test-size", "200", "--out", str(tmp_path)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "random label" in out and "quotient" in out
    assert (tmp_path / "results.csv").exists()


def test_experiment_bad_input(capsys, tmp_path):
    assert main(["experiment", "--group", "S3", "--out", str(tmp_path)]) == 2
    assert "cyclic group" in capsys.readouterr().err
    assert main(["experiment", "--group", "Z4", "--sizes", "16:64", "--out", str(tmp_path)]) == 2
    assert "larger than the task's domain" in capsys.readouterr().err
    blocker = tmp_path / "f"
    blocker.write_text("")
    code = main(["experiment", "--group", "Z6", "--sizes", "8", "--out", str(blocker / "x")])
    assert code == 2 and "cannot write" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["experiment", "--task", "parity"])
    assert "invalid choice" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["experiment", "--sizes", "a:b"])
    assert "sizes must look like" in capsys.readouterr().err


def test_tour_rejects_a_bad_size(capsys):
    assert main(["tour", "--n", "40"]) == 2
    assert "'--n' must be between 1 and 16" in capsys.readouterr().err


def test_console_script_and_module_entry_points():
    out = subprocess.run(
        [sys.executable, "-m", "grouprep", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("grouprep ")
    bad = subprocess.run(
        [sys.executable, "-m", "grouprep", "info", "Z0"], capture_output=True, text=True
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
