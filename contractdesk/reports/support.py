"""The support card: who to call, which number, which ID to quote, until when.

Meant to be read at 2 a.m. next to a failed server: the phone number is the largest
text on the card, expired cover is said in red, and each card stays on one page.
"""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from contractdesk.domain.enums import AgreementStatus
from contractdesk.domain.sla import parse_sla
from contractdesk.reports.data.support import (
    RUNNING,
    CallLine,
    CoveredItem,
    RiskAdvice,
    SupportCard,
    SupportData,
)
from contractdesk.reports.document import frame_width, render_pdf
from contractdesk.reports.formatting import Formatter, humanize
from contractdesk.reports.styles import (
    ACCENT,
    ALERT,
    ALERT_FILL,
    CELL_LEADING,
    MUTED,
    RULE,
    escape,
    styles,
)
from contractdesk.services.progress import NO_PROGRESS, Progress

WIDE = False
DAYS = {5: "Monday to Friday", 6: "Monday to Saturday", 7: "7 days a week"}
TARGET_DAYS = {0: "fixed the same business day", 1: "fixed by the end of the next business day"}
LABEL_SHARE = 0.2
KEEP_TOGETHER_ITEMS = 20
PAGE_ROOM = 10_000.0  # points: "unlimited" height when measuring a table


def _call(call: CallLine | None, *, big: bool) -> list[Flowable]:
    s = styles()
    if call is None:
        return [Paragraph("Nobody recorded: add the OEM or reseller to the agreement.",
                          s.alert)]
    who = f"<b>{escape(call.organization)}</b>"
    if call.contact:
        who += f" — {escape(call.contact)}"
    if call.note:
        who += f" <font color=\"{MUTED.hexval()}\">({escape(call.note)})</font>"
    parts: list[Flowable] = [Paragraph(who, s.body)]
    if call.phone:
        parts.append(Paragraph(escape(call.phone), s.big if big else s.cell_bold))
    else:
        parts.append(Paragraph("No phone number recorded", s.alert))
    details = [escape(x) for x in (call.portal_url, call.email) if x]
    if call.support_hours:
        details.append(f"hours: {escape(call.support_hours)}")
    if details:
        parts.append(Paragraph(" · ".join(details), s.cell))
    return parts


def _cover(card: SupportCard, today: dt.date, fmt: Formatter) -> Flowable:
    s = styles()
    if card.status == AgreementStatus.UPCOMING:
        return Paragraph(f"Not yet: starts {escape(fmt.date(card.start_date))}, runs until "
                         f"{escape(fmt.date(card.end_date))}. A planned follow-on: until "
                         "then, call on the running agreement.", s.body)
    if card.end_date is None:
        return Paragraph("No end date recorded", s.body)
    if not card.covering:
        ago = (today - card.end_date).days
        return Paragraph(f"EXPIRED on {escape(fmt.date(card.end_date))}, ended "
                         f"{ago} day{'s' if ago != 1 else ''} ago: no cover", s.alert)
    left = (card.end_date - today).days
    text = f"<b>until {escape(fmt.date(card.end_date))}</b> ({left} days left)"
    if card.status is AgreementStatus.CANCELLED:
        text += "; notice given, it will not renew"
    return Paragraph(text, s.alert if left <= 30 else s.body)


def sla_words(sla: str | None) -> str:
    """``24x7x4`` spelled out as the app reads it ("24x7x4: 24 hours a day, 7 days a
    week, fixed within 4 hours"); text it cannot read is shown as written."""
    if not sla:
        return "not recorded"
    reading = parse_sla(sla)
    if reading is None:
        return sla
    cover = reading.coverage
    days = DAYS.get(cover.days_per_week, f"{cover.days_per_week} days a week")
    words = (f"{cover.hours_per_day} hours a day, {days}" if cover.hours_per_day >= 24
             else f"{_clock(cover.start)}–{_clock(cover.end)}, {days}")
    if reading.hours is not None:
        hours = reading.hours.normalize()
        words += f", fixed within {hours:f} hour{'s' if hours != 1 else ''}"
    elif reading.business_days is not None:
        words += ", " + TARGET_DAYS.get(reading.business_days,
                                        f"fixed within {reading.business_days} business days")
    return f"{sla}: {words}"


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _advice(advice: RiskAdvice) -> str:
    who = f"{escape(advice.organization)}: " if advice.organization else ""
    return f"<b>{escape(advice.mitigation)}</b><br/>{who}{escape(advice.description)}"


