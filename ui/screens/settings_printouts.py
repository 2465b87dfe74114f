"""Settings → Printouts: which templates the practice has made its own, and going back."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clientcare import printouts
from clientcare.printouts import TemplateInfo
from ui.models.settings import TemplateColumn, TemplateTableModel


class PrintoutsTab(QWidget):
    """The templates, each "Default" or "Customised"; customise, open the folder, reset."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printouts_tab")
        intro = QLabel(
            self.tr(
                "Printouts are made from templates. To change one, choose it and press "
                "<b>Customise</b>: a copy goes into your templates folder, where any text "
                "editor can change it. Names and notes are always printed as written, never "
                "as markup. If your copy has an error, the default is printed and the "
                "print dialog names the line."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.model = TemplateTableModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setObjectName("templates_table")
        self.table.setAccessibleName(self.tr("Printout templates"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TemplateColumn.STATE, QHeaderView.ResizeMode.Stretch)
        self.folder = QLabel()
        self.folder.setObjectName("templates_folder")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("printouts_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.customise_button = QPushButton(self.tr("&Customise"))
        self.customise_button.setObjectName("customise_template")
        self.customise_button.setToolTip(self.tr("Copy the default into your templates folder"))
        self.open_button = QPushButton(self.tr("&Open templates folder"))
        self.open_button.setObjectName("open_templates_folder")
        self.reset_button = QPushButton(self.tr("&Reset to default…"))
        self.reset_button.setObjectName("reset_template")
        buttons = QHBoxLayout()
        buttons.addWidget(self.customise_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.folder)
        layout.addWidget(self.status)

        self.customise_button.clicked.connect(self.customise)
        self.open_button.clicked.connect(self.open_folder)
        self.reset_button.clicked.connect(self.reset)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.load()

    # -- hooks tests replace -------------------------------------------------------

    def open_url(self, url: QUrl) -> bool:
        return QDesktopServices.openUrl(url)

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- loading -------------------------------------------------------------------

    def load(self) -> None:
        """Read the folder again (the practice edits the files outside ClientCare)."""
        chosen = self.selected()
        self.model.set_rows(printouts.list_templates())
        self.folder.setText(
            self.tr("Your templates folder: {path}").format(path=printouts.user_templates_dir())
        )
        if chosen is not None:
            self.select(chosen.name)
        self._selection_changed()

    def showEvent(self, event: QShowEvent) -> None:
        self.load()
        super().showEvent(event)

    def selected(self) -> TemplateInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.rows[rows[0].row()] if rows else None

    def select(self, name: str) -> None:
        for number, row in enumerate(self.model.rows):
            if row.name == name:
                self.table.selectRow(number)
                return

    def _selection_changed(self, *_: QItemSelection) -> None:
        row = self.selected()
        self.customise_button.setEnabled(row is not None and not row.customised)
        self.reset_button.setEnabled(row is not None and row.customised)

    # -- actions -------------------------------------------------------------------

    def customise(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            path = printouts.customise_template(row.name)
        except OSError as error:
            self.status.setText(
                self.tr("⚠ The copy could not be made in {folder}: {reason}").format(
                    folder=printouts.user_templates_dir(), reason=error.strerror or error
                )
            )
            return
        self.load()
        self.status.setText(
            self.tr("✓ {name} is now yours to edit: {path}").format(name=row.name, path=path)
        )

    def open_folder(self) -> None:
        try:
            folder = printouts.user_templates_dir(create=True)
        except OSError as error:
            self.status.setText(
                self.tr("⚠ The templates folder could not be made: {reason}").format(
                    reason=error.strerror or error
                )
            )
            return
        if not self.open_url(QUrl.fromLocalFile(str(folder))):
            self.status.setText(
                self.tr("⚠ No file manager opened; the folder is {path}").format(path=folder)
            )

    def reset(self) -> None:
        row = self.selected()
        if row is None or not row.customised:
            return
        question = self.tr(
            "Go back to the default {name}? Your copy is kept beside it as {name}.bak."
        ).format(name=row.name)
        if not self.confirm(self.tr("Reset to default"), question):
            return
        try:
            backup = printouts.reset_template(row.name)
        except OSError as error:
            self.status.setText(
                self.tr("⚠ {name} could not be reset: {reason}").format(
                    name=row.name, reason=error.strerror or error
                )
            )
            return
        self.load()
        self.status.setText(
            self.tr("✓ {name} is the default again; your copy was kept as {backup}.").format(
                name=row.name, backup=backup.name if backup else ""
            )
        )
