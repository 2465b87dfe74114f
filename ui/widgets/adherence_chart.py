"""Adherence chart: a bar per principle (how often it was done when it applied) and a
small monthly column chart of the overall done-rate, painted with QPainter.

Every figure is also written as text ("83 % (10 of 12)"), so nothing is carried by
colour alone; ``texts()`` returns the strings drawn and the accessible description
sums them up for a screen reader.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from clientcare import locale_format
from clientcare.adherence import PeriodAdherence, PrincipleAdherence

MARGIN = 12
ROW = 28
HEADER = 26
BAR_HEIGHT = 12
MONTH_CHART = 64
MONTH_LABEL = 18
FIGURE_WIDTH = 120  # room for "100 % (1234 of 1234)" and "not yet applied"
LABEL_SHARE = 0.45  # of the width at least, for the principle's number and text
MIN_BAR = 160  # a wide chart gives the labels its room beyond this, so they are not cut


def percent(rate: float) -> str:
    return f"{round(rate * 100)} %"


class AdherenceChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adherence_chart")
        self.setAccessibleName(self.tr("Adherence to the service principles"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.rows: list[PrincipleAdherence] = []
        self.months: list[PeriodAdherence] = []
        self.practice_locale = locale_format.DEFAULT_LOCALE  # the practice's; given with the data
        self.set_data([], [])

    # ------------------------------------------------------------------ data

    def set_data(
        self,
        rows: list[PrincipleAdherence],
        months: list[PeriodAdherence],
        locale: str | None = None,
    ) -> None:
        """Show ``rows`` and ``months``; month names in ``locale`` (the practice's) if given."""
        if locale is not None:
            self.practice_locale = locale
        self.rows = list(rows)
        self.months = list(months)
        self.setAccessibleDescription(self._description())
        self.updateGeometry()
        self.update()

    def is_empty(self) -> bool:
        """Nothing final to show: no principle applied and no month with a figure."""
        return not any(r.applied for r in self.rows) and not any(m.applied for m in self.months)

    def empty_text(self) -> str:
        return self.tr("Nothing to show yet: adherence appears once contacts are finalised.")

    def label(self, row: PrincipleAdherence) -> str:
        return f"{row.number}. {row.text}"

    def figure(self, row: PrincipleAdherence) -> str:
        """The rate in words: "83 % (10 of 12)", or why there is none."""
        if row.applied == 0:
            return self.tr("not yet applied")
        rate = row.rate
        if rate is None:
            return self.tr("not applicable ({n})").format(n=row.not_applicable)
        return self.tr("{percent} ({done} of {counted})").format(
            percent=percent(rate), done=row.done, counted=row.counted
        )

    def month_figure(self, month: PeriodAdherence) -> str:
        return "–" if month.rate is None else percent(month.rate)

    def month_label(self, month: PeriodAdherence) -> str:
        return locale_format.month_short(month.period_start, self.practice_locale)

    def principles_title(self) -> str:
        return self.tr("Done when it applied, per principle (final contacts)")

    def months_title(self) -> str:
        title = self.tr("Done, all principles, by month")
        if len(self.months) > 1:
            first, last = self.months[0].period_start, self.months[-1].period_start
            title += (
                f" ({locale_format.month_year_short(first, self.practice_locale)} – "
                f"{locale_format.month_year_short(last, self.practice_locale)})"
            )
        return title

    def texts(self) -> list[str]:
        """Every string the chart draws (principle labels in full, before eliding)."""
        if self.is_empty():
            return [self.empty_text()]
        drawn = [self.principles_title()]
        for row in self.rows:
            drawn += [self.label(row), self.figure(row)]
        if self.months:
            drawn.append(self.months_title())
            for month in self.months:
                drawn += [self.month_figure(month), self.month_label(month)]
        return drawn

    def _description(self) -> str:
        if self.is_empty():
            return self.empty_text()
        parts = [f"{self.label(row)}: {self.figure(row)}" for row in self.rows]
        text = "; ".join(parts) + "."
        if self.months:
            by_month = ", ".join(
                f"{locale_format.month_year_short(m.period_start, self.practice_locale)} "
                f"{self.month_figure(m)}"
                for m in self.months
            )
            text += " " + self.tr("By month: {months}.").format(months=by_month)
        return text

    # ---------------------------------------------------------------- sizing

    def _content_height(self) -> int:
        if self.is_empty():
            return 2 * MARGIN + 3 * HEADER
        height = 2 * MARGIN + HEADER + ROW * len(self.rows)
        if self.months:
            height += MARGIN + HEADER + MONTH_CHART + MONTH_LABEL
        return height

    def sizeHint(self) -> QSize:
        return QSize(520, self._content_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(360, self._content_height())

    # -------------------------------------------------------------- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        if self.is_empty():
            painter.setPen(text)
            painter.drawText(
                QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text(),
            )
            painter.end()
            return
        y = self._paint_principles(painter, MARGIN)
        if self.months:
            self._paint_months(painter, y + MARGIN)
        painter.end()

    def _title(self, painter: QPainter, y: float, title: str) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        width = self.width() - 2 * MARGIN
        painter.drawText(
            QRectF(MARGIN, y, width, HEADER),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, width),
        )
        painter.setFont(self.font())

    def _colours(self) -> tuple[QColor, QColor, QColor, QColor]:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlpha(150)
        track = QColor(text)
        track.setAlpha(28)
        return text, muted, track, palette.color(QPalette.ColorRole.Highlight)

    def _label_width(self, width: int) -> int:
        """The share of ``width`` for labels: all of the widest label, if the bars keep room."""
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.label(r)) for r in self.rows), default=0)
        room = width - 8 - FIGURE_WIDTH - 8 - MIN_BAR
        return int(max(width * LABEL_SHARE, min(widest + 4, room)))

    def row_at(self, point: QPoint) -> PrincipleAdherence | None:
        """The principle whose row is under ``point``, if any."""
        if self.is_empty():
            return None
        index = (point.y() - MARGIN - HEADER) // ROW
        inside = point.y() >= MARGIN + HEADER and 0 <= index < len(self.rows)
        return self.rows[index] if inside else None

    def event(self, event: QEvent) -> bool:
        # A label cut short on a narrow window is still there in full, under the pointer.
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self.row_at(event.pos())
            if row is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), f"{self.label(row)}: {self.figure(row)}", self)
            return True
        return super().event(event)

    def _paint_principles(self, painter: QPainter, top: float) -> float:
        text, muted, track, fill = self._colours()
        self._title(painter, top, self.principles_title())
        width = self.width() - 2 * MARGIN
        label_width = self._label_width(width)
        bar_left = MARGIN + label_width + 8
        bar_width = max(width - label_width - 8 - FIGURE_WIDTH - 8, 20)
        figure_left = bar_left + bar_width + 8
        metrics = painter.fontMetrics()
        y = top + HEADER
        for row in self.rows:
            painter.setPen(text)
            painter.drawText(
                QRectF(MARGIN, y, label_width, ROW),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(self.label(row), Qt.TextElideMode.ElideRight, label_width),
            )
            bar = QRectF(bar_left, y + (ROW - BAR_HEIGHT) / 2, bar_width, BAR_HEIGHT)
            painter.fillRect(bar, track)
            rate = row.rate
            if rate is not None and rate > 0:
                painter.fillRect(
                    QRectF(bar.left(), bar.top(), bar.width() * rate, BAR_HEIGHT), fill
                )
            painter.setPen(text if rate is not None else muted)
            painter.drawText(
                QRectF(figure_left, y, self.width() - MARGIN - figure_left, ROW),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.figure(row),
            )
            y += ROW
        return y

    def _paint_months(self, painter: QPainter, top: float) -> None:
        text, muted, track, fill = self._colours()
        self._title(painter, top, self.months_title())
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1, 6))
        painter.setFont(small)
        metrics = painter.fontMetrics()
        width = self.width() - 2 * MARGIN
        slot = width / len(self.months)
        column = min(slot * 0.6, 28)
        figure_height = metrics.height()
        chart_top = top + HEADER + figure_height
        chart_height = MONTH_CHART - figure_height
        baseline = chart_top + chart_height
        # All figures or none, so a missing one never reads as "no data".
        show_figures = all(
            metrics.horizontalAdvance(self.month_figure(m)) + 4 <= slot for m in self.months
        )
        label_every = 1
        while label_every < len(self.months) and any(
            metrics.horizontalAdvance(self.month_label(m)) + 4 > slot * label_every
            for m in self.months
        ):
            label_every += 1
        painter.setPen(QPen(track))
        painter.drawLine(MARGIN, int(baseline), MARGIN + width, int(baseline))
        for index, month in enumerate(self.months):
            left = MARGIN + index * slot
            bar = QRectF(left + (slot - column) / 2, chart_top, column, chart_height)
            rate = month.rate
            if rate is not None:
                painter.fillRect(bar, track)
                filled = chart_height * rate
                painter.fillRect(QRectF(bar.left(), baseline - filled, column, filled), fill)
            if show_figures:
                painter.setPen(text if rate is not None else muted)
                figure_top = (
                    chart_top - figure_height if rate is not None else baseline - figure_height
                )
                painter.drawText(
                    QRectF(left, figure_top, slot, figure_height),
                    Qt.AlignmentFlag.AlignCenter,
                    self.month_figure(month),
                )
            if (len(self.months) - 1 - index) % label_every == 0:
                painter.setPen(muted)
                painter.drawText(
                    QRectF(
                        left + slot / 2 - slot * label_every / 2,
                        baseline + 2,
                        slot * label_every,
                        MONTH_LABEL,
                    ),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    self.month_label(month),
                )
        painter.setFont(self.font())
