"""The language check: pet names and shaming money words, flagged as whole words."""

from __future__ import annotations

import itertools
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from clientcare.db.engine import Database
from clientcare.db.models import LanguageWord, WordList
from clientcare.defaults import default_words
from clientcare.language import Hit, LanguageChecker, Word, default_checker, load_checker

BLNS = Path(__file__).resolve().parents[3] / "shared" / "data" / "blns.json"
SHIPPED = [
    (word_list, phrase, suggestion)
    for word_list, words in default_words().items()
    for phrase, suggestion in words
]
#: A sentence in which each shipped word is used as a flaggable pet name or money word.
ADDRESS = {"love": "Thanks, {}!", "dear": "See you Tuesday, {}!"}


def found(text: str, checker: LanguageChecker | None = None) -> list[str]:
    """The matched texts, as written, in order."""
    return [hit.text for hit in (checker or default_checker()).check(text)]


def sliced(text: str, hits: list[Hit]) -> list[str]:
    return [text[hit.start : hit.end] for hit in hits]


# --------------------------------------------------------------------------
# True hits
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("word_list", "phrase", "suggestion"), SHIPPED)
def test_every_shipped_word_is_flagged(word_list: WordList, phrase: str, suggestion: str) -> None:
    text = ADDRESS.get(phrase, "Note: {} — as discussed.").format(phrase)
    hits = default_checker().check(text)
    assert [(hit.text, hit.word_list, hit.suggestion) for hit in hits] == [
        (phrase, word_list, suggestion)
    ]
    assert sliced(text, hits) == [phrase]


@pytest.mark.parametrize(("word_list", "phrase", "suggestion"), SHIPPED)
def test_every_shipped_word_is_flagged_in_capitals(
    word_list: WordList, phrase: str, suggestion: str
) -> None:
    text = ADDRESS.get(phrase, "{}").format(phrase.upper())
    assert found(text) == [phrase.upper()]


def test_the_shipped_lists_are_what_the_checker_knows() -> None:
    assert sorted((w.word_list, w.phrase) for w in default_checker().words) == sorted(
        (word_list, phrase) for word_list, phrase, _ in SHIPPED
    )


def test_messages_name_the_word_and_suggest_neutral_wording() -> None:
    honey, owe, deadbeat = default_checker().check("Honey, you owe it. Deadbeat.")
    assert honey.message == "“Honey” is a pet name. Use the client's preferred name."
    assert owe.message == "“you owe” can sound shaming about money. Try: “the balance is”."
    assert deadbeat.message == "“Deadbeat” can sound shaming about money. Suggestion: leave out."
    assert (owe.word_list, owe.suggestion) == (WordList.MONEY_SHAMING, "the balance is")


def test_a_message_shows_a_phrase_across_lines_on_one_line() -> None:
    (hit,) = default_checker().check("They failed\n   to pay.")
    assert hit.text == "failed\n   to pay"
    assert hit.message.startswith("“failed to pay” can sound")


def test_an_empty_suggestion_gives_a_plain_message() -> None:
    checker = LanguageChecker(
        [Word(WordList.PET_NAME, "pumpkin", ""), Word(WordList.MONEY_SHAMING, "broke", "")]
    )
    assert [hit.message for hit in checker.check("pumpkin, you are broke")] == [
        "“pumpkin” is a pet name.",
        "“broke” can sound shaming about money.",
    ]


# --------------------------------------------------------------------------
# No false hits
# --------------------------------------------------------------------------

