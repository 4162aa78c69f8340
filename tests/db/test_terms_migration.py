"""Terms as records: a database of the previous release migrates to terms, and two
writers rolling the same agreements forward at once write each term once."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from contractdesk.db.database import Database, open_database
from contractdesk.db.models import Agreement, AgreementTerm
from contractdesk.domain.enums import TermOrigin
from contractdesk.services import records
from contractdesk.services.terms import roll_forward_database, terms_of

PREVIOUS_RELEASE = (Path(__file__).parent.parent / "data" / "previous_release"
                    / "release-0004-sample-and-registers.sqlite3")


def _recorded(path: Path) -> dict[int, tuple[str | None, str | None, int | None, bool, bool]]:
    with sqlite3.connect(path) as conn:
        return {row[0]: row[1:] for row in conn.execute(
            "SELECT id, start_date, end_date, cost, auto_renew, cancelled FROM agreement")}


def _notices(path: Path) -> dict[int, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT agreement_id, max(sent_on) FROM notice "
                                 "GROUP BY agreement_id").fetchall())


def test_a_previous_release_database_gets_terms_and_rolls_to_today(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(PREVIOUS_RELEASE, path)
    with sqlite3.connect(path) as conn:  # notice recorded on the cancelled ones
        conn.execute("INSERT INTO notice (agreement_id, sent_on, sent_to, method, notes) "
                     "SELECT id, '2026-05-01', 'Account manager', 'email', '' "
                     "FROM agreement WHERE cancelled")
    before = _recorded(path)
    noticed = _notices(path)
    today = dt.date.today()
    database = open_database(path)
    try:
        roll_forward_database(database, today)
        with database.session("cli") as session:
            agreements = session.scalars(select(Agreement)).all()
            assert {a.id for a in agreements} == set(before)
            rolled = 0
            for agreement in agreements:
                history = terms_of(session, agreement)
                start, end, cost, auto_renew, cancelled = before[agreement.id]
                first = history[0]
                # the recorded term is kept as the first term, unchanged
                assert (first.start_date and first.start_date.isoformat(),
                        first.end_date and first.end_date.isoformat()) == (start, end)
                assert first.cost == (None if cost is None else Decimal(cost) / 100)
                current = history[-1]
                assert (current.start_date, current.end_date, current.cost) == (
                    agreement.start_date, agreement.end_date, agreement.cost)
                if len(history) > 1:
                    rolled += 1
                    assert auto_renew and not cancelled
                    assert all(t.origin is TermOrigin.AUTO_RENEWED for t in history[1:])
                    assert current.start_date is not None and current.end_date is not None
                    assert current.start_date <= today <= current.end_date
                    assert agreement.rolled_over == len(history) - 1
                if cancelled and agreement.id in noticed:
                    assert current.notice_given_on == dt.date.fromisoformat(
                        noticed[agreement.id])
                elif not cancelled:
                    assert current.notice_given_on is None
            # the fixture holds year-old registers: several agreements must have rolled
            assert rolled >= 3
            assert noticed
    finally:
        database.close()


def test_two_writers_rolling_at_once_write_each_term_once(database: Database) -> None:
    with database.transaction("ui") as session:
        for number in range(20):
            records.create(session, Agreement, contract_number=f"R-{number}",
                           currency="EUR", cost=Decimal("100.00"), auto_renew=True,
                           renewal_term="P1M", start_date=dt.date(2024, 1, 1),
                           end_date=dt.date(2024, 1, 31))
    today = dt.date(2026, 6, 15)
    second = open_database(database.url.render_as_string(hide_password=False)
                           if database.path is None else database.path)
    results: list[int] = []
    barrier = threading.Barrier(2)

    def roll(target: Database) -> None:
        barrier.wait()
        results.append(roll_forward_database(target, today))

    try:
        threads = [threading.Thread(target=roll, args=(target,))
                   for target in (database, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        second.close()
    with database.session("cli") as session:
        counts = session.execute(select(AgreementTerm.agreement_id, func.count())
                                 .group_by(AgreementTerm.agreement_id)).all()
        # Feb 2024 … Jun 2026 is 29 monthly terms after the first
        assert {count for _, count in counts} == {30}
        assert sorted(results) == [0, 20 * 29]  # one wrote them all, the other nothing
        ends = set(session.scalars(select(Agreement.end_date)))
        assert ends == {dt.date(2026, 6, 30)}
