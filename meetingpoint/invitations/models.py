"""Invitations by list (one per address, single-use) and invite links (shared, counted)."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime, utcnow
from ..extensions import db

SITE, ROOM, ACADEMY = "site", "room", "academy"
MEMBER, PARTICIPANT, FACILITATOR = "member", "participant", "facilitator"


class Invitation(db.Model):
    """One address invited to the site, a room or an Academy. Its link carries the id and a
    signature over `salt`; a new salt (resend) retires the old link."""

    __tablename__ = "invitations"
    __table_args__ = (Index("ix_invitations_scope", "scope", "scope_id", "email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(10))
    scope_id: Mapped[int | None] = mapped_column(Integer)  # the room's or Academy's id
    role: Mapped[str] = mapped_column(String(12), default=MEMBER)
    email: Mapped[str] = mapped_column(String(254))  # lower-cased
    display_name: Mapped[str] = mapped_column(String(80), default="")
    country: Mapped[str | None] = mapped_column(String(2))
    organisation: Mapped[str] = mapped_column(String(160), default="")
    constituency: Mapped[str | None] = mapped_column(String(20))
    locale: Mapped[str] = mapped_column(String(5), default="en")
    invited_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    salt: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_count: Mapped[int] = mapped_column(Integer, default=0)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    accepted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    bounced_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    bounce_reason: Mapped[str] = mapped_column(Text, default="")


class InviteLink(db.Model):
    """A link staff share (in a chat group, on a slide): anyone with it may join, until it
    expires, is used `max_uses` times or is revoked."""

    __tablename__ = "invite_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(40), unique=True)
    scope: Mapped[str] = mapped_column(String(10))
    scope_id: Mapped[int | None] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(12), default=MEMBER)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    max_uses: Mapped[int] = mapped_column(Integer)
    uses: Mapped[int] = mapped_column(Integer, default=0)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class InviteLinkUse(db.Model):
    """Who came in through a link, and when."""

    __tablename__ = "invite_link_uses"

    id: Mapped[int] = mapped_column(primary_key=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("invite_links.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    used_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
