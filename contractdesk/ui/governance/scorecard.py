"""The scorecard on the vendor view: how the supplier did in the last 12 months, what
the reviews said over time, and what could go wrong (open risks, due-diligence issues).

Every number has its colour and its words, so it reads without colour too.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from contractdesk.services.access import DataAccess
from contractdesk.services.case_forms import SCORE_FIELDS
from contractdesk.services.risk_forms import ReviewScores, ScorecardView, scorecard_view
from contractdesk.ui.governance.words import (
    AMBER,
    GREEN,
    GREY,
    LEVEL_COLOURS,
    RED,
    RESULT_COLOURS,
    SCORE_COLOURS,
    gword,
    share_colour,
)
from contractdesk.ui.labels import Formats, word
from contractdesk.ui.qt import (
    QColor,
    QFont,
    QFrame,
    QGridLayout,
    QLabel,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QRectF,
    Qt,
    QVBoxLayout,
    QWidget,
)

MAX_REVIEWS_CHARTED = 6


class Tile(QFrame):
    """A headline figure: caption, big value in its colour, one line of explanation."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.caption = QLabel(caption)
        self.value = QLabel()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def set(self, value: str, detail: str, colour: str) -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {colour};")
        self.detail.setText(detail)


class ScoreChart(QWidget):
    """Reviews' scores over time: one group of five bars (1–5) per review, oldest left."""

    def __init__(self) -> None:
        super().__init__()
        self.reviews: list[ReviewScores] = []
        self.setMinimumHeight(170)
        self.setMaximumHeight(260)

    def set_reviews(self, reviews: list[ReviewScores]) -> None:
        self.reviews = reviews[-MAX_REVIEWS_CHARTED:]
        lines = [f"{Formats.date(r.review_date)}: " + ", ".join(
            f"{gword(name)} {score if score is not None else '—'}"
            for name, score in r.scores.items()) for r in self.reviews]
        self.setToolTip("\n".join(lines))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        line_height = metrics.height()
        legend_y = 2
        x = 0
        for name in SCORE_FIELDS:  # the legend, one line on top
            painter.fillRect(QRectF(x, legend_y + 3, 10, 10), QColor(SCORE_COLOURS[name]))
            painter.setPen(text_colour)
            label = gword(name)
            painter.drawText(int(x + 14), legend_y + metrics.ascent(), label)
            x += 14 + metrics.horizontalAdvance(label) + 16
        if not self.reviews:
            painter.drawText(0, legend_y + 2 * line_height + metrics.ascent(),
                             self.tr("No reviews yet."))
            painter.end()
            return
        axis = metrics.horizontalAdvance("5") + 6
        top = legend_y + line_height + 10
        bottom = self.height() - line_height - 6
        plot_height = bottom - top
        grid = QPen(self.palette().color(QPalette.ColorRole.Mid))
        grid.setStyle(Qt.PenStyle.DotLine)
        for score in range(1, 6):
            y = bottom - plot_height * score / 5
            painter.setPen(grid)
            painter.drawLine(axis, int(y), self.width(), int(y))
            painter.setPen(text_colour)
            painter.drawText(0, int(y + metrics.ascent() / 2), str(score))
        painter.setPen(text_colour)
        painter.drawLine(axis, bottom, self.width(), bottom)
        group_width = min(150.0, (self.width() - axis) / len(self.reviews))
        bar = (group_width - 16) / len(SCORE_FIELDS)
        for index, review in enumerate(self.reviews):
            left = axis + 8 + index * group_width
            for position, name in enumerate(SCORE_FIELDS):
                value = review.scores.get(name)
                if value is None:
                    continue
                height = plot_height * value / 5
                painter.fillRect(QRectF(left + position * bar, bottom - height, bar - 2,
                                        height), QColor(SCORE_COLOURS[name]))
            painter.setPen(text_colour)
            painter.drawText(int(left), bottom + metrics.ascent() + 4,
                             Formats.date(review.review_date))
        painter.end()


