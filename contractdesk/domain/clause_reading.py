"""What a clause says, as the clause reader gives it: the vocabulary the importer, the
agreement form and the reader's parts share."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from contractdesk.domain.durations import Duration
from contractdesk.domain.enums import NoticeAnchor, NoticeForm


class Role(StrEnum):
    """Which column or form field the text came from: decides what a bare duration means."""

    NOTICE = "notice"        # "3 Monate" in a Kündigungsfrist column is a notice period
    TERM = "term"            # "36 Monate" in a Laufzeit column is the initial term
    RENEWAL = "renewal"      # "12 Monate" in a Verlängerung column is the renewal period
    LEAD_TIME = "lead_time"  # "2 Wochen" in an "Interne Vorlaufzeit" column: our own lead time


@dataclass(frozen=True, slots=True)
class ClauseReading:
    """What a text says; None = it says nothing about that."""

    notice_period: Duration | None = None
    notice_anchor: NoticeAnchor | None = None
    notice_form: NoticeForm | None = None
    initial_term: Duration | None = None
    open_ended: bool | None = None
    renewal_term: Duration | None = None
    auto_renew: bool | None = None
    lead_time_days: int | None = None   # weeks/months converted: 1 week = 7, 1 month = 30 days


class ClauseError(ValueError):
    """The text could not be read; str(error) is a short reason for the user, naming the
    part not understood, e.g. "'bis auf Widerruf' is not a notice period such as
    '3 months to the end of a quarter'"."""
