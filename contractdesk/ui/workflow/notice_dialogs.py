"""Give notice… (date sent, to whom, how, the letter) and Co-term… (several agreements,
one common end date)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from contractdesk.domain.reminders import NoticeMethod
from contractdesk.reports.data.notice_letter import email_draft, letter_language, write_letter_for
from contractdesk.services.access import DataAccess
from contractdesk.services.workflow_view import (
    NoticeDone,
    co_term,
    co_term_choices,
    give_notice,
    notice_plan,
)
from contractdesk.ui.labels import Formats, word
from contractdesk.ui.qt import (
    QComboBox,
    QDesktopServices,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QUrl,
    QWidget,
)
from contractdesk.ui.workflow.action_dialog import ActionDialog
from contractdesk.ui.workflow.common import Ask, date_edit, from_qdate, to_qdate, when_text


class NoticeDialog(ActionDialog):
    def __init__(self, data: DataAccess, agreement_id: int, name: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Give notice on {name}").format(name=name))
        self.ok_button.setText(self.tr("Record notice"))
        self.access = data
        self.agreement_id = agreement_id
        self.today = today
        self.notice: NoticeDone | None = None
        plan = data.read(notice_plan, agreement_id, today)
        explain = QLabel(self.tr("Records that notice was sent: the agreement ends on {end} "
                                 "and will not renew.").format(
            end=Formats.date(plan.end_date) or "—"))
        explain.setWordWrap(True)
        self.form.addRow(explain)
        if plan.deadline is not None:
            self.form.addRow(self.tr("Notice deadline"), QLabel(
                self.tr("{date} ({when})").format(date=Formats.date(plan.deadline),
                                                  when=when_text((plan.deadline
                                                                  - today).days))))
        if plan.explanation:
            self.explanation = QLabel(plan.explanation)
            self.explanation.setWordWrap(True)
            self.form.addRow("", self.explanation)
        self.sent_on = date_edit(today)
        self.sent_on.setMaximumDate(to_qdate(today))
        self.form.addRow(self.tr("Sent on"), self.sent_on)
        self.to = QLineEdit()
        self.to.setPlaceholderText(self.tr("e.g. Bechtle renewals desk, renewals@…"))
        self.form.addRow(self.tr("Sent to"), self.to)
        self.how = QComboBox()
        for method in NoticeMethod:
            self.how.addItem(word(method.value).capitalize(), method)
        self.form.addRow(self.tr("How"), self.how)
        self.letter = QLineEdit()
        self.letter.setPlaceholderText(self.tr("optional: the letter or e-mail as a file"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_letter)
        row = QHBoxLayout()
        row.addWidget(self.letter, 1)
        row.addWidget(browse)
        self.form.addRow(self.tr("Letter"), row)
        # a ready-to-sign letter, or the same words as an e-mail draft
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("Deutsch", "de")
        self.language.setCurrentIndex(self.language.findData(data.read(letter_language)))
        self.write_button = QPushButton(self.tr("Write letter…"))
        self.write_button.clicked.connect(self._write_letter)
        self.email_button = QPushButton(self.tr("Write e-mail…"))
        self.email_button.clicked.connect(self._write_email)
        writing = QHBoxLayout()
        writing.addWidget(self.language)
        writing.addWidget(self.write_button)
        writing.addWidget(self.email_button)
        writing.addStretch(1)
        self.form.addRow(self.tr("Write"), writing)
        self.name = name

    def _write_letter(self) -> None:
        """Writes the letter where the user says and puts it in the Letter field, so
        Record notice attaches it."""
        target = Ask.save_file(self, self.tr("Notice letter"),
                               self.tr("Notice {name}.pdf").format(name=self.name),
                               self.tr("PDF (*.pdf)"))
        if target is None:
            return
        written = self.attempt(lambda: self.access.read(
            write_letter_for, self.agreement_id, target, from_qdate(self.sent_on.date()),
            self.language.currentData()))
        if written is not None:
            self.letter.setText(str(written))

    def _write_email(self) -> None:
        url = self.attempt(lambda: self.access.read(
            email_draft, self.agreement_id, from_qdate(self.sent_on.date()),
            self.language.currentData()))
        if url:
            QDesktopServices.openUrl(QUrl(url))
            self.how.setCurrentIndex(self.how.findData(NoticeMethod.EMAIL))

    def _choose_letter(self) -> None:
        chosen = Ask.open_files(self, self.tr("Notice letter"))
        if chosen:
            self.letter.setText(str(chosen[0]))

    def submit(self) -> None:
        text = self.letter.text().strip()
        letter = Path(text) if text else None
        how = NoticeMethod(self.how.currentData())
        notice = self.attempt(lambda: self.access.write_undoable(
            self.tr("Give notice on {name}").format(name=self.name), give_notice,
            self.agreement_id, from_qdate(self.sent_on.date()),
            self.to.text(), how, letter, self.today))
        if notice is not None:
            self.notice = notice
            self.accept()


class CoTermDialog(ActionDialog):
    """Ticks the agreements to align; the shown one is ticked already."""

    def __init__(self, data: DataAccess, agreement_id: int, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Co-term agreements"))
        self.ok_button.setText(self.tr("Set end date"))
        self.access = data
        self.changed_count = 0
        explain = QLabel(self.tr("Give the ticked agreements one common end date (costs "
                                 "are not prorated here)."))
        explain.setWordWrap(True)
        self.form.addRow(explain)
        self.choices = QListWidget()
        self.choices.setMinimumHeight(300)
        self.setMinimumWidth(760)
        end = today
        choices = sorted(data.read(co_term_choices, today),
                         key=lambda c: (c.id != agreement_id, c.end_date or dt.date.max))
        for choice in choices:
            item = QListWidgetItem(self.tr("{label}  (ends {end})").format(
                label=choice.label, end=Formats.date(choice.end_date)))
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            ticked = choice.id == agreement_id
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            if ticked and choice.end_date is not None:
                end = choice.end_date
            self.choices.addItem(item)
        self.form.addRow(self.tr("Agreements"), self.choices)
        self.end_date = date_edit(end)
        self.form.addRow(self.tr("Common end date"), self.end_date)

    def ticked(self) -> list[int]:
        return [int(self.choices.item(row).data(Qt.ItemDataRole.UserRole))
                for row in range(self.choices.count())
                if self.choices.item(row).checkState() == Qt.CheckState.Checked]

    def tick(self, agreement_id: int) -> None:
        for row in range(self.choices.count()):
            item = self.choices.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == agreement_id:
                item.setCheckState(Qt.CheckState.Checked)

    def submit(self) -> None:
        chosen = self.ticked()
        end = from_qdate(self.end_date.date())
        count = self.attempt(lambda: self.access.write_undoable(
            self.tr("Co-term {count} agreements").format(count=len(chosen)), co_term,
            chosen, end))
        if count is not None:
            self.changed_count = count
            self.accept()
