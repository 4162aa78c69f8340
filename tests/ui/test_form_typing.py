"""Forms as people type (issue 17.3, 17.4, 17.7): Enter in a sub-field acts on it alone,
messages never move the fields below, and values are read and shown as people write
them, with the importer's parsers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from contractdesk.db.models import Agreement, Purchase
from contractdesk.services.access import DataAccess
from contractdesk.ui.forms.fields import TextField
from contractdesk.ui.forms.items_editor import ItemsEditor
from contractdesk.ui.forms.record_dialog import RecordDialog
from contractdesk.ui.labels import Formats
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import QApplication, QLineEdit, Qt
from tests.ui.conftest import show_list


def _text(dialog: RecordDialog, name: str) -> TextField:
    field = dialog.form.fields[name]
    assert isinstance(field, TextField)
    return field


def _agreement(access: DataAccess, number: str) -> Agreement:
    with access.database.session("cli") as session:
        return session.scalars(select(Agreement).where(
            Agreement.contract_number == number)).one()


def _serials(access: DataAccess, number: str) -> list[str]:
    with access.database.session("cli") as session:
        return list(session.scalars(select(Agreement).where(
            Agreement.contract_number == number)).one().serial_numbers)


def _type(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Types ``text`` key by key; QTest has no key for "€" or "£", so those are inserted
    at the cursor as a keyboard layout with them would."""
    for character in text:
        if character.isascii():
            qtbot.keyClicks(edit, character)
        else:
            edit.insert(character)


