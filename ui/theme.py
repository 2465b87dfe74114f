"""One visual system: type scale, spacing, status colours and light/dark following the OS.

Status colours come from the Okabe–Ito palette (distinguishable with the common
colour-vision deficiencies), and every status has a *mark* to go with its word, so
no information is carried by colour alone. ``apply_theme`` sets one application
palette and stylesheet; the lookups here also work without it (tests, printing).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, QRectF, QSettings, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPainter,
    QPalette,
    QPen,
    QPixmapCache,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from ui.object_tree import descendant

# Spacing (pixels): every margin and gap is one of these.
SPACE_XS = 4
SPACE_S = 8
SPACE_M = 12
SPACE_L = 16
SPACE_XL = 24

# Type scale: factors of the application font's point size.
TYPE_SCALE: dict[str, float] = {
    "title": 1.6,  # a screen's heading ("Today — Monday 23 November")
    "heading": 1.25,  # a section within a screen
    "subheading": 1.1,
    "figure": 1.4,  # an amount read at a glance (the Money overview's figures)
    "body": 1.0,
    "small": 0.9,
}

SIDEBAR_WIDTH = 180


class OkabeIto:
    """The Okabe–Ito colour-blind-safe palette."""

    ORANGE = "#E69F00"
    SKY_BLUE = "#56B4E9"
    BLUISH_GREEN = "#009E73"
    YELLOW = "#F0E442"
    BLUE = "#0072B2"
    VERMILLION = "#D55E00"
    REDDISH_PURPLE = "#CC79A7"
    GREY = "#8A8A8A"


@dataclass(frozen=True)
class StatusStyle:
    """How a status looks: its colour and the mark written next to its word."""

    colour: str  # the mark/border colour (Okabe–Ito)
    mark: str  # a character shown with the status word, never instead of it
    strike: bool = False  # inactive things (cancelled) are also struck through

    def qcolor(self) -> QColor:
        return QColor(self.colour)

    def fill(self, dark: bool | None = None) -> QColor:
        """A soft background for a block of this status, readable in light and dark."""
        colour = QColor(self.colour)
        dark = is_dark() if dark is None else dark
        base = QColor("#1f2023") if dark else QColor("#ffffff")
        weight = 0.30 if dark else 0.18
        return QColor(
            round(base.red() + (colour.red() - base.red()) * weight),
            round(base.green() + (colour.green() - base.green()) * weight),
            round(base.blue() + (colour.blue() - base.blue()) * weight),
        )


#: Appointment statuses (and busy time) on the calendar.
APPOINTMENT_STATUS: dict[str, StatusStyle] = {
    "scheduled": StatusStyle(OkabeIto.BLUE, "○"),
    "arrived": StatusStyle(OkabeIto.ORANGE, "●"),
    "completed": StatusStyle(OkabeIto.BLUISH_GREEN, "✓"),
    "cancelled": StatusStyle(OkabeIto.GREY, "✕", strike=True),
    "late_cancelled": StatusStyle(OkabeIto.REDDISH_PURPLE, "✕", strike=True),
    "no_show": StatusStyle(OkabeIto.VERMILLION, "!"),
    "rescheduled": StatusStyle(OkabeIto.GREY, "↷", strike=True),
    "busy": StatusStyle(OkabeIto.GREY, "■"),
}

#: Issue urgencies (the word is always shown too).
URGENCY: dict[str, StatusStyle] = {
    "crisis": StatusStyle(OkabeIto.VERMILLION, "‼"),
    "high": StatusStyle(OkabeIto.ORANGE, "!"),
    "normal": StatusStyle(OkabeIto.BLUE, "·"),
    "low": StatusStyle(OkabeIto.GREY, "·"),
}

#: Dates: overdue and due soon.
OVERDUE = StatusStyle(OkabeIto.VERMILLION, "!")
DUE = StatusStyle(OkabeIto.ORANGE, "•")

_NOTICE_COLOURS = {
    "warning": OkabeIto.ORANGE,
    "error": OkabeIto.VERMILLION,
    "info": OkabeIto.BLUE,
    "success": OkabeIto.BLUISH_GREEN,
}


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the (application's) palette is dark: its window colour is."""
    if palette is None:
        if QGuiApplication.instance() is None:
            return False
        palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def text_colour(colour: str, palette: QPalette | None = None) -> QColor:
    """A status colour made readable as *text* on the current background.

    The Okabe–Ito orange and sky blue are too light for text on white; they are
    darkened there (and lightened on dark backgrounds), keeping their hue.
    """
    qcolor = QColor(colour)
    if is_dark(palette):
        return qcolor.lighter(135) if qcolor.lightnessF() < 0.55 else qcolor
    return qcolor.darker(140) if qcolor.lightnessF() > 0.4 else qcolor


