"""What a screen reads about one client's money in one go: the client page's money panel and
the payment dialog (plain data; the UI formats it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from clientcare.money._shared import _client
from clientcare.money.conversations import ConversationRow, client_conversations
from clientcare.money.fees import ArrangementRow, FeeQuote, fee_for, fee_history
from clientcare.money.ledger import Ageing, Ledger, client_ageing, client_balance, client_ledger
from clientcare.money.payments import refundable
from clientcare.money.plans import PlanView, active_plan
from clientcare.money.to_charge import uncharged
from clientcare.practice import get_settings

#: The money conversations the client page lists (the newest first).
RECENT_CONVERSATIONS = 3


@dataclass(frozen=True)
class ClientMoneyView:
    """Everything the client page's money panel shows."""

    currency: str
    locale: str
    ledger: Ledger
    ageing: Ageing
    plan: PlanView | None
    history: list[ArrangementRow]
    quote: FeeQuote
    conversations: list[ConversationRow]
    to_confirm: int  # sessions over that wait for a charge to be confirmed


def client_money_view(session: Session, client_id: int, *, today: dt.date) -> ClientMoneyView:
    settings = get_settings(session)
    return ClientMoneyView(
        settings.currency,
        settings.locale,
        client_ledger(session, client_id),
        client_ageing(session, client_id, today=today),
        active_plan(session, client_id, today=today),
        fee_history(session, client_id),
        fee_for(session, client_id, today),
        client_conversations(session, client_id)[:RECENT_CONVERSATIONS],
        len(uncharged(session, until=today, client_id=client_id)),
    )


@dataclass(frozen=True)
class PaymentSituation:
    """What the payment dialog needs to know before the person types."""

    client_name: str
    currency: str
    locale: str
    balance_minor: int
    refundable_minor: int
    plan: PlanView | None


def payment_situation(session: Session, client_id: int, *, today: dt.date) -> PaymentSituation:
    settings = get_settings(session)
    return PaymentSituation(
        _client(session, client_id).full_name,
        settings.currency,
        settings.locale,
        client_balance(session, client_id),
        refundable(session, client_id),
        active_plan(session, client_id, today=today),
    )
