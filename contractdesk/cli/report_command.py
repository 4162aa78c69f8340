"""``report vendor|renewals|support``: the printable PDF reports."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from contractdesk.cli.common import (
    AddDbOption,
    Subparsers,
    open_from_args,
    output_path,
    positive_days,
    today,
)
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.reports.data.phone_list import phone_list
from contractdesk.reports.data.renewals import renewals_data
from contractdesk.reports.data.support import (
    ALL_LIMIT,
    SupportData,
    support_for_agreement,
    support_for_all,
    support_for_serial,
)
from contractdesk.reports.data.vendor import vendor_summary
from contractdesk.reports.document import save_pdf
from contractdesk.reports.formatting import Formatter
from contractdesk.reports.phone_list import render_phone_list
from contractdesk.reports.renewals import render_renewals
from contractdesk.reports.support import render_support
from contractdesk.reports.vendor import render_vendor_summary


def register(commands: Subparsers, add_db: AddDbOption) -> None:
    parser = commands.add_parser("report", help="write a printable PDF report")
    add_db(parser)
    kinds = parser.add_subparsers(dest="report", metavar="REPORT", required=True)

    def common(sub: argparse.ArgumentParser) -> None:
        add_db(sub)
        sub.add_argument("--within", type=positive_days, default=DEFAULT_REMINDER_DAYS,
                         metavar="DAYS", help="the reminder window: days ahead that count "
                                              f"as due or ending (default "
                                              f"{DEFAULT_REMINDER_DAYS}, as in the window)")
        sub.add_argument("-o", "--output", required=True, metavar="FILE.pdf",
                         help="the PDF file to write")
        sub.add_argument("--locale", metavar="LOCALE",
                         help="number and date format, e.g. en_GB or de_DE "
                              "(default: the system's, else en_GB)")

    vendor = kinds.add_parser("vendor", help="one-page summary of a reseller or OEM")
    vendor.add_argument("name", metavar="NAME", help="organization name (case and spacing "
                                                     "are ignored)")
    common(vendor)
    vendor.set_defaults(handler=run_vendor)

    renew = kinds.add_parser("renewals", help="what needs notice, renews or ends, by month")
    common(renew)
    renew.set_defaults(handler=run_renewals)

    support = kinds.add_parser("support", help="who to call and what to quote")
    which = support.add_mutually_exclusive_group(required=True)
    which.add_argument("--serial", metavar="SN",
                       help="the item with this serial number (or asset tag)")
    which.add_argument("--agreement", metavar="NO", help="the agreement with this number")
    which.add_argument("--all", action="store_true",
                       help=f"a card for every running agreement (up to {ALL_LIMIT})")
    which.add_argument("--list", action="store_true",
                       help="the phone list: one line per covered serial, by OEM")
    common(support)
    support.set_defaults(handler=run_support)


def _prepare(args: argparse.Namespace) -> tuple[Path, Formatter]:
    """Checks the target folder and the locale before any database work."""
    return output_path(args.output), Formatter.for_locale(args.locale)


def _save(target: Path, what: str, render: Callable[[BinaryIO], int]) -> int:
    pages = save_pdf(target, render)
    print(f"{what} written to {target} ({pages} page{'s' if pages != 1 else ''})")
    return 0


def run_vendor(args: argparse.Namespace) -> int:
    target, fmt = _prepare(args)
    with open_from_args(args).session("cli") as session:
        summary = vendor_summary(session, args.name, today(), args.within)
    return _save(target, f"Vendor summary of {summary.name}", lambda out: render_vendor_summary(
        summary, out, fmt, dt.datetime.now()))


def run_renewals(args: argparse.Namespace) -> int:
    target, fmt = _prepare(args)
    with open_from_args(args).session("cli") as session:
        data = renewals_data(session, today(), args.within)
    return _save(target, "Renewals report", lambda out: render_renewals(
        data, out, fmt, dt.datetime.now()))


def _support_data(session: Session, args: argparse.Namespace) -> SupportData:
    if args.serial is not None:
        return support_for_serial(session, args.serial, today(), args.within)
    if args.agreement is not None:
        return support_for_agreement(session, args.agreement, today(), args.within)
    return support_for_all(session, today(), args.within)


def run_support(args: argparse.Namespace) -> int:
    target, fmt = _prepare(args)
    if args.list:
        with open_from_args(args).session("cli") as session:
            lines = phone_list(session, today())
        return _save(target, "Phone list", lambda out: render_phone_list(
            lines, out, fmt, dt.datetime.now()))
    with open_from_args(args).session("cli") as session:
        data = _support_data(session, args)
    return _save(target, "Support card", lambda out: render_support(
        data, out, fmt, dt.datetime.now()))
