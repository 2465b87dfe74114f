"""The Settings screen: practice, service principles, word lists, running-late message."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clientcare import lateness, locale_format, settings
from clientcare.db.models import (
    Requirement,
    WordList,
)
from clientcare.errors import NotFoundError, ValidationError
from clientcare.language import load_checker
from clientcare.lateness import (
    PLACEHOLDERS,
    compose_notice,
    reschedule_required,
    validate_template,
)
from clientcare.settings import (
    REQUIREMENT_LABELS,
    PracticeInput,
    PrincipleRow,
)
from ui.dialog import Dialog
from ui.models.base import select_row_with_id, selected_model_row
from ui.models.settings import PrincipleTableModel, WordTableModel
from ui.ops import Operations
from ui.screens.settings_money import MoneyTab
from ui.theme import SPACE_M, empty_state, look, screen_title
from ui.widgets.fields import FieldWithError, clear_errors, error_label, show_errors
from ui.widgets.language_highlighter import LanguageHighlighter
from ui.widgets.pickers import CurrencyPicker, LocalePicker
from ui.widgets.settings_tab import fill_with_scrolled, mark_loaded, save_row, watch_changes

# --------------------------------------------------------------------------
# Practice
# --------------------------------------------------------------------------


class PracticeTab(QWidget):
    """The practice's details and business rules, saved together."""

    # The save row's parts, set by save_row (ui/widgets/settings_tab.py).
    status: QLabel
    save_button: QPushButton
    revert_button: QPushButton

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Riverside Counselling"))
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(64)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("e.g. 020 7946 0000"))
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("name@example.org"))
        self.currency = CurrencyPicker()
        self.currency.setMaximumWidth(120)
        self.locale_field = LocalePicker()
        self.locale_field.setMaximumWidth(320)
        self.threshold = QSpinBox()
        self.threshold.setRange(*settings.THRESHOLD_RANGE)
        self.threshold.setSuffix(self.tr(" minutes"))
        self.session_minutes = QSpinBox()
        self.session_minutes.setRange(*settings.SESSION_RANGE)
        self.session_minutes.setSingleStep(5)
        self.session_minutes.setSuffix(self.tr(" minutes"))
        self.cancellation_window = QSpinBox()
        self.cancellation_window.setRange(*settings.WINDOW_RANGE)
        self.cancellation_window.setSuffix(self.tr(" hours"))
        for spin in (self.threshold, self.session_minutes, self.cancellation_window):
            spin.setMaximumWidth(160)

        self.editors: dict[str, QWidget] = {
            "name": self.name,
            "address": self.address,
            "phone": self.phone,
            "email": self.email,
            "currency": self.currency,
            "locale": self.locale_field,
            "lateness_threshold_minutes": self.threshold,
            "default_session_minutes": self.session_minutes,
            "cancellation_window_hours": self.cancellation_window,
        }
        labels = {
            "name": self.tr("Practice &name"),
            "address": self.tr("Address"),
            "phone": self.tr("P&hone"),
            "email": self.tr("&E-mail"),
            "currency": self.tr("&Currency"),
            "locale": self.tr("&Language and country"),
            "lateness_threshold_minutes": self.tr(
                "Offer rescheduling when running late by more than"
            ),
            "default_session_minutes": self.tr("Default session length"),
            "cancellation_window_hours": self.tr("Cancellation window"),
        }
        hints = {
            "currency": self.tr("Three letters, as on an invoice."),
            "locale": self.tr("How dates and amounts are written, and phone numbers read."),
            "cancellation_window_hours": self.tr(
                "Cancelling with less notice than this counts as a late cancellation."
            ),
        }
        self.fields: dict[str, FieldWithError] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(8)
        for name, editor in self.editors.items():
            editor.setObjectName(name)
            plain = labels[name].replace("&", "")
            editor.setAccessibleName(plain)
            wrapper = FieldWithError(editor, name)
            if name in hints:
                hint = QLabel(hints[name])
                hint.setWordWrap(True)
                hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
                wrapper.add_hint(hint)
            self.fields[name] = wrapper
            label = QLabel(labels[name])
            label.setBuddy(editor)
            form.addRow(label, wrapper)

        self.form_error = error_label("practice_form_error")
        buttons = save_row(self, "practice")
        self.save_button.setDefault(True)

        body = QWidget()
        body.setMaximumWidth(900)
        inner = QVBoxLayout(body)
        inner.setContentsMargins(16, 12, 16, 12)
        inner.addLayout(form)
        inner.addWidget(self.form_error)
        inner.addLayout(buttons)
        inner.addStretch(1)
        fill_with_scrolled(self, body)
        self.load()
        watch_changes(self, body)

    def load(self) -> None:
        data = self.ops.read(settings.get_practice)
        self.name.setText(data.name)
        self.address.setPlainText(data.address)
        self.phone.setText(data.phone)
        self.email.setText(data.email)
        self.currency.set_code(data.currency)
        self.locale_field.set_code(data.locale)
        self.threshold.setValue(data.lateness_threshold_minutes)
        self.session_minutes.setValue(data.default_session_minutes)
        self.cancellation_window.setValue(data.cancellation_window_hours)
        clear_errors(self.fields, self.form_error)
        self.status.clear()
        mark_loaded(self, self.current_input)

    def current_input(self) -> PracticeInput:
        return PracticeInput(
            name=self.name.text(),
            address=self.address.toPlainText(),
            phone=self.phone.text(),
            email=self.email.text(),
            currency=self.currency.code(),
            locale=self.locale_field.code(),
            lateness_threshold_minutes=self.threshold.value(),
            default_session_minutes=self.session_minutes.value(),
            cancellation_window_hours=self.cancellation_window.value(),
        )

    def save(self) -> bool:
        data = self.current_input()
        try:
            self.ops.run(lambda s: settings.update_practice(s, data))
        except ValidationError as error:
            self.status.clear()
            show_errors(self.fields, error, self.form_error)
            return False
        self.load()
        self.status.setText(self.tr("✓ Saved."))
        return True


