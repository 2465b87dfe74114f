"""The fictional world of the demo practice: its names and texts, and small date and name helpers.

Surnames are words for "example" or "sample" in many languages, the address is in
Demo Town, e-mail addresses are at example.org (reserved by RFC 2606) and phone numbers
are in Ofcom's 07700 900xxx drama range.
"""

from __future__ import annotations

import calendar
import datetime as dt
import unicodedata

from clientcare.db.models import Urgency

PRACTICE_NAME = "Willow Lane Demo Practice (fictional)"
PRACTICE_ADDRESS = "1 Example Street\nDemo Town (a fictional place)"
PRACTICE_EMAIL = "willow-lane@example.org"
PRACTICE_PHONE = "07700 900000"

PRACTITIONER_NAMES = (
    "Dr. Ada Example",
    "Sam Sample",
    "Noor Placeholder",
    "Tomás Ejemplo",
    "Kit Muster",
)
SPECIALTIES = (
    "Couples and family work",
    "Grief and bereavement",
    "Work stress and burnout",
    "Anxiety and panic",
    "Young adults",
)

# (full name, preferred name, pronunciation, pronouns, e-mail local part); the first
# clients get these so even a small demo shows non-ASCII names and nicknames.
NAMED_CLIENTS: tuple[tuple[str, str, str, str, str], ...] = (
    ("Zoë Ñúñez", "Zoë", "ZOH-ee NOON-yeth", "she/her", "zoe.nunez"),
    ("Robert Demo", "Bobby", "", "he/him", "robert.demo"),
    ("Siobhán Sampla", "Siobhán", "SHIV-awn", "she/her", "siobhan.sampla"),
    ("Søren Eksempel", "Søren", "SUR-en", "", "soren.eksempel"),
    ("Ngozi Example", "Ngozi", "n-GOH-zee", "she/her", "ngozi.example"),
    ("山田例子", "Reiko", "RAY-koh yah-MAH-dah", "", "reiko.yamada"),
    ("李范例", "Fanli", "fahn-LEE", "he/him", "fanli.li"),
    ("홍길동", "Gildong", "gil-DONG", "", "gildong.hong"),
    ("Nguyễn Thị Mẫu", "Mẫu", "", "she/her", "mau.nguyen"),
    ("Oluwaseun Apẹẹrẹ", "Seun", "SHAY-oon", "he/him", "seun.apeere"),
    ("Katherine Beispiel", "Kate", "", "she/they", "katherine.beispiel"),
    ("Ólafur Dæmi", "Óli", "OH-la-vur", "he/him", "olafur.daemi"),
    ("Zofia Przykład", "Zosia", "ZOH-sha", "she/her", "zofia.przyklad"),
    ("Ayşe Örnek", "Ayşe", "EYE-sheh", "", "ayse.ornek"),
    ("Xóchitl Ejemplo", "Xóchitl", "SO-cheetl", "they/them", "xochitl.ejemplo"),
)

# (first name, a nickname some people go by, pronunciation hint)
FIRST_NAMES: tuple[tuple[str, str, str], ...] = (
    ("Zoë", "", ""),
    ("Søren", "", "SUR-en"),
    ("Siobhán", "", "SHIV-awn"),
    ("Ngozi", "", "n-GOH-zee"),
    ("José", "Pepe", "ho-SEH"),
    ("Anaïs", "", "ah-nah-EES"),
    ("Björn", "", "BYURN"),
    ("Chloé", "", ""),
    ("Dagný", "", "DAHG-nee"),
    ("Élodie", "", ""),
    ("Fatima", "", ""),
    ("Grzegorz", "Greg", "GZHEH-gosh"),
    ("Hélène", "", ""),
    ("Inés", "", ""),
    ("Jonas", "", ""),
    ("Kai", "", ""),
    ("Leilani", "Lani", "lay-LAH-nee"),
    ("Mateo", "", ""),
    ("Noor", "", ""),
    ("Oisín", "", "uh-SHEEN"),
    ("Renée", "", ""),
    ("Sanjay", "", ""),
    ("Tomás", "", ""),
    ("Uma", "", ""),
    ("Wiktoria", "Wika", "vik-TOR-ya"),
    ("Yusuf", "", ""),
    ("Zainab", "", ""),
    ("Robert", "Bobby", ""),
    ("Katherine", "Kate", ""),
    ("William", "Will", ""),
    ("Elizabeth", "Liz", ""),
    ("Alexander", "Sasha", ""),
    ("Margaret", "Maggie", ""),
    ("Benjamin", "Ben", ""),
    ("Jonathan", "Jon", ""),
    ("Aoife", "", "EE-fa"),
    ("Niamh", "", "NEEV"),
    ("Saoirse", "", "SEER-sha"),
    ("Tadhg", "", "TIGE"),
    ("Łukasz", "", "WOO-kash"),
    ("Ayşe", "", "EYE-sheh"),
    ("Kwame", "", "KWAH-may"),
    ("Priya", "", ""),
    ("Dmitri", "Dima", ""),
    ("Ingrid", "", ""),
    ("Rosa", "", ""),
    ("Theo", "", ""),
)

# Words for "example" or "sample" (and one test-string favourite, Ñúñez).
SURNAMES = (
    "Example",
    "Sample",
    "Demo",
    "Placeholder",
    "Ñúñez",
    "Ejemplo",
    "Exemplo",
    "Esempio",
    "Exemple",
    "Beispiel",
    "Muster",
    "Voorbeeld",
    "Eksempel",
    "Exempel",
    "Esimerkki",
    "Przykład",
    "Příklad",
    "Példa",
    "Örnek",
    "Sampla",
    "Dæmi",
    "Apẹẹrẹ",
)

