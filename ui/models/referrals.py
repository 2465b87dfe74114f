"""Referrals, the provider directory and the sources report as Qt table models."""

from __future__ import annotations

import datetime as dt
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont

from clientcare import locale_format
from clientcare.db.models import ReferralUrgency, WarmHandoff
from clientcare.referrals import (
    HANDOFF_LABELS,
    KIND_LABELS,
    STATUS_LABELS,
    URGENCY_LABELS,
    ProviderRow,
    ReferralRow,
    SourceReportRow,
    sort_key,
)
from ui import theme
from ui.labels import label
from ui.models.base import Index, RowsTableModel

#: Role holding the id of a row (referral or provider).
IdRole = Qt.ItemDataRole.UserRole + 1
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

_URGENCY_ORDER = {urgency: number for number, urgency in enumerate(ReferralUrgency)}


class ReferralTableModel(RowsTableModel):
    headers = tuple(REFERRAL_HEADERS[column] for column in ReferralColumn)
    rows: list[ReferralRow]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.locale = locale_format.DEFAULT_LOCALE  # the practice's; the screen sets it

    def row_for_id(self, referral_id: int) -> int | None:
        for number, row in enumerate(self.rows):
            if row.id == referral_id:
                return number
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = ReferralColumn(index.column())
        if role == IdRole:
            return row.id
        if role == SortRole:
            return self._sort_value(row, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{REFERRAL_HEADERS[column]}: {self._display(row, column) or 'none'}"
        highlight = column is ReferralColumn.FOLLOW_UP and row.follow_up_due
        if role == Qt.ItemDataRole.ForegroundRole and highlight:
            return QBrush(
                theme.text_colour((theme.OVERDUE if row.days_overdue else theme.DUE).colour)
            )
        if role == Qt.ItemDataRole.FontRole and highlight:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, row: ReferralRow, column: ReferralColumn) -> str:
        match column:
            case ReferralColumn.FOLLOW_UP:
                return follow_up_text(row, self.locale)
            case ReferralColumn.CLIENT:
                return row.client_name
            case ReferralColumn.PROVIDER:
                marker = "" if row.provider_accepting else " (not accepting)"
                return row.provider_name + marker
            case ReferralColumn.STATUS:
                return label(STATUS_LABELS, row.status)
            case ReferralColumn.URGENCY:
                return label(URGENCY_LABELS, row.urgency)
            case ReferralColumn.HANDOFF:
                return handoff_text(row, self.locale)
            case ReferralColumn.REFERRED:
                return short_date(row.referred_on, self.locale)

    def _sort_value(self, row: ReferralRow, column: ReferralColumn) -> Any:
        match column:
            case ReferralColumn.FOLLOW_UP:
                return "|".join(str(part) for part in _padded(sort_key(row)))
            case ReferralColumn.URGENCY:
                return _URGENCY_ORDER[row.urgency]
            case ReferralColumn.REFERRED:
                return row.referred_on.isoformat()
            case ReferralColumn.STATUS:
                return list(STATUS_LABELS).index(row.status)
            case _:
                return self._display(row, column).casefold()


def _padded(key: tuple[int, int, int, dt.date, int]) -> tuple[str, ...]:
    """``sort_key`` as text that sorts the same way (days overdue are non-negative)."""
    due, minus_days, status, day, referral_id = key
    return (
        str(due),
        f"{100000 + minus_days:06d}",
        str(status),
        day.isoformat(),
        f"{referral_id:09d}",
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


class ProviderTableModel(RowsTableModel):
    headers = tuple(PROVIDER_HEADERS[column] for column in ProviderColumn)
    rows: list[ProviderRow]

    def row_for_id(self, provider_id: int) -> int | None:
        for number, row in enumerate(self.rows):
            if row.id == provider_id:
                return number
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = ProviderColumn(index.column())
        if role == IdRole:
            return row.id
        if role == SortRole:
            if column is ProviderColumn.REFERRALS:
                return row.open_referral_count
            return self._display(row, column).casefold()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{PROVIDER_HEADERS[column]}: {self._display(row, column) or 'none'}"
        if role == Qt.ItemDataRole.ForegroundRole and row.archived:
            return QBrush(theme.muted_text())
        return None

    @staticmethod
    def _display(row: ProviderRow, column: ProviderColumn) -> str:
        match column:
            case ProviderColumn.NAME:
                return row.name + (" (archived)" if row.archived else "")
            case ProviderColumn.KIND:
                return label(KIND_LABELS, row.kind)
            case ProviderColumn.SPECIALTY:
                return row.specialty
            case ProviderColumn.ACCEPTING:
                return "Yes" if row.accepting_clients else "Not at the moment"
            case ProviderColumn.PHONE:
                return row.phone
            case ProviderColumn.REFERRALS:
                return str(row.open_referral_count) if row.open_referral_count else ""


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
