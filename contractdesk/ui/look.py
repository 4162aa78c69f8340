"""The application icon and the light/dark palette.

The icon is drawn here rather than shipped as a bitmap so it is sharp at every size
without an image plug-in. "system" keeps the platform's palette (Qt follows the
desktop's light or dark scheme); "light" and "dark" force one with the Fusion style.
The coloured strips (reminder banner, notes, the sample-data strip) take their colours
from :func:`strip_style`, so they follow the palette too; in dark mode the style redraws
the few standard icons Qt ships dark-only (the close and clear crosses) in the text
colour.
"""

from __future__ import annotations

from contractdesk.ui.qt import (
    QApplication,
    QBrush,
    QColor,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QPointF,
    QProxyStyle,
    QRectF,
    QSize,
    QStyle,
    QStyleOption,
    Qt,
    QWidget,
)

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# (background, text, border) of an information strip, light and dark
STRIP_COLOURS = {"warning": (("#fff4d6", "#4a3800", "#e0b000"),
                             ("#4a3d12", "#f5e6b8", "#8a6d12")),
                 "info": (("#e8f1fb", "#1d3b5c", "#9dbfe3"),
                          ("#1f3550", "#d6e6f7", "#3d6fb0"))}
CROSS_ICONS = (QStyle.StandardPixmap.SP_DialogCloseButton,
               QStyle.StandardPixmap.SP_TitleBarCloseButton,
               QStyle.StandardPixmap.SP_DockWidgetCloseButton,
               QStyle.StandardPixmap.SP_LineEditClearButton,
               QStyle.StandardPixmap.SP_DialogCancelButton)


def _icon_pixmap(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#2f6db5"))
    painter.drawRoundedRect(QRectF(0, 0, s, s), s * 0.18, s * 0.18)
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(QRectF(s * 0.24, s * 0.14, s * 0.52, s * 0.70), s * 0.05,
                            s * 0.05)
    painter.setBrush(QColor("#c9d8ec"))
    for row in range(3):
        painter.drawRect(QRectF(s * 0.32, s * (0.26 + 0.11 * row), s * 0.36, s * 0.05))
    check = QPainterPath(QPointF(s * 0.50, s * 0.70))
    check.lineTo(QPointF(s * 0.60, s * 0.80))
    check.lineTo(QPointF(s * 0.82, s * 0.54))
    pen = QPen(QColor("#2e9d5b"), max(1.5, s * 0.09))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(QBrush())
    painter.drawPath(check)
    painter.end()
    return pixmap


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(_icon_pixmap(size))
    return icon


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        # Inputs (Base) lighter than the window: Fusion draws their frames and check
        # boxes darker than the window, which vanished on a darker Base.
        role.Window: "#26282b", role.WindowText: "#e6e6e6", role.Base: "#313439",
        role.AlternateBase: "#383b41", role.ToolTipBase: "#3a3c40",
        role.ToolTipText: "#e6e6e6", role.Text: "#e6e6e6", role.Button: "#3a3d42",
        role.ButtonText: "#e6e6e6", role.BrightText: "#ff6b6b", role.Link: "#7fb2f0",
        role.Highlight: "#3d6fb0", role.HighlightedText: "#ffffff",
        role.PlaceholderText: "#8c8f94", role.Mid: "#4a4d52", role.Dark: "#18191b",
        role.Midlight: "#3f4246", role.Light: "#505358", role.Shadow: "#000000",
    }
    for colour_role, value in colours.items():
        palette.setColor(colour_role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for colour_role in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(disabled, colour_role, QColor("#7a7d82"))
    return palette


class DarkIcons(QProxyStyle):
    """Fusion, with the crosses on close and clear buttons in the text colour: Qt's
    own are dark grey, invisible on a dark button."""

    def standardIcon(self, standard_icon: QStyle.StandardPixmap,
                     option: QStyleOption | None = None,
                     widget: QWidget | None = None) -> QIcon:
        icon = super().standardIcon(standard_icon, option, widget)
        if standard_icon not in CROSS_ICONS:
            return icon
        colour = QApplication.palette().color(QPalette.ColorRole.WindowText)
        tinted = QIcon()
        for size in icon.availableSizes() or [QSize(16, 16)]:
            pixmap = icon.pixmap(size)
            painter = QPainter(pixmap)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
            painter.fillRect(pixmap.rect(), colour)
            painter.end()
            tinted.addPixmap(pixmap)
        return tinted


def apply_theme(app: QApplication, theme: str) -> None:
    """``theme`` is "system", "light" or "dark" (see ``settings.THEMES``)."""
    if theme == "system":
        return
    if theme == "dark":
        app.setStyle(DarkIcons("Fusion"))
        app.setPalette(dark_palette())
    else:
        app.setStyle("Fusion")
        app.setPalette(app.style().standardPalette())


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def strip_style(name: str, palette: QPalette, kind: str = "warning") -> str:
    """The style sheet of the tool bar (or label) ``name``: a coloured information
    strip that stays readable on the light and the dark palette."""
    background, text, border = STRIP_COLOURS[kind][is_dark(palette)]
    return (f"#{name} {{ background: {background}; color: {text}; "
            f"border-bottom: 1px solid {border}; }} #{name} QLabel {{ color: {text}; }}")


def note_style(palette: QPalette) -> str:
    """A boxed note inside a form, in the information colours of the palette."""
    background, text, border = STRIP_COLOURS["info"][is_dark(palette)]
    return (f"background: {background}; color: {text}; border: 1px solid {border}; "
            "border-radius: 4px; padding: 6px;")
