"""The Clients screen: a searchable, sortable list beside the client's record."""

from __future__ import annotations

import datetime as dt
import functools
import operator
from typing import ClassVar

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QSettings,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QHideEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
    QStandardItem,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clientcare import (
    adherence,
    appointments,
    clients,
    followups,
    interactions,
    lateness,
    locale_format,
    referrals,
)
from clientcare.care import CareItem, CareKind
from clientcare.clients import STATUS_LABELS, ClientDetail, ClientInput
from clientcare.concurrency import StaleEdit
from clientcare.db.models import ClientStatus
from clientcare.errors import NotFoundError, ValidationError
from clientcare.practice import get_settings, list_practitioners
from ui import labels
from ui.models.base import PAGE_SIZE, read_earlier_when_scrolled_up
from ui.models.clients import ClientColumn, ClientIdRole, ClientTableModel, NameOrderProxy, SortRole
from ui.models.paged_items import Section, sections_reader
from ui.ops import Changes, Operations
from ui.subject import Subject
from ui.theme import screen_title
from ui.views.client_form import ClientFormView
from ui.when_shown import WhenShown
from ui.widgets.client_money import ClientMoneyPanel
from ui.widgets.dates import from_qdate, to_qdate
from ui.widgets.fields import localise_date_edit
from ui.widgets.lateness_chart import format_minutes
from ui.widgets.scope_choice import shown_text


