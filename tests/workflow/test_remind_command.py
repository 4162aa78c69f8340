"""``contractdesk remind --notify``, the sign-in run: it tells the reminders new today,
once, and writes nothing to the database but the stages it notified."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from contractdesk.cli import main
from contractdesk.cli.notices import MAX_SEPARATE, Notice
from contractdesk.db.database import Database
from contractdesk.db.models import Agreement, Base, Organization
from contractdesk.db.reminders import ReminderState
from contractdesk.domain.enums import OrgRole
from tests.conftest import TODAY

Snapshot = dict[str, set[tuple[Any, ...]]]


@pytest.fixture
def delivered(monkeypatch: pytest.MonkeyPatch) -> list[list[Notice]]:
    """What reached the system notifications (faked), one list per run."""
    runs: list[list[Notice]] = []
    monkeypatch.setattr("contractdesk.cli.remind_command.today", lambda: TODAY)
    monkeypatch.setattr("contractdesk.cli.remind_command.deliver",
                        lambda notices, _db: runs.append(notices))
    return runs


def add_agreements(database: Database, *ends: dt.date) -> list[int]:
    with database.transaction("cli") as session:
        oem = Organization(name="Cisco", roles=frozenset({OrgRole.OEM}))
        made = [Agreement(contract_number=f"C-{n}", title=f"Support {n}", oem=oem,
                          start_date=dt.date(2026, 1, 1), end_date=end, auto_renew=False,
                          currency="EUR")
                for n, end in enumerate(ends, start=1)]
        session.add_all(made)
        session.flush()
        return [a.id for a in made]


def snapshot(database: Database) -> Snapshot:
    with database.transaction("cli") as session:
        return {table.name: {tuple(row) for row in session.execute(select(table))}
                for table in Base.metadata.sorted_tables}


def changes(before: Snapshot, after: Snapshot) -> dict[str, set[tuple[Any, ...]]]:
    return {name: rows ^ before[name] for name, rows in after.items()
            if rows != before[name]}


def notified(database: Database) -> set[tuple[int, dt.date, int, dt.date | None]]:
    with database.transaction("cli") as session:
        return {(s.agreement_id, s.deadline, s.stage_days, s.last_notified_on)
                for s in session.scalars(select(ReminderState))}


def test_due_reminder_is_notified_once_and_only_its_stage_is_written(
        database: Database, db_target: str, delivered: list[list[Notice]]) -> None:
    # 36 days before the end: the 60-day stage is due; 2027's end is no reminder yet
    due, later = add_agreements(database, dt.date(2026, 12, 31), dt.date(2027, 12, 31))
    before = snapshot(database)

    assert main(["--db", db_target, "remind", "--notify"]) == 0

    (notices,) = delivered
    assert [(n.agreement_id, n.title) for n in notices] == [(due, "Renewal reminder")]
    assert "C-1" in notices[0].text and "2026-12-31" in notices[0].text
    assert notified(database) == {(due, dt.date(2026, 12, 31), 60, TODAY)}
    assert changes(before, snapshot(database)).keys() == {"reminder_state"}
    assert later not in {row[0] for row in notified(database)}

    assert main(["--db", db_target, "remind", "--notify"]) == 0  # signed in again
    assert len(delivered) == 1


def test_without_due_reminders_it_exits_quietly_and_writes_nothing(
        database: Database, db_target: str, delivered: list[list[Notice]],
        capsys: pytest.CaptureFixture[str]) -> None:
    add_agreements(database, dt.date(2027, 12, 31))
    before = snapshot(database)

    assert main(["--db", db_target, "remind", "--notify"]) == 0

    assert delivered == []
    assert capsys.readouterr() == ("", "")
    assert snapshot(database) == before


def test_many_due_reminders_end_in_one_summary(
        database: Database, db_target: str, delivered: list[list[Notice]]) -> None:
    ids = add_agreements(database, *[dt.date(2026, 12, 31)] * (MAX_SEPARATE + 2))

    assert main(["--db", db_target, "remind", "--notify"]) == 0

    (notices,) = delivered
    assert len(notices) == MAX_SEPARATE
    assert [n.agreement_id for n in notices] == [*ids[:MAX_SEPARATE - 1], None]
    assert notices[-1].title == "3 more renewal reminders due"
    assert {row[0] for row in notified(database)} == set(ids)  # all were told


def test_a_database_file_not_made_yet_stays_unmade(
        tmp_path: Path, delivered: list[list[Notice]]) -> None:
    missing = tmp_path / "none.sqlite3"
    assert main(["--db", str(missing), "remind", "--notify"]) == 0
    assert delivered == [] and not missing.exists()


def test_without_notify_it_prints_the_reminders(
        database: Database, db_target: str, delivered: list[list[Notice]],
        capsys: pytest.CaptureFixture[str]) -> None:
    add_agreements(database, dt.date(2026, 11, 20 + 10))
    assert main(["--db", db_target, "remind"]) == 0
    assert capsys.readouterr().out == ("Renewal reminder: C-1: ends on (renew or replace "
                                       "before then) 2026-11-30 (5 days left)\n")
    assert delivered == []
