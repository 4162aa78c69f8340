"""The closed vocabularies of vendor governance (DESIGN.md, "Vendor governance").

Kept apart from :mod:`contractdesk.domain.enums` so the governance records can grow
without touching the foundation's words. Values are the JSON/on-disk strings.
"""

from enum import StrEnum


class DiligenceTopic(StrEnum):
    FINANCIAL_HEALTH = "financial_health"
    REFERENCES = "references"
    INSURANCE = "insurance"
    DATA_SECURITY = "data_security"
    CERTIFICATIONS = "certifications"
    SUPPORT_CAPABILITY = "support_capability"
    OTHER = "other"


class DiligenceResult(StrEnum):
    OK = "ok"
    CONCERN = "concern"
    FAILED = "failed"
    NOT_CHECKED = "not_checked"


class RiskStatus(StrEnum):
    OPEN = "open"
    MITIGATED = "mitigated"
    ACCEPTED = "accepted"
    CLOSED = "closed"
