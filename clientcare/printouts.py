"""Printouts: what goes on paper, as HTML from templates the practice may edit (no Qt here).

Templates live in ``resources/templates/``; a practice copy of the same name in
``data_dir()/templates`` overrides the default. They are rendered by a *sandboxed*
Jinja2 environment with autoescaping on for every file and ``StrictUndefined``, so a
client called ``<b>Bob</b>`` or ``{{7*7}}`` prints exactly that, and a template can
neither reach Python internals nor silently print nothing for a misspelt name. A
practice template that fails (syntax, an unknown name, anything raised while
rendering) is reported in :attr:`Printout.warnings` naming the file and the line, and
the shipped default is used instead. The HTML keeps to the subset Qt's
``QTextDocument`` understands (tables, headings, paragraphs, simple CSS); ``ui.printing``
lays it out on pages and draws the page numbers and the footer.

Filters every template has (money and dates in the practice's currency and locale,
both taken from ``practice`` in the context, see :func:`practice_context`):

* ``minor|money`` — an amount in minor units (``4500|money`` → "£45.00");
* ``day|date`` (Babel medium: "23 Nov 2026"; ``day|date("full")`` for other widths),
  ``moment|datetime`` ("23 Nov 2026, 14:00") and ``moment|time`` ("14:00");
* ``text|paragraphs`` — plain text with line breaks as escaped ``<p>``/``<br>``;
  ``text|lines`` — the lines of a short text (an address) joined by ``<br>``.

What the two session summaries show (the practitioner chooses each time):

* *For the file*: everything — the notes, the client's own words, next steps, what
  might have been more helpful, the practitioner-only notes, the circumstances
  ticked, every checklist answer, the corrections, expectations, the next
  appointment and the balance.
* *For the client*: a greeting by preferred name, the date, **what was discussed in
  the client's own words** (``client_words``: they said it, so it is theirs to
  keep), the agreed next steps, the open expectations (who set them and when they
  will be reviewed), the next appointment and how to reach the practice; the
  balance only when the practitioner ticks it for that print, and never an overdue
  status. The session ``notes`` are *not* printed for the client, because they may
  hold clinical impressions written for the practitioner; the practitioner-only
  notes, the checklist and the feedback are never in the client's context at all,
  so even an edited template cannot print them.

The pre-session brief's context and printout are :mod:`clientcare.brief` (one brief for
the screen and for paper).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import shutil
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateSyntaxError, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clientcare import audit, config, interactions, locale_format, money
from clientcare.appointments import MODE_LABELS, STATUS_LABELS, appointments_between
from clientcare.config import DEFAULT_LOCALE
from clientcare.db.models import (
    Appointment,
    AppointmentStatus,
    ChecklistAnswerValue,
    Client,
    Expectation,
    ExpectationOutcome,
    Interaction,
    InteractionKind,
    InteractionState,
    PracticeSettings,
    Practitioner,
    SetBy,
)
from clientcare.errors import FieldError, NotFoundError, ValidationError
from clientcare.locale_format import Width
from clientcare.money_format import format_money

#: Countries that use US Letter paper (CLDR has no paper sizes; this is the usual list).
LETTER_REGIONS = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PA", "DO", "PR", "SV", "NI", "BZ"}
)

#: The shipped templates and what each prints (Settings → Printouts shows these).
TEMPLATE_DESCRIPTIONS: dict[str, str] = {
    "base.html": "The page every printout shares: the practice header and the styles",
    "session_summary_file.html": "Session summary for the file (everything)",
    "session_summary_client.html": "Session summary for the client",
    "pre_session_brief.html": "Pre-session brief (one page)",
    "day_sheet.html": "Day sheet: the day's appointments",
    "statement.html": "Client statement",
    "receipt.html": "Receipt",
    "referral_letter.html": "Referral introduction letter",
}

KIND_NOUNS: dict[InteractionKind, str] = {
    InteractionKind.SESSION: "session",
    InteractionKind.PHONE_CALL: "phone call",
    InteractionKind.MESSAGE: "message",
    InteractionKind.EMAIL: "e-mail",
    InteractionKind.CONTACT_ATTEMPT: "contact attempt",
}
ANSWER_LABELS: dict[ChecklistAnswerValue, str] = {
    ChecklistAnswerValue.DONE: "Done",
    ChecklistAnswerValue.NOT_APPLICABLE: "Does not apply",
    ChecklistAnswerValue.NOT_DONE: "Not done",
}
FLAG_LABELS: dict[str, str] = {
    "not_at_my_best": "The practitioner was not at their best",
    "plan_not_a_fit": "The plan did not feel right to the client",
    "referral_considered": "A referral was considered or made",
    "checkins_discussed": "Check-ins were discussed",
}


class SummaryVariant(StrEnum):
    FILE = "file"
    CLIENT = "client"


SUMMARY_TEMPLATES: dict[SummaryVariant, str] = {
    SummaryVariant.FILE: "session_summary_file.html",
    SummaryVariant.CLIENT: "session_summary_client.html",
}


# --------------------------------------------------------------------------
# Plain data
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Printout:
    """A rendered printout: HTML for QTextDocument, the footer text, and any warnings."""

    title: str
    html: str
    footer_left: str
    warnings: tuple[str, ...]


class PrintoutError(Exception):
    """A shipped template failed to render: a bug in ClientCare, not the practice's doing."""


