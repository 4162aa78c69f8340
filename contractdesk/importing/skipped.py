"""The rows an import skipped, as a csv file the user can fix and import again."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from contractdesk.exporting.csv_export import escape_csv_cell
from contractdesk.exporting.safe_write import atomic_writer
from contractdesk.importing.service import Skipped

COLUMNS = ("file", "row", "reason")


def write_skipped(target: Path, file: str, skipped: Iterable[Skipped]) -> int:
    """Writes one line per skipped row (file name, row number, reason); returns the
    count. Reasons quote cells, so they are escaped like every exported text.

    Raises:
        UserError: the folder is missing or not writable, the disk is full.
    """
    count = 0
    with atomic_writer(target, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(COLUMNS)
        for entry in skipped:
            writer.writerow([escape_csv_cell(file), entry.row, escape_csv_cell(entry.reason)])
            count += 1
    return count
