"""The vendor summary: what to do first, then the scorecard as the meeting's agenda, the
agreements by next action, spend with its charts.

A vendor with a few agreements gets everything in the body (one or two landscape pages).
A big one (hundreds of agreements and purchases) gets a summary that reads in a few
pages (totals, the next actions, the dearest agreements, the charts) and the full lists
after it as an annex, so the first agreement is never behind pages of purchase orders.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import BinaryIO

from babel.dates import format_date
from reportlab.platypus import PageBreak, Paragraph, Spacer
from reportlab.platypus.flowables import Flowable

from contractdesk.domain.enums import AgreementStatus, BillingPeriod, OrgStatus, RiskLevel
from contractdesk.reports.data.vendor import (
    NOTICE_GIVEN,
    AgreementLine,
    ContactLine,
    PartnerCount,
    PurchaseLine,
    VendorSummary,
)
from contractdesk.reports.document import frame_width, render_pdf
from contractdesk.reports.formatting import Formatter, humanize
from contractdesk.reports.styles import (
    ACCENT,
    ALERT,
    ALERT_FILL,
    MUTED,
    WARN,
    escape,
    fit,
    heading,
    styles,
)
from contractdesk.reports.tables import Column, column_widths, data_table
from contractdesk.reports.vendor_scorecard import scorecard
from contractdesk.reports.vendor_spend import spend_section
from contractdesk.reports.vendor_text import Text, coloured, plural
from contractdesk.reports.wrapping import fit_words
from contractdesk.services.progress import NO_PROGRESS, Progress

WIDE = True
SCALE_AGREEMENTS = 25  # more than this (or purchases) and the lists go to the annex
SCALE_PURCHASES = 15
ACTION_ROWS = 10  # agreement lines in the Actions box, overdue and due alike
TOP_PER_CURRENCY = 3
ALERT_STATUS = {OrgStatus.BLOCKED, OrgStatus.ON_WATCH}
FINISHED = {AgreementStatus.EXPIRED, AgreementStatus.CANCELLED, AgreementStatus.RENEWED}
PER_YEAR = {BillingPeriod.ANNUAL: 1, BillingPeriod.QUARTERLY: 4, BillingPeriod.MONTHLY: 12}

AGREEMENT_COLUMNS = tuple(
    Column(header, share, right=index in (5, 11)) for index, (header, share) in enumerate(
        zip(Text.agreement_columns, (23, 38, 21, 21, 20, 14, 21, 52, 16, 21, 18, 26),
            strict=True)))
OEM_COLUMN, RESELLER_COLUMN = 2, 3
CONTACT_COLUMNS = tuple(Column(header, share) for header, share in
                        zip(Text.contact_columns, (25, 45, 35, 60, 60), strict=True))
PURCHASE_COLUMNS = (Column(Text.purchase_columns[0], 30), Column(Text.purchase_columns[1], 22),
                    Column(Text.purchase_columns[2], 45), Column(Text.purchase_columns[3], 45),
                    Column(Text.purchase_columns[4], 12, right=True),
                    Column(Text.purchase_columns[5], 30, right=True))
ACTION_COLUMNS = tuple(Column(header, share) for header, share in
                       zip(Text.action_columns, (22, 22, 100, 60), strict=True))


def _keep_together(text: str) -> str:
    """A short value never broken across lines (``+44 1707 631 000``)."""
    return escape(text).replace(" ", "&nbsp;")


# facts ------------------------------------------------------------------------------


def _fact(label: str, value: str, *, alert: bool = False) -> str:
    """``Label: value`` glued together, so "Web:" never ends a line without its URL."""
    shown = _keep_together(value) if value else Text.not_recorded
    if alert:
        shown = coloured(shown, ALERT)
    return f'<font color="{MUTED.hexval()}">{escape(label)}:</font>&nbsp;{shown}'


def _facts(summary: VendorSummary, fmt: Formatter) -> Flowable:
    review = fmt.date(summary.next_review)
    if summary.review_overdue:
        review += Text.overdue_mark
    facts = [
        _fact(Text.roles, ", ".join(humanize(r) for r in summary.roles)),
        _fact(Text.status, humanize(summary.status), alert=summary.status in ALERT_STATUS),
        _fact(Text.risk, humanize(summary.risk_level),
              alert=summary.risk_level == RiskLevel.HIGH),
        _fact(Text.next_review, review, alert=summary.review_overdue),
    ]
    facts += [_fact(label, value) for attribute, label in Text.optional
              if (value := getattr(summary, attribute))]
    text = " &nbsp;·&nbsp; ".join(facts)
    if summary.notes:
        text += f'<br/><font color="{MUTED.hexval()}">{Text.notes}:</font> ' \
                + escape(summary.notes)
    return Paragraph(text, styles().body)


# actions ------------------------------------------------------------------------------


def _weekday_date(day: dt.date, fmt: Formatter) -> str:
    return f"{format_date(day, 'EEE', locale=fmt.locale)} {fmt.date(day)}"


def _days(day: dt.date, today: dt.date) -> str:
    left = (day - today).days
    if left < 0:
        return plural(-left, Text.days_ago, Text.days_ago_many)
    return plural(left, Text.days_left, Text.days_left_many)


def _day_off(line: AgreementLine, fmt: Formatter) -> str:
    """`` (a Sunday)`` after a deadline nobody can act on that day, in the warning
    colour so it is as plain three days ahead as a date a year away."""
    if not line.due_day_off or line.due is None:
        return ""
    mark = (Text.holiday.format(name=escape(line.due_holiday)) if line.due_holiday else
            Text.day_off.format(weekday=format_date(line.due, "EEEE", locale=fmt.locale)))
    return " " + coloured(f"({mark})", WARN)


def _action_words(line: AgreementLine, fmt: Formatter) -> str:
    """What the line asks for, with its deadline (weekday and day off marked)."""
    due = line.due
    if due is None:
        return ""
    deadline = escape(_weekday_date(due, fmt)) + _day_off(line, fmt)
    if line.notice_overdue:
        return coloured(Text.overdue_notice.format(end=fmt.date(line.end_date)), ALERT)
    words = {"give_notice": Text.give_notice, "can_end": Text.can_end}
    if line.next_action in words:
        text = words[line.next_action].format(deadline=deadline)
        if line.act_by is not None and line.act_by != due:
            text += "; " + Text.act_by.format(day=escape(_weekday_date(line.act_by, fmt)))
        return text
    plain = {"renews": Text.renews, "expires": Text.expires, NOTICE_GIVEN: Text.notice_given}
    return plain[line.next_action or "expires"].format(deadline=deadline)


def _agreement_label(line: AgreementLine) -> str:
    return escape(" · ".join(part for part in (line.contract_number, line.title) if part))


def _action_rows(summary: VendorSummary, fmt: Formatter, widths: Sequence[float],
                 ) -> tuple[list[list[object]], list[tuple[object, ...]], list[str]]:
    """The Actions box's rows, its red rows' style and the "and N more" notes."""
    s = styles()
    today = summary.today
    rows: list[list[object]] = []
    extra: list[tuple[object, ...]] = []
    notes: list[str] = []
    overdue, due_soon = summary.overdue(), summary.due_soon()
    shown_overdue = overdue[:ACTION_ROWS // 2] if due_soon else overdue[:ACTION_ROWS]
    shown_due = due_soon[:ACTION_ROWS - len(shown_overdue)]
    for line in shown_overdue:
        rows.append([fit(fmt.date(line.due), widths[0]),
                     Paragraph(coloured(escape(_days(line.due or today, today)), ALERT),
                               s.cell),
                     Paragraph(_action_words(line, fmt), s.cell),
                     Paragraph(_agreement_label(line), s.cell)])
        extra.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), ALERT_FILL))
    for line in shown_due:
        day = line.acts_on or today
        left = escape(_days(day, today))
        soon = (day - today).days <= 14
        rows.append([fit(fmt.date(day), widths[0]),
                     Paragraph(coloured(left, ALERT) if soon else left, s.cell),
                     Paragraph(_action_words(line, fmt), s.cell),
                     Paragraph(_agreement_label(line), s.cell)])
    if len(overdue) > len(shown_overdue):
        notes.append(Text.more_overdue.format(n=len(overdue) - len(shown_overdue)))
    if len(due_soon) > len(shown_due):
        notes.append(Text.more_actions.format(n=len(due_soon) - len(shown_due),
                                              days=summary.window_days))
    if summary.review_due_soon and summary.next_review is not None:
        late = summary.review_overdue
        rows.append([fit(fmt.date(summary.next_review), widths[0]),
                     Paragraph(coloured(escape(_days(summary.next_review, today)), ALERT)
                               if late else escape(_days(summary.next_review, today)),
                               s.cell),
                     Paragraph(escape(Text.review_due.format(name=summary.name)), s.cell),
                     ""])
        if late:
            extra.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), ALERT_FILL))
    governance = summary.governance
    for risk in governance.high_risks:
        what = coloured(escape(Text.high_risk.format(text=risk.description)), ALERT)
        what += "<br/>" + escape(Text.mitigation.format(text=risk.mitigation)
                                 if risk.mitigation else Text.no_mitigation)
        rows.append(["", "", Paragraph(what, s.cell),
                     Paragraph(escape(risk.agreement or summary.name), s.cell)])
    for topic, reason in governance.diligence_issues:
        rows.append(["", "", Paragraph(coloured(escape(Text.diligence.format(
            topic=humanize(topic).lower(), reason=reason)), ALERT), s.cell), ""])
    return rows, extra, notes


def _actions_box(summary: VendorSummary, fmt: Formatter, width: float) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [*heading(Text.actions)]
    widths = column_widths(ACTION_COLUMNS, width)
    rows, extra, notes = _action_rows(summary, fmt, widths)
    days = summary.window_days
    if not rows:
        story.append(Paragraph(escape(Text.nothing_to_do.format(days=days)), s.body))
        return story
    story.append(Paragraph(escape(Text.actions_window.format(days=days)), s.note))
    table = data_table(ACTION_COLUMNS, rows, width,
                       [*extra, ("BOX", (0, 0), (-1, -1), 1.2, ACCENT)])
    story.append(table)
    story += [Paragraph(escape(note), s.note) for note in notes]
    return story


# scorecard --------------------------------------------------------------------------


# lists ------------------------------------------------------------------------------


def _contact_rows(contacts: Sequence[ContactLine], width: float) -> list[list[object]]:
    widths = column_widths(CONTACT_COLUMNS, width)
    rows = []
    for c in contacts:
        extra = " · ".join(x for x in (c.support_hours, c.portal_url) if x)
        values = (humanize(c.role), c.name, c.phone, c.email, extra)
        rows.append([fit_words(v, w) for v, w in zip(values, widths, strict=True)])
    return rows


def _partners(counts: Sequence[PartnerCount]) -> str:
    def counted(c: PartnerCount) -> str:
        parts = [plural(n, one, many) for n, one, many in (
            (c.agreements, Text.agreements_n, Text.agreements_many),
            (c.purchases, Text.purchases_n, Text.purchases_many)) if n]
        return Text.partner.format(name=escape(c.name), counts=", ".join(parts))
    return "; ".join(counted(c) for c in counts) or Text.none_recorded


def _purchase_table(summary: VendorSummary, purchases: Sequence[PurchaseLine],
                    fmt: Formatter, width: float) -> Flowable:
    """Purchases, without the OEM or "Bought through" column where it would only repeat
    the vendor's own name on every row."""
    drop = set()
    if all(p.oem == summary.name for p in purchases):
        drop.add(2)
    if all(p.reseller == summary.name for p in purchases):
        drop.add(3)
    keep = [i for i in range(len(PURCHASE_COLUMNS)) if i not in drop]
    columns = [PURCHASE_COLUMNS[i] for i in keep]
    widths = dict(zip(keep, column_widths(columns, width), strict=True))
    s = styles()
    rows = []
    for p in purchases:
        total = fmt.money(p.total, p.currency) if p.total is not None else Text.not_recorded
        values = (p.po_number, fmt.date(p.order_date), p.oem, p.reseller or Text.direct,
                  fmt.number(p.item_count), total)
        rows.append([fit_words(values[i], widths[i], s.cell_right if PURCHASE_COLUMNS[i].right
                               else s.cell) for i in keep])
    return data_table(columns, rows, width)


