"""Who may see an attachment: whoever may read its post or chat message. The features that
own those say how (`@reads`); this package never imports them."""

from collections.abc import Callable

from flask_login import current_user

from .models import Attachment

_readers: dict[str, Callable[[object, int], bool]] = {}


def reads(kind: str) -> Callable:
    """Register `fn(viewer, target_id) -> bool` for attachments of a "post" or "message"."""

    def register(fn: Callable[[object, int], bool]) -> Callable[[object, int], bool]:
        _readers[kind] = fn
        return fn

    return register


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
