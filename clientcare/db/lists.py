"""What every long list needs from SQL: a search that ignores case and accents, an order
that can be turned around, and where a row stands in that order.

A list of thousands of rows is read a page at a time (``LIMIT``/``OFFSET``), so the
search, the order and the counts must all be the database's: a filter or a sort in
Python over the page read would show wrong rows and a wrong total.

- :func:`contains_folded` — "the text contains this word", case and accents ignored
  ("soren" finds "Søren"), on a column of plain text. SQLite answers it with
  ``cc_fold(column)`` (``clientcare.text.fold``, registered on every connection by
  :func:`register_functions`); PostgreSQL with a case-insensitive regular expression in
  which each letter also matches its accented forms (nothing is computed per row).
- :func:`every_word` — every word of a search must match one of the columns.
- :func:`ordered` — an ORDER BY, ascending or descending as a whole, with the NULLs kept
  where the ascending order puts them (last) on every backend, and the id last so the
  order is total (and a page boundary never splits rows that compare equal).
- :func:`position` — where a row is in an ordered list (``row_number()``), so a list
  can read the pages up to it instead of every page.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Select,
    and_,
    bindparam,
    case,
    false,
    func,
    or_,
    select,
    true,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.type_api import TypeEngine
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import Boolean

from clientcare.text import fold

#: The SQLite function that folds text as clientcare.text.fold does.
FOLD_FUNCTION = "cc_fold"

#: A column in a search or an order: a Core column expression or a mapped attribute
#: (``Client.full_name``), which SQLAlchemy turns into its column where it is used.
Column = ColumnElement[Any] | QueryableAttribute[Any]


def _fold_or_none(value: object) -> str | None:
    return None if value is None else fold(str(value))


def register_functions(dbapi_connection: Any, _record: object = None) -> None:
    """Give a SQLite connection ``cc_fold`` (a "connect" event listener)."""
    try:
        dbapi_connection.create_function(FOLD_FUNCTION, 1, _fold_or_none, deterministic=True)
    except Exception:  # a driver or SQLite without "deterministic" (SQLCipher's own module)
        dbapi_connection.create_function(FOLD_FUNCTION, 1, _fold_or_none)


def escape_like(text: str) -> str:
    """``text`` matched literally inside a LIKE pattern written with ``escape="\\"``."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# -- "contains this word", case and accents ignored ------------------------------------


@cache
def _variants() -> dict[str, str]:
    """For each folded letter, every letter (of the Latin, Greek and Cyrillic blocks)
    that folds to it alone: "o" → "oOòóôõöøÒÓÔÕÖØō…"."""
    found: dict[str, list[str]] = {}
    blocks = ((0x20, 0x250), (0x370, 0x530), (0x1E00, 0x1F00))
    for start, end in blocks:
        for code in range(start, end):
            char = chr(code)
            if unicodedata.category(char)[0] != "L":
                continue
            folded = fold(char)
            if len(folded) == 1:
                found.setdefault(folded, [folded]).append(char)
    return {key: "".join(dict.fromkeys(chars)) for key, chars in found.items()}


def accent_pattern(word: str) -> str:
    """A regular expression that finds the folded ``word`` in unfolded text: each letter
    also matches its capital and accented forms ("soren" → "s[sS…]o[oOòø…]r…")."""
    variants = _variants()
    parts = []
    for char in word:
        forms = variants.get(char)
        if forms is None or len(forms) == 1:
            parts.append(re.escape(char))
        else:
            parts.append("[" + "".join(re.escape(form) for form in forms) + "]")
    return "".join(parts)


class _FoldedContains(ColumnElement[bool]):
    """``column`` contains ``word`` (already folded), case and accents ignored."""

    inherit_cache = True
    type: TypeEngine[bool] = Boolean()

    def __init__(self, column: Column, word: str) -> None:
        self.column = column
        self.like_pattern: BindParameter[str] = bindparam(
            None, f"%{escape_like(word)}%", unique=True
        )
        self.regex_pattern: BindParameter[str] = bindparam(None, accent_pattern(word), unique=True)

    # The column and both patterns are part of the statement (and of its cache key; the
    # patterns' values are bound parameters).
    _traverse_internals = [  # noqa: RUF012
        ("column", InternalTraversal.dp_clauseelement),
        ("like_pattern", InternalTraversal.dp_clauseelement),
        ("regex_pattern", InternalTraversal.dp_clauseelement),
    ]


