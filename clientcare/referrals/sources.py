"""Incoming referrals: who referred a client to the practice, and the report of
referral sources over a period."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    AuditAction,
    Client,
    Provider,
    Referral,
    ReferralDirection,
    ReferralSourceKind,
    ReferralStatus,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.scope import WHOLE_PRACTICE, Scope
from clientcare.text import check_text, clean_line, fold

MAX_DETAIL = 1_000

SOURCE_LABELS: dict[ReferralSourceKind, str] = {
    ReferralSourceKind.CLIENT: "Another client",
    ReferralSourceKind.PROVIDER: "A provider",
    ReferralSourceKind.WEBSITE: "The website",
    ReferralSourceKind.OTHER: "Other",
}

#: Appointments that count as a client's first appointment (booked and not called off).
_KEPT_APPOINTMENTS = (
    AppointmentStatus.SCHEDULED,
    AppointmentStatus.ARRIVED,
    AppointmentStatus.COMPLETED,
)


@dataclass(frozen=True)
class SourceInput:
    """Who referred a client to the practice."""

    kind: ReferralSourceKind
    referred_on: dt.date
    source_client_id: int | None = None
    provider_id: int | None = None
    detail: str = ""


@dataclass(frozen=True)
class SourceRow:
    """A client's incoming referral source, with a label for people."""

    referral_id: int
    kind: ReferralSourceKind
    source_client_id: int | None
    provider_id: int | None
    detail: str
    referred_on: dt.date
    label: str


@dataclass(frozen=True)
class SourceReportRow:
    """One line of the referral-sources report over a period."""

    kind: ReferralSourceKind | None
    label: str
    clients_referred: int
    first_appointments: int


def _source_label(session: Session, referral: Referral) -> str:
    kind = referral.source_kind
    detail = referral.source_detail.strip()
    if kind is ReferralSourceKind.CLIENT and referral.source_client_id is not None:
        name = session.scalar(
            select(Client.full_name).where(Client.id == referral.source_client_id)
        )
        label = f"{name} (a client)" if name else "Another client"
    elif kind is ReferralSourceKind.PROVIDER and referral.provider_id is not None:
        label = session.scalar(
            select(Provider.name).where(Provider.id == referral.provider_id)
        ) or ("A provider")
    else:
        label = SOURCE_LABELS[kind] if kind is not None else "Not recorded"
    return f"{label} — {detail}" if detail else label


def _incoming(session: Session, client_id: int) -> Referral | None:
    return session.scalars(
        select(Referral)
        .where(
            Referral.client_id == client_id,
            Referral.direction == ReferralDirection.INCOMING,
        )
        .order_by(Referral.referred_on.desc(), Referral.id.desc())
        .limit(1)
    ).first()


def referral_source(session: Session, client_id: int) -> SourceRow | None:
    """Who referred the client to the practice, or None when nobody recorded it."""
    referral = _incoming(session, client_id)
    if referral is None or referral.source_kind is None:
        return None
    return SourceRow(
        referral_id=referral.id,
        kind=referral.source_kind,
        source_client_id=referral.source_client_id,
        provider_id=referral.provider_id,
        detail=referral.source_detail,
        referred_on=referral.referred_on,
        label=_source_label(session, referral),
    )


def set_referral_source(
    session: Session, client_id: int, data: SourceInput, *, today: dt.date
) -> SourceRow:
    """Record (or replace) who referred the client to the practice.

    Another client and a provider must be named; "other" needs a few words. Raises
    ValidationError (nothing stored) or NotFoundError when the client is gone.
    """
    if session.get(Client, client_id) is None:
        raise NotFoundError(f"Client {client_id} no longer exists.")
    errors: list[FieldError] = []
    detail = clean_line(data.detail)
    problem = check_text("source_detail", "The detail", detail, max_length=MAX_DETAIL)
    if problem:
        errors.append(problem)
    kind = data.kind
    source_client_id = provider_id = None
    if not isinstance(kind, ReferralSourceKind):
        errors.append(FieldError("source_kind", "Choose who referred the client."))
    elif kind is ReferralSourceKind.CLIENT:
        if data.source_client_id is None or session.get(Client, data.source_client_id) is None:
            errors.append(FieldError("source_client_id", "Choose the client who referred them."))
        elif data.source_client_id == client_id:
            errors.append(
                FieldError("source_client_id", "A client cannot be their own referral source.")
            )
        source_client_id = data.source_client_id
    elif kind is ReferralSourceKind.PROVIDER:
        if data.provider_id is None or session.get(Provider, data.provider_id) is None:
            errors.append(
                FieldError("source_provider_id", "Choose the provider from the directory.")
            )
        provider_id = data.provider_id
    elif kind is ReferralSourceKind.OTHER and not detail:
        errors.append(
            FieldError("source_detail", "Say in a few words how they found the practice.")
        )
    if not isinstance(data.referred_on, dt.date):
        errors.append(FieldError("source_referred_on", "Enter when they were referred."))
    elif data.referred_on > today:
        errors.append(
            FieldError("source_referred_on", "The referral date cannot be in the future.")
        )
    if errors:
        raise ValidationError(errors)
    values = {
        "source_kind": kind,
        "source_client_id": source_client_id,
        "provider_id": provider_id,
        "source_detail": detail,
        "referred_on": data.referred_on,
    }
    referral = _incoming(session, client_id)
    if referral is None:
        referral = Referral(
            client_id=client_id,
            direction=ReferralDirection.INCOMING,
            status=ReferralStatus.ACCEPTED,
            **values,
        )
        session.add(referral)
        session.flush()
        audit.record(session, AuditAction.CREATE, "referral", referral.id, values)
    else:
        audit.apply_changes(session, referral, "referral", referral.id, values)
    source = referral_source(session, client_id)
    assert source is not None
    return source


