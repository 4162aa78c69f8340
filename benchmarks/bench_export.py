"""How much slower than openpyxl alone is the full xlsx export? Target: at most 2x.

Builds a database of 100,000 agreements with their organizations, purchases and items
(bulk inserts; setup, not measured), then in the same run times

(a) the floor: openpyxl's write-only mode writing exactly the cell values of the export
    (same sheets, same rows, taken from the export's own row serializer beforehand) with
    no database, styles or checks behind them, and
(b) the full export (:func:`contractdesk.exporting.dispatch.export_to` to ``.xlsx``):
    queries, derived status, Renewals sheet, formats, formula guard, atomic write.

Run from the repository root::

    python -m benchmarks.bench_export [--agreements N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import insert

from contractdesk.db.database import Database, open_database
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
    RiskLevel,
)
from contractdesk.exporting.cells import list_text
from contractdesk.exporting.dispatch import export_to
from contractdesk.exporting.records import COLUMNS, records
from contractdesk.exporting.xlsx_export import RENEWAL_COLUMNS, RENEWALS_SHEET
from contractdesk.services.renewals import renewals

TODAY = dt.date(2026, 11, 25)
RESELLERS, OEMS = 60, 240
TARGET_RATIO = 2.0
NOTICE_PERIODS = ("P90D", "P3M", "P60D", "P6W", None)


def build_database(database: Database, agreements: int) -> None:
    """Fills ``database`` with ``agreements`` agreements, one item each, two per purchase."""
    rng = random.Random(5)
    purchases = max(1, agreements // 2)
    orgs: list[dict[str, Any]] = []
    for number in range(RESELLERS + OEMS):
        reseller = number < RESELLERS
        name = f"{'Reseller' if reseller else 'OEM'} {number:03d} GmbH"
        orgs.append({"id": number + 1, "name": name, "name_key": name_key(name),
                     "roles": frozenset({OrgRole.RESELLER if reseller else OrgRole.OEM}),
                     "website": f"https://org{number}.example", "phone": f"+49 89 {number:04d}",
                     "country": "DE", "currency": "EUR", "payment_terms": "Net 30",
                     "status": OrgStatus.APPROVED, "risk_level": RiskLevel.LOW,
                     "next_review": TODAY + dt.timedelta(days=number), "notes": "",
                     "version": 1})
    contacts = [{"id": org["id"], "organization_id": org["id"], "name": f"Support {org['id']}",
                 "role": ContactRole.SUPPORT, "email": f"support{org['id']}@example.com",
                 "notes": "", "version": 1} for org in orgs]
    purchase_rows = [{"id": number + 1, "po_number": f"PO-{number + 1:07d}",
                      "order_date": TODAY - dt.timedelta(days=rng.randrange(1500)),
                      "reseller_id": rng.randrange(RESELLERS) + 1,
                      "oem_id": RESELLERS + rng.randrange(OEMS) + 1,
                      "invoice_number": f"INV-{number + 1}", "currency": "EUR",
                      "total": Decimal(rng.randrange(100_00, 5_000_000_00)) / 100,
                      "cost_center": "IT-Infra", "notes": "", "version": 1}
                     for number in range(purchases)]
    item_rows, agreement_rows, links = [], [], []
    for number in range(agreements):
        purchase = purchase_rows[number % purchases]
        end = TODAY + dt.timedelta(days=rng.randrange(-400, 1100))
        item_rows.append({"id": number + 1, "purchase_id": purchase["id"],
                          "oem_id": purchase["oem_id"], "description": "PowerEdge R750",
                          "part_number": "R750", "serial_number": f"SN{number + 1:08d}",
                          "asset_tag": f"AT-{number + 1}", "quantity": 1,
                          "unit_price": Decimal(rng.randrange(100_00, 50_000_00)) / 100,
                          "location": "Munich data centre", "version": 1})
        agreement_rows.append({
            "id": number + 1, "contract_number": f"C-{number + 1:08d}",
            "title": f"ProSupport 3 years, server {number + 1}",
            "kind": AgreementKind.MAINTENANCE, "oem_id": purchase["oem_id"],
            "reseller_id": purchase["reseller_id"], "purchase_id": purchase["id"],
            "start_date": end - dt.timedelta(days=365), "end_date": end,
            "auto_renew": number % 3 == 0, "renewal_term": "P1Y",
            "notice_period": NOTICE_PERIODS[number % len(NOTICE_PERIODS)],
            "cost": Decimal(rng.randrange(100_00, 20_000_00)) / 100, "currency": "EUR",
            "billing_period": BillingPeriod.ANNUAL, "sla": "24x7x4",
            "first_line_support": FirstLine.RESELLER,
            "support_contact_id": purchase["reseller_id"],
            "oem_reference": f"REF-{number + 1}", "cancelled": number % 50 == 0,
            "renewal_of_id": number if number % 10 == 9 else None,
            "notes": "Renew through the reseller" if number % 4 == 0 else "",
            "version": 1})
        links.append({"agreement_id": number + 1, "item_id": number + 1})
    with database.engine.begin() as connection:
        for model, rows in ((Organization, orgs), (Contact, contacts),
                            (Purchase, purchase_rows), (Item, item_rows),
                            (Agreement, agreement_rows)):
            connection.execute(insert(model), rows)
        connection.execute(insert(agreement_item), links)


def _cell_value(value: Any) -> Any:
    return list_text(value) if isinstance(value, list) else value


def floor_sheets(database: Database) -> dict[str, list[list[Any]]]:
    """The export's cell values, sheet by sheet, header first (collected, not timed)."""
    sheets: dict[str, list[list[Any]]] = {}
    with database.session("cli") as session:
        entries = renewals(session, TODAY)
        by_id = dict(records(session, "agreements", TODAY))
        sheets[RENEWALS_SHEET] = [list(RENEWAL_COLUMNS)] + [
            [_cell_value(value) for value in (
                {"due": e.due, "action": e.action, "overdue": e.overdue,
                 **by_id[e.agreement.id]}[name] for name in RENEWAL_COLUMNS)]
            for e in entries]
        for kind, columns in COLUMNS.items():
            sheets[kind] = [list(columns)] + [
                [_cell_value(row[name]) for name in columns]
                for _, row in records(session, kind, TODAY)]
    return sheets


