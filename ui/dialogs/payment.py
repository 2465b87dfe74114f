"""Recording a payment (or a refund): the amount as typed, every message next to its field.

The dialog shows the client's balance now and, as the person types, what it will
be after. Paying more than the balance is welcome: the difference is kept as
credit and the dialog says so plainly (it is not an error). Saving runs one unit
of work; when the domain refuses, each message goes next to its field, the dialog
stays open and nothing is stored. ``accepted`` means stored.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clientcare import locale_format, money
from clientcare.db.models import PaymentMethod
from clientcare.errors import NotFoundError, ValidationError
from clientcare.money_format import AmountError, format_money, parse_amount
from ui import labels
from ui.dialog import Dialog
from ui.ops import Operations
from ui.theme import look, set_heading
from ui.widgets.fields import FieldWithError, error_label, localise_date_edit


def _to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class PaymentDialog(Dialog):
    """A payment from the client, or (``refund=True``) money given back to them."""

    def __init__(
        self, ops: Operations, client_id: int, parent: QWidget | None = None, refund: bool = False
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.client_id = client_id
        self.refund = refund
        self.stored: money.PaymentResult | None = None
        self.setObjectName("refund_dialog" if refund else "payment_dialog")
        self.setMinimumWidth(500)
        today = self.today()
        self.situation = ops.read(lambda s: money.payment_situation(s, client_id, today=today))
        name = self.situation.client_name
        if refund:
            self.setWindowTitle(self.tr("Refund"))
            heading = self.tr("Refund to {name}").format(name=name)
        else:
            self.setWindowTitle(self.tr("Record payment"))
            heading = self.tr("Payment from {name}").format(name=name)
        self.heading = QLabel(heading)
        self.heading.setObjectName("payment_heading")
        set_heading(self.heading, "subheading")
        self.balance_label = QLabel(self.balance_text())
        self.balance_label.setObjectName("balance_now")
        self.balance_label.setWordWrap(True)

        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. {example}").format(example=self._example()))
        self.method = QComboBox()
        for method, label in money.METHOD_LABELS.items():
            self.method.addItem(labels.translate(label), method.value)
        self.paid_on = QDateEdit(QDate(today.year, today.month, today.day))
        self.paid_on.setCalendarPopup(True)
        localise_date_edit(self.paid_on, self.situation.locale)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("Receipt or transfer reference (optional)"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)
        self.towards_plan = QCheckBox(self.tr("Towards the payment plan"))
        self.towards_plan.setChecked(True)

        editors = {
            "amount": (self.tr("&Amount *"), self.amount),
            "method": (self.tr("&How"), self.method),
            "paid_on": (self.tr("&Date"), self.paid_on),
            "reference": (self.tr("&Reference"), self.reference),
            "note": (self.tr("&Note"), self.note),
        }
        self.fields: dict[str, FieldWithError] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field_name, (label_text, editor) in editors.items():
            editor.setObjectName(field_name)
            editor.setAccessibleName(label_text.replace("&", "").rstrip(" *"))
            wrapper = FieldWithError(editor, field_name)
            self.fields[field_name] = wrapper
            buddy = QLabel(label_text)
            buddy.setBuddy(editor)
            form.addRow(buddy, wrapper)
            if field_name == "amount":
                self.after_label = QLabel()
                self.after_label.setObjectName("balance_after")
                self.after_label.setWordWrap(True)
                look(self.after_label, "note")
                self.after_label.hide()
                form.addRow("", self.after_label)
        self.towards_plan.setObjectName("towards_plan")
        self.fields["towards_plan"] = FieldWithError(self.towards_plan, "towards_plan")
        self.plan_label = QLabel(self.plan_text())
        self.plan_label.setObjectName("plan_summary")
        self.plan_label.setWordWrap(True)
        form.addRow("", self.fields["towards_plan"])
        form.addRow("", self.plan_label)
        has_plan = self.situation.plan is not None and not refund
        self.fields["towards_plan"].setVisible(has_plan)
        self.plan_label.setVisible(has_plan)
        if not has_plan:
            self.towards_plan.setChecked(False)

        self.form_error = error_label("form_error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_payment")
        self.save_button.setText(self.tr("Record refund") if refund else self.tr("Record payment"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.balance_label)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)

        self.amount.textChanged.connect(self.update_after)
        self.amount.setFocus()

    # -- hooks tests replace -------------------------------------------------------

    def today(self) -> dt.date:
        return dt.date.today()

    # -- text ------------------------------------------------------------------------

    def money_text(self, minor: int) -> str:
        return format_money(minor, self.situation.currency, self.situation.locale)

    def _example(self) -> str:
        # 45 in the currency's own decimals and the locale's decimal mark ("45.00", "45,00").
        return format_money(4500, self.situation.currency, self.situation.locale)

    def balance_text(self) -> str:
        """The balance now, in words; for a refund, also what can be given back."""
        balance = self.situation.balance_minor
        if balance > 0:
            text = self.tr("Balance now: {amount}.").format(amount=self.money_text(balance))
        elif balance < 0:
            text = self.tr("Credit held now: {amount}.").format(amount=self.money_text(-balance))
        else:
            text = self.tr("No balance at the moment.")
        if self.refund:
            refundable = self.situation.refundable_minor
            if refundable > 0:
                text += " " + self.tr("Up to {amount} can be refunded.").format(
                    amount=self.money_text(refundable)
                )
            else:
                text += " " + self.tr("Nothing has been paid that could be refunded.")
        return text

    def plan_text(self) -> str:
        plan = self.situation.plan
        if plan is None or plan.next_due is None:
            return ""
        upcoming = plan.next_due
        left = upcoming.amount_minor - upcoming.covered_minor
        return self.tr("Next instalment: {amount} on {day}.").format(
            amount=self.money_text(left),
            day=locale_format.day(upcoming.due_on, self.situation.locale),
        )

    def typed_amount(self) -> int | None:
        """The amount typed, in minor units, or None while it can't be read."""
        try:
            return parse_amount(self.amount.text(), self.situation.currency, self.situation.locale)
        except AmountError:
            return None

    def after_text(self, amount: int) -> str:
        """What the balance will be once ``amount`` is stored (a preview; the domain decides)."""
        balance = self.situation.balance_minor
        after = balance + amount if self.refund else balance - amount
        if not self.refund and amount > max(balance, 0):
            extra = amount - max(balance, 0)
            if balance <= 0:
                text = self.tr("There is no balance now: it will be kept as credit.")
            else:
                text = self.tr("{extra} more than the balance: it will be kept as credit.").format(
                    extra=self.money_text(extra)
                )
            return (
                text
                + " "
                + self.tr("Credit held after: {credit}.").format(credit=self.money_text(-after))
            )
        if after > 0:
            return self.tr("Balance after: {amount}.").format(amount=self.money_text(after))
        if after < 0:
            return self.tr("Credit held after: {amount}.").format(amount=self.money_text(-after))
        return self.tr("This settles the balance.")

    def update_after(self) -> None:
        amount = self.typed_amount()
        self.fields["amount"].show_error(None)
        if amount is None:
            self.after_label.hide()
            return
        self.after_label.setText(self.after_text(amount))
        self.after_label.show()

    # -- saving ----------------------------------------------------------------------

    def collect(self) -> money.PaymentInput:
        return money.PaymentInput(
            client_id=self.client_id,
            amount=self.amount.text(),
            method=PaymentMethod(self.method.currentData()),
            paid_on=_to_date(self.paid_on.date()),
            reference=self.reference.text(),
            note=self.note.toPlainText(),
            towards_plan=self.towards_plan.isChecked() and not self.refund,
        )

    def _clear(self) -> None:
        for wrapper in self.fields.values():
            wrapper.show_error(None)
        self.form_error.clear()
        self.form_error.hide()

    def save(self) -> None:
        """Store the payment or refund in one transaction, or show what is wrong."""
        data = self.collect()
        self._clear()
        record = money.record_refund if self.refund else money.record_payment
        try:
            self.stored = self.ops.run(lambda s: record(s, data))
        except ValidationError as error:
            for problem in error.errors:
                wrapper = self.fields.get(problem.field)
                if wrapper is None:
                    self.form_error.setText(f"⚠ {problem.message}")
                    self.form_error.show()
                else:
                    wrapper.show_error(problem.message)
            return
        except NotFoundError as error:
            self.form_error.setText(f"⚠ {error}")
            self.form_error.show()
            return
        self.accept()
