"""An honest panel for a screen that is not built yet: no fake data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.theme import set_heading


class ComingSoonScreen(QWidget):
    def __init__(self, title: str, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title)
        heading.setObjectName("coming_soon_title")
        set_heading(heading, "title")
        body = QLabel(
            self.tr(
                "{purpose}\n\nThis screen is coming in a later version of ClientCare. "
                "Until then it stays empty rather than show anything made up."
            ).format(purpose=purpose)
        )
        body.setObjectName("coming_soon_text")
        body.setWordWrap(True)
        body.setMaximumWidth(560)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addWidget(body, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        for label in (heading, body):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
