"""What a digest says: new topics in the reader's rooms, new replies in the topics they
watch, news, unread direct messages, and the notifications they chose to read here."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, or_, select

from ..chat.messages import unread_totals
from ..extensions import db
from ..forums.models import Post, Topic, TopicWatch
from ..news.models import NewsItem
from ..notifications.models import DIGEST, Notification
from ..notifications.preferences import EVENT_OF_KIND, preferences_of
from ..rooms.services import room_ids_of
from ..safety.services import not_muted_by

TOPICS_MAX, WATCHED_MAX, NEWS_MAX, WAITING_MAX = 10, 10, 5, 20


@dataclass
class Digest:
    new_topics: list[Topic] = field(default_factory=list)
    new_topic_count: int = 0
    watched: list[tuple[Topic, int]] = field(default_factory=list)  # topic, new replies
    news: list[NewsItem] = field(default_factory=list)
    unread_messages: int = 0
    waiting: list[Notification] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.new_topics or self.watched or self.news or self.unread_messages
                    or self.waiting)  # fmt: skip


def compose(user, since: datetime) -> Digest:
    rooms = room_ids_of(user)
    digest = Digest()
    if rooms:
        fresh = select(Topic).where(
            Topic.room_id.in_(rooms),
            Topic.created_at > since,
            Topic.held_at.is_(None),
            Topic.author_id != user.id,
            not_muted_by(user.id, Topic.author_id),
        )
        digest.new_topic_count = db.session.scalar(
            select(func.count()).select_from(fresh.subquery())
        )
        digest.new_topics = list(
            db.session.scalars(fresh.order_by(Topic.created_at.desc()).limit(TOPICS_MAX))
        )
    digest.watched = _watched(user, since)
    digest.news = list(
        db.session.scalars(
            select(NewsItem)
            .where(
                NewsItem.created_at > since,
                or_(NewsItem.room_id.is_(None), NewsItem.room_id.in_(rooms)),
            )
            .order_by(NewsItem.created_at.desc())
            .limit(NEWS_MAX)
        )
    )
    digest.unread_messages = unread_totals([user.id]).get(user.id, 0)
    digest.waiting = _waiting(user, since)
    return digest


def _watched(user, since: datetime) -> list[tuple[Topic, int]]:
    """Watched topics with replies from others since `since`, busiest first (one query)."""
    query = (
        select(Topic, func.count(Post.id))
        .join(TopicWatch, (TopicWatch.topic_id == Topic.id) & (TopicWatch.user_id == user.id))
        .join(Post, Post.topic_id == Topic.id)
        .where(
            Post.created_at > since,
            Post.parent_id.is_not(None),
            Post.author_id != user.id,
            Post.held_at.is_(None),
            Post.hidden_at.is_(None),
            Post.deleted_at.is_(None),
            not_muted_by(user.id, Post.author_id),
        )
        .group_by(Topic.id)
        .order_by(func.count(Post.id).desc(), Topic.id)
        .limit(WATCHED_MAX)
    )
    return [(topic, count) for topic, count in db.session.execute(query)]


def _waiting(user, since: datetime) -> list[Notification]:
    """Unread notifications of the kinds this reader wants in the digest."""
    chosen = preferences_of(user)
    kinds = [kind for kind, event in EVENT_OF_KIND.items() if chosen.get(event) == DIGEST]
    if not kinds:
        return []
    query = (
        select(Notification)
        .where(
            Notification.user_id == user.id,
            Notification.read_at.is_(None),
            Notification.created_at > since,
            Notification.kind.in_(kinds),
        )
        .order_by(Notification.id.desc())
        .limit(WAITING_MAX)
    )
    return list(db.session.scalars(query))
