"""Choosing the writer by the target's file extension."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from contractdesk.errors import UserError
from contractdesk.exporting.json_export import write_json

Writer = Callable[[Session, Path, dt.date, int], dict[str, int]]

WRITERS: dict[str, Writer] = {".json": write_json}


def export_to(session: Session, target: Path, today: dt.date, window_days: int
              ) -> dict[str, int]:
    """Writes everything to ``target`` in the format its extension names.

    Raises:
        UserError: an extension no writer handles.
    """
    writer = WRITERS.get(target.suffix.lower())
    if writer is None:
        known = ", ".join(sorted(WRITERS))
        raise UserError(f"Cannot export to {target.name}: use one of {known}.")
    return writer(session, target, today, window_days)
