"""The Reports menu: vendor summary, renewals report and support card, each laid out
to a temporary PDF off the GUI thread and then shown by :class:`ReportViewer`. Every
report judges status with the window's reminder window, as the screens do.

PySide6-Essentials has no QtPdf, so the window cannot paint PDF pages into a
``QPrintPreviewDialog``; the report opens in the system's PDF viewer (which previews
and prints it), and "Save as PDF…" keeps a copy.

The report builders (reportlab) are imported when a report is made, on the worker
thread: imported with this module they cost 80 ms at every start.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

from contractdesk.reports.data.renewals import renewals_data
from contractdesk.reports.data.support import (
    SupportData,
    support_for_agreement,
    support_for_all,
    support_for_serial,
)
from contractdesk.reports.data.vendor import vendor_summary
from contractdesk.reports.formatting import Formatter
from contractdesk.services import queries
from contractdesk.services.access import DataAccess
from contractdesk.services.progress import CallbackProgress, Progress
from contractdesk.ui.dialogs import tr
from contractdesk.ui.file_dialogs import FileDialogs
from contractdesk.ui.pages.list_page import ListPage
from contractdesk.ui.report_viewer import ReportViewer
from contractdesk.ui.settings import LOCALE
from contractdesk.ui.tasks import Task, run_task

if TYPE_CHECKING:
    from contractdesk.ui.main_window import MainWindow


_FOLDER: list[tempfile.TemporaryDirectory[str]] = []  # one per run, removed at exit


def _folder() -> Path:
    if not _FOLDER:
        _FOLDER.append(tempfile.TemporaryDirectory(prefix="contractdesk-reports-"))
    return Path(_FOLDER[0].name)


def safe_stem(text: str) -> str:
    """A file name from an organization's name or a contract number."""
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in text).strip("-.")[:80]


class _Renderer(Protocol):
    def __call__(self, output: BinaryIO, fmt: Formatter, generated: dt.datetime,
                 progress: Progress) -> int: ...


def _report(window: MainWindow, title: str, stem: str,
            prepare: Callable[[DataAccess, dt.date], _Renderer]) -> Task[tuple[Path, int]]:
    """Reads the data and lays out the PDF on a worker thread, then shows it."""
    access, today = window.access, window.today()
    fmt = Formatter.for_locale(window.settings.get(LOCALE) or None)
    target = _folder() / f"{safe_stem(stem)}.pdf"

    def work(progress: CallbackProgress) -> tuple[Path, int]:
        from contractdesk.reports.document import save_pdf  # see the module's docstring

        render = prepare(access, today)
        pages = save_pdf(target, lambda out: render(out, fmt, dt.datetime.now(), progress))
        return target, pages

    return run_task(window, tr("Preparing the {report}").format(report=title), work,
                    lambda result: ReportViewer.present(window, title, *result))


def renewals_report(window: MainWindow) -> Task[tuple[Path, int]]:
    days = window.window_days()

    def prepare(access: DataAccess, today: dt.date) -> _Renderer:
        from contractdesk.reports.renewals import render_renewals

        data = access.read(renewals_data, today, days)
        return lambda out, fmt, now, progress: render_renewals(data, out, fmt, now, progress)

    return _report(window, tr("renewals report"), f"renewals-{window.today().isoformat()}",
                   prepare)


def current_organization(window: MainWindow) -> str | None:
    """The organization on screen: the vendor view's, or the one selected in the
    organizations list."""
    vendor = window.on_screen(window.vendor_part)
    if vendor is not None and vendor.view is not None:
        return vendor.view.name
    return _selected(window.current_list(), "organizations", "name")


def _selected(page: ListPage | None, kind: str, column: str) -> str | None:
    if page is None or page.kind != kind:
        return None
    index = page.view.currentIndex()
    if not index.isValid():
        return None
    value = page.model.row(index.row()).get(column)
    return str(value) if value else None


def vendor_report(window: MainWindow) -> Task[tuple[Path, int]] | None:
    name = current_organization(window)
    if name is None:
        names = sorted((n for _id, n, _roles in window.access.read(
            queries.organization_choices)), key=str.casefold)
        name = FileDialogs.choose(window, tr("Vendor summary"),
                                  tr("Summary of which organization?"), names)
        if name is None:
            return None
    chosen, days = name, window.window_days()

    def prepare(access: DataAccess, today: dt.date) -> _Renderer:
        from contractdesk.reports.vendor import render_vendor_summary

        summary = access.read(vendor_summary, chosen, today, days)
        return lambda out, fmt, now, progress: render_vendor_summary(
            summary, out, fmt, now, progress)

    return _report(window, tr("vendor summary"), f"vendor-summary-{chosen}", prepare)


def support_report(window: MainWindow) -> Task[tuple[Path, int]]:
    """The card of the selected agreement or item; every running agreement otherwise."""
    page = window.current_list()
    number = _selected(page, "agreements", "contract_number")
    serial = _selected(page, "items", "serial_number") or _selected(page, "items",
                                                                     "asset_tag")
    days = window.window_days()

    def read(access: DataAccess, today: dt.date) -> SupportData:
        if number is not None:
            return access.read(support_for_agreement, number, today, days)
        if serial is not None:
            return access.read(support_for_serial, serial, today, days)
        return access.read(support_for_all, today, days)

    def prepare(access: DataAccess, today: dt.date) -> _Renderer:
        from contractdesk.reports.support import render_support

        data = read(access, today)
        return lambda out, fmt, now, progress: render_support(data, out, fmt, now, progress)

    stem = f"support-card-{number or serial or 'all'}"
    return _report(window, tr("support card"), stem, prepare)


def print_current(window: MainWindow) -> Task[tuple[Path, int]] | None:
    """Print… prints what is on screen: the vendor in view, the selected agreement's or
    item's support card, else the renewals report."""
    vendor = window.on_screen(window.vendor_part)
    if vendor is not None and vendor.view is not None:
        return vendor_report(window)
    page = window.current_list()
    if page is not None and page.kind in ("agreements", "items") \
            and page.selected_id() is not None:
        return support_report(window)
    return renewals_report(window)
