"""The one path for each change to a message: send (idempotently), edit, delete, read."""

from datetime import datetime, timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload
from werkzeug.exceptions import Forbidden, NotFound

from ..accounts.standing import refusal as suspension_refusal
from ..dashboard import interactions
from ..dashboard.interactions import CHAT_REPLY, CHAT_REPLY_WINDOW, DIRECT, MENTION
from ..database import utcnow
from ..extensions import db
from ..inputs import is_client_id
from ..languages import UNDETERMINED, written_in
from ..languages.cache import forget as forget_translations
from ..moderation_log import models as log
from ..moderation_log.services import record
from ..notifications.models import CHAT_MENTION
from ..notifications.services import notify
from ..rooms.models import RoomMembership
from ..safety.services import blocked_by_any, refusal
from ..text.limits import MESSAGE_MAX, written
from ..text.mentions import mentioned_users
from ..text.profiles import render_chat
from . import live
from .attached import attach_to, remove_files, take_files
from .away_mail import mail_if_away
from .errors import ChatError
from .models import KIND_DIRECT, KIND_ROOM, ChatMessage, Conversation, ConversationMember

PAGE_SIZE = 50
CATCH_UP_MAX = 200  # one catch-up reply; the client asks again from its new last id


def _retry_later() -> ChatError:
    return ChatError(_("This message could not be sent. Reload the page and try again."))


def send_message(user, conversation: Conversation, body, language, client_id, uploads=()):
    """Store a message and its files (`uploads`), then tell everyone who reads the
    conversation; return it as announced (live.sent_payload) and whether it was newly stored.

    A retry with the same client id returns the stored message instead of a second copy.
    The caller has checked access with access_conversation.
    """
    if not is_client_id(client_id):
        raise _retry_later()
    existing = _sent_before(user, client_id)
    if existing is not None:
        if existing.conversation_id != conversation.id:
            raise _retry_later()
        return live.sent_payload(existing), False
    check_may_write(user)
    # A picture alone is a message (as on WhatsApp): its language is then the one chosen.
    body = _checked_body(body) if not uploads or (body or "").strip() else ""
    language = written_in(language or (None if body else UNDETERMINED), body)
    if language is None:
        raise ChatError(_("Choose the language the message is written in."))
    _check_flood(user)
    html, mentioned = _render(body, conversation) if body else ("", set())
    readers = listed_readers(conversation)
    if conversation.kind == KIND_DIRECT and blocked_by_any(user.id, readers):
        raise ChatError(refusal())
    # Stored now, outside the lock; announced with the message, which commits after them.
    taken = take_files(user, uploads)
    # Everything above only reads; the conversation's lock is held from here to the commit.
    previous_id = _lock_conversation(conversation)
    message = ChatMessage(
        conversation_id=conversation.id,
        sender=user,
        client_id=client_id,
        language=language,
        body_source=body,
        body_html=html,
        created_at=utcnow(),
    )
    db.session.add(message)
    try:
        db.session.flush()
    except IntegrityError:  # the same send, arriving twice at once
        db.session.rollback()
        first = _sent_before(user, client_id)
        if first is None:  # another constraint failed: not a repeated send
            raise
        return live.sent_payload(first), False
    message.previous_id = previous_id
    attach_to(message, taken)
    _record_interactions(user, conversation, message, readers, mentioned)
    conversation.last_message_id = message.id
    _read_up_to(user, conversation, message.id)
    notify(mentioned, CHAT_MENTION, user.id, None, chat_message_id=message.id)
    if conversation.kind != KIND_ROOM:
        mail_if_away(message, readers, _unread_query)
    # Made before the commit, which would expire the message and cost a query to reload it.
    payload = live.sent_payload(message, taken)
    # Queued, then sent by the commit itself, in this order: so they have gone out before
    # the caller reads live.is_live() for its answer.
    live.broadcast("new_message", payload, conversation, readers)
    _tell_unread(conversation, readers, mentioned)
    db.session.commit()
    return payload, True


def _lock_conversation(conversation: Conversation) -> int:
    """Take the conversation's write lock, until the commit, and return its newest message id.

    The message's id is drawn only after this, so within a conversation ids are handed out
    in the order the sends commit: a reader who holds every message up to id N can never
    see a lower id commit later, and "everything after N" (catch-up, unread counts, read
    positions) misses nothing. Drawn before the lock, two sends could commit out of order
    and a reader catching up between the two commits would skip the lower one for good.
    The no-op UPDATE is the lock: a row lock on PostgreSQL, and on SQLite the database's
    write lock (a SELECT there would take none and could read a stale newest id).
    """
    return db.session.execute(
        update(Conversation)
        .where(Conversation.id == conversation.id)
        .values(last_message_id=Conversation.last_message_id)
        .returning(Conversation.last_message_id)
        .execution_options(synchronize_session=False)
    ).scalar_one()


