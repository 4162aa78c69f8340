"""Realistic sample data, dated relative to today so that every status occurs.

Used by ``contractdesk sample``, screenshots, benchmarks and tests: a small company that
buys through two resellers and a distributor, and direct from two OEMs.
"""

from __future__ import annotations

import datetime as dt
import zlib
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement, Contact, Item, Organization, Purchase
from contractdesk.domain.enums import (
    AgreementKind,
    BillingPeriod,
    ContactRole,
    FirstLine,
    OrgRole,
    OrgStatus,
    RiskLevel,
)
from contractdesk.errors import UserError
from contractdesk.services.governance_sample import fill_governance_sample

R, OEM = OrgRole.RESELLER, OrgRole.OEM

ORGANIZATIONS = [
    # name, roles, country, currency, status, risk, website, phone
    ("Bechtle", {R}, "DE", "EUR", OrgStatus.APPROVED, RiskLevel.LOW, "bechtle.example",
     "+49 7132 981 0"),
    ("Softcat", {R}, "GB", "GBP", OrgStatus.APPROVED, RiskLevel.LOW, "softcat.example",
     "+44 1628 403 403"),
    ("Computacenter", {R, OrgRole.SERVICE_PROVIDER}, "GB", "GBP", OrgStatus.ON_WATCH,
     RiskLevel.MEDIUM, "computacenter.example", "+44 1707 631 000"),
    ("Ingram Micro", {OrgRole.DISTRIBUTOR}, "DE", "EUR", OrgStatus.UNDER_REVIEW,
     RiskLevel.MEDIUM, "ingrammicro.example", "+49 89 4208 0"),
    ("Dell Technologies", {OEM}, "US", "EUR", OrgStatus.APPROVED, RiskLevel.LOW,
     "dell.example", "+49 69 9792 0"),
    ("Hewlett Packard Enterprise", {OEM}, "US", "EUR", OrgStatus.APPROVED, RiskLevel.LOW,
     "hpe.example", "+49 7031 450 0"),
    ("Cisco", {OEM}, "US", "EUR", OrgStatus.APPROVED, RiskLevel.LOW, "cisco.example",
     "+49 811 5543 0"),
    ("Microsoft", {OEM}, "US", "EUR", OrgStatus.APPROVED, RiskLevel.LOW, "microsoft.example",
     "+49 89 3176 0"),
    ("Veeam Software", {OEM}, "CH", "EUR", OrgStatus.APPROVED, RiskLevel.LOW, "veeam.example",
     "+41 41 766 71 31"),
    ("Fortinet", {OEM}, "US", "EUR", OrgStatus.BLOCKED, RiskLevel.HIGH, "fortinet.example",
     "+33 4 8987 0500"),
]

CONTACTS = [
    ("Bechtle", "Petra Vogel", ContactRole.ACCOUNT_MANAGER, "petra.vogel@bechtle.example",
     "+49 7132 981 2210", None, None),
    ("Bechtle", "Bechtle Service Desk", ContactRole.SUPPORT, "service@bechtle.example",
     "+49 7132 981 4000", "Mo–Fr 8–18", "https://portal.bechtle.example"),
    ("Softcat", "Gareth Hughes", ContactRole.ACCOUNT_MANAGER, "gareth.hughes@softcat.example",
     "+44 1628 403 512", None, None),
    ("Computacenter", "Aisha Begum", ContactRole.ACCOUNT_MANAGER,
     "aisha.begum@computacenter.example", "+44 1707 631 244", None, None),
    ("Computacenter", "CC Escalations", ContactRole.ESCALATION,
     "escalations@computacenter.example", "+44 1707 631 999", "24x7", None),
    ("Dell Technologies", "Dell ProSupport", ContactRole.SUPPORT, "prosupport@dell.example",
     "+49 69 9792 7300", "24x7", "https://support.dell.example"),
    ("Hewlett Packard Enterprise", "HPE Support Center", ContactRole.SUPPORT,
     "support@hpe.example", "+49 7031 450 7000", "24x7", "https://support.hpe.example"),
    ("Cisco", "Cisco TAC", ContactRole.SUPPORT, "tac@cisco.example", "+49 811 5543 6000",
     "24x7", "https://mycase.cisco.example"),
    ("Microsoft", "Microsoft Billing", ContactRole.BILLING, "billing@microsoft.example",
     "+49 89 3176 5000", "Mo–Fr 9–17", None),
]


