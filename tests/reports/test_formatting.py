"""Locale choice and formatting of money and dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from contractdesk.errors import UserError
from contractdesk.reports.formatting import Formatter, humanize, resolve_locale


def test_money_and_dates_follow_the_locale() -> None:
    gb, de = Formatter.for_locale("en_GB"), Formatter.for_locale("de-DE")
    assert gb.money(Decimal("1234.56"), "EUR") == "€1,234.56"
    assert de.money(Decimal("1234.56"), "EUR") == "1.234,56\xa0€"
    assert gb.date(dt.date(2024, 10, 2)) == "2 Oct 2024"
    assert de.date(dt.date(2024, 10, 2)) == "02.10.2024"
    assert de.month(dt.date(2024, 3, 1)) == "März 2024"


@pytest.mark.parametrize("environment", ["C", "POSIX", "C.UTF-8"])
def test_no_system_locale_means_en_gb(monkeypatch: pytest.MonkeyPatch,
                                      environment: str) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_NUMERIC", "LC_TIME", "LC_CTYPE", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", environment)
    assert str(resolve_locale()) == "en_GB"


def test_system_locale_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "de_AT.UTF-8")
    assert str(resolve_locale()) == "de_AT"


def test_unknown_locale_is_a_user_error() -> None:
    with pytest.raises(UserError, match="Unknown locale"):
        resolve_locale("klingon")


def test_letter_paper_in_north_america() -> None:
    assert Formatter.for_locale("en_US").uses_letter_paper
    assert not Formatter.for_locale("de_DE").uses_letter_paper


def test_humanize() -> None:
    assert humanize("software_support") == "Software support"
    assert humanize("oem") == "OEM"
    assert humanize(None) == ""
