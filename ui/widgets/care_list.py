"""Today's care list: grouped, calm, and each item one click from its action."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clientcare import locale_format, money
from clientcare.care import (
    GROUP_LABELS,
    SECTION_OF,
    TODAY_LIMIT,
    CareItem,
    CareKind,
    CareList,
    care_list,
)
from clientcare.clients import client_label
from clientcare.practice import get_settings
from clientcare.scope import Scope
from ui import labels
from ui.labels import QT_TRANSLATE_NOOP
from ui.ops import Operations
from ui.theme import SPACE_XL, SPACE_XS, empty_state, look, set_heading
from ui.widgets.scope_choice import ScopeChoice

ITEM_ROLE = Qt.ItemDataRole.UserRole
#: On a "… more" row: the section where the whole list of its kind is.
MORE_ROLE = Qt.ItemDataRole.UserRole + 1

#: At most this many items of each kind are listed (read so in SQL); the group says how
#: many there are in all, and its last row leads to the section that lists them all.
CARE_LIMIT = TODAY_LIMIT

#: Where the whole list of each section is (shown with ``labels.translate``).
SECTION_NAMES: dict[str, str] = {
    "followups": QT_TRANSLATE_NOOP("labels", "Follow-ups"),
    "referrals": QT_TRANSLATE_NOOP("labels", "Referrals"),
    "money": QT_TRANSLATE_NOOP("labels", "Money"),
}


def read_care_list(ops: Operations, today: dt.date, scope: Scope) -> CareList:
    """The care list Today shows (and the sidebar counts): ``scope``'s clients, at most
    CARE_LIMIT of each kind, every item counted."""
    return ops.read(lambda s: care_list(s, today=today, scope=scope, limit=CARE_LIMIT))


#: What the main button does for each kind of item (shown with ``labels.translate``).
ACTION_LABELS: dict[CareKind, str] = {
    CareKind.ISSUE: QT_TRANSLATE_NOOP("labels", "Open in Follow-ups"),
    CareKind.EXPECTATION: QT_TRANSLATE_NOOP("labels", "Open in Follow-ups"),
    CareKind.CHECKIN: QT_TRANSLATE_NOOP("labels", "Open in Follow-ups"),
    CareKind.REFERRAL: QT_TRANSLATE_NOOP("labels", "Open in Referrals"),
    CareKind.MONEY_FOLLOW_UP: QT_TRANSLATE_NOOP("labels", "Mark followed up"),
    CareKind.PLAN: QT_TRANSLATE_NOOP("labels", "Open client"),
}


class CareListPanel(QWidget):
    """The groups of :func:`clientcare.care.care_list`, with "Open client" and the action."""

    open_client = Signal(int)
    open_item = Signal(object)  # a CareItem to show where it is handled
    open_section = Signal(str)  # the section that lists every item of a cut group
    loaded = Signal(object)  # the CareList just read (the sidebar counts come from it)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.care = CareList(())
        self.today = dt.date.today()
        self.practice_locale = locale_format.DEFAULT_LOCALE  # the practice's, read on each refresh

        self.title = QLabel(self.tr("Needs care"))
        self.title.setObjectName("care_title")
        set_heading(self.title, "heading")
        # Your clients' care by default; the whole practice's on request (clientcare.scope).
        self.scope_choice = ScopeChoice(ops)
        self.scope_choice.changed.connect(
            lambda: self.refresh(self.today, locale=self.practice_locale)
        )
        self.notice = QLabel()
        self.notice.setObjectName("care_notice")
        self.notice.setWordWrap(True)
        look(self.notice, "notice")
        self.notice.hide()

        self.tree = QTreeWidget()
        self.tree.setObjectName("care_tree")
        self.tree.setAccessibleName(self.tr("Needs care"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Client"), self.tr("What"), self.tr("Since")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        look(self.tree, "list")
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        # In the tree's place when it is empty: what it would show, so the calm is legible.
        self.empty = empty_state(self.tr("Nothing needs care today."), "care_empty")
        self.empty.setMargin(0)
        self.empty_hint = empty_state(
            self.tr(
                "Open issues, expectations to review, check-ins due, referral follow-ups and "
                "money conversations to follow up appear here on the day they need you."
            ),
            "care_empty_hint",
        )
        self.empty_hint.setMargin(0)
        self.empty_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_box = QWidget()
        self.empty_box.setObjectName("care_empty_box")
        empty_layout = QVBoxLayout(self.empty_box)
        empty_layout.setContentsMargins(SPACE_XL, SPACE_XL, SPACE_XL, SPACE_XL)
        empty_layout.setSpacing(SPACE_XS)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty)
        empty_layout.addWidget(self.empty_hint)
        empty_layout.addStretch(1)

        self.open_button = QPushButton(self.tr("Open client"))
        self.open_button.setObjectName("care_open_client")
        self.action_button = QPushButton()
        self.action_button.setObjectName("care_action")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.action_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title)
        title_row.addStretch(1)
        title_row.addWidget(self.scope_choice)
        layout.addLayout(title_row)
        layout.addWidget(self.notice)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_box, 1)
        layout.addLayout(buttons)

        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.open_button.clicked.connect(self._open_client)
        self.action_button.clicked.connect(self.act)
        self._update_buttons()

    # -- filling -------------------------------------------------------------------

    def refresh(self, today: dt.date, *, locale: str | None = None) -> None:
        """Read the care list of ``today``; due dates in ``locale`` (the practice's).

        Without ``locale`` the practice's is read here.
        """
        self.today = today
        self.practice_locale = (
            locale if locale is not None else self.ops.read(lambda s: get_settings(s).locale)
        )
        selected = self.current()
        self.care = read_care_list(self.ops, today, self.scope_choice.scope())
        self.tree.clear()
        bold = QFont()
        bold.setBold(True)
        for kind in CareKind:
            items = self.care.of(kind)
            total = self.care.total(kind)
            if not total:
                continue
            heading = labels.label(GROUP_LABELS, kind)
            count = (
                self.tr("{group} ({n})").format(group=heading, n=total)
                if total == len(items)
                else self.tr("{group} ({shown} of {n})").format(
                    group=heading, shown=len(items), n=total
                )
            )
            group = QTreeWidgetItem([count])
            group.setFirstColumnSpanned(True)
            group.setFont(0, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for care in items:
                name = client_label(care.client_full_name, care.client_name)
                row = QTreeWidgetItem(
                    ["    " + name, care.title, care.since(today, self.practice_locale)]
                )
                row.setData(0, ITEM_ROLE, care)
                row.setToolTip(1, care.title)
                self.tree.addTopLevelItem(row)
                if selected is not None and (care.kind, care.ref_id) == (
                    selected.kind,
                    selected.ref_id,
                ):
                    self.tree.setCurrentItem(row)
            if total > len(items):
                section = SECTION_OF[kind]
                more = QTreeWidgetItem(
                    [
                        "    "
                        + self.tr("{n} more: see them all in {section}").format(
                            n=locale_format.number(total - len(items), self.practice_locale),
                            section=labels.translate(SECTION_NAMES[section]),
                        )
                    ]
                )
                more.setFirstColumnSpanned(True)
                more.setData(0, MORE_ROLE, section)
                more.setForeground(0, self.palette().brush(QPalette.ColorRole.Link))
                self.tree.addTopLevelItem(more)
                more.setFirstColumnSpanned(True)
        self.notice.setText(self.care.notice)
        self.notice.setVisible(bool(self.care.notice))
        mine_only = not self.scope_choice.isHidden() and not self.care.scope.whole_practice
        self.empty.setText(
            self.tr("Nothing needs care for your clients today.")
            if mine_only
            else self.tr("Nothing needs care today.")
        )
        has_items = bool(self.care.items)
        self.tree.setVisible(has_items)
        self.empty_box.setVisible(not has_items)
        self._update_buttons()
        self.loaded.emit(self.care)

    def current(self) -> CareItem | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        value = item.data(0, ITEM_ROLE)
        return value if isinstance(value, CareItem) else None

    def current_section(self) -> str | None:
        """The section a selected "… more" row leads to, or None."""
        item = self.tree.currentItem()
        value = item.data(0, MORE_ROLE) if item is not None else None
        return value if isinstance(value, str) else None

    def _update_buttons(self) -> None:
        care = self.current()
        section = self.current_section()
        self.open_button.setEnabled(care is not None)
        self.action_button.setVisible(
            section is not None or (care is not None and care.kind is not CareKind.PLAN)
        )
        if section is not None:
            self.action_button.setText(
                self.tr("Open {section}").format(section=labels.translate(SECTION_NAMES[section]))
            )
        elif care is not None:
            self.action_button.setText(labels.translate(ACTION_LABELS[care.kind]))

    # -- actions -------------------------------------------------------------------

    def _open_client(self) -> None:
        care = self.current()
        if care is not None:
            self.open_client.emit(care.client_id)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if isinstance(item.data(0, ITEM_ROLE), CareItem) or item.data(0, MORE_ROLE):
            self.tree.setCurrentItem(item)
            self.act()

    def act(self) -> None:
        """The selected item's action: follow it up here, or go where it is handled."""
        section = self.current_section()
        if section is not None:
            self.open_section.emit(section)
            return
        care = self.current()
        if care is None:
            return
        if care.kind is CareKind.MONEY_FOLLOW_UP:
            today = self.today
            self.ops.run(lambda s: money.complete_follow_up(s, care.ref_id, done_on=today))
            self.refresh(today, locale=self.practice_locale)
            return
        if care.kind is CareKind.PLAN:
            self.open_client.emit(care.client_id)
            return
        self.open_item.emit(care)
