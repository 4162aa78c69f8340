"""The skipped rows of an import as a csv file."""

from __future__ import annotations

import csv
from pathlib import Path

from contractdesk.importing.service import Skipped
from contractdesk.importing.skipped import write_skipped


def test_one_line_per_skipped_row_with_its_reason(tmp_path: Path) -> None:
    target = tmp_path / "skipped.csv"
    skipped = [Skipped(8, "Order Date (H8): 'next Tuesday' is not a date"),
               Skipped(12, "=cmd: nothing identifies this row")]
    assert write_skipped(target, "register.xlsx", skipped) == 2
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert rows == [
        {"file": "register.xlsx", "row": "8",
         "reason": "Order Date (H8): 'next Tuesday' is not a date"},
        {"file": "register.xlsx", "row": "12", "reason": "'=cmd: nothing identifies this row"},
    ]
