"""The soak's actions: one table, name -> (function, weight). Each is a small function that
does one thing a person does in ClientCare, through the widgets (click, type, select; a
dialog opened by its button, filled and accepted from inside its own event loop).

When a screen or dialog changes, the action that uses it is fixed here, in one place;
choosing a client in a dialog is :func:`choose_client` alone.

An action with nothing to do at that moment (no appointment left today, an empty list)
raises Skip; one that finds the screen not as expected raises SoakError (a failure).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QToolButton,
    QTreeWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from tools.soak.child import ClientRef, Skip, SoakError
from ui.object_tree import descendant, descendants

if TYPE_CHECKING:
    from tools.soak.child import Soak

LEFT = Qt.MouseButton.LeftButton
BOOKABLE = ("prospect", "active", "paused")

WORDS = (
    "talked about the week at work and the move; sleep is better since Tuesday",
    "we looked at what helps on the hard mornings",
    "agreed to try the breathing exercise twice a day",
    "she said the last session helped more than she expected",
    "honey, that was a lot to carry",  # a pet name: the language check underlines it
    "the invoice is overdue again, a bad payer",  # shaming money words, flagged
    "next time: the letter to the landlord",
    "Zoë's sister came too; Ñúñez family plans for the holidays",
    "he wants to come every two weeks from January",
)
FACTS = ("Has a dog called Biscuit", "Prefers mornings", "Cycles to sessions", "Allergic to cats")
PRONOUNS = ("she/her", "he/him", "they/them", "")


@dataclass(frozen=True)
class Action:
    run: Callable[[Soak], None]
    weight: float


# -- what the actions act on ---------------------------------------------------------


def read_clients(session: Session) -> list[ClientRef]:
    """Every client's id, name and status (what the soak picks from)."""
    from clientcare.db.models import Client

    rows = session.execute(select(Client.id, Client.full_name, Client.status).order_by(Client.id))
    return [ClientRef(row.id, row.full_name, str(row.status.value)) for row in rows]


def prepare(soak: Soak) -> None:
    """Once, before the first action: who "you" are, and Today's timer within a run's reach."""
    from clientcare.db.models import Practitioner

    def me(session: Session) -> int | None:
        return session.scalar(
            select(Practitioner.id).where(Practitioner.is_current_user.is_(True)).limit(1)
        )

    soak.me = soak.window.ops.read(me)  # type: ignore[attr-defined]
    # Today reads the clock again every minute; in a soak every few seconds (the same timer).
    today = soak.window.screens["today"]
    today.timer.setInterval(3000)
    soak.window.ops.changed.connect(lambda _changes: setattr(soak, "changes_seen", 1))


def pick_client(soak: Soak, *, bookable: bool = False) -> ClientRef:
    """A client at random; with ``bookable``, one whose status can be booked (most of the
    benchmark practice's clients are closed: drawing until one is bookable sometimes gave
    a closed client, whom the picker rightly does not suggest, and the step waited 6 s)."""
    if not bookable:
        return soak.rng.choice(soak.clients)
    pool: list[ClientRef] | None = getattr(soak, "bookable_clients", None)
    if pool is None:
        pool = [client for client in soak.clients if client.status in BOOKABLE] or soak.clients
        soak.bookable_clients = pool  # type: ignore[attr-defined]
    return soak.rng.choice(pool)


def to_qdatetime(moment: dt.datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )


def now(soak: Soak) -> dt.datetime:
    return dt.datetime.now()


def button_box(dialog: Any, which: QDialogButtonBox.StandardButton) -> QPushButton:
    for box in descendants(dialog, QDialogButtonBox):
        button = box.button(which)
        if button is not None and button.isVisible():
            return button
    raise SoakError(f"no {which.name} button in {dialog.objectName()}")


def press(soak: Soak, dialog: Any, which: QDialogButtonBox.StandardButton) -> None:
    soak.click(button_box(dialog, which))


def answer_yes(soak: Soak) -> Callable[[Any], None]:
    def handler(box: Any) -> None:
        if not isinstance(box, QMessageBox):
            raise SoakError(f"expected a question, got {type(box).__name__} {box.windowTitle()}")
        button = box.button(QMessageBox.StandardButton.Yes)
        soak.click(button if button is not None else box.buttons()[0])

    return handler


def select_index(combo: QComboBox, index: int) -> None:
    """Choose an entry of a (non-editable) combo, as picking it from the list does."""
    combo.setFocus()
    combo.setCurrentIndex(index)


