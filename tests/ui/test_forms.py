from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from contractdesk.db.models import Agreement, Change
from contractdesk.domain.enums import NoticeAnchor, NoticeForm
from contractdesk.services.access import DataAccess
from contractdesk.ui.forms.fields import BoolField, ChoiceField, NotesField, TextField
from contractdesk.ui.forms.record_dialog import RecordDialog
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import QPoint, Qt
from tests.ui.conftest import DialogLog


def _text(dialog: RecordDialog, name: str) -> TextField:
    field = dialog.form.fields[name]
    assert isinstance(field, TextField)
    return field


def _agreement(access: DataAccess, number: str) -> Agreement | None:
    with access.database.session("cli") as session:
        return session.scalars(select(Agreement).where(
            Agreement.contract_number == number)).first()


def test_create_an_agreement_by_typing_into_the_form(qtbot: QtBot, window: MainWindow,
                                                     access: DataAccess) -> None:
    dialog = window.new_record("agreement")
    qtbot.keyClicks(_text(dialog, "contract_number").edit, "NEW-2026-1")
    qtbot.keyClicks(_text(dialog, "title").edit, "Storage support")
    oem = dialog.form.fields["oem_id"]
    assert isinstance(oem, ChoiceField)
    oem.combo.setCurrentIndex(oem.combo.findText("Dell Technologies"))
    qtbot.keyClicks(_text(dialog, "start_date").edit, "01.03.2025")
    qtbot.keyClicks(_text(dialog, "end_date").edit, "2026-02-28")
    qtbot.keyClicks(_text(dialog, "notice_period").edit, "P8W")
    # it does not renew yet: no notice is due, whatever the period
    assert dialog.form.deadline.text() == (
        "Ends 28 Feb 2026; it does not renew: renew or replace it before then.")
    renews = dialog.form.fields["auto_renew"]
    assert isinstance(renews, BoolField)
    qtbot.mouseClick(renews.box, Qt.MouseButton.LeftButton,
                     pos=renews.box.rect().bottomLeft() + QPoint(4, -4))
    assert dialog.form.deadline.text() == (
        "Ends 28 Feb 2026 (renews for a term as long again) unless notice is given. "
        "8 weeks before the end of the term: notice must arrive by Sat 3 Jan 2026 "
        "(a Saturday). The last working day: act by Fri 2 Jan 2026.")
    qtbot.keyClicks(_text(dialog, "cost").edit, "1.234,50")
    assert _text(dialog, "currency").edit.text() == "EUR"  # the default currency
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = _agreement(access, "NEW-2026-1")
    assert saved is not None
    assert saved.title == "Storage support"
    assert saved.oem_id is not None
    assert (saved.start_date, saved.end_date) == (dt.date(2025, 3, 1), dt.date(2026, 2, 28))
    assert saved.notice_period == "P8W" and saved.auto_renew
    assert saved.cost == Decimal("1234.50")
    assert not dialog.isVisible()


