"""The Follow-ups and Referrals lists read a page at a time (issue 19), without Qt.

Every list is searched, ordered, counted and paged in SQL: a page read with
``offset``/``limit`` is exactly that slice of the whole list in every order (each
turned around too), the count is the whole list's, a row's place (``*_position``) is
where the whole list has it, the search ignores case and accents on every backend, and
the scope (your clients, or the whole practice) decides what is listed and counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from clientcare import clients
from clientcare import followups as fu
from clientcare import referrals as rf
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.lists import accent_pattern, contains_folded, every_word
from clientcare.db.migrate import open_database
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    Client,
    ClientIssue,
    ClientStatus,
    Expectation,
    ExpectationOutcome,
    Interaction,
    InteractionKind,
    InteractionState,
    IssueStatus,
    Provider,
    ProviderKind,
    Referral,
    ReferralDirection,
    ReferralStatus,
    ReferralUrgency,
    SetBy,
    Urgency,
    WarmHandoff,
)
from clientcare.encryption import Passphrase
from clientcare.practice import add_practitioner
from clientcare.rekey import encrypt_database
from clientcare.scope import WHOLE_PRACTICE, Scope, own_scope

TODAY = dt.date(2026, 11, 23)
PAGE = 4


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.fixture
def practice(db: Database) -> dict[str, Any]:
    """You (Ada) and Sam; clients of each and one of nobody's; providers."""
    with db.unit_of_work() as session:
        you = add_practitioner(session, "Ada Example", is_current_user=True).id
        sam = add_practitioner(session, "Sam Sample").id
    names = {
        "zoe": ("Zoë Ñúñez", you),
        "ann": ("Ann Example", you),
        "bea": ("Bea Nobody", None),
        "cal": ("Cal Sams", sam),
        "dee": ("Dee Sams", sam),
    }
    ids: dict[str, Any] = {"you": you, "sam": sam}
    with db.unit_of_work() as session:
        for key, (name, practitioner) in names.items():
            ids[key] = clients.create_client(
                session,
                ClientInput(
                    full_name=name,
                    status=ClientStatus.ACTIVE,
                    primary_practitioner_id=practitioner,
                ),
                region="GB",
                today=days(-300),
            ).id
            session.get(Client, ids[key]).inquired_on = days(-300)  # type: ignore[union-attr]
        providers = [
            Provider(name="Søren Physio", kind=ProviderKind.EXTERNAL, specialty="Sports"),
            Provider(name="Quiet Mind", kind=ProviderKind.EXTERNAL, accepting_clients=False),
            Provider(name="harbour clinic", kind=ProviderKind.EXTERNAL, notes="Evening hours"),
            Provider(name="Old Place", kind=ProviderKind.EXTERNAL, archived=True),
        ]
        session.add_all(providers)
        session.flush()
        ids["providers"] = [p.id for p in providers]
    return ids


def pages(read: Callable[[int, int], Sequence[Any]]) -> list[Any]:
    """Every row, read a page at a time as a list does."""
    rows: list[Any] = []
    while True:
        page = list(read(len(rows), PAGE))
        rows += page
        if len(page) < PAGE:
            return rows


# -- the search ------------------------------------------------------------------------


def test_the_search_ignores_case_and_accents_in_sql(db: Database) -> None:
    assert accent_pattern("soren").startswith("[sS")
    with db.reading() as session:
        found = session.execute(
            select(
                contains_folded(select(Provider.name).where(Provider.id < 0).scalar_subquery(), "x")
            )
        ).scalar()
        assert not found  # no row: NULL or false, never an error
    with db.unit_of_work() as session:
        session.add_all(
            Provider(name=name, kind=ProviderKind.EXTERNAL)
            for name in ("Søren ØSTERGÅRD", "Zoë's 100% Club_1", "Plain")
        )
    with db.reading() as session:

        def names(text: str) -> set[str]:
            query = select(Provider.name).where(*every_word(text, plain=(Provider.name,)))
            return set(session.scalars(query))

        assert names("soren ostergard") == {"Søren ØSTERGÅRD"}
        assert names("ZOE") == {"Zoë's 100% Club_1"}
        assert names("100%") == {"Zoë's 100% Club_1"}
        assert names("b_1") == {"Zoë's 100% Club_1"}
        assert names("%") == {"Zoë's 100% Club_1"}  # a literal %, not "anything"
        assert names("_") == {"Zoë's 100% Club_1"}
        assert names("") == {"Søren ØSTERGÅRD", "Zoë's 100% Club_1", "Plain"}
        assert names("plain soren") == set()
        assert names("so\x00ren") == {"Søren ØSTERGÅRD"}  # a NUL pasted in is left out
        assert names("[ø]") == set() and names("(") == set() and names("\\") == set()


