"""A day in the life: the demo practice on Monday 23 November 2026 at 10:42, walked through
the real main window as the practitioner would.

Dr. Ada Example (the practitioner at this computer) is still with her previous client at
10:42, and Ngozi's 10:30 appointment is in progress without her. The walk:

Today → "I'm running late…" for the appointment in progress (12 minutes, from the clock;
past the practice's 10-minute threshold, so the offer to reschedule is forced) → Ngozi's
choice (she will wait) → "Arrived…" → "Write up…" from Today's row → the checklist →
Finalise, marking the appointment completed → the client copy of the summary as a PDF →
a payment and a referral from Ngozi's page.

At every step the client and the appointment shown, and those stored, are checked against
the ids the database gives: a path that lands on another of the demo's clients, or on
another appointment, fails at that step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TypeVar

import pytest
import time_machine
from PySide6.QtCore import Qt, QTime, QUrl, QUrlQuery
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare import appointments, clients
from clientcare.db.engine import Database
from clientcare.db.migrate import open_database
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    ChecklistAnswer,
    ChecklistAnswerValue,
    ContactChannel,
    Interaction,
    InteractionState,
    LatenessNotice,
    LatenessOutcome,
    LatePerson,
    Payment,
    Principle,
    Referral,
    ReferralDirection,
)
from clientcare.demo import create_demo_database
from clientcare.practice import list_practitioners
from tests.ui.conftest import open_client_tab
from tests.ui.test_printing import flat, pdf_pages
from ui.dialogs.arrival import ArrivalDialog
from ui.dialogs.finalise import FinaliseDialog
from ui.dialogs.interaction import InteractionEditor
from ui.dialogs.payment import PaymentDialog
from ui.dialogs.print_summary import PrintSummaryDialog
from ui.dialogs.referral import ReferralDialog
from ui.dialogs.running_late import RunningLateDialog
from ui.main_window import MainWindow
from ui.models.today import Moment, TodayColumn
from ui.ops import Operations
from ui.screens.clients import ClientsScreen
from ui.screens.today import TodayScreen

DAY = dt.date(2026, 11, 23)  # a Monday
NOW = dt.datetime.combine(DAY, dt.time(10, 42))
ARRIVED = dt.datetime.combine(DAY, dt.time(10, 26))

SESSION_NOTES = "Low mood this week; sleep poor since the move."
CLIENT_WORDS = "I nearly cancelled, but talking about my sister helped."
NEXT_STEPS = "Write down two things that went well each evening."
PRIVATE_NOTES = "Ask supervision about the family history."
NOT_APPLICABLE_REASON = "Nothing she told me was forgotten"
REFERRAL_REASON = "Eating has become hard since the move; a dietitian may help."

D = TypeVar("D", bound=QDialog)
#: The ``typist`` fixture (tests/ui/conftest.py): types into a widget key by key.
Typist = Callable[[QWidget, str], None]


# -- the practice, the clock and the window ---------------------------------------------


@dataclass(frozen=True)
class Booking:
    """The appointment in progress at 10:42 and whose it is, as the database says."""

    appointment_id: int
    client_id: int
    practitioner_id: int
    preferred_name: str
    full_name: str
    phone: str


@pytest.fixture
def monday() -> Iterator[None]:
    """Every ``now()`` and ``today()`` in the app reads Monday 10:42, set-up and tear-down
    included. The clock stands still, so ``qtbot.waitUntil`` (timed by ``time.time``) could
    never time out: the walk waits for nothing (every step here updates the screens
    before the click returns)."""
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def database(monday: None, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "demo.sqlite3"
    create_demo_database(path, today=DAY)
    database, _report = open_database(path)
    yield database
    database.dispose()


@pytest.fixture
def window(qtbot: QtBot, database: Database) -> MainWindow:
    main = MainWindow(Operations(database), demo=True)
    qtbot.addWidget(main)
    main.resize(1366, 728)
    main.show()
    qtbot.waitExposed(main)
    return main


def in_progress(database: Database) -> Booking:
    """The current practitioner's appointment that started before 10:42 and is still on.

    The demo books one (10:30, 50 minutes, Ngozi); should the demo change and lose it,
    the test fails here rather than somewhere in the walk.
    """
    with database.reading() as session:
        me = next(p for p in list_practitioners(session) if p.is_current_user)
        day_start = dt.datetime.combine(DAY, dt.time())
        found = [
            item
            for item in appointments.appointments_between(
                session, day_start, day_start + dt.timedelta(days=1), me.id
            )
            if item.start < NOW < item.end and item.status is AppointmentStatus.SCHEDULED
        ]
        assert len(found) == 1, found
        [item] = found
        client = clients.get_client(session, item.client_id)
    assert item.start == dt.datetime.combine(DAY, dt.time(10, 30))
    return Booking(
        appointment_id=item.id,
        client_id=item.client_id,
        practitioner_id=me.id,
        preferred_name=client.preferred_name,
        full_name=client.full_name,
        phone=client.phone,
    )


# -- acting as a person would, and reading what was stored --------------------------------


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click ``button``; one hidden or disabled is a broken step, not a silent no-op."""
    assert button.isVisible(), f"{button.objectName() or button.text()} is not shown"
    assert button.isEnabled(), f"{button.objectName() or button.text()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