@dataclass(frozen=True)
class TemplateInfo:
    """One template as Settings → Printouts lists it."""

    name: str
    description: str
    customised: bool
    problem: str | None  # an error in the practice's copy, in words; None if fine


@dataclass(frozen=True)
class ClientLine:
    full_name: str
    preferred_name: str
    pronunciation: str
    pronouns: str
    email: str
    phone: str


@dataclass(frozen=True)
class AppointmentLine:
    start: dt.datetime
    end: dt.datetime
    duration_minutes: int
    mode: str
    location: str
    status: str
    is_open: bool
    practitioner_name: str
    client: ClientLine


@dataclass(frozen=True)
class ChecklistLine:
    number: int
    text: str
    requirement: str
    answer: str  # "Done", "Does not apply", "Not done" or "Not answered"
    reason: str
    note: str


@dataclass(frozen=True)
class CorrectionLine:
    written_at: dt.datetime
    actor: str
    field: str
    old_value: str
    new_value: str
    reason: str


@dataclass(frozen=True)
class ExpectationLine:
    description: str
    set_by: str  # "The practice" / "The client" (file), "We" / "You" in the client's words
    set_on: dt.date
    review_on: dt.date | None
    review_due: bool


@dataclass(frozen=True)
class Balance:
    """What the client's account stands at; positive: owed to the practice, negative: credit."""

    amount_minor: int
    as_of: dt.date

    @property
    def owed(self) -> bool:
        return self.amount_minor > 0

    @property
    def credit(self) -> bool:
        return self.amount_minor < 0

    @property
    def credit_minor(self) -> int:
        return -self.amount_minor


@dataclass(frozen=True)
class BatchItem:
    """One summary a batch export will write."""

    interaction_id: int
    occurred_at: dt.datetime
    client_name: str
    kind: InteractionKind
    file_name: str


# --------------------------------------------------------------------------
# Locale helpers
# --------------------------------------------------------------------------


def page_size_for_locale(locale: str) -> str:
    """ "Letter" for the countries that use it (en_US, fr_CA, es_MX, …), else "A4"."""
    parts = (locale or "").replace("-", "_").split(".")[0].split("_")
    region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
    return "Letter" if region in LETTER_REGIONS else "A4"


def format_day(day: dt.date | dt.datetime, locale: str, width: Width = "medium") -> str:
    """A date for print in the practice's locale ("23 Nov 2026"; see locale_format)."""
    return locale_format.day(day.date() if isinstance(day, dt.datetime) else day, locale, width)


def format_moment(moment: dt.datetime, locale: str) -> str:
    """A date and time for print ("23 Nov 2026, 14:00" in en_GB; see locale_format)."""
    return locale_format.day_time(moment, locale)


def footer_text(printed_on: dt.date, practitioner_name: str, locale: str) -> str:
    """ "Printed 23 Nov 2026 · Dr A. Example" (without the name when there is none)."""
    text = f"Printed {format_day(printed_on, locale)}"
    return f"{text} · {practitioner_name}" if practitioner_name else text