# -- issues ------------------------------------------------------------------------------


def add_issues(db: Database, ids: dict[str, Any]) -> dict[str, int]:
    made: dict[str, int] = {}
    specs = [
        ("ann", "Receipt address", Urgency.NORMAL, -3, None, IssueStatus.OPEN, "Tax claim"),
        ("zoe", "Überweisung fehlt", Urgency.CRISIS, -1, days(2), IssueStatus.OPEN, ""),
        ("bea", "Room is cold", Urgency.LOW, -30, days(-2), IssueStatus.OPEN, "Cannot focus"),
        ("cal", "Invoice twice", Urgency.HIGH, -9, None, IssueStatus.OPEN, "Worried"),
        ("dee", "Evening sessions", Urgency.NORMAL, -20, days(5), IssueStatus.OPEN, ""),
        ("ann", "Letter for work", Urgency.HIGH, -9, None, IssueStatus.OPEN, "Needs it"),
        ("zoe", "Parking", Urgency.LOW, -50, None, IssueStatus.RESOLVED, ""),
        ("cal", "Old bill", Urgency.HIGH, -60, None, IssueStatus.RESOLVED, ""),
    ]
    with db.unit_of_work() as session:
        for key, title, urgency, raised, due, status, impact in specs:
            issue = ClientIssue(
                client_id=ids[key],
                title=title,
                urgency=urgency,
                raised_on=days(raised),
                due_on=due,
                status=status,
                impact=impact,
                resolved_on=days(-1) if status is IssueStatus.RESOLVED else None,
            )
            session.add(issue)
            session.flush()
            made[title] = issue.id
    return made


def test_issues_page_count_and_place_in_every_order(db: Database, practice: dict) -> None:
    add_issues(db, practice)
    with db.reading() as session:
        for whose in (own_scope(session), WHOLE_PRACTICE):
            for sort in fu.IssueSort:
                for descending in (False, True):
                    filters: dict[str, Any] = {
                        "include_resolved": True,
                        "scope": whose,
                        "sort": sort,
                        "descending": descending,
                    }
                    whole = fu.list_issues(session, today=TODAY, **filters)
                    paged = pages(
                        lambda offset, limit, f=filters: fu.list_issues(
                            session, today=TODAY, **f, offset=offset, limit=limit
                        )
                    )
                    assert [r.id for r in paged] == [r.id for r in whole], (sort, descending)
                    for place, row in enumerate(whole):
                        assert fu.issue_position(session, row.id, **filters) == place
            counted = fu.count_issues(session, include_resolved=True, scope=whose)
            listed = fu.list_issues(session, today=TODAY, include_resolved=True, scope=whose)
            assert counted.listed == len(listed)
            assert counted.open == sum(r.status is IssueStatus.OPEN for r in listed)
            assert counted.urgent == sum(
                r.status is IssueStatus.OPEN and r.urgency in fu.URGENT for r in listed
            )


