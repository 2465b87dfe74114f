"""Referrals: the provider directory, referrals out and in, warm hand-offs and follow-ups.

"Be quick to refer to someone who may be a better fit" (principle 7) only helps the
client when the loop is closed: someone asks, on a date, whether they connected. So an
outgoing referral always has a follow-up date, and the follow-ups that are due (overdue
first) are what Today and the Referrals screen show.

Every public function that writes takes an open session inside a unit of work (one
user action), validates everything first, and returns plain data, never an ORM object.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, case, func, or_, select
from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.clients import normalise_email, normalise_phone
from clientcare.db.engine import count_rows, limited, plain_rows
from clientcare.db.lists import SortKey, every_word, nulls_last, ordered, position
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    AuditAction,
    Client,
    Interaction,
    InteractionState,
    Practitioner,
    Provider,
    ProviderKind,
    Referral,
    ReferralDirection,
    ReferralSourceKind,
    ReferralStatus,
    ReferralUrgency,
    WarmHandoff,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError

if TYPE_CHECKING:
    from clientcare.printouts import Printout
from clientcare.scope import WHOLE_PRACTICE, Scope
from clientcare.text import check_text, clean_line, fold

MAX_NAME = 200
MAX_SPECIALTY = 200
MAX_ADDRESS = 1000
MAX_NOTES = 20_000
MAX_REASON = 5_000
MAX_ANSWER = 5_000
MAX_DETAIL = 1_000
#: Names this similar (difflib ratio of the folded names) are probably the same provider.
DUPLICATE_RATIO = 0.9
#: The follow-up date offered for a new referral: two weeks is long enough to have called.
DEFAULT_FOLLOW_UP_DAYS = 14

STATUS_LABELS: dict[ReferralStatus, str] = {
    ReferralStatus.SUGGESTED: "Suggested",
    ReferralStatus.INTRODUCED: "Introduced",
    ReferralStatus.ACCEPTED: "Accepted",
    ReferralStatus.DECLINED: "Declined",
    ReferralStatus.COMPLETED: "Completed",
}
URGENCY_LABELS: dict[ReferralUrgency, str] = {
    ReferralUrgency.ROUTINE: "Routine",
    ReferralUrgency.SOON: "Soon",
    ReferralUrgency.URGENT: "Urgent",
}
HANDOFF_LABELS: dict[WarmHandoff, str] = {
    WarmHandoff.NONE: "Not yet",
    WarmHandoff.IN_PERSON: "Introduced in person",
    WarmHandoff.COWORKER_CALLS: "They will call the client",
}
KIND_LABELS: dict[ProviderKind, str] = {
    ProviderKind.EXTERNAL: "External provider",
    ProviderKind.INTERNAL: "Co-worker",
}
SOURCE_LABELS: dict[ReferralSourceKind, str] = {
    ReferralSourceKind.CLIENT: "Another client",
    ReferralSourceKind.PROVIDER: "A provider",
    ReferralSourceKind.WEBSITE: "The website",
    ReferralSourceKind.OTHER: "Other",
}

# Where a referral can go from each status. A suggestion may be taken up directly
# (the client phoned the provider themselves) or turned down; declined and completed
# are where a referral ends.
STATUS_TRANSITIONS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    ReferralStatus.SUGGESTED: frozenset(
        {ReferralStatus.INTRODUCED, ReferralStatus.ACCEPTED, ReferralStatus.DECLINED}
    ),
    ReferralStatus.INTRODUCED: frozenset({ReferralStatus.ACCEPTED, ReferralStatus.DECLINED}),
    ReferralStatus.ACCEPTED: frozenset({ReferralStatus.COMPLETED}),
    ReferralStatus.DECLINED: frozenset(),
    ReferralStatus.COMPLETED: frozenset(),
}
OPEN_STATUSES: frozenset[ReferralStatus] = frozenset(
    status for status, targets in STATUS_TRANSITIONS.items() if targets
)
#: Appointments that count as a client's first appointment (booked and not called off).
_KEPT_APPOINTMENTS = (
    AppointmentStatus.SCHEDULED,
    AppointmentStatus.ARRIVED,
    AppointmentStatus.COMPLETED,
)


# --------------------------------------------------------------------------
# Plain data in and out
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ProviderInput:
    """What the provider form collects; strings as typed."""

    name: str
    kind: ProviderKind = ProviderKind.EXTERNAL
    practitioner_id: int | None = None
    specialty: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    notes: str = ""
    accepting_clients: bool = True


@dataclass(frozen=True)
class ProviderRow:
    """One provider of the directory, with how many referrals name it."""

    id: int
    name: str
    kind: ProviderKind
    practitioner_id: int | None
    specialty: str
    phone: str
    email: str
    address: str
    notes: str
    accepting_clients: bool
    archived: bool
    referral_count: int = 0
    open_referral_count: int = 0

    def as_input(self) -> ProviderInput:
        return ProviderInput(
            name=self.name,
            kind=self.kind,
            practitioner_id=self.practitioner_id,
            specialty=self.specialty,
            phone=self.phone,
            email=self.email,
            address=self.address,
            notes=self.notes,
            accepting_clients=self.accepting_clients,
        )


@dataclass(frozen=True)
class ReferralInput:
    """A new outgoing referral (or the editable part of an existing one)."""

    client_id: int | None
    provider_id: int | None
    reason: str
    follow_up_on: dt.date | None
    referred_on: dt.date
    urgency: ReferralUrgency = ReferralUrgency.ROUTINE
    interaction_id: int | None = None
    consent_to_share_on: dt.date | None = None


@dataclass(frozen=True)
class ReferralRow:
    """One outgoing referral, with where its follow-up stands on ``today``."""

    id: int
    client_id: int
    client_name: str
    client_preferred_name: str
    provider_id: int
    provider_name: str
    provider_kind: ProviderKind
    provider_accepting: bool
    reason: str
    urgency: ReferralUrgency
    status: ReferralStatus
    warm_handoff: WarmHandoff
    handoff_on: dt.date | None
    follow_up_on: dt.date | None
    connected: bool | None
    follow_up_answer: str
    followed_up_on: dt.date | None
    consent_to_share_on: dt.date | None
    referred_on: dt.date
    interaction_id: int | None
    follow_up_due: bool
    days_overdue: int

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


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


@dataclass(frozen=True)
class FollowUpInput:
    """The answer to "did they connect?".

    ``close``: when connected, the referral is completed; when not, it is declined (the
    client is not going ahead). Otherwise it stays open, and ``ask_again_on`` (needed
    when they have not connected) is the next follow-up date.
    """

    connected: bool
    answer: str = ""
    close: bool = False
    ask_again_on: dt.date | None = None


class DuplicateProviderError(ValidationError):
    """A provider with (nearly) the same name is already in the directory.

    A ValidationError on "name", so the form shows it next to the name; the caller may
    repeat the action with ``allow_duplicate=True`` ("Add anyway").
    """

    def __init__(self, matches: list[str]) -> None:
        self.matches = tuple(matches)
        names = ", ".join(f"“{name}”" for name in matches)
        super().__init__(
            [
                FieldError(
                    "name",
                    f"The directory already has {names}. If this is someone else, "
                    "choose “Add anyway”; otherwise use the existing entry.",
                )
            ]
        )


# --------------------------------------------------------------------------
# Provider directory
# --------------------------------------------------------------------------


def _provider_row(provider: Provider, counts: tuple[int, int] = (0, 0)) -> ProviderRow:
    return ProviderRow(
        id=provider.id,
        name=provider.name,
        kind=provider.kind,
        practitioner_id=provider.practitioner_id,
        specialty=provider.specialty,
        phone=provider.phone,
        email=provider.email,
        address=provider.address,
        notes=provider.notes,
        accepting_clients=provider.accepting_clients,
        archived=provider.archived,
        referral_count=counts[0],
        open_referral_count=counts[1],
    )


def _referral_counts(
    session: Session, provider_ids: list[int] | None = None
) -> dict[int, tuple[int, int]]:
    """Per provider (of ``provider_ids``, or every one): the referrals naming it, and how
    many of them are open."""
    query = (
        select(Referral.provider_id, Referral.status, func.count())
        .where(Referral.provider_id.is_not(None))
        .group_by(Referral.provider_id, Referral.status)
    )
    if provider_ids is not None:
        query = query.where(Referral.provider_id.in_(provider_ids))
    rows = session.execute(query).all()
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for provider_id, status, count in rows:
        counts[provider_id][0] += count
        if status in OPEN_STATUSES:
            counts[provider_id][1] += count
    return {key: (value[0], value[1]) for key, value in counts.items()}


class ProviderSort(StrEnum):
    """What the provider directory can be ordered by (each also turned around)."""

    NAME = "name"
    KIND = "kind"
    SPECIALTY = "specialty"
    ACCEPTING = "accepting"
    PHONE = "phone"
    OPEN_REFERRALS = "open_referrals"


def _open_referrals_of_provider() -> Any:
    return (
        select(func.count(Referral.id))
        .where(Referral.provider_id == Provider.id, Referral.status.in_(sorted(OPEN_STATUSES)))
        .scalar_subquery()
    )


def _providers_query(text: str, include_archived: bool) -> Select:
    conditions = every_word(
        text, plain=(Provider.name, Provider.specialty, Provider.notes, Provider.email)
    )
    if not include_archived:
        conditions.append(Provider.archived.is_(False))
    return select(Provider).where(*conditions)


def _provider_order(sort: ProviderSort, descending: bool) -> list[Any]:
    keys: list[SortKey]
    match sort:
        case ProviderSort.NAME:
            keys = [func.lower(Provider.name)]
        case ProviderSort.KIND:
            keys = [Provider.kind, func.lower(Provider.name)]
        case ProviderSort.SPECIALTY:
            keys = [func.lower(Provider.specialty), func.lower(Provider.name)]
        case ProviderSort.ACCEPTING:  # accepting first
            keys = [(Provider.accepting_clients, True), func.lower(Provider.name)]
        case ProviderSort.PHONE:
            keys = [Provider.phone]
        case ProviderSort.OPEN_REFERRALS:
            keys = [_open_referrals_of_provider(), func.lower(Provider.name)]
    return ordered(keys, Provider.id, descending)


def list_providers(
    session: Session,
    text: str = "",
    *,
    include_archived: bool = False,
    sort: ProviderSort = ProviderSort.NAME,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[ProviderRow]:
    """The directory by name (or in the order asked); every word of ``text`` must match
    the name, specialty, notes or e-mail (case and accents ignored); ``offset``/``limit``:
    one page. Filtered and ordered in SQL."""
    query = _providers_query(text, include_archived).order_by(*_provider_order(sort, descending))
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    providers = session.scalars(query).all()
    counts = _referral_counts(session, [provider.id for provider in providers]) if providers else {}
    return [_provider_row(provider, counts.get(provider.id, (0, 0))) for provider in providers]


def count_providers(session: Session, text: str = "", *, include_archived: bool = False) -> int:
    """How many providers ``list_providers`` lists without a limit."""
    return count_rows(session, _providers_query(text, include_archived))


def provider_position(
    session: Session,
    provider_id: int,
    text: str = "",
    *,
    include_archived: bool = False,
    sort: ProviderSort = ProviderSort.NAME,
    descending: bool = False,
) -> int | None:
    """Where ``provider_id`` is in ``list_providers`` (from 0); None if not listed."""
    query = position(
        _providers_query(text, include_archived), _provider_order(sort, descending), Provider.id
    )
    rows = plain_rows(session, query, {"row_id": provider_id})
    return int(rows[0][0]) if rows else None


def get_provider(session: Session, provider_id: int) -> ProviderRow:
    """One provider; raises NotFoundError if it is gone."""
    provider = session.get(Provider, provider_id)
    if provider is None:
        raise NotFoundError("That provider is no longer in the directory.")
    counts = _referral_counts(session, [provider.id])
    return _provider_row(provider, counts.get(provider.id, (0, 0)))


def near_duplicates(session: Session, name: str, *, exclude_id: int | None = None) -> list[str]:
    """Names in the directory that are the same or nearly the same as ``name``.

    Case and accents are ignored ("Dr Zoë Ng" matches "dr zoe ng"), and names at
    least 90 % alike count (a typo, a missing full stop).
    """
    wanted = " ".join(fold(name).replace(".", " ").split())
    if not wanted:
        return []
    query = select(Provider.id, Provider.name).order_by(Provider.name)
    found = []
    for provider_id, existing in session.execute(query):
        if provider_id == exclude_id:
            continue
        folded = " ".join(fold(existing).replace(".", " ").split())
        if (
            folded == wanted
            or difflib.SequenceMatcher(None, folded, wanted).ratio() >= DUPLICATE_RATIO
        ):
            found.append(existing)
    return found


def _clean_provider(
    session: Session, data: ProviderInput, *, region: str | None, provider_id: int | None
) -> ProviderInput:
    """The cleaned input, or ValidationError listing every problem."""
    errors: list[FieldError] = []
    cleaned = replace(
        data,
        name=clean_line(data.name),
        specialty=clean_line(data.specialty),
        address=data.address.strip(),
        notes=data.notes.strip(),
    )
    if not isinstance(data.kind, ProviderKind):
        errors.append(FieldError("kind", "Choose whether this is a co-worker or external."))
    elif data.kind is ProviderKind.INTERNAL:
        practitioner = (
            session.get(Practitioner, data.practitioner_id)
            if data.practitioner_id is not None
            else None
        )
        if practitioner is None:
            errors.append(
                FieldError("practitioner_id", "Choose which practitioner of the practice this is.")
            )
        else:
            taken = session.scalar(
                select(Provider.name).where(
                    Provider.practitioner_id == practitioner.id,
                    Provider.id != (provider_id or 0),
                )
            )
            if taken is not None:
                errors.append(
                    FieldError(
                        "practitioner_id",
                        f"{practitioner.full_name} is already in the directory as “{taken}”.",
                    )
                )
            if not cleaned.name:
                cleaned = replace(cleaned, name=practitioner.full_name)
    else:
        cleaned = replace(cleaned, practitioner_id=None)
    if not cleaned.name:
        errors.append(FieldError("name", "Please enter the provider's name."))
    for field, label, value, limit, multiline in (
        ("name", "The name", cleaned.name, MAX_NAME, False),
        ("specialty", "The specialty", cleaned.specialty, MAX_SPECIALTY, False),
        ("address", "The address", cleaned.address, MAX_ADDRESS, True),
        ("notes", "The notes", cleaned.notes, MAX_NOTES, True),
    ):
        problem = check_text(field, label, value, max_length=limit, multiline=multiline)
        if problem and not any(e.field == field for e in errors):
            errors.append(problem)
    email, problem = normalise_email(data.email)
    if problem:
        errors.append(problem)
    phone, problem = normalise_phone(data.phone, region)
    if problem:
        errors.append(problem)
    if errors:
        raise ValidationError(errors)
    return replace(
        cleaned, email=email, phone=phone, accepting_clients=bool(cleaned.accepting_clients)
    )


_PROVIDER_FIELDS = (
    "name",
    "kind",
    "practitioner_id",
    "specialty",
    "phone",
    "email",
    "address",
    "notes",
    "accepting_clients",
)


def create_provider(
    session: Session, data: ProviderInput, *, region: str | None, allow_duplicate: bool = False
) -> ProviderRow:
    """Add a provider to the directory.

    Raises ValidationError (nothing stored) listing every problem, or
    DuplicateProviderError when a near-identical name exists and ``allow_duplicate``
    is not set.
    """
    cleaned = _clean_provider(session, data, region=region, provider_id=None)
    if not allow_duplicate:
        matches = near_duplicates(session, cleaned.name)
        if matches:
            raise DuplicateProviderError(matches)
    provider = Provider(**{name: getattr(cleaned, name) for name in _PROVIDER_FIELDS})
    session.add(provider)
    session.flush()
    audit.record(session, AuditAction.CREATE, "provider", provider.id, _PROVIDER_FIELDS)
    return _provider_row(provider)


def _load_provider(session: Session, provider_id: int) -> Provider:
    provider = session.get(Provider, provider_id)
    if provider is None:
        raise NotFoundError("That provider is no longer in the directory.")
    return provider


def update_provider(
    session: Session,
    provider_id: int,
    data: ProviderInput,
    *,
    region: str | None,
    allow_duplicate: bool = False,
) -> ProviderRow:
    """Store changes to a provider; raises like ``create_provider``, or NotFoundError."""
    provider = _load_provider(session, provider_id)
    cleaned = _clean_provider(session, data, region=region, provider_id=provider_id)
    if not allow_duplicate and fold(cleaned.name) != fold(provider.name):
        matches = near_duplicates(session, cleaned.name, exclude_id=provider_id)
        if matches:
            raise DuplicateProviderError(matches)
    values = {name: getattr(cleaned, name) for name in _PROVIDER_FIELDS}
    audit.apply_changes(session, provider, "provider", provider_id, values)
    return get_provider(session, provider_id)


def set_archived(session: Session, provider_id: int, archived: bool) -> ProviderRow:
    """Archive a provider (kept on its referrals, no longer offered) or bring it back."""
    provider = _load_provider(session, provider_id)
    audit.apply_changes(session, provider, "provider", provider_id, {"archived": archived})
    return get_provider(session, provider_id)


def delete_provider(session: Session, provider_id: int) -> None:
    """Remove a provider that no referral names.

    Raises ValidationError when referrals name it (archive it instead), NotFoundError
    when it is already gone.
    """
    provider = _load_provider(session, provider_id)
    used = session.scalar(
        select(func.count()).select_from(Referral).where(Referral.provider_id == provider_id)
    )
    if used:
        referrals = "1 referral" if used == 1 else f"{used} referrals"
        raise ValidationError.single(
            "provider_id",
            f"{provider.name} is named in {referrals}, so it cannot be deleted. "
            "Archive it instead: it stays on those referrals but is no longer offered.",
        )
    session.delete(provider)
    session.flush()
    audit.record(session, AuditAction.DELETE, "provider", provider_id)


def add_coworkers(session: Session) -> list[ProviderRow]:
    """Put every active practitioner not yet in the directory in it, as a co-worker."""
    listed = set(
        session.scalars(
            select(Provider.practitioner_id).where(Provider.practitioner_id.is_not(None))
        )
    )
    added = []
    for practitioner in session.scalars(
        select(Practitioner).where(Practitioner.active.is_(True)).order_by(Practitioner.full_name)
    ):
        if practitioner.id in listed:
            continue
        provider = Provider(
            name=practitioner.full_name,
            kind=ProviderKind.INTERNAL,
            practitioner_id=practitioner.id,
            phone=practitioner.phone,
            email=practitioner.email,
        )
        session.add(provider)
        session.flush()
        audit.record(session, AuditAction.CREATE, "provider", provider.id, _PROVIDER_FIELDS)
        added.append(_provider_row(provider))
    return added


def not_accepting_message(provider_name: str) -> str:
    """The warning shown when referring to a provider who is not taking new clients."""
    return (
        f"{provider_name} is marked as not accepting new clients. You can still refer; "
        "check with them first, or choose someone who is."
    )


# --------------------------------------------------------------------------
# Outgoing referrals
# --------------------------------------------------------------------------


def _is_due(referral: Referral, today: dt.date) -> bool:
    """Open, the follow-up date has come, and nobody has asked since it was set."""
    return (
        referral.status in OPEN_STATUSES
        and referral.follow_up_on is not None
        and referral.follow_up_on <= today
        and (referral.followed_up_on is None or referral.followed_up_on < referral.follow_up_on)
    )


def _referral_row(
    referral: Referral, client: Client, provider: Provider, today: dt.date
) -> ReferralRow:
    due = _is_due(referral, today)
    return ReferralRow(
        id=referral.id,
        client_id=client.id,
        client_name=client.full_name,
        client_preferred_name=client.preferred_name,
        provider_id=provider.id,
        provider_name=provider.name,
        provider_kind=provider.kind,
        provider_accepting=provider.accepting_clients,
        reason=referral.reason,
        urgency=referral.urgency,
        status=referral.status,
        warm_handoff=referral.warm_handoff,
        handoff_on=referral.handoff_on,
        follow_up_on=referral.follow_up_on,
        connected=referral.connected,
        follow_up_answer=referral.follow_up_answer,
        followed_up_on=referral.followed_up_on,
        consent_to_share_on=referral.consent_to_share_on,
        referred_on=referral.referred_on,
        interaction_id=referral.interaction_id,
        follow_up_due=due,
        days_overdue=(today - referral.follow_up_on).days if due and referral.follow_up_on else 0,
    )


_STATUS_ORDER = {status: number for number, status in enumerate(ReferralStatus)}


def sort_key(row: ReferralRow) -> tuple[int, int, int, dt.date, int]:
    """Due follow-ups first (the most overdue at the top), then by status and date."""
    return (
        0 if row.follow_up_due else 1,
        -row.days_overdue,
        _STATUS_ORDER[row.status],
        row.follow_up_on or dt.date.max,
        row.id,
    )


class ReferralSort(StrEnum):
    """What the list of referrals can be ordered by (each also turned around)."""

    FOLLOW_UP = "follow_up"  # due first, the most overdue first (``sort_key``)
    CLIENT = "client"
    PROVIDER = "provider"
    STATUS = "status"
    URGENCY = "urgency"
    HANDOFF = "handoff"
    REFERRED = "referred"


def _referral_columns() -> tuple[Any, ...]:
    """What ``_row_from_columns`` reads: the referral, its client's names, its provider."""
    return (
        *(getattr(Referral, name) for name in _ROW_COLUMNS),
        Client.full_name.label("client_full_name"),
        Client.preferred_name.label("client_preferred_name"),
        Provider.name.label("provider_name"),
        Provider.kind.label("provider_kind"),
        Provider.accepting_clients.label("accepting"),
    )


