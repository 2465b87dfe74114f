"""A dialog of fields with their errors beside them, a general error line, and Save/Cancel."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from clientcare.errors import NotFoundError, ValidationError
from ui.dialog import Dialog
from ui.ops import Operations, Work
from ui.widgets.fields import FieldWithError, error_label


class FormDialog(Dialog):
    """A dialog of fields with errors beside them, a general error, and Save/Cancel."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today = dt.date.today()
        self.stored: Any = None
        self.fields: dict[str, FieldWithError] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setVerticalSpacing(8)
        self.form_error = error_label("form_error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(520)

    def add_field(self, name: str, label: str, editor: QWidget) -> FieldWithError:
        editor.setObjectName(name)
        editor.setAccessibleName(label.replace("&", "").rstrip(" *"))
        wrapper = FieldWithError(editor, name)
        self.fields[name] = wrapper
        caption = QLabel(label)
        caption.setBuddy(editor)
        self.form.addRow(caption, wrapper)
        return wrapper

    def finish_layout(self, *top: QWidget) -> None:
        layout = QVBoxLayout(self)
        for widget in top:
            layout.addWidget(widget)
        layout.addLayout(self.form)
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        # The buttons were made first, so Qt would start on Save: start on the first field
        # that can be typed in (the client, on a new record).
        for wrapper in self.fields.values():
            editor = wrapper.editor
            if (
                editor.isEnabled()
                and not editor.isHidden()
                and editor.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                editor.setFocus()
                break

    def clear_errors(self) -> None:
        for wrapper in self.fields.values():
            wrapper.show_error(None)
        self.form_error.hide()

    def show_errors(self, error: ValidationError | NotFoundError) -> None:
        if isinstance(error, NotFoundError):
            self.form_error.setText(f"\u26a0 {error}")
            self.form_error.show()
            return
        general = []
        for problem in error.errors:
            wrapper = self.fields.get(problem.field)
            if wrapper is None:
                general.append(problem.message)
            else:
                wrapper.show_error(problem.message)
        if general:
            self.form_error.setText("\u26a0 " + " ".join(general))
            self.form_error.show()

    def attempt(self, action: Work[Any]) -> Any | None:
        """Run ``action`` as one unit of work; show what is wrong, or accept the dialog."""
        self.clear_errors()
        try:
            result = self.ops.run(action)
        except (ValidationError, NotFoundError) as error:
            self.show_errors(error)
            return None
        self.stored = result
        self.accept()
        return result

    def save(self) -> None:  # pragma: no cover - each dialog has its own
        raise NotImplementedError
