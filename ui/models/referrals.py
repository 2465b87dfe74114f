"""Referrals, the provider directory and the sources report as Qt table models."""

from __future__ import annotations

import datetime as dt
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont

from clientcare import locale_format
from clientcare.db.models import WarmHandoff
from clientcare.referrals import (
    HANDOFF_LABELS,
    KIND_LABELS,
    STATUS_LABELS,
    URGENCY_LABELS,
    ProviderRow,
    ProviderSort,
    ReferralRow,
    ReferralSort,
    SourceReportRow,
)
from ui import theme
from ui.labels import label
from ui.models.base import Index, RowsTableModel
from ui.models.listing import IdRole as IdRole  # the screens' and tests' import
from ui.models.listing import SqlListModel

#: Role holding the value sorted by.
SortRole = Qt.ItemDataRole.UserRole + 2


def short_date(day: dt.date | None, locale: str = locale_format.DEFAULT_LOCALE) -> str:
    """A day as the practice's ``locale`` writes it briefly, or an empty string.

    ``23 Nov 2026`` (en_GB), ``Nov 23, 2026`` (en_US), ``23.11.2026`` (de_DE).
    """
    if day is None:
        return ""
    return locale_format.day(day, locale)


def follow_up_text(row: ReferralRow, locale: str = locale_format.DEFAULT_LOCALE) -> str:
    """Where the follow-up stands: "Overdue 3 days", "Due today", "7 Dec", "Asked 2 Dec"."""
    if row.follow_up_due:
        if row.days_overdue == 0:
            return "Due today"
        return "Overdue 1 day" if row.days_overdue == 1 else f"Overdue {row.days_overdue} days"
    answered = row.followed_up_on is not None and (
        row.follow_up_on is None or row.followed_up_on >= row.follow_up_on
    )
    if answered or not row.is_open:
        if row.connected is None:
            return ""
        return "Connected" if row.connected else "Did not connect"
    return short_date(row.follow_up_on, locale)


def handoff_text(row: ReferralRow, locale: str = locale_format.DEFAULT_LOCALE) -> str:
    if row.warm_handoff is WarmHandoff.NONE:
        return label(HANDOFF_LABELS, WarmHandoff.NONE)
    when = short_date(row.handoff_on, locale)
    return (
        f"{label(HANDOFF_LABELS, row.warm_handoff)} ({when})"
        if when
        else label(HANDOFF_LABELS, row.warm_handoff)
    )


class ReferralColumn(IntEnum):
    FOLLOW_UP = 0
    CLIENT = 1
    PROVIDER = 2
    STATUS = 3
    URGENCY = 4
    HANDOFF = 5
    REFERRED = 6


REFERRAL_HEADERS = {
    ReferralColumn.FOLLOW_UP: "Follow-up",
    ReferralColumn.CLIENT: "Client",
    ReferralColumn.PROVIDER: "Referred to",
    ReferralColumn.STATUS: "Status",
    ReferralColumn.URGENCY: "Urgency",
    ReferralColumn.HANDOFF: "Warm hand-off",
    ReferralColumn.REFERRED: "Referred on",
}

#: The order each column heading asks for.
REFERRAL_SORTS = {
    ReferralColumn.FOLLOW_UP: ReferralSort.FOLLOW_UP,
    ReferralColumn.CLIENT: ReferralSort.CLIENT,
    ReferralColumn.PROVIDER: ReferralSort.PROVIDER,
    ReferralColumn.STATUS: ReferralSort.STATUS,
    ReferralColumn.URGENCY: ReferralSort.URGENCY,
    ReferralColumn.HANDOFF: ReferralSort.HANDOFF,
    ReferralColumn.REFERRED: ReferralSort.REFERRED,
}


class ReferralTableModel(SqlListModel):
    """Referrals out, read a page at a time in the order the SQL gives."""

    headers = tuple(REFERRAL_HEADERS[column] for column in ReferralColumn)
    rows: list[ReferralRow]

    def style(self, row: ReferralRow, column: int, role: int) -> Any:
        if column != ReferralColumn.FOLLOW_UP or not row.follow_up_due:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(
                theme.text_colour((theme.OVERDUE if row.days_overdue else theme.DUE).colour)
            )
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def format_row(self, row: ReferralRow) -> tuple[str, ...]:
        marker = "" if row.provider_accepting else " (not accepting)"
        return (
            follow_up_text(row, self.locale),
            row.client_name,
            row.provider_name + marker,
            label(STATUS_LABELS, row.status),
            label(URGENCY_LABELS, row.urgency),
            handoff_text(row, self.locale),
            short_date(row.referred_on, self.locale),
        )


class ProviderColumn(IntEnum):
    NAME = 0
    KIND = 1
    SPECIALTY = 2
    ACCEPTING = 3
    PHONE = 4
    REFERRALS = 5


PROVIDER_HEADERS = {
    ProviderColumn.NAME: "Name",
    ProviderColumn.KIND: "Kind",
    ProviderColumn.SPECIALTY: "Specialty",
    ProviderColumn.ACCEPTING: "Accepting clients",
    ProviderColumn.PHONE: "Phone",
    ProviderColumn.REFERRALS: "Open referrals",
}

PROVIDER_SORTS = {
    ProviderColumn.NAME: ProviderSort.NAME,
    ProviderColumn.KIND: ProviderSort.KIND,
    ProviderColumn.SPECIALTY: ProviderSort.SPECIALTY,
    ProviderColumn.ACCEPTING: ProviderSort.ACCEPTING,
    ProviderColumn.PHONE: ProviderSort.PHONE,
    ProviderColumn.REFERRALS: ProviderSort.OPEN_REFERRALS,
}


class ProviderTableModel(SqlListModel):
    """The provider directory, read a page at a time in the order the SQL gives."""

    headers = tuple(PROVIDER_HEADERS[column] for column in ProviderColumn)
    rows: list[ProviderRow]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        heading = super().headerData(section, orientation, role)
        if section in (ProviderColumn.ACCEPTING, ProviderColumn.REFERRALS) and heading:
            # Two lines: these columns hold "Yes" and a number, the names and
            # specialties beside them need the width.
            return str(heading).replace(" ", "\n", 1)
        return heading

    def style(self, row: ProviderRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.archived:
            return QBrush(theme.muted_text())
        return None

    def format_row(self, row: ProviderRow) -> tuple[str, ...]:
        return (
            row.name + (" (archived)" if row.archived else ""),
            label(KIND_LABELS, row.kind),
            row.specialty,
            "Yes" if row.accepting_clients else "Not at the moment",
            row.phone,
            str(row.open_referral_count) if row.open_referral_count else "",
        )


class SourceColumn(IntEnum):
    SOURCE = 0
    CLIENTS = 1
    FIRST_APPOINTMENTS = 2


SOURCE_HEADERS = {
    SourceColumn.SOURCE: "Source",
    SourceColumn.CLIENTS: "Clients referred",
    SourceColumn.FIRST_APPOINTMENTS: "First appointments",
}


class SourceReportModel(RowsTableModel):
    headers = tuple(SOURCE_HEADERS[column] for column in SourceColumn)
    rows: list[SourceReportRow]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = SourceColumn(index.column())
        value: str | int
        match column:
            case SourceColumn.SOURCE:
                value = row.label
            case SourceColumn.CLIENTS:
                value = row.clients_referred
            case SourceColumn.FIRST_APPOINTMENTS:
                value = row.first_appointments
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value)
        if role == SortRole:
            return value.casefold() if isinstance(value, str) else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not SourceColumn.SOURCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{SOURCE_HEADERS[column]}: {value}"
        return None
