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


def test_tour_walks_through_z8(capsys):
    assert main(["tour"]) == 0
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
