"""``coverage``: every device with its running cover, the uncovered first."""

from __future__ import annotations

import argparse

from contractdesk.cli.common import (
    AddDbOption,
    Subparsers,
    open_from_args,
    positive_days,
    print_json,
    today,
)
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.services.coverage import CoverStatus, counted, cover_json, item_covers

WORDS = {CoverStatus.UNCOVERED: "NOT COVERED", CoverStatus.ENDING: "ends",
         CoverStatus.COVERED: "covered to"}


def register(commands: Subparsers, add_db: AddDbOption) -> None:
    coverage = commands.add_parser(
        "coverage", help="which devices are covered, lose cover soon, or have none")
    add_db(coverage)
    coverage.add_argument("--uncovered", action="store_true",
                          help="only the devices without running cover")
    coverage.add_argument("--within", type=positive_days, default=DEFAULT_REMINDER_DAYS,
                          metavar="DAYS", help="cover ending within DAYS counts as ending "
                                               f"(default {DEFAULT_REMINDER_DAYS})")
    coverage.add_argument("--oem", metavar="NAME", help="only this OEM's devices")
    coverage.add_argument("--json", action="store_true", help="machine-readable output")
    coverage.set_defaults(handler=run_coverage)


def run_coverage(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    day = today()
    with database.session("cli") as session:
        covers = item_covers(session, day, within=args.within, oem=args.oem,
                             uncovered_only=args.uncovered)
    if args.json:
        print_json({"today": day.isoformat(), "within_days": args.within,
                    "items": [cover_json(c) for c in covers]})
        return 0
    if not covers:
        print("No devices." if not args.uncovered else "Every device has running cover.")
        return 0
    oem = object()
    for cover in sorted(covers, key=lambda c: (c.oem or "").casefold()):  # stable: the
        # uncovered and ending stay first within each OEM
        if cover.oem != oem:
            oem = cover.oem
            print(f"\n{cover.oem or '(no OEM)'}")
        until = cover.cover_until.isoformat() if cover.cover_until else (
            "open-ended" if cover.status is not CoverStatus.UNCOVERED else "")
        device = cover.serial_number or cover.asset_tag or cover.description
        where = f"  [{cover.location}]" if cover.location else ""
        by = f"  {cover.covered_by}" if cover.covered_by else ""
        print(f"  {device:<22} {WORDS[cover.status]:<11} {until:<10}{by}{where}")
    counts = counted(covers)
    print(f"\n{counts['uncovered']} not covered, {counts['ending']} ending within "
          f"{args.within} days, {counts['covered']} covered.")
    return 0
