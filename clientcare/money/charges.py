"""Charges: proposing and charging an appointment's outcome (a session, a late
cancellation, a missed session), charges by hand, waiving and deleting them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientcare import audit, concurrency
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    AuditAction,
    Charge,
    ChargeKind,
    ChargeMode,
    ChargeStatus,
    PracticeSettings,
    Service,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.money._shared import (
    KIND_LABELS,
    MAX_NAME,
    MAX_REASON,
    _amount,
    _client,
    _date,
    _practice,
    _raise,
    _text,
    money_text,
)
from clientcare.money.fees import _policy_fee, charge_mode, fee_for
from clientcare.money.grace import grace_for
from clientcare.money.ledger import _allocate


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
