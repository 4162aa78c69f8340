"""The vendor-governance records: reviews, due-diligence checks, risks, support cases.

They live apart from :mod:`contractdesk.db.models` (which imports this module at its end,
so every table is on ``Base.metadata`` for Alembic and ``open_database``) and refer to
the foundation's records without adding relationships to them.

Foreign keys: a review, check or risk belongs to its organization and goes with it
(CASCADE); a support case is history that outlives the agreement or item it was about
(SET NULL); evidence and the alternative supplier are optional pointers (SET NULL).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from contractdesk.db.base import Base, IntPK, LongText, OptDate, OptShortText, enum_column
from contractdesk.db.models import Agreement, Document, Item, Organization, Versioned
from contractdesk.domain.enums import FirstLine
from contractdesk.domain.governance_enums import DiligenceResult, DiligenceTopic, RiskStatus
from contractdesk.domain.severity import severity

SCORE_FIELDS = ("delivery", "support_quality", "responsiveness", "pricing", "sla_adherence")


class Review(Versioned, Base):
    """A periodic review of an organization, scored 1–5 per aspect (None = not scored)."""

    __tablename__ = "review"

    id: Mapped[IntPK]
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    review_date: Mapped[dt.date] = mapped_column(index=True)
    reviewer: Mapped[OptShortText]
    delivery: Mapped[int | None] = mapped_column(SmallInteger)
    support_quality: Mapped[int | None] = mapped_column(SmallInteger)
    responsiveness: Mapped[int | None] = mapped_column(SmallInteger)
    pricing: Mapped[int | None] = mapped_column(SmallInteger)
    sla_adherence: Mapped[int | None] = mapped_column(SmallInteger)
    findings: Mapped[LongText]
    actions: Mapped[LongText]
    next_review: Mapped[OptDate]

    organization: Mapped[Organization] = relationship()

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    def scores(self) -> dict[str, int | None]:
        return {name: getattr(self, name) for name in SCORE_FIELDS}

    def __str__(self) -> str:
        name = self.organization.name if self.organization is not None else "?"
        day = self.review_date.isoformat() if self.review_date else "undated"
        return f"review of {name} on {day}"


class DueDiligenceCheck(Versioned, Base):
    """One dated checklist item on an organization, optionally backed by a document."""

    __tablename__ = "due_diligence_check"

    id: Mapped[IntPK]
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    topic: Mapped[DiligenceTopic] = mapped_column(enum_column(DiligenceTopic),
                                                  default=DiligenceTopic.OTHER)
    result: Mapped[DiligenceResult] = mapped_column(enum_column(DiligenceResult),
                                                    default=DiligenceResult.NOT_CHECKED)
    checked_on: Mapped[OptDate]
    expires_on: Mapped[OptDate]
    evidence_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"))
    notes: Mapped[LongText]

    organization: Mapped[Organization] = relationship()
    evidence: Mapped[Document | None] = relationship()

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    def expired(self, today: dt.date) -> bool:
        return self.expires_on is not None and self.expires_on < today

    def __str__(self) -> str:
        name = self.organization.name if self.organization is not None else "?"
        return f"{name}: {self.topic.value if self.topic else 'check'}"


class Risk(Versioned, Base):
    """A risk of depending on an organization and/or one agreement."""

    __tablename__ = "risk"

    id: Mapped[IntPK]
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    likelihood: Mapped[int] = mapped_column(SmallInteger, default=1)
    impact: Mapped[int] = mapped_column(SmallInteger, default=1)
    mitigation: Mapped[LongText]
    alternative_supplier_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True)
    owner: Mapped[OptShortText]
    status: Mapped[RiskStatus] = mapped_column(enum_column(RiskStatus),
                                               default=RiskStatus.OPEN)

    organization: Mapped[Organization | None] = relationship(foreign_keys=[organization_id])
    agreement: Mapped[Agreement | None] = relationship()
    alternative_supplier: Mapped[Organization | None] = relationship(
        foreign_keys=[alternative_supplier_id])

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    @property
    def severity(self) -> int:
        return severity(self.likelihood, self.impact)

    def __str__(self) -> str:
        first_line = (self.description or "").strip().splitlines()
        return first_line[0][:120] if first_line else f"risk #{self.id}"


class SupportCase(Versioned, Base):
    """What happened when we called for support.

    ``sla_met`` is computed from the agreement's SLA text when it can be read;
    ``sla_met_by_user`` records that the user set it instead, so a later edit of the
    times does not overwrite their judgement.
    """

    __tablename__ = "support_case"

    id: Mapped[IntPK]
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement.id", ondelete="SET NULL"), index=True)
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("item.id", ondelete="SET NULL"), index=True)
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    called: Mapped[FirstLine] = mapped_column(enum_column(FirstLine))
    case_number: Mapped[str | None] = mapped_column(String(100), index=True)
    sla_met: Mapped[bool | None] = mapped_column(Boolean)
    sla_met_by_user: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[LongText]

    agreement: Mapped[Agreement | None] = relationship()
    item: Mapped[Item | None] = relationship()

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    @property
    def time_to_resolve(self) -> dt.timedelta | None:
        if self.resolved_at is None:
            return None
        return self.resolved_at - self.opened_at

    def __str__(self) -> str:
        return self.case_number or f"case opened {self.opened_at:%Y-%m-%d %H:%M}"
