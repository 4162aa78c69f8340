"""Values typed into a form, read by the importer's parsers.

A person types "£4,250.00", "3 Monate" or "01.02.2029" into a form as into a spreadsheet
cell, so a form reads them with the very parsers the import uses (one parser per kind of
value). Here they raise ``ValueError`` with the importer's reason, as form fields do, and
a form adds one rule the importer settles per column instead: a date whose day and month
can be swapped is asked, never guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from contractdesk.domain.clauses import ClauseReading, Role, read_clause
from contractdesk.domain.durations import Duration
from contractdesk.domain.enums import NoticeAnchor
from contractdesk.importing.cells import Reason
from contractdesk.importing.dates import DateOrder, parse_date
from contractdesk.importing.values import Amount, parse_money

PERIOD_FIELDS: dict[str, Role] = {"notice_period": Role.NOTICE, "initial_term": Role.TERM,
                                  "renewal_term": Role.RENEWAL}
"""The agreement's period fields, and what a bare period typed into each means."""

_SLOTS = {Role.NOTICE: "notice_period", Role.TERM: "initial_term",
          Role.RENEWAL: "renewal_term"}


def read_period(text: str | None, role: Role) -> str | None:
    """A period typed as ISO (``P3M``) or in words (``3 Monate``, ``90 days``, ``1 year``)
    as ISO, read by the clause reader the import reads clause columns with; blank gives
    None.

    Raises:
        ValueError: not a period, or wording that says more than one (``3 Monate zum
            Quartalsende``), which belongs in the clause, where nothing of it is lost.
    """
    if text is None or not text.strip():
        return None
    try:
        return Duration.parse(text).isoformat()
    except ValueError:
        pass
    reading = read_clause(text, role)
    period = getattr(reading, _SLOTS[role])
    rest = replace(reading, **{_SLOTS[role]: None})
    # what a bare period means in its field: notice to the end of the term, a renewal
    if rest.notice_anchor is NoticeAnchor.TERM_END:
        rest = replace(rest, notice_anchor=None)
    if role is Role.RENEWAL and rest.auto_renew:
        rest = replace(rest, auto_renew=None)
    if period is None or rest != ClauseReading():
        raise ValueError(f"'{text.strip()}' says more than a period: write it in the "
                         "clause field and press Apply")
    return period.isoformat()


def read_money(text: str) -> Amount | None:
    """``4250``, ``£4,250.00``, ``4250 GBP``, ``12.500,00 €``: the amount and the currency
    the text names, if any; blank gives None.

    Raises:
        ValueError: not an amount (negative, three decimals, an unknown code).
    """
    found = parse_money(text)
    if isinstance(found, Reason):
        raise ValueError(found.text)
    return found


def read_date(text: str) -> dt.date | None:
    """ISO, ``28.02.2026``, ``28/02/2026``, ``3/15/2026`` or ``1 March 2026``; blank gives
    None.

    Raises:
        ValueError: not a date, or a day and month that can be swapped (``01/02/2029``):
            the reason names both readings, since a wrong guess moves a deadline.
    """
    text = text.strip()
    if not text:
        return None
    if text.isdigit():  # a spreadsheet's day number, or a year typed half-way
        raise ValueError(f"'{text}' is not a date (write 2026-02-28 or 28.02.2026)")
    day_first = parse_date(text, DateOrder.DAY_FIRST)
    month_first = parse_date(text, DateOrder.MONTH_FIRST)
    if (isinstance(day_first, dt.date) and isinstance(month_first, dt.date)
            and day_first != month_first):
        raise ValueError(f"'{text}' could be {_long(day_first)} or {_long(month_first)}: "
                         f"write {day_first.isoformat()} or {month_first.isoformat()}")
    found = day_first if isinstance(day_first, dt.date) else month_first
    if isinstance(found, dt.date):
        return found
    reason = day_first if isinstance(day_first, Reason) else month_first
    raise ValueError(f"{reason.text if isinstance(reason, Reason) else text} "
                     "(write 2026-02-28 or 28.02.2026)")


def _long(day: dt.date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def currency_mismatch(named: str | None, currency: str | None) -> str | None:
    """Why an amount naming ``named`` (``£``, ``GBP``) does not fit a record kept in
    ``currency``; the record's currency is never changed silently to fit it."""
    if named is None or named == currency:
        return None
    if not currency:
        return f"the amount is in {named}: set the currency to {named}"
    return (f"the amount is in {named}, but the currency is {currency}: change the "
            "currency or the amount")
