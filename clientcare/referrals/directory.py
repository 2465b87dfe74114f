"""The provider directory: who a client can be referred to (external providers and
co-workers), found by name, kept free of near duplicates, archived rather than deleted
once a referral names them.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.clients import normalise_email, normalise_phone
from clientcare.db.engine import count_rows, plain_rows
from clientcare.db.lists import SortKey, every_word, ordered, position
from clientcare.db.models import (
    AuditAction,
    Practitioner,
    Provider,
    ProviderKind,
    Referral,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.referrals.outgoing import OPEN_STATUSES
from clientcare.text import check_text, clean_line, fold

MAX_NAME = 200
MAX_SPECIALTY = 200
MAX_ADDRESS = 1000
MAX_NOTES = 20_000
#: Names this similar (difflib ratio of the folded names) are probably the same provider.
DUPLICATE_RATIO = 0.9

KIND_LABELS: dict[ProviderKind, str] = {
    ProviderKind.EXTERNAL: "External provider",
    ProviderKind.INTERNAL: "Co-worker",
}


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
        if provider_id is None:  # never: the query reads only referrals to a provider
            continue
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


def _providers_query(text: str, include_archived: bool) -> Select[*tuple[Any, ...]]:
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
