"""Settings → Security: the idle lock (minutes and PIN), and encrypting the database.

The rules (PIN format, the salted hash, where the settings live) are in
:mod:`clientcare.security`; this tab only collects and shows.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clientcare.db.engine import describe_url
from clientcare.encryption import DATABASE_ERRORS, Passphrase, is_plain_sqlite
from clientcare.errors import DatabaseOpenError, ValidationError
from clientcare.rekey import (
    change_passphrase,
    decrypt_database,
    encrypt_database,
    encrypt_plain_backups,
)
from clientcare.security import (
    MAX_IDLE_MINUTES,
    PIN_MAX_LENGTH,
    load_lock_settings,
    save_lock_settings,
    set_idle_minutes,
    with_new_pin,
)
from clientcare.server_choice import forget_database, remembered_database
from ui import theme
from ui.dialogs.passphrase import PassphraseChange, SetPassphraseDialog
from ui.idle_lock import lock_settings_notifier
from ui.ops import Operations
from ui.widgets.fields import FieldWithError

# What changing a passphrase or encrypting the backups may raise (mypy reads a starred
# tuple in an except clause as not an exception type; a named tuple it reads).
_FILE_ERRORS: tuple[type[Exception], ...] = (OSError, *DATABASE_ERRORS)
_CHANGE_ERRORS: tuple[type[Exception], ...] = (DatabaseOpenError, *_FILE_ERRORS)


class SecurityTab(QWidget):
    """The idle lock: after how many minutes, and the PIN that unlocks it."""

    def __init__(self, parent: QWidget | None = None, ops: Operations | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("security_tab")
        self.settings = load_lock_settings()
        self._given_ops = ops

        box = QGroupBox(self.tr("Lock when you step away"))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idle_minutes")
        self.idle_minutes.setRange(0, MAX_IDLE_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setSpecialValueText(self.tr("Never"))
        self.idle_minutes.setValue(self.settings.idle_minutes)
        self.idle_minutes.setAccessibleName(self.tr("Lock after minutes without use"))
        self.idle_minutes.setMaximumWidth(160)  # a number of minutes, not a line of text
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
        form.addRow("", theme.hint(self.tr("minutes without use (Never: only when you lock it).")))
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
            theme.hint(
                self.tr(
                    "The lock hides client details behind a curtain, and blocks printing and "
                    "exporting, until the PIN is entered. It protects the open window, not the "
                    "file: the database is readable by your user account only. The PIN is "
                    "kept on this computer for you alone, only as a salted hash."
                )
            )
        )
        layout.addWidget(self._encryption_box())
        layout.addWidget(self._database_box())
        layout.addStretch(1)

        self.idle_minutes.valueChanged.connect(self._save_minutes)
        self.set_pin_button.clicked.connect(self.set_pin)
        self.repeat_pin.returnPressed.connect(self.set_pin)
        self.remove_pin_button.clicked.connect(self.remove_pin)
        self.lock_now_button.clicked.connect(lock_settings_notifier().lock_now)
        self._show_state()

    # -- encryption at rest ------------------------------------------------

    def _encryption_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Encrypt the database file"))
        self.encryption_state = QLabel()
        self.encryption_state.setObjectName("encryption_state")
        self.encryption_state.setWordWrap(True)
        self.encrypt_button = QPushButton(self.tr("Encrypt with a passphrase…"))
        self.encrypt_button.setObjectName("encrypt_database")
        self.change_passphrase_button = QPushButton(self.tr("Change passphrase…"))
        self.change_passphrase_button.setObjectName("change_passphrase")
        self.remove_encryption_button = QPushButton(self.tr("Remove encryption…"))
        self.remove_encryption_button.setObjectName("remove_encryption")
        self.encryption_message = QLabel()
        self.encryption_message.setObjectName("encryption_message")
        self.encryption_message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.encrypt_button)
        buttons.addWidget(self.change_passphrase_button)
        buttons.addWidget(self.remove_encryption_button)
        buttons.addStretch(1)
        column = QVBoxLayout(box)
        column.addWidget(self.encryption_state)
        column.addLayout(buttons)
        column.addWidget(self.encryption_message)
        self.encrypt_button.clicked.connect(
            lambda: self.change_encryption(PassphraseChange.ENCRYPT)
        )
        self.change_passphrase_button.clicked.connect(
            lambda: self.change_encryption(PassphraseChange.CHANGE)
        )
        self.remove_encryption_button.clicked.connect(
            lambda: self.change_encryption(PassphraseChange.REMOVE)
        )
        return box

    # -- where the practice's data lives -------------------------------------

    def _database_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Where the practice's data lives"))
        self.database_state = QLabel()
        self.database_state.setObjectName("database_state")
        self.database_state.setWordWrap(True)
        self.database_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.use_server_button = QPushButton(self.tr("Use a shared practice server…"))
        self.use_server_button.setObjectName("use_server")
        self.use_file_button = QPushButton(self.tr("Use the database on this computer"))
        self.use_file_button.setObjectName("use_file")
        self.database_message = QLabel()
        self.database_message.setObjectName("database_message")
        self.database_message.setWordWrap(True)
        self.database_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.use_server_button)
        buttons.addWidget(self.use_file_button)
        buttons.addStretch(1)
        column = QVBoxLayout(box)
        column.addWidget(self.database_state)
        column.addLayout(buttons)
        column.addWidget(self.database_message)
        self.use_server_button.clicked.connect(self.choose_server)
        self.use_file_button.clicked.connect(self.choose_this_computer)
        return box

    def _show_database_state(self) -> None:
        ops = self._ops()
        remembered = remembered_database()
        if ops is not None and ops.database.path is not None:
            now = self.tr("This window uses the database file on this computer: {path}.").format(
                path=ops.database.path
            )
        elif ops is not None:
            now = self.tr("This window uses the practice server {server}.").format(
                server=describe_url(ops.database.engine.url)
            )
        else:
            now = ""
        start = (
            self.tr("ClientCare starts on the practice server {server}.").format(server=remembered)
            if remembered
            else self.tr("ClientCare starts on the database file on this computer.")
        )
        self.database_state.setText(f"{now} {start}".strip())
        self.use_file_button.setEnabled(remembered is not None)

    def make_server_dialog(self) -> QDialog:
        """The dialog asking for the server's address (tests drive it directly)."""
        from ui.dialogs.server import ServerChoiceDialog

        ops = self._ops()
        assert ops is not None
        return ServerChoiceDialog(ops, self, current=remembered_database())

    def choose_server(self) -> None:
        """Connect to the practice's server and open it from the next start."""
        if self._ops() is None:
            return
        dialog = self.make_server_dialog()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        ops = self._ops()
        here = ops.database.path if ops is not None else None
        move = (
            self.tr(
                " To copy this computer's practice onto it first (the server's database must "
                "be empty), close ClientCare and run: clientcare migrate-db --from {file} "
                "--to {server}"
            ).format(file=here, server=getattr(dialog, "url", ""))
            if here is not None
            else ""
        )
        self.database_message.setText(
            self.tr(
                "The server answered. ClientCare opens it the next time it starts; this "
                "window stays on the database it has open."
            )
            + move
        )
        self._show_database_state()

    def choose_this_computer(self) -> None:
        """Start on this computer's database file again, not the server."""
        forget_database()
        self.database_message.setText(
            self.tr(
                "ClientCare opens the database file on this computer the next time it starts. "
                "Nothing on the server was changed."
            )
        )
        self._show_database_state()

    def _ops(self) -> Operations | None:
        if self._given_ops is not None:
            return self._given_ops
        ops = getattr(self.window(), "ops", None)
        return ops if isinstance(ops, Operations) else None

    def showEvent(self, event: QShowEvent) -> None:
        self._show_encryption_state()
        self._show_database_state()
        super().showEvent(event)

    def _show_encryption_state(self) -> None:
        ops = self._ops()
        path = ops.database.path if ops is not None else None
        encrypted = ops is not None and ops.database.passphrase is not None
        if path is None:
            text = self.tr(
                "Encryption is for a database file on this computer; a database on a server "
                "is protected by the server."
            )
        elif encrypted:
            text = self.tr(
                "The database file and its backups are encrypted with a passphrase "
                "(SQLCipher). ClientCare asks for it when it starts, and the idle lock "
                "unlocks with it."
            )
        else:
            text = self.tr(
                "The database file is not encrypted: anyone who can read your files (or a "
                "stolen disk) can read it. Encrypt it with a passphrase only you know."
            )
        self.encryption_state.setText(text)
        self.encrypt_button.setEnabled(path is not None and not encrypted)
        self.change_passphrase_button.setEnabled(path is not None and encrypted)
        self.remove_encryption_button.setEnabled(path is not None and encrypted)
        self._show_state()

    def change_encryption(self, change: PassphraseChange) -> bool:
        """Encrypt, re-key or decrypt the open database (a backup first), then reopen it."""
        from clientcare.db.migrate import open_database
        from ui.dialogs.restore import swap_database

        ops = self._ops()
        path = ops.database.path if ops is not None else None
        if ops is None or path is None:
            return False
        old = ops.database.passphrase
        dialog = SetPassphraseDialog(change, old, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        new = dialog.new_passphrase
        ops.database.dispose()  # no connection may stay open while the file is replaced
        failure = None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if change is PassphraseChange.ENCRYPT:
                assert new is not None
                kept = encrypt_database(path, new)
            elif change is PassphraseChange.CHANGE:
                assert old is not None and new is not None
                kept = change_passphrase(path, old, new)
            else:
                assert old is not None
                kept = decrypt_database(path, old)
        except _CHANGE_ERRORS as error:
            failure = str(error)
            new = old
        finally:
            QApplication.restoreOverrideCursor()
        try:
            database, _report = open_database(path, passphrase=new)
        except DatabaseOpenError as error:
            QMessageBox.critical(
                self, self.tr("ClientCare could not reopen the database"), str(error)
            )
            return False
        swap_database(ops, database)
        self._show_encryption_state()
        if failure is not None:
            self.encryption_message.setText(
                self.tr("⚠ Nothing was changed: {reason}").format(reason=failure)
            )
            return False
        done = {
            PassphraseChange.ENCRYPT: self.tr("✓ The database is encrypted."),
            PassphraseChange.CHANGE: self.tr("✓ The passphrase is changed."),
            PassphraseChange.REMOVE: self.tr("✓ The database is no longer encrypted."),
        }[change]
        self.encryption_message.setText(
            done + " " + self.tr("The database as it was is kept at {path}.").format(path=kept)
        )
        if change is PassphraseChange.ENCRYPT and new is not None:
            self._offer_to_encrypt_old_backups(path, new)
        return True

    def _offer_to_encrypt_old_backups(self, path: Path, passphrase: Passphrase) -> None:
        from clientcare.backup import list_backups

        plain = [b for b in list_backups(path) if is_plain_sqlite(b.path)]
        if not plain:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Encrypt the older backups too?"),
            self.tr(
                "{n} backups in {folder} were made before the database was encrypted, and "
                "anyone who can read your files can read them. Encrypt them with the same "
                "passphrase now?"
            ).format(n=len(plain), folder=path.parent / "backups"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            done = encrypt_plain_backups(path, passphrase)
        except _FILE_ERRORS as error:
            self.encryption_message.setText(
                self.tr("⚠ The older backups could not all be encrypted: {reason}").format(
                    reason=error
                )
            )
            return
        self.encryption_message.setText(
            self.encryption_message.text()
            + " "
            + self.tr("Older backups encrypted too: {n}.").format(n=len(done))
        )

    def _pin_field(self, name: str, accessible: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(PIN_MAX_LENGTH)
        field.setAccessibleName(accessible)
        return field

    def _show_state(self) -> None:
        has_pin = self.settings.pin is not None
        ops = self._ops()
        encrypted = ops is not None and ops.database.passphrase is not None
        if not has_pin and encrypted:
            text = self.tr(
                "No PIN needed: the database is encrypted, so the lock asks for its passphrase."
            )
        elif not has_pin:
            text = self.tr("No PIN yet. Set one to turn the lock on.")
        elif self.settings.idle_minutes == 0:
            text = self.tr("A PIN is set. ClientCare locks only when you press Lock now.")
        else:
            text = self.tr("A PIN is set. ClientCare locks after {n} minutes without use.").format(
                n=self.settings.idle_minutes
            )
        self.pin_state.setText(text)
        self.remove_pin_button.setEnabled(has_pin)
        self.lock_now_button.setEnabled(has_pin or encrypted)
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
