"""The client has arrived: when, and — past the threshold — what suits them now.

The arrival is stored as soon as the time is confirmed (lateness.record_client_arrival).
Past the practice threshold the dialog then shows, in neutral words, the options
the practice allows; the choice and an optional note of the client's
circumstances are stored on the client's lateness notice
(lateness.record_client_choice) — context for care, never a mark against them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from clientcare import appointments, lateness, locale_format
from clientcare.appointments import AppointmentDetail
from clientcare.concurrency import StaleEdit
from clientcare.errors import NotFoundError, ValidationError
from clientcare.language import load_checker
from clientcare.lateness import ClientArrival, ClientLateOption
from clientcare.practice import get_settings
from ui.dialog import Dialog
from ui.ops import Operations
from ui.widgets.fields import FieldWithError, error_label, localise_date_edit
from ui.widgets.language_highlighter import LanguageHighlighter


def _message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(problem.message for problem in error.errors)
    return str(error)


class ArrivalDialog(Dialog):
    """Record when the client arrived; past the threshold, offer what the practice allows."""

    def __init__(
        self,
        ops: Operations,
        appointment: AppointmentDetail,
        *,
        now: dt.datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.appointment = appointment
        self.arrival: ClientArrival | None = None
        self.chosen: ClientLateOption | None = None
        self.choice_saved = False
        self.setObjectName("arrival_dialog")
        self.setWindowTitle(self.tr("{name} has arrived").format(name=self._name))
        self.setMinimumWidth(480)
        self.practice_locale = ops.read(
            lambda s: get_settings(s).locale
        )  # times as the practice writes

        moment = now or dt.datetime.now()
        booked = QLabel(
            self.tr("Booked for {start}–{end} with {practitioner}.").format(
                start=locale_format.time(appointment.start, self.practice_locale),
                end=locale_format.time(appointment.end, self.practice_locale),
                practitioner=appointment.practitioner_name,
            )
        )
        booked.setObjectName("arrival_booked")
        booked.setWordWrap(True)
        self.arrived_at = QTimeEdit(QTime(moment.hour, moment.minute))
        self.arrived_at.setObjectName("arrived_at")
        localise_date_edit(self.arrived_at, self.practice_locale)
        self.arrived_at.setAccessibleName(self.tr("Arrival time"))
        self.arrived_at.setMaximumWidth(120)
        self.time_field = FieldWithError(self.arrived_at, "arrived_at")
        form = QFormLayout()
        label = QLabel(self.tr("&Arrived at"))
        label.setBuddy(self.arrived_at)
        form.addRow(label, self.time_field)

        self.record_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = QPushButton(self.tr("&Record arrival"))
        self.record_button.setObjectName("record_arrival")
        self.record_button.setDefault(True)
        self.record_buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.record_buttons.accepted.connect(self.record)
        self.record_buttons.rejected.connect(self.reject)

        self.options_panel = self._build_options()
        self.options_panel.hide()

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(booked)
        layout.addLayout(form)
        layout.addWidget(self.record_buttons)
        layout.addWidget(self.options_panel)

    @property
    def _name(self) -> str:
        return self.appointment.client_preferred_name or self.appointment.client_name

    def _build_options(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("arrival_options")
        self.late_message = QLabel()
        self.late_message.setObjectName("late_message")
        self.late_message.setWordWrap(True)
        self.option_group = QButtonGroup(panel)
        self.option_buttons: dict[ClientLateOption, QRadioButton] = {}
        self.options_layout = QVBoxLayout()
        self.options_layout.setSpacing(6)
        self.options_layout.setContentsMargins(12, 0, 0, 0)
        self.option_error = error_label("arrival_option_error")

        self.note = QPlainTextEdit()
        self.note.setObjectName("arrival_note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(64)
        self.note.setPlaceholderText(
            self.tr("Optional: anything about their circumstances worth remembering")
        )
        self.note.setAccessibleName(self.tr("Note"))
        self.highlighter = LanguageHighlighter(self.note.document(), self.ops.read(load_checker))
        note_label = QLabel(self.tr("&Note (optional)"))
        note_label.setBuddy(self.note)
        hint = QLabel(self.tr("Kept with this arrival, together with the choice."))
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.note_field = FieldWithError(self.note, "arrival_note")

        self.choice_buttons = QDialogButtonBox()
        self.save_choice_button = self.choice_buttons.addButton(
            self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_choice_button.setObjectName("save_arrival_choice")
        self.later_button = self.choice_buttons.addButton(
            self.tr("Decide &later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.later_button.setObjectName("decide_later")
        self.later_button.setToolTip(self.tr("The arrival is already recorded"))
        self.choice_buttons.accepted.connect(self.save_choice)
        self.choice_buttons.rejected.connect(self.accept)

        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.late_message)
        layout.addLayout(self.options_layout)
        layout.addWidget(self.option_error)
        layout.addSpacing(4)
        layout.addWidget(note_label)
        layout.addWidget(self.note_field)
        layout.addWidget(hint)
        layout.addWidget(self.choice_buttons)
        return panel

    def arrival_time(self) -> dt.datetime:
        """The time in the editor, on the appointment's day."""
        time = self.arrived_at.time()
        return dt.datetime.combine(
            self.appointment.start.date(), dt.time(time.hour(), time.minute())
        )

    def record(self) -> None:
        """Store the arrival; close when on time, otherwise show the options."""
        arrived_at = self.arrival_time()
        appointment_id = self.appointment.id
        version = self.appointment.version
        self.time_field.show_error(None)
        try:
            arrival = self.ops.run(
                lambda s: lateness.record_client_arrival(
                    s, appointment_id, arrived_at, expected_version=version
                ),
            )
        except StaleEdit as error:
            # Someone else changed the appointment since this was opened: say who and
            # when, and read it again, so confirming once more acts on what is stored.
            self.time_field.show_error(_message(error))
            try:
                self.appointment = self.ops.read(
                    lambda s: appointments.get_appointment(s, appointment_id)
                )
            except NotFoundError as gone:
                self.time_field.show_error(_message(gone))
            return
        except (ValidationError, NotFoundError) as error:
            self.time_field.show_error(_message(error))
            return
        self.arrival = arrival
        self.appointment = arrival.appointment
        if not arrival.past_threshold or not arrival.options:
            self.accept()
            return
        self._show_options(arrival)

    def option_label(self, option: ClientLateOption, arrival: ClientArrival) -> str:
        end = locale_format.time(arrival.appointment.end, self.practice_locale)
        if option is ClientLateOption.SHORTEN:
            return self.tr("Keep the end time: {minutes} minutes together, until {end}").format(
                minutes=arrival.remaining_minutes, end=end
            )
        if option is ClientLateOption.RESCHEDULE:
            return self.tr("Find another time that works better")
        return self.tr("Go ahead as booked: the full {minutes} minutes").format(
            minutes=arrival.appointment.duration_minutes
        )

    def _show_options(self, arrival: ClientArrival) -> None:
        self.arrived_at.setEnabled(False)
        self.record_buttons.hide()
        self.late_message.setText(
            self.tr(
                "{name} arrived {minutes} minutes after the start. "
                "That happens; choose what suits you both:"
            ).format(name=self._name, minutes=arrival.minutes_late)
        )
        for option in arrival.options:
            button = QRadioButton(self.option_label(option, arrival))
            button.setObjectName(f"arrival_option_{option.value}")
            self.option_group.addButton(button)
            self.option_buttons[option] = button
            self.options_layout.addWidget(button)
        self.options_panel.show()
        self.save_choice_button.setDefault(True)
        self.adjustSize()

    def selected_option(self) -> ClientLateOption | None:
        return next((o for o, b in self.option_buttons.items() if b.isChecked()), None)

    def save_choice(self) -> None:
        """Store the choice and the note on the client's lateness notice, then close."""
        arrival = self.arrival
        option = self.selected_option()
        if arrival is None:
            return
        if option is None:
            self.option_error.setText("⚠ " + self.tr("Please choose one of the options."))
            self.option_error.show()
            return
        self.option_error.hide()
        self.note_field.show_error(None)
        notice_id = arrival.notice_id
        if notice_id is None:  # past the threshold there is always a notice
            return
        note = self.note.toPlainText()
        try:
            self.ops.run(
                lambda s: lateness.record_client_choice(
                    s, notice_id, option, note=note, now=dt.datetime.now()
                ),
            )
        except ValidationError as error:
            for problem in error.errors:
                if problem.field == "option":
                    self.option_error.setText("⚠ " + problem.message)
                    self.option_error.show()
                else:
                    self.note_field.show_error(problem.message)
            return
        except NotFoundError as error:
            self.note_field.show_error(_message(error))
            return
        self.chosen = option
        self.choice_saved = True
        self.accept()