def time_floor(sheets: dict[str, list[list[Any]]], target: Path) -> float:
    """Writes ``sheets``; the values are frozen out of the garbage collector's sight first.

    Millions of prepared values held in memory would otherwise make every collection
    walk them, a cost the export (which streams its rows) never pays.
    """
    gc.collect()
    gc.freeze()
    start = time.perf_counter()
    workbook = Workbook(write_only=True)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(target)
    elapsed = time.perf_counter() - start
    gc.unfreeze()
    return elapsed


def time_export(database: Database, target: Path) -> float:
    start = time.perf_counter()
    with database.session("cli") as session:
        export_to(session, target, TODAY)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1,
                        help="time each side this often and keep the best (a busy machine)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.sqlite3")
        start = time.perf_counter()
        build_database(database, args.agreements)
        print(f"setup: {args.agreements:,} agreements in {time.perf_counter() - start:.1f} s")
        sheets = floor_sheets(database)
        cells = sum(len(row) for rows in sheets.values() for row in rows)
        print(f"cells: {cells:,} in {len(sheets)} sheets "
              f"({', '.join(f'{name} {len(rows) - 1:,}' for name, rows in sheets.items())})")
        floors, exports = [], []
        for _ in range(args.repeat):
            floors.append(time_floor(sheets, Path(folder) / "floor.xlsx"))
            exports.append(time_export(database, Path(folder) / "export.xlsx"))
        del sheets
        floor, export = min(floors), min(exports)
        print(f"(a) openpyxl write-only, same values, no database: {floor:.1f} s "
              f"(runs: {', '.join(f'{t:.1f}' for t in floors)})")
        print(f"(b) full xlsx export:                              {export:.1f} s "
              f"(runs: {', '.join(f'{t:.1f}' for t in exports)})")
        ratio = export / floor
        verdict = "within" if ratio <= TARGET_RATIO else "OVER"
        print(f"ratio (b)/(a): {ratio:.2f}x ({verdict} the {TARGET_RATIO:.0f}x target)")
        database.close()


if __name__ == "__main__":
    main()
