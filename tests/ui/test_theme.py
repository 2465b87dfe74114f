"""The visual system: palette following light/dark, status colours with marks, icons."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QSize
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
)
from pytestqt.qtbot import QtBot

from clientcare.db.models import AppointmentStatus, Urgency
from ui import icons, theme
from ui.app import install_translator
from ui.main_window import SECTIONS
from ui.ops import Operations


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The session's application, put back as it was after the test."""
    style, palette, sheet = qapp.style().name(), QPalette(qapp.palette()), qapp.styleSheet()
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)
    icons.clear_cache()


def test_dark_and_light_palettes(app: QApplication) -> None:
    theme.apply_theme(app, dark=True)
    assert theme.is_dark()
    assert "QToolTip" in app.styleSheet()
    theme.apply_theme(app, dark=False)
    assert not theme.is_dark()


def test_following_the_os_when_it_does_not_say_is_light(app: QApplication) -> None:
    # Offscreen the platform reports no colour scheme: light.
    assert theme.system_prefers_dark() in (False, True)
    theme.apply_theme(app, follow=False)
    assert theme.is_dark() is theme.system_prefers_dark()


def test_every_status_has_a_colour_blind_safe_colour_and_a_mark() -> None:
    okabe_ito = {
        value.upper()
        for name, value in vars(theme.OkabeIto).items()
        if not name.startswith("_") and isinstance(value, str)
    }
    for status in AppointmentStatus:
        style = theme.APPOINTMENT_STATUS[status.value]
        assert style.colour.upper() in okabe_ito
        assert style.mark.strip()
    for urgency in Urgency:
        assert theme.URGENCY[urgency.value].mark.strip()
    # Cancelled-like statuses are struck through as well as coloured.
    assert theme.APPOINTMENT_STATUS["cancelled"].strike


def test_status_text_stays_readable_in_both_modes(app: QApplication) -> None:
    for dark in (False, True):
        theme.apply_theme(app, dark=dark)
        background = app.palette().color(QPalette.ColorRole.Base)
        for style in theme.APPOINTMENT_STATUS.values():
            text = theme.text_colour(style.colour)
            assert abs(text.lightnessF() - background.lightnessF()) > 0.25, style


def test_notice_style_has_an_edge_and_follows_the_palette_text() -> None:
    sheet = theme.notice_style("warning")
    assert "border-left" in sheet and "palette(text)" in sheet


def test_every_icon_loads_crisp_and_every_section_has_one(app: QApplication) -> None:
    names = icons.names()
    for section in SECTIONS:
        assert section.key in names
    for action in ("print", "running_late", "new", "search"):
        assert action in names
    for name in names:
        icon = icons.icon(name)
        assert not icon.isNull(), name
        # High-DPI: a pixmap at twice the size is drawn from the SVG, not scaled up.
        assert icon.actualSize(QSize(48, 48)) == QSize(48, 48)
        assert not icon.pixmap(QSize(24, 24), 2.0).isNull()


def test_icons_are_redrawn_for_the_dark_palette(app: QApplication) -> None:
    theme.apply_theme(app, dark=False)
    light = icons.icon("today").pixmap(24, 24).toImage()
    theme.apply_theme(app, dark=True)
    dark = icons.icon("today").pixmap(24, 24).toImage()
    assert light != dark


def test_unknown_icon_is_an_error() -> None:
    with pytest.raises(FileNotFoundError):
        icons.icon_path("no-such-icon")


def test_no_translation_is_loaded_when_none_ships(app: QApplication) -> None:
    assert install_translator(app, QLocale(QLocale.Language.Welsh)) is None


@pytest.mark.parametrize("dark", [False, True])
def test_controls_and_the_focus_ring_stand_out_three_to_one(app: QApplication, dark: bool) -> None:
    """Computed from the palette, as WCAG does: a check box's or radio button's edge and
    the focus ring against the window and the field backgrounds, light and dark."""
    theme.apply_theme(app, dark=dark, follow=False)
    palette = app.palette()
    for background in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        behind = palette.color(background)
        assert theme.contrast(theme.indicator_outline(palette), behind) >= 3.0
        assert theme.contrast(theme.focus_colour(palette), behind) >= 3.0


@pytest.mark.parametrize("kind", ["check", "radio"])
def test_an_unchecked_box_is_visible_on_the_dark_palette(
    qtbot: QtBot, app: QApplication, kind: str
) -> None:
    """Drawn, not only computed: the unchecked indicator's edge reaches 3:1 against the
    window behind it (Fusion's own edge alone: about 1.2:1)."""
    theme.apply_theme(app, dark=True, follow=False)
    box = QCheckBox("Agreed") if kind == "check" else QRadioButton("Agreed")
    qtbot.addWidget(box)
    box.resize(box.sizeHint())
    image = box.grab().toImage()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if kind == "check"
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    rect = box.style().subElementRect(element, option, box)
    window = app.palette().color(QPalette.ColorRole.Window)
    best = max(
        theme.contrast(image.pixelColor(x, y), window)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )
    assert best >= 3.0


def test_light_dark_or_system_is_remembered_on_this_computer(app: QApplication) -> None:
    from PySide6.QtCore import QSettings

    QSettings().remove(theme.THEME_KEY)
    assert theme.saved_theme() is theme.ThemeChoice.SYSTEM
    theme.choose_theme(app, theme.ThemeChoice.DARK)
    assert theme.is_dark() and theme.saved_theme() is theme.ThemeChoice.DARK
    theme.choose_theme(app, theme.ThemeChoice.LIGHT)
    assert not theme.is_dark()
    QSettings().setValue(theme.THEME_KEY, "purple")  # not understood: as the system says
    assert theme.saved_theme() is theme.ThemeChoice.SYSTEM
    QSettings().remove(theme.THEME_KEY)


def test_settings_appearance_switches_at_once(
    qtbot: QtBot, app: QApplication, ops: Operations
) -> None:
    from PySide6.QtCore import QPoint, QSettings, Qt

    from ui.screens.settings import SettingsScreen

    QSettings().remove(theme.THEME_KEY)
    theme.apply_theme(app, dark=False, follow=False)
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    tab = screen.appearance
    screen.tabs.setCurrentWidget(tab)
    assert tab.choices[theme.ThemeChoice.SYSTEM].isChecked()
    dark = tab.choices[theme.ThemeChoice.DARK]
    qtbot.mouseClick(dark, Qt.MouseButton.LeftButton, pos=QPoint(8, dark.height() // 2))
    assert theme.is_dark() and theme.saved_theme() is theme.ThemeChoice.DARK
    light = tab.choices[theme.ThemeChoice.LIGHT]
    qtbot.mouseClick(light, Qt.MouseButton.LeftButton, pos=QPoint(8, light.height() // 2))
    assert not theme.is_dark() and theme.saved_theme() is theme.ThemeChoice.LIGHT
    QSettings().remove(theme.THEME_KEY)


def test_every_look_is_one_rule_of_the_application_stylesheet(
    qtbot: QtBot, app: QApplication
) -> None:
    from PySide6.QtWidgets import QLabel

    sheet = theme.stylesheet()
    for name in theme.LOOKS:
        assert f'*[look="{name}"]' in sheet
    for name in theme.ITEM_LOOKS:
        assert f'[look=\\"{name}\\"]' in sheet or f'[look="{name}"]' in sheet
    label = QLabel("Please check the date")
    qtbot.addWidget(label)
    theme.look(label, "error")
    assert label.property("look") == "error" and not label.styleSheet()
    theme.look(label, "")
    assert label.property("look") is None
    with pytest.raises(KeyError):
        theme.look(label, "sparkly")
