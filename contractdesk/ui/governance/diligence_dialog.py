"""One due-diligence check of an organization: topic, result, when, until when, notes."""

from __future__ import annotations

from contractdesk.domain.governance_enums import DiligenceResult, DiligenceTopic
from contractdesk.services.access import DataAccess
from contractdesk.services.risk_forms import load_check, save_check
from contractdesk.ui.forms.fields import ChoiceField, DateField, NotesField
from contractdesk.ui.governance.form_dialog import FormDialog
from contractdesk.ui.governance.words import gword
from contractdesk.ui.qt import QWidget


class CheckDialog(FormDialog):
    def __init__(self, data: DataAccess, organization_id: int, check_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Due-diligence check"), parent)
        self.add("topic", self.tr("Topic"), ChoiceField(
            [(gword(t), t.value) for t in DiligenceTopic], allow_none=False))
        self.add("result", self.tr("Result"), ChoiceField(
            [(gword(r), r.value) for r in DiligenceResult], allow_none=False))
        self.add("checked_on", self.tr("Checked on"), DateField())
        self.add("expires_on", self.tr("Expires on"), DateField())
        self.add("notes", self.tr("Notes"), NotesField())
        if check_id is not None:
            values = data.read(load_check, check_id)
            self.set_values({**values, "topic": values["topic"].value,
                             "result": values["result"].value})
        self.saver = lambda values: data.write_undoable(
            self.tr("Save due-diligence check"), save_check, organization_id, check_id,
            values)
        self.resize(500, 0)  # as tall as the fields need
