"""The vendor summary's spend: per year and currency as tables and stacked bars
(spent against committed), and the price of each renewing agreement per term."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from contractdesk.reports.charts import ValueFormat, grouped_bars, stacked_bars
from contractdesk.reports.data.vendor import PriceHistory, SpendLine, VendorSummary
from contractdesk.reports.formatting import Formatter
from contractdesk.reports.styles import escape, heading, styles
from contractdesk.reports.tables import Column, data_table
from contractdesk.reports.vendor_text import Text
from contractdesk.services.spend import RULE as SPEND_RULE

CHART_CURRENCIES = 3
PRICE_BARS = 12
YEARS_PER_TABLE = 8


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


def spend_section(summary: VendorSummary, fmt: Formatter, width: float) -> list[Flowable]:
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