def _save(qtbot: QtBot, dialog: RecordDialog) -> None:
    assert dialog.save_button.isEnabled(), dialog.form.problems
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_enter_in_the_serial_field_adds_the_serial_and_keeps_the_dialog(
        qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    record = _agreement(access, "MS-TEAMS-PH")
    dialog = window.open_record("agreement", record.id)
    assert dialog is not None
    dialog.activateWindow()
    editor = dialog.form.fields["item_ids"]
    assert isinstance(editor, ItemsEditor)
    editor.serial.setFocus()
    for serial in ("5CD4120XYZ", "5CD4120XZA"):
        qtbot.keyClicks(editor.serial, serial)
        qtbot.keyClick(editor.serial, Qt.Key.Key_Return)
        assert dialog.isVisible()  # not saved and closed
        assert editor.serial.text() == ""  # added, ready for the next one
    qtbot.keyClick(editor.serial, Qt.Key.Key_Enter)  # empty: nothing to add, no save
    assert dialog.isVisible()
    assert [editor.list.item(row).text().split(" · ")[0]
            for row in range(editor.list.count())] == ["5CD4120XYZ", "5CD4120XZA"]
    assert _serials(access, "MS-TEAMS-PH") == []  # nothing saved yet
    _save(qtbot, dialog)
    assert _serials(access, "MS-TEAMS-PH") == ["5CD4120XYZ", "5CD4120XZA"]


def test_enter_in_an_ordinary_field_still_saves(qtbot: QtBot, window: MainWindow,
                                                access: DataAccess) -> None:
    dialog = window.new_record("agreement")
    qtbot.keyClicks(_text(dialog, "contract_number").edit, "ENTER-1")
    qtbot.keyClick(_text(dialog, "contract_number").edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert _agreement(access, "ENTER-1").contract_number == "ENTER-1"


def test_a_message_appearing_does_not_move_the_fields_below(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    dialog = window.new_record("agreement")
    qtbot.waitExposed(dialog)
    form = dialog.form
    below = {name: form.fields[name].widget for name in ("end_date", "initial_term",
                                                         "notes", "item_ids")}
    QApplication.processEvents()
    before = {name: widget.mapTo(form, widget.rect().topLeft()).y()
              for name, widget in below.items()}
    assert form.errors["start_date"].text() == ""
    qtbot.keyClicks(_text(dialog, "start_date").edit, "31.02.2026")
    form.fields["notice_clause"].set_value("Kündigungsfrist 3 Monate zum Quartalsende")
    QApplication.processEvents()
    assert "not a valid date" in form.errors["start_date"].text()
    assert form.errors["start_date"].toolTip() == form.errors["start_date"].text()
    assert form.clause_reading.text().startswith("Reads as")
    after = {name: widget.mapTo(form, widget.rect().topLeft()).y()
             for name, widget in below.items()}
    assert after == before


def test_periods_are_typed_and_shown_in_words(qtbot: QtBot, window: MainWindow,
                                              access: DataAccess) -> None:
    dialog = window.new_record("agreement")
    qtbot.keyClicks(_text(dialog, "contract_number").edit, "WORDS-1")
    for name, typed in (("notice_period", "3 months"), ("initial_term", "1 year"),
                        ("renewal_term", "90 days")):
        qtbot.keyClicks(_text(dialog, name).edit, typed)
        assert dialog.form.errors[name].text() == ""
    _save(qtbot, dialog)
    saved = _agreement(access, "WORDS-1")
    assert (saved.notice_period, saved.initial_term, saved.renewal_term) == (
        "P3M", "P1Y", "P90D")

    again = window.open_record("agreement", saved.id)
    assert again is not None
    assert [_text(again, name).edit.text() for name in
            ("notice_period", "initial_term", "renewal_term")] == [
        "3 months", "1 year", "90 days"]
    notice = _text(again, "notice_period").edit
    notice.clear()
    qtbot.keyClicks(notice, "3 Monate")
    assert again.form.errors["notice_period"].text() == ""
    notice.clear()
    qtbot.keyClicks(notice, "8 weeks")
    _save(qtbot, again)
    assert _agreement(access, "WORDS-1").notice_period == "P8W"

    history = window.open_record("agreement", saved.id)
    assert history is not None
    change = next(row for row in history.history_model.rows
                  if row["field"] == "Notice period")
    assert (change["old_value"], change["new_value"]) == ("3 months", "8 weeks")
    created = next(row for row in history.history_model.rows if row["action"] == "created")
    assert "Notice period: 3 months" in created["new_value"]
    assert "P3M" not in created["new_value"]


def test_periods_in_lists_follow_the_locale(qtbot: QtBot, window: MainWindow) -> None:
    page = show_list(qtbot, window, "agreements")
    column = page.model.columns.index("notice_period")
    shown = {page.model.index(row, column).data() for row in range(page.model.rowCount())}
    assert "90 days" in shown and not any(text.startswith("P") for text in shown if text)
    assert Formats.period("P3M") == "3 months"
    previous = Formats.locale_name
    Formats.locale_name = "de_DE"
    try:
        assert Formats.period("P3M") == "3 Monate"
        assert Formats.period("P1Y1W") == "1 Jahr 1 Woche"
    finally:
        Formats.locale_name = previous


def test_money_as_people_write_it_and_the_currency_it_names(
        qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    dialog = window.new_record("agreement")
    qtbot.keyClicks(_text(dialog, "contract_number").edit, "MONEY-1")
    cost = _text(dialog, "cost").edit
    for typed, value in (("12.500,00 €", Decimal("12500.00")),
                         ("12,500.00 EUR", Decimal("12500.00")),
                         ("4250", Decimal("4250"))):
        cost.clear()
        _type(qtbot, cost, typed)
        assert dialog.form.errors["cost"].text() == "", typed
        assert dialog.form.fields["cost"].value() == value
    cost.clear()
    _type(qtbot, cost, "£4,250.00")  # the default currency was only a suggestion
    assert _text(dialog, "currency").edit.text() == "GBP"
    assert dialog.form.errors["cost"].text() == ""
    _save(qtbot, dialog)
    saved = _agreement(access, "MONEY-1")
    assert (saved.cost, saved.currency) == (Decimal("4250.00"), "GBP")

    again = window.open_record("agreement", saved.id)
    assert again is not None
    cost = _text(again, "cost").edit
    assert cost.text() == "4,250.00"
    cost.clear()
    qtbot.keyClicks(cost, "4250 EUR")  # a chosen currency is not changed silently
    assert _text(again, "currency").edit.text() == "GBP"
    assert "in EUR, but the currency is GBP" in again.form.errors["cost"].text()
    assert not again.save_button.isEnabled()


def test_a_purchase_total_with_a_code_sets_its_currency(qtbot: QtBot, window: MainWindow,
                                                         access: DataAccess) -> None:
    dialog = window.new_record("purchase")
    qtbot.keyClicks(_text(dialog, "po_number").edit, "PO-GBP-1")
    qtbot.keyClicks(_text(dialog, "total").edit, "4250 GBP")
    _save(qtbot, dialog)
    with access.database.session("cli") as session:
        saved = session.scalars(select(Purchase).where(Purchase.po_number == "PO-GBP-1")
                                ).one()
        assert (saved.total, saved.currency) == (Decimal("4250.00"), "GBP")


def test_dates_as_typed_and_an_ambiguous_one_is_asked(qtbot: QtBot, window: MainWindow,
                                                      access: DataAccess) -> None:
    dialog = window.new_record("agreement")
    qtbot.keyClicks(_text(dialog, "contract_number").edit, "DATES-1")
    start = _text(dialog, "start_date").edit
    qtbot.keyClicks(start, "01/02/2029")
    message = dialog.form.errors["start_date"].text()
    assert "1 February 2029" in message and "2 January 2029" in message
    assert not dialog.save_button.isEnabled()
    for typed, day in (("13/02/2029", dt.date(2029, 2, 13)),
                       ("02/13/2029", dt.date(2029, 2, 13)),
                       ("01.02.2029", dt.date(2029, 2, 1)),
                       ("1 March 2029", dt.date(2029, 3, 1)),
                       ("2029-02-01", dt.date(2029, 2, 1))):
        start.clear()
        qtbot.keyClicks(start, typed)
        assert dialog.form.errors["start_date"].text() == "", typed
        assert dialog.form.fields["start_date"].value() == day
    start.clear()
    qtbot.keyClicks(start, "2029")  # half-typed, not a spreadsheet's day number
    assert "not a date" in dialog.form.errors["start_date"].text()
    start.clear()
    qtbot.keyClicks(start, "01.02.2029")
    _save(qtbot, dialog)
    assert _agreement(access, "DATES-1").start_date == dt.date(2029, 2, 1)


def test_a_stored_date_is_shown_in_the_locale_and_read_back_as_itself(qtbot: QtBot) -> None:
    from contractdesk.ui.forms.fields import DateField

    previous = Formats.locale_name
    Formats.locale_name = "en_GB"
    try:
        field = DateField()
        qtbot.addWidget(field.widget)
        field.set_value(dt.date(2026, 2, 1))
        assert field.edit.text() == "01/02/2026" == Formats.date(dt.date(2026, 2, 1))
        assert field.value() == dt.date(2026, 2, 1)  # its own text is no question
        assert field.edit.placeholderText() == "28/02/2026 or 2026-02-28"
        field.edit.setText("03/02/2026")  # typed: day and month can be swapped
        with pytest.raises(ValueError, match="3 February 2026") as asked:
            field.value()
        assert "2 March 2026" in str(asked.value)
    finally:
        Formats.locale_name = previous
