"""Showing a finished report: open it in the system's PDF viewer, or save a copy.

PySide6-Essentials (the app's Qt) has no QtPdf to paint PDF pages into a print preview,
and every desktop has a PDF viewer that previews and prints; so the report is opened
there, and the dialog stays for "Save as PDF…".
"""

from __future__ import annotations

import html
from pathlib import Path

from contractdesk.errors import UserError
from contractdesk.exporting.safe_write import atomic_writer
from contractdesk.ui.dialogs import Dialogs
from contractdesk.ui.file_dialogs import FileDialogs, with_suffix
from contractdesk.ui.qt import (
    QDesktopServices,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
)


class ReportDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, pdf: Path, pages: int) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.setWindowTitle(title[:1].upper() + title[1:])
        text = (self.tr("The {report} is ready: 1 page.") if pages == 1 else
                self.tr("The {report} is ready: {pages} pages.")).format(report=title,
                                                                         pages=pages)
        label = QLabel(f"<b>{text}</b><br><br>" + self.tr(
            "Open it in your PDF viewer to look at it and print it, or save a copy."))
        label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(self.tr("&Open in PDF viewer"))
        self.open_button.setDefault(True)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self.open_in_viewer)
        self.save_button.clicked.connect(self.save_copy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 12)
        layout.setSpacing(16)
        self.saved = QLabel()  # where "Save as PDF…" put the copy, with "Open folder"
        self.saved.setWordWrap(True)
        self.saved.setTextFormat(Qt.TextFormat.RichText)
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.saved.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.saved.hide()
        layout.addWidget(label)
        layout.addWidget(self.saved)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def open_in_viewer(self) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf))):
            Dialogs.error(self, self.tr("Cannot open the report"), self.tr(
                "No PDF viewer is set up on this computer; use Save as PDF… and open "
                "the file from there."))

    def save_copy(self) -> Path | None:
        chosen = FileDialogs.save_file(self, self.tr("Save report"), self.pdf.name,
                                       self.tr("PDF (*.pdf)"))
        if chosen is None:
            return None
        target = with_suffix(chosen[0], chosen[1], (".pdf",))
        try:
            with atomic_writer(target, "wb") as handle:
                handle.write(self.pdf.read_bytes())
        except UserError as error:
            Dialogs.error(self, self.tr("Cannot save the report"), str(error))
            return None
        folder = QUrl.fromLocalFile(str(target.parent)).toString()
        self.saved.setText(self.tr("Saved to {path}. <a href=\"{folder}\">Open folder</a>")
                           .format(path=html.escape(str(target)), folder=html.escape(folder)))
        self.saved.show()
        return target


class ReportViewer:
    """One static entry point, patched by tests (as :class:`Dialogs`)."""

    @staticmethod
    def present(parent: QWidget | None, title: str, pdf: Path, pages: int) -> None:
        dialog = ReportDialog(parent, title, pdf, pages)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