def test_issues_are_yours_first_searched_in_sql_and_in_triage_order(
    db: Database, practice: dict
) -> None:
    made = add_issues(db, practice)
    with db.reading() as session:
        mine = own_scope(session)
        assert mine == Scope(practice["you"])
        listed = fu.list_issues(session, today=TODAY, scope=mine)
        # Triage: crisis, high, normal, low; the longest waiting first; Sam's not here.
        assert [r.title for r in listed] == [
            "Überweisung fehlt",
            "Letter for work",
            "Receipt address",
            "Room is cold",
        ]
        assert fu.count_issues(session, scope=mine) == fu.IssueCounts(4, 4, 2)
        whole = fu.list_issues(session, today=TODAY)
        assert len(whole) == 6 and fu.count_issues(session) == fu.IssueCounts(6, 6, 3)
        assert [r.id for r in whole] == [r.id for r in fu.triage_queue(session, today=TODAY)]
        # The search: the title, the impact, the notes or the client's names; accents aside.
        found = fu.list_issues(session, today=TODAY, text="UBERWEISUNG zoe")
        assert [r.id for r in found] == [made["Überweisung fehlt"]]
        assert fu.count_issues(session, text="uberweisung").listed == 1
        assert {r.title for r in fu.list_issues(session, today=TODAY, text="worried")} == {
            "Invoice twice"
        }
        assert fu.list_issues(session, today=TODAY, text="Sams", scope=mine) == []
        assert fu.issue_position(session, made["Invoice twice"], scope=mine) is None
        assert fu.issue_position(session, made["Parking"]) is None  # resolved: not listed
        # A client's own open issues (the pre-session brief).
        assert [r.title for r in fu.client_issues(session, practice["ann"], today=TODAY)] == [
            "Letter for work",
            "Receipt address",
        ]


# -- expectations ---------------------------------------------------------------------------


def add_expectations(db: Database, ids: dict[str, Any]) -> None:
    specs = [
        ("ann", "Replies within two working days", -40, -3, ExpectationOutcome.OPEN),
        ("zoe", "Café voucher each month", -30, 5, ExpectationOutcome.OPEN),
        ("bea", "A summary after each session", -20, None, ExpectationOutcome.OPEN),
        ("cal", "Evening slots", -10, -1, ExpectationOutcome.OPEN),
        ("dee", "Sliding scale", -50, 0, ExpectationOutcome.OPEN),
        ("ann", "Reviewed long ago", -90, -60, ExpectationOutcome.MET),
    ]
    with db.unit_of_work() as session:
        for key, text, set_on, review, outcome in specs:
            session.add(
                Expectation(
                    client_id=ids[key],
                    description=text,
                    set_by=SetBy.CLIENT if key in ("zoe", "dee") else SetBy.PRACTICE,
                    set_on=days(set_on),
                    review_on=None if review is None else days(review),
                    outcome=outcome,
                    reviewed_on=days(-59) if outcome is ExpectationOutcome.MET else None,
                )
            )


def test_expectations_page_count_search_and_scope(db: Database, practice: dict) -> None:
    add_expectations(db, practice)
    with db.reading() as session:
        mine = own_scope(session)
        for whose in (mine, WHOLE_PRACTICE):
            for sort in fu.ExpectationSort:
                for descending in (False, True):
                    filters: dict[str, Any] = {"scope": whose, "sort": sort}
                    filters["descending"] = descending
                    whole = fu.open_expectations(session, today=TODAY, **filters)
                    paged = pages(
                        lambda offset, limit, f=filters: fu.open_expectations(
                            session, today=TODAY, **f, offset=offset, limit=limit
                        )
                    )
                    assert [r.id for r in paged] == [r.id for r in whole], (sort, descending)
                    for place, row in enumerate(whole):
                        assert fu.expectation_position(session, row.id, **filters) == place
        listed = fu.open_expectations(session, today=TODAY, scope=mine)
        # By review date (none last): due first.
        assert [r.description for r in listed] == [
            "Replies within two working days",
            "Café voucher each month",
            "A summary after each session",
        ]
        assert fu.count_open_expectations(session, today=TODAY, scope=mine) == (
            fu.ExpectationCounts(3, 1)
        )
        assert fu.count_open_expectations(session, today=TODAY) == fu.ExpectationCounts(5, 3)
        found = fu.open_expectations(session, today=TODAY, text="cafe NUNEZ")
        assert [r.description for r in found] == ["Café voucher each month"]
        assert fu.count_open_expectations(session, today=TODAY, text="cafe").listed == 1
        assert fu.open_expectations(session, today=TODAY, text="sliding", scope=mine) == []


# -- referrals ------------------------------------------------------------------------------


