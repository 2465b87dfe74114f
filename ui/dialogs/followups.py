"""Follow-up dialogs: issues (new, edit, resolve), expectations (record, review),
check-ins (consent, draft and log, snooze, the practice's wording), contact attempts
and a prospect who declined. Every rule is clientcare.followups'; each message
appears next to its field, and nothing typed is lost when something is refused.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QTime, QUrl, QUrlQuery
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clientcare import followups
from clientcare.db.models import (
    ConsentState,
    ContactChannel,
    ExpectationOutcome,
    SetBy,
    Urgency,
)
from clientcare.errors import NotFoundError, ValidationError
from clientcare.followups import (
    CHANNEL_LABELS,
    CONSENT_LABELS,
    CheckInDraft,
    CheckInRow,
    CheckInStatus,
    ExpectationInput,
    ExpectationRow,
    IssueInput,
    IssueRow,
    ProspectRow,
)
from clientcare.language import Hit, load_checker
from clientcare.practice import get_settings
from ui import labels
from ui.dialog import Dialog
from ui.dialogs.form import FormDialog
from ui.models.followups import URGENCY_MARKS, short_date
from ui.ops import Operations
from ui.theme import dialog_heading, look
from ui.widgets.client_picker import ClientPicker
from ui.widgets.dates import date_edit, from_qdate, to_qdate
from ui.widgets.fields import FieldWithError, error_label, localise_date_edit
from ui.widgets.language_highlighter import LanguageHighlighter

NOTE_STYLE = "color: palette(placeholder-text);"

CHECKIN_CHANNELS = (
    ContactChannel.SMS,
    ContactChannel.EMAIL,
    ContactChannel.PHONE,
    ContactChannel.POST,
    ContactChannel.IN_PERSON,
)


def practice_locale(ops: Operations) -> str:
    """The practice's locale (Settings), in which the dialogs write their dates."""
    return str(ops.read(lambda s: get_settings(s).locale))


def note_label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    look(label, "muted")
    return label