class Modal:
    """A stand-in for a hook that runs a dialog modally (``exec()``).

    Each dialog is shown and kept, to be taken with :meth:`take` once the click that
    opened it has returned. With a ``person`` (for a hook whose caller needs the answer
    at once: finalise, a payment, a referral) the dialog is worked there and then and the
    answer is whether it was accepted; a failure in there is raised again by ``take``, at
    the step, rather than lost in Qt's event loop.
    """

    def __init__(self, qtbot: QtBot, person: Callable[[Any], None] | None = None) -> None:
        self.qtbot = qtbot
        self.person = person
        self.opened: list[QDialog] = []
        self.failure: Exception | None = None

    def __call__(self, dialog: QDialog) -> bool:
        self.qtbot.addWidget(dialog)
        dialog.show()
        self.qtbot.waitExposed(dialog)
        self.opened.append(dialog)
        if self.person is not None:
            try:
                self.person(dialog)
            except Exception as error:
                self.failure = error
                return False
        return dialog.result() == QDialog.DialogCode.Accepted

    def take(self, kind: type[D]) -> D:
        """The one dialog opened since the last take, of the kind expected."""
        if self.failure is not None:
            raise self.failure
        assert len(self.opened) == 1, self.opened
        dialog = self.opened.pop()
        assert isinstance(dialog, kind), dialog
        return dialog


def stored_rows(database: Database, model: Any, *where: Any) -> list[SimpleNamespace]:
    """The rows of ``model`` matching ``where``, as stored now (their columns' values)."""
    columns = [column.key for column in model.__mapper__.column_attrs]
    with database.reading() as session:
        found = session.scalars(select(model).where(*where)).all()
        return [SimpleNamespace(**{key: getattr(one, key) for key in columns}) for one in found]


def stored(database: Database, model: Any, id_: int) -> SimpleNamespace:
    [found] = stored_rows(database, model, model.id == id_)
    return found


def ids_of(database: Database, model: Any) -> set[int]:
    with database.reading() as session:
        return set(session.scalars(select(model.id)).all())


# -- Today ------------------------------------------------------------------------------


def today_row(screen: TodayScreen, appointment_id: int) -> int:
    found = [n for n, row in enumerate(screen.model.rows) if row.appointment.id == appointment_id]
    assert len(found) == 1, f"appointment {appointment_id} is not on Today once: {found}"
    return found[0]


def row_status(screen: TodayScreen, booking: Booking) -> str:
    index = screen.model.index(today_row(screen, booking.appointment_id), TodayColumn.STATUS)
    return str(index.data())


