"""``python -m count_params``: the command line, as ``count-params``."""

import sys

from count_params.cli import main

sys.exit(main())
