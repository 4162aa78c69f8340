"""The support card's words: days since cover ended, a follow-on as information, an
open risk's advice, no support line, SLA codes spelled out; and the phone list."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy.orm import Session

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement, Item
from contractdesk.domain.enums import AgreementKind
from contractdesk.errors import UserError
from contractdesk.reports.data import support as support_data
from contractdesk.reports.data.phone_list import phone_list
from contractdesk.reports.data.support import (
    support_for_agreement,
    support_for_all,
    support_for_serial,
)
from contractdesk.reports.formatting import Formatter
from contractdesk.reports.phone_list import render_phone_list
from contractdesk.reports.styles import ACCENT, ALERT, MUTED
from contractdesk.reports.support import render_support, sla_words
from tests.conftest import TODAY
from tests.reports.builders import add_mueller, flat, pdf_pages

NOW = dt.datetime(2026, 11, 25, 2, 0)
EN = Formatter.for_locale("en_GB")


def card_text(data: support_data.SupportData) -> str:
    out = io.BytesIO()
    render_support(data, out, EN, NOW)
    return flat(pdf_pages(out.getvalue()))


def test_expired_cover_says_how_long_ago(session: Session) -> None:
    orgs = add_mueller(session, TODAY)
    item = Item(oem=orgs["fujitsu"], description="Old switch", serial_number="OLD-1")
    session.add(Agreement(contract_number="GONE-1", kind=AgreementKind.WARRANTY,
                          oem=orgs["fujitsu"], start_date=dt.date(2020, 1, 1),
                          end_date=dt.date(2024, 12, 13), currency="EUR", items=[item]))
    session.flush()
    text = card_text(support_for_serial(session, "OLD-1", TODAY))
    assert "ended 712 days ago" in text and "days left" not in text


def test_follow_on_is_information_not_a_red_frame(sample_database: Database,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    frames: list[object] = []
    real = support_data.SupportCard
    from contractdesk.reports import support as renderer

    original = renderer.TableStyle

    def spy(commands: list[tuple[object, ...]]) -> object:
        frames.extend(c[-1] for c in commands if c[0] == "BOX")
        return original(commands)

    monkeypatch.setattr(renderer, "TableStyle", spy)
    with sample_database.session("cli") as session:
        data = support_for_serial(session, "7HG2KM3", TODAY)
    assert all(isinstance(card, real) for card in data.cards)
    text = card_text(data)
    assert "A planned follow-on" in text
    assert frames == [ACCENT, MUTED] and ALERT not in frames


def test_open_risk_advice_on_the_card(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        cisco = card_text(support_for_agreement(session, "CSCO-SNT-9921", TODAY))
        dell = card_text(support_for_agreement(session, "DELL-PS-4471", TODAY))
    assert "Open P1 cases with Cisco TAC directly" in cisco
    assert "Open risk" not in dell  # no open risk on Dell or Bechtle


def test_no_support_line_is_said_before_the_account_manager(
        sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        card = support_for_agreement(session, "HPE-NS-700124", TODAY).cards[0]
        text = card_text(support_for_agreement(session, "HPE-NS-700124", TODAY))
    assert card.first_call is not None and card.first_call.note == "no support line recorded"
    assert "Gareth Hughes (no support line recorded)" in text


def test_sla_codes_spelled_out() -> None:
    assert sla_words("24x7x4") == "24x7x4: 24 hours a day, 7 days a week, fixed within 4 hours"
    assert sla_words("8x5xNBD") == ("8x5xNBD: 09:00–17:00, Monday to Friday, fixed by the "
                                    "end of the next business day")
    assert sla_words("gold") == "gold" and sla_words(None) == "not recorded"


def test_all_is_bounded_and_points_to_the_phone_list(
        sample_database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(support_data, "ALL_LIMIT", 3)
    with sample_database.session("cli") as session, \
            pytest.raises(UserError, match=r"report support --list"):
        support_for_all(session, TODAY)


def test_phone_list_columns_sorting_and_oem_headings(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        data = phone_list(session, TODAY)
    oems = [line.oem for line in data.lines]
    assert oems == sorted(oems, key=str.casefold) and len(set(oems)) > 2
    out = io.BytesIO()
    render_phone_list(data, out, EN, NOW)
    text = flat(pdf_pages(out.getvalue()))
    assert ("Serial Asset tag Site Call first Phone Contract number Cover until" in text)
    assert "Cisco (3)" in text and "Dell Technologies (5)" in text
    assert text.index("Cisco (3)") < text.index("Dell Technologies (5)")
    assert ("7HG2KM3 AT-G2KM3 Frankfurt DC, rack B4 Dell Technologies — Dell ProSupport "
            "+49 69 9792 7300 DELL-PS-4471 4 Jan 2027") in text
    assert "DELL-PS-4471-X" not in text  # not running yet
