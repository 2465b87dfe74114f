"""Referral dialogs: refer a client, record the warm hand-off, ask "did they connect?",
and who referred a client to the practice. Each message appears next to its field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clientcare import clients, printouts, referrals
from clientcare.db.models import ReferralSourceKind, ReferralStatus, ReferralUrgency, WarmHandoff
from clientcare.errors import NotFoundError, ValidationError
from clientcare.practice import get_settings
from clientcare.printouts import Printout
from clientcare.referrals import (
    FollowUpInput,
    ReferralInput,
    ReferralRow,
    SourceInput,
    SourceRow,
    letters,
)
from ui import labels, printing
from ui.dialog import Dialog
from ui.dialogs.form import FormDialog as _FormDialog
from ui.dialogs.print_summary import record_print
from ui.ops import Operations
from ui.theme import dialog_heading, look
from ui.widgets.client_picker import ClientPicker
from ui.widgets.dates import date_edit, from_qdate, to_qdate
from ui.widgets.fields import error_label
from ui.widgets.saved_file import SavedFileRow


def practice_locale(ops: Operations) -> str:
    """The practice's locale (Settings), in which the date fields are written."""
    return str(ops.read(lambda s: get_settings(s).locale))


class ReferralDialog(_FormDialog):
    """A new outgoing referral (from a contact note, a client, or the Referrals screen),
    or the details of an existing one."""

    def __init__(
        self,
        ops: Operations,
        *,
        client_id: int | None = None,
        interaction_id: int | None = None,
        referral_id: int | None = None,
        today: dt.date | None = None,
        fixed_client: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """``fixed_client``: opened from the client's own page, the referral is theirs (the
        client cannot be changed there; from the Referrals screen it is chosen)."""
        super().__init__(ops, parent)
        self.setObjectName("referral_dialog")
        self.today = today or dt.date.today()
        self.stored: ReferralRow | None = None
        self.existing: ReferralRow | None = (
            ops.read(lambda s: referrals.get_referral(s, referral_id, today=self.today))
            if referral_id is not None
            else None
        )
        if self.existing is not None:
            client_id = self.existing.client_id
            interaction_id = self.existing.interaction_id
        self.interaction_id = interaction_id
        self.setWindowTitle(self.tr("Referral") if self.existing else self.tr("New referral"))
        self.setMinimumWidth(600)

        self.client = ClientPicker(ops)
        if client_id is not None:
            self.client.set_client(client_id)
            self.client.setEnabled(
                self.existing is None and interaction_id is None and not fixed_client
            )

        self.provider = QComboBox()
        self.provider.setMinimumContentsLength(30)
        self.provider.addItem(self.tr("(choose from the directory)"), None)
        self._providers = {
            p.id: p for p in ops.read(lambda s: referrals.list_providers(s, include_archived=True))
        }
        for provider in self._providers.values():
            if provider.archived and (
                self.existing is None or provider.id != self.existing.provider_id
            ):
                continue
            label = provider.name
            if provider.specialty:
                label += f" — {provider.specialty}"
            if provider.kind.value == "internal":
                label += self.tr(" (co-worker)")
            self.provider.addItem(label, provider.id)
        self.not_accepting = QLabel()
        self.not_accepting.setObjectName("not_accepting_warning")
        self.not_accepting.setWordWrap(True)
        look(self.not_accepting, "warning-small")
        self.not_accepting.hide()
        provider_box = QWidget()
        provider_layout = QVBoxLayout(provider_box)
        provider_layout.setContentsMargins(0, 0, 0, 0)
        provider_layout.setSpacing(2)
        provider_layout.addWidget(self.provider)
        provider_layout.addWidget(self.not_accepting)

        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(80)
        self.reason.setPlaceholderText(
            self.tr("Why this provider may be a better fit, in a sentence or two")
        )
        self.urgency = QComboBox()
        for urgency, label in referrals.URGENCY_LABELS.items():
            self.urgency.addItem(labels.translate(label), urgency.value)
        locale = practice_locale(ops)
        self.referred_on = date_edit(self.today, locale)
        self.follow_up_on = date_edit(
            self.today + dt.timedelta(days=referrals.DEFAULT_FOLLOW_UP_DAYS), locale
        )
        self.follow_up_on.setToolTip(self.tr("The day to ask the client whether they connected"))
        consent_row = QWidget()
        consent_layout = QHBoxLayout(consent_row)
        consent_layout.setContentsMargins(0, 0, 0, 0)
        self.consent = QCheckBox(self.tr("The client agreed their details may be shared, on"))
        self.consent.setObjectName("consent_given")
        self.consent_on = date_edit(self.today, locale)
        self.consent_on.setObjectName("consent_on")
        self.consent_on.setEnabled(False)
        self.consent.toggled.connect(self.consent_on.setEnabled)
        consent_layout.addWidget(self.consent)
        consent_layout.addWidget(self.consent_on)
        consent_layout.addStretch(1)

        heading = dialog_heading(
            self.tr("Refer to someone who may be a better fit (principle 7)")
            if self.existing is None
            else self.tr("Referral of {name}").format(name=self.existing.client_name)
        )
        self.linked = QLabel()
        self.linked.setObjectName("linked_interaction")
        self.linked.setWordWrap(True)
        if interaction_id is not None:
            self.linked.setText(
                self.tr("Made during a contact note: principle 7 applies to that contact.")
                if self.existing is not None
                else self.tr(
                    "Linked to the contact note you are writing: its checklist will ask "
                    "about principle 7."
                )
            )
        self.linked.setVisible(interaction_id is not None)

        self.add_field("client_id", self.tr("&Client *"), self.client)
        self.add_field("provider_id", self.tr("Refer &to *"), provider_box)
        self.fields["provider_id"].editor = self.provider
        provider_box.setObjectName("provider_box")
        self.provider.setObjectName("provider_id")
        self.add_field("reason", self.tr("&Reason *"), self.reason)
        self.add_field("urgency", self.tr("&Urgency"), self.urgency)
        self.add_field("referred_on", self.tr("Referred &on"), self.referred_on)
        self.add_field("follow_up_on", self.tr("&Follow up on *"), self.follow_up_on)
        self.add_field("consent_to_share_on", self.tr("Consent"), consent_row)
        self.add_field("interaction_id", "", self.linked)
        self.form.setRowVisible(self.fields["interaction_id"], interaction_id is not None)
        self.save_button.setObjectName("save_referral")
        self.save_button.setText(self.tr("Save referral"))
        self.finish_layout(heading)
        self.provider.currentIndexChanged.connect(self._provider_changed)
        self._fill()

    def _fill(self) -> None:
        existing = self.existing
        if existing is None:
            return
        self.provider.setCurrentIndex(max(self.provider.findData(existing.provider_id), 0))
        self.reason.setPlainText(existing.reason)
        self.urgency.setCurrentIndex(max(self.urgency.findData(existing.urgency.value), 0))
        self.referred_on.setDate(to_qdate(existing.referred_on))
        if existing.follow_up_on is not None:
            self.follow_up_on.setDate(to_qdate(existing.follow_up_on))
        if existing.consent_to_share_on is not None:
            self.consent.setChecked(True)
            self.consent_on.setDate(to_qdate(existing.consent_to_share_on))

    def _provider_changed(self) -> None:
        provider = self._providers.get(self.provider.currentData())
        show = provider is not None and not provider.accepting_clients
        if provider is not None and show:
            self.not_accepting.setText("⚠ " + referrals.not_accepting_message(provider.name))
        self.not_accepting.setVisible(show)

    def collect(self) -> ReferralInput:
        return ReferralInput(
            client_id=self.client.client_id(),
            provider_id=self.provider.currentData(),
            reason=self.reason.toPlainText(),
            urgency=ReferralUrgency(self.urgency.currentData()),
            referred_on=from_qdate(self.referred_on.date()),
            follow_up_on=from_qdate(self.follow_up_on.date()),
            interaction_id=self.interaction_id,
            consent_to_share_on=(
                from_qdate(self.consent_on.date()) if self.consent.isChecked() else None
            ),
        )

    def save(self) -> None:
        data = self.collect()
        today = self.today
        existing = self.existing
        if existing is None:
            self.stored = self.attempt(lambda s: referrals.create_referral(s, data, today=today))
        else:
            self.stored = self.attempt(
                lambda s: referrals.update_referral(s, existing.id, data, today=today),
            )


class HandoffDialog(_FormDialog):
    """Record the warm hand-off: introduced in person, or they will call the client."""

    def __init__(
        self,
        ops: Operations,
        referral: ReferralRow,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.setObjectName("handoff_dialog")
        self.referral = referral
        self.today = today or dt.date.today()
        self.stored: ReferralRow | None = None
        self.setWindowTitle(self.tr("Warm hand-off"))
        self.setMinimumWidth(520)
        who = referral.provider_name
        heading = dialog_heading(
            self.tr("Introduce {client} to {provider}").format(
                client=referral.client_preferred_name, provider=who
            )
        )
        hint = QLabel(
            self.tr(
                "A warm introduction makes a referral work: introduce them in person, "
                "or arrange for {provider} to call {client}."
            ).format(provider=who, client=referral.client_preferred_name)
        )
        hint.setWordWrap(True)
        self.in_person = QRadioButton(
            self.tr("I introduced them in person (or on a call together)")
        )
        self.in_person.setObjectName("handoff_in_person")
        self.they_call = QRadioButton(
            self.tr("{provider} will call {client}").format(
                provider=who, client=referral.client_preferred_name
            )
        )
        self.they_call.setObjectName("handoff_they_call")
        group = QButtonGroup(self)
        group.addButton(self.in_person)
        group.addButton(self.they_call)
        choice = QWidget()
        choice_layout = QVBoxLayout(choice)
        choice_layout.setContentsMargins(0, 0, 0, 0)
        choice_layout.addWidget(self.in_person)
        choice_layout.addWidget(self.they_call)
        self.handoff_on = date_edit(self.today, practice_locale(ops))
        current = referral.warm_handoff
        (self.they_call if current is WarmHandoff.COWORKER_CALLS else self.in_person).setChecked(
            True
        )
        if referral.handoff_on is not None:
            self.handoff_on.setDate(to_qdate(referral.handoff_on))
        self.add_field("warm_handoff", self.tr("Hand-off"), choice)
        self.add_field("handoff_on", self.tr("&On"), self.handoff_on)
        self.save_button.setObjectName("save_handoff")
        self.finish_layout(heading, hint)

    def handoff(self) -> WarmHandoff:
        return WarmHandoff.IN_PERSON if self.in_person.isChecked() else WarmHandoff.COWORKER_CALLS

    def save(self) -> None:
        handoff, on, today = self.handoff(), from_qdate(self.handoff_on.date()), self.today
        referral_id = self.referral.id
        self.stored = self.attempt(
            lambda s: referrals.record_handoff(s, referral_id, handoff, on, today=today),
        )


class FollowUpDialog(_FormDialog):
    """Ask "did they connect?" and record the answer."""

    def __init__(
        self,
        ops: Operations,
        referral: ReferralRow,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.setObjectName("follow_up_dialog")
        self.referral = referral
        self.today = today or dt.date.today()
        self.stored: ReferralRow | None = None
        self.setWindowTitle(self.tr("Follow up a referral"))
        self.setMinimumWidth(560)
        heading = dialog_heading(
            self.tr("Did {client} connect with {provider}?").format(
                client=referral.client_preferred_name, provider=referral.provider_name
            )
        )
        self.yes = QRadioButton(self.tr("Yes, they connected"))
        self.yes.setObjectName("connected_yes")
        self.no = QRadioButton(self.tr("Not yet / no"))
        self.no.setObjectName("connected_no")
        group = QButtonGroup(self)
        group.addButton(self.yes)
        group.addButton(self.no)
        answer_row = QWidget()
        answer_layout = QHBoxLayout(answer_row)
        answer_layout.setContentsMargins(0, 0, 0, 0)
        answer_layout.addWidget(self.yes)
        answer_layout.addWidget(self.no)
        answer_layout.addStretch(1)
        self.answer = QPlainTextEdit()
        self.answer.setTabChangesFocus(True)
        self.answer.setFixedHeight(70)
        self.answer.setPlaceholderText(self.tr("What they said, in their words"))
        self.close_box = QCheckBox()
        self.close_box.setObjectName("close_referral")
        self.ask_again_on = date_edit(self.today + dt.timedelta(days=7), practice_locale(ops))
        self.add_field("connected", self.tr("Connected?"), answer_row)
        self.add_field("follow_up_answer", self.tr("&Their answer"), self.answer)
        self.add_field("close", "", self.close_box)
        self.add_field("ask_again_on", self.tr("&Ask again on"), self.ask_again_on)
        self.save_button.setObjectName("save_follow_up")
        self.save_button.setText(self.tr("Record answer"))
        self.finish_layout(heading)
        self.yes.toggled.connect(self._connected_changed)
        self.no.toggled.connect(self._connected_changed)
        self.close_box.toggled.connect(self._close_changed)
        self._connected_changed()

    def _connected_changed(self) -> None:
        chosen = self.yes.isChecked() or self.no.isChecked()
        self.close_box.setEnabled(chosen)
        self.save_button.setEnabled(chosen)
        if self.yes.isChecked():
            self.close_box.setText(self.tr("The referral did its work: mark it completed"))
            self.close_box.setChecked(True)
        elif self.no.isChecked():
            self.close_box.setText(self.tr("They are not going ahead: mark it declined"))
            self.close_box.setChecked(False)
            can_decline = (
                ReferralStatus.DECLINED in referrals.STATUS_TRANSITIONS[self.referral.status]
            )
            self.close_box.setEnabled(can_decline)
        else:
            self.close_box.setText(self.tr("Close this referral"))
        self._close_changed()

    def _close_changed(self) -> None:
        self.ask_again_on.setEnabled(not self.close_box.isChecked())

    def collect(self) -> FollowUpInput:
        close = self.close_box.isChecked()
        return FollowUpInput(
            connected=self.yes.isChecked(),
            answer=self.answer.toPlainText(),
            close=close,
            ask_again_on=None if close else from_qdate(self.ask_again_on.date()),
        )

    def save(self) -> None:
        if not (self.yes.isChecked() or self.no.isChecked()):
            self.fields["connected"].show_error(self.tr("Choose whether they connected."))
            return
        answer, today, referral_id = self.collect(), self.today, self.referral.id
        self.stored = self.attempt(
            lambda s: referrals.record_follow_up(s, referral_id, answer, today=today),
        )


class SourceDialog(_FormDialog):
    """Who referred a client to the practice: another client, a provider, the website…"""

    def __init__(
        self,
        ops: Operations,
        client_id: int,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.setObjectName("source_dialog")
        self.client_id = client_id
        self.today = today or dt.date.today()
        self.stored: SourceRow | None = None
        current: SourceRow | None = ops.read(lambda s: referrals.referral_source(s, client_id))
        name = ops.read(lambda s: clients.get_client(s, client_id)).full_name
        self.setWindowTitle(self.tr("Referred by"))
        self.setMinimumWidth(520)
        heading = dialog_heading(self.tr("Who referred {name} to the practice?").format(name=name))
        self.kind = QComboBox()
        for kind, label in referrals.SOURCE_LABELS.items():
            self.kind.addItem(labels.translate(label), kind.value)
        self.source_client = ClientPicker(ops, exclude=frozenset({client_id}))
        self.source_client.setObjectName("source_client")
        self.source_provider = QComboBox()
        self.source_provider.addItem(self.tr("(choose from the directory)"), None)
        for provider in ops.read(lambda s: referrals.list_providers(s, include_archived=True)):
            if not provider.archived or (current and current.provider_id == provider.id):
                self.source_provider.addItem(provider.name, provider.id)
        self.detail = QLineEdit()
        self.detail.setPlaceholderText(self.tr("e.g. Enquiry form, saw a leaflet in the library"))
        self.referred_on = date_edit(self.today, practice_locale(ops))
        self.add_field("source_kind", self.tr("&Source"), self.kind)
        self.add_field("source_client_id", self.tr("&Client"), self.source_client)
        self.add_field("source_provider_id", self.tr("&Provider"), self.source_provider)
        self.add_field("source_detail", self.tr("&Detail"), self.detail)
        self.add_field("source_referred_on", self.tr("Referred &on"), self.referred_on)
        self.save_button.setObjectName("save_source")
        self.remove_button = self.buttons.addButton(
            self.tr("Remove"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.remove_button.setObjectName("remove_source")
        self.remove_button.setToolTip(self.tr("Forget the source (recorded by mistake)"))
        self.remove_button.setVisible(current is not None)
        self.remove_button.clicked.connect(self.remove)
        self.finish_layout(heading)
        if current is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(current.kind.value), 0))
            self.source_client.set_client(current.source_client_id)
            self.source_provider.setCurrentIndex(
                max(self.source_provider.findData(current.provider_id), 0)
            )
            self.detail.setText(current.detail)
            self.referred_on.setDate(to_qdate(current.referred_on))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = ReferralSourceKind(self.kind.currentData())
        self.form.setRowVisible(self.fields["source_client_id"], kind is ReferralSourceKind.CLIENT)
        self.form.setRowVisible(
            self.fields["source_provider_id"], kind is ReferralSourceKind.PROVIDER
        )

    def collect(self) -> SourceInput:
        kind = ReferralSourceKind(self.kind.currentData())
        return SourceInput(
            kind=kind,
            referred_on=from_qdate(self.referred_on.date()),
            source_client_id=(
                self.source_client.client_id() if kind is ReferralSourceKind.CLIENT else None
            ),
            provider_id=(
                self.source_provider.currentData() if kind is ReferralSourceKind.PROVIDER else None
            ),
            detail=self.detail.text(),
        )

    def remove(self) -> None:
        client_id = self.client_id
        self.attempt(
            lambda s: referrals.clear_referral_source(s, client_id),
        )

    def save(self) -> None:
        data, today, client_id = self.collect(), self.today, self.client_id
        self.stored = self.attempt(
            lambda s: referrals.set_referral_source(s, client_id, data, today=today),
        )


class LetterDialog(Dialog):
    """The introduction letter: tick what may be shared, then preview or save as PDF."""

    def __init__(
        self,
        ops: Operations,
        referral: ReferralRow,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.referral = referral
        self.today = today or dt.date.today()
        self.setObjectName("referral_letter_dialog")
        self.setWindowTitle(self.tr("Introduction letter"))
        self.setMinimumWidth(560)
        heading = dialog_heading(
            self.tr("Introduce {client} to {provider} in a letter").format(
                client=referral.client_preferred_name, provider=referral.provider_name
            )
        )
        hint = QLabel(
            self.tr(
                "Only what you tick is printed. Share the least the provider needs, and only "
                "with the client's consent."
            )
        )
        hint.setWordWrap(True)
        self.consent_status = QLabel()
        self.consent_status.setObjectName("letter_consent")
        self.consent_status.setWordWrap(True)
        self.consent_button = QPushButton(self.tr("They agreed today — record consent"))
        self.consent_button.setObjectName("record_consent")
        self.consent_button.clicked.connect(self.record_consent_today)
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent_status, 1)
        consent_row.addWidget(self.consent_button)
        self.boxes: dict[str, QCheckBox] = {}
        ticks = QVBoxLayout()
        for name, label in letters.LETTER_FIELDS.items():
            box = QCheckBox(self.tr(label))
            box.setObjectName(f"letter_{name}")
            box.setChecked(name in letters.LETTER_DEFAULTS)
            self.boxes[name] = box
            ticks.addWidget(box)
        self.background = QPlainTextEdit()
        self.background.setObjectName("letter_background_text")
        self.background.setTabChangesFocus(True)
        self.background.setFixedHeight(90)
        self.background.setPlaceholderText(
            self.tr("Only what the provider needs to know, written for them")
        )
        self.background.setAccessibleName(self.tr("Relevant background for the letter"))
        self.boxes["background"].toggled.connect(self.background.setEnabled)
        self.background.setEnabled(False)
        self.error = error_label("letter_error")
        self.status = QLabel()
        self.status.setObjectName("letter_status")
        self.status.setWordWrap(True)
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.preview_button.setObjectName("letter_preview")
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("letter_pdf")
        close = QPushButton(self.tr("Close"))
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(self.save_pdf)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(consent_row)
        layout.addLayout(ticks)
        layout.addWidget(self.background)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        self.saved = SavedFileRow()
        layout.addWidget(self.saved)
        layout.addLayout(buttons)
        self._show_consent()

    def _show_consent(self) -> None:
        consent = self.referral.consent_to_share_on
        if consent is None:
            self.consent_status.setText(
                self.tr("⚠ {name}'s consent to share their details is not recorded yet.").format(
                    name=self.referral.client_preferred_name
                )
            )
        else:
            self.consent_status.setText(
                self.tr("✓ Consent to share recorded on {day}.").format(day=f"{consent:%-d %b %Y}")
            )
        self.consent_button.setVisible(consent is None)

    def record_consent_today(self) -> None:
        referral_id, today = self.referral.id, self.today
        try:
            self.referral = self.ops.run(
                lambda s: referrals.record_consent(s, referral_id, today, today=today),
            )
        except (ValidationError, NotFoundError) as error:
            self._show_problem(error)
            return
        self.error.hide()
        self._show_consent()

    def included(self) -> set[str]:
        return {name for name, box in self.boxes.items() if box.isChecked()}

    def _show_problem(self, error: ValidationError | NotFoundError) -> None:
        if isinstance(error, ValidationError):
            text = " ".join(e.message for e in error.errors)
        else:
            text = str(error)
        self.error.setText(f"⚠ {text}")
        self.error.show()

    def printout(self) -> Printout | None:
        """The letter as ticked, or None (with the reason shown) when it cannot be made."""
        included, background = self.included(), self.background.toPlainText()
        referral_id, today = self.referral.id, self.today
        self.error.hide()
        try:
            return self.ops.read(
                lambda s: letters.referral_letter(
                    s, referral_id, included, background=background, today=today
                )
            )
        except (ValidationError, NotFoundError) as error:
            self._show_problem(error)
            return None

    # -- hooks tests replace ---------------------------------------------------------

    def ask_save_path(self, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the letter as PDF"), str(suggested), self.tr("PDF (*.pdf)")
        )
        return Path(name) if name else None

    def run_preview(self, printout: Printout, size: str) -> None:
        printing.print_preview(self, printout, size)

    # -- actions ---------------------------------------------------------------------------

    def page_size(self) -> str:
        return printouts.page_size_for_locale(self.ops.read(printouts.practice_context)["locale"])

    def preview(self) -> None:
        printout = self.printout()
        if printout is not None:
            record_print(self.ops, "referral", self.referral.id, "referral letter (preview)")
            self.run_preview(printout, self.page_size())

    def save_pdf(self) -> Path | None:
        printout = self.printout()
        if printout is None:
            return None
        stem = printouts.safe_file_name(
            f"{self.today:%Y-%m-%d} Introduction {self.referral.client_name} "
            f"to {self.referral.provider_name}"
        )
        path = self.ask_save_path(Path.home() / f"{stem}.pdf")
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            pages = printing.save_pdf(printout, path, page_size=self.page_size())
        except OSError as error:
            self.error.setText(
                self.tr(
                    "⚠ The PDF was not saved: ClientCare could not write to {folder} ({why})."
                ).format(folder=path.parent, why=error.strerror or error)
            )
            self.error.show()
            return None
        record_print(self.ops, "referral", self.referral.id, "referral letter (PDF)")
        self.status.clear()
        self.saved.show_saved(path, pages)
        return path
