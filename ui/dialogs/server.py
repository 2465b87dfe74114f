"""A PostgreSQL server: choosing it (first run, Settings), and opening it at start.

The password is never stored by ClientCare: it comes from ``~/.pgpass`` or ``PGPASSWORD``
(libpq reads both), or it is asked for here and kept in memory for this session only.
"""

from __future__ import annotations

import getpass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget

from clientcare.db.engine import Database, database_url
from clientcare.db.migrate import (
    OpenReport,
    ServerPasswordError,
    ServerUnreachableError,
    open_database,
)
from clientcare.errors import DatabaseOpenError, ValidationError
from clientcare.server_choice import (
    DEFAULT_PORT,
    ServerInput,
    remember_database,
    server_input,
    server_url,
)
from ui.dialogs.form import FormDialog
from ui.finished_dialogs import watch_window
from ui.ops import Operations

#: How many passwords may be tried before giving up (the server logs every failure).
MAX_PASSWORD_TRIES = 3


def open_server_database(
    target: str, parent: QWidget | None = None
) -> tuple[Database, OpenReport] | None:
    """Open the server database at ``target``; None when the person gave up (Quit/Cancel).

    Other refusals (a newer schema, another program's database) raise DatabaseOpenError
    for the caller to show.
    """
    url = database_url(target)
    tries = 0
    problem = ""
    while True:
        try:
            return open_database(url)
        except ServerPasswordError as error:
            if tries >= MAX_PASSWORD_TRIES:
                title = QCoreApplication.translate("server", "ClientCare cannot open the database")
                QMessageBox.critical(parent, title, str(error))
                return None
            if tries or url.password is not None:
                problem = "That password was refused. "
            tries += 1
            password, ok = QInputDialog.getText(
                parent,
                "Password for the practice server",
                f"{problem}Password for {url.username or 'your user'} on "
                f"{url.host or 'localhost'} (kept in memory only, until ClientCare closes):",
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return None
            url = url.set(password=password)
        except ServerUnreachableError as error:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                "The practice server is not answering",
                str(error),
                QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Close,
                parent,
            )
            watch_window(box)
            box.setDefaultButton(QMessageBox.StandardButton.Retry)
            if box.exec() != QMessageBox.StandardButton.Retry:
                return None


class ServerChoiceDialog(FormDialog):
    """Connect to the practice's shared PostgreSQL server, and open it from now on.

    The address is checked (``clientcare.server_choice``), then the server is tried (the
    password asked if ``~/.pgpass`` has none); only when it answers is the choice
    remembered on this computer. Never the password.
    """

    def __init__(
        self, ops: Operations, parent: QWidget | None = None, *, current: str | None = None
    ) -> None:
        super().__init__(ops, parent)
        self.url: str | None = None
        self.setObjectName("server_choice_dialog")
        self.setWindowTitle(self.tr("Use a shared practice server"))
        intro = QLabel(
            self.tr(
                "A group practice can keep one database on a PostgreSQL server it already "
                "runs, so every practitioner sees the same clients, calendar and money. Ask "
                "the server's administrator for these four things. ClientCare never stores "
                "your password: it reads ~/.pgpass, or asks for it when it starts."
            )
        )
        intro.setWordWrap(True)
        known = server_input(current) if current else None
        self.host = QLineEdit(known.host if known else "")
        self.host.setPlaceholderText(self.tr("e.g. db.practice.lan"))
        self.port = QLineEdit(known.port if known else str(DEFAULT_PORT))
        self.port.setMaximumWidth(120)
        self.database = QLineEdit(known.database if known else "clientcare")
        self.user = QLineEdit(known.user if known else _login_name())
        self.add_field("host", self.tr("&Server"), self.host)
        self.add_field("port", self.tr("&Port"), self.port)
        self.add_field("database", self.tr("&Database"), self.database)
        self.add_field("user", self.tr("&User"), self.user)
        self.save_button.setText(self.tr("&Connect"))
        self.finish_layout(intro)

    def collect(self) -> ServerInput:
        return ServerInput(
            self.host.text(), self.port.text(), self.database.text(), self.user.text()
        )

    def open_server(self, url: str) -> tuple[Database, OpenReport] | None:
        """Open the server database (a hook tests replace); None when the person gave up."""
        return open_server_database(url, self)

    def save(self) -> None:
        self.clear_errors()
        try:
            url = server_url(self.collect())
        except ValidationError as error:
            self.show_errors(error)
            return
        try:
            opened = self.open_server(url)
        except DatabaseOpenError as error:
            self.form_error.setText(f"\u26a0 {error}")
            self.form_error.show()
            return
        if opened is None:
            self.form_error.setText(
                "\u26a0 " + self.tr("Not connected, so nothing was changed. Check the details.")
            )
            self.form_error.show()
            return
        database, _report = opened
        database.dispose()  # it answered: ClientCare opens it from the next start
        remember_database(url)
        self.url = url
        self.accept()


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on this system
        return ""
