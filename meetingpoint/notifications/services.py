"""Creating notifications (inside the writer's transaction) and reading them."""

from sqlalchemy import func, select, update
from sqlalchemy.orm import joinedload
from werkzeug.exceptions import NotFound

from ..database import utcnow
from ..extensions import db
from ..safety.services import muted_by
from . import delivery, push
from .models import EMAIL, OFF, Notification
from .preferences import EVENT_OF_KIND, channels_for
from .push_settings import wanting


def notify(
    user_ids,
    kind: str,
    actor_id: int | None,
    post_id: int | None,
    chat_message_id=None,
    announcement_id=None,
    news_id=None,
) -> set[int]:
    """Add one notification per recipient (never the actor) as each chose: not at all,
    in the app, or also by email once the caller commits; and pushed to their devices if
    they asked (push_settings). The caller commits.

    Returns who was meant, told or not, so a later, weaker kind can skip them.
    """
    recipients = {uid for uid in user_ids if uid and uid != actor_id}
    told = recipients - muted_by(actor_id, recipients)  # who muted the actor hears nothing
    event = EVENT_OF_KIND.get(kind)
    channels = channels_for(told, event) if event and told else {}
    pushed = wanting(told, event) if event else set()
    now = utcnow()
    for uid in sorted(told):
        if channels.get(uid) == OFF:
            continue
        notification = Notification(
            user_id=uid,
            kind=kind,
            actor_id=actor_id,
            post_id=post_id,
            chat_message_id=chat_message_id,
            announcement_id=announcement_id,
            news_id=news_id,
            created_at=now,
        )
        db.session.add(notification)
        if channels.get(uid) == EMAIL:
            delivery.queue(kind, uid, notification)
        if uid in pushed:
            push.queue(kind, uid, notification)
    return recipients


def unread_count(user) -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
    )


def recent(user, limit: int = 50) -> list[Notification]:
    query = (
        select(Notification)
        .options(joinedload(Notification.actor))
        .where(Notification.user_id == user.id)
        .order_by(Notification.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def posts_named(items: list[Notification]) -> dict:
    """The posts these notifications are about, with their topics: one query."""
    from ..forums.models import Post  # notifications sit below forums; import on use

    ids = {item.post_id for item in items if item.post_id}
    if not ids:
        return {}
    query = select(Post).options(joinedload(Post.topic)).where(Post.id.in_(ids))
    return {post.id: post for post in db.session.scalars(query)}


def open_notification(user, notification_id: int) -> Notification:
    """Mark one of `user`'s notifications read and return it; others' are not found."""
    notification = db.session.get(Notification, notification_id)
    if notification is None or notification.user_id != user.id:
        raise NotFound
    if notification.read_at is None:
        notification.read_at = utcnow()
        db.session.commit()
    return notification


def mark_all_read(user) -> None:
    db.session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    db.session.commit()