# --------------------------------------------------------------------------
# Principles
# --------------------------------------------------------------------------


RULE_HELP = (
    'A rule is JSON: {"always": true}, {"fact": "first_session"}, '
    '{"kind_in": ["session", "phone_call"]}, '
    '{"compare": ["practitioner_minutes_late", ">", "lateness_threshold_minutes"]}, '
    'and {"all": [...]}, {"any": [...]}, {"not": ...} to combine them.'
)


class PrincipleDialog(Dialog):
    """Add or edit one principle; the rule is JSON, checked before anything is stored."""

    def __init__(
        self, ops: Operations, row: PrincipleRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.row = row
        self.saved_row: PrincipleRow | None = None
        self.setObjectName("principle_dialog")
        if row is None:
            self.setWindowTitle(self.tr("Add a principle"))
        else:
            self.setWindowTitle(self.tr("Principle {n}").format(n=row.number))

        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("What to do, in one sentence"))
        self.explanation = QPlainTextEdit()
        self.explanation.setTabChangesFocus(True)
        self.explanation.setFixedHeight(70)
        self.applies_when = QLineEdit()
        self.applies_when.setPlaceholderText(self.tr("e.g. every session or call"))
        self.requirement = QComboBox()
        for requirement in Requirement:
            self.requirement.addItem(self.tr(REQUIREMENT_LABELS[requirement]), requirement.value)
        self.rule = QPlainTextEdit()
        self.rule.setTabChangesFocus(True)
        self.rule.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.rule.setMinimumHeight(110)
        self.rule.setPlaceholderText('{"always": true}')

        self.editors: dict[str, QWidget] = {
            "text": self.text,
            "explanation": self.explanation,
            "applies_when": self.applies_when,
            "requirement": self.requirement,
            "rule": self.rule,
        }
        labels = {
            "text": self.tr("&Principle *"),
            "explanation": self.tr("&Why"),
            "applies_when": self.tr("&Applies when"),
            "requirement": self.tr("&Requirement"),
            "rule": self.tr("R&ule (JSON) *"),
        }
        self.fields: dict[str, FieldWithError] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for name, editor in self.editors.items():
            editor.setObjectName(f"principle_{name}")
            editor.setAccessibleName(labels[name].replace("&", "").rstrip(" *"))
            wrapper = FieldWithError(editor, f"principle_{name}")
            self.fields[name] = wrapper
            label = QLabel(labels[name])
            label.setBuddy(editor)
            form.addRow(label, wrapper)
        help_label = QLabel(self.tr(RULE_HELP))
        help_label.setWordWrap(True)
        help_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow("", help_label)

        self.form_error = error_label("principle_form_error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_principle")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)
        self.resize(620, 520)

        if row is not None:
            self.text.setText(row.text)
            self.explanation.setPlainText(row.explanation)
            self.applies_when.setText(row.applies_when)
            self.requirement.setCurrentIndex(self.requirement.findData(row.requirement.value))
            self.rule.setPlainText(settings.pretty_rule(row.rule_json))
        else:
            self.requirement.setCurrentIndex(self.requirement.findData(Requirement.ADVISORY.value))
            self.rule.setPlainText('{"always": true}')

    def save(self) -> None:
        values = (
            self.text.text(),
            self.explanation.toPlainText(),
            self.applies_when.text(),
            self.rule.toPlainText(),
            str(self.requirement.currentData()),
        )
        row = self.row
        if row is None:
            action: Callable[[Any], PrincipleRow] = lambda s: settings.add_principle(s, *values)  # noqa: E731
        else:
            action = lambda s: settings.update_principle(s, row.id, *values)  # noqa: E731
        try:
            self.saved_row = self.ops.run(action)
        except ValidationError as error:
            show_errors(self.fields, error, self.form_error)
            return
        except NotFoundError as error:
            self.form_error.setText(f"⚠ {error}")
            self.form_error.show()
            return
        self.accept()


