"""The interaction editor: what happened, in the client's words, with the checklist beside it.

Drafts are saved every few seconds while the practitioner writes, so nothing typed is
lost to a crash; finalising locks the record and needs every required item answered.
"""

from __future__ import annotations

import datetime as dt
import html
from functools import partial

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clientcare import appointments, audit, clients, interactions, locale_format, money
from clientcare.appointments import Completion
from clientcare.audit import current_actor
from clientcare.db.models import (
    ChargeMode,
    ChecklistAnswerValue,
    InteractionKind,
    InteractionState,
    Requirement,
)
from clientcare.errors import NotFoundError, ValidationError
from clientcare.interactions import ChecklistItem, InteractionDetail, InteractionInput
from clientcare.language import load_checker
from clientcare.practice import get_settings, list_practitioners
from ui import labels
from ui.dialogs.correction import CorrectionDialog
from ui.dialogs.finalise import FinaliseDialog
from ui.dialogs.money import MoneyConversationDialog
from ui.dialogs.referral import ReferralDialog
from ui.labels import QT_TRANSLATE_NOOP
from ui.object_tree import delete_now
from ui.ops import Operations
from ui.theme import look
from ui.views.interaction import TEXT_LABELS, InteractionEditorView
from ui.widgets.dates import from_qdatetime, to_qdatetime
from ui.widgets.fields import error_label, localise_date_edit
from ui.widgets.language_highlighter import LanguageHighlighter

AUTOSAVE_MS = 4000

ANSWER_LABELS = {
    ChecklistAnswerValue.DONE: QT_TRANSLATE_NOOP("labels", "Done"),
    ChecklistAnswerValue.NOT_APPLICABLE: QT_TRANSLATE_NOOP("labels", "Does not apply"),
    ChecklistAnswerValue.NOT_DONE: QT_TRANSLATE_NOOP("labels", "Not done"),
}


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ChecklistRow(QFrame):
    """One principle: why it applies, and the practitioner's answer."""

    answered = Signal(int, object, str)  # principle id, value (or None to clear), reason/note

    def __init__(self, item: ChecklistItem, *, locked: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName(f"principle_{item.number}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        badge = {
            Requirement.REQUIRED: QT_TRANSLATE_NOOP("labels", "Required"),
            Requirement.ADVISORY: QT_TRANSLATE_NOOP("labels", "Advisory"),
            Requirement.AUTOMATIC: QT_TRANSLATE_NOOP("labels", "Checked as you type"),
        }[item.requirement]
        title = QLabel(f"<b>{item.number}.</b> {item.text}")
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.RichText)
        why = QLabel(
            self.tr("{badge} — {reason}").format(badge=labels.translate(badge), reason=item.reason)
        )
        why.setObjectName("why")
        why.setWordWrap(True)
        why.setToolTip(item.explanation)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(title)
        layout.addWidget(why)
        self.buttons: dict[ChecklistAnswerValue, QRadioButton] = {}
        self.findings = QLabel()
        self.findings.setObjectName("language_findings")
        self.findings.setWordWrap(True)
        # An automatic row (checked as you type) shows what the check found; it has no
        # answer to give, so no answer box and no error line.
        self.text: QLineEdit | None = None
        self.error: QLabel | None = None
        if item.requirement is Requirement.AUTOMATIC:
            layout.addWidget(self.findings)
            return
        self.text = text = QLineEdit()
        text.setObjectName("answer_text")
        self.error = error_label("answer_error")
        group = QButtonGroup(self)
        row = QHBoxLayout()
        for value, label in ANSWER_LABELS.items():
            button = QRadioButton(labels.translate(label))
            button.setObjectName(f"answer_{value.value}")
            group.addButton(button)
            self.buttons[value] = button
            row.addWidget(button)
            button.toggled.connect(self._placeholder)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(text)
        layout.addWidget(self.error)
        answer = item.answer
        if answer is not None:
            self.buttons[answer.answer].setChecked(True)
            text.setText(answer.reason or answer.note)
        self._placeholder()
        for button in self.buttons.values():
            button.clicked.connect(self._emit)
        text.editingFinished.connect(self._emit)
        for widget in (*self.buttons.values(), text):
            widget.setEnabled(not locked)

    def set_highlighted(self, on: bool) -> None:
        """Marked as the item the practitioner was sent to (from the missing list)."""
        look(self, "highlighted" if on else "")

    def value(self) -> ChecklistAnswerValue | None:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return None

    def _placeholder(self) -> None:
        if self.text is None:
            return
        value = self.value()
        self.text.setVisible(value is not None and value is not ChecklistAnswerValue.DONE)
        self.text.setPlaceholderText(
            self.tr("Why does it not apply?")
            if value is ChecklistAnswerValue.NOT_APPLICABLE
            else self.tr("What happened instead?")
        )

    def _emit(self) -> None:
        value = self.value()
        if value is not None and self.text is not None:
            self.answered.emit(self.item.principle_id, value, self.text.text())


