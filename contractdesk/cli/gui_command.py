"""``gui`` (also what runs with no sub-command): the window."""

from __future__ import annotations

import argparse

from contractdesk.cli.common import AddDbOption, Subparsers


def register(commands: Subparsers, add_db: AddDbOption) -> None:
    parser = commands.add_parser("gui", help="open the window (the default)")
    add_db(parser)
    parser.add_argument("--open-reminder", type=int, metavar="ID",
                        help="open agreement ID at once (what a clicked reminder does)")
    parser.set_defaults(handler=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    from contractdesk.ui.app import run  # Qt loads only when the window is wanted

    return run(getattr(args, "db", None), getattr(args, "open_reminder", None))
