"""The one path for each change to a conversation: open it, check who may read it, groups."""

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload
from werkzeug.exceptions import NotFound

from ..errors import ForbiddenBecause
from ..extensions import db
from ..rooms.models import Room, RoomMembership
from ..safety.services import blocked_by_any, refusal
from . import live
from .messages import ChatError, unread_per_conversation
from .models import (
    GROUP_MAX_MEMBERS,
    KIND_DIRECT,
    KIND_GROUP,
    KIND_ROOM,
    Conversation,
    ConversationMember,
)

TITLE_MAX = 120


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
    return db.session.scalars(select(Conversation).where(Conversation.room_id == room.id)).one()


def open_direct(user, other) -> Conversation:
    """The one direct conversation between `user` and `other`, made on first use."""
    if other.id == user.id or not other.is_active:
        raise NotFound
    if blocked_by_any(user.id, [other.id]):
        raise ForbiddenBecause(refusal())
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
    return db.session.scalars(select(Conversation).where(Conversation.direct_key == key)).one()


def access_conversation(user, conversation_id) -> Conversation:
    """A conversation `user` may read and write: a channel of a room they belong to, or a
    direct or group conversation they are part of. Anything else is not found."""
    if not isinstance(conversation_id, int) or isinstance(conversation_id, bool):
        raise NotFound
    conversation = db.session.get(Conversation, conversation_id)
    if conversation is None or not user.is_authenticated:
        raise NotFound
    if conversation.kind == KIND_ROOM:
        # The membership row alone: this runs for every message sent in a busy room.
        if db.session.get(RoomMembership, (conversation.room_id, user.id)) is None:
            raise NotFound
    elif db.session.get(ConversationMember, (conversation.id, user.id)) is None:
        raise NotFound
    return conversation


def create_group(user, title: str) -> Conversation:
    """A group conversation with `user` as its first member; they then add people."""
    title = (title or "").strip()
    if not title:
        raise ChatError(_("Give the conversation a name."))
    if len(title) > TITLE_MAX:
        raise ChatError(_("Please use at most %(max)d characters.", max=TITLE_MAX))
    conversation = Conversation(kind=KIND_GROUP, title=title)
    db.session.add(conversation)
    db.session.flush()
    db.session.add(ConversationMember(conversation_id=conversation.id, user_id=user.id))
    db.session.commit()
    return conversation


def add_to_group(user, conversation: Conversation, person) -> None:
    """Any member may add someone, up to GROUP_MAX_MEMBERS; adding twice changes nothing."""
    if conversation.kind != KIND_GROUP or not person.is_active:
        raise NotFound
    if blocked_by_any(user.id, [person.id]):
        raise ChatError(refusal())
    if db.session.get(ConversationMember, (conversation.id, person.id)) is not None:
        return
    count = db.session.execute(
        select(func.count())
        .select_from(ConversationMember)
        .where(ConversationMember.conversation_id == conversation.id)
    ).scalar_one()
    if count >= GROUP_MAX_MEMBERS:
        raise ChatError(
            _("A group conversation has at most %(max)d people.", max=GROUP_MAX_MEMBERS)
        )
    db.session.add(ConversationMember(conversation_id=conversation.id, user_id=person.id))
    live.tell_user(person.id, "conversation", {"conversation_id": conversation.id})
    try:
        db.session.commit()
    except IntegrityError:  # added by someone else at the same moment: they told them
        db.session.rollback()


def leave_group(user, conversation: Conversation) -> None:
    if conversation.kind != KIND_GROUP:
        raise NotFound
    member = db.session.get(ConversationMember, (conversation.id, user.id))
    if member is not None:
        db.session.delete(member)
        db.session.commit()


def conversations_of(user) -> list[tuple[Conversation, list, int]]:
    """The user's direct and group conversations, latest activity first:
    (conversation, the other people in it, unread count). Three queries whatever the count."""
    mine = select(ConversationMember.conversation_id).where(ConversationMember.user_id == user.id)
    conversations = list(
        db.session.scalars(
            select(Conversation)
            .where(Conversation.id.in_(mine), Conversation.kind != KIND_ROOM)
            .order_by(Conversation.last_message_id.desc(), Conversation.id.desc())
        )
    )
    others: dict[int, list] = {c.id: [] for c in conversations}
    if others:
        query = (
            select(ConversationMember)
            .options(joinedload(ConversationMember.user))
            .where(
                ConversationMember.conversation_id.in_(others),
                ConversationMember.user_id != user.id,
            )
        )
        for member in db.session.scalars(query):
            others[member.conversation_id].append(member.user)
    unread = unread_per_conversation(user)
    return [(c, others[c.id], unread.get(c.id, 0)) for c in conversations]


def room_of(conversation: Conversation) -> Room:
    return db.session.get_one(Room, conversation.room_id)


def members(conversation: Conversation) -> list[ConversationMember]:
    query = (
        select(ConversationMember)
        .options(joinedload(ConversationMember.user))
        .where(ConversationMember.conversation_id == conversation.id)
    )
    return list(db.session.scalars(query))