class ClientForm(ClientFormView):
    """The record of one client (or a new one), with an error next to each field.

    The layout is :class:`ui.views.client_form.ClientFormView`; this class reads and
    saves the client through ``ops``, shows what went wrong, and enables the buttons.
    """

    practice_locale = locale_format.DEFAULT_LOCALE  # the practice's, read with the choices

    #: What each tab shows, by the changes that make it out of date (the Money tab watches
    #: its own: :class:`ClientMoneyPanel`).
    TAB_CHANGES: ClassVar[dict[str, Changes]] = {
        "overview": Changes.INTERACTIONS,  # how the principles went
        "notes": Changes.INTERACTIONS,
        "appointments": Changes.APPOINTMENTS,
        "referrals": Changes.REFERRALS | Changes.FOLLOWUPS | Changes.CLIENTS,
    }
    #: Every change the page reads again for (the tabs' counts follow all of them).
    READS = functools.reduce(operator.or_, TAB_CHANGES.values())

    saved = Signal(int)
    dirty_changed = Signal(bool)
    #: A follow-up of this client to answer where follow-ups are answered (a CareItem).
    open_care_item = Signal(object)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(ClientMoneyPanel(ops), parent)
        self.ops = ops
        self.client: ClientDetail | None = None
        self._loaded_input: ClientInput | None = None
        self._loading = False
        self._draft_id: int | None = None
        self._contacts_total = 0
        self._appointment_counts: appointments.AppointmentCounts | None = None
        self._open_followups: followups.OpenFollowUps | None = None
        #: Tabs whose contents are read when next brought to the front (only the tab in
        #: front is read when a client is opened: paging through clients reads one tab).
        self._unread: set[str] = set()
        self._tab_readers = {
            "overview": self._show_adherence,
            "notes": self._show_contact_list,
            "appointments": self._show_appointment_list,
            "money": self.money_panel.read_if_waiting,
            "referrals": self._show_referrals_tab,
        }
        localise_date_edit(self.fact_date, self.ops.read(get_settings).locale)
        self.tabs.currentChanged.connect(lambda _index: self._read_tab_in_front())

        self.reload_button.clicked.connect(self.revert)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.revert)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        self.fact_text.returnPressed.connect(self.add_fact)
        self.add_fact_button.clicked.connect(self.add_fact)
        self.open_draft_button.clicked.connect(self._open_draft)
        self.new_interaction_button.clicked.connect(lambda: self.open_interaction(None))
        self.contacts_model.fetched.connect(self._show_contacts_count)
        self.contacts_view.doubleClicked.connect(
            lambda index: self.open_interaction(index.data(Qt.ItemDataRole.UserRole))
        )
        self.brief_button.clicked.connect(self.show_brief)
        self.print_brief_button.clicked.connect(self.print_brief)
        self.export_summaries_button.clicked.connect(self.export_summaries)
        self.referred_by_button.clicked.connect(self.set_referred_by)
        self.client_referrals_view.doubleClicked.connect(
            lambda index: self.open_referral(index.data(Qt.ItemDataRole.UserRole))
        )
        self.refer_button.clicked.connect(lambda: self.open_referral(None))
        self.appointments_model.fetched.connect(self._show_appointments_shown)
        self.followups_view.doubleClicked.connect(lambda _index: self._open_followup())
        self.open_followups_button.clicked.connect(self._open_followup)
        self.followups_view.selectionModel().currentChanged.connect(
            lambda _current, _previous: self._enable_followup_button()
        )

        for line in (
            self.full_name,
            self.preferred_name,
            self.pronunciation,
            self.pronouns,
            self.phone,
            self.email,
        ):
            line.textChanged.connect(self._on_edited)
        for text in (self.address, self.notes):
            text.textChanged.connect(self._on_edited)
        self.status.currentIndexChanged.connect(self._on_edited)
        self.practitioner.currentIndexChanged.connect(self._on_edited)
        self.full_name.textChanged.connect(self._update_preferred_placeholder)
        self.load(None)

    # -- contacts (interactions) --------------------------------------------------

    def _contact_item(self, row: interactions.InteractionSummary) -> QStandardItem:
        state = "" if row.state.value == "final" else " · " + self.tr("draft")
        label = (
            f"{locale_format.weekday_day_time(row.occurred_at, self.practice_locale)} · "
            f"{labels.label(interactions.KIND_LABELS, row.kind)}{state}"
            + (f"\n{row.first_line}" if row.first_line else "")
        )
        item = QStandardItem(label)
        item.setToolTip(label)
        item.setData(row.id, Qt.ItemDataRole.UserRole)
        return item

    # -- what is read, and when ------------------------------------------------------

    def _show_summary(self) -> None:
        """What the page says on every tab: the tabs' counts and a note left unfinished.

        Read whenever the client is opened or changes; the tabs' own lists are read when
        each is brought to the front (:meth:`read_tabs_later`).
        """
        client = self.client
        for box in (self.contacts_box, self.adherence_box, self.appointments_box):
            box.setVisible(client is not None)
        self.referrals_box.setVisible(client is not None)
        if client is None:
            self._contacts_total = 0
            self._appointment_counts = None
            self._open_followups = None
            self._draft_id = None
            self.draft_banner.hide()
            self.open_draft_button.hide()
            return
        client_id = client.id
        now = dt.datetime.now()
        self._contacts_total, draft, self._appointment_counts, self._open_followups = self.ops.read(
            lambda s: (
                interactions.count_client_interactions(s, client_id),
                interactions.latest_draft(s, client_id),
                appointments.client_appointment_counts(s, client_id, now=now),
                followups.open_followups(s, client_id, today=now.date()),
            )
        )
        # Each tab's title, with how many are in it when there are any.
        for name, plain, counted, count in (
            ("notes", self.tr("Notes"), self.tr("Notes ({count})"), self._contacts_total),
            (
                "appointments",
                self.tr("Appointments"),
                self.tr("Appointments ({count} ahead)"),
                self._appointment_counts.upcoming,
            ),
            (
                "referrals",
                self.tr("Referrals, follow-ups"),
                self.tr("Referrals, follow-ups ({count})"),
                self._open_followups.count,
            ),
        ):
            self.set_tab_title(name, counted.format(count=count) if count else plain)
        self._draft_id = draft.id if draft else None
        if draft is not None:
            self.draft_banner.setText(
                self.tr("An unfinished note from {when} was kept for you.").format(
                    when=locale_format.weekday_day_short(
                        draft.occurred_at.date(), self.practice_locale
                    )
                    + " "
                    + locale_format.time(draft.occurred_at, self.practice_locale)
                )
            )
        self.draft_banner.setVisible(draft is not None)
        self.open_draft_button.setVisible(draft is not None)

    def read_tabs_later(self, *names: str) -> None:
        """Read these tabs again (all when none are named): the one in front at once, each
        other one when it is next brought to the front. The counts are read at once."""
        self._unread.update(names or self._tab_readers)
        self._show_summary()
        self._read_tab_in_front()

    def changed_elsewhere(self, changes: Changes) -> None:
        """Read again what ``changes`` made out of date (the tab in front now, the others
        when they are opened); nothing without a client."""
        tabs = [name for name, kinds in self.TAB_CHANGES.items() if changes & kinds]
        if tabs and self.client is not None:
            self.read_tabs_later(*tabs)

    def _read_tab_in_front(self) -> None:
        name = self.current_tab()
        if name in self._unread:
            self._unread.discard(name)
            self._tab_readers[name]()

    # -- contacts (interactions) --------------------------------------------------

    def _show_contact_list(self) -> None:
        client = self.client
        if client is None:
            self.contacts_model.set_items([])
            return
        client_id = client.id
        if self._contacts_total:
            self.contacts_model.set_source(
                lambda offset, limit: [
                    self._contact_item(row)
                    for row in self.ops.read(
                        lambda s: interactions.client_interactions(
                            s, client_id, offset=offset, limit=limit
                        )
                    )
                ]
            )
        else:
            none = QStandardItem(self.tr("No contacts written up yet."))
            none.setEnabled(False)
            self.contacts_model.set_items([none])

    def _show_adherence(self) -> None:
        """How the principles went with this client (on the Overview)."""
        client = self.client
        if client is None:
            return
        today = dt.date.today()
        rows_by_principle, months = self.ops.read(
            lambda s: (
                adherence.adherence(s, client_id=client.id),
                adherence.adherence_by_month(s, client_id=client.id, today=today),
            )
        )
        self.adherence_chart.set_data(rows_by_principle, months, locale=self.practice_locale)

    def _show_contacts_count(self) -> None:
        """ "20 of 142 contacts shown" while the list is cut; nothing once it is whole."""
        total = getattr(self, "_contacts_total", 0)
        shown = self.contacts_model.shown
        self.contacts_count.setText(
            shown_text(shown, total, self.practice_locale, self.tr("contacts"))
            if shown < total
            else ""
        )
        self.contacts_count.setVisible(shown < total)

    def _open_draft(self) -> None:
        if self._draft_id is not None:
            self.open_interaction(self._draft_id)

    def make_interaction_editor(self, interaction_id: int | None) -> QDialog:
        from ui.dialogs.interaction import InteractionEditor

        assert self.client is not None
        return InteractionEditor(
            self.ops, client_id=self.client.id, interaction_id=interaction_id, parent=self
        )

    def run_preview(self, printout: object, page_size: str) -> None:
        from ui import printing

        printing.print_preview(self, printout, page_size)  # type: ignore[arg-type]

    def make_brief_dialog(self, client_id: int) -> QDialog:
        from ui.dialogs.brief import PreSessionBriefDialog

        return PreSessionBriefDialog(self.ops, client_id, self)

    def show_brief(self) -> None:
        """The pre-session brief on screen (read-only)."""
        if self.client is not None:
            self.make_brief_dialog(self.client.id).exec()

    def print_brief(self) -> None:
        """The pre-session brief of this client, in the print preview."""
        from clientcare.brief import pre_session_brief
        from ui.dialogs.print_summary import page_size, record_print

        if self.client is None:
            return
        client_id = self.client.id
        printout = self.ops.read(lambda s: pre_session_brief(s, client_id, now=dt.datetime.now()))
        record_print(self.ops, "client", client_id, "pre-session brief (preview)")
        self.run_preview(printout, page_size(self.ops))

    def make_export_dialog(self) -> QDialog:
        from ui.dialogs.batch_export import BatchExportDialog

        assert self.client is not None
        return BatchExportDialog(self.ops, client_id=self.client.id, parent=self)

    def export_summaries(self) -> None:
        if self.client is not None:
            self.make_export_dialog().exec()

    def open_interaction(self, interaction_id: int | None) -> None:
        if self.client is None:
            return
        self.make_interaction_editor(interaction_id).exec()  # what it wrote: changed_elsewhere

    # -- referrals -------------------------------------------------------------

    def _show_referrals_tab(self) -> None:
        self._show_referrals()
        self._show_followups()

    def _show_referrals(self) -> None:
        self.client_referrals_model.clear()
        client = self.client
        if client is None:
            return
        today = dt.date.today()
        source, rows = self.ops.read(
            lambda s: (
                referrals.referral_source(s, client.id),
                referrals.list_referrals(s, today=today, open_only=False, client_id=client.id),
            )
        )
        self.referred_by.setText(
            self.tr("Referred by: {source}").format(source=source.label)
            if source
            else self.tr("Referred by: not recorded")
        )
        self.referred_by_button.setText(self.tr("Change…") if source else self.tr("Set…"))
        for row in rows:
            label = self.tr("{day} · to {provider} · {status}").format(
                day=locale_format.day(row.referred_on, self.practice_locale),
                provider=row.provider_name,
                status=labels.label(referrals.STATUS_LABELS, row.status),
            )
            if row.follow_up_due:
                label += " · " + self.tr("follow-up due")
            item = QStandardItem(label)
            item.setData(row.id, Qt.ItemDataRole.UserRole)
            self.client_referrals_model.appendRow(item)
        if not rows:
            none = QStandardItem(self.tr("No referrals to other providers."))
            none.setEnabled(False)
            self.client_referrals_model.appendRow(none)

    def make_source_dialog(self) -> QDialog:
        from ui.dialogs.referral import SourceDialog

        assert self.client is not None
        return SourceDialog(self.ops, self.client.id, parent=self)

    def make_referral_dialog(self, referral_id: int | None) -> QDialog:
        from ui.dialogs.referral import ReferralDialog

        assert self.client is not None
        return ReferralDialog(
            self.ops,
            client_id=self.client.id,
            referral_id=referral_id,
            fixed_client=True,
            parent=self,
        )

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog modally (tests replace this to drive it)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def set_referred_by(self) -> None:
        if self.client is not None:
            self.run_dialog(self.make_source_dialog())  # what it wrote: changed_elsewhere

    def open_referral(self, referral_id: int | None) -> None:
        if self.client is not None:
            self.run_dialog(self.make_referral_dialog(referral_id))  # changed_elsewhere reads

    # -- appointments --------------------------------------------------------

    def _lateness_text(self, stats: lateness.LatenessStats) -> str:
        """One line on lateness both ways, in plain words."""
        if stats.practitioner_events == 0 and stats.client_events == 0:
            return self.tr("Lateness: none recorded.")
        if stats.practitioner_events:
            you = self.tr("you were late {n}× (avg {avg} min").format(
                n=stats.practitioner_events,
                avg=format_minutes(stats.practitioner_average_minutes, self.practice_locale),
            )
            if stats.offers_required:
                you += self.tr(
                    ", rescheduling offered {made} of {required} times it was required"
                ).format(made=stats.offers_made, required=stats.offers_required)
            you += ")"
        else:
            you = self.tr("you were not late")
        if stats.client_events:
            them = self.tr("the client arrived late {n}× (avg {avg} min)").format(
                n=stats.client_events,
                avg=format_minutes(stats.client_average_minutes, self.practice_locale),
            )
        else:
            them = self.tr("the client was not late")
        return self.tr("Lateness: {you}; {them}").format(you=you, them=them)

    def _appointment_item(self, item: appointments.AppointmentDetail) -> QStandardItem:
        label = (
            f"   {locale_format.weekday_day_time(item.start, self.practice_locale)} · "
            f"{labels.label(appointments.MODE_LABELS, item.mode)} · "
            f"{labels.label(appointments.STATUS_LABELS, item.status)} · "
            f"{item.practitioner_name}"
        )
        row = QStandardItem(label)
        row.setData(item.id, Qt.ItemDataRole.UserRole)
        return row

    def _heading_item(self, text: str) -> QStandardItem:
        title = QStandardItem(text)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        title.setSelectable(False)
        return title

    def _none_item(self) -> QStandardItem:
        none = QStandardItem("   " + self.tr("none"))
        none.setEnabled(False)
        return none

    def _show_appointment_list(self) -> None:
        client = self.client
        counts = self._appointment_counts
        if client is None or counts is None:
            self.appointments_model.set_items([])
            return
        client_id = client.id
        now = dt.datetime.now()
        stats = self.ops.read(lambda s: lateness.lateness_stats(s, client_id=client_id))
        self.appointment_counts.setText(
            self.tr(
                "Attended {attended} · late {late} · no-show {no_show} · cancelled {cancelled}"
            ).format(
                attended=counts.attended,
                late=counts.late,
                no_show=counts.no_show,
                cancelled=counts.cancelled,
            )
        )
        self.lateness_summary.setText(self._lateness_text(stats))
        self.lateness_chart.set_stats(stats, locale=self.practice_locale)

        def reader(read):  # type: ignore[no-untyped-def]
            def items(offset: int, limit: int) -> list[QStandardItem]:
                rows = self.ops.read(
                    lambda s: read(s, client_id, now=now, offset=offset, limit=limit)
                )
                return [self._appointment_item(row) for row in rows]

            return items

        # Upcoming first, then the past, most recent first: a page at a time.
        self.appointments_model.set_source(
            sections_reader(
                [
                    Section(
                        lambda: self._heading_item(self.tr("Upcoming")),
                        counts.upcoming,
                        reader(appointments.client_upcoming),
                        self._none_item,
                    ),
                    Section(
                        lambda: self._heading_item(self.tr("Past")),
                        counts.past,
                        reader(appointments.client_past),
                        self._none_item,
                    ),
                ]
            )
        )

    def _show_appointments_shown(self) -> None:
        """ "20 of 162 appointments shown" while the list is cut."""
        counts = getattr(self, "_appointment_counts", None)
        total = counts.upcoming + counts.past if counts else 0
        shown = self.appointments_model.shown
        self.appointments_count_label.setText(
            shown_text(shown, total, self.practice_locale, self.tr("appointments"))
            if shown < total
            else ""
        )
        self.appointments_count_label.setVisible(shown < total)

    def _show_facts(self) -> None:
        self.facts_model.clear()
        facts = self.client.facts if self.client else ()
        for fact in sorted(facts, key=lambda f: (f.noted_on, f.id), reverse=True):
            item = QStandardItem(
                f"{locale_format.day(fact.noted_on, self.practice_locale)} — {fact.text}"
            )
            item.setData(fact.id, Qt.ItemDataRole.UserRole)
            self.facts_model.appendRow(item)
        if not facts and self.client is not None:
            item = QStandardItem(self.tr("Nothing written down yet."))
            item.setEnabled(False)
            self.facts_model.appendRow(item)
        self.fact_date.setDate(to_qdate(dt.date.today()))
        self.fact_date.setMaximumDate(to_qdate(dt.date.today()))
        enabled = self.client is not None
        for widget in (self.facts_view, self.fact_date, self.fact_text, self.add_fact_button):
            widget.setEnabled(enabled)
        self.facts_box.setToolTip("" if enabled else self.tr("Save the client first."))

    def add_fact(self) -> None:
        if self.client is None:
            return
        client_id = self.client.id
        text = self.fact_text.text()
        noted_on = from_qdate(self.fact_date.date())
        try:
            self.ops.run(lambda s: clients.add_fact(s, client_id, text, noted_on))
        except ValidationError as error:
            self.fact_error.setText("⚠ " + "; ".join(e.message for e in error.errors))
            self.fact_error.show()
            return
        except NotFoundError as error:
            self.fact_error.setText(f"⚠ {error}")
            self.fact_error.show()
            return
        self.fact_error.hide()
        self.fact_text.clear()
        refreshed = self.ops.read(lambda s: clients.get_client(s, client_id))
        self.client = refreshed
        self._show_facts()

    # -- follow-ups ---------------------------------------------------------------

    def _show_followups(self) -> None:
        self.followups_model.clear()
        client = self.client
        if client is None:
            self._enable_followup_button()
            return
        open_now = self._open_followups
        if open_now is None:
            return
        locale = self.practice_locale
        for issue in open_now.issues:
            when = (
                self.tr("due {date}").format(date=locale_format.day(issue.due_on, locale))
                if issue.due_on
                else self.tr("raised {date}").format(
                    date=locale_format.day(issue.raised_on, locale)
                )
            )
            self._add_followup(
                self.tr("Issue ({urgency}): {title} — {when}").format(
                    urgency=labels.label(followups.URGENCY_LABELS, issue.urgency).lower(),
                    title=issue.title,
                    when=when,
                ),
                CareItem(CareKind.ISSUE, issue.id, client.id, issue.client_name, issue.title, None),
                overdue=issue.overdue,
            )
        for expectation in open_now.expectations:
            review = (
                self.tr("review {date}").format(
                    date=locale_format.day(expectation.review_on, locale)
                )
                if expectation.review_on
                else self.tr("no review date")
            )
            self._add_followup(
                self.tr("Expectation: {text} — {review}").format(
                    text=expectation.description, review=review
                ),
                CareItem(
                    CareKind.EXPECTATION,
                    expectation.id,
                    client.id,
                    expectation.client_name,
                    expectation.description,
                    None,
                ),
                overdue=expectation.due,
            )
        checkins = open_now.checkins
        consent = labels.label(followups.CONSENT_LABELS, checkins.consent)
        if checkins.consented and checkins.next_due_on is not None:
            text = self.tr("Check-ins: consent given · next {state} {date}").format(
                state=self.tr("due") if open_now.checkin_due else self.tr("on"),
                date=locale_format.day(checkins.next_due_on, locale),
            )
        else:
            text = self.tr("Check-ins: consent {state}").format(state=consent.lower())
        self._add_followup(
            text,
            CareItem(CareKind.CHECKIN, client.id, client.id, client.preferred_name, text, None),
            overdue=open_now.checkin_due,
        )
        self._enable_followup_button()

    def _add_followup(self, text: str, item: CareItem, *, overdue: bool) -> None:
        row = QStandardItem(("⚠ " if overdue else "") + text)
        row.setToolTip(text + ("\n" + self.tr("Due now.") if overdue else ""))
        row.setData(item, Qt.ItemDataRole.UserRole)
        self.followups_model.appendRow(row)

    def _enable_followup_button(self) -> None:
        self.open_followups_button.setEnabled(self.followups_view.currentIndex().isValid())

    def _open_followup(self) -> None:
        index = self.followups_view.currentIndex()
        item = index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None
        if isinstance(item, CareItem):
            self.open_care_item.emit(item)

    # -- loading and collecting ---------------------------------------------

    def load(self, detail: ClientDetail | None) -> None:
        """Show ``detail`` (or an empty form for a new client)."""
        self._loading = True
        try:
            self.client = detail
            self._fill_choices(detail)
            data = detail.as_input() if detail else ClientInput(full_name="")
            self.full_name.setText(data.full_name)
            self.preferred_name.setText(data.preferred_name)
            self.pronunciation.setText(data.pronunciation)
            self.pronouns.setText(data.pronouns)
            self.phone.setText(data.phone)
            self.email.setText(data.email)
            self.address.setPlainText(data.address)
            self.notes.setPlainText(data.notes)
            self._select_data(self.status, data.status.value)
            self._select_data(self.practitioner, data.primary_practitioner_id)
            if detail is None:
                self.heading.setText(self.tr("New client"))
                self.subheading.setText(self.tr("Fields marked * are required."))
            else:
                # The name to greet them by is the page's title; the legal name under it.
                self.heading.setText(detail.preferred_name or detail.full_name)
                parts = []
                if detail.preferred_name and detail.preferred_name != detail.full_name:
                    parts.append(detail.full_name)
                if detail.pronunciation:
                    parts.append(self.tr("say “{sound}”").format(sound=detail.pronunciation))
                if detail.pronouns:
                    parts.append(detail.pronouns)
                parts.append(
                    self.tr("{status} since {date}").format(
                        status=labels.label(STATUS_LABELS, detail.status),
                        date=locale_format.day(detail.status_changed_on, self.practice_locale),
                    )
                )
                self.subheading.setText(" · ".join(parts))
            self.setAccessibleName(self.heading.text())
            self.set_record_tabs_shown(detail is not None)
            self.clear_errors()
            self._show_facts()
            self.money_panel.set_client(detail.id if detail else None, when_shown=True)
            self.read_tabs_later()  # the counts now, each tab's lists when it is in front
        finally:
            self._loading = False
        self._loaded_input = self.collect()
        self._update_preferred_placeholder()
        self._on_edited()

    def _fill_choices(self, detail: ClientDetail | None) -> None:
        self.status.clear()
        for status in clients.allowed_statuses(detail.status if detail else None):
            self.status.addItem(labels.label(STATUS_LABELS, status), status.value)
        self.practitioner.clear()
        self.practitioner.addItem(self.tr("(not assigned)"), None)
        practitioners, self.practice_locale = self.ops.read(
            lambda s: (list_practitioners(s, include_inactive=True), get_settings(s).locale)
        )
        localise_date_edit(self.fact_date, self.practice_locale)
        for practitioner in practitioners:
            if practitioner.active or (
                detail is not None and practitioner.id == detail.primary_practitioner_id
            ):
                self.practitioner.addItem(practitioner.full_name, practitioner.id)

    @staticmethod
    def _select_data(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def collect(self) -> ClientInput:
        """What the form holds now, as typed."""
        status_value = self.status.currentData()
        return ClientInput(
            full_name=self.full_name.text(),
            preferred_name=self.preferred_name.text(),
            pronunciation=self.pronunciation.text(),
            pronouns=self.pronouns.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            address=self.address.toPlainText(),
            notes=self.notes.toPlainText(),
            status=ClientStatus(status_value) if status_value else ClientStatus.PROSPECT,
            primary_practitioner_id=self.practitioner.currentData(),
        )

    def is_dirty(self) -> bool:
        return self._loaded_input is not None and self.collect() != self._loaded_input

    def _on_edited(self) -> None:
        if self._loading:
            return
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty or self.client is None)
        self.cancel_button.setEnabled(dirty)
        self.dirty_changed.emit(dirty)

    def _update_preferred_placeholder(self) -> None:
        first = clients.default_preferred_name(self.full_name.text().strip())
        self.preferred_name.setPlaceholderText(
            self.tr("Defaults to “{first}”").format(first=first)
            if first
            else self.tr("How to greet them — defaults to first name")
        )

    # -- saving ---------------------------------------------------------------

    def clear_errors(self) -> None:
        for wrapper in self.fields.values():
            wrapper.show_error(None)
        self.form_error.hide()
        self.reload_button.hide()
        self.fact_error.hide()

    def save(self) -> bool:
        """Validate and store the form in one transaction; True when stored."""
        data = self.collect()
        region = self.ops.read(lambda s: get_settings(s).phone_region)
        today = dt.date.today()
        existing = self.client
        self.clear_errors()
        try:
            if existing is None:
                stored = self.ops.run(
                    lambda s: clients.create_client(s, data, region=region, today=today),
                )
            else:
                stored = self.ops.run(
                    lambda s: clients.update_client(
                        s,
                        existing.id,
                        data,
                        region=region,
                        today=today,
                        expected_version=existing.version,
                    ),
                )
        except StaleEdit as error:
            message = error.for_field("version") or str(error)
            self.form_error.setText(
                f"⚠ {message} "
                + self.tr("Your text is still in the form: copy what you need, then Reload.")
            )
            self.form_error.show()
            self.reload_button.show()
            return False
        except ValidationError as error:
            self._show_errors(error)
            return False
        except NotFoundError as error:
            self.form_error.setText(
                "⚠ "
                + str(error)
                + " "
                + self.tr("Your text is still in the form; nothing was lost.")
            )
            self.form_error.show()
            return False
        self.load(stored)
        self.saved.emit(stored.id)
        return True

    def _show_errors(self, error: ValidationError) -> None:
        first: QWidget | None = None
        for problem in error.errors:
            wrapper = self.fields.get(problem.field)
            if wrapper is None:
                self.form_error.setText(f"⚠ {problem.message}")
                self.form_error.show()
                continue
            wrapper.show_error(problem.message)
            first = first or wrapper.editor
        if first is not None:
            first.setFocus()

    def revert(self) -> None:
        """Throw away unsaved edits and show what is stored."""
        if self.client is None:
            self.load(None)
            return
        client_id = self.client.id
        try:
            self.load(self.ops.read(lambda s: clients.get_client(s, client_id)))
        except NotFoundError:
            self.load(None)


