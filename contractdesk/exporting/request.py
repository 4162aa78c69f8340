"""What the user asked to export, passed unchanged to whichever writer handles the file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from contractdesk.domain.status import DEFAULT_REMINDER_DAYS
from contractdesk.exporting.records import KINDS
from contractdesk.services.progress import NO_PROGRESS, Progress

DELIMITERS = (";", ",")


@dataclass(frozen=True)
class ExportRequest:
    """Options shared by all formats.

    Attributes:
        today: the day derived status and the renewals window are computed for.
        window_days: the reminder window for ``status`` and the Renewals sheet.
        due_only: export only the agreements that need notice, renew or end within
            ``window_days``, with the records they refer to, so the file still imports.
        kind: one record kind; None means all (csv, which holds one, then takes
            agreements).
        ids: only these records of ``kind`` (the window's filtered list); None means
            all. Needs ``kind``.
        delimiter: the csv field separator.
        progress: told about every batch of rows; raises ``Cancelled`` to stop.
    """

    today: dt.date
    window_days: int = DEFAULT_REMINDER_DAYS
    due_only: bool = False
    kind: str | None = None
    ids: frozenset[int] | None = None
    delimiter: str = ";"
    progress: Progress = field(default=NO_PROGRESS, compare=False)

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}")
        if self.ids is not None and self.kind is None:
            raise ValueError("ids need a kind")
        if self.delimiter not in DELIMITERS:
            raise ValueError(f"unsupported delimiter {self.delimiter!r}")

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds a multi-kind format (xlsx, json) writes."""
        return KINDS if self.kind is None else (self.kind,)
