"""The pre-session brief on screen: how to greet the client, what they said last time,
facts to remember, open expectations and issues, money to handle gently
(practitioner-only) and referrals in progress. Built from clientcare.followups.brief_for.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from clientcare import followups, locale_format
from clientcare.followups import CONSENT_LABELS, SET_BY_LABELS, Brief
from clientcare.interactions import KIND_LABELS
from clientcare.practice import get_settings
from ui.labels import label
from ui.models.followups import short_date as followup_date
from ui.models.followups import urgency_text
from ui.ops import Operations

_STYLE = """
h1 { font-size: 20pt; margin: 0 0 2px 0; }
h2 { font-size: 12pt; margin: 14px 0 4px 0; color: #2a4d7a; }
p { margin: 2px 0 4px 0; }
.muted { color: #5f6368; }
.remind { background: #eef3fb; padding: 6px; }
.private { background: #fff4d6; padding: 6px; }
.due { color: #a85400; font-weight: bold; }
.urgent { color: #b3261e; font-weight: bold; }
"""


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _para(text: str) -> str:
    return _esc(text.strip()).replace("\n", "<br>")


def _when(moment: dt.datetime, locale: str) -> str:
    """``Mon 23 Nov 2026 14:05`` in the practice's ``locale``."""
    return locale_format.weekday_day_time(moment, locale)


def greeting_html(brief: Brief, locale: str = locale_format.DEFAULT_LOCALE) -> str:
    """How to greet: preferred name, pronunciation, pronouns; the full name below."""
    line = f"<h1>{_esc(brief.preferred_name)}</h1>"
    extras = []
    if brief.pronunciation:
        extras.append(f"say “{_esc(brief.pronunciation)}”")
    if brief.pronouns:
        extras.append(_esc(brief.pronouns))
    details = " · ".join(extras)
    if brief.full_name != brief.preferred_name:
        details = (details + " · " if details else "") + f"full name {_esc(brief.full_name)}"
    if details:
        line += f"<p>{details}</p>"
    if brief.next_appointment is not None:
        line += f'<p class="muted">Next appointment: {_when(brief.next_appointment, locale)}</p>'
    return line


def brief_html(brief: Brief, today: dt.date, locale: str = locale_format.DEFAULT_LOCALE) -> str:
    """The whole brief as HTML for a QTextBrowser; dates in the practice's ``locale``."""

    def short_date(day: dt.date | None) -> str:
        return followup_date(day, locale)

    parts = [greeting_html(brief, locale)]
    if brief.set_expectations:
        reason = (
            "This is the first session: set expectations explicitly (what is and isn't "
            "included, response times, fees)."
            if brief.first_session
            else "An expectation is due for review: ask how it is working, and record it."
        )
        parts.append(f'<p class="remind"><b>Principle 14.</b> {reason}</p>')

    parts.append("<h2>Last time</h2>")
    last = brief.last_session
    if last is None:
        parts.append('<p class="muted">No session or call written up yet.</p>')
    else:
        when = _when(last.occurred_at, locale)
        parts.append(f'<p class="muted">{label(KIND_LABELS, last.kind)}, {when}</p>')
        if last.notes:
            parts.append(f"<p>{_para(last.notes)}</p>")
        if last.client_words:
            parts.append(f"<p><b>In their words:</b> “{_para(last.client_words)}”</p>")
        if last.next_steps:
            parts.append(f"<p><b>Next steps:</b> {_para(last.next_steps)}</p>")
        if last.more_helpful:
            parts.append(f"<p><b>Would have been more helpful:</b> {_para(last.more_helpful)}</p>")

    parts.append("<h2>Facts to remember</h2>")
    if brief.facts:
        parts.append(
            "<ul>"
            + "".join(
                f"<li>{_para(text)} <span class='muted'>({short_date(day)})</span></li>"
                for day, text in brief.facts
            )
            + "</ul>"
        )
    else:
        parts.append(
            '<p class="muted">None written down yet. If you forget something they told '
            "you, ask again, apologise, and write it down.</p>"
        )

    parts.append("<h2>Open expectations</h2>")
    if brief.expectations:
        items = []
        for row in brief.expectations:
            due = (
                '<span class="due">● due for review</span> '
                if row.due
                else f'<span class="muted">review {short_date(row.review_on)}</span> '
            )
            items.append(
                f"<li>{due}{_para(row.description)} "
                f"<span class='muted'>({label(SET_BY_LABELS, row.set_by).lower()}, "
                f"{short_date(row.set_on)})</span></li>"
            )
        parts.append("<ul>" + "".join(items) + "</ul>")
    else:
        parts.append('<p class="muted">None open.</p>')

    parts.append("<h2>Open issues</h2>")
    if brief.issues:
        items = []
        for issue in brief.issues:
            css = "urgent" if issue.urgency in followups.URGENT else ""
            mark = urgency_text(issue.urgency)
            due = f", due {short_date(issue.due_on)}" if issue.due_on else ""
            items.append(
                f"<li><span class='{css}'>{mark}</span> {_esc(issue.title)} "
                f"<span class='muted'>(raised {short_date(issue.raised_on)}{due})</span></li>"
            )
        parts.append("<ul>" + "".join(items) + "</ul>")
    else:
        parts.append('<p class="muted">None open.</p>')

    if brief.money is not None:
        money = brief.money
        lines = [money.outstanding + (f"; {money.overdue}" if money.overdue else "") + "."]
        if money.plan:
            lines.append(money.plan + ".")
        if money.advice:
            lines.append(money.advice)
        parts.append("<h2>Money to handle gently</h2>")
        parts.append(
            '<p class="private"><b>Practitioner only.</b> ' + " ".join(map(_esc, lines)) + "</p>"
        )

    if brief.referrals is not None:
        parts.append("<h2>Referrals in progress</h2>")
        if brief.referrals:
            items = []
            for ref in brief.referrals:
                follow = ""
                if ref.follow_up_due:
                    follow = ' <span class="due">● ask whether they connected</span>'
                elif ref.follow_up_on:
                    when = short_date(ref.follow_up_on)
                    follow = f" <span class='muted'>(follow up {when})</span>"
                items.append(f"<li>{_esc(ref.provider_name)}: {_esc(ref.status)}{follow}</li>")
            parts.append("<ul>" + "".join(items) + "</ul>")
        else:
            parts.append('<p class="muted">None in progress.</p>')

    status = brief.checkins
    parts.append("<h2>Check-ins</h2>")
    consent = label(CONSENT_LABELS, status.consent)
    text = f"Consent: {consent.lower()}."
    if status.consented and status.next_due_on is not None:
        text += f" Next check-in due {short_date(status.next_due_on)}."
    if brief.unreturned_attempts:
        text += (
            f" {brief.unreturned_attempts} call(s) or message(s) not returned since they last "
            "got in touch."
        )
    parts.append(f"<p>{_esc(text)}</p>")
    return f"<html><head><style>{_STYLE}</style></head><body>{''.join(parts)}</body></html>"


class PreSessionBriefDialog(QDialog):
    """What to glance at before a session with ``client_id`` (read-only)."""

    def __init__(
        self,
        ops: Operations,
        client_id: int,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("brief_dialog")
        today = today or dt.date.today()
        self.brief: Brief = ops.read(lambda s: followups.brief_for(s, client_id, today=today))
        self.setWindowTitle(
            self.tr("Before the session — {name}").format(name=self.brief.full_name)
        )
        self.text = QTextBrowser()
        self.text.setObjectName("brief_text")
        self.text.setAccessibleName(self.tr("Pre-session brief"))
        self.text.setOpenLinks(False)
        locale = ops.read(lambda s: get_settings(s).locale)
        self.text.setHtml(brief_html(self.brief, today, locale))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def sizeHint(self) -> QSize:
        return QSize(640, 760)
