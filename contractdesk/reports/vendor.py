"""The vendor summary: one landscape page for the review meeting, wrapping past that."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import BinaryIO

from reportlab.platypus import Paragraph, Spacer
from reportlab.platypus.flowables import Flowable

from contractdesk.domain.enums import OrgStatus, RiskLevel
from contractdesk.reports.data.vendor import (
    AgreementLine,
    ContactLine,
    GovernanceLine,
    PurchaseLine,
    SpendLine,
    VendorSummary,
)
from contractdesk.reports.document import frame_width, render_pdf
from contractdesk.reports.formatting import Formatter, humanize
from contractdesk.reports.styles import ALERT, ALERT_FILL, MUTED, escape, fit, heading, styles
from contractdesk.reports.tables import Column, column_widths, data_table
from contractdesk.services.progress import NO_PROGRESS, Progress
from contractdesk.services.spend import RULE as SPEND_RULE

WIDE = True

AGREEMENT_COLUMNS = (
    Column("Kind", 22), Column("Contract no. / title", 58), Column("OEM", 25),
    Column("Reseller", 25), Column("First call", 25), Column("Serials", 15, right=True),
    Column("Start", 23), Column("End", 23), Column("Notice by", 24), Column("Status", 19),
    Column("Cost", 27, right=True))
OEM_COLUMN, RESELLER_COLUMN = 2, 3
CONTACT_COLUMNS = (Column("Role", 25), Column("Name", 45), Column("Phone", 35),
                   Column("E-mail", 60), Column("Hours / portal", 60))
PURCHASE_COLUMNS = (Column("PO number", 30), Column("Order date", 22), Column("OEM", 45),
                    Column("Bought through", 45), Column("Items", 12, right=True),
                    Column("Total", 30, right=True))
YEARS_PER_TABLE = 8
ALERT_STATUS = {OrgStatus.BLOCKED, OrgStatus.ON_WATCH}


def _fact(label: str, value: str, *, alert: bool = False) -> str:
    shown = escape(value) or "not recorded"
    if alert:
        shown = f'<font color="{ALERT.hexval()}"><b>{shown}</b></font>'
    return f'<font color="{MUTED.hexval()}">{escape(label)}:</font> {shown}'


def _facts(summary: VendorSummary, fmt: Formatter) -> Flowable:
    review = fmt.date(summary.next_review)
    if summary.review_overdue:
        review += " (overdue)"
    facts = [
        _fact("Roles", ", ".join(humanize(r) for r in summary.roles)),
        _fact("Status", humanize(summary.status), alert=summary.status in ALERT_STATUS),
        _fact("Risk", humanize(summary.risk_level),
              alert=summary.risk_level == RiskLevel.HIGH),
        _fact("Next review", review, alert=summary.review_overdue),
    ]
    optional = (("Customer no.", summary.customer_number), ("Payment terms", summary.payment_terms),
                ("Phone", summary.phone), ("E-mail", summary.email), ("Web", summary.website),
                ("Country", summary.country), ("Currency", summary.currency))
    facts += [_fact(label, value) for label, value in optional if value]
    text = " &nbsp;·&nbsp; ".join(facts)
    if summary.notes:
        text += "<br/>" + _fact("Notes", summary.notes)
    return Paragraph(text, styles().body)


def _contact_rows(contacts: Sequence[ContactLine], width: float) -> list[list[object]]:
    widths = column_widths(CONTACT_COLUMNS, width)
    rows = []
    for c in contacts:
        extra = " · ".join(x for x in (c.support_hours, c.portal_url) if x)
        values = (humanize(c.role), c.name, c.phone, c.email, extra)
        rows.append([fit(v, w) for v, w in zip(values, widths, strict=True)])
    return rows


def _purchase_rows(purchases: Sequence[PurchaseLine], fmt: Formatter, width: float,
                   ) -> list[list[object]]:
    widths = column_widths(PURCHASE_COLUMNS, width)
    rows = []
    for p in purchases:
        total = fmt.money(p.total, p.currency) if p.total is not None else ""
        values = (p.po_number, fmt.date(p.order_date), p.oem, p.reseller or "direct",
                  fmt.number(p.item_count), total)
        rows.append([fit(v, w) for v, w in zip(values, widths, strict=True)])
    return rows


def _agreement_table(summary: VendorSummary, fmt: Formatter, width: float) -> Flowable:
    """The agreements, without the OEM or reseller column when it would only repeat the
    vendor's own name on every row (the heading says so instead)."""
    keep = [i for i in range(len(AGREEMENT_COLUMNS))
            if not (i == OEM_COLUMN and _all_oem(summary))
            and not (i == RESELLER_COLUMN and _all_resold(summary))]
    columns = [AGREEMENT_COLUMNS[i] for i in keep]
    kept_widths = dict(zip(keep, column_widths(columns, width), strict=True))
    widths = [kept_widths.get(i, width) for i in range(len(AGREEMENT_COLUMNS))]
    rows, extra = _agreement_rows(summary.agreements, fmt, widths)
    return data_table(columns, [[row[i] for i in keep] for row in rows], width, extra)


