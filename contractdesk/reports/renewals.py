"""The renewals report: a summary page, the overdue notices, then the window by month.

The first page is what a manager acts from: how much falls due in each of the next
twelve months (a chart per currency), per vendor and per OEM. Overdue notices follow in
a compact list of their own, so that thousands of them read as one count and a few
pages, not as page after page of red rows. Then each month, its lines saying what to do
by when, to whom notice goes and in which form, and the calculation behind the date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from functools import partial
from typing import BinaryIO

from babel.numbers import get_decimal_symbol
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from contractdesk.domain.enums import NoticeForm
from contractdesk.reports.charts import stacked_bars
from contractdesk.reports.data.renewals import (
    NOTICE_GIVEN,
    NoticeTo,
    RenewalLine,
    RenewalMonth,
    RenewalsData,
    Tally,
)
from contractdesk.reports.document import frame_width, render_pdf
from contractdesk.reports.formatting import Formatter, humanize
from contractdesk.reports.styles import ACCENT, ALERT, WARN, escape, fit, heading, styles
from contractdesk.reports.tables import Column, column_widths, data_table
from contractdesk.services.progress import NO_PROGRESS, Progress

WIDE = True
# Shares in millimetres of landscape A4; sized so that the usual action texts, names and
# addresses fit without wrapping (wrapping cells cost paragraph layout).
COLUMNS = (Column("Due", 22), Column("Act by", 22), Column("What to do, and why", 82),
           Column("Agreement", 52), Column("Notice to / vendor contact", 56),
           Column("Notice", 26), Column("Cost", 27, right=True))
DUE_COLUMN, ACT_COLUMN, LABEL_COLUMN, NOTICE_COLUMN = 0, 1, 2, 5
OVERDUE_COLUMNS = (Column("Was due", 21), Column("Agreement", 62),
                   Column("Renews on", 21), Column("Send notice to", 60),
                   Column("E-mail, phone", 62), Column("Cost", 27, right=True))
TALLY_COLUMNS = (Column("", 34), Column("Count", 14, right=True),
                 Column("Value", 72, right=True))
KEEP_WHOLE = 6  # agreements per month that still fit on one page with their reasons
TOP_NAMES = 4  # vendors and OEMs named on the summary page; the rest as one line
CHART_HEIGHT = 36 * mm
GAP = 6 * mm

TITLE = "Renewals"
WINDOW = ("Covers {start} to {end} ({days} days), by month of the notice deadline (or of "
          "the end where no notice applies); earlier deadlines are listed as overdue.")
NOTHING = "Nothing needs notice, renews or ends in this window."
OUTLOOK = "Next 12 months, by month of the deadline"
BY_VENDOR = "In this window, by vendor (notice goes to them)"
BY_OEM = "In this window, by OEM"
OVERDUE = "Overdue: {count} notice deadline{s} passed while the term still runs"
OVERDUE_NOTE = ("Give notice at once if the agreement is not wanted: some vendors accept "
                "late notice, otherwise it renews on the date shown.")
DETAIL = "Due in the window, by month"
FORMS = {NoticeForm.WRITTEN: "in writing (signed letter)",
         NoticeForm.TEXT: "text form (e-mail)", NoticeForm.PORTAL: "through the vendor's "
         "portal"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def action_text(line: RenewalLine, fmt: Formatter) -> str:
    """What to do, in words, on short lines: "Give notice by 2 Oct 2024" / "or it renews
    on 1 Jan 2025"; a term silence does not renew "Ends on …: renew or replace"."""
    due, end = fmt.date(line.due), fmt.date(line.end_date)
    if line.action == NOTICE_GIVEN:
        return f"Ends on {end}\n(notice given)"
    if not line.renews or line.action == "expires":
        return f"Ends on {end}:\nrenew or replace"
    if line.action == "give_notice":
        if line.overdue:
            return f"OVERDUE: give notice now\n(was due by {due})\nor it renews on {end}"
        return f"Give notice by {due}\nor it renews on {end}"
    if line.action == "can_end":
        return f"Open-ended: to end it on {end}\ngive notice by {due}"
    return f"Renews automatically\non {end}"


def days_text(day: dt.date, today: dt.date) -> str:
    """"5 days left", "today", "3 days ago": never a negative count."""
    left = (day - today).days
    if left == 0:
        return "today"
    if left > 0:
        return f"{_plural(left, 'day')} left"
    return f"{_plural(-left, 'day')} ago"


def notice_to_text(to: NoticeTo | None) -> str:
    if to is None:
        return "nobody recorded: add the reseller or OEM"
    return "\n".join(p for p in (to.organization, to.contact, to.email, to.phone) if p)


def notice_text(line: RenewalLine) -> str:
    if line.notice_period is None:
        return "—"
    form = FORMS.get(line.notice_form, "form not recorded") if line.notice_form else \
        "form not recorded"
    return f"{line.notice_period}\n{form}"