@compiles(_FoldedContains)
def _contains_default(element: _FoldedContains, compiler: SQLCompiler, **kw: Any) -> str:
    lowered = func.lower(element.column)
    return compiler.process(lowered.like(element.like_pattern, escape="\\"), **kw)


@compiles(_FoldedContains, "sqlite")
def _contains_sqlite(element: _FoldedContains, compiler: SQLCompiler, **kw: Any) -> str:
    folded = getattr(func, FOLD_FUNCTION)(element.column)
    return compiler.process(folded.like(element.like_pattern, escape="\\"), **kw)


@compiles(_FoldedContains, "postgresql")
def _contains_postgresql(element: _FoldedContains, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.column.op("~*")(element.regex_pattern), **kw)


def contains_folded(column: Column, word: str) -> ColumnElement[bool]:
    """``column`` (plain text) contains ``word`` (folded: ``clientcare.text.fold``)."""
    return _FoldedContains(column, word)


def key_contains(column: Column, word: str) -> ColumnElement[bool]:
    """``column`` (text stored folded already, like ``Client.search_key``) contains
    ``word`` (folded)."""
    return column.like(f"%{escape_like(word)}%", escape="\\")


def every_word(
    text: str,
    plain: Iterable[Column] = (),
    keys: Iterable[Column] = (),
) -> list[ColumnElement[bool]]:
    """One condition per word of ``text``: the word is in one of the ``plain`` text
    columns or one of the folded ``keys``. No words, no conditions."""
    plain, keys = tuple(plain), tuple(keys)
    conditions: list[ColumnElement[bool]] = []
    # A NUL typed or pasted matches nothing stored, and PostgreSQL refuses it in a value.
    for word in fold(text.replace("\x00", "")).split():
        anywhere = [contains_folded(column, word) for column in plain]
        anywhere += [key_contains(column, word) for column in keys]
        conditions.append(or_(*anywhere) if anywhere else false())
    return conditions


# -- order and position -------------------------------------------------------------------


def nulls_last(column: Column) -> tuple[ColumnElement[int], Column]:
    """``column`` as two sort keys that put NULL after every value (on every backend)."""
    return (case((column.is_(None), 1), else_=0), column)


#: A sort key: a column (lowest first), or (column, True) for one that runs the other way
#: (highest first) within the order.
SortKey = Column | tuple[Column, bool]


def ordered(
    keys: Sequence[SortKey], row_id: Column, descending: bool = False
) -> list[ColumnElement[Any]]:
    """The ORDER BY of ``keys`` then ``row_id``; the whole order turned around when
    ``descending`` (as a click on the column heading does)."""
    order: list[ColumnElement[Any]] = []
    for key in (*keys, row_id):
        column, downwards = key if isinstance(key, tuple) else (key, False)
        order.append(column.desc() if downwards != descending else column.asc())
    return order


def position(
    query: Select[*tuple[Any, ...]], order: Sequence[ColumnElement[Any]], row_id: Column
) -> Select[int]:
    """A SELECT of the place (from 0) of the row whose ``row_id`` is bound as ``row_id``
    in ``query`` (its WHERE, without ORDER BY or LIMIT) ordered by ``order``; no row when
    it is not in the list."""
    numbered = (
        query.with_only_columns(
            row_id.label("row_id"),
            (func.row_number().over(order_by=list(order)) - 1).label("place"),
        )
        .order_by(None)
        .limit(None)
        .offset(None)
        .subquery()
    )
    return select(numbered.c.place).where(numbered.c.row_id == bindparam("row_id"))


def all_of(conditions: Sequence[ColumnElement[bool]]) -> ColumnElement[bool]:
    return and_(*conditions) if conditions else true()


__all__ = [
    "FOLD_FUNCTION",
    "Column",
    "accent_pattern",
    "all_of",
    "contains_folded",
    "escape_like",
    "every_word",
    "key_contains",
    "nulls_last",
    "ordered",
    "position",
    "register_functions",
]
