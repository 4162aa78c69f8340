"""How long the start page's questions take on a large register.

Run: ``python -m benchmarks.bench_reminders [AGREEMENTS]`` (default 20000). Prints the
seconds for due reminders, the renewals list, a day's notifications and the calendar.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert

from contractdesk.db.database import open_database
from contractdesk.db.models import Agreement, Organization
from contractdesk.services.calendar import calendar_for
from contractdesk.services.reminders import due_reminders, take_notifications
from contractdesk.services.renewals import renewals

TODAY = dt.date(2026, 11, 25)


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.sqlite3")
        with database.transaction("bench") as session:
            oem = Organization(name="Bench OEM")
            session.add(oem)
            session.flush()
            rows = [{"contract_number": f"B-{n:06d}", "title": "", "oem_id": oem.id,
                     "currency": "EUR", "cost": Decimal("100.00"), "version": 1,
                     "kind": "maintenance", "auto_renew": n % 3 == 0, "cancelled": False,
                     "notes": "", "notice_period": "P90D" if n % 2 else None,
                     "renewal_term": "P1Y" if n % 3 == 0 else None,
                     "start_date": TODAY - dt.timedelta(days=800 - n % 700),
                     "end_date": TODAY + dt.timedelta(days=n % 900 - 400)}
                    for n in range(count)]
            session.execute(insert(Agreement), rows)
        with database.transaction("bench") as session:
            for label, work in (
                    ("due_reminders", lambda: len(due_reminders(session, TODAY))),
                    ("renewals 90 days", lambda: len(renewals(session, TODAY))),
                    ("take_notifications", lambda: len(take_notifications(session, TODAY))),
                    ("calendar (renewals)", lambda: len(calendar_for(
                        session, renewals(session, TODAY)))),
            ):
                started = time.perf_counter()
                result = work()
                print(f"{label:<22} {time.perf_counter() - started:6.2f} s  ({result})")
        database.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
