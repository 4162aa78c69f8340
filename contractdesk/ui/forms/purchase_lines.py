"""A purchase's lines: the table of lines, and a row below it to type the next one.

Serial numbers are pasted as a list (a column copied from the delivery note); the
quantity follows their count, since each serial becomes an item. Saved lines are shown
but not edited here (their items have forms of their own); new lines can be removed
until the purchase is saved. A line typed but not added keeps the form from saving, so
nothing typed is dropped without a word.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from contractdesk.services.purchase_lines import (
    PurchaseLine,
    line_problem,
    read_quantity,
    read_serials,
    read_unit_price,
)
from contractdesk.ui.dialogs import tr
from contractdesk.ui.forms.fields import Field
from contractdesk.ui.forms.sub_field import SubFieldEdit
from contractdesk.ui.qt import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

COLUMNS = ("Part number", "Description", "Quantity", "Unit price", "Serial numbers")


def _edit(placeholder: str) -> SubFieldEdit:
    edit = SubFieldEdit()
    edit.setPlaceholderText(placeholder)
    return edit


class PurchaseLinesEditor(Field):
    def __init__(self, currency: Callable[[], str | None]) -> None:
        self.currency = currency
        self.callbacks: list[Callable[[], None]] = []
        self.lines: list[PurchaseLine] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(name) for name in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setFixedHeight(self.table.fontMetrics().height() * 7 + 12)
        self.part = _edit(tr("Part number"))
        self.description = _edit(tr("Description"))
        self.quantity = _edit(tr("Quantity (1)"))
        self.unit_price = _edit(tr("Unit price"))
        for edit in (self.quantity, self.unit_price):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.serials = QPlainTextEdit()
        self.serials.setPlaceholderText(tr("Serial numbers, one a line (paste them here): "
                                           "one item each"))
        self.serials.setTabChangesFocus(True)
        self.serials.setFixedHeight(self.serials.fontMetrics().lineSpacing() * 3 + 12)
        self.add_button = QPushButton(tr("Add line"))
        self.remove_button = QPushButton(tr("Remove new line"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._connect()
        self.widget = self._lay_out()

    def _connect(self) -> None:
        for edit in (self.part, self.description, self.quantity, self.unit_price):
            edit.returnPressed.connect(self.add_line)  # Enter adds the line, not saves
            edit.textChanged.connect(self._changed)
        self.add_button.clicked.connect(self.add_line)
        self.remove_button.clicked.connect(self.remove_selected)
        self.serials.textChanged.connect(self._serials_changed)

    def _lay_out(self) -> QWidget:
        entry = QGridLayout()
        for column, edit in enumerate((self.part, self.description, self.quantity,
                                       self.unit_price)):
            entry.addWidget(edit, 0, column)
        entry.addWidget(self.serials, 1, 0, 1, 4)
        entry.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        widget = QWidget()
        rows = QVBoxLayout(widget)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addWidget(self.table)
        rows.addLayout(entry)
        rows.addLayout(buttons)
        return widget

    # Field -------------------------------------------------------------------------

    def value(self) -> list[PurchaseLine]:
        if self._drafted():
            raise ValueError(tr("a line is typed below but not added: press Add line"))
        return list(self.lines)

    def set_value(self, value: Any) -> None:
        self.lines = list(value or [])
        self._show()

    def on_change(self, callback: Callable[[], None]) -> None:
        self.callbacks.append(callback)

    # the new line ------------------------------------------------------------------

    def add_line(self) -> None:
        """Adds the line typed below the table, or says why it cannot be added."""
        try:
            line = PurchaseLine(
                self.part.text().strip() or None, self.description.text().strip(),
                read_quantity(self.quantity.text()),
                read_unit_price(self.unit_price.text(), self.currency()),
                read_serials(self.serials.toPlainText()))
        except ValueError as error:
            self.message.setText(str(error))
            return
        reason = line_problem(line)
        if reason is not None:
            self.message.setText(reason)
            return
        self.lines.append(line)
        self.message.setText("")
        for edit in (self.part, self.description, self.quantity, self.unit_price):
            edit.clear()
        self.serials.clear()
        self._show()
        self.part.setFocus()
        self._changed()

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if any(self.lines[row].item_ids for row in rows):
            self.message.setText(tr("A saved line's items are deleted from their own "
                                    "forms."))
        self.lines = [line for row, line in enumerate(self.lines)
                      if row not in rows or line.item_ids]
        self._show()
        self._changed()

    def _drafted(self) -> bool:
        return any(edit.text().strip() for edit in (self.part, self.description,
                                                    self.quantity, self.unit_price)) \
            or bool(self.serials.toPlainText().strip())

    def _serials_changed(self) -> None:
        """The quantity is the number of serials while there are any."""
        try:
            count = len(read_serials(self.serials.toPlainText()))
        except ValueError:
            count = 0
        if count:
            self.quantity.setText(str(count))
        self.quantity.setReadOnly(bool(count))
        self._changed()

    def _show(self) -> None:
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            price = "" if line.unit_price is None else f"{line.unit_price:,.2f}"
            cells = (line.part_number or "", line.description, str(line.quantity), price,
                     ", ".join(line.serials))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column in (2, 3):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if not line.item_ids:
                    cell.setToolTip(tr("New: its items are created when you save"))
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()

    def _changed(self) -> None:
        for callback in self.callbacks:
            callback()
