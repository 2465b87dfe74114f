"""Amounts in exact minor units, read from and written for people (Babel, CLDR data).

Amounts are integers of the currency's minor unit (pence, cents; yen have none).
Nothing here uses floats: text is read with :class:`decimal.Decimal` and refused
when it has more decimals than the currency has.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation

from babel.core import Locale, UnknownLocaleError
from babel.numbers import (
    format_currency,
    get_currency_precision,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
)

from clientcare.config import DEFAULT_LOCALE
from clientcare.errors import FieldError


def _locale(locale: str) -> str:
    try:
        Locale.parse(locale.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return DEFAULT_LOCALE
    return locale.replace("-", "_")


def precision(currency: str) -> int:
    """How many decimals the currency has (2 for GBP, 0 for JPY)."""
    return int(get_currency_precision(currency.upper()))


def to_decimal(minor: int, currency: str) -> Decimal:
    """``1234`` pence → ``Decimal('12.34')``."""
    return Decimal(minor).scaleb(-precision(currency))


@functools.lru_cache(maxsize=4096)
def format_money(minor: int, currency: str, locale: str = DEFAULT_LOCALE) -> str:
    """``format_money(1234, "GBP", "en_GB") == "£12.34"``; negative amounts keep their sign.

    Cached: a ledger shows the same few fees hundreds of times, and Babel takes about
    0.1 ms for each.
    """
    return format_currency(to_decimal(minor, currency), currency.upper(), locale=_locale(locale))


def format_plain(minor: int, currency: str, locale: str = DEFAULT_LOCALE) -> str:
    """The amount without its symbol, as typed into a field (``12.34``, ``12,34`` in de_DE)."""
    value = to_decimal(minor, currency)
    decimals = precision(currency)
    text = f"{abs(value):.{decimals}f}"
    text = text.replace(".", get_decimal_symbol(_locale(locale)))
    return ("-" if value < 0 else "") + text


def currency_symbol(currency: str, locale: str = DEFAULT_LOCALE) -> str:
    return str(get_currency_symbol(currency.upper(), locale=_locale(locale)))


_SPACES = re.compile(r"[\s\u00a0\u202f']")


def parse_amount(
    text: str,
    currency: str,
    locale: str = DEFAULT_LOCALE,
    *,
    field: str = "amount",
    label: str = "The amount",
    allow_negative: bool = False,
    allow_zero: bool = False,
) -> int:
    """Read what a person typed into exact minor units, or raise a :class:`FieldError`-bearing
    :class:`ValueError` subclass (:class:`AmountError`) with a message for the field.

    Accepts the locale's decimal mark (and a full stop), group separators, and the
    currency's own symbol or code around the number.
    """
    loc = _locale(locale)
    decimal_mark = get_decimal_symbol(loc)
    group_mark = get_group_symbol(loc)
    raw = (text or "").strip()
    if not raw:
        raise AmountError(FieldError(field, f"{label} is missing: type a number such as 45.00."))
    cleaned = raw
    for token in (currency.upper(), currency.lower(), currency_symbol(currency, loc)):
        cleaned = cleaned.replace(token, "")
    cleaned = _SPACES.sub("", cleaned)
    if group_mark not in (".", decimal_mark):
        cleaned = cleaned.replace(group_mark, "")
    if decimal_mark != ".":
        if "." in cleaned and decimal_mark in cleaned:
            cleaned = cleaned.replace(".", "")  # a group mark
        cleaned = cleaned.replace(decimal_mark, ".")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", "")
    if re.fullmatch(r"[-+]?\d+(\.\d*)?|[-+]?\.\d+", cleaned) is None:
        other = re.search(r"[A-Z]{3}|[€$£¥₹]", raw)
        if other and other.group(0) not in (currency.upper(), currency_symbol(currency, loc)):
            raise AmountError(
                FieldError(
                    field,
                    f"{label} is in {other.group(0)}, but this practice keeps its accounts in "
                    f"{currency.upper()}. Convert it first and note the original in the note.",
                )
            )
        raise AmountError(
            FieldError(field, f"{label} “{raw[:40]}” is not a number; type it like 45.00.")
        )
    try:
        value = Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern above prevents it
        raise AmountError(FieldError(field, f"{label} is not a number.")) from None
    decimals = precision(currency)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > decimals:
        places = "no decimals" if decimals == 0 else f"at most {decimals} decimals"
        raise AmountError(
            FieldError(field, f"{label} has too many decimals: {currency.upper()} has {places}.")
        )
    minor = int(value.scaleb(decimals))
    if minor < 0 and not allow_negative:
        raise AmountError(FieldError(field, f"{label} can't be negative."))
    if minor == 0 and not allow_zero:
        raise AmountError(FieldError(field, f"{label} must be more than zero."))
    if abs(minor) > MAX_MINOR:
        raise AmountError(FieldError(field, f"{label} is too large to be right; please check it."))
    return minor


#: Far above any fee a small practice charges, far below SQLite's integer limit.
MAX_MINOR = 10**11


class AmountError(ValueError):
    """An amount that can't be read; ``.error`` is the message for the field."""

    def __init__(self, error: FieldError) -> None:
        super().__init__(error.message)
        self.error = error