def hide_popup(widget: Any) -> None:
    """Close a completer's list if typing opened it (a click elsewhere would)."""
    completer = widget.completer() if hasattr(widget, "completer") else None
    popup = completer.popup() if completer is not None else None
    if popup is not None and popup.isVisible():
        popup.hide()


# -- the one place that chooses a client in a dialog ------------------------------------


def choose_client(soak: Soak, dialog: Any, client: ClientRef) -> None:
    """Choose ``client`` in ``dialog``'s client picker, as a person would: type the name.

    The pickers are the widget named "client_id" (the appointment dialog's type-ahead line,
    the issue, expectation and referral dialogs' editable lists). When the picker changes,
    this is the function to change.
    """
    picker = (
        descendant(dialog, QLineEdit, "client_id")
        or descendant(dialog, QComboBox, "client_id")
        or descendant(dialog, QLineEdit, "client_picker")
    )
    if picker is None:
        raise SoakError(f"no client picker (client_id) in {dialog.objectName()}")
    if not picker.isEnabled():
        return  # already chosen by where the dialog was opened from
    if hasattr(picker, "suggest") and hasattr(picker, "completer_"):
        choose_in_type_ahead(soak, picker, client)
        return
    if isinstance(picker, QComboBox):
        if not picker.isEditable():
            found = picker.findData(client.id)
            if found < 0:
                raise SoakError(f"{client.full_name} is not in {dialog.objectName()}'s list")
            select_index(picker, found)
            return
        soak.type(picker.lineEdit(), client.full_name, replace=True)
        hide_popup(picker)
        return
    if isinstance(picker, QLineEdit):
        soak.type(picker, client.full_name, replace=True)
        hide_popup(picker)
        return
    raise SoakError(
        f"unknown client picker {type(picker).__name__} in {dialog.objectName()}: "
        "update choose_client in tools/soak/actions.py"
    )


def choose_in_type_ahead(soak: Soak, picker: Any, client: ClientRef) -> None:
    """The type-ahead picker (ui/widgets/client_picker.py): type part of the name, wait for
    the suggestions, click the client's; when they are not among them, type the name in
    full (which the picker resolves when it is one client's)."""
    from clientcare.demo import ascii_fold

    words = client.full_name.split()[: soak.rng.randint(1, len(client.full_name.split()))]
    if soak.rng.random() < 0.5:  # typed without the accents (ascii_fold joins the words)
        words = [ascii_fold(word) or word for word in words]
    typed = " ".join(words)
    soak.type(picker, typed, replace=True)
    popup = picker.completer_.popup()
    # The picker waits for a typing pause, then shows suggestions, or chooses the client
    # outright when what was typed is the full name of one client.
    soak.wait_until(lambda: popup.isVisible() or picker.client_id() == client.id, 3)
    if not popup.isVisible() and picker.client_id() == client.id:
        return
    model = popup.model()
    for row in range(model.rowCount() if popup.isVisible() else 0):
        index = model.index(row, 0)
        if str(index.data()).split(" · ", 1)[0] == client.full_name:
            popup.scrollTo(index)
            QTest.mouseClick(popup.viewport(), LEFT, pos=popup.visualRect(index).center())
            if picker.client_id() == client.id:
                return
            break
    popup.hide()
    soak.type(picker, client.full_name, replace=True)
    # The full name of one client is resolved after the typing pause (no suggestions
    # shown); a name several clients share shows them.
    soak.wait_until(lambda: picker.client_id() == client.id or popup.isVisible(), 3)
    popup.hide()


# -- shared steps ---------------------------------------------------------------------


def open_client_page(soak: Soak, client: ClientRef | None = None) -> Any:
    """The Clients screen with ``client`` (or a random one) open; type part of the name in
    the search, then click the row."""
    from clientcare.demo import ascii_fold

    client = client or pick_client(soak)
    screen = soak.go("clients")
    words = [ascii_fold(word) or word for word in client.full_name.split()]
    fragment = soak.rng.choice(words)[: soak.rng.randint(3, 8)].lower()
    soak.type(screen.search, fragment, replace=True)
    soak.settle(1)
    row = screen.model.row_for_id(client.id)
    if row is not None:
        index = screen.proxy.mapFromSource(screen.model.index(row, 0))
        soak.click_row(screen.table, index.row())
    if screen.form.client is None or screen.form.client.id != client.id:
        soak.window.open_client(client.id)  # as Today's care list opens a client
    if screen.form.client is None or screen.form.client.id != client.id:
        raise SoakError(f"client {client.id} did not open")
    return screen


