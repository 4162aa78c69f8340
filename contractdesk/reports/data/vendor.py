"""Everything about one organization for the vendor summary (and the vendor window).

An organization can be a reseller, an OEM, or both (a service provider that resells its
own managed service). The summary is driven by the data rather than by the roles field:
agreements through it and agreements on its products are both listed, in one table,
and nothing that involves only other vendors is ever fetched.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from contractdesk.db.governance import Risk, SupportCase
from contractdesk.db.models import Agreement, Organization, Purchase
from contractdesk.domain.enums import (
    AgreementKind,
    AgreementStatus,
    BillingPeriod,
    ContactRole,
    FirstLine,
    OrgRole,
    OrgStatus,
    RiskLevel,
)
from contractdesk.domain.severity import severity_level
from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.reports.data import notice_overdue, org_name
from contractdesk.services.notice_dates import NoticeContext, notice_dates
from contractdesk.services.organizations import require_organization
from contractdesk.services.renewals import current_term, next_action, renewed_ids, status_of
from contractdesk.services.scorecard import SCORECARD_MONTHS, scorecard
from contractdesk.services.spend import SpendLine, spend_per_year
from contractdesk.services.support_cases import called_organization

CONTACT_ORDER = (ContactRole.ACCOUNT_MANAGER, ContactRole.SUPPORT, ContactRole.ESCALATION,
                 ContactRole.BILLING, ContactRole.OTHER)
FINISHED = {AgreementStatus.EXPIRED, AgreementStatus.CANCELLED, AgreementStatus.RENEWED}
NOTICE_GIVEN = "notice_given"  # next action of a cancelled agreement that still runs
NOTICE_ACTIONS = {"give_notice", "can_end"}


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
    """One agreement with the facts the other outputs show (status, notice deadline and
    act-by from :func:`~contractdesk.services.notice_dates.notice_dates`) and what has
    to happen next."""

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
    billing_period: BillingPeriod | None = None
    sla: str | None = None
    auto_renew: bool = False
    next_action: str | None = None  # renewals.next_action's word, or NOTICE_GIVEN
    due: dt.date | None = None  # the notice deadline, or the end where none applies
    act_by: dt.date | None = None  # the last working day to act on the deadline
    due_day_off: bool = False  # ``due`` is a weekend day or a public holiday
    due_holiday: str | None = None  # its name, if a holiday

    @property
    def acts_on(self) -> dt.date | None:
        """The day the user must act: the act-by date, else the due date."""
        return self.act_by or self.due


@dataclass(frozen=True, slots=True)
class FirstLineShare:
    """One organization that takes the first call, and for which agreements."""

    provider: str
    contract_numbers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CaseLine:
    """One support case, for the meeting to go through by number."""

    number: str
    opened: dt.date
    agreement: str | None
    called: str | None  # whom we called, by name
    open: bool
    sla_met: bool | None  # None: not judged


@dataclass(frozen=True, slots=True)
class RiskLine:
    description: str
    mitigation: str
    level: str  # "high", "medium", "low"
    agreement: str | None
    alternative: str | None


@dataclass(frozen=True, slots=True)
class GovernanceLine:
    """The scorecard as a meeting goes through it: cases by number, the last review's
    findings and actions, the open high risks with their mitigation."""

    months: int
    counts: str  # which cases are counted, in a sentence
    cases: int
    open_cases: int
    sla_judged: int
    sla_met: int
    median_hours_to_resolve: float | None
    case_lines: tuple[CaseLine, ...]  # open and missed first, then the rest, newest first
    last_review: dt.date | None
    last_scores: tuple[tuple[str, int], ...]  # aspect, 1–5, scored aspects only
    review_findings: str
    review_actions: str
    open_risks: tuple[tuple[str, int], ...]  # level, count (high first)
    high_risks: tuple[RiskLine, ...]
    diligence_issues: tuple[tuple[str, str], ...]  # topic, failed / concern / expired


def _case_line(case: SupportCase) -> CaseLine:
    called = called_organization(case)
    return CaseLine(number=str(case), opened=case.opened_at.date(),
                    agreement=str(case.agreement) if case.agreement is not None else None,
                    called=org_name(called), open=case.resolved_at is None,
                    sla_met=case.sla_met)


def _risk_line(risk: Risk) -> RiskLine:
    return RiskLine(description=str(risk), mitigation=(risk.mitigation or "").strip(),
                    level=severity_level(risk.severity).value,
                    agreement=str(risk.agreement) if risk.agreement is not None else None,
                    alternative=org_name(risk.alternative_supplier))


def governance_line(session: Session, organization: Organization,
                    today: dt.date) -> GovernanceLine:
    card = scorecard(session, organization, today)
    last = card.reviews[-1] if card.reviews else None
    lines = sorted((_case_line(case) for case in card.case_list),
                   key=lambda c: (not (c.open or c.sla_met is False), -c.opened.toordinal()))
    return GovernanceLine(
        months=SCORECARD_MONTHS, counts=card.counts, cases=card.cases.cases,
        open_cases=card.cases.open, sla_judged=card.cases.judged, sla_met=card.cases.met,
        median_hours_to_resolve=card.cases.median_hours_to_resolve,
        case_lines=tuple(lines), last_review=last.review_date if last else None,
        last_scores=tuple((aspect, score) for aspect, score in last.scores().items()
                          if score is not None) if last else (),
        review_findings=(last.findings or "").strip() if last else "",
        review_actions=(last.actions or "").strip() if last else "",
        open_risks=tuple((level.value, n) for level, n in card.open_risks_by_severity.items()
                         if n),
        high_risks=tuple(_risk_line(risk) for risk in card.open_risks
                         if severity_level(risk.severity) == RiskLevel.HIGH),
        diligence_issues=tuple((issue.check.topic.value, issue.reason)
                               for issue in card.diligence_issues))


@dataclass(frozen=True, slots=True)
class PartnerCount:
    """An organization on the other side of the vendor's business, and how much of it."""

    name: str
    agreements: int
    purchases: int


