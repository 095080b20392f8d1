"""Thematic rooms, their texts in each language, and who belongs to them."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..database import UTCDateTime, utcnow
from ..extensions import db
from ..i18n import in_language


class Room(db.Model):
    __tablename__ = "rooms"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    texts: Mapped[list["RoomText"]] = relationship(
        back_populates="room", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def text(self, language: str) -> "RoomText":
        """The room's text in `language`, else English, else whichever exists."""
        return in_language(self.texts, language)

    def __repr__(self) -> str:
        return f"<Room {self.slug}>"


class RoomText(db.Model):
    """Content data, not gettext: admins edit it, and a room may lack some languages."""

    __tablename__ = "room_texts"

    room_id: Mapped[int] = mapped_column(
        ForeignKey("rooms.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")

    room: Mapped[Room] = relationship(back_populates="texts")


class RoomMembership(db.Model):
    __tablename__ = "room_memberships"

    room_id: Mapped[int] = mapped_column(
        ForeignKey("rooms.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    room: Mapped[Room] = relationship()
    user: Mapped[User] = relationship()
