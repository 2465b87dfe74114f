"""Another practitioner's ClientCare writes: screens refresh, typing is kept, stale saves ask.

The "other ClientCare" is a second Database on the same file (what a second machine on a
shared server is); the runner's look at the change counter is called directly here (the
app does it every few seconds on a timer, off the GUI thread).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clientcare import clients
from clientcare.clients import ClientInput
from clientcare.db.engine import Database, make_engine
from clientcare.db.migrate import open_database
from clientcare.db.models import ClientStatus
from ui.ops import EVERYTHING, Changes, Operations, ServerUnavailable
from ui.screens.clients import ClientsScreen

TODAY = dt.date.today()


@pytest.fixture
def other(db: Database, db_path: Path) -> Iterator[Database]:
    database, _ = open_database(db_path)
    yield database
    database.dispose()


def _create(name: str):  # type: ignore[no-untyped-def]
    return lambda session: clients.create_client(
        session, ClientInput(full_name=name, status=ClientStatus.ACTIVE), region="GB", today=TODAY
    )


def _add(database: Database, name: str) -> int:
    with database.unit_of_work() as session:
        return _create(name)(session).id


def _rename(database: Database, client_id: int, name: str) -> None:
    with database.unit_of_work() as session:
        detail = clients.get_client(session, client_id)
        data = detail.as_input()
        clients.update_client(
            session,
            client_id,
            ClientInput(**{**data.__dict__, "full_name": name}),
            region="GB",
            today=TODAY,
        )


def test_a_write_elsewhere_announces_every_change_and_own_writes_do_not(
    qtbot: QtBot, db: Database, other: Database
) -> None:
    ops = Operations(db, watch=False)
    seen: list[Changes] = []
    ops.changed.connect(seen.append)

    ops.run(_create("Ann Own"))
    assert ops.check_for_changes() is False  # our own write: already announced
    _add(other, "Bea Elsewhere")
    assert ops.check_for_changes() is True
    assert ops.check_for_changes() is False  # once

    # Our own write announced what the domain wrote (the client and its audit entry).
    assert seen == [Changes.CLIENTS | Changes.AUDIT, EVERYTHING]


def test_watching_is_on_for_a_server_and_off_for_a_file(qtbot: QtBot, db: Database) -> None:
    assert Operations(db).watching is False
    server = Database(make_engine("postgresql://nobody@127.0.0.1:1/none"))
    watcher = Operations(server)
    try:
        assert watcher.watching is True
    finally:
        watcher.stop_watching()
        server.dispose()


def test_the_open_client_shows_a_change_made_elsewhere(
    qtbot: QtBot, db: Database, other: Database
) -> None:
    client_id = _add(db, "Zoë Ñúñez")
    ops = Operations(db, watch=False)
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    screen.select_client(client_id)
    assert screen.form.full_name.text() == "Zoë Ñúñez"

    _rename(other, client_id, "Zoë Ñúñez García")
    ops.check_for_changes()

    assert screen.form.full_name.text() == "Zoë Ñúñez García"
    assert screen.form.subheading.text().startswith("Zoë Ñúñez García · ")

    # Not on screen: the change is read when the screen is shown again, not before.
    screen.hide()
    _rename(other, client_id, "Zoë Ñúñez")
    ops.check_for_changes()
    assert screen.form.full_name.text() == "Zoë Ñúñez García"
    screen.show()
    assert screen.form.full_name.text() == "Zoë Ñúñez"


def test_typing_is_kept_and_a_stale_save_offers_reload(
    qtbot: QtBot, db: Database, other: Database, typist
) -> None:
    client_id = _add(db, "Zoë Ñúñez")
    ops = Operations(db, watch=False)
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    screen.select_client(client_id)
    form = screen.form
    typist(form.pronouns, "she/her")

    _rename(other, client_id, "Zoë Ñúñez García")
    ops.check_for_changes()

    assert form.pronouns.text() == "she/her"  # the refresh did not reload over the typing
    assert form.full_name.text() == "Zoë Ñúñez"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.form_error.isVisible()
    assert "since you opened it" in form.form_error.text()
    assert form.reload_button.isVisible()
    assert form.pronouns.text() == "she/her"  # nothing lost
    with db.reading() as session:
        assert clients.get_client(session, client_id).pronouns == ""

    qtbot.mouseClick(form.reload_button, Qt.MouseButton.LeftButton)

    assert form.full_name.text() == "Zoë Ñúñez García"
    assert form.pronouns.text() == ""
    assert not form.reload_button.isVisible()
    typist(form.pronouns, "she/her")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    with db.reading() as session:
        stored = clients.get_client(session, client_id)
    assert (stored.full_name, stored.pronouns) == ("Zoë Ñúñez García", "she/her")


def test_an_unreachable_server_is_a_message_not_a_traceback(qtbot: QtBot) -> None:
    server = Database(make_engine("postgresql://nobody@127.0.0.1:1/none"))
    ops = Operations(server, watch=False)
    problems: list[str] = []
    ops.connection_problem.connect(problems.append)
    try:
        with pytest.raises(ServerUnavailable) as caught:
            ops.run(_create("Ann"))
        assert "not answering" in str(caught.value)
        assert "try again" in str(caught.value)
        assert ops.check_for_changes() is False
        assert ops.offline
        assert problems and "not answering" in problems[0]
    finally:
        server.dispose()


def test_the_postgresql_password_is_asked_for_at_start_and_kept_in_memory(
    qtbot: QtBot,
    pg_server,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from ui.dialogs import server

    url = pg_server.migrated()
    asked: list[str] = []
    answers = iter(["wrong", url.password])

    def answer(_parent, _title, label, _echo):  # type: ignore[no-untyped-def]
        asked.append(label)
        return next(answers), True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    try:
        opened = server.open_server_database(url._replace(password=None).render_as_string(False))
        assert opened is not None
        database, _report = opened
        database.dispose()
        assert len(asked) == 2
        assert "refused" in asked[1]
    finally:
        pg_server.drop(url)
