"""The Follow-ups screen: issues in triage order, expectations to review, check-ins
with consent, and contact attempts with the prospects pipeline — four tabs.

Every rule (triage order, the escalation budget, when a check-in is due, who gets a
suggestion) is clientcare.followups'; this screen shows what it returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from clientcare import followups, locale_format
from clientcare.db.models import IssueStatus
from clientcare.errors import NotFoundError, ValidationError
from clientcare.followups import (
    OUTCOME_LABELS,
    SET_BY_LABELS,
    STAGE_LABELS,
    CheckInDue,
    ExpectationRow,
    IssueRow,
    PipelineStage,
    ProspectConversion,
    ProspectRow,
)
from clientcare.practice import get_settings
from ui import labels
from ui.dialogs.followups import (
    CheckInDialog,
    CheckInTemplateDialog,
    ConsentDialog,
    ContactAttemptDialog,
    DeclineDialog,
    ExpectationDialog,
    IssueDialog,
    ResolveIssueDialog,
    ReviewExpectationDialog,
    SnoozeDialog,
    chosen_client,
    client_picker,
    error_messages,
)
from ui.models.followups import (
    AttemptColumn,
    AttemptTableModel,
    CheckInColumn,
    CheckInTableModel,
    ExpectationColumn,
    ExpectationTableModel,
    IdRole,
    IssueColumn,
    IssueTableModel,
    ProspectColumn,
    ProspectTableModel,
    SortRole,
    short_date,
    urgency_text,
)
from ui.ops import Changes, Operations
from ui.theme import notice_style
from ui.widgets.columns import fit_columns
from ui.widgets.fields import error_label

BANNER_STYLE = notice_style("error", "6px 10px")
INFO_STYLE = notice_style("info", "6px 10px")
_WATCHED = (
    Changes.FOLLOWUPS
    | Changes.CLIENTS
    | Changes.INTERACTIONS
    | Changes.APPOINTMENTS
    | Changes.SETTINGS  # the practice's locale writes the dates
)


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def multiline(text: str) -> str:
    return esc(text.strip()).replace("\n", "<br>")


def make_table(name: str, accessible: str, model: Any, parent: QWidget) -> QTableView:
    """A sortable, single-selection table over ``model`` through a proxy sorting by SortRole."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    table = QTableView()
    table.setObjectName(name)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    table.setAccessibleName(accessible)
    return table


def filter_by_client(table: QTableView, search: QLineEdit, column: int) -> None:
    """Typing in ``search`` narrows ``table`` to rows whose client name contains the text."""
    proxy = table.model()
    assert isinstance(proxy, QSortFilterProxyModel)
    proxy.setFilterKeyColumn(column)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    search.textChanged.connect(proxy.setFilterFixedString)


def detail_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def empty_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
    label.hide()
    return label


def search_box(name: str, placeholder: str) -> QLineEdit:
    box = QLineEdit()
    box.setObjectName(name)
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    box.setAccessibleName(placeholder)
    return box


def button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.clicked.connect(lambda _checked=False: slot())
    return widget


class _Panel(QWidget):
    """What the tabs share: the operation runner, today, dialogs, and a selected row."""

    def __init__(self, screen: FollowUpsScreen) -> None:
        super().__init__()
        self.screen = screen
        self.ops = screen.ops
        self.action_error = error_label("action_error")

    def today(self) -> dt.date:
        return self.screen.today()

    def day(self, day: dt.date | None) -> str:
        """``day`` in the practice's locale, or an empty string."""
        return short_date(day, self.screen.locale)

    def run_dialog(self, dialog: QDialog) -> bool:
        return self.screen.run_dialog(dialog)

    @staticmethod
    def selected_id(table: QTableView) -> int | None:
        index = table.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    @staticmethod
    def select_id(table: QTableView, model: Any, row_id: int) -> bool:
        row = model.row_for_id(row_id)
        if row is None:
            return False
        proxy = table.model()
        index = proxy.mapFromSource(model.index(row, 0))
        table.setCurrentIndex(index)
        table.scrollTo(index)
        return True

    def keep_selection(self, table: QTableView, model: Any, keep: int | None) -> None:
        """Select ``keep`` again after a refresh, or the first row if it is gone."""
        if keep is not None and self.select_id(table, model, keep):
            return
        if table.model().rowCount():
            table.setCurrentIndex(table.model().index(0, 0))

    @staticmethod
    def resort(table: QTableView) -> None:
        header = table.horizontalHeader()
        table.model().sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def act(self, action: Callable[[Session], Any], changes: Changes) -> bool:
        """Run an immediate action (no dialog); a refusal shows under the list."""
        self.action_error.hide()
        try:
            self.ops.run(action, changes)
        except (ValidationError, NotFoundError) as error:
            self.action_error.setText(f"\u26a0 {error_messages(error)}")
            self.action_error.show()
            return False
        return True


