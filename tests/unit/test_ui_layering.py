"""The UI presents and collects; the domain decides and stores.

Read from the source (no Qt needed): screens, dialogs and widgets import no SQLAlchemy and
no ORM model (enums from the models are the domain's words and are allowed), and no widget
hides ``QWidget.locale()`` behind an attribute of its own.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from sqlalchemy.orm import DeclarativeBase

from clientcare.db import models

ROOT = Path(__file__).resolve().parents[2]
#: Where the presenting code lives (ui/models and ui/ops are the bridge to the domain).
PRESENTING = ("ui/screens", "ui/dialogs", "ui/widgets", "ui/views")

ORM_CLASSES = {
    name
    for name, value in vars(models).items()
    if inspect.isclass(value) and issubclass(value, DeclarativeBase)
}


def _files() -> list[Path]:
    return [path for folder in PRESENTING for path in sorted((ROOT / folder).rglob("*.py"))]


def _imports(path: Path) -> list[tuple[str, str, int]]:
    """(module, name, line) of every import in ``path``."""
    found: list[tuple[str, str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, "", node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found += [(node.module or "", alias.name, node.lineno) for alias in node.names]
    return found


def test_the_orm_classes_are_found() -> None:
    assert {"Client", "Appointment", "PracticeSettings"} <= ORM_CLASSES
    assert "ClientStatus" not in ORM_CLASSES  # an enum: the domain's vocabulary


def test_screens_dialogs_and_widgets_import_no_sqlalchemy_and_no_orm_model() -> None:
    wrong = []
    for path in _files():
        where = path.relative_to(ROOT)
        for module, name, line in _imports(path):
            if module.split(".")[0] == "sqlalchemy":
                wrong.append(f"{where}:{line} imports {module}")
            elif module.startswith("clientcare.db.models") and name in ORM_CLASSES | {"*"}:
                wrong.append(f"{where}:{line} imports the ORM model {name}")
            elif module == "clientcare.db" and name == "models":
                wrong.append(f"{where}:{line} imports clientcare.db.models")
    assert not wrong, "the domain's work in the UI:\n" + "\n".join(wrong)


def test_no_widget_hides_qwidget_locale() -> None:
    """``self.locale = "en_GB"`` on a widget replaces its ``locale()`` method: Qt code that
    calls it (styles, date fields) then fails. The practice's locale is ``practice_locale``."""
    wrong = []
    for path in _files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            if cls.name.endswith("Model") or not cls.bases:
                continue  # item models and plain classes are no widgets
            for node in ast.walk(cls):
                if isinstance(node, ast.FunctionDef) and node.name == "locale":
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} ({cls.name}.locale())")
                if (
                    isinstance(node, ast.Attribute)
                    and node.attr == "locale"
                    and isinstance(node.ctx, ast.Store)
                    and isinstance(node.value, ast.Name)
                    and node.value.id == "self"
                ):
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} ({cls.name})")
    assert not wrong, "widgets that hide QWidget.locale():\n" + "\n".join(wrong)


#: The Qt item models, and the project's own bases over them.
ITEM_MODEL_BASES = {
    "QAbstractItemModel",
    "QAbstractTableModel",
    "QAbstractListModel",
    "QSortFilterProxyModel",
    "QIdentityProxyModel",
    "RowsTableModel",
    "PagedRowsModel",
    "SqlListModel",
}
#: Item models still waiting for their move into ui/models/ (issue 20: the Money screen's
#: own helper moves them after the merge; remove the entry then).
MODELS_ALLOWED_OUTSIDE: set[str] = set()


def test_item_models_live_in_ui_models() -> None:
    """A table's model (what each cell says) is in ui/models/; the screens, dialogs and
    widgets only show it. A class counts as an item model when it derives from a Qt item
    model or from a model class defined in ui/ (followed through the subclasses)."""
    trees = {
        path: ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(ROOT.glob("ui/**/*.py"))
    }
    models_found = set(ITEM_MODEL_BASES)
    classes = [
        (path, cls)
        for path, tree in trees.items()
        for cls in ast.walk(tree)
        if isinstance(cls, ast.ClassDef)
    ]

    def base_names(cls: ast.ClassDef) -> set[str]:
        return {
            base.id if isinstance(base, ast.Name) else base.attr
            for base in cls.bases
            if isinstance(base, ast.Name | ast.Attribute)
        }

    grown = True
    while grown:  # subclasses of subclasses (ServiceModel(MoneyRowsModel), …)
        before = len(models_found)
        models_found |= {cls.name for _, cls in classes if base_names(cls) & models_found}
        grown = len(models_found) > before
    wrong = [
        f"{path.relative_to(ROOT)}:{cls.lineno} {cls.name}"
        for path, cls in classes
        if base_names(cls) & models_found
        and path.parent != ROOT / "ui" / "models"
        and path.relative_to(ROOT).as_posix() not in MODELS_ALLOWED_OUTSIDE
    ]
    assert not wrong, "item models outside ui/models/:\n" + "\n".join(wrong)


