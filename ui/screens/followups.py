"""The Follow-ups screen: issues in triage order, expectations to review, check-ins
with consent, and contact attempts with the prospects pipeline — four tabs.

Every rule (triage order, the escalation budget, when a check-in is due, who gets a
suggestion) is clientcare.followups'; this screen shows what it returns. Each list
shows your clients' by default ("Show: My clients / Whole practice", beside the tabs),
is read from SQL a page at a time (searched, ordered and counted there: a cut list
says "64 of 182 … shown"), and a tab is read when it is first shown. Nothing is read
again on a re-visit unless something changed (or the day did).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

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
from clientcare.scope import Scope
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
from ui.labels import QT_TRANSLATE_NOOP
from ui.models.followups import (
    ATTEMPT_SORTS,
    CHECKIN_SORTS,
    EXPECTATION_SORTS,
    ISSUE_SORTS,
    PROSPECT_SORTS,
    AttemptColumn,
    AttemptTableModel,
    CheckInColumn,
    CheckInTableModel,
    ExpectationColumn,
    ExpectationTableModel,
    IssueColumn,
    IssueTableModel,
    ProspectColumn,
    ProspectTableModel,
    short_date,
    urgency_text,
)
from ui.models.listing import ColumnFitter, IdRole, ProseRows, SqlListModel, list_table
from ui.ops import Changes, Operations, Work
from ui.theme import look, screen_title
from ui.widgets.fields import error_label
from ui.widgets.scope_choice import ScopeChoice, shown_text

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
    look(label, "empty")
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


def count_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class _List:
    """One list of a tab: its table over a paged model, read in the order of the column
    heading clicked, with its columns measured once (from the first page read)."""

    def __init__(
        self,
        panel: _Panel,
        table: QTableView,
        model: SqlListModel,
        *,
        stretch: Sequence[int] = (),
        prose: Sequence[int] = (),
    ) -> None:
        self.panel, self.table, self.model = panel, table, model
        self.columns = ColumnFitter(table, tuple(stretch) + tuple(prose))
        if prose:
            ProseRows(table, model, prose)
        model.sort_requested.connect(panel.refresh)

    def show(
        self,
        reader: Callable[[int, int], Sequence[Any]],
        locate: Callable[[int], int | None] | None,
        keep: int | None,
        choice: object = None,
    ) -> None:
        """Show the rows ``reader`` gives (the first page now), ``keep`` selected again
        (the first row if it is gone); ``choice``: what the list shows apart from the
        search (the columns are measured again when it changes)."""
        self.model.set_source(reader, locate)
        self.columns.fit(choice)
        if keep is not None and self.select(keep):
            return
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def select(self, row_id: int) -> bool:
        row = self.model.row_for_id(row_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_id(self.model.rows[index.row()]) if index.isValid() else None

    def current(self) -> Any | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None


class _Panel(QWidget):
    """What the tabs share: the operation runner, today, dialogs, the scope, and whether
    the tab must be read again before it is shown."""

    def __init__(self, screen: FollowUpsScreen) -> None:
        super().__init__()
        self.followups_screen = screen
        self.ops = screen.ops
        self.action_error = error_label("action_error")
        self.stale = True

    def today(self) -> dt.date:
        return self.followups_screen.today()

    def scope(self) -> Scope:
        return self.followups_screen.scope_choice.scope()

    @property
    def practice_locale(self) -> str:
        return self.followups_screen.practice_locale

    def day(self, day: dt.date | None) -> str:
        """``day`` in the practice's locale, or an empty string."""
        return short_date(day, self.followups_screen.practice_locale)

    def run_dialog(self, dialog: QDialog) -> bool:
        return self.followups_screen.run_dialog(dialog)

    @staticmethod
    def selected_id(table: QTableView) -> int | None:
        """The id of the row selected in ``table`` (None when none is)."""
        index = table.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def refresh(self) -> None:
        raise NotImplementedError

    def refresh_if_stale(self) -> None:
        """After an action: read again unless the change it made has been read already."""
        if self.stale:
            self.refresh()

    def act(self, action: Work[Any]) -> bool:
        """Run an immediate action (no dialog); a refusal shows under the list."""
        self.action_error.hide()
        try:
            self.ops.run(action)
        except (ValidationError, NotFoundError) as error:
            self.action_error.setText(f"\u26a0 {error_messages(error)}")
            self.action_error.show()
            return False
        return True

    def reader(self, read: Callable[..., Sequence[Any]]) -> Callable[[int, int], Sequence[Any]]:
        """A page reader over ``read(session, offset=, limit=)``."""
        return lambda offset, limit: self.ops.read(lambda s: read(s, offset=offset, limit=limit))


