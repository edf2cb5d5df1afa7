"""``python -m grouprep`` runs the command line."""

import sys

from grouprep.cli import main

sys.exit(main())
