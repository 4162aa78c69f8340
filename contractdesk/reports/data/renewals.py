"""The renewals report's data: what needs doing in the window, month by month.

The selection is :func:`contractdesk.services.renewals.renewals` (one definition of
"needs notice"), plus the cancelled agreements still running to their end (notice was
given, so nothing is due, but cover stops). Dates and their explanation come from
:func:`contractdesk.services.notice_dates.notice_dates`, the addressee from the notice
letter's rule; this module only groups and totals what those give.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from contractdesk.db.models import Agreement, Organization
from contractdesk.domain.enums import AgreementKind, AgreementStatus, NoticeForm
from contractdesk.domain.money import Money, totals_by_currency
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.reports.data import org_name
from contractdesk.reports.data.notice_letter import addressee_of, contract_contact
from contractdesk.services.notice_dates import NoticeContext, day_off, notice_dates, notice_rule
from contractdesk.services.progress import NO_PROGRESS, Progress
from contractdesk.services.renewals import (
    renewals,
    renewed_ids,
    status_of,
    successor_renewed_ids,
)

OUTLOOK_MONTHS = 12
NOTICE_GIVEN = "notice_given"  # the action of a cancelled agreement still running
NOTICE_ACTIONS = frozenset({"give_notice", "can_end"})


@dataclass(frozen=True, slots=True)
class NoticeTo:
    """Where notice goes: the notice letter's addressee and person, with their lines."""

    organization: str
    contact: str | None
    email: str | None
    phone: str | None


@dataclass(frozen=True, slots=True)
class RenewalLine:
    contract_number: str | None
    title: str
    kind: AgreementKind
    oem: str | None
    reseller: str | None
    action: str  # "give_notice", "can_end", "renews", "expires" as in RenewalEntry,
    #              or NOTICE_GIVEN
    due: dt.date
    end_date: dt.date
    auto_renew: bool
    overdue: bool
    status: AgreementStatus
    cost: Decimal | None
    currency: str
    explanation: str = ""  # the dates' calculation, as every output words it
    act_by: dt.date | None = None  # the last working day to act, lead time included
    due_day_off: str | None = None  # "a Sunday", "…, a public holiday"
    notice_period: str | None = None  # "3 months"
    notice_form: NoticeForm | None = None
    notice_to: NoticeTo | None = None
    renews: bool = False  # silence renews it (domain ``renews``)

    @property
    def needs_notice(self) -> bool:
        return self.action in NOTICE_ACTIONS

    @property
    def vendor(self) -> str | None:
        """Who it was bought from: the reseller, else the OEM (bought direct)."""
        return self.reseller or self.oem


@dataclass(frozen=True, slots=True)
class RenewalMonth:
    month: dt.date  # the first day of the month
    lines: tuple[RenewalLine, ...]
    totals: dict[str, Decimal]  # per currency, sorted by code


@dataclass(frozen=True, slots=True)
class Tally:
    """How many agreements and their value per currency, for one month, vendor or OEM."""

    label: str
    count: int
    totals: dict[str, Decimal]
    month: dt.date | None = None
    notice_totals: dict[str, Decimal] = field(default_factory=dict)  # notice to give


@dataclass(frozen=True, slots=True)
class RenewalsData:
    today: dt.date
    within_days: int
    months: tuple[RenewalMonth, ...]  # in the window, overdue lines left out
    totals: dict[str, Decimal]  # of the window, overdue included
    overdue: tuple[RenewalLine, ...] = ()  # notice deadline passed, the term still runs
    outlook: tuple[Tally, ...] = ()  # the next OUTLOOK_MONTHS months, empty ones too
    by_vendor: tuple[Tally, ...] = ()  # of the window, most agreements first
    by_oem: tuple[Tally, ...] = ()

    @property
    def line_count(self) -> int:
        return sum(len(month.lines) for month in self.months) + len(self.overdue)

    @property
    def overdue_count(self) -> int:
        return len(self.overdue)

    @property
    def currencies(self) -> list[str]:
        return sorted({code for tally in self.outlook for code in tally.totals})


def _notice_to(agreement: Agreement) -> NoticeTo | None:
    organization = addressee_of(agreement)
    if organization is None:
        return None
    contact = contract_contact(agreement, organization)
    return NoticeTo(organization.name, contact.name if contact else None,
                    (contact.email if contact else None) or organization.email,
                    (contact.phone if contact else None) or organization.phone)


