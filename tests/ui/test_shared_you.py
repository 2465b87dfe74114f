"""On a shared server each computer says who uses it: the window asks, Settings answers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare.db.engine import Database, ThisComputer
from clientcare.db.models import Practitioner
from clientcare.practice import add_practitioner
from ui.main_window import MainWindow
from ui.models.settings import PractitionerColumn
from ui.ops import Operations


def test_a_new_computer_on_a_shared_server_is_asked_and_answers_in_settings(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    with db.unit_of_work() as session:  # set up from the first practitioner's computer
        add_practitioner(session, "Ada Example", is_current_user=True)
        add_practitioner(session, "Sam Taylor")
    shared = Database(db.engine)  # Sam's computer, on the same (shared) database
    shared.this_computer = ThisComputer("practice-server/practice", store=tmp_path / "sam.json")
    ops = Operations(shared, watch=False)
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.show()
    assert "Tell ClientCare who you are" in window.statusBar().currentMessage()

    window.go_to("settings")
    settings = window.screens["settings"]
    bar = settings.tabs.tabBar()  # type: ignore[attr-defined]
    index = next(
        i
        for i in range(settings.tabs.count())  # type: ignore[attr-defined]
        if settings.tabs.tabText(i) == "Pr&actitioners"  # type: ignore[attr-defined]
    )
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    tab = settings.practitioners  # type: ignore[attr-defined]
    status = {
        tab.model.index(r, PractitionerColumn.NAME).data(): tab.model.index(
            r, PractitionerColumn.STATUS
        ).data()
        for r in range(tab.model.rowCount())
    }
    assert "You" not in status["Ada Example"]  # Ada's computer's answer is not Sam's
    row = next(i for i, p in enumerate(tab.model.rows) if p.full_name == "Sam Taylor")
    rect = tab.table.visualRect(tab.model.index(row, PractitionerColumn.NAME))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(tab.me_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            "You"
            in tab.model.index(
                next(i for i, p in enumerate(tab.model.rows) if p.full_name == "Sam Taylor"),
                PractitionerColumn.STATUS,
            ).data()
        )
    )
    with db.reading() as session:  # the shared mark still says Ada, for Ada's computer
        marked = session.scalars(
            select(Practitioner.full_name).where(Practitioner.is_current_user.is_(True))
        ).all()
    assert marked == ["Ada Example"]
    assert ThisComputer("practice-server/practice", store=tmp_path / "sam.json").practitioner_id
