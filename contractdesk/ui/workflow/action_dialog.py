"""The frame of the workflow dialogs: a form, a line for what went wrong, OK/Cancel.

OK runs the dialog's one write; a :class:`UserError` (already renewed, notice date in
the future, …) stays in the dialog as one sentence, so the user can correct and retry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from contractdesk.errors import UserError, ValidationError
from contractdesk.ui.labels import field_label
from contractdesk.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

T = TypeVar("T")
ERROR_STYLE = "color: #d64545;"


def sentence(error: UserError) -> str:
    """A validation error's reasons as one line, with readable field names."""
    if isinstance(error, ValidationError):
        return "; ".join(f"{field_label(name)}: {reason}"
                         for name, reason in error.problems.items())
    return str(error)


class ActionDialog(QDialog):
    """Subclasses set the window title and ``ok_button``'s text, and fill ``form``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = QPushButton()
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def submit(self) -> None:
        """Subclasses do their write through :meth:`attempt` and accept on success."""
        raise NotImplementedError

    def attempt(self, write: Callable[[], T]) -> T | None:
        try:
            result = write()
        except UserError as error:
            self.error.setText(sentence(error))
            self.error.show()
            return None
        self.error.hide()
        return result
