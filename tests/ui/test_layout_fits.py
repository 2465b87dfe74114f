"""Nothing cut off on a laptop (issue 21): every section and the main dialogs, on the demo
practice, at 1366×728 (a 768-pixel screen less a panel), at 1920×1080, and at 960×600 (the
main window's smallest).

A check fails when a window is larger than the screen's free area, a control lies
outside the part of the window that can be seen (a control inside a scroll area counts
as seen: it is scrolled to), or a label, button, check box, radio button, combo box or
header section is narrower than its text. A table cell may elide its text only when its
tooltip shows the whole of it.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clientcare.db.engine import Database
from clientcare.db.migrate import open_database
from clientcare.db.models import Appointment, Client, Interaction, Practitioner
from clientcare.demo import create_demo_database
from ui import fit_screen
from ui.main_window import SECTIONS, MainWindow
from ui.ops import Operations

SIZES = {
    "1366x728": QRect(0, 0, 1366, 728),
    "1920x1080": QRect(0, 0, 1920, 1080),
    "960x600": QRect(0, 0, 960, 600),
}


# -- the checks --------------------------------------------------------------------


def _text(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""  # type: ignore[attr-defined]
    return str(text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def _in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    """Inside a scroll area's contents (seen by scrolling), or part of one."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def _needed_width(widget: QWidget) -> int | None:
    """The width ``widget``'s text needs (None: not a control whose text can be cut)."""
    metrics = widget.fontMetrics()
    style = widget.style()
    if isinstance(widget, QLabel):
        if widget.wordWrap() or not widget.text() or not widget.pixmap().isNull():
            return None
        if widget.textFormat() == Qt.TextFormat.RichText or "<" in widget.text():
            return None  # rich text lays itself out; its size hint is checked below
        margins = widget.contentsMargins()
        shown = _text(widget) if widget.buddy() is not None else widget.text()  # "&Name"
        return (
            metrics.horizontalAdvance(shown)
            + margins.left()
            + margins.right()
            + 2 * widget.margin()
            + 2 * (widget.indent() if widget.indent() > 0 else 0)
        )
    if isinstance(widget, (QCheckBox, QRadioButton)):
        if not widget.text():
            return None
        indicator = style.pixelMetric(
            QStyle.PixelMetric.PM_IndicatorWidth
            if isinstance(widget, QCheckBox)
            else QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
            None,
            widget,
        )
        spacing = style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, widget)
        return indicator + spacing + metrics.horizontalAdvance(_text(widget))
    if isinstance(widget, (QPushButton, QToolButton)):
        if not widget.text() or (
            isinstance(widget, QToolButton)
            and widget.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        ):
            return None
        icon = widget.iconSize().width() + 4 if not widget.icon().isNull() else 0
        return metrics.horizontalAdvance(_text(widget)) + icon + 8
    return None


def _combo_problem(combo: QComboBox) -> str | None:
    if combo.isEditable() or not combo.currentText():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox,
        option,
        QStyle.SubControl.SC_ComboBoxEditField,
        combo,
    )
    needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
    if needed > field.width() + 1:
        return f"combo {combo.objectName() or combo.currentText()!r}: {needed} > {field.width()}"
    return None


def _header_problems(header: QHeaderView) -> list[str]:
    found = []
    model = header.model()
    if model is None:
        return found
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) <= 0:
            continue
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        needed = header.fontMetrics().horizontalAdvance(str(text)) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            needed += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        if needed > header.sectionSize(section) + 1:
            found.append(f"header {text!r}: {needed} > {header.sectionSize(section)}")
    return found


def _cell_problems(table: QTableView) -> list[str]:
    """Cells of the rows in view whose text is cut without a tooltip holding it all."""
    found = []
    model = table.model()
    if model is None or (table.wordWrap() and table.textElideMode() == Qt.TextElideMode.ElideNone):
        return found
    rows = table.verticalHeader()
    first = max(rows.visualIndexAt(0), 0)
    last = rows.visualIndexAt(table.viewport().height() - 1)
    if last < 0:
        last = model.rowCount() - 1
    metrics = table.fontMetrics()
    for row in range(first, min(last, first + 40) + 1):
        if table.isRowHidden(row):
            continue
        for column in range(model.columnCount()):
            if table.isColumnHidden(column) or table.columnSpan(row, column) > 1:
                continue
            index = model.index(row, column)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text or "\n" in text:
                continue
            width = table.columnWidth(column)
            if metrics.horizontalAdvance(text) + 8 <= width:
                continue
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if not (isinstance(tip, str) and text in tip):
                found.append(f"cell {text!r} in {table.objectName()}: cut, no tooltip")
    return found


