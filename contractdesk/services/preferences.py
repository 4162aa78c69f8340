"""The team's shared preferences, kept in the database: one registry of typed keys.

These are facts about the organization, not about one person's window (those stay in
the window's settings file): the name and address a notice letter is signed with, the
country whose public holidays move an act-by date, the default internal lead time, the
largest file anyone may attach (the documents are the team's, beside the database).
The command line and the window read them from here, so both give the same act-by
date and the same letter. An unreadable stored value falls back to the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.db.models import Preference
from contractdesk.domain.working_days import DaysOff, UnknownRegion, system_country
from contractdesk.errors import ValidationError

T = TypeVar("T", int, str)

MAX_LEAD_DAYS = 365


@dataclass(frozen=True)
class Key(Generic[T]):
    """A preference; a number is a whole count of ``unit`` from ``minimum`` to
    ``maximum``."""

    name: str
    default: T
    label: str
    unit: str = "days"
    minimum: int = 0
    maximum: int = MAX_LEAD_DAYS


OWN_NAME = Key("own.name", "", "our organization's name, as letters are signed")
OWN_ADDRESS = Key("own.address", "", "our postal address (lines separated by '\\n')")
OWN_SIGNATORY = Key("own.signatory", "", "who signs notice letters")
LETTER_LANGUAGE = Key("letter.language", "en", "notice letters in 'en' or 'de'")
HOLIDAY_COUNTRY = Key("holidays.country", "", "public holidays of this country "
                      "(two letters, e.g. DE; empty: the system's)")
HOLIDAY_REGION = Key("holidays.region", "", "and of this region (e.g. BY), or none")
LEAD_TIME_DAYS = Key("notice.lead_time_days", 0, "days we need internally before notice "
                     "can go out, unless an agreement says otherwise")
MAX_ATTACHMENT_MB = Key("documents.max_mb", 200, "largest file that may be attached, in MB",
                        unit="MB", minimum=1, maximum=100_000)

KEYS: dict[str, Key[int] | Key[str]] = {key.name: key for key in (
    OWN_NAME, OWN_ADDRESS, OWN_SIGNATORY, LETTER_LANGUAGE, HOLIDAY_COUNTRY,
    HOLIDAY_REGION, LEAD_TIME_DAYS, MAX_ATTACHMENT_MB)}


def _stored(session: Session, name: str) -> Preference | None:
    return session.scalars(select(Preference).where(Preference.key == name)).first()


def get(session: Session, key: Key[T]) -> T:
    stored = _stored(session, key.name)
    if stored is None:
        return key.default
    if isinstance(key.default, int):
        text = stored.value.strip()
        return type(key.default)(int(text)) if text.isdigit() else key.default
    return type(key.default)(stored.value)


def all_preferences(session: Session) -> dict[str, int | str]:
    values: dict[str, int | str] = {}
    for name, key in KEYS.items():
        values[name] = get(session, key)  # type: ignore[misc]  # int or str keys alike
    return values


def set_preference(session: Session, name: str, value: str) -> int | str:
    """Stores one preference from the user's text; returns the value as read.

    Raises:
        ValidationError: an unknown key, or a value that key cannot take.
    """
    key = KEYS.get(name)
    if key is None:
        raise ValidationError({name: f"not a preference (known: {', '.join(KEYS)})"})
    text = value.strip()
    typed: int | str = text
    if isinstance(key.default, int):
        if not text.isdigit() or not key.minimum <= int(text) <= key.maximum:
            raise ValidationError({name: f"{value!r} is not a number of {key.unit} "
                                         f"from {key.minimum} to {key.maximum}"})
        typed = int(text)
    elif key is LETTER_LANGUAGE and text not in ("en", "de"):
        raise ValidationError({name: f"{value!r} is not 'en' or 'de'"})
    elif key in (HOLIDAY_COUNTRY, HOLIDAY_REGION):
        typed = text.upper()
        country = text if key is HOLIDAY_COUNTRY else get(session, HOLIDAY_COUNTRY)
        region = text if key is HOLIDAY_REGION else get(session, HOLIDAY_REGION)
        try:
            DaysOff(country or system_country(), region)
        except UnknownRegion as error:
            raise ValidationError({name: str(error)}) from error
    stored = _stored(session, name)
    if stored is None:
        session.add(Preference(key=name, value=str(typed)))
    else:
        stored.value = str(typed)
    session.flush()
    return typed


def set_preferences(session: Session, values: dict[str, str]) -> None:
    """Stores several preferences at once, all or none (the window's Settings).

    Raises:
        ValidationError: with every value that cannot be taken, by key.
    """
    problems: dict[str, str] = {}
    for name, value in values.items():
        try:
            set_preference(session, name, value)
        except ValidationError as error:
            problems.update(error.problems)
    if problems:
        raise ValidationError(problems)


def days_off(session: Session) -> DaysOff:
    """Weekends and the public holidays of the preferred (else the system's) country;
    a stored country or region the calendar no longer knows gives weekends only,
    rather than no act-by date at all."""
    country = get(session, HOLIDAY_COUNTRY) or system_country()
    try:
        return DaysOff(country, get(session, HOLIDAY_REGION) if country else "")
    except UnknownRegion:
        return DaysOff()
