"""The one path for each chat change: open a conversation, send (idempotently), read."""

import re
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload
from werkzeug.exceptions import Forbidden, NotFound

from ..database import utcnow
from ..extensions import db
from ..rooms.models import Room
from ..rooms.services import is_member
from .models import KIND_DIRECT, KIND_ROOM, ChatMessage, Conversation, ConversationMember
from .rendering import render_chat

MESSAGE_MAX = 4000
PAGE_SIZE = 50
_CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class ChatError(Exception):
    """A chat action refused for a reason the person can act on; str() is translated."""


def room_channel(room: Room) -> Conversation:
    """The room's channel, made on first use (two first uses at once make one)."""
    conversation = db.session.scalar(select(Conversation).where(Conversation.room_id == room.id))
    if conversation is not None:
        return conversation
    db.session.add(Conversation(kind=KIND_ROOM, room_id=room.id))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
    return db.session.scalar(select(Conversation).where(Conversation.room_id == room.id))


def open_direct(user, other) -> Conversation:
    """The one direct conversation between `user` and `other`, made on first use."""
    if other.id == user.id or not other.is_active:
        raise NotFound
    key = f"{min(user.id, other.id)}:{max(user.id, other.id)}"
    conversation = db.session.scalar(select(Conversation).where(Conversation.direct_key == key))
    if conversation is not None:
        return conversation
    conversation = Conversation(kind=KIND_DIRECT, direct_key=key)
    db.session.add(conversation)
    try:
        db.session.flush()
        db.session.add_all(
            ConversationMember(conversation_id=conversation.id, user_id=uid)
            for uid in (user.id, other.id)
        )
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
    return db.session.scalar(select(Conversation).where(Conversation.direct_key == key))


def access_conversation(user, conversation_id: int) -> Conversation:
    """A conversation `user` may read and write: a channel of a room they belong to, or a
    direct conversation they are part of. Anything else is not found."""
    conversation = db.session.get(Conversation, conversation_id)
    if conversation is None or not user.is_authenticated:
        raise NotFound
    if conversation.kind == KIND_ROOM:
        room = db.session.get(Room, conversation.room_id)
        if not is_member(user, room):
            raise NotFound
    elif db.session.get(ConversationMember, (conversation.id, user.id)) is None:
        raise NotFound
    return conversation


def send_message(user, conversation: Conversation, body: str, language: str, client_id: str):
    """Store a message and return (message, newly_stored).

    A retry with the same client id returns the stored message instead of a second copy.
    The caller has checked access with access_conversation.
    """
    if not _CLIENT_ID.match(client_id or ""):
        raise ChatError(_("This message could not be sent. Reload the page and try again."))
    existing = _sent_before(user, client_id)
    if existing is not None:
        if existing.conversation_id != conversation.id:
            raise ChatError(_("This message could not be sent. Reload the page and try again."))
        return existing, False
    if user.is_suspended:
        raise ChatError(
            _(
                "Your account is suspended until %(date)s.",
                date=user.suspended_until.date().isoformat(),
            )
        )
    body = (body or "").strip()
    if not body:
        raise ChatError(_("Write something before sending."))
    if len(body) > MESSAGE_MAX:
        raise ChatError(_("Please use at most %(max)d characters.", max=MESSAGE_MAX))
    _check_flood(user)
    message = ChatMessage(
        conversation_id=conversation.id,
        sender_id=user.id,
        client_id=client_id,
        language=language,
        body_source=body,
        body_html=render_chat(body),
        created_at=utcnow(),
    )
    db.session.add(message)
    try:
        db.session.flush()
    except IntegrityError:  # the same send, arriving twice at once
        db.session.rollback()
        return _sent_before(user, client_id), False
    conversation.last_message_id = message.id
    _read_up_to(user, conversation, message.id)
    db.session.commit()
    return message, True


def _sent_before(user, client_id: str) -> ChatMessage | None:
    return db.session.scalar(
        select(ChatMessage).where(
            ChatMessage.sender_id == user.id, ChatMessage.client_id == client_id
        )
    )


