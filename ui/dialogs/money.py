"""Money dialogs: charges, waivers, adjustments, payment plans, conversations, fee arrangements.

Each dialog saves through ``ops.run`` in one unit of work. When the domain refuses
(a ``ValidationError``), the dialog stays open with each message next to its field
and nothing is stored. The wording is the practice's, never the client's shame:
"balance", "from earlier sessions", "past its date".
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clientcare import money
from clientcare.concurrency import StaleEdit
from clientcare.db.models import ChargeStatus, MoneyTopic
from clientcare.errors import NotFoundError, ValidationError
from clientcare.language import load_checker
from clientcare.money_format import AmountError, format_money, format_plain, parse_amount
from clientcare.practice import get_settings
from ui import theme
from ui.dialog import Dialog
from ui.ops import Operations, Work
from ui.widgets.dates import date_edit, from_qdate
from ui.widgets.fields import FieldWithError, error_label
from ui.widgets.language_highlighter import LanguageHighlighter


class MoneyDialog(Dialog):
    """The shared shape: a form of fields with their messages, then Save / Cancel."""

    def __init__(
        self, ops: Operations, title: str, object_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        settings = ops.read(get_settings)
        self.currency = settings.currency
        self.practice_locale = settings.locale
        self.stored: Any = None
        self.fields: dict[str, FieldWithError] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form_error = error_label(f"{object_name}_error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_money")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # Shown when another practitioner changed the record after this dialog opened.
        self.reload_button = QPushButton(self.tr("&Reload"))
        self.reload_button.setObjectName("reload_money")
        self.reload_button.setToolTip(self.tr("Show the record as now stored"))
        self.buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.reload_button.clicked.connect(self.reload)
        self.reload_button.hide()

    def add_field(self, name: str, label: str, editor: QWidget, hint: str = "") -> FieldWithError:
        """A labelled row whose messages appear right under ``editor``."""
        editor.setObjectName(name)
        editor.setAccessibleName(label.replace("&", "").rstrip(" *"))
        wrapper = FieldWithError(editor, name)
        if hint:
            wrapper.add_hint(theme.hint(hint))
        self.fields[name] = wrapper
        caption = QLabel(label)
        caption.setBuddy(editor)
        self.form.addRow(caption, wrapper)
        return wrapper

    def add_wide_field(self, name: str, label: str, editor: QWidget) -> FieldWithError:
        """A caption above a full-width editor (for the longer texts)."""
        editor.setObjectName(name)
        editor.setAccessibleName(label.replace("&", ""))
        wrapper = FieldWithError(editor, name)
        self.fields[name] = wrapper
        caption = QLabel(label)
        caption.setBuddy(editor)
        caption.setWordWrap(True)
        self.form.addRow(caption)
        self.form.addRow(wrapper)
        return wrapper

    def finish(self, *before: QWidget, after: tuple[QWidget, ...] = ()) -> None:
        layout = QVBoxLayout(self)
        for widget in before:
            layout.addWidget(widget)
        layout.addLayout(self.form)
        for widget in after:
            layout.addWidget(widget)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)

    def money(self, minor: int) -> str:
        return format_money(minor, self.currency, self.practice_locale)

    def plain(self, minor: int) -> str:
        return format_plain(minor, self.currency, self.practice_locale)

    def clear_errors(self) -> None:
        for wrapper in self.fields.values():
            wrapper.show_error(None)
        self.form_error.clear()
        self.form_error.hide()
        self.reload_button.hide()

    def show_stale(self, error: StaleEdit) -> None:
        """Who changed the record and when; what was typed stays; Reload or close."""
        self.clear_errors()
        message = error.for_field("version") or str(error)
        self.form_error.setText(
            f"⚠ {message} "
            + self.tr("Your text is still in the form: copy what you need, then Reload.")
        )
        self.form_error.show()
        self.reload_button.show()

    def reload(self) -> None:
        """Read the record again (dialogs that edit a stored record say how)."""

    def show_errors(self, error: ValidationError) -> None:
        """Each message next to its field; anything else above the buttons."""
        self.clear_errors()
        leftovers: list[str] = []
        by_field: dict[str, list[str]] = {}
        for problem in error.errors:
            if problem.field in self.fields:
                by_field.setdefault(problem.field, []).append(problem.message)
            else:
                leftovers.append(problem.message)
        for name, messages in by_field.items():
            self.fields[name].show_error(" ".join(messages))
        if leftovers:
            self.form_error.setText("\n".join(f"⚠ {m}" for m in leftovers))
            self.form_error.show()
        first = next((self.fields[p.field] for p in error.errors if p.field in self.fields), None)
        if first is not None:
            first.editor.setFocus()

    def store(self, action: Work[Any]) -> bool:
        """Run ``action`` as one unit of work; close on success, keep the messages on failure."""
        try:
            self.stored = self.ops.run(action)
        except StaleEdit as error:
            self.show_stale(error)
            return False
        except ValidationError as error:
            self.show_errors(error)
            return False
        except NotFoundError as error:
            self.clear_errors()
            self.form_error.setText(f"⚠ {error}")
            self.form_error.show()
            return False
        self.accept()
        return True

    def save(self) -> None:  # pragma: no cover - every dialog has its own
        raise NotImplementedError


# --------------------------------------------------------------------------
# Charges, waivers, adjustments
# --------------------------------------------------------------------------


class AddChargeDialog(MoneyDialog):
    """A charge not tied to an appointment (a report, a fee agreed by phone)."""

    def __init__(
        self,
        ops: Operations,
        client_id: int,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(ops, self.tr("Add a charge"), "add_charge_dialog", parent)
        self.client_id = client_id
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("e.g. Letter for the GP"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 45.00"))
        self.amount.setMaximumWidth(160)
        self.charged_on = date_edit(
            today or dt.date.today(), self.practice_locale, weekday=False, max_width=180
        )
        self.add_field("description", self.tr("&What for *"), self.description)
        self.add_field("amount", self.tr("&Amount *"), self.amount)
        self.add_field("charged_on", self.tr("&Date"), self.charged_on)
        self.finish(
            theme.hint(
                self.tr(
                    "Sessions, late cancellations and missed sessions are charged from the "
                    "appointment; use this for anything else."
                )
            )
        )

    def save(self) -> None:
        client_id, text, amount = self.client_id, self.description.text(), self.amount.text()
        day = from_qdate(self.charged_on.date())
        self.store(
            lambda s: money.add_charge(
                s, client_id, description=text, amount=amount, charged_on=day
            )
        )


class WaiveDialog(MoneyDialog):
    """Waive a charge: it stays on record with the reason and counts for nothing.

    The charge is read as the dialog opens (or ``version`` is the one the caller showed);
    the waiver is saved against that version, so a charge someone else changed meanwhile
    is not waived over their change: the dialog says who and when, and offers Reload.
    """

    def __init__(
        self,
        ops: Operations,
        charge_id: int,
        description: str,
        parent: QWidget | None = None,
        *,
        version: int | None = None,
    ) -> None:
        super().__init__(ops, self.tr("Waive a charge"), "waive_dialog", parent)
        self.charge_id = charge_id
        self.charge: money.ChargeRow | None = None
        self.version = version
        if version is None:
            try:
                self.charge = ops.read(lambda s: money.get_charge(s, charge_id))
            except NotFoundError:
                pass  # said when the waiver is saved
            else:
                self.version = self.charge.version
        intro = self.intro = QLabel(self.tr("Waive “{what}”?").format(what=description))
        intro.setWordWrap(True)
        intro.setObjectName("waive_what")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. Bereavement — agreed at the session"))
        self.add_field(
            "reason",
            self.tr("&Reason *"),
            self.reason,
            self.tr("The charge stays in the ledger, marked waived with this reason."),
        )
        self.save_button.setText(self.tr("Waive"))
        self.finish(intro)

    def save(self) -> None:
        charge_id, reason, version = self.charge_id, self.reason.text(), self.version
        self.store(lambda s: money.waive_charge(s, charge_id, reason, expected_version=version))

    def reload(self) -> None:
        """Show the charge as now stored; one already waived can only be closed."""
        charge_id = self.charge_id
        self.clear_errors()
        try:
            charge = self.ops.read(lambda s: money.get_charge(s, charge_id))
        except NotFoundError as error:
            self.form_error.setText(f"⚠ {error}")
            self.form_error.show()
            self._only_close()
            return
        except ValidationError as error:  # the server is not answering: try again later
            self.show_errors(error)
            self.reload_button.show()
            return
        self.charge, self.version = charge, charge.version
        if charge.status == ChargeStatus.WAIVED:
            self.intro.setText(
                self.tr("“{what}” is already waived.").format(what=charge.description)
            )
            self.reason.setText(charge.waived_reason)
            self.reason.setReadOnly(True)
            self._only_close()
        else:
            self.intro.setText(self.tr("Waive “{what}”?").format(what=charge.description))

    def _only_close(self) -> None:
        self.save_button.hide()
        close = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        close.setText(self.tr("Close"))
        close.setFocus()


class AdjustmentDialog(MoneyDialog):
    """A correction with its reason; positive takes off the balance, negative adds to it."""

    def __init__(
        self,
        ops: Operations,
        client_id: int,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(ops, self.tr("Adjust the balance"), "adjustment_dialog", parent)
        self.client_id = client_id
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 15.00 or -15.00"))
        self.amount.setMaximumWidth(160)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. Charged the standard fee by mistake"))
        self.adjusted_on = date_edit(
            today or dt.date.today(), self.practice_locale, weekday=False, max_width=180
        )
        self.add_field(
            "amount",
            self.tr("&Amount *"),
            self.amount,
            self.tr(
                "A positive amount takes that much off the balance; a negative amount "
                "(with a minus sign, e.g. -15.00) adds it to the balance."
            ),
        )
        self.add_field("reason", self.tr("&Reason *"), self.reason)
        self.add_field("adjusted_on", self.tr("&Date"), self.adjusted_on)
        self.finish()

    def save(self) -> None:
        client_id, amount, reason = self.client_id, self.amount.text(), self.reason.text()
        day = from_qdate(self.adjusted_on.date())
        self.store(
            lambda s: money.record_adjustment(
                s, client_id, amount=amount, reason=reason, adjusted_on=day
            )
        )


# --------------------------------------------------------------------------
# Payment plans
# --------------------------------------------------------------------------

FREQUENCIES: dict[str, tuple[str, dict[str, int]]] = {
    "monthly": ("Monthly", {"every_months": 1}),
    "fortnightly": ("Fortnightly", {"every_days": 14}),
    "weekly": ("Weekly", {"every_days": 7}),
}


class PaymentPlanDialog(MoneyDialog):
    """Split the balance into instalments with due dates; the sum is checked as you type."""

    DATE_COLUMN, AMOUNT_COLUMN = 0, 1

    def __init__(
        self,
        ops: Operations,
        client_id: int,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(ops, self.tr("Payment plan"), "payment_plan_dialog", parent)
        self.setMinimumWidth(520)
        self.client_id = client_id
        self.today = today or dt.date.today()
        day = self.today
        self.balance_minor, self.current = ops.read(
            lambda s: (
                money.client_balance(s, client_id),
                money.active_plan(s, client_id, today=day),
            )
        )
        intro = QLabel(
            self.tr("The balance is {amount}.").format(amount=self.money(self.balance_minor))
            if self.balance_minor > 0
            else self.tr("There is no balance to spread out at the moment.")
        )
        intro.setObjectName("plan_balance")
        intro.setWordWrap(True)

        self.current_box = QWidget()
        current_layout = QVBoxLayout(self.current_box)
        current_layout.setContentsMargins(0, 0, 0, 0)
        self.current_text = QLabel()
        self.current_text.setObjectName("plan_current")
        self.current_text.setWordWrap(True)
        self.stop_reason = QLineEdit()
        self.stop_reason.setObjectName("stop_reason")
        self.stop_reason.setPlaceholderText(self.tr("Why it is stopping, e.g. agreed a new plan"))
        self.stop_reason.setAccessibleName(self.tr("Why the plan in progress is stopping"))
        self.stop_button = QPushButton(self.tr("Stop this plan"))
        self.stop_button.setObjectName("stop_plan")
        self.stop_button.clicked.connect(self.stop_current)
        self.stop_error = error_label("stop_plan_error")
        stop_row = QHBoxLayout()
        stop_row.addWidget(self.stop_reason, 1)
        stop_row.addWidget(self.stop_button)
        current_layout.addWidget(self.current_text)
        current_layout.addLayout(stop_row)
        current_layout.addWidget(self.stop_error)

        self.total = QLineEdit(self.plain(max(self.balance_minor, 0)))
        self.total.setMaximumWidth(160)
        self.count = QSpinBox()
        self.count.setRange(1, money.MAX_INSTALMENTS)
        self.count.setValue(3)
        self.count.setSuffix(self.tr(" instalments"))
        self.first_due = date_edit(self.today, self.practice_locale, weekday=False, max_width=180)
        self.frequency = QComboBox()
        for key, (label, _step) in FREQUENCIES.items():
            self.frequency.addItem(self.tr(label), key)
        self.split_button = QPushButton(self.tr("Split evenly"))
        self.split_button.setObjectName("split_evenly")
        self.split_button.clicked.connect(self.split)
        split_row = QWidget()
        split = QHBoxLayout(split_row)
        split.setContentsMargins(0, 0, 0, 0)
        split.addWidget(self.count)
        split.addWidget(QLabel(self.tr("from")))
        split.addWidget(self.first_due)
        split.addWidget(self.frequency)
        split.addWidget(self.split_button)
        split.addStretch(1)

        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Due on"), self.tr("Amount")])
        self.table.verticalHeader().setVisible(True)
        self.table.horizontalHeader().setSectionResizeMode(
            self.DATE_COLUMN, QHeaderView.ResizeMode.Stretch
        )
        self.table.horizontalHeader().setSectionResizeMode(
            self.AMOUNT_COLUMN, QHeaderView.ResizeMode.Stretch
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(150)
        self.table.itemChanged.connect(self.update_sum)
        self.add_row_button = QPushButton(self.tr("Add instalment"))
        self.add_row_button.setObjectName("add_instalment")
        self.add_row_button.clicked.connect(lambda: self.add_row(self._next_date(), ""))
        self.remove_row_button = QPushButton(self.tr("Remove selected"))
        self.remove_row_button.setObjectName("remove_instalment")
        self.remove_row_button.clicked.connect(self.remove_selected)
        self.sum_label = QLabel()
        self.sum_label.setObjectName("plan_sum")
        self.sum_label.setWordWrap(True)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.sum_label, 1)
        row_buttons.addWidget(self.add_row_button)
        row_buttons.addWidget(self.remove_row_button)
        table_layout.addLayout(row_buttons)

        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. Agreed after payday; by bank transfer"))

        self.add_field("total", self.tr("&Total"), self.total)
        self.add_field("split", self.tr("&Split into"), split_row)
        self.add_field("instalments", self.tr("Instalments"), table_box)
        self.add_field("note", self.tr("&Note"), self.note)
        self.finish(intro, self.current_box)
        self.resize(600, 560)
        self.total.setFocus()
        self._show_current()
        self.split()

    # -- the plan in progress -------------------------------------------------

    def _show_current(self) -> None:
        plan = self.current
        self.current_box.setVisible(plan is not None)
        if plan is None:
            return
        self.current_text.setText(
            self.tr(
                "A plan agreed on {day} is in progress: {paid} of {total} paid. "
                "Stop it (with a reason) before agreeing a new one."
            ).format(
                day=f"{plan.agreed_on:%-d %b %Y}",
                paid=self.money(plan.paid_minor),
                total=self.money(plan.total_minor),
            )
        )

    def stop_current(self) -> None:
        plan = self.current
        if plan is None:
            return
        reason, today = self.stop_reason.text(), self.today
        try:
            self.ops.run(
                lambda s: money.cancel_plan(s, plan.id, reason=reason, today=today),
            )
        except ValidationError as error:
            self.stop_error.setText("⚠ " + " ".join(e.message for e in error.errors))
            self.stop_error.show()
            return
        self.stop_error.hide()
        self.current = None
        self._show_current()

    # -- the instalment table ---------------------------------------------------

    def add_row(self, due: dt.date, amount: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        edit = date_edit(due, self.practice_locale, weekday=False, max_width=180)
        edit.setFrame(False)
        edit.setAccessibleName(self.tr("Instalment {n} due on").format(n=row + 1))
        edit.dateChanged.connect(self.update_sum)
        self.table.setCellWidget(row, self.DATE_COLUMN, edit)
        item = QTableWidgetItem(amount)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, self.AMOUNT_COLUMN, item)
        self.update_sum()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.rowCount():
            rows = [self.table.rowCount() - 1]
        for row in rows:
            self.table.removeRow(row)
        self.update_sum()

    def _next_date(self) -> dt.date:
        rows = self.instalments()
        if not rows:
            return from_qdate(self.first_due.date())
        last = max(item.due_on for item in rows)
        key = self.frequency.currentData()
        step = FREQUENCIES[key][1]
        # The domain's date stepping (month ends clipped): the second of two from ``last``.
        following = money.split_evenly(2, 2, last, **step)
        return following[1].due_on

    def set_amount(self, row: int, text: str) -> None:
        """Type ``text`` into the amount cell of ``row`` (also used by tests)."""
        item = self.table.item(row, self.AMOUNT_COLUMN)
        if item is not None:
            item.setText(text)

    def instalments(self) -> list[money.InstalmentInput]:
        rows = []
        for row in range(self.table.rowCount()):
            edit = self.table.cellWidget(row, self.DATE_COLUMN)
            item = self.table.item(row, self.AMOUNT_COLUMN)
            assert isinstance(edit, QDateEdit)
            rows.append(money.InstalmentInput(from_qdate(edit.date()), item.text() if item else ""))
        return rows

    def split(self) -> None:
        """Fill the table with evenly split instalments of the total."""
        self.fields["total"].show_error(None)
        try:
            total = parse_amount(
                self.total.text(), self.currency, self.practice_locale, label=self.tr("The total")
            )
        except AmountError as error:
            if self.balance_minor > 0 or self.total.text().strip():
                self.fields["total"].show_error(error.error.message)
            self.table.setRowCount(0)
            self.update_sum()
            return
        count = self.count.value()
        step = FREQUENCIES[self.frequency.currentData()][1]
        items = money.split_evenly(total, count, from_qdate(self.first_due.date()), **step)
        if not items:
            self.fields["total"].show_error(
                self.tr("{total} is too small to split into {n} instalments.").format(
                    total=self.money(total), n=count
                )
            )
            return
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for item in items:
            self.add_row(item.due_on, self.plain(int(item.amount)))
        self.table.blockSignals(False)
        self.update_sum()

    def update_sum(self) -> None:
        """The instalments' sum against the balance, in words (not colour alone)."""
        total, unreadable = 0, []
        for number, item in enumerate(self.instalments(), 1):
            try:
                total += parse_amount(str(item.amount), self.currency, self.practice_locale)
            except AmountError:
                unreadable.append(str(number))
        if not self.table.rowCount():
            text = self.tr("No instalments yet: choose how many and press “Split evenly”.")
        elif unreadable:
            text = self.tr("⚠ Instalment {numbers}: type an amount such as 30.00.").format(
                numbers=", ".join(unreadable)
            )
        else:
            balance = max(self.balance_minor, 0)
            text = self.tr("Instalments come to {total}; the balance is {balance}.").format(
                total=self.money(total), balance=self.money(balance)
            )
            if total > balance:
                text = (
                    "⚠ "
                    + text
                    + " "
                    + self.tr("That is {over} more than the balance.").format(
                        over=self.money(total - balance)
                    )
                )
            elif total < balance:
                text += " " + self.tr("{rest} stays outside the plan.").format(
                    rest=self.money(balance - total)
                )
            else:
                text = "✓ " + text
        self.sum_label.setText(text)

    def save(self) -> None:
        client_id, items, note = self.client_id, self.instalments(), self.note.text()
        today = self.today
        self.store(
            lambda s: money.create_plan(
                s, client_id, agreed_on=today, instalments=items, note=note, today=today
            )
        )


