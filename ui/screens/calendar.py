"""The Calendar screen: day and week time grids, a month overview, booking and moving."""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clientcare import appointments, locale_format, schedule, scope, series, waitlist
from clientcare.appointments import OPEN_STATUSES, AppointmentDetail, ConflictError
from clientcare.db.models import AppointmentStatus
from clientcare.errors import NotFoundError, ValidationError
from clientcare.practice import add_practitioner, get_settings, list_practitioners
from clientcare.waitlist import FreedSlot
from ui import labels
from ui.finished_dialogs import watch_window
from ui.fit_screen import screen_of
from ui.ops import Changes, Operations
from ui.theme import set_heading
from ui.when_shown import WhenShown
from ui.widgets.month_grid import MonthGrid, month_start_grid
from ui.widgets.reflow import ColumnsThatFit
from ui.widgets.time_grid import GridBlock, TimeGrid
from ui.widgets.waitlist_panel import FreedSlotDialog, WaitlistPanel

if TYPE_CHECKING:
    from ui.dialogs.appointment import AppointmentDialog

# The booking and running-late dialogs are imported when first opened (the first visit
# to the calendar shows the week, not a dialog).

DAY, WEEK, MONTH = "day", "week", "month"


#: The most appointments a day's square of the month shows (the rest are "+N more").
MONTH_PER_DAY = 12


