"""Dates, times and money written for people in the practice's locale (Babel, CLDR data).

Pure functions, no Qt: the UI passes the locale from the practice settings
(``clientcare.practice.get_settings(session).locale``). An unknown locale falls
back to ``en_GB``, the shipped default, so a bad setting never breaks a screen.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Literal

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_datetime_format, match_skeleton

from clientcare.config import DEFAULT_LOCALE
from clientcare.money_format import format_money

Width = Literal["short", "medium", "long", "full"]

__all__ = [
    "DEFAULT_LOCALE",
    "day",
    "day_month",
    "day_pattern",
    "day_time",
    "input_date_pattern",
    "input_date_time_pattern",
    "input_time_pattern",
    "locale_name",
    "money",
    "month_short",
    "month_year",
    "month_year_short",
    "number",
    "time",
    "time_range",
    "weekday_day",
    "weekday_day_short",
    "weekday_day_time",
    "weekday_short",
]


@lru_cache(maxsize=32)
def _parse(locale: str) -> Locale:
    try:
        return Locale.parse((locale or DEFAULT_LOCALE).replace("-", "_").split(".")[0])
    except (ValueError, TypeError, UnknownLocaleError):
        return Locale.parse(DEFAULT_LOCALE)


def locale_name(locale: str) -> str:
    """The locale as CLDR spells it (``de-DE`` → ``de_DE``); unknown ones give ``en_GB``."""
    return str(_parse(locale))


@lru_cache(maxsize=128)
def _skeleton(skeleton: str, locale: str, widen: bool) -> str:
    """The locale's pattern for a CLDR skeleton; ``widen`` spells weekday and month out."""
    parsed = _parse(locale)
    options = parsed.datetime_skeletons
    key = match_skeleton(skeleton, options) or next(iter(options))
    pattern: str = options[key].pattern
    if widen:
        # CLDR often has only the abbreviated form of a skeleton ("EEE, MMM d");
        # widening the fields gives the full names in the locale's own order.
        pattern = re.sub(r"(?<![Ec])[Ec]{1,3}(?![Ec])", "EEEE", pattern)
        pattern = re.sub(r"(?<![ML])([ML])\1\1(?![ML])", lambda m: m.group(1) * 4, pattern)
    return pattern


def day(date: dt.date, locale: str = DEFAULT_LOCALE, width: Width = "medium") -> str:
    """A date: ``23 Nov 2026`` (en_GB medium), ``Nov 23, 2026`` (en_US), ``23.11.2026`` (de)."""
    return str(format_date(date, format=width, locale=_parse(locale)))


def day_pattern(date: dt.date, pattern: str, locale: str = DEFAULT_LOCALE) -> str:
    """A date written with a CLDR ``pattern`` ("d MMMM y") in ``locale``."""
    return str(format_date(date, pattern, locale=_parse(locale)))


def day_month(date: dt.date, locale: str = DEFAULT_LOCALE) -> str:
    """A date without its year: ``23 Nov`` (en_GB), ``Nov 23`` (en_US)."""
    return str(format_date(date, _skeleton("MMMd", locale, False), locale=_parse(locale)))


def weekday_short(date: dt.date, locale: str = DEFAULT_LOCALE) -> str:
    """The abbreviated weekday: ``Mon`` (en_GB), ``Mo.`` (de)."""
    return str(format_date(date, "EEE", locale=_parse(locale)))


def weekday_day_short(date: dt.date, locale: str = DEFAULT_LOCALE) -> str:
    """A calendar column's heading: ``Mon 23 Nov`` (en_GB), ``Mon, Nov 23`` (en_US)."""
    return str(format_date(date, _skeleton("MMMEd", locale, False), locale=_parse(locale)))


def weekday_day_year_short(date: dt.date, locale: str = DEFAULT_LOCALE) -> str:
    """A date in a sentence: ``Tue, 1 Dec 2026`` (en_GB), ``Tue, Dec 1, 2026`` (en_US),
    ``Di., 1. Dez. 2026`` (de)."""
    return str(format_date(date, _skeleton("yMMMEd", locale, False), locale=_parse(locale)))