# --------------------------------------------------------------------------
# Issues
# --------------------------------------------------------------------------


class IssuesPanel(_Panel):
    def __init__(self, screen: FollowUpsScreen) -> None:
        super().__init__(screen)
        self.model = IssueTableModel(self, sort_column=IssueColumn.URGENCY)
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
        look(self.banner, "error-banner")
        self.banner.setAccessibleName(self.tr("Escalation budget"))
        self.banner.hide()
        self.table = list_table("issue_table", self.tr("Issues, most urgent first"), self.model)
        prose = (IssueColumn.TITLE, IssueColumn.IMPACT)
        self.list = _List(self, self.table, self.model, prose=prose)
        self.empty = empty_label("issues_empty")
        self.count_label = count_label("issue_count")
        self.counts = followups.IssueCounts(0, 0, 0)
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
        self.model.rowsInserted.connect(lambda *_: self._show_count())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.doubleClicked.connect(lambda _index: self.edit_issue())

    def _filters(self) -> dict[str, Any]:
        return {
            "include_resolved": bool(self.show_filter.currentData()),
            "text": self.search.text(),
            "scope": self.scope(),
        }

    def refresh(self) -> None:
        self.stale = False
        self.model.locale = self.practice_locale
        today, filters = self.today(), self._filters()
        order: dict[str, Any] = {
            "sort": ISSUE_SORTS[IssueColumn(self.model.sort_column)],
            "descending": self.model.descending,
        }
        keep = self.list.current_id()
        self.list.show(
            self.reader(
                lambda s, offset, limit: followups.list_issues(
                    s, today=today, **filters, **order, offset=offset, limit=limit
                )
            ),
            lambda issue_id: self.ops.read(
                lambda s: followups.issue_position(s, issue_id, **filters, **order)
            ),
            keep,
            (filters["include_resolved"], filters["scope"], *order.values()),
        )
        rows: list[IssueRow] = self.model.rows
        if self.model.complete:  # the whole list is read: counted here, not in SQL
            listed_open = [row for row in rows if row.status is IssueStatus.OPEN]
            self.counts = followups.IssueCounts(
                len(rows),
                len(listed_open),
                sum(1 for row in listed_open if row.urgency in followups.URGENT),
            )
        else:
            self.counts = self.ops.read(lambda s: followups.count_issues(s, **filters))
        # The budget is over every open issue of the scope: the list when it is all of them.
        every_open = not filters["include_resolved"] and not filters["text"].strip()
        budget = self.ops.read(
            lambda s: (
                followups.escalation_budget(s, rows)
                if self.model.complete and every_open
                else followups.escalation_budget(s, scope=filters["scope"])
            )
        )
        self.banner.setText("\u26a0 " + budget.message)
        self.banner.setVisible(budget.over_budget)
        text = filters["text"].strip()
        if not self.counts.listed:
            self.empty.setText(
                self.tr("No issue matches “{text}”.").format(text=text)
                if text
                else self.tr(
                    "No open issues. When a client needs something resolved, click “New issue…” "
                    "and rank it by its true urgency."
                )
            )
        self.table.setVisible(bool(self.counts.listed))
        self.empty.setVisible(not self.counts.listed)
        self._show_count()
        self._show_current()

    def _show_count(self) -> None:
        counts, shown = self.counts, self.model.rowCount()
        urgent = locale_format.number(counts.urgent, self.practice_locale)
        if not self.show_filter.currentData():  # open issues only
            self.count_label.setText(
                self.tr("{shown} · {urgent} crisis or high").format(
                    shown=shown_text(
                        shown, counts.listed, self.practice_locale, self.tr("open issues")
                    ),
                    urgent=urgent,
                )
            )
            return
        self.count_label.setText(
            self.tr("{shown} · {open} open · {urgent} crisis or high").format(
                shown=shown_text(shown, counts.listed, self.practice_locale, self.tr("issues")),
                open=locale_format.number(counts.open, self.practice_locale),
                urgent=urgent,
            )
        )

    def current(self) -> IssueRow | None:
        return self.list.current()

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
        if self.act(lambda s: followups.reopen_issue(s, row.id, today=today)):
            self._after(row)

    def _after(self, stored: IssueRow | None) -> None:
        self.refresh_if_stale()
        if stored is not None:
            self.list.select(stored.id)