class _Formats:
    """Times and days formatted once per refresh: a week of the whole practice is a
    thousand blocks over a few dozen distinct times."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self._ranges: dict[tuple[object, object], str] = {}
        self._days: dict[dt.date, str] = {}

    def time_range(self, start: dt.datetime, end: dt.datetime) -> str:
        key: tuple[object, object] = (start.time(), end.time())
        if end.date() != start.date():
            key = (start, end)
        if key not in self._ranges:
            self._ranges[key] = locale_format.time_range(start, end, self.locale)
        return self._ranges[key]

    def weekday_day(self, day: dt.date) -> str:
        if day not in self._days:
            self._days[day] = locale_format.weekday_day(day, self.locale)
        return self._days[day]


#: Each practitioner's colour on the whole practice's calendar, in the order they are listed
#: (Okabe–Ito, told apart with the common colour-vision deficiencies; also named in words).
PRACTITIONER_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")


def practitioner_colours(practitioner_ids: list[int]) -> dict[int, str]:
    return {
        pid: PRACTITIONER_COLOURS[index % len(PRACTITIONER_COLOURS)]
        for index, pid in enumerate(practitioner_ids)
    }


def block_for(
    item: AppointmentDetail,
    locale: str = locale_format.DEFAULT_LOCALE,
    formats: _Formats | None = None,
    stripe: str | None = None,
) -> GridBlock:
    """The grid block of an appointment: what it shows, and what a screen reader says."""
    formats = formats or _Formats(locale)
    mode = labels.label(appointments.MODE_LABELS, item.mode)
    status = labels.label(appointments.STATUS_LABELS, item.status)
    end = item.start + dt.timedelta(minutes=item.duration_minutes)
    when = formats.time_range(item.start, end)
    # "Scheduled" goes without saying; every other status is written in the block.
    detail = f"{when}\n{mode}" + ("" if item.status.value == "scheduled" else f" · {status}")
    if stripe is not None:  # the whole practice's calendar: whose it is, in words too
        detail += f"\n{item.practitioner_name}"
    spoken = QCoreApplication.translate(
        "CalendarScreen", "{name}, {day} {when}, {mode}, {status}, with {practitioner}"
    ).format(
        name=item.client_preferred_name,
        day=formats.weekday_day(item.start.date()),
        when=when,
        mode=mode,
        status=status,
        practitioner=item.practitioner_name,
    )
    return GridBlock(
        item.id,
        "appointment",
        item.start,
        end,
        item.client_preferred_name,
        detail,
        item.status.value,
        spoken,
        stripe,
    )


#: Whether the waitlist is open beside the calendar (this computer's choice).
WAITLIST_SHOWN_KEY = "calendar/waitlist_shown"
#: Below this screen width the waitlist starts folded away (the week needs the room).
WAITLIST_FOLDED_BELOW = 1600


def waitlist_open_at_start(widget: QWidget) -> bool:
    """As the practitioner left it; at first, open only on a wide screen."""
    saved = QSettings().value(WAITLIST_SHOWN_KEY)
    if saved is not None:
        return str(saved).lower() in ("true", "1")
    return screen_of(widget).availableGeometry().width() >= WAITLIST_FOLDED_BELOW


class CalendarScreen(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.anchor = dt.date.today()
        self.view = WEEK
        self.details: dict[int, AppointmentDetail] = {}

        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setObjectName("calendar_today")
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setAccessibleName(self.tr("Previous"))
        self.previous_button.setToolTip(self.tr("Previous"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setAccessibleName(self.tr("Next"))
        self.next_button.setToolTip(self.tr("Next"))
        self.range_label = QLabel()
        self.range_label.setObjectName("calendar_range")
        set_heading(self.range_label, "title")
        self.view_buttons = QButtonGroup(self)
        view_row = QHBoxLayout()
        view_row.setSpacing(0)
        for key, label in (
            (DAY, self.tr("Day")),
            (WEEK, self.tr("Week")),
            (MONTH, self.tr("Month")),
        ):
            button = QToolButton()
            button.setText(label)
            button.setCheckable(True)
            button.setObjectName(f"view_{key}")
            button.setProperty("view", key)
            self.view_buttons.addButton(button)
            view_row.addWidget(button)
        self.practitioner_filter = QComboBox()
        self.practitioner_filter.setObjectName("practitioner_filter")
        self.practitioner_filter.setAccessibleName(self.tr("Show the calendar of"))
        self.new_button = QPushButton(self.tr("New appointment"))
        self.new_button.setObjectName("new_appointment")
        self.new_button.setToolTip(self.tr("Book an appointment (Ctrl+N)"))
        self.running_late_button = QPushButton(self.tr("I'm running late…"))
        self.running_late_button.setObjectName("running_late")
        self.running_late_button.setToolTip(
            self.tr("Tell the client of your next appointment today (Ctrl+L)")
        )

        # Where you are in time, then what you can do: on one row when the screen is wide
        # enough, on two when not (nothing is cut at the window's smallest).
        where = QWidget()
        where_row = QHBoxLayout(where)
        where_row.setContentsMargins(0, 0, 0, 0)
        where_row.addWidget(self.today_button)
        where_row.addWidget(self.previous_button)
        where_row.addWidget(self.next_button)
        where_row.addSpacing(8)
        where_row.addWidget(self.range_label, 1)
        where_row.addLayout(view_row)
        actions = QWidget()
        actions_row = QHBoxLayout(actions)
        actions_row.setContentsMargins(0, 0, 0, 0)
        actions_row.addStretch(1)
        actions_row.addWidget(self.practitioner_filter)
        actions_row.addWidget(self.new_button)
        actions_row.addWidget(self.running_late_button)
        # The waitlist beside the calendar, or folded away (a laptop's width is the week's).
        self.waitlist_button = QToolButton()
        self.waitlist_button.setObjectName("calendar_waitlist_toggle")
        self.waitlist_button.setCheckable(True)
        self.waitlist_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        actions_row.addWidget(self.waitlist_button)
        self.toolbar = ColumnsThatFit([where, actions])
        self.toolbar.setObjectName("calendar_toolbar")

        self.grid = TimeGrid()
        self.grid_scroll = QScrollArea()
        self.grid_scroll.setWidgetResizable(True)
        self.grid_scroll.setWidget(self.grid)
        # The day fills the view's height (a tall screen shows no empty band below 19:00).
        self.grid_scroll.viewport().installEventFilter(self)
        self.month = MonthGrid()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.grid_scroll)
        self.stack.addWidget(self.month)
        self.hint = QLabel(
            self.tr(
                "Double-click an empty slot to book, double-click an appointment to open it, "
                "drag it to move it. ←/→ move between days."
            )
        )
        self.hint.setObjectName("calendar_hint")
        self.hint.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setObjectName("calendar_legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(self.tr("Practitioners' colours"))
        self.legend.hide()

        self._fill_practitioners()
        self.waitlist = WaitlistPanel(ops, scope=self.practitioner_scope())
        self.waitlist.setObjectName("waitlist_panel")
        self.waitlist.setMinimumWidth(300)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.stack)
        body.addWidget(self.waitlist)
        body.setStretchFactor(0, 4)
        body.setStretchFactor(1, 1)
        body.setChildrenCollapsible(False)
        self.waitlist.count_changed.connect(self._show_waitlist_count)
        self.waitlist_button.toggled.connect(self._waitlist_toggled)
        self.waitlist_button.setChecked(waitlist_open_at_start(self))
        self.waitlist.setVisible(self.waitlist_button.isChecked())
        self._show_waitlist_count()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.legend)
        layout.addWidget(body, 1)
        layout.addWidget(self.hint)

        self.today_button.clicked.connect(self.go_today)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.view_buttons.buttonClicked.connect(lambda b: self.set_view(b.property("view")))
        self.practitioner_filter.currentIndexChanged.connect(self._practitioner_chosen)
        self.new_button.clicked.connect(lambda: self.open_new(None))
        QShortcut(QKeySequence("Ctrl+N"), self).activated.connect(lambda: self.open_new(None))
        self.running_late_button.clicked.connect(self.open_running_late)
        QShortcut(QKeySequence("Ctrl+L"), self).activated.connect(self.open_running_late)
        self.grid.slot_activated.connect(self.open_new)
        self.grid.block_activated.connect(self.open_existing)
        self.grid.block_dropped.connect(self.move_block)
        self.grid.day_step.connect(self.move_days)
        self.month.day_activated.connect(self.open_day)
        # A change made elsewhere is read when the calendar is next seen.
        self._when_shown = WhenShown(
            self, ops, self._on_changes, Changes.APPOINTMENTS | Changes.CLIENTS | Changes.SETTINGS
        )
        self.set_view(WEEK)

    def _legend(self, practitioner_id: int | None) -> dict[int, str]:
        """Each practitioner's colour when the whole practice is shown (and the legend that
        names them); nothing for one practitioner's calendar."""
        ids = [
            self.practitioner_filter.itemData(i)
            for i in range(self.practitioner_filter.count())
            if self.practitioner_filter.itemData(i) is not None
        ]
        if practitioner_id is not None or len(ids) < 2:
            self.legend.hide()
            return {}
        colours = practitioner_colours(ids)
        names = {
            self.practitioner_filter.itemData(i): self.practitioner_filter.itemText(i)
            for i in range(self.practitioner_filter.count())
        }
        self.legend.setText(
            "  ".join(
                f'<span style="color:{colour}">■</span>&nbsp;{html.escape(names[pid])}'
                for pid, colour in colours.items()
            )
        )
        self.legend.show()
        return colours

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.grid_scroll.viewport():
            self.grid.fill_height(self.grid_scroll.viewport().height())
        return super().eventFilter(watched, event)

    # -- the waitlist beside it ------------------------------------------------

    def _show_waitlist_count(self) -> None:
        waiting = getattr(self.waitlist, "total", 0)
        self.waitlist_button.setText(
            self.tr("Waitlist ({n})").format(n=waiting) if waiting else self.tr("Waitlist")
        )
        self.waitlist_button.setToolTip(
            self.tr("Hide the waitlist")
            if self.waitlist_button.isChecked()
            else self.tr("Show the waitlist ({n} waiting)").format(n=waiting)
        )

    def _waitlist_toggled(self, shown: bool) -> None:
        self.waitlist.setVisible(shown)
        QSettings().setValue(WAITLIST_SHOWN_KEY, shown)
        self._show_waitlist_count()

    # -- range -----------------------------------------------------------------

    def _fill_practitioners(self) -> None:
        """The practitioners to choose from; at first your own calendar (the practice's
        is "All practitioners"), the whole practice's when ClientCare does not know you."""
        first = self.practitioner_filter.count() == 0
        current = self.practitioner_filter.currentData()
        self.practitioner_filter.blockSignals(True)
        self.practitioner_filter.clear()
        practitioners, mine = self.ops.read(
            lambda s: (list_practitioners(s), scope.own_scope(s).practitioner_id)
        )
        self.practitioner_filter.addItem(self.tr("All practitioners"), None)
        for practitioner in practitioners:
            self.practitioner_filter.addItem(practitioner.full_name, practitioner.id)
        if first:
            current = mine
        if current is not None:
            self.practitioner_filter.setCurrentIndex(
                max(self.practitioner_filter.findData(current), 0)
            )
        self.practitioner_filter.setVisible(len(practitioners) > 1)
        self.practitioner_filter.blockSignals(False)

    def practitioner_scope(self) -> scope.Scope:
        """The practitioner whose calendar is shown (whole practice: all of them)."""
        return scope.Scope(self.practitioner_filter.currentData())

    def _practitioner_chosen(self) -> None:
        self.waitlist.set_scope(self.practitioner_scope())
        self.refresh()

    def visible_range(self) -> tuple[dt.date, int]:
        if self.view == DAY:
            return self.anchor, 1
        monday = self.anchor - dt.timedelta(days=self.anchor.isoweekday() - 1)
        return monday, 7

    def set_view(self, view: str) -> None:
        self.view = view
        for button in self.view_buttons.buttons():
            button.setChecked(button.property("view") == view)
        self.refresh()

    def go_today(self) -> None:
        self.anchor = dt.date.today()
        self.refresh()

    def step(self, direction: int) -> None:
        if self.view == DAY:
            self.anchor += dt.timedelta(days=direction)
        elif self.view == WEEK:
            self.anchor += dt.timedelta(days=7 * direction)
        else:
            month = self.anchor.replace(day=15) + dt.timedelta(days=31 * direction)
            self.anchor = month.replace(day=1)
        self.refresh()

    def move_days(self, days: int) -> None:
        self.anchor += dt.timedelta(days=days)
        self.refresh()

    def open_day(self, day: dt.date) -> None:
        self.anchor = day
        self.set_view(DAY)

    # -- loading -------------------------------------------------------------------

    def refresh(self) -> None:
        practitioner_id = self.practitioner_filter.currentData()
        if self.view == MONTH:
            first = month_start_grid(self.anchor)
            last = first + dt.timedelta(days=41)
            days, locale = self.ops.read(
                lambda s: (
                    schedule.month_days(s, first, last, practitioner_id, per_day=MONTH_PER_DAY),
                    get_settings(s).locale,
                )
            )
            self.month.practice_locale = locale
            self.month.set_month(self.anchor, days)
            self.range_label.setText(locale_format.month_year(self.anchor, locale))
            self.stack.setCurrentWidget(self.month)
            return
        first_day, count = self.visible_range()
        start = dt.datetime.combine(first_day, dt.time(0))
        end = start + dt.timedelta(days=count)
        items, busy, locale = self.ops.read(
            lambda s: (
                appointments.appointments_between(s, start, end, practitioner_id),
                schedule.busy_between(s, start, end, practitioner_id),
                get_settings(s).locale,
            )
        )
        self.details = {item.id: item for item in items}
        formats = _Formats(locale)
        blocks = [
            GridBlock(
                b.id,
                "busy",
                b.starts_at,
                b.ends_at,
                b.title,
                self.tr("Busy"),
                "busy",
                self.tr("{title}, busy {when}").format(
                    title=b.title, when=formats.time_range(b.starts_at, b.ends_at)
                ),
            )
            for b in busy
        ]
        colours = self._legend(practitioner_id)
        blocks += [
            block_for(item, locale, formats, colours.get(item.practitioner_id)) for item in items
        ]
        self.grid.practice_locale = locale
        self.grid.set_range(first_day, count)
        self.grid.set_hours(8, 19)
        self.grid.set_blocks(blocks)
        if count == 1:
            self.range_label.setText(locale_format.day(first_day, locale, "full"))
        else:
            last = first_day + dt.timedelta(days=6)
            self.range_label.setText(
                f"{locale_format.day_month(first_day, locale)} – {locale_format.day(last, locale)}"
            )
        self.stack.setCurrentWidget(self.grid_scroll)
        self.grid_scroll.verticalScrollBar().setValue(max(int(self.grid.y_for(dt.time(8))) - 40, 0))

    def _on_changes(self, changes: Changes) -> None:
        if changes & Changes.SETTINGS:
            self._fill_practitioners()
            self.waitlist.set_scope(self.practitioner_scope())
        if changes & (Changes.APPOINTMENTS | Changes.CLIENTS | Changes.SETTINGS):
            self.refresh()

    # -- actions -------------------------------------------------------------------

    def make_dialog(self, **kwargs: object) -> AppointmentDialog:
        """The dialog for booking or editing (tests drive it directly)."""
        from ui.dialogs.appointment import AppointmentDialog

        return AppointmentDialog(self.ops, parent=self, **kwargs)  # type: ignore[arg-type]

    def open_new(self, start: dt.datetime | None) -> None:
        if not self.ops.read(list_practitioners) and not self.add_first_practitioner():
            return
        dialog = self.make_dialog(
            start=start, practitioner_id=self.practitioner_filter.currentData()
        )
        self.show_dialog(dialog)

    def ask_own_name(self, problem: str = "") -> str | None:
        text = self.tr(
            "Appointments are booked with a practitioner, and none is set up yet.\n"
            "You will be the first, and “you” on this computer. Co-workers are added,\n"
            "and who is “you” is changed, in Settings → Practitioners.\n\n"
            "What is your name, as clients see it?"
        )
        if problem:
            text = f"⚠ {problem}\n\n{text}"
        name, ok = QInputDialog.getText(self, self.tr("Who are you?"), text)
        return name if ok else None

    def add_first_practitioner(self) -> bool:
        """Set up the person using ClientCare as the first practitioner; True when done."""
        problem = ""
        while (name := self.ask_own_name(problem)) is not None:
            try:
                self.ops.run(lambda s: add_practitioner(s, name, is_current_user=True))
            except ValidationError as error:
                problem = " ".join(e.message for e in error.errors)
                continue
            return True
        return False

    def open_existing(self, appointment_id: int) -> None:
        try:
            dialog = self.make_dialog(appointment_id=appointment_id)
        except NotFoundError:
            self.refresh()
            return
        self.show_dialog(dialog)

    def show_dialog(self, dialog: AppointmentDialog) -> None:
        before = dialog.existing
        self.run_dialog(dialog)
        after = dialog.existing
        freed = {
            AppointmentStatus.CANCELLED,
            AppointmentStatus.LATE_CANCELLED,
            AppointmentStatus.RESCHEDULED,
        }
        if (
            before is not None
            and before.status not in freed
            and after is not None
            and after.status in freed
        ):
            self.offer_freed_slot(after)

    def run_dialog(self, dialog: QDialog) -> None:
        dialog.exec()

    def offer_freed_slot(self, item: AppointmentDetail) -> None:
        """A cancelled slot goes to the fitting waitlist clients, urgent first."""
        if item.start < dt.datetime.now():
            return
        slot = FreedSlot(item.practitioner_id, item.start, item.duration_minutes)
        candidates = self.ops.read(
            lambda s: waitlist.candidates_for_slot(s, slot, today=dt.date.today())
        )
        if candidates:
            self.run_dialog(FreedSlotDialog(self.ops, slot, candidates, self))

    def open_running_late(self) -> None:
        """The running-late dialog for the current or next appointment today.

        It is the chosen practitioner's, or the current user's when all are shown. With
        several practitioners and nobody "you" on this computer, it says how to choose.
        """
        practitioner_id = self.practitioner_filter.currentData()
        if practitioner_id is None:
            everyone = self.ops.read(list_practitioners)
            mine = [p.id for p in everyone if p.is_current_user]
            if mine:
                practitioner_id = mine[0]
            elif len(everyone) > 1:
                # The practice's next appointment may be a co-worker's: their client must
                # not be told that they are late.
                self.show_error(self.tr("Running late"), self.nobody_is_you_text())
                return
        now = dt.datetime.now()
        day_end = dt.datetime.combine(now.date(), dt.time()) + dt.timedelta(days=1)
        upcoming = self.ops.read(
            lambda s: appointments.appointments_between(
                s, now, day_end, practitioner_id, statuses=OPEN_STATUSES
            )
        )
        if not upcoming:
            self.show_error(
                self.tr("Running late"),
                self.tr("There is no appointment left today to be late for."),
            )
            return
        from ui.dialogs.running_late import RunningLateDialog

        self.run_dialog(RunningLateDialog(self.ops, upcoming[0].id, self))

    def nobody_is_you_text(self) -> str:
        """Why Running late cannot tell whose appointment is next, and what to do."""
        return self.tr(
            "ClientCare does not know which practitioner you are on this computer, so it "
            "cannot tell whose clients to let know.\n\n"
            "Choose your name in the list beside “New appointment”, or mark yourself with "
            "“This is me” in Settings → Practitioners."
        )

    def ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_scope(self) -> series.Scope | None:
        box = QMessageBox(self)
        watch_window(box)
        box.setWindowTitle(self.tr("Move a repeating appointment"))
        box.setText(self.tr("This appointment is part of a series. Move which ones?"))
        choices: dict[QAbstractButton, series.Scope] = {
            box.addButton(
                self.tr("Only this one"), QMessageBox.ButtonRole.AcceptRole
            ): series.Scope.THIS,
            box.addButton(
                self.tr("This and following"), QMessageBox.ButtonRole.AcceptRole
            ): series.Scope.FOLLOWING,
            box.addButton(
                self.tr("All in the series"), QMessageBox.ButtonRole.AcceptRole
            ): series.Scope.ALL,
        }
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return choices.get(box.clickedButton())

    def grid_moment(self, moment: dt.datetime) -> str:
        """``Mon 23 Nov 14:00`` in the locale the grid was last drawn in."""
        locale = self.grid.practice_locale
        day = locale_format.weekday_day_short(moment.date(), locale)
        return f"{day} {locale_format.time(moment, locale)}"

    def move_block(self, appointment_id: int, new_start: dt.datetime) -> None:
        """Drag and drop: confirm, then move with the same rules as the dialog."""
        item = self.details.get(appointment_id)
        if item is None:
            return
        question = self.tr("Move {name}'s appointment from {old} to {new}?").format(
            name=item.client_preferred_name,
            old=self.grid_moment(item.start),
            new=self.grid_moment(new_start),
        )
        if not self.ask(self.tr("Move appointment"), question):
            return
        scope = self.ask_scope() if item.series_id is not None else None
        if item.series_id is not None and scope is None:
            return
        self._move(item, new_start, scope, allow=False)

    def _move(
        self,
        item: AppointmentDetail,
        new_start: dt.datetime,
        scope: series.Scope | None,
        *,
        allow: bool,
    ) -> None:
        now = dt.datetime.now()
        data = appointments.AppointmentInput(
            client_id=item.client_id,
            practitioner_id=item.practitioner_id,
            start=new_start,
            duration_minutes=item.duration_minutes,
            mode=item.mode,
            location=item.location,
            notes=item.notes,
            service_id=item.service_id,
        )
        # The block as drawn carries the version it was read at: a move over someone
        # else's newer save is refused (StaleEdit, shown below) rather than undoing it.
        try:
            if scope is None:
                self.ops.run(
                    lambda s: appointments.update_appointment(
                        s,
                        item.id,
                        data,
                        now=now,
                        allow_conflict=allow,
                        expected_version=item.version,
                    ),
                )
                # The old time is free now: offer it to whoever is waiting for it.
                self.offer_freed_slot(item)
            else:

                def move(s):  # type: ignore[no-untyped-def]
                    appointments.load_version(s, item.id, item.version)
                    return series.move_occurrence(
                        s, item.id, new_start, scope=scope, now=now, allow_conflict=allow
                    )

                self.ops.run(move)
        except ConflictError as error:
            message = (error.for_field("start") or str(error)) + "\n\n" + self.tr("Book it anyway?")
            if self.ask(self.tr("Double-booking"), message):
                self._move(item, new_start, scope, allow=True)
        except (ValidationError, NotFoundError) as error:
            text = (
                "\n".join(e.message for e in error.errors)
                if isinstance(error, ValidationError)
                else str(error)
            )
            self.show_error(self.tr("The appointment was not moved"), text)
            self.refresh()

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)