def calendar(soak: Soak, *, own: bool = True) -> Any:
    """The Calendar, showing your own diary (or everyone's)."""
    screen = soak.go("calendar")
    combo = screen.practitioner_filter
    wanted = combo.findData(soak.me) if own and soak.me is not None else 0  # type: ignore[attr-defined]
    if combo.currentIndex() != max(wanted, 0):
        select_index(combo, max(wanted, 0))
    if screen.view != "week":
        soak.click(soak.child(screen, QToolButton, "view_week"))
    return screen


def week_of_moment(soak: Soak, screen: Any, day: dt.date) -> None:
    """Step the calendar's week until it shows ``day``."""
    for _ in range(60):
        first, count = screen.visible_range()
        if first <= day < first + dt.timedelta(days=count):
            return
        button = (
            screen.next_button
            if day >= first + dt.timedelta(days=count)
            else screen.previous_button
        )
        soak.click(button)
    raise SoakError(f"the calendar did not reach {day}")


def appointment_blocks(screen: Any, *, movable: bool = False) -> list[Any]:
    blocks = [b for b in screen.grid.blocks if b.kind != "busy"]
    if movable:
        blocks = [b for b in blocks if b.movable]
    return blocks


def double_click_block(soak: Soak, screen: Any, block: Any) -> None:
    rect = screen.grid.block_rect(block)
    if rect is None:
        raise Skip("the appointment is not in the week shown")
    QTest.mouseDClick(screen.grid, LEFT, pos=rect.center().toPoint())


def edit_session_note(soak: Soak, editor: Any) -> None:
    """Write up a contact in the interaction editor: text, checklist answers, draft,
    sometimes finalise, print or step away; then close it."""
    rng = soak.rng
    texts = [t for t in descendants(editor, QPlainTextEdit) if t.isEnabled() and t.isVisible()]
    if texts and not editor.locked():
        for text in rng.sample(texts, k=min(len(texts), rng.randint(1, 3))):
            soak.type(text, rng.choice(WORDS) + ". ")
        rows = [row for row in editor.checklist_rows.values() if row.buttons]
        for row in rng.sample(rows, k=min(len(rows), rng.randint(1, 4))):
            button = rng.choice(list(row.buttons.values()))
            if not button.isEnabled():
                continue
            soak.click(button)
            if row.text is not None and row.text.isVisible():
                soak.type(row.text, "Not this time: the client asked to leave it")
                QTest.keyClick(row.text, Qt.Key.Key_Return)
        if rng.random() < 0.15:
            soak.type(soak.child(editor, QLineEdit, "interaction_fact_text"), rng.choice(FACTS))
            soak.click(soak.child(editor, QPushButton, "add_fact_from_interaction"))
        soak.click(soak.child(editor, QPushButton, "save_draft"))
        if rng.random() < 0.05:
            step_away(soak)  # the idle lock while a note is open
        if rng.random() < 0.35:
            soak.modal(  # no question when something is missing: the list of it instead
                lambda: soak.click(soak.child(editor, QPushButton, "finalise")),
                lambda dialog: confirm_finalise(soak, dialog),
            )
            undo = soak.child(editor, QPushButton, "undo_completion")
            if undo.isVisible() and rng.random() < 0.2:
                soak.click(undo)
    if rng.random() < 0.2 and editor.interaction is not None:
        soak.modal(
            lambda: soak.click(soak.child(editor, QPushButton, "print_summary_button")),
            lambda dialog: print_summary(soak, dialog),
        )
    soak.settle(1)


def confirm_finalise(soak: Soak, dialog: Any) -> None:
    """ "Finalise the session note?": usually with its appointment completed."""
    box = soak.child(dialog, QCheckBox, "finalise_complete_appointment")
    if box.isVisible() and soak.rng.random() < 0.3:
        soak.click(box)
    soak.click(soak.child(dialog, QPushButton, "confirm_finalise"))


