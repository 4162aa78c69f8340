"""The few modal questions the window asks, in one class so tests can patch them.

Tests replace ``Dialogs.error``/``Dialogs.confirm``/``Dialogs.text`` (pytest-qt's advice:
patch a dialog's ``ask`` instead of clicking through a modal box).
"""

from __future__ import annotations

from contractdesk.ui.qt import QCoreApplication, QInputDialog, QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


class Dialogs:
    @staticmethod
    def error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        """One clear sentence; ``details`` (a traceback) only behind "Show Details…",
        where it can be selected and copied."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                          QMessageBox.StandardButton.Ok, parent)
        if details:
            box.setDetailedText(details)
        box.exec()

    @staticmethod
    def confirm(parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    @staticmethod
    def offer(parent: QWidget | None, title: str, text: str, action: str) -> bool:
        """Offers ``action`` (the button says it: "Use the existing Cisco") instead of
        going on; True when it was chosen."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Cancel, parent)
        chosen = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(chosen)
        box.exec()
        return box.clickedButton() is chosen

    @staticmethod
    def text(parent: QWidget | None, title: str, label: str) -> str | None:
        value, accepted = QInputDialog.getText(parent, title, label)
        return value.strip() if accepted and value.strip() else None


def tr(text: str) -> str:
    """Translation for module-level strings (classes use ``self.tr``)."""
    return _tr(text)
