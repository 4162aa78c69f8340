"""The renewals report's data: what needs doing in the window, month by month.

The selection is :func:`contractdesk.services.renewals.renewals` (one definition of
"needs notice"); this module only groups it by the month of the date that matters and
totals each month per currency.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby

from sqlalchemy.orm import Session

from contractdesk.domain.enums import AgreementKind, AgreementStatus
from contractdesk.domain.money import Money, totals_by_currency
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.reports.data import org_name
from contractdesk.services.progress import NO_PROGRESS, Progress
from contractdesk.services.renewals import RenewalEntry, renewals


@dataclass(frozen=True, slots=True)
class RenewalLine:
    contract_number: str | None
    title: str
    kind: AgreementKind
    oem: str | None
    reseller: str | None
    action: str  # "give_notice", "can_end", "renews", "expires" as in RenewalEntry
    due: dt.date
    end_date: dt.date
    auto_renew: bool
    overdue: bool
    status: AgreementStatus
    cost: Decimal | None
    currency: str
    explanation: str = ""  # the dates' calculation, as every output words it


@dataclass(frozen=True, slots=True)
class RenewalMonth:
    month: dt.date  # the first day of the month
    lines: tuple[RenewalLine, ...]
    totals: dict[str, Decimal]  # per currency, sorted by code


@dataclass(frozen=True, slots=True)
class RenewalsData:
    today: dt.date
    within_days: int
    months: tuple[RenewalMonth, ...]
    totals: dict[str, Decimal]

    @property
    def line_count(self) -> int:
        return sum(len(month.lines) for month in self.months)

    @property
    def overdue_count(self) -> int:
        return sum(line.overdue for month in self.months for line in month.lines)


def _line(entry: RenewalEntry) -> RenewalLine:
    agreement = entry.agreement
    assert agreement.end_date is not None  # renewals() only returns dated terms
    return RenewalLine(
        contract_number=agreement.contract_number, title=agreement.title,
        kind=agreement.kind, oem=org_name(agreement.oem),
        reseller=org_name(agreement.reseller), action=entry.action, due=entry.due,
        end_date=agreement.end_date, auto_renew=agreement.auto_renew,
        overdue=entry.overdue, status=entry.status, cost=agreement.cost,
        currency=agreement.currency, explanation=entry.explanation)


def _totals(lines: tuple[RenewalLine, ...]) -> dict[str, Decimal]:
    return totals_by_currency([Money(line.cost, line.currency) for line in lines
                               if line.cost is not None])


def renewals_data(session: Session, today: dt.date,
                  within_days: int = DEFAULT_REMINDER_DAYS,
                  progress: Progress = NO_PROGRESS) -> RenewalsData:
    """Renewal lines grouped by month of the due date, soonest month first."""
    entries = renewals(session, today, within_days)
    progress.update(0, len(entries), "Grouping renewals by month")
    lines = [_line(entry) for entry in entries]  # already sorted soonest first
    months = []
    for month, grouped in groupby(lines, key=lambda line: line.due.replace(day=1)):
        group = tuple(grouped)
        months.append(RenewalMonth(month, group, _totals(group)))
    return RenewalsData(today, within_days, tuple(months), _totals(tuple(lines)))
