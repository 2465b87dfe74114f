"""Render every main screen of the demo practice, and a few dialogs, to docs/screenshots/.

    make screenshots          (or: QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.screenshots)

The demo practice is built in a temporary folder for a fixed Monday morning, 10:42 on
23 November 2026 (the clock stands still while the pictures are taken), at 1366×768, a
common laptop screen: taken again, the pictures change only when the screens did. Qt's
warnings are collected; any (but the offscreen platform's note that it cannot pass size
hints to a window manager it does not have) fails the run. Nothing touches your own data
folder or settings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)
#: The moment the pictures show: a working Monday, sessions before and after.
NOW = dt.datetime(2026, 11, 23, 10, 42)
#: Said by Qt's offscreen platform for every window (it has no window manager to tell).
PLATFORM_NOISE = ("This plugin does not support propagateSizeHints()",)

#: (file name, section key) for every screen of the sidebar, in its order.
SCREENS = (
    ("today", "today"),
    ("calendar", "calendar"),
    ("clients", "clients"),
    ("money", "money"),
    ("referrals", "referrals"),
    ("followups", "followups"),
    ("reports", "reports"),
    ("settings", "settings"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    args = parser.parse_args(argv)
    import time_machine
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    warnings: list[str] = []

    def collect(kind: QtMsgType, _context: object, message: str) -> None:
        if kind != QtMsgType.QtDebugMsg and not message.startswith(PLATFORM_NOISE):
            warnings.append(message)

    qInstallMessageHandler(collect)
    with (
        time_machine.travel(NOW, tick=False),
        tempfile.TemporaryDirectory(prefix="clientcare-screenshots-") as folder,
    ):
        written = render_all(Path(folder), args.out)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    for message in warnings:
        print(f"Qt warning: {message}", file=sys.stderr)
    return 1 if warnings else 0


def render_all(folder: Path, out: Path) -> list[Path]:
    """Build the demo in ``folder``, render each screen and dialog to ``out``; the files."""
    os.environ["CLIENTCARE_DATA_DIR"] = str(folder / "data")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["clientcare-screenshots"])
    app.setApplicationName("ClientCare")
    app.setOrganizationName("ClientCare")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "qs"))
    try:
        from ui.theme import apply_theme  # the look, when the theme has landed
    except ImportError:
        pass
    else:
        apply_theme(app)  # type: ignore[arg-type]

    from clientcare.db.migrate import open_database
    from clientcare.demo import create_demo_database
    from ui.main_window import MainWindow
    from ui.ops import Operations

    path = folder / "demo-practice.sqlite3"
    create_demo_database(path, today=NOW.date())
    database, _report = open_database(path)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        ops = Operations(database)
        window = MainWindow(ops, demo=True)
        window.resize(*SIZE)
        # Where the demo would live on a person's computer, not this run's temporary folder.
        window.database_label.setText(
            "Demo practice (fictional): ~/.local/share/ClientCare/demo-practice.sqlite3"
        )
        window.show()
        settle(app)
        for name, key in SCREENS:
            window.go_to(key)
            prepare_screen(window, key)
            settle(app)
            written.append(save(window.grab(), out / f"{name}.png"))
        for name, make in dialogs(window, ops).items():
            written.append(render_dialog(app, make, out / f"{name}.png"))
        window.close()
    finally:
        database.dispose()
    return written


def settle(app: object) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    for _ in range(3):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def save(pixmap: object, path: Path) -> Path:
    if not pixmap.save(str(path)):  # type: ignore[attr-defined]
        raise OSError(f"could not write {path}")
    return path


def prepare_screen(window: object, key: str) -> None:
    """Put a screen in a state worth showing (a client chosen, a balance selected)."""
    screen = window.screens[key]  # type: ignore[attr-defined]
    if key == "clients":
        table = screen.table
        if table.model().rowCount() > 2:
            table.selectRow(2)


def dialogs(window: object, ops: object) -> dict[str, Callable[[], object]]:
    """The dialogs to render, by file name: each a function that builds one."""
    from sqlalchemy import select

    from clientcare.db.models import Appointment, AppointmentStatus, Interaction

    today = NOW.date()
    upcoming = ops.read(  # type: ignore[attr-defined]
        lambda s: s.execute(
            select(Appointment.id, Appointment.client_id)
            .where(Appointment.start >= dt.datetime.combine(today, dt.time()))
            .where(Appointment.status == AppointmentStatus.SCHEDULED)
            .order_by(Appointment.start)
            .limit(1)
        ).first()
    )
    appointment_id = upcoming.id if upcoming else None
    interaction = ops.read(  # type: ignore[attr-defined]
        lambda s: s.execute(
            select(Interaction.id, Interaction.client_id)
            .where(Interaction.appointment_id.is_not(None))
            .order_by(Interaction.id.desc())
            .limit(1)
        ).first()
    )

    def appointment() -> object:
        from ui.dialogs.appointment import AppointmentDialog

        return AppointmentDialog(ops, appointment_id=appointment_id, parent=window)  # type: ignore[arg-type]

    def interaction_editor() -> object:
        from ui.dialogs.interaction import InteractionEditor

        return InteractionEditor(ops, interaction_id=interaction.id, parent=window)  # type: ignore[arg-type,union-attr]

    def payment() -> object:
        from ui.dialogs.payment import PaymentDialog

        # The client of the first appointment today: someone with a balance to pay.
        return PaymentDialog(ops, upcoming.client_id, window)  # type: ignore[arg-type,union-attr]

    def first_run() -> object:
        from ui.dialogs.first_run import FirstRunWizard

        return FirstRunWizard(ops, window)  # type: ignore[arg-type]

    def shortcuts() -> object:
        from ui.dialogs.help import ShortcutsDialog

        return ShortcutsDialog(window)  # type: ignore[arg-type]

    def about() -> object:
        from PySide6.QtWidgets import QLabel

        from ui.dialogs.help import AboutDialog
        from ui.object_tree import descendant

        dialog = AboutDialog("~/.local/share/ClientCare/clientcare.sqlite3", window)  # type: ignore[arg-type]
        # Where the data would be on a person's computer, not this run's temporary folder.
        facts = descendant(dialog, QLabel, "about_facts")
        if facts is not None:
            facts.setText(
                facts.text().replace(os.environ["CLIENTCARE_DATA_DIR"], "~/.local/share/ClientCare")
            )
        return dialog

    def guide() -> object:
        from ui.dialogs.help import GuideDialog

        return GuideDialog(window)  # type: ignore[arg-type]

    made: dict[str, Callable[[], object]] = {}
    if appointment_id is not None:
        made["dialog-appointment"] = appointment
    if interaction is not None:
        made["dialog-session-note"] = interaction_editor
    if upcoming is not None:
        made["dialog-payment"] = payment
    made.update(
        {
            "dialog-first-run": first_run,
            "dialog-keyboard-shortcuts": shortcuts,
            "dialog-about": about,
            "dialog-user-guide": guide,
        }
    )
    return made


def render_dialog(app: object, make: Callable[[], object], path: Path) -> Path:
    dialog = make()
    dialog.show()  # type: ignore[attr-defined]
    settle(app)
    try:
        return save(dialog.grab(), path)  # type: ignore[attr-defined]
    finally:
        dialog.close()  # type: ignore[attr-defined]
        dialog.deleteLater()  # type: ignore[attr-defined]
        settle(app)


if __name__ == "__main__":
    sys.exit(main())
