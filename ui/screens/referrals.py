"""The Referrals screen: open referrals (due follow-ups first) and the provider directory."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clientcare import referrals
from clientcare.db.models import ReferralStatus, WarmHandoff
from clientcare.errors import NotFoundError, ValidationError
from clientcare.practice import get_settings
from clientcare.referrals import ReferralRow
from ui.dialogs.provider import ProviderForm
from ui.dialogs.referral import FollowUpDialog, HandoffDialog, LetterDialog, ReferralDialog
from ui.labels import label
from ui.models.referrals import (
    IdRole,
    ProviderColumn,
    ProviderTableModel,
    ReferralColumn,
    ReferralTableModel,
    SortRole,
    handoff_text,
    short_date,
)
from ui.ops import Changes, Operations
from ui.theme import notice_style
from ui.widgets.columns import fit_columns
from ui.widgets.fields import error_label


def _table(name: str, accessible: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
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


def _proxy(
    parent: QWidget, model: ReferralTableModel | ProviderTableModel
) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    return proxy


class ReferralsPanel(QWidget):
    """Referrals out: searchable, sortable, due follow-ups first; actions on the selected one."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.model = ReferralTableModel(self)
        self.proxy = _proxy(self, self.model)

        self.search = QLineEdit()
        self.search.setObjectName("referral_search")
        self.search.setPlaceholderText(self.tr("Search client, provider or reason"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search referrals"))
        self.show_filter = QComboBox()
        self.show_filter.setObjectName("referral_filter")
        self.show_filter.setAccessibleName(self.tr("Show referrals"))
        self.show_filter.addItem(self.tr("Open referrals"), True)
        self.show_filter.addItem(self.tr("All referrals"), False)
        self.new_button = QPushButton(self.tr("&New referral…"))
        self.new_button.setObjectName("new_referral")
        self.new_button.clicked.connect(self.new_referral)
        self.due_banner = QLabel()
        self.due_banner.setObjectName("follow_ups_due")
        self.due_banner.setWordWrap(True)
        self.due_banner.setStyleSheet(notice_style("warning"))

        self.table = _table("referral_table", self.tr("Referrals"))
        self.table.setModel(self.proxy)
        self.table.sortByColumn(ReferralColumn.FOLLOW_UP, Qt.SortOrder.AscendingOrder)
        fit_columns(self.table, prose=(ReferralColumn.PROVIDER,))
        self.empty = QLabel()
        self.empty.setObjectName("referrals_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.count_label = QLabel()
        self.count_label.setObjectName("referral_count")

        self.detail = QLabel()
        self.detail.setObjectName("referral_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_error = error_label("referral_action_error")
        self.edit_button = QPushButton(self.tr("Details…"))
        self.edit_button.setObjectName("edit_referral")
        self.handoff_button = QPushButton(self.tr("Mark introduced / hand-off…"))
        self.handoff_button.setObjectName("record_handoff")
        self.follow_up_button = QPushButton(self.tr("Record follow-up…"))
        self.follow_up_button.setObjectName("record_follow_up")
        self.accept_button = QPushButton(self.tr("Mark accepted"))
        self.accept_button.setObjectName("mark_accepted")
        self.accept_button.setToolTip(self.tr("The provider has taken the client on"))
        self.decline_button = QPushButton(self.tr("Mark declined"))
        self.decline_button.setObjectName("mark_declined")
        self.decline_button.setToolTip(self.tr("The client or the provider is not going ahead"))
        self.complete_button = QPushButton(self.tr("Mark completed"))
        self.complete_button.setObjectName("mark_completed")
        self.letter_button = QPushButton(self.tr("Introduction letter…"))
        self.letter_button.setObjectName("referral_letter")
        self.letter_button.setToolTip(
            self.tr("A printable introduction with only the details you tick (needs consent)")
        )
        self.edit_button.clicked.connect(self.edit_referral)
        self.letter_button.clicked.connect(self.write_letter)
        self.handoff_button.clicked.connect(self.record_handoff)
        self.follow_up_button.clicked.connect(self.record_follow_up)
        self.accept_button.clicked.connect(lambda: self.set_status(ReferralStatus.ACCEPTED))
        self.decline_button.clicked.connect(lambda: self.set_status(ReferralStatus.DECLINED))
        self.complete_button.clicked.connect(lambda: self.set_status(ReferralStatus.COMPLETED))
        actions = QHBoxLayout()
        for button in (
            self.handoff_button,
            self.follow_up_button,
            self.accept_button,
            self.decline_button,
            self.complete_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.letter_button)
        actions.addWidget(self.edit_button)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_filter)
        top.addWidget(self.new_button)
        detail_box = QFrame()
        detail_box.setFrameShape(QFrame.Shape.StyledPanel)
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.addWidget(self.detail)
        detail_layout.addWidget(self.action_error)
        detail_layout.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.due_banner)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.empty, 3)
        layout.addWidget(self.count_label)
        layout.addWidget(detail_box, 1)

        self.search.textChanged.connect(self.refresh)
        self.show_filter.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.doubleClicked.connect(lambda _index: self.edit_referral())
        self.refresh()

    # -- list -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the list for the search and filter, keeping the selected referral."""
        today = dt.date.today()
        text = self.search.text()
        open_only = bool(self.show_filter.currentData())
        keep = self.current_id()
        rows, due, locale = self.ops.read(
            lambda s: (
                referrals.list_referrals(s, today=today, text=text, open_only=open_only),
                referrals.follow_ups_due(s, today),
                get_settings(s).locale,
            )
        )
        self.model.locale = locale  # dates as the practice writes them
        self.model.set_rows(rows)
        self.proxy.sort(
            self.table.horizontalHeader().sortIndicatorSection(),
            self.table.horizontalHeader().sortIndicatorOrder(),
        )
        overdue = sum(1 for row in due if row.days_overdue)
        if due:
            text_due = (
                self.tr("1 follow-up is due")
                if len(due) == 1
                else self.tr("{n} follow-ups are due").format(n=len(due))
            )
            if overdue:
                text_due += self.tr(" ({n} overdue)").format(n=overdue)
            self.due_banner.setText(
                text_due + self.tr(": ask whether they connected, and record the answer.")
            )
        self.due_banner.setVisible(bool(due))
        if not rows:
            self.empty.setText(
                self.tr("No referral matches “{text}”.").format(text=text.strip())
                if text.strip()
                else self.tr(
                    "No open referrals. When someone else may be a better fit for a client, "
                    "click “New referral…” — or “Refer…” in a contact note."
                )
            )
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.count_label.setText(
            self.tr("1 referral")
            if len(rows) == 1
            else self.tr("{n} referrals").format(n=len(rows))
        )
        if keep is not None and self.select(keep):
            return
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._show_current()

    def select(self, referral_id: int) -> bool:
        row = self.model.row_for_id(referral_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._show_current()
        return True

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def current(self) -> ReferralRow | None:
        referral_id = self.current_id()
        if referral_id is None:
            return None
        row = self.model.row_for_id(referral_id)
        return self.model.rows[row] if row is not None else None

    def visible_ids(self) -> list[int]:
        """The referral ids in the order the list shows them."""
        return [self.proxy.index(r, 0).data(IdRole) for r in range(self.proxy.rowCount())]

    def _show_current(self) -> None:
        row = self.current()
        self.action_error.hide()
        buttons = (
            self.edit_button,
            self.handoff_button,
            self.follow_up_button,
            self.accept_button,
            self.decline_button,
            self.complete_button,
            self.letter_button,
        )
        if row is None:
            self.detail.setText(self.tr("Choose a referral to see it here."))
            for button in buttons:
                button.setEnabled(False)
            return
        self.detail.setText(self.describe(row))
        possible = referrals.STATUS_TRANSITIONS[row.status]
        self.edit_button.setEnabled(True)
        self.letter_button.setEnabled(True)
        self.handoff_button.setEnabled(
            row.status in (ReferralStatus.SUGGESTED, ReferralStatus.INTRODUCED)
        )
        self.follow_up_button.setEnabled(row.is_open)
        self.accept_button.setEnabled(ReferralStatus.ACCEPTED in possible)
        self.decline_button.setEnabled(ReferralStatus.DECLINED in possible)
        self.complete_button.setEnabled(ReferralStatus.COMPLETED in possible)

    def day(self, day: dt.date | None) -> str:
        """``day`` in the practice's locale, or an empty string."""
        return short_date(day, self.model.locale)

    def describe(self, row: ReferralRow) -> str:
        """The selected referral in a few lines of rich text."""

        def esc(text: str) -> str:
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

        lines = [
            self.tr("<b>{client}</b> → <b>{provider}</b> · {status} · {urgency}").format(
                client=esc(row.client_name),
                provider=esc(row.provider_name),
                status=label(referrals.STATUS_LABELS, row.status),
                urgency=label(referrals.URGENCY_LABELS, row.urgency).lower(),
            ),
            esc(row.reason).replace("\n", "<br>"),
        ]
        handoff = (
            self.tr("Warm hand-off: {text}").format(text=handoff_text(row, self.model.locale))
            if row.warm_handoff is not WarmHandoff.NONE
            else self.tr("No warm hand-off recorded yet.")
        )
        lines.append(handoff)
        if row.follow_up_due and row.days_overdue == 0:
            lines.append(self.tr("<b>Follow-up due today</b>: ask whether they connected."))
        elif row.follow_up_due:
            lines.append(
                self.tr("<b>Follow-up overdue</b> since {day}: ask whether they connected.").format(
                    day=self.day(row.follow_up_on)
                )
            )
        elif row.is_open and row.follow_up_on:
            lines.append(self.tr("Follow up on {day}.").format(day=self.day(row.follow_up_on)))
        if row.followed_up_on is not None:
            said = self.tr("connected") if row.connected else self.tr("not connected")
            answer = f" — “{esc(row.follow_up_answer)}”" if row.follow_up_answer else ""
            lines.append(
                self.tr("Asked on {day}: {said}{answer}").format(
                    day=self.day(row.followed_up_on), said=said, answer=answer
                )
            )
        if not row.provider_accepting:
            lines.append("⚠ " + referrals.not_accepting_message(esc(row.provider_name)))
        lines.append(
            self.tr("Referred on {day}.").format(day=self.day(row.referred_on))
            + (
                " "
                + self.tr("Consent to share recorded on {day}.").format(
                    day=self.day(row.consent_to_share_on)
                )
                if row.consent_to_share_on
                else ""
            )
        )
        return "<br>".join(lines)

    # -- actions ----------------------------------------------------------------------

    def make_referral_dialog(self, referral_id: int | None = None) -> ReferralDialog:
        return ReferralDialog(self.ops, referral_id=referral_id, parent=self)

    def make_handoff_dialog(self, row: ReferralRow) -> HandoffDialog:
        return HandoffDialog(self.ops, row, parent=self)

    def make_follow_up_dialog(self, row: ReferralRow) -> FollowUpDialog:
        return FollowUpDialog(self.ops, row, parent=self)

    def make_letter_dialog(self, row: ReferralRow) -> LetterDialog:
        return LetterDialog(self.ops, row, parent=self)

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog modally (tests replace this to drive it as a person would)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _after(self, dialog: QDialog) -> None:
        stored = getattr(dialog, "stored", None)
        self.refresh()
        if stored is not None:
            self.select(stored.id)

    def new_referral(self) -> None:
        dialog = self.make_referral_dialog()
        if self.run_dialog(dialog):
            self._after(dialog)

    def edit_referral(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = self.make_referral_dialog(row.id)
        if self.run_dialog(dialog):
            self._after(dialog)

    def record_handoff(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = self.make_handoff_dialog(row)
        if self.run_dialog(dialog):
            self._after(dialog)

    def record_follow_up(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = self.make_follow_up_dialog(row)
        if self.run_dialog(dialog):
            self._after(dialog)

    def write_letter(self) -> None:
        row = self.current()
        if row is None:
            return
        self.run_dialog(self.make_letter_dialog(row))
        self.refresh()  # consent may have been recorded

    def set_status(self, status: ReferralStatus) -> None:
        row = self.current()
        if row is None:
            return
        today = dt.date.today()
        try:
            self.ops.run(
                lambda s: referrals.set_status(s, row.id, status, today=today), Changes.REFERRALS
            )
        except (ValidationError, NotFoundError) as error:
            message = (
                " ".join(e.message for e in error.errors)
                if isinstance(error, ValidationError)
                else str(error)
            )
            self.action_error.setText(f"⚠ {message}")
            self.action_error.show()
            return
        self.refresh()


class DirectoryPanel(QWidget):
    """The provider directory: a searchable list beside the selected provider's form."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.model = ProviderTableModel(self)
        self.proxy = _proxy(self, self.model)
        self.search = QLineEdit()
        self.search.setObjectName("provider_search")
        self.search.setPlaceholderText(self.tr("Search name, specialty or notes"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search providers"))
        self.archived_filter = QComboBox()
        self.archived_filter.setObjectName("provider_filter")
        self.archived_filter.setAccessibleName(self.tr("Show providers"))
        self.archived_filter.addItem(self.tr("In use"), False)
        self.archived_filter.addItem(self.tr("Including archived"), True)
        self.new_button = QPushButton(self.tr("New provider"))
        self.new_button.setObjectName("new_provider")
        self.coworkers_button = QPushButton(self.tr("Add co-workers"))
        self.coworkers_button.setObjectName("add_coworkers")
        self.coworkers_button.setToolTip(
            self.tr("Put every practitioner of the practice in the directory")
        )
        self.table = _table("provider_table", self.tr("Providers"))
        self.table.setModel(self.proxy)
        self.table.sortByColumn(ProviderColumn.NAME, Qt.SortOrder.AscendingOrder)
        fit_columns(self.table, prose=(ProviderColumn.NAME, ProviderColumn.SPECIALTY))
        self.count_label = QLabel()
        self.count_label.setObjectName("provider_count")
        self.form = ProviderForm(ops)
        self.form.setObjectName("provider_form")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.archived_filter)
        top.addWidget(self.coworkers_button)
        top.addWidget(self.new_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(12, 12, 6, 12)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(420)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.search.textChanged.connect(self.refresh)
        self.archived_filter.currentIndexChanged.connect(self.refresh)
        self.new_button.clicked.connect(self.new_provider)
        self.coworkers_button.clicked.connect(self.add_coworkers)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.form.saved.connect(self._on_saved)
        self.form.removed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        text = self.search.text()
        include_archived = bool(self.archived_filter.currentData())
        rows = self.ops.read(
            lambda s: referrals.list_providers(s, text, include_archived=include_archived)
        )
        keep = self.form.provider.id if self.form.provider else None
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self.table.selectionModel().blockSignals(False)
        self.count_label.setText(
            self.tr("1 provider")
            if len(rows) == 1
            else self.tr("{n} providers").format(n=len(rows))
        )
        if keep is not None:
            self.select(keep)

    def select(self, provider_id: int) -> bool:
        row = self.model.row_for_id(provider_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        provider_id = current.data(IdRole)
        if self.form.provider is not None and self.form.provider.id == provider_id:
            return
        try:
            self.form.load(self.ops.read(lambda s: referrals.get_provider(s, provider_id)))
        except NotFoundError:
            self.refresh()

    def _on_saved(self, provider_id: int) -> None:
        self.refresh()
        self.select(provider_id)

    def new_provider(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self.form.load(None)
        self.form.name.setFocus()

    def add_coworkers(self) -> None:
        added = self.ops.run(referrals.add_coworkers, Changes.REFERRALS)
        self.refresh()
        self.count_label.setText(
            self.count_label.text()
            + " · "
            + (
                self.tr("every co-worker is already listed")
                if not added
                else self.tr("added {n} co-workers").format(n=len(added))
            )
        )


class ReferralsScreen(QWidget):
    """Referrals out (due follow-ups first) and the provider directory, as two tabs."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.referrals = ReferralsPanel(ops)
        self.directory = DirectoryPanel(ops)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("referral_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.referrals, self.tr("Referrals"))
        self.tabs.addTab(self.directory, self.tr("Provider directory"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        ops.changed.connect(self._on_changes)

    def focus_search(self) -> None:
        panel = self.tabs.currentWidget()
        search = getattr(panel, "search", None)
        if isinstance(search, QLineEdit):
            search.setFocus()
            search.selectAll()

    def _on_changes(self, changes: Changes) -> None:
        if changes & (Changes.REFERRALS | Changes.CLIENTS | Changes.SETTINGS):
            self.referrals.refresh()
            self.directory.refresh()
