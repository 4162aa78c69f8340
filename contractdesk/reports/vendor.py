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
from typing import BinaryIO, ClassVar

from babel.dates import format_date
from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from contractdesk.domain.enums import AgreementStatus, BillingPeriod, OrgStatus, RiskLevel
from contractdesk.reports.charts import ValueFormat, grouped_bars, stacked_bars
from contractdesk.reports.data.vendor import (
    NOTICE_GIVEN,
    AgreementLine,
    CaseLine,
    ContactLine,
    GovernanceLine,
    PartnerCount,
    PriceHistory,
    PurchaseLine,
    SpendLine,
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
from contractdesk.reports.wrapping import fit_words
from contractdesk.services.progress import NO_PROGRESS, Progress
from contractdesk.services.spend import RULE as SPEND_RULE


class Text:
    """Every word the vendor summary prints, in one place (for the translations)."""

    title = "Vendor summary: {name}"
    not_recorded = "not recorded"
    overdue_mark = " (overdue)"
    roles, status, risk, next_review = "Roles", "Status", "Risk", "Next review"
    optional = (("customer_number", "Customer no."), ("payment_terms", "Payment terms"),
                ("phone", "Phone"), ("email", "E-mail"), ("website", "Web"),
                ("country", "Country"), ("currency", "Currency"))
    notes = "Notes"
    # actions box
    actions = "Actions"
    actions_window = "Notice deadlines, act-by dates and ends in the next {days} days, " \
                     "and what is overdue."
    nothing_to_do = "Nothing to act on in the next {days} days."
    action_columns = ("When", "Days left", "What", "Agreement")
    days_left: ClassVar[dict[int, str]] = {0: "today", 1: "1 day left"}
    days_left_many = "{n} days left"
    days_ago: ClassVar[dict[int, str]] = {1: "1 day overdue"}
    days_ago_many = "{n} days overdue"
    overdue_notice = "Notice deadline passed: the term to {end} may renew"
    give_notice = "Give notice: it must arrive by {deadline}"
    can_end = "Can end: notice must arrive by {deadline}"
    renews = "Renews on {deadline}"
    expires = "Ends on {deadline}: renew or replace it before then"
    notice_given = "Ends on {deadline} (notice given)"
    act_by = "act by {day}"
    day_off = "a {weekday}"
    holiday = "{name}, a public holiday"
    review_due = "Review of {name} due"
    high_risk = "Open high risk: {text}"
    mitigation = "Mitigation: {text}"
    no_mitigation = "No mitigation recorded."
    diligence = "Due diligence: {topic} {reason}"
    more_actions = "and {n} more in the next {days} days: see the agreements list."
    more_overdue = "and {n} more overdue: see the agreements list."
    # scorecard
    scorecard = "Scorecard: the last {months} months"
    cases_none = "<b>1. Support cases:</b> none."
    cases_head = "<b>1. Support cases:</b> {cases}"
    cases_count: ClassVar[dict[int, str]] = {1: "1 case"}
    cases_count_many = "{n} cases"
    cases_open = "{n} open"
    sla_judged = "SLA met in {met} of {judged}"
    sla_missed = "missed in {n}"
    median = "median {hours} h to resolve"
    case_line = "{number} (opened {opened}{agreement}{called}): {outcome}"
    case_agreement = ", {agreement}"
    case_called = ", called {name}"
    case_open, case_missed, case_met, case_unjudged = ("still open", "SLA missed",
                                                       "SLA met", "SLA not judged")
    more_cases = "and {n} more cases"
    review_none = "<b>2. Review:</b> no review recorded."
    review_head = "<b>2. Review</b> of {date}"
    review_scores = ": {average}/5 on average; the weakest aspect was {aspect}, " \
                    "scored {lowest} of 5."
    findings, review_actions = "Findings", "Actions agreed"
    risks_none = "<b>3. Open risks:</b> none."
    risks_head = "<b>3. Open risks:</b> {counts}."
    risk_count = "{n} {level}"
    alternative = "alternative supplier: {name}"
    on_agreement = "on {agreement}"
    diligence_ok = "<b>4. Due diligence:</b> in order."
    diligence_head = "<b>4. Due diligence:</b> {issues}."
    # partners and lists
    contacts = "Contacts"
    no_contacts = "No contacts recorded."
    contact_columns = ("Role", "Name", "Phone", "E-mail", "Hours / portal")
    bought_through = "Bought through {name}"
    products = "{name} products"
    oems_behind = "<b>OEMs behind it</b>: "
    sold_by = "<b>Sold by</b>: "
    partner = "{name} ({counts})"
    agreements_n: ClassVar[dict[int, str]] = {1: "1 agreement"}
    agreements_many = "{n} agreements"
    purchases_n: ClassVar[dict[int, str]] = {1: "1 purchase"}
    purchases_many = "{n} purchases"
    none_recorded = "none recorded"
    direct = "direct"
    purchases = "Purchases ({n})"
    purchase_columns = ("PO number", "Order date", "OEM", "Bought through", "Items", "Total")
    agreements_on_services = "Agreements on {name} services, sold by {name} ({n})"
    agreements_through = "Agreements bought through {name} ({n})"
    agreements_on_products = "Agreements on {name} products ({n})"
    agreements = "Agreements ({n})"
    agreements_order = "By next action, soonest first; finished agreements last."
    no_agreements = "No agreements recorded."
    agreement_columns = ("Kind", "Contract no. / title", "OEM", "Reseller", "First call",
                         "Serials", "End", "Next action", "SLA", "Auto-renew", "Status",
                         "Cost")
    yes, no = "yes", "no"
    overdue_word = "OVERDUE"
    first_line = "<b>First-line support</b> (who takes the first call) for the current " \
                 "and upcoming agreements: "
    per: ClassVar[dict[BillingPeriod | None, str]] = {
        BillingPeriod.ANNUAL: "per year", BillingPeriod.MONTHLY: "per month",
        BillingPeriod.QUARTERLY: "per quarter", BillingPeriod.TERM: "per term",
        BillingPeriod.ONE_OFF: "one-off", None: "per term"}
    # at scale
    glance = "At a glance"
    glance_counts = "{agreements} ({statuses}); {purchases}."
    glance_cost = "Price of the running agreements, per currency and billing period " \
                  "(never added across either):"
    glance_cost_columns = ("Currency", "Agreements")
    top = "The dearest running agreements (by price per year where billed by period)"
    annex_note = "The full lists of agreements and purchases follow as an annex."
    annex = "Annex: all agreements and purchases of {name}"
    # spend
    spend = "Spend per year"
    no_spend = "No spend recorded."
    currency = "Currency"
    committed_year = "{year} committed"
    spend_chart = "Spend per year in {currency}"
    spent, committed = "Spent", "Committed"
    committed_note = "Committed: billed after today by the recorded terms. Renewals " \
                     "not yet recorded as terms are not forecast."
    prices_chart = "Renewing agreements, price per term ({currency})"
    term_names = ("Current term", "Previous term", "Two terms before")


WIDE = True
SCALE_AGREEMENTS = 25  # more than this (or purchases) and the lists go to the annex
SCALE_PURCHASES = 15
ACTION_ROWS = 10  # agreement lines in the Actions box, overdue and due alike
CASE_LINES = 8
TOP_PER_CURRENCY = 3
CHART_CURRENCIES = 3
PRICE_BARS = 12
YEARS_PER_TABLE = 8
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


def _plural(count: int, one: dict[int, str], many: str, fmt: Formatter | None = None) -> str:
    return one.get(count) or many.format(n=fmt.number(count) if fmt else count)


def _keep_together(text: str) -> str:
    """A short value never broken across lines (``+44 1707 631 000``)."""
    return escape(text).replace(" ", "&nbsp;")


def _colour(text: str, colour: Color, *, bold: bool = True) -> str:
    shown = f"<b>{text}</b>" if bold else text
    return f'<font color="{colour.hexval()}">{shown}</font>'


# facts ------------------------------------------------------------------------------


def _fact(label: str, value: str, *, alert: bool = False) -> str:
    """``Label: value`` glued together, so "Web:" never ends a line without its URL."""
    shown = _keep_together(value) if value else Text.not_recorded
    if alert:
        shown = _colour(shown, ALERT)
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
        return _plural(-left, Text.days_ago, Text.days_ago_many)
    return _plural(left, Text.days_left, Text.days_left_many)


def _day_off(line: AgreementLine, fmt: Formatter) -> str:
    """`` (a Sunday)`` after a deadline nobody can act on that day, in the warning
    colour so it is as plain three days ahead as a date a year away."""
    if not line.due_day_off or line.due is None:
        return ""
    mark = (Text.holiday.format(name=escape(line.due_holiday)) if line.due_holiday else
            Text.day_off.format(weekday=format_date(line.due, "EEEE", locale=fmt.locale)))
    return " " + _colour(f"({mark})", WARN)


def _action_words(line: AgreementLine, fmt: Formatter) -> str:
    """What the line asks for, with its deadline (weekday and day off marked)."""
    due = line.due
    if due is None:
        return ""
    deadline = escape(_weekday_date(due, fmt)) + _day_off(line, fmt)
    if line.notice_overdue:
        return _colour(Text.overdue_notice.format(end=fmt.date(line.end_date)), ALERT)
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
                     Paragraph(_colour(escape(_days(line.due or today, today)), ALERT),
                               s.cell),
                     Paragraph(_action_words(line, fmt), s.cell),
                     Paragraph(_agreement_label(line), s.cell)])
        extra.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), ALERT_FILL))
    for line in shown_due:
        day = line.acts_on or today
        left = escape(_days(day, today))
        soon = (day - today).days <= 14
        rows.append([fit(fmt.date(day), widths[0]),
                     Paragraph(_colour(left, ALERT) if soon else left, s.cell),
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
                     Paragraph(_colour(escape(_days(summary.next_review, today)), ALERT)
                               if late else escape(_days(summary.next_review, today)),
                               s.cell),
                     Paragraph(escape(Text.review_due.format(name=summary.name)), s.cell),
                     ""])
        if late:
            extra.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), ALERT_FILL))
    governance = summary.governance
    for risk in governance.high_risks:
        what = _colour(escape(Text.high_risk.format(text=risk.description)), ALERT)
        what += "<br/>" + escape(Text.mitigation.format(text=risk.mitigation)
                                 if risk.mitigation else Text.no_mitigation)
        rows.append(["", "", Paragraph(what, s.cell),
                     Paragraph(escape(risk.agreement or summary.name), s.cell)])
    for topic, reason in governance.diligence_issues:
        rows.append(["", "", Paragraph(_colour(escape(Text.diligence.format(
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


def _case_words(case: CaseLine, fmt: Formatter) -> str:
    outcome = (Text.case_open if case.open else Text.case_missed if case.sla_met is False
               else Text.case_met if case.sla_met else Text.case_unjudged)
    text = escape(Text.case_line.format(
        number=case.number, opened=fmt.date(case.opened),
        agreement=Text.case_agreement.format(agreement=case.agreement)
        if case.agreement else "",
        called=Text.case_called.format(name=case.called) if case.called else "",
        outcome=outcome))
    return _colour(text, ALERT, bold=False) if case.open or case.sla_met is False else text


def _cases(line: GovernanceLine, fmt: Formatter) -> list[str]:
    if not line.cases:
        return [Text.cases_none + " " + _colour(escape(line.counts), MUTED, bold=False)]
    parts = [_plural(line.cases, Text.cases_count, Text.cases_count_many)]
    if line.open_cases:
        parts.append(Text.cases_open.format(n=line.open_cases))
    if line.sla_judged:
        judged = Text.sla_judged.format(met=line.sla_met, judged=line.sla_judged)
        missed = line.sla_judged - line.sla_met
        if missed:
            judged += ", " + _colour(Text.sla_missed.format(n=missed), ALERT)
        parts.append(judged)
    if line.median_hours_to_resolve is not None:
        parts.append(Text.median.format(hours=fmt.number(
            Decimal(str(round(line.median_hours_to_resolve, 1))))))
    head = Text.cases_head.format(cases=", ".join(parts)) + ". " + _colour(
        escape(line.counts), MUTED, bold=False)
    shown = [f"&nbsp;&nbsp;• {_case_words(case, fmt)}" for case in line.case_lines[:CASE_LINES]]
    if len(line.case_lines) > CASE_LINES:
        shown.append("&nbsp;&nbsp;" + Text.more_cases.format(
            n=len(line.case_lines) - CASE_LINES))
    return [head, *shown]


def _review(line: GovernanceLine, fmt: Formatter) -> list[str]:
    if line.last_review is None:
        return [Text.review_none]
    head = Text.review_head.format(date=fmt.date(line.last_review))
    if line.last_scores:
        average = sum(score for _, score in line.last_scores) / len(line.last_scores)
        aspect, lowest = min(line.last_scores, key=lambda pair: pair[1])
        head += Text.review_scores.format(
            average=fmt.number(Decimal(str(round(average, 1)))),
            aspect=humanize(aspect).lower().replace("sla", "SLA"), lowest=lowest)
    else:
        head += "."
    parts = [head]
    for label, text in ((Text.findings, line.review_findings),
                        (Text.review_actions, line.review_actions)):
        if text:
            parts.append(f"&nbsp;&nbsp;<i>{label}:</i> "
                         + escape(text).replace("\n", "<br/>&nbsp;&nbsp;"))
    return parts


def _risks(line: GovernanceLine) -> list[str]:
    if not line.open_risks:
        return [Text.risks_none]
    counts = ", ".join(
        _colour(Text.risk_count.format(n=n, level=level), ALERT) if level == "high"
        else Text.risk_count.format(n=n, level=level) for level, n in line.open_risks)
    parts = [Text.risks_head.format(counts=counts)]
    for risk in line.high_risks:
        detail = [escape(risk.description)]
        if risk.agreement:
            detail.append(escape(Text.on_agreement.format(agreement=risk.agreement)))
        if risk.alternative:
            detail.append(escape(Text.alternative.format(name=risk.alternative)))
        parts.append("&nbsp;&nbsp;• " + _colour(" · ".join(detail), ALERT, bold=False)
                     + "<br/>&nbsp;&nbsp;&nbsp;&nbsp;"
                     + escape(Text.mitigation.format(text=risk.mitigation)
                              if risk.mitigation else Text.no_mitigation))
    return parts


def _diligence(line: GovernanceLine) -> str:
    if not line.diligence_issues:
        return Text.diligence_ok
    return Text.diligence_head.format(issues=", ".join(
        _colour(escape(f"{humanize(topic).lower()} {reason}"), ALERT)
        for topic, reason in line.diligence_issues))


def _scorecard(line: GovernanceLine, fmt: Formatter) -> list[Flowable]:
    """The scorecard in the order a review meeting goes through it."""
    s = styles()
    story: list[Flowable] = [*heading(Text.scorecard.format(months=line.months))]
    for part in (*_cases(line, fmt), *_review(line, fmt), *_risks(line), _diligence(line)):
        story.append(Paragraph(part, s.body))
    return story


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
        parts = [_plural(n, one, many) for n, one, many in (
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
        agreements=_plural(len(summary.agreements), Text.agreements_n, Text.agreements_many,
                           fmt),
        statuses=", ".join(f"{fmt.number(n)} {humanize(status).lower()}"
                           for status, n in statuses.most_common()),
        purchases=_plural(len(summary.purchases), Text.purchases_n, Text.purchases_many,
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
        columns = [Column(Text.currency, 14)] + [
            Column(Text.committed_year.format(year=y) if y in forward else str(y), 20,
                   right=True) for y in chunk]
        rows = [[currency] + [fmt.money(totals[y, currency], currency)
                              if (y, currency) in totals else "—" for y in chunk]
                for currency in currencies]
        share = (14 + 20 * len(chunk)) / (14 + 20 * YEARS_PER_TABLE)
        tables.append(data_table(columns, rows, width * share))
    return tables


def _chart_rows(charts: Sequence[Flowable], width: float) -> list[Flowable]:
    """Charts two (or, when there are more than four, three) to a row."""
    per_row = 2 if len(charts) <= 4 else 3
    padded: list[object] = [*charts, *[""] * (-len(charts) % per_row)]
    rows = [padded[i:i + per_row] for i in range(0, len(padded), per_row)]
    table = Table(rows, colWidths=[width / per_row] * per_row, hAlign="LEFT")
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [table]


def _amount_axis(fmt: Formatter) -> ValueFormat:
    def label(value: float) -> str:
        return fmt.number(Decimal(int(value)))
    return label


def _spend_charts(spend: Sequence[SpendLine], fmt: Formatter, each: float) -> list[Flowable]:
    """Per currency, a bar per year: spent at the bottom, committed on top."""
    by_currency: dict[str, list[SpendLine]] = defaultdict(list)
    for line in spend:
        by_currency[line.currency].append(line)
    ranked = sorted(by_currency, key=lambda c: -sum(line.total for line in by_currency[c]))
    currencies = ranked[:CHART_CURRENCIES]
    charts: list[Flowable] = []
    for currency in currencies:
        lines = {line.year: line for line in by_currency[currency]}
        years = list(range(min(lines), max(lines) + 1))[-YEARS_PER_TABLE:]
        spent = [lines[y].total - lines[y].committed if y in lines else 0 for y in years]
        committed = [lines[y].committed if y in lines else 0 for y in years]
        charts.append(stacked_bars({Text.spent: spent, Text.committed: committed},
                                   [str(y) for y in years],
                                   Text.spend_chart.format(currency=currency),
                                   width=each - 4 * mm, value_format=_amount_axis(fmt)))
    return charts


def _price_charts(histories: Sequence[PriceHistory], fmt: Formatter, each: float,
                  ) -> list[Flowable]:
    """Per currency, the dearest renewing agreements: their price in the last terms."""
    by_currency: dict[str, list[PriceHistory]] = defaultdict(list)
    for history in histories:
        by_currency[history.currency].append(history)
    currencies = sorted(by_currency, key=lambda c: -len(by_currency[c]))[:CHART_CURRENCIES]
    charts: list[Flowable] = []
    for currency in currencies:
        shown = by_currency[currency][:PRICE_BARS]
        depth = min(len(Text.term_names), max(len(h.prices) for h in shown))
        series = {Text.term_names[back]: [h.prices[-1 - back] if len(h.prices) > back else 0
                                          for h in shown]
                  for back in reversed(range(depth))}
        charts.append(grouped_bars(series, [h.contract for h in shown],
                                   Text.prices_chart.format(currency=currency),
                                   width=each - 4 * mm, value_format=_amount_axis(fmt)))
    return charts


def _spend(summary: VendorSummary, fmt: Formatter, width: float) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [*heading(Text.spend)]
    spend_currencies = len({line.currency for line in summary.spend})
    price_currencies = len({h.currency for h in summary.price_histories})
    count = min(spend_currencies, CHART_CURRENCIES) + min(price_currencies, CHART_CURRENCIES)
    each = width / (2 if count <= 4 else 3)
    charts: list[Flowable] = []
    if not summary.spend:
        story.append(Paragraph(escape(Text.no_spend), s.body))
    else:
        story.extend(_spend_tables(summary.spend, fmt, width))
        story.append(Paragraph(escape(SPEND_RULE + " " + Text.committed_note), s.note))
        charts += _spend_charts(summary.spend, fmt, each)
    charts += _price_charts(summary.price_histories, fmt, each)
    if charts:
        story.append(Spacer(0, 4))
        story += _chart_rows(charts, width)
    return story


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
    story += _scorecard(summary.governance, fmt)
    story += heading(Text.contacts)
    if summary.contacts:
        story.append(data_table(CONTACT_COLUMNS, _contact_rows(summary.contacts, width),
                                width))
    else:
        story.append(Paragraph(escape(Text.no_contacts), s.body))
    story += _partner_lines(summary)
    if at_scale(summary):
        story += _glance(summary, fmt, width)
        story += _spend(summary, fmt, width)
        story.append(PageBreak())
        story.append(Paragraph(escape(Text.annex.format(name=summary.name)), s.title))
        story += _lists(summary, fmt, width)
    else:
        story += _lists(summary, fmt, width)
        story += _spend(summary, fmt, width)
    return story


def render_vendor_summary(summary: VendorSummary, output: BinaryIO, fmt: Formatter,
                          generated: dt.datetime, progress: Progress = NO_PROGRESS) -> int:
    """Writes the vendor summary PDF to ``output``; returns the page count."""
    return render_pdf(output, vendor_story(summary, fmt),
                      title=Text.title.format(name=summary.name), fmt=fmt,
                      generated=generated, wide=WIDE, progress=progress)