INNOCENT = [
    "I was endeared by the honeymoon photos",
    "She loves lovely gloves",
    "We would love to help",
    "Dear Ann, thank you for coming",
    "Dear Dr Lee,\nThank you for the referral.",
    "Hello,\nDear Mr Okafor, welcome.",
    "The account owner signed the form",
    "I love the plan. They love it too.",
    "I'd love that, we'd love to see you.",
    "With love, from all of us",
    "Oh dear, the session ran over.",
    "A dear friend helped her move.",
    "She holds it dear.",
    "They fell in love!",
    "Hundreds of honeybees and a honeycomb",
    "The sweethearts' dance; sweetener; sugary tea",
    "Babel, babes in arms? Babies and babyish",
    "Hunger, hunting, honest, honour, Honolulu",
    "Darlington and Kiddos-free evenings",
    "Delinquency is a legal word; the payment is late",
    "You owed nothing. You owes? Your owl.",
    "They paid in arrear-style instalments",
    "nonpayment-free, defaulting, defaults",
    "hon_ey honey2 2honey",
    "glove, clove, Lovelace, beloved, lover",
]


@pytest.mark.parametrize("text", INNOCENT)
def test_no_false_hits(text: str) -> None:
    assert found(text) == []


# --------------------------------------------------------------------------
# Punctuation, case, whitespace, offsets
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks, honey, bye", ["honey"]),
        ("(dear)", ["dear"]),
        ("Hi love!", ["love"]),
        ("“sweetie”", ["sweetie"]),
        ("«Darling»", ["Darling"]),
        ("HONEY. Honey? hOnEy", ["HONEY", "Honey", "hOnEy"]),
        ("honey's file", ["honey"]),
        ("my dear's notes", ["dear"]),
        ("sweetie’s call", ["sweetie"]),
        ("You owe £40", ["You owe"]),
        ("you owe: £40", ["you owe"]),
        ("a non-payment notice", ["non-payment"]),
        ("a non‐payment notice", ["non‐payment"]),  # U+2010 HYPHEN
        ("honey-bunch", ["honey"]),
        ("kiddo.", ["kiddo"]),
        ("<b>hun</b>", ["hun"]),
        ("#babe @sugar", ["babe", "sugar"]),
        ("ＨＯＮＥＹ", ["ＨＯＮＥＹ"]),  # fullwidth: NFKC
    ],
)
def test_punctuation_and_case(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    ["failed\nto pay", "failed\n to  pay", "FAILED\t\tTO\r\nPAY", "failed\u00a0to\u2028pay"],
)
def test_phrases_match_across_any_whitespace(text: str) -> None:
    hits = default_checker().check(f"The client {text}.")
    assert [hit.text for hit in hits] == [text]
    assert hits[0].word_list is WordList.MONEY_SHAMING


def test_phrases_do_not_match_without_whitespace_or_with_other_words_between() -> None:
    assert found("failedto pay; failed not to pay; in-arrears") == []


@pytest.mark.parametrize(
    "text",
    [
        "Zoë 👋🏽 honey",
        "Zoe\u0308 👋🏽 honey",  # a combining diaeresis before the hit
        "👨‍👩‍👧 e\u0301\u0301\u0327 ﬃ ß İ honey",
        "\U0001d400\U0001d401 Σ ΣΑΣ 𝒽 honey",
        "\u0301 honey",
    ],
)
def test_offsets_slice_the_original_text(text: str) -> None:
    (hit,) = default_checker().check(text + " and more")
    assert (text + " and more")[hit.start : hit.end] == "honey" == hit.text


def test_offsets_cover_compatibility_forms_as_written() -> None:
    text = "ok \U0001d5c1\U0001d5c8\U0001d5c7\U0001d5be\U0001d5d2!"  # mathematical sans-serif
    (hit,) = default_checker().check(text)
    assert (hit.start, hit.end) == (3, 8)
    assert unicodedata.normalize("NFKC", hit.text) == "honey"


def test_a_composed_accent_makes_another_word() -> None:
    assert found("hone\u0301y honéy hon\u0308ey") == []
    assert found("honey\u0332") == []  # a combining mark joins the word


def test_hits_are_ordered_and_do_not_overlap() -> None:
    text = "Dear Ann,\nhoney, you owe £5 — failed to pay. Sweetie! darling"
    hits = default_checker().check(text)
    assert [hit.text for hit in hits] == [
        "honey",
        "you owe",
        "failed to pay",
        "Sweetie",
        "darling",
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(hits))


