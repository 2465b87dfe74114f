"""Small form helpers: a field with its error message right below it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.theme import notice_style

ERROR_STYLE = notice_style("error", "2px 6px")


class FieldWithError(QWidget):
    """Wraps an input widget and shows a specific message under it when the input is wrong."""

    def __init__(self, editor: QWidget, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel(self)
        self.error.setObjectName(f"{name}_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setAccessibleName(f"{name} error")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    def show_error(self, message: str | None) -> None:
        if message:
            # "⚠" as well as the colour: the message must not rely on colour alone.
            self.error.setText(f"⚠ {message}")
            self.error.show()
            self.editor.setAccessibleDescription(message)
        else:
            self.error.clear()
            self.error.hide()
            self.editor.setAccessibleDescription("")


def error_label(object_name: str = "") -> QLabel:
    """A hidden, word-wrapped message label in the error style, for a form or dialog."""
    label = QLabel()
    if object_name:
        label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label
