"""Bar charts for the reports, drawn with reportlab.graphics so they print as vectors and
their labels stay text (searchable, and readable by the PDF tests).

Two shapes cover what the reports need: stacked bars (parts of one total per category,
e.g. spent and committed per year) and grouped bars (the same thing side by side, e.g.
an agreement's price in each term). Both take the series by name, the category labels
and a title, and return a flowable as wide as asked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus.flowables import Flowable

from contractdesk.reports.fonts import BOLD, REGULAR, register_fonts
from contractdesk.reports.styles import ACCENT, INK, MUTED, RULE, text_width

Number = float | int | Decimal
ValueFormat = Callable[[float], str]

# Dark to light, so that the first series (the firm part, e.g. "spent") is the heaviest.
PALETTE = (ACCENT, colors.HexColor("#8fb3d9"), colors.HexColor("#d9a441"),
           colors.HexColor("#6b8e5a"), colors.HexColor("#b3261e"), colors.HexColor("#7a6a9a"))
HEIGHT = 44 * mm
TITLE_SIZE = 8.5
LABEL_SIZE = 6.5
LEGEND_ROOM = 9 * mm


def stacked_bars(series: Mapping[str, Sequence[Number]], labels: Sequence[str], title: str,
                 *, width: float, height: float = HEIGHT,
                 value_format: ValueFormat | None = None) -> Flowable:
    """One bar per label, each series a segment of it (in the order given)."""
    return _bars(series, labels, title, width, height, value_format, stacked=True)


def grouped_bars(series: Mapping[str, Sequence[Number]], labels: Sequence[str], title: str,
                 *, width: float, height: float = HEIGHT,
                 value_format: ValueFormat | None = None) -> Flowable:
    """One group per label, a bar per series side by side."""
    return _bars(series, labels, title, width, height, value_format, stacked=False)


def _bars(series: Mapping[str, Sequence[Number]], labels: Sequence[str], title: str,
          width: float, height: float, value_format: ValueFormat | None, *,
          stacked: bool) -> Drawing:
    register_fonts()
    names = list(series)
    left = 20 * mm
    slot = (width - left) / max(1, len(labels))
    # labels wider than their bar's slot are drawn at an angle rather than overlapping
    tilted = any(text_width(label, REGULAR, LABEL_SIZE) > slot - 2 for label in labels)
    bottom = LEGEND_ROOM + (14 * mm if tilted else 5 * mm)
    drawing = Drawing(width, height)
    drawing.add(String(0, height - TITLE_SIZE, title, fontName=BOLD, fontSize=TITLE_SIZE,
                       fillColor=ACCENT))
    chart = VerticalBarChart()
    chart.x, chart.y = left, bottom
    chart.width, chart.height = width - left - 2 * mm, height - bottom - TITLE_SIZE - 4 * mm
    chart.data = [[float(value) for value in series[name]] for name in names]
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.style = "stacked" if stacked else "parallel"
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.fillColor = INK
    if tilted:
        chart.categoryAxis.labels.angle = 35
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.categoryAxis.labels.dx, chart.categoryAxis.labels.dy = 2, -2
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.valueMin = 0
    if value_format is not None:
        chart.valueAxis.labelTextFormat = value_format
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for index in range(len(names)):
        chart.bars[index].fillColor = PALETTE[index % len(PALETTE)]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.alignment = "right"
    legend.x, legend.y = left, 3 * mm
    legend.columnMaximum = 1
    legend.fontName, legend.fontSize = REGULAR, LABEL_SIZE + 0.5
    legend.fillColor = INK
    legend.dx = legend.dy = 6
    legend.deltax = max(15 * mm, (width - left) / max(1, len(names)))
    legend.strokeColor = None
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], name) for i, name in enumerate(names)]
    drawing.add(legend)
    return drawing
