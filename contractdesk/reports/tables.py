"""Data tables with proportional columns, a repeated header row and wrapping cells."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Table

from contractdesk.reports.styles import fit, grid_style, styles

Cell = object  # text, or a reportlab Flowable


@dataclass(frozen=True, slots=True)
class Column:
    """A column's header, its share of the page width, and whether it holds amounts."""

    header: str
    share: float
    right: bool = False


def column_widths(columns: Sequence[Column], width: float) -> list[float]:
    total = sum(column.share for column in columns)
    return [width * column.share / total for column in columns]


def header_row(columns: Sequence[Column], widths: Sequence[float]) -> list[Cell]:
    s = styles()
    return [fit(c.header, w, s.header_cell_right if c.right else s.header_cell)
            for c, w in zip(columns, widths, strict=True)]


def data_table(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], width: float,
               extra: Sequence[tuple[object, ...]] = ()) -> Table:
    """A table filling ``width``, its header repeated on every page it spans.

    ``rows`` are the body rows; text cells should already be passed through
    :func:`~contractdesk.reports.styles.fit` with the widths from :func:`column_widths`.
    """
    widths = column_widths(columns, width)
    table = Table([header_row(columns, widths), *rows], colWidths=widths, repeatRows=1,
                  hAlign="LEFT")
    style = grid_style()
    for index, column in enumerate(columns):
        if column.right:
            style.add("ALIGN", (index, 0), (index, -1), "RIGHT")
    for command in extra:
        style.add(*command)
    table.setStyle(style)
    return table