def print_summary(soak: Soak, dialog: Any) -> None:
    """The print-summary dialog: choose the copy, then Save as PDF (or preview)."""
    name = "variant_file" if soak.rng.random() < 0.5 else "variant_client"
    soak.click(soak.child(dialog, QRadioButton, name))
    if soak.rng.random() < 0.7:
        path = soak.pdf_path("summary")
        soak.modal(
            lambda: soak.click(soak.child(dialog, QPushButton, "save_pdf")),
            lambda files: save_as(soak, files, path),
        )
        check_pdf(path)
    else:
        soak.modal(
            lambda: soak.click(soak.child(dialog, QPushButton, "preview")),
            lambda preview: look_at_preview(soak, preview),
        )


def save_as(soak: Soak, dialog: Any, path: Any) -> None:
    if not isinstance(dialog, QFileDialog):
        raise SoakError(f"expected a file dialog, got {type(dialog).__name__}")
    dialog.selectFile(str(path))
    dialog.accept()


def check_pdf(path: Any) -> None:
    if not path.exists() or path.stat().st_size < 500:
        raise SoakError(f"the PDF {path.name} was not written")
    path.unlink()


def look_at_preview(soak: Soak, preview: Any) -> None:
    if type(preview).__name__ != "QPrintPreviewDialog":
        raise SoakError(f"expected the print preview, got {type(preview).__name__}")
    soak.settle(2)  # it lays out and paints the pages


def step_away(soak: Soak) -> None:
    """Leave the computer: the idle lock locks every window; come back and type the PIN."""
    lock = soak.window.idle_lock
    lock.set_interval_for_tests(30)
    if not soak.wait_until(lambda: lock.locked, 5):
        raise SoakError("the idle lock did not lock after its time")
    soak.unlock()


# -- the actions ----------------------------------------------------------------------


def visit_section(soak: Soak) -> None:
    from ui.main_window import SECTIONS

    soak.go(soak.rng.choice(SECTIONS).key)


def search_clients(soak: Soak) -> None:
    """Type a search on the Clients screen, key by key; click one of the results."""
    from clientcare.demo import ascii_fold

    screen = soak.go("clients")
    client = pick_client(soak)
    folded = ascii_fold(client.full_name).lower()
    name = client.full_name if soak.rng.random() < 0.5 or not folded.strip() else folded
    word = soak.rng.choice(name.split())
    soak.type(screen.search, word[: soak.rng.randint(2, len(word))], replace=True)
    soak.settle(1)
    rows = screen.proxy.rowCount()
    if rows:
        soak.click_row(screen.table, soak.rng.randrange(min(rows, 20)))


def open_client(soak: Soak) -> None:
    open_client_page(soak)


def edit_client(soak: Soak) -> None:
    """Change a client's pronouns on their page and save (or cancel the change)."""
    screen = open_client_page(soak)
    form = screen.form
    field = soak.child(form, QLineEdit, "pronouns")
    soak.type(field, soak.rng.choice(PRONOUNS), replace=True)
    if not form.is_dirty():
        return
    if soak.rng.random() < 0.8:
        soak.click(soak.child(form, QPushButton, "save_client"))
    if form.is_dirty():
        soak.click(soak.child(form, QPushButton, "cancel_client"))


def add_fact(soak: Soak) -> None:
    screen = open_client_page(soak)
    soak.type(soak.child(screen.form, QLineEdit, "fact_text"), soak.rng.choice(FACTS))
    soak.click(soak.child(screen.form, QPushButton, "add_fact"))


def new_client(soak: Soak) -> None:
    """Add a client on the Clients screen (New client, a name, Save)."""
    screen = soak.go("clients")
    soak.click(soak.child(screen, QPushButton, "new_client"))
    name = f"Soak Visitor {soak.done:05d}"
    soak.type(soak.child(screen.form, QLineEdit, "full_name"), name)
    soak.click(soak.child(screen.form, QPushButton, "save_client"))
    if screen.form.client is None:
        raise SoakError(f"the new client {name} was not saved")
    soak.clients.append(ClientRef(screen.form.client.id, name, "prospect"))


def browse_calendar(soak: Soak) -> None:
    """Look around the Calendar: another week, a day, the month, everyone's diary."""
    screen = calendar(soak, own=soak.rng.random() < 0.9)
    choice = soak.rng.choice(
        ("next", "previous", "today", "view_day", "view_week", "view_month", "next", "previous")
    )
    if choice == "next":
        soak.click(screen.next_button)
    elif choice == "previous":
        soak.click(screen.previous_button)
    elif choice == "today":
        soak.click(screen.today_button)
    else:
        soak.click(soak.child(screen, QToolButton, choice))


