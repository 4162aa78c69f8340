"""Renewal deadlines as an iCalendar file that Outlook, Google and Apple Calendar import.

UIDs are derived from the agreement's natural key and the kind of date, so importing a
newer file updates the same events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from icalendar import Alarm, Calendar, Event

from contractdesk import __version__
from contractdesk.db.models import Agreement
from contractdesk.services.renewals import RenewalEntry

UID_DOMAIN = "contractdesk.invalid"
DEFAULT_ALARM_DAYS = (30, 7)


def event_uid(agreement: Agreement, what: str) -> str:
    oem = agreement.oem.name if agreement.oem else ""
    key = f"{oem}|{agreement.contract_number or agreement.title}|{what}"
    return f"{hashlib.sha256(key.encode()).hexdigest()[:24]}-{what}@{UID_DOMAIN}"


def _describe(agreement: Agreement) -> str:
    lines = [f"Contract: {agreement.contract_number or '—'}", f"Title: {agreement.title}"]
    if agreement.oem:
        lines.append(f"OEM: {agreement.oem.name}")
    if agreement.reseller:
        lines.append(f"Reseller: {agreement.reseller.name}")
    contact = agreement.support_contact
    if contact is not None:
        lines.append(f"Call: {contact.name} {contact.phone or ''} {contact.email or ''}".strip())
    if agreement.cost is not None:
        lines.append(f"Cost: {agreement.cost:.2f} {agreement.currency}")
    return "\n".join(lines)


def _event(agreement: Agreement, what: str, day: dt.date, summary: str,
           alarm_days: Iterable[int], stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", event_uid(agreement, what))
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", _describe(agreement))
    event.add("transp", "TRANSPARENT")
    for days in alarm_days:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", dt.timedelta(days=-days))
        event.add_component(alarm)
    return event


def build_calendar(entries: Iterable[RenewalEntry],
                   alarm_days: Iterable[int] = DEFAULT_ALARM_DAYS) -> bytes:
    """One event per notice deadline and per end date of each entry's agreement."""
    calendar = Calendar()
    calendar.add("prodid", f"-//ContractDesk//ContractDesk {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "ContractDesk renewals")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    alarms = tuple(alarm_days)
    for entry in entries:
        agreement = entry.agreement
        name = agreement.contract_number or agreement.title
        deadline = agreement.notice_deadline
        if deadline is not None:
            calendar.add_component(_event(agreement, "notice", deadline,
                                          f"Notice deadline: {name}", alarms, stamp))
        if agreement.end_date is not None:
            verb = "renews" if agreement.auto_renew else "ends"
            calendar.add_component(_event(agreement, "end", agreement.end_date,
                                          f"{name} {verb}", alarms, stamp))
    return bytes(calendar.to_ical())
