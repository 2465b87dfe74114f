""" "My clients" or "Whole practice": the one choice every working list offers
(clientcare.scope has the rule), and the "N of M shown" line of a list that is cut.

The choice is offered only where it changes something: a group practice where
ClientCare knows who you are. A solo practice, or a shared server before "This is me"
is chosen, sees no choice and the whole practice.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from clientcare import locale_format, scope
from clientcare.scope import Scope
from ui.ops import Operations

MINE, PRACTICE = 0, 1


class ScopeChoice(QWidget):
    """A small "Show: My clients / Whole practice" choice; ``changed`` when it changes."""

    changed = Signal()

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("scope_choice")
        self.combo = QComboBox()
        self.combo.setObjectName("scope_combo")
        self.combo.addItem(self.tr("My clients"))
        self.combo.addItem(self.tr("Whole practice"))
        self.combo.setAccessibleName(self.tr("Whose clients to show"))
        self.combo.setToolTip(
            self.tr("Your clients (and those nobody looks after), or every client of the practice")
        )
        label = QLabel(self.tr("&Show:"))
        label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        self._mine = scope.WHOLE_PRACTICE
        self.reload()
        self.combo.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def reload(self) -> None:
        """Read again who you are and whether a choice is worth offering (after a change
        in Settings → Practitioners); the choice made is kept."""
        self._mine, offered = self.ops.read(lambda s: (scope.own_scope(s), scope.offers_choice(s)))
        self.setVisible(offered)

    def scope(self) -> Scope:
        """What the list should show now."""
        if not self.isHidden() and self.combo.currentIndex() == PRACTICE:
            return scope.WHOLE_PRACTICE
        return self._mine

    def show_whole_practice(self, whole: bool = True) -> None:
        self.combo.setCurrentIndex(PRACTICE if whole else MINE)


def shown_text(shown: int, total: int, locale: str, noun: str) -> str:
    """``"64 of 14,700 sessions shown"`` for a cut list, ``"12 sessions"`` for a whole one;
    ``noun`` is the plural, already translated."""
    if shown >= total:
        return f"{locale_format.number(total, locale)} {noun}"
    return QCoreApplication.translate("list", "{shown} of {total} {noun} shown").format(
        shown=locale_format.number(shown, locale),
        total=locale_format.number(total, locale),
        noun=noun,
    )
