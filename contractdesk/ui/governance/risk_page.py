"""The risk register: every risk across vendors, most severe first, filtered by status,
organization and minimum severity (likelihood × impact)."""

from __future__ import annotations

from contractdesk.domain.governance_enums import RiskStatus
from contractdesk.services import queries
from contractdesk.services.access import DataAccess
from contractdesk.services.risk_forms import risk_rows
from contractdesk.ui.governance.risk_dialog import RiskDialog
from contractdesk.ui.governance.widgets import ColouredRowsModel, selected_id, table
from contractdesk.ui.governance.words import LEVEL_COLOURS, colour, gword
from contractdesk.ui.labels import word
from contractdesk.ui.qt import (
    QComboBox,
    QFont,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    Signal,
)

# Filter choice -> statuses (None: all).
NOT_CLOSED = (RiskStatus.OPEN, RiskStatus.MITIGATED, RiskStatus.ACCEPTED)


class RiskRegisterPage(QWidget):
    changed = Signal()  # a risk was saved (the start page's flags may change)

    def __init__(self, data: DataAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = data
        heading = QLabel(self.tr("Risk register"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        hint = QLabel(self.tr("Risks of depending on a supplier, most severe first. "
                              "Severity is likelihood × impact: 12 and above is high."))
        hint.setWordWrap(True)

        self.status_box = QComboBox()
        self.status_box.addItem(self.tr("Not closed"), NOT_CLOSED)
        self.status_box.addItem(self.tr("Any status"), None)
        for status in RiskStatus:
            self.status_box.addItem(gword(status), (status,))
        self.organization_box = QComboBox()
        self.organization_box.setMinimumContentsLength(18)
        self.severity_box = QSpinBox()
        self.severity_box.setRange(1, 25)
        self.severity_box.setPrefix(self.tr("severity ≥ "))
        self.count = QLabel()
        self.new_button = QPushButton(self.tr("New risk…"))
        self.new_button.clicked.connect(lambda _checked=False: self.open_risk(None))
        bar = QHBoxLayout()
        bar.addWidget(self.status_box)
        bar.addWidget(self.organization_box, 1)
        bar.addWidget(self.severity_box)
        bar.addStretch(1)
        bar.addWidget(self.count)
        bar.addWidget(self.new_button)

        headers = {"severity": self.tr("Severity"), "level": self.tr("Level"),
                   "description": self.tr("Risk"), "organization": self.tr("Organization"),
                   "agreement": self.tr("Agreement"), "likelihood": self.tr("Likelihood"),
                   "impact": self.tr("Impact"), "alternative": self.tr("Alternative"),
                   "owner": self.tr("Owner"), "status": self.tr("Status")}
        self.model = ColouredRowsModel(tuple(headers), headers, "level",
                                       lambda row: colour(LEVEL_COLOURS, row["colour"]))
        self.view = table(self.model, self.open_risk)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        self.description_column = tuple(headers).index("description")
        self.view.setToolTip(self.tr("Double-click a risk to change it"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.dialog: RiskDialog | None = None
        self.status_box.currentIndexChanged.connect(self.reload)
        self.organization_box.currentIndexChanged.connect(self.reload)
        self.severity_box.valueChanged.connect(self.reload)

    def set_organizations(self) -> None:
        chosen = self.organization_box.currentData()
        self.organization_box.blockSignals(True)
        self.organization_box.clear()
        self.organization_box.addItem(self.tr("Any organization"), None)
        for org_id, name, _roles in self.access.read(queries.organization_choices):
            self.organization_box.addItem(name, org_id)
        self.organization_box.setCurrentIndex(max(self.organization_box.findData(chosen), 0))
        self.organization_box.blockSignals(False)

    def reload(self) -> None:
        rows = self.access.read(risk_rows, statuses=self.status_box.currentData(),
                                organization_id=self.organization_box.currentData(),
                                min_severity=self.severity_box.value())
        self.model.set_rows([{**row, "colour": row["level"], "level": word(row["level"]),
                              "status": gword(row["status"])} for row in rows])
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.description_column, header.ResizeMode.Stretch)
        self.count.setText(self.tr("1 risk") if len(rows) == 1
                           else self.tr("{n} risks").format(n=len(rows)))

    def open_risk(self, risk_id: int | None) -> RiskDialog:
        dialog = RiskDialog(self.access, risk_id, parent=self)
        dialog.saved.connect(lambda _id: self.reload())
        dialog.saved.connect(self.changed)
        self.dialog = dialog
        dialog.show()
        return dialog

    def edit_selected(self) -> None:
        risk_id = selected_id(self.view, self.model)
        if risk_id is not None:
            self.open_risk(risk_id)