class PrinciplesTab(QWidget):
    """The numbered principles, with add, edit, reorder and retire."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.dialog: PrincipleDialog | None = None

        intro = QLabel(
            self.tr(
                "The principles the checklist offers after each contact. Retired ones stay, "
                "so past answers keep their meaning."
            )
        )
        intro.setWordWrap(True)
        self.model = PrincipleTableModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName("principles_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        look(self.table, "roomy")
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(2, 270)
        # Wrapped text: fit the rows again once the columns have their final widths.
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.setObjectName("add_principle")
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("edit_principle")
        self.up_button = QPushButton(self.tr("Move &up"))
        self.up_button.setObjectName("move_principle_up")
        self.down_button = QPushButton(self.tr("Move &down"))
        self.down_button.setObjectName("move_principle_down")
        self.retire_button = QPushButton(self.tr("&Retire"))
        self.retire_button.setObjectName("retire_principle")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.retire_button.clicked.connect(self.toggle_retired)
        self.message = error_label("principles_error")

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.retire_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_rows.start()

    def load(self, select_id: int | None = None) -> None:
        if select_id is None:
            select_id = self.selected_id()
        self.model.set_rows(self.ops.read(settings.list_principles))
        self.table.resizeRowsToContents()
        if select_id is not None:
            self.select(select_id)
        self._update_buttons()

    def select(self, principle_id: int) -> None:
        select_row_with_id(self.table, self.model, principle_id)

    def selected_row(self) -> PrincipleRow | None:
        return selected_model_row(self.table, self.model)  # type: ignore[no-any-return]

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row else None

    def _update_buttons(self) -> None:
        row = self.selected_row()
        number = self.table.selectionModel().selectedRows()
        at = number[0].row() if number else -1
        self.edit_button.setEnabled(row is not None)
        self.retire_button.setEnabled(row is not None)
        self.up_button.setEnabled(row is not None and at > 0)
        self.down_button.setEnabled(row is not None and at < len(self.model.rows) - 1)
        if row is not None and not row.active:
            self.retire_button.setText(self.tr("&Restore"))
            self.retire_button.setToolTip(self.tr("Offer this principle in the checklist again"))
        else:
            self.retire_button.setText(self.tr("&Retire"))
            self.retire_button.setToolTip(
                self.tr("Stop offering this principle; past answers keep it")
            )

    def _open_dialog(self, row: PrincipleRow | None) -> PrincipleDialog:
        dialog = PrincipleDialog(self.ops, row, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._after_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after_dialog(self, dialog: PrincipleDialog) -> None:
        saved = dialog.saved_row
        self.load(saved.id if saved else None)

    def add(self) -> PrincipleDialog:
        return self._open_dialog(None)

    def edit_selected(self) -> PrincipleDialog | None:
        row = self.selected_row()
        return self._open_dialog(row) if row is not None else None

    def _run(self, action: Callable[[Any], PrincipleRow]) -> None:
        self.message.hide()
        try:
            row = self.ops.run(action)
        except NotFoundError as error:
            self.message.setText(f"⚠ {error}")
            self.message.show()
            self.load()
            return
        self.load(row.id)

    def move_selected(self, direction: int) -> None:
        principle_id = self.selected_id()
        if principle_id is not None:
            self._run(lambda s: settings.move_principle(s, principle_id, direction))

    def toggle_retired(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if row.active:
            self._run(lambda s: settings.retire_principle(s, row.id))
        else:
            self._run(lambda s: settings.restore_principle(s, row.id))


# --------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------


class WordListBox(QGroupBox):
    """One word list: the words, a line to add one with its suggestion, and Remove."""

    def __init__(
        self, ops: Operations, word_list: WordList, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self.ops = ops
        self.word_list = word_list
        key = word_list.value
        self.setObjectName(f"words_{key}")

        self.model = WordTableModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName(f"words_{key}_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setStretchLastSection(True)

        self.word = QLineEdit()
        self.word.setObjectName(f"{key}_word")
        self.word.setPlaceholderText(self.tr("Word or phrase"))
        self.word.setAccessibleName(self.tr("New word for {title}").format(title=title))
        self.suggestion = QLineEdit()
        self.suggestion.setObjectName(f"{key}_suggestion")
        self.suggestion.setPlaceholderText(self.tr("Suggestion (optional)"))
        self.suggestion.setAccessibleName(self.tr("Suggestion"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName(f"add_{key}")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName(f"remove_{key}")
        self.error = error_label(f"{key}_error")
        # In the table's place when every word is removed: a blank box says nothing.
        self.empty = empty_state(self.empty_text(), f"words_{key}_empty")
        self.empty.setMargin(SPACE_M)
        self.empty.setFrameShape(QLabel.Shape.StyledPanel)
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)

        self.add_button.clicked.connect(self.add)
        self.word.returnPressed.connect(self.add)
        self.suggestion.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)

        adder = QHBoxLayout()
        adder.addWidget(self.word, 2)
        adder.addWidget(self.suggestion, 3)
        adder.addWidget(self.add_button)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.body, 1)
        layout.addLayout(remove_row)
        layout.addLayout(adder)
        layout.addWidget(self.error)

        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.load()

    def load(self) -> None:
        word_list = self.word_list
        self.model.set_rows(self.ops.read(lambda s: settings.list_words(s, word_list)))
        self.body.setCurrentWidget(self.table if self.model.rows else self.empty)
        self._update_buttons()

    def empty_text(self) -> str:
        """What the list says with no words in it: what it is for, and how to add one."""
        if self.word_list is WordList.PET_NAME:
            purpose = self.tr(
                "No pet names in this list. The language check points out the ones listed "
                "here (“honey”, “dear”…), so each client is called by their own name."
            )
        else:
            purpose = self.tr(
                "No money words in this list. The language check points out the ones listed "
                "here (“delinquent”, “you owe”…), so money is talked about without shame."
            )
        how = self.tr(
            "To add one, type the word or phrase below, with a suggestion if you like, "
            "and click Add."
        )
        return f"{purpose}\n\n{how}"

    def words(self) -> list[str]:
        return [row.word for row in self.model.rows]

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def add(self) -> None:
        word, suggestion, word_list = self.word.text(), self.suggestion.text(), self.word_list
        try:
            row = self.ops.run(lambda s: settings.add_word(s, word_list, word, suggestion))
        except ValidationError as error:
            self.show_error(error)
            return
        self.show_error(None)
        self.word.clear()
        self.suggestion.clear()
        self.load()
        for number, shown in enumerate(self.model.rows):
            if shown.id == row.id:
                self.table.selectRow(number)
                self.table.scrollTo(self.model.index(number, 0))
        self.word.setFocus()

    def show_error(self, error: ValidationError | None) -> None:
        """The messages under the line the word was typed in ("⚠" as well as colour)."""
        messages = [problem.message for problem in error.errors] if error else []
        self.error.setText("\n".join(f"⚠ {m}" for m in messages))
        self.error.setVisible(bool(messages))
        self.word.setAccessibleDescription(" ".join(messages))
        if messages:
            self.word.setFocus()

    def remove_selected(self) -> None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return
        word_id = self.model.rows[indexes[0].row()].id
        with contextlib.suppress(NotFoundError):  # already gone: the reload shows that
            self.ops.run(lambda s: settings.remove_word(s, word_id))
        self.load()
        if not self.model.rows:
            self.word.setFocus()  # Remove is disabled now; adding is what is left to do


class WordsTab(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(
            self.tr(
                "Words the language check points out in notes and messages, with a neutral "
                "suggestion. Whole words only; capitals do not matter."
            )
        )
        intro.setWordWrap(True)
        self.pet_names = WordListBox(ops, WordList.PET_NAME, self.tr("Pet names"))
        self.money_words = WordListBox(ops, WordList.MONEY_SHAMING, self.tr("Money words"))
        lists = QHBoxLayout()
        lists.addWidget(self.pet_names)
        lists.addWidget(self.money_words)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(intro)
        layout.addLayout(lists, 1)

    def load(self) -> None:
        self.pet_names.load()
        self.money_words.load()


# --------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------

PLACEHOLDER_HELP: dict[str, str] = {
    "preferred_name": "the client's preferred name",
    "minutes": "how many minutes late",
    "time": "the appointment's start, e.g. 10:00",
    "practitioner": "the practitioner's name",
    "reschedule": "the reschedule offer (added at the end when it is not placed)",
}
EXAMPLE_NAME = "Alex"
EXAMPLE_MINUTES = 15
EXAMPLE_START = dt.datetime.combine(dt.date.today(), dt.time(10, 0))


class MessagesTab(QWidget):
    """The "running late" message and its reschedule offer, with a live preview."""

    # The save row's parts, set by save_row (ui/widgets/settings_tab.py).
    status: QLabel
    save_button: QPushButton
    revert_button: QPushButton

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        intro = QLabel(
            self.tr(
                "The message drafted when you are running late. Past the practice threshold "
                "the reschedule offer is always included."
            )
        )
        intro.setWordWrap(True)
        checker = ops.read(load_checker)
        self.template = QPlainTextEdit()
        self.template.setFixedHeight(110)
        self.reschedule = QPlainTextEdit()
        self.reschedule.setFixedHeight(64)
        self.editors: dict[str, QPlainTextEdit] = {
            "late_notice_template": self.template,
            "reschedule_sentence": self.reschedule,
        }
        labels = {
            "late_notice_template": self.tr("Running-&late message"),
            "reschedule_sentence": self.tr("Re&schedule offer"),
        }
        self.highlighters = []
        self.fields: dict[str, FieldWithError] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(8)
        for name, editor in self.editors.items():
            editor.setObjectName(name)
            editor.setTabChangesFocus(True)
            editor.setAccessibleName(labels[name].replace("&", ""))
            self.highlighters.append(LanguageHighlighter(editor.document(), checker))
            wrapper = FieldWithError(editor, name)
            self.fields[name] = wrapper
            label = QLabel(labels[name])
            label.setBuddy(editor)
            form.addRow(label, wrapper)

        self.placeholders = QLabel(
            "<br>".join(
                f"<b>{{{name}}}</b> — {self.tr(PLACEHOLDER_HELP.get(name, ''))}"
                for name in PLACEHOLDERS
            )
        )
        self.placeholders.setObjectName("placeholders")
        self.placeholders.setTextFormat(Qt.TextFormat.RichText)
        self.placeholders.setWordWrap(True)
        self.placeholders.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(QLabel(self.tr("Placeholders")), self.placeholders)

        self.preview = QLabel()
        self.preview.setObjectName("message_preview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.preview.setMargin(8)
        self.preview.setBackgroundRole(QPalette.ColorRole.Base)
        self.preview.setAutoFillBackground(True)
        self.preview_caption = QLabel()
        self.preview_caption.setWordWrap(True)
        self.preview_caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        preview_box = QVBoxLayout()
        preview_box.setSpacing(2)
        preview_box.addWidget(self.preview)
        preview_box.addWidget(self.preview_caption)
        form.addRow(QLabel(self.tr("Preview")), preview_box)

        options_row = QWidget()
        options_layout = QVBoxLayout(options_row)
        options_layout.setContentsMargins(0, 0, 0, 0)
        self.client_options: dict[lateness.ClientLateOption, QCheckBox] = {}
        for option, caption in lateness.CLIENT_OPTION_LABELS.items():
            box = QCheckBox(self.tr(caption))
            box.setObjectName(f"client_option_{option.value}")
            self.client_options[option] = box
            options_layout.addWidget(box)
        self.fields["client_late_options"] = FieldWithError(options_row, "client_late_options")
        form.addRow(
            QLabel(self.tr("When a client arrives late, offer")),
            self.fields["client_late_options"],
        )

        self.form_error = error_label("messages_form_error")
        buttons = save_row(self, "messages")

        body = QWidget()
        body.setMaximumWidth(900)
        inner = QVBoxLayout(body)
        inner.setContentsMargins(16, 12, 16, 12)
        inner.setSpacing(10)
        inner.addWidget(intro)
        inner.addLayout(form)
        inner.addWidget(self.form_error)
        inner.addLayout(buttons)
        inner.addStretch(1)
        fill_with_scrolled(self, body)

        for editor in self.editors.values():
            editor.textChanged.connect(self.update_preview)
        self.load()
        watch_changes(self, body)

    def load(self) -> None:
        stored = self.ops.read(lateness.message_settings)
        self.practitioner, self.threshold = stored.practitioner, stored.threshold
        self.practice_locale = stored.locale  # the example time as clients will read it
        self.template.setPlainText(stored.template)
        self.reschedule.setPlainText(stored.reschedule_sentence)
        for option, box in self.client_options.items():
            box.setChecked(option in stored.client_options)
        clear_errors(self.fields, self.form_error)
        self.status.clear()
        self.update_preview()
        mark_loaded(self, self.form_state)

    def form_state(self) -> tuple[str, str, tuple[bool, ...]]:
        """What the tab's form holds ("Cancel changes" is offered when it differs)."""
        return (
            self.template.toPlainText(),
            self.reschedule.toPlainText(),
            tuple(box.isChecked() for box in self.client_options.values()),
        )

    def update_preview(self) -> None:
        """Fill the template with example values; say why not when it cannot be used."""
        template = self.template.toPlainText()
        problems = validate_template(template)
        offer = reschedule_required(EXAMPLE_MINUTES, self.threshold)
        if problems:
            self.preview.setText(
                self.tr("(No preview: {problem})").format(problem=problems[0].message)
            )
        else:
            self.preview.setText(
                compose_notice(
                    template,
                    self.reschedule.toPlainText().strip(),
                    preferred_name=EXAMPLE_NAME,
                    minutes=EXAMPLE_MINUTES,
                    start=EXAMPLE_START,
                    practitioner=self.practitioner,
                    offer_reschedule=offer,
                    locale=self.practice_locale,
                )
            )
        self.preview_caption.setText(
            self.tr(
                "For {name}, {minutes} minutes late for {time} with {practitioner}{offer}."
            ).format(
                name=EXAMPLE_NAME,
                minutes=EXAMPLE_MINUTES,
                time=locale_format.time(EXAMPLE_START, self.practice_locale),
                practitioner=self.practitioner,
                offer=self.tr(" (past the threshold, so with the reschedule offer)")
                if offer
                else "",
            )
        )

    def save(self) -> bool:
        template, sentence = self.template.toPlainText(), self.reschedule.toPlainText()
        try:
            options = [option for option, box in self.client_options.items() if box.isChecked()]

            def store(session):  # type: ignore[no-untyped-def]
                # One transaction: both the wording and the options, or neither.
                lateness.update_client_late_options(session, options)
                return lateness.update_templates(
                    session, late_notice_template=template, reschedule_sentence=sentence
                )

            hits = self.ops.run(store)
        except ValidationError as error:
            self.status.clear()
            show_errors(self.fields, error, self.form_error)
            return False
        self.load()
        message = self.tr("✓ Saved.")
        if hits:
            words = ", ".join(f"“{hit.text}”" for hit in hits)
            message += " " + self.tr("The language check points out {words}.").format(words=words)
        self.status.setText(message)
        return True


