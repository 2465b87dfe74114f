"""Who a command acts on: what is selected on the screen the practitioner is looking at.

A window-wide command (Ctrl+I, a new session note; Ctrl+N, a new appointment) never takes
its client from a screen that is not shown: a hidden Clients screen still holds whoever
was opened there last, and a note written on them is a note on the wrong client. A screen
that can say who is selected implements ``subject()``; the window asks the visible one,
and when it says nobody, asks the practitioner with a client picker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Subject:
    """A client, and the appointment when one is selected (its note is linked to it)."""

    client_id: int
    appointment_id: int | None = None


@runtime_checkable
class ShowsSubject(Protocol):
    def subject(self) -> Subject | None:
        """The client (and appointment) selected on this screen, or None."""
        ...


def subject_of(screen: QWidget | None) -> Subject | None:
    """What ``screen`` (the one shown) has selected, or None (nothing, or no such idea)."""
    if isinstance(screen, ShowsSubject) and screen.isVisible():
        return screen.subject()
    return None
