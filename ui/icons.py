"""Icons from the single SVG set in ``resources/icons``, coloured for the current palette.

The SVGs draw with ``currentColor``; it is replaced by the palette's text colour
(so they follow light and dark), and each is drawn when first shown, at the size and
device pixel ratio it is shown at, so it stays crisp on high-DPI screens.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"


def icon_path(name: str) -> Path:
    """The SVG file of icon ``name``; raises ``FileNotFoundError`` when there is none."""
    path = ICON_DIR / f"{name}.svg"
    if not path.is_file():
        raise FileNotFoundError(path)
    return path


def names() -> list[str]:
    """Every icon in the set."""
    return sorted(path.stem for path in ICON_DIR.glob("*.svg"))


def _pixmap(svg: bytes, size: QSize, ratio: float) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg))
    width = max(1, round(size.width() * ratio))
    height = max(1, round(size.height() * ratio))
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class _SvgIconEngine(QIconEngine):
    """Draws the SVG at exactly the size, mode and device pixel ratio asked for, once.

    Crisp at any size on any screen, and nothing is drawn until a widget shows the icon
    (drawing every size of every icon up front cost start-up tens of milliseconds).
    """

    def __init__(self, svgs: dict[QIcon.Mode, bytes]) -> None:
        super().__init__()
        self.svgs = svgs
        self.drawn: dict[tuple[int, int, int, float], QPixmap] = {}

    def _svg(self, mode: QIcon.Mode) -> bytes:
        return self.svgs.get(mode, self.svgs[QIcon.Mode.Normal])  # Active: as Normal

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        QSvgRenderer(QByteArray(self._svg(mode))).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        key = (size.width(), size.height(), mode.value, scale)
        pixmap = self.drawn.get(key)
        if pixmap is None:
            pixmap = self.drawn[key] = _pixmap(self._svg(mode), size, scale)
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return QSize(size)  # a vector drawing fills any square it is given

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self.svgs)


@lru_cache(maxsize=128)
def _icon(name: str, normal: str, disabled: str, selected: str) -> QIcon:
    source = icon_path(name).read_text(encoding="utf-8")
    svgs = {
        mode: source.replace("currentColor", colour).encode("utf-8")
        for mode, colour in (
            (QIcon.Mode.Normal, normal),
            (QIcon.Mode.Disabled, disabled),
            (QIcon.Mode.Selected, selected),
        )
    }
    return QIcon(_SvgIconEngine(svgs))


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
