"""Calendar files from the File menu: export with a privacy choice, import with a preview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from clientcare import appointments, clients
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import BusyTime, ClientStatus, Practitioner
from clientcare.ical import TitlePrivacy
from ui.dialogs.ical import ExportDialog, ImportDialog
from ui.ops import Operations

DAY = dt.date.today() + dt.timedelta(days=3)


def seed(db: Database) -> int:
    with db.unit_of_work() as session:
        ada = Practitioner(full_name="Dr. Ada Example")
        session.add(ada)
        session.flush()
        zoe = clients.create_client(
            session,
            ClientInput(full_name="Zoë Ñúñez", status=ClientStatus.ACTIVE),
            region="GB",
            today=dt.date.today(),
        )
        appointments.create_appointment(
            session,
            AppointmentInput(zoe.id, ada.id, dt.datetime.combine(DAY, dt.time(10)), 50),
            now=dt.datetime.now(),
        )
        return ada.id


def test_export_keeps_names_out_when_asked(
    qtbot: QtBot, ops: Operations, db: Database, tmp_path: Path
) -> None:
    seed(db)
    dialog = ExportDialog(ops)
    qtbot.addWidget(dialog)
    target = tmp_path / "week.ics"
    dialog.choose_file = lambda: str(target)  # type: ignore[method-assign]
    dialog.privacy.setCurrentIndex(dialog.privacy.findData(TitlePrivacy.GENERIC.value))
    dialog.first.setDate(QDate(DAY.year, DAY.month, DAY.day))
    dialog.last.setDate(QDate(DAY.year, DAY.month, DAY.day))
    dialog.export()
    text = target.read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in text and "Client session" in text
    assert "Zoë" not in text and "Ñúñez" not in text


def test_export_refuses_a_backwards_range(qtbot: QtBot, ops: Operations, tmp_path: Path) -> None:
    dialog = ExportDialog(ops)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_file = lambda: str(tmp_path / "never.ics")  # type: ignore[method-assign]
    dialog.last.setDate(dialog.first.date().addDays(-1))
    dialog.export()
    assert dialog.error.isVisible() and "on or after" in dialog.error.text()
    assert not (tmp_path / "never.ics").exists()


def test_import_previews_then_stores_busy_time(
    qtbot: QtBot, ops: Operations, db: Database, tmp_path: Path
) -> None:
    seed(db)
    start = dt.datetime.combine(DAY + dt.timedelta(days=1), dt.time(13))
    source = tmp_path / "other.ics"
    source.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
        "BEGIN:VEVENT\r\nUID:one@example.org\r\n"
        f"DTSTART:{start:%Y%m%dT%H%M%S}\r\nDTEND:{start + dt.timedelta(hours=1):%Y%m%dT%H%M%S}\r\n"
        "SUMMARY:Dentist\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:two@example.org\r\nSUMMARY:No start\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(ops, source)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "1 of 2 events can be imported" in dialog.summary.text()
    reasons = [dialog.model.index(r, 4).data() for r in range(dialog.model.rowCount())]
    assert any("start" in reason for reason in reasons)
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(BusyTime)) == 0
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with db.reading() as session:
        busy = session.scalars(select(BusyTime)).all()
        assert [(b.title, b.starts_at) for b in busy] == [("Dentist", start)]


def test_import_of_a_file_that_is_not_a_calendar(
    qtbot: QtBot, ops: Operations, db: Database, tmp_path: Path
) -> None:
    seed(db)
    source = tmp_path / "notes.ics"
    source.write_text("hello, this is not a calendar", encoding="utf-8")
    dialog = ImportDialog(ops, source)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.error.isVisible()
    assert not dialog.import_button.isEnabled()