# --------------------------------------------------------------------------
# Money conversations
# --------------------------------------------------------------------------


class MoneyConversationDialog(MoneyDialog):
    """What was said about money, the client's own words, and what was agreed."""

    TEXTS: ClassVar[dict[str, str]] = {
        "summary": "What was said",
        "client_words": "In the client's own words: what would help?",
        "agreed_outcome": "Agreed outcome",
    }

    def __init__(
        self,
        ops: Operations,
        client_id: int,
        parent: QWidget | None = None,
        *,
        interaction_id: int | None = None,
        held_on: dt.date | None = None,
    ) -> None:
        super().__init__(ops, self.tr("Money conversation"), "money_conversation_dialog", parent)
        self.setMinimumWidth(560)
        self.client_id = client_id
        self.interaction_id = interaction_id
        day = held_on or dt.date.today()
        checker = ops.read(load_checker)
        self.topic = QComboBox()
        for topic, label in money.TOPIC_LABELS.items():
            self.topic.addItem(self.tr(label), topic.value)
        self.held_on = date_edit(day, self.practice_locale, weekday=False, max_width=180)
        self.add_field("topic", self.tr("&About"), self.topic)
        self.add_field("held_on", self.tr("&Date"), self.held_on)
        self.texts: dict[str, QPlainTextEdit] = {}
        self.highlighters: list[LanguageHighlighter] = []
        for name, label in self.TEXTS.items():
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(64)
            self.texts[name] = edit
            self.highlighters.append(LanguageHighlighter(edit.document(), checker))
            self.add_wide_field(name, self.tr(label), edit)
        self.texts["client_words"].setPlaceholderText(self.tr("Write their answer as they said it"))
        self.follow_up_check = QCheckBox(self.tr("Follow up on"))
        self.follow_up_check.setObjectName("follow_up_check")
        self.follow_up_on = date_edit(
            day + dt.timedelta(days=14), self.practice_locale, weekday=False, max_width=180
        )
        self.follow_up_on.setEnabled(False)
        self.follow_up_check.toggled.connect(self.follow_up_on.setEnabled)
        follow = QWidget()
        follow_row = QHBoxLayout(follow)
        follow_row.setContentsMargins(0, 0, 0, 0)
        follow_row.addWidget(self.follow_up_check)
        follow_row.addWidget(self.follow_up_on)
        follow_row.addStretch(1)
        self.add_field("follow_up_on", "", follow)
        self.follow_up_on.setObjectName("follow_up_on_date")
        linked = (
            self.tr("Linked to this contact: principle 6 (no shame around money) will apply to it.")
            if interaction_id is not None
            else self.tr(
                "Keep it kind and practical: the sliding scale and payment plans are options."
            )
        )
        self.finish(theme.hint(linked))
        self.resize(560, 640)

    def save(self) -> None:
        data = money.ConversationInput(
            client_id=self.client_id,
            held_on=from_qdate(self.held_on.date()),
            topic=MoneyTopic(self.topic.currentData()),
            summary=self.texts["summary"].toPlainText(),
            client_words=self.texts["client_words"].toPlainText(),
            agreed_outcome=self.texts["agreed_outcome"].toPlainText(),
            follow_up_on=(
                from_qdate(self.follow_up_on.date()) if self.follow_up_check.isChecked() else None
            ),
            interaction_id=self.interaction_id,
        )
        self.store(lambda s: money.record_conversation(s, data))


