"""Referrals: the directory, status transitions, follow-ups due, sources (no Qt)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from clientcare import clients
from clientcare import interactions as ix
from clientcare import referrals as rf
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    AuditEntry,
    Client,
    ClientStatus,
    InteractionKind,
    Practitioner,
    Provider,
    ProviderKind,
    Referral,
    ReferralSourceKind,
    ReferralStatus,
    ReferralUrgency,
    WarmHandoff,
)
from clientcare.errors import NotFoundError, ValidationError
from clientcare.interactions import InteractionInput
from clientcare.referrals import FollowUpInput, ProviderInput, ReferralInput, SourceInput, letters

TODAY = dt.date(2026, 11, 23)
S = ReferralStatus


def add_client(db: Database, name: str = "Ann Example") -> int:
    with db.unit_of_work() as session:
        return clients.create_client(
            session,
            ClientInput(full_name=name, status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY - dt.timedelta(days=90),
        ).id


def add_practitioner(db: Database, name: str = "Pat Practitioner") -> int:
    with db.unit_of_work() as session:
        row = Practitioner(full_name=name, phone="", email="")
        session.add(row)
        session.flush()
        return row.id


def add_provider(db: Database, name: str = "Harbour Physio", **fields: object) -> int:
    with db.unit_of_work() as session:
        return rf.create_provider(
            session,
            ProviderInput(name=name, **fields),  # type: ignore[arg-type]
            region="GB",
            allow_duplicate=True,
        ).id


def refer(
    db: Database,
    client_id: int,
    provider_id: int,
    *,
    follow_up_on: dt.date | None = TODAY + dt.timedelta(days=14),
    referred_on: dt.date = TODAY,
    today: dt.date | None = None,
    **fields: object,
) -> rf.ReferralRow:
    today = today or referred_on
    with db.unit_of_work() as session:
        return rf.create_referral(
            session,
            ReferralInput(
                client_id=client_id,
                provider_id=provider_id,
                reason="Specialist support for back pain.",
                follow_up_on=follow_up_on,
                referred_on=referred_on,
                **fields,  # type: ignore[arg-type]
            ),
            today=today,
        )


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
    return {"ann": add_client(db), "physio": add_provider(db, specialty="Back pain")}


# -- the directory ------------------------------------------------------------------


def test_provider_is_cleaned_and_validated(db: Database) -> None:
    with db.unit_of_work() as session:
        row = rf.create_provider(
            session,
            ProviderInput(
                name="  Harbour   Physio ",
                specialty="Back pain",
                phone="07700 900123",
                email="Desk@Harbour.example.org",
            ),
            region="GB",
        )
    assert row.name == "Harbour Physio"
    assert row.phone == "07700 900123"
    assert row.email == "Desk@harbour.example.org"
    with db.unit_of_work() as session, pytest.raises(ValidationError) as caught:
        rf.create_provider(
            session, ProviderInput(name="", phone="call me", email="nope"), region="GB"
        )
    fields = {e.field for e in caught.value.errors}
    assert fields == {"name", "phone", "email"}
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Provider)) == 1


def test_near_identical_names_warn_and_can_be_added_anyway(db: Database) -> None:
    add_provider(db, "Dr. Zoë Ng")
    for typed in ("dr zoe ng", "Dr Zoe Ng", "Dr. Zoë Ngg"):
        with db.unit_of_work() as session, pytest.raises(rf.DuplicateProviderError) as caught:
            rf.create_provider(session, ProviderInput(name=typed), region="GB")
        assert caught.value.matches == ("Dr. Zoë Ng",)
        assert "Add anyway" in (caught.value.for_field("name") or "")
    with db.unit_of_work() as session:
        assert rf.near_duplicates(session, "Harbour Counselling") == []
        rf.create_provider(
            session, ProviderInput(name="Dr Zoe Ng"), region="GB", allow_duplicate=True
        )
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Provider)) == 2


def test_coworker_needs_a_practitioner_and_takes_their_name(db: Database) -> None:
    pat = add_practitioner(db, "Pat Example")
    with db.unit_of_work() as session, pytest.raises(ValidationError) as caught:
        rf.create_provider(session, ProviderInput(name="", kind=ProviderKind.INTERNAL), region="GB")
    assert caught.value.for_field("practitioner_id")
    with db.unit_of_work() as session:
        row = rf.create_provider(
            session,
            ProviderInput(name="", kind=ProviderKind.INTERNAL, practitioner_id=pat),
            region="GB",
        )
    assert row.name == "Pat Example" and row.kind is ProviderKind.INTERNAL
    with db.unit_of_work() as session, pytest.raises(ValidationError) as caught:
        rf.create_provider(
            session,
            ProviderInput(name="Pat", kind=ProviderKind.INTERNAL, practitioner_id=pat),
            region="GB",
        )
    assert "already in the directory" in (caught.value.for_field("practitioner_id") or "")


def test_add_coworkers_lists_each_active_practitioner_once(db: Database) -> None:
    add_practitioner(db, "Pat Example")
    add_practitioner(db, "Sam Example")
    with db.unit_of_work() as session:
        assert [p.name for p in rf.add_coworkers(session)] == ["Pat Example", "Sam Example"]
    with db.unit_of_work() as session:
        assert rf.add_coworkers(session) == []


def test_search_folds_accents_and_hides_archived(db: Database) -> None:
    add_provider(db, "Søren Physio", specialty="Sports injuries")
    other = add_provider(db, "Quiet Mind Counselling", specialty="Anxiety")
    with db.unit_of_work() as session:
        rf.set_archived(session, other, True)
    with db.reading() as session:
        assert [p.name for p in rf.list_providers(session, "soren")] == ["Søren Physio"]
        assert [p.name for p in rf.list_providers(session, "SPORTS")] == ["Søren Physio"]
        assert rf.list_providers(session, "anxiety") == []
        found = rf.list_providers(session, "anxiety", include_archived=True)
        assert [p.archived for p in found] == [True]


def test_provider_with_referrals_is_archived_not_deleted(db: Database, ids: dict[str, int]) -> None:
    refer(db, ids["ann"], ids["physio"])
    refer(db, ids["ann"], ids["physio"])
    with db.unit_of_work() as session, pytest.raises(ValidationError) as caught:
        rf.delete_provider(session, ids["physio"])
    message = caught.value.for_field("provider_id") or ""
    assert "named in 2 referrals" in message and "Archive it instead" in message
    with db.unit_of_work() as session:
        row = rf.set_archived(session, ids["physio"], True)
    assert row.archived and row.referral_count == 2
    with db.reading() as session:
        assert rf.list_referrals(session, today=TODAY)[0].provider_name == "Harbour Physio"
    unused = add_provider(db, "Unused Clinic")
    with db.unit_of_work() as session:
        rf.delete_provider(session, unused)
    with db.reading() as session:
        assert session.get(Provider, unused) is None


def test_archived_provider_is_not_offered_for_new_referrals(
    db: Database, ids: dict[str, int]
) -> None:
    with db.unit_of_work() as session:
        rf.set_archived(session, ids["physio"], True)
    with pytest.raises(ValidationError) as caught:
        refer(db, ids["ann"], ids["physio"])
    assert "archived" in (caught.value.for_field("provider_id") or "")


# -- outgoing referrals -----------------------------------------------------------------


def test_bad_referral_stores_nothing_and_names_every_field(
    db: Database, ids: dict[str, int]
) -> None:
    with db.unit_of_work() as session, pytest.raises(ValidationError) as caught:
        rf.create_referral(
            session,
            ReferralInput(
                client_id=ids["ann"],
                provider_id=None,
                reason="  ",
                follow_up_on=TODAY - dt.timedelta(days=1),
                referred_on=TODAY + dt.timedelta(days=2),
            ),
            today=TODAY,
        )
    errors = {e.field: e.message for e in caught.value.errors}
    assert set(errors) == {"provider_id", "reason", "follow_up_on", "referred_on"}
    assert "in the past" in errors["follow_up_on"]
    with db.unit_of_work() as session, pytest.raises(ValidationError) as caught:
        rf.create_referral(
            session,
            ReferralInput(ids["ann"], ids["physio"], "Why", None, TODAY),
            today=TODAY,
        )
    assert "principle 7" in (caught.value.for_field("follow_up_on") or "")
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Referral)) == 0


def test_provider_not_accepting_clients_is_a_warning_not_a_refusal(
    db: Database, ids: dict[str, int]
) -> None:
    full = add_provider(db, "Full Clinic", accepting_clients=False)
    row = refer(db, ids["ann"], full)
    assert row.status is S.SUGGESTED and not row.provider_accepting
    assert "not accepting new clients" in rf.not_accepting_message(row.provider_name)


@pytest.mark.parametrize(
    ("start", "target", "allowed"),
    [
        (S.SUGGESTED, S.INTRODUCED, True),
        (S.SUGGESTED, S.ACCEPTED, True),
        (S.SUGGESTED, S.DECLINED, True),
        (S.SUGGESTED, S.COMPLETED, False),
        (S.INTRODUCED, S.ACCEPTED, True),
        (S.INTRODUCED, S.DECLINED, True),
        (S.INTRODUCED, S.COMPLETED, False),
        (S.ACCEPTED, S.COMPLETED, True),
        (S.ACCEPTED, S.SUGGESTED, False),
        (S.DECLINED, S.ACCEPTED, False),
        (S.COMPLETED, S.DECLINED, False),
    ],
)
def test_status_transitions(
    db: Database, ids: dict[str, int], start: S, target: S, allowed: bool
) -> None:
    referral_id = refer(db, ids["ann"], ids["physio"]).id
    with db.unit_of_work() as session:
        session.get(Referral, referral_id).status = start  # type: ignore[union-attr]
    if allowed:
        with db.unit_of_work() as session:
            assert rf.set_status(session, referral_id, target, today=TODAY).status is target
        return
    with db.unit_of_work() as session, pytest.raises(ValidationError) as caught:
        rf.set_status(session, referral_id, target, today=TODAY)
    assert "cannot become" in str(caught.value) or "no longer changes" in str(caught.value)
    with db.reading() as session:
        assert session.get(Referral, referral_id).status is start  # type: ignore[union-attr]


def test_open_statuses_follow_the_table() -> None:
    assert {S.SUGGESTED, S.INTRODUCED, S.ACCEPTED} == rf.OPEN_STATUSES
    assert rf.allowed_statuses(S.ACCEPTED) == [S.COMPLETED]


def test_warm_handoff_introduces_the_client(db: Database, ids: dict[str, int]) -> None:
    referral_id = refer(db, ids["ann"], ids["physio"]).id
    with db.unit_of_work() as session, pytest.raises(ValidationError) as caught:
        rf.record_handoff(
            session, referral_id, WarmHandoff.IN_PERSON, TODAY + dt.timedelta(1), today=TODAY
        )
    assert "cannot be in the future" in (caught.value.for_field("handoff_on") or "")
    with db.unit_of_work() as session:
        row = rf.record_handoff(
            session,
            referral_id,
            WarmHandoff.COWORKER_CALLS,
            TODAY + dt.timedelta(days=2),
            today=TODAY,
        )
    assert row.status is S.INTRODUCED
    assert row.warm_handoff is WarmHandoff.COWORKER_CALLS
    assert row.handoff_on == TODAY + dt.timedelta(days=2)
    with db.reading() as session:
        audited = session.scalars(
            select(AuditEntry.fields).where(AuditEntry.entity == "referral")
        ).all()
    assert "handoff_on,status,warm_handoff" in audited


# -- follow-ups ------------------------------------------------------------------------


def test_follow_ups_due_overdue_first(db: Database, ids: dict[str, int]) -> None:
    bea = add_client(db, "Bea Example")
    cy = add_client(db, "Cy Example")
    earlier = TODAY - dt.timedelta(days=30)
    long_overdue = refer(
        db, bea, ids["physio"], follow_up_on=TODAY - dt.timedelta(days=9), referred_on=earlier
    )
    due_today = refer(db, ids["ann"], ids["physio"], follow_up_on=TODAY)
    overdue = refer(
        db, cy, ids["physio"], follow_up_on=TODAY - dt.timedelta(days=2), referred_on=earlier
    )
    refer(db, cy, ids["physio"], follow_up_on=TODAY + dt.timedelta(days=1))  # not yet
    closed = refer(
        db, ids["ann"], ids["physio"], follow_up_on=TODAY - dt.timedelta(1), referred_on=earlier
    )
    with db.unit_of_work() as session:
        rf.set_status(session, closed.id, S.DECLINED, today=TODAY)
    with db.reading() as session:
        due = rf.follow_ups_due(session, TODAY)
    assert [r.id for r in due] == [long_overdue.id, overdue.id, due_today.id]
    assert [r.days_overdue for r in due] == [9, 2, 0]
    with db.reading() as session:
        listed = rf.list_referrals(session, today=TODAY)
    assert [r.id for r in listed[:3]] == [long_overdue.id, overdue.id, due_today.id]
    assert all(r.is_open for r in listed) and len(listed) == 4


def test_not_connected_yet_asks_again_later(db: Database, ids: dict[str, int]) -> None:
    referral = refer(db, ids["ann"], ids["physio"], follow_up_on=TODAY)
    with db.unit_of_work() as session, pytest.raises(ValidationError) as caught:
        rf.record_follow_up(session, referral.id, FollowUpInput(connected=False), today=TODAY)
    assert "when to ask again" in (caught.value.for_field("ask_again_on") or "")
    later = TODAY + dt.timedelta(days=7)
    with db.unit_of_work() as session:
        row = rf.record_follow_up(
            session,
            referral.id,
            FollowUpInput(False, "Left a message; not heard back yet.", ask_again_on=later),
            today=TODAY,
        )
    assert row.connected is False and row.followed_up_on == TODAY and row.follow_up_on == later
    assert row.status is S.SUGGESTED and not row.follow_up_due
    with db.reading() as session:
        assert rf.follow_ups_due(session, TODAY) == []
        assert [r.id for r in rf.follow_ups_due(session, later)] == [referral.id]


def test_connected_completes_the_referral_and_closes_the_loop(
    db: Database, ids: dict[str, int]
) -> None:
    referral = refer(db, ids["ann"], ids["physio"], follow_up_on=TODAY)
    with db.unit_of_work() as session:
        row = rf.record_follow_up(
            session,
            referral.id,
            FollowUpInput(True, "Has been twice; finds it useful.", close=True),
            today=TODAY,
        )
    assert row.status is S.COMPLETED and row.connected is True
    assert row.follow_up_answer == "Has been twice; finds it useful."
    with db.reading() as session:
        assert rf.follow_ups_due(session, TODAY) == []
        assert rf.list_referrals(session, today=TODAY) == []
        assert len(rf.list_referrals(session, today=TODAY, open_only=False)) == 1


def test_connected_but_ongoing_stays_accepted(db: Database, ids: dict[str, int]) -> None:
    referral = refer(db, ids["ann"], ids["physio"], follow_up_on=TODAY)
    with db.unit_of_work() as session:
        row = rf.record_follow_up(session, referral.id, FollowUpInput(True), today=TODAY)
    assert row.status is S.ACCEPTED and not row.follow_up_due
    with db.unit_of_work() as session:
        assert rf.set_status(session, referral.id, S.COMPLETED, today=TODAY).status is S.COMPLETED


def test_not_going_ahead_declines(db: Database, ids: dict[str, int]) -> None:
    referral = refer(db, ids["ann"], ids["physio"], follow_up_on=TODAY)
    with db.unit_of_work() as session:
        row = rf.record_follow_up(
            session, referral.id, FollowUpInput(False, "Not for now.", close=True), today=TODAY
        )
    assert row.status is S.DECLINED


def test_search_referrals_by_client_provider_or_reason(db: Database, ids: dict[str, int]) -> None:
    zoe = add_client(db, "Zoë Ñúñez")
    refer(db, zoe, ids["physio"])
    refer(db, ids["ann"], ids["physio"], urgency=ReferralUrgency.URGENT)
    with db.reading() as session:
        assert [r.client_name for r in rf.list_referrals(session, today=TODAY, text="zoe")] == [
            "Zoë Ñúñez"
        ]
        assert len(rf.list_referrals(session, today=TODAY, text="back HARBOUR")) == 2
        assert len(rf.list_referrals(session, today=TODAY, client_id=zoe)) == 1


# -- principle 7 ---------------------------------------------------------------------


def test_a_referral_from_an_interaction_makes_principle_7_apply(
    db: Database, ids: dict[str, int]
) -> None:
    now = dt.datetime.combine(TODAY, dt.time(15))
    data = InteractionInput(ids["ann"], InteractionKind.SESSION, now.replace(hour=10))
    with db.unit_of_work() as session:
        draft = ix.save_draft(session, data, interaction_id=None, now=now)
    assert 7 not in {item.number for item in draft.checklist}
    refer(db, ids["ann"], ids["physio"], interaction_id=draft.id)
    with db.reading() as session:
        detail = ix.get_interaction(session, draft.id, today=TODAY)
    seven = next(item for item in detail.checklist if item.number == 7)
    assert seven.reason == "a referral was considered"
    with db.unit_of_work() as session, pytest.raises(ValidationError) as caught:
        ix.finalise(session, draft.id, now=now, today=TODAY)
    assert "7 (" in str(caught.value)


def test_referral_cannot_join_a_finalised_or_foreign_interaction(
    db: Database, ids: dict[str, int]
) -> None:
    bea = add_client(db, "Bea Example")
    now = dt.datetime.combine(TODAY, dt.time(15))
    with db.unit_of_work() as session:
        draft = ix.save_draft(
            session,
            InteractionInput(bea, InteractionKind.PHONE_CALL, now, notes="Called."),
            interaction_id=None,
            now=now,
        )
    with pytest.raises(ValidationError) as caught:
        refer(db, ids["ann"], ids["physio"], interaction_id=draft.id)
    assert "another client" in (caught.value.for_field("interaction_id") or "")
    with db.unit_of_work() as session:
        for item in ix.get_interaction(session, draft.id, today=TODAY).checklist:
            if item.requirement.value == "required":
                ix.answer(
                    session, draft.id, item.principle_id, ix.ChecklistAnswerValue.DONE, now=now
                )
        ix.finalise(session, draft.id, now=now, today=TODAY)
    with pytest.raises(ValidationError) as caught:
        refer(db, bea, ids["physio"], interaction_id=draft.id)
    assert "finalised" in (caught.value.for_field("interaction_id") or "")


# -- incoming sources and the report -------------------------------------------------------


def test_source_is_set_replaced_and_labelled(db: Database, ids: dict[str, int]) -> None:
    bea = add_client(db, "Bea Example")
    with db.unit_of_work() as session, pytest.raises(ValidationError) as caught:
        rf.set_referral_source(
            session, bea, SourceInput(ReferralSourceKind.CLIENT, TODAY), today=TODAY
        )
    assert caught.value.for_field("source_client_id")
    with db.unit_of_work() as session, pytest.raises(ValidationError) as caught:
        rf.set_referral_source(
            session, bea, SourceInput(ReferralSourceKind.OTHER, TODAY), today=TODAY
        )
    assert caught.value.for_field("source_detail")
    with db.unit_of_work() as session:
        first = rf.set_referral_source(
            session,
            bea,
            SourceInput(ReferralSourceKind.CLIENT, TODAY, source_client_id=ids["ann"]),
            today=TODAY,
        )
    assert first.label == "Ann Example (a client)"
    with db.unit_of_work() as session:
        second = rf.set_referral_source(
            session,
            bea,
            SourceInput(ReferralSourceKind.PROVIDER, TODAY, provider_id=ids["physio"]),
            today=TODAY,
        )
    assert second.referral_id == first.referral_id and second.label == "Harbour Physio"
    with db.reading() as session:
        assert rf.referral_source(session, bea) == second
        assert rf.referral_source(session, ids["ann"]) is None
        # An incoming referral is never in the list of referrals out.
        assert rf.list_referrals(session, today=TODAY, open_only=False) == []
    with db.unit_of_work() as session:
        rf.clear_referral_source(session, bea)
    with db.reading() as session:
        assert rf.referral_source(session, bea) is None


def _appointment(
    db: Database, client_id: int, practitioner_id: int, day: dt.date, status: AppointmentStatus
) -> None:
    with db.unit_of_work() as session:
        session.add(
            Appointment(
                client_id=client_id,
                practitioner_id=practitioner_id,
                start=dt.datetime.combine(day, dt.time(10)),
                duration_minutes=50,
                status=status,
            )
        )


def test_referral_sources_report(db: Database, ids: dict[str, int]) -> None:
    pat = add_practitioner(db)
    start, end = dt.date(2026, 10, 1), dt.date(2026, 10, 31)
    web1, web2, by_physio, by_client, before = (
        add_client(db, name) for name in ("Web One", "Web Two", "Physio One", "Friend One", "Old")
    )
    sources = {
        web1: SourceInput(ReferralSourceKind.WEBSITE, dt.date(2026, 10, 3), detail="Form"),
        web2: SourceInput(ReferralSourceKind.WEBSITE, dt.date(2026, 10, 20)),
        by_physio: SourceInput(
            ReferralSourceKind.PROVIDER, dt.date(2026, 10, 5), provider_id=ids["physio"]
        ),
        by_client: SourceInput(
            ReferralSourceKind.CLIENT, dt.date(2026, 11, 2), source_client_id=ids["ann"]
        ),
        before: SourceInput(ReferralSourceKind.WEBSITE, dt.date(2026, 9, 1)),
    }
    with db.unit_of_work() as session:
        for client_id, source in sources.items():
            rf.set_referral_source(session, client_id, source, today=TODAY)
    _appointment(db, web1, pat, dt.date(2026, 10, 10), AppointmentStatus.COMPLETED)
    # Web Two's first kept appointment is in November: cancelled ones do not count.
    _appointment(db, web2, pat, dt.date(2026, 10, 25), AppointmentStatus.CANCELLED)
    _appointment(db, web2, pat, dt.date(2026, 11, 5), AppointmentStatus.SCHEDULED)
    _appointment(db, by_physio, pat, dt.date(2026, 10, 12), AppointmentStatus.COMPLETED)
    _appointment(db, by_physio, pat, dt.date(2026, 9, 1), AppointmentStatus.NO_SHOW)
    # Referred in September, first seen in October: counts as a first appointment only.
    _appointment(db, before, pat, dt.date(2026, 10, 2), AppointmentStatus.COMPLETED)
    with db.reading() as session:
        report = rf.referral_sources_report(session, start, end)
    # Clients with no source recorded are a line of their own (created "now": left out here).
    report = [row for row in report if row.kind is not None]
    got = {(row.label, row.clients_referred, row.first_appointments) for row in report}
    assert got == {("The website", 2, 2), ("Harbour Physio", 1, 1)}
    assert report[0].label == "The website"
    with db.reading() as session:
        november = rf.referral_sources_report(session, dt.date(2026, 11, 1), TODAY)
    assert {(r.label, r.clients_referred, r.first_appointments) for r in november if r.kind} == {
        ("Another client", 1, 0),
        ("The website", 0, 1),
    }
    # Your clients only: Web One and Physio One are a colleague's.
    from clientcare.scope import Scope

    colleague = add_practitioner(db, "Bo Colleague")
    with db.unit_of_work() as session:
        for client_id in (web1, by_physio):
            session.get(Client, client_id).primary_practitioner_id = colleague  # type: ignore[union-attr]
        for client_id in (web2, before):
            session.get(Client, client_id).primary_practitioner_id = pat  # type: ignore[union-attr]
    with db.reading() as session:
        yours = rf.referral_sources_report(session, start, end, Scope(pat))
        theirs = rf.referral_sources_report(session, start, end, Scope(colleague))
    assert {(r.label, r.clients_referred, r.first_appointments) for r in yours if r.kind} == {
        ("The website", 1, 1)  # Web Two referred in October; Old first seen in October
    }
    assert {(r.label, r.clients_referred, r.first_appointments) for r in theirs if r.kind} == {
        ("The website", 1, 1),
        ("Harbour Physio", 1, 1),
    }


def test_gone_referral_is_not_found(db: Database) -> None:
    with db.reading() as session, pytest.raises(NotFoundError):
        rf.get_referral(session, 999, today=TODAY)


# -- the introduction letter ------------------------------------------------------------------


def test_letter_needs_consent_first(db: Database, ids: dict[str, int]) -> None:
    referral = refer(db, ids["ann"], ids["physio"])
    with db.reading() as session, pytest.raises(ValidationError) as caught:
        letters.referral_letter_context(session, referral.id, {"full_name", "reason"})
    assert "record their consent first" in (caught.value.for_field("consent_to_share_on") or "")
    with db.unit_of_work() as session:
        rf.record_consent(session, referral.id, TODAY, today=TODAY)
    with db.reading() as session:
        context = letters.referral_letter_context(session, referral.id, {"full_name", "reason"})
    assert context["consent_on"] == TODAY


def test_letter_holds_only_the_ticked_fields(db: Database, ids: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        client = clients.create_client(
            session,
            ClientInput(
                full_name="Zoë <b>Ñúñez</b>",
                preferred_name="Zo",
                phone="07700 900123",
                email="zoe@example.org",
                address="1 Secret Lane",
                status=ClientStatus.ACTIVE,
            ),
            region="GB",
            today=TODAY,
        )
    referral = refer(db, client.id, ids["physio"], consent_to_share_on=TODAY)
    with db.reading() as session:
        letter = letters.referral_letter(
            session,
            referral.id,
            {"full_name", "email", "background"},
            background="Finds mornings hard.\n\nPrefers e-mail.",
            today=TODAY,
        )
    html = letter.html
    assert "Zoë &lt;b&gt;Ñúñez&lt;/b&gt;" in html  # escaped, never markup
    assert "zoe@example.org" in html and "Finds mornings hard." in html
    assert "07700" not in html and "Secret Lane" not in html
    assert "Specialist support for back pain." not in html  # the reason was not ticked
    assert "Harbour Physio" in html and letter.title.startswith("Introduction of Zoë")
    with db.reading() as session, pytest.raises(ValidationError) as caught:
        letters.referral_letter_context(session, referral.id, {"reason"})
    assert "name" in (caught.value.for_field("included") or "")