def add_referrals(db: Database, ids: dict[str, Any]) -> None:
    soren, quiet, harbour, _old = ids["providers"]
    specs = [
        ("ann", soren, ReferralStatus.SUGGESTED, days(-3), None, "Knee after running"),
        ("zoe", quiet, ReferralStatus.INTRODUCED, days(0), None, "Anxiety support"),
        ("bea", harbour, ReferralStatus.ACCEPTED, days(7), None, "Evening physio"),
        ("cal", soren, ReferralStatus.SUGGESTED, days(-10), None, "Shoulder"),
        ("dee", quiet, ReferralStatus.COMPLETED, days(-30), days(-29), "Grief group"),
        ("ann", harbour, ReferralStatus.INTRODUCED, days(-5), days(-2), "Asked again later"),
        ("zoe", soren, ReferralStatus.DECLINED, None, None, "Too far"),
        ("bea", quiet, ReferralStatus.SUGGESTED, None, None, "No date yet"),
    ]
    with db.unit_of_work() as session:
        for number, (key, provider, status, follow_up, asked, reason) in enumerate(specs):
            session.add(
                Referral(
                    client_id=ids[key],
                    direction=ReferralDirection.OUTGOING,
                    provider_id=provider,
                    reason=reason,
                    urgency=list(ReferralUrgency)[number % 3],
                    status=status,
                    warm_handoff=list(WarmHandoff)[number % 3],
                    handoff_on=days(-number) if number % 3 else None,
                    follow_up_on=follow_up,
                    followed_up_on=asked,
                    referred_on=days(-20 - number),
                )
            )


def test_referrals_page_count_and_place_in_every_order(db: Database, practice: dict) -> None:
    add_referrals(db, practice)
    with db.reading() as session:
        for whose in (own_scope(session), WHOLE_PRACTICE):
            for open_only in (True, False):
                for sort in rf.ReferralSort:
                    for descending in (False, True):
                        filters: dict[str, Any] = {
                            "open_only": open_only,
                            "scope": whose,
                            "sort": sort,
                            "descending": descending,
                        }
                        whole = rf.list_referrals(session, today=TODAY, **filters)
                        paged = pages(
                            lambda offset, limit, f=filters: rf.list_referrals(
                                session, today=TODAY, **f, offset=offset, limit=limit
                            )
                        )
                        assert [r.id for r in paged] == [r.id for r in whole], (sort, descending)
                        for place, row in enumerate(whole):
                            found = rf.referral_position(session, row.id, today=TODAY, **filters)
                            assert found == place
                count = rf.count_referrals(session, open_only=open_only, scope=whose)
                assert count == len(
                    rf.list_referrals(session, today=TODAY, open_only=open_only, scope=whose)
                )
            # Due first, the most overdue first: the domain's sort_key, in SQL.
            listed = rf.list_referrals(session, today=TODAY, open_only=False, scope=whose)
            assert listed == sorted(listed, key=rf.sort_key)


def test_referrals_are_yours_first_and_searched_in_sql(db: Database, practice: dict) -> None:
    add_referrals(db, practice)
    with db.reading() as session:
        mine = own_scope(session)
        listed = rf.list_referrals(session, today=TODAY, scope=mine)
        assert [r.reason for r in listed] == [
            "Knee after running",  # overdue 3 days
            "Anxiety support",  # due today
            "No date yet",  # then by status: suggested, introduced, accepted
            "Asked again later",  # asked since the date was set: not due
            "Evening physio",
        ]
        assert rf.count_follow_ups(session, TODAY, scope=mine) == rf.FollowUpCounts(2, 1)
        assert rf.count_follow_ups(session, TODAY) == rf.FollowUpCounts(3, 2)
        assert len(rf.follow_ups_due(session, TODAY)) == 3
        # The client, the provider or the reason; accents and case aside.
        assert [r.reason for r in rf.list_referrals(session, today=TODAY, text="SOREN knee")] == [
            "Knee after running"
        ]
        assert rf.count_referrals(session, text="soren", open_only=False) == 3
        assert rf.count_referrals(session, text="soren", scope=mine) == 1
        assert [r.client_name for r in rf.list_referrals(session, today=TODAY, text="nunez")] == [
            "Zoë Ñúñez"
        ]