def muted_text(palette: QPalette | None = None) -> QColor:
    """The colour of secondary text (placeholders, finished rows)."""
    palette = palette or (QGuiApplication.palette() if QGuiApplication.instance() else QPalette())
    return palette.color(QPalette.ColorRole.PlaceholderText)


def notice_style(kind: str = "warning", padding: str = "4px 8px") -> str:
    """The stylesheet of a notice banner: a soft tint and a coloured edge, in either mode.

    Banners always say what they mean in words; the colour only groups them.
    """
    colour = QColor(_NOTICE_COLOURS.get(kind, OkabeIto.ORANGE))
    tint = f"rgba({colour.red()}, {colour.green()}, {colour.blue()}, 0.16)"
    return (
        f"color: palette(text); background: {tint}; "
        f"border-left: 3px solid {colour.name()}; padding: {padding};"
    )


def scaled_font(widget: QWidget, role: str, *, bold: bool = False) -> QFont:
    """The application font scaled by ``TYPE_SCALE[role]`` (for headings)."""
    font = QFont(widget.font())
    base = QApplication.font().pointSizeF()
    if base > 0:
        font.setPointSizeF(base * TYPE_SCALE.get(role, 1.0))
    font.setBold(bold)
    return font


#: The type-scale roles a heading may have, largest first.
HEADING_ROLES = ("title", "heading", "subheading")


def set_heading(widget: QWidget, role: str = "heading") -> None:
    """Make ``widget`` (a QLabel) a heading of the type scale, bold.

    ``role`` is "title" (a screen's heading), "heading" (a section) or "subheading".
    The role is kept as the ``typeRole`` property, so tests and styles can find it.
    """
    if role not in HEADING_ROLES:
        raise ValueError(f"Unknown heading role {role!r}; use one of {HEADING_ROLES}.")
    widget.setFont(scaled_font(widget, role, bold=True))
    widget.setProperty("typeRole", role)


def screen_title(text: str, name: str) -> QLabel:
    """A section's heading ("Referrals", "Settings"…), as every section has one."""
    title = QLabel(text)
    title.setObjectName(name)
    title.setTextFormat(Qt.TextFormat.PlainText)
    set_heading(title, "title")
    return title


def set_figure(widget: QWidget) -> None:
    """Make ``widget`` (a QLabel) a figure read at a glance: bold, ``TYPE_SCALE["figure"]``.

    Kept as the ``typeRole`` property "figure", like the headings' roles.
    """
    widget.setFont(scaled_font(widget, "figure", bold=True))
    widget.setProperty("typeRole", "figure")


def heading(text: str, role: str = "title", object_name: str = "") -> QLabel:
    """A new QLabel heading of the type scale (see ``set_heading``), word-wrapped."""
    label = QLabel(text)
    if object_name:
        label.setObjectName(object_name)
    label.setWordWrap(True)
    set_heading(label, role)
    return label


def hint(text: str, object_name: str = "") -> QLabel:
    """A quiet, wrapped explanation under a field or a section."""
    label = QLabel(text)
    if object_name:
        label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def dialog_heading(text: str) -> QLabel:
    """The subheading that opens a part of a dialog (object name ``dialog_heading``)."""
    return heading(text, "subheading", "dialog_heading")


