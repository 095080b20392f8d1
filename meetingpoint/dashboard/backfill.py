"""Interactions from before they were recorded, worked out from what is stored: forum
replies and mentions, direct and group messages, room chat replies. Only the time before
the first recorded interaction is filled, so running it again adds nothing. Countries are
people's present ones (their past ones were not kept)."""

from collections import defaultdict
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from ..accounts.models import User
from ..chat.models import ChatMessage, Conversation, ConversationMember
from ..extensions import db
from ..forums.models import Post, Topic
from ..text.mentions import mentioned_users
from .figures import forget_all
from .interactions import CHAT_REPLY, CHAT_REPLY_WINDOW, DIRECT, MENTION, REPLY, record
from .models import Interaction


def backfill() -> int:
    """Record what happened before the first recorded interaction; returns how many."""
    first = db.session.scalar(select(func.min(Interaction.occurred_at)))
    before = first or datetime(9000, 1, 1, tzinfo=UTC)  # nothing yet: all of the past
    start = db.session.query(Interaction).count()
    people = {user.id: user for user in db.session.scalars(select(User))}
    _forums(before, people)
    _chat(before, people)
    forget_all()  # kept figures of past periods counted without these
    db.session.commit()
    return db.session.query(Interaction).count() - start


def _forums(before, people) -> None:
    parent = aliased(Post)
    query = (
        select(Post, parent.author_id, Topic.room_id)
        .join(Topic, Topic.id == Post.topic_id)
        .outerjoin(parent, parent.id == Post.parent_id)
        .where(Post.created_at < before, Post.held_at.is_(None), Post.deleted_at.is_(None))
        .order_by(Post.id)
    )
    for post, parent_author, room_id in db.session.execute(query):
        author = people.get(post.author_id)
        if author is None:
            continue
        if post.parent_id is not None:
            record(REPLY, author, [parent_author], post.created_at, room_id)
        named = {user.id for user in mentioned_users(post.body_source).values()}
        record(MENTION, author, named, post.created_at, room_id)


def _chat(before, people) -> None:
    members = defaultdict(list)
    for conversation_id, user_id in db.session.execute(
        select(ConversationMember.conversation_id, ConversationMember.user_id)
    ):
        members[conversation_id].append(user_id)
    query = (
        select(ChatMessage, Conversation.room_id)
        .join(Conversation, Conversation.id == ChatMessage.conversation_id)
        .where(ChatMessage.created_at < before, ChatMessage.deleted_at.is_(None))
        .order_by(ChatMessage.conversation_id, ChatMessage.id)
    )
    last = {}  # conversation → (sender, time) of the message before
    for message, room_id in db.session.execute(query):
        sender = people.get(message.sender_id)
        if sender is not None:
            when = message.created_at
            named = {user.id for user in mentioned_users(message.body_source).values()}
            record(MENTION, sender, named, when, room_id)
            if room_id is None:
                record(DIRECT, sender, members[message.conversation_id], when)
            elif message.conversation_id in last:
                previous_sender, previous_time = last[message.conversation_id]
                if when - previous_time <= CHAT_REPLY_WINDOW:
                    record(CHAT_REPLY, sender, [previous_sender], when, room_id)
        last[message.conversation_id] = (message.sender_id, message.created_at)