PRONOUNS = ("she/her", "he/him", "they/them", "she/they", "he/they")

FACTS = (
    "Has a dog called Biscuit",
    "Training for a 10k in spring",
    "Likes to start with a few quiet minutes",
    "Works night shifts every other week",
    "Allergic to lavender: no diffuser in the room",
    "Cycles to sessions and needs somewhere for the bike",
    "Youngest starts school in September",
    "Finds the ground-floor room easier",
    "Prefers e-mail to phone calls",
    "Learning the cello",
    "Grandmother's birthday in June is an important date",
    "Hears better on the right side: sit to their right",
    "Takes the 8:15 bus; Monday mornings are tight",
    "Volunteers at the Demo Town library on Saturdays",
)

TOPICS = (
    "the sleep routine",
    "boundaries at work",
    "a recent family visit",
    "planning for the holidays",
    "the breathing exercise",
    "a difficult conversation with a flatmate",
    "getting back into running",
    "settling into a new job",
    "making time for rest",
    "keeping in touch with friends",
    "a change of plans at home",
    "what a good week looks like",
)
OPENERS = (
    "Checked in on the week.",
    "Picked up from last time.",
    "Started with a few quiet minutes.",
    "Began by looking back at the last two weeks.",
)
OBSERVATIONS = (
    "Some progress since the last session.",
    "A mixed week, with some good days.",
    "Agreed the plan still fits.",
    "Wants to take this more slowly.",
    "Seemed more settled by the end of the session.",
)
CLIENT_WORDS = (
    "It helps to say it out loud.",
    "I actually slept better this week.",
    "Small steps seem to work for me.",
    "I didn't expect to feel this calm.",
    "Some days are easier than others.",
    "I'd like to keep going with this.",
    "Work has been a lot lately.",
)
NOT_A_FIT_WORDS = "I'm not sure the journaling is for me."
NEXT_STEPS = (
    "Try the breathing exercise before bed.",
    "A short walk at lunchtime on three days this week.",
    "Bring the list of questions next time.",
    "Write down one good thing each evening.",
    "Talk to the manager about the rota.",
    "Keep the same time next week.",
)
MORE_HELPFUL = (
    "A few more minutes at the end to plan the week.",
    "Would have liked the summary by e-mail.",
    "Nothing this time; it felt right.",
    "More time on the practical side.",
    "A glass of water in the room.",
)
CALLS = (
    "Called to move next week's session; a new time was agreed.",
    "Returned a call about a receipt for last month.",
    "Called to check the room change for next week.",
)
ISSUES: tuple[tuple[str, str, str, Urgency], ...] = (
    (
        "Needs a letter confirming attendance",
        "Their employer asked for confirmation of regular appointments.",
        "Time off work depends on it.",
        Urgency.HIGH,
    ),
    (
        "Receipt shows an old address",
        "The monthly receipt still has the previous home address.",
        "Cannot claim from a workplace health plan until it is corrected.",
        Urgency.NORMAL,
    ),
    (
        "Would like evening sessions",
        "Only daytime sessions are offered at present.",
        "Hard to attend during a busy period at work.",
        Urgency.NORMAL,
    ),
    (
        "Waiting area feels visible from the street",
        "Would prefer to wait somewhere less on view.",
        "Feels uneasy arriving.",
        Urgency.LOW,
    ),
    (
        "Side ramp blocked on bin day",
        "Bins are left across the ramp on Tuesdays.",
        "Cannot reach the room step-free.",
        Urgency.HIGH,
    ),
    (
        "Weekend support numbers",
        "Asked who to contact between sessions at weekends.",
        "Wants a plan for weekends.",
        Urgency.CRISIS,
    ),
    (
        "Copy of session summaries",
        "Would like a copy of the summaries kept so far.",
        "Helps them remember what was agreed.",
        Urgency.LOW,
    ),
)
CLIENT_EXPECTATIONS = (
    "Will try the breathing exercise most evenings",
    "Will say if a session time stops working",
    "Would like a short written summary after each session",
)
WAIVER_REASONS = (
    "A courtesy: a family emergency that morning.",
    "The first missed session, and the reminder had not been sent.",
    "The client was unwell and could not call in time.",
)
PRACTICE_EXPECTATION = (
    "Sessions are 50 minutes and start on time. If I am running late you can wait, "
    "reschedule, or cancel without a fee."
)

#: Why a demo prospect did not go ahead (chosen by position, so the random draws stay as they were).
DECLINED_REASONS = (
    "Decided to wait until after moving house.",
    "Found a practitioner closer to work.",
    "The fee does not fit this year's budget; may come back later.",
    "Wants to try a group programme first.",
)


_ASCII_FOR = {"ø": "o", "æ": "ae", "ł": "l", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "œ": "oe"}


def ascii_fold(name: str) -> str:
    """Lower-case ASCII letters and digits only, for e-mail local parts ("Søren" → "soren")."""
    lowered = "".join(_ASCII_FOR.get(ch, ch) for ch in name.lower())
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum())


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), clipped to the end of a short month."""
    years, month_index = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month_index + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday, except the practice's closure from 24 December to 1 January."""
    closed = (day.month == 12 and day.day >= 24) or (day.month == 1 and day.day == 1)
    return day.weekday() < 5 and not closed


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """``day`` at ``hour``:``minute``."""
    return dt.datetime.combine(day, dt.time(hour, minute))
