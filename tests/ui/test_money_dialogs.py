"""The money dialogs driven as a person would: type, choose, save; what is shown and stored."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from clientcare import appointments, clients, money
from clientcare.appointments import AppointmentInput
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Adjustment,
    Charge,
    ChargeMode,
    ChargeStatus,
    ClientStatus,
    FeeArrangement,
    GraceKind,
    MoneyConversation,
    MoneyTopic,
    PaymentPlan,
    Practitioner,
)
from ui.dialogs.cancel import CancelDialog
from ui.dialogs.interaction import InteractionEditor
from ui.dialogs.money import (
    AddChargeDialog,
    AdjustmentDialog,
    FeeArrangementDialog,
    MoneyConversationDialog,
    PaymentPlanDialog,
    WaiveDialog,
)
from ui.ops import Operations

TODAY = dt.date.today()


@pytest.fixture
def client_id(db: Database) -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session,
            ClientInput(full_name="Zoë Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
        ).id


def add_charge(db: Database, client_id: int, amount: str, days_ago: int = 0) -> int:
    with db.unit_of_work() as session:
        return money.add_charge(
            session,
            client_id,
            description="Individual session",
            amount=amount,
            charged_on=TODAY - dt.timedelta(days=days_ago),
        ).id


def count(db: Database, model: type) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def balance(db: Database, client_id: int) -> int:
    with db.reading() as session:
        return money.client_balance(session, client_id)


def shown(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_add_charge_too_many_decimals_is_explained_and_nothing_stored(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int, typist
) -> None:
    dialog = shown(qtbot, AddChargeDialog(ops, client_id, today=TODAY))
    typist(dialog.description, "Letter for the GP")
    typist(dialog.amount, "45.001")
    click(qtbot, dialog.save_button)

    error = dialog.fields["amount"].error
    assert error.isVisible() and "too many decimals" in error.text()
    assert dialog.isVisible() and count(db, Charge) == 0

    dialog.amount.clear()
    typist(dialog.amount, "45.00")
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert balance(db, client_id) == 4500


def test_add_charge_in_another_currency_is_refused(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int, typist
) -> None:
    dialog = shown(qtbot, AddChargeDialog(ops, client_id, today=TODAY))
    typist(dialog.description, "Report")
    typist(dialog.amount, "USD 40")
    click(qtbot, dialog.save_button)
    assert "keeps its accounts in GBP" in dialog.fields["amount"].error.text()
    assert count(db, Charge) == 0


def test_waive_needs_a_reason_and_keeps_the_charge(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int, typist
) -> None:
    charge_id = add_charge(db, client_id, "60.00")
    dialog = shown(qtbot, WaiveDialog(ops, charge_id, "Individual session"))
    click(qtbot, dialog.save_button)
    assert "reason" in dialog.fields["reason"].error.text().lower()
    assert balance(db, client_id) == 6000

    typist(dialog.reason, "Bereavement: agreed at the session")
    click(qtbot, dialog.save_button)
    with db.reading() as session:
        charge = session.get(Charge, charge_id)
        assert charge is not None
        assert charge.status == ChargeStatus.WAIVED
        assert charge.waived_reason == "Bereavement: agreed at the session"
    assert balance(db, client_id) == 0


def test_negative_adjustment_adds_to_the_balance(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int, typist
) -> None:
    add_charge(db, client_id, "60.00")
    dialog = shown(qtbot, AdjustmentDialog(ops, client_id, today=TODAY))
    hints = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "negative amount" in hints and "adds it to the balance" in hints

    typist(dialog.amount, "-15.00")
    click(qtbot, dialog.save_button)
    assert dialog.fields["reason"].error.isVisible()
    assert count(db, Adjustment) == 0

    typist(dialog.reason, "Report fee agreed by phone")
    click(qtbot, dialog.save_button)
    assert balance(db, client_id) == 7500


def test_plan_split_evenly_from_the_balance_and_stored(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int
) -> None:
    add_charge(db, client_id, "90.00")
    dialog = shown(qtbot, PaymentPlanDialog(ops, client_id, today=TODAY))
    assert dialog.total.text() == "90.00"
    assert [i.amount for i in dialog.instalments()] == ["30.00", "30.00", "30.00"]
    dialog.count.setValue(4)
    dialog.frequency.setCurrentIndex(dialog.frequency.findData("fortnightly"))
    click(qtbot, dialog.split_button)
    items = dialog.instalments()
    assert [i.amount for i in items] == ["22.50", "22.50", "22.50", "22.50"]
    assert [i.due_on for i in items] == [TODAY + dt.timedelta(days=14 * n) for n in range(4)]
    assert dialog.sum_label.text().startswith("✓")

    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.reading() as session:
        plan = money.active_plan(session, client_id, today=TODAY)
    assert plan is not None and plan.total_minor == 9000 and len(plan.instalments) == 4


def test_plan_over_the_balance_is_explained_next_to_the_table_and_not_stored(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int
) -> None:
    add_charge(db, client_id, "90.00")
    dialog = shown(qtbot, PaymentPlanDialog(ops, client_id, today=TODAY))
    dialog.set_amount(0, "40.00")
    assert dialog.sum_label.text().startswith("⚠")
    assert "£100.00" in dialog.sum_label.text() and "£10.00 more" in dialog.sum_label.text()

    click(qtbot, dialog.save_button)
    error = dialog.fields["instalments"].error
    assert error.isVisible() and "balance is £90.00" in error.text()
    assert dialog.isVisible() and count(db, PaymentPlan) == 0


def test_plan_instalment_that_is_not_a_number(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int
) -> None:
    add_charge(db, client_id, "90.00")
    dialog = shown(qtbot, PaymentPlanDialog(ops, client_id, today=TODAY))
    dialog.set_amount(1, "thirty")
    assert "Instalment 2" in dialog.sum_label.text()
    click(qtbot, dialog.save_button)
    assert "Instalment 2" in dialog.fields["instalments"].error.text()
    assert count(db, PaymentPlan) == 0


def test_money_conversation_with_follow_up(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int, typist
) -> None:
    dialog = shown(qtbot, MoneyConversationDialog(ops, client_id, held_on=TODAY))
    assert not dialog.follow_up_on.isEnabled()
    click(qtbot, dialog.save_button)
    assert "what was said" in dialog.fields["summary"].error.text().lower()
    assert count(db, MoneyConversation) == 0

    dialog.topic.setCurrentIndex(dialog.topic.findData(MoneyTopic.SLIDING_SCALE.value))
    typist(dialog.texts["summary"], "Talked about the sliding scale.")
    typist(dialog.texts["client_words"], "A lower fee until my hours go back up.")
    typist(dialog.texts["agreed_outcome"], "Tier B from next week.")
    dialog.follow_up_check.setChecked(True)
    follow = TODAY + dt.timedelta(days=30)
    dialog.follow_up_on.setDate(QDate(follow.year, follow.month, follow.day))
    click(qtbot, dialog.save_button)

    with db.reading() as session:
        [row] = money.client_conversations(session, client_id)
    assert row.topic is MoneyTopic.SLIDING_SCALE
    assert row.client_words == "A lower fee until my hours go back up."
    assert row.follow_up_on == follow and row.interaction_id is None


def test_shaming_money_words_are_underlined_in_the_conversation(
    qtbot: QtBot, ops: Operations, client_id: int
) -> None:
    dialog = shown(qtbot, MoneyConversationDialog(ops, client_id))
    dialog.texts["summary"].setPlainText("Told them they were delinquent.")
    hits = dialog.highlighters[0].hits()
    assert [hit.text.lower() for hit in hits] == ["delinquent"]


def test_fee_arrangement_tier_then_custom_keeps_history(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int, typist
) -> None:
    with db.unit_of_work() as session:
        tier = money.save_tier(session, money.TierInput("Tier B", "45.00", "Low income"))
    start = TODAY - dt.timedelta(days=20)
    dialog = shown(qtbot, FeeArrangementDialog(ops, client_id, today=TODAY))
    assert dialog.use_tier.isChecked()
    dialog.tier.setCurrentIndex(dialog.tier.findData(tier.id))
    dialog.effective_from.setDate(QDate(start.year, start.month, start.day))
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted

    again = shown(qtbot, FeeArrangementDialog(ops, client_id, today=TODAY))
    history = again.history_model.item(0).text()
    assert history == f"Sliding scale: Tier B — £45.00 from {start:%-d %b %Y}"
    click(qtbot, again.use_custom)
    typist(again.custom_fee, "-30")
    click(qtbot, again.save_button)
    assert "negative" in again.fields["custom_fee"].error.text()
    again.custom_fee.clear()
    typist(again.custom_fee, "30.00")
    click(qtbot, again.save_button)

    with db.reading() as session:
        assert count(db, FeeArrangement) == 2
        assert money.fee_for(session, client_id, TODAY).amount_minor == 3000


def test_money_conversation_from_the_interaction_editor_brings_in_principle_6(
    qtbot: QtBot, ops: Operations, db: Database, client_id: int, typist
) -> None:
    editor = InteractionEditor(ops, client_id=client_id)
    qtbot.addWidget(editor)
    editor.show()
    assert 6 not in editor.checklist_rows

    def drive(dialog: MoneyConversationDialog) -> bool:
        qtbot.addWidget(dialog)
        dialog.topic.setCurrentIndex(dialog.topic.findData(MoneyTopic.PAYMENT_PLAN.value))
        typist(dialog.texts["summary"], "Offered a payment plan for the balance.")
        typist(dialog.texts["client_words"], "Smaller amounts each month.")
        click(qtbot, dialog.save_button)
        return dialog.result() == QDialog.DialogCode.Accepted

    editor.run_money_dialog = drive  # type: ignore[method-assign]
    click(qtbot, editor.money_button)

    assert editor.interaction is not None  # the new contact was saved as a draft first
    assert 6 in editor.checklist_rows
    why = editor.checklist_rows[6].findChild(QLabel, "why")
    assert why is not None and "money conversation" in why.text()
    with db.reading() as session:
        [row] = money.client_conversations(session, client_id)
    assert row.interaction_id == editor.interaction.id


def test_cancel_dialog_offers_exempt_circumstances_for_a_late_cancellation(
    qtbot: QtBot,
    ops: Operations,
    db: Database,
    client_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start = dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(9))
    with db.unit_of_work() as session:
        money.set_missed_fees(session, late_cancel="25.00", no_show=None)
        money.set_charge_mode(session, ChargeMode.AUTOMATIC)
        # The shipped rules: the first fee in 365 days forgiven, and Illness exempt. Only
        # Illness here, so the waiver's reason is the circumstance's.
        for rule in money.list_grace_rules(session):
            if rule.kind is GraceKind.FIRST_FORGIVEN:
                money.save_grace_rule(
                    session,
                    money.GraceRuleInput(rule.kind, rule.applies_to, active=False),
                    rule.id,
                )
        practitioner = Practitioner(full_name="Dr. Ada Example", is_current_user=True)
        session.add(practitioner)
        session.flush()
        appointment_id = appointments.create_appointment(
            session,
            AppointmentInput(client_id, practitioner.id, start, 50),
            now=start - dt.timedelta(days=7),
        ).id
    now = start - dt.timedelta(hours=3)
    monkeypatch.setattr(CancelDialog, "now", lambda self: now)
    dialog = shown(qtbot, CancelDialog("Cancel?", in_series=False, ops=ops, start=start))
    combo = dialog.circumstance_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Illness", "None of these"]
    assert combo.isVisible() and dialog.circumstance is None
    assert dialog.fee_hint.text() == (
        "A late-cancellation fee of £25.00 applies under the practice's policy; "
        "a grace rule may forgive it."
    )
    combo.setCurrentIndex(0)
    assert dialog.fee_hint.text() == "Illness is exempt: the fee will be recorded as waived."
    click(qtbot, dialog.by_practitioner)
    assert not dialog.fee_hint.isVisible() and dialog.circumstance is None
    click(qtbot, dialog.by_client)

    with db.unit_of_work() as session:
        appointments.cancel_appointment(
            session,
            appointment_id,
            by=dialog.cancelled_by,
            reason="Unwell",
            now=now,
            circumstance=dialog.circumstance,
        )
    with db.reading() as session:
        charge = session.scalar(select(Charge).where(Charge.appointment_id == appointment_id))
        assert charge is not None and charge.status == ChargeStatus.WAIVED
        assert charge.waived_reason.startswith("Illness: exempt")


def test_cancel_dialog_without_a_fee_shows_nothing_about_money(
    qtbot: QtBot, ops: Operations
) -> None:
    start = dt.datetime.now() + dt.timedelta(hours=2)
    dialog = shown(qtbot, CancelDialog("Cancel?", in_series=False, ops=ops, start=start))
    assert not dialog.circumstance_combo.isVisible()
    assert not dialog.fee_hint.isVisible()
    assert dialog.circumstance is None
    plain = shown(qtbot, CancelDialog("Cancel?", in_series=False))
    assert not plain.fee_hint.isVisible()