# --------------------------------------------------------------------------
# Template folders
# --------------------------------------------------------------------------


def default_templates_dir() -> Path:
    """The templates shipped with ClientCare (read-only)."""
    return Path(str(resources.files("resources").joinpath("templates")))


def user_templates_dir(*, create: bool = False) -> Path:
    """The practice's own copies (``data_dir()/templates``); created when ``create``."""
    path = config.data_dir() / "templates"
    if create:
        config.ensure_private_dir(path)
    return path


def _template_names() -> list[str]:
    shipped = sorted(p.name for p in default_templates_dir().glob("*.html"))
    # base.html first: it frames all the others.
    return sorted(shipped, key=lambda name: name != "base.html")


def _check_name(name: str) -> None:
    if name not in _template_names():
        raise NotFoundError(f"There is no printout template called '{name}'.")


def list_templates() -> list[TemplateInfo]:
    """Every shipped template, whether the practice has its own copy, and its problem if any."""
    user_dir = user_templates_dir()
    rows = []
    for name in _template_names():
        customised = (user_dir / name).is_file()
        rows.append(
            TemplateInfo(
                name=name,
                description=TEMPLATE_DESCRIPTIONS.get(name, ""),
                customised=customised,
                problem=check_template(name) if customised else None,
            )
        )
    return rows


def customise_template(name: str) -> Path:
    """Copy the default ``name`` into the practice's folder (unless a copy is there); its path."""
    _check_name(name)
    target = user_templates_dir(create=True) / name
    if not target.exists():
        shutil.copyfile(default_templates_dir() / name, target)
        target.chmod(0o600)
    return target


def reset_template(name: str) -> Path | None:
    """Go back to the default: the practice's copy is kept as ``name.bak`` (returned)."""
    _check_name(name)
    current = user_templates_dir() / name
    if not current.exists():
        return None
    backup = current.with_name(name + ".bak")
    current.replace(backup)
    return backup


def check_template(name: str) -> str | None:
    """The syntax error in the practice's copy of ``name``, in words, or None."""
    path = user_templates_dir() / name
    if not path.is_file():
        return None
    env = _environment((str(user_templates_dir()), str(default_templates_dir())))
    try:
        env.parse(path.read_text(encoding="utf-8"), name=name, filename=str(path))
    except TemplateSyntaxError as error:
        return f"line {error.lineno}: {error.message}"
    except (OSError, UnicodeDecodeError) as error:
        return f"it cannot be read ({error})"
    return None


# --------------------------------------------------------------------------
# The environment and its filters
# --------------------------------------------------------------------------


def _practice_value(context: Context, key: str, default: str) -> str:
    practice = context.get("practice")
    value = practice.get(key) if isinstance(practice, Mapping) else getattr(practice, key, None)
    return str(value) if value else default


@pass_context
def _money_filter(context: Context, minor: int) -> str:
    currency = _practice_value(context, "currency", "GBP")
    return format_money(int(minor), currency, _practice_value(context, "locale", DEFAULT_LOCALE))


@pass_context
def _date_filter(context: Context, value: dt.date | None, width: str = "medium") -> str:
    if value is None:
        return ""
    locale = _practice_value(context, "locale", DEFAULT_LOCALE)
    known = _WIDTHS.get(width)
    if known is None:  # a practice's own template may give a CLDR pattern ("d MMMM")
        day = value.date() if isinstance(value, dt.datetime) else value
        return locale_format.day_pattern(day, width, locale)
    return format_day(value, locale, known)


_WIDTHS: dict[str, Width] = {"short": "short", "medium": "medium", "long": "long", "full": "full"}