def _row_from_columns(row: Any, today: dt.date) -> ReferralRow:
    return _referral_row(
        row,
        _Named(row.client_id, row.client_full_name, row.client_preferred_name),  # type: ignore[arg-type]
        _ProviderNamed(row.provider_id, row.provider_name, row.provider_kind, row.accepting),  # type: ignore[arg-type]
        today,
    )


def _referrals_query(text: str, open_only: bool, client_id: int | None, scope: Scope) -> Select:
    """The outgoing referrals a list shows (no order)."""
    conditions = every_word(text, plain=(Provider.name, Referral.reason), keys=(Client.search_key,))
    if open_only:
        conditions.append(Referral.status.in_(sorted(OPEN_STATUSES)))
    if client_id is not None:
        conditions.append(Referral.client_id == client_id)
    if not scope.whole_practice:
        conditions.append(scope.client_condition())
    return (
        select(*_referral_columns())
        .join(Client, Client.id == Referral.client_id)
        .join(Provider, Provider.id == Referral.provider_id)
        .where(Referral.direction == ReferralDirection.OUTGOING, *conditions)
    )


def _status_rank() -> Any:
    return case(
        {status.value: rank for status, rank in _STATUS_ORDER.items()},
        value=Referral.status,
        else_=len(_STATUS_ORDER),
    )


