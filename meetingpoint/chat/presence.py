"""Who is online: one row per live connection, shared by every server process."""

from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, select, update

from ..database import utcnow
from ..extensions import db
from ..rooms.models import RoomMembership
from .models import ChatConnection, Conversation


def _fresh_since():
    # Two missed heartbeats: the tab is gone, or the process holding it died.
    return utcnow() - timedelta(seconds=2 * current_app.config["CHAT_HEARTBEAT_SECONDS"])


def connected(user, sid: str) -> bool:
    """Record a new connection; True when it brings `user` online (no other live one)."""
    was_online = is_online(user.id)
    db.session.merge(ChatConnection(sid=sid, user_id=user.id, seen_at=utcnow()))
    db.session.commit()
    return not was_online


def disconnected(user_id: int, sid: str) -> bool:
    """Forget a connection; True when `user_id` has no other live one left."""
    db.session.execute(delete(ChatConnection).where(ChatConnection.sid == sid))
    # Rows left behind by a process that died are cleared as they are met.
    db.session.execute(delete(ChatConnection).where(ChatConnection.seen_at < _fresh_since()))
    db.session.commit()
    return not is_online(user_id)


def heartbeat(sid: str) -> None:
    db.session.execute(
        update(ChatConnection).where(ChatConnection.sid == sid).values(seen_at=utcnow())
    )
    db.session.commit()


def is_online(user_id: int) -> bool:
    return bool(online_among([user_id]))


def online_among(user_ids) -> set[int]:
    """Which of these people have a live connection now (one query)."""
    user_ids = list(user_ids)
    if not user_ids:
        return set()
    query = select(ChatConnection.user_id).where(
        ChatConnection.user_id.in_(user_ids), ChatConnection.seen_at >= _fresh_since()
    )
    return set(db.session.scalars(query.distinct()))


def online_in_room(room_id: int) -> list:
    """Members of a room who are online, by name."""
    from ..accounts.models import User

    query = (
        select(User)
        .join(RoomMembership, RoomMembership.user_id == User.id)
        .where(
            RoomMembership.room_id == room_id,
            User.id.in_(
                select(ChatConnection.user_id).where(ChatConnection.seen_at >= _fresh_since())
            ),
        )
        .order_by(User.display_name)
    )
    return list(db.session.scalars(query))


def channels_of(user) -> list[int]:
    """The room channels `user` reads (the rooms they joined that have a channel)."""
    query = (
        select(Conversation.id)
        .join(RoomMembership, RoomMembership.room_id == Conversation.room_id)
        .where(RoomMembership.user_id == user.id)
    )
    return list(db.session.scalars(query))
