"""The wizard's steps before the import: the file and sheet, the columns, the preview.

Each page redraws from the shared :class:`ImportState` whenever a reading arrives, and
is complete only once the file has been read without a fatal problem.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from contractdesk.importing.readers import TEXT_SUFFIXES
from contractdesk.importing.service import Preview
from contractdesk.importing.text_files import DELIMITER_NAMES, TextFormat
from contractdesk.ui.file_dialogs import IMPORT_FILTER, FileDialogs
from contractdesk.ui.import_wizard.preview_model import PreviewModel
from contractdesk.ui.import_wizard.summary_page import KIND_ORDER, counted
from contractdesk.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

if TYPE_CHECKING:
    from contractdesk.ui.import_wizard.wizard import ImportState

ERROR_STYLE = "color: #d64545;"
SPELLED_OUT = 3  # problem rows written out above the preview table


def status_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class StatePage(QWizardPage):
    """A page that follows the state: redrawn on each reading, complete once read."""

    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        state.changed.connect(self._changed)

    def _changed(self) -> None:
        self.redraw()
        self.completeChanged.emit()

    def redraw(self) -> None:
        raise NotImplementedError

    def isComplete(self) -> bool:
        return self.state.preview is not None


class SourcePage(StatePage):
    """Which file, which sheet, and where its header row was found."""

    def __init__(self, state: ImportState) -> None:
        super().__init__(state)
        self.setTitle(self.tr("File and sheet"))
        self.setSubTitle(self.tr("ContractDesk reads registers kept in Excel, "
                                 "LibreOffice or CSV, and its own xlsx and JSON exports."))
        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose another file…"))
        self.choose_button.clicked.connect(self._choose)
        self.sheet_box = QComboBox()
        self.sheet_box.setMinimumWidth(260)
        self.sheet_box.activated.connect(
            lambda index: self.state.set_sheet(self.sheet_box.itemText(index)))
        self.status = status_label()
        self.encoding_box = _choices(ENCODINGS, self.tr("Detect"))
        self.delimiter_box = _choices(DELIMITER_NAMES, self.tr("Detect"))
        self.encoding_box.setToolTip(self.tr("The character set the file was saved in; "
                                             "change it when umlauts come out wrong"))
        self.delimiter_box.setToolTip(self.tr("The character between the columns"))
        for box in (self.encoding_box, self.delimiter_box):
            box.activated.connect(self._text_format_chosen)

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        self.form = form = QFormLayout()
        form.addRow(self.tr("File:"), file_row)
        self.sheet_row = sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_box)
        sheet_row.addStretch(1)
        form.addRow(self.tr("Sheet:"), sheet_row)
        self.text_row = text_row = QHBoxLayout()
        text_row.addWidget(self.encoding_box)
        text_row.addWidget(QLabel(self.tr("columns separated by")))
        text_row.addWidget(self.delimiter_box)
        text_row.addStretch(1)
        form.addRow(self.tr("Text:"), text_row)
        form.addRow(self.tr("Found:"), self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def _text_format_chosen(self) -> None:
        self.state.set_text_format(TextFormat(self.encoding_box.currentData(),
                                              self.delimiter_box.currentData()))

    def _choose(self) -> None:
        path = FileDialogs.open_file(self, self.tr("Import records"), IMPORT_FILTER)
        if path is not None:
            self.state.set_file(path)

    def redraw(self) -> None:
        state = self.state
        self.file_label.setText(f"<b>{state.path.name}</b><br>{state.path.parent}")
        reading = state.reading
        self.sheet_box.clear()
        self.sheet_box.addItems(reading.sheets or [])
        shown = reading.preview.sheet if reading.preview is not None else state.sheet
        if shown in reading.sheets:
            self.sheet_box.setCurrentText(shown)
        native = reading.preview is not None and reading.preview.native is not None
        self.sheet_box.setEnabled(len(reading.sheets) > 1 and not state.loading
                                  and not native)
        self.form.setRowVisible(self.sheet_row, bool(reading.sheets))
        used = reading.preview.text_format if reading.preview is not None else None
        is_text = used is not None or state.path.suffix.lower() in TEXT_SUFFIXES
        self.form.setRowVisible(self.text_row, is_text)
        chosen = state.text_format
        _show_choice(self.encoding_box, chosen.encoding,
                     used.encoding if used and not chosen.encoding else None,
                     ENCODINGS)
        _show_choice(self.delimiter_box, chosen.delimiter,
                     used.delimiter if used and not chosen.delimiter else None,
                     DELIMITER_NAMES)
        for box in (self.encoding_box, self.delimiter_box):
            box.setEnabled(not state.loading)
        self.sheet_box.setToolTip(self.tr("A ContractDesk export is read whole, every sheet")
                                  if native else "" if len(reading.sheets) > 1 else
                                  self.tr("This file has one sheet"))
        self.status.setStyleSheet(ERROR_STYLE if reading.error and not state.loading
                                  else "")
        self.status.setText(self.tr("Reading…") if state.loading
                            else reading.error or found_text(reading.preview,
                                                            bool(reading.sheets))
                            + self._garbled_hint(reading.preview))

    def _garbled_hint(self, preview: Preview | None) -> str:
        """Characters the detected encoding could not read show as "�" in the headers."""
        columns = preview.mapping.columns if preview and preview.mapping else ()
        if preview is None or preview.text_format is None or \
                not any("\ufffd" in column.header for column in columns):
            return ""
        return "\n\n" + self.tr("Some characters could not be read (shown as �): choose "
                                "the encoding the file was saved in.")


def _tr(text: str) -> str:
    return QCoreApplication.translate("SourcePage", text)


# A CSV file's encodings as the picker names them (codec → words)
ENCODINGS = {"utf-8": "UTF-8", "cp1252": "Windows (Western Europe, cp1252)",
             "iso-8859-15": "ISO 8859-15 (Latin-9)", "cp850": "DOS (Western Europe, cp850)",
             "utf-16": "UTF-16", "mac-roman": "Mac Roman"}


def _choices(names: dict[str, str], detect: str) -> QComboBox:
    box = QComboBox()
    # wide enough for "Detected: …", whose words change with each file
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    box.addItem(detect, None)
    for value, words in names.items():
        box.addItem(_tr(words), value)
    return box


def _show_choice(box: QComboBox, chosen: str | None, detected: str | None,
                 names: dict[str, str]) -> None:
    """The user's choice, or "Detected: …" naming what detection found."""
    found = _tr(names.get(detected, detected or "")) if detected else ""
    box.setItemText(0, _tr("Detected: {found}").format(found=found) if found
                    else _tr("Detect"))
    box.setCurrentIndex(max(0, box.findData(chosen)) if chosen is not None else 0)


