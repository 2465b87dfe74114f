"""Money, exact and without shame: fees, charges, payments, plans, balances, conversations.

The ledger
    balance = due charges − payments + refunds − adjustments, in integer minor units
    of the practice's currency (never floats). Waived charges stay on record with
    their reason but count for nothing. A negative balance is credit held for the
    client, shown as such.

Allocation and ageing
    Payments and adjustments are applied to the oldest due charges first. What is
    left of each charge is aged by days since it was charged: current (charged
    today), 1–30, 31–60, 61–90 and over 90 days. "Overdue" means more than 30 days
    old, the same rule principle 6 uses ("the client has an overdue balance").

Plans
    A payment plan splits an amount into instalments with due dates. Payments recorded
    "towards the plan" (less refunds of them) cover the instalments in due-date order,
    so an instalment is paid, part paid, due or past its date without anyone ticking
    it off; payments for new sessions don't count. A plan whose instalments are all
    covered is complete.

Grace rules
    Late-cancel and no-show fees exist only when the practice sets them (Settings).
    Grace rules are data: "the first N in so many days are forgiven" and "this
    circumstance is exempt" (illness). A named circumstance is looked at first and
    does not use up the client's forgiven fees. A forgiven fee is stored as a waived
    charge with its reason, never silently left out.

Every public function that writes takes a session inside one unit of work (one
user action), validates everything before writing, and raises
:class:`~clientcare.errors.ValidationError` with every problem when it can't.

The package, one module per concept (each imports only those above it):

    _shared        limits, labels, reading amounts, texts and dates
    fees           services, sliding-scale tiers, fee arrangements, the fee policy
    grace          grace rules
    ledger         balances, the ledger, allocation and ageing
    charges        charging an appointment's outcome, charges by hand, waiving
    to_charge      the to-charge list and "Charge all with a known fee"
    plans          payment plans
    payments       payments, refunds, adjustments
    conversations  money conversations and their follow-ups
    balances       every client's balance, the next gentle step, the overview
    statements     statements and receipts
    views          what a screen reads about one client's money in one go
    late_cancel    what a cancellation made now would cost (reads appointments;
                   not imported here, so appointments can import this package)

The public names are re-exported here (``money.record_payment``).
"""

from __future__ import annotations

from clientcare.money._shared import (
    KIND_LABELS,
    MAX_NAME,
    MAX_NOTE,
    MAX_REASON,
    METHOD_LABELS,
    money_text,
)
from clientcare.money.balances import (
    BalanceCounts,
    BalanceOrder,
    BalanceRow,
    BalanceTotals,
    Overview,
    balance_position,
    balance_totals,
    balances,
    balances_and_totals,
    next_gentle_step,
    overview,
    received_this_month,
)
from clientcare.money.charges import (
    ChargeProposal,
    ChargeRow,
    add_charge,
    after_outcome,
    charge_appointment,
    delete_charge,
    get_charge,
    paid_towards,
    propose_charge,
    waive_charge,
)
from clientcare.money.conversations import (
    TOPIC_LABELS,
    ConversationInput,
    ConversationRow,
    FollowUpOrder,
    client_conversations,
    complete_follow_up,
    conversation_follow_ups_due,
    count_conversation_follow_ups_due,
    record_conversation,
)
from clientcare.money.fees import (
    ArrangementRow,
    FeePolicy,
    FeeQuote,
    ServiceInput,
    ServiceRow,
    TierInput,
    TierRow,
    charge_mode,
    fee_for,
    fee_history,
    fee_policy,
    list_services,
    list_tiers,
    save_service,
    save_tier,
    set_charge_mode,
    set_fee_arrangement,
    set_missed_fees,
    usual_service_id,
)
from clientcare.money.grace import (
    GRACE_APPLIES_LABELS,
    GRACE_APPLIES_TO,
    GRACE_FEE_NOUNS,
    GraceRuleInput,
    GraceRuleRow,
    exempt_circumstances,
    grace_for,
    list_grace_rules,
    save_grace_rule,
)
from clientcare.money.ledger import (
    BUCKET_LABELS,
    OVERDUE_AFTER_DAYS,
    Ageing,
    Allocated,
    Bucket,
    Debit,
    Ledger,
    LedgerEntry,
    age_amounts,
    all_ageing,
    bucket_for,
    client_ageing,
    client_balance,
    client_ledger,
    currency_in_use,
    overdue_minor,
)
from clientcare.money.payments import (
    MAX_REFERENCE,
    AdjustmentRow,
    PaymentInput,
    PaymentResult,
    PaymentRow,
    record_adjustment,
    record_payment,
    record_refund,
    refundable,
)
from clientcare.money.plans import (
    INSTALMENT_LABELS,
    MAX_INSTALMENTS,
    InstalmentInput,
    InstalmentState,
    InstalmentView,
    PlanNeedingCare,
    PlanView,
    active_plan,
    cancel_plan,
    client_plans,
    create_plan,
    instalment_states,
    plans_past_their_date,
    split_evenly,
)
from clientcare.money.statements import Receipt, Statement, client_money, receipt, statement
from clientcare.money.to_charge import (
    ChargedAll,
    ToChargeOrder,
    ToChargeTotals,
    charge_all,
    to_charge,
    to_charge_and_totals,
    to_charge_totals,
    to_charge_with_fee,
    uncharged,
)
from clientcare.money.views import (
    RECENT_CONVERSATIONS,
    ClientMoneyView,
    PaymentSituation,
    client_money_view,
    payment_situation,
)

