"""The grouprep command line."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

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


@pytest.mark.parametrize(
    ("group", "task", "text"),
    [
        (["--group", "D7"], "bracelet-labels", "18 bracelet classes"),  # OEIS A000029
        (["--group", "S5"], "graph-labels", "34 isomorphism classes of graphs"),  # A000088
        (["--group", "p4m", "--side", "3"], "image-labels", "periodic 3x3 images"),
        (["--group", "p4m", "--side", "3", "--k", "3"], "image-labels", "with 3 colours"),
    ],
)
def test_experiment_command_beyond_zn(capsys, tmp_path, group, task, text):
    args = ["experiment", *group, "--sizes", "16,40", "--seeds", "1", "--quiet"]
    args += ["--strategies", "baseline,canonicalization", "--test-size", "100"]
    assert main([*args, "--out", str(tmp_path / "a")]) == 0
    out = capsys.readouterr().out
    assert text in out and "canonicalization" in out
    meta = json.loads((tmp_path / "a" / "results.json").read_text())["meta"]
    assert meta["task"] == task
    # naming the group's task explicitly gives the same run
    assert main([*args, "--task", task, "--out", str(tmp_path / "b")]) == 0
    again = json.loads((tmp_path / "b" / "results.json").read_text())
    first = json.loads((tmp_path / "a" / "results.json").read_text())
    assert [r["accuracy"] for r in again["records"]] == [r["accuracy"] for r in first["records"]]


def test_experiment_bad_input(capsys, tmp_path):
    assert main(["experiment", "--group", "A4", "--out", str(tmp_path)]) == 2
    assert "'--group' must be Zn or Dn" in capsys.readouterr().err
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


# ------------------------------------------------------------------ no traceback, ever
HUGE = "9" * 5000

#: arguments that once gave a traceback, a hang or gigabytes; each must now be refused at
#: once with status 2 and one line on stderr that names what is wrong
REFUSED = [
    (["info", "Z" + HUGE], "larger than 1000000"),
    (["info", "S3xZ" + HUGE], "5000 digits"),
    (["info", "S100"], "order about 10^158; the command takes groups of order at most 50000"),
    (["info", "Z1000000xZ1000000"], "order 1000000000000; the command takes groups"),
    (["info", "x".join(["Z1000000"] * 800)], "order about 10^4800"),
    (["character-table", "S100"], "order at most 50000"),
    (["molien", "Z1000000xZ1000000"], "order at most 50000"),
    (["experiment", "--test-size", "0"], "'test_size' must be an int >= 1, got 0"),
    (["experiment", "--seed", "-1"], "'seed' must be an int >= 0, got -1"),
    (["experiment", "--k", "300"], "k**n = 300**8"),
    (["experiment", "--k", "1"], "'k' must be an int >= 2"),
    (["experiment", "--seeds", "0"], "'--seeds' must be between 1 and 100, got 0"),
    (["experiment", "--seeds", "1000"], "'--seeds' must be between 1 and 100, got 1000"),
    (["experiment", "--test-size", "1000000000"], "'--test-size' asks for 1000000000"),
    (["experiment", "--sizes", "2:" + "9" * 4000], "'--sizes' asks for about 10^4000"),
    (["experiment", "--sizes", "1,16"], "'sizes' must be an int >= 2, got 1"),
    (["experiment", "--sizes", "16,16"], "'sizes' must hold distinct sizes"),
    (["experiment", "--group", "Z100"], "'--group' must be Zn with 2 <= n <= 64"),
    (["experiment", "--group", "Z" + HUGE], "larger than 1000000"),
    (["experiment", "--group", "A5"], "'--group' must be Zn or Dn (strings of length n), Sn"),
    (["experiment", "--group", "Z2xZ4"], "got Z2xZ4 = abelian(2, 4)"),
    (["experiment", "--group", "S7"], "'--group' must be Sn with 3 <= n <= 6"),
    (["experiment", "--group", "D65"], "'--group' must be Dn with 2 <= n <= 64"),
    (["experiment", "--group", "p4m", "--side", "8"], "'--side' must be between 2 and 7"),
    (["experiment", "--group", "Z8", "--side", "3"], "'--side' applies to --group p4m only"),
    (
        ["experiment", "--group", "D8", "--task", "necklace-labels"],
        "'necklace-labels' is invariant under Zn: cyclic shifts of strings of length n, not "
        "under --group D8; use --group Z8",
    ),
    (["experiment", "--group", "Z6", "--task", "graph-labels"], "use --group S6"),
    (["experiment", "--group", "S5", "--task", "image-labels"], "use --group p4m"),
    (["experiment", "--group", "p4m", "--task", "bracelet-labels"], "['image-labels']"),
    (
        ["experiment", "--group", "S5", "--k", "3"],
        "'graph-labels' is on simple graphs (a bit per edge), so k must be 2",
    ),
    (["experiment", "--group", "S4", "--sizes", "16:128"], "larger than the task's domain (64"),
    (["experiment", "--target", "nan"], "'target' must be in (0, 1], got nan"),
    (["experiment", "--target", "0"], "'target' must be in (0, 1]"),
    (["experiment", "--task", "run-of-ones", "--k", "3"], "so k must be 2, got 3"),
    (["experiment", "--strategies", "baseline,baseline"], "each strategy once"),
    (["experiment", "--strategies", "magic"], "unknown strategy 'magic'"),
    (["experiment", "--task", "pattern-position", "--strategies", "quotient"], "covariant"),
    (["tour", "--n", "40"], "'--n' must be between 1 and 16, got 40"),
    (["invariants", "S3", "--degree", "9" * 4000], "between 0 and 1000, got about 10^4000"),
    (["invariants", "Z1", "--degree", "1000000"], "between 0 and 1000, got 1000000"),
    (["molien", "S3", "--degree", "9" * 4000], "between 0 and 1000, got about 10^4000"),
    (
        ["featurize", "Z1", "--features", "polynomials", "--degree", "1000", "-o", "f.py"],
        "between 1 and 100, got 1000",
    ),
    (
        ["featurize", "Z4", "--features", "polynomials", "--degree", "30", "-o", "f.py"],
        "46375 monomials of degrees 1 .. 30 in 4 variables, more than the 10000",
    ),
    (
        ["featurize", "Z4", "--features", "polynomials", "--degree", "9" * 4000, "-o", "f.py"],
        "got about 10^4000",
    ),
    (["necklaces", "1" + "0" * 4000], "N = about 10^4000 is too long for k = 2"),
    (["necklaces", "1" + "0" * 40, "--k", "1"], "so N <= 13287"),
]


@pytest.mark.parametrize(("args", "message"), REFUSED, ids=[" ".join(a)[:40] for a, _ in REFUSED])
def test_bad_arguments_are_refused_at_once_in_one_line(capsys, tmp_path, args, message):
    if args[0] == "experiment":
        args = [*args, "--out", str(tmp_path / "out"), "--quiet"]
    start = time.perf_counter()
    status = main(args)
    elapsed = time.perf_counter() - start
    captured = capsys.readouterr()
    assert status == 2
    assert "Traceback" not in captured.err + captured.out
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"grouprep {args[0]}: error: ")
    assert message in lines[0]
    assert elapsed < 5, f"{args[:2]} took {elapsed:.1f} s"
    assert not (tmp_path / "out").exists()  # refused before anything was written


def test_a_bug_is_one_line_with_status_1_and_memory_errors_status_2(capsys, monkeypatch):
    import grouprep.cli._main as cli_main

    def broken(*args, **kwargs):
        raise RuntimeError("something inside broke")

    monkeypatch.setattr(cli_main, "describe_group", broken)
    assert main(["info", "Z4"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "grouprep info: internal error: RuntimeError: something inside broke (please report it)"
    ]

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(cli_main, "describe_group", exhausted)
    assert main(["info", "Z4"]) == 2
    assert capsys.readouterr().err.strip().splitlines() == ["grouprep info: error: out of memory"]


def _grouprep(*args, **kwargs):
    return subprocess.Popen(
        [sys.executable, "-m", "grouprep", *args], stderr=subprocess.PIPE, text=True, **kwargs
    )


def test_a_full_standard_output_is_one_line_and_status_2():
    with open("/dev/full", "w") as full:
        for args in (["info", "Z8"], ["necklaces", "12", "--list"]):
            proc = _grouprep(*args, stdout=full)
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 2, err
            assert "Traceback" not in err and "Exception ignored" not in err
            assert err.strip().splitlines() == [
                f"grouprep {args[0]}: error: cannot write the output: No space left on device"
            ]


def test_ctrl_c_exits_quietly_with_status_130(tmp_path):
    args = ["experiment", "--group", "Z10", "--sizes", "16:1024", "--out", str(tmp_path)]
    proc = _grouprep(*args, stdout=subprocess.DEVNULL)
    assert proc.stderr is not None
    first = proc.stderr.readline()  # the first progress line: the experiment is running
    assert first.startswith("[1/"), first
    proc.send_signal(signal.SIGINT)
    _, rest = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert "Traceback" not in rest
    assert rest.strip().splitlines()[-1] == "grouprep experiment: interrupted"


def test_experiment_at_z36_runs_without_listing_the_strings(capsys, tmp_path):
    args = ["experiment", "--group", "Z36", "--sizes", "16:32", "--seeds", "1", "--quiet"]
    args += ["--strategies", "baseline,quotient", "--test-size", "100", "--out", str(tmp_path)]
    assert main(args) == 0  # once a 14 GiB table of labels
    out = capsys.readouterr().out
    assert "necklace classes of 2-ary strings of length 36" in out
    assert (tmp_path / "results.json").exists()


# ------------------------------------------------------------- no result is overwritten
def _experiment(out, *extra):
    args = ["experiment", "--group", "Z6", "--sizes", "16", "--seeds", "1", "--quiet"]
    args += ["--strategies", "baseline", "--test-size", "50", "--out", str(out)]
    return main([*args, *extra])


def test_experiment_keeps_earlier_results_unless_force(capsys, tmp_path):
    assert _experiment(tmp_path) == 0
    capsys.readouterr()
    names = ("results.json", "results.csv", "learning_curves.png")
    before = {name: (tmp_path / name).read_bytes() for name in names}
    (tmp_path / "results.json").write_text("my edited results")
    before["results.json"] = b"my edited results"
    assert _experiment(tmp_path) == 2
    captured = capsys.readouterr()
    assert "results.json" in captured.err and "pass --force" in captured.err
    assert captured.out == ""  # refused before any work
    assert {name: (tmp_path / name).read_bytes() for name in names} == before
    assert _experiment(tmp_path, "--force") == 0
    assert (tmp_path / "results.json").read_bytes() != b"my edited results"


def test_tour_keeps_earlier_results_unless_force(capsys, tmp_path):
    precious = tmp_path / "learning_curves.png"
    precious.write_bytes(b"a figure I made")
    assert main(["tour", "--out", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # refused before the tour starts
    assert "learning_curves.png exists" in captured.err and "--force" in captured.err
    assert precious.read_bytes() == b"a figure I made"
    # without the experiment nothing is written, so nothing is refused
    assert main(["tour", "--n", "3", "--out", str(tmp_path)]) == 0
    assert precious.read_bytes() == b"a figure I made"


def test_a_closed_pipe_ends_the_command_quietly():
    proc = _grouprep("necklaces", "20", "--list", "--limit", "50000", stdout=subprocess.PIPE)
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith("strings of length 20")
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read() if proc.stderr else ""
    assert proc.wait(timeout=120) == 0
    assert err == ""