class InteractionEditor(InteractionEditorView):
    """Write up a contact with a client; opened from an appointment or a client.

    The layout is :class:`ui.views.interaction.InteractionEditorView`; this class reads
    and saves the contact through ``ops``, keeps the checklist, and autosaves.
    """

    def __init__(
        self,
        ops: Operations,
        *,
        client_id: int | None = None,
        appointment_id: int | None = None,
        interaction_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.interaction: InteractionDetail | None = None
        self._dirty = False
        self._loading = True
        today = dt.date.today()
        appointment = None
        if interaction_id is not None:
            self.interaction = ops.run(  # opening saved notes is a "view" in the audit log
                lambda s: audit.viewed(
                    s,
                    "interaction",
                    interaction_id,
                    interactions.get_interaction(s, interaction_id, today=today),
                ),
            )
            client_id = self.interaction.client_id
        elif appointment_id is not None:
            wanted = appointment_id  # an int here (the lambda would see the parameter)
            appointment = ops.read(lambda s: appointments.get_appointment(s, wanted))
            client_id = appointment.client_id
        if client_id is None:
            raise ValueError("an interaction belongs to a client")
        self.client_id = client_id
        self.client = ops.read(lambda s: clients.get_client(s, client_id))
        self.checker = ops.read(load_checker)
        self.practice_locale = ops.read(lambda s: get_settings(s).locale)  # the practice's dates

        localise_date_edit(self.occurred_at, self.practice_locale)
        self.practitioner.addItem(self.tr("(not recorded)"), None)
        for practitioner in ops.read(list_practitioners):
            self.practitioner.addItem(practitioner.full_name, practitioner.id)
        self.appointment.addItem(self.tr("(none)"), None)
        summary = ops.read(
            lambda s: appointments.client_appointments(s, client_id, now=dt.datetime.now())
        )
        for item in (*summary.upcoming, *summary.past)[:60]:
            self.appointment.addItem(
                locale_format.weekday_day_time(item.start, self.practice_locale), item.id
            )
        self.highlighters: list[LanguageHighlighter] = [
            LanguageHighlighter(edit.document(), self.checker)
            for name, edit in self.texts.items()
            if name != "practitioner_only_notes"
        ]
        self.checklist_rows: dict[int, ChecklistRow] = {}

        self.remember.clicked.connect(self.add_fact)
        self.money_button.clicked.connect(self.money_conversation)
        self.correct_button.clicked.connect(self.add_correction)
        self.print_button.clicked.connect(self.print_summary)
        self.refer_button.clicked.connect(self.refer)
        self.save_button.clicked.connect(self.save_draft)
        self.finalise_button.clicked.connect(self.finalise)
        self.undo_completion_button.clicked.connect(self.undo_completion)
        self.missing_label.linkActivated.connect(
            lambda link: self.show_checklist_item(int(link[1:]))
        )
        #: The appointment this editor marked completed when finalising (None: none, or undone).
        self.completion: Completion | None = None
        self.close_button.clicked.connect(self.close)

        self._fill(appointment)
        appointment_id = self.appointment.currentData()
        self.minutes_late.setValue(
            ops.read(lambda s: interactions.recorded_minutes_late(s, appointment_id))
        )
        self.minutes_late.setEnabled(appointment_id is not None and not self.locked())
        for edit in self.texts.values():
            edit.textChanged.connect(self._edited)
        for box in self.flags.values():
            box.toggled.connect(self._facts_changed)
        self.kind.currentIndexChanged.connect(self._facts_changed)
        self.appointment.currentIndexChanged.connect(self._appointment_changed)
        self.minutes_late.valueChanged.connect(self._facts_changed)
        self.occurred_at.dateTimeChanged.connect(self._edited)
        self.practitioner.currentIndexChanged.connect(self._edited)
        self.autosave = QTimer(self)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self._autosave)
        self.autosave.start()
        self._loading = False
        self._refresh_checklist()
        # The first field to fill: the notes (what it is, when and with whom come filled in).
        self.texts["notes"].setFocus(Qt.FocusReason.OtherFocusReason)

    # -- filling and collecting ---------------------------------------------------

    def _fill(self, appointment: appointments.AppointmentDetail | None) -> None:
        client = self.client
        self.heading.setText(client.full_name)
        greeting = self.tr("Greet as “{name}”").format(name=client.preferred_name)
        if client.pronunciation:
            greeting += f" ({client.pronunciation})"
        if client.pronouns:
            greeting += f" · {client.pronouns}"
        if client.facts:
            latest = client.facts[-1]
            greeting += " · " + self.tr("They told you: “{fact}”").format(fact=latest.text)
        self.greeting.setText(greeting)
        existing = self.interaction
        if existing is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(existing.kind.value), 0))
            self.occurred_at.setDateTime(to_qdatetime(existing.occurred_at))
            self.practitioner.setCurrentIndex(
                max(self.practitioner.findData(existing.practitioner_id), 0)
            )
            self.appointment.setCurrentIndex(
                max(self.appointment.findData(existing.appointment_id), 0)
            )
            for name, edit in self.texts.items():
                edit.setPlainText(getattr(existing, name))
            for name, box in self.flags.items():
                box.setChecked(getattr(existing, name))
        elif appointment is not None:
            self.kind.setCurrentIndex(self.kind.findData(InteractionKind.SESSION.value))
            self.occurred_at.setDateTime(to_qdatetime(appointment.start))
            self.practitioner.setCurrentIndex(
                max(self.practitioner.findData(appointment.practitioner_id), 0)
            )
            self.appointment.setCurrentIndex(max(self.appointment.findData(appointment.id), 0))
        else:
            self.occurred_at.setDateTime(to_qdatetime(dt.datetime.now().replace(second=0)))
        self._show_state()

    def collect(self) -> InteractionInput:
        return InteractionInput(
            client_id=self.client_id,
            kind=InteractionKind(self.kind.currentData()),
            occurred_at=from_qdatetime(self.occurred_at.dateTime()),
            practitioner_id=self.practitioner.currentData(),
            appointment_id=self.appointment.currentData(),
            practitioner_minutes_late=(
                self.minutes_late.value() if self.appointment.currentData() is not None else None
            ),
            notes=self.texts["notes"].toPlainText(),
            client_words=self.texts["client_words"].toPlainText(),
            next_steps=self.texts["next_steps"].toPlainText(),
            more_helpful=self.texts["more_helpful"].toPlainText(),
            practitioner_only_notes=self.texts["practitioner_only_notes"].toPlainText(),
            not_at_my_best=self.flags["not_at_my_best"].isChecked(),
            plan_not_a_fit=self.flags["plan_not_a_fit"].isChecked(),
            referral_considered=self.flags["referral_considered"].isChecked(),
            checkins_discussed=self.flags["checkins_discussed"].isChecked(),
        )

    def locked(self) -> bool:
        return self.interaction is not None and self.interaction.state is InteractionState.FINAL

    def _show_state(self) -> None:
        locked = self.locked()
        for edit in self.texts.values():
            edit.setReadOnly(locked)
            # A locked text looks it: the window's colour, not an inviting white field.
            palette = QPalette(self.palette())
            if locked:
                palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
            edit.setPalette(palette)
        self.minutes_late.setEnabled(not locked and self.appointment.currentData() is not None)
        for widget in (self.kind, self.occurred_at, self.practitioner, self.appointment):
            widget.setEnabled(not locked)
        for box in self.flags.values():
            box.setEnabled(not locked)
        self.save_button.setVisible(not locked)
        self.refer_button.setVisible(not locked)
        self.finalise_button.setVisible(not locked)
        self.money_button.setVisible(not locked)
        self.correct_button.setVisible(locked)
        addenda = self.interaction.addenda if self.interaction else ()
        self.addenda.setVisible(bool(addenda))
        if addenda:
            lines = [
                self.tr("{when} {who} corrected {field}: “{old}” → “{new}” ({why})").format(
                    when=locale_format.day_time(a.written_at, self.practice_locale),
                    who=a.actor or self.tr("someone"),
                    field=TEXT_LABELS.get(a.field, a.field).split(" (")[0].lower(),
                    old=_short(a.old_value),
                    new=_short(a.new_value),
                    why=a.reason,
                )
                for a in addenda
            ]
            self.addenda.setText(self.tr("Corrections:") + "\n" + "\n".join(lines))
        kind = labels.label(interactions.KIND_LABELS, InteractionKind(self.kind.currentData()))
        completion = self.completion
        self.undo_completion_button.setVisible(completion is not None)
        if locked and self.interaction and self.interaction.finalised_at:
            self.setWindowTitle(
                self.tr("{kind} with {name} — finalised").format(
                    kind=kind, name=self.client.preferred_name
                )
            )
            finalised = self.tr("Finalised {when}. Corrections are kept beside the original.")
            text = finalised.format(
                when=locale_format.day_time(self.interaction.finalised_at, self.practice_locale)
            )
            if completion is not None:
                text += " " + self.tr("The appointment of {time} is marked completed.").format(
                    time=locale_format.time(completion.detail.start, self.practice_locale)
                )
            self.status.setText(text)
        else:
            self.setWindowTitle(
                self.tr("{kind} with {name}").format(kind=kind, name=self.client.preferred_name)
            )

    # -- checklist ------------------------------------------------------------------

    def _appointment_changed(self) -> None:
        appointment_id = self.appointment.currentData()
        minutes = self.ops.read(lambda s: interactions.recorded_minutes_late(s, appointment_id))
        self.minutes_late.blockSignals(True)
        self.minutes_late.setValue(minutes)
        self.minutes_late.blockSignals(False)
        self.minutes_late.setEnabled(appointment_id is not None and not self.locked())
        self._facts_changed()

    def _facts_changed(self) -> None:
        self._edited()
        self._refresh_checklist()

    def _refresh_checklist(self) -> None:
        data = self.collect()
        interaction_id = self.interaction.id if self.interaction else None
        items = self.ops.read(
            lambda s: interactions.checklist_for(
                s,
                data,
                interaction_id=interaction_id,
                today=dt.date.today(),
                locale=self.practice_locale,
            )
        )
        while self.checklist_layout.count():
            taken = self.checklist_layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                delete_now(widget)  # rebuilt on every change of the facts: see delete_now
        self.checklist_rows = {}
        for item in items:
            row = ChecklistRow(item, locked=self.locked())
            row.answered.connect(self.record_answer)
            for radio in row.buttons.values():  # a reason box that opens is scrolled to
                radio.toggled.connect(partial(self._reveal_answer_box, row))
            self.checklist_rows[item.number] = row
            self.checklist_layout.addWidget(row)
        self.checklist_layout.addStretch(1)
        # Tab goes through the checklist before the buttons at the bottom: rows made now
        # would otherwise join the focus chain after them. An automatic row has no answer
        # field (it shows what the check found).
        answer_fields = [row.text for row in self.checklist_rows.values() if row.text is not None]
        if answer_fields:
            previous: QWidget = answer_fields[-1]
            for button in self.bottom_buttons:
                QWidget.setTabOrder(previous, button)
                previous = button
        self._show_language_findings()

    def _reveal_answer_box(self, row: ChecklistRow, checked: bool) -> None:
        if checked and row.text is not None and not row.text.isHidden():
            # After the layout has made room for the box.
            QTimer.singleShot(0, lambda: self._scroll_to_box(row))

    def _scroll_to_box(self, row: ChecklistRow) -> None:
        if row.text is not None and shiboken6.isValid(row.text) and row.text.isVisible():
            self.checklist_scroll.ensureWidgetVisible(row.text, 0, 16)

    def record_answer(self, principle_id: int, value: ChecklistAnswerValue, text: str) -> None:
        """Store one checklist answer (saving the draft first if it is new)."""
        if self.interaction is None and not self.save_draft():
            return
        interaction = self.interaction
        assert interaction is not None
        reason = text if value is ChecklistAnswerValue.NOT_APPLICABLE else ""
        note = text if value is ChecklistAnswerValue.NOT_DONE else ""
        row = next(r for r in self.checklist_rows.values() if r.item.principle_id == principle_id)
        try:
            self.interaction = self.ops.run(
                lambda s: interactions.answer(
                    s,
                    interaction.id,
                    principle_id,
                    value,
                    reason=reason,
                    note=note,
                    now=dt.datetime.now(),
                ),
            )
        except ValidationError as error:
            if row.error is not None:
                row.error.setText("⚠ " + " ".join(e.message for e in error.errors))
                row.error.show()
            return
        if row.error is not None:
            row.error.hide()
        self._refresh_missing()

    def _refresh_missing(self) -> None:
        """While "Before finalising, answer:" is shown it follows the answers: an item
        answered leaves the list (and loses its mark); the list goes when nothing is left."""
        interaction = self.interaction
        if self.missing_label.isHidden() or interaction is None:
            return
        today = dt.date.today()
        check = self.ops.read(lambda s: interactions.check_finalise(s, interaction.id, today=today))
        for number, row in self.checklist_rows.items():
            if number not in check.missing:
                row.set_highlighted(False)
        if check.missing:
            self._show_missing(check.missing, go=False)
        else:
            self.missing_label.hide()

    # -- saving ---------------------------------------------------------------------

    def _show_language_findings(self) -> None:
        """Principle 9 and money wording: what the check found, where (advisory)."""
        findings = []
        for name, edit in self.texts.items():
            if name == "practitioner_only_notes":
                continue
            for hit in self.checker.check(edit.toPlainText()):
                findings.append(f"{TEXT_LABELS[name].split(' (')[0]}: {hit.message}")
        text = "\n".join(findings[:6]) if findings else self.tr("Nothing to look at so far.")
        if len(findings) > 6:
            text += "\n" + self.tr("…and {n} more").format(n=len(findings) - 6)
        for row in self.checklist_rows.values():
            if row.item.requirement is Requirement.AUTOMATIC:
                row.findings.setText(text)

    def _edited(self) -> None:
        self._show_language_findings()
        if not self._loading and not self.locked():
            self._dirty = True
            self.status.setText(self.tr("Unsaved changes — saved automatically in a moment"))

    def _autosave(self) -> None:
        if self._dirty and not self.locked():
            self.save_draft(quiet=True)

    def save_draft(self, quiet: bool = False) -> bool:
        data = self.collect()
        interaction_id = self.interaction.id if self.interaction else None
        for wrapper in self.fields.values():
            wrapper.show_error(None)
        self.form_error.hide()
        try:
            self.interaction = self.ops.run(
                lambda s: interactions.save_draft(
                    s, data, interaction_id=interaction_id, now=dt.datetime.now()
                ),
            )
        except ValidationError as error:
            self._show_errors(error)
            return False
        except NotFoundError as error:
            self.form_error.setText(f"⚠ {error}")
            self.form_error.show()
            return False
        self._dirty = False
        saved = self.interaction.draft_saved_at or dt.datetime.now()
        self.status.setText(
            self.tr("Draft saved at {time}").format(
                time=locale_format.time(saved, self.practice_locale, seconds=True)
            )
        )
        return True

    def _show_errors(self, error: ValidationError, missing: tuple[int, ...] = ()) -> None:
        general: list[str] = []
        for problem in error.errors:
            wrapper = self.fields.get(problem.field)
            if wrapper is not None:
                wrapper.show_error(problem.message)
            elif problem.field == "checklist" and missing:
                self._show_missing(missing)
            else:
                general.append(problem.message)
        if general:
            self.form_error.setText("⚠ " + " ".join(general))
            self.form_error.show()
        else:
            self.form_error.hide()

    def _show_missing(self, missing: tuple[int, ...], *, go: bool = True) -> None:
        """The words "Before finalising, answer:" and each missing item as a link that
        scrolls to it (``go``: and scroll to the first now)."""
        links = []
        for number in missing:
            row = self.checklist_rows.get(number)
            title = _short(row.item.text, 48) if row is not None else ""
            links.append(f'<a href="#{number}">{number}&nbsp;{html.escape(title)}</a>')
        self.missing_label.setText(
            "⚠ " + self.tr("Before finalising, answer:") + " " + " · ".join(links)
        )
        self.missing_label.show()
        if go:
            self.show_checklist_item(missing[0])

    def show_checklist_item(self, number: int) -> None:
        """Scroll the checklist to item ``number``, mark it, and put the focus on it."""
        row = self.checklist_rows.get(number)
        if row is None:
            return
        self.checklist_scroll.ensureWidgetVisible(row, 0, 24)
        for other in self.checklist_rows.values():
            other.set_highlighted(other is row)
        target = next(iter(row.buttons.values()), None) if row.buttons else None
        (target or row).setFocus(Qt.FocusReason.OtherFocusReason)

    def make_finalise_dialog(self) -> FinaliseDialog | None:
        """The question before finalising (None when the record cannot be finalised yet:
        what is missing is shown instead, each item a link to it)."""
        interaction = self.interaction
        assert interaction is not None
        today = dt.date.today()
        check = self.ops.read(lambda s: interactions.check_finalise(s, interaction.id, today=today))
        if not check.ready:
            self._show_errors(ValidationError(list(check.errors)), missing=check.missing)
            return None
        now = dt.datetime.now()
        offered = self.ops.read(
            lambda s: interactions.appointment_to_complete(s, interaction.id, now=now)
        )
        automatic = self.ops.read(money.charge_mode) is ChargeMode.AUTOMATIC
        kind = InteractionKind(self.kind.currentData())
        return FinaliseDialog(
            what=self.tr("session note") if kind is InteractionKind.SESSION else self.tr("record"),
            name=self.client.preferred_name,
            appointment=offered,
            charged_at_once=automatic,
            locale=self.practice_locale,
            parent=self,
        )

    def run_finalise_dialog(self, dialog: FinaliseDialog) -> bool:
        """Ask (tests replace this to answer)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def finalise(self) -> bool:
        """Save, check, ask, then finalise (and complete the appointment if so chosen)."""
        if not self.save_draft():
            return False
        interaction = self.interaction
        assert interaction is not None
        dialog = self.make_finalise_dialog()
        if dialog is None or not self.run_finalise_dialog(dialog):
            return False
        completes = dialog.completes()
        now, today = dt.datetime.now(), dt.date.today()
        try:
            if completes:
                self.interaction, self.completion = self.ops.run(
                    lambda s: interactions.finalise_and_complete(
                        s, interaction.id, now=now, today=today
                    ),
                )
            else:
                self.interaction = self.ops.run(
                    lambda s: interactions.finalise(s, interaction.id, now=now, today=today),
                )
        except ValidationError as error:
            self._show_errors(error)
            return False
        self.form_error.hide()
        self.missing_label.hide()
        self._show_state()
        self._refresh_checklist()
        return True

    def undo_completion(self) -> None:
        """Take back the "completed" the finalising step set (and the charge it made)."""
        completion = self.completion
        if completion is None:
            return
        today = dt.date.today()
        try:
            self.ops.run(lambda s: appointments.undo_completion(s, completion, today=today))
        except ValidationError as error:  # changed since, or its charge is paid
            self.form_error.setText("⚠ " + self._message(error))
            self.form_error.show()
            return
        self.completion = None
        self._show_state()

    @staticmethod
    def _message(error: Exception) -> str:
        if isinstance(error, ValidationError):
            return " ".join(e.message for e in error.errors)
        return str(error)

    def make_correction_dialog(self) -> CorrectionDialog:
        assert self.interaction is not None
        return CorrectionDialog(self.interaction, TEXT_LABELS, self)

    def run_correction_dialog(self, dialog: CorrectionDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def add_correction(self) -> None:
        """Correct a finalised record; the original is kept in the addendum."""
        interaction = self.interaction
        if interaction is None or not self.locked():
            return
        dialog = self.make_correction_dialog()
        while self.run_correction_dialog(dialog):
            field = dialog.field.currentData()
            text, reason = dialog.text.toPlainText(), dialog.reason.text()
            try:
                correct = partial(
                    interactions.add_correction,
                    interaction_id=interaction.id,
                    field=field,
                    new_value=text,
                    reason=reason,
                    now=dt.datetime.now(),
                    actor=current_actor(),
                )
                self.interaction = self.ops.run(correct)
            except ValidationError as error:
                for problem in error.errors:
                    dialog.show_error(problem.field, problem.message)
                continue
            self._loading = True
            self.texts[field].setPlainText(getattr(self.interaction, field))
            self._loading = False
            self._show_state()
            return

    def make_referral_dialog(self) -> ReferralDialog:
        assert self.interaction is not None
        return ReferralDialog(
            self.ops, client_id=self.client_id, interaction_id=self.interaction.id, parent=self
        )

    def run_referral_dialog(self, dialog: ReferralDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def refer(self) -> None:
        """Refer the client; the draft is saved first so the referral is linked to it."""
        if self.locked() or ((self.interaction is None or self._dirty) and not self.save_draft()):
            return
        dialog = self.make_referral_dialog()
        if not self.run_referral_dialog(dialog) or dialog.stored is None:
            return
        self._refresh_checklist()
        self.status.setText(
            self.tr("Referred to {provider}; principle 7 now applies to this contact.").format(
                provider=dialog.stored.provider_name
            )
        )

    def make_print_dialog(self) -> QDialog:
        from ui.dialogs.print_summary import PrintSummaryDialog

        assert self.interaction is not None
        return PrintSummaryDialog(self.ops, self.interaction.id, self)

    def print_summary(self) -> None:
        """Print what is written now: unsaved typing is saved as a draft first."""
        if self.interaction is None and not self._dirty:
            self.status.setText(self.tr("Write the note first; then it can be printed."))
            return
        if self._dirty and not self.locked() and not self.save_draft(quiet=True):
            return
        self.run_print_dialog(self.make_print_dialog())

    def run_print_dialog(self, dialog: QDialog) -> None:
        dialog.exec()

    def make_money_dialog(self) -> MoneyConversationDialog:
        assert self.interaction is not None
        return MoneyConversationDialog(
            self.ops,
            self.client_id,
            self,
            interaction_id=self.interaction.id,
            held_on=from_qdatetime(self.occurred_at.dateTime()).date(),
        )

    def run_money_dialog(self, dialog: MoneyConversationDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def money_conversation(self) -> None:
        """Record a money conversation linked to this contact; principle 6 then applies."""
        if self.locked() or ((self.interaction is None or self._dirty) and not self.save_draft()):
            return
        if self.run_money_dialog(self.make_money_dialog()):
            self._refresh_checklist()
            self.status.setText(
                self.tr("Money conversation recorded; principle 6 now applies to this contact.")
            )

    def add_fact(self) -> None:
        text = self.fact_text.text()
        try:
            self.ops.run(
                lambda s: clients.add_fact(s, self.client_id, text, dt.date.today()),
            )
        except ValidationError as error:
            self.form_error.setText("⚠ " + " ".join(e.message for e in error.errors))
            self.form_error.show()
            return
        self.fact_text.clear()
        self.status.setText(self.tr("Added to the facts to remember."))

    def done(self, result: int) -> None:
        """Closing saves what was typed; nothing is lost by closing."""
        if self._dirty and not self.locked():
            self.save_draft(quiet=True)
        self.autosave.stop()
        super().done(result)
