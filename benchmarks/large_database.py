"""A database with 20,000 agreements (and proportionate everything else) for benchmarks
and screenshots: ``python -m benchmarks.large_database PATH [AGREEMENTS]``.

Rows are bulk-inserted (no audit rows: this is test data, not history). Dates spread
around today so every status occurs, as in the sample data.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from contractdesk.db.database import open_database
from contractdesk.db.models import (
    Agreement,
    Contact,
    Item,
    Organization,
    Purchase,
    agreement_item,
    name_key,
)
from contractdesk.domain.enums import (
    AgreementKind,
    BillingPeriod,
    ContactRole,
    FirstLine,
    OrgRole,
    OrgStatus,
)

RESELLERS = ["Bechtle", "Softcat", "Computacenter", "CANCOM", "SVA", "Insight", "CDW",
             "Ingram Micro", "Also", "Axians", "Atos", "SHI", "Crayon", "SoftwareONE"]
OEMS = ["Dell Technologies", "Hewlett Packard Enterprise", "Cisco", "Microsoft",
        "Veeam Software", "Fortinet", "Lenovo", "NetApp", "VMware", "Palo Alto Networks",
        "Juniper", "Pure Storage", "Red Hat", "Oracle", "SAP", "Adobe", "Atlassian",
        "Citrix", "Sophos", "Check Point"]
NOTICE = [None, "P30D", "P60D", "P90D", "P1M", "P2M", "P3M", "P6W", "P8W", "P6M"]


def fill_large(path: Path, agreements: int = 20_000, seed: int = 7,
               today: dt.date | None = None) -> None:
    today = today or dt.date.today()
    rng = random.Random(seed)
    database = open_database(path)
    organizations: list[dict[str, Any]] = []
    for index, name in enumerate(RESELLERS + OEMS, start=1):
        reseller = name in RESELLERS
        organizations.append({
            "id": index, "name": name, "name_key": name_key(name), "version": 1,
            "roles": frozenset({OrgRole.RESELLER if reseller else OrgRole.OEM}),
            "status": OrgStatus.APPROVED, "currency": "EUR", "notes": "",
            "phone": f"+49 {rng.randint(30, 99)} {rng.randint(1000, 9999)} 0",
            "next_review": today + dt.timedelta(days=rng.randint(-30, 365))
            if reseller else None})
    reseller_ids = list(range(1, len(RESELLERS) + 1))
    oem_ids = list(range(len(RESELLERS) + 1, len(organizations) + 1))
    contacts = [{"id": i + 1, "organization_id": org["id"], "name": f"{org['name']} Support",
                 "role": ContactRole.SUPPORT, "phone": org["phone"], "notes": "",
                 "version": 1} for i, org in enumerate(organizations)]
    purchase_count = agreements // 2
    purchases = [{"id": i, "po_number": f"PO-{2018 + i % 8}-{i:06d}",
                  "order_date": today - dt.timedelta(days=rng.randint(0, 2500)),
                  "reseller_id": rng.choice(reseller_ids), "oem_id": rng.choice(oem_ids),
                  "currency": rng.choice(["EUR", "EUR", "GBP", "USD"]),
                  "total": Decimal(rng.randint(500, 90000)), "notes": "", "version": 1,
                  "invoice_number": f"INV-{i:06d}"} for i in range(1, purchase_count + 1)]
    items = []
    for i in range(1, agreements + agreements // 2 + 1):
        purchase = purchases[(i - 1) % purchase_count]
        items.append({"id": i, "purchase_id": purchase["id"], "oem_id": purchase["oem_id"],
                      "description": rng.choice(["Server", "Storage array", "Switch",
                                                 "Firewall", "Laptop", "Access point"]),
                      "serial_number": f"SN{i:08d}", "asset_tag": f"AT-{i:06d}",
                      "quantity": 1, "unit_price": Decimal(rng.randint(300, 20000)),
                      "version": 1})
    rows = []
    links = []
    for i in range(1, agreements + 1):
        start = today - dt.timedelta(days=rng.randint(-120, 1500))
        end = start + dt.timedelta(days=rng.choice([365, 730, 1095, 1826]))
        purchase = purchases[(i - 1) % purchase_count]
        rows.append({
            "id": i, "contract_number": f"CT-{i:06d}",
            "title": f"{rng.choice(['Support', 'Maintenance', 'Subscription', 'Warranty'])}"
                     f" {i}",
            "kind": rng.choice(list(AgreementKind)), "oem_id": purchase["oem_id"],
            "reseller_id": purchase["reseller_id"], "purchase_id": purchase["id"],
            "start_date": start, "end_date": end, "auto_renew": rng.random() < 0.5,
            "notice_period": rng.choice(NOTICE), "cost": Decimal(rng.randint(100, 50000)),
            "currency": purchase["currency"], "billing_period": BillingPeriod.ANNUAL,
            "sla": rng.choice(["24x7x4", "NBD", "8x5"]), "first_line_support":
            rng.choice(list(FirstLine)), "oem_reference": f"REF-{i:06d}",
            "cancelled": rng.random() < 0.03, "notes": "", "version": 1})
        links.append({"agreement_id": i, "item_id": i})
    with database.transaction("cli") as session:
        session.execute(insert(Organization), organizations)
        session.execute(insert(Contact), contacts)
        session.execute(insert(Purchase), purchases)
        session.execute(insert(Item), items)
        session.execute(insert(Agreement), rows)
        session.execute(insert(agreement_item), links)
    database.close()


if __name__ == "__main__":
    target = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
    if target.exists():
        sys.exit(f"{target} exists; give a new file name")
    fill_large(target, count)
    print(f"{target}: {count} agreements")
