"""Vendor governance in the window, driven like a user: log a call, see the scorecard,
complete a review, flag a blocked reseller, the risk register."""

from __future__ import annotations

import datetime as dt

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from contractdesk.db.governance import DueDiligenceCheck, Review, Risk, SupportCase
from contractdesk.db.models import Agreement, Item, Organization
from contractdesk.services.access import DataAccess
from contractdesk.ui.forms.fields import ChoiceField, IntField, TextField
from contractdesk.ui.forms.record_dialog import RecordDialog
from contractdesk.ui.governance.install import tab_of
from contractdesk.ui.governance.record_tabs import CasesTab, DiligenceTab, ReviewsTab
from contractdesk.ui.governance.review_dialog import ReviewDialog, ScoreField
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import Qt
from tests.conftest import TODAY

LEFT = Qt.MouseButton.LeftButton


def _org_id(access: DataAccess, name: str) -> int:
    with access.database.session("cli") as session:
        return session.scalars(select(Organization.id).where(Organization.name == name)).one()


def _agreement_id(access: DataAccess, number: str) -> int:
    with access.database.session("cli") as session:
        return session.scalars(select(Agreement.id).where(
            Agreement.contract_number == number)).one()


def _type(qtbot: QtBot, field: object, text: str) -> None:
    assert isinstance(field, TextField)
    field.edit.clear()
    qtbot.keyClicks(field.edit, text)


def _pick(field: object, text: str) -> None:
    assert isinstance(field, ChoiceField)
    index = field.combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, f"{text!r} not offered"
    field.combo.setCurrentIndex(index)


def _start_rows(qtbot: QtBot, window: MainWindow, section: str) -> list[str]:
    _label, _view, model = window.start_page.sections[section]
    return [str(row["name"]) for row in model.rows]


