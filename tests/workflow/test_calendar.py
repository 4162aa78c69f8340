"""The .ics file, parsed back: events, alarms at lead times, descriptions, stable UIDs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from icalendar import Calendar
from sqlalchemy.orm import Session

from contractdesk.db.models import Contact
from contractdesk.domain.enums import FirstLine
from contractdesk.services.calendar import calendar_for
from contractdesk.services.reminders import set_lead_times
from contractdesk.services.renewals import renewals
from contractdesk.services.terms import roll_forward
from tests.workflow.conftest import MakeAgreement

TODAY = dt.date(2026, 11, 25)


def events(session: Session, today: dt.date = TODAY) -> dict[str, Any]:
    parsed = Calendar.from_ical(calendar_for(session, renewals(session, today, 400)))
    return {str(event["uid"]): event for event in parsed.walk("VEVENT")}


def alarm_days(event: Any) -> list[int]:
    return sorted(-alarm.decoded("trigger").days for alarm in event.walk("VALARM"))


def test_one_event_per_notice_deadline_and_end_with_alarms_on_the_deadline(
        session: Session, make_agreement: MakeAgreement, support_contact: Contact) -> None:
    # notice is due only where silence renews: SNT-9921 renews, WAR-1 simply ends
    make_agreement(contract_number="SNT-9921", notice_period="P60D", auto_renew=True,
                   oem_reference="SITE-774", support_contact=support_contact)
    make_agreement(contract_number="WAR-1", notice_period=None, auto_renew=False,
                   end_date=dt.date(2027, 3, 31))
    found = sorted(events(session).values(), key=lambda e: (str(e["summary"])))
    summaries = [str(e["summary"]) for e in found]
    assert summaries == ["Notice deadline: SNT-9921", "SNT-9921 renews", "WAR-1 ends"]
    notice, end, warranty = found
    assert notice.decoded("dtstart") == dt.date(2026, 11, 1)
    assert end.decoded("dtstart") == dt.date(2026, 12, 31)
    assert warranty.decoded("dtstart") == dt.date(2027, 3, 31)
    # the deadline is a Sunday: the alarms count down to Friday, the last working day
    assert alarm_days(notice) == [7 + 2, 30 + 2, 60 + 2, 90 + 2]
    assert "act by Fri 30 Oct 2026" in str(notice["description"])
    assert alarm_days(end) == []
    assert alarm_days(warranty) == [7, 30, 60, 90]
    description = str(notice["description"])
    assert "Contract number: SNT-9921" in description
    assert "Quote: SITE-774" in description
    assert "Call: Computacenter (reseller) — CC Escalations +44 1707 631 999" in description


def test_alarms_follow_the_agreements_own_lead_times(
        session: Session, make_agreement: MakeAgreement) -> None:
    agreement = make_agreement(notice_period="P30D")
    set_lead_times(session, agreement, [21, 3])
    (notice,) = [e for e in events(session).values() if "Notice" in str(e["summary"])]
    assert alarm_days(notice) == [3, 21]


def test_uids_are_stable_across_exports_and_unique_per_date(
        session: Session, make_agreement: MakeAgreement) -> None:
    make_agreement(contract_number="A-1", notice_period="P30D")
    make_agreement(contract_number="A-2", notice_period="P30D")
    first = events(session)
    second = events(session)
    assert len(first) == 4
    assert set(first) == set(second)


def test_a_rolled_auto_renewal_moves_its_events_under_the_same_uids(
        session: Session, make_agreement: MakeAgreement) -> None:
    make_agreement(contract_number="M365", notice_period="P1M", auto_renew=True,
                   renewal_term="P1Y", end_date=dt.date(2026, 12, 31))
    before = events(session, dt.date(2026, 11, 25))
    assert roll_forward(session, dt.date(2027, 11, 25)) == 1
    after = events(session, dt.date(2027, 11, 25))
    assert len(before) == 2
    assert set(before) == set(after)
    moved = {uid: (before[uid].decoded("dtstart"), after[uid].decoded("dtstart"))
             for uid in before}
    assert sorted(moved.values()) == [(dt.date(2026, 11, 30), dt.date(2027, 11, 30)),
                                      (dt.date(2026, 12, 31), dt.date(2027, 12, 31))]
    (end,) = [e for e in after.values() if "renews" in str(e["summary"])]
    assert "Renewed automatically 1 time(s) since " in str(end["description"])


def test_a_rolled_auto_renewal_says_since_when_it_renews_automatically(
        session: Session, make_agreement: MakeAgreement) -> None:
    make_agreement(contract_number="M365", notice_period="P1M", auto_renew=True,
                   renewal_term="P1Y", end_date=dt.date(2026, 12, 31))
    roll_forward(session, dt.date(2027, 11, 25))
    (end,) = [e for e in events(session, dt.date(2027, 11, 25)).values()
              if "renews" in str(e["summary"])]
    # since the end of the signed term, not the end of the term it is in now
    assert "Renewed automatically 1 time(s) since 2026-12-31" in str(end["description"])


def test_who_to_call_falls_back_to_the_oems_phone(
        session: Session, make_agreement: MakeAgreement) -> None:
    make_agreement(contract_number="OEM-1", notice_period=None,
                   first_line_support=FirstLine.OEM, end_date=dt.date(2027, 1, 31))
    (event,) = events(session).values()
    assert "Call: Cisco (oem) — +49 811 0" in str(event["description"])