def check_may_write(user) -> None:
    """Refuse (ChatError) a suspended participant: the live events' way to standing.py."""
    suspended = suspension_refusal(user)
    if suspended:
        raise ChatError(suspended)


def _record_interactions(user, conversation, message, readers, mentioned) -> None:
    """For the coupling figures: a direct or group message reaches its other members; in a
    room's chat, a message soon after someone else's answers them."""
    when = message.created_at
    interactions.record(MENTION, user, mentioned, when, conversation.room_id)
    if conversation.kind != KIND_ROOM:
        interactions.record(DIRECT, user, readers, when)
        return
    if message.previous_id:
        before = db.session.execute(
            select(ChatMessage.sender_id, ChatMessage.created_at).where(
                ChatMessage.id == message.previous_id
            )
        ).first()
        if before and when - before.created_at <= CHAT_REPLY_WINDOW:
            interactions.record(CHAT_REPLY, user, [before.sender_id], when, conversation.room_id)


def _checked_body(body) -> str:
    return written(body, MESSAGE_MAX, ChatError, _("Write something before sending."))


def _render(body: str, conversation: Conversation) -> tuple[str, set[int]]:
    """Safe HTML with @**Name** linked; those named who can read the conversation are
    returned to be notified (naming someone outside it tells them nothing)."""
    named = mentioned_users(body)
    html = render_chat(body, named)
    if not named:
        return html, set()
    return html, {person.id for person in named.values()} & set(member_ids(conversation))


def _sent_before(user, client_id: str) -> ChatMessage | None:
    return db.session.scalar(
        select(ChatMessage).where(
            ChatMessage.sender_id == user.id, ChatMessage.client_id == client_id
        )
    )


def _check_flood(user) -> None:
    limit = int(current_app.config["CHAT_MESSAGES_PER_MINUTE"])
    recent = db.session.execute(
        select(func.count())
        .select_from(ChatMessage)
        .where(
            ChatMessage.sender_id == user.id,
            ChatMessage.created_at > utcnow() - timedelta(minutes=1),
        )
    ).scalar_one()
    if recent >= limit:
        raise ChatError(_("You are sending messages faster than we allow. Wait a moment."))


def edit_message(user, message_id, body) -> ChatMessage:
    """Only the sender edits, and not once deleted; readers see it marked as edited."""
    message, conversation = _access_message(user, message_id)
    if message.sender_id != user.id or message.is_deleted:
        raise Forbidden
    check_may_write(user)
    body = _checked_body(body)
    if body != message.body_source:
        readers = listed_readers(conversation)
        message.body_html, _mentioned = _render(body, conversation)
        message.body_source = body
        message.edited_at = utcnow()
        forget_translations("message", message.id)
        live.broadcast("message_changed", live.message_payload(message), conversation, readers)
        db.session.commit()
    return message


def delete_message(user, message_id) -> ChatMessage:
    """Withdraw a message: its sender may, and moderators in room channels. It stays in
    place as "deleted", so the conversation still reads in order."""
    message, conversation = _access_message(user, message_id)
    check_may_write(user)
    moderating = user.is_moderator and conversation.kind == KIND_ROOM
    if message.sender_id != user.id and not moderating:
        raise Forbidden
    if message.deleted_at is None:
        message.deleted_at = utcnow()
        remove_files(message)
        forget_translations("message", message.id)
        if moderating and message.sender_id != user.id:
            record(user, "delete_message", log.CHAT_MESSAGE, message.id, message.sender_id)
        readers = listed_readers(conversation)
        live.broadcast("message_changed", live.message_payload(message), conversation, readers)
        db.session.commit()
    return message


def _access_message(user, message_id) -> tuple[ChatMessage, Conversation]:
    from .services import access_conversation  # conversations sit above messages

    if not isinstance(message_id, int) or isinstance(message_id, bool):
        raise NotFound
    message = db.session.get(ChatMessage, message_id)
    if message is None:
        raise NotFound
    return message, access_conversation(user, message.conversation_id)


def access_message(user, message_id) -> ChatMessage:
    return _access_message(user, message_id)[0]


def history(
    conversation: Conversation,
    before_id: int | None = None,
    after_id: int | None = None,
    limit: int = PAGE_SIZE,
) -> list[ChatMessage]:
    """Messages in id order: the latest page, the page before `before_id`, or the first
    `limit` after `after_id` (catching up). Each is one indexed query."""
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