def _cost(line: AgreementLine, fmt: Formatter) -> str:
    if line.cost is None:
        return Text.not_recorded
    return f"{fmt.money(line.cost, line.currency)}\n{Text.per[line.billing_period]}"


def _next_action_cell(line: AgreementLine, fmt: Formatter, width: float) -> object:
    s = styles()
    if line.notice_overdue:
        return Paragraph(f"{escape(fmt.date(line.due))}<br/>{Text.overdue_word}", s.alert)
    if line.next_action is None:
        return "—"
    return Paragraph(_action_words(line, fmt), s.cell)


def _agreement_table(summary: VendorSummary, lines: Sequence[AgreementLine], fmt: Formatter,
                     width: float) -> Flowable:
    """The agreements, without the OEM or reseller column when it would only repeat the
    vendor's own name on every row (the heading says so instead)."""
    keep = [i for i in range(len(AGREEMENT_COLUMNS))
            if not (i == OEM_COLUMN and _all_oem(summary))
            and not (i == RESELLER_COLUMN and _all_resold(summary))]
    columns = [AGREEMENT_COLUMNS[i] for i in keep]
    kept_widths = dict(zip(keep, column_widths(columns, width), strict=True))
    widths = [kept_widths.get(i, width) for i in range(len(AGREEMENT_COLUMNS))]
    s = styles()
    rows: list[list[object]] = []
    extra: list[tuple[object, ...]] = []
    for index, line in enumerate(lines, start=1):
        number = escape(line.contract_number or "—")
        title = f'<br/><font size="7" color="{MUTED.hexval()}">{escape(line.title)}</font>' \
            if line.title else ""
        if line.notice_overdue:
            extra.append(("BACKGROUND", (0, index), (-1, index), ALERT_FILL))
        row = [
            fit(humanize(line.kind), widths[0]), Paragraph(number + title, s.cell),
            fit_words(line.oem, widths[2]), fit_words(line.reseller or Text.direct, widths[3]),
            fit_words(line.first_line, widths[4]), str(line.serial_count or ""),
            fit(fmt.date(line.end_date), widths[6]),
            _next_action_cell(line, fmt, widths[7]), fit_words(line.sla, widths[8]),
            Text.yes if line.auto_renew else Text.no, fit(humanize(line.status), widths[10]),
            fit(_cost(line, fmt), widths[11], s.cell_right)]
        rows.append([row[i] for i in keep])
    return data_table(columns, rows, width, extra)


