"""Sections other features add to a room's page (forum, chat, library...), in order.

Rooms know nothing of those features: each registers a provider at import time.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class RoomSection:
    template: str
    context: dict = field(default_factory=dict)


_providers: list[tuple[int, Callable]] = []


def room_section(order: int):
    """Decorator: `fn(room, user) -> RoomSection | None` adds a section to the room page."""

    def register(fn: Callable) -> Callable:
        _providers.append((order, fn))
        _providers.sort(key=lambda pair: pair[0])
        return fn

    return register


def sections_for(room, user) -> list[RoomSection]:
    found = (provider(room, user) for _order, provider in _providers)
    return [section for section in found if section is not None]
