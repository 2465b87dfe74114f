"""Starting the application: arguments, the lock, the database, the main window."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from clientcare.cli import parse_args, run_command
from clientcare.db.engine import database_url, sqlite_path
from clientcare.db.migrate import open_database
from clientcare.encryption import Passphrase, is_encrypted
from clientcare.errors import DatabaseOpenError
from clientcare.instance_lock import AlreadyRunningError, InstanceLock
from clientcare.security import use_private_file_permissions
from ui.background import Background, wait_for_all
from ui.main_window import MainWindow
from ui.ops import Operations
from ui.theme import apply_saved_theme

if TYPE_CHECKING:
    from ui.dialogs.first_run import FirstRunChoice

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run ClientCare (or one of its command-line commands); returns the exit code.

    Started through ``ui.launch``, the garbage collector is off until the window is shown
    (see there); it is on again whatever way this returns.
    """
    try:
        return _run(argv)
    finally:
        gc.enable()


def _run(argv: Sequence[str] | None) -> int:
    use_private_file_permissions()
    options = parse_args(sys.argv[1:] if argv is None else argv)
    if options.command is not None:
        gc.enable()  # a command (a backup, a copy of the practice) may make much garbage
        return run_command(options)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # typed QCoreApplication; a GUI app makes this one
    app.setApplicationName("ClientCare")
    app.setOrganizationName("ClientCare")
    app.setApplicationDisplayName("ClientCare")
    apply_saved_theme(app)
    install_translator(app)
    path = sqlite_path(database_url(options.database))
    lock = InstanceLock(path) if path is not None else None
    try:
        if lock is not None:
            # Before anything touches the file: a second instance must not migrate it.
            lock.acquire()
        if options.demo:
            from clientcare.demo import create_demo_database

            create_demo_database(options.database)
        passphrase = None
        if path is not None and is_encrypted(path):
            from ui.dialogs.passphrase import ask_passphrase_at_start

            passphrase = ask_passphrase_at_start(path)
            if passphrase is None:  # Quit, or every try wrong: nothing was changed
                if lock is not None:
                    lock.release()
                return 1
        if path is None:  # a PostgreSQL server: the password is asked for if needed
            from ui.dialogs.server import open_server_database

            opened = open_server_database(options.database)
            if opened is None:
                return 1
            database, report = opened
        else:
            database, report = open_database(options.database, passphrase=passphrase)
    except AlreadyRunningError as error:
        QMessageBox.warning(
            None, QApplication.translate("app", "ClientCare is already open"), str(error)
        )
        return 1
    except DatabaseOpenError as error:
        if lock is not None:
            lock.release()
        QMessageBox.critical(
            None, QApplication.translate("app", "ClientCare cannot open the database"), str(error)
        )
        return 1
    ops = Operations(database)
    window = MainWindow(ops, report, demo=options.demo)
    # A shared server that stops answering: said in the status bar until it is back.
    ops.connection_problem.connect(lambda message: window.statusBar().showMessage(message))
    if window.start_maximised:  # a first start on a screen too small for the window
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    window.show()
    # What start-up made lives as long as the app (models, modules, Qt wrappers): keep it
    # out of the garbage collector's full passes, which otherwise stop every thread (the
    # GUI too, during a batch export) for 50-150 ms now and then. Then collect as usual.
    gc.freeze()
    gc.enable()
    choice = None if options.demo else _first_run_choice(window)
    if choice is not None and choice.value in ("demo", "server"):
        # "Look around the demo first": this window closes and the demo practice opens
        # instead, exactly as with --demo; the set-up is offered again next start.
        # "Our practice's shared server": it is remembered on this computer and opened
        # in place of this (empty) file, now and at every start.
        window.close()
        database.dispose()
        if lock is not None:
            lock.release()
        return main(["--demo"] if choice.value == "demo" else [])
    if path is not None and not options.demo:
        start_daily_backup(path, window, database.passphrase)
    warm_up(window)
    code = app.exec()
    wait_for_all()  # a backup or a look at the server still under way
    database.dispose()
    if lock is not None:
        lock.release()
    return code


def _first_run_choice(window: MainWindow) -> FirstRunChoice | None:
    """Offer the first-run wizard when the practice is not set up; what was chosen.

    Asked before the window is first painted, so the wizard's module (and the settings
    rules it brings) is imported only for a practice that is not set up.
    """
    from clientcare.practice import needs_setup

    if not window.ops.read(needs_setup):
        return None
    from ui.dialogs.first_run import run_first_run

    return run_first_run(window)


def install_translator(app: QApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Load ``clientcare_<lang>.qm`` for the system locale, if one ships; returns it or None."""
    translator = QTranslator(app)
    if translator.load(locale or QLocale(), "clientcare", "_", str(TRANSLATIONS), ".qm"):
        app.installTranslator(translator)
        return translator
    return None


def warm_up(window: MainWindow) -> None:
    """While the practitioner reads Today, make what the first note editor would otherwise
    make while they wait: the language checker (its pattern takes tens of milliseconds to
    compile) and the practice's date-and-time input pattern. On a pool thread, plain Python."""
    from clientcare import language, locale_format
    from clientcare.practice import get_settings

    words, locale = window.ops.read(lambda s: (language.stored_words(s), get_settings(s).locale))

    def work() -> None:
        language.checker_for(words)
        locale_format.input_date_time_pattern(locale)

    Background(work, lambda _result: None, lambda _error: None, parent=window)
    # The dialogs' code (defining Qt classes belongs on this thread): once Today is up and
    # the practitioner is reading it, not when they first open a note.
    QTimer.singleShot(WARM_UP_AFTER_MS, _import_dialogs)


#: After the first paint, when the dialogs' modules are imported (see ``warm_up``).
WARM_UP_AFTER_MS = 1500


def _import_dialogs() -> None:
    import ui.dialogs.appointment
    import ui.dialogs.arrival
    import ui.dialogs.interaction
    import ui.dialogs.running_late  # noqa: F401


def start_daily_backup(
    database: Path, window: MainWindow, passphrase: Passphrase | None = None
) -> None:
    """Take today's backup (if not yet taken) in the background; say so in the status bar.

    The copy runs on a pool thread (a big file takes a moment); what it did is put in the
    status bar from the GUI thread (see ui.background).
    """

    def work() -> Path | None:
        from clientcare.backup import daily_backup  # imported here: not on the way to Today

        return daily_backup(database, passphrase=passphrase).created

    def saved(created: Path | None) -> None:
        if created is None:  # already taken today
            return
        status = window.statusBar()
        # A success is not worth hiding another message (e.g. "the database was upgraded").
        if not status.currentMessage():
            message = QApplication.translate("app", "Daily backup saved to {path}")
            status.showMessage(message.format(path=created), 10000)

    def failed(error: BaseException) -> None:  # reported to the person; the app goes on
        message = QApplication.translate("app", "The daily backup could not be written: {error}")
        window.statusBar().showMessage(message.format(error=error), 0)

    Background(work, saved, failed, parent=window)
