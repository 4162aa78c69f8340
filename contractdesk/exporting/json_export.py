"""The documented JSON contract (``{"format": "contractdesk", "version": 1, ...}``)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.exporting.governance_rows import (
    GOVERNANCE_KINDS,
    governance_rows,
)
from contractdesk.exporting.plan import plan_export
from contractdesk.exporting.records import (
    KINDS,
    Scope,
    json_value,
    records,
    terms_by_agreement,
)
from contractdesk.exporting.request import ExportRequest
from contractdesk.exporting.safe_write import atomic_writer
from contractdesk.services.progress import NO_PROGRESS, Progress

FORMAT = "contractdesk"
VERSION = 1
PROGRESS_EVERY = 500


def export_document(session: Session, today: dt.date,
                    window_days: int = DEFAULT_REMINDER_DAYS, *,
                    kinds: tuple[str, ...] = KINDS, scope: Scope | None = None,
                    progress: Progress = NO_PROGRESS, total: int = 0,
                    governance: bool = True) -> dict[str, Any]:
    """The contract as a dict: every kind in ``kinds``, limited to ``scope``'s ids, and
    the governance lists when ``governance``."""
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION,
                                "exported_on": today.isoformat()}
    done = 0
    for kind in kinds:
        rows: list[dict[str, Any]] = []
        document[kind] = rows
        wanted = (scope or {}).get(kind)
        history = terms_by_agreement(session, wanted) if kind == "agreements" else {}
        for record_id, row in records(session, kind, today, window_days, wanted):
            rows.append({key: json_value(value) for key, value in row.items()})
            if kind == "agreements":
                rows[-1]["terms"] = [{key: json_value(value) for key, value in term.items()}
                                     for term in history.get(record_id, [])]
            done += 1
            if done % PROGRESS_EVERY == 0:
                progress.update(done, total, kind)
        progress.update(done, total, kind)
    if governance:
        for kind, governance_records in governance_rows(session).items():
            document[kind] = [{key: json_value(value) for key, value in row.items()}
                              for row in governance_records]
            done += len(document[kind])
            progress.update(done, total, kind)
    return document


def write_json(session: Session, target: Path, request: ExportRequest) -> dict[str, int]:
    """Writes the contract to ``target`` atomically; returns counts per kind."""
    plan = plan_export(session, request, request.kinds)
    document = export_document(session, request.today, request.window_days,
                               kinds=plan.kinds, scope=plan.scope,
                               progress=request.progress, total=plan.total_rows,
                               governance=plan.governance)
    kinds = [kind for kind in (*KINDS, *GOVERNANCE_KINDS) if kind in document]
    with atomic_writer(target, "w") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return {kind: len(document[kind]) for kind in kinds}
