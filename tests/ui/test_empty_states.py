"""On an empty database every list says what it is and what to do, instead of a blank table.

And the headings of these screens come from the theme's type scale, not ad-hoc sizes.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from clientcare.clients import ClientInput, create_client
from clientcare.db.engine import Database
from ui import theme
from ui.ops import Operations
from ui.screens.reports import ReportsScreen
from ui.screens.settings import SettingsScreen
from ui.widgets.care_list import CareListPanel
from ui.widgets.client_money import ClientMoneyPanel


def show(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def is_empty_state(label: QLabel) -> bool:
    return bool(label.property("emptyState")) and label.isVisible() and bool(label.text())


def test_settings_lists_on_an_empty_database(qtbot: QtBot, ops: Operations) -> None:
    screen = show(qtbot, SettingsScreen(ops))
    assert isinstance(screen, SettingsScreen)

    screen.tabs.setCurrentWidget(screen.practitioners)
    assert is_empty_state(screen.practitioners.empty)
    assert not screen.practitioners.table.isVisible()

    screen.tabs.setCurrentWidget(screen.money)
    for section, words in (
        (screen.money.services, "No services yet. Press “Add…”"),
        (screen.money.tiers, "No sliding-scale tiers."),
    ):
        assert is_empty_state(section.empty), section.objectName()
        assert section.empty.text().startswith(words)
        assert not section.table.isVisible()
    # The shipped grace rules are listed, so no message there.
    assert screen.money.grace.table.isVisible() and not screen.money.grace.empty.isVisible()

    screen.tabs.setCurrentWidget(screen.audit_log)
    log = screen.audit_log
    assert is_empty_state(log.empty) and not log.table.isVisible()
    assert log.empty.text().startswith("Nothing was recorded from ")
    assert "Choose an earlier “From” date" in log.empty.text()
    log.search.setText("zebra")
    assert "matches “zebra”" in log.empty.text()
    assert "Clear the search" in log.empty.text()


def test_the_audit_log_table_comes_back_with_entries(
    qtbot: QtBot, ops: Operations, db: Database
) -> None:
    screen = show(qtbot, SettingsScreen(ops))
    assert isinstance(screen, SettingsScreen)
    screen.tabs.setCurrentWidget(screen.audit_log)
    ops.run(
        lambda s: create_client(
            s, ClientInput(full_name="Ann Example"), region="GB", today=dt.date.today()
        ),
    )
    assert screen.audit_log.table.isVisible() and not screen.audit_log.empty.isVisible()


def test_reports_on_an_empty_database(qtbot: QtBot, ops: Operations) -> None:
    screen = show(qtbot, ReportsScreen(ops))
    assert isinstance(screen, ReportsScreen)
    assert is_empty_state(screen.adherence_empty)
    assert screen.adherence_empty.text().startswith("No contact was finalised between ")
    assert "press Finalise" in screen.adherence_empty.text()
    assert not screen.adherence_scroll.isVisible()
    assert screen.sources_empty.isVisible()
    assert "“Referred by”" in screen.sources_empty.text()


def test_care_list_and_client_money_when_there_is_nothing(qtbot: QtBot, ops: Operations) -> None:
    care = show(qtbot, CareListPanel(ops))
    assert isinstance(care, CareListPanel)
    care.refresh(dt.date.today())
    assert care.empty.isVisible() and care.empty_hint.isVisible()
    assert "appear here" in care.empty_hint.text()
    assert not care.tree.isVisible()

    client_id = ops.run(
        lambda s: (
            create_client(
                s, ClientInput(full_name="Ann Example"), region="GB", today=dt.date.today()
            ).id
        ),
    )
    panel = show(qtbot, ClientMoneyPanel(ops))
    assert isinstance(panel, ClientMoneyPanel)
    panel.set_client(client_id)
    assert is_empty_state(panel.ledger_empty) and not panel.ledger_view.isVisible()
    assert "Record payment…" in panel.ledger_empty.text()
    assert "Money conversation…" in panel.conversations_label.text()


# --------------------------------------------------------------------------
# Headings from the type scale
# --------------------------------------------------------------------------


def scale_of(label: QLabel) -> float:
    return label.font().pointSizeF() / QApplication.font().pointSizeF()


def test_headings_use_the_theme_type_scale(qtbot: QtBot, ops: Operations) -> None:
    reports = show(qtbot, ReportsScreen(ops))
    title = reports.findChild(QLabel, "reports_title")
    assert title is not None and title.property("typeRole") == "title"
    assert scale_of(title) == pytest.approx(theme.TYPE_SCALE["title"])
    assert title.font().bold()

    care = show(qtbot, CareListPanel(ops))
    assert isinstance(care, CareListPanel)
    assert care.title.property("typeRole") == "heading"
    assert scale_of(care.title) == pytest.approx(theme.TYPE_SCALE["heading"])


def test_heading_helper_refuses_an_unknown_role(qtbot: QtBot) -> None:
    label = theme.heading("Reports", "title", "some_title")
    qtbot.addWidget(label)
    assert (label.objectName(), label.property("typeRole")) == ("some_title", "title")
    with pytest.raises(ValueError, match="Unknown heading role"):
        theme.set_heading(label, "huge")