def _total_row(width: int, label: str, currency: str, amount: str) -> list[object]:
    row: list[object] = [""] * width
    row[LABEL_COLUMN], row[NOTICE_COLUMN], row[-1] = label, currency, amount
    return row


def _line_row(line: RenewalLine, fmt: Formatter, widths: list[float], today: dt.date,
              ) -> list[object]:
    s = styles()
    due = fmt.date(line.due) + (f"\n{line.due_day_off}" if line.due_day_off else "")
    acting = line.act_by or line.due
    act = f"{fmt.date(line.act_by)}\n" if line.act_by else ""
    # what to do, then the calculation behind the date in the words every output uses
    action = "\n".join(part for part in (action_text(line, fmt), line.explanation) if part)
    agreement = "\n".join(x for x in (
        line.contract_number, line.title,
        " · ".join(x for x in (line.oem, humanize(line.kind)) if x)) if x)
    cost = fmt.money(line.cost, line.currency) if line.cost is not None else ""
    return [fit(due, widths[0]), fit(act + days_text(acting, today), widths[1]),
            fit(action, widths[2]), fit(agreement, widths[3]),
            fit(notice_to_text(line.notice_to), widths[4]),
            fit(notice_text(line), widths[5]), fit(cost, widths[6], s.cell)]


def _month_table(month: RenewalMonth, fmt: Formatter, width: float, today: dt.date,
                 ) -> Flowable:
    s = styles()
    widths = column_widths(COLUMNS, width)
    rows = [_line_row(line, fmt, widths, today) for line in month.lines]
    extra: list[tuple[object, ...]] = [
        ("TEXTCOLOR", (DUE_COLUMN, index), (DUE_COLUMN, index), WARN)
        for index, line in enumerate(month.lines, start=1) if line.due_day_off]
    first_total = len(rows) + 1
    label = f"Total {fmt.month(month.month)}"
    for currency, amount in month.totals.items():
        rows.append(_total_row(len(COLUMNS), label if len(rows) + 1 == first_total else "",
                               currency, fmt.money(amount, currency)))
    if not month.totals:
        rows.append(_total_row(len(COLUMNS), label, "", "no cost recorded"))
    extra += [
        ("FONT", (0, first_total), (-1, -1), s.cell_bold.fontName),
        ("LINEABOVE", (0, first_total), (-1, first_total), 0.8, ACCENT),
        ("BACKGROUND", (0, first_total), (-1, -1), colors.white),
        ("ALIGN", (NOTICE_COLUMN, first_total), (NOTICE_COLUMN, -1), "RIGHT"),
    ]
    return data_table(COLUMNS, rows, width, extra)


def _money(totals: dict[str, Decimal], fmt: Formatter) -> str:
    return " · ".join(fmt.money(amount, code) for code, amount in totals.items()) or "—"


def _tally_table(title: str, tallies: Sequence[Tally], fmt: Formatter, width: float,
                 ) -> Table:
    shown = list(tallies[:TOP_NAMES])
    rest = tallies[TOP_NAMES:]
    widths = column_widths(TALLY_COLUMNS, width)
    rows: list[list[object]] = [[fit(t.label, widths[0]), fmt.number(t.count),
                                 fit(_money(t.totals, fmt), widths[2])] for t in shown]
    if rest:
        totals: dict[str, Decimal] = {}
        for tally in rest:
            for code, amount in tally.totals.items():
                totals[code] = totals.get(code, Decimal(0)) + amount
        rows.append([f"{_plural(len(rest), 'other')}", fmt.number(sum(t.count for t in rest)),
                     _money(dict(sorted(totals.items())), fmt)])
    columns = (Column(title, TALLY_COLUMNS[0].share), *TALLY_COLUMNS[1:])
    return data_table(columns, rows, width)


def _outlook_table(data: RenewalsData, fmt: Formatter, width: float) -> Table:
    codes = data.currencies
    columns = (Column("Month", 30), Column("Count", 16, right=True),
               *(Column(code, 34, right=True) for code in codes))
    rows: list[list[object]] = [
        [fmt.month(t.month), fmt.number(t.count),
         *(fmt.money(t.totals[c], c) if c in t.totals else "" for c in codes)]
        for t in data.outlook if t.month is not None]
    return data_table(columns, rows, width)


def _charts(data: RenewalsData, fmt: Formatter, width: float) -> list[Flowable]:
    """One chart per currency: the value falling due each month, notice to give at the
    bottom of each bar, the rest (renews by itself or ends) on top."""
    months = [fmt.month(t.month)[:3] for t in data.outlook if t.month is not None]
    charts: list[Flowable] = []
    for code in data.currencies:
        notice = [t.notice_totals.get(code, Decimal(0)) for t in data.outlook]
        rest = [t.totals.get(code, Decimal(0)) - n for t, n in zip(data.outlook, notice,
                                                                    strict=True)]
        charts.append(stacked_bars(
            {"notice to give": notice, "renews or ends": rest}, months,
            f"Value due per month, {code}", width=width, height=CHART_HEIGHT,
            value_format=partial(_axis_money, currency=code, fmt=fmt)))
    return charts