def test_the_directory_pages_and_counts_in_sql(db: Database, practice: dict) -> None:
    add_referrals(db, practice)
    with db.reading() as session:
        for sort in rf.ProviderSort:
            for descending in (False, True):
                for archived in (False, True):
                    options: dict[str, Any] = {"include_archived": archived, "sort": sort}
                    options["descending"] = descending
                    whole = rf.list_providers(session, **options)
                    paged = pages(
                        lambda offset, limit, o=options: rf.list_providers(
                            session, **o, offset=offset, limit=limit
                        )
                    )
                    assert [p.id for p in paged] == [p.id for p in whole]
                    assert rf.count_providers(session, include_archived=archived) == len(whole)
                    for place, row in enumerate(whole):
                        assert rf.provider_position(session, row.id, **options) == place
        names = [p.name for p in rf.list_providers(session)]
        assert names == ["harbour clinic", "Quiet Mind", "Søren Physio"]
        by_open = rf.list_providers(session, sort=rf.ProviderSort.OPEN_REFERRALS, descending=True)
        assert [(p.name, p.open_referral_count) for p in by_open] == [
            ("Søren Physio", 2),
            ("Quiet Mind", 2),
            ("harbour clinic", 2),
        ]
        assert [p.name for p in rf.list_providers(session, "EVENING")] == ["harbour clinic"]
        assert rf.count_providers(session, "place") == 0
        assert rf.count_providers(session, "place", include_archived=True) == 1


# -- contact attempts and prospects -----------------------------------------------------------


def attempt(db: Database, client_id: int, day: int) -> None:
    with db.unit_of_work() as session:
        session.add(
            Interaction(
                client_id=client_id,
                kind=InteractionKind.CONTACT_ATTEMPT,
                occurred_at=dt.datetime.combine(days(day), dt.time(12)),
                state=InteractionState.FINAL,
            )
        )


def test_unreturned_attempts_are_counted_in_sql_for_the_scope(db: Database, practice: dict) -> None:
    for key in ("ann", "cal", "bea"):
        for day in (-9, -6, -3):
            attempt(db, practice[key], day)
    # Bea came to a session after the first two attempts: one is unreturned.
    with db.unit_of_work() as session:
        session.add(
            Appointment(
                client_id=practice["bea"],
                practitioner_id=practice["you"],
                start=dt.datetime.combine(days(-5), dt.time(9)),
                duration_minutes=50,
                status=AppointmentStatus.COMPLETED,
            )
        )
    with db.reading() as session:
        mine = own_scope(session)
        rows = fu.contact_attempt_suggestions(session, today=TODAY, scope=mine)
        assert [(r.client_name, r.attempts, r.first_attempt_on) for r in rows] == [
            ("Ann", 3, days(-9))
        ]
        assert fu.count_attempt_suggestions(session, scope=mine) == 1
        whole = fu.contact_attempt_suggestions(session, today=TODAY)
        assert {r.client_name for r in whole} == {"Ann", "Cal"}
        assert fu.count_attempt_suggestions(session) == 2
        assert fu.unreturned_attempts(session, practice["bea"]) == 1
        assert fu.unreturned_attempts(session, practice["ann"]) == 3
        for sort in fu.AttemptSort:
            for descending in (False, True):
                order: dict[str, Any] = {"sort": sort, "descending": descending}
                listed = fu.contact_attempt_suggestions(session, today=TODAY, **order)
                assert {r.client_id for r in listed} == {practice["ann"], practice["cal"]}
                first = fu.contact_attempt_suggestions(session, today=TODAY, **order, limit=1)
                assert first == listed[:1]