# --------------------------------------------------------------------------
# Issues
# --------------------------------------------------------------------------


class IssuesPanel(_Panel):
    def __init__(self, screen: FollowUpsScreen) -> None:
        super().__init__(screen)
        self.model = IssueTableModel(self)
        self.search = search_box("issue_search", self.tr("Search client, issue or notes"))
        self.show_filter = QComboBox()
        self.show_filter.setObjectName("issue_filter")
        self.show_filter.setAccessibleName(self.tr("Show issues"))
        self.show_filter.addItem(self.tr("Open issues"), False)
        self.show_filter.addItem(self.tr("Open and resolved"), True)
        self.new_button = button(self.tr("&New issue…"), "new_issue", self.new_issue)
        self.banner = QLabel()
        self.banner.setObjectName("escalation_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setAccessibleName(self.tr("Escalation budget"))
        self.banner.hide()
        self.table = make_table(
            "issue_table", self.tr("Issues, most urgent first"), self.model, self
        )
        self.table.sortByColumn(IssueColumn.URGENCY, Qt.SortOrder.AscendingOrder)
        fit_columns(self.table, prose=(IssueColumn.TITLE, IssueColumn.IMPACT))
        self.empty = empty_label("issues_empty")
        self.count_label = QLabel()
        self.count_label.setObjectName("issue_count")
        self.detail = detail_label("issue_detail")
        self.edit_button = button(self.tr("Edit…"), "edit_issue", self.edit_issue)
        self.resolve_button = button(self.tr("Resolve…"), "resolve_issue", self.resolve_issue)
        self.reopen_button = button(self.tr("Reopen"), "reopen_issue", self.reopen_issue)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_filter)
        top.addWidget(self.new_button)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for widget in (self.reopen_button, self.resolve_button, self.edit_button):
            actions.addWidget(widget)
        detail_box = QFrame()
        detail_box.setFrameShape(QFrame.Shape.StyledPanel)
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.addWidget(self.detail, 1)
        detail_layout.addWidget(self.action_error)
        detail_layout.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.empty, 3)
        layout.addWidget(self.count_label)
        layout.addWidget(detail_box, 1)
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.show_filter.currentIndexChanged.connect(lambda _index: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.doubleClicked.connect(lambda _index: self.edit_issue())

    def refresh(self) -> None:
        today, text = self.today(), self.search.text()
        include_resolved = bool(self.show_filter.currentData())
        keep = self.selected_id(self.table)
        rows, budget = self.ops.read(
            lambda s: (
                followups.list_issues(s, today=today, include_resolved=include_resolved, text=text),
                followups.escalation_budget(s),
            )
        )
        self.model.set_rows(rows)
        self.resort(self.table)
        self.banner.setText("\u26a0 " + budget.message)
        self.banner.setVisible(budget.over_budget)
        open_rows = [r for r in rows if r.status is IssueStatus.OPEN]
        self.count_label.setText(
            self.tr("{open} open · {urgent} crisis or high").format(
                open=len(open_rows),
                urgent=sum(1 for r in open_rows if r.urgency in followups.URGENT),
            )
        )
        if not rows:
            self.empty.setText(
                self.tr("No issue matches “{text}”.").format(text=text.strip())
                if text.strip()
                else self.tr(
                    "No open issues. When a client needs something resolved, click “New issue…” "
                    "and rank it by its true urgency."
                )
            )
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.keep_selection(self.table, self.model, keep)
        self._show_current()

    def current(self) -> IssueRow | None:
        issue_id = self.selected_id(self.table)
        row = self.model.row_for_id(issue_id) if issue_id is not None else None
        return self.model.rows[row] if row is not None else None

    def _show_current(self) -> None:
        row = self.current()
        self.action_error.hide()
        self.edit_button.setEnabled(row is not None and row.status is IssueStatus.OPEN)
        self.resolve_button.setEnabled(row is not None and row.status is IssueStatus.OPEN)
        self.reopen_button.setEnabled(row is not None and row.status is IssueStatus.RESOLVED)
        if row is None:
            self.detail.setText(self.tr("Choose an issue to see it here."))
            return
        self.detail.setText(self.describe(row))

    def describe(self, row: IssueRow) -> str:
        lines = [
            f"<b>{esc(row.title)}</b> · {esc(row.client_full_name or row.client_name)} · "
            f"{esc(urgency_text(row.urgency))}",
        ]
        when = self.tr("Raised {day}").format(day=self.day(row.raised_on))
        if row.status is IssueStatus.OPEN:
            when += self.tr(", waiting {n} days").format(n=row.waiting_days)
        if row.due_on:
            when += self.tr("; due {day}").format(day=self.day(row.due_on))
            if row.overdue:
                when += " — <b>" + self.tr("overdue") + "</b>"
        lines.append(when + ".")
        if row.impact:
            lines.append(self.tr("<b>Impact:</b> {text}").format(text=esc(row.impact)))
        if row.description:
            lines.append(multiline(row.description))
        if row.status is IssueStatus.RESOLVED:
            lines.append(
                self.tr("<b>Resolved {day}:</b> {note}").format(
                    day=self.day(row.resolved_on), note=multiline(row.resolution_note)
                )
            )
        return "<br>".join(lines)

    def new_issue(self) -> None:
        dialog = IssueDialog(self.ops, parent=self)
        if self.run_dialog(dialog):
            self._after(dialog.stored)

    def edit_issue(self) -> None:
        row = self.current()
        if row is None or row.status is not IssueStatus.OPEN:
            return
        dialog = IssueDialog(self.ops, row, parent=self)
        if self.run_dialog(dialog):
            self._after(dialog.stored)

    def resolve_issue(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = ResolveIssueDialog(self.ops, row, parent=self)
        if self.run_dialog(dialog):
            self._after(dialog.stored)

    def reopen_issue(self) -> None:
        row = self.current()
        if row is None:
            return
        today = self.today()
        if self.act(lambda s: followups.reopen_issue(s, row.id, today=today), Changes.FOLLOWUPS):
            self.refresh()
            self.select_id(self.table, self.model, row.id)

    def _after(self, stored: IssueRow | None) -> None:
        self.refresh()
        if stored is not None:
            self.select_id(self.table, self.model, stored.id)


# --------------------------------------------------------------------------
# Expectations
# --------------------------------------------------------------------------


class ExpectationsPanel(_Panel):
    def __init__(self, screen: FollowUpsScreen) -> None:
        super().__init__(screen)
        self.model = ExpectationTableModel(self)
        self.search = search_box("expectation_search", self.tr("Search client or expectation"))
        self.record_button = button(
            self.tr("&Record…"), "record_expectation", self.record_expectation
        )
        self.intro = QLabel(
            self.tr(
                "What was set or promised, by the practice or the client, until it has been "
                "reviewed together. Those due come up in the pre-session brief and on Today."
            )
        )
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(INFO_STYLE)
        self.table = make_table(
            "expectation_table", self.tr("Expectations not reviewed yet"), self.model, self
        )
        self.table.sortByColumn(ExpectationColumn.REVIEW, Qt.SortOrder.AscendingOrder)
        fit_columns(self.table, prose=(ExpectationColumn.EXPECTATION,))
        self.empty = empty_label("expectations_empty")
        self.count_label = QLabel()
        self.count_label.setObjectName("expectation_count")
        self.detail = detail_label("expectation_detail")
        self.review_button = button(self.tr("Review…"), "review_expectation", self.review)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.record_button)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.review_button)
        detail_box = QFrame()
        detail_box.setFrameShape(QFrame.Shape.StyledPanel)
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.addWidget(self.detail, 1)
        detail_layout.addWidget(self.action_error)
        detail_layout.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.empty, 3)
        layout.addWidget(self.count_label)
        layout.addWidget(detail_box, 1)
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.doubleClicked.connect(lambda _index: self.review())

    def refresh(self) -> None:
        today, text = self.today(), self.search.text()
        keep = self.selected_id(self.table)
        rows = self.ops.read(lambda s: followups.open_expectations(s, today=today, text=text))
        self.model.today = today
        self.model.set_rows(rows)
        self.resort(self.table)
        due = sum(1 for r in rows if r.due)
        self.count_label.setText(
            self.tr("{due} due for review · {n} not reviewed yet").format(due=due, n=len(rows))
        )
        if not rows:
            self.empty.setText(
                self.tr("No expectation matches “{text}”.").format(text=text.strip())
                if text.strip()
                else self.tr("Every expectation has been reviewed.")
            )
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.keep_selection(self.table, self.model, keep)
        self._show_current()

    def current(self) -> ExpectationRow | None:
        row_id = self.selected_id(self.table)
        row = self.model.row_for_id(row_id) if row_id is not None else None
        return self.model.rows[row] if row is not None else None

    def _show_current(self) -> None:
        row = self.current()
        self.action_error.hide()
        self.review_button.setEnabled(row is not None)
        if row is None:
            self.detail.setText(self.tr("Choose an expectation to see it here."))
            return
        lines = [
            f"<b>{esc(row.client_full_name or row.client_name)}</b>: "
            f"“{multiline(row.description)}”",
            self.tr("Set by {who} on {day}; review on {review} ({outcome}).").format(
                who=labels.label(SET_BY_LABELS, row.set_by).lower(),
                day=self.day(row.set_on),
                review=self.day(row.review_on) or self.tr("no date"),
                outcome=labels.label(OUTCOME_LABELS, row.outcome).lower(),
            ),
        ]
        if row.conversation_note:
            lines.append(multiline(row.conversation_note))
        self.detail.setText("<br>".join(lines))

    def record_expectation(self) -> None:
        dialog = ExpectationDialog(self.ops, parent=self)
        if self.run_dialog(dialog):
            self.refresh()
            if dialog.stored is not None:
                self.select_id(self.table, self.model, dialog.stored.id)

    def review(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = ReviewExpectationDialog(self.ops, row, parent=self)
        if self.run_dialog(dialog):
            self.refresh()


# --------------------------------------------------------------------------
# Check-ins
# --------------------------------------------------------------------------


class CheckInsPanel(_Panel):
    def __init__(self, screen: FollowUpsScreen) -> None:
        super().__init__(screen)
        self.model = CheckInTableModel(self)
        self.intro = QLabel(
            self.tr(
                "Check-ins due for clients who said yes to them, an interval after the last "
                "contact of any kind. Nobody without consent ever appears here."
            )
        )
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(INFO_STYLE)
        self.table = make_table("checkin_table", self.tr("Check-ins due"), self.model, self)
        self.table.sortByColumn(CheckInColumn.DUE, Qt.SortOrder.AscendingOrder)
        self.search = search_box("checkin_search", self.tr("Search client"))
        filter_by_client(self.table, self.search, CheckInColumn.CLIENT)
        fit_columns(self.table, stretch=(CheckInColumn.CHANNEL,))
        self.empty = empty_label("checkins_empty")
        self.count_label = QLabel()
        self.count_label.setObjectName("checkin_count")
        self.draft_button = button(self.tr("&Draft…"), "draft_checkin", self.draft)
        self.snooze_button = button(self.tr("&Snooze…"), "snooze_checkin", self.snooze)
        self.wording_button = button(self.tr("Wording…"), "checkin_wording", self.edit_wording)
        self.wording_button.setToolTip(self.tr("The practice's check-in message"))
        self.consent_client = client_picker(self.ops, None)
        self.consent_client.setObjectName("consent_client")
        self.consent_client.setAccessibleName(self.tr("Client whose consent to record"))
        self.consent_button = button(self.tr("Consent…"), "record_consent", self.record_consent)
        self.consent_button.setToolTip(
            self.tr("Record what a client said about check-ins: yes, no, or withdrawn")
        )
        actions = QHBoxLayout()
        actions.addWidget(self.draft_button)
        actions.addWidget(self.snooze_button)
        actions.addStretch(1)
        actions.addWidget(self.wording_button)
        consent_box = QGroupBox(self.tr("Consent to check-ins"))
        consent_layout = QHBoxLayout(consent_box)
        consent_layout.addWidget(QLabel(self.tr("What did the client say? Record it for")))
        self.consent_client.setMinimumWidth(280)
        consent_layout.addWidget(self.consent_client)
        consent_layout.addWidget(self.consent_button)
        consent_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.search)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.empty, 3)
        layout.addWidget(self.count_label)
        layout.addLayout(actions)
        layout.addWidget(self.action_error)
        layout.addWidget(consent_box)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.draft())

    def refresh(self) -> None:
        today = self.today()
        keep = self.selected_id(self.table)
        rows = self.ops.read(lambda s: followups.checkins_due(s, today=today))
        self.consent_client.refresh()
        self.model.today = today
        self.model.set_rows(rows)
        self.resort(self.table)
        self.count_label.setText(
            self.tr("1 check-in due")
            if len(rows) == 1
            else self.tr("{n} check-ins due").format(n=len(rows))
        )
        self.empty.setText(
            self.tr(
                "No check-ins due. They appear here for clients who consented, once their "
                "interval has passed since the last contact."
            )
        )
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.keep_selection(self.table, self.model, keep)
        self._update_buttons()

    def current(self) -> CheckInDue | None:
        client_id = self.selected_id(self.table)
        row = self.model.row_for_id(client_id) if client_id is not None else None
        return self.model.rows[row] if row is not None else None

    def _update_buttons(self) -> None:
        has = self.current() is not None
        self.draft_button.setEnabled(has)
        self.snooze_button.setEnabled(has)

    def draft(self) -> None:
        row = self.current()
        if row is None:
            return
        self.action_error.hide()
        try:
            dialog = self.screen.make_checkin_dialog(row.client_id)
        except (ValidationError, NotFoundError) as error:  # consent changed meanwhile
            self.action_error.setText(f"\u26a0 {error_messages(error)}")
            self.action_error.show()
            self.refresh()
            return
        self.run_dialog(dialog)
        self.refresh()

    def snooze(self) -> None:
        row = self.current()
        if row is None:
            return
        if self.run_dialog(SnoozeDialog(self.ops, row, parent=self)):
            self.refresh()

    def record_consent(self) -> None:
        client_id = chosen_client(self.consent_client) or (
            self.current().client_id if self.current() else None
        )
        if client_id is None:
            self.action_error.setText("\u26a0 " + self.tr("Choose the client first."))
            self.action_error.show()
            return
        self.action_error.hide()
        if self.run_dialog(ConsentDialog(self.ops, client_id, parent=self)):
            self.refresh()

    def edit_wording(self) -> None:
        self.run_dialog(CheckInTemplateDialog(self.ops, parent=self))


