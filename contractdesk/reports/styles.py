"""Paragraph and table styles shared by all reports, so they look like one family."""

from __future__ import annotations

from functools import cache, lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
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
CELL_PADDING = 6  # left plus right padding of a table cell, in points
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
                             spaceBefore=6, spaceAfter=3)
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


@lru_cache(maxsize=1 << 16)
def text_width(text: str, font: str, size: float) -> float:
    """Cached: a long report measures the same names and dates thousands of times."""
    width: float = stringWidth(text, font, size)
    return width


def fit(text: str | None, width: float, style: ParagraphStyle | None = None) -> str | Flowable:
    """The cell for ``text`` in a column ``width`` wide: plain text broken into lines
    that fit, or a Paragraph when a single word is wider than the column.

    Plain strings (lines joined by ``\n``) are drawn directly by the table, which keeps a
    report of thousands of rows fast; a Paragraph costs far more layout time, so it is
    kept for what only it can do (breaking an overlong word such as a URL). ``style``
    gives the font to measure with, and the paragraph's look when one is needed.
    """
    chosen = style or styles().cell
    plain = text or ""
    room = width - CELL_PADDING
    font, size = chosen.fontName, chosen.fontSize
    if all(text_width(line, font, size) <= room for line in plain.split("\n")):
        return plain
    lines = [wrapped for line in plain.split("\n")
             for wrapped in simpleSplit(line, font, size, room)]
    if all(text_width(line, font, size) <= room for line in lines):
        return "\n".join(lines)
    return Paragraph(escape(plain).replace("\n", "<br/>"), chosen)


def grid_style(*, header_rows: int = 1, zebra: bool = True) -> TableStyle:
    """Thin rules, a tinted header, top-aligned cells: the look of every data table."""
    font = register_fonts()
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), font, CELL_SIZE, CELL_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING / 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING / 2),
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
