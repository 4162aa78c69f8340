"""Renewal deadlines as an iCalendar file that Outlook, Google and Apple Calendar import.

UIDs are derived from the agreement's natural key and the kind of date, so importing a
newer file updates the same events instead of duplicating them; when an auto-renewing
agreement rolls forward, its events move to the new dates under the same UIDs.

Alarms sit on the date the user must act on (the notice deadline, or the end where no
notice applies) at the agreement's reminder lead times; the end date of an agreement
with a notice deadline is there for information and carries no alarm of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence

from icalendar import Alarm, Calendar, Event
from sqlalchemy.orm import Session

from contractdesk import __version__
from contractdesk.db.models import Agreement
from contractdesk.domain.enums import FirstLine
from contractdesk.domain.reminders import DEFAULT_LEAD_TIMES
from contractdesk.services.reminders import lead_time_overrides
from contractdesk.services.renewals import RenewalEntry

UID_DOMAIN = "contractdesk.invalid"
DEFAULT_ALARM_DAYS = DEFAULT_LEAD_TIMES


def event_uid(agreement: Agreement, what: str) -> str:
    oem = agreement.oem.name if agreement.oem else ""
    key = f"{oem}|{agreement.contract_number or agreement.title}|{what}"
    return f"{hashlib.sha256(key.encode()).hexdigest()[:24]}-{what}@{UID_DOMAIN}"


def _who_to_call(agreement: Agreement) -> str | None:
    """The first line of support in one line: the organization, then the person."""
    first = (agreement.reseller if agreement.first_line_support == FirstLine.RESELLER
             else agreement.oem)
    contact = agreement.support_contact
    parts = []
    if first is not None:
        role = agreement.first_line_support.value if agreement.first_line_support else ""
        parts.append(f"{first.name} ({role})" if role else first.name)
    if contact is not None:
        parts.append(" ".join(p for p in (contact.name, contact.phone, contact.email) if p))
    elif first is not None and first.phone:
        parts.append(first.phone)
    return " — ".join(parts) or None


def _describe(entry: RenewalEntry) -> str:
    agreement = entry.agreement
    lines = [f"Contract number: {agreement.contract_number or '—'}",
             f"Title: {agreement.title}"]
    if agreement.oem_reference:
        lines.append(f"Quote: {agreement.oem_reference}")
    call = _who_to_call(agreement)
    if call:
        lines.append(f"Call: {call}")
    if agreement.oem:
        lines.append(f"OEM: {agreement.oem.name}")
    if agreement.reseller:
        lines.append(f"Reseller: {agreement.reseller.name}")
    if entry.explanation:
        lines.append(entry.explanation)
    lines.append(f"Ends: {entry.end_date.isoformat()}"
                 + (" (renews automatically)" if agreement.auto_renew else ""))
    if entry.rolled_over:
        since = entry.rolled_since.isoformat() if entry.rolled_since else "—"
        lines.append(f"Renewed automatically {entry.rolled_over} time(s) since {since}")
    if agreement.cost is not None:
        lines.append(f"Cost: {agreement.cost:.2f} {agreement.currency}")
    return "\n".join(lines)


def _event(entry: RenewalEntry, what: str, day: dt.date, summary: str,
           alarm_days: Iterable[int], stamp: dt.datetime, acting: dt.date | None = None
           ) -> Event:
    """An all-day event on ``day``; its alarms count down to ``acting`` (the act-by
    date, before a notice deadline) where given, else to the day itself."""
    early = (day - acting).days if acting is not None and acting < day else 0
    event = Event()
    event.add("uid", event_uid(entry.agreement, what))
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", _describe(entry))
    event.add("transp", "TRANSPARENT")
    for days in alarm_days:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", dt.timedelta(days=-(days + early)))
        event.add_component(alarm)
    return event


def build_calendar(entries: Iterable[RenewalEntry],
                   alarm_days: Sequence[int] = DEFAULT_ALARM_DAYS,
                   overrides: Mapping[int, Sequence[int]] | None = None) -> bytes:
    """One event per notice deadline and per end date of each entry's current term.

    Args:
        alarm_days: the default reminder lead times.
        overrides: an agreement's own lead times by agreement id.
    """
    calendar = Calendar()
    calendar.add("prodid", f"-//ContractDesk//ContractDesk {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "ContractDesk renewals")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for entry in entries:
        agreement = entry.agreement
        name = agreement.contract_number or agreement.title
        alarms = tuple((overrides or {}).get(agreement.id, alarm_days))
        deadline = entry.notice_deadline
        if deadline is not None:
            calendar.add_component(_event(entry, "notice", deadline,
                                          f"Notice deadline: {name}", alarms, stamp,
                                          entry.act_by))
        verb = "renews" if agreement.auto_renew else "ends"
        calendar.add_component(_event(entry, "end", entry.end_date, f"{name} {verb}",
                                      () if deadline is not None else alarms, stamp))
    return bytes(calendar.to_ical())


def calendar_for(session: Session, entries: Iterable[RenewalEntry],
                 lead_times: Sequence[int] = DEFAULT_LEAD_TIMES) -> bytes:
    """:func:`build_calendar` with each agreement's own lead times from the database."""
    return build_calendar(entries, lead_times, lead_time_overrides(session))
