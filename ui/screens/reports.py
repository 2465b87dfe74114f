"""Reports: how the practice keeps its service principles, and lateness both ways."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clientcare import adherence, lateness, locale_format, referrals
from clientcare.practice import get_settings
from ui.models.referrals import SortRole, SourceColumn, SourceReportModel
from ui.ops import Changes, Operations
from ui.theme import SPACE_L, SPACE_M, empty_state, set_heading
from ui.when_shown import WhenShown
from ui.widgets.adherence_chart import AdherenceChart
from ui.widgets.fields import localise_date_edit
from ui.widgets.lateness_chart import LatenessChart, format_minutes
from ui.widgets.scope_choice import ScopeChoice


class ReportsScreen(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.practice_locale = locale_format.DEFAULT_LOCALE  # the practice's, read on each refresh
        title = QLabel(self.tr("Service principles: done when they applied"))
        title.setObjectName("reports_title")
        title.setWordWrap(True)
        set_heading(title, "title")
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
            localise_date_edit(edit, self.practice_locale)  # the practice's: refresh()
            edit.dateChanged.connect(self.refresh)
        self.first.setAccessibleName(self.tr("Report from"))
        self.last.setAccessibleName(self.tr("Report to"))
        # Your clients' contacts first (the whole practice's on request): in a group
        # practice of fifty, the practice's year is most of a million answers.
        self.scope_choice = ScopeChoice(ops)
        self.scope_choice.changed.connect(self.refresh)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("From")))
        period.addWidget(self.first)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.last)
        period.addStretch(1)
        period.addWidget(self.scope_choice)
        self.chart = AdherenceChart()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        # No finalised contact in the period: say so, and how the report fills in.
        self.adherence_empty = empty_state(object_name="adherence_empty")
        self.adherence_empty.setFrameShape(QLabel.Shape.StyledPanel)
        self.adherence_body = QStackedWidget()
        self.adherence_body.addWidget(scroll)
        self.adherence_body.addWidget(self.adherence_empty)
        self.adherence_scroll = scroll
        # The chart scrolls: a few of its rows at the least, so the report fits a
        # 600-pixel screen with the running-late and referral-source boxes below it.
        self.adherence_body.setMinimumHeight(60)
        self.lateness_box = QGroupBox(self.tr("Running late"))
        self.lateness_box.setObjectName("lateness_report")
        self.lateness_summary = QLabel()
        self.lateness_summary.setObjectName("lateness_summary")
        self.lateness_summary.setWordWrap(True)
        self.lateness_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lateness_chart = LatenessChart(
            practitioner_label=self.tr("Practitioners"), client_label=self.tr("Clients")
        )
        lateness_layout = QVBoxLayout(self.lateness_box)
        lateness_layout.addWidget(self.lateness_chart)
        lateness_layout.addWidget(self.lateness_summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_L, SPACE_M, SPACE_L, SPACE_M)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addLayout(period)
        layout.addWidget(self.adherence_body, 1)
        layout.addWidget(self.lateness_box)
        layout.addWidget(self._build_sources())
        # Read again for a change made elsewhere when the report is next seen.
        self._when_shown = WhenShown(
            self,
            ops,
            self._on_changes,
            Changes.INTERACTIONS
            | Changes.APPOINTMENTS
            | Changes.SETTINGS
            | Changes.REFERRALS
            | Changes.CLIENTS,
        )
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes & Changes.SETTINGS:  # who "you" are, and whether to offer the choice
            self.scope_choice.reload()
        self.refresh()

    def refresh(self) -> None:
        def as_date(edit: QDateEdit) -> dt.date:
            day = edit.date()
            return dt.date(day.year(), day.month(), day.day())

        start, end = as_date(self.first), as_date(self.last)
        scope = self.scope_choice.scope()
        rows, months, locale = self.ops.read(
            lambda s: (
                adherence.adherence(s, start=start, end=end, scope=scope),
                adherence.adherence_by_month(s, today=end, scope=scope),
                get_settings(s).locale,
            )
        )
        self.practice_locale = locale
        for edit in (self.first, self.last):
            localise_date_edit(edit, locale)
        self.chart.set_data(rows, months, locale=locale)
        self.adherence_empty.setText(
            self.tr(
                "No contact was finalised between {first} and {last}.\n\n"
                "This report fills in as you finalise sessions and calls: open one from "
                "Today or a client's page, answer its checklist, and press Finalise."
            ).format(first=locale_format.day(start, locale), last=locale_format.day(end, locale))
        )
        self.adherence_body.setCurrentWidget(
            self.adherence_empty if self.chart.is_empty() else self.adherence_scroll
        )
        first = dt.datetime.combine(start, dt.time())
        after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
        stats = self.ops.read(
            lambda s: lateness.lateness_stats(s, start=first, end=after, scope=scope)
        )
        self.lateness_summary.setText(self.lateness_text(stats))
        self.lateness_chart.set_stats(stats, locale=locale)
        sources = self.ops.read(lambda s: referrals.referral_sources_report(s, start, end, scope))
        self.sources_model.set_rows(sources)
        self._fit_sources(len(sources))
        self.sources_table.setVisible(bool(sources))
        self.sources_empty.setVisible(not sources)

    def _fit_sources(self, rows: int) -> None:
        """As tall as its rows (up to six; more scroll): no empty band below a short list."""
        shown = max(1, min(rows, 6))
        self.sources_table.setMaximumHeight(
            self._sources_row_height * shown
            + self.sources_table.horizontalHeader().sizeHint().height()
            + 2 * self.sources_table.frameWidth()
        )

    def _build_sources(self) -> QGroupBox:
        """Who referred clients in the period, and how many came to a first appointment."""
        box = QGroupBox(self.tr("Referral sources"))
        box.setObjectName("referral_sources_report")
        self.sources_model = SourceReportModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.sources_model)
        proxy.setSortRole(SortRole)
        self.sources_table = QTableView()
        self.sources_table.setTabKeyNavigation(False)  # Tab leaves the table
        self.sources_table.setObjectName("referral_sources_table")
        self.sources_table.setModel(proxy)
        # The report's own order (most referrals first, "Not recorded" last) until a header
        # is clicked.
        self.sources_table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.sources_table.setSortingEnabled(True)
        self.sources_table.verticalHeader().hide()
        self.sources_table.setAlternatingRowColors(True)
        # Rows as compact as the other lists; up to six sources shown without scrolling.
        row_height = self.sources_table.fontMetrics().height() + 10
        self.sources_table.verticalHeader().setDefaultSectionSize(row_height)
        self._sources_row_height = row_height
        self._fit_sources(6)
        self.sources_table.setAccessibleName(self.tr("Referral sources"))
        header = self.sources_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SourceColumn.SOURCE, QHeaderView.ResizeMode.Stretch)
        self.sources_empty = QLabel(
            self.tr(
                "No client in this period has a referral source recorded. Record who "
                "referred a client on their page, under “Referred by”."
            )
        )
        self.sources_empty.setObjectName("referral_sources_empty")
        self.sources_empty.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.sources_table)
        layout.addWidget(self.sources_empty)
        return box

    def lateness_text(self, stats: lateness.LatenessStats) -> str:
        """The period's lateness, both ways, as plain lines."""
        lines = []
        if stats.practitioner_events:
            lines.append(
                self.tr("Practitioners ran late {n}× (avg {avg} min).").format(
                    n=stats.practitioner_events,
                    avg=format_minutes(stats.practitioner_average_minutes, self.practice_locale),
                )
            )
        else:
            lines.append(self.tr("Practitioners did not run late."))
        if stats.client_events:
            lines.append(
                self.tr("Clients arrived late {n}× (avg {avg} min).").format(
                    n=stats.client_events,
                    avg=format_minutes(stats.client_average_minutes, self.practice_locale),
                )
            )
        else:
            lines.append(self.tr("Clients did not arrive late."))
        if stats.offers_required:
            lines.append(
                self.tr(
                    "Rescheduling offered when required: {rate} % ({made} of {required})"
                ).format(
                    rate=round(stats.offer_rate * 100),
                    made=stats.offers_made,
                    required=stats.offers_required,
                )
            )
        else:
            lines.append(
                self.tr("Rescheduling offered when required: no notice in the period needed it")
            )
        return "\n".join(lines)
