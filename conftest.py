"""pytest configuration shared by the test suite and the doctests of the docs."""

collect_ignore = [
    "docs/conf.py",
    "docs/_build",
    "docs/auto_examples",
    "benchmarks",
    "examples",
    ".ci-venv",
    ".venv",
]
