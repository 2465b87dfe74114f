"""The client page's Money section: balance, ageing, fee, plan, ledger and conversations.

Everything shown is computed by :mod:`clientcare.money`; this widget only reads it
and opens the dialogs that change it. Wording stays neutral ("balance", "from
earlier sessions", "past its date"), and no state is shown by colour alone.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clientcare import locale_format, money
from clientcare.concurrency import StaleEdit
from clientcare.errors import NotFoundError, ValidationError
from clientcare.money_format import format_money
from ui import labels
from ui.dialogs.money import (
    AddChargeDialog,
    AdjustmentDialog,
    FeeArrangementDialog,
    MoneyConversationDialog,
    PaymentPlanDialog,
    WaiveDialog,
    arrangement_text,
)
from ui.models.ledger import LedgerColumn, LedgerModel
from ui.ops import Changes, Operations
from ui.theme import SPACE_M, empty_state, set_heading
from ui.when_shown import WhenShown
from ui.widgets.fields import error_label
from ui.widgets.scope_choice import shown_text

# The payment, statement and receipt dialogs (and the printing layer behind the last two)
# are imported when first opened: opening a client does not need them.

#: How many money conversations the panel lists (the rest are on the Money screen).
#: How many of the latest ledger lines are shown at first ("Earlier lines" adds as many).
LEDGER_LINES = 24


def _muted(label: QLabel) -> QLabel:
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class ClientMoneyPanel(QGroupBox):
    """The "Money" group on the client page."""

    #: Emitted after this panel stored a change (ops.changed tells the other screens).
    money_changed = Signal()

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Money"), parent)
        self.ops = ops
        self.setObjectName("client_money")
        self.client_id: int | None = None
        self.snapshot: money.ClientMoneyView | None = None

        self.balance_label = QLabel()
        self.balance_label.setObjectName("money_balance")
        set_heading(self.balance_label, "subheading")
        self.ageing_label = QLabel()
        self.ageing_label.setObjectName("money_ageing")
        self.ageing_label.setWordWrap(True)
        self.confirm_label = _muted(QLabel())
        self.confirm_label.setObjectName("money_to_confirm")
        self.confirm_label.setWordWrap(True)

        self.fee_label = QLabel()
        self.fee_label.setObjectName("money_fee")
        self.fee_label.setWordWrap(True)
        self.change_fee_button = QPushButton(self.tr("Change fee…"))
        self.change_fee_button.setObjectName("change_fee")
        fee_row = QHBoxLayout()
        fee_row.addWidget(self.fee_label, 1)
        fee_row.addWidget(self.change_fee_button, 0, Qt.AlignmentFlag.AlignTop)

        self.plan_label = QLabel()
        self.plan_label.setObjectName("money_plan")
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextFormat(Qt.TextFormat.PlainText)

        self.model = LedgerModel(self)
        self.ledger_view = QTableView()
        self.ledger_view.setTabKeyNavigation(False)  # Tab leaves the table
        self.ledger_view.setObjectName("money_ledger")
        self.ledger_view.setModel(self.model)
        self.ledger_view.setAccessibleName(self.tr("The client's ledger"))
        self.ledger_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ledger_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ledger_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ledger_view.setAlternatingRowColors(True)
        self.ledger_view.setWordWrap(True)
        self.ledger_view.verticalHeader().hide()
        self.ledger_view.setMinimumHeight(240)
        header = self.ledger_view.horizontalHeader()
        for column in LedgerColumn:
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column is LedgerColumn.WHAT
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        self.ledger_view.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons()
        )
        # Wrapped descriptions: fit the rows again once the columns have their final widths.
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self._fit_ledger)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())

        # Only the latest lines are shown (and measured): an account of twelve years has
        # hundreds; the earlier ones a page at a time, on request.
        self.ledger_shown = _muted(QLabel())
        self.ledger_shown.setObjectName("ledger_shown")
        self.earlier_button = QPushButton(self.tr("Earlier lines"))
        self.earlier_button.setObjectName("ledger_earlier")
        self.earlier_button.setToolTip(self.tr("Show earlier lines of the account"))
        self.earlier_button.clicked.connect(self.show_earlier)
        shown_row = QHBoxLayout()
        shown_row.addWidget(self.ledger_shown, 1)
        shown_row.addWidget(self.earlier_button)

        self.ledger_empty = empty_state(
            self.tr(
                "No charges or payments yet.\n\nCompleted sessions are charged here at the "
                "fee above. Press “Record payment…” when the client pays, or “Add charge…” "
                "for anything else."
            ),
            "money_ledger_empty",
        )
        self.ledger_empty.setMargin(SPACE_M)
        self.ledger_empty.setFrameShape(QLabel.Shape.StyledPanel)
        self.ledger_empty.hide()

        self.record_payment_button = QPushButton(self.tr("Record payment…"))
        self.record_payment_button.setObjectName("record_payment")
        self.refund_button = QPushButton(self.tr("Refund…"))
        self.refund_button.setObjectName("refund")
        self.add_charge_button = QPushButton(self.tr("Add charge…"))
        self.add_charge_button.setObjectName("add_charge")
        self.adjustment_button = QPushButton(self.tr("Adjustment…"))
        self.adjustment_button.setObjectName("add_adjustment")
        self.plan_button = QPushButton(self.tr("Payment plan…"))
        self.plan_button.setObjectName("payment_plan")
        self.conversation_button = QPushButton(self.tr("Money conversation…"))
        self.conversation_button.setObjectName("money_conversation")
        self.waive_button = QPushButton(self.tr("Waive…"))
        self.waive_button.setObjectName("waive_charge")
        self.waive_button.setToolTip(self.tr("Waive the selected charge, with a reason"))
        self.statement_button = QPushButton(self.tr("Statement…"))
        self.statement_button.setObjectName("statement")
        self.statement_button.setToolTip(
            self.tr("Print or save the client's statement for a period")
        )
        self.receipt_button = QPushButton(self.tr("Receipt…"))
        self.receipt_button.setObjectName("receipt")
        self.receipt_button.setToolTip(self.tr("Print or save a receipt for the selected payment"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("delete_charge")
        self.delete_button.setToolTip(self.tr("Delete the selected charge entered by mistake"))

        self.record_payment_button.clicked.connect(lambda: self.open_payment(refund=False))
        self.refund_button.clicked.connect(lambda: self.open_payment(refund=True))
        self.add_charge_button.clicked.connect(self.add_charge)
        self.adjustment_button.clicked.connect(self.add_adjustment)
        self.plan_button.clicked.connect(self.payment_plan)
        self.conversation_button.clicked.connect(self.money_conversation)
        self.change_fee_button.clicked.connect(self.change_fee)
        self.waive_button.clicked.connect(self.waive_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.statement_button.clicked.connect(self.open_statement)
        self.receipt_button.clicked.connect(self.open_receipt)

        actions = QGridLayout()
        actions.setHorizontalSpacing(6)
        for number, button in enumerate(
            (
                self.record_payment_button,
                self.refund_button,
                self.add_charge_button,
                self.adjustment_button,
                self.plan_button,
                self.conversation_button,
                self.statement_button,
            )
        ):
            actions.addWidget(button, number // 3, number % 3)
        selected_row = QHBoxLayout()
        selected_row.addWidget(_muted(QLabel(self.tr("Selected line:"))))
        selected_row.addWidget(self.waive_button)
        selected_row.addWidget(self.delete_button)
        selected_row.addWidget(self.receipt_button)
        selected_row.addStretch(1)

        self.conversations_title = QLabel(self.tr("Money conversations"))
        set_heading(self.conversations_title, "subheading")
        self.conversations_label = QLabel()
        self.conversations_label.setObjectName("money_conversations")
        self.conversations_label.setWordWrap(True)
        self.conversations_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message = error_label("money_message")

        layout = QVBoxLayout(self)
        layout.addWidget(self.balance_label)
        layout.addWidget(self.ageing_label)
        layout.addWidget(self.confirm_label)
        layout.addLayout(fee_row)
        layout.addWidget(self.plan_label)
        layout.addLayout(actions)
        layout.addLayout(shown_row)
        layout.addWidget(self.ledger_view)
        layout.addWidget(self.ledger_empty, 1)  # in the ledger's place, as tall
        layout.addLayout(selected_row)
        layout.addWidget(self.message)
        layout.addWidget(self.conversations_title)
        layout.addWidget(self.conversations_label)

        self._when_shown = WhenShown(
            self,
            ops,
            self._on_changes,
            Changes.MONEY | Changes.APPOINTMENTS | Changes.SETTINGS | Changes.CLIENTS,
        )
        self.hide()

    # -- hooks tests replace ----------------------------------------------------------

    def today(self) -> dt.date:
        return dt.date.today()

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show ``dialog`` modally; True when it stored something."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    # -- showing ------------------------------------------------------------------------

    def set_client(self, client_id: int | None, *, when_shown: bool = False) -> None:
        """Show ``client_id``'s money (or hide the panel for a new, unsaved client); with
        ``when_shown``, read it when the panel is next on screen (at once if it is now)."""
        self.client_id = client_id
        self.message.hide()
        self.model.set_entries([], 0)  # another client's account starts at its latest lines
        if when_shown and client_id is not None and not self.isVisible():
            self.snapshot = None
            self.show()  # shown with its page: the page is hidden, so this reads nothing yet
            self._when_shown.pending |= Changes.MONEY
            return
        self.refresh()

    def read_if_waiting(self) -> None:
        """Read now what :meth:`set_client` left for when the panel is shown."""
        if self._when_shown.pending:
            self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if self.client_id is not None and changes & (
            Changes.MONEY | Changes.APPOINTMENTS | Changes.SETTINGS | Changes.CLIENTS
        ):
            self.refresh()

    def money_text(self, minor: int) -> str:
        snap = self.snapshot
        currency, locale = (snap.currency, snap.locale) if snap else ("GBP", "en_GB")
        return format_money(minor, currency, locale)

    def day_text(self, day: dt.date, *, year: bool = True) -> str:
        """A date in the practice's locale (with or without its year)."""
        locale = self.snapshot.locale if self.snapshot else locale_format.DEFAULT_LOCALE
        return locale_format.day(day, locale) if year else locale_format.day_month(day, locale)

    def refresh(self) -> None:
        self._when_shown.pending = Changes.NONE  # read now: nothing left for when shown
        client_id = self.client_id
        self.setVisible(client_id is not None)
        if client_id is None:
            self.snapshot = None
            return
        today = self.today()
        try:
            snap = self.ops.read(lambda s: money.client_money_view(s, client_id, today=today))
        except NotFoundError:
            self.client_id = None
            self.hide()
            return
        self.snapshot = snap
        self.model.currency, self.model.locale = snap.currency, snap.locale
        self.model.year = today.year
        self.balance_label.setText(
            self.balance_text(snap.ledger.balance_minor, bool(snap.ledger.entries))
        )
        self.ageing_label.setText(self.ageing_text(snap.ageing))
        self.ageing_label.setVisible(snap.ageing.outstanding_minor > 0)
        self.confirm_label.setText(
            self.tr("1 appointment not charged yet: confirm it on the Money screen.")
            if snap.to_confirm == 1
            else self.tr(
                "{n} appointments not charged yet: confirm them on the Money screen."
            ).format(n=snap.to_confirm)
        )
        self.confirm_label.setVisible(snap.to_confirm > 0)
        self.fee_label.setText(self.fee_text(snap, today))
        self.plan_label.setText(self.plan_text(snap.plan))
        self.plan_label.setVisible(snap.plan is not None)
        self.model.set_entries(snap.ledger.entries, max(LEDGER_LINES, len(self.model.rows)))
        self.ledger_view.setVisible(bool(snap.ledger.entries))
        self.ledger_empty.setVisible(not snap.ledger.entries)
        self._show_ledger_count()
        if self.isVisible():  # (when hidden, the rows are fitted when shown)
            self._fit_ledger()
            self._fit_rows.start()
        self.conversations_label.setText(self.conversations_text(snap.conversations))
        self._update_buttons()

    def _show_ledger_count(self) -> None:
        """ "24 of 262 lines shown" and "Earlier lines" while earlier lines are hidden."""
        cut = self.model.hidden > 0
        locale = self.snapshot.locale if self.snapshot else locale_format.DEFAULT_LOCALE
        self.ledger_shown.setText(
            shown_text(len(self.model.rows), len(self.model.entries), locale, self.tr("lines"))
            if cut
            else ""
        )
        self.ledger_shown.setVisible(cut)
        self.earlier_button.setVisible(cut)

    def show_earlier(self) -> None:
        """The next page of earlier lines, above those shown."""
        self.model.show_earlier(LEDGER_LINES)
        self._show_ledger_count()
        self.ledger_view.resizeRowsToContents()

    def _fit_ledger(self) -> None:
        """Rows as tall as their wrapped text; the latest lines in view."""
        self.ledger_view.resizeRowsToContents()
        if self.model.rows and not self.ledger_view.selectionModel().hasSelection():
            self.ledger_view.scrollToBottom()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_rows.start()

    def balance_text(self, balance: int, has_entries: bool = True) -> str:
        if balance > 0:
            return self.tr("Balance {amount}").format(amount=self.money_text(balance))
        if balance < 0:
            return self.tr("Credit {amount}").format(amount=self.money_text(-balance))
        return self.tr("Settled") if has_entries else self.tr("Settled — nothing charged yet")

    def ageing_text(self, ageing: money.Ageing) -> str:
        """One line: each age band with its amount ("Current £45.00 · 1–30 days £0.00 · …")."""
        parts = [
            f"{labels.label(money.BUCKET_LABELS, bucket)} {self.money_text(amount)}"
            for bucket, amount in ageing.buckets.items()
        ]
        return " · ".join(parts)

    def fee_text(self, snap: money.ClientMoneyView, today: dt.date) -> str:
        in_force = next((a for a in snap.history if a.effective_from <= today), None)
        upcoming = [a for a in snap.history if a.effective_from > today]
        if in_force is not None:
            text = arrangement_text(in_force, snap.currency, snap.locale)
        elif snap.quote.amount_minor is not None:
            text = self.tr("Fee: {amount} ({source})").format(
                amount=self.money_text(snap.quote.amount_minor), source=snap.quote.source
            )
        else:
            text = self.tr("No fee arrangement: the standard fee of the service booked applies.")
        if upcoming:
            nearest = upcoming[-1]
            text += " · " + self.tr("then {next}").format(
                next=arrangement_text(nearest, snap.currency, snap.locale)
            )
        return text

    def plan_text(self, plan: money.PlanView | None) -> str:
        if plan is None:
            return ""
        lines = [
            self.tr("Payment plan agreed {day}: {paid} of {total} paid").format(
                day=self.day_text(plan.agreed_on),
                paid=self.money_text(plan.paid_minor),
                total=self.money_text(plan.total_minor),
            )
        ]
        for item in plan.instalments:
            state = labels.label(money.INSTALMENT_LABELS, item.state)
            if item.state is money.InstalmentState.PART_PAID or (
                item.state is money.InstalmentState.OVERDUE and item.covered_minor
            ):
                state += " " + self.tr("({covered} so far)").format(
                    covered=self.money_text(item.covered_minor)
                )
            lines.append(
                f"  {item.number}. {self.day_text(item.due_on)} — "
                f"{self.money_text(item.amount_minor)} — {state}"
            )
        return "\n".join(lines)

    def conversations_text(self, rows: list[money.ConversationRow]) -> str:
        if not rows:
            return self.tr(
                "None recorded yet. When you talk with the client about fees, a sliding "
                "scale, a payment plan or a balance, note it with “Money conversation…”."
            )
        blocks = []
        for row in rows:
            head = f"{self.day_text(row.held_on)} · {self.tr(row.topic_label)}"
            if row.follow_up_on is not None and row.follow_up_done_on is None:
                head += " · " + self.tr("follow up {day}").format(
                    day=self.day_text(row.follow_up_on, year=False)
                )
            lines = [head]
            if row.summary:
                lines.append("  " + _short(row.summary))
            if row.client_words:
                lines.append(
                    "  "
                    + self.tr("In their words: “{words}”").format(words=_short(row.client_words))
                )
            if row.agreed_outcome:
                lines.append(
                    "  " + self.tr("Agreed: {outcome}").format(outcome=_short(row.agreed_outcome))
                )
            blocks.append("\n".join(lines))
        return "\n".join(blocks)

    # -- the selected ledger line ------------------------------------------------------------

    def selected_entry(self) -> money.LedgerEntry | None:
        rows = self.ledger_view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def select_charge(self, charge_id: int) -> bool:
        """Select the ledger line of ``charge_id`` (a person clicking it)."""
        earlier = [
            entry
            for entry in self.model.entries[: self.model.hidden]
            if entry.kind in ("charge", "waived") and entry.ref_id == charge_id
        ]
        if earlier:  # further back than shown: show the lines from it on
            self.model.show_earlier(self.model.hidden - self.model.entries.index(earlier[0]))
            self._show_ledger_count()
        for number, entry in enumerate(self.model.rows):
            if entry.kind in ("charge", "waived") and entry.ref_id == charge_id:
                self.ledger_view.selectRow(number)
                return True
        return False

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        self.waive_button.setEnabled(entry is not None and entry.kind == "charge")
        self.delete_button.setEnabled(entry is not None and entry.kind in ("charge", "waived"))
        self.receipt_button.setEnabled(entry is not None and entry.kind in ("payment", "refund"))

    # -- actions ----------------------------------------------------------------------------

    def _after(self, stored: bool) -> None:
        # ops.run has already announced Changes.MONEY, which refreshed this panel too.
        if stored:
            self.money_changed.emit()

    def open_statement(self) -> None:
        from ui.dialogs.statement import StatementDialog

        if self.client_id is not None:
            self.run_dialog(StatementDialog(self.ops, self.client_id, self))

    def open_receipt(self) -> None:
        from ui.dialogs.statement import ReceiptDialog

        entry = self.selected_entry()
        if entry is not None and entry.kind in ("payment", "refund"):
            self.run_dialog(ReceiptDialog(self.ops, entry.ref_id, self))

    def open_payment(self, *, refund: bool = False) -> None:
        from ui.dialogs.payment import PaymentDialog

        if self.client_id is None:
            return
        self._after(self.run_dialog(PaymentDialog(self.ops, self.client_id, self, refund=refund)))

    def add_charge(self) -> None:
        if self.client_id is not None:
            dialog = AddChargeDialog(self.ops, self.client_id, self, today=self.today())
            self._after(self.run_dialog(dialog))

    def add_adjustment(self) -> None:
        if self.client_id is not None:
            dialog = AdjustmentDialog(self.ops, self.client_id, self, today=self.today())
            self._after(self.run_dialog(dialog))

    def payment_plan(self) -> None:
        if self.client_id is not None:
            dialog = PaymentPlanDialog(self.ops, self.client_id, self, today=self.today())
            self._after(self.run_dialog(dialog))

    def money_conversation(self) -> None:
        if self.client_id is not None:
            dialog = MoneyConversationDialog(self.ops, self.client_id, self, held_on=self.today())
            self._after(self.run_dialog(dialog))

    def change_fee(self) -> None:
        if self.client_id is not None:
            dialog = FeeArrangementDialog(self.ops, self.client_id, self, today=self.today())
            self._after(self.run_dialog(dialog))

    def waive_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.kind != "charge":
            return
        dialog = WaiveDialog(self.ops, entry.ref_id, entry.description, self, version=entry.version)
        self._after(self.run_dialog(dialog))

    def delete_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.kind not in ("charge", "waived"):
            return
        title = self.tr("Delete charge")
        if not self.confirm(
            title,
            self.tr("Delete “{what}”? Only do this for a charge entered by mistake.").format(
                what=entry.description
            ),
        ):
            return
        charge_id, today, version = entry.ref_id, self.today(), entry.version
        try:
            self.ops.run(
                lambda s: money.delete_charge(s, charge_id, today=today, expected_version=version),
            )
        except StaleEdit as error:
            # Someone else changed the charge since the ledger showed it: say who, and
            # show the ledger as it is now; nothing was deleted.
            self.inform(title, error.for_field("version") or str(error))
            self.refresh()
            return
        except ValidationError as error:
            self.inform(title, " ".join(e.message for e in error.errors))
            return
        except NotFoundError as error:
            self.inform(title, str(error))
            self.refresh()
            return
        self._after(True)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