def layout_problems(window: QWidget, area: QRect) -> list[str]:
    """What is cut off or out of reach in ``window`` as it is now shown."""
    found: list[str] = []
    if window.width() > area.width() or window.height() > area.height():
        found.append(f"window {window.objectName()} {window.size().toTuple()} > {area.size()}")
    # What its layout needs at least (a window held smaller squeezes its contents below
    # their minimum: they are cut off), frame included.
    need = window.minimumSizeHint() + fit_screen.FRAME_ALLOWANCE
    if need.width() > area.width() or need.height() > area.height():
        found.append(f"window {_name(window)} needs {need.toTuple()} on a {area.size()} screen")
    seen = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        control = isinstance(widget, (QAbstractButton, QComboBox, QLineEdit))
        if control and not _in_scroll_area(widget, window):
            where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
            if not seen.contains(where):
                found.append(f"{_name(widget)} at {where.getRect()} is outside the window")
                continue
            if widget.visibleRegion().boundingRect().size() != widget.size():
                found.append(f"{_name(widget)} is cut by its container")
                continue
        needed = _needed_width(widget)
        if needed is not None and needed > widget.width() + 1:
            found.append(f"{_name(widget)} {_text(widget)!r}: needs {needed}, has {widget.width()}")
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            height = widget.heightForWidth(widget.width())
            if height > widget.height() + 2:
                found.append(f"{_name(widget)}: wrapped text {height} > {widget.height()} high")
        if isinstance(widget, QComboBox):
            problem = _combo_problem(widget)
            if problem:
                found.append(problem)
        if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            found += _header_problems(widget)
        if isinstance(widget, QTableView):
            found += _cell_problems(widget)
    return found


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def test_the_check_finds_what_is_cut_off(qtbot: QtBot) -> None:
    """The check itself: a button, a check box and a label narrower than their text, a
    combo box too narrow for its choice, and a button out of the window, are found."""
    from PySide6.QtWidgets import QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    fine = QPushButton("OK")
    layout.addWidget(fine)
    dialog.resize(300, 200)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert layout_problems(dialog, QRect(0, 0, 1366, 728)) == []

    cut = [
        QPushButton("Record the payment and print a receipt", dialog),
        QCheckBox("Also for my later appointments today", dialog),
        QLabel("Before finalising, answer: 14 (Set expectations)", dialog),
    ]
    for y, widget in enumerate(cut):
        widget.setGeometry(0, 100 + 20 * y, 60, 20)
        widget.show()
    combo = QComboBox(dialog)
    combo.addItem("Individual session 50 minutes")
    combo.setGeometry(100, 0, 60, 24)
    combo.show()
    away = QPushButton("Save", dialog)
    away.setGeometry(280, 190, 80, 30)
    away.show()
    problems = "\n".join(layout_problems(dialog, QRect(0, 0, 1366, 728)))
    assert "'Record the payment and print a receipt': needs" in problems
    assert "'Also for my later appointments today': needs" in problems
    assert "'Before finalising, answer: 14 (Set expectations)': needs" in problems
    assert "combo 'Individual session 50 minutes'" in problems
    assert "is outside the window" in problems
    assert layout_problems(dialog, QRect(0, 0, 200, 150))[0].startswith("window")


# -- the demo practice -----------------------------------------------------------


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    create_demo_database(path, today=dt.date.today())
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    database, _report = open_database(path)
    yield database
    database.dispose()


