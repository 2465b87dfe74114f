"""Reports: for now, how the practice keeps its service principles, over time."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clientcare import adherence
from ui.ops import Changes, Operations
from ui.widgets.adherence_chart import AdherenceChart


class ReportsScreen(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        title = QLabel(self.tr("Service principles: done when they applied"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        explain = QLabel(
            self.tr(
                "For finalised contacts in the period: how often each principle applied and "
                "was done. “Does not apply” answers are left out of the rate."
            )
        )
        explain.setWordWrap(True)
        today = QDate.currentDate()
        self.first = QDateEdit(today.addYears(-1).addDays(1))
        self.last = QDateEdit(today)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.dateChanged.connect(self.refresh)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("From")))
        period.addWidget(self.first)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.last)
        period.addStretch(1)
        self.chart = AdherenceChart()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addLayout(period)
        layout.addWidget(scroll, 1)
        ops.changed.connect(
            lambda changes: self.refresh() if changes & Changes.INTERACTIONS else None
        )
        self.refresh()

    def refresh(self) -> None:
        def as_date(edit: QDateEdit) -> dt.date:
            day = edit.date()
            return dt.date(day.year(), day.month(), day.day())

        start, end = as_date(self.first), as_date(self.last)
        rows, months = self.ops.read(
            lambda s: (
                adherence.adherence(s, start=start, end=end),
                adherence.adherence_by_month(s, today=end),
            )
        )
        self.chart.set_data(rows, months)
