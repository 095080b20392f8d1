"""Where a mail's words go: each feature registers what a reply to its kind of target does,
and what a mail to a room's address does (so this package needs neither forums nor chat)."""

from collections.abc import Callable
from dataclasses import dataclass, field


class Refused(Exception):
    """The translated reason a mail was not posted, for the answer to its sender."""


@dataclass
class Incoming:
    """A person's mail, read: what they wrote (Markdown), its subject, and its files
    (attachments.uploads.Upload). `client_id` comes from its Message-ID, so the same mail
    dealt with twice stores one post."""

    user: object
    text: str
    subject: str
    client_id: str
    files: list = field(default_factory=list)


_reply_handlers: dict[str, Callable[[Incoming, int], str]] = {}
_bounce_handlers: dict[str, Callable] = {}
_room_handlers: list[Callable[[Incoming, str], str]] = []


def reply_handler(target: str):
    """Decorator: `fn(incoming, target_id) -> outcome` posts a reply to `target` by mail
    ("post:12"), or raises Refused."""

    def register(fn: Callable[[Incoming, int], str]) -> Callable[[Incoming, int], str]:
        _reply_handlers[target] = fn
        return fn

    return register


def room_handler(fn: Callable[[Incoming, str], str]) -> Callable[[Incoming, str], str]:
    """Decorator: `fn(incoming, room_slug) -> outcome` opens a topic, or raises Refused."""
    _room_handlers[:] = [fn]
    return fn


def for_reply(target: str) -> Callable[[Incoming, int], str] | None:
    return _reply_handlers.get(target)


def for_room() -> Callable[[Incoming, str], str] | None:
    return _room_handlers[0] if _room_handlers else None


def bounce_handler(kind: str):
    """Decorator: `fn(id, token, bounce) -> outcome or None` records a bounce of mail sent
    with `bounces_for=(kind, id)` (it checks the token's signature: mail.addresses
    .bounce_signed); None when the token does not hold."""

    def register(fn: Callable) -> Callable:
        _bounce_handlers[kind] = fn
        return fn

    return register


def for_bounce(kind: str) -> Callable | None:
    return _bounce_handlers.get(kind)