@dataclass(frozen=True, slots=True)
class PriceHistory:
    """A renewing agreement's price in each of its terms, as billed (per its period)."""

    contract: str
    currency: str
    billing_period: BillingPeriod | None
    prices: tuple[Decimal, ...]  # first term to current


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
    oems_behind: tuple[PartnerCount, ...]  # OEMs of what was bought through it
    resellers_of_products: tuple[PartnerCount, ...]  # resellers ("bought direct")
    agreements: tuple[AgreementLine, ...]  # by next action, finished business last
    spend: tuple[SpendLine, ...]
    first_line: tuple[FirstLineShare, ...]
    governance: GovernanceLine
    today: dt.date
    price_histories: tuple[PriceHistory, ...]  # renewing agreements, dearest first
    window_days: int = DEFAULT_REMINDER_DAYS  # the reminder window: status and Actions

    @property
    def sells(self) -> bool:
        """Acts as a reseller here: has the role or has sold something."""
        return bool(OrgRole.RESELLER in self.roles or OrgRole.DISTRIBUTOR in self.roles
                    or self.oems_behind)

    @property
    def makes(self) -> bool:
        return bool(OrgRole.OEM in self.roles or self.resellers_of_products)

    @property
    def review_due_soon(self) -> bool:
        """The next review falls within the actions window (or has passed)."""
        return (self.next_review is not None
                and self.next_review <= self.today + dt.timedelta(days=self.window_days))

    def overdue(self) -> list[AgreementLine]:
        return [line for line in self.agreements if line.notice_overdue]

    def due_soon(self) -> list[AgreementLine]:
        """Running agreements whose next action falls within the reminder window."""
        horizon = self.today + dt.timedelta(days=self.window_days)
        return [line for line in self.agreements
                if not line.notice_overdue and line.acts_on is not None
                and self.today <= line.acts_on <= horizon]


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


def _next_action(agreement: Agreement, status: AgreementStatus, today: dt.date,
                 ) -> tuple[str | None, dt.date | None]:
    """What happens next and on which date, as the renewals report says it; nothing for
    finished business. A cancelled agreement still running ends (notice given)."""
    term = current_term(agreement)
    if status in FINISHED and not (agreement.cancelled and term and term.end_date >= today):
        return None, None
    if term is None:
        return None, None
    if agreement.cancelled:
        return NOTICE_GIVEN, term.end_date
    return next_action(agreement, term)


def _agreement_line(agreement: Agreement, today: dt.date, renewed: set[int],
                    context: NoticeContext, window_days: int) -> AgreementLine:
    first = first_line_org(agreement)
    status = status_of(agreement, today, renewed, window_days)
    action, due = _next_action(agreement, status, today)
    act_by = notice_dates(agreement, today, context).act_by if action in NOTICE_ACTIONS \
        else None
    return AgreementLine(
        contract_number=agreement.contract_number, title=agreement.title,
        kind=agreement.kind, oem=org_name(agreement.oem),
        reseller=org_name(agreement.reseller), serial_count=len(agreement.serial_numbers),
        start_date=agreement.start_date, end_date=agreement.end_date,
        notice_deadline=agreement.notice_deadline,
        notice_overdue=notice_overdue(agreement, today, renewed),
        status=status, cost=agreement.cost, currency=agreement.currency,
        first_line=org_name(first), billing_period=agreement.billing_period,
        sla=agreement.sla, auto_renew=agreement.auto_renew, next_action=action, due=due,
        act_by=act_by, due_day_off=due is not None and context.days_off(due),
        due_holiday=context.days_off.holiday(due) if due is not None else None)


