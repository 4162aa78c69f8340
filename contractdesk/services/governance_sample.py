"""Realistic governance records on top of :mod:`contractdesk.services.sample`.

The story: Computacenter is on watch (it failed a support-capability check and missed
next-business-day fixes on the core switches, an open high risk with Softcat as the
alternative); Softcat's insurance certificate has expired and it once missed a 4-hour
fix; Bechtle is reviewed and in good standing; Fortinet is blocked. Dates are relative
to ``today`` and land on the weekdays the story needs.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.db.governance import DueDiligenceCheck, Review, Risk
from contractdesk.db.models import Agreement, Item, Organization
from contractdesk.domain.enums import FirstLine
from contractdesk.domain.governance_enums import DiligenceResult, DiligenceTopic, RiskStatus
from contractdesk.services.organizations import require_organization
from contractdesk.services.support_cases import log_case

T, RES = DiligenceTopic, DiligenceResult

# organization, days ago, reviewer, delivery, support, responsiveness, pricing, sla,
# findings, actions, next review in days from today
REVIEWS = [
    ("Computacenter", 560, "J. Keller", 4, 4, 3, 3, 4, "Solid first year; pricing above "
     "Softcat for Catalyst renewals.", "Ask for a price match at renewal.", None),
    ("Computacenter", 377, "J. Keller", 4, 3, 3, 3, 3, "Escalation line slow twice.",
     "Agree a named escalation contact.", -12),
    ("Bechtle", 300, "M. Brandt", 5, 4, 4, 4, 5, "No issues; quick quotes.", "", 61),
    ("Softcat", 305, "J. Keller", 4, 4, 4, 5, 4, "Good pricing on Microsoft CSP.",
     "Ask for the renewed insurance certificate.", 56),
]

# organization, topic, result, checked days ago, expires in days (None = no expiry), notes
CHECKS = [
    ("Bechtle", T.FINANCIAL_HEALTH, RES.OK, 200, 165, "Annual report 2025: solid equity."),
    ("Bechtle", T.INSURANCE, RES.OK, 120, 245, "Liability cover EUR 10m, certificate on file."),
    ("Bechtle", T.DATA_SECURITY, RES.OK, 210, 520, "ISO 27001 certificate."),
    ("Softcat", T.INSURANCE, RES.OK, 400, -35, "Professional indemnity certificate; "
     "renewal not yet received."),
    ("Softcat", T.REFERENCES, RES.OK, 420, None, "Two references called, both positive."),
    ("Computacenter", T.FINANCIAL_HEALTH, RES.OK, 180, 185, "Credit report: low risk."),
    ("Computacenter", T.SUPPORT_CAPABILITY, RES.FAILED, 50, None,
     "Escalation line unanswered twice; no trained Catalyst engineer in the region."),
    ("Ingram Micro", T.REFERENCES, RES.CONCERN, 90, None, "One reference reported slow RMAs."),
    ("Ingram Micro", T.DATA_SECURITY, RES.NOT_CHECKED, None, None, "Questionnaire sent."),
]


def _weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def fill_governance_sample(session: Session, today: dt.date) -> dict[str, int]:
    """Adds the governance story to the sample data; returns counts per kind."""
    orgs = {name: require_organization(session, name) for name in
            ("Bechtle", "Softcat", "Computacenter", "Ingram Micro", "Fortinet", "Cisco",
             "Microsoft")}
    agreements = {a.contract_number: a for a in session.scalars(select(Agreement))}
    items = {i.serial_number: i for i in session.scalars(select(Item))}
    day = dt.timedelta(days=1)

    for name, ago, reviewer, delivery, support, responsive, pricing, sla, findings, \
            actions, next_in in REVIEWS:
        session.add(Review(organization=orgs[name], review_date=today - ago * day,
                           reviewer=reviewer, delivery=delivery, support_quality=support,
                           responsiveness=responsive, pricing=pricing, sla_adherence=sla,
                           findings=findings, actions=actions,
                           next_review=today + next_in * day if next_in is not None
                           else today - (ago - 182) * day))
        if next_in is not None:
            orgs[name].next_review = today + next_in * day
    for name, topic, result, checked, expires, notes in CHECKS:
        session.add(DueDiligenceCheck(
            organization=orgs[name], topic=topic, result=result,
            checked_on=today - checked * day if checked is not None else None,
            expires_on=today + expires * day if expires is not None else None, notes=notes))
    risks = _add_risks(session, orgs, agreements)
    session.flush()
    cases = _add_cases(session, today, agreements, items)
    return {"reviews": len(REVIEWS), "due_diligence": len(CHECKS), "risks": risks,
            "support_cases": cases}


def _add_risks(session: Session, orgs: dict[str, Organization],
               agreements: dict[str | None, Agreement]) -> int:
    """An open high risk with an alternative, a blocked OEM, an accepted and a closed one;
    returns how many."""
    risks = [
        Risk(organization=orgs["Computacenter"], agreement=agreements["CSCO-SNT-9921"],
             description="Computacenter is the only first-line support for the core "
                         "switches and missed two next-business-day fixes this quarter.",
             likelihood=4, impact=4, owner="J. Keller", status=RiskStatus.OPEN,
             mitigation="Open P1 cases with Cisco TAC directly; quote the renewal "
                        "through Softcat.",
             alternative_supplier=orgs["Softcat"]),
        Risk(organization=orgs["Fortinet"],
             description="Fortinet is blocked after unpatched advisories; the FortiGate "
                         "subscriptions still protect the Frankfurt DC.",
             likelihood=3, impact=4, owner="M. Brandt", status=RiskStatus.OPEN,
             mitigation="Plan the move to Meraki MX at the next renewal.",
             alternative_supplier=orgs["Cisco"]),
        Risk(organization=orgs["Ingram Micro"],
             description="Distributor under review; single source for FortiGate bundles.",
             likelihood=2, impact=3, owner="M. Brandt", status=RiskStatus.ACCEPTED,
             mitigation="Accepted until the Fortinet exit."),
        Risk(organization=orgs["Microsoft"], agreement=agreements["MS-EA-2024"],
             description="Price rise of the E3 licences at renewal.", likelihood=3,
             impact=2, owner="J. Keller", status=RiskStatus.CLOSED,
             mitigation="Moved 60 users to Business Standard through Softcat CSP."),
    ]
    session.add_all(risks)
    return len(risks)


def _add_cases(session: Session, today: dt.date,
               agreements: dict[str | None, Agreement], items: dict[str | None, Item]) -> int:
    """Cases that met and missed their SLAs; returns how many."""
    def weekday(days_ago: int, weekday: int) -> dt.date:
        return _weekday_on_or_before(today - dt.timedelta(days=days_ago), weekday)

    mon, tue, fri, sat = 0, 1, 4, 5
    switch, nimble, server = items["FOC2231X0AB"], items["AF-204455"], items["7HG2KM3"]
    snt = agreements["CSCO-SNT-9921"]
    cases: list[dict[str, Any]] = [
        # Computacenter, 8x5xNBD: one met, two missed.
        dict(agreement=snt, item=switch, called=FirstLine.RESELLER, case_number="CC-88120",
             opened_at=_at(weekday(150, tue), 10), resolved_at=_at(weekday(150, tue), 16)
             + dt.timedelta(days=1), notes="Stack member replaced next day."),
        dict(agreement=snt, item=switch, called=FirstLine.RESELLER, case_number="CC-90412",
             opened_at=_at(weekday(60, fri), 15),
             resolved_at=_at(weekday(60, fri), 11) + dt.timedelta(days=4),
             notes="Replacement PSU arrived Tuesday; escalation line unanswered."),
        dict(agreement=snt, item=items["FOC2231X0AC"], called=FirstLine.RESELLER,
             case_number="CC-91877", opened_at=_at(weekday(30, mon), 9, 30),
             resolved_at=_at(weekday(30, mon), 16) + dt.timedelta(days=2)),
        # Softcat, 24x7x4 on the Nimble: a weekend fix in time, one missed on the old term.
        dict(agreement=agreements["HPE-NS-700124"], item=nimble, called=FirstLine.RESELLER,
             case_number="SC-55310", opened_at=_at(weekday(20, sat), 2),
             resolved_at=_at(weekday(20, sat), 5, 30)),
        dict(agreement=agreements["HPE-NS-700123"], item=nimble, called=FirstLine.RESELLER,
             case_number="SC-51002", opened_at=_at(weekday(100, tue), 13),
             resolved_at=_at(weekday(100, tue), 19, 45),
             notes="Controller swap; engineer arrived after 6 hours."),
        # OEMs called directly.
        dict(agreement=agreements["DELL-PS-4471"], item=server, called=FirstLine.OEM,
             case_number="DELL-1187734", opened_at=_at(weekday(45, tue), 8),
             resolved_at=_at(weekday(45, tue), 10, 40)),
        dict(agreement=agreements["FTNT-UTP-20410"], item=items["FG100FTK22001234"],
             called=FirstLine.OEM, case_number="FTNT-7712", opened_at=_at(weekday(75, mon), 11),
             resolved_at=_at(weekday(75, mon), 15)),
        dict(agreement=agreements["VEEAM-DP-1187"], called=FirstLine.OEM,
             case_number="VEEAM-05522391", opened_at=_at(weekday(25, tue), 14),
             resolved_at=_at(weekday(25, tue), 17), sla_met=True,
             notes="24x7 support without a stated fix time; answered within the hour."),
        # From an item: the covering agreement (basic warranty, NBD) is found; still open.
        dict(item=items["5CD4120XYZ"], called=FirstLine.OEM, case_number="DELL-1190045",
             opened_at=_at(weekday(1, mon), 9)),
    ]
    for values in cases:
        log_case(session, **values)
    return len(cases)