# --------------------------------------------------------------------------
# The screen
# --------------------------------------------------------------------------


class SettingsScreen(QWidget):
    """Settings → Practice, Practitioners, Principles, Words, Messages, Money, Printouts,
    Security and the audit log.

    Each tab is built when it is first shown (or asked for): the first visit builds the
    Practice tab, not the language checker of Messages, the printing layer of Printouts
    or the audit log.
    """

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        self._titles = {
            "practice": self.tr("&Practice"),
            "practitioners": self.tr("Pr&actitioners"),
            "principles": self.tr("P&rinciples"),
            "words": self.tr("&Words"),
            "messages": self.tr("&Messages"),
            "money": self.tr("M&oney"),
            "printouts": self.tr("Pr&intouts"),
            "security": self.tr("Sec&urity"),
            "appearance": self.tr("Appeara&nce"),
            "audit_log": self.tr("Audi&t log"),
        }
        self._keys = list(self._titles)
        self._built: dict[str, QWidget] = {}
        for key in self._keys:
            self.tabs.addTab(QWidget(), self._titles[key])  # stands in until first shown
        self._tab("practice")
        self.tabs.currentChanged.connect(lambda index: self._tab(self._keys[index]))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = screen_title(self.tr("Settings"), "settings_title")
        title.setContentsMargins(16, 12, 16, 2)
        layout.addWidget(title)
        layout.addWidget(self.tabs)

    def _make(self, key: str) -> QWidget:
        ops = self.ops
        if key == "practice":
            return PracticeTab(ops)
        if key == "practitioners":
            from ui.screens.settings_practitioners import PractitionersTab

            return PractitionersTab(ops)
        if key == "principles":
            return PrinciplesTab(ops)
        if key == "words":
            return WordsTab(ops)
        if key == "messages":
            return MessagesTab(ops)
        if key == "money":
            return MoneyTab(ops)
        if key == "printouts":
            from ui.screens.settings_printouts import PrintoutsTab

            return PrintoutsTab()
        if key == "security":
            from ui.screens.settings_security import SecurityTab

            return SecurityTab()
        if key == "appearance":
            from ui.screens.settings_appearance import AppearanceTab

            return AppearanceTab()
        from ui.screens.audit_log import AuditLogTab

        return AuditLogTab(ops)

    def _tab(self, key: str) -> QWidget:
        """The tab ``key``, built (in place of its stand-in) if it was not yet."""
        if key in self._built:
            return self._built[key]
        tab = self._make(key)
        self._built[key] = tab
        index = self._keys.index(key)
        current = self.tabs.currentIndex()
        stand_in = self.tabs.widget(index)
        assert stand_in is not None  # every key has a tab (a stand-in until built)
        self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, self._titles[key])
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(False)
        stand_in.deleteLater()
        return tab

    practice = property(lambda self: self._tab("practice"))
    practitioners = property(lambda self: self._tab("practitioners"))
    principles = property(lambda self: self._tab("principles"))
    words = property(lambda self: self._tab("words"))
    messages = property(lambda self: self._tab("messages"))
    money = property(lambda self: self._tab("money"))
    printouts = property(lambda self: self._tab("printouts"))
    security = property(lambda self: self._tab("security"))
    appearance = property(lambda self: self._tab("appearance"))
    audit_log = property(lambda self: self._tab("audit_log"))

    def refresh(self) -> None:
        """Read everything again (after a restore or an import, say); tabs not built yet
        read when first shown."""
        for key, tab in self._built.items():
            load = getattr(tab, "load", None)
            if callable(load) and key not in ("printouts", "security", "appearance", "audit_log"):
                load()
