"""Allows ``python -m contractdesk``."""

import sys

from contractdesk.cli import main

sys.exit(main())
