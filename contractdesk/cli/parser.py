"""The argument parser; each command module adds its own sub-command."""

from __future__ import annotations

import argparse

from contractdesk import __version__
from contractdesk.cli import (
    coverage_command,
    data_commands,
    db_commands,
    governance_command,
    gui_command,
    import_command,
    remind_command,
    report_command,
    workflow_command,
)

COMMAND_MODULES = (gui_command, import_command, data_commands, report_command, db_commands,
                   governance_command, workflow_command, coverage_command, remind_command)


def _db_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS lets --db stand before or after the sub-command without one hiding the other.
    parser.add_argument("--db", metavar="PATH|URL", default=argparse.SUPPRESS,
                        help="database file or SQLAlchemy URL (default: CONTRACTDESK_DB, "
                             "else the user data folder)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="contractdesk",
        description="Keep track of IT purchases, agreements and renewals.")
    parser.add_argument("--version", action="version", version=f"ContractDesk {__version__}")
    _db_option(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands, _db_option)
    return parser
