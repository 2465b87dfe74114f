"""The month overview: a painted 6×7 grid with the day's appointments; click a day to open it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from clientcare import locale_format
from clientcare.schedule import MonthDay

HEADER = 26


def month_start_grid(month: dt.date) -> dt.date:
    """The Monday on or before the first of ``month``'s month."""
    first = month.replace(day=1)
    return first - dt.timedelta(days=first.isoweekday() - 1)


class MonthGrid(QWidget):
    day_activated = Signal(object)  # dt.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("month_grid")
        self.setAccessibleName(self.tr("Month overview"))
        self.month = dt.date.today().replace(day=1)
        self.days: dict[dt.date, MonthDay] = {}
        self.practice_locale = locale_format.DEFAULT_LOCALE  # the practice's; the screen sets it
        self._labels: dict[tuple[dt.date, int], str] = {}
        self.setMinimumHeight(420)

    def set_month(self, month: dt.date, days: dict[dt.date, MonthDay]) -> None:
        """Show ``month``: each day's count and its first few appointments (``days``)."""
        self.month = month.replace(day=1)
        self.days = days
        self._labels = {}
        total = sum(v.count for k, v in days.items() if k.month == self.month.month)
        self.setAccessibleDescription(
            self.tr("{n} appointments in {month}").format(
                n=total, month=locale_format.month_year(self.month, self.practice_locale)
            )
        )
        self.update()

    def _cell(self, index: int) -> QRectF:
        width = self.width() / 7
        height = (self.height() - HEADER) / 6
        return QRectF((index % 7) * width, HEADER + (index // 7) * height, width, height)

    def date_at(self, x: float, y: float) -> dt.date | None:
        if y < HEADER:
            return None
        column = int(x // (self.width() / 7))
        row = int((y - HEADER) // ((self.height() - HEADER) / 6))
        if not (0 <= column < 7 and 0 <= row < 6):
            return None
        return month_start_grid(self.month) + dt.timedelta(days=row * 7 + column)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        faint = QColor(text)
        faint.setAlpha(45)
        muted = QColor(text)
        muted.setAlpha(110)
        start = month_start_grid(self.month)
        width = self.width() / 7
        for column in range(7):
            name = locale_format.weekday_short(
                start + dt.timedelta(days=column), self.practice_locale
            )
            painter.setPen(text)
            painter.drawText(
                QRectF(column * width, 0, width, HEADER), Qt.AlignmentFlag.AlignCenter, name
            )
        bold = QFont(self.font())
        bold.setBold(True)
        line = painter.fontMetrics().height()
        today = dt.date.today()
        for index in range(42):
            day = start + dt.timedelta(days=index)
            cell = self._cell(index)
            if day == today:
                highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
                highlight.setAlpha(40)
                painter.fillRect(cell, highlight)
            painter.setPen(QPen(faint))
            painter.drawRect(cell)
            in_month = day.month == self.month.month
            painter.setPen(text if in_month else muted)
            painter.setFont(bold if day == today else self.font())
            painter.drawText(cell.adjusted(6, 3, -6, -3), Qt.AlignmentFlag.AlignLeft, str(day.day))
            painter.setFont(self.font())
            summary = self.days.get(day)
            if summary is None:
                continue
            entries, count = summary.first, summary.count
            room = max(int((cell.height() - line - 6) // line), 0)
            shown = entries if count <= room else entries[: max(room - 1, 0)]
            y = cell.top() + 3 + line
            for number, (moment, name) in enumerate(shown):
                label = painter.fontMetrics().elidedText(
                    self._label(day, number, moment, name),
                    Qt.TextElideMode.ElideRight,
                    int(cell.width() - 12),
                )
                painter.drawText(QRectF(cell.left() + 6, y, cell.width() - 12, line), label)
                y += line
            if len(shown) < count:
                painter.setPen(muted)
                painter.drawText(
                    QRectF(cell.left() + 6, y, cell.width() - 12, line),
                    self.tr("+{n} more").format(n=count - len(shown)),
                )
        painter.end()

    def _label(self, day: dt.date, number: int, moment: dt.time, name: str) -> str:
        """ "09:00 Annie", formatted once per month shown (not on every paint)."""
        key = (day, number)
        if key not in self._labels:
            self._labels[key] = f"{locale_format.time(moment, self.practice_locale)} {name}"
        return self._labels[key]

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        day = self.date_at(event.position().x(), event.position().y())
        if day is not None:
            self.day_activated.emit(day)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.mouseDoubleClickEvent(event)
