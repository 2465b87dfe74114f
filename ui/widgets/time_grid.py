"""A day/week time grid painted with QPainter: appointments as blocks, busy time shaded.

It presents plain ``GridBlock`` values and reports what the person did (double-click
on a slot or a block, drag a block to another slot); the screen decides what that means.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from clientcare import locale_format
from ui.theme import APPOINTMENT_STATUS

SLOT_MINUTES = 15
HEADER_HEIGHT = 34
GUTTER_WIDTH = 56
HOUR_HEIGHT = 56

#: Status colours (Okabe–Ito, from ui.theme); every status is also written in the
#: block with its mark, and cancelled ones are struck through: never colour alone.
STATUS_COLOURS = APPOINTMENT_STATUS
INACTIVE = {"cancelled", "late_cancelled", "rescheduled"}
#: The "now" line across today (Okabe–Ito vermillion: stands out from every status).
NOW_COLOUR = "#D55E00"


@dataclass(frozen=True)
class GridBlock:
    """One thing on the grid: an appointment (``kind`` "appointment") or busy time."""

    id: int
    kind: str
    start: dt.datetime
    end: dt.datetime
    title: str
    detail: str
    status: str
    accessible_text: str
    #: The practitioner's colour for the stripe at its left edge (the whole practice's
    #: calendar; the practitioner is also named in ``detail``); None: the status's colour.
    stripe: str | None = None

    @property
    def movable(self) -> bool:
        return self.kind == "appointment" and self.status in {"scheduled"}


def block_title(block: GridBlock) -> str:
    """A block's first line: the name first, so it survives a narrow block, then the
    status's mark (the status word is in the detail; scheduled and busy need neither)."""
    if block.status in {"scheduled", "busy"}:
        return block.title
    style = STATUS_COLOURS.get(block.status, STATUS_COLOURS["scheduled"])
    return f"{block.title} {style.mark}"


