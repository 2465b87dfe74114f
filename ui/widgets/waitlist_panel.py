"""The waitlist beside the calendar, the dialog to add someone, and the freed-slot offer."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from clientcare import clients, locale_format, waitlist
from clientcare.appointments import ConflictError
from clientcare.errors import NotFoundError, ValidationError
from clientcare.practice import get_settings, list_practitioners
from clientcare.scope import WHOLE_PRACTICE, Scope
from clientcare.waitlist import FreedSlot, WaitlistInput, WaitlistRow
from ui.dialog import Dialog
from ui.models.waitlist import WaitColumn, WaitlistModel
from ui.ops import Changes, Operations
from ui.theme import SPACE_XS, empty_state, heading
from ui.when_shown import WhenShown
from ui.widgets.client_picker import ClientPicker
from ui.widgets.fields import FieldWithError, error_label, localise_date_edit
from ui.widgets.scope_choice import shown_text

#: A Monday: its week gives the weekday names in the practice's locale.
A_MONDAY = dt.date(2024, 1, 1)
#: Waitlist rows read at a time (each is measured to wrap its text).
WAITLIST_PAGE = 32


class WaitlistDialog(Dialog):
    """Add a client to the waitlist with the days and times that suit them."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("waitlist_dialog")
        self.setWindowTitle(self.tr("Add to the waitlist"))
        self.client = ClientPicker(ops, statuses=clients.BOOKABLE_STATUSES)
        self.practitioner = QComboBox()
        self.practitioner.addItem(self.tr("Any practitioner"), None)
        for practitioner in ops.read(list_practitioners):
            self.practitioner.addItem(practitioner.full_name, practitioner.id)
        self.days: list[QCheckBox] = []
        days_row = QWidget()
        days_layout = QHBoxLayout(days_row)
        days_layout.setContentsMargins(0, 0, 0, 0)
        locale = ops.read(lambda s: get_settings(s).locale)
        for number in range(1, 8):
            day = A_MONDAY + dt.timedelta(days=number - 1)
            box = QCheckBox(locale_format.weekday_short(day, locale))
            box.setObjectName(f"day_{number}")
            self.days.append(box)
            days_layout.addWidget(box)
        self.any_time = QCheckBox(self.tr("Any time"))
        self.any_time.setChecked(True)
        self.earliest = QTimeEdit(QTime(9, 0))
        self.latest = QTimeEdit(QTime(17, 0))
        for edit in (self.earliest, self.latest):
            localise_date_edit(edit, locale)
            edit.setEnabled(False)
        self.any_time.toggled.connect(self._any_time_toggled)
        times_row = QWidget()
        times_layout = QHBoxLayout(times_row)
        times_layout.setContentsMargins(0, 0, 0, 0)
        times_layout.addWidget(self.any_time)
        times_layout.addWidget(QLabel(self.tr("from")))
        times_layout.addWidget(self.earliest)
        times_layout.addWidget(QLabel(self.tr("to")))
        times_layout.addWidget(self.latest)
        times_layout.addStretch(1)
        self.urgent = QCheckBox(self.tr("Urgent — offer freed slots to them first"))
        self.note = QLineEdit()
        self.fields = {
            "client_id": FieldWithError(self.client, "client_id"),
            "practitioner_id": FieldWithError(self.practitioner, "practitioner_id"),
            "preferred_weekdays": FieldWithError(days_row, "preferred_weekdays"),
            "latest_time": FieldWithError(times_row, "latest_time"),
            "note": FieldWithError(self.note, "note"),
        }
        form = QFormLayout()
        form.addRow(self.tr("Client"), self.fields["client_id"])
        form.addRow(self.tr("With"), self.fields["practitioner_id"])
        form.addRow(self.tr("Days (none = any)"), self.fields["preferred_weekdays"])
        form.addRow(self.tr("Times"), self.fields["latest_time"])
        form.addRow("", self.urgent)
        form.addRow(self.tr("Note"), self.fields["note"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.client.setFocus()  # who is waiting comes first

    def _any_time_toggled(self, on: bool) -> None:
        self.earliest.setEnabled(not on)
        self.latest.setEnabled(not on)

    def collect(self, client_id: int) -> WaitlistInput:
        def to_time(edit: QTimeEdit) -> dt.time | None:
            if self.any_time.isChecked():
                return None
            return dt.time(edit.time().hour(), edit.time().minute())

        return WaitlistInput(
            client_id=client_id,
            practitioner_id=self.practitioner.currentData(),
            preferred_weekdays=frozenset(
                i for i, box in enumerate(self.days, 1) if box.isChecked()
            ),
            earliest_time=to_time(self.earliest),
            latest_time=to_time(self.latest),
            urgent=self.urgent.isChecked(),
            note=self.note.text(),
        )

    def save(self) -> None:
        client_id = self.client.client_id()
        for wrapper in self.fields.values():
            wrapper.show_error(None)
        if client_id is None:
            self.fields["client_id"].show_error(self.tr("Choose a client from the list."))
            return
        data = self.collect(client_id)
        try:
            self.ops.run(
                lambda s: waitlist.add_to_waitlist(s, data, today=dt.date.today()),
            )
        except ValidationError as error:
            for problem in error.errors:
                wrapper = self.fields.get(problem.field) or self.fields["client_id"]
                wrapper.show_error(problem.message)
            return
        self.accept()


class WaitlistPanel(QWidget):
    """Who is waiting, urgent first then longest waiting."""

    #: The number waiting was read again (the calendar's "Waitlist (N)" follows it).
    count_changed = Signal()

    def __init__(
        self, ops: Operations, parent: QWidget | None = None, *, scope: Scope = WHOLE_PRACTICE
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        #: Whose waitlist: the calendar's practitioner's (their clients, or asking for
        #: them), or the whole practice's.
        self.scope = scope
        self.title = heading(self.tr("Waitlist"), "heading", "waitlist_title")
        # A page at a time, ordered in SQL: the rows are measured to wrap their text.
        self.model = WaitlistModel(self, page_size=WAITLIST_PAGE)
        self.count_label = QLabel()
        self.count_label.setObjectName("waitlist_count")
        self.model.rowsInserted.connect(lambda *_: self._show_count())
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName("waitlist_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WaitColumn.WAITING, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Waitlist"))
        # In the table's place when nobody waits: right under the title, what the list is
        # for and how to add someone (the space below stays empty, not the words floating).
        self.empty = empty_state(
            self.tr(
                "Nobody is waiting.\n\n"
                "The waitlist keeps the clients who asked for a time you cannot offer yet. "
                "When an appointment is cancelled, ClientCare offers the freed time to "
                "the ones it suits, urgent first.\n\n"
                "To add someone, press “Add…” below."
            ),
            "waitlist_empty",
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty.setMargin(0)
        self.empty_box = QWidget()
        self.empty_box.setObjectName("waitlist_empty_box")
        empty_layout = QVBoxLayout(self.empty_box)
        empty_layout.setContentsMargins(0, SPACE_XS, 0, 0)
        empty_layout.addWidget(self.empty)
        empty_layout.addStretch(1)
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName("waitlist_add")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("waitlist_remove")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.empty_box, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self._when_shown = WhenShown(
            self, ops, lambda _changes: self.refresh(), Changes.APPOINTMENTS | Changes.CLIENTS
        )
        self.refresh()

    def set_scope(self, scope: Scope) -> None:
        """Show the waitlist of ``scope`` (the calendar's practitioner, or everyone)."""
        if scope != self.scope:
            self.scope = scope
            self.refresh()

    def refresh(self) -> None:
        self._when_shown.pending = Changes.NONE
        today, scope = dt.date.today(), self.scope
        self.total, self.model.locale = self.ops.read(
            lambda s: (waitlist.count_waiting(s, scope), get_settings(s).locale)
        )
        self.model.set_source(
            lambda offset, limit: self.ops.read(
                lambda s: waitlist.waiting_page(
                    s, today=today, scope=scope, offset=offset, limit=limit
                )
            )
        )
        rows = bool(self.model.rows)
        self.empty_box.setVisible(not rows)
        self.table.setVisible(rows)
        self.remove_button.setEnabled(rows)
        self._show_count()
        self.count_changed.emit()

    def _show_count(self) -> None:
        """ "12 waiting", or "32 of 680 waiting shown" while the list is cut."""
        shown = len(self.model.rows)
        self.count_label.setText(
            shown_text(shown, getattr(self, "total", shown), self.model.locale, self.tr("waiting"))
        )
        self.count_label.setVisible(shown > 0)

    def make_dialog(self) -> WaitlistDialog:
        return WaitlistDialog(self.ops, self)

    def add(self) -> None:
        self.make_dialog().exec()

    def remove(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        entry_id = index.data(Qt.ItemDataRole.UserRole)
        try:
            self.ops.run(
                lambda s: waitlist.remove_entry(s, entry_id, today=dt.date.today()),
            )
        except (ValidationError, NotFoundError) as error:
            QMessageBox.warning(self, self.tr("Waitlist"), str(error))


class FreedSlotDialog(Dialog):
    """A slot was freed: offer it to the fitting waitlist clients, urgent first."""

    def __init__(
        self,
        ops: Operations,
        slot: FreedSlot,
        candidates: list[WaitlistRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.slot = slot
        self.practice_locale = ops.read(lambda s: get_settings(s).locale)
        self.setObjectName("freed_slot_dialog")
        self.setWindowTitle(self.tr("A slot is free"))
        intro = QLabel(
            self.tr("{when} is free now. These clients on the waitlist fit it:").format(
                when=self.when_text(slot.start)
            )
        )
        intro.setWordWrap(True)
        self.model = WaitlistModel(self)
        self.model.locale = self.practice_locale
        self.model.set_rows(candidates)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName("freed_slot_candidates")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectRow(0)
        self.error = error_label()
        buttons = QDialogButtonBox()
        self.book_button = buttons.addButton(
            self.tr("Book selected client"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.book_button.setObjectName("book_from_waitlist")
        buttons.addButton(self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.book)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 300)

    def when_text(self, moment: dt.datetime) -> str:
        """``Monday 23 November, 14:00`` (en_GB), in the practice's locale."""
        day = locale_format.weekday_day(moment.date(), self.practice_locale)
        return f"{day}, {locale_format.time(moment, self.practice_locale)}"

    def book(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.error.setText("⚠ " + self.tr("Choose a client first."))
            self.error.show()
            return
        entry_id = self.model.rows[index.row()].id
        try:
            self.ops.run(
                lambda s: waitlist.book_from_waitlist(
                    s, entry_id, self.slot, now=dt.datetime.now()
                ),
            )
        except (ConflictError, ValidationError) as error:
            self.error.setText("⚠ " + " ".join(e.message for e in error.errors))
            self.error.show()
            return
        except NotFoundError as error:
            self.error.setText(f"⚠ {error}")
            self.error.show()
            return
        self.accept()
