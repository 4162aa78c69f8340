""""Start review…": the period's case numbers up front, scores 1–5, findings, actions and
the next review date; Save completes the review and moves the organization's next
review, so it leaves the start page's "reviews due"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from contractdesk.services.access import DataAccess
from contractdesk.services.case_forms import SCORE_FIELDS, review_start, save_review
from contractdesk.ui.forms.fields import DateField, Field, NotesField, TextField
from contractdesk.ui.governance.form_dialog import FormDialog
from contractdesk.ui.governance.words import gword
from contractdesk.ui.labels import Formats
from contractdesk.ui.qt import QLabel, QSpinBox, QWidget


class ScoreField(Field):
    """A score 1–5, or "—" (not scored)."""

    def __init__(self) -> None:
        self.spin = QSpinBox()
        self.spin.setRange(0, 5)
        self.spin.setSpecialValueText("—")
        self.spin.setSuffix(" / 5")
        self.widget = self.spin

    def value(self) -> int | None:
        return int(self.spin.value()) or None

    def set_value(self, value: object) -> None:
        self.spin.setValue(int(value) if isinstance(value, int) else 0)

    def on_change(self, callback: Callable[[], None]) -> None:
        self.spin.valueChanged.connect(callback)


class ReviewDialog(FormDialog):
    def __init__(self, data: DataAccess, organization_id: int, today: dt.date,
                 parent: QWidget | None = None) -> None:
        start = data.read(review_start, organization_id, today)
        super().__init__(self.tr("Review of {name}").format(name=start.organization), parent)
        self.start = start
        self.summary = QLabel(self._summary())
        self.summary.setWordWrap(True)
        self.form.addRow(self.tr("Case log since\n{day}").format(
            day=Formats.date(start.since)), self.summary)
        self.add("review_date", self.tr("Review date"), DateField())
        self.add("reviewer", self.tr("Reviewer"), TextField())
        scale = QLabel(self.tr("Score each 1 (poor) to 5 (excellent); leave “—” for "
                               "not scored."))
        scale.setWordWrap(True)
        self.form.addRow("", scale)
        for name in SCORE_FIELDS:
            self.add(name, gword(name), ScoreField())
        self.add("findings", self.tr("Findings"), NotesField())
        self.add("actions", self.tr("Actions"), NotesField())
        self.add("next_review", self.tr("Next review"), DateField())
        self.set_values({"review_date": start.review_date,
                         "sla_adherence": start.sla_adherence,
                         "findings": start.findings, "next_review": start.next_review})
        self.save_button.setText(self.tr("Complete review"))
        self.saver = lambda values: data.write_undoable(
            self.tr("Complete review of {name}").format(name=start.organization),
            save_review, organization_id, values)
        self.resize(580, 0)  # as tall as the fields need

    def _summary(self) -> str:
        start = self.start
        if not start.cases:
            return self.tr("No support cases logged in this period.")
        lines = [self.tr("{n} support cases, {open} still open").format(
            n=start.cases, open=start.open)]
        if start.judged:
            lines.append(self.tr("{met} of {judged} met the SLA ({share:.0%})").format(
                met=start.met, judged=start.judged, share=start.met / start.judged))
        if start.median_hours is not None:
            lines.append(self.tr("median {hours:.1f} h to resolve").format(
                hours=start.median_hours))
        if start.sla_adherence is not None:
            lines.append(self.tr("suggested SLA adherence: {score} / 5").format(
                score=start.sla_adherence))
        return "\n".join(lines)
