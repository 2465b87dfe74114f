"""The lateness chart: figures written as text, the empty state, and a render."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from clientcare.lateness import LatenessStats
from ui.widgets.lateness_chart import LatenessChart

STATS = LatenessStats(
    practitioner_events=2,
    practitioner_average_minutes=12.0,
    client_events=3,
    client_average_minutes=7.5,
    offers_required=1,
    offers_made=1,
    client_choices={"shorten": 2, "proceed": 1},
)


def test_figures_are_written_not_only_coloured(qtbot: QtBot) -> None:
    chart = LatenessChart()
    qtbot.addWidget(chart)
    chart.set_stats(STATS)
    assert chart.texts() == [
        "You",
        "late 2× · avg 12 min",
        "The client",
        "late 3× · avg 7.5 min",
        "Rescheduling offered when required: 100 % (1 of 1)",
        "Late clients chose: shorter session 2 · full session 1",
    ]
    assert chart.accessibleDescription() == (
        "You: late 2× · avg 12 min. The client: late 3× · avg 7.5 min. "
        "Rescheduling offered when required: 100 % (1 of 1). "
        "Late clients chose: shorter session 2 · full session 1."
    )


def test_one_side_only_and_no_offer_required(qtbot: QtBot) -> None:
    chart = LatenessChart(practitioner_label="Practitioners", client_label="Clients")
    qtbot.addWidget(chart)
    chart.set_stats(LatenessStats(0, 0.0, 1, 4.0, 0, 0))
    assert chart.texts() == [
        "Practitioners",
        "not late",
        "Clients",
        "late 1× · avg 4 min",
        "Rescheduling offered when required: not required so far",
    ]
    chart.set_stats(LatenessStats(3, 15.0, 0, 0.0, 3, 2))
    assert "Rescheduling offered when required: 67 % (2 of 3)" in chart.texts()


def test_empty_state(qtbot: QtBot) -> None:
    chart = LatenessChart()
    qtbot.addWidget(chart)
    assert chart.texts() == ["No lateness recorded."]
    chart.set_stats(LatenessStats(0, 0.0, 0, 0.0, 0, 0))
    assert chart.texts() == ["No lateness recorded."]
    assert chart.accessibleDescription() == "No lateness recorded."
    chart.resize(chart.sizeHint())
    assert not chart.grab().isNull()


def test_renders_offscreen(qtbot: QtBot, tmp_path: Path) -> None:
    chart = LatenessChart()
    qtbot.addWidget(chart)
    chart.set_stats(STATS)
    chart.resize(chart.sizeHint())
    image = chart.grab()
    assert image.width() == 480 and image.height() == chart.sizeHint().height()
    assert image.save(str(tmp_path / "lateness.png"))
    chart.resize(chart.minimumSizeHint())
    assert not chart.grab().isNull()
