"""Printouts on paper and in PDF: the HTML laid out by QTextDocument, painted page by page.

``clientcare.printouts`` makes the HTML; this module only lays it out. Each page gets
the body, a small running title from the second page on, and a footer with
``Printout.footer_left`` ("Printed 23 Nov 2026 · Dr A. Example") and "Page X of Y",
painted here so it is the same on paper, in the preview and in a PDF.

QPdfWriter painting works off the GUI thread (batch export); QPrinter and the print
dialogs stay on the GUI thread.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import TypeAlias

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextFrame,
    QTextOption,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from clientcare.files import write_private
from clientcare.printouts import Printout
from ui.finished_dialogs import watch_window

#: What a printout is painted on: a PDF writer or a printer. Both are paged paint devices
#: with a ``resolution()``, which QPagedPaintDevice itself does not declare.
PageDevice: TypeAlias = QPrinter | QPdfWriter

PAGE_SIZES: dict[str, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4,
    "Letter": QPageSize.PageSizeId.Letter,
}
#: Left, top, right, bottom, in millimetres: room for binding holes and a printer's edge.
MARGINS_MM = QMarginsF(20, 15, 18, 12)
HEADER_MM = 8.0  # the running title on pages after the first
FOOTER_MM = 10.0  # the footer line and its text
BODY_POINTS = 10.0
SMALL_POINTS = 7.5
PDF_RESOLUTION = 300
#: The first installed family wins; fontconfig falls back to others (CJK) glyph by glyph.
FONT_FAMILIES = ("Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica")
FOOTER_COLOUR = QColor("#555555")
RULE_COLOUR = QColor("#b8b8b8")


@functools.cache
def font_family() -> str:
    """The family printouts use: one with wide script coverage that is installed here."""
    installed = set(QFontDatabase.families())
    return next((family for family in FONT_FAMILIES if family in installed), QFont().family())


def print_font(points: float = BODY_POINTS) -> QFont:
    font = QFont(font_family())
    font.setPointSizeF(points)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


def page_layout(page_size: str) -> QPageLayout:
    """Portrait ``page_size`` ("A4" or "Letter") with the printout margins."""
    size = QPageSize(PAGE_SIZES.get(page_size, QPageSize.PageSizeId.A4))
    return QPageLayout(
        size, QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter
    )


@functools.cache
def _layout_device(resolution: int) -> QImage:
    """A stand-in device of ``resolution`` dots per inch that documents are laid out for.

    The layout only needs the device's resolution (the fonts' sizes in its pixels), and it
    comes out the same as on a printer or PDF writer of that resolution. Handing it the
    printer itself leaked the printer: PySide6 records a device given to
    ``setPaintDevice`` as a child of the document's layout and never lets it go, so every
    preview kept its printer (and every PDF its writer) for the rest of the session.
    One image per resolution is kept instead, on purpose.
    """
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    dots_per_metre = round(resolution / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def make_document(
    printout: Printout, device: PageDevice, page: QSizeF | None = None
) -> QTextDocument:
    """The printout's HTML as a document laid out for ``device`` (fonts in its resolution).

    With ``page`` (the body's size on a page), it is paginated so that no table row that
    fits on a page is split across two: such a row starts a new page, its table's header
    row repeated above it.
    """
    html = printout.html
    for _attempt in range(MAX_ROW_BREAKS):
        document = _laid_out(html, device, page)
        if page is None:
            return document
        split = first_split_row(document, page.height())
        if split is None:
            return document
        broken = break_table_before(html, *split)
        if broken is None:  # not found in the HTML as written: leave it as Qt lays it out
            return document
        html = broken
    return document


#: At most this many rows are moved to a new page in one printout (each needs a new layout).
MAX_ROW_BREAKS = 60


def first_split_row(document: QTextDocument, page_height: float) -> tuple[int, int] | None:
    """The first table row laid out across a page boundary that would fit on one page, as
    (the table's number in document order, the row's number), or None."""
    layout = document.documentLayout()
    for number, table in enumerate(_tables(document)):
        for row in range(table.rows()):
            top = bottom = None
            for column in range(table.columns()):
                cell = table.cellAt(row, column)
                block = cell.firstCursorPosition().block()
                last = cell.lastCursorPosition().block()
                while block.isValid():
                    rect = layout.blockBoundingRect(block)
                    lines = block.layout()
                    for index in range(lines.lineCount()):
                        line = lines.lineAt(index)
                        y = rect.top() + line.y()
                        top = y if top is None else min(top, y)
                        end = y + line.height()
                        bottom = end if bottom is None else max(bottom, end)
                    if block == last:
                        break
                    block = block.next()
            if top is None or bottom is None or bottom - top >= page_height * 0.9:
                continue  # empty, or too tall for any page: it must split
            if math.floor(top / page_height) != math.floor((bottom - 0.5) / page_height):
                return number, row
    return None


def _tables(document: QTextDocument) -> list[QTextTable]:
    """Every table of ``document``, in document order (nested ones after their parent)."""
    found: list[QTextTable] = []

    def walk(frame: QTextFrame) -> None:
        for child in frame.childFrames():
            if isinstance(child, QTextTable):
                found.append(child)
            walk(child)

    walk(document.rootFrame())
    return found


def break_table_before(html: str, table_number: int, row_number: int) -> str | None:
    """``html`` with table ``table_number`` (in document order) cut before its row
    ``row_number``: the rest becomes a new table that starts a page, its header row (a
    first row of ``<th>`` cells) repeated. None when the row is not found."""
    finder = _RowFinder(table_number, row_number)
    finder.feed(html)
    finder.close()
    if finder.row_at is None or finder.table_tag is None or finder.table_at is None:
        return None
    opening = finder.table_tag[:-1].rstrip() + ' style="page-break-before: always">'
    if row_number == 0 or (row_number == 1 and finder.header):
        # Its first row (under the header): the whole table starts the next page.
        start = finder.table_at
        return html[:start] + opening + html[start + len(finder.table_tag) :]
    cut = finder.row_at
    return html[:cut] + "</table>" + opening + finder.header + html[cut:]


class _RowFinder(HTMLParser):
    """Finds where a table's row starts in the HTML, the table's tag, and its header (the
    ``<thead>``, which Qt also repeats at the top of each page the table runs onto)."""

    def __init__(self, table_number: int, row_number: int) -> None:
        super().__init__(convert_charrefs=False)
        self.wanted_table = table_number
        self.wanted_row = row_number
        self.tables_seen = -1
        self.depth = 0  # open tables
        self.current: int | None = None  # the depth of the wanted table while inside it
        self.rows_seen = -1
        self.row_at: int | None = None
        self.table_tag: str | None = None
        self.table_at: int | None = None
        self.header = ""
        self._head_at: int | None = None
        self._data = ""
        self._lines: list[int] = []

    def feed(self, data: str) -> None:
        self._data = data
        offset = 0
        self._lines = [0]
        for line in data.splitlines(keepends=True):
            offset += len(line)
            self._lines.append(offset)
        super().feed(data)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.row_at is not None:
            return
        if tag == "table":
            self.depth += 1
            self.tables_seen += 1
            if self.tables_seen == self.wanted_table:
                self.current = self.depth
                self.table_tag = self.get_starttag_text()
                self.table_at = self._offset()
        elif self.current != self.depth:
            return
        elif tag == "thead":
            self._head_at = self._offset()
        elif tag == "tr":
            self.rows_seen += 1
            if self.rows_seen == self.wanted_row:
                self.row_at = self._offset()

    def handle_endtag(self, tag: str) -> None:
        if self.row_at is not None:
            return
        if tag == "thead" and self.current == self.depth and self._head_at is not None:
            end = self._data.index(">", self._offset()) + 1
            self.header = self._data[self._head_at : end]
        elif tag == "table":
            if self.current == self.depth:
                self.current = None
            self.depth -= 1


def _laid_out(html: str, device: PageDevice, page: QSizeF | None) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(_layout_device(device.resolution()))
    document.setDefaultFont(print_font())
    option = QTextOption()
    # A very long word (a pasted link, a name without spaces) wraps instead of running off.
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    document.setDocumentMargin(0)
    document.setHtml(html)
    if page is not None:
        document.setPageSize(page)
    return document


class _Pages:
    """Where the body, the running title and the footer go on ``device``'s pages."""

    def __init__(self, device: PageDevice) -> None:
        resolution = device.resolution()
        paint = device.pageLayout().paintRectPixels(resolution)
        self.mm = resolution / 25.4
        self.width = float(paint.width())
        self.height = float(paint.height())
        header = HEADER_MM * self.mm
        footer = FOOTER_MM * self.mm
        # Whole device pixels: the layout pushes a line to the next page at exactly this
        # boundary, and a fraction would leave it a hair inside the page before.
        self.body = QRectF(0, header, self.width, math.floor(self.height - header - footer))


def _paint_one(painter: QPainter, device: PageDevice, printout: Printout, *, first: bool) -> int:
    pages = _Pages(device)
    document = make_document(printout, device, QSizeF(pages.body.width(), pages.body.height()))
    count = document.pageCount()
    small = print_font(SMALL_POINTS)
    metrics = QFontMetricsF(small, device)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, QColor("#1c1c1c"))
    for index in range(count):
        if index or not first:
            device.newPage()
        top = index * pages.body.height()
        painter.save()
        painter.translate(pages.body.left(), pages.body.top() - top)
        clip = QRectF(0, top, pages.body.width(), pages.body.height())
        painter.setClipRect(clip)
        # Lines starting on the boundary belong to the next page: not drawn (hidden) here.
        context.clip = clip.adjusted(0, 0.5, 0, -0.5)
        document.documentLayout().draw(painter, context)
        painter.restore()
        _paint_margins(painter, pages, printout, index + 1, count, small, metrics)
    return count


