"""Settings → Appearance: light, dark, or as the system says (this computer's choice)."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from ui import theme
from ui.theme import ThemeChoice


class AppearanceTab(QWidget):
    """Three choices, applied at once and remembered on this computer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appearance_tab")
        intro = QLabel(
            self.tr(
                "How ClientCare looks on this computer. Each person's computer keeps its own "
                "choice; printouts are always black on white."
            )
        )
        intro.setWordWrap(True)
        texts = {
            ThemeChoice.SYSTEM: self.tr(
                "As the system is set (light or dark, and when it changes)"
            ),
            ThemeChoice.LIGHT: self.tr("Light"),
            ThemeChoice.DARK: self.tr("Dark"),
        }
        self.group = QButtonGroup(self)
        self.choices: dict[ThemeChoice, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(intro)
        for choice, text in texts.items():
            button = QRadioButton(text)
            button.setObjectName(f"theme_{choice.value}")
            self.group.addButton(button)
            self.choices[choice] = button
            layout.addWidget(button)
            button.toggled.connect(partial(self._toggled, choice))
        layout.addStretch(1)
        self.choices[theme.saved_theme()].setChecked(True)

    def _toggled(self, choice: ThemeChoice, on: bool) -> None:
        if on:
            self.choose(choice)

    def choose(self, choice: ThemeChoice) -> None:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if isinstance(app, QApplication) and choice is not theme.saved_theme():
            theme.choose_theme(app, choice)