def _all_oem(summary: VendorSummary) -> bool:
    return all(line.oem == summary.name for line in summary.agreements)


def _all_resold(summary: VendorSummary) -> bool:
    return all(line.reseller == summary.name for line in summary.agreements)


def _agreements_heading(summary: VendorSummary) -> str:
    count, name = len(summary.agreements), summary.name
    if count and _all_resold(summary) and _all_oem(summary):
        return Text.agreements_on_services.format(name=name, n=count)
    if count and _all_resold(summary):
        return Text.agreements_through.format(name=name, n=count)
    if count and _all_oem(summary):
        return Text.agreements_on_products.format(name=name, n=count)
    return Text.agreements.format(n=count)


def _lists(summary: VendorSummary, fmt: Formatter, width: float) -> list[Flowable]:
    """The agreements by next action, then the purchases: the full lists."""
    s = styles()
    story: list[Flowable] = [*heading(_agreements_heading(summary))]
    if summary.agreements:
        story.append(Paragraph(escape(Text.agreements_order), s.note))
        story.append(_agreement_table(summary, summary.agreements, fmt, width))
        if summary.first_line:
            shares = [PartnerCount(share.provider, len(share.contract_numbers), 0)
                      for share in summary.first_line]
            story.append(Spacer(0, 3))
            story.append(Paragraph(Text.first_line + _partners(shares), s.body))
    else:
        story.append(Paragraph(escape(Text.no_agreements), s.body))
    if summary.purchases:
        story += heading(Text.purchases.format(n=len(summary.purchases)))
        story.append(_purchase_table(summary, summary.purchases, fmt, width))
    return story