__all__ = [
    "BUCKET_LABELS",
    "GRACE_APPLIES_LABELS",
    "GRACE_APPLIES_TO",
    "GRACE_FEE_NOUNS",
    "INSTALMENT_LABELS",
    "KIND_LABELS",
    "MAX_INSTALMENTS",
    "MAX_NAME",
    "MAX_NOTE",
    "MAX_REASON",
    "MAX_REFERENCE",
    "METHOD_LABELS",
    "OVERDUE_AFTER_DAYS",
    "RECENT_CONVERSATIONS",
    "TOPIC_LABELS",
    "AdjustmentRow",
    "Ageing",
    "Allocated",
    "ArrangementRow",
    "BalanceCounts",
    "BalanceOrder",
    "BalanceRow",
    "BalanceTotals",
    "Bucket",
    "ChargeProposal",
    "ChargeRow",
    "ChargedAll",
    "ClientMoneyView",
    "ConversationInput",
    "ConversationRow",
    "Debit",
    "FeePolicy",
    "FeeQuote",
    "FollowUpOrder",
    "GraceRuleInput",
    "GraceRuleRow",
    "InstalmentInput",
    "InstalmentState",
    "InstalmentView",
    "Ledger",
    "LedgerEntry",
    "Overview",
    "PaymentInput",
    "PaymentResult",
    "PaymentRow",
    "PaymentSituation",
    "PlanNeedingCare",
    "PlanView",
    "Receipt",
    "ServiceInput",
    "ServiceRow",
    "Statement",
    "TierInput",
    "TierRow",
    "ToChargeOrder",
    "ToChargeTotals",
    "active_plan",
    "add_charge",
    "after_outcome",
    "age_amounts",
    "all_ageing",
    "balance_position",
    "balance_totals",
    "balances",
    "balances_and_totals",
    "bucket_for",
    "cancel_plan",
    "charge_all",
    "charge_appointment",
    "charge_mode",
    "client_ageing",
    "client_balance",
    "client_conversations",
    "client_ledger",
    "client_money",
    "client_money_view",
    "client_plans",
    "complete_follow_up",
    "conversation_follow_ups_due",
    "count_conversation_follow_ups_due",
    "create_plan",
    "currency_in_use",
    "delete_charge",
    "exempt_circumstances",
    "fee_for",
    "fee_history",
    "fee_policy",
    "get_charge",
    "grace_for",
    "instalment_states",
    "list_grace_rules",
    "list_services",
    "list_tiers",
    "money_text",
    "next_gentle_step",
    "overdue_minor",
    "overview",
    "paid_towards",
    "payment_situation",
    "plans_past_their_date",
    "propose_charge",
    "receipt",
    "received_this_month",
    "record_adjustment",
    "record_conversation",
    "record_payment",
    "record_refund",
    "refundable",
    "save_grace_rule",
    "save_service",
    "save_tier",
    "set_charge_mode",
    "set_fee_arrangement",
    "set_missed_fees",
    "split_evenly",
    "statement",
    "to_charge",
    "to_charge_and_totals",
    "to_charge_totals",
    "to_charge_with_fee",
    "uncharged",
    "usual_service_id",
    "waive_charge",
]
