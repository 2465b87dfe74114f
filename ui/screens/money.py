"""Money: the overview, what is waiting to be charged, money conversations to follow up,
and every client's balance with its ageing and the next gentle step.

The words are chosen to carry no shame: "balance", "from earlier sessions",
"past its date". Nothing here computes a rule; the figures, the ageing and the
next steps all come from :mod:`clientcare.money`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clientcare import locale_format, money
from clientcare.errors import NotFoundError, ValidationError
from clientcare.money_format import format_money
from clientcare.practice import get_settings
from clientcare.scope import Scope
from ui.dialogs.charge_confirm import ChargeDialog
from ui.dialogs.payment import PaymentDialog
from ui.models.base import PAGE_SIZE, PagedRowsModel, PageReader
from ui.models.listing import ProseRows
from ui.models.money import (
    BalanceColumn,
    BalanceTableModel,
    ClientIdRole,
    FollowUpColumn,
    FollowUpModel,
    ToChargeColumn,
    ToChargeModel,
)
from ui.ops import Changes, Operations
from ui.theme import look, set_figure, set_heading
from ui.widgets.ageing_chart import AgeingChart
from ui.widgets.scope_choice import ScopeChoice, shown_text
from ui.widgets.tables import paged_table

#: What the Money screen shows depends on these kinds of change.
WATCHED = Changes.MONEY | Changes.APPOINTMENTS | Changes.CLIENTS | Changes.SETTINGS


def _text_margins(table: QTableView) -> int:
    """The item delegate's text margins (QStyle::PM_FocusFrameHMargin + 1, each side)."""
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table)
    return 2 * (margin + 1)


def _starting_with(first: list[Any] | None, reader: PageReader) -> PageReader:
    """``reader``, except that the first page is ``first`` (read already, with the list's
    totals in the same statement) when given."""
    if first is None:
        return reader
    pending = [first]

    def read(offset: int, limit: int) -> Sequence[Any]:
        if offset == 0 and pending:
            return pending.pop()
        return reader(offset, limit)

    return read


