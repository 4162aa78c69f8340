"""One input per kind of value, all with the same small interface.

``value()`` returns the typed value or raises ``ValueError`` with the reason the text
cannot be read (a date nobody can parse, an amount with three decimals); the form shows
that reason next to the field, as it shows the validator's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any

from contractdesk.domain.clauses import Role
from contractdesk.services.typed_values import read_date, read_money, read_period
from contractdesk.ui.dialogs import tr
from contractdesk.ui.labels import Formats, word
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
    the one clause reader (:func:`contractdesk.services.typed_values.read_period`), and
    shown in words ("3 months"), never as the ISO code it is stored as."""

    def __init__(self, role: Role) -> None:
        super().__init__(placeholder=tr("e.g. 3 months, 90 days, 1 year"))
        self.role = role

    def value(self) -> str | None:
        return read_period(self.edit.text(), self.role)

    def set_value(self, value: Any) -> None:
        self.edit.setText(Formats.period(value) if value else "")


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
    """A date as people type it (``28.02.2026``, ``2026-02-28``, ``1 March 2026``); one
    whose day and month can be swapped is refused with both readings. A stored date is
    shown as the lists show it, in the locale's format, and read back as that date while
    its text is left as shown (``01/02/2026`` in an English locale is no question then)."""

    def __init__(self) -> None:
        example = Formats.date(dt.date(2026, 2, 28))
        super().__init__(placeholder=example if example == "2026-02-28" else
                         tr("{example} or 2026-02-28").format(example=example),
                         max_length=30)
        self._shown: tuple[str, dt.date] | None = None

    def value(self) -> dt.date | None:  # type: ignore[override]
        text = self.edit.text()
        if self._shown is not None and text.strip() == self._shown[0]:
            return self._shown[1]
        return read_date(text)

    def set_value(self, value: Any) -> None:
        if isinstance(value, dt.date):
            self._shown = (Formats.date(value), value)
            self.edit.setText(self._shown[0])
        else:
            self._shown = None
            self.edit.setText("")


class MoneyField(TextField):
    """An amount as the importer reads one: ``4250``, ``£4,250.00``, ``12.500,00 €``,
    ``12,500.00 EUR``; the currency it names is the form's to check (:meth:`currency`)."""

    def __init__(self) -> None:
        super().__init__(placeholder="0.00")
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)

    def value(self) -> Decimal | None:  # type: ignore[override]
        amount = read_money(self.edit.text())
        return amount.value if amount is not None else None

    def currency(self) -> str | None:
        """The currency the text names (``£`` or ``GBP``), if it names one and reads."""
        try:
            amount = read_money(self.edit.text())
        except ValueError:
            return None
        return amount.currency if amount is not None else None

    def set_value(self, value: Any) -> None:
        self.edit.setText(Formats.money(value, None) if isinstance(value, Decimal) else "")


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
        ChoiceField.set_value(self, current)  # a subclass's set_value may refill

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.combo.currentIndexChanged.connect(callback)


class OrganizationField(ChoiceField):
    """An organization picker with a "New…" button that creates one and picks it.

    ``choices(keep)`` gives the organizations that fit the field, always including
    ``keep``, so setting a value that does not fit still shows it rather than "—".
    """

    def __init__(self, create: Callable[[], int | None],
                 choices: Callable[[Any], Sequence[tuple[str, Any]]]) -> None:
        super().__init__([])
        self.create = create
        self.choices = choices
        self.refresh()
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

    def refresh(self) -> None:
        """Reloads the choices (an organization was created), keeping the pick."""
        self.set_choices(self.choices(self.value()))

    def set_value(self, value: Any) -> None:
        if value is not None and self.combo.findData(value) < 0:
            self.set_choices(self.choices(value))
        super().set_value(value)

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
