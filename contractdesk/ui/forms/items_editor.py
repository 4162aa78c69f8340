"""An agreement's covered items: a list, plus a field to add one by serial or asset tag
(Enter adds it; it never saves the agreement)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from contractdesk.services import editing
from contractdesk.services.access import DataAccess
from contractdesk.ui.dialogs import tr
from contractdesk.ui.forms.fields import Field
from contractdesk.ui.forms.message_line import MessageLine
from contractdesk.ui.forms.sub_field import SubFieldEdit
from contractdesk.ui.qt import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)


class ItemsEditor(Field):
    def __init__(self, data: DataAccess) -> None:
        self.access = data
        self.callbacks: list[Callable[[], None]] = []
        self.list = QListWidget()
        self.list.setFixedHeight(self.list.fontMetrics().height() * 5 + 12)
        self.serial = SubFieldEdit()
        self.serial.setPlaceholderText(tr("Serial number or asset tag to add"))
        self.add_button = QPushButton(tr("Add"))
        self.remove_button = QPushButton(tr("Remove selected"))
        self.message = MessageLine()
        self.add_button.clicked.connect(self.add_serial)
        self.serial.returnPressed.connect(self.add_serial)
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.serial, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        self.widget = QWidget()
        column = QVBoxLayout(self.widget)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list)
        column.addLayout(row)
        column.addWidget(self.message)

    def value(self) -> list[int]:
        return [int(self.list.item(row).data(Qt.ItemDataRole.UserRole))
                for row in range(self.list.count())]

    def set_value(self, value: Any) -> None:
        self.list.clear()
        for choice in self.access.read(editing.item_labels, list(value or [])):
            self._append(choice)

    def _append(self, choice: editing.ItemChoice) -> None:
        item = QListWidgetItem(choice.label)
        item.setData(Qt.ItemDataRole.UserRole, choice.id)
        self.list.addItem(item)

    def add_serial(self) -> None:
        text = self.serial.text().strip()
        if not text:
            return
        found = self.access.read(editing.item_by_serial, text)
        present = set(self.value())
        added = [choice for choice in found if choice.id not in present]
        for choice in added:
            self._append(choice)
        self.message.setText("" if found else tr("No item has serial number or asset tag "
                                                 "“{text}”.").format(text=text))
        if added:
            self.serial.clear()
            self._changed()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self._changed()

    def _changed(self) -> None:
        for callback in self.callbacks:
            callback()

    def on_change(self, callback: Callable[[], None]) -> None:
        self.callbacks.append(callback)
