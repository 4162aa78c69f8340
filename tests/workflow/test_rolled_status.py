"""Auto-renewals written as terms: the renewals list, the derived status and the export
all read the current term once it is rolled forward."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy.orm import Session

from contractdesk.domain.enums import AgreementStatus
from contractdesk.exporting.json_export import write_json
from contractdesk.exporting.request import ExportRequest
from contractdesk.services.renewals import renewals, statuses
from contractdesk.services.terms import roll_forward, terms_of
from tests.workflow.conftest import MakeAgreement

TODAY = dt.date(2026, 11, 25)


def test_rolled_agreement_is_listed_with_its_current_term_and_rollovers(
        session: Session, make_agreement: MakeAgreement) -> None:
    rolled = make_agreement(start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 12, 31),
                            auto_renew=True, renewal_term="P1Y", notice_period="P3M")
    assert roll_forward(session, TODAY) == 2
    assert roll_forward(session, TODAY) == 0  # once: a second run writes nothing
    (entry,) = renewals(session, TODAY)
    assert entry.agreement is rolled
    assert (entry.rolled_over, entry.end_date, entry.notice_deadline, entry.action,
            entry.overdue) == (2, dt.date(2026, 12, 31), dt.date(2026, 9, 30),
                               "give_notice", True)
    # the shared status rule: notice deadline passed, end within the window
    assert entry.status == AgreementStatus.EXPIRING


def test_status_of_rolled_lapsed_and_plain_agreements(
        session: Session, make_agreement: MakeAgreement) -> None:
    past = {"start_date": dt.date(2024, 1, 1), "end_date": dt.date(2025, 6, 30)}
    rolled = make_agreement(auto_renew=True, **past)
    lapsed = make_agreement(auto_renew=False, **past)
    cancelled = make_agreement(auto_renew=True, cancelled=True, **past)
    roll_forward(session, TODAY)
    found = statuses(session, [rolled, lapsed, cancelled], TODAY)
    assert found == {rolled.id: AgreementStatus.ACTIVE, lapsed.id: AgreementStatus.EXPIRED,
                     cancelled.id: AgreementStatus.CANCELLED}


def test_export_statuses_follow_the_rolled_term(
        session: Session, make_agreement: MakeAgreement, tmp_path: Path) -> None:
    make_agreement(contract_number="ROLL", auto_renew=True, start_date=dt.date(2024, 1, 1),
                   end_date=dt.date(2025, 12, 10), notice_period="P30D")
    make_agreement(contract_number="GONE", start_date=dt.date(2024, 1, 1),
                   end_date=dt.date(2025, 12, 10))
    roll_forward(session, TODAY)
    target = tmp_path / "x.json"
    write_json(session, target, ExportRequest(today=TODAY))
    rows = {row["contract_number"]: row for row in json.loads(target.read_text())["agreements"]}
    # ROLL's current term ends 2026-12-10 (notice by 2026-11-10): not expired
    assert rows["ROLL"]["status"] == "expiring"
    assert rows["ROLL"]["end_date"] == "2026-12-10"
    assert rows["ROLL"]["notice_deadline"] == "2026-11-10"
    assert rows["GONE"]["status"] == "expired"
    assert rows["GONE"]["notice_deadline"] is None  # it does not renew: nothing to give


def test_rolled_terms_keep_the_first_term_and_its_price(
        session: Session, make_agreement: MakeAgreement) -> None:
    rolled = make_agreement(start_date=dt.date(2025, 1, 31), end_date=dt.date(2025, 2, 28),
                            auto_renew=True, renewal_term="P1M")
    roll_forward(session, dt.date(2025, 5, 1))
    history = terms_of(session, rolled)
    assert [(t.position, t.origin.value, t.start_date, t.end_date) for t in history] == [
        (1, "signed", dt.date(2025, 1, 31), dt.date(2025, 2, 28)),
        (2, "auto_renewed", dt.date(2025, 3, 1), dt.date(2025, 3, 28)),
        (3, "auto_renewed", dt.date(2025, 3, 29), dt.date(2025, 4, 28)),
        (4, "auto_renewed", dt.date(2025, 4, 29), dt.date(2025, 5, 28))]
    assert {t.cost for t in history} == {rolled.cost}
    assert (rolled.start_date, rolled.end_date, rolled.rolled_over) == (
        dt.date(2025, 4, 29), dt.date(2025, 5, 28), 3)


def test_unreadable_renewal_term_leaves_the_recorded_dates(
        session: Session, make_agreement: MakeAgreement) -> None:
    broken = make_agreement(auto_renew=True, end_date=dt.date(2025, 6, 30))
    broken.renewal_term = "every year"  # as a bulk path that skips validation could
    assert roll_forward(session, TODAY) == 0
    assert statuses(session, [broken], TODAY)[broken.id] == AgreementStatus.EXPIRED