def clear_referral_source(session: Session, client_id: int) -> None:
    """Forget who referred the client (recorded on the wrong client, say)."""
    referral = _incoming(session, client_id)
    if referral is None:
        return
    referral_id = referral.id
    session.delete(referral)
    session.flush()
    audit.record(session, AuditAction.DELETE, "referral", referral_id)


def referral_sources_report(
    session: Session, start: dt.date, end: dt.date, scope: Scope = WHOLE_PRACTICE
) -> list[SourceReportRow]:
    """Per referral source: clients referred in [start, end], and first appointments then
    (of the clients of ``scope``).

    A client's first appointment is their earliest appointment that was kept or is still
    booked (cancelled, rescheduled and missed ones do not count); it counts for the
    period when it falls in it, whenever the referral was made. Providers are named;
    other clients, the website and "other" are one line each. Clients added in the
    period with no source recorded are a last line, "Not recorded".
    """

    def in_scope(column: Any) -> list[ColumnElement[bool]]:
        return [] if scope.whole_practice else [column.in_(scope.client_ids())]

    def first_kept(client_id: Any) -> Any:
        # Per client asked about, by the (client, start) index: stops at the first kept
        # one (not a pass over every client's appointments of the practice).
        return (
            select(Appointment.start)
            .where(
                Appointment.client_id == client_id,
                Appointment.status.in_([s.value for s in _KEPT_APPOINTMENTS]),
            )
            .order_by(Appointment.start)
            .limit(1)
            .scalar_subquery()
        )

    rows = session.execute(
        select(Referral, Provider.name, first_kept(Referral.client_id))
        .outerjoin(Provider, Provider.id == Referral.provider_id)
        .where(Referral.direction == ReferralDirection.INCOMING, *in_scope(Referral.client_id))
        .order_by(Referral.client_id, Referral.referred_on.desc(), Referral.id.desc())
    ).all()
    referred: dict[tuple[ReferralSourceKind | None, str], int] = defaultdict(int)
    first: dict[tuple[ReferralSourceKind | None, str], int] = defaultdict(int)
    seen: set[int] = set()
    for referral, provider_name, first_start in rows:
        if referral.client_id in seen:
            continue  # only the latest source of a client counts
        seen.add(referral.client_id)
        kind = referral.source_kind
        if kind is ReferralSourceKind.PROVIDER and provider_name:
            label = provider_name
        else:
            label = SOURCE_LABELS[kind] if kind is not None else "Not recorded"
        key = (kind, label)
        referred[key] += start <= referral.referred_on <= end
        first[key] += first_start is not None and start <= first_start.date() <= end
    unrecorded = [
        first_start
        for client_id, first_start in session.execute(
            select(Client.id, first_kept(Client.id)).where(
                scope.client_condition(),
                Client.created_at >= dt.datetime.combine(start, dt.time()),
                Client.created_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()),
            )
        )
        if client_id not in seen
    ]
    if unrecorded:
        key = (None, "Not recorded")
        referred[key] += len(unrecorded)
        first[key] += sum(1 for when in unrecorded if when and start <= when.date() <= end)
    report = [
        SourceReportRow(kind, label, referred[(kind, label)], first[(kind, label)])
        for kind, label in referred
        if referred[(kind, label)] or first[(kind, label)]
    ]
    return sorted(
        report,
        key=lambda row: (
            row.kind is None,
            -row.clients_referred,
            -row.first_appointments,
            fold(row.label),
        ),
    )
