"""A field's message line: always one line high, so a message appearing never moves the
fields below it (a click would land in the wrong field, typed text in another).

A message longer than the line is cut with "…"; the whole of it is the line's tooltip.
"""

from __future__ import annotations

from contractdesk.ui.qt import (
    QColor,
    QLabel,
    QPainter,
    QPaintEvent,
    QPalette,
    QSize,
    Qt,
    QWidget,
)

ERROR_COLOUR = "#d64545"  # readable on light and dark backgrounds


class MessageLine(QLabel):
    """A one-line label whose height is reserved whether or not it shows a message, and
    whose width never widens the form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(ERROR_COLOUR))
        self.setPalette(palette)
        self.setFixedHeight(self.fontMetrics().height() + 2)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def sizeHint(self) -> QSize:
        return QSize(0, self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                              self.width())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignLeft
                                          | Qt.AlignmentFlag.AlignVCenter), shown)
        painter.end()
