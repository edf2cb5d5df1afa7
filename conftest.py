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


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a module set to None in sys.modules
        return False


if not _installed("torch"):
    # the optional extra `torch` is absent: its doctests cannot be collected (tests/nn
    # skips by pytest.importorskip); CI installs the extra, so there they all run
    collect_ignore += ["grouprep/nn", "docs/guide/nn.rst"]
