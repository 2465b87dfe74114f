"""Settings → Practitioners: who works in the practice, and which of them is "you"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clientcare import practice
from clientcare.errors import NotFoundError, ValidationError
from clientcare.practice import PractitionerInput, PractitionerRow
from ui.dialogs.form import FormDialog
from ui.models.base import select_row_with_id, selected_model_row
from ui.models.settings import PractitionerColumn, PractitionerTableModel
from ui.ops import Changes, Operations, Work
from ui.theme import SPACE_M, SPACE_S, empty_state, look
from ui.widgets.fields import error_label

#: Practitioners appear on referrals (the co-worker directory) as well as in settings.
CHANGES = Changes.SETTINGS | Changes.REFERRALS


class PractitionerDialog(FormDialog):
    """Add or edit one practitioner: name, e-mail, phone (and "this is me" when adding)."""

    def __init__(
        self,
        ops: Operations,
        row: PractitionerRow | None = None,
        *,
        nobody_is_you: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.row = row
        self.setObjectName("practitioner_dialog")
        self.setWindowTitle(
            self.tr("Add a practitioner")
            if row is None
            else self.tr("Edit {name}").format(name=row.full_name)
        )
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(self.tr("e.g. Dr Ada Example"))
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("name@example.org"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("e.g. 07700 900123 or +44 7700 900123"))
        self.add_field("full_name", self.tr("&Name *"), self.full_name)
        self.add_field("email", self.tr("&E-mail"), self.email)
        self.add_field("phone", self.tr("P&hone"), self.phone)
        self.is_me = QCheckBox(self.tr("This is me: I use ClientCare on this computer"))
        self.is_me.setObjectName("practitioner_is_me")
        self.is_me.setChecked(row is None and nobody_is_you)
        self.is_me.setVisible(row is None)
        if row is None:
            self.form.addRow("", self.is_me)
        else:
            self.full_name.setText(row.full_name)
            self.email.setText(row.email)
            self.phone.setText(row.phone)
        self.finish_layout()

    def show_errors(self, error: ValidationError | NotFoundError) -> None:
        super().show_errors(error)
        # Wrapped messages need more height than the dialog opened with.
        layout = self.layout()
        assert layout is not None  # made by finish_layout in __init__
        layout.activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        first = next(
            (self.fields[p.field] for p in getattr(error, "errors", ()) if p.field in self.fields),
            None,
        )
        if first is not None:
            first.editor.setFocus()

    def collect(self) -> PractitionerInput:
        return PractitionerInput(
            full_name=self.full_name.text(), email=self.email.text(), phone=self.phone.text()
        )

    def save(self) -> None:
        data = self.collect()
        row = self.row
        if row is None:
            is_me = self.is_me.isChecked()
            action: Work[PractitionerRow] = lambda s: practice.add_practitioner(  # noqa: E731
                s, data.full_name, email=data.email, phone=data.phone, is_current_user=is_me
            )
        else:
            action = lambda s: practice.update_practitioner(s, row.id, data)  # noqa: E731
        self.attempt(action)


class PractitionersTab(QWidget):
    """The practitioners, with Add…, Edit…, "This is me" and Archive / Restore."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("practitioners_tab")
        self.dialog: PractitionerDialog | None = None
        self._stale = False

        intro = QLabel(
            self.tr(
                "Everyone who works in the practice. Appointments and notes name them, and "
                "clients can be referred to them as co-workers. “You” is the person using "
                "ClientCare on this computer: Today opens on your day, and letters and the "
                "audit log carry your name."
            )
        )
        intro.setWordWrap(True)

        self.model = PractitionerTableModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName("practitioners_table")
        self.table.setAccessibleName(self.tr("Practitioners"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PractitionerColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PractitionerColumn.EMAIL, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(90)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

        self.empty = empty_state(object_name="practitioners_empty")
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)

        self.show_archived = QCheckBox(self.tr("Show archi&ved"))
        self.show_archived.setObjectName("show_archived_practitioners")
        self.show_archived.toggled.connect(lambda _on: self.load())

        self.add_button = QPushButton(self.tr("A&dd…"))
        self.add_button.setObjectName("add_practitioner")
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("edit_practitioner")
        self.me_button = QPushButton(self.tr("This is me"))
        self.me_button.setObjectName("mark_as_me")
        self.me_button.setToolTip(
            self.tr("Mark the selected practitioner as you, on this computer")
        )
        self.archive_button = QPushButton(self.tr("Arc&hive"))
        self.archive_button.setObjectName("archive_practitioner")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.me_button.clicked.connect(self.mark_as_me)
        self.archive_button.clicked.connect(self.toggle_archived)

        self.message = error_label("practitioners_message")
        self.status = QLabel()
        self.status.setObjectName("practitioners_status")
        self.status.setWordWrap(True)
        look(self.status, "success")
        self.status.hide()

        buttons = QHBoxLayout()
        buttons.setSpacing(SPACE_S)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addSpacing(SPACE_M)
        buttons.addWidget(self.me_button)
        buttons.addWidget(self.archive_button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_archived)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_M, SPACE_M, SPACE_M, SPACE_M)
        layout.setSpacing(SPACE_S)
        layout.addWidget(intro)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        ops.changed.connect(self._changed)
        self.load()

    # -- reading ------------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        # Practitioners are also added from the Calendar ("Who are you?").
        if changes & Changes.SETTINGS:
            self._stale = True
            if self.isVisible():
                self.load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()

    def load(self, select_id: int | None = None) -> None:
        self._stale = False
        if select_id is None:
            select_id = self.selected_id()
        with_archived = self.show_archived.isChecked()
        everyone = self.ops.read(lambda s: practice.list_practitioners(s, include_inactive=True))
        rows = [p for p in everyone if p.active or with_archived]
        self.model.set_rows(rows)
        self.empty.setText(self.empty_text(everyone, rows))
        self.body.setCurrentWidget(self.table if rows else self.empty)
        if select_id is not None:
            self.select(select_id)
        self._update_buttons()

    def empty_text(self, everyone: list[PractitionerRow], shown: list[PractitionerRow]) -> str:
        """What the empty list says: what it is for, and what to do next."""
        if not everyone:
            return self.tr(
                "No practitioners yet.\n\nPress “Add…” and add yourself first (tick “This is "
                "me”), then your co-workers, so you can book their appointments and refer "
                "clients to them."
            )
        archived = len(everyone) - len(shown)
        return self.tr(
            "Everyone here is archived ({n}).\n\nTick “Show archived” to see and restore "
            "them, or press “Add…” to add someone who works here now."
        ).format(n=archived)

    def select(self, practitioner_id: int) -> None:
        select_row_with_id(self.table, self.model, practitioner_id)

    def selected_row(self) -> PractitionerRow | None:
        return selected_model_row(self.table, self.model)  # type: ignore[no-any-return]

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row else None

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.edit_button.setEnabled(row is not None)
        self.me_button.setEnabled(row is not None and row.active and not row.is_current_user)
        self.archive_button.setEnabled(row is not None)
        if row is not None and not row.active:
            self.archive_button.setText(self.tr("Re&store"))
            self.archive_button.setToolTip(self.tr("Offer this practitioner again everywhere"))
        else:
            self.archive_button.setText(self.tr("Arc&hive"))
            self.archive_button.setToolTip(
                self.tr(
                    "For someone who no longer works here: kept on past appointments, notes "
                    "and referrals, no longer offered for new ones"
                )
            )

    # -- actions ------------------------------------------------------------------------

    def _open_dialog(self, row: PractitionerRow | None) -> PractitionerDialog:
        nobody_is_you = not any(
            p.is_current_user for p in self.ops.read(practice.list_practitioners)
        )
        dialog = PractitionerDialog(self.ops, row, nobody_is_you=nobody_is_you, parent=self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._after_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after_dialog(self, dialog: PractitionerDialog) -> None:
        stored: PractitionerRow | None = dialog.stored
        self.message.hide()
        if stored is not None:
            self._say(self.tr("✓ Saved {name}.").format(name=stored.full_name))
        self.load(stored.id if stored else None)

    def add(self) -> PractitionerDialog:
        return self._open_dialog(None)

    def edit_selected(self) -> PractitionerDialog | None:
        row = self.selected_row()
        return self._open_dialog(row) if row is not None else None

    def _run(self, action: Work[PractitionerRow], done: str) -> bool:
        self.message.hide()
        self.status.hide()
        try:
            row = self.ops.run(action)
        except (ValidationError, NotFoundError) as error:
            text = (
                " ".join(p.message for p in error.errors)
                if isinstance(error, ValidationError)
                else str(error)
            )
            self.message.setText(f"⚠ {text}")
            self.message.show()
            self.load()
            return False
        self._say(done.format(name=row.full_name))
        self.load(row.id)
        return True

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def mark_as_me(self) -> bool:
        row = self.selected_row()
        if row is None:
            return False
        return self._run(
            lambda s: practice.set_current_user(s, row.id),
            self.tr("✓ {name} is now “you” on this computer."),
        )

    def toggle_archived(self) -> bool:
        row = self.selected_row()
        if row is None:
            return False
        if not row.active:
            return self._run(
                lambda s: practice.restore_practitioner(s, row.id),
                self.tr("✓ {name} is back: offered for appointments and referrals again."),
            )
        now = dt.datetime.now().replace(second=0, microsecond=0)
        return self._run(
            lambda s: practice.archive_practitioner(s, row.id, now=now),
            self.tr(
                "✓ {name} is archived: kept on everything past, no longer offered. "
                "Tick “Show archived” to see or restore them."
            ),
        )
