"""Who may see an attachment: whoever may read its post or chat message. The features that
own those say how (`@reads`); this package never imports them."""

from collections.abc import Callable

from flask_login import current_user

from .models import Attachment

_readers: dict[str, Callable[[object, int], bool]] = {}
_origins: dict[str, Callable[[int], tuple[int, str] | None]] = {}


def reads(kind: str) -> Callable:
    """Register `fn(viewer, target_id) -> bool` for attachments of a "post" or "message"."""

    def register(fn: Callable[[object, int], bool]) -> Callable[[object, int], bool]:
        _readers[kind] = fn
        return fn

    return register


def origin(kind: str) -> Callable:
    """Register `fn(target_id) -> (room id, language) | None`: where a post or message was
    written, for a file taken from it into the library."""

    def register(fn: Callable[[int], tuple[int, str] | None]) -> Callable:
        _origins[kind] = fn
        return fn

    return register


def origin_of(attachment: Attachment) -> tuple[int, str] | None:
    """The room and language of the post (or room message) an attachment came with."""
    if attachment.post_id is not None and "post" in _origins:
        return _origins["post"](attachment.post_id)
    if attachment.message_id is not None and "message" in _origins:
        return _origins["message"](attachment.message_id)
    return None


def may_see(attachment: Attachment, viewer=None) -> bool:
    """A hidden attachment is for moderators alone; one not yet posted, for its owner."""
    viewer = viewer if viewer is not None else current_user
    signed_in = viewer.is_authenticated
    if attachment.hidden_at is not None and not (signed_in and viewer.is_moderator):
        return False
    if attachment.post_id is not None:
        return _readers["post"](viewer, attachment.post_id)
    if attachment.message_id is not None:
        return _readers["message"](viewer, attachment.message_id)
    return signed_in and viewer.id == attachment.owner_id