def _line(agreement: Agreement, action: str, due: dt.date, end: dt.date, overdue: bool,
          status: AgreementStatus, context: NoticeContext, today: dt.date) -> RenewalLine:
    dates = notice_dates(agreement, today, context)
    rule = notice_rule(agreement)
    return RenewalLine(
        contract_number=agreement.contract_number, title=agreement.title,
        kind=agreement.kind, oem=org_name(agreement.oem),
        reseller=org_name(agreement.reseller), action=action, due=due, end_date=end,
        auto_renew=agreement.auto_renew, overdue=overdue, status=status,
        cost=agreement.cost, currency=agreement.currency, explanation=dates.explanation,
        act_by=dates.act_by if dates.deadline is not None else None,
        due_day_off=day_off(due, context) if dates.deadline == due else None,
        notice_period=rule.period.describe() if rule and agreement.renews else None,
        notice_form=agreement.notice_form if agreement.renews else None,
        notice_to=_notice_to(agreement), renews=agreement.renews)


def _still_running_with_notice_given(session: Session, today: dt.date, horizon: dt.date,
                                     ) -> list[Agreement]:
    """Cancelled agreements whose term ends in the window: cover stops on that day."""
    replaced = successor_renewed_ids(session)
    found = session.scalars(select(Agreement).where(
        Agreement.cancelled.is_(True), Agreement.end_date >= today,
        Agreement.end_date <= horizon).options(
        selectinload(Agreement.oem), selectinload(Agreement.reseller),
        selectinload(Agreement.support_contact)))
    return [a for a in found if a.id not in replaced]


def _load_contacts(session: Session, agreements: Iterable[Agreement]) -> None:
    """The addressees' contacts in one query, not one per agreement."""
    ids = {org.id for a in agreements if (org := addressee_of(a)) is not None}
    if ids:
        session.scalars(select(Organization).where(Organization.id.in_(ids))
                        .options(selectinload(Organization.contacts))).all()


def _totals(lines: Iterable[RenewalLine]) -> dict[str, Decimal]:
    return totals_by_currency([Money(line.cost, line.currency) for line in lines
                               if line.cost is not None])


def _tallies(lines: list[RenewalLine], label: str, key: str) -> tuple[Tally, ...]:
    grouped: dict[str, list[RenewalLine]] = defaultdict(list)
    for line in lines:
        grouped[getattr(line, key) or label].append(line)
    tallies = [Tally(name, len(group), _totals(group)) for name, group in grouped.items()]
    return tuple(sorted(tallies, key=lambda t: (-t.count, t.label.casefold())))


def _month_start(day: dt.date, months_ahead: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months_ahead
    return dt.date(index // 12, index % 12 + 1, 1)


def _outlook(lines: list[RenewalLine], today: dt.date) -> tuple[Tally, ...]:
    by_month: dict[dt.date, list[RenewalLine]] = defaultdict(list)
    for line in lines:
        if not line.overdue:
            by_month[line.due.replace(day=1)].append(line)
    months = [_month_start(today, n) for n in range(OUTLOOK_MONTHS)]
    return tuple(Tally("", len(by_month[m]), _totals(by_month[m]), m,
                       _totals(line for line in by_month[m] if line.needs_notice))
                 for m in months)


def renewals_data(session: Session, today: dt.date,
                  within_days: int = DEFAULT_REMINDER_DAYS,
                  progress: Progress = NO_PROGRESS) -> RenewalsData:
    """Renewal lines grouped by month of the due date, soonest month first, with the
    overdue ones apart and a summary of the next twelve months."""
    horizon = today + dt.timedelta(days=within_days)
    outlook_end = _month_start(today, OUTLOOK_MONTHS) - dt.timedelta(days=1)
    entries = renewals(session, today, (max(horizon, outlook_end) - today).days)
    ended = _still_running_with_notice_given(session, today, max(horizon, outlook_end))
    progress.update(0, len(entries) + len(ended), "Grouping renewals by month")
    _load_contacts(session, [e.agreement for e in entries] + ended)
    context = NoticeContext.of(session)
    renewed = renewed_ids(session, today)
    # the status as the screens judge it, with the report's window as the reminder window
    lines = [_line(e.agreement, e.action, e.due, e.end_date, e.overdue,
                   status_of(e.agreement, today, renewed, within_days), context, today)
             for e in entries]
    lines += [_line(a, NOTICE_GIVEN, a.end_date, a.end_date, False,
                    status_of(a, today, renewed, within_days), context, today)
              for a in ended if a.end_date is not None]
    lines.sort(key=lambda line: (line.due, line.contract_number or ""))
    window = [line for line in lines if line.due <= horizon]
    months = []
    for month, grouped in groupby((line for line in window if not line.overdue),
                                  key=lambda line: line.due.replace(day=1)):
        group = tuple(grouped)
        months.append(RenewalMonth(month, group, _totals(group)))
    return RenewalsData(
        today, within_days, tuple(months), _totals(window),
        overdue=tuple(line for line in window if line.overdue),
        outlook=_outlook(lines, today),
        by_vendor=_tallies(window, "(no vendor recorded)", "vendor"),
        by_oem=_tallies(window, "(no OEM recorded)", "oem"))
