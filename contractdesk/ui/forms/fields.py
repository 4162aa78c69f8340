"""One input per kind of value, all with the same small interface.

``value()`` returns the typed value or raises ``ValueError`` with the reason the text
cannot be read (a date nobody can parse, an amount with three decimals); the form shows
that reason next to the field, as it shows the validator's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from contractdesk.domain.clauses import Role
from contractdesk.services.editing import read_period
from contractdesk.ui.dialogs import tr
from contractdesk.ui.labels import word
from contractdesk.ui.qt import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    Qt,
    QToolButton,
    QWidget,
)

_DOTTED = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


def parse_date(text: str) -> dt.date | None:
    """ISO ``2026-02-28`` or day-first ``28.02.2026`` / ``28/02/2026``; empty is None."""
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    match = _DOTTED.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError as error:
            raise ValueError(f"{text!r} is not a date: {error}") from None
    raise ValueError(f"{text!r} is not a date (write 2026-02-28 or 28.02.2026)")


def parse_amount(text: str) -> Decimal | None:
    """``1234.56``, ``1,234.56`` or ``1.234,56``; empty is None."""
    text = text.strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if "," in text and "." in text:
        thousands = "." if text.rfind(",") > text.rfind(".") else ","
        text = text.replace(thousands, "").replace(",", ".")
    elif "," in text:
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not an amount") from None
    if not value.is_finite():
        raise ValueError(f"{text!r} is not an amount")
    return value


class Field:
    """An input for one form field."""

    widget: QWidget

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def on_change(self, callback: Callable[[], None]) -> None:
        raise NotImplementedError


class TextField(Field):
    def __init__(self, placeholder: str = "", upper: bool = False, max_length: int = 0
                 ) -> None:
        self.edit = QLineEdit()
        self.widget = self.edit
        self.upper = upper
        if placeholder:
            self.edit.setPlaceholderText(placeholder)
        if max_length:
            self.edit.setMaxLength(max_length)

    def value(self) -> str | None:
        text = self.edit.text().strip()
        return (text.upper() if self.upper else text) or None

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.edit.textChanged.connect(callback)


class PeriodField(TextField):
    """A period typed as ``P3M`` or in words (``3 Monate``, ``ninety days``), read by
    the one clause reader (:func:`contractdesk.services.editing.read_period`)."""

    def __init__(self, role: Role) -> None:
        super().__init__(placeholder=tr("e.g. 3 months, 90 Tage, P1Y"))
        self.role = role

    def value(self) -> str | None:
        return read_period(self.edit.text(), self.role)


class OptionalIntField(Field):
    """A whole number or nothing ("default": the preference decides)."""

    def __init__(self, none_text: str, maximum: int) -> None:
        self.spin = QSpinBox()
        self.spin.setRange(-1, maximum)
        self.spin.setSpecialValueText(none_text)  # shown at -1, the minimum
        self.spin.setValue(-1)
        self.widget = self.spin

    def value(self) -> int | None:
        value = int(self.spin.value())
        return None if value < 0 else value

    def set_value(self, value: Any) -> None:
        self.spin.setValue(-1 if value is None else int(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.spin.valueChanged.connect(callback)


class TitleField(TextField):
    """Text that is stored as "" rather than NULL when empty (title, description)."""

    def value(self) -> str:
        return self.edit.text().strip()


class NotesField(Field):
    def __init__(self) -> None:
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 12)
        self.widget = self.edit

    def value(self) -> str:
        return self.edit.toPlainText().strip()

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText(value or "")

    def on_change(self, callback: Callable[[], None]) -> None:
        self.edit.textChanged.connect(callback)


class DateField(TextField):
    def __init__(self) -> None:
        super().__init__(placeholder="YYYY-MM-DD", max_length=10)

    def value(self) -> dt.date | None:  # type: ignore[override]
        return parse_date(self.edit.text())

    def set_value(self, value: Any) -> None:
        self.edit.setText(value.isoformat() if isinstance(value, dt.date) else "")


class MoneyField(TextField):
    def __init__(self) -> None:
        super().__init__(placeholder="0.00")
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)

    def value(self) -> Decimal | None:  # type: ignore[override]
        return parse_amount(self.edit.text())

    def set_value(self, value: Any) -> None:
        self.edit.setText(f"{value:.2f}" if isinstance(value, Decimal) else "")


class BoolField(Field):
    def __init__(self, text: str = "") -> None:
        self.box = QCheckBox(text)
        self.widget = self.box

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.box.toggled.connect(callback)


class IntField(Field):
    def __init__(self, minimum: int = 0, maximum: int = 1_000_000) -> None:
        self.spin = QSpinBox()
        self.spin.setRange(minimum, maximum)
        self.widget = self.spin

    def value(self) -> int:
        return int(self.spin.value())

    def set_value(self, value: Any) -> None:
        self.spin.setValue(int(value or 0))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.spin.valueChanged.connect(callback)


class ChoiceField(Field):
    """A pick from fixed values (an enum) or from records (ids); ``None`` allowed."""

    def __init__(self, choices: Sequence[tuple[str, Any]], allow_none: bool = True,
                 none_text: str = "—") -> None:
        self.combo = QComboBox()
        # long names ("… Support (Hewlett Packard Enterprise)") must not widen the form
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(14)
        self.allow_none = allow_none
        self.none_text = none_text
        self.widget = self.combo
        self.set_choices(choices)

    @classmethod
    def of_enum(cls, enum: type[Enum], allow_none: bool = True) -> ChoiceField:
        return cls([(word(member), member) for member in enum], allow_none)

    def set_choices(self, choices: Sequence[tuple[str, Any]]) -> None:
        current = self.combo.currentData() if self.combo.count() else None
        self.combo.blockSignals(True)
        self.combo.clear()
        if self.allow_none:
            self.combo.addItem(self.none_text, None)
        for text, data in choices:
            self.combo.addItem(text, data)
        self.combo.blockSignals(False)
        self.set_value(current)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.combo.currentIndexChanged.connect(callback)


class OrganizationField(ChoiceField):
    """An organization picker with a "New…" button that creates one inline."""

    def __init__(self, create: Callable[[], int | None]) -> None:
        super().__init__([])
        self.create = create
        self.new_button = QToolButton()
        self.new_button.setText(tr("New…"))
        self.new_button.setToolTip(tr("Create a new organization and pick it"))
        self.new_button.clicked.connect(self._create)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.new_button)
        self.widget = box

    def _create(self) -> None:
        created = self.create()
        if created is not None:
            self.set_value(created)


class RolesField(Field):
    """A set of enum values as check boxes."""

    def __init__(self, enum: type[Enum]) -> None:
        self.enum = enum
        self.widget = QWidget()
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes = {member: QCheckBox(word(member)) for member in enum}
        for box in self.boxes.values():
            row.addWidget(box)
        row.addStretch(1)

    def value(self) -> frozenset[Any]:
        return frozenset(member for member, box in self.boxes.items() if box.isChecked())

    def set_value(self, value: Any) -> None:
        for member, box in self.boxes.items():
            box.setChecked(member in (value or ()))

    def on_change(self, callback: Callable[[], None]) -> None:
        for box in self.boxes.values():
            box.toggled.connect(callback)
