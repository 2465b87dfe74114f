"""A correction to a finalised record: the original stays, the change is kept beside it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clientcare.interactions import InteractionDetail
from ui.dialog import Dialog
from ui.widgets.fields import FieldWithError


class CorrectionDialog(Dialog):
    def __init__(
        self, interaction: InteractionDetail, labels: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.interaction = interaction
        self.setObjectName("correction_dialog")
        self.setWindowTitle(self.tr("Add a correction"))
        self.resize(620, 420)
        intro = QLabel(
            self.tr(
                "This record is finalised. A correction changes the text and keeps the "
                "original beside it, with who changed it, when and why."
            )
        )
        intro.setWordWrap(True)
        self.field = QComboBox()
        self.field.setObjectName("correction_field")
        for name, label in labels.items():
            self.field.addItem(label.split(" (")[0], name)
        self.text = QPlainTextEdit()
        self.text.setObjectName("correction_text")
        self.text.setTabChangesFocus(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("correction_reason")
        self.reason.setPlaceholderText(self.tr("e.g. wrong date for the next session"))
        self.fields = {
            "new_value": FieldWithError(self.text, "new_value"),
            "reason": FieldWithError(self.reason, "reason"),
        }
        form = QFormLayout()
        form.addRow(self.tr("Correct"), self.field)
        form.addRow(self.tr("New text"), self.fields["new_value"])
        form.addRow(self.tr("Why"), self.fields["reason"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.field.currentIndexChanged.connect(self._fill)
        self._fill()

    def _fill(self) -> None:
        self.text.setPlainText(getattr(self.interaction, self.field.currentData()))

    def show_error(self, field: str, message: str) -> None:
        (self.fields.get(field) or self.fields["new_value"]).show_error(message)
