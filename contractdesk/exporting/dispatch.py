"""Choosing the writer by the target's file extension."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from pathlib import Path

from sqlalchemy.orm import Session

from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.errors import UserError
from contractdesk.exporting.csv_export import write_csv
from contractdesk.exporting.json_export import write_json
from contractdesk.exporting.request import ExportRequest
from contractdesk.exporting.xlsx_export import write_xlsx
from contractdesk.services.progress import NO_PROGRESS, Progress

Writer = Callable[[Session, Path, ExportRequest], dict[str, int]]

WRITERS: dict[str, Writer] = {".json": write_json, ".xlsx": write_xlsx, ".csv": write_csv}


def export_to(session: Session, target: Path, today: dt.date,
              window_days: int = DEFAULT_REMINDER_DAYS, *, due_only: bool = False,
              kind: str | None = None, ids: Collection[int] | None = None,
              delimiter: str = ";", progress: Progress = NO_PROGRESS) -> dict[str, int]:
    """Writes to ``target`` in the format its extension names; returns rows per kind.

    See :class:`~contractdesk.exporting.request.ExportRequest` for the options. The
    target is replaced only once complete: on any failure or cancel the earlier file
    stays as it was.

    Raises:
        UserError: an extension no writer handles, a full disk, a locked target.
        Cancelled: ``progress`` reported a cancel.
    """
    writer = WRITERS.get(target.suffix.lower())
    if writer is None:
        known = ", ".join(sorted(WRITERS))
        raise UserError(f"Cannot export to {target.name}: use one of {known}.")
    request = ExportRequest(today=today, window_days=window_days, due_only=due_only,
                            kind=kind, ids=None if ids is None else frozenset(ids),
                            delimiter=delimiter, progress=progress)
    return writer(session, target, request)
