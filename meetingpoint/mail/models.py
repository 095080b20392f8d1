"""What outgoing mail keeps: the reply addresses handed out, and addresses that bounce."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime, utcnow
from ..extensions import db


class ReplyKey(db.Model):
    """One person's way to answer one post or conversation by mail: the id in their
    reply+<id>-<signature>@ address. Revoked when the account goes or changes address,
    expired when no mail carried it for MAIL_REPLY_KEY_DAYS."""

    __tablename__ = "mail_reply_keys"
    __table_args__ = (Index("ix_mail_reply_keys_target", "user_id", "target", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    target: Mapped[str] = mapped_column(String(20))  # "post" or "conversation"
    target_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class BouncedAddress(db.Model):
    """An address mail came back from. After MAIL_BOUNCES_TO_STOP hard bounces nothing but
    the mail a person asks for (sign-up, password) is sent to it, until they resume it."""

    __tablename__ = "mail_bounced_addresses"

    email: Mapped[str] = mapped_column(String(254), primary_key=True)  # lower-cased
    hard_bounces: Mapped[int] = mapped_column(Integer, default=0)
    soft_bounces: Mapped[int] = mapped_column(Integer, default=0)
    last_bounce_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_status: Mapped[str] = mapped_column(String(20), default="")
    last_diagnostic: Mapped[str] = mapped_column(Text, default="")
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
