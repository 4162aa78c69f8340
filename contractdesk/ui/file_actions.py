"""File menu work: the import wizard (also for a file dropped on the window) and
exports of everything or of the list on screen, each off the GUI thread. The export
writers (openpyxl) are imported when an export runs: 70 ms at every start otherwise."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from contractdesk.importing.readers import TEXT_SUFFIXES, WORKBOOK_SUFFIXES
from contractdesk.services.progress import CallbackProgress
from contractdesk.ui.dialogs import Dialogs, tr
from contractdesk.ui.file_dialogs import IMPORT_FILTER, FileDialogs, with_suffix
from contractdesk.ui.import_wizard.wizard import ImportWizard
from contractdesk.ui.qt import QDragEnterEvent, QDropEvent
from contractdesk.ui.settings import DEFAULT_CURRENCY, REMINDER_DAYS
from contractdesk.ui.tasks import Task, run_task

if TYPE_CHECKING:
    from contractdesk.ui.main_window import MainWindow

IMPORTABLE = WORKBOOK_SUFFIXES | TEXT_SUFFIXES | {".json"}
EVERYTHING_FILTER = tr("Excel workbook, every record (*.xlsx);;JSON, every record (*.json)"
                       ";;CSV, agreements only (*.csv)")
LIST_FILTER = tr("Excel workbook (*.xlsx);;CSV (*.csv)")


def start_import(window: MainWindow, path: Path | None = None) -> ImportWizard | None:
    """Opens the wizard on ``path``, or on a file the user picks; the window's lists
    and start page are read again after an import."""
    if path is None:
        path = FileDialogs.open_file(window, tr("Import records"), IMPORT_FILTER)
        if path is None:
            return None
    wizard = ImportWizard(window.access, path, window.settings.get(DEFAULT_CURRENCY), window)
    wizard.imported.connect(lambda _summary: window.refresh())
    wizard.show()
    return wizard


def dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The one local file of an importable type being dragged, if that is what it is."""
    urls = event.mimeData().urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in IMPORTABLE else None


def export_everything(window: MainWindow) -> Task[dict[str, int]] | None:
    today = window.today()
    chosen = FileDialogs.save_file(window, tr("Export everything"),
                                   f"contractdesk-{today.isoformat()}.xlsx",
                                   EVERYTHING_FILTER)
    if chosen is None:
        return None
    return _export(window, with_suffix(chosen[0], chosen[1], (".xlsx", ".json", ".csv")),
                   None, None)


def export_list(window: MainWindow) -> Task[dict[str, int]] | None:
    """The list on screen as filtered now (every row passing the filter, not only the
    rows scrolled into view)."""
    page = window.current_list()
    if page is None:
        Dialogs.error(window, tr("Nothing to export"), tr(
            "Show a list (agreements, purchases, items, organizations or contacts) "
            "first: its filtered rows are exported."))
        return None
    model = page.model
    ids = [record_id for row in range(model.total)
           if (record_id := model.record_id(row)) is not None]
    chosen = FileDialogs.save_file(window, tr("Export this list"),
                                   f"{page.kind}-{window.today().isoformat()}.xlsx",
                                   LIST_FILTER)
    if chosen is None:
        return None
    return _export(window, with_suffix(chosen[0], chosen[1], (".xlsx", ".csv")),
                   page.kind, ids)


def _export(window: MainWindow, target: Path, kind: str | None,
            ids: list[int] | None) -> Task[dict[str, int]]:
    today, days = window.today(), window.settings.get(REMINDER_DAYS)

    def done(counts: dict[str, int]) -> None:
        rows = sum(counts.values())
        window.statusBar().showMessage(tr("Exported {rows} rows to {file}").format(
            rows=f"{rows:,}", file=target), 10_000)

    def work(progress: CallbackProgress) -> dict[str, int]:
        from contractdesk.exporting.dispatch import export_to

        return window.access.read(export_to, target, today, days, kind=kind, ids=ids,
                                  progress=progress)

    return run_task(window, tr("Exporting to {file}").format(file=target.name), work, done)