def _all_oem(summary: VendorSummary) -> bool:
    return all(line.oem == summary.name for line in summary.agreements)


def _all_resold(summary: VendorSummary) -> bool:
    return all(line.reseller == summary.name for line in summary.agreements)


def _agreements_heading(summary: VendorSummary) -> str:
    count = len(summary.agreements)
    name = summary.name
    if count and _all_resold(summary) and _all_oem(summary):
        return f"Agreements on {name} services, sold by {name} ({count})"
    if count and _all_resold(summary):
        return f"Agreements bought through {name} ({count})"
    if count and _all_oem(summary):
        return f"Agreements on {name} products ({count})"
    return f"Agreements ({count})"


def _agreement_rows(lines: Sequence[AgreementLine], fmt: Formatter, widths: Sequence[float],
                    ) -> tuple[list[list[object]], list[tuple[object, ...]]]:
    """All cells of every row, and the extra style commands that make overdue notice
    deadlines stand out."""
    s = styles()
    rows: list[list[object]] = []
    extra: list[tuple[object, ...]] = []
    for index, line in enumerate(lines, start=1):
        number = escape(line.contract_number or "—")
        title = f'<br/><font size="7" color="{MUTED.hexval()}">{escape(line.title)}</font>' \
            if line.title else ""
        notice: object = fmt.date(line.notice_deadline)
        if line.notice_overdue:
            notice = Paragraph(f"{escape(str(notice))}<br/>OVERDUE", s.alert)
            extra.append(("BACKGROUND", (0, index), (-1, index), ALERT_FILL))
        cost = fmt.money(line.cost, line.currency) if line.cost is not None else ""
        rows.append([
            fit(humanize(line.kind), widths[0]), Paragraph(number + title, s.cell),
            fit(line.oem, widths[2]), fit(line.reseller or "direct", widths[3]),
            fit(line.first_line, widths[4]), str(line.serial_count or ""),
            fit(fmt.date(line.start_date), widths[6]), fit(fmt.date(line.end_date), widths[7]),
            notice if line.notice_overdue else fit(str(notice), widths[8]),
            fit(humanize(line.status), widths[9]), fit(cost, widths[10], s.cell_right)])
    return rows, extra


def _spend_tables(spend: Sequence[SpendLine], fmt: Formatter, width: float) -> list[Flowable]:
    """Years across, currencies down: one line per currency reads like a budget sheet.

    Every year between the first and the last is shown (a gap year is information),
    in tables of at most :data:`YEARS_PER_TABLE` years.
    """
    totals = {(line.year, line.currency): line.total for line in spend}
    forward = {line.year for line in spend if line.forward}
    currencies = sorted({line.currency for line in spend})
    first, last = min(line.year for line in spend), max(line.year for line in spend)
    years = list(range(first, last + 1))
    tables: list[Flowable] = []
    for start in range(0, len(years), YEARS_PER_TABLE):
        chunk = years[start:start + YEARS_PER_TABLE]
        columns = [Column("Currency", 14)] + [
            Column(f"{y} committed" if y in forward else str(y), 20, right=True)
            for y in chunk]
        rows = [[currency] + [fmt.money(totals[y, currency], currency)
                              if (y, currency) in totals else "—" for y in chunk]
                for currency in currencies]
        share = (14 + 20 * len(chunk)) / (14 + 20 * YEARS_PER_TABLE)
        tables.append(data_table(columns, rows, width * share))
    return tables