def book_appointment(soak: Soak) -> None:
    """New appointment: a client typed in, a time this week or next, Save (Book anyway on a
    double-booking, half the time)."""
    screen = calendar(soak)
    client = pick_client(soak, bookable=True)
    day = now(soak).date() + dt.timedelta(days=soak.rng.randint(0, 9))
    start = dt.datetime.combine(day, dt.time(soak.rng.randint(8, 17), soak.rng.choice((0, 30))))

    def fill(dialog: Any) -> None:
        if dialog.objectName() != "appointment_dialog":
            raise SoakError(f"expected the appointment dialog, got {dialog.objectName()}")
        choose_client(soak, dialog, client)
        dialog.start.setDateTime(to_qdatetime(start))
        if soak.rng.random() < 0.3:
            soak.type(dialog.duration, str(soak.rng.choice((30, 50, 60, 90))), replace=True)
        if soak.rng.random() < 0.08:
            select_index(dialog.repeat, soak.rng.randint(1, dialog.repeat.count() - 1))
            soak.type(dialog.times, str(soak.rng.randint(2, 6)), replace=True)
        save = soak.child(dialog, QPushButton, "save_appointment")
        soak.click(save)
        override = soak.child(dialog, QCheckBox, "allow_conflict")
        if dialog.isVisible() and override.isVisible() and soak.rng.random() < 0.5:
            soak.click(override)
            soak.click(save)

    soak.modal(lambda: soak.click(soak.child(screen, QPushButton, "new_appointment")), fill)


def _future_block(soak: Soak, screen: Any) -> Any:
    moment = now(soak)
    blocks = [b for b in appointment_blocks(screen, movable=True) if b.start > moment]
    if not blocks:
        raise Skip("no appointment to come in this week")
    return soak.rng.choice(blocks)


def move_appointment(soak: Soak) -> None:
    """Drag an appointment to another time in the week (confirmed), or change its start in
    the appointment dialog."""
    screen = calendar(soak)
    week_of_moment(soak, screen, now(soak).date() + dt.timedelta(days=soak.rng.randint(0, 7)))
    block = _future_block(soak, screen)
    hours = soak.rng.choice((-2, -1, 1, 2, 3))
    target = block.start + dt.timedelta(hours=hours)
    if target.hour < 8 or target.hour > 17 or target <= now(soak):
        target = block.start + dt.timedelta(days=1)
        if (target.date() - screen.visible_range()[0]).days >= 7:
            target = block.start - dt.timedelta(days=1)
    if target <= now(soak):
        raise Skip("no later time to move to in this week")
    if soak.rng.random() < 0.5:
        grid = screen.grid
        rect = grid.block_rect(block)
        if rect is None:
            raise Skip("the appointment is not in the week shown")
        begin = grid.point_for(block.start)
        end = grid.point_for(target)

        def drag() -> None:
            QTest.mousePress(grid, LEFT, pos=begin)
            QTest.mouseMove(grid, begin + (end - begin) / 2)
            QTest.mouseMove(grid, end)
            QTest.mouseRelease(grid, LEFT, pos=end)

        soak.modal(drag, answer_yes(soak))
        return

    def change_start(dialog: Any) -> None:
        if dialog.objectName() != "appointment_dialog":
            raise SoakError(f"expected the appointment dialog, got {dialog.objectName()}")
        dialog.start.setDateTime(to_qdatetime(target))
        soak.click(soak.child(dialog, QPushButton, "save_appointment"))

    soak.modal(lambda: double_click_block(soak, screen, block), change_start)


def cancel_appointment(soak: Soak) -> None:
    """Open an appointment to come and cancel it (by the client or the practice, a reason)."""
    screen = calendar(soak)
    week_of_moment(soak, screen, now(soak).date() + dt.timedelta(days=soak.rng.randint(0, 7)))
    block = _future_block(soak, screen)

    def cancel_dialog(dialog: Any) -> None:
        who = "by_client" if soak.rng.random() < 0.6 else "by_practitioner"
        soak.click(soak.child(dialog, QRadioButton, who))
        soak.type(soak.child(dialog, QLineEdit, "reason"), "Unwell; will rebook next week")
        soak.click(soak.child(dialog, QPushButton, "confirm_cancel"))

    def appointment(dialog: Any) -> None:
        button = soak.child(dialog, QPushButton, "cancel_appointment")
        if not button.isEnabled():
            return
        soak.modal(lambda: soak.click(button), cancel_dialog)

    soak.modal(lambda: double_click_block(soak, screen, block), appointment)


