"""The ContractDesk records, as in DESIGN.md's domain vocabulary.

Natural-key uniqueness lives in the database (so it holds on SQLite and PostgreSQL, and
for two people importing at once): organization names through a normalised ``name_key``
column, serials per OEM (by a normalised ``serial_key``) and contract numbers per OEM
through composite unique constraints. Empty optional keys are stored as NULL, which unique
constraints ignore.

Every table has a ``version`` counter (``version_id_col``) so that a save based on a
stale read fails instead of overwriting someone else's edit.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from contractdesk.db.base import (
    Amount,
    Base,
    CurrencyCode,
    IntPK,
    LongText,
    OptDate,
    OptShortText,
    ShortText,
    enum_column,
)
from contractdesk.db.types import RoleSet
from contractdesk.domain.agreement_term import renews
from contractdesk.domain.enums import (
    AgreementKind,
    BillingPeriod,
    ChangeAction,
    ContactRole,
    FirstLine,
    NoticeAnchor,
    NoticeForm,
    OrgRole,
    OrgStatus,
    RiskLevel,
    TermOrigin,
)
from contractdesk.domain.notice_rules import notice_deadline

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def name_key(name: str) -> str:
    """The form in which two organization names count as the same.

    Case, spacing and punctuation are ignored (``"Computacenter "``, ``"COMPUTACENTER"``,
    ``"I.B.M."``, ``"Hewlett-Packard"`` vs ``"Hewlett Packard"``); letters keep their
    accents, so ``"Müller"`` and ``"Muller"`` stay two names. A name of symbols only
    (``"🍎"``) keeps its symbols, without spaces: it is still a name.
    """
    folded = unicodedata.normalize("NFKC", name).casefold()
    return _NOT_WORD.sub("", folded) or "".join(folded.split())


def serial_key(text: str | None) -> str | None:
    """The form in which two serial numbers (or two asset tags) count as the same:
    people type ``sg23kmx001`` for a label reading ``SG23KMX001``, and copy a trailing
    space from a spreadsheet. Inner spaces and punctuation stay significant (a serial is
    a code, not a name). ``None`` for a blank."""
    if text is None:
        return None
    return unicodedata.normalize("NFKC", text).strip().casefold() or None


# Kept by the models from another column: neither audited nor written by hand.
DERIVED_KEYS = frozenset({"name_key", "serial_key", "tag_key"})


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Versioned:
    """Optimistic locking: SQLAlchemy adds ``WHERE version = :seen`` to every UPDATE."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)


class Organization(Versioned, Base):
    __tablename__ = "organization"

    id: Mapped[IntPK]
    name: Mapped[ShortText]
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    roles: Mapped[frozenset[OrgRole]] = mapped_column(RoleSet, default=frozenset)
    website: Mapped[OptShortText]
    customer_number: Mapped[OptShortText]
    phone: Mapped[OptShortText]
    email: Mapped[OptShortText]
    address: Mapped[str | None] = mapped_column(Text)
    country: Mapped[OptShortText]
    currency: Mapped[str | None] = mapped_column(String(3))
    payment_terms: Mapped[OptShortText]
    status: Mapped[OrgStatus] = mapped_column(enum_column(OrgStatus),
                                              default=OrgStatus.NOT_REVIEWED)
    risk_level: Mapped[RiskLevel | None] = mapped_column(enum_column(RiskLevel))
    next_review: Mapped[OptDate]
    notes: Mapped[LongText]

    contacts: Mapped[list[Contact]] = relationship(back_populates="organization",
                                                   cascade="all, delete-orphan",
                                                   order_by="Contact.name")

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    @validates("name")
    def _keep_name_key(self, _key: str, value: str) -> str:
        self.name_key = name_key(value)
        return value

    def __str__(self) -> str:
        return self.name


class Contact(Versioned, Base):
    __tablename__ = "contact"

    id: Mapped[IntPK]
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    name: Mapped[ShortText]
    role: Mapped[ContactRole] = mapped_column(enum_column(ContactRole),
                                              default=ContactRole.OTHER)
    email: Mapped[OptShortText]
    phone: Mapped[OptShortText]
    support_hours: Mapped[OptShortText]
    portal_url: Mapped[OptShortText]
    notes: Mapped[LongText]

    organization: Mapped[Organization] = relationship(back_populates="contacts")

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    def __str__(self) -> str:
        return self.name