#: An e-mail address of this many "m" widths is read in full before the practitioner
#: column gets room in the client list (longer ones are elided; the tooltip has them).
READABLE_EMAIL = 18
#: The list's columns that give way, in this order, when the list is narrow.
GIVE_WAY = (ClientColumn.STATUS, ClientColumn.PHONE, ClientColumn.PRACTITIONER)

#: How long after the last keystroke of a search the count of matches is written.
COUNT_AFTER_TYPING_MS = 150


#: Whether the client list is beside the client's page (this computer's choice).
LIST_SHOWN_KEY = "clients/list_shown"
#: The list's share of the screen's width beside the client's page, at first.
LIST_SHARE = 0.4


def list_shown_at_start() -> bool:
    """As the practitioner left it; at first, shown."""
    saved = QSettings().value(LIST_SHOWN_KEY)
    return saved is None or str(saved).lower() in ("true", "1")


class ClientsScreen(QWidget):
    """List on the left, the selected client's record on the right."""

    #: A follow-up of the open client to answer where follow-ups are answered (a CareItem).
    open_care_item = Signal(object)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        # A client opened from elsewhere, far down the list of a large practice, is shown
        # with the pages around them; the rows above are read as the list is scrolled up.
        self.model = ClientTableModel(self, window=True)
        self.proxy = NameOrderProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit()
        self.search.setObjectName("client_search")
        self.search.setPlaceholderText(self.tr("Search name, e-mail or phone"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search clients"))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        self.status_filter.setAccessibleName(self.tr("Show clients with status"))
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status_filter.addItem(self.tr("All statuses"), None)
        self.status_filter.addItem(self.tr("Current clients"), "current")
        for status in ClientStatus:
            self.status_filter.addItem(labels.label(STATUS_LABELS, status), status.value)
        self.new_button = QPushButton(self.tr("&New client"))
        self.new_button.setObjectName("new_client")
        self.new_button.setToolTip(self.tr("Add a client (Ctrl+Shift+N)"))
        QShortcut(QKeySequence("Ctrl+Shift+N"), self).activated.connect(self.new_client)
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.focus_search)

        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName("client_table")
        self.table.setModel(self.proxy)
        read_earlier_when_scrolled_up(self.table, self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ClientColumn.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        # Names, statuses and phone numbers take the width they need (measured when the
        # list is first filled and when it is resized, never per keystroke: the columns
        # stay put while a search is typed); the e-mail address has the rest, elided when
        # it is long (its tooltip has it in full).
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ClientColumn.EMAIL, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._columns_fitted = False
        # Fitted again once a resize is over (a dragged divider sends many).
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_list_columns)
        self.table.viewport().installEventFilter(self)
        self.table.setAccessibleName(self.tr("Clients"))

        self.empty = QLabel()
        self.empty.setObjectName("clients_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        self.count_label = QLabel()
        self.count_label.setObjectName("client_count")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status_filter)
        top.addWidget(self.new_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(12, 12, 6, 12)
        left_layout.addWidget(screen_title(self.tr("Clients"), "clients_title"))
        left_layout.addLayout(top)
        left_layout.addWidget(self.list_stack, 1)
        left_layout.addWidget(self.count_label)

        # The client's page is built when the first client is opened (the section opens
        # on nobody: a practitioner looking something up in the list does not wait for
        # the tabs of a page they have not asked for).
        self._form: ClientForm | None = None
        # The list folds away to give the client's page the whole width (this
        # computer's choice, kept); the page has a scroll area per tab of its own.
        self.list_toggle = QToolButton()
        self.list_toggle.setObjectName("client_list_toggle")
        self.list_toggle.setCheckable(True)
        # Nobody shown when the list's search or filter hides the client that was.
        self.nobody = QWidget()
        self.nobody.setObjectName("client_none_selected")
        self.nobody_text = QLabel(
            self.tr("No client selected.\n\nChoose one in the list, or add a new client.")
        )
        self.nobody_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nobody_text.setWordWrap(True)
        # The list's own button is on a client's page: with the list folded away and
        # nobody open, this one brings it back (no dead end).
        self.nobody_show_list = QPushButton(self.tr("Show the client list"))
        self.nobody_show_list.setObjectName("client_show_list")
        self.nobody_show_list.clicked.connect(lambda: self.show_list(True))
        # The section's heading is above the list: with the list folded away, here.
        self.nobody_title = screen_title(self.tr("Clients"), "clients_title_nobody")
        nobody_layout = QVBoxLayout(self.nobody)
        nobody_layout.addWidget(self.nobody_title)
        nobody_layout.addStretch(1)
        nobody_layout.addWidget(self.nobody_text)
        nobody_layout.addWidget(self.nobody_show_list, 0, Qt.AlignmentFlag.AlignHCenter)
        nobody_layout.addStretch(1)
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(self.nobody)

        self.list_panel = left
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("clients_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail_stack)
        # The client's page has the larger share: its tabs are the working area.
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self._splitter_shared = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        # As left last time (shown once, nothing written back); then each click is kept.
        self.show_list(list_shown_at_start(), remember=False)
        self.list_toggle.toggled.connect(self.show_list)

        # While a search is typed the list follows every keystroke; the "12 of 2,000
        # clients" count (a pass over every client) follows once typing pauses.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_AFTER_TYPING_MS)
        self._count_timer.timeout.connect(self._show_count)
        self.search.textChanged.connect(lambda _text: self.refresh(count_later=True))
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._on_sort_changed)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.new_button.clicked.connect(self.new_client)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        # A change made elsewhere is shown when the list is next seen (nothing is read
        # while it is hidden; nothing when it is seen again unchanged).
        self._when_shown = WhenShown(
            self,
            ops,
            self._on_changes,
            Changes.CLIENTS | Changes.SETTINGS | ClientForm.READS,
        )
        self._selecting = False
        self.refresh()
        # Nobody is opened for the practitioner: a client's page is theirs to choose (a
        # page opened on whoever sorts first invites a note on the wrong person).
        self.show_nobody()

    # -- the client's page ----------------------------------------------------------

    @property
    def form(self) -> ClientForm:
        """The client's page (built the first time it is needed)."""
        if self._form is None:
            form = ClientForm(self.ops)
            form.setObjectName("client_form")
            form.header_layout.insertWidget(0, self.list_toggle, 0, Qt.AlignmentFlag.AlignTop)
            self.detail_stack.insertWidget(0, form)
            # Once the page is in place (moving a widget to a new parent reorders its
            # focus chain): the list, then the page's header, tabs and fields.
            QWidget.setTabOrder(self.table, self.list_toggle)
            form.order_focus(self.list_toggle)
            form.saved.connect(self._on_saved)
            form.open_care_item.connect(self.open_care_item)
            self._form = form
        return self._form

    def shown_client(self) -> ClientDetail | None:
        """The client whose page is shown (None: nobody, or a new client not yet saved)."""
        if self._form is None or self.detail_stack.currentWidget() is not self._form:
            return None
        return self._form.client

    def _open_client(self) -> ClientDetail | None:
        """The client loaded on the page (shown or not), without building the page."""
        return None if self._form is None else self._form.client

    def _page_dirty(self) -> bool:
        return self._form is not None and self._form.is_dirty()

    # -- list ------------------------------------------------------------------

    def show_nobody(self) -> None:
        """No client's page: "choose one in the list" (with a button to show the list
        when it is folded away)."""
        self.detail_stack.setCurrentWidget(self.nobody)

    def show_list(self, shown: bool, *, remember: bool = True) -> None:
        """Show the list beside the client's page, or give the page the whole width."""
        self.list_panel.setVisible(shown)
        self.nobody_show_list.setVisible(not shown)
        self.nobody_title.setVisible(not shown)
        if self.list_toggle.isChecked() != shown:
            with QSignalBlocker(self.list_toggle):  # this call says whether to remember
                self.list_toggle.setChecked(shown)
        self.list_toggle.setText(self.tr("◀ List") if shown else self.tr("▶ List"))
        self.list_toggle.setToolTip(
            self.tr("Hide the client list: the client's page takes the whole width")
            if shown
            else self.tr("Show the client list again")
        )
        self.list_toggle.setAccessibleName(
            self.tr("Hide the client list") if shown else self.tr("Show the client list")
        )
        if remember:
            QSettings().setValue(LIST_SHOWN_KEY, shown)
        if not shown and self.search.hasFocus():
            if self.detail_stack.currentWidget() is self.nobody:
                self.nobody_show_list.setFocus()
            else:
                self.form.setFocus()

    def _status_set(self) -> frozenset[ClientStatus] | None:
        value = self.status_filter.currentData()
        if value is None:
            return None
        if value == "current":
            return frozenset({ClientStatus.PROSPECT, ClientStatus.ACTIVE, ClientStatus.PAUSED})
        return frozenset({ClientStatus(value)})

    def refresh(self, *, count_later: bool = False, keep_shown: bool = False) -> None:
        """Reload the list for the current search and filter, keeping the selection.

        ``count_later``: a keystroke of the search; the count is written once typing
        pauses (unless nothing matches: then it is needed now, to say why).
        ``keep_shown``: the client on the page stays there even if the list hides them
        (just saved: the list is then made to show them).
        """
        text = self.search.text()
        statuses = self._status_set()
        self._selecting = True
        try:
            # A page at a time (the model fetches more as the list scrolls).
            self.model.set_source(
                lambda offset, limit: self.ops.read(
                    lambda s: clients.list_clients(s, text, statuses, offset=offset, limit=limit)
                ),
                lambda client_id: self.ops.read(
                    lambda s: clients.position_in_list(s, client_id, text, statuses)
                ),
            )
            if not self._default_order():
                self.model.fetch_all()
            shown = self._open_client()
            hidden = shown is not None and not self.select_client(shown.id, load=False)
            if hidden and not keep_shown:
                # The search or filter hides the client shown: the page shows nobody
                # rather than a client the list no longer has (unless edits are pending:
                # nothing typed is lost, and the list's selection is cleared instead).
                self.table.clearSelection()
                self.table.setCurrentIndex(QModelIndex())
                if not self._page_dirty():
                    self.form.load(None)
                    self.show_nobody()
        finally:
            self._selecting = False
        rows = self.model.rowCount()
        if rows and count_later:
            self.list_stack.setCurrentWidget(self.table)
            self._count_timer.start()
        else:
            self._show_count()

    def hideEvent(self, event: QHideEvent) -> None:
        # A count still to write waits until the list is seen again.
        self._count_pending = self._count_timer.isActive()
        self._count_timer.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._splitter_shared and self.splitter.width() > 0:
            # At first the list has 40 % of the width (a splitter would otherwise share
            # by size hints, squeezing one or the other); then as the divider is left.
            self._splitter_shared = True
            total = self.splitter.width() - self.splitter.handleWidth()
            page = max(round(total * (1 - LIST_SHARE)), self.detail_stack.minimumSizeHint().width())
            self.splitter.setSizes([max(total - page, 0), page])
        if getattr(self, "_count_pending", False):
            self._count_pending = False
            self._count_timer.start()

    def _show_count(self) -> None:
        """ "12 of 2,000 clients", and the empty list's words (no clients, or no match)."""
        self._count_timer.stop()
        text = self.search.text()
        statuses = self._status_set()
        filtered = bool(text.strip()) or statuses is not None
        shown, total = self.ops.read(lambda s: clients.count_matching(s, text, statuses))
        rows = self.model.rowCount()
        if total == 0:
            self.empty.setText(
                self.tr(
                    "No clients yet.\n\nClick “New client” to add your first client.\n"
                    "To look around first, open the fictional demo practice: "
                    "Help → Look around the demo practice."
                )
            )
        elif not rows:
            self.empty.setText(
                self.tr(
                    "No client matches “{text}”.\nCheck the spelling or clear the search."
                ).format(text=text.strip())
                if text.strip()
                else self.tr("No client has this status.")
            )
        self.list_stack.setCurrentWidget(self.table if rows else self.empty)
        if rows and not self._columns_fitted and self.table.isVisible():
            self.fit_list_columns()  # (when first shown, the resize fits them)
        if filtered:
            self.count_label.setText(
                self.tr("{shown} of {total} clients").format(shown=shown, total=total)
            )
        else:
            self.count_label.setText(
                self.tr("1 client") if total == 1 else self.tr("{n} clients").format(n=total)
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_timer.start()
        return super().eventFilter(watched, event)

    def fit_list_columns(self) -> None:
        """Leave columns out while they would crowd out the e-mail address.

        Beside the client's page on a laptop the list cannot show all six columns
        readably; the practitioner, then the phone, then the status are left out (each is
        on the client's page) and come back when the list is wider.
        """
        table, header = self.table, self.table.horizontalHeader()
        widths: dict[ClientColumn, int] = {}
        metrics = table.fontMetrics()
        # The rows in view (the first page before the list is shown).
        first = max(table.verticalHeader().visualIndexAt(0), 0)
        last = table.verticalHeader().visualIndexAt(table.viewport().height())
        if last < 0:
            last = min(self.proxy.rowCount(), PAGE_SIZE) - 1

        def wanted(column: ClientColumn) -> int:
            # The widest text found by its advance, then only that cell measured by the
            # delegate (margins, font): not every cell through ten roles of data() each.
            if column not in widths:
                widest, best = None, -1
                for row in range(first, last + 1):
                    index = self.proxy.index(row, column)
                    advance = metrics.horizontalAdvance(index.data() or "")
                    if advance > best:
                        widest, best = index, advance
                cell = table.sizeHintForIndex(widest).width() if widest is not None else 0
                widths[column] = max(header.sectionSizeHint(column), cell)
            return widths[column]

        readable_email = min(
            wanted(ClientColumn.EMAIL), table.fontMetrics().horizontalAdvance("m" * READABLE_EMAIL)
        )
        needed = readable_email + sum(
            wanted(column)
            for column in ClientColumn
            if column is not ClientColumn.EMAIL and column not in GIVE_WAY
        )
        room = table.viewport().width()
        # Kept in order while they fit beside a readable e-mail address; once one does
        # not, it and those after it are left out (they are all on the client's page).
        hide = False
        for column in GIVE_WAY:
            hide = hide or needed + wanted(column) > room
            if not hide:
                needed += wanted(column)
            if table.isColumnHidden(column) != hide:
                table.setColumnHidden(column, hide)
        # Too narrow for the names and even the start of an address (the smallest
        # window): the names only, the preferred name taking the rest. Otherwise the
        # address has what is left, cut short with its tooltip whole when it must be.
        names_only = needed - readable_email + metrics.horizontalAdvance("m" * 8) > room
        if table.isColumnHidden(ClientColumn.EMAIL) != names_only:
            table.setColumnHidden(ClientColumn.EMAIL, names_only)
            header.setSectionResizeMode(
                ClientColumn.PREFERRED,
                QHeaderView.ResizeMode.Stretch
                if names_only
                else QHeaderView.ResizeMode.Interactive,
            )
        for column in ClientColumn:
            if column is not ClientColumn.EMAIL and not (
                names_only and column is ClientColumn.PREFERRED
            ):
                table.setColumnWidth(column, wanted(column))
        self._columns_fitted = self.model.rowCount() > 0

    def _default_order(self) -> bool:
        """Sorted by name A–Z, the order the model reads pages in."""
        header = self.table.horizontalHeader()
        return (
            header.sortIndicatorSection() == ClientColumn.NAME
            and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
        )

    def _on_sort_changed(self, _column: int, _order: Qt.SortOrder) -> None:
        if not self._default_order():  # sorting by another column needs every row
            self.model.fetch_all()

    def select_client(self, client_id: int, *, load: bool = True) -> bool:
        row = self.model.row_for_id(client_id)
        if row is None:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        was = self._selecting
        self._selecting = not load
        try:
            self.table.setCurrentIndex(proxy_index)
            self.table.scrollTo(proxy_index)
        finally:
            self._selecting = was
        return True

    def subject(self) -> Subject | None:
        """The client selected in the list and shown on the page (what Ctrl+I is for)."""
        client = self.shown_client()
        current = self.table.currentIndex()
        if client is None or not current.isValid() or current.data(ClientIdRole) != client.id:
            return None
        return Subject(client.id)

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        client_id = current.data(ClientIdRole)
        opened = self._open_client()
        if opened is not None and opened.id == client_id:
            return
        if not self.confirm_leave():
            self._selecting = True
            try:
                self.table.setCurrentIndex(previous)
            finally:
                self._selecting = False
            return
        try:
            client = self.ops.read(lambda s: clients.get_client(s, client_id))
        except NotFoundError:
            self.refresh()
            return
        self.form.load(client)
        self.detail_stack.setCurrentWidget(self.form)

    def _on_saved(self, client_id: int) -> None:
        self.refresh(keep_shown=True)
        self.show_client(client_id, load=False)  # the search is cleared if it hides them

    def show_client(self, client_id: int, *, load: bool = True) -> bool:
        """Select ``client_id`` in the list, clearing the search and the status filter
        when they hide them; False when the client is not there at all."""
        if self.select_client(client_id, load=load):
            return True
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        self.refresh()
        return self.select_client(client_id, load=load)

    def _on_changes(self, changes: Changes) -> None:
        if changes & (Changes.CLIENTS | Changes.SETTINGS):
            self.refresh()
            self._reload_if_changed_elsewhere()
        if self._form is not None:
            self._form.changed_elsewhere(changes)

    def _reload_if_changed_elsewhere(self) -> None:
        """Show another practitioner's save of the open client, unless edits are pending
        here (then the save says so and offers Reload: nothing typed is lost)."""
        shown = self._open_client()
        if shown is None or self._page_dirty():
            return
        try:
            stored = self.ops.read(lambda s: clients.get_client(s, shown.id))
        except NotFoundError:
            return
        if stored.version != shown.version:
            self.form.load(stored)

    # -- actions -------------------------------------------------------------------

    def new_client(self) -> None:
        if not self.confirm_leave():
            return
        self._selecting = True
        try:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
        finally:
            self._selecting = False
        self.form.load(None)
        self.detail_stack.setCurrentWidget(self.form)
        self.form.full_name.setFocus()

    def focus_search(self) -> None:
        if not self.list_panel.isVisible() and self.isVisible():
            self.show_list(True)
        self.search.setFocus()
        self.search.selectAll()

    def confirm_leave(self) -> bool:
        """True when the form may be left: saved, discarded, or nothing changed."""
        if not self._page_dirty():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.form.save()
        return answer == QMessageBox.StandardButton.Discard

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        name = self.form.full_name.text().strip() or self.tr("this new client")
        return QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("You have changed {name} and not saved. Save the changes?").format(name=name),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
