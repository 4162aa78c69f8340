"""The support card: who to call first, the number, what to quote, until when."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy.orm import Session

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement, Item
from contractdesk.domain.enums import AgreementKind
from contractdesk.errors import NotFoundError
from contractdesk.reports.data.support import (
    support_for_agreement,
    support_for_all,
    support_for_serial,
)
from contractdesk.reports.formatting import Formatter
from contractdesk.reports.support import render_support
from tests.conftest import TODAY
from tests.reports.builders import add_mueller, flat, pdf_pages

NOW = dt.datetime(2026, 11, 25, 2, 0)
EN = Formatter.for_locale("en_GB")


def text_of(data: object) -> str:
    out = io.BytesIO()
    render_support(data, out, EN, NOW)  # type: ignore[arg-type]
    return flat(pdf_pages(out.getvalue()))


def test_serial_card_names_first_call_phone_ids_and_end(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        data = support_for_serial(session, " 7HG2KM3 ", TODAY)
    assert [c.contract_number for c in data.cards] == ["DELL-PS-4471", "DELL-PS-4471-X"]
    first = data.cards[0]
    assert first.first_call is not None and first.first_call.organization == "Dell Technologies"
    assert first.first_call.phone == "+49 69 9792 7300"
    assert ("Serial number", "7HG2KM3") in first.quote
    text = text_of(data)
    assert "Dell ProSupport" in text and "+49 69 9792 7300" in text
    assert "DELL-PS-4471-REF" in text and "until 4 Jan 2027 (40 days left)" in text
    assert "Not yet: starts 5 Jan 2027" in text  # the extension, not yet running


def test_support_contact_of_the_other_party_becomes_second_call(
        sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        card = support_for_agreement(session, "VEEAM-DP-1187", TODAY).cards[0]
    assert card.first_call is not None and card.second_call is not None
    assert card.first_call.organization == "Veeam Software"  # first line: OEM
    assert card.first_call.phone == "+41 41 766 71 31"  # no desk recorded: switchboard
    assert card.second_call.contact == "Bechtle Service Desk"


def test_all_lists_running_agreements_only(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        numbers = {c.contract_number for c in support_for_all(session, TODAY).cards}
    # HPE-CP-5510 had notice given but runs until its end: it still covers
    assert {"DELL-PS-4471", "HPE-NS-700124", "CSCO-SNT-9921", "MS-EA-2024",
            "HPE-CP-5510"} <= numbers
    for finished in ("DELL-OPT-7410", "HPE-NS-700123", "CC-MS-0042", "DELL-PS-4471-X"):
        assert finished not in numbers


def test_expired_cover_is_said_in_words(session: Session) -> None:
    orgs = add_mueller(session, TODAY)
    item = Item(oem=orgs["fujitsu"], description="Old switch", serial_number="OLD-1")
    session.add(Agreement(contract_number="GONE-1", kind=AgreementKind.WARRANTY,
                          oem=orgs["fujitsu"], start_date=dt.date(2020, 1, 1),
                          end_date=dt.date(2023, 1, 1), currency="EUR", items=[item]))
    session.flush()
    data = support_for_serial(session, "OLD-1", TODAY)
    assert data.warning is not None and "Nothing covers OLD-1 today" in data.warning
    assert "EXPIRED on 1 Jan 2023" in text_of(data)


def test_umlauts_on_the_card(session: Session) -> None:
    add_mueller(session, TODAY)
    text = text_of(support_for_serial(session, "YM8K001234", TODAY))
    assert "Müller Systemhaus GmbH — Jürgen Weiß" in text  # first line: the reseller
    assert "FTS-ÄÖÜ-77" in text and "Rechenzentrum München" in text


def test_unknown_serial_and_agreement_name_the_closest(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        with pytest.raises(NotFoundError, match=r"Did you mean: .*7HG2KM3"):
            support_for_serial(session, "7HG2KM", TODAY)
        with pytest.raises(NotFoundError, match="No agreement has contract number"):
            support_for_agreement(session, "NOPE", TODAY)


def test_card_covering_hundreds_of_items_breaks_across_pages(session: Session) -> None:
    orgs = add_mueller(session, TODAY)
    items = [Item(oem=orgs["fujitsu"], description="Thin client FUTRO S9010",
                  serial_number=f"TC-{n:05d}", location="Filiale Köln") for n in range(300)]
    session.add(Agreement(contract_number="FLEET-1", kind=AgreementKind.WARRANTY,
                          oem=orgs["fujitsu"], reseller=orgs["mueller"],
                          start_date=TODAY - dt.timedelta(days=10),
                          end_date=TODAY + dt.timedelta(days=700), currency="EUR",
                          items=items))
    session.flush()
    out = io.BytesIO()
    pages = render_support(support_for_agreement(session, "FLEET-1", TODAY), out, EN, NOW)
    texts = pdf_pages(out.getvalue())
    assert pages > 1
    assert "TC-00000" in texts[0] and "TC-00299" in texts[-1]
    assert all("FLEET-1" in text for text in texts)  # the card's title repeats
