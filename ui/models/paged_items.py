"""A list of items read a page at a time, for the short lists of a page (a client's
appointments and contacts) that can still be long: twelve years of weekly sessions.

``PagedItemModel`` is a ``QStandardItemModel`` (so a ``QListView`` shows it and a test reads
``item(row).text()``) whose rows come from ``reader(offset, limit)``; the view asks for the
next page through ``canFetchMore``/``fetchMore`` as the person scrolls. Items that stand for
a record carry its id in ``Qt.UserRole``; headings and "none" lines carry nothing and are
not counted as shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

#: Reads ``limit`` items starting at ``offset``, in the list's order.
ItemReader = Callable[[int, int], Sequence[QStandardItem]]

#: Rows read at a time: more than these lists show at once (seven to fourteen lines).
ITEM_PAGE = 20


class PagedItemModel(QStandardItemModel):
    """Items read a page at a time; ``shown`` counts the records among them."""

    #: Emitted after a page is added (the "N of M shown" line follows it).
    fetched = Signal()

    def __init__(self, parent: Any = None, *, page_size: int = ITEM_PAGE) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self._reader: ItemReader | None = None
        self._read = 0
        self._more = False
        self.shown = 0

    def set_source(self, reader: ItemReader) -> None:
        """Show what ``reader`` gives: the first page now, the rest as the view scrolls."""
        self.clear()
        self._reader = reader
        self._read = 0
        self._more = True
        self.shown = 0
        self.fetchMore()

    def set_items(self, items: Sequence[QStandardItem]) -> None:
        """Show exactly ``items`` (nothing more to read)."""
        self.clear()
        self._reader = None
        self._read = 0
        self._more = False
        self.shown = 0
        self._append(items)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self._reader is None:
            return
        page = list(self._reader(self._read, self.page_size + 1))
        self._more = len(page) > self.page_size
        page = page[: self.page_size]
        self._read += len(page)
        self._append(page)

    def fetch_all(self) -> None:
        """Read every remaining page (tests, and lists known to be short)."""
        while self._more:
            self.fetchMore()

    def _append(self, items: Sequence[QStandardItem]) -> None:
        for item in items:
            self.appendRow(item)
            if item.data(Qt.ItemDataRole.UserRole) is not None:
                self.shown += 1
        self.fetched.emit()


@dataclass(frozen=True)
class Section:
    """A part of a sectioned list: a heading, how many records it has, how to read them,
    and the line shown when it has none."""

    heading: Callable[[], QStandardItem]
    count: int
    read: Callable[[int, int], Sequence[QStandardItem]]
    none: Callable[[], QStandardItem]


def sections_reader(sections: Sequence[Section]) -> ItemReader:
    """One reader over several sections, each a heading then its records (or its "none"
    line), in order: reads only the records of the slice asked for."""

    def read(offset: int, limit: int) -> list[QStandardItem]:
        items: list[QStandardItem] = []
        start = 0  # where the current section starts in the whole list
        for section in sections:
            length = 1 + max(section.count, 1)
            end = start + length
            if offset < end and len(items) < limit:
                position = max(offset - start, 0)  # within this section
                if position == 0:
                    items.append(section.heading())
                    position = 1
                wanted = min(limit - len(items), length - position)
                if wanted > 0:
                    if section.count == 0:
                        items.append(section.none())
                    else:
                        items.extend(section.read(position - 1, wanted))
            start = end
            if len(items) >= limit:
                break
        return items[:limit]

    return read
