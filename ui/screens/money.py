"""Money: the overview, what is waiting to be charged, money conversations to follow up,
and every client's balance with its ageing and the next gentle step.

The words are chosen to carry no shame: "balance", "from earlier sessions",
"past its date". Nothing here computes a rule; the figures, the ageing and the
next steps all come from :mod:`clientcare.money`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from clientcare import clients, money
from clientcare.errors import NotFoundError, ValidationError
from clientcare.money_format import format_money
from clientcare.practice import get_settings
from ui.dialogs.charge_confirm import ChargeDialog
from ui.dialogs.payment import PaymentDialog
from ui.models.base import RowsTableModel
from ui.models.money import (
    BalanceColumn,
    BalanceTableModel,
    ClientIdRole,
    FollowUpColumn,
    FollowUpModel,
    SortRole,
    ToChargeColumn,
    ToChargeModel,
)
from ui.ops import Changes, Operations
from ui.theme import set_figure, set_heading
from ui.widgets.ageing_chart import AgeingChart
from ui.widgets.columns import fit_columns

#: What the Money screen shows depends on these kinds of change.
WATCHED = Changes.MONEY | Changes.APPOINTMENTS | Changes.CLIENTS | Changes.SETTINGS


def _table(
    model: RowsTableModel, name: str, accessible: str
) -> tuple[QTableView, QSortFilterProxyModel]:
    """A read-only, sortable table over ``model``, in the domain's order until sorted."""
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setModel(proxy)
    header = table.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table, proxy


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
        self.note.setStyleSheet("color: palette(placeholder-text);")
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
    """The practice's money at a glance, and the lists that need a hand."""

    #: Double-click on a client: the main window opens them on the Clients screen.
    open_client = Signal(int)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.currency, self.locale = "GBP", "en_GB"
        self.overview: money.Overview | None = None

        title = QLabel(self.tr("Money"))
        title.setObjectName("money_title")
        set_heading(title, "title")
        self.notice = QLabel()
        self.notice.setObjectName("money_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "background: palette(alternate-base); border-left: 3px solid palette(highlight);"
            " padding: 4px 8px;"
        )
        self.notice.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addLayout(self._build_overview())
        layout.addWidget(self.notice)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("money_splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_waiting())
        splitter.addWidget(self._build_balances())
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
        figures = QGroupBox(self.tr("Overview"))
        figures.setObjectName("money_overview")
        grid = QVBoxLayout(figures)
        grid.setSpacing(10)
        for figure in (self.received, self.outstanding, self.credit):
            grid.addWidget(figure)
        grid.addStretch(1)
        figures.setMinimumWidth(230)
        self.chart = AgeingChart()
        chart_box = QGroupBox(self.tr("Outstanding, by how long ago it was charged"))
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.addWidget(self.chart)
        row = QHBoxLayout()
        row.addWidget(figures)
        row.addWidget(chart_box, 1)
        return row

    def _build_waiting(self) -> QWidget:
        self.to_charge_model = ToChargeModel(self)
        self.to_charge_table, self.to_charge_proxy = _table(
            self.to_charge_model, "to_charge_table", self.tr("Appointments to charge")
        )
        fit_columns(self.to_charge_table, prose=(ToChargeColumn.NOTE,))
        self.to_charge_empty = QLabel(self.tr("Nothing is waiting to be charged."))
        self.to_charge_empty.setObjectName("to_charge_empty")
        self.to_charge_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.to_charge_stack = QStackedWidget()
        self.to_charge_stack.addWidget(self.to_charge_table)
        self.to_charge_stack.addWidget(self.to_charge_empty)
        self.charge_button = QPushButton(self.tr("Charge…"))
        self.charge_button.setObjectName("charge_one")
        self.charge_button.setToolTip(self.tr("Confirm or change the amount, then charge"))
        self.charge_all_button = QPushButton(self.tr("Charge all with a known fee"))
        self.charge_all_button.setObjectName("charge_all")
        self.charge_button.clicked.connect(self.charge_selected)
        self.charge_all_button.clicked.connect(self.charge_all)
        self.to_charge_table.doubleClicked.connect(lambda _index: self.charge_selected())
        self.to_charge_table.selectionModel().selectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.charge_button)
        buttons.addWidget(self.charge_all_button)
        buttons.addStretch(1)
        self.to_charge_page = QWidget()
        self.to_charge_page.setObjectName("to_charge")
        box_layout = QVBoxLayout(self.to_charge_page)
        box_layout.addWidget(self.to_charge_stack, 1)
        box_layout.addLayout(buttons)

        self.follow_up_model = FollowUpModel(self)
        self.follow_up_table, self.follow_up_proxy = _table(
            self.follow_up_model, "follow_up_table", self.tr("Money conversations to follow up")
        )
        fit_columns(self.follow_up_table, prose=(FollowUpColumn.AGREED,))
        self.follow_up_empty = QLabel(self.tr("No money conversation is waiting for a follow-up."))
        self.follow_up_empty.setObjectName("follow_up_empty")
        self.follow_up_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.follow_up_empty.setWordWrap(True)
        self.follow_up_stack = QStackedWidget()
        self.follow_up_stack.addWidget(self.follow_up_table)
        self.follow_up_stack.addWidget(self.follow_up_empty)
        self.followed_up_button = QPushButton(self.tr("Mark followed up"))
        self.followed_up_button.setObjectName("mark_followed_up")
        self.followed_up_button.clicked.connect(self.mark_followed_up)
        self.follow_up_table.doubleClicked.connect(self._open_from)
        self.follow_up_table.selectionModel().selectionChanged.connect(self._update_buttons)
        follow_buttons = QHBoxLayout()
        follow_buttons.addWidget(self.followed_up_button)
        follow_buttons.addStretch(1)
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
        self.balance_table, self.balance_proxy = _table(
            self.balance_model, "balance_table", self.tr("Balances")
        )
        # Names and amounts take their width; the next step is a sentence, and wraps
        # (its row as tall as it needs) rather than be cut off.
        fit_columns(self.balance_table, prose=(BalanceColumn.NEXT_STEP,))
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
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
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
        self.balance_count = QLabel()
        self.balance_count.setObjectName("balance_count")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.pay_button)
        top.addWidget(self.refund_button)
        top.addWidget(self.open_button)
        box = QGroupBox(self.tr("Balances"))
        box.setObjectName("balances")
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(top)
        box_layout.addWidget(self.balance_stack, 1)
        box_layout.addWidget(self.balance_count)
        return box

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
        return format_money(minor, self.currency, self.locale)

    def refresh(self) -> None:
        """Reload the overview, the waiting lists and the balances."""
        today = self.today()

        def read(s: Session) -> tuple[Any, ...]:
            # Every client's ageing and the sessions to charge are read once, for the
            # totals, the chart, the list to charge and the balances alike.
            ageing = money.all_ageing(s, today)
            proposals = money.uncharged(s, until=today)
            return (
                get_settings(s),
                {row.id: row.full_name for row in clients.list_clients(s)},
                money.overview(s, today=today, ageing=ageing, to_confirm=len(proposals)),
                proposals,
                money.conversation_follow_ups_due(s, today=today),
                ageing,
            )

        settings, names, overview, proposals, follow_ups, ageing = self.ops.read(read)
        self.currency, self.locale = settings.currency, settings.locale
        for model in (self.to_charge_model, self.follow_up_model, self.balance_model):
            model.format_amount = self.money_text
            model.locale = self.locale
            model.full_names = names
        self.overview = overview
        self._show_overview(overview)
        self.to_charge_model.set_rows(proposals)
        self.to_charge_stack.setCurrentWidget(
            self.to_charge_table if proposals else self.to_charge_empty
        )
        self.lists.setTabText(
            self.lists.indexOf(self.to_charge_page),
            self.tr("To charge ({n})").format(n=len(proposals))
            if proposals
            else self.tr("To charge"),
        )
        self.follow_up_model.set_rows(follow_ups)
        self.follow_up_stack.setCurrentWidget(
            self.follow_up_table if follow_ups else self.follow_up_empty
        )
        self.lists.setTabText(
            self.lists.indexOf(self.follow_up_page),
            self.tr("Follow-ups due ({n})").format(n=len(follow_ups))
            if follow_ups
            else self.tr("Follow-ups due"),
        )
        self.refresh_balances(ageing)

    def _show_overview(self, overview: money.Overview) -> None:
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

    def refresh_balances(self, ageing: dict[int, money.Ageing] | None = None) -> None:
        """Reload the balances for the search, keeping the selected client selected.

        ``ageing``: every client's, just read by ``refresh`` (else read here).
        """
        today = self.today()
        text = self.search.text()
        selected = self.selected_client_id()
        locale = self.locale
        rows = self.ops.read(
            lambda s: money.balances(s, today=today, search=text, ageing=ageing, locale=locale)
        )
        self.balance_model.set_rows(rows)
        if selected is not None:
            self.select_balance(selected)
        if rows:
            self.balance_stack.setCurrentWidget(self.balance_table)
        else:
            self.balance_empty.setText(
                self.tr("No balance matches “{text}”.").format(text=text.strip())
                if text.strip()
                else self.tr("No client has a balance or credit. Everything is settled.")
            )
            self.balance_stack.setCurrentWidget(self.balance_empty)
        owing = sum(1 for row in rows if row.balance_minor > 0)
        credit = sum(1 for row in rows if row.balance_minor < 0)
        self.balance_count.setText(
            self.tr("{owing} with a balance · {credit} with credit").format(
                owing=owing, credit=credit
            )
        )
        self._update_buttons()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def select_balance(self, client_id: int) -> bool:
        row = self.balance_model.row_for_id(client_id)
        if row is None:
            return False
        index = self.balance_proxy.mapFromSource(self.balance_model.index(row, 0))
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
        known = [p for p in self.to_charge_model.rows if p.amount_minor is not None]
        self.charge_all_button.setEnabled(bool(known))
        self.followed_up_button.setEnabled(self._selected_follow_up() is not None)

    def _on_changes(self, changes: Changes) -> None:
        if changes & WATCHED:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
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
        return self.to_charge_model.rows[self.to_charge_proxy.mapToSource(index).row()]

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
        """Charge every appointment whose fee is known, in one transaction, after asking."""
        known = [p for p in self.to_charge_model.rows if p.amount_minor is not None]
        if not known:
            return
        total = sum(p.amount_minor or 0 for p in known if not p.grace_reason)
        unknown = len(self.to_charge_model.rows) - len(known)
        text = self.tr("Charge {n} appointments, {total} in all?").format(
            n=len(known), total=self.money_text(total)
        )
        if any(p.grace_reason for p in known):
            text += " " + self.tr(
                "Fees a grace rule forgives are recorded as waived, with their reason."
            )
        if unknown:
            text += " " + self.tr(
                "{n} with no fee set stay in the list, to charge one by one."
            ).format(n=unknown)
        if not self.confirm(self.tr("Charge all with a known fee"), text):
            return
        ids = [p.appointment_id for p in known]
        try:
            charges = self.ops.run(
                lambda s: [money.charge_appointment(s, i) for i in ids], Changes.MONEY
            )
        except (ValidationError, NotFoundError) as error:
            message = (
                "; ".join(e.message for e in error.errors)
                if isinstance(error, ValidationError)
                else str(error)
            )
            self._say(self.tr("Nothing was charged: {message}").format(message=message))
            return
        waived = [c for c in charges if c is not None and c.waived_reason]
        charged = sum(c.amount_minor for c in charges if c is not None and not c.waived_reason)
        text = self.tr("Charged {n} appointments: {total}.").format(
            n=len(charges) - len(waived), total=self.money_text(charged)
        )
        if waived:
            text += " " + self.tr("{n} recorded as waived under a grace rule.").format(
                n=len(waived)
            )
        self._say(text)

    def _selected_follow_up(self) -> money.ConversationRow | None:
        index = self.follow_up_table.currentIndex()
        if not index.isValid() or not self.follow_up_table.selectionModel().hasSelection():
            return None
        return self.follow_up_model.rows[self.follow_up_proxy.mapToSource(index).row()]

    def mark_followed_up(self) -> None:
        conversation = self._selected_follow_up()
        if conversation is None:
            return
        today = self.today()
        try:
            self.ops.run(
                lambda s: money.complete_follow_up(s, conversation.id, done_on=today),
                Changes.MONEY,
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
