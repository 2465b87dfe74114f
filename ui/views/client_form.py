"""The layout of a client's record (:class:`ui.screens.clients.ClientForm` behaves)."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.models.paged_items import PagedItemModel
from ui.theme import look, set_heading
from ui.widgets.adherence_chart import AdherenceChart
from ui.widgets.client_money import ClientMoneyPanel
from ui.widgets.fields import FieldWithError, error_label
from ui.widgets.lateness_chart import LatenessChart
from ui.widgets.reflow import ColumnsThatFit

FORM_FIELDS = (
    "full_name",
    "preferred_name",
    "pronunciation",
    "pronouns",
    "status",
    "primary_practitioner_id",
    "phone",
    "email",
    "address",
    "notes",
)


class ClientFormView(QWidget):
    """The record's fields with an error line under each, the buttons, and the sections
    below them (contacts, referrals, facts, appointments, money, service principles).

    ``money_panel`` is the client's Money section (a widget of its own, made by the form).
    """

    def __init__(self, money_panel: ClientMoneyPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("New client"))
        self.heading.setObjectName("client_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # a name is text, never markup
        set_heading(self.heading, "title")
        self.heading.setWordWrap(True)
        self.subheading = QLabel()
        self.subheading.setObjectName("client_subheading")
        self.subheading.setTextFormat(Qt.TextFormat.PlainText)
        self.subheading.setWordWrap(True)

        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(self.tr("e.g. Margaret Example"))
        self.preferred_name = QLineEdit()
        self.preferred_name.setPlaceholderText(
            self.tr("How to greet them — defaults to first name")
        )
        self.pronunciation = QLineEdit()
        self.pronunciation.setPlaceholderText(self.tr("e.g. SHIV-awn"))
        self.pronouns = QLineEdit()
        self.pronouns.setPlaceholderText(self.tr("e.g. she/her, they/them"))
        self.status = QComboBox()
        self.practitioner = QComboBox()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("e.g. 07700 900123 or +44 7700 900123"))
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("name@example.org"))
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(64)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(110)

        captions = {
            "full_name": self.tr("Full &name *"),
            "preferred_name": self.tr("&Preferred name"),
            "pronunciation": self.tr("Pronunciation"),
            "pronouns": self.tr("Pronouns"),
            "status": self.tr("&Status"),
            "primary_practitioner_id": self.tr("Practitioner"),
            "phone": self.tr("P&hone"),
            "email": self.tr("&E-mail"),
            "address": self.tr("Address"),
            "notes": self.tr("Notes"),
        }
        self.editors: dict[str, QWidget] = {
            "full_name": self.full_name,
            "preferred_name": self.preferred_name,
            "pronunciation": self.pronunciation,
            "pronouns": self.pronouns,
            "status": self.status,
            "primary_practitioner_id": self.practitioner,
            "phone": self.phone,
            "email": self.email,
            "address": self.address,
            "notes": self.notes,
        }
        self.fields: dict[str, FieldWithError] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(8)
        for name in FORM_FIELDS:
            editor = self.editors[name]
            editor.setObjectName(name)
            plain_label = captions[name].replace("&", "").rstrip(" *")
            editor.setAccessibleName(plain_label)
            wrapper = FieldWithError(editor, name)
            self.fields[name] = wrapper
            label = QLabel(captions[name])
            label.setBuddy(editor)
            form.addRow(label, wrapper)

        self.form_error = error_label("form_error")
        # Shown when another practitioner saved this client after it was opened here.
        self.reload_button = QPushButton(self.tr("&Reload"))
        self.reload_button.setObjectName("reload_client")
        self.reload_button.setToolTip(
            self.tr("Show the client as now stored (what you typed here is discarded)")
        )
        self.reload_button.hide()

        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("save_client")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save this client (Ctrl+S)"))
        self.cancel_button = QPushButton(self.tr("Cancel changes"))
        self.cancel_button.setObjectName("cancel_client")
        self.cancel_button.setToolTip(self.tr("Go back to what is stored"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        self.facts_box = self._build_facts()
        self.appointments_box = self._build_appointments()
        self.contacts_box = self._build_contacts()
        self.money_panel = money_panel
        self.referrals_box = self._build_referrals()
        self.followups_box = self._build_followups()
        self.adherence_box = QGroupBox(self.tr("Service principles with this client"))
        self.adherence_box.setObjectName("client_adherence")
        self.adherence_chart = AdherenceChart()
        QVBoxLayout(self.adherence_box).addWidget(self.adherence_chart)

        # The record: its fields, then what to remember and how the principles went; side
        # by side on a wide page, one under the other on a narrow one.
        details = QGroupBox(self.tr("Details"))
        details.setObjectName("client_details")
        details_layout = QVBoxLayout(details)
        details_layout.addLayout(form)
        details_layout.addWidget(self.form_error)
        details_layout.addLayout(buttons)
        details_layout.addStretch(1)
        remember = QWidget()
        remember_layout = QVBoxLayout(remember)
        remember_layout.setContentsMargins(0, 0, 0, 0)
        remember_layout.addWidget(self.facts_box)
        remember_layout.addWidget(self.adherence_box)
        remember_layout.addStretch(1)
        overview = ColumnsThatFit([details, remember])
        overview.setObjectName("client_overview")

        # One scroll area per tab, never one inside another.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("client_tabs")
        self.tabs.setDocumentMode(True)
        # Whole titles; on a window too narrow for them all, arrows scroll the tabs
        # (the page never makes the window wider than a small screen).
        self.tabs.setUsesScrollButtons(True)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self._tab_pages: dict[str, QWidget] = {}
        self._add_tab("overview", self.tr("Overview"), _scrolled(overview))
        self._add_tab("notes", self.tr("Notes"), _padded(self.contacts_box))
        self._add_tab("appointments", self.tr("Appointments"), _padded(self.appointments_box))
        self._add_tab("money", self.tr("Money"), _scrolled(self.money_panel))
        self._add_tab(
            "referrals",
            self.tr("Referrals, follow-ups"),
            _scrolled(_column(self.referrals_box, self.followups_box)),
        )

        # What is needed before a session, on every tab: the brief, a new contact, and a
        # note that was left unfinished.
        header = QHBoxLayout()
        self.header_layout = header
        names = QVBoxLayout()
        names.addWidget(self.heading)
        names.addWidget(self.subheading)
        header.addLayout(names, 1)
        header.addWidget(self.brief_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.print_brief_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.new_interaction_button, 0, Qt.AlignmentFlag.AlignTop)
        draft_row = QHBoxLayout()
        draft_row.addWidget(self.draft_banner, 1)
        draft_row.addWidget(self.open_draft_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(header)
        layout.addLayout(draft_row)
        layout.addWidget(self.tabs, 1)
        self.order_focus()

    def order_focus(self, first: QWidget | None = None) -> None:
        """Tab in reading order: (``first``,) the header's buttons, the tabs, the fields."""
        chain = [
            self.brief_button,
            self.print_brief_button,
            self.new_interaction_button,
            self.open_draft_button,
            self.tabs,
            self.full_name,
        ]
        if first is not None:
            chain.insert(0, first)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _add_tab(self, name: str, title: str, page: QWidget) -> None:
        page.setObjectName(f"client_tab_{name}")
        self._tab_pages[name] = page
        self.tabs.addTab(page, title)

    def tab_names(self) -> list[str]:
        """The tabs' names, in order: overview, notes, appointments, money, referrals."""
        return list(self._tab_pages)

    def show_tab(self, name: str) -> None:
        """Bring the tab called ``name`` (see :meth:`tab_names`) to the front."""
        self.tabs.setCurrentWidget(self._tab_pages[name])

    def current_tab(self) -> str:
        """The name of the tab in front."""
        page = self.tabs.currentWidget()
        return next(name for name, widget in self._tab_pages.items() if widget is page)

    def set_tab_title(self, name: str, title: str) -> None:
        """Retitle a tab (with a count: "Appointments (12)")."""
        self.tabs.setTabText(self.tabs.indexOf(self._tab_pages[name]), title)

    def set_record_tabs_shown(self, shown: bool) -> None:
        """Only the Overview for a client not saved yet: the other tabs need a client."""
        for name, page in self._tab_pages.items():
            if name != "overview":
                self.tabs.setTabVisible(self.tabs.indexOf(page), shown)
        if not shown:
            self.show_tab("overview")

    def _build_facts(self) -> QGroupBox:
        box = QGroupBox(self.tr("Facts to remember"))
        box.setObjectName("facts_box")
        hint = QLabel(
            self.tr(
                "What the client told you and you want to remember. "
                "If you forgot something, ask again and write it down here."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("facts_hint")
        self.facts_model = QStandardItemModel(self)
        self.facts_view = QListView()
        self.facts_view.setObjectName("facts_list")
        self.facts_view.setModel(self.facts_model)
        self.facts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.facts_view.setWordWrap(True)
        self.facts_view.setMinimumHeight(70)
        self.facts_view.setMaximumHeight(130)
        self.facts_view.setAccessibleName(self.tr("Facts to remember"))
        self.fact_date = QDateEdit()
        self.fact_date.setObjectName("fact_date")
        self.fact_date.setCalendarPopup(True)
        self.fact_date.setAccessibleName(self.tr("Date the client told you"))
        self.fact_text = QLineEdit()
        self.fact_text.setObjectName("fact_text")
        self.fact_text.setPlaceholderText(self.tr("e.g. Has a dog called Biscuit"))
        self.fact_text.setAccessibleName(self.tr("New fact"))
        self.add_fact_button = QPushButton(self.tr("Add fact"))
        self.add_fact_button.setObjectName("add_fact")
        self.fact_error = error_label("fact_error")
        row = QHBoxLayout()
        row.addWidget(self.fact_date)
        row.addWidget(self.fact_text, 1)
        row.addWidget(self.add_fact_button)
        layout = QVBoxLayout(box)
        layout.addWidget(hint)
        layout.addWidget(self.facts_view)
        layout.addLayout(row)
        layout.addWidget(self.fact_error)
        return box

    def _build_contacts(self) -> QGroupBox:
        box = QGroupBox(self.tr("Contacts and session notes"))
        box.setObjectName("client_contacts")
        self.draft_banner = QLabel()
        self.draft_banner.setObjectName("draft_banner")
        self.draft_banner.setWordWrap(True)
        look(self.draft_banner, "warning")
        self.draft_banner.hide()
        self.open_draft_button = QPushButton(self.tr("Open the draft"))
        self.open_draft_button.setObjectName("open_draft")
        self.open_draft_button.hide()
        self.new_interaction_button = QPushButton(self.tr("New contact…"))
        self.new_interaction_button.setObjectName("new_interaction")
        self.new_interaction_button.setToolTip(
            self.tr("A session, call, message, e-mail or an unanswered attempt")
        )
        # A page of contacts at a time (the view reads more as it scrolls): twelve years
        # of weekly sessions are hundreds of contacts.
        self.contacts_model = PagedItemModel(self)
        self.contacts_count = QLabel()
        self.contacts_count.setObjectName("contacts_count")
        self.contacts_view = QListView()
        self.contacts_view.setObjectName("contacts_list")
        self.contacts_view.setModel(self.contacts_model)
        self.contacts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contacts_view.setAccessibleName(self.tr("Contacts and session notes"))
        # Each contact on two lines (when and what, then its first line), wrapped to the
        # page's width rather than cut off at its edge; the tooltip has it all.
        self.contacts_view.setWordWrap(True)
        self.contacts_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.contacts_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contacts_view.setSpacing(2)
        self.contacts_view.setMinimumHeight(self.contacts_view.fontMetrics().lineSpacing() * 7)
        layout = QVBoxLayout(box)
        layout.addWidget(self.contacts_view, 1)
        layout.addWidget(self.contacts_count)
        self.brief_button = QPushButton(self.tr("&Brief…"))
        self.brief_button.setObjectName("show_brief")
        self.brief_button.setToolTip(
            self.tr("Before a session: how to greet them, what they said last time, what is open")
        )
        self.print_brief_button = QPushButton(self.tr("Print brief…"))
        self.print_brief_button.setObjectName("print_brief")
        self.print_brief_button.setToolTip(self.tr("The one-page pre-session brief"))
        self.export_summaries_button = QPushButton(self.tr("Export summaries…"))
        self.export_summaries_button.setObjectName("export_summaries")
        self.export_summaries_button.setToolTip(
            self.tr("Save this client's session summaries as files")
        )
        more = QHBoxLayout()
        more.addStretch(1)
        more.addWidget(self.export_summaries_button)
        layout.addLayout(more)
        return box

    def _build_referrals(self) -> QGroupBox:
        box = QGroupBox(self.tr("Referrals"))
        box.setObjectName("client_referrals")
        self.referred_by = QLabel()
        self.referred_by.setObjectName("referred_by")
        self.referred_by.setWordWrap(True)
        self.referred_by_button = QPushButton(self.tr("Set…"))
        self.referred_by_button.setObjectName("set_referred_by")
        self.referred_by_button.setToolTip(self.tr("Who referred this client to the practice"))
        self.client_referrals_model = QStandardItemModel(self)
        self.client_referrals_view = QListView()
        self.client_referrals_view.setObjectName("client_referrals_list")
        self.client_referrals_view.setModel(self.client_referrals_model)
        self.client_referrals_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.client_referrals_view.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.client_referrals_view.setAccessibleName(self.tr("Referrals of this client"))
        self.refer_button = QPushButton(self.tr("Refer…"))
        self.refer_button.setObjectName("refer_client")
        self.refer_button.setToolTip(self.tr("Refer to someone who may be a better fit"))
        source_row = QHBoxLayout()
        source_row.addWidget(self.referred_by, 1)
        source_row.addWidget(self.referred_by_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.refer_button)
        layout = QVBoxLayout(box)
        layout.addLayout(source_row)
        layout.addWidget(self.client_referrals_view)
        layout.addLayout(buttons)
        return box

    def _build_appointments(self) -> QGroupBox:
        box = QGroupBox(self.tr("Appointments"))
        box.setObjectName("client_appointments")
        self.appointment_counts = QLabel()
        self.appointment_counts.setObjectName("appointment_counts")
        self.appointment_counts.setWordWrap(True)
        self.appointments_model = PagedItemModel(self)
        self.appointments_count_label = QLabel()
        self.appointments_count_label.setObjectName("appointments_shown")
        self.appointments_view = QListView()
        self.appointments_view.setObjectName("appointments_list")
        self.appointments_view.setModel(self.appointments_model)
        self.appointments_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.appointments_view.setMinimumHeight(120)
        self.appointments_view.setAccessibleName(self.tr("The client's appointments"))
        self.lateness_summary = QLabel()
        self.lateness_summary.setObjectName("client_lateness")
        self.lateness_summary.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.appointment_counts)
        layout.addWidget(self.lateness_summary)
        self.lateness_chart = LatenessChart()
        layout.addWidget(self.lateness_chart)
        layout.addWidget(self.appointments_view, 1)
        layout.addWidget(self.appointments_count_label)
        return box

    def _build_followups(self) -> QGroupBox:
        box = QGroupBox(self.tr("Follow-ups"))
        box.setObjectName("client_followups")
        hint = QLabel(
            self.tr(
                "Open issues, expectations to review and check-ins, as on the "
                "Follow-ups screen (where they are answered)."
            )
        )
        hint.setWordWrap(True)
        look(hint, "muted")
        self.followups_model = QStandardItemModel(self)
        self.followups_view = QListView()
        self.followups_view.setObjectName("client_followups_list")
        self.followups_view.setModel(self.followups_model)
        self.followups_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.followups_view.setWordWrap(True)
        self.followups_view.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.followups_view.setAccessibleName(self.tr("Open follow-ups of this client"))
        self.open_followups_button = QPushButton(self.tr("Open in Follow-ups"))
        self.open_followups_button.setObjectName("open_followups")
        self.open_followups_button.setToolTip(
            self.tr("Go to the Follow-ups screen to answer the selected item")
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_followups_button)
        layout = QVBoxLayout(box)
        layout.addWidget(hint)
        layout.addWidget(self.followups_view)
        layout.addLayout(buttons)
        return box


def _scrolled(content: QWidget) -> QScrollArea:
    """A tab's page: ``content`` scrolled up and down, never sideways."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(_padded(content))
    return scroll


def _padded(content: QWidget) -> QWidget:
    """``content`` with a little room around it, filling the tab."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(4, 8, 4, 4)
    layout.addWidget(content, 1)
    return page


def _column(*boxes: QWidget) -> QWidget:
    """``boxes`` one under another, at the top."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    for box in boxes:
        layout.addWidget(box)
    layout.addStretch(1)
    return column