def weekday_day(date: dt.date, locale: str = DEFAULT_LOCALE) -> str:
    """The weekday, day and month: ``Monday 23 November`` (en_GB)."""
    return str(format_date(date, _skeleton("MMMMEEEEd", locale, True), locale=_parse(locale)))


def month_year(date: dt.date, locale: str = DEFAULT_LOCALE) -> str:
    """``November 2026`` (en_GB), ``novembre 2026`` (fr)."""
    return str(format_date(date, _skeleton("yMMMM", locale, False), locale=_parse(locale)))


def month_short(date: dt.date, locale: str = DEFAULT_LOCALE) -> str:
    """The abbreviated month on its own, as under a chart's column: ``Nov``, ``nov.`` (fr)."""
    return str(format_date(date, "LLL", locale=_parse(locale)))


def month_year_short(date: dt.date, locale: str = DEFAULT_LOCALE) -> str:
    """``Nov 2026`` (en_GB), ``Nov. 2026`` (de)."""
    return str(format_date(date, _skeleton("yMMM", locale, False), locale=_parse(locale)))


def time(
    moment: dt.time | dt.datetime, locale: str = DEFAULT_LOCALE, *, seconds: bool = False
) -> str:
    """A time of day: ``14:05`` (en_GB), ``2:05 PM`` (en_US); ``14:05:07`` with ``seconds``."""
    if isinstance(moment, dt.datetime):
        moment = moment.time()
    width = "medium" if seconds else "short"
    return str(format_time(moment, format=width, locale=_parse(locale)))


def time_range(start: dt.datetime, end: dt.datetime, locale: str = DEFAULT_LOCALE) -> str:
    """``14:00–14:50`` (en_GB)."""
    return f"{time(start, locale)}\u2013{time(end, locale)}"


def day_time(moment: dt.datetime, locale: str = DEFAULT_LOCALE) -> str:
    """A date and a time: ``23 Nov 2026, 14:05`` (en_GB); the locale's words between them
    are written without CLDR's quotes (``{1} 'um' {0}`` gives ``… um …``)."""
    pattern = str(get_datetime_format("medium", locale=_parse(locale))).replace("'", "")
    return pattern.replace("{1}", day(moment.date(), locale)).replace("{0}", time(moment, locale))


def weekday_day_time(moment: dt.datetime, locale: str = DEFAULT_LOCALE) -> str:
    """An entry in a list of sessions: ``Mon 23 Nov 2026 14:05`` (en_GB)."""
    date = moment.date()
    return f"{weekday_short(date, locale)} {day(date, locale)} {time(moment, locale)}"


def number(value: int, locale: str = DEFAULT_LOCALE) -> str:
    """A count for people: ``number(14700, "en_GB") == "14,700"``, ``"14.700"`` (de)."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_parse(locale))


def money(minor: int, currency: str, locale: str = DEFAULT_LOCALE) -> str:
    """An amount in minor units: ``money(1234, "GBP", "en_GB") == "£12.34"``."""
    return format_money(minor, currency, str(_parse(locale)))


# Patterns for input fields: the UI converts them to its widgets' own format letters.


def input_date_pattern(locale: str = DEFAULT_LOCALE, *, weekday: bool = False) -> str:
    """The CLDR pattern of a date field: ``d MMM y`` (en_GB), ``MMM d, y`` (en_US),
    ``d. MMM y`` (de); with ``weekday``, ``E d MMM y``-like. The month is a word, so a
    typed date is never read the wrong way round.
    """
    return _skeleton("yMMMEd" if weekday else "yMMMd", locale, False)


def input_time_pattern(locale: str = DEFAULT_LOCALE) -> str:
    """The CLDR pattern of a time field: ``HH:mm`` (en_GB, de), ``h:mm a`` (en_US)."""
    return str(_parse(locale).time_formats["short"].pattern)


def input_date_time_pattern(locale: str = DEFAULT_LOCALE, *, weekday: bool = True) -> str:
    """A date field's pattern and a time field's, joined as the locale joins them."""
    joined = str(get_datetime_format("medium", locale=_parse(locale)))
    date_part = input_date_pattern(locale, weekday=weekday)
    return joined.replace("{1}", date_part).replace("{0}", input_time_pattern(locale))
