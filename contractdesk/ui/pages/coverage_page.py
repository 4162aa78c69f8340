"""Which devices are covered, which lose cover soon, and which have none.

The rows are :func:`contractdesk.services.coverage.item_covers` as the window's day and
reminder window give it, so the page, the search card and ``coverage`` on the command
line always agree. The filters ask the service again rather than filtering here: the
service decides what "not covered" means. From a selection of rows, a new agreement
starts with those items (as a purchase's "Create agreement for these items" does).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from contractdesk.services import queries
from contractdesk.services.access import DataAccess
from contractdesk.services.coverage import CoverStatus, ItemCover, counted, item_covers
from contractdesk.ui.models import RowsModel
from contractdesk.ui.pages.dated_page import DatedPage
from contractdesk.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QModelIndex,
    QPalette,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from contractdesk.ui.tasks import Task, run_task
from contractdesk.ui.views import read_only_table

COLUMNS = ("status", "serial_number", "asset_tag", "oem", "location", "description",
           "covered_by", "cover_until")
# The agreement status whose swatch each cover status borrows: red, amber, green.
SWATCH = {CoverStatus.UNCOVERED: "overdue", CoverStatus.ENDING: "expiring",
          CoverStatus.COVERED: "active"}

Loaded = tuple[list[ItemCover], list[tuple[int, str, frozenset[str]]]]


class CoveragePage(DatedPage):
    """Every item with its running cover, the uncovered and ending first."""

    open_requested = Signal(str, int)
    new_requested = Signal(str, object)  # a new record of a kind, with these values
    loaded = Signal()

    def __init__(self, data: DataAccess, today: Callable[[], dt.date],
                 window_days: Callable[[], int], parent: QWidget | None = None) -> None:
        super().__init__(data, today, window_days, parent)
        self.covers: list[ItemCover] = []
        self.organization_ids: dict[str, int] = {}
        self.generation = 0
        self.model = RowsModel(COLUMNS, {"status": self.tr("Status"),
                                         "location": self.tr("Site"),
                                         "covered_by": self.tr("Covered by"),
                                         "cover_until": self.tr("Cover until")})

        self.uncovered_box = QCheckBox(self.tr("Only not covered"))
        self.oem_box = QComboBox()
        self.oem_box.addItem(self.tr("Any OEM"), None)
        self.oem_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.oem_box.setMinimumContentsLength(12)
        self.count_label = QLabel()
        self.agreement_button = QPushButton(self.tr("Create agreement for these items…"))
        self.agreement_button.setToolTip(self.tr(
            "Opens a new agreement covering the selected items (with their OEM, if they "
            "share one)"))
        self.agreement_button.setEnabled(False)

        bar = QHBoxLayout()
        bar.addWidget(self.uncovered_box)
        bar.addWidget(self.oem_box)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.agreement_button)

        self.view = read_only_table(self.model, stretch_last=False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setHighlightSections(False)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setContentsMargins(12, 24, 12, 24)
        self.hint.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)

        self.uncovered_box.toggled.connect(self.reload)
        self.oem_box.currentIndexChanged.connect(self.reload)
        self.view.activated.connect(self._open)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.agreement_button.clicked.connect(
            lambda _checked=False: self.create_agreement())
        self.setFocusProxy(self.view)

    def chosen_oem(self) -> str | None:
        """The OEM's name as the service takes it; None for any OEM."""
        return self.oem_box.currentText() if self.oem_box.currentData() is not None else None

    def reload(self) -> Task[Loaded]:
        """Reads the covers (and the OEMs to choose from) again off the GUI thread."""
        today, within = self.today(), self.window_days()
        oem, uncovered_only = self.chosen_oem(), self.uncovered_box.isChecked()
        self.generation += 1
        generation = self.generation
        if not self.covers:
            self.count_label.setText(self.tr("Loading…"))

        def read(_progress: object) -> Loaded:
            return (self.access.read(item_covers, today, within=within, oem=oem,
                                     uncovered_only=uncovered_only),
                    self.access.read(queries.organization_choices))

        return run_task(self, self.tr("Loading"), read,
                        lambda found: self._loaded(found, generation, within),
                        progress_dialog=False)

    def _loaded(self, found: Loaded, generation: int, within: int) -> None:
        if generation != self.generation:
            return
        self.covers, choices = found
        self._set_oems(choices)
        self.model.set_rows([self._row(cover) for cover in self.covers])
        self.view.resizeColumnsToContents()
        self._show_count(within)
        self._selection_changed()
        self.loaded.emit()

    def _set_oems(self, choices: list[tuple[int, str, frozenset[str]]]) -> None:
        """Fills the OEM picker, keeping what was chosen."""
        self.organization_ids = {name: org_id for org_id, name, _roles in choices}
        chosen = self.oem_box.currentData()
        self.oem_box.blockSignals(True)
        self.oem_box.clear()
        self.oem_box.addItem(self.tr("Any OEM"), None)
        for org_id, name, roles in choices:
            if "oem" in roles:
                self.oem_box.addItem(name, org_id)
        self.oem_box.setCurrentIndex(max(self.oem_box.findData(chosen), 0))
        self.oem_box.blockSignals(False)

    def _row(self, cover: ItemCover) -> dict[str, Any]:
        words = {CoverStatus.UNCOVERED: self.tr("Not covered"),
                 CoverStatus.ENDING: self.tr("Ends soon"),
                 CoverStatus.COVERED: self.tr("Covered")}
        until: dt.date | str | None = cover.cover_until
        if until is None and cover.status is not CoverStatus.UNCOVERED:
            until = self.tr("open-ended")
        return {"id": cover.item_id, "status": words[cover.status],
                "colour": SWATCH[cover.status], "serial_number": cover.serial_number,
                "asset_tag": cover.asset_tag, "oem": cover.oem, "location": cover.location,
                "description": cover.description, "covered_by": cover.covered_by,
                "cover_until": until}

    def _show_count(self, within: int) -> None:
        counts = counted(self.covers)
        self.count_label.setText(self.tr(
            "{uncovered} not covered, {ending} ending within {days} days, {covered} "
            "covered").format(uncovered=counts[CoverStatus.UNCOVERED],
                              ending=counts[CoverStatus.ENDING], days=within,
                              covered=counts[CoverStatus.COVERED]))
        filtered = self.uncovered_box.isChecked() or self.chosen_oem() is not None
        self.hint.setVisible(not self.covers)
        if not filtered:
            self.hint.setText(self.tr(
                "No items yet. Import a register (File → Import…, or drop the file on "
                "this window) or add items (Items → New item…); then this page shows "
                "which of them are covered and which are not."))
        elif self.uncovered_box.isChecked():
            self.hint.setText(self.tr("Every item shown here has running cover."))
        else:
            self.hint.setText(self.tr("No item matches this filter."))

    def selected(self) -> list[ItemCover]:
        """The selected rows' covers, in the list's order."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.covers[row] for row in rows if row < len(self.covers)]

    def _selection_changed(self, *_args: object) -> None:
        self.agreement_button.setEnabled(bool(self.selected()))

    def agreement_values(self) -> dict[str, Any]:
        """A new agreement's form values for the selected items, in the shape the
        purchase form's "Create agreement for these items" uses: the items, and their
        OEM if they all share one."""
        chosen = self.selected()
        values: dict[str, Any] = {"item_ids": [cover.item_id for cover in chosen]}
        oems = {cover.oem for cover in chosen}
        if len(oems) == 1:
            (oem,) = oems
            if oem is not None and oem in self.organization_ids:
                values["oem_id"] = self.organization_ids[oem]
        return values

    def create_agreement(self) -> None:
        if self.selected():
            self.new_requested.emit("agreement", self.agreement_values())

    def _open(self, index: QModelIndex) -> None:
        """The covering agreement; the item itself when nothing covers it."""
        if not 0 <= index.row() < len(self.covers):
            return
        cover = self.covers[index.row()]
        if cover.covered_by_id is not None:
            self.open_requested.emit("agreement", cover.covered_by_id)
        else:
            self.open_requested.emit("item", cover.item_id)
