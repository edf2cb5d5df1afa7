"""pytest configuration shared by the test suite and the doctests of the docs."""

import importlib.util

collect_ignore = [
    "docs/conf.py",
    "docs/_build",
    "docs/auto_examples",
    "benchmarks",
    "examples",
    ".ci-venv",
    ".venv",
]

if importlib.util.find_spec("torch") is None:
    # the optional extra `torch` is absent: its doctests cannot be collected (tests/nn
    # skips by pytest.importorskip); CI installs the extra, so there they all run
    collect_ignore += ["grouprep/nn", "docs/guide/nn.rst"]