def _fit_columns(table: QTableView, model: Any, stretch: int) -> None:
    """Short columns as wide as their header and the first page's texts (a sample, never
    the whole list); ``stretch`` takes the rest. Text that still does not fit is elided,
    and every cell's tooltip holds its full text."""
    header, metrics = table.horizontalHeader(), table.fontMetrics()
    margins = _text_margins(table) + 2
    sample = range(min(model.rowCount(), model.page_size))
    for column in range(header.count()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        widest = max((metrics.horizontalAdvance(model.texts(n)[column]) for n in sample), default=0)
        header.resizeSection(column, max(header.sectionSizeHint(column), widest + margins))


class Figure(QWidget):
    """A labelled figure of the overview: a caption, the amount large, a quiet note."""

    def __init__(self, caption: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(caption)
        self.value = QLabel()
        self.value.setObjectName(name)
        self.value.setAccessibleName(caption)
        set_figure(self.value)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel()
        self.note.setObjectName(f"{name}_note")
        self.note.setWordWrap(True)
        look(self.note, "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)

    def set(self, value: str, note: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)
        self.note.setVisible(bool(note))


class MoneyScreen(QWidget):
    """The practice's money at a glance, and the lists that need a hand.

    Your clients' money first (``ScopeChoice``: the whole practice's on request); the
    figures, the chart and every list follow the choice. Each list is read a page at a
    time and says "64 of 866 … shown" when it is cut; its counts and totals are the
    SQL's, for the whole list. Hidden, the screen reads nothing: a change elsewhere marks
    it stale, and it reads again when shown.
    """

    #: Double-click on a client: the main window opens them on the Clients screen.
    open_client = Signal(int)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.currency, self.practice_locale = "GBP", "en_GB"
        self.overview: money.Overview | None = None
        self._stale = True
        self._read_on: dt.date | None = None
        self._balance_totals = money.BalanceTotals(money.BalanceCounts(0, 0, 0), {}, 0)

        title = QLabel(self.tr("Money"))
        title.setObjectName("money_title")
        set_heading(title, "title")
        self.scope_choice = ScopeChoice(ops)
        self.scope_choice.changed.connect(self.refresh)
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.scope_choice)
        self.notice = QLabel()
        self.notice.setObjectName("money_notice")
        self.notice.setWordWrap(True)
        look(self.notice, "note-highlight")
        self.notice.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(heading)
        layout.addLayout(self._build_overview())
        layout.addWidget(self.notice)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("money_splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_waiting())
        splitter.addWidget(self._build_balances())
        # Each pane a few rows at the least (they scroll): the screen fits a 600-pixel one.
        for pane in (self.lists, self.balances_box):
            pane.setMinimumHeight(110)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

        ops.changed.connect(self._on_changes)
        self.refresh()

    # -- building ------------------------------------------------------------------

    def _build_overview(self) -> QHBoxLayout:
        self.received = Figure(self.tr("Received this month"), "received_this_month")
        self.outstanding = Figure(self.tr("Outstanding"), "outstanding")
        self.credit = Figure(self.tr("Credit held"), "credit_held")
        self.figures = QGroupBox(self.tr("Overview"))
        self.figures.setObjectName("money_overview")
        grid = QVBoxLayout(self.figures)
        grid.setSpacing(10)
        for figure in (self.received, self.outstanding, self.credit):
            grid.addWidget(figure)
        grid.addStretch(1)
        self.figures.setMinimumWidth(230)
        self.chart = AgeingChart()
        chart_box = QGroupBox(self.tr("Outstanding, by how long ago it was charged"))
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.addWidget(self.chart)
        row = QHBoxLayout()
        row.addWidget(self.figures)
        row.addWidget(chart_box, 1)
        return row

    def _build_waiting(self) -> QWidget:
        self.to_charge_model = ToChargeModel(self)
        self.to_charge_table = paged_table(
            "to_charge_table", self.tr("Appointments to charge"), self.to_charge_model
        )
        self.to_charge_empty = QLabel(self.tr("Nothing is waiting to be charged."))
        self.to_charge_empty.setObjectName("to_charge_empty")
        self.to_charge_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.to_charge_stack = QStackedWidget()
        self.to_charge_stack.addWidget(self.to_charge_table)
        self.to_charge_stack.addWidget(self.to_charge_empty)
        self.to_charge_count = QLabel()
        self.to_charge_count.setObjectName("to_charge_count")
        self.to_charge_count.setWordWrap(True)
        self.charge_button = QPushButton(self.tr("Charge…"))
        self.charge_button.setObjectName("charge_one")
        self.charge_button.setToolTip(self.tr("Confirm or change the amount, then charge"))
        self.charge_all_button = QPushButton(self.tr("Charge all with a known fee"))
        self.charge_all_button.setObjectName("charge_all")
        self.charge_button.clicked.connect(self.charge_selected)
        self.charge_all_button.clicked.connect(self.charge_all)
        self.to_charge_table.doubleClicked.connect(lambda _index: self.charge_selected())
        self.to_charge_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._sorted_by_header(self.to_charge_table, self.to_charge_model, self._load_to_charge)
        self.to_charge_model.rowsInserted.connect(self._show_to_charge_count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.charge_button)
        buttons.addWidget(self.charge_all_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.to_charge_count, 1)
        self.to_charge_page = QWidget()
        self.to_charge_page.setObjectName("to_charge")
        box_layout = QVBoxLayout(self.to_charge_page)
        box_layout.addWidget(self.to_charge_stack, 1)
        box_layout.addLayout(buttons)

        self.follow_up_model = FollowUpModel(self)
        self.follow_up_table = paged_table(
            "follow_up_table", self.tr("Money conversations to follow up"), self.follow_up_model
        )
        self._follow_up_rows = ProseRows(
            self.follow_up_table, self.follow_up_model, (FollowUpColumn.AGREED,)
        )
        self.follow_up_empty = QLabel(self.tr("No money conversation is waiting for a follow-up."))
        self.follow_up_empty.setObjectName("follow_up_empty")
        self.follow_up_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.follow_up_empty.setWordWrap(True)
        self.follow_up_stack = QStackedWidget()
        self.follow_up_stack.addWidget(self.follow_up_table)
        self.follow_up_stack.addWidget(self.follow_up_empty)
        self.follow_up_count = QLabel()
        self.follow_up_count.setObjectName("follow_up_count")
        self.followed_up_button = QPushButton(self.tr("Mark followed up"))
        self.followed_up_button.setObjectName("mark_followed_up")
        self.followed_up_button.clicked.connect(self.mark_followed_up)
        self.follow_up_table.doubleClicked.connect(self._open_from)
        self.follow_up_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._sorted_by_header(self.follow_up_table, self.follow_up_model, self._load_follow_ups)
        self.follow_up_model.rowsInserted.connect(self._show_follow_up_count)
        follow_buttons = QHBoxLayout()
        follow_buttons.addWidget(self.followed_up_button)
        follow_buttons.addSpacing(12)
        follow_buttons.addWidget(self.follow_up_count, 1)
        self.follow_up_page = QWidget()
        self.follow_up_page.setObjectName("follow_ups")
        follow_layout = QVBoxLayout(self.follow_up_page)
        follow_layout.addWidget(self.follow_up_stack, 1)
        follow_layout.addLayout(follow_buttons)

        # Tabs rather than side by side: each list needs the full width to be read.
        self.lists = QTabWidget()
        self.lists.setObjectName("money_lists")
        self.lists.addTab(self.to_charge_page, self.tr("To charge"))
        self.lists.addTab(self.follow_up_page, self.tr("Follow-ups due"))
        return self.lists

    def _build_balances(self) -> QWidget:
        self.balance_model = BalanceTableModel(self)
        self.balance_table = paged_table("balance_table", self.tr("Balances"), self.balance_model)
        # The next step is a sentence, and wraps (its row as tall as it needs) rather
        # than be cut off.
        self._balance_rows = ProseRows(
            self.balance_table, self.balance_model, (BalanceColumn.NEXT_STEP,)
        )
        self.balance_empty = QLabel()
        self.balance_empty.setObjectName("balances_empty")
        self.balance_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.balance_empty.setWordWrap(True)
        self.balance_stack = QStackedWidget()
        self.balance_stack.addWidget(self.balance_table)
        self.balance_stack.addWidget(self.balance_empty)

        self.search = QLineEdit()
        self.search.setObjectName("balance_search")
        self.search.setPlaceholderText(self.tr("Search by name"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search balances"))
        self.search.textChanged.connect(lambda _text: self.refresh_balances())
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.focus_search)
        self.pay_button = QPushButton(self.tr("Record payment…"))
        self.pay_button.setObjectName("record_payment")
        self.refund_button = QPushButton(self.tr("Refund…"))
        self.refund_button.setObjectName("record_refund")
        self.open_button = QPushButton(self.tr("Open client"))
        self.open_button.setObjectName("open_client")
        self.pay_button.clicked.connect(lambda: self.record_payment(refund=False))
        self.refund_button.clicked.connect(lambda: self.record_payment(refund=True))
        self.open_button.clicked.connect(lambda: self._open_from(self.balance_table.currentIndex()))
        self.balance_table.doubleClicked.connect(self._open_from)
        self.balance_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._sorted_by_header(
            self.balance_table, self.balance_model, lambda: self.refresh_balances(keep_totals=True)
        )
        self.balance_model.rowsInserted.connect(self._show_balance_count)
        self.balance_count = QLabel()
        self.balance_count.setObjectName("balance_count")
        self.balance_count.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.pay_button)
        top.addWidget(self.refund_button)
        top.addWidget(self.open_button)
        self.balances_box = QGroupBox(self.tr("Balances"))
        self.balances_box.setObjectName("balances")
        box_layout = QVBoxLayout(self.balances_box)
        box_layout.addLayout(top)
        box_layout.addWidget(self.balance_stack, 1)
        box_layout.addWidget(self.balance_count)
        return self.balances_box

    def _sorted_by_header(self, table: QTableView, model: Any, reload: Callable[[], None]) -> None:
        """A click on a sortable column's header reads the list again in that order; a
        click on another column (a sentence, say) leaves the order as it was."""
        header = table.horizontalHeader()

        def sort(column: int, order: Qt.SortOrder) -> None:
            if column not in model.orders:
                header.blockSignals(True)
                header.setSortIndicator(
                    model.sort_column,
                    Qt.SortOrder.DescendingOrder
                    if model.descending
                    else Qt.SortOrder.AscendingOrder,
                )
                header.blockSignals(False)
                header.viewport().update()
                return
            model.sort_column = column
            model.descending = order == Qt.SortOrder.DescendingOrder
            reload()

        header.sortIndicatorChanged.connect(sort)

    # -- hooks tests replace -------------------------------------------------------

    def today(self) -> dt.date:
        return dt.date.today()

    def run_dialog(self, dialog: QDialog) -> int:
        return dialog.exec()

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    # -- loading -------------------------------------------------------------------

    def money_text(self, minor: int) -> str:
        return format_money(minor, self.currency, self.practice_locale)

    def scope(self) -> Scope:
        """Whose money is shown: your clients', or the whole practice's."""
        return self.scope_choice.scope()

    def refresh(self) -> None:
        """Read the figures again and the first page of each list, in one transaction
        (each list's first page and its totals in one statement)."""
        today, scope, text = self.today(), self.scope(), self.search.text()
        to_charge, follow_up, balance = (
            self.to_charge_model,
            self.follow_up_model,
            self.balance_model,
        )
        first_page = PAGE_SIZE + 1  # one more than a page: whether there is more

        def read(s: Any) -> tuple[Any, ...]:  # one read of the session (ops.read)
            settings = get_settings(s)
            balances = money.balances_and_totals(
                s,
                today=today,
                scope=scope,
                search=text,
                order=balance.order() or money.BalanceOrder.OLDEST,
                descending=balance.descending,
                limit=first_page,
                locale=settings.locale,
            )
            return (
                settings,
                money.received_this_month(s, today=today, scope=scope),
                money.to_charge_and_totals(
                    s,
                    until=today,
                    scope=scope,
                    order=to_charge.order() or money.ToChargeOrder.DATE,
                    descending=to_charge.descending,
                    limit=first_page,
                ),
                money.conversation_follow_ups_due(
                    s,
                    today=today,
                    scope=scope,
                    order=follow_up.order() or money.FollowUpOrder.DUE,
                    descending=follow_up.descending,
                    limit=first_page,
                ),
                money.count_conversation_follow_ups_due(s, today=today, scope=scope),
                balances,
                # The overview is the scope's, whatever is searched.
                money.balance_totals(s, today=today, scope=scope) if text.strip() else balances[1],
            )

        settings, received, waiting, follow_ups, due, balances, everyone = self.ops.read(read)
        self._stale, self._read_on = False, today
        self.currency, self.practice_locale = settings.currency, settings.locale
        for model in (to_charge, follow_up, balance):
            model.format_amount = self.money_text
            model.locale = self.practice_locale
        self.overview = money.Overview(
            received[0],
            received[1],
            everyone.outstanding_minor,
            everyone.credit_minor,
            everyone.buckets,
            waiting[1],
            due,
            everyone.counts,
        )
        self._show_overview(self.overview)
        self._load_to_charge(waiting[0])
        self._load_follow_ups(follow_ups)
        self.refresh_balances(balances)

    def _scope_words(self) -> str:
        if self.scope_choice.isHidden():
            return ""
        if self.scope().whole_practice:
            return self.tr("whole practice")
        return self.tr("my clients")

    def _show_overview(self, overview: money.Overview) -> None:
        scope = self._scope_words()
        self.figures.setTitle(
            self.tr("Overview — {scope}").format(scope=scope) if scope else self.tr("Overview")
        )
        self.balances_box.setTitle(
            self.tr("Balances — {scope}").format(scope=scope) if scope else self.tr("Balances")
        )
        refunded = overview.refunded_this_month_minor
        self.received.set(
            self.money_text(overview.received_this_month_minor),
            self.tr("{amount} refunded").format(amount=self.money_text(refunded))
            if refunded
            else "",
        )
        # The domain's rule for "from earlier sessions" (more than 30 days old).
        earlier = money.Ageing(overview.buckets).overdue_minor
        self.outstanding.set(
            self.money_text(overview.outstanding_minor),
            self.tr("{amount} from more than {days} days ago").format(
                amount=self.money_text(earlier), days=money.OVERDUE_AFTER_DAYS
            )
            if earlier
            else "",
        )
        self.credit.set(self.money_text(overview.credit_minor))
        self.chart.set_data(overview.buckets, self.money_text)
        waiting = overview.to_charge.count
        self.lists.setTabText(
            self.lists.indexOf(self.to_charge_page),
            self.tr("To charge ({n})").format(n=self._number(waiting))
            if waiting
            else self.tr("To charge"),
        )
        due = overview.follow_ups_due
        self.lists.setTabText(
            self.lists.indexOf(self.follow_up_page),
            self.tr("Follow-ups due ({n})").format(n=self._number(due))
            if due
            else self.tr("Follow-ups due"),
        )

    def _number(self, n: int) -> str:
        return locale_format.number(n, self.practice_locale)

    def _load_to_charge(self, first: list[money.ChargeProposal] | None = None) -> None:
        """The list to charge in the order chosen, from its first page (``first``, when
        just read); the rest is read as the list scrolls."""
        model, today, scope = self.to_charge_model, self.today(), self.scope()
        order = model.order() or money.ToChargeOrder.DATE
        descending = model.descending
        self._load_list(
            model,
            self.to_charge_table,
            self.to_charge_stack,
            self.to_charge_empty,
            _starting_with(
                first,
                lambda offset, limit: self.ops.read(
                    lambda s: money.to_charge(
                        s,
                        until=today,
                        scope=scope,
                        order=order,
                        descending=descending,
                        offset=offset,
                        limit=limit,
                    )
                ),
            ),
            ToChargeColumn.NOTE,
        )
        self._show_to_charge_count()

    def _load_list(
        self,
        model: PagedRowsModel,
        table: QTableView,
        stack: QStackedWidget,
        empty: QWidget,
        reader: Callable[[int, int], Sequence[Any]],
        stretch: int,
    ) -> None:
        """Show ``reader``'s rows a page at a time in ``table`` (``empty`` when none)."""
        model.set_source(reader)
        listed = model.rowCount() > 0
        stack.setCurrentWidget(table if listed else empty)
        if listed:
            _fit_columns(table, model, stretch=stretch)
        self._update_buttons()

    def _show_to_charge_count(self) -> None:
        """ "64 of 866 appointments shown · £61,080.00 to charge · 2 with no fee set"."""
        totals = self.overview.to_charge if self.overview else money.ToChargeTotals(0, 0, 0, 0)
        if not totals.count:
            self.to_charge_count.clear()
            return
        parts = [
            shown_text(
                self.to_charge_model.rowCount(),
                totals.count,
                self.practice_locale,
                self.tr("appointments"),
            ),
            self.tr("{amount} to charge").format(amount=self.money_text(totals.total_minor)),
        ]
        if totals.no_fee:
            parts.append(self.tr("{n} with no fee set").format(n=self._number(totals.no_fee)))
        if totals.forgiven:
            parts.append(self.tr("{n} forgiven").format(n=self._number(totals.forgiven)))
        self.to_charge_count.setText(" · ".join(parts))

    def _load_follow_ups(self, first: list[money.ConversationRow] | None = None) -> None:
        model, today, scope = self.follow_up_model, self.today(), self.scope()
        order = model.order() or money.FollowUpOrder.DUE
        descending = model.descending
        self._load_list(
            model,
            self.follow_up_table,
            self.follow_up_stack,
            self.follow_up_empty,
            _starting_with(
                first,
                lambda offset, limit: self.ops.read(
                    lambda s: money.conversation_follow_ups_due(
                        s,
                        today=today,
                        scope=scope,
                        order=order,
                        descending=descending,
                        offset=offset,
                        limit=limit,
                    )
                ),
            ),
            FollowUpColumn.AGREED,
        )
        self._show_follow_up_count()

    def _show_follow_up_count(self) -> None:
        """ "64 of 120 follow-ups shown" when the list is cut (the tab counts them all)."""
        total = self.overview.follow_ups_due if self.overview else 0
        shown = self.follow_up_model.rowCount()
        self.follow_up_count.setText(
            shown_text(shown, total, self.practice_locale, self.tr("follow-ups"))
            if shown < total
            else ""
        )

    def refresh_balances(
        self,
        first: tuple[list[money.BalanceRow], money.BalanceTotals] | None = None,
        *,
        keep_totals: bool = False,
    ) -> None:
        """Read the balances again for the search and order, keeping the selected client
        selected. ``first``: the first page and the list's figures, when just read;
        ``keep_totals``: only the order changed (the figures stay)."""
        today, scope, text = self.today(), self.scope(), self.search.text()
        model, locale = self.balance_model, self.practice_locale
        order = model.order() or money.BalanceOrder.OLDEST
        descending = model.descending
        selected = self.selected_client_id()
        rows = None
        if first is not None:
            rows, self._balance_totals = first
        elif not keep_totals:
            rows, self._balance_totals = self.ops.read(
                lambda s: money.balances_and_totals(
                    s,
                    today=today,
                    scope=scope,
                    search=text,
                    order=order,
                    descending=descending,
                    limit=model.page_size + 1,
                    locale=locale,
                )
            )
        model.set_source(
            _starting_with(
                rows,
                lambda offset, limit: self.ops.read(
                    lambda s: money.balances(
                        s,
                        today=today,
                        search=text,
                        locale=locale,
                        scope=scope,
                        order=order,
                        descending=descending,
                        offset=offset,
                        limit=limit,
                    )
                ),
            ),
            lambda client_id: self.ops.read(
                lambda s: money.balance_position(
                    s,
                    client_id,
                    today=today,
                    scope=scope,
                    search=text,
                    order=order,
                    descending=descending,
                )
            ),
        )
        if selected is not None:
            self.select_balance(selected)
        if model.rowCount():
            _fit_columns(self.balance_table, self.balance_model, stretch=BalanceColumn.NEXT_STEP)
            self.balance_stack.setCurrentWidget(self.balance_table)
        else:
            self.balance_empty.setText(
                self.tr("No balance matches “{text}”.").format(text=text.strip())
                if text.strip()
                else self.tr("No client has a balance or credit. Everything is settled.")
            )
            self.balance_stack.setCurrentWidget(self.balance_empty)
        self._show_balance_count()
        self._update_buttons()

    def _show_balance_count(self) -> None:
        """ "12 with a balance · 1 with credit", after "64 of 385 clients shown" when cut."""
        counts = self._balance_totals.counts
        text = self.tr("{owing} with a balance · {credit} with credit").format(
            owing=self._number(counts.owing), credit=self._number(counts.in_credit)
        )
        shown = self.balance_model.rowCount()
        if shown < counts.listed:
            text = (
                shown_text(shown, counts.listed, self.practice_locale, self.tr("clients"))
                + " · "
                + text
            )
        self.balance_count.setText(text)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def select_balance(self, client_id: int) -> bool:
        row = self.balance_model.row_for_id(client_id)
        if row is None:
            return False
        index = self.balance_model.index(row, 0)
        self.balance_table.setCurrentIndex(index)
        self.balance_table.scrollTo(index)
        return True

    def selected_client_id(self) -> int | None:
        index = self.balance_table.currentIndex()
        if not index.isValid() or not self.balance_table.selectionModel().hasSelection():
            return None
        return index.data(ClientIdRole)

    def _update_buttons(self) -> None:
        has_client = self.selected_client_id() is not None
        self.pay_button.setEnabled(has_client)
        self.refund_button.setEnabled(has_client)
        self.open_button.setEnabled(has_client)
        self.charge_button.setEnabled(self._selected_proposal() is not None)
        with_fee = self.overview.to_charge.with_fee if self.overview else 0
        self.charge_all_button.setEnabled(with_fee > 0)
        self.followed_up_button.setEnabled(self._selected_follow_up() is not None)

    def _on_changes(self, changes: Changes) -> None:
        if changes & Changes.SETTINGS:
            self.scope_choice.reload()  # "This is me", or a practitioner joined or left
        if changes & WATCHED:
            if self.isVisible():
                self.refresh()
            else:  # read when shown again: a change elsewhere costs nothing meanwhile
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        # Read again only when something changed since, or the day did.
        if self._stale or self._read_on != self.today():
            self.refresh()
        super().showEvent(event)

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # -- actions -------------------------------------------------------------------

    def _open_from(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_client.emit(int(index.data(ClientIdRole)))

    def record_payment(self, *, refund: bool = False) -> None:
        """Open the payment (or refund) dialog for the selected client."""
        client_id = self.selected_client_id()
        if client_id is None:
            return
        dialog = PaymentDialog(self.ops, client_id, self, refund=refund)
        if self.run_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.stored:
            result = dialog.stored
            name = dialog.situation.client_name
            what = self.tr("Refund") if refund else self.tr("Payment")
            if result.credit_minor:
                after = self.tr("credit held {amount}").format(
                    amount=self.money_text(result.credit_minor)
                )
            else:
                after = self.tr("balance {amount}").format(
                    amount=self.money_text(result.balance_minor)
                )
            self._say(
                self.tr("{what} of {amount} recorded for {name}; {after}.").format(
                    what=what,
                    amount=self.money_text(result.payment.amount_minor),
                    name=name,
                    after=after,
                )
            )

    def _selected_proposal(self) -> money.ChargeProposal | None:
        index = self.to_charge_table.currentIndex()
        if not index.isValid() or not self.to_charge_table.selectionModel().hasSelection():
            return None
        return self.to_charge_model.rows[index.row()]

    def charge_selected(self) -> None:
        """Confirm (or change) the amount for the selected appointment, then charge it."""
        proposal = self._selected_proposal()
        if proposal is None:
            return
        dialog = ChargeDialog(self.ops, proposal, self)
        if self.run_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.stored:
            charge = dialog.stored
            if charge.waived_reason:
                self._say(
                    self.tr("{what} recorded as waived: {reason}").format(
                        what=charge.description, reason=charge.waived_reason
                    )
                )
            else:
                self._say(
                    self.tr("{what} charged: {amount}.").format(
                        what=charge.description, amount=self.money_text(charge.amount_minor)
                    )
                )

    def charge_all(self) -> None:
        """Charge every appointment of the list (the whole list, not only the rows read)
        whose fee is known, in one transaction, after asking."""
        today, scope = self.today(), self.scope()
        totals, ids = self.ops.read(
            lambda s: (
                money.to_charge_totals(s, until=today, scope=scope),
                money.to_charge_with_fee(s, until=today, scope=scope),
            )
        )
        if not ids:
            return
        text = self.tr("Charge {n} appointments, {total} in all?").format(
            n=self._number(len(ids)), total=self.money_text(totals.total_minor)
        )
        if totals.forgiven:
            text += " " + self.tr(
                "Fees a grace rule forgives are recorded as waived, with their reason."
            )
        if totals.no_fee:
            text += " " + self.tr(
                "{n} with no fee set stay in the list, to charge one by one."
            ).format(n=self._number(totals.no_fee))
        if not self.confirm(self.tr("Charge all with a known fee"), text):
            return
        try:
            done = self.ops.run(lambda s: money.charge_all(s, ids))
        except (ValidationError, NotFoundError) as error:
            message = (
                "; ".join(e.message for e in error.errors)
                if isinstance(error, ValidationError)
                else str(error)
            )
            self._say(self.tr("Nothing was charged: {message}").format(message=message))
            return
        text = self.tr("Charged {n} appointments: {total}.").format(
            n=self._number(done.charged), total=self.money_text(done.charged_minor)
        )
        if done.waived:
            text += " " + self.tr("{n} recorded as waived under a grace rule.").format(
                n=self._number(done.waived)
            )
        self._say(text)

    def _selected_follow_up(self) -> money.ConversationRow | None:
        index = self.follow_up_table.currentIndex()
        if not index.isValid() or not self.follow_up_table.selectionModel().hasSelection():
            return None
        return self.follow_up_model.rows[index.row()]

    def mark_followed_up(self) -> None:
        conversation = self._selected_follow_up()
        if conversation is None:
            return
        today = self.today()
        try:
            self.ops.run(
                lambda s: money.complete_follow_up(s, conversation.id, done_on=today),
            )
        except NotFoundError as error:
            self._say(str(error))
            self.refresh()
            return
        self._say(
            self.tr("Followed up with {name} ({topic}).").format(
                name=conversation.client_name, topic=self.tr(conversation.topic_label).lower()
            )
        )
