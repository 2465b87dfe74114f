"""A few short widgets side by side when there is room, one under the other when not."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLayout, QStyle, QWidget


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
