"""The base of every ClientCare dialog.

A :class:`Dialog` is fitted to the screen it opens on each time it is shown
(:mod:`ui.fit_screen`) and, once hidden and no longer used by the code that opened it,
freed (:mod:`ui.finished_dialogs`). Each dialog is watched on its own: a watch on the whole
application would be a Python call for every event of the program.
``tests/unit/test_ui_layering.py`` checks that every dialog class of ``ui/`` is one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog

from ui.finished_dialogs import watch_window


class Dialog(QDialog):
    """A QDialog fitted to the screen as it is shown and freed once finished with."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        watch_window(self)
