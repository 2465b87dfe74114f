"""The first-run wizard: set up the practice in a minute, or look around the demo first."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from clientcare.first_run import SetupInput, set_up_practice, validate_setup
from clientcare.practice import needs_setup
from clientcare.settings import SESSION_RANGE, THRESHOLD_RANGE
from ui.ops import Operations
from ui.widgets.fields import FieldWithError, localise_date_edit
from ui.widgets.pickers import CurrencyPicker, LocalePicker


class FirstRunChoice(Enum):
    SET_UP = "set_up"
    DEMO = "demo"
    SERVER = "server"  # the practice's shared server: chosen, remembered, opened next


def _qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


class _WelcomePage(QWizardPage):
    """Two ways on: set up the practice (the wizard goes on), or open the demo (it ends)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to ClientCare"))
        self.setSubTitle(
            self.tr(
                "Your clients, appointments, session notes and money, in one database: on "
                "this computer, or on your practice's shared server."
            )
        )
        self.set_up = QCommandLinkButton(
            self.tr("&Set up my practice"),
            self.tr("About a minute: the practice's name, yours, money and your working day."),
        )
        self.set_up.setObjectName("choice_set_up")
        self.set_up.setDefault(True)
        self.demo = QCommandLinkButton(
            self.tr("&Look around the demo practice first (fictional clients)"),
            self.tr(
                "A separate database with made-up clients and a year of appointments. Your "
                "own practice stays empty, and this is offered again the next time you start "
                "ClientCare."
            ),
        )
        self.demo.setObjectName("choice_demo")
        self.server = QCommandLinkButton(
            self.tr("Use our practice's shared se&rver (PostgreSQL)"),
            self.tr(
                "For a group practice whose database is already on a server: the server's "
                "administrator gives you its address, the database and your user name."
            ),
        )
        self.server.setObjectName("choice_server")
        layout = QVBoxLayout(self)
        layout.addWidget(self.set_up)
        layout.addWidget(self.demo)
        layout.addWidget(self.server)
        layout.addStretch(1)


