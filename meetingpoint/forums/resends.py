"""A post sent again with the same client id (a slow link, an outbox): found, not stored twice."""

from dataclasses import replace

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..inputs import is_client_id
from .access import ForumError
from .models import Post


def posted_before(user, client_id: str | None) -> Post | None:
    """The post this author made with `client_id`; a forged id is refused (nothing stored)."""
    if client_id is None:
        return None
    if not is_client_id(client_id):
        raise ForumError(_("This post could not be sent. Reload the page and try again."))
    return db.session.scalar(
        select(Post).where(Post.author_id == user.id, Post.client_id == client_id)
    )


def without_used_id(draft, earlier: Post | None):
    """`draft`, without its client id if that id already made a post somewhere else: then
    this is no resend, and it is stored as a post of its own (nothing written is refused)."""
    return replace(draft, client_id=None) if earlier is not None else draft


def store_once(user, client_id: str | None, store, first_of):
    """`store()`; if the same send won a race to the unique (author, client id), its result."""
    try:
        return store()
    except IntegrityError:
        db.session.rollback()
        first = posted_before(user, client_id)
        if first is None:  # another constraint failed: not a repeated send
            raise
        return first_of(first)
