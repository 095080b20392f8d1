"""One row per thing a participant should hear about, until they have seen it."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String
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


# How a person wants to hear of each kind of event; no row means the default.
APP, EMAIL, DIGEST, OFF = "app", "email", "digest", "off"
DAILY, WEEKLY = "daily", "weekly"


class NotificationPreference(db.Model):
    __tablename__ = "notification_preferences"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    event: Mapped[str] = mapped_column(String(20), primary_key=True)
    channel: Mapped[str] = mapped_column(String(8))


class DigestSubscription(db.Model):
    """Who asked for a digest, and how often. Nobody gets one without asking."""

    __tablename__ = "digest_subscriptions"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    frequency: Mapped[str] = mapped_column(String(8), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DigestDelivery(db.Model):
    """One digest per person and period: written before the mail is sent, so running the
    command twice for the same period sends nothing twice."""

    __tablename__ = "digest_deliveries"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    period: Mapped[str] = mapped_column(String(16), primary_key=True)  # "2026-11-28", "2026-W48"
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PushSubscription(db.Model):
    """A device (a browser on a phone or computer) that asked for push notifications: where
    its push service takes messages, and the keys they are encrypted with (RFC 8291)."""

    __tablename__ = "push_subscriptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # Unique: one browser profile is one device, whoever signs in on it last.
    endpoint: Mapped[str] = mapped_column(String(1000), unique=True)
    p256dh: Mapped[str] = mapped_column(String(100))
    auth: Mapped[str] = mapped_column(String(40))
    device: Mapped[str] = mapped_column(String(80))  # "Firefox on Android", from User-Agent
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_push_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class PushPreference(db.Model):
    """A kind of event whose push the person turned on or off; no row means the default."""

    __tablename__ = "push_preferences"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    event: Mapped[str] = mapped_column(String(20), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean)


class PushSettings(db.Model):
    """Whether a push may show what was written (on a lock screen), or only who wrote."""

    __tablename__ = "push_settings"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    show_text: Mapped[bool] = mapped_column(Boolean, default=False)
