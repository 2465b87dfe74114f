"""File → Restore…: choose a backup, see what it holds beside what is there now, confirm.

The checks and the restore itself are :mod:`clientcare.backup`; this module asks
and shows. The current database is kept as a backup before it is replaced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from clientcare import locale_format
from clientcare.backup import BackupError
from clientcare.config import backup_dir_for
from clientcare.db.engine import Database
from clientcare.db.migrate import SCHEMA_HEAD, open_database
from clientcare.encryption import Passphrase, PassphraseError, check_passphrase, is_encrypted
from clientcare.errors import DatabaseOpenError
from clientcare.practice import get_settings
from clientcare.restore import BackupSummary, inspect_backup, restore_database
from ui.dialog import Dialog
from ui.dialogs.passphrase import ask_backup_passphrase
from ui.idle_lock import lock_settings_notifier
from ui.ops import EVERYTHING, Operations
from ui.theme import look, set_heading


def _when(
    moment: dt.datetime | None, locale: str = locale_format.DEFAULT_LOCALE, *, utc: bool = False
) -> str:
    """A date and time as ``locale`` (the practice's) writes it; "—" for none."""
    if moment is None:
        return "—"
    if utc:
        moment = moment.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
    return locale_format.day_time(moment, locale)


def _practice_locale(ops: Operations) -> str:
    return str(ops.read(lambda s: get_settings(s).locale))


class RestoreDialog(Dialog):
    """What the backup holds beside what the database holds now; Restore or Cancel."""

    def __init__(
        self,
        backup: BackupSummary,
        current: BackupSummary | None,
        kept_in: Path,
        parent: QWidget | None = None,
        *,
        locale: str = locale_format.DEFAULT_LOCALE,
    ) -> None:
        """``locale``: the practice's, in which dates and counts are written."""
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle(self.tr("Restore a backup"))
        taken = _when(backup.taken_at, locale)
        numbers = QLocale(locale)
        heading = QLabel(self.tr("Restore the backup from {when}?").format(when=taken))
        heading.setObjectName("restore_heading")
        set_heading(heading, "subheading")
        where = QLabel(str(backup.path))
        where.setObjectName("restore_file")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.addWidget(self._bold(self.tr("Now")), 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self._bold(self.tr("In the backup")), 0, 2, Qt.AlignmentFlag.AlignRight)
        rows = [
            (self.tr("Practice"), "practice", lambda s: s.practice_name or "—"),
            (self.tr("Clients"), "clients", lambda s: numbers.toString(s.clients)),
            (self.tr("Appointments"), "appointments", lambda s: numbers.toString(s.appointments)),
            (
                self.tr("Contacts and session notes"),
                "interactions",
                lambda s: numbers.toString(s.interactions),
            ),
            (
                self.tr("Newest entry"),
                "newest",
                lambda s: _when(s.newest_record, locale, utc=True),
            ),
        ]
        for number, (label, key, value) in enumerate(rows, start=1):
            grid.addWidget(QLabel(label), number, 0)
            now_label = QLabel(value(current) if current is not None else "—")
            now_label.setObjectName(f"now_{key}")
            backup_label = QLabel(value(backup))
            backup_label.setObjectName(f"backup_{key}")
            grid.addWidget(now_label, number, 1, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(backup_label, number, 2, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(0, 1)

        warning = QLabel(
            self.tr(
                "Everything in ClientCare will be replaced by this backup: anything entered "
                "after {when} is not in it. The database as it is now is kept first, in "
                "{folder}, so you can go back to it (File → Restore…)."
            ).format(when=taken, folder=kept_in)
        )
        warning.setObjectName("restore_warning")
        warning.setWordWrap(True)
        look(warning, "danger")
        # Not setMinimumWidth on the dialog: that would stop the layout from setting it.
        warning.setMinimumWidth(480)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(where)
        layout.addSpacing(6)
        layout.addLayout(grid)
        if backup.revision != SCHEMA_HEAD:
            older = QLabel(
                self.tr(
                    "This backup was made by an earlier version of ClientCare; it is brought "
                    "up to date when it is opened (a copy is kept first)."
                )
            )
            older.setObjectName("restore_older")
            older.setWordWrap(True)
            layout.addWidget(older)
        layout.addSpacing(6)
        layout.addWidget(warning)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.restore_button.setObjectName("restore_button")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.restore_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _bold(text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label


@dataclass(frozen=True)
class RestoreOutcome:
    """What the main window tells the person afterwards."""

    message: str


def choose_and_restore(parent: QWidget, ops: Operations) -> RestoreOutcome | None:
    """Ask for a backup, show it, and restore it into the open database.

    Returns None when the person cancelled or the file was refused (they were told
    why); otherwise what happened. The database of ``ops`` is reopened afterwards.
    """
    path = ops.database.path
    if path is None:
        QMessageBox.information(
            parent,
            parent.tr("Restore"),
            parent.tr("This database is on a server; restore it with the server's tools."),
        )
        return None
    folder = backup_dir_for(path)
    name, _ = QFileDialog.getOpenFileName(
        parent,
        parent.tr("Choose a backup to restore"),
        str(folder),
        parent.tr("ClientCare backups (*.sqlite3);;All files (*)"),
    )
    if not name:
        return None
    backup_key = None
    if is_encrypted(Path(name)):
        # Most backups open with the database's own passphrase; otherwise ask for theirs.
        own = ops.database.passphrase
        if own is not None and check_passphrase(Path(name), own):
            backup_key = own
        else:
            backup_key = ask_backup_passphrase(Path(name), parent)
            if backup_key is None:
                return None
    try:
        summary = inspect_backup(Path(name), passphrase=backup_key)
    except (BackupError, PassphraseError) as error:
        QMessageBox.warning(parent, parent.tr("This file cannot be restored"), str(error))
        return None
    try:
        current: BackupSummary | None = inspect_backup(path, passphrase=ops.database.passphrase)
    except (BackupError, PassphraseError):
        current = None
    dialog = RestoreDialog(summary, current, folder, parent, locale=_practice_locale(ops))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return _restore(parent, ops, summary, path, backup_key)


def swap_database(ops: Operations, database: Database) -> None:
    """Put a reopened ``database`` in place of the old one; every screen refreshes."""
    ops.database = database
    ops.changed.emit(EVERYTHING)
    # The idle lock unlocks with the database's passphrase, which may have changed.
    lock_settings_notifier().changed.emit()


def _restore(
    parent: QWidget,
    ops: Operations,
    summary: BackupSummary,
    path: Path,
    backup_key: Passphrase | None = None,
) -> RestoreOutcome | None:
    current_key = ops.database.passphrase
    ops.database.dispose()  # no connection may stay open while the file is replaced
    try:
        report = restore_database(
            summary.path, path, backup_passphrase=backup_key, passphrase=current_key
        )
        database, opened = open_database(path, passphrase=backup_key)
    except (BackupError, DatabaseOpenError, OSError) as error:
        QMessageBox.critical(parent, parent.tr("The restore did not happen"), str(error))
        return None
    swap_database(ops, database)
    message = parent.tr("Restored the backup from {when}.").format(
        when=_when(summary.taken_at, _practice_locale(ops))
    )
    if backup_key is not current_key:
        if backup_key is None:
            message += " " + parent.tr("The backup was not encrypted, so the database is not now.")
        else:
            message += " " + parent.tr("The database now opens with the backup's passphrase.")
    if report.kept_current_at is not None:
        message += " " + parent.tr("The database as it was is kept at {path}.").format(
            path=report.kept_current_at
        )
    if opened.upgraded_from is not None:
        message += " " + parent.tr("It was brought up to date for this version.")
    return RestoreOutcome(message)