def test_problems_are_shown_next_to_the_field_as_you_type(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    dialog = window.new_record("agreement")
    assert "contract number or a title" in dialog.form.errors["contract_number"].text()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(_text(dialog, "title").edit, "Anything")
    qtbot.keyClicks(_text(dialog, "start_date").edit, "2026-05-01")
    qtbot.keyClicks(_text(dialog, "end_date").edit, "2026-04-01")
    assert "before start date" in dialog.form.errors["end_date"].text()
    assert not dialog.form.errors["end_date"].isHidden()
    _text(dialog, "currency").edit.clear()
    qtbot.keyClicks(_text(dialog, "currency").edit, "EUX")
    assert "not an ISO 4217" in dialog.form.errors["currency"].text()
    _text(dialog, "start_date").edit.clear()
    qtbot.keyClicks(_text(dialog, "start_date").edit, "31.02.2026")
    assert "is not a valid date" in dialog.form.errors["start_date"].text()
    assert not dialog.save_button.isEnabled()


def test_edit_then_undo_and_redo(qtbot: QtBot, window: MainWindow,
                                 access: DataAccess) -> None:
    before = _agreement(access, "MS-EA-2024")
    assert before is not None
    dialog = window.open_record("agreement", before.id)
    assert dialog is not None
    title = _text(dialog, "title").edit
    title.selectAll()
    qtbot.keyClicks(title, "Microsoft 365 E5 x 120")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    edited = _agreement(access, "MS-EA-2024")
    assert edited is not None and edited.title == "Microsoft 365 E5 x 120"

    window.menu_actions["undo"].trigger()
    undone = _agreement(access, "MS-EA-2024")
    assert undone is not None and undone.title == "Microsoft 365 E3 x 120"
    window.menu_actions["redo"].trigger()
    redone = _agreement(access, "MS-EA-2024")
    assert redone is not None and redone.title == "Microsoft 365 E5 x 120"

    again = window.open_record("agreement", before.id)
    assert again is not None
    history = again.history_model.rows
    assert [row["field"] for row in history[:3]] == ["Title"] * 3
    assert history[0]["new_value"] == "Microsoft 365 E5 x 120"
    assert [row["source"] for row in history[:3]] == ["redo", "undo", "ui"]


def test_covered_items_are_edited_by_serial(qtbot: QtBot, window: MainWindow,
                                            access: DataAccess) -> None:
    record = _agreement(access, "MS-TEAMS-PH")
    assert record is not None
    dialog = window.open_record("agreement", record.id)
    assert dialog is not None
    editor = dialog.form.fields["item_ids"]
    qtbot.keyClicks(editor.serial, "5CD4120XYZ")  # type: ignore[attr-defined]
    qtbot.keyClick(editor.serial, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    qtbot.keyClicks(editor.serial, "NO-SUCH-SERIAL")  # type: ignore[attr-defined]
    qtbot.keyClick(editor.serial, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert "No item has serial number" in editor.message.text()  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with access.database.session("cli") as session:
        saved = session.get(Agreement, record.id)
        assert saved is not None
        assert saved.serial_numbers == ["5CD4120XYZ"]


def test_delete_names_what_depends_on_it(window: MainWindow, access: DataAccess,
                                         dialogs: DialogLog) -> None:
    record = _agreement(access, "HPE-NS-700123")  # renewed by HPE-NS-700124
    assert record is not None
    dialog = window.open_record("agreement", record.id)
    assert dialog is not None
    dialogs.answer = False
    dialog.delete()
    assert "1 renewals" in dialogs.confirmations[-1]
    assert _agreement(access, "HPE-NS-700123") is not None
    dialogs.answer = True
    dialog.delete()
    assert _agreement(access, "HPE-NS-700123") is None
    with access.database.session("cli") as session:
        assert session.scalars(select(Change).where(Change.entity == "agreement",
                                                    Change.entity_id == record.id,
                                                    Change.action == "delete")).first()


def test_a_clause_typed_in_words_fills_the_fields_and_explains_the_deadline(
        qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    dialog = window.new_record("agreement")
    qtbot.keyClicks(_text(dialog, "contract_number").edit, "MIN-24")
    qtbot.keyClicks(_text(dialog, "start_date").edit, "01.01.2025")
    clause = dialog.form.fields["notice_clause"]
    assert isinstance(clause, NotesField)
    assert not dialog.form.apply_clause.isEnabled()
    clause.edit.setPlainText("Mindestlaufzeit 24 Monate, verlängert sich danach um jeweils "
                             "12 Monate, Kündigungsfrist 3 Monate zum Quartalsende, "
                             "schriftlich")
    assert dialog.form.clause_reading.text().startswith("Reads as: notice period 3 months")
    qtbot.mouseClick(dialog.form.apply_clause, Qt.MouseButton.LeftButton)
    assert _text(dialog, "initial_term").edit.text() == "24 months"
    assert _text(dialog, "renewal_term").edit.text() == "12 months"
    assert dialog.form.fields["auto_renew"].value() is True
    assert dialog.form.fields["notice_anchor"].value() == NoticeAnchor.QUARTER_END
    assert dialog.form.fields["notice_form"].value() == NoticeForm.WRITTEN
    assert not dialog.form.apply_clause.isEnabled()  # nothing left to apply
    assert dialog.form.deadline.text().startswith(
        "Ends 31 Dec 2026 (24 months from 1 Jan 2025, then yearly) unless notice is "
        "given. 3 months to the end of a quarter: notice must arrive by Wed 30 Sep 2026.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = _agreement(access, "MIN-24")
    assert saved is not None
    assert (saved.end_date, saved.notice_anchor, saved.notice_clause) == (
        dt.date(2026, 12, 31), NoticeAnchor.QUARTER_END, clause.value())


def test_a_period_in_words_is_read_and_one_saying_more_is_refused(
        qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.new_record("agreement")
    notice = _text(dialog, "notice_period")
    qtbot.keyClicks(notice.edit, "drei Monate")
    assert notice.value() == "P3M"
    assert dialog.form.errors["notice_period"].text() == ""
    notice.edit.setText("3 Monate zum Quartalsende")
    assert "clause field" in dialog.form.errors["notice_period"].text()
