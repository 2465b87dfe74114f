"""Grace rules: "the first N in so many days are forgiven" and "this circumstance is
exempt". A named circumstance is looked at first and does not use up the client's
forgiven fees; a forgiven fee is stored as a waived charge with its reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.db.models import AuditAction, Charge, ChargeKind, GraceKind, GraceRule
from clientcare.errors import FieldError, NotFoundError
from clientcare.money._shared import KIND_LABELS, _raise, _sum, _text
from clientcare.text import fold

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
        found = session.get(GraceRule, rule_id)
        if found is None:
            raise NotFoundError(f"Grace rule {rule_id} no longer exists.")
        rule = found
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
