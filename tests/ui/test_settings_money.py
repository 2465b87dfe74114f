"""Settings → Money driven as a person would: fees, charging, grace rules, services, tiers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from clientcare import appointments, clients, money
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Charge,
    ChargeKind,
    ChargeMode,
    ChargeStatus,
    ClientStatus,
    GraceKind,
    PracticeSettings,
    Practitioner,
    Service,
)
from ui.ops import Operations
from ui.screens.settings import SettingsScreen
from ui.screens.settings_money import GraceRuleDialog, MoneyTab, ServiceDialog, TierDialog

TODAY = dt.date.today()


@pytest.fixture
def tab(qtbot: QtBot, ops: Operations) -> MoneyTab:
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1000, 800)
    screen.show()
    screen.tabs.setCurrentWidget(screen.money)
    qtbot.waitExposed(screen)
    tab = screen.money
    qtbot.waitUntil(lambda: tab.charge_automatic.width() > 0)  # laid out, so clicks land
    tab.screen_ref = screen  # type: ignore[attr-defined]  # keep the screen alive
    return tab


def click(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    # Near the left edge: a stretched radio button only takes clicks on its indicator and text.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def driving(tab: MoneyTab, steps: Callable[[QDialog], None]) -> None:
    """Replace the modal run with ``steps`` (what the person does), then Save."""

    def run(dialog: QDialog) -> bool:
        tab.qtbot.addWidget(dialog)  # type: ignore[attr-defined]
        dialog.show()  # as exec() would: laid out, so clicks land
        steps(dialog)
        click(tab.qtbot, dialog.save_button)  # type: ignore[attr-defined]
        return dialog.result() == QDialog.DialogCode.Accepted

    tab.run_dialog = run  # type: ignore[method-assign]


def fee_policy(db: Database) -> tuple[int | None, int | None, str]:
    with db.reading() as session:
        settings = session.get(PracticeSettings, 1)
        assert settings is not None
        return settings.late_cancel_fee_minor, settings.no_show_fee_minor, settings.charge_mode


def test_fee_policy_and_a_grace_rule_forgive_the_first_missed_session(
    qtbot: QtBot, tab: MoneyTab, db: Database, typist
) -> None:
    tab.qtbot = qtbot  # type: ignore[attr-defined]
    typist(tab.no_show_fee, "25.00")
    click(qtbot, tab.charge_automatic)
    click(qtbot, tab.save_button)
    assert tab.status.text() == "✓ Saved."
    assert fee_policy(db) == (None, 2500, ChargeMode.AUTOMATIC)
    assert tab.no_show_fee.text() == "25.00" and tab.late_cancel_fee.text() == ""

    # The shipped "first one in 365 days" rule, changed to missed sessions, ever.
    rules = tab.grace.model.rows
    first = next(number for number, r in enumerate(rules) if r.kind is GraceKind.FIRST_FORGIVEN)
    tab.grace.table.selectRow(first)

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, GraceRuleDialog)
        assert dialog.first_forgiven.isChecked() and dialog.allowance.value() == 1
        dialog.applies_to.setCurrentIndex(dialog.applies_to.findData("no_show"))
        click(qtbot, dialog.ever)

    driving(tab, edit)
    click(qtbot, tab.grace.edit_button)
    descriptions = [r.description for r in tab.grace.model.rows]
    assert "Forgive the first missed session" in descriptions
    shown = [tab.grace.model.index(r, 0).data() for r in range(tab.grace.model.rowCount())]
    assert shown == descriptions

    # Marking a no-show (in the domain) now makes a waived charge with the rule's reason.
    start = dt.datetime.combine(TODAY - dt.timedelta(days=1), dt.time(10))
    with db.unit_of_work() as session:
        client = clients.create_client(
            session,
            ClientInput(full_name="Zoë Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
        )
        ada = Practitioner(full_name="Dr. Ada Example", is_current_user=True)
        session.add(ada)
        session.flush()
        booked = appointments.create_appointment(
            session, AppointmentInput(client.id, ada.id, start, 50), now=start - dt.timedelta(7)
        )
        appointments.mark_no_show(session, booked.id, now=start + dt.timedelta(minutes=30))
    with db.reading() as session:
        charge = session.scalar(select(Charge).where(Charge.appointment_id == booked.id))
        assert charge is not None
        assert charge.kind == ChargeKind.NO_SHOW and charge.amount_minor == 2500
        assert charge.status == ChargeStatus.WAIVED
        assert charge.waived_reason.startswith("First missed session")
        assert "forgiven" in charge.waived_reason
        assert money.client_balance(session, client.id) == 0


def test_a_fee_with_too_many_decimals_is_explained_and_not_stored(
    qtbot: QtBot, tab: MoneyTab, db: Database, typist
) -> None:
    before = fee_policy(db)
    typist(tab.late_cancel_fee, "25.005")
    click(qtbot, tab.save_button)
    error = tab.fields["late_cancel_fee_minor"].error
    assert error.isVisible() and "too many decimals" in error.text()
    assert fee_policy(db) == before


def test_an_exempt_circumstance_rule(qtbot: QtBot, tab: MoneyTab, db: Database, typist) -> None:
    tab.qtbot = qtbot  # type: ignore[attr-defined]

    def add(dialog: QDialog) -> None:
        assert isinstance(dialog, GraceRuleDialog)
        click(qtbot, dialog.circumstance_exempt)
        assert not dialog.fields["allowance"].isVisible()
        typist(dialog.circumstance, "Bereavement")
        dialog.applies_to.setCurrentIndex(dialog.applies_to.findData("late_cancel"))

    driving(tab, add)
    click(qtbot, tab.grace.add_button)
    assert "Bereavement: no fee for a late cancellation" in [
        r.description for r in tab.grace.model.rows
    ]
    with db.reading() as session:
        assert "Bereavement" in money.exempt_circumstances(session, ChargeKind.LATE_CANCEL)
        assert "Bereavement" not in money.exempt_circumstances(session, ChargeKind.NO_SHOW)


def test_services_added_and_a_bad_fee_kept_open(
    qtbot: QtBot, tab: MoneyTab, db: Database, typist
) -> None:
    tab.qtbot = qtbot  # type: ignore[attr-defined]
    attempts: list[bool] = []

    def add(dialog: QDialog) -> None:
        assert isinstance(dialog, ServiceDialog)
        typist(dialog.name, "Couples session")
        typist(dialog.standard_fee, "-90")
        click(qtbot, dialog.save_button)
        attempts.append(dialog.isVisible())
        assert "negative" in dialog.fields["standard_fee"].error.text()
        dialog.standard_fee.clear()
        typist(dialog.standard_fee, "90.00")
        dialog.minutes.setValue(80)

    driving(tab, add)
    click(qtbot, tab.services.add_button)
    assert attempts == [True]
    model = tab.services.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Couples session")
    assert [model.index(row, c).data() for c in range(4)] == [
        "Couples session",
        "£90.00",
        "80 min",
        "Yes",
    ]
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Service)) == 1


def test_tiers_added_then_retired(qtbot: QtBot, tab: MoneyTab, db: Database, typist) -> None:
    tab.qtbot = qtbot  # type: ignore[attr-defined]

    def add(dialog: QDialog) -> None:
        assert isinstance(dialog, TierDialog)
        typist(dialog.name, "Tier B")
        typist(dialog.fee, "45.00")
        typist(dialog.criteria, "Low income or benefits; no proof asked.")

    driving(tab, add)
    click(qtbot, tab.tiers.add_button)
    tab.tiers.table.selectRow(0)
    driving(tab, lambda dialog: dialog.active.setChecked(False))  # type: ignore[attr-defined]
    click(qtbot, tab.tiers.edit_button)
    model = tab.tiers.model
    assert [model.index(0, c).data() for c in range(4)] == [
        "Tier B",
        "£45.00",
        "Low income or benefits; no proof asked.",
        "No longer offered",
    ]
    with db.reading() as session:
        assert money.list_tiers(session, include_inactive=False) == []