# --------------------------------------------------------------------------
# Fee arrangement
# --------------------------------------------------------------------------


def arrangement_text(row: money.ArrangementRow, currency: str, locale: str) -> str:
    """ "Sliding scale: Tier B — £45.00 from 3 Mar 2026" or "Custom fee — £30.00 from …"."""
    what = "Custom fee" if row.custom else f"Sliding scale: {row.tier_name}"
    fee = format_money(row.fee_minor, currency, locale)
    return f"{what} — {fee} from {row.effective_from:%-d %b %Y}"


class FeeArrangementDialog(MoneyDialog):
    """The client's fee from a date on: a sliding-scale tier or a custom fee; history kept."""

    def __init__(
        self,
        ops: Operations,
        client_id: int,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(ops, self.tr("Change fee"), "fee_arrangement_dialog", parent)
        self.setMinimumWidth(520)
        self.client_id = client_id
        tiers, history = ops.read(
            lambda s: (money.list_tiers(s, include_inactive=False), money.fee_history(s, client_id))
        )
        self.use_tier = QRadioButton(self.tr("Sliding-scale tier"))
        self.use_tier.setObjectName("use_tier")
        self.use_custom = QRadioButton(self.tr("Custom fee"))
        self.use_custom.setObjectName("use_custom")
        group = QButtonGroup(self)
        group.addButton(self.use_tier)
        group.addButton(self.use_custom)
        self.tier = QComboBox()
        for tier in tiers:
            label = f"{tier.name} — {self.money(tier.fee_minor)}"
            self.tier.addItem(label, tier.id)
            if tier.criteria_note:
                tip = Qt.ItemDataRole.ToolTipRole
                self.tier.setItemData(self.tier.count() - 1, tier.criteria_note, tip)
        self.custom_fee = QLineEdit()
        self.custom_fee.setPlaceholderText(self.tr("e.g. 30.00"))
        self.custom_fee.setMaximumWidth(160)
        self.effective_from = date_edit(
            today or dt.date.today(), self.practice_locale, weekday=False, max_width=180
        )
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. Reviewed together; student until June"))
        tier_row = QWidget()
        tier_layout = QHBoxLayout(tier_row)
        tier_layout.setContentsMargins(0, 0, 0, 0)
        tier_layout.addWidget(self.use_tier)
        tier_layout.addWidget(self.tier, 1)
        custom_row = QWidget()
        custom_layout = QHBoxLayout(custom_row)
        custom_layout.setContentsMargins(0, 0, 0, 0)
        custom_layout.addWidget(self.use_custom)
        custom_layout.addWidget(self.custom_fee)
        custom_layout.addStretch(1)
        self.add_field("tier", self.tr("Fee"), tier_row)
        self.tier.setObjectName("tier_combo")
        self.add_field("custom_fee", "", custom_row)
        self.custom_fee.setObjectName("custom_fee_amount")
        self.add_field(
            "effective_from",
            self.tr("&From"),
            self.effective_from,
            self.tr("Earlier arrangements stay in the history below."),
        )
        self.add_field("note", self.tr("&Note"), self.note)

        self.history_model = QStandardItemModel(self)
        self.history = QListView()
        self.history.setObjectName("fee_history")
        self.history.setModel(self.history_model)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setMaximumHeight(120)
        self.history.setAccessibleName(self.tr("Fee history"))
        for row in history:
            text = arrangement_text(row, self.currency, self.practice_locale)
            if row.note:
                text += f" · {row.note}"
            self.history_model.appendRow(QStandardItem(text))
        if not history:
            none = QStandardItem(self.tr("No arrangement yet: the standard fee applies."))
            none.setEnabled(False)
            self.history_model.appendRow(none)
        history_title = QLabel(self.tr("History"))
        if not tiers:
            self.use_tier.setEnabled(False)
            self.tier.setEnabled(False)
            self.tier.addItem(self.tr("(no tiers set up — see Settings → Money)"), None)
        current = history[0] if history else None
        if current is not None and not current.custom and self.tier.findData(current.tier_id) >= 0:
            self.use_tier.setChecked(True)
            self.tier.setCurrentIndex(self.tier.findData(current.tier_id))
        elif tiers and current is None:
            self.use_tier.setChecked(True)
        else:
            self.use_custom.setChecked(True)
            if current is not None and current.custom:
                self.custom_fee.setText(self.plain(current.fee_minor))
        self.use_tier.toggled.connect(self._mode_changed)
        self._mode_changed()
        self.finish(after=(history_title, self.history))

    def _mode_changed(self) -> None:
        tier = self.use_tier.isChecked()
        self.tier.setEnabled(tier and self.use_tier.isEnabled())
        self.custom_fee.setEnabled(not tier)

    def save(self) -> None:
        client_id = self.client_id
        tier_id = self.tier.currentData() if self.use_tier.isChecked() else None
        custom = self.custom_fee.text() if self.use_custom.isChecked() else None
        day, note = from_qdate(self.effective_from.date()), self.note.text()
        self.store(
            lambda s: money.set_fee_arrangement(
                s, client_id, effective_from=day, tier_id=tier_id, custom_fee=custom, note=note
            )
        )
