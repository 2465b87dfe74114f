"""Opening a database on a PostgreSQL server at start: the password, and retrying.

The password is never stored by ClientCare: it comes from ``~/.pgpass`` or ``PGPASSWORD``
(libpq reads both), or it is asked for here and kept in memory for this session only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from clientcare.db.engine import Database, database_url
from clientcare.db.migrate import (
    OpenReport,
    ServerPasswordError,
    ServerUnreachableError,
    open_database,
)

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
            box.setDefaultButton(QMessageBox.StandardButton.Retry)
            if box.exec() != QMessageBox.StandardButton.Retry:
                return None
