"""Attaches the governance parts to the main window without the window knowing them:
the risk register page and its menu entry, the vendor view's Scorecard tab and "Start
review…", the start page's supplier flags, "Log a call…" on the search card, and the
Cases / Reviews / Due diligence tabs of record forms. The risk register, and the parts
on the vendor view and the search page, are built when those are first used."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeVar

from contractdesk.services import editing
from contractdesk.services.search import Coverage, Hit
from contractdesk.ui.forms.record_dialog import RecordDialog
from contractdesk.ui.governance.case_dialog import CaseDialog
from contractdesk.ui.governance.flags import FlagsSection
from contractdesk.ui.governance.record_tabs import CasesTab, DiligenceTab, ReviewsTab
from contractdesk.ui.governance.review_dialog import ReviewDialog
from contractdesk.ui.governance.risk_page import RiskRegisterPage
from contractdesk.ui.governance.scorecard import ScorecardPanel
from contractdesk.ui.lazy import Lazy
from contractdesk.ui.pages.search_page import SearchPage
from contractdesk.ui.pages.vendor_page import VendorPage
from contractdesk.ui.qt import QAction, QHBoxLayout, QKeySequence, QMenu, QPushButton, QVBoxLayout

if TYPE_CHECKING:
    from contractdesk.ui.main_window import MainWindow

W = TypeVar("W")


def card_cover(groups: dict[str, list[Hit]]) -> tuple[Hit, Coverage] | None:
    """The hit and cover the search card shows (the first with running cover)."""
    for group in ("items", "agreements"):
        for hit in groups.get(group, []):
            if hit.coverage:
                return hit, hit.coverage[0]
    return None


class GovernanceUi:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: CaseDialog | ReviewDialog | None = None
        self.risk_part = Lazy(self._make_risk_page)
        self._scorecard: ScorecardPanel | None = None
        self._review_button: QPushButton | None = None
        self._log_button: QPushButton | None = None
        self._menu_entry()
        window.vendor_part.when_built(self._vendor_view)
        self._start_page()
        window.search_part.when_built(self._search_page)

    def now(self) -> dt.datetime:
        """Now on the window's day (tests fix the day; the clock gives the time)."""
        return dt.datetime.combine(self.window.today(),
                                   dt.datetime.now().time().replace(second=0, microsecond=0))

    def _menu_entry(self) -> None:
        refresh = self.window.menu_actions["refresh"]
        view_menu = refresh.parent()
        assert isinstance(view_menu, QMenu)
        action = QAction(view_menu.tr("Risk &register"), view_menu)
        action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        action.setStatusTip(view_menu.tr("All risks across vendors, with filters"))
        action.triggered.connect(lambda _checked=False: self.show_risks())
        view_menu.insertAction(refresh, action)
        view_menu.insertSeparator(refresh)
        self.window.menu_actions["view_risks"] = action

    @property
    def risk_page(self) -> RiskRegisterPage:
        """The risk register, built when first shown."""
        return self.risk_part.get()

    def _make_risk_page(self) -> RiskRegisterPage:
        page = RiskRegisterPage(self.window.access)
        self.window.stack.addWidget(page)
        page.changed.connect(self.window.refresh)
        return page

    def show_risks(self) -> RiskRegisterPage:
        page = self.risk_page
        page.set_organizations()
        page.reload()
        self.window.stack.setCurrentWidget(page)
        self.window.sidebar.setCurrentRow(-1)
        return page

    # vendor view -------------------------------------------------------------------

    def _vendor_view(self, page: VendorPage) -> None:
        scorecard = ScorecardPanel(self.window.access, self.window.today)
        page.tabs.insertTab(0, scorecard, page.tr("Scorecard"))
        page.tabs.setCurrentIndex(0)
        button = QPushButton(page.tr("Start review…"))
        button.setToolTip(page.tr("Review this supplier: the case log's numbers are "
                                  "filled in"))
        button.clicked.connect(lambda _checked=False: self._review_shown())
        page.header.insertWidget(1, button)
        page.shown.connect(scorecard.show_organization)
        self._scorecard, self._review_button = scorecard, button

    @property
    def scorecard(self) -> ScorecardPanel:
        """The vendor view's Scorecard tab (the vendor view is built if it is not yet)."""
        self.window.vendor_part.get()
        assert self._scorecard is not None
        return self._scorecard

    @property
    def review_button(self) -> QPushButton:
        """The vendor view's "Start review…" (the vendor view is built if need be)."""
        self.window.vendor_part.get()
        assert self._review_button is not None
        return self._review_button

    def _review_shown(self) -> None:
        view = self.window.vendor_page.view
        if view is not None:
            self.start_review(view.id)

    def start_review(self, organization_id: int) -> ReviewDialog:
        dialog = ReviewDialog(self.window.access, organization_id, self.window.today(),
                              self.window)
        dialog.saved.connect(lambda _id: self.window.refresh())
        self.dialog = dialog
        dialog.show()
        return dialog

    # start page and search ---------------------------------------------------------

    def _start_page(self) -> None:
        page = self.window.start_page
        self.flags = FlagsSection(self.window.access, self.window.today)
        self.flags.open_requested.connect(self.window.open_record)
        page.extra.addWidget(self.flags)
        page.loaded.connect(self.flags.refresh)

    def _search_page(self, page: SearchPage) -> None:
        button = QPushButton(page.tr("Log a call…"))
        button.setToolTip(page.tr("Record a support call for this serial: when, whom, "
                                  "the case number"))
        button.clicked.connect(lambda _checked=False: self.log_call_from_search())
        button.hide()
        layout = page.layout()
        assert isinstance(layout, QVBoxLayout)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        layout.insertLayout(1, row)
        page.shown.connect(lambda: button.setVisible(
            card_cover(page.result.groups) is not None))
        self._log_button = button

    @property
    def log_button(self) -> QPushButton:
        """The search page's "Log a call…" (the search page is built if need be)."""
        self.window.search_part.get()
        assert self._log_button is not None
        return self._log_button

    def log_call_from_search(self) -> CaseDialog | None:
        found = card_cover(self.window.search_page.result.groups)
        if found is None:
            return None
        hit, cover = found
        dialog = CaseDialog(self.window.access, self.now,
                            agreement_id=cover.agreement_id,
                            item_id=hit.record_id if hit.entity == "item" else None,
                            parent=self.window)
        dialog.saved.connect(lambda _id: self.window.refresh())
        self.dialog = dialog
        dialog.show()
        return dialog

    # record forms ------------------------------------------------------------------

    def extend(self, dialog: RecordDialog) -> None:
        """Adds the governance tabs to a saved record's form."""
        record_id = dialog.record_id
        if record_id is None:
            return
        access = self.window.access
        if dialog.kind in ("agreement", "item"):
            key = "agreement_id" if dialog.kind == "agreement" else "item_id"
            tab = CasesTab(access, self.now, **{key: record_id})
            tab.changed.connect(self.window.refresh)
            title = dialog.tr("Cases ({n})")
            dialog.tabs.addTab(tab, title.format(n=tab.model.rowCount()))
            tab.counted.connect(lambda n: dialog.tabs.setTabText(dialog.tabs.indexOf(tab),
                                                                 title.format(n=n)))
        elif dialog.kind == "organization":
            reviews = ReviewsTab(access, record_id, self.start_review)
            reviews.review_saved.connect(lambda _id: self._next_review_changed(dialog))
            diligence = DiligenceTab(access, record_id, self.window.today)
            diligence.changed.connect(self.window.refresh)
            dialog.tabs.addTab(reviews, dialog.tr("Reviews"))
            dialog.tabs.addTab(diligence, dialog.tr("Due diligence"))

    def _next_review_changed(self, dialog: RecordDialog) -> None:
        """A review moved the organization's next review: the open form shows the new
        date and counts it as unchanged, so saving the form does not put the old back."""
        assert dialog.record_id is not None
        fresh = self.window.access.read(editing.load, "organization", dialog.record_id)
        if dialog.before is not None:
            dialog.before["next_review"] = fresh["next_review"]
        dialog.form.fields["next_review"].set_value(fresh["next_review"])


def tab_of(dialog: RecordDialog, kind: type[W]) -> W | None:
    """The governance tab of type ``kind`` on a record form, if it has one."""
    for index in range(dialog.tabs.count()):
        widget = dialog.tabs.widget(index)
        if isinstance(widget, kind):
            return widget
    return None
