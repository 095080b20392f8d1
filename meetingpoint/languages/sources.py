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
_AUTHORED: dict[str, Callable] = {}


def translatable(kind: str, authored_by: Callable):
    """Register `function(reader, item_id) -> Source` for items of `kind`; it raises
    NotFound or Forbidden as the item's own pages do. `authored_by(user)` selects the ids
    of a person's items, whose translations go with them when they leave."""

    def register(function):
        _SOURCES[kind] = function
        _AUTHORED[kind] = authored_by
        return function

    return register


def authored_items(user) -> dict[str, object]:
    """{kind: a select of the ids of `user`'s items of that kind}."""
    return {kind: select_ids(user) for kind, select_ids in _AUTHORED.items()}


def source_of(kind: str, reader, item_id: int) -> Source:
    if kind not in _SOURCES:
        raise NotFound
    return _SOURCES[kind](reader, item_id)
