"""Saving through ``editing``: a blank required name and a word outside an enum are
refused by field, before the database sees them; periods in words are stored as ISO."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement
from contractdesk.errors import ValidationError
from contractdesk.services import editing
from contractdesk.services.typed_values import read_date, read_money


def test_a_blank_name_is_a_message_not_a_crash(database: Database) -> None:
    assert editing.problems("organization", {"name": None}) == {
        "name": "a name is required"}
    with database.transaction("cli") as session, pytest.raises(ValidationError) as error:
        editing.save(session, "organization", None, {"name": None})
    assert error.value.problems == {"name": "a name is required"}


def test_a_kind_outside_the_enum_is_refused_by_field(database: Database) -> None:
    values = {"title": "Support", "currency": "EUR", "kind": "support"}
    assert "'support' is not one of: warranty" in editing.problems("agreement",
                                                                    values)["kind"]
    with database.transaction("cli") as session, pytest.raises(ValidationError) as error:
        editing.save(session, "agreement", None, values)
    assert set(error.value.problems) == {"kind"}
    with database.transaction("cli") as session:
        record_id = editing.save(session, "agreement", None, {
            **values, "kind": "maintenance", "notice_period": "3 Monate",
            "renewal_term": "1 year"})
    with database.session("cli") as session:
        saved = session.get(Agreement, record_id)
        assert saved is not None
        assert (saved.kind.value, saved.notice_period, saved.renewal_term) == (
            "maintenance", "P3M", "P1Y")


def test_the_form_readers_are_the_importers() -> None:
    assert [(a.value, a.currency) for a in map(read_money, (
        "£4,250.00", "4250 GBP", "12.500,00 €", "12,500.00 EUR")) if a] == [
        (Decimal(4250), "GBP"), (Decimal(4250), "GBP"), (Decimal(12500), "EUR"),
        (Decimal(12500), "EUR")]
    with pytest.raises(ValueError, match="1 February 2029 or 2 January 2029"):
        read_date("01/02/2029")
    assert read_date("05/05/2029") == dt.date(2029, 5, 5)  # both readings agree
    assert read_date("3/15/2029") == dt.date(2029, 3, 15)
