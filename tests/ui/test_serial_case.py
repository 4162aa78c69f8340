"""The agreement form's "add item" field finds a serial typed in another case, with
stray spaces, as the label on the box reads it (issue 17.6)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from contractdesk.db.models import Agreement, Item
from contractdesk.services.access import DataAccess
from contractdesk.ui.forms.items_editor import ItemsEditor
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import Qt
from tests.ui.workflow_helpers import open_agreement

NUMBER = "MS-EA-2024"


def _serials(access: DataAccess) -> list[str]:
    with access.database.session("cli") as session:
        return session.scalars(select(Agreement).where(
            Agreement.contract_number == NUMBER)).one().serial_numbers


def _uncovered_serial(access: DataAccess) -> str:
    """A serial of the sample data that the agreement does not cover yet."""
    covered = set(_serials(access))
    with access.database.session("cli") as session:
        return next(s for s in session.scalars(select(Item.serial_number)
                                               .order_by(Item.id)) if s and s not in covered)


def test_add_item_finds_a_serial_typed_in_another_case(qtbot: QtBot, window: MainWindow,
                                                       access: DataAccess) -> None:
    serial = _uncovered_serial(access)
    assert serial.lower() != serial  # the sample's serials are upper case
    dialog = open_agreement(window, access, NUMBER)
    editor = dialog.form.fields["item_ids"]
    assert isinstance(editor, ItemsEditor)
    before = editor.list.count()
    qtbot.keyClicks(editor.serial, f" {serial.lower()} ")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.message.text() == ""
    assert editor.list.count() == before + 1
    assert editor.list.item(before).text().startswith(serial)
    assert editor.serial.text() == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: serial in _serials(access))
