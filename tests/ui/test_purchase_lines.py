"""A purchase typed as its order reads, and the agreement for its items."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from contractdesk.db.models import Agreement, Item, Organization, Purchase
from contractdesk.services.access import DataAccess
from contractdesk.ui.forms.fields import ChoiceField, TextField
from contractdesk.ui.forms.purchase_lines import PurchaseLinesEditor
from contractdesk.ui.forms.record_dialog import RecordDialog
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import QApplication, QKeySequence, Qt


def _org_id(access: DataAccess, name: str) -> int:
    with access.database.session("cli") as session:
        return session.scalars(select(Organization.id).where(
            Organization.name == name)).one()


def _pick(dialog: RecordDialog, field: str, name: str) -> None:
    picker = dialog.form.fields[field]
    assert isinstance(picker, ChoiceField)
    index = picker.combo.findText(name)
    assert index >= 0, f"{name} is not offered in {field}"
    picker.combo.setCurrentIndex(index)


def _lines(dialog: RecordDialog) -> PurchaseLinesEditor:
    editor = dialog.form.fields["lines"]
    assert isinstance(editor, PurchaseLinesEditor)
    return editor


def _cell(lines: PurchaseLinesEditor, row: int, column: int) -> str:
    cell = lines.table.item(row, column)
    assert cell is not None
    return cell.text()


def _type_purchase(qtbot: QtBot, window: MainWindow, po_number: str) -> RecordDialog:
    """A new purchase from Bechtle of Dell kit: three servers by serial, two PSUs."""
    dialog = window.new_record("purchase")
    po = dialog.form.fields["po_number"]
    assert isinstance(po, TextField)
    qtbot.keyClicks(po.edit, po_number)
    _pick(dialog, "reseller_id", "Bechtle")
    _pick(dialog, "oem_id", "Dell Technologies")
    lines = _lines(dialog)
    qtbot.keyClicks(lines.part, "210-BDZB")
    qtbot.keyClicks(lines.description, "PowerEdge R760")
    qtbot.keyClicks(lines.unit_price, "4.250,00 EUR")
    QApplication.clipboard().setText("SRV0001\nSRV0002\r\nSRV0003\n")
    lines.serials.setFocus()
    qtbot.keySequence(lines.serials, QKeySequence.StandardKey.Paste)
    assert lines.quantity.text() == "3"  # one item per pasted serial
    qtbot.keyClick(lines.description, Qt.Key.Key_Return)  # adds the line, not saves
    assert dialog.isVisible()
    qtbot.keyClicks(lines.part, "450-AKLE")
    qtbot.keyClicks(lines.description, "Power supply 1400 W")
    qtbot.keyClicks(lines.quantity, "2")
    qtbot.keyClicks(lines.unit_price, "120.50")
    qtbot.mouseClick(lines.add_button, Qt.MouseButton.LeftButton)
    assert lines.table.rowCount() == 2
    assert _cell(lines, 0, 4) == "SRV0001, SRV0002, SRV0003"
    return dialog


def test_a_purchase_with_lines_saves_one_item_per_serial(qtbot: QtBot, window: MainWindow,
                                                          access: DataAccess) -> None:
    dialog = _type_purchase(qtbot, window, "PO-LINES-1")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    dell = _org_id(access, "Dell Technologies")
    with access.database.session("cli") as session:
        purchase = session.scalars(select(Purchase).where(
            Purchase.po_number == "PO-LINES-1")).one()
        items = sorted(purchase.items, key=lambda item: item.id)
        assert [(item.part_number, item.description, item.serial_number, item.quantity,
                 item.unit_price, item.oem_id) for item in items] == [
            ("210-BDZB", "PowerEdge R760", "SRV0001", 1, Decimal("4250.00"), dell),
            ("210-BDZB", "PowerEdge R760", "SRV0002", 1, Decimal("4250.00"), dell),
            ("210-BDZB", "PowerEdge R760", "SRV0003", 1, Decimal("4250.00"), dell),
            ("450-AKLE", "Power supply 1400 W", None, 2, Decimal("120.50"), dell)]
        purchase_id = purchase.id

    again = window.open_record("purchase", purchase_id)
    assert again is not None
    shown = _lines(again)
    assert [_cell(shown, row, 2) for row in range(shown.table.rowCount())] == ["3", "2"]
    window.menu_actions["undo"].trigger()  # takes back the purchase with its items
    with access.database.session("cli") as session:
        assert session.get(Purchase, purchase_id) is None
        assert not session.scalars(select(Item).where(
            Item.serial_number == "SRV0001")).all()


def test_a_line_typed_but_not_added_keeps_the_form_from_saving(
        qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.new_record("purchase")
    lines = _lines(dialog)
    qtbot.keyClicks(lines.description, "Rack rails")
    assert "not added" in dialog.form.errors["lines"].text()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(lines.unit_price, "100 USD")  # the purchase is in EUR
    qtbot.keyClick(lines.unit_price, Qt.Key.Key_Return)
    assert "in USD" in lines.message.text()
    assert lines.table.rowCount() == 0


def test_create_agreement_for_these_items_prefills_and_covers_them(
        qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    purchase_form = _type_purchase(qtbot, window, "PO-LINES-2")
    qtbot.mouseClick(purchase_form.agreement_button, Qt.MouseButton.LeftButton)
    assert not purchase_form.isVisible()  # saved first
    agreement = window.dialogs[-1]
    assert agreement.kind == "agreement" and agreement.record_id is None
    fields = agreement.form.fields
    assert fields["oem_id"].value() == _org_id(access, "Dell Technologies")
    assert fields["reseller_id"].value() == _org_id(access, "Bechtle")
    assert fields["purchase"].value() == "PO-LINES-2"
    assert agreement.form.fields["item_ids"].list.count() == 4  # type: ignore[attr-defined]

    number = fields["contract_number"]
    assert isinstance(number, TextField)
    qtbot.keyClicks(number.edit, "DELL-PS-2026")
    qtbot.mouseClick(agreement.save_button, Qt.MouseButton.LeftButton)
    with access.database.session("cli") as session:
        saved = session.scalars(select(Agreement).where(
            Agreement.contract_number == "DELL-PS-2026")).one()
        purchase = session.scalars(select(Purchase).where(
            Purchase.po_number == "PO-LINES-2")).one()
        assert saved.purchase_id == purchase.id
        assert sorted(item.id for item in saved.items) == sorted(
            item.id for item in purchase.items)
        assert (saved.oem_id, saved.reseller_id) == (purchase.oem_id, purchase.reseller_id)