@pass_context
def _datetime_filter(context: Context, value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return format_moment(value, _practice_value(context, "locale", DEFAULT_LOCALE))


@pass_context
def _time_filter(context: Context, value: dt.datetime | dt.time | None) -> str:
    if value is None:
        return ""
    return locale_format.time(value, _practice_value(context, "locale", DEFAULT_LOCALE))


_BLANK_LINE = re.compile(r"\n[ \t]*\n+")


def paragraphs(text: object) -> Markup:
    """Plain text as HTML paragraphs: blank lines part paragraphs, single newlines break lines.

    Every character of ``text`` is escaped; only the ``<p>``/``<br>`` added here are markup.
    """
    if text is None:
        return Markup("")
    plain = str(text).replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if not plain.strip():
        return Markup("")
    blocks = _BLANK_LINE.split(plain)
    return Markup("").join(
        Markup("<p>{}</p>").format(Markup("<br>").join(escape(line) for line in block.split("\n")))
        for block in blocks
    )


def lines(text: object) -> Markup:
    """Plain text with its line breaks kept as ``<br>`` (an address); every character escaped."""
    if text is None:
        return Markup("")
    plain = str(text).replace("\r\n", "\n").replace("\r", "\n").strip()
    return Markup("<br>").join(escape(line.strip()) for line in plain.split("\n") if line.strip())


@functools.lru_cache(maxsize=8)
def _environment(search_path: tuple[str, ...]) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=FileSystemLoader(list(search_path), encoding="utf-8"),
        autoescape=True,
        undefined=StrictUndefined,
        auto_reload=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        money=_money_filter,
        date=_date_filter,
        datetime=_datetime_filter,
        time=_time_filter,
        paragraphs=paragraphs,
        lines=lines,
    )
    return env


