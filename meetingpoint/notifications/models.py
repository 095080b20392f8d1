"""One row per thing a participant should hear about, until they have seen it."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..database import UTCDateTime, utcnow
from ..extensions import db

REPLY, MENTION, NEW_TOPIC, WATCHED_REPLY = "reply", "mention", "new_topic", "watched_reply"
CHAT_MENTION = "chat_mention"
ANNOUNCEMENT = "announcement"
ROOM_NEWS = "room_news"


class Notification(db.Model):
    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_unread", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # What it is about: a forum post for now; later features add their own targets.
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    chat_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("chat_messages.id", ondelete="CASCADE")
    )
    announcement_id: Mapped[int | None] = mapped_column(
        ForeignKey("academy_announcements.id", ondelete="CASCADE")
    )
    news_id: Mapped[int | None] = mapped_column(ForeignKey("news_items.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
