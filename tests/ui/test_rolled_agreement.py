"""An auto-renewing agreement whose recorded term ended two years ago, as a year-old
register brings in: the list, the search card and the form all show its running term."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement
from contractdesk.services import editing
from contractdesk.services.access import DataAccess
from contractdesk.services.terms import roll_forward, terms_of
from contractdesk.ui.labels import Formats
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import QKeySequence, Qt
from contractdesk.ui.workflow.notice_dialogs import NoticeDialog
from contractdesk.ui.workflow.record_parts import AgreementActions
from tests.conftest import TODAY
from tests.ui.conftest import show_list
from tests.ui.workflow_helpers import child_dialog

RUNNING = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))  # the third term, on TODAY


@pytest.fixture
def rolled(access: DataAccess) -> int:
    """ROLL-7 covering serial ROLL7SN, signed for 2024, rolled twice since."""
    item = access.write(editing.save, "item", None, {
        "description": "Core switch", "serial_number": "ROLL7SN", "quantity": 1})
    record_id = access.write(editing.save, "agreement", None, {
        "contract_number": "ROLL-7", "title": "Switch support", "kind": "maintenance",
        "currency": "EUR", "cost": Decimal("900.00"), "billing_period": "annual",
        "start_date": dt.date(2024, 1, 1), "end_date": dt.date(2024, 12, 31),
        "auto_renew": True, "renewal_term": "P1Y", "notice_period": "P3M",
        "item_ids": [item]})
    assert access.write(roll_forward, TODAY) >= 2
    return record_id


def test_the_list_shows_the_running_term_not_the_signed_one(
        qtbot: QtBot, window: MainWindow, rolled: int) -> None:
    page = show_list(qtbot, window, "agreements")
    qtbot.keyClicks(page.text, "ROLL-7")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    model = page.model
    shown = {name: model.data(model.index(0, model.columns.index(name)))
             for name in ("status", "start_date", "end_date", "notice_deadline")}
    assert shown == {"status": "Expiring", "start_date": Formats.date(RUNNING[0]),
                     "end_date": Formats.date(RUNNING[1]),
                     "notice_deadline": Formats.date(dt.date(2026, 9, 30))}


def test_the_search_card_says_covered_until_the_running_end(
        qtbot: QtBot, window: MainWindow, rolled: int) -> None:
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Find))
    qtbot.keyClicks(window.search, "ROLL7SN")
    qtbot.waitUntil(lambda: "ROLL-7" in window.search_page.answer_text())
    card = window.search_page.answer_text()
    assert Formats.date(RUNNING[1]) in card
    assert "2024" not in card and "Expired" not in card


def test_give_notice_on_the_rolled_agreement_keeps_every_earlier_term(
        qtbot: QtBot, window: MainWindow, access: DataAccess, rolled: int) -> None:
    def history() -> list[tuple[dt.date | None, dt.date | None, dt.date | None]]:
        def read(session: Session) -> list[tuple[dt.date | None, dt.date | None,
                                                 dt.date | None]]:
            agreement = session.get(Agreement, rolled)
            assert agreement is not None
            return [(term.start_date, term.end_date, term.notice_given_on)
                    for term in terms_of(session, agreement)]
        return access.read(read)

    before = history()
    assert [(start, end) for start, end, _ in before] == [
        (dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        (dt.date(2025, 1, 1), dt.date(2025, 12, 31)), RUNNING]
    form = window.open_record("agreement", rolled)
    assert form is not None
    actions = form.workflow
    assert isinstance(actions, AgreementActions)
    assert actions.note.text() == (f"Auto-renewed 2×, current term "
                                   f"{Formats.date(RUNNING[0])} – {Formats.date(RUNNING[1])}")
    qtbot.mouseClick(actions.notice_button, Qt.MouseButton.LeftButton)
    notice = child_dialog(qtbot, form, NoticeDialog)
    qtbot.keyClicks(notice.to, "Reseller renewals desk")
    qtbot.mouseClick(notice.ok_button, Qt.MouseButton.LeftButton)
    assert not notice.isVisible()

    after = history()
    assert after[:2] == before[:2]  # the paid terms untouched
    assert after[2] == (*RUNNING, TODAY)  # the running term is the last, its dates kept
    rows = actions.terms.model.rows
    assert [row["name"] for row in rows] == ["ROLL-7 · 1", "ROLL-7 · 2",
                                             "ROLL-7 · 3  (current, notice given 2026-11-25)"]
