"""The type-ahead client picker: every dialog that asks "which client?" uses it.

A practice of 20,000 clients is searched, never listed: the picker holds at most
``clientcare.clients.PICK_LIMIT`` suggestions, read as the person types with the same
search as the Clients list (every word, accents and case ignored; names, e-mail, phone).
Today's clients and the ones seen recently come first; two clients with the same name
are told apart by their next (or last) appointment. Down on an empty field offers
today's and the recent clients.

Typing a name in full and leaving the field also works, when exactly one client has
that name (the dialogs then let the domain say why, say, a closed client cannot be
booked).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QToolButton, QWidget

from clientcare import clients, locale_format
from clientcare.audit import current_practitioner_id
from clientcare.clients import ClientChoice
from clientcare.db.models import ClientStatus
from clientcare.practice import get_settings
from ui import labels
from ui.object_tree import descendants
from ui.ops import Operations
from ui.theme import look

#: The suggestion's ClientChoice, and the text put in the field when it is highlighted.
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1
LABEL_ROLE = Qt.ItemDataRole.UserRole + 2
#: Typing pauses this long before the suggestions are read (a fast typist reads once).
TYPING_PAUSE_MS = 60
#: The suggestions are at least this wide, so a long name and its hint fit.
POPUP_MIN_WIDTH = 420


class ClientPicker(QLineEdit):
    """A line to type a client's name in, with suggestions from the domain's search.

    ``chosen`` is emitted with the client id when a suggestion is chosen (None when the
    text is cleared). ``statuses`` limits the suggestions (a booking suggests the
    clients who can be booked); a name typed in full is found whatever its status.
    ``exclude``: clients never suggested (a client as the one who referred themself).
    """

    chosen = Signal(object)

    def __init__(
        self,
        ops: Operations,
        *,
        statuses: frozenset[ClientStatus] | None = None,
        exclude: frozenset[int] = frozenset(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.statuses = statuses
        self.exclude = exclude
        self.setObjectName("client_picker")
        self.setPlaceholderText(self.tr("Start typing a name"))
        self.setClearButtonEnabled(True)
        for button in descendants(self, QToolButton):  # the clear button: an icon only
            button.setAccessibleName(self.tr("Clear the client"))
        self.setAccessibleDescription(
            self.tr("Type part of a name, e-mail or phone number, then choose from the list")
        )
        self._choice: ClientChoice | None = None
        self._shown = ""  # the chosen client as the field shows it (with what tells them apart)
        self._first: list[int] | None = None  # today's and recent clients, read once
        self._locale: str | None = None
        self.model = QStandardItemModel(self)
        self.completer_ = QCompleter(self.model, self)
        self.completer_.setWidget(self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setMaxVisibleItems(10)
        self.completer_.setCompletionRole(LABEL_ROLE)
        # The stubs type a signal as not indexable; [QModelIndex] picks the index overload.
        self.completer_.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        popup = self._popup()
        popup.setObjectName("client_picker_suggestions")
        look(popup, "list")
        popup.setAccessibleName(self.tr("Matching clients"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.suggest)
        self.textEdited.connect(self._edited)

    # -- what was chosen -----------------------------------------------------------

    def client_id(self) -> int | None:
        """The client chosen, or the one client whose name is typed in full; else None."""
        text = self.text().strip()
        if self._choice is not None and text in (self._shown, self._choice.label):
            return self._choice.id
        if not text:
            return None
        typed = text.split(" · ", 1)[0]  # a suggestion's words, typed or pasted in full
        return self.ops.read(lambda s: clients.find_by_label(s, typed))

    def set_client(self, client_id: int | None) -> None:
        """Show ``client_id`` as chosen (None: empty)."""
        if client_id is None:
            self._choice = None
            self.clear()
            return
        found = self.ops.read(
            lambda s: clients.pick_clients(s, "", now=self.now(), first=[client_id])
        )
        self._show(found[0] if found else None)

    def refresh(self) -> None:
        """Read the chosen client again (renamed elsewhere); suggestions are read anew."""
        self._first = None
        if self._choice is not None and self.text().strip() == self._shown:
            self.set_client(self._choice.id)

    def _show(self, choice: ClientChoice | None) -> None:
        """Put ``choice`` in the field as the suggestions showed it: a client who shares
        their name stays told apart once chosen."""
        self._choice = choice
        self._shown = self._describe(choice) if choice is not None else ""
        self.setText(self._shown)
        self.setCursorPosition(0)
        self.setToolTip(self._shown)

    def suggestions(self) -> list[str]:
        """The suggestions shown now, as the person reads them."""
        return [self.model.item(row).text() for row in range(self.model.rowCount())]

    def _popup(self) -> QAbstractItemView:
        """The completer's pop-up list (QCompleter makes one when first asked)."""
        popup = self.completer_.popup()
        assert popup is not None
        return popup

    # -- hooks tests replace -------------------------------------------------------

    def now(self) -> dt.datetime:
        return dt.datetime.now()

    # -- suggesting ----------------------------------------------------------------

    def suggest(self) -> None:
        """Read the suggestions for what is typed and show them under the field."""
        self._timer.stop()
        text = self.text().strip()
        now = self.now()
        if self._first is None or self._locale is None:

            def first(session: object) -> tuple[list[int], str]:
                return (
                    clients.first_choices(
                        session,  # type: ignore[arg-type]
                        now=now,
                        practitioner_id=current_practitioner_id(session),  # type: ignore[arg-type]
                    ),
                    get_settings(session).locale,  # type: ignore[arg-type]
                )

            self._first, self._locale = self.ops.read(first)
        first_ids = self._first
        found = self.ops.read(
            lambda s: clients.pick_clients(
                s,
                text,
                now=now,
                first=first_ids,
                statuses=self.statuses,
                exclude=tuple(self.exclude),
            )
        )
        self.model.clear()
        for choice in found:
            item = QStandardItem(self._describe(choice))
            item.setEditable(False)
            item.setData(choice, CHOICE_ROLE)
            item.setData(item.text(), LABEL_ROLE)
            self.model.appendRow(item)
        if not found:
            self._popup().hide()
            return
        rect = QRect(0, 0, max(self.width(), POPUP_MIN_WIDTH), self.height())
        self.completer_.complete(rect)

    def _describe(self, choice: ClientChoice) -> str:
        """The label, and what tells it apart: today, another status, the appointments."""
        parts = [choice.label]
        if self._locale is None:
            self._locale = self.ops.read(lambda s: get_settings(s).locale)
        locale = self._locale
        if choice.today:
            parts.append(self.tr("today"))
        if choice.status not in clients.BOOKABLE_STATUSES:
            parts.append(labels.label(clients.STATUS_LABELS, choice.status).lower())
        if choice.same_name:
            if choice.next_at is not None:
                parts.append(
                    self.tr("next {when}").format(
                        when=locale_format.weekday_day_time(choice.next_at, locale)
                    )
                )
            elif choice.last_at is not None:
                parts.append(
                    self.tr("last seen {day}").format(
                        day=locale_format.day(choice.last_at.date(), locale)
                    )
                )
            else:
                parts.append(self.tr("no appointments yet"))
        return " · ".join(parts)

    def _edited(self, text: str) -> None:
        if self._choice is not None and text.strip() != self._shown:
            self._choice = None
            self.setToolTip("")
            if not text.strip():
                self.chosen.emit(None)
        self._timer.start()

    def _activated(self, index: QModelIndex) -> None:
        choice = index.data(CHOICE_ROLE)
        if not isinstance(choice, ClientChoice):
            return
        self._show(choice)
        self.chosen.emit(choice.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Down opens the suggestions (today's and recent clients on an empty field).
        if event.key() == Qt.Key.Key_Down and not self._popup().isVisible():
            self.suggest()
            return
        super().keyPressEvent(event)