@pytest.fixture(params=list(SIZES))
def area(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> QRect:
    """The screen's free area, as the windows are fitted to it."""
    rect = SIZES[request.param]
    monkeypatch.setattr(fit_screen, "free_area", lambda _window: rect)
    return rect


@pytest.fixture
def window(qtbot: QtBot, demo: Database, area: QRect) -> MainWindow:
    main = MainWindow(Operations(demo), demo=True)
    qtbot.addWidget(main)
    allowance = fit_screen.FRAME_ALLOWANCE
    main.resize(area.width() - allowance.width(), area.height() - allowance.height())
    main.show()
    qtbot.waitExposed(main)
    return main


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("section", [section.key for section in SECTIONS])
def test_every_section_fits(window: MainWindow, area: QRect, section: str) -> None:
    window.go_to(section)
    settle()
    problems = layout_problems(window, area)
    assert not problems, "\n".join(problems)


def test_every_client_page_tab_fits(qtbot: QtBot, window: MainWindow, area: QRect) -> None:
    from tests.ui.conftest import click_client_row, open_client_tab
    from ui.screens.clients import ClientsScreen

    window.go_to("clients")
    screen = window.screens["clients"]
    assert isinstance(screen, ClientsScreen)
    click_client_row(qtbot, screen)
    for shown in (True, False):
        if screen.list_toggle.isChecked() != shown:
            qtbot.mouseClick(screen.list_toggle, Qt.MouseButton.LeftButton)
        for name in screen.form.tab_names():
            open_client_tab(qtbot, screen.form, name)
            settle()
            problems = layout_problems(window, area)
            assert not problems, f"list shown: {shown}, tab {name}:\n" + "\n".join(problems)


def _ids(database: Database) -> dict[str, int]:
    with database.reading() as session:
        me = session.scalars(select(Practitioner).where(Practitioner.is_current_user)).first()
        assert me is not None
        appointment = session.scalars(
            select(Appointment)
            .where(Appointment.practitioner_id == me.id)
            .order_by(Appointment.start.desc())
        ).first()
        assert appointment is not None
        interaction = session.scalars(select(Interaction).order_by(Interaction.id.desc())).first()
        assert interaction is not None
        client = session.get(Client, appointment.client_id)
        assert client is not None
        return {
            "client": client.id,
            "appointment": appointment.id,
            "interaction": interaction.id,
            "practitioner": me.id,
        }


def _dialogs() -> dict[str, Callable[[Operations, dict[str, int]], QDialog]]:
    from ui.dialogs.appointment import AppointmentDialog
    from ui.dialogs.brief import PreSessionBriefDialog
    from ui.dialogs.csv_import import CsvImportDialog
    from ui.dialogs.followups import ExpectationDialog, IssueDialog
    from ui.dialogs.interaction import InteractionEditor
    from ui.dialogs.money import MoneyConversationDialog, PaymentPlanDialog
    from ui.dialogs.payment import PaymentDialog
    from ui.dialogs.print_summary import PrintSummaryDialog
    from ui.dialogs.referral import ReferralDialog
    from ui.dialogs.running_late import RunningLateDialog

    return {
        "note editor": lambda ops, ids: InteractionEditor(ops, client_id=ids["client"]),
        "saved note": lambda ops, ids: InteractionEditor(ops, interaction_id=ids["interaction"]),
        "appointment": lambda ops, ids: AppointmentDialog(ops),
        "running late": lambda ops, ids: RunningLateDialog(ops, ids["appointment"]),
        "payment": lambda ops, ids: PaymentDialog(ops, ids["client"]),
        "referral": lambda ops, ids: ReferralDialog(ops, client_id=ids["client"]),
        "brief": lambda ops, ids: PreSessionBriefDialog(ops, ids["client"]),
        "print summary": lambda ops, ids: PrintSummaryDialog(ops, ids["interaction"]),
        "issue": lambda ops, ids: IssueDialog(ops, client_id=ids["client"]),
        "expectation": lambda ops, ids: ExpectationDialog(ops, client_id=ids["client"]),
        "payment plan": lambda ops, ids: PaymentPlanDialog(ops, ids["client"]),
        "money conversation": lambda ops, ids: MoneyConversationDialog(ops, ids["client"]),
        "csv import": lambda ops, ids: CsvImportDialog(ops),
    }


@pytest.mark.parametrize("name", list(_dialogs()))
def test_every_main_dialog_fits(
    qtbot: QtBot, window: MainWindow, demo: Database, area: QRect, name: str
) -> None:
    # Fitted to the screen as it is shown (the window's filter on the application), as
    # every dialog is; not the window's child, so it is not left for the window to sweep.
    dialog = _dialogs()[name](window.ops, _ids(demo))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle()
    problems = layout_problems(dialog, area)
    assert not problems, "\n".join(problems)