def select_on_today(qtbot: QtBot, screen: TodayScreen, booking: Booking) -> None:
    """Click the appointment's row and check that it is the one selected."""
    index = screen.model.index(today_row(screen, booking.appointment_id), TodayColumn.CLIENT)
    assert index.data() == booking.preferred_name
    qtbot.mouseClick(
        screen.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=screen.table.visualRect(index).center(),
    )
    selected = screen.selected_row()
    assert selected is not None
    assert selected.appointment.id == booking.appointment_id
    assert selected.appointment.client_id == booking.client_id
    assert screen.row_label.text() == f"10:30 {booking.preferred_name}"


# -- the walk ---------------------------------------------------------------------------


def test_a_day_in_the_life(
    monday: None,
    qtbot: QtBot,
    database: Database,
    window: MainWindow,
    typist: Typist,
    tmp_path: Path,
) -> None:
    booking = in_progress(database)
    today = window.screens["today"]
    assert isinstance(today, TodayScreen)
    assert window.current_section() == "today"
    opened = Modal(qtbot)
    today.run_dialog = opened  # type: ignore[method-assign]

    # Today opens on the day, with the appointment in progress marked "Now".
    assert today.heading.text() == "Today — Monday 23 November"
    assert today.model.rows[today_row(today, booking.appointment_id)].moment is Moment.NOW
    assert today.upcoming_label.text() == f"Now: 10:30 with {booking.preferred_name}"
    assert row_status(today, booking) == "Scheduled · note due"

    # -- running late: the notice, then the client's choice ----------------------------
    click(qtbot, today.running_late_button)
    late = opened.take(RunningLateDialog)
    notice = tell_the_client(qtbot, late, booking, database)
    assert notice.appointment_id == booking.appointment_id
    assert notice.expected_minutes == 12
    assert notice.told_at == NOW
    assert notice.channel is ContactChannel.SMS
    assert notice.reschedule_offered and notice.reschedule_required
    assert notice.outcome is LatenessOutcome.PENDING

    click(qtbot, late.wait_button)  # Ngozi will wait
    assert late.outcome_label.text() == "Recorded: Will wait."
    assert stored(database, LatenessNotice, notice.id).outcome is LatenessOutcome.WAIT
    click(qtbot, late.close_buttons.button(late.close_buttons.StandardButton.Close))
    assert not late.isVisible()
    assert row_status(today, booking) == "Scheduled · note due · told 12 min late: Will wait"

    # -- arrived ---------------------------------------------------------------------
    select_on_today(qtbot, today, booking)
    click(qtbot, today.row_arrived_button)
    arrival = opened.take(ArrivalDialog)
    assert arrival.appointment.id == booking.appointment_id
    assert arrival.windowTitle() == f"{booking.preferred_name} has arrived"
    # Ngozi has been in the waiting room since 10:26: that time is typed over the
    # dialog's "now". (Left at 10:42, the arrival would count her 12 minutes late, past
    # the threshold, for the practitioner's own delay.)
    arrival.arrived_at.setFocus()
    arrival.arrived_at.setSelectedSection(arrival.arrived_at.Section.MinuteSection)
    typist(arrival.arrived_at, "26")
    assert arrival.arrived_at.time() == QTime(10, 26)
    click(qtbot, arrival.record_button)
    assert arrival.result() == QDialog.DialogCode.Accepted  # on time: nothing to choose
    booked = stored(database, Appointment, booking.appointment_id)
    assert booked.status is AppointmentStatus.ARRIVED
    assert booked.client_arrived_at == ARRIVED
    assert not stored_rows(
        database,
        LatenessNotice,
        LatenessNotice.appointment_id == booking.appointment_id,
        LatenessNotice.who_is_late == LatePerson.CLIENT,
    )
    assert row_status(today, booking) == "Arrived · note due · told 12 min late: Will wait"

    # -- the write-up, from Today's row ---------------------------------------------------
    select_on_today(qtbot, today, booking)
    click(qtbot, today.row_write_up_button)
    editor = opened.take(InteractionEditor)
    assert editor.client_id == booking.client_id
    assert editor.windowTitle() == f"Session with {booking.preferred_name}"
    assert editor.heading.text() == booking.full_name
    assert editor.greeting.text().startswith(f"Greet as “{booking.preferred_name}”")
    assert editor.appointment.currentData() == booking.appointment_id
    assert editor.practitioner.currentData() == booking.practitioner_id
    assert editor.minutes_late.value() == 12  # from the notice sent

    typist(editor.texts["notes"], SESSION_NOTES)
    typist(editor.texts["client_words"], CLIENT_WORDS)
    typist(editor.texts["next_steps"], NEXT_STEPS)
    typist(editor.texts["practitioner_only_notes"], PRIVATE_NOTES)
    answers = answer_the_checklist(qtbot, editor, typist)

    finalising = Modal(qtbot, lambda dialog: complete_the_appointment(qtbot, dialog, booking))
    editor.run_finalise_dialog = finalising  # type: ignore[method-assign]
    click(qtbot, editor.finalise_button)
    finalising.take(FinaliseDialog)
    [note] = stored_rows(
        database, Interaction, Interaction.appointment_id == booking.appointment_id
    )
    assert note.state is InteractionState.FINAL
    assert note.client_id == booking.client_id
    assert note.practitioner_id == booking.practitioner_id
    assert (note.client_words, note.practitioner_only_notes) == (CLIENT_WORDS, PRIVATE_NOTES)
    assert stored_answers(database, note.id) == answers
    assert stored(database, Appointment, booking.appointment_id).status is (
        AppointmentStatus.COMPLETED
    )
    assert editor.windowTitle() == f"Session with {booking.preferred_name} — finalised"
    assert "The appointment of 10:30 is marked completed." in editor.status.text()

    # -- the client copy of the summary ------------------------------------------------
    printing = Modal(qtbot)
    editor.run_print_dialog = printing  # type: ignore[method-assign]
    click(qtbot, editor.print_button)
    summary = printing.take(PrintSummaryDialog)
    assert summary.interaction_id == note.id
    heading = summary.findChild(QLabel, "print_summary_heading")
    assert heading.text() == f"Session with {booking.preferred_name}, 23 Nov 2026"
    text = flat(pdf_pages(save_the_client_copy(qtbot, summary, tmp_path)))
    assert f"Dear {booking.preferred_name}," in text
    assert CLIENT_WORDS in text
    assert NEXT_STEPS in text
    assert f"Your next appointment {next_appointment(database, booking)}" in text
    assert SESSION_NOTES not in text
    assert PRIVATE_NOTES not in text
    click(qtbot, editor.close_button)
    assert not editor.isVisible()
    assert row_status(today, booking) == (
        "Completed · note finalised · told 12 min late: Will wait"
    )

    # -- Ngozi's page: a payment, then a referral -----------------------------------------
    select_on_today(qtbot, today, booking)
    click(qtbot, today.row_client_button)
    assert window.current_section() == "clients"
    clients_screen = window.screens["clients"]
    assert isinstance(clients_screen, ClientsScreen)
    page = clients_screen.form
    assert page.client is not None and page.client.id == booking.client_id
    assert page.full_name.text() == booking.full_name
    money = page.money_panel
    assert money.client_id == booking.client_id

    payments_before = ids_of(database, Payment)
    paying = Modal(qtbot, lambda dialog: pay(qtbot, dialog, booking, typist))
    money.run_dialog = paying  # type: ignore[method-assign]
    open_client_tab(qtbot, page, "money")
    click(qtbot, money.record_payment_button)
    paying.take(PaymentDialog)
    [payment_id] = ids_of(database, Payment) - payments_before
    payment = stored(database, Payment, payment_id)
    assert payment.client_id == booking.client_id
    assert (payment.amount_minor, payment.paid_on) == (7500, DAY)
    assert money.balance_label.text() == "Credit £75.00"

    referrals_before = ids_of(database, Referral)
    referring = Modal(qtbot, lambda dialog: refer(qtbot, dialog, booking, typist))
    page.run_dialog = referring  # type: ignore[method-assign]
    open_client_tab(qtbot, page, "referrals")
    click(qtbot, page.refer_button)
    referring.take(ReferralDialog)
    [referral_id] = ids_of(database, Referral) - referrals_before
    referral = stored(database, Referral, referral_id)
    assert referral.client_id == booking.client_id
    assert referral.direction is ReferralDirection.OUTGOING
    assert (referral.reason, referral.referred_on) == (REFERRAL_REASON, DAY)
    listed = page.client_referrals_model
    assert listed.item(0).text() == (
        "23 Nov 2026 · to Example Nutrition Clinic (fictional) · Suggested"
    )
    assert page.client is not None and page.client.id == booking.client_id


