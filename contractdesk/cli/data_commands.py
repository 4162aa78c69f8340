"""``sample``, ``export`` and ``renewals``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from contractdesk.cli.common import (
    AddDbOption,
    Subparsers,
    open_from_args,
    output_path,
    positive_days,
    print_json,
    today,
)
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.exporting.dispatch import export_to
from contractdesk.exporting.records import KINDS, json_value
from contractdesk.exporting.request import DELIMITERS
from contractdesk.exporting.safe_write import atomic_writer
from contractdesk.services.calendar import calendar_for
from contractdesk.services.governance import review_due_json, reviews_due
from contractdesk.services.renewals import ACTION_WORDS, RenewalEntry, renewals
from contractdesk.services.sample import fill_sample


def register(commands: Subparsers, add_db: AddDbOption) -> None:
    sample = commands.add_parser("sample", help="fill an empty database with sample data")
    add_db(sample)
    sample.set_defaults(handler=run_sample)

    export = commands.add_parser("export", help="export everything, or what is due, to a file")
    add_db(export)
    export.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="target file: .xlsx (a sheet per kind), .csv (one kind) or "
                             ".json (the documented contract)")
    export.add_argument("--kind", choices=KINDS, default=None,
                        help="only this kind of record (csv: default agreements)")
    export.add_argument("--within", type=positive_days, default=None, metavar="DAYS",
                        help="only agreements needing notice, renewing or ending within DAYS, "
                             "with the records they refer to (default: everything, "
                             f"status and Renewals sheet for {DEFAULT_REMINDER_DAYS} days)")
    export.add_argument("--delimiter", choices=DELIMITERS, default=";",
                        help="csv field separator (default ;)")
    export.set_defaults(handler=run_export)

    renew = commands.add_parser("renewals", help="what needs notice, renews or expires soon")
    add_db(renew)
    renew.add_argument("--within", type=positive_days, default=DEFAULT_REMINDER_DAYS,
                       metavar="DAYS", help=f"days ahead (default {DEFAULT_REMINDER_DAYS})")
    renew.add_argument("--json", action="store_true", help="machine-readable output")
    renew.add_argument("--ics", metavar="FILE", help="also write an iCalendar file")
    renew.set_defaults(handler=run_renewals)


def run_sample(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    with database.transaction("cli") as session:
        counts = fill_sample(session, today())
    print("Sample data added to " + database.describe() + ": "
          + ", ".join(f"{n} {kind}" for kind, n in counts.items()))
    return 0


def run_export(args: argparse.Namespace) -> int:
    target = output_path(args.output)
    database = open_from_args(args)
    window = DEFAULT_REMINDER_DAYS if args.within is None else args.within
    with database.transaction("cli") as session:
        counts = export_to(session, target, today(), window, due_only=args.within is not None,
                           kind=args.kind, delimiter=args.delimiter)
    print(f"Exported to {target}: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))
    return 0


def renewal_json(entry: RenewalEntry) -> dict[str, Any]:
    agreement = entry.agreement
    fields = {
        "contract_number": agreement.contract_number,
        "title": agreement.title,
        "kind": agreement.kind.value,
        "oem": agreement.oem.name if agreement.oem else None,
        "reseller": agreement.reseller.name if agreement.reseller else None,
        "action": entry.action,
        "due": entry.due,
        "overdue": entry.overdue,
        "notice_deadline": entry.notice_deadline,
        "act_by": entry.act_by,
        "end_date": entry.end_date,
        "open_ended": agreement.open_ended,
        "notice_anchor": agreement.notice_anchor.value,
        "notice_form": agreement.notice_form.value if agreement.notice_form else None,
        "explanation": entry.explanation,
        "auto_renew": agreement.auto_renew,
        "rolled_over": entry.rolled_over,
        "status": entry.status.value,
        "cost": agreement.cost,
        "currency": agreement.currency,
        "serial_numbers": agreement.serial_numbers,
    }
    return {key: json_value(value) for key, value in fields.items()}




def run_renewals(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    day = today()
    with database.transaction("cli") as session:
        entries = renewals(session, day, args.within)
        if args.ics:
            target = output_path(args.ics)
            with atomic_writer(target, "wb") as handle:
                handle.write(calendar_for(session, entries))
        if args.json:
            print_json({"today": day.isoformat(), "within_days": args.within,
                        "renewals": [renewal_json(e) for e in entries],
                        "reviews": [review_due_json(r)
                                    for r in reviews_due(session, day, args.within)]})
            return 0
        if not entries:
            print(f"Nothing needs notice, renews or ends in the next {args.within} days.")
        for entry in entries:
            a = entry.agreement
            flag = "OVERDUE " if entry.overdue else ""
            parties = " / ".join(o.name for o in (a.oem, a.reseller) if o is not None)
            rolled = f"  (auto-renewed {entry.rolled_over}x)" if entry.rolled_over else ""
            print(f"{entry.due.isoformat()}  {flag}{ACTION_WORDS[entry.action]:<15} "
                  f"{a.contract_number or a.title:<20} {parties}{rolled}")
        if args.ics:
            print(f"Calendar written to {Path(args.ics)}")
    return 0
