"""ui.background: the work runs on another thread, its result is handed on on the GUI one."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from ui import background
from ui.background import Background


def test_the_work_runs_elsewhere_and_its_result_comes_back_here(qtbot: QtBot) -> None:
    owner = QObject()
    ran_on: list[threading.Thread] = []
    handed_on: list[tuple[int, threading.Thread]] = []

    def work() -> int:
        ran_on.append(threading.current_thread())
        return 42

    job = Background(
        work, lambda result: handed_on.append((result, threading.current_thread())), parent=owner
    )
    qtbot.waitUntil(lambda: bool(handed_on), timeout=5000)
    assert job.finished()
    assert ran_on and ran_on[0] is not threading.main_thread()
    assert handed_on == [(42, threading.main_thread())]


def test_a_failure_is_handed_on_too(qtbot: QtBot) -> None:
    owner = QObject()
    failures: list[BaseException] = []

    def work() -> None:
        raise OSError("the disk is full")

    Background(work, lambda _result: pytest.fail("not done"), failures.append, parent=owner)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], OSError) and "disk is full" in str(failures[0])


def test_waiting_for_all_waits_for_the_work(qtbot: QtBot) -> None:
    owner = QObject()
    release = threading.Event()
    finished: list[bool] = []

    def work() -> None:
        release.wait(5)
        finished.append(True)

    Background(work, lambda _result: None, parent=owner)
    assert background.wait_for_all(timeout=0.05) is False  # still under way
    release.set()
    assert background.wait_for_all(timeout=5) is True
    assert finished == [True]


def test_a_result_for_an_owner_gone_is_dropped(qtbot: QtBot) -> None:
    owner = QObject()
    release = threading.Event()
    handed_on: list[object] = []
    Background(lambda: release.wait(5), handed_on.append, parent=owner)
    owner.deleteLater()
    qtbot.wait(10)  # the owner, and the job with it, are deleted
    release.set()
    assert background.wait_for_all(timeout=5)
    qtbot.wait(3 * background.CHECK_MS)
    assert handed_on == []
