"""Recording interactions as they happen, in the same transaction as the post or message
that makes them (the caller commits)."""

from datetime import timedelta

from sqlalchemy import select

from ..accounts.models import User
from ..extensions import db
from . import privacy  # noqa: F401  (registers the eraser)
from .models import Interaction

REPLY = "reply"  # a forum reply to someone's post
MENTION = "mention"  # @someone, in the forum or in chat
DIRECT = "direct"  # a message in a direct or group conversation
CHAT_REPLY = "chat_reply"  # a room chat message answering the one just before it
KINDS = (REPLY, MENTION, DIRECT, CHAT_REPLY)
# In a room's chat, a message this soon after someone else's answers it.
CHAT_REPLY_WINDOW = timedelta(minutes=10)


def record(kind: str, actor, partner_ids, when, room_id: int | None = None) -> None:
    """`actor` interacted with each of `partner_ids` (themselves and former participants
    left out)."""
    partners = set(partner_ids) - {actor.id, None}
    if not partners:
        return
    countries = dict(
        db.session.execute(
            select(User.id, User.country).where(User.id.in_(partners), User.deleted_at.is_(None))
        ).all()
    )
    db.session.add_all(
        Interaction(
            occurred_at=when,
            kind=kind,
            actor_id=actor.id,
            partner_id=partner,
            actor_country=actor.country or None,
            partner_country=country or None,
            room_id=room_id,
        )  # fmt: skip
        for partner, country in countries.items()
    )
