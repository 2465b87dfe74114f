"""The domain's words for its enums (statuses, kinds, urgencies…), through Qt's translation.

``clientcare`` holds label tables such as ``referrals.STATUS_LABELS`` in English and
never imports Qt, so lupdate cannot see them. This module is the one way the UI
shows such a label: ``label(STATUS_LABELS, row.status)`` looks the English up in the
table and translates it in the ``"labels"`` context.

So that lupdate collects those words, ``ui/label_strings.py`` lists every label as
``QT_TRANSLATE_NOOP("labels", ...)``. It is generated from the tables found here
(``python -m ui.labels``, run by ``make translations``), and a test fails when it
no longer matches them.

Label tables kept in ``ui/`` (combo-box choices, check-box captions) mark their words
``QT_TRANSLATE_NOOP("labels", ...)`` where they are defined and show them with
``translate``: one context for every table, whichever class shows it.
"""

from __future__ import annotations

import enum
import importlib
import json
import pkgutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar, cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication

import clientcare

CONTEXT = "labels"
STRINGS_FILE = Path(__file__).with_name("label_strings.py")

#: Label tables the UI does not show, and why. Every other ``*_LABELS`` table is listed.
NOT_SHOWN: dict[str, str] = {
    "clientcare.ical.records.MODE_LABELS": "written into exported .ics files",
    "clientcare.printouts.ANSWER_LABELS": "printed by the domain (printouts)",
    "clientcare.money_printouts.CLIENT_INSTALMENT_LABELS": "printed by the domain (statements)",
}

Key = TypeVar("Key", bound=enum.Enum)

#: Qt's marker for lupdate, which returns ``text`` unchanged: the same function, typed as
#: it behaves (PySide6's stub says it returns ``object``). The ``ui`` tables that mark
#: their words import it from here so that they are tables of ``str``.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)


def translate(text: str) -> str:
    """An English label (domain or ``ui`` table) in the user's language, or itself untranslated."""
    return QCoreApplication.translate(CONTEXT, text)


def label(table: Mapping[Key, str], key: Key) -> str:
    """``table[key]`` (a domain label table) in the user's language."""
    return translate(table[key])


def label_tables() -> dict[str, Mapping[enum.Enum, str]]:
    """Every public ``*_LABELS`` table of enum → text in ``clientcare``, by dotted name.

    Tables in ``NOT_SHOWN`` are left out. Imports the domain's modules (no Qt there).
    """
    tables: dict[str, Mapping[enum.Enum, str]] = {}
    for info in sorted(pkgutil.walk_packages(clientcare.__path__, "clientcare."), key=_name):
        module = importlib.import_module(info.name)
        for name, value in sorted(vars(module).items()):
            dotted = f"{info.name}.{name}"
            if (
                name.endswith("_LABELS")
                and _is_label_table(value)
                and dotted not in NOT_SHOWN
                and not any(value is seen for seen in tables.values())  # not a re-export
            ):
                tables[dotted] = value
    return tables


def _name(info: pkgutil.ModuleInfo) -> str:
    return info.name


def _is_label_table(value: object) -> bool:
    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(key, enum.Enum) for key in value)
        and all(type(text) is str for text in value.values())
    )


def strings_source(tables: Mapping[str, Mapping[enum.Enum, str]]) -> str:
    """The text of ``label_strings.py`` for ``tables``: one entry per distinct label."""
    lines = [
        '"""Every domain label the UI shows, for lupdate (generated: ``python -m ui.labels``).',
        "",
        "Do not edit by hand: ``make translations`` writes it from the ``*_LABELS`` tables",
        "in clientcare, and tests/ui/test_labels.py fails when it falls out of step.",
        '"""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "LABELS = (",
    ]
    seen: set[str] = set()
    for dotted, table in tables.items():
        lines.append(f"    # {dotted}")
        for text in table.values():
            if text not in seen:
                seen.add(text)
                literal = json.dumps(text, ensure_ascii=False)  # a valid Python string too
                lines.append(f'    QT_TRANSLATE_NOOP("{CONTEXT}", {literal}),')
    lines.append(")")
    return "\n".join(lines) + "\n"


def main() -> int:
    """Write ``ui/label_strings.py`` from the domain's tables."""
    STRINGS_FILE.write_text(strings_source(label_tables()), encoding="utf-8")
    print(f"wrote {STRINGS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