def test_the_longest_phrase_wins() -> None:
    checker = LanguageChecker(
        [
            Word(WordList.MONEY_SHAMING, "owe", "short"),
            Word(WordList.MONEY_SHAMING, "you owe", "middle"),
            Word(WordList.MONEY_SHAMING, "owe us money", "longest"),
            Word(WordList.PET_NAME, "sweet", "s"),
            Word(WordList.PET_NAME, "sweetheart", "s"),
        ]
    )
    assert [(h.text, h.suggestion) for h in checker.check("you owe us money")] == [
        ("owe us money", "longest")
    ]
    assert [(h.text, h.suggestion) for h in checker.check("you owe them")] == [
        ("you owe", "middle")
    ]
    assert [h.text for h in checker.check("sweetheart, sweet")] == ["sweetheart", "sweet"]
    assert checker.check("sweetheartless") == []


def test_duplicate_phrases_keep_the_first_listing() -> None:
    checker = LanguageChecker(
        [
            Word(WordList.PET_NAME, "Honey", "first"),
            Word(WordList.MONEY_SHAMING, "honey", "second"),
            Word(WordList.PET_NAME, "  ", "blank is ignored"),
        ]
    )
    assert [(h.word_list, h.suggestion) for h in checker.check("honey")] == [
        (WordList.PET_NAME, "first")
    ]
    assert len(checker.words) == 1


def test_an_empty_checker_finds_nothing() -> None:
    checker = LanguageChecker([])
    assert checker.check("honey, you owe") == []
    assert checker.check("") == []
    assert checker.words == []


def test_user_phrases_with_apostrophes_match_either_quote() -> None:
    checker = LanguageChecker([Word(WordList.MONEY_SHAMING, "you're late paying", "x")])
    assert found("You’re late paying. you're\nlate paying", checker) == [
        "You’re late paying",
        "you're\nlate paying",
    ]


# --------------------------------------------------------------------------
# The "love" / "dear" heuristic
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, love",
        "thanks love, see you",
        "Thank you love",
        "Hi love",
        "hello dear",
        "Bye, love.",
        "OK love",
        "okay dear, that works",
        "Cheers love",
        "See you soon, love!",
        "Are you well, dear?",
        "Love, see you Tuesday",
        "Dear, I hope you are well",
        "That's fine, dear.",
        "Don't worry, love; we will sort it",
        "Come in, dear",
        "“Thanks, love”",
        "Hi\nDear,",
        "my dear's appointment",
        "Morning love!\n",
        "Hold on love\nI will check",
    ],
)
def test_love_and_dear_as_an_address_are_flagged(text: str) -> None:
    assert [hit.text.casefold() for hit in default_checker().check(text)] in (["love"], ["dear"])


@pytest.mark.parametrize(
    "text",
    [
        "Dear Ann,",
        "Dear Ann, thank you",
        "Hi\nDear Ann,",
        "  Dear Dr Lee",
        "Dear Zoë,",
        "Notes:\nDear Émile,",
        "I love it",
        "I love!",
        "we love, we lose",
        "They love walking",
        "We would love to help",
        "I'd love to.",
        "the client's love, care and patience",
        "with love,",
        "Lots of love!",
        "so much love!",
        "Oh dear!",
        "oh dear, oh dear",
        "a dear friend",
        "Dear me, what a day",
        "She holds it dear.",
        "Love is patient",
        "Love the idea",
        "Thanks. Love the plan",
        "Dear all",
    ],
)
def test_love_and_dear_otherwise_are_not_flagged(text: str) -> None:
    assert found(text) == []


def test_the_salutation_rule_is_only_for_the_first_word_of_a_line() -> None:
    assert found("Dear Ann,\nhello dear Ann") == ["dear"]
    assert found("Thanks dear Ann") == ["dear"]


# --------------------------------------------------------------------------
# Loading the lists
# --------------------------------------------------------------------------


