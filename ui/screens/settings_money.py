"""Settings → Money: services, sliding-scale tiers, the fee policy and the grace rules.

The rules themselves (what a fee is, which grace rule forgives it) live in
:mod:`clientcare.money`; this tab only edits the data they read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
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

from clientcare import money
from clientcare.db.models import ChargeMode, GraceKind
from clientcare.errors import NotFoundError, ValidationError
from clientcare.money_format import format_plain
from clientcare.practice import get_settings
from ui import theme
from ui.dialog import Dialog
from ui.models.settings import GraceModel, MoneyRowsModel, ServiceModel, TierModel
from ui.ops import Changes, Operations
from ui.theme import SPACE_M, empty_state
from ui.widgets.fields import FieldWithError, clear_errors, error_label, show_errors
from ui.widgets.settings_tab import fill_with_scrolled, mark_loaded, save_row, watch_changes
from ui.widgets.tables import fitted_table

CHANGES = Changes.SETTINGS | Changes.MONEY


# --------------------------------------------------------------------------
# Small edit dialogs
# --------------------------------------------------------------------------


class _RowDialog(Dialog):
    """A small form saved in one unit of work; messages next to the fields."""

    def __init__(self, ops: Operations, title: str, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        settings = ops.read(get_settings)
        self.currency, self.practice_locale = settings.currency, settings.locale
        self.saved: Any = None
        self.fields: dict[str, FieldWithError] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form_error = error_label(f"{name}_error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName(f"save_{name}")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.button_box = buttons

    def add_field(self, name: str, label: str, editor: QWidget, hint: str = "") -> None:
        editor.setObjectName(name)
        editor.setAccessibleName(label.replace("&", "").rstrip(" *"))
        wrapper = FieldWithError(editor, name)
        if hint:
            wrapper.add_hint(theme.hint(hint))
        self.fields[name] = wrapper
        caption = QLabel(label)
        caption.setBuddy(editor)
        self.form.addRow(caption, wrapper)

    def finish(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.form_error)
        layout.addWidget(self.button_box)

    def plain(self, minor: int) -> str:
        return format_plain(minor, self.currency, self.practice_locale)

    def store(self, action: Callable[[Any], Any]) -> None:
        try:
            self.saved = self.ops.run(action)
        except ValidationError as error:
            show_errors(self.fields, error, self.form_error)
            return
        except NotFoundError as error:
            self.form_error.setText(f"⚠ {error}")
            self.form_error.show()
            return
        self.accept()

    def save(self) -> None:  # pragma: no cover - each dialog has its own
        raise NotImplementedError


class ServiceDialog(_RowDialog):
    def __init__(
        self, ops: Operations, row: money.ServiceRow | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Add a service") if row is None else self.tr("Service")
        super().__init__(ops, title, "service_dialog", parent)
        self.row = row
        self.name = QLineEdit(row.name if row else "")
        self.name.setPlaceholderText(self.tr("e.g. Individual session"))
        self.standard_fee = QLineEdit(self.plain(row.standard_fee_minor) if row else "")
        self.standard_fee.setPlaceholderText(self.tr("e.g. 60.00"))
        self.standard_fee.setMaximumWidth(160)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 10_000)  # the domain says what is allowed, in words
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(row.default_minutes if row else 50)
        self.minutes.setMaximumWidth(160)
        self.active = QCheckBox(self.tr("Offered"))
        self.active.setChecked(row.active if row else True)
        self.add_field("name", self.tr("&Name *"), self.name)
        self.add_field("standard_fee", self.tr("Standard &fee *"), self.standard_fee)
        self.add_field("default_minutes", self.tr("&Length"), self.minutes)
        self.add_field(
            "active",
            "",
            self.active,
            self.tr("Past charges keep their amounts when the fee changes."),
        )
        self.finish()

    def save(self) -> None:
        data = money.ServiceInput(
            self.name.text(),
            self.standard_fee.text(),
            self.minutes.value(),
            self.active.isChecked(),
        )
        service_id = self.row.id if self.row else None
        self.store(lambda s: money.save_service(s, data, service_id))


class TierDialog(_RowDialog):
    def __init__(
        self, ops: Operations, row: money.TierRow | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Add a sliding-scale tier") if row is None else self.tr("Tier")
        super().__init__(ops, title, "tier_dialog", parent)
        self.row = row
        self.name = QLineEdit(row.name if row else "")
        self.name.setPlaceholderText(self.tr("e.g. Tier B"))
        self.fee = QLineEdit(self.plain(row.fee_minor) if row else "")
        self.fee.setPlaceholderText(self.tr("e.g. 45.00"))
        self.fee.setMaximumWidth(160)
        self.criteria = QPlainTextEdit(row.criteria_note if row else "")
        self.criteria.setTabChangesFocus(True)
        self.criteria.setFixedHeight(70)
        self.criteria.setPlaceholderText(
            self.tr("Optional, e.g. students, or household income under £25,000")
        )
        self.active = QCheckBox(self.tr("Offered"))
        self.active.setChecked(row.active if row else True)
        self.add_field("name", self.tr("&Name *"), self.name)
        self.add_field("fee", self.tr("&Fee *"), self.fee)
        self.add_field("criteria_note", self.tr("&Criteria"), self.criteria)
        self.add_field(
            "active",
            "",
            self.active,
            self.tr("Clients on this tier pay the new fee from now on."),
        )
        self.finish()

    def save(self) -> None:
        data = money.TierInput(
            self.name.text(),
            self.fee.text(),
            self.criteria.toPlainText(),
            self.active.isChecked(),
        )
        tier_id = self.row.id if self.row else None
        self.store(lambda s: money.save_tier(s, data, tier_id))


class GraceRuleDialog(_RowDialog):
    """A grace rule: the first N fees forgiven (in a period, or ever), or a circumstance exempt."""

    def __init__(
        self, ops: Operations, row: money.GraceRuleRow | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Add a grace rule") if row is None else self.tr("Grace rule")
        super().__init__(ops, title, "grace_rule_dialog", parent)
        self.row = row
        self.first_forgiven = QRadioButton(self.tr("Forgive the first ones"))
        self.first_forgiven.setObjectName("kind_first_forgiven")
        self.circumstance_exempt = QRadioButton(self.tr("Exempt a circumstance"))
        self.circumstance_exempt.setObjectName("kind_circumstance")
        kinds = QButtonGroup(self)
        kinds.addButton(self.first_forgiven)
        kinds.addButton(self.circumstance_exempt)
        kind_row = QWidget()
        kind_layout = QHBoxLayout(kind_row)
        kind_layout.setContentsMargins(0, 0, 0, 0)
        kind_layout.addWidget(self.first_forgiven)
        kind_layout.addWidget(self.circumstance_exempt)
        kind_layout.addStretch(1)

        self.allowance = QSpinBox()
        self.allowance.setRange(0, 100)
        self.allowance.setMaximumWidth(100)
        self.window_days = QSpinBox()
        self.window_days.setRange(0, 100_000)
        self.window_days.setSuffix(self.tr(" days"))
        self.window_days.setMaximumWidth(140)
        self.ever = QCheckBox(self.tr("ever (no time limit)"))
        self.ever.setObjectName("window_ever")
        self.ever.toggled.connect(lambda on: self.window_days.setEnabled(not on))
        window_row = QWidget()
        window_layout = QHBoxLayout(window_row)
        window_layout.setContentsMargins(0, 0, 0, 0)
        window_layout.addWidget(QLabel(self.tr("in")))
        window_layout.addWidget(self.window_days)
        window_layout.addWidget(self.ever)
        window_layout.addStretch(1)
        self.circumstance = QLineEdit()
        self.circumstance.setPlaceholderText(self.tr("e.g. Illness"))
        self.applies_to = QComboBox()
        for key in money.GRACE_APPLIES_TO:
            label = money.GRACE_APPLIES_LABELS[key]
            self.applies_to.addItem(self.tr(label[0].upper() + label[1:]), key)
        self.active = QCheckBox(self.tr("In use"))

        self.add_field("kind", self.tr("&Kind"), kind_row)
        self.add_field("allowance", self.tr("How &many"), self.allowance)
        self.add_field("window_days", self.tr("&Period"), window_row)
        self.window_days.setObjectName("window_days_spin")
        self.add_field(
            "circumstance",
            self.tr("&Circumstance"),
            self.circumstance,
            self.tr("Offered when a late cancellation or missed session is recorded."),
        )
        self.add_field("applies_to", self.tr("&Applies to"), self.applies_to)
        self.add_field("active", "", self.active)
        self.finish()

        if row is not None:
            (
                self.circumstance_exempt
                if row.kind is GraceKind.CIRCUMSTANCE
                else self.first_forgiven
            ).setChecked(True)
            self.allowance.setValue(row.allowance)
            self.window_days.setValue(row.window_days or 365)
            self.ever.setChecked(row.kind is GraceKind.FIRST_FORGIVEN and row.window_days is None)
            self.circumstance.setText(row.circumstance)
            self.applies_to.setCurrentIndex(max(self.applies_to.findData(row.applies_to), 0))
            self.active.setChecked(row.active)
        else:
            self.first_forgiven.setChecked(True)
            self.allowance.setValue(1)
            self.window_days.setValue(365)
            self.applies_to.setCurrentIndex(max(self.applies_to.findData("both"), 0))
            self.active.setChecked(True)
        self.first_forgiven.toggled.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        first = self.first_forgiven.isChecked()
        self.form.setRowVisible(self.fields["allowance"], first)
        self.form.setRowVisible(self.fields["window_days"], first)
        self.form.setRowVisible(self.fields["circumstance"], not first)
        self.adjustSize()

    def save(self) -> None:
        first = self.first_forgiven.isChecked()
        data = money.GraceRuleInput(
            kind=GraceKind.FIRST_FORGIVEN if first else GraceKind.CIRCUMSTANCE,
            applies_to=str(self.applies_to.currentData()),
            allowance=self.allowance.value(),
            window_days=None if self.ever.isChecked() else self.window_days.value(),
            circumstance=self.circumstance.text(),
            active=self.active.isChecked(),
        )
        rule_id = self.row.id if self.row else None
        self.store(lambda s: money.save_grace_rule(s, data, rule_id))


# --------------------------------------------------------------------------
# The tab
# --------------------------------------------------------------------------


class _RowsSection(QGroupBox):
    """A titled table with "Add…" and "Edit…" opening a small dialog.

    With no rows, ``empty`` (what the list is for and what to do) shows instead of a
    blank table.
    """

    def __init__(
        self,
        title: str,
        key: str,
        model: MoneyRowsModel,
        stretch: int,
        intro: str,
        open_dialog: Callable[[Any], QDialog],
        empty: str = "",
    ) -> None:
        super().__init__(title)
        self.setObjectName(f"{key}_section")
        self.model = model
        self.open_dialog = open_dialog
        self.table = fitted_table(f"{key}_table", model, stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName(f"add_{key}")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName(f"edit_{key}")
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(self.edit_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        self.empty = empty_state(empty, f"{key}_empty")
        self.empty.setMargin(SPACE_M)
        self.empty.setFrameShape(QLabel.Shape.StyledPanel)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(theme.hint(intro))
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def _fit_height(self) -> None:
        """As tall as the rows (three to ten of them), so short lists don't leave a void."""
        table = self.table
        shown = min(max(len(self.model.rows), 3), 10)
        rows = sum(table.rowHeight(r) for r in range(min(shown, len(self.model.rows))))
        rows += (
            shown - min(shown, len(self.model.rows))
        ) * table.verticalHeader().defaultSectionSize()
        height = rows + table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 2
        table.setMinimumHeight(height)
        table.setMaximumHeight(height)

    def selected_row(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_row() is not None)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_dialog(row)

    def set_rows(self, rows: list[Any], currency: str, locale: str) -> None:
        selected = self.selected_row()
        self.model.currency, self.model.locale = currency, locale
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.table.resizeRowsToContents()
        self._fit_height()
        if selected is not None:
            for number, row in enumerate(rows):
                if row.id == selected.id:
                    self.table.selectRow(number)
        self._update_buttons()


