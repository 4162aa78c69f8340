"""How long the renewals report takes over 5,000 agreements, and the phone list over 20,000.

Run: ``python -m benchmarks.bench_reports [COUNT]``. Prints the time to query, to lay
out and write the PDF, and, as a floor, the time reportlab alone needs for a plain
table with as many rows (built-in font, no database, no wrapping). Times are CPU time
of this process, so a busy machine does not inflate them; the wall clock is shown too.
"""

from __future__ import annotations

import datetime as dt
import io
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle
from sqlalchemy import func, insert, or_, select
from sqlalchemy.orm import Session

from benchmarks.large_database import fill_large
from contractdesk.db.database import open_database
from contractdesk.db.models import Agreement, Organization
from contractdesk.domain.enums import AgreementKind, OrgRole
from contractdesk.reports.data.phone_list import phone_list
from contractdesk.reports.data.renewals import renewals_data
from contractdesk.reports.data.vendor import vendor_summary
from contractdesk.reports.formatting import Formatter
from contractdesk.reports.phone_list import render_phone_list
from contractdesk.reports.renewals import render_renewals
from contractdesk.reports.vendor import render_vendor_summary

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


def _largest_vendor(session: Session) -> tuple[str, int]:
    involved = func.count(Agreement.id)
    row = session.execute(
        select(Organization.name, involved)
        .join(Agreement, or_(Agreement.oem_id == Organization.id,
                             Agreement.reseller_id == Organization.id))
        .group_by(Organization.name).order_by(involved.desc()).limit(1)).one()
    return row[0], row[1]


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


def _child(job: Callable[[], int], answer: Connection) -> None:
    """Runs ``job`` in a fresh process: its CPU time and peak RSS are the job's alone."""
    start = time.process_time()
    rows = job()
    answer.send((rows, time.process_time() - start, peak_rss_mb()))


def _measured(job: Callable[[], int]) -> tuple[int, float, float]:
    receive, send = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_child, args=(job, send))
    child.start()
    result: tuple[int, float, float] = receive.recv()
    child.join()
    return result


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _phone_list(path: Path) -> int:
    database = open_database(path)
    with database.session("cli") as session:
        data = phone_list(session, TODAY)
    render_phone_list(data, io.BytesIO(), Formatter.for_locale("en_GB"), dt.datetime.now())
    database.close()
    return len(data.lines)


def _plain_rows(rows: int) -> int:
    plain_reportlab(rows)
    return rows


def _against_plain_table(label: str, work: Callable[[Path], int], path: Path,
                         target: str = "") -> None:
    """``work`` on the database at ``path``, time and peak memory as ratios to a plain
    reportlab table of as many rows as it reports, each in its own process."""
    rows, cpu, peak = _measured(partial(work, path))
    _, floor_cpu, floor_peak = _measured(partial(_plain_rows, rows))
    print(f"{label}, {rows} rows: {cpu:.2f} s CPU ({cpu / floor_cpu:.1f}x the floor's "
          f"{floor_cpu:.2f} s), peak RSS {peak:.0f} MB ({peak / floor_peak:.1f}x the floor's "
          f"{floor_peak:.0f} MB{target})")


def _vendor_summary(path: Path) -> int:
    database = open_database(path)
    with database.session("cli") as session:
        name, _ = _largest_vendor(session)
        summary = vendor_summary(session, name, TODAY)
    pages = render_vendor_summary(summary, io.BytesIO(), Formatter.for_locale("en_GB"),
                                  dt.datetime.now())
    database.close()
    print(f"vendor summary of {name}: {len(summary.agreements)} agreements, "
          f"{len(summary.purchases)} purchases, {pages} pages", flush=True)
    return len(summary.agreements) + len(summary.purchases)


def large_database_benches() -> None:
    """The vendor summary of the largest vendor and the phone list of the 20,000-agreement
    database, filled once for both (``BENCH_DB`` reuses one)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(os.environ.get("BENCH_DB") or Path(folder) / "large.sqlite3")
        if not path.exists():
            fill_large(path, today=TODAY)
        _against_plain_table("vendor summary, largest vendor (agreements and purchases)",
                             _vendor_summary, path)
        _against_plain_table("phone list, 20,000 agreements (lines)", _phone_list, path,
                             "; target < 400 MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
    large_database_benches()
