"""The columns step: one line per column of the header row and the field it feeds,
changeable; each change re-reads the preview with the user's choices on top.

While a change is being read the pickers stay where they are (disabled), and when it
arrives they are updated in place, so the list does not jump back to the top. A choice
that leaves nothing to identify a row keeps the pickers, with the reason, so the user
can take it back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from contractdesk.errors import UserError
from contractdesk.importing.mapping import Column, ColumnMapping, with_overrides
from contractdesk.importing.rows import column_letter
from contractdesk.importing.service import Preview
from contractdesk.ui.import_wizard.pages import ERROR_STYLE, StatePage, status_label
from contractdesk.ui.import_wizard.preview_model import field_choices, value_text
from contractdesk.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

if TYPE_CHECKING:
    from contractdesk.ui.import_wizard.wizard import ImportState

NOT_IMPORTED = None
HEADERS = ("Column", "Header", "Read into", "Example")


class ColumnsPage(StatePage):
    def __init__(self, state: ImportState) -> None:
        super().__init__(state)
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Each column of the header row and the field it is read "
                                 "into. Change a field to read a column differently; "
                                 "the preview follows."))
        self.status = status_label()
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.combos: dict[str, QComboBox] = {}  # header → its field picker
        self.lines: dict[str, int] = {}  # header → table row
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 100)
        layout.addStretch(1)  # keeps the text at the top when the table is hidden

    def _shown_mapping(self) -> tuple[ColumnMapping | None, Preview | None]:
        """The mapping to show and the preview its examples come from."""
        state = self.state
        if state.reading.preview is not None:
            return state.reading.preview.mapping, state.reading.preview
        last = state.last_good
        if last is None or last.mapping is None:
            return None, None
        try:
            return with_overrides(last.mapping, state.overrides), last
        except UserError:
            return last.mapping, last

    def redraw(self) -> None:
        state = self.state
        self.table.setEnabled(not state.loading)
        if state.loading:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Reading…"))
            return
        mapping, source = self._shown_mapping()
        error = state.reading.error
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        if source is not None and source.native is not None:
            self.status.setText(self.tr("This is a ContractDesk export: its columns are "
                                        "its own field names, nothing to match."))
            self.table.hide()
            return
        self.table.setVisible(mapping is not None)
        if mapping is None or source is None:
            self.status.setText(error)
            self._fill([], {})
            return
        where = (self.tr("Header row {row} of sheet “{sheet}”.") if state.reading.sheets
                 else self.tr("Header row {row}.")).format(row=source.header_row,
                                                           sheet=source.sheet)
        self.status.setText(error or where)
        columns = [c for c in mapping.columns if c.header]
        if [c.header for c in columns] == list(self.combos):
            self._update(columns, _examples(source))
        else:
            self._fill(columns, _examples(source))

    def _fill(self, columns: list[Column], examples: dict[int, str]) -> None:
        self.combos, self.lines = {}, {}
        self.table.setRowCount(len(columns))
        for line, column in enumerate(columns):
            self.table.setItem(line, 0, QTableWidgetItem(column_letter(column.index)))
            self.table.setItem(line, 1, QTableWidgetItem(column.header))
            self.table.setCellWidget(line, 2, self._picker(column))
            self.table.setItem(line, 3, QTableWidgetItem(examples.get(column.index, "")))
            self.lines[column.header] = line
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, max(self.table.columnWidth(1), 180))
        self.table.setColumnWidth(2, max(self.table.columnWidth(2), 280))

    def _update(self, columns: list[Column], examples: dict[int, str]) -> None:
        for column in columns:
            box = self.combos[column.header]
            box.blockSignals(True)
            box.setCurrentIndex(max(box.findData(column.target), 0))
            box.blockSignals(False)
            item = self.table.item(self.lines[column.header], 3)
            if item is not None:
                item.setText(examples.get(column.index, ""))

    def _picker(self, column: Column) -> QComboBox:
        box = QComboBox()
        box.addItem(self.tr("— not imported —"), NOT_IMPORTED)
        for label, target in field_choices():
            box.addItem(label, target)
        box.setCurrentIndex(max(box.findData(column.target), 0))
        box.setMaxVisibleItems(20)
        box.currentIndexChanged.connect(
            lambda _index, b=box, header=column.header: self.state.set_target(
                header, b.currentData()))
        self.combos[column.header] = box
        return box


def _examples(preview: Preview) -> dict[int, str]:
    """The first value each column holds, as it will be read (mapped columns) or as
    text (the others, which go to notes)."""
    found: dict[int, str] = {}
    mapping = preview.mapping
    if mapping is None:
        return found
    by_target = mapping.fields
    by_header = {c.header: c.index for c in mapping.columns}
    for row in preview.rows:
        for target, index in by_target.items():
            if index not in found and row.values.get(target) not in (None, "", []):
                found[index] = value_text(row.values[target], row.values.get("currency"),
                                          target)
        for header, text in row.extra:
            index = by_header.get(header, -1)
            if index >= 0 and index not in found and text:
                found[index] = text
        if len(found) == len(mapping.columns):
            break
    return found