class TimeGrid(QWidget):
    slot_activated = Signal(object)  # dt.datetime of the slot double-clicked
    block_activated = Signal(int)  # appointment id double-clicked
    block_dropped = Signal(int, object)  # appointment id, new start (dt.datetime)
    day_step = Signal(int)  # -1 / +1 from the arrow keys

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("time_grid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Appointments grid"))
        self.first_day = dt.date.today()
        self.practice_locale = locale_format.DEFAULT_LOCALE  # the practice's; the screen sets it
        self.days = 7
        self.first_hour = 8
        self.last_hour = 19
        #: Pixels per hour: HOUR_HEIGHT, or more so the day fills the height it is given.
        self.hour_height = float(HOUR_HEIGHT)
        self._fill_height = 0
        # "Now" moves on: the line is drawn again every minute.
        self._now_timer = QTimer(self)
        self._now_timer.setInterval(60_000)
        self._now_timer.timeout.connect(self.update)
        self._now_timer.start()
        self.blocks: list[GridBlock] = []
        self._drag: GridBlock | None = None
        self._drag_offset = dt.timedelta()
        self._drag_target: dt.datetime | None = None
        self._press_pos: QPoint | None = None
        self._drag_candidate: GridBlock | None = None
        #: The (lane, lanes) of each block shown, by the block object's identity.
        self._lanes: dict[int, tuple[int, int]] = {}

    # -- data ------------------------------------------------------------------

    def set_range(self, first_day: dt.date, days: int) -> None:
        self.first_day = first_day
        self.days = days
        self.update()

    def set_hours(self, first_hour: int, last_hour: int) -> None:
        self.first_hour = max(0, first_hour)
        self.last_hour = min(24, max(last_hour, self.first_hour + 1))
        self._fit()

    def fill_height(self, height: int) -> None:
        """Stretch the hours so the day fills ``height`` (the scroll area's view), never
        below HOUR_HEIGHT an hour: no empty band under the last hour on a tall screen."""
        self._fill_height = height
        self._fit()

    def _fit(self) -> None:
        hours = self.last_hour - self.first_hour
        room = (self._fill_height - HEADER_HEIGHT - 12) / max(hours, 1)
        self.hour_height = max(float(HOUR_HEIGHT), room)
        self.setFixedHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def set_blocks(self, blocks: list[GridBlock]) -> None:
        """Show ``blocks``; the visible hours widen to fit anything outside them."""
        self.blocks = sorted(blocks, key=lambda b: (b.start, b.end))
        lanes = self._assign_lanes(self.blocks)
        self._lanes = {id(block): lanes[index] for index, block in enumerate(self.blocks)}
        if blocks:
            earliest = min(b.start.hour for b in blocks)
            latest = max(b.end.hour + (1 if b.end.minute else 0) for b in blocks)
            self.set_hours(min(self.first_hour, earliest), max(self.last_hour, latest))
        self.setAccessibleDescription(
            "; ".join(b.accessible_text for b in self.blocks) or self.tr("No appointments")
        )
        self.update()

    @staticmethod
    def _assign_lanes(blocks: list[GridBlock]) -> dict[int, tuple[int, int]]:
        """Side-by-side lanes for overlapping blocks: index → (lane, lanes in its cluster)."""
        lanes: dict[int, tuple[int, int]] = {}
        cluster: list[int] = []
        lane_ends: list[dt.datetime] = []
        cluster_end: dt.datetime | None = None
        for index, block in enumerate(blocks):
            if cluster_end is not None and block.start >= cluster_end:
                for member in cluster:
                    lanes[member] = (lanes[member][0], len(lane_ends))
                cluster, lane_ends, cluster_end = [], [], None
            for lane, end in enumerate(lane_ends):
                if end <= block.start:
                    lane_ends[lane] = block.end
                    break
            else:
                lane = len(lane_ends)
                lane_ends.append(block.end)
            lanes[index] = (lane, 0)
            cluster.append(index)
            cluster_end = block.end if cluster_end is None else max(cluster_end, block.end)
        for member in cluster:
            lanes[member] = (lanes[member][0], len(lane_ends))
        return lanes

    def sizeHint(self) -> QSize:
        hours = self.last_hour - self.first_hour
        return QSize(
            GUTTER_WIDTH + 120 * self.days, int(HEADER_HEIGHT + hours * self.hour_height + 12)
        )

    # -- geometry ----------------------------------------------------------------

    def column_width(self) -> float:
        return (self.width() - GUTTER_WIDTH) / max(self.days, 1)

    def y_for(self, moment: dt.time | dt.datetime) -> float:
        minutes = (moment.hour - self.first_hour) * 60 + moment.minute
        return HEADER_HEIGHT + minutes * self.hour_height / 60

    def block_rect(self, block: GridBlock) -> QRectF | None:
        day_index = (block.start.date() - self.first_day).days
        if not 0 <= day_index < self.days:
            return None
        x = GUTTER_WIDTH + day_index * self.column_width()
        top = self.y_for(block.start)
        end = block.end if block.end.date() == block.start.date() else dt.time(23, 59)
        bottom = self.y_for(end)
        lane, lanes = self._lanes.get(id(block), (0, 1))
        width = (self.column_width() - 5) / max(lanes, 1)
        return QRectF(x + 2 + lane * width, top + 1, width - 1, max(bottom - top - 2, 14))

    def slot_at(self, pos: QPoint) -> dt.datetime | None:
        """The start of the 15-minute slot under ``pos`` (None outside the grid)."""
        if pos.x() < GUTTER_WIDTH or pos.y() < HEADER_HEIGHT:
            return None
        day_index = int((pos.x() - GUTTER_WIDTH) // self.column_width())
        if not 0 <= day_index < self.days:
            return None
        minutes = int((pos.y() - HEADER_HEIGHT) * 60 / self.hour_height)
        minutes -= minutes % SLOT_MINUTES
        day = self.first_day + dt.timedelta(days=day_index)
        start = dt.datetime.combine(day, dt.time(0)) + dt.timedelta(
            hours=self.first_hour, minutes=minutes
        )
        if start.date() != day:
            return None
        return start

    def block_at(self, pos: QPoint) -> GridBlock | None:
        for block in reversed(self.blocks):
            rect = self.block_rect(block)
            if rect is not None and rect.contains(pos):
                return block
        return None

    def point_for(self, moment: dt.datetime) -> QPoint:
        """The centre of the slot starting at ``moment`` (for tests and accessibility)."""
        day_index = (moment.date() - self.first_day).days
        x = GUTTER_WIDTH + (day_index + 0.5) * self.column_width()
        y = self.y_for(moment) + self.hour_height * SLOT_MINUTES / 60 / 2
        return QPoint(int(x), int(y))

    # -- painting ------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Base))
        # The grid's lines are straight and on whole pixels: drawn without antialiasing
        # (a dashed antialiased line across the week costs milliseconds each).
        self._paint_grid(painter, palette)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        exposed = QRectF(event.rect())
        for block in self.blocks:  # only those in the part being painted
            rect = self.block_rect(block)
            if rect is not None and rect.intersects(exposed):
                self._paint_block(painter, block, dragging=block is self._drag, rect=rect)
        if self._drag is not None and self._drag_target is not None:
            ghost = GridBlock(
                self._drag.id,
                "ghost",
                self._drag_target,
                self._drag_target + (self._drag.end - self._drag.start),
                self._drag.title,
                locale_format.time(self._drag_target, self.practice_locale),
                "scheduled",
                "",
            )
            self._paint_block(painter, ghost, dragging=False, ghost=True)
        self._paint_now(painter)
        painter.end()

    def now(self) -> dt.datetime:
        return dt.datetime.now()

    def now_line_y(self) -> tuple[float, float, float] | None:
        """Where "now" is drawn: (y, left, right) across today's column, or None when today
        or this hour is not shown."""
        now = self.now()
        day_index = (now.date() - self.first_day).days
        if not 0 <= day_index < self.days or not self.first_hour <= now.hour < self.last_hour:
            return None
        left = GUTTER_WIDTH + day_index * self.column_width()
        return self.y_for(now), left, left + self.column_width()

    def _paint_now(self, painter: QPainter) -> None:
        where = self.now_line_y()
        if where is None:
            return
        y, left, right = where
        colour = QColor(NOW_COLOUR)
        painter.setPen(QPen(colour, 2))
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(left + 1, y), 4, 4)

    def _paint_grid(self, painter: QPainter, palette: QPalette) -> None:
        text = palette.color(QPalette.ColorRole.Text)
        faint = QColor(text)
        faint.setAlpha(40)
        fainter = QColor(text)
        fainter.setAlpha(18)
        width = self.column_width()
        today = dt.date.today()
        header_font = QFont(self.font())
        header_font.setBold(True)
        for index in range(self.days):
            day = self.first_day + dt.timedelta(days=index)
            x = GUTTER_WIDTH + index * width
            rect = QRectF(x, 0, width, HEADER_HEIGHT)
            if day == today:
                highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
                highlight.setAlpha(40)
                painter.fillRect(QRectF(x, 0, width, self.height()), highlight)
            if day.isoweekday() >= 6:
                painter.fillRect(QRectF(x, HEADER_HEIGHT, width, self.height()), fainter)
            painter.setFont(header_font if day == today else self.font())
            painter.setPen(text)
            label = painter.fontMetrics().elidedText(
                locale_format.weekday_day_short(day, self.practice_locale),
                Qt.TextElideMode.ElideRight,
                int(width - 4),
            )
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
            painter.setPen(QPen(faint))
            painter.drawLine(int(x), 0, int(x), self.height())
        painter.setFont(self.font())
        for hour in range(self.first_hour, self.last_hour + 1):
            y = self.y_for(dt.time(hour % 24))
            if hour == 24:
                y = HEADER_HEIGHT + (24 - self.first_hour) * self.hour_height
            painter.setPen(QPen(faint))
            painter.drawLine(GUTTER_WIDTH, int(y), self.width(), int(y))
            half = y + self.hour_height / 2
            if hour < self.last_hour:
                painter.setPen(QPen(fainter, 1, Qt.PenStyle.DashLine))
                painter.drawLine(GUTTER_WIDTH, int(half), self.width(), int(half))
            painter.setPen(text)
            if hour < 24:
                painter.drawText(
                    QRect(0, int(y) - 8, GUTTER_WIDTH - 8, 16),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    locale_format.time(dt.time(hour % 24), self.practice_locale),
                )
        painter.setPen(QPen(faint))
        painter.drawLine(0, HEADER_HEIGHT, self.width(), HEADER_HEIGHT)

    def _paint_block(
        self,
        painter: QPainter,
        block: GridBlock,
        *,
        dragging: bool,
        ghost: bool = False,
        rect: QRectF | None = None,
    ) -> None:
        rect = rect or self.block_rect(block)
        if rect is None:
            return
        style = STATUS_COLOURS.get(block.status, STATUS_COLOURS["scheduled"])
        fill, border = style.fill(), style.qcolor()
        if dragging:
            fill.setAlpha(90)
        if ghost:
            fill.setAlpha(150)
        pen = QPen(border, 1.2)
        if block.kind == "busy" or ghost:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 4, 4)
        stripe = QColor(block.stripe) if block.stripe else border
        painter.fillRect(
            QRectF(rect.left(), rect.top(), 5 if block.stripe else 4, rect.height()), stripe
        )
        inner = rect.adjusted(8, 2, -4, -2)
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setStrikeOut(block.status in INACTIVE)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        painter.setFont(title_font)
        line = painter.fontMetrics().height()
        title = block_title(block)
        metrics = painter.fontMetrics()
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(inner.width())),
        )
        painter.setFont(self.font())
        metrics = painter.fontMetrics()
        small = metrics.height()
        top = inner.top() + line
        # Whole lines only, each cut with "…" if too wide: never half a line at the foot.
        for text in block.detail.splitlines():
            if top + small > inner.bottom() + 1:
                break
            painter.drawText(
                QRectF(inner.left(), top, inner.width(), small),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(inner.width())),
            )
            top += small

    def event(self, event: QEvent) -> bool:
        """A block's tooltip says all of it (what a narrow block had to cut)."""
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            block = self.block_at(event.pos())
            if block is not None:
                QToolTip.showText(event.globalPos(), block.accessible_text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # -- interaction ---------------------------------------------------------------

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        block = self.block_at(pos)
        if block is not None:
            if block.kind == "appointment":
                self.block_activated.emit(block.id)
            return
        slot = self.slot_at(pos)
        if slot is not None:
            self.slot_activated.emit(slot)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position().toPoint()
        block = self.block_at(pos)
        if block is not None and block.movable:
            self._press_pos = pos
            slot = self.slot_at(pos)
            self._drag_offset = (slot - block.start) if slot else dt.timedelta()
            self._drag_candidate = block

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._press_pos is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if self._drag is None and (pos - self._press_pos).manhattanLength() > 6:
                self._drag = self._drag_candidate
            if self._drag is not None:
                slot = self.slot_at(pos)
                self._drag_target = (slot - self._drag_offset) if slot else None
                self.update()
            return
        block = self.block_at(pos)
        if block is not None:
            QToolTip.showText(event.globalPosition().toPoint(), block.accessible_text, self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        dragged, target = self._drag, self._drag_target
        self._drag = None
        self._drag_target = None
        self._press_pos = None
        self.update()
        if dragged is not None and target is not None and target != dragged.start:
            self.block_dropped.emit(dragged.id, target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Left:
            self.day_step.emit(-1)
        elif event.key() == Qt.Key.Key_Right:
            self.day_step.emit(1)
        else:
            super().keyPressEvent(event)
