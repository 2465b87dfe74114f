"""Domain labels (clientcare/*_LABELS) reach translators and are shown translated."""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Iterator
from typing import ClassVar

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot

from clientcare import appointments, clients, followups, referrals
from clientcare import referrals as rf
from clientcare.clients import ClientInput
from clientcare.db.engine import Database
from clientcare.db.models import ClientStatus, ReferralStatus, Urgency
from clientcare.referrals import ProviderInput, ReferralInput
from ui import labels
from ui.models.followups import urgency_text
from ui.models.referrals import ReferralColumn
from ui.ops import Operations
from ui.screens.referrals import ReferralsScreen

TODAY = dt.date.today()


def listed_strings() -> list[str]:
    """The (context, text) pairs ui/label_strings.py hands to lupdate, read as source."""
    tree = ast.parse(labels.STRINGS_FILE.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
            context, text = (arg.value for arg in node.args)  # type: ignore[attr-defined]
            assert context == labels.CONTEXT
            found.append(text)
    return found


def test_the_lupdate_list_matches_the_domain_label_tables() -> None:
    """Fails when a label is added, changed or removed in clientcare without `make translations`."""
    expected = {text for table in labels.label_tables().values() for text in table.values()}
    listed = listed_strings()
    assert len(listed) == len(set(listed)), "a label is listed twice"
    assert set(listed) == expected, (
        "ui/label_strings.py is out of date: run `make translations` (or python -m ui.labels)"
    )
    assert labels.strings_source(labels.label_tables()) == labels.STRINGS_FILE.read_text(
        encoding="utf-8"
    )


def test_the_tables_that_must_be_translatable_are_found() -> None:
    tables = labels.label_tables()
    for required in (
        appointments.STATUS_LABELS,
        clients.STATUS_LABELS,
        followups.URGENCY_LABELS,
        referrals.STATUS_LABELS,
    ):
        assert any(table is required for table in tables.values())
    assert set(labels.NOT_SHOWN).isdisjoint(tables)


class GermanLabels(QTranslator):
    """A translator for the "labels" context only, as a .qm from Qt Linguist would be."""

    WORDS: ClassVar[dict[str, str]] = {
        "Accepted": "Angenommen",
        "Suggested": "Vorgeschlagen",
        "High": "Hoch",
    }

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.WORDS.get(source) if context == labels.CONTEXT else None


@pytest.fixture
def german(qapp: QCoreApplication) -> Iterator[None]:
    translator = GermanLabels()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_labels_on_screen_go_through_the_translator(
    german: None, qtbot: QtBot, ops: Operations, db: Database
) -> None:
    assert labels.label(referrals.STATUS_LABELS, ReferralStatus.ACCEPTED) == "Angenommen"
    assert urgency_text(Urgency.HIGH).endswith("Hoch")
    assert labels.translate("No such label") == "No such label"
    with db.unit_of_work() as session:
        client = clients.create_client(
            session,
            ClientInput(full_name="Zoë Ñúñez", status=ClientStatus.ACTIVE),
            region="GB",
            today=TODAY,
        )
        provider = rf.create_provider(session, ProviderInput(name="Quiet Mind"), region="GB")
        rf.create_referral(
            session,
            ReferralInput(client.id, provider.id, "A better fit.", TODAY, TODAY),
            today=TODAY,
        )
    screen = ReferralsScreen(ops)
    qtbot.addWidget(screen)
    status = screen.referrals.table.model().index(0, ReferralColumn.STATUS).data()
    assert status == "Vorgeschlagen"
