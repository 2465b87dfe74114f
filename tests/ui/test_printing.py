"""Printouts on paper and in PDF: every printout is written to a PDF and its text read back.

The text is read with Qt's own PDF module (QPdfDocument), so no other tool is needed.
CJK fonts map some ideographs to the look-alike Kangxi radicals in the PDF's text
layer; the comparisons are made on NFKC-normalised text for that reason.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import time
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSizeF, Qt
from PySide6.QtGui import QPdfWriter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from clientcare import clients, interactions, printouts
from clientcare.brief import pre_session_brief
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus, InteractionKind
from clientcare.interactions import InteractionInput
from clientcare.printouts import Printout, SummaryVariant
from tests.unit.test_printouts import CLINICAL, NOW, SECRET, World, make_world
from ui import printing
from ui.dialogs.interaction import InteractionEditor
from ui.dialogs.print_summary import PrintSummaryDialog
from ui.ops import Operations

LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 4


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of the PDF at ``path`` (NFKC-normalised)."""
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_, path
    pages = [
        unicodedata.normalize("NFKC", document.getAllText(page).text())
        for page in range(document.pageCount())
    ]
    document.close()
    return pages


def flat(pages: list[str]) -> str:
    """All pages as one line of text (line breaks in the PDF are layout, not content)."""
    return " ".join(" ".join(pages).split())


def summary(db: Database, world: World, variant: SummaryVariant, **kwargs: bool) -> Printout:
    with db.reading() as session:
        return printouts.session_summary(
            session, world.interaction, variant=variant, now=NOW, **kwargs
        )


@pytest.fixture
def world(db: Database) -> World:
    return make_world(db, finalise=True)


# -- the layer -------------------------------------------------------------------------


def test_the_file_copy_has_everything_on_numbered_pages(
    qtbot: QtBot, db: Database, world: World, tmp_path: Path
) -> None:
    path = tmp_path / "file.pdf"
    pages = printing.save_pdf(summary(db, world, SummaryVariant.FILE), path, page_size="A4")
    text = pdf_pages(path)
    assert len(text) == pages
    everything = flat(text)
    for expected in ("Riverside Counselling", "<b>Bob</b> {{7*7}} Ñúñez", SECRET, CLINICAL):
        assert expected in everything
    for number, page in enumerate(text, start=1):
        assert f"Page {number} of {pages}" in page
        assert "Printed 23 Nov 2026 · Dr Ada Example" in page
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)


def test_the_client_copy_has_no_note_for_the_practitioner(
    qtbot: QtBot, db: Database, world: World, tmp_path: Path
) -> None:
    path = tmp_path / "client.pdf"
    printing.save_pdf(summary(db, world, SummaryVariant.CLIENT), path, page_size="A4")
    text = flat(pdf_pages(path))
    assert "Dear Bob," in text
    assert "I feel like <i>nothing</i> changes {{7*7}}." in text
    assert "Walk three times this week." in text
    assert SECRET not in text
    assert CLINICAL not in text
    assert "£" not in text
    assert "49" not in text