# at scale ---------------------------------------------------------------------------


def at_scale(summary: VendorSummary) -> bool:
    return (len(summary.agreements) > SCALE_AGREEMENTS
            or len(summary.purchases) > SCALE_PURCHASES)


def _per_year(line: AgreementLine) -> Decimal:
    """The price per year where billing is periodic, else per term: for ranking only."""
    return (line.cost or Decimal(0)) * PER_YEAR.get(line.billing_period or BillingPeriod.TERM,
                                                    1)


def _glance(summary: VendorSummary, fmt: Formatter, width: float) -> list[Flowable]:
    """Totals and the dearest agreements, in place of the full lists."""
    s = styles()
    story: list[Flowable] = [*heading(Text.glance)]
    statuses = Counter(line.status for line in summary.agreements)
    story.append(Paragraph(escape(Text.glance_counts.format(
        agreements=plural(len(summary.agreements), Text.agreements_n, Text.agreements_many,
                           fmt),
        statuses=", ".join(f"{fmt.number(n)} {humanize(status).lower()}"
                           for status, n in statuses.most_common()),
        purchases=plural(len(summary.purchases), Text.purchases_n, Text.purchases_many,
                          fmt))),
        s.body))
    running = [line for line in summary.agreements
               if line.status not in FINISHED and line.cost is not None]
    totals: dict[tuple[str, BillingPeriod | None], Decimal] = defaultdict(Decimal)
    counts: Counter[str] = Counter()
    for line in running:
        totals[line.currency, line.billing_period] += line.cost or Decimal(0)
        counts[line.currency] += 1
    if totals:
        periods = [p for p in Text.per if any(key[1] == p for key in totals)]
        columns = [Column(Text.glance_cost_columns[0], 14),
                   Column(Text.glance_cost_columns[1], 20, right=True)] + [
            Column(Text.per[p], 24, right=True) for p in periods]
        rows = [[currency, fmt.number(counts[currency])]
                + [fmt.money(totals[currency, p], currency) if (currency, p) in totals
                   else "—" for p in periods] for currency, _ in counts.most_common()]
        story.append(Paragraph(escape(Text.glance_cost), s.body))
        story.append(data_table(columns, rows, width * min(1.0, (34 + 24 * len(periods)) / 220)))
    by_currency: dict[str, list[AgreementLine]] = defaultdict(list)
    for line in sorted(running, key=lambda line: -_per_year(line)):
        by_currency[line.currency].append(line)
    top = [line for currency, _ in counts.most_common()
           for line in by_currency[currency][:TOP_PER_CURRENCY]]
    if top:
        story += heading(Text.top)
        story.append(_agreement_table(summary, top, fmt, width))
    story.append(Paragraph(escape(Text.annex_note), s.note))
    return story