def text_box(minimum_height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMinimumHeight(minimum_height)
    return box


def hints_text(hits: list[Hit]) -> str:
    """The language check's findings, one per line ("“honey”: say the client's name")."""
    return "\n".join(f"\u26a0 {hit.message}" for hit in hits)


def error_messages(error: ValidationError | NotFoundError) -> str:
    if isinstance(error, ValidationError):
        return " ".join(e.message for e in error.errors)
    return str(error)


def client_picker(ops: Operations, client_id: int | None) -> ClientPicker:
    """A type-ahead client picker (ui.widgets.client_picker) with ``client_id`` chosen."""
    picker = ClientPicker(ops)
    if client_id is not None:
        picker.set_client(client_id)
    return picker


def chosen_client(picker: ClientPicker) -> int | None:
    """The client chosen, or the one client whose name is typed in full."""
    return picker.client_id()


# --------------------------------------------------------------------------
# Issues
# --------------------------------------------------------------------------


class IssueDialog(FormDialog):
    """A new client issue, or changes to one (re-ranking it, most often)."""

    def __init__(
        self,
        ops: Operations,
        issue: IssueRow | None = None,
        *,
        client_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.existing = issue
        self.setObjectName("issue_dialog")
        self.setWindowTitle(self.tr("Edit issue") if issue else self.tr("New issue"))
        self.client = client_picker(ops, issue.client_id if issue else client_id)
        self.client.setEnabled(issue is None)
        self.title = QLineEdit()
        self.title.setMaxLength(followups.MAX_TITLE)
        self.title.setPlaceholderText(self.tr("What needs resolving, in a few words"))
        self.urgency = QComboBox()
        for urgency in Urgency:
            self.urgency.addItem(
                f"{URGENCY_MARKS[urgency]} {labels.label(followups.URGENCY_LABELS, urgency)}",
                urgency.value,
            )
        self.urgency.setCurrentIndex(self.urgency.findData(Urgency.NORMAL.value))
        self.urgency_help = note_label(
            self.tr(
                "Crisis: someone's safety or wellbeing is at stake today. High: this week. "
                "Normal: in the usual course. Low: when there is time."
            ),
            "urgency_help",
        )
        urgency_box = QWidget()
        urgency_layout = QVBoxLayout(urgency_box)
        urgency_layout.setContentsMargins(0, 0, 0, 0)
        urgency_layout.addWidget(self.urgency)
        urgency_layout.addWidget(self.urgency_help)
        self.impact = QLineEdit()
        self.impact.setPlaceholderText(self.tr("What it affects for the client"))
        self.description = text_box(90)
        self.description.setPlaceholderText(
            self.tr("What is happening, what the client said, what has been done so far")
        )
        locale = practice_locale(ops)
        self.raised_on = date_edit(self.today, locale)
        self.has_due = QCheckBox(self.tr("Resolve by"))
        self.has_due.setObjectName("has_due")
        self.due_on = date_edit(self.today + dt.timedelta(days=7), locale)
        self.due_on.setEnabled(False)
        self.has_due.toggled.connect(self.due_on.setEnabled)
        due_box = QWidget()
        due_layout = QHBoxLayout(due_box)
        due_layout.setContentsMargins(0, 0, 0, 0)
        due_layout.addWidget(self.has_due)
        due_layout.addWidget(self.due_on)
        due_layout.addStretch(1)

        self.add_field("client_id", self.tr("&Client *"), self.client)
        self.add_field("title", self.tr("&Issue *"), self.title)
        self.add_field("urgency", self.tr("&Urgency *"), urgency_box)
        self.fields["urgency"].editor = self.urgency
        urgency_box.setObjectName("urgency_box")
        self.urgency.setObjectName("urgency")
        self.urgency.setAccessibleName(self.tr("Urgency"))
        self.add_field("impact", self.tr("I&mpact"), self.impact)
        self.add_field("description", self.tr("&Note"), self.description)
        self.add_field("raised_on", self.tr("&Raised on"), self.raised_on)
        self.add_field("due_on", self.tr("&Due"), due_box)
        due_box.setObjectName("due_box")
        self.due_on.setObjectName("due_on")
        self.due_on.setAccessibleName(self.tr("Due date"))
        self.save_button.setText(self.tr("Save issue"))
        self.finish_layout(
            dialog_heading(
                self.tr("Edit “{title}”").format(title=issue.title)
                if issue
                else self.tr("A client issue, ranked by true urgency")
            )
        )
        if issue is not None:
            self._fill(issue)

    def _fill(self, issue: IssueRow) -> None:
        self.title.setText(issue.title)
        self.urgency.setCurrentIndex(self.urgency.findData(issue.urgency.value))
        self.impact.setText(issue.impact)
        self.description.setPlainText(issue.description)
        self.raised_on.setDate(to_qdate(issue.raised_on))
        if issue.due_on is not None:
            self.has_due.setChecked(True)
            self.due_on.setDate(to_qdate(issue.due_on))

    def collect(self) -> IssueInput:
        return IssueInput(
            client_id=chosen_client(self.client),  # type: ignore[arg-type]
            title=self.title.text(),
            urgency=Urgency(self.urgency.currentData()),
            raised_on=from_qdate(self.raised_on.date()),
            impact=self.impact.text(),
            description=self.description.toPlainText(),
            due_on=from_qdate(self.due_on.date()) if self.has_due.isChecked() else None,
        )

    def save(self) -> None:
        data = self.collect()
        today = self.today
        existing = self.existing
        if existing is None:
            self.attempt(lambda s: followups.create_issue(s, data, today=today))
        else:
            self.attempt(
                lambda s: followups.update_issue(s, existing.id, data, today=today),
            )


class ResolveIssueDialog(FormDialog):
    """Mark an issue resolved, with a note of how (kept if it is ever reopened)."""

    def __init__(self, ops: Operations, issue: IssueRow, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.issue = issue
        self.setObjectName("resolve_issue_dialog")
        self.setWindowTitle(self.tr("Resolve issue"))
        self.note = text_box(90)
        self.note.setPlaceholderText(self.tr("How it was resolved, and what the client said"))
        self.resolved_on = date_edit(self.today, practice_locale(ops))
        self.add_field("resolution_note", self.tr("&How was it resolved? *"), self.note)
        self.add_field("resolved_on", self.tr("Resolved &on"), self.resolved_on)
        self.save_button.setText(self.tr("Mark resolved"))
        self.finish_layout(
            dialog_heading(
                self.tr("{client}: {title}").format(client=issue.client_name, title=issue.title)
            )
        )

    def save(self) -> None:
        note = self.note.toPlainText()
        day = from_qdate(self.resolved_on.date())
        today, issue_id = self.today, self.issue.id
        self.attempt(
            lambda s: followups.resolve_issue(s, issue_id, note, resolved_on=day, today=today),
        )


# --------------------------------------------------------------------------
# Expectations
# --------------------------------------------------------------------------


class ExpectationDialog(FormDialog):
    """Write down an expectation set or promised, and when to review it together."""

    def __init__(
        self, ops: Operations, *, client_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ops, parent)
        self.setObjectName("expectation_dialog")
        self.setWindowTitle(self.tr("Record an expectation"))
        self.client = client_picker(ops, client_id)
        self.description = text_box(70)
        self.description.setPlaceholderText(
            self.tr("e.g. “Replies to messages within two working days”, “Sessions are 50 minutes”")
        )
        self.set_by = QComboBox()
        self.set_by.addItem(self.tr("The practice (we said or promised it)"), SetBy.PRACTICE.value)
        self.set_by.addItem(
            self.tr("The client (they asked for or took it on)"), SetBy.CLIENT.value
        )
        locale = practice_locale(ops)
        self.set_on = date_edit(self.today, locale)
        self.review_on = date_edit(self.today + dt.timedelta(days=28), locale)
        self.note = text_box(60)
        self.note.setPlaceholderText(self.tr("How it came up, in a sentence or two"))
        self.add_field("client_id", self.tr("&Client *"), self.client)
        self.add_field("description", self.tr("&What was set *"), self.description)
        self.add_field("set_by", self.tr("Set &by"), self.set_by)
        self.add_field("set_on", self.tr("Set &on"), self.set_on)
        self.add_field("review_on", self.tr("&Review on *"), self.review_on)
        self.add_field("conversation_note", self.tr("&Conversation"), self.note)
        self.save_button.setText(self.tr("Save expectation"))
        self.finish_layout(
            dialog_heading(
                self.tr("Say it plainly now, so nobody has to say “we had assumed” later")
            )
        )

    def save(self) -> None:
        data = ExpectationInput(
            client_id=chosen_client(self.client),  # type: ignore[arg-type]
            description=self.description.toPlainText(),
            set_by=SetBy(self.set_by.currentData()),
            set_on=from_qdate(self.set_on.date()),
            review_on=from_qdate(self.review_on.date()),
            conversation_note=self.note.toPlainText(),
        )
        today = self.today
        self.attempt(lambda s: followups.record_expectation(s, data, today=today))


class ReviewExpectationDialog(FormDialog):
    """Review an expectation together: met, not met, or changed, with the conversation."""

    def __init__(
        self, ops: Operations, expectation: ExpectationRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(ops, parent)
        self.expectation = expectation
        self.setObjectName("review_expectation_dialog")
        self.setWindowTitle(self.tr("Review an expectation"))
        outcome_box = QWidget()
        outcome_layout = QHBoxLayout(outcome_box)
        outcome_layout.setContentsMargins(0, 0, 0, 0)
        self.outcome = QButtonGroup(self)
        for outcome, label, name in (
            (ExpectationOutcome.MET, self.tr("Met"), "outcome_met"),
            (ExpectationOutcome.NOT_MET, self.tr("Not met"), "outcome_not_met"),
            (ExpectationOutcome.CHANGED, self.tr("Changed"), "outcome_changed"),
        ):
            button = QRadioButton(label)
            button.setObjectName(name)
            self.outcome.addButton(button)
            button.setProperty("outcome", outcome.value)
            outcome_layout.addWidget(button)
        outcome_layout.addStretch(1)
        self.outcome.buttons()[0].setChecked(True)
        self.note = text_box(90)
        self.note.setPlaceholderText(
            self.tr("What you talked about; if it changed, what you agreed instead")
        )
        self.reviewed_on = date_edit(self.today, practice_locale(ops))
        what = QLabel(
            self.tr("“{text}”\nSet by {who} on {day}.").format(
                text=expectation.description,
                who=labels.label(followups.SET_BY_LABELS, expectation.set_by).lower(),
                day=short_date(expectation.set_on, practice_locale(ops)),
            )
        )
        what.setObjectName("expectation_text")
        what.setWordWrap(True)
        self.add_field("outcome", self.tr("&Outcome"), outcome_box)
        self.add_field("conversation_note", self.tr("&Conversation"), self.note)
        self.add_field("reviewed_on", self.tr("Reviewed &on"), self.reviewed_on)
        self.save_button.setText(self.tr("Save review"))
        self.finish_layout(
            dialog_heading(self.tr("Review with {name}").format(name=expectation.client_name)), what
        )

    def chosen_outcome(self) -> ExpectationOutcome:
        button = self.outcome.checkedButton()
        assert button is not None  # exclusive, and one is checked from the start
        return ExpectationOutcome(button.property("outcome"))

    def choose(self, outcome: ExpectationOutcome) -> None:
        for button in self.outcome.buttons():
            if button.property("outcome") == outcome.value:
                button.setChecked(True)

    def save(self) -> None:
        outcome, note = self.chosen_outcome(), self.note.toPlainText()
        day, today, row_id = from_qdate(self.reviewed_on.date()), self.today, self.expectation.id
        self.attempt(
            lambda s: followups.review_expectation(
                s, row_id, outcome, note, reviewed_on=day, today=today
            ),
        )


# --------------------------------------------------------------------------
# Check-ins
# --------------------------------------------------------------------------


def _channel_combo(current: ContactChannel | None) -> QComboBox:
    combo = QComboBox()
    for channel in CHECKIN_CHANNELS:
        combo.addItem(labels.label(CHANNEL_LABELS, channel), channel.value)
    if current is not None and combo.findData(current.value) >= 0:
        combo.setCurrentIndex(combo.findData(current.value))
    return combo


class ConsentDialog(FormDialog):
    """Record what the client said about check-ins: asked, given, declined or withdrawn."""

    def __init__(self, ops: Operations, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.client_id = client_id
        self.practice_locale = practice_locale(ops)
        self.setObjectName("consent_dialog")
        self.setWindowTitle(self.tr("Consent to check-ins"))
        today = self.today
        self.status: CheckInStatus = ops.read(
            lambda s: followups.checkin_status(s, client_id, today=today)
        )
        status = self.status
        self.state = QComboBox()
        for state in (
            ConsentState.GIVEN,
            ConsentState.ASKED,
            ConsentState.DECLINED,
            ConsentState.WITHDRAWN,
        ):
            self.state.addItem(labels.label(CONSENT_LABELS, state), state.value)
        # Start from where things stand (given: change the interval or channel); never
        # from "withdrawn", which would stop check-ins with one careless click.
        if self.state.findData(status.consent.value) >= 0 and status.consent in (
            ConsentState.GIVEN,
            ConsentState.ASKED,
            ConsentState.DECLINED,
        ):
            self.state.setCurrentIndex(self.state.findData(status.consent.value))
        self.recorded_on = date_edit(today, self.practice_locale)
        self.channel = _channel_combo(status.channel)
        self.interval = QSpinBox()
        self.interval.setRange(followups.MIN_INTERVAL_DAYS, followups.MAX_INTERVAL_DAYS)
        self.interval.setValue(status.interval_days or followups.DEFAULT_INTERVAL_DAYS)
        self.interval.setSuffix(self.tr(" days"))
        self.words = text_box(60)
        self.words.setPlaceholderText(self.tr("What they said, in their own words"))
        current = QLabel(self._current_text(status))
        current.setObjectName("consent_current")
        current.setWordWrap(True)
        self.add_field("state", self.tr("&Answer"), self.state)
        self.add_field("recorded_on", self.tr("&On"), self.recorded_on)
        self.add_field("channel", self.tr("C&hannel"), self.channel)
        self.add_field("interval_days", self.tr("&Every"), self.interval)
        self.add_field("client_words", self.tr("Their &words"), self.words)
        self.save_button.setText(self.tr("Record"))
        self.finish_layout(
            dialog_heading(self.tr("Check-ins with {name}").format(name=status.client_name)),
            current,
            note_label(
                self.tr(
                    "Check-ins are only ever offered to clients who said yes. Withdrawing "
                    "stops them at once."
                )
            ),
        )
        self.state.currentIndexChanged.connect(self._state_changed)
        self._state_changed()

    def _current_text(self, status: CheckInStatus) -> str:
        text = self.tr("Now: {consent}.").format(
            consent=labels.label(CONSENT_LABELS, status.consent).lower()
        )
        if status.consented and status.next_due_on is not None:
            text += " " + self.tr("Next check-in due {day}.").format(
                day=short_date(status.next_due_on, self.practice_locale)
            )
        if status.events:
            latest = status.events[0]
            words = f" \u2014 “{latest.client_words}”" if latest.client_words else ""
            text += "\n" + self.tr("Last recorded {day}: {state}{words}").format(
                day=short_date(latest.recorded_on, self.practice_locale),
                state=labels.label(CONSENT_LABELS, latest.state).lower(),
                words=words,
            )
        return text

    def _state_changed(self) -> None:
        given = self.state.currentData() == ConsentState.GIVEN.value
        self.form.setRowVisible(self.fields["interval_days"], given)
        self.form.setRowVisible(self.fields["channel"], given)

    def save(self) -> None:
        state = ConsentState(self.state.currentData())
        given = state is ConsentState.GIVEN
        channel = ContactChannel(self.channel.currentData()) if given else None
        interval = self.interval.value() if given else None
        day, words, today, client_id = (
            from_qdate(self.recorded_on.date()),
            self.words.toPlainText(),
            self.today,
            self.client_id,
        )
        self.attempt(
            lambda s: followups.record_consent(
                s,
                client_id,
                state,
                recorded_on=day,
                today=today,
                channel=channel,
                client_words=words,
                interval_days=interval,
            ),
        )


class CheckInDialog(Dialog):
    """Draft a check-in from the practice's wording, edit it, send it, and log it as sent.

    Logging is refused when consent is no longer given (e.g. withdrawn while this was
    open): the message says so and the text stays in the box, nothing stored.
    """

    def __init__(self, ops: Operations, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.client_id = client_id
        self.logged: CheckInRow | None = None
        self.setObjectName("checkin_dialog")
        self.setWindowTitle(self.tr("A gentle check-in"))
        self.setMinimumWidth(600)
        self.draft: CheckInDraft = ops.read(lambda s: followups.draft_checkin(s, client_id))
        draft = self.draft
        self.heading = dialog_heading(
            self.tr("Check in with {name}").format(name=draft.client_name)
        )
        explain = note_label(
            self.tr(
                "{name} said yes to check-ins. Keep it short and warm; no need for them to reply."
            ).format(name=draft.client_name)
        )
        self.message = QPlainTextEdit(draft.text)
        self.message.setObjectName("checkin_message")
        self.message.setAccessibleName(self.tr("Message to the client"))
        self.message.setTabChangesFocus(True)
        self.message.setMinimumHeight(110)
        self.highlighter = LanguageHighlighter(self.message.document(), ops.read(load_checker))
        self.message_field = FieldWithError(self.message, "message_text")
        self.hints = QLabel()
        self.hints.setObjectName("language_hints")
        self.hints.setWordWrap(True)
        look(self.hints, "warning")
        self.channel = _channel_combo(draft.channel)
        self.channel.setObjectName("channel")
        self.channel.setAccessibleName(self.tr("Sent by"))
        self.copy_button = QPushButton(self.tr("Copy message"))
        self.copy_button.setObjectName("copy_message")
        self.email_button = QPushButton(self.tr("Open in e-mail"))
        self.email_button.setObjectName("open_email")
        self.email_button.setEnabled(bool(draft.email))
        if not draft.email:
            self.email_button.setToolTip(self.tr("No e-mail address on file"))
        self.log_button = QPushButton(self.tr("Log as sent"))
        self.log_button.setObjectName("log_sent")
        self.log_button.setDefault(True)
        self.log_error = error_label("log_error")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Message"), self.message_field)
        form.addRow("", self.hints)
        channel_label = QLabel(self.tr("&Sent by"))
        channel_label.setBuddy(self.channel)
        form.addRow(channel_label, self.channel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.email_button)
        buttons.addStretch(1)
        buttons.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(explain)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.log_error)
        layout.addWidget(close)

        self.message.textChanged.connect(self._update_hints)
        self.copy_button.clicked.connect(self.copy_message)
        self.email_button.clicked.connect(lambda: self.open_url(self.email_url()))
        self.log_button.clicked.connect(self.log_sent)
        self._update_hints()

    # -- hooks tests replace -------------------------------------------------------

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(second=0, microsecond=0)

    def open_url(self, url: QUrl) -> None:
        QDesktopServices.openUrl(url)

    # -- actions -------------------------------------------------------------------

    def _update_hints(self) -> None:
        hits = self.highlighter.hits()
        self.hints.setText(hints_text(hits))
        self.hints.setVisible(bool(hits))

    def copy_message(self) -> None:
        QApplication.clipboard().setText(self.message.toPlainText())

    def email_url(self) -> QUrl:
        url = QUrl()
        url.setScheme("mailto")
        url.setPath(self.draft.email)
        query = QUrlQuery()
        query.addQueryItem("subject", self.tr("Thinking of you"))
        query.addQueryItem("body", self.message.toPlainText())
        url.setQuery(query)
        return url

    def log_sent(self) -> None:
        text = self.message.toPlainText()
        channel = ContactChannel(self.channel.currentData())
        sent_at, client_id = self.now(), self.client_id
        self.message_field.show_error(None)
        self.log_error.hide()
        try:
            self.logged = self.ops.run(
                lambda s: followups.log_checkin(s, client_id, channel, text, sent_at),
            )
        except (ValidationError, NotFoundError) as error:
            field_message = (
                error.for_field("message_text") if isinstance(error, ValidationError) else None
            )
            if field_message:
                self.message_field.show_error(field_message)
            else:
                self.log_error.setText(f"\u26a0 {error_messages(error)}")
                self.log_error.show()
            return
        self.accept()


class SnoozeDialog(FormDialog):
    """Leave a due check-in for a while; it comes back on the day chosen."""

    def __init__(self, ops: Operations, due: followups.CheckInDue, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.due = due
        self.setObjectName("snooze_dialog")
        self.setWindowTitle(self.tr("Snooze check-in"))
        self.until = date_edit(self.today + dt.timedelta(days=7), practice_locale(ops))
        self.add_field("until", self.tr("Remind me &on"), self.until)
        self.save_button.setText(self.tr("Snooze"))
        self.finish_layout(
            dialog_heading(self.tr("Check in with {name} later").format(name=due.client_name))
        )

    def save(self) -> None:
        until, today, client_id = from_qdate(self.until.date()), self.today, self.due.client_id
        self.attempt(
            lambda s: followups.snooze_checkin(s, client_id, until, today=today),
        )


class CheckInTemplateDialog(FormDialog):
    """The practice's check-in wording, with {preferred_name} and {practitioner}."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.setObjectName("checkin_template_dialog")
        self.setWindowTitle(self.tr("Check-in wording"))
        self.template = text_box(100)
        self.template.setPlainText(ops.read(followups.checkin_template))
        self.highlighter = LanguageHighlighter(self.template.document(), ops.read(load_checker))
        self.preview = QLabel()
        self.preview.setObjectName("template_preview")
        self.preview.setWordWrap(True)
        self.hints = QLabel()
        self.hints.setObjectName("language_hints")
        self.hints.setWordWrap(True)
        look(self.hints, "warning")
        self.add_field("checkin_template", self.tr("&Wording"), self.template)
        self.form.addRow(self.tr("Preview"), self.preview)
        self.form.addRow("", self.hints)
        self.save_button.setText(self.tr("Save wording"))
        self.finish_layout(
            dialog_heading(self.tr("How a check-in starts out")),
            note_label(
                self.tr(
                    "{preferred_name} becomes the client's preferred name and {practitioner} "
                    "yours. Each draft can still be changed before it is sent."
                )
            ),
        )
        self.template.textChanged.connect(self._update_preview)
        self._update_preview()

    def _update_preview(self) -> None:
        text = self.template.toPlainText()
        if followups.validate_checkin_template(text):
            self.preview.setText(self.tr("(the preview appears once the wording can be used)"))
        else:
            self.preview.setText(
                followups.render_checkin(text, preferred_name="Sam", practitioner="Alex Example")
            )
        hits = self.highlighter.hits()
        self.hints.setText(hints_text(hits))
        self.hints.setVisible(bool(hits))

    def save(self) -> None:
        text = self.template.toPlainText()
        self.attempt(lambda s: followups.update_checkin_template(s, text))


# --------------------------------------------------------------------------
# Contact attempts and prospects
# --------------------------------------------------------------------------


class ContactAttemptDialog(FormDialog):
    """Log a call or message that was not returned (it never changes anyone's status)."""

    def __init__(self, ops: Operations, client_id: int | None, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.setObjectName("contact_attempt_dialog")
        self.setWindowTitle(self.tr("Log a contact attempt"))
        self.client = client_picker(ops, client_id)
        now = dt.datetime.now().replace(second=0, microsecond=0)
        self.occurred_at = QDateTimeEdit(
            QDateTime(to_qdate(now.date()), QTime(now.hour, now.minute))
        )
        self.occurred_at.setCalendarPopup(True)
        localise_date_edit(self.occurred_at, practice_locale(ops))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. Left a voicemail; sent a text"))
        self.add_field("client_id", self.tr("&Who *"), self.client)
        self.add_field("occurred_at", self.tr("&When"), self.occurred_at)
        self.add_field("note", self.tr("&What you tried"), self.note)
        self.save_button.setText(self.tr("Log attempt"))
        self.finish_layout(dialog_heading(self.tr("A call or message that was not returned")))

    def save(self) -> None:
        client_id = chosen_client(self.client)
        if client_id is None:
            self.clear_errors()
            self.fields["client_id"].show_error(self.tr("Choose who you tried to reach."))
            return
        moment = self.occurred_at.dateTime()
        occurred_at = dt.datetime.combine(
            from_qdate(moment.date()), dt.time(moment.time().hour(), moment.time().minute())
        )
        note, now = self.note.text(), dt.datetime.now()
        self.attempt(
            lambda s: followups.record_contact_attempt(
                s, client_id, occurred_at=occurred_at, note=note, now=now
            ),
        )


class DeclineDialog(FormDialog):
    """A prospect decided not to go ahead: note why, in their words if possible."""

    def __init__(self, ops: Operations, prospect: ProspectRow, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.prospect = prospect
        self.setObjectName("decline_dialog")
        self.setWindowTitle(self.tr("Prospect declined"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. Found someone closer to home"))
        self.add_field("declined_reason", self.tr("&Why? *"), self.reason)
        self.save_button.setText(self.tr("Mark declined"))
        self.finish_layout(
            dialog_heading(self.tr("{name} is not going ahead").format(name=prospect.client_name)),
            note_label(
                self.tr(
                    "We cannot sign everyone. Wish them well; the door stays open, and there "
                    "is always the next prospect."
                )
            ),
        )

    def save(self) -> None:
        reason, today, client_id = self.reason.text(), self.today, self.prospect.client_id
        self.attempt(
            lambda s: followups.set_prospect_stage(
                s, client_id, followups.PipelineStage.DECLINED, today=today, reason=reason
            ),
        )
