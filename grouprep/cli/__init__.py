"""The ``grouprep`` command line: ``grouprep info SPEC`` and ``grouprep tour``."""

from grouprep.cli._main import main

__all__ = ["main"]