# spend and charts -------------------------------------------------------------------


# the document -------------------------------------------------------------------------


def _partner_lines(summary: VendorSummary) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = []
    if summary.sells:
        story += heading(Text.bought_through.format(name=summary.name))
        story.append(Paragraph(Text.oems_behind + _partners(summary.oems_behind), s.body))
    if summary.makes:
        if not summary.sells:
            story += heading(Text.products.format(name=summary.name))
        story.append(Paragraph(Text.sold_by + _partners(summary.resellers_of_products),
                               s.body))
    return story


def vendor_story(summary: VendorSummary, fmt: Formatter) -> list[Flowable]:
    s = styles()
    width = frame_width(fmt, wide=WIDE)
    story: list[Flowable] = [Paragraph(escape(summary.name), s.title), _facts(summary, fmt)]
    story += _actions_box(summary, fmt, width)
    story += scorecard(summary.governance, fmt)
    story += heading(Text.contacts)
    if summary.contacts:
        story.append(data_table(CONTACT_COLUMNS, _contact_rows(summary.contacts, width),
                                width))
    else:
        story.append(Paragraph(escape(Text.no_contacts), s.body))
    story += _partner_lines(summary)
    if at_scale(summary):
        story += _glance(summary, fmt, width)
        story += spend_section(summary, fmt, width)
        story.append(PageBreak())
        story.append(Paragraph(escape(Text.annex.format(name=summary.name)), s.title))
        story += _lists(summary, fmt, width)
    else:
        story += _lists(summary, fmt, width)
        story += spend_section(summary, fmt, width)
    return story


def render_vendor_summary(summary: VendorSummary, output: BinaryIO, fmt: Formatter,
                          generated: dt.datetime, progress: Progress = NO_PROGRESS) -> int:
    """Writes the vendor summary PDF to ``output``; returns the page count."""
    return render_pdf(output, vendor_story(summary, fmt),
                      title=Text.title.format(name=summary.name), fmt=fmt,
                      generated=generated, wide=WIDE, progress=progress)
