"""What the wizard shows of a parsed file: field names in words, values as text, and a
table model of the rows as they will be read, problem rows marked with their reason and
rows read with a caveat with their warning."""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from decimal import Decimal
from enum import Enum
from typing import Any

from contractdesk.domain.durations import Duration
from contractdesk.importing.fields import BY_TARGET, FIELDS, Parser
from contractdesk.importing.rows import ParsedRow
from contractdesk.importing.service import Preview
from contractdesk.ui.labels import Formats, field_label, word
from contractdesk.ui.qt import (
    QAbstractTableModel,
    QColor,
    QCoreApplication,
    QFont,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex

PREVIEW_ROWS = 200  # the first rows shown; problem rows further down are shown too
PROBLEM_BACKGROUND = QColor(214, 69, 69, 60)  # translucent: readable in both palettes
WARNING_BACKGROUND = QColor(230, 170, 30, 60)

_GROUPS = {"agreement": "Agreement", "purchase": "Purchase", "item": "Item",
           "contact": "Contact"}
_SPECIAL = {"item.serial_numbers": "Serial numbers", "item.description": "Description",
            "agreement.warranty_months": "Warranty months",
            "contact.account_manager": "Account manager",
            "contact.account_manager_email": "Account manager e-mail",
            "contact.account_manager_phone": "Account manager phone",
            "contact.support_phone": "Support phone",
            "contact.support_email": "Support e-mail"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("import", text)


def target_label(target: str) -> str:
    """``agreement.end_date`` → ``Agreement · End``."""
    group, _, name = target.partition(".")
    label = _tr(_SPECIAL[target]) if target in _SPECIAL else field_label(name)
    return f"{_tr(_GROUPS.get(group, group))} · {label}"


def field_choices() -> list[tuple[str, str]]:
    """(label, target) of every field a column can feed, in the design's order."""
    return [(target_label(field.target), field.target) for field in FIELDS]


def value_text(value: Any, currency: str | None = None, target: str | None = None) -> str:
    """A parsed value as the user reads it; periods in words (``P8W`` → ``8 weeks``)."""
    if value is None:
        return ""
    if target in BY_TARGET and BY_TARGET[target].parser in (Parser.DURATION, Parser.CLAUSE) \
            and isinstance(value, str) and value.startswith("P"):
        with suppress(ValueError):
            return Duration.parse(value).describe()
    if isinstance(value, bool):
        return _tr("yes") if value else _tr("no")
    if isinstance(value, dt.date):
        return Formats.date(value)
    if isinstance(value, Decimal):
        return Formats.money(value, currency)
    if isinstance(value, Enum):
        return word(value)
    if isinstance(value, list | tuple):
        return ", ".join(value_text(part) for part in value)
    return str(value)


def shown_rows(preview: Preview) -> list[ParsedRow]:
    """The first rows, then every later row with a problem (ContractDesk's own exports
    have no row-by-row preview: their skipped rows stand in)."""
    if preview.native is not None:
        return [ParsedRow(s.row, problems=[s.reason]) for s in preview.skipped]
    head = preview.rows[:PREVIEW_ROWS]
    return head + [row for row in preview.rows[PREVIEW_ROWS:] if row.problems or row.warnings]


class PreviewModel(QAbstractTableModel):
    """Row number, problem, then one column per mapped field, in the file's order."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ParsedRow] = []
        self.targets: list[str] = []
        self.headers: list[str] = []
        self.problem_font = QFont()  # bold in the palette's colour: readable in both
        self.problem_font.setBold(True)

    def set_preview(self, preview: Preview | None) -> None:
        self.beginResetModel()
        self.rows = shown_rows(preview) if preview is not None else []
        mapped = [c for c in preview.mapping.columns if c.target is not None] \
            if preview is not None and preview.mapping is not None else []
        self.targets = [c.target for c in mapped if c.target is not None]
        self.headers = [c.header for c in mapped]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(self.targets)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section < 2:
                return (_tr("Row"), _tr("Problem"))[section]
            return self.headers[section - 2]
        if role == Qt.ItemDataRole.ToolTipRole and section >= 2:
            return _tr("Read as {field}").format(field=target_label(self.targets[section - 2]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(row.number)
            if column == 1:
                return "; ".join(row.problems) or "; ".join(
                    _tr("Warning: {text}").format(text=text) for text in row.warnings)
            target = self.targets[column - 2]
            return value_text(row.values.get(target), row.values.get("currency"), target)
        if role == Qt.ItemDataRole.BackgroundRole and (row.problems or row.warnings):
            return PROBLEM_BACKGROUND if row.problems else WARNING_BACKGROUND
        if role == Qt.ItemDataRole.FontRole and column == 1 and row.problems:
            return self.problem_font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def problem_rows(self) -> list[int]:
        """The spreadsheet row numbers marked as problems (what a test asserts)."""
        return [row.number for row in self.rows if row.problems]
