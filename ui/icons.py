"""Icons from the single SVG set in ``resources/icons``, coloured for the current palette.

The SVGs draw with ``currentColor``; it is replaced by the palette's text colour
(so they follow light and dark), and rendered at several sizes and device pixel
ratios, so they stay crisp on high-DPI screens.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
_SIZES = (16, 20, 24, 32, 48)


def icon_path(name: str) -> Path:
    """The SVG file of icon ``name``; raises ``FileNotFoundError`` when there is none."""
    path = ICON_DIR / f"{name}.svg"
    if not path.is_file():
        raise FileNotFoundError(path)
    return path


def names() -> list[str]:
    """Every icon in the set."""
    return sorted(path.stem for path in ICON_DIR.glob("*.svg"))


def _pixmap(svg: bytes, size: int, ratio: float) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg))
    pixels = max(1, round(size * ratio))
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


@lru_cache(maxsize=128)
def _icon(name: str, normal: str, disabled: str, selected: str) -> QIcon:
    source = icon_path(name).read_text(encoding="utf-8")
    result = QIcon()
    ratios = {1.0, 2.0}
    if QGuiApplication.instance() is not None:
        ratios.add(float(QGuiApplication.primaryScreen().devicePixelRatio()) or 1.0)
    for mode, colour in (
        (QIcon.Mode.Normal, normal),
        (QIcon.Mode.Disabled, disabled),
        (QIcon.Mode.Selected, selected),
    ):
        svg = source.replace("currentColor", colour).encode("utf-8")
        for size in _SIZES:
            for ratio in sorted(ratios):
                result.addPixmap(_pixmap(svg, size, ratio), mode)
    return result


def icon(name: str, colour: QColor | None = None) -> QIcon:
    """The icon ``name`` drawn in ``colour`` (default: the palette's text colour)."""
    palette = QGuiApplication.palette() if QGuiApplication.instance() else QPalette()
    normal = colour or palette.color(QPalette.ColorRole.WindowText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    selected = palette.color(QPalette.ColorRole.HighlightedText)
    return _icon(name, normal.name(), disabled.name(), selected.name())


def clear_cache() -> None:
    """Forget the drawn icons (the palette changed: light ↔ dark)."""
    _icon.cache_clear()
