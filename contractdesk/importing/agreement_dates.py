"""The one rule for an agreement's dates, whichever way it comes in.

A register row, a record of our own export and a term of its history are all checked
here, so a row the first import accepted is never refused when the database's own
export of it is imported again (or the other way round). The order date of a register
stands in for a missing start only where it does not contradict the end: a licence
bought after it expired (Snipe-IT lists such) has no start of its own, not an end
before its start.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def agreement_start(start: Any, order_date: Any, end: Any) -> Any:
    """The start a register row gives: its own start, else its order date unless that
    comes after the end."""
    if start is not None:
        return start
    if isinstance(order_date, dt.date) and isinstance(end, dt.date) and end < order_date:
        return None
    return order_date


def dates_problem(start: Any, end: Any) -> str | None:
    """Why ``start`` and ``end`` cannot both be an agreement's (or term's) dates, or None."""
    if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
        return f"end date {end.isoformat()} is before start date {start.isoformat()}"
    return None