# -- the steps inside the dialogs --------------------------------------------------------


def tell_the_client(
    qtbot: QtBot, dialog: RunningLateDialog, booking: Booking, database: Database
) -> SimpleNamespace:
    """Check the draft (the minutes from the clock, the offer forced), open it in SMS, and
    record it as sent by SMS; the notice as stored."""
    assert dialog.appointment.id == booking.appointment_id
    assert dialog.client.id == booking.client_id
    assert dialog.heading.text().startswith(f"{booking.preferred_name} — Mon 23 Nov 10:30")
    # 12 minutes have gone since 10:30: the lateness starts there and cannot go below it.
    assert dialog.minutes.value() == 12
    assert dialog.minutes.minimum() == 12
    assert dialog.started_on_time.isVisible()
    assert dialog.started_on_time.text() == "The session started on time (12 min ago)"
    # Past the 10-minute threshold the offer to reschedule is in the message, and must be.
    assert dialog.draft is not None and dialog.draft.reschedule_required
    assert dialog.locked_line.isVisible()
    assert dialog.locked_line.text() == (
        "This message offers rescheduling (required past 10 minutes)"
    )
    message = dialog.message.toPlainText()
    assert message.startswith(f"Hello {booking.preferred_name},")
    assert "12 minutes late for our 10:30 appointment" in message
    assert "If you would rather reschedule" in message

    sent: list[QUrl] = []
    dialog.open_url = sent.append  # type: ignore[method-assign]
    click(qtbot, dialog.sms_button)
    [url] = sent
    assert (url.scheme(), url.path()) == ("sms", booking.phone)
    body = QUrlQuery(url).queryItemValue("body", QUrl.ComponentFormattingOption.FullyDecoded)
    assert body.replace("\r\n", "\n") == message

    dialog.channel.setFocus()
    qtbot.keyClicks(dialog.channel, "S")  # "Told by": SMS
    assert dialog.channel.currentData() == ContactChannel.SMS.value
    click(qtbot, dialog.record_button)
    assert dialog.record_button.text() == "Recorded at 10:42"
    assert dialog.choice_box.isVisible()
    [notice] = stored_rows(
        database,
        LatenessNotice,
        LatenessNotice.who_is_late == LatePerson.PRACTITIONER,
        LatenessNotice.told_at == NOW,
    )
    return notice


