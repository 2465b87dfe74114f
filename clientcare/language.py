"""The language check: pet names and shaming money words in notes and drafted messages.

Principle 9 (no pet names) and the money language of principle 6. The check is advisory:
it reports hits with a neutral suggestion and never blocks anything.

Matching works on a *folded* copy of the text (each character, or base character plus
its combining marks, NFKC-normalised and casefolded), with a map back to offsets in the
original string, so a hit's ``start``/``end`` slice the text exactly as written.

Whole words only: a listed word never matches inside another word ("honeymoon",
"endeared", "gloves"); letters, digits, underscores and combining marks count as word
characters, so punctuation, quotes, brackets, apostrophes and emoji are boundaries
("honey," "(dear)" "“sweetie”" "honey's"). The words of a phrase match across any run of
whitespace, line breaks included ("failed\\n to  pay"); a hyphen in a phrase also matches
U+2010 and an apostrophe also matches U+2019. Overlapping hits: the longest phrase wins.

"love" and "dear" are also ordinary words, so they are flagged only in an *address*
form (see :func:`_is_address`)::

    not flagged  "Dear Ann," "Dear Dr Lee"  first word of the text or a line, then a
                                            capitalised word: a salutation
    flagged      "Hi love" "Thanks, dear"   after a greeting (thanks, thank you, cheers,
                                            hi, hey, hello, bye, ok, okay), with only
                                            spaces or commas between
    flagged      "dear's"                   "dear" followed by 's (the pet name as a noun)
    not flagged  "I love" "we'd love," "with love," "oh dear!"
                                            straight after a pronoun, auxiliary, "to",
                                            a determiner or preposition, "oh"
    flagged      "love," "dear!" "love?"    followed (after closing quotes or brackets)
                                            by , ! ? a line break or the end of the text;
                 ", dear." ", love;"        or by . ; : when a comma comes just before
    not flagged  anything else              "We would love to help", "a dear friend"
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientcare.db.models import LanguageWord, WordList
from clientcare.defaults import default_words

__all__ = ["Hit", "LanguageChecker", "Word", "default_checker", "load_checker"]


@dataclass(frozen=True)
class Word:
    """One listed word or phrase and the neutral wording to suggest instead."""

    word_list: WordList
    phrase: str
    suggestion: str


@dataclass(frozen=True)
class Hit:
    """A flagged word: ``text[start:end]`` of the checked text is ``text``, as written."""

    start: int
    end: int
    text: str
    word_list: WordList
    suggestion: str
    message: str


# --------------------------------------------------------------------------
# Folding with an offset map
# --------------------------------------------------------------------------

_TABLE_LIMIT = 50_000  # characters remembered before a table starts afresh


def _fold(piece: str) -> str:
    """NFKC, casefold, NFKC again (the closure Unicode recommends for caseless matching)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", piece).casefold())


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table folding each character, filled in as characters are seen."""

    def __missing__(self, code: int) -> str:
        if len(self) >= _TABLE_LIMIT:
            self.clear()
        folded = self[code] = _fold(chr(code))
        return folded


class _KindTable(dict[int, str]):
    """A ``str.translate`` table: "m" combining mark, "x" folds to other than one character,
    "." folds to exactly one character."""

    def __missing__(self, code: int) -> str:
        if len(self) >= _TABLE_LIMIT:
            self.clear()
        char = chr(code)
        if unicodedata.category(char)[0] == "M":
            kind = "m"
        else:
            kind = "." if len(_fold(char)) == 1 else "x"
        self[code] = kind
        return kind


_FOLD_TABLE = _FoldTable()
_KIND_TABLE = _KindTable()
_IRREGULAR = re.compile(r"[^m]?m+|x")  # in the kinds string: a cluster with marks, or "x"
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@functools.cache
def _bmp_mark_class() -> str:
    """The body of a regex character class of the combining marks (M*) below U+10000.

    Kept to the BMP so that ``re`` compiles it to a fast lookup table; the few marks in
    planes 1 and 14 are checked by :func:`_is_astral_mark` instead.
    """
    ranges: list[list[int]] = []
    for code in range(0x10000):
        if unicodedata.category(chr(code))[0] != "M":
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(
        f"\\u{low:04x}" if low == high else f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges
    )


def _is_astral_mark(text: str, index: int) -> bool:
    """Whether ``text[index]`` exists and is a combining mark outside the BMP."""
    return (
        0 <= index < len(text)
        and text[index] > "\uffff"
        and unicodedata.category(text[index])[0] == "M"
    )


@dataclass(frozen=True)
class _Folded:
    """Folded text and, per folded character, the original span it came from."""

    text: str
    starts: list[int] | None = None  # None: folding kept every offset (ASCII text)
    ends: list[int] | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def _fold_text(text: str) -> _Folded:
    """Fold ``text`` piece by piece: a character, or a base character plus its marks."""
    if text.isascii():
        return _Folded(text.lower())
    distinct = set("".join(_NON_ASCII.findall(text)))
    if all(_KIND_TABLE[ord(char)] == "." for char in distinct):  # one for one: same offsets
        if all(char != "\u03a3" and char.lower() == _FOLD_TABLE[ord(char)] for char in distinct):
            return _Folded(text.lower())  # the quickest way, when it folds the same
        return _Folded(text.translate(_FOLD_TABLE))
    kinds = text.translate(_KIND_TABLE)
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for match in _IRREGULAR.finditer(kinds):
        start, end = match.span()
        if start > position:
            parts.append(text[position:start].translate(_FOLD_TABLE))
            starts.extend(range(position, start))
            ends.extend(range(position + 1, start + 1))
        folded = _fold(text[start:end])
        parts.append(folded)
        starts.extend([start] * len(folded))
        ends.extend([end] * len(folded))
        position = end
    if position < len(text):
        parts.append(text[position:].translate(_FOLD_TABLE))
        starts.extend(range(position, len(text)))
        ends.extend(range(position + 1, len(text) + 1))
    return _Folded("".join(parts), starts, ends)


_VARIANTS = ("-\u2010", "'\u2019")  # a hyphen or apostrophe in a phrase matches either


def _canonical(phrase: str) -> str:
    """The folded phrase with single spaces: the key a listed word is known by."""
    return " ".join(_fold_text(phrase).text.split())


def _phrase_pattern(canonical: str) -> str:
    """Regex for a folded phrase: words joined by any whitespace, dash/quote variants."""

    def char(c: str) -> str:
        for pair in _VARIANTS:
            if c in pair:
                return f"[{re.escape(pair)}]"
        return re.escape(c)

    return r"\s+".join("".join(char(c) for c in word) for word in canonical.split(" "))


# --------------------------------------------------------------------------
# The "love"/"dear" heuristic
# --------------------------------------------------------------------------

_ADDRESS_ONLY = frozenset({"love", "dear"})
_GREETING_BEFORE = re.compile(
    r"(?<![\w'’])(?:thanks|thank\s+you|cheers|hi|hey|hello|bye|ok|okay)[\s,]*\Z"
)
# Words straight before "love"/"dear" that make it a verb, noun or adjective.
_NOT_ADDRESS_CUES = frozenset({
    "i", "you", "we", "they", "he", "she", "it", "who",
    "would", "will", "do", "does", "did", "can", "could", "to", "really", "also", "just",
    "so", "much", "the", "a", "an", "our", "your", "his", "her", "their", "its",
    "with", "of", "in", "for", "oh",
})  # fmt: skip
_PREVIOUS_WORD = re.compile(r"([\w'’]+)[ \t]+\Z")
_AFTER = re.compile(r"[ \t\"'’”»)\]]*(?:([,!?\r\n]|\Z)|([.;:]))")
_APOSTROPHE = re.compile("['’]")
_CAPITALISED_NEXT = re.compile(r"[ \t]+(\w)")
_POSSESSIVE = re.compile(r"['’]s(?!\w)")
_CONTEXT = 40  # characters of folded text looked at either side


def _is_address(phrase: str, text: str, folded: str, start: int, end: int, orig_end: int) -> bool:
    """Whether an ambiguous word ("love", "dear") at ``folded[start:end]`` is an address."""
    window = max(0, start - _CONTEXT)
    if phrase == "dear" and not folded[folded.rfind("\n", 0, start) + 1 : start].strip(" \t"):
        name = _CAPITALISED_NEXT.match(text, orig_end)
        if name and name.group(1).isupper():
            return False  # "Dear Ann,": a salutation
    if _GREETING_BEFORE.search(folded, window, start):
        return True
    if phrase == "dear" and _POSSESSIVE.match(folded, end):
        return True
    previous = _PREVIOUS_WORD.search(folded, window, start)
    if previous and (
        previous.group(1) in _NOT_ADDRESS_CUES or _APOSTROPHE.search(previous.group(1))
    ):
        return False  # "I love", "we'd love", "with love", "oh dear"
    after = _AFTER.match(folded, end)
    if after is None:
        return False
    if after.group(1) is not None:
        return True
    return folded[window:start].rstrip(" \t").endswith(",")


# --------------------------------------------------------------------------
# The checker
# --------------------------------------------------------------------------


def _message(text: str, word: Word) -> str:
    shown = " ".join(text.split())
    suggestion = word.suggestion.strip()
    if word.word_list is WordList.PET_NAME:
        return f"“{shown}” is a pet name." + (f" {suggestion}" if suggestion else "")
    message = f"“{shown}” can sound shaming about money."
    if not suggestion:
        return message
    if suggestion.startswith("(") and suggestion.endswith(")"):
        return f"{message} Suggestion: {suggestion[1:-1].strip()}."
    return f"{message} Try: “{suggestion}”."


class LanguageChecker:
    """Finds listed words in text; compile once, then :meth:`check` on every keystroke."""

    def __init__(self, words: Iterable[Word]) -> None:
        by_key: dict[str, Word] = {}
        for word in words:
            key = _canonical(word.phrase)
            if key and key not in by_key:  # the first listing of a phrase wins
                by_key[key] = word
        self._keys = sorted(by_key, key=lambda key: (-len(key), key))
        self._words = [by_key[key] for key in self._keys]
        self._pattern: re.Pattern[str] | None = None
        if self._keys:
            word_char = f"[\\w{_bmp_mark_class()}]"
            alternatives = "|".join(
                f"(?P<w{index}>{_phrase_pattern(key)})(?!{word_char})"
                for index, key in enumerate(self._keys)
            )
            first = {key[0] for key in self._keys}
            first |= {variant for pair in _VARIANTS for variant in pair if first & set(pair)}
            # A lookahead, so that overlapping candidates are all seen; the first-character
            # class in front lets the scan skip most positions quickly.
            self._pattern = re.compile(
                f"(?=[{''.join(re.escape(char) for char in sorted(first))}])"
                f"(?<!{word_char})(?=(?:{alternatives}))"
            )

    @property
    def words(self) -> list[Word]:
        """The words this checker flags (one per phrase), longest first."""
        return list(self._words)

    def check(self, text: str) -> list[Hit]:
        """The hits in ``text``, ordered by start and non-overlapping (longest phrase wins)."""
        if self._pattern is None or not text:
            return []
        folded = _fold_text(text)
        keys = self._keys
        candidates: list[tuple[int, int, int, int]] = []  # original span, folded length, word
        for match in self._pattern.finditer(folded.text):
            name = match.lastgroup
            if name is None:  # pragma: no cover - every alternative is a named group
                continue
            index = int(name[1:])
            start, end = match.span(name)
            if _is_astral_mark(folded.text, start - 1) or _is_astral_mark(folded.text, end):
                continue  # inside a word after all
            orig_start, orig_end = folded.original_span(start, end)
            if keys[index] in _ADDRESS_ONLY and not _is_address(
                keys[index], text, folded.text, start, end, orig_end
            ):
                continue
            candidates.append((orig_start, orig_end, end - start, index))
        messages: dict[tuple[str, int], str] = {}
        hits = []
        for start, end, _length, index in _select(candidates):
            word = self._words[index]
            written = text[start:end]
            message = messages.get((written, index))
            if message is None:
                message = messages[written, index] = _message(written, word)
            hits.append(Hit(start, end, written, word.word_list, word.suggestion, message))
        return hits


def _select(candidates: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Non-overlapping candidates in order of start: longest first, then earliest, wins."""
    if all(a[1] <= b[0] for a, b in itertools.pairwise(candidates)):
        return candidates  # the usual case: nothing overlaps
    kept_starts: list[int] = []
    kept: list[tuple[int, int, int, int]] = []
    for candidate in sorted(candidates, key=lambda c: (-c[2], c[0])):
        start, end = candidate[0], candidate[1]
        at = bisect.bisect_left(kept_starts, start)
        if (at > 0 and kept[at - 1][1] > start) or (at < len(kept) and kept[at][0] < end):
            continue
        kept_starts.insert(at, start)
        kept.insert(at, candidate)
    return kept


def stored_words(session: Session) -> tuple[Word, ...]:
    """The word lists as stored (and edited in Settings), in their order."""
    rows = session.scalars(select(LanguageWord).order_by(LanguageWord.word_list, LanguageWord.id))
    return tuple(Word(row.word_list, row.word, row.suggestion or "") for row in rows)


@functools.lru_cache(maxsize=4)
def checker_for(words: tuple[Word, ...]) -> LanguageChecker:
    """The checker of ``words``, made once: compiling its pattern takes tens of
    milliseconds, and every note editor opened checks with the same lists."""
    return LanguageChecker(words)


def load_checker(session: Session) -> LanguageChecker:
    """A checker for the word lists as stored (and edited in Settings)."""
    return checker_for(stored_words(session))


@functools.cache
def default_checker() -> LanguageChecker:
    """A checker for the shipped word lists (resources/language_words.json)."""
    return LanguageChecker(
        Word(word_list, phrase, suggestion)
        for word_list, words in default_words().items()
        for phrase, suggestion in words
    )
