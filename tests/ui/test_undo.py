"""Undo and Redo of whole actions through the Edit menu and Ctrl+Z: what the menu
says, and what comes back in the database (same ids, links included)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement, AgreementTerm, Organization, agreement_item
from contractdesk.db.reminders import ReminderState
from contractdesk.services.access import DataAccess
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import Qt, QWizard
from contractdesk.ui.workflow.renew_dialog import RenewDialog
from tests.ui.conftest import DialogLog
from tests.ui.test_agreement_actions import _actions
from tests.ui.test_import_wizard import REGISTER, click, open_wizard
from tests.ui.workflow_helpers import (
    agreement_id,
    child_dialog,
    open_agreement,
    reminders_panel,
    select_reminder,
)


def _read(access: DataAccess, fn: Callable[[Session], Any]) -> Any:
    with access.database.session("cli") as session:
        return fn(session)


def _rows(access: DataAccess, number: str) -> tuple[Any, ...]:
    """The agreement's row, its covered items and its terms, by id."""
    found = agreement_id(access, number)
    return _read(access, lambda s: (
        s.execute(select(Agreement.__table__).where(Agreement.id == found)).one(),
        sorted(s.execute(select(agreement_item).where(
            agreement_item.c.agreement_id == found)).all()),
        sorted(s.execute(select(AgreementTerm.__table__).where(
            AgreementTerm.agreement_id == found)).all())))


def _ctrl_z(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _undo_text(window: MainWindow) -> str:
    return window.menu_actions["undo"].text().replace("&", "")


def test_undo_after_a_delete_brings_it_back_and_leaves_an_older_edit_alone(
        qtbot: QtBot, window: MainWindow, access: DataAccess, dialogs: DialogLog) -> None:
    reseller = _read(access, lambda s: s.get_one(Organization, s.scalars(select(
        Agreement.reseller_id).where(Agreement.reseller_id.is_not(None))).first()))
    form = window.edit_record("organization", reseller.id)
    phone = form.form.fields["phone"]
    phone.edit.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(phone.edit, "+44 20 7946 0000")  # type: ignore[attr-defined]
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    number = _read(access, lambda s: s.scalars(select(Agreement.contract_number).where(
        Agreement.items.any()).order_by(Agreement.id)).first())
    before = _rows(access, number)
    assert before[1] and before[2]  # covered items and terms
    dialog = open_agreement(window, access, number)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "cannot be undone" not in dialogs.confirmations[-1]
    assert _read(access, lambda s: s.scalar(select(func.count()).where(
        Agreement.contract_number == number))) == 0
    assert _undo_text(window) == f"Undo Delete agreement {number}"

    _ctrl_z(qtbot, window)
    assert _rows(access, number) == before
    assert _read(access, lambda s: s.get_one(Organization, reseller.id).phone) \
        == "+44 20 7946 0000"  # the older edit is not replayed
    assert _undo_text(window).startswith("Undo Edit organization")
    window.menu_actions["redo"].trigger()
    assert _read(access, lambda s: s.scalar(select(func.count()).where(
        Agreement.contract_number == number))) == 0


def test_renew_is_undone_in_one_step(qtbot: QtBot, window: MainWindow,
                                     access: DataAccess) -> None:
    before = _rows(access, "MS-EA-2024")
    count = _read(access, lambda s: s.scalar(select(func.count(Agreement.id))))
    form = open_agreement(window, access, "MS-EA-2024")
    qtbot.mouseClick(_actions(form).renew_button, Qt.MouseButton.LeftButton)
    renew = child_dialog(qtbot, form, RenewDialog)
    qtbot.mouseClick(renew.ok_button, Qt.MouseButton.LeftButton)
    assert _rows(access, "MS-EA-2024") != before
    assert _undo_text(window) == "Undo Renew MS-EA-2024"
    form.close()
    window.menu_actions["undo"].trigger()
    assert _rows(access, "MS-EA-2024") == before
    assert _read(access, lambda s: s.scalar(select(func.count(Agreement.id)))) == count
    window.menu_actions["redo"].trigger()
    assert _rows(access, "MS-EA-2024") != before


def test_handled_is_undone(qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    found = agreement_id(access, "MS-TEAMS-PH")

    def state(session: Session) -> Any:
        return session.scalars(select(ReminderState.acknowledged_at).where(
            ReminderState.agreement_id == found)).all()

    panel = reminders_panel(qtbot, window)
    before = _read(access, state)
    select_reminder(panel, "MS-TEAMS-PH")
    qtbot.mouseClick(panel.handled_button, Qt.MouseButton.LeftButton)
    assert _read(access, state) != before
    assert _undo_text(window) == "Undo Handled MS-TEAMS-PH"
    window.menu_actions["undo"].trigger()
    assert _read(access, state) == before


def test_an_import_is_undone_whole_and_refused_after_an_edit(
        qtbot: QtBot, window: MainWindow, access: DataAccess, dialogs: DialogLog,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def agreements(session: Session) -> int:
        return session.scalar(select(func.count(Agreement.id))) or 0

    count = _read(access, agreements)
    wizard = open_wizard(qtbot, window, monkeypatch, REGISTER)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page)
    qtbot.waitUntil(lambda: "Import" in _undo_text(window))
    wizard.close()
    imported = _read(access, agreements) - count
    assert imported > 0
    label = f"Import {REGISTER.name} (5 agreements)"  # created or updated
    assert _undo_text(window) == f"Undo {label}"

    window.menu_actions["undo"].trigger()
    assert not dialogs.errors
    assert _read(access, agreements) == count
    window.menu_actions["redo"].trigger()
    assert _read(access, agreements) == count + imported

    newest = _read(access, lambda s: s.scalars(select(Agreement).order_by(
        Agreement.id.desc())).first())
    access.write(lambda s: setattr(s.get_one(Agreement, newest.id), "title", "edited"))
    window.menu_actions["undo"].trigger()
    assert dialogs.errors[-1][1] == (f"Cannot undo '{label}': agreement "
                                     f"{newest} was edited since.")
    assert _read(access, agreements) == count + imported  # nothing undone