# --------------------------------------------------------------------------
# Expectations
# --------------------------------------------------------------------------


class ExpectationsPanel(_Panel):
    def __init__(self, screen: FollowUpsScreen) -> None:
        super().__init__(screen)
        self.model = ExpectationTableModel(self, sort_column=ExpectationColumn.REVIEW)
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
        look(self.intro, "info-banner")
        self.table = list_table(
            "expectation_table", self.tr("Expectations not reviewed yet"), self.model
        )
        self.list = _List(self, self.table, self.model, prose=(ExpectationColumn.EXPECTATION,))
        self.empty = empty_label("expectations_empty")
        self.count_label = count_label("expectation_count")
        self.counts = followups.ExpectationCounts(0, 0)
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
        self.model.rowsInserted.connect(lambda *_: self._show_count())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.doubleClicked.connect(lambda _index: self.review())

    def refresh(self) -> None:
        self.stale = False
        self.model.locale = self.practice_locale
        today = self.today()
        filters: dict[str, Any] = {"text": self.search.text(), "scope": self.scope()}
        sort = EXPECTATION_SORTS[ExpectationColumn(self.model.sort_column)]
        descending = self.model.descending
        keep = self.list.current_id()
        self.model.today = today
        self.list.show(
            self.reader(
                lambda s, offset, limit: followups.open_expectations(
                    s,
                    today=today,
                    **filters,
                    sort=sort,
                    descending=descending,
                    offset=offset,
                    limit=limit,
                )
            ),
            lambda row_id: self.ops.read(
                lambda s: followups.expectation_position(
                    s, row_id, **filters, sort=sort, descending=descending
                )
            ),
            keep,
            (filters["scope"], sort, descending),
        )
        if self.model.complete:  # the whole list is read: count it here
            rows: list[ExpectationRow] = self.model.rows
            self.counts = followups.ExpectationCounts(len(rows), sum(1 for r in rows if r.due))
        else:
            self.counts = self.ops.read(
                lambda s: followups.count_open_expectations(s, today=today, **filters)
            )
        text = filters["text"].strip()
        if not self.counts.listed:
            self.empty.setText(
                self.tr("No expectation matches “{text}”.").format(text=text)
                if text
                else self.tr("Every expectation has been reviewed.")
            )
        self.table.setVisible(bool(self.counts.listed))
        self.empty.setVisible(not self.counts.listed)
        self._show_count()
        self._show_current()

    def _show_count(self) -> None:
        shown = shown_text(
            self.model.rowCount(),
            self.counts.listed,
            self.practice_locale,
            self.tr("not reviewed yet"),
        )
        self.count_label.setText(
            self.tr("{due} due for review · {shown}").format(
                due=locale_format.number(self.counts.due, self.practice_locale), shown=shown
            )
        )

    def current(self) -> ExpectationRow | None:
        return self.list.current()

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
            self.refresh_if_stale()
            if dialog.stored is not None:
                self.list.select(dialog.stored.id)

    def review(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = ReviewExpectationDialog(self.ops, row, parent=self)
        if self.run_dialog(dialog):
            self.refresh_if_stale()


# --------------------------------------------------------------------------
# Check-ins
# --------------------------------------------------------------------------


class CheckInsPanel(_Panel):
    def __init__(self, screen: FollowUpsScreen) -> None:
        super().__init__(screen)
        self.model = CheckInTableModel(self, sort_column=CheckInColumn.DUE)
        self.intro = QLabel(
            self.tr(
                "Check-ins due for clients who said yes to them, an interval after the last "
                "contact of any kind. Nobody without consent ever appears here."
            )
        )
        self.intro.setWordWrap(True)
        look(self.intro, "info-banner")
        self.table = list_table("checkin_table", self.tr("Check-ins due"), self.model)
        self.list = _List(self, self.table, self.model, stretch=(CheckInColumn.CHANNEL,))
        self.search = search_box("checkin_search", self.tr("Search client"))
        self.empty = empty_label("checkins_empty")
        self.count_label = count_label("checkin_count")
        self.total = 0
        self.draft_button = button(self.tr("&Draft…"), "draft_checkin", self.draft)
        self.snooze_button = button(self.tr("&Snooze…"), "snooze_checkin", self.snooze)
        self.wording_button = button(self.tr("Wording…"), "checkin_wording", self.edit_wording)
        self.wording_button.setToolTip(self.tr("The practice's check-in message"))
        # A type-ahead picker: it searches as the person types, never lists every client.
        self.consent_client = client_picker(self.ops, None)
        self.consent_client.setObjectName("consent_client")
        self.consent_client.setAccessibleName(self.tr("Client whose consent to record"))
        self.consent_client.setMinimumWidth(280)
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
        self.consent_layout = QHBoxLayout(consent_box)
        self.consent_layout.addWidget(QLabel(self.tr("What did the client say? Record it for")))
        self.consent_layout.addWidget(self.consent_client)
        self.consent_layout.addWidget(self.consent_button)
        self.consent_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.search)
        layout.addWidget(self.intro)
        layout.addWidget(consent_box)  # above the list: in reach however long it is
        layout.addWidget(self.table, 3)
        layout.addWidget(self.empty, 3)
        layout.addWidget(self.count_label)
        layout.addLayout(actions)
        layout.addWidget(self.action_error)
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.model.rowsInserted.connect(lambda *_: self._show_count())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.draft())

    def refresh(self) -> None:
        self.stale = False
        self.model.locale = self.practice_locale
        today, text, scope = self.today(), self.search.text(), self.scope()
        sort = CHECKIN_SORTS[CheckInColumn(self.model.sort_column)]
        descending = self.model.descending
        keep = self.list.current_id()
        # When each client is due is worked out per consenting client of the scope (not
        # in SQL), so the list is read whole here; the table holds a page at a time.
        rows = self.ops.read(
            lambda s: followups.checkins_due(
                s, today=today, scope=scope, text=text, sort=sort, descending=descending
            )
        )
        self.total = len(rows)
        self.model.today = today
        self.list.show(
            lambda offset, limit: rows[offset : offset + limit],
            lambda client_id: next(
                (number for number, row in enumerate(rows) if row.client_id == client_id), None
            ),
            keep,
            (scope, sort, descending),
        )
        if text.strip():
            self.empty.setText(self.tr("No check-in due matches “{text}”.").format(text=text))
        else:
            self.empty.setText(
                self.tr(
                    "No check-ins due. They appear here for clients who consented, once their "
                    "interval has passed since the last contact."
                )
            )
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self._show_count()
        self._update_buttons()

    def _show_count(self) -> None:
        self.count_label.setText(
            shown_text(
                self.model.rowCount(), self.total, self.practice_locale, self.tr("check-ins due")
            )
            if self.total != 1
            else self.tr("1 check-in due")
        )

    def current(self) -> CheckInDue | None:
        return self.list.current()

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
            dialog = self.followups_screen.make_checkin_dialog(row.client_id)
        except (ValidationError, NotFoundError) as error:  # consent changed meanwhile
            self.action_error.setText(f"\u26a0 {error_messages(error)}")
            self.action_error.show()
            self.refresh()
            return
        self.run_dialog(dialog)
        self.refresh_if_stale()

    def snooze(self) -> None:
        row = self.current()
        if row is None:
            return
        if self.run_dialog(SnoozeDialog(self.ops, row, parent=self)):
            self.refresh_if_stale()

    def record_consent(self) -> None:
        current = self.current()
        chosen = chosen_client(self.consent_client)
        client_id = chosen or (current.client_id if current else None)
        if client_id is None:
            self.action_error.setText("\u26a0 " + self.tr("Choose the client first."))
            self.action_error.show()
            return
        self.action_error.hide()
        if self.run_dialog(ConsentDialog(self.ops, client_id, parent=self)):
            self.refresh_if_stale()

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
        self.attempts_model = AttemptTableModel(self, sort_column=AttemptColumn.ATTEMPTS)
        self.prospects_model = ProspectTableModel(self, sort_column=ProspectColumn.INQUIRED)

        attempts_box = QGroupBox(self.tr("Calls and messages not returned"))
        self.attempts_note = QLabel(
            self.tr(
                "Suggestions only: nobody is closed automatically. Patience \u2014 and "
                "respect for their choice."
            )
        )
        self.attempts_note.setWordWrap(True)
        self.attempts_table = list_table(
            "attempt_table", self.tr("Unreturned contact attempts"), self.attempts_model
        )
        line = self.attempts_table.fontMetrics().height()
        self.attempts_table.verticalHeader().setDefaultSectionSize(2 * line + 14)
        self.attempts = _List(
            self, self.attempts_table, self.attempts_model, prose=(AttemptColumn.SUGGESTION,)
        )
        self.attempts_empty = empty_label("attempts_empty")
        self.attempts_count = count_label("attempt_count")
        self.attempts_total = 0
        self.log_button = button(self.tr("&Log attempt…"), "log_attempt", self.log_attempt)
        attempts_layout = QVBoxLayout(attempts_box)
        attempts_top = QHBoxLayout()
        attempts_top.addWidget(self.attempts_note, 1)
        attempts_top.addWidget(self.log_button)
        attempts_layout.addLayout(attempts_top)
        attempts_layout.addWidget(self.attempts_table, 1)
        attempts_layout.addWidget(self.attempts_empty, 1)
        attempts_layout.addWidget(self.attempts_count)

        pipeline_box = QGroupBox(self.tr("Prospects"))
        self.stage_counts = count_label("stage_counts")
        self.stages: dict[PipelineStage, int] = {}
        self.prospects_table = list_table(
            "prospect_table", self.tr("Prospects"), self.prospects_model
        )
        self.prospects = _List(
            self, self.prospects_table, self.prospects_model, stretch=(ProspectColumn.CLIENT,)
        )
        self.search = search_box("prospect_search", self.tr("Search prospects"))
        self.search.setMinimumWidth(220)
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
        # The period's figures first: a short summary above a list that may be long.
        pipeline_layout.addLayout(conversion_row)
        pipeline_layout.addWidget(self.conversion)
        pipeline_layout.addLayout(stage_actions)
        pipeline_layout.addWidget(self.prospects_table, 1)
        pipeline_layout.addWidget(self.prospects_empty, 1)
        pipeline_layout.addWidget(self.action_error)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(attempts_box, 2)
        layout.addWidget(pipeline_box, 3)
        self.attempts_box = attempts_box
        self.period.currentIndexChanged.connect(lambda _index: self.refresh())
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.attempts_model.rowsInserted.connect(lambda *_: self._show_counts())
        self.prospects_model.rowsInserted.connect(lambda *_: self._show_counts())
        self.prospects_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_buttons()
        )

    def refresh(self) -> None:
        self.stale = False
        self.attempts_model.locale = self.prospects_model.locale = self.practice_locale
        today, scope, text = self.today(), self.scope(), self.search.text()
        start = today - dt.timedelta(days=int(self.period.currentData()))
        attempts_sort = ATTEMPT_SORTS[AttemptColumn(self.attempts_model.sort_column)]
        attempts_descending = self.attempts_model.descending
        prospects_sort = PROSPECT_SORTS[ProspectColumn(self.prospects_model.sort_column)]
        prospects_descending = self.prospects_model.descending
        keep_attempt = self.attempts.current_id()
        keep = self.prospects.current_id()
        conversion = self.ops.read(
            lambda s: followups.prospect_conversion(s, start, today, scope=scope)
        )
        self.attempts.show(
            self.reader(
                lambda s, offset, limit: followups.contact_attempt_suggestions(
                    s,
                    today=today,
                    scope=scope,
                    sort=attempts_sort,
                    descending=attempts_descending,
                    offset=offset,
                    limit=limit,
                )
            ),
            None,  # kept selected while among the rows read
            keep_attempt,
            (scope, attempts_sort, attempts_descending),
        )
        self.attempts_total = (
            self.attempts_model.rowCount()
            if self.attempts_model.complete
            else self.ops.read(lambda s: followups.count_attempt_suggestions(s, scope=scope))
        )
        self.attempts_empty.setText(
            self.tr(
                "Nobody has {n} or more calls or messages unreturned. Log an attempt when a "
                "call or message goes unanswered."
            ).format(n=followups.ATTEMPTS_BEFORE_SUGGESTION)
        )
        self.attempts_table.setVisible(bool(self.attempts_total))
        self.attempts_empty.setVisible(not self.attempts_total)
        # Nobody to suggest: the box takes only the room its sentence needs.
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.setStretchFactor(self.attempts_box, 2 if self.attempts_total else 0)
        self.prospects.show(
            self.reader(
                lambda s, offset, limit: followups.prospects_pipeline(
                    s,
                    today=today,
                    scope=scope,
                    text=text,
                    sort=prospects_sort,
                    descending=prospects_descending,
                    offset=offset,
                    limit=limit,
                )
            ),
            lambda client_id: self.ops.read(
                lambda s: followups.prospect_position(
                    s,
                    client_id,
                    scope=scope,
                    text=text,
                    sort=prospects_sort,
                    descending=prospects_descending,
                )
            ),
            keep,
            (scope, prospects_sort, prospects_descending),
        )
        if self.prospects_model.complete:  # the whole list is read: counted here
            self.stages = {PipelineStage.INQUIRY: 0, PipelineStage.CONSULTATION: 0}
            for row in self.prospects_model.rows:
                self.stages[row.stage] = self.stages.get(row.stage, 0) + 1
        else:
            self.stages = self.ops.read(
                lambda s: followups.prospect_stage_counts(s, scope=scope, text=text)
            )
        listed = sum(self.stages.values())
        self.prospects_empty.setText(
            self.tr("No prospect matches “{text}”.").format(text=text.strip())
            if text.strip()
            else self.tr("No open prospects at the moment.")
        )
        self.prospects_table.setVisible(bool(listed))
        self.prospects_empty.setVisible(not listed)
        self.conversion.setText(self.conversion_text(conversion))
        self._show_counts()
        self._update_buttons()

    def _show_counts(self) -> None:
        locale = self.practice_locale
        stages = " · ".join(
            f"{labels.label(STAGE_LABELS, stage)}: {locale_format.number(count, locale)}"
            for stage, count in self.stages.items()
        )
        listed = sum(self.stages.values())
        shown = self.prospects_model.rowCount()
        if shown < listed:
            stages = (
                shown_text(shown, listed, self.practice_locale, self.tr("prospects"))
                + " · "
                + stages
            )
        self.stage_counts.setText(stages)
        shown = self.attempts_model.rowCount()
        self.attempts_count.setVisible(shown < self.attempts_total)
        self.attempts_count.setText(
            shown_text(shown, self.attempts_total, self.practice_locale, self.tr("people"))
        )

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
        return self.prospects.current()

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
        ):
            self.refresh_if_stale()

    def to_consultation(self) -> None:
        self._move(PipelineStage.CONSULTATION)

    def to_client(self) -> None:
        self._move(PipelineStage.CLIENT)

    def decline(self) -> None:
        row = self.current()
        if row is None:
            return
        if self.run_dialog(DeclineDialog(self.ops, row, parent=self)):
            self.refresh_if_stale()

    def log_attempt(self) -> None:
        row = self.current()
        dialog = ContactAttemptDialog(self.ops, row.client_id if row else None, parent=self)
        if self.run_dialog(dialog):
            self.refresh_if_stale()