def test_a_call_that_misses_a_4_hour_sla_shows_on_the_scorecard(
        qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    softcat = _org_id(access, "Softcat")
    window.open_record("organization", softcat)
    tiles = window.governance.scorecard.tiles
    assert tiles["cases"].value.text() == "2"
    assert tiles["sla"].value.text() == "50%"

    dialog = window.open_record("agreement", _agreement_id(access, "HPE-NS-700124"))
    assert isinstance(dialog, RecordDialog)
    cases = tab_of(dialog, CasesTab)
    assert cases is not None and cases.model.rowCount() == 1
    qtbot.mouseClick(cases.log_button, LEFT)
    call = cases.dialog
    assert call is not None
    assert call.called.combo.currentText() == "Reseller — Softcat"  # first-line support
    _type(qtbot, call.opened_at, "2026-11-24 10:00")
    _type(qtbot, call.resolved_at, "2026-11-24 16:30")
    qtbot.keyClicks(call.case_number.edit, "SC-60001")
    assert call.deadline.text() == "24x7x4h: due 14:00 — missed"
    qtbot.mouseClick(call.save_button, LEFT)

    with access.database.session("cli") as session:
        case = session.scalars(select(SupportCase).where(
            SupportCase.case_number == "SC-60001")).one()
        assert case.sla_met is False and not case.sla_met_by_user
        assert case.opened_at == dt.datetime(2026, 11, 24, 10)
    assert cases.model.rowCount() == 2
    assert dialog.tabs.tabText(dialog.tabs.indexOf(cases)) == "Cases (2)"
    assert cases.model.rows[0]["sla_met"] == "missed"

    # the vendor view behind the form follows without being opened again
    assert tiles["cases"].value.text() == "3"
    assert tiles["sla"].value.text() == "33%"
    assert tiles["sla"].detail.text() == "1 of 3 cases met it, 2 missed"


def test_an_sla_that_cannot_be_read_is_judged_by_hand(
        qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    dialog = window.open_record("agreement", _agreement_id(access, "VEEAM-DP-1187"))
    assert isinstance(dialog, RecordDialog)
    cases = tab_of(dialog, CasesTab)
    assert cases is not None
    call = cases.log_call()
    _type(qtbot, call.opened_at, "2026-11-23 09:00")
    _type(qtbot, call.resolved_at, "2026-11-23 12:00")
    assert "gives no deadline" in call.deadline.text()
    _pick(call.sla_met, "Missed (set by hand)")
    qtbot.keyClicks(call.case_number.edit, "V-1")
    qtbot.mouseClick(call.save_button, LEFT)
    with access.database.session("cli") as session:
        case = session.scalars(select(SupportCase).where(SupportCase.case_number == "V-1")).one()
        assert case.sla_met is False and case.sla_met_by_user


def test_log_a_call_from_the_search_card(qtbot: QtBot, window: MainWindow,
                                         access: DataAccess) -> None:
    window.search.setText("AF-204455")
    qtbot.waitUntil(window.governance.log_button.isVisible)
    call = window.governance.log_call_from_search()
    assert call is not None
    assert "HPE-NS-700124" in call.about.text() and "AF-204455" in call.about.text()
    _type(qtbot, call.opened_at, "2026-11-21 02:00")  # a Saturday night
    _type(qtbot, call.resolved_at, "2026-11-21 05:00")
    assert call.deadline.text() == "24x7x4h: due 06:00 — met"
    qtbot.mouseClick(call.save_button, LEFT)
    with access.database.session("cli") as session:
        case = session.scalars(select(SupportCase).order_by(SupportCase.id.desc())).first()
        assert case is not None and case.sla_met is True
        assert case.item is not None and case.item.serial_number == "AF-204455"


def test_complete_a_review_sets_next_review_and_clears_the_start_page(
        qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    assert _start_rows(qtbot, window, "reviews")[0] == "Computacenter"
    computacenter = _org_id(access, "Computacenter")
    window.open_record("organization", computacenter)
    qtbot.mouseClick(window.governance.review_button, LEFT)
    review = window.governance.dialog
    assert isinstance(review, ReviewDialog)
    assert "1 of 3 met the SLA (33%)" in review.summary.text()
    assert review.fields["sla_adherence"].value() == 1  # suggested from the case log
    _type(qtbot, review.fields["reviewer"], "A. Tester")
    for name, score in (("delivery", 4), ("support_quality", 2), ("responsiveness", 2),
                        ("pricing", 3)):
        field = review.fields[name]
        assert isinstance(field, ScoreField)
        field.spin.setValue(score)
    _type(qtbot, review.fields["next_review"], "2027-02-25")
    qtbot.mouseClick(review.save_button, LEFT)

    with access.database.session("cli") as session:
        org = session.get(Organization, computacenter)
        assert org is not None and org.next_review == dt.date(2027, 2, 25)
        saved = session.scalars(select(Review).where(Review.reviewer == "A. Tester")).one()
        assert (saved.delivery, saved.support_quality, saved.sla_adherence) == (4, 2, 1)
        assert "1 of 3 met the SLA" in saved.findings
    window.show_page("start")
    qtbot.waitUntil(lambda: "Computacenter" not in _start_rows(qtbot, window, "reviews"))
    # the new review is on the scorecard's chart
    window.open_record("organization", computacenter)
    assert window.governance.scorecard.chart.reviews[-1].review_date == TODAY


def test_a_blocked_resellers_agreements_are_flagged_on_the_start_page(
        qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    flags = window.governance.flags
    qtbot.waitUntil(lambda: flags.model.rowCount() == 2)  # Computacenter's open high risk
    assert flags.model.rows[0]["alternative"] == "Softcat"

    dialog = window.edit_record("organization", _org_id(access, "Bechtle"))
    _pick(dialog.form.fields["status"], "Blocked")
    qtbot.mouseClick(dialog.save_button, LEFT)
    window.show_page("agreements")
    window.show_page("start")
    qtbot.waitUntil(lambda: any(row["supplier"] == "Bechtle" for row in flags.model.rows))
    bechtle = [row for row in flags.model.rows if row["supplier"] == "Bechtle"]
    assert {row["name"] for row in bechtle} >= {"DELL-PS-4471", "VEEAM-DP-1187"}
    assert all(row["reasons"] == "Bechtle is blocked" for row in bechtle)
    assert flags.label.text().startswith("Supplier blocked or high risk (")
    assert flags.isVisible()


def test_filter_the_risk_register(qtbot: QtBot, window: MainWindow) -> None:
    window.menu_actions["view_risks"].trigger()
    page = window.governance.risk_page
    assert window.stack.currentWidget() is page

    def organizations() -> list[str]:
        return [row["organization"] for row in page.model.rows]

    assert organizations() == ["Computacenter", "Fortinet", "Ingram Micro"]  # not closed
    page.severity_box.setValue(12)
    assert organizations() == ["Computacenter", "Fortinet"]
    page.organization_box.setCurrentIndex(page.organization_box.findText("Fortinet"))
    assert organizations() == ["Fortinet"]
    assert page.count.text() == "1 risk"
    page.organization_box.setCurrentIndex(0)
    page.severity_box.setValue(1)
    page.status_box.setCurrentIndex(page.status_box.findText("Closed"))
    assert organizations() == ["Microsoft"]
    assert page.model.rows[0]["status"] == "Closed"


def test_create_a_risk_with_an_alternative_supplier(qtbot: QtBot, window: MainWindow,
                                                    access: DataAccess) -> None:
    page = window.governance.show_risks()
    qtbot.mouseClick(page.new_button, LEFT)
    dialog = page.dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.save_button, LEFT)  # nothing described yet
    assert "describe the risk" in dialog.problem.text()
    _pick(dialog.fields["organization_id"], "Bechtle")
    _pick(dialog.fields["agreement_id"], "DELL-PS-4471 · ")
    qtbot.keyClicks(dialog.fields["description"].widget, "Bechtle's only Dell engineer "
                    "is leaving.")
    for name in ("likelihood", "impact"):
        field = dialog.fields[name]
        assert isinstance(field, IntField)
        field.spin.setValue(4)
    assert dialog.severity.text() == "16 — High"
    _pick(dialog.fields["alternative_supplier_id"], "Computacenter")
    _type(qtbot, dialog.fields["owner"], "M. Brandt")
    qtbot.mouseClick(dialog.save_button, LEFT)

    with access.database.session("cli") as session:
        risk = session.scalars(select(Risk).where(Risk.owner == "M. Brandt",
                                                  Risk.likelihood == 4)).one()
        assert risk.alternative_supplier is not None
        assert risk.alternative_supplier.name == "Computacenter"
        assert risk.agreement is not None and risk.agreement.contract_number == "DELL-PS-4471"
    shown = [row for row in page.model.rows if row["organization"] == "Bechtle"]
    assert [(row["severity"], row["alternative"]) for row in shown] == [(16, "Computacenter")]


def test_due_diligence_checks_are_edited_on_the_organization_form(
        qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    dialog = window.edit_record("organization", _org_id(access, "Softcat"))
    tab = tab_of(dialog, DiligenceTab)
    assert tab is not None
    assert {row["result"] for row in tab.model.rows} == {"OK", "OK (expired)"}
    check = tab.edit_check(None)
    _pick(check.fields["topic"], "Data security")
    _pick(check.fields["result"], "Failed")
    _type(qtbot, check.fields["checked_on"], "2026-11-20")
    _type(qtbot, check.fields["expires_on"], "2026-11-01")
    qtbot.mouseClick(check.save_button, LEFT)
    assert "cannot expire" in check.problem.text()
    _type(qtbot, check.fields["expires_on"], "2027-11-20")
    qtbot.mouseClick(check.save_button, LEFT)
    with access.database.session("cli") as session:
        saved = session.scalars(select(DueDiligenceCheck).where(
            DueDiligenceCheck.checked_on == dt.date(2026, 11, 20))).one()
        assert saved.result.value == "failed"
    assert "Failed" in {row["result"] for row in tab.model.rows}
    window.open_record("organization", _org_id(access, "Softcat"))
    assert window.governance.scorecard.tiles["diligence"].value.text() == "2 issues"


def test_the_governance_models_pass_the_model_tester(
        qtbot: QtBot, qtmodeltester: ModelTester, window: MainWindow,
        access: DataAccess) -> None:
    page = window.governance.show_risks()
    qtmodeltester.check(page.model)
    qtbot.waitUntil(lambda: window.governance.flags.model.rowCount() > 0)
    qtmodeltester.check(window.governance.flags.model)
    dialog = window.edit_record("agreement", _agreement_id(access, "CSCO-SNT-9921"))
    cases = tab_of(dialog, CasesTab)
    assert cases is not None and cases.model.rowCount() == 3
    qtmodeltester.check(cases.model)
    organization = window.edit_record("organization", _org_id(access, "Computacenter"))
    diligence = tab_of(organization, DiligenceTab)
    reviews = tab_of(organization, ReviewsTab)
    assert diligence is not None and reviews is not None
    assert reviews.model.rowCount() == 2
    qtmodeltester.check(diligence.model)
    qtmodeltester.check(reviews.model)


def test_a_review_from_the_organization_form_updates_its_next_review(
        qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    dialog = window.edit_record("organization", _org_id(access, "Bechtle"))
    reviews = tab_of(dialog, ReviewsTab)
    assert reviews is not None and reviews.model.rowCount() == 1
    review = reviews.review()
    _type(qtbot, review.fields["next_review"], "2027-11-30")
    qtbot.mouseClick(review.save_button, LEFT)
    assert reviews.model.rowCount() == 2
    assert dialog.form.fields["next_review"].value() == dt.date(2027, 11, 30)
    _type(qtbot, dialog.form.fields["phone"], "+49 7132 981 0")  # then save the form
    qtbot.mouseClick(dialog.save_button, LEFT)
    with access.database.session("cli") as session:
        bechtle = session.get(Organization, _org_id(access, "Bechtle"))
        assert bechtle is not None and bechtle.next_review == dt.date(2027, 11, 30)


def test_log_a_call_from_an_item_form_finds_the_covering_agreement(
        qtbot: QtBot, window: MainWindow, access: DataAccess) -> None:
    with access.database.session("cli") as session:
        item_id = session.scalars(select(Item.id).where(
            Item.serial_number == "FOC2231X0AB")).one()
    dialog = window.edit_record("item", item_id)
    cases = tab_of(dialog, CasesTab)
    assert cases is not None and cases.model.rowCount() == 2
    call = cases.log_call()
    assert call.about.text().startswith("CSCO-SNT-9921")
    assert call.called.combo.currentText() == "Reseller — Computacenter"
    _type(qtbot, call.opened_at, "2026-11-20 16:00")  # a Friday afternoon: NBD is Monday
    assert call.deadline.text() == "8x5xNBD: due Mon 2026-11-23 17:00 — open"
    qtbot.mouseClick(call.save_button, LEFT)
    assert cases.model.rowCount() == 3
    assert cases.model.rows[0]["resolved_at"] == "open"
