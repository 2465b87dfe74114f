"""Asking who cancelled, why, and (for a series) which occurrences."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clientcare.db.models import CancelledBy
from clientcare.money.late_cancel import LateCancelFee, late_cancel_fee
from clientcare.series import Scope
from ui.dialog import Dialog
from ui.ops import Operations
from ui.widgets.fields import FieldWithError


class CancelDialog(Dialog):
    """Given ``ops`` and the appointment's ``start``, a late cancellation by the client
    also says what the practice's fee policy will do, and asks for an exempt circumstance.
    """

    def __init__(
        self,
        description: str,
        *,
        in_series: bool,
        parent: QWidget | None = None,
        ops: Operations | None = None,
        start: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cancel_dialog")
        self.setWindowTitle(self.tr("Cancel appointment"))
        self.setMinimumWidth(440)
        intro = QLabel(description)
        intro.setWordWrap(True)
        self.by_client = QRadioButton(self.tr("The client"))
        self.by_client.setObjectName("by_client")
        self.by_practitioner = QRadioButton(self.tr("The practice"))
        self.by_practitioner.setObjectName("by_practitioner")
        self.by_client.setChecked(True)
        who = QHBoxLayout()
        who.addWidget(self.by_client)
        who.addWidget(self.by_practitioner)
        who.addStretch(1)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("e.g. unwell, travelling, clash at work"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason_field = FieldWithError(self.reason, "reason")
        self.scope_group = QButtonGroup(self)
        # Owned by the dialog even when it is not in a series (then hidden, never shown
        # on its own): a button without a parent would outlive the dialog as a window.
        self.scope_box = QWidget(self)
        scope_row = QVBoxLayout(self.scope_box)
        scope_row.setContentsMargins(0, 0, 0, 0)
        self.scope_buttons: dict[Scope, QRadioButton] = {}
        for scope, label in (
            (Scope.THIS, self.tr("Only this one")),
            (Scope.FOLLOWING, self.tr("This and all following")),
            (Scope.ALL, self.tr("All upcoming in the series")),
        ):
            button = QRadioButton(label)
            button.setObjectName(f"scope_{scope.value}")
            self.scope_group.addButton(button)
            self.scope_buttons[scope] = button
            scope_row.addWidget(button)
        self.scope_buttons[Scope.THIS].setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Cancelled by"), who)
        form.addRow(self.tr("&Reason"), self.reason_field)
        if in_series:
            form.addRow(self.tr("Which"), self.scope_box)
        else:
            self.scope_box.hide()
        self._late_fee(form, ops, start)
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton(
            self.tr("Cancel appointment"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm.setObjectName("confirm_cancel")
        buttons.addButton(self.tr("Keep it"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def now(self) -> dt.datetime:
        return dt.datetime.now()

    def _late_fee(
        self, form: QFormLayout, ops: Operations | None, start: dt.datetime | None
    ) -> None:
        """The circumstance combo and the fee hint, shown while the cancellation is late."""
        self.circumstance_combo = QComboBox()
        self.circumstance_combo.setObjectName("circumstance")
        self.circumstance_combo.setAccessibleName(self.tr("Circumstance"))
        self.fee_hint = QLabel()
        self.fee_hint.setObjectName("late_fee_hint")
        self.fee_hint.setWordWrap(True)
        self._policy: LateCancelFee | None = None
        if ops is not None and start is not None:
            now = self.now()
            self._policy = ops.read(lambda session: late_cancel_fee(session, start, now=now))
            for name in self._policy.circumstances:
                self.circumstance_combo.addItem(name, name)
            self.circumstance_combo.addItem(self.tr("None of these"), None)
            self.circumstance_combo.setCurrentIndex(self.circumstance_combo.count() - 1)
        form.addRow(self.tr("Circ&umstance"), self.circumstance_combo)
        form.addRow("", self.fee_hint)
        self._form = form
        self.circumstance_combo.currentIndexChanged.connect(self._show_fee)
        self.by_client.toggled.connect(self._show_fee)
        self._show_fee()

    def _show_fee(self) -> None:
        applies = self._policy is not None and self._policy.applies(self.cancelled_by)
        fee_text = self._policy.fee_text if self._policy is not None else ""
        self._form.setRowVisible(
            self.circumstance_combo, applies and self.circumstance_combo.count() > 1
        )
        self._form.setRowVisible(self.fee_hint, applies)
        chosen = self.circumstance
        if chosen:
            self.fee_hint.setText(
                self.tr("{circumstance} is exempt: the fee will be recorded as waived.").format(
                    circumstance=chosen
                )
            )
        else:
            self.fee_hint.setText(
                self.tr(
                    "A late-cancellation fee of {fee} applies under the practice's policy; "
                    "a grace rule may forgive it."
                ).format(fee=fee_text)
            )

    @property
    def circumstance(self) -> str | None:
        """The exempt circumstance chosen, or None (also when the fee doesn't apply)."""
        if self._policy is None:
            return None
        return self._policy.circumstance(self.cancelled_by, self.circumstance_combo.currentData())

    @property
    def cancelled_by(self) -> CancelledBy:
        return CancelledBy.CLIENT if self.by_client.isChecked() else CancelledBy.PRACTITIONER

    @property
    def scope(self) -> Scope:
        for scope, button in self.scope_buttons.items():
            if button.isChecked():
                return scope
        return Scope.THIS
