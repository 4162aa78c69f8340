"""Search results, grouped by kind, with the "who do I call" answer on top.

For a serial number (or an agreement) the card at the top says what covers it, until
when, who to call first with the phone number, and the ID to quote: the answer is on
screen as soon as the serial is typed. Each result opens with one click.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from contractdesk.services.access import DataAccess
from contractdesk.services.search import Coverage, Hit, SearchResult, search
from contractdesk.ui.labels import Formats, status_colour, word
from contractdesk.ui.pages.dated_page import DatedPage
from contractdesk.ui.qt import (
    QFont,
    QFrame,
    QLabel,
    QPalette,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

ENTITY_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchPage(DatedPage):
    open_requested = Signal(str, int)
    shown = Signal()  # results (and the card) are on screen

    def __init__(self, data: DataAccess, today: Callable[[], dt.date],
                 window_days: Callable[[], int], parent: QWidget | None = None) -> None:
        super().__init__(data, today, window_days, parent)
        self.result = SearchResult("")
        self.group_titles = {"items": self.tr("Items (serial numbers, asset tags)"),
                             "agreements": self.tr("Agreements"),
                             "purchases": self.tr("Purchases"),
                             "organizations": self.tr("Organizations"),
                             "contacts": self.tr("Contacts")}
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.answer.setTextFormat(Qt.TextFormat.RichText)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.answer.setFrameShape(QFrame.Shape.StyledPanel)
        self.answer.setAutoFillBackground(True)
        self.answer.setBackgroundRole(QPalette.ColorRole.Base)
        self.answer.setMargin(12)
        self.summary = QLabel()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Result"), self.tr("Details")])
        self.tree.setUniformRowHeights(True)
        self.tree.setToolTip(self.tr("Click a result to open it"))
        self.tree.itemClicked.connect(self._open)
        self.tree.itemActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.answer)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def run(self, text: str) -> None:
        self.result = self.access.read(search, text, self.today(), self.window_days())
        self._show()

    def _show(self) -> None:
        result = self.result
        self.tree.clear()
        if len(result.text) < 2:
            self.summary.setText(self.tr("Type at least two characters: a serial number, "
                                         "asset tag, contract number, PO, vendor or person."))
        else:
            count = result.count()
            self.summary.setText((self.tr("1 result for “{text}”") if count == 1 else
                                  self.tr("{n} results for “{text}”")).format(
                                      n=count, text=result.text))
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for group, hits in result.groups.items():
            top = QTreeWidgetItem([f"{self.group_titles[group]} ({len(hits)})", ""])
            top.setFont(0, bold)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(top)
            for hit in hits:
                self._add_hit(top, hit)
            top.setExpanded(True)
        self.tree.resizeColumnToContents(0)
        self._show_answer()
        self.shown.emit()

    def _add_hit(self, parent: QTreeWidgetItem, hit: Hit) -> None:
        item = QTreeWidgetItem([hit.label, hit.detail])
        item.setData(0, ENTITY_ROLE, hit.entity)
        item.setData(0, ID_ROLE, hit.record_id)
        parent.addChild(item)
        if hit.entity != "item":
            return
        if not hit.coverage:
            item.addChild(QTreeWidgetItem([self.tr("not covered by any agreement"), ""]))
        for cover in hit.coverage:
            child = QTreeWidgetItem([self._covered_line(cover), self._call_line(cover)])
            child.setData(0, ENTITY_ROLE, "agreement")
            child.setData(0, ID_ROLE, cover.agreement_id)
            colour = status_colour(cover.status)
            if colour is not None:
                child.setData(0, Qt.ItemDataRole.DecorationRole, colour)
            item.addChild(child)
        item.setExpanded(True)

    def _covered_line(self, cover: Coverage) -> str:
        until = Formats.date(cover.end_date) if cover.end_date else self.tr("open end")
        return self.tr("{contract} until {until} ({status})").format(
            contract=cover.contract_number or cover.title, until=until,
            status=word(cover.status))

    def _call_line(self, cover: Coverage) -> str:
        who = " · ".join(part for part in (cover.call_name, cover.call_organization) if part)
        return self.tr("call {who} {phone} — quote {quote}").format(
            who=who or self.tr("(no contact recorded)"), phone=cover.call_phone,
            quote=cover.quote or "—")

    def _show_answer(self) -> None:
        """The card: the first serial's (or agreement's) running cover and who to call."""
        for group in ("items", "agreements"):
            for hit in self.result.groups.get(group, []):
                if hit.coverage:
                    self.answer.setText(self._card(hit, hit.coverage[0]))
                    self.answer.show()
                    return
        self.answer.hide()

    def _card(self, hit: Hit, cover: Coverage) -> str:
        e = html.escape
        until = Formats.date(cover.end_date) if cover.end_date else self.tr("open end")
        lines = [
            f"<span style='font-size:large'><b>{e(hit.label)}</b></span> &nbsp; {e(hit.detail)}",
            self.tr("Covered by <b>{contract}</b> ({kind}{sla}) until <b>{until}</b> — {status}")
            .format(contract=e(cover.contract_number or cover.title), kind=e(word(cover.kind)),
                    sla=e(f", SLA {cover.sla}") if cover.sla else "", until=e(until),
                    status=e(word(cover.status))),
            self.tr("Call first: <b>{who}</b> <span style='font-size:large'><b>{phone}</b>"
                    "</span>").format(who=e(" · ".join(p for p in (cover.call_name,
                                                                   cover.call_organization)
                                                        if p) or "—"),
                                      phone=e(cover.call_phone or "")),
            self.tr("Quote this ID: <b>{quote}</b>").format(quote=e(cover.quote or "—")),
        ]
        return "<br>".join(lines)

    def answer_text(self) -> str:
        """The card's text (empty when there is no card)."""
        return self.answer.text() if not self.answer.isHidden() else ""

    def _open(self, item: QTreeWidgetItem, _column: int) -> None:
        entity = item.data(0, ENTITY_ROLE)
        record_id = item.data(0, ID_ROLE)
        if entity and record_id is not None:
            self.open_requested.emit(str(entity), int(record_id))
