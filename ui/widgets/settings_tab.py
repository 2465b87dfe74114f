"""The parts every Settings tab is built from: a body that scrolls on a small screen, and
the status line with "Cancel changes" and "Save" at its foot."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget


def fill_with_scrolled(tab: QWidget, body: QWidget) -> None:
    """Make ``body`` the whole of ``tab``, scrolling when the window is small."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(body)
    layout = QVBoxLayout(tab)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)


class SavingTab(Protocol):
    """A settings tab with a save row: it declares the three parts ``save_row`` sets."""

    status: QLabel
    save_button: QPushButton
    revert_button: QPushButton

    def tr(self, sourceText: str, /, disambiguation: str | None = ..., n: int = ...) -> str: ...

    def save(self) -> bool: ...

    def load(self) -> None: ...


def save_row(tab: SavingTab, key: str) -> QHBoxLayout:
    """The status line, "Cancel changes" and "Save" at the foot of a settings tab.

    Sets ``tab.status``, ``tab.save_button`` and ``tab.revert_button``, wired to the tab's
    ``save`` and ``load``.
    """
    tab.status = QLabel()
    tab.status.setObjectName(f"{key}_status")
    tab.status.setWordWrap(True)
    tab.save_button = QPushButton(tab.tr("&Save"))
    tab.save_button.setObjectName(f"save_{key}")
    tab.save_button.clicked.connect(tab.save)
    tab.revert_button = QPushButton(tab.tr("Cancel changes"))
    tab.revert_button.setObjectName(f"revert_{key}")
    tab.revert_button.clicked.connect(tab.load)
    row = QHBoxLayout()
    row.addWidget(tab.status, 1)
    row.addWidget(tab.revert_button)
    row.addWidget(tab.save_button)
    return row
