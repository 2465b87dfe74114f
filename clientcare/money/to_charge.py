"""The to-charge list: appointments whose outcome calls for a charge not made yet, worked
out in SQL (counted, summed, sorted and paged by the database), and "Charge all with a
known fee" (``charge_all``)."""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Date, Select, and_, case, cast, func, null, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from clientcare.db.engine import plain_rows
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    Charge,
    ChargeKind,
    Client,
    FeeArrangement,
    GraceKind,
    GraceRule,
    PracticeSettings,
    Service,
    SlidingScaleTier,
)
from clientcare.money._shared import KIND_LABELS, _number
from clientcare.money.charges import (
    _KIND_FOR_STATUS,
    ChargeProposal,
    ChargeRow,
    charge_appointment,
)
from clientcare.money.fees import _policy_fee, _quote_from, list_services
from clientcare.money.grace import _applies, _forgiven_reason, list_grace_rules
from clientcare.scope import WHOLE_PRACTICE, Scope


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

    def _grace(self, session: Session) -> ColumnElement[Any]:
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

    def _select(self, *columns: Any, by_date: bool = False) -> Select[*tuple[Any, ...]]:
        """The list's SELECT of ``columns``; ``by_date``: read in date order (a page of the
        whole practice's list walks the date index and stops after the page)."""
        start: ColumnElement[Any] | InstrumentedAttribute[dt.datetime] = Appointment.start
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
        by_order: dict[ToChargeOrder, list[Any]] = {
            ToChargeOrder.DATE: [],
            ToChargeOrder.CLIENT: [func.lower(Client.full_name), Client.id],
            ToChargeOrder.WHAT: [func.lower(self.what)],
            ToChargeOrder.AMOUNT: [func.coalesce(self.amount, -1)],
        }
        keys = by_order[order]
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
        count, with_fee, total, forgiven = tuple(
            plain_rows(
                self.session,
                select(
                    func.count(),
                    func.count(listed.c.amount),
                    func.sum(case((listed.c.grace_rule_id.is_(None), listed.c.amount), else_=0)),
                    func.count(listed.c.grace_rule_id),
                ),
            )[0]
        )
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
    return typing.cast(ColumnElement[Any], column)


@dataclass(frozen=True)
class ChargedAll:
    """What "Charge all with a known fee" did, for the person to read."""

    charges: tuple[ChargeRow, ...]

    @property
    def waived(self) -> int:
        """How many fees a grace rule forgave (recorded waived, with their reason)."""
        return sum(1 for charge in self.charges if charge.waived_reason)

    @property
    def charged(self) -> int:
        """How many were charged (and added to the balances)."""
        return len(self.charges) - self.waived

    @property
    def charged_minor(self) -> int:
        """What the charges add to the balances (waived fees count for nothing)."""
        return sum(charge.amount_minor for charge in self.charges if not charge.waived_reason)


def charge_all(session: Session, appointment_ids: Sequence[int]) -> ChargedAll:
    """Charge each of ``appointment_ids`` (``to_charge_with_fee``'s, as the person was
    asked about) at its proposed amount, in the caller's one unit of work: if one can't
    be charged, ValidationError (or NotFoundError) is raised and nothing is kept."""
    stored = (charge_appointment(session, appointment_id) for appointment_id in appointment_ids)
    return ChargedAll(tuple(charge for charge in stored if charge is not None))
