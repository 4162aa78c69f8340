"""The Documents tab of an organization, purchase or agreement: drop files on it or
choose them, see name, type, size and date, and open one with the system viewer.

Files are copied into the content-hash store off the GUI thread (a scanned contract
can be large); the user's file name is only ever a label."""

from __future__ import annotations

from pathlib import Path

from contractdesk.services.access import DataAccess
from contractdesk.services.progress import CallbackProgress
from contractdesk.services.workflow_view import (
    DocumentRow,
    attach_files,
    document_path,
    document_rows,
)
from contractdesk.ui.models import RowsModel
from contractdesk.ui.qt import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QHBoxLayout,
    QLabel,
    QModelIndex,
    QPalette,
    QPushButton,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from contractdesk.ui.tasks import Task, run_task
from contractdesk.ui.views import read_only_table
from contractdesk.ui.workflow.common import Ask, tr

COLUMNS = ("file_name", "media_type", "size", "added")


def size_text(size: int) -> str:
    if size < 1024:
        return tr("{n} bytes").format(n=size)
    value = size / 1024
    for unit in ("KB", "MB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def type_text(media_type: str, file_name: str) -> str:
    """A type a person reads ("PDF document", "Spreadsheet"), not a MIME type."""
    words = (("pdf", tr("PDF document")), ("spreadsheet", tr("Spreadsheet")),
             ("excel", tr("Spreadsheet")), ("csv", tr("Spreadsheet")),
             ("wordprocessing", tr("Word document")), ("msword", tr("Word document")),
             ("rfc822", tr("E-mail")), ("outlook", tr("E-mail")),
             ("image/", tr("Image")), ("text/", tr("Text")), ("zip", tr("Archive")))
    for key, text in words:
        if key in media_type:
            return text
    suffix = Path(file_name).suffix.lstrip(".").upper()
    return tr("{suffix} file").format(suffix=suffix) if suffix else tr("File")


def local_files(urls: list[QUrl]) -> list[Path]:
    """The dropped local files; folders and remote URLs are left out."""
    return [Path(url.toLocalFile()) for url in urls
            if url.isLocalFile() and Path(url.toLocalFile()).is_file()]


class DocumentsTab(QWidget):
    attached = Signal(int)  # how many files were attached

    def __init__(self, data: DataAccess, kind: str, record_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = data
        self.kind = kind
        self.record_id = record_id
        self.documents: list[DocumentRow] = []
        self.setAcceptDrops(True)

        self.hint = QLabel(self.tr("Drop files here (signed contract, quote, invoice, "
                                   "notice letter) or click Attach files. They are "
                                   "kept in the data folder and included in backups."))
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.model = RowsModel(COLUMNS, {"file_name": self.tr("Name"),
                                         "media_type": self.tr("Type"),
                                         "size": self.tr("Size"),
                                         "added": self.tr("Added (UTC)")})
        view = read_only_table(self.model)
        view.doubleClicked.connect(self._open_index)
        view.setToolTip(self.tr("Double-click to open with the system viewer"))
        self.view = view
        self.attach_button = QPushButton(self.tr("Attach files…"))
        self.attach_button.clicked.connect(self.choose_files)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(view, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.documents = self.access.read(document_rows, self.kind, self.record_id)
        self.model.set_rows([
            {"id": d.id, "file_name": d.file_name,
             "media_type": type_text(d.media_type, d.file_name),
             "size": size_text(d.size), "added": d.added_at.strftime("%Y-%m-%d %H:%M")}
            for d in self.documents])
        self.view.resizeColumnsToContents()
        self.open_button.setEnabled(bool(self.documents))

    def choose_files(self) -> None:
        self.attach(Ask.open_files(self, self.tr("Attach files")))

    def attach(self, paths: list[Path]) -> Task[list[DocumentRow]] | None:
        """Stores and attaches ``paths`` off the GUI thread, then lists them."""
        if not paths:
            return None

        def store(_progress: CallbackProgress) -> list[DocumentRow]:
            return self.access.write_undoable(
                self.tr("Attach {files}").format(files=", ".join(p.name for p in paths)),
                attach_files, self.kind, self.record_id, paths)

        def done(rows: list[DocumentRow]) -> None:
            self.reload()
            self.attached.emit(len(rows))

        return run_task(self, self.tr("Attaching files"), store, done)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and local_files(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.attach(paths)

    def open_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        index = rows[0] if rows else self.model.index(0, 0)
        self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            path = self.access.read(document_path, self.documents[index.row()].id)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
