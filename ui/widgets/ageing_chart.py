"""Ageing chart: what is outstanding, by how long ago it was charged, painted with QPainter.

One vertical bar per bucket (current, 1–30, 31–60, 61–90, over 90 days), the
amount written above each bar and the bucket's name below it. All bars share
one calm colour (no red: a balance is not an alarm); they differ in pattern,
growing denser with age, so nothing depends on colour. ``texts()`` returns the
strings drawn; the accessible description sums them up.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from clientcare.money import BUCKET_LABELS, Bucket
from ui import labels

MARGIN = 10
FIGURE_HEIGHT = 20
LABEL_HEIGHT = 22
CHART_HEIGHT = 150
GAP = 14

#: Denser with age: the buckets differ without colour.
PATTERNS: dict[Bucket, Qt.BrushStyle] = {
    Bucket.CURRENT: Qt.BrushStyle.Dense6Pattern,
    Bucket.DAYS_1_30: Qt.BrushStyle.BDiagPattern,
    Bucket.DAYS_31_60: Qt.BrushStyle.DiagCrossPattern,
    Bucket.DAYS_61_90: Qt.BrushStyle.Dense3Pattern,
    Bucket.OVER_90: Qt.BrushStyle.SolidPattern,
}


class AgeingChart(QWidget):
    """Outstanding amounts by age (``set_data``); amounts are written, not only drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ageing_chart")
        self.setAccessibleName(self.tr("Outstanding by age"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.buckets: dict[Bucket, int] = {bucket: 0 for bucket in Bucket}
        self._format: Callable[[int], str] = str
        self.set_data({}, str)

    # ------------------------------------------------------------------ data

    def set_data(self, buckets: Mapping[Bucket, int], format_amount: Callable[[int], str]) -> None:
        """Show ``buckets`` (minor units); ``format_amount`` writes an amount ("£45.00")."""
        self.buckets = {bucket: int(buckets.get(bucket, 0)) for bucket in Bucket}
        self._format = format_amount
        self.setAccessibleDescription(self._description())
        self.update()

    def is_empty(self) -> bool:
        return not any(self.buckets.values())

    def empty_text(self) -> str:
        return self.tr("Nothing outstanding.")

    def label(self, bucket: Bucket) -> str:
        return labels.label(BUCKET_LABELS, bucket)

    def figure(self, bucket: Bucket) -> str:
        return self._format(self.buckets[bucket])

    def texts(self) -> list[str]:
        """Every string the chart draws: each bucket's amount, then its name."""
        drawn: list[str] = []
        for bucket in Bucket:
            drawn += [self.figure(bucket), self.label(bucket)]
        if self.is_empty():
            drawn.append(self.empty_text())
        return drawn

    def _description(self) -> str:
        if self.is_empty():
            return self.empty_text()
        return " ".join(f"{self.label(b)}: {self.figure(b)}." for b in Bucket)

    # ---------------------------------------------------------------- sizing

    def sizeHint(self) -> QSize:
        return QSize(520, CHART_HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(380, CHART_HEIGHT)

    # -------------------------------------------------------------- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        fill = palette.color(QPalette.ColorRole.Highlight)
        track = QColor(text)
        track.setAlpha(40)
        buckets = list(Bucket)
        slot = (self.width() - 2 * MARGIN) / len(buckets)
        bar_width = max(min(slot - GAP, 90.0), 12.0)
        top = MARGIN + FIGURE_HEIGHT
        baseline = self.height() - MARGIN - LABEL_HEIGHT
        room = max(baseline - top, 4)
        largest = max(self.buckets.values()) or 1
        metrics = painter.fontMetrics()
        for index, bucket in enumerate(buckets):
            amount = self.buckets[bucket]
            centre = MARGIN + slot * index + slot / 2
            height = room * amount / largest if amount else 0.0
            bar = QRectF(centre - bar_width / 2, baseline - height, bar_width, height)
            if height:
                painter.fillRect(bar, QBrush(fill, PATTERNS[bucket]))
                painter.setPen(QPen(fill, 1.2))
                painter.drawRect(bar.adjusted(0.5, 0.5, -0.5, -0.5))
            painter.setPen(text)
            figure_rect = QRectF(centre - slot / 2, bar.top() - FIGURE_HEIGHT, slot, FIGURE_HEIGHT)
            painter.drawText(
                figure_rect,
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                metrics.elidedText(self.figure(bucket), Qt.TextElideMode.ElideRight, int(slot)),
            )
            painter.drawText(
                QRectF(centre - slot / 2, baseline + 2, slot, LABEL_HEIGHT),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(self.label(bucket), Qt.TextElideMode.ElideRight, int(slot)),
            )
        painter.setPen(QPen(track, 1))
        painter.drawLine(MARGIN, int(baseline), self.width() - MARGIN, int(baseline))
        if self.is_empty():
            painter.setPen(text)
            painter.drawText(
                QRectF(MARGIN, MARGIN, self.width() - 2 * MARGIN, room),
                Qt.AlignmentFlag.AlignCenter,
                self.empty_text(),
            )
        painter.end()
