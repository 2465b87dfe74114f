"""The visual system: palette following light/dark, status colours with marks, icons."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QSize
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from clientcare.db.models import AppointmentStatus, Urgency
from ui import icons, theme
from ui.app import install_translator
from ui.main_window import SECTIONS


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
