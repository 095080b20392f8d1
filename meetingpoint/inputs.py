"""What arrives from outside, made safe to hand on: ids in range, dates in range, clean text."""

import re
from datetime import date, datetime

from flask import Flask, Request, request
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.routing import IntegerConverter, UnicodeConverter, ValidationError

# A send's own id, made by the page (or the form when shown): a resend with it stores
# nothing twice. Letters, digits, "-" and "_", as a UUID's hex or a client's counter.
CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def is_client_id(value: object) -> bool:
    return isinstance(value, str) and CLIENT_ID.match(value) is not None


# Ids are `integer` columns, 32 bits on PostgreSQL (SQLite would hold 64): a larger number
# names no row, and both engines fail on it instead of finding nothing.
LARGEST_ID = 2**31 - 1
# Far past any list's last page, and (page - 1) * page size still fits an OFFSET.
LARGEST_PAGE = 1_000_000
# Nothing here can be dated outside these, and both ends leave room for a day's arithmetic
# ("until" counts the whole day) and any time zone's offset within Python's dates.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9998, 12, 31)

# C0 control characters but tab, newline and carriage return; any surrogate code point in a
# Python string is a lone one (JSON's "\ud800" arrives as one; a pair is joined on decoding).
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f"
_SURROGATE = "\ud800-\udfff"
_UNWANTED = re.compile(f"[{_CONTROL}{_SURROGATE}]")
_DIGITS = re.compile(r"[0-9]{1,20}")


def clean_text(value):
    """`value` without C0 control characters (tab, newline and carriage return stay) and with
    each lone surrogate as U+FFFD; anything not a string is returned as it is.

    Text people send is cleaned rather than refused: nobody can see or type these
    characters, they come with pasted text (word processors' \\x0b, PDFs' \\x0c and \\x00) or
    a text box cut in the middle of an emoji (a lone surrogate), and refusing would lose a
    whole post to a character its writer cannot find. Kept, they break PostgreSQL (no NUL in
    text), UTF-8 (no lone surrogates), the Atom feeds (XML forbids them) and search snippets
    (which mark matches with \\x02 and \\x03)."""
    if not isinstance(value, str) or _UNWANTED.search(value) is None:
        return value
    return re.sub(f"[{_SURROGATE}]", "\ufffd", re.sub(f"[{_CONTROL}]", "", value))


def whole_number(text, low: int = 1, high: int = LARGEST_ID) -> int | None:
    """`text` as a number if it is ASCII digits from `low` to `high`, else None ("²" and
    "١٢" pass str.isdigit(), and int() takes the second: neither is an id here)."""
    if not isinstance(text, str) or not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if low <= number <= high else None


def is_id(value, low: int = 1) -> bool:
    """`value` (from JSON, say) is an int, not a bool, from `low` to LARGEST_ID."""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= LARGEST_ID


def int_arg(name: str, default: int | None = None, low: int = 1, high: int = LARGEST_ID):
    """A whole number from the query string; absent, malformed or out of range: `default`
    (an address that asks for too much shows what there is, as a mistyped one does)."""
    number = whole_number(request.args.get(name), low, high)
    return default if number is None else number


def page_arg() -> int:
    """?page=, from 1 (the default) to LARGEST_PAGE."""
    return int_arg("page", 1, high=LARGEST_PAGE)


def whole_numbers(values, low: int = 1) -> list[int]:
    """Those of `values` (ticked boxes, say) that are whole numbers from `low` (1 for ids)
    to LARGEST_ID; anything else is left out."""
    numbers = (whole_number(value, low) for value in values or ())
    return [n for n in numbers if n is not None]


def day_of(text) -> date | None:
    """A YYYY-MM-DD date from FIRST_DAY to LAST_DAY, else None."""
    try:
        day = date.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return day if FIRST_DAY <= day <= LAST_DAY else None


def moment_of(text) -> datetime | None:
    """A YYYY-MM-DDTHH:MM date and time (as <input type=datetime-local> sends) on a day from
    FIRST_DAY to LAST_DAY, without a time zone; else None."""
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return moment.replace(tzinfo=None) if FIRST_DAY <= moment.date() <= LAST_DAY else None


class IdConverter(IntegerConverter):
    """The app's <int:...>: ASCII digits from 1 to LARGEST_ID (`<int(min=0):n>` where zero
    means something); any other number is a 404 before a view or the database sees it."""

    regex = r"[0-9]+"

    def __init__(self, map, fixed_digits=0, min=1, max=LARGEST_ID, signed=False):
        super().__init__(map, fixed_digits, min, max, signed)


class SegmentConverter(UnicodeConverter):
    """The app's default converter. A path segment with a control character or a lone
    surrogate is refused (404), not cleaned: it names nothing we publish, and cleaning it
    would give one page two addresses."""

    def to_python(self, value: str) -> str:
        if _UNWANTED.search(value):
            raise ValidationError()
        return value


class CleanArguments(ImmutableMultiDict):
    """Query strings and forms as Werkzeug parses them (pairs), each text through
    clean_text: one place for every form, WTForms or not, and every ?name=value."""

    def __init__(self, mapping=None):
        if mapping is not None and not isinstance(mapping, dict):
            mapping = [(clean_text(key), clean_text(value)) for key, value in mapping]
        super().__init__(mapping)


class CleanRequest(Request):
    parameter_storage_class = CleanArguments


def configure_input(app: Flask) -> None:
    """Before any blueprint adds its rules: they are built with these converters."""
    app.request_class = CleanRequest
    app.url_map.converters.update(
        int=IdConverter, default=SegmentConverter, string=SegmentConverter
    )
