"""Small form helpers: a field with its error message right below it; date fields in the
practice's locale."""

from __future__ import annotations

from babel.dates import tokenize_pattern
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QLabel, QTimeEdit, QVBoxLayout, QWidget

from clientcare import locale_format
from clientcare.errors import ValidationError
from ui.theme import look


class FieldWithError(QWidget):
    """Wraps an input widget and shows a specific message under it when the input is wrong."""

    def __init__(self, editor: QWidget, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel(self)
        self.error.setObjectName(f"{name}_error")
        self.error.setWordWrap(True)
        look(self.error, "error")
        self.error.setAccessibleName(f"{name} error")
        self.error.hide()
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(2)
        self._column.addWidget(editor)
        self._column.addWidget(self.error)

    def add_hint(self, hint: QWidget) -> None:
        """Show ``hint`` between the editor and its error message."""
        self._column.insertWidget(1, hint)

    def show_error(self, message: str | None) -> None:
        if message:
            # "⚠" as well as the colour: the message must not rely on colour alone.
            self.error.setText(f"⚠ {message}")
            self.error.show()
            self.editor.setAccessibleDescription(message)
        else:
            self.error.clear()
            self.error.hide()
            self.editor.setAccessibleDescription("")


def error_label(object_name: str = "") -> QLabel:
    """A hidden, word-wrapped message label in the error style, for a form or dialog."""
    label = QLabel()
    if object_name:
        label.setObjectName(object_name)
    label.setWordWrap(True)
    look(label, "error")
    label.hide()
    return label


def _qt_field(letter: str, count: int) -> str:
    """One CLDR field in Qt's letters ("" for a field a Qt date field cannot show)."""
    if letter == "d":
        return "dd" if count >= 2 else "d"
    if letter in "ML":  # Qt has no stand-alone month letter
        return "M" * min(count, 4)
    if letter in "yYu":
        return "yyyy"  # never a two-digit year in a field a person types into
    if letter in "Eec":
        return "dddd" if count >= 4 else "ddd"
    if letter in "Hk":
        return "HH" if count >= 2 else "H"
    if letter in "hK":
        return "hh" if count >= 2 else "h"
    if letter in "ms":
        return letter * min(count, 2)
    if letter in "abB":
        return "Ap"  # the locale's own AM/PM text ("PM", "nachm.", "오후")
    return ""


def qt_display_format(pattern: str) -> str:
    """A CLDR date/time pattern as a QDateTimeEdit display format.

    The letters mostly agree (d, M, H, h, m, s); the differences: CLDR ``y`` is the
    full year (Qt ``yyyy``), ``E``/``EEEE`` the weekday (Qt ``ddd``/``dddd``), ``a``
    the day period (Qt ``Ap``), ``L`` the stand-alone month (Qt ``M``). Literal text
    with letters is quoted, as both formats quote (``'de'``; ``''`` for a quote); its
    no-break spaces become plain ones.
    """
    parts = []
    for kind, value in tokenize_pattern(pattern):
        if kind == "field":
            assert isinstance(value, tuple)  # (letter, count)
            parts.append(_qt_field(*value))
            continue
        assert isinstance(value, str)  # "chars": literal text
        # CLDR puts narrow/no-break spaces before "PM"; in a field a person types into,
        # a plain space is the one they can type.
        value = value.replace("\u202f", " ").replace("\u00a0", " ")
        if any(ch.isalpha() or ch == "'" for ch in value):
            parts.append("'" + value.replace("'", "''") + "'")
        else:
            parts.append(value)
    return "".join(parts).strip()


def localise_date_edit(edit: QDateTimeEdit, locale: str, *, weekday: bool = False) -> None:
    """Show a date, time or date-and-time field in the practice's locale.

    The field gets the locale (month and weekday names in its language) and a display
    format in its order: ``19 Dec 2026`` (en_GB), ``Dec 19, 2026`` (en_US),
    ``19. Dez. 2026`` (de); times ``14:05`` or ``2:05 PM``. ``weekday`` adds the weekday
    to a date (a date-and-time field always has it). The date, range and pop-up stay.
    """
    name = locale_format.locale_name(locale)
    if isinstance(edit, QTimeEdit):
        pattern = locale_format.input_time_pattern(name)
    elif isinstance(edit, QDateEdit):
        pattern = locale_format.input_date_pattern(name, weekday=weekday)
    else:
        pattern = locale_format.input_date_time_pattern(name)
    display_format = qt_display_format(pattern)
    if edit.locale() == QLocale(name) and edit.displayFormat() == display_format:
        return  # screens call this on each refresh; nothing to redo
    edit.setLocale(QLocale(name))
    edit.setDisplayFormat(display_format)


def show_errors(
    fields: dict[str, FieldWithError], error: ValidationError, form_error: QLabel
) -> None:
    """Each message next to its field; anything without a field in ``form_error``."""
    leftovers: list[str] = []
    for wrapper in fields.values():
        wrapper.show_error(None)
    for problem in error.errors:
        field = fields.get(problem.field)
        if field is None:
            leftovers.append(problem.message)
        else:
            field.show_error(problem.message)
    form_error.setText("\n".join(f"⚠ {m}" for m in leftovers))
    form_error.setVisible(bool(leftovers))
    first = next((fields[p.field] for p in error.errors if p.field in fields), None)
    if first is not None:
        first.editor.setFocus()


def clear_errors(fields: dict[str, FieldWithError], form_error: QLabel) -> None:
    for wrapper in fields.values():
        wrapper.show_error(None)
    form_error.clear()
    form_error.hide()