def _method_calls(names: set[str]) -> list[tuple[str, ast.Call]]:
    """Every call of a method named in ``names`` in main.py, ui/ and tools/: where it is
    ("path:line") and the call."""
    sources = [ROOT / "main.py", *sorted((ROOT / "ui").rglob("*.py"))]
    sources += sorted((ROOT / "tools").rglob("*.py"))
    return [
        (f"{path.relative_to(ROOT)}:{node.lineno}", node)
        for path in sources
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in names
    ]


def test_nothing_looks_below_a_widget_with_find_children() -> None:
    """``findChildren``/``findChild`` keep every object they find wrapped for as long as
    the widget they were called on (PySide6): on a lasting window, Qt's deleted inner
    widgets stay wrapped for the session. ``ui.object_tree`` is the one way to look."""
    wrong = [
        f"{where} {ast.unparse(call.func)}"
        for where, call in _method_calls({"findChildren", "findChild"})
    ]
    assert not wrong, "use ui.object_tree.descendants/descendant:\n" + "\n".join(wrong)


def test_no_window_is_asked_for_its_screen() -> None:
    """``widget.screen()`` makes the widget's Python object the holder of Qt's screen
    (PySide6); when the collector freed such a widget it deleted the screen, and the next
    window made crashed. ``ui.fit_screen.screen_of`` is the one way to ask."""
    wrong = [where for where, call in _method_calls({"screen"}) if not call.args]
    assert not wrong, "use ui.fit_screen.screen_of:\n" + "\n".join(wrong)


def test_no_widget_gets_a_stylesheet_of_its_own() -> None:
    """A stylesheet set on one widget costs Qt about 300 bytes that it keeps after the
    widget is gone: dialogs opened all day grew the hour-long soak by tens of megabytes.
    Widgets get a named look (``ui.theme.look``), one rule of the application's stylesheet;
    only the application (``ui/theme.py``) and the lasting sidebar set a stylesheet, and
    ``ui.object_tree.release_style_caches`` an empty one on an inner widget about to be
    deleted (so Qt forgets it)."""
    allowed = {
        ("ui/theme.py", "app"),
        ("ui/views/main_window.py", "sidebar"),
        ("ui/object_tree.py", "inner"),
    }
    sources = [ROOT / "main.py", *sorted((ROOT / "ui").rglob("*.py"))]
    wrong = []
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "setStyleSheet"
            ):
                continue
            target = node.func.value
            name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
            if (str(path.relative_to(ROOT)), name) not in allowed:
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}.setStyleSheet")
    assert not wrong, "use ui.theme.look(widget, name):\n" + "\n".join(wrong)


#: Qt's own dialog classes a ClientCare module may make directly (then it hands each one to
#: ``ui.finished_dialogs.watch_window`` in the same function).
QT_DIALOGS = {
    "QDialog",
    "QMessageBox",
    "QProgressDialog",
    "QPrintDialog",
    "QPrintPreviewDialog",
    "QInputDialog",
    "QFileDialog",
}


def test_every_dialog_is_watched() -> None:
    """Every dialog is fitted to the screen and freed once done with: its class is a
    ``ui.dialog.Dialog``, or a Qt dialog made directly is handed to ``watch_window`` (no
    filter on the whole application watches for them: that cost every event of the app)."""
    missing = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        if path.name == "dialog.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases = {base.id for base in node.bases if isinstance(base, ast.Name)}
                if bases & QT_DIALOGS:
                    missing.append(f"{where}:{node.lineno} class {node.name}")
            if isinstance(node, ast.FunctionDef):
                made = [
                    call
                    for call in ast.walk(node)
                    if isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in QT_DIALOGS
                ]
                watched = any(
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id == "watch_window"
                    for call in ast.walk(node)
                )
                if made and not watched:
                    missing += [f"{where}:{call.lineno} {call.func.id}(…)" for call in made]  # type: ignore[attr-defined]
    assert not missing, missing
