"""How long a scorecard, the risky-supplier flags and SLA parsing take on a busy log.

Run: ``python -m benchmarks.bench_governance [CASES]`` from the repository root.
Adds CASES support cases (default 20,000, spread over two years) to the sample data in
a temporary database and prints timings; nothing is asserted.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from sqlalchemy import insert, select

from contractdesk.db.database import open_database
from contractdesk.db.governance import SupportCase
from contractdesk.db.models import Agreement
from contractdesk.domain.sla import parse_sla, sla_met
from contractdesk.services.governance import risky_supplier_flags
from contractdesk.services.organizations import require_organization
from contractdesk.services.sample import fill_sample
from contractdesk.services.scorecard import scorecard

TODAY = dt.date(2026, 11, 25)


def _timed(label: str, repeat: int, action: Callable[[], object]) -> None:
    start = time.perf_counter()
    for _ in range(repeat):
        action()
    print(f"{label}: {(time.perf_counter() - start) / repeat * 1000:.1f} ms")


def main(cases: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.sqlite3")
        with database.transaction("cli") as session:
            fill_sample(session, TODAY)
            agreements = list(session.scalars(select(Agreement)))
            rng = random.Random(11)
            rows = []
            for _ in range(cases):
                agreement = rng.choice(agreements)
                opened = dt.datetime.combine(TODAY, dt.time(9)) - dt.timedelta(
                    minutes=rng.randrange(2 * 365 * 24 * 60))
                resolved = opened + dt.timedelta(minutes=rng.randrange(30, 3 * 24 * 60))
                rows.append({"agreement_id": agreement.id, "opened_at": opened,
                             "resolved_at": resolved, "called": "reseller",
                             "sla_met": sla_met(agreement.sla, opened, resolved),
                             "sla_met_by_user": False, "notes": "", "version": 1})
            session.execute(insert(SupportCase), rows)
        with database.session("cli") as session:
            for name in ("Computacenter", "Softcat", "Dell Technologies"):
                org = require_organization(session, name)
                card = scorecard(session, org, TODAY)
                _timed(f"scorecard {name} ({card.cases.cases} cases in 12 months)", 5,
                       partial(scorecard, session, org, TODAY))
            _timed("risky supplier flags", 20, lambda: risky_supplier_flags(session, TODAY))
        texts = ["24x7x4", "8x5xNBD", "ProSupport Plus 4h onsite", "gold", "nächster Werktag"]
        _timed("parse 10,000 SLA texts", 1,
               lambda: [parse_sla(texts[i % len(texts)]) for i in range(10_000)])
        database.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