def _counted(pairs: Sequence[tuple[str, int]]) -> str:
    return ", ".join(f"{escape(name)} ({count})" for name, count in pairs)


def _words(code: str) -> str:
    return code.replace("_", " ")


def _governance(line: GovernanceLine, fmt: Formatter) -> Paragraph:
    """The scorecard as one compact paragraph under the facts, so that a typical vendor
    still fits on one page and the meeting sees it first."""
    alert = "<font color='#b00020'><b>{}</b></font>"
    parts = [f"{line.cases} support cases in {line.months} months"]
    if line.sla_judged:
        missed = line.sla_judged - line.sla_met
        parts[0] += (f", SLA met {line.sla_met}/{line.sla_judged}"
                     + (", " + alert.format(f"missed {missed}") if missed else ""))
    if line.median_hours_to_resolve is not None:
        parts[0] += f", median {line.median_hours_to_resolve:.1f} h to resolve"
    if line.last_review is not None:
        review = f"last review {fmt.date(line.last_review)}"
        if line.last_scores:
            average = sum(score for _, score in line.last_scores) / len(line.last_scores)
            aspect, lowest = min(line.last_scores, key=lambda pair: pair[1])
            review += f" {average:.1f}/5 (lowest {_words(aspect)} {lowest})"
        parts.append(review)
    else:
        parts.append("no review recorded")
    parts.append("open risks: " + (", ".join(
        (alert.format(f"{n} {level}") if level == "high" else f"{n} {level}")
        for level, n in line.open_risks) if line.open_risks else "none"))
    parts.append("due diligence: " + (", ".join(
        alert.format(f"{_words(topic)} {reason}") for topic, reason in line.diligence_issues)
        if line.diligence_issues else "in order"))
    return Paragraph("<b>Scorecard</b>: " + " · ".join(parts), styles().body)


def vendor_story(summary: VendorSummary, fmt: Formatter) -> list[Flowable]:
    s = styles()
    width = frame_width(fmt, wide=WIDE)
    story: list[Flowable] = [Paragraph(escape(summary.name), s.title), _facts(summary, fmt),
                             _governance(summary.governance, fmt)]

    story += heading("Contacts")
    if summary.contacts:
        story.append(data_table(CONTACT_COLUMNS, _contact_rows(summary.contacts, width),
                                width))
    else:
        story.append(Paragraph("No contacts recorded.", s.body))

    if summary.sells:
        story += heading(f"Bought through {summary.name}")
        story.append(Paragraph("<b>OEMs behind it</b> (agreements and purchases): "
                               + (_counted(summary.oems_behind) or "none recorded"), s.body))
    if summary.makes:
        if not summary.sells:
            story += heading(f"{summary.name} products")
        story.append(Paragraph("<b>Sold by</b> (agreements and purchases): "
                               + (_counted(summary.resellers_of_products)
                                  or "none recorded"), s.body))
    if summary.purchases:
        story.append(Spacer(0, 4))
        story.append(data_table(PURCHASE_COLUMNS,
                                _purchase_rows(summary.purchases, fmt, width), width))

    story += heading(_agreements_heading(summary))
    if summary.agreements:
        story.append(_agreement_table(summary, fmt, width))
        if summary.first_line:
            shares = [(share.provider, len(share.contract_numbers))
                      for share in summary.first_line]
            story.append(Spacer(0, 3))
            story.append(Paragraph("<b>First-line support</b> (who takes the first call) for "
                                   "the current and upcoming agreements: " + _counted(shares),
                                   s.body))
    else:
        story.append(Paragraph("No agreements recorded.", s.body))

    story += heading("Spend per year")
    if summary.spend:
        story.extend(_spend_tables(summary.spend, fmt, width))
        story.append(Paragraph(SPEND_RULE, s.note))
    else:
        story.append(Paragraph("No spend recorded.", s.body))

    return story


def render_vendor_summary(summary: VendorSummary, output: BinaryIO, fmt: Formatter,
                          generated: dt.datetime, progress: Progress = NO_PROGRESS) -> int:
    """Writes the vendor summary PDF to ``output``; returns the page count."""
    return render_pdf(output, vendor_story(summary, fmt),
                      title=f"Vendor summary: {summary.name}", fmt=fmt,
                      generated=generated, wide=WIDE, progress=progress)
