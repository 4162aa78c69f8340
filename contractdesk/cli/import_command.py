"""``import``: not available until the import issue lands."""

from __future__ import annotations

import argparse

from contractdesk.cli.common import AddDbOption, Subparsers
from contractdesk.errors import UserError


def register(commands: Subparsers, add_db: AddDbOption) -> None:
    parser = commands.add_parser("import", help="import a spreadsheet (not available yet)")
    add_db(parser)
    parser.add_argument("file", metavar="FILE")
    parser.set_defaults(handler=run_import)


def run_import(args: argparse.Namespace) -> int:
    raise UserError("Importing spreadsheets is not available yet in this version.")
