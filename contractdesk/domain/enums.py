"""The closed vocabularies of the design, as string enums.

Values are the exact strings used in JSON, exports and on disk, so they never change
once released; labels for people live in the UI's translations.
"""

from enum import StrEnum


class OrgRole(StrEnum):
    RESELLER = "reseller"
    OEM = "oem"
    DISTRIBUTOR = "distributor"
    SERVICE_PROVIDER = "service_provider"


class OrgStatus(StrEnum):
    """Where a supplier stands; a new one is not reviewed yet (approval is a decision
    someone makes, never a default)."""

    NOT_REVIEWED = "not_reviewed"
    APPROVED = "approved"
    UNDER_REVIEW = "under_review"
    ON_WATCH = "on_watch"
    BLOCKED = "blocked"


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class ContactRole(StrEnum):
    ACCOUNT_MANAGER = "account_manager"
    SUPPORT = "support"
    ESCALATION = "escalation"
    BILLING = "billing"
    OTHER = "other"


class AgreementKind(StrEnum):
    WARRANTY = "warranty"
    MAINTENANCE = "maintenance"
    SOFTWARE_SUPPORT = "software_support"
    SUBSCRIPTION = "subscription"
    LICENSE = "license"
    SERVICE = "service"
    OTHER = "other"


class BillingPeriod(StrEnum):
    ONE_OFF = "one_off"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"
    TERM = "term"


class FirstLine(StrEnum):
    """Who the user calls first when something covered by an agreement breaks."""

    OEM = "oem"
    RESELLER = "reseller"


class AgreementStatus(StrEnum):
    """Derived from dates and flags; never stored."""

    UPCOMING = "upcoming"
    ACTIVE = "active"
    NOTICE_DUE = "notice_due"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    RENEWED = "renewed"


class TermOrigin(StrEnum):
    """How a term of an agreement began."""

    SIGNED = "signed"  # the first term, as recorded or imported
    AUTO_RENEWED = "auto_renewed"  # written by ContractDesk when a term ended without notice
    RENEWED = "renewed"  # recorded by the user (Renew)


class ChangeAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


class NoticeAnchor(StrEnum):
    """What a notice period counts back from: the end of the term (``90 days before the
    end of the term``), or the end of a calendar period (``3 Monate zum Quartalsende``:
    the agreement can only end on such a day)."""

    TERM_END = "term_end"
    MONTH_END = "month_end"
    QUARTER_END = "quarter_end"
    HALF_YEAR_END = "half_year_end"
    YEAR_END = "year_end"


class NoticeForm(StrEnum):
    """The form notice must take: ``written`` is a signed letter (Schriftform),
    ``text`` an e-mail or other text form (Textform), ``portal`` the vendor's portal."""

    WRITTEN = "written"
    TEXT = "text"
    PORTAL = "portal"