def test_load_checker_reads_the_seeded_lists(db: Database) -> None:
    with db.reading() as session:
        checker = load_checker(session)
    assert sorted((w.word_list, w.phrase, w.suggestion) for w in checker.words) == sorted(SHIPPED)
    assert found("honey, you owe", checker) == ["honey", "you owe"]


def test_load_checker_reads_edited_words(db: Database) -> None:
    with db.unit_of_work() as session:
        session.add(
            LanguageWord(word_list=WordList.PET_NAME, word="pumpkin", suggestion="Use the name.")
        )
        session.add(
            LanguageWord(word_list=WordList.MONEY_SHAMING, word="pay up", suggestion="settle")
        )
        session.execute(delete(LanguageWord).where(LanguageWord.word == "honey"))
    with db.reading() as session:
        checker = load_checker(session)
    hits = checker.check("Pumpkin, honey: please pay\nup")
    assert [(h.text, h.word_list, h.suggestion) for h in hits] == [
        ("Pumpkin", WordList.PET_NAME, "Use the name."),
        ("pay\nup", WordList.MONEY_SHAMING, "settle"),
    ]
    assert default_checker().check("honey") != []  # the shipped lists are unchanged


def test_load_checker_with_an_emptied_table_finds_nothing(db: Database) -> None:
    with db.unit_of_work() as session:
        session.execute(delete(LanguageWord))
    with db.reading() as session:
        checker = load_checker(session)
    assert checker.check("honey, you owe, delinquent") == []


# --------------------------------------------------------------------------
# Robustness
# --------------------------------------------------------------------------

PIECES = st.sampled_from(
    [phrase for _, phrase, _ in SHIPPED]
    + [phrase.upper() for _, phrase, _ in SHIPPED]
    + [" ", "\n", ", ", "!", "Dear ", "Ann", "Hi ", "thanks ", "I ", "'s", "\u0301", "👋🏽"]
    + ["ß", "ﬃ", "İ", "Σ", "\u00a0", "\u2028", "ｈｏｎｅｙ", "-", "’"]
)
TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=30).map("".join),
)


def _nfkc_fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text.casefold())


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_check_never_raises_and_hits_slice_to_their_phrase(text: str) -> None:
    checker = default_checker()
    phrases = {phrase for _, phrase, _ in SHIPPED}
    previous_end = 0
    for hit in checker.check(text):
        assert 0 <= previous_end <= hit.start < hit.end <= len(text)
        previous_end = hit.end
        assert text[hit.start : hit.end] == hit.text
        folded = _nfkc_fold(hit.text)
        assert any(all(word in folded for word in phrase.split()) for phrase in phrases), hit


def _naughty_strings() -> list[str]:
    if not BLNS.exists():
        return []
    data = json.loads(BLNS.read_text(encoding="utf-8"))
    return [item for item in data if isinstance(item, str)] if isinstance(data, list) else []


def test_check_never_raises_on_naughty_strings() -> None:
    strings = _naughty_strings()
    if not strings:
        pytest.skip(f"no naughty strings at {BLNS}")
    checker = default_checker()
    for text in strings:
        for hit in checker.check(text):
            assert text[hit.start : hit.end] == hit.text
    # All of them at once, too (a long note full of oddities).
    joined = "\n".join(strings)
    assert all(joined[h.start : h.end] == h.text for h in checker.check(joined))


def test_the_checker_is_made_once_for_the_same_lists(db: Database) -> None:
    """Every note editor checks with the practice's lists: the pattern is compiled once,
    and again only when the lists change."""
    with db.reading() as session:
        first, again = load_checker(session), load_checker(session)
    assert first is again
    with db.unit_of_work() as session:
        session.add(LanguageWord(word_list=WordList.PET_NAME, word="pumpkin", suggestion=""))
    with db.reading() as session:
        changed = load_checker(session)
    assert changed is not first
    assert found("hello pumpkin", changed) == ["pumpkin"]
    assert found("hello pumpkin", first) == []
