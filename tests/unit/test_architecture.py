"""The dependency rule: ``ui`` imports ``clientcare``, never the reverse, and no Qt in the core."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CORE_DIR = REPO_ROOT / "clientcare"

#: Top-level packages the core must not import: the GUI toolkit and the app's own GUI.
FORBIDDEN = frozenset({"PySide6", "shiboken6", "ui"})


def forbidden_imports(source: str, filename: str = "<source>") -> list[tuple[int, str]]:
    """(line, imported name) for each import of a FORBIDDEN package in ``source``.

    Covers ``import x``, ``from x import y`` (absolute only: a relative import stays
    inside clientcare) and ``importlib.import_module("x")`` / ``__import__("x")`` with
    a literal name. Imports under ``if TYPE_CHECKING:`` count too.
    """
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func) and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names = [first.value]
        found.extend((node.lineno, name) for name in names if name.split(".")[0] in FORBIDDEN)
    return sorted(found)


def _is_dynamic_import(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id in {"__import__", "import_module"}
    return isinstance(func, ast.Attribute) and func.attr == "import_module"


def core_files() -> list[Path]:
    return sorted(CORE_DIR.rglob("*.py"))


def test_the_core_has_python_files() -> None:
    names = {path.relative_to(CORE_DIR).as_posix() for path in core_files()}
    assert {"db/models/__init__.py", "db/migrate.py", "db/engine.py"} <= names


def test_nothing_under_clientcare_imports_qt_or_the_ui() -> None:
    offences = [
        f"{path.relative_to(REPO_ROOT).as_posix()}:{line}: imports {name}"
        for path in core_files()
        for line, name in forbidden_imports(path.read_text(encoding="utf-8"), str(path))
    ]
    assert offences == [], "clientcare/ must not depend on Qt or ui/:\n" + "\n".join(offences)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import PySide6", [(1, "PySide6")]),
        ("import os\nimport PySide6.QtCore as QtCore", [(2, "PySide6.QtCore")]),
        ("from PySide6.QtWidgets import QWidget", [(1, "PySide6.QtWidgets")]),
        ("from ui import ops", [(1, "ui")]),
        ("from ui.models.clients import ClientTableModel", [(1, "ui.models.clients")]),
        ("import json, ui.app", [(1, "ui.app")]),
        ("def f():\n    import shiboken6", [(2, "shiboken6")]),
        ("if TYPE_CHECKING:\n    from ui.ops import Changes", [(2, "ui.ops")]),
        ("import importlib\nimportlib.import_module('PySide6.QtGui')", [(2, "PySide6.QtGui")]),
        ("__import__('ui')", [(1, "ui")]),
        ("import uuid\nimport uikit\nfrom clientcare import ui_text", []),
        ("from . import ui\nfrom .ui import x\nfrom ..ui import y", []),
        ("import sqlalchemy\nfrom clientcare.db.models import Client", []),
    ],
)
def test_forbidden_imports_are_found(source: str, expected: list[tuple[int, str]]) -> None:
    assert forbidden_imports(source) == expected


_IMPORTED_MODULES = """
import sys
{imports}
print(sorted(name for name in sys.modules if name.split(".")[0] in {forbidden!r}))
"""


def _forbidden_modules_after(imports: str) -> str:
    code = _IMPORTED_MODULES.format(imports=imports, forbidden=set(FORBIDDEN))
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_importing_the_persistence_layer_loads_no_qt() -> None:
    assert _forbidden_modules_after("import clientcare.db.models, clientcare.db.migrate") == "[]"


def test_the_import_probe_sees_qt_when_it_is_loaded() -> None:
    """The control for the test above: the probe does report PySide6 once it is imported."""
    assert "'PySide6'" in _forbidden_modules_after("import PySide6.QtCore")
