"""Watching topics and rooms, who hears about a new post, and what each reader has seen."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..notifications.models import MENTION, NEW_TOPIC, REPLY, WATCHED_REPLY
from ..notifications.services import notify
from .models import Post, RoomWatch, Topic, TopicVisit, TopicWatch


def is_watching_topic(user, topic: Topic) -> bool:
    return user.is_authenticated and db.session.get(TopicWatch, (user.id, topic.id)) is not None


def is_watching_room(user, room) -> bool:
    return user.is_authenticated and db.session.get(RoomWatch, (user.id, room.id)) is not None


def _set_watch(model, user, target_column: str, target_id: int, on: bool) -> None:
    existing = db.session.get(model, (user.id, target_id))
    if on and existing is None:
        db.session.add(model(user_id=user.id, **{target_column: target_id}))
    elif not on and existing is not None:
        db.session.delete(existing)


def watch_topic(user, topic: Topic, on: bool = True) -> None:
    """Start or stop watching a topic (the caller commits)."""
    _set_watch(TopicWatch, user, "topic_id", topic.id, on)


def toggle_topic_watch(user, topic: Topic) -> bool:
    """Watch the topic if not watching, else stop. Returns whether it is now watched."""
    watching = not is_watching_topic(user, topic)
    _set_watch(TopicWatch, user, "topic_id", topic.id, watching)
    db.session.commit()
    return watching


def toggle_room_watch(user, room) -> bool:
    """Hear about new topics in `room`, or stop. Returns whether it is now watched."""
    watching = not is_watching_room(user, room)
    _set_watch(RoomWatch, user, "room_id", room.id, watching)
    db.session.commit()
    return watching


def announce(post: Post, mentioned: set[int] | None = None) -> None:
    """Tell the right people about a newly published post (the caller commits).

    Strongest reason first, one notification per person: a mention, then a direct reply,
    then a watched topic or room.
    """
    topic = post.topic
    told = notify(mentioned or set(), MENTION, post.author_id, post.id)
    if post.parent_id is None:
        watchers = db.session.scalars(
            select(RoomWatch.user_id).where(RoomWatch.room_id == topic.room_id)
        )
        notify(set(watchers) - told, NEW_TOPIC, post.author_id, post.id)
        return
    parent_author = db.session.scalar(select(Post.author_id).where(Post.id == post.parent_id))
    told |= notify({parent_author} - told, REPLY, post.author_id, post.id)
    watchers = db.session.scalars(select(TopicWatch.user_id).where(TopicWatch.topic_id == topic.id))
    notify(set(watchers) - told, WATCHED_REPLY, post.author_id, post.id)


def last_seen(user, topic: Topic) -> int:
    """The newest post id `user` had seen before this visit, and record this visit.

    On a first visit nothing is "new": the whole topic is, which says nothing.
    """
    if not user.is_authenticated:
        return topic.last_post_id
    visit = db.session.get(TopicVisit, (user.id, topic.id))
    if visit is None:
        db.session.add(
            TopicVisit(user_id=user.id, topic_id=topic.id, last_seen_post_id=topic.last_post_id)
        )
        db.session.commit()
        return topic.last_post_id
    previous = visit.last_seen_post_id
    if topic.last_post_id > previous:
        visit.last_seen_post_id = topic.last_post_id
        db.session.commit()
    return previous


def unread_topics(user, limit: int = 50) -> list[tuple[Topic, int]]:
    """Topics `user` has read or watches that have posts newer than their last visit."""
    seen = (
        select(TopicVisit.topic_id, TopicVisit.last_seen_post_id)
        .where(TopicVisit.user_id == user.id)
        .subquery()
    )
    watched = select(TopicWatch.topic_id).where(TopicWatch.user_id == user.id)
    query = (
        select(Topic, seen.c.last_seen_post_id)
        .options(joinedload(Topic.room))
        .outerjoin(seen, seen.c.topic_id == Topic.id)
        .where(
            (seen.c.topic_id.is_not(None)) | Topic.id.in_(watched),
            Topic.held_at.is_(None),
            Topic.last_post_id > db.func.coalesce(seen.c.last_seen_post_id, 0),
        )
        .order_by(Topic.last_posted_at.desc())
        .limit(limit)
    )
    return [(topic, last or 0) for topic, last in db.session.execute(query)]
