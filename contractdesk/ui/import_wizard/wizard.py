"""The wizard itself: holds the file, sheet and column choices, re-reads the preview
off the GUI thread whenever one changes, and runs the import through ``run_task``.

Nothing touches the database before the Import button; a cancelled import rolls back
(the service's transaction), so the user is back on the preview with nothing written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from contractdesk.errors import UserError
from contractdesk.importing.readers import WORKBOOK_SUFFIXES, read_sheets
from contractdesk.importing.service import ImportSummary, Preview, preview, run_import
from contractdesk.importing.text_files import DETECT, TextFormat
from contractdesk.services.access import DataAccess
from contractdesk.services.progress import CallbackProgress
from contractdesk.ui.import_wizard.columns_page import ColumnsPage
from contractdesk.ui.import_wizard.pages import PreviewPage, SourcePage
from contractdesk.ui.import_wizard.summary_page import SummaryPage
from contractdesk.ui.qt import QObject, Qt, QWidget, QWizard, Signal
from contractdesk.ui.tasks import Task, run_task


def import_label(file: str, summary: ImportSummary) -> str:
    """What Undo names an import: "Import register.xlsx (38 agreements)"."""
    agreements = summary.created.get("agreements", 0) + summary.updated.get("agreements", 0)
    if agreements:
        return f"Import {file} ({agreements} agreements)"
    records = sum(summary.created.values()) + sum(summary.updated.values())
    return f"Import {file} ({records} records)"

CLI_HINT = "give a --mapping file to name the columns."


def for_the_window(message: str) -> str:
    """The service's advice for the command line (a mapping file), as the wizard's."""
    if CLI_HINT not in message:
        return message
    hint = ("choose another sheet, or give the columns such names in the file."
            if message.startswith("No header row") else
            "choose one of those fields for a column on the Columns page.")
    return message.replace(CLI_HINT, hint)


@dataclass
class Reading:
    """What one preview run found: the workbook's sheets and the preview, or why not."""

    sheets: list[str] = field(default_factory=list)
    preview: Preview | None = None
    error: str = ""


def read_file(path: Path, sheet: str | None, overrides: dict[str, str | None],
              default_currency: str, text_format: TextFormat = DETECT) -> Reading:
    """Runs on a worker thread; a file that cannot be read is a message, not a crash."""
    reading = Reading()
    try:
        if path.suffix.lower() in WORKBOOK_SUFFIXES:
            reading.sheets = [s.name for s in read_sheets(path)]
        reading.preview = preview(path, sheet, overrides or None, default_currency,
                                  text_format)
    except UserError as error:
        reading.error = for_the_window(str(error))
    return reading


class Sentences:
    """The service's step names (``adding agreements``) as the progress dialog's
    sentences (``Adding agreements…``)."""

    def __init__(self, inner: CallbackProgress) -> None:
        self.inner = inner

    def update(self, done: int, total: int, message: str = "") -> None:
        self.inner.update(done, total, f"{message[:1].upper()}{message[1:]}…" if message
                          else "")


class ImportState(QObject):
    """The wizard's choices and the latest reading; ``changed`` after each reading."""

    changed = Signal()

    def __init__(self, parent: QWidget, path: Path, default_currency: str) -> None:
        super().__init__(parent)
        self.owner = parent
        self.path = path
        self.default_currency = default_currency
        self.sheet: str | None = None
        self.text_format = DETECT  # a CSV file's encoding and delimiter, where chosen
        self.overrides: dict[str, str | None] = {}
        self.reading = Reading()
        self.last_good: Preview | None = None  # of this file and sheet
        self.loading = False
        self.generation = 0
        self.task: Task[Reading] | None = None

    @property
    def preview(self) -> Preview | None:
        return None if self.loading else self.reading.preview

    def set_file(self, path: Path) -> None:
        self.path, self.sheet, self.overrides, self.last_good = path, None, {}, None
        self.text_format = DETECT
        self.reload()

    def set_text_format(self, text_format: TextFormat) -> None:
        if text_format != self.text_format:
            self.text_format, self.overrides, self.last_good = text_format, {}, None
            self.reload()

    def set_sheet(self, sheet: str) -> None:
        current = self.reading.preview.sheet if self.reading.preview else None
        if sheet != (self.sheet or current):
            self.sheet, self.overrides, self.last_good = sheet, {}, None
            self.reload()

    def set_target(self, header: str, target: str | None) -> None:
        self.overrides[header] = target
        self.reload()

    def reload(self) -> None:
        self.generation += 1
        generation = self.generation
        self.loading = True
        self.changed.emit()
        path, sheet, overrides = self.path, self.sheet, dict(self.overrides)
        currency, text_format = self.default_currency, self.text_format
        self.task = run_task(self.owner, self.tr("Reading {file}").format(file=path.name),
                             lambda _progress: read_file(path, sheet, overrides, currency,
                                                         text_format),
                             lambda reading: self._read(reading, generation),
                             progress_dialog=False)

    def _read(self, reading: Reading, generation: int) -> None:
        if generation != self.generation:
            return  # a newer choice is being read
        self.reading = reading
        self.last_good = reading.preview or self.last_good
        self.loading = False
        self.changed.emit()


class ImportWizard(QWizard):
    """File → sheet → columns → preview → import → summary."""

    imported = Signal(object)  # the ImportSummary

    def __init__(self, access: DataAccess, path: Path, default_currency: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = access
        self.setWindowTitle(self.tr("Import records"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1040, 680)
        self.state = ImportState(self, path, default_currency)
        self.summary: ImportSummary | None = None
        self.import_task: Task[ImportSummary] | None = None
        self.source_page = SourcePage(self.state)
        self.columns_page = ColumnsPage(self.state)
        self.preview_page = PreviewPage(self.state, self.start_import)
        self.summary_page = SummaryPage()
        for page in (self.source_page, self.columns_page, self.preview_page,
                     self.summary_page):
            self.addPage(page)
        self.state.reload()

    def start_import(self) -> None:
        """Runs the import in one transaction off the GUI thread; the summary page
        shows when it is done."""
        state = self.state
        shown = state.preview
        if shown is None or self.import_task is not None:
            return
        path, sheet, text_format = state.path, state.sheet, state.text_format
        overrides = dict(state.overrides) or None
        currency = state.default_currency

        def work(report: CallbackProgress) -> ImportSummary:
            return self.access.write_undoable(
                lambda summary: import_label(path.name, summary), run_import, path,
                sheet=sheet, mapping=overrides, progress=Sentences(report),
                default_currency=currency, text_format=text_format)

        self.import_task = run_task(self, self.tr("Importing {file}").format(file=path.name),
                                    work, self._imported)
        self.import_task.finished.connect(self._import_ended)

    def _imported(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.summary_page.show_summary(summary)
        self.imported.emit(summary)
        self.preview_page.done = True
        self.next()

    def _import_ended(self, succeeded: bool) -> None:
        self.import_task = None
        if not succeeded:
            self.preview_page.show_not_imported()
