"""Encryption at rest in the window: the start-up prompt, Settings → Security, the idle lock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from clientcare.backup import list_backups
from clientcare.db.engine import Database
from clientcare.db.migrate import open_database
from clientcare.db.models import Client
from clientcare.encryption import Passphrase, check_passphrase, is_encrypted
from clientcare.rekey import encrypt_database
from ui.dialogs.passphrase import (
    PassphraseChange,
    SetPassphraseDialog,
    UnlockDatabaseDialog,
)
from ui.idle_lock import LockCurtain
from ui.main_window import MainWindow
from ui.ops import Operations
from ui.screens.settings_security import SecurityTab

SECRET = "purple otter under the bridge"
OTHER = "nine lanterns by the sea"
NAME = "Ottoline Featherstonehaugh"


def _add_client(database: Database, name: str) -> None:
    with database.unit_of_work() as session:
        session.add(Client(full_name=name, preferred_name=name.split()[0]))


def _names(ops: Operations) -> set[str]:
    return ops.read(lambda session: {c.full_name for c in session.query(Client)})


@pytest.fixture
def encrypted_path(db_path: Path) -> Path:
    database, _ = open_database(db_path)
    _add_client(database, NAME)
    database.dispose()
    encrypt_database(db_path, Passphrase(SECRET))
    return db_path


@pytest.fixture
def encrypted_ops(encrypted_path: Path) -> Iterator[Operations]:
    database, _ = open_database(encrypted_path, passphrase=Passphrase(SECRET))
    yield Operations(database)
    database.dispose()


def test_start_dialog_refuses_a_wrong_passphrase_then_opens(
    qtbot: QtBot, encrypted_path: Path, typist
) -> None:  # type: ignore[no-untyped-def]
    dialog = UnlockDatabaseDialog(
        str(encrypted_path), lambda key: check_passphrase(encrypted_path, key)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    typist(dialog.field, SECRET.upper())
    dialog.open_button.click()
    assert dialog.isVisible() and dialog.passphrase is None
    assert dialog.error.isVisible()
    assert "doesn't open it; check Caps Lock" in dialog.error.text()
    assert "2 tries left" in dialog.error.text()
    assert dialog.field.text() == ""
    dialog.grab().save("/tmp/passphrase_start_wrong.png")
    typist(dialog.field, SECRET)
    dialog.open_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.passphrase is not None and dialog.passphrase.matches(SECRET)


def test_start_dialog_gives_up_after_three_wrong_tries(qtbot: QtBot, encrypted_path: Path) -> None:
    dialog = UnlockDatabaseDialog(
        str(encrypted_path), lambda key: check_passphrase(encrypted_path, key)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    for attempt in range(3):
        dialog.field.setText(f"wrong guess {attempt}")
        dialog.open_button.click()
    assert dialog.gave_up and dialog.result() == QDialog.DialogCode.Rejected


def test_app_quits_politely_when_the_passphrase_is_not_given(
    encrypted_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    import ui.app
    import ui.dialogs.passphrase

    asked: list[Path] = []

    def cancelled(path: Path, parent: object = None) -> None:
        asked.append(path)
        return None

    monkeypatch.setattr(ui.dialogs.passphrase, "ask_passphrase_at_start", cancelled)
    monkeypatch.setattr(ui.app, "use_private_file_permissions", lambda: 0)
    assert ui.app.main(["--db", str(encrypted_path)]) == 1
    assert asked == [encrypted_path]
    _out, err = capfd.readouterr()
    assert "Traceback" not in err and SECRET not in err


def _answer(monkeypatch: pytest.MonkeyPatch, current: str = "", new: str = "") -> None:
    """Make SetPassphraseDialog.exec fill its fields as a person would, then press OK."""

    def exec_(dialog: SetPassphraseDialog) -> int:
        dialog.grab().save(f"/tmp/passphrase_{dialog.change.value}.png")
        if dialog.current_field is not None:
            dialog.current_field.setText(current)
        if dialog.new_field is not None and dialog.repeat_field is not None:
            dialog.new_field.setText(new)
            dialog.repeat_field.setText(new)
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(SetPassphraseDialog, "exec", exec_)


def test_settings_encrypt_change_and_remove(
    qtbot: QtBot, ops: Operations, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_client(ops.database, NAME)
    path = ops.database.path
    assert path is not None
    tab = SecurityTab(ops=ops)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.encrypt_button.isEnabled() and not tab.change_passphrase_button.isEnabled()
    assert "not encrypted" in tab.encryption_state.text()
    tab.grab().save("/tmp/settings_security_plain.png")
    # An older, plain backup: offered to be encrypted too.
    from clientcare.backup import manual_backup

    manual_backup(path)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)

    _answer(monkeypatch, new=SECRET)
    assert tab.change_encryption(PassphraseChange.ENCRYPT)
    assert is_encrypted(path) and ops.database.passphrase is not None
    assert ops.database.passphrase.matches(SECRET)
    assert NAME.encode() not in path.read_bytes()
    assert _names(ops) == {NAME}  # the screens go on working on the reopened database
    assert all(is_encrypted(b.path) for b in list_backups(path))
    assert "✓ The database is encrypted." in tab.encryption_message.text()
    assert "Older backups encrypted too: 1." in tab.encryption_message.text()
    assert tab.change_passphrase_button.isEnabled() and not tab.encrypt_button.isEnabled()
    assert "No PIN needed" in tab.pin_state.text()
    tab.resize(tab.sizeHint())
    tab.grab().save("/tmp/settings_security_encrypted.png")

    _answer(monkeypatch, current="not the one", new=OTHER)
    assert not tab.change_encryption(PassphraseChange.CHANGE)  # refused in the dialog
    assert check_passphrase(path, Passphrase(SECRET))

    _answer(monkeypatch, current=SECRET, new=OTHER)
    assert tab.change_encryption(PassphraseChange.CHANGE)
    assert check_passphrase(path, Passphrase(OTHER)) and ops.database.passphrase.matches(OTHER)
    assert _names(ops) == {NAME}

    _answer(monkeypatch, current=OTHER)
    assert tab.change_encryption(PassphraseChange.REMOVE)
    assert not is_encrypted(path) and ops.database.passphrase is None
    assert _names(ops) == {NAME}


def test_set_passphrase_dialog_says_what_is_wrong(qtbot: QtBot) -> None:
    dialog = SetPassphraseDialog(PassphraseChange.ENCRYPT, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.new_field is not None and dialog.repeat_field is not None
    dialog.new_field.setText("short")
    dialog.repeat_field.setText("short")
    dialog.submit()
    assert dialog.new_box is not None and dialog.new_box.error.isVisible()
    assert "at least 8 characters" in dialog.new_box.error.text()
    dialog.new_field.setText(SECRET)
    dialog.repeat_field.setText(OTHER)
    dialog.submit()
    assert dialog.repeat_box is not None and "not the same" in dialog.repeat_box.error.text()
    dialog.grab().save("/tmp/passphrase_encrypt_errors.png")
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_idle_lock_unlocks_with_the_passphrase_without_a_pin(
    qtbot: QtBot, encrypted_ops: Operations
) -> None:
    window = MainWindow(encrypted_ops)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.idle_lock.timer.isActive()  # encrypted: locks itself without a PIN
    assert window.idle_lock.lock()
    (curtain,) = [c for c in window.findChildren(LockCurtain) if c.isVisible()]
    assert curtain.pin.placeholderText() == "Passphrase"
    assert "passphrase" in curtain.hint.text()
    assert not window.idle_lock.try_unlock("4821")
    assert "passphrase is not right" in curtain.error.text()
    window.grab().save("/tmp/idle_lock_passphrase.png")
    assert window.idle_lock.locked
    assert window.idle_lock.try_unlock(SECRET)
    assert not window.idle_lock.locked
