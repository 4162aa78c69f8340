"""The form of any record kind, built from ``editing.FIELDS`` and checked as you type.

Every change re-reads all fields and asks ``editing.problems`` (the same validation the
services enforce on save); each reason appears next to its field, and Save stays
disabled while there is one. An agreement's form also shows the notice deadline with how
it was computed, and edits the list of covered items.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from contractdesk.domain.enums import (
    AgreementKind,
    BillingPeriod,
    ContactRole,
    FirstLine,
    NoticeAnchor,
    NoticeForm,
    OrgRole,
    OrgStatus,
    RiskLevel,
)
from contractdesk.services import editing, org_choices, purchase_lines, queries
from contractdesk.services.access import DataAccess
from contractdesk.services.notice_dates import NoticeContext
from contractdesk.services.typed_values import PERIOD_FIELDS, currency_mismatch
from contractdesk.ui.forms.fields import (
    BoolField,
    ChoiceField,
    DateField,
    Field,
    IntField,
    MoneyField,
    NotesField,
    OptionalIntField,
    OrganizationField,
    PeriodField,
    RolesField,
    TextField,
    TitleField,
)
from contractdesk.ui.forms.items_editor import ItemsEditor
from contractdesk.ui.forms.message_line import ERROR_COLOUR, MessageLine
from contractdesk.ui.forms.purchase_lines import PurchaseLinesEditor
from contractdesk.ui.labels import field_label
from contractdesk.ui.qt import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

ERROR_STYLE = f"color: {ERROR_COLOUR};"
DEADLINE_LINES = 4  # the longest explanation in a column: reserved, so typing a date
# that changes it does not move the fields below
ENUMS: dict[str, type[Any]] = {"kind": AgreementKind, "billing_period": BillingPeriod,
                               "first_line_support": FirstLine, "risk_level": RiskLevel,
                               "notice_form": NoticeForm}
LONG_FIELDS = frozenset({"notes", "address", "item_ids", "notice_clause",
                         purchase_lines.LINES})
NewOrganization = Callable[[OrgRole | None], int | None]
"""Opens the organization form for a new one with the role; its id, or None."""


class RecordForm(QWidget):
    """Inputs for every field of one record kind."""

    changed = Signal()

    def __init__(self, data: DataAccess, kind: str, default_currency: str,
                 new_organization: NewOrganization, parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.access = data
        self.kind = kind
        self.new_organization = new_organization
        self.default_currency = default_currency
        self.today = today
        self.fields: dict[str, Field] = {}
        self.errors: dict[str, MessageLine] = {}
        self.suggested_currency: str | None = None  # not chosen by the user: an amount
        # typed with another currency replaces it, where a chosen one is a mismatch
        self.problems: dict[str, str] = {}
        self.deadline = QLabel()
        self.deadline.setWordWrap(True)
        self.deadline.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.deadline.setMinimumHeight(self.deadline.fontMetrics().lineSpacing()
                                       * DEADLINE_LINES)
        self.deadline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the clause as worded: what it reads as, and a button that fills the fields
        self.clause_reading = QLabel()
        self.clause_reading.setWordWrap(True)
        self.clause_reading.setMinimumHeight(self.clause_reading.fontMetrics().lineSpacing()
                                             * 2)
        self.apply_clause = QPushButton(self.tr("Apply to the fields"))
        self.apply_clause.setEnabled(False)
        self.apply_clause.clicked.connect(self._apply_clause)
        self.clause_found: dict[str, Any] = {}
        self.clause_loaded = ""  # read only once edited: an imported clause joins the
        # wording of several columns, each meant for its own field
        self.context = (self.access.read(NoticeContext.of) if kind == "agreement"
                        else NoticeContext())
        for name in editing.FIELDS[kind]:
            self.fields[name] = self._make(name)
        self._lay_out()
        currency = self.fields.get("currency")
        if isinstance(currency, TextField):
            currency.edit.textEdited.connect(self._currency_chosen)
            for field in self.fields.values():
                if isinstance(field, MoneyField):  # before revalidating: it reads both
                    field.on_change(self._adopt_currency)
        for field in self.fields.values():
            field.on_change(self.revalidate)

    def _make(self, name: str) -> Field:
        if name in ("oem_id", "reseller_id", "organization_id"):
            return OrganizationField(partial(self.create_organization, name),
                                     partial(self._organization_choices, name))
        if name == "support_contact_id":
            return ChoiceField([(label, contact_id) for contact_id, label, _org
                                in self.access.read(queries.contact_choices)])
        if name == "roles":
            return RolesField(OrgRole)
        if name == "status":
            return ChoiceField.of_enum(OrgStatus, allow_none=False)
        if name == "role":
            return ChoiceField.of_enum(ContactRole, allow_none=False)
        if name == "kind":
            return ChoiceField.of_enum(AgreementKind, allow_none=False)
        if name in ENUMS:
            return ChoiceField.of_enum(ENUMS[name])
        if name in ("start_date", "end_date", "order_date", "next_review"):
            return DateField()
        if name in ("cost", "total", "unit_price"):
            return MoneyField()
        if name in ("auto_renew", "cancelled"):
            return BoolField()
        if name == "quantity":
            return IntField(minimum=1)
        if name in ("notes", "address", "notice_clause"):
            return NotesField()
        if name == "item_ids":
            return ItemsEditor(self.access)
        if name == purchase_lines.LINES:
            return PurchaseLinesEditor(partial(self.value_of, "currency"))
        if name in PERIOD_FIELDS:
            return PeriodField(PERIOD_FIELDS[name])
        if name == "notice_anchor":
            return ChoiceField.of_enum(NoticeAnchor, allow_none=False)
        if name == "open_ended":
            return BoolField()
        if name == "lead_time_days":
            return OptionalIntField(self.tr("as in the preferences"), 365)
        if name == "currency":
            return TextField(placeholder="EUR", upper=True, max_length=3)
        if name in ("title", "description"):
            return TitleField()
        return TextField()

    def _lay_out(self) -> None:
        short = [name for name in self.fields if name not in LONG_FIELDS]
        half = (len(short) + 1) // 2
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        for column, names in enumerate((short[:half], short[half:])):
            form = _form()
            for name in names:
                form.addRow(field_label(name), self._with_error(name))
                if name == "notice_period" and self.kind == "agreement":
                    form.addRow(self.tr("Notice deadline"), self.deadline)
            grid.addLayout(form, 0, column)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        long_form = _form()
        for name in self.fields:
            if name in LONG_FIELDS:
                long_form.addRow(field_label(name), self._with_error(name))
                if name == "notice_clause":
                    row = QHBoxLayout()
                    row.addWidget(self.clause_reading, 1)
                    row.addWidget(self.apply_clause)
                    long_form.addRow("", row)
        layout.addLayout(long_form)
        layout.addStretch(1)

    def _with_error(self, name: str) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(self.fields[name].widget)
        error = MessageLine()
        column.addWidget(error)
        self.errors[name] = error
        return box

    def value_of(self, name: str) -> Any:
        """The value of field ``name`` as typed now (None while it cannot be read)."""
        try:
            return self.fields[name].value()
        except ValueError:
            return None

    def _organization_choices(self, name: str, keep: int | None) -> list[tuple[str, int]]:
        return [(choice.name, choice.id) for choice
                in self.access.read(org_choices.choices_for, name, keep)]

    def create_organization(self, name: str) -> int | None:
        """A new organization for picker ``name``, starting with the role it asks for;
        every picker then offers it where it fits."""
        created = self.new_organization(org_choices.role_for(name))
        if created is not None:
            for field in self.fields.values():
                if isinstance(field, OrganizationField):
                    field.refresh()
        return created

    def set_values(self, values: dict[str, Any]) -> None:
        self.clause_loaded = str(values.get("notice_clause") or "")
        for name, field in self.fields.items():
            if name in values:
                field.set_value(values[name])
        self.revalidate()

    def new_values(self) -> dict[str, Any]:
        """Sensible defaults for a new record."""
        values: dict[str, Any] = {}
        if "currency" in self.fields and self.kind in ("agreement", "purchase"):
            values["currency"] = self.suggested_currency = self.default_currency
        if self.kind == "item":
            values["quantity"] = 1
        if self.kind == "organization":
            values["status"] = OrgStatus.NOT_REVIEWED
        return values

    def read(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The values as typed, and the fields whose text cannot be read."""
        values: dict[str, Any] = {}
        unreadable: dict[str, str] = {}
        for name, field in self.fields.items():
            try:
                values[name] = field.value()
            except ValueError as error:
                unreadable[name] = str(error)
        for name, field in self.fields.items():
            mismatch = (currency_mismatch(field.currency(), values.get("currency"))
                        if isinstance(field, MoneyField) and "currency" in values else None)
            if mismatch and name not in unreadable:
                unreadable[name] = mismatch
        return values, unreadable

    def _adopt_currency(self) -> None:
        """An amount typed as "£4,250.00" sets the currency the user has not chosen."""
        currency = self.fields["currency"]
        for field in self.fields.values():
            named = field.currency() if isinstance(field, MoneyField) else None
            current = currency.value()
            if named and named != current and current in (None, self.suggested_currency):
                self.suggested_currency = named
                currency.set_value(named)

    def _currency_chosen(self) -> None:
        self.suggested_currency = None

    def revalidate(self) -> None:
        values, unreadable = self.read()
        checked = {key: value for key, value in values.items() if key not in unreadable}
        problems = {**editing.problems(self.kind, checked), **unreadable}
        self.show_problems(problems)
        if self.kind == "agreement":
            self.deadline.setText(editing.explain(checked, self.today(), self.context)
                                  if not unreadable.keys() & {"end_date", "start_date"}
                                  else "")
            self._read_clause(values.get("notice_clause") or "")
        self.changed.emit()

    def _read_clause(self, text: str) -> None:
        """What the clause as typed reads as, and whether Apply would change a field."""
        self.clause_found = {}
        if text.strip() and text.strip() != self.clause_loaded.strip():
            try:
                self.clause_found, words = editing.clause_values(text)
                self.clause_reading.setText(self.tr("Reads as: %s") % words)
            except ValueError as error:
                self.clause_reading.setText(str(error))
        else:
            self.clause_reading.setText("")
        current, _unreadable = self.read()
        self.apply_clause.setEnabled(any(current.get(name) != value
                                         for name, value in self.clause_found.items()))

    def _apply_clause(self) -> None:
        for name, value in self.clause_found.items():
            if name in self.fields:
                self.fields[name].set_value(value)
        self.revalidate()

    def show_problems(self, problems: dict[str, str]) -> None:
        self.problems = problems
        for name, label in self.errors.items():
            reason = problems.get(name, "")
            label.setText(reason)
        unplaced = {name: reason for name, reason in problems.items()
                    if name not in self.errors}
        if unplaced:
            first = next(iter(self.errors.values()))
            first.setText("; ".join(unplaced.values()))


def _form() -> QFormLayout:
    """A column of labelled fields with room between label and field and between rows
    (some styles' defaults put "Renews automatically" against its check box)."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setHorizontalSpacing(12)
    form.setVerticalSpacing(6)
    return form