def _due_condition() -> ColumnElement[bool]:
    """``_is_due`` in SQL, on the day bound as ``today``."""
    return and_(
        Referral.status.in_(sorted(OPEN_STATUSES)),
        Referral.follow_up_on.is_not(None),
        Referral.follow_up_on <= bindparam("today"),
        or_(Referral.followed_up_on.is_(None), Referral.followed_up_on < Referral.follow_up_on),
    )


def _referral_order(sort: ReferralSort, descending: bool) -> list[Any]:
    keys: list[SortKey]
    match sort:
        case ReferralSort.FOLLOW_UP:
            # ``sort_key``: due first, the most overdue (earliest date) first; then the
            # status and the follow-up date (none last).
            due = _due_condition()
            keys = [
                case((due, 0), else_=1),
                case((due, Referral.follow_up_on), else_=None),
                _status_rank(),
                *nulls_last(Referral.follow_up_on),
            ]
        case ReferralSort.CLIENT:
            keys = [func.lower(Client.full_name)]
        case ReferralSort.PROVIDER:
            keys = [func.lower(Provider.name)]
        case ReferralSort.STATUS:
            keys = [_status_rank()]
        case ReferralSort.URGENCY:
            keys = [
                case(
                    {urgency.value: rank for rank, urgency in enumerate(ReferralUrgency)},
                    value=Referral.urgency,
                    else_=len(ReferralUrgency),
                )
            ]
        case ReferralSort.HANDOFF:
            keys = [
                case(
                    {handoff.value: rank for rank, handoff in enumerate(WarmHandoff)},
                    value=Referral.warm_handoff,
                    else_=len(WarmHandoff),
                ),
                *nulls_last(Referral.handoff_on),
            ]
        case ReferralSort.REFERRED:
            keys = [Referral.referred_on]
    return ordered(keys, Referral.id, descending)


