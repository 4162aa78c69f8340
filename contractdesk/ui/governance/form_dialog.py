"""A small form dialog over :mod:`contractdesk.ui.forms.fields` inputs: Save calls a
service through the data-access wrapper and shows its problems instead of closing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from contractdesk.errors import UserError, ValidationError
from contractdesk.ui.forms.fields import Field
from contractdesk.ui.forms.record_form import ERROR_STYLE
from contractdesk.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    Signal,
)


class FormDialog(QDialog):
    """Rows of labelled fields; ``save(values)`` returns the saved record's id."""

    saved = Signal(int)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields: dict[str, Field] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)  # spare height below the fields, not between them
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.saver: Callable[[dict[str, Any]], int] = lambda _values: 0

    def add(self, name: str, label: str, field: Field) -> Field:
        self.fields[name] = field
        self.form.addRow(label, field.widget)
        return field

    def set_values(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            if name in self.fields:
                self.fields[name].set_value(value)

    def values(self) -> dict[str, Any]:
        """The typed values; raises ``ValueError`` naming a field that cannot be read."""
        values: dict[str, Any] = {}
        for name, field in self.fields.items():
            try:
                values[name] = field.value()
            except ValueError as error:
                label = self.form.labelForField(field.widget)
                prefix = f"{label.text()}: " if isinstance(label, QLabel) else ""
                raise ValueError(prefix + str(error)) from None
        return values

    def save(self) -> None:
        try:
            record_id = self.saver(self.values())
        except ValueError as error:
            self.show_problem(str(error))
            return
        except UserError as error:
            self.show_problem(self.describe(error))
            return
        self.saved.emit(record_id)
        self.accept()

    def describe(self, error: UserError) -> str:
        if not isinstance(error, ValidationError):
            return str(error)
        parts = []
        for name, reason in error.problems.items():
            field = self.fields.get(name)
            label = self.form.labelForField(field.widget) if field is not None else None
            parts.append(f"{label.text()}: {reason}" if isinstance(label, QLabel) else reason)
        return "; ".join(parts)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