class ScorecardPanel(QWidget):
    """The Scorecard tab of the vendor view."""

    def __init__(self, data: DataAccess, today: Callable[[], dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = data
        self.today = today
        self.card: ScorecardView | None = None
        self.tiles = {
            "cases": Tile(self.tr("Support cases, last 12 months")),
            "sla": Tile(self.tr("Met the SLA")),
            "median": Tile(self.tr("Median time to resolve")),
            "risks": Tile(self.tr("Open risks")),
            "diligence": Tile(self.tr("Due diligence")),
        }
        tiles = QGridLayout()
        for column, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, 0, column)
            tiles.setColumnStretch(column, 1)
        self.chart_title = QLabel(self.tr("Review scores over time (1 poor – 5 excellent)"))
        bold = QFont(self.chart_title.font())
        bold.setBold(True)
        self.chart_title.setFont(bold)
        self.chart = ScoreChart()
        self.issues = QLabel()
        self.issues.setWordWrap(True)
        self.issues.setTextFormat(Qt.TextFormat.RichText)
        self.issues.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(tiles)
        layout.addSpacing(6)
        layout.addWidget(self.chart_title)
        layout.addWidget(self.chart)
        layout.addSpacing(6)
        layout.addWidget(self.issues)
        layout.addStretch(1)

    def show_organization(self, organization_id: int) -> None:
        card = self.access.read(scorecard_view, organization_id, self.today())
        self.card = card
        self.tiles["cases"].set(str(card.cases), self.tr("since {day}, {open} open").format(
            day=Formats.date(card.since), open=card.open), GREY if not card.cases else
            QPalette().color(QPalette.ColorRole.WindowText).name())
        share = card.share_met
        self.tiles["sla"].set(
            f"{share:.0%}" if share is not None else "—",
            self.tr("{met} of {judged} cases met it, {missed} missed").format(
                met=card.met, judged=card.judged, missed=card.judged - card.met)
            if card.judged else self.tr("no case could be judged"), share_colour(share))
        hours = card.median_hours
        self.tiles["median"].set(self.tr("{h:.1f} h").format(h=hours) if hours is not None
                                 else "—", self.tr("over resolved cases"), GREY)
        by_level = card.risks_by_level
        worst = next((level for level in ("high", "medium", "low") if by_level[level]), None)
        self.tiles["risks"].set(
            str(sum(by_level.values())),
            " · ".join(f"{by_level[level]} {word(level).lower()}"
                       for level in ("high", "medium", "low")),
            LEVEL_COLOURS[worst] if worst else GREEN)
        failed = sum(1 for i in card.diligence if i["reason"] == "failed")
        issues = len(card.diligence)
        if not card.diligence_checks:
            self.tiles["diligence"].set("—", self.tr("no checks recorded"), GREY)
        else:
            self.tiles["diligence"].set(
                self.tr("{n} issues").format(n=issues) if issues != 1 else self.tr("1 issue"),
                ", ".join(f"{gword(i['topic'])} {gword(i['reason']).lower()}"
                          for i in card.diligence) or self.tr("nothing failed or expired"),
                RED if failed else AMBER if issues else GREEN)
        self.chart.set_reviews(card.reviews)
        self.issues.setText(self._issues(card))

    def _issues(self, card: ScorecardView) -> str:
        e = html.escape
        lines = []
        for risk in card.risks:
            alternative = (self.tr(" — alternative: {name}").format(name=risk["alternative"])
                           if risk["alternative"] else "")
            lines.append(f"<span style='color:{LEVEL_COLOURS[risk['level']]}'>■</span> "
                         + e(self.tr("Risk {severity} ({level}): {text}").format(
                             severity=risk["severity"], level=word(risk["level"]).lower(),
                             text=risk["description"])) + e(alternative))
        for issue in card.diligence:
            day = issue["expires_on"] if issue["reason"] == "expired" else issue["checked_on"]
            lines.append(f"<span style='color:{RESULT_COLOURS[issue['reason']]}'>■</span> "
                         + e(self.tr("Due diligence: {topic} {reason}{on}").format(
                             topic=gword(issue["topic"]), reason=gword(issue["reason"]).lower(),
                             on=f" ({Formats.date(day)})" if day else "")))
        return "<br>".join(lines)