def _item_text(item: CoveredItem) -> str:
    details = (item.description, item.location,
               f"asset {item.asset_tag}" if item.asset_tag else None)
    return (f"<b>{escape(item.serial_number or '(no serial)')}</b> "
            + escape(", ".join(x for x in details if x)))


def _card(card: SupportCard, today: dt.date, fmt: Formatter, width: float,
          ) -> list[Flowable]:
    s = styles()
    heading = escape(card.contract_number or "(no contract number)")
    if card.title:
        heading += f" — {escape(card.title)}"
    status = "" if card.status in RUNNING else f" [{humanize(card.status)}]"
    finished = not card.covering and card.status is not AgreementStatus.UPCOMING
    frame = ALERT if finished else (MUTED if not card.covering else ACCENT)
    rows: list[list[object]] = [
        [Paragraph(heading + escape(status), s.card_title), ""],
        [Paragraph("Call first", s.cell_bold), _call(card.first_call, big=True)],
    ]
    if card.second_call is not None:
        rows.append([Paragraph("If no help", s.cell_bold), _call(card.second_call, big=False)])
    quote = "<br/>".join(f"{escape(what)}: <b>{escape(value)}</b>" for what, value in card.quote)
    rows += [
        [Paragraph("Quote", s.cell_bold), Paragraph(quote or "nothing recorded", s.body)],
        [Paragraph("SLA", s.cell_bold), Paragraph(escape(sla_words(card.sla)), s.body)],
        [Paragraph("Cover", s.cell_bold), _cover(card, today, fmt)],
        [Paragraph("Agreement", s.cell_bold), Paragraph(
            f"{escape(humanize(card.kind))} · OEM {escape(card.oem or '—')} · reseller "
            f"{escape(card.reseller or 'none (bought direct)')}", s.cell)],
    ]
    rows += [[Paragraph("Open risk", s.cell_bold), Paragraph(_advice(advice), s.body)]
             for advice in card.advice]
    ruled_until = len(rows) - 1
    # One row per item, so that a card covering hundreds of serials can break across
    # pages (a single cell taller than the page cannot be laid out at all).
    for number, item in enumerate(card.items):
        label = Paragraph(f"Covers ({len(card.items)})", s.cell_bold) if number == 0 else ""
        rows.append([label, Paragraph(_item_text(item), s.cell)])
    widths = [width * LABEL_SHARE, width * (1 - LABEL_SHARE)]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("SPAN", (0, 0), (1, 0)),
        ("BACKGROUND", (0, 0), (1, 0), frame),
        ("BACKGROUND", (0, 1), (-1, -1), ALERT_FILL if finished else colors.white),
        ("BOX", (0, 0), (-1, -1), 1, frame),
        ("LINEBELOW", (0, 1), (-1, ruled_until), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("TEXTCOLOR", (0, 1), (0, -1), MUTED),
        ("TOPPADDING", (0, ruled_until + 2), (-1, -1), 1),
        ("BOTTOMPADDING", (0, ruled_until + 1), (-1, -1), 1),
    ]))
    gap = Spacer(0, 10)
    if len(card.items) <= KEEP_TOGETHER_ITEMS:
        return [KeepTogether([table, gap])]
    # Longer than a page anyway: start here if who-to-call and a few items fit, so the
    # card splits only within its list of items (whose title bar repeats on each page).
    _, head_height = Table(rows[:ruled_until + 1], colWidths=widths).wrap(width, PAGE_ROOM)
    return [CondPageBreak(head_height + 5 * CELL_LEADING), table, gap]


def support_story(data: SupportData, fmt: Formatter) -> list[Flowable]:
    s = styles()
    width = frame_width(fmt, wide=WIDE)
    story: list[Flowable] = [
        Paragraph(f"Support card: {escape(data.subject)}", s.title),
        Paragraph(f"Who to call and what to quote, as of {fmt.date(data.today)}. "
                  f"{len(data.cards)} agreement{'s' if len(data.cards) != 1 else ''}.",
                  s.subtitle)]
    if data.warning:
        story.append(Paragraph(escape(data.warning), s.alert))
        story.append(Spacer(0, 6))
    if not data.cards:
        story.append(Paragraph("No agreement to show.", s.body))
    for card in data.cards:
        story += _card(card, data.today, fmt, width)
    return story


def render_support(data: SupportData, output: BinaryIO, fmt: Formatter,
                   generated: dt.datetime, progress: Progress = NO_PROGRESS) -> int:
    """Writes the support card PDF to ``output``; returns the page count."""
    return render_pdf(output, support_story(data, fmt),
                      title=f"Support card: {data.subject}", fmt=fmt, generated=generated,
                      wide=WIDE, progress=progress)