def empty_state(text: str = "", object_name: str = "") -> QLabel:
    """The message a list shows in its place when it has no rows.

    The text says what the list is and what to do next, in plain words ("No
    practitioners yet. Add yourself first…"); centred, wrapped, with room around it.
    """
    label = QLabel(text)
    if object_name:
        label.setObjectName(object_name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setMargin(SPACE_XL)
    label.setProperty("emptyState", True)
    return label


def dark_palette() -> QPalette:
    """A calm dark palette (used where the platform style does not provide one)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: "#2b2d30",
        roles.WindowText: "#e8e8e8",
        roles.Base: "#1f2023",
        roles.AlternateBase: "#26282b",
        roles.ToolTipBase: "#3a3d41",
        roles.ToolTipText: "#f0f0f0",
        roles.PlaceholderText: "#9a9a9a",
        roles.Text: "#e8e8e8",
        roles.Button: "#35373b",
        roles.ButtonText: "#e8e8e8",
        roles.BrightText: "#ffffff",
        roles.Light: "#4a4d52",
        roles.Midlight: "#3d4044",
        roles.Mid: "#5a5d62",
        roles.Dark: "#191a1c",
        roles.Shadow: "#000000",
        roles.Highlight: "#3d7fc4",
        roles.HighlightedText: "#ffffff",
        roles.Link: OkabeIto.SKY_BLUE,
        roles.LinkVisited: OkabeIto.REDDISH_PURPLE,
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#7a7a7a"))
    return palette


def sidebar_stylesheet() -> str:
    """The sidebar's look; set on the sidebar itself (its items size from it)."""
    return (
        "QListWidget#sidebar { border: none; background: palette(window); outline: 0;"
        f" padding-top: {SPACE_S}px; }}"
        f"QListWidget#sidebar::item {{ padding: {SPACE_S}px {SPACE_M}px; border-radius: 4px; }}"
        "QListWidget#sidebar::item:selected { background: palette(highlight);"
        " color: palette(highlighted-text); }"
    )


#: Named looks for widgets, each one rule of the application's stylesheet, given with
#: :func:`look`. Never ``setStyleSheet`` on a widget that is made again and again (a
#: dialog's labels, a table in a dialog): Qt keeps about 300 bytes for each such widget
#: after it is gone, which was most of what the hour-long soak grew by.
LOOKS: dict[str, str] = {
    "error": notice_style("error", "2px 6px"),
    "error-banner": notice_style("error", "6px 10px"),
    "warning": notice_style("warning"),
    "warning-small": notice_style("warning", "2px 6px"),
    "info-banner": notice_style("info", "6px 10px"),
    "success": notice_style("success", "4px 8px"),
    "note": (
        "background: palette(alternate-base); border-left: 3px solid palette(mid);"
        " padding: 4px 8px;"
    ),
    "note-highlight": (
        "background: palette(alternate-base); border-left: 3px solid palette(highlight);"
        " padding: 4px 8px;"
    ),
    "notice": (
        "border-left: 4px solid palette(highlight); padding: 6px 10px;"
        " background: palette(alternate-base);"
    ),
    "danger": (
        "background: palette(alternate-base); border-left: 3px solid #b3261e; padding: 6px 10px;"
    ),
    "muted": "color: palette(placeholder-text);",
    "faint": "color: palette(mid);",
    "empty": "color: palette(placeholder-text); padding: 24px;",
    "highlighted": "border: 2px solid palette(highlight); border-radius: 4px;",
}
#: Looks of item views: the padding of their items (and Today's header).
ITEM_LOOKS: dict[str, str] = {
    "roomy": 'QAbstractItemView[look="roomy"]::item { padding: 4px 4px; }',
    "list": 'QAbstractItemView[look="list"]::item { padding: 4px 6px; }',
    "day": (
        'QTableView[look="day"]::item { padding: 0 12px; }'
        ' QTableView[look="day"] QHeaderView::section { padding: 6px 12px; border: none;'
        " border-bottom: 1px solid palette(mid); background: palette(window); }"
    ),
}


def look(widget: QWidget, name: str) -> None:
    """Give ``widget`` the look ``name`` (of LOOKS or ITEM_LOOKS; "" for none)."""
    if name and name not in LOOKS and name not in ITEM_LOOKS:
        raise KeyError(name)
    if widget.property("look") == (name or None):
        return
    widget.setProperty("look", name or None)
    style = widget.style()
    style.unpolish(widget)  # a property rule applies once the widget is polished again
    style.polish(widget)
    widget.update()


def stylesheet() -> str:
    """The one application stylesheet: only what the palette cannot say, and the looks."""
    rules = [
        "QToolTip { color: palette(tooltip-text); background: palette(tooltip-base);"
        " border: 1px solid palette(mid); padding: 4px; }",
        "QWidget#lock_curtain { background: palette(window); }",
    ]
    rules += [f'*[look="{name}"] {{ {body} }}' for name, body in LOOKS.items()]
    rules += list(ITEM_LOOKS.values())
    return "\n".join(rules)


def system_prefers_dark() -> bool:
    """Whether the OS asks for dark mode (Qt 6.5+); unknown (e.g. offscreen) → light."""
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is None:
        return False
    return bool(scheme() == Qt.ColorScheme.Dark)


# -- contrast: what must stand out from its background (WCAG 2: 3:1 for controls) -----

#: The least contrast a control's edge, a check mark's box and a focus ring need.
MIN_CONTROL_CONTRAST = 3.0


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2) of ``colour``."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    a, b = sorted((luminance(one), luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _blend(top: QColor, bottom: QColor, share: float) -> QColor:
    return QColor.fromRgbF(
        top.redF() * share + bottom.redF() * (1 - share),
        top.greenF() * share + bottom.greenF() * (1 - share),
        top.blueF() * share + bottom.blueF() * (1 - share),
    )


