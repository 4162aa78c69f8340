"""A line edit inside a form that acts on its own (add a serial, add a line): Enter
does its action and stops there, rather than also pressing the dialog's default button
(which saved and closed the whole record, and the next serial typed landed in the main
window)."""

from __future__ import annotations

from contractdesk.ui.qt import QKeyEvent, QLineEdit, Qt

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SubFieldEdit(QLineEdit):
    """Emits ``returnPressed`` on Enter like any line edit, then keeps the key."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in ENTER_KEYS:
            event.accept()
