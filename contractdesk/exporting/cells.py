"""Cell text shared by the spreadsheet formats: lists in one cell, formula triggers.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, after
trimming, tab or carriage return) as a formula: OWASP's "CSV injection". Any text from
the database may start that way (a phone number ``+49 …``, a hostile note ``=HYPERLINK
(…)``), so every writer checks with :func:`starts_like_formula` and neutralises it in
its own way: xlsx stores it as a text cell, csv prefixes a quote.
"""

from __future__ import annotations

from collections.abc import Iterable

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = ", "


def starts_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_TRIGGERS)


def list_text(values: Iterable[str]) -> str:
    """Serial numbers or roles in one cell: ``"A1, B2"``."""
    return LIST_SEPARATOR.join(values)
