"""Batch export of summaries to PDF, run off the GUI thread, and the print buttons on screens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QPushButton
from pytestqt.qtbot import QtBot

from clientcare import interactions
from clientcare.db.engine import Database
from clientcare.db.models import InteractionKind
from clientcare.interactions import InteractionInput
from clientcare.printouts import Printout
from tests.ui.test_printing import flat, pdf_pages
from tests.unit.test_printouts import NOW, SECRET, SESSION_AT, World, make_world
from ui.dialogs.batch_export import BatchExportDialog, ExportResult
from ui.main_window import MainWindow
from ui.ops import Operations
from ui.screens.clients import ClientsScreen
from ui.screens.today import TodayScreen

EXTRA_CALLS = 24


@pytest.fixture
def world(db: Database) -> World:
    world = make_world(db, finalise=True)
    with db.unit_of_work() as session:
        for number in range(EXTRA_CALLS):
            interactions.save_draft(
                session,
                InteractionInput(
                    client_id=world.client,
                    kind=InteractionKind.PHONE_CALL,
                    occurred_at=SESSION_AT - dt.timedelta(days=number + 1),
                    client_words=f"Call number {number}.",
                    practitioner_only_notes=SECRET,
                ),
                interaction_id=None,
                now=NOW,
            )
    return world


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))


def open_dialog(qtbot: QtBot, ops: Operations, world: World, folder: Path) -> BatchExportDialog:
    dialog = BatchExportDialog(ops, client_id=world.client)
    qtbot.addWidget(dialog)
    dialog.errors: list[str] = []  # type: ignore[misc]
    dialog.show_error = lambda title, text: dialog.errors.append(text)  # type: ignore[attr-defined,method-assign]
    dialog.folder.setText(str(folder))
    dialog.show()
    return dialog


def run_export(qtbot: QtBot, dialog: BatchExportDialog) -> ExportResult:
    with qtbot.waitSignal(dialog.export_finished, timeout=60_000) as finished:
        click(qtbot, dialog.export_button)
        # The click returned before the first summary was written: the window is not blocked.
        assert dialog.run is not None and dialog.run.running()
        assert dialog.run.result.written == []
    result = finished.args[0]
    assert isinstance(result, ExportResult)
    return result


def test_one_pdf_per_summary_for_the_file(
    qtbot: QtBot, ops: Operations, world: World, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, ops, world, tmp_path)
    assert not dialog.export_button.isEnabled()  # no summary chosen yet
    click(qtbot, dialog.include_drafts)
    assert dialog.count.text().startswith(f"{EXTRA_CALLS + 1} summaries")
    click(qtbot, dialog.for_file)
    result = run_export(qtbot, dialog)
    assert not result.cancelled and not result.failure
    files = sorted(tmp_path.glob("*.pdf"))
    assert len(files) == len(result.written) == EXTRA_CALLS + 1
    assert not list(tmp_path.glob(".*part"))
    session_file = next(f for f in files if f.name.endswith("session.pdf"))
    assert session_file.name.startswith("2026-11-23 1000 ")
    text = flat(pdf_pages(session_file))
    assert "<b>Bob</b> {{7*7}} Ñúñez" in text
    assert SECRET in text
    assert f"Saved {EXTRA_CALLS + 1} PDFs" in dialog.status.text()


def test_one_combined_pdf_for_the_client(
    qtbot: QtBot, ops: Operations, world: World, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, ops, world, tmp_path)
    click(qtbot, dialog.for_client)
    click(qtbot, dialog.include_money)
    click(qtbot, dialog.include_drafts)
    click(qtbot, dialog.combined)
    result = run_export(qtbot, dialog)
    (combined,) = tmp_path.glob("*.pdf")
    assert result.written == [combined]
    pages = pdf_pages(combined)
    assert len(pages) == result.pages >= EXTRA_CALLS + 1
    text = flat(pages)
    assert SECRET not in text
    assert "Call number 0." in text and f"Call number {EXTRA_CALLS - 1}." in text
    assert "£45.00" in text


def test_finalised_records_only_by_default_and_a_period(
    qtbot: QtBot, ops: Operations, world: World, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, ops, world, tmp_path)
    assert dialog.count.text().startswith("1 summary")
    click(qtbot, dialog.include_drafts)
    click(qtbot, dialog.whole_history)
    dialog.start.setDate(QDate(2026, 11, 20))
    dialog.end.setDate(QDate(2026, 11, 23))
    assert dialog.count.text().startswith("4 summaries")
    dialog.end.setDate(QDate(2026, 11, 1))
    assert dialog.error.isVisible()
    assert "before the start" in dialog.error.text()
    assert not dialog.export_button.isEnabled()


def test_cancel_keeps_what_was_finished_and_nothing_half_written(
    qtbot: QtBot, ops: Operations, world: World, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, ops, world, tmp_path)
    click(qtbot, dialog.include_drafts)
    click(qtbot, dialog.for_file)
    with qtbot.waitSignal(dialog.export_finished, timeout=60_000) as finished:
        click(qtbot, dialog.export_button)
        assert dialog.progress is not None and dialog.progress.isVisible()
        cancel = dialog.progress.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Cancel"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    result = finished.args[0]
    assert result.cancelled
    assert len(result.written) < EXTRA_CALLS + 1
    assert sorted(tmp_path.glob("*.pdf")) == sorted(result.written)
    assert not list(tmp_path.glob(".*part"))
    assert "Cancelled" in dialog.status.text()
    for path in result.written:
        assert pdf_pages(path)


def test_the_window_answers_between_summaries(
    qtbot: QtBot, ops: Operations, world: World, tmp_path: Path
) -> None:
    """One summary per turn of the event loop: a timer on the GUI thread keeps ticking."""
    from PySide6.QtCore import QTimer

    dialog = open_dialog(qtbot, ops, world, tmp_path)
    click(qtbot, dialog.include_drafts)
    click(qtbot, dialog.for_file)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: ticks.append(len(list(tmp_path.glob("*.pdf")))))
    timer.start()
    try:
        result = run_export(qtbot, dialog)
    finally:
        timer.stop()
    assert len(result.written) == EXTRA_CALLS + 1
    # The timer saw the files appear one after another, not all at once.
    assert len(set(ticks)) > EXTRA_CALLS // 2, sorted(set(ticks))


def test_closing_during_a_combined_export_writes_nothing_half_done(
    qtbot: QtBot, ops: Operations, world: World, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, ops, world, tmp_path)
    click(qtbot, dialog.include_drafts)
    click(qtbot, dialog.for_client)
    click(qtbot, dialog.combined)
    with qtbot.waitSignal(dialog.export_finished, timeout=60_000) as finished:
        click(qtbot, dialog.export_button)
        progress = dialog.progress
        assert progress is not None
        qtbot.waitUntil(lambda: progress.value() >= 3, timeout=30_000)  # three painted
        dialog.reject()  # the window closed mid-way
    result = finished.args[0]
    assert result.cancelled and result.written == []
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*part"))
    assert dialog.run is None and not dialog.isVisible()


def test_a_folder_that_is_not_there_is_named(
    qtbot: QtBot, ops: Operations, world: World, tmp_path: Path
) -> None:
    missing = tmp_path / "not here"
    dialog = open_dialog(qtbot, ops, world, missing)
    click(qtbot, dialog.for_file)
    click(qtbot, dialog.export_button)
    (message,) = dialog.errors  # type: ignore[attr-defined]
    assert str(missing) in message
    assert dialog.run is None


def test_a_file_name_already_there_is_not_overwritten(
    qtbot: QtBot, ops: Operations, world: World, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, ops, world, tmp_path)
    click(qtbot, dialog.for_file)
    first = run_export(qtbot, dialog)
    second = run_export(qtbot, dialog)
    assert first.written[0].name.endswith("session.pdf")
    assert second.written[0].name.endswith("session (2).pdf")


# -- the print buttons on screens ----------------------------------------------------------


def test_the_client_page_prints_the_brief_and_opens_the_export(
    qtbot: QtBot, ops: Operations, world: World
) -> None:
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.select_client(world.client)
    shown: list[Printout] = []
    screen.form.run_preview = lambda printout, size: shown.append(printout)  # type: ignore[method-assign]
    click(qtbot, screen.form.print_brief_button)
    (brief,) = shown
    assert "Pre-session brief" in brief.title
    assert "“Bob”" in brief.html
    opened: list[BatchExportDialog] = []

    class Recorder:
        def exec(self) -> int:
            opened.append(dialog)
            return 0

    dialog = screen.form.make_export_dialog()  # a child of the screen, closed with it
    screen.form.make_export_dialog = lambda: Recorder()  # type: ignore[method-assign,assignment,return-value]
    click(qtbot, screen.form.export_summaries_button)
    assert opened and opened[0].client_id == world.client


def test_today_prints_the_day_sheet(qtbot: QtBot, ops: Operations, world: World) -> None:
    screen = TodayScreen(ops)
    qtbot.addWidget(screen)
    screen.now = lambda: SESSION_AT  # type: ignore[method-assign]
    screen.refresh()
    screen.show()
    shown: list[Printout] = []
    screen.run_preview = lambda printout, size: shown.append(printout)  # type: ignore[method-assign]
    click(qtbot, screen.print_day_button)
    (sheet,) = shown
    assert "Day sheet" in sheet.title
    assert "Bob" in sheet.html and "10:00" in sheet.html


def test_file_print_follows_the_screen(qtbot: QtBot, ops: Operations, world: World) -> None:
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.show()
    today = window.screens["today"]
    assert isinstance(today, TodayScreen)
    printed: list[str] = []
    today.print_day_sheet = lambda: printed.append("day sheet")  # type: ignore[method-assign]
    window.go_to("today")
    window.findChild(type(window.menuBar().actions()[0]), "action_print").trigger()
    assert printed == ["day sheet"]
    window.go_to("reports")
    window.findChild(type(window.menuBar().actions()[0]), "action_print").trigger()
    assert "Nothing to print here" in window.statusBar().currentMessage()