def test_a_very_long_note_flows_over_more_pages(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    short = make_world(db)
    with db.unit_of_work() as session:
        detail = interactions.get_interaction(session, short.interaction, today=NOW.date())
        long_text = "\n\n".join(
            f"Paragraph {n}: we talked about the week, {LONG_WORD}, and sleep." for n in range(180)
        )
        long = interactions.save_draft(
            session,
            InteractionInput(
                **{**detail.as_input().__dict__, "notes": long_text, "appointment_id": None}
            ),
            interaction_id=None,
            now=NOW,
        )
    short_pages = printing.save_pdf(
        summary(db, short, SummaryVariant.FILE), tmp_path / "short.pdf", page_size="A4"
    )
    with db.reading() as session:
        printout = printouts.session_summary(session, long.id, variant=SummaryVariant.FILE, now=NOW)
    long_pages = printing.save_pdf(printout, tmp_path / "long.pdf", page_size="Letter")
    assert long_pages > short_pages + 5
    text = pdf_pages(tmp_path / "long.pdf")
    assert f"Page {long_pages} of {long_pages}" in text[-1]
    assert "Paragraph 179" in flat(text)
    # The very long word wraps instead of running off the page: it is all there, in pieces.
    assert LONG_WORD[:40] in flat(text).replace(" ", "")


def test_rtl_and_cjk_names_print(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    names = ("山田 太郎", "שרה כהן", "مريم العلي", "Zoë Ñúñez")
    with db.unit_of_work() as session:
        ids = [
            clients.create_client(
                session,
                ClientInput(full_name=name, status=ClientStatus.ACTIVE),
                region="GB",
                today=NOW.date(),
            ).id
            for name in names
        ]
    for name, client_id in zip(names, ids, strict=True):
        with db.reading() as session:
            printout = pre_session_brief(session, client_id, now=NOW)
        path = tmp_path / f"{client_id}.pdf"
        printing.save_pdf(printout, path, page_size="A4")
        text = flat(pdf_pages(path))
        # Right-to-left words come out of the PDF in visual order: compare word by word.
        for word in unicodedata.normalize("NFKC", name).split():
            assert word in text, name


def test_combined_pdf_numbers_each_printout_on_its_own(
    qtbot: QtBot, db: Database, world: World, tmp_path: Path
) -> None:
    parts = [summary(db, world, SummaryVariant.CLIENT), summary(db, world, SummaryVariant.FILE)]
    path = tmp_path / "both.pdf"
    pages = printing.save_combined_pdf(parts, path, page_size="A4")
    text = pdf_pages(path)
    assert len(text) == pages
    assert "Page 1 of 1" in text[0]
    assert "Dear Bob," in text[0]
    assert "Page 1 of" in text[1] and "for the file" in text[1]


def test_the_printer_gets_the_same_pages(
    qtbot: QtBot, db: Database, world: World, tmp_path: Path
) -> None:
    printout = summary(db, world, SummaryVariant.FILE)
    dialog = printing.make_preview_dialog(None, printout, "A4")
    qtbot.addWidget(dialog)
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.paintRequested.emit(printer)
    text = pdf_pages(tmp_path / "printed.pdf")
    assert SECRET in flat(text)
    assert f"Page 1 of {len(text)}" in text[0]


def test_an_unwritable_folder_is_an_oserror(
    qtbot: QtBot, db: Database, world: World, tmp_path: Path
) -> None:
    with pytest.raises(OSError):
        printing.save_pdf(
            summary(db, world, SummaryVariant.FILE), tmp_path / "missing" / "x.pdf", page_size="A4"
        )


def test_a_summary_pdf_is_quick(qtbot: QtBot, db: Database, world: World) -> None:
    """Target < 100 ms a summary; the bound here is loose so a busy CI machine passes."""
    with db.reading() as session:
        started = time.perf_counter()
        for _ in range(5):
            printout = printouts.session_summary(
                session, world.interaction, variant=SummaryVariant.FILE, now=NOW
            )
            printing.pdf_bytes([printout], page_size="A4")
        each = (time.perf_counter() - started) / 5
    assert each < 1.0


# -- the dialog, as a person uses it -------------------------------------------------------


def open_dialog(qtbot: QtBot, ops: Operations, world: World) -> PrintSummaryDialog:
    dialog = PrintSummaryDialog(ops, world.interaction)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_nothing_is_chosen_until_the_practitioner_chooses(
    qtbot: QtBot, ops: Operations, world: World
) -> None:
    dialog = open_dialog(qtbot, ops, world)
    assert dialog.variant() is None
    assert not dialog.pdf_button.isEnabled()
    assert not dialog.preview_button.isEnabled()
    assert not dialog.print_button.isEnabled()
    assert not dialog.include_money.isEnabled()
    assert dialog.hint.isVisible()
    qtbot.mouseClick(dialog.for_client, Qt.MouseButton.LeftButton)
    assert dialog.include_money.isEnabled()
    qtbot.mouseClick(dialog.include_money, Qt.MouseButton.LeftButton)
    assert dialog.include_money.isChecked()
    qtbot.mouseClick(dialog.for_file, Qt.MouseButton.LeftButton)
    assert not dialog.include_money.isEnabled()
    assert not dialog.include_money.isChecked()
    assert dialog.pdf_button.isEnabled()
    assert not dialog.hint.isVisible()


def test_save_the_client_copy_with_money(
    qtbot: QtBot, ops: Operations, world: World, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, ops, world)
    asked: list[Path] = []

    def ask(suggested: Path) -> Path:
        asked.append(suggested)
        return tmp_path / "for Bob"

    dialog.ask_save_path = ask  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.for_client, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.include_money, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    assert asked[0].name.endswith("for the client.pdf")
    text = flat(pdf_pages(tmp_path / "for Bob.pdf"))
    assert "Dear Bob," in text
    assert "£45.00" in text
    assert SECRET not in text
    assert "Saved for Bob.pdf (1 page)" in dialog.saved.text()
    # The file is one click away: Open, and Show in folder.
    opened: list[Path] = []
    dialog.saved.open_path = lambda path: opened.append(path) or True  # type: ignore[method-assign]
    assert dialog.saved.open_button.isVisible() and dialog.saved.folder_button.isVisible()
    qtbot.mouseClick(dialog.saved.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.saved.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path / "for Bob.pdf", tmp_path]


def test_save_the_file_copy(qtbot: QtBot, ops: Operations, world: World, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, ops, world)
    dialog.ask_save_path = lambda suggested: tmp_path / suggested.name  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.for_file, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    (written,) = tmp_path.glob("*.pdf")
    assert written.name.endswith("for the file.pdf")
    assert SECRET in flat(pdf_pages(written))


def test_an_unwritable_folder_is_named_in_the_message(
    qtbot: QtBot, ops: Operations, world: World, tmp_path: Path
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    if os.access(locked, os.W_OK):  # root ignores permissions; use a missing folder instead
        locked = tmp_path / "no such folder"
    dialog = open_dialog(qtbot, ops, world)
    errors: list[str] = []
    dialog.ask_save_path = lambda suggested: locked / "x.pdf"  # type: ignore[method-assign]
    dialog.show_error = lambda title, message: errors.append(message)  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.for_file, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    (message,) = errors
    assert str(locked) in message
    assert not list(locked.parent.glob("**/*.pdf"))


def test_a_broken_practice_template_is_reported_and_the_default_printed(
    qtbot: QtBot, ops: Operations, world: World, tmp_path: Path
) -> None:
    folder = printouts.user_templates_dir(create=True)
    (folder / "session_summary_client.html").write_text("ok\n{% endif %}\n", encoding="utf-8")
    dialog = open_dialog(qtbot, ops, world)
    dialog.ask_save_path = lambda suggested: tmp_path / "x.pdf"  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.for_client, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    assert dialog.warnings.isVisible()
    assert "line 2" in dialog.warnings.text()
    assert "Dear Bob," in flat(pdf_pages(tmp_path / "x.pdf"))


def test_the_editor_opens_the_print_dialog_for_a_saved_record(
    qtbot: QtBot, ops: Operations, world: World
) -> None:
    editor = InteractionEditor(ops, interaction_id=world.interaction)
    qtbot.addWidget(editor)
    editor.show()
    opened: list[PrintSummaryDialog] = []
    editor.run_print_dialog = opened.append  # type: ignore[method-assign]
    qtbot.mouseClick(editor.print_button, Qt.MouseButton.LeftButton)
    (dialog,) = opened
    qtbot.addWidget(dialog)
    assert dialog.interaction_id == world.interaction
    assert dialog.variant() is None


def test_unsaved_typing_is_saved_before_printing(
    qtbot: QtBot, ops: Operations, db: Database, world: World
) -> None:
    with db.unit_of_work() as session:
        client_id = world.client
    editor = InteractionEditor(ops, client_id=client_id)
    qtbot.addWidget(editor)
    editor.show()
    opened: list[PrintSummaryDialog] = []
    editor.run_print_dialog = opened.append  # type: ignore[method-assign]
    qtbot.mouseClick(editor.print_button, Qt.MouseButton.LeftButton)
    assert opened == []  # nothing written yet
    editor.kind.setCurrentIndex(editor.kind.findData(InteractionKind.PHONE_CALL.value))
    editor.texts["client_words"].setPlainText("Called to say the walk helped.")
    qtbot.mouseClick(editor.print_button, Qt.MouseButton.LeftButton)
    (dialog,) = opened
    qtbot.addWidget(dialog)
    with db.reading() as session:
        stored = interactions.get_interaction(session, dialog.interaction_id, today=NOW.date())
    assert stored.client_words == "Called to say the walk helped."
    assert stored.occurred_at.date() == dt.date.today()


def _alive(kind: type) -> int:
    gc.collect()
    return sum(1 for thing in gc.get_objects() if isinstance(thing, kind))


def test_printing_and_saving_keep_no_printer_or_pdf_writer(
    qtbot: QtBot, db: Database, world: World, tmp_path: Path
) -> None:
    """Each preview painted its pages on a printer that then stayed in memory for the
    session (the document's layout kept it), and each saved PDF its writer with the PDF's
    bytes: the hour-long soak grew with every print."""
    printout = summary(db, world, SummaryVariant.FILE)
    printers, writers = _alive(QPrinter), _alive(QPdfWriter)
    for number in range(3):
        dialog = printing.make_preview_dialog(None, printout, "A4")
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / f"printed-{number}.pdf"))
        dialog.paintRequested.emit(printer)  # what the preview does to show its pages
        del printer
        dialog.deleteLater()
        del dialog
        assert printing.save_pdf(printout, tmp_path / f"saved-{number}.pdf", page_size="A4") >= 1
    qtbot.wait(10)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert SECRET in flat(pdf_pages(tmp_path / "printed-2.pdf"))
    assert (_alive(QPrinter), _alive(QPdfWriter)) == (printers, writers)


def _table_printout(rows: int) -> Printout:
    body = "".join(
        f"<tr><td>{n}</td><td>{'A principle worded at some length. ' * (2 + n % 5)}</td>"
        f"<td>Row {n} answer</td></tr>"
        for n in range(1, rows + 1)
    )
    html = (
        '<h1>Checklist</h1><table class="grid" width="100%" cellspacing="0" cellpadding="4">'
        '<thead><tr><th width="6%">#</th><th width="70%">Principle</th><th>Answer</th></tr>'
        "</thead>"
        f"{body}</table><p>After the table.</p>"
    )
    return Printout("Checklist", html, "Printed today", ())


def test_no_table_row_is_split_across_pages(qapp: object, tmp_path: Path) -> None:
    """Laid out as Qt does, some rows run over a page's foot; each such row starts the next
    page instead, under its table's header row, and nothing is lost or repeated."""
    printout = _table_printout(60)
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(printing.PDF_RESOLUTION)
    writer.setPageLayout(printing.page_layout("A4"))
    pages = printing._Pages(writer)
    size = QSizeF(pages.body.width(), pages.body.height())
    plain = printing._laid_out(printout.html, writer, size)
    assert printing.first_split_row(plain, size.height()) is not None  # Qt alone splits
    kept = printing.make_document(printout, writer, size)
    assert printing.first_split_row(kept, size.height()) is None
    text = kept.toPlainText()
    for n in range(1, 61):
        assert text.count(f"Row {n} answer") == 1
    assert text.count("Principle") > 1  # the header row again on a later page
    assert "After the table." in text

    path = tmp_path / "checklist.pdf"
    printing.save_pdf(printout, path, page_size="A4")
    shown = pdf_pages(path)
    assert all(f"Row {n} answer" in flat(shown) for n in range(1, 61))
    assert len(shown) == kept.pageCount()
    for page in shown[1:]:
        assert "Principle" in page  # the header row at the top of every page (<thead>)


def test_a_table_cut_keeps_the_html_whole() -> None:
    html = (
        '<table class="grid" width="100%"><thead><tr><th>A</th></tr></thead>'
        "<tr><td>one</td></tr><tr><td>two &amp; more</td></tr></table>"
    )
    cut = printing.break_table_before(html, 0, 2)
    assert cut == (
        '<table class="grid" width="100%"><thead><tr><th>A</th></tr></thead>'
        "<tr><td>one</td></tr></table>"
        '<table class="grid" width="100%" style="page-break-before: always">'
        "<thead><tr><th>A</th></tr></thead><tr><td>two &amp; more</td></tr></table>"
    )
    # A table of labelled values (a receipt's) has no header to repeat.
    labelled = (
        "<table><tr><th>Amount</th><td>£5</td></tr><tr><th>How</th><td>Card</td></tr></table>"
    )
    assert printing.break_table_before(labelled, 0, 1) == (
        "<table><tr><th>Amount</th><td>£5</td></tr></table>"
        '<table style="page-break-before: always"><tr><th>How</th><td>Card</td></tr></table>'
    )
    whole = printing.break_table_before(html, 0, 1)
    assert whole is not None and whole.startswith(
        '<table class="grid" width="100%" style="page-break-before: always"><thead>'
    )
    assert printing.break_table_before(html, 1, 0) is None
