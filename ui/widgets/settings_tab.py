"""The parts every Settings tab is built from: a body that scrolls on a small screen, and
the status line with "Cancel changes" and "Save" at its foot."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.object_tree import descendants


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


#: The attribute a watched tab keeps what its form held when it was loaded or saved in.
_LOADED = "_settings_form_as_loaded"


def _change_signal(widget: QWidget) -> SignalInstance | None:
    """The signal an input widget sends when the person changes it (None: not an input)."""
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTimeChanged
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.valueChanged
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.toggled
    return None


def mark_loaded(tab: SavingTab, state: Callable[[], Hashable]) -> None:
    """The form now holds what is stored (just loaded or saved): nothing to cancel."""
    setattr(tab, _LOADED, (state, state()))
    update_changed(tab)


def update_changed(tab: SavingTab) -> None:
    """ "Cancel changes" only while the form differs from what was loaded."""
    loaded: tuple[Callable[[], Hashable], Any] | None = getattr(tab, _LOADED, None)
    changed = loaded is not None and loaded[0]() != loaded[1]
    tab.revert_button.setEnabled(changed)
    tab.revert_button.setToolTip(
        tab.tr("Put back what is saved") if changed else tab.tr("Nothing has been changed")
    )


def watch_changes(tab: SavingTab, form: QWidget) -> None:
    """Follow every input of ``form`` (call once the form is built; its ``load`` calls
    :func:`mark_loaded`), so "Cancel changes" is offered only when there is a change."""
    for widget in descendants(form, QWidget):
        signal = _change_signal(widget)
        if signal is not None:
            signal.connect(lambda *_: update_changed(tab))
    update_changed(tab)