class Purchase(Versioned, Base):
    __tablename__ = "purchase"

    id: Mapped[IntPK]
    po_number: Mapped[str | None] = mapped_column(String(100), unique=True)
    order_date: Mapped[OptDate]
    reseller_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True)
    oem_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True)
    invoice_number: Mapped[OptShortText]
    quote_number: Mapped[OptShortText]
    currency: Mapped[CurrencyCode]
    total: Mapped[Amount]
    cost_center: Mapped[OptShortText]
    notes: Mapped[LongText]

    reseller: Mapped[Organization | None] = relationship(foreign_keys=[reseller_id])
    oem: Mapped[Organization | None] = relationship(foreign_keys=[oem_id])
    items: Mapped[list[Item]] = relationship(back_populates="purchase")

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    def __str__(self) -> str:
        return self.po_number or f"purchase #{self.id}"


agreement_item = Table(
    "agreement_item",
    Base.metadata,
    Column("agreement_id", ForeignKey("agreement.id", ondelete="CASCADE"), primary_key=True),
    Column("item_id", ForeignKey("item.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


class Item(Versioned, Base):
    __tablename__ = "item"
    __table_args__ = (UniqueConstraint("oem_id", "serial_key"),)

    id: Mapped[IntPK]
    purchase_id: Mapped[int | None] = mapped_column(
        ForeignKey("purchase.id", ondelete="SET NULL"), index=True)
    # no index of its own: the unique (oem_id, serial_key) index leads with it
    oem_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"))
    description: Mapped[str] = mapped_column(String(300), default="")
    part_number: Mapped[OptShortText]
    serial_number: Mapped[str | None] = mapped_column(String(100))
    asset_tag: Mapped[str | None] = mapped_column(String(100))
    # serial_key(serial_number), serial_key(asset_tag): what every lookup compares. A
    # serial_key is NULL beside a serial only where a database from before the keys held
    # the serial twice for one OEM in different case (see db.serial_keys).
    serial_key: Mapped[str | None] = mapped_column(String(100), index=True)
    tag_key: Mapped[str | None] = mapped_column(String(100), index=True)
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    unit_price: Mapped[Amount]
    location: Mapped[OptShortText]

    purchase: Mapped[Purchase | None] = relationship(back_populates="items")
    oem: Mapped[Organization | None] = relationship()
    agreements: Mapped[list[Agreement]] = relationship(secondary=agreement_item,
                                                       back_populates="items")

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    @validates("serial_number")
    def _keep_serial_key(self, _key: str, value: str | None) -> str | None:
        self.serial_key = serial_key(value)
        return value

    @validates("asset_tag")
    def _keep_tag_key(self, _key: str, value: str | None) -> str | None:
        self.tag_key = serial_key(value)
        return value

    def __str__(self) -> str:
        return self.serial_number or self.asset_tag or self.description or f"item #{self.id}"


class Agreement(Versioned, Base):
    __tablename__ = "agreement"
    __table_args__ = (UniqueConstraint("oem_id", "contract_number"),)

    id: Mapped[IntPK]
    contract_number: Mapped[str | None] = mapped_column(String(100), index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[AgreementKind] = mapped_column(enum_column(AgreementKind),
                                                default=AgreementKind.OTHER)
    # no index of its own: the unique (oem_id, contract_number) index leads with it
    oem_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"))
    reseller_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True)
    purchase_id: Mapped[int | None] = mapped_column(
        ForeignKey("purchase.id", ondelete="SET NULL"), index=True)
    start_date: Mapped[OptDate]
    end_date: Mapped[dt.date | None] = mapped_column(index=True)
    auto_renew: Mapped[bool] = mapped_column(Boolean, default=False)
    renewal_term: Mapped[str | None] = mapped_column(String(20))
    notice_period: Mapped[str | None] = mapped_column(String(20))
    # The clause as the contract words it: the first term as a duration (the end date is
    # still stored, worked out from it), no end until notice, what the notice period
    # counts back from, the form notice must take, the wording itself, and our own
    # approval time before notice can go out (None: the preference's default).
    initial_term: Mapped[str | None] = mapped_column(String(20))
    open_ended: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    notice_anchor: Mapped[NoticeAnchor] = mapped_column(
        enum_column(NoticeAnchor), default=NoticeAnchor.TERM_END,
        server_default=NoticeAnchor.TERM_END.value)
    notice_form: Mapped[NoticeForm | None] = mapped_column(enum_column(NoticeForm))
    notice_clause: Mapped[LongText]
    lead_time_days: Mapped[int | None] = mapped_column(Integer)
    cost: Mapped[Amount]
    currency: Mapped[CurrencyCode]
    billing_period: Mapped[BillingPeriod | None] = mapped_column(enum_column(BillingPeriod))
    sla: Mapped[OptShortText]
    first_line_support: Mapped[FirstLine | None] = mapped_column(enum_column(FirstLine))
    support_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"))
    oem_reference: Mapped[OptShortText]
    renewal_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement.id", ondelete="SET NULL"), index=True)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    # automatic renewals since the last signed or renewed term (kept by services.terms)
    rolled_over: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    notes: Mapped[LongText]

    oem: Mapped[Organization | None] = relationship(foreign_keys=[oem_id])
    reseller: Mapped[Organization | None] = relationship(foreign_keys=[reseller_id])
    purchase: Mapped[Purchase | None] = relationship()
    support_contact: Mapped[Contact | None] = relationship()
    items: Mapped[list[Item]] = relationship(secondary=agreement_item,
                                             back_populates="agreements",
                                             order_by="Item.serial_number")
    renewal_of: Mapped[Agreement | None] = relationship(remote_side="Agreement.id",
                                                        back_populates="renewals")
    renewals: Mapped[list[Agreement]] = relationship(back_populates="renewal_of")
    # Written by services.terms and the term sync only, so the ORM never manages them.
    terms: Mapped[list[AgreementTerm]] = relationship(viewonly=True,
                                                      order_by="AgreementTerm.position")

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012

    @property
    def notice_deadline(self) -> dt.date | None:
        return notice_deadline(self.end_date, self.notice_period, renews=self.renews,
                               anchor=self.notice_anchor or NoticeAnchor.TERM_END)

    @property
    def renews(self) -> bool:
        """Whether silence renews the current term (or, open-ended, lets it run on):
        only then is notice ever due."""
        return renews(self.auto_renew, self.cancelled, bool(self.open_ended))

    @property
    def serial_numbers(self) -> list[str]:
        return [item.serial_number for item in self.items if item.serial_number]

    def __str__(self) -> str:
        return self.contract_number or self.title or f"agreement #{self.id}"


class AgreementTerm(Base):
    """One term of an agreement, first to current (``position`` 1, 2, …).

    The agreement row carries its current term's dates, cost, currency and billing
    period, so lists, filters and counts read them with plain SQL; this table is the
    history behind them and is kept equal to the agreement row by
    :mod:`contractdesk.services.terms` (the current term is the highest position).
    The unique position per agreement is what keeps two writers rolling the same
    agreement forward at once from writing the same term twice.
    """

    __tablename__ = "agreement_term"
    __table_args__ = (UniqueConstraint("agreement_id", "position"),)

    id: Mapped[IntPK]
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    origin: Mapped[TermOrigin] = mapped_column(enum_column(TermOrigin),
                                               default=TermOrigin.SIGNED)
    start_date: Mapped[OptDate]
    end_date: Mapped[OptDate]
    cost: Mapped[Amount]
    currency: Mapped[CurrencyCode]
    billing_period: Mapped[BillingPeriod | None] = mapped_column(enum_column(BillingPeriod))
    purchase_id: Mapped[int | None] = mapped_column(
        ForeignKey("purchase.id", ondelete="SET NULL"))
    invoice_number: Mapped[OptShortText]
    notice_given_on: Mapped[OptDate]  # notice sent on this term: it is the last

    purchase: Mapped[Purchase | None] = relationship()

    def __str__(self) -> str:
        return f"term {self.position}"


class Document(Base):
    """A file kept by content hash in the data folder's ``documents/``."""

    __tablename__ = "document"

    id: Mapped[IntPK]
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    purchase_id: Mapped[int | None] = mapped_column(
        ForeignKey("purchase.id", ondelete="CASCADE"), index=True)
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    notes: Mapped[LongText]

    def __str__(self) -> str:
        return self.file_name


class Change(Base):
    """One field of one record changed: the audit trail. Never updated, never deleted."""

    __tablename__ = "change"

    id: Mapped[IntPK]
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    source: Mapped[str] = mapped_column(String(300))
    user: Mapped[str] = mapped_column(String(100), default="")
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(300), default="")
    action: Mapped[ChangeAction] = mapped_column(enum_column(ChangeAction))
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)

    # The history tab asks "what happened to this record".
    __table_args__ = (Index("ix_change_entity", "entity", "entity_id"),)



# The other record modules add their tables to Base.metadata on import.
from contractdesk.db import governance, reminders  # noqa: E402, F401


class Preference(Base):
    """A setting the whole team shares and the command line needs as much as the window:
    our organization's name and address for letters, the public holidays that move an
    act-by date, the default internal lead time. Kept by key as text; the typed
    registry is :mod:`contractdesk.services.preferences`."""

    __tablename__ = "preference"

    id: Mapped[IntPK]  # a number like every record's, so the audit trail names it
    key: Mapped[str] = mapped_column(String(64), unique=True)
    value: Mapped[str] = mapped_column(Text, default="")

    def __str__(self) -> str:
        return self.key
