"""Every screen on a PostgreSQL database holding a demo practice (a smoke test).

The UI tests run on SQLite; this one opens the app on the test server (``make test-pg``)
with `clientcare --db postgresql://...`, visits every section and searches the clients.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clientcare.db.migrate import open_database
from clientcare.demo import DemoSize, generate_demo
from ui.main_window import SECTIONS, MainWindow
from ui.models.clients import ClientColumn
from ui.screens.clients import ClientsScreen

pytestmark = pytest.mark.postgresql


def test_the_app_runs_every_screen_on_postgresql(
    qtbot: QtBot,
    pg_server,
    monkeypatch: pytest.MonkeyPatch,
    typist,  # type: ignore[no-untyped-def]
) -> None:
    from ui import app as app_module

    url = pg_server.migrated()
    database, _ = open_database(url)
    with database.unit_of_work() as session:
        generate_demo(session, size=DemoSize(2, 25, 6, weeks_ahead=2), today=dt.date.today())
    database.dispose()
    shown: list[MainWindow] = []
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    original_show = MainWindow.show
    monkeypatch.setattr(
        MainWindow, "show", lambda window: (shown.append(window), original_show(window))
    )
    try:
        assert app_module.main(["--db", url.render_as_string(hide_password=False)]) == 0
        window = shown[0]
        assert window.ops.watching  # a server: other practitioners' changes are looked for
        for section in SECTIONS:
            window.go_to(section.key)
            QApplication.processEvents()
        screen = window.screens["clients"]
        assert isinstance(screen, ClientsScreen)
        window.go_to("clients")
        assert screen.proxy.rowCount() == 25
        typist(screen.search, "EXAMPLE")  # case-insensitive on PostgreSQL too
        narrowed = screen.proxy.rowCount()
        assert 0 < narrowed < 25
        for row in range(narrowed):
            name = screen.proxy.index(row, ClientColumn.NAME).data()
            email = screen.proxy.index(row, ClientColumn.EMAIL).data()
            assert "example" in f"{name} {email}".lower()
        window.ops.stop_watching()
        window.close()
    finally:
        pg_server.drop(url)
