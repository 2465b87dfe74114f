"""A few short widgets side by side when there is room, one under the other when not."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLayout, QLayoutItem, QStyle, QWidget


class ColumnsThatFit(QWidget):
    """``widgets`` in a grid of up to ``columns`` columns: as many as the width allows.

    Its minimum width is one column's, so a narrow window stacks the widgets instead of
    making their form scroll sideways (where the last of them would be cut off).
    """

    def __init__(
        self, widgets: Iterable[QWidget], columns: int = 2, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._widgets = list(widgets)
        self._most = max(1, columns)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        # The widget's minimum is one column (minimumSizeHint), not the grid's current one.
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._columns = 0
        self._arrange(self._most)

    def columns(self) -> int:
        """How many columns the widgets are in now."""
        return self._columns

    def _spacing(self) -> int:
        spacing = self._grid.horizontalSpacing()
        if spacing < 0:
            spacing = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
        return max(0, spacing)

    def _width_for(self, columns: int) -> int:
        widest = max((widget.sizeHint().width() for widget in self._widgets), default=0)
        return columns * widest + (columns - 1) * self._spacing()

    def _fitting(self, width: int) -> int:
        columns = self._most
        while columns > 1 and self._width_for(columns) > width:
            columns -= 1
        return columns

    def _arrange(self, columns: int) -> None:
        for widget in self._widgets:
            self._grid.removeWidget(widget)
        for index, widget in enumerate(self._widgets):
            self._grid.addWidget(widget, index // columns, index % columns)
        self._columns = columns
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        # As narrow as one column; as tall as the rows are now (they are re-arranged, and
        # this asked again, when the width changes).
        return QSize(self._width_for(1), self._grid.sizeHint().height())

    def sizeHint(self) -> QSize:
        return self._grid.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        fitting = self._fitting(event.size().width())
        if fitting != self._columns:
            self._arrange(fitting)
        super().resizeEvent(event)


class FlowLayout(QLayout):
    """Widgets (buttons) left to right, going on to a new line when the width runs out
    (Qt's flow layout example): a row of actions is never cut at a narrow window."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        # One row: as wide as every item side by side.
        shown = [item for item in self._items if not item.isEmpty()]
        width = sum(item.sizeHint().width() for item in shown) + self._gap * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        # As narrow as the widest item: the others go on to new lines.
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize().expandedTo(item.sizeHint()))
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()
