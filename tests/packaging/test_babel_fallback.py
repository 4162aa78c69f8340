"""The runtime hook that stands in for the Babel locales the bundle leaves out."""

from collections.abc import Iterator
from decimal import Decimal

import pytest
import rthook_babel_locales
from babel import Locale, UnknownLocaleError, localedata
from babel.numbers import format_currency

SHIPPED = {"root", "en", "en_GB", "de", "de_DE"}


@pytest.fixture
def bundle_like_babel(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Babel as in the bundle: only SHIPPED locales have data files; the hook installed."""
    real_exists = localedata.exists
    monkeypatch.setattr(localedata, "exists", lambda name: name in SHIPPED and real_exists(name))
    monkeypatch.setattr(localedata, "load", localedata.load)
    monkeypatch.setattr(localedata, "_cache", {})
    # Babel 2.19 keeps a second cache of the merged data: without its own, the English
    # stand-in for ja_JP would outlive this fixture
    monkeypatch.setattr(localedata, "_dict_cache", {}, raising=False)
    rthook_babel_locales.install(set(localedata.locale_identifiers()))
    yield


@pytest.mark.usefixtures("bundle_like_babel")
def test_a_locale_left_out_formats_like_english() -> None:
    japanese = Locale.parse("ja_JP")
    assert format_currency(Decimal("1234.5"), "EUR", locale=japanese) == "€1,234.50"


@pytest.mark.usefixtures("bundle_like_babel")
def test_shipped_locales_keep_their_own_data() -> None:
    assert format_currency(Decimal("1234.5"), "EUR", locale=Locale.parse("de_DE")) \
        == "1.234,50\xa0€"


@pytest.mark.usefixtures("bundle_like_babel")
def test_a_locale_babel_never_heard_of_still_fails() -> None:
    with pytest.raises(UnknownLocaleError):
        Locale.parse("xx_QQ")


def test_the_hook_does_nothing_outside_a_bundle() -> None:
    assert localedata.exists("ja")  # module import above ran _install_in_bundle: no-op
    # the locale's own data, not English: its name for itself
    assert Locale.parse("ja_JP").get_language_name() == "日本語"
