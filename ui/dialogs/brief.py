"""The pre-session brief on screen: the printed brief's template (clientcare.brief),
rendered without the letterhead and shown read-only. What it says and how it is escaped
is the domain's; this dialog only shows it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from clientcare.brief import Brief, brief_on_screen
from ui.dialog import Dialog
from ui.ops import Operations


class PreSessionBriefDialog(Dialog):
    """What to glance at before a session with ``client_id`` (read-only)."""

    def __init__(
        self,
        ops: Operations,
        client_id: int,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("brief_dialog")
        now = dt.datetime.now()
        day = today or now.date()
        self.brief: Brief
        self.brief, self.printout = ops.read(
            lambda s: brief_on_screen(
                s, client_id, today=day, now=dt.datetime.combine(day, now.time())
            )
        )
        self.setWindowTitle(
            self.tr("Before the session — {name}").format(name=self.brief.full_name)
        )
        self.text = QTextBrowser()
        self.text.setObjectName("brief_text")
        self.text.setAccessibleName(self.tr("Pre-session brief"))
        self.text.setOpenLinks(False)
        self.text.setHtml(self.printout.html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def sizeHint(self) -> QSize:
        return QSize(640, 760)
