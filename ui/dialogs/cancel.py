"""Asking who cancelled, why, and (for a series) which occurrences."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
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
from clientcare.series import Scope
from ui.widgets.fields import FieldWithError


class CancelDialog(QDialog):
    def __init__(self, description: str, *, in_series: bool, parent: QWidget | None = None) -> None:
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
        scope_row = QVBoxLayout()
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
            form.addRow(self.tr("Which"), scope_row)
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

    @property
    def cancelled_by(self) -> CancelledBy:
        return CancelledBy.CLIENT if self.by_client.isChecked() else CancelledBy.PRACTITIONER

    @property
    def scope(self) -> Scope:
        for scope, button in self.scope_buttons.items():
            if button.isChecked():
                return scope
        return Scope.THIS