def last_id_before(conversation: Conversation, moment: datetime) -> int:
    """The id just before the first message sent at or after `moment` (jump to a date)."""
    first = db.session.scalar(
        select(func.min(ChatMessage.id)).where(
            ChatMessage.conversation_id == conversation.id, ChatMessage.created_at >= moment
        )
    )
    return (first - 1) if first else conversation.last_message_id


def mark_read(user, conversation: Conversation, up_to_id: int) -> int:
    """Move the reader's position forward (never back); every tab and device they have
    open hears the new position. Returns the position."""
    position = _read_up_to(user, conversation, min(up_to_id, conversation.last_message_id))
    payload = {"conversation_id": conversation.id, "last_read_id": position}
    if conversation.kind != KIND_ROOM:
        payload.update(_unread_counts(conversation, [user.id])[user.id])
    live.tell_user(user.id, "read", payload)
    db.session.commit()
    return position


def last_read_id(user, conversation: Conversation) -> int:
    member = db.session.get(ConversationMember, (conversation.id, user.id))
    return member.last_read_id if member else 0


def _read_up_to(user, conversation: Conversation, message_id: int) -> int:
    member = db.session.get(ConversationMember, (conversation.id, user.id))
    if member is None:  # a room channel: the row appears with the first visit
        member = ConversationMember(conversation_id=conversation.id, user_id=user.id)
        db.session.add(member)
    member.last_read_id = max(member.last_read_id or 0, message_id)
    return member.last_read_id


def member_ids(conversation: Conversation) -> list[int]:
    """Who reads a conversation: a room channel's room members, or its own members."""
    if conversation.kind == KIND_ROOM:
        query = select(RoomMembership.user_id).where(RoomMembership.room_id == conversation.room_id)
    else:
        query = select(ConversationMember.user_id).where(
            ConversationMember.conversation_id == conversation.id
        )
    return list(db.session.scalars(query))


def listed_readers(conversation: Conversation) -> list[int]:
    # A room channel's audience is its socket room; only direct and group conversations
    # are delivered person by person.
    return [] if conversation.kind == KIND_ROOM else member_ids(conversation)


def _unread_query(user_ids):
    """(user id, conversation id, unread) over direct and group conversations: messages
    from others after the reader's position, deleted ones not counted."""
    return (
        select(ConversationMember.user_id, ConversationMember.conversation_id, func.count())
        .join(Conversation, Conversation.id == ConversationMember.conversation_id)
        .join(
            ChatMessage,
            (ChatMessage.conversation_id == ConversationMember.conversation_id)
            & (ChatMessage.id > ConversationMember.last_read_id)
            & (ChatMessage.sender_id != ConversationMember.user_id),
        )
        .where(
            ConversationMember.user_id.in_(list(user_ids)),
            Conversation.kind != KIND_ROOM,
            ChatMessage.deleted_at.is_(None),
        )
        .group_by(ConversationMember.user_id, ConversationMember.conversation_id)
    )


def unread_per_conversation(user) -> dict[int, int]:
    return {cid: n for _uid, cid, n in db.session.execute(_unread_query([user.id]))}


def unread_totals(user_ids) -> dict[int, int]:
    """Unread direct and group messages per person: the number in the header."""
    totals: dict[int, int] = {}
    for uid, _cid, n in db.session.execute(_unread_query(user_ids)):
        totals[uid] = totals.get(uid, 0) + n
    return totals


def _tell_unread(conversation: Conversation, readers: list[int], mentioned: set[int]) -> None:
    """After a send: each reader of a direct or group conversation hears their new counts
    (one query for up to 20 people, read before the commit, so it counts this message and
    no later one). Room channels are busy and open to whole rooms: their readers count
    from the message events their tabs already receive."""
    if conversation.kind == KIND_ROOM:
        for uid in mentioned:
            live.tell_user(uid, "mentioned", {"conversation_id": conversation.id})
        return
    for uid, counts in _unread_counts(conversation, readers).items():
        live.tell_user(uid, "unread", {"conversation_id": conversation.id, **counts})


def _unread_counts(conversation: Conversation, user_ids) -> dict[int, dict]:
    """{user id: {"unread": in this conversation, "total": in all}}, in one query."""
    counts = {uid: {"unread": 0, "total": 0} for uid in user_ids}
    for uid, cid, n in db.session.execute(_unread_query(user_ids)):
        counts[uid]["total"] += n
        if cid == conversation.id:
            counts[uid]["unread"] = n
    return counts
