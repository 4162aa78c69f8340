"""Every "New …" form of the File menu, on an empty database: it opens, takes the least a
record needs, saves, and the record is in its list and in the database (issue 17.1)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from contractdesk.db.database import open_database
from contractdesk.db.models import Agreement, Contact, Item, Organization, Purchase
from contractdesk.services.access import DataAccess
from contractdesk.ui.forms.fields import ChoiceField, TextField
from contractdesk.ui.forms.record_dialog import RecordDialog
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.pages.list_page import ListPage
from contractdesk.ui.qt import Qt
from contractdesk.ui.settings import Settings
from tests.conftest import TODAY
from tests.ui.conftest import DialogLog, show_list

# kind, list page, the field typed into, what is typed, the model, its column
MINIMAL = (("organization", "organizations", "name", "Acme Networks", Organization,
            Organization.name),
           ("contact", "contacts", "name", "Pat Support", Contact, Contact.name),
           ("purchase", "purchases", "po_number", "PO-1001", Purchase, Purchase.po_number),
           ("item", "items", "description", "Core switch", Item, Item.description),
           ("agreement", "agreements", "title", "Switch support", Agreement,
            Agreement.title))


def _shows_one_row(page: ListPage) -> bool:
    return page.model.rowCount() == 1


@pytest.fixture
def empty_window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, DataAccess]]:
    database = open_database(tmp_path / "empty.sqlite3")
    access = DataAccess(database)
    main = MainWindow(access, Settings(), today=lambda: TODAY)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main, access
    for dialog in list(main.dialogs):
        dialog.close()
    database.close()


def test_every_new_form_saves_a_minimal_record_on_an_empty_database(
        qtbot: QtBot, empty_window: tuple[MainWindow, DataAccess],
        dialogs: DialogLog) -> None:
    window, access = empty_window
    for kind, page_kind, field_name, text, model, column in MINIMAL:
        window.menu_actions[f"new_{kind}"].trigger()
        dialog = window.dialogs[-1]
        assert isinstance(dialog, RecordDialog) and dialog.kind == kind
        assert dialog.isVisible()
        field = dialog.form.fields[field_name]
        assert isinstance(field, TextField)
        qtbot.keyClicks(field.edit, text)
        if kind == "contact":  # a contact belongs to an organization: the one made above
            organization = dialog.form.fields["organization_id"]
            assert isinstance(organization, ChoiceField)
            organization.combo.setCurrentIndex(organization.combo.findText("Acme Networks"))
        assert not dialog.form.problems, (kind, dialog.form.problems)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible(), kind
        assert dialogs.errors == []

        with access.database.session("cli") as session:
            assert session.scalar(select(func.count()).select_from(model)) == 1
            assert session.scalars(select(column)).one() == text
        page = show_list(qtbot, window, page_kind)
        qtbot.waitUntil(partial(_shows_one_row, page))
        shown = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
        assert text in shown, (kind, shown)
