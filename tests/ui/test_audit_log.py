"""Settings → Audit log: what a person sees, searches, sorts and exports; views are logged."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare import audit, clients, interactions
from clientcare.clients import ClientInput
from clientcare.db.models import AuditAction, AuditEntry, InteractionKind
from clientcare.interactions import InteractionInput
from clientcare.practice import add_practitioner
from ui.dialogs.interaction import InteractionEditor
from ui.models.audit import AuditColumn
from ui.ops import Operations
from ui.screens.audit_log import AuditLogTab
from ui.screens.settings import SettingsScreen

from .conftest import type_text

TODAY = dt.date.today()


def seed(ops: Operations) -> dict[str, int]:
    def action(session):  # type: ignore[no-untyped-def]
        ada = add_practitioner(session, "Dr Ada Example", is_current_user=True)
        zoe_input = ClientInput(full_name="Zoë Ñúñez", notes="secret words")
        zoe = clients.create_client(session, zoe_input, region="GB", today=TODAY)
        bob = clients.create_client(
            session, ClientInput(full_name="Robert Sample"), region="GB", today=TODAY
        )
        contact = interactions.save_draft(
            session,
            InteractionInput(
                client_id=zoe.id,
                kind=InteractionKind.SESSION,
                occurred_at=dt.datetime.now() - dt.timedelta(hours=1),
                practitioner_id=ada.id,
                notes="She spoke about her sister",
            ),
            interaction_id=None,
            now=dt.datetime.now(),
        )
        audit.record_print(session, "client", bob.id, "pre-session brief (PDF)")
        return {"zoe": zoe.id, "bob": bob.id, "contact": contact.id}

    return ops.run(action)


def shown(tab: AuditLogTab, column: AuditColumn) -> list[str]:
    proxy = tab.proxy
    return [proxy.data(proxy.index(row, column)) for row in range(proxy.rowCount())]


def make_tab(qtbot: QtBot, ops: Operations) -> AuditLogTab:
    tab = AuditLogTab(ops)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def test_opening_a_saved_contact_is_logged_as_a_view(qtbot: QtBot, ops: Operations) -> None:
    ids = seed(ops)
    editor = InteractionEditor(ops, interaction_id=ids["contact"])
    qtbot.addWidget(editor)
    views = ops.read(
        lambda s: [
            (e.entity, e.entity_id, e.fields, e.practitioner)
            for e in s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.VIEW))
        ]
    )
    assert views == [("interaction", ids["contact"], "notes", "Dr Ada Example")]


def test_search_sort_and_filter_as_a_person_would(qtbot: QtBot, ops: Operations) -> None:
    seed(ops)
    tab = make_tab(qtbot, ops)
    assert tab.count.text() == f"{tab.model.rowCount()} entries"
    assert "Printed" in shown(tab, AuditColumn.ACTION)
    assert set(shown(tab, AuditColumn.PRACTITIONER)) == {"Dr Ada Example"}
    every_text = " ".join(
        str(tab.proxy.data(tab.proxy.index(r, c)))
        for r in range(tab.proxy.rowCount())
        for c in range(tab.proxy.columnCount())
    )
    assert "secret" not in every_text and "sister" not in every_text
    type_text(qtbot, tab.search, "zoe nunez")
    assert set(shown(tab, AuditColumn.CLIENT)) == {"Zoë Ñúñez"}
    assert sorted(shown(tab, AuditColumn.RECORD)) == ["client 1", "interaction 1"]
    tab.search.clear()
    tab.entity.setCurrentIndex(tab.entity.findData("interaction"))
    assert shown(tab, AuditColumn.RECORD) == ["interaction 1"]
    tab.entity.setCurrentIndex(0)
    header = tab.table.horizontalHeader()
    left = header.sectionViewportPosition(AuditColumn.CLIENT)
    click_at = QPoint(left + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=click_at)
    first = [name for name in shown(tab, AuditColumn.CLIENT) if name]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=click_at)
    second = [name for name in shown(tab, AuditColumn.CLIENT) if name]
    assert {tuple(first), tuple(second)} == {
        tuple(sorted(first, key=str.casefold)),
        tuple(sorted(first, key=str.casefold, reverse=True)),
    }


def test_a_period_without_entries_is_empty(qtbot: QtBot, ops: Operations) -> None:
    seed(ops)
    tab = make_tab(qtbot, ops)
    tab.first.setDate(tab.first.date().addYears(-3))
    tab.last.setDate(tab.first.date().addDays(3))
    assert tab.proxy.rowCount() == 0
    assert tab.count.text() == "0 entries"
    assert not tab.export_button.isEnabled()


def test_export_writes_what_is_shown_and_is_itself_logged(
    qtbot: QtBot, ops: Operations, tmp_path: Path
) -> None:
    seed(ops)
    tab = make_tab(qtbot, ops)
    type_text(qtbot, tab.search, "printed")
    path = tab.export_csv(tmp_path / "audit.csv")
    assert path is not None
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "When (UTC)"
    assert [row[3] for row in rows[1:]] == ["Printed"]
    assert rows[1][6:] == ["Robert Sample", "pre-session brief (PDF)"]
    exports = ops.read(
        lambda s: s.scalars(
            select(AuditEntry.fields).where(AuditEntry.action == AuditAction.EXPORT)
        ).all()
    )
    assert exports == ["audit log CSV"]


def test_the_tab_is_in_settings(qtbot: QtBot, ops: Operations) -> None:
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    labels = [screen.tabs.tabText(i) for i in range(screen.tabs.count())]
    assert "Audi&t log" in labels
    assert isinstance(screen.audit_log, AuditLogTab)


def test_saving_a_summary_as_pdf_is_logged_as_a_print(
    qtbot: QtBot, ops: Operations, tmp_path: Path
) -> None:
    from ui.dialogs.print_summary import PrintSummaryDialog

    ids = seed(ops)
    dialog = PrintSummaryDialog(ops, ids["contact"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ask_save_path = lambda suggested: tmp_path / suggested.name  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.for_client, Qt.MouseButton.LeftButton)
    assert dialog.save_pdf() is not None
    prints = ops.read(
        lambda s: [
            (e.entity, e.entity_id, e.fields)
            for e in s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.PRINT))
        ]
    )
    assert ("interaction", ids["contact"], "session summary for the client (PDF)") in prints


def test_a_long_log_reads_a_page_and_says_how_many_of_how_many(
    qtbot: QtBot, ops: Operations, tmp_path: Path
) -> None:
    from ui.models.base import PAGE_SIZE

    seed(ops)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)

    def many(session):  # type: ignore[no-untyped-def]
        for n in range(300):
            session.add(
                AuditEntry(
                    at=now - dt.timedelta(minutes=n + 1),
                    actor="ada",
                    practitioner="",
                    action=AuditAction.VIEW,
                    entity="client",
                    entity_id=1,
                    fields="notes",
                )
            )

    ops.run(many)
    tab = make_tab(qtbot, ops)
    total = ops.read(lambda s: audit.count_audit(s, tab.query()))
    assert total > 300
    # One page read, the count from SQL.
    assert tab.model.rowCount() == PAGE_SIZE
    assert tab.count.text() == f"{PAGE_SIZE} of {total} entries shown"
    # Scrolling to the end reads the next page.
    tab.table.scrollToBottom()
    qtbot.waitUntil(lambda: tab.model.rowCount() > PAGE_SIZE)
    assert tab.count.text() == f"{tab.model.rowCount()} of {total} entries shown"
    # A search narrows it in SQL; what is left fits on a page.
    type_text(qtbot, tab.search, "robert")
    assert tab.count.text() == "2 entries"  # created, and the brief printed
    assert shown(tab, AuditColumn.CLIENT) == ["Robert Sample", "Robert Sample"]
    # Export writes every entry asked for, not only the pages read.
    tab.search.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == PAGE_SIZE)
    path = tab.export_csv(tmp_path / "audit.csv")
    assert path is not None
    with open(path, encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == total + 1