def _standing_out(colour: QColor, palette: QPalette, towards: QColor) -> QColor:
    """``colour``, moved towards ``towards`` until it has 3:1 against the window and the
    field backgrounds (both are behind controls)."""
    backgrounds = [palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base)]
    share = 0.0
    found = colour
    while min(contrast(found, b) for b in backgrounds) < MIN_CONTROL_CONTRAST and share < 1:
        share += 0.05
        found = _blend(towards, colour, share)
    return found


def indicator_outline(palette: QPalette) -> QColor:
    """The edge of a check box or radio button: the text colour softened, never below 3:1."""
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    return _standing_out(_blend(text, window, 0.55), palette, text)


def focus_colour(palette: QPalette) -> QColor:
    """The focus ring: the highlight colour, lightened on dark (darkened on light) to 3:1."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    towards = QColor("#ffffff") if is_dark(palette) else QColor("#000000")
    return _standing_out(highlight, palette, towards)


class ClearControlsStyle(QProxyStyle):
    """The platform's style, with check boxes, radio buttons and the focus ring drawn to
    stand out (3:1) from their background in light and dark: Fusion's own edges are its
    window colour a little darker, nearly invisible on a dark palette."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        elements = QStyle.PrimitiveElement
        if element == elements.PE_FrameFocusRect:
            self._ring(option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in (elements.PE_IndicatorCheckBox, elements.PE_IndicatorRadioButton):
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            pen = QPen(indicator_outline(option.palette))  # type: ignore[attr-defined]
            pen.setWidthF(1.5)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            box = QRectF(option.rect).adjusted(1, 1, -1, -1)  # type: ignore[attr-defined]
            if element == elements.PE_IndicatorRadioButton:
                painter.drawEllipse(box)
            else:
                painter.drawRoundedRect(box, 2, 2)
            painter.restore()
        elif (
            element in (elements.PE_FrameLineEdit, elements.PE_PanelButtonCommand)
            and option.state & QStyle.StateFlag.State_HasFocus  # type: ignore[attr-defined]
        ):
            self._ring(option, painter)

    def _ring(self, option: QStyleOption, painter: QPainter) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(focus_colour(option.palette))  # type: ignore[attr-defined]
        pen.setWidthF(2.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(option.rect).adjusted(1, 1, -1, -1), 3, 3)  # type: ignore[attr-defined]
        painter.restore()


# -- light, dark, or as the system says -------------------------------------------------


class ThemeChoice(StrEnum):
    """Settings → Appearance: this computer's choice."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


THEME_KEY = "appearance/theme"
#: The style applied last (see ``apply_theme``).
_style_in_use: QStyle | None = None
#: The application property that keeps the platform's own style's name.
_NATIVE_STYLE = "clientcare_native_style"


def saved_theme() -> ThemeChoice:
    """The appearance chosen on this computer (System when none, or not understood)."""
    value = QSettings().value(THEME_KEY, ThemeChoice.SYSTEM.value)
    try:
        return ThemeChoice(str(value))
    except ValueError:
        return ThemeChoice.SYSTEM


def choose_theme(app: QApplication, choice: ThemeChoice) -> None:
    """Remember ``choice`` on this computer and apply it at once."""
    QSettings().setValue(THEME_KEY, choice.value)
    apply_saved_theme(app)


def apply_saved_theme(app: QApplication) -> None:
    """Light, dark, or following the system (and its changes), as chosen."""
    choice = saved_theme()
    dark = None if choice is ThemeChoice.SYSTEM else choice is ThemeChoice.DARK
    apply_theme(app, dark=dark)


class _SchemeFollower(QObject):
    """Re-applies the theme when the OS switches between light and dark (only while the
    choice is "System": a chosen light or dark stays)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._changed)

    def _changed(self, _scheme: object) -> None:
        if saved_theme() is ThemeChoice.SYSTEM:
            apply_theme(self.app)