# --------------------------------------------------------------------------
# Contact attempts and prospects
# --------------------------------------------------------------------------

PERIODS: tuple[tuple[str, int], ...] = (
    (QT_TRANSLATE_NOOP("labels", "the last 90 days"), 90),
    (QT_TRANSLATE_NOOP("labels", "the last 12 months"), 365),
    (QT_TRANSLATE_NOOP("labels", "the last 30 days"), 30),
)


class ContactsPanel(_Panel):
    def __init__(self, screen: FollowUpsScreen) -> None:
        super().__init__(screen)
        self.attempts_model = AttemptTableModel(self)
        self.prospects_model = ProspectTableModel(self)

        attempts_box = QGroupBox(self.tr("Calls and messages not returned"))
        self.attempts_note = QLabel(
            self.tr(
                "Suggestions only: nobody is closed automatically. Patience \u2014 and "
                "respect for their choice."
            )
        )
        self.attempts_note.setWordWrap(True)
        self.attempts_table = make_table(
            "attempt_table", self.tr("Unreturned contact attempts"), self.attempts_model, self
        )
        self.attempts_table.setWordWrap(True)
        line = self.attempts_table.fontMetrics().height()
        self.attempts_table.verticalHeader().setDefaultSectionSize(2 * line + 14)
        self.attempts_table.sortByColumn(AttemptColumn.ATTEMPTS, Qt.SortOrder.DescendingOrder)
        fit_columns(self.attempts_table, prose=(AttemptColumn.SUGGESTION,))
        self.attempts_empty = empty_label("attempts_empty")
        self.log_button = button(self.tr("&Log attempt…"), "log_attempt", self.log_attempt)
        attempts_layout = QVBoxLayout(attempts_box)
        attempts_top = QHBoxLayout()
        attempts_top.addWidget(self.attempts_note, 1)
        attempts_top.addWidget(self.log_button)
        attempts_layout.addLayout(attempts_top)
        attempts_layout.addWidget(self.attempts_table, 1)
        attempts_layout.addWidget(self.attempts_empty, 1)

        pipeline_box = QGroupBox(self.tr("Prospects"))
        self.stage_counts = QLabel()
        self.stage_counts.setObjectName("stage_counts")
        self.prospects_table = make_table(
            "prospect_table", self.tr("Prospects"), self.prospects_model, self
        )
        self.prospects_table.sortByColumn(ProspectColumn.INQUIRED, Qt.SortOrder.AscendingOrder)
        self.search = search_box("prospect_search", self.tr("Search prospects"))
        self.search.setMinimumWidth(220)
        filter_by_client(self.prospects_table, self.search, ProspectColumn.CLIENT)
        fit_columns(self.prospects_table, stretch=(ProspectColumn.CLIENT,))
        self.prospects_empty = empty_label("prospects_empty")
        self.consultation_button = button(
            self.tr("Consultation booked"), "stage_consultation", self.to_consultation
        )
        self.client_button = button(self.tr("Became a client"), "stage_client", self.to_client)
        self.decline_button = button(self.tr("Declined…"), "stage_declined", self.decline)
        stage_actions = QHBoxLayout()
        stage_actions.addWidget(self.search)
        stage_actions.addWidget(self.stage_counts, 1)
        for widget in (self.consultation_button, self.client_button, self.decline_button):
            stage_actions.addWidget(widget)
        self.period = QComboBox()
        self.period.setObjectName("conversion_period")
        self.period.setAccessibleName(self.tr("Conversion period"))
        for label, days in PERIODS:
            self.period.addItem(labels.translate(label), days)
        self.conversion = QLabel()
        self.conversion.setObjectName("conversion")
        self.conversion.setWordWrap(True)
        self.conversion.setTextFormat(Qt.TextFormat.RichText)
        conversion_row = QHBoxLayout()
        conversion_row.addWidget(QLabel(self.tr("People who got in touch in")))
        conversion_row.addWidget(self.period)
        conversion_row.addStretch(1)
        pipeline_layout = QVBoxLayout(pipeline_box)
        pipeline_layout.addLayout(stage_actions)
        pipeline_layout.addWidget(self.prospects_table, 1)
        pipeline_layout.addWidget(self.prospects_empty, 1)
        pipeline_layout.addWidget(self.action_error)
        pipeline_layout.addLayout(conversion_row)
        pipeline_layout.addWidget(self.conversion)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(attempts_box, 2)
        layout.addWidget(pipeline_box, 3)
        self.period.currentIndexChanged.connect(lambda _index: self.refresh())
        self.prospects_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_buttons()
        )

    def refresh(self) -> None:
        today = self.today()
        days = int(self.period.currentData())
        start = today - dt.timedelta(days=days)
        keep = self.selected_id(self.prospects_table)
        attempts, prospects, conversion = self.ops.read(
            lambda s: (
                followups.contact_attempt_suggestions(s, today=today),
                followups.prospects_pipeline(s, today=today),
                followups.prospect_conversion(s, start, today),
            )
        )
        self.attempts_model.set_rows(attempts)
        self.resort(self.attempts_table)
        self.attempts_empty.setText(
            self.tr(
                "Nobody has {n} or more calls or messages unreturned. Log an attempt when a "
                "call or message goes unanswered."
            ).format(n=followups.ATTEMPTS_BEFORE_SUGGESTION)
        )
        self.attempts_table.setVisible(bool(attempts))
        self.attempts_empty.setVisible(not attempts)
        self.prospects_model.set_rows(prospects)
        self.resort(self.prospects_table)
        self.prospects_empty.setText(self.tr("No open prospects at the moment."))
        self.prospects_table.setVisible(bool(prospects))
        self.prospects_empty.setVisible(not prospects)
        counts = {stage: 0 for stage in (PipelineStage.INQUIRY, PipelineStage.CONSULTATION)}
        for row in prospects:
            counts[row.stage] = counts.get(row.stage, 0) + 1
        self.stage_counts.setText(
            " · ".join(
                f"{labels.label(STAGE_LABELS, stage)}: {count}" for stage, count in counts.items()
            )
        )
        self.conversion.setText(self.conversion_text(conversion))
        self.keep_selection(self.prospects_table, self.prospects_model, keep)
        self._update_buttons()

    def conversion_text(self, figures: ProspectConversion) -> str:
        if not figures.inquiries:
            return self.tr("Nobody got in touch in this period.")
        text = self.tr(
            "<b>{n}</b> got in touch since {day}: <b>{consulted}</b> came to a consultation, "
            "<b>{became}</b> became clients, <b>{declined}</b> decided not to go ahead, "
            "<b>{open}</b> are still deciding."
        ).format(
            n=figures.inquiries,
            day=self.day(figures.start),
            consulted=figures.consultations,
            became=figures.became_clients,
            declined=figures.declined,
            open=figures.still_open,
        )
        if figures.conversion_rate is not None:
            text += " " + self.tr("Of those who decided, {rate:.0%} became clients.").format(
                rate=figures.conversion_rate
            )
        if figures.declined_reasons:
            reasons = "; ".join(
                f"{esc(reason)}" + (f" ({count})" if count > 1 else "")
                for reason, count in figures.declined_reasons[:4]
            )
            text += "<br>" + self.tr("Why some did not go ahead: {reasons}").format(reasons=reasons)
        return text

    def current(self) -> ProspectRow | None:
        client_id = self.selected_id(self.prospects_table)
        row = self.prospects_model.row_for_id(client_id) if client_id is not None else None
        return self.prospects_model.rows[row] if row is not None else None

    def _update_buttons(self) -> None:
        row = self.current()
        self.consultation_button.setEnabled(row is not None and row.stage is PipelineStage.INQUIRY)
        self.client_button.setEnabled(row is not None)
        self.decline_button.setEnabled(row is not None)

    def _move(self, stage: PipelineStage) -> None:
        row = self.current()
        if row is None:
            return
        today = self.today()
        if self.act(
            lambda s: followups.set_prospect_stage(s, row.client_id, stage, today=today),
            Changes.CLIENTS | Changes.FOLLOWUPS,
        ):
            self.refresh()

    def to_consultation(self) -> None:
        self._move(PipelineStage.CONSULTATION)

    def to_client(self) -> None:
        self._move(PipelineStage.CLIENT)

    def decline(self) -> None:
        row = self.current()
        if row is None:
            return
        if self.run_dialog(DeclineDialog(self.ops, row, parent=self)):
            self.refresh()

    def log_attempt(self) -> None:
        row = self.current()
        dialog = ContactAttemptDialog(self.ops, row.client_id if row else None, parent=self)
        if self.run_dialog(dialog):
            self.refresh()


