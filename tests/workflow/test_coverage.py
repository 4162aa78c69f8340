"""Coverage: each device with its running cover, by the rule the search card uses."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy.orm import Session

from contractdesk.cli import main
from contractdesk.db.database import Database
from contractdesk.db.models import Item, Organization
from contractdesk.services.coverage import CoverStatus, item_covers
from contractdesk.services.search import search
from tests.conftest import TODAY
from tests.workflow.conftest import MakeAgreement


@pytest.fixture
def devices(session: Session, oem: Organization, make_agreement: MakeAgreement
            ) -> dict[str, Item]:
    """One device per case: no agreement, expired, ending soon, open-ended, notice
    given but still running, and one whose expired cover was followed by a running one."""
    items = {name: Item(serial_number=name, oem=oem, location="Rack 1") for name in (
        "BARE", "EXPIRED", "ENDING", "OPEN", "NOTICED", "FOLLOWED")}
    session.add_all(items.values())
    make_agreement(end_date=dt.date(2026, 6, 30), items=[items["EXPIRED"],
                                                       items["FOLLOWED"]])
    make_agreement(end_date=TODAY + dt.timedelta(days=20), items=[items["ENDING"]])
    make_agreement(end_date=None, start_date=dt.date(2025, 1, 1), open_ended=True,
                   notice_period="P3M", items=[items["OPEN"]])
    make_agreement(end_date=dt.date(2027, 6, 30), cancelled=True,
                   items=[items["NOTICED"]])
    make_agreement(start_date=dt.date(2026, 7, 1), end_date=dt.date(2028, 6, 30),
                   items=[items["FOLLOWED"]])
    session.flush()
    return items


def test_every_device_gets_its_running_cover_uncovered_first(
        session: Session, devices: dict[str, Item]) -> None:
    covers = item_covers(session, TODAY, within=90)
    found = {c.serial_number: (c.status, c.cover_until) for c in covers}
    assert found == {
        "BARE": (CoverStatus.UNCOVERED, None),
        "EXPIRED": (CoverStatus.UNCOVERED, None),
        "ENDING": (CoverStatus.ENDING, TODAY + dt.timedelta(days=20)),
        "OPEN": (CoverStatus.COVERED, None),
        "NOTICED": (CoverStatus.COVERED, dt.date(2027, 6, 30)),
        "FOLLOWED": (CoverStatus.COVERED, dt.date(2028, 6, 30)),
    }
    assert [c.status for c in covers] == sorted((c.status for c in covers),
                                                key=[*CoverStatus].index)
    assert [c.serial_number for c in item_covers(session, TODAY, uncovered_only=True)] == [
        "BARE", "EXPIRED"]


def test_coverage_agrees_with_the_search_card(session: Session,
                                              devices: dict[str, Item]) -> None:
    for cover in item_covers(session, TODAY):
        (hit,) = search(session, cover.serial_number or "", TODAY).groups["items"]
        running = [c for c in hit.coverage if c.covering]
        assert bool(running) == (cover.status is not CoverStatus.UNCOVERED)
        if running:
            assert cover.covered_by_id == running[0].agreement_id


def test_the_command_line_lists_the_uncovered_as_json(
        database: Database, db_target: str, session: Session, devices: dict[str, Item],
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    session.commit()
    monkeypatch.setattr("contractdesk.cli.coverage_command.today", lambda: TODAY)
    assert main(["--db", db_target, "coverage", "--uncovered", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["today"] == TODAY.isoformat()
    assert [(i["serial_number"], i["status"], i["covered_by"]) for i in document["items"]] == [
        ("BARE", "uncovered", None), ("EXPIRED", "uncovered", None)]
    assert main(["--db", db_target, "coverage", "--oem", "cisco"]) == 0
    text = capsys.readouterr().out
    assert "NOT COVERED" in text and "2 not covered, 1 ending within 90 days, 3 covered" in text
    assert main(["--db", db_target, "coverage", "--oem", "Nokia"]) == 2
