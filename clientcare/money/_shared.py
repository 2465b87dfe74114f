"""What the money modules share: limits, the labels of charge kinds and payment methods,
reading typed amounts, texts and dates into FieldErrors, the practice's currency, and a
whole number written into a statement (``_number``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Integer, func, literal_column, select
from sqlalchemy.orm import Session

from clientcare.db.models import ChargeKind, Client, PaymentMethod
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.money_format import AmountError, format_money, parse_amount
from clientcare.practice import get_settings
from clientcare.text import check_text, clean_line

MAX_NAME = 200
MAX_NOTE = 4000
MAX_REASON = 1000


METHOD_LABELS: dict[PaymentMethod, str] = {
    PaymentMethod.CASH: "Cash",
    PaymentMethod.CARD: "Card",
    PaymentMethod.TRANSFER: "Bank transfer",
    PaymentMethod.OTHER: "Other",
}


KIND_LABELS: dict[ChargeKind, str] = {
    ChargeKind.SESSION: "Session",
    ChargeKind.LATE_CANCEL: "Late cancellation",
    ChargeKind.NO_SHOW: "Missed session",
    ChargeKind.OTHER: "Other",
}


@dataclass(frozen=True)
class _Practice:
    currency: str
    locale: str


def _practice(session: Session) -> _Practice:
    settings = get_settings(session)
    return _Practice(settings.currency, settings.locale)


def _amount(
    errors: list[FieldError],
    practice: _Practice,
    value: str | int | None,
    *,
    field_name: str = "amount",
    label: str = "The amount",
    allow_zero: bool = False,
    allow_negative: bool = False,
) -> int:
    """Read an amount typed as text (or given in minor units); add a FieldError when wrong."""
    if isinstance(value, bool):
        value = None
    if isinstance(value, int):
        if value < 0 and not allow_negative:
            errors.append(FieldError(field_name, f"{label} can't be negative."))
        elif value == 0 and not allow_zero:
            errors.append(FieldError(field_name, f"{label} must be more than zero."))
        return value
    try:
        return parse_amount(
            value or "",
            practice.currency,
            practice.locale,
            field=field_name,
            label=label,
            allow_zero=allow_zero,
            allow_negative=allow_negative,
        )
    except AmountError as exc:
        errors.append(exc.error)
        return 0


def _text(
    errors: list[FieldError],
    field_name: str,
    label: str,
    value: str,
    *,
    max_length: int = MAX_NOTE,
    multiline: bool = True,
    required: bool = False,
) -> str:
    value = (value or "").strip() if multiline else clean_line(value or "")
    if required and not value:
        errors.append(FieldError(field_name, f"{label} is needed (a few words are enough)."))
        return value
    problem = check_text(field_name, label, value, max_length=max_length, multiline=multiline)
    if problem:
        errors.append(problem)
    return value


def _date(errors: list[FieldError], field_name: str, label: str, value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    errors.append(FieldError(field_name, f"{label} is not a date."))
    return dt.date.min


def _client(session: Session, client_id: int) -> Client:
    client = session.get(Client, client_id)
    if client is None:
        raise NotFoundError(f"Client {client_id} no longer exists.")
    return client


def _raise(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


def money_text(session: Session, minor: int) -> str:
    """An amount in the practice's currency and locale ("£45.00")."""
    practice = _practice(session)
    return format_money(minor, practice.currency, practice.locale)


def _sum(session: Session, column: Any, *conditions: ColumnElement[bool]) -> int:
    return int(session.scalar(select(func.coalesce(func.sum(column), 0)).where(*conditions)) or 0)


def _number(value: int) -> ColumnElement[int]:
    """A whole number written into the statement (typed on PostgreSQL, where a parameter
    alone in a CASE branch or beside a date would have no type)."""
    return literal_column(str(int(value)), Integer)
