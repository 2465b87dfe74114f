"""Lateness chart: who was late how often and for how long, and whether rescheduling
was offered every time it was required, painted with QPainter.

Two bars (the practitioner, the client) whose length is the average minutes late,
each with its figure written beside it ("late 3× · avg 7 min"), and a bar for the
share of notices that offered rescheduling when the threshold required it
("Rescheduling offered when required: 100 % (1 of 1)"). Nothing is carried by
colour alone: every figure is text, and the two sides differ in pattern as well as
label. ``texts()`` returns the strings drawn; the accessible description sums them up.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from clientcare.lateness import ClientLateOption, LatenessStats

MARGIN = 12
ROW = 26
BAR_HEIGHT = 12
LABEL_WIDTH = 110
FIGURE_WIDTH = 170  # room for "late 1234× · avg 123.5 min"
GAP = 8

CHOICE_WORDS: dict[str, str] = {
    ClientLateOption.SHORTEN.value: "shorter session",
    ClientLateOption.RESCHEDULE.value: "another time",
    ClientLateOption.PROCEED.value: "full session",
}


def format_minutes(minutes: float, locale: str | None = None) -> str:
    """An average in minutes as ``locale`` (the practice's) writes it: 12, or 7.5 (7,5 in de).

    Without a locale, the one Qt was started in.
    """
    numbers = QLocale(locale) if locale else QLocale()
    if float(minutes).is_integer():
        return numbers.toString(int(minutes))
    return numbers.toString(float(minutes), "f", 1)


class LatenessChart(QWidget):
    """Lateness both ways for one client or one period (``set_stats``)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        practitioner_label: str | None = None,
        client_label: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lateness_chart")
        self.setAccessibleName(self.tr("Lateness, both ways"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.practitioner_label = practitioner_label or self.tr("You")
        self.client_label = client_label or self.tr("The client")
        self.stats: LatenessStats | None = None
        self.practice_locale: str | None = None  # the practice's, for the figures
        self.set_stats(None)

    # ------------------------------------------------------------------ data

    def set_stats(self, stats: LatenessStats | None, locale: str | None = None) -> None:
        """Show ``stats``; figures written in ``locale`` (the practice's) if given."""
        if locale is not None:
            self.practice_locale = locale
        self.stats = stats
        self.setAccessibleDescription(self._description())
        self.updateGeometry()
        self.update()

    def is_empty(self) -> bool:
        stats = self.stats
        return stats is None or not (
            stats.practitioner_events or stats.client_events or stats.offers_required
        )

    def empty_text(self) -> str:
        return self.tr("No lateness recorded.")

    def side_figure(self, events: int, average: float) -> str:
        """One side in words: "late 3× · avg 7 min", or "not late"."""
        if events == 0:
            return self.tr("not late")
        return self.tr("late {n}× · avg {avg} min").format(
            n=events, avg=format_minutes(average, self.practice_locale)
        )

    def offers_text(self) -> str:
        stats = self.stats
        assert stats is not None
        if stats.offers_required == 0:
            return self.tr("Rescheduling offered when required: not required so far")
        return self.tr(
            "Rescheduling offered when required: {rate} % ({made} of {required})"
        ).format(
            rate=round(stats.offer_rate * 100),
            made=stats.offers_made,
            required=stats.offers_required,
        )

    def choices_text(self) -> str:
        """What late clients chose ("" when none chose yet)."""
        stats = self.stats
        if stats is None or not stats.client_choices:
            return ""
        parts = [
            f"{self.tr(CHOICE_WORDS.get(value, value))} {count}"
            for value, count in stats.client_choices.items()
        ]
        return self.tr("Late clients chose: {choices}").format(choices=" · ".join(parts))

    def _sides(self) -> list[tuple[str, int, float]]:
        stats = self.stats
        assert stats is not None
        return [
            (
                self.practitioner_label,
                stats.practitioner_events,
                stats.practitioner_average_minutes,
            ),
            (self.client_label, stats.client_events, stats.client_average_minutes),
        ]

    def texts(self) -> list[str]:
        """Every string the chart draws, in order."""
        if self.is_empty():
            return [self.empty_text()]
        drawn: list[str] = []
        for label, events, average in self._sides():
            drawn += [label, self.side_figure(events, average)]
        drawn.append(self.offers_text())
        if self.choices_text():
            drawn.append(self.choices_text())
        return drawn

    def _description(self) -> str:
        if self.is_empty():
            return self.empty_text()
        parts = [
            f"{label}: {self.side_figure(events, average)}."
            for label, events, average in self._sides()
        ]
        parts.append(self.offers_text() + ".")
        if self.choices_text():
            parts.append(self.choices_text() + ".")
        return " ".join(parts)

    # ---------------------------------------------------------------- sizing

    def _content_height(self) -> int:
        if self.is_empty():
            return 2 * MARGIN + ROW
        rows = 2 + 2 + (1 if self.choices_text() else 0)  # two sides, offers text + bar
        return 2 * MARGIN + ROW * rows

    def sizeHint(self) -> QSize:
        return QSize(480, self._content_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(340, self._content_height())

    # -------------------------------------------------------------- painting

    def _colours(self) -> tuple[QColor, QColor, QColor]:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        track = QColor(text)
        track.setAlpha(28)
        return text, track, palette.color(QPalette.ColorRole.Highlight)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        text, track, fill = self._colours()
        painter.setPen(text)
        if self.is_empty():
            painter.drawText(
                QRectF(self.rect()).adjusted(MARGIN, 0, -MARGIN, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.empty_text(),
            )
            painter.end()
            return
        metrics = painter.fontMetrics()
        width = self.width() - 2 * MARGIN
        bar_left = MARGIN + LABEL_WIDTH + GAP
        bar_width = max(width - LABEL_WIDTH - FIGURE_WIDTH - 2 * GAP, 20)
        figure_left = bar_left + bar_width + GAP
        sides = self._sides()
        longest = max((average for _label, events, average in sides if events), default=0.0)
        y = float(MARGIN)
        for index, (label, events, average) in enumerate(sides):
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(text)
            painter.drawText(
                QRectF(MARGIN, y, LABEL_WIDTH, ROW),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, LABEL_WIDTH),
            )
            painter.setFont(self.font())
            bar = QRectF(bar_left, y + (ROW - BAR_HEIGHT) / 2, bar_width, BAR_HEIGHT)
            painter.fillRect(bar, track)
            if events and longest > 0:
                filled = QRectF(
                    bar.left(), bar.top(), bar.width() * average / longest, bar.height()
                )
                # The client's bar is hatched, so the two sides differ without colour.
                if index == 0:
                    painter.fillRect(filled, fill)
                else:
                    painter.fillRect(filled, QBrush(fill, Qt.BrushStyle.BDiagPattern))
                    painter.setPen(QPen(fill, 1))
                    painter.drawRect(filled.adjusted(0.5, 0.5, -0.5, -0.5))
            painter.setPen(text)
            painter.drawText(
                QRectF(figure_left, y, self.width() - MARGIN - figure_left, ROW),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.side_figure(events, average),
            )
            y += ROW
        y += ROW / 2
        painter.drawText(
            QRectF(MARGIN, y, width, ROW),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(self.offers_text(), Qt.TextElideMode.ElideRight, width),
        )
        y += ROW
        stats = self.stats
        assert stats is not None
        bar = QRectF(MARGIN, y, width, BAR_HEIGHT)
        painter.fillRect(bar, track)
        if stats.offers_required:
            painter.fillRect(
                QRectF(bar.left(), bar.top(), bar.width() * stats.offer_rate, BAR_HEIGHT), fill
            )
        y += ROW / 2
        if self.choices_text():
            painter.setPen(text)
            painter.drawText(
                QRectF(MARGIN, y, width, ROW),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(self.choices_text(), Qt.TextElideMode.ElideRight, width),
            )
        painter.end()
