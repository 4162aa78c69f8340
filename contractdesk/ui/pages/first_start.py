"""What the start page shows on a database with nothing in it: the three ways in,
instead of four zero counts and five "nothing" headings that leave a new user guessing.

A spreadsheet dropped here is imported: the panel takes no drops itself, so the drop
reaches the main window, which imports whatever importable file lands on it.
"""

from __future__ import annotations

from contractdesk.ui.qt import (
    QFont,
    QFrame,
    QGridLayout,
    QLabel,
    QPalette,
    QPushButton,
    QVBoxLayout,
    Signal,
)


class FirstStartPanel(QFrame):
    import_requested = Signal()
    sample_requested = Signal()
    new_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("first_start")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        title = QLabel(self.tr("Nothing here yet. Three ways to start:"))
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        title.setFont(font)

        self.import_button = QPushButton(self.tr("Import a spreadsheet…"))
        self.sample_button = QPushButton(self.tr("Try the sample data"))
        self.new_button = QPushButton(self.tr("Add an agreement…"))
        self.import_button.clicked.connect(lambda _checked=False: self.import_requested.emit())
        self.sample_button.clicked.connect(lambda _checked=False: self.sample_requested.emit())
        self.new_button.clicked.connect(
            lambda _checked=False: self.new_requested.emit("agreement"))
        ways = (
            (self.import_button, self.tr(
                "Your register of contracts, purchases or serials (xlsx, xls, ods, csv). "
                "You can also drop the file on this window.")),
            (self.sample_button, self.tr(
                "A made-up company's data in a separate sample database, to look around; "
                "your own database stays as it is.")),
            (self.new_button, self.tr(
                "Type in one support contract, warranty or subscription yourself.")))
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setColumnStretch(1, 1)
        for row, (button, text) in enumerate(ways):
            explanation = QLabel(text)
            explanation.setWordWrap(True)
            explanation.setBuddy(button)
            grid.addWidget(button, row, 0)
            grid.addWidget(explanation, row, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 16)
        layout.addWidget(title)
        layout.addSpacing(6)
        layout.addLayout(grid)
