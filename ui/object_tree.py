"""Finding widgets, actions and shortcuts below a widget, without leaking their wrappers.

Use these instead of ``QObject.findChildren`` and ``QObject.findChild``. In PySide6
(6.11.3 checked) those two make every object they return a child, in the binding's own
records, of the object they were called on: its Python wrapper is kept alive for as long
as the caller's is. Called on a lasting widget (the main window, a screen), that keeps
the wrappers of Qt's own inner widgets (a table's scroll bars and viewport, a combo box's
list) long after Qt has deleted them: the hour-long soak grew about 4 KB an action
that way, 700 dead wrappers in 3 minutes, from locking the window. Walking
``children()`` returns the same objects with no such record.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from PySide6.QtCore import QObject

T = TypeVar("T", bound=QObject)


def _walk(root: QObject, *, direct_only: bool = False) -> Iterator[QObject]:
    """Every object below ``root``, depth first, each before its own children (the order
    ``findChildren`` gives); only ``root``'s own children when ``direct_only``."""
    pending = list(reversed(root.children()))
    while pending:
        thing = pending.pop()
        yield thing
        if not direct_only:
            pending.extend(reversed(thing.children()))


def descendants(root: QObject, kind: type[T], *, direct_only: bool = False) -> list[T]:
    """Every object of ``kind`` below ``root`` (see :func:`_walk` for the order)."""
    return [thing for thing in _walk(root, direct_only=direct_only) if isinstance(thing, kind)]


def descendant(root: QObject, kind: type[T], name: str | None = None) -> T | None:
    """The first object of ``kind`` below ``root`` (named ``name`` when given), or None."""
    for thing in _walk(root):
        if isinstance(thing, kind) and (name is None or thing.objectName() == name):
            return thing
    return None


def delete_now(thing: QObject) -> None:
    """Delete ``thing`` (and what it owns) at once, from Python.

    Not ``deleteLater`` for what is made again and again (dialogs, rows of a list): with
    PySide6 6.11.3 an object Python made and Qt deletes later leaves 50-150 bytes behind,
    about 7.5 KB for an appointment dialog; deleted from Python, nothing. Only where no
    code of ``thing`` is running (not from its own signal handlers: use deleteLater there).
    """
    import shiboken6

    if shiboken6.isValid(thing):
        shiboken6.delete(thing)
