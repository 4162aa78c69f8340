"""``report``: not available until the reports issue lands."""

from __future__ import annotations

import argparse

from contractdesk.cli.common import AddDbOption, Subparsers
from contractdesk.errors import UserError


def register(commands: Subparsers, add_db: AddDbOption) -> None:
    parser = commands.add_parser("report", help="print a PDF report (not available yet)")
    add_db(parser)
    parser.add_argument("kind", choices=["vendor", "renewals", "support"])
    parser.add_argument("rest", nargs=argparse.REMAINDER)
    parser.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    raise UserError("PDF reports are not available yet in this version.")
