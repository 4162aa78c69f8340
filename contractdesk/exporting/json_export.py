"""The documented JSON contract (``{"format": "contractdesk", "version": 1, ...}``)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.exporting.records import all_rows, json_value
from contractdesk.exporting.safe_write import atomic_writer

FORMAT = "contractdesk"
VERSION = 1


def export_document(session: Session, today: dt.date,
                    window_days: int = DEFAULT_REMINDER_DAYS) -> dict[str, Any]:
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION,
                                "exported_on": today.isoformat()}
    for kind, rows in all_rows(session, today, window_days).items():
        document[kind] = [{key: json_value(value) for key, value in row.items()}
                          for row in rows]
    return document


def write_json(session: Session, target: Path, today: dt.date,
               window_days: int = DEFAULT_REMINDER_DAYS) -> dict[str, int]:
    """Writes the contract to ``target`` atomically; returns counts per kind."""
    document = export_document(session, today, window_days)
    with atomic_writer(target, "w") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return {kind: len(document[kind]) for kind in document if isinstance(document[kind], list)}
