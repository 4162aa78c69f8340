"""Everything about one organization for the vendor summary (and the vendor window).

An organization can be a reseller, an OEM, or both (a service provider that resells its
own managed service). The summary is driven by the data rather than by the roles field:
agreements through it and agreements on its products are both listed, in one table,
and nothing that involves only other vendors is ever fetched.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from contractdesk.db.models import Agreement, Organization, Purchase
from contractdesk.domain.enums import (
    AgreementKind,
    AgreementStatus,
    ContactRole,
    FirstLine,
    OrgRole,
    OrgStatus,
    RiskLevel,
)
from contractdesk.reports.data import notice_overdue, org_name
from contractdesk.services.organizations import require_organization
from contractdesk.services.renewals import renewed_ids, status_of
from contractdesk.services.scorecard import SCORECARD_MONTHS, scorecard
from contractdesk.services.spend import SpendLine, spend_per_year

CONTACT_ORDER = (ContactRole.ACCOUNT_MANAGER, ContactRole.SUPPORT, ContactRole.ESCALATION,
                 ContactRole.BILLING, ContactRole.OTHER)
FINISHED = {AgreementStatus.EXPIRED, AgreementStatus.CANCELLED, AgreementStatus.RENEWED}
ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class ContactLine:
    name: str
    role: ContactRole
    phone: str | None
    email: str | None
    support_hours: str | None
    portal_url: str | None


@dataclass(frozen=True, slots=True)
class PurchaseLine:
    po_number: str | None
    order_date: dt.date | None
    oem: str | None
    reseller: str | None
    item_count: int
    total: Decimal | None
    currency: str


@dataclass(frozen=True, slots=True)
class AgreementLine:
    contract_number: str | None
    title: str
    kind: AgreementKind
    oem: str | None
    reseller: str | None
    serial_count: int
    start_date: dt.date | None
    end_date: dt.date | None
    notice_deadline: dt.date | None
    notice_overdue: bool
    status: AgreementStatus
    cost: Decimal | None
    currency: str
    first_line: str | None  # the organization called first, by name


@dataclass(frozen=True, slots=True)
class FirstLineShare:
    """One organization that takes the first call, and for which agreements."""

    provider: str
    contract_numbers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GovernanceLine:
    """The scorecard in the few numbers a review meeting asks for."""

    months: int
    cases: int
    sla_judged: int
    sla_met: int
    median_hours_to_resolve: float | None
    last_review: dt.date | None
    last_scores: tuple[tuple[str, int], ...]  # aspect, 1–5, scored aspects only
    open_risks: tuple[tuple[str, int], ...]  # level, count (high first)
    worst_risk: str | None
    diligence_issues: tuple[tuple[str, str], ...]  # topic, failed / concern / expired


def governance_line(session: Session, organization: Organization,
                    today: dt.date) -> GovernanceLine:
    card = scorecard(session, organization, today)
    last = card.reviews[-1] if card.reviews else None
    worst = card.open_risks[0] if card.open_risks else None
    return GovernanceLine(
        months=SCORECARD_MONTHS, cases=card.cases.cases, sla_judged=card.cases.judged,
        sla_met=card.cases.met, median_hours_to_resolve=card.cases.median_hours_to_resolve,
        last_review=last.review_date if last else None,
        last_scores=tuple((aspect, score) for aspect, score in last.scores().items()
                          if score is not None) if last else (),
        open_risks=tuple((level.value, n) for level, n in card.open_risks_by_severity.items()
                         if n),
        worst_risk=worst.description if worst else None,
        diligence_issues=tuple((issue.check.topic.value, issue.reason)
                               for issue in card.diligence_issues))


@dataclass(frozen=True, slots=True)
class VendorSummary:
    name: str
    roles: tuple[OrgRole, ...]
    status: OrgStatus
    risk_level: RiskLevel | None
    next_review: dt.date | None
    review_overdue: bool
    customer_number: str | None
    payment_terms: str | None
    website: str | None
    phone: str | None
    email: str | None
    country: str | None
    currency: str | None
    notes: str
    contacts: tuple[ContactLine, ...]
    purchases: tuple[PurchaseLine, ...]  # bought through it, or from it as the OEM
    oems_behind: tuple[tuple[str, int], ...]  # OEM name, agreements + purchases through it
    resellers_of_products: tuple[tuple[str, int], ...]  # reseller name ("direct"), count
    agreements: tuple[AgreementLine, ...]
    spend: tuple[SpendLine, ...]
    first_line: tuple[FirstLineShare, ...]
    governance: GovernanceLine

    @property
    def sells(self) -> bool:
        """Acts as a reseller here: has the role or has sold something."""
        return bool(OrgRole.RESELLER in self.roles or OrgRole.DISTRIBUTOR in self.roles
                    or self.oems_behind)

    @property
    def makes(self) -> bool:
        return bool(OrgRole.OEM in self.roles or self.resellers_of_products)


DIRECT = "bought direct"


def first_line_org(agreement: Agreement) -> Organization | None:
    """Who is called first: as recorded, else the OEM, else the reseller."""
    if agreement.first_line_support == FirstLine.RESELLER and agreement.reseller is not None:
        return agreement.reseller
    return agreement.oem or agreement.reseller


def _contacts(organization: Organization) -> tuple[ContactLine, ...]:
    ordered = sorted(organization.contacts,
                     key=lambda c: (CONTACT_ORDER.index(c.role), c.name.casefold()))
    return tuple(ContactLine(c.name, c.role, c.phone, c.email, c.support_hours, c.portal_url)
                 for c in ordered)


def _agreement_line(agreement: Agreement, today: dt.date, renewed: set[int]) -> AgreementLine:
    first = first_line_org(agreement)
    return AgreementLine(
        contract_number=agreement.contract_number, title=agreement.title,
        kind=agreement.kind, oem=org_name(agreement.oem),
        reseller=org_name(agreement.reseller), serial_count=len(agreement.serial_numbers),
        start_date=agreement.start_date, end_date=agreement.end_date,
        notice_deadline=agreement.notice_deadline,
        notice_overdue=notice_overdue(agreement, today, renewed),
        status=status_of(agreement, today, renewed), cost=agreement.cost,
        currency=agreement.currency, first_line=org_name(first))


def _agreement_sort_key(line: AgreementLine) -> tuple[bool, dt.date, str]:
    """Running agreements first, soonest end first; finished business at the bottom."""
    return (line.status in FINISHED, line.end_date or dt.date.max,
            line.contract_number or line.title)


def _first_line(agreements: list[Agreement], renewed: set[int], today: dt.date,
                ) -> tuple[FirstLineShare, ...]:
    """Who takes the first call for the agreements not yet finished (running or upcoming)."""
    shares: dict[str, list[str]] = defaultdict(list)
    for agreement in agreements:
        if status_of(agreement, today, renewed) in FINISHED:
            continue
        provider = first_line_org(agreement)
        if provider is not None:
            shares[provider.name].append(agreement.contract_number or agreement.title)
    return tuple(FirstLineShare(name, tuple(sorted(numbers)))
                 for name, numbers in sorted(shares.items(), key=lambda kv: -len(kv[1])))


def vendor_summary(session: Session, name: str, today: dt.date) -> VendorSummary:
    """The summary of the organization called ``name`` (case and spacing ignored).

    Raises:
        NotFoundError: no such organization; the message names the closest ones.
    """
    org = require_organization(session, name)
    agreements = list(session.scalars(
        select(Agreement)
        .where(or_(Agreement.oem_id == org.id, Agreement.reseller_id == org.id))
        .options(selectinload(Agreement.oem), selectinload(Agreement.reseller),
                 selectinload(Agreement.items))))
    purchases = list(session.scalars(
        select(Purchase)
        .where(or_(Purchase.reseller_id == org.id, Purchase.oem_id == org.id))
        .options(selectinload(Purchase.oem), selectinload(Purchase.reseller),
                 selectinload(Purchase.items))
        .order_by(Purchase.order_date.desc(), Purchase.po_number)))
    renewed = renewed_ids(session, today)

    oems: Counter[str] = Counter()
    resellers: Counter[str] = Counter()
    parties = [(a.oem, a.reseller) for a in agreements] + [
        (p.oem, p.reseller) for p in purchases]
    for oem, reseller in parties:
        if reseller is org and oem is not None and oem is not org:
            oems[oem.name] += 1
        if oem is org and reseller is not org:
            resellers[org_name(reseller) or DIRECT] += 1

    lines = sorted((_agreement_line(a, today, renewed) for a in agreements),
                   key=_agreement_sort_key)
    return VendorSummary(
        name=org.name, roles=tuple(sorted(org.roles)), status=org.status,
        risk_level=org.risk_level, next_review=org.next_review,
        review_overdue=org.next_review is not None and org.next_review < today,
        customer_number=org.customer_number, payment_terms=org.payment_terms,
        website=org.website, phone=org.phone, email=org.email, country=org.country,
        currency=org.currency, notes=org.notes or "", contacts=_contacts(org),
        purchases=tuple(PurchaseLine(p.po_number, p.order_date, org_name(p.oem),
                                     org_name(p.reseller), len(p.items), p.total, p.currency)
                        for p in purchases),
        oems_behind=tuple(oems.most_common()),
        resellers_of_products=tuple(resellers.most_common()),
        agreements=tuple(lines), spend=spend_per_year(session, org.id, today),
        first_line=_first_line(agreements, renewed, today),
        governance=governance_line(session, org, today))
