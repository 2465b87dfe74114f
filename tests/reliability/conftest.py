"""The kill tests' figures, printed in the test report's summary (no ``-s`` needed)."""

from __future__ import annotations

import pytest

FIGURES: list[str] = []


@pytest.fixture
def report_figures() -> list[str]:
    """Append a line; it is printed under "reliability figures" at the end of the run."""
    return FIGURES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("reliability figures")
        for line in FIGURES:
            terminalreporter.write_line(line)
