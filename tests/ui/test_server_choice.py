"""A shared practice server, chosen as a person would: first run, or Settings → Security."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from clientcare.server_choice import remembered_database
from ui.dialogs.first_run import FirstRunChoice, FirstRunWizard
from ui.dialogs.server import ServerChoiceDialog
from ui.ops import Operations
from ui.screens.settings_security import SecurityTab

SERVER = "postgresql+psycopg://amara@db.practice.lan:5432/clientcare"


class Answered:
    """What opening a server that answered gives back: a database to close."""

    disposed = False

    def dispose(self) -> None:
        Answered.disposed = True


def click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def fill(typist, dialog: ServerChoiceDialog, host: str, port: str = "5432") -> None:  # type: ignore[no-untyped-def]
    for field, text in (
        (dialog.host, host),
        (dialog.port, port),
        (dialog.database, "clientcare"),
        (dialog.user, "amara"),
    ):
        assert isinstance(field, QLineEdit)
        field.clear()
        typist(field, text)


def make_dialog(qtbot: QtBot, ops: Operations, answers: bool = True) -> ServerChoiceDialog:
    dialog = ServerChoiceDialog(ops)
    qtbot.addWidget(dialog)
    tried: list[str] = []
    dialog.tried = tried  # type: ignore[attr-defined]

    def open_server(url: str):  # type: ignore[no-untyped-def]
        tried.append(url)
        return (Answered(), None) if answers else None

    dialog.open_server = open_server  # type: ignore[method-assign]
    dialog.show()
    return dialog


def test_a_wrong_port_is_said_beside_it_and_nothing_is_tried_or_remembered(
    qtbot: QtBot, ops: Operations, typist
) -> None:
    dialog = make_dialog(qtbot, ops)
    fill(typist, dialog, "db.practice.lan", port="54x2")
    click(qtbot, dialog.save_button)
    assert "1 to 65535" in dialog.fields["port"].error.text()
    assert dialog.fields["port"].error.isVisibleTo(dialog)
    assert dialog.tried == []  # type: ignore[attr-defined]
    assert remembered_database() is None


def test_a_server_that_does_not_answer_changes_nothing(
    qtbot: QtBot, ops: Operations, typist
) -> None:
    dialog = make_dialog(qtbot, ops, answers=False)
    fill(typist, dialog, "db.practice.lan")
    click(qtbot, dialog.save_button)
    assert dialog.tried == [SERVER]  # type: ignore[attr-defined]
    assert "Not connected" in dialog.form_error.text()
    assert remembered_database() is None
    assert dialog.isVisible()


def test_a_server_that_answers_is_remembered_without_a_password(
    qtbot: QtBot, ops: Operations, typist
) -> None:
    dialog = make_dialog(qtbot, ops)
    fill(typist, dialog, "db.practice.lan")
    click(qtbot, dialog.save_button)
    assert dialog.url == SERVER
    assert Answered.disposed
    assert remembered_database() == SERVER


def test_first_run_offers_the_practice_server_and_closes_with_it_chosen(
    qtbot: QtBot, ops: Operations, typist
) -> None:
    wizard = FirstRunWizard(ops)
    qtbot.addWidget(wizard)

    def make() -> ServerChoiceDialog:
        dialog = make_dialog(qtbot, ops)

        def run() -> int:
            fill(typist, dialog, "db.practice.lan")
            click(qtbot, dialog.save_button)
            return int(dialog.result())

        dialog.exec = run  # type: ignore[method-assign]
        return dialog

    wizard.make_server_dialog = make  # type: ignore[method-assign]
    wizard.show()
    assert "shared server" in wizard.welcome.server.text().replace("&", "")
    click(qtbot, wizard.welcome.server)
    assert wizard.choice is FirstRunChoice.SERVER
    assert wizard.server_url == SERVER
    assert remembered_database() == SERVER


def test_settings_says_where_the_data_lives_and_switches_from_the_next_start(
    qtbot: QtBot, ops: Operations, typist
) -> None:
    tab = SecurityTab(ops=ops)
    qtbot.addWidget(tab)
    tab.resize(1000, 760)
    tab.show()
    assert "database file on this computer" in tab.database_state.text()
    assert not tab.use_file_button.isEnabled()

    def make() -> ServerChoiceDialog:
        dialog = make_dialog(qtbot, ops)

        def run() -> int:
            fill(typist, dialog, "db.practice.lan")
            click(qtbot, dialog.save_button)
            return int(dialog.result())

        dialog.exec = run  # type: ignore[method-assign]
        return dialog

    tab.make_server_dialog = make  # type: ignore[method-assign]
    click(qtbot, tab.use_server_button)
    assert "next time it starts" in tab.database_message.text()
    assert "migrate-db" in tab.database_message.text()
    assert "starts on the practice server" in tab.database_state.text()
    assert remembered_database() == SERVER
    click(qtbot, tab.use_file_button)
    assert remembered_database() is None
    assert "starts on the database file on this computer" in tab.database_state.text()
