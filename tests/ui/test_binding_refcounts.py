"""The Qt binding must not spend Python's references to None, True and False.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every call of a void Qt
method without taking one: ``QLabel().setText("x")`` 1,000 times lowered
``sys.getrefcount(None)`` by 1,000, and once the count reaches zero the interpreter
aborts ("Fatal Python error: none_dealloc"). A busy day of the app made enough such calls
to end the process. Python 3.12 made None, True and False immortal, so the count can only
be watched on older Pythons; there the test runs the kinds of calls the app makes,
100,000 of each, in a child process (an abort must not take the test run with it), and
asserts the counts do not fall.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

CALLS = 100_000

CHILD = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import (
        QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QTableView, QWidget,
    )

    CALLS = int(sys.argv[1])
    app = QApplication([])


    class Model(QAbstractTableModel):
        # Returns None for most roles, as the app's models do.
        def rowCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else 3

        def columnCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else 2

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return "x"
            return None

        def reset(self):
            self.beginResetModel()
            self.endResetModel()


    label, combo, line, check, widget = QLabel(), QComboBox(), QLineEdit(), QCheckBox(), QWidget()
    combo.addItems(["a", "b", "c"])
    model = Model()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    items = QStandardItemModel()
    index = model.index(0, 0)

    def fill_combo():
        combo.clear()
        combo.addItem("a", 1)


    KINDS = {
        "QLabel.setText": lambda: label.setText("x"),
        "QLineEdit.setText": lambda: line.setText("y"),
        "QComboBox.addItem+clear": fill_combo,
        "QComboBox.setCurrentIndex": lambda: combo.setCurrentIndex(1),
        "QWidget.setEnabled": lambda: widget.setEnabled(False),
        "QWidget.setVisible": lambda: widget.setVisible(False),
        "QWidget.setToolTip": lambda: widget.setToolTip("tip"),
        "QCheckBox.setChecked": lambda: check.setChecked(True),
        "QCheckBox.isChecked": lambda: check.isChecked(),
        "model reset": model.reset,
        "model data() returning None": lambda: index.data(Qt.ItemDataRole.ToolTipRole),
        "QStandardItemModel.appendRow+clear": lambda: (
            items.appendRow(QStandardItem("r")), items.clear()),
    }

    def counts():
        return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)

    report = {}
    for name, call in KINDS.items():
        call()  # anything created once (caches, interned objects) is not a fall
        before = counts()
        for _ in range(CALLS):
            call()
        after = counts()
        report[name] = [a - b for a, b in zip(after, before)]
    print(json.dumps(report))
    """
)


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None, True and False are immortal from Python 3.12"
)
def test_void_qt_calls_keep_the_references_to_none_true_and_false() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(CALLS)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    # An abort ("none_dealloc: deallocating None") is the bug itself.
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(report) == 12
    falls = {
        name: dict(zip(("None", "True", "False"), change, strict=True))
        for name, change in report.items()
        if min(change) < 0
    }
    assert falls == {}, f"the Qt binding drops references: {falls}"


def test_the_whole_binding_set_is_the_pinned_version() -> None:
    """PySide6, its Essentials and Addons and shiboken6 are the version pyproject.toml pins
    (a stray newer wheel in the environment would bring the bug back unseen)."""
    import tomllib
    from importlib.metadata import version
    from pathlib import Path

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    dependencies = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = [d for d in dependencies if d.startswith("PySide6")]
    assert len(pins) == 1 and "==" in pins[0], pins
    pinned = pins[0].split("==", 1)[1]
    for name in ("PySide6", "PySide6_Essentials", "PySide6_Addons", "shiboken6"):
        assert version(name) == pinned, name
