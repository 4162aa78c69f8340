"""Undo and Redo of the window's other actions: a new record, Give notice, Snooze, a
governance record, and Redo from the keyboard. Each checks what the Edit menu says and
what the database holds after Undo and after Redo."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contractdesk.db.governance import Review, Risk
from contractdesk.db.models import Agreement, AgreementTerm, Document, Organization
from contractdesk.db.reminders import NoticeRecord, ReminderState
from contractdesk.domain.reminders import NoticeMethod
from contractdesk.services.access import DataAccess
from contractdesk.ui.forms.fields import ChoiceField, IntField, TextField
from contractdesk.ui.forms.record_dialog import RecordDialog
from contractdesk.ui.governance.install import tab_of
from contractdesk.ui.governance.record_tabs import ReviewsTab
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.pages.list_page import ListPage
from contractdesk.ui.qt import QKeySequence, Qt
from contractdesk.ui.workflow.common import Ask
from contractdesk.ui.workflow.notice_dialogs import NoticeDialog
from tests.conftest import TODAY
from tests.ui.conftest import DialogLog, show_list
from tests.ui.test_agreement_actions import _actions
from tests.ui.test_undo import _ctrl_z, _read, _undo_text
from tests.ui.workflow_helpers import (
    agreement_id,
    child_dialog,
    open_agreement,
    reminder_names,
    reminders_panel,
    select_reminder,
)

LEFT = Qt.MouseButton.LeftButton


def _redo_text(window: MainWindow) -> str:
    return window.menu_actions["redo"].text().replace("&", "")


def _redo_key(qtbot: QtBot, window: MainWindow) -> None:
    """The platform's Redo shortcut (QKeySequence.StandardKey.Redo), typed."""
    redo = QKeySequence(QKeySequence.StandardKey.Redo)
    assert window.menu_actions["redo"].shortcut() == redo
    qtbot.keySequence(window, redo)


def _type(qtbot: QtBot, field: object, text: str) -> None:
    assert isinstance(field, TextField)
    field.edit.clear()
    qtbot.keyClicks(field.edit, text)


def _titles(page: ListPage) -> list[str]:
    model = page.model
    return [str(model.index(row, column).data()) for row in range(model.rowCount())
            for column in range(model.columnCount())]


def _agreements_titled(title: str, session: Session) -> list[Any]:
    return list(session.execute(select(Agreement.__table__).where(
        Agreement.title == title)).all())


def test_a_new_agreement_is_undone_from_the_list_and_the_database_and_redone(
        qtbot: QtBot, window: MainWindow, access: DataAccess, dialogs: DialogLog) -> None:
    title = "Core switch support (undo test)"
    page = show_list(qtbot, window, "agreements")
    count = _read(access, lambda s: s.scalar(select(func.count(Agreement.id))))
    window.menu_actions["new_agreement"].trigger()
    dialog = window.dialogs[-1]
    assert isinstance(dialog, RecordDialog) and dialog.kind == "agreement"
    _type(qtbot, dialog.form.fields["title"], title)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible() and not dialogs.errors
    created = _read(access, partial(_agreements_titled, title))
    assert len(created) == 1
    terms = _read(access, lambda s: s.execute(select(AgreementTerm.__table__).where(
        AgreementTerm.agreement_id == created[0].id)).all())
    qtbot.waitUntil(lambda: title in _titles(page))
    assert _undo_text(window) == f"Undo Create agreement {title}"

    _ctrl_z(qtbot, window)
    assert _read(access, partial(_agreements_titled, title)) == []
    assert _read(access, lambda s: s.scalar(select(func.count(Agreement.id)))) == count
    qtbot.waitUntil(lambda: title not in _titles(page))
    assert _redo_text(window) == f"Redo Create agreement {title}"

    window.menu_actions["redo"].trigger()
    assert _read(access, partial(_agreements_titled, title)) == created  # the same id
    assert _read(access, lambda s: s.execute(select(AgreementTerm.__table__).where(
        AgreementTerm.agreement_id == created[0].id)).all()) == terms
    qtbot.waitUntil(lambda: title in _titles(page))


def _notice_state(number: str, access: DataAccess, session: Session) -> tuple[Any, ...]:
    found = agreement_id(access, number)
    return (session.execute(select(Agreement.__table__).where(Agreement.id == found)).one(),
            session.execute(select(NoticeRecord.__table__).where(
                NoticeRecord.agreement_id == found)).all(),
            session.execute(select(Document.__table__).where(
                Document.agreement_id == found)).all())


