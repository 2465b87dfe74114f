"""The currency and the language-and-country pickers, as the first-run wizard and
Settings → Practice both offer them: a list of the usual ones, and room to type another
code (the domain checks it, as it checks every code)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

CURRENCIES = ("GBP", "EUR", "USD", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "ZAR")
LOCALES = (
    ("en_GB", "English (United Kingdom)"),
    ("en_IE", "English (Ireland)"),
    ("en_US", "English (United States)"),
    ("en_CA", "English (Canada)"),
    ("en_AU", "English (Australia)"),
    ("en_NZ", "English (New Zealand)"),
    ("de_DE", "Deutsch (Deutschland)"),
    ("de_AT", "Deutsch (Österreich)"),
    ("fr_FR", "Français (France)"),
    ("nl_NL", "Nederlands (Nederland)"),
    ("es_ES", "Español (España)"),
)


class CurrencyPicker(QComboBox):
    """A currency code: one of the usual ones, or another typed in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.addItems(CURRENCIES)

    def code(self) -> str:
        return self.currentText().strip()

    def set_code(self, code: str) -> None:
        self.setCurrentText(code)


class LocalePicker(QComboBox):
    """A locale ("en_GB — English (United Kingdom)"), or a code typed in ("pt_BR")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        for code, name in LOCALES:
            self.addItem(f"{code} — {name}", code)

    def code(self) -> str:
        """The code chosen: a listed one's, or the first word typed."""
        index = self.findText(self.currentText())
        if index >= 0:
            return str(self.itemData(index))
        return (self.currentText().split() or [""])[0]

    def set_code(self, code: str) -> None:
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code)
