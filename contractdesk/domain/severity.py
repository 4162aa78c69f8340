"""Risk severity: likelihood × impact on the usual 5 × 5 matrix, in three bands.

The bands reuse the organizations' :class:`RiskLevel` words so that "a high risk" means
the same on a risk and on a supplier: 1–4 low, 5–11 medium, 12–25 high (a risk that is
at least "likely and serious", 3 × 4, is high).
"""

from __future__ import annotations

from contractdesk.domain.enums import RiskLevel

SCALE = range(1, 6)
HIGH_FROM = 12
MEDIUM_FROM = 5


def severity(likelihood: int, impact: int) -> int:
    return likelihood * impact


def severity_level(score: int) -> RiskLevel:
    if score >= HIGH_FROM:
        return RiskLevel.HIGH
    if score >= MEDIUM_FROM:
        return RiskLevel.MEDIUM
    return RiskLevel.LOW
