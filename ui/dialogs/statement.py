"""Print a client's statement for a period, or the receipt of one payment."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientcare import money_printouts, printouts
from clientcare.clients import get_client
from clientcare.practice import get_settings
from clientcare.printouts import Printout
from ui.dialog import Dialog
from ui.dialogs.print_summary import record_print
from ui.ops import Operations
from ui.theme import look, set_heading
from ui.widgets.fields import error_label, localise_date_edit
from ui.widgets.print_actions import PrintActions


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def period_for(choice: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The start and end of a named period ending today (or last month)."""
    first = today.replace(day=1)
    if choice == "last_month":
        end = first - dt.timedelta(days=1)
        return end.replace(day=1), end
    if choice == "three_months":
        return first - relativedelta(months=2), today
    if choice == "year":
        return today.replace(month=1, day=1), today
    return first, today  # this month


PERIODS = (
    ("this_month", "This month"),
    ("last_month", "Last month"),
    ("three_months", "The last three months"),
    ("year", "This year"),
    ("custom", "Other dates"),
)


class StatementDialog(Dialog):
    """Choose the period, then preview, print or save the statement as PDF."""

    def __init__(self, ops: Operations, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.client_id = client_id
        self.today = dt.date.today()
        self.setObjectName("statement_dialog")
        self.setWindowTitle(self.tr("Statement"))
        self.setMinimumWidth(480)
        client = ops.read(lambda s: get_client(s, client_id))
        self.client_name = client.full_name
        heading = QLabel(self.tr("Statement for {name}").format(name=client.full_name))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setObjectName("statement_heading")
        set_heading(heading, "subheading")

        self.period = QComboBox()
        self.period.setObjectName("statement_period")
        for key, label in PERIODS:
            self.period.addItem(self.tr(label), key)
        self.start = QDateEdit()
        self.start.setObjectName("statement_start")
        self.end = QDateEdit()
        self.end.setObjectName("statement_end")
        locale = ops.read(get_settings).locale
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            localise_date_edit(edit, locale)
        self.date_error = error_label("statement_dates_error")
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.end)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Period"), self.period)
        form.addRow(self.tr("From"), dates)
        form.addRow("", self.date_error)
        note = QLabel(
            self.tr(
                "The statement lists charges and payments with the balance, in neutral "
                "words; forgiven fees show as no charge, without your reasons."
            )
        )
        note.setWordWrap(True)
        look(note, "muted")

        self.print_actions = PrintActions(ops, self.printout, self.suggested_name, self)
        self.print_actions.output.connect(
            lambda how: record_print(ops, "client", client_id, f"statement ({how})")
        )
        close = QPushButton(self.tr("Close"))
        close.setObjectName("close")
        close.setAutoDefault(False)
        self.print_actions.buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.print_actions)

        self.period.currentIndexChanged.connect(self._period_chosen)
        self.start.dateChanged.connect(self._dates_changed)
        self.end.dateChanged.connect(self._dates_changed)
        close.clicked.connect(self.reject)
        self._period_chosen()

    def _period_chosen(self) -> None:
        key = self.period.currentData()
        custom = key == "custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            start, end = period_for(str(key), self.today)
            self.start.blockSignals(True)
            self.end.blockSignals(True)
            self.start.setDate(_qdate(start))
            self.end.setDate(_qdate(end))
            self.start.blockSignals(False)
            self.end.blockSignals(False)
        self._dates_changed()

    def dates(self) -> tuple[dt.date, dt.date]:
        return _date(self.start.date()), _date(self.end.date())

    def _dates_changed(self) -> None:
        start, end = self.dates()
        problem = ""
        if end < start:
            problem = self.tr("The period ends before it starts; choose a later end date.")
        self.date_error.setText(problem)
        self.date_error.setVisible(bool(problem))
        self.print_actions.set_ready(not problem)

    def printout(self) -> Printout | None:
        start, end = self.dates()
        if end < start:
            return None
        return self.ops.read(
            lambda s: money_printouts.statement_printout(
                s, self.client_id, start=start, end=end, today=self.today
            )
        )

    def suggested_name(self) -> str:
        start, end = self.dates()
        return printouts.safe_file_name(f"Statement {self.client_name} {start} to {end}") + ".pdf"


class ReceiptDialog(Dialog):
    """Preview, print or save the receipt of one payment (or refund)."""

    def __init__(self, ops: Operations, payment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.payment_id = payment_id
        self.setObjectName("receipt_dialog")
        self.setWindowTitle(self.tr("Receipt"))
        self.setMinimumWidth(420)
        context = ops.read(
            lambda s: money_printouts.receipt_context(s, payment_id, today=dt.date.today())
        )
        self.number = str(context["number"])
        client = context["client"]
        assert isinstance(client, dict)
        self.client_name = str(client["full_name"])
        heading = QLabel(
            self.tr("Receipt {number} for {name}").format(number=self.number, name=self.client_name)
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        self.print_actions = PrintActions(ops, self.printout, self.suggested_name, self)
        self.print_actions.output.connect(
            lambda how: record_print(ops, "payment", payment_id, f"receipt ({how})")
        )
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        self.print_actions.buttons.addWidget(close)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.print_actions)

    def printout(self) -> Printout:
        return self.ops.read(
            lambda s: money_printouts.receipt_printout(s, self.payment_id, today=dt.date.today())
        )

    def suggested_name(self) -> str:
        return printouts.safe_file_name(f"Receipt {self.number} {self.client_name}") + ".pdf"
