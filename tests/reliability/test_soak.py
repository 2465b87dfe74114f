"""The short soak: the real app on a small practice, driven by seeded actions for a minute and
a quarter, warm-up included (``make soak`` is the hour-long one on the 10x practice).

The same checks as ``make soak``: no crash, no Python exception reaching the event loop,
resident memory not growing more than 10% after the first tenth of the run, and the
database passing ``PRAGMA integrity_check`` afterwards.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from clientcare.demo import DemoSize, create_demo_database
from tools.soak import WEEK_OF, run_soak

#: Small enough to build in seconds, big enough for every action to find something to do.
SMALL = DemoSize(practitioners=3, clients=60, months_of_history=6)
#: The run ends at whichever comes first; with the start-up and the checks it stays under
#: two minutes on a busy two-core machine.
ACTIONS = 400
MINUTES = 1.25


@pytest.mark.slow
def test_a_short_working_week_on_a_small_practice(
    tmp_path: Path, report_figures: list[str]
) -> None:
    practice = tmp_path / "small-practice.sqlite3"
    create_demo_database(practice, size=SMALL, today=WEEK_OF)
    seed = int(os.environ.get("SOAK_SEED") or dt.date.today().toordinal())
    result = run_soak(
        practice,
        minutes=MINUTES,
        actions=ACTIONS,
        seed=seed,
        workdir=tmp_path,
        echo=False,
        action_timeout=60,
    )
    report_figures.append(
        f"short soak: {result.actions} actions, {result.per_minute:,.0f}/min, peak RSS "
        f"{result.peak_kib / 1024:,.0f} MiB, RSS growth {result.growth:+.1%}, seed {seed}"
    )
    assert result.passed, result.summary()
    assert result.actions >= 50, result.summary()
    assert result.integrity == "ok"
    assert sum(result.counts.values()) + sum(result.skipped.values()) == result.actions
