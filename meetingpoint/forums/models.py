"""Forum topics, the tree of posts under them, and every post's revisions."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..database import UTCDateTime, utcnow
from ..extensions import db
from ..rooms.models import Room

# Each post's path is its ancestors' ids and its own, ten digits each and nothing else, so
# every collation sorts it the same way: ordering by path gives the thread depth-first, and
# a subtree is the paths that start with its root's.
PATH_DIGITS = 10


def path_segment(post_id: int) -> str:
    return f"{post_id:0{PATH_DIGITS}d}"


class Topic(db.Model):
    __tablename__ = "topics"
    __table_args__ = (Index("ix_topics_room_activity", "room_id", "pinned_at", "last_posted_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_posted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reply_count: Mapped[int] = mapped_column(Integer, default=0)
    pinned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    locked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    room: Mapped[Room] = relationship()
    author: Mapped[User | None] = relationship()
    tags: Mapped[list["TopicTag"]] = relationship(
        back_populates="topic",
        cascade="all, delete-orphan",
        lazy="selectin",
        order_by="TopicTag.name",
    )

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tags]


class TopicTag(db.Model):
    __tablename__ = "topic_tags"

    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)

    topic: Mapped[Topic] = relationship(back_populates="tags")


class Post(db.Model):
    """The topic's opening post has no parent; every reply has one, to any depth."""

    __tablename__ = "posts"
    __table_args__ = (Index("ix_posts_topic_path", "topic_id", "path"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id"))
    path: Mapped[str] = mapped_column(String(2000), default="")
    depth: Mapped[int] = mapped_column(Integer, default=0)
    language: Mapped[str] = mapped_column(String(8))
    body_source: Mapped[str] = mapped_column(Text)
    # Rendered and sanitised once, when written: readers never pay for Markdown.
    body_html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    topic: Mapped[Topic] = relationship()
    author: Mapped[User | None] = relationship()

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_opening(self) -> bool:
        return self.parent_id is None


class PostRevision(db.Model):
    """A post's text before an edit, kept so anyone can see what changed."""

    __tablename__ = "post_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    editor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str | None] = mapped_column(String(200))
    body_source: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    editor: Mapped[User | None] = relationship()
