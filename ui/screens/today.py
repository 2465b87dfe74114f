"""The Today screen: the day's appointments, "I'm running late…", and what needs care.

Below the appointments is the care list (clientcare.care): issues in triage order,
expectations to review, check-ins due, referral and money follow-ups, payment plans
with an instalment past its date — each one click from its action.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clientcare import appointments, locale_format
from clientcare.appointments import AppointmentDetail
from clientcare.day import day_marks
from clientcare.db.models import AppointmentStatus
from clientcare.practice import get_settings, list_practitioners
from ui.models.today import Moment, TodayColumn, TodayModel, TodayRow, rows_for
from ui.ops import Changes, Operations
from ui.subject import Subject
from ui.theme import look, scaled_font, set_heading
from ui.widgets.care_list import CareListPanel

if TYPE_CHECKING:
    from ui.dialogs.running_late import RunningLateDialog


def can_arrive(item: AppointmentDetail) -> bool:
    """Whether the client can be recorded as arrived (the domain's transitions say)."""
    possible = appointments.ALLOWED_TRANSITIONS.get(item.status, frozenset())
    return AppointmentStatus.ARRIVED in possible


REFRESH_MS = 60_000  # "now" and "next" move on as the day goes by


class TodayScreen(QWidget):
    """The day at a glance for one practitioner, and a one-click "I'm running late…"."""

    open_client = Signal(int)
    open_item = Signal(object)  # a clientcare.care.CareItem
    open_section = Signal(str)  # a section's key: where every item of a cut group is

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._rows_shared: int | None = None  # the appointments the split was sized for

        self.heading = QLabel()
        self.heading.setObjectName("today_heading")
        set_heading(self.heading, "title")
        self.practitioner_label = QLabel()
        self.practitioner_label.setObjectName("today_practitioner")
        self.practitioner_choice = QComboBox()
        self.practitioner_choice.setObjectName("today_practitioner_choice")
        self.practitioner_choice.setAccessibleName(self.tr("Show the day of"))

        self.running_late_button = QPushButton(self.tr("I'm running late…"))
        self.running_late_button.setObjectName("today_running_late")
        self.running_late_button.setMinimumHeight(44)
        self.running_late_button.setMinimumWidth(220)
        # The one action of the screen: as large as a section heading.
        self.running_late_button.setFont(
            scaled_font(self.running_late_button, "heading", bold=True)
        )
        self.upcoming_label = QLabel()
        self.upcoming_label.setObjectName("today_upcoming")
        self.upcoming_label.setWordWrap(True)

        self.model = TodayModel(self)
        self.table = QTableView()
        self.table.setObjectName("today_appointments")
        self.table.setAccessibleName(self.tr("Today's appointments"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        # Tab leaves the list (arrows move within it); Enter or a double-click opens a row.
        self.table.setTabKeyNavigation(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self.table.activated.connect(lambda _index: self.open_selected())
        look(self.table, "day")
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TodayColumn.CLIENT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(64)

        self.empty_label = QLabel(
            self.tr(
                "No appointments today.\n\n"
                "To book one, open the Calendar (Ctrl+2) and double-click a free time."
            )
        )
        self.empty_label.setObjectName("today_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        # What can be done with the selected appointment, as buttons under the list (the
        # same as its context menu): nothing on Today is a dead end.
        self.row_open_button = QPushButton(self.tr("Open"))
        self.row_open_button.setObjectName("today_row_open")
        self.row_open_button.setToolTip(self.tr("Open the selected appointment (Enter)"))
        self.row_arrived_button = QPushButton(self.tr("Arrived…"))
        self.row_arrived_button.setObjectName("today_row_arrived")
        self.row_write_up_button = QPushButton(self.tr("Write up…"))
        self.row_write_up_button.setObjectName("today_row_write_up")
        self.row_late_button = QPushButton(self.tr("Running late…"))
        self.row_late_button.setObjectName("today_row_running_late")
        self.row_client_button = QPushButton(self.tr("Open client"))
        self.row_client_button.setObjectName("today_row_client")
        self.row_open_button.clicked.connect(self.open_selected)
        self.row_arrived_button.clicked.connect(self.arrived_for_selected)
        self.row_write_up_button.clicked.connect(self.write_up_selected)
        self.row_late_button.clicked.connect(self.running_late_for_selected)
        self.row_client_button.clicked.connect(self.open_selected_client)
        self.row_label = QLabel()
        self.row_label.setObjectName("today_row_label")
        row_bar = QHBoxLayout()
        row_bar.setContentsMargins(0, 4, 0, 0)
        row_bar.addWidget(self.row_label, 1)
        for button in self.row_buttons():
            row_bar.addWidget(button)
        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.setSpacing(4)
        listing_layout.addWidget(self.table, 1)
        listing_layout.addLayout(row_bar)
        self.listing = listing
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_row_buttons())
        self._update_row_buttons()
        self.body = QStackedWidget()
        self.body.addWidget(listing)
        self.body.addWidget(self.empty_label)

        self.care = CareListPanel(ops)
        self.care.setObjectName("today_care")
        self.care.open_client.connect(self.open_client)
        self.care.open_item.connect(self.open_item)
        self.care.open_section.connect(self.open_section)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.body)
        self.split.addWidget(self.care)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)

        who = QHBoxLayout()
        who.addWidget(self.practitioner_label)
        who.addWidget(self.practitioner_choice)
        who.addStretch(1)
        self.print_day_button = QPushButton(self.tr("Print day sheet"))
        self.print_day_button.setObjectName("today_print_day_sheet")
        self.print_day_button.setToolTip(self.tr("Today's appointments on paper (Ctrl+P)"))
        self.print_day_button.clicked.connect(self.print_day_sheet)
        who.addWidget(self.print_day_button)
        action = QHBoxLayout()
        action.setSpacing(12)
        action.addWidget(self.running_late_button)
        action.addWidget(self.upcoming_label, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 12)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(who)
        layout.addSpacing(4)
        layout.addLayout(action)
        layout.addSpacing(4)
        layout.addWidget(self.split, 1)

        self.running_late_button.clicked.connect(self.open_running_late)
        QShortcut(QKeySequence("Ctrl+L"), self).activated.connect(self.open_running_late)
        self.practitioner_choice.currentIndexChanged.connect(self.refresh)
        ops.changed.connect(self._on_changes)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._fill_practitioners()
        self.refresh()

    # -- hooks tests replace -------------------------------------------------------

    def now(self) -> dt.datetime:
        return dt.datetime.now()

    def run_dialog(self, dialog: QDialog) -> None:
        dialog.exec()

    # -- loading -------------------------------------------------------------------

    def practitioner_id(self) -> int | None:
        return self.practitioner_choice.currentData()

    def _fill_practitioners(self) -> None:
        current = self.practitioner_choice.currentData()
        practitioners = self.ops.read(list_practitioners)
        self.practitioner_choice.blockSignals(True)
        self.practitioner_choice.clear()
        for practitioner in practitioners:
            self.practitioner_choice.addItem(practitioner.full_name, practitioner.id)
        mine = [p.id for p in practitioners if p.is_current_user]
        wanted = current if current is not None else (mine[0] if mine else None)
        found = self.practitioner_choice.findData(wanted) if wanted is not None else -1
        self.practitioner_choice.setCurrentIndex(max(found, 0))
        self.practitioner_choice.blockSignals(False)
        several = len(practitioners) > 1
        self.practitioner_choice.setVisible(several)
        if several:
            self.practitioner_label.setText(self.tr("The day of"))
        elif practitioners:
            self.practitioner_label.setText(
                self.tr("The day of {name}").format(name=practitioners[0].full_name)
            )
        else:
            self.practitioner_label.setText(
                self.tr("No practitioner is set up yet; the Calendar asks your name.")
            )

    def refresh(self) -> None:
        now = self.now()
        self._stale = False
        self._read_at = now.replace(second=0, microsecond=0)
        locale = self.ops.read(lambda s: get_settings(s).locale)
        self.model.locale = locale
        self.heading.setText(
            self.tr("Today — {day}").format(day=locale_format.weekday_day(now.date(), locale))
        )
        day_start = dt.datetime.combine(now.date(), dt.time())
        day_end = day_start + dt.timedelta(days=1)
        practitioner_id = self.practitioner_id()
        if practitioner_id is None:
            items: list[AppointmentDetail] = []
        else:
            items = self.ops.read(
                lambda s: appointments.appointments_between(s, day_start, day_end, practitioner_id)
            )
        # Overlapping [day_start, day_end) includes one running from yesterday; today's only.
        items = [item for item in items if item.start >= day_start]
        kept = self.selected_row()
        marks = self.ops.read(lambda s: day_marks(s, items, now=now)) if items else {}
        self.model.set_rows(rows_for(items, now, marks))
        if kept is not None:  # the minute's refresh keeps the row the practitioner chose
            self.select_appointment(kept.appointment.id)
        self.body.setCurrentWidget(self.listing if items else self.empty_label)
        self._update_row_buttons()
        self._update_button()
        self.care.refresh(now.date(), locale=locale)
        self._shown_count = len(items)
        self._share_height(len(items))

    def _share_height(self, appointments_shown: int) -> None:
        """Give the appointments the room their rows need and the care list the rest.

        Done when the number of appointments changes, so a divider the practitioner
        dragged stays where they put it the rest of the time.
        """
        if appointments_shown == self._rows_shared:
            return
        self._rows_shared = appointments_shown
        total = sum(self.split.sizes()) or self.split.height()
        if appointments_shown:
            rows = self.table.verticalHeader().defaultSectionSize() * appointments_shown
            bar = self.row_open_button.sizeHint().height() + 8
            wanted = rows + self.table.horizontalHeader().sizeHint().height() + 8 + bar
        else:
            wanted = self.empty_label.sizeHint().height() + 24
        top = max(110, min(wanted, int(total * 0.6)))
        self.split.setSizes([top, max(total - top, 120)])

    def _update_button(self) -> None:
        upcoming = self.model.upcoming()
        self.running_late_button.setEnabled(upcoming is not None)
        if upcoming is None:
            self.running_late_button.setToolTip(self.tr("Nothing left today"))
            self.upcoming_label.setText(self.tr("Nothing left today."))
            return
        item = upcoming.appointment
        self.running_late_button.setToolTip(
            self.tr("Tell {name} you are running late (Ctrl+L)").format(
                name=item.client_preferred_name
            )
        )
        template = (
            self.tr("Now: {time} with {name}")
            if upcoming.moment is Moment.NOW
            else self.tr("Next: {time} with {name}")
        )
        self.upcoming_label.setText(
            template.format(
                time=locale_format.time(item.start, self.model.locale),
                name=item.client_preferred_name,
            )
        )

    def row_buttons(self) -> list[QPushButton]:
        return [
            self.row_open_button,
            self.row_arrived_button,
            self.row_write_up_button,
            self.row_late_button,
            self.row_client_button,
        ]

    def _update_row_buttons(self) -> None:
        row = self.selected_row()
        for button in self.row_buttons():
            button.setEnabled(row is not None)
        if row is None:
            self.row_label.setText(self.tr("Select an appointment to act on it."))
            return
        item = row.appointment
        self.row_label.setText(
            self.tr("{time} {name}").format(
                time=locale_format.time(item.start, self.model.locale),
                name=item.client_preferred_name,
            )
        )
        self.row_arrived_button.setEnabled(can_arrive(item))
        self.row_late_button.setEnabled(row.moment in (Moment.NOW, Moment.NEXT, Moment.LATER))
        name = item.client_preferred_name
        self.row_arrived_button.setToolTip(
            self.tr("Record that {name} has arrived").format(name=name)
            if can_arrive(item)
            else self.tr("Only a scheduled appointment (or a no-show) can be marked arrived")
        )
        self.row_write_up_button.setToolTip(
            self.tr("Write up the session with {name} (Ctrl+I)").format(name=name)
        )
        self.row_late_button.setToolTip(
            self.tr("Tell {name} you are running late").format(name=name)
        )
        self.row_client_button.setToolTip(self.tr("Open {name}'s page").format(name=name))

    def _on_changes(self, changes: Changes) -> None:
        if changes & Changes.SETTINGS:
            self._fill_practitioners()
            self.care.scope_choice.reload()  # who "you" are, and whether to offer a choice
        if changes & (
            Changes.APPOINTMENTS
            | Changes.CLIENTS
            | Changes.SETTINGS
            | Changes.MONEY
            | Changes.REFERRALS
            | Changes.FOLLOWUPS
            | Changes.INTERACTIONS
        ):
            if self.isVisible():
                self.refresh()
            else:  # read when shown again: a change elsewhere costs Today nothing meanwhile
                self._stale = True

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self._rows_shared = None  # share the height again now the screen has its size
        # Read again unless nothing changed since the last read and the clock is still on
        # the same minute (at start-up the screen was read a moment before it is shown).
        same_minute = getattr(self, "_read_at", None) == self.now().replace(second=0, microsecond=0)
        if getattr(self, "_stale", True) or not same_minute:
            self.refresh()
        else:
            self._share_height(self._shown_count)
        super().showEvent(event)

    # -- actions -------------------------------------------------------------------

    def make_running_late_dialog(self, appointment_id: int) -> RunningLateDialog:
        """The dialog for ``appointment_id``, on this screen's clock."""
        from ui.dialogs.running_late import RunningLateDialog  # when first needed

        return RunningLateDialog(self.ops, appointment_id, self, clock=self.now)

    def run_preview(self, printout: object, page_size: str) -> None:
        from ui import printing

        printing.print_preview(self, printout, page_size)  # type: ignore[arg-type]

    def print_day_sheet(self) -> None:
        """Today's appointments of the practitioner shown, in the print preview."""
        from clientcare import printouts
        from ui.dialogs.print_summary import page_size, record_print

        now = self.now()
        practitioner_id = self.practitioner_id()
        printout = self.ops.read(
            lambda s: printouts.day_sheet(s, now.date(), practitioner_id=practitioner_id, now=now)
        )
        record_print(self.ops, "practitioner", practitioner_id or 0, "day sheet (preview)")
        self.run_preview(printout, page_size(self.ops))

    def selected_row(self) -> TodayRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0]) if rows else None

    def select_appointment(self, appointment_id: int) -> bool:
        for number, row in enumerate(self.model.rows):
            if row.appointment.id == appointment_id:
                self.table.selectRow(number)
                return True
        return False

    def subject(self) -> Subject | None:
        """The selected appointment and its client (what Ctrl+I writes up)."""
        row = self.selected_row()
        if row is None:
            return None
        return Subject(row.appointment.client_id, row.appointment.id)

    def make_appointment_dialog(self, appointment_id: int) -> QDialog:
        from ui.dialogs.appointment import AppointmentDialog

        return AppointmentDialog(self.ops, appointment_id=appointment_id, parent=self)

    def make_write_up_dialog(self, appointment_id: int) -> QDialog:
        from ui.dialogs.interaction import InteractionEditor

        return InteractionEditor(self.ops, appointment_id=appointment_id, parent=self)

    def open_selected(self) -> None:
        """The selected appointment, in its dialog (Enter or a double-click)."""
        row = self.selected_row()
        if row is not None:
            self.run_dialog(self.make_appointment_dialog(row.appointment.id))

    def write_up_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.run_dialog(self.make_write_up_dialog(row.appointment.id))

    def make_arrival_dialog(self, appointment: AppointmentDetail) -> QDialog:
        from ui.dialogs.arrival import ArrivalDialog

        return ArrivalDialog(self.ops, appointment, now=self.now(), parent=self)

    def arrived_for_selected(self) -> None:
        """Record that the selected appointment's client is here (when, and if they were
        late, what suits them now: the arrival dialog)."""
        row = self.selected_row()
        if row is not None and can_arrive(row.appointment):
            self.run_dialog(self.make_arrival_dialog(row.appointment))

    def open_selected_client(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_client.emit(row.appointment.client_id)

    def running_late_for_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.run_dialog(self.make_running_late_dialog(row.appointment.id))

    def _row_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        row = self.model.row(index)
        menu = self.make_row_menu(row)
        menu.exec(self.table.viewport().mapToGlobal(position))

    def make_row_menu(self, row: TodayRow) -> QMenu:
        """What can be done with ``row``'s appointment from here."""
        name = row.appointment.client_preferred_name
        menu = QMenu(self)
        menu.setObjectName("today_row_menu")
        menu.addAction(self.tr("Open appointment…"), self.open_selected)
        arrived = menu.addAction(
            self.tr("{name} has arrived…").format(name=name), self.arrived_for_selected
        )
        arrived.setEnabled(can_arrive(row.appointment))
        menu.addAction(
            self.tr("Write up the session with {name}…").format(name=name), self.write_up_selected
        )
        late = menu.addAction(self.tr("I'm running late…"), self.running_late_for_selected)
        late.setEnabled(row.moment in (Moment.NOW, Moment.NEXT, Moment.LATER))
        client_id = row.appointment.client_id
        menu.addAction(
            self.tr("Open {name}'s page").format(name=name),
            lambda: self.open_client.emit(client_id),
        )
        return menu

    def open_running_late(self) -> None:
        """Open "I'm running late" for the current or next appointment today."""
        self.refresh()  # the clock may have moved on since the list was drawn
        upcoming = self.model.upcoming()
        if upcoming is None:
            return
        self.run_dialog(self.make_running_late_dialog(upcoming.appointment.id))
