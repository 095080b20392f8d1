"""Conversations (a room's channel, or direct between people), their members and messages."""

from datetime import datetime
from typing import cast

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..database import UTCDateTime, utcnow
from ..extensions import Model

KIND_ROOM, KIND_DIRECT, KIND_GROUP = "room", "direct", "group"
GROUP_MAX_MEMBERS = 20


class Conversation(Model):
    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    # A room's channel: one per room. Room members may read and write it.
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"), unique=True)
    # A direct conversation: "smaller id:larger id", so a pair has exactly one.
    direct_key: Mapped[str | None] = mapped_column(String(40), unique=True)
    # A group conversation's name, chosen by whoever started it.
    title: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_message_id: Mapped[int] = mapped_column(Integer, default=0)


class ConversationMember(Model):
    """A participant of a conversation, and how far they have read it (on any device)."""

    __tablename__ = "conversation_members"

    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    last_read_id: Mapped[int] = mapped_column(Integer, default=0)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship()


class ChatMessage(Model):
    """Committed before anyone is told of it; ids only grow within a conversation."""

    __tablename__ = "chat_messages"
    __table_args__ = (
        # A retried send (same sender, same client-made id) is found, not stored twice.
        UniqueConstraint("sender_id", "client_id"),
        Index("ix_chat_messages_conversation_id_id", "conversation_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    sender_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    client_id: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    sender: Mapped[User | None] = relationship()
    # Not stored: set on sending, the conversation's message before this one, so a client
    # can tell whether it missed any (see live.sent_payload). The ORM would take an
    # annotation for a column, so the type is given by a cast.
    previous_id = cast(int | None, None)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class ChatConnection(Model):
    """One open live connection (a tab or a device). Presence is read from these rows, so
    every server process sees the same people online; rows of a process that died without
    saying goodbye stop counting once `seen_at` is older than the heartbeat allows."""

    __tablename__ = "chat_connections"

    sid: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    connected_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