def answer_the_checklist(
    qtbot: QtBot,
    editor: InteractionEditor,
    typist: Typist,
) -> dict[int, ChecklistAnswerValue]:
    """Answer every row still asking for an answer: Done, except "ask again what you
    forgot" (4), which does not apply (its reason typed, then Return). The answers given,
    by the principle's number."""
    rows = dict(editor.checklist_rows)
    # The notice sent answers "be on time" (11) and "offer to reschedule" (12) by itself.
    for number in (11, 12):
        assert rows[number].value() is ChecklistAnswerValue.DONE
    answer = rows[12].item.answer
    assert answer is not None and "the client chose: wait" in answer.note
    answers: dict[int, ChecklistAnswerValue] = {}
    for number, row in rows.items():
        if not row.buttons or row.value() is not None:
            continue  # checked as you type, or answered already
        if number == 4:
            click(qtbot, row.buttons[ChecklistAnswerValue.NOT_APPLICABLE])
            assert row.text is not None and row.text.isVisible()
            typist(row.text, NOT_APPLICABLE_REASON)
            qtbot.keyClick(row.text, Qt.Key.Key_Return)
            answers[number] = ChecklistAnswerValue.NOT_APPLICABLE
        else:
            click(qtbot, row.buttons[ChecklistAnswerValue.DONE])
            answers[number] = ChecklistAnswerValue.DONE
        assert row.error is not None and not row.error.isVisible(), row.error.text()
    assert 4 in answers and 14 in answers  # the demo's checklist, as the walk expects it
    return answers