class MoneyTab(QWidget):
    """Settings → Money."""

    # The save row's parts, set by save_row (ui/widgets/settings_tab.py).
    status: QLabel
    save_button: QPushButton
    revert_button: QPushButton

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.dialog: QDialog | None = None

        self.services = _RowsSection(
            self.tr("Services and standard fees"),
            "services",
            ServiceModel(self),
            0,
            self.tr("What the practice offers. A client's fee arrangement, if any, comes first."),
            lambda row: self._open(ServiceDialog(self.ops, row, self)),
            self.tr(
                "No services yet. Press “Add…” to add what the practice offers, with its "
                "standard fee and length (e.g. a 50-minute individual session); appointments "
                "are charged at that fee."
            ),
        )
        self.tiers = _RowsSection(
            self.tr("Sliding scale"),
            "tiers",
            TierModel(self),
            2,
            self.tr("Named tiers with their fee; a client's fee arrangement can use one."),
            lambda row: self._open(TierDialog(self.ops, row, self)),
            self.tr(
                "No sliding-scale tiers. If the practice offers reduced fees, press “Add…” "
                "to name a tier and its fee; a client's fee arrangement can then use it."
            ),
        )
        self.grace = _RowsSection(
            self.tr("Grace rules"),
            "grace",
            GraceModel(self),
            0,
            self.tr(
                "A fee a rule forgives is still recorded, marked waived with the rule as its "
                "reason — never silently left out."
            ),
            lambda row: self._open(GraceRuleDialog(self.ops, row, self)),
            self.tr(
                "No grace rules: a late-cancellation or missed-session fee in the policy "
                "is always charged. Press “Add…” to forgive, say, a client's first late "
                "cancellation in a year, or a session missed through illness."
            ),
        )

        # -- the fee policy ---------------------------------------------------------
        policy = QGroupBox(self.tr("Fee policy"))
        policy.setObjectName("fee_policy_section")
        self.late_cancel_fee = QLineEdit()
        self.no_show_fee = QLineEdit()
        for edit in (self.late_cancel_fee, self.no_show_fee):
            edit.setPlaceholderText(self.tr("No fee"))
            edit.setMaximumWidth(160)
        self.charge_automatic = QRadioButton(self.tr("Charge completed sessions automatically"))
        self.charge_automatic.setObjectName("charge_automatic")
        self.charge_confirm = QRadioButton(
            self.tr("Ask me to confirm each charge (listed on the Money screen)")
        )
        self.charge_confirm.setObjectName("charge_confirm")
        modes = QButtonGroup(self)
        modes.addButton(self.charge_automatic)
        modes.addButton(self.charge_confirm)
        mode_box = QWidget()
        mode_layout = QVBoxLayout(mode_box)
        mode_layout.setContentsMargins(0, 0, 0, 0)
        mode_layout.addWidget(self.charge_automatic)
        mode_layout.addWidget(self.charge_confirm)
        self.fields: dict[str, FieldWithError] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for name, label, editor, explanation in (
            (
                "late_cancel_fee_minor",
                self.tr("&Late-cancellation fee"),
                self.late_cancel_fee,
                self.tr("Empty means no fee. The cancellation window is on the Practice tab."),
            ),
            (
                "no_show_fee_minor",
                self.tr("M&issed-session fee"),
                self.no_show_fee,
                self.tr("Empty means no fee."),
            ),
            ("charge_mode", self.tr("Charging"), mode_box, ""),
        ):
            editor.setObjectName(name)
            editor.setAccessibleName(label.replace("&", ""))
            wrapper = FieldWithError(editor, name)
            if explanation:
                wrapper.add_hint(theme.hint(explanation))
            self.fields[name] = wrapper
            caption = QLabel(label)
            caption.setBuddy(editor)
            form.addRow(caption, wrapper)
        self.form_error = error_label("money_form_error")
        buttons = save_row(self, "money")
        self.save_button.setText(self.tr("&Save fee policy"))
        policy_layout = QVBoxLayout(policy)
        policy_layout.addLayout(form)
        policy_layout.addWidget(self.form_error)
        policy_layout.addLayout(buttons)

        body = QWidget()
        body.setMaximumWidth(900)
        inner = QVBoxLayout(body)
        inner.setContentsMargins(16, 12, 16, 12)
        inner.addWidget(self.services)
        inner.addWidget(self.tiers)
        inner.addWidget(policy)
        inner.addWidget(self.grace)
        inner.addStretch(1)
        fill_with_scrolled(self, body)
        self.load()
        watch_changes(self, policy)

    # -- hooks tests replace -----------------------------------------------------------

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show ``dialog`` modally; True when it stored something."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        if self.run_dialog(dialog):
            self.load_lists()
        return dialog

    # -- loading and saving -----------------------------------------------------------

    def load_lists(self) -> None:
        settings, services, tiers, rules = self.ops.read(
            lambda s: (
                get_settings(s),
                money.list_services(s),
                money.list_tiers(s),
                money.list_grace_rules(s),
            )
        )
        self.services.set_rows(services, settings.currency, settings.locale)
        self.tiers.set_rows(tiers, settings.currency, settings.locale)
        self.grace.set_rows(rules, settings.currency, settings.locale)

    def load(self) -> None:
        """Read everything again; throws away unsaved fee-policy edits."""
        settings = self.ops.read(get_settings)
        policy = self.ops.read(money.fee_policy)
        late, missed, mode = policy.late_cancel_minor, policy.no_show_minor, policy.mode
        plain = lambda minor: (  # noqa: E731
            "" if minor is None else format_plain(minor, settings.currency, settings.locale)
        )
        self.late_cancel_fee.setText(plain(late))
        self.no_show_fee.setText(plain(missed))
        (self.charge_automatic if mode is ChargeMode.AUTOMATIC else self.charge_confirm).setChecked(
            True
        )
        clear_errors(self.fields, self.form_error)
        self.status.clear()
        self.load_lists()
        mark_loaded(self, self.form_state)

    def form_state(self) -> tuple[str, str, bool]:
        """The fee policy as the form holds it ("Cancel changes" when it differs)."""
        return (
            self.late_cancel_fee.text(),
            self.no_show_fee.text(),
            self.charge_automatic.isChecked(),
        )

    def save(self) -> bool:
        """Store the fee policy and the charge mode together."""
        late, missed = self.late_cancel_fee.text(), self.no_show_fee.text()
        mode = ChargeMode.AUTOMATIC if self.charge_automatic.isChecked() else ChargeMode.CONFIRM

        def store(session: Any) -> None:
            money.set_missed_fees(session, late_cancel=late, no_show=missed)
            money.set_charge_mode(session, mode)

        try:
            self.ops.run(store)
        except ValidationError as error:
            self.status.clear()
            show_errors(self.fields, error, self.form_error)
            return False
        self.load()
        self.status.setText(self.tr("✓ Saved."))
        return True
