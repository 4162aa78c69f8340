"""The vendor view: one organization, what went through it, and what it cost per year.

"What have we bought through reseller X" is: Organizations → double-click X. Purchases
and agreements list both those bought through it (as reseller) and those of its own
products (as OEM), with the other party named.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from contractdesk.services.access import DataAccess
from contractdesk.services.vendor_view import VendorView, vendor_view
from contractdesk.ui.labels import Formats, word
from contractdesk.ui.models import SortableRowsModel
from contractdesk.ui.pages.dated_page import DatedPage
from contractdesk.ui.qt import (
    QFont,
    QHBoxLayout,
    QLabel,
    QModelIndex,
    QPushButton,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from contractdesk.ui.views import read_only_table


class VendorPage(DatedPage):
    open_requested = Signal(str, int)
    edit_requested = Signal(str, int)
    shown = Signal(int)  # an organization was shown (other tabs follow it)
    back_requested = Signal()  # to the page the vendor was opened from

    def __init__(self, data: DataAccess, today: Callable[[], dt.date],
                 window_days: Callable[[], int], parent: QWidget | None = None) -> None:
        super().__init__(data, today, window_days, parent)
        self.view: VendorView | None = None

        self.name = QLabel()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name.setFont(font)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(self.tr("Edit organization…"))
        self.edit_button.clicked.connect(self._edit)
        self.print_button = QPushButton(self.tr("Print summary…"))
        self.print_button.setEnabled(False)
        self.print_button.setToolTip(self.tr("The vendor summary report is not available "
                                             "in this version yet"))
        self.back_button = QPushButton(self.tr("← Back"))
        self.back_button.setToolTip(self.tr("Back to where you opened this vendor from "
                                            "(Alt+Left)"))
        self.back_button.clicked.connect(lambda _checked=False: self.back_requested.emit())
        back_row = QHBoxLayout()
        back_row.addWidget(self.back_button)
        back_row.addStretch(1)
        self.back_row = back_row
        header = QHBoxLayout()
        header.addWidget(self.name, 1)
        header.addWidget(self.edit_button)
        header.addWidget(self.print_button)
        self.header = header

        tr = self.tr
        self.models = {
            "purchases": SortableRowsModel(
                ("po_number", "order_date", "relation", "other", "total"),
                {"relation": tr("As"), "other": tr("With")}),
            "agreements": SortableRowsModel(
                ("contract_number", "title", "relation", "other", "end_date", "status",
                 "cost"), {"relation": tr("As"), "other": tr("With")}),
            "contacts": SortableRowsModel(("name", "role", "phone", "email",
                                           "support_hours")),
            "spend": SortableRowsModel(("year", "currency", "purchases", "agreements",
                                        "total"),
                                       {"year": tr("Year"), "purchases": tr("Purchases"),
                                        "agreements": tr("Agreements (as billed)"),
                                        "total": tr("Total")}),
        }
        entities = {"purchases": "purchase", "agreements": "agreement",
                    "contacts": "contact"}
        titles = {"purchases": tr("Purchases"), "agreements": tr("Agreements"),
                  "contacts": tr("Contacts"), "spend": tr("Spend per year")}
        self.tabs = QTabWidget()
        self.tables: dict[str, QTableView] = {}
        for key, model in self.models.items():
            table = read_only_table(model, stretch_last=False)
            table.setSortingEnabled(True)
            table.setAlternatingRowColors(True)
            if key in entities:
                table.activated.connect(
                    lambda index, m=model, e=entities[key]: self._open(m, e, index))
            self.tables[key] = table
            self.tabs.addTab(table, titles[key])
        self.titles = titles

        layout = QVBoxLayout(self)
        layout.addLayout(back_row)
        layout.addLayout(header)
        layout.addWidget(self.facts)
        layout.addWidget(self.tabs, 1)

    def set_back(self, text: str | None) -> None:
        """Names the page Back returns to; None hides Back (nowhere to go back to)."""
        self.back_button.setVisible(text is not None)
        if text is not None:
            self.back_button.setText(self.tr("← Back to {page}").format(page=text))

    def show_organization(self, org_id: int) -> None:
        view = self.access.read(vendor_view, org_id, self.today(), self.window_days())
        self.view = view
        self.name.setText(view.name)
        review = Formats.date(view.next_review) if view.next_review else self.tr("not set")
        facts = [
            ", ".join(word(role) for role in view.roles) or self.tr("no role"),
            self.tr("status: {s}").format(s=word(view.status)),
            self.tr("risk: {r}").format(r=word(view.risk_level) or "—"),
            view.country, view.phone, view.email, view.website,
            self.tr("our customer no. {n}").format(n=view.customer_number)
            if view.customer_number else "",
            view.payment_terms, self.tr("next review: {d}").format(d=review)]
        self.facts.setText(" · ".join(part for part in facts if part)
                           + (f"\n{view.notes}" if view.notes else ""))
        relation = {"reseller": self.tr("through it"), "oem": self.tr("its product")}
        self.models["purchases"].set_rows([
            {"id": p.id, "po_number": p.po_number, "order_date": p.order_date,
             "relation": relation[p.relation], "other": p.other, "total": p.total,
             "currency": p.currency} for p in view.purchases])
        self.models["agreements"].set_rows([
            {"id": a.id, "contract_number": a.contract_number, "title": a.title,
             "relation": relation[a.relation], "other": a.other, "end_date": a.end_date,
             "status": word(a.status), "colour": a.status, "cost": a.cost, "currency": a.currency}
            for a in view.agreements])
        self.models["contacts"].set_rows([
            {"id": c.id, "name": c.name, "role": word(c.role), "phone": c.phone,
             "email": c.email, "support_hours": c.support_hours} for c in view.contacts])
        self.models["spend"].set_rows([
            {"year": self.tr("{year} (committed)").format(year=s.year) if s.forward
             else str(s.year), "currency": s.currency, "purchases": s.purchases,
             "agreements": s.agreements, "total": s.total} for s in view.spend])
        for key, table in self.tables.items():
            self.tabs.setTabText(self.tabs.indexOf(table),
                                 f"{self.titles[key]} ({self.models[key].rowCount()})")
            table.resizeColumnsToContents()
        self.shown.emit(org_id)

    def _open(self, model: SortableRowsModel, entity: str, index: QModelIndex) -> None:
        record_id = model.record_id(index.row())
        if record_id is not None:
            self.open_requested.emit(entity, record_id)

    def _edit(self) -> None:
        if self.view is not None:
            self.edit_requested.emit("organization", self.view.id)