def _agreement_sort_key(line: AgreementLine) -> tuple[int, int, str]:
    """By the day to act, soonest (overdue) first; running ones without a date next;
    finished business at the bottom, most recently ended first."""
    if line.acts_on is not None:
        return 0, line.acts_on.toordinal(), line.contract_number or line.title
    if line.status not in FINISHED:
        return 1, (line.end_date or dt.date.max).toordinal(), line.contract_number or ""
    return 2, -(line.end_date or dt.date.min).toordinal(), line.contract_number or ""


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


def _partners(org: Organization, agreements: list[Agreement], purchases: list[Purchase],
              ) -> tuple[tuple[PartnerCount, ...], tuple[PartnerCount, ...]]:
    """The OEMs behind a reseller and the resellers of an OEM, agreements and purchases
    counted apart."""
    counts: dict[tuple[bool, str], list[int]] = defaultdict(lambda: [0, 0])
    parties = [(a.oem, a.reseller, 0) for a in agreements] + [
        (p.oem, p.reseller, 1) for p in purchases]
    for oem, reseller, column in parties:
        if reseller is org and oem is not None and oem is not org:
            counts[True, oem.name][column] += 1
        if oem is org and reseller is not org:
            counts[False, org_name(reseller) or DIRECT][column] += 1

    def ranked(behind: bool) -> tuple[PartnerCount, ...]:
        found = [PartnerCount(name, *n) for (side, name), n in counts.items() if side == behind]
        return tuple(sorted(found, key=lambda c: (-(c.agreements + c.purchases), c.name)))

    return ranked(True), ranked(False)


def _price_histories(agreements: list[Agreement], lines: dict[int, AgreementLine],
                     ) -> tuple[PriceHistory, ...]:
    """Running agreements that renew, with a price per term (the stored terms, else the
    current one), highest current price first."""
    histories = []
    for agreement in agreements:
        line = lines[agreement.id]
        if not agreement.renews or line.status in FINISHED:
            continue
        terms = [t for t in agreement.terms if t.cost is not None
                 and t.currency == agreement.currency]
        prices = tuple(t.cost for t in terms if t.cost is not None) or (
            (agreement.cost,) if agreement.cost is not None else ())
        if prices:
            histories.append(PriceHistory(str(agreement), agreement.currency,
                                          agreement.billing_period, prices))
    return tuple(sorted(histories, key=lambda h: (-h.prices[-1], h.contract)))


def vendor_summary(session: Session, name: str, today: dt.date,
                   window_days: int = DEFAULT_REMINDER_DAYS) -> VendorSummary:
    """The summary of the organization called ``name`` (case and spacing ignored),
    statuses and the Actions box judged with the reminder window the screens use.

    Raises:
        NotFoundError: no such organization; the message names the closest ones.
    """
    org = require_organization(session, name)
    agreements = list(session.scalars(
        select(Agreement)
        .where(or_(Agreement.oem_id == org.id, Agreement.reseller_id == org.id))
        .options(selectinload(Agreement.oem), selectinload(Agreement.reseller),
                 selectinload(Agreement.items), selectinload(Agreement.terms))))
    purchases = list(session.scalars(
        select(Purchase)
        .where(or_(Purchase.reseller_id == org.id, Purchase.oem_id == org.id))
        .options(selectinload(Purchase.oem), selectinload(Purchase.reseller),
                 selectinload(Purchase.items))
        .order_by(Purchase.order_date.desc(), Purchase.po_number)))
    renewed = renewed_ids(session, today)
    context = NoticeContext.of(session)
    by_id = {a.id: _agreement_line(a, today, renewed, context, window_days)
             for a in agreements}
    oems, resellers = _partners(org, agreements, purchases)
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
        oems_behind=oems, resellers_of_products=resellers,
        agreements=tuple(sorted(by_id.values(), key=_agreement_sort_key)),
        spend=spend_per_year(session, org.id, today),
        first_line=_first_line(agreements, renewed, today),
        governance=governance_line(session, org, today), today=today,
        price_histories=_price_histories(agreements, by_id), window_days=window_days)