def _paint_margins(
    painter: QPainter,
    pages: _Pages,
    printout: Printout,
    number: int,
    count: int,
    font: QFont,
    metrics: QFontMetricsF,
) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(QPen(FOOTER_COLOUR))
    line_height = metrics.height()
    if number > 1:
        title = metrics.elidedText(printout.title, Qt.TextElideMode.ElideRight, pages.width)
        painter.drawText(
            QRectF(0, 0, pages.width, line_height),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
            title,
        )
    rule_y = pages.body.bottom() + 2.5 * pages.mm
    painter.setPen(QPen(RULE_COLOUR, max(1.0, 0.2 * pages.mm)))
    painter.drawLine(0, round(rule_y), round(pages.width), round(rule_y))
    painter.setPen(QPen(FOOTER_COLOUR))
    text_box = QRectF(0, rule_y + 1.5 * pages.mm, pages.width, line_height)
    page_text = f"Page {number} of {count}"
    room = pages.width - metrics.horizontalAdvance(page_text) - 6 * pages.mm
    left = metrics.elidedText(printout.footer_left, Qt.TextElideMode.ElideRight, room)
    painter.drawText(text_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, left)
    painter.drawText(text_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, page_text)
    painter.restore()


def paint_printouts(
    device: PageDevice,
    printouts: Sequence[Printout],
    *,
    keep_going: Callable[[int], bool] = lambda _done: True,
) -> int:
    """Paint each printout from a new page (numbered on its own); returns the pages painted.

    ``keep_going(done)`` is asked before each printout; False stops (a cancelled batch).
    Raises OSError when the device cannot be painted on.
    """
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("The printer or file could not be opened for printing.")
    total = 0
    try:
        for index, printout in enumerate(printouts):
            if not keep_going(index):
                break
            total += _paint_one(painter, device, printout, first=index == 0)
    finally:
        painter.end()
    return total


