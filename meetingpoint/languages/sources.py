"""What can be translated: each feature registers its kind of item ("post", "message"...)
with a function that checks the reader may see it and gives its text as shown."""

from collections.abc import Callable
from dataclasses import dataclass

from werkzeug.exceptions import NotFound


@dataclass(frozen=True)
class Source:
    html: str  # the item's text as the page shows it (sanitised HTML)
    language: str  # as stored; "und" lets the provider tell
    title: str  # how the translation's own page names it
    back_url: str  # where it is read


_SOURCES: dict[str, Callable[[object, int], Source]] = {}


def translatable(kind: str):
    """Register `function(reader, item_id) -> Source` for items of `kind`; it raises
    NotFound or Forbidden as the item's own pages do."""

    def register(function):
        _SOURCES[kind] = function
        return function

    return register


def source_of(kind: str, reader, item_id: int) -> Source:
    if kind not in _SOURCES:
        raise NotFound
    return _SOURCES[kind](reader, item_id)
