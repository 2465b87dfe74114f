"""Dates, times and money in the practice's locale."""

from __future__ import annotations

import datetime as dt

import pytest

from clientcare import locale_format as fmt

MOMENT = dt.datetime(2026, 11, 23, 14, 5)


def test_en_gb_reads_as_the_app_always_did() -> None:
    assert fmt.weekday_day(MOMENT.date(), "en_GB") == "Monday 23 November"
    assert fmt.day(MOMENT.date(), "en_GB") == "23 Nov 2026"
    assert fmt.day_month(MOMENT.date(), "en_GB") == "23 Nov"
    assert fmt.month_year(MOMENT.date(), "en_GB") == "November 2026"
    assert fmt.weekday_short(MOMENT.date(), "en_GB") == "Mon"
    assert fmt.weekday_day_short(MOMENT.date(), "en_GB") == "Mon 23 Nov"
    assert fmt.time(MOMENT, "en_GB") == "14:05"
    assert fmt.time(MOMENT.time(), "en_GB") == "14:05"
    assert fmt.time_range(MOMENT, MOMENT + dt.timedelta(minutes=50), "en_GB") == "14:05\u201314:55"
    assert fmt.day_time(MOMENT, "en_GB") == "23 Nov 2026, 14:05"
    assert fmt.weekday_day_time(MOMENT, "en_GB") == "Mon 23 Nov 2026 14:05"
    assert fmt.money(123456, "GBP", "en_GB") == "£1,234.56"


def test_other_locales_use_their_own_order_words_and_separators() -> None:
    assert fmt.weekday_day(MOMENT.date(), "de_DE") == "Montag, 23. November"
    assert fmt.weekday_day(MOMENT.date(), "en_US") == "Monday, November 23"
    assert fmt.day(MOMENT.date(), "de_DE") == "23.11.2026"
    assert fmt.month_year(MOMENT.date(), "fr_FR") == "novembre 2026"
    assert "PM" in fmt.time(MOMENT, "en_US")
    assert fmt.money(123456, "EUR", "de_DE") == "1.234,56\xa0€"


@pytest.mark.parametrize("locale", ["", "xx_YY", "not a locale", "en-GB", "en_GB.UTF-8"])
def test_an_odd_locale_setting_falls_back_and_never_raises(locale: str) -> None:
    assert fmt.weekday_day(MOMENT.date(), locale) == "Monday 23 November"


def test_widths() -> None:
    assert fmt.day(MOMENT.date(), "en_GB", "full") == "Monday, 23 November 2026"
    assert fmt.day(MOMENT.date(), "en_GB", "short") == "23/11/2026"


def test_a_date_and_time_is_written_one_way_on_screen_and_on_paper() -> None:
    """One home for the practice's dates: printouts use locale_format, and CLDR's quoted
    words between the date and the time are written without their quotes (Corsican: 'à')."""
    from clientcare import printouts

    moment = dt.datetime(2026, 11, 23, 14, 5)
    for locale in ("en_GB", "en_US", "de_DE", "fr_FR", "co_FR"):
        written = fmt.day_time(moment, locale)
        assert printouts.format_moment(moment, locale) == written
        assert "'" not in written
    assert fmt.day_time(moment, "co_FR").endswith(" à 14:05")
    assert printouts.format_day(moment, "de_DE", "full") == fmt.day(moment.date(), "de_DE", "full")
