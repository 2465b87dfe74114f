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
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal,
    literal_column,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from clientcare import audit, concurrency, locale_format
from clientcare.clients import search_conditions
from clientcare.db.engine import count_rows, limited, plain_rows
from clientcare.db.models import (
    Adjustment,
    Appointment,
    AppointmentStatus,
    AuditAction,
    Charge,
    ChargeKind,
    ChargeMode,
    ChargeStatus,
    Client,
    FeeArrangement,
    GraceKind,
    GraceRule,
    Instalment,
    Interaction,
    MoneyConversation,
    MoneyTopic,
    Payment,
    PaymentKind,
    PaymentMethod,
    PaymentPlan,
    PlanStatus,
    PracticeSettings,
    Service,
    SlidingScaleTier,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.money_format import AmountError, format_money, parse_amount
from clientcare.practice import get_settings
from clientcare.scope import WHOLE_PRACTICE, Scope
from clientcare.text import check_text, clean_line, fold

#: Charges older than this many days are overdue (principle 6 and the Money screen).
OVERDUE_AFTER_DAYS = 30
MAX_NAME = 200
MAX_NOTE = 4000
MAX_REASON = 1000
MAX_REFERENCE = 200
MAX_INSTALMENTS = 60

METHOD_LABELS: dict[PaymentMethod, str] = {
    PaymentMethod.CASH: "Cash",
    PaymentMethod.CARD: "Card",
    PaymentMethod.TRANSFER: "Bank transfer",
    PaymentMethod.OTHER: "Other",
}
TOPIC_LABELS: dict[MoneyTopic, str] = {
    MoneyTopic.FEE: "Fee",
    MoneyTopic.SLIDING_SCALE: "Sliding scale",
    MoneyTopic.PAYMENT_PLAN: "Payment plan",
    MoneyTopic.OVERDUE_BALANCE: "Balance from earlier sessions",
    MoneyTopic.INSURANCE: "Insurance",
    MoneyTopic.OTHER: "Other",
}
KIND_LABELS: dict[ChargeKind, str] = {
    ChargeKind.SESSION: "Session",
    ChargeKind.LATE_CANCEL: "Late cancellation",
    ChargeKind.NO_SHOW: "Missed session",
    ChargeKind.OTHER: "Other",
}
#: Grace rules name the fees they forgive.
GRACE_APPLIES_TO = ("late_cancel", "no_show", "both")
#: A fee kind in words, one and many ("Forgive the first 2 missed sessions in 365 days").
GRACE_FEE_NOUNS = {
    "late_cancel": ("late cancellation", "late cancellations"),
    "no_show": ("missed session", "missed sessions"),
    "both": ("late cancellation or missed session", "late cancellations or missed sessions"),
}
GRACE_APPLIES_LABELS = {
    "late_cancel": "late cancellations",
    "no_show": "missed sessions",
    "both": "late cancellations and missed sessions",
}


class Bucket(StrEnum):
    CURRENT = "current"
    DAYS_1_30 = "1-30"
    DAYS_31_60 = "31-60"
    DAYS_61_90 = "61-90"
    OVER_90 = "90+"


BUCKET_LABELS: dict[Bucket, str] = {
    Bucket.CURRENT: "Current",
    Bucket.DAYS_1_30: "1–30 days",
    Bucket.DAYS_31_60: "31–60 days",
    Bucket.DAYS_61_90: "61–90 days",
    Bucket.OVER_90: "Over 90 days",
}


class InstalmentState(StrEnum):
    PAID = "paid"
    PART_PAID = "part_paid"
    DUE = "due"
    OVERDUE = "overdue"


INSTALMENT_LABELS: dict[InstalmentState, str] = {
    InstalmentState.PAID: "Paid",
    InstalmentState.PART_PAID: "Part paid",
    InstalmentState.DUE: "Due",
    InstalmentState.OVERDUE: "Past its date",
}


def bucket_for(age_days: int) -> Bucket:
    """The ageing bucket of an amount charged ``age_days`` ago (0 = today)."""
    if age_days <= 0:
        return Bucket.CURRENT
    if age_days <= 30:
        return Bucket.DAYS_1_30
    if age_days <= 60:
        return Bucket.DAYS_31_60
    if age_days <= 90:
        return Bucket.DAYS_61_90
    return Bucket.OVER_90


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


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


def _sum(session: Session, column, *conditions) -> int:  # type: ignore[no-untyped-def]
    return int(session.scalar(select(func.coalesce(func.sum(column), 0)).where(*conditions)) or 0)


def currency_in_use(session: Session) -> str | None:
    """The currency of the ledger's entries, when there are any."""
    for model in (Charge, Payment, Adjustment):
        found = session.scalar(select(model.currency).limit(1))
        if found:
            return str(found)
    return None


# --------------------------------------------------------------------------
# Fee schedule
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceRow:
    id: int
    name: str
    standard_fee_minor: int
    default_minutes: int
    active: bool


@dataclass(frozen=True)
class ServiceInput:
    name: str
    standard_fee: str | int
    default_minutes: int = 50
    active: bool = True


def list_services(session: Session, *, include_inactive: bool = True) -> list[ServiceRow]:
    query = select(Service).order_by(Service.active.desc(), Service.name)
    if not include_inactive:
        query = query.where(Service.active.is_(True))
    return [
        ServiceRow(s.id, s.name, s.standard_fee_minor, s.default_minutes, s.active)
        for s in session.scalars(query)
    ]


def save_service(session: Session, data: ServiceInput, service_id: int | None = None) -> ServiceRow:
    """Add a service, or change one (``service_id``); past charges keep their amounts."""
    practice = _practice(session)
    errors: list[FieldError] = []
    name = _text(
        errors,
        "name",
        "The service name",
        data.name,
        max_length=MAX_NAME,
        multiline=False,
        required=True,
    )
    fee = _amount(
        errors,
        practice,
        data.standard_fee,
        field_name="standard_fee",
        label="The standard fee",
        allow_zero=True,
    )
    minutes = data.default_minutes
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 5 <= minutes <= 600:
        errors.append(FieldError("default_minutes", "The length is in minutes, from 5 to 600."))
    if name and not any(e.field == "name" for e in errors):  # only a storable name is looked up
        same = session.scalar(
            select(Service.id).where(
                func.lower(Service.name) == name.lower(), Service.id != (service_id or 0)
            )
        )
        if same is not None:
            errors.append(FieldError("name", f"There is already a service called “{name}”."))
    _raise(errors)
    if service_id is None:
        service = Service(
            name=name, standard_fee_minor=fee, default_minutes=minutes, active=data.active
        )
        session.add(service)
        session.flush()
        audit.record(session, AuditAction.CREATE, "service", service.id)
    else:
        service = session.get(Service, service_id)
        if service is None:
            raise NotFoundError(f"Service {service_id} no longer exists.")
        audit.apply_changes(
            session,
            service,
            "service",
            service.id,
            {
                "name": name,
                "standard_fee_minor": fee,
                "default_minutes": minutes,
                "active": data.active,
            },
        )
    return ServiceRow(
        service.id,
        service.name,
        service.standard_fee_minor,
        service.default_minutes,
        service.active,
    )


@dataclass(frozen=True)
class TierRow:
    id: int
    name: str
    fee_minor: int
    criteria_note: str
    active: bool


@dataclass(frozen=True)
class TierInput:
    name: str
    fee: str | int
    criteria_note: str = ""
    active: bool = True


def list_tiers(session: Session, *, include_inactive: bool = True) -> list[TierRow]:
    query = select(SlidingScaleTier).order_by(
        SlidingScaleTier.sort_order, SlidingScaleTier.fee_minor.desc()
    )
    if not include_inactive:
        query = query.where(SlidingScaleTier.active.is_(True))
    return [
        TierRow(t.id, t.name, t.fee_minor, t.criteria_note, t.active)
        for t in session.scalars(query)
    ]


def save_tier(session: Session, data: TierInput, tier_id: int | None = None) -> TierRow:
    """Add or change a sliding-scale tier. Arrangements on it follow the new fee from now on."""
    practice = _practice(session)
    errors: list[FieldError] = []
    name = _text(
        errors, "name", "The tier name", data.name, max_length=100, multiline=False, required=True
    )
    fee = _amount(
        errors, practice, data.fee, field_name="fee", label="The tier fee", allow_zero=True
    )
    note = _text(
        errors, "criteria_note", "The criteria note", data.criteria_note, max_length=MAX_NOTE
    )
    if name:
        same = session.scalar(
            select(SlidingScaleTier.id).where(
                func.lower(SlidingScaleTier.name) == name.lower(),
                SlidingScaleTier.id != (tier_id or 0),
            )
        )
        if same is not None:
            errors.append(FieldError("name", f"There is already a tier called “{name}”."))
    _raise(errors)
    if tier_id is None:
        order = _sum(session, SlidingScaleTier.sort_order) + 1
        tier = SlidingScaleTier(
            name=name, fee_minor=fee, criteria_note=note, active=data.active, sort_order=order
        )
        session.add(tier)
        session.flush()
        audit.record(session, AuditAction.CREATE, "sliding_scale_tier", tier.id)
    else:
        tier = session.get(SlidingScaleTier, tier_id)
        if tier is None:
            raise NotFoundError(f"Tier {tier_id} no longer exists.")
        audit.apply_changes(
            session,
            tier,
            "sliding_scale_tier",
            tier.id,
            {"name": name, "fee_minor": fee, "criteria_note": note, "active": data.active},
        )
    return TierRow(tier.id, tier.name, tier.fee_minor, tier.criteria_note, tier.active)


@dataclass(frozen=True)
class ArrangementRow:
    id: int
    effective_from: dt.date
    tier_id: int | None
    tier_name: str
    fee_minor: int
    custom: bool
    note: str

    @property
    def label(self) -> str:
        return "Custom fee" if self.custom else self.tier_name


def fee_history(session: Session, client_id: int) -> list[ArrangementRow]:
    """The client's fee arrangements, newest first (history is kept)."""
    rows = session.execute(
        select(FeeArrangement, SlidingScaleTier)
        .outerjoin(SlidingScaleTier, SlidingScaleTier.id == FeeArrangement.tier_id)
        .where(FeeArrangement.client_id == client_id)
        .order_by(FeeArrangement.effective_from.desc())
    ).all()
    return [
        ArrangementRow(
            a.id,
            a.effective_from,
            a.tier_id,
            t.name if t else "",
            a.custom_fee_minor if a.custom_fee_minor is not None else (t.fee_minor if t else 0),
            a.custom_fee_minor is not None,
            a.note,
        )
        for a, t in rows
    ]


def set_fee_arrangement(
    session: Session,
    client_id: int,
    *,
    effective_from: dt.date,
    tier_id: int | None = None,
    custom_fee: str | int | None = None,
    note: str = "",
) -> ArrangementRow:
    """The client's fee from ``effective_from`` on: a tier or a custom fee, not both.

    Earlier arrangements stay as history. Setting one again for the same date
    replaces that date's arrangement (a correction, audited).
    """
    _client(session, client_id)
    practice = _practice(session)
    errors: list[FieldError] = []
    day = _date(errors, "effective_from", "The date the fee starts", effective_from)
    has_custom = custom_fee is not None and str(custom_fee).strip() != ""
    if (tier_id is None) == (not has_custom):
        errors.append(
            FieldError("tier", "Choose a sliding-scale tier or type a custom fee (one of the two).")
        )
    fee: int | None = None
    if has_custom and tier_id is None:
        fee = _amount(
            errors,
            practice,
            custom_fee,
            field_name="custom_fee",
            label="The custom fee",
            allow_zero=True,
        )
    if tier_id is not None:
        tier = session.get(SlidingScaleTier, tier_id)
        if tier is None:
            errors.append(FieldError("tier", "That tier no longer exists; choose another."))
        elif not tier.active:
            errors.append(FieldError("tier", f"The tier “{tier.name}” is no longer offered."))
    note = _text(errors, "note", "The note", note)
    _raise(errors)
    existing = session.scalar(
        select(FeeArrangement).where(
            FeeArrangement.client_id == client_id, FeeArrangement.effective_from == day
        )
    )
    if existing is None:
        existing = FeeArrangement(
            client_id=client_id,
            effective_from=day,
            tier_id=tier_id,
            custom_fee_minor=fee,
            note=note,
        )
        session.add(existing)
        session.flush()
        audit.record(session, AuditAction.CREATE, "fee_arrangement", existing.id)
    else:
        audit.apply_changes(
            session,
            existing,
            "fee_arrangement",
            existing.id,
            {"tier_id": tier_id, "custom_fee_minor": fee, "note": note},
        )
    return next(row for row in fee_history(session, client_id) if row.id == existing.id)


@dataclass(frozen=True)
class FeeQuote:
    """What a session costs the client on a day, and why (for the person to check)."""

    amount_minor: int | None
    source: str


def fee_for(
    session: Session, client_id: int, day: dt.date, service_id: int | None = None
) -> FeeQuote:
    """The client's arrangement in force on ``day``, else the service's standard fee.

    A service offered free (standard fee 0, e.g. an initial consultation) stays free
    whatever the client's arrangement.
    """
    service = session.get(Service, service_id) if service_id is not None else None
    if service is not None and service.standard_fee_minor == 0:
        return FeeQuote(0, f"{service.name} is free")
    arrangement = session.scalar(
        select(FeeArrangement)
        .where(FeeArrangement.client_id == client_id, FeeArrangement.effective_from <= day)
        .order_by(FeeArrangement.effective_from.desc())
        .limit(1)
    )
    tier = None
    if arrangement is not None and arrangement.tier_id is not None:
        tier = session.get(SlidingScaleTier, arrangement.tier_id)
    sole = None
    if service is None and (arrangement is None or arrangement.custom_fee_minor is None):
        services = list_services(session, include_inactive=False)
        sole = services[0] if len(services) == 1 else None
    return _quote(arrangement, tier, service, sole)


def _quote(
    arrangement: FeeArrangement | None,
    tier: SlidingScaleTier | None,
    service: Service | None,
    sole_service: ServiceRow | None,
) -> FeeQuote:
    """``fee_for``'s rule on what it read: a free service, the client's arrangement (a
    custom fee or a sliding-scale tier), the service's standard fee, the practice's only
    service's fee; else no fee."""
    return _quote_from(
        (service.name, service.standard_fee_minor) if service is not None else None,
        arrangement.effective_from if arrangement is not None else None,
        arrangement.custom_fee_minor if arrangement is not None else None,
        (tier.name, tier.fee_minor) if arrangement is not None and tier is not None else None,
        sole_service,
    )


def _quote_from(
    service: tuple[str, int] | None,
    arranged_from: dt.date | None,
    custom_fee: int | None,
    tier: tuple[str, int] | None,
    sole_service: ServiceRow | None,
) -> FeeQuote:
    """``_quote`` on plain values: the service (name, standard fee), the arrangement in
    force (from when, its custom fee), its tier (name, fee). The to-charge list's SQL
    (``_ToCharge``) works the amount out by the same rule."""
    if service is not None and service[1] == 0:
        return FeeQuote(0, f"{service[0]} is free")
    if custom_fee is not None:
        return FeeQuote(custom_fee, f"custom fee from {arranged_from:%d %b %Y}")
    if tier is not None:
        return FeeQuote(tier[1], f"sliding scale: {tier[0]}")
    if service is not None:
        return FeeQuote(service[1], f"standard fee of {service[0]}")
    if sole_service is not None:
        return FeeQuote(sole_service.standard_fee_minor, f"standard fee of {sole_service.name}")
    return FeeQuote(None, "no fee is set for this client or service")


# --------------------------------------------------------------------------
# Grace rules
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class GraceRuleRow:
    id: int
    kind: GraceKind
    applies_to: str
    allowance: int
    window_days: int | None
    circumstance: str
    active: bool

    @property
    def description(self) -> str:
        one, many = GRACE_FEE_NOUNS.get(self.applies_to, (self.applies_to, self.applies_to))
        if self.kind is GraceKind.CIRCUMSTANCE:
            return f"{self.circumstance}: no fee for a {one}"
        what = f"the first {one}" if self.allowance == 1 else f"the first {self.allowance} {many}"
        window = "" if self.window_days is None else f" in {self.window_days} days"
        return f"Forgive {what}{window}"


@dataclass(frozen=True)
class GraceRuleInput:
    kind: GraceKind
    applies_to: str = "both"
    allowance: int = 1
    window_days: int | None = 365
    circumstance: str = ""
    active: bool = True


def _grace_row(rule: GraceRule) -> GraceRuleRow:
    return GraceRuleRow(
        rule.id,
        GraceKind(rule.kind),
        rule.applies_to,
        rule.allowance,
        rule.window_days,
        rule.circumstance,
        rule.active,
    )


def list_grace_rules(session: Session, *, active_only: bool = False) -> list[GraceRuleRow]:
    query = select(GraceRule).order_by(GraceRule.sort_order, GraceRule.id)
    if active_only:
        query = query.where(GraceRule.active.is_(True))
    return [_grace_row(r) for r in session.scalars(query)]


def exempt_circumstances(session: Session, kind: ChargeKind) -> list[str]:
    """The circumstances the practice exempts from a fee of ``kind`` (for the form)."""
    return [
        r.circumstance
        for r in list_grace_rules(session, active_only=True)
        if r.kind is GraceKind.CIRCUMSTANCE and r.applies_to in ("both", kind.value)
    ]


def save_grace_rule(
    session: Session, data: GraceRuleInput, rule_id: int | None = None
) -> GraceRuleRow:
    errors: list[FieldError] = []
    kind = GraceKind(data.kind)
    if data.applies_to not in GRACE_APPLIES_TO:
        errors.append(FieldError("applies_to", "Choose which fees the rule forgives."))
    circumstance = ""
    allowance, window = 1, None
    if kind is GraceKind.CIRCUMSTANCE:
        circumstance = _text(
            errors,
            "circumstance",
            "The circumstance",
            data.circumstance,
            max_length=100,
            multiline=False,
            required=True,
        )
    else:
        allowance, window = data.allowance, data.window_days
        if (
            isinstance(allowance, bool)
            or not isinstance(allowance, int)
            or not 1 <= allowance <= 20
        ):
            errors.append(FieldError("allowance", "How many are forgiven: a number from 1 to 20."))
        if window is not None and (
            isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= 3660
        ):
            errors.append(
                FieldError("window_days", "The period is in days, from 1 to 3660 (or ever).")
            )
    _raise(errors)
    values = {
        "kind": kind,
        "applies_to": data.applies_to,
        "allowance": allowance,
        "window_days": window,
        "circumstance": circumstance,
        "active": data.active,
    }
    if rule_id is None:
        rule = GraceRule(**values, sort_order=_sum(session, GraceRule.sort_order) + 1)
        session.add(rule)
        session.flush()
        audit.record(session, AuditAction.CREATE, "grace_rule", rule.id)
    else:
        rule = session.get(GraceRule, rule_id)
        if rule is None:
            raise NotFoundError(f"Grace rule {rule_id} no longer exists.")
        audit.apply_changes(session, rule, "grace_rule", rule.id, values)
    return _grace_row(rule)


def _applies(rule: GraceRuleRow, kind: ChargeKind) -> bool:
    return rule.applies_to in ("both", kind.value)


def grace_for(
    session: Session,
    client_id: int,
    kind: ChargeKind,
    day: dt.date,
    circumstance: str | None = None,
    *,
    exclude_appointment_id: int | None = None,
) -> tuple[GraceRuleRow, str] | None:
    """The grace rule that forgives a ``kind`` fee on ``day``, with the waiver reason, if any.

    A named circumstance is looked at first; fees it exempted don't count towards
    "the first N forgiven".
    """
    rules = [r for r in list_grace_rules(session, active_only=True) if _applies(r, kind)]
    for rule in rules:
        named = rule.kind is GraceKind.CIRCUMSTANCE and circumstance
        if named and fold(circumstance or "") == fold(rule.circumstance):
            return rule, f"{rule.circumstance}: exempt under the practice's grace rule."
    exempted = select(GraceRule.id).where(GraceRule.kind == GraceKind.CIRCUMSTANCE)
    for rule in rules:
        if rule.kind is not GraceKind.FIRST_FORGIVEN:
            continue
        kinds = (
            [ChargeKind.LATE_CANCEL, ChargeKind.NO_SHOW] if rule.applies_to == "both" else [kind]
        )
        conditions = [
            Charge.client_id == client_id,
            Charge.kind.in_(kinds),
            Charge.charged_on <= day,
            Charge.grace_rule_id.is_(None) | Charge.grace_rule_id.not_in(exempted),
        ]
        if rule.window_days is not None:
            conditions.append(Charge.charged_on > day - dt.timedelta(days=rule.window_days))
        if exclude_appointment_id is not None:
            conditions.append(
                (Charge.appointment_id != exclude_appointment_id) | Charge.appointment_id.is_(None)
            )
        earlier = int(session.scalar(select(func.count(Charge.id)).where(*conditions)) or 0)
        if earlier < rule.allowance:
            return rule, _forgiven_reason(rule, kind)
    return None


def _forgiven_reason(rule: GraceRuleRow, kind: ChargeKind) -> str:
    """The waiver reason of a fee a "first N forgiven" rule forgives."""
    what = KIND_LABELS[kind].lower()
    period = "" if rule.window_days is None else f" in {rule.window_days} days"
    ordinal = "First" if rule.allowance == 1 else f"One of the first {rule.allowance}"
    return f"{ordinal} {what}{period}: forgiven under the practice's grace rule."


# --------------------------------------------------------------------------
# Charges
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ChargeRow:
    id: int
    client_id: int
    appointment_id: int | None
    kind: ChargeKind
    description: str
    amount_minor: int
    charged_on: dt.date
    status: ChargeStatus
    waived_reason: str
    currency: str
    #: The row version as loaded; handed back to waive_charge (concurrent edits).
    version: int = 0


def _charge_row(c: Charge) -> ChargeRow:
    return ChargeRow(
        c.id,
        c.client_id,
        c.appointment_id,
        ChargeKind(c.kind),
        c.description,
        c.amount_minor,
        c.charged_on,
        ChargeStatus(c.status),
        c.waived_reason,
        c.currency,
        c.version or 0,
    )


#: Which appointment outcome a charge kind belongs to.
_KIND_FOR_STATUS = {
    AppointmentStatus.COMPLETED: ChargeKind.SESSION,
    AppointmentStatus.LATE_CANCELLED: ChargeKind.LATE_CANCEL,
    AppointmentStatus.NO_SHOW: ChargeKind.NO_SHOW,
}


@dataclass(frozen=True)
class ChargeProposal:
    """What charging an appointment would do, for the practitioner to confirm."""

    appointment_id: int
    client_id: int
    client_name: str
    start: dt.datetime
    kind: ChargeKind
    amount_minor: int | None
    description: str
    source: str
    grace_reason: str = ""
    #: The client's full name (two clients called "Mateo" told apart); "" when not read.
    client_full_name: str = ""

    @property
    def id(self) -> int:
        """The appointment's id (a list row's id)."""
        return self.appointment_id


def _policy_fee(settings: PracticeSettings | None, kind: ChargeKind) -> int | None:
    if settings is None:
        return None
    fee = (
        settings.late_cancel_fee_minor
        if kind is ChargeKind.LATE_CANCEL
        else settings.no_show_fee_minor
    )
    return fee if fee else None


def propose_charge(
    session: Session, appointment_id: int, circumstance: str | None = None
) -> ChargeProposal | None:
    """The charge an appointment's outcome calls for, or None (no fee under the policy)."""
    appointment = session.get(Appointment, appointment_id)
    if appointment is None:
        raise NotFoundError(f"Appointment {appointment_id} no longer exists.")
    kind = _KIND_FOR_STATUS.get(AppointmentStatus(appointment.status))
    if kind is None:
        return None
    client = _client(session, appointment.client_id)
    day = appointment.start.date()
    when = f"{day:%d %b %Y}"
    if kind is ChargeKind.SESSION:
        quote = fee_for(session, client.id, day, appointment.service_id)
        if quote.amount_minor == 0:
            return None  # a free service: nothing to charge, nothing to confirm
        service = session.get(Service, appointment.service_id) if appointment.service_id else None
        label = service.name if service else "Session"
        return ChargeProposal(
            appointment.id,
            client.id,
            client.preferred_name,
            appointment.start,
            kind,
            quote.amount_minor,
            f"{label}, {when}",
            quote.source,
        )
    fee = _policy_fee(session.get(PracticeSettings, 1), kind)
    if fee is None:
        return None
    grace = grace_for(
        session, client.id, kind, day, circumstance, exclude_appointment_id=appointment.id
    )
    return ChargeProposal(
        appointment.id,
        client.id,
        client.preferred_name,
        appointment.start,
        kind,
        fee,
        f"{KIND_LABELS[kind]}, {when}",
        "the practice's fee policy",
        grace[1] if grace else "",
    )


def charge_appointment(
    session: Session,
    appointment_id: int,
    *,
    amount: str | int | None = None,
    circumstance: str | None = None,
) -> ChargeRow | None:
    """Charge an appointment's outcome (a session, a late cancellation, a missed session).

    ``amount`` overrides the proposed amount (typed by the practitioner when
    confirming). A fee a grace rule forgives is stored waived with its reason.
    Returns None when the policy charges nothing. Charging twice is refused.
    """
    proposal = propose_charge(session, appointment_id, circumstance)
    if proposal is None:
        raise ValidationError.single(
            "amount", "Nothing to charge: the practice's policy has no fee for this outcome."
        )
    existing = session.scalar(
        select(Charge.id).where(
            Charge.appointment_id == appointment_id, Charge.kind == proposal.kind
        )
    )
    if existing is not None:
        raise ValidationError.single("amount", "This appointment has already been charged.")
    practice = _practice(session)
    errors: list[FieldError] = []
    value = amount if amount is not None else proposal.amount_minor
    if value is None:
        errors.append(
            FieldError("amount", f"No fee is set ({proposal.source}); type the amount to charge.")
        )
        value = 0
    minor = _amount(errors, practice, value, label="The amount to charge", allow_zero=True)
    _raise(errors)
    grace = (
        grace_for(
            session,
            proposal.client_id,
            proposal.kind,
            proposal.start.date(),
            circumstance,
            exclude_appointment_id=appointment_id,
        )
        if proposal.kind is not ChargeKind.SESSION
        else None
    )
    charge = Charge(
        client_id=proposal.client_id,
        appointment_id=appointment_id,
        kind=proposal.kind,
        description=proposal.description,
        amount_minor=minor,
        charged_on=proposal.start.date(),
        status=ChargeStatus.WAIVED if grace else ChargeStatus.DUE,
        waived_reason=grace[1] if grace else "",
        grace_rule_id=grace[0].id if grace else None,
        currency=practice.currency,
    )
    session.add(charge)
    session.flush()
    audit.record(session, AuditAction.CREATE, "charge", charge.id)
    return _charge_row(charge)


@dataclass(frozen=True)
class FeePolicy:
    """The practice's fees for late cancellations and missed sessions (None: no fee)."""

    late_cancel_minor: int | None
    no_show_minor: int | None
    mode: ChargeMode


def fee_policy(session: Session) -> FeePolicy:
    settings = session.get(PracticeSettings, 1)
    return FeePolicy(
        _policy_fee(settings, ChargeKind.LATE_CANCEL),
        _policy_fee(settings, ChargeKind.NO_SHOW),
        charge_mode(session),
    )


def charge_mode(session: Session) -> ChargeMode:
    settings = session.get(PracticeSettings, 1)
    return ChargeMode(settings.charge_mode) if settings is not None else ChargeMode.CONFIRM


def set_charge_mode(session: Session, mode: ChargeMode) -> None:
    settings = session.get(PracticeSettings, 1)
    if settings is None:
        settings = PracticeSettings(id=1)
        session.add(settings)
    audit.apply_changes(
        session, settings, "practice_settings", 1, {"charge_mode": ChargeMode(mode)}
    )


def set_missed_fees(
    session: Session, *, late_cancel: str | int | None, no_show: str | int | None
) -> None:
    """The practice's fee policy for late cancellations and missed sessions (empty = none)."""
    practice = _practice(session)
    errors: list[FieldError] = []
    values: dict[str, object] = {}
    for name, value, label in (
        ("late_cancel_fee_minor", late_cancel, "The late-cancellation fee"),
        ("no_show_fee_minor", no_show, "The missed-session fee"),
    ):
        if value is None or (isinstance(value, str) and not value.strip()):
            values[name] = None
        else:
            values[name] = (
                _amount(errors, practice, value, field_name=name, label=label, allow_zero=True)
                or None
            )
    _raise(errors)
    settings = session.get(PracticeSettings, 1)
    if settings is None:
        settings = PracticeSettings(id=1)
        session.add(settings)
    audit.apply_changes(session, settings, "practice_settings", 1, values)


def after_outcome(
    session: Session, appointment_id: int, circumstance: str | None = None
) -> ChargeRow | None:
    """Called when an appointment is completed, late-cancelled or missed.

    In automatic mode the charge is made at once when its amount is known; in
    confirm mode nothing is written and the appointment waits on the Money screen.
    """
    if charge_mode(session) is not ChargeMode.AUTOMATIC:
        return None
    proposal = propose_charge(session, appointment_id, circumstance)
    if proposal is None or proposal.amount_minor is None:
        return None
    exists = session.scalar(
        select(Charge.id).where(
            Charge.appointment_id == appointment_id, Charge.kind == proposal.kind
        )
    )
    if exists is not None:
        return None
    return charge_appointment(session, appointment_id, circumstance=circumstance)


def uncharged(
    session: Session, *, until: dt.date, client_id: int | None = None
) -> list[ChargeProposal]:
    """Appointments whose outcome calls for a charge that hasn't been made (oldest first)."""
    return to_charge(session, until=until, client_id=client_id)


class ToChargeOrder(StrEnum):
    """The orders the to-charge list is read in (each ends with the date, then the id)."""

    DATE = "date"
    CLIENT = "client"
    WHAT = "what"
    AMOUNT = "amount"  # no fee set first


@dataclass(frozen=True)
class ToChargeTotals:
    """The whole to-charge list in figures (however much of it is shown)."""

    count: int
    #: How many have a known fee ("Charge all with a known fee" charges those).
    with_fee: int
    #: What charging those would add to the balances (fees a grace rule forgives excluded).
    total_minor: int
    #: Of those with a fee, how many a grace rule forgives (recorded waived).
    forgiven: int

    @property
    def no_fee(self) -> int:
        return self.count - self.with_fee


class _ToCharge:
    """The to-charge list in SQL: one row per appointment waiting to be charged, its fee
    (``fee_for``'s rule) and the grace rule that forgives it worked out in the SELECT, so
    the list is counted, summed, sorted and read a page at a time by the database.

    The practice-wide pieces (the fee policy, the only active service, the active grace
    rules: a few rows) are read first and written into the statement.
    """

    def __init__(
        self,
        session: Session,
        *,
        until: dt.date,
        scope: Scope = WHOLE_PRACTICE,
        client_id: int | None = None,
    ) -> None:
        self.session = session
        settings = session.get(PracticeSettings, 1)
        active = list_services(session, include_inactive=False)
        self.sole = active[0] if len(active) == 1 else None
        self.rules = {rule.id: rule for rule in list_grace_rules(session, active_only=True)}
        fees = {
            AppointmentStatus.COMPLETED: self._session_fee(session),
            **{
                status: _number(fee)
                for status, kind in _KIND_FOR_STATUS.items()
                if kind is not ChargeKind.SESSION
                and (fee := _policy_fee(settings, kind)) is not None
            },
        }
        status = Appointment.status
        self.amount = case(*[(status == s, fee) for s, fee in fees.items()], else_=null())
        self.grace = self._grace(session)
        self.what = case(
            (status == AppointmentStatus.COMPLETED, func.coalesce(Service.name, "Session")),
            (status == AppointmentStatus.LATE_CANCELLED, KIND_LABELS[ChargeKind.LATE_CANCEL]),
            else_=KIND_LABELS[ChargeKind.NO_SHOW],
        )
        charged = select(Charge.id).where(Charge.appointment_id == Appointment.id)
        self.whole_practice = scope.whole_practice and client_id is None
        self.before = dt.datetime.combine(until + dt.timedelta(days=1), dt.time())
        self.conditions = [
            status.in_(list(fees)),
            ~charged.exists(),
            or_(self.amount.is_(None), self.amount != 0),  # a free session: nothing to charge
        ]
        if not scope.whole_practice:
            # The scope's clients first, then each one's appointments (by index): your
            # list costs the same in a practice of 5 or of 50.
            self.conditions.append(Appointment.client_id.in_(scope.client_ids()))
        if client_id is not None:
            self.conditions.append(Appointment.client_id == client_id)

    def _session_fee(self, session: Session) -> ColumnElement[int]:
        """``_quote_from``'s rule in SQL, on the arrangement in force on the day."""
        return case(
            (Service.standard_fee_minor == 0, _number(0)),
            (FeeArrangement.custom_fee_minor.is_not(None), FeeArrangement.custom_fee_minor),
            (SlidingScaleTier.id.is_not(None), SlidingScaleTier.fee_minor),
            (Service.id.is_not(None), Service.standard_fee_minor),
            else_=_number(self.sole.standard_fee_minor) if self.sole is not None else null(),
        )

    def _grace(self, session: Session) -> ColumnElement[int | None]:
        """The id of the "first N forgiven" rule that forgives a late cancellation's or a
        missed session's fee (``grace_for`` without a named circumstance), else NULL."""
        exempted = select(GraceRule.id).where(GraceRule.kind == GraceKind.CIRCUMSTANCE)
        day = _day_of(session, Appointment.start)
        whens = []
        for rule in self.rules.values():
            if rule.kind is not GraceKind.FIRST_FORGIVEN:
                continue
            for status, kind in _KIND_FOR_STATUS.items():
                if kind is ChargeKind.SESSION or not _applies(rule, kind):
                    continue
                kinds = (
                    [ChargeKind.LATE_CANCEL, ChargeKind.NO_SHOW]
                    if rule.applies_to == "both"
                    else [kind]
                )
                conditions = [
                    Charge.client_id == Appointment.client_id,
                    Charge.kind.in_(kinds),
                    Charge.charged_on <= day,
                    Charge.grace_rule_id.is_(None) | Charge.grace_rule_id.not_in(exempted),
                    (Charge.appointment_id != Appointment.id) | Charge.appointment_id.is_(None),
                ]
                if rule.window_days is not None:
                    conditions.append(
                        Charge.charged_on
                        > _days_before(session, Appointment.start, rule.window_days)
                    )
                earlier = (
                    select(func.count(Charge.id))
                    .where(*conditions)
                    .correlate(Appointment)
                    .scalar_subquery()
                )
                whens.append(
                    (and_(Appointment.status == status, earlier < rule.allowance), _number(rule.id))
                )
        return case(*whens, else_=null()) if whens else null()

    def _select(self, *columns: Any, by_date: bool = False) -> Select:
        """The list's SELECT of ``columns``; ``by_date``: read in date order (a page of the
        whole practice's list walks the date index and stops after the page)."""
        start: ColumnElement[dt.datetime] = Appointment.start
        if self.whole_practice and not by_date:
            # Counting or sorting the whole practice's list reads every appointment: in
            # the table's own order, not one by one through the date index (ten times
            # faster on SQLite once the file is larger than memory caches well).
            start = _without_index(self.session, start)
        in_force = aliased(FeeArrangement)
        arrangement = (
            select(in_force.id)
            .where(
                in_force.client_id == Appointment.client_id,
                in_force.effective_from <= _day_of(self.session, Appointment.start),
            )
            .order_by(in_force.effective_from.desc())
            .limit(1)
            .correlate(Appointment)
            .scalar_subquery()
        )
        return (
            select(*columns)
            .select_from(Appointment)
            .join(Client, Client.id == Appointment.client_id)
            .outerjoin(Service, Service.id == Appointment.service_id)
            .outerjoin(FeeArrangement, FeeArrangement.id == arrangement)
            .outerjoin(SlidingScaleTier, SlidingScaleTier.id == FeeArrangement.tier_id)
            .where(start < self.before, *self.conditions)
        )

    def rows(
        self,
        order: ToChargeOrder = ToChargeOrder.DATE,
        *,
        descending: bool = False,
        offset: int = 0,
        limit: int | None = None,
        with_totals: bool = False,
    ) -> tuple[list[ChargeProposal], ToChargeTotals | None]:
        """A page of the list; ``with_totals``: and the whole list's figures, counted in
        the same statement (window sums over every row, before the page is cut)."""
        order = ToChargeOrder(order)
        keys: list[Any] = {
            ToChargeOrder.DATE: [],
            ToChargeOrder.CLIENT: [func.lower(Client.full_name), Client.id],
            ToChargeOrder.WHAT: [func.lower(self.what)],
            ToChargeOrder.AMOUNT: [func.coalesce(self.amount, -1)],
        }[order]
        keys += [Appointment.start, Appointment.id]
        totals: list[Any] = []
        if with_totals:
            forgiven = self.grace.is_not(None)
            totals = [
                func.count().over().label("total_count"),
                func.count(self.amount).over().label("total_with_fee"),
                func.sum(case((forgiven, _number(0)), else_=self.amount))
                .over()
                .label("total_minor"),
                func.count(self.grace).over().label("total_forgiven"),
            ]
        query = self._select(
            Appointment.id,
            Appointment.client_id,
            Client.preferred_name,
            Client.full_name,
            Appointment.start,
            Appointment.status,
            Service.name.label("service_name"),
            Service.standard_fee_minor.label("service_fee"),
            FeeArrangement.effective_from.label("arranged_from"),
            FeeArrangement.custom_fee_minor.label("custom_fee"),
            SlidingScaleTier.name.label("tier_name"),
            SlidingScaleTier.fee_minor.label("tier_fee"),
            self.amount.label("amount"),
            self.grace.label("grace_rule_id"),
            *totals,
            by_date=order is ToChargeOrder.DATE and not with_totals,
        ).order_by(*[key.desc() if descending else key for key in keys])
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        found = plain_rows(self.session, query)
        figures = None
        if with_totals:
            first = found[0] if found else None
            figures = ToChargeTotals(
                int(first.total_count) if first else 0,
                int(first.total_with_fee) if first else 0,
                int(first.total_minor or 0) if first else 0,
                int(first.total_forgiven) if first else 0,
            )
        return [self._proposal(row) for row in found], figures

    def _proposal(self, row: Any) -> ChargeProposal:
        kind = _KIND_FOR_STATUS[AppointmentStatus(row.status)]
        when = f"{row.start.date():%d %b %Y}"
        grace = ""
        if kind is ChargeKind.SESSION:
            quote = _quote_from(
                (row.service_name, row.service_fee) if row.service_name is not None else None,
                row.arranged_from,
                row.custom_fee,
                (row.tier_name, row.tier_fee) if row.tier_name is not None else None,
                self.sole,
            )
            description, source = f"{row.service_name or 'Session'}, {when}", quote.source
        else:
            description = f"{KIND_LABELS[kind]}, {when}"
            source = "the practice's fee policy"
            if row.grace_rule_id is not None:
                grace = _forgiven_reason(self.rules[row.grace_rule_id], kind)
        return ChargeProposal(
            row.id,
            row.client_id,
            row.preferred_name,
            row.start,
            kind,
            row.amount,
            description,
            source,
            grace,
            row.full_name,
        )

    def totals(self) -> ToChargeTotals:
        listed = self._select(
            self.amount.label("amount"), self.grace.label("grace_rule_id")
        ).subquery()
        count, with_fee, total, forgiven = plain_rows(
            self.session,
            select(
                func.count(),
                func.count(listed.c.amount),
                func.sum(case((listed.c.grace_rule_id.is_(None), listed.c.amount), else_=0)),
                func.count(listed.c.grace_rule_id),
            ),
        )[0]
        return ToChargeTotals(int(count), int(with_fee), int(total or 0), int(forgiven))

    def ids_with_fee(self) -> list[int]:
        query = self._select(Appointment.id).where(self.amount.is_not(None))
        return list(self.session.scalars(query.order_by(Appointment.start, Appointment.id)).all())


def to_charge(
    session: Session,
    *,
    until: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    order: ToChargeOrder = ToChargeOrder.DATE,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
    client_id: int | None = None,
) -> list[ChargeProposal]:
    """Appointments up to ``until`` whose outcome calls for a charge not made yet, of the
    clients in ``scope`` (or of ``client_id``), in ``order``; ``offset``/``limit`` read a
    page. Each row is what ``propose_charge`` would propose for it."""
    rows, _totals = _ToCharge(session, until=until, scope=scope, client_id=client_id).rows(
        order, descending=descending, offset=offset, limit=limit
    )
    return rows


def to_charge_and_totals(
    session: Session,
    *,
    until: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    order: ToChargeOrder = ToChargeOrder.DATE,
    descending: bool = False,
    limit: int | None = None,
) -> tuple[list[ChargeProposal], ToChargeTotals]:
    """The first ``limit`` rows of ``to_charge`` and the whole list's totals, in one
    statement (the list is worked out once)."""
    rows, totals = _ToCharge(session, until=until, scope=scope).rows(
        order, descending=descending, limit=limit, with_totals=True
    )
    assert totals is not None
    return rows, totals


def to_charge_totals(
    session: Session, *, until: dt.date, scope: Scope = WHOLE_PRACTICE
) -> ToChargeTotals:
    """How many appointments ``to_charge`` lists for ``scope``, and what they come to."""
    return _ToCharge(session, until=until, scope=scope).totals()


def to_charge_with_fee(
    session: Session, *, until: dt.date, scope: Scope = WHOLE_PRACTICE
) -> list[int]:
    """The appointment ids of the list whose fee is known (oldest first): what "Charge all
    with a known fee" charges."""
    return _ToCharge(session, until=until, scope=scope).ids_with_fee()


def _day_of(session: Session, moment: Any) -> ColumnElement[dt.date]:
    """The calendar day of a date-and-time column, comparable with a Date column on both
    backends (SQLite keeps both as ISO text; PostgreSQL casts)."""
    if session.get_bind().dialect.name == "sqlite":
        return func.date(moment, type_=Date)
    return cast(moment, Date)


def _days_before(session: Session, moment: Any, days: int) -> ColumnElement[dt.date]:
    """The day ``days`` days before the day of a date-and-time column."""
    if session.get_bind().dialect.name == "sqlite":
        return func.date(moment, f"-{int(days)} days", type_=Date)
    return cast(cast(moment, Date) - _number(days), Date)


def _without_index(session: Session, column: Any) -> ColumnElement[Any]:
    """``column`` in a condition SQLite should not answer through an index on it (SQLite's
    own advice: a unary ``+``); PostgreSQL plans for itself."""
    if session.get_bind().dialect.name == "sqlite":
        return UnaryExpression(column, operator=custom_op("+"), type_=column.type)
    return column


def _number(value: int) -> ColumnElement[int]:
    """A whole number written into the statement (typed on PostgreSQL, where a parameter
    alone in a CASE branch or beside a date would have no type)."""
    return literal_column(str(int(value)), Integer)


def add_charge(
    session: Session,
    client_id: int,
    *,
    description: str,
    amount: str | int,
    charged_on: dt.date,
) -> ChargeRow:
    """A charge not tied to an appointment (a report, a missed-session fee agreed by phone)."""
    _client(session, client_id)
    practice = _practice(session)
    errors: list[FieldError] = []
    text = _text(
        errors,
        "description",
        "The description",
        description,
        max_length=MAX_NAME,
        multiline=False,
        required=True,
    )
    minor = _amount(errors, practice, amount)
    day = _date(errors, "charged_on", "The date", charged_on)
    _raise(errors)
    charge = Charge(
        client_id=client_id,
        kind=ChargeKind.OTHER,
        description=text,
        amount_minor=minor,
        charged_on=day,
        currency=practice.currency,
    )
    session.add(charge)
    session.flush()
    audit.record(session, AuditAction.CREATE, "charge", charge.id)
    return _charge_row(charge)


def _load_charge(session: Session, charge_id: int) -> Charge:
    charge = session.get(Charge, charge_id)
    if charge is None:
        raise NotFoundError(f"Charge {charge_id} no longer exists.")
    return charge


def get_charge(session: Session, charge_id: int) -> ChargeRow:
    """One charge as stored, with the version a form hands back; NotFoundError if gone."""
    return _charge_row(_load_charge(session, charge_id))


def waive_charge(
    session: Session, charge_id: int, reason: str, *, expected_version: int | None = None
) -> ChargeRow:
    """Waive a charge: it stays on record with the reason and counts for nothing.

    With ``expected_version`` (ChargeRow.version as shown), a charge someone else changed
    since raises StaleEdit and nothing is written.
    """
    charge = _load_charge(session, charge_id)
    concurrency.check_version(session, "charge", charge.id, charge.version, expected_version)
    errors: list[FieldError] = []
    reason = _text(
        errors, "reason", "The reason for waiving", reason, max_length=MAX_REASON, required=True
    )
    if charge.status == ChargeStatus.WAIVED:
        errors.append(FieldError("reason", "This charge is already waived."))
    _raise(errors)
    charge.status = ChargeStatus.WAIVED
    charge.waived_reason = reason
    with concurrency.saving(session, "charge", charge.id):
        session.flush()
    audit.record(session, AuditAction.UPDATE, "charge", charge.id, ("status", "waived_reason"))
    return _charge_row(charge)


def paid_towards(session: Session, charge_id: int, *, today: dt.date) -> int:
    """How much of a charge payments and adjustments have covered (oldest charges first)."""
    charge = _load_charge(session, charge_id)
    for item in _allocate(session, charge.client_id, today):
        if item.charge_id == charge_id:
            return item.amount_minor - item.outstanding_minor
    return 0


def delete_charge(
    session: Session, charge_id: int, *, today: dt.date, expected_version: int | None = None
) -> None:
    """Delete a charge entered by mistake — refused once payments stand against it.

    With ``expected_version`` (the charge as the ledger showed it), a charge someone else
    changed since raises StaleEdit and nothing is deleted.
    """
    charge = _load_charge(session, charge_id)
    concurrency.check_version(session, "charge", charge.id, charge.version, expected_version)
    if charge.status == ChargeStatus.DUE:
        covered = paid_towards(session, charge_id, today=today)
        if covered > 0:
            raise ValidationError.single(
                "charge",
                f"This charge has {money_text(session, covered)} of payments against it, so it "
                "can't be deleted. Waive it with a reason, or record an adjustment, so the "
                "payments stay accounted for.",
            )
    elif charge.grace_rule_id is not None:
        raise ValidationError.single(
            "charge",
            "This fee was forgiven under a grace rule; it stays on record so the rule counts it.",
        )
    session.delete(charge)
    with concurrency.saving(session, "charge", charge_id):
        session.flush()
    audit.record(session, AuditAction.DELETE, "charge", charge_id)


# --------------------------------------------------------------------------
# Payments, refunds, adjustments
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class PaymentRow:
    id: int
    client_id: int
    kind: PaymentKind
    method: PaymentMethod
    amount_minor: int
    paid_on: dt.date
    reference: str
    note: str
    refund_of_id: int | None
    currency: str


def _payment_row(p: Payment) -> PaymentRow:
    return PaymentRow(
        p.id,
        p.client_id,
        PaymentKind(p.kind),
        PaymentMethod(p.method),
        p.amount_minor,
        p.paid_on,
        p.reference,
        p.note,
        p.refund_of_id,
        p.currency,
    )


@dataclass(frozen=True)
class PaymentInput:
    client_id: int
    amount: str | int
    method: PaymentMethod
    paid_on: dt.date
    reference: str = ""
    note: str = ""
    currency: str | None = None
    #: Towards the client's payment plan in progress (its instalments in date order).
    towards_plan: bool = False


@dataclass(frozen=True)
class PaymentResult:
    payment: PaymentRow
    balance_minor: int

    @property
    def credit_minor(self) -> int:
        """What the client has paid beyond their charges (held as credit)."""
        return max(0, -self.balance_minor)


def _currency_problem(practice: _Practice, currency: str | None) -> FieldError | None:
    if currency is None or currency.strip().upper() == practice.currency:
        return None
    return FieldError(
        "currency",
        f"This practice keeps its accounts in {practice.currency}; a payment in "
        f"{currency.strip().upper()} can't be added to them. Convert it first and note the "
        "original amount in the note.",
    )


def _payment_fields(
    session: Session, data: PaymentInput, errors: list[FieldError]
) -> tuple[int, dt.date, str, str, PaymentMethod]:
    _client(session, data.client_id)
    practice = _practice(session)
    problem = _currency_problem(practice, data.currency)
    if problem:
        errors.append(problem)
    minor = _amount(errors, practice, data.amount)
    day = _date(errors, "paid_on", "The date", data.paid_on)
    reference = _text(
        errors,
        "reference",
        "The reference",
        data.reference,
        max_length=MAX_REFERENCE,
        multiline=False,
    )
    note = _text(errors, "note", "The note", data.note)
    try:
        method = PaymentMethod(data.method)
    except ValueError:
        errors.append(FieldError("method", "Choose how it was paid."))
        method = PaymentMethod.OTHER
    return minor, day, reference, note, method


def record_payment(session: Session, data: PaymentInput) -> PaymentResult:
    """A payment (partial payments welcome). More than the balance is kept as credit."""
    errors: list[FieldError] = []
    minor, day, reference, note, method = _payment_fields(session, data, errors)
    plan: PlanView | None = None
    if data.towards_plan and not errors:
        plan = active_plan(session, data.client_id, today=day)
        if plan is None:
            errors.append(
                FieldError("towards_plan", "This client has no payment plan in progress.")
            )
    _raise(errors)
    payment = Payment(
        client_id=data.client_id,
        kind=PaymentKind.PAYMENT,
        method=method,
        amount_minor=minor,
        paid_on=day,
        reference=reference,
        note=note,
        plan_id=plan.id if plan else None,
        currency=_practice(session).currency,
    )
    session.add(payment)
    session.flush()
    audit.record(session, AuditAction.CREATE, "payment", payment.id)
    if plan is not None:
        _mark_paid_instalments(session, plan.id, day)
    return PaymentResult(_payment_row(payment), client_balance(session, data.client_id))


def _mark_paid_instalments(session: Session, plan_id: int, day: dt.date) -> None:
    """Keep each instalment's paid-on date: the day the plan's payments first covered it."""
    plan = session.get(PaymentPlan, plan_id)
    if plan is None:
        return
    view = _plan_view(session, plan, day)
    states = {i.id: i.state for i in view.instalments}
    for instalment in plan.instalments:
        paid = states.get(instalment.id) is InstalmentState.PAID
        if paid and instalment.paid_on is None:
            instalment.paid_on = day
        elif not paid and instalment.paid_on is not None:
            instalment.paid_on = None
    session.flush()


def refundable(session: Session, client_id: int, refund_of_id: int | None = None) -> int:
    """What can still be refunded: all payments less refunds (or one payment's remainder)."""
    if refund_of_id is not None:
        original = session.get(Payment, refund_of_id)
        if (
            original is None
            or original.client_id != client_id
            or original.kind != PaymentKind.PAYMENT
        ):
            return 0
        done = _sum(session, Payment.amount_minor, Payment.refund_of_id == refund_of_id)
        return original.amount_minor - done
    paid = _sum(
        session,
        Payment.amount_minor,
        Payment.client_id == client_id,
        Payment.kind == PaymentKind.PAYMENT,
    )
    refunded = _sum(
        session,
        Payment.amount_minor,
        Payment.client_id == client_id,
        Payment.kind == PaymentKind.REFUND,
    )
    return paid - refunded


def record_refund(
    session: Session, data: PaymentInput, *, refund_of_id: int | None = None
) -> PaymentResult:
    """Money given back; never more than was paid (in all, or of the payment named)."""
    errors: list[FieldError] = []
    minor, day, reference, note, method = _payment_fields(session, data, errors)
    if not errors:
        limit = refundable(session, data.client_id)
        if refund_of_id is not None:
            limit = min(limit, refundable(session, data.client_id, refund_of_id))
        if minor > limit:
            if limit <= 0:
                message = "There is nothing left to refund: everything paid has been refunded."
            else:
                of = " of that payment" if refund_of_id is not None else ""
                message = (
                    f"A refund can't be more than was paid: {money_text(session, limit)}{of} "
                    "can still be refunded."
                )
            errors.append(FieldError("amount", message))
    _raise(errors)
    payment = Payment(
        client_id=data.client_id,
        kind=PaymentKind.REFUND,
        method=method,
        amount_minor=minor,
        paid_on=day,
        reference=reference,
        note=note,
        refund_of_id=refund_of_id,
        plan_id=_refunded_plan(session, refund_of_id),
        currency=_practice(session).currency,
    )
    session.add(payment)
    session.flush()
    audit.record(session, AuditAction.CREATE, "payment", payment.id)
    if payment.plan_id is not None:
        _mark_paid_instalments(session, payment.plan_id, day)
    return PaymentResult(_payment_row(payment), client_balance(session, data.client_id))


def _refunded_plan(session: Session, refund_of_id: int | None) -> int | None:
    if refund_of_id is None:
        return None
    original = session.get(Payment, refund_of_id)
    return original.plan_id if original is not None else None


@dataclass(frozen=True)
class AdjustmentRow:
    id: int
    client_id: int
    amount_minor: int
    reason: str
    adjusted_on: dt.date


def record_adjustment(
    session: Session, client_id: int, *, amount: str | int, reason: str, adjusted_on: dt.date
) -> AdjustmentRow:
    """A correction with its reason. Positive reduces what the client owes; negative adds."""
    _client(session, client_id)
    practice = _practice(session)
    errors: list[FieldError] = []
    minor = _amount(errors, practice, amount, allow_negative=True)
    reason = _text(errors, "reason", "The reason", reason, max_length=MAX_REASON, required=True)
    day = _date(errors, "adjusted_on", "The date", adjusted_on)
    _raise(errors)
    row = Adjustment(
        client_id=client_id,
        amount_minor=minor,
        reason=reason,
        adjusted_on=day,
        currency=practice.currency,
    )
    session.add(row)
    session.flush()
    audit.record(session, AuditAction.CREATE, "adjustment", row.id)
    return AdjustmentRow(row.id, client_id, minor, reason, day)


# --------------------------------------------------------------------------
# The ledger, allocation and ageing
# --------------------------------------------------------------------------


def client_balance(session: Session, client_id: int) -> int:
    """Due charges − payments + refunds − adjustments (negative = credit held)."""
    charges = _sum(
        session,
        Charge.amount_minor,
        Charge.client_id == client_id,
        Charge.status == ChargeStatus.DUE,
    )
    paid = _sum(
        session,
        Payment.amount_minor,
        Payment.client_id == client_id,
        Payment.kind == PaymentKind.PAYMENT,
    )
    refunded = _sum(
        session,
        Payment.amount_minor,
        Payment.client_id == client_id,
        Payment.kind == PaymentKind.REFUND,
    )
    adjusted = _sum(session, Adjustment.amount_minor, Adjustment.client_id == client_id)
    return charges - paid + refunded - adjusted


@dataclass(frozen=True)
class LedgerEntry:
    """One line of a client's account, with the running balance after it."""

    day: dt.date
    kind: str  # "charge", "waived", "payment", "refund", "adjustment"
    description: str
    debit_minor: int  # adds to what the client owes
    credit_minor: int  # takes away from it
    balance_minor: int
    ref_id: int
    #: A charge's row version as read (the waive and delete buttons act against it).
    version: int | None = None


@dataclass(frozen=True)
class Ledger:
    entries: tuple[LedgerEntry, ...]
    balance_minor: int

    @property
    def credit_minor(self) -> int:
        return max(0, -self.balance_minor)


def _raw_entries(
    session: Session, client_id: int
) -> list[tuple[dt.date, int, str, str, int, int, int]]:
    """(day, order, kind, description, debit, credit, id) for every ledger line."""
    lines: list[tuple[dt.date, int, str, str, int, int, int]] = []
    for c in session.scalars(select(Charge).where(Charge.client_id == client_id)):
        if c.status == ChargeStatus.WAIVED:
            lines.append(
                (
                    c.charged_on,
                    0,
                    "waived",
                    f"{c.description} — waived: {c.waived_reason}",
                    0,
                    0,
                    c.id,
                )
            )
        else:
            lines.append((c.charged_on, 0, "charge", c.description, c.amount_minor, 0, c.id))
    for p in session.scalars(select(Payment).where(Payment.client_id == client_id)):
        method = METHOD_LABELS[PaymentMethod(p.method)].lower()
        if p.kind == PaymentKind.REFUND:
            lines.append((p.paid_on, 2, "refund", f"Refund ({method})", p.amount_minor, 0, p.id))
        else:
            lines.append((p.paid_on, 1, "payment", f"Payment ({method})", 0, p.amount_minor, p.id))
    for a in session.scalars(select(Adjustment).where(Adjustment.client_id == client_id)):
        debit, credit = (0, a.amount_minor) if a.amount_minor > 0 else (-a.amount_minor, 0)
        lines.append(
            (a.adjusted_on, 3, "adjustment", f"Adjustment: {a.reason}", debit, credit, a.id)
        )
    lines.sort(key=lambda line: (line[0], line[1], line[6]))
    return lines


def client_ledger(session: Session, client_id: int) -> Ledger:
    _client(session, client_id)
    running = 0
    entries = []
    versions = dict(
        session.execute(
            select(Charge.id, Charge.version).where(Charge.client_id == client_id)
        ).all()
    )
    for day, _order, kind, description, debit, credit, ref in _raw_entries(session, client_id):
        running += debit - credit
        version = versions.get(ref) if kind in ("charge", "waived") else None
        entries.append(LedgerEntry(day, kind, description, debit, credit, running, ref, version))
    return Ledger(tuple(entries), running)


@dataclass(frozen=True)
class Allocated:
    charge_id: int
    charged_on: dt.date
    amount_minor: int
    outstanding_minor: int


def _allocate_amounts(charges: Sequence[tuple[int, dt.date, int]], credits: int) -> list[Allocated]:
    """Apply ``credits`` to ``charges`` (id, day, amount) oldest first."""
    result = []
    remaining = credits
    for charge_id, day, amount in sorted(charges, key=lambda c: (c[1], c[0])):
        covered = min(amount, max(0, remaining))
        remaining -= covered
        result.append(Allocated(charge_id, day, amount, amount - covered))
    return result


Debit = tuple[int, dt.date, int]  # (charge id, or minus an adjustment's id; day; amount)


def _debits_and_credits(
    session: Session,
    client_id: int | None,
    today: dt.date,
    *,
    client_ids: Sequence[int] | None = None,
) -> tuple[dict[int, list[Debit]], dict[int, int]]:
    """Per client (``client_id``, those of ``client_ids``, or all): what adds to the
    balance (due charges, adjustments that add) and the sum of what takes away from it
    (payments less refunds, adjustments that reduce)."""
    where_charge = [Charge.status == ChargeStatus.DUE]
    where_payment = []
    where_adjustment = []
    if client_ids is not None:
        where_charge.append(Charge.client_id.in_(client_ids))
        where_payment.append(Payment.client_id.in_(client_ids))
        where_adjustment.append(Adjustment.client_id.in_(client_ids))
    if client_id is not None:
        where_charge.append(Charge.client_id == client_id)
        where_payment.append(Payment.client_id == client_id)
        where_adjustment.append(Adjustment.client_id == client_id)
    debits: dict[int, list[Debit]] = defaultdict(list)
    credits: dict[int, int] = defaultdict(int)
    for cid, charge_id, day, amount in session.execute(
        select(Charge.client_id, Charge.id, Charge.charged_on, Charge.amount_minor).where(
            *where_charge
        )
    ):
        debits[cid].append((charge_id, day, amount))
    for cid, kind, total in session.execute(
        select(Payment.client_id, Payment.kind, func.sum(Payment.amount_minor))
        .where(*where_payment)
        .group_by(Payment.client_id, Payment.kind)
    ):
        credits[cid] += int(total) if kind == PaymentKind.PAYMENT else -int(total)
    for cid, adjustment_id, day, amount in session.execute(
        select(
            Adjustment.client_id, Adjustment.id, Adjustment.adjusted_on, Adjustment.amount_minor
        ).where(*where_adjustment)
    ):
        if amount > 0:
            credits[cid] += amount
        else:
            debits[cid].append((-adjustment_id, day, -amount))
    for cid, credit in list(credits.items()):
        if credit < 0:  # more refunded than paid (only possible in data from elsewhere)
            debits[cid].append((0, today, -credit))
            credits[cid] = 0
    return debits, credits


def _allocate(session: Session, client_id: int, today: dt.date) -> list[Allocated]:
    debits, credits = _debits_and_credits(session, client_id, today)
    return _allocate_amounts(debits.get(client_id, []), credits.get(client_id, 0))


@dataclass(frozen=True)
class Ageing:
    buckets: dict[Bucket, int]
    credit_minor: int = 0

    @property
    def outstanding_minor(self) -> int:
        return sum(self.buckets.values())

    @property
    def overdue_minor(self) -> int:
        return (
            self.buckets[Bucket.DAYS_31_60]
            + self.buckets[Bucket.DAYS_61_90]
            + self.buckets[Bucket.OVER_90]
        )

    @property
    def oldest(self) -> Bucket | None:
        for bucket in reversed(list(Bucket)):
            if self.buckets[bucket] > 0:
                return bucket
        return None


_BUCKETS = tuple(Bucket)  # iterating an Enum is slow; ageing every client does it a lot


def _empty_buckets() -> dict[Bucket, int]:
    return dict.fromkeys(_BUCKETS, 0)


def age_amounts(
    charges: Sequence[tuple[int, dt.date, int]], credits: int, today: dt.date
) -> Ageing:
    """Pure ageing: ``charges`` (id, day, amount) less ``credits`` applied oldest first."""
    buckets = _empty_buckets()
    for item in _allocate_amounts(charges, credits):
        if item.outstanding_minor:
            buckets[bucket_for((today - item.charged_on).days)] += item.outstanding_minor
    total = sum(amount for _i, _d, amount in charges)
    return Ageing(buckets, max(0, credits - total))


def client_ageing(session: Session, client_id: int, *, today: dt.date) -> Ageing:
    debits, credits = _debits_and_credits(session, client_id, today)
    return age_amounts(debits.get(client_id, []), credits.get(client_id, 0), today)


def overdue_minor(session: Session, client_id: int, *, today: dt.date) -> int:
    """What is owed on charges more than 30 days old (after everything paid and adjusted)."""
    return client_ageing(session, client_id, today=today).overdue_minor


#: ``_ageing_select``'s column for each bucket.
_BUCKET_COLUMN: dict[Bucket, str] = {
    Bucket.CURRENT: "current",
    Bucket.DAYS_1_30: "days_1_30",
    Bucket.DAYS_31_60: "days_31_60",
    Bucket.DAYS_61_90: "days_61_90",
    Bucket.OVER_90: "over_90",
}


def _ageing_select(
    session: Session,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    search: str = "",
    *,
    by_age: bool = True,
) -> Select:
    """Every client of ``scope`` (matching ``search``) with money on record, their
    balance and what they owe by age: ``client_ageing``'s rule in one SELECT, so the
    Money screen's figures are sums, and its balances are sorted and paged, by the
    database (however many clients the practice has).

    Columns: client_id, full_name, preferred_name, balance (negative: credit held),
    credit, and unless not ``by_age``: one column per bucket (``_BUCKET_COLUMN``), and
    oldest: the oldest bucket with something owed (0 current … 4 over 90 days; -1 none).

    Per client: owed = due charges + adjustments that add; credits = payments − refunds
    + adjustments that take away (when negative, the difference is owed today). The
    credits cover what is owed oldest first (by day, then id), so what is left of each
    item is what its running total exceeds the credits by, at most its amount.
    """

    def per_client(amount: Any, *conditions: Any) -> Any:
        return select(func.sum(amount)).where(*conditions).correlate(Client).scalar_subquery()

    conditions = list(search_conditions(search))
    if not scope.whole_practice:
        conditions.append(Client.id.in_(scope.client_ids()))  # an index's ids, then by id
    totals = (
        select(
            Client.id.label("client_id"),
            Client.full_name,
            Client.preferred_name,
            per_client(
                Charge.amount_minor,
                Charge.client_id == Client.id,
                Charge.status == ChargeStatus.DUE,
            ).label("due"),
            per_client(
                case(
                    (Payment.kind == PaymentKind.PAYMENT, Payment.amount_minor),
                    else_=-Payment.amount_minor,
                ),
                Payment.client_id == Client.id,
            ).label("paid"),
            per_client(
                case((Adjustment.amount_minor > 0, Adjustment.amount_minor), else_=_number(0)),
                Adjustment.client_id == Client.id,
            ).label("adds"),
            per_client(
                case((Adjustment.amount_minor < 0, -Adjustment.amount_minor), else_=_number(0)),
                Adjustment.client_id == Client.id,
            ).label("takes"),
        )
        .where(*conditions)
        .cte("money_totals")
    )
    credits = func.coalesce(totals.c.paid, 0) + func.coalesce(totals.c.adds, 0)
    owed = func.coalesce(totals.c.due, 0) + func.coalesce(totals.c.takes, 0)
    balances = (
        select(
            totals.c.client_id,
            totals.c.full_name,
            totals.c.preferred_name,
            (owed - credits).label("balance"),
            credits.label("credits"),
        )
        .where(
            or_(totals.c.due.is_not(None), totals.c.paid.is_not(None), totals.c.adds.is_not(None))
        )
        .cte("money_balances")
    )
    credit = case((balances.c.balance < 0, -balances.c.balance), else_=_number(0)).label("credit")
    if not by_age:
        return select(
            balances.c.client_id,
            balances.c.full_name,
            balances.c.preferred_name,
            balances.c.balance,
            credit,
        )
    owing = (
        select(balances.c.client_id, balances.c.credits)
        .where(balances.c.balance > 0)
        .cte("money_owing")
    )
    items = union_all(
        select(
            Charge.client_id,
            Charge.charged_on.label("day"),
            Charge.id.label("ord"),
            Charge.amount_minor.label("amount"),
        )
        .join(owing, owing.c.client_id == Charge.client_id)
        .where(Charge.status == ChargeStatus.DUE),
        select(
            Adjustment.client_id, Adjustment.adjusted_on, -Adjustment.id, -Adjustment.amount_minor
        )
        .join(owing, owing.c.client_id == Adjustment.client_id)
        .where(Adjustment.amount_minor < 0),
        select(owing.c.client_id, literal(today, Date), _number(0), -owing.c.credits).where(
            owing.c.credits < 0
        ),
    ).subquery("money_items")
    running = select(
        items.c.client_id,
        items.c.day,
        items.c.amount,
        func.sum(items.c.amount)
        .over(
            partition_by=items.c.client_id,
            order_by=(items.c.day, items.c.ord),
            rows=(None, 0),
        )
        .label("running"),
    ).subquery("money_running")
    covered = case((owing.c.credits > 0, owing.c.credits), else_=_number(0))
    beyond = running.c.running - covered
    left = case(
        (beyond <= 0, _number(0)), (beyond >= running.c.amount, running.c.amount), else_=beyond
    )
    day = running.c.day
    edges = [today - dt.timedelta(days=days) for days in (0, 30, 60, 90)]
    within = {
        Bucket.CURRENT: day >= edges[0],
        Bucket.DAYS_1_30: and_(day < edges[0], day >= edges[1]),
        Bucket.DAYS_31_60: and_(day < edges[1], day >= edges[2]),
        Bucket.DAYS_61_90: and_(day < edges[2], day >= edges[3]),
        Bucket.OVER_90: day < edges[3],
    }
    aged = (
        select(
            running.c.client_id,
            *[
                func.sum(case((within[bucket], left), else_=_number(0))).label(name)
                for bucket, name in _BUCKET_COLUMN.items()
            ],
        )
        .join(owing, owing.c.client_id == running.c.client_id)
        .group_by(running.c.client_id)
        .subquery("money_aged")
    )
    owed_by_age = {
        bucket: func.coalesce(aged.c[name], 0) for bucket, name in _BUCKET_COLUMN.items()
    }
    oldest = case(
        *[
            (owed_by_age[bucket] > 0, _number(rank))
            for rank, bucket in reversed(list(enumerate(_BUCKETS)))
        ],
        else_=_number(-1),
    )
    return (
        select(
            balances.c.client_id,
            balances.c.full_name,
            balances.c.preferred_name,
            balances.c.balance,
            credit,
            *[owed_by_age[bucket].label(name) for bucket, name in _BUCKET_COLUMN.items()],
            oldest.label("oldest"),
        )
        .select_from(balances)
        .outerjoin(aged, aged.c.client_id == balances.c.client_id)
    )


def _ageing_of(row: Any) -> Ageing:
    """An ``_ageing_select`` row's ageing."""
    return Ageing(
        {bucket: int(row._mapping[name]) for bucket, name in _BUCKET_COLUMN.items()},
        int(row.credit),
    )


def all_ageing(
    session: Session, today: dt.date, scope: Scope = WHOLE_PRACTICE
) -> dict[int, Ageing]:
    """The ageing of every client of ``scope`` with money on record (one statement)."""
    return {
        row.client_id: _ageing_of(row)
        for row in plain_rows(session, _ageing_select(session, today, scope))
    }


# --------------------------------------------------------------------------
# Payment plans
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class InstalmentInput:
    due_on: dt.date
    amount: str | int


@dataclass(frozen=True)
class InstalmentView:
    id: int
    number: int
    due_on: dt.date
    amount_minor: int
    covered_minor: int
    state: InstalmentState


@dataclass(frozen=True)
class PlanView:
    id: int
    client_id: int
    agreed_on: dt.date
    total_minor: int
    stored_status: PlanStatus
    note: str
    instalments: tuple[InstalmentView, ...]

    @property
    def status(self) -> PlanStatus:
        if self.stored_status is PlanStatus.CANCELLED:
            return PlanStatus.CANCELLED
        if self.instalments and all(i.state is InstalmentState.PAID for i in self.instalments):
            return PlanStatus.COMPLETED
        return PlanStatus.ACTIVE

    @property
    def paid_minor(self) -> int:
        return sum(i.covered_minor for i in self.instalments)

    @property
    def next_due(self) -> InstalmentView | None:
        return next((i for i in self.instalments if i.state is not InstalmentState.PAID), None)

    @property
    def overdue(self) -> tuple[InstalmentView, ...]:
        return tuple(i for i in self.instalments if i.state is InstalmentState.OVERDUE)


def split_evenly(
    total_minor: int, count: int, first_due: dt.date, *, every_days: int = 0, every_months: int = 1
) -> list[InstalmentInput]:
    """``count`` instalments adding up to exactly ``total_minor`` (the odd pennies go first)."""
    if count < 1 or total_minor < count:
        return []
    from dateutil.relativedelta import relativedelta  # only here: not on the way to Today

    base, extra = divmod(total_minor, count)
    result = []
    for index in range(count):
        if every_days:
            due = first_due + dt.timedelta(days=every_days * index)
        else:
            due = first_due + relativedelta(months=every_months * index)  # 31 Jan → 28 Feb
        result.append(InstalmentInput(due, base + (1 if index < extra else 0)))
    return result


def instalment_states(
    instalments: Sequence[tuple[int, dt.date, int]], paid: int, today: dt.date
) -> list[InstalmentView]:
    """Pure: ``paid`` covers (id, due_on, amount) in due-date order."""
    views = []
    remaining = paid
    for number, (inst_id, due_on, amount) in enumerate(
        sorted(instalments, key=lambda i: (i[1], i[0])), 1
    ):
        covered = min(amount, max(0, remaining))
        remaining -= covered
        if covered == amount:
            state = InstalmentState.PAID
        elif due_on < today:
            state = InstalmentState.OVERDUE
        elif covered > 0:
            state = InstalmentState.PART_PAID
        else:
            state = InstalmentState.DUE
        views.append(InstalmentView(inst_id, number, due_on, amount, covered, state))
    return views


@cache
def _paid_towards_plan() -> Select:
    """Payments towards plan ``plan_id`` less refunds of them (built once)."""
    return select(
        func.coalesce(
            func.sum(
                case(
                    (Payment.kind == PaymentKind.REFUND, -Payment.amount_minor),
                    else_=Payment.amount_minor,
                )
            ),
            0,
        )
    ).where(
        Payment.plan_id == bindparam("plan_id"),
        Payment.kind.in_([PaymentKind.PAYMENT, PaymentKind.REFUND]),
    )


def _plan_view(session: Session, plan: PaymentPlan, today: dt.date) -> PlanView:
    # Paid towards the plan, less refunds of it (one query).
    paid = int(session.scalar(_paid_towards_plan(), {"plan_id": plan.id}) or 0)
    instalments = [(i.id, i.due_on, i.amount_minor) for i in plan.instalments]
    return PlanView(
        plan.id,
        plan.client_id,
        plan.agreed_on,
        plan.total_minor,
        PlanStatus(plan.status),
        plan.note,
        tuple(instalment_states(instalments, paid, today)),
    )


def client_plans(session: Session, client_id: int, *, today: dt.date) -> list[PlanView]:
    plans = session.scalars(
        select(PaymentPlan)
        .where(PaymentPlan.client_id == client_id)
        .order_by(PaymentPlan.agreed_on.desc())
    )
    return [_plan_view(session, plan, today) for plan in plans]


def active_plan(session: Session, client_id: int, *, today: dt.date) -> PlanView | None:
    return next(
        (p for p in client_plans(session, client_id, today=today) if p.status is PlanStatus.ACTIVE),
        None,
    )


def create_plan(
    session: Session,
    client_id: int,
    *,
    agreed_on: dt.date,
    instalments: Iterable[InstalmentInput],
    note: str = "",
    today: dt.date,
) -> PlanView:
    """A payment plan agreed with the client; the instalments add up to no more than owed."""
    _client(session, client_id)
    practice = _practice(session)
    errors: list[FieldError] = []
    day = _date(errors, "agreed_on", "The date agreed", agreed_on)
    items = list(instalments)
    if not items:
        errors.append(FieldError("instalments", "Add at least one instalment."))
    if len(items) > MAX_INSTALMENTS:
        errors.append(FieldError("instalments", f"At most {MAX_INSTALMENTS} instalments."))
    amounts: list[tuple[dt.date, int]] = []
    for number, item in enumerate(items, 1):
        item_errors: list[FieldError] = []
        minor = _amount(
            item_errors,
            practice,
            item.amount,
            field_name="instalments",
            label=f"Instalment {number}",
        )
        due = _date(item_errors, "instalments", f"The date of instalment {number}", item.due_on)
        if not item_errors and due < day:
            item_errors.append(
                FieldError("instalments", f"Instalment {number} is due before the plan was agreed.")
            )
        errors.extend(item_errors)
        amounts.append((due, minor))
    dates = [due for due, _ in amounts]
    if len(set(dates)) != len(dates):
        errors.append(FieldError("instalments", "Two instalments fall on the same day; move one."))
    note = _text(errors, "note", "The note", note)
    if active_plan(session, client_id, today=today) is not None:
        errors.append(
            FieldError(
                "instalments",
                "This client already has a plan in progress; change or cancel it first.",
            )
        )
    total = sum(minor for _d, minor in amounts)
    balance = client_balance(session, client_id)
    if not errors and total > balance:
        errors.append(
            FieldError(
                "instalments",
                f"The instalments come to {money_text(session, total)} but the balance is "
                f"{money_text(session, max(balance, 0))}; a plan covers what is owed.",
            )
        )
    _raise(errors)
    plan = PaymentPlan(client_id=client_id, agreed_on=day, total_minor=total, note=note)
    plan.instalments = [
        Instalment(due_on=due, amount_minor=minor) for due, minor in sorted(amounts)
    ]
    session.add(plan)
    session.flush()
    audit.record(session, AuditAction.CREATE, "payment_plan", plan.id)
    return _plan_view(session, plan, today)


def cancel_plan(session: Session, plan_id: int, *, reason: str, today: dt.date) -> PlanView:
    plan = session.get(PaymentPlan, plan_id)
    if plan is None:
        raise NotFoundError(f"Payment plan {plan_id} no longer exists.")
    errors: list[FieldError] = []
    reason = _text(errors, "reason", "The reason", reason, max_length=MAX_REASON, required=True)
    if plan.status == PlanStatus.CANCELLED:
        errors.append(FieldError("reason", "This plan is already cancelled."))
    _raise(errors)
    plan.status = PlanStatus.CANCELLED
    plan.note = (plan.note + "\n" if plan.note else "") + f"Cancelled {today:%d %b %Y}: {reason}"
    session.flush()
    audit.record(session, AuditAction.UPDATE, "payment_plan", plan.id, ("status", "note"))
    return _plan_view(session, plan, today)


# --------------------------------------------------------------------------
# Money conversations
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ConversationInput:
    client_id: int
    held_on: dt.date
    topic: MoneyTopic
    summary: str = ""
    client_words: str = ""
    agreed_outcome: str = ""
    follow_up_on: dt.date | None = None
    interaction_id: int | None = None


@dataclass(frozen=True)
class ConversationRow:
    id: int
    client_id: int
    client_name: str
    interaction_id: int | None
    held_on: dt.date
    topic: MoneyTopic
    summary: str
    client_words: str
    agreed_outcome: str
    follow_up_on: dt.date | None
    follow_up_done_on: dt.date | None
    #: The client's full name (two clients called "Mateo" told apart); "" when not read.
    client_full_name: str = ""

    @property
    def topic_label(self) -> str:
        return TOPIC_LABELS[self.topic]


def _conversation_row(c: MoneyConversation, name: str, full_name: str = "") -> ConversationRow:
    return ConversationRow(
        c.id,
        c.client_id,
        name,
        c.interaction_id,
        c.held_on,
        MoneyTopic(c.topic),
        c.summary,
        c.client_words,
        c.agreed_outcome,
        c.follow_up_on,
        c.follow_up_done_on,
        full_name,
    )


def record_conversation(
    session: Session, data: ConversationInput, conversation_id: int | None = None
) -> ConversationRow:
    """A money conversation: what was said, the client's own words, what was agreed."""
    client = _client(session, data.client_id)
    errors: list[FieldError] = []
    day = _date(errors, "held_on", "The date", data.held_on)
    try:
        topic = MoneyTopic(data.topic)
    except ValueError:
        errors.append(FieldError("topic", "Choose what the conversation was about."))
        topic = MoneyTopic.OTHER
    summary = _text(errors, "summary", "What was said", data.summary)
    words = _text(errors, "client_words", "The client's words", data.client_words)
    outcome = _text(errors, "agreed_outcome", "What was agreed", data.agreed_outcome)
    if not (summary or words or outcome):
        errors.append(FieldError("summary", "Write down what was said (a sentence is enough)."))
    if data.follow_up_on is not None and day != dt.date.min and data.follow_up_on < day:
        errors.append(FieldError("follow_up_on", "The follow-up date is before the conversation."))
    if data.interaction_id is not None:
        interaction = session.get(Interaction, data.interaction_id)
        if interaction is None or interaction.client_id != data.client_id:
            errors.append(FieldError("interaction", "That contact is not this client's."))
    _raise(errors)
    values = {
        "held_on": day,
        "topic": topic,
        "summary": summary,
        "client_words": words,
        "agreed_outcome": outcome,
        "follow_up_on": data.follow_up_on,
        "interaction_id": data.interaction_id,
    }
    if conversation_id is None:
        row = MoneyConversation(client_id=data.client_id, **values)
        session.add(row)
        session.flush()
        audit.record(session, AuditAction.CREATE, "money_conversation", row.id)
    else:
        row = session.get(MoneyConversation, conversation_id)
        if row is None:
            raise NotFoundError(f"Money conversation {conversation_id} no longer exists.")
        audit.apply_changes(session, row, "money_conversation", row.id, values)
    return _conversation_row(row, client.preferred_name)


def client_conversations(session: Session, client_id: int) -> list[ConversationRow]:
    client = _client(session, client_id)
    rows = session.scalars(
        select(MoneyConversation)
        .where(MoneyConversation.client_id == client_id)
        .order_by(MoneyConversation.held_on.desc(), MoneyConversation.id.desc())
    )
    return [_conversation_row(r, client.preferred_name) for r in rows]


class FollowUpOrder(StrEnum):
    """The orders the follow-ups list is read in (each then by date and id)."""

    DUE = "due"
    CLIENT = "client"


def conversation_follow_ups_due(
    session: Session,
    *,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    limit: int | None = None,
    offset: int = 0,
    order: FollowUpOrder = FollowUpOrder.DUE,
    descending: bool = False,
) -> list[ConversationRow]:
    """Money conversations with ``scope``'s clients whose follow-up date has come and that
    aren't followed up yet, the oldest date first (or by client: ``order``); the first
    ``limit`` from ``offset`` when given."""
    query = limited(
        _conversation_follow_ups(scope, FollowUpOrder(order), descending), limit, offset
    )
    rows = plain_rows(session, query, {"today": today})
    return [_conversation_row(row, row.preferred_name, row.full_name) for row in rows]  # type: ignore[arg-type]


def count_conversation_follow_ups_due(
    session: Session, *, today: dt.date, scope: Scope = WHOLE_PRACTICE
) -> int:
    """How many conversations ``conversation_follow_ups_due`` would list without a limit."""
    return count_rows(session, _conversation_follow_ups(scope), {"today": today})


@cache
def _conversation_follow_ups(
    scope: Scope = WHOLE_PRACTICE,
    order: FollowUpOrder = FollowUpOrder.DUE,
    descending: bool = False,
) -> Select:
    """``conversation_follow_ups_due``'s statement, built once per scope and order (Today
    reads it often)."""
    keys: list[Any] = [func.lower(Client.full_name), Client.id] if order == "client" else []
    keys += [MoneyConversation.follow_up_on, MoneyConversation.id]
    return (
        select(
            MoneyConversation.id,
            MoneyConversation.client_id,
            MoneyConversation.interaction_id,
            MoneyConversation.held_on,
            MoneyConversation.topic,
            MoneyConversation.summary,
            MoneyConversation.client_words,
            MoneyConversation.agreed_outcome,
            MoneyConversation.follow_up_on,
            MoneyConversation.follow_up_done_on,
            Client.preferred_name,
            Client.full_name,
        )
        .join(Client, Client.id == MoneyConversation.client_id)
        .where(
            MoneyConversation.follow_up_on.is_not(None),
            MoneyConversation.follow_up_on <= bindparam("today"),
            MoneyConversation.follow_up_done_on.is_(None),
            scope.client_condition(),
        )
        .order_by(*[key.desc() if descending else key for key in keys])
    )


def complete_follow_up(
    session: Session, conversation_id: int, *, done_on: dt.date
) -> ConversationRow:
    row = session.get(MoneyConversation, conversation_id)
    if row is None:
        raise NotFoundError(f"Money conversation {conversation_id} no longer exists.")
    row.follow_up_done_on = done_on
    session.flush()
    audit.record(session, AuditAction.UPDATE, "money_conversation", row.id, ("follow_up_done_on",))
    return _conversation_row(row, _client(session, row.client_id).preferred_name)


# --------------------------------------------------------------------------
# Balances, next gentle steps, the overview
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class BalanceRow:
    client_id: int
    full_name: str
    preferred_name: str
    balance_minor: int
    ageing: Ageing
    next_step: str
    on_plan: bool

    @property
    def id(self) -> int:
        """The client's id (a list row's id)."""
        return self.client_id


def next_gentle_step(
    ageing: Ageing,
    *,
    plan: PlanView | None,
    last_conversation: dt.date | None,
    follow_up_due: dt.date | None,
    today: dt.date,
    locale: str = locale_format.DEFAULT_LOCALE,
) -> str:
    """What to do next about a balance, kindly. Never a threat, never a deadline.

    The dates in it are written for ``locale`` (the text is shown, never stored).
    """
    if follow_up_due is not None:
        due = locale_format.day_month(follow_up_due, locale)
        return f"Follow up the money conversation (due {due})."
    if ageing.credit_minor > 0 and ageing.outstanding_minor == 0:
        return "Credit held: ask whether to keep it for future sessions or refund it."
    if plan is not None and plan.status is PlanStatus.ACTIVE:
        if plan.overdue:
            return "An instalment has passed its date: check in about whether the plan still works."
        upcoming = plan.next_due
        if upcoming is not None:
            due = locale_format.day_month(upcoming.due_on, locale)
            # "19. Dez." already ends the sentence; never "19. Dez.."
            return f"On a payment plan; next instalment {due.removesuffix('.')}."
    if ageing.outstanding_minor == 0:
        return ""
    talked_recently = last_conversation is not None and (today - last_conversation).days <= 30
    if ageing.buckets[Bucket.OVER_90] or ageing.buckets[Bucket.DAYS_61_90]:
        if talked_recently:
            return "Talked recently: give it time, and follow what was agreed."
        return "Offer a conversation about options: the sliding scale or a payment plan."
    if ageing.buckets[Bucket.DAYS_31_60]:
        if talked_recently:
            return "Talked recently: follow what was agreed."
        return "Mention the balance gently at the next session and ask what would help."
    return "Nothing to do yet: it will be on the next statement."


class BalanceOrder(StrEnum):
    """The orders balances are read in (besides by a bucket's amount: a ``Bucket``)."""

    OLDEST = "oldest"  # the oldest debts first, then the largest balance
    CLIENT = "client"
    BALANCE = "balance"


@dataclass(frozen=True)
class BalanceCounts:
    """How many clients a balances list holds (``listed``), and of those how many owe
    something and how many hold credit."""

    listed: int
    owing: int
    in_credit: int


@dataclass(frozen=True)
class BalanceTotals:
    """A balances list in figures: its counts, what is owed by age, the credit held."""

    counts: BalanceCounts
    buckets: dict[Bucket, int]
    credit_minor: int

    @property
    def outstanding_minor(self) -> int:
        return sum(self.buckets.values())


def _balance_figures(listed: Any) -> list[Any]:
    """The aggregates of ``BalanceTotals`` over the rows of ``listed`` (an
    ``_ageing_select`` subquery): owing, in credit, credit, then each bucket."""
    return [
        func.count(case((listed.c.balance > 0, 1))),
        func.count(case((listed.c.balance < 0, 1))),
        func.sum(listed.c.credit),
        *[func.sum(listed.c[name]) for name in _BUCKET_COLUMN.values()],
    ]


def _balance_totals(figures: Sequence[Any]) -> BalanceTotals:
    owing, in_credit, credit, *by_age = (int(value or 0) for value in figures)
    return BalanceTotals(
        BalanceCounts(owing + in_credit, owing, in_credit),
        dict(zip(_BUCKET_COLUMN, by_age, strict=True)),
        credit,
    )


def balances(
    session: Session,
    *,
    today: dt.date,
    search: str = "",
    include_settled: bool = False,
    locale: str = locale_format.DEFAULT_LOCALE,
    scope: Scope = WHOLE_PRACTICE,
    order: BalanceOrder | Bucket = BalanceOrder.OLDEST,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[BalanceRow]:
    """Clients of ``scope`` with something owed or credit held (``include_settled``: and
    those settled), oldest debts first or in ``order``; ``offset``/``limit`` read a page.

    ``search`` is the Clients list's (names, e-mail, phone; accents and case ignored).
    ``locale`` writes the dates of each row's next step.
    """
    listed = _ageing_select(session, today, scope, search).subquery("money_ageing")
    query = select(listed).order_by(*_balance_order(listed, order, descending))
    if not include_settled:
        query = query.where(listed.c.balance != 0)
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    rows = plain_rows(session, query)
    return _balance_rows(session, rows, today=today, locale=locale)


def _balance_order(listed: Any, order: BalanceOrder | Bucket, descending: bool) -> list[Any]:
    name = func.lower(listed.c.full_name)
    if order == BalanceOrder.OLDEST:
        keys = [listed.c.oldest.desc(), listed.c.balance.desc(), name]
    elif order == BalanceOrder.CLIENT:
        keys = [name]
    elif order == BalanceOrder.BALANCE:
        keys = [listed.c.balance, name]
    else:
        keys = [listed.c[_BUCKET_COLUMN[Bucket(order)]], name]
    keys.append(listed.c.client_id)
    return [key.desc() if descending else key for key in keys]


def balance_position(
    session: Session,
    client_id: int,
    *,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    search: str = "",
    order: BalanceOrder | Bucket = BalanceOrder.OLDEST,
    descending: bool = False,
) -> int | None:
    """Where ``client_id`` is in ``balances`` (same arguments), from 0; None when the
    client is not listed (settled, or not in the scope or the search)."""
    listed = _ageing_select(session, today, scope, search).subquery("money_ageing")
    numbered = (
        select(
            listed.c.client_id,
            func.row_number().over(order_by=_balance_order(listed, order, descending)).label("n"),
        )
        .where(listed.c.balance != 0)
        .subquery("money_numbered")
    )
    found = session.scalar(select(numbered.c.n).where(numbered.c.client_id == client_id))
    return None if found is None else int(found) - 1


def _balance_rows(
    session: Session, rows: Sequence[Any], *, today: dt.date, locale: str
) -> list[BalanceRow]:
    """Balance rows with their next gentle step (read for these clients only)."""
    ids = [row.client_id for row in rows]
    if not ids:
        return []
    last_talk = dict(
        session.execute(
            select(MoneyConversation.client_id, func.max(MoneyConversation.held_on))
            .where(MoneyConversation.client_id.in_(ids))
            .group_by(MoneyConversation.client_id)
        ).all()
    )
    due_follow_ups: dict[int, dt.date] = {}
    for client_id, follow_up_on in session.execute(
        select(MoneyConversation.client_id, MoneyConversation.follow_up_on)
        .where(
            MoneyConversation.client_id.in_(ids),
            MoneyConversation.follow_up_on.is_not(None),
            MoneyConversation.follow_up_on <= today,
            MoneyConversation.follow_up_done_on.is_(None),
        )
        .order_by(MoneyConversation.follow_up_on, MoneyConversation.id)
    ):
        due_follow_ups.setdefault(client_id, follow_up_on)
    plans: dict[int, PlanView] = {}
    for plan in session.scalars(
        select(PaymentPlan)
        .where(PaymentPlan.status == PlanStatus.ACTIVE, PaymentPlan.client_id.in_(ids))
        .order_by(PaymentPlan.id)
    ):
        view = _plan_view(session, plan, today)
        if view.status is PlanStatus.ACTIVE:
            plans[plan.client_id] = view
    result = []
    for row in rows:
        age = _ageing_of(row)
        step = next_gentle_step(
            age,
            plan=plans.get(row.client_id),
            last_conversation=last_talk.get(row.client_id),
            follow_up_due=due_follow_ups.get(row.client_id),
            today=today,
            locale=locale,
        )
        result.append(
            BalanceRow(
                row.client_id,
                row.full_name,
                row.preferred_name,
                int(row.balance),
                age,
                step,
                row.client_id in plans,
            )
        )
    return result


def balance_totals(
    session: Session, *, today: dt.date, scope: Scope = WHOLE_PRACTICE, search: str = ""
) -> BalanceTotals:
    """``balances`` for ``scope`` and ``search`` in figures (one statement)."""
    listed = _ageing_select(session, today, scope, search).subquery("money_ageing")
    return _balance_totals(plain_rows(session, select(*_balance_figures(listed)))[0])


def balances_and_totals(
    session: Session,
    *,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    search: str = "",
    order: BalanceOrder | Bucket = BalanceOrder.OLDEST,
    descending: bool = False,
    limit: int | None = None,
    locale: str = locale_format.DEFAULT_LOCALE,
) -> tuple[list[BalanceRow], BalanceTotals]:
    """The first ``limit`` rows of ``balances`` and the whole list's figures, in one
    statement (window sums over every row listed, before the page is cut)."""
    listed = _ageing_select(session, today, scope, search).subquery("money_ageing")
    figures = [
        figure.over().label(f"figure_{n}") for n, figure in enumerate(_balance_figures(listed))
    ]
    query = (
        select(listed, *figures)
        .where(listed.c.balance != 0)
        .order_by(*_balance_order(listed, order, descending))
    )
    if limit is not None:
        query = query.limit(limit)
    rows = plain_rows(session, query)
    totals = _balance_totals(rows[0][-len(figures) :] if rows else [0] * len(figures))
    return _balance_rows(session, rows, today=today, locale=locale), totals


@dataclass(frozen=True)
class Overview:
    received_this_month_minor: int
    refunded_this_month_minor: int
    outstanding_minor: int
    credit_minor: int
    buckets: dict[Bucket, int] = field(default_factory=_empty_buckets)
    #: The sessions waiting to be charged, in figures.
    to_charge: ToChargeTotals = ToChargeTotals(0, 0, 0, 0)
    follow_ups_due: int = 0
    #: How many clients owe something or hold credit.
    balances: BalanceCounts = BalanceCounts(0, 0, 0)

    @property
    def to_confirm(self) -> int:
        """How many sessions wait to be charged."""
        return self.to_charge.count


def overview(session: Session, *, today: dt.date, scope: Scope = WHOLE_PRACTICE) -> Overview:
    """The Money screen's figures for the clients of ``scope``: received this month,
    outstanding by age, credit held, sessions to charge, follow-ups due (SQL sums)."""
    received, refunded = received_this_month(session, today=today, scope=scope)
    balances = balance_totals(session, today=today, scope=scope)
    return Overview(
        received,
        refunded,
        balances.outstanding_minor,
        balances.credit_minor,
        balances.buckets,
        to_charge_totals(session, until=today, scope=scope),
        count_conversation_follow_ups_due(session, today=today, scope=scope),
        balances.counts,
    )


def received_this_month(
    session: Session, *, today: dt.date, scope: Scope = WHOLE_PRACTICE
) -> tuple[int, int]:
    """What the clients of ``scope`` paid, and were refunded, from the 1st to ``today``."""
    paid = select(
        func.sum(case((Payment.kind == PaymentKind.PAYMENT, Payment.amount_minor))),
        func.sum(case((Payment.kind == PaymentKind.REFUND, Payment.amount_minor))),
    ).where(Payment.paid_on >= today.replace(day=1), Payment.paid_on <= today)
    if not scope.whole_practice:
        paid = paid.where(Payment.client_id.in_(scope.client_ids()))
    received, refunded = plain_rows(session, paid)[0]
    return int(received or 0), int(refunded or 0)


# --------------------------------------------------------------------------
# Statements and receipts (contexts for the printing layer)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    client_name: str
    preferred_name: str
    address: str
    start: dt.date
    end: dt.date
    opening_minor: int
    entries: tuple[LedgerEntry, ...]
    charges_minor: int
    payments_minor: int
    closing_minor: int
    plan: PlanView | None


def statement(
    session: Session, client_id: int, *, start: dt.date, end: dt.date, today: dt.date
) -> Statement:
    """The client's account for a period: opening balance, lines, closing balance."""
    client = _client(session, client_id)
    if end < start:
        raise ValidationError.single("end", "The period ends before it starts.")
    ledger = client_ledger(session, client_id)
    opening = 0
    inside = []
    for entry in ledger.entries:
        if entry.day < start:
            opening = entry.balance_minor
        elif entry.day <= end:
            inside.append(entry)
    closing = inside[-1].balance_minor if inside else opening
    return Statement(
        client.full_name,
        client.preferred_name,
        client.address,
        start,
        end,
        opening,
        tuple(inside),
        sum(e.debit_minor for e in inside if e.kind == "charge"),
        sum(e.credit_minor for e in inside if e.kind == "payment"),
        closing,
        active_plan(session, client_id, today=today),
    )


@dataclass(frozen=True)
class Receipt:
    payment: PaymentRow
    client_name: str
    address: str
    balance_after_minor: int


def receipt(session: Session, payment_id: int) -> Receipt:
    payment = session.get(Payment, payment_id)
    if payment is None:
        raise NotFoundError(f"Payment {payment_id} no longer exists.")
    client = _client(session, payment.client_id)
    balance = 0
    for entry in client_ledger(session, client.id).entries:
        balance = entry.balance_minor
        if entry.kind in ("payment", "refund") and entry.ref_id == payment_id:
            break
    return Receipt(_payment_row(payment), client.full_name, client.address, balance)


def client_money(
    session: Session, client_id: int, *, today: dt.date
) -> tuple[Ledger, Ageing, PlanView | None]:
    """What the client page shows: the ledger, its ageing and any plan in progress."""
    return (
        client_ledger(session, client_id),
        client_ageing(session, client_id, today=today),
        active_plan(session, client_id, today=today),
    )


@dataclass(frozen=True)
class PlanNeedingCare:
    client_id: int
    client_name: str
    plan: PlanView


@cache
def _plans_in_progress(scope: Scope = WHOLE_PRACTICE) -> Select:
    """Plans in progress: their columns, the client's preferred name and what has been paid
    towards each (less refunds), in one statement built once."""
    paid = (
        select(
            func.coalesce(
                func.sum(
                    case(
                        (Payment.kind == PaymentKind.REFUND, -Payment.amount_minor),
                        else_=Payment.amount_minor,
                    )
                ),
                0,
            )
        )
        .where(
            Payment.plan_id == PaymentPlan.id,
            Payment.kind.in_([PaymentKind.PAYMENT, PaymentKind.REFUND]),
        )
        .scalar_subquery()
    )
    return (
        select(
            PaymentPlan.id,
            PaymentPlan.client_id,
            PaymentPlan.agreed_on,
            PaymentPlan.total_minor,
            PaymentPlan.status,
            PaymentPlan.note,
            Client.preferred_name,
            paid.label("paid"),
        )
        .join(Client, Client.id == PaymentPlan.client_id)
        .where(PaymentPlan.status == PlanStatus.ACTIVE, scope.client_condition())
    )


def plans_past_their_date(
    session: Session, *, today: dt.date, scope: Scope = WHOLE_PRACTICE
) -> list[PlanNeedingCare]:
    """Plans in progress of ``scope``'s clients with an instalment whose date has passed
    uncovered (oldest first).

    Two statements however many plans: the plans with what was paid, then their
    instalments (the same states as ``_plan_view`` gives one plan).
    """
    rows = plain_rows(session, _plans_in_progress(scope))
    if not rows:
        return []
    instalments: dict[int, list[tuple[int, dt.date, int]]] = defaultdict(list)
    for plan_id, instalment_id, due_on, amount in plain_rows(
        session,
        select(Instalment.plan_id, Instalment.id, Instalment.due_on, Instalment.amount_minor)
        .where(Instalment.plan_id.in_([row.id for row in rows]))
        .order_by(Instalment.plan_id, Instalment.due_on, Instalment.id),
    ):
        instalments[plan_id].append((instalment_id, due_on, amount))
    result = []
    for row in rows:
        view = PlanView(
            row.id,
            row.client_id,
            row.agreed_on,
            row.total_minor,
            PlanStatus(row.status),
            row.note,
            tuple(instalment_states(instalments[row.id], int(row.paid or 0), today)),
        )
        if view.status is PlanStatus.ACTIVE and view.overdue:
            result.append(PlanNeedingCare(row.client_id, row.preferred_name, view))
    result.sort(key=lambda item: (item.plan.overdue[0].due_on, item.client_id))
    return result
