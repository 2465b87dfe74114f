"""Confirming a charge for an appointment: the proposed amount, editable, and any grace.

When a grace rule forgives the fee the dialog says so before anything is stored:
the charge is recorded waived, with its reason, and counts for nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clientcare import money
from clientcare.db.models import ChargeKind
from clientcare.errors import NotFoundError, ValidationError
from clientcare.money_format import format_plain
from clientcare.practice import get_settings
from ui.dialog import Dialog
from ui.ops import Operations
from ui.theme import look
from ui.widgets.fields import FieldWithError, error_label


class ChargeDialog(Dialog):
    """Charge ``proposal``'s appointment; ``accepted`` means the charge is stored."""

    def __init__(
        self, ops: Operations, proposal: money.ChargeProposal, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.proposal = proposal
        self.stored: money.ChargeRow | None = None
        self.setObjectName("charge_dialog")
        self.setWindowTitle(self.tr("Charge"))
        self.setMinimumWidth(460)
        settings = ops.read(get_settings)
        self.currency, self.practice_locale = settings.currency, settings.locale
        circumstances = (
            ops.read(lambda s: money.exempt_circumstances(s, proposal.kind))
            if proposal.kind is not ChargeKind.SESSION
            else []
        )

        what = QLabel(
            self.tr("{client}: {what}").format(
                client=proposal.client_name, what=proposal.description
            )
        )
        what.setObjectName("charge_what")
        font = what.font()
        font.setBold(True)
        what.setFont(font)
        what.setWordWrap(True)
        source = QLabel(
            self.tr("Where the amount comes from: {source}.").format(source=proposal.source)
        )
        source.setWordWrap(True)

        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.amount.setAccessibleName(self.tr("Amount to charge"))
        if proposal.amount_minor is not None:
            self.amount.setText(
                format_plain(proposal.amount_minor, self.currency, self.practice_locale)
            )
        else:
            self.amount.setPlaceholderText(self.tr("No fee is set: type the amount"))
        self.amount_field = FieldWithError(self.amount, "amount")
        self.circumstance = QComboBox()
        self.circumstance.setObjectName("circumstance")
        self.circumstance.setAccessibleName(self.tr("Circumstance"))
        self.circumstance.addItem(self.tr("None in particular"), None)
        for text in circumstances:
            self.circumstance.addItem(text, text)
        self.grace_label = QLabel()
        self.grace_label.setObjectName("grace_reason")
        self.grace_label.setWordWrap(True)
        look(self.grace_label, "note")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        label = QLabel(self.tr("&Amount"))
        label.setBuddy(self.amount)
        form.addRow(label, self.amount_field)
        if circumstances:
            circumstance_label = QLabel(self.tr("&Circumstance"))
            circumstance_label.setBuddy(self.circumstance)
            form.addRow(circumstance_label, self.circumstance)
        self.form_error = error_label("form_error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_charge")
        self.save_button.setText(self.tr("Charge"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(source)
        layout.addLayout(form)
        layout.addWidget(self.grace_label)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)
        self.circumstance.currentIndexChanged.connect(self._circumstance_changed)
        self.show_grace(proposal.grace_reason)

    def show_grace(self, reason: str) -> None:
        if reason:
            self.grace_label.setText(
                self.tr(
                    "{reason} The charge will be recorded as waived, with this reason, "
                    "and adds nothing to the balance."
                ).format(reason=reason)
            )
            self.save_button.setText(self.tr("Record as waived"))
        else:
            self.grace_label.clear()
            self.save_button.setText(self.tr("Charge"))
        self.grace_label.setVisible(bool(reason))

    def _circumstance_changed(self) -> None:
        circumstance = self.circumstance.currentData()
        appointment_id = self.proposal.appointment_id
        try:
            proposal = self.ops.read(
                lambda s: money.propose_charge(s, appointment_id, circumstance)
            )
        except NotFoundError:
            proposal = None
        self.show_grace(proposal.grace_reason if proposal else "")

    def save(self) -> None:
        """Store the charge in one transaction, or show what is wrong next to the amount."""
        self.amount_field.show_error(None)
        self.form_error.hide()
        appointment_id = self.proposal.appointment_id
        amount = self.amount.text()
        circumstance = self.circumstance.currentData()
        try:
            self.stored = self.ops.run(
                lambda s: money.charge_appointment(
                    s, appointment_id, amount=amount, circumstance=circumstance
                ),
            )
        except ValidationError as error:
            for problem in error.errors:
                if problem.field == "amount":
                    self.amount_field.show_error(problem.message)
                else:
                    self.form_error.setText(f"⚠ {problem.message}")
                    self.form_error.show()
            return
        except NotFoundError as error:
            self.form_error.setText(f"⚠ {error}")
            self.form_error.show()
            return
        self.accept()
