"""One risk: whom or which agreement it concerns, how likely and how bad, what we do
about it, and the alternative supplier to turn to."""

from __future__ import annotations

from contractdesk.domain.governance_enums import RiskStatus
from contractdesk.domain.severity import severity, severity_level
from contractdesk.services import queries
from contractdesk.services.access import DataAccess
from contractdesk.services.risk_forms import agreement_choices, load_risk, save_risk
from contractdesk.ui.forms.fields import ChoiceField, IntField, NotesField, TextField
from contractdesk.ui.governance.form_dialog import FormDialog
from contractdesk.ui.governance.words import LEVEL_COLOURS, gword
from contractdesk.ui.labels import word
from contractdesk.ui.qt import QLabel, QWidget


class RiskDialog(FormDialog):
    def __init__(self, data: DataAccess, risk_id: int | None = None,
                 organization_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Risk") if risk_id is not None else self.tr("New risk"),
                         parent)
        organizations = [(name, org_id) for org_id, name, _roles
                         in data.read(queries.organization_choices)]
        agreements = [(label, agreement_id) for agreement_id, label
                      in data.read(agreement_choices)]
        self.add("organization_id", self.tr("Organization"), ChoiceField(organizations))
        self.add("agreement_id", self.tr("Agreement"), ChoiceField(agreements))
        self.add("description", self.tr("Description"), NotesField())
        likelihood = self.add("likelihood", self.tr("Likelihood (1–5)"), IntField(1, 5))
        impact = self.add("impact", self.tr("Impact (1–5)"), IntField(1, 5))
        self.severity = QLabel()
        self.form.addRow(self.tr("Severity"), self.severity)
        self.add("mitigation", self.tr("Mitigation"), NotesField())
        self.add("alternative_supplier_id", self.tr("Alternative supplier"),
                 ChoiceField(organizations))
        self.add("owner", self.tr("Owner"), TextField())
        self.add("status", self.tr("Status"), ChoiceField(
            [(gword(s), s) for s in RiskStatus], allow_none=False))
        likelihood.on_change(self.update_severity)
        impact.on_change(self.update_severity)
        if risk_id is not None:
            self.set_values(data.read(load_risk, risk_id))
        else:
            self.set_values({"organization_id": organization_id, "likelihood": 3,
                             "impact": 3, "status": RiskStatus.OPEN})
        self.update_severity()
        names: dict[int | None, str] = {org_id: name for name, org_id in organizations}
        verb = self.tr("New risk") if risk_id is None else self.tr("Edit risk")
        self.saver = lambda values: data.write_undoable(
            self.tr("{verb} for {name}").format(
                verb=verb, name=names.get(values.get("organization_id"), "—")),
            save_risk, risk_id, values)
        self.resize(640, 0)  # as tall as the fields need

    def update_severity(self) -> None:
        score = severity(self.fields["likelihood"].value(), self.fields["impact"].value())
        level = severity_level(score).value
        self.severity.setText(self.tr("{score} — {level}").format(score=score,
                                                                 level=word(level)))
        self.severity.setStyleSheet(f"color: {LEVEL_COLOURS[level]}; font-weight: bold;")
