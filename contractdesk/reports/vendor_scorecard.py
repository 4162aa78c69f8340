"""The vendor summary's scorecard, written as the meeting's agenda: support cases with
their numbers, the last review's findings and actions, open risks, due diligence."""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import Flowable

from contractdesk.reports.data.vendor import CaseLine, GovernanceLine
from contractdesk.reports.formatting import Formatter, humanize
from contractdesk.reports.styles import ALERT, MUTED, escape, heading, styles
from contractdesk.reports.vendor_text import Text, coloured, plural

CASE_LINES = 8


def _case_words(case: CaseLine, fmt: Formatter) -> str:
    outcome = (Text.case_open if case.open else Text.case_missed if case.sla_met is False
               else Text.case_met if case.sla_met else Text.case_unjudged)
    text = escape(Text.case_line.format(
        number=case.number, opened=fmt.date(case.opened),
        agreement=Text.case_agreement.format(agreement=case.agreement)
        if case.agreement else "",
        called=Text.case_called.format(name=case.called) if case.called else "",
        outcome=outcome))
    return coloured(text, ALERT, bold=False) if case.open or case.sla_met is False else text


def _cases(line: GovernanceLine, fmt: Formatter) -> list[str]:
    if not line.cases:
        return [Text.cases_none + " " + coloured(escape(line.counts), MUTED, bold=False)]
    parts = [plural(line.cases, Text.cases_count, Text.cases_count_many)]
    if line.open_cases:
        parts.append(Text.cases_open.format(n=line.open_cases))
    if line.sla_judged:
        judged = Text.sla_judged.format(met=line.sla_met, judged=line.sla_judged)
        missed = line.sla_judged - line.sla_met
        if missed:
            judged += ", " + coloured(Text.sla_missed.format(n=missed), ALERT)
        parts.append(judged)
    if line.median_hours_to_resolve is not None:
        parts.append(Text.median.format(hours=fmt.number(
            Decimal(str(round(line.median_hours_to_resolve, 1))))))
    head = Text.cases_head.format(cases=", ".join(parts)) + ". " + coloured(
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
        coloured(Text.risk_count.format(n=n, level=level), ALERT) if level == "high"
        else Text.risk_count.format(n=n, level=level) for level, n in line.open_risks)
    parts = [Text.risks_head.format(counts=counts)]
    for risk in line.high_risks:
        detail = [escape(risk.description)]
        if risk.agreement:
            detail.append(escape(Text.on_agreement.format(agreement=risk.agreement)))
        if risk.alternative:
            detail.append(escape(Text.alternative.format(name=risk.alternative)))
        parts.append("&nbsp;&nbsp;• " + coloured(" · ".join(detail), ALERT, bold=False)
                     + "<br/>&nbsp;&nbsp;&nbsp;&nbsp;"
                     + escape(Text.mitigation.format(text=risk.mitigation)
                              if risk.mitigation else Text.no_mitigation))
    return parts


def _diligence(line: GovernanceLine) -> str:
    if not line.diligence_issues:
        return Text.diligence_ok
    return Text.diligence_head.format(issues=", ".join(
        coloured(escape(f"{humanize(topic).lower()} {reason}"), ALERT)
        for topic, reason in line.diligence_issues))


def scorecard(line: GovernanceLine, fmt: Formatter) -> list[Flowable]:
    """The scorecard in the order a review meeting goes through it."""
    s = styles()
    story: list[Flowable] = [*heading(Text.scorecard.format(months=line.months))]
    for part in (*_cases(line, fmt), *_review(line, fmt), *_risks(line), _diligence(line)):
        story.append(Paragraph(part, s.body))
    return story

