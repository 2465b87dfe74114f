"""The fee schedule (services, sliding-scale tiers, each client's fee arrangement), what a
session costs a client on a day (``fee_for``), and the practice's fee policy for late
cancellations and missed sessions, and its charge mode."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.config import DEFAULT_SESSION_MINUTES
from clientcare.db.models import (
    Appointment,
    AuditAction,
    ChargeKind,
    ChargeMode,
    FeeArrangement,
    PracticeSettings,
    Service,
    SlidingScaleTier,
)
from clientcare.errors import FieldError, NotFoundError
from clientcare.money._shared import (
    MAX_NAME,
    MAX_NOTE,
    _amount,
    _client,
    _date,
    _practice,
    _raise,
    _sum,
    _text,
)


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
    default_minutes: int = DEFAULT_SESSION_MINUTES
    active: bool = True


def list_services(session: Session, *, include_inactive: bool = True) -> list[ServiceRow]:
    query = select(Service).order_by(Service.active.desc(), Service.name)
    if not include_inactive:
        query = query.where(Service.active.is_(True))
    return [
        ServiceRow(s.id, s.name, s.standard_fee_minor, s.default_minutes, s.active)
        for s in session.scalars(query)
    ]


#: How far back "the service usually booked" looks.
USUAL_SERVICE_DAYS = 90


def usual_service_id(session: Session, *, today: dt.date) -> int | None:
    """The active service booked most often in the last ``USUAL_SERVICE_DAYS`` days (the
    only active one when there is just one; None when nothing says which)."""
    since = dt.datetime.combine(today - dt.timedelta(days=USUAL_SERVICE_DAYS), dt.time())
    booked = func.count(Appointment.id)
    found = session.execute(
        select(Service.id)
        .join(Appointment, Appointment.service_id == Service.id)
        .where(Service.active.is_(True), Appointment.start >= since)
        .group_by(Service.id)
        .order_by(booked.desc(), Service.id)
        .limit(1)
    ).scalar()
    if found is not None:
        return int(found)
    active = session.scalars(select(Service.id).where(Service.active.is_(True)).limit(2)).all()
    return int(active[0]) if len(active) == 1 else None


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
        found = session.get(Service, service_id)
        if found is None:
            raise NotFoundError(f"Service {service_id} no longer exists.")
        service = found
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
        found = session.get(SlidingScaleTier, tier_id)
        if found is None:
            raise NotFoundError(f"Tier {tier_id} no longer exists.")
        tier = found
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


def _policy_fee(settings: PracticeSettings | None, kind: ChargeKind) -> int | None:
    if settings is None:
        return None
    fee = (
        settings.late_cancel_fee_minor
        if kind is ChargeKind.LATE_CANCEL
        else settings.no_show_fee_minor
    )
    return fee if fee else None


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
