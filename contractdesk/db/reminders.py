"""What the renewal workflow remembers: reminder stages handled or snoozed, per-agreement
lead times, and notices given.

Reminders themselves are derived from the agreement's dates each time; only what the
user did about one is stored. A state row is keyed by the deadline it was about, so
when the deadline moves (an auto-renewal rolled, the end date was corrected) the
reminders for the new deadline start fresh instead of staying silenced.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from contractdesk.db.base import Base, IntPK, LongText, enum_column
from contractdesk.domain.reminders import NoticeMethod

if TYPE_CHECKING:
    from contractdesk.db.models import Agreement, Document


class ReminderState(Base):
    """The user's answer to one stage of one deadline's reminders."""

    __tablename__ = "reminder_state"
    __table_args__ = (UniqueConstraint("agreement_id", "deadline", "stage_days"),)

    id: Mapped[IntPK]
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    deadline: Mapped[dt.date]
    stage_days: Mapped[int] = mapped_column(Integer)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    snoozed_until: Mapped[dt.date | None]
    last_notified_on: Mapped[dt.date | None]

    agreement: Mapped[Agreement] = relationship()

    def __str__(self) -> str:
        return f"{self.agreement}: {self.stage_days} days before {self.deadline.isoformat()}"


class LeadTimeOverride(Base):
    """An agreement's own reminder stages, replacing the default ones."""

    __tablename__ = "reminder_lead_times"

    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), primary_key=True)
    lead_days: Mapped[str] = mapped_column(String(100))  # "90,60,30,7", longest first

    agreement: Mapped[Agreement] = relationship()

    def __str__(self) -> str:
        return f"{self.agreement}: reminders {self.lead_days} days ahead"


class NoticeRecord(Base):
    """Notice given on an agreement: when, to whom, how, and the letter if there is one."""

    __tablename__ = "notice"

    id: Mapped[IntPK]
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    sent_on: Mapped[dt.date]
    sent_to: Mapped[str] = mapped_column(String(200))
    method: Mapped[NoticeMethod] = mapped_column(enum_column(NoticeMethod))
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"))
    notes: Mapped[LongText]

    agreement: Mapped[Agreement] = relationship()
    document: Mapped[Document | None] = relationship()

    def __str__(self) -> str:
        return (f"{self.agreement}: notice sent {self.sent_on.isoformat()} to "
                f"{self.sent_to} by {self.method.value}")
