"""The layout of the appointment dialog (:class:`ui.dialogs.appointment.AppointmentDialog`
behaves)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clientcare import series
from ui.dialog import Dialog
from ui.widgets.client_picker import ClientPicker
from ui.widgets.fields import FieldWithError, error_label


class AppointmentDialogView(Dialog):
    """The status and its actions on top, the form (client, practitioner, service, start,
    duration, mode, location, notes, repeat) with an error line under each field, the
    conflict and form messages, and Save / Cancel / Reload.

    ``client`` is the client field (a picker that reads the clients, made by the dialog).
    """

    def __init__(self, client: ClientPicker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appointment_dialog")
        self.setMinimumWidth(640)

        self.client = client
        self.practitioner = QComboBox()
        self.service = QComboBox()
        self.service.setToolTip(
            self.tr("What is offered; its fee is charged unless the client has their own fee")
        )
        self.start = QDateTimeEdit()
        self.start.setCalendarPopup(True)
        self.duration = QSpinBox()
        self.duration.setRange(-1000, 10_000)  # the domain says what is allowed, in words
        self.duration.setSuffix(self.tr(" min"))
        self.mode = QComboBox()
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("Room, address or video link"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)

        self.repeat = QComboBox()
        self.repeat.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.repeat.addItem(self.tr("Does not repeat"), None)
        self.repeat.addItem(self.tr("Weekly"), (series.Frequency.WEEKLY.value, 1))
        self.repeat.addItem(self.tr("Every 2 weeks"), (series.Frequency.WEEKLY.value, 2))
        self.repeat.addItem(self.tr("Every 3 weeks"), (series.Frequency.WEEKLY.value, 3))
        self.repeat.addItem(self.tr("Every 4 weeks"), (series.Frequency.WEEKLY.value, 4))
        self.repeat.addItem(
            self.tr("Monthly, same weekday"), (series.Frequency.MONTHLY_BY_WEEKDAY.value, 1)
        )
        self.times = QSpinBox()
        self.times.setRange(1, 10_000)
        self.times.setValue(10)
        self.times.setSuffix(self.tr(" times"))
        self.repeat_row = QWidget()
        repeat_layout = QHBoxLayout(self.repeat_row)
        repeat_layout.setContentsMargins(0, 0, 0, 0)
        repeat_layout.addWidget(self.repeat, 1)
        repeat_layout.addWidget(QLabel(self.tr("for")))
        repeat_layout.addWidget(self.times)
        self.until_check = QCheckBox(self.tr("or until"))
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setEnabled(False)
        repeat_layout.addWidget(self.until_check)
        repeat_layout.addWidget(self.until)

        editors = {
            "client_id": (self.tr("&Client *"), self.client),
            "practitioner_id": (self.tr("&Practitioner"), self.practitioner),
            "service": (self.tr("Se&rvice"), self.service),
            "start": (self.tr("&Start"), self.start),
            "duration_minutes": (self.tr("&Duration"), self.duration),
            "mode": (self.tr("&Mode"), self.mode),
            "location": (self.tr("&Location"), self.location),
            "notes": (self.tr("&Notes"), self.notes),
            "repeat": (self.tr("&Repeat"), self.repeat_row),
        }
        self.fields: dict[str, FieldWithError] = {}
        form = self.form_layout = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, (label_text, editor) in editors.items():
            editor.setObjectName(name)
            editor.setAccessibleName(label_text.replace("&", "").rstrip(" *"))
            wrapper = FieldWithError(editor, name)
            self.fields[name] = wrapper
            label = QLabel(label_text)
            label.setBuddy(editor)
            form.addRow(label, wrapper)

        self.conflict_box = error_label("conflict_message")
        self.override = QCheckBox(self.tr("Book anyway (double-booking)"))
        self.override.setObjectName("allow_conflict")
        self.override.hide()
        self.form_error = error_label("form_error")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_appointment")
        # Shown when another practitioner saved this appointment after it was opened here.
        self.reload_button = QPushButton(self.tr("&Reload"))
        self.reload_button.setObjectName("reload_appointment")
        self.reload_button.setToolTip(
            self.tr("Show the appointment as now stored (what you typed here is discarded)")
        )
        self.buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.reload_button.hide()

        self.status_label = QLabel()
        self.status_label.setObjectName("appointment_status")
        self.status_label.setWordWrap(True)
        self.actions_row = QWidget()
        actions = QHBoxLayout(self.actions_row)
        actions.setContentsMargins(0, 0, 0, 0)
        self.arrived_button = QPushButton(self.tr("Arrived"))
        self.arrived_button.setObjectName("mark_arrived")
        self.completed_button = QPushButton(self.tr("Completed"))
        self.completed_button.setObjectName("mark_completed")
        self.no_show_button = QPushButton(self.tr("No-show"))
        self.no_show_button.setObjectName("mark_no_show")
        self.write_up_button = QPushButton(self.tr("Write up…"))
        self.write_up_button.setObjectName("write_up")
        self.write_up_button.setToolTip(
            self.tr("Notes, the client's own words and the service principles for this session")
        )
        self.reschedule_button = QPushButton(self.tr("Reschedule…"))
        self.reschedule_button.setObjectName("reschedule_appointment")
        self.reschedule_button.setToolTip(
            self.tr("Book a new time and keep this one, marked rescheduled, linked to it")
        )
        self.cancel_appointment_button = QPushButton(self.tr("Cancel appointment…"))
        self.cancel_appointment_button.setObjectName("cancel_appointment")
        for button in (
            self.write_up_button,
            self.arrived_button,
            self.completed_button,
            self.no_show_button,
            self.reschedule_button,
            self.cancel_appointment_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.actions_row)
        layout.addLayout(form)
        layout.addWidget(self.conflict_box)
        layout.addWidget(self.override)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)
