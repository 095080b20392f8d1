"""The shared library: uploaded documents, links and videos, described and filed by room."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..database import UTCDateTime, utcnow
from ..extensions import db

DOCUMENT, LINK, VIDEO = "document", "link", "video"
ITEM_TYPES = (
    "report",
    "toolkit",
    "case_study",
    "training",
    "video",
    "presentation",
    "other",
)


class LibraryItem(db.Model):
    """One entry. A document's file is stored once under its SHA-256, which also tells a
    second upload of the same file; a video keeps only its host and id, never a thumbnail
    fetched from that host."""

    __tablename__ = "library_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    item_type: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    source: Mapped[str] = mapped_column(String(160), default="")  # the organisation
    url: Mapped[str | None] = mapped_column(String(500))  # links and videos
    video_host: Mapped[str | None] = mapped_column(String(10))
    video_id: Mapped[str | None] = mapped_column(String(40))
    sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    file_name: Mapped[str | None] = mapped_column(String(160))  # as shown and downloaded
    content_type: Mapped[str | None] = mapped_column(String(120))
    size: Mapped[int | None] = mapped_column(Integer)
    download_count: Mapped[int] = mapped_column(Integer, default=0, index=True)
    added_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    # Its discussion: a forum topic in its first room, opened on demand.
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("topics.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    added_by: Mapped[User | None] = relationship()
    languages: Mapped[list["LibraryItemLanguage"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )
    rooms: Mapped[list["LibraryItemRoom"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def language_codes(self) -> list[str]:
        return sorted(language.code for language in self.languages)

    @property
    def room_ids(self) -> list[int]:
        return sorted(link.room_id for link in self.rooms)


class LibraryItemLanguage(db.Model):
    __tablename__ = "library_item_languages"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("library_items.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(8), primary_key=True, index=True)


class LibraryItemRoom(db.Model):
    __tablename__ = "library_item_rooms"

    item_id: Mapped[int] = mapped_column(
        ForeignKey("library_items.id", ondelete="CASCADE"), primary_key=True
    )
    room_id: Mapped[int] = mapped_column(
        ForeignKey("rooms.id", ondelete="CASCADE"), primary_key=True, index=True
    )