# --------------------------------------------------------------------------
# The screen
# --------------------------------------------------------------------------


#: The tabs, in order: (attribute, panel class, title).
_TABS: tuple[tuple[str, type[_Panel], str], ...] = (
    ("issues", IssuesPanel, QT_TRANSLATE_NOOP("FollowUpsScreen", "Issues")),
    ("expectations", ExpectationsPanel, QT_TRANSLATE_NOOP("FollowUpsScreen", "Expectations")),
    ("checkins", CheckInsPanel, QT_TRANSLATE_NOOP("FollowUpsScreen", "Check-ins")),
    (
        "contacts",
        ContactsPanel,
        QT_TRANSLATE_NOOP("FollowUpsScreen", "Contact attempts && prospects"),
    ),
)


class FollowUpsScreen(QWidget):
    """Issues, expectations, check-ins, and contact attempts with prospects, as four tabs.

    A tab is built and read when it is first shown (or asked for: ``screen.contacts``).
    """

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._stale = True
        self._read_on: dt.date | None = None
        self.practice_locale = locale_format.DEFAULT_LOCALE  # the practice's, read on each refresh
        # Your clients' follow-ups by default; the whole practice's on request.
        self.scope_choice = ScopeChoice(ops)
        self.scope_choice.setContentsMargins(0, 0, 8, 0)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("followup_tabs")
        self.tabs.setDocumentMode(True)
        self._pages: dict[str, QWidget] = {}
        self._built: dict[str, _Panel] = {}
        for name, _panel, title in _TABS:
            page = QWidget()
            page.setObjectName(f"{name}_page")
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self._pages[name] = page
            self.tabs.addTab(page, self.tr(title))
        self.tabs.setCornerWidget(self.scope_choice, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = screen_title(self.tr("Follow-ups"), "followups_title")
        heading.setContentsMargins(16, 12, 16, 2)
        layout.addWidget(heading)
        layout.addWidget(self.tabs)
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.focus_search)
        ops.changed.connect(self._on_changes)
        self.scope_choice.changed.connect(self.refresh)
        self.tabs.currentChanged.connect(self._on_tab)
        self.refresh()

    # -- the tabs, built when first needed --------------------------------------------

    def _panel(self, name: str) -> _Panel:
        panel = self._built.get(name)
        if panel is None:
            panel_class = next(cls for key, cls, _title in _TABS if key == name)
            panel = self._built[name] = panel_class(self)
            layout = self._pages[name].layout()
            assert layout is not None
            layout.addWidget(panel)
            panel.show()  # a widget added to a page already shown stays hidden otherwise
        return panel

    @property
    def issues(self) -> IssuesPanel:
        return self._panel("issues")  # type: ignore[return-value]

    @property
    def expectations(self) -> ExpectationsPanel:
        return self._panel("expectations")  # type: ignore[return-value]

    @property
    def checkins(self) -> CheckInsPanel:
        return self._panel("checkins")  # type: ignore[return-value]

    @property
    def contacts(self) -> ContactsPanel:
        return self._panel("contacts")  # type: ignore[return-value]

    def current_panel(self) -> _Panel:
        return self._panel(_TABS[max(self.tabs.currentIndex(), 0)][0])

    def panels(self) -> tuple[_Panel, ...]:
        """The tabs built so far."""
        return tuple(self._built.values())

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
        """Read the tab shown and the tabs' counts again; the other tabs are read when
        they are next shown."""
        self._stale = False
        self._read_on = self.today()
        self.practice_locale = self.ops.read(lambda s: get_settings(s).locale)
        for panel in self.panels():
            panel.stale = True
        self.current_panel().refresh()
        self._update_tab_titles()

    def _update_tab_titles(self) -> None:
        """Open issues, expectations due and check-ins due of the scope, in the tabs."""
        today, scope = self.today(), self.scope_choice.scope()
        open_issues, expectations, due = self.ops.read(
            lambda s: (
                followups.count_issues(s, scope=scope).open,
                followups.count_expectations_due(s, today=today, scope=scope),
                len(followups.checkins_due(s, today=today, scope=scope)),
            )
        )
        for index, (title, count) in enumerate(
            (
                (self.tr("Issues"), open_issues),
                (self.tr("Expectations"), expectations),
                (self.tr("Check-ins"), due),
            )
        ):
            self.tabs.setTabText(
                index,
                f"{title} ({locale_format.number(count, self.practice_locale)})"
                if count
                else title,
            )

    def _on_tab(self, _index: int) -> None:
        panel = self.current_panel()
        if panel.stale:
            panel.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes & Changes.SETTINGS:
            self.scope_choice.reload()  # who "you" are, and whether to offer a choice
        if changes & Changes.CLIENTS and "checkins" in self._built:
            self.checkins.consent_client.refresh()  # a client renamed shows the new name
        if not changes & _WATCHED:
            return
        for panel in self.panels():
            panel.stale = True
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        # A re-visit reads nothing unless something changed meanwhile (or the day did).
        if self._stale or self._read_on != self.today():
            self.refresh()
        super().showEvent(event)

    def focus_search(self) -> None:
        panel = self.current_panel()
        search = getattr(panel, "search", None)
        if isinstance(search, QLineEdit):
            search.setFocus()
            search.selectAll()

    def show_tab(self, name: str) -> None:
        """Bring a tab forward: "issues", "expectations", "checkins" or "contacts"."""
        self.tabs.setCurrentIndex([key for key, _cls, _title in _TABS].index(name))

    def _find(self, panel: IssuesPanel | ExpectationsPanel | CheckInsPanel, row_id: int) -> bool:
        """Select ``row_id`` in ``panel``; when the search, the scope or (for an issue)
        "Open issues" hides it, as an item of the whole practice's care list on Today
        may be, widen the list step by step until it shows."""
        if panel.stale:
            panel.refresh()
        widen: list[Callable[[], None]] = [panel.search.clear]  # each reads the list again
        if not self.scope_choice.scope().whole_practice:
            widen.append(self.scope_choice.show_whole_practice)
        if isinstance(panel, IssuesPanel):
            widen.append(lambda: panel.show_filter.setCurrentIndex(1))
        for step in [lambda: None, *widen]:
            step()
            if panel.stale:
                panel.refresh()
            if panel.list.select(row_id):
                return True
        return False

    def select_issue(self, issue_id: int) -> bool:
        """Show the Issues tab with ``issue_id`` selected (False if it is not listed)."""
        self.show_tab("issues")
        return self._find(self.issues, issue_id)

    def select_expectation(self, expectation_id: int) -> bool:
        self.show_tab("expectations")
        return self._find(self.expectations, expectation_id)

    def select_checkin(self, client_id: int) -> bool:
        """Show the Check-ins tab with the client's due check-in selected."""
        self.show_tab("checkins")
        return self._find(self.checkins, client_id)
