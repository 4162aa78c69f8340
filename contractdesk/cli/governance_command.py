"""``governance``: scorecards, the risk register, flagged suppliers, logging a support call."""

from __future__ import annotations

import argparse
import datetime as dt

from contractdesk.cli.common import AddDbOption, Subparsers, open_from_args, print_json, today
from contractdesk.domain.enums import FirstLine
from contractdesk.domain.governance_enums import RiskStatus
from contractdesk.domain.severity import severity_level
from contractdesk.errors import UserError
from contractdesk.services.governance import (
    risk_json,
    risk_register,
    risky_supplier_flags,
    supplier_flag_json,
)
from contractdesk.services.governance_lookup import require_agreement, require_item
from contractdesk.services.organizations import require_organization
from contractdesk.services.scorecard import Scorecard, scorecard, scorecard_json
from contractdesk.services.support_cases import case_deadline, log_case


def register(commands: Subparsers, add_db: AddDbOption) -> None:
    parser = commands.add_parser("governance", help="vendor scorecards, risks, support cases")
    add_db(parser)
    sub = parser.add_subparsers(dest="governance_command", metavar="WHAT", required=True)

    card = sub.add_parser("scorecard", help="one organization's scorecard")
    add_db(card)
    card.add_argument("name", metavar="NAME", help="organization name")
    card.add_argument("--json", action="store_true", help="machine-readable output")
    card.set_defaults(handler=run_scorecard)

    risks = sub.add_parser("risks", help="the risk register, most severe first")
    add_db(risks)
    risks.add_argument("--status", action="append", choices=[s.value for s in RiskStatus],
                       help="only risks with this status (repeatable; default: all)")
    risks.add_argument("--organization", metavar="NAME", help="only risks concerning NAME")
    risks.add_argument("--min-severity", type=_severity, default=1, metavar="N",
                       help="only risks with likelihood × impact of at least N (1–25)")
    risks.add_argument("--json", action="store_true", help="machine-readable output")
    risks.set_defaults(handler=run_risks)

    flags = sub.add_parser("flags", help="running agreements whose supplier is blocked "
                                         "or high-risk")
    add_db(flags)
    flags.add_argument("--json", action="store_true", help="machine-readable output")
    flags.set_defaults(handler=run_flags)

    case = sub.add_parser("case", help="the support-case log")
    add_db(case)
    case_sub = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    add = case_sub.add_parser("add", help="log a support call")
    add_db(add)
    add.add_argument("--agreement", metavar="NO", help="contract number")
    add.add_argument("--serial", metavar="SERIAL", help="serial number of the item")
    add.add_argument("--oem", metavar="NAME", help="OEM, when a number is ambiguous")
    add.add_argument("--called", required=True, choices=[f.value for f in FirstLine])
    add.add_argument("--opened", required=True, type=_when, metavar="ISO",
                     help="when we called, e.g. 2026-11-20T14:30")
    add.add_argument("--resolved", type=_when, metavar="ISO", help="when it was fixed")
    add.add_argument("--case-number", metavar="X")
    add.add_argument("--sla-met", choices=["yes", "no"],
                     help="override the SLA verdict (else computed from the agreement)")
    add.add_argument("--notes", default="")
    add.set_defaults(handler=run_case_add)


def _when(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an ISO date and time (e.g. 2026-11-20T14:30)") from None
    return value.astimezone().replace(tzinfo=None) if value.tzinfo else value


def _severity(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 25:
        raise argparse.ArgumentTypeError(f"{text!r} is not a severity from 1 to 25")
    return int(text)


def run_scorecard(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    with database.transaction("cli") as session:
        card = scorecard(session, require_organization(session, args.name), today())
        if args.json:
            print_json(scorecard_json(card))
        else:
            print("\n".join(scorecard_lines(card)))
    return 0


def scorecard_lines(card: Scorecard) -> list[str]:
    stats = card.cases
    lines = [f"{card.organization.name}: scorecard {card.since.isoformat()} to "
             f"{card.today.isoformat()}",
             f"Support cases: {stats.cases} ({stats.open} open)"]
    if stats.share_met is not None:
        lines[-1] += f"; SLA met {stats.met} of {stats.judged} ({stats.share_met:.0%})"
    if stats.median_hours_to_resolve is not None:
        lines[-1] += f"; median {stats.median_hours_to_resolve:.1f} h to resolve"
    for review in card.reviews:
        scores = "  ".join(f"{name} {value if value is not None else '–'}"
                           for name, value in review.scores().items())
        lines.append(f"Review {review.review_date.isoformat()}: {scores}")
    counts = ", ".join(f"{level.value} {n}" for level, n in card.open_risks_by_severity.items())
    lines.append(f"Open risks: {counts}")
    for risk in card.open_risks:
        alternative = (f" (alternative: {risk.alternative_supplier.name})"
                       if risk.alternative_supplier else "")
        lines.append(f"  [{risk.severity}] {risk}{alternative}")
    issues = "; ".join(f"{i.check.topic.value} {i.reason}" for i in card.diligence_issues)
    lines.append(f"Due diligence: {issues or 'no open issues'}")
    return lines


def run_risks(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    with database.transaction("cli") as session:
        organization = (require_organization(session, args.organization)
                        if args.organization else None)
        statuses = [RiskStatus(s) for s in args.status] if args.status else None
        risks = risk_register(session, statuses=statuses, organization=organization,
                              min_severity=args.min_severity)
        if args.json:
            print_json({"risks": [risk_json(r) for r in risks]})
            return 0
        if not risks:
            print("No risks match.")
        for risk in risks:
            about = " / ".join(x for x in (
                risk.organization.name if risk.organization else None,
                risk.agreement.contract_number if risk.agreement else None) if x)
            print(f"{risk.severity:>2} {severity_level(risk.severity).value:<6} "
                  f"{risk.status.value:<9} {about}: {risk}")
    return 0


def run_flags(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    with database.transaction("cli") as session:
        flags = risky_supplier_flags(session, today())
        if args.json:
            print_json({"flagged_agreements": [supplier_flag_json(f) for f in flags]})
            return 0
        if not flags:
            print("No running agreement depends on a blocked or high-risk supplier.")
        for flag in flags:
            alternative = (f"; alternative: {flag.alternative.name}"
                           if flag.alternative else "")
            print(f"{flag.agreement}: {'; '.join(flag.reasons)}{alternative}")
    return 0


def run_case_add(args: argparse.Namespace) -> int:
    if not (args.agreement or args.serial):
        raise UserError("Give the agreement (--agreement NO) or the item (--serial SERIAL).")
    database = open_from_args(args)
    with database.transaction("cli") as session:
        agreement = require_agreement(session, args.agreement, args.oem) \
            if args.agreement else None
        item = require_item(session, args.serial, args.oem) if args.serial else None
        case = log_case(session, agreement=agreement, item=item, called=args.called,
                        opened_at=args.opened, resolved_at=args.resolved,
                        case_number=args.case_number, notes=args.notes,
                        sla_met=None if args.sla_met is None else args.sla_met == "yes")
        deadline = case_deadline(case)
        verdict = {True: "SLA met", False: "SLA missed", None: "SLA not judged"}[case.sla_met]
        due = f" (deadline {deadline:%Y-%m-%d %H:%M})" if deadline is not None else ""
        about = case.agreement or case.item
        name = f"case {case.case_number}" if case.case_number else "the case"
        print(f"Logged {name} on {about}: {verdict}{due}.")
    return 0
