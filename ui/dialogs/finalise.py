"""Finalise a note with care: say what will be locked, and offer to mark its appointment
completed in the same step (undoable from the editor afterwards)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from clientcare import locale_format
from clientcare.appointments import AppointmentDetail
from ui.dialog import Dialog


class FinaliseDialog(Dialog):
    """ "Finalise this note?" with what locking means, and (when the note's appointment has
    started and is still open) "Also mark the appointment completed", ticked."""

    def __init__(
        self,
        *,
        what: str,
        name: str,
        appointment: AppointmentDetail | None,
        charged_at_once: bool,
        locale: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("finalise_dialog")
        self.setWindowTitle(self.tr("Finalise the {what}?").format(what=what))
        self.setMinimumWidth(460)
        question = QLabel(
            self.tr(
                "Finalising locks this {what} with {name}: its text and its checklist "
                "answers can no longer be changed."
            ).format(what=what, name=name)
        )
        question.setObjectName("finalise_question")
        question.setWordWrap(True)
        later = QLabel(
            self.tr(
                "A mistake can still be put right afterwards with “Add a correction…”; the "
                "original is kept beside it."
            )
        )
        later.setObjectName("finalise_later")
        later.setWordWrap(True)
        self.complete = QCheckBox()
        self.complete.setObjectName("finalise_complete_appointment")
        if appointment is not None:
            self.complete.setText(
                self.tr("Also mark the appointment of {time} as completed").format(
                    time=locale_format.weekday_day_time(appointment.start, locale)
                )
            )
            self.complete.setChecked(True)
        self._offered = appointment is not None
        self.complete.setVisible(self._offered)
        self.charge_note = QLabel(
            self.tr("Completing it charges the session, as the practice's money settings say.")
        )
        self.charge_note.setObjectName("finalise_charge_note")
        self.charge_note.setWordWrap(True)
        self.charge_note.setVisible(appointment is not None and charged_at_once)
        self.complete.toggled.connect(
            lambda on: self.charge_note.setVisible(on and charged_at_once)
        )

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.finalise_button = self.buttons.addButton(
            self.tr("&Finalise"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.finalise_button.setObjectName("confirm_finalise")
        self.finalise_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(question)
        layout.addWidget(later)
        layout.addWidget(self.complete)
        layout.addWidget(self.charge_note)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        (self.complete if appointment is not None else self.finalise_button).setFocus()

    def completes(self) -> bool:
        """Whether the appointment is to be marked completed with the note."""
        return self._offered and self.complete.isChecked()