def test_give_notice_is_undone_with_its_letter_and_redone(
        qtbot: QtBot, window: MainWindow, access: DataAccess, dialogs: DialogLog,
        tmp_path: Path) -> None:
    number = "VEEAM-DP-1187"
    letter = tmp_path / "notice VEEAM.pdf"
    letter.write_bytes(b"%PDF-1.4 we hereby give notice")
    state = partial(_notice_state, number, access)
    before = _read(access, state)
    assert not before[0].cancelled and before[1] == [] and before[2] == []
    form = open_agreement(window, access, number)
    qtbot.mouseClick(_actions(form).notice_button, LEFT)
    notice = child_dialog(qtbot, form, NoticeDialog)
    qtbot.keyClicks(notice.to, "Bechtle renewals desk")
    notice.how.setCurrentIndex(notice.how.findData(NoticeMethod.LETTER))
    qtbot.keyClicks(notice.letter, str(letter))
    qtbot.mouseClick(notice.ok_button, LEFT)
    assert not notice.isVisible()
    given = _read(access, state)
    assert given[0].cancelled and [r.sent_to for r in given[1]] == ["Bechtle renewals desk"]
    assert [d.file_name for d in given[2]] == ["notice VEEAM.pdf"]
    assert _undo_text(window) == f"Undo Give notice on {number}"
    form.close()

    window.menu_actions["undo"].trigger()
    assert not dialogs.errors
    assert _read(access, state) == before
    window.menu_actions["redo"].trigger()
    assert not dialogs.errors
    assert _read(access, state) == given  # the same notice and letter rows, by id


def _reminder_state(number: str, access: DataAccess, session: Session) -> list[Any]:
    return list(session.execute(select(ReminderState.__table__).where(
        ReminderState.agreement_id == agreement_id(access, number))).all())


def test_snooze_is_undone_and_the_reminder_comes_back(
        qtbot: QtBot, window: MainWindow, access: DataAccess,
        monkeypatch: pytest.MonkeyPatch) -> None:
    number = "VEEAM-DP-1187"
    until = TODAY + dt.timedelta(days=3)
    monkeypatch.setattr(Ask, "snooze_until", staticmethod(lambda *_args: until))
    state = partial(_reminder_state, number, access)
    before = _read(access, state)
    panel = reminders_panel(qtbot, window)
    select_reminder(panel, number)
    qtbot.mouseClick(panel.snooze_button, LEFT)
    qtbot.waitUntil(lambda: number not in reminder_names(panel))
    snoozed = _read(access, state)
    assert [row.snoozed_until for row in snoozed] == [until]
    assert _undo_text(window) == f"Undo Snooze {number}"

    window.menu_actions["undo"].trigger()
    assert _read(access, state) == before
    qtbot.waitUntil(lambda: number in reminder_names(panel))
    window.menu_actions["redo"].trigger()
    assert _read(access, state) == snoozed
    qtbot.waitUntil(lambda: number not in reminder_names(panel))


def _bechtle(session: Session) -> tuple[Any, ...]:
    found = session.scalars(select(Organization.id).where(
        Organization.name == "Bechtle")).one()
    return (session.execute(select(Organization.__table__).where(
                Organization.id == found)).one(),
            session.execute(select(Review.__table__).where(
                Review.organization_id == found).order_by(Review.id)).all())


def test_a_review_from_the_organization_form_is_undone_with_its_next_review(
        qtbot: QtBot, window: MainWindow, access: DataAccess, dialogs: DialogLog) -> None:
    before = _read(access, _bechtle)
    dialog = window.edit_record("organization", before[0].id)
    reviews = tab_of(dialog, ReviewsTab)
    assert reviews is not None
    review = reviews.review()
    _type(qtbot, review.fields["reviewer"], "A. Tester")
    _type(qtbot, review.fields["next_review"], "2027-11-30")
    qtbot.mouseClick(review.save_button, LEFT)
    done = _read(access, _bechtle)
    assert done[0].next_review == dt.date(2027, 11, 30)
    assert [r.reviewer for r in done[1][len(before[1]):]] == ["A. Tester"]
    assert _undo_text(window) == "Undo Complete review of Bechtle"
    dialog.close()

    window.menu_actions["undo"].trigger()
    assert not dialogs.errors
    assert _read(access, _bechtle) == before  # review gone, next review date back
    window.menu_actions["redo"].trigger()
    assert _read(access, _bechtle) == done


def _pick(field: object, text: str) -> None:
    assert isinstance(field, ChoiceField)
    index = field.combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, f"{text!r} not offered"
    field.combo.setCurrentIndex(index)


def _risks(session: Session) -> list[Any]:
    return list(session.execute(select(Risk.__table__).order_by(Risk.id)).all())


def test_a_risk_from_the_register_is_undone_and_redone_by_keyboard(
        qtbot: QtBot, window: MainWindow, access: DataAccess, dialogs: DialogLog) -> None:
    before = _read(access, _risks)
    page = window.governance.show_risks()
    qtbot.mouseClick(page.new_button, LEFT)
    dialog = page.dialog
    assert dialog is not None
    _pick(dialog.fields["organization_id"], "Bechtle")
    qtbot.keyClicks(dialog.fields["description"].widget, "Only one Dell engineer left.")
    likelihood = dialog.fields["likelihood"]
    assert isinstance(likelihood, IntField)
    likelihood.spin.setValue(4)
    _type(qtbot, dialog.fields["owner"], "M. Brandt")
    qtbot.mouseClick(dialog.save_button, LEFT)
    saved = _read(access, _risks)
    assert [r.owner for r in saved[len(before):]] == ["M. Brandt"]
    assert _undo_text(window) == "Undo New risk for Bechtle"
    dialog.close()
    window.activateWindow()

    _ctrl_z(qtbot, window)
    assert not dialogs.errors
    assert _read(access, _risks) == before
    assert _redo_text(window) == "Redo New risk for Bechtle"
    _redo_key(qtbot, window)
    assert _read(access, _risks) == saved
    assert _undo_text(window) == "Undo New risk for Bechtle"