def write_up_session(soak: Soak) -> None:
    """An appointment of today that has begun (or of the last days): Write up…, the note,
    then Completed when it can be."""
    screen = calendar(soak)
    moment = now(soak)
    week_of_moment(soak, screen, moment.date())
    blocks = [b for b in appointment_blocks(screen) if b.start <= moment]
    if not blocks:
        raise Skip("no appointment has begun yet this week")
    # Most often the latest ones: the session just over.
    block = max(soak.rng.sample(blocks, k=min(3, len(blocks))), key=lambda b: b.start)

    def appointment(dialog: Any) -> None:
        soak.modal(
            lambda: soak.click(soak.child(dialog, QPushButton, "write_up")),
            lambda editor: edit_session_note(soak, editor),
        )
        completed = soak.child(dialog, QPushButton, "mark_completed")
        if completed.isEnabled() and soak.rng.random() < 0.6:
            soak.click(completed)

    soak.modal(lambda: double_click_block(soak, screen, block), appointment)


def new_contact(soak: Soak) -> None:
    """New contact… on a client's page: a phone call or a message, written up."""
    screen = open_client_page(soak)
    soak.modal(
        lambda: soak.click(soak.child(screen.form, QPushButton, "new_interaction")),
        lambda editor: edit_session_note(soak, editor),
    )


def running_late(soak: Soak) -> None:
    """Today: I'm running late…: minutes, maybe the later ones too, Record as sent, the
    client's choice."""
    screen = soak.go("today")
    button = soak.child(screen, QPushButton, "today_running_late")
    if not button.isEnabled():
        raise Skip("nothing left today to be late for")
    rng = soak.rng

    def fill(dialog: Any) -> None:
        on_time = soak.child(dialog, QCheckBox, "started_on_time")
        if on_time.isVisible() and rng.random() < 0.2:  # past the start: began on time
            soak.click(on_time)
        minutes = soak.child(dialog, QSpinBox, "minutes")
        soak.type(minutes, str(rng.randint(3, 25)), replace=True)
        if rng.random() < 0.3:
            soak.click(soak.child(dialog, QCheckBox, "include_later"))
        if rng.random() < 0.2:
            soak.click(soak.child(dialog, QPushButton, "copy_message"))
        soak.click(soak.child(dialog, QPushButton, "record_sent"))
        if not soak.child(dialog, QPushButton, "choice_wait").isVisible():
            return
        choice = rng.random()
        if choice < 0.7:
            soak.click(soak.child(dialog, QPushButton, "choice_wait"))
        elif choice < 0.85:
            soak.modal(
                lambda: soak.click(soak.child(dialog, QPushButton, "choice_cancel")),
                answer_yes(soak),
            )
        else:
            soak.click(soak.child(dialog, QPushButton, "choice_reschedule"))
            slots = dialog.slot_list
            if slots.count():
                slots.setCurrentRow(rng.randrange(slots.count()))
                soak.modal(
                    lambda: soak.click(soak.child(dialog, QPushButton, "confirm_reschedule")),
                    answer_yes(soak),
                )

    soak.modal(lambda: soak.click(button), fill)


def record_payment(soak: Soak) -> None:
    """Record payment… on a client's page: an amount, how, Save."""
    screen = open_client_page(soak)
    button = soak.child(screen.form, QPushButton, "record_payment")

    def fill(dialog: Any) -> None:
        soak.type(soak.child(dialog, QLineEdit, "amount"), soak.rng.choice(("40", "55.50", "90")))
        method = soak.child(dialog, QComboBox, "method")
        select_index(method, soak.rng.randrange(method.count()))
        press(soak, dialog, QDialogButtonBox.StandardButton.Save)

    soak.modal(lambda: soak.click(button), fill)


def refer_client(soak: Soak) -> None:
    """Refer… on a client's page: a provider from the directory, the reason, Save."""
    screen = open_client_page(soak)

    def fill(dialog: Any) -> None:
        choose_client(
            soak, dialog, ClientRef(screen.form.client.id, screen.form.client.full_name, "")
        )
        provider = soak.child(dialog, QComboBox, "provider_id")
        if provider.count() < 2:
            raise Skip("the directory is empty")
        select_index(provider, soak.rng.randint(1, provider.count() - 1))
        soak.type(soak.child(dialog, QPlainTextEdit, "reason"), "Specialist in sleep problems")
        soak.click(soak.child(dialog, QPushButton, "save_referral"))

    soak.modal(lambda: soak.click(soak.child(screen.form, QPushButton, "refer_client")), fill)