def list_referrals(
    session: Session,
    *,
    today: dt.date,
    text: str = "",
    open_only: bool = True,
    client_id: int | None = None,
    scope: Scope = WHOLE_PRACTICE,
    sort: ReferralSort = ReferralSort.FOLLOW_UP,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[ReferralRow]:
    """Outgoing referrals of ``scope``'s clients (or one client), due follow-ups first
    (see ``sort_key``) or in the order asked; ``offset``/``limit`` read one page.
    Filtered and ordered in SQL.

    ``text``: every word must match the client, the provider or the reason (accents
    and case ignored).
    """
    query = _referrals_query(text, open_only, client_id, scope).order_by(
        *_referral_order(sort, descending)
    )
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return [_row_from_columns(row, today) for row in plain_rows(session, query, {"today": today})]


def count_referrals(
    session: Session,
    *,
    text: str = "",
    open_only: bool = True,
    client_id: int | None = None,
    scope: Scope = WHOLE_PRACTICE,
) -> int:
    """How many referrals ``list_referrals`` lists without a limit."""
    return count_rows(session, _referrals_query(text, open_only, client_id, scope))


def referral_position(
    session: Session,
    referral_id: int,
    *,
    today: dt.date,
    text: str = "",
    open_only: bool = True,
    scope: Scope = WHOLE_PRACTICE,
    sort: ReferralSort = ReferralSort.FOLLOW_UP,
    descending: bool = False,
) -> int | None:
    """Where ``referral_id`` is in ``list_referrals`` (from 0); None if not listed."""
    query = position(
        _referrals_query(text, open_only, None, scope),
        _referral_order(sort, descending),
        Referral.id,
    )
    rows = plain_rows(session, query, {"row_id": referral_id, "today": today})
    return int(rows[0][0]) if rows else None


@dataclass(frozen=True)
class FollowUpCounts:
    """Follow-ups due (the date has come, nobody has asked since), and how many of them
    are overdue (the date has passed)."""

    due: int
    overdue: int


def count_follow_ups(
    session: Session, today: dt.date, *, scope: Scope = WHOLE_PRACTICE
) -> FollowUpCounts:
    """What ``follow_ups_due`` lists, counted in one aggregate."""
    due = _follow_ups_due(scope).order_by(None).subquery()
    overdue = case((due.c.follow_up_on < today, 1), else_=0)
    row = plain_rows(
        session, select(func.count(), func.sum(overdue)).select_from(due), {"today": today}
    )[0]
    return FollowUpCounts(int(row[0] or 0), int(row[1] or 0))


def follow_ups_due(
    session: Session,
    today: dt.date,
    *,
    scope: Scope = WHOLE_PRACTICE,
    limit: int | None = None,
) -> list[ReferralRow]:
    """Open referrals of ``scope``'s clients whose follow-up date has come and not been
    asked: the most overdue first (``sort_key``'s order, in SQL); the first ``limit``."""
    query = limited(_follow_ups_due(scope), limit)
    return [_row_from_columns(row, today) for row in plain_rows(session, query, {"today": today})]


def count_follow_ups_due(session: Session, today: dt.date, *, scope: Scope = WHOLE_PRACTICE) -> int:
    """How many referrals ``follow_ups_due`` would list without a limit."""
    return count_rows(session, _follow_ups_due(scope), {"today": today})


#: What ``_referral_row`` reads of a referral, read as plain columns by the care list.
_ROW_COLUMNS = (
    "id",
    "client_id",
    "provider_id",
    "reason",
    "urgency",
    "status",
    "warm_handoff",
    "handoff_on",
    "follow_up_on",
    "connected",
    "follow_up_answer",
    "followed_up_on",
    "consent_to_share_on",
    "referred_on",
    "interaction_id",
)


@dataclass(frozen=True)
class _Named:
    """What ``_referral_row`` reads of a client."""

    id: int
    full_name: str
    preferred_name: str


@dataclass(frozen=True)
class _ProviderNamed:
    """What ``_referral_row`` reads of a provider."""

    id: int
    name: str
    kind: ProviderKind
    accepting_clients: bool


@cache
def _follow_ups_due(scope: Scope = WHOLE_PRACTICE) -> Select:
    """``follow_ups_due``'s statement, built once per scope (Today reads it on every
    refresh). Every row is due, so ``sort_key`` comes down to the follow-up date, the
    status and the id."""
    status_rank = case(
        {status.value: rank for status, rank in _STATUS_ORDER.items()},
        value=Referral.status,
        else_=len(_STATUS_ORDER),
    )
    return (
        select(
            *(getattr(Referral, name) for name in _ROW_COLUMNS),
            Client.full_name.label("client_full_name"),
            Client.preferred_name.label("client_preferred_name"),
            Provider.name.label("provider_name"),
            Provider.kind.label("provider_kind"),
            Provider.accepting_clients.label("accepting"),
        )
        .join(Client, Client.id == Referral.client_id)
        .join(Provider, Provider.id == Referral.provider_id)
        .where(
            Referral.direction == ReferralDirection.OUTGOING,
            Referral.status.in_(sorted(OPEN_STATUSES)),
            Referral.follow_up_on.is_not(None),
            Referral.follow_up_on <= bindparam("today"),
            # Not asked since the date was set (``_is_due``), in the query: most open
            # referrals were followed up long ago.
            or_(
                Referral.followed_up_on.is_(None),
                Referral.followed_up_on < Referral.follow_up_on,
            ),
            scope.client_condition(),
        )
        .order_by(Referral.follow_up_on, status_rank, Referral.id)
    )


def _load_referral(session: Session, referral_id: int) -> Referral:
    referral = session.get(Referral, referral_id)
    if referral is None or referral.direction is not ReferralDirection.OUTGOING:
        raise NotFoundError("That referral no longer exists.")
    return referral


def get_referral(session: Session, referral_id: int, *, today: dt.date) -> ReferralRow:
    """One outgoing referral; raises NotFoundError if it is gone."""
    referral = _load_referral(session, referral_id)
    client = session.get(Client, referral.client_id)
    provider = session.get(Provider, referral.provider_id)
    assert client is not None and provider is not None  # RESTRICT keeps both
    return _referral_row(referral, client, provider, today)


def _referral_errors(
    session: Session,
    data: ReferralInput,
    *,
    today: dt.date,
    existing: Referral | None,
) -> tuple[ReferralInput, list[FieldError]]:
    errors: list[FieldError] = []
    cleaned = replace(data, reason=data.reason.strip())
    client = session.get(Client, data.client_id) if data.client_id is not None else None
    if client is None:
        errors.append(FieldError("client_id", "Choose the client you are referring."))
    provider = session.get(Provider, data.provider_id) if data.provider_id is not None else None
    if provider is None:
        errors.append(
            FieldError("provider_id", "Choose who you are referring to from the directory.")
        )
    elif provider.archived and (existing is None or existing.provider_id != provider.id):
        errors.append(
            FieldError(
                "provider_id",
                f"{provider.name} is archived. Restore them in the directory first, "
                "or choose someone else.",
            )
        )
    if not cleaned.reason:
        errors.append(
            FieldError("reason", "Say why this provider may be a better fit for the client.")
        )
    else:
        problem = check_text(
            "reason", "The reason", cleaned.reason, max_length=MAX_REASON, multiline=True
        )
        if problem:
            errors.append(problem)
    if not isinstance(data.urgency, ReferralUrgency):
        errors.append(FieldError("urgency", "Choose how urgent this referral is."))
    if not isinstance(data.referred_on, dt.date):
        errors.append(FieldError("referred_on", "Enter the date of the referral."))
    elif data.referred_on > today:
        errors.append(FieldError("referred_on", "The referral date cannot be in the future."))
    changed_follow_up = existing is None or existing.follow_up_on != data.follow_up_on
    if data.follow_up_on is None:
        errors.append(
            FieldError(
                "follow_up_on",
                "Choose a date to ask whether they connected (principle 7 asks for one).",
            )
        )
    elif changed_follow_up and data.follow_up_on < today:
        errors.append(
            FieldError(
                "follow_up_on",
                f"The follow-up date {data.follow_up_on:%-d %b %Y} is in the past; "
                "choose today or a later day.",
            )
        )
    if data.consent_to_share_on is not None and data.consent_to_share_on > today:
        errors.append(
            FieldError("consent_to_share_on", "Consent cannot be recorded for a future date.")
        )
    if data.interaction_id is not None:
        interaction = session.get(Interaction, data.interaction_id)
        if interaction is None:
            errors.append(FieldError("interaction_id", "That contact note no longer exists."))
        elif client is not None and interaction.client_id != client.id:
            errors.append(
                FieldError("interaction_id", "That contact note is about another client.")
            )
        elif interaction.state is InteractionState.FINAL and (
            existing is None or existing.interaction_id != interaction.id
        ):
            errors.append(
                FieldError(
                    "interaction_id",
                    "That contact note is finalised, so a referral can no longer be added "
                    "to its checklist. Make the referral without linking it.",
                )
            )
    return cleaned, errors


_REFERRAL_FIELDS = (
    "client_id",
    "provider_id",
    "reason",
    "urgency",
    "follow_up_on",
    "referred_on",
    "interaction_id",
    "consent_to_share_on",
)


def create_referral(session: Session, data: ReferralInput, *, today: dt.date) -> ReferralRow:
    """Refer a client to a provider (status "suggested").

    Linked to a contact note (``interaction_id``), it makes principle 7 apply there.
    Referring to a provider who is not accepting clients is allowed (the UI warns with
    ``not_accepting_message``). Raises ValidationError listing every problem.
    """
    cleaned, errors = _referral_errors(session, data, today=today, existing=None)
    if errors:
        raise ValidationError(errors)
    referral = Referral(
        direction=ReferralDirection.OUTGOING,
        status=ReferralStatus.SUGGESTED,
        warm_handoff=WarmHandoff.NONE,
        **{name: getattr(cleaned, name) for name in _REFERRAL_FIELDS},
    )
    session.add(referral)
    session.flush()
    audit.record(session, AuditAction.CREATE, "referral", referral.id, _REFERRAL_FIELDS)
    return get_referral(session, referral.id, today=today)


def update_referral(
    session: Session, referral_id: int, data: ReferralInput, *, today: dt.date
) -> ReferralRow:
    """Change the provider, reason, urgency, dates or consent of a referral.

    The client of a referral does not change. Raises ValidationError (nothing stored)
    or NotFoundError.
    """
    referral = _load_referral(session, referral_id)
    data = replace(data, client_id=referral.client_id)
    cleaned, errors = _referral_errors(session, data, today=today, existing=referral)
    if errors:
        raise ValidationError(errors)
    values = {name: getattr(cleaned, name) for name in _REFERRAL_FIELDS}
    audit.apply_changes(session, referral, "referral", referral_id, values)
    return get_referral(session, referral_id, today=today)


def allowed_statuses(current: ReferralStatus) -> list[ReferralStatus]:
    """The statuses a referral may be given next, in the order of the enum."""
    return [status for status in ReferralStatus if status in STATUS_TRANSITIONS[current]]


def _transition_message(current: ReferralStatus, wanted: ReferralStatus) -> str:
    options = allowed_statuses(current)
    if not options:
        return (
            f"This referral is {STATUS_LABELS[current].lower()}, so its status no longer changes."
        )
    words = " or ".join(STATUS_LABELS[s].lower() for s in options)
    return (
        f"A {STATUS_LABELS[current].lower()} referral cannot become "
        f"{STATUS_LABELS[wanted].lower()} directly; it can become {words}."
    )


def _move(referral: Referral, wanted: ReferralStatus) -> None:
    if wanted not in STATUS_TRANSITIONS[referral.status]:
        raise ValidationError.single("status", _transition_message(referral.status, wanted))
    referral.status = wanted


def set_status(
    session: Session, referral_id: int, status: ReferralStatus, *, today: dt.date
) -> ReferralRow:
    """Accept, decline or complete a referral, if its status allows it.

    Raises ValidationError saying which statuses are possible, or NotFoundError.
    """
    referral = _load_referral(session, referral_id)
    _move(referral, ReferralStatus(status))
    session.flush()
    audit.record(session, AuditAction.UPDATE, "referral", referral_id, ["status"])
    return get_referral(session, referral_id, today=today)


def record_handoff(
    session: Session,
    referral_id: int,
    handoff: WarmHandoff,
    on: dt.date,
    *,
    today: dt.date,
) -> ReferralRow:
    """Record the warm hand-off: introduced in person (on a past day), or the co-worker
    or provider will call the client (on the day given). A suggested referral becomes
    introduced.

    Raises ValidationError (nothing stored) or NotFoundError.
    """
    referral = _load_referral(session, referral_id)
    errors: list[FieldError] = []
    if handoff not in (WarmHandoff.IN_PERSON, WarmHandoff.COWORKER_CALLS):
        errors.append(
            FieldError("warm_handoff", "Choose how the client was introduced, or who will call.")
        )
    if not isinstance(on, dt.date):
        errors.append(FieldError("handoff_on", "Enter the date of the introduction."))
    elif handoff is WarmHandoff.IN_PERSON and on > today:
        errors.append(
            FieldError(
                "handoff_on",
                "An introduction in person is recorded once it has happened; "
                "the date cannot be in the future.",
            )
        )
    if referral.status not in (ReferralStatus.SUGGESTED, ReferralStatus.INTRODUCED):
        errors.append(
            FieldError(
                "status",
                f"This referral is already {STATUS_LABELS[referral.status].lower()}; "
                "a hand-off is recorded before the provider accepts.",
            )
        )
    if errors:
        raise ValidationError(errors)
    referral.warm_handoff = WarmHandoff(handoff)
    referral.handoff_on = on
    changed = ["warm_handoff", "handoff_on"]
    if referral.status is ReferralStatus.SUGGESTED:
        referral.status = ReferralStatus.INTRODUCED
        changed.append("status")
    session.flush()
    audit.record(session, AuditAction.UPDATE, "referral", referral_id, changed)
    return get_referral(session, referral_id, today=today)


def record_follow_up(
    session: Session, referral_id: int, answer: FollowUpInput, *, today: dt.date
) -> ReferralRow:
    """Record the answer to "did they connect?" (asked ``today``).

    Connected: a suggested or introduced referral becomes accepted, and completed when
    ``close`` is set. Not connected: declined when ``close`` is set, otherwise the next
    follow-up date (``ask_again_on``, today or later) is needed. Raises ValidationError
    (nothing stored) or NotFoundError.
    """
    referral = _load_referral(session, referral_id)
    errors: list[FieldError] = []
    text = answer.answer.strip()
    problem = check_text(
        "follow_up_answer", "The answer", text, max_length=MAX_ANSWER, multiline=True
    )
    if problem:
        errors.append(problem)
    if referral.status not in OPEN_STATUSES:
        errors.append(
            FieldError(
                "status",
                f"This referral is already {STATUS_LABELS[referral.status].lower()}.",
            )
        )
    if answer.ask_again_on is not None and answer.ask_again_on < today:
        errors.append(
            FieldError(
                "ask_again_on",
                f"{answer.ask_again_on:%-d %b %Y} is in the past; choose today or a later day.",
            )
        )
    if not answer.connected and not answer.close and answer.ask_again_on is None:
        errors.append(
            FieldError(
                "ask_again_on",
                "They have not connected yet: choose when to ask again, "
                "or close the referral if they are not going ahead.",
            )
        )
    if errors:
        raise ValidationError(errors)
    changed = ["connected", "follow_up_answer", "followed_up_on"]
    referral.connected = answer.connected
    referral.follow_up_answer = text
    referral.followed_up_on = today
    if answer.connected and referral.status in (
        ReferralStatus.SUGGESTED,
        ReferralStatus.INTRODUCED,
    ):
        referral.status = ReferralStatus.ACCEPTED
        changed.append("status")
    if answer.close:
        _move(referral, ReferralStatus.COMPLETED if answer.connected else ReferralStatus.DECLINED)
        changed.append("status")
    elif answer.ask_again_on is not None:
        referral.follow_up_on = answer.ask_again_on
        changed.append("follow_up_on")
    session.flush()
    audit.record(session, AuditAction.UPDATE, "referral", referral_id, set(changed))
    return get_referral(session, referral_id, today=today)


def record_consent(
    session: Session, referral_id: int, on: dt.date | None, *, today: dt.date
) -> ReferralRow:
    """Note the day the client agreed their details may be shared (None: withdrawn)."""
    referral = _load_referral(session, referral_id)
    if on is not None and on > today:
        raise ValidationError.single(
            "consent_to_share_on", "Consent cannot be recorded for a future date."
        )
    audit.apply_changes(session, referral, "referral", referral_id, {"consent_to_share_on": on})
    return get_referral(session, referral_id, today=today)


# --------------------------------------------------------------------------
# Incoming referrals: who referred a client to the practice
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# The introduction letter
# --------------------------------------------------------------------------

#: What the practitioner may tick for the letter, in the order the dialog shows it.
LETTER_FIELDS: dict[str, str] = {
    "full_name": "The client's full name",
    "preferred_name": "How they like to be addressed (preferred name, pronouns)",
    "phone": "Their phone number",
    "email": "Their e-mail address",
    "address": "Their postal address",
    "reason": "Why you are referring them",
    "urgency": "How urgent it is",
    "background": "Relevant background (typed for this letter)",
}
#: Ticked unless the practitioner unticks them: the least the letter needs.
LETTER_DEFAULTS = frozenset({"full_name", "reason"})
MAX_BACKGROUND = 10_000


def _letter_practitioner(session: Session, referral: Referral) -> str:
    practitioner_id = None
    if referral.interaction_id is not None:
        practitioner_id = session.scalar(
            select(Interaction.practitioner_id).where(Interaction.id == referral.interaction_id)
        )
    if practitioner_id is None:
        return audit.current_practitioner(session)
    query = select(Practitioner.full_name).where(Practitioner.id == practitioner_id)
    return session.scalar(query.limit(1)) or ""


def referral_letter_context(
    session: Session,
    referral_id: int,
    included: set[str] | frozenset[str],
    *,
    background: str = "",
    today: dt.date | None = None,
) -> dict[str, object]:
    """What ``referral_letter.html`` gets: only the client details in ``included``.

    Fields not ticked are empty in the context (so even an edited template cannot print
    them). Raises ValidationError when the client's consent to share is not recorded,
    when nothing identifies the client, or for an unknown field or unstorable
    background text; NotFoundError when the referral is gone.
    """
    referral = _load_referral(session, referral_id)
    client = session.get(Client, referral.client_id)
    provider = session.get(Provider, referral.provider_id)
    assert client is not None and provider is not None  # RESTRICT keeps both
    errors: list[FieldError] = []
    if referral.consent_to_share_on is None:
        errors.append(
            FieldError(
                "consent_to_share_on",
                f"{client.preferred_name} has not yet agreed that their details may be "
                "shared. Ask them, and record their consent first.",
            )
        )
    unknown = sorted(set(included) - set(LETTER_FIELDS))
    if unknown:
        errors.append(FieldError("included", f"Unknown letter fields: {', '.join(unknown)}."))
    if not {"full_name", "preferred_name"} & set(included):
        errors.append(
            FieldError("included", "Tick at least the client's name, so the letter says who.")
        )
    background = background.strip() if "background" in included else ""
    problem = check_text(
        "background", "The background", background, max_length=MAX_BACKGROUND, multiline=True
    )
    if problem:
        errors.append(problem)
    if errors:
        raise ValidationError(errors)

    def ticked(name: str, value: str) -> str:
        return value if name in included else ""

    from clientcare.printouts import practice_context  # jinja2 and babel: not at start-up

    return {
        "practice": practice_context(session),
        "today": today or dt.date.today(),
        "provider": {
            "name": provider.name,
            "specialty": provider.specialty,
            "address": provider.address,
            "is_coworker": provider.kind is ProviderKind.INTERNAL,
        },
        "client": {
            "full_name": ticked("full_name", client.full_name),
            "preferred_name": ticked("preferred_name", client.preferred_name),
            "pronouns": ticked("preferred_name", client.pronouns),
            "phone": ticked("phone", client.phone),
            "email": ticked("email", client.email),
            "address": ticked("address", client.address),
        },
        "reason": ticked("reason", referral.reason),
        "urgency": ticked("urgency", URGENCY_LABELS[referral.urgency].lower()),
        "background": background,
        "consent_on": referral.consent_to_share_on,
        "referred_on": referral.referred_on,
        "practitioner_name": _letter_practitioner(session, referral),
    }


def referral_letter(
    session: Session,
    referral_id: int,
    included: set[str] | frozenset[str],
    *,
    background: str = "",
    today: dt.date | None = None,
) -> Printout:
    """The introduction letter, rendered (see ``referral_letter_context`` for what it raises)."""
    from clientcare.printouts import footer_text, render_printout

    day = today or dt.date.today()
    context = referral_letter_context(
        session, referral_id, included, background=background, today=day
    )
    client_name = context["client"]["full_name"] or context["client"]["preferred_name"]  # type: ignore[index]
    provider_name = context["provider"]["name"]  # type: ignore[index]
    locale = context["practice"]["locale"]  # type: ignore[index]
    return render_printout(
        "referral_letter.html",
        context,
        title=f"Introduction of {client_name} to {provider_name}",
        footer_left=footer_text(day, str(context["practitioner_name"]), str(locale)),
    )
