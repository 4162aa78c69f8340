"""How long the renewals report takes over 5,000 agreements.

Run: ``python -m benchmarks.bench_reports [COUNT]``. Prints the time to query, to lay
out and write the PDF, and, as a floor, the time reportlab alone needs for a plain
table with as many rows (built-in font, no database, no wrapping). Times are CPU time
of this process, so a busy machine does not inflate them; the wall clock is shown too.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle
from sqlalchemy import insert
from sqlalchemy.orm import Session

from contractdesk.db.database import open_database
from contractdesk.db.models import Agreement, Organization
from contractdesk.domain.enums import AgreementKind, OrgRole
from contractdesk.reports.data.renewals import renewals_data
from contractdesk.reports.formatting import Formatter
from contractdesk.reports.renewals import render_renewals

TODAY = dt.date(2026, 11, 25)
WINDOW_DAYS = 365
OEMS = ["Dell Technologies", "Hewlett Packard Enterprise", "Cisco", "Microsoft",
        "Veeam Software", "Fortinet", "Lenovo", "NetApp", "VMware", "Palo Alto Networks"]
RESELLERS = ["Bechtle", "Softcat", "Computacenter", "Cancom", "Müller Systemhaus GmbH"]


def fill(session: Session, count: int) -> None:
    """``count`` agreements, all due within the window, inserted in bulk (no audit)."""
    rng = random.Random(6)
    orgs = {name: Organization(name=name, roles=frozenset({OrgRole.OEM}))
            for name in OEMS}
    orgs |= {name: Organization(name=name, roles=frozenset({OrgRole.RESELLER}))
             for name in RESELLERS}
    session.add_all(orgs.values())
    session.flush()
    kinds = list(AgreementKind)
    rows = []
    for number in range(count):
        end = TODAY + dt.timedelta(days=rng.randint(0, WINDOW_DAYS))
        rows.append({
            "contract_number": f"AG-{number:06d}",
            "title": f"Support for site {number % 97} equipment, {rng.choice(kinds).value}",
            "kind": rng.choice(kinds), "oem_id": orgs[rng.choice(OEMS)].id,
            "reseller_id": orgs[rng.choice(RESELLERS)].id,
            "start_date": end - dt.timedelta(days=365), "end_date": end,
            "notice_period": rng.choice([None, "P30D", "P3M"]),
            "auto_renew": rng.random() < 0.5,
            "cost": Decimal(rng.randint(100, 90000)) / 100,
            "currency": rng.choice(["EUR", "EUR", "GBP", "USD"]), "cancelled": False,
            "version": 1, "notes": ""})
    session.execute(insert(Agreement), rows)


def plain_reportlab(rows: int) -> float:
    """The floor: one plain table of ``rows`` rows in Helvetica, no wrapping."""
    data = [["Due", "Action", "Agreement", "Kind", "OEM", "Reseller", "Cost"]] + [
        ["2 Oct 2027", "Give notice by 2 Oct 2027", f"AG-{n:06d}", "Maintenance",
         "Hewlett Packard Enterprise", "Computacenter", "€12,345.67"] for n in range(rows)]
    start = time.process_time()
    document = SimpleDocTemplate(io.BytesIO(), pagesize=landscape(A4))
    table = Table(data, repeatRows=1, colWidths=[60, 150, 100, 70, 130, 110, 70])
    table.setStyle(TableStyle([("FONTSIZE", (0, 0), (-1, -1), 8),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.4, "#b8c2cc")]))
    document.build([table])
    return time.process_time() - start


def main(count: int = 5000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.sqlite3")
        with database.transaction("cli") as session:
            fill(session, count)
        fmt = Formatter.for_locale("en_GB")
        with database.session("cli") as session:
            start, wall = time.process_time(), time.perf_counter()
            data = renewals_data(session, TODAY, WINDOW_DAYS)
            queried = time.process_time() - start
        output = io.BytesIO()
        start = time.process_time()
        pages = render_renewals(data, output, fmt, dt.datetime.now())
        rendered = time.process_time() - start
        wall = time.perf_counter() - wall
        database.close()
    floor = plain_reportlab(data.line_count)
    print(f"renewals report, {data.line_count} agreements in {len(data.months)} months: "
          f"query {queried:.2f} s, layout and PDF {rendered:.2f} s "
          f"({pages} pages, {len(output.getvalue()) / 1e6:.1f} MB), "
          f"total {queried + rendered:.2f} s of CPU ({wall:.2f} s wall clock)")
    print(f"floor, plain reportlab table of {data.line_count} rows: {floor:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
