"""Renew, give notice, co-term and the Terms tab, driven through the agreement form."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from contractdesk.db.models import Agreement
from contractdesk.db.reminders import NoticeRecord
from contractdesk.domain.enums import TermOrigin
from contractdesk.domain.reminders import NoticeMethod
from contractdesk.services import editing
from contractdesk.services.access import DataAccess
from contractdesk.services.renewals import renewed_ids, status_of
from contractdesk.services.terms import roll_forward, terms_of
from contractdesk.services.workflow_view import own_lead_times, terms_view
from contractdesk.ui.labels import Formats
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import QLabel, Qt
from contractdesk.ui.settings import REMINDER_STAGES
from contractdesk.ui.workflow.documents_tab import DocumentsTab
from contractdesk.ui.workflow.notice_dialogs import CoTermDialog, NoticeDialog
from contractdesk.ui.workflow.record_parts import AgreementActions
from contractdesk.ui.workflow.renew_dialog import RenewDialog
from tests.conftest import TODAY
from tests.ui.conftest import DialogLog
from tests.ui.workflow_helpers import agreement_id, child_dialog, open_agreement


def _actions(dialog: object) -> AgreementActions:
    actions = getattr(dialog, "workflow", None)
    assert isinstance(actions, AgreementActions)
    return actions


def test_renew_through_the_form_creates_the_next_term_and_shows_the_price_change(
        qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    form = open_agreement(window, access, "MS-EA-2024")
    actions = _actions(form)
    qtbot.mouseClick(actions.renew_button, Qt.MouseButton.LeftButton)
    renew = child_dialog(qtbot, form, RenewDialog)
    assert renew.plan is not None
    old_end = TODAY + dt.timedelta(days=35)
    new_start, new_end = old_end + dt.timedelta(days=1), dt.date(2027, 12, 30)  # P1Y on
    assert (renew.plan.start_date, renew.plan.end_date) == (new_start, new_end)
    assert renew.change.text() == "no change"
    label = renew.form.labelForField(renew.number)
    assert isinstance(label, QLabel) and label.text() == "Contract number"
    assert renew.number.placeholderText() == "MS-EA-2024: a new term of this agreement"
    renew.cost.edit.selectAll()
    qtbot.keyClicks(renew.cost.edit, "45360")
    assert renew.change.text() == "+2,160.00 EUR (+5.0%)"
    qtbot.mouseClick(renew.ok_button, Qt.MouseButton.LeftButton)  # number left empty

    with access.database.session("cli") as session:
        agreement = session.get_one(Agreement, agreement_id(access, "MS-EA-2024"))
        assert session.scalars(select(Agreement).where(  # no new contract
            Agreement.renewal_of_id == agreement.id)).first() is None
        assert session.scalar(select(func.count()).select_from(Agreement).where(
            Agreement.contract_number.like("MS-EA-2024%"))) == 1
        # the agreement row is its new, current term; the term renewed is kept
        assert (agreement.start_date, agreement.end_date) == (new_start, new_end)
        assert agreement.cost == Decimal("45360.00") and agreement.rolled_over == 0
        # the term running today is renewed by the one recorded ahead of it
        assert status_of(agreement, TODAY, renewed_ids(session, TODAY)).value == "renewed"
        terms = [(t.position, t.origin, t.start_date, t.end_date, t.cost)
                 for t in terms_of(session, agreement)]
        assert terms == [
            (1, TermOrigin.SIGNED, TODAY - dt.timedelta(days=330), old_end,
             Decimal("43200.00")),
            (2, TermOrigin.RENEWED, new_start, new_end, Decimal("45360.00"))]
    rows = actions.terms.model.rows
    assert [row["name"] for row in rows] == ["MS-EA-2024 · 1", "MS-EA-2024 · 2  (current)"]
    assert [row["origin"] for row in rows] == ["Signed", "Renewed"]
    assert rows[0]["status"] == "Renewed"
    assert rows[1]["change"] == "+2,160.00 EUR (+5.0%)"
    assert form.tabs.currentWidget() is actions.terms
    assert actions.note.text() == (
        f"Renewed: new term {Formats.date(new_start)} – {Formats.date(new_end)}; "
        "price change +2,160.00 EUR (+5.0%).")


def test_renewing_a_renewed_agreement_says_why_not(qtbot: QtBot, window: MainWindow,
                                                   access: DataAccess) -> None:
    form = open_agreement(window, access, "HPE-NS-700123")
    actions = _actions(form)
    assert not actions.renew_button.isEnabled()
    assert not actions.notice_button.isEnabled()
    renew = RenewDialog(access, agreement_id(access, "HPE-NS-700123"), TODAY, form)
    assert "already renewed by HPE-NS-700124" in renew.error.text()  # the dialog says why
    assert not renew.ok_button.isEnabled()


def test_renew_with_a_number_of_ones_own(qtbot: QtBot, window: MainWindow,
                                         access: DataAccess) -> None:
    form = open_agreement(window, access, "HPE-NS-700124")
    qtbot.mouseClick(_actions(form).renew_button, Qt.MouseButton.LeftButton)
    renew = child_dialog(qtbot, form, RenewDialog)
    assert renew.number.placeholderText() == "HPE-NS-700124: a new term of this agreement"
    assert renew.plan is not None
    start, end = renew.plan.start_date, renew.plan.end_date
    qtbot.keyClicks(renew.number, "HPE-NS-800001")
    qtbot.mouseClick(renew.ok_button, Qt.MouseButton.LeftButton)
    with access.database.session("cli") as session:  # a new contract replacing this one
        previous = session.get_one(Agreement, agreement_id(access, "HPE-NS-700124"))
        new = session.get_one(Agreement, agreement_id(access, "HPE-NS-800001"))
        assert new.renewal_of_id == previous.id
        assert (new.start_date, new.end_date) == (start, end)
        assert [t.origin for t in terms_of(session, new)] == [TermOrigin.RENEWED]
        assert len(terms_of(session, previous)) == 1  # its own term left as it was
        assert previous.end_date == start - dt.timedelta(days=1)
    actions = _actions(form)
    names = [row["name"] for row in actions.terms.model.rows]
    assert names == ["HPE-NS-700123 · 1", "HPE-NS-700124 · 1  (current)",
                     "HPE-NS-800001 · 1"]
    assert [row["status"] for row in actions.terms.model.rows][:2] == ["Renewed", "Renewed"]
    assert actions.note.text().startswith("Renewed as the new contract HPE-NS-800001, ")
    assert not actions.renew_button.isEnabled()  # renewed: act on the new contract
    assert "was renewed" in actions.renew_button.toolTip()


def test_terms_tab_shows_the_chain_with_costs_year_on_year(
        qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    actions = _actions(open_agreement(window, access, "HPE-NS-700124"))
    rows = actions.terms.model.rows
    assert [row["name"] for row in rows] == ["HPE-NS-700123 · 1",
                                             "HPE-NS-700124 · 1  (current)"]
    assert [(row["cost"], row["currency"]) for row in rows] == [
        (Decimal("3120.00"), "GBP"), (Decimal("3380.00"), "GBP")]
    assert rows[0]["change"] == "first term"
    assert rows[1]["change"] == "+260.00 GBP (+8.3%)"
    assert [row["origin"] for row in rows] == ["Signed", "Renewed"]
    assert rows[0]["status"] == "Renewed"


def test_an_auto_renewed_agreement_says_that_it_rolled(qtbot: QtBot, window: MainWindow,
                                                       access: DataAccess) -> None:
    record_id = access.write(editing.save, "agreement", None, {
        "contract_number": "ROLL-1", "title": "Rolling support", "currency": "EUR",
        "cost": Decimal("1200.00"),
        "start_date": dt.date(2024, 1, 1), "end_date": dt.date(2024, 12, 31),
        "auto_renew": True, "renewal_term": "P1Y", "item_ids": []})
    assert access.read(terms_view, record_id, TODAY).rolled_over == 0  # written, not derived
    assert access.write(roll_forward, TODAY) == 2  # as opening the database does
    form = window.open_record("agreement", record_id)
    actions = _actions(form)
    start, end = Formats.date(dt.date(2026, 1, 1)), Formats.date(dt.date(2026, 12, 31))
    assert actions.note.text() == f"Auto-renewed 2×, current term {start} – {end}"
    assert not actions.note.isHidden()
    rows = [(row["name"], row["start_date"], row["end_date"], row["origin"], row["status"],
             row["change"]) for row in actions.terms.model.rows]
    assert rows == [
        ("ROLL-1 · 1", dt.date(2024, 1, 1), dt.date(2024, 12, 31), "Signed", "Renewed",
         "first term"),
        ("ROLL-1 · 2", dt.date(2025, 1, 1), dt.date(2025, 12, 31), "Auto-renewed",
         "Renewed", "rolled on at the same price"),
        ("ROLL-1 · 3  (current)", dt.date(2026, 1, 1), dt.date(2026, 12, 31),
         "Auto-renewed", "Expiring", "rolled on at the same price")]


def test_give_notice_cancels_the_agreement_records_the_notice_and_attaches_the_letter(
        qtbot: QtBot, window: MainWindow, access: DataAccess, tmp_path: Path) -> None:
    letter = tmp_path / "notice VEEAM.pdf"
    letter.write_bytes(b"%PDF-1.4 we hereby give notice")
    form = open_agreement(window, access, "VEEAM-DP-1187")
    actions = _actions(form)
    qtbot.mouseClick(actions.notice_button, Qt.MouseButton.LeftButton)
    notice = child_dialog(qtbot, form, NoticeDialog)
    texts = [label.text() for label in notice.findChildren(QLabel)]
    assert any(text.endswith("(in 15 days)") for text in texts)  # the notice deadline
    qtbot.mouseClick(notice.ok_button, Qt.MouseButton.LeftButton)  # nobody named yet
    assert "say to whom notice was sent" in notice.error.text()
    qtbot.keyClicks(notice.to, "Bechtle renewals desk")
    notice.how.setCurrentIndex(notice.how.findData(NoticeMethod.LETTER))
    qtbot.keyClicks(notice.letter, str(letter))
    qtbot.mouseClick(notice.ok_button, Qt.MouseButton.LeftButton)
    assert not notice.isVisible()

    with access.database.session("cli") as session:
        agreement = session.get(Agreement, agreement_id(access, "VEEAM-DP-1187"))
        assert agreement is not None and agreement.cancelled
        record = session.scalars(select(NoticeRecord).where(
            NoticeRecord.agreement_id == agreement.id)).one()
        assert (record.sent_on, record.sent_to, record.method) == (
            TODAY, "Bechtle renewals desk", NoticeMethod.LETTER)
        assert record.document is not None
        assert record.document.file_name == "notice VEEAM.pdf"
    assert form.form.fields["cancelled"].value() is True  # the form shows it, and a
    assert form.before is not None and form.before["cancelled"] is True  # Save keeps it
    assert "Notice sent on" in actions.terms.notices.text()
    assert "Notice recorded" in actions.note.text()
    assert not actions.notice_button.isEnabled()
    documents = form.documents_tab
    assert isinstance(documents, DocumentsTab)
    assert [row["file_name"] for row in documents.model.rows] == ["notice VEEAM.pdf"]


def test_co_term_gives_the_ticked_agreements_one_end_date(
        qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    form = open_agreement(window, access, "DELL-PS-4471")
    actions = _actions(form)
    qtbot.mouseClick(actions.coterm_button, Qt.MouseButton.LeftButton)
    coterm = child_dialog(qtbot, form, CoTermDialog)
    assert coterm.ticked() == [agreement_id(access, "DELL-PS-4471")]
    coterm.tick(agreement_id(access, "MS-EA-2024"))
    end = TODAY + dt.timedelta(days=60)
    coterm.end_date.setDate(coterm.end_date.date().addDays(20))
    qtbot.mouseClick(coterm.ok_button, Qt.MouseButton.LeftButton)
    with access.database.session("cli") as session:
        ends = session.scalars(select(Agreement.end_date).where(
            Agreement.contract_number.in_(["DELL-PS-4471", "MS-EA-2024"]))).all()
    assert ends == [end, end]
    assert "2 agreements now end on the same day" in actions.note.text()


def test_documents_are_not_offered_on_a_new_record(window: MainWindow) -> None:
    dialog = window.new_record("agreement")
    assert dialog.documents_tab is None and dialog.workflow is None
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == \
        ["Details", "History"]


def test_actions_wait_until_unsaved_edits_are_saved(qtbot: QtBot, window: MainWindow,
                                                   access: DataAccess,
                                                   dialogs: DialogLog) -> None:
    form = open_agreement(window, access, "MS-EA-2024")
    title = form.form.fields["title"]
    qtbot.keyClicks(title.edit, " (edited)")  # type: ignore[attr-defined]
    qtbot.mouseClick(_actions(form).renew_button, Qt.MouseButton.LeftButton)
    assert "Save or undo your changes" in dialogs.errors[-1][1]
    assert not any(d.isVisible() for d in form.findChildren(RenewDialog))


def test_own_reminder_stages_are_set_on_the_terms_tab(qtbot: QtBot, window: MainWindow,
                                                      access: DataAccess) -> None:
    panel = window.start_page.reminders
    qtbot.waitUntil(lambda: panel.reminders is not None)
    assert "DELL-PS-4471" in [row["name"] for row in panel.model.rows]  # 60-day stage
    form = open_agreement(window, access, "DELL-PS-4471")
    terms = _actions(form).terms
    qtbot.keyClicks(terms.stages, "abc")
    qtbot.mouseClick(terms.stages_button, Qt.MouseButton.LeftButton)
    assert "not a list of days" in terms.stages_message.text()
    terms.stages.clear()
    qtbot.keyClicks(terms.stages, "14 30")
    qtbot.keyClick(terms.stages, Qt.Key.Key_Return)
    assert terms.stages.text() == "30,14"
    assert form.isVisible()  # Enter applied the stages; it did not press Save
    assert access.read(own_lead_times, agreement_id(access, "DELL-PS-4471")) == (30, 14)
    qtbot.waitUntil(lambda: "DELL-PS-4471" not in [row["name"] for row in panel.model.rows])
    terms.stages.clear()
    qtbot.mouseClick(terms.stages_button, Qt.MouseButton.LeftButton)
    assert terms.stages_message.text() == "back to the default"
    assert access.read(own_lead_times, agreement_id(access, "DELL-PS-4471")) is None


def test_default_stages_come_from_the_settings(qtbot: QtBot, window: MainWindow) -> None:
    window.settings.set(REMINDER_STAGES, "7")
    panel = window.start_page.reminders
    with qtbot.waitSignal(window.start_page.refresh().finished):
        pass
    qtbot.waitUntil(lambda: "VEEAM-DP-1187" not in [row["name"] for row in panel.model.rows])
    assert [row["name"] for row in panel.model.rows] == [
        "CSCO-SNT-9921", "MS-TEAMS-PH", "MS-EA-2024"]