def test_the_pipeline_pages_counts_and_figures_follow_the_scope(
    db: Database, practice: dict
) -> None:
    with db.unit_of_work() as session:
        prospects = {}
        for name, practitioner, inquired in (
            ("Pia Prospect", None, -10),
            ("Quin Prospect", practice["sam"], -20),
            ("Rae Prospect", practice["you"], -5),
            ("Sol Prospect", None, -40),
            ("Tom Prospect", None, -2),
        ):
            prospects[name] = clients.create_client(
                session,
                ClientInput(
                    full_name=name,
                    status=ClientStatus.PROSPECT,
                    primary_practitioner_id=practitioner,
                ),
                region="GB",
                today=days(inquired),
            ).id
    with db.unit_of_work() as session:
        for name, client_id in prospects.items():  # when they got in touch
            session.get(Client, client_id).inquired_on = days(  # type: ignore[union-attr]
                {"Pia": -10, "Quin": -20, "Rae": -5, "Sol": -40, "Tom": -2}[name.split()[0]]
            )
    with db.unit_of_work() as session:
        fu.set_prospect_stage(
            session, prospects["Sol Prospect"], fu.PipelineStage.CONSULTATION, today=TODAY
        )
        fu.set_prospect_stage(
            session,
            prospects["Tom Prospect"],
            fu.PipelineStage.DECLINED,
            today=TODAY,
            reason="Cost",
        )
    attempt(db, prospects["Pia Prospect"], -1)
    with db.reading() as session:
        mine = own_scope(session)
        listed = fu.prospects_pipeline(session, today=TODAY, scope=mine)
        assert [(r.client_name, r.stage, r.unreturned_attempts) for r in listed] == [
            ("Sol", fu.PipelineStage.CONSULTATION, 0),
            ("Pia", fu.PipelineStage.INQUIRY, 1),
            ("Rae", fu.PipelineStage.INQUIRY, 0),
        ]
        assert fu.prospect_stage_counts(session, scope=mine) == {
            fu.PipelineStage.INQUIRY: 2,
            fu.PipelineStage.CONSULTATION: 1,
        }
        assert len(fu.prospects_pipeline(session, today=TODAY)) == 4
        assert [r.client_name for r in fu.prospects_pipeline(session, today=TODAY, text="qui")] == [
            "Quin"
        ]
        for sort in fu.ProspectSort:
            for descending in (False, True):
                order: dict[str, Any] = {"sort": sort, "descending": descending}
                whole = fu.prospects_pipeline(session, today=TODAY, **order)
                paged = pages(
                    lambda offset, limit, o=order: fu.prospects_pipeline(
                        session, today=TODAY, **o, offset=offset, limit=limit
                    )
                )
                assert [r.client_id for r in paged] == [r.client_id for r in whole]
                for place, row in enumerate(whole):
                    assert fu.prospect_position(session, row.client_id, **order) == place
        figures = fu.prospect_conversion(session, days(-90), TODAY, scope=mine)
        assert (figures.inquiries, figures.declined, figures.still_open) == (4, 1, 3)
        assert figures.declined_reasons == (("Cost", 1),)
        everyone = fu.prospect_conversion(session, days(-90), TODAY)
        assert everyone.inquiries == 5


def test_checkins_due_are_searched_and_ordered(db: Database, practice: dict) -> None:
    from clientcare.db.models import ConsentState, ContactChannel

    with db.unit_of_work() as session:
        for key, interval in (("ann", 30), ("zoe", 60), ("cal", 45)):
            fu.record_consent(
                session,
                practice[key],
                ConsentState.GIVEN,
                recorded_on=days(-100),
                today=TODAY,
                channel=ContactChannel.SMS,
                interval_days=interval,
            )
    with db.reading() as session:
        mine = own_scope(session)
        due = fu.checkins_due(session, today=TODAY, scope=mine)
        assert [r.client_name for r in due] == ["Ann", "Zoë"]  # the longest overdue first
        assert [r.client_name for r in fu.checkins_due(session, today=TODAY, text="NUNEZ")] == [
            "Zoë"
        ]
        by_every = fu.checkins_due(session, today=TODAY, sort=fu.CheckInSort.EVERY, descending=True)
        assert [r.interval_days for r in by_every] == [60, 45, 30]


def test_the_search_works_on_an_encrypted_database(db_path: Path) -> None:
    """cc_fold is given to SQLCipher's connections too."""
    secret = Passphrase("blue kettle o'clock river")
    encrypt_database(db_path, secret)
    database, _report = open_database(db_path, passphrase=secret)
    try:
        with database.unit_of_work() as session:
            session.add(Provider(name="Søren Physio", kind=ProviderKind.EXTERNAL))
        with database.reading() as session:
            assert [p.name for p in rf.list_providers(session, "SOREN")] == ["Søren Physio"]
    finally:
        database.dispose()