# --------------------------------------------------------------------------
# The screen
# --------------------------------------------------------------------------


class FollowUpsScreen(QWidget):
    """Issues, expectations, check-ins, and contact attempts with prospects, as four tabs."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._stale = True
        self.locale = locale_format.DEFAULT_LOCALE  # the practice's, read on each refresh
        self.issues = IssuesPanel(self)
        self.expectations = ExpectationsPanel(self)
        self.checkins = CheckInsPanel(self)
        self.contacts = ContactsPanel(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("followup_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.issues, self.tr("Issues"))
        self.tabs.addTab(self.expectations, self.tr("Expectations"))
        self.tabs.addTab(self.checkins, self.tr("Check-ins"))
        self.tabs.addTab(self.contacts, self.tr("Contact attempts && prospects"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        ops.changed.connect(self._on_changes)
        self.refresh()

    # -- hooks tests replace -------------------------------------------------------

    def today(self) -> dt.date:
        return dt.date.today()

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog modally (tests replace this to drive it as a person would)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def make_checkin_dialog(self, client_id: int) -> CheckInDialog:
        return CheckInDialog(self.ops, client_id, parent=self)

    # -- refreshing ----------------------------------------------------------------

    def refresh(self) -> None:
        self.locale = self.ops.read(lambda s: get_settings(s).locale)
        for model in (
            self.issues.model,
            self.expectations.model,
            self.checkins.model,
            self.contacts.attempts_model,
            self.contacts.prospects_model,
        ):
            model.locale = self.locale
        for panel in (self.issues, self.expectations, self.checkins, self.contacts):
            panel.refresh()
        self._stale = False
        self._update_tab_titles()

    def _update_tab_titles(self) -> None:
        due = self.checkins.model.rowCount()
        expectations = sum(1 for row in self.expectations.model.rows if row.due)
        open_issues = sum(1 for row in self.issues.model.rows if row.status is IssueStatus.OPEN)
        for index, (title, count) in enumerate(
            (
                (self.tr("Issues"), open_issues),
                (self.tr("Expectations"), expectations),
                (self.tr("Check-ins"), due),
            )
        ):
            self.tabs.setTabText(index, f"{title} ({count})" if count else title)

    def _on_changes(self, changes: Changes) -> None:
        if not changes & _WATCHED:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def focus_search(self) -> None:
        panel = self.tabs.currentWidget()
        search = getattr(panel, "search", None)
        if isinstance(search, QLineEdit):
            search.setFocus()
            search.selectAll()

    def show_tab(self, name: str) -> None:
        """Bring a tab forward: "issues", "expectations", "checkins" or "contacts"."""
        self.tabs.setCurrentWidget(getattr(self, name))

    def select_issue(self, issue_id: int) -> bool:
        """Show the Issues tab with ``issue_id`` selected (False if it is not listed)."""
        self.show_tab("issues")
        return self.issues.select_id(self.issues.table, self.issues.model, issue_id)

    def select_expectation(self, expectation_id: int) -> bool:
        self.show_tab("expectations")
        panel = self.expectations
        return panel.select_id(panel.table, panel.model, expectation_id)

    def select_checkin(self, client_id: int) -> bool:
        """Show the Check-ins tab with the client's due check-in selected."""
        self.show_tab("checkins")
        return self.checkins.select_id(self.checkins.table, self.checkins.model, client_id)
