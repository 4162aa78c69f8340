"""The renewals report: what needs notice, renews or ends in the window, by month."""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.platypus import KeepTogether, Paragraph
from reportlab.platypus.flowables import Flowable

from contractdesk.reports.data.renewals import RenewalLine, RenewalMonth, RenewalsData
from contractdesk.reports.document import frame_width, render_pdf
from contractdesk.reports.formatting import Formatter, humanize
from contractdesk.reports.styles import ACCENT, ALERT, ALERT_FILL, escape, fit, heading, styles
from contractdesk.reports.tables import Column, column_widths, data_table
from contractdesk.services.progress import NO_PROGRESS, Progress

WIDE = True
# Shares in millimetres of landscape A4; sized so that the usual action texts, OEM and
# reseller names fit without wrapping (wrapping cells cost paragraph layout).
COLUMNS = (Column("Due", 23), Column("Action needed, and why that day", 84),
           Column("Agreement", 55), Column("Kind", 24), Column("OEM", 33),
           Column("Reseller", 33), Column("Cost", 29, right=True))
LABEL_COLUMN, CURRENCY_COLUMN = 1, 5
KEEP_WHOLE = 8  # agreements per month that still fit on one page with their reasons


def action_text(line: RenewalLine, fmt: Formatter) -> str:
    """What to do, in words, on short lines: "Give notice by 2 Oct 2024" / "or it renews
    on 1 Jan 2025"."""
    due, end = fmt.date(line.due), fmt.date(line.end_date)
    if line.action == "give_notice":
        then = f"or it renews on {end}" if line.auto_renew else f"(ends {end})"
        if line.overdue:
            return f"OVERDUE: give notice now\n(was due by {due})\n{then}"
        return f"Give notice by {due}\n{then}"
    if line.action == "can_end":
        return f"Open-ended: to end it on {end}\ngive notice by {due}"
    if line.action == "renews":
        return f"Renews automatically\non {end}"
    return f"Ends on {end}:\nrenew or replace"


def _total_row(label: str, currency: str, amount: str) -> list[object]:
    row: list[object] = [""] * len(COLUMNS)
    row[LABEL_COLUMN], row[CURRENCY_COLUMN], row[-1] = label, currency, amount
    return row


def _month_table(month: RenewalMonth, fmt: Formatter, width: float) -> Flowable:
    s = styles()
    widths = column_widths(COLUMNS, width)
    rows: list[list[object]] = []
    extra: list[tuple[object, ...]] = []
    for index, line in enumerate(month.lines, start=1):
        # what to do, then the calculation behind the date in the words every output uses
        action = "\n".join(part for part in (action_text(line, fmt), line.explanation)
                           if part)
        if line.overdue:
            extra.append(("BACKGROUND", (0, index), (-1, index), ALERT_FILL))
            extra.append(("TEXTCOLOR", (0, index), (1, index), ALERT))
            extra.append(("FONT", (0, index), (1, index), s.alert.fontName))
        agreement = "\n".join(x for x in (line.contract_number, line.title) if x)
        cost = fmt.money(line.cost, line.currency) if line.cost is not None else ""
        rows.append([
            fit(fmt.date(line.due), widths[0]),
            fit(action, widths[1], s.alert if line.overdue else s.cell),
            fit(agreement, widths[2]), fit(humanize(line.kind), widths[3]),
            fit(line.oem, widths[4]), fit(line.reseller, widths[5]), fit(cost, widths[6])])
    first_total = len(rows) + 1
    label = f"Total {fmt.month(month.month)}"
    for currency, amount in month.totals.items():
        rows.append(_total_row(label if len(rows) + 1 == first_total else "", currency,
                               fmt.money(amount, currency)))
    if not month.totals:
        rows.append(_total_row(label, "", "no cost recorded"))
    extra += [
        ("FONT", (0, first_total), (-1, -1), s.cell_bold.fontName),
        ("LINEABOVE", (0, first_total), (-1, first_total), 0.8, ACCENT),
        ("BACKGROUND", (0, first_total), (-1, -1), colors.white),
        ("ALIGN", (CURRENCY_COLUMN, first_total), (CURRENCY_COLUMN, -1), "RIGHT"),
    ]
    return data_table(COLUMNS, rows, width, extra)


def _summary(data: RenewalsData, fmt: Formatter) -> Paragraph:
    s = styles()
    horizon = data.today + dt.timedelta(days=data.within_days)
    count = data.line_count
    text = (f"{count} agreement{'s' if count != 1 else ''} need{'s' if count == 1 else ''} "
            f"notice, renew or end between {fmt.date(data.today)} and {fmt.date(horizon)} "
            f"({data.within_days} days), grouped by the month of the notice deadline (or of "
            "the end, where no notice applies).")
    if data.overdue_count:
        text += (f' <font color="{ALERT.hexval()}"><b>{data.overdue_count} notice '
                 f"deadline{'s' if data.overdue_count != 1 else ''} already passed while "
                 "the term still runs.</b></font>")
    if data.totals:
        amounts = " · ".join(f"<b>{escape(fmt.money(amount, currency))}</b>"
                             for currency, amount in data.totals.items())
        text += (f"<br/>Total cost in the window: {amounts} (per currency, never added "
                 "across currencies).")
    elif data.months:
        text += "<br/>No costs recorded for these agreements."
    return Paragraph(text, s.subtitle)


def renewals_story(data: RenewalsData, fmt: Formatter) -> list[Flowable]:
    s = styles()
    width = frame_width(fmt, wide=WIDE)
    story: list[Flowable] = [Paragraph("Renewals", s.title), _summary(data, fmt)]
    if not data.months:
        story.append(Paragraph("Nothing needs notice, renews or ends in this window.",
                               s.body))
        return story
    for month in data.months:
        part = [*heading(fmt.month(month.month)), _month_table(month, fmt, width)]
        # a month that fits on a page stays whole: no heading or total left on its own
        story += [KeepTogether(part)] if len(month.lines) <= KEEP_WHOLE else part
    return story


def render_renewals(data: RenewalsData, output: BinaryIO, fmt: Formatter,
                    generated: dt.datetime, progress: Progress = NO_PROGRESS) -> int:
    """Writes the renewals report PDF to ``output``; returns the page count."""
    return render_pdf(output, renewals_story(data, fmt), title="Renewals", fmt=fmt,
                      generated=generated, wide=WIDE, progress=progress)

