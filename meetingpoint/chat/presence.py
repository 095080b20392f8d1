"""Who is online: one row per live connection, shared by every server process."""

from datetime import timedelta
from typing import cast

from flask import current_app
from sqlalchemy import CursorResult, delete, func, select, update

from ..database import utcnow
from ..extensions import db
from ..rooms.models import RoomMembership
from .models import ChatConnection


def _fresh_since():
    # Two missed heartbeats: the tab is gone, or the process holding it died.
    return utcnow() - timedelta(seconds=2 * current_app.config["CHAT_HEARTBEAT_SECONDS"])


def connected(user, sid: str) -> None:
    db.session.merge(ChatConnection(sid=sid, user_id=user.id, seen_at=utcnow()))
    db.session.commit()


def disconnected(sid: str) -> None:
    db.session.execute(delete(ChatConnection).where(ChatConnection.sid == sid))
    # Rows left behind by a process that died are cleared as they are met.
    db.session.execute(delete(ChatConnection).where(ChatConnection.seen_at < _fresh_since()))
    db.session.commit()


def heartbeat(user, sid: str) -> None:
    """Still here; the row is made again if it is missing (not written at connect because
    the database was away, or cleared as stale after a long pause)."""
    # An UPDATE's result is a CursorResult, with its rowcount; execute() is typed for any statement.
    moved = cast(
        CursorResult,
        db.session.execute(
            update(ChatConnection).where(ChatConnection.sid == sid).values(seen_at=utcnow())
        ),
    )
    if moved.rowcount == 0:
        db.session.merge(ChatConnection(sid=sid, user_id=user.id, seen_at=utcnow()))
    db.session.commit()


def online_among(user_ids) -> set[int]:
    """Which of these people have a live connection now (one query)."""
    user_ids = list(user_ids)
    if not user_ids:
        return set()
    query = select(ChatConnection.user_id).where(
        ChatConnection.user_id.in_(user_ids), ChatConnection.seen_at >= _fresh_since()
    )
    return set(db.session.scalars(query.distinct()))


ONLINE_NAMED = 50


def online_in_room(room_id: int) -> tuple[list, int]:
    """Members of a room who are online: the first ONLINE_NAMED by name, and how many in all.

    A room's chat is opened, and its heartbeat answered, for every person in it: a full
    list for each would cost the square of the people there (a million names a heartbeat
    for an Academy of a thousand)."""
    from ..accounts.models import User

    here = (
        select(User.id)
        .join(RoomMembership, RoomMembership.user_id == User.id)
        .where(
            RoomMembership.room_id == room_id,
            User.id.in_(
                select(ChatConnection.user_id).where(ChatConnection.seen_at >= _fresh_since())
            ),
        )
    )
    count = db.session.scalar(select(func.count()).select_from(here.subquery()))
    if not count:
        return [], 0
    people = db.session.scalars(
        select(User).where(User.id.in_(here)).order_by(User.display_name).limit(ONLINE_NAMED)
    )
    return list(people), count
