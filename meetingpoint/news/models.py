"""News items and their texts, one per language they were written in."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..database import UTCDateTime, utcnow
from ..extensions import db
from ..i18n import in_language
from ..rooms.models import Room


class NewsItem(db.Model):
    """Site-wide when `room_id` is empty, else the news of one room."""

    __tablename__ = "news_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int | None] = mapped_column(
        ForeignKey("rooms.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    room: Mapped[Room | None] = relationship()
    author: Mapped[User | None] = relationship()
    texts: Mapped[list["NewsText"]] = relationship(cascade="all, delete-orphan", lazy="selectin")

    def text(self, language: str) -> "NewsText":
        return in_language(self.texts, language)


class NewsText(db.Model):
    __tablename__ = "news_texts"

    news_id: Mapped[int] = mapped_column(
        ForeignKey("news_items.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(5), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
