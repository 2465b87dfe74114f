"""Import clients from CSV as a person would: map the columns, read the report, import."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare import clients
from clientcare.csv_io import Target
from clientcare.db.models import AuditAction, AuditEntry, Client
from ui.dialogs.csv_import import CsvImportDialog
from ui.ops import Operations

FILE = (
    "Prénom,Nom de famille,E-mail,Tel,Comment\n"
    "Margaret,Example,m@example.org,07700 900123,likes tea\n"
    "Zoë,Ñúñez,zoe@example,,\n"
    "Robert,Sample,rob@example.org,,\n"
)


def names(ops: Operations) -> list[str]:
    return ops.read(lambda s: sorted(s.scalars(select(Client.full_name))))


def make_dialog(qtbot: QtBot, ops: Operations, tmp_path: Path, text: str = FILE) -> CsvImportDialog:
    path = tmp_path / "clients.csv"
    path.write_text(text, encoding="utf-8")
    dialog = CsvImportDialog(ops, path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def choose(combo: QComboBox, target: Target) -> None:
    """Pick an entry as a person would (the combo's own signal fires)."""
    combo.setCurrentIndex(combo.findData(target.value))


def report_cell(dialog: CsvImportDialog, row: int, column: int) -> str:
    model = dialog.report.model()
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_mapping_preview_report_then_valid_rows_only(
    qtbot: QtBot, ops: Operations, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, ops, tmp_path)
    # A French spreadsheet: ClientCare does not know "Prénom", so the person maps it.
    assert dialog.mapping()[0] is Target.IGNORE
    assert "Choose the column with the full name" in dialog.mapping_error.text()
    assert not dialog.import_button.isEnabled()
    choose(dialog.combos[0], Target.FIRST_NAME)
    choose(dialog.combos[1], Target.LAST_NAME)
    choose(dialog.combos[4], Target.NOTES)
    assert dialog.mapping_error.isHidden()
    preview = dialog.preview_model
    assert preview.headers[:2] == ("Line", "Full name")
    assert preview.data(preview.index(1, 1)) == "Zoë Ñúñez"
    assert "2 ready to import" in dialog.summary.text()
    assert "1 refused" in dialog.summary.text()
    assert report_cell(dialog, 1, 0) == "3"
    assert report_cell(dialog, 1, 2) == "Refused"
    assert report_cell(dialog, 1, 3).startswith("Email:")
    # Refused rows: nothing can be imported until the person chooses the valid ones only.
    assert not dialog.import_button.isEnabled()
    dialog.valid_only.click()  # the box sits left; a click mid-row would miss it
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "Import 2 clients"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == CsvImportDialog.DialogCode.Accepted
    assert names(ops) == ["Margaret Example", "Robert Sample"]
    notes = ops.read(
        lambda s: s.scalar(select(Client.notes).where(Client.email == "m@example.org"))
    )
    assert notes == "likes tea"


def test_a_fixed_file_imports_everything(qtbot: QtBot, ops: Operations, tmp_path: Path) -> None:
    text = "Name,Email,Status\nZoë Ñúñez,zoe@example.org,active\nRobert Sample,,\n"
    dialog = make_dialog(qtbot, ops, tmp_path, text)
    assert dialog.mapping() == (Target.FULL_NAME, Target.EMAIL, Target.STATUS)
    assert not dialog.valid_only.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert names(ops) == ["Robert Sample", "Zoë Ñúñez"]
    assert len(dialog.imported) == 2


def test_duplicates_are_shown_as_warnings(qtbot: QtBot, ops: Operations, tmp_path: Path) -> None:
    ops.run(
        lambda s: clients.create_client(
            s, clients.ClientInput(full_name="Robert Sample"), region="GB", today=dt.date.today()
        ),
    )
    dialog = make_dialog(qtbot, ops, tmp_path, "Name\nRobert Sample\n")
    assert report_cell(dialog, 0, 2) == "Ready — check"
    assert "already in ClientCare" in report_cell(dialog, 0, 3)


def test_an_unreadable_file_says_why(qtbot: QtBot, ops: Operations, tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(b"Name\n\x81\x8d\x8f\n")
    dialog = CsvImportDialog(ops, path)
    qtbot.addWidget(dialog)
    assert "CSV UTF-8" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    assert names(ops) == []


def test_file_menu_exports_clients_and_ledger(
    qtbot: QtBot, ops: Operations, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.main_window import MainWindow

    ops.run(
        lambda s: clients.create_client(
            s,
            clients.ClientInput(full_name="=Robert Sample", notes="private"),
            region="GB",
            today=dt.date.today(),
        ),
    )
    target = tmp_path / "out"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV (*.csv)")
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window = MainWindow(ops)
    qtbot.addWidget(window)
    actions = {a.objectName(): a for a in window.findChildren(QAction)}
    actions["action_export_clients_csv"].trigger()
    with open(target.with_suffix(".csv"), encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][0] == "'=Robert Sample" and "private" not in str(rows)
    assert "1 lines saved" in window.statusBar().currentMessage()
    actions["action_export_ledger_csv"].trigger()
    exported = ops.read(
        lambda s: s.scalars(
            select(AuditEntry.fields).where(AuditEntry.action == AuditAction.EXPORT)
        ).all()
    )
    assert exported == ["clients CSV", "ledger CSV"]
    assert "action_import_clients_csv" in actions


def test_hostile_headers_and_cells_are_shown_as_plain_text(
    qtbot: QtBot, ops: Operations, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QLabel

    from tests.hostile.strings import sampled

    strings = [s for s in sampled() if "\x00" not in s and len(s) < 10_000]
    strings = [s for s in strings if s.encode("utf-8", "ignore").decode("utf-8") == s]
    path = tmp_path / "hostile.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "<b>Bold</b> {{7*7}}", "Notes"])
        writer.writerows([[text, text, text] for text in strings])
    dialog = CsvImportDialog(ops, path)
    qtbot.addWidget(dialog)
    dialog.show()
    header = [
        label for label in dialog.findChildren(QLabel) if label.text().startswith("<b>Bold</b>")
    ]
    assert header and header[0].textFormat() == Qt.TextFormat.PlainText
    assert dialog.check is not None
    assert len(dialog.check.rows) == dialog.report.model().rowCount()
    dialog.valid_only.click()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(names(ops)) == len(dialog.check.valid)