def native_counts(preview: Preview) -> dict[str, int]:
    """Records per kind in a ContractDesk export."""
    incoming = preview.incoming()
    counts = {kind: len(getattr(incoming, kind)) for kind in KIND_ORDER}
    if preview.native is not None:
        counts.update({kind: len(rows) for kind, rows in preview.native.governance.items()})
    return counts


def found_text(preview: Preview | None, workbook: bool) -> str:
    if preview is None:
        return ""
    if preview.native is not None:
        return _tr("A ContractDesk export: {records}; read with its own field names.").format(
            records=counted(native_counts(preview)))
    columns = preview.mapping.columns if preview.mapping else ()
    matched = sum(1 for c in columns if c.target is not None)
    headers = "  ·  ".join(c.header for c in columns if c.header)
    where = (_tr("row {row} of sheet “{sheet}”") if workbook else _tr("row {row}")).format(
        row=preview.header_row, sheet=preview.sheet)
    return _tr("The header row is {where}: {columns} columns, {matched} of them matched to "
               "fields; {rows} data rows below it.\n\nHeader row: {headers}").format(
        where=where, columns=len(columns), matched=matched, rows=f"{preview.rows_read:,}",
        headers=headers)


class PreviewPage(StatePage):
    """The rows as they will be read; problem rows marked, each with its reason."""

    def __init__(self, state: ImportState, start_import: Callable[[], None]) -> None:
        super().__init__(state)
        self.start_import = start_import
        self.done = False  # set once the import succeeded: then Next moves on
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("The rows as they will be read. Rows marked in red are "
                                 "skipped, with the reason; rows in amber are read with a "
                                 "warning. Import writes all but the red ones in one go "
                                 "(Cancel writes nothing)."))
        self.setCommitPage(True)
        self.status = status_label()
        self.model = PreviewModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.outcome = status_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 100)
        layout.addWidget(self.outcome)
        layout.addStretch(1)  # keeps the text at the top when the table is hidden

    def initializePage(self) -> None:
        self.outcome.clear()
        self.redraw()

    def redraw(self) -> None:
        preview = self.state.preview
        self.model.set_preview(preview)
        if preview is None:
            self.status.setText(self.tr("Reading…") if self.state.loading
                                else self.state.reading.error)
            return
        skipped = len(preview.skipped)
        native = preview.native is not None
        self.table.setVisible(not native or bool(skipped))
        if native:
            text = self.tr("The export holds {records}. Records already here (same name, "
                           "contract number, serial or PO) are updated, the others created; "
                           "{bad} skipped.").format(records=counted(native_counts(preview)),
                                                    bad=skipped)
        else:
            text = self.tr("{rows} rows read: {good} will be imported, {bad} skipped."
                           ).format(rows=f"{preview.rows_read:,}",
                                    good=f"{preview.rows_read - skipped:,}", bad=f"{skipped:,}")
        for entry in preview.skipped[:SPELLED_OUT]:
            text += "\n" + self.tr("Row {row}: {reason}").format(row=entry.row,
                                                                 reason=entry.reason)
        if skipped > SPELLED_OUT:
            text += "\n" + self.tr("… and {n} more, marked in the table.").format(
                n=f"{skipped - SPELLED_OUT:,}")
        warnings = preview.warnings
        for warning in warnings[:SPELLED_OUT]:
            where = (self.tr("Row {row}").format(row=warning.row) if warning.row
                     else self.tr("File"))
            text += "\n" + self.tr("{where} (warning): {text}").format(where=where,
                                                                      text=warning.text)
        if len(warnings) > SPELLED_OUT:
            text += "\n" + self.tr("… and {n} more warnings.").format(
                n=f"{len(warnings) - SPELLED_OUT:,}")
        if preview.unmapped:
            text += "\n" + self.tr("Columns not matched to a field go to the notes: "
                                  "{names}.").format(names=", ".join(preview.unmapped))
        self.status.setText(text)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))

    def validatePage(self) -> bool:
        """Import first; the wizard moves on when the summary arrives."""
        if self.done:
            return True
        self.outcome.setText(self.tr("Importing…"))
        self.outcome.setStyleSheet("")
        self.start_import()
        return False

    def show_not_imported(self) -> None:
        self.outcome.setStyleSheet(ERROR_STYLE)
        self.outcome.setText(self.tr("Nothing was imported (the import was cancelled or "
                                     "failed). Change something and try again, or close "
                                     "the wizard."))