def _check_flood(user) -> None:
    limit = int(current_app.config["CHAT_MESSAGES_PER_MINUTE"])
    recent = db.session.scalar(
        select(func.count())
        .select_from(ChatMessage)
        .where(
            ChatMessage.sender_id == user.id,
            ChatMessage.created_at > utcnow() - timedelta(minutes=1),
        )
    )
    if recent >= limit:
        raise ChatError(_("You are sending messages faster than we allow. Wait a moment."))


def history(
    conversation: Conversation,
    before_id: int | None = None,
    after_id: int | None = None,
    limit: int = PAGE_SIZE,
) -> list[ChatMessage]:
    """Messages in id order: the latest page, the page before `before_id`, or everything
    after `after_id` (catching up). Each is one indexed query."""
    query = (
        select(ChatMessage)
        .options(joinedload(ChatMessage.sender))
        .where(ChatMessage.conversation_id == conversation.id)
    )
    if after_id is not None:
        return list(
            db.session.scalars(
                query.where(ChatMessage.id > after_id).order_by(ChatMessage.id).limit(limit)
            )
        )
    if before_id is not None:
        query = query.where(ChatMessage.id < before_id)
    newest_first = db.session.scalars(query.order_by(ChatMessage.id.desc()).limit(limit))
    return list(reversed(list(newest_first)))


def mark_read(user, conversation: Conversation, up_to_id: int) -> None:
    _read_up_to(user, conversation, min(up_to_id, conversation.last_message_id))
    db.session.commit()


def _read_up_to(user, conversation: Conversation, message_id: int) -> None:
    member = db.session.get(ConversationMember, (conversation.id, user.id))
    if member is None:  # a room channel: the row appears with the first visit
        member = ConversationMember(conversation_id=conversation.id, user_id=user.id)
        db.session.add(member)
    member.last_read_id = max(member.last_read_id or 0, message_id)


def direct_conversations(user) -> list[tuple[Conversation, object, int]]:
    """The user's direct conversations, newest first: (conversation, other person, unread)."""
    mine = (
        select(ConversationMember.conversation_id, ConversationMember.last_read_id)
        .where(ConversationMember.user_id == user.id)
        .subquery()
    )
    rows = db.session.execute(
        select(Conversation, ConversationMember, mine.c.last_read_id)
        .join(mine, mine.c.conversation_id == Conversation.id)
        .join(
            ConversationMember,
            (ConversationMember.conversation_id == Conversation.id)
            & (ConversationMember.user_id != user.id),
        )
        .options(joinedload(ConversationMember.user))
        .where(Conversation.kind == KIND_DIRECT)
        .order_by(Conversation.last_message_id.desc())
    )
    rows = list(rows)
    # Unread counts for every conversation at once, not one query each.
    unread = dict(
        db.session.execute(
            select(ChatMessage.conversation_id, func.count())
            .join(mine, mine.c.conversation_id == ChatMessage.conversation_id)
            .where(ChatMessage.id > mine.c.last_read_id, ChatMessage.sender_id != user.id)
            .group_by(ChatMessage.conversation_id)
        ).all()
    )
    return [
        (conversation, other.user, unread.get(conversation.id, 0))
        for conversation, other, _last_read in rows
    ]


def room_of(conversation: Conversation) -> Room:
    return db.session.get(Room, conversation.room_id)


def members(conversation: Conversation) -> list[ConversationMember]:
    query = (
        select(ConversationMember)
        .options(joinedload(ConversationMember.user))
        .where(ConversationMember.conversation_id == conversation.id)
    )
    return list(db.session.scalars(query))


def delete_message(user, message_id: int) -> ChatMessage:
    """Withdraw a message: its sender may, and moderators in room channels. It stays in
    place as "deleted", so the conversation still reads in order."""
    message = db.session.get(ChatMessage, message_id)
    if message is None:
        raise NotFound
    conversation = access_conversation(user, message.conversation_id)
    moderating = user.is_moderator and conversation.kind == KIND_ROOM
    if message.sender_id != user.id and not moderating:
        raise Forbidden
    if message.deleted_at is None:
        message.deleted_at = utcnow()
        db.session.commit()
    return message