def follow_up_referral(soak: Soak) -> None:
    """Referrals: a referral, then its next step (follow-up, hand-off, accepted, details)."""
    screen = soak.go("referrals")
    panel = screen.referrals
    click_tab(soak, screen.tabs, panel)
    table = soak.child(panel, QTableView, "referral_table")
    rows = table.model().rowCount()
    if not rows:
        raise Skip("no referrals")
    soak.click_row(table, soak.rng.randrange(min(rows, 30)))
    choices = [
        name
        for name in ("record_follow_up", "record_handoff", "mark_accepted", "edit_referral")
        if soak.child(panel, QPushButton, name).isEnabled()
    ]
    if not choices:
        raise Skip("nothing to do with this referral")
    name = soak.rng.choice(choices)
    button = soak.child(panel, QPushButton, name)

    def fill(dialog: Any) -> None:
        if name == "record_follow_up":
            soak.click(soak.child(dialog, QRadioButton, "connected_yes"))
            soak.click(soak.child(dialog, QPushButton, "save_follow_up"))
        elif name == "record_handoff":
            soak.click(soak.child(dialog, QAbstractButton, "handoff_in_person"))
            soak.click(soak.child(dialog, QPushButton, "save_handoff"))
        # "Details…" is looked at and closed

    soak.modal(lambda: soak.click(button), fill)


def click_tab(soak: Soak, tabs: QTabWidget, page: Any) -> None:
    """Click the tab that holds ``page`` (the tab's own widget, or a widget inside it)."""
    holder, index = page, tabs.indexOf(page)
    while index < 0 and holder is not None:
        holder = holder.parentWidget()
        index = tabs.indexOf(holder) if holder is not None else -1
    if index < 0:
        raise SoakError(f"{page.objectName() or type(page).__name__} is in no tab")
    if tabs.currentIndex() != index:
        bar = tabs.tabBar()
        QTest.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
        if tabs.currentIndex() != index:
            raise SoakError(f"clicking the tab {tabs.tabText(index)} did not open it")


def followups(soak: Soak, panel: str) -> Any:
    screen = soak.go("followups")
    page = getattr(screen, panel)
    click_tab(soak, screen.tabs, page)
    return page


def new_issue(soak: Soak) -> None:
    """Follow-ups → Issues → New issue…: the client typed in, what it is, its urgency."""
    panel = followups(soak, "issues")
    client = pick_client(soak)

    def fill(dialog: Any) -> None:
        choose_client(soak, dialog, client)
        soak.type(soak.child(dialog, QLineEdit, "title"), "Letter for the housing office")
        urgency = soak.child(dialog, QComboBox, "urgency")
        select_index(urgency, soak.rng.randrange(urgency.count()))
        press(soak, dialog, QDialogButtonBox.StandardButton.Save)

    soak.modal(lambda: soak.click(soak.child(panel, QPushButton, "new_issue")), fill)


def resolve_issue(soak: Soak) -> None:
    panel = followups(soak, "issues")
    table = soak.child(panel, QTableView, "issue_table")
    rows = table.model().rowCount()
    if not rows:
        raise Skip("no open issues")
    soak.click_row(table, soak.rng.randrange(min(rows, 30)))

    def fill(dialog: Any) -> None:
        soak.type(soak.child(dialog, QPlainTextEdit, "resolution_note"), "Sorted on the phone")
        press(soak, dialog, QDialogButtonBox.StandardButton.Save)

    soak.modal(lambda: soak.click(soak.child(panel, QPushButton, "resolve_issue")), fill)


def record_expectation(soak: Soak) -> None:
    panel = followups(soak, "expectations")
    client = pick_client(soak)

    def fill(dialog: Any) -> None:
        choose_client(soak, dialog, client)
        soak.type(
            soak.child(dialog, QPlainTextEdit, "description"), "Replies within two working days"
        )
        press(soak, dialog, QDialogButtonBox.StandardButton.Save)

    soak.modal(lambda: soak.click(soak.child(panel, QPushButton, "record_expectation")), fill)


