"""Starts the window."""

from __future__ import annotations

import sys

from contractdesk.ui.qt import QApplication, QLabel


def run(db: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    label = QLabel("ContractDesk")
    label.show()
    return int(app.exec())
