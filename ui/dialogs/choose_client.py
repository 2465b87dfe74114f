"""Ask which client a command is for, when the screen shown has nobody selected."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.dialog import Dialog
from ui.ops import Operations
from ui.widgets.client_picker import ClientPicker
from ui.widgets.fields import error_label


class ChooseClientDialog(Dialog):
    """ "Which client is it for?" with the type-ahead client picker; ``client_id`` once
    accepted."""

    def __init__(
        self, ops: Operations, title: str, question: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("choose_client")
        self.setWindowTitle(title)
        self.question = QLabel(question)
        self.question.setWordWrap(True)
        self.picker = ClientPicker(ops, parent=self)
        self.picker.setObjectName("client_id")
        self.question.setBuddy(self.picker)
        self.error = error_label("choose_client_error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.picker.chosen.connect(lambda _client: self.error.hide())
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.picker)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.picker.setFocus()
        self.client_id: int | None = None

    def accept(self) -> None:
        client_id = self.picker.client_id()
        if client_id is None:
            self.error.setText(self.tr("Choose a client: type part of their name, then pick it."))
            self.error.show()
            self.picker.setFocus()
            return
        self.client_id = client_id
        super().accept()