def paint_printout(device: PageDevice, printout: Printout) -> int:
    """Paint one printout on a printer or PDF writer; returns its page count."""
    return paint_printouts(device, [printout])


class PdfInProgress:
    """A PDF in memory, painted one printout at a time (each from a new page).

    ``add`` each printout, then ``finish`` for the bytes; ``abandon`` drops it half-way.
    A batch export adds one printout per turn of the event loop, so the window answers in
    between. Raises OSError when the PDF cannot be started.
    """

    def __init__(self, *, page_size: str, title: str) -> None:
        self._data = QByteArray()
        self._buffer = QBuffer()
        self._buffer.setBuffer(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._writer: QPdfWriter | None = QPdfWriter(self._buffer)
        self._writer.setResolution(PDF_RESOLUTION)
        self._writer.setPageLayout(page_layout(page_size))
        self._writer.setCreator("ClientCare")
        self._writer.setTitle(title)
        self._painter = QPainter()
        if not self._painter.begin(self._writer):
            self._writer = None
            raise OSError("The PDF could not be started.")
        self.printouts = 0
        self.pages = 0

    def add(self, printout: Printout) -> int:
        """Paint ``printout`` from a new page; returns its page count."""
        assert self._writer is not None, "the PDF is finished"
        pages = _paint_one(self._painter, self._writer, printout, first=self.printouts == 0)
        self.printouts += 1
        self.pages += pages
        return pages

    def finish(self) -> bytes:
        """The PDF's bytes (nothing more can be added)."""
        self._close()
        return bytes(self._data.data())

    def abandon(self) -> None:
        """Stop without using what was painted."""
        self._close()

    def _close(self) -> None:
        if self._writer is None:
            return
        self._painter.end()
        self._writer = None  # the writer writes the PDF's end as it goes
        self._buffer.close()


def pdf_bytes(
    printouts: Sequence[Printout],
    *,
    page_size: str,
    keep_going: Callable[[int], bool] = lambda _done: True,
) -> tuple[bytes, int]:
    """The PDF of ``printouts`` (each from a new page) and its page count."""
    title = printouts[0].title if len(printouts) == 1 else "ClientCare printouts"
    pdf = PdfInProgress(page_size=page_size, title=title)
    try:
        for index, printout in enumerate(printouts):
            if not keep_going(index):
                break
            pdf.add(printout)
    except BaseException:
        pdf.abandon()
        raise
    return pdf.finish(), pdf.pages


def save_pdf(printout: Printout, path: Path, *, page_size: str) -> int:
    """Save ``printout`` as a PDF at ``path``; returns the page count. Raises OSError."""
    content, pages = pdf_bytes([printout], page_size=page_size)
    write_private(Path(path), content)
    return pages


def save_combined_pdf(printouts: Sequence[Printout], path: Path, *, page_size: str) -> int:
    """Save several printouts as one PDF (each from a new page); returns the page count."""
    content, pages = pdf_bytes(printouts, page_size=page_size)
    write_private(Path(path), content)
    return pages


def _printer(printout: Printout, page_size: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(page_size))
    printer.setDocName(printout.title)
    printer.setCreator("ClientCare")
    return printer


def make_preview_dialog(
    parent: QWidget | None, printout: Printout, page_size: str
) -> QPrintPreviewDialog:
    """The system print preview for ``printout`` (printing from it works too)."""
    printer = _printer(printout, page_size)
    dialog = QPrintPreviewDialog(printer, parent)
    watch_window(dialog)
    dialog.setObjectName("print_preview")
    dialog.setWindowTitle(printout.title)
    dialog.paintRequested.connect(lambda target: paint_printout(target, printout))
    # Keep the printer alive with the dialog (the dialog does not own it); dialog.printer()
    # is Qt's accessor and must not be hidden by an attribute of that name.
    dialog.kept_printer = printer  # type: ignore[attr-defined]
    return dialog


def print_preview(parent: QWidget | None, printout: Printout, page_size: str) -> None:
    """Show the print preview (modal); the person prints from it or closes it."""
    make_preview_dialog(parent, printout, page_size).exec()


def print_dialog(parent: QWidget | None, printout: Printout, page_size: str) -> bool:
    """The system print dialog; prints when accepted. True if it was printed."""
    printer = _printer(printout, page_size)
    dialog = QPrintDialog(printer, parent)
    watch_window(dialog)
    dialog.setWindowTitle(printout.title)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_printout(printer, printout)
    return True
