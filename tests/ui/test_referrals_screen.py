"""Referrals driven as a person would: refer from a contact note, hand off warmly,
ask "did they connect?", and keep the directory tidy."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare import clients
from clientcare import referrals as rf
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import (
    ClientStatus,
    Interaction,
    Practitioner,
    Provider,
    ProviderKind,
    Referral,
    ReferralStatus,
    WarmHandoff,
)
from clientcare.referrals import ProviderInput, ReferralInput
from tests.ui.conftest import choose_client, open_client_tab
from ui.dialogs.interaction import InteractionEditor
from ui.dialogs.referral import (
    FollowUpDialog,
    HandoffDialog,
    LetterDialog,
    ReferralDialog,
    SourceDialog,
)
from ui.main_window import MainWindow
from ui.models.referrals import ReferralColumn
from ui.ops import Operations
from ui.screens.clients import ClientsScreen
from ui.screens.referrals import ReferralsScreen
from ui.screens.reports import ReportsScreen

TODAY = dt.date.today()
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
    with db.unit_of_work() as session:
        pat = Practitioner(full_name="Pat Example", is_current_user=True)
        sam = Practitioner(full_name="Sam Coworker")
        session.add_all([pat, sam])
        session.flush()
        zoe = clients.create_client(
            session,
            ClientInput(full_name="Zoë Ñúñez", status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
        )
        ann = clients.create_client(
            session,
            ClientInput(full_name="Ann Example", status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
        )
        coworker = rf.create_provider(
            session,
            ProviderInput(
                name="", kind=ProviderKind.INTERNAL, practitioner_id=sam.id, specialty="Couples"
            ),
            region="GB",
        )
        full = rf.create_provider(
            session,
            ProviderInput(name="Quiet Mind Counselling", accepting_clients=False),
            region="GB",
        )
        return {"zoe": zoe.id, "ann": ann.id, "sam": coworker.id, "full": full.id}


def refer(db: Database, client_id: int, provider_id: int, follow_up_on: dt.date) -> int:
    referred_on = min(TODAY, follow_up_on)
    with db.unit_of_work() as session:
        return rf.create_referral(
            session,
            ReferralInput(client_id, provider_id, "A better fit.", follow_up_on, referred_on),
            today=referred_on,
        ).id


def tick(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click a radio button or check box on its indicator (the widget may be wider)."""
    qtbot.mouseClick(button, LEFT, pos=QPoint(8, button.height() // 2))


def click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())


def fill_referral(
    qtbot: QtBot, dialog: ReferralDialog, provider_id: int, reason: str, typist
) -> None:  # type: ignore[no-untyped-def]
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.provider.setCurrentIndex(dialog.provider.findData(provider_id))
    typist(dialog.reason, reason)


# -- the scenario, end to end --------------------------------------------------


def test_refer_from_a_contact_hand_off_follow_up_and_it_leaves_the_open_list(
    qtbot: QtBot, ops: Operations, db: Database, ids: dict[str, int], typist
) -> None:
    # 1. During a session note, "Refer…" opens the referral dialog for this client.
    editor = InteractionEditor(ops, client_id=ids["zoe"])
    qtbot.addWidget(editor)
    editor.show()
    typist(editor.texts["notes"], "Talked about the relationship.")
    assert 7 not in editor.checklist_rows
    seen: list[ReferralDialog] = []

    def drive_referral(dialog: ReferralDialog) -> bool:
        seen.append(dialog)
        assert dialog.client.text() == "Zoë Ñúñez" and not dialog.client.isEnabled()
        fill_referral(qtbot, dialog, ids["sam"], "Couples work is Sam's specialty.", typist)
        assert dialog.linked.isVisible() and "principle 7" in dialog.linked.text()
        qtbot.mouseClick(dialog.save_button, LEFT)
        return dialog.result() == ReferralDialog.DialogCode.Accepted

    editor.run_referral_dialog = drive_referral  # type: ignore[method-assign]
    qtbot.mouseClick(editor.refer_button, LEFT)
    assert seen and seen[0].stored is not None
    assert 7 in editor.checklist_rows  # principle 7 now applies to this contact
    assert "principle 7" in editor.status.text()
    with db.reading() as session:
        interaction_id = session.scalars(select(Interaction.id)).one()
        referral = session.scalars(select(Referral)).one()
        assert referral.interaction_id == interaction_id
        assert referral.status is ReferralStatus.SUGGESTED
        referral_id = referral.id
        assert referral.follow_up_on == TODAY + dt.timedelta(days=14)

    # 2. On the Referrals screen it is open; mark the warm hand-off.
    screen = ReferralsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    panel = screen.referrals
    assert panel.visible_ids() == [referral_id]
    click_row(qtbot, panel.table, 0)
    assert "Zoë Ñúñez" in panel.detail.text() and "Sam Coworker" in panel.detail.text()

    def drive_handoff(dialog: HandoffDialog) -> bool:
        dialog.show()
        tick(qtbot, dialog.they_call)
        dialog.handoff_on.setDate(QDate.currentDate().addDays(1))
        qtbot.mouseClick(dialog.save_button, LEFT)
        return dialog.result() == HandoffDialog.DialogCode.Accepted

    panel.run_dialog = drive_handoff  # type: ignore[method-assign]
    qtbot.mouseClick(panel.handoff_button, LEFT)
    assert "They will call the client" in panel.detail.text()
    assert panel.current().status is ReferralStatus.INTRODUCED  # type: ignore[union-attr]
    with db.reading() as session:
        stored = session.get(Referral, referral_id)
        assert stored.warm_handoff is WarmHandoff.COWORKER_CALLS  # type: ignore[union-attr]
        assert stored.handoff_on == TODAY + dt.timedelta(days=1)  # type: ignore[union-attr]

    # 3. "Did they connect?" — yes; the referral did its work and leaves the open list.
    def drive_follow_up(dialog: FollowUpDialog) -> bool:
        dialog.show()
        assert not dialog.save_button.isEnabled()  # an answer first
        tick(qtbot, dialog.yes)
        assert dialog.close_box.isChecked() and "completed" in dialog.close_box.text()
        typist(dialog.answer, "Sam called; first session booked.")
        qtbot.mouseClick(dialog.save_button, LEFT)
        return dialog.result() == FollowUpDialog.DialogCode.Accepted

    panel.run_dialog = drive_follow_up  # type: ignore[method-assign]
    qtbot.mouseClick(panel.follow_up_button, LEFT)
    assert panel.visible_ids() == []
    assert panel.empty.isVisible() and "No open referrals" in panel.empty.text()
    with db.reading() as session:
        stored = session.get(Referral, referral_id)
        assert stored.status is ReferralStatus.COMPLETED  # type: ignore[union-attr]
        assert stored.connected is True  # type: ignore[union-attr]
        assert stored.followed_up_on == TODAY  # type: ignore[union-attr]
        assert stored.follow_up_answer == "Sam called; first session booked."  # type: ignore[union-attr]
    # Still there among all referrals.
    panel.show_filter.setCurrentIndex(panel.show_filter.findData(False))
    assert panel.visible_ids() == [referral_id]


# -- the referrals list ------------------------------------------------------------------


def test_overdue_follow_ups_come_first_and_the_banner_counts_them(
    qtbot: QtBot, ops: Operations, db: Database, ids: dict[str, int], typist
) -> None:
    later = refer(db, ids["ann"], ids["sam"], TODAY + dt.timedelta(days=5))
    today = refer(db, ids["ann"], ids["full"], TODAY)
    overdue = refer(db, ids["zoe"], ids["sam"], TODAY - dt.timedelta(days=3))
    screen = ReferralsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    panel = screen.referrals
    assert panel.visible_ids() == [overdue, today, later]
    assert "2 follow-ups are due (1 overdue)" in panel.due_banner.text()
    first = panel.table.model().index(0, 0).data()
    assert first == "Overdue 3 days"
    panel.table.sortByColumn(ReferralColumn.CLIENT, Qt.SortOrder.AscendingOrder)
    assert panel.table.model().index(0, ReferralColumn.CLIENT).data() == "Ann Example"
    assert panel.table.model().index(2, ReferralColumn.CLIENT).data() == "Zoë Ñúñez"
    panel.table.sortByColumn(ReferralColumn.FOLLOW_UP, Qt.SortOrder.AscendingOrder)
    assert panel.visible_ids() == [overdue, today, later]
    typist(panel.search, "quiet")
    assert panel.visible_ids() == [today]
    assert "not accepting" in panel.detail.text()


def test_status_buttons_follow_the_transitions(
    qtbot: QtBot, ops: Operations, db: Database, ids: dict[str, int]
) -> None:
    referral_id = refer(db, ids["ann"], ids["sam"], TODAY + dt.timedelta(days=5))
    screen = ReferralsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    panel = screen.referrals
    click_row(qtbot, panel.table, 0)
    assert not panel.complete_button.isEnabled()
    qtbot.mouseClick(panel.accept_button, LEFT)
    assert panel.current().status is ReferralStatus.ACCEPTED  # type: ignore[union-attr]
    assert panel.complete_button.isEnabled() and not panel.decline_button.isEnabled()
    assert not panel.handoff_button.isEnabled()
    qtbot.mouseClick(panel.complete_button, LEFT)
    assert panel.visible_ids() == []
    with db.reading() as session:
        assert session.get(Referral, referral_id).status is ReferralStatus.COMPLETED  # type: ignore[union-attr]


def test_new_referral_warns_about_a_full_provider_and_refuses_a_past_follow_up(
    qtbot: QtBot, ops: Operations, db: Database, ids: dict[str, int], typist
) -> None:
    screen = ReferralsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    panel = screen.referrals

    def drive(dialog: ReferralDialog) -> bool:
        choose_client(qtbot, dialog.client, "Ann Example")
        fill_referral(qtbot, dialog, ids["full"], "Specialist anxiety support.", typist)
        assert dialog.not_accepting.isVisible()
        assert "not accepting new clients" in dialog.not_accepting.text()
        dialog.follow_up_on.setDate(QDate.currentDate().addDays(-2))
        qtbot.mouseClick(dialog.save_button, LEFT)
        error = dialog.findChild(QLabel, "follow_up_on_error")
        assert error.isVisible() and "in the past" in error.text()
        with db.reading() as session:
            assert session.scalars(select(Referral)).all() == []  # nothing half-stored
        dialog.follow_up_on.setDate(QDate.currentDate().addDays(7))
        qtbot.mouseClick(dialog.save_button, LEFT)  # the warning does not stop it
        return dialog.result() == ReferralDialog.DialogCode.Accepted

    panel.run_dialog = drive  # type: ignore[method-assign]
    qtbot.mouseClick(panel.new_button, LEFT)
    assert len(panel.visible_ids()) == 1
    assert "(not accepting)" in panel.table.model().index(0, 2).data()


def test_follow_up_not_yet_connected_asks_again(
    qtbot: QtBot, ops: Operations, db: Database, ids: dict[str, int], typist
) -> None:
    referral_id = refer(db, ids["ann"], ids["sam"], TODAY)
    screen = ReferralsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    panel = screen.referrals
    click_row(qtbot, panel.table, 0)

    def drive(dialog: FollowUpDialog) -> bool:
        dialog.show()
        tick(qtbot, dialog.no)
        assert not dialog.close_box.isChecked() and dialog.ask_again_on.isEnabled()
        typist(dialog.answer, "Has not called yet.")
        qtbot.mouseClick(dialog.save_button, LEFT)
        return dialog.result() == FollowUpDialog.DialogCode.Accepted

    panel.run_dialog = drive  # type: ignore[method-assign]
    qtbot.mouseClick(panel.follow_up_button, LEFT)
    assert panel.visible_ids() == [referral_id]
    assert not panel.due_banner.isVisible()
    with db.reading() as session:
        stored = session.get(Referral, referral_id)
        assert stored.connected is False  # type: ignore[union-attr]
        assert stored.follow_up_on == TODAY + dt.timedelta(days=7)  # type: ignore[union-attr]


# -- the provider directory -----------------------------------------------------------------


def test_directory_warns_on_a_near_duplicate_and_adds_anyway(
    qtbot: QtBot, ops: Operations, db: Database, ids: dict[str, int], typist
) -> None:
    screen = ReferralsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    screen.tabs.setCurrentIndex(1)
    directory = screen.directory
    assert directory.model.rowCount() == 2
    qtbot.mouseClick(directory.new_button, LEFT)
    form = directory.form
    typist(form.name, "quiet mind counseling")
    typist(form.phone, "01632 960123")
    qtbot.mouseClick(form.save_button, LEFT)
    error = form.findChild(QLabel, "provider_name_error")
    assert error.isVisible() and "Quiet Mind Counselling" in error.text()
    assert form.add_anyway.isVisible()
    with db.reading() as session:
        assert len(session.scalars(select(Provider)).all()) == 2
    qtbot.mouseClick(form.add_anyway, LEFT)
    assert directory.model.rowCount() == 3
    assert form.heading.text() == "quiet mind counseling"
    typist(directory.search, "counsel")
    assert directory.model.rowCount() == 2


def test_provider_named_in_referrals_is_archived_not_deleted(
    qtbot: QtBot, ops: Operations, db: Database, ids: dict[str, int], monkeypatch
) -> None:
    refer(db, ids["ann"], ids["full"], TODAY + dt.timedelta(days=3))
    screen = ReferralsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    screen.tabs.setCurrentIndex(1)
    directory = screen.directory
    row = directory.model.row_for_id(ids["full"])
    assert row is not None
    click_row(qtbot, directory.table, row)
    form = directory.form
    assert form.provider is not None and form.provider.id == ids["full"]
    monkeypatch.setattr(form, "confirm_delete", lambda name: True)
    qtbot.mouseClick(form.delete_button, LEFT)
    assert form.form_error.isVisible()
    assert "named in 1 referral" in form.form_error.text()
    assert "Archive it instead" in form.form_error.text()
    qtbot.mouseClick(form.archive_button, LEFT)
    assert form.archive_button.text() == "Restore"
    assert directory.model.row_for_id(ids["full"]) is None  # archived: hidden by default
    with db.reading() as session:
        assert session.get(Provider, ids["full"]).archived  # type: ignore[union-attr]
    dialog = ReferralDialog(ops)
    qtbot.addWidget(dialog)
    assert dialog.provider.findData(ids["full"]) == -1  # no longer offered


# -- the client page and the report -------------------------------------------------------------


def test_client_page_shows_referred_by_and_referrals(
    qtbot: QtBot, ops: Operations, db: Database, ids: dict[str, int]
) -> None:
    refer(db, ids["zoe"], ids["sam"], TODAY - dt.timedelta(days=1))
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    screen.select_client(ids["zoe"])
    form = screen.form
    open_client_tab(qtbot, form, "referrals")
    assert form.referred_by.text() == "Referred by: not recorded"
    model = form.client_referrals_model
    assert "to Sam Coworker · Suggested · follow-up due" in model.item(0).text()

    def drive(dialog: SourceDialog) -> bool:
        dialog.show()
        dialog.kind.setCurrentIndex(dialog.kind.findData("client"))
        assert dialog.source_client.isVisible() and not dialog.source_provider.isVisible()
        choose_client(qtbot, dialog.source_client, "Ann Example")
        qtbot.mouseClick(dialog.save_button, LEFT)
        return dialog.result() == SourceDialog.DialogCode.Accepted

    form.run_dialog = drive  # type: ignore[method-assign]
    qtbot.mouseClick(form.referred_by_button, LEFT)
    assert form.referred_by.text() == "Referred by: Ann Example (a client)"
    assert form.referred_by_button.text() == "Change…"
    with db.reading() as session:
        assert rf.referral_source(session, ids["zoe"]).source_client_id == ids["ann"]  # type: ignore[union-attr]

    reports = ReportsScreen(ops)
    qtbot.addWidget(reports)
    reports.show()
    table = reports.sources_table
    labels = {
        table.model().index(r, 0).data(): table.model().index(r, 1).data()
        for r in range(table.model().rowCount())
    }
    assert labels["Another client"] == "1"

    def remove(dialog: SourceDialog) -> bool:
        dialog.show()
        assert dialog.source_client.client_id() == ids["ann"]
        qtbot.mouseClick(dialog.remove_button, LEFT)
        return dialog.result() == SourceDialog.DialogCode.Accepted

    form.run_dialog = remove  # type: ignore[method-assign]
    qtbot.mouseClick(form.referred_by_button, LEFT)
    assert form.referred_by.text() == "Referred by: not recorded"
    table = reports.sources_table
    assert "Another client" not in [
        table.model().index(r, 0).data() for r in range(table.model().rowCount())
    ]


def test_introduction_letter_needs_consent_and_prints_only_what_is_ticked(
    qtbot: QtBot, ops: Operations, db: Database, ids: dict[str, int], typist, tmp_path
) -> None:
    with db.unit_of_work() as session:
        zoe = clients.get_client(session, ids["zoe"])
        clients.update_client(
            session,
            ids["zoe"],
            replace(zoe.as_input(), phone="07700 900123", email="zoe@example.org"),
            region="GB",
            today=TODAY,
        )
    refer(db, ids["zoe"], ids["sam"], TODAY + dt.timedelta(days=5))
    screen = ReferralsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    panel = screen.referrals
    click_row(qtbot, panel.table, 0)
    previews: list[str] = []
    saved: list[object] = []

    def drive(dialog: LetterDialog) -> bool:
        dialog.show()
        dialog.run_preview = lambda printout, size: previews.append(printout.html)  # type: ignore[method-assign]
        dialog.ask_save_path = lambda suggested: tmp_path / "letter"  # type: ignore[method-assign]
        assert "not recorded yet" in dialog.consent_status.text()
        qtbot.mouseClick(dialog.preview_button, LEFT)
        assert previews == [] and dialog.error.isVisible()
        assert "record their consent first" in dialog.error.text()
        qtbot.mouseClick(dialog.consent_button, LEFT)
        assert "Consent to share recorded" in dialog.consent_status.text()
        tick(qtbot, dialog.boxes["email"])
        tick(qtbot, dialog.boxes["background"])
        typist(dialog.background, "Prefers e-mail.")
        qtbot.mouseClick(dialog.preview_button, LEFT)
        saved.append(dialog.save_pdf())
        assert "✓ Saved letter.pdf (1 page)" in dialog.saved.text()
        assert not dialog.saved.isHidden()  # with Open and Show in folder
        return False

    panel.run_dialog = drive  # type: ignore[method-assign]
    qtbot.mouseClick(panel.letter_button, LEFT)
    assert len(previews) == 1
    html = previews[0]
    assert "Zoë Ñúñez" in html and "zoe@example.org" in html and "Prefers e-mail." in html
    assert "07700" not in html  # the phone was not ticked
    assert saved == [tmp_path / "letter.pdf"] and (tmp_path / "letter.pdf").stat().st_size > 0
    with db.reading() as session:
        assert session.scalars(select(Referral.consent_to_share_on)).one() == TODAY
    assert "Consent to share recorded" in panel.detail.text()


def test_the_referrals_section_of_the_main_window(
    qtbot: QtBot, ops: Operations, ids: dict[str, int]
) -> None:
    window = MainWindow(ops)
    qtbot.addWidget(window)
    window.show()
    window.go_to("referrals")
    screen = window.stack.currentWidget()
    assert isinstance(screen, ReferralsScreen)
    assert screen.tabs.tabText(1) == "Provider directory"
    assert screen.directory.model.rowCount() == 0  # read when its tab is first shown
    screen.tabs.setCurrentIndex(1)
    assert screen.directory.model.rowCount() == 2
