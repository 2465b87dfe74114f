"""Asking for a database passphrase: at start-up, and to set, change or remove it.

The rules (what a passphrase must be, checking one against the file) are in
:mod:`clientcare.encryption`; these dialogs ask and show. A passphrase typed here
stays in memory (a :class:`~clientcare.encryption.Passphrase`) and is never logged.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clientcare.encryption import (
    PASSPHRASE_MAX_LENGTH,
    Passphrase,
    check_passphrase,
    validate_passphrase,
)
from clientcare.errors import ValidationError
from ui import theme
from ui.dialog import Dialog
from ui.widgets.fields import FieldWithError, error_label

#: Tries at start-up before ClientCare closes.
START_ATTEMPTS = 3


def _secret_field(name: str, accessible: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(PASSPHRASE_MAX_LENGTH)
    field.setAccessibleName(accessible)
    field.setMinimumWidth(280)
    return field


class UnlockDatabaseDialog(Dialog):
    """ "This practice's database is locked": the passphrase, a few tries, or Quit."""

    def __init__(
        self,
        where: str,
        check: Callable[[Passphrase], bool],
        attempts: int = START_ATTEMPTS,
        parent: QWidget | None = None,
        heading: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlock_database_dialog")
        self.setWindowTitle(self.tr("Passphrase"))  # shown as "Passphrase — ClientCare"
        self._check = check
        self._left = attempts
        self.passphrase: Passphrase | None = None
        #: True when every try was wrong (the caller says so and quits).
        self.gave_up = False

        heading_label = theme.heading(
            heading or self.tr("This practice's database is locked with a passphrase"),
            "subheading",
        )
        heading_label.setWordWrap(True)
        where_label = QLabel(self.tr("Type its passphrase to open {where}.").format(where=where))
        where_label.setObjectName("unlock_where")
        where_label.setWordWrap(True)
        self.field = _secret_field("database_passphrase", self.tr("Passphrase"))
        self.field.setPlaceholderText(self.tr("Passphrase"))
        self.error = error_label("passphrase_error")
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(
            self.tr("&Open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setObjectName("open_button")
        self.open_button.setDefault(True)
        quit_button = buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setObjectName("quit_button")
        self.open_button.clicked.connect(self.try_open)
        quit_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading_label)
        layout.addWidget(where_label)
        layout.addSpacing(4)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        layout.addSpacing(4)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def try_open(self) -> None:
        typed = self.field.text()
        self.field.clear()
        candidate = Passphrase(typed) if typed else None
        if candidate is not None and self._check(candidate):
            self.passphrase = candidate
            self.accept()
            return
        self._left -= 1
        if self._left <= 0:
            self.gave_up = True
            self.reject()
            return
        message = (
            self.tr("The passphrase you typed doesn't open it; check Caps Lock and try again.")
            if typed
            else self.tr("Type the passphrase first.")
        )
        if typed:
            message += " " + (
                self.tr("One try left.")
                if self._left == 1
                else self.tr("{n} tries left.").format(n=self._left)
            )
        self.error.setText(f"⚠ {message}")
        self.error.show()
        self.adjustSize()  # room for the message
        self.field.setFocus()


def ask_passphrase_at_start(path: Path, parent: QWidget | None = None) -> Passphrase | None:
    """The passphrase that opens ``path``, or None when the person quit or gave up.

    After the last wrong try the person is told so, politely; nothing is changed.
    """
    from PySide6.QtWidgets import QMessageBox

    dialog = UnlockDatabaseDialog(str(path), lambda key: check_passphrase(path, key), parent=parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.passphrase
    if dialog.gave_up:
        QMessageBox.information(
            parent,
            dialog.tr("ClientCare is closing"),
            dialog.tr(
                "The passphrase was not right {n} times, so ClientCare closes now. Nothing "
                "was changed. Start ClientCare again to try once more."
            ).format(n=START_ATTEMPTS),
        )
    return None


def ask_backup_passphrase(path: Path, parent: QWidget | None = None) -> Passphrase | None:
    """The passphrase that opens the backup at ``path``, or None (cancelled or gave up)."""
    dialog = UnlockDatabaseDialog(
        str(path),
        lambda key: check_passphrase(path, key),
        parent=parent,
        # The "QDialog" context the class-level QDialog.tr(...) used (no dialog exists yet).
        heading=QCoreApplication.translate("QDialog", "This backup is locked with a passphrase"),
    )
    dialog.setWindowTitle(dialog.tr("Restore — passphrase of the backup"))
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.passphrase
    return None


class PassphraseChange(Enum):
    """What Settings → Security asks for."""

    ENCRYPT = "encrypt"
    CHANGE = "change"
    REMOVE = "remove"


class SetPassphraseDialog(Dialog):
    """Encrypt with a passphrase, change it, or remove encryption: the fields each needs.

    ``current`` is the passphrase in memory (None for a plain database); the person
    must type it again to change or remove it. On accept, ``new_passphrase`` holds the
    new one (None when removing).
    """

    def __init__(
        self,
        change: PassphraseChange,
        current: Passphrase | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("set_passphrase_dialog")
        self.change = change
        self._current = current
        self.new_passphrase: Passphrase | None = None
        titles = {
            PassphraseChange.ENCRYPT: self.tr("Encrypt the database with a passphrase"),
            PassphraseChange.CHANGE: self.tr("Change the database passphrase"),
            PassphraseChange.REMOVE: self.tr("Remove the database encryption"),
        }
        texts = {
            PassphraseChange.ENCRYPT: self.tr(
                "The database file, and every backup ClientCare makes from now on, will be "
                "unreadable without this passphrase. ClientCare asks for it when it starts. "
                "There is no way to recover a forgotten passphrase: write it down and keep "
                "it somewhere safe."
            ),
            PassphraseChange.CHANGE: self.tr(
                "A backup is taken first; it still opens with the current passphrase. "
                "There is no way to recover a forgotten passphrase."
            ),
            PassphraseChange.REMOVE: self.tr(
                "The database file will be readable by anyone who can read your files. A "
                "backup is taken first; it stays encrypted with the current passphrase."
            ),
        }
        self.setWindowTitle(titles[change])
        explanation = QLabel(texts[change])
        explanation.setObjectName("passphrase_explanation")
        explanation.setWordWrap(True)

        form = QFormLayout()
        self.current_field: QLineEdit | None = None
        self.current_box: FieldWithError | None = None
        if change is not PassphraseChange.ENCRYPT:
            self.current_field = _secret_field("current_passphrase", self.tr("Current passphrase"))
            self.current_box = FieldWithError(self.current_field, "current_passphrase")
            form.addRow(self.tr("Current passphrase"), self.current_box)
        self.new_field: QLineEdit | None = None
        self.repeat_field: QLineEdit | None = None
        self.new_box: FieldWithError | None = None
        self.repeat_box: FieldWithError | None = None
        if change is not PassphraseChange.REMOVE:
            self.new_field = _secret_field("new_passphrase", self.tr("New passphrase"))
            self.repeat_field = _secret_field("repeat_passphrase", self.tr("The same again"))
            self.new_box = FieldWithError(self.new_field, "new_passphrase")
            self.repeat_box = FieldWithError(self.repeat_field, "repeat_passphrase")
            form.addRow(self.tr("New passphrase"), self.new_box)
            form.addRow(self.tr("Repeat it"), self.repeat_box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        labels = {
            PassphraseChange.ENCRYPT: self.tr("&Encrypt"),
            PassphraseChange.CHANGE: self.tr("C&hange passphrase"),
            PassphraseChange.REMOVE: self.tr("&Remove encryption"),
        }
        self.ok_button = buttons.addButton(labels[change], QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("passphrase_ok")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(theme.heading(titles[change], "subheading"))
        layout.addWidget(explanation)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(500)

    def submit(self) -> None:
        ok = True
        if self.current_field is not None and self.current_box is not None:
            typed = self.current_field.text()
            right = self._current is not None and bool(typed) and self._current.matches(typed)
            self.current_box.show_error(
                None if right else self.tr("That is not the current passphrase.")
            )
            ok = right
        if self.new_field is not None and self.repeat_field is not None:
            assert self.new_box is not None and self.repeat_box is not None
            self.new_box.show_error(None)
            self.repeat_box.show_error(None)
            try:
                validate_passphrase(self.new_field.text(), self.repeat_field.text())
            except ValidationError as error:
                self.new_box.show_error(error.for_field("passphrase"))
                self.repeat_box.show_error(error.for_field("repeated"))
                self.repeat_field.clear()
                self.adjustSize()
                return
            if ok:
                self.new_passphrase = Passphrase(self.new_field.text())
        if ok:
            self.accept()
        else:
            self.adjustSize()