def _months(today: dt.date, months: int) -> dt.date:
    result: dt.date = today + relativedelta(months=months)
    return result


def fill_sample(session: Session, today: dt.date) -> dict[str, int]:
    """Adds the sample data to an empty database; returns how many of each were added.

    Raises:
        UserError: the database already has organizations (sample data would mix in).
    """
    if session.query(Organization.id).first() is not None:
        raise UserError("The database already has data; sample data goes into an empty "
                        "database (use --db to name a new file).")
    orgs: dict[str, Organization] = {}
    for name, roles, country, currency, status, risk, web, phone in ORGANIZATIONS:
        orgs[name] = Organization(name=name, roles=frozenset(roles), country=country,
                                  currency=currency, status=status, risk_level=risk,
                                  website=f"https://www.{web}", phone=phone,
                                  customer_number=f"C-{zlib.crc32(name.encode()) % 90000 + 10000}"
                                  if R in roles else None,
                                  payment_terms="Net 30" if R in roles else None,
                                  next_review=_months(today, 2) if R in roles else None)
    orgs["Computacenter"].next_review = today - dt.timedelta(days=12)
    orgs["Computacenter"].notes = "Two missed next-business-day fixes in the last quarter."
    contacts: dict[str, Contact] = {}
    for org, name, role, email, phone, hours, portal in CONTACTS:
        contacts[name] = Contact(organization=orgs[org], name=name, role=role, email=email,
                                 phone=phone, support_hours=hours, portal_url=portal)
    session.add_all(orgs.values())

    def purchase(po: str, days_ago: int, reseller: str | None, oem: str, total: str,
                 currency: str = "EUR") -> Purchase:
        p = Purchase(po_number=po, order_date=today - dt.timedelta(days=days_ago),
                     reseller=orgs[reseller] if reseller else None, oem=orgs[oem],
                     invoice_number=f"INV-{po[-4:]}", currency=currency,
                     total=Decimal(total), cost_center="IT-Infra")
        session.add(p)
        return p

    def items(p: Purchase, description: str, part: str, serials: list[str], price: str,
              location: str) -> list[Item]:
        made = [Item(purchase=p, oem=p.oem, description=description, part_number=part,
                     serial_number=s, asset_tag=f"AT-{s[-5:]}", quantity=1,
                     unit_price=Decimal(price), location=location) for s in serials]
        session.add_all(made)
        return made

    p1 = purchase("PO-2022-0141", 1100, "Bechtle", "Dell Technologies", "38400.00")
    servers = items(p1, "PowerEdge R750", "R750-CTO", ["7HG2KM3", "7HG2KM4", "7HG2KM5"],
                    "12800.00", "Frankfurt DC, rack B4")
    p2 = purchase("PO-2023-0057", 800, "Softcat", "Hewlett Packard Enterprise", "52900.00",
                  "GBP")
    storage = items(p2, "Nimble HF20 array", "Q8H72A", ["AF-204455", "AF-204456"],
                    "26450.00", "London DC, rack 12")
    p3 = purchase("PO-2023-0212", 620, "Computacenter", "Cisco", "18600.00", "GBP")
    switches = items(p3, "Catalyst 9300-48P", "C9300-48P-E",
                     ["FOC2231X0AB", "FOC2231X0AC", "FOC2231X0AD"], "6200.00",
                     "London office, comms room")
    p4 = purchase("PO-2024-0008", 330, None, "Microsoft", "21600.00")
    p5 = purchase("PO-2024-0090", 260, "Bechtle", "Veeam Software", "6480.00")
    p6 = purchase("PO-2024-0133", 200, "Ingram Micro", "Fortinet", "9890.00")
    firewalls = items(p6, "FortiGate 100F", "FG-100F", ["FG100FTK22001234",
                                                        "FG100FTK22001235"],
                      "4945.00", "Frankfurt DC, rack A1")
    p7 = purchase("PO-2024-0201", 120, None, "Dell Technologies", "2890.00")
    laptops = items(p7, "Latitude 7450", "LAT7450", ["5CD4120XYZ", "5CD4120XZA"], "1445.00",
                    "Munich office")
    p8 = purchase("PO-2025-0012", 40, "Softcat", "Microsoft", "7920.00", "GBP")

    K = AgreementKind

    def agreement(number: str, title: str, kind: AgreementKind, oem: str,
                  reseller: str | None, p: Purchase | None, start: dt.date, end: dt.date,
                  cost: str, currency: str = "EUR", *, notice: str | None = None,
                  auto: bool = False, covered: list[Item] | None = None,
                  sla: str | None = None, first: FirstLine | None = None,
                  contact: str | None = None, billing: BillingPeriod = BillingPeriod.ANNUAL,
                  cancelled: bool = False) -> Agreement:
        a = Agreement(contract_number=number, title=title, kind=kind, oem=orgs[oem],
                      reseller=orgs[reseller] if reseller else None, purchase=p,
                      start_date=start, end_date=end, cost=Decimal(cost), currency=currency,
                      notice_period=notice, auto_renew=auto,
                      renewal_term="P1Y" if auto else None, billing_period=billing,
                      sla=sla, first_line_support=first,
                      support_contact=contacts[contact] if contact else None,
                      oem_reference=f"{number}-REF", items=covered or [],
                      cancelled=cancelled)
        session.add(a)
        return a

    t = today
    day = dt.timedelta(days=1)
    agreement("DELL-PS-4471", "ProSupport Plus 3 years, R750", K.WARRANTY, "Dell Technologies",
              "Bechtle", p1, t - 1100 * day, t + 40 * day, "0.00", covered=servers,
              sla="24x7x4", first=FirstLine.OEM, contact="Dell ProSupport",
              billing=BillingPeriod.TERM)
    agreement("DELL-PS-4471-X", "ProSupport Plus extension 2 years", K.MAINTENANCE,
              "Dell Technologies", "Bechtle", None, t + 41 * day, _months(t, 25) + 41 * day,
              "6900.00", notice="P30D", covered=servers, sla="24x7x4", first=FirstLine.OEM,
              contact="Dell ProSupport", billing=BillingPeriod.TERM)
    old = agreement("HPE-NS-700123", "Nimble HF20 4-hour support", K.MAINTENANCE,
                    "Hewlett Packard Enterprise", "Softcat", p2, t - 800 * day,
                    t - 70 * day, "3120.00", "GBP", notice="P8W", auto=True,
                    covered=storage, sla="24x7x4", first=FirstLine.RESELLER)
    renewal = agreement("HPE-NS-700124", "Nimble HF20 4-hour support (renewal)",
                        K.MAINTENANCE, "Hewlett Packard Enterprise", "Softcat", None,
                        t - 69 * day, _months(t, 12) - 70 * day, "3380.00", "GBP",
                        notice="P8W", auto=True, covered=storage, sla="24x7x4",
                        first=FirstLine.RESELLER, contact="HPE Support Center")
    renewal.renewal_of = old
    agreement("CSCO-SNT-9921", "SmartNet 8x5xNBD Catalyst", K.MAINTENANCE, "Cisco",
              "Computacenter", p3, t - 620 * day, t + 20 * day, "2790.00", "GBP",
              notice="P60D", auto=True, covered=switches, sla="8x5xNBD",
              first=FirstLine.RESELLER, contact="CC Escalations")
    agreement("MS-EA-2024", "Microsoft 365 E3 x 120", K.SUBSCRIPTION, "Microsoft", None, p4,
              t - 330 * day, t + 35 * day, "43200.00", notice="P1M", auto=True,
              billing=BillingPeriod.MONTHLY, first=FirstLine.OEM)
    agreement("MS-CSP-22019", "Microsoft 365 Business Standard x 60", K.SUBSCRIPTION,
              "Microsoft", "Softcat", p8, t - 40 * day, _months(t, 11) - 40 * day,
              "7920.00", "GBP", notice="P1M", auto=True, first=FirstLine.RESELLER,
              contact="Gareth Hughes")
    agreement("VEEAM-DP-1187", "Veeam Data Platform Foundation 50 instances",
              K.SOFTWARE_SUPPORT, "Veeam Software", "Bechtle", p5, t - 260 * day,
              t + 105 * day, "6480.00", notice="P3M", auto=True, sla="24x7",
              first=FirstLine.OEM, contact="Bechtle Service Desk")
    agreement("FTNT-UTP-20410", "FortiGate UTP bundle", K.SUBSCRIPTION, "Fortinet",
              "Ingram Micro", p6, t - 200 * day, t + 165 * day, "2199.90", notice="P6W",
              auto=True, covered=firewalls, sla="NBD", first=FirstLine.OEM)
    agreement("FTNT-FC-20411", "FortiCare 24x7", K.SOFTWARE_SUPPORT, "Fortinet",
              "Ingram Micro", p6, t - 200 * day, _months(t, 29), "1450.00", notice="P90D",
              covered=firewalls, sla="24x7", first=FirstLine.OEM)
    agreement("DELL-BW-7450", "Basic warranty Latitude", K.WARRANTY, "Dell Technologies",
              None, p7, t - 120 * day, _months(t, 32), "0.00", covered=laptops, sla="NBD",
              first=FirstLine.OEM, contact="Dell ProSupport", billing=BillingPeriod.ONE_OFF)
    agreement("WIN-SRV-DC-16", "Windows Server Datacenter 16 core", K.LICENSE, "Microsoft",
              "Bechtle", None, t - 700 * day, _months(t, 60), "6155.00",
              billing=BillingPeriod.ONE_OFF)
    agreement("CC-MS-0042", "Managed backup service", K.SERVICE, "Computacenter",
              "Computacenter", None, _months(t, 1), _months(t, 37), "14400.00", "GBP",
              notice="P3M", auto=True, sla="8x5", first=FirstLine.RESELLER,
              contact="Aisha Begum")
    agreement("VEEAM-OLD-0901", "Veeam Backup Essentials (replaced)", K.SOFTWARE_SUPPORT,
              "Veeam Software", "Bechtle", None, t - 900 * day, t - 170 * day, "2100.00",
              notice="P30D")
    agreement("CSCO-MER-3301", "Meraki MX85 Advanced Security", K.SUBSCRIPTION, "Cisco",
              "Softcat", None, t - 500 * day, t + 230 * day, "2850.00", "GBP",
              notice="P90D", covered=[], first=FirstLine.RESELLER)
    agreement("HPE-CP-5510", "HPE Care Pack ProLiant (cancelled)", K.WARRANTY,
              "Hewlett Packard Enterprise", "Softcat", None, t - 400 * day, t + 300 * day,
              "1290.00", "GBP", notice="P30D", cancelled=True)
    agreement("DELL-OPT-7410", "OptiPlex fleet warranty", K.WARRANTY, "Dell Technologies",
              "Bechtle", None, t - 1500 * day, t - 30 * day, "3400.00", sla="NBD")
    agreement("MS-TEAMS-PH", "Teams Phone Standard x 40", K.SUBSCRIPTION, "Microsoft",
              "Softcat", None, t - 300 * day, t + 65 * day, "3840.00", "GBP",
              notice="P2M", auto=True, first=FirstLine.RESELLER)
    session.flush()
    return {"organizations": len(orgs), "contacts": len(contacts), "purchases": 8,
            "items": len(servers) + len(storage) + len(switches) + len(firewalls)
            + len(laptops), "agreements": 18, **fill_governance_sample(session, today)}
