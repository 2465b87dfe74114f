"""The appointment dialog: book, edit, repeat; every message next to its field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractButton,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from clientcare import appointments, clients, locale_format, money, series
from clientcare.appointments import AppointmentDetail, AppointmentInput, ConflictError
from clientcare.concurrency import StaleEdit
from clientcare.db.models import AppointmentMode, CancelledBy
from clientcare.errors import NotFoundError, ValidationError
from clientcare.practice import get_settings, list_practitioners
from ui import labels
from ui.dialog import Dialog
from ui.dialogs.arrival import ArrivalDialog
from ui.dialogs.cancel import CancelDialog
from ui.finished_dialogs import watch_window
from ui.ops import Operations
from ui.views.appointment import AppointmentDialogView
from ui.widgets.client_picker import ClientPicker
from ui.widgets.dates import from_qdatetime, to_qdatetime
from ui.widgets.fields import localise_date_edit


def _canceller(  # type: ignore[no-untyped-def]
    existing: AppointmentDetail,
    by: CancelledBy,
    reason: str,
    scope: series.Scope,
    circumstance: str | None = None,
):
    """The unit of work cancelling ``existing`` (and, in a series, the chosen others).

    Refused with StaleEdit when someone else changed ``existing`` after it was loaded.
    """
    now = dt.datetime.now()

    def cancel(session):  # type: ignore[no-untyped-def]
        if existing.series_id is not None:
            appointments.load_version(session, existing.id, existing.version)
            return series.cancel_occurrences(
                session,
                existing.id,
                scope=scope,
                by=by,
                reason=reason,
                now=now,
                circumstance=circumstance,
            )
        return appointments.cancel_appointment(
            session,
            existing.id,
            by=by,
            reason=reason,
            now=now,
            circumstance=circumstance,
            expected_version=existing.version,
        )

    return cancel


def _series_editor(  # type: ignore[no-untyped-def]
    existing: AppointmentDetail, data: AppointmentInput, scope: series.Scope, allow: bool
):
    """One unit of work: move the occurrences in scope if the start changed, then edit them.

    The occurrence the dialog opened is checked first: someone else's save since then
    refuses the whole edit with StaleEdit.
    """
    now = dt.datetime.now()

    def edit(session):  # type: ignore[no-untyped-def]
        appointments.load_version(session, existing.id, existing.version)
        if data.start != existing.start:
            series.move_occurrence(
                session, existing.id, data.start, scope=scope, now=now, allow_conflict=allow
            )
        return series.update_occurrences(
            session, existing.id, data, scope=scope, now=now, allow_conflict=allow
        )

    return edit


class AppointmentDialog(AppointmentDialogView):
    """New appointment (optionally a series) or an existing one.

    The layout is :class:`ui.views.appointment.AppointmentDialogView`; this class fills
    the choices, reads and saves through ``ops``, and shows what went wrong.
    """

    def __init__(
        self,
        ops: Operations,
        *,
        start: dt.datetime | None = None,
        appointment_id: int | None = None,
        practitioner_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        # Client: type-ahead suggests the clients who can be booked; a closed or
        # declined client typed in full still resolves, so the domain can explain why not.
        super().__init__(ClientPicker(ops, statuses=clients.BOOKABLE_STATUSES), parent)
        self.ops = ops
        self.existing: AppointmentDetail | None = (
            ops.read(lambda s: appointments.get_appointment(s, appointment_id))
            if appointment_id is not None
            else None
        )
        self.stored: list[AppointmentDetail] = []
        settings = ops.read(get_settings)
        self.practice_locale = settings.locale
        self.default_minutes = settings.default_session_minutes
        self.setWindowTitle(self.tr("Appointment") if self.existing else self.tr("New appointment"))

        for practitioner in ops.read(list_practitioners):
            self.practitioner.addItem(practitioner.full_name, practitioner.id)
            if practitioner.is_current_user:  # a new booking is yours unless you choose
                self.practitioner.setCurrentIndex(self.practitioner.count() - 1)
        self.service.addItem(self.tr("(not set)"), None)
        self._service_minutes: dict[int, int] = {}
        for service in ops.read(money.list_services):
            if service.active or (
                self.existing is not None and self.existing.service_id == service.id
            ):
                self.service.addItem(service.name, service.id)
                self._service_minutes[service.id] = service.default_minutes
        localise_date_edit(self.start, self.practice_locale)
        for mode in appointments.MODE_LABELS:
            self.mode.addItem(labels.label(appointments.MODE_LABELS, mode), mode.value)
        localise_date_edit(self.until, self.practice_locale)

        self.until_check.toggled.connect(self.until.setEnabled)
        self.until_check.toggled.connect(lambda on: self.times.setEnabled(not on))
        self.repeat.currentIndexChanged.connect(self._repeat_changed)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.reload_button.clicked.connect(self.reload)
        self.write_up_button.clicked.connect(self.write_up)
        self.arrived_button.clicked.connect(self.mark_arrived)
        self.completed_button.clicked.connect(
            lambda: self._status(
                lambda s, i, v: appointments.mark_completed(
                    s, i, now=dt.datetime.now(), expected_version=v
                )
            )
        )
        self.no_show_button.clicked.connect(
            lambda: self._status(
                lambda s, i, v: appointments.mark_no_show(
                    s, i, now=dt.datetime.now(), expected_version=v
                )
            )
        )
        self.cancel_appointment_button.clicked.connect(self.cancel_appointment)
        self.reschedule_button.clicked.connect(self.reschedule)

        self._fill(self.default_minutes, start, practitioner_id)
        self._opened_as = self._snapshot()
        self._show_status()
        if self.existing is None:
            self.client.setFocus()  # a new booking starts with who it is for
        else:  # the first field that can change (its client is fixed once booked)
            first = next(
                (w for w in (self.client, self.start, self.duration) if w.isEnabled()), None
            )
            if first is not None:
                first.setFocus()

    def _show_status(self) -> None:
        existing = self.existing
        self.status_label.setVisible(existing is not None)
        self.actions_row.setVisible(existing is not None)
        if existing is None:
            return
        text = self.tr("Status: {status}").format(
            status=labels.label(appointments.STATUS_LABELS, existing.status)
        )
        if existing.cancel_reason:
            text += f" — {existing.cancel_reason}"
        if existing.series_id is not None:
            text += " · " + self.tr("part of a repeating series")
        self.status_label.setText(text)
        possible = appointments.ALLOWED_TRANSITIONS.get(existing.status, frozenset())
        names = {status.value for status in possible}
        self.arrived_button.setEnabled("arrived" in names)
        self.completed_button.setEnabled("completed" in names)
        self.no_show_button.setEnabled("no_show" in names)
        self.cancel_appointment_button.setEnabled(bool(names & {"cancelled", "late_cancelled"}))
        self.reschedule_button.setEnabled("rescheduled" in names)

    def _status(self, action) -> None:  # type: ignore[no-untyped-def]
        """Run ``action(session, id, version loaded)``; a stale view offers Reload."""
        existing = self.existing
        if existing is None:
            return
        self._clear()
        try:
            updated = self.ops.run(lambda s: action(s, existing.id, existing.version))
        except StaleEdit as error:
            self.show_stale(error)
            return
        except (ValidationError, NotFoundError) as error:
            self.form_error.setText(f"⚠ {self._message(error)}")
            self.form_error.show()
            return
        self.existing = updated
        self.stored = [updated]
        self._show_status()

    # -- someone else saved first ----------------------------------------------------

    def show_stale(self, error: StaleEdit) -> None:
        """Say who changed the appointment and when; keep the form as typed; offer Reload."""
        message = error.for_field("version") or str(error)
        self.form_error.setText(
            f"⚠ {message} "
            + self.tr("Your text is still in the form: copy what you need, then Reload.")
        )
        self.form_error.show()
        self.reload_button.show()

    def reload(self) -> None:
        """Show the appointment as now stored (and save against that version from now on)."""
        existing = self.existing
        if existing is None:
            return
        self._clear()
        try:
            self.existing = self.ops.read(lambda s: appointments.get_appointment(s, existing.id))
        except NotFoundError as error:
            self.form_error.setText(f"⚠ {error}")
            self.form_error.show()
            self.save_button.setEnabled(False)
            self.actions_row.setEnabled(False)
            return
        except ValidationError as error:  # the server is not answering: try again later
            self.form_error.setText(f"⚠ {self._message(error)}")
            self.form_error.show()
            self.reload_button.show()
            return
        self.override.setChecked(False)
        self.override.hide()
        self._fill(self.default_minutes, None, None)
        self._opened_as = self._snapshot()
        self._show_status()

    def make_arrival_dialog(self) -> ArrivalDialog:
        existing = self.existing
        assert existing is not None
        return ArrivalDialog(self.ops, existing, parent=self)

    def run_arrival_dialog(self, dialog: ArrivalDialog) -> None:
        """Show the arrival dialog modally (tests replace this to drive it)."""
        dialog.exec()

    def mark_arrived(self) -> None:
        """Ask when the client arrived and, if they were late, what suits them now."""
        if self.existing is None:
            return
        dialog = self.make_arrival_dialog()
        self.run_arrival_dialog(dialog)
        if dialog.arrival is None:
            return
        self.existing = dialog.appointment
        self.stored = [dialog.appointment]
        self.form_error.hide()
        self._show_status()

    @staticmethod
    def _message(error: Exception) -> str:
        if isinstance(error, ValidationError):
            return " ".join(e.message for e in error.errors)
        return str(error)

    def make_interaction_editor(self) -> QDialog:
        from ui.dialogs.interaction import InteractionEditor

        existing = self.existing
        assert existing is not None
        return InteractionEditor(self.ops, appointment_id=existing.id, parent=self)

    def write_up(self) -> None:
        """Open the interaction editor for this appointment."""
        if self.existing is not None:
            self.make_interaction_editor().exec()

    def ask_new_start(self) -> dt.datetime | None:
        """The new time for a reschedule (None: the person changed their mind)."""
        existing = self.existing
        assert existing is not None
        dialog = Dialog(self)
        dialog.setWindowTitle(self.tr("Reschedule"))
        edit = QDateTimeEdit(to_qdatetime(existing.start + dt.timedelta(days=7)))
        localise_date_edit(edit, self.practice_locale)
        edit.setCalendarPopup(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(
            QLabel(self.tr("New time for {name}:").format(name=existing.client_preferred_name))
        )
        layout.addWidget(edit)
        layout.addWidget(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return from_qdatetime(edit.dateTime())

    def reschedule(self) -> None:
        """Book the new time; the old appointment stays, marked rescheduled and linked."""
        existing = self.existing
        if existing is None:
            return
        new_start = self.ask_new_start()
        if new_start is None:
            return
        allow = not self.override.isHidden() and self.override.isChecked()
        self._clear()
        try:
            new = self.ops.run(
                lambda s: appointments.reschedule_appointment(
                    s,
                    existing.id,
                    new_start,
                    now=dt.datetime.now(),
                    allow_conflict=allow,
                    expected_version=existing.version,
                ),
            )
        except StaleEdit as error:
            self.show_stale(error)
            return
        except ConflictError as error:
            self.conflict_box.setText("⚠ " + (error.for_field("start") or str(error)))
            self.conflict_box.show()
            self.override.show()
            return
        except (ValidationError, NotFoundError) as error:
            self.form_error.setText(f"⚠ {self._message(error)}")
            self.form_error.show()
            return
        self.existing = self.ops.read(lambda s: appointments.get_appointment(s, existing.id))
        self.stored = [self.existing, new]
        self._show_status()
        self.accept()

    def make_cancel_dialog(self) -> CancelDialog:
        existing = self.existing
        assert existing is not None
        return CancelDialog(
            self.tr("Cancel {name}'s appointment on {day} at {time}?").format(
                name=existing.client_preferred_name,
                day=locale_format.weekday_day(existing.start.date(), self.practice_locale),
                time=locale_format.time(existing.start, self.practice_locale),
            ),
            in_series=existing.series_id is not None,
            parent=self,
            ops=self.ops,
            start=existing.start,
        )

    def run_cancel_dialog(self, dialog: CancelDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def cancel_appointment(self) -> None:
        existing = self.existing
        if existing is None:
            return
        dialog = self.make_cancel_dialog()
        while self.run_cancel_dialog(dialog):
            try:
                self.ops.run(
                    _canceller(
                        existing,
                        dialog.cancelled_by,
                        dialog.reason.text(),
                        dialog.scope,
                        dialog.circumstance,
                    ),
                )
            except StaleEdit as error:
                # Not the cancel dialog's to fix: the appointment itself must be reloaded.
                self.show_stale(error)
                return
            except (ValidationError, NotFoundError) as error:
                dialog.reason_field.show_error(self._message(error))
                continue
            self.existing = self.ops.read(lambda s: appointments.get_appointment(s, existing.id))
            self.stored = [self.existing]
            self._show_status()
            self.accept()
            return

    def _fill(
        self, default_minutes: int, start: dt.datetime | None, practitioner_id: int | None
    ) -> None:
        existing = self.existing
        if existing is not None:
            self.client.set_client(existing.client_id)
            practitioner_id = existing.practitioner_id
            start = existing.start
            self.duration.setValue(existing.duration_minutes)
            self.service.setCurrentIndex(max(self.service.findData(existing.service_id), 0))
            self.mode.setCurrentIndex(max(self.mode.findData(existing.mode.value), 0))
            self.location.setText(existing.location)
            self.notes.setPlainText(existing.notes)
            self.form_layout.setRowVisible(self.fields["repeat"], False)
        else:
            self.duration.setValue(default_minutes)
            # The service the practice usually books (the only one, when there is one).
            today = dt.date.today()
            usual = self.ops.read(lambda s: money.usual_service_id(s, today=today))
            if usual is not None and self.service.findData(usual) > 0:
                self.service.setCurrentIndex(self.service.findData(usual))
                self._service_chosen()
            self.service.currentIndexChanged.connect(self._service_chosen)
        self.form_layout.setRowVisible(self.fields["service"], bool(self._service_minutes))
        if practitioner_id is not None:
            self.practitioner.setCurrentIndex(max(self.practitioner.findData(practitioner_id), 0))
        moment = start or self._first_free_time()
        self.start.setDateTime(to_qdatetime(moment))
        self.until.setDate(QDate(moment.year, moment.month, moment.day).addMonths(3))
        self._repeat_changed()

    def _first_free_time(self) -> dt.datetime:
        """A new booking's proposed start: the practitioner's next free time from now for
        the length shown (never over the session in progress), else the next hour."""
        now = dt.datetime.now().replace(second=0, microsecond=0)
        practitioner_id = self.practitioner.currentData()
        minutes = self.duration.value()
        free = (
            self.ops.read(
                lambda s: appointments.next_free_start(s, practitioner_id, minutes, after=now)
            )
            if practitioner_id is not None
            else None
        )
        return free or (now + dt.timedelta(hours=1)).replace(minute=0)

    # -- leaving -----------------------------------------------------------------

    def _snapshot(self) -> tuple[object, ...]:
        """Everything the form says (to know whether Esc throws anything away)."""
        return (
            self.client.text(),
            self.practitioner.currentData(),
            self.service.currentData(),
            self.start.dateTime(),
            self.duration.value(),
            self.mode.currentData(),
            self.location.text(),
            self.notes.toPlainText(),
            self.repeat.currentData(),
            self.times.value(),
            self.until_check.isChecked(),
            self.until.date(),
        )

    def ask_discard(self) -> bool:
        """Whether to throw away what was typed (tests replace this)."""
        answer = QMessageBox.question(
            self,
            self.tr("Discard changes?"),
            self.tr("Close without saving? What you entered in this appointment is lost."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        """Esc or Close: asks first when the form was changed and not saved."""
        opened = getattr(self, "_opened_as", None)
        if opened is not None and self._snapshot() != opened and not self.ask_discard():
            return
        super().reject()

    def _service_chosen(self) -> None:
        """A new booking takes the chosen service's usual length."""
        minutes = self._service_minutes.get(self.service.currentData())
        if minutes:
            self.duration.setValue(minutes)

    def _repeat_changed(self) -> None:
        repeating = self.repeat.currentData() is not None
        for widget in (self.times, self.until_check):
            widget.setEnabled(repeating)
        self.until.setEnabled(repeating and self.until_check.isChecked())
        if repeating and self.until_check.isChecked():
            self.times.setEnabled(False)

    def collect(self) -> AppointmentInput:
        return AppointmentInput(
            client_id=self.client.client_id(),
            practitioner_id=self.practitioner.currentData(),
            start=from_qdatetime(self.start.dateTime()),
            duration_minutes=self.duration.value(),
            mode=AppointmentMode(self.mode.currentData()),
            location=self.location.text(),
            notes=self.notes.toPlainText(),
            service_id=self.service.currentData(),
        )

    def rule(self) -> series.SeriesRule | None:
        choice = self.repeat.currentData()
        if choice is None or self.existing is not None:
            return None
        frequency, interval = choice
        if self.until_check.isChecked():
            day = self.until.date()
            until = dt.date(day.year(), day.month(), day.day())
            return series.SeriesRule(series.Frequency(frequency), interval, until=until)
        return series.SeriesRule(series.Frequency(frequency), interval, count=self.times.value())

    def ask_scope(self) -> series.Scope | None:
        """Which occurrences an edit of a series appointment applies to (None: cancel)."""
        box = QMessageBox(self)
        watch_window(box)
        box.setWindowTitle(self.tr("Change a repeating appointment"))
        box.setText(self.tr("This appointment is part of a series. Change which ones?"))
        choices: dict[QAbstractButton, series.Scope] = {
            box.addButton(self.tr("Only this one"), QMessageBox.ButtonRole.AcceptRole): (
                series.Scope.THIS
            ),
            box.addButton(self.tr("This and following"), QMessageBox.ButtonRole.AcceptRole): (
                series.Scope.FOLLOWING
            ),
            box.addButton(self.tr("All in the series"), QMessageBox.ButtonRole.AcceptRole): (
                series.Scope.ALL
            ),
        }
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return choices.get(box.clickedButton())

    def _clear(self) -> None:
        for wrapper in self.fields.values():
            wrapper.show_error(None)
        self.form_error.hide()
        self.conflict_box.hide()
        self.reload_button.hide()

    def save(self) -> None:
        """Store the appointment (or series) in one transaction, or show what is wrong."""
        data = self.collect()
        text = self.client.text().strip()
        self._clear()
        if data.client_id is None and text:
            self.fields["client_id"].show_error(
                self.tr(
                    "No client called “{name}” can be booked. Choose a name from the list, "
                    "or add the client on the Clients screen first."
                ).format(name=text)
            )
            return
        now = dt.datetime.now()
        allow = not self.override.isHidden() and self.override.isChecked()
        rule = self.rule()
        existing = self.existing
        try:
            if existing is not None and existing.series_id is not None:
                scope = self.ask_scope()
                if scope is None:
                    return
                result = self.ops.run(_series_editor(existing, data, scope, allow))
            elif existing is not None:
                result = self.ops.run(
                    lambda s: [
                        appointments.update_appointment(
                            s,
                            existing.id,
                            data,
                            now=now,
                            allow_conflict=allow,
                            expected_version=existing.version,
                        )
                    ],
                )
            elif rule is not None:
                result = self.ops.run(
                    lambda s: list(
                        series.create_series(
                            s, data, rule, now=now, allow_conflicts=allow
                        ).appointments
                    ),
                )
            else:
                result = self.ops.run(
                    lambda s: [
                        appointments.create_appointment(s, data, now=now, allow_conflict=allow)
                    ],
                )
        except StaleEdit as error:
            self.show_stale(error)
            return
        except ConflictError as error:
            self.conflict_box.setText("⚠ " + (error.for_field("start") or str(error)))
            self.conflict_box.show()
            self.override.show()
            return
        except ValidationError as error:
            for problem in error.errors:
                wrapper = self.fields.get(problem.field)
                if wrapper is None and problem.field in {"until", "count", "rule"}:
                    wrapper = self.fields["repeat"]
                if wrapper is None:
                    self.form_error.setText(f"⚠ {problem.message}")
                    self.form_error.show()
                else:
                    wrapper.show_error(problem.message)
            return
        except NotFoundError as error:
            self.form_error.setText(f"⚠ {error}")
            self.form_error.show()
            return
        self.stored = result
        self.accept()
