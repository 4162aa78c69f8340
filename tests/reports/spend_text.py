"""The vendor summary's spend tables read back from the PDF's text, so a test can hold
the printed figures against the window's and the service's."""

from __future__ import annotations

import re
from decimal import Decimal

from contractdesk.services.spend import SpendLine

Figures = dict[tuple[int, str], Decimal]
HEADING = "Spend per year\n"
RULE_START = "Per currency, never"
CURRENCY = re.compile(r"[A-Z]{3}")


def printed_spend(text: str) -> Figures:
    """Each (year, currency) total of the PDF's spend tables (gap years, "—", left out).

    The tables print a ``Currency`` header, the years (``2027 committed`` for a year
    with amounts still to bill), then per currency its code and one amount per year.
    """
    start = text.find(HEADING)
    if start < 0:
        return {}
    cells = [c.strip() for c in text[start + len(HEADING):text.find(RULE_START, start)]
             .splitlines() if c.strip()]
    figures: Figures = {}
    years: list[int] = []
    at = 0
    while at < len(cells):
        if cells[at] == "Currency":
            years, at = [], at + 1
            while at < len(cells) and not CURRENCY.fullmatch(cells[at]):
                years.append(int(cells[at].split()[0]))
                at += 1
            continue
        currency, amounts = cells[at], cells[at + 1:at + 1 + len(years)]
        for year, amount in zip(years, amounts, strict=True):
            if amount != "—":
                figures[year, currency] = Decimal(re.sub(r"[^\d.\-]", "", amount))
        at += 1 + len(years)
    return figures


def service_spend(lines: tuple[SpendLine, ...] | list[SpendLine]) -> Figures:
    return {(line.year, line.currency): line.total for line in lines}
