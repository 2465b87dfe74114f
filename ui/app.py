"""Starting the application: arguments, the database, the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QMessageBox

from clientcare.cli import parse_args
from clientcare.db.migrate import open_database
from clientcare.errors import DatabaseOpenError
from ui.main_window import MainWindow
from ui.ops import Operations


def main(argv: Sequence[str] | None = None) -> int:
    """Run ClientCare; returns the process exit code."""
    options = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ClientCare")
    app.setOrganizationName("ClientCare")
    app.setApplicationDisplayName("ClientCare")
    try:
        if options.demo:
            from clientcare.demo import create_demo_database

            create_demo_database(options.database)
        database, report = open_database(options.database)
    except DatabaseOpenError as error:
        QMessageBox.critical(None, "ClientCare cannot open the database", str(error))
        return 1
    ops = Operations(database)
    window = MainWindow(ops, report, demo=options.demo)
    window.show()
    code = app.exec()
    database.dispose()
    return code
