"""The last step: what the import created, updated and skipped, and the skipped rows
saved as csv to fix and import again."""

from __future__ import annotations

from contractdesk.errors import UserError
from contractdesk.importing.service import ImportSummary
from contractdesk.importing.skipped import write_skipped
from contractdesk.ui.dialogs import Dialogs
from contractdesk.ui.file_dialogs import FileDialogs, with_suffix
from contractdesk.ui.qt import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

KIND_ORDER = ("agreements", "items", "purchases", "organizations", "contacts")
ONE = {"agreements": "agreement", "items": "item", "purchases": "purchase",
       "organizations": "organization", "contacts": "contact", "reviews": "review",
       "due_diligence": "due diligence check", "risks": "risk",
       "support_cases": "support case"}


def counted(counts: dict[str, int]) -> str:
    """``{"agreements": 5, "items": 1, "risks": 0}`` → ``5 agreements, 1 item``."""
    order = [k for k in KIND_ORDER if k in counts] + sorted(set(counts) - set(KIND_ORDER))
    parts = [f"{counts[k]:,} {ONE.get(k, k) if counts[k] == 1 else k.replace('_', ' ')}"
             for k in order if counts[k]]
    return ", ".join(parts)


def _row_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, 2)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    return table


def _fill(table: QTableWidget, entries: list[tuple[int, str]], whole_file: str = "") -> None:
    """One line per entry (row 0 is the file as a whole); hidden when there are none."""
    table.setRowCount(len(entries))
    for line, (row, text) in enumerate(entries):
        number = QTableWidgetItem(str(row) if row else whole_file)
        number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(line, 0, number)
        table.setItem(line, 1, QTableWidgetItem(text))
    table.resizeColumnToContents(0)
    table.resizeRowsToContents()
    table.setVisible(bool(entries))


class SummaryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Import finished"))
        self.summary: ImportSummary | None = None
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.skipped = _row_table([self.tr("Row"), self.tr("Reason")])
        self.warnings = _row_table([self.tr("Row"), self.tr("Warning")])
        self.save_button = QPushButton(self.tr("Save skipped rows as CSV…"))
        self.save_button.clicked.connect(self.save_skipped)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.skipped, 100)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.warnings, 50)
        layout.addStretch(1)  # keeps the counts at the top when nothing was skipped

    def show_summary(self, summary: ImportSummary) -> None:
        self.summary = summary
        nothing = self.tr("nothing")
        workbook = summary.sheet and summary.sheet != summary.file.rsplit(".", 1)[0]
        self.setSubTitle((self.tr("{file}, sheet “{sheet}”: {rows} rows read.") if workbook
                          else self.tr("{file}: {rows} rows read.")).format(
            file=summary.file, sheet=summary.sheet, rows=f"{summary.rows_read:,}"))
        count = len(summary.skipped)
        skipped = (self.tr("no rows") if not count else self.tr("1 row, listed below")
                   if count == 1 else self.tr("{n} rows, listed below").format(n=count))
        warned = len(summary.warnings)
        warnings = (self.tr("none") if not warned else self.tr("1, listed below")
                    if warned == 1 else self.tr("{n}, listed below").format(n=warned))
        self.counts.setText(self.tr("<p style='line-height: 140%'><b>Created:</b> {created}"
                                    "<br><b>Updated:</b> {updated}"
                                    "<br><b>Skipped:</b> {skipped}"
                                    "<br><b>Warnings:</b> {warnings}</p>").format(
            created=counted(summary.created) or nothing,
            updated=counted(summary.updated) or nothing, skipped=skipped,
            warnings=warnings))
        _fill(self.skipped, [(entry.row, entry.reason) for entry in summary.skipped])
        _fill(self.warnings, [(entry.row, entry.text) for entry in summary.warnings],
              self.tr("file"))
        self.save_button.setVisible(bool(count))

    def save_skipped(self) -> None:
        if self.summary is None:
            return
        stem = self.summary.file.rsplit(".", 1)[0]
        chosen = FileDialogs.save_file(self, self.tr("Save skipped rows"),
                                       f"{stem} - skipped.csv", self.tr("CSV (*.csv)"))
        if chosen is None:
            return
        target = with_suffix(chosen[0], chosen[1], (".csv",))
        try:
            write_skipped(target, self.summary.file, self.summary.skipped)
        except UserError as error:
            Dialogs.error(self, self.tr("Cannot save the skipped rows"), str(error))