def stored_answers(database: Database, interaction_id: int) -> dict[int, ChecklistAnswerValue]:
    with database.reading() as session:
        found = session.execute(
            select(Principle.number, ChecklistAnswer.answer, ChecklistAnswer.reason)
            .join(Principle, Principle.id == ChecklistAnswer.principle_id)
            .where(ChecklistAnswer.interaction_id == interaction_id)
        ).all()
    assert {number: reason for number, _answer, reason in found if reason} == {
        4: NOT_APPLICABLE_REASON
    }
    return {number: answer for number, answer, _reason in found}


def complete_the_appointment(qtbot: QtBot, dialog: FinaliseDialog, booking: Booking) -> None:
    """ "Finalise the session note?": yes, with "Also mark the appointment completed"."""
    question = dialog.findChild(QWidget, "finalise_question")
    assert isinstance(question, QLabel) and booking.preferred_name in question.text()
    assert dialog.complete.isVisible() and dialog.complete.isChecked()
    assert dialog.complete.text() == (
        "Also mark the appointment of Mon 23 Nov 2026 10:30 as completed"
    )
    click(qtbot, dialog.finalise_button)


def save_the_client_copy(qtbot: QtBot, dialog: PrintSummaryDialog, folder: Path) -> Path:
    """Choose the copy for the client and save it as a PDF in ``folder``."""
    assert not dialog.pdf_button.isEnabled()  # nothing goes out before the choice
    click(qtbot, dialog.for_client)
    suggested: list[Path] = []

    def save_to(path: Path) -> Path:
        suggested.append(path)
        return folder / path.name

    dialog.ask_save_path = save_to  # type: ignore[method-assign]
    click(qtbot, dialog.pdf_button)
    [name] = suggested
    assert name.name.endswith("for the client.pdf")
    saved = folder / name.name
    assert saved.is_file()
    return saved


def next_appointment(database: Database, booking: Booking) -> str:
    """The client's next appointment, as the client copy writes it."""
    with database.reading() as session:
        summary = appointments.client_appointments(session, booking.client_id, now=NOW)
    start = summary.upcoming[0].start
    return f"{start:%A}, {start.day} {start:%B %Y}, {start:%H:%M}"


def pay(qtbot: QtBot, dialog: PaymentDialog, booking: Booking, typist: Typist) -> None:
    assert dialog.client_id == booking.client_id
    assert dialog.heading.text() == f"Payment from {booking.full_name}"
    typist(dialog.amount, "75.00")
    assert dialog.after_label.text() == (
        "There is no balance now: it will be kept as credit. Credit held after: £75.00."
    )
    click(qtbot, dialog.save_button)


def refer(qtbot: QtBot, dialog: ReferralDialog, booking: Booking, typist: Typist) -> None:
    assert dialog.client.client_id() == booking.client_id
    assert dialog.client.text().startswith(booking.full_name)
    assert not dialog.client.isEnabled()  # from her own page, the referral is hers
    dialog.provider.setFocus()
    qtbot.keyClicks(dialog.provider, "E")  # "Refer to": the first provider starting with E
    assert dialog.provider.currentText().startswith("Example Nutrition Clinic (fictional)")
    typist(dialog.reason, REFERRAL_REASON)
    click(qtbot, dialog.save_button)
