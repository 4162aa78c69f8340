"""Paragraph and table styles shared by all reports, so they look like one family."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Paragraph, TableStyle
from reportlab.platypus.flowables import Flowable

from contractdesk.reports.fonts import BOLD, register_fonts

INK = colors.HexColor("#1d2430")
MUTED = colors.HexColor("#5b6573")
ACCENT = colors.HexColor("#1f4e79")
RULE = colors.HexColor("#b8c2cc")
HEADER_FILL = colors.HexColor("#e4eaf1")
ZEBRA = colors.HexColor("#f5f7fa")
ALERT = colors.HexColor("#b3261e")
ALERT_FILL = colors.HexColor("#fbe4e2")
WARN = colors.HexColor("#8a5a00")

HEADING_ROOM = 30 * mm
CELL_SIZE = 8
CELL_LEADING = 10


class Styles:
    """The named paragraph styles; built once after the font is registered."""

    def __init__(self) -> None:
        font = register_fonts()

        def style(name: str, size: float, leading: float, **extra: object) -> ParagraphStyle:
            settings: dict[str, object] = {"fontName": font, "textColor": INK, **extra}
            return ParagraphStyle(name, fontSize=size, leading=leading, **settings)

        self.title = style("title", 16, 19, fontName=BOLD, textColor=ACCENT, spaceAfter=2)
        self.subtitle = style("subtitle", 9, 11.5, textColor=MUTED, spaceAfter=6)
        self.heading = style("heading", 10.5, 13, fontName=BOLD, textColor=ACCENT,
                             spaceBefore=8, spaceAfter=3)
        self.body = style("body", 8.5, 11)
        self.note = style("note", 7.5, 9.5, textColor=MUTED, spaceBefore=3)
        self.cell = style("cell", CELL_SIZE, CELL_LEADING)
        self.cell_bold = style("cell_bold", CELL_SIZE, CELL_LEADING, fontName=BOLD)
        self.cell_right = style("cell_right", CELL_SIZE, CELL_LEADING, alignment=TA_RIGHT)
        self.cell_right_bold = style("cell_right_bold", CELL_SIZE, CELL_LEADING,
                                     fontName=BOLD, alignment=TA_RIGHT)
        self.cell_small = style("cell_small", 7, 8.5, textColor=MUTED)
        self.header_cell = style("header_cell", CELL_SIZE, CELL_LEADING, fontName=BOLD)
        self.header_cell_right = style("header_cell_right", CELL_SIZE, CELL_LEADING,
                                       fontName=BOLD, alignment=TA_RIGHT)
        self.alert = style("alert", CELL_SIZE, CELL_LEADING, fontName=BOLD, textColor=ALERT)
        self.big = style("big", 15, 18, fontName=BOLD)
        self.card_title = style("card_title", 11, 13.5, fontName=BOLD, textColor=colors.white)


@cache
def styles() -> Styles:
    return Styles()


def heading(text: str) -> list[Flowable]:
    """A section heading that never ends a page alone.

    ``keepWithNext`` would do that too, but it moves a whole long table to the next page
    (leaving a blank one behind); a conditional break only asks for room for the heading
    and the first few rows.
    """
    return [CondPageBreak(HEADING_ROOM), Paragraph(escape(text), styles().heading)]


def escape(text: str | None) -> str:
    """Text for a Paragraph: its mini-markup must not swallow ``<`` or ``&`` in data."""
    if not text:
        return ""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text: str | None, style: ParagraphStyle | None = None) -> Flowable:
    """A wrapping cell from plain text (escaped)."""
    return Paragraph(escape(text), style or styles().cell)


def fit(text: str | None, width: float, style: ParagraphStyle | None = None) -> str | Flowable:
    """Plain text when it fits the column on one line, else a wrapping Paragraph.

    Plain strings are drawn directly by the table, which keeps a report of thousands of
    rows fast; only the few long cells pay for paragraph layout.
    """
    chosen = style or styles().cell
    plain = text or ""
    padding = 6  # the table's left and right cell padding
    if stringWidth(plain, chosen.fontName, chosen.fontSize) <= width - padding:
        return plain
    return Paragraph(escape(plain), chosen)


def grid_style(*, header_rows: int = 1, zebra: bool = True) -> TableStyle:
    """Thin rules, a tinted header, top-aligned cells: the look of every data table."""
    font = register_fonts()
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), font, CELL_SIZE, CELL_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("FONT", (0, 0), (-1, header_rows - 1), BOLD, CELL_SIZE, CELL_LEADING),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
        ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1),
                         [colors.white, ZEBRA]))
    return TableStyle(commands)
