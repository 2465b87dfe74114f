"""The prospects pipeline: inquiry, consultation, client or declined."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.clients import STATUS_TRANSITIONS
from clientcare.db.engine import plain_rows
from clientcare.db.lists import SortKey, every_word, ordered, position
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    Client,
    ClientStatus,
    ProspectStage,
)
from clientcare.errors import FieldError, ValidationError
from clientcare.followups._common import (
    _HELD,
    MAX_REASON,
    AnySelect,
    _as_datetime,
    _client,
    _raise,
    _text_problem,
)
from clientcare.followups.attempts import _unreturned_count
from clientcare.scope import WHOLE_PRACTICE, Scope
from clientcare.text import clean_line


class PipelineStage(StrEnum):
    """Where someone who got in touch stands: the prospects pipeline."""

    INQUIRY = "inquiry"
    CONSULTATION = "consultation"
    CLIENT = "client"
    DECLINED = "declined"


STAGE_LABELS: dict[PipelineStage, str] = {
    PipelineStage.INQUIRY: "Inquiry",
    PipelineStage.CONSULTATION: "Consultation",
    PipelineStage.CLIENT: "Became a client",
    PipelineStage.DECLINED: "Declined",
}


_CONSULTATION_APPOINTMENTS = (
    AppointmentStatus.SCHEDULED,
    AppointmentStatus.ARRIVED,
    AppointmentStatus.COMPLETED,
)


@dataclass(frozen=True)
class ProspectRow:
    """One person in the prospects pipeline."""

    client_id: int
    client_name: str
    stage: PipelineStage
    inquired_on: dt.date
    waiting_days: int
    unreturned_attempts: int
    declined_reason: str
    client_full_name: str = ""


@dataclass(frozen=True)
class ProspectConversion:
    """What became of the people who got in touch between ``start`` and ``end``."""

    start: dt.date
    end: dt.date
    inquiries: int
    consultations: int
    became_clients: int
    declined: int
    still_open: int
    declined_reasons: tuple[tuple[str, int], ...]

    @property
    def decided(self) -> int:
        return self.became_clients + self.declined

    @property
    def conversion_rate(self) -> float | None:
        """Of those who have decided, the share who became clients (None: nobody yet)."""
        return self.became_clients / self.decided if self.decided else None

    @property
    def consultation_rate(self) -> float | None:
        return self.consultations / self.inquiries if self.inquiries else None


def _inquired_on(client: Client) -> dt.date:
    return client.inquired_on or client.created_at.date()


def _has_appointment(statuses: Sequence[AppointmentStatus]) -> ColumnElement[bool]:
    """The client (of the enclosing query) has an appointment in one of ``statuses``."""
    return (
        select(Appointment.id)
        .where(Appointment.client_id == Client.id, Appointment.status.in_(statuses))
        .exists()
    )


def _stage_case() -> Any:
    """``_stage`` in SQL, over the client of the enclosing query."""
    consulted = _has_appointment(_CONSULTATION_APPOINTMENTS)
    return case(
        (
            Client.status == ClientStatus.PROSPECT,
            case(
                (
                    or_(Client.prospect_stage == ProspectStage.CONSULTATION, consulted),
                    PipelineStage.CONSULTATION.value,
                ),
                else_=PipelineStage.INQUIRY.value,
            ),
        ),
        (Client.status == ClientStatus.DECLINED, PipelineStage.DECLINED.value),
        (
            and_(Client.status == ClientStatus.CLOSED, ~_has_appointment(_HELD)),
            PipelineStage.DECLINED.value,  # closed before the work began
        ),
        else_=PipelineStage.CLIENT.value,
    )


def _stage(client: Client, consulted: bool, started: bool) -> PipelineStage:
    if client.status is ClientStatus.PROSPECT:
        if client.prospect_stage is ProspectStage.CONSULTATION or consulted:
            return PipelineStage.CONSULTATION
        return PipelineStage.INQUIRY
    if client.status is ClientStatus.DECLINED:
        return PipelineStage.DECLINED
    if client.status is ClientStatus.CLOSED and not started:
        return PipelineStage.DECLINED  # closed before the work began: did not go ahead
    return PipelineStage.CLIENT


class ProspectSort(StrEnum):
    """What the prospects pipeline can be ordered by (each also turned around)."""

    INQUIRED = "inquired"  # who got in touch first (the longest waiting) first
    CLIENT = "client"
    STAGE = "stage"
    UNRETURNED = "unreturned"


def _prospects_query(scope: Scope, text: str) -> AnySelect:
    """Open prospects of ``scope`` (no order), with their stage and unreturned attempts."""
    return select(
        Client.id,
        Client.preferred_name,
        Client.full_name,
        Client.inquired_on,
        Client.created_at,
        Client.declined_reason,
        _stage_case().label("stage"),
        _unreturned_count(Client.id).label("unreturned"),
    ).where(
        Client.status == ClientStatus.PROSPECT,
        scope.client_condition(),
        *every_word(text, keys=(Client.search_key,)),
    )


def _prospect_order(sort: ProspectSort, descending: bool) -> list[Any]:
    keys: list[SortKey]
    match sort:
        case ProspectSort.INQUIRED:
            keys = [func.coalesce(Client.inquired_on, Client.created_at)]
        case ProspectSort.CLIENT:
            keys = [func.lower(Client.full_name)]
        case ProspectSort.STAGE:  # inquiry, then consultation
            keys = [
                case(
                    (_stage_case() == PipelineStage.CONSULTATION.value, 1),
                    else_=0,
                ),
                func.coalesce(Client.inquired_on, Client.created_at),
            ]
        case ProspectSort.UNRETURNED:
            keys = [_unreturned_count(Client.id)]
    return ordered(keys, Client.id, descending)


def prospects_pipeline(
    session: Session,
    *,
    today: dt.date,
    scope: Scope = WHOLE_PRACTICE,
    text: str = "",
    sort: ProspectSort = ProspectSort.INQUIRED,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[ProspectRow]:
    """Open prospects (inquiry or consultation) of ``scope``, those waiting longest
    first (or in the order asked); ``text``: every word in their names; ``offset``/
    ``limit``: one page. Filtered and ordered in SQL."""
    query = _prospects_query(scope, text).order_by(*_prospect_order(sort, descending))
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    rows = []
    for client_id, preferred, full, inquired, created, reason, stage, unreturned in plain_rows(
        session, query
    ):
        inquired_on = inquired or _as_datetime(created).date()
        rows.append(
            ProspectRow(
                client_id=client_id,
                client_name=preferred,
                stage=PipelineStage(stage),
                inquired_on=inquired_on,
                waiting_days=max(0, (today - inquired_on).days),
                unreturned_attempts=int(unreturned or 0),
                declined_reason=reason,
                client_full_name=full,
            )
        )
    return rows


def prospect_stage_counts(
    session: Session, *, scope: Scope = WHOLE_PRACTICE, text: str = ""
) -> dict[PipelineStage, int]:
    """How many open prospects of ``scope`` are at each stage (inquiry, consultation)."""
    listed = _prospects_query(scope, text).subquery()
    counts = {PipelineStage.INQUIRY: 0, PipelineStage.CONSULTATION: 0}
    for stage, count in plain_rows(
        session, select(listed.c.stage, func.count()).group_by(listed.c.stage)
    ):
        counts[PipelineStage(stage)] = int(count)
    return counts


def prospect_position(
    session: Session,
    client_id: int,
    *,
    scope: Scope = WHOLE_PRACTICE,
    text: str = "",
    sort: ProspectSort = ProspectSort.INQUIRED,
    descending: bool = False,
) -> int | None:
    """Where ``client_id`` is in ``prospects_pipeline`` (from 0); None if not listed."""
    query = position(_prospects_query(scope, text), _prospect_order(sort, descending), Client.id)
    rows = plain_rows(session, query, {"row_id": client_id})
    return int(rows[0][0]) if rows else None


def set_prospect_stage(
    session: Session,
    client_id: int,
    stage: PipelineStage,
    *,
    today: dt.date,
    reason: str = "",
) -> PipelineStage:
    """Move someone along the pipeline: consultation, became a client, or declined (with why).

    Declined needs a reason. Uses the client status rules (a declined prospect may
    come back as an inquiry). Raises ValidationError (nothing stored).
    """
    client = _client(session, client_id)
    reason = clean_line(reason)
    errors: list[FieldError] = []
    target_status = {
        PipelineStage.INQUIRY: ClientStatus.PROSPECT,
        PipelineStage.CONSULTATION: ClientStatus.PROSPECT,
        PipelineStage.CLIENT: ClientStatus.ACTIVE,
        PipelineStage.DECLINED: ClientStatus.DECLINED,
    }.get(stage)
    if target_status is None:
        errors.append(FieldError("stage", "Choose inquiry, consultation, client or declined."))
    elif (
        target_status is not client.status
        and target_status not in STATUS_TRANSITIONS[client.status]
    ):
        errors.append(
            FieldError(
                "stage",
                f"{client.preferred_name} is {client.status.value}, so they cannot move to "
                f"{STAGE_LABELS[stage].lower()} from here.",
            )
        )
    elif client.status not in (ClientStatus.PROSPECT, ClientStatus.DECLINED):
        errors.append(FieldError("stage", f"{client.preferred_name} is already a client."))
    if stage is PipelineStage.DECLINED and not reason:
        errors.append(
            FieldError(
                "declined_reason",
                "Note briefly why they decided not to go ahead, in their words if you can; "
                "it shows patterns, and is never a reason to chase.",
            )
        )
    _text_problem(errors, "declined_reason", "The reason", reason, MAX_REASON, False)
    _raise(errors)
    assert target_status is not None
    values: dict[str, object] = {"status": target_status}
    if target_status is not client.status:
        values["status_changed_on"] = today
    if stage is PipelineStage.CONSULTATION:
        values["prospect_stage"] = ProspectStage.CONSULTATION
    elif stage is PipelineStage.INQUIRY:
        values["prospect_stage"] = ProspectStage.INQUIRY
    if stage is PipelineStage.DECLINED:
        values["declined_reason"] = reason
    if client.inquired_on is None:
        values["inquired_on"] = _inquired_on(client)
    audit.apply_changes(session, client, "client", client.id, values)
    return stage


def prospect_conversion(
    session: Session, start: dt.date, end: dt.date, *, scope: Scope = WHOLE_PRACTICE
) -> ProspectConversion:
    """What became of the people of ``scope`` who got in touch from ``start`` to ``end``
    (inclusive): counted in SQL (the day they got in touch is the day they were added
    when it was not recorded)."""
    if end < start:
        raise ValidationError.single("end", "The end of the period is before its start.")
    in_period = or_(
        and_(
            Client.inquired_on.is_not(None),
            Client.inquired_on >= start,
            Client.inquired_on <= end,
        ),
        and_(
            Client.inquired_on.is_(None),
            Client.created_at >= dt.datetime.combine(start, dt.time()),
            Client.created_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()),
        ),
    )
    people = (
        select(
            _stage_case().label("stage"),
            case((_has_appointment(_CONSULTATION_APPOINTMENTS), 1), else_=0).label("consulted"),
            Client.declined_reason,
        )
        .where(in_period, scope.client_condition())
        .subquery()
    )
    # One statement: by stage, whether they came to a consultation, and the reason given
    # (only the declined have one; the others' reasons are blanked to group them).
    reason = case(
        (people.c.stage == PipelineStage.DECLINED.value, people.c.declined_reason), else_=""
    )
    counts: dict[PipelineStage, int] = dict.fromkeys(PipelineStage, 0)
    consulted = 0
    reasons: dict[str, int] = {}
    for stage, was_consulted, said, count in plain_rows(
        session,
        select(people.c.stage, people.c.consulted, reason, func.count()).group_by(
            people.c.stage, people.c.consulted, reason
        ),
    ):
        stage = PipelineStage(stage)
        counts[stage] += int(count)
        if was_consulted or stage in (PipelineStage.CONSULTATION, PipelineStage.CLIENT):
            consulted += int(count)
        if stage is PipelineStage.DECLINED:
            said = (said or "").strip() or "No reason noted"
            reasons[said] = reasons.get(said, 0) + int(count)
    return ProspectConversion(
        start=start,
        end=end,
        inquiries=sum(counts.values()),
        consultations=consulted,
        became_clients=counts[PipelineStage.CLIENT],
        declined=counts[PipelineStage.DECLINED],
        still_open=counts[PipelineStage.INQUIRY] + counts[PipelineStage.CONSULTATION],
        declined_reasons=tuple(sorted(reasons.items(), key=lambda item: (-item[1], item[0]))),
    )
