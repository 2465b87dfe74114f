"""The interaction editor driven as a person would: write, answer the checklist, finalise."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare import appointments, clients
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    ClientFact,
    ClientStatus,
    Interaction,
    InteractionState,
    LatenessNotice,
    LatePerson,
    Practitioner,
)
from ui.dialogs import interaction as editor_module
from ui.dialogs.interaction import InteractionEditor
from ui.ops import Operations
from ui.screens.clients import ClientsScreen

TODAY = dt.date.today()
START = dt.datetime.combine(TODAY - dt.timedelta(days=1), dt.time(10))


@pytest.fixture
def session_ids(db: Database) -> dict[str, int]:
    with db.unit_of_work() as session:
        ada = Practitioner(full_name="Dr. Ada Example", is_current_user=True)
        session.add(ada)
        session.flush()
        zoe = clients.create_client(
            session,
            ClientInput(full_name="Zoë Ñúñez", status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
        )
        booked = appointments.create_appointment(
            session, AppointmentInput(zoe.id, ada.id, START, 50), now=START - dt.timedelta(days=7)
        )
        return {"ada": ada.id, "zoe": zoe.id, "appointment": booked.id}


def late(db: Database, appointment_id: int, minutes: int) -> None:
    with db.unit_of_work() as session:
        session.add(
            LatenessNotice(
                appointment_id=appointment_id,
                who_is_late=LatePerson.PRACTITIONER,
                expected_minutes=minutes,
            )
        )


def open_editor(qtbot: QtBot, ops: Operations, **kwargs: int) -> InteractionEditor:
    editor = InteractionEditor(ops, **kwargs)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def answer_all(qtbot: QtBot, editor: InteractionEditor) -> None:
    for row in list(editor.checklist_rows.values()):
        done = row.buttons.get(editor_module.ChecklistAnswerValue.DONE)
        if done is not None:
            qtbot.mouseClick(done, Qt.MouseButton.LeftButton)


def test_late_by_12_minutes_makes_the_reschedule_offer_required(
    qtbot: QtBot, ops: Operations, db: Database, session_ids: dict[str, int]
) -> None:
    late(db, session_ids["appointment"], 12)
    editor = open_editor(qtbot, ops, appointment_id=session_ids["appointment"])
    assert "Greet as “Zoë”" in editor.greeting.text()
    row = editor.checklist_rows[12]
    assert "Required" in row.findChild(type(editor.status), "why").text()
    assert "12 minutes late" in row.item.reason
    assert 11 in editor.checklist_rows


def test_on_time_there_is_no_lateness_item(
    qtbot: QtBot, ops: Operations, session_ids: dict[str, int]
) -> None:
    editor = open_editor(qtbot, ops, appointment_id=session_ids["appointment"])
    assert 11 not in editor.checklist_rows and 12 not in editor.checklist_rows
    assert 1 in editor.checklist_rows  # greet by the preferred name: every session


def test_flag_makes_a_principle_apply(
    qtbot: QtBot, ops: Operations, session_ids: dict[str, int]
) -> None:
    editor = open_editor(qtbot, ops, appointment_id=session_ids["appointment"])
    assert 10 not in editor.checklist_rows
    box = editor.flags["not_at_my_best"]
    # Click on the box itself (the widget may be wider than its label).
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    assert 10 in editor.checklist_rows


def test_finalise_refused_then_accepted(
    qtbot: QtBot, ops: Operations, db: Database, session_ids: dict[str, int], typist
) -> None:
    editor = open_editor(qtbot, ops, appointment_id=session_ids["appointment"])
    typist(editor.texts["client_words"], "I felt heard today.")
    qtbot.mouseClick(editor.finalise_button, Qt.MouseButton.LeftButton)
    # What is missing is a list of links, not a clipped sentence; the first is scrolled to.
    assert editor.missing_label.isVisible()
    assert "Before finalising, answer" in editor.missing_label.text()
    shown = editor.missing_label.text()
    missing = [n for n in editor.checklist_rows if f'href="#{n}"' in shown]
    assert missing == [
        n for n, row in editor.checklist_rows.items() if row.item.requirement == "required"
    ]
    assert editor.checklist_rows[missing[0]].property("look") == "highlighted"
    editor.missing_label.linkActivated.emit(f"#{missing[-1]}")
    last = editor.checklist_rows[missing[-1]]
    assert last.property("look") == "highlighted"
    assert editor.checklist_rows[missing[0]].property("look") is None
    assert last.visibleRegion().boundingRect().height() > 0  # scrolled into view
    assert editor.focusWidget() is next(iter(last.buttons.values()))
    with db.reading() as session:
        stored = session.scalars(select(Interaction)).one()
        assert stored.state is InteractionState.DRAFT
        assert stored.client_words == "I felt heard today."

    # Answering an item takes it off the list; the list goes when nothing is missing.
    first = editor.checklist_rows[missing[0]]
    qtbot.mouseClick(
        first.buttons[editor_module.ChecklistAnswerValue.DONE], Qt.MouseButton.LeftButton
    )
    assert f'href="#{missing[0]}"' not in editor.missing_label.text()
    assert first.property("look") is None
    answer_all(qtbot, editor)
    assert not editor.missing_label.isVisible()
    qtbot.mouseClick(editor.finalise_button, Qt.MouseButton.LeftButton)
    with db.reading() as session:
        stored = session.scalars(select(Interaction)).one()
        assert stored.state is InteractionState.FINAL
    assert editor.texts["notes"].isReadOnly()
    # It looks locked too: the text sits on the window's colour, not a white field.
    notes = editor.texts["notes"].palette()
    assert notes.color(QPalette.ColorRole.Base) == notes.color(QPalette.ColorRole.Window)
    assert not editor.minutes_late.isEnabled()
    assert "Finalised" in editor.status.text()
    assert not editor.missing_label.isVisible()
    # Locked, and still says whose note it is.
    assert editor.windowTitle().endswith("— finalised") and "Zoë" in editor.windowTitle()


def test_not_applicable_needs_a_reason(
    qtbot: QtBot, ops: Operations, session_ids: dict[str, int], typist
) -> None:
    editor = open_editor(qtbot, ops, appointment_id=session_ids["appointment"])
    row = editor.checklist_rows[2]
    qtbot.mouseClick(
        row.buttons[editor_module.ChecklistAnswerValue.NOT_APPLICABLE], Qt.MouseButton.LeftButton
    )
    assert row.error.isVisible() and row.error.text()
    assert row.text.isVisible()
    typist(row.text, "Client chose not to talk today")
    qtbot.keyClick(row.text, Qt.Key.Key_Return)
    assert not row.error.isVisible()


def test_draft_comes_back_after_the_editor_is_destroyed(
    qtbot: QtBot, ops: Operations, db: Database, session_ids: dict[str, int], typist
) -> None:
    editor = InteractionEditor(ops, appointment_id=session_ids["appointment"])
    editor.show()
    typist(editor.texts["notes"], "Talked about the move to a new flat.")
    qtbot.waitUntil(lambda: "Draft saved" in editor.status.text(), timeout=10_000)
    editor.autosave.stop()
    editor.deleteLater()  # gone without Save or Close: as after a crash
    qtbot.wait(50)

    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    screen.table.selectRow(0)
    assert screen.form.draft_banner.isVisible()
    reopened: list[InteractionEditor] = []
    original = screen.form.make_interaction_editor

    def capture(interaction_id: int | None) -> InteractionEditor:
        dialog = original(interaction_id)
        reopened.append(dialog)  # type: ignore[arg-type]
        dialog.exec = lambda: 0  # type: ignore[method-assign]
        return dialog

    screen.form.make_interaction_editor = capture  # type: ignore[method-assign]
    qtbot.mouseClick(screen.form.open_draft_button, Qt.MouseButton.LeftButton)
    assert reopened[0].texts["notes"].toPlainText() == "Talked about the move to a new flat."


def test_pet_name_is_underlined_with_a_suggestion(
    qtbot: QtBot, ops: Operations, session_ids: dict[str, int], typist
) -> None:
    editor = open_editor(qtbot, ops, appointment_id=session_ids["appointment"])
    typist(editor.texts["notes"], "Thanks, honey, see you next week")
    hits = editor.highlighters[0].hits()
    assert [hit.text for hit in hits] == ["honey"]
    assert "preferred name" in hits[0].message
    findings = editor.checklist_rows[9].findings.text()
    assert "Notes" in findings and "honey" in findings


def test_the_automatic_language_row_shows_findings_and_asks_nothing(
    qtbot: QtBot, ops: Operations, session_ids: dict[str, int]
) -> None:
    """Checked as you type: no radio buttons and no answer box, only what was found."""
    from PySide6.QtWidgets import QLineEdit, QRadioButton

    editor = open_editor(qtbot, ops, appointment_id=session_ids["appointment"])
    automatic = editor.checklist_rows[9]
    assert "Checked as you type" in automatic.findChild(type(editor.status), "why").text()
    assert automatic.findChildren(QLineEdit) == [] and automatic.findChildren(QRadioButton) == []
    assert automatic.text is None and automatic.findings.isVisible()
    answered = editor.checklist_rows[1]
    assert answered.text is not None and answered.isAncestorOf(answered.text)
    assert len(answered.findChildren(QRadioButton)) == len(answered.buttons) > 0


def test_a_narrow_editor_stacks_the_also_boxes_instead_of_cutting_them_off(
    qtbot: QtBot, ops: Operations, session_ids: dict[str, int]
) -> None:
    from PySide6.QtWidgets import QScrollArea

    editor = open_editor(qtbot, ops, appointment_id=session_ids["appointment"])
    # Its own size (it was fitted to the 800-pixel test screen as it was shown).
    editor.resize(1180, 760)
    qtbot.waitUntil(lambda: editor.flag_columns.columns() == 2)  # room for two
    left = next(
        area
        for area in editor.findChildren(QScrollArea)
        if area.widget().isAncestorOf(editor.flag_columns)
    )
    editor.resize(900, editor.height())
    qtbot.waitUntil(lambda: editor.flag_columns.columns() == 1)
    qtbot.wait(10)
    assert not left.horizontalScrollBar().isVisible()
    viewport = left.viewport()
    for box in editor.flags.values():  # every box wholly inside what the person sees
        corner = box.mapTo(viewport, box.rect().bottomRight())
        assert 0 <= corner.x() < viewport.width(), box.text()
    box = editor.flags["not_at_my_best"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked() and 10 in editor.checklist_rows  # still does what it says
    editor.resize(1180, editor.height())
    qtbot.waitUntil(lambda: editor.flag_columns.columns() == 2)


def test_asked_again_and_wrote_it_down(
    qtbot: QtBot, ops: Operations, db: Database, session_ids: dict[str, int], typist
) -> None:
    editor = open_editor(qtbot, ops, appointment_id=session_ids["appointment"])
    typist(editor.fact_text, "Prefers to be called after 5pm")
    qtbot.mouseClick(editor.remember, Qt.MouseButton.LeftButton)
    with db.reading() as session:
        assert [f.text for f in session.scalars(select(ClientFact))] == [
            "Prefers to be called after 5pm"
        ]


def test_correction_after_finalising_keeps_the_original(
    qtbot: QtBot, ops: Operations, db: Database, session_ids: dict[str, int], typist
) -> None:
    editor = open_editor(qtbot, ops, appointment_id=session_ids["appointment"])
    typist(editor.texts["next_steps"], "Meet again on Tuesday")
    typist(editor.texts["notes"], "Good session.")
    answer_all(qtbot, editor)
    qtbot.mouseClick(editor.finalise_button, Qt.MouseButton.LeftButton)
    assert editor.correct_button.isVisible() and not editor.finalise_button.isVisible()

    attempts: list[int] = []

    def fill(dialog) -> bool:  # type: ignore[no-untyped-def]
        attempts.append(1)
        if len(attempts) == 3:
            return False
        dialog.field.setCurrentIndex(dialog.field.findData("next_steps"))
        dialog.text.setPlainText("Meet again on Thursday")
        if len(attempts) == 2:
            typist(dialog.reason, "Wrong day written down")
        return True

    editor.run_correction_dialog = fill  # type: ignore[method-assign]
    qtbot.mouseClick(editor.correct_button, Qt.MouseButton.LeftButton)
    assert len(attempts) == 2  # the first try had no reason and was refused
    assert editor.texts["next_steps"].toPlainText() == "Meet again on Thursday"
    assert "“Meet again on Tuesday” → “Meet again on Thursday”" in editor.addenda.text()
    with db.reading() as session:
        stored = session.scalars(select(Interaction)).one()
        assert stored.next_steps == "Meet again on Thursday"


def test_entering_12_minutes_late_makes_the_reschedule_item_required(
    qtbot: QtBot, ops: Operations, db: Database, session_ids: dict[str, int], typist
) -> None:
    editor = open_editor(qtbot, ops, appointment_id=session_ids["appointment"])
    assert 12 not in editor.checklist_rows
    editor.minutes_late.setFocus()
    editor.minutes_late.selectAll()
    typist(editor.minutes_late, "12")
    assert 11 in editor.checklist_rows and 12 in editor.checklist_rows
    assert "12 minutes late" in editor.checklist_rows[12].item.reason
    editor.minutes_late.selectAll()
    typist(editor.minutes_late, "10")
    assert 11 in editor.checklist_rows and 12 not in editor.checklist_rows
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    with db.reading() as session:
        notice = session.scalars(select(LatenessNotice)).one()
        assert (notice.expected_minutes, notice.who_is_late) == (10, LatePerson.PRACTITIONER)


def test_finalise_asks_first_and_completes_the_appointment_undoably(
    qtbot: QtBot,
    ops: Operations,
    db: Database,
    session_ids: dict[str, int],
    typist,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from clientcare.db.models import Appointment, AppointmentStatus
    from ui.dialogs.finalise import FinaliseDialog

    editor = open_editor(qtbot, ops, appointment_id=session_ids["appointment"])
    typist(editor.texts["client_words"], "I felt heard today.")
    answer_all(qtbot, editor)
    asked: list[FinaliseDialog] = []

    def cancel(dialog: FinaliseDialog) -> bool:
        asked.append(dialog)
        qtbot.addWidget(dialog)
        return False

    # Cancel: nothing is locked, nothing completed.
    monkeypatch.setattr(editor, "run_finalise_dialog", cancel)
    qtbot.mouseClick(editor.finalise_button, Qt.MouseButton.LeftButton)
    dialog = asked[-1]
    assert "Zoë" in dialog.findChild(QLabel, "finalise_question").text()
    assert dialog.complete.isChecked()  # the session took place: offered, ticked
    with db.reading() as session:
        assert session.scalars(select(Interaction)).one().state is InteractionState.DRAFT
        assert session.get(Appointment, session_ids["appointment"]).status is (
            AppointmentStatus.SCHEDULED
        )

    def confirm(dialog: FinaliseDialog) -> bool:
        asked.append(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.complete.isVisible() and dialog.focusWidget() is dialog.complete
        return True

    monkeypatch.setattr(editor, "run_finalise_dialog", confirm)
    qtbot.mouseClick(editor.finalise_button, Qt.MouseButton.LeftButton)
    with db.reading() as session:
        assert session.scalars(select(Interaction)).one().state is InteractionState.FINAL
        assert session.get(Appointment, session_ids["appointment"]).status is (
            AppointmentStatus.COMPLETED
        )
    assert "marked completed" in editor.status.text()
    assert editor.undo_completion_button.isVisible()

    qtbot.mouseClick(editor.undo_completion_button, Qt.MouseButton.LeftButton)
    with db.reading() as session:
        assert session.get(Appointment, session_ids["appointment"]).status is (
            AppointmentStatus.SCHEDULED
        )
        assert session.scalars(select(Interaction)).one().state is InteractionState.FINAL
    assert not editor.undo_completion_button.isVisible()
    assert "marked completed" not in editor.status.text()