def _axis_money(value: float, currency: str, fmt: Formatter) -> str:
    """Whole amounts on an axis: "€40,000", not "€40,000.00"."""
    cents = get_decimal_symbol(fmt.locale) + "00"
    return fmt.money(Decimal(round(value)), currency).replace(cents, "")


def _side_by_side(left: Flowable | list[Flowable], right: Flowable | list[Flowable],
                  width: float) -> Table:
    half = (width - GAP) / 2
    table = Table([[left, "", right]], colWidths=[half, GAP, half], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _key_figures(data: RenewalsData, fmt: Formatter) -> Paragraph:
    s = styles()
    count = data.line_count
    text = f"<b>{_plural(count, 'agreement')}</b> in the window"
    if data.overdue_count:
        text += (f', of which <font color="{ALERT.hexval()}"><b>'
                 f"{data.overdue_count} overdue</b></font>")
    if data.totals:
        amounts = " · ".join(f"<b>{escape(fmt.money(amount, currency))}</b>"
                             for currency, amount in data.totals.items())
        text += f". Value: {amounts} (per currency, never added across currencies)."
    elif count:
        text += ". No costs recorded for these agreements."
    return Paragraph(text, s.body)


def _summary(data: RenewalsData, fmt: Formatter, width: float) -> list[Flowable]:
    s = styles()
    half = (width - GAP) / 2
    charts = _charts(data, fmt, half)
    tables = [Paragraph(OUTLOOK, s.heading), _outlook_table(data, fmt, half),
              Paragraph(BY_VENDOR, s.heading),
              _tally_table("Vendor", data.by_vendor, fmt, half),
              Paragraph(BY_OEM, s.heading), _tally_table("OEM", data.by_oem, fmt, half)]
    return [_key_figures(data, fmt),
            _side_by_side(tables, charts or [Paragraph("", s.body)], width)]


def _overdue(data: RenewalsData, fmt: Formatter, width: float) -> list[Flowable]:
    s = styles()
    widths = column_widths(OVERDUE_COLUMNS, width)
    rows: list[list[object]] = []
    for line in data.overdue:
        agreement = " — ".join(x for x in (line.contract_number, line.title) if x)
        cost = fmt.money(line.cost, line.currency) if line.cost is not None else ""
        rows.append([fmt.date(line.due), fit(agreement, widths[1]),
                     fmt.date(line.end_date),
                     *_reach(line.notice_to, widths[3:5]), cost])
    title = OVERDUE.format(count=fmt.number(data.overdue_count),
                           s="s" if data.overdue_count != 1 else "")
    return [Paragraph(escape(title), s.heading.clone("overdue", textColor=ALERT)),
            Paragraph(OVERDUE_NOTE, s.note), Spacer(0, 3),
            data_table(OVERDUE_COLUMNS, rows, width,
                       [("TEXTCOLOR", (0, 1), (0, -1), ALERT)])]


def _reach(to: NoticeTo | None, widths: Sequence[float]) -> list[object]:
    """Who, and how to reach them, as two one-line cells of the overdue list."""
    if to is None:
        return [fit(notice_to_text(None), widths[0]), ""]
    who = ", ".join(x for x in (to.organization, to.contact) if x)
    return [fit(who, widths[0]), fit("  ".join(x for x in (to.email, to.phone) if x),
                                     widths[1])]


def renewals_story(data: RenewalsData, fmt: Formatter) -> list[Flowable]:
    s = styles()
    width = frame_width(fmt, wide=WIDE)
    horizon = data.today + dt.timedelta(days=data.within_days)
    story: list[Flowable] = [
        Paragraph(TITLE, s.title),
        Paragraph(escape(WINDOW.format(start=fmt.date(data.today), end=fmt.date(horizon),
                                       days=data.within_days)), s.subtitle)]
    if not data.line_count:
        story.append(Paragraph(NOTHING, s.body))
    story += _summary(data, fmt, width)
    story.append(PageBreak())  # the summary page stands alone
    if data.overdue:
        story += _overdue(data, fmt, width)
    if data.months:
        story += heading(DETAIL)
    for month in data.months:
        part = [*heading(fmt.month(month.month)), _month_table(month, fmt, width, data.today)]
        # a month that fits on a page stays whole: no heading or total left on its own
        story += [KeepTogether(part)] if len(month.lines) <= KEEP_WHOLE else part
    return story


def render_renewals(data: RenewalsData, output: BinaryIO, fmt: Formatter,
                    generated: dt.datetime, progress: Progress = NO_PROGRESS) -> int:
    """Writes the renewals report PDF to ``output``; returns the page count."""
    return render_pdf(output, renewals_story(data, fmt), title=TITLE, fmt=fmt,
                      generated=generated, wide=WIDE, progress=progress)
