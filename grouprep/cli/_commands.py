"""Sub-commands of ``grouprep`` for the derived objects (private)."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["add_commands"]


def add_commands(sub: Any) -> None:
    """Register the sub-commands on the sub-parser collection of the main parser."""
    del sub
