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
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QLineEdit,
    QWidget,
)

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


def _style_sheet_orphans(root: QObject) -> Iterator[QWidget]:
    """The widgets below ``root`` that Qt's style-sheet style draws as part of their parent
    and never forgets: the line edit of a spin box, date edit or combo box, and a combo
    box's list, when they have no style sheet of their own. (A scroll area's viewport is
    treated the same way but leaves nothing behind: measured, so left alone.)"""
    for thing in _walk(root):
        if (
            isinstance(thing, (QLineEdit, QFrame))
            and isinstance(thing.parentWidget(), (QAbstractSpinBox, QComboBox))
            and not thing.styleSheet()
        ):
            yield thing


def release_style_caches(root: QObject) -> None:
    """Let Qt forget what its style-sheet style cached for the inner widgets below ``root``.

    With an application style sheet (ClientCare has one: ``ui.theme.stylesheet``), Qt 6
    (6.11.3 checked) caches how to draw each inner widget (see
    :func:`_style_sheet_orphans`) by its address and never removes the entry when the
    widget is deleted: about 0.3 KB for every spin box or date edit, 0.1 KB for every
    combo box, each time a dialog holding them is made and thrown away (the booking dialog:
    ~10 KB a booking over an hour). A widget with a style sheet of its own is watched
    and its entries are removed when it goes, so each inner widget gets an empty rule
    just before it is deleted.
    """
    import shiboken6

    for inner in list(_style_sheet_orphans(root)):
        if shiboken6.isValid(inner):
            inner.setStyleSheet(_NOTHING)


#: A style sheet that changes nothing (see :func:`release_style_caches`).
_NOTHING = "* {}"


def delete_now(thing: QObject) -> None:
    """Delete ``thing`` (and what it owns) at once, from Python.

    Not ``deleteLater`` for what is made again and again (dialogs, rows of a list): with
    PySide6 6.11.3 an object Python made and Qt deletes later leaves 50-150 bytes behind,
    about 7.5 KB for an appointment dialog; deleted from Python, nothing. Only where no
    code of ``thing`` is running (not from its own signal handlers: use deleteLater there).
    """
    import shiboken6

    if shiboken6.isValid(thing):
        release_style_caches(thing)
        shiboken6.delete(thing)
