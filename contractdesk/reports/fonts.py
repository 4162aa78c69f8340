"""The Unicode TrueType font shipped with the app, registered once with reportlab.

reportlab's built-in Helvetica has no €-safe Unicode coverage for names like
"Müller Systemhaus" or "Łódź"; DejaVu Sans covers Latin, Greek and Cyrillic.
"""

from __future__ import annotations

from functools import cache

from contractdesk.paths import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


@cache
def register_fonts() -> str:
    """Registers the font family (so ``<b>`` in paragraphs picks the bold face) and
    returns the family name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(REGULAR, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR,
                                  boldItalic=BOLD)
    return REGULAR
