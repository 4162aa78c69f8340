"""Organization pickers offer what fits the field; a new one comes from the organization
form; a duplicate name offers the organization that exists."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from contractdesk.db.models import Contact, Organization, name_key
from contractdesk.domain.enums import OrgRole
from contractdesk.services import editing
from contractdesk.services.access import DataAccess
from contractdesk.ui.dialogs import Dialogs
from contractdesk.ui.forms.fields import OrganizationField, RolesField, TextField
from contractdesk.ui.forms.record_dialog import RecordDialog
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import QApplication, Qt, QTimer

Offers = list[tuple[str, str]]


@pytest.fixture
def offers(monkeypatch: pytest.MonkeyPatch) -> Offers:
    """Stands in for the "use the existing one?" box: records it and takes the offer."""
    shown: Offers = []

    def offer(_parent: object, _title: str, text: str, action: str) -> bool:
        shown.append((text, action))
        return True

    monkeypatch.setattr(Dialogs, "offer", staticmethod(offer))
    return shown


def _picker(dialog: RecordDialog, field: str) -> OrganizationField:
    picker = dialog.form.fields[field]
    assert isinstance(picker, OrganizationField)
    return picker


def _offered(picker: OrganizationField) -> list[str]:
    return [picker.combo.itemText(row) for row in range(picker.combo.count())]


def _count(access: DataAccess, name: str) -> int:
    with access.database.session("cli") as session:
        return int(session.scalar(select(func.count(Organization.id)).where(
            Organization.name_key == name_key(name))) or 0)


def _type_name(qtbot: QtBot, dialog: RecordDialog, name: str) -> None:
    field = dialog.form.fields["name"]
    assert isinstance(field, TextField)
    qtbot.keyClicks(field.edit, name)


def _in_organization_form(qtbot: QtBot, act: Callable[[RecordDialog], None]) -> None:
    """Runs ``act`` on the organization form once it is open (it is modal)."""
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecordDialog):
            QTimer.singleShot(10, run)
            return
        act(dialog)

    QTimer.singleShot(0, run)


def test_role_pickers_offer_fitting_organizations(window: MainWindow,
                                                  access: DataAccess) -> None:
    access.write(editing.save, "organization", None,
                 {"name": "Unsorted Ltd", "roles": frozenset()})
    dialog = window.new_record("agreement")
    oems = _offered(_picker(dialog, "oem_id"))
    resellers = _offered(_picker(dialog, "reseller_id"))
    assert {"Dell Technologies", "Cisco", "Unsorted Ltd"} <= set(oems)
    assert not {"Bechtle", "Softcat", "Ingram Micro"} & set(oems)
    assert {"Bechtle", "Softcat", "Computacenter", "Unsorted Ltd"} <= set(resellers)
    assert not {"Dell Technologies", "Cisco", "Ingram Micro"} & set(resellers)


def test_a_saved_choice_that_does_not_fit_stays_shown(window: MainWindow,
                                                      access: DataAccess) -> None:
    with access.database.session("cli") as session:
        bechtle = session.scalars(select(Organization.id).where(
            Organization.name == "Bechtle")).one()
    item_id = access.write(editing.save, "item", None,
                           {"description": "Odd one", "oem_id": bechtle, "quantity": 1})
    dialog = window.open_record("item", item_id)
    assert dialog is not None
    oem = _picker(dialog, "oem_id")
    assert oem.combo.currentText() == "Bechtle"
    assert oem.value() == bechtle


def test_new_beside_a_picker_opens_the_organization_form_and_picks_it(
        qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    dialog = window.new_record("purchase")
    oem = _picker(dialog, "oem_id")
    seen_roles: list[frozenset[OrgRole]] = []

    def fill(form: RecordDialog) -> None:
        roles = form.form.fields["roles"]
        assert isinstance(roles, RolesField)
        seen_roles.append(roles.value())
        _type_name(qtbot, form, "Lenovo")
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    _in_organization_form(qtbot, fill)
    qtbot.mouseClick(oem.new_button, Qt.MouseButton.LeftButton)
    assert seen_roles == [frozenset({OrgRole.OEM})]
    assert oem.combo.currentText() == "Lenovo"
    assert "Lenovo" not in _offered(_picker(dialog, "reseller_id"))
    with access.database.session("cli") as session:
        created = session.scalars(select(Organization).where(
            Organization.name == "Lenovo")).one()
        assert created.roles == frozenset({OrgRole.OEM})


def test_a_new_contact_has_no_organization_preset(qtbot: QtBot, window: MainWindow,
                                                  access: DataAccess) -> None:
    window.menu_actions["new_contact"].trigger()
    dialog = window.dialogs[-1]
    assert dialog.kind == "contact"
    organization = _picker(dialog, "organization_id")
    assert organization.value() is None and organization.combo.currentText() == "—"
    _type_name(qtbot, dialog, "Ana Lima")
    assert "belongs to an organization" in dialog.form.errors["organization_id"].text()
    assert not dialog.save_button.isEnabled()
    organization.combo.setCurrentIndex(organization.combo.findText("Softcat"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with access.database.session("cli") as session:
        saved = session.scalars(select(Contact).where(Contact.name == "Ana Lima")).one()
        assert saved.organization.name == "Softcat"


def test_a_duplicate_name_offers_the_existing_organization(
        qtbot: QtBot, window: MainWindow, access: DataAccess, offers: Offers) -> None:
    dialog = window.new_record("organization")
    _type_name(qtbot, dialog, "CISCO")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert offers == [("An organization named Cisco already exists.",
                       "Use the existing Cisco")]
    assert _count(access, "Cisco") == 1
    assert not dialog.isVisible()
    assert window.stack.currentWidget() is window.vendor_page  # Cisco, opened
    assert window.vendor_page.name.text() == "Cisco"


def test_a_duplicate_from_a_picker_picks_the_existing_one(
        qtbot: QtBot, window: MainWindow, access: DataAccess, offers: Offers) -> None:
    dialog = window.new_record("agreement")
    oem = _picker(dialog, "oem_id")

    def fill(form: RecordDialog) -> None:
        _type_name(qtbot, form, "cisco ")
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    _in_organization_form(qtbot, fill)
    qtbot.mouseClick(oem.new_button, Qt.MouseButton.LeftButton)
    assert [action for _text, action in offers] == ["Use the existing Cisco"]
    assert oem.combo.currentText() == "Cisco"
    assert _count(access, "Cisco") == 1
