"""Settings → Security: the idle lock (minutes and PIN), and where backups go.

The rules (PIN format, the salted hash, where the settings live) are in
:mod:`clientcare.security`; this tab only collects and shows.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clientcare.errors import ValidationError
from clientcare.security import (
    MAX_IDLE_MINUTES,
    PIN_MAX_LENGTH,
    load_lock_settings,
    save_lock_settings,
    set_idle_minutes,
    with_new_pin,
)
from ui.idle_lock import lock_settings_notifier
from ui.widgets.fields import FieldWithError


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class SecurityTab(QWidget):
    """The idle lock: after how many minutes, and the PIN that unlocks it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("security_tab")
        self.settings = load_lock_settings()

        box = QGroupBox(self.tr("Lock when you step away"))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idle_minutes")
        self.idle_minutes.setRange(0, MAX_IDLE_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setSpecialValueText(self.tr("Never"))
        self.idle_minutes.setValue(self.settings.idle_minutes)
        self.idle_minutes.setAccessibleName(self.tr("Lock after minutes without use"))
        self.pin_state = QLabel()
        self.pin_state.setObjectName("pin_state")
        self.pin_state.setWordWrap(True)
        self.new_pin = self._pin_field("new_pin", self.tr("New PIN"))
        self.repeat_pin = self._pin_field("repeat_pin", self.tr("The same PIN again"))
        self.new_pin_field = FieldWithError(self.new_pin, "new_pin")
        self.repeat_pin_field = FieldWithError(self.repeat_pin, "repeat_pin")
        self.set_pin_button = QPushButton(self.tr("&Set PIN"))
        self.set_pin_button.setObjectName("set_pin")
        self.remove_pin_button = QPushButton(self.tr("Remove PIN"))
        self.remove_pin_button.setObjectName("remove_pin")
        self.lock_now_button = QPushButton(self.tr("&Lock now"))
        self.lock_now_button.setObjectName("lock_now")
        self.message = QLabel()
        self.message.setObjectName("security_message")
        self.message.setWordWrap(True)

        form = QFormLayout(box)
        form.addRow(self.tr("Lock ClientCare after"), self.idle_minutes)
        form.addRow("", _hint(self.tr("minutes without use (Never: only when you lock it).")))
        form.addRow(self.tr("PIN"), self.pin_state)
        form.addRow(self.tr("New PIN"), self.new_pin_field)
        form.addRow(self.tr("Repeat it"), self.repeat_pin_field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.set_pin_button)
        buttons.addWidget(self.remove_pin_button)
        buttons.addStretch(1)
        buttons.addWidget(self.lock_now_button)
        form.addRow("", buttons)
        form.addRow("", self.message)

        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(
            _hint(
                self.tr(
                    "The lock hides client details behind a curtain, and blocks printing and "
                    "exporting, until the PIN is entered. It protects the open window, not the "
                    "file: the database is readable by your user account only. The PIN is "
                    "kept on this computer for you alone, only as a salted hash."
                )
            )
        )
        layout.addStretch(1)

        self.idle_minutes.valueChanged.connect(self._save_minutes)
        self.set_pin_button.clicked.connect(self.set_pin)
        self.repeat_pin.returnPressed.connect(self.set_pin)
        self.remove_pin_button.clicked.connect(self.remove_pin)
        self.lock_now_button.clicked.connect(lock_settings_notifier().lock_now)
        self._show_state()

    def _pin_field(self, name: str, accessible: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(PIN_MAX_LENGTH)
        field.setAccessibleName(accessible)
        return field

    def _show_state(self) -> None:
        has_pin = self.settings.pin is not None
        if not has_pin:
            text = self.tr("No PIN yet. Set one to turn the lock on.")
        elif self.settings.idle_minutes == 0:
            text = self.tr("A PIN is set. ClientCare locks only when you press Lock now.")
        else:
            text = self.tr("A PIN is set. ClientCare locks after {n} minutes without use.").format(
                n=self.settings.idle_minutes
            )
        self.pin_state.setText(text)
        self.remove_pin_button.setEnabled(has_pin)
        self.lock_now_button.setEnabled(has_pin)
        self.set_pin_button.setText(self.tr("&Change PIN") if has_pin else self.tr("&Set PIN"))

    def _store(self, message: str) -> None:
        try:
            save_lock_settings(self.settings)
        except OSError as error:
            self.message.setText(
                self.tr("⚠ The setting could not be saved: {reason}").format(reason=error.strerror)
            )
            return
        self.message.setText(message)
        self._show_state()
        lock_settings_notifier().changed.emit()

    def _save_minutes(self, minutes: int) -> None:
        self.settings = set_idle_minutes(self.settings, minutes)
        self._store(self.tr("✓ Saved."))

    def set_pin(self) -> None:
        self.new_pin_field.show_error(None)
        self.repeat_pin_field.show_error(None)
        try:
            self.settings = with_new_pin(self.settings, self.new_pin.text(), self.repeat_pin.text())
        except ValidationError as error:
            self.new_pin_field.show_error(error.for_field("pin"))
            self.repeat_pin_field.show_error(error.for_field("repeated"))
            self.message.clear()
            return
        finally:
            self.repeat_pin.clear()
        self.new_pin.clear()
        self._store(self.tr("✓ The PIN is set."))

    def remove_pin(self) -> None:
        self.settings = replace(self.settings, pin=None)
        self._store(self.tr("✓ The PIN is removed; ClientCare will not lock itself."))
