"""The layout of a client's record (:class:`ui.screens.clients.ClientForm` behaves)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.models.paged_items import PagedItemModel
from ui.theme import look, set_heading
from ui.widgets.adherence_chart import AdherenceChart
from ui.widgets.client_money import ClientMoneyPanel
from ui.widgets.fields import FieldWithError, error_label
from ui.widgets.lateness_chart import LatenessChart

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
        self.adherence_box = QGroupBox(self.tr("Service principles with this client"))
        self.adherence_box.setObjectName("client_adherence")
        self.adherence_chart = AdherenceChart()
        QVBoxLayout(self.adherence_box).addWidget(self.adherence_chart)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addLayout(buttons)
        layout.addSpacing(10)
        layout.addWidget(self.contacts_box)
        layout.addWidget(self.referrals_box)
        layout.addWidget(self.facts_box)
        layout.addWidget(self.appointments_box)
        layout.addWidget(self.money_panel)
        layout.addWidget(self.adherence_box)
        layout.addStretch(1)

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
        lines = self.contacts_view.fontMetrics().lineSpacing()
        self.contacts_view.setMinimumHeight(lines * 7)
        self.contacts_view.setMaximumHeight(lines * 14)
        row = QHBoxLayout()
        row.addWidget(self.draft_banner, 1)
        row.addWidget(self.open_draft_button)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.contacts_view)
        layout.addWidget(self.contacts_count)
        buttons = QHBoxLayout()
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
        # Two short rows, so the page never needs sideways scrolling at 1280×800.
        buttons.addWidget(self.brief_button)
        buttons.addWidget(self.print_brief_button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_interaction_button)
        layout.addLayout(buttons)
        more = QHBoxLayout()
        more.addWidget(self.export_summaries_button)
        more.addStretch(1)
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
        self.client_referrals_view.setMaximumHeight(100)
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
        layout.addWidget(self.appointments_view)
        layout.addWidget(self.appointments_count_label)
        return box