def _error_line(error: BaseException, folder: Path) -> tuple[str, int | None]:
    """The practice template the error happened in, and its line, from the traceback."""
    if isinstance(error, TemplateSyntaxError):
        return Path(error.filename or error.name or "").name, error.lineno
    tb: TracebackType | None = error.__traceback__
    found: tuple[str, int | None] = ("", None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if Path(filename).parent == folder:
            found = (Path(filename).name, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _is_from(error: BaseException, folder: Path) -> bool:
    if isinstance(error, TemplateSyntaxError):
        return bool(error.filename) and Path(error.filename or "").parent == folder
    return _error_line(error, folder)[0] != ""


def _error_text(error: BaseException) -> str:
    if isinstance(error, TemplateSyntaxError):
        return error.message or str(error)
    text = str(error) or type(error).__name__
    return text.splitlines()[0][:200]


def render_printout(
    name: str, context: Mapping[str, object], *, title: str, footer_left: str
) -> Printout:
    """Render template ``name`` (the practice's copy if there is one) with ``context``.

    When the practice's copy (or its copy of ``base.html``) fails, the default is used
    and the warning names the file and line. Raises PrintoutError if the shipped
    default itself fails, NotFoundError for an unknown template.
    """
    _check_name(name)
    user_dir = user_templates_dir()
    default_dir = default_templates_dir()
    warnings: list[str] = []
    if user_dir.is_dir() and any(user_dir.glob("*.html")):
        env = _environment((str(user_dir), str(default_dir)))
        try:
            html = env.get_template(name).render(**context)
            return Printout(title, html, footer_left, ())
        except Exception as error:  # anything a practice template does must not stop printing
            if _is_from(error, user_dir):
                where, line = _error_line(error, user_dir)
                at = f" on line {line}" if line else ""
                warnings.append(
                    f"Your template '{where}' has an error{at}: {_error_text(error)}; "
                    "the default was used."
                )
    try:
        html = _environment((str(default_dir),)).get_template(name).render(**context)
    except Exception as error:
        where, line = _error_line(error, default_dir)
        raise PrintoutError(
            f"The printout '{name}' could not be made ({where or name}, line {line}: "
            f"{_error_text(error)})."
        ) from error
    return Printout(title, html, footer_left, tuple(warnings))


# --------------------------------------------------------------------------
# Context builders (plain data from the database)
# --------------------------------------------------------------------------


def practice_context(session: Session) -> dict[str, str]:
    """The practice header: name, address, phone, email, currency and locale."""
    row = session.get(PracticeSettings, 1)
    return {
        "name": (row.name if row else "") or "",
        "address": (row.address if row else "") or "",
        "phone": (row.phone if row else "") or "",
        "email": (row.email if row else "") or "",
        "currency": (row.currency if row else "") or "GBP",
        "locale": (row.locale if row else "") or DEFAULT_LOCALE,
    }


def _client_line(client: Client) -> ClientLine:
    return ClientLine(
        full_name=client.full_name,
        preferred_name=client.preferred_name or client.full_name,
        pronunciation=client.pronunciation or "",
        pronouns=client.pronouns or "",
        email=client.email or "",
        phone=client.phone or "",
    )


def _load_client(session: Session, client_id: int) -> Client:
    client = session.get(Client, client_id)
    if client is None:
        raise NotFoundError(f"Client {client_id} no longer exists.")
    return client


def _practitioner_name(session: Session, practitioner_id: int | None) -> str:
    if practitioner_id is not None:
        name = session.scalar(
            select(Practitioner.full_name).where(Practitioner.id == practitioner_id)
        )
        if name:
            return name
    return current_practitioner_name(session)


def current_practitioner_name(session: Session) -> str:
    """The practitioner using ClientCare on this computer (``audit``), or ""."""
    return audit.current_practitioner(session)


def appointment_line(session: Session, appointment: Appointment) -> AppointmentLine:
    """``appointment`` as a printout shows it (the day sheet, the pre-session brief)."""
    client = _load_client(session, appointment.client_id)
    return AppointmentLine(
        start=appointment.start,
        end=appointment.start + dt.timedelta(minutes=appointment.duration_minutes),
        duration_minutes=appointment.duration_minutes,
        mode=MODE_LABELS[appointment.mode],
        location=appointment.location or "",
        status=STATUS_LABELS[appointment.status],
        is_open=appointment.status in (AppointmentStatus.SCHEDULED, AppointmentStatus.ARRIVED),
        practitioner_name=_practitioner_name(session, appointment.practitioner_id),
        client=_client_line(client),
    )


def next_appointment(
    session: Session, client_id: int, *, after: dt.datetime
) -> AppointmentLine | None:
    """The client's next scheduled appointment starting after ``after``, or None."""
    appointment = session.scalars(
        select(Appointment)
        .where(
            Appointment.client_id == client_id,
            Appointment.status == AppointmentStatus.SCHEDULED,
            Appointment.start > after,
        )
        .order_by(Appointment.start, Appointment.id)
        .limit(1)
    ).first()
    return appointment_line(session, appointment) if appointment else None


def open_expectations(
    session: Session, client_id: int, *, today: dt.date, clients_words: bool = False
) -> list[ExpectationLine]:
    """The client's expectations not yet reviewed, those due for review first."""
    rows = session.scalars(
        select(Expectation)
        .where(Expectation.client_id == client_id, Expectation.outcome == ExpectationOutcome.OPEN)
        .order_by(Expectation.review_on.is_(None), Expectation.review_on, Expectation.set_on)
    ).all()
    if clients_words:
        labels = {SetBy.PRACTICE: "We", SetBy.CLIENT: "You"}
    else:
        labels = {SetBy.PRACTICE: "The practice", SetBy.CLIENT: "The client"}
    return [
        ExpectationLine(
            description=row.description,
            set_by=labels[row.set_by],
            set_on=row.set_on,
            review_on=row.review_on,
            review_due=row.review_on is not None and row.review_on <= today,
        )
        for row in rows
    ]


def _total(session: Session, column: Any, *conditions: Any) -> int:
    return int(session.scalar(select(func.coalesce(func.sum(column), 0)).where(*conditions)) or 0)


def client_balance(session: Session, client_id: int, *, today: dt.date) -> Balance:
    """The client's balance by the ledger's own rule (clientcare.money), as printed on ``today``."""
    return Balance(money.client_balance(session, client_id), today)


def _checklist_lines(detail: interactions.InteractionDetail) -> list[ChecklistLine]:
    lines = []
    for item in detail.checklist:
        answer = item.answer
        lines.append(
            ChecklistLine(
                number=item.number,
                text=item.text,
                requirement=item.requirement.value.capitalize(),
                answer=ANSWER_LABELS[answer.answer] if answer else "Not answered",
                reason=answer.reason if answer else "",
                note=answer.note if answer else "",
            )
        )
    return lines


def session_summary_context(
    session: Session,
    interaction_id: int,
    *,
    variant: SummaryVariant,
    include_money: bool = False,
    now: dt.datetime,
) -> dict[str, object]:
    """What the summary template of ``variant`` gets (see the module docstring).

    The client's variant is built from a reduced set of fields: nothing written for
    the practitioner only is in it. Raises NotFoundError if the record is gone.
    """
    detail = interactions.get_interaction(session, interaction_id, today=now.date())
    client = _load_client(session, detail.client_id)
    practice = practice_context(session)
    after = max(detail.occurred_at, now)
    common: dict[str, object] = {
        "practice": practice,
        "client": _client_line(client),
        "kind": interactions.KIND_LABELS[detail.kind],
        "kind_noun": KIND_NOUNS[detail.kind],
        "occurred_at": detail.occurred_at,
        "practitioner_name": _practitioner_name(session, detail.practitioner_id),
        "next_appointment": next_appointment(session, detail.client_id, after=after),
        "is_draft": detail.state is InteractionState.DRAFT,
        "today": now.date(),
    }
    if variant is SummaryVariant.CLIENT:
        return {
            **common,
            "client_words": detail.client_words,
            "next_steps": detail.next_steps,
            "expectations": open_expectations(
                session, detail.client_id, today=now.date(), clients_words=True
            ),
            "balance": (
                client_balance(session, detail.client_id, today=now.date())
                if include_money
                else None
            ),
        }
    return {
        **common,
        "state": "Draft (not finalised)" if detail.state is InteractionState.DRAFT else "Final",
        "finalised_at": detail.finalised_at,
        "notes": detail.notes,
        "client_words": detail.client_words,
        "next_steps": detail.next_steps,
        "more_helpful": detail.more_helpful,
        "practitioner_only_notes": detail.practitioner_only_notes,
        "flags": [label for name, label in FLAG_LABELS.items() if getattr(detail, name)],
        "checklist": _checklist_lines(detail),
        "corrections": [
            CorrectionLine(
                a.written_at,
                a.actor,
                interactions.TEXT_LABELS.get(a.field, a.field),
                a.old_value,
                a.new_value,
                a.reason,
            )
            for a in detail.addenda
        ],
        "expectations": open_expectations(session, detail.client_id, today=now.date()),
        "balance": client_balance(session, detail.client_id, today=now.date()),
    }


def session_summary(
    session: Session,
    interaction_id: int,
    *,
    variant: SummaryVariant,
    include_money: bool = False,
    now: dt.datetime,
) -> Printout:
    """The session summary of ``variant``, rendered; ``include_money`` only for the client's."""
    variant = SummaryVariant(variant)
    context = session_summary_context(
        session, interaction_id, variant=variant, include_money=include_money, now=now
    )
    practice = context["practice"]
    assert isinstance(practice, dict)
    client = context["client"]
    assert isinstance(client, ClientLine)
    occurred = context["occurred_at"]
    assert isinstance(occurred, dt.datetime)
    day = format_day(occurred, practice["locale"])
    kind = str(context["kind_noun"])
    if variant is SummaryVariant.CLIENT:
        title = f"Summary of our {kind} — {client.preferred_name} — {day}"
    else:
        title = f"{kind.capitalize()} summary (for the file) — {client.full_name} — {day}"
    footer = footer_text(now.date(), str(context["practitioner_name"]), practice["locale"])
    return render_printout(SUMMARY_TEMPLATES[variant], context, title=title, footer_left=footer)


def day_sheet_context(
    session: Session, day: dt.date, *, practitioner_id: int | None, now: dt.datetime
) -> dict[str, object]:
    """The day's appointments (all practitioners when ``practitioner_id`` is None)."""
    start = dt.datetime.combine(day, dt.time())
    rows = [
        item
        for item in appointments_between(
            session, start, start + dt.timedelta(days=1), practitioner_id
        )
        if item.start >= start
    ]
    lines = [appointment_line(session, _appointment(session, item.id)) for item in rows]
    name = (
        _practitioner_name(session, practitioner_id)
        if practitioner_id is not None
        else "All practitioners"
    )
    return {
        "practice": practice_context(session),
        "day": day,
        "practitioner_name": name,
        "all_practitioners": practitioner_id is None,
        "appointments": lines,
        "open_count": sum(1 for line in lines if line.is_open),
        "today": now.date(),
    }


def _appointment(session: Session, appointment_id: int) -> Appointment:
    row = session.get(Appointment, appointment_id)
    if row is None:
        raise NotFoundError(f"Appointment {appointment_id} no longer exists.")
    return row


def day_sheet(
    session: Session, day: dt.date, *, practitioner_id: int | None, now: dt.datetime
) -> Printout:
    """The printable list of the day's appointments (the fallback when the screen is away)."""
    context = day_sheet_context(session, day, practitioner_id=practitioner_id, now=now)
    practice = context["practice"]
    assert isinstance(practice, dict)
    name = str(context["practitioner_name"])
    footer_name = name if practitioner_id is not None else current_practitioner_name(session)
    return render_printout(
        "day_sheet.html",
        context,
        title=f"Day sheet — {format_day(day, practice['locale'], 'full')} — {name}",
        footer_left=footer_text(now.date(), footer_name, practice["locale"]),
    )


# --------------------------------------------------------------------------
# Batch export
# --------------------------------------------------------------------------

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
     *(f"LPT{i}" for i in range(1, 10))}
)  # fmt: skip
FILE_NAME_LIMIT = 120


