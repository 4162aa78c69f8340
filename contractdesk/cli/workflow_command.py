"""The renewal workflow on the command line: ``renew``, ``notice``, ``co-term``, ``terms``,
``reminders``, ``lead-times``, ``ack``, ``snooze``, ``attach`` and ``documents``.

Agreements are named by contract number; ``--oem`` picks one when several OEMs use the
same number. ``--json`` output is part of the documented contract.
"""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from contractdesk.cli.common import (
    AddDbOption,
    Subparsers,
    existing_file,
    open_from_args,
    print_json,
    today,
)
from contractdesk.db.models import Agreement, Document
from contractdesk.domain.enums import TermOrigin
from contractdesk.domain.money import parse_decimal
from contractdesk.domain.reminders import (
    DEFAULT_LEAD_TIMES,
    NoticeMethod,
    format_lead_times,
    parse_lead_times,
)
from contractdesk.errors import UserError
from contractdesk.exporting.records import json_value
from contractdesk.reports.data.notice_letter import LANGUAGES, write_letter_for
from contractdesk.services import preferences
from contractdesk.services.documents import attach, default_store, documents_of
from contractdesk.services.lookup import require_agreement, require_purchase
from contractdesk.services.organizations import require_organization
from contractdesk.services.reminders import (
    DueReminder,
    acknowledge,
    due_reminders,
    lead_times_of,
    own_lead_times,
    set_lead_times,
    snooze,
)
from contractdesk.services.renewal_workflow import (
    PriceChange,
    co_term,
    give_notice,
    renew,
    term_chain,
)
from contractdesk.services.renewals import ACTION_WORDS

TERM_KEYS = ("start_date", "end_date", "cost", "currency", "billing_period")


# -- argument types -----------------------------------------------------------------------

def cli_date(text: str) -> dt.date:
    """``2026-12-31`` or ``31.12.2026``."""
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"{text!r} is not a date (use 2026-12-31)")


