"""Words and colours for the governance vocabulary (risk status, diligence topics and
results, severity levels, score names), translatable like :mod:`contractdesk.ui.labels`."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from contractdesk.ui.labels import word
from contractdesk.ui.qt import QColor, QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("governance", text)


_WORDS = {
    "open": "Open", "mitigated": "Mitigated", "accepted": "Accepted", "closed": "Closed",
    "financial_health": "Financial health", "references": "References",
    "insurance": "Insurance", "data_security": "Data security",
    "certifications": "Certifications", "support_capability": "Support capability",
    "ok": "OK", "concern": "Concern", "failed": "Failed", "not_checked": "Not checked",
    "expired": "Expired",
    "delivery": "Delivery", "support_quality": "Support quality",
    "responsiveness": "Responsiveness", "pricing": "Pricing",
    "sla_adherence": "SLA adherence",
}

# Mid-tone, readable on light and dark backgrounds (as labels.STATUS_COLOURS).
RED, AMBER, GREEN, GREY, BLUE = "#d64545", "#e07b00", "#2e9d5b", "#8a8f98", "#3a7bd5"
LEVEL_COLOURS = {"high": RED, "medium": AMBER, "low": GREEN}
RESULT_COLOURS = {"failed": RED, "concern": AMBER, "expired": RED, "ok": GREEN,
                  "not_checked": GREY}
SCORE_COLOURS = {"delivery": "#3a7bd5", "support_quality": "#2a9d9d",
                 "responsiveness": "#8e6bd1", "pricing": "#d4a600",
                 "sla_adherence": "#e07b00"}


def gword(value: str | Enum | None) -> str:
    """The readable word for a governance value (falls back to the shared words)."""
    if value is None:
        return ""
    key = value.value if isinstance(value, Enum) else str(value)
    return _tr(_WORDS[key]) if key in _WORDS else word(key)


def colour(table: dict[str, str], key: str | None) -> QColor | None:
    return QColor(table[key]) if key in table else None


def when(moment: dt.datetime | None) -> str:
    """A logged time as people write it in a case log: ``2026-11-20 14:30``."""
    return f"{moment:%Y-%m-%d %H:%M}" if moment is not None else ""


def share_colour(share: float | None) -> str:
    """Green from 90 % met, amber from 75 %, red below; grey when nothing was judged."""
    if share is None:
        return GREY
    return GREEN if share >= 0.9 else AMBER if share >= 0.75 else RED
