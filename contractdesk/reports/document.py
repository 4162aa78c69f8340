"""The page every report is printed on: margins, running header, "Page n of m" footer.

"of m" needs the page count before any page is finished, so the canvas keeps each page's
state and draws the furniture on all of them at the end (reportlab's numbered-canvas
recipe), rather than building the document twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO, cast

from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus.flowables import Flowable

from contractdesk import APP_NAME, __version__
from contractdesk.exporting.safe_write import atomic_writer
from contractdesk.reports.fonts import BOLD, REGULAR, register_fonts
from contractdesk.reports.formatting import Formatter
from contractdesk.reports.styles import MUTED, RULE
from contractdesk.services.progress import NO_PROGRESS, Progress

SIDE_MARGIN = 14 * mm
TOP_MARGIN = 15 * mm
BOTTOM_MARGIN = 14 * mm
FURNITURE_SIZE = 7.5


def _numbered_canvas(title: str, generated: str) -> type[Canvas]:
    """A canvas class that stamps the header and "Page n of m" on every page."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            width, height = self._pagesize
            top = height - TOP_MARGIN + 6 * mm
            self.saveState()
            self.setFillColor(MUTED)
            self.setFont(BOLD, FURNITURE_SIZE)
            self.drawString(SIDE_MARGIN, top, title)
            self.setFont(REGULAR, FURNITURE_SIZE)
            self.drawRightString(width - SIDE_MARGIN, top, f"Generated {generated}")
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(SIDE_MARGIN, top - 2 * mm, width - SIDE_MARGIN, top - 2 * mm)
            bottom = BOTTOM_MARGIN - 8 * mm
            self.line(SIDE_MARGIN, bottom + 3.5 * mm, width - SIDE_MARGIN, bottom + 3.5 * mm)
            self.drawString(SIDE_MARGIN, bottom, f"{APP_NAME} {__version__}")
            self.drawRightString(width - SIDE_MARGIN, bottom,
                                 f"Page {self._pageNumber} of {total}")
            self.restoreState()

    return NumberedCanvas


def page_size(fmt: Formatter, *, wide: bool) -> tuple[float, float]:
    """A4 (Letter in North America), landscape for the wide tables."""
    size = letter if fmt.uses_letter_paper else A4
    return landscape(size) if wide else size


def frame_width(fmt: Formatter, *, wide: bool) -> float:
    """The width flowables may use; tables size their columns from it."""
    return page_size(fmt, wide=wide)[0] - 2 * SIDE_MARGIN


def _progress_callback(progress: Progress) -> Callable[[str, int], None]:
    """Turns reportlab's build events into ``progress.update`` calls: once per laid-out
    flowable and once per finished page, so Cancel is noticed within a page."""
    state = {"total": 1, "done": 0}

    def callback(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            state["total"] = max(1, value)
        elif kind == "PROGRESS":
            state["done"] = value
        elif kind != "PAGE":
            return
        progress.update(min(state["done"], state["total"] - 1), state["total"],
                        "Laying out pages")

    return callback


def render_pdf(output: BinaryIO, story: Sequence[Flowable], *, title: str, fmt: Formatter,
               generated: dt.datetime, wide: bool = False,
               progress: Progress = NO_PROGRESS) -> int:
    """Lays out ``story`` into ``output``; returns the number of pages.

    Raises:
        Cancelled: ``progress`` reported that the user cancelled.
    """
    register_fonts()
    document = SimpleDocTemplate(
        output, pagesize=page_size(fmt, wide=wide), title=title, author=APP_NAME,
        creator=f"{APP_NAME} {__version__}", leftMargin=SIDE_MARGIN,
        rightMargin=SIDE_MARGIN, topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN)
    document.setProgressCallBack(_progress_callback(progress))
    document.build(list(story), canvasmaker=_numbered_canvas(title, fmt.timestamp(generated)))
    pages: int = document.page
    return pages


def save_pdf(target: Path, render: Callable[[BinaryIO], int]) -> int:
    """Runs ``render`` into a temporary file that replaces ``target`` only when the PDF
    is complete, so a failure (or Cancel) never leaves half a report; returns the pages.

    Raises:
        UserError: the folder is missing or not writable, or the target is locked.
    """
    with atomic_writer(target, "wb") as handle:
        return render(cast(BinaryIO, handle))