def cli_amount(text: str) -> Decimal:
    try:
        return parse_decimal(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def cli_lead_times(text: str) -> tuple[int, ...]:
    try:
        return parse_lead_times(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


# -- registration -------------------------------------------------------------------------

def _agreement_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number", metavar="NO", help="the agreement's contract number")
    parser.add_argument("--oem", metavar="NAME",
                        help="the agreement's OEM, when several use the same number")


def register(commands: Subparsers, add_db: AddDbOption) -> None:
    def add(name: str, help_text: str, handler: Any) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = commands.add_parser(name, help=help_text)
        add_db(parser)
        parser.set_defaults(handler=handler)
        return parser

    renew_parser = add("renew", "record the next term of an agreement", run_renew)
    _agreement_arguments(renew_parser)
    renew_parser.add_argument("--cost", type=cli_amount, metavar="AMOUNT",
                              help="the new term's cost (default: the current cost)")
    renew_parser.add_argument("--contract-number", metavar="NO",
                              help="the new term's number (default: NO/2, NO/3, …)")
    renew_parser.add_argument("--json", action="store_true", help="machine-readable output")

    notice = add("notice", "record notice given; the agreement ends at its end date",
                 run_notice)
    _agreement_arguments(notice)
    notice.add_argument("--sent-on", type=cli_date, required=True, metavar="DATE")
    notice.add_argument("--to", required=True, metavar="NAME", help="to whom it was sent")
    notice.add_argument("--how", required=True, choices=[m.value for m in NoticeMethod])
    letter = notice.add_mutually_exclusive_group()
    letter.add_argument("--letter", metavar="FILE", help="attach the notice letter")
    letter.add_argument("--letter-out", metavar="FILE.pdf",
                        help="write a ready-to-sign notice letter and attach it")
    notice.add_argument("--language", choices=LANGUAGES,
                        help="the letter's language (default: the preference)")
    notice.add_argument("--json", action="store_true", help="machine-readable output")

    prefs = add("preferences", "show or set the team's preferences (letters, holidays, "
                "lead time)", run_preferences)
    prefs.add_argument("assignments", nargs="*", metavar="KEY=VALUE",
                       help=f"set a preference; keys: {', '.join(preferences.KEYS)}")
    prefs.add_argument("--json", action="store_true", help="machine-readable output")

    coterm = add("co-term", "give several agreements one common end date", run_co_term)
    coterm.add_argument("numbers", nargs="+", metavar="NO")
    coterm.add_argument("--end", type=cli_date, required=True, metavar="DATE")
    coterm.add_argument("--oem", metavar="NAME", help="the agreements' OEM")

    terms = add("terms", "the chain of terms of an agreement, cost year on year", run_terms)
    _agreement_arguments(terms)
    terms.add_argument("--json", action="store_true", help="machine-readable output")

    reminders = add("reminders", "reminders due today, overdue first", run_reminders)
    reminders.add_argument("--lead-times", type=cli_lead_times, metavar="DAYS",
                           default=DEFAULT_LEAD_TIMES,
                           help="default stages in days before the deadline "
                                "(default 90,60,30,7)")
    reminders.add_argument("--json", action="store_true", help="machine-readable output")

    lead = add("lead-times", "show or set an agreement's own reminder stages",
               run_lead_times)
    _agreement_arguments(lead)
    choice = lead.add_mutually_exclusive_group()
    choice.add_argument("--set", type=cli_lead_times, metavar="DAYS",
                        help="days before the deadline, e.g. 60,14")
    choice.add_argument("--default", action="store_true",
                        help="go back to the default stages")

    ack = add("ack", "mark an agreement's reminder handled", run_ack)
    _agreement_arguments(ack)
    ack.add_argument("--stage", type=int, metavar="DAYS",
                     help="the stage to acknowledge (default: the one due now)")

    snooze_parser = add("snooze", "hide an agreement's reminder until a date", run_snooze)
    _agreement_arguments(snooze_parser)
    snooze_parser.add_argument("--until", type=cli_date, required=True, metavar="DATE")

    attach_parser = add("attach", "attach a file to an agreement, organization or purchase",
                        run_attach)
    attach_parser.add_argument("file", metavar="FILE")
    _owner_arguments(attach_parser)
    attach_parser.add_argument("--name", help="the name to show (default: the file's)")

    documents = add("documents", "list the files attached to a record", run_documents)
    _owner_arguments(documents)
    documents.add_argument("--json", action="store_true", help="machine-readable output")


def _owner_arguments(parser: argparse.ArgumentParser) -> None:
    owner = parser.add_mutually_exclusive_group(required=True)
    owner.add_argument("--agreement", metavar="NO", help="contract number")
    owner.add_argument("--organization", metavar="NAME")
    owner.add_argument("--purchase", metavar="PO", help="purchase-order number")
    parser.add_argument("--oem", metavar="NAME",
                        help="the agreement's OEM, when several use the same number")


def _owner(session: Session, args: argparse.Namespace) -> dict[str, Any]:
    if args.agreement is not None:
        return {"agreement": require_agreement(session, args.agreement, args.oem)}
    if args.organization is not None:
        return {"organization": require_organization(session, args.organization)}
    return {"purchase": require_purchase(session, args.purchase)}


def _agreement(session: Session, args: argparse.Namespace) -> Agreement:
    return require_agreement(session, args.number, args.oem)


def _change_json(change: PriceChange | None) -> dict[str, Any] | None:
    if change is None:
        return None
    return {"amount": json_value(change.amount),
            "percent": json_value(None if change.percent is None else f"{change.percent}"),
            "currency": change.currency}


def _change_text(change: PriceChange) -> str:
    if change.amount is None:
        return "no comparable previous price"
    percent = f" ({change.percent:+}%)" if change.percent is not None else ""
    return f"{change.amount:+.2f} {change.currency}{percent}"


# -- handlers -----------------------------------------------------------------------------

def run_renew(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    with database.transaction("cli") as session:
        result = renew(session, _agreement(session, args), args.cost, today=today(),
                       contract_number=args.contract_number)
        new, term = result.agreement, result.term
        if args.json:
            print_json({"previous": {key: json_value(getattr(result.previous, key))
                                     for key in TERM_KEYS},
                        "renewal": {"contract_number": new.contract_number,
                                    **{key: json_value(getattr(term, key))
                                       for key in TERM_KEYS}},
                        "price_change": _change_json(result.price_change)})
            return 0
        print(f"Renewed {new}: new term {term.start_date} to {term.end_date}, "
              f"{term.cost or 0:.2f} {term.currency}; "
              f"change: {_change_text(result.price_change)}")
    return 0


def run_notice(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    letter = existing_file(args.letter) if args.letter else None
    with database.transaction("cli") as session:
        agreement = _agreement(session, args)
        if args.letter_out:
            letter = Path(args.letter_out).expanduser()
            write_letter_for(session, agreement.id, letter, args.sent_on, args.language)
        document = attach(session, letter, agreement=agreement) if letter else None
        notice = give_notice(session, agreement, args.sent_on, args.to, args.how, document,
                             today=today())
        if args.json:
            print_json({"contract_number": agreement.contract_number,
                        "sent_on": notice.record.sent_on.isoformat(),
                        "to": notice.record.sent_to, "how": notice.record.method.value,
                        "deadline": json_value(notice.deadline), "late": notice.late,
                        "end_date": json_value(agreement.end_date),
                        "document": document.file_name if document else None})
            return 0
        print(f"Notice on {agreement} recorded; it ends on {agreement.end_date} and "
              "will not renew.")
        if notice.late:
            print(f"Warning: the notice deadline was {notice.deadline}; check with the "
                  "other side that late notice is accepted.")
    return 0


def run_preferences(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    with database.transaction("cli") as session:
        for assignment in args.assignments:
            name, equals, value = assignment.partition("=")
            if not equals:
                raise UserError(f"{assignment!r} is not KEY=VALUE")
            preferences.set_preference(session, name.strip(), value)
        values = preferences.all_preferences(session)
    if args.json:
        print_json({"preferences": values})
        return 0
    for name, value in values.items():
        print(f"{name:<24} {value if value != '' else '—'}    "
              f"({preferences.KEYS[name].label})")
    return 0


def run_co_term(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    with database.transaction("cli") as session:
        chosen = [require_agreement(session, number, args.oem) for number in args.numbers]
        for done in co_term(session, chosen, args.end):
            before = done.old_end.isoformat() if done.old_end else "no end"
            print(f"{done.agreement}: {before} -> {done.new_end.isoformat()}")
    return 0


def run_terms(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    with database.transaction("cli") as session:
        chain = term_chain(session, _agreement(session, args))
        if args.json:
            print_json({"terms": [
                {"contract_number": row.agreement.contract_number,
                 **{key: json_value(getattr(row.term, key))
                    for key in ("position", "origin", *TERM_KEYS, "notice_given_on")},
                 "change": _change_json(row.change)} for row in chain]})
            return 0
        for row in chain:
            a, t = row.agreement, row.term
            change = f"  {_change_text(row.change)}" if row.change else ""
            cost = f"{t.cost:.2f}" if t.cost is not None else "—"
            how = "auto-renewed" if t.origin is TermOrigin.AUTO_RENEWED else t.origin.value
            print(f"{t.start_date or '—'} to {t.end_date or '—'}  "
                  f"{a.contract_number or a.title:<20} {t.position:>2} {how:<13}"
                  f"{cost} {t.currency}{change}")
    return 0


def _reminder_json(reminder: DueReminder, day: dt.date) -> dict[str, Any]:
    a = reminder.agreement
    fields = {"contract_number": a.contract_number, "title": a.title,
              "oem": a.oem.name if a.oem else None,
              "reseller": a.reseller.name if a.reseller else None,
              "stage_days": reminder.stage_days, "deadline": reminder.deadline,
              "act_by": reminder.act_by, "days_left": reminder.days_left(day),
              "action": reminder.action, "overdue": reminder.overdue,
              "rolled_over": reminder.rolled_over, "snoozed_until": reminder.snoozed_until,
              "open_ended": a.open_ended, "notice_anchor": a.notice_anchor.value,
              "notice_form": a.notice_form.value if a.notice_form else None,
              "explanation": reminder.explanation}
    return {key: json_value(value) for key, value in fields.items()}


def run_reminders(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    day = today()
    with database.transaction("cli") as session:
        due = due_reminders(session, day, args.lead_times)
        if args.json:
            print_json({"today": day.isoformat(), "lead_times": list(args.lead_times),
                        "reminders": [_reminder_json(r, day) for r in due]})
            return 0
        if not due:
            print("No reminders are due.")
        for reminder in due:
            a = reminder.agreement
            flag = "OVERDUE " if reminder.overdue else ""
            rolled = (f"  (auto-renewed {reminder.rolled_over}x)" if reminder.rolled_over
                      else "")
            print(f"{reminder.deadline.isoformat()}  {flag}{ACTION_WORDS[reminder.action]:<15} "
                  f"{a.contract_number or a.title:<20} {reminder.days_left(day):>4} days "
                  f"[{reminder.stage_days}-day reminder]{rolled}")
    return 0


def run_lead_times(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    with database.transaction("cli") as session:
        agreement = _agreement(session, args)
        if args.set is not None or args.default:
            set_lead_times(session, agreement, None if args.default else args.set)
        own = own_lead_times(session, agreement) is not None
        stages = format_lead_times(lead_times_of(session, agreement))
        print(f"{agreement}: reminders {stages} days before the deadline"
              + ("" if own else " (the default)"))
    return 0


def run_ack(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    with database.transaction("cli") as session:
        agreement = _agreement(session, args)
        state = acknowledge(session, agreement, today(), args.stage)
        print(f"Acknowledged the {state.stage_days}-day reminder of {agreement} "
              f"(deadline {state.deadline.isoformat()}).")
    return 0


def run_snooze(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    with database.transaction("cli") as session:
        agreement = _agreement(session, args)
        state = snooze(session, agreement, today(), args.until)
        print(f"Snoozed the {state.stage_days}-day reminder of {agreement} until "
              f"{args.until.isoformat()}.")
    return 0


def run_attach(args: argparse.Namespace) -> int:
    source = existing_file(args.file)
    database = open_from_args(args)
    with database.transaction("cli") as session:
        owner = _owner(session, args)
        document = attach(session, source, name=args.name, **owner)
        (record,) = owner.values()
        print(f"Attached {document.file_name} ({document.size} bytes) to {record}.")
    return 0


def _document_json(document: Document) -> dict[str, Any]:
    return {"name": document.file_name, "type": document.media_type, "size": document.size,
            "added_at": document.added_at.replace(microsecond=0).isoformat(),
            "sha256": document.sha256}


def run_documents(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    with database.transaction("cli") as session:
        found = documents_of(session, **_owner(session, args))
        store = default_store()
        if args.json:
            print_json({"documents": [_document_json(d) for d in found]})
            return 0
        if not found:
            print("No documents attached.")
        for document in found:
            path = store.path_of(document.sha256)
            where = path if path.is_file() else "(stored file missing)"
            print(f"{document.added_at:%Y-%m-%d}  {document.size:>10}  "
                  f"{document.media_type:<28} {document.file_name}  {where}")
    return 0
