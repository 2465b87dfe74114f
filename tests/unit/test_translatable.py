"""Every user-visible string in ui/ goes through Qt's translation mechanism.

The test reads ui/**/*.py with ``ast`` (no Qt needed) and flags text literals (and
f-strings with words in them) passed straight to the calls that put text on screen.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"

#: Constructors whose first argument is shown text.
TEXT_CONSTRUCTORS = {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction"}
#: Methods whose first argument is shown text.
TEXT_METHODS = {
    "setText",
    "setToolTip",
    "setWindowTitle",
    "setPlaceholderText",
    "setAccessibleName",
    "addItem",
    "addTab",
    "setTitle",
    "showMessage",
}
#: QMessageBox functions: (parent, title, text, ...).
MESSAGE_BOXES = {"information", "warning", "critical", "question", "about"}

#: Literals that are not words for people: symbols, arrows, separators.
NOT_TEXT = re.compile(r"^[\W\d_]*$")

#: Known exceptions, as (file, line text fragment): keep this list short and explained.
ALLOWED: set[tuple[str, str]] = set()


def _is_words(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return not NOT_TEXT.match(node.value)
    if isinstance(node, ast.JoinedStr):
        literal = "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
        return bool(re.search(r"[A-Za-z]{2,}", literal))
    return False


def _callee(node: ast.Call) -> tuple[str, str]:
    """(object name or "", function name) of a call."""
    func = node.func
    if isinstance(func, ast.Name):
        return "", func.id
    if isinstance(func, ast.Attribute):
        owner = func.value
        name = owner.id if isinstance(owner, ast.Name) else ""
        return name, func.attr
    return "", ""


def shown_literals(source: str) -> list[int]:
    """Line numbers where ``source`` passes words straight to a call that shows them."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        owner, name = _callee(node)
        if owner == "QMessageBox" and name in MESSAGE_BOXES:
            shown = node.args[1:3]
        elif name == "addTab" and owner:
            shown = node.args[1:2]
        elif (owner == "" and name in TEXT_CONSTRUCTORS) or (owner and name in TEXT_METHODS):
            shown = node.args[:1]
        else:
            continue
        if any(_is_words(arg) for arg in shown):
            lines.append(node.lineno)
    return sorted(lines)


def untranslated(path: Path) -> list[str]:
    """``file:line: code`` for every shown literal in ``path`` not wrapped in tr()."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    relative = path.relative_to(UI.parent).as_posix()
    found = []
    for number in shown_literals(source):
        line = lines[number - 1].strip()
        if not any(relative == file and fragment in line for file, fragment in ALLOWED):
            found.append(f"{relative}:{number}: {line}")
    return found


def test_every_shown_string_goes_through_tr() -> None:
    found = [hit for path in sorted(UI.rglob("*.py")) for hit in untranslated(path)]
    assert found == [], "\n".join(found)


def test_the_checker_sees_a_bare_literal() -> None:
    source = "\n".join(
        (
            'QLabel("Hello")',  # 1: flagged
            'QLabel(self.tr("Fine"))',  # 2
            'x.setText(f"{n} clients")',  # 3: flagged
            'x.setText(f"{n} · {m}")',  # 4: no words of its own
            'button.setText("→")',  # 5: a symbol
            'QMessageBox.warning(self, "Oops", self.tr("Fine"))',  # 6: flagged (title)
            'tabs.addTab(page, self.tr("Fine"))',  # 7
            'x.setObjectName("search_box")',  # 8: not shown
        )
    )
    assert shown_literals(source) == [1, 3, 6]
