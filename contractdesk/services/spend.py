"""Spend per year for an organization: one rule for the vendor view and the vendor PDF.

Purchases count in the year they were ordered. Each term of an agreement counts in the
years its payments fall, by its billing period: ``annual`` once a year from the term's
start, ``quarterly`` every three months, ``monthly`` every month (the cost is the price
per period), ``one_off`` and ``term`` (or no billing period) once, at the term's start.
A term paid by a purchase that has a total is counted in that total, not again; a term
with notice given still counts (it runs and is paid). Payments after today are
*committed*, not spent: the recorded terms promise them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from contractdesk.db.models import Agreement, AgreementTerm, Purchase
from contractdesk.domain.durations import shift
from contractdesk.domain.enums import BillingPeriod

ZERO = Decimal("0.00")
MONTHS_BETWEEN = {BillingPeriod.MONTHLY: 1, BillingPeriod.QUARTERLY: 3,
                  BillingPeriod.ANNUAL: 12}
RULE = ("Per currency, never added across currencies. Purchases count in the year "
        "ordered; each agreement term in the years it is billed (annual: once a year from "
        "its start; quarterly and monthly: each period; one-off and per-term: once, at "
        "its start), unless its purchase's total already counts it. Terms with notice "
        "given still count. Amounts billed after today are committed, not yet spent.")


@dataclass(frozen=True, slots=True)
class SpendLine:
    """Spend in one year and one currency; currencies are never added together."""

    year: int
    currency: str
    purchases: Decimal
    agreements: Decimal  # all term payments of the year, spent and committed
    committed: Decimal  # the part of ``agreements`` billed after today

    @property
    def total(self) -> Decimal:
        return self.purchases + self.agreements

    @property
    def forward(self) -> bool:
        """Part of the year's amount is still to be billed."""
        return self.committed > 0


def payments(start: dt.date, end: dt.date | None, cost: Decimal,
             billing: BillingPeriod | None, until: dt.date) -> Iterator[tuple[dt.date, Decimal]]:
    """The dates and amounts a term is billed: from ``start`` every billing period
    while the term runs (an open-ended term up to ``until``)."""
    months = MONTHS_BETWEEN.get(billing) if billing is not None else None
    if months is None:
        yield start, cost
        return
    last = end if end is not None else until
    step = 0
    day = start
    while day <= last:
        yield day, cost
        step += 1
        day = shift(start, months * step, 0)


def spend_per_year(session: Session, org_id: int, today: dt.date) -> tuple[SpendLine, ...]:
    """The organization's spend per year and currency, as a reseller or as an OEM."""
    bought: dict[tuple[int, str], Decimal] = defaultdict(lambda: ZERO)
    covered: dict[tuple[int, str], Decimal] = defaultdict(lambda: ZERO)
    ahead: dict[tuple[int, str], Decimal] = defaultdict(lambda: ZERO)
    purchases = session.execute(
        select(Purchase.order_date, Purchase.total, Purchase.currency)
        .where(or_(Purchase.reseller_id == org_id, Purchase.oem_id == org_id),
               Purchase.order_date.is_not(None), Purchase.total.is_not(None)))
    for order_date, total, currency in purchases:
        if order_date is not None and total is not None:
            bought[order_date.year, currency] += total
    paid_by = aliased(Purchase)
    terms = session.execute(
        select(AgreementTerm.start_date, AgreementTerm.end_date, AgreementTerm.cost,
               AgreementTerm.currency, AgreementTerm.billing_period)
        .join(Agreement, Agreement.id == AgreementTerm.agreement_id)
        .outerjoin(paid_by, paid_by.id == AgreementTerm.purchase_id)
        .where(or_(Agreement.reseller_id == org_id, Agreement.oem_id == org_id),
               AgreementTerm.start_date.is_not(None), AgreementTerm.cost.is_not(None),
               paid_by.total.is_(None)))
    horizon = dt.date(today.year + 1, 12, 31)
    for start, end, cost, currency, billing in terms:
        if start is None or cost is None:
            continue
        for day, amount in payments(start, end, cost, billing, horizon):
            covered[day.year, currency] += amount
            if day > today:
                ahead[day.year, currency] += amount
    keys = sorted(set(bought) | set(covered))
    return tuple(SpendLine(year, currency, bought[year, currency], covered[year, currency],
                           ahead[year, currency]) for year, currency in keys)
