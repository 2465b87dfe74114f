"""The "I'm running late" dialog: draft the notice, send it, record it and the client's answer.

Every rule (the threshold, the reschedule offer, the cascade, free slots) is the
domain's, in ``clientcare.lateness``; this dialog shows what it drafts and hands
the person's choices back to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QUrl, QUrlQuery
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clientcare import appointments, clients, lateness, locale_format
from clientcare.appointments import OPEN_STATUSES, AppointmentDetail
from clientcare.db.models import ContactChannel, LatenessOutcome
from clientcare.errors import NotFoundError, ValidationError
from clientcare.language import load_checker
from clientcare.lateness import DraftNotice, NoticeRow
from clientcare.practice import get_settings
from ui import labels
from ui.dialog import Dialog
from ui.labels import QT_TRANSLATE_NOOP
from ui.ops import Operations
from ui.theme import set_heading
from ui.widgets.fields import FieldWithError, error_label
from ui.widgets.language_highlighter import LanguageHighlighter

CHANNELS: tuple[tuple[ContactChannel, str], ...] = (
    (ContactChannel.PHONE, QT_TRANSLATE_NOOP("labels", "Phone call")),
    (ContactChannel.SMS, QT_TRANSLATE_NOOP("labels", "SMS")),
    (ContactChannel.EMAIL, QT_TRANSLATE_NOOP("labels", "E-mail")),
    (ContactChannel.IN_PERSON, QT_TRANSLATE_NOOP("labels", "In person")),
)
DEFAULT_MINUTES = 10


def _messages(error: ValidationError | NotFoundError) -> str:
    if isinstance(error, ValidationError):
        return "\n".join(e.message for e in error.errors)
    return str(error)


def _recorder(
    appointment: AppointmentDetail,
    minutes: int,
    text: str,
    channel: ContactChannel,
    reschedule_offered: bool,
    *,
    include_later: bool,
    now: dt.datetime,
    started_on_time: bool = False,
):  # type: ignore[no-untyped-def]
    """One unit of work: the notice for ``appointment`` and, if asked, one per later one late."""

    def record(session):  # type: ignore[no-untyped-def]
        rows = [
            lateness.record_notice(
                session,
                appointment.id,
                minutes,
                text,
                channel,
                now=now,
                reschedule_offered=reschedule_offered,
                started_on_time=started_on_time,
            )
        ]
        if include_later:
            chain = lateness.cascade(
                session, appointment.practitioner_id, appointment.id, minutes, now=now
            )
            for detail, late in chain[1:]:
                draft = lateness.draft_notice(session, detail.id, late, now=now)
                rows.append(
                    lateness.record_notice(
                        session,
                        detail.id,
                        late,
                        draft.text,
                        channel,
                        now=now,
                        reschedule_offered=draft.reschedule_offered,
                    )
                )
        return rows

    return record


class RunningLateDialog(Dialog):
    """Tell a client (and, if asked, the later ones today) that the practitioner is late."""

    def __init__(
        self,
        ops: Operations,
        appointment_id: int,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        if clock is not None:  # the screen's clock (a test's fixed "now")
            self.now = clock  # type: ignore[method-assign]
        self.ops = ops
        self.setObjectName("running_late_dialog")
        self.setWindowTitle(self.tr("I'm running late"))
        self.setMinimumWidth(640)
        self.appointment: AppointmentDetail = ops.read(
            lambda s: appointments.get_appointment(s, appointment_id)
        )
        self.client = ops.read(lambda s: clients.get_client(s, self.appointment.client_id))
        settings = ops.read(get_settings)
        self.threshold = settings.lateness_threshold_minutes
        self.practice_locale = settings.locale  # times and days in the practice's locale
        self.draft: DraftNotice | None = None
        self.notices: list[NoticeRow] = []
        self.slots: list[dt.datetime] = []

        appointment = self.appointment
        self.heading = QLabel(
            self.tr("{name} \u2014 {day} {start}\u2013{end} with {practitioner}").format(
                name=appointment.client_preferred_name,
                day=locale_format.weekday_day_short(appointment.start.date(), self.practice_locale),
                start=self.time_text(appointment.start),
                end=self.time_text(appointment.end),
                practitioner=appointment.practitioner_name,
            )
        )
        self.heading.setObjectName("running_late_heading")
        self.heading.setWordWrap(True)
        set_heading(self.heading, "subheading")

        self.minutes = QSpinBox()
        self.minutes.setObjectName("minutes")
        self.minutes.setAccessibleName(self.tr("Minutes late"))
        self.minutes.setRange(lateness.MIN_LATE_MINUTES, lateness.MAX_LATE_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes_field = FieldWithError(self.minutes, "minutes")
        # From the clock: once the start has passed, the client has been waiting that
        # long, and the minutes cannot go below it unless the session started on time.
        self.elapsed = lateness.minutes_elapsed(appointment.start, self.now())
        self.started_on_time = QCheckBox(
            self.tr("The session started on time ({n} min ago)").format(n=self.elapsed)
        )
        self.started_on_time.setObjectName("started_on_time")
        self.started_on_time.setVisible(self.elapsed > 0)
        self._apply_clock()
        self.minutes.setValue(
            lateness.suggested_minutes(appointment.start, self.now(), DEFAULT_MINUTES)
        )

        self.include_later = QCheckBox(self.tr("Also for my later appointments today"))
        self.include_later.setObjectName("include_later")
        self.cascade_list = QListWidget()
        self.cascade_list.setObjectName("cascade")
        self.cascade_list.setAccessibleName(self.tr("How late each appointment today will be"))
        self.cascade_list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.cascade_list.setFixedHeight(80)
        self.cascade_list.hide()

        self.message = QPlainTextEdit()
        self.message.setObjectName("message")
        self.message.setAccessibleName(self.tr("Message to the client"))
        self.message.setTabChangesFocus(True)
        self.message.setMinimumHeight(110)
        self.highlighter = LanguageHighlighter(self.message.document(), ops.read(load_checker))
        self.message_field = FieldWithError(self.message, "message")
        self.redraft_note = QLabel()
        self.redraft_note.setObjectName("redraft_note")
        self.redraft_note.setWordWrap(True)
        self.redraft_note.hide()
        self.locked_line = QLabel(
            self.tr("This message offers rescheduling (required past {n} minutes)").format(
                n=self.threshold
            )
        )
        self.locked_line.setObjectName("reschedule_locked")
        self.locked_line.setWordWrap(True)
        self.redraft_button = QPushButton(self.tr("Re-draft"))
        self.redraft_button.setObjectName("redraft")
        self.redraft_button.setToolTip(self.tr("Replace the text with a fresh draft"))

        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        self.channel.setAccessibleName(self.tr("How the client is told"))
        for channel, label in CHANNELS:
            self.channel.addItem(labels.translate(label), channel.value)
        self.copy_button = QPushButton(self.tr("Copy message"))
        self.copy_button.setObjectName("copy_message")
        self.email_button = QPushButton(self.tr("Open in e-mail"))
        self.email_button.setObjectName("open_email")
        self.sms_button = QPushButton(self.tr("Open in SMS"))
        self.sms_button.setObjectName("open_sms")
        self.record_button = QPushButton(self.tr("Record as sent"))
        self.record_button.setObjectName("record_sent")
        self.record_button.setDefault(True)
        self.record_error = error_label("record_error")

        self.choice_box = self._build_choice_box()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        minutes_label = QLabel(self.tr("&How late will you be?"))
        minutes_label.setBuddy(self.minutes)
        minutes_row = QHBoxLayout()
        minutes_row.addWidget(self.minutes_field)
        minutes_row.addStretch(1)
        form.addRow(minutes_label, minutes_row)
        form.addRow("", self.started_on_time)
        form.addRow("", self.include_later)
        form.addRow("", self.cascade_list)
        message_label = QLabel(self.tr("&Message"))
        message_label.setBuddy(self.message)
        message_column = QVBoxLayout()
        message_column.setSpacing(4)
        message_column.addWidget(self.message_field)
        under = QHBoxLayout()
        under.addWidget(self.locked_line, 1)
        under.addWidget(self.redraft_button)
        message_column.addLayout(under)
        message_column.addWidget(self.redraft_note)
        form.addRow(message_label, message_column)
        channel_label = QLabel(self.tr("&Told by"))
        channel_label.setBuddy(self.channel)
        form.addRow(channel_label, self.channel)

        send_row = QHBoxLayout()
        send_row.addWidget(self.copy_button)
        send_row.addWidget(self.email_button)
        send_row.addWidget(self.sms_button)
        send_row.addStretch(1)
        send_row.addWidget(self.record_button)

        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addLayout(send_row)
        layout.addWidget(self.record_error)
        layout.addWidget(self.choice_box)
        layout.addWidget(self.close_buttons)

        self.minutes.valueChanged.connect(self._minutes_changed)
        self.started_on_time.toggled.connect(self._started_on_time_toggled)
        self.include_later.toggled.connect(self._refresh_cascade)
        self.redraft_button.clicked.connect(self.redraft)
        self.copy_button.clicked.connect(self.copy_message)
        self.email_button.clicked.connect(lambda: self.open_url(self.email_url()))
        self.sms_button.clicked.connect(lambda: self.open_url(self.sms_url()))
        self.record_button.clicked.connect(self.record)
        self.close_buttons.rejected.connect(self.reject)
        self.email_button.setEnabled(bool(self.client.email))
        self.sms_button.setEnabled(bool(self.client.phone))
        if not self.client.email:
            self.email_button.setToolTip(self.tr("No e-mail address on file"))
        if not self.client.phone:
            self.sms_button.setToolTip(self.tr("No phone number on file"))
        self.redraft()

    def _build_choice_box(self) -> QWidget:
        box = QWidget()
        box.setObjectName("choice_box")
        self.choice_label = QLabel(self.tr("The client chose:"))
        self.wait_button = QPushButton(self.tr("Wait"))
        self.wait_button.setObjectName("choice_wait")
        self.reschedule_button = QPushButton(self.tr("Reschedule\u2026"))
        self.reschedule_button.setObjectName("choice_reschedule")
        self.cancel_button = QPushButton(self.tr("Cancel without fee"))
        self.cancel_button.setObjectName("choice_cancel")
        self.outcome_label = QLabel()
        self.outcome_label.setObjectName("outcome")
        self.outcome_label.setWordWrap(True)
        self.slot_list = QListWidget()
        self.slot_list.setObjectName("slots")
        self.slot_list.setAccessibleName(self.tr("Free times to reschedule to"))
        self.slot_list.setFixedHeight(110)
        self.confirm_button = QPushButton(self.tr("Reschedule to this time"))
        self.confirm_button.setObjectName("confirm_reschedule")
        self.confirm_button.setEnabled(False)
        self.slot_list.hide()
        self.confirm_button.hide()
        self.choice_error = error_label("choice_error")

        row = QHBoxLayout()
        row.addWidget(self.choice_label)
        row.addWidget(self.wait_button)
        row.addWidget(self.reschedule_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.slot_list)
        layout.addWidget(self.confirm_button)
        layout.addWidget(self.outcome_label)
        layout.addWidget(self.choice_error)
        box.hide()

        self.wait_button.clicked.connect(lambda: self.choose(LatenessOutcome.WAIT))
        self.cancel_button.clicked.connect(lambda: self.choose(LatenessOutcome.CANCEL_WITHOUT_FEE))
        self.reschedule_button.clicked.connect(self.show_slots)
        self.slot_list.itemSelectionChanged.connect(
            lambda: self.confirm_button.setEnabled(bool(self.slot_list.selectedItems()))
        )
        self.confirm_button.clicked.connect(self.confirm_reschedule)
        return box

    # -- hooks tests replace -------------------------------------------------------

    def now(self) -> dt.datetime:
        return dt.datetime.now()

    def open_url(self, url: QUrl) -> None:
        QDesktopServices.openUrl(url)

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    # -- drafting ------------------------------------------------------------------

    def _apply_clock(self) -> None:
        """The lowest lateness allowed: the minutes gone since the start, unless the
        session started on time."""
        on_time = self.started_on_time.isChecked()
        self.minutes.setMinimum(
            lateness.MIN_LATE_MINUTES if on_time else max(lateness.MIN_LATE_MINUTES, self.elapsed)
        )
        self.minutes.setToolTip(
            ""
            if on_time or not self.elapsed
            else self.tr("Already {n} minutes past the start: at least that late").format(
                n=self.elapsed
            )
        )

    def _started_on_time_toggled(self, _checked: bool) -> None:
        self._apply_clock()
        self.redraft()

    def _fetch_draft(self, minutes: int) -> DraftNotice | None:
        on_time = self.started_on_time.isChecked()
        try:
            draft = self.ops.read(
                lambda s: lateness.draft_notice(
                    s, self.appointment.id, minutes, now=self.now(), started_on_time=on_time
                )
            )
        except (ValidationError, NotFoundError) as error:
            self.minutes_field.show_error(_messages(error))
            return None
        self.minutes_field.show_error(None)
        return draft

    def _edited(self) -> bool:
        return self.draft is not None and self.message.toPlainText() != self.draft.text

    def redraft(self) -> None:
        """Replace the text with a fresh draft for the minutes shown."""
        draft = self._fetch_draft(self.minutes.value())
        if draft is None:
            return
        self.draft = draft
        self.message.setPlainText(draft.text)
        self.redraft_note.hide()
        self.message_field.show_error(None)
        self.locked_line.setVisible(draft.reschedule_required)
        self._refresh_cascade()

    def _minutes_changed(self, minutes: int) -> None:
        previous = self.draft
        if previous is None or not self._edited():
            self.redraft()
            return
        draft = self._fetch_draft(minutes)
        if draft is None:
            return
        if draft.reschedule_required == previous.reschedule_required:
            # Same side of the threshold: the person's wording stands.
            self.draft = draft
            self._refresh_cascade()
            return
        self.redraft()
        self.redraft_note.setText(
            self.tr(
                "The message was drafted again: at {n} minutes the reschedule offer is {what}."
            ).format(
                n=minutes,
                what=self.tr("required") if draft.reschedule_required else self.tr("not required"),
            )
        )
        self.redraft_note.show()

    def _refresh_cascade(self) -> None:
        on = self.include_later.isChecked()
        self.cascade_list.setVisible(on)
        if not on:
            return
        self.cascade_list.clear()
        appointment, minutes = self.appointment, self.minutes.value()
        try:
            chain = self.ops.read(
                lambda s: lateness.cascade(
                    s, appointment.practitioner_id, appointment.id, minutes, now=self.now()
                )
            )
            day_end = dt.datetime.combine(appointment.start.date(), dt.time()) + dt.timedelta(
                days=1
            )
            later = self.ops.read(
                lambda s: appointments.appointments_between(
                    s,
                    appointment.start,
                    day_end,
                    appointment.practitioner_id,
                    statuses=OPEN_STATUSES,
                )
            )
        except (ValidationError, NotFoundError) as error:
            self.cascade_list.addItem(_messages(error))
            return
        late_by = {detail.id: late for detail, late in chain}
        for detail in later:
            if detail.start < appointment.start:
                continue
            late = late_by.get(detail.id, 0)
            status = self.tr("{n} min late").format(n=late) if late > 0 else self.tr("on time")
            self.cascade_list.addItem(
                f"{self.time_text(detail.start)} {detail.client_preferred_name} \u2014 {status}"
            )

    # -- in the practice's locale -----------------------------------------------------

    def time_text(self, moment: dt.datetime) -> str:
        """``14:05`` (en_GB), ``2:05 PM`` (en_US)."""
        return locale_format.time(moment, self.practice_locale)

    def slot_text(self, moment: dt.datetime) -> str:
        """A free time: ``Tue 24 Nov 09:00`` (en_GB), ``Di., 24. Nov. 09:00`` (de)."""
        day = locale_format.weekday_day_short(moment.date(), self.practice_locale)
        return f"{day} {self.time_text(moment)}"

    # -- sending -------------------------------------------------------------------

    def copy_message(self) -> None:
        QApplication.clipboard().setText(self.message.toPlainText())

    def subject(self) -> str:
        return self.tr("Running late for your {time} appointment").format(
            time=self.time_text(self.appointment.start)
        )

    def email_url(self) -> QUrl:
        url = QUrl()
        url.setScheme("mailto")
        url.setPath(self.client.email)
        url.setQuery(self._query({"subject": self.subject(), "body": self.message.toPlainText()}))
        return url

    def sms_url(self) -> QUrl:
        url = QUrl()
        url.setScheme("sms")
        url.setPath(self.client.phone)
        url.setQuery(self._query({"body": self.message.toPlainText()}))
        return url

    @staticmethod
    def _query(items: dict[str, str]) -> QUrlQuery:
        # Encode every reserved character ourselves: QUrlQuery leaves "&", "+" and
        # "=" in a value as they are, which would cut the body short in a mail client.
        query = QUrlQuery()
        for key, value in items.items():
            # Percent-encoded: ASCII only, so the text of the bytes as they are.
            encoded = QUrl.toPercentEncoding(value.replace("\n", "\r\n")).toStdString()
            query.addQueryItem(key, encoded)
        return query

    def record(self) -> None:
        """Record the notice (and the later ones, if asked) as sent, in one unit of work."""
        if self.draft is None:
            return
        self.message_field.show_error(None)
        self.record_error.hide()
        channel = ContactChannel(self.channel.currentData())
        action = _recorder(
            self.appointment,
            self.minutes.value(),
            self.message.toPlainText(),
            channel,
            self.draft.reschedule_offered,
            include_later=self.include_later.isChecked(),
            now=self.now(),
            started_on_time=self.started_on_time.isChecked(),
        )
        try:
            self.notices = self.ops.run(action)
        except ValidationError as error:
            text_problem = error.for_field("text")
            if text_problem:
                self.message_field.show_error(text_problem)
            minutes_problem = error.for_field("minutes")
            if minutes_problem:  # the clock moved on while the dialog was open
                self.minutes_field.show_error(minutes_problem)
            others = [e.message for e in error.errors if e.field not in ("text", "minutes")]
            if others:
                self.record_error.setText("\u26a0 " + "\n".join(others))
                self.record_error.show()
            return
        except NotFoundError as error:
            self.record_error.setText(f"\u26a0 {error}")
            self.record_error.show()
            return
        self.message.setReadOnly(True)  # stays legible: it is what was sent
        for widget in (self.minutes, self.started_on_time, self.include_later, self.channel):
            widget.setEnabled(False)
        self.record_button.setEnabled(False)
        self.redraft_button.setEnabled(False)
        told_at = self.notices[0].told_at
        assert told_at is not None  # a notice just sent was sent now
        self.record_button.setText(
            self.tr("Recorded at {time}").format(time=self.time_text(told_at))
        )
        self.choice_box.show()

    # -- the client's answer -------------------------------------------------------

    def _choice_done(self, notice: NoticeRow, extra: str = "") -> None:
        self.notices[0] = notice
        for button in (self.wait_button, self.reschedule_button, self.cancel_button):
            button.setEnabled(False)
        self.slot_list.hide()
        self.confirm_button.hide()
        self.choice_error.hide()
        label = labels.label(lateness.OUTCOME_LABELS, notice.outcome)
        self.outcome_label.setText(self.tr("Recorded: {label}.").format(label=label) + extra)

    def _show_choice_error(self, error: ValidationError | NotFoundError) -> None:
        self.choice_error.setText(f"\u26a0 {_messages(error)}")
        self.choice_error.show()

    def choose(self, outcome: LatenessOutcome) -> None:
        """Record the client's answer: wait, or cancel without fee (after a confirmation)."""
        if not self.notices:
            return
        if outcome is LatenessOutcome.CANCEL_WITHOUT_FEE and not self.confirm(
            self.tr("Cancel without fee"),
            self.tr("Cancel {name}'s appointment without a fee?").format(
                name=self.appointment.client_preferred_name
            ),
        ):
            return
        notice_id, now = self.notices[0].id, self.now()
        try:
            notice = self.ops.run(
                lambda s: lateness.record_choice(s, notice_id, outcome, now=now),
            )
        except (ValidationError, NotFoundError) as error:
            self._show_choice_error(error)
            return
        self._choice_done(notice)

    def show_slots(self) -> None:
        """List the next free times for the same practitioner and length."""
        try:
            self.slots = self.ops.read(
                lambda s: lateness.suggest_slots(s, self.appointment.id, now=self.now())
            )
        except NotFoundError as error:
            self._show_choice_error(error)
            return
        self.slot_list.clear()
        for slot in self.slots:
            item = QListWidgetItem(self.slot_text(slot))
            self.slot_list.addItem(item)
        if not self.slots:
            self.slot_list.addItem(self.tr("No free time found in the next weeks."))
        self.slot_list.show()
        self.confirm_button.show()

    def confirm_reschedule(self) -> None:
        """Move the appointment to the chosen time and record the choice, in one unit of work."""
        row = self.slot_list.currentRow()
        if not self.notices or not 0 <= row < len(self.slots):
            return
        slot = self.slots[row]
        when = self.slot_text(slot)
        if not self.confirm(
            self.tr("Reschedule"),
            self.tr("Move {name}'s appointment to {when}?").format(
                name=self.appointment.client_preferred_name, when=when
            ),
        ):
            return
        notice_id, appointment_id, now = self.notices[0].id, self.appointment.id, self.now()

        def reschedule(session):  # type: ignore[no-untyped-def]
            new = appointments.reschedule_appointment(session, appointment_id, slot, now=now)
            notice = lateness.record_choice(session, notice_id, LatenessOutcome.RESCHEDULE, now=now)
            return new, notice

        try:
            _new, notice = self.ops.run(reschedule)
        except (ValidationError, NotFoundError) as error:
            self._show_choice_error(error)
            return
        self._choice_done(notice, " " + self.tr("New time: {when}.").format(when=when))
