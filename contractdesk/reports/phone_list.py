"""The phone list: one line per covered serial, under its OEM's heading.

Plain-string cells and tables of a page or so each keep 20,000 agreements fast and
small: no paragraph per cell, and no table of thousands of rows re-split on every page.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from typing import BinaryIO

from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import Flowable

from contractdesk.reports.data.phone_list import PhoneLine, PhoneList
from contractdesk.reports.document import frame_width, render_pdf
from contractdesk.reports.formatting import Formatter
from contractdesk.reports.styles import escape, fit, heading, styles
from contractdesk.reports.tables import Column, column_widths, data_table
from contractdesk.services.progress import NO_PROGRESS, Progress

WIDE = True
COLUMNS = (Column("Serial", 34), Column("Asset tag", 22), Column("Site", 38),
           Column("Call first", 56), Column("Phone", 36), Column("Contract number", 34),
           Column("Cover until", 22))
ROWS_PER_TABLE = 40  # about a page: long OEMs become several tables, never one huge one

TITLE = "Support phone list"
INTRO = ("Every item a running agreement covers on {today}, by OEM: whom to call first, "
         "the number, and the contract number to quote. {lines}.")
WITHOUT_ITEMS = (" {count} running agreement{s} cover no recorded item and are not listed "
                 "(print their support card).")
EMPTY = "No item is covered today."


def _row(line: PhoneLine, fmt: Formatter, widths: list[float]) -> list[object]:
    serial = line.serial_number or f"(no serial) {line.description}"
    return [fit(serial, widths[0]), fit(line.asset_tag, widths[1]), fit(line.site, widths[2]),
            fit(line.call_first, widths[3]), fit(line.phone or "no phone recorded", widths[4]),
            fit(line.contract_number, widths[5]), fmt.date(line.cover_until) or "open-ended"]


def phone_list_story(data: PhoneList, fmt: Formatter) -> list[Flowable]:
    s = styles()
    width = frame_width(fmt, wide=WIDE)
    widths = column_widths(COLUMNS, width)
    count = len(data.lines)
    intro = INTRO.format(today=fmt.date(data.today),
                         lines=f"{fmt.number(count)} line{'s' if count != 1 else ''}")
    if data.without_items:
        intro += WITHOUT_ITEMS.format(count=fmt.number(data.without_items),
                                      s="s" if data.without_items != 1 else "")
    story: list[Flowable] = [Paragraph(TITLE, s.title), Paragraph(escape(intro), s.subtitle)]
    if not data.lines:
        story.append(Paragraph(EMPTY, s.body))
    for oem, grouped in groupby(data.lines, key=lambda line: line.oem):
        rows = [_row(line, fmt, widths) for line in grouped]
        story += heading(f"{oem} ({fmt.number(len(rows))})")
        story += [data_table(COLUMNS, rows[start:start + ROWS_PER_TABLE], width)
                  for start in range(0, len(rows), ROWS_PER_TABLE)]
    return story


def render_phone_list(data: PhoneList, output: BinaryIO, fmt: Formatter,
                      generated: dt.datetime, progress: Progress = NO_PROGRESS) -> int:
    """Writes the phone list PDF to ``output``; returns the page count."""
    return render_pdf(output, phone_list_story(data, fmt), title=TITLE, fmt=fmt,
                      generated=generated, wide=WIDE, progress=progress)