def safe_file_name(text: str, *, fallback: str = "printout") -> str:
    """``text`` as a file name that every common system accepts (no folders, no controls)."""
    cleaned = unicodedata.normalize("NFC", text)
    cleaned = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in cleaned
    )
    cleaned = _UNSAFE.sub(" ", cleaned)
    cleaned = " ".join(cleaned.split()).strip(" .")
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = f"_{cleaned}"
    if len(cleaned.encode("utf-8")) > FILE_NAME_LIMIT:
        encoded = cleaned.encode("utf-8")[:FILE_NAME_LIMIT]
        cleaned = encoded.decode("utf-8", errors="ignore").strip(" .")
    return cleaned or fallback


def summary_file_name(occurred_at: dt.datetime, client_name: str, kind: InteractionKind) -> str:
    """E.g. "2026-11-23 1400 Zoë Ñúñez - session.pdf"."""
    stem = safe_file_name(f"{occurred_at:%Y-%m-%d %H%M} {client_name} - {KIND_NOUNS[kind]}")
    return f"{stem}.pdf"


def batch_items(
    session: Session,
    *,
    client_id: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    include_drafts: bool = False,
) -> list[BatchItem]:
    """The summaries of a client and/or a date range (inclusive), oldest first.

    File names are unique within the list ("… (2).pdf"). Raises ValidationError when
    the range is backwards or nothing limits it.
    """
    errors: list[FieldError] = []
    if start is not None and end is not None and end < start:
        errors.append(FieldError("end", "The end date is before the start date."))
    if client_id is None and start is None and end is None:
        errors.append(FieldError("start", "Choose a client or a date range."))
    if errors:
        raise ValidationError(errors)
    query = (
        select(Interaction.id, Interaction.occurred_at, Interaction.kind, Client.full_name)
        .join(Client, Client.id == Interaction.client_id)
        .order_by(Interaction.occurred_at, Interaction.id)
    )
    if client_id is not None:
        query = query.where(Interaction.client_id == client_id)
    if start is not None:
        query = query.where(Interaction.occurred_at >= dt.datetime.combine(start, dt.time()))
    if end is not None:
        query = query.where(
            Interaction.occurred_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
        )
    if not include_drafts:
        query = query.where(Interaction.state == InteractionState.FINAL)
    items: list[BatchItem] = []
    taken: set[str] = set()
    for row in session.execute(query):
        name = summary_file_name(row.occurred_at, row.full_name, row.kind)
        stem, number = name[:-4], 2
        while name.casefold() in taken:
            name = f"{stem} ({number}).pdf"
            number += 1
        taken.add(name.casefold())
        items.append(BatchItem(row.id, row.occurred_at, row.full_name, row.kind, name))
    return items


def combined_file_name(items: Sequence[BatchItem], *, client_name: str | None = None) -> str:
    """A name for one PDF holding all ``items`` ("Summaries 2026-11-01 to 2026-11-23.pdf")."""
    if not items:
        return "Summaries.pdf"
    first, last = items[0].occurred_at.date(), items[-1].occurred_at.date()
    span = f"{first:%Y-%m-%d}" if first == last else f"{first:%Y-%m-%d} to {last:%Y-%m-%d}"
    who = f" {client_name}" if client_name else ""
    return safe_file_name(f"Summaries{who} {span}") + ".pdf"
