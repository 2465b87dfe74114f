"""Outgoing referrals: a client referred to a provider, the warm hand-off, and the
follow-up that closes the loop.

"Be quick to refer to someone who may be a better fit" (principle 7) only helps the
client when the loop is closed: someone asks, on a date, whether they connected. So an
outgoing referral always has a follow-up date, and the follow-ups that are due (overdue
first) are what Today and the Referrals screen show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, case, func, or_, select
from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.db.engine import count_rows, limited, plain_rows
from clientcare.db.lists import SortKey, every_word, nulls_last, ordered, position
from clientcare.db.models import (
    AuditAction,
    Client,
    Interaction,
    InteractionState,
    Provider,
    ProviderKind,
    Referral,
    ReferralDirection,
    ReferralStatus,
    ReferralUrgency,
    WarmHandoff,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.scope import WHOLE_PRACTICE, Scope
from clientcare.text import check_text

MAX_REASON = 5_000
MAX_ANSWER = 5_000
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


def _is_due(referral: Referral, today: dt.date) -> bool:
    """Open, the follow-up date has come, and nobody has asked since it was set."""
    return (
        referral.status in OPEN_STATUSES
        and referral.follow_up_on is not None
        and referral.follow_up_on <= today
        and (referral.followed_up_on is None or referral.followed_up_on < referral.follow_up_on)
    )


def _referral_row(
    referral: Referral,
    client: Client | _Named,
    provider: Provider | _ProviderNamed,
    today: dt.date,
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
        _Named(row.client_id, row.client_full_name, row.client_preferred_name),
        _ProviderNamed(row.provider_id, row.provider_name, row.provider_kind, row.accepting),
        today,
    )


def _referrals_query(
    text: str, open_only: bool, client_id: int | None, scope: Scope
) -> Select[*tuple[Any, ...]]:
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
def _follow_ups_due(scope: Scope = WHOLE_PRACTICE) -> Select[*tuple[Any, ...]]:
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
