"""The adherence chart: figures written as text, the empty state, and a render."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from clientcare.adherence import PeriodAdherence, PrincipleAdherence
from ui.widgets.adherence_chart import AdherenceChart


def principle(
    number: int, text: str, applied: int, done: int, na: int = 0, unanswered: int = 0
) -> PrincipleAdherence:
    return PrincipleAdherence(
        principle_id=number,
        number=number,
        text=text,
        applied=applied,
        done=done,
        not_applicable=na,
        not_done=applied - done - na - unanswered,
        unanswered=unanswered,
    )


ROWS = [
    principle(1, "Greet the client by their preferred name; connect as a person.", 12, 10),
    principle(2, "Listen carefully: record what the client said, in their words.", 9, 9),
    principle(8, "Ask what might have been more helpful (no canned questionnaires).", 6, 2, 0, 3),
    principle(
        12, "Past the lateness threshold, offer the client the option of rescheduling.", 0, 0
    ),
    principle(13, "Respect the client's choices (e.g. not ready); offer check-ins.", 2, 0, 2),
]

MONTHS = [
    PeriodAdherence(dt.date(2025 + (m + 11) // 12, (m + 11) % 12 + 1, 1), "", applied, done)
    for m, (applied, done) in enumerate(
        [
            (0, 0),
            (4, 3),
            (10, 9),
            (8, 8),
            (12, 6),
            (0, 0),
            (5, 5),
            (9, 7),
            (11, 10),
            (3, 1),
            (7, 7),
            (14, 12),
        ]
    )
]


def test_figures_are_written_not_only_coloured(qtbot: QtBot) -> None:
    chart = AdherenceChart()
    qtbot.addWidget(chart)
    chart.set_data(ROWS, MONTHS)
    texts = chart.texts()
    assert "83 % (10 of 12)" in texts
    assert "100 % (9 of 9)" in texts
    assert "33 % (2 of 6)" in texts
    assert "not yet applied" in texts
    assert "not applicable (2)" in texts
    assert "12. Past the lateness threshold, offer the client the option of rescheduling." in texts
    assert "Dec" in texts and "Nov" in texts
    description = chart.accessibleDescription()
    assert "1. Greet the client" in description and "83 % (10 of 12)" in description
    assert "not yet applied" in description
    assert chart.sizeHint().width() == 520
    assert chart.sizeHint().height() > 28 * len(ROWS) + 100


def test_empty_state(qtbot: QtBot) -> None:
    chart = AdherenceChart()
    qtbot.addWidget(chart)
    chart.set_data([principle(1, "Greet the client.", 0, 0)], MONTHS[:1])
    empty = "Nothing to show yet: adherence appears once contacts are finalised."
    assert chart.texts() == [empty]
    assert chart.accessibleDescription() == empty
    chart.resize(chart.sizeHint())
    assert not chart.grab().isNull()


def test_renders_offscreen(qtbot: QtBot, tmp_path: Path) -> None:
    chart = AdherenceChart()
    qtbot.addWidget(chart)
    chart.set_data(ROWS, MONTHS)
    chart.resize(chart.sizeHint())
    image = chart.grab()
    assert image.width() == 520 and image.height() == chart.sizeHint().height()
    assert image.save(str(tmp_path / "adherence.png"))
    narrow = AdherenceChart()
    qtbot.addWidget(narrow)
    narrow.set_data(ROWS, MONTHS)
    narrow.resize(narrow.minimumSizeHint())
    assert not narrow.grab().isNull()