def check_in(soak: Soak) -> None:
    """Follow-ups → Check-ins: a check-in due, Draft…, then Log as sent."""
    panel = followups(soak, "checkins")
    table = soak.child(panel, QTableView, "checkin_table")
    rows = table.model().rowCount()
    if not rows:
        raise Skip("no check-ins due")
    soak.click_row(table, soak.rng.randrange(min(rows, 30)))

    def fill(dialog: Any) -> None:
        soak.click(soak.child(dialog, QPushButton, "log_sent"))

    soak.modal(lambda: soak.click(soak.child(panel, QPushButton, "draft_checkin")), fill)


def print_brief(soak: Soak) -> None:
    """Print brief… on a client's page: the print preview, looked at and closed."""
    screen = open_client_page(soak)
    soak.modal(
        lambda: soak.click(soak.child(screen.form, QPushButton, "print_brief")),
        lambda preview: look_at_preview(soak, preview),
    )


def print_day_sheet(soak: Soak) -> None:
    screen = soak.go("today")
    soak.modal(
        lambda: soak.click(soak.child(screen, QPushButton, "today_print_day_sheet")),
        lambda preview: look_at_preview(soak, preview),
    )


def care_item(soak: Soak) -> None:
    """Today's care list: an item, then Open client, or its action (where it is handled)."""
    from ui.widgets.care_list import ITEM_ROLE

    screen = soak.go("today")
    tree = soak.child(screen, QTreeWidget, "care_tree")
    items = [tree.topLevelItem(i) for i in range(min(tree.topLevelItemCount(), 60))]
    items = [item for item in items if item.data(0, ITEM_ROLE) is not None]
    if not items:
        raise Skip("nothing needs care")
    item = soak.rng.choice(items)
    tree.scrollToItem(item)
    QTest.mouseClick(tree.viewport(), LEFT, pos=tree.visualItemRect(item).center())
    name = "care_open_client" if soak.rng.random() < 0.6 else "care_action"
    button = soak.child(screen, QPushButton, name)
    if button.isEnabled() and button.isVisible():
        soak.click(button)


def lock_now(soak: Soak) -> None:
    """File → Lock now; sometimes a wrong PIN first; then the right one."""
    action = descendant(soak.window, QAction, "action_lock")
    action.trigger()
    if not soak.window.idle_lock.locked:
        raise SoakError("Lock now did not lock")
    if soak.rng.random() < 0.3:
        from ui.idle_lock import LockCurtain

        curtain = next(iter(descendants(soak.window, LockCurtain, direct_only=True)))
        soak.type(curtain.pin, "0000", replace=True)
        QTest.keyClick(curtain.pin, Qt.Key.Key_Return)
        if not soak.window.idle_lock.locked:
            raise SoakError("a wrong PIN unlocked ClientCare")
    soak.unlock()


def idle_lock(soak: Soak) -> None:
    step_away(soak)


def a_moment(soak: Soak) -> None:
    """A person reading: the event loop runs (Today's timer, refreshes after changes)."""
    soak.pause(soak.rng.uniform(0.05, 0.3))


#: name -> (what it does, how often relative to the others).
ACTIONS: dict[str, Action] = {
    "visit_section": Action(visit_section, 14),
    "search_clients": Action(search_clients, 12),
    "open_client": Action(open_client, 8),
    "edit_client": Action(edit_client, 2),
    "add_fact": Action(add_fact, 1),
    "new_client": Action(new_client, 0.3),
    "browse_calendar": Action(browse_calendar, 8),
    "book_appointment": Action(book_appointment, 3),
    "move_appointment": Action(move_appointment, 2),
    "cancel_appointment": Action(cancel_appointment, 1.5),
    "write_up_session": Action(write_up_session, 3),
    "new_contact": Action(new_contact, 1.5),
    "running_late": Action(running_late, 1.5),
    "record_payment": Action(record_payment, 1.5),
    "refer_client": Action(refer_client, 0.7),
    "follow_up_referral": Action(follow_up_referral, 1),
    "new_issue": Action(new_issue, 1),
    "resolve_issue": Action(resolve_issue, 0.8),
    "record_expectation": Action(record_expectation, 0.6),
    "check_in": Action(check_in, 1),
    "print_brief": Action(print_brief, 0.7),
    "print_day_sheet": Action(print_day_sheet, 0.5),
    "care_item": Action(care_item, 3),
    "lock_now": Action(lock_now, 0.6),
    "idle_lock": Action(idle_lock, 0.3),
    "a_moment": Action(a_moment, 3),
}
