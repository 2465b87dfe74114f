"""The Referrals screen: open referrals (due follow-ups first) and the provider directory.

The referrals of your clients by default ("Show: My clients / Whole practice", beside
the tabs); both lists are read from SQL a page at a time (searched, ordered and counted
there: a cut list says "64 of 584 referrals shown"). The directory is read when its tab
is first shown, and a re-visit reads nothing unless something changed (or the day did).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clientcare import locale_format, referrals
from clientcare.db.models import ReferralStatus, WarmHandoff
from clientcare.errors import NotFoundError, ValidationError
from clientcare.practice import get_settings
from clientcare.referrals import ReferralRow
from clientcare.scope import Scope
from ui.labels import label
from ui.models.listing import ColumnFitter, ProseRows, list_table
from ui.models.referrals import (
    PROVIDER_SORTS,
    REFERRAL_SORTS,
    ProviderColumn,
    ProviderTableModel,
    ReferralColumn,
    ReferralTableModel,
    handoff_text,
    short_date,
)
from ui.ops import Changes, Operations
from ui.theme import look, screen_title
from ui.widgets.fields import error_label
from ui.widgets.reflow import FlowLayout
from ui.widgets.scope_choice import ScopeChoice, shown_text

if TYPE_CHECKING:  # imported when first needed: the letter's printing layer is heavy
    from ui.dialogs.referral import FollowUpDialog, HandoffDialog, LetterDialog, ReferralDialog

_WATCHED = Changes.REFERRALS | Changes.CLIENTS | Changes.SETTINGS


class ReferralsPanel(QWidget):
    """Referrals out: searchable, sortable, due follow-ups first; actions on the selected one."""

    def __init__(self, screen: ReferralsScreen) -> None:
        super().__init__()
        self.referrals_screen = screen
        self.ops = screen.ops
        self.stale = True
        self.total = 0
        self.model = ReferralTableModel(self, sort_column=ReferralColumn.FOLLOW_UP)

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
        look(self.due_banner, "warning")
        self.due_banner.hide()

        self.table = list_table("referral_table", self.tr("Referrals"), self.model)
        ProseRows(self.table, self.model, (ReferralColumn.PROVIDER,))
        self.columns = ColumnFitter(self.table, (ReferralColumn.PROVIDER,))
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
        # On as many lines as the width needs: none is cut at the window's smallest.
        actions = FlowLayout()
        for button in (
            self.handoff_button,
            self.follow_up_button,
            self.accept_button,
            self.decline_button,
            self.complete_button,
            self.letter_button,
            self.edit_button,
        ):
            actions.addWidget(button)

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

        self.search.textChanged.connect(lambda _text: self.refresh())
        self.show_filter.currentIndexChanged.connect(lambda _index: self.refresh())
        self.model.sort_requested.connect(self.refresh)
        self.model.rowsInserted.connect(lambda *_: self._show_count())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.doubleClicked.connect(lambda _index: self.edit_referral())

    # -- list -----------------------------------------------------------------------

    def today(self) -> dt.date:
        return self.referrals_screen.today()

    def _filters(self) -> dict[str, Any]:
        return {
            "text": self.search.text(),
            "open_only": bool(self.show_filter.currentData()),
            "scope": self.referrals_screen.scope(),
        }

    def refresh(self) -> None:
        """Read the list again for the search, the filter, the scope and the order,
        keeping the selected referral."""
        self.stale = False
        today, filters = self.today(), self._filters()
        sort = REFERRAL_SORTS[ReferralColumn(self.model.sort_column)]
        descending = self.model.descending
        keep = self.current_id()
        # Dates as the practice writes them.
        self.model.locale = self.referrals_screen.practice_locale
        self.model.set_source(
            lambda offset, limit: self.ops.read(
                lambda s: referrals.list_referrals(
                    s,
                    today=today,
                    **filters,
                    sort=sort,
                    descending=descending,
                    offset=offset,
                    limit=limit,
                )
            ),
            lambda referral_id: self.ops.read(
                lambda s: referrals.referral_position(
                    s, referral_id, today=today, **filters, sort=sort, descending=descending
                )
            ),
        )
        self.columns.fit((filters["open_only"], filters["scope"], sort, descending))
        scope = filters["scope"]
        # Counted in SQL only when the list is cut (the whole list read is counted here).
        self.total, due = self.ops.read(
            lambda s: (
                self.model.rowCount()
                if self.model.complete
                else referrals.count_referrals(s, **filters),
                referrals.count_follow_ups(s, today, scope=scope),
            )
        )
        if due.due:
            text_due = (
                self.tr("1 follow-up is due")
                if due.due == 1
                else self.tr("{n} follow-ups are due").format(
                    n=locale_format.number(due.due, self.referrals_screen.practice_locale)
                )
            )
            if due.overdue:
                text_due += self.tr(" ({n} overdue)").format(
                    n=locale_format.number(due.overdue, self.referrals_screen.practice_locale)
                )
            self.due_banner.setText(
                text_due + self.tr(": ask whether they connected, and record the answer.")
            )
        self.due_banner.setVisible(bool(due.due))
        text = filters["text"].strip()
        if not self.total:
            self.empty.setText(
                self.tr("No referral matches “{text}”.").format(text=text)
                if text
                else self.tr(
                    "No open referrals. When someone else may be a better fit for a client, "
                    "click “New referral…” — or “Refer…” in a contact note."
                )
            )
        self.table.setVisible(bool(self.total))
        self.empty.setVisible(not self.total)
        self._show_count()
        if keep is not None and self.select(keep):
            return
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._show_current()

    def _show_count(self) -> None:
        if self.total == 1:
            self.count_label.setText(self.tr("1 referral"))
            return
        self.count_label.setText(
            shown_text(
                self.model.rowCount(),
                self.total,
                self.referrals_screen.practice_locale,
                self.tr("referrals"),
            )
        )

    def select(self, referral_id: int) -> bool:
        row = self.model.row_for_id(referral_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._show_current()
        return True

    def current_id(self) -> int | None:
        row = self.current()
        return row.id if row is not None else None

    def current(self) -> ReferralRow | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def visible_ids(self) -> list[int]:
        """The referral ids of the rows read so far, in the order the list shows them."""
        return self.model.ids()

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

    # The dialogs (and the printing layer the letter needs) are imported when first used.

    def make_referral_dialog(self, referral_id: int | None = None) -> ReferralDialog:
        from ui.dialogs.referral import ReferralDialog

        return ReferralDialog(self.ops, referral_id=referral_id, parent=self)

    def make_handoff_dialog(self, row: ReferralRow) -> HandoffDialog:
        from ui.dialogs.referral import HandoffDialog

        return HandoffDialog(self.ops, row, parent=self)

    def make_follow_up_dialog(self, row: ReferralRow) -> FollowUpDialog:
        from ui.dialogs.referral import FollowUpDialog

        return FollowUpDialog(self.ops, row, parent=self)

    def make_letter_dialog(self, row: ReferralRow) -> LetterDialog:
        from ui.dialogs.referral import LetterDialog

        return LetterDialog(self.ops, row, parent=self)

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog modally (tests replace this to drive it as a person would)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def refresh_if_stale(self) -> None:
        """After an action: read again unless the change it made has been read already."""
        if self.stale:
            self.refresh()

    def _after(self, dialog: QDialog) -> None:
        stored = getattr(dialog, "stored", None)
        self.refresh_if_stale()
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
        self.refresh_if_stale()  # consent may have been recorded

    def set_status(self, status: ReferralStatus) -> None:
        row = self.current()
        if row is None:
            return
        today = self.today()
        try:
            self.ops.run(lambda s: referrals.set_status(s, row.id, status, today=today))
        except (ValidationError, NotFoundError) as error:
            message = (
                " ".join(e.message for e in error.errors)
                if isinstance(error, ValidationError)
                else str(error)
            )
            self.action_error.setText(f"⚠ {message}")
            self.action_error.show()
            return
        self.refresh_if_stale()
        self.select(row.id)


class DirectoryPanel(QWidget):
    """The provider directory: a searchable list beside the selected provider's form."""

    def __init__(self, screen: ReferralsScreen) -> None:
        super().__init__()
        self.referrals_screen = screen
        self.ops = screen.ops
        self.stale = True
        self.total = 0
        self.model = ProviderTableModel(self, sort_column=ProviderColumn.NAME)
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
        self.table = list_table("provider_table", self.tr("Providers"), self.model)
        prose = (ProviderColumn.NAME, ProviderColumn.SPECIALTY)
        ProseRows(self.table, self.model, prose)
        self.columns = ColumnFitter(self.table, prose)
        self.count_label = QLabel()
        self.count_label.setObjectName("provider_count")
        from ui.dialogs.provider import ProviderForm  # with the directory, when first shown

        self.form = ProviderForm(self.ops)
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

        self.search.textChanged.connect(lambda _text: self.refresh())
        self.archived_filter.currentIndexChanged.connect(lambda _index: self.refresh())
        self.model.sort_requested.connect(self.refresh)
        self.model.rowsInserted.connect(lambda *_: self._show_count())
        self.new_button.clicked.connect(self.new_provider)
        self.coworkers_button.clicked.connect(self.add_coworkers)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.form.saved.connect(self._on_saved)
        self.form.removed.connect(self.refresh_if_stale)

    def refresh(self) -> None:
        self.stale = False
        text = self.search.text()
        include_archived = bool(self.archived_filter.currentData())
        sort = PROVIDER_SORTS[ProviderColumn(self.model.sort_column)]
        descending = self.model.descending
        keep = self.form.provider.id if self.form.provider else None
        self.table.selectionModel().blockSignals(True)
        self.model.set_source(
            lambda offset, limit: self.ops.read(
                lambda s: referrals.list_providers(
                    s,
                    text,
                    include_archived=include_archived,
                    sort=sort,
                    descending=descending,
                    offset=offset,
                    limit=limit,
                )
            ),
            lambda provider_id: self.ops.read(
                lambda s: referrals.provider_position(
                    s,
                    provider_id,
                    text,
                    include_archived=include_archived,
                    sort=sort,
                    descending=descending,
                )
            ),
        )
        self.table.selectionModel().blockSignals(False)
        self.total = (
            self.model.rowCount()
            if self.model.complete
            else self.ops.read(
                lambda s: referrals.count_providers(s, text, include_archived=include_archived)
            )
        )
        self.columns.fit((include_archived, sort, descending))
        self._show_count()
        if keep is not None:
            self.select(keep)

    def _show_count(self) -> None:
        if self.total == 1:
            self.count_label.setText(self.tr("1 provider"))
            return
        self.count_label.setText(
            shown_text(
                self.model.rowCount(),
                self.total,
                self.referrals_screen.practice_locale,
                self.tr("providers"),
            )
        )

    def select(self, provider_id: int) -> bool:
        row = self.model.row_for_id(provider_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        provider_id = self.model.rows[current.row()].id
        if self.form.provider is not None and self.form.provider.id == provider_id:
            return
        try:
            self.form.load(self.ops.read(lambda s: referrals.get_provider(s, provider_id)))
        except NotFoundError:
            self.refresh()

    def refresh_if_stale(self) -> None:
        """After an action: read again unless the change it made has been read already."""
        if self.stale:
            self.refresh()

    def _on_saved(self, provider_id: int) -> None:
        self.refresh_if_stale()
        self.select(provider_id)

    def new_provider(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self.form.load(None)
        self.form.name.setFocus()

    def add_coworkers(self) -> None:
        added = self.ops.run(referrals.add_coworkers)
        self.refresh_if_stale()
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
        self._stale = True
        self._read_on: dt.date | None = None
        self.practice_locale = locale_format.DEFAULT_LOCALE  # the practice's, read on each refresh
        # Your clients' referrals by default; the whole practice's on request.
        self.scope_choice = ScopeChoice(ops)
        self.scope_choice.setContentsMargins(0, 0, 8, 0)
        self.referrals = ReferralsPanel(self)
        # The directory (and its provider form) is built when its tab is first shown.
        self._directory: DirectoryPanel | None = None
        self._directory_page = QWidget()
        self._directory_page.setObjectName("directory_page")
        QVBoxLayout(self._directory_page).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("referral_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.referrals, self.tr("Referrals"))
        self.tabs.addTab(self._directory_page, self.tr("Provider directory"))
        self.tabs.setCornerWidget(self.scope_choice, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = screen_title(self.tr("Referrals"), "referrals_title")
        title.setContentsMargins(16, 12, 16, 2)
        layout.addWidget(title)
        layout.addWidget(self.tabs)
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.focus_search)
        ops.changed.connect(self._on_changes)
        self.scope_choice.changed.connect(self._on_scope)
        self.tabs.currentChanged.connect(self._on_tab)
        self.refresh()

    @property
    def directory(self) -> DirectoryPanel:
        if self._directory is None:
            self._directory = DirectoryPanel(self)
            layout = self._directory_page.layout()
            assert layout is not None
            layout.addWidget(self._directory)
            self._directory.show()  # added to a page perhaps already shown
        return self._directory

    def current_panel(self) -> ReferralsPanel | DirectoryPanel:
        return self.referrals if self.tabs.currentIndex() <= 0 else self.directory

    def panels(self) -> tuple[ReferralsPanel | DirectoryPanel, ...]:
        """The tabs built so far."""
        built: tuple[ReferralsPanel | DirectoryPanel, ...] = (self.referrals,)
        return built if self._directory is None else (*built, self._directory)

    def today(self) -> dt.date:
        return dt.date.today()

    def scope(self) -> Scope:
        return self.scope_choice.scope()

    def refresh(self) -> None:
        """Read the tab shown again; the other is read when it is next shown."""
        self._stale = False
        self._read_on = self.today()
        self.practice_locale = self.ops.read(lambda s: get_settings(s).locale)
        for panel in self.panels():
            panel.stale = True
        current = self.current_panel()
        current.refresh()
        # The directory's counts are the practice's: the choice is about referrals.
        self.scope_choice.setEnabled(current is self.referrals)

    def _on_scope(self) -> None:
        self.referrals.stale = True
        if self.current_panel() is self.referrals:
            self.referrals.refresh()

    def _on_tab(self, _index: int) -> None:
        panel = self.current_panel()
        self.scope_choice.setEnabled(panel is self.referrals)
        if panel.stale:
            panel.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes & Changes.SETTINGS:
            self.scope_choice.reload()  # who "you" are, and whether to offer a choice
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

    def show_referral(self, referral_id: int) -> bool:
        """The Referrals tab with ``referral_id`` selected; when the search, the scope or
        "Open referrals" hides it (an item of the whole practice's care list on Today),
        widen the list step by step until it shows. False if it is not there at all."""
        panel = self.referrals
        self.tabs.setCurrentWidget(panel)
        if panel.stale:
            panel.refresh()
        steps = [lambda: None, panel.search.clear]  # each reads the list again
        if not self.scope().whole_practice:
            steps.append(self.scope_choice.show_whole_practice)
        steps.append(lambda: panel.show_filter.setCurrentIndex(1))
        for step in steps:
            step()
            if panel.select(referral_id):
                return True
        return False
