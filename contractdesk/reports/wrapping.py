"""Breaking words too long for their column where a reader expects it: after the ``/``
of a URL, the ``@`` of an address or the ``-`` of a contract number, rather than at
whatever letter the column happens to end (reportlab's own fallback)."""

from __future__ import annotations

import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.flowables import Flowable

from contractdesk.reports.styles import CELL_PADDING, fit, styles, text_width

# a piece ends after one of these (kept with the piece before the break)
_BREAK_AFTER = re.compile(r"(?<=[/@._\-?&=])")


def _pieces(word: str, font: str, size: float, room: float) -> list[str]:
    """``word`` cut after break characters into lines no wider than ``room`` where the
    characters allow; a piece with no break character in reach is left whole."""
    lines: list[str] = []
    current = ""
    for part in _BREAK_AFTER.split(word):
        if current and text_width(current + part, font, size) > room:
            lines.append(current)
            current = part
        else:
            current += part
    return [*lines, current] if current else lines


def sensible_breaks(text: str | None, width: float, style: ParagraphStyle | None = None
                    ) -> str:
    """``text`` with line breaks inside each word wider than a ``width`` column."""
    chosen = style or styles().cell
    room = width - CELL_PADDING
    font, size = chosen.fontName, chosen.fontSize
    out_lines = []
    for line in (text or "").split("\n"):
        words = [("\n".join(_pieces(word, font, size, room))
                  if text_width(word, font, size) > room else word)
                 for word in line.split(" ")]
        out_lines.append(" ".join(words))
    return "\n".join(out_lines)


def fit_words(text: str | None, width: float, style: ParagraphStyle | None = None
              ) -> str | Flowable:
    """:func:`~contractdesk.reports.styles.fit` after :func:`sensible_breaks`."""
    return fit(sensible_breaks(text, width, style), width, style)
