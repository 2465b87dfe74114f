"""The provider form: one entry of the directory, with each message next to its field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientcare import referrals
from clientcare.db.models import ProviderKind
from clientcare.errors import NotFoundError, ValidationError
from clientcare.practice import get_settings, list_practitioners
from clientcare.referrals import DuplicateProviderError, ProviderInput, ProviderRow
from ui.ops import Operations
from ui.theme import set_heading
from ui.widgets.fields import FieldWithError, error_label

FIELDS = (
    "kind",
    "practitioner_id",
    "name",
    "specialty",
    "accepting_clients",
    "phone",
    "email",
    "address",
    "notes",
)


class ProviderForm(QWidget):
    """Add or edit one provider: save, archive or restore, delete when no referral names it."""

    saved = Signal(int)
    removed = Signal()

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.provider: ProviderRow | None = None

        self.heading = QLabel()
        self.heading.setObjectName("provider_heading")
        set_heading(self.heading, "heading")
        self.heading.setWordWrap(True)
        self.subheading = QLabel()
        self.subheading.setObjectName("provider_subheading")
        self.subheading.setWordWrap(True)

        self.kind = QComboBox()
        for kind, label in referrals.KIND_LABELS.items():
            self.kind.addItem(self.tr(label), kind.value)
        self.practitioner = QComboBox()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Harbour Physiotherapy, or a person's name"))
        self.specialty = QLineEdit()
        self.specialty.setPlaceholderText(self.tr("e.g. Couples counselling, eating disorders"))
        self.accepting = QCheckBox(self.tr("Accepting new clients"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("e.g. 01632 960123 or +44 1632 960123"))
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("name@example.org"))
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(60)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.notes.setPlaceholderText(self.tr("How to refer, waiting times, fees, who to ask for…"))

        labels = {
            "kind": self.tr("&Kind"),
            "practitioner_id": self.tr("&Co-worker"),
            "name": self.tr("&Name *"),
            "specialty": self.tr("&Specialty"),
            "accepting_clients": "",
            "phone": self.tr("P&hone"),
            "email": self.tr("&E-mail"),
            "address": self.tr("Address"),
            "notes": self.tr("Notes"),
        }
        editors: dict[str, QWidget] = {
            "kind": self.kind,
            "practitioner_id": self.practitioner,
            "name": self.name,
            "specialty": self.specialty,
            "accepting_clients": self.accepting,
            "phone": self.phone,
            "email": self.email,
            "address": self.address,
            "notes": self.notes,
        }
        self.fields: dict[str, FieldWithError] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for name in FIELDS:
            editor = editors[name]
            editor.setObjectName(f"provider_{name}")
            text = labels[name]
            editor.setAccessibleName(text.replace("&", "").rstrip(" *") or self.accepting.text())
            wrapper = FieldWithError(editor, f"provider_{name}")
            self.fields[name] = wrapper
            buddy = QLabel(text)
            buddy.setBuddy(editor)
            self.form.addRow(buddy, wrapper)

        self.form_error = error_label("provider_form_error")
        self.add_anyway = QPushButton(self.tr("Add anyway"))
        self.add_anyway.setObjectName("provider_add_anyway")
        self.add_anyway.setToolTip(self.tr("It is a different provider with a similar name"))
        self.add_anyway.hide()
        self.add_anyway.clicked.connect(lambda: self.save(allow_duplicate=True))
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("save_provider")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.setObjectName("archive_provider")
        self.archive_button.setToolTip(
            self.tr("Keep it on past referrals but stop offering it for new ones")
        )
        self.archive_button.clicked.connect(self.toggle_archived)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("delete_provider")
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.archive_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_anyway)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addLayout(self.form)
        layout.addWidget(self.form_error)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.practitioner.currentIndexChanged.connect(self._practitioner_changed)
        self.name.textChanged.connect(lambda: self.add_anyway.hide())
        self.load(None)

    # -- filling --------------------------------------------------------------------

    def load(self, provider: ProviderRow | None) -> None:
        """Show ``provider``, or an empty form for a new one."""
        self.provider = provider
        self.clear_errors()
        self.practitioner.blockSignals(True)
        self.practitioner.clear()
        self.practitioner.addItem(self.tr("(choose)"), None)
        data = provider.as_input() if provider else ProviderInput(name="")
        # Archived practitioners are not offered; one this provider already names stays
        # listed (marked), so saving other changes does not drop the link.
        for practitioner in self.ops.read(lambda s: list_practitioners(s, include_inactive=True)):
            if practitioner.active:
                self.practitioner.addItem(practitioner.full_name, practitioner.id)
            elif practitioner.id == data.practitioner_id:
                self.practitioner.addItem(
                    self.tr("{name} (archived)").format(name=practitioner.full_name),
                    practitioner.id,
                )
        self.practitioner.blockSignals(False)
        self.kind.setCurrentIndex(max(self.kind.findData(data.kind.value), 0))
        self.practitioner.setCurrentIndex(max(self.practitioner.findData(data.practitioner_id), 0))
        self.name.setText(data.name)
        self.specialty.setText(data.specialty)
        self.accepting.setChecked(data.accepting_clients)
        self.phone.setText(data.phone)
        self.email.setText(data.email)
        self.address.setPlainText(data.address)
        self.notes.setPlainText(data.notes)
        if provider is None:
            self.heading.setText(self.tr("New provider"))
            self.subheading.setText(
                self.tr("Someone a client may be referred to: an external provider or a co-worker.")
            )
        else:
            self.heading.setText(provider.name)
            used = provider.referral_count
            self.subheading.setText(
                (
                    self.tr("Archived — kept on past referrals, not offered for new ones. ")
                    if provider.archived
                    else ""
                )
                + (
                    self.tr("Named in {n} referrals ({open} open).").format(
                        n=used, open=provider.open_referral_count
                    )
                    if used
                    else self.tr("No referrals yet.")
                )
            )
        self.archive_button.setVisible(provider is not None)
        self.delete_button.setVisible(provider is not None)
        self.archive_button.setText(
            self.tr("Restore") if provider and provider.archived else self.tr("Archive")
        )
        self._kind_changed()

    def _kind_changed(self) -> None:
        internal = self.kind.currentData() == ProviderKind.INTERNAL.value
        self.form.setRowVisible(self.fields["practitioner_id"], internal)

    def _practitioner_changed(self) -> None:
        if not self.name.text().strip() and self.practitioner.currentData() is not None:
            self.name.setText(self.practitioner.currentText())

    def collect(self) -> ProviderInput:
        return ProviderInput(
            name=self.name.text(),
            kind=ProviderKind(self.kind.currentData()),
            practitioner_id=self.practitioner.currentData(),
            specialty=self.specialty.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            address=self.address.toPlainText(),
            notes=self.notes.toPlainText(),
            accepting_clients=self.accepting.isChecked(),
        )

    # -- actions ----------------------------------------------------------------------

    def clear_errors(self) -> None:
        for wrapper in self.fields.values():
            wrapper.show_error(None)
        self.form_error.hide()
        self.add_anyway.hide()

    def save(self, *, allow_duplicate: bool = False) -> bool:
        """Store the form (one transaction); True when stored."""
        data = self.collect()
        region = self.ops.read(lambda s: get_settings(s).phone_region)
        existing = self.provider
        self.clear_errors()
        try:
            if existing is None:
                stored = self.ops.run(
                    lambda s: referrals.create_provider(
                        s, data, region=region, allow_duplicate=allow_duplicate
                    ),
                )
            else:
                stored = self.ops.run(
                    lambda s: referrals.update_provider(
                        s, existing.id, data, region=region, allow_duplicate=allow_duplicate
                    ),
                )
        except DuplicateProviderError as error:
            self.fields["name"].show_error(error.for_field("name"))
            self.add_anyway.setText(
                self.tr("Add anyway") if existing is None else self.tr("Save anyway")
            )
            self.add_anyway.show()
            return False
        except ValidationError as error:
            self.show_errors(error)
            return False
        except NotFoundError as error:
            self._general(str(error))
            return False
        self.load(stored)
        self.saved.emit(stored.id)
        return True

    def show_errors(self, error: ValidationError) -> None:
        first: QWidget | None = None
        for problem in error.errors:
            wrapper = self.fields.get(problem.field)
            if wrapper is None:
                self._general(problem.message)
                continue
            wrapper.show_error(problem.message)
            first = first or wrapper.editor
        if first is not None:
            first.setFocus()

    def _general(self, message: str) -> None:
        self.form_error.setText(f"⚠ {message}")
        self.form_error.show()

    def toggle_archived(self) -> None:
        provider = self.provider
        if provider is None:
            return
        try:
            stored = self.ops.run(
                lambda s: referrals.set_archived(s, provider.id, not provider.archived),
            )
        except NotFoundError as error:
            self._general(str(error))
            return
        self.load(stored)
        self.saved.emit(stored.id)

    def confirm_delete(self, name: str) -> bool:
        """Ask before deleting (tests replace this)."""
        return (
            QMessageBox.question(
                self,
                self.tr("Delete provider"),
                self.tr("Delete {name} from the directory?").format(name=name),
            )
            == QMessageBox.StandardButton.Yes
        )

    def delete(self) -> None:
        provider = self.provider
        if provider is None or not self.confirm_delete(provider.name):
            return
        self.clear_errors()
        try:
            self.ops.run(lambda s: referrals.delete_provider(s, provider.id))
        except (ValidationError, NotFoundError) as error:
            message = (
                " ".join(e.message for e in error.errors)
                if isinstance(error, ValidationError)
                else str(error)
            )
            self._general(message)
            return
        self.load(None)
        self.removed.emit()
