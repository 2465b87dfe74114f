"""The layout of the write-up of a contact (:class:`ui.dialogs.interaction.InteractionEditor`
behaves)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clientcare import interactions
from ui import labels
from ui.dialog import Dialog
from ui.labels import QT_TRANSLATE_NOOP
from ui.theme import set_heading
from ui.widgets.fields import FieldWithError, error_label
from ui.widgets.reflow import ColumnsThatFit

TEXT_LABELS = {
    "notes": QT_TRANSLATE_NOOP("labels", "Notes"),
    "client_words": QT_TRANSLATE_NOOP("labels", "In the client's own words"),
    "next_steps": QT_TRANSLATE_NOOP("labels", "Agreed next steps"),
    "more_helpful": QT_TRANSLATE_NOOP(
        "labels", "What might have been more helpful? (ask, and write their answer)"
    ),
    "practitioner_only_notes": QT_TRANSLATE_NOOP(
        "labels", "For you only (never printed for the client)"
    ),
}
FLAG_LABELS = {
    "not_at_my_best": QT_TRANSLATE_NOOP("labels", "I was not at my best today"),
    "plan_not_a_fit": QT_TRANSLATE_NOOP("labels", "The plan did not feel right to the client"),
    "referral_considered": QT_TRANSLATE_NOOP("labels", "A referral was considered or made"),
    "checkins_discussed": QT_TRANSLATE_NOOP("labels", "We talked about check-ins"),
}


class InteractionEditorView(Dialog):
    """The client's name and greeting on top; the form (kind, when, practitioner,
    appointment, lateness, flags, the texts, a fact) on the left and the service
    principles' checklist on the right; messages and the buttons at the bottom.

    The checklist rows are made by the editor as the contact changes
    (``checklist_layout`` holds them).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interaction_editor")
        self.resize(1180, 760)

        self.heading = QLabel()
        self.heading.setObjectName("interaction_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # a name is text, never markup
        set_heading(self.heading, "heading")
        self.greeting = QLabel()
        self.greeting.setObjectName("greeting")
        self.greeting.setWordWrap(True)

        self.kind = QComboBox()
        for kind, label in interactions.KIND_LABELS.items():
            self.kind.addItem(labels.translate(label), kind.value)
        self.occurred_at = QDateTimeEdit()
        self.occurred_at.setCalendarPopup(True)
        self.practitioner = QComboBox()
        self.appointment = QComboBox()

        self.texts: dict[str, QPlainTextEdit] = {}
        self.fields: dict[str, FieldWithError] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("When"), self._wrap("occurred_at", self.occurred_at))
        form.addRow(self.tr("Practitioner"), self.practitioner)
        form.addRow(self.tr("Appointment"), self._wrap("appointment_id", self.appointment))
        self.minutes_late = QSpinBox()
        self.minutes_late.setRange(0, 600)
        self.minutes_late.setSuffix(self.tr(" min"))
        self.minutes_late.setAccessibleName(self.tr("I started late by, in minutes"))
        self.minutes_late.setToolTip(
            self.tr("Past the practice's threshold the checklist asks you to offer rescheduling")
        )
        form.addRow(
            self.tr("I started late by"), self._wrap("practitioner_minutes_late", self.minutes_late)
        )
        self.flags: dict[str, QCheckBox] = {}
        for name, label in FLAG_LABELS.items():
            box = QCheckBox(labels.translate(label))
            box.setObjectName(name)
            self.flags[name] = box
        # Two columns when there is room; one under the other in a narrow window.
        self.flag_columns = ColumnsThatFit(self.flags.values(), columns=2)
        form.addRow(self.tr("Also"), self.flag_columns)
        for name, label in TEXT_LABELS.items():
            edit = QPlainTextEdit()
            edit.setObjectName(name)
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(labels.translate(label))
            edit.setMinimumHeight(90 if name in ("notes", "client_words") else 60)
            self.texts[name] = edit
            caption = QLabel(labels.translate(label))
            caption.setWordWrap(True)
            form.addRow(caption)
            form.addRow(self._wrap(name, edit))
        self.remember = QPushButton(self.tr("I asked again and wrote it down…"))
        self.remember.setObjectName("add_fact_from_interaction")
        self.remember.setToolTip(
            self.tr("Add what the client told you to their facts to remember (principle 4)")
        )
        self.fact_text = QLineEdit()
        self.fact_text.setObjectName("interaction_fact_text")
        self.fact_text.setPlaceholderText(self.tr("e.g. Has a dog called Biscuit"))
        fact_row = QHBoxLayout()
        fact_row.addWidget(self.fact_text, 1)
        fact_row.addWidget(self.remember)
        form.addRow(self.tr("Fact"), fact_row)
        self.money_button = QPushButton(self.tr("Money conversation…"))
        self.money_button.setObjectName("money_conversation")
        self.money_button.setToolTip(
            self.tr("Record a conversation about money, linked to this contact (principle 6)")
        )

        left = QWidget()
        left.setLayout(form)
        left_scroll = QScrollArea()
        left_scroll.setWidgetResizable(True)
        left_scroll.setWidget(left)

        self.checklist_box = QWidget()
        self.checklist_layout = QVBoxLayout(self.checklist_box)
        self.checklist_layout.setContentsMargins(4, 4, 4, 4)
        checklist_scroll = QScrollArea()
        checklist_scroll.setWidgetResizable(True)
        checklist_scroll.setWidget(self.checklist_box)
        self.checklist_scroll = checklist_scroll
        checklist_title = QLabel(self.tr("Service principles for this contact"))
        checklist_title.setObjectName("checklist_title")
        bold = checklist_title.font()
        bold.setBold(True)
        checklist_title.setFont(bold)
        right = QWidget()
        right.setMinimumWidth(460)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(checklist_title)
        right_layout.addWidget(checklist_scroll, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        self.status = QLabel()
        self.status.setObjectName("save_status")
        self.status.setWordWrap(True)  # a long status wraps; it never widens the window
        self.form_error = error_label("interaction_error")
        # What stops finalising, each checklist item a link that scrolls to it.
        self.missing_label = error_label("finalise_missing")
        self.missing_label.setTextFormat(Qt.TextFormat.RichText)
        self.missing_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.undo_completion_button = QPushButton(self.tr("Undo “completed”"))
        self.undo_completion_button.setObjectName("undo_completion")
        self.undo_completion_button.setToolTip(
            self.tr("The appointment goes back to how it was (and its charge is taken back)")
        )
        self.undo_completion_button.hide()
        self.save_button = QPushButton(self.tr("Save draft"))
        self.save_button.setObjectName("save_draft")
        self.finalise_button = QPushButton(self.tr("Finalise"))
        self.finalise_button.setObjectName("finalise")
        self.finalise_button.setToolTip(
            self.tr("Lock this record; later changes are kept as corrections")
        )
        self.correct_button = QPushButton(self.tr("Add a correction…"))
        self.correct_button.setObjectName("add_correction")
        self.print_button = QPushButton(self.tr("Print summary…"))
        self.print_button.setObjectName("print_summary_button")
        self.print_button.setToolTip(self.tr("For the file or for the client (Ctrl+P)"))
        self.print_button.setShortcut("Ctrl+P")
        self.addenda = QLabel()
        self.addenda.setObjectName("addenda")
        self.addenda.setWordWrap(True)
        self.addenda.hide()
        self.refer_button = QPushButton(self.tr("Refer…"))
        self.refer_button.setObjectName("refer")
        self.refer_button.setToolTip(
            self.tr("Refer the client to someone who may be a better fit (principle 7)")
        )
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.undo_completion_button)
        buttons.addWidget(self.refer_button)
        buttons.addWidget(self.money_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.finalise_button)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        #: The buttons at the bottom, in tab order (the checklist's rows come before them).
        self.bottom_buttons = [
            self.undo_completion_button,
            self.refer_button,
            self.money_button,
            self.save_button,
            self.finalise_button,
            self.correct_button,
            self.print_button,
            self.close_button,
        ]

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.greeting)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.addenda)
        layout.addWidget(self.form_error)
        layout.addWidget(self.missing_label)
        layout.addLayout(buttons)

    def _wrap(self, name: str, editor: QWidget) -> FieldWithError:
        editor.setObjectName(name)
        wrapper = FieldWithError(editor, name)
        self.fields[name] = wrapper
        return wrapper
