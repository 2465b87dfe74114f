"""Refresh a screen for a change now if it is on screen, else when it is next shown.

A screen that is not on screen gains nothing from reading again on every change made
elsewhere (booking on the Calendar re-read the Clients list, the Reports and the audit
log): the changes are noted and handled once, when the screen is shown again. A screen
shown again with nothing changed reads nothing. Today does the same for itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from ui.ops import Changes, Operations


class WhenShown(QObject):
    """Hands ``apply`` the changes that concern ``widget`` (``kinds``): at once while the
    widget is visible, or all those of the meantime together when it is next shown."""

    def __init__(
        self,
        widget: QWidget,
        ops: Operations,
        apply: Callable[[Changes], None],
        kinds: Changes,
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.apply = apply
        self.kinds = kinds
        self.pending = Changes.NONE
        ops.changed.connect(self._changed)
        widget.installEventFilter(self)

    def _changed(self, changes: Changes) -> None:
        wanted = changes & self.kinds
        if not wanted:
            return
        if self.widget.isVisible():
            self.apply(wanted)
        else:
            self.pending |= wanted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Show and self.pending:
            pending, self.pending = self.pending, Changes.NONE
            self.apply(pending)
        return False
