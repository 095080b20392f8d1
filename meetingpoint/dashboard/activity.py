"""The activity figures of a period: who took part, how much each wrote, and whether new
topics found an answer (and how soon)."""

import statistics
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import and_, func, select

from ..chat.models import ChatMessage, Conversation
from ..extensions import db
from ..forums.models import Post, Topic
from .coupling import active_participants
from .periods import Period


@dataclass
class Activity:
    active: int = 0
    topics: int = 0  # opened in the period
    replies: int = 0
    chat_messages: int = 0
    answered_topics: int = 0  # of the topics opened, those someone else replied to (ever)
    first_reply: timedelta | None = None  # median wait for that first reply from another

    @property
    def posts_per_person(self) -> float | None:
        return (self.topics + self.replies) / self.active if self.active else None

    @property
    def chat_per_person(self) -> float | None:
        return self.chat_messages / self.active if self.active else None

    @property
    def answered_share(self) -> float | None:
        return self.answered_topics / self.topics if self.topics else None


def activity_in(period: Period, room_ids: list[int] | None = None) -> Activity:
    figures = Activity(active=len(active_participants(period, room_ids)))
    within = and_(Post.created_at >= period.starts, Post.created_at < period.ends)
    posts = (
        select(Post.parent_id.is_(None), func.count())
        .join(Topic, Topic.id == Post.topic_id)
        .where(within, Post.held_at.is_(None), Post.deleted_at.is_(None))
        .group_by(Post.parent_id.is_(None))
    )
    chat = (
        select(func.count())
        .select_from(ChatMessage)
        .join(Conversation, Conversation.id == ChatMessage.conversation_id)
        .where(
            ChatMessage.created_at >= period.starts,
            ChatMessage.created_at < period.ends,
            ChatMessage.deleted_at.is_(None),
        )
    )
    if room_ids is not None:
        posts = posts.where(Topic.room_id.in_(room_ids))
        chat = chat.where(Conversation.room_id.in_(room_ids))
    for opening, count in db.session.execute(posts):
        if opening:
            figures.topics = count
        else:
            figures.replies = count
    figures.chat_messages = db.session.scalar(chat) or 0
    waits = _first_reply_waits(period, room_ids)
    figures.answered_topics = len(waits)
    if waits:
        figures.first_reply = timedelta(seconds=statistics.median(waits))
    return figures


def _first_reply_waits(period: Period, room_ids) -> list[float]:
    """Seconds from each topic opened in the period to its first reply by someone else.
    (Topic by topic, through the posts' topic index: a join lets SQLite start from every
    reply ever written.)"""
    first_answer = (
        select(func.min(Post.created_at))
        .where(
            Post.topic_id == Topic.id,
            Post.parent_id.is_not(None),
            Post.author_id != Topic.author_id,
            Post.held_at.is_(None),
        )
        .scalar_subquery()
    )
    query = select(Topic.created_at, first_answer).where(
        Topic.created_at >= period.starts, Topic.created_at < period.ends, Topic.held_at.is_(None)
    )
    if room_ids is not None:
        query = query.where(Topic.room_id.in_(room_ids))
    return [
        (first - opened).total_seconds()
        for opened, first in db.session.execute(query)
        if first is not None
    ]
