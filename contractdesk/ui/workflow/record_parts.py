"""What the workflow adds to a record's window: a Documents tab (organizations,
purchases, agreements), and on an agreement the Terms tab, whether it rolled over, and
the Renew…, Give notice… and Co-term… buttons.

After an action the form is reloaded from the database, so a later Save cannot write
the old values (e.g. "not cancelled") back over what the action recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from contractdesk.services import editing
from contractdesk.services.workflow_view import OWNERS
from contractdesk.ui.dialogs import Dialogs
from contractdesk.ui.labels import Formats
from contractdesk.ui.look import note_style
from contractdesk.ui.qt import QHBoxLayout, QLabel, QObject, QPushButton, QVBoxLayout
from contractdesk.ui.workflow.common import change_text
from contractdesk.ui.workflow.documents_tab import DocumentsTab
from contractdesk.ui.workflow.notice_dialogs import CoTermDialog, NoticeDialog
from contractdesk.ui.workflow.renew_dialog import RenewDialog
from contractdesk.ui.workflow.terms_tab import TermsTab, rolled_text

if TYPE_CHECKING:
    from contractdesk.ui.forms.record_dialog import RecordDialog

class AgreementActions(QObject):
    """The agreement's workflow buttons and the tabs they update."""

    def __init__(self, dialog: RecordDialog, agreement_id: int,
                 today: Callable[[], dt.date]) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.agreement_id = agreement_id
        self.today = today
        self.terms = TermsTab(dialog.access, self.agreement_id, today)
        self.terms.open_requested.connect(dialog.open_requested)
        self.terms.stages_changed.connect(  # the start page's reminders follow
            lambda: dialog.saved.emit("agreement", self.agreement_id))
        dialog.tabs.addTab(self.terms, self.tr("Terms"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(note_style(self.note.palette()))
        self.renew_button = self._button(self.tr("Renew…"), self.renew,
                                         self.tr("Record the next term: dates shifted by "
                                                 "the renewal term, cost editable"))
        self.notice_button = self._button(self.tr("Give notice…"), self.give_notice,
                                          self.tr("Record that notice was sent; the "
                                                  "agreement ends at its end date"))
        self.coterm_button = self._button(self.tr("Co-term…"), self.co_term,
                                          self.tr("Give several agreements one common end "
                                                  "date"))
        bar = QHBoxLayout()  # above the tabs, away from Save and Delete
        for button in (self.renew_button, self.notice_button, self.coterm_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout = dialog.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertLayout(0, bar)
            layout.insertWidget(1, self.note)
        self.show_note()
        self.update_buttons()

    @staticmethod
    def _button(text: str, slot: Callable[[], object], tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setStatusTip(tip)  # kept, for when the tool tip says why it is disabled
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def update_buttons(self) -> None:
        """Renew and Give notice only where they can still apply; the dialogs would
        explain why not, but a disabled button with a reason says it sooner."""
        view = self.terms.view_data
        lines = view.lines if view else []
        shown = [n for n, line in enumerate(lines) if line.agreement_id == self.agreement_id]
        status = lines[shown[-1]].status if shown else ""
        # renewed ahead (its next term recorded) it can be renewed on; replaced by a
        # new contract, that one is where to act
        replaced = bool(shown) and shown[-1] < len(lines) - 1
        reason = (self.tr("This agreement was renewed; act on its latest term.")
                  if replaced else self.tr("Notice was given on this agreement.")
                  if status == "cancelled" else None)
        for button in (self.renew_button, self.notice_button):
            button.setEnabled(reason is None)
            button.setToolTip(reason or button.statusTip())

    def show_note(self, extra: str = "") -> None:
        """That the agreement rolled over (always), then what the last action did."""
        text = " ".join(part for part in (rolled_text(self.terms.view_data)
                                          if self.terms.view_data else "", extra) if part)
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _unsaved(self) -> bool:
        """True (after saying so) when the form holds edits: an action works on the
        saved agreement and reloads the form, which would drop them."""
        values, unreadable = self.dialog.form.read()
        if not unreadable and values == self.dialog.before:
            return False
        Dialogs.error(self.dialog, self.tr("Unsaved changes"),
                      self.tr("Save or undo your changes to this agreement first; "
                              "renew, notice and co-term work on the saved agreement."))
        return True

    def renew(self) -> RenewDialog | None:
        if self._unsaved():
            return None
        dialog = RenewDialog(self.dialog.access, self.agreement_id, self.today(),
                             self.dialog)
        dialog.accepted.connect(lambda: self._renewed(dialog))
        dialog.open()
        return dialog

    def _renewed(self, dialog: RenewDialog) -> None:
        done = dialog.renewal
        if done is None:
            return
        self._after_change()
        self.dialog.tabs.setCurrentWidget(self.terms)
        change = change_text(done.amount, done.percent, done.currency)
        if done.new_contract:
            self.show_note(self.tr("Renewed as the new contract {name}, {start} – {end}; "
                                   "price change {change}. Double-click it under Terms to "
                                   "open it.").format(
                name=done.name, start=Formats.date(done.start_date),
                end=Formats.date(done.end_date), change=change))
            return
        self.show_note(self.tr("Renewed: new term {start} – {end}; price change "
                               "{change}.").format(start=Formats.date(done.start_date),
                                                   end=Formats.date(done.end_date),
                                                   change=change))

    def give_notice(self) -> NoticeDialog | None:
        if self._unsaved():
            return None
        name = self.dialog.access.read(editing.label, "agreement", self.agreement_id)
        dialog = NoticeDialog(self.dialog.access, self.agreement_id, name, self.today(),
                              self.dialog)
        dialog.accepted.connect(lambda: self._noticed(dialog))
        dialog.open()
        return dialog

    def _noticed(self, dialog: NoticeDialog) -> None:
        notice = dialog.notice
        if notice is None:
            return
        self._after_change()
        self.dialog.tabs.setCurrentWidget(self.terms)
        late = (self.tr(" It was sent after the notice deadline; check with the other "
                        "side that late notice is accepted.") if notice.late else "")
        self.show_note(self.tr("Notice recorded: the agreement is cancelled and ends "
                                 "on {end}.").format(end=Formats.date(notice.end_date)) + late)

    def co_term(self) -> CoTermDialog | None:
        if self._unsaved():
            return None
        dialog = CoTermDialog(self.dialog.access, self.agreement_id, self.today(),
                              self.dialog)
        dialog.accepted.connect(lambda: self._co_termed(dialog))
        dialog.open()
        return dialog

    def _co_termed(self, dialog: CoTermDialog) -> None:
        self._after_change()
        self.show_note(self.tr("{n} agreements now end on the same day.").format(
            n=dialog.changed_count))

    def _after_change(self) -> None:
        """Reloads the form and the tabs; the window refreshes its lists."""
        self.dialog.reload()
        self.terms.reload()
        self.update_buttons()
        if isinstance(self.dialog.documents_tab, DocumentsTab):  # a notice letter
            self.dialog.documents_tab.reload()
        self.dialog.saved.emit("agreement", self.agreement_id)


def add_workflow_parts(dialog: RecordDialog, today: Callable[[], dt.date]
                       ) -> AgreementActions | None:
    """Adds the Documents tab (and on agreements the actions); nothing on a new record."""
    if dialog.record_id is None or dialog.kind not in OWNERS:
        return None
    actions = (AgreementActions(dialog, dialog.record_id, today) if dialog.kind == "agreement"
               else None)
    documents = DocumentsTab(dialog.access, dialog.kind, dialog.record_id)
    dialog.tabs.addTab(documents, dialog.tr("Documents"))
    dialog.documents_tab = documents
    return actions