def forget_cached_drawings(app: QApplication) -> None:
    """Let the style forget the drawings it cached for windows that are gone, and their
    names (through Qt's own ways).

    Qt 6 (6.11.3 checked) keeps the name of every control drawing its styles cache (a spin
    box's frame and arrows, a combo box's button, for each palette and size met) in a set
    it only empties when a palette is polished: a few kilobytes for each dialog made with
    new colours, without end (the hour-long soak: about 6 KB a booking). Polishing a copy
    of the palette empties the set and changes nothing on screen.

    Icons drawn for a dialog stay in Qt's pixmap cache, named after the icon object made
    for that dialog, so nothing finds them again once it is gone: a print preview's toolbar
    left ~33 KB there each time, a message box's icon ~12 KB, until the cache was full
    (10 MiB: the hour-long soak's slow climb, printing briefs and day sheets). Emptying the
    cache as finished dialogs are freed gives that back; what the open windows show is
    drawn again, once, when next painted.

    Called when finished dialogs are freed (ui.finished_dialogs), not on every paint.
    """
    app.style().polish(QPalette(app.palette()))
    QPixmapCache.clear()


def apply_theme(app: QApplication, *, dark: bool | None = None, follow: bool = True) -> None:
    """Apply the palette and stylesheet; ``dark=None`` follows the OS (and its changes)."""
    want_dark = system_prefers_dark() if dark is None else dark
    # Fusion draws every widget from the palette, so a dark palette is honoured on every
    # platform (some native styles ignore it); light keeps the platform's own style. Either
    # is wrapped so controls stand out (3:1) from their background.
    native = app.property(_NATIVE_STYLE) or app.style().name()
    app.setProperty(_NATIVE_STYLE, native)
    base = QStyleFactory.create("Fusion" if want_dark else str(native))
    if base is not None:
        global _style_in_use
        # Kept here: Qt owns the style, but its Python half (the overrides) lives only as
        # long as a Python reference does.
        _style_in_use = ClearControlsStyle(base)
        app.setStyle(_style_in_use)
    if want_dark:
        app.setPalette(dark_palette())
    else:
        app.setPalette(app.style().standardPalette())
    app.setStyleSheet(stylesheet())
    if follow and descendant(app, _SchemeFollower) is None:
        _SchemeFollower(app)
    from ui import icons

    icons.clear_cache()