class FirstRunWizard(QWizard):
    """Collects the practice's settings; on Finish stores them in one transaction.

    ``choice`` says what the person chose once the wizard is accepted: set up (the
    practice is then stored) or the demo. A cancelled wizard stores nothing.
    """

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.choice: FirstRunChoice | None = None
        self.setObjectName("first_run_wizard")
        self.setWindowTitle(self.tr("Set up ClientCare"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(640, 460)
        self.fields: dict[str, FieldWithError] = {}
        defaults = SetupInput()

        self.welcome = _WelcomePage()
        self.addPage(self.welcome)
        self.welcome.set_up.clicked.connect(self.next)
        self.welcome.demo.clicked.connect(self.choose_demo)
        self.welcome.server.clicked.connect(self.choose_server)
        self.server_url: str | None = None

        self.practice_name = QLineEdit()
        self.practice_name.setObjectName("practice_name")
        self.practice_name.setPlaceholderText(self.tr("e.g. Riverside Counselling"))
        self.practitioner_name = QLineEdit()
        self.practitioner_name.setObjectName("practitioner_name")
        self.practitioner_name.setPlaceholderText(self.tr("e.g. Sam Taylor"))
        self.practice_page = self._page(
            self.tr("Your practice"),
            self.tr("The practice's name heads every printout; your name is how clients see you."),
            [
                ("practice_name", self.tr("&Practice name"), self.practice_name),
                ("practitioner_name", self.tr("&Your name"), self.practitioner_name),
            ],
            self.tr("The practice's details can be changed later in Settings → Practice."),
        )

        self.currency = CurrencyPicker()
        self.currency.setObjectName("currency")
        self.currency.set_code(defaults.currency)
        self.locale_choice = LocalePicker()
        self.locale_choice.setObjectName("locale")
        self.locale_choice.setCurrentIndex(0)
        self.money_page = self._page(
            self.tr("Money and language"),
            self.tr("The currency of your fees, and how dates, amounts and phones are written."),
            [
                ("currency", self.tr("&Currency"), self.currency),
                ("locale", self.tr("&Language and country"), self.locale_choice),
            ],
            self.tr(
                "The language and country also choose the paper size of printouts (A4 or "
                "Letter). The currency cannot change once amounts are recorded."
            ),
        )

        self.day_start = QTimeEdit(_qtime(defaults.working_day_start))
        self.day_start.setObjectName("working_day_start")
        self.day_end = QTimeEdit(_qtime(defaults.working_day_end))
        self.day_end.setObjectName("working_day_end")
        self._localise_times()
        self.locale_choice.currentIndexChanged.connect(self._localise_times)
        self.session_minutes = QSpinBox()
        self.session_minutes.setObjectName("default_session_minutes")
        self.session_minutes.setRange(*SESSION_RANGE)
        self.session_minutes.setSuffix(self.tr(" minutes"))
        self.session_minutes.setValue(defaults.default_session_minutes)
        self.threshold = QSpinBox()
        self.threshold.setObjectName("lateness_threshold_minutes")
        self.threshold.setRange(*THRESHOLD_RANGE)
        self.threshold.setSuffix(self.tr(" minutes"))
        self.threshold.setValue(defaults.lateness_threshold_minutes)
        self.day_page = self._page(
            self.tr("Your working day"),
            self.tr("Your hours, how long a session usually is, and when late is too late."),
            [
                ("working_day_start", self.tr("Day &starts at"), self.day_start),
                ("working_day_end", self.tr("Day &ends at"), self.day_end),
                ("default_session_minutes", self.tr("Session &length"), self.session_minutes),
                ("lateness_threshold_minutes", self.tr("Lateness &threshold"), self.threshold),
            ],
            self.tr(
                "When you are running later than the lateness threshold, the message to the "
                "client always offers to reschedule, and the client's choice is recorded. "
                "The threshold and session length can be changed later in Settings."
            ),
        )
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))

    def _page(
        self, title: str, subtitle: str, rows: list[tuple[str, str, QWidget]], note: str = ""
    ) -> QWizardPage:
        page = _CheckedPage(self)
        page.setTitle(title)
        page.setSubTitle(subtitle)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name, label_text, editor in rows:
            field = FieldWithError(editor, name)
            label = QLabel(label_text)
            label.setBuddy(editor)
            editor.setAccessibleName(label_text.replace("&", ""))
            form.addRow(label, field)
            self.fields[name] = field
            page.field_names.append(name)
        if note:
            note_label = QLabel(note)
            note_label.setWordWrap(True)
            form.addRow(note_label)
        self.addPage(page)
        return page

    def _localise_times(self) -> None:
        """Show the working day's times as the chosen language and country write them."""
        for edit in (self.day_start, self.day_end):
            localise_date_edit(edit, self.locale_choice.code() or SetupInput().locale)

    def choose_demo(self) -> None:
        """Close the wizard with the demo chosen; nothing is stored."""
        self.choice = FirstRunChoice.DEMO
        self.done(QWizard.DialogCode.Accepted)

    def make_server_dialog(self) -> QDialog:
        """The dialog asking for the server's address (tests drive it directly)."""
        from ui.dialogs.server import ServerChoiceDialog

        return ServerChoiceDialog(self.ops, self)

    def choose_server(self) -> None:
        """Connect to the practice's server; once it answers, close with it chosen.

        Nothing is stored in this computer's database; the server is remembered on this
        computer and opened in its place (the practice there is already set up).
        """
        dialog = self.make_server_dialog()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.server_url = getattr(dialog, "url", None)
        self.choice = FirstRunChoice.SERVER
        self.done(QWizard.DialogCode.Accepted)

    def collect(self) -> SetupInput:
        locale = self.locale_choice.code()
        return SetupInput(
            practice_name=self.practice_name.text(),
            practitioner_name=self.practitioner_name.text(),
            currency=self.currency.code(),
            locale=str(locale),
            working_day_start=_time(self.day_start.time()),
            working_day_end=_time(self.day_end.time()),
            default_session_minutes=self.session_minutes.value(),
            lateness_threshold_minutes=self.threshold.value(),
        )

    def show_errors(self, errors: dict[str, str], names: list[str]) -> bool:
        """Show the messages for ``names``; True when none of them has a problem."""
        first_bad: QWidget | None = None
        for name in names:
            message = errors.get(name)
            self.fields[name].show_error(message)
            if message and first_bad is None:
                first_bad = self.fields[name].editor
        if first_bad is not None:
            first_bad.setFocus()
        return first_bad is None

    def problems(self) -> dict[str, str]:
        from clientcare.errors import ValidationError

        try:
            validate_setup(self.collect())
        except ValidationError as error:
            return {e.field: e.message for e in error.errors}
        return {}

    def accept(self) -> None:
        from clientcare.errors import ValidationError

        data = self.collect()
        try:
            self.ops.run(lambda s: set_up_practice(s, data))
        except ValidationError as error:
            errors = {e.field: e.message for e in error.errors}
            for page in (self.practice_page, self.money_page, self.day_page):
                assert isinstance(page, _CheckedPage)
                if not self.show_errors(errors, page.field_names):
                    while self.currentPage() is not page:
                        self.back()
                    self.show_errors(errors, page.field_names)
                    return
            return
        self.choice = FirstRunChoice.SET_UP
        super().accept()


class _CheckedPage(QWizardPage):
    """A page whose fields are checked before Next (the messages show under the fields)."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.field_names: list[str] = []

    def validatePage(self) -> bool:
        return self.owner.show_errors(self.owner.problems(), self.field_names)


def maybe_run_first_run(window: QMainWindow) -> FirstRunChoice | None:
    """Offer the first-run wizard over ``window`` when the practice is not set up yet.

    Returns the person's choice, or None when nothing was asked or they cancelled (the
    window then stays as it is and the wizard is offered again next start).
    """
    ops: Operations = window.ops  # type: ignore[attr-defined]
    if not ops.read(needs_setup):
        return None
    return run_first_run(window)


def run_first_run(window: QMainWindow) -> FirstRunChoice | None:
    """Show the wizard over ``window``; after a set-up the window shows the practice."""
    ops: Operations = window.ops  # type: ignore[attr-defined]
    wizard = FirstRunWizard(ops, window)
    wizard.exec()
    if wizard.choice is FirstRunChoice.SET_UP:
        refresh_title = getattr(window, "refresh_title", None)
        if callable(refresh_title):
            refresh_title()
        window.statusBar().showMessage(
            window.tr("The practice is set up. Add your first client with Ctrl+Shift+N."), 15000
        )
    wizard.deleteLater()
    return wizard.choice
